"""Corrections that point back at an earlier figure: only the field that figure was stored in changes.

"no wait, 600 is wrong ... roughly 130k" when 600 was stored as queries a month sets queries to 130,000 and touches
nothing else; "that 600 was per day" re-reads the same figure per day (x30); "queries are per day, not per month"
re-reads the stored value with the new period; "the 2,000 was document growth, not budget" takes the budget back
(unset, to be asked again) and records the growth instead of turning 2,000 into a document count.
"""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_patterns as P
from agent import understanding_structure as S
from agent.understanding_figures import period_factor
from agent.understanding_money import SECONDS_AFTER, as_field
from agent.understanding_quantities import extract_fields
from tools.profile.schema import NUMERIC_FIELDS

_RATE_FIELDS = ("queries_per_month", "budget_usd_month")


def _same(a: float, b: Any) -> bool:
    return isinstance(b, int | float) and not isinstance(b, bool) and b > 0 and abs(a - b) <= 0.005 * b


def _target(value: float, text: str, stated: dict[str, Any], num: P.Number | None = None) -> str | None:
    """The stated field holding ``value``; the one the text names when several do."""
    scaled = _readings(value, text, num)
    fields = [f for f in NUMERIC_FIELDS if any(_same(v, stated.get(f)) for v in scaled)]
    if not fields and num is not None and _in_usd(num, text) is not None:  # s15-a: "that NZ$250" stored at another
        usd = _in_usd(num, text) or 0.0  # day's rate (150 for 145.35): a sum in another currency matches within 5%
        fields = [f for f in ("budget_usd_month", "one_time_budget_usd") if isinstance(stated.get(f), int | float)
                  and not isinstance(stated.get(f), bool) and abs(usd - stated[f]) <= 0.05 * stated[f]]
    named = [f for f in fields if P.FIELD_RES[f].search(text)]
    return (named or fields)[0] if fields else None


def _readings(value: float, text: str, num: P.Number | None = None) -> list[float]:
    """The values a quoted figure may have been stored as: itself, x a period the text takes back, in US dollars."""
    # "that 3k was per week, not per day" with 90,000 a month stored: the figure as first read (x the period taken back)
    scaled = [value, *(value * factor for _, factor, negated in _periods(text) if negated)]
    usd = _in_usd(num, text) if num is not None else None  # "the €3.5k" stored as 3,780 US dollars
    unit = _LENGTH_UNIT.match(text, num.end) if num is not None else None
    tokens = _as_length(value, unit.group(1)) if unit is not None else None  # "not 20 pages": 10,000 tokens
    short = [value * mult for mult in (1e3, 1e6) if num is not None and _said_short(num, text)]
    # s8-b: the period the message keeps ("c'est plutôt 300 par heure, pas 100", "営業日1日3,000件ではなく300件"):
    # the old figure stored in it
    kept = [value * factor for factor in _kept_periods(text)]
    return [*scaled, *([usd] if usd is not None else []), *([tokens] if tokens is not None else []), *short, *kept]


def _kept_periods(text: str) -> list[float]:
    """The factors of the periods ``text`` names and does not take back (a correction of the figure, not the period)."""
    periods = _periods(text)
    if any(negated for _, _, negated in periods):
        return []
    factors = [factor for _, factor, _ in periods if factor != 1.0]
    if re.search(r"\b(?:working|business|work) days?\b|\bweekdays?\b", text):
        factors.append(float(S.WORKING_DAYS_PER_MONTH))  # "営業日1日3,000件" stored as 22 working days
    return list(dict.fromkeys(factors))


# The old figure said short in a correction, its thousands or millions left out: "25,000, not 40" after 40,000,
# "90k a month, not 150", "1.5M docs, not 1.2", "25.000, nicht 40", "25 000, pas 40", "25 mil, no 40" (s7-c)
_NOT_BEFORE = re.compile(r"(?:\bnot|\bnicht|\bpas|\bno|\bnon|\bniet|\bnie|\binte|\bне|\bnão|不是|"
                         # s8-b: "60 statt 40", "60 instead of 40", "60 zamiast 40", "60, а не 40"
                         r"\b(?:an)?statt|\binstead of|\brather than|\binvece di|\ben (?:lugar|vez) de|\bau lieu de|"
                         r"\bzamiast|\bвместо|\bзамість|\bistället för|\bin plaats van|\bem vez de|\bem lugar de)\s*"
                         r"(?:the |that |der |die |das |le |la |el |lo |il |o |a )?$")
# The old figure before its negation: "40 değil 60", "40 nahi 60", "4万じゃなくて6万" (s8-b)
_NOT_AFTER = re.compile(r"\s*(?:" + P.NOT_AFTER + ")")


def _said_short(num: P.Number, text: str) -> bool:
    """``num`` is a bare figure under a thousand after "not", with no magnitude or unit word of its own."""
    return num.value < 1000 and bool(re.fullmatch(r"[\d.,]+", text[num.start:num.end])) and (bool(
        _NOT_BEFORE.search(text[max(0, num.start - 20):num.start])) and not re.match(
        r"\s*(?:[a-z\u4e00-\u9fff%]|\.\d)", text[num.end:num.end + 4]) or bool(_NOT_AFTER.match(text, num.end)))


# What may follow a new figure said as short as the old one: the end, a stop, or the words joining it to the old one
_SHORT_NEW_END = re.compile(r"\s*(?:$|[,;.!?)]|(?:not|statt|anstatt|instead|rather|et|e|y|and|a|а|değil|nahi|nahin|nie|"
                            r"inte|niet|non|no|pas|não|не|zamiast|вместо|замість|in plaats|em vez|em lugar|invece|"
                            r"en (?:lugar|vez)|au lieu|istället|hain|hai)\b)")


def _short_new(old: P.Number, new_value: float, text: str, stated_value: Any) -> float:
    """"sorry, 60 not 40" after 40,000 was stated: the new figure said as short as the old one has its thousands.

    Applies only when the old figure, said short, names the stated value times a thousand or a million, and the new
    one is a bare figure under a thousand written in the message with nothing after it but the words joining the two.
    """
    if not _said_short(old, text) or new_value >= 1000 or not isinstance(stated_value, int | float):
        return new_value
    bare = [n for n in P.find_numbers(text) if n.start != old.start and _same(n.value, new_value) and re.fullmatch(
        r"[\d.,]+", text[n.start:n.end]) and _SHORT_NEW_END.match(text, n.end)]
    for mult in (1e3, 1e6):
        if bare and _same(old.value * mult, stated_value):
            return new_value * mult
    return new_value


def _in_usd(num: P.Number, text: str) -> float | None:
    """Figure ``num`` in US dollars, in the currency written beside it (yuan in Chinese, else dollars); None unknown."""
    money = P.CURRENCY_BEFORE.search(text[max(0, num.start - 4):num.start]) or P.CURRENCY_AFTER.match(text[num.end:])
    code = P.currency_code(money.group(1), text) if money else ("inr" if re.search(  # "the 1 lakh I told earlier"
        r"lakh|crore", text[num.start:num.end]) else "cny" if re.search(r"[\u4e00-\u9fff]", text) else "usd")  # (s15-c)
    rate = P.USD_PER.get(code or "")
    return num.value * rate if rate else None


def _rate_beside(num: P.Number, text: str) -> float | None:
    """US dollars per unit of the currency written right beside figure ``num``; None when none is written."""
    money = P.CURRENCY_BEFORE.search(text[max(0, num.start - 4):num.start]) or P.CURRENCY_AFTER.match(text[num.end:])
    return P.USD_PER.get(P.currency_code(money.group(1), text) or "") if money else None


# A figure after the corrected one that is not the new value: "the last 7 years", "10%", "2 GPUs".
_NOT_A_VALUE = re.compile(r"\s*(?:(?:years?|yrs?|months?|weeks?|days?|hours?|%|percent|gpus?|cores?)\b|年|个月|天|小时|"
                          r"時間|时间|시간|日間|週間|か月|ヶ月|개월|"
                          # s14-c: "十二万是一周的量": the one of a week or a quarter named after the figure
                          r"(?:个|個)?(?:周|週|星期|礼拜|禮拜|季度))")  # "(24時間稼働です)": hours of service

# Taking a stated value back without a new one: "forget the budget I gave you", "scratch the 300ms", "olvida lo del
# presupuesto", "oublie le budget", "vergiss das Budget", "预算先不算" -> the field is unset and asked again.
_WITHDRAW = re.compile(r"\b(?:forget|scratch|ignore|disregard|drop|strike|take back|never ?mind|nvm)\b|"
                       r"别算了?|先别(?:算|管|填|记)|先空着|"
                       r"\bolv[ií]d(?:a|ate|e|en)\b|\bignor[ae]\b|\boubli(?:e|ez)\b|laisse[zs]? tomber|"
                       r"\bvergiss\b|vergessen sie|\bstreich(?:e|en sie)?\b|\bdimentica\b|lascia(?:mo)? perdere|"
                       r"\besque(?:ça|ce)\b|\bvergeet\b|忘了|忘掉|别管|不算了?|先不算|作废|撤回|忘れて|なしで|取り消し|"
                       r"잊어|무시해|취소|\bзабуд\w*|\bне учитыва\w*|\bzapomnij\w*|\bpomiń\b|\bunut\w*|"
                       # s8-b: crossing out and removing, in every language ("예산은 빼 주세요", "te 300 ms skreśl",
                       # "бюджет вычеркните", "бюджет викресліть", "budget wala hata do")
                       r"\bcross (?:out|off)\b|\bstrike that\b|\bstreich\w*|\bsupprime[zr]?\b|\benl[eè]ve[zr]?\b|"
                       r"\bretire[zr]?\b|\bquita\b|\bb[oó]rra(?:lo)?\b|\bdescart[ae]\b|\bdesconsider[ae]\b|\bapaga\b|"
                       r"\btogli\b|\bcancella\b|\bschrap\b|\bglöm\b|\bta bort\b|\bskreśl\w*|\bwykreśl\w*|\busuń\b|"
                       r"\bвычеркн\w*|\bуберите\b|\bудалите\b|\bвикресл\w*|\bприберіть\b|\bвидаліть\b|\bзабудьте\b|"
                       r"\bçıkar(?:ın|alım)?\b|\bhata (?:do|dijiye|dena)\b|\bhatao\b|\bchhod do\b|\bbhool jao\b|"
                       r"\bcancel kar\w*|删掉|去掉|划掉|消して|なかったことに|"
                       r"빼\s?주세요|빼\s?줘|빼세요|지워\s?주세요|없던 걸로|"
                       # s9-d: "pode desconsiderar", "stryk siffran", "gecikme hedefini silin", "dihapus saja",
                       # "budget wali baat abhi side mein rakho", "300 ms वाली बात अभी छोड़ दीजिए" (glossed "skip")
                       r"\bdesconsider\w*|\bstryk\b|\bsil(?:in|elim|iniz)\b|\b(?:di)?hapus\b|\blupakan\b|"
                       r"\bside (?:mein|me|pe) rakh\w*|(?:\bbaat|बात) (?:abhi |अभी )?(?:skip|chhod\w*|छोड़)|"
                       # s16-b: Arabic takes back ("ألغِ رقم الميزانية", "انسَ موضوع الاستضافة", "تجاهل", "احذف",
                       # "شيل"), the short vowel mark after the verb's stem allowed
                       r"(?<![\u0600-\u06ff])(?:ألغ|الغ|انس|إنس|تجاهل|احذف|إحذف|امسح|شيل)[\u064b-\u0652]?"
                       r"(?:ي|وا|ها|ه)?(?![\u0621-\u064a])")
# s7-c: verbs that take a value back only with the field or its figure right after them ("leave the budget blank
# until ...", "don't count on that budget figure yet", "hold off on the budget", "remove the latency target"), not
# "we need to remove duplicates first; budget is still 500"
_WITHDRAW_OBJECT = re.compile(r"\bleave\b(?=[^.;!?]{0,30}\b(?:blank|empty|open|out|aside|unset|tbd)\b)|"
                              r"\b(?:don'?t|do not) (?:count on|rely on|go by|hold me to)\b|\bhold off on\b|"
                              r"\bput a pin in\b|\b(?:remove|delete|undo|retract|withdraw)\b")
_WITHDRAWN_FIELD = {
    "budget_usd_month": r"budget|spend|presupuesto|budget|預算|预算|予算|예산|orçamento|bilancio|kosten|бюджет|"
                        r"budżet|bütçe|begroting|ميزاني",
    "latency_p95_ms": r"latency|\d+\s*ms(?![a-z])|sla\b|latence|latencia|latenz|latenza|延迟|レイテンシ|지연|"
                      r"response time|gecikme|latensi|زمن الاستجابة|التأخير",
    "queries_per_month": r"quer(?:y|ies)|traffic|requêtes|consultas|anfragen|查询|クエリ|쿼리",
    "corpus_docs": r"document count|number of documents|corpus size|documents? number|文档数|文書数|문서 수|"
                   r"\b(?:figure|number|count|chiffre|nombre|cifra|número|numero|zahl|aantal|antal|liczb\w*|"
                   r"цифр\w*|sayı\w*) (?:\w+ ){0,2}?documents",
    "deployment": r"\bhosting\b|\bdeployment\b|部署|ホスティング|배포|استضاف|النشر",
    "hardware": r"\bgpu\b|hardware|显卡|硬件|ハードウェア|하드웨어",
    # lead s15: the data rule taken back ("scratch the on-prem thing for now", "lascia perdere quello che ho detto sui
    # dati che devono restare in sede", "vergiss das mit dem Datenschutz", "数据不出本地那条先别算")
    "data_must_stay_on_prem": r"on[\s-]?prem\w*|data residency|(?:data|dati|daten|données|datos|dados) (?:\w+ ){0,3}?"
                              r"(?:stay|restare|rimanere|bleiben|rester|quedarse|ficar)|in sede|datenschutz|"
                              r"不出|本地部署|内网|オンプレ|社外|온프레미스|외부 반출",
}


def _quoted(text: str, value: Any) -> bool:
    """``text`` (what follows "disregard") names the stated figure ``value`` itself: "the $2k I mentioned"."""
    if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        return False
    return any(abs(n.value - value) <= 0.02 * value for n in P.find_numbers(text[:25]))


def withdraw(text: str, stated: dict[str, Any], result: Any) -> None:
    """A stated field the message takes back without a new value: unset it (it is asked again)."""
    verbs = [(m, text[max(0, m.start() - 30):m.end() + 50]) for m in _WITHDRAW.finditer(text)]
    verbs += [(m, text[m.end():m.end() + 30]) for m in _WITHDRAW_OBJECT.finditer(text)]  # the field said right after
    for m, window in verbs:
        for name, words in _WITHDRAWN_FIELD.items():
            again = name in result.updates and result.updates[name] == stated.get(name)  # the old figure, quoted
            if name not in stated or (name in result.updates and not again) or name in result.unset or not (
                    re.search(words, window) or _quoted(text[m.end():], stated.get(name))):
                continue
            result.updates.pop(name, None)
            total = _new_total(text, stated, name) if again or name not in result.updates else None
            if total is not None:  # s14-b: "scratch that, the 8k was only the HK office. w/ SG + MY it's closer to
                result.updates[name] = total  # 21k": the quoted count taken back, the new one said after it
                result.corrected.add(name)
            elif name == "latency_p95_ms" and P.NO_LATENCY.search(text):  # "scratch the 300ms, there's no SLA"
                result.updates[name] = None
            elif name == "budget_usd_month" and P.BUDGET_NO_LIMIT.search(text):
                result.updates[name] = None
            else:
                result.unset.append(name)


def _new_total(text: str, stated: dict[str, Any], name: str) -> int | None:
    """The one other count of documents a retraction gives after quoting the stated one, if there is one."""
    if name != "corpus_docs":
        return None
    numbers = [n for n in P.find_numbers(text) if n.value >= 2]
    quoted = [n for n in numbers if _same(n.value, stated[name])]
    others = [n for n in numbers if not _same(n.value, stated[name])]
    if len(quoted) != 1 or len(others) != 1 or others[0].start < quoted[0].end or any(
            rx.search(text[others[0].end:others[0].end + 20]) for rx, _ in P.PERIODS):
        return None
    return int(others[0].value)


def unknown_again(text: str, stated: dict[str, Any], result: Any) -> None:
    """A stated field named next to "we don't know yet" / "not decided" / "later", with no figure: unset (s10-b).

    "il budget lascialo in sospeso, non lo sappiamo ancora", "予算の件は白紙に戻してください。まだ決まってません",
    "bütçeyi boş bırakalım, henüz belli değil": the earlier value is taken back and asked again. One field named
    in the sentence, and no figure there but the old one quoted.
    """
    for start, end in P.split_sentences(text):
        sentence = text[start:end]
        if not (P.SKIP.search(sentence) or P.LATER.search(sentence)):
            continue
        named = [f for f, words in _WITHDRAWN_FIELD.items() if re.search(words, sentence)]
        if len(named) != 1 or named[0] not in stated or named[0] in result.updates or named[0] in result.unset:
            continue
        old = stated[named[0]]
        if any(not (isinstance(old, int | float) and abs(n.value - old) <= 0.02 * old) for n in P.find_numbers(
                sentence)):
            continue
        result.unset.append(named[0])


# A stated figure put in doubt: "the 70k might be way off, let me check", "さっきの4万件、ちょっと怪しいので保留に"
_DOUBT = re.compile(r"\b(?:might|may|could) be (?:way |totally |completely |a (?:bit|lot) |quite |very )?"
                    r"(?:off|wrong|inaccurate|outdated|stale)\b|\bnot (?:so |too |very |entirely )?(?:sure|certain|"
                    r"confident) (?:about|of)\b|\bdouble[- ]?check\b(?!ed)|\blet me (?:check|verify|confirm)\b|"
                    r"\b(?:put|keep) (?:it |that )?on hold\b|\bhold off on\b|"
                    r"怪しい|保留|確認します|確認してから|存疑|不太准|不一定准|待确认|要再确认|先别记|"
                    r"보류|확인해 ?볼게|확실하지 않|"
                    r"\bnicht sicher\b|\bprüfe (?:ich|das) (?:noch|nach)\b|\bpas sûr\b|\bà vérifier\b|"
                    r"\bje (?:dois |vais )?vérifier\b|\bno estoy seguro\b|"
                    r"\b(?:tengo|hay) que (?:verificar|confirmar)\b|"
                    r"\bnon sono sicur[oa]\b|\bda verificare\b|\bdevo verificare\b|\bnão tenho certeza\b|"
                    r"\bpreciso (?:confirmar|verificar)\b|\bне уверен\w*|\bнадо (?:уточнить|проверить)\b|"
                    r"\bнужно уточнить\b|\bniepewn\w*|\bmuszę sprawdzić\b|\bosäker\b|\bmåste kolla\b|"
                    r"\bemin değilim\b|\bkontrol edeyim\b")


# The figure kept all the same: "but 2k should be fine", "the 50k are right, I double-checked"
_AFFIRMED = re.compile(r"\b(?:should be|is|are|'s|'re|seems?) (?:still )?(?:fine|ok|okay|right|correct|good|"
                       r"accurate)\b|"
                       r"\bi (?:double[- ]?)?checked\b")


def _period_said_apart(text: str, stated: dict[str, Any], result: Any) -> None:
    """"the 5000 queries, that's per week": a stated rate quoted, its period said apart from it, re-read (s11-b)."""
    numbers = P.find_numbers(text)
    if len(numbers) > 1 or P.CORRECTION.search(text) is None and not re.search(
            r"\b(?:that'?s|that is|it'?s|c'est|das ist|es|è|é|was|is|were|are)\b", text):
        return
    # "that budget was yearly": no figure, the field named (s11-b)
    fields = [f for f in _RATE_FIELDS if _same(numbers[0].value, stated.get(f))] if numbers else [
        f for f in _RATE_FIELDS if f in stated and P.FIELD_RES[f].search(text)]
    periods = _periods(text)
    factors = {factor for _, factor, negated in periods if not negated}
    if len(fields) != 1 or len(factors) != 1 or any(negated for _, _, negated in periods) or 1.0 in factors:
        return
    start = max((text.rfind(c, 0, numbers[0].start) for c in ",;.!?。，；"), default=-1) + 1 if numbers else 0
    end = min((i for c in ",;!?。，；" if (i := text.find(c, numbers[0].end)) >= 0), default=len(text)) \
        if numbers else 0
    if any(rx.search(text[start:end]) for rx, _ in P.PERIODS):
        return  # the period in the figure's own clause: the reader took it
    value = stated[fields[0]] * factors.pop()
    result.updates[fields[0]] = int(value) if fields[0] == "queries_per_month" else round(value, 2)
    result.corrected.add(fields[0])
    result.confirm = None


def doubted(text: str, stated: dict[str, Any], result: Any) -> None:
    """A stated figure quoted and put in doubt, with no new one: unset, to be asked again (s11-b).

    "wait, the 70k might be way off. let me check with the DMS guy", "さっきの4万件、ちょっと怪しいので保留に".
    Every figure of the message must be a stated one, all of the same field.
    """
    if not _DOUBT.search(text) and not (P.LATER.search(text) and P.SKIP.search(text)) or _AFFIRMED.search(text):
        return
    numbers = P.find_numbers(text)

    def near(value: float, name: str) -> bool:  # a sum quoted in its own currency ("2 000 €" stored as $2,160)
        old = stated.get(name)
        return _same(value, old) or (name == "budget_usd_month" and isinstance(old, int | float) and not isinstance(
            old, bool) and old > 0 and abs(value - old) <= 0.1 * old)

    fields = {f for n in numbers for f in NUMERIC_FIELDS if near(n.value, f)}
    if not numbers or len(fields) != 1 or any(not any(near(n.value, f) for f in fields) for n in numbers):
        return
    name = fields.pop()
    if name in result.unset or result.updates.get(name, stated[name]) != stated[name]:
        return
    result.updates.pop(name, None)
    result.unset.append(name)


_WORKING = re.compile(r"working|business|\bwork\b|weekday|workday|工作日|营业日")


_ONLY_DAYS = re.compile(r"\b(?:only|just|só|solo|sólo|nur|seulement|uniquement|alleen|tylko|bara|sadece|только|"
                        r"тільки)\b|只|だけ|のみ|만")


def _period_factor(after: str) -> float:
    """``period_factor`` of the text after a figure, a working day counted as 22 a month (not 30)."""
    factor = period_factor(after, "")
    own = re.split(r"[,;!?。，；、]", after[:30])[0]
    return float(S.WORKING_DAYS_PER_MONTH) if factor == P.DAYS_PER_MONTH and _WORKING.search(own) else factor


def _said_period(text: str, num: P.Number) -> float:
    """The factor of the period said after ``num``, skipping one taken back ("3000回って1日じゃなくて1週間": a week)."""
    after = [(f, negated) for pos, f, negated in _periods(text) if num.end <= pos < num.end + 30]
    if after and after[0][1] and (kept := [f for f, negated in after if not negated]):
        return kept[0]
    return _period_factor(text[num.end:num.end + 30])


# "per day 1000 items not per day 3000 items" (glossed "하루 1000건 아니고 하루 3000건"): the "not" takes back the
# figure before it, not the period after it
_NOT_AFTER_FIGURE = re.compile(r"\d\s*(?:items|times|documents)?\s*not\s*$")


def _periods(text: str) -> list[tuple[int, float, bool]]:
    """(position, factor to per month, negated) of each period ``text`` names."""
    out = []
    spans = [m.span() for m in P.negated_values(text)]  # "not 100000 queries per month mais ...": taken back
    for rx, factor in P.PERIODS:
        for m in rx.finditer(text):
            # "no por día", "niet per dag", "не в день, а в неделю" (glossed: "no per day", "не per day"): taken back
            negated = bool(re.search(r"(?:\bnot|\bisn'?t|\brather than|\binstead of|\bno|\bnon|\bniet|\bnie|\binte|"
                                     r"\bnão|\bnicht|\bpas|\bне|不是)\s*$", text[:m.start()])
                               and not _NOT_AFTER_FIGURE.search(text[:m.start()])
                           or re.match(r"\s*(?:[\d.万亿kmb]+\s*(?:documents|件|items|개|건|times|回|번)?\s*)?"
                                       rf"(?:{P.NOT_AFTER_CJK}|değil|nahi)", text[m.end():])
                           or any(s <= m.start() < e for s, e in spans))
            # s10-b: "die 800 was per werkdag, niet per maand": 22 working days, not 30 days
            working = _WORKING.search(m.group())
            out.append((m.start(), float(S.WORKING_DAYS_PER_MONTH) if working else factor, negated))
    return sorted(out)


# A currency taken back: "not dollars", "不是美元", "ドルじゃなくて", "달러가 아니라", "dolar değil", "а не доллары"
_CURRENCY_NOT_BEFORE = re.compile(r"(?:\bnot|\bno|\bnon|\bnão|\bnicht|\bkeine?|\bniet|\bnie|\binte|\bне|\brather than|"
                                  r"\binstead of|不是|而非)\s*(?:(?:in|en|em|w|в|the|de|d'|i|på)\s+)?$")
_CURRENCY_NOT_AFTER = re.compile(r"^\s*(?:" + P.NOT_AFTER + r"|not\s*(?:$|[,.;!?]))")  # "달러 not" (s10-b)
_SORRY = re.compile(r"\bsorry\b|\bpardon\b|\bperd[óo]n\b|\bdesculp|\bscusa|\bprzepraszam\b|\bförlåt\b|"
                    r"\bизвините\b|\bentschuldigung\b|不好意思|抱歉|すみません|죄송")


# The same figure in another currency: "same but in pounds", "dasselbe, aber in Euro", "lo mismo pero en euros" (s11-b)
_SAME_SUM = re.compile(r"\b(?:(?:the )?same(?: (?:figure|number|amount|sum|thing))?|dasselbe|das gleiche|"
                       r"die gleiche summe|la même (?:chose|somme)|le même (?:montant|chiffre)|lo mismo|"
                       r"la misma (?:cifra|cantidad)|"
                       r"lo stesso|la stessa (?:cifra|somma)|o mesmo|a mesma (?:quantia|coisa)|hetzelfde|samma|aynı|"
                       r"то же самое|та же сумма|те саме)\b|同样的?|一样的?|同じ|같은")


def recurrency(text: str, stated: dict[str, Any], result: Any) -> bool:
    """"Sorry, that was pounds, not dollars": the stated budget's figure re-read in the currency now named.

    The stored budget is in US dollars; the figure as the user said it is that value in the currency the message
    takes back (US dollars when it names none). Applies only when the message names exactly one new currency and
    quotes no other figure; True when it changed the budget.
    """
    budget = stated.get("budget_usd_month")
    if not isinstance(budget, int | float) or isinstance(budget, bool) or budget <= 0:
        return False
    old: list[str] = []
    new: list[str] = []
    for start, end, code in P.currency_mentions(text):
        taken_back = _CURRENCY_NOT_BEFORE.search(text[max(0, start - 16):start]) or _CURRENCY_NOT_AFTER.match(
            text[end:])
        (old if taken_back else new).append(code)
    new = list(dict.fromkeys(c for c in new if c not in old))
    quoted = bool(new) and not old and any(_same(n.value, budget) for n in P.find_numbers(text))  # "the 2k was AUD"
    if len(new) != 1 or not (old or quoted or P.CORRECTION.search(text) or _SORRY.search(text)
                             or _DISMISSED.search(text) or _SAME_SUM.search(text)):
        return False  # ("це гривні, а не долари", "वो रुपये में था, डॉलर में नहीं": a currency word the table lacks)
    rate_old, rate_new = P.USD_PER.get(old[0] if old else "usd"), P.USD_PER.get(new[0])
    if not rate_old or not rate_new or rate_old == rate_new:
        return False
    said = budget / rate_old
    if any(not _same(n.value, said) for n in P.find_numbers(text)):
        return False  # a new figure: the other correction rules read it
    for name in [f for f in result.updates if f in NUMERIC_FIELDS]:
        del result.updates[name]
    result.confirm = None
    result.updates["budget_usd_month"] = round(said * rate_new, 2)
    result.corrected.add("budget_usd_month")
    return True


def _monthly_was_one_off(text: str, stated: dict[str, Any], result: Any) -> None:
    """"The 10k is a one-off for the setup, not monthly": the stated monthly budget was a one-off sum (s9-d).

    Applies when the message calls the stated budget's own figure one-off (or the reading stored that figure as the
    one-off) and gives no new monthly budget: the monthly budget is taken back, the one-off keeps the sum.
    """
    budget = stated.get("budget_usd_month")
    if not isinstance(budget, int | float) or isinstance(budget, bool) or budget <= 0 or \
            "budget_usd_month" in result.updates or not S.one_off_named(text):
        return
    once = result.updates.get("one_time_budget_usd")
    quoted = any(_same(n.value, budget) or _same(_in_usd(n, text) or 0.0, budget) for n in P.find_numbers(text))
    if not (isinstance(once, int | float) and _same(once, budget)) and not (once is None and quoted):
        return
    result.updates["one_time_budget_usd"] = budget
    result.unset.append("budget_usd_month")
    result.corrected.add("one_time_budget_usd")


_MS_AFTER = re.compile(r"\s*(?:ms|msec|millis(?:econds?)?|milliseconds?|мс|миллисекунд\w*|мілісекунд\w*|ミリ秒|毫秒|"
                       r"밀리초)"
                       r"(?![a-z])")


# The old target dismissed in its own clause: "the 100ms target was me being greedy", "300ms 말고", "не обязательно"
_DISMISSED = re.compile(r"\b(?:not|no|nah?in?|nhi|nicht|pas|non|nie|inte|niet|não|değil|zaroori|instead|rather|statt|"
                        r"invece|zamiast|greedy|overkill|bukan|"
                        r"too (?:strict|tight|much|high|ambitious|aggressive))\b|नहीं|"
                        # s16-b: the old target judged too loose or too strict, in every language of the tables
                        # ("500毫秒太宽松了，最多200毫秒", "300 ms ist zu locker", "c'est trop large", "troppo lento")
                        r"\btoo (?:loose|lax|relaxed|generous|slow|long|low|lenient)\b|\bzu (?:locker|lang|langsam|"
                        r"streng|knapp|großzügig|hoch)\b|\btrop (?:large|lent|long|strict|serré|généreux|élevé)\b|"
                        r"\bdemasiado (?:laxo|lento|largo|estricto|holgado|generoso|alto)\b|\bmuito (?:folgado|lento|"
                        r"longo|apertado|generoso|alto)\b|"
                        r"\btroppo (?:largo|lento|lungo|stretto|rigido|generoso|alto)\b|"
                        r"\b(?:te|veel te) (?:ruim|traag|lang|streng|krap|hoog)\b|\bçok (?:gevşek|yavaş|uzun|sıkı)\b|"
                        r"слишком (?:мягк\w*|долг\w*|медлен\w*|строг\w*|жёстк\w*|высок\w*)|"
                        r"太(?:宽松|松|慢|长|高|严|紧|苛刻)|(?:緩|遅|長|厳し|きつ|甘)すぎ|"
                        r"너무 (?:느슨|느리|길|엄격|빡빡|높)|"
                        r"(?:بطيء|طويل|متساهل|صارم) (?:جدا|جدًا|كثير)|"
                        r"(?<![а-яіїє])(?:не|вместо|замість)(?![а-яіїє])|말고|아니|じゃなく|ではなく|不是|不用|不需要|不必")


def _new_latency(text: str, stated: dict[str, Any], result: Any) -> None:
    """"300ms 말고 100ms로", "the 100 ms isn't needed, 1 second is plenty": the stated target quoted beside a new one.

    Applies when the message names exactly two times, one of them the stated latency target: the other is the new
    target, whichever order they come in (s9-d).
    """
    old = stated.get("latency_p95_ms")
    if not isinstance(old, int | float) or isinstance(old, bool) or old <= 0:
        return
    times = []
    for n in P.find_numbers(text):
        if _MS_AFTER.match(text, n.end):
            times.append((n, n.value))
        elif SECONDS_AFTER.match(text, n.end) and n.value < 60:
            times.append((n, n.value * 1000))
    if len(times) != 2 or sum(_same(t, old) for _, t in times) != 1:
        return
    quoted = next(n for n, t in times if _same(t, old))
    stop = r"[,;.!?。，；]"
    clause = re.split(stop, text[quoted.end:])[0] + " " + re.split(stop, text[:quoted.start])[-1]
    if not _DISMISSED.search(clause):  # "today 800 ms; we want 200 ms": the current time beside the target
        return
    new = next(t for _, t in times if not _same(t, old))
    result.updates["latency_p95_ms"] = float(new)
    result.corrected.add("latency_p95_ms")


def _carried(old: P.Number, new: P.Number, text: str) -> float:
    """The new figure with the old one's magnitude when only the old one says it: "not 300k, but 250" is 250k.

    In Russian "не 300 тысяч, а 250", in Polish "nie 8 tys., a 11". The number words are digits by now ("300000"), so
    the magnitude is the thousand or million that brings the new figure to the old one's order; a new figure with its
    own magnitude or unit word ("250k", "250 documents") stays as said.
    """
    if re.match(r"\s?(?:k|m|mn|b|bn|thousand|million|billion|%)?\s*[a-z]", text[new.end:new.end + 12]) and \
            not re.match(r"\s*(?:but|а|a)\b", text[new.end:new.end + 6]):
        return new.value
    for mult in (1e6, 1e3):  # the larger first: "not 2.3 million, but 1.8" is 1.8 million, never 1,800
        if old.value >= mult and old.value % (mult / 10) == 0 and new.value < 1000 and \
                old.value / 5 <= new.value * mult <= old.value * 5:
            return new.value * mult
    return new.value


def _unknown_money(num: P.Number, text: str) -> bool:
    """A currency is written right after figure ``num`` whose rate is unknown ("450 mil pesos" in Argentina)."""
    money = P.CURRENCY_AFTER.match(text[num.end:])
    return money is not None and P.USD_PER.get(P.currency_code(money.group(1), text) or "") is None


def _scale_unknown(result: Any, old: P.Number, new: float, budget: Any, text: str) -> None:
    """"son 450 mil pesos x mes, no 300" after 300 was stored: the stored budget scaled by new / old (s15-b).

    The currency has no rate, but the old figure, said short as the stored value, shows the user's unit: the new
    sum is the stored one times the ratio (its thousands or millions carried over). Else the budget is not stored.
    """
    result.updates.pop("budget_usd_month", None)
    if not _said_short(old, text) or not _same(old.value, budget):
        return
    for mult in (1.0, 1e3, 1e6):
        if old.value * mult / 10 <= new <= old.value * mult * 10:
            result.updates["budget_usd_month"] = round(float(budget) * new / (old.value * mult), 2)
            return


_LENGTH_UNIT = re.compile(r"\s*(pages?|words?|lines?|characters?|chars?|tokens?)\b")


def _length_in_old_unit(old: P.Number, new: P.Number, text: str) -> int | None:
    """A new document length said without a unit in the old one's: "not 20 pages, but about 12" is 12 pages."""
    unit = _LENGTH_UNIT.match(text, old.end)
    if unit is None or re.match(r"\s*[a-z\u4e00-\u9fff]", text[new.end:new.end + 3]) and not re.match(
            r"\s*(?:but|а|a)\b|\s*$", text[new.end:new.end + 6]):
        return None
    return _as_length(new.value, unit.group(1))


def _as_length(value: float, unit: str) -> int | None:
    """``value`` of ``unit`` (pages, words, lines ...) in tokens, by the reader's own conversions."""
    tokens = extract_fields(f"{value:g} {unit}", "doc_length_tokens").updates.get("doc_length_tokens")
    return int(tokens) if isinstance(tokens, int | float) and not isinstance(tokens, bool) else None


# The old figure said again to keep it: "500 is the ceiling, that stays", "keep the 300ms", "yes 50k is right" (s10-b)
_KEEP = re.compile(r"\b(?:stays?|stands|keep|still (?:right|valid|holds?)|(?:is|was) (?:right|correct)|correct|"
                   r"confirm\w*|unchanged|hasn'?t changed|stimmt|bleibt|confermo|klopt|zgadza|верно|doğru)\b|"
                   r"合ってます|没错|맞아요")


def _kept(num: P.Number, text: str, old: Any) -> bool:
    """``num`` is the stated figure itself, in a sentence that keeps it and takes nothing back."""
    if not _same(num.value, old):
        return False
    start, end = next(((s, e) for s, e in P.split_sentences(text) if s <= num.start < e), (0, len(text)))
    sentence = text[start:end]
    return bool(_KEEP.search(sentence)) and not _NOT_BEFORE.search(text[max(0, num.start - 20):num.start]) and \
        not _NOT_AFTER.match(text, num.end) and len(P.find_numbers(sentence)) == 1


_ANY_LENGTH_UNIT = re.compile(r"\b(pages?|words?|lines?|characters?|chars?|tokens?)\b")


def relength(text: str, stated: dict[str, Any], result: Any) -> None:
    """The unit of a stated document length corrected, not its figure: "the 2000 was tokens, not words" (s10-b).

    A figure that, read in the unit the message takes back, is the stated length, is read again in the unit the
    message keeps (one of each, no other figure).
    """
    old = stated.get("doc_length_tokens")
    if not isinstance(old, int | float) or isinstance(old, bool) or old <= 0 or "doc_length_tokens" in result.updates:
        return
    units = [(m.group(1), bool(_NOT_BEFORE.search(text[max(0, m.start() - 20):m.start()])))
             for m in _ANY_LENGTH_UNIT.finditer(text)]
    dropped = {u.rstrip("s") for u, negated in units if negated}
    kept = {u.rstrip("s") for u, negated in units if not negated}
    numbers = P.find_numbers(text)
    if len(dropped) != 1 or len(kept) != 1 or len(numbers) != 1:
        return
    value = numbers[0].value
    was = _as_length(value, dropped.pop())
    new = _as_length(value, kept.pop())
    if was is None or new is None or abs(was - old) > 0.05 * old or new == was:
        return
    result.updates["doc_length_tokens"] = new
    result.corrected.add("doc_length_tokens")


# The quoted figure said not to be the field at all, in any word order (s15-c): "not the budget", "nicht das laufende
# Budget" (glossed "not das laufende budget"), "pas le budget", "no el presupuesto", "nie budżet", "bütçe değil",
# "今回の予算とは別で", "不是预算"; the words between "not" and the field are an article or an adjective, not a limit
# ("not more than the budget")
_NOT_THE_FIELD = (r"\b(?:not|no|não|nie|non|nicht|pas|niet|inte|nahi|nahin) (?:(?!(?:more|less|over|above|below|under|"
                  r"within|enough|only|just|all|whole|entire|total|including|counting)\b)[^\W\d]+ ){{0,2}}(?:{words})|"
                  r"(?:{words})\s*(?:değil|ではな|じゃな|とは別|what is 別|とは関係な)|不是(?:{words})")


def refer_back(text: str, stated: dict[str, Any], result: Any, leftovers: list[P.Number]) -> None:
    """Apply a correction of an earlier figure to ``result`` (an Understanding), in place."""
    if recurrency(text, stated, result):
        return
    _monthly_was_one_off(text, stated, result)
    _new_latency(text, stated, result)
    withdraw(text, stated, result)
    unknown_again(text, stated, result)
    doubted(text, stated, result)
    _period_said_apart(text, stated, result)
    relength(text, stated, result)
    if relabel(text, stated, result):
        return
    if _named_figure(text, stated, result, leftovers):
        return
    if not (P.CORRECTION.search(text) or re.search(r"\b(?:was|were|is|are)\b|不是|是|\d\w*\s*(?:->|→|=>)\s*\d",
                                                   text) or any(
            negated for _, _, negated in _periods(text)) or any(
            _NOT_BEFORE.search(text[max(0, n.start - 20):n.start]) or _NOT_AFTER.match(text, n.end)
            for n in P.find_numbers(text))):  # "300 par heure, pas 100", "3,000件ではなく300件" (s8-b)
        return
    for num in P.find_numbers(text):
        target = _target(num.value, text, stated, num)
        if target is None or target in result.unset:  # taken back above: no new value for it
            continue
        if _kept(num, text, stated.get(target)):
            continue
        own = re.split(r"[,;.!?。，；]", text[num.end:num.end + 50])[0]
        quoted = _readings(num.value, text, num)
        kept_only = [num.value * f for f in _kept_periods(text)]  # a kept period names the old figure only as stored
        for name in [f for f, v in result.updates.items() if f in NUMERIC_FIELDS and any(_same(q, v) for q in quoted)
                     and (_same(v, stated.get(f)) or any(_same(q, v) for q in quoted if q not in kept_only))]:
            # (not "2.000 al giorno ma solo nei giorni lavorativi" after 60,000: 44,000 is the new reading)
            if name != target and P.FIELD_RES[name].search(own):
                continue  # "2 million is the queries per month": the figure, now named as another field
            del result.updates[name]  # the old figure itself is not a new value
        if result.confirm and _same(num.value, result.confirm.get("value")):
            result.confirm = None
        words = P.FIELD_WORDS[target]
        if P.GROWTH_WORD.search(text) or re.search(_NOT_THE_FIELD.format(words=words), text):
            if not P.GROWTH_WORD.search(text) and not [n for n in P.find_numbers(text) if not _same(
                    n.value, num.value) and not _NOT_A_VALUE.match(text[n.end:])]:
                result.updates.pop(target, None)  # "50 bin TL ... günlük ücretiydi, bütçe değil": the quoted figure
                # read again in another period is no new value either (s15-c)
            result.unset.append(target)
            if P.GROWTH_WORD.search(text):
                result.growth_docs_month = num.value
            return
        other = [n for n in leftovers if not _same(n.value, num.value) and not _NOT_A_VALUE.match(text[n.end:])
                 and not num.start <= n.start < num.end and n.value > 0]  # (not the "000" of "2,000", s15-b)
        if not other and target not in result.updates:  # "the €3.5k is for the whole infra, put €1,200": read as
            # the same field as the old figure by the reader too, so not a leftover
            used = [v for f, v in result.updates.items() if f != target]
            other = [n for n in P.find_numbers(text) if n.start > num.start and not _same(n.value, num.value)
                     and not _NOT_A_VALUE.match(text[n.end:]) and not any(_same(n.value, v) or _same(
                         n.value * period_factor(text[n.end:n.end + 30], ""), v) for v in used)]
            # ("the docs are 60k like I said; searches maybe 400 a day": the 400 is the 12,000 queries read)
            if not other and _NOT_BEFORE.search(text[max(0, num.start - 20):num.start]):
                # "90k a month, not 150": the new figure said before the old one it replaces
                other = [n for n in P.find_numbers(text) if n.end <= num.start and not _same(n.value, num.value)
                         and not _NOT_A_VALUE.match(text[n.end:]) and not any(_same(n.value, v) for v in used)][-1:]
                if other and result.confirm and _same(other[0].value, result.confirm.get("value")):
                    result.confirm = None  # the figure asked about is the correction's new value
        if target in result.updates:
            later = [n for n in P.find_numbers(text) if n.start > num.end and _same(n.value, result.updates[target])]
            if later and target not in _RATE_FIELDS and (carried := _carried(num, later[0], text)) != later[0].value:
                result.updates[target] = as_field(target, carried, text[later[0].start:])
            value = result.updates[target]
            if isinstance(value, int | float) and (short := _short_new(num, value, text, stated.get(target))) != value:
                result.updates[target] = int(short) if target != "budget_usd_month" else short  # "60 not 40"
            result.corrected.add(target)
        elif other:
            said = _short_new(num, _carried(num, other[0], text), text, stated.get(target))
            result.updates[target] = as_field(target, said, text[other[0].start:])
            kept = [f for f in _kept_periods(text) if _same(num.value * f, stated.get(target))
                    and not _same(num.value, stated.get(target))]
            if target in _RATE_FIELDS and kept and period_factor(text[other[0].end:other[0].end + 30], "") == 1.0:
                # "日均是 80万 不是 120万": the period said once, before both figures, is the new one's too (s8-b)
                value = said * kept[0]
                result.updates[target] = round(value, 2) if target == "budget_usd_month" else int(value)
            own_unit = _LENGTH_UNIT.match(text, other[0].end) if target == "doc_length_tokens" else None
            if own_unit and (length := _as_length(said, own_unit.group(1))) is not None:
                result.updates[target] = length  # s16-b: "I said a page each but they run 3-4 pages": in its unit
            elif target == "doc_length_tokens" and (length := _length_in_old_unit(num, other[0], text)) is not None:
                result.updates[target] = length  # "not 20 pages, but about 12": 12 pages
            parts = re.split(r"ではなく|じゃなく|이 아니라|가 아니라|değil|nahi|\bbut\b", text[num.end:other[0].start])
            own = re.split(r"[,;.!?。，；]", text[other[0].end:other[0].end + 30])[0]
            if target == "queries_per_month" and len(parts) > 1 and not any(rx.search(own) for rx, _ in P.PERIODS):
                between = parts[-1]
                # "月20万じゃなくて1日2万件でした": the new figure's period is said before it; said with the old
                # figure only ("1日3,000件ではなく300件"), it is the new one's too (s8-b)
                factor = period_factor("", between)
                kept = [f for f in _kept_periods(text) if _same(num.value * f, stated.get(target))]
                result.updates[target] = int(said * (factor if factor != 1.0 or not kept else kept[0]))
            rate = _rate_beside(other[0], text) or _rate_beside(num, text) or (_in_usd(other[0], text) or 0) / (
                other[0].value or 1) if target == "budget_usd_month" else 0
            if rate:  # in the currency written beside it ("put €1,200"), else beside the figure it replaces ("не 20
                # тисяч гривень, а 10": 10 thousand hryvnias, s13-b)
                result.updates[target] = round(said * rate * period_factor(text[other[0].end:other[0].end + 30], ""), 2)
            elif target == "budget_usd_month" and _unknown_money(other[0], text):
                _scale_unknown(result, num, said, stated.get(target), text)
            result.corrected.add(target)
        elif target in _RATE_FIELDS and (factor := _said_period(text, num)) != 1.0:
            result.updates[target] = as_field(target, num.value, text[num.end:num.end + 30])
            if target == "queries_per_month":  # "eram 1500 por dia útil, não por mês": 22 working days (s10-b)
                result.updates[target] = int(num.value * factor)
            usd = _in_usd(num, text) if target == "budget_usd_month" else None
            if usd is not None:  # "30万円は月額じゃなくて年額です": the sum in its own currency (s9-d)
                result.updates[target] = round(usd * factor, 2)
            result.corrected.add(target)
        elif target in _RATE_FIELDS and (new := next((f for _, f, negated in _periods(text) if not negated), None)):
            # "1日ではなく1週間あたり3000回": the period the correction names, before the figure; a sum stated
            # before, in whatever currency it was read ("30万円は月額じゃなくて年額です", s9-d)
            old_factor = next((f for _, f, negated in _periods(text) if negated), 1.0)
            value = num.value * new
            usd = _in_usd(num, text) if target == "budget_usd_month" and old_factor == 1.0 else None
            if usd is not None and _same(usd, stated.get(target)):
                value = stated[target] * new
            elif usd is not None:  # s15-a: "that NZ$250 - per fortnight, not per month": in its own currency
                value = usd * new
            result.updates[target] = round(value, 2) if target == "budget_usd_month" else int(value)
            result.corrected.add(target)
        return
    if not (P.CORRECTION.search(text) or any(negated for _, _, negated in _periods(text))):
        return
    if _new_rate(text, stated, result, leftovers):
        return
    only = [f for f in _RATE_FIELDS if f in stated]
    for target in _RATE_FIELDS:  # "queries are per day, not per month"; "that was per week, not per day" (one rate)
        if target not in stated or target in result.updates or not (P.FIELD_RES[target].search(text) or (
                only == [target] and not P.find_numbers(text))):
            continue
        periods = _periods(text)
        new = next((f for _, f, negated in periods if not negated), None)
        old = next((f for _, f, negated in periods if negated), 1.0)
        if new == S.WORKING_DAYS_PER_MONTH and old == 1.0 and target == "queries_per_month" and \
                _ONLY_DAYS.search(text):  # s14-c: "the reps only work on weekdays", "só trabalham em dia útil": the
            new, old = float(S.WORKING_DAYS_PER_MONTH), P.DAYS_PER_MONTH  # daily rate runs 22 days, not 30
        if new is not None and new != old:
            value = stated[target] * new / old
            result.updates[target] = round(value, 2) if target == "budget_usd_month" else int(value)
            result.corrected.add(target)


# A stated count named by its label before a new bare figure: "correction on the doc count: it's closer to 200k",
# "Korrektur zur Dokumentenzahl: eher 65.000", "le nombre de documents : plutôt 90 000", "documents ki ginti galat
# thi, 1.5 lakh hain" (glossed text; s8-b). The label names the field, so the figure is that field's new value.
_LABELS = {
    "corpus_docs": re.compile(
        r"\b(?:doc(?:ument)?s?|files?|records?) (?:count|number|total)\b|\b(?:number|count|total) of (?:the )?"
        r"(?:doc(?:ument)?s|files|records)\b|\b(?:número|nombre|numero|aantal|antal(?:et)?|anzahl|liczb\w*|"
        r"количеств\w*|кількост\w*|число|sayısı\w*)\s+(?:\w+\s+){0,2}?(?:doc(?:ument)?\w*|dokument\w*|документ\w*|"
        r"fichiers|archivos|arquivos|file)\b|\bdokument(?:en)?(?:zahl|anzahl)\b|\b(?:documents?|docs?) ki (?:ginti|"
        r"sankhya|count|number)\b|\b(?:doküman|belge) sayı\w*|文档数|文档数量|文件数|文書数|ドキュメント数|문서\s*수"),
    "queries_per_month": re.compile(
        r"\b(?:quer(?:y|ies)|search(?:es)?|requests?) (?:count|number|volume)\b|\b(?:number|count|volume) of "
        r"(?:the )?(?:quer(?:y|ies)|searches|requests)\b|\b(?:número|nombre|numero|aantal|antal(?:et)?|anzahl|"
        r"liczb\w*|количеств\w*|кількост\w*|число)\s+(?:\w+\s+){0,2}?(?:quer\w*|search\w*|requêtes|recherches|"
        r"consultas|búsquedas|anfragen|suchanfragen|zoekopdrachten|sökningar|zapyta\w*|запрос\w*|запит\w*)\b|"
        r"查询量|查询次数|検索数|クエリ数|검색\s*(?:수|량)|쿼리\s*수"),
}
_LABEL_GAP = 45  # characters between the label and its figure ("documents ki ginti galat thi, 1.5 lakh")
# In a message that says it corrects, the counted noun itself is the label: "Pomyłka, plików jest raczej 250 tys."
# (glossed "correction, documents jest raczej 250000")
_SUBJECTS = {"corpus_docs": re.compile(r"\b(?:documents|docs|files|records)\b"),
             "queries_per_month": re.compile(r"\b(?:queries|searches|requests)\b")}


def _named_figure(text: str, stated: dict[str, Any], result: Any, leftovers: list[P.Number]) -> bool:
    """A stated count re-said after its label with a new bare figure: that field's new value (True when set)."""
    correcting = bool(P.CORRECTION.search(text))
    for name, label in _LABELS.items():
        if name not in stated or name in result.updates or name in result.unset:
            continue
        labels = [*label.finditer(text), *(_SUBJECTS[name].finditer(text) if correcting else [])]
        for m in labels:
            after = [n for n in leftovers if m.end() <= n.start <= m.end() + _LABEL_GAP]
            if len(after) != 1 or len([n for n in leftovers if n.start > m.end()]) != 1:
                continue
            n = after[0]
            gap = text[m.end():n.start]
            if re.search(r"\d", gap) or _NOT_BEFORE.search(text[max(0, n.start - 12):n.start]) or \
                    _same(n.value, stated[name]) or n.value < 2:
                continue
            if re.match(r"\s*(?:%|[a-z]{2,}(?<!lakh)(?<!crore))", text[n.end:n.end + 12]) and not re.match(
                    r"\s*(?:documents?|docs?|files?|records?|queries|searches|requests|hain|hai|is|are|"
                    r"(?:a|per) (?:month|day|week))\b", text[n.end:n.end + 16]):
                continue  # "the number of documents grows by 300 pages a day": another unit
            result.updates[name] = as_field(name, n.value, text[n.end:n.end + 30])
            result.corrected.add(name)
            if result.confirm and _same(n.value, result.confirm.get("value")):
                result.confirm = None
            return True
    return _noun_figure(text, stated, result, leftovers)


# The old figure re-said to the scale of the new one: a new count is within this factor of the stated one (s9-d)
_NOUN_RATIO = 20.0
_EVERY = re.compile(r"\b(?:each|every|per)\b|(?<![а-яіїє])(?:каждый|каждую|кожн\w+)|\b(?:cada|chaque|jede[nms]?|ogni|"
                    r"elke?|varje|tiap|setiap)\b|\bher (?:yıl|ay|gün|hafta)|\bhar (?:saal|mahine|hafte|din)\b|每|毎")
_COUNT_NOUNS = {"corpus_docs": re.compile(r"\b(?:documents?|docs?|files|records)\b"),
                "queries_per_month": re.compile(r"\b(?:quer(?:y|ies)|searches|requests)\b")}
# What may not follow a count named by its noun: money, a share, a time or another unit
_NOT_A_COUNT_AFTER = re.compile(r"\s*(?:%|percent|ms\b|uhr\b|o'clock|[ap]m\b|h\b|[点時时시]|seconds?\b|hours?\b|"
                                r"years?\b|months?\b|weeks?\b|days?\b|"
                                r"pages?\b|words?\b|tokens?\b|gb\b|tb\b|[$€£¥₹₩₽]|dollars?\b|euros?\b|usd\b|eur\b)")


def _noun_figure(text: str, stated: dict[str, Any], result: Any, leftovers: list[P.Number]) -> bool:
    """A stated count named by its noun alone with one new figure and no correction word: that count's new value.

    "the doc count is more like 60k once we add the archive", "avant ça : en comptant les archives on serait plutôt
    vers 15 000 documents", "сначала про документы: с архивом их будет скорее тысяч 80" (s9-d): the one figure no
    reading took, with the noun of a stated count before it (or right after it), on the scale of the stated value.
    """
    figures = [n for n in leftovers if n.value >= 2 and not _NOT_A_COUNT_AFTER.match(text, n.end)]
    if len(figures) != 1 or len(leftovers) != 1 or _DISMISSED.search(text):
        return False  # (an old figure taken back, "10만 건이 아니라 하루에 1만 건": the correction rules read it)
    n = figures[0]
    before, after = re.split(r"[.!?。！？;]", text[:n.start])[-1][-_LABEL_GAP:], text[n.end:n.end + 30]
    for name, noun in _COUNT_NOUNS.items():
        old = stated.get(name)
        if name in result.updates or name in result.unset or not isinstance(old, int | float) or \
                isinstance(old, bool) or old <= 0:
            continue
        if not (noun.search(before) or noun.match(after.lstrip())) or re.search(r"\d", before[-12:]):
            continue
        factor = period_factor(after, before) if name == "queries_per_month" else 1.0
        clause = re.split(r"[,;:，、]", before)[-1]
        if name != "queries_per_month" and (any(rx.search(after) or rx.search(clause) for rx, _ in P.PERIODS)
                                            or _EVERY.search(clause)):
            continue  # "200 documents a month", "elk jaar nog 3000 documenten erbij": growth, not the size
        value = n.value * factor
        if _same(value, old) or not old / _NOUN_RATIO <= value <= old * _NOUN_RATIO or P.GROWTH_WORD.search(after):
            continue
        result.updates[name] = int(value)
        result.corrected.add(name)
        return True
    return False


_MONEY_NEAR = re.compile(r"[$€£¥₹₩₽]|\b(?:usd|eur|gbp|cny|rmb|jpy|krw|inr|brl|pln|sek|try|rub|dollars?|euros?|bucks)\b|"
                         r"元|円|원|budget|spend|cost")


def _new_rate(text: str, stated: dict[str, Any], result: Any, leftovers: list[P.Number]) -> bool:
    """A correction whose one figure no field took, said per period with no money beside it: the query rate.

    "아 제가 잘못 말했네요, 하루 5천 건이에요" after a query rate was stated: the only rate that is not money.
    """
    if "queries_per_month" not in stated or "queries_per_month" in result.updates or result.confirm:
        return False
    rated = []
    for n in leftovers:
        before, after = re.split(r"[,;.!?。，；]", text[:n.start])[-1], text[n.end:n.end + 30]
        factor = period_factor(re.split(r"[,;.!?。，；]", after)[0], before)
        if factor != 1.0 and not _MONEY_NEAR.search(before[-20:] + after[:20]):
            rated.append((n, factor))
    if len(rated) != 1 or len(leftovers) != 1:
        return False
    result.updates["queries_per_month"] = int(rated[0][0].value * rated[0][1])
    result.corrected.add("queries_per_month")
    return True


# Re-labelling: "that 2,000 was queries a month, not documents", "那个数字是每月查询量，不是文档数", "die 5000 waren
# Anfragen pro Tag, nicht Dokumente". A figure stored in one field is named as another: the field the message negates
# loses it (unset, asked again) and the field it names positively gets it, read in that field's units and period.
# The nouns are matched on the glossed text, so one table serves every language the lexicon glosses.
_RELABEL_NOUNS = {
    "corpus_docs": r"documents?|docs\b|files\b|corpus(?: size)?|records\b|articles\b|pages\b|文档|文件|语料|记录|"
                   r"篇数|文書|ドキュメント|件数|문서|documenti|documentos|dokumente|fichiers|"
                   # lead s15: what the documents are ("the 3000 is how many policies we have, not the budget")
                   r"contracts\b|policies\b|case files\b|manuals\b|reports\b|pratiche\b|expedientes\b|"
                   r"contratos\b|contratti\b|verträge\b|akten\b|dossiers\b|合同|契約書?|계약서",
    "queries_per_month": r"quer(?:y|ies)|searches|requests|traffic|qps|查询|检索|请求|搜索|访问量|検索|검색",
    "budget_usd_month": r"budget|spend(?:ing)?|dollars|euros|预算|费用|予算|예산|presupuesto|orçamento|budget",
    "doc_length_tokens": r"(?:document |doc )?length|tokens? (?:per|each|a) (?:doc|document)|words (?:per|each)|"
                         r"长度|篇幅|長さ|길이",
    # lead s15: "the 500 was the budget (usd/month), not latency"
    "latency_p95_ms": r"latency|response time|latence|latencia|latenz|latenza|延迟|レイテンシ|지연",
}
_GROWTH_NOUN = (r"(?:(?:documents?|docs?|corpus|文档|文書|문서)\s*)?(?:growth|增长|增量|増加|증가)|grow(?:s|ing)?|"
                r"new (?:documents|docs|files)|added|\b(?:we|they|you|i) add\b|adding|\bingest(?:ed)?\b|"
                r"新增|wachstum|croissance|crecimiento|crescita|crescimento")
_NOUN = re.compile(f"(?P<growth>{_GROWTH_NOUN})|" + "|".join(f"(?P<{f}>{p})" for f, p in _RELABEL_NOUNS.items()))
_NEG_BEFORE = re.compile(r"(?:\bnot|\bno|\bnon|\bnão|\bnicht|\bkeine?|\bisn'?t|\bwasn'?t|\bweren'?t|\baren'?t|"
                         r"\brather than|\binstead of|不是|并非|而非)\s*(?:(?:the|a|an|our|my|number|count|amount|of|"
                         # articles of every language; Portuguese "o" may arrive glossed as "or" (Spanish "o")
                         r"le|la|les|de|des|du|d'|il|lo|el|los|las|o|or|os|as|i|gli|l'|der|die|das|den|do|da|del|di|dei|"
                         r"total|nombre|número|numero|anzahl|quantidade|cantidad|总|的)\s*){0,4}$")
_NEG_AFTER = re.compile(r"^\s*(?:数|数量|量|の数|수(?:가|는|이)?)?\s*(?:じゃない|" + P.NOT_AFTER_CJK + ")")
_DEICTIC = re.compile(r"\b(?:that|this|the) (?:number|figure|one)\b|那个数|这个数|那个数字|这个数字|その数|この数|"
                      r"그 숫자|이 숫자|\bce (?:chiffre|nombre)\b|\bdiese (?:zahl|ziffer)\b|\besa? (?:cifra|número)\b|"
                      r"\bquel (?:numero|dato)\b|\besse número\b")


def _nouns(text: str) -> tuple[set[str], list[tuple[str, int, int]]]:
    """(negated fields, positively named (field, start, end)) of the re-labelling nouns in ``text``."""
    negated: set[str] = set()
    named: list[tuple[str, int, int]] = []
    for m in _NOUN.finditer(text):
        field = m.lastgroup or ""
        if _NEG_BEFORE.search(text[max(0, m.start() - 40):m.start()]) or _NEG_AFTER.match(text[m.end():]):
            negated.add(field)
        else:
            named.append((field, m.start(), m.end()))
    return negated, named


def relabel(text: str, stated: dict[str, Any], result: Any) -> bool:
    """Move a stated figure the message re-labels ("the 2,000 was growth, not documents"); True when it did.

    Applies only when exactly one stated field is negated, the message names a different field (or growth), and
    the figure it quotes is that field's stored value (or it quotes none, "that number was ..."). Anything else is
    left to the other correction rules.
    """
    negated, named = _nouns(text)
    sources = [f for f in negated if f in _RELABEL_NOUNS and isinstance(stated.get(f), int | float)
               and not isinstance(stated.get(f), bool)]
    targets = list(dict.fromkeys(f for f, _, _ in named if f not in negated))
    numbers = P.find_numbers(text)
    if not sources and len(numbers) == 1 and (P.CORRECTION.search(text) or re.match(r"\s*no,? no\b", text)):
        # "no no, 40k is the number of queries a month" with 40k stored as documents: the figure that one field holds
        holders = [f for f in _RELABEL_NOUNS if isinstance(stated.get(f), int | float)
                   and not isinstance(stated.get(f), bool) and _same(numbers[0].value, stated[f])]
        if len(holders) == 1 and holders[0] not in targets:
            sources = holders
    if len(sources) != 1 or not targets:
        return False
    source = sources[0]
    value = float(stated[source])
    if numbers and not any(_same(n.value, value) for n in numbers):
        return False
    if not numbers and not _DEICTIC.search(text) and not P.CORRECTION.search(text):
        return False
    again = result.updates.get(source)  # "i 5000 sono le pratiche, non il budget. il budget è sui 300€/mese": the
    # field the figure leaves gets the new value said for it
    again = again if isinstance(again, int | float) and not isinstance(again, bool) and not _same(again, value) and \
        not any(_same(n.value, again) for n in numbers if _same(n.value, value)) else None
    for name in [f for f, v in result.updates.items() if f in NUMERIC_FIELDS]:
        del result.updates[name]  # what the figure read as by itself is replaced by what the user says it was
    result.confirm = None
    if again is not None and len(numbers) > 1:
        result.updates[source] = again
        result.corrected.add(source)
    else:
        result.unset.append(source)
    target = "growth" if "growth" in targets else targets[0]  # "how many documents we add each month": growth
    if target == "growth":
        result.growth_docs_month = value
        return True
    start = next(s for f, s, _ in named if f == target)
    periods = [f for _, f, neg in _periods(text) if not neg]
    factor = period_factor(text[start:start + 40], text[max(0, start - 25):start]) if periods else 1.0
    if target == "budget_usd_month":
        result.updates[target] = round(value * factor, 2)
    else:
        result.updates[target] = int(value * factor) if target == "queries_per_month" else int(value)
    result.corrected.add(target)
    return True


# A restricting word before the part of a whole that is the real figure ("3M chat logs total, but we'd only index the
# last year, ~1M", "sur les 600 000 fiches, seules 90 000 ...", "50万件のうち...だけで8万件",
# "100만 건 중에 ... 20만 건뿐")
_ONLY = re.compile(r"\b(?:only|just|solo|sólo|solamente|únicamente|seulement|seule?s?|uniquement|nur|bloß|lediglich|só|"
                   r"apenas|somente|soltanto|alleen|slechts|bara|endast|enbart|tylko|jedynie|sadece|yalnızca|sirf|"
                   r"cuma|hanya)\b|\bn'\w+ que\b|(?<![а-яіїє])(?:только|лишь|лише|тільки)(?![а-яіїє])|सिर्फ|केवल|"
                   r"只|仅|だけ|のみ|뿐|것만|\bmaar (?=(?:about |around |zo'n )?\d)")
_COUNT_FIELDS = ("corpus_docs", "queries_per_month")
_COUNTER = re.compile(r"(?:k|m|mn|lakh|crore|万|亿|條|条|份|件|篇|本|个|個|册|건|개|만)(?![a-z])")
_OTHER_NOUN = re.compile(r"\s*(?:searches|queries|requests|users|people|employees|agents|words|characters|chars|lines|"
                         r"gpus?|cards?|servers?|cores?|languages?)\b")


def _year(text: str, n: P.Number) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", text[n.start:n.end]))


def part_of_whole(text: str, asked: str | None, stated: dict[str, Any], result: Any) -> None:
    """A whole, then the part of it that counts: the part is the field's value (s9-d).

    The whole is the figure the reading stored (or the stated value, or a figure to the question asked); the part
    comes after a restricting word ("only", "nur", "solo", "только", "だけ", "只") and is the same kind of figure
    (times the whole's period for a rate). "3 million chat logs total, but we'd only index the last year, ~1M" is
    1,000,000 documents, never 3 million or the sum of the two.
    """
    figures = [n for n in P.find_numbers(text) if n.value >= 10 and not _year(text, n)
               and not _NOT_A_VALUE.match(text[n.end:]) and not re.match(r"\s*%", text[n.end:])]
    if len(figures) < 2:
        return
    part = figures[-1]
    own = re.split(r"[,;.!?。，；、]", text[part.end:])[0]
    if _NOT_A_COUNT_AFTER.match(own) or _OTHER_NOUN.match(own) or re.match(r"\s*[-\w]*\d", own) or (
            re.match(r"[a-z\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]", own) and not _COUNTER.match(own)) or any(
            rx.search(own) for rx, _ in P.PERIODS):
        return  # "... just me, maybe 100 searches a day", "on my own RTX 3090", "64核256G内存", "5.000 per dag": a
        # figure of something else, or a new rate
    lead = re.split(r"[,;.!?。，；、]", text[:part.start])[-1]
    if any(rx.search(lead) for rx, _ in P.PERIODS):
        return  # "한 달에 10만 건이 아니라 하루에 1만 건": a new rate, not a part
    # the restricting word before the part, or right after it in Korean and Japanese ("20만 건뿐", "8万件だけ"), in
    # the same sentence as the whole
    wholes = [n for n in figures[:-1] if n.value >= 1.2 * part.value and _ONLY.search(text[n.end:part.end + 14])
              and not _ONLY.search(text[max(0, n.start - 12):n.start])
              and not re.search(r"[.!?。！？\n](?:\s|$)|[。！？\n]", text[n.end:part.start])]
    if not wholes or any(_same(part.value, v) for f, v in result.updates.items() if f not in _COUNT_FIELDS):
        return
    whole = wholes[0]
    for name in _COUNT_FIELDS:
        value = result.updates.get(name)
        ratio = None
        if isinstance(value, int | float) and not isinstance(value, bool):
            if _same(value, whole.value + part.value) or _same(value, whole.value):
                ratio = 1.0
            elif name == "queries_per_month" and value > whole.value:
                ratio = value / whole.value  # the whole's period: "200k searches a month ... about 30k"
        elif _same(whole.value, stated.get(name)) or (asked == name and name not in result.updates):
            ratio = 1.0
        if name == "queries_per_month" and not _same(whole.value * (ratio or 0.0), stated.get(name)):
            continue  # a part of a rate only as a correction of the stated rate ("FAQ只有1500条" is no rate)
        if ratio is None or (name not in result.updates and ratio == 1.0 and asked != name and not _same(
                whole.value, stated.get(name))):
            continue
        result.updates[name] = int(part.value * ratio)
        result.corrected.add(name)
        if result.confirm and any(_same(n.value, result.confirm.get("value")) for n in (whole, part)):
            result.confirm = None
        return


# Two figures the assistant stored in each other's place: "other way round", "you mixed them up", "弄反了",
# "vertauscht", "hai invertito i numeri", "al revés", "à l'envers", "逆です", "반대로"
_SWAPPED = re.compile(r"\b(?:(?:the )?other way (?:a)?round|"
                      r"(?:got|have|had) (?:them|those|it|the (?:two|numbers|figures)) "
                      r"(?:\w+ )?(?:backwards|reversed|swapped|switched|mixed up)|swapped|switched (?:them|those|the)|"
                      r"mixed (?:them|those|the (?:two|numbers|figures)) up|reversed|backwards|vertauscht|verwechselt|"
                      r"andersrum|umgekehrt|à l'envers|invers[ée]s?|inverti\w*|al rev[ée]s|invertid[oa]s|trocad[oa]s|"
                      r"trocou|scambiat\w*|omgedraaid|omgekeerd|verwisseld|odwrotnie|zamienione|tersine|наоборот|"
                      r"перепутал\w*)\b|弄反|搞反|反了|颠倒|顛倒|逆(?:です|でした|になって|だ)|入れ替わ|반대(?:로|예요|에요)|바뀌었")


def swapped(text: str, raw: str, stated: dict[str, Any], result: Any) -> None:
    """Two stated counts said again in each other's place after "other way round": each goes where the user puts it.

    "wait no, other way round. 200k searches a month over 5k docs" after 5,000 searches and 200,000 documents: the
    figures are the stored ones swapped, so both fields are corrected (lead s15). Only counts (documents, searches,
    tokens a document), and only when the message quotes both stored figures.
    """
    if not (_SWAPPED.search(text) or _SWAPPED.search(raw.lower())):
        return
    held = [f for f in ("corpus_docs", "queries_per_month", "doc_length_tokens")
            if isinstance(stated.get(f), int | float)
            and not isinstance(stated[f], bool) and stated[f] > 0]
    numbers = [n.value for n in P.find_numbers(text)]
    quoted = [f for f in held if any(_same(v, stated[f]) for v in numbers)]
    if len(quoted) != 2:
        return
    a, b = quoted
    factor = 1.0
    if "queries_per_month" in quoted and any(rx.search(text) for rx, factor in P.PERIODS if factor > 1):
        factor = _swapped_rate(text, stated, a if b == "queries_per_month" else b)
        if factor == 1.0:
            return  # a rate said per second, minute, hour, day or week beside the swap: left to the other readings
    for name, other in ((a, b), (b, a)):
        result.updates[name] = int(stated[other] * (factor if name == "queries_per_month" else 1.0))
    result.corrected |= {a, b}
    result.confirmed |= {a, b}  # the user's own two figures, said twice: the guard does not question them again
    result.confirm = None


def _swapped_rate(text: str, stated: dict[str, Any], other: str) -> float:
    """The period said with the figure that moves into the searches, none with the other (s16-b), else 1.

    "Acho que você trocou: 1.500 é o número de consultas por dia, e documentos são 30 mil" after 30,000 searches and
    1,500 documents: 1,500 a day is the rate, 30,000 the documents.
    """
    figures = P.find_numbers(text)
    moving = [n for n in figures if _same(n.value, stated[other])]
    staying = [n for n in figures if _same(n.value, stated["queries_per_month"])]
    if len(moving) != 1 or len(staying) != 1:
        return 1.0
    own = re.split(r"[,;.!?。，；]", text[moving[0].end:moving[0].end + 50])[0]
    kept = re.split(r"[,;.!?。，；]", text[staying[0].end:staying[0].end + 50])[0]
    if any(rx.search(kept) for rx, _ in P.PERIODS):
        return 1.0
    hits = [(m.start(), factor) for rx, factor in P.PERIODS if (m := rx.search(own))]
    return min(hits)[1] if hits else 1.0
