"""Query rates whose total needs a second figure: a rate per unit, a share of stated traffic, active users.

Each reader takes normalised (glossed, lower-case) text; ``agent.understanding_quantities`` (and
``agent.understanding_searches``, a rate per unit) asks it where a query rate is read:

- ``unit_rate``: "each store does ~40 lookups a day", "每家店每天问20次", "cada loja faz 50 consultas por dia",
  "1店舗あたり1日30回", "매장당 하루 30번", "her şube günde 25 arama": a rate per unit. With the units counted in the
  message ("..., and there are 60 branches", "le filiali sono 70", "1200家门店") the rate is multiplied; without, the
  total is unknown and the interview asks how many there are (``agent.confirmations``), never stores one unit's rate.
- ``traffic_share``: "600k pageviews a month, I'd guess 5% of those use search", "a quarter of our 1.2M monthly
  pageviews", "每天10万访问，其中三分之一会搜索", "1日の訪問は3万ほどで、その1割": the share of the traffic that
  searches.
- ``active_users_before``: "DAU is around 120k", "日活大概50万", "月活100万": active users counted after their name.
"""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_patterns as P
from agent.understanding_numbers import Number
from agent.understanding_structure import daily_words, share_word, share_word_span

# A word after "each"/"per" that is no unit of the rate: a period, an item the queries are counted per (the chain of
# ``_queries_per_item``), a pronoun or a filler.
_NOT_UNIT = re.compile(
    r"(?:day|days|week|weeks|month|months|year|years|hour|hours|hr|minute|minutes|min|second|seconds|sec|shift|"
    r"shifts|quarter|working|business|work|weekday|weekdays|morning|night|evening|time|times|other|one|ones|of|"
    r"the|our|their|single|query|queries|search|searches|request|requests|lookup|lookups|question|questions|call|"
    r"calls|ticket|tickets|chat|chats|conversation|conversations|session|sessions|document|documents|doc|docs|page|"
    r"pages|email|emails|message|messages|case|cases|order|orders|visit|visits|result|results|chunk|chunks|item|"
    r"items|article|articles|prompt|prompts|answer|answers|per|about|around|roughly|maybe|approximately|cent|"
    r"percent|annum|anno|jahr|année|año|ano|hora|heure|stunde|ora|uur|mes|mois|monat|mese|maand|semana|semaine|"
    r"woche|settimana|tag|jour|día|dia|giorno|dag|trimestre|quartal|causa|consultas?|b[úu]squedas?|buscas?|"
    r"pesquisas?|ricerche|ricerca|recherches?|requêtes?|anfragen?|suchen?|suchanfragen?|zoekopdrachten|zoekopdracht|"
    r"zapytani\w*|wyszukiwani\w*|sökning\w*|arama\w*|sorgu\w*|запрос\w*|поиск\w*|richiest\w*|pedidos?|"
    r"exemplo|ejemplo|exemple|esempio|beispiel|voorbeeld|przykład|favor|cento|ciento|"
    r"use|time|run|k|m|and|or|with|to|in|on|at|for|from|is|are|has|have|does|do|makes|runs|"
    # a verb after "each" (the gloss leaves it as written): "each reçoit 300", "cada una recibe", "jede bekommt"
    r"gets|handles|sees|receives|sends|fields|processes|reçoit|reçoivent|fait|font|traite|gère|recibe|reciben|hace|"
    r"hacen|gestiona|riceve|ricevono|fa|fanno|gestisce|recebe|recebem|faz|fazem|erhält|bekommt|macht|hat|krijgt|"
    r"doet|heeft|får|gör|har|"
    r"\d+)$")
_LATIN = r"[a-zà-ÿœßşğıçöüąćęłńóśźżа-яё][a-zà-ÿœßşğıçöüąćęłńóśźżа-яё\-]{2,24}"
# "each store", "every branch", "per clinic", "cada loja", "ogni negozio", "elke vestiging", "her şube", "har store",
# "a typical school", "the average clinic" (glossed: "jede", "chaque", "każdy", "varje", "каждый" are "each")
_CUE_BEFORE = re.compile(rf"(?:\b(?:each|every|per|cada|ogni|elke|ieder|iedere|pro|par|por|har|her)\s+|"
                         rf"\b(?:na|на)\s+(?:jeden|jedną|jedno|każd[aey]|каждый|каждую|каждое|одну|один|одного|одно)\s+|"
                         rf"\b(?:a|an|the)\s+(?:typical|average)\s+|"
                         # "on average a branch does 25 searches", "a hotel gets ~300 questions" (s7-c)
                         rf"\b(?:a|an|one)\s+(?=(?:{_LATIN})\s+(?:does|gets|handles|makes|runs|sees|receives|sends|"
                         rf"fields|processes|would do|will do|might do|could do)\b))({_LATIN})\b")
# "25 searches per branch per day", "10 queries a clinic a day": the unit after the rate
_CUE_AFTER = re.compile(rf"\b(?:per|pro|par|por)\s+({_LATIN})\b")
# "每家店", "每个门店", "每所学校", "每位律师", "每间诊所": the classifier says a unit follows
# (每人, 每天 are not units)
# "每个月/每個星期/每个小时" are periods ("每个月预计查询量在200万次": no unit counted)
_CJK_EACH = re.compile(r"每(?:个|個|家|所|位|名|间|間|座|条)"
                       r"(?!月|星期|礼拜|禮拜|小时|小時|钟头|鐘頭|工作日|季度|周|週|年|天)"
                       r"([\u4e00-\u9fff]{1,5}?)"
                       r"(?=每|一|[0-9]|大概|大约|约|平均|差不多|都|会|要|查|搜|问|的|能|[\u4e00-\u9fff]{0,6}[0-9])")
# "每家每月", "每个每天", "每所一天": the classifier alone, a period right after it (s7-d)
_CJK_EACH_CLASSIFIER = re.compile(r"每(家|所|间|間|座|个|個)(?!(?<=[个個])(?:月|星期|小时|小時|工作日|礼拜|禮拜|季度))"
                                  r"(?=\s*(?:每|一天|一日|天|日|月|周|年|都|大概|大约|约|平均))")
_CJK_EACH_BARE = re.compile(r"每(门店|店|分店|网点|学校|医院|诊所|药店|校区)")
# "1店舗あたり", "各支店で", "店舗ごとに"; "매장당", "지점마다" (not a period: 1日あたり, 하루마다, 시간당)
_JA_PER = re.compile(r"(?:1|一)?([\u4e00-\u9fff\u30a0-\u30ff]{1,4})(?:あたり|当たり|ごと)")
_JA_EACH = re.compile(r"各([\u4e00-\u9fff\u30a0-\u30ff]{1,3}?)(?:で|に|は|が|の|とも|,|、|\s|(?=\d))")
_KO_PER = re.compile(r"([가-힣]{1,4}?)(?:당|마다|별로|별)(?![가-힣])")  # "매장당", "지점마다", "지점별로"
_TR_PER = re.compile(rf"({_LATIN})\s+başına\b")
_CJK_PERIOD = re.compile(r"^(?:[0-9]*)(?:日|月|週|周|年|時間|时|小时|秒|分|天|人|回|次|하루|시간|초|분|달|월|"
                         r"주|년|일|인|사람|명|個人|自|件|건|번|회|工作|工作日|星期|礼拜|小时|季度|季|周末|次)$")
# A Turkish "her" (each) rather than the English pronoun: Turkish letters or words in the message.
_TURKISH = re.compile(r"[şğı]|\b(?:yap\w*|var|başına|civarı|kadar|yaklaşık|günde|ayda)\b")
# "there are 60", "de är runt 250", "sono 70", "we are about 70": a count with its noun said before
_COPULA_BEFORE = re.compile(r"\b(?:there are|there're|they are|they're|we are|we're|de är|vi är|sono|son|são|sont|"
                            r"sind|es gibt|zijn|er zijn|jest|są|hai|hain|their number is)\s*(?:about|around|roughly|"
                            r"runt|circa|~|ca\.?|około|ungefär|environ|unos|umas|uns)?\s*$")


# s17-b (dev19b): people named, then counted after a copula or a hedge ("Our staff na like 120, each person go search
# ...", "the lawyers are about 45, each ..."): the count of a rate per person
_PERSON_UNIT = re.compile(r"(?:person|people|user|employee|member|staff|dev|developer|engineer|lawyer|agent|worker|"
                          r"analyst|doctor|nurse|clerk|officer|colleague|head)s?$")
_PEOPLE_COUNTED_BEFORE = re.compile(
    r"\b(?:staff|employees|people|users|workers|agents|lawyers|attorneys|developers|devs|engineers|analysts|doctors|"
    r"nurses|clerks|officers|colleagues|team|headcount)\s+(?:are|is|na|dey|be|number|total)?\s*(?:like|about|around|"
    r"roughly|approximately|approx\.?|some|maybe|~)?\s*$")


def _rate_clause(work: str, num: Number) -> tuple[str, str]:
    """The words of the rate's own clause before and after figure ``num``."""
    left = max((work.rfind(c, 0, num.start) for c in ",;!?。，；、\n"), default=-1) + 1
    previous = max((work.rfind(c, 0, max(0, left - 1)) for c in ",;!?。，；、\n."), default=-1) + 1
    short = len(work[previous:left - 1].split()) <= 3 or re.match(
        r"\s*(?:each|every|per|cada|ogni|pro|par|por|jede\w*|chaque|elke|każd\w*|varje)\s+[^\W\d]+",
        work[previous:left])
    if 0 < left and short and not re.search(r"\d", work[previous:left]):
        left = previous  # "par magasin, environ 40 requêtes par jour", "per site it's small, like 200 a day"
    before = work[max(left, num.start - 60):num.start]
    before = re.split(r"\.\s", before)[-1]
    after = re.split(r"[,;!?。，；、\n]|\.\s", work[num.end:num.end + 50])[0]
    return before, after


def _unit_word(work: str, num: Number) -> str | None:
    """The unit a rate is counted per ("store", "店", "매장"), "" for a bare "each", None when it is not per unit."""
    before, after = _rate_clause(work, num)
    for m in _CJK_EACH_CLASSIFIER.finditer(before):  # "1200家商户，每家每月...": the classifier counts the units
        return m.group(1)
    for rx in (_CJK_EACH, _CJK_EACH_BARE):
        for m in rx.finditer(before):
            if not _CJK_PERIOD.match(m.group(1)):
                return m.group(1)
    for m in _JA_PER.finditer(before):
        if not _CJK_PERIOD.match(m.group(1)):
            return m.group(1)
    for m in _JA_EACH.finditer(before):
        if m.group(1) not in ("自", "人", "位"):
            return m.group(1)
    for m in _KO_PER.finditer(before):
        if not _CJK_PERIOD.match(m.group(1)):
            return m.group(1)
    for m in _TR_PER.finditer(before):
        if not _NOT_UNIT.match(m.group(1)):
            return m.group(1)
    for m in _CUE_BEFORE.finditer(before):
        cue = m.group().split()[0]
        if cue == "her" and not _TURKISH.search(work) or re.search(r"\d", before[m.end():]):
            continue  # "her team": the English pronoun; "cada consulta tarda 1 segundo y ... 5000": another figure
        if not _NOT_UNIT.match(m.group(1)):
            return m.group(1)
    for unit in _CUE_AFTER.finditer(after[:40]):
        if not _NOT_UNIT.match(unit.group(1)):
            return unit.group(1)
    if _EACH_AFTER.match(after) or _EACH_BEFORE.search(before) or _EACH_OPENS.match(before):
        return ""  # "a dozen searches a day each", "人均每天3次": per person, the people not named
    return None


# A clause that opens with "each" and names nothing countable ("ogni utente fa in media 3", glossed "each fa in media")
_EACH_OPENS = re.compile(r"^\s*each\s+(?!(?:day|week|month|year|hour|minute|second|time|times|of|query|queries|search|"
                         r"searches|request|requests)\b)")
# A bare "each" (per person): "12 searches a day each", "each per day 20 times" (glossed "1人1日"), "人均", "1인당"
_EACH_AFTER = re.compile(r"^\s*(?:[a-z\-]+\s+){0,4}?(?:each|apiece|a head|per head|per person|per capita|jeweils|"
                         r"chacun|cada uno|ciascuno|ognuno|a testa|var)(?:\s+per\b|\s*$)")
_EACH_BEFORE = re.compile(r"(?:^|[\s,])each\s+(?:per|a)\s+\w+\s*(?:about\s+)?$|\beach of (?:them|us|those)\b|"
                          r"人均|每人|每个人|每位|1인당|인당|1人あたり|" + P.ONE_PERSON)


def _stem(unit: str) -> str:
    if re.match(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]", unit):
        return unit
    if re.search(r"[şğıüöç]|(?:nin|nın|nun|nün|miz|mız|muz|müz|ler|lar)$", unit):  # Turkish: "şubenin", "şubemiz"
        return unit[:4]
    return unit[:max(3, min(5, len(unit) - 1))]


def _count_of(unit: str, work: str, numbers: list[Number], rate: Number) -> Number | None:
    """How many units the message counts: "300 stores", "1200家门店", "le filiali sono 70", "de är runt 250"."""
    cjk = bool(re.match(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]", unit))
    stem = re.escape(_stem(unit))
    chars = "|".join(re.escape(c) for c in unit) if cjk else stem
    for n in numbers:
        if n is rate or n.start == rate.start or n.value < 2 or (1900 <= n.value <= 2100 and n.value.is_integer()):
            continue
        after, before = work[n.end:n.end + 30], work[max(0, n.start - 30):n.start]
        if re.search(r"\d", before[-12:].strip()[-1:] or ""):
            continue
        if cjk:
            noun_after = re.match(rf"^\s*[^\s\d]{{0,3}}?(?:{chars})", after)
            noun_before = re.search(rf"(?:{stem})[^\s\d]{{0,5}}\s*(?:about\s+|around\s+)?$", before)
        else:
            noun_after = re.match(rf"^\s*(?:[a-zà-ÿ\-]+\s+)?{stem}", after)
            noun_before = re.search(rf"\b{stem}\w*\s+(?:\w+\s+){{0,2}}?(?:about\s+|around\s+|~\s*)?$", before)
        copula = (_COPULA_BEFORE.search(before) or (_PERSON_UNIT.match(unit) and _PEOPLE_COUNTED_BEFORE.search(
            before))) and re.match(r"^\s*(?:of (?:them|us)\b|$|[,;.!?。，；])", after)
        if noun_after or noun_before or copula:
            return n
    return None


def unit_rate(work: str, num: Number, numbers: list[Number]) -> tuple[str, Number | None] | None:
    """The unit a query rate is counted per and how many of them the message counts; None when not per unit."""
    before, _ = _rate_clause(work, num)
    each_of = _EACH_OF.search(before)
    if each_of:  # "each of our 9 clinics does about 50 searches a day": the 9 clinics, counted
        count = next((n for n in numbers if n.start == len(work[:num.start]) - len(before) + each_of.start(1)), None)
        if count is not None and count.value >= 2:
            return each_of.group(2), count
    unit = _unit_word(work, num)
    if unit is None:
        return None
    if not unit and any(n.value >= 2 and n.start != num.start for n in numbers):
        counted = _counted_before(work, numbers, num)  # "지점 20곳에서 각각 하루 50번": 20 branches
        return ("", counted) if counted else None  # "the 3 biggest clients ... each": the guard checks the product
    if not unit:
        return unit, None
    # "가맹점 500곳에서 매장당 월 100회": the places counted with a place counter, named with another word (s7-d)
    return unit, _count_of(unit, work, numbers, num) or _counted_before(work, numbers, num, _PLACE_COUNTER)


_EACH_OF = re.compile(rf"\b(?:each|every one|chacun\w*|cada un[oa]?|cada um[a]?|ognun[oa]|ciascun[oa])\s+"
                      rf"(?:of|de|des|delle|dei|degli|der|dos|das|di|d'|unserer|unsere|von|van)\s+(?:[^\s\d]+\s+){{0,2}}?"
                      rf"(\d[\d.,]*)\s+({_LATIN})\b[^\d]*$")


_ANY_COUNTER = re.compile(r"^\s*(?:곳|개|명|군데|家|个|個|所|名|人|店|拠点|か所|ヶ所)")
_PLACE_COUNTER = re.compile(r"^\s*(?:곳|군데|개\s*(?:점|지점|매장)|家|所|店|拠点|か所|ヶ所|社)")


def _counted_before(work: str, numbers: list[Number], rate: Number,
                    counter: re.Pattern[str] = _ANY_COUNTER) -> Number | None:
    """The figure before a rate "each" that a CJK or Hangul counter follows ("20곳", "12家"), in its sentence."""
    left = max((work.rfind(c, 0, rate.start) for c in ".!?。\n"), default=-1) + 1
    before = [n for n in numbers if left <= n.start < rate.start and n.value >= 2]
    if len(before) != 1 or re.search(r"\d", work[before[0].end:rate.start]):
        return None
    n = before[0]
    if counter.match(work[n.end:]):
        return n
    if counter is not _ANY_COUNTER:
        return None  # the places of a unit named with another word (s7-d): a place counter only
    # "nous avons 12 hôtels, chacun reçoit 300 questions par jour", "we run 14 branches, each handles ~50": the
    # places counted right before a bare "each" (people are counted by the reader of users before this) (s7-c)
    plural = re.match(r"^\s*(?:[a-zà-ÿ\-]+\s+)?([a-zà-ÿ\-]{3,}(?:s|x|en|i|e))\b(?=\W*$|\W+(?:each|chacun\w*|"
                      r"cada|ognun\w*|ciascun\w*|jede\w*|elk\w*|każd\w*|varje|каждый)\b)", work[n.end:rate.start])
    return n if plural and not _NOT_UNIT.match(plural.group(1)) and not P.USERS.match(work[n.end:]) else None


count_of = _count_of  # the units a figure counts, for a corpus per unit too (``understanding_documents``)
CJK_PERIOD = _CJK_PERIOD


def count_in(unit: str, message: str) -> float | None:
    """How many ``unit``s an earlier ``message`` counts ("We're a pharmacy chain (~300 stores)" -> 300), else None."""
    work = P.normalise(message)
    count = _count_of(unit, work, P.find_numbers(work), Number(-1, -1, 0.0))
    return count.value if count is not None else None


def per_unit_question(unit: str, monthly: float, text: str) -> dict[str, Any]:
    """The pending question "how many {unit} are there?" for a rate of ``monthly`` queries a month per unit."""
    return {"kind": "per_unit", "value": float(monthly), "monthly": float(monthly), "unit": unit,
            "fields": ["queries_per_month"], "text": text.strip()}


# Traffic counted per period: visits, pageviews, sessions, visitors in every language of the lexicon
_TRAFFIC = (r"(?:page\s?views?|pageviews?|views|visits?|visitors?|sessions?|hits|pv|uv|访问量?|访客|浏览量?|"
            r"api calls|api requests|"  # s14-c: "the gateway does 40M API calls a month, search is 2% of it"
            r"訪問(?:数|者)?|アクセス(?:数)?|ページビュー|방문(?:자|객)?|페이지뷰|조회수?|seitenaufrufe|aufrufe|besuche|"
            r"besucher\w*|sitzungen|visites|visiteurs|pages vues|visitas|visitantes|sesiones|acessos|sessões|visite|"
            r"visitatori|sessioni|bezoeken|bezoekers|paginaweergaven|sessies|odsłon\w*|odwiedzin\w*|wizyt\w*|"
            r"besök\w*|sidvisningar|ziyaret\w*|görüntülen\w*|oturum\w*|просмотр\w*|посещ\w*|визит\w*|сесси\w*)")
# "每月10万是页面浏览量": the traffic named after a copula
_TRAFFIC_AFTER = re.compile(rf"^\s*(?:[a-zà-ÿ]+\s+|[是的次]){{0,2}}?(?:页面|網頁|网页)?{_TRAFFIC}")
# Items that arrive per period, a share of which will go through the search ("300k tickets a month; assume about half
# of them would go through the AI search", "一个月30w工单，估计一半会走AI检索", "ayda 90 bin destek talebi geliyor,
# yarısının ..."): counted like traffic, but only with a period (a corpus of tickets has none)
_ITEMS = (r"(?:(?:support |customer )?tickets?|tiket|inquiries|enquiries|customer (?:support|questions|messages)|"
          r"support requests|chats|conversations|emails|messages|klantvragen|chamados|solicitudes|demandes|"
          r"richieste di assistenza|anfragen|обращени\w*|talep\w*|"
          r"工单|客服讯息|讯息|咨询|問い合わせ|お問い合わせ|문의|상담)")
_ITEMS_AFTER = re.compile(rf"^\s*(?:[张則则条件通封个]\s*)?(?:[a-zà-ÿ]+\s+){{0,2}}?{_ITEMS}")
_ITEMS_BEFORE = re.compile(rf"{_ITEMS}\s*(?:が|가|은|는|이|は|:|of|about|around|~)?\s*(?:about\s+|around\s+|~\s*)?$")
_TRAFFIC_BEFORE = re.compile(rf"{_TRAFFIC}\s*(?:[^\s\d]{{0,4}})?\s*(?:is|are|of|at|about|around|roughly|~|:|は|가|이|"
                             rf"大概|大约|约|有|在)?\s*(?:about\s+|around\s+|~\s*)?$|"
                             # s14-c: "our API gateway does 40M calls a month": everything the gateway serves
                             rf"\b(?:api|gateway)\s+(?:\w+\s+)?(?:does|handles|serves|gets|sees|processes)\s*"
                             rf"(?:about\s+|around\s+|~\s*)?$")
_PERCENT = re.compile(r"(?<![\d.])(\d{1,2}(?:\.\d{1,2})?)\s*%|%\s*(\d{1,2}(?:\.\d{1,2})?)(?![\d.])|"
                      r"(?<![\d.])(\d{1,2}(?:\.\d{1,2})?)\s*(?:percent|per cent|prozent|pour ?cent|por ?ciento|"
                      r"por ?cento|per ?cento|procent\w*|процент\w*)\b|процентов\s+(\d{1,2})\b")
# (s17-c: "6% of the ~90k sessions": a hedge before the figure)
_PERCENT_OF = re.compile(r"(\d{1,2}(?:\.\d{1,2})?)\s*%\s*(?:of|der|des|de|del|dei|degli|delle|dos|das|из|z|van|av|da|"
                         r"di)\s+(?:[^\s\d]{1,8}\s+){0,3}(?:~|about |around |roughly |approx\.? )?$")
_JA_WARI = re.compile(r"(?<![\d.])(\d)\s*割|([一二三四五])割")
_CN_CHENG = re.compile(r"(?<![\d.])(\d)\s*成(?![本果功员])|([一二三四五六七八九])成(?![本果功员])")  # "三成" is 30%
_ONE_IN = re.compile(r"\b(1|one|a)\s+(?:in|out of)\s+(\d{1,3}|two|three|four|five|ten|twenty)\b")
_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10, "twenty": 20, "one": 1, "a": 1}
_SEARCH_USE = re.compile(r"search|quer|look ?up|use|using|search box|搜|搵|查|检索|検索|검색|such|recherch|b[úu]squeda|"
                         r"\bask\w*|the bot\b|(?:le|el|o|der) bot\b|"  # s14-c: "a third of visits would ask the bot"
                         r"buscador|busca|ricerca|zoek|wyszuk|sök|ara\w*|поиск|use karenge|利用|使|쓰|사용")


def traffic_share(work: str, numbers: list[Number]) -> tuple[int, Number] | None:
    """Queries a month from traffic and the share of it that searches ("600k pageviews a month, 5% use search")."""
    for n in numbers:
        after, before = work[n.end:n.end + 40], work[max(0, n.start - 30):n.start]
        items = not (_TRAFFIC_AFTER.match(after) or _TRAFFIC_BEFORE.search(before)) and bool(
            _ITEMS_AFTER.match(after) or _ITEMS_BEFORE.search(before))
        if not (items or _TRAFFIC_AFTER.match(after) or _TRAFFIC_BEFORE.search(before)) or n.value < 100:
            continue
        sentence_end = min([i for i in (work.find(c, n.end) for c in ".!?。\n") if i >= 0], default=len(work))
        left = max((work.rfind(c, 0, n.start) for c in ".!?。\n"), default=-1) + 1
        rest = work[n.end:sentence_end]
        share = _share_in(rest) or _share_in(work[left:n.start], before_traffic=True)
        if share is None or not _SEARCH_USE.search(work[left:sentence_end]):
            continue
        own = re.split(r"[,;，；、]|\s(?:and|y|e|und|et|en|och|ve|и)\s", after)[0]
        period = None
        for window in (before[-25:] + " " + own, work[left:sentence_end]):
            window = share_word_span(window)  # "a quarter of our 1.2M monthly pageviews": no quarter of a year
            hits = [(m.start(), factor) for rx, factor in P.PERIODS if (m := rx.search(window))]
            if hits:
                period = min(hits)[1]
                break
        if items and (period is None or P.GROWTH_WORD.search(work[left:sentence_end])):
            continue  # "300k tickets, half of them in German": a corpus of tickets, not a volume a month; "2k new
            # tickets every week and query volume grows maybe 10% a month": growth, not a share
        return int(n.value * share * (period or 1.0)), n
    return None


def _share_in(text: str, before_traffic: bool = False) -> float | None:
    """A share said in ``text``: "5%", "%5", "a quarter", "1 in 10", "三分之一", "1割", "ein Viertel"."""
    if before_traffic:  # "a quarter of our 1.2M monthly pageviews", "un tiers de nos 90 000 visites", "15% of our"
        one_in = _ONE_IN.search(text[-40:])
        if one_in and re.search(r"\b(?:of|van|av|de|di)\s+(?:[^\s\d]{1,8}\s+){0,2}$", text[one_in.end():]):
            part, whole = (float(_WORDS.get(g, 0) or g) for g in one_in.groups())  # "1 in 20 of our 400k visitors"
            return part / whole if 0 < part < whole else None
        percent = _PERCENT_OF.search(text[-40:])
        if percent:
            value = float(percent.group(1)) / 100
            return value if 0 < value < 1 else None
        return share_word(text[-40:])
    m = _PERCENT.search(text)
    if m:
        value = float(next(g for g in m.groups() if g)) / 100
        return value if 0 < value < 1 else None
    m = _JA_WARI.search(text) or _CN_CHENG.search(text)
    if m:
        digit = m.group(1) or str("一二三四五六七八九".index(m.group(2)) + 1)
        return int(digit) / 10
    m = _ONE_IN.search(text)
    if m:
        part, whole = (float(_WORDS.get(g, 0) or g) for g in m.groups())
        return part / whole if 0 < part < whole else None
    return share_word(text, anywhere=True)


_ACTIVE_BEFORE = re.compile(r"(?:(?<![a-z])[dm]au(?![a-z])|"
                            r"\b(?:daily|monthly) active (?:users|learners|students|players|members)\b|"
                            r"日活|月活|日間アクティブ(?:ユーザー)?|월간 활성 사용자|일간 활성 사용자)\s*(?:数|수)?\s*"
                            r"(?:is|are|of|at|about|around|roughly|approximately|~|:|=|は|가|이|在|大概|大约|约|是|有|差不多|"
                            r"lagbhag|takriban|karib|qareeb|"
                            r"около|примерно|\s)*$")


def active_users_before(work: str, numbers: list[Number]) -> Number | None:
    """Active users counted after their name: "DAU is around 120k", "日活大概50万", "monthly active users ~400k"."""
    for n in numbers:
        if n.value >= 100 and _ACTIVE_BEFORE.search(work[max(0, n.start - 40):n.start]) and not P.QUERY_AFTER.match(
                work[n.end:n.end + 30]):
            return n
    return None


def daily_active(work: str, people: Number) -> bool:
    """True when the active users before or after ``people`` are counted per day (DAU, 日活), not per month."""
    around = work[max(0, people.start - 40):people.end + 40]
    return bool(re.search(r"(?<![a-z])dau(?![a-z])|\bdaily active\b|日活|日間アクティブ|일간 활성", around))


# A peak and the usual rate in one message ("peak is 40 qps on black friday but normally 2 or 3 per second", "峰值QPS
# 50，平时大概5左右", "ピーク時は秒間30、平均すると秒間5", "in der Spitze 35/s, im Schnitt eher 2"): the monthly volume
# is the usual rate's; the peak only sizes the serving. Glossed text: the cue words in every language of the lexicon.
PEAK_CUE = re.compile(r"\bpeak\w*|\bspikes?\b|\bspitze\w*|\bspitzenlast\w*|\bpointes?\b|\ben pic\b|\bpics?\b|"
                       r"\bpicos?\b|"
                       r"\bpicc(?:o|hi)\b|\bpiek\w*|\bszczy\w*|пик\w*|\bzirve\w*|\ben yoğun\b|\bpuncak\w*|पीक|"
                       r"\bblack friday\b|\bbusiest\b|\bbusy\b|\bheavy days?\b|\brush\b|\bmax(?:imum)?\b|"
                       # s15-a: a season or week of work ("during filing season", "enrollment week it's crazy",
                       # "flat out July to October")
                       r"\bcrazy\b|\bflat[\s\-]out\b|\bhectic\b|\bslammed\b|\bmental\b|"
                       r"\b(?:during|in) (?:the )?(?:[\w\-]+\s+){0,2}(?:season|week|weeks|period|rush)\b|"
                       r"\b(?:filing|tax|enrol(?:l)?ment|admissions?|exam|festive|year[\s\-]end|harvest) "
                       r"(?:season|week|weeks|period|time)\b|"
                       r"\bmaximal\w*|\bmaksymaln\w*|\bm[áa]xim[oa]\b|\bmassim[oa]\b|\bcampa[ñn]a\b|\bcampagne\b|"
                       r"\bcampagna\b|"
                       # s15-b: the sales days of the set's countries ("en cyber day llega a 50 por segundo")
                       r"\bcyber ?(?:day|monday|week|wow)\b|\bhot ?sale\b|\bbuen fin\b|\bprime day\b|\bsingles'? day\b|"
                       r"\bharbolnas\b|\bboxing day\b|\bblack week\b|\blebaran\b|(?<![\d.])(?:11\.11|12\.12)(?![\d.])|"
                       # s17-b (dev19b): the time of a sale ("Sale ke time 1 lakh searches per day", "during the
                       # sale", "pas flash sale", "khi sale", "podczas wyprzedaży")
                       r"\b(?:during|at|in) (?:the |a |our )?sales?\b|"
                       r"\bsale (?:ke (?:time|waqt|din)|mein|me|time|days?)\b|"
                       r"\b(?:pas|saat|masa|musim) (?:flash )?sale\b|\b(?:khi|mùa|đợt) sale\b|"
                       r"\b(?:podczas|w czasie|w trakcie) (?:wyprzedaż\w*|promocj\w*)|\bindirim dönem\w*|ช่วงเซล|"
                       r"峰值|高峰|尖峰|最忙|最繁忙|大促|促销|双十一|雙十一|ピーク|セール|피크|최대|세일\s*때|할인\s*행사")
_USUAL_CUE = re.compile(r"\bon average\b|\baverag\w*|\bavg\b|\bnormal(?:ly)?\b|\busual(?:ly)?\b|\btypical(?:ly)?\b|"
                        r"\botherwise\b|\bthe rest of the time\b|\bday[\s\-]to[\s\-]day\b|\bim schnitt\b|"
                        r"\b(?:the )?rest of the year\b|\boff[\s\-](?:peak|season)\b|\bquiet(?:er)? (?:times?|months?|"
                        r"periods?|days?)\b|"  # s15-a
                        r"\bdurchschnittlich\b|\bnormalerweise\b|\bsonst\b|\ben moyenne\b|\bnormalement\b|"
                        r"\bhabituellement\b|\bde media\b|\ben promedio\b|\bnormalmente\b|\bin media\b|"
                        r"\bdi solito\b|\bem m[ée]dia\b|\ba m[ée]dia\b|\bm[ée]dia\b|\bgemiddeld\b|\bnormaal\b|"
                        r"\b[śs]rednio\b|\bpromedio\b|\bmoyenne\b|\bdurchschnitt\b|\bgemiddelde\b|"
                        r"\bmedia(?= (?:de |di |uns |umas |unos |about |maybe |like |around )?\d)|\bzwykle\b|"
                        r"\bв среднем\b|\bобычно\b|\bortalama\b|\bnormalde\b|औसतन|"
                        r"आम तौर पर|\brata[\s\-]rata\b|\bbiasanya\b|平时|平常|平均|日常|平時|普段|通常|평소|평균|보통")
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d{3}(?!\d))|"  # (not the comma of "5,000", s14-c)
                           r"[;，；、。!?]|\.\s|\s(?:but|while|whereas|aber|mais|pero|ma|mas|maar|ale|но|а|ama|"
                           # (not the Spanish and French "en" of "en peak", "en moyenne": s14-b)
                           r"tapi|लेकिन|y|e|und|et|en(?!\s+(?:\d|(?:peak\w*|pics?|picos?|moyenne|promedio|media|hora\w*|"
                           r"heure\w*|temporada|campa\w+)\b))|and)\s|但是?|ですが|が、|지만|는데|"
                           # s13-b: dictated with no stop, the average starts its own clause ("3 a second at peak avg
                           # maybe 1", "15 por segundo no pico media uns 4", "в пік 20 в середньому 5")
                           r"\s(?=(?:on average|avg|average|usually|normally|m[ée]dia|promedio|en promedio|en moyenne|"
                           r"moyenne|im schnitt|durchschnittlich|normalmente|в среднем|в середньому|ortalama|i snitt|"
                           r"[śs]rednio)(?![\w]))")
_PER_SECOND_UNIT = re.compile(r"(?<![a-z])(?:qps|rps|tps)(?![a-z])|\breq(?:uests?)?\s*/\s*s(?:ec)?\b|"
                              # s13-b: "3 queries a second at peak" (glossed "3 queries 1 second")
                              r"\b(?:quer(?:y|ies)|searches|requests|lookups|calls|hits)\s+(?:1|a|one)\s+sec(?:ond)?\b")
# A figure that is not a rate of queries: another unit after it
_OTHER_UNIT_AFTER = re.compile(r"^\s*(?:%|ms\b|s\b|sec(?:onds?)?\b|gb\b|tb\b|mb\b|pages?\b|words?\b|tokens?\b|"
                               r"[$€£¥]|usd|eur|x\b|users?\b|people\b|employees\b|人|名|명|页|頁|ページ|毫秒|"
                               # s17-c: a length in characters ("平均50字"), not a usual rate beside a peak
                               r"字|文字|자\b|characters?\b|chars?\b)")
# Documents after a figure: no query rate, unless the question was about queries (the gloss reads 件 and 건 as items
# or documents: "ピーク時は毎分600件")
_DOCS_AFTER = re.compile(r"^\s*(?:docs?|documents?|files|articles)\b")


_OR = re.compile(r"^\s*(?:or|to|-|–|~|à|a|bis|o|ou|of|lub|или|ya|atau|veya|或|到|至|から|~|〜|내지)\s*$")


def _rate_parts(clause: str, asked: str | None = None) -> tuple[float, float | None] | None:
    """The figure of one clause and its period's factor to a month (None when the clause names no period)."""
    figures = [n for n in P.find_numbers(clause, 3) if not _OTHER_UNIT_AFTER.match(clause[n.end:n.end + 12]) and not (
        asked != "queries_per_month" and _DOCS_AFTER.match(clause[n.end:n.end + 12]))]
    if len(figures) == 2 and _OR.match(clause[figures[0].end:figures[1].start]):  # "2 or 3 per second"
        figures = [Number(figures[0].start, figures[1].end, (figures[0].value + figures[1].value) / 2)]
    if len(figures) != 1 or figures[0].value <= 0:
        return None
    if _PER_SECOND_UNIT.search(clause):
        return figures[0].value, float(P.SECONDS_PER_MONTH)
    said = daily_words(clause)  # "on a normal day maybe 1.5k searches": per day
    hits = [(m.start(), factor) for rx, factor in P.PERIODS if (m := rx.search(said))]
    return figures[0].value, (min(hits)[1] if hits else None)


_QUERY_WORD = re.compile(r"(?<![a-z])(?:quer(?:y|ies)|search\w*|requests?|req|lookups?|questions?|qps|rps|hits|"
                         r"calls)(?![a-z])|"
                         r"次|回|件|건|번|個|个|筆|笔|क्वेरी|सर्च|रिक्वेस्ट")
_MONEY = re.compile(r"[$€£¥₹]|\b(?:usd|eur|gbp|dollars?|euros?|budget|pages|tokens|ms|gb)\b|美元|元|円|원|预算|予算|"
                    r"예산")
_DOCS = re.compile(r"\b(?:docs?|documents|files)\b|文档|文書|문서")


# (s15-a: English "times" only before a comparative, not the count of "otherwise 5-6 times only")
_TIMES_LESS = re.compile(r"\btimes (?:less|fewer|lower|smaller|below|under)\b|\b(?:a|one) (?:half|third|quarter|"
                         r"fifth|tenth) of (?:that|the peak|it)\b|\bmal\b|\bfois\b|\bveces\b|\bvolte\b|\bvezes\b|"
                         r"\bkeer\b|\brazy\b|\bраз\b|\bkat\b|गुना|\bkali\b|倍|배|分之")


def average_beside_peak(work: str, asked: str | None) -> int | None:
    """Queries a month from the usual rate when ``work`` also gives a peak ("peak 40 qps, normally 2-3 per second").

    The usual rate without a period of its own takes the peak's ("峰值QPS 50，平时大概5左右"); it must be the smaller.
    """
    both = usual_and_peak(work, asked)
    if both and people_beside_rates(work):
        return None  # s15-a: "15 accountants ... 40 a day each then, rest of the year 10": the people are counted too
    return both[0] if both else None


def people_beside_rates(work: str) -> bool:
    """A count beside a peak and a usual rate that are each one's ("15 accountants ... 40 a day each, otherwise 10")."""
    return bool(re.search(r"\beach\b|\bper (?:person|head)\b", work)) and len(P.find_numbers(work)) >= 3


def usual_and_peak(work: str, asked: str | None) -> tuple[int, float] | None:
    """The usual rate a month and the peak's (see ``average_beside_peak``), or None."""
    bounds = [0, *(b for m in _CLAUSE_BREAK.finditer(work) for b in (m.start(), m.end())), len(work)]
    clauses: list[str] = []
    for c in (work[bounds[i]:bounds[i + 1]] for i in range(0, len(bounds) - 1, 2)):
        if len(c.strip()) <= 3 and not P.find_numbers(c):
            continue  # s14-b: a joining word left alone between two breaks ("en" of "per second en moyenne")
        if clauses and not re.search(r"\d", c) and not PEAK_CUE.search(c) and not PEAK_CUE.search(clauses[-1]) \
                and re.search(r"\d", clauses[-1]):
            clauses[-1] += " " + c  # s14-b, s14-c: "20 per minute on average", "5 par seconde en moyenne": the cue
            # after its figure, split off
        elif clauses and re.search(r"\d", c) and not PEAK_CUE.search(c) and not _USUAL_CUE.search(c) and \
                not re.search(r"\d", clauses[-1]) and PEAK_CUE.search(clauses[-1]):
            clauses[-1] += " " + c  # s15-a: "during enrollment week it's crazy, maybe 500 a day": the cue before
        elif clauses and re.search(r"\d", c) and not PEAK_CUE.search(c) and not _USUAL_CUE.search(c) and \
                not re.search(r"\d", clauses[-1]) and _USUAL_CUE.search(clauses[-1]) and \
                not PEAK_CUE.search(clauses[-1]):
            clauses[-1] += " " + c  # s17-c: "na média do dia inteiro, umas 2 por segundo": the usual cue before
        else:
            clauses.append(c)
    peaks = [c for c in clauses if PEAK_CUE.search(c) and not _USUAL_CUE.search(c) and _rate_parts(c, asked)]
    usual = [c for c in clauses if _USUAL_CUE.search(c) and not PEAK_CUE.search(c) and _rate_parts(c, asked)]
    if len(peaks) != 1 or len(usual) != 1:
        return None
    if _TIMES_LESS.search(usual[0]):
        return None  # "в среднем раз в пять меньше": a ratio to the peak, not a rate
    both = peaks[0] + " " + usual[0]
    if _MONEY.search(both) or (asked != "queries_per_month" and (_DOCS.search(both) or not _QUERY_WORD.search(both))):
        return None  # "max 20 pages, usually 5", "budget at most $500 a month, usually 300": no query rate
    peak, normal = _rate_parts(peaks[0], asked), _rate_parts(usual[0], asked)
    if peak is None or normal is None or (peak[1] or normal[1]) is None:
        return None
    month = normal[0] * (normal[1] or peak[1] or 1.0)
    if peak[1] is None and normal[1] is not None and month > 0:
        return int(month), 0.0  # "peak was 9,000 queries on Black Friday alone, normal is around 40k a month": an
    peak_month = peak[0] * (peak[1] or normal[1] or 1.0)  # event's
    return (int(month), peak_month) if 0 < month < peak_month else None


# s14-c: the searches named apart from another figure of the message ("payment API calls are 3M a month, but that's
# separate; searches are about 2k a day", "결제 API 호출은 월 300만 건인데 그건 별개고, 검색은 하루 2천 건"): the
# figure whose own words name the searches is the volume, not a count of something else said first.
_SEARCH_NOUN = re.compile(r"\bsearch\w*|\bquer(?:y|ies)\b|\blookups?\b|\bqps\b|\bsuch\w*|\brecherch\w*|"
                          r"\bb[úu]squedas?\b|\bbuscas?\b|\bconsultas?\b|\bpesquisas?\b|搜索|查询|检索|検索|クエリ|검색|"
                          r"쿼리|조회|بحث|استعلام|सर्च|खोज")
_APART = re.compile(r"\b(?:but|however|though|whereas|separate\w*|apart|aside|unrelated|different thing|"
                    r"mas|pero|aber|mais|sin embargo|lekin|par)\b|不过|但是|但|而是|不算|另算|하지만|그런데|근데|별개|"
                    r"따로|でも|ただ|別|لكن|منفصل|बल्कि|लेकिन")
# documents or growth counted in the first figure's clause ("매달 문서가 200건씩 늘고, 검색은 하루 500건")
_OTHER_COUNTED = re.compile(r"\b(?:documents?|docs|files|pages|articles|new|grow\w*|added|users|customers)\b|"
                            r"문서|文档|文件|文書|ドキュメント|新增|増え|늘|추가|사용자|用户|ユーザー")
_CLAUSE_EDGE = re.compile(r"[,;.!?。，；！？]\s|[,;!?。，；！？、]|\.$")


def _clause_of(work: str, num: Number) -> tuple[int, int]:
    left = max((m.end() for m in _CLAUSE_EDGE.finditer(work, 0, num.start)), default=0)
    right = next((m.start() for m in _CLAUSE_EDGE.finditer(work, num.end)), len(work))
    return left, right


def searches_named_apart(work: str, first: Number, later: Number) -> bool:
    """Whether ``later`` is the searches' figure set apart from ``first``, a count of something else said before it.

    ``first``'s clause names no searches; a "but" or "that's separate" stands between them or in ``first``'s clause
    (or that clause counts documents, growth or users); the words from that marker to the end of ``later``'s clause
    name the searches.
    """
    left, right = _clause_of(work, first)
    if _SEARCH_NOUN.search(work[left:right]):
        return False
    marks = list(_APART.finditer(work, first.end, later.start))
    if not marks and not _APART.search(work, left, right) and not _OTHER_COUNTED.search(work, left, right):
        return False
    start = marks[-1].start() if marks else right
    return bool(_SEARCH_NOUN.search(work, start, _clause_of(work, later)[1]))
