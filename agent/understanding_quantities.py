"""Quantities in a message: which profile field each number is about, from its unit, rate and the words around it.

Counts with rates ("300 engineers, 20 searches each per day" = 300 x 20 x 30 = 180,000 queries a month; "10% of
them"; a per-person rate whose people are not counted is left unset), units to tokens (pages, words, characters, 字,
paragraphs, sentences, tweets, lines of code at 10 tokens, minutes of transcribed speech at 150 words, slides only
with their words per slide), money with currencies and periods, seconds and milliseconds. Growth ("growing by 2,000
a month") is kept apart from size and budget, and a bare "2,000 a month" that could be a budget or a query count is
returned as ambiguous, to be asked about, never stored.

The entry point (``extract_fields``): it reads a message's figures with ``agent.understanding_fields`` (which field
one figure is about), ``understanding_documents`` (counts of documents), ``understanding_lengths`` (lengths and sizes),
``understanding_searches`` (rates of searches and the people counted), ``understanding_money`` (budgets and the sums
that are not the budget) and ``understanding_figures`` (what they share).
"""

from __future__ import annotations

import copy
import functools
import re
from dataclasses import replace
from typing import Any

from pydantic import BaseModel

from agent import understanding_patterns as P
from agent import understanding_rates as R
from agent import understanding_segments as G
from agent import understanding_structure as S
from agent.understanding_documents import (
    _ONE_DOCUMENT,
    _another_part,
    _docs_per_unit,
    _items_indexed,
    _listed_parts,
    _only_part_indexed,
    _parts_times_each,
    _sum_counts,
    _things_counted,
    _total_count,
    _unnamed_part,
    one_named,
)
from agent.understanding_fields import _FROM_NOW, _MULTIPLIER_AFTER, _classify
from agent.understanding_figures import (
    _ONE_OF_PERIOD,
    _OTHER_UNIT,
    SELF_CORRECTION,
    TOKENS_PER_TWEET,
    Found,
    _clause_span,
    clause_before,
)
from agent.understanding_hardware import hardware_mentions
from agent.understanding_lengths import (
    _PER_PAGE_TEXT,
    _TEXT_UNIT_TOKENS,
    _coarse_length,
    _lines_as_tokens,
    _pages_per_document,
    _split_corpus_tokens,
    _stated_average,
)
from agent.understanding_memo import once_per_message
from agent.understanding_money import (
    _PAY_BEFORE,
    _PRICE_UNIT,
    _second_sum,
    _share_of_other,
    _share_of_spend,
    _share_of_sum,
    _stretched_budget,
    as_field,
    others_money,
)
from agent.understanding_numbers import GROWS_BEFORE as GROWS_BEFORE_WORDS
from agent.understanding_searches import (
    _AROUND_THE_CLOCK,
    _CAP_BEFORE,
    _EACH_ITEM_QUERIES,
    _EACH_TAKES,
    _MOST_PER_PERSON,
    _PEAK_CLAUSE,
    _PEOPLE,
    _PEOPLE_ARE,
    _PER_ITEM_QUERY,
    _PER_PERSON,
    _PHONE_CALLS,
    _TOTAL_RATE,
    _WE_ARE,
    _WEEKEND_CLAUSE,
    _cjk_queries_per_item,
    _people_before_each,
    _people_do,
    _people_of_them,
    _per_arrival,
    _per_interval,
    _queries_per_item,
    _searches_per_unit,
    _sentence_period,
    _shifts_a_day,
    _small_rate_after,
    _users,
    _users_counted,
    _working_days,
)
from agent.understanding_statements import read_statements
from tools.profile.schema import NUMERIC_FIELDS, Hardware, RequirementProfile

MAX_NUMBERS = 100  # figures read in one message


_HARDWARE_WORD = re.compile(r"\bgpus?\b|\bcards?\b|\b[ahlt]\d{1,3}[a-z]?s?\b|\brtx\b|\bservers?\b|\bmachines?\b|"
                            r"\bnodes?\b|\bboxes\b|显卡|服务器")


# "maybe 50? 60? queries a day": a guess said as two figures with question marks is the range between them
_HESITANT = re.compile(r"(?<![\d.,])(\d{1,6})\s*\?\s*(?:or\s+)?(?:maybe\s+)?(\d{1,6})\s*\?"
                       r"(?=\s*[a-z\u3040-\u9fff\uac00-\ud7af])")


def _hesitant_range(text: str) -> str:
    """``text`` with "50? 60? queries" as "50-60  queries" (same length), when the two figures are close."""
    def one(m: re.Match[str]) -> str:
        low, high = int(m.group(1)), int(m.group(2))
        return f"{low}-{high}".ljust(len(m.group())) if 0 < low < high <= 3 * low else m.group()
    return _HESITANT.sub(one, text)


# A count in brackets after what it counts ("help articles (~15k) and closed tickets (about 600k)"): read
# as "~15k help articles", the order every other rule knows
_COUNT_IN_BRACKETS = re.compile(r"((?:[a-z][a-z\-]*\s+)?[a-z][a-z\-]*s)\s*\(\s*"
                                r"((?:~|about |around |roughly |approx\.? |"
                                r"ca\.? |circa |some |over )?\d[\d.,]*\s*[kmb]?)\s*\)")


def _counts_in_brackets(text: str) -> str:
    return _COUNT_IN_BRACKETS.sub(lambda m: f"{m.group(2)} {m.group(1)}", text)


# (s15-b: "not" as the gloss leaves it in the languages of heldout48: "niet per werkdag", "inte per dag", "nie
# dziennie", "non al giorno", "no por día", "değil", "не в день" are glossed to "per ..." after their negation)
_NEGATED_PERIOD = re.compile(r"\b(?:not|rather than|instead of|niet|inte|nie|non|no|não|nicht|pas)\s+"
                             r"(?:per|a|each|every)\s+"
                             r"(?:(?:working|business|work)\s+)?(?:day|weekday|week|month|hour|shift)s?\b")


# One document singled out by its size in a sentence of its own (s16-c, dev18b), said in any language after the gloss:
# a superlative before its figure ("el documento más largo ... es el convenio colectivo, de 380 páginas", "一番長いのは
# 社史で、420ページ", "o maior é o manual de integração, com 700 páginas") or an exception after it ("hat 1.100 Seiten,
# das ist aber die Ausnahme", "420ページあります。これは例外です。"): that figure is no typical length, whatever part of
# the message it is read in; the other lengths of the message stay
_SINGLED_OUT = re.compile(
    r"\b(?:más larg[oa]s?|más grande|el mayor|la mayor|(?:o|a) maior|mais long[oa]|le plus (?:long|gros)|la plus "
    r"(?:longue|grosse)|(?:der|die|das) (?:längste|größte|grösste|dickste|umfangreichste|älteste)|\w*längstes?|"
    r"\w*größtes?|ältestes?|(?:il|la) più (?:lung[oa]|grande|corposo)|het (?:langste|grootste|dikste)|"
    r"najdłuższ\w+|największ\w+|en uzun|самы[йе] (?:длинн|больш)\w+|"
    r"(?:the|our) (?:biggest|largest|longest|thickest))\b|"
    r"最长|最長|最大的|一番(?:長|厚|大き)|最も(?:長|厚)|가장 (?:긴|두꺼운|큰)|제일 (?:긴|큰)")
_EXCEPTION_SAID = re.compile(
    r"\b(?:exception|outlier|odd one out|excepción|caso aparte|excepci[oó]n|exce[çc][ãa]o|eccezione|"
    r"ausnahme|uitzondering|wyjątek|istisna|исключение|(?:mas|pero|ma) (?:é|es|è) (?:um|uno|una) s[óo](?:lo)?|"
    r"only one of (?:those|them)|just one of (?:those|them))\b|例外|特例|例外的|个例|個例|예외")
_PAGE_FIGURE = re.compile(r"\d[\d,.]*\s*(?:-|–)?\s*(?:pages?|pp|pgs?|tokens?|words?|页|頁|ページ|페이지)\b|"
                          r"\d[\d,.]*\s*(?:页|頁|ページ|페이지)")
_SENTENCE_PIECE = re.compile(r"[^.!?。！？\n]+(?:[.!?。！？\n]+|$)")


def singled_out(text: str) -> str:
    """``text`` with the size of one document singled out (see above) blanked, same length."""
    if not (_SINGLED_OUT.search(text) or _EXCEPTION_SAID.search(text)):
        return text
    chars = list(text)
    pieces = list(_SENTENCE_PIECE.finditer(text))
    for i, piece in enumerate(pieces):
        sentence = piece.group()
        top = _SINGLED_OUT.search(sentence)
        figure = _PAGE_FIGURE.search(sentence, top.end()) if top else None
        nxt = pieces[i + 1].group() if i + 1 < len(pieces) else ""
        if figure is None and (_EXCEPTION_SAID.search(sentence) or (len(nxt.strip()) <= 30 and _EXCEPTION_SAID.search(
                nxt) and not re.search(r"\d", nxt))):
            end = _EXCEPTION_SAID.search(sentence)
            figures = list(_PAGE_FIGURE.finditer(sentence, 0, end.start() if end else len(sentence)))
            figure = figures[-1] if figures else None
        if figure is not None:
            a, b = piece.start() + figure.start(), piece.start() + figure.end()
            chars[a:b] = [" " if c.isdigit() else c for c in text[a:b]]
    return "".join(chars)


def extract_fields(text: str, asked: str | None) -> Found:
    """Return the profile values ``text`` (normalised) states; ``asked`` lets bare answers count.

    A message of several lines, sentences or clauses is also read part by part and the readings reconciled
    (``agent.understanding_segments``): a figure is read with the words of its own part first.
    """
    text = _PERIOD_TAKEN_BACK.sub(lambda m: " " * len(m.group()), text)  # "per month ではなく per year で300万 yen"
    # "Per term? Maybe 200 searches. We have 4 terms." (s15-a); one document singled out by its size (s16-c)
    text, term = _per_term(_period_asked_first(singled_out(text)))
    found = G.reconcile(text, asked, _read_whole(text, asked), _read_whole, bool(SELF_CORRECTION.search(text)))
    if term != 1.0 and isinstance(found.updates.get("queries_per_month"), int | float):
        found.updates["queries_per_month"] = int(found.updates["queries_per_month"] * term)
    return found


# A period said and taken back in the same breath ("月額ではなく年額で300万円", glossed "per month ではなく per year";
# "월 예산이 아니라 연 예산", "不是每月而是每年"): the other period is the figure's
_PERIOD_TAKEN_BACK = re.compile(r"\b(?:per|a|each|every)\s+(?:day|week|month|year|quarter)\s*(?:ではなく|じゃなく|"
                                r"(?:이|가)\s*아니(?:라|고))")


def _read_whole(text: str, asked: str | None) -> Found:
    """The reading of ``text`` alone (no parts reconciled): a copy the caller may change."""
    read = _read_once(text, asked)
    return replace(read, updates=copy.deepcopy(read.updates), ambiguous=copy.deepcopy(read.ambiguous),
                   leftovers=list(read.leftovers))


# s15-a (heldout47): a rate per school or university term ("Per term? Maybe 200 searches. We have 4 terms."): the terms
# a year said beside it, else three and a half (three terms in the UK and Ireland, four in Australia, New Zealand,
# South Africa and Singapore: within the 25% of either)
_PER_TERM = re.compile(r"\b(?:per|a|each|every)\s+(?:school\s+|academic\s+)?(?:term|semester|trimester)\b|"
                       r"\btermly\b")
_TERMS_A_YEAR = re.compile(r"(?<![\d.])([2-6]|two|three|four|five|six)\s+(?:school\s+)?"
                           r"(?:terms|semesters|trimesters)\b")
_TERM_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


# s15-a: the period asked back before the figure ("Per term? Maybe 200 searches.", "A week? About 300 lookups"): the
# period is the figure's, moved after its noun (the text keeps its length)
_PERIOD_ASKED_FIRST = re.compile(r"^\s*((?:per|a|an|each|every)\s+(?:day|week|fortnight|month|quarter|year|term|"
                                 r"semester|shift))\s*\?+\s*")
_FIGURE_AND_NOUN = re.compile(r"\d[\d,.]*(?:\s*k\b)?(?:\s+(?:searches|queries|lookups|look-ups|times|requests|"
                              r"questions|of them))?")


def _period_asked_first(text: str) -> str:
    """``text`` with a period said as a question before its figure moved after the figure (same length)."""
    lead = _PERIOD_ASKED_FIRST.match(text)
    figure = _FIGURE_AND_NOUN.search(text, lead.end()) if lead else None
    if lead is None or figure is None or re.search(r"[.?!;]", text[lead.end():figure.start()]):
        return text
    moved = text[lead.end():figure.end()] + " " + lead.group(1)
    return " " * (lead.end() - len(lead.group(1)) - 1) + moved + text[figure.end():]


def _per_term(text: str) -> tuple[str, float]:
    """``text`` with a rate per term read per month, and the factor its figure takes (1.0 when no term is said)."""
    rate = _PER_TERM.search(text)
    if rate is None:
        return text, 1.0
    count = _TERMS_A_YEAR.search(text)
    terms = (_TERM_WORDS.get(count.group(1)) or float(count.group(1))) if count else 3.5
    text = text[:rate.start()] + "per month".ljust(rate.end() - rate.start()) + text[rate.end():]
    if count is not None:
        text = text[:count.start()] + " " * (count.end() - count.start()) + text[count.end():]
    return text, terms / 12


@once_per_message  # the guard's readings with each figure left out read the same sentences and clauses again
def _read_once(text: str, asked: str | None) -> Found:
    usual_peak = R.usual_and_peak(text, asked)  # (before "on a normal day" is "daily": "normal" is its cue)
    usual = usual_peak[0] if usual_peak else None
    text, workdays = _working_days(_lines_as_tokens(_hesitant_range(_counts_in_brackets(
        _shifts_a_day(_per_interval(text))))))
    text, office_hours = S.office_hours(S.daily_words(text))
    if office_hours is None and S.office_hours_named(text) and not S.peak_hour(text):
        office_hours = S.OFFICE_HOURS_A_DAY  # "about 90 an hour during office hours": 8 hours a working day
    found = _extract(text, asked)
    read_peak, peak = found.updates.get("queries_per_month"), usual_peak[1] if usual_peak else 0.0
    if usual is not None and R.people_beside_rates(text) and not (
            isinstance(read_peak, int | float) and peak and read_peak >= 1.5 * peak):
        usual = None  # s15-a: "15 accountants, flat out ... 40 a day each then. Rest of the year more like 10": the
        # people the reading left out are asked about, the usual rate is not theirs alone
    if usual is not None:  # "peak 40 qps on black friday, normally 2 or 3 per second": the usual rate is the month's
        if isinstance(read_peak, int | float) and peak and read_peak >= 1.5 * peak and R.people_beside_rates(text):
            usual = int(read_peak * usual / peak)  # s15-a: "35 staff, in filing season 20-25 a day each, otherwise
        found.updates["queries_per_month"] = usual  # 5-6": the people counted into the peak count in the usual rate
        if "queries_per_month" in (found.ambiguous or {}).get("fields", ()):
            found.ambiguous = None
    working_hours = found.per_person_hourly and office_hours is None and not S.around_the_clock(text)
    if working_hours:  # "50 agents, each searches about 6 times an hour": 8 hours a working day, 22 days
        office_hours = S.OFFICE_HOURS_A_DAY
    unit_rate = found.ambiguous if (found.ambiguous or {}).get("kind") == "per_unit" else None
    if unit_rate is not None:  # one unit's rate takes the working days and office hours too, as a total would
        found.updates["queries_per_month"] = int(unit_rate["value"])
    daily = re.compile(r"\b(?:per|a|each|every)\s+(?:(?:working|business|work)\s+)?(?:day|weekday|shift)\b|\bdaily\b|"
                       r"/\s*(?:(?:working|business|work)\s+)?(?:day|weekday|d)\b|"  # "~500/day, weekdays only"
                       r"\bon (?:(?:working|business|work) days|weekdays)\b|"
                       r"每天|每日|一天|(?<![\d])日")
    said = _NEGATED_PERIOD.sub(" ", text)  # "2,500 per week, not per working day": the period taken back is no rate
    if workdays is None and S.weekdays_only(said):
        workdays = S.WORKING_DAYS_PER_MONTH  # "on weekdays, 200 a day": 22 working days
    if "queries_per_month" in found.updates and office_hours and (S.hourly(text) or S.per_minute(text) or (
            S.per_second(text) and not S.peak_hour(text) and not R.PEAK_CUE.search(text))):
        # "9 to 5 on weekdays, 120 an hour", "10 a minute during business hours": the rate over the office hours of
        # the working days only
        found.updates["queries_per_month"] = int(found.updates["queries_per_month"] / (24 * P.DAYS_PER_MONTH)
                                                 * office_hours * (workdays or (S.WORKING_DAYS_PER_MONTH if (
                                                     S.weekdays_only(text) or S.office_hours_named(text)
                                                     or working_hours) else P.DAYS_PER_MONTH)))
    elif workdays and "queries_per_month" in found.updates and (days := daily.search(said)) and not (
            days.group().startswith("on ") and not daily.search(said, days.end())
            and any(rx.search(said) for rx, factor in P.PERIODS if factor <= P.DAYS_PER_MONTH / 7)):
        # (not "40k searches a month, mostly on weekdays": a month's figure is no daily rate)
        found.updates["queries_per_month"] = int(found.updates["queries_per_month"] * workdays / P.DAYS_PER_MONTH)
    elif ("queries_per_month" in found.updates and S.weekdays_only(text) and unit_rate is None
          and not any(rx.search(text) for rx, _ in P.PERIODS) and not S.office_hours_named(text)):
        # "on working days about 2,000 searches", "werktags so 2.000 Suchen": the days are the period (x 22)
        found.updates["queries_per_month"] = int(found.updates["queries_per_month"] * S.WORKING_DAYS_PER_MONTH)
    if unit_rate is not None:
        unit_rate["value"] = unit_rate["monthly"] = float(found.updates.pop("queries_per_month"))
    _structured_fields(text, found)
    _total_count(text, found)
    _parts_times_each(text, found, asked)
    return found


def _structured_fields(text: str, found: Found) -> None:
    """The first indexing's deadline and the queries' length (``agent.understanding_structure``)."""
    ratio = S.average_over_maximum(text)
    if ratio and isinstance(found.updates.get("doc_length_tokens"), int | float):  # the average after a maximum
        found.updates["doc_length_tokens"] = int(round(found.updates["doc_length_tokens"] * ratio))
    days = S.first_indexing_days(text)
    if days is not None and 0 < days <= 365:
        found.updates["max_first_indexing_days"] = days
    query_tokens = S.query_length(text)
    if query_tokens is not None:
        found.updates["query_length_tokens"] = int(round(query_tokens)) or 1
        doc = found.updates.get("doc_length_tokens")
        if isinstance(doc, int | float) and doc <= 4 * query_tokens:  # the query's words, not a document's
            del found.updates["doc_length_tokens"]
            span = S.query_length_span(text)
            if span:  # "queries are about 20 tokens, documents about 800 tokens": the document's from the rest
                rest = _extract(text[:span[0]] + " " * (span[1] - span[0]) + text[span[1]:], None)
                rest_length = rest.updates.get("doc_length_tokens")
                if rest_length and rest_length > 4 * query_tokens:  # "..., about 4 tokens": still the query's
                    found.updates["doc_length_tokens"] = rest_length


def _extract(text: str, asked: str | None) -> Found:
    chars = list(text)
    for m in P.negated_values(text):
        chars[m.start():m.end()] = " " * (m.end() - m.start())
    stripped = "".join(chars)
    found = Found({}, negated=stripped != text)
    chars = list(stripped)
    hw, spans = hardware_mentions(stripped, asked)
    if hw:
        found.updates["hardware"] = hw
    top = P.TOP_K.search(stripped)
    if top:
        value = next(g for g in top.groups() if g)
        k = int(value) if value.isdigit() else int(P.parse_cn(value))
        found.top_k = k if 1 <= k <= 20 else None
        spans.append(top.span())
    spans.extend(m.span() for m in _NO_QUANTITY.finditer(stripped))  # "version 3.2", "Postgres 15", "a 512 token limit"
    spans.extend(m.span() for m in _PART_OF_A_NAME.finditer(stripped))  # "INC0084412", "Llama 3.1 70B", "768次元"
    bare_latency = P.LATENCY_BARE.search(stripped)
    if bare_latency:
        found.updates["latency_p95_ms"] = float(bare_latency.group(1))
        spans.append(bare_latency.span())
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    work = "".join(chars)
    leftovers = found.leftovers
    numbers = P.find_numbers(work, MAX_NUMBERS)
    numbers = [n for i, n in enumerate(numbers) if not (  # "预算一个月两万左右": the 一 of the period, not a figure
        n.value == 1 and _ONE_OF_PERIOD.match(work[n.start:n.end + 3]) and i + 1 < len(numbers)
        and numbers[i + 1].value >= 2 and numbers[i + 1].start - n.end <= 8)]
    people = _users_counted(numbers, work) or _people_before_each(numbers, work) \
        or next((n for n in numbers if _WE_ARE.search(work[max(0, n.start - 20):n.start]) and re.match(
            r"^\s*(?:(?:in|at|on) (?:the|our) [a-z\-]+\s*)?(?:\)|,|;|of us\b|$)", work[n.end:])), None) \
        or next((n for n in numbers if re.match(r"^\s*of us\b", work[n.end:])), None) \
        or next((n for n in numbers if _PEOPLE_ARE.search(work[max(0, n.start - 50):n.start]) and re.match(
            r"^\s*(?:\)|,|;|\.(?!\d)|of them\b|in total\b|$)", work[n.end:])), None) \
        or R.active_users_before(work, numbers) \
        or _people_of_them(numbers, work)  # "each colleague (we are 200) searches 5 times a day"; "DAU is 120k"
    users = _users(people, work)
    last: tuple[P.Number, str, Any] | None = None  # the figure read before, for "10k docs, actually 100k"
    budget_from: tuple[P.Number, Any] | None = None  # the figure the budget was read from
    coarse_length = False  # the length was read in sentences or paragraphs
    counts: list[tuple[P.Number, int]] = []  # every document count, for "8,000 guides and 15k policy documents"
    unit_counts: list[P.Number] = []  # the units a rate per unit was multiplied by ("300 stores")
    query_from: P.Number | None = None  # the figure the query rate was read from
    past: dict[str, Any] = {}  # a volume of a past period ("last year"), kept only when no other figure is said
    kinds: dict[int, str | None] = {}  # what each figure was first read as, by where it starts
    others: list[tuple[P.Number, float]] = []  # sums of something else ("our annual tooling budget is $30k")
    rates: list[tuple[P.Number, Any]] = []  # every figure read as a query rate, in order (s14-c)
    for num in numbers:
        if num is people:
            continue
        kind, value = _classify(num, work, asked, users is not None, bool(hw or _HARDWARE_WORD.search(text)))
        grows_to = _GROWS_TO.match(work[num.end:num.end + 30]) if kind is None else None
        if grows_to and _FROM_NOW.search(work[max(0, num.start - 16):num.start]) and _GROWS_BEFORE.search(
                work[max(0, num.start - 40):num.start]):  # "growing from 800k to 1.1M files": the unit said once
            later = next((n for n in numbers if n.start == num.end + grows_to.end()), None)
            if later is not None:
                kind, value = _classify(P.Number(num.start, later.end, num.value), work, asked, users is not None,
                                        bool(hw or _HARDWARE_WORD.search(text)))
                kind = None if kind == "growth" else kind
                if kind is None and asked in ("corpus_docs", "queries_per_month"):  # "going from 800k to about
                    kind, value = asked, as_field(asked, num.value, work[later.end:])  # 1.1M": today's, as asked
        if kind == "queries_per_month" and _PHONE_CALLS.search(work[slice(*_clause_span(work, num))]):
            kind = None  # "전화 상담이 월 5만 건인데 그건 검색이랑 상관없고": calls taken by phone, no searches
        kinds[num.start] = kind
        retake = last is not None and SELF_CORRECTION.search(work[last[0].end:num.start]) and not re.match(
            r"^\s*\w+\s+(?:a|1|per|each|every)\s+(?:page|slide|doc|document|file|chapter)\b",
            work[num.end:num.end + 40])
        # (not "40 pages, call it 500 tokens a page": a figure per page is not a new document length)
        if retake and last is not None and last[1] in NUMERIC_FIELDS and (kind == last[1] or (
                kind is None and (not re.match(r"^\s*[a-z\u4e00-\u9fff]", work[num.end:num.end + 8]) or re.match(
                    r"^\s*(?:[a-z]+\s+)?ones\b", work[num.end:num.end + 20])))):  # "call it 900k real ones"
            # "I said 10k docs but it's actually 100k", "2k queries a day, no wait, 3k": the later figure, same unit
            found.updates[last[1]] = value if kind else type(last[2])(last[2] * num.value / last[0].value)
            last = (num, last[1], found.updates[last[1]])
            continue
        if kind == "queries_per_month" and _PAY_BEFORE.search(clause_before(work, num)):
            kind = None  # "each of our 40 nurses earns about 3,000 a month": pay, no rate of searches (lead s14)
        if kind in ("budget_usd_month", "one_time_budget_usd") and others_money(work, num):
            if kind == "budget_usd_month" and isinstance(value, int | float) and not isinstance(value, bool):
                others.append((num, value))
            kind = None  # "3 crore a year for the whole AI program, this is one small part of it": not this system's
        if kind in NUMERIC_FIELDS and _WITHDRAWN_BEFORE.search(work[max(0, num.start - 24):num.start]):
            leftovers.append(num)  # s14-a: "scratch the $200 a month, ... it's $150 max": the figure taken back
            continue
        if kind in NUMERIC_FIELDS and _TAKEN_BACK_AFTER.match(work, num.end):
            leftovers.append(num)  # "월 50만원이 아니라 연 1,200만원", "5万円じゃなくて": the figure taken back (s11-c)
            continue
        if kind == "latency_p95_ms" and _other_part_now(work, num):
            leftovers.append(num)  # "users wait 3-4 seconds for GPT-4o to answer anyway": the LLM's time today
            continue
        if kind == "doc_length_tokens" and one_named(work, num):
            leftovers.append(num)  # "I read the 40-page spec from our vendor": one document named by its size
            continue
        if kind == "doc_length_tokens" and _ONE_DOCUMENT.search(
                clause_before(work, num) + " " + re.split(r"[,;!?。，；]|\.\s", work[num.end:num.end + 30])[0]):
            leftovers.append(num)  # "the biggest manual alone is 1,200 pages": one document, not the typical length
            continue
        if kind in NUMERIC_FIELDS and (_THEIRS.search(clause_before(work, num)) or _PRICE_UNIT.search(
                work[max(0, num.start - 12):num.end + 30])):
            leftovers.append(num)  # "our competitor indexes 50M pages", "竞品号称能索引10亿条": not this system's
            continue
        if kind in ("queries_per_month", "corpus_docs") and _PAST_VOLUME.search(
                clause_before(work, num) + " " + re.split(r"[,;!?。，；]|\.\s", work[num.end:num.end + 40])[0]):
            if kind == "queries_per_month" and isinstance(value, int | float) and abs(value - num.value) < 1 and \
                    not any(rx.search(work[max(0, num.start - 20):num.end + 30]) for rx, _ in P.PERIODS):
                value = int(value / _past_months(clause_before(work, num) + " " + work[num.end:num.end + 40]))
            past.setdefault(kind, value)  # "2M queries last year", "last year we processed 1.5M invoices": the
            continue  # current figure, when the message gives one, wins (a year's searches are twelve months')
        if kind in NUMERIC_FIELDS:
            last = (num, kind, value)
        own_sentence = re.split(r"[.;!?。]\s", work[max(0, num.start - 60):num.start])[-1] + " " + re.split(
            r"[.;!?。]\s", work[num.start:num.end + 30])[0]
        per_user = P.PER_USER.search(work[max(0, num.start - 40):num.end + 40]) or P.TIMES_AFTER.match(work[num.end:]) \
            or (people is not None and (S.active_share(work[people.end:]) or S.share_before(work[:people.start]) or
                                        _PER_PERSON.search(own_sentence) or _people_do(people, num, work) or
                                        _small_rate_after(people, num, work)))
        if kind == "queries_per_month" and users and per_user and not P.PER_USER.search(
                work[max(0, num.start - 40):num.end + 40]) and value > _MOST_PER_PERSON and value >= users:
            per_user = False  # "1,200 consultants ... Consultants use it ~500 times a working day": no one person
            # searches 500 times a day; the rate is everybody's together (s8-a)
        if kind == "queries_per_month" and users and per_user and not _TOTAL_RATE.search(own_sentence):
            # "1,000 users doing 20 searches each per day"; "a third of them would use it daily, a few searches each"
            factor = _sentence_period(num, work)
            daily_people = people is not None and (re.match(r"^\s*(?:dau|daily active users)\b", work[people.end:])
                                                   or R.daily_active(work, people))
            if factor == 1.0 and daily_people and not any(rx.search(own_sentence) for rx, _ in P.PERIODS):
                factor = P.DAYS_PER_MONTH  # "2k DAU, ~3 queries each": the people are counted per day
            if factor == 1.0 and num.value and round(value / num.value) in _AROUND_THE_CLOCK:
                found.per_person_hourly = True
            value = int(value * users * factor)
        elif kind == "queries_per_month" and (per_unit := R.unit_rate(work, num, numbers)) is not None and (
                users is None or (not per_user and per_unit[0] and per_unit[1] is not None)):
            # (s16-a: "45 stores ... 900 associates, but realistically 50 lookups per store per day": the stores)
            if per_unit[1]:  # "each branch does 25 searches a day, and there are 60 branches": times the branches
                value = int(value * per_unit[1].value)
                unit_counts.append(per_unit[1])
                if query_from is per_unit[1]:  # "지점이 30개 있고 지점마다 ...": the 30 counted branches, not a rate
                    del found.updates["queries_per_month"]
            else:  # "each store does ~40 lookups a day": how many stores? asked, one store's rate is not the total
                found.ambiguous = found.ambiguous or R.per_unit_question(per_unit[0], value, work[num.start:num.end])
                continue
        elif kind == "queries_per_month" and users is None and _PER_PERSON.search(own_sentence) and \
                _PEOPLE.search(work):
            kind = None  # "a dozen grad students, each maybe 30 queries a week": the people were not counted
        if kind == "corpus_tokens":
            found.corpus_tokens = found.corpus_tokens or int(value)
        elif kind == "growth":
            found.growth = found.growth or value
        elif kind == "ambiguous":
            found.ambiguous = found.ambiguous or (value if isinstance(value, dict) else None)
        elif kind == "latency_p95_ms" and kind in found.updates and (_RETRIEVAL_PART.search(
                work[max(0, num.start - 40):num.start]) or _RETRIEVAL_PART.search(
                re.split(r"[,;.!?。，；]", work[num.end:num.end + 40])[0])):
            found.updates[kind] = value  # "the whole answer within 2 s, retrieval itself under 150 ms": our part;
            # "répondre en moins d'une seconde, dont 150 ms max pour la recherche" (lead s13)
        elif kind == "doc_length_tokens" and kind in found.updates and coarse_length and not _coarse_length(work, num):
            found.updates[kind] = value  # "couple of sentences, maybe 60 words": the figure in words, not sentences
            coarse_length = False
        elif kind:
            if kind == "doc_length_tokens" and kind not in found.updates:
                coarse_length = _coarse_length(work, num)
            if kind == "budget_usd_month" and kind not in found.updates:
                budget_from = (num, value)
            if kind == "queries_per_month" and kind not in found.updates:
                query_from = num
            if kind == "queries_per_month":
                rates.append((num, value))
            found.updates.setdefault(kind, value)
            if kind == "corpus_docs":
                counts.append((num, int(value)))
        elif not _MULTIPLIER_AFTER.match(work[num.end:num.end + 8]):  # (a factor is no figure left to place)
            leftovers.append(num)
    for name, value in past.items():
        found.updates.setdefault(name, value)
    if query_from is not None and found.updates.get("queries_per_month") == (rates[0][1] if rates else None):
        apart = next((v for n, v in rates[1:] if R.searches_named_apart(work, query_from, n)), None)
        if apart is not None:  # "payment API calls are 3M a month, that's separate; searches are 2k a day" (s14-c)
            found.updates["queries_per_month"] = apart
    if budget_from is not None:
        _stretched_budget(found, budget_from, work)
        _share_of_spend(found, budget_from, work)
    _share_of_other(found, others, work)
    _sum_counts(counts, work, found)
    _another_part(numbers, kinds, work, found)
    _listed_parts(numbers, kinds, work, found)
    _unnamed_part(numbers, work, found)
    _items_indexed(numbers, work, found)
    _only_part_indexed(numbers, work, found)
    _docs_per_unit(numbers, work, found)
    _pages_per_document(numbers, work, found)
    shared = R.traffic_share(work, numbers)
    if shared is not None:  # "600k pageviews a month, 5% of those use search": the share of the traffic searches
        found.updates["queries_per_month"] = shared[0]
        if found.updates.get("corpus_docs") == int(shared[1].value):
            del found.updates["corpus_docs"]
        leftovers[:] = [n for n in leftovers if n is not shared[1]]
    chained = _queries_per_item(numbers, work, users)  # "60 chats a day each, 2 searches per chat": the chain
    taken = _EACH_TAKES.search(work)
    if chained is None and taken and query_from is not None and taken.start() <= query_from.start < taken.end():
        del found.updates["queries_per_month"]  # "each one takes 2 or 3 searches": per item, never the month's total
    if chained is not None:
        found.updates["queries_per_month"] = chained
        leftovers[:] = [n for n in leftovers if not _PER_ITEM_QUERY.search(work[n.start:n.end + 40]) and not any(
            m.start(2) <= n.start < m.end(2) for m in _EACH_ITEM_QUERIES.finditer(work))]
    elif (arriving := _per_arrival(numbers, work)) is not None:  # "1日200件来て、1件ごとに2回", "每张工单检索一次"
        found.updates["queries_per_month"], items = arriving
        if (found.ambiguous or {}).get("kind") == "per_unit":
            found.ambiguous = None  # "주문마다 3번": per arriving order, not per unit of an organisation
        leftovers[:] = [n for n in leftovers if n is not items and not n.start > items.end]
        if found.updates.get("corpus_docs") == int(items.value):
            del found.updates["corpus_docs"]  # the items arriving are counted per period: not the corpus
    elif (cjk := _cjk_queries_per_item(numbers, work)) is not None:
        found.updates["queries_per_month"], each = cjk
        leftovers[:] = [n for n in leftovers if n is not each]
    if chained is None:
        _searches_per_unit(numbers, work, found)
    per_page = P.WORDS_PER_PAGE.search(work)
    per_page_text = None if per_page else _PER_PAGE_TEXT.search(work)
    said_per_page = per_page or per_page_text
    if said_per_page is not None:  # "each page is about 600 words and docs are ~5 pages", "每页800字，一般五六页"
        span = said_per_page.span()
        pages = next((n.value for n in numbers if (P.PAGES_AFTER.match(work[n.end:]) or P.SLIDES_AFTER.match(
            work[n.end:])) and not span[0] <= n.start < span[1]), None)
        if per_page:
            tokens = float(next(g for g in per_page.groups() if g)) * P.TOKENS_PER_WORD
        else:
            figure = P.find_numbers(said_per_page.group("figure") or said_per_page.group("figure2"), 1)
            unit = (said_per_page.group("unit") or said_per_page.group("unit2"))[0]
            tokens = figure[0].value * _TEXT_UNIT_TOKENS[unit] if figure else 0.0
        found.updates.pop("doc_length_tokens", None)
        if pages:
            found.updates["doc_length_tokens"] = int(round(pages * tokens))
        elif asked == "doc_length_tokens" and tokens:  # "a page is maybe 800 words": the page is the document
            found.updates["doc_length_tokens"] = int(round(tokens))
    else:
        _stated_average(work, found, asked)
    if "doc_length_tokens" not in found.updates and P.SHORT_DOCS.search(work):
        found.updates["doc_length_tokens"] = TOKENS_PER_TWEET  # "5 million tweets": their length is known
    if P.SKIP.search(text) and P.VAGUE.search(text):  # "not sure, maybe a few thousand": no figure to store
        for name in [n for n in NUMERIC_FIELDS if n in found.updates]:
            del found.updates[name]
        leftovers.clear()
    _second_sum(found, work, asked)
    if asked in NUMERIC_FIELDS and asked not in found.updates and leftovers:
        # "一个月两万左右", "一周五千左右": the 一 of the period is no figure; the figure is the one after it
        num = next((n for n in leftovers if not (n.value == 1 and _ONE_OF_PERIOD.match(work[n.start:n.end + 3]))),
                   leftovers[0])
        capped = [n for n in leftovers if _CAP_BEFORE.search(work[max(0, n.start - 24):n.start])]
        if asked in ("budget_usd_month", "latency_p95_ms") and len(capped) == 1 and len(leftovers) > 1:
            num = capped[0]  # "we spent 2k last month overall, for embeddings I'd cap it at 250": the cap (s11-b)
        unit = _OTHER_UNIT.match(work[num.end:])  # "12 GB" to "how many documents?" is not 12 documents
        small_latency = asked == "latency_p95_ms" and num.value < 20  # "2": seconds or milliseconds? not said
        rest = work[:num.start] + " " + _HEDGE_TAIL.sub(" ", _SOURCE_REMARK.sub(" ", work[num.end:]))
        growing = found.growth or P.GROWTH_WORD.search(work) or re.search(r"\+\s*\d+(?:\.\d+)?\s*%", work)
        clauses = [c for c in re.finditer(r"[^,;。、()]+", work) if c.group().strip()]
        future = [c for c in clauses if _FUTURE_CLAUSE.search(c.group())] if asked in (
            "corpus_docs", "queries_per_month") and len(leftovers) == 2 else []
        now = [n for n in leftovers if not any(c.start() <= n.start < c.end() for c in future)]
        if future and len(now) == 1:  # "we'll be at ~1.5M by next summer, today it's about 900k": today's figure
            num = now[0]
            unit = _OTHER_UNIT.match(work[num.end:])
            rest = P.NOW.sub(" ", " ".join(c.group() for c in clauses if c not in future).replace(
                work[num.start:num.end], " "))
        elif growing and asked == "corpus_docs":  # "currently at 45k, growing by maybe 2,000 a month": the 45k
            rest = P.NOW.sub(" ", " ".join(c for c in re.split(r"[,;。、]|\s(?:and|but)\s", rest)
                                          if not (P.GROWTH_WORD.search(c) or re.search(r"\d", c))))
        # "10,000 dinars a month", "5000 kroner": a currency the table has no rate for is no US dollar amount
        unknown_money = asked == "budget_usd_month" and any(
            P.currency_code(m.group(1)) is None for m in (P.CURRENCY_AFTER.match(work[num.end:]),
                                                         P.CURRENCY_BEFORE.search(work[:num.start])) if m)
        left, right = _clause_span(work, num)
        own_rest = work[left:num.start] + " " + work[num.end:right]  # "normalde günde 2 bin civarı, yoğun günlerde 5
        peak_after = asked == "queries_per_month" and (_PEAK_CLAUSE.search(work[right:])  # bine çıkıyor" (s7-d)
                                                       or _WEEKEND_CLAUSE.search(work[right:]))  # "..., hafta sonu
        # daha az", "täglich so um die 3.000, am Wochenende weniger": the weekends qualify the daily rate (s9-b)
        # s14-c: the usual figure in a clause of its own, the other clauses figureless ("月底那几天特别多，平时一个月
        # 两三万", "end of the month is crazy, normally 30k a month")
        usual = asked == "queries_per_month" and P.AVERAGE.search(own_rest) and len(  # (a spike's factor aside)
            [n for n in leftovers if not re.match(r"\s*(?:x|×|倍|배)(?![a-z])", work[n.end:n.end + 4])]) == 1 and \
            len(P.FILLER.sub("", P.AVERAGE.sub("", own_rest))) <= 12
        if (len(P.FILLER.sub("", rest)) <= 12 or num in capped or usual or (
                peak_after and len(P.FILLER.sub("", own_rest)) <= 12)) and \
                not unit and not small_latency and not unknown_money and not _things_counted(work, num, asked):
            indian = "inr" if re.search(r"lakh|lac\b|lacs|crore", work[num.start:num.end]) else None  # rupees
            # a rate's period is the one of the figure's own clause ("no wait, per day 8 thousand"), not the first's
            own = work[work.rfind(",", 0, num.start) + 1:] if asked == "queries_per_month" else work
            own = own if any(rx.search(own) for rx, _ in P.PERIODS) else work  # (a month's factor is 1, s14-c)
            found.updates[asked] = as_field(asked, num.value, own, indian)
    if (found.ambiguous or {}).get("kind") == "per_unit":
        found.updates.pop("queries_per_month", None)  # one unit's rate is asked about; no other figure is the total
        leftovers.clear()
    for count in unit_counts:  # "매장이 150개인데 매장당 ...": the 150 counts stores, not documents
        if found.updates.get("corpus_docs") == int(count.value):
            del found.updates["corpus_docs"]
    _bare_figure(found, work, asked)
    _share_of_sum(found, work)
    _split_corpus_tokens(found)
    read_statements(text, asked, found.updates)
    _drop_out_of_range(found.updates)
    return found


# A figure right after a verb that takes it back ("scratch the $200 a month", "forget the 5k I said")
_WITHDRAWN_BEFORE = re.compile(r"\b(?:scratch|forget|ignore|disregard|strike|cross out)\s+(?:the|that|my|our)?\s*"
                               r"(?:[$€£¥₹]\s*)?$")
# A figure taken back by the word after it, in the languages that say "not X but Y" after X (s11-c)
_TAKEN_BACK_AFTER = re.compile(r"\s*(?:[a-z$€£¥₹]{1,5}|[^\s\d,.;:!?。，、]{1,3})?\s*(?:이 아니라|가 아니라|이 아니고|"
                               r"가 아니고|아니라|아니고|じゃなくて|じゃなく|ではなく|değil\b)")
# A time said of another part of the system as it is today, with no target (s11-c): "users wait 3-4 seconds for GPT-4o
# to answer anyway", "the LLM takes 5 seconds", "our gateway has a 30s timeout": no latency asked of retrieval
_OTHER_PART = re.compile(r"\b(?:llm|gpt[\w\-.]*|generation|generating|"
                         r"the (?:model|bot|chatbot|assistant) (?:takes|needs)|"
                         r"page loads?|page load time|gateway|timeout|time-?out|"
                         # s16-c: another system or party ("our core banking vendor's response-time SLA is 2 seconds",
                         # "notre ERP met 5 secondes à répondre")
                         r"vendor'?s?|provider'?s?|supplier'?s?|erp|crm|dms|mainframe|core banking|legacy system|"
                         r"fournisseur|proveedor|fornecedor|fornitore|lieferant\w*|dienstleister\w*)\b")
_NOW_CUE = re.compile(r"\b(?:wait|waits|waiting|takes?|took|eats?|today|currently|right now|anyway|already|"
                      r"at the moment|is|was|has|met|mettent|tarda|tardan|demora|braucht|brauchen|impiega|leva|"
                      r"ist|est|es|è|é)\b")
_TARGET_CUE = re.compile(r"\b(?:under|below|within|less than|at most|max(?:imum)?|sub|should|must|need|needs|want|"
                         r"would like|'d like|target|goal|ideally|require\w*|budget|acceptable|ok|fine)\b|<|p9\d")


def _other_part_now(work: str, num: P.Number) -> bool:
    own = clause_before(work, num) + work[num.start:num.end] + re.split(r"[,;!?。，；]|\.\s", work[num.end:])[0]
    return bool(_OTHER_PART.search(own) and _NOW_CUE.search(own) and not _TARGET_CUE.search(own)
                and not _RETRIEVAL_PART.search(own))


# The part of a response time the embedding model serves, beside the whole answer's time.
_RETRIEVAL_PART = re.compile(r"embedding|retriev\w*|\bsearch\w*|vector|look-?ups?|\bsuche\b|recherche|búsqueda|"
                             r"ricerca|\bbusca\b|zoek\w*|wyszukiw\w*|sökning\w*|\barama\b|поиск\w*|эмбеддинг\w*|"
                             r"检索|向量|召回|嵌入|検索|埋め込み|검색|임베딩")


@functools.cache
def _bounds(model: type[BaseModel], name: str) -> list[Any]:
    return list(model.model_fields[name].metadata)


def _fits(model: type[BaseModel], name: str, value: Any) -> bool:
    """True when ``value`` is inside the contract's bounds for the field (gt/ge/lt/le), or is None."""
    if value is None:
        return True
    checks = {"gt": lambda b: value > b, "ge": lambda b: value >= b, "lt": lambda b: value < b,
              "le": lambda b: value <= b}
    return all(check(getattr(c, op)) for c in _bounds(model, name) for op, check in checks.items() if hasattr(c, op))


def _drop_out_of_range(updates: dict[str, Any]) -> None:
    """A figure the profile would reject ("0 documents", "10^400 tokens") is not an answer: leave it out."""
    for name in NUMERIC_FIELDS:
        if name in updates and not _fits(RequirementProfile, name, updates[name]):
            del updates[name]
    hardware = updates.get("hardware")
    if hardware:
        for name in [n for n in hardware if n != "accelerator" and not _fits(Hardware, n, hardware[n])]:
            del hardware[name]
        if not hardware:
            del updates["hardware"]


# Figures that count nothing (s10-c): a version ("version 3.2", "v2.1", "バージョン4.2", "Postgres 15", "Python 3.11",
# "Elasticsearch 8.11") and a model's input limit ("a 512 token limit", "max sequence length 8192")
_NO_QUANTITY = re.compile(
    r"一番|(?:\b(?:version|versions|versión|versão|versione|wersj[aiię]|верси[ияю]|sürüm\w*|phiên bản|release|rel\.|"
    r"ver\.?)\s*|バージョン\s*|버전\s*|版本\s*)v?\d+(?:\.\d+)*\b|(?<![\w.])v\d+(?:\.\d+)+\b|"
    r"\b(?:python|postgres(?:ql)?|pgvector|elasticsearch|elastic|opensearch|solr|lucene|java|jdk|node(?:\.js)?|django|"
    r"ubuntu|debian|rhel|windows|ios|android|milvus|qdrant|weaviate|redis|mongodb|mysql|mariadb|kubernetes|k8s|"
    r"sharepoint|confluence|jira|sap|oracle|php|ruby|rails|\.net|angular|vue|next\.js|spring|tomcat|typo3|drupal|"
    r"wordpress|magento|shopware)\s+\d+(?:\.\d+)*\b(?!\s*(?:[a-z]{0,3}\s*)?(?:docs?|documents?|pages?|articles?|"
    r"tickets?|files?|spaces?|sites?|records?|rows?|entries|items?|users?|quer\w+|searches))|"
    r"\b\d[\d,.]*\s*k?[\s\-]*tokens?[\s\-]+(?:limit|max(?:imum)?|cap|window|context(?: window)?)\b|"
    # settings of a retrieval pipeline (s11-c): "chunk size 512 w/ 64 overlap", "chunk 800 / overlap 100 / top_k 5",
    # "top-k 8", "1536-dim embeddings", "a 256-dim truncation", "batch size 32"
    r"\b(?:chunk(?:[\s_\-]?size)?|chunking|chunk[\s_\-]?len(?:gth)?|overlap|top[\s_\-]k|k|dim(?:ension)?s?|"
    r"batch[\s_\-]?size|max[\s_\-]tokens|temperature)\s*(?:of|is|=|:|at|to|around|about|~)?\s*\d[\d,.]*\s*k?"
    r"(?![\d,.]*\s*(?:docs?|documents?|chunks|files|pages|quer\w+|searches|users|tokens?|words?|字)\b)|"
    r"\b\d[\d,.]*\s*k?\s*(?:tokens?\s+)?(?:overlap|chunk[\s_\-]?size)\b|"
    r"\b\d{2,5}(?:[\s\-]?(?:dims?|dimensions?|dimensional)|d)\b(?!\s*(?:docs?|documents?))|"
    r"\b(?:max(?:imum)?[\s_](?:seq(?:uence)?[\s_])?(?:length|len|input)|max_seq_length|sequence length|token limit|"
    r"context (?:window|length))\s*(?:of|is|=|:)?\s*\d[\d,.]*\s*k?\b")


# Figures that are part of a name, a code or another system's setting, in any language (s16-c, dev18b): a reference
# ("PLAT-4471", "INC0084412", "#INC-77812", "REQ-2025-0412", "SO2024110700123", a bare run of ten digits or more), a
# phone number or an extension after its word ("hotline is 6555 0199", "telefone da central é 0800 123 4567",
# "400-820-8820", "Durchwahl -4417"), a benchmark's score or cut-off ("the 62.3 MTEB average", "nDCG@10", "hit@5"), an
# LLM's size after its versioned name ("Llama 3.1 70B", "a 7B model"), a model's hyphenated name
# ("text-embedding-3-small", "e5-large-v2", "ada-002"), dimensions in the words of each language ("768次元", "1024
# Dimensionen"), and a chunking set-up ("Chunkgröße 512 Tokens", "chunks de 800 tokens avec 100 de recouvrement",
# "truncates at 512 tokens")
_PART_OF_A_NAME = re.compile(
    r"(?<![\w$€£¥])#?\s?(?!(?:usd|eur|gbp|inr|sgd|chf|cad|aud|jpy|cny|rmb|krw|brl|mxn|pln|sek|try|rub|uah|idr|rs|us|hk"
    r"|nt|rp|kr|tl|zl|rm|php|thb|vnd|aed|sar|zar|nzd|dkk|nok|czk|huf|ron|sub|under|over|max|min|ca|approx|about|up|bis"
    r"|unter|sous|moins|menos|circa|around|upto|top|ab|bei|de|da|até|ate)[\-_]?\d)[a-z]{2,}[\-_]?\d{3,}(?:[\-_]\d+)*"
    r"(?![\w.,]*\s*(?:k\b|docs?\b|documents?\b|pages?\b|files?\b|users?\b))|"
    r"#\s?\d{3,}\b|(?<![\d.,])\d{10,}(?<!000)(?![\d.,])|"
    r"(?:\b(?:hotline|phone|tel\.?|telefone?|telefon|telephone|numéro (?:direct|de (?:téléphone|portable|poste))|"
    r"número de (?:tel[eé]fono|telefone|celular|contato|contacto))|téléphone|teléfono|telefono|热线|電話|电话)"
    r"\D{0,20}?\+?\d[\d\s\-().]{4,}\d|"
    r"(?:\b(?:durchwahl|extension|ext\.)|内線|内线|分机)\D{0,8}?\d{2,}|"
    r"(?<![\d\-])\d{3,4}-\d{3,4}-\d{4}(?![\d\-])|"
    r"\b\d+(?:[.,]\d+)?\s*%?\s*(?:on\s+|in\s+|de\s+)?(?:mteb|ndcg|beir|mrr|recall@|hit@|map@|f1\b)|"
    r"\b(?:mteb|ndcg|recall|mrr|hit|map|precision|acc)\s*@\s*\d+|"
    r"\b[a-z][a-z\-]*\s?\d+(?:\.\d+)+\s+\d+(?:\.\d+)?\s?b\b|"
    r"\b\d+(?:\.\d+)?\s?b\s+(?:model|params|parameters|instruct|chat|llm)\b|"
    r"\b[a-z][a-z\d]*(?:[\-_][a-z\d]+)*[\-_](?:[a-z]+\d[a-z\d]*(?:\.\d+)?|0\d+)(?:[\-_][a-z\d]+(?:\.\d+)?)*\b|"
    r"\b[a-z][a-z\d]*[\-_][a-z][a-z\d]*[\-_]\d[a-z\d]*(?:\.\d+)?(?:[\-_][a-z\d]+(?:\.\d+)?)*\b|"
    r"\b[a-z]+\d[a-z\d]*(?:[\-_][a-z\d]+(?:\.\d+)?)+\b|"
    r"\d{2,5}\s*(?:次元|维|維|차원|dimensionen|dimensiones|dimensões|dimensioni|dimensies|wymiar\w*)|"
    r"\b(?:chunk|chunks|segment)[\s\-]?(?:größe|grösse|groesse|taille|tamaño|tamanho|dimensione|grootte)\s*"
    r"(?:von|de|di|van|:|=)?\s*\d[\d,.]*\s*(?:tokens?)?|"
    r"\btruncat\w*\s+(?:at|to)\s+\d[\d,.]*\s*(?:tokens?)?|"
    r"\b\d[\d,.]*\s*tokens?(?=[^.;!?]{0,40}(?:overlap|recouvrement|überlappung|solapamiento|sobreposição|"
    r"sovrapposizione|chevauchement))")


# Another organisation's figures ("our competitor claims 50M pages", "竞品号称能索引10亿条数据", "競合他社", "경쟁사").
_THEIRS = re.compile(r"\b(?:competitors?|rivals?|competition)\b|竞品|竞争对手|競品|競爭對手|競合|경쟁사|경쟁 업체")
# A volume of a past period ("last year", "in 2023", "our old search", "去年", "昨年度", "작년"): the current rate wins.
# A past year's volume is twelve months' (``_past_months``)
_PAST_YEAR = re.compile(r"\blast year\b|\b(?:in|during)\s+20[12]\d\b|^\s*20[12]\d\s+(?:saw|had)\b|\bprevious year\b|"
                        r"去年|上一年|昨年|前年度|작년|지난해")
_PAST_VOLUME = re.compile(_PAST_YEAR.pattern + r"|\blast (?:month|quarter)\b|\bprevious (?:system|vendor)\b|"
                          r"\bold (?:search|system)\b|\bused to\b|上个月|지난달")


def _past_months(text: str) -> float:
    """The months of the past period a volume was counted over: a year 12, a quarter 3, else 1."""
    return 12.0 if _PAST_YEAR.search(text) else 3.0 if re.search(r"\blast quarter\b", text) else 1.0


_GROWS_BEFORE = re.compile(GROWS_BEFORE_WORDS + r"from\s*(?:~|about|around|roughly|approx\w*\.?|some)?\s*$")
_GROWS_TO = re.compile(r"\s*to\s*(?:~|about|around|roughly|maybe|perhaps|approx\w*\.?)?\s*(?=\d)")
# A figure said of the future ("we'll be at ~1.5M by next summer", "will be 1.1M next yr", "expected to hit 400k"):
# beside today's figure, not the answer
_FUTURE_CLAUSE = re.compile(r"\b(?:will|'ll|should (?:hit|reach|be)|expect\w*|project\w*|forecast\w*|going to|gonna|"
                            r"heading (?:to|towards)|next (?:year|yr|summer|winter|spring|autumn|fall|quarter)|"
                            r"by (?:the )?end of|in (?:a|one|two|\d+) (?:years?|months?))\b")


_PARTICLES = re.compile(r"吧|呢|啊|です|ですね|でしょう|입니다|이요|정도|\bish\b|\bor so\b|\bthat'?s\b|\bit'?s\b|"
                        r"\bgive or take\b|\bmore or less\b|\bor thereabouts\b|\bhmm+\b|\bwell\b|\bum+\b|"
                        # the same hedges in the languages the gloss leaves as written ("unos 800", "so um die 5000")
                        r"\bun[oa]s\b|\bsagen wir\b|\bdisons\b|\bdigamos\b|\bdiciamo\b|"
                        r"\bu(?:ns|mas)\b|\bso um die\b|\bum die\b|\bso\b|\betwa\b|\bungef[äa]hr\b|"
                        r"\brund\b|\bca\.?|\benviron\b|\bà peu près\b|\bcerca de\b|\balrededor de\b|\bm[áa]s o menos\b|"
                        r"\bmais ou menos\b|\bpiù o meno\b|\bintorno a\b|\bquasi\b|"
                        r"약|대략|くらい|ぐらい|だいたい|程度|左右")


# A clause after the answer's figure saying how the user knows it ("about 80k, I counted them yesterday", "rund
# 80.000, hab gestern nachgezählt", "30 000, j'en suis sûr", "около 80 тысяч, вчера пересчитал"): no figure, no field
# A hedge after the figure of an answer ("at least 250k, could be more", "8k, probably fewer", "12k, maybe less"): the
# figure is the answer (s8-a)
_HEDGE_TAIL = re.compile(r"^\s*[,;\-–—(]?\s*(?:but\s+)?(?:(?:it|that)\s+)?(?:(?:could|might|may)\s+(?:well\s+)?be|"
                         r"maybe|possibly|probably|perhaps|likely|if not|or)\s+(?:a\s+(?:bit|little)\s+|slightly\s+|"
                         r"even\s+|a\s+few\s+)?(?:more|less|fewer|higher|lower|bigger|smaller)\b[)\s.!]*")
_SOURCE_REMARK = re.compile(
    r"^\s*[,;:\-–—]\s*(?![^,;]*(?:\bnot\b|n't\b|\b(?:dont|cant|isnt|wasnt)\b|\bnicht|\bpas\b|\bno\b|\bnon\b|"
    r"\bniet\b|\bnie\b|\binte\b|değil|\bне\b|\bnahi|\bnahin|لست|غير|ない|않|没|不))[^\d,;.!?]{0,30}?"
    r"(?:\b(?:counted|checked|looked (?:it|them) up|i'?m (?:pretty |quite )?sure|"
    r"sure of (?:it|that)|confirmed|verified|(?:nach)?gezählt|geprüft|sicher|compt[ée]s?|vérifié|s[ûu]re?|cont[ée]|"
    r"contado|segur[oa]|verifiqu[ée]|contei|certeza|contati|contato|sicur[oa]|controllato|geteld|zeker|gecheckt|"
    r"policzy\w*|pewien|pewna|sprawdzi\w*|räknade|säker|kollade|saydım|eminim|kontrol ettim|пересчита\w*|посчита\w*|"
    r"уверен\w*|провери\w*|перерахува\w*|порахува\w*|впевнен\w*|перевіри\w*|count kiya|check kiya|pakka)\b|"
    r"عددت|متأكد|تحققت|数えました|確認しました|세어\s?봤|확인했|数过|数了|确认过)[^\d,;]{0,30}$")


def _bare_figure(found: Found, work: str, asked: str | None) -> None:
    """A figure with no unit and no numeric question before it ("2000", "ungefähr 20.000", "三千左右吧"): ask which."""
    if asked in NUMERIC_FIELDS or found.updates or found.ambiguous or found.negated or len(found.leftovers) != 1:
        return
    num = found.leftovers[0]
    rest = P.FILLER.sub("", _PARTICLES.sub("", P.CORRECTION.sub("", work[:num.start] + " " + work[num.end:])))
    if num.value >= 2 and not rest.strip():
        found.ambiguous = {"value": num.value, "monthly": num.value, "text": work[num.start:num.end].strip(),
                           "fields": ["corpus_docs", "queries_per_month", "budget_usd_month"]}
        found.leftovers.clear()
