"""Quantities in a message: which profile field each number is about, from its unit, rate and the words around it.

Counts with rates ("300 engineers, 20 searches each per day" = 300 x 20 x 30 = 180,000 queries a month; "10% of
them"; a per-person rate whose people are not counted is left unset), units to tokens (pages, words, characters, 字,
paragraphs, sentences, tweets, lines of code at 10 tokens, minutes of transcribed speech at 150 words, slides only
with their words per slide), money with currencies and periods, seconds and milliseconds. Growth ("growing by 2,000
a month") is kept apart from size and budget, and a bare "2,000 a month" that could be a budget or a query count is
returned as ambiguous, to be asked about, never stored.
"""

from __future__ import annotations

import copy
import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel

from agent import understanding_patterns as P
from agent import understanding_rates as R
from agent import understanding_segments as G
from agent import understanding_structure as S
from agent.understanding_hardware import hardware_mentions
from agent.understanding_langid import languages as written_languages
from agent.understanding_memo import once_per_message
from agent.understanding_numbers import GROWS_BEFORE as GROWS_BEFORE_WORDS
from agent.understanding_statements import read_statements
from tools.profile.schema import NUMERIC_FIELDS, Hardware, RequirementProfile

MAX_NUMBERS = 100  # figures read in one message
MIN_DOC_TOKENS = 8  # a split of a total into shorter documents than this is a misreading, not a corpus
TOKENS_PER_TWEET = 50  # a tweet, a chat or Slack message: ~35-70 tokens


_CJK = re.compile(r"[\u4e00-\u9fff]")


# "a meeting in 10 min", "dans 10 minutes", "через 10 минут": a time from now, not a length of speech
_TIME_FROM_NOW = re.compile(r"(?:^|\s)(?:in|within|after|en|dans|em|tra|fra|entro|binnen|om|za|через|nach)\s+"
                            r"(?:(?:about|like|~|approx\.?|ca\.?|etwa|unos|environ)\s*)?$", re.I)
_QUERY_SUBJECT = re.compile(r"\b(?:quer(?:y|ies)|questions?|prompts?|search(?:es| terms?)|user input)\b|查询|提问|问题")
_OTHER_UNIT = re.compile(r"^\s*(?:[kmgt]i?b\b|gigs?\b|(?:giga|mega|tera)s?\b|(?:giga|mega|tera)bytes?\b|"
                         r"bytes?\b|%|percent\b|years?\b|hours?\b|minutes?\b|days?\b|"
                         r"weeks?\b|months?\b|gpus?\b|cores?\b|dims?\b|dimensions?\b|slides?\b|"
                         r"分钟|分鐘|分間|分|小时|小時|時間|시간|분)")
SELF_CORRECTION = re.compile(r"\bactually\b|\bno,? wait\b|\bmake (?:it|that)\b|\bsorry\b|\bi mean(?:t)?\b|"
                              r"\bcorrection\b|\bor rather\b|\bscratch that\b|\bcall it\b|\blet'?s say\b|"
                              r"\brealistically\b|\bin practice\b|\beffectively\b|"
                              r"\bwell,? closer to\b|\bmore like\b|不对|其实|应该是|更正|いや|訂正|"
                              # the same in other languages the gloss leaves as written
                              r"\banzi\b|\bcioè\b|\bquer dizer\b|\bou melhor\b|\bmejor dicho\b|\bo sea\b|"
                              r"\bnahi,? nahi\b|\bmatlab\b|我是说|哦不|講錯|说错|じゃなくて|아니\s*아니|아니요|정정|"
                              # a figure taken back in the other languages (s5-b): "nee, eher", "enfin non, plutôt",
                              # "no, espera", "ou melhor", "nie, raczej", "nej förresten", "yok yok", "ой нет",
                              # "アッ違う", "아 아니다" / "아니 7만" (glossed "아 not", ", not 7万")
                              r"\bnee\b|\benfin non\b|\bnon,? plut[ôo]t\b|\bespera\b|\bm[áa]s bien\b|\bor melhor\b|"
                              r"\braczej\b|\bnie,? nie\b|\bf[öo]rresten\b|\byok,? yok\b|\bhay[ıi]r\b|"
                              r"\bой,? нет\b|\bвернее\b|\bточнее\b|\bнет,? нет\b|違う|ちがう|違います|"
                              r"아니다|잠깐|\bpardon\b|\bperd[óo]n\b|\bnein\b|\bscusa\b|\bscusate\b|\bdesculp[ae]\b|"
                              r"\bизвините\b|\bпрости(?:те)?\b|\bf[öo]rl[åa]t\b|\bprzepraszam\b|\bexcuse me\b|"
                              r"不好意思|抱歉|对不起|失礼|すみません|すいません|ごめん|申し訳|죄송|미안")
_TEXT_SIZE = re.compile(r"^\s*([kmg])i?b\s+(?:(?:per|each|a|for each)\s+(?:file|doc|document|page|record)\s+)?"
                        r"(?:(?:of|de|di|von|an)\s+)?(?:plain\s+|raw\s+|clean\s+)?(?:text|txt|markdown)\b")
_BYTES = {"k": 1e3, "m": 1e6, "g": 1e9}
# Files whose size in bytes is no measure of their text: PDFs, Office files, scans, images, audio, video
_BINARY_FILES = re.compile(r"\b(?:pdfs?|docx?|pptx?|xlsx?|word (?:docs?|documents|files)|powerpoints?|excel|"
                           r"scan(?:s|ned)?|"
                           r"images?|jpe?g|png|tiff?|audio|video|mp[34]|wav|zip|binar(?:y|ies))\b")
_TEXT_TOTAL = re.compile(r"\d\s*[mg]i?b\s+(?:(?:of|de|di|von|an)\s+)?(?:plain\s+|raw\s+|clean\s+)?"
                         r"(?:text|txt|markdown)\b")
_SIZE_UNIT = re.compile(r"^\s*(?:[kmgt]i?b\b|(?:giga|mega|tera)s?\b|gigs?\b|gigabytes?\b|megabytes?\b|terabytes?\b|"
                        r"%|percent|x\b|years?\b|年(?!.{0,3}(?:查询|请求)))")


@dataclass
class Found:
    """Profile values stated in a text, before the conversation-level reading (corrections, skips)."""

    updates: dict[str, Any]
    corpus_tokens: int | None = None
    top_k: int | None = None
    negated: bool = False
    growth: float | None = None
    ambiguous: dict[str, Any] | None = None
    leftovers: list[P.Number] = field(default_factory=list)
    summed: bool = False  # the document count adds up parts the message lists ("40k contracts plus another 60k")
    # people x a rate per hour or minute each ("50 agents, each searches 6 times an hour"): people search during their
    # working hours, not around the clock
    per_person_hourly: bool = False


_HARDWARE_WORD = re.compile(r"\bgpus?\b|\bcards?\b|\b[ahlt]\d{1,3}[a-z]?s?\b|\brtx\b|\bservers?\b|\bmachines?\b|"
                            r"\bnodes?\b|\bboxes\b|显卡|服务器")
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


# "20 working days a month", "22 días laborables al mes", "20 Arbeitstage im Monat", "每月22个工作日", "月20営業日":
# the days a per-day rate is multiplied by, instead of 30.
_WORKDAYS = re.compile(
    r"(?<![\d.])(\d{1,2})\s*(?:working|business|work|office)\s*days?\b[^,;.]{0,20}?(?:a|per|each|every|/|in a)\s*month|"
    r"(?<![\d.])(\d{1,2})\s*(?:d[íi]as (?:laborables|h[áa]biles|[úu]teis)|jours ouvr[ée]s|jours de travail|"
    r"arbeitstage?n?|werktage?n?|giorni (?:lavorativi|feriali))\b|"
    r"(?:每个?月|一个月|月)\s*(\d{1,2})\s*(?:个)?(?:工作日|営業日|稼働日)|(\d{1,2})\s*(?:个)?(?:工作日|営業日|稼働日|영업일|근무일)")


# "5 days a week", "5 Tage die Woche", "週5日", "주 5일", "每周5天": the days of a month the daily rate runs on (x 30/7)
_DAYS_A_WEEK = re.compile(
    r"(?<![\d.])([1-6](?:[.,]5)?|7)\s*(?:days?|tage?|jours?|d[íi]as|giorni|dias|dagen|dni|dagar|gün|дн(?:я|ей)|hari|ngày|"
    r"วัน)\s*"
    r"(?:a|per|each|in a|die|the|pro|in der|par|por|a la|por la|a|alla|per|na|в|i|om|in de|per|en la)?\s*"
    r"(?:week|woche|semaine|semana|settimana|tydzień|veckan|vecka|hafta\w*|недел\w*)\b|"
    r"(?:週|周|주|每周|一周|每週)\s*([1-7])\s*(?:日|天|일)")


def _working_days(text: str) -> tuple[str, float | None]:
    """``text`` with a "20 working days a month" blanked, and those days (None when it names none)."""
    match = _WORKDAYS.search(text)
    week = None if match else _DAYS_A_WEEK.search(text)
    if week:  # "15 searches a day each, 5 days a week": 5 x 30/7 days a month
        days = float(next(g for g in week.groups() if g).replace(",", ".")) * P.DAYS_PER_MONTH / 7  # ("5.5 days")
        return text[:week.start()] + " " * (week.end() - week.start()) + text[week.end():], round(days, 2)
    if not match:
        return text, None
    days = int(next(g for g in match.groups() if g))
    if not 1 <= days <= 31:
        return text, None
    return text[:match.start()] + " " * (match.end() - match.start()) + text[match.end():], days


# s14-c: a rate per shift and the shifts run with no period ("per shift maybe 100 queries, we run 3 shifts", "pro
# Schicht 100 Abfragen, wir fahren 3 Schichten"): shifts are counted a day, so the count is read as "3 shifts a day"
# (not "1,200 operators on 3 shifts": the people spread over the shifts)
_PER_SHIFT = re.compile(r"\b(?:per|a|each|every)\s+shift\b|/\s*shift\b")
_SHIFTS_RUN = re.compile(r"(?<!\bon )(?<!\bin )(?<!\bacross )(?<!\bover )(?<!\binto )(?<![\d.,])"
                         r"(\d|two|three|four)\s+shifts\b(?!\s*(?:a|per|each|every)\s+(?:day|week|month)\b|"
                         r"\s*(?:daily|/\s*d(?:ay)?\b)|\s+(?:of|with)\b)")


# s14-c: a rate said as the time between two searches ("about one query every couple of seconds", "a search every 3
# minutes"): the searches in one unit of time
_EVERY_INTERVAL = re.compile(r"\b(?:one|a|an|1)\s+(quer(?:y|ies)|search(?:es)?|requests?|lookups?)\s+every\s+"
                             r"(?:(\d{1,3}(?:\.\d)?|two|three|four|five|ten|couple of)\s+)?"
                             r"(second|sec|minute|min|hour)s?\b")
_INTERVALS = {None: 1.0, "two": 2.0, "couple of": 2.0, "three": 3.0, "four": 4.0, "five": 5.0, "ten": 10.0}


def _per_interval(text: str) -> str:
    """``text`` with "one query every 2 seconds" as "0.5 queries per second"."""
    def one(m: re.Match[str]) -> str:
        gap = _INTERVALS.get(m.group(2)) or float(m.group(2))
        unit = {"sec": "second", "min": "minute"}.get(m.group(3), m.group(3))
        return f"{1 / gap:.3g} queries per {unit}" if gap > 0 else m.group()
    return _EVERY_INTERVAL.sub(one, text)


def _shifts_a_day(text: str) -> str:
    """``text`` with the shifts of a per-shift rate counted a day when no period is said with them."""
    if not _PER_SHIFT.search(text):
        return text
    return _SHIFTS_RUN.sub(lambda m: m.group() + " a day", text)


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


# The whole of a corpus said after its parts ("每个租户从几百条到几万条不等，加起来上百万条", "each tenant has
# 300 to 30k FAQs, over a million in total"): the figure the total word marks is the size, not one part's
_TOTAL_BEFORE = re.compile(r"(?:加起来|总共|一共|合计|总计|全部加起来|累计|合わせて|全部で|합쳐서|합계|전체|总量)\s*"
                           r"(?:大概|大约|约|有|是|に|で|약|대략)?\s*(?:上|近|超过|将近|差不多)?$|"
                           r"\b(?:in total|altogether|overall|total of|"
                           r"insgesamt|au total|en total|no total|in totale|in totaal|totalt|łącznie|всего)\s*"
                           r"(?:about|around|roughly|some|over|more than|~)?\s*$")
_TOTAL_AFTER = re.compile(r"^\s*(?:[a-z\-]+\s+){0,2}(?:in total|altogether|overall|all together|combined)\b")
_EACH_PART = re.compile(r"\beach\b|\bper\b|\bevery\b|每个?|各|それぞれ|마다|jede[rsn]?\b|chaque|cada|ogni|elke")


def _total_count(text: str, found: Found) -> None:
    """The corpus size from a figure marked as the total, when the size read was one part's (a smaller figure)."""
    size = found.updates.get("corpus_docs")
    if not isinstance(size, int | float) or not _EACH_PART.search(text):
        return
    for num in P.find_numbers(text):
        if num.value > size and (_TOTAL_BEFORE.search(text[max(0, num.start - 16):num.start])
                                 or _TOTAL_AFTER.match(text[num.end:num.end + 40])):
            found.updates["corpus_docs"] = int(num.value)
            found.leftovers = [n for n in found.leftovers if n.start != num.start]
            return


# One part's count of documents said after the parts ("4 sucursales y cada una guarda unos 3.000 documentos",
# "5个事业部，每个大概2千份", "14支店あって、各支店で約500件", "6 offices and each one keeps about 2,500
# contracts", "each of our 9 clinics has 20k letters"), as the gloss leaves it: the corpus is the parts times that count
# (lead s13)
_EACH_HOLDS = re.compile(r"\beach(?:\s+(?:one|of them))?\b(?!\s+(?:year|month|week|day|quarter|time|jaar|maand|dag|"
                         r"jahr|monat|woche|tag|année|an|mois|semaine|jour|año|mes|semana|día|anno|mese|settimana|giorno|"
                         r"ano|mês|dia|rok|miesiąc|tydzień|dzień|år|månad|vecka|год|месяц|неделю|день|yıl|ay|hafta|"
                         r"gün)s?\b)|\bevery one\b|"
                         r"(?:每个?|各)(?!个?(?:月|天|日|周|週|星期|年|季|小时|时间))|それぞれ|마다|в\s+кажд\w*|"
                         r"[ву]\s+кожн\w*|\bmỗi\b(?!\s+(?:tháng|ngày|tuần|năm))|كل(?!\s+(?:شهر|يوم|أسبوع|سنة|عام))")
_EACH_OF_PARTS = re.compile(r"^\s*(?:each|every one)?\s*of (?:our |the |these |those |its |their |all )?$")
# What the parts may not be: a length, a size, a sum, a time, a share, or documents themselves (the entries in files
# are asked about by the guard)
_NOT_A_PART = re.compile(r"\s*(?:%|x\b|×|/|per\b|a (?:day|week|month|year)\b|pages?\b|words?\b|tokens?\b|char|"
                        r"[kmgt]i?b\b|years?\b|months?\b|weeks?\b|"
                        r"days?\b|hours?\b|minutes?\b|seconds?\b|ms\b|usd|eur|dollars?|euros?|languages?\b|"
                        r"documents?\b|docs?\b|files?\b|pdfs?\b|folders?\b|records?\b|页|ページ|페이지|文件|文档|"
                        r"ファイル|파일|年|月|天|日|"
                        # containers of documents, whose documents are asked about ("600 faldoni, ognuno con decine di
                        # pratiche dentro")
                        r"folders?|binders?|boxes|faldon\w*|ordner|mappen|carpetas|pastas|cartelle|classeurs?|"
                        r"dossiers?|archives?|文件夹|フォルダ|폴더|箱|バインダー)")
# One part's figure that is a length or a size, not a count of documents ("3000 documents, each with hundreds of pages")
_LENGTH_NOT_COUNT = re.compile(r"\s*(?:[a-z]+\s+)?(?:pages?|words?|tokens?|char\w*|lines?|[kmg]i?b|paragraphs?|"
                               r"sentences?|页|頁|ページ|페이지|字|単語|단어)\b")
# Items said to be inside each part: containers, asked about by the guard
_INSIDE_EACH = re.compile(r"\s*(?:\w+\s+){0,2}?(?:inside|dentro|dedans|darin|drin|in (?:it|them)|里面|中に|안에)")


def _parts_times_each(text: str, found: Found, asked: str | None) -> None:
    """The corpus as parts times one part's documents: the figure after "each" and the count of parts before it.

    Only when that figure is the size read, or is left over with a document noun (or answers the count question),
    or the size read is the parts' count ("6 clínicas y cada una guarda unas 4.000 historias").
    """
    size = found.updates.get("corpus_docs")
    if isinstance(size, bool) or found.summed or P.TOTAL_CUE.search(text) or re.search(
            r"\bin total\b|\baltogether\b", text):
        return
    numbers = P.find_numbers(text)
    for each in _EACH_HOLDS.finditer(text):
        after = [n for n in numbers if n.start >= each.end()]
        of_ours = bool(after) and _EACH_OF_PARTS.search(text[each.start():after[0].start])  # "each of our 7 hospitals"
        one = after[1] if of_ours and len(after) > 1 else None if of_ours else next(iter(after), None)
        if one is None or one.start - each.end() > (60 if of_ours else 30) or re.search(
                r"[.;!?。！？]", text[each.end():one.start]) or _LENGTH_NOT_COUNT.match(text[one.end:one.end + 16]):
            continue
        parts = [after[0]] if of_ours else [n for n in numbers if n.end <= each.start()]
        if not parts:
            continue
        part = parts[-1]
        own = text[part.end:each.start()]
        if re.search(r"\b(?:from|between|anywhere|up to|to)\b|[-–~]\s*\d|\d\s*(?:to|-|–|~)\s*\d",
                     text[each.end():one.end + 12]) or re.search(r"\bnew\b|新增|新規|신규", own) \
                or any(rx.search(own) for rx, _ in P.PERIODS):
            continue  # "each has anywhere from 50 to 3,000 docs": a range; "~100 new customers a month, each with
            # ~50 docs": growth
        between = text[part.end:one.start]
        if not 2 <= part.value <= 5000 or part.value != int(part.value) or len(between) > 70 or \
                re.search(r"[.;!?。！？]\s", between) or _NOT_A_PART.match(text[part.end:part.end + 12]) or \
                re.search(r"[$€£¥₹]\s*$", text[max(0, part.start - 2):part.start]) or \
                _INSIDE_EACH.match(text[one.end:one.end + 30]) or any(rx.search(
                    _OWN_CLAUSE_END.split(text[one.end:one.end + 40])[0]) or rx.search(
                    text[max(0, one.start - 16):one.start]) for rx, _ in P.PERIODS):
            continue  # ("each handles 40 tickets a day", "har ek roz 15-20 claims": a rate, no corpus)
        documents = bool(P.docs_after(text[one.end:one.end + 30])) or asked == "corpus_docs"
        left = any(n.start == one.start for n in found.leftovers) and documents
        if size is None and not left or size is not None and not (
                size == one.value or size == part.value and documents):
            continue
        found.updates["corpus_docs"] = int(part.value * one.value)
        found.leftovers = [n for n in found.leftovers if n.start not in (one.start, part.start)]
        return


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


def _coarse_length(text: str, num: P.Number) -> bool:
    """Whether a length is counted in sentences, paragraphs or lines (a rough size a figure in words beats)."""
    after = text[num.end:num.end + 40]
    return bool(P.SENTENCES_AFTER.match(after) or P.PARAGRAPHS_AFTER.match(after) or (  # s14-a: "3 or 4 lines
        P.LINES_AFTER.match(after) and not re.match(r"^[\s\-]*(?:lines? of code|loc|sloc)\b", after)))  # each"


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


_SUBJECT_SEARCHES = re.compile(r"^\s*(?:[a-z\-]+\s+){1,3}(?:who |that |would |will |all |typically |usually |might |"
                               r"could |can |each |then |probably |maybe )*(?:search|query|look (?:things )?up|"
                               r"run (?:a |\d)|do (?:a |\d)|use (?:it|the)|ask)")


# "the bot runs one search per ticket", "2 queries for each email": searches made per item that arrives at a rate
_PER_ITEM_QUERY = re.compile(r"\b(\d{1,3}(?:\.\d)?|one|a single|a|an|two|three|four|five)\s+(?:[a-z]+\s+)?"
                             r"(?:search(?:es)?|quer(?:y|ies)|lookups?|retrievals?)\s+(?:per|for each|for every|each|"
                             r"every|on each|on every)\s+"
                             # s14-c: the item with a word of where it comes from ("per incoming call")
                             r"(?:(?:incoming|inbound|outbound|new|single|customer|support|phone|client|received)\s+)?"
                             r"([a-z]{3,}?)s?\b")
_EACH_ITEM_QUERIES = re.compile(r"\b(?:each|every|per)\s+([a-z]{3,}?)s?\s+(?:(?:does|makes|runs|triggers|fires|needs|"
                                r"uses|involves|generates|means|takes)\s+)?(?:about |around |roughly |~|maybe |up to )?"
                                r"(\d{1,3}(?:\.\d)?|one|a single|two|three|four|five)\s+(?:[a-z]+\s+)?"
                                r"(?:search(?:es)?|quer(?:y|ies)|lookups?|retrievals?|calls)\b")
_EACH_WITH = re.compile(r"\beach\s+(?:with|has|having|needing|involving|triggering|doing|running|making|using)\s+"
                        r"(?:about |around |roughly |maybe |~\s*)?(\d{1,2}(?:\.\d)?)\s+"
                        r"(?:searches|queries|lookups|retrievals)\b")
_ITEMS_BEFORE = re.compile(r"([a-z]{3,}?)s?\s+(?:a|per|each|every)\s+(?:day|week|month|hour)\s*,?\s*(?:and\s+)?$")
# "about 20k tickets come in per month and each one takes 2 or 3 searches" (s6-a): the items named before their rate,
# a verb of arriving between; the searches each one takes, a range at its midpoint
_EACH_TAKES = re.compile(r"\beach(?: one| of them)?\s+(?:(?:takes|needs|triggers|generates|involves|requires|means|"
                         r"leads to)\s+)(?:about |around |roughly |maybe |~\s*)?(\d{1,2}(?:\.\d)?)"
                         r"(?:\s*(?:or|to|-|–)\s*(\d{1,2}))?\s+(?:[a-z]+\s+)?(?:searches|queries|lookups|retrievals)\b")
_ITEMS_ARRIVING = re.compile(r"([a-z]{3,}?)s?\s+(?:(?:come|comes|coming|arrive|arrives|arriving|in|that|we|get|"
                             r"receive|are|opened|created|raised)\s+){0,3}(?:a|per|each|every)\s+"
                             r"(?:day|week|month|hour)\s*,?\s*(?:(?:and|y|e|et)\s+)?$")
_SMALL = {"one": 1, "a single": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5}


# "每天大概 200 万轮对话，每轮平均检索 3 次", "每天 1 万个会话，每个会话检索 3 次": conversations a day x searches
# each
_CJK_CONVERSATIONS = r"(?:轮|个|次|通|场|条)?\s*(?:对话|会话|咨询|工单|通话|聊天|提问)"
_CJK_EACH_SEARCHES = re.compile(r"每(?:一)?(?:轮|个|次|通|场|条)?\s*(?:对话|会话|咨询|工单|通话|聊天|提问)?"
                                r"[^。，,；;\d]{0,6}?"
                                r"(?:检索|查询|召回|搜索|调用)[^。，,；;\d]{0,3}?(\d{1,2}(?:\.\d)?)\s*次")


def _cjk_queries_per_item(numbers: list[P.Number], work: str) -> tuple[int, P.Number] | None:
    """(queries a month, the figure of searches each) for conversations counted per period and searches per one."""
    match = _CJK_EACH_SEARCHES.search(work)
    if match is None:
        return None
    each = next((n for n in numbers if n.start == match.start(1)), None)
    for num in numbers:
        if num is each or not re.match(rf"^\s*{_CJK_CONVERSATIONS}", work[num.end:num.end + 8]):
            continue
        clause = re.split(r"[。，,；;]", work[:num.start])[-1]
        factor = period_factor(work[num.end:num.end + 12], clause)
        if factor == 1.0 and not any(rx.search(clause) for rx, _ in P.PERIODS):
            continue  # a month's factor is 1: the period must be named
        return int(num.value * factor * float(match.group(1))), each or num
    return None


# s7-d (issue 17): one search (or a few) per item that arrives at a rate, as Chinese, Japanese, Korean and Turkish
# say it (glossed): "每张工单检索一次", "每份新合同进来都要查一次", "1件につき1回検索", "依頼ごとに過去案件を3回",
# "それぞれ1回ずつ", "민원 1건당 한 번씩", "건마다 2번", "각각 한 번씩", "her sipariş için 2 arama", "her biri için bir
# kez": the items' rate times the searches each, never "1 a month"
_ARRIVAL_CUE = re.compile(
    r"(?:(?<![\d.])1\s*(?:documents|items|件|건|张|份|条|个|篇|封|单|笔)?\s*(?:につき|ごとに|あたり|当たり|당|마다)|"
    r"(?:[\u4e00-\u9fff\u30a0-\u30ff]{1,4}|[가-힣]{1,4}|items|documents)(?:ごとに|마다|당|별로|별)|"
    r"每(?:一)?(?:张|份|条|篇|封|单|件|笔|通|个)\s*(?:新)?[\u4e00-\u9fff]{0,5}?"
    r"(?=进来|来了|都|要|会|需要|检索|查|搜|召回)|按(?:每|一)(?:通|张|份|条|个|件|单|篇|封)|"
    # s14-c: "每来一个电话查一次", "每进来一单就搜一下": an item coming in
    r"每(?:进)?来(?:一)?(?:张|份|条|篇|封|单|件|笔|通|个)?\s*[\u4e00-\u9fff]{0,4}?(?=就|都|要|会|需要|检索|查|搜|召回)|"
    r"それぞれ|\beach(?=\s+(?:[가-힣]+\s+){0,3}\d{1,2}\s*times\b)|\bher\s+\w+\s+için\b|\beach\s+için\b|\b\w+\s+başına\b|"
    r"\bper\s+(?!(?:day|week|month|year|hour|second|minute|working|business|person|user|head)\b)[a-z]+(?=\s+\d)|"
    # "cada ticket deve gerar umas 2 buscas", "each claim gets looked up twice", "chaque dossier ... 3 recherches"
    r"\b(?:each|every|cada|chaque|ogni|jede[rsn]?|elke|każd[yae])\s+(?:new\s+|nuev[oa]\s+|nov[oa]\s+)?"
    r"(?:tickets?|cases?|claims?|orders?|requests?|emails?|calls?|invoices?|applications?|incidents?|chamados?|"
    r"pedidos?|casos?|reclama[çc][ãa]o|solicitud|dossiers?|demandes?|commandes?|appels?|richiest[ae]|pratic[ah]e?|"
    r"anfragen?|auftr[äa]ge?|vorg[äa]nge?|meldungen?|zgłoszeni[ea]|aanvra(?:ag|gen)|orders)\b)")
_ARRIVAL_EACH = re.compile(
    r"[^。.!?;；\n\d]{0,20}?(?:(?<![\d.])(\d{1,2}(?:\.\d)?)\s*(?:times|次|遍|queries|searches)|"
    r"([一两二三])\s*(?:次|遍))")
_ARRIVAL_SEARCH = re.compile(r"search|quer|lookup|检索|查|搜|召回|照合|調べ|探し|검색|조회|찾|\bar[ıa]\w*|\bbak[ıa]\w*")
_CN_SMALL_EACH = {"一": 1, "两": 2, "二": 2, "三": 3}
_SENTENCE_END = re.compile(r"[。!?！？\n]|\.(?:\s|$)")
_ARRIVAL_NOT_ITEM = re.compile(r"^\s*(?:times|次|回|遍|queries|searches|lookups|people|persons|users|employees|"
                               r"pages?|words?|tokens?|characters?|字|页|gb|mb|ms|seconds?|"
                               r"人|名|명|位|kişi|[a-zçğıöşü]*\s+(?:kişi|kullanıcı|temsilci|çalışan))")


def _per_arrival(numbers: list[P.Number], work: str) -> tuple[int, P.Number] | None:
    """(queries a month, the figure of the items) for items counted per period and searches made for each one."""
    for cue in _ARRIVAL_CUE.finditer(work):
        each = _ARRIVAL_EACH.match(work, cue.end())
        if each is None or not _ARRIVAL_SEARCH.search(work[cue.start():each.end() + 24]):
            continue
        k = float(each.group(1)) if each.group(1) else float(_CN_SMALL_EACH[each.group(2)])
        rate = next((n for n in numbers if each.group(1) and n.start == each.start(1)), None)
        if rate is not None and (per_unit := R.unit_rate(work, rate, numbers)) is not None and per_unit[1] and \
                not _period_in_clause(work, per_unit[1]):
            continue  # "300多个网点 ... 每个网点每天查询10次": a rate per counted unit, not per arriving item
        ends = [m.start() for m in _SENTENCE_END.finditer(work)]
        sentence = (max((e for e in ends if e < cue.start()), default=-1), min((e for e in ends if e >= cue.end()),
                                                                              default=len(work)))
        for num in numbers:
            after = work[num.end:num.end + 40]
            if cue.start() <= num.start < each.end() or num.value < 2 or _ARRIVAL_NOT_ITEM.match(after) or \
                    P.USERS.match(after) or not sentence[0] < num.start < sentence[1] or P.CURRENCY_AFTER.match(
                        after) or P.CURRENCY_BEFORE.search(work[max(0, num.start - 12):num.start]) or \
                    P.BUDGET_CUE.search(work[max(0, num.start - 12):num.start]):
                continue  # not people, money, pages or another sentence's figure
            if not _period_in_clause(work, num):
                continue  # a month's factor is 1: the period must be named
            left, right = _clause_span(work, num)
            factor = period_factor(work[num.end:right], work[left:num.start])
            return int(num.value * factor * k), num
    return None


# A clause about the busiest times after the usual rate: "yoğun günlerde 5 bine çıkıyor", "많을 때는 5천 건까지",
# "at peak 5k", "高峰期能到五千"
_PHONE_CALLS = re.compile(r"(?:\bphone calls?\b|\bcalls? (?:by|over the) phone\b|\btelefonisch\w*|\banrufe\b|"
                          r"\bappels? téléphoniques\b|\bllamadas\b|\bliga[çc][õo]es\b|\btelefonate\b|"
                          r"\btelefoontjes\b|\brozmów\b|\bзвонк\w*|\btelefon görüşme\w*|电话|電話|전화|"
                          # s10-c: "a call centre ... takes about 4,000 calls a day" (not "API calls")
                          r"(?<!api )(?<!search )(?<!embedding )(?<!model )(?<!function )(?<!tool )(?<!inference )"
                          r"(?<!api-)\bcalls\b(?=\s+(?:a|per|each|every)\s+(?:day|week|month|hour|shift)))"
                          r"(?!\s*(?:a la |an die |для |к |ao |para a )?api)")
_WEEKEND_CLAUSE = re.compile(r"^[,;，；、]\s*(?:but\s+|and\s+)?[^,;.。!?]{0,25}?(?:weekends?|wochenende\w*|week-?ends?|"
                             r"fin(?:de)?s? de semana|findes?\b|fim de semana|weekendy?|выходн\w*|hafta ?sonu|"
                             r"वीकेंड|सप्ताहांत|akhir pekan|周末|星期六日|周六日|礼拜六日|土日|週末|주말)")
# A cap set on the asked figure: "I'd cap it at 250", "limit it to 300", "no more than 1k"
_CAP_BEFORE = re.compile(r"\b(?:cap(?:ped)?(?: it| that| them)? at|limit(?: it| that)? (?:to|at)|no more than|at most|"
                         r"max(?:imum)?(?: of)?)\s*(?:~|about|around|roughly)?\s*[$€£]?\s*$")
_PEAK_CLAUSE = re.compile(r"^[,;，；、]\s*(?:but\s+|and\s+)?(?:at (?:peak|the peak|busy times)|peaks?\b|during peaks?|"
                          r"on busy days|yoğun\s+\w+|en yoğun|많을 때|바쁠 때|피크|ピーク|繁忙|多い(?:日|時)|高峰|"
                          r"忙的时候|最多的时候)")


def _clause_span(work: str, num: P.Number) -> tuple[int, int]:
    left = max((work.rfind(c, 0, num.start) for c in ",;!?。，；、\n"), default=-1) + 1
    right = min((i for c in ",;!?。，；、\n" if (i := work.find(c, num.end)) >= 0), default=len(work))
    return left, right


def _period_in_clause(work: str, num: P.Number) -> bool:
    left, right = _clause_span(work, num)
    return any(rx.search(work[left:num.start] + " " + work[num.end:right]) for rx, _ in P.PERIODS)


# The searches of one visit or conversation, in the languages the gloss leaves ("con una media de 2 búsquedas por
# visita" glossed "2 queries por visita", "une conversation fait en moyenne 3 questions", "jede Sitzung hat 2 Suchen")
_PER_UNIT_SEARCHES = re.compile(
    r"(?P<n>\d{1,2}(?:\.\d)?)\s+(?:queries|questions|searches|búsquedas|recherches|perguntas|buscas|suchen|fragen|"
    r"domande|ricerche)\s+(?:per|por|par|pro|je|à chaque|por cada|per ogni|em cada)\s+(?P<unit>[a-zà-ü]{3,}?)s?\b|"
    r"\b(?:une?|each|every|chaque|cada|jede[rs]?|ogni)\s+(?P<unit2>[a-zà-ü]{3,}?)s?\s+(?:fait|makes|has|hace|tiene|tem|"
    r"faz|hat|comporte|génère|generates|involves)\s+(?:en moyenne|on average|en promedio|em média|im schnitt|"
    r"about|around|environ|unos|unas|cerca de|etwa|~)?\s*(?P<n2>\d{1,2}(?:\.\d)?)\s+(?:queries|questions|searches|"
    r"búsquedas|recherches|perguntas|buscas|suchen|fragen|domande|ricerche)\b")


def _searches_per_unit(numbers: list[P.Number], work: str, found: Found) -> None:
    """The searches a month times the searches each visit or conversation makes (s16-a).

    "3 millones de visitas al mes ... un 20% usará el buscador, con una media de 2 búsquedas por visita": 1.2M; "2
    millions de conversations par an, sachant qu'une conversation fait en moyenne 3 questions": 500k a month. Only
    when the searches read are the visits' or conversations' count (or a share of it), not already multiplied.
    """
    queries = found.updates.get("queries_per_month")
    match = _PER_UNIT_SEARCHES.search(work)
    if not isinstance(queries, int | float) or isinstance(queries, bool) or match is None:
        return
    each, unit = float(match.group("n") or match.group("n2")), re.escape(match.group("unit") or match.group("unit2"))
    for num in numbers:
        after = work[num.end:num.end + 40]
        noun = re.match(rf"^\s*(?:de\s+|d')?(?:[a-zà-ü]+\s+)?{unit}s?\b", after)
        if not noun or match.start() <= num.start < match.end() or each < 1:
            continue
        monthly = num.value * period_factor(after[noun.end():], "")
        if 0 < queries <= monthly * 1.01:
            found.updates["queries_per_month"] = int(round(queries * each))
        return


def _queries_per_item(numbers: list[P.Number], work: str, users: float | None) -> int | None:
    """Queries a month from "40 tickets a day (each agent) ... one search per ticket": items x rate x searches each."""
    match = _PER_ITEM_QUERY.search(work)
    if match is not None:
        each, item = float(_SMALL.get(match.group(1), 0) or match.group(1)), re.escape(match.group(2))
    elif (match := _EACH_WITH.search(work)) is not None and (
            items := _ITEMS_BEFORE.search(work[:match.start()])) is not None:
        each, item = float(match.group(1)), re.escape(items.group(1))  # "20k conversations a month, each with ~3"
    elif (match := _EACH_TAKES.search(work)) is not None and (
            items := _ITEMS_ARRIVING.search(work[:match.start()])) is not None:
        low, high = float(match.group(1)), float(match.group(2) or match.group(1))
        each, item = (low + high) / 2, re.escape(items.group(1))  # "20k tickets a month, each one takes 2 or 3"
    else:  # "15k conversations a month, and each conversation does about 3 retrieval calls"
        match = _EACH_ITEM_QUERIES.search(work)
        if match is None:
            return None
        each, item = float(_SMALL.get(match.group(2), 0) or match.group(2)), re.escape(match.group(1))
    for num in numbers:
        after = work[num.end:num.end + 40]
        noun = re.match(rf"^\s*(?:[a-z]+\s+)?{item}s?\b", after)
        if not noun or match.start() <= num.start < match.end():
            continue
        factor = period_factor(after[noun.end():], "")
        own = re.split(r"[,;!?。，；]", after[noun.end():][:30])[0]
        if not any(rx.search(own) for rx, _ in P.PERIODS):  # a month's factor is 1: the period must be named
            continue
        per_person = users is not None and P.PER_USER.search(work[max(0, num.start - 40):num.end + 40])
        return int(num.value * factor * each * (users if per_person and users is not None else 1))
    return None


def _people_before_each(numbers: list[P.Number], work: str) -> P.Number | None:
    """People counted without a known people word.

    "80 consultants, each 15 searches a day" (a word, then "each"); "500 claims handlers would search maybe 30 times
    a day" (words, then a search verb).
    """
    for n in numbers:
        after = work[n.end:n.end + 40]
        if re.match(r"^\s*[a-z]{3,}(?:\s+[a-z]{3,})?\s*,", after):  # "20 estimators, maybe 12 searches a day each"
            after = work[n.end:n.end + 60]
        if re.match(r"^\s*[a-z]{3,}", after) and (P.PER_USER.search(after) or _SUBJECT_SEARCHES.match(after)) and not (
                P.docs_after(after) or P.QUERY_AFTER.match(after) or P.TIMES_AFTER.match(after)
                or any(rx.match(after) for rx, _ in _LENGTH_UNITS) or P.TOKENS_AFTER.match(after)
                or _SIZE_UNIT.match(after) or P.MINUTES_AFTER.match(after) or P.SLIDES_AFTER.match(after)):
            return n
    return None


def _people_of_them(numbers: list[P.Number], work: str) -> P.Number | None:
    """"clinicians do maybe 40 searches a day each, and we have about 350 of them": "of them" after people named."""
    for n in numbers:
        base = max(0, n.start - 120)
        people = [base + m.start() for m in re.finditer(r"(?<![a-z])[a-z]", work[base:n.start])
                  if P.USERS.match(work[base + m.start():])]
        if re.match(r"^\s*of (?:them|those)\b", work[n.end:]) and people and not _DOCUMENTS_NAMED.search(
                work[people[-1]:n.start]):
            return n
    return None


# s13-b: documents named between the people and "N of them" are what is counted ("we want our clinicians to search the
# clinical guidelines, there's about 800 of them")
_DOCUMENTS_NAMED = re.compile(r"\b(?:documents|docs|guidelines|articles|contracts|papers|tickets|manuals|reports|files|"
                              r"records|policies|notes|cases|faqs|products|emails|protocols|procedures|handbooks)\b")


# More queries a month than one person makes (200 a day): a rate said beside counted people without "each" that is
# larger is the total of them all.
_MOST_PER_PERSON = 6_000


def _users(people: P.Number | None, work: str) -> float | None:
    """How many people search: "300 engineers", and "10% of them" of those."""
    if people is None:
        return None
    shifts = re.search(r"(\d{1,2}|two|three|four)\s+(?:shifts?|teams?|groups?|offices?|sites?|branches?|locations?)\s+"
                       r"(?:of|with)\s+(?:about |around |roughly |~)?$", work[max(0, people.start - 40):people.start])
    if shifts:  # "3 shifts of 20 agents": 60 people
        count = shifts.group(1)
        people = P.Number(people.start, people.end, people.value * (
            float(count) if count.isdigit() else {"two": 2, "three": 3, "four": 4}[count]))
    share = re.search(r"(\d{1,3}(?:\.\d{1,3})?\s*%|half|a third|one third|a quarter|one quarter|two thirds|"
                      r"three quarters|a fifth|a tenth)\s*of (?:them|those|these|us|the\s+(?!(?:docs?|documents?|"
                      r"corpus|files?|pages?|data|texts?|contracts?|tickets?|records?|articles?|content)\b)\w+)",
                      work[people.end:])
    if not share:
        active = S.active_share(work[people.end:]) or S.share_before(work[:people.start])  # "1 in 3 active"
        return people.value * active if active else people.value
    word = share.group(1)
    return people.value * (float(word.rstrip("% ")) / 100 if word[0].isdigit() else _FRACTIONS[word])


_FRACTIONS = {"half": 1 / 2, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 1 / 4, "one quarter": 1 / 4,
              "two thirds": 2 / 3, "three quarters": 3 / 4, "a fifth": 1 / 5, "a tenth": 1 / 10}


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


def period_factor(after: str, before: str) -> float:
    """The factor to "per month" of the first period named after a number (else before it); 1 when none is."""
    after = re.split(r"[,;!?。，；、]", after[:30])[0]  # its own clause: "每人每天查询20次左右，…预算每年" is per day
    for window in (after, before):
        hits = [(m.start(), factor) for rx, factor in P.PERIODS if (m := rx.search(window))]
        dated = [h for h in hits if _THIS_YEAR.match(window, max(0, h[0] - 1))]
        if len(hits) > len(dated) > 0:  # "今年预计每月100万次": this year's rate per month, not a year's total
            hits = [h for h in hits if h not in dated]
        if hits:
            return min(hits)[1]
    return 1.0


_CJK_SCRIPT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")  # kana, CJK, hangul
_THIS_YEAR = re.compile(r"[今去明本来昨]年")


def _money(value: float, currency: str, factor: float) -> float:
    return round(value * (P.USD_PER[currency] or 0.0) * factor, 2)


_PER_SEAT = re.compile(r"^\s*(?:/|per|a|an|each|every)\s*(?:user|seat|head|person|employee|licen[cs]e|agent|"
                       r"member)s?\b")
_SEATS = re.compile(r"(?<![\d.])(\d[\d,.]*\s?k?)\s*(?:users|seats|people|employees|agents|licen[cs]es|members)\b")
# The seats counted right before a price ("40 seats at like $8.75", "25 users @ €12"): the price is each seat's
_SEAT_PRICE = re.compile(r"(?<![\d.])(\d[\d,.]*\s?k?)\s*(?:users|seats|licen[cs]es|agents|members)\s+(?:at|@|x|×)\s*"
                         r"(?:like|about|around|roughly|approx\.?|~)?\s*$")
_KANA = re.compile(r"[\u3040-\u30ff]")
_LOCAL_DOLLARS = {"cad", "aud", "nzd", "sgd", "hkd", "twd"}
_GENERIC_CURRENCY = {"$", "元", "块", "块钱", "dollars", "dollar", "kr"}
# Money for more than the search system ("3 crore a year for the whole AI program, this is one small part of it")
_LARGER_SCOPE = re.compile(
    r"\b(?:whole|entire)\s+(?:[a-z]+\s+){0,2}(?:program+e?|department|division|company|organi[sz]ation|"
    r"initiative|platform|group)\b|"
    r"\b(?:one|a|only a|just a)\s+(?:small\s+|tiny\s+)?(?:part|fraction|slice)\s+of\s+(?:it|that|this)\b")


_PERIOD_RES = tuple(rx for rx, _ in P.PERIODS)
# Money already spent is no budget: "we spent $200k on the old system, for this one we have $2k a month"
PAST_SPEND = re.compile(r"\b(?:spent|(?:we|they|i)(?:'ve| have)? (?:just |already |recently |only )?paid|"
                         r"(?:just|recently) paid|used to (?:pay|spend)|cost us|ausgegeben|dépensé|gastamos|"
                         # a thing bought already (s15-c): "last year we bought two L40S cards for about $18k"
                         r"(?<!\bbe )(?<!\bbeen )(?<!\bto )(?:bought|purchased|kupiliśmy|gekauft|achetée?s?|compramos|"
                         r"comprámos)|"
                         # what is spent already on something else (s6-a): "we already spend 1,000 a month on OpenAI"
                         r"(?:already|currently) (?:spend|pay)|we(?:'re| are) (?:already )?spending|già spendiamo|"
                         # what another tool costs today (s8-a): "we pay Algolia about $900 a month", "we spend $2k a
                         # month on OpenAI", "our Zendesk licence costs $115 per agent" (not "we'd pay", "we can spend")
                         r"(?<!')(?<!\bwould )(?<!\bcould )(?<!\bcan )(?<!\bwill )\bwe (?:pay|spend)\b"
                         r"(?!\s+(?:up to|at most|max))|"
                         r"\b(?:and|already|currently|now)\s+(?:spend|pay)\b(?!\s+(?:up to|at most|max))|"
                         # a vendor's quote, a thing's price, a project before this one: "our last vendor quoted
                         # £3,000/month", "an H100 costs like $30k", "the previous project cost £80k" (s8-a)
                         r"\bquot(?:ed|ing)\b(?!\s+(?:us\s+)?(?:a|our|the|my)\s+budget)|\bquotes?\s+(?:was|is|of|came)\b|"
                         r"(?<!should )(?<!could )(?<!would )(?<!can )(?<!may )(?<!must )(?<!will )(?<!to )"
                         r"\bcosts?(?:\s+(?:like|about|around|roughly))?(?=\s*~?\s*[$€£₹]?\s*$)|"
                         r"\b(?:previous|last|old|former|earlier) (?:project|system|vendor|tool|solution|attempt|"
                         r"contract|pilot|poc)\b|"
                         # a tool used before and its price: "we tried Algolia (USD 1,200/month)" (s8-a)
                         r"\b(?:tried|were on|was on|switched (?:away )?from|moved (?:off|away from)|migrated (?:off|"
                         r"from)|replac(?:ed|ing)|dropped|cancell?ed|ditched)\b(?!\s+to\b)|"
                         r"\bwe(?:'re| are) paying\b|\bcosts? us\b|\b(?:licen[cs]es?|subscriptions?|bills?|invoices?|"
                         r"contracts?|plans?)\s+(?:costs?|is|are|runs?|comes? to)\b|"
                         # s16-a: what another tool costs today, said in the present in the other languages ("hoje a
                         # gente gasta uns R$ 8 mil por mês com o Zendesk", "wir zahlen 3.000 € für Elastic")
                         r"(?:a gente|nós|hoje|hoy|actualmente|atualmente)\s+(?:\w+\s+)?(?:gasta\w*|paga\w*)|"
                         r"\bwir zahlen\b|\bzahlen wir\b|\bon (?:paie|dépense)\b|\bnous payons\b|\bpaghiamo\b|"
                         # s16-c: what a thing would cost to buy, a vendor's offer ("buying one is like $30k",
                         # "kostet in der Anschaffung", "comprada costaría", "ein Angebot über 2.900 €/Monat")
                         r"\bbuying (?:one|it|them|that|those|an? \w+)\s+(?:is|would be|costs?|runs?)\b|"
                         r"\bin der anschaffung\b|\bcomprad[oa]s? costar\w*|\bangebot (?:über|von)\b|"
                         r"\bdevis (?:de|à)\b|\bcotizaci[oó]n (?:de|por)\b|\bpreventivo (?:di|da)\b|"
                         r"\bofferte (?:van|voor)\b|見積|报价|報價|"
                         r"spendiamo già|ya gastamos|já gastamos|on dépense déjà|nous dépensons déjà|"
                         r"gastado|gastou|gastamos|speso|uitgegeven|wydaliśmy|spenderade|harcadık|потратили)\b")


# A group of people "N of them" refers back to (s16-c): "the legal team ... all 4 of them"
_PEOPLE_REFERRED = re.compile(r"\b(?:team|people|staff|lawyers|engineers|developers|colleagues|folks|guys|analysts|"
                              r"agents|employees|members|department|dept|board|committee|partners|admins?|"
                              r"consultants|specialists|reviewers|editors)\b")
_DOCUMENT_NOUN = re.compile(r"\b(?:docs?|documents?|files?|contracts?|articles?|tickets?|pages?|records?|reports?|"
                            r"manuals?|e-?mails?|pdfs?|cases|items|products)\b")


# A figure whose noun is a thing that is neither documents nor searches ("120家门店", "店舗は60店舗", "매장이 45개",
# "40,000 customers"): it counts stores, staff or customers, never the answer to the count asked (s10-c)
_COUNTER = re.compile(r"^\s*(?:家|个|個|间|間|所|개|곳|군데|店舗|社)?\s*")


def _things_counted(work: str, num: P.Number, asked: str | None) -> bool:
    if asked not in ("corpus_docs", "queries_per_month"):
        return False
    after = work[num.end:num.end + 30]
    rest = after[_COUNTER.match(after).end():]  # type: ignore[union-attr]
    if _NOT_DOCS_SUBJECT.match(rest):
        return True
    noun = _UNKNOWN_NOUN.match(after)
    return bool(noun and re.fullmatch(_PEOPLE_PLACES, noun.group(1)))


# One document's size, said of the largest one or of one alone ("the biggest manual alone is 1,200 pages", "一番厚い
# マニュアルだけで400ページ", "Allein das Handbuch hat 900 Seiten", "가장 긴 보고서 하나가 250페이지"): no typical
# length
_ONE_DOCUMENT = re.compile(r"\b(?:alone|by itself|on its own)\b|\b(?:the|our) (?:biggest|largest|longest|thickest)\b|"
                           r"一番|だけで|最も|最大の|最长的|最厚的|가장|제일|\ballein\b|à (?:lui|elle) seule?\b|"
                           r"\bpor sí sol[oa]\b|\bda sol[oa]\b|\bsozinh[oa]\b|\balleen al\b|\bодна только\b|"
                           r"\bодин только\b")
# One document named by its size, a singular article before "N-page <noun>" (s11-c): "the 40-page spec from our
# vendor", "a 1,200-page spec" (not "our 40-page contracts", "each 40-page report")
_ONE_NAMED = re.compile(r"\b(?:a|an|the|that|this|one|his|her)\s+$")
_PAGE_ADJECTIVE = re.compile(r"^-(?:pages?|seiten|pagine|páginas|pages)[\s\-]+(?!documents?\b|docs?\b)[a-z]+(?<!s)\b")


def one_named(text: str, num: P.Number) -> bool:
    """A figure that names one document by its size ("the 40-page spec"), not said of each document."""
    return bool(_ONE_NAMED.search(text[max(0, num.start - 12):num.start]) and _PAGE_ADJECTIVE.match(
        text[num.end:num.end + 30]) and not P.PER_DOC_CUE.search(clause_before(text, num))
        and not _RANGE_FROM.search(text[max(0, num.start - 30):num.start]))


# "anything from a one-page memo to 400-page tender docs": the ends of a range of lengths, not one document named
_RANGE_FROM = re.compile(r"\b(?:from|between|ranging from|de|von|desde|da|van|od)\s+"
                         r"(?:a|an|one|un|une|uno|ein|een)\s+$")


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


# Money that serves another purpose than this system's budget (s10-c), by what the figure belongs to: the price of a
# thing bought ("mein Dienstlaptop hat 2.000 € gekostet", "제 노트북이 300만 원이었는데", "ノートPC1台20万円の稟議"),
# what the current provider is paid today in any language ("hoje pagamos R$ 5.000 por mês ao fornecedor atual",
# "obecny dostawca kosztuje nas 4 000 zł"), and a sum given for comparison ("..., nur zum Vergleich", "只是参考一下").
_DEVICE = (r"(?:laptop\w*|notebook|macbooks?|ordinateur\w*|portátil|computador|computer|rechner|pc|iphone|phone|"
           r"telefon\w*|smartphone|ноутбук\w*|компьютер\w*|dizüstü|bilgisayar\w*|máy tính|"
           r"ノートpc|パソコン|ノートパソコン|노트북|컴퓨터|笔记本|电脑|手机)")
_THING_PRICE = re.compile(rf"(?<![\w]){_DEVICE}(?![a-z])[^,;.!?。，；]{{0,25}}$")
# What another product's licence or subscription costs ("Unsere SAP-Lizenz kostet 40.000 € im Jahr, dafür wollen wir
# höchstens 250 € im Monat ausgeben", "our Salesforce subscription costs $300k a year"): no budget of this (lead s13)
_OTHER_LICENCE = re.compile(
    r"(?:licen[cs]es?|lizenz\w*|licencias?|licenças?|licenz[ae]|licenties?|licencj\w*|лицензи\w*|ліцензі\w*|"
    r"subscriptions?|abonnements?|abos?|suscripci[oó]n\w*|assinaturas?|abbonament[oi])\s+(?:\w+\s+){0,2}?"
    r"(?:costs?|kostet|cuesta|custa|co[uû]te|costa|kost|kosztuje|стоит|коштує)\s+"
    r"(?:us\s+|uns\s+|nous\s+|nos\s+|ci\s+)?(?:about|around|roughly|~|ca\.?|rund|circa|environ|unos|cerca de)?\s*$")
_THING_PRICE_AFTER = re.compile(r"^[^,;.!?。，；\d]{0,12}?(?:gekostet|kostete|'ydi|idi\b|costed|was\b|"
                                # s15-c: bought already ("約500万円で買いました", "花了20万买的", "300만 원에 샀")
                                r"で買いました|で買った|で購入し(?:ました|た)|买的|買的|买了|買了|购买了|購買了|"
                                r"에 (?:샀|구입했|구매했))")
_PAID_NOW = re.compile(
    r"(?:\b(?:pagamos|paghiamo|paie|payons|zahlen wir|wir zahlen|betalen|płacimy|платим|плачу|bayar|trả|"
    # s15-c: "pago R$ 12 mil por mês de AWS" (I pay; not "pago único de", a one-off payment)
    r"pago(?=\s+(?:r\$|us\$|\$|€|£|uns|umas|unos|cerca|quase|mais|\d))|"
    r"kostet uns|nous coûte|nos cuesta|nos custa|ci costa|kost ons|kosztuje nas|обходится нам)\b"
    r"(?!\s+(?:up to|at most|max|hasta|até|jusqu'à|bis zu|fino a|tot|do|до)\b)|"
    r"今使っている|现在用的|現在用的|지금 쓰는|(?:现在|現在|目前|当前|當前|已经|已經)[^，。；,\d]{0,20}(?:花|付|支付))"
    r"[^,;.!?。，；\d]{0,40}$")
_PAID_AFTER = re.compile(r"^[^,;.!?。，；\d]{0,12}?(?:ödüyoruz|ödüyorum|de rahe hain|dete hain|払っています|払ってる|"
                         # s15-c: spent habitually ("हर महीने ... 2 लाख रुपये खर्च करती है", "kharch karte hain")
                         r"खर्च कर(?:ती|ते|ता) (?:है|हैं)|kharch kar(?:ti|te|ta) (?:hai|hain)|harcıyoruz|"
                         r"払ってます|내고 있|내고있)")
_FOR_COMPARISON = re.compile(
    r"\b(?:for|as a|as|just for|only for|by way of|zum|nur zum|ter|dla|для|à titre de|pour|para|per|buat|để|"
    r"cuma buat|chỉ để)\s+(?:\w+\s+)?(?:comparison|compare|reference|context|vergleich|comparaison|comparer|comparar|"
    r"referencia|referência|confronto|porównania|сравнения|perbandingan|so sánh)\b|\bcompare\s+(?:için|までに)|"
    r"\bcomparison ke liye\b|\bkarşılaştırma için\b|参考一下|只是参考|仅供参考|比較まで|参考まで|참고로")


# A sum said as an aside, with no word of a budget in its sentence (s11-c): "Our grant is €450k over 3 years btw"
# (not the Dutch VAT: "€ 2.500 per maand, ex btw", "excl. btw", "incl. btw")
_ASIDE = re.compile(r"(?<!ex )(?<!ex\. )(?<!excl )(?<!excl\. )(?<!incl )(?<!incl\. )(?<!plus )(?<!\+ )(?<!zonder )"
                    r"(?<!met )(?<!inclusief )(?<!exclusief )(?<!de )\bbtw\b|"
                    r"\b(?:by the way|fyi|for what it'?s worth|just so you know|übrigens|au fait|por cierto|"
                    r"a propósito|aliás|tra l'altro|trouwens|swoją drogą|bu arada|кстати)\b|ちなみに|顺便|顺带|참고로")


# A fine or penalty paid or risked, in a sentence with no word of a budget (s15-c): "Got fined £40k by the ICO last
# year", "la multa del INAI que nos pusieron fue de 2 millones de pesos", "das Bußgeld lag bei 50.000 €", "罚款50万"
_PENALTY = re.compile(r"\b(?:fined|fines?\s+(?:of|was|were|is|are|came|amounted|totall?ed|could|can|of up)|"
                      r"penalt(?:y|ies)|multas?|amendes?|bu(?:ß|ss)geld\w*|geldstrafe\w*|sanzion[ei]|"
                      r"boete|ceza\w*|grzywn\w*|kar[ęąy]|штраф\w*|jurmana|जुर्माना)\b|罚款|罰款|罚金|罰金|과징금|벌금")


def _other_purpose(text: str, num: P.Number) -> bool:
    """A sum that is a thing's price, what the current provider is paid, or a figure for comparison."""
    before, after = clause_before(text, num), text[num.end:num.end + 40]
    own = re.split(r"[;!?。\n]|\.\s", text[num.end:])[0]
    start = max((text.rfind(c, 0, num.start) for c in "!?;。\n"), default=-1) + 1
    dot = text.rfind(". ", 0, num.start)
    own = text[max(start, dot + 1):num.start] + own
    return bool(_THING_PRICE.search(before) or _THING_PRICE_AFTER.match(after) or _PAID_NOW.search(before)
                or _OTHER_LICENCE.search(before)
                or _PAID_AFTER.match(after) or _FOR_COMPARISON.search(own)
                or ((_ASIDE.search(own) or _PENALTY.search(own)) and not P.BUDGET_CUE.search(own)))


# Money said to be spent already on something ("$12k/mo there already", "$2k a month on OpenAI already"), not what is
# approved already for this ("$500 a month is already approved")
_SPENT_ALREADY = re.compile(r"^[^,.;!?]{0,30}\balready\b(?!\s+(?:been\s+)?(?:approved|agreed|signed|allocated|budgeted|"
                            r"set aside|sanctioned|earmarked|ring-?fenced|committed))")


# Pay taken in or given for work or use, said before a figure (one string for ``_ORG_MONEY_BEFORE`` and
# ``_PAY_BEFORE``): wages and salaries ("I'm on £34k a year"), rent, and what somebody charges for a day, an hour or a
# job (s15-c: "our consultant charges £850 a day", "el consultor cobra 900 € al día", "on facture nos clients 12 000 €
# par commande", "was unser Berater abrechnet")
_PAY_WORDS = (r"earns?|earning|earnings|salar(?:y|ies)|wages?|income|rents?|i'?m on|i am on|charges|charging|"
              r"(?:day|daily|hourly|day's) rates?|cobra|cobran|cobramos|factur(?:e|ons|ent|amos|an|a)|"
              r"(?:be|ab)rechne[tn]|fakturuj\w*")
# Money that describes the organisation, not what this system may cost: revenue, turnover, sales, premiums written,
# assets, funding rounds, valuations, order values, a price per unit paid before ("$120M in written premiums", "seed
# round of $3M", "~$8M ARR", "AOV $64", "年营收大概2亿", "売上高約300億円", "연 매출은 약 500억 원", "融资3000万").
_ORG_MONEY_BEFORE = re.compile(
    rf"(?:\b(?:{_PAY_WORDS}|"
    r"revenues?|turnover|sales|arr|mrr|gmv|aum|assets|premiums?|valuation|funding|raised|seed|series [a-d]|"
    r"round of|aov|order value|market cap|profits?|ebitda|charged us|charges? us|"
    # s15-c: what a thing is worth or sells for ("combined value is north of £200m", "SKUs priced $20-$80", "120k
    # users paying 29.99 a month", "średnia faktura to 1 200 zł")
    r"(?:total|combined|contract|market|face|order|portfolio|deal) value|valued at|priced|"
    r"(?:users|customers|clients|members|subscribers|patients|students) (?:paying|who pay|pay)|płacąc\w*|"
    r"(?:average|avg|typical|mean|średni\w*|moyenne?|promedio|médi[ao]) (?:\w+ )?(?:invoices?|bills?|tickets?|"
    r"basket|order|sale|deal|price)|"
    # what keeps the organisation running (s11-c): "burn is like $90k/mo", "payroll is $60k", "our grant is €450k",
    # "our AWS bill is $42k/month"
    r"burn(?: rate)?|runway|payroll|endowment|(?:aws|gcp|azure|cloud|infra(?:structure)?|hosting|"
    r"server|it|openai|llm|phone|electricity|monthly|annual|yearly) (?:bills?|invoices?)|"
    # lead s14: money the organisation takes in or pays out for other things, in plain words ("our clinic bills around
    # $80k a month", "the nurses earn about 3,000 a month", "fees are $9,000 a year", "office rent is 4k a month", "we
    # charge clients R1,500 per consultation", "we sell ... at $20 each")
    r"bills|billed|billing|tuition|(?:school|membership|consultation|our|their) fees|"
    r"fees are|mortgage|we charge|charge (?:our )?(?:clients|customers|patients|members)|"
    # s15-c: what clients are billed, in any language ("on facture nos clients B2B en moyenne 12 000 €",
    # "facturamos a nuestros clientes", "we invoice our customers about $3k")
    r"(?:factur\w*|bill|invoice|fakturujemy|berechnen)\s+(?:a\s+)?(?:our|nos|nuestros|nossos|unseren|unsere|"
    r"naszym|their|leurs)?\s*(?:clients?|customers?|patients?|members?|kunden|clientes|klient\w*)(?:\s+b2[bc])?|"
    r"(?:sell|sells|selling|sold)\b[^,;.。，；]{0,30}\b(?:at|for)|"
    r"(?:claims?|policies|contracts?|deals?|orders?|invoices?|assets?|cases?|portfolio|transactions?|stock|"
    r"inventory|propert(?:y|ies))\s+(?:\w+\s+)?worth|donations?|donors?(?: \w+)?|fundrais\w*|turns? over|"
    r"umsatz|chiffre d'affaires|facturaci[óo]n|faturamento|fatturato|omzet|przychody?|oms[äa]ttning|ciro\w*|"
    r"выручка|оборот)\b|营收|營收|营业额|營業額|销售额|銷售額|收入|融资|融資|估值|市值|客单价|客單價|売上|客単価|"
    r"資本金|매출|자본금|투자\s*유치)[^,;.。，；\d]{0,16}$")
# Pay said before a figure per period ("each of our 40 nurses earns about 3,000 a month"): money, no rate of searches
_PAY_BEFORE = re.compile(rf"\b(?:{_PAY_WORDS}|fees)\b[^,;.\d]{{0,16}}$")
_ORG_MONEY_AFTER = re.compile(
    r"^\s*(?:[a-z$€£¥₹]{0,4}\s*)?(?:in\s+(?:written\s+|gross\s+|annual\s+)?(?:premiums?|assets|sales|revenue|"
    r"funding|gmv)|(?:of\s+|in\s+)?(?:annual\s+)?(?:revenue|arr|mrr|turnover|gmv|aum|valuation)\b|"
    r"(?:[a-z]+\s+){0,2}(?:endowment|burn(?: rate)?|payroll)\b|"
    r"under management|(?:in\s+)?(?:a\s+)?(?:seed|series [a-d])\b|per\s+1,?000\s+(?:quer|search|request|token)|"
    # s15-c: money that passes through or is held ("₦2bn in transactions a day", "a ₦4bn loan book", "₦6m worth of
    # drugs a month", "$30m in deposits")
    r"in\s+(?:\w+\s+)?(?:transactions?|payments?|loans?|deposits?|claims?|orders?|trades?|transfers?|"
    r"remittances?|volume)\b|(?:\w+\s+)?(?:loan book|loan portfolio|portfolio|balance sheet)\b|worth of\b)")


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


# A price and the unit it is charged per ("$0.10 per 1,000 queries", "$0.02 / 1M tokens"): neither a budget nor a count.
_PRICE_UNIT = re.compile(r"\d\s*(?:(?:usd|eur|gbp|dollars?|euros?|cents?|\$|€|£)\s*)?(?:per|/|a|each)\s+"
                         r"(?:1[,.]?000|1k|1m|a thousand|thousand|million|1 million)\s+"
                         r"(?:quer|search|request|token|call|embedding|doc)")


# The people counted are the ones doing the rate ("900 agents do about 30 lookups per shift", "300 engineers would run
# maybe 5 searches a day"): each of them, as "each" would say.
_PEOPLE_DO = re.compile(r"^\s*[a-z\-]+(?:\s+[a-z\-]+)?\s+(?:would\s+|will\s+|might\s+|typically\s+|usually\s+)?"
                        r"(?:do|make|run|perform|send|type|ask|fire off|search|query|look up|"
                        r"at|doing|making|running)\s+"  # s14-c: "another 40 people at about 5 lookups a shift"
                        r"(?:on average\s*)?(?:about|around|roughly|maybe|perhaps|approx\.?|~|like|some)?\s*$")


# "2,000 scientists would use it, perhaps 5 queries per working day": the rate after the people who use it is theirs
_PEOPLE_USE = re.compile(r"^\s*[a-z\-]+(?:\s+[a-z\-]+)?\s+(?:would |will |might |could |)(?:use|be using|using)\s+"
                         r"(?:it|this|the (?:system|tool|search|bot|assistant))\s*[,;]?\s*(?:and\s+)?"
                         r"(?:maybe|perhaps|about|around|roughly|approx\.?|~|like|probably)?\s*$")
# "연구원 500명이 하루 평균 4번", "医師400名が1日5回": the people as the subject, the rate after them in a CJK sentence
_PEOPLE_SUBJECT = re.compile(r"^\s*(?:people|persons?|users?|名|人|명)?\s*(?:이|가|が|は|은|는)\s*"
                             r"(?:(?:per (?:day|week|month)|daily)\s*)?(?:on average\s*)?(?:about\s*)?$")


# "100 müşteri temsilcisi günde ortalama 40 sorgu yapıyor" (glossed): the people, their period, the rate, the verb last
_PEOPLE_SOV = re.compile(r"^\s*(?:[a-z\-]+\s+){0,3}per (?:day|week|month|working day)\s+(?:on average\s+)?"
                         r"(?:about\s+)?$")
_SOV_DO = re.compile(r"^\s*(?:queries|searches|times)\s+(?:about\s+)?(?:yap\w*|ar[ıa]\w*|gerçekleştir\w*)")


# A rate said for everybody together ("5 users, 50 queries a day in total", "每天加起来五十次", "1日合計で3,000回",
# "다 합쳐서 하루 500번"): not multiplied by the people.
_TOTAL_RATE = re.compile(r"(?:\bin total\b|\baltogether\b|\bcombined\b|\ball together\b|"
                         r"\bbetween (?:them|us|the lot)\b|\bamong (?:them|us)\b|加起来|一共|总共|合计|总计|"
                         r"合計|全体で|全部で|합쳐서|합계|총)"
                         # not the people's total ("一共100人", "in total 80 lawyers")
                         r"(?!\s*(?:有|是|约|大约|大概|about|around|~)?\s*\d)")


# The staff of the whole organisation, then the ones who use it: "5万名员工，但这个系统只给人力资源部用，大概100人",
# "12,000 employees, but only about 300 analysts would use it"
# "only 300 of them", "社員2000人のうち…300人" (s7-d): the later count narrows the people
ONLY_SOME = re.compile(r"\b(?:but|only|just|of (?:them|whom|those)|aber|nur|mais|seulement|pero|solo|sólo|"
                       r"mas|apenas|só|ma|soltanto|maar|alleen)\b|但|只|仅|僅|だけ|のみ|만|뿐|"
                       r"のうち|の中で|其中|中的|중에서?|중\s|arasından|içinden|実際")


def _users_counted(numbers: list[P.Number], work: str) -> P.Number | None:
    """The people a rate is for: the first counted, or a later count the message narrows them to."""
    counted = [n for n in numbers if P.USERS.match(work[n.end:]) and not (  # (not "一个人一天三五次": each of them)
        n.value == 1 and re.match(r"\s*个?人\s*(?:一|1|每)?\s*(?:天|日|周|星期|个?月)", work[n.end:]))]
    if len(counted) > 1 and _PEOPLE_JOINED.match(work[counted[0].end:counted[1].start]) and not (
            len(counted) > 2 and ONLY_SOME.search(work[counted[1].end:counted[2].start])):
        # s14-a: "3 receptionists and 2 nurses", "7 Anwälte und 4 Fachangestellte": the people of two roles together
        return P.Number(counted[0].start, counted[1].end, counted[0].value + counted[1].value)
    if len(counted) > 1 and (ONLY_SOME.search(work[counted[0].end:counted[1].start]) or team(counted[0], work)):
        return counted[1]  # "we are 8 developers, but 2,000 customers search": the users, not the team
    return counted[0] if counted else None


# The noun of the first people counted, then "and"/"plus" before the second count ("4 lawyers and 2 secretaries")
_PEOPLE_JOINED = re.compile(r"^\s*(?:[^\W\d_][\w\-']*\s+){1,3}?(?:and|plus|&|as well as|\+|und|et|y|e|en|och|og|"
                            r"i|a|și|και)\s+(?:also\s+)?$|"
                            # "간호사 6명이랑 접수 직원 2명", "6명과 2명": Korean people joined by a particle
                            r"^\s*(?:명|people)\s*(?:이랑|랑|하고|과|와)\s*(?:[^\W\d_]+\s*){0,3}$|"
                            r"^\s*(?:[^\W\d_][\w\-']*\s+){0,2}?[^\W\d_][\w\-']*\s*[,+]\s*(?:and\s+|plus\s+)?$")


def team(num: P.Number, work: str) -> bool:
    """``num`` counts the team that builds or keeps the system ("team of 12", "8 developers"), not its users."""
    return bool(P.TEAM_BEFORE.search(work[max(0, num.start - 24):num.start]) or P.TEAM_AFTER.match(work[num.end:]))


# Each person's, or on average, in the languages the gloss leaves as written (s16-c)
_EACH_OR_AVERAGE = re.compile(r"\b(?:each|apiece|on average|average|jeder|jede|chacun\w*|chaque|cada|ciascun\w*|"
                              r"ognuno|elk|varje|każdy|en moyenne|im schnitt|em média|in media|de media|"
                              r"durchschnittlich)\b")


def _small_rate_after(people: P.Number, num: P.Number, work: str) -> bool:
    """A rate too small to be everybody's, said right after the people: each person's.

    "een stuk of 300 ambtenaren, 3 zoekopdrachten per werkdag": 3 searches a working day for 300 people together is
    no system anyone sizes.
    """
    between = work[people.end:num.start]  # (s16-c: up to 45 characters with an average or "each" said, the people's
    # place between: "300 conseillers en agence font en moyenne 8", "45 Leute im Innendienst, jeder 20"; with none,
    # "our field techs (about 200) search from the van, maybe 8 queries a day" is asked, lead s15)
    near = len(between) <= 30 or (len(between) <= 45 and bool(_EACH_OR_AVERAGE.search(
        between + " " + work[num.end:num.end + 40])))
    return people.end <= num.start and near and not re.search(r"\d|[.;!?。]", between) and \
        0 < num.value <= 30 and people.value >= 10 * num.value and \
        any(rx.search(work[num.end:num.end + 40]) for rx, _ in P.PERIODS)


def _people_do(people: P.Number, num: P.Number, work: str) -> bool:
    """The people counted are the subject of the rate that follows them (``_PEOPLE_DO``, ``_PEOPLE_USE``)."""
    between = work[people.end:num.start]
    return people.end <= num.start and bool(_PEOPLE_DO.match(between) or _PEOPLE_USE.match(between) or
                                            _PEOPLE_SUBJECT.match(between) or (_PEOPLE_SOV.match(between) and
                                                                               _SOV_DO.match(work[num.end:])))


# A budget of more than this system, named in the sum's own clause (s11-c): "our whole annual budget is $80k", "our
# annual tooling budget is $30k for everything", "the IT budget is 2M a year"
_WIDER_BUDGET = re.compile(
    r"\b(?:whole|entire|total|overall|general|company|company-wide|department(?:al)?|it|tooling|tools|software|"
    r"cloud|infra(?:structure)?|r&d|marketing|operating|team's)\s+(?!(?:project|pilot|search|rag)\b)"
    r"(?:[a-z]+\s+)?budget\b|"
    r"\bbudget\s+(?:for|of)\s+(?:the\s+)?(?:whole|entire)\b(?!\s+(?:year|month|quarter|pilot|project)\b)|"
    # s13-a: an allocation for a wider kind of spending ("our annual allocation for AI tooling is $60k")
    r"\b(?:allocation|budget|spend|envelope)\s+for\s+(?:\w+\s+)?(?:tooling|tools|software|it|saas|cloud|"
    r"subscriptions)\b|"
    # s15-c: what the organisation spends on all its IT ("our annual IT spend is around ₹2.5 crore"), a budget named
    # total after its noun ("notre budget annuel total est de 1,2 M$", "presupuesto anual total")
    r"\b(?:it|tech(?:nology)?|cloud|software|saas|tooling)\s+spend(?:ing)?\b|"
    r"\b(?:budget|presupuesto|orçamento|bilancio)\s+(?:annuel\s+|anual\s+|annuale\s+)?(?:total|global|totale)\b|"
    # (not "$500 a month for all of it, hosting included": this system's all-in sum, s15-c)
    r"\bfor (?:everything|all (?:of )?(?:our |the )?(?:tools|software|vendors|subscriptions)|"
    r"all (?:of )?(?:our |the )it)\b"
    r"(?![,\s]*(?:\w+\s+)?(?:included|incl\b|inclusive))")


# The clause says the sum is for this system: "the hospital's IT budget is about $2k a month for this"
_FOR_THIS = re.compile(r"\bfor (?:it|this|that|us here|the (?:project|prototype|pilot|system|search|tool|rag|bot)|"
                       r"(?:the )?embeddings?|(?:the )?search|this (?:project|tool|system))\b|\bto (?:build|develop|"
                       r"make|run|create|fund) (?:it|this|the)\b|\bcovers?\b|\btowards?\b")


def others_money(text: str, num: P.Number) -> bool:
    """A sum that is not this system's budget: a larger scope's, spent already, the organisation's, another thing's."""
    return bool(_LARGER_SCOPE.search(_sentence_at(text, num)) or PAST_SPEND.search(clause_before(text, num)) or
                _SPENT_ALREADY.match(text[num.end:]) or _org_money(text, num) or _other_purpose(text, num))


# The first figure of a range, right before its second ("$20-$80", "5 to 10k")
_RANGE_START = re.compile(r"[$€£¥₹]?\s*\d[\d,.]*\s*k?\s*(?:-|–|to)\s*[$€£¥₹]?\s*$")


def _org_money(text: str, num: P.Number) -> bool:
    """The figure is money that describes the organisation (``_ORG_MONEY_BEFORE``), not a budget for this system."""
    after = re.split(r"[,;!?。，；]|\.\s", text[num.end:num.end + 50])[0]
    own = clause_before(text, num) + " " + after
    before = _RANGE_START.sub("", clause_before(text, num))  # "most SKUs priced $20-$80": the range's words (s15-c)
    return bool(_ORG_MONEY_BEFORE.search(before) or
                _ORG_MONEY_AFTER.match(text[num.end:num.end + 40]) or
                (_WIDER_BUDGET.search(own) and not _FOR_THIS.search(own)))


def clause_before(text: str, num: P.Number) -> str:
    """The words of a figure's own clause before it."""
    return re.split(r"[,;!?。，；]|\.\s", text[max(0, num.start - 60):num.start])[-1]


def _before_sum(text: str, num: P.Number) -> str:
    """The words before a sum that may be about it: back to the figure before it, less that figure's own period.

    "capex for the box is up to €25k": the capex is this sum's; "$2,500/mo recurring plus a $10k one-time": the
    "/mo" belongs to the $2,500.
    """
    window = text[max(0, num.start - 80):num.start]
    digits = [m.end() for m in re.finditer(r"\d", window)]
    if not digits:
        return window
    window = window[digits[-1]:]
    for rx in _PERIOD_RES:
        window = rx.sub(lambda m: " " * len(m.group()) if m.start() <= 12 else m.group(), window)
    return window


# Words of money in a clause without a currency ("每月运营费用不超过5千", "laufende Kosten 800 im Monat")
_MONEY_WORD = re.compile(r"\bbudget|\bcosts?\b|\bspend|\brunning\b|\bongoing\b|\bfees?\b|\bopex\b|\bkosten\b|"
                         r"\blaufend|\bcoûts?\b|\bfrais\b|\bgastos?\b|\bcostos?\b|\bcustos?\b|\bcanone\b|"
                         r"\bkoszt\w*|\bkostnad\w*|\bmaliyet\w*|\bрасход\w*|\bзатрат\w*|预算|费用|运营|运维|成本|开销|花费|经费|"
                         r"運用|費用|ランニング|운영비|비용|유지비")


def _second_sum(found: Found, work: str, asked: str | None) -> None:
    """A sum without a currency beside another one, or to the budget question: monthly or one-off as its clause says.

    "一次性投入可以10万人民币，每月运营费用不超过5千"; "one-time 10 lakh, fir har mahine 50 hazaar" to the budget
    question. In the currency of the message's other sum (rupees for lakh, yuan in Chinese, else US dollars).

    Only a figure no field took, with a period or a one-off word in its own clause, and a word of money there or
    the budget question asked; each field is filled once.
    """
    money = [f for f in ("budget_usd_month", "one_time_budget_usd") if f in found.updates]
    if not found.leftovers or not (money or asked == "budget_usd_month"):
        return
    currency = _message_currency(work)
    for num in list(found.leftovers):
        after = work[num.end:num.end + 30]
        if num.value == 1 and _ONE_OF_PERIOD.match(work[num.start:num.end + 3]):
            continue  # "一个月两万左右": the 一 of the period
        if _OTHER_UNIT.match(after) or P.DOCS_AFTER.match(after) or P.QUERY_AFTER.match(after) or \
                P.TOKENS_AFTER.match(after) or P.USERS.match(after) or P.TIMES_AFTER.match(after) or \
                P.MS_AFTER.match(after) or P.SECONDS_AFTER.match(after) or any(rx.match(after) for rx, _ in
                                                                             _LENGTH_UNITS):
            continue  # "50 GB", "12 docs", "30 users": not money
        if P.CURRENCY_AFTER.match(after) or P.CURRENCY_BEFORE.search(work[max(0, num.start - 8):num.start]):
            continue  # a sum with its currency the reader left ("$10 per seat per month", "3000 kroner")
        start = max((work.rfind(c, 0, num.start) for c in ",;。，；、?!？！"), default=-1) + 1
        ends = [i for i in (work.find(c, num.end) for c in ",;。，；、?!？！") if i >= 0]
        clause = work[start:min(ends, default=len(work))]
        named = {c for _, _, c in P.currency_mentions(_sentence_at(work, num))}  # "..., Canadian dollars" (s15-c)
        if not (_MONEY_WORD.search(clause) or asked == "budget_usd_month" or named) or _LARGER_SCOPE.search(
                _sentence_at(work, num)) or PAST_SPEND.search(clause_before(work, num)) or _other_purpose(work, num):
            continue  # (not "3 crore a year for the whole AI program", "Coveo costs us 40k a year")
        code = "inr" if re.search(r"lakh|lac\b|lacs|crore", work[num.start:num.end]) else currency
        if code == default_currency(work) and len(named) == 1 and P.USD_PER.get(next(iter(named))):
            code = next(iter(named))  # the one currency the sentence names apart from its figures
        if S.one_off(_before_sum(work, num), work[num.end:], _PERIOD_RES):
            name, factor = "one_time_budget_usd", 1.0
        elif len({f for rx, f in P.PERIODS if rx.search(clause)}) == 1:  # (not "per year or per quarter?")
            name, factor = "budget_usd_month", period_factor(work[num.end:num.end + 30], clause[:num.start - start])
        else:
            continue
        if name in found.updates:
            continue
        found.updates[name] = _money(num.value, code, factor)
        found.leftovers.remove(num)


def _message_currency(work: str) -> str:
    """The currency of the sums of a message: the first one written beside a figure, else its script's."""
    for num in P.find_numbers(work):
        written = P.CURRENCY_AFTER.match(work[num.end:]) or P.CURRENCY_BEFORE.search(work[max(0, num.start - 8):
                                                                                           num.start])
        code = P.currency_code(written.group(1)) if written else None
        if code and P.USD_PER.get(code):
            return code
        if re.search(r"lakh|lac\b|lacs|crore", work[num.start:num.end]):
            return "inr"
    return default_currency(work)


def in_script_currency(updates: dict[str, Any], text: str, raw: str) -> None:
    """Sums read with no currency, re-read in the currency of the message's own script (in place).

    The gloss may leave a Japanese or Korean message with no kana or hangul ("월 500만 정도" -> "per month 500万
    about"), and 万 alone reads as yuan: "월 500만 정도" is won, "予算は月50万くらい" yen.
    """
    money = [f for f in ("budget_usd_month", "one_time_budget_usd") if isinstance(updates.get(f), int | float)
             and not isinstance(updates.get(f), bool)]
    if not money or P.currency_mentions(text) or re.search(r"[$€£¥₹₩₺₽]", text):
        return
    low = unicodedata.normalize("NFKC", raw).lower()
    meant = default_currency(low)
    if meant == "usd":  # "sekitar 300", "tầm 300": a sum in an Indonesian or Vietnamese message is rupiah or dong
        written_in = written_languages(low) or frozenset()
        meant = "idr" if "id" in written_in else "vnd" if "vi" in written_in else meant
    used = default_currency(text)
    if meant == used or meant not in _SCRIPT_CURRENCIES or not P.USD_PER.get(used):
        return
    for name in money:
        updates[name] = round(updates[name] * (P.USD_PER[meant] or 0.0) / (P.USD_PER[used] or 1.0), 2)


# The currencies a message's own words settle though the gloss leaves none: yen and won (kana, hangul), rupiah beside
# Indonesian magnitudes ("5jt sebulan", "15 juta"), dong beside Vietnamese ones ("50 triệu/tháng"), baht in Thai and
# rupees in Devanagari (s9-e: "लगभग 500" is then too small for a monthly budget and asked about).
_SCRIPT_CURRENCIES = ("jpy", "krw", "idr", "vnd", "thb", "inr")
_INDONESIAN_MONEY = re.compile(r"(?<=\d)\s*(?:juta|jt|ribu|rb|miliar|milyar)\b|\b(?:anggaran|sebulan|setahun)\b")
_VIETNAMESE_MONEY = re.compile(r"(?<=\d)\s*(?:triệu|nghìn|ngàn|tỷ|tỉ)(?!\w)|ngân sách|\b(?:mỗi|một) (?:tháng|năm)\b")


def default_currency(text: str) -> str:
    """The currency of a sum with none written.

    Rupees beside lakh or hazaar (or in Devanagari), yen in Japanese, won in Korean, baht in Thai, rupiah and dong
    beside Indonesian and Vietnamese words of money, yuan in Chinese, else US dollars.
    """
    if re.search(r"\blakhs?\b|\blacs?\b|\bcrores?\b|\bhazaa?r\b|\brupaye\b|₹|[\u0900-\u097f]", text):
        return "inr"
    if re.search(r"[\u0e00-\u0e7f]", text):
        return "thb"
    if _VIETNAMESE_MONEY.search(text):
        return "vnd"
    if _INDONESIAN_MONEY.search(text):
        return "idr"
    if _KANA.search(text):
        return "jpy"
    if re.search(r"[\uac00-\ud7af]", text):
        return "krw"
    return "cny" if _CJK.search(text) else "usd"


def _sentence_at(text: str, num: P.Number) -> str:
    left = max((text.rfind(c, 0, num.start) for c in ".!?;。\n"), default=-1) + 1
    rights = [i for i in (text.find(c, num.end) for c in "!?;。\n") if i >= 0]
    return text[left:min(rights, default=len(text))]


def as_field(name: str, value: float, text: str, currency: str | None = None) -> Any:
    """``value`` in the unit of profile field ``name``, with the period ``text`` names (per day x30 ...).

    Money with no currency named is in ``currency`` (rupees for "2 lakh"), else in the script's (``default_currency``).
    """
    if name == "budget_usd_month":
        return _money(value, currency or default_currency(text), period_factor(text, ""))
    if name == "latency_p95_ms":  # "half a second is fine" after 100 ms: the new figure in its own unit (s9-d)
        return float(value) * (1000.0 if value < 60 and SECONDS_AFTER.match(text) else 1.0)
    if name == "queries_per_month":
        return int(value * period_factor(text, ""))
    return int(value)


SECONDS_AFTER = re.compile(r"\s*[\d.,]*\s*(?:s|secs?|seconds?|segundos?|segs?|secondes?|secondi|seconden|sekund\w*|"
                            r"секунд\w*|сек(?![а-яё])|秒|초)(?![a-z])")


_LENGTH_UNITS = ((P.PAGES_AFTER, P.TOKENS_PER_PAGE), (P.TWEETS_AFTER, TOKENS_PER_TWEET),
                 (P.LINES_AFTER, P.TOKENS_PER_LINE),
                 (P.WORDS_AFTER, P.TOKENS_PER_WORD),
                 (P.CJK_CHARS_AFTER, P.TOKENS_PER_CJK_CHAR), (P.CHARS_AFTER, 1 / P.CHARS_PER_TOKEN),
                 (P.PARAGRAPHS_AFTER, P.TOKENS_PER_PARAGRAPH), (P.SENTENCES_AFTER, P.TOKENS_PER_SENTENCE))


def _ambiguous(value: float, period: float, text: str) -> dict[str, Any]:
    return {"value": value, "monthly": value * period, "fields": ["budget_usd_month", "queries_per_month"],
            "text": text.strip()}



# The size growth starts from ("growing from 800k to 1.1M by next year", "going from 50k today to ..."): the size now,
# not the growth (s7-c)
_FROM_NOW = re.compile(r"\bfrom\s*(?:~|about|around|roughly|approx\w*\.?|some)?\s*$")
_GROWS_BEFORE = re.compile(GROWS_BEFORE_WORDS + r"from\s*(?:~|about|around|roughly|approx\w*\.?|some)?\s*$")
_GROWS_TO = re.compile(r"\s*to\s*(?:~|about|around|roughly|maybe|perhaps|approx\w*\.?)?\s*(?=\d)")
# A figure said of the future ("we'll be at ~1.5M by next summer", "will be 1.1M next yr", "expected to hit 400k"):
# beside today's figure, not the answer
_FUTURE_CLAUSE = re.compile(r"\b(?:will|'ll|should (?:hit|reach|be)|expect\w*|project\w*|forecast\w*|going to|gonna|"
                            r"heading (?:to|towards)|next (?:year|yr|summer|winter|spring|autumn|fall|quarter)|"
                            r"by (?:the )?end of|in (?:a|one|two|\d+) (?:years?|months?))\b")

# The latency named earlier in the sentence of a time in seconds ("Latenz ist nicht kritisch, 1 Sekunde ist ok"): the
# time is its target, though its own clause names nothing (s16-a)
_LATENCY_IN_SENTENCE = re.compile(r"latency|laten[zc]\w*|latência|response time|antwortzeit|temps de réponse|"
                                  r"tiempo de respuesta|tempo de resposta|\bp9\d\b|"
                                  r"延迟|延遲|响应|応答|レイテンシ|지연|응답")
# A time turned down: "500 ms is too much", "2 seconds is way too slow", "500 ms fazla", "500 ms ist zu viel"
_REJECTED_AFTER = re.compile(r"^\s*(?:is|are|'s|would be|feels?)?\s*(?:way |far |much |definitely )?"
                             r"(?:too (?:much|slow|long|high)|fazla|çok fazla|zu (?:viel|lang|langsam)|"
                             r"trop (?:long|lent)|demasiado|troppo|te (?:lang|traag|veel)|för (?:långsamt|mycket)|"
                             r"слишком|занадто|za (?:dużo|długo|wolno)|"
                             # s12-a: a target turned down as too strict ("0.5초는 너무 빡빡하고 2초까지는 괜찮을",
                             # "200 ms is too tight", "0.5秒は厳しいので", "200毫秒太严了", "200 ms ist zu knapp")
                             r"too (?:strict|tight|aggressive|ambitious)|zu (?:streng|knapp|ambitioniert)|"
                             r"trop (?:strict|serré|juste|ambitieux))\b|"
                             r"^\s*(?:은|는|이|가|は|だと|では|是|就|的话)?\s*(?:너무|좀|ちょっと|少し|太|有点)?\s*"
                             r"(?:빡빡|촉박|짧|厳し|きつ|無理|严|紧|苛刻|不现实)")
# "There are" before a bare count, in the languages the gloss leaves ("ahora hay 12000", "il y en a about 45000", "on en
# a 1200000", "es sind rund 7.500" glossed "es are about 7500"): the count of what the message named before it
_THERE_ARE = re.compile(r"(?:\bthere (?:are|is)|\bthere'?re|\bhay|\bil y en a|\bon en a|\bnous en avons|\bes are|"
                        r"\bes gibt|\bci sono|\bne abbiamo|\bh[áa]|\btemos|\btenemos)\s*"
                        r"(?:now|currently|today|about|around|roughly|approximately|~|environ|à peu près|unos|unas|"
                        r"cerca de|rund|etwa|ca\.?|\s)*$")
_DOCUMENTS_SAID_BEFORE = re.compile(r"\b(?:documents?|docs|files|contracts?|articles?|records|pdfs|reports?|tickets?|"
                                    r"emails|manuals?|papers|products|skus|decisions|décisions|cases|policies|faqs|"
                                    r"entries|theses|patents|transcripts|documentos|contratos|documenti|dokumente|"
                                    r"verträge|akten|laudos|expedientes|fichiers|archivos|arquivos|invoices|receipts|"
                                    r"claims|letters|memos|briefs|listings|orders|forms|statements|judgments|rulings|"
                                    r"protocols|guidelines|procedures|notices|minutes)\b")
# Nothing counted after the figure but where it is ("dans l'historique", "in the archive", "en total")
_NOUN_FREE_AFTER = re.compile(r"\s*(?:$|[,;.!?)]|(?:y|and|et|und|e)\b|(?:dans|in|en|im|no|na|nel|au|in total|en total)"
                              r"\s+(?:l'|the|el|la|le|das|dem|o|a|il|total)?\s*(?:historique|archive|archiv\w*|"
                              r"archivo|arquivo|archivio|historial|histórico|system|sistema|système|dms|total)\b)")
# A factor, not a count: "翻十倍", "10倍に", "10배", "10-fold"
_MULTIPLIER_AFTER = re.compile(r"^\s*(?:倍|배|[\s\-]?fold\b)")


def _classify(num: P.Number, text: str, asked: str | None, people: bool = False,
              hardware: bool = False) -> tuple[str | None, Any]:
    """Decide which profile field one number is about, from the unit after it or the words before it."""
    v, after = num.value, text[num.end:num.end + 40]
    indian = "inr" if re.search(r"lakh|lac\b|lacs|crore", text[num.start:num.end]) else None  # "2 lakh": rupees
    # (its own words after an earlier figure taken back: "월 50만원이 아니라 연 1,200만원" is a year's)
    before = re.split(r"[,;!?。]|아니라|아니고|じゃなく|ではなく|\bdeğil\b", text[max(0, num.start - 30):num.start])[-1]
    clause = before + " " + re.split(r"[,;!?。]|\.\s", after)[0]
    if _MULTIPLIER_AFTER.match(after):
        return None, None  # "上线后可能翻十倍", "10배로 늘어날 듯", "grow 10-fold": a factor, no count of anything
    times = P.TIMES_AFTER.match(after)
    searching = people or P.SEARCH_VERB.search(clause) or asked == "queries_per_month"  # "年間で1200万回" when asked
    if times and searching and (period_factor(after[times.end():], before) != 1.0 or _MONTH_NAMED.match(
            after[times.end():]) or _MONTH_BEFORE.search(before)):  # "3 veces al mes" (glossed "3 times per month"):
        # a month's factor is 1; "月に50万回くらい" (glossed "per month 50万 times"): the month said before it
        return "queries_per_month", int(v * period_factor(after[times.end():], before))
    lead = re.split(r"[。！？!?]|\.\s", text[max(0, num.start - 60):num.start])[-1]
    lead_period = next((f for rx, f in P.PERIODS if rx.search(lead)), None)
    if times and re.search(r"\b(?:queries|searches)\b", lead) and lead_period is not None and \
            period_factor(after[times.end():], "") == 1.0:
        # s16-a: "月間の検索回数は今のキーワード検索で約200万回" (glossed "per month の queries は今の bm25 で about
        # 200万 times"): the searches and their period named earlier in the sentence
        return "queries_per_month", int(v * lead_period)
    if times and people and _sentence_period(num, text) != 1.0 and (re.match(r"^\s*each\b", after[times.end():]) or
                                                                    re.search(r"\beach\s*$", before)):
        return "queries_per_month", int(v)  # "would search daily, 5 times each": the period is the sentence's
    if times and people and _MONTHLY_PEOPLE.search(text) and _sentence_period(num, text) == 1.0:
        return "queries_per_month", int(v)  # "5k monthly active users, each asks about 4 times": their month (s6-a)
    text_size = _TEXT_SIZE.match(after)
    if text_size and P.TOTAL_CUE.search(clause + " " + after):  # "12 MB of plain text in total": ~1 byte a character
        return "corpus_tokens", int(v * _BYTES[text_size.group(1)] / P.CHARS_PER_TOKEN)
    if text_size and (P.PER_DOC_CUE.search(clause) or text_size.group(1) == "k"):  # "each file is ~8 KB of text"
        return "doc_length_tokens", int(v * _BYTES[text_size.group(1)] / P.CHARS_PER_TOKEN)
    if text_size:  # "150 MB of markdown over 3,000 pages": megabytes of text are a corpus, not one document
        return "corpus_tokens", int(v * _BYTES[text_size.group(1)] / P.CHARS_PER_TOKEN)
    kilobytes = re.match(r"^\s*ki?b\b", after)
    if kilobytes and (P.PER_DOC_CUE.search(clause + " " + after[:40]) or asked == "doc_length_tokens" or re.search(
            r"\b(?:usually|normally|mostly|generally)\b", before)) and not \
            _BINARY_FILES.search(text) and not P.TOTAL_CUE.search(clause):
        # "the transcripts run to about 30 KB each", "about 5 KB per document": kilobytes of one text (s8-a; not a
        # PDF's or a scan's file size, which says nothing of its text)
        return "doc_length_tokens", int(v * _BYTES["k"] / P.CHARS_PER_TOKEN)
    if _SIZE_UNIT.match(after) or re.match(r"^-[a-z]s?\b", after):  # "2x faster", "10-K", "8-Ks"
        return None, None
    if (P.GROWTH_BEFORE.search(before) and not _FROM_NOW.search(before) or P.GROWTH_AFTER.match(after)) and \
            not P.CURRENCY_BEFORE.search(before) \
            and not P.CURRENCY_AFTER.match(after) and not P.QUERY_AFTER.match(after):
        return "growth", v * period_factor(after, before)
    currency = P.CURRENCY_AFTER.match(after)
    symbol = P.CURRENCY_BEFORE.search(before)
    if currency or symbol:
        # "新台币3万元", "$5k AUD": the more specific of the two spellings names the currency
        codes = [P.currency_code(m.group(1)) for m in (symbol, currency) if m]
        specific = [m for m in (symbol, currency) if m and m.group(1).strip() not in _GENERIC_CURRENCY]
        code = P.currency_code(specific[-1].group(1)) if specific else codes[-1]
        if not specific and symbol and symbol.group(1).strip() == "$" and not P.US_DOLLARS.search(text):
            # "$900 a month AUD, plus a one-off $5k": a bare "$" in a message that names one local dollar (s15-c)
            dollars = {c for _, _, c in P.currency_mentions(text)}
            code = dollars.pop() if len(dollars) == 1 and dollars <= _LOCAL_DOLLARS else code
        if any(re.fullmatch(r"\s*pesos?\s*", m.group(1)) for m in specific):  # "20 mil pesos": whose pesos?
            code = P.peso_currency(text)
        if code is None:  # "3000 pesos", "5000 kroner": which country's is unsaid; not a budget in dollars
            return None, None
        if code == "cny" and "¥" in [m.group(1).strip() for m in (symbol, currency) if m] and not (
                _CJK.search(text) or _KANA.search(text)):
            # "¥100,000 a month": yen or yuan is the place's ("Tokyo-based team"); with no place it is unsaid
            places = P.place_currencies(text) & {"jpy", "cny"}
            code = places.pop() if len(places) == 1 else None
            if code is None:
                return None, None
        if code == "cny" and "¥" in [m.group(1).strip() for m in (symbol, currency) if m] and _KANA.search(text):
            code = "jpy"  # "月額¥50,000です": the yen sign in Japanese (alone it is the yuan's)
        rest = after[currency.end():] if currency else after
        seats_before = _SEAT_PRICE.search(before[:symbol.start()] if symbol else before)
        if seats_before and P.find_numbers(seats_before.group(1)):  # "40 seats at like $8.75": each seat's (s15-c)
            v *= P.find_numbers(seats_before.group(1))[0].value
        elif _PER_SEAT.match(rest):  # "$50 per user per month, ~20 users": times the users, or not a budget at all
            seats = _SEATS.search(text)
            if not seats or seats.start() < num.end < seats.end():
                return None, None
            v *= P.find_numbers(seats.group(1))[0].value if P.find_numbers(seats.group(1)) else 0
            if not v:
                return None, None
        clause_end = r"[,;!?。，；、]|\.\s"
        own_clause = re.split(clause_end, rest[:30])[0] + " | " + re.split(clause_end, before)[-1]
        periodic = any(rx.search(own_clause) for rx, _ in P.PERIODS)
        if hardware and period_factor(rest, "") >= 24 * P.DAYS_PER_MONTH:  # "a rented A100 at ~$1.3/h": its price
            return None, None
        if S.one_off(_before_sum(text, num), rest, _PERIOD_RES):  # "a one-off $5,000 for the initial indexing"
            return "one_time_budget_usd", _money(v, code, 1.0)
        if not periodic and S.year_budget(clause):  # "first-year budget is $12k"
            return "budget_usd_month", _money(v, code, 1 / 12)
        return "budget_usd_month", _money(v, code, period_factor(rest, re.split(r"\.\s", before)[-1]))
    time_unit = P.MS_AFTER.match(after) or P.SECONDS_AFTER.match(after)
    if time_unit and _REJECTED_AFTER.match(after[time_unit.end():]):
        return None, None  # "500 ms is too much, must be under 150 ms": the figure turned down is no target
    if P.MS_AFTER.match(after):
        return "latency_p95_ms", float(v)
    if P.QPS_AFTER.match(after) or P.QPS_BEFORE.search(before):
        return "queries_per_month", int(v * P.SECONDS_PER_MONTH)
    if P.SECONDS_AFTER.match(after) and not re.search(r"(?:per|每)\s*$", before) and (
            asked == "latency_p95_ms" or P.LATENCY_CUE.search(clause) or
            _LATENCY_IN_SENTENCE.search(re.split(r"[.;!?。]\s|[。！？\n]",
                                                 text[max(0, num.start - 80):num.start])[-1])):
        return "latency_p95_ms", float(v * 1000)
    query = P.QUERY_AFTER.match(after)
    if query and query.group().endswith("calls") and re.search(r"record|transcri|phone|audio|voice|telefon", clause):
        query = None  # "8,000 recorded support calls": recordings, not API calls
    if query and v < 2 and not any(rx.search(after) or rx.search(before) for rx, _ in P.PERIODS):
        return None, None  # "一篇就是一个问题", "each article answers one question": the content, no rate (lead s14)
    if query:
        factor = period_factor(after[query.end():], before)
        sentence = re.split(r"[.;!?。]\s", text[max(0, num.start - 60):num.start])[-1] + " " + after
        if factor == 1.0 and S.peak_hour(sentence):  # "the busiest hour had 5,000 queries": the peak is the rate
            factor = 24 * P.DAYS_PER_MONTH
        lead = re.split(r"[,，]", re.split(r"[.;!?。]\s", text[max(0, num.start - 30):num.start])[-1])
        if factor == 1.0 and len(lead) == 2 and any(
                not P.FILLER.sub("", rx.sub("", lead[0])).strip() for rx, _ in P.PERIODS if rx.search(lead[0])):
            factor = period_factor("", lead[0])  # "por dia, umas 3 mil consultas": the period is the whole clause
        return "queries_per_month", int(v * factor)
    pages_unit = P.PAGES_AFTER.match(after)
    if pages_unit and _PAGES_IN_DOCS.match(text[num.end + pages_unit.end():num.end + pages_unit.end() + 60]):
        # "1.2M pages in 15,000 documents": split by the documents; to "how many documents?" only the count is read
        # (the convention of heldout11's h11-fr-14 and dev8b)
        return ("corpus_tokens", int(v * P.TOKENS_PER_PAGE)) if asked != "corpus_docs" else (None, None)
    if pages_unit and v >= P.PAGES_AS_DOCS_FROM and not P.PER_DOC_CUE.search(clause) and not _NOT_DOCS_BUT.search(
            text) and (_DOCS_COUNT_UNKNOWN.search(text) or _docs_counted_beside(num, text)):
        # "2,000 reports adding up to 80,000 pages", "~30k case files totalling 1.5M pages", "12,000 documents / 480k
        # pages", "600k pages - I don't know the document count": the pages are the corpus's total, never its count
        # (s8-a); split by the documents where they are counted
        if any(rx.search(after[:30]) for rx, _ in P.PERIODS) or re.search(r"\bnew\b|新增", clause):
            return None, None  # "3M pages a year of new filings": a rate, not the corpus
        return "corpus_tokens", int(v * P.TOKENS_PER_PAGE)
    if pages_unit and asked != "doc_length_tokens" and v >= _PAGES_AS_A_SITE_FROM and not P.PER_DOC_CUE.search(
            clause) and (_PAGES_OF_DOCS.match(after[pages_unit.end():]) or _COLLECTION.search(before)):
        return "corpus_docs", int(v)  # "~2.3k pages of docs", "the docs site has ~3k pages": the pages are documents
    if P.PAGES_AFTER.match(after) and v >= P.PAGES_AS_DOCS_FROM and P.TOTAL_CUE.search(clause):
        return "corpus_tokens", int(v * P.TOKENS_PER_PAGE)  # "2M pages in total": split by the pages per document
    if P.PAGES_AFTER.match(after) and (v >= P.PAGES_AS_DOCS_FROM or _TEXT_TOTAL.search(text)) and \
            not P.PER_DOC_CUE.search(clause):
        if any(rx.search(after[:30]) for rx, _ in P.PERIODS) or re.search(r"\bnew\b|新增", clause):
            return None, None  # "3M pages a year of new filings": a rate, not the corpus
        return "corpus_docs", int(v)
    if (P.PARAGRAPHS_AFTER.match(after) or P.SENTENCES_AFTER.match(after)) and v >= P.PAGES_AS_DOCS_FROM and not (
            P.PER_DOC_CUE.search(clause) or P.TOTAL_CUE.search(clause) or asked == "doc_length_tokens"):
        return "corpus_docs", int(v)  # "八十万段文本", "200k paragraphs": passages counted, not one document's length
    if asked == "corpus_docs" and not P.PER_DOC_CUE.search(clause) and (
            P.TOKENS_AFTER.match(after) or any(rx.match(after) for rx, _ in _LENGTH_UNITS)) and not any(
            P.docs_after(text[n.end:n.end + 40]) for n in P.find_numbers(text[:num.start], 10)):
        # (not "about 300 PDFs, mostly 50-100 pages": the documents are counted, the pages are each one's length)
        # "about 2M tokens" / "500 pages" to "how many documents?": the corpus in total, not one document's length
        factor = 1.0 if P.TOKENS_AFTER.match(after) else next(f for rx, f in _LENGTH_UNITS if rx.match(after))
        return "corpus_tokens", int(v * factor)
    if P.MINUTES_AFTER.match(after) and (P.SPEECH_CUE.search(text) or (
            asked == "doc_length_tokens" and P.SPEECH_LENGTH_VERB.search(clause))) and not (
            P.LATENCY_CUE.search(clause) or re.search(r"\bindex|\bembed|\bbackfill|\bwithin\b|\bunder\b", clause)
            or _TIME_FROM_NOW.search(before)):
        # "a call lasts about 10 minutes", "the episodes run 30 minutes": transcribed speech, ~150 words a minute
        total = P.TOTAL_CUE.search(clause) and not P.PER_DOC_CUE.search(clause)
        return ("corpus_tokens" if total else "doc_length_tokens"), int(round(v * P.TOKENS_PER_MINUTE))
    if any(rx.match(after) for rx, _ in _LENGTH_UNITS) and _QUERY_SUBJECT.search(clause):
        return None, None  # "the average query is 8 words long": a query's length, not a document's
    for rx, factor in _LENGTH_UNITS:
        unit = rx.match(after)
        if unit and any(p.search(_OWN_CLAUSE_END.split(after[unit.end():unit.end() + 25])[0]) for p, _ in P.PERIODS):
            return None, None  # "we commit 300 lines of code a day": a rate of writing, not a document's length
        if unit:  # "40 million words across 20k reports" is the whole corpus, not one document
            total = (P.TOTAL_CUE.search(clause) or _SPREAD_NEXT.match(after[unit.end():])) and not \
                P.PER_DOC_CUE.search(clause) and not P.PER_ITEM_BEFORE.search(before)
            return ("corpus_tokens" if total else "doc_length_tokens"), int(round(v * factor))
    if P.TOKENS_AFTER.match(after):
        total = (P.TOTAL_CUE.search(clause) and not P.PER_DOC_CUE.search(clause)
                 and not P.PER_ITEM_BEFORE.search(before)) or v > 10_000_000
        return ("corpus_tokens" if total else "doc_length_tokens"), int(v)
    docs = P.docs_after(after)
    subject = [w for w in re.findall(r"\S+", re.split(r"\d", before)[-1]) if not _HEDGE_WORD.fullmatch(w)][-1:]
    if docs and re.match(r"^[a-z]", after):
        docs = None  # "8D reports", "10-K filings": a name with a figure in it
    if docs and _NOT_DOCS_AFTER.match(after[docs.end():]):
        docs = None  # "3 product lines", "4 product groups": what an organisation sells, not its documents (s7-d)
    generic = docs is not None and re.match(r"^\s*(?:items|点|枚|stuks|st[üu]ck|pi[èe]ces|piezas|pezzi|pe[çc]as|sztuk|"
                                            r"stycken|adet|штук)\b", docs.group())
    if docs is not None and P.content_count(docs) and v < P.MIN_CONTENT_COUNT:
        docs = None  # "3 standards", "the API supports 4 protocols": not a collection
    if docs is not None and generic and (
            (subject and _NOT_DOCS_SUBJECT.search(subject[0])) or (docs.group().strip() in ("点", "枚") and v < 100)
            or _NOT_DOCS_SUBJECT.match(after[docs.end():].strip())
            or (hardware and not after[docs.end():docs.end() + 3].strip())):  # "4 adet A100": cards
        docs = None  # "지점이 80개" (80 branches), "매장이 250개": a counter of things that are not documents
    if docs and docs.group().rstrip().endswith("of them") and hardware:
        return None, None  # "not 2 A100s, we have 4 of them": the cards, not documents
    referred = re.split(r"[.;!?。]\s", text[max(0, num.start - 80):num.start])[-1]
    if docs and docs.group().rstrip().endswith("of them") and _PEOPLE_REFERRED.search(referred) and \
            not _DOCUMENT_NOUN.search(referred):
        return None, None  # "the legal team decides that and all 4 of them are swamped": the people (s16-c)
    if docs:
        # "一个法律问答系统" is not a corpus of one; "1k docs per second" / "5,000 new docs a month" are rates
        # its own words only: "120k tickets today and add 5k new ones a month", "8万 건이고 매달 2천 건씩"
        tail = _OWN_CLAUSE_END.split(after[docs.end():docs.end() + 20])[0]
        own = before + " " + _OWN_CLAUSE_END.split(re.split(r"\d", after)[0])[0]
        rate = any(rx.search(tail) for rx, _ in P.PERIODS) or re.search(r"\bnew\b|新增", own) or re.match(
            r"^\s*(?:per|each|for each|for every|/)\s+[a-z]", tail) or _period_just_before(before) or re.search(
            r"\beach (?:with|has|having|holding|containing|of them with)\s*(?:about |around |roughly |~)?$", before)
        # "800 tweets per account", "monthly about 1,000 new documents", "毎週200件": not the corpus
        counted = not re.search(r"^\s*(?:times|x)\b|\b(?:per|each|every)\s", docs.group())
        query_before = P.QUERY_BEFORE.search(before)
        if query_before and not re.search(r"\bnew\b|新增", own) and not (
                query_before.group().lstrip().startswith("volume") and not rate and
                not re.match(r"^\s*(?:[a-z\-]+\s+)?(?:quer|search|request|call|question|lookup)", docs.group())):
            # (s16-a: "Volume: ~850k tickets", "volume: cerca de 3,5 milhões de laudos": the documents' volume)
            # "하루 검색 약 1만 건", "월 쿼리 1,000만 건", "查询量5000条": items counted after "searches"
            return "queries_per_month", int(v * period_factor(after, before))
        per_second = re.match(r"^\s*(?:per|a|1|/)\s*(?:second|sec|s)\b", tail)  # "a second" is "1 second" here
        if per_second and asked == "queries_per_month" and not re.search(r"\bnew\b|\bgrow|\badd|新增", own):
            return "queries_per_month", int(v * P.SECONDS_PER_MONTH)  # "at launch peaks ~3 tickets a second"
        if rate and asked == "queries_per_month" and not re.search(r"\bnew\b|\bgrow|\badd|新增", own + tail) and \
                re.match(r"^\s*(?:(?:[a-z\-]+\s+)?(?:documents|items|cases|e-?mails|messages|letters)\b|件|건|条|次|回)",
                         docs.group()):  # (s14-a: "150 emails a day from residents" to the same question)
            # "1時間に100件" (glossed "per hour 100 documents") to "how many queries?": items counted per period
            return "queries_per_month", int(v * period_factor(after, before))
        if _CONVERSATIONS.match(docs.group()) and any(rx.search(tail) for rx, _ in P.PERIODS) and not re.search(
                r"\bnew\b", own):
            return "queries_per_month", int(v * period_factor(tail, ""))  # "the bot handles ~250k chats a month"
        if asked == "queries_per_month" and not rate and re.match(r"^\s*(?:items|documents)\b", docs.group()) and \
                not re.search(r"documents|docs|files|records|manuals|contracts|articles",
                              re.split(r"[,;!?。、，]", before)[-1]) and _CJK_SCRIPT.search(text):
            # "많을 때는 5천 건까지", "普段は5千件" to "how many queries?": a count of them, not the corpus (s7-d); the
            # counter glossed as "items" / "documents" (lead s15: "about 12k documents" written so is the corpus)
            return None, None
        # "search the KB 5 times per ticket": 5 is not a number of tickets
        return ("corpus_docs", int(v)) if v >= 2 and not rate and counted else (None, None)
    if P.QUERY_BEFORE.search(before):
        return "queries_per_month", int(v * period_factor(after, before))
    # "代码仓库，大概两千个", "文档总量在五十万到八十万之间吧"
    counter_only = re.match(r"^\s*(?:个|份|篇|条|本|件)?\s*(?:左右|上下|吧|呢|啊)*\s*(?:$|[,，。;；])|"
                            # s13-b: a space as the stop, typed on a phone ("商品大概二十多万个 中英文都有")
                            r"^\s*(?:个|份|篇|条|本|件)(?:左右|上下|吧|呢|啊)*\s+(?=[\u4e00-\u9fff])", after)
    # (a noun in Cyrillic, Greek, Hebrew or Arabic script after it is no bare figure: "12 филиалов", lead s13)
    bare = not re.match(r"^\s*[a-z\u4e00-\u9fff\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff]", after) or bool(
        counter_only) or bool(re.match(
        r"^\s*(?:about|around|or so|roughly|approximately|ish|max|at most|tops)\s*(?:$|[,;.!?])", after))
    # (a hedge after the figure, as Turkish and Japanese put it: "toplam 2.500 civarı", glossed "2500 about")
    if bare and v >= 2 and P.DOCS_BEFORE_BARE.search(text[max(0, num.start - 60):num.start]):
        return "corpus_docs", int(v)  # "contracts, about 200k"
    if v >= 2 and _THERE_ARE.search(before) and _NOUN_FREE_AFTER.match(after) and not any(
            rx.search(re.split(r"\d", after)[0]) for rx, _ in P.PERIODS) and \
            _DOCUMENTS_SAID_BEFORE.search(text[max(0, num.start - 200):num.start]):
        return "corpus_docs", int(v)  # s16-a: "Son contratos ... Ahora hay 12.000", "Ce sont des tickets ... On en a
        # 1,2 million dans l'historique": the documents named before, counted by a "there are"
    for name, rx in P.BEFORE_FIELD.items():
        if rx.search(before):
            if name == "budget_usd_month" and S.one_off(_before_sum(text, num), after, _PERIOD_RES):
                # "一次性采购服务器的预算是30万": paid once
                return "one_time_budget_usd", _money(v, indian or default_currency(text), 1.0)
            return name, as_field(name, v, clause, indian or (_message_currency(text) if name == "budget_usd_month"
                                                             else None))
    if v >= 2 and P.COLLECTION_BEFORE.search(before) and not any(rx.search(after[:30]) for rx, _ in P.PERIODS) and \
            not (P.CURRENCY_AFTER.match(after) or P.TOKENS_AFTER.match(after) or P.PAGES_AFTER.match(after)
                 or P.WORDS_AFTER.match(after) or P.USERS.match(after)):
        return "corpus_docs", int(v)  # "Tickets are around 90 thousand and language is english and hindi mix"
    if re.match(r"^\s*(?:/|per\b|a\s+(?:(?:working|business|work)\s+)?(?:month|day|week|year|minute|min|second|sec)\b|"
                r"an hour|each\b|every\b|"
                r"monthly|daily|每|一个?月)", after):
        # A count per day, hour or second is traffic; per month or year it is a budget unless queries are named.
        frequent = period_factor(after, "") > 1
        counting = asked in ("corpus_docs", "doc_length_tokens")  # "300 per day" to "how many documents?"
        topic = re.split(r"[.;!?。]", text[max(0, num.start - 40):num.start])[-1]  # "the searches, it's 600k a month"
        named = re.search(r"quer|search|request|查询|检索|请求", clause) or (
            re.search(r"quer|search|request|查询|检索|请求", topic) and not re.search(r"\d", topic))
        # "300 per day" with nothing around it: queries, or documents added? Asked about, unless the question, the
        # people using it or a correction of an earlier rate ("make it 1000 per day instead") say which.
        # s8-b: the same under another question ("500 a day" to the hardware or the latency question): not an answer
        # to it, and nothing says it counts searches
        unclear = counting or asked == "budget_usd_month" or (asked != "queries_per_month" and not people
                                                              and not P.CORRECTION.search(text)) or (
            asked is None and _after_a_count_of_documents(text, num))
        if asked == "queries_per_month" or (frequent and not unclear) or named:
            return "queries_per_month", int(v * period_factor(after, before))
        # money per hour or second with no currency beside it is traffic ("before we get to budget: it's 3k an hour
        # at peak"), whatever was said of the budget around it
        hourly = period_factor(after, "") >= 24 * P.DAYS_PER_MONTH and not re.search(
            r"[$€£¥₹₩]|\b(?:usd|eur|gbp|dollars?|euros?|bucks)\b", text[max(0, num.start - 6):num.end + 12])
        # s15-c: a currency named apart in the sentence is a word of money too ("up to 400 a month and 10k one-time,
        # Canadian dollars", "about 2 grand a month at it, AUD")
        if (asked == "budget_usd_month" and not frequent) or (not hourly and (P.BUDGET_CUE.search(
                text[max(0, num.start - 80):num.start] + clause) or (not named and P.currency_mentions(
                    _sentence_at(text, num))))):
            return "budget_usd_month", as_field("budget_usd_month", v, after, indian or _message_currency(text))
        return "ambiguous", _ambiguous(v, period_factor(after, before), text[num.start:num.end + 12])
    hedge_after = re.sub(r"^\s*(?:左右|上下|前後|くらい|ぐらい|程度|ほど|정도|쯤|가량|or so\b|ish\b)", "", after)
    if P.PERIOD_BEFORE.search(before) and asked not in NUMERIC_FIELDS and not re.match(r"^\s*[a-z\u4e00-\u9fff]",
                                                                                        hedge_after):
        if P.BUDGET_CUE.search(clause):
            return "budget_usd_month", as_field("budget_usd_month", v, clause, indian or _message_currency(text))
        return "ambiguous", _ambiguous(v, period_factor("", before), before[-6:] + text[num.start:num.end])
    if asked == "corpus_docs" and v >= 2 and (noun := _UNKNOWN_NOUN.match(after)) and not _NOT_DOCUMENTS.match(
            noun.group(1)) and not any(rx.search(clause) for rx, _ in P.PERIODS) and \
            not re.search(r"\d", text[:num.start]) and not P.SKIP.search(text) and not P.LATER.search(text) and \
            not _YEAR_SPAN.fullmatch(text[num.start:num.end]):
        return "corpus_docs", int(v)  # "rund 350.000 Lieferscheine und Zolldokumente" to "how many documents?"
    return None, None


# A span of calendar years ("the 2019-2021 archive"): when, not how many (s8-b)
_YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*(?:-|–|—|to|bis|à|a|al|do|до)\s*(?:19|20)\d\d")
# The first figure of an answer to "how many documents?", before a word the reader does not know ("Lieferscheine",
# "bons de livraison"): the documents counted, unless the word is a unit of something else
_UNKNOWN_NOUN = re.compile(r"^\s*([a-zà-ÿ][a-zà-ÿ\-]{3,})")
# People and places an organisation counts about itself, in the languages the gloss leaves as written (s10-c)
_PEOPLE_PLACES = (r"customers?|clients?|employees?|staff|stores?|shops?|branches|offices?|sites?|countries|teams?|"
                  r"departments?|users?|members?|people|kunden|klanten|clientes|clienti|klient\w*|mitarbeiter\w*|"
                  r"medewerkers|employ[ée]s|empleados|dipendenti|funcion[áa]rios|pracownik\w*|filialen|gesch[äa]fte|"
                  r"magasins|tiendas|negozi|lojas|winkels|sklep\w*|sucursales|succursales|agences|standorte|"
                  r"vestigingen|m[üu]şteri\w*|pelanggan|cabang|toko")
_NOT_DOCUMENTS = re.compile(rf"(?:{_PEOPLE_PLACES}|"
                            r"users?|people|persons?|employees?|staff|members?|customers?|clients?|years?|months?|"
                            r"weeks?|days?|hours?|minutes?|seconds?|queries|searches|requests|languages?|gigs?|bytes?|"
                            r"gigabytes?|terabytes?|megabytes?|tokens?|words?|characters?|chars?|pages?|lines?|"
                            r"times|percent|dollars?|euros?|pounds?|yuan|yen|won|rupees?|francs?|kronor|servers?|"
                            r"machines?|gpus?|cards?|cores?|nodes?|tenants?|branches|stores?|shops?|offices?|sites?|"
                            r"teams?|departments?|countries|markets?|categories|fields?|columns?|tables?|sources?|"
                            r"systems?|apps?|databases?|repos?|repositories|new|more|less|fewer|each|per|every|"
                            r"a(?:bout|round)|maybe|roughly|aprox\w*|approx\w*|circa|etwa|environ|cerca|ungefähr|"
                            r"ongeveer|około|примерно|more|less|tops|max\w*|min\w*|give|plus|ish)\b")

# Pages spread over documents ("1 234 567 pages, réparties en 42 000 documents", "1,2 Mio. Seiten in rund 15.000
# Dokumenten"): the documents are the count and the pages per document the length.
_PAGES_IN_DOCS = re.compile(
    r"^[\s,]*(?:(?:in total|overall|altogether|insgesamt|au total|en total|in totale|no total|totaal|totalt|"
    r"toplam|всего)[\s,]*)?(?:(?:which are|that are|are|sind|sont|son|sono|zijn|är|są)\s+)?"
    r"(?:in|across|over|into|among|"
    r"spread (?:over|across)|split (?:into|across|over|between)|distributed (?:over|across|among)|"
    r"r[ée]parti\w* (?:en|sur|dans|entre)|verteilt auf|repartid\w* en|distribuid\w* en|suddivis\w* in|"
    r"distribuit\w* (?:in|su)|divid\w* (?:em|en|in)|verdeeld over|f[öo]rdelade p[åa]|w|в|на|em|en|på)\s+"
    r"(?:about\s+|around\s+|roughly\s+|~\s*)?\d[\d,.]*\s*(?:k\b|万|千)?\s*(?:[^\W\d_]+\s+){0,2}?"
    r"(?:documents?|docs|files|pdfs|dokumente\w*|dossiers|fichiers|documentos|documenti|documenten|dokument\w*|"
    r"belge\w*|документ\w*|reports|contracts|records|filings|manuals|books|volumes)\b")
# The number of documents unknown beside a total of pages ("500k pages, no idea how many files that is", "I don't know
# the document count"): the pages are no count of documents (s8-a).
_DOCS_COUNT_UNKNOWN = re.compile(
    r"\b(?:no idea|not sure|(?:don'?t|do not|doesn'?t) know|unsure|no clue|can'?t say)\b[^.;!?]{0,40}\b(?:how many|"
    r"number of|count of)\b[^.;!?]{0,12}\b(?:docs?|documents?|files?|pdfs?|reports?|records?)|"
    r"\b(?:no idea|not sure|(?:don'?t|do not) know|unsure|no clue)\b[^.;!?]{0,30}\b(?:document|doc|file) count\b|"
    r"\b(?:no idea|not sure|(?:don'?t|do not) know)\b[^.;!?]{0,12}\bhow many (?:files|documents|docs|pdfs) that is\b")


# A correction of what the figure counted ("not 150k documents but 150k pages, about 3,000 documents"): the count is
# corrected, the length is not said
_NOT_DOCS_BUT = re.compile(r"\bnot\b|不是|\bno son\b|\bne sont pas\b|\bnicht\b|\bnon sono\b|\bnão são\b|\bniet\b|"
                           r"\bnie\b|\binte\b|\bне\b|\bdeğil\b")


def _docs_counted_beside(num: P.Number, text: str) -> bool:
    """Another figure of the message counts documents, files or reports ("2,000 reports adding up to 80,000 pages")."""
    for other in P.find_numbers(text, 12):
        if other.start == num.start or other.value >= num.value:
            continue
        tail = text[other.end:other.end + 40]
        if P.PAGES_AFTER.match(tail) or not P.docs_after(tail):
            continue
        between = text[min(other.end, num.end):max(other.start, num.start)]
        if other.start > num.start and not re.search(
                r"\b(?:in|across|over|into|which is|that'?s|i\.e\.|spread|split)\b", between):
            continue  # "150k pages, about 3,000 documents" after "not 150k documents": a corrected count, no length
        if _PAGES_OF_DOCS.match(P.PAGES_AFTER.sub("", text[num.end:num.end + 40], 1)) or re.search(
                r"\b(?:and|plus|as well as|also|another)\b|\+|&", between):
            continue  # "300 PDFs and 20,000 pages of wiki": two parts of the corpus, not the documents' total
        if len(between) <= 60 and not re.search(r"[.!?。]\s", between):
            return True
    return False


# "~2.3k pages of docs", "the docs site has ~3k pages": a site's pages are its documents (from 200 pages on; a
# single document of that length is named as one: "the manual is 300 pages")
_PAGES_AS_A_SITE_FROM = 200
_PAGES_OF_DOCS = re.compile(r"^\s*(?:of\s+|de\s+|di\s+|an\s+)?(?:(?:the|our)\s+)?(?:docs|documentation|doku\w*|"
                            r"documenta\w*|help(?: content| articles)?|"
                            r"guides|api (?:reference|docs)|reference docs|wiki|knowledge base|content)\b")
_COLLECTION = re.compile(r"\b(?:docs|documentation|docs? site|developer docs|api (?:reference|ref|docs)|reference|"
                         r"wiki|knowledge base|help cent(?:er|re)|help site|website|intranet|confluence)\b[^\d]*$|"
                         r"(?:文档|api参考|帮助中心|网站|知识库)[^\d]*$|^\s*documents\s*は[^\d]*$")
# A counter ("80개", glossed "items") after things that are not documents: branches, stores, staff, customers
_NOT_DOCS_AFTER = re.compile(r"[\s\-]*(?:lines?|groups?|categor(?:y|ies)|famil(?:y|ies)|ranges?|brands?|segments?|"
                             r"divisions?|teams?|departments?)\b")
_NOT_DOCS_SUBJECT = re.compile(r"지점|매장|점포|지사|영업점|직원|사원|고객|회원|사용자|유저|병원|학교|팀|부서|"
                               r"국가|나라|언어|"
                               r"서버|사무실|공장|门店|分店|店|员工|用户|客户|会员|国家|语言|服务器|办公室|工厂|"
                               r"店舗|支店|社員|従業員|顧客|会員|拠点|国|言語|(?<![가-힣])명|種類|种|"
                               r"\bbranches\b|\bstores\b|\bshops\b|"
                               r"\boffices\b|\bemployees\b|\bcustomers\b|\busers\b|"
                               # s6-f: what an organisation counts about itself beside its documents
                               r"\bproduct lines\b|\blanguages\b|\bdata cent(?:er|re)s\b|\bcountries\b|\bclinics\b|"
                               r"\bbeds\b|\bhotels\b|\bhomes\b|\bsites\b|\bplants\b|\bwarehouses\b|"
                               # s7-d: lines, departments, categories, affiliates in CJK and Turkish
                               r"라인|카테고리|계열사|부문|사업부|센터|ライン|部署|部門|カテゴリ|グループ会社|系列|"
                               r"产品线|业务线|部门|分类|类别|站点|分公司|子公司|\bdepartman\w*|\bkategori\w*|"
                               r"\bşube\w*|\bgrub\w*|\bdepartments\b|\bcategories\b|\bteams\b")
_HEDGE_WORD = re.compile(r"about|around|roughly|approx\.?|~|약|대략|한|約|约|大约|大概|ca\.?|circa|etwa")
_MONTH_BEFORE = re.compile(r"(?:\b(?:a|per|each|every)\s+month|\bmonthly|每个?月|月均|毎月|매달|매월)\s*"
                           r"(?:(?:on average|about|roughly|approximately|だいたい|およそ|ほぼ|大概|大约|约|有|"
                           r"で|に|は|には|에|은|는)\s*)*$")
_MONTH_NAMED = re.compile(r"^\s*(?:(?:a|per|each|every)\s+month\b|monthly\b|/\s*mo(?:nth)?\b)")
# The people named first, then counted ("the technicians are about 400, 10 searches a day each", "i tecnici sono circa
# 400", "los abogados son unos 45", "agents: 350"): their number, as "400 technicians" would be.
_PEOPLE_ARE = re.compile(r"\b(?:users|employees|people|staff|students|analysts|lawyers|attorneys|engineers|developers|"
                         r"devs|agents|researchers|doctors|clinicians|nurses|physicians|consultants|colleagues|reps|"
                         r"advisors|accountants|teachers|scientists|workers|specialists|technicians|operators|clerks|"
                         r"pharmacists|mechanics|editors)\s*(?:are|:|number|total)\s*(?:about |around |roughly |"
                         r"approximately |some |~)?$")
_MONTHLY_PEOPLE = re.compile(r"\bmonthly active (?:users|learners|students|players|members|customers|visitors)\b|"
                             r"\bmau\b|月活")
_WE_ARE = re.compile(r"(?:\bwe are|\bwe're|\bon est|\bnous sommes|\bwir sind|\bsomos|\bsiamo|\bwe zijn|\bjesteśmy|"
                     r"\bvi är|\bнас)\s*(?:about |around |roughly |~)?$")
# A rate per person ("each", "per user", "apiece") and people named without a count: the total is not known.
_PER_PERSON = re.compile(r"\b(?:the |an )?average (?:user|person|member|student|learner|customer|visitor)\b|"
                         r"\bper capita\b|\bна users\b|"
                         # (not a document's "12 pages each": the length's each, not the people's)
                         r"(?<!pages )(?<!words )(?<!tokens )(?<!docs )(?<!files )(?<!lines )(?<!documents )"
                         r"(?<!characters )"
                         r"\beach\b(?!\s+(?:day|week|month|year|hour|working|business|minute|second|shift|quarter)\b)|"
                         r"\bper (?:user|person|head|employee|engineer|lawyer|analyst|agent|student|member)\b|"
                         r"\bapiece\b|\ba head\b|每人|每个人|每位|每名|人均|" + P.ONE_PERSON)
_PEOPLE = re.compile(r"\b(?:users|employees|people|staff|students|analysts|lawyers|attorneys|engineers|developers|devs|"
                     r"agents|researchers|doctors|clinicians|nurses|physicians|consultants|colleagues|members|reps|"
                     r"advisors|advisers|accountants|editors|teachers|scientists|workers|handlers|specialists|"
                     r"customers|officials|clerks|operators|adjusters|surveyors|dispatchers|administrators|"
                     r"pharmacists|technicians|advocates|paralegals|librarians|customer|"
                     r"user|employee|person|member|engineer|analyst|lawyer|agent|colleague|team|teams|crew)\b|"
                     r"collaborat|mitarbeit|"
                     r"emplead|dipendent|funcion[aá]ri|medewerk|pracown|anställ|çalışan|сотрудник|пользовател|utilisat|"
                     r"usu[aá]ri|utent|gebruiker|användar|kullanıcı|"
                     r"用户|员工|同事|律师|医生|工程师|研究员|学生")
# Where a figure's own clause ends: a comma, "and" in the languages glossed word for word, Korean "이고".
# The next clause spreads the amount over the documents ("800万行，分布在6万个文件里", "8M lines, spread across 60k
# files", "40 Mio. Wörter, verteilt auf 20.000 Berichte"): the amount is the whole corpus's
_SPREAD_NEXT = re.compile(r"^\s*(?:of code|of text|代码|代碼)?\s*[,，、]\s*(?:which are |that are |all |and )?"
                          r"(?:spread (?:over|across)|"
                          r"across|distributed (?:over|across|among)|split (?:into|across|over)|" + P.SPREAD_OVER +
                          r"|r[ée]parti|repartid|"
                          r"distribuit|verdeeld over|fördelade på|rozłożon|распределен)")
_OWN_CLAUSE_END = re.compile(r"[,;。、]|\s(?:and|but|y|e|und|et|и|ve|en|och|ed|oraz)\s|"
                             r"이고|이며|지만|인데|는데|있고|하고")
# Conversations counted per period are the traffic: each one is at least one search.
_CONVERSATIONS = re.compile(r"^\s*(?:[a-z\-]+\s+){0,3}?(?:chats|conversations)\b")
_STRETCH = re.compile(r"^\W{0,3}(?:or\s+|and\s+)?(?:maybe|perhaps|possibly|up to|or even|even|stretching to|stretch to|"
                      r"at most|max(?:imum)?|tops)\s*(?:[$€£]|us\$|eur\s|usd\s)?$")


# A budget given as a share of what the user pays today ("half of what we pay Algolia, which is $1,000/mo", "a third
# of our current $900 search bill", "die Hälfte von dem, was wir heute zahlen (1.200 €)"): the share, not the bill.
_SHARE_OF = re.compile(
    r"(?:\b(?P<half>half)|\b(?P<third>a third|one third)|\b(?P<quarter>a quarter|one quarter)|"
    # s15-c: "at most one-tenth of our Freshdesk renewal, which is ₹9 lakh p.a."
    r"\b(?:a|one)[\s\-](?P<frac>fifth|sixth|eighth|tenth|twentieth)|"
    r"(?P<pct>\d{1,2})\s?%|\b(?P<double>twice|double))\s+(?:of\s+)?(?:what|the|our|that|today'?s|current)\b"
    r"[^.;!?\d]{0,60}$|"
    r"(?:\b(?P<half2>la moitié|die hälfte|la mitad|la metà|a metade|de helft)|(?P<half3>一半|半分))[^.;!?。\d]{0,60}$")
_SPEND = re.compile(r"\b(?:pay|paying|paid|spend|spending|spent|bill|billed|costs?|charges?|invoice\w*|zahlen|"
                    r"renewal|subscription|licen[cs]e|"
                    r"payons|payer|pagamos|pagar|paghiamo|betalen)\b|付|花|払")
_SHARE = {"half": 0.5, "half2": 0.5, "half3": 0.5, "third": 1 / 3, "quarter": 0.25, "double": 2.0}


def _share_of_spend(found: Found, source: tuple[P.Number, Any], work: str) -> None:
    num, value = source
    share = _SHARE_OF.search(work[max(0, num.start - 80):num.start])
    if not share or found.updates.get("budget_usd_month") != value or not isinstance(value, int | float):
        return
    between, after = share.group(), work[num.end:num.end + 30]
    if not (_SPEND.search(between) or _SPEND.search(re.split(r"[,;.!?]", after)[0])) or \
            re.search(r"budget|预算|予算", between):
        return  # "our team is half of what it was, budget $800": the budget itself
    name = next(k for k, v in share.groupdict().items() if v)
    factor = int(share.group("pct")) / 100 if name == "pct" else _SHARE_FRACTIONS[share.group("frac")] \
        if name == "frac" else _SHARE[name]
    found.updates["budget_usd_month"] = round(value * factor, 2)


# A budget given as a share of another sum said just before it ("our annual tooling budget is $30k for everything.
# For this, let's say a sixth of it", "we spend $1,200/mo on OpenAI ... no more than 10% on top of that")
_SHARE_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2, "sixth": 1 / 6,
              "seventh": 1 / 7, "eighth": 0.125, "ninth": 1 / 9, "tenth": 0.1, "twentieth": 0.05}
_SHARE_AFTER = re.compile(
    r"\b(?:(?:a|one)\s+)?(?P<frac>half|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twentieth)\s+of\s+"
    r"(?:it|that|this|those|the (?:budget|sum|amount|bill|spend|total))\b|"
    r"\b(?P<pct>\d{1,2}(?:[.,]\d)?)\s?%\s+(?:of|on top of)\s+(?:it|that|this|those|the (?:budget|sum|amount|bill|"
    r"spend|total))\b")


def _share_of_other(found: Found, others: list[tuple[P.Number, float]], work: str) -> None:
    if not others or "budget_usd_month" in found.updates:
        return
    num, value = others[-1]
    share = _SHARE_AFTER.search(work, num.end, num.end + 160)
    if share is None or P.find_numbers(work[num.end:share.start()]):
        return  # (a figure between: the share is of that one)
    factor = _SHARE_FRACTIONS[share.group("frac")] if share.group("frac") else float(
        share.group("pct").replace(",", ".")) / 100
    clause = re.split(r"[.;!?]\s", work[:num.start])[-1]
    after = re.split(r"[,;.!?]", work[num.end:num.end + 20])[0]
    if _YEARLY_BEFORE.search(clause) and not any(rx.search(after) for rx, _ in P.PERIODS) and value > num.value / 4:
        factor /= 12  # "our annual allocation for AI tooling is $60k ... half of that" (s13-a), not read by the year
    found.updates["budget_usd_month"] = round(value * factor, 2)


_YEARLY_BEFORE = re.compile(r"\b(?:annual|yearly|anual|annuel\w*|annuale|jährlich\w*|jaarlijks\w*|roczn\w*)\b")


def _stretched_budget(found: Found, source: tuple[P.Number, Any], work: str) -> None:
    """"2k USD a month, maybe 2.5k", "$3k/month, maybe 4 if it's worth it": the budget is the middle of the two."""
    num, value = source
    for other in list(found.leftovers):
        if other.start <= num.end or other.start - num.end > 45 or not _STRETCH.match(
                re.split(r"[,;]", work[num.end:other.start])[-1]):
            continue
        upper = other.value * (1000 if num.value >= 1000 and other.value < num.value / 100 else 1)  # "3k ... maybe 4"
        if num.value < upper <= 3 * num.value and isinstance(value, int | float):
            found.updates["budget_usd_month"] = round(value * (1 + upper / num.value) / 2, 2)
            found.leftovers.remove(other)
        return


# Parts of one corpus: "8,000 guides and 15k policy documents", "办事指南8000条，政策文件1.5万份",
# "2k FAQs plus 40k tickets".
_PARTS_JOIN = re.compile(r"^[^\d]{0,70}$")
# Things counted as the subject of using or buying the product ("2,300 clinics use the product"): its customers, no
# part of the documents (s16-c)
_USE_THE_PRODUCT = re.compile(r"^\s*[a-z\-]+\s+(?:\w+\s+)?(?:use|uses|using|buy|buys|license|licence|subscribe to)\s+"
                              r"(?:the|our|this)\s+(?:product|software|platform|app|service|system|tool|saas)s?\b")
_JOIN_WORD = re.compile(r"\band\b|\bplus\b|\+|&|,|，|、|；|;|和|及|以及|还有|另外|\bund\b|\bet\b|\by\b|\be\b|"
                        r"\bpi[uù]\b|\bm[aá]s\b|と|및|그리고|"
                        # the same in the languages the gloss leaves as written (s5-b)
                        r"\bmais\b|\ben\b|\boch\b|\bsamt\b|\bartı\b|\bve\b|\bile\b|\bi\b|\boraz\b|\bплюс\b|"
                        r"\bи\b|\bа также\b|\bdazu\b|\bsowie\b|\bainsi que\b|\bas well as\b|이랑|랑|하고|그리고|"
                        r"(?<=\s)[과와]\s|それに|そして|加上|外加|再加上|加起来")
_NOT_PARTS = re.compile(r"\b(?:of (?:them|which|those)|out of|including|incl|among|each|per|every|actually|"
                        r"sorry|i mean|no wait|or rather|rather|or)\b|其中|包括|包含|每|不对|其实|jeweils|insgesamt|"
                        r"davon|dont|de los cuales|di cui|dos quais|"
                        # s14-c: a later state of the same count ("約5万件、年末には6万件になる見込み")
                        r"年末|年底|연말|見込み|预计|預計|by (?:the )?end of")


def _sum_counts(counts: list[tuple[P.Number, int]], work: str, found: Found) -> None:
    """Several document counts in one message: a stated total wins, else parts joined by "and" / "，" are added up."""
    if len(counts) < 2 or found.updates.get("corpus_docs") != counts[0][1]:
        return
    pages = [(n, v) for n, v in counts if P.PAGES_AFTER.match(work[n.end:])]
    if pages and len(pages) < len(counts):  # "150k pages, not 150k documents; about 3000 documents": the pages are
        counts = [c for c in counts if c not in pages]  # the documents' length, never a part of their count
        found.updates["corpus_docs"] = counts[0][1]
        if len(counts) < 2:
            return
    counts = [c for c in counts if not _USE_THE_PRODUCT.match(work[c[0].end:c[0].end + 50])]
    if len(counts) < 2:  # s16-c: "1,150 articles, English. About 2,300 clinics use the product": the customers
        return
    totals = [v for n, v in counts if P.TOTAL_CUE.search(work[max(0, n.start - 25):n.end + 25])]
    if totals:
        found.updates["corpus_docs"] = totals[-1]  # "2,500 manuals ... in total about 9,000 documents"
        return
    if any(re.match(r"^\s*(?:of (?:them|those|these|which)|(?:of )?(?:them|those) are)\b", work[n.end:n.end + 20])
           for n, _ in counts[1:]):
        found.updates["corpus_docs"] = counts[0][1]  # "40k docs, maybe 50 of them long": a few of the whole (s8-a)
        return
    for (a, _), (b, _) in zip(counts, counts[1:], strict=False):
        between = work[a.end:b.start]
        if not (_PARTS_JOIN.match(between) and _JOIN_WORD.search(between)) or _NOT_PARTS.search(between) or \
                SELF_CORRECTION.search(between):
            return
    found.updates["corpus_docs"] = sum(v for _, v in counts)
    found.summed = True


# A second count added to the documents: "40 thousand contracts, plus another 60 thousand amendments", "40k contracts
# and another 60k in the legacy system", "dazu noch einmal 60.000 Nachträge", "y otros 60 mil anexos", "plus 60 000
# avenants", "2 lakh invoices plus 1 lakh purchase orders" (s7-c)
_ANOTHER = re.compile(
    r"^[^\d]{0,40}?(?:(?:\b(?:and|plus|with|und|et|y|e|en|och)\s+|[+&]\s*)?(?:another|a further|an additional|"
    r"additional|further|on top of (?:that|this|it),?|in addition|dazu(?: noch)?(?: einmal| mal)?|weitere|"
    r"noch (?:einmal|mal)|otros|otras|outros|outras|altri|altre|encore|en plus|nog|ytterligare|ещё|еще|kolejne|"
    r"daha)|\bplus|\+)\s*(?:~|about|around|roughly|approx\.?|some|maybe|circa|environ|unos|etwa|like|say|ca\.?)?\s*$")
# The second figure is another kind of thing: growth ("plus 500 new ones a month"), people, money, a length ...
_NOT_ANOTHER_PART = re.compile(r"^\s*(?:[a-z\-]+\s+){0,2}?(?:new|more (?:each|every|per|a)|a (?:month|week|day|year)|"
                               r"per|each|every|users?|people|employees|staff|queries|searches|requests|words?|pages?|"
                               r"tokens?|characters?|lines?|ms|seconds?|%|percent)\b")


def _another_part(numbers: list[P.Number], kinds: dict[int, str | None], work: str, found: Found) -> None:
    docs = found.updates.get("corpus_docs")
    if not isinstance(docs, int):
        return
    for a, b in zip(numbers, numbers[1:], strict=False):
        if int(a.value) != docs or kinds.get(b.start) not in (None, "corpus_docs") or int(b.value) in [
                v for k, v in found.updates.items() if k != "corpus_docs" and isinstance(v, int | float)]:
            continue
        between = work[a.end:b.start]
        if _ANOTHER.match(between) and not _NOT_PARTS.search(between) and not SELF_CORRECTION.search(between) and \
                not _NOT_ANOTHER_PART.match(work[b.end:b.end + 30]) and b.value >= 2:
            found.updates["corpus_docs"] = int(a.value + b.value)
            found.summed = True
            return


# Counts listed one per line or table row under a plural label ("Policies: 1,200. Procedures: 3,400. Forms: 800.",
# "| contracts | 40,000 |\n| amendments | 60,000 |"): the parts of the collection (s7-c)
_LISTED = re.compile(r"(?:^|[\n.;|])[ \t\-*•|]*([a-z][a-z \-]{2,30}?s)[ \t]*(?:[:=|]|\t| {2,})[ \t]*"
                     r"(?:~|about|around|roughly|approx\.?)?[ \t]*$")


def _listed_parts(numbers: list[P.Number], kinds: dict[int, str | None], work: str, found: Found) -> None:
    docs = found.updates.get("corpus_docs")
    listed = []
    for n in numbers:
        label = _LISTED.search(work[max(0, n.start - 40):n.start])
        if label and re.match(r"[ \t]*(?:[|.;\n]|$)", work[n.end:n.end + 3]):
            listed.append((n, label.group(1).strip()))
    if len(listed) < 2 or docs not in (None, *[int(n.value) for n, _ in listed]):
        return
    labels = [label for _, label in listed]
    if any(_NEVER_PARTS.match(label.split()[-1]) or G.label_field(f"{label}: 1")[0] not in (None, "corpus_docs")
           or kinds.get(n.start) not in (None, "corpus_docs") for n, label in listed):
        return  # "Users: 150", "Queries: 40k": not parts of the collection
    if docs is None and not any(P.DOCS_AFTER.match(" " + label) for label in labels):
        return
    found.updates["corpus_docs"] = int(sum(n.value for n, _ in listed))
    found.summed = True


# A count of things the reader has no word for, joined to a document count by "+" / "and" ("abt 5k itineraries + 800
# FAQ pages", "~350k issues and ~40k doc pages"): both are what gets indexed.
_UNNAMED_PART = re.compile(r"^\s*([a-z][a-z\-]{3,}s)\s*(?:\+|\band\b|\bplus\b|&)\s*(?:about|around|abt|approx\.?|"
                           r"roughly|~)?\s*$")
_NEVER_PARTS = re.compile(r"^(?:users|employees|people|staff|customers|clients|members|agents|engineers|lawyers|"
                          r"doctors|stores|shops|branches|offices|sites|hospitals|clinics|schools|countries|languages|"
                          r"servers|gpus|cards|cores|queries|searches|questions|requests|calls|visits|pageviews|"
                          r"views|tokens|words|characters|chars|pages|lines|years|months|weeks|days|hours|minutes|"
                          r"seconds|times|dollars|euros|pounds|students|learners|tenants|teams|products)$")


def _unnamed_part(numbers: list[P.Number], work: str, found: Found) -> None:
    docs = found.updates.get("corpus_docs")
    for a, b in zip(numbers, numbers[1:], strict=False):
        part = _UNNAMED_PART.match(work[a.end:b.start])
        if part and docs == int(b.value) and not _NEVER_PARTS.match(part.group(1)) and \
                int(a.value) not in [v for v in found.updates.values() if isinstance(v, int | float)]:
            found.updates["corpus_docs"] = int(a.value + b.value)
            return


_CONTAINER_GAP = re.compile(r"^\s*[a-z\-]+?s?\s*(?:,|with|of)\s*(?:about|around|roughly|approx\.?|~|maybe|say)?\s*$")
_ITEMS_EACH = re.compile(r"^\s*([a-z\-]{3,20}?)(?:e?s)?\s+(?:each|apiece|per|a|in each|in every)\b")


# s7-d (issue 17): the documents of each unit, the units counted before ("50个客户，每个客户平均有2千份文档",
# "取引先300社、1社あたり約100件", "고객사 40곳, 고객사마다 평균 5천 건"): the corpus is their product
_DOCS_EACH_UNIT = (
    re.compile(r"(?:每(?:个|個|家|所|位|间)?|各)([\u4e00-\u9fff]{1,4}?)\s*"
               r"(?:平均|都|大概|大约|约|有|差不多|\s)*$"),
    re.compile(r"(?:1|一)?([\u4e00-\u9fff\u30a0-\u30ff]{1,4})(?:あたり|当たり|ごとに|ごと)\s*"
               r"(?:平均|on average|about|約|\s)*$"),
    re.compile(r"([가-힣]{1,4}?)(?:마다|당)\s*(?:on average|about|평균|\s)*$"))
_TOTAL_WORD = re.compile(r"一共|总共|合计|加起来|全部で|合計|합쳐서|총|in total|altogether|toplam")


def _docs_per_unit(numbers: list[P.Number], work: str, found: Found) -> None:
    docs = found.updates.get("corpus_docs")
    if not isinstance(docs, int) or _TOTAL_WORD.search(work):
        return
    num = next((n for n in numbers if int(n.value) == docs), None)
    if num is None:
        return
    left = max((work.rfind(c, 0, num.start) for c in ",;!?。，；、\n"), default=-1) + 1
    for rx in _DOCS_EACH_UNIT:
        m = rx.search(work[left:num.start])
        if m is None or R.CJK_PERIOD.match(m.group(1)) or m.group(1)[0] in "次回遍天日月周週年人名位时時":
            continue  # "每次返回10条": each search's results, not a unit
        count = R.count_of(m.group(1), work, numbers, num)
        if count is not None and count.start < num.start and count.value >= 2 and \
                m.group(1)[:2] in work[max(0, count.start - 12):count.end + 12]:
            found.updates["corpus_docs"] = int(count.value * docs)
        return


# Of the whole, only a part goes in ("1,2 Mio. Akten im DMS, davon sollen erstmal nur die Ratsbeschlüsse (rund
# 18.000) in die Suche", "2M files, of which only the contracts, about 40k, are in scope", "dont seulement 30 000"):
# a subset word, then a word of "only" or "first", then the part's count
_ONLY_PART = re.compile(r"\b(?:davon|of (?:which|those|them)|dont|de los cuales|de las cuales|di cui|dos quais|"
                        r"das quais)\b[^\d.;!?]{0,60}?\b(?:nur|only|just|seulement|uniquement|solo|sólo|só|apenas|"
                        r"soltanto|erstmal|zunächst|first|initially|d'abord|primero)\b|(?:其中|そのうち|그중|이 중)"
                        r"[^\d。]{0,20}?(?:只|仅|だけ|のみ|만)")


def _only_part_indexed(numbers: list[P.Number], work: str, found: Found) -> None:
    """The part of the whole that goes in is the corpus (s16-a)."""
    whole = found.updates.get("corpus_docs")
    if not isinstance(whole, int) or isinstance(whole, bool):
        return
    for n in numbers:
        if abs(n.value - whole) > 0.5:
            continue
        only = _ONLY_PART.search(work, n.end, n.end + 80)
        part = next((m for m in numbers if only and m.start >= only.end() and m.start - only.end() <= 80), None)
        if only is None or part is None or not 2 <= part.value < whole or any(
                rx.search(work[part.end:part.end + 20]) for rx, _ in P.PERIODS) or not re.match(
                r"^\s*(?:\)|,|$|[a-z\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]+\s*(?:\)|,|$|in|go|are|sind|kommen))",
                work[part.end:part.end + 20]) or P.PAGES_AFTER.match(work[part.end:]) or \
                P.CURRENCY_AFTER.match(work[part.end:]) or P.USERS.match(work[part.end:]):
            return
        found.updates["corpus_docs"] = int(part.value)
        return


def _items_indexed(numbers: list[P.Number], work: str, found: Found) -> None:
    """"~12k courses, roughly 30 lessons each, and we'd index per lesson": the items indexed are the documents."""
    for a, b in zip(numbers, numbers[1:], strict=False):
        items = _ITEMS_EACH.match(work[b.end:b.end + 40])
        if not items or not _CONTAINER_GAP.match(work[a.end:b.start]) or P.USERS.match(work[b.end:]):
            continue
        noun = re.escape(items.group(1))
        if re.search(rf"\b(?:index|search|embed|chunk|split|store|treat)\w*\s+(?:[a-z']+\s+){{0,3}}?"
                     rf"(?:per|each|every|by|by the|at the)\s+{noun}(?:e?s)?\b|\b{noun}[\s\-]level\b", work):
            found.updates["corpus_docs"] = int(a.value * b.value)
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


_KO_CONNECTIVE = re.compile(r"[가-힣](?:고|는데|지만|며)\s")


_AROUND_THE_CLOCK = (24 * P.DAYS_PER_MONTH, 60 * 24 * P.DAYS_PER_MONTH)  # a rate per hour, per minute: x 720, x 43,200


def _sentence_period(num: P.Number, work: str) -> float:
    """The period of a per-person rate named elsewhere in its sentence, when its own clause names none; else 1."""
    clause_start = max((work.rfind(c, 0, num.start) for c in ",;!?。、，"), default=-1) + 1
    # a Korean clause ends at its connective too ("3천 명이 접속하고 한 사람당 두 번"; s7-d)
    clause_start = max([clause_start, *(m.end() for m in _KO_CONNECTIVE.finditer(work, 0, num.start))])
    clause = work[clause_start:num.end + 40].split(",")[0]
    if any(rx.search(clause) for rx, _ in P.PERIODS):
        return 1.0
    left = max((work.rfind(c, 0, num.start) for c in ".!?;。\n"), default=-1) + 1
    rights = [i for i in (work.find(c, num.end) for c in ".!?;。\n") if i >= 0]
    sentence = work[left:min(rights, default=len(work))]
    hits = [(m.start(), factor) for rx, factor in P.PERIODS if (m := rx.search(sentence))]
    return min(hits)[1] if hits else 1.0


def _period_just_before(before: str) -> bool:
    """True when a period is named before a number with no figure between them ("每周 200 件", "monthly 1,000").

    A calendar year is not a period: "1949年以来的新闻稿800万篇" counts articles since 1949.
    """
    return any(not re.search(r"\d", before[m.end():]) and not re.search(r"(?:19|20)\d\d\s*$|[去今明前]$",
                                                                        before[:m.start()])
               and not re.match(r"年(?:来|以来|前|后|底|初)", before[m.start():]) for rx, _ in P.PERIODS
               for m in rx.finditer(before))  # "去年合并之后是2.1万份": last year is not a period


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
_ONE_OF_PERIOD = re.compile(r"[一1](?:个|個)?(?:天|日|月|周|週|星期|年|小时|小時)")


def _after_a_count_of_documents(text: str, num: P.Number) -> bool:
    """Whether the sentence counted documents just before the figure ("40k tickets so far, roughly 1,500 a week").

    A bare rate after them may be their growth as well as searches, whoever is counted elsewhere (s8-a).
    """
    start = max((m.end() for m in re.finditer(r"[.;!?。]\s", text[:num.start])), default=0)
    before = P.find_numbers(text[start:num.start], 6)
    return bool(before) and bool(P.docs_after(text[start + before[-1].end:start + before[-1].end + 40]))


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


# A share of the sum just said: "capped at 10k/mo, embeddings can take maybe 10% of that", "davon 20 %"
_SHARE_OF_SUM = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d)?)\s?%\s*(?:of\s+(?:that|it|this|the (?:total|budget|amount|sum|"
                           r"spend))\b|davon\b|de (?:ça|cela|eso|esto|ello)\b|di (?:quello|questo)\b|disso\b|"
                           r"daarvan\b|z tego\b|от этого\b|av det\b)|(?:其中|のうち|중)\s*(\d{1,2})\s?%")


_FOR_EMBEDDINGS = re.compile(r"embedding\w*|einbettung\w*|vector\w*|vektor\w*|retrieval|semantic search|"
                             r"(?:for|für|pour|para|per) (?:this|it|the search|search|dies\w*|cela|esto|questo)\b|"
                             r"嵌入|向量|埋め込み|임베딩|эмбеддинг\w*|векторн\w*")


def _share_of_sum(found: Found, work: str) -> None:
    """A monthly sum, then the share of it that is for embeddings ("10% of that"): the share is the budget (s11-b)."""
    budget = found.updates.get("budget_usd_month")
    shares = list(_SHARE_OF_SUM.finditer(work))
    if not isinstance(budget, int | float) or isinstance(budget, bool) or len(shares) != 1:
        return
    share = float(shares[0].group(1) or shares[0].group(2)) / 100
    money = [n for n in P.find_numbers(work[:shares[0].start()]) if abs(n.value - budget) <= 0.5 * max(budget, 1)
             or P.CURRENCY_BEFORE.search(work[max(0, n.start - 4):n.start]) or P.CURRENCY_AFTER.match(work[n.end:])]
    near = work[max(0, shares[0].start() - 50):shares[0].end() + 30]
    if money and 0 < share < 1 and _FOR_EMBEDDINGS.search(near):
        found.updates["budget_usd_month"] = round(budget * share, 2)


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
