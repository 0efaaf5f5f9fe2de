"""Figures whose meaning is in their structure: one-off money, a peak or office-hours rate, an active share of people.

Each reader here takes normalised (glossed, lower-case) text and answers one narrow question, so the quantity reader
(``agent.understanding_quantities`` and the modules it reads with) can ask it at the one place the answer changes a
figure:

- ``one_off``: "a one-off $5,000 for the initial indexing, after that ~$300 a month" - the $5,000 is a one-time
  budget, never the monthly one; "einmalig", "ponctuel", "pago único", "una tantum", "一次性", "初期費用" ...
- ``peak_hour``: "the busiest hour had 5,000 queries" - a stated peak is taken as the rate, per hour.
- ``office_hours``: "9 to 5 on weekdays, 120 an hour" - an hourly rate times the hours a day times 22 working days.
- ``weekdays_only``: "on weekdays, 200 a day" - a daily rate times 22 working days, not 30.
- ``active_share``: "9,000 employees but 1 in 3 active", "20% use it daily", "about a third use it".
- ``licence_rejected``: "non-commercial licences are out of the question" - commercial use is required.
- ``first_indexing_days``: "the backfill must finish over a weekend, 2 days max" - a deadline for the first indexing.
- ``query_length``: "our queries are 3-4 words" - the length of a query, never of a document.
- ``average_over_maximum``: "most under 400 words, call it 300 on average" - the average, not the maximum.
- ``demoted``: "we don't care about latency", "延迟完全不重要" - a priority waived never ranks first.
- ``role_word``: "lawyers", "clinicians" name a domain only when no other domain is stated.
"""

from __future__ import annotations

import re

WORKING_DAYS_PER_MONTH = 22

_ONE_OFF = re.compile(
    r"\bone[\s\-]?(?:off|time|shot)\b|\bonce\b(?!\s+(?:a|per|every|we|they|you|it|the|i|that|this|our|all)\b)|\bup[\s\-]?front\b|\binitial(?:ly)?\b|"
    r"\bbackfill\b|\bfirst (?:indexing|run|embedding|load)\b|\bset[\s\-]?up\b|\bone[\s\-]?time\b|\bcapex\b|"
    r"\bbuild[\s\-]?out\b|\bto (?:build|set up|get (?:it )?started|buy|purchase)\b|"
    r"\bfor (?:the |a )?(?:initial )?build\b|"  # s16-a: "$25k earmarked for the build, then $1k/month ongoing"
    r"\b(?:buy|purchase)(?:ing)? (?:the |a |our )?(?:hardware|server|box|machine|gpus?)\b|"
    r"\bstart[\s\-]?up (?:cost|budget|fund)|\bstart[\s\-]?budget\w*|стартов\w*|\bnothing recurring\b|"
    r"\bimplementation\b|\brollout\b|\bonboarding\b|"
    r"einmalig|erstindizierung|ersteinrichtung|einrichtung|anschaffung|anfangsinvestition|startkosten|inbetriebnahme|"
    r"\baufbau\b|ponctuel|\bunique\b|initiale?|mise en place|mise en service|\bdémarr\w*|\blancement\b|"
    r"único|única|puesta en marcha|implementaci[óo]n|implantaci[óo]n|\barranque\b|"
    r"una tantum|iniziale|\bavvio\b|acquisto|implantação|implementação|investimento inicial|"
    r"inicial|一次性|首次|首期|前期投入|前期|建索引|初始|搭建|启动(?:经费|资金|费用)?|采购|初期|初回|導入|一括|一回限り|一回だけ|"
    r"일회성|초기|구축|도입|jednorazow|wdrożeni\w*|\bna start\b|uruchomieni\w*|engångs\w*|uppsättning\w*|"
    r"införande\w*|eenmalig|\bopzet\b|aanschaf\w*|tek seferlik|kurulum\w*|başlangıç\w*|единоразов|разов|"
    r"внедрени\w*|запуск\w*|закупк\w*|\bek baar\b|\bshuru\b|एक बार|सेटअप|शुरुआत|"  # (Devanagari: s15-c)
    r"\bfor (?:the )?(?:indexing|embedding|backfill|ingestion)(?: job| run)?\b|\bune (?:seule )?fois\b|"
    r"\buna (?:sola )?vez\b|\buna (?:sola )?volta\b|\buma (?:única )?vez\b|\beinmal\b|"
    # s15-c: to build or set the system up, in words of other languages ("15.000 € ... para montarlo", "pour le
    # mettre en place", "para construir", "per costruirlo", "um es aufzubauen", "to get it built")
    r"\bpara (?:montar|construir|implantar|implementar|armar|levantar)\w*|\bpour (?:le |la |l')?(?:monter|"
    r"construire|mettre en place|lancer)\b|\bper (?:costruir|realizzar|avviar)\w*|\bum (?:es |ihn |sie )?"
    r"(?:aufzubauen|einzurichten|aufzusetzen)\b|\bto get (?:it|this|the \w+) (?:built|set up|going|up and running)\b")
_CLAUSE_END = re.compile(r"[,;!?。，；、]|\.\s|\bthen\b|\bafter that\b|\bafterwards\b|\bdanach\b|\bpuis\b|\bluego\b|"
                         r"\bpoi\b|\bdepois\b|\bdaarna\b|\bpotem\b|\bsedan\b|\bsonra\b|\bпотом\b|\bfir\b|"
                         r"之后|然后|后续|以后|此后|その後|이후")
# A period said of a sum ("a month", "每月"), as the quantity reader's ``PERIODS`` name it; passed in to avoid a cycle.
_NO_PERIOD: tuple[re.Pattern[str], ...] = ()


_TAIL_SUBJECT = re.compile(r"^\s*(?:but|though|although|and)?\s*(?:that|it|this)?(?:'s|\s+is|\s+was|\s+would be)?\s+")
_HEDGES = re.compile(r"\b(?:about|around|roughly|approx\w*|maybe|perhaps|probably|some|up to|at most|max|like|"
                     r"say|call it|is|it'?s|that'?s)\b|大概|大约|约|差不多|可能|也许|最多|[~≈$€£¥₹]")


def one_off_named(text: str) -> bool:
    """``text`` calls a sum one-off (set-up, "einmalig", "一次性", "pago único" ...)."""
    return bool(_ONE_OFF.search(text))


def one_off(before: str, after: str, periods: tuple[re.Pattern[str], ...] = _NO_PERIOD) -> bool:
    """Whether a sum of money between ``before`` and ``after`` (its clause's text) is paid once.

    The sum's own words after it decide first ("$10k one-time", "200万円、その後は月10万円": each its own); a
    trailing qualifier without figures is still the sum's ("capex up to €25k, one-off", "R$ 50 mil para a
    implantação, pagamento único"); before it, the nearer of a one-off word and a period wins ("$2,500/mo recurring
    plus a $10k one-time": the "/mo" is the first sum's).
    """
    parts = _CLAUSE_END.split(after)
    own_after = re.split(r"\d", parts[0])[0]  # up to the next figure ("50k SEK for the setup and 3k SEK monthly")
    tail = next((p for p in parts[1:3] if p.strip()), "")
    tail = _TAIL_SUBJECT.sub("", tail)  # "..., but that's one-off for setup": the qualifier, not its subject (s9-e)
    tail = "" if re.search(r"\d", tail) or len(tail.split()) > 4 or len(tail) > 25 else tail
    if any(rx.search(own_after) for rx in periods):
        return False
    if _ONE_OFF.search(own_after):
        return True
    clauses = _CLAUSE_END.split(before)
    own_before = clauses[-1]
    if len(clauses) > 1 and not _HEDGES.sub("", own_before).strip() and not re.search(r"\d", clauses[-2]):
        own_before = clauses[-2]  # "一次性的索引费用另外算，大概2万美金": the sum's subject is the clause before
    last_one_off = max((m.end() for m in _ONE_OFF.finditer(own_before)), default=-1)
    last_period = max((m.end() for rx in periods for m in rx.finditer(own_before)), default=-1)
    if last_one_off >= 0 or last_period >= 0:
        return last_one_off > last_period
    return bool(_ONE_OFF.search(tail) and not any(rx.search(tail) for rx in periods))


_PEAK_HOUR = re.compile(r"\b(?:busiest|peak|rush|heaviest|top)\s+hours?\b|\bpeak\s+hour|\bat (?:the )?peak\b|"
                        r"最忙的?|最繁忙的?|一番忙しい|가장 바쁜|"
                        r"spitzenstunde|heure de pointe|hora (?:pico|punta|de pico|de ponta)|ora di punta|"
                        r"高峰(?:时|期|小时)?|ピーク(?:時)?|피크\s*(?:시간|때)?")
_HOUR = re.compile(r"\bhours?\b|\bhourly\b|\bheure\b|\bstunde\b|\bhora\b|\bora\b|\buur\b|\bgodzin\w*|\btimme\b|"
                   r"\bsaat\b|\bчас\w*|小时|時間|시간")


# Words that are the busiest hour by themselves: "piekuur", "rusningstimmen", "godzina szczytu", "час пик"
_PEAK_HOUR_WORD = re.compile(r"piekuur|spitsuur|rusningstimm\w*|topptimm\w*|spitzenstunde|godzin\w* szczytu|час\w* пик|"
                             r"yoğun saat\w*|horário de pico|hora (?:pico|punta)|ora di punta|heure de pointe")


def peak_hour(clause: str) -> bool:
    """Whether ``clause`` gives a count in the busiest hour ("the busiest hour had 5,000 queries")."""
    return bool(_PEAK_HOUR_WORD.search(clause) or (_PEAK_HOUR.search(clause) and _HOUR.search(clause)))


_WEEKDAYS = re.compile(r"\bweekdays?\b|\bwork(?:ing)?\s*days?\b|\bbusiness days?\b|"
                       # weekends off: "（土日休み）", "周末休息", "주말 제외", "closed on weekends"
                       r"土日(?:祝)?(?:は)?(?:休み|休業|除く)|週末(?:は)?休み|周末(?:休息|不上班|除外|不算)|"
                       r"주말\s*(?:제외|빼고|휴무)|\b(?:closed|off) (?:on )?weekends\b|\bweekends off\b|"
                       r"\b(?:except|not on|no) weekends\b|außer am wochenende|sauf le week-end|"
                       r"excepto (?:los )?fines de semana|tranne (?:il|nel) weekend|"
                       r"\bmon(?:day)?\s*(?:to|-|–|through)\s*fri(?:day)?\b|\boffice hours\b|\bbusiness hours\b|"
                       r"\bworking hours\b|werktags|wochentags|"
                       r"arbeitstage?n?\b|werktage?n?\b|"  # s16-a: "nur an Arbeitstagen"
                       r"montag bis freitag|\bmo\s*-\s*fr\b|en semaine|jours ouvr|du lundi au vendredi|"
                       r"lunes a viernes|d[ií]as (?:laborables|h[áa]biles)|entre semana|giorni (?:feriali|lavorativi)|"
                       r"dal luned[iì] al venerd[iì]|dias [úu]teis|segunda a sexta|平日|工作日|营业日|周一到周五|평일|"
                       r"werkdagen|dni robocze|vardagar|hafta ?içi|будн|pazartesi\s*(?:-|–|ile|den)?\s*cuma\w*|"
                       r"senin\s*(?:-|–|sampai|hingga|s/d)\s*jumat|hari kerja|सोमवार से शुक्रवार|"
                       # office hours named in each language ("Geschäftszeiten", "heures de bureau", "業務時間")
                       r"geschäftszeit|bürozeit|arbeitszeit|heures de bureau|heures ouvr|horario (?:de oficina|laboral|"
                       r"comercial)|horário (?:comercial|de expediente|de trabalho)|orario (?:d'ufficio|lavorativo|di "
                       r"lavoro)|kantoortijd|kantooruren|werktijd|godzin\w* prac|kontorstid|arbetstid|mesai|"
                       r"рабоч\w+ (?:время|час\w*|дн\w*)|業務時間|営業時間|勤務時間|就業時間|"
                       r"工作时间|上班时间|营业时间|办公时间|工作時間|上班時間|營業時間|辦公時間|返工時間|"
                       r"업무\s*시간|근무\s*시간|영업\s*시간|ऑफिस (?:टाइम|के समय|आवर्स)|काम के (?:घंटों|समय)|"
                       r"jam (?:kerja|kantor)|"
                       # s13-a: a working week named by its first and last day in the other languages, the Gulf's
                       # Sunday to Thursday included ("من الأحد إلى الخميس", "thứ Hai đến thứ Sáu", "с понедельника по
                       # пятницу", "od poniedziałku do piątku", "maandag t/m vrijdag", "monday se friday")
                       r"\bsun(?:day)?\s*(?:to|-|–|through)\s*thu(?:rs(?:day)?)?\b|"
                       r"(?:من )?(?:ال)?أحد (?:إلى|الى|حتى|لـ?) ?(?:ال)?خميس|"
                       r"(?:من )?(?:ال)?اثنين (?:إلى|الى|حتى) (?:ال)?جمعة|أيام (?:ال)?عمل|أيام (?:ال)?دوام|"
                       r"thứ (?:hai|2) (?:đến|tới|-) thứ (?:sáu|6|bảy|7)|ngày làm việc|"
                       r"с понедельника по пятницу|od poniedziałku do piątku|\bpon(?:\.|iedziałek)?\s*-\s*pt\b|"
                       r"maandag (?:t/m|tot en met|tot) vrijdag|\bma\s*(?:-|t/m)\s*vr\b|monday se friday|"
                       r"somvar se shukravar")
_HOURS_SPAN = re.compile(r"(?<![\d.,:])(\d{1,2})(?::00)?\s*(am|a\.m\.|h|uhr)?\s*"
                         r"(?:to|-|–|until|till|bis|à|a|al|alle|each|às|ás|tot|do|till kl\.?|до)\s*"
                         r"(\d{1,2})(?::00)?\s*"
                         r"(pm|p\.m\.|h|uhr|uur)?(?![\d]|[.,:]\d|%)")
# "between 9am and 5pm", "from 8 and 6pm": an hour span joined by "and" only with a pm hour ("5 and 10 searches" is not)
_HOURS_BETWEEN = re.compile(r"\b(?:between|from)\s+(\d{1,2})(?::00)?\s*(am|a\.m\.)?\s*(?:and|to|until|till|-|–)\s*"
                            r"(\d{1,2})(?::00)?\s*(pm|p\.m\.)")
_HOURS_A_DAY = re.compile(r"(?<![\d.])(\d{1,2})\s*(?:hours?|h|stunden|heures|horas|ore)\s*(?:a|per|each|every|/|"
                          r"am|pro|par|al|por|al giorno)\s*(?:working\s+|work\s+)?(?:day|tag|jour|d[ií]a|giorno|dia)\b")
_HOURLY = re.compile(r"\b(?:an|per|each|every|a|/)\s*hour\b|\bhourly\b|\bper hour\b|每小时|每小時|一小时|/小时|毎時")


_COUNTED_AFTER = re.compile(r"^\s*(?:[a-z]+\s+)?(?:quer|search|request|lookup|times\b|question|call|ticket|"
                            r"consult|zapyt|запрос|次|回|件|건|번)")
_CJK_HOURS = re.compile(r"(\d{1,2})\s*(?:時|点|시)\s*(?:から|到|至|~|〜|-|–|부터)\s*"
                        r"(?:晚上|下午|傍晚|午後|오후|저녁)?\s*(\d{1,2})\s*(?:時|点|시)")


def office_hours(text: str) -> tuple[str, float | None]:
    """``text`` with an office-hours span ("9 to 5", "8am-6pm", "8 hours a day") blanked, and its hours a day.

    Only a span next to a weekday or office-hours word counts ("9 to 5 on weekdays"), so "5-10 searches" stays a range.
    """
    for match in [*_HOURS_SPAN.finditer(text), *_HOURS_BETWEEN.finditer(text)]:
        start, end = int(match.group(1)), int(match.group(3))
        window = text[max(0, match.start() - 40):match.end() + 40]
        clock = (match.group(2) or match.group(4) or "").strip(".") in ("am", "pm", "a.m", "p.m", "h", "uhr", "uur")
        if not (_WEEKDAYS.search(window) or clock) or not (0 <= start <= 23 and 0 <= end <= 24) or (
                not clock and _COUNTED_AFTER.match(text[match.end():match.end() + 30])):
            continue  # "5-10 searches" is a range; "von 8 bis 20 Uhr", "9 to 5 on weekdays" are hours of the day
            # ("each does 15-20 queries per working day": a range of queries, not the hours 15 to 20)
        if end <= start and (match.group(4) or "").startswith("p") or end < start:
            end += 12  # "9 to 5", "8am-6pm"
        hours = end - start
        if 4 <= hours <= 16:
            return text[:match.start()] + " " * (match.end() - match.start()) + text[match.end():], float(hours)
    if not _WEEKDAYS.search(text):
        return text, None
    cjk = _CJK_HOURS.search(text)
    if cjk:
        start, end = int(cjk.group(1)), int(cjk.group(2))
        hours = end - start if end > start else end + 12 - start
        if 4 <= hours <= 16:
            return text[:cjk.start()] + " " * (cjk.end() - cjk.start()) + text[cjk.end():], float(hours)
    hours_match = _HOURS_A_DAY.search(text)
    if hours_match and 1 <= int(hours_match.group(1)) <= 24:
        start, end = hours_match.span()
        return text[:start] + " " * (end - start) + text[end:], float(hours_match.group(1))
    return text, None


def in_hours_span(text: str, start: int, end: int) -> bool:
    """Whether the figure at ``text[start:end]`` is an hour of an office-hours span ("9 to 6", "8–17 Uhr")."""
    for rx, last in ((_HOURS_SPAN, 3), (_HOURS_BETWEEN, 3), (_CJK_HOURS, 2)):
        for m in rx.finditer(text):
            first, second = int(m.group(1)), int(m.group(last))
            hours = second - first if second > first else second + 12 - first  # "9 to 6"
            if m.start() <= start and end <= m.end() and 4 <= hours <= 16 and \
                    _WEEKDAYS.search(text[max(0, m.start() - 40):m.end() + 40]):
                return True
    return False


_OFFICE_WORDS = re.compile(r"\b(?:office|business|working|work) hours\b|geschäftszeit|bürozeit|arbeitszeit|"
                           r"heures (?:de bureau|ouvr)|horario (?:de oficina|laboral|comercial)|"
                           r"horário (?:comercial|de expediente|de trabalho)|orario (?:d'ufficio|lavorativo|di lavoro)|"
                           r"kantooruren|kantoortijd|"
                           r"godzin\w* prac|kontorstid|arbetstid|mesai saat|рабоч\w+ врем|業務時間|営業時間|勤務時間|"
                           r"工作时间|上班时间|营业时间|办公时间|工作時間|上班時間|營業時間|辦公時間|返工時間|"
                           r"업무\s*시간|근무\s*시간|영업\s*시간|ऑफिस (?:टाइम|के समय|आवर्स)|काम के (?:घंटों|समय)|"
                           r"jam (?:kerja|kantor)")
OFFICE_HOURS_A_DAY = 8.0  # "during office hours" with no hours given


def office_hours_named(text: str) -> bool:
    """Whether ``text`` limits the use to office hours without giving them ("90 an hour during office hours")."""
    return bool(_OFFICE_WORDS.search(text))


def hourly(text: str) -> bool:
    """Whether ``text`` names a rate per hour."""
    return bool(_HOURLY.search(text))


_PER_MINUTE = re.compile(r"\b(?:a|per|each|every)\s+min(?:ute)?\b|/\s*min\b|每分钟|每分鐘|毎分|"
                         r"1分(?:あたり|当たり|間|に)|분당")


def per_minute(text: str) -> bool:
    """Whether ``text`` names a rate per minute ("10 queries a minute during business hours")."""
    return bool(_PER_MINUTE.search(text))


_PER_SECOND = re.compile(r"\bqps\b|\brps\b|\b(?:a|per|each|every)\s+sec(?:ond)?\b|/\s*s(?:ec)?\b|每秒|毎秒|초당")


def per_second(text: str) -> bool:
    """Whether ``text`` names a rate per second ("50 qps sustained during business hours")."""
    return bool(_PER_SECOND.search(text))


# Use around the clock: a rate per hour is then x 720, even when people are counted ("24/7", "round the clock")
_AROUND_THE_CLOCK = re.compile(r"24\s*/\s*7|24\s*(?:hours|h|小时|小時|時間|시간)|round[\s\-]the[\s\-]clock|"
                               r"around the clock|day and night|rund um die uhr|jour et nuit|día y noche|dia e noite|"
                               r"giorno e notte|dag en nacht|całą dobę|круглосуточно|7/24|全天|昼夜|24시간|shifts?\b|"
                               r"schicht\w*|équipes?\b|turnos?\b|turni\b|dienst\w*|zmian\w*|смен\w*|vardiya\w*|轮班|三班|"
                               r"シフト|교대")


def around_the_clock(text: str) -> bool:
    """Whether ``text`` says the use goes on around the clock or in shifts ("it's up 24/7", "3 shifts")."""
    return bool(_AROUND_THE_CLOCK.search(text))


def weekdays_only(text: str) -> bool:
    """Whether ``text`` says the use is on working days only ("on weekdays", "Mo-Fr", "平日")."""
    return bool(_WEEKDAYS.search(text))


_SHARE_WORDS = {"half": 1 / 2, "a third": 1 / 3, "one third": 1 / 3, "a quarter": 1 / 4, "one quarter": 1 / 4,
                "two thirds": 2 / 3, "three quarters": 3 / 4, "a fifth": 1 / 5, "a tenth": 1 / 10,
                # German, French, Spanish, Italian, Portuguese, Chinese, Japanese, Korean
                "ein drittel": 1 / 3, "ein viertel": 1 / 4, "die hälfte": 1 / 2, "zwei drittel": 2 / 3,
                "un tiers": 1 / 3, "un quart": 1 / 4, "la moitié": 1 / 2, "deux tiers": 2 / 3, "un tercio": 1 / 3,
                "un cuarto": 1 / 4, "la mitad": 1 / 2, "dos tercios": 2 / 3, "un terzo": 1 / 3, "un quarto": 1 / 4,
                "la metà": 1 / 2, "due terzi": 2 / 3, "um terço": 1 / 3, "um quarto": 1 / 4, "a metade": 1 / 2,
                "metade": 1 / 2, "dois terços": 2 / 3, "三分之一": 1 / 3, "四分之一": 1 / 4, "一半": 1 / 2,
                "三分之二": 2 / 3, "3分の1": 1 / 3, "4分の1": 1 / 4, "半分": 1 / 2, "3분의 1": 1 / 3, "4분의 1": 1 / 4,
                "절반": 1 / 2}
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10, "a": 1}
_ONE_IN = re.compile(r"\b(\d{1,2}|one|two|a)\s+(?:in|out of)\s+(\d{1,3}|two|three|four|five|six|ten)\b")
_SHARE_ACTIVE = re.compile(
    r"(\d{1,3}(?:\.\d{1,2})?\s*%|half|a third|one third|a quarter|one quarter|two thirds|three quarters|a fifth|"
    r"a tenth)\s+(?:of (?:them|those|these|us|the\s+\w+)\s+)?(?:are |is |would be |will be |would |will |might |"
    r"actually |really |regularly |probably )*(?:active|use|using|log in|search|query|are users|daily|"
    # s14-c: the share said as adoption ("1,100 staff, we expect ~30% adoption", "a 40% uptake")
    r"adoption|adopt|uptake|take-?up)")
# The same share in other word orders and languages: "davon nutzt etwa ein Drittel", "dont un quart l'utiliseraient",
# "la mitad lo usaría", "大概三分之一会用": a share word and a verb of using in the same clause.
_SHARE_OTHER = re.compile("|".join(re.escape(w) for w in sorted(_SHARE_WORDS, key=len, reverse=True)) +
                          r"|\d{1,3}(?:\.\d{1,2})?\s*%")
_USE_VERB = re.compile(r"\b(?:use|uses|using|used|active|nutz\w*|benutz\w*|verwend\w*|aktiv\w*|utilis\w*|"
                       r"l'utilis\w*|actifs?|usar\w*|usa\w*|usan|utiliz\w*|activos?|us[ae]rebbe\w*|usano|"
                       r"attivi|usam|usaria\w*|ativos?|adop\w+|adoç\w+|adozion\w*|adoptie|akzeptanz)\b|会用|使用|在用|活跃|利用|使|사용|쓰|導入率|普及率|采用率|도입률")


def active_share(after_people: str) -> float | None:
    """The share of the people counted before ``after_people`` who use the system ("but only 1 in 3 active")."""
    window = re.split(r"\.\s|[!?。]", after_people[:90])[0]  # "4,000 staff; maybe a quarter would use it"
    one_in = _ONE_IN.search(window)
    if one_in:
        part, whole = (float(_SMALL.get(g, 0) or g) for g in one_in.groups())
        return part / whole if 0 < part < whole else None
    share = _SHARE_ACTIVE.search(window)
    word = share.group(1) if share else None
    if word is None:
        clause = re.split(r"[,;，；]\s*(?:each|every|per)\b|[,;，；]\s*每", window)[0]  # "..., each 4 a day"
        other = _SHARE_OTHER.search(clause)
        word = other.group() if other and _USE_VERB.search(clause) else None
    if word is None:
        return None
    value = _SHARE_WORDS[word] if word in _SHARE_WORDS else float(word.rstrip("% ")) / 100
    return value if 0 < value < 1 else None


_NON_COMMERCIAL = (r"(?:non|not|no|nicht|niet|nie|icke|ej)[\s\-]*(?:commercial|commerciale?s?|comercial(?:es)?|"
                   r"kommerziell\w*|comerciais|commerciali|comerciales|commercieel|komercyjn\w*|kommersiell\w*)|"
                   r"niekomercyjn\w*|ticari olmayan|"
                   r"некоммерческ\w*|некомерційн\w*|非\s*(?:commercial(?: use)?|商用|商业|営利)|"
                   r"비\s*(?:상업\w*|commercial(?: use)?)|research[\s\-]only(?= licen)|"
                   r"academic(?:[\s\-]only)?(?= licen)|non[\s\-]?profit only|"
                   r"cc[\s\-]?by[\s\-]?nc\w*(?:[\s\-]?(?:sa|nd))?(?:[\s\-]?\d\.\d)?|\bnc licen[cs]es?")
_REJECTED_AFTER = re.compile(
    rf"(?:{_NON_COMMERCIAL})[^.;!。]{{0,50}}?(?:out of the question|not (?:an )?option|no[\s\-]?go|not allowed|"
    r"not acceptable|unacceptable|excluded|ruled out|won'?t work|(?:does|do|would|will) not work|can'?t|cannot|"
    r"not possible|not in frage|ausgeschlossen|not erlaubt|not akzeptabel|kommen? not|geht not|gehen not|exclu|"
    r"pas possible|pas acceptable|interdit|no (?:nos |nous )?sirven|no sirven|descartad|no (?:son|es) (?:una )?opci|"
    r"no (?:nos )?valen|non vanno bene|non va bene|esclus|non (?:sono )?accettabil|fora de quest|n[ãa]o servem|"
    r"n[ãa]o (?:s[ãa]o|é) opç|exclu[íi]d|不能|不行|不可以|不考虑|排除|使えません|使えない|不可|ダメ|だめ|"
    r"안\s*됩|안\s*돼|사용할 수 없|쓸 수 없|nie wchodz|wykluczon|nie możemy|uteslut|inte aktuell|går inte|"
    r"uitgesloten|niet mogelijk|geen optie|olmaz|kullanamay|söz konusu değil|исключен|не подход|нельзя|не можем|"
    r"(?:können|dürfen) wir not|not (?:nutzen|verwenden|einsetzen)|on ne peut pas|ne peut pas|no podemos|"
    r"non? possiamo|não podemos|nie możemy|kan vi inte|kunnen we niet)")
_REJECTED_BEFORE = re.compile(
    rf"(?:can'?t|cannot|must not|mustn'?t|won'?t|shouldn'?t|not allowed to|are not able to|aren'?t able to)\s+"
    rf"(?:use|accept|take|deploy|ship)\b[^.;!?]{{0,40}}?(?:{_NON_COMMERCIAL})|"
    rf"\bno\s+(?:{_NON_COMMERCIAL})\s+(?:licen[cs]es?|models?|weights)|"
    rf"(?:no podemos|non? possiamo|não podemos|on ne peut pas|nie możemy|wir können keine?)\s+(?:usar|utilizar|usare|"
    rf"utiliser|używać|nutzen|verwenden)?\b[^.;!?]{{0,40}}?(?:{_NON_COMMERCIAL})|"
    rf"(?:不能|不可以|不允许|不得)(?:用|使用|采用)?\s*(?:{_NON_COMMERCIAL})")


# Restrictive licences (non-commercial, copyleft) banned, or permissive ones demanded, in words of any language
# (s4-a): "nothing GPL or non-commercial, legal will kill it", "compliance said no to anything under CC-BY-NC",
# "we can't use anything AGPL", "nichts mit GPL-Lizenz", "it must be MIT or Apache", "nur Apache- oder MIT-Lizenz"
_RESTRICTIVE = (rf"(?:{_NON_COMMERCIAL}|(?<![a-z])a?gpl(?:[\s\-]?v?\d(?:\.\d)?)?(?![a-z])|copyleft|"
                rf"(?<![a-z])sspl(?![a-z]))")
_BANNED = re.compile(
    rf"\b(?:nothing|nichts|rien|nada|niente|niets|nic|inget|hiçbir|ничего|no)\b(?:\s+[\w\-]+){{0,3}}?\s+{_RESTRICTIVE}|"
    # s8-f: "no GPL" in every language ("pas de GPL", glossed "not de gpl"; "geen GPL", "kein GPL", "sin GPL",
    # "żadnego GPL", "ingen GPL", "без GPL", "жодного GPL", "GPL olmasın", "GPL nahi")
    rf"(?:\bnot d(?:e |')|\bpas d(?:e |')|\b(?:kein\w*|geen|sin|sem|senza|żadn\w*|ingen|inga)\s+|"
    rf"(?<![а-яіїє])(?:без|никак\w*|жодн\w*)\s+){_RESTRICTIVE}|"
    rf"{_RESTRICTIVE}\s*(?:olmasın|olmamalı|yok|nahi|nahin|не (?:подходит|годится|можна|можно|підходить))|"
    rf"\b(?:kill|reject|block|veto|ban|refuse|forbid|exclude)s?\b[^.;!?]{{0,25}}?{_RESTRICTIVE}|"
    rf"\b(?:won'?t|will not|doesn'?t|does not|don'?t|do not|can'?t|cannot|never) (?:accept|allow|approve|use|ship)\b"
    rf"[^.;!?]{{0,30}}?{_RESTRICTIVE}|\b(?:said|says|say) no to\b[^.;!?]{{0,25}}?{_RESTRICTIVE}|"
    rf"{_RESTRICTIVE}[^.;!?]{{0,30}}?\b(?:is|are) (?:banned|forbidden|off[\s\-]limits|a no[\s\-]go|not allowed)|"
    rf"(?:不能|不可以|不允许|禁止)(?:用|使用)?[^,，。]{{0,10}}?{_RESTRICTIVE}")
_PERMISSIVE = (r"(?:apache(?:[\s\-]?2(?:\.0)?)?|\bbsd\b|permissiv\w*|mit[\s\-]*(?:licen\w*|lizenz\w*|licencia|"
               r"licença|licenza|licentie)|(?<=apache)[^.;]{0,12}\bmit\b|\bmit\b(?=[^.;]{0,12}(?:apache|bsd)))")
_DEMANDED = re.compile(
    rf"\b(?:must be|has to be|have to be|needs? to be|only|nur|solo|seulement|uniquement|apenas|solamente|tylko|"
    rf"bara|sadece|только|alleen|uitsluitend|enkel|endast|yalnızca|sirf|sólo|somente|soltanto|esclusivamente|"
    rf"ausschließlich|exclusivement|wyłącznie|лише|тільки|исключительно|виключно)(?![\w])[^.;!?]{{0,40}}?{_PERMISSIVE}|(?:只能|只)(?:用|使用)?[^,，。]{{0,10}}?{_PERMISSIVE}|"
    rf"{_PERMISSIVE}[^.;!?]{{0,25}}?\b(?:only|nur|seulement|solamente)\b")


def licence_rejected(text: str) -> bool:
    """Whether ``text`` rules out non-commercial (or copyleft) licences, or demands permissive ones: commercial use."""
    return bool(_REJECTED_AFTER.search(text) or _REJECTED_BEFORE.search(text) or _BANNED.search(text)
                or _DEMANDED.search(text))


_FIRST_INDEXING = re.compile(
    # s13-a: everything held indexed at once ("the whole back catalogue has to be indexed"), "primer indexado",
    # "index lần đầu", "indexing awal"
    r"\b(?:whole|entire|full) (?:back[\s\-]?catalog(?:ue)?|archive|corpus|backlog|collection)\b[^.;]{0,30}?"
    r"\bindex(?:ed|ing)\b|\bprimer indexado\b|\bindex(?:ing)? lần đầu\b|\bindexing awal\b|"
    r"\bbackfill\b|\binitial (?:indexing|index|load|embedding|ingest\w*|run)\b|\bfirst (?:indexing|index|load|"
    r"embedding|run|full (?:index|run))\b|\bre-?index(?:ing)? (?:of )?everything\b|\bindex(?:ing)? everything\b|"
    r"\bembed(?:ding)? everything\b|erstindizierung|erste indizierung|indexation initiale|première indexation|"
    r"indexación inicial|primera indexación|indicizzazione iniziale|prima indicizzazione|indexação inicial|"
    r"首次索引|首次建索引|初回(?:の)?インデックス|初期インデックス|초기 인덱싱|최초 인덱싱|"
    r"(?:首次|初次|第一次|首批)(?:入库|导入|灌库|全量(?:导入|入库|索引)?)|全量(?:导入|入库|索引)|"
    r"(?:首次|初回の?|初期の?|초기|최초)\s*(?:indexing|索引|建索引|インデックス|인덱싱)|"
    r"(?:первичн|начальн|перв)\w* (?:индексаци|индексирован)\w*|"
    r"(?:первинн|початков|перш)\w* (?:індексаці|індексуванн)\w*|"
    # s5-e (issue 17): the first indexing in the other languages of the lexicon
    r"\bindex\w* (?:\w+ ){0,4}(?:the first time|initially|up front)\b|第一次(?:建)?索引|初次(?:建)?索引|首次建库|"
    # s13-b: everything indexed by a deadline ("we need the whole thing indexed by the weekend so like 3 days max",
    # "alles indiziert bis Freitag", "tout indexé en 3 jours", "todo indexado", "tudo indexado")
    r"\b(?:everything|the whole thing|it all|all of it|the (?:whole|entire|full) (?:corpus|archive|collection|"
    r"backlog|set))\s+(?:\w+\s+)?indexed\b|\balles (?:\w+ )?indiziert\b|\btout (?:\w+ )?index[ée]\b|"
    r"\btodo (?:\w+ )?indexado\b|\btudo (?:\w+ )?indexado\b|"
    r"\b(?:eerste|initiële) indexering\b|\b(?:pierwsze|początkowe|wstępne) indeksowanie\b|"
    r"\b(?:första|initiala) indexeringen\b|\bilk indeksleme\w*|\bpehli (?:baar )?(?:ki )?indexing\b|"
    r"\bprimeira indexa[çc][ãa]o\b|\bindexa[çc][ãa]o inicial\b|\bindex(?:ing|ation)? (?:of )?the (?:whole )?backlog\b|"
    r"\bfirst pass\b|\bfull (?:re-?)?index\w*|\bfinish(?:ed)? indexing\b|\bindexed within\b|最初の?\s*(?:indexing|"
    r"インデックス)|\binitiale[n]? indexierung\b|\binitial(?:e|en)? (?:import|indexering)\b|"
    r"\b(?:erste[rn]?|initiale[rn]?) (?:index|indexierungs|indizierungs)?lauf\b|\b(?:erste|initiale) indexierung\b|"
    r"\berst-?(?:indexierung|indizierung|befüllung|import)\b|"
    # s15-b: all of it to index ("index all the data within 3 days", "index semua dokumen dalam 3 hari", "index toàn
    # bộ dữ liệu trong 3 ngày", "zaindeksować wszystko", "alles indexeren binnen", "indexera allt")
    r"\b(?:re-?)?index(?:ing)? (?:all|the whole|the entire|everything|semua|seluruh|toàn bộ|tất cả)\b|"
    r"\bindeks\w* (?:semua|seluruh)\b|\bzaindeksowa\w* (?:wszystk\w*|cał\w*)|\balles (?:te )?indexeren\b|"
    r"\bindexera (?:allt|alla|hela)\b")
# "在3天内", "2日以内", "3일 이내", "하루 안에" (glossed "per day 안에"): a count of days before its "within"
_DAYS_SUFFIX = re.compile(r"(\d{1,3}(?:\.\d)?)\s*(天|日|일|時間|小时|시간|週間|周|days?|hours?)\s*"
                          r"(?:之内|以内|内|within|안에|이내|만에)|"
                          r"(?:하루|per day|一天|一日)\s*(?:之内|以内|内|within|안에|이내|만에)")
_DAYS_LIMIT = re.compile(
    r"(?:within|in|under|at most|max(?:imum)?\.?|no more than|(?:longer|more) than|over|innerhalb von|in|en|dans|entro|"
    r"más de|plus de|mehr als|più di|mais de|maximal|höchstens|hooguit|maximaal|högst|maks\.?|maksimalt|højst|"
    r"em|内|за|в течение|в|dalam|trong|w ciągu|binnen|inom|içinde)\s*"
    r"(?:a |the )?(?:about |~)?(\d{1,3}(?:\.\d)?|a|one|two|three|eine[rn]?|ein|een|ett|én|et)\s*"
    r"(days?|hours?|h|weeks?|tagen?|stunden|wochen?|weken|dagen|uur|vecka|veckor|dagar|timmar|uke[nr]?|uger?|dage|"
    r"jours?|heures|semaines?|d[ií]as|horas|semanas?|giorni|ore|settimane|天|小时|周|日|時間|週間|"
    r"дн(?:я|ей)|день|час(?:а|ов)?|недел[июь]|hari|ngày|dni|gün|tygodni\w*|minggu|tuần)\b|"
    r"(\d{1,3}(?:\.\d)?|one|two|three)\s*(days?|hours?|weeks?)\s*(?:max(?:imum)?|at most|tops)\b|"
    r"\bover a weekend\b|\bover the weekend\b|\bovernight\b|übers wochenende|über nacht|"
    # s13-a: "over a single weekend", "within one weekend", "en un fin de semana", "in un weekend", "trong một cuối
    # tuần", "dalam satu akhir pekan", "خلال عطلة نهاية أسبوع"
    r"\b(?:over|within|in) (?:a|one|the) (?:single )?weekend\b|\ben un (?:solo )?fin de semana\b|"
    r"\bin un (?:solo )?(?:weekend|fine settimana)\b|\btrong (?:một|1) (?:dịp )?cuối tuần\b|"
    r"\bdalam (?:satu|1|se)?\s?akhir pekan\b|\bsatu akhir pekan\b|خلال (?:عطلة )?نهاية (?:ال)?أسبوع|"
    # lead s12: "an einem Wochenende durch", "in een weekend", "över en helg", "w jeden weekend", "bir hafta sonunda"
    r"\b(?:an|in) einem wochenende\b|\b(?:in|binnen) (?:een|één) weekend\b|\b(?:över|på|under) en helg\b|"
    r"\bw (?:jeden |jeden )?weekend\b|\bbir hafta ?sonunda\b|\bза (?:одни )?выходные\b")
_ONE_WORD = {"eine": 1, "einer": 1, "einen": 1, "ein": 1, "een": 1, "ett": 1, "én": 1, "et": 1}  # "max. eine Woche"
_UNIT_DAYS = {"weken": 7, "vecka": 7, "veckor": 7, "uke": 7, "uken": 7, "uker": 7, "uge": 7, "uger": 7,
              "uur": 1 / 24, "timmar": 1 / 24,
              "h": 1 / 24, "hour": 1 / 24, "hours": 1 / 24, "stunden": 1 / 24, "heures": 1 / 24, "horas": 1 / 24,
              "ore": 1 / 24, "小时": 1 / 24, "時間": 1 / 24, "시간": 1 / 24, "주": 7, "week": 7, "weeks": 7,
              "woche": 7, "wochen": 7, "час": 1 / 24, "часа": 1 / 24, "часов": 1 / 24, "недели": 7, "неделю": 7,
              "недель": 7,
              "semaine": 7, "semaines": 7, "semana": 7, "semanas": 7, "settimane": 7, "周": 7, "週間": 7,
              "tygodni": 7, "tygodnie": 7, "tygodnia": 7, "minggu": 7, "tuần": 7}


# "can take a week", "darf eine Woche dauern", "może trwać tydzień", "bir hafta sürebilir": a duration after a verb of
# lasting, in every language of the lexicon (number words before it are digits already, or one of these)
_ONE = (r"a|an|one|eine[n]?|ein|une?|una?|uno|uma|um|een|één|ett|en|jeden|jedną|bir|ek|одн\w*|一个?|")
_FEW = (r"a few|a couple of|a couple|ein paar|einige|quelques|unos (?:pocos )?|unas|alguns|algumas|qualche|pochi|"
        r"een paar|kilka|några|birkaç|несколько|kuch|几|数")
# number words the normaliser leaves as written, in the languages of the lexicon
_WORD_NUMBERS = {2: r"two|zwei|deux|dos|dois|duas|due|twee|två|dwa|dwie|iki|две|два|двое|двоє|dwoje|двух|двох|dwóch",
                 3: _FEW + r"|three|drei|trois|tres|três|tre|drie|trzy|üç|teen|три|трое|троє|troje|трёх|трех|трьох|"
                    r"trzech",
                 4: r"four|vier|quatre|cuatro|quatro|quattro|fyra|cztery|dört|char|четыре",
                 10: r"ten|zehn|dix|diez|dez|dieci|tien|tio|dziesięć|десять"}
_UNITS = {"day": r"days?|tage?n?|jours?|d[ií]as?|giorn[oi]|dagen|dag|dni|dzień|dagar|gün|дн(?:я|ей)|день|din|天|日|일|"
               r"сут(?:ки|ок)|доб[уиа]|діб|дні|днів|dob[ęy]|dób",  # s8-d: a day of 24 hours in ru, uk, pl
          "week": r"weeks?|wochen?|semaines?|semanas?|settiman[ae]|weken|week|tygodni[ea]?|tydzień|veck(?:a|or|an)|"
                  r"hafta|hafte|недел[яюиь]|тижд(?:ень|ні|нів|ня)|周|週間|週|주일?",
          "hour": r"hours?|stunden?|heures?|horas?|ore|uur|uren|godzin\w*|timm(?:e|ar)|saat|час(?:а|ов)?|ghante|"
                  r"小时|時間|시간",
          "month": r"months?|monate?n?|mois|mes(?:es)?|mesi|maand(?:en)?|miesiąc\w*|månad(?:er)?|ay|месяц\w*|"
                   r"mahine|个月|か月|ヶ月|개월"}
_UNIT_VALUE = {"day": 1.0, "week": 7.0, "hour": 1 / 24, "month": 30.0}
_LAST = (r"(?:take|takes|taking|last|lasts|run|runs|be done (?:in|within)|finish (?:in|within)|up to|dauern|dauert|"
         r"brauchen|prendre|prend|durer|tardar|tarda|durar|levar|leva|durare|impiegare|duren|kosten|trwać|potrwać|"
         r"demorar|demora|demore|tomar|toma|llevar|lleva|richiedere|richiede|metterci|demander|"  # s6-a: pt, es, it, fr
         r"zająć|ta|tar|sürebilir|sürer|sürmesi|занять|занимать|длиться|lag|lage|lagega|hafte mein|花|用|需要|"
         # s8-d: "уложиться в двое суток", "за неделю", "w ciągu tygodnia", "протягом тижня", "займе тиждень"
         r"уложиться|укладываться|уложимся|успеть|управиться|вкластися|вкладатися|займе|тривати|в течение|"
         r"протягом|w ciągu|zmieścić się w|"
         r"かかっても|かかる|かけて|걸려도|걸리|给|可以给|能给)")
_DURATION = re.compile(
    rf"{_LAST}(?:\s+|(?<=[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]))(?:\w+\.?\s+){{0,2}}?(?:(\d{{1,3}}(?:\.\d)?)|({'|'.join(_WORD_NUMBERS.values())}|{_ONE}))\s*"
    rf"({'|'.join(_UNITS.values())})(?![a-zà-ÿ])|"
    rf"(?:(\d{{1,3}}(?:\.\d)?)|(?<![\w])({'|'.join(_WORD_NUMBERS.values())}|{_ONE}))\s*"
    rf"({'|'.join(_UNITS.values())})(?![a-zà-ÿ])\s*"
    r"(?:時間|の時間)?(?:かかっても|かかる|かけて|걸려도|걸리|동안|mein|sürebilir|занять|时间|内|以内|之内|dauern|dauert|"
    r"duren|duurt|trwać|durar|durer|durare|levar|tardar)|"
    r"(\d{1,3}(?:\.\d)?)\s*(?:个)?(周(?!末)|天|日|週間|주(?!말)|일)")
_WEEKEND = re.compile(r"\bweekend\b|\bweek-end\b|wochenende|fin de semana|fim de semana|fine settimana|\bhelg\w*|"
                      r"hafta sonu|выходны\w*|周末|週末|주말|cuối tuần|akhir pekan|نهاية (?:ال)?أسبوع")
_NIGHT = re.compile(r"\bovernight\b|über nacht|\bla nuit\b|\bune nuit\b|durante la noche|de la noche a la mañana|"
                    r"durante a noite|\buna notte\b|\bla notte\b|in één nacht|'s nachts|przez noc|\bw nocy\b|"
                    r"över natten|under natten|gece boyunca|bir gecede|за ночь|\bночью\b|raat bhar|ek raat|一晚|一夜|"
                    r"通宵|一晩|夜間|하룻밤|밤새")


def _window_days(text: str) -> float | None:
    """The days a duration in ``text`` spans ("a week", "zwei Wochen", "tydzień", "两周", "over a weekend")."""
    match = _DURATION.search(text)
    if match:
        count, word, unit = next((match.group(i), match.group(i + 1), match.group(i + 2)) for i in (1, 4)
                                 if match.group(i + 2)) if match.group(7) is None else (match.group(7), None,
                                                                                        match.group(8))
        kind = next(k for k, rx in _UNITS.items() if re.fullmatch(rx, unit))
        said = next((n for n, rx in _WORD_NUMBERS.items() if word and re.fullmatch(rx, word)), 1)
        value = float(count) if count else float(said)
        return round(value * _UNIT_VALUE[kind], 3)
    cn = re.search(r"(?:花|用|需要|要)?\s*([一二两三四五六七八九十])\s*(?:个)?(周(?!末)|天|星期|礼拜|个月)", text)
    if cn:
        unit = {"周": 7.0, "星期": 7.0, "礼拜": 7.0, "天": 1.0, "个月": 30.0}[cn.group(2)]
        return unit * {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
                       "十": 10}[cn.group(1)]
    if _WEEKEND.search(text):
        return 2.0
    if _NIGHT.search(text):
        return 0.5
    return None


_FORTNIGHT = re.compile(r"\b(?:a|one)\s+fortnight\b|\bfortnight\b")



def sentence_of(text: str, match: re.Match[str]) -> str:
    """The sentence of ``match`` in ``text`` ("社内向けFAQ検索です。日本語のみです。": the "only" of the second)."""
    left = max((text.rfind(c, 0, match.start()) for c in ".!?。！？\n"), default=-1) + 1
    rights = [i for i in (text.find(c, match.end()) for c in ".!?。！？\n") if i >= 0]
    return text[left:min(rights, default=len(text))]

def first_indexing_days(text: str) -> float | None:
    """The days the first indexing may take, when ``text`` gives it a deadline ("backfill ... 2 days max")."""
    if not _FIRST_INDEXING.search(text):
        return None
    text = _FORTNIGHT.sub("two weeks", text)  # "within a fortnight" (UK, Australian, Indian English)
    suffix = _DAYS_SUFFIX.search(text)
    if suffix:
        count = float(suffix.group(1)) if suffix.group(1) else 1.0
        return round(count * _UNIT_DAYS.get(suffix.group(2) or "", 1.0), 3) or None
    limits = list(_DAYS_LIMIT.finditer(text))
    numeric = [m for m in limits if m.group(1) or m.group(3)]
    if numeric:
        match = numeric[-1]  # "over a weekend, 2 days max": the figure said last
        value, unit = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
        count = float({"a": 1, "one": 1, "two": 2, "three": 3}.get(value, 0) or _ONE_WORD.get(value, 0) or value)
        return round(count * _UNIT_DAYS.get(unit, 1.0), 3) or None
    if limits:
        word = limits[-1].group()
        return 0.5 if "night" in word or "nacht" in word else 2.0
    return _window_days(text)


_QUERY_SUBJECT = re.compile(r"\b(?:our |the |their |users'? |typical |average |most |le |las |los |les |die |de )*"
                            r"(?:queries|query|searches|questions|search terms|prompts)\b|"
                            # s16-a: the queries named in the other languages ("Die Suchanfragen sind kurz")
                            r"\b(?:such)?anfragen\b|\bsuchbegriffe\b|\brequêtes\b|\bconsultas\b|\bbúsquedas\b|"
                            r"\bperguntas\b|\bbuscas\b|\bdomande\b|"
                            r"\b(?:users|people|they|customers|agents) (?:usually |typically |mostly |meist |just )?"
                            r"(?:type|enter|tippen|tapent|escriben|digitano|digitam)\b|查询|检索词|搜索词|问题|"
                            r"クエリ|検索語|質問|問い合わせ|쿼리|검색어|질문")
_QUERY_WORDS = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d)?)(?:\s*(?:-|–|to|or|~|到|,)\s*(\d{1,3}))?\s*"
                          r"(words?|tokens?|characters?|chars?|个?字|文字|字|자|글자)(?![a-z])")


def _query_words(text: str) -> tuple[re.Match[str], re.Match[str]] | None:
    """The queries named and the length said of them, in one sentence and close together; None otherwise.

    ("商品検索を改善したいです。商品説明は平均200文字": the next sentence's length is a document's)
    """
    for subject in _QUERY_SUBJECT.finditer(text):  # s16-a: any of the queries named ("... 5 lakh queries a month.
        match = _QUERY_WORDS.search(text, subject.end())  # Queries are long: we paste whole claims, 200-300 words")
        if match and match.start() - subject.end() <= 40 and not re.search(
                r"[。！？!?\n]|\.\s", text[subject.end():match.start()]):
            return subject, match
    return None


_ITEM_BETWEEN = re.compile(r"documents?|docs?|items|articles?|e?-?mails?|papers?|メール|文書|문서|通|件|건|份|篇")


def query_length(text: str) -> float | None:
    """Tokens in one query when ``text`` gives the queries' length in words or tokens ("our queries are 3-4 words")."""
    found = _query_words(text)
    if not found:
        return None
    match = found[1]
    low = float(match.group(1))
    value = (low + float(match.group(2))) / 2 if match.group(2) else low
    unit = match.group(3)
    value *= 1.3 if unit.startswith("word") else 0.25 if unit.startswith("char") else 1.0  # a CJK character is a token
    between = text[found[0].end():match.start()]
    if not 1 <= value <= (600 if not _ITEM_BETWEEN.search(between) else 200):
        return None  # (s16-a: "queries are long: we paste whole claims, 200-300 words": 325 tokens; a document named
    # between, "searches ..., documents about 800k, on average 250 words", "問い合わせメール…1通あたり500字", is theirs)
    return round(value, 1)


_ROLE = re.compile(r"^(?:lawyers?|attorneys?|paralegals?|juristes|avocats|advogados|abogados|avvocati|anw[äa]lte|"
                   r"juristen|notaires|notarios|notai|physicians?|clinicians?|doctors?|nurses?|nursing|accountants|"
                   r"auditors|tax advis[eo]rs|steuerberater\w*|wirtschaftspr[üu]fer\w*|buchhalter\w*|comptables|"
                   r"experts?-comptables|contadores|contabilistas|commercialisti|律师|医生|support agents|"
                   r"journalists?|journalistes|reporters|periodistas|giornalisti|jornalistas|记者|記者|기자|"
                   r"弁護士|변호사|医師|의사|看護師|간호사|"
                   r"support (?:team|staff|engineers|reps?))$")


def role_word(word: str) -> bool:
    """Whether a domain word names the people who use the system ("lawyers", "clinicians"), not its documents."""
    return bool(_ROLE.match(word.strip()))


_MAXIMUM = re.compile(r"\b(?:under|up to|at most|max(?:imum)?|no more than|less than|below|never more than|"
                      r"höchstens|maximal|bis zu|au maximum|au plus|jusqu'à|hasta|como máximo|fino a|al massimo|"
                      r"até|no máximo|como mucho|a lo sumo|tout au plus|al più)\b|"
                      r"最多|不超过|最长|最大|以内|以下|최대|이하")
_AVERAGE = re.compile(r"\b(?:on )?average\b|\bavg\b|\btypically\b|\bmedian\b|\btypical\b|im (?:schnitt|mittel)|"
                      r"durchschnittlich|\bnormal(?:ly|mente|ement|erweise)\b|\busually\b|\bdi solito\b|\bgeralmente\b|"
                      r"\bgénéralement\b|\bmeistens\b|\bin der regel\b|"
                      r"en moyenne|de media|en promedio|in media|em média|平均|평균")
_FIGURE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d{1,7}(?:\.\d{1,3})?)(?!\d|[.,]\d)")


def average_over_maximum(text: str) -> float | None:
    """Average / maximum when ``text`` gives a maximum, then an average; None otherwise.

    "most under 400 words, call it 300 on average" gives 0.75: a length read from the maximum takes the average.
    """
    cap = _MAXIMUM.search(text)
    if not cap:
        return None
    first = _FIGURE.search(text, cap.end())
    if not first or first.start() - cap.end() > 6:
        return None
    for match in _FIGURE.finditer(text, first.end()):
        window = text[max(first.end(), match.start() - 25):match.end() + 25]
        if _AVERAGE.search(window):
            ratio = float(match.group(1).replace(",", "")) / float(first.group(1).replace(",", ""))
            return ratio if 0 < ratio < 1 else None
    return None


_DEMOTED_BEFORE = re.compile(r"(?:don'?t|do not|doesn'?t|does not|never|not|nobody|no one)\s+(?:really\s+|much\s+|"
                             r"particularly\s+)?(?:care|cares|worry|worries|bother)\s+(?:much\s+|too much\s+)?"
                             r"(?:about|with)\s+(?:the\s+)?$|(?:不在乎|不关心|不用管|不太在意)\s*$")
_DEMOTED_AFTER = re.compile(
    r"^\W{0,3}(?:[\w']+\s+){0,3}?(?:irrelevant|unimportant|not important|no concern|not a concern|not an issue|"
    r"doesn'?t (?:really )?matter|does not matter|don'?t matter|is secondary|egal|keine rolle|nebensächlich|"
    r"unwichtig|n'a (?:aucune|pas d')importance|n'importe pas|on s'en fiche|peu importe|secondaire|no importa|"
    r"da igual|no es importante|non conta|non importa|non è importante|secondaria|não importa|tanto faz|"
    r"não é importante)|"
    r"^\W{0,3}(?:是|真的|完全|根本|其实|并)?(?:不重要|无所谓|没关系|不在乎|不关键)|"
    r"^\W{0,3}(?:は|が|も)?\s*(?:気にしません|気にしない|どうでもいい|重要ではありません|重要じゃない|関係ない)|"
    r"^\W{0,3}(?:은|는|이|가)?\s*(?:상관\s*없|중요하지 않)")


def demoted(text: str, start: int, end: int) -> bool:
    """Whether the priority word at ``text[start:end]`` is waived ("we don't care about latency", "延迟完全不重要")."""
    after = re.split(r"[,;.!?，。；]|\bbut\b|\bwhile\b", text[end:end + 40])[0]  # its own clause only
    return bool(_DEMOTED_BEFORE.search(text[max(0, start - 40):start]) or _DEMOTED_AFTER.search(after))


_GIVEN_DAY = re.compile(r"\bon (?:a|any) (?:given|typical|normal|average|usual) (?:work(?:ing)? |business )?day\b|"
                        r"\bon a (?:typical|normal|usual) workday\b")


# s14-c: the usual month named as the period ("normal months ~100k, but month-end close it spikes", "in a typical
# month about 40k"): a month's figure said beside its exceptions
_GIVEN_MONTH = re.compile(r"\b(?:in )?(?:an? )?(?:normal|typical|regular|usual|average|ordinary) months?\b"
                          r"(?!\s+(?:of|and|or)\b)")


def daily_words(text: str) -> str:
    """``text`` with "on a given day" / "on a typical day" as "daily", the period the rate readers know.

    A typical month ("normal months ~100k") is "usually monthly".
    """
    return _GIVEN_MONTH.sub("usually monthly", _GIVEN_DAY.sub("daily", text))


_YEAR_BUDGET = re.compile(r"\b(?:first|1st|this|next|the)[\s\-]year(?:'s)?\b|\bfor the year\b|\bper annum\b|"
                          r"\byear(?:ly)? budget\b")


def year_budget(clause: str) -> bool:
    """Whether a sum in ``clause`` is for a year ("first-year budget is $12k"): the monthly budget is a twelfth."""
    return bool(_YEAR_BUDGET.search(clause))


_SHARE_BEFORE = re.compile(r"(" + "|".join(re.escape(w) for w in sorted(_SHARE_WORDS, key=len, reverse=True)) +
                           r"|\d{1,3}(?:\.\d{1,2})?\s*%)\s*(?:of|der|des|de|del|dei|degli|dos|das|из|z|van|av)\s+"
                           r"(?:our|the|those|their|these|unserer|nos|nuestros|nostri|nossos)?\s*$")


def share_before(before_people: str) -> float | None:
    """The share when it comes before the people ("a third of our 900 engineers", "20 % der 4.000 Mitarbeiter")."""
    match = _SHARE_BEFORE.search(before_people[-40:])
    if not match:
        return None
    word = match.group(1)
    value = _SHARE_WORDS[word] if word in _SHARE_WORDS else float(word.rstrip("% ")) / 100
    return value if 0 < value < 1 else None


def query_length_span(text: str) -> tuple[int, int] | None:
    """Where ``query_length`` read the queries' length (so the rest of the text can still give a document's)."""
    found = _query_words(text)
    return (found[0].start(), found[1].end()) if found else None


# Shares said in the other languages of the lexicon, read only where traffic is shared out (``share_word``)
_MORE_SHARES = {"een kwart": 1 / 4, "een derde": 1 / 3, "de helft": 1 / 2, "ćwierć": 1 / 4, "jedna trzecia": 1 / 3,
                "połowa": 1 / 2, "en fjärdedel": 1 / 4, "en tredjedel": 1 / 3, "hälften": 1 / 2, "çeyreği": 1 / 4,
                "üçte biri": 1 / 3, "yarısı": 1 / 2, "четверть": 1 / 4, "треть": 1 / 3, "половина": 1 / 2,
                "aadha": 1 / 2, "ek tihai": 1 / 3, "setengahnya": 1 / 2, "setengah": 1 / 2, "separuh": 1 / 2,
                "आधे": 1 / 2, "आधा": 1 / 2, "yarısının": 1 / 2, "a tenth": 1 / 10, "one tenth": 1 / 10,
                "十分之一": 1 / 10, "五分之一": 1 / 5, "10분의 1": 1 / 10, "5분의 1": 1 / 5, "ein zehntel": 1 / 10,
                "un dixième": 1 / 10}
_ALL_SHARES = {**_SHARE_WORDS, **_MORE_SHARES}
_SHARE_ANY = re.compile("|".join(re.escape(w) for w in sorted(_ALL_SHARES, key=len, reverse=True)))
_SHARE_OF_END = re.compile(r"(" + _SHARE_ANY.pattern + r")\s*(?:of|der|des|de|del|dei|degli|delle|dos|das|из|z|van|"
                           r"av|da|di)\s+(?:[^\s\d]{1,8}\s+){0,3}$")  # "a quarter of our", "a third of them de nos"


def share_word(text: str, anywhere: bool = False) -> float | None:
    """A share in words: at the end of ``text`` before its "of" ("a quarter of our"), or ``anywhere`` in it."""
    match = _SHARE_ANY.search(text) if anywhere else _SHARE_OF_END.search(text)
    if not match:
        return None
    value = _ALL_SHARES[match.group(1) if not anywhere else match.group()]
    return value if 0 < value < 1 else None


def share_word_span(text: str) -> str:
    """``text`` with its shares in words blanked ("a quarter" is no period of three months there)."""
    return _SHARE_ANY.sub(lambda m: " " * len(m.group()), text)
