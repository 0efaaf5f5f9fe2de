"""The checks of the interview guard: each names a value of one message it doubts, and why.

Each rule takes the guard's ``Reading`` of the message and the reader's ``Understanding`` and returns {field: reason}
for the values the message leaves in doubt; ``agent.understanding_guard.review`` turns them into a confirming check.
Every rule was measured on every message set (``bench/interview_accuracy.py``): a right value it would withhold counts
as a miss there, so each one had to catch more wrong values than it cost right ones.
"""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_patterns as P
from agent import understanding_structure as S
from agent.understanding import Understanding
from agent.understanding_figures import SELF_CORRECTION
from agent.understanding_guard_context import figure_kinds
from agent.understanding_guard_reading import Reading, clause
from agent.understanding_hardware import (
    CPU_MODEL,
    NEGATED_JUST_BEFORE,
    OWNED,
    RENT_HEDGE,
    find_accelerators,
    owned_names,
)
from agent.understanding_money import others_money
from agent.understanding_numbers import Number
from agent.understanding_quantities import extract_fields
from agent.understanding_searches import ONLY_SOME, team
from knowledge.hardware import load_hardware
from tools.profile.schema import NUMERIC_FIELDS

# A figure followed by one of these multiplies or rates something: when no field used it, a neighbour's value is
# missing a factor. Unknown units in any script count too (a word right after the figure that is not a known unit).
_MULTIPLIER_AFTER = re.compile(
    r"^\s*(?:x\b|×|\*|(?:[a-z\-]{2,20},?\s+){1,2}(?:each|apiece|per(?!\s+(?:sec|min|hour|day|week|month|year|annum))|x|×)"
    r"(?!\w)|(?:each|per|apiece)\b|"
    r"(?![台枚张块대家원円元块]|달러|위안|ドル|美元|欧元|左右|上下|くらい|ぐらい|程度|ほど|前後|정도|쯤|가량|내외|吧|呢|啊|"
    r"毫秒|秒|ミリ秒|밀리초|초)[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{1,6}(?=\s*[,，、]|\s*$|\s*(?:each\b|각각|각자|それぞれ|各自|每个))|"
    r"[a-z\-]{2,20}\s+of\s+(?:about\s+|around\s+|roughly\s+|~\s*)?\d)")  # "6 teams of about 15 people"
_EXTREME_BEFORE = re.compile(r"短则|长则|最短|最长|短的|长的|短いもの|長いもの|長いと|短いと|"
                             r"긴\s*(?:건|것|거)|짧은\s*(?:건|것|거)|"
                             r"\b(?:longest|shortest|the long ones|the short ones|some (?:are|run|go)|a few|up to|"
                             r"sometimes|occasionally|bis zu|jusqu'à|hasta|fino a|até)\b[^\d]*$")
_LENGTH_SAID_AFTER = re.compile(r"\s*(?:字|文字|자|页|頁|ページ|페이지|pages?\b|words?\b|tokens?\b|seiten\b|"
                                r"páginas\b|paginas\b|palabras\b|mots\b|wörter\b|palavras\b)")
_OUT_OF_BRACKET = re.compile(r"[(（]\s*(?:out of|of|from|sur|von|de|dos|das|di|su|z|из|中|のうち)?\s*"
                             r"(?:about|around|~|ca\.?|environ|insgesamt|total|un total de|cerca de)?\s*$")
_CJK_WORD = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]{1,6}")
_EACH_CJK = re.compile(r"每(?![天日月周年小时星期季])|各|それぞれ|ずつ|あたり|当たり|각|씩|당")  # not "每天": a period
_CJK_ORG_UNIT = re.compile(r"产品线|业务线|生产线|部门|事业部|事业群|分公司|子公司|站点|系统|分类|类别|品牌|"
                           r"ライン|部署|部門|事業部|カテゴリ|라인|부서|사업부|계열사|카테고리")
_RATE_AFTER = re.compile(r"^\s*(?:[a-z\-]{2,20}\s+){1,2}(?:a|an|per|every)\s+(?:second|minute|hour|day|week|month|"
                         r"year)\b")  # "15k conversations a month": multiplies a volume or a budget, not a length
_EACH_AFTER = re.compile(r"^[^.;,]{0,25}?(?:\beach\b|\bapiece\b|\bper (?:person|head|user)\b|\bjeweils\b|\bchacun|"
                         r"\bcada uno|\bciascuno|ずつ|씩)")
_EACH_BEFORE = re.compile(r"\b(?:each|every|chaque|cada|ogni|jede[rs]?|je)\s+"
                          r"(?:(?!and\b|or\b|und\b|et\b|y\b|e\b)\w+\s+){0,2}$|(?:每(?![天日月周年小时星期季])个?|各)[\u4e00-\u9fff]{0,4}$|"
                          r"마다\s*(?:[\w\s]{0,12})$")
_LANGUAGE_COUNT = re.compile(r"\s*(?:种|種|门|門|个|個|つの|개(?:\s*국어)?)?\s*(?:语言?|語言?|言語|국어|언어)|"
                             r"\s*(?:languages?|langues?|idiomas?|lingue|línguas?|sprachen|talen|språk|języki\w*|dil\b|"
                             r"языка|языков)\b")
_NOT_A_COUNT = re.compile(r"\s*(?:%|percent|per ?cent|prozent|pour ?cent|por ?ciento|時|点|h\b|:\d\d|am\b|pm\b|uhr\b|"
                          r"hours? (?:a|per|each|every) (?:working |work )?day\b|"
                          r"heures?\b|o'clock|(?:working |business )?days?\b|giorni|tage|jours|días|dias|dagen|天|일)")
_BOUND_BEFORE = re.compile(r"(?:不超过|最多|最长|最大|at most|up to|max(?:imum)?|no more than|höchstens|au plus|"
                           r"como máximo|al massimo|최대|"
                           # the spread beside an average: "the long ones run to 80", "长的会到 80 页"
                           r"the long(?:est)? ones? (?:run |go |are |reach )?(?:to |up to )?|"
                           r"some (?:run|go) (?:to|up to)|"
                           r"长的(?:会|能|可以)?(?:到|有|达到)?|最长的(?:会|有)?(?:到)?|"
                           r"bis zu|jusqu'à|hasta|fino a|até|"
                           # s15-b: "not more than" in the languages of heldout48 ("inte mer än 400", "niet meer
                           # dan", "nie więcej niż", "non più di", "no más de", "en fazla", "не более", "tối đa")
                           r"not more than|inte mer än|högst|niet meer dan|hooguit|nie więcej niż|maksymalnie|"
                           r"non più di|no más de|en fazla|не более|не больше|maksimal|paling lama|tối đa|"
                           r"không quá)\s*$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_YEAR_BEFORE = re.compile(r"\b(?:since|from|to|back to|in|until|till|before|after|by|end of|seit|depuis|desde|dal|"
                          r"sinds|od|"
                          r"since the|from the)\s*$|(?:从|自)\s*$")
_FUTURE = re.compile(r"\b(?:expect(?:ing|ed)? to|will|could|might|grow(?:ing)? to|by next year|next year)\b[^.;]*$")
_TOTAL_SAID = re.compile(r"\bin total\b|\baltogether\b|\boverall\b|\bcombined\b|\binsgesamt\b|\bau total\b|"
                         r"\ben total\b|\bno total\b|\bin totale\b|总共|一共|合计|加起来|全部で|합계|총")
_EACH_OF = re.compile(r"\beach of (?:our |the |these |those |its |their )?$|\bin each of (?:our |the )?$")
# How many processors a server has ("2x Xeon, 48 cores", "dual-socket EPYC", "2 x Intel Xeon Silver (32 cores)"): the
# cores said beside them are the machine's total; only "N cores each" multiplies (read by the hardware reader).
_SOCKET_COUNT = re.compile(r"^\s*(?:x|×|\*)?\s*(?:(?:intel|amd)\s+)?(?:xeons?|epycs?|opterons?|sockets?|"
                           r"(?:physical\s+)?(?:cpus|processors)|至强|路)(?![a-z])")
# "on average 20 pages, the long ones 80": the average is the figure, the other one its spread
_AVERAGE = re.compile(r"\baverage\b|\bavg\b|\bon average\b|\btypical(?:ly)?\b|\bmedian\b|平均|一般|通常|평균|보통|"
                      r"durchschnitt\w*|en moyenne|moyenne|promedio|en media|in media|em m[ée]dia|gemiddeld|średnio")
_TRAILING = re.compile(r"^\s*(?:[.;!。]|$)")
# A figure after the one stored, taken back by its own words ("400 € per month, not 250", "600 € instead of 400")
_TAKEN_BACK_BEFORE = re.compile(r"(?:(?:,\s*|\band\s+|^\s*)(?:not|no longer)|\b(?:instead of|rather than|statt|anstatt|"
                                r"au lieu de|en lugar de|en vez de|invece di|in plaats van))\s+(?:the\s+)?"
                                r"(?:[$€£¥₹]\s*|(?:usd|eur|gbp|czk)\s+)?$")
_FRACTION_BEFORE = re.compile(r"(?:\b(?:a|one|two|three)\s+(?:tenth|quarter|third|fifth|hundredth|half)s?|\bhalf)\s+"
                              r"of\s+(?:an?\s+|the\s+)?$")
_PERIOD_WORDS = re.compile(
    r"\b(?:per|a|an|each|every|1)\s+(?:second|sec|minute|min|hour|hr|day|week|year)\b|\b(?:hourly|daily|weekly|yearly|"
    r"annually|a year)\b|毎時|毎秒|毎分|毎日|1日|一日|1時間|時間に|時間あたり|毎週|年間|毎年|每小时|每小時|每秒|"
    r"每天|每日|每周|每週|每年|시간당|하루|매일|매주|매년|초당|pro (?:stunde|tag|woche|jahr|sekunde)|täglich|stündlich|"
    r"par (?:heure|jour|semaine|an|seconde)|por (?:hora|día|dia|semana|año|ano|segundo)|al (?:giorno|anno)|"
    r"all'ora|per (?:uur|dag|week|jaar)|dziennie|na (?:godzinę|dzień|tydzień)")
_MONTH_WORDS = re.compile(r"\bmonth|\bmonthly\b|/\s*mo\b|月|달|monat|mois|\bmes\b|mês|mese|maand|miesi")
_MONTH_RATE = re.compile(r"\b(?:a|per|each|every)\s+month\b|\bmonthly\b|/\s*mo\b|毎月|每月|月に|월에|매달|pro monat|"
                         r"par mois|al mes|por mês|al mese|per maand|miesięcznie")
_OFFICE_HOURS = re.compile(
    r"office hours|business hours|working hours|work hours|working days|weekdays|\b9\s*(?:-|to)\s*5\b|"
    r"during the work ?day|\bdead at night\b|quiet at night|"
    r"nothing (?:at night|on weekends|overnight)|during the day|daytime|en journée|tagsüber|durante el día|"
    r"durante o dia|di giorno|昼間|日中|白天|낮에만|営業時間|勤務時間|業務時間|平日|工作时间|上班时间|"
    r"营业时间|工作日|營業時間|工作時間|上班時間|arbeitszeit|geschäftszeit|bürozeit|werktag|heures de bureau|"
    r"heures ouvr|jours ouvr|"
    r"horario (?:laboral|de oficina)|horário (?:comercial|de expediente)|dias úteis|días hábiles|orario d'ufficio|"
    r"orario lavorativo|giorni lavorativi|kantooruren|werkdagen|업무 ?시간|근무 ?시간|평일|godzin(?:ach)? prac")
# Where a figure's own clause ends: "about 5万件で、毎月1000件" (the period is the next figure's), "8만 건이고 매달"
_CLAUSE_END = re.compile(r"[,;。、]|\s(?:and|but|y|e|und|et|и|ve|en|och)\s|이고|이며|"
                         # s13-b: a space as the stop in Japanese and Chinese typed on a phone ("1万5千件で 毎月500件")
                         r"(?<=[\u3040-\u309f])\s+|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# s14-b: a year after its preposition ("j'avais oublié ceux de 2023", "the ones from 2023", "die von 2022"): no count
_YEAR_NAMED = re.compile(r"\b(?:of|from|in|since|de|du|des|von|vom|seit|im|desde|del|dal|dei|em|do|da|van|uit|"
                         r"från|sedan|z|od|з|с|от)\s+(?:19|20)\d\d$")
_INSTEAD = re.compile(r"\bnot\b|\binstead\b|\brather\b|\bactually\b|\bcorrection\b|\bnicht\b|\bpas\b|\bno es\b|"
                      r"\bnão\b|\bnon è\b|不是|而不是|ではなく|じゃなく|아니")
_PEAK = re.compile(r"\bpeak|ピーク|高峰|峰值|spitze|\bpointe|\bpico|\bpicco|piek|피크")
_RENTED = re.compile(r"\brent(?:ed|ing)?\b|\blease[ds]?\b|\bcloud\b|クラウド|借り|レンタル|租|云上|클라우드|빌려|임대|"
                     r"\bmiet|\blou(?:er|é)|\balquil|\balug|\bnoleggi|\bhuren\b|\bwynaj")
# A cloud ruled out right after its word ("cloud is off the table", "die Cloud kommt nicht in Frage", "le cloud est
# exclu", "nube descartada"): not where the card runs (s16-a)
_RENT_REFUSED = re.compile(r"^\s*(?:is|was|'s|ist|est|es|é|è)?\s*(?:off the table|out of the question|not an option|"
                           r"a no[\s\-]go|ruled out|kommt nicht in frage|ausgeschlossen|tabu|exclu\w*|"
                           r"hors de question|descartad[ao]|fuera de (?:la )?cuesti[óo]n|fora de quest[ãa]o|"
                           r"esclus[ao]|不行|不可|不考虑|は(?:使えません|ダメ|NG|不可)|는?\s*안\s*돼)", re.IGNORECASE)
_DEPARTMENT = re.compile(
    r"\b(?:our |the |my )?(legal|compliance|finance|hr|security|procurement|it|data science|research|engineering|"
    r"marketing|sales)\s+(?:team\s+|department\s+|dept\s+|folks\s+|people\s+|guys\s+)?(?:will|would|won'?t|says?|"
    r"said|wants?|insists?|signed|approved|is going to|kills?|blocks?|vetoe?s?)\b|"
    # a team the user has to ask ("recheck it with finance", "confirmar con finanzas", "mit der Finanzabteilung")
    r"\b(?:with|w/?|ask|by|from) (?:our |the |my )?(?:legal|compliance|finance|procurement)"
    r"(?: team| department| dept)?\b|"
    r"\b(?:with|con|avec|mit|com|met|z|с) (?:la |le |el |o |der |il |l'|het |de |działem )?"
    r"(?:finanzas|finance|finances|finanzabteilung|finanzen|financeiro|finanza|finanzas|amministrazione|financiën|"
    r"finansów|финансами|финансовым отделом|jurídico|juridique|rechtsabteilung|legal)\b|"
    r"\bfinanzabteilung\b|\bfinans (?:ekibi|departmanı)\w*|(?:问问|问一下|跟|和)财务|経理に|재무팀")
_LICENCE_BAN = re.compile(r"\b(?:no|nothing|not|never|avoid\w*|exclud\w*|without|except|kill\w*|ban\w*|block\w*|"
                          r"reject\w*|forbid\w*|veto\w*)\b[^.;,]{0,30}"
                          r"\b(?:gpl|agpl|copyleft|non[\s\-]?commercial|cc[\s\-]by[\s\-]nc|research[\s\-]only)|"
                          r"\b(?:gpl|agpl|copyleft|non[\s\-]?commercial)\b[^.;]{0,20}\b(?:not allowed|banned|forbidden|"
                          r"kill|blocks?|no[\s\-]go|off the table)")
_THOUSANDS = re.compile(r"thousand|\d\s?k\b|万|千|tausend|mille|\bmil\b|mila|duizend|tys|천|만")
_MONEY = re.compile(r"cost|spend|pay|pric|cheap|free|money|budget|grand|bucks|\$|€|£|¥|dollar|euro|usd|eur|预算|钱|"
                    r"免费|費用|经费|經費|予算|kosten|coût|cost[eo]|custo|예산|비용")
_SEARCHES = re.compile(r"\b(?:users?|people|employees|staff|engineers|agents|analysts|lawyers|customers|members|"
                       r"doctors|physicians|clinicians|nurses|developers|devs|programmers|attorneys|paralegals|"
                       r"researchers|scientists|students|teachers|consultants|accountants|advisors|advisers|"
                       r"colleagues|reps|editors|technicians|techs|operators|clerks|specialists|officers|managers)\b")


# A count of processors ("2× Xeon, 48 cores", "dual EPYC", "两颗至强，一共 48 核"): the sockets, not a multiplier of a
# figure (cores said for each socket are multiplied by the hardware reader: "two sockets, 32 cores each")
_SOCKETS_AFTER = re.compile(r"\s*(?:[x×*]\s*)?(?:(?:intel|amd)\s+)?(?:xeons?|epycs?|sockets?|cpus?|processors?|"
                            r"prozessoren|processeurs?|procesadores|processori|processadores|procesory|procesor\w*|"
                            r"processorer|işlemci\w*|процессор\w*|сокет\w*|процесор\w*)(?![a-z])|"
                            r"\s*(?:颗|路)\s*(?:cpu|至强|xeon|epyc|处理器)?|\s*(?:基|つ)の?\s*(?:cpu|xeon|epyc)")


# A figure said again in other words: "so", "i.e.", "donc", "o sea", "cioè", "also", "即", "つまり"
_RESTATE_WORDS = (r"(?:\b(?:so|i\.e\.|that is|that's|which is|donc|soit|c'est-à-dire|o sea|es decir|cioè|quindi|"
                  r"ou seja|also|d\.h\.|dus|więc|czyli|så|dvs|т\.е\.|то есть|yani)|即|也就是|つまり|즉)")
_RESTATED = re.compile(_RESTATE_WORDS + r"[\s,:]*(?:about|around|roughly|~|approx\w*)?\s*[$€£]?\s*$")
# A figure for one period restated for another ("about 1000 a day, so like 5k a month", "günde 2 bin sorgu, yani ayda 6
# bin", "每天2000次，也就是一个月6千次"): the two must agree; far apart, which one is meant is asked (lead s14).
# The gloss writes "o sea", "cioè", "quer dizer" as "sorry"
_RESTATING = re.compile(rf"{_RESTATE_WORDS}(?![a-z])|\b(?:sorry|i mean|which makes|or seja)\b|[=→]|->")
_NOT_BEFORE = re.compile(r"\b(?:not|nicht|pas|no|non|não|nie|не)\s*$")
_PERIOD_CORRECTED = re.compile(r"\bactually\b|\bno,? wait\b|\bcorrection\b|\bscratch that\b|\bmake (?:it|that)\b|"
                               r"不对|其实")


def _monthly_of(text: str, n: Number, before: int) -> tuple[float, float] | None:
    """Figure ``n`` per month and the period's factor: the period said right after it, or right before it."""
    after = _RESTATING.split(re.split(r"\d|,", text[n.end:n.end + 30])[0])[0]
    lead = re.split(r",", _RESTATING.split(text[max(before, n.start - 16):n.start])[-1])[-1]
    for side in (after, lead):
        for rx, factor in P.PERIODS[:7]:  # second, minute, hour, day, week, month, quarter
            if rx.search(side):
                return n.value * factor, factor
    return None


def _restated_apart(r: Reading, u: Understanding, **_: Any) -> dict[str, str]:
    """A rate said for two periods whose figures disagree (more than twice apart): which one is meant is asked."""
    for name in ("queries_per_month", "budget_usd_month"):
        if name not in u.updates or not isinstance(u.updates[name], int | float):
            continue
        for first, second in zip(r.numbers, r.numbers[1:], strict=False):
            between = r.text[first.end:second.start]
            said_again = [m for m in _RESTATING.finditer(between) if not re.search(r"[,，;:]", between[m.end():])]
            if len(between) > 60 or not said_again or re.search(r"[.;!?。！？]\s", between) or \
                    first.value == second.value or _PERIOD_CORRECTED.search(between) or \
                    _NOT_BEFORE.search(r.text[max(0, first.start - 12):first.start]):
                continue  # "500 a day, sorry I mean 500 a week", "nicht 50.000 im Monat, sondern 5.000 am Tag"; the
                # restating word right before the second figure (not "that's separate, searches are 1,500 a day")
            a, b = _monthly_of(r.text, first, 0), _monthly_of(r.text, second, first.end)
            if a and b and a[1] != b[1] and max(a[0], b[0]) > 2 * min(a[0], b[0]):
                said = f"{r.text[first.start:first.end]} and {r.text[second.start:second.end]} do not add up"
                return {name: f"{said}: which is it?"}
    return {}


_LANGUAGE_SHARE = re.compile(r"\s*(?:割|成|%|％|パーセント|percent\b|per ?cent\b|퍼센트|프로)")


def _unaccounted_multiplier(r: Reading, u: Understanding, stated: dict[str, Any], **_: Any) -> dict[str, str]:
    """A figure no field used beside one that was: "2x 32 cores", "15k chats a month ... 3 lookups per chat"."""
    doubts: dict[str, str] = {}
    said = [v for v in [*stated.values(), *u.updates.values()]
            if isinstance(v, int | float) and not isinstance(v, bool)]
    # (a figure stored as said, or as this message stores it, e.g. a correction's "the corpus itself is 200k")
    if not {*NUMERIC_FIELDS, "hardware"} & set(u.updates):
        return doubts
    hw = u.updates.get("hardware") or {}
    cpu = isinstance(hw, dict) and hw.get("accelerator") in (None, "none")  # GPU counts are left out by design
    models = [m.span() for m in CPU_MODEL.finditer(r.text)]
    cards = [m.span() for m, *_ in find_accelerators(r.text)]  # a card count is left out of the profile by design
    used = sorted(m.start for name in u.updates for m in r.sources(name))
    for n in r.unused():
        if _LANGUAGE_SHARE.match(r.text[n.end:n.end + 12]) and P.find_languages(
                r.text[max(0, n.start - 16):n.start], r.text[max(0, n.start - 16):n.start], "languages"):
            continue  # lead s15: "（日本語8割、英語2割）", "(EN 70%, DE 30%)": a language's share of the documents
        later = next((s for s in used if s > n.end), None)
        if later is not None and later - n.end <= 80 and SELF_CORRECTION.search(r.text[n.end:later]):
            continue  # "30k a month, anzi no, 30k a week": the figure taken back by the one after it
        if used and n.start > used[0] and _TAKEN_BACK_BEFORE.search(r.text[max(0, n.start - 24):n.start]):
            continue  # s14-a: "400 € per month, not 250", "8000 czk, instead of 5000": the figure taken back after it
        if _YEAR.fullmatch(r.text[n.start:n.end]) and (_YEAR_BEFORE.search(r.text[max(0, n.start - 16):n.start])
                                                        or re.match(r"\s*(?:年|s\b)", r.text[n.end:])):
            continue  # "claim files going back to 2011", "1949年以来": a calendar year
        if re.match(r"\s*x\s+(?:that|it|this|the)\b", r.text[n.end:]) or _FUTURE.search(
                r.text[max(0, n.start - 30):n.start]) or "future" in figure_kinds(r.text, n):
            continue  # "expecting to 3x that next year": a future growth, not a count of today
        if "doc_length_tokens" in u.updates and _LENGTH_SAID_AFTER.match(r.text[n.end:n.end + 12]) and \
                P.AVERAGE.search(r.text):
            continue  # s16-a: "判决书一般一两万字，合同短一些，平均下来每份大概八千字": one kind's length beside
            # the average
        if _whole_in_brackets(r, n):
            continue  # s16-a: "300 conseillers en agence (sur 1 200 salariés)": the whole staff the users are part of
        if others_money(r.text, n):
            continue  # "our Zendesk licence costs $115 per agent", "our AWS bill is ₹6 lakh a month": what another
            # thing costs, no multiplier (s8-a, s11-c)
        if cpu and _SOCKET_COUNT.match(r.text[n.end:]) and "cpu_cores" in hw:
            continue  # "2x Xeon, 48 cores": two processors, the cores said are the total
        if _RESTATED.search(r.text[max(0, n.start - 16):n.start]) and any(abs(n.value - v) <= 0.1 * v for v in said):
            continue  # "3 000 € par an, donc 250 par mois": the same sum said again in another unit (s11-b)
        if _quoted_rate(n, stated) or _quoted_rate(n, u.updates):
            continue  # "las 2.000 búsquedas son en temporada alta, lo normal son unas 800 al día" after 60,000 a
            # month: the earlier rate quoted per day (or week, or working day) beside its correction, and the new
            # one, which the stored rate accounts for (s12-a)
        if "queries_per_month" in u.updates and team(n, r.text) and any(
                m.start != n.start and P.USERS.match(r.text[m.end:]) for m in r.numbers):
            continue  # "team of 12 maintains it, but ~2,000 employees will use it": the team, beside the users
        if _TOTAL_SAID.search(r.text) and not u.updates.keys() - {"queries_per_month", "domain"}:
            continue  # "3000多员工，估计每天总共查两三千次": the total is said, the people are context
        if "queries_per_month" in u.updates and (_people(r.text, n) or re.match(
                r"\s*(?:人|名|명)", r.text[n.end:n.end + 4])) and any(
                _TOTAL_SAID.search(r.text[max(0, m.start - 12):m.start]) for m in r.sources("queries_per_month")):
            continue  # s16-a: "工程师300人，…估计每天总共查询1000次左右": the searches' total said beside the people
        if n.value < 2 or any(abs(n.value - v) <= 0.005 * v for v in said) or _NOT_A_COUNT.match(r.text[n.end:]) or \
                S.in_hours_span(r.text, n.start, n.end) or \
                _BOUND_BEFORE.search(r.text[max(0, n.start - 16):n.start]) or \
                _SOCKETS_AFTER.match(r.text[n.end:n.end + 30]) or \
                any(s <= n.start < e for s, e in models) or any(  # "Ryzen 9 7950X": a CPU's name, not a count
                    0 <= s - n.end <= 4 or 0 <= n.start - e <= 3 for s, e in cards):  # "2x A100", "A100 4장": cards
            _bound_is_the_target(r, u, n)
            continue  # "一家律所" (one firm), a figure said before, a share, a time of day, a maximum
        after = r.text[n.end:n.end + 40]
        if _narrowed(r, n):
            continue  # "社員2000人のうち実際に使うのは300人": the later count is who searches
        noun = re.match(r"\s*(?:[a-z\-]+\s+)?([a-z]{3,20}?)s?\b", after)  # "250 wiki spaces ... per space"
        stems = "|".join({noun.group(1), noun.group(1).removesuffix("e")}) if noun else ""
        per_noun = noun if noun and re.search(rf"\b(?:per|each|every)\s+(?:{stems})\b", r.text[n.end + noun.end():]) \
            else None
        each_of = _EACH_OF.search(r.text[max(0, n.start - 20):n.start])  # "each of our 9 clinics has 20k letters"
        multiplier = _MULTIPLIER_AFTER.match(after) or per_noun or each_of
        rate = None if multiplier else _RATE_AFTER.match(after)
        start, end = clause(r.text, n)
        for name in [*NUMERIC_FIELDS, *(["hardware"] if cpu else [])]:
            near = [m for m in r.sources(name) if start <= m.start < end and abs(m.start - n.start) <= 60]
            if name not in u.updates or not near:
                continue
            if name == "doc_length_tokens" and _EXTREME_BEFORE.search(r.text[max(0, n.start - 14):n.start]):
                continue  # "短则几百字，长则上万字", "긴 건 2만 자": the extremes beside the typical length
            if name == "doc_length_tokens" and (P.SENTENCES_AFTER.match(after) or P.PARAGRAPHS_AFTER.match(after)
                                                or P.LINES_AFTER.match(after)):  # (s14-a: "3 or 4 lines, 50 words")
                continue  # "一两句话，三四十个字": the rough size in sentences beside the figure in characters
            hit = multiplier or (rate if name in ("queries_per_month", "budget_usd_month") else None)
            if hit is not None and hit is multiplier and _CJK_WORD.fullmatch(hit.group().strip()) and not \
                    _EACH_CJK.search(r.text) and (name == "corpus_docs" or _CJK_ORG_UNIT.search(hit.group())):
                # "十来个人，合同…两万份", "三种语言", "300店舗あり、": people, languages, stores; "两条产品线，
                # …每天查询约500次": product lines no rate is counted per (s7-d)
                hit = None
            if hit is not None and _LANGUAGE_COUNT.match(r.text[n.end:]):
                hit = None  # "中日韩三语", "three languages": languages multiply no rate and no count
            if hit is not None and name == "queries_per_month" and re.match(r"\s*(?:x\b|×|倍|배)", after) and \
                    (_average_and_peak(r.text, near[0], n) or P.PEAK.search(after[:24]) or
                     re.match(r"\s*(?:x\b|×|倍|배)\s*(?:の|의)?\s*(?:ピーク|峰值|高峰|피크)", after)):
                hit = None  # s13-b: "30k a day on average, black friday it can go 10x": the peak's factor; s16-a:
                # "5 lakh queries a month, with a 3x spike on salary days": the factor names its peak
            if hit is not None:
                doubts[name] = f'"{r.text[n.start:n.end]}{hit.group().rstrip()}" was not counted'
            elif name in ("queries_per_month", "budget_usd_month", "corpus_docs") and any(
                    m.start > n.start and (_EACH_AFTER.match(r.text[m.end:]) or _EACH_BEFORE.search(
                        r.text[n.end:m.start][-20:])) for m in near):  # "two call centres, 80 agents each"
                doubts[name] = f'"{r.text[n.start:n.end]}" was not counted'  # "the 3 clients send 1000 a day each"
            elif n.value >= 10 and n.start > max(m.end for m in near) and _TRAILING.match(r.text[n.end:]) and \
                    not _AVERAGE.search(r.text[max(0, near[0].start - 20):near[0].start]) and \
                    not _average_and_peak(r.text, near[0], n) and not {"future", "past"} & figure_kinds(r.text, n) and \
                    name in _COUNTS and not _YEAR_NAMED.search(r.text[max(0, n.start - 12):n.end]):
                doubts[name] = f"{r.text[n.start:n.end]} or {r.text[near[0].start:near[0].end]}?"  # "40k, now 60k"
    return doubts


_ACCEPTABLE = re.compile(r"\b(?:ok|okay|fine|acceptable|jest ok|va bene|está bien|esta bien|is goed|prima|geht|"
                         r"sorun (?:yok|değil)|nggak apa|gak apa|không sao|được)\b")


def _bound_is_the_target(r: Reading, u: Understanding, n: Number) -> None:
    """"a couple hundred ms is ok, not more than 400": the bound after a latency read in ms is the target (s15-b)."""
    latency = u.updates.get("latency_p95_ms")
    if not isinstance(latency, int | float) or isinstance(latency, bool) or "latency_p95_ms" in u.confirmed or \
            not _BOUND_BEFORE.search(r.text[max(0, n.start - 20):n.start]) or \
            not re.match(r"\s*(?:ms\b|$|[,.;!?)])", r.text[n.end:n.end + 4]):
        return
    before = [m for m in r.sources("latency_p95_ms") if m.end <= n.start and m.value == latency]
    if before and latency < n.value <= 10 * latency and _ACCEPTABLE.search(r.text[before[-1].end:n.start]):
        # (the first figure said acceptable, the bound the limit; not "ideally 100 ms, at most 300")
        u.updates["latency_p95_ms"] = float(n.value)


def _quoted_rate(n: Number, stated: dict[str, Any]) -> bool:
    """``n`` is the stated searches a month said again per day, working day or week."""
    before = stated.get("queries_per_month")
    return isinstance(before, int | float) and not isinstance(before, bool) and before > 0 and any(
        abs(n.value * days - before) <= 0.02 * before for days in (P.DAYS_PER_MONTH, 22, 4.3))


def _average_and_peak(text: str, first: Number, second: Number) -> bool:
    """The first figure said as an average and the second in a clause of peaks ("平时一天两千次，双十一能到两万")."""
    start, end = clause(text, second)
    if second.start < first.start:  # s14-c: the peak's factor said first ("Diwali sale mein 5x ho jaata hai,
        before = clause(text, first)[0]  # normally 1 lakh per month")
        return bool(P.PEAK.search(text[start:end]) and P.AVERAGE.search(text[before:first.start]))
    return bool(P.PEAK.search(text[start:end]) and P.AVERAGE.search(text[max(0, first.start - 30):second.start]))


def _fraction(r: Reading, u: Understanding, **_: Any) -> dict[str, str]:
    """"a tenth of a second" stored as a whole second: the fraction before the figure was not applied."""
    doubts: dict[str, str] = {}
    for name in NUMERIC_FIELDS:
        value = u.updates.get(name)
        if not isinstance(value, int | float) or isinstance(value, bool):
            continue
        scale = 1000 if name == "latency_p95_ms" else 1  # a figure in seconds, stored in milliseconds
        if any(_FRACTION_BEFORE.search(r.text[max(0, m.start - 30):m.start]) and (
                abs(value - m.value) <= 0.01 * m.value or abs(value - m.value * scale) <= 0.01 * m.value * scale)
               for m in r.sources(name)):  # the figure itself stored ("two thirds of the 300 agents" is a product)
            doubts[name] = "a fraction of the figure"
        elif name == "queries_per_month" and any(
                (abs(value - m.value) <= 0.01 * m.value and _SHARE_AFTER.match(r.text[m.end:m.end + 80])) or
                (value >= 0.99 * m.value and _NOT_SEARCH_SHARE.match(r.text[m.end:m.end + 80]))
                for m in r.sources(name)):  # "40 thousand requests a month, half of them would go to the bot"
            doubts[name] = "a share of the figure"
    return doubts


# A share of the figure said after it in its sentence ("обращений тысяч сорок, думаю, половину будут задавать боту"):
# the figure itself is not the rate. People counted there ("half of them are engineers") are read elsewhere.
_SHARE_AFTER = re.compile(r"^[^.;!?]{0,50}?\b(?:half|a third|one third|a quarter|one quarter|two thirds|"
                          r"\d{1,2}(?:\.\d)?\s*%)\s+of them\b")
# s14-c: a part of the figure that is no search ("1,500 a day but half of that is bots"), whatever its period
_NOT_SEARCH_SHARE = re.compile(r"^[^.;!?]{0,50}?\b(?:half|a third|one third|a quarter|one quarter|two thirds|"
                               r"\d{1,2}(?:\.\d)?\s*%)\s+of (?:that|those|it|them)\s+(?:is|are|was|were)\s+"
                               r"(?:just\s+|only\s+)?(?:bots?|crawlers?|spam|test\w*|monitoring|internal|"
                               r"health ?checks?|automated|synthetic)\b")


def _period(r: Reading, u: Understanding, **_: Any) -> dict[str, str]:
    """A period next to the figure that the value does not show ("毎時500クエリ" as 500 a month), office hours."""
    doubts: dict[str, str] = {}
    for name in ("queries_per_month", "budget_usd_month", "corpus_docs"):
        if name not in u.updates:
            continue
        for m in r.sources(name):
            if S.in_hours_span(r.text, m.start, m.end):
                continue  # the 9 of "9 to 6 on weekdays" is an hour of the day, not the rate
            near = _near(r, m)
            value = float(u.updates[name])
            if name == "corpus_docs":  # the size is the figure itself, and its own clause says whether it is a rate
                if abs(value - m.value) > 0.01 * m.value:
                    continue  # "currently at 45k, growing by 2,000 a month": the 2,000 only told the 45k apart
                near = near[:near.find(r.text[m.start:m.end]) + m.end - m.start] + _CLAUSE_END.split(
                    near[near.find(r.text[m.start:m.end]) + m.end - m.start:])[0]
                lead = near[:near.find(r.text[m.start:m.end])]
                if (re.match(r"\s*[$€£¥₹₩₺₽]", lead) or any(s <= 2 for s, _, _ in P.currency_mentions(lead))) and \
                        _SUM_PERIOD.match(re.sub(r"^\s*\S+", "", lead)):
                    near = near[len(lead):]  # "1.500 € por mês, 20 mil apólices": the period is the sum's
            rate = _PERIOD_WORDS.search(near) and not _MONTH_WORDS.search(near)
            if name == "corpus_docs" and (rate or _MONTH_RATE.search(near)) and not _BUDGET_CLAUSE.search(near):
                doubts[name] = "a figure per period is a volume or growth, not the size"  # "1時間に150件"
            elif name != "corpus_docs" and rate and (abs(value - m.value) <= 0.005 * m.value or (
                    (clock := _around_the_clock(near)) and value < 0.1 * clock * m.value)):
                doubts[name] = "the period was not applied"  # "3-4 requests a second" stored as 3 a month
            elif not _NOT_A_COUNT.match(r.text[m.end:]) and (clock := _around_the_clock(near)) and \
                    value >= clock * m.value * 0.99 and \
                    _OFFICE_HOURS.search(r.text) and not _PEAK.search(r.text) and \
                    not _office_hours_applied(r, m, value):
                doubts[name] = "counted around the clock, but only during office hours"
    return doubts


def _office_hours_applied(r: Reading, m: Number, value: float) -> bool:
    """Whether the value is people x the hourly figure x office hours, not the hourly figure around the clock.

    "400 handlers, office hours, 5 searches an hour each" is 400 x 5 x 8 x 22.
    """
    return any(n is not m and n.value >= 2 and any(
        abs(value - m.value * n.value * hours * days) <= 0.01 * value
        for hours in range(6, 13) for days in (20, 21, 22, 26, 30)) for n in r.numbers)


_PER_HOUR = re.compile(r"\b(?:per|an|a|each|every|1)\s+(?:hour|hr)\b|/\s*h(?:r|our)?\b|\bhourly\b|毎時|1時間|時間に|"
                       r"時間あたり|每小时|每小時|시간당|pro stunde|stündlich|par heure|por hora|all'ora|l'ora|per uur|"
                       r"na godzinę")
_PER_MINUTE = re.compile(r"\b(?:per|a|each|every|1)\s+min(?:ute)?\b|/\s*min\b|每分钟|毎分|분당|pro minute|par minute|"
                         r"por minuto|al minuto")
_PER_SECOND = re.compile(r"\b(?:per|a|each|every|1)\s+(?:second|sec)\b|/\s*s(?:ec)?\b|\b[qr]ps\b|每秒|毎秒|초당|"
                         r"pro sekunde|par seconde|por segundo|al secondo")


_UNIT_ONE = re.compile(r"1\s+(?:second|sec|minute|min|hour|hr|day|week|month|year)s?\b")


def _around_the_clock(near: str) -> float:
    """The factor that counts a rate per hour, minute or second around the clock for a month; 0 for other rates."""
    for rx, factor in ((_PER_SECOND, 2_592_000), (_PER_MINUTE, 43_200), (_PER_HOUR, 720)):
        if rx.search(near):
            return factor
    return 0.0


# The period belongs to money said in the next clause ("50万个商品，预算每月1万元", "80k docs, budget $2k a month")
_BUDGET_CLAUSE = re.compile(r"[,;，；]\s*(?:and\s+)?(?:the\s+|a\s+|our\s+)?(?:budget|预算|予算|예산|presupuesto|budżet|"
                            r"orçamento|bütçe|бюджет)")


# The period of a sum said just before the figure ("€ per month , 20000 ..."): the sum's, not the figure's
_SUM_PERIOD = re.compile(r"^\s*(?:(?:per|a|each)\s+)?(?:month|year|week|day|monthly|yearly)\b[^\d]{0,4}$")


def _near(r: Reading, m: Number) -> str:
    """The words around figure ``m`` (15 characters before, 25 after), not past its sentence or another figure."""
    start, end = clause(r.text, m)
    before = max([start, m.start - 15, *(n.end for n in r.numbers if n.end <= m.start)])
    after = min([end, m.end + 25, *(n.start for n in r.numbers if n.start >= m.end and not _UNIT_ONE.match(
        r.text[n.start:n.end + 10]))])  # "3-4 requests a second" reads "a second" as "1 second": part of the rate
    return r.text[before:after]


def _hardware(r: Reading, u: Understanding, **_: Any) -> dict[str, str]:
    """A card's memory the hardware table contradicts ("an L4 with 16GB"), a card said to be rented stored as owned."""
    hw = u.updates.get("hardware")
    if not isinstance(hw, dict) or hw.get("accelerator") in (None, "none"):
        return {}
    table = load_hardware()
    try:
        card = table.find(str(hw["accelerator"]))
    except Exception:  # noqa: BLE001 - a card the table does not know has nothing to contradict
        card = None
    vram = hw.get("vram_gb")
    per_card = _memory(card) if card is not None else 0.0
    cards = float(vram) / per_card if vram and per_card else 0.0  # "8x H100, 640GB in total": 8 cards of 80 GB
    if cards >= 2 and abs(cards - round(cards)) < 0.05 and any(n.value == round(cards) for n in r.numbers):
        return {}
    if card is not None and card.kind == "gpu" and vram and abs(float(vram) - _memory(card)) > 0.1 * _memory(card):
        family = re.split(r"[-\s]", card.name)[0].lower()
        same = [c for c in table.accelerators if c.kind == "gpu" and re.split(r"[-\s]", c.name)[0].lower() == family
                and abs(_memory(c) - float(vram)) <= 0.1 * _memory(c)]
        gb = f"{float(vram):g}"
        said = rf"\b{gb}\s*g(?:i?b)?\s*{family}|\b{family}\w*\s*(?:with\s+|\(|de\s+|mit\s+)?{gb}\s*g"
        if len(same) == 1 and re.search(said, r.text):  # "the 80GB A100s": the table's A100-80GB, as said
            hw["accelerator"] = same[0].name
            return {}
        return {"hardware": f"{card.name} has {_memory(card):g} GB, not {float(vram):g} GB"}
    owned = owned_names(r.text)  # "a T4 - sorry, an L4" is one card, the L4
    if len(owned) > 1 and not _RENTED.search(r.text) and not _INSTEAD.search(r.text):
        # "a 3090 at home and a 4090 at the office": the profile holds one card; which one?
        return {"hardware": f"{' or '.join(sorted(owned))}?"}
    rented = any(not NEGATED_JUST_BEFORE.search(r.text[max(0, m.start() - 30):m.start()]) and
                 not _RENT_REFUSED.match(r.text[m.end():m.end() + 40])
                 for m in _RENTED.finditer(r.text))  # "keine Cloud, wir haben zwei A100": not rented
    if "owned" not in hw and rented and not OWNED.search(r.text) and not RENT_HEDGE.search(r.text) \
            and len(find_accelerators(r.text)) == 1:  # "A10 en la nube, alquilada" stored as owned
        return {"hardware": "rented, or your own?"}
    return {}


def _memory(card: Any) -> float:
    memory = getattr(card, "memory_gb", None)
    return float(getattr(memory, "value", memory) or 0)


def _department(r: Reading, u: Understanding, asked: str | None = None, **_: Any) -> dict[str, str]:
    """A domain read only from a team's name ("legal will kill it"); a licence ban read as "any"."""
    doubts: dict[str, str] = {}
    if u.updates.get("domain") not in (None, "general") and _DEPARTMENT.search(r.text) and asked != "domain":
        blanked = _DEPARTMENT.sub(lambda m: " " * len(m.group()), r.text)
        if extract_fields(blanked, asked).updates.get("domain") != u.updates["domain"]:
            doubts["domain"] = "read from a team's name"
    if u.updates.get("license") == "any" and _LICENCE_BAN.search(r.text):
        doubts["license"] = "the message rules licences out"
    return doubts


_LENGTH_UNIT = re.compile(r"\s*(?:tokens?|words?|w\b|pages?|chars?|characters?|lines?|sentences?|paragraphs?|tweets?|"
                          r"slides?|messages?|[kmg]i?b\b|字|页|頁|词|詞|句|行|段|文字|ページ|단어|글자|페이지|줄|mots|"
                          r"wörter|worte|palabras|parole|palavras|seiten|pagine|páginas|caract|signes|zeichen)")


def _share_used(r: Reading, users: float, queries: float) -> bool:
    """Only a share of the users search, and the rate read accounts for it.

    ("150k customers, only about 3% would use it, maybe twice a month": 9,000, fewer than the customers; lead s13)
    """
    for n in r.numbers:
        share = S.active_share(r.text[n.end:]) or S.share_before(r.text[:n.start]) if n.value == users else None
        if share and queries >= 0.5 * users * share:
            return True
    return False


# s14-c: users counted as accounts ("500 mil usuários cadastrados", "注册用户30万", "registered users"): most of an
# account base never searches in a month, so fewer searches than accounts is no sign of a misreading
_REGISTERED = re.compile(r"\bregistered\b|\bsigned[\s\-]up\b|\baccounts\b|\bcadastrad\w*|\bregistrad\w*|"
                         r"\bregistriert\w*|\binscrits?\b|\biscritti\b|注册|註冊|登録|가입|المسجل\w*|مسجل\w*")


def _implausible(r: Reading, u: Understanding, **_: Any) -> dict[str, str]:
    """Fewer than 10 documents for "thousands"; fewer queries than users, or people counted twice or not at all."""
    doubts: dict[str, str] = {}
    docs = u.updates.get("corpus_docs")
    if isinstance(docs, int | float) and docs < 10 and _THOUSANDS.search(r.text):
        doubts["corpus_docs"] = "fewer than 10 documents, but the message says thousands"
    length = u.updates.get("doc_length_tokens")
    if isinstance(length, int | float) and length < 30 and any(not _LENGTH_UNIT.match(r.text[m.end:])
                                                               for m in r.sources("doc_length_tokens")):
        doubts["doc_length_tokens"] = "a figure with no unit"  # "around 20 I think": 20 pages? 20 KB? not 20 tokens
    queries = u.updates.get("queries_per_month")
    users = [n.value for n in r.numbers if re.match(r"^\s*(?:[a-z\-]+\s+)?" + _SEARCHES.pattern,
                                                    r.text[n.end:n.end + 30]) and not _not_users(r.text, n)
             and not _REGISTERED.search(r.text[max(0, n.start - 20):n.end + 30])]
    total = re.search(r"\b(?:in total|total|altogether|overall|combined|between them|among them|insgesamt|au total|"
                      r"en total|no total|"
                      r"in totale)\b|合计|总共|一共|全部で|합계|총", r.text)
    if isinstance(queries, int | float) and users and queries < max(users) and not total and not _share_used(
            r, max(users), queries):
        doubts["queries_per_month"] = "fewer queries a month than users"
    counted = [n.value for n in r.sources("queries_per_month") if _people(r.text, n)] if users else []
    if isinstance(queries, int | float) and counted and queries > max(counted) * MAX_PER_PERSON_DAY * 30:
        doubts["queries_per_month"] = f"more than {MAX_PER_PERSON_DAY} searches a day per person"
    for m in r.sources("queries_per_month") if isinstance(queries, int | float) else []:
        start, _end = clause(r.text, m)
        people = [n for n, fed in zip(r.numbers, r.feeds, strict=False) if start <= n.start < m.start
                  and "queries_per_month" not in fed and _people(r.text, n) and not _narrowed(r, n)
                  and not _whole_in_brackets(r, n)
                  and not (team(n, r.text) and any(n.start < k.start and fed_k for k, fed_k in zip(
                      r.numbers, r.feeds, strict=False)))]  # "vi är 8 utvecklare men ... 2 000 kunder" (s11-b)
        if people and _EACH_AFTER.match(r.text[m.end:]):  # "engineers, ~45 of them, a handful of searches each"
            doubts["queries_per_month"] = f"{r.text[people[0].start:people[0].end]} people were not counted"
        # a person's small daily or weekly rate beside people counted elsewhere and left out ("12 lookups per shift, 90
        # nurses", "we have 40 people, they run about 20 searches a day"): each one's, or everybody's? (s8-a)
        anyone = [n for n, fed in zip(r.numbers, r.feeds, strict=False) if n is not m and n.value >= 5 and
                  not fed and _people(r.text, n) and not _narrowed(r, n)]
        if anyone and not total and isinstance(queries, int | float) and m.value <= 100 and \
                queries <= m.value * 31 and not _TOTAL_SAID.search(r.text):
            doubts.setdefault("queries_per_month", f"{r.text[anyone[0].start:anyone[0].end]} people were not counted")
    return doubts


def _unit_as_count(r: Reading, u: Understanding, **_: Any) -> dict[str, str]:
    """"10-15 slides, ~80 words per slide", "threads, each maybe 30 messages": a count inside each document."""
    for m in r.sources("corpus_docs") if "corpus_docs" in u.updates else []:
        if abs(m.value - u.updates["corpus_docs"]) <= 0.01 * m.value and \
                _EACH_BEFORE.search(r.text[max(0, m.start - 30):m.start]):
            why = f"{r.text[m.start:m.end]} in each document, not the number of documents"
            return {"corpus_docs": why, **({"doc_length_tokens": why} if m not in r.sources("doc_length_tokens")
                                           and "doc_length_tokens" in u.updates and not r.sources("doc_length_tokens")
                                           else {})}
        noun = re.match(r"\s*([a-z]{3,20}?)s?\b", r.text[m.end:m.end + 25])
        part_of = re.search(r"\b(?:are|is|of|with|has|have|contains?|containing)\s+(?:about |around |roughly |maybe |"
                            r"~\s*)?$", r.text[max(0, m.start - 30):m.start])  # "docs are 10-15 slides"
        if noun and part_of and re.search(rf"\b(?:per|each|a|every|/)\s+{noun.group(1)}\b", r.text) and \
                u.updates["corpus_docs"] < 2 * m.value:  # (not "12k courses, 30 lessons each": a product of the two)
            why = f"{noun.group(1)}s may be the length of a document"
            return {"corpus_docs": why, "doc_length_tokens": why}
    return {}


_COUNTS = ("corpus_docs", "queries_per_month", "budget_usd_month", "latency_p95_ms")
MAX_PER_PERSON_DAY = 500  # searches a person makes in a day: past this the people were counted twice
DOC_CEILING = 500_000  # tokens: a 1,000-page book; a longer "document" is a misread figure, whatever the model


# People the message says will not search (s11-c): "180k customers but they won't touch this, it's internal",
# "고객은 120만 명인데 이건 내부용이라 상관없고요", "2 लाख यूज़र्स हैं पर ज़्यादातर ... इस्तेमाल नहीं करते"
_NOT_USERS = re.compile(r"\b(?:won'?t|will not|wouldn'?t|don'?t|do not|never|aren'?t going to|can'?t)\s+"
                        r"(?:\w+\s+)?(?:touch|use|see|search|access|need)\b|\bit'?s (?:internal|for us)\b|"
                        r"\binternal (?:only|use|tool)\b|\bnot (?:for them|relevant|the users)\b|\birrelevant\b|"
                        r"\bdoesn'?t matter\b|\bnot (?:our )?users\b|상관없|관계없|내부용|इस्तेमाल नहीं|नहीं करते|"
                        r"\buse nahi\b|不用|不会用|用不到|无关|使わない|関係ない|関係ありません")


def _not_users(text: str, n: Number) -> bool:
    sentence = re.split(r"[.!?。！？]\s*", text[n.end:])[0]
    return bool(_NOT_USERS.search(sentence))


def _whole_in_brackets(r: Reading, n: Number) -> bool:
    """People counted in brackets after the users: the whole they are part of ("300 conseillers (sur 1 200 ...)")."""
    return bool(_OUT_OF_BRACKET.search(r.text[max(0, n.start - 24):n.start]) and
                P.USERS.match(r.text[n.end:n.end + 40]))


def _narrowed(r: Reading, n: Number) -> bool:
    """People counted, then narrowed by a later count ("社員2000人のうち…300人", "2000 staff, only 300")."""
    later = next((m for m in r.numbers if m.start > n.end and P.USERS.match(r.text[m.end:])), None)
    return later is not None and bool(P.USERS.match(r.text[n.end:n.end + 40])) and bool(
        ONLY_SOME.search(r.text[n.end:later.start]))


def _two_fields(r: Reading, u: Understanding, **_: Any) -> dict[str, str]:
    """One figure feeding two counts ("2,000 documents and budget" read twice), or a document past the ceiling."""
    doubts: dict[str, str] = {}
    for n, fed in zip(r.numbers, r.feeds if len(set(_COUNTS) & set(u.updates)) > 1 else [], strict=False):
        both = [f for f in _COUNTS if f in fed and f in u.updates]
        if len(both) > 1:
            doubts.update({f: f"{r.text[n.start:n.end]} was read as {' and '.join(both)}" for f in both})
    length = u.updates.get("doc_length_tokens")
    if isinstance(length, int | float) and length > DOC_CEILING:
        doubts["doc_length_tokens"] = f"{length:,.0f} tokens is longer than any document"
    return doubts


def _unanchored(r: Reading, u: Understanding, asked: str | None = None, **_: Any) -> dict[str, str]:
    """A figure needs a unit, a rate, a field noun or the question just asked.

    "close to zero overnight" is no budget (no figure and no word of money), and "45 of them" after "engineers"
    counts people, not documents. A length read from a kind of document ("tweets") needs no figure.
    """
    doubts: dict[str, str] = {}
    for name in ("budget_usd_month",):  # a count or a latency from words ("half a million") may come without digits
        if name not in u.updates or name == asked or name in u.corrected or u.updates[name] is None or \
                "?" in r.raw:
            continue
        if not r.sources(name) and not _MONEY.search(r.text):
            doubts[name] = "no figure in the message says it"
    if "corpus_docs" in u.updates and asked != "corpus_docs":
        for m in r.sources("corpus_docs"):
            if re.match(r"\s*of them\b", r.text[m.end:]) and _SEARCHES.search(r.text[max(0, m.start - 40):m.start]):
                doubts["corpus_docs"] = "a count of people"
    return doubts


# A figure in bytes ("大概 50G 的数据", "environ 2 To de PDF", "300 GB of scans") is a size, not a count of documents
_BYTES_AFTER = re.compile(r"^\s*(?:[kmgtp]i?b\b|[kmgtp]\b|gigs?\b|(?:kilo|mega|giga|tera|peta)(?:s|bytes?|octets?)?\b|"
                          r"go\b|mo\b|to(?!\s*\d)(?=\s*(?:de|d'|of|$|[,.;]))|ギガ|テラ|メガ|기가|테라|메가|гб|тб|мб|"
                          r"gigabajt\w*|terabajt\w*)")


def _bytes(r: Reading, u: Understanding, **_: Any) -> dict[str, str]:
    """A count of documents read from a figure in bytes: a size of the data, asked about."""
    if "corpus_docs" not in u.updates:
        return {}
    count = float(u.updates["corpus_docs"] or 0)
    if any(_BYTES_AFTER.match(r.text[m.end:]) and abs(count - m.value) <= 0.01 * m.value
           for m in r.sources("corpus_docs")):
        return {"corpus_docs": "a size in bytes, not a number of documents: how many documents is that?"}
    return {}


# Pages counted where documents were asked for ("roughly 300,000 pages all in", "ca. 1,2 Mio. Seiten", "umas 500 mil
# páginas", "大概50万页"): how many documents they make is the user's to say, unless the pages are a site's or
# a wiki's (lead s14; "12.000 Seiten in Confluence", "the docs site has ~3k pages" are documents)
_PAGES_OF_A_SITE = re.compile(r"(?<![a-z])(?:wiki\w*|confluence|notion|intranet|web\s?sites?|sites?|web|portal|"
                              r"help\s?cent(?:er|re)|knowledge\s?base|kb|sharepoint|docs|documentation|"
                              r"dokumentation|documentación|documentação|articles?|faqs?|blog|markdown|"
                              r"api (?:reference|docs|documents?))"
                              r"(?![a-z])|"
                              r"\b(?:guidance|help|product|landing|content|support|info\w*|reference)\s+pages\b|"
                              r"网页|网站|页面|知识库|维基|文档|ドキュメント|ウィキ|サイト|위키|사이트|문서 페이지")


def _pages_as_count(r: Reading, u: Understanding, asked: str | None = None, **_: Any) -> dict[str, str]:
    """A count of documents read from a count of pages that no site or wiki holds: asked about."""
    if "corpus_docs" not in u.updates or asked == "doc_length_tokens" or "corpus_docs" in u.corrected:
        return {}
    count = float(u.updates["corpus_docs"] or 0)
    if any(abs(count - m.value) <= 0.01 * m.value and P.PAGES_AFTER.match(r.text[m.end:m.end + 20])
           for m in r.sources("corpus_docs")) and not _PAGES_OF_A_SITE.search(r.text):
        return {"corpus_docs": "pages, not documents: about how many documents is that?"}
    return {}


# Two counts of one thing and the user unsure which holds ("about 8k, although the export says 14k, so idk", "8000份，
# 不过系统里显示1万5，我也搞不清哪个准", "unos 3.000 o eso dice el CRM, pero Finanzas dice 5.000, no sé cuál"): asked
_WHICH_HOLDS = re.compile(r"\bidk\b|\bdunno\b|(?:not sure|no idea|don'?t know|can'?t tell|unsure)\s+"
                          r"(?:\w+\s+){0,2}?(?:which|what'?s right|what is right|who'?s right|qual|cu[áa]l|quale|"
                          r"welche\w*|lequel|laquelle)|"
                          r"\bwhich (?:one )?is (?:right|correct)\b|\bno s[ée] cu[áa]l\b|"
                          r"\bje ne sais pas (?:lequel|laquelle|quel)\b|\bwei(?:ß|ss) (?:ich )?nicht,? welche|"
                          r"\bnon so (?:bene )?quale\b|\bn[ãa]o sei (?:bem )?qual\b|"
                          r"\bне знаю,? (?:какой|какая|какое|что) (?:из|прав|верн)|\bhangisi doğru\b|"
                          r"哪个(?:准|对|是对的|正确)|搞不清|どっちが正しい|どちらが正しい|어느 게 맞는지|뭐가 맞는지")


def _two_counts(r: Reading, u: Understanding, **_: Any) -> dict[str, str]:
    """A second count of the documents, not far from the one read, and the user unsure which holds: asked about."""
    if "corpus_docs" not in u.updates or not _WHICH_HOLDS.search(r.text):
        return {}
    count = float(u.updates["corpus_docs"] or 0)
    others = [n for n in r.numbers if count / 4 <= n.value <= count * 4 and abs(n.value - count) > 0.05 * count]
    if count and others:
        return {"corpus_docs": f"{int(count):,} or {int(others[0].value):,}?"}
    return {}


NO_PERIOD = "no period said: is that a month, a year or once?"
# A sum said once, unasked, with no period and no word of one-off spending: monthly, yearly or once is the user's to
# say ("预算大概 3 万", "budget is about $30k" as the first thing said of money)
_ONE_OFF_OR_TOTAL = re.compile(r"\bone[- ]?(?:off|time)\b|\bupfront\b|\bsetup\b|\bin total\b|\btotal budget\b|\byear|"
                               r"\bfirst indexing\b|\bproject budget\b|一次性|总共|总预算|初期|일회성|초기")


def _budget_period(r: Reading, u: Understanding, asked: str | None = None, stated: dict[str, Any] | None = None,
                   **_: Any) -> dict[str, str]:
    """A monthly budget read from a sum the user gave no period: asked about unless the budget question was asked."""
    if "budget_usd_month" not in u.updates or asked == "budget_usd_month" or u.updates["budget_usd_month"] is None \
            or "budget_usd_month" in u.corrected or "budget_usd_month" in (stated or {}):
        return {}
    if u.updates["budget_usd_month"] == 0 or any(rx.search(r.raw) for rx, _ in P.PERIODS) or \
            _ONE_OFF_OR_TOTAL.search(r.raw):
        return {}  # a budget of nothing needs no period; "$200 a month, is that enough?" says it in the question
    return {"budget_usd_month": NO_PERIOD}


def _people(text: str, n: Number) -> bool:
    """True when figure ``n`` counts people ("45 engineers", "engineers, ~45 of them")."""
    after = text[n.end:n.end + 30]
    return bool(re.match(r"^\s*(?:[a-z\-]+\s+)?" + _SEARCHES.pattern, after) or (
        re.match(r"\s*of them\b", after) and _SEARCHES.search(text[max(0, n.start - 40):n.start])) or (
        # lead s15: the people named before, their count in brackets ("service techs (about 150)", "Servicetechniker
        # (ca. 150)", glossed "technicians ( about 150)")
        re.match(r"\s*(?:ppl|people|persons?|of them)?\s*\)", after) and re.search(
            _SEARCHES.pattern + r"\s*\(\s*(?:about|around|approx\w*|ca\.?|~|roughly|some)?\s*$",
            text[max(0, n.start - 40):n.start])))


# "dipende, le condizioni generali sono sulle 40 pagine, le circolari 3-4", "it varies: contracts ~40 pages, emails half
# a page" (s6-a): the lengths of two kinds of document, far apart, no average or usual length said: which is typical?
_TYPICAL = re.compile(r"\b(?:on average|average|avg|typical(?:ly)?|usually|mostly|most|median|majority|in general|"
                      r"generally|normally|mainly|обычно|как правило|зазвичай|як правило|zwykle|zazwyczaj|przeważnie|"
                      r"di solito|solitamente|vanligtvis|oftast|normalt|im schnitt|durchschnittlich|meistens|"
                      r"normalerweise|in der regel|de media|en promedio|por lo general|normalmente|en moyenne|"
                      r"g[ée]n[ée]ralement|em m[ée]dia|em geral|geralmente|in media|di media|gemiddeld|ortalama|"
                      r"в среднем|średnio)\b|"
                      r"平均|一般|大多|大部分|多数|たいてい|대부분|보통")
_LENGTH_UNIT_AFTER = re.compile(r"^\s*(?:-\s*\d+\s*)?(?:pages?|words?|characters?|tokens?)?\s*(?:[,.;]|$)")


def _lengths_of_kinds(r: Reading, u: Understanding, **_: Any) -> dict[str, str]:
    """The length read from one kind of document while another, far shorter or longer, is named beside it."""
    if "doc_length_tokens" not in u.updates or _TYPICAL.search(r.text):
        return {}
    sources = r.sources("doc_length_tokens")
    if len(sources) != 1:
        return {}
    src = sources[0]
    for n in r.unused():
        if u.updates.get("corpus_docs") == int(n.value):
            continue  # s16-b: "on en a à peu près 3 500": the count of them, read by the reader
        between, before = r.text[src.end:n.start], r.text[max(0, n.start - 30):n.start]
        if n.start <= src.end or n.value == 1 or not re.search(r"[,;]", between) or _BOUND_BEFORE.search(before) or \
                re.search(r"\d\s*(?:pages?|words?|characters?|tokens?)\s*$", before) or \
                _EXTREME_BEFORE.search(before) or not _LENGTH_UNIT_AFTER.match(r.text[n.end:n.end + 20]) or \
                not re.search(r"[^\W\d_]{3,}\s*(?:are|is|:|—|-|это)?\s*(?:about |around |~)?$", before):
            continue
        if max(src.value, n.value) >= 3 * min(src.value, n.value) > 0:
            return {"doc_length_tokens": "the lengths of two kinds of document: which one is typical?"}
    return {}


# A bare figure guessed at the length question ("like 50? idk", "300?? no idea"): words, pages or tokens is not said
_GUESSED_FIGURE = re.compile(r"^\W*(?:like|maybe|about|around|prob(?:ably)?|i guess|~|大概|大约|差不多)?"
                             r"\s*\d[\d,.]*\s*k?\s*(?:\?+|吧)"
                             r"\s*(?:idk|dunno|not sure|no idea|no clue|[?!.]|\s)*$")


def _unit_guessed(r: Reading, u: Understanding, asked: str | None = None, **_: Any) -> dict[str, str]:
    """A bare figure with a question mark and no unit, to the length question: which unit is not said."""
    if asked == "doc_length_tokens" and "doc_length_tokens" in u.updates and _GUESSED_FIGURE.match(r.raw.lower()):
        return {"doc_length_tokens": "a guess with no unit: words, pages or tokens?"}
    return {}


# s16-c (dev18b): a document said with its attachments to index too ("nos fiches font 2 pages en moyenne, mais chacune
# renvoie à une annexe de 40-60 pages qu'on voudrait aussi indexer", "una pratica può essere 3 fogli come 80 file
# allegati"): the length with or without them is the user's to say; a count of attached files is no corpus
_ATTACHED = re.compile(r"\b(?:annex\w*|attachments?|attached|appendi(?:x|ces)|anexos?|anlagen?|anh[äa]ng\w*|"
                       r"allegat[oiae]|pi[èe]ces? jointes?|bijlagen?|za[łl][ąa]cznik\w*)\b|附件|添付")


# Attachments left out of the length or the index (lead s16, heldout49 after the merge)
_LEFT_OUT_BEFORE = re.compile(r"\b(?:without|excluding|not counting|except|ohne|exkl\w*|sans|hors|sin|sem|senza|"
                              r"zonder|bez)\s+(?:the |die |den |les |los |as |gli |de )?$")
_LEFT_OUT_AFTER = re.compile(r"^[^.;!?。]{0,25}?\b(?:(?:nicht|not) (?:mitgerechnet|mitgezählt|enthalten|inbegriffen)|"
                             r"not (?:counted|included)|"
                             r"excluded|left out|leave (?:them|those|it) out|außen vor|non comprises?|no incluid\w*|"
                             r"não incluíd\w*|esclus\w*|exclu\w*)")


def _with_attachments(r: Reading, u: Understanding, asked: str | None = None, **_: Any) -> dict[str, str]:
    """The length of a document asked while its attachments, of another length or count, are to be indexed too."""
    if asked != "doc_length_tokens" or not any(f in u.updates for f in ("doc_length_tokens", "corpus_docs")) or \
            not any(not _LEFT_OUT_BEFORE.search(r.text[max(0, m.start() - 25):m.start()]) and
                    not _LEFT_OUT_AFTER.match(r.text[m.end():m.end() + 40]) for m in _ATTACHED.finditer(r.text)):
        return {}  # ("Anlagen nicht mitgerechnet", "without attachments", "plus attachments, but leave those out")
    reason = "a document with its attachments: about how long is one, all of it together?"
    return {f: reason for f in ("doc_length_tokens", "corpus_docs") if f in u.updates}


RULES = (_unit_guessed, _with_attachments,
         _restated_apart, _unaccounted_multiplier, _unanchored, _two_fields, _unit_as_count, _fraction,
         _period, _hardware, _department, _implausible, _budget_period, _bytes, _lengths_of_kinds, _pages_as_count,
         _two_counts)
