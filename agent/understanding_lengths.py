"""Lengths and sizes of documents in a message: what one document, page or line holds, in tokens.

Lines of code with the user's tokens per line, text per page ("~500 words a page"), a stated average length ("on
average 3 pages"), sizes in bytes of plain text (never of PDFs, Office files, scans or media), pages per document,
and a total split over documents only when each is long enough to be one (``agent.understanding_quantities`` asks it).
"""

from __future__ import annotations

import re

from agent import understanding_patterns as P
from agent import understanding_structure as S
from agent.understanding_figures import _LENGTH_UNITS, _QUERY_SUBJECT, MIN_DOC_TOKENS, Found

_TEXT_SIZE = re.compile(r"^\s*([kmg])i?b\s+(?:(?:per|each|a|for each)\s+(?:file|doc|document|page|record)\s+)?"
                        r"(?:(?:of|de|di|von|an)\s+)?(?:plain\s+|raw\s+|clean\s+)?(?:text|txt|markdown)\b")
_BYTES = {"k": 1e3, "m": 1e6, "g": 1e9}
# Files whose size in bytes is no measure of their text: PDFs, Office files, scans, images, audio, video
_BINARY_FILES = re.compile(r"\b(?:pdfs?|docx?|pptx?|xlsx?|word (?:docs?|documents|files)|powerpoints?|excel|"
                           r"scan(?:s|ned)?|"
                           r"images?|jpe?g|png|tiff?|audio|video|mp[34]|wav|zip|binar(?:y|ies))\b")
_TEXT_TOTAL = re.compile(r"\d\s*[mg]i?b\s+(?:(?:of|de|di|von|an)\s+)?(?:plain\s+|raw\s+|clean\s+)?"
                         r"(?:text|txt|markdown)\b")
_LINES = re.compile(r"(?<![\d.])(\d{1,6})\s*(?:lines?|loc)\b(?! of code in total| in total)")
_PER_LINE = re.compile(r"(?:~|about |around |roughly |maybe |call it |say )?(\d{1,4})\s*tokens?\s*"
                       r"(?:a|per|each|every|/)\s*line\b")


def _lines_as_tokens(text: str) -> str:
    """``text`` with "200 lines ... 10 tokens a line" read as the user's own estimate, "2000 tokens each".

    Lines alone say nothing about tokens (code and prose lines differ too much); the per-line figure is the user's.
    """
    per_line, lines = _PER_LINE.search(text), _LINES.search(text)
    if not per_line or not lines:
        return text
    tokens = int(lines.group(1)) * int(per_line.group(1))
    text = text[:per_line.start()] + " " * (per_line.end() - per_line.start()) + text[per_line.end():]
    return text[:lines.start()] + f"{tokens} tokens each".ljust(lines.end() - lines.start()) + text[lines.end():]


def _coarse_length(text: str, num: P.Number) -> bool:
    """Whether a length is counted in sentences, paragraphs or lines (a rough size a figure in words beats)."""
    after = text[num.end:num.end + 40]
    return bool(P.SENTENCES_AFTER.match(after) or P.PARAGRAPHS_AFTER.match(after) or (  # s14-a: "3 or 4 lines
        P.LINES_AFTER.match(after) and not re.match(r"^[\s\-]*(?:lines? of code|loc|sloc)\b", after)))  # each"


# The text on a page in any language, glossed: "a page is maybe 800 words", "每页大概800字", "한 페이지에 800字",
# "1 pages あたり about 1,000字", "800 words per page": the figure, its unit (words, 字, characters) and the page.
_HEDGE = (r"(?:about|around|roughly|approx\.?|approximately|maybe|perhaps|typically|usually|~|"
          r"大概|大约|约|差不多|くらい|정도)")
_PER_PAGE_TEXT = re.compile(
    r"(?:\b(?:each|a|per|every|one|1)\s+|每|一|한\s*|1\s*)(?:page|pages|slide|页|頁|페이지|ページ)\s*"
    r"(?:is|has|contains|holds|of|runs|averages|(?:is )?on average|あたり|当たり|에는|에|大概|大约|约|有|差不多)?\s*"
    rf"(?:{_HEDGE}\s*)*(?P<figure>\d[\d,.]*\s*k?)\s*(?P<unit>words?|字|characters|chars)|"
    r"(?P<figure2>\d[\d,.]*)\s*(?P<unit2>words?|字|characters|chars)\s*(?:per|a|each|on a|on each|on every|/|in a)\s*"
    r"(?:page|slide)\b")
_TEXT_UNIT_TOKENS = {"w": P.TOKENS_PER_WORD, "字": P.TOKENS_PER_CJK_CHAR, "c": 1 / P.CHARS_PER_TOKEN}
# An average said beside a range or its extremes ("from 1 to 80 pages, avg maybe 10", "von 1 bis 60 Seiten, im
# Schnitt etwa 12", "短的一两页，长的上百页，平均下来大概10页"): the average is the length.
_AVERAGE_CUE = re.compile(r"\bon average\b|\bon avg\b|\baverage,? (?:i'?d say|i would say|i(?:'d)? guess|would be|"
                          r"is probably|would probably be)\b|"  # s14-a: "if I had to guess an average I'd say 6 or 7"
                          r"\baverage (?:is|of|at|around|about|maybe|length is|doc is|document is|one is)?|\bavg\.?|"
                          r"\bim schnitt\b|\bim durchschnitt\b|\bdurchschnittlich\b|\bim mittel\b|"
                          r"\ben moyenne\b|\bmoyenne de\b|\ben promedio\b|\bpromedio de\b|\bde media\b|"
                          r"\bcom m[ée]dia de\b|\bem m[ée]dia\b|\bm[ée]dia de\b|\bin media\b|\bmediamente\b|"
                          r"\bgemiddeld\b|\b[śs]rednio\b|\bi snitt\b|\bi genomsnitt\b|\bortalama\b|\bв среднем\b|"
                          r"平均(?:下来|来说|的话|は|で|して)?|평균(?:은|적으로)?|\bla media\b|\bdi media\b|\bmedian\b|"
                          # what most documents are, beside the extremes ("from a paragraph to 30 pages, most are
                          # around 3 pages", "zwischen 5 und 50 Seiten, meistens so 10")
                          r"\bmost (?:are|of them are|docs are|documents are|run|sit at)\b|\bmostly\b|\btypically\b|"
                          r"\busually\b|\bmeistens\b|\bmeist\b|\bin der regel\b|\bla plupart (?:font|sont|ont)?\b|"
                          r"\bla mayor[íi]a (?:son|tiene|tienen)?\b|\ba maioria (?:tem|é|são)?\b|"
                          r"\bla maggior parte (?:è|sono|ha)?\b|\bde meeste (?:zijn|hebben)?\b|\bwiększość\b|"
                          r"\bde flesta (?:är|har)?\b|\bçoğu\b|\bбольшинство\b|一般|通常|대부분|보통|たいてい|多くは|"
                          # s7-b: "usually" in the Slavic languages, Italian and Swedish ("обычно листов 20")
                          r"\bобычно\b|\bкак правило\b|\bзазвичай\b|\bяк правило\b|\bzwykle\b|\bzazwyczaj\b|"
                          r"\bprzeważnie\b|\bdi solito\b|\bsolitamente\b|\bvanligtvis\b|\boftast\b|\bnormalt\b")


_AVERAGE_NAMED = re.compile(r"average|avg|mean|median|schnitt|mittel|durchschnitt|moyenne|promedio|media|m[ée]dia|"
                            r"gemiddeld|[śs]rednio|snitt|ortalama|среднем|平均|평균")


def _stated_average(work: str, found: Found, asked: str | None) -> None:
    """The length after an average cue wins over a range's midpoint or extremes read before it."""
    if ("doc_length_tokens" not in found.updates and asked != "doc_length_tokens") or S.average_over_maximum(work):
        return  # (an average after a maximum: ``_structured_fields`` scales the length read from the maximum)
    # an average named so wins over what documents "usually" are ("判决书一般一两万字，合同短一些，平均下来每份
    # 大概八千字": 8,000; s16-a)
    for cue in sorted(_AVERAGE_CUE.finditer(work), key=lambda c: (not _AVERAGE_NAMED.search(c.group()), c.start())):
        if _QUERY_SUBJECT.search(work[max(0, cue.start() - 30):cue.start()]):
            continue  # "queries average 8 words": a query's length
        rest = work[cue.end():cue.end() + 30]
        figures = P.find_numbers(rest, 2)
        if not figures or figures[0].start > 20 or re.search(r"[,;。，；.!?]", rest[:figures[0].start]):
            continue
        figure = figures[0]
        if re.match(r"^\s*(?:-|–|~|～|to|bis|à|a|al|e|and|und|en|do|до|ile|till|到|至|から)\s*\d", rest[figure.end:]):
            continue  # "typically 20 to 40 pages": a range, read as one
        after = rest[figure.end:] + work[cue.end() + 30:cue.end() + 60]
        factor = next((f for rx, f in _LENGTH_UNITS if rx.match(after)), 1.0 if P.TOKENS_AFTER.match(after) else None)
        if factor is None:  # "from 1 to 100 pages, on average about 10": the unit of the figures before it
            units = [f for n in P.find_numbers(work[:cue.start()], 10) for rx, f in _LENGTH_UNITS
                     if rx.match(re.sub(r"^\s*\+", "", work[n.end:n.end + 30]))]  # "often 100+ pages"
            factor = units[-1] if units else None
        if factor is None or figure.value <= 0:
            continue
        found.updates["doc_length_tokens"] = int(round(figure.value * factor))
        return


def _pages_per_document(numbers: list[P.Number], work: str, found: Found) -> None:
    """A corpus of pages and the pages of one document ("15万页，一份大概10页"): the documents are pages / length."""
    docs, length = found.updates.get("corpus_docs"), found.updates.get("doc_length_tokens")
    if not isinstance(docs, int) or not isinstance(length, int):
        return
    paged = [n for n in numbers if P.PAGES_AFTER.match(work[n.end:])]
    total = next((n for n in paged if n.value >= P.PAGES_AS_DOCS_FROM and int(n.value) == docs), None)
    each = next((n for n in paged if n is not total and int(round(n.value * P.TOKENS_PER_PAGE)) == length), None)
    if total is not None and each is not None and 2 <= each.value <= total.value / 2:
        found.updates["corpus_docs"] = int(round(total.value / each.value))


def _split_corpus_tokens(found: Found) -> None:
    """Turn "2M tokens in total" into a length or a count when the other one is known; else keep the total."""
    total, updates = found.corpus_tokens, found.updates
    if not total:
        return
    if "corpus_docs" in updates and "doc_length_tokens" not in updates:
        length = round(total / updates["corpus_docs"])
        if length < MIN_DOC_TOKENS:  # "500k chunks of 512 tokens": the 512 is not the whole corpus; say nothing
            return
        updates["doc_length_tokens"] = length
    elif "doc_length_tokens" in updates and "corpus_docs" not in updates:
        updates["corpus_docs"] = max(1, round(total / updates["doc_length_tokens"]))
    else:
        return
    found.corpus_tokens = None
