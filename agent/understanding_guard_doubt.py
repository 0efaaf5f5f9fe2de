"""Figures the user leaves open themselves: asked back with a confirming check, never stored as a guess.

One general rule with four faces, read on the glossed text (``agent.understanding_patterns.normalise``) so that one
lexicon serves every language of the interview; each face needs a figure the message offers for a count (documents,
queries, money) and a sign, in the message itself, that the user has not settled it:

- *two periods for one figure* ("3000 al giorno o al mese, non ricordo", "1日なのか1ヶ月なのか", "per hour... or per
  day?", "a day but it could have been a week"): two different periods with no figure between them and an "or", a
  hedge or a question mark joining them;
- *two figures for one value* ("50k or 80k, depends who you ask", "5万 아니면 8万"): two figures joined by "or" that
  are no rough neighbours (more than half again apart, not "2 or 3" or "20 or 30"), unless a self-correction joins them;
- *a range too wide to be one answer* ("somewhere around 10-100k", "1万から10万の間"): about an order of magnitude
  between its ends, where the value read lies inside it;
- *the field in doubt* ("about 20k, although that might be the number of documents", "两万左右，不过这个可能是文档数"):
  a hedge after the figure followed by the noun of another field, or the user saying they mix the things up;
- *a rate too small to be a month's* (``SMALL_RATE``): a figure with no period and no people to the queries question
  ("maybe 20", "二十左右"): asked per day, week or month.

The check carries ``base`` (the figure as said) where one period is left open, so "per day" in the answer re-reads it
(``agent.confirmations``).
"""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_patterns as P
from agent.understanding import Understanding
from agent.understanding_figures import SELF_CORRECTION
from agent.understanding_guard_reading import Reading, read
from agent.understanding_guard_scope import hold

# The fields a figure in doubt is withheld from (lengths and latencies have their own rules)
_COUNT_FIELDS = ("queries_per_month", "budget_usd_month", "one_time_budget_usd", "corpus_docs")
# A query count below this with no period, no people and no total, to the queries question, is a day's or a person's
SMALL_RATE = 100
# The same for a figure under this said with a hedge or a question mark ("vielleicht 500?")
UNSURE_RATE = 1000
# Ends of a range this far apart (or more: about an order of magnitude) are no estimate of one value; "2-10k a month"
# or "$500 to $3,000" is a range the scorer takes as said
WIDE_RANGE = 8.0
# Two figures joined by "or" more than this far apart are alternatives, not a rough range ("2 or 3", "20 or 30"), from
# a thousand up ("50k or 80k"); from a hundred up, when the larger is this many times the smaller ("$500 or $1,500")
ALTERNATIVES = 1.5
ALTERNATIVES_SMALL = 2.5

# Periods by kind, as they stand after the gloss (most languages become "per day", "per month") and as written where
# the gloss leaves them ("1ヶ月", "한 달", "günlük", "на місяць", "mahine", "الشهر")
_PERIOD_KINDS = (
    ("hour", r"\b(?:per|an|a|each|every)\s+(?:hour|hr)\b|\bhourly\b|每小时|一小时|1時間|毎時|시간당|한\s*시간|saatlik|"
             r"saatte|в час|на годину|\bghante\b|في الساعة|بالساعة|按小时"),
    ("day", r"\b(?:per|a|each|every)\s+(?:(?:working|business|work)\s+)?day\b|\bdaily\b|每天|每日|一天|一日|1日|毎日|"
            r"하루|매일|일일|günlük|günde|в день|за день|на день|в сутки|\bdzienn\w*|\broz(?:ana)?\b|\bdin\b|"
            r"في اليوم|يوميا|يوميًا|按天|按日|\bquotidien\w*|\bjournali\w*|\bdiari[oa]s?\b|\bgiornalier[eoi]\b|"
            r"\bdiári[oa]s?\b|\btäglich\w*|\bam tag\b|\bdagelijks\b|\bdagligen\b|\bom dagen\b|\bcodzienn\w*|"
            r"ежедневн\w*|щоденн\w*"),
    ("week", r"\b(?:per|a|each|every)\s+week\b|\bweekly\b|每周|每星期|一周|1週間?|毎週|週に|주당|매주|일주일|haftalık|"
             r"haftada|в неделю|за неделю|на тиждень|\btygodniow\w*|\bhafte\b|في الأسبوع|أسبوعيا|按周|按星期|"
             r"\bhebdomadaire\w*|\bsemanal\w*|\bsettimanal[ei]\b|\bwöchentlich\w*|\bwekelijks\b|\bi veckan\b|"
             r"еженедельн\w*|щотижн\w*"),
    ("month", r"\b(?:per|a|each|every|the)\s+month\b|(?<![가-힣])월(?=\s*\d)|\bmonthly\b|每个?月|一个月|"
              r"1[ヶかカケ]月|一[ヶか]月|ひと月|毎月|月に|한\s*달|매달|월간|aylık|ayda|в месяц|за месяц|на місяць|"
              r"\bmiesięczn\w*|\bmahin[ae]\b|في الشهر|شهريا|شهريًا|按月|\bmensuel\w*|\bmensual\w*|\bmensil[ei]\b|"
              r"\bmensa(?:l|is)\b|\bmonatlich\w*|\bim monat\b|\bmaandelijks\b|\bmånatlig\w*|\bi månaden\b|"
              r"ежемесячн\w*|щомісячн\w*"),
    ("year", r"\b(?:per|a|each|every)\s+year\b|\b(?:for|in|over) the (?:whole |entire |full )?year\b|\byearly\b|"
             r"\bannual(?:ly)?\b|每年|一年|年間|毎年|연간|매년|yıllık|yılda|в год|за год|на рік|\broczn\w*|\bsaal\b|"
             r"سنويا|سنويًا|في السنة|按年|\bannuel\w*|\banual\w*|\bannual[ei]\b|\bjährlich\w*|\bim jahr\b|"
             r"\bjaarlijks\b|\bårlig\w*|ежегодн\w*|щорічн\w*"),
)
_PERIOD = re.compile("|".join(f"(?P<{kind}>{rx})" for kind, rx in _PERIOD_KINDS))
# What joins two offers the user has not chosen between: "or" in every language, a hedge, a question
# ("of" is Dutch only: "800 of 2,000 employees" is no offer of two figures)
_OR = (r"\bor\b|\beither\b|\bsoit\b|\balbo\b|\blub\b|\bлибо\b|то ли|чи то|\boder\b|\bou\b|\bo\b|\bu\b|"
       r"\bczy\b|\beller\b|\bveya\b|\bya(?: da)?\b|\bили\b|\bчи\b|\bабо\b|"
       r"\byoksa\b|还是|或者|或是|或|なのか|か|인지|인가|이나|아니면|\bm[iıuü]\b|أو|\bاو\b")
_DUTCH_OR = r"\bof\b"
_DUTCH = re.compile(r"\b(?:ongeveer|zo'n|een|het|niet|weet|ik|wij|hebben|documenten|zoekopdrachten|welke|per dag)\b")
_JOIN = re.compile(_OR + "|" + _DUTCH_OR + r"|\?|\bcould\b|\bmight\b|\bmaybe\b|\bperhaps\b|\bmay have\b")
_OR_ONLY = re.compile(r"^\s*[,、]?\s*(?:either\s+)?(?:" + _OR + r"|not|(?P<of>" + _DUTCH_OR + r"))\s*"
                      r"(?:(?:maybe|perhaps|possibly|peut-être|vielleicht|quizás|tal vez|talvez|forse|misschien|"
                      r"może|kanske|belki|может|можливо|shayad)\s+)?$")
_EITHER_BEFORE = re.compile(r"\beither\s*$|(?:要么|或者)\s*$")
# What joins the two ends of a range
_RANGE_JOIN = re.compile(r"^\s*(?:[回件次번건개]\s*)?"
                         r"(?:-|–|—|~|〜|～|to|and|a|à|y|e|et|und|en|och|ile|до|se|から|에서|到|至|و|sampai|hingga)"
                         r"\s*(?:(?:de|het|die|the|les|los|las|os|as|uns|umas|unos|unas|about|around|ca\.?)\s+)?"
                         # "from 10k to maybe 1M", "de 5 000 à peut-être 200 000": the far end offered with a hedge
                         r"\s*(?:(?:maybe|perhaps|possibly|even|vielleicht|sogar|peut-être|voire|quizás?|tal vez|"
                         r"incluso|talvez|forse|misschien|może|kanske|belki|может)\s+)?"
                         r"\s*(?:(?:several|mehreren|plusieurs|varias|varios|v[áa]rias|v[áa]rios|diverse|meerdere|"
                         r"kilku|нескольких|birkaç)\s+)?$")
_RANGE_AFTER = re.compile(r"^\s*(?:[a-z\u0600-\u06ff]+\s+)?(?:between|arası|ke beech|사이|の間|之间)")
# A hedge on what the figure counts, and the nouns of each field it may name instead
_HEDGE = re.compile(r"\b(?:might|may|could|perhaps|maybe|possibly|könnte|vielleicht|peut-être|pourrait|igual|quizás?|"
                    r"tal vez|puede|pode ser|talvez|forse|potrebbe|kan ook|misschien|może|kan vara|kanske|olabilir|"
                    r"belki|может|возможно|може|можливо|shayad)\b|可能|也许|或许|かも|수도 있|아마|ربما|قد يكون")
# A hedge on how much, not on what ("maybe more", "could double", "vielleicht mehr")
_MORE = re.compile(r"\s*(?:be\s+|sein\s+|even\s+)?(?:more|less|fewer|double|triple|grow|higher|lower|mehr|weniger|plus|"
                   r"moins|más|menos|più|meno|mais|meer|minder|więcej|mniej|mer|mindre|daha|больше|меньше|більше|менше|"
                   r"zyada|kam|更多|多|少|もっと|더)")
_MIX_UP = re.compile(r"\bmix (?:them|it|those|these) up\b|\bmix up\b|\bconfuse them\b|verwechsel|je (?:les )?confonds|"
                     r"los confundo|confundo|li confondo|door elkaar|mylę|blandar ihop|karıştırıyorum|путаю|плутаю|"
                     r"搞混|分不清|混同|헷갈")
_FIELD_NOUNS = {
    "corpus_docs": r"\bdocuments?\b|\bdocs?\b|\bfiles?\b|\brecords?\b|\bpages?\b|\barticles?\b|文档|文件|文書|문서|"
                   r"\bdokument\w*|\bbelge\w*|документ\w*|مستند",
    "queries_per_month": r"\bsearch(?:es)?\b|\bquer(?:y|ies)\b|\brequests?\b|\blookups?\b|查询|检索|搜索|検索|クエリ|"
                         r"검색|\bsuch\w*|\brecherches?\b|\bb[uú]squedas?\b|\bbuscas?\b|\bricerche\b|\bzoek\w*|"
                         r"\bwyszuk\w*|\bsökning\w*|\barama\w*|запрос\w*|поиск\w*|запит\w*|пошук\w*|بحث",
    "people": r"\busers?\b|\bpeople\b|\bemployees\b|\bstaff\b|\bvisitors?\b|\bsessions?\b|用户|人数|ユーザー|사용자|"
              r"\bnutzer\w*|\butilisateurs?\b|\busuarios?\b|\butenti\b|\bgebruikers?\b|użytkownik\w*|пользовател\w*|"
              r"користувач\w*|\bkullanıcı\w*|مستخدم",
}
_NOUNS = {name: re.compile(rx) for name, rx in _FIELD_NOUNS.items()}
_TOTAL = re.compile(r"\bin total\b|\btotal\b|\boverall\b|\baltogether\b|总共|一共|合计|全部で|합계|insgesamt|au total|"
                    r"en total|no total|in totale|in totaal|totalt|łącznie|всего|загалом|toplam")
_WHY_PERIOD = "the period is not settled yet: which one is it?"
_WHY_TWO = "two figures offered: which one is it?"
_WHY_RANGE = "a range too wide to note as one figure: about how many?"
_WHY_FIELD = "not sure what the figure counts: which is it?"
_WHY_SMALL = "no period said: a day, a week or a month?"
_WHY_MUCH_MORE = "maybe many times more: about how many in all?"
_WHY_PERSON = "each person's searches with no period said: a day, a week or a month?"
_WHY_CAVEAT = "with what the caveat adds: which one do you mean?"
_SENTENCE_END = re.compile(r"[.!?]\s|[。！？]")  # (a CJK full stop needs no space after it)
# A second figure offered with a hedge after the first ("a couple hundred, maybe a grand", "300 euros, voire 1000",
# "200 euro, vielleicht auch 1000", "300 zł, może nawet 3000", "200 долларов, а может и 1000"): the first is no
# answer when the second is this many times it (within it, "$50 a month, maybe $100" is a rough range)
HEDGED_APART = 2.5
_HEDGED_NEXT = re.compile(
    # (s13-a: the counted noun may stand between, "30 000 documents, a может и 300 000", "tens of thousands of
    # documents, maybe even hundreds of thousands")
    r"^\s*(?P<noun>(?:of\s+)?(?:documents|docs|files|records|articles|tickets|entries|items|products)\s*)?"
    r"[,、，]?\s*(?:(?:or|and|but|oder|ou|o|y|e|of|en|lub|a|czy|или|а|и|ya|veya|atau|dan)\s+)?"
    r"(?:(?:even|sogar|même|incluso|até|anche|zelfs|nawet|даже|hatta|bahkan)\s+)?"
    r"(?:maybe|perhaps|possibly|vielleicht|eventuell|peut-être|voire|quizás?|tal vez|a lo mejor|talvez|quem sabe|"
    r"magari|forse|misschien|wellicht|może|kanske|belki|может(?: быть)?|возможно|можливо|shayad|mungkin|"
    r"可能|也许|或许|甚至|もしかしたら|아마|어쩌면)"
    r"(?:\s+(?:even|also|auch|sogar|nawet|même|incluso|até|anche|zelfs|даже|и|and|hatta|bahkan|sampai|up to|"
    r"as much as|bis zu|bis|jusqu'à|hasta|fino a|tot|do|до|kadar|tak|ke|uns|unos|unas|umas|like|about|around))*"
    r"\s*$")
_PART_OF = re.compile(r"\s*(?:\w+\s+)?(?:of (?:them|those|these|which|it)|davon|dont|de (?:ellos|ellas|eux|elles)|"
                      r"di (?:cui|questi|queste)|waarvan|z nich|(?:из|з) (?:них|які)|dari (?:itu|situ)|"
                      r"trong (?:đó|số))\b")
# ... or the second offered on a condition, an order of magnitude above ("月に数万円、結果が良ければ数十万円まで")
_CONDITION = re.compile(r"ければ|なら|たら|如果|(?<!主)要是|的话|(?<![가-힣])면\b|\bif\b|\bwenn\b|\bfalls\b|"
                        r"\bsi\b|\bse\b|"
                        r"\bjeśli\b|\bjeżeli\b|\bесли\b|\beğer\b|\bkalau\b|\bjika\b|\bagar\b")
# Growth in time after the second figure ("~45k today, maybe 500k by 2027"): the first is the count, the second growth
_LATER = re.compile(r"\b(?:by|next|later|in \d+ (?:years?|months?)|within|eventually|year[- ]end)\b|明年|来年|내년|"
                    r"l'an prochain|nächstes jahr|bis ende|el año que viene|próximo ano|l'anno prossimo|volgend jaar|"
                    r"w przyszłym roku|в следующем году|gelecek yıl|tahun depan|agle saal|年末|年底")
_FACTOR_AFTER = re.compile(r"\s*(?:x|times)\s+(?:that|this|more|as (?:much|many)|lipat)\b|\s*倍")
# A figure then "maybe many times more" ("a few thousand, maybe way more with the archives", "可能多得多", "もっと桁が
# 増えるかも", "eventuell deutlich mehr", "может быть гораздо больше", "shayad bahut zyada"): about how many is asked
_MUCH_MORE = re.compile(
    r"\b(?:way|much|far|a lot|lots|many times|significantly|considerably)\s+more\b|\ban order of magnitude\b|"
    r"\b(?:deutlich|viel|weit|wesentlich|erheblich)\s+mehr\b|\b(?:beaucoup|bien|nettement)\s+plus\b|"
    r"\b(?:muchos?|muchas?|bastante)\s+más\b|\b(?:muito|bem)\s+mais\b|\bmolt[oiae]\s+(?:di\s+)?più\b|"
    r"\bparecchi[oe]?\s+di\s+più\b|\b(?:veel|flink)\s+meer\b|\b(?:dużo|znacznie|o wiele)\s+więcej\b|"
    r"(?:гораздо|намного|значительно|куда|набагато|значно)\s+(?:больше|більше)|\bçok daha fazla\b|"
    r"\b(?:bahut|kaafi)\s+(?:zyada|jyada)\b|\b(?:ya|or)\s+(?:shayad|maybe|perhaps)\s+(?:a\s+)?(?:lakh|lakhs|crore|"
    r"million)\b|\bjauh lebih banyak\b|多得多|多很多|大得多|翻好几倍|"
    r"翻[二两三四五六七八九十几百\d]+倍|[十百]倍(?:に|以上)|\b(?:ten|twenty|fifty|hundred)[\s\-]?fold\b|"
    r"\b(?:[5-9]|\d{2,3})\s*(?:x|times)\s+(?:that|this|more|as (?:much|many)|lipat)\b|"
    r"桁が(?:増え|違|上が)|桁違い|훨씬\s*많|몇\s*배")

# A figure, then a caveat that would multiply it ("800 contracts now, but if the old scans count it's tens of
# thousands", "aktuell 4.000, aber mit dem Altarchiv eher sechsstellig", "abhi 5 hazaar, lekin purane emails joden to
# lakhon"): a contrast or a condition after the figure, then a second figure ``WIDE_RANGE`` times it or more (or a
# magnitude said in words), not growth in time and not another field's figure; which count is meant is asked
_CAVEAT = re.compile(r"\b(?:but|though|although|however|aber|allerdings|jedoch|mais|pero|aunque|mas|porém|ma|però|"
                     r"maar|ale|jednak|но|однако|але|ama|fakat|ancak|lekin|magar|tapi|namun|akan tetapi)\b|"
                     r"でも|けど|けれど|ただ|但是?|不过|不過|可是|只是|하지만|그런데|는데|인데|지만|"
                     + _CONDITION.pattern)
# A magnitude said in words with no figure ("eher sechsstellig", "podrían ser millones" glossed "million"), at its least
_MAGNITUDE_WORDS = ((re.compile(r"\b(?:six[- ]figures?|sechsstellig\w*|zescijferig\w*|sześciocyfrow\w*|lakhs?|"
                                r"lakhon)\b"), 100_000.0),
                    (re.compile(r"\b(?:millions?|seven[- ]figures?|siebenstellig\w*|milioni|millones|milhões|"
                                r"miljoenen|milion(?:y|ów)|миллион\w*|milyonlar\w*|jutaan)\b|数百万|几百万|数百万件"),
                     1_000_000.0))
_NOT_MORE = re.compile(r"\b(?:not|niet|nicht|pas|no|não|non|nie|не|ні|değil|nahi|nahin|tidak|tak|ei|inte)\s*$|"
                       r"不会|不是|没有")


def figure_in_doubt(u: Understanding, message: str, asked: str | None) -> bool:
    """Withhold the count a message leaves open and ask about it instead (True; changes ``u`` in place)."""
    if u.confirm is not None:
        return False
    low = P.normalise(message[: P.MAX_CHARS])
    numbers = [n for n in P.find_numbers(low) if n.value >= 2 and not _inside_period(low, n)]
    if not numbers:
        return False
    stored = [f for f in _COUNT_FIELDS if f in u.updates and f not in u.confirmed]
    target = stored or ([asked] if asked in _COUNT_FIELDS else [])
    if not target:
        return False
    raw = message.lower()
    base: float | None = None
    why = None
    if _periods_open(low, numbers):
        why, base = _WHY_PERIOD, numbers[0].value if len(numbers) == 1 else None
    elif two := _alternatives(low, raw, numbers) or _hedged_next(low, numbers):
        why = f"{two[0]:,.0f} or {two[1]:,.0f}: {_WHY_TWO}"
    elif ends := _wide_range(low, numbers, u, stored, message, asked):
        why = f"{ends[0]:,.0f} to {ends[1]:,.0f}: {_WHY_RANGE}"
    elif len(numbers) == 1 and _field_open(low, numbers[0], target[0]):
        why = _WHY_FIELD
    elif len(counts := [n for n in numbers if not _FACTOR_AFTER.match(low, n.end)]) == 1 and _much_more(low, counts[0]):
        why = _WHY_MUCH_MORE  # (a factor said, "maybe 50 times that", is no second figure)
    elif apart := _caveat_apart(low, numbers, u, message, asked):
        why = f"{apart[0]:,.0f}, or {apart[1]:,.0f} {_WHY_CAVEAT}"
    elif apart := _depends_apart(low, numbers):
        why = f"{apart[0]:,.0f} or {apart[1]:,.0f}: {_WHY_TWO}"
    elif _small_rate(low, numbers, u, asked):
        why, base = _WHY_SMALL, numbers[0].value
    elif _people_rate_open(low, numbers, u):
        why = _WHY_PERSON
    if why is None:
        return False
    said = numbers[0].value if target[0] in ("budget_usd_month", "one_time_budget_usd") else int(numbers[0].value)
    values: dict[str, Any] = {f: u.updates.pop(f) for f in stored} or {target[0]: said}
    hold(u, values, why)
    if base is not None and list(values) == ["queries_per_month"] and u.confirm is not None:
        u.confirm["base"] = float(base)  # "per day" in the answer makes it a rate (a sum's currency is in its value)
    return True


# s14-a: "it depends on whether the council opens it to the public: just staff, a few hundred a month; the public,
# tens of thousands", "hängt davon ab, ob ...", "ça dépend si ...": two scenarios, each with its figure
_DEPENDS = re.compile(r"\bdepends?\b(?:\s+\w+){0,2}?\s+on\s+(?:whether|if|how)\b|\bit (?:all )?depends\b|"
                      r"\bhängt (?:\w+ )?davon ab\b|\bça dépend\b|\bdépend (?:de )?si\b|\bdepende de si\b|"
                      r"\bdipende (?:da )?se\b|取决于|要看|によって|에 따라")


def _depends_apart(low: str, numbers: list[P.Number]) -> tuple[float, float] | None:
    """A figure for each scenario the message says the value depends on, ``WIDE_RANGE`` times apart or more."""
    cue = _DEPENDS.search(low)
    if cue is None:
        return None
    values = sorted({n.value for n in numbers if n.end > cue.start()})
    return (values[0], values[-1]) if len(values) >= 2 and values[-1] >= WIDE_RANGE * values[0] else None


def _inside_period(low: str, n: P.Number) -> bool:
    """True for the 1 of "1日", "1ヶ月" (a period's own figure)."""
    return any(m.start() <= n.start < m.end() for m in _PERIOD.finditer(low))


def _periods_open(low: str, numbers: list[P.Number]) -> bool:
    """Two different periods for one figure, joined by "or", a hedge or a question ("per day or per month?")."""
    found = [(m, next(k for k, v in m.groupdict().items() if v)) for m in _PERIOD.finditer(low)]
    for (a, kind_a), (b, kind_b) in zip(found, found[1:], strict=False):
        if kind_a == kind_b:
            continue
        between = low[a.end():b.start()]
        inside = [n.value for n in numbers if a.end() <= n.start < b.start()]
        one_figure = len({n.value for n in numbers}) == 1  # "günlük 2000 mi yoksa aylık mı", "200 a day or 200 a week"
        retaken = SELF_CORRECTION.search(between) and not _HEDGE.search(low[b.end():b.end() + 20])
        if (inside and not one_figure) or retaken or re.search(r"\bnot\b|\bso\b|\bthat'?s\b|\bwhich is\b|=|≈",
                                                                between):
            continue  # "200 a day, so 6,000 a month", "per day, not per month" (but "1日…いや、1週間だったかも")
        after = low[b.end():b.end() + 20]
        if len(between) > 40 or re.search(r"[;.。!！](?!\.)", between.replace("...", " ").replace("…", " ")):
            continue  # "5k a month; maybe reindex weekly": another sentence's period
        if _JOIN.search(between) or re.search(r"\?", after[:3]) or _HEDGE.search(after):
            return True
    return False


def _alternatives(low: str, raw: str, numbers: list[P.Number]) -> tuple[float, float] | None:
    """Two figures offered for one value: "50k or 80k", "5万 아니면 8万" (not a rough "2 or 3")."""
    for a, b in zip(numbers, numbers[1:], strict=False):
        between = low[a.end:b.start]
        bare = re.sub(r"[$€£¥₹]|\b(?:usd|eur|k)\b", " ", between)
        for rx, _ in P.PERIODS:
            bare = rx.sub(" ", bare)  # "1.000 al mes o 100.000": the period said with the first
        joined = _OR_ONLY.match(bare) or _same_lead(low, a, between)
        if not joined or SELF_CORRECTION.search(between) or (joined.groupdict().get("of") and not _DUTCH.search(raw)):
            continue
        if re.match(r"^\s*[,、]?\s*not\b", bare) and not re.search(r"아니면", raw):
            continue  # "50k, not 80k": a correction (the gloss turns 아니면 into "not")
        lo, hi = sorted((a.value, b.value))
        if a.value < 1000 <= b.value and b.value >= 100 * a.value and b.value % 1000 == 0:
            lo, hi = sorted((a.value * 1000, b.value))  # "50 или 80 тысяч": the thousands said once for both
        either = _EITHER_BEFORE.search(low[max(0, a.start - 12):a.start])
        # "60k, or maybe 90k": a second figure offered with a hedge is an alternative from the ratio on (s8-b; "20 o
        # 30 mila" with no hedge is a rough range)
        apart = lo > 0 and (hi / lo > ALTERNATIVES or (_HEDGE.search(between) is not None and hi / lo >= ALTERNATIVES))
        if lo > 0 and ((apart and (lo >= 1000 or either)) or (
                lo >= 100 and hi / lo >= ALTERNATIVES_SMALL)):
            return lo, hi
    return None


# The word that offers a figure as one possibility ("could be 50 a day, could be 5,000", "bisa 30, bisa juga 3000",
# "peut-être 200, peut-être 2 000"): said before both figures, it offers two
_MAYBE_LEAD = re.compile(r"(?:could be|might be|may be|maybe|perhaps|bisa|mungkin|puede ser|pode ser|peut-être|"
                         r"vielleicht|kann|forse|può essere|misschien|może|может|возможно|olabilir|belki|shayad|"
                         r"可能|也许|かも|아마)\s*$")


def _same_lead(low: str, a: P.Number, between: str) -> re.Match[str] | None:
    """Two figures each after the same "could be" ("could be 50 searches a day, could be 5,000")."""
    lead = _MAYBE_LEAD.search(low[max(0, a.start - 14):a.start])
    if lead is None or re.search(r"[.;。；!?]", between):
        return None
    word = re.escape(lead.group().strip())
    return re.search(rf"[,、，]\s*(?:or\s+|but\s+)?{word}(?:\s+(?:also|juga|auch|aussi|también|também|anche|ook|też|"
                     rf"тоже|even))?\s*$", between)


def _hedged_next(low: str, numbers: list[P.Number]) -> tuple[float, float] | None:
    """A second figure offered with a hedge, ``HEDGED_APART`` times the first or more.

    Or on a condition, an order of magnitude above it; never as growth in time.
    """
    for a, b in zip(numbers, numbers[1:], strict=False):
        between = low[a.end:b.start]
        for start, end, _ in reversed(P.currency_mentions(between)):
            between = between[:start] + " " + between[end:]
        for rx, _ in P.PERIODS:
            between = rx.sub(" ", between)
        between = re.sub(r"[$€£¥₹₩₺₽]", " ", between)
        lo, hi = sorted((a.value, b.value))
        if lo <= 0 or _LATER.search(low[b.end:b.end + 30]) or SELF_CORRECTION.search(low[a.end:b.start]):
            continue
        if _PART_OF.match(low[b.end:b.end + 20]):
            continue  # "40k docs, maybe 50 of them are scanned": a part of the count, no second offer
        hedged = _HEDGED_NEXT.match(between)
        if hedged and hedged.group("noun") and not re.match(r"\s*(?:[,.;!?]|$)", low[b.end:]):
            hedged = None  # the noun between, then a figure of something else ("60k files, maybe 500 queries")
        if (hi / lo >= HEDGED_APART and hedged) or (
                hi / lo >= WIDE_RANGE and len(between) <= 30 and not re.search(r"[.;。；!?]", between)
                and _CONDITION.search(between)):
            return lo, hi
    return None


def rough_second(u: Understanding, r: Reading) -> dict[str, str]:
    """A second figure within twice the first, as a range or with a hedge: the middle of the two (changes ``u``).

    "between $400 and $600", "unos 300.000 expedientes, quizá 350.000".

    Returns:
        By field, the "second or first?" doubt the rules would raise about it, which is no doubt now.
    """
    taken: dict[str, str] = {}
    unused = r.unused()
    for name in ("corpus_docs", "queries_per_month", "budget_usd_month"):
        value = u.updates.get(name)
        sources = r.sources(name) if name in u.updates and name not in u.confirmed else []
        if len(sources) != 1 or not isinstance(value, int | float) or isinstance(value, bool):
            continue
        a = sources[0]
        b = next((n for n in unused if n.start > a.end), None)
        if b is None or b.start - a.end > 30 or a.value <= 0 or not 1 < b.value / a.value <= 2:
            continue
        between = r.text[a.end:b.start]
        for start, end, _ in reversed(P.currency_mentions(between)):
            between = between[:start] + " " + between[end:]
        between = re.sub(r"^\s*[^\W\d_]+(?=\s*[,、，])", " ", re.sub(r"[$€£¥₹₩₺₽]", " ", between))  # its noun
        if _RANGE_JOIN.match(between) or _HEDGED_NEXT.match(between):
            middle = value * (a.value + b.value) / (2 * a.value)
            u.updates[name] = int(middle) if isinstance(value, int) else round(middle, 2)
            taken[name] = f"{r.text[b.start:b.end]} or {r.text[a.start:a.end]}?"
    return taken


def _caveat_apart(low: str, numbers: list[P.Number], u: Understanding, message: str,
                  asked: str | None) -> tuple[float, float] | None:
    """A figure, then a contrast or a condition, then one ``WIDE_RANGE`` times it or more in the same breath."""
    r: Reading | None = None
    for i, a in enumerate(numbers):
        if a.value < 2 or re.search(r"\b(?:not|no)\s*$", low[max(0, a.start - 6):a.start]):
            continue  # "не 80, а 120 тысяч" (glossed "not 80, but 120000"): the first figure taken back
        rest = low[a.end:a.end + 160]
        caveat = _CAVEAT.search(rest)
        if caveat is None or _LATER.search(rest) or re.search(r"(?<!\.\.)[.。!?！？]\s", rest[:caveat.start()]):
            continue
        after = rest[caveat.end():]
        if P.PEAK.search(after) and P.AVERAGE.search(low[max(0, a.start - 30):a.end + caveat.end()]):
            continue  # "500 al día de media, en campaña se dispara a 4.000": the average beside the peak (s11-b)
        later = [b for b in numbers[i + 1:] if b.start >= a.end + caveat.end() and b.value >= WIDE_RANGE * a.value
                 and not _SENTENCE_END.search(low[a.end + caveat.end():b.start])  # in the caveat's own sentence
                 and not (SELF_CORRECTION.search(low[a.end:b.start]) and not _CONDITION.search(low[a.end:b.start]))]
        # ("I said 10k docs but it's actually 100k": a correction; "but if the old scans count, more like 30k" is not)
        words = [least for rx, least in _MAGNITUDE_WORDS if (m := rx.search(after)) and not P.find_numbers(
            after[max(0, m.start() - 12):m.start()])]
        if later:
            if r is None:
                r = read(message, asked)
            fed = {round(n.value): f & set(_COUNT_FIELDS) for n, f in zip(r.numbers, r.feeds, strict=False)}
            own, second = fed.get(round(a.value)) or set(), fed.get(round(later[0].value)) or set()
            if (second - own and (own or not SELF_CORRECTION.search(low[a.end:later[0].start]))) or any(
                    rx.search(low[later[0].end:later[0].end + 16]) for rx, _ in P.PERIODS):
                continue  # "800 contracts, but if you mean searches, 30k a month": another field's figure
            if not own and not second and any(fed.get(round(n.value)) for n in numbers if n not in (a, later[0])):
                continue  # s16-a: "Dev team is 12 of us, but the tool is for 2,000 staff; I'd guess 500 searches a
                # day": two counts of people, the count stored from a third figure
            return a.value, later[0].value
        if words and words[0] >= WIDE_RANGE * a.value:
            return a.value, words[0]
    return None


# A count said to blow up on a condition ("4-5k for now, but if we add the mails it explodes", "aber wenn die Mails
# dazukommen, explodiert das", "pero si sumamos los correos se dispara"): many times more, as _MUCH_MORE
_BLOWS_UP = re.compile(r"\b(?:explod\w*|blows? up|skyrocket\w*|goes through the roof|explos\w*|explodier\w*|"
                       r"dispar\w*|explot\w*|esplod\w*|esplos\w*|vervielfach\w*|se multipli\w*)\b")
_ON_A_CONDITION = re.compile(_CONDITION.pattern + r"|\bonce\b|\bwhen\b|\bquand\b|\blorsque\b|\bcuando\b|"
                             r"\bsobald\b|\bquando\b|\bzodra\b")


def _much_more(low: str, n: P.Number) -> bool:
    """"a few thousand, maybe way more": "many times more" after the figure, in its sentence, with no figure after."""
    after = re.split(r"[.;。；!?！？]\s", low[n.end:])[0][:120]
    blows = _BLOWS_UP.search(after)
    if blows is not None and _ON_A_CONDITION.search(after[:blows.start()]) and not P.find_numbers(
            after[blows.end():]) and not P.AVERAGE.search(low):
        return True
    more = _MUCH_MORE.search(after)
    if more is not None and _NOT_MORE.search(after[max(0, more.start() - 12):more.start()]):
        return False  # "2.500, niet veel meer", "not much more", "nicht viel mehr": the figure holds
    if more is not None and P.AVERAGE.search(low[max(0, n.start - 20):n.start]) and P.PEAK.search(
            after[:more.start()]):
        return False  # s13-b: "日均三万左右吧 双十一那几天能翻十倍": the peak's factor beside the average
    return more is not None and not P.find_numbers(after[more.end():])


def _wide_range(low: str, numbers: list[P.Number], u: Understanding, stored: list[str], message: str,
                asked: str | None) -> tuple[float, float] | None:
    """A range whose ends are ``WIDE_RANGE`` times apart or more, where the value read (if any) lies inside it.

    The value read may be a month's rate or a sum in dollars ("一天几百到几万次", "entre 300 et 30 000 requêtes par
    jour"): it lies inside the range when it came from the range's own figures.
    """
    values = [u.updates[f] for f in stored if isinstance(u.updates[f], int | float)]
    spans: list[tuple[int, int]] | None = None
    for lo, hi, start, end in _ranges(low, numbers):
        if not (lo > 0 and hi / lo >= WIDE_RANGE):
            continue
        if not values or any(lo * 0.99 <= v <= hi * 1.01 for v in values):
            return lo, hi
        if spans is None:
            r = read(message, asked)
            spans = [(n.start, n.end) for f in stored for n in r.sources(f)]
        if spans and all(start <= s < end for s, _ in spans):  # (not "几千到几万条不等，加起来两百万条": a total)
            return lo, hi
    return None


def _ranges(low: str, numbers: list[P.Number]) -> list[tuple[float, float, int, int]]:
    """The (low, high) ends of each range.

    One figure read as a range ("10-100k", its value the middle), or two figures joined as one ("1万から10万",
    "10k se 100k ke beech", "بين 10 آلاف و100 ألف").
    """
    found = []
    for n in numbers:
        ends = re.split(r"\s*(?:[-–—~〜～]|\bto\b|到|至|から|에서)\s*", low[n.start:n.end])
        if len(ends) == 2:
            high = P.find_numbers(ends[1])
            if high and 0 < 2 * n.value - high[0].value < high[0].value:
                found.append((2 * n.value - high[0].value, high[0].value, n.start, n.end))
    for a, b in zip(numbers, numbers[1:], strict=False):
        if _RANGE_JOIN.match(low[a.end:b.start]) or (
                re.match(r"^\s*(?:and|و)\s*$", low[a.end:b.start]) and _RANGE_AFTER.search(low[b.end:b.end + 20])):
            found.append((min(a.value, b.value), max(a.value, b.value), a.start, b.end))
    return found


def _field_open(low: str, n: P.Number, target: str) -> bool:
    """A hedge after the figure with another field's noun beside it, or the user saying they mix the things up.

    The noun may come after the hedge ("might be the number of documents") or before it, where the verb ends the
    clause ("それは文書の数かもしれません", "wobei das auch die Anzahl der Dokumente sein könnte").
    """
    after = low[n.end:]
    if _MIX_UP.search(after):
        return True
    hedge = _HEDGE.search(after)
    if not hedge or _MORE.match(after[hedge.end():]) or _PERIOD.search(after[:hedge.start()]) or any(
            rx.search(after[:hedge.start()]) for rx, _ in P.PERIODS):
        return False  # "around 2000 a day, maybe more once all users are on it": a rate, its growth hedged
    own = _NOUNS.get(target)
    before = after[:hedge.start()]
    if own is not None and own.search(before[:30]):
        return False  # "20k searches, maybe more": the figure's own noun right after it
    clause = re.split(r"[.;!?。；！？]|[,，、](?=[^,，、]*$)", before)[-1] + after[hedge.start():hedge.end() + 60]
    return any(rx.search(clause) for name, rx in _NOUNS.items() if name != target)


def _people_rate_open(low: str, numbers: list[P.Number], u: Understanding) -> bool:
    """The queries stored as people times each one's count, with no period anywhere (s14-c).

    "每人10次左右，我们有300人", "about 30 each, there are 120 of us": a day's, a week's or a month's: the user says.
    """
    value = u.updates.get("queries_per_month")
    if not isinstance(value, int | float) or isinstance(value, bool) or len(numbers) != 2:
        return False
    if abs(numbers[0].value * numbers[1].value - value) > 1:
        return False
    return not (any(rx.search(low) for rx, _ in P.PERIODS) or _PERIOD.search(low))


def _small_rate(low: str, numbers: list[P.Number], u: Understanding, asked: str | None) -> bool:
    """"maybe 20" to the queries question: a day's or a person's searches more likely than a month's."""
    value = u.updates.get("queries_per_month")
    if asked != "queries_per_month" or len(numbers) != 1 or not isinstance(value, int | float) or \
            abs(value - numbers[0].value) > 0.5:
        return False
    # s8-b: under a thousand with a hedge or a question mark ("vielleicht 500?", "maybe 300?"): still no period said
    if value >= SMALL_RATE and not (value < UNSURE_RATE and (_HEDGE.search(low) or low.rstrip().endswith("?"))):
        return False
    if any(rx.search(low) for rx, _ in P.PERIODS) or _PERIOD.search(low) or _TOTAL.search(low) or \
            _NOUNS["people"].search(low) or P.USERS.match(low[numbers[0].end:numbers[0].end + 40]):
        return False
    return True
