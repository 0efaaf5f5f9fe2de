"""A long message read part by part: each line, sentence and clause on its own, then the readings reconciled.

The opening message a team lead pastes states many fields at once ("120k contracts, 30 pages each. 200 lawyers, 15
searches a day each. Budget $2,000/month. ..."), as a paragraph, a bullet list, "key: value" lines, a table or a
pasted chat thread. Read as one text, a figure of one field sits within reach of another field's words ("15 searches
a day each. Budget" , "检索量约5000次，预算每月5000元"), so the reader of ``agent.understanding_quantities`` is also
run on each part alone and the readings are reconciled field by field:

- a field no part states alone keeps the whole message's value (people counted in one sentence, their rate in the next);
- a field exactly one value of the parts states takes that value (the part read alone is the closer reading), unless
  the message corrects itself (then a later figure replaces an earlier one across parts, which the whole reading
  knows);
- a field two parts state differently keeps the whole reading's value when it is one of them, else it is left unset:
  never a guess between two figures.

A line of a structured paste that names its field ("Documents: 50,000", "| 月查询量 | 50万 |", "予算：月10万円",
"GPU           none") is read as the answer to that field, so a bare figure after the label counts; a label that names
no field ("Team size: 7", "Founded: 2011", "Users: 150", "员工人数") reads its line as context only. The domain is
left to the whole message (an organisation is described across sentences).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from agent import understanding_patterns as P
from agent import understanding_rates as R
from agent import understanding_structure as S

MIN_PARTS = 2  # parts with something to read; a message of one part is the whole reading
MIN_FIGURES = 2  # a message with fewer figures has none read beside another field's words
_WHOLE_ONLY = ("domain", "top_k", "query_length_tokens", "max_first_indexing_days")  # read from the whole message only
# Statements in words keep the whole message's reading when it has one ("non-commercial models? not an option"); a
# part may only add one the whole message left out.
_WORDED = ("license", "deployment", "data_must_stay_on_prem", "priorities")
# Sentences: a full stop before a space, "!", "?", "。", a line break (a semicolon joins clauses, as a comma does).
_SENTENCE = re.compile(r"[!?。！？\n]+|\.(?=\s)")
_CLAUSE = re.compile(r"[、，；・]|;|,(?=\s+(?:[a-z]+\s+){0,2}[~≈]?\d)|\s[-–—]\s|\s\|\s|(?<=\S)\s{3,}(?=\S)")
_HAS_CONTENT = re.compile(r"\d|[a-z\u3040-\u9fff\uac00-\ud7af]{3}")
# A structured line's label: "- Documents:", "| 文档数 |", "予算：", "Docs          650k", "Q: How many documents? A:"
_LABELLED = re.compile(r"^[\s\-*•·・>|#\d.)）、【]*(?P<label>[^:：|=\n\d【】]{1,30}?)\s*"
                       r"(?:[:：=】]|\s?\|\s?|(?P<gap>\s{3,}))\s*(?P<value>\S.*)$")
_LABELS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((name, re.compile(rx)) for name, rx in (
    ("doc_length_tokens", r"length|pages?\s*(?:/|per)\s*doc|avg\.?\s+pages|words?\s*(?:/|per)\s*doc|avg_len|"
                          r"平均(?:字数|长度|長度|页数|頁數|長さ|文字数|長)|单篇|單篇|每份|每篇|長さ|길이|분량|"
                          r"\bavg\b.*\b(?:pages?|words?|tokens?)\b"),
    ("corpus_docs", r"\bdocs?\b|documents?|corpus|\bfiles?\b|\bkb\b|knowledge base|文档|文檔|文件|文書|件数|문서"),
    ("queries_per_month", r"quer(?:y|ies)|searches|\bsearch\b|traffic|volume|throughput|\bqps\b|lookups|"
                          r"查询|查詢|检索量|検索|クエリ|검색|쿼리"),
    ("budget_usd_month", r"budget|预算|預算|予算|예산"),
    ("latency_p95_ms", r"latency|\bp95\b|\bsl[oa]\b|response time|延迟|延遲|レイテンシ|応答|지연|레이턴시|응답"),
    ("hardware", r"\bgpus?\b|hardware|\binfra\b|硬件|硬體|显卡|ハードウェア|インフラ|인프라|하드웨어"),
    ("license", r"licen[cs]|许可证|授權|ライセンス|라이선스"),
    ("deployment", r"deployment|hosting|部署|設置|배포"),
    ("data_must_stay_on_prem", r"residency|数据出境|資料出境|データ|데이터"),
))
_CONTEXT_LABEL = re.compile(r"team|staff|employees?|founded|offices?|users?|revenue|notes?|員工|员工|人数|人數|設立|"
                            r"社員|利用者|직원|지점|사용자|团队|團隊|チーム")


# The period a label gives its figures ("Queries/day   12k", "| 日查询 | 8000 |", "일 검색량: 2만 회", "QPS: ~5"): said
# after the figure when the value names none, so the rate reader multiplies it.
_LABEL_PERIODS = ((" per second", re.compile(r"\bqps\b|/\s*s(?:ec)?\b|每秒|秒|초당")),
                  (" per day", re.compile(r"/\s*day|\bper day\b|\bdaily\b|\bday\b|[日天]|일(?!본)|하루")),
                  (" per week", re.compile(r"/\s*w(?:ee)?k|\bweekly\b|[周週]|주(?:간|당)")),
                  (" a month", re.compile(r"/\s*mo(?:nth)?\b|\bper month\b|\bmonthly\b|月|월")))


_FIGURE = re.compile(r"\d[\d.,]*\s*(?:[kmw]\b|[万千亿萬億천만억])?\s*(?:회|次|回|件|건|번|times\b|quer(?:y|ies)\b|"
                     r"searches\b|requests\b|lookups\b)?")
_LENGTH_UNITS = ((" pages", re.compile(r"pages?|页|頁|ページ|페이지")), (" tokens", re.compile(r"tokens?")),
                 (" words", re.compile(r"words?")), ("字", re.compile(r"字|자")))
_UNIT_SAID = re.compile(r"pages?|页|頁|words?|tokens?|字|자|chars?|characters?|kb|ページ|페이지")
_FIELD_WORDS = {"queries_per_month": "queries", "doc_length_tokens": "document length", "corpus_docs": "documents"}


def canonical(part: str, field: str | None) -> str:
    """A labelled line said plainly: "- Queries/day   12k |" -> "queries: 12k per day".

    The label's period goes after the figure of a rate ("| 日查询 | 8000 |", "QPS: ~5 at peak"), the label's unit
    after the figure of a length ("Pages/doc     4", "平均字数: 1500"); other labels are kept as written, without
    the bullets and table bars around them.
    """
    match = _LABELLED.match(part.strip("\n"))
    if not match or field is None:
        return part
    label, value = match.group("label").strip(), match.group("value").strip(" |\n").replace("|", ",")
    figure = _FIGURE.search(value)
    if field == "queries_per_month" and figure and not any(rx.search(value) for rx, _ in P.PERIODS):
        said = next((said for said, rx in _LABEL_PERIODS if rx.search(label)), "")
        value = value[:figure.end()].rstrip() + said + " " + value[figure.end():]
    if field == "doc_length_tokens" and figure and not _UNIT_SAID.search(value):
        unit = next((unit for unit, rx in _LENGTH_UNITS if rx.search(label)), "")
        value = value[:figure.end()].rstrip() + unit + " " + value[figure.end():]
    peak = "peak " if _PEAK.search(label) and field in _FIELD_WORDS else ""  # "Peak QPS: 2": still a peak
    each = " each" if field == "queries_per_month" and _PER_PERSON.search(label.lower()) else ""  # "per user per day"
    return f"{peak}{_FIELD_WORDS.get(field, label)}: {value.strip()}{each}\n"


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return abs(a - b) <= 0.02 * max(abs(a), abs(b), 1e-9)
    if isinstance(a, dict) and isinstance(b, dict):
        return str(a.get("accelerator", "")).lower() == str(b.get("accelerator", "")).lower()
    return bool(a == b)


def label_field(part: str, lines: bool = True) -> tuple[str | None, bool]:
    """The field a structured line's label names, and whether the line has a label at all.

    A label set off by spaces only ("Docs          650k") counts on a line of a message of several lines.
    """
    match = _LABELLED.match(part.strip("\n"))
    if not match or not re.search(r"[^\W\d_]", match.group("label")) or (match.group("gap") and not lines):
        return None, False
    label = match.group("label").strip().lower()
    if _CONTEXT_LABEL.search(label) and not re.search(r"quer|search|查询|查詢|検索|검색", label):
        return None, True
    name = next((name for name, rx in _LABELS if rx.search(label)), None)
    value = match.group("value")
    figure = _FIGURE.search(value)
    if name == "queries_per_month" and _SIZE_LABEL.search(label) and figure and \
            P.docs_after(value[figure.end():figure.end() + 40]) and not any(rx.search(value) for rx, _ in P.PERIODS):
        name = "corpus_docs"  # s16-a: "Volume: ~850k tickets", "Volume: cerca de 3,5 milhões de laudos": a size
    if name is None and match.group("gap") is None and not any(rx.search(label) for rx, _ in P.PERIODS) and \
            P.DOCS_AFTER.match(" " + label):  # "Ticket storici: 1,1 milioni", "Transcrições de programas: 200 mil"
        name = "corpus_docs"
    return name, True


# A label that names an amount of anything ("Volume", "Umfang", "Volumen"): the documents' count when its figure counts
# documents, the queries' otherwise
_SIZE_LABEL = re.compile(r"\bvolumes?\b|\bvolumen\b|\bumfang\b|\bvolumétrie\b|\bvolumetr[íi]a\b")


# The words that tie a clause to one field: a clause is read alone only beside a clause about another field.
_CUES = (("corpus_docs", re.compile(r"\b(?:documents?|docs?|files?|articles?|contracts?|tickets?|records?|items?|"
                                   r"manuals?|reports?|emails?|listings?|skus?|products?|theses|papers?|cvs?|"
                                   r"policies|faqs?)\b|份|篇|件|건|条|條")),
         ("doc_length_tokens", re.compile(r"\b(?:pages?|words?|tokens?|characters?|chars?)\b|"
                                         r"页|頁|字|자|ページ|페이지")),
         ("queries_per_month", re.compile(r"\b(?:quer(?:y|ies)|searches|search|lookups?|requests?|qps|times)\b|"
                                         r"查询|检索|検索|검색|쿼리|次|回|회")),
         ("budget_usd_month", re.compile(r"budget|[$€£¥₹]|\b(?:usd|eur|gbp|yen|dollars?|euros?)\b|预算|元|块|円|원")),
         ("latency_p95_ms", re.compile(r"latency|\bms\b|milliseconds?|\bp95\b|延迟|毫秒|응답")),
         ("hardware", re.compile(r"\bgpus?\b|\b[ahlt]\d{1,3}s?\b|\brtx\b|显卡|\bcores?\b|\bram\b")))


# A rate per person leans on the people counted before it ("2k lawyers using it, maybe 10 searches/day each",
# "200名工程师，每人每天查5次"): it stays with the clause before.
_PER_PERSON = re.compile(r"\beach\b|\bper (?:user|person|head|employee|agent|member|lawyer|engineer)\b|\bapiece\b|"
                         r"人均|每人|每个人|每位|一人|1人|各自|それぞれ|인당|각각|각자|1명당|한 명당")


# A peak rate beside an average one: the average is the month's rate ("Monthly queries: 30k / Peak QPS: 2").
_PEAK = re.compile(r"\bpeaks?\b|\bat (?:the )?busiest\b|峰值|高峰|ピーク|피크")


class _Said:
    """A reading with only the given values (a part's peak rate, merged when no part gives an average)."""

    def __init__(self, updates: dict[str, Any]) -> None:
        self.updates = updates


def _cue(piece: str) -> set[str]:
    return {name for name, rx in _CUES if rx.search(piece)}


def clauses(sentence: str) -> list[str]:
    """The clauses of a sentence that each speak of another field ("検索は1日2000回、予算は月5万円").

    A clause without a field's word of its own stays with the one before ("at most 20 pages, typically 5").
    """
    groups: list[str] = []
    cues: set[str] = set()
    for piece in _CLAUSE.split(sentence):
        here = _cue(piece)
        if groups and (_PER_PERSON.search(piece) or not (here and cues and not here & cues)):
            groups[-1] += " " + piece
            cues |= here
        else:
            groups.append(piece)
            cues = here
    groups = [g for g in groups if _HAS_CONTENT.search(g)]
    return groups if len(groups) > 1 else []


# A pasted questionnaire: "Q: How many documents?\nA: About 60,000", "How many documents? About 60,000\nAverage
# length? 3-4 pages": the question is the answer's label (s7-c)
_QUESTION_ANSWER = re.compile(r"(?im)^[ \t\-*•]*(?P<mark>q(?:uestion)?\s*\d*\s*[:.)]\s*)?(?P<q>[^\n?:]{3,40}?)\s*"
                              r"\?[ \t]*(?P<a>\n[ \t\-*•]*a(?:nswer)?\s*\d*\s*[:.)]|[ \t]+(?=\S))[ \t]*")


def questionnaire(text: str) -> str:
    """``text`` with a pasted questionnaire's questions made labels ("how many documents: about 60,000").

    Only a paste: "Q:"/"A:" pairs, or two lines or more that each hold a question and its answer (a side question with
    a remark after it, "how long would indexing take? we have 2M docs", stays as written).
    """
    if "?" not in text:
        return text
    pairs = list(_QUESTION_ANSWER.finditer(text))
    marked = [m for m in pairs if m.group("mark") and m.group("a").startswith("\n")]
    if not marked and len(pairs) < 2:
        return text
    chosen = {m.span() for m in marked or pairs}
    return _QUESTION_ANSWER.sub(lambda m: f"{m.group('q')}: " if m.span() in chosen else m.group(), text)


# A figure pasted from a tool after its label, inside a sentence ("from grafana: search_requests_total 1,843,220",
# "sheet says Total rows: 87,412", "tickets_count = 31k"): the label's noun is what the figure counts, so it is put
# after the figure as a count is said (s12-b). A label that starts its line is read by ``label_field``.
_NOUNS = r"rows|requests|searches|queries|lookups|documents|docs|files|records|tickets|entries|articles"
_NOUN_LABEL = re.compile(
    rf"(?<![\w.])(?P<label>(?:[a-z]+_){{1,3}}(?:{_NOUNS})(?:_[a-z]+){{0,2}}|(?:{_NOUNS})(?:_[a-z]+){{1,2}})"
    rf"\s*[:=]?\s*(?P<figure>\d[\d,.]*(?:\s?[km]\b)?)(?![\d,.]*\d)|"
    rf"(?<=\S)(?:(?<=:)|(?<=\bsays)|(?<=\bshows)|(?<=\breads))\s+"
    rf"(?P<said>(?:[a-z]+ ){{0,2}}?(?:{_NOUNS})(?: total| count)?)"
    rf"\s*[:=]\s*(?P<figure2>\d[\d,.]*(?:\s?[km]\b)?)(?![\d,.]*\d)", re.I)
_LABEL_FILLER = re.compile(r"\b(?:total|count|sum|number|the|of)\b")


def labels_after(text: str) -> str:
    """``text`` with a tool's "label: figure" inside a sentence said as "figure label" (``_NOUN_LABEL``)."""
    def said(m: re.Match[str]) -> str:
        label, figure = (m.group("label"), m.group("figure")) if m.group("label") else (m.group("said"),
                                                                                         m.group("figure2"))
        words = " ".join(_LABEL_FILLER.sub(" ", label.lower().replace("_", " ")).split())
        return f"{' ' if m.group('said') else ''}{figure} {words}"
    return _NOUN_LABEL.sub(said, text)


def parts(text: str) -> list[tuple[str, str | None, list[str]]]:
    """The lines and sentences of ``text`` worth reading alone, each with the field its label names and its clauses."""
    out: list[tuple[str, str | None, list[str]]] = []
    lines = text.strip().count("\n") >= 2
    for start, end in _sentences(text):
        sentence = text[start:end]
        if not _HAS_CONTENT.search(sentence) or re.search(r"[?？]\s*$", sentence):  # a question needs its context
            continue
        field, _ = label_field(sentence, lines)
        pieces = [] if field else clauses(sentence)
        out.append((canonical(sentence, field), field, pieces))
    return out


def _sentences(text: str) -> list[tuple[int, int]]:
    return P.split_sentences(text, _SENTENCE)


def _merge(whole: Any, readings: list[Any], corrects_itself: bool) -> None:
    """Reconcile ``whole`` with the readings of its parts, field by field (the module doc's three cases)."""
    values: dict[str, list[Any]] = {}
    for found in readings:
        for name, value in found.updates.items():
            if name in _WHOLE_ONLY:
                continue
            seen = values.setdefault(name, [])
            if not any(_same(value, v) for v in seen):
                seen.append(value)
    for name, seen in values.items():
        have = whole.updates.get(name)
        if name in whole.updates and (any(_same(have, v) for v in seen) or name in _WORDED):
            continue
        if name == "corpus_docs" and getattr(whole, "summed", False) and name in whole.updates:
            continue  # "contracts: 40,000 / amendments: 60,000": the whole reading adds the parts up
        if name == "doc_length_tokens" and "query_length_tokens" in whole.updates:
            continue  # "users type short queries, maybe 5 words on average": the whole reading gave it to the queries
        if len(seen) == 1 and not (corrects_itself and name in whole.updates):
            if name == "hardware" and name in whole.updates:
                continue  # cards and memory said across parts: the whole reading puts them together
            whole.updates[name] = seen[0]
        elif len(seen) > 1 and name in whole.updates and not corrects_itself:
            del whole.updates[name]  # two figures for one field, the whole reading neither of them: not guessed


def reconcile(text: str, asked: str | None, whole: Any, read: Callable[[str, str | None], Any],
              corrects_itself: bool) -> Any:
    """``whole`` (the reading of all of ``text``) reconciled with the readings of its parts (see the module doc).

    Each sentence is first reconciled with its clauses, then the message with its sentences.

    Args:
        text: the normalised message.
        asked: the field just asked about (the parts without a label are read without it).
        whole: the ``Found`` of the whole message; changed in place and returned.
        read: the reader of one text (``agent.understanding_quantities`` without this step).
        corrects_itself: the message takes a figure back ("no wait", "actually"): the whole reading decides.
    """
    if corrects_itself or (len(P.find_numbers(text, MIN_FIGURES)) < MIN_FIGURES and not (
            "\n" in text and any(label_field(line, True)[0] for line in text.split("\n")))):
        # "licence doesn't matter... no wait, let me check with legal"; one figure has no neighbour, unless a line of
        # a structured paste names its field ("documents: 400k" beside other lines): read the same with one figure
        return whole
    pieces = parts(text)
    if len(pieces) < MIN_PARTS and not any(clauses for _, _, clauses in pieces):
        return whole
    readings, cards, peaks = [], [], []
    for sentence, field, clauses in pieces:
        found = read(sentence, field)
        if _PEAK.search(sentence) and "queries_per_month" in found.updates:  # "Peak QPS: 2" beside "Monthly: 30k"
            peaks.append(found.updates.pop("queries_per_month"))
        if _PER_PERSON.search(sentence) and field in (None, "queries_per_month") and not any(
                P.USERS.match(sentence[n.end:]) for n in P.find_numbers(sentence, 12)):  # people counted elsewhere
            found.updates.pop("queries_per_month", None)
        if clauses:
            _merge(found, [read(c, None) for c in clauses], corrects_itself)
        readings.append(found)
        if field == "hardware" and found.updates.get("hardware"):
            cards.append(found.updates["hardware"])
    if "queries_per_month" in whole.updates and S.weekdays_only(text) and not any(
            S.weekdays_only(sentence) for (sentence, _, _), found in zip(pieces, readings, strict=True)
            if "queries_per_month" in found.updates):
        for found in readings:  # "5 searches a day each, 200 users. Working days only.": the days said in another
            found.updates.pop("queries_per_month", None)  # sentence; the whole reading has them, the part does not
    usual = R.usual_and_peak(text, asked) if "queries_per_month" in whole.updates else None
    if usual and usual[0] == whole.updates["queries_per_month"]:
        for found in readings:  # s17-c: "ピーク時は秒間30リクエスト、平均すると秒間1件": the whole message reads the
            found.updates.pop("queries_per_month", None)  # usual rate beside the peak; a part alone reads the peak
        peaks = []
    _merge(whole, readings, corrects_itself)
    if peaks and not any("queries_per_month" in r.updates for r in readings):
        _merge(whole, [_Said({"queries_per_month": v}) for v in peaks], corrects_itself)  # only a peak: the rate
    if len(cards) == 1:  # "GPU: none (CPU: 16 vCPU, 64 GB)": the hardware line's reading wins over the whole's
        card, merged = cards[0], {**(whole.updates.get("hardware") or {}), **cards[0]}
        if card.get("accelerator") == "none" or ("vram_gb" not in card and merged.get("vram_gb") == card.get("ram_gb")):
            merged.pop("vram_gb", None)  # the machine's memory, read as the card's by the whole message
        whole.updates["hardware"] = merged
    return whole
