"""Rates of searches in a message: people, the searches each does, and the periods they are counted in.

Working days, shifts and intervals ("every 5 minutes"), searches per item, per arrival ("each new ticket triggers 3
lookups"), per unit, per person with the people counted (``team``, ``ONLY_SOME``: "10% of them"), users, the period
of a per-person rate named elsewhere in its sentence. ``agent.understanding_quantities`` asks it; rates that need a
second figure are ``agent.understanding_rates``.
"""

from __future__ import annotations

import re

from agent import understanding_patterns as P
from agent import understanding_rates as R
from agent import understanding_structure as S
from agent.understanding_figures import _LENGTH_UNITS, _SIZE_UNIT, Found, _clause_span, _period_in_clause, period_factor

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


# A group of people "N of them" refers back to (s16-c): "the legal team ... all 4 of them"
_PEOPLE_REFERRED = re.compile(r"\b(?:team|people|staff|lawyers|engineers|developers|colleagues|folks|guys|analysts|"
                              r"agents|employees|members|department|dept|board|committee|partners|admins?|"
                              r"consultants|specialists|reviewers|editors)\b")


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
# Conversations counted per period are the traffic: each one is at least one search.
_CONVERSATIONS = re.compile(r"^\s*(?:[a-z\-]+\s+){0,3}?(?:chats|conversations)\b")


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
