"""Corrections that scale an earlier figure by a factor said in words.

"double the budget", "half of what I said for the queries", "one more zero on the doc count", "súmale un 50% a las
consultas", "查询量再翻一倍", "gecikmeyi yarıya indirelim".

The new value is the stated one times the factor, stored only when the field it scales is clear: named in the
message, its stated figure quoted, or the field just asked about; and only when the message gives that field no
figure of its own and speaks of no future ("could double next year" is growth, not a correction). An unnamed
"double that" stays a question to the user (``agent.understanding._relative``).
"""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_patterns as P
from agent.understanding_quantities import extract_fields

# The fields a factor may scale, with the nouns that name each in the glossed text, in every language the lexicon
# leaves unglossed (the English words come from ``P.FIELD_WORDS``).
_NOUNS = {
    "corpus_docs": r"\bdoc(?:ument)?s?\b|\bfiles\b|\bdoc count\b|文档|文書|문서|\bdokument\w*|\bdocumento?s?\b|"
                   r"\bdocumenti\b|\bdocumenten\b|\bдокумент\w*|\bdoküman\w*|\bdokumen\b",
    "queries_per_month": r"\bsearches\b|\brequests\b|\bzapyta\w*|\bзапрос\w*|\bsorgu\w*|查询|クエリ|검색|쿼리",
    "budget_usd_month": r"\bbudżet\w*|\bbütçe\w*|\bбюджет\w*|预算|予算|예산|\borçamento\b|\bpresupuesto\b|\bbilancio\b",
    "doc_length_tokens": r"\bpages?\b|\bwords?\b|\btokens?\b|\blength\b|\b(?:as )?long(?:er)?\b|\bshort(?:er)?\b",
    "latency_p95_ms": r"\blatenc\w*|\blatenz\w*|\blatentie\b|\bgecikme\w*|\blatência\b|\bзадержк\w*|"
                      r"延迟|レイテンシ|지연",
}
_FIELDS = tuple(_NOUNS)

# A factor said in words, in every language of the interview: (pattern, factor).
_FACTORS: tuple[tuple[re.Pattern[str], float], ...] = tuple((re.compile(p), f) for p, f in (
    (r"\btwice as (?:many|much|long|big|large|high)\b|"
     r"\bdouble[ds]?\b(?![\s\-]?check)|\bdoubling\b|\bdoubler\b|\bdoublez\b|\bverdoppel\w*|\bduplica\w*|"
     r"\bel doble\b|\braddoppi\w*|"
     r"\bil doppio\b|\bo dobro\b|\bdobr(?:a|e|ou|ar|ando)\w*|\bverdubbel\w*|\bpodw[oó]j\w*|\bвдвое больше\b|\bудво\w*|"
     r"\bв два раза больше\b|\b[ув]дві(?:чі|ч) більше\b|\bу два рази більше\b|\biki kat\w*|\bikiye katla\w*|"
     r"\bdobel\b|\bdua kali\b|\blipat dua\b|翻一?倍|加倍|"
     r"两倍|倍に|두 배", 2.0),
    (r"\btripl\w*|\bverdreifach\w*|\btrois fois plus\b|\btre volte\b|\btriplic\w*|\btres veces\b|\btrês vezes\b|"
     r"\bdrie keer\b|\bverdrievoudig\w*|\btrzy razy\b|\b3 times więcej\b|\bpotroi\w*|\bвтрое больше\b|"
     r"\bв три раза больше\b|\b[ув]три(?:чі|ч) більше\b|\büç kat\w*|\btiga kali\b|三倍|3倍|세 배", 3.0),
    (r"\bhalf\b|\bhalve[ds]?\b|\bhalving\b|\bhalbier\w*|\bhalb so\b|\bla moitié\b|\bla mitad\b|\bmetà\b|\bdimezz\w*|"
     r"\bmetade\b|\bhalveer\w*|\bhalveren\b|\bde helft\b|\bpołow\w*|\bвдвое меньше\b|\bв два раза меньше\b|"
     r"\byarıya\b|\bsetengah\w*|\bseparuh\w*|一半|减半|半分に|절반|반으로|\b[ув]дві(?:чі|ч) менше\b|"
     r"\b(?:урез|сократ|уменьш|сниз|скорот|зменш)\w* вдвое\b|\bвдвое (?:урез|сократ|уменьш|сниз)\w*|"
     # divided by two, in every language: "divisez le budget par deux", "dividilo por dos", "durch zwei teilen"
     r"\b(?:divide|divis|dividi|divid|teil|deel|podziel|подели|раздели|поділи|böl)\w*(?:\s+\S+){0,3}?\s+"
     r"(?:by|par|por|per|durch|door|przez|на|in|em|ikiye)\s+(?:two|2|deux|dos|due|dois|zwei|twee|dwa|два|iki)\b|"
     r"\bpela metade\b|\bpor la mitad\b|\bper metà\b|\bна два\b|\bпополам\b", 0.5),
    (r"\bquarter of\b|\ba quarter\b", 0.25),
    # s14-c: a third or a fifth of the earlier figure ("real users are about a third of that"; not "a third of that
    # is in German": a share of the set)
    (r"\b(?:a|one) third of (?:that|this|it|what i (?:said|gave|told you|mentioned))\b"
     r"(?!\s+(?:is|are|was|were|will|would|might)\b)", 1 / 3),
    (r"\b(?:a|one) fifth of (?:that|this|it|what i (?:said|gave|told you|mentioned))\b"
     r"(?!\s+(?:is|are|was|were|will|would|might)\b)", 0.2),
    (r"\bquadrupl\w*|\bvervierfach\w*|\bquadruplic\w*|\bquatre fois plus\b|\bcuatro veces\b|\bquattro volte\b|"
     r"\bquatro vezes\b|\bvier keer\b|\bczterokrotn\w*|\bвчетверо\b|\bв четыре раза больше\b|四倍|4倍に|네 배", 4.0),
    # a zero added or taken off: "one more zero", "add a zero", "le faltaba un cero", "ik was een nul vergeten"
    (r"\b(?:one more|another|add(?:ed)?|missed|missing|forgot(?:ten)?|left off)\s+(?:a\s+|one\s+)?zero\b|"
     r"\bzero (?:short|missing)\b|\bfalt(?:a|aba|ó) un cero\b|\bfaltou um zero\b|\beine null (?:mehr|vergessen)\b|"
     r"\bun zéro de plus\b|\bmanca uno zero\b|\been nul vergeten\b|\bbrak(?:uje|owało) zera\b|少了一个零|少打了一个0",
     10.0),
    (r"\b(?:knock|take|drop|remove)\s+(?:a|one)\s+zero\b|\b(?:a|one) zero too many\b|\beine null zu viel\b|"
     r"\bun zéro de trop\b|\bun cero de más\b|\buno zero di troppo\b|\been nul te veel\b|\bzero a mais\b|多了一个零",
     0.1),
))
# "10% more", "un 50% de plus", "+20%", "add 10%", "cut it by 20%"
_PERCENT_UP = re.compile(r"(?P<p>\d{1,3})\s?%\s*(?:more|higher|extra|up|bigger|larger|mehr|höher|de plus|en plus|más|"
                         r"in più|a mais|meer|hoger|więcej|больше|fazla|lebih)\b|"
                         r"(?:\badd|\bplus|\+|\bsúma\w*|\bsuma\w*|\baggiungi\w*|\bajoute\w*|\bdodaj\w*|\btambah\w*|"
                         r"\bincrease (?:it |that )?by|\braise (?:it |that )?by|\bbump (?:it |that )?(?:up )?by|"
                         r"\berhöh\w* (?:um )?)\s*(?:un |una |a |another |um |o )?(?P<q>\d{1,3})\s?%")
_PERCENT_DOWN = re.compile(r"(?P<p>\d{1,3})\s?%\s*(?:less|fewer|lower|smaller|weniger|de moins|en moins|menos|in meno|"
                           r"a menos|minder|lager|mniej|меньше|daha az|kurang)\b|"
                           r"(?:\bcut|\breduce|\blower|\btrim|\bminus|\bsenk\w*|\breduz\w*|\breduc\w*|\bridu\w*)"
                           r"\s*(?:it |that )?(?:by |um |de |di |em )?(?P<q>\d{1,3})\s?%")
# "le query aumentale del 50%", "increase the budget by 20%", "verhoog het budget met 10%": a verb of growth, the
# figure it scales and the share
_PERCENT_VERB = re.compile(r"(?:\b(?P<up>increas\w*|raise|rais\w*|aument\w*|augment\w*|increment\w*|erhöh\w*|"
                           r"verhoog\w*|zwiększ\w*|podnie\w*|увелич\w*|збільш\w*|artır\w*|öka\w*|naik\w*)|"
                           r"\b(?P<down>decreas\w*|reduc\w*|reduz\w*|cut|lower|trim|slash\w*|ridu\w*|diminu\w*|baj[ae]\w*|abbass\w*|kürz\w*|"
                           r"senk\w*|verlaag\w*|zmniejsz\w*|obniż\w*|уменьш\w*|сократ\w*|зменш\w*|скорот\w*|"
                           r"azalt\w*|düşür\w*|minska\w*|sänk\w*|turun\w*))(?:\s+\S+){0,4}?\s+"
                           r"(?:by|del|dello|della|de|du|di|um|em|en|met|o|на|с|yüzde|med|sebesar)?\s*(?P<n>\d{1,3})\s?%")
# "make that 3x", "make it 4 times", "mach das 3x": the figure said times n
_MAKE_TIMES = re.compile(r"\b(?:make|making|mach|maak)\s+(?:it|that|them|das|dat)\s+(?P<n>\d{1,2})\s*"
                         r"(?:x|times|mal|keer)(?!\w)")
# "10 times looser", "tien keer ruimer" (glossed "10 times ruimer"), "3x more"
_TIMES = re.compile(r"(?P<n>\d{1,2})\s*(?:x|times|mal|fois|veces|volte|vezes|keer|razy|раза?|kat|kali)\s+(?:"
                    r"(?P<up>as (?:many|much|long|big|large|high)|"
                    r"more|bigger|larger|higher|looser|longer|mehr|größer|höher|plus|más|più|mais|meer|groter|"
                    r"ruimer|hoger|langer|więcej|больше|fazla|lebih)|(?P<down>less|fewer|smaller|lower|tighter|"
                    r"shorter|weniger|kleiner|moins|menos|meno|minder|kleiner|korter|mniej|меньше|az|kurang))\b")
# s14-c: the earlier figure referred to without its field, when only one was stated ("roughly a quarter of what I
# said", "a third of that", "总量大概翻一倍"), and a phase or step named by its number ("in phase 1", "二期")
_EARLIER = re.compile(r"\bwhat i (?:said|gave(?: you)?|told you|mentioned|wrote)\b|\bof that\b|\bthe total\b|"
                      r"\boverall\b|\bin total\b|总量|总数|整体|全体で|전체|\binsgesamt\b|\bgesamt\w*|\bau total\b|"
                      r"\ben total\b|\bno total\b|\bde lo que (?:dije|te dije)\b|\bdo que (?:eu )?disse\b|"
                      r"\bde ce que j'ai dit\b|\bwas ich gesagt habe\b")
_SET_SHARE = re.compile(r"\bof (?:that|this|it|them|those|these)\s+(?:is|are|was|were|will|would|might)\b")
_ORDINAL_BEFORE = re.compile(r"(?:\b(?:phase|step|stage|wave|round|tier|level|release|version|v|q)\s*|"
                             r"\b(?:fase|étape|phase|stufe|etapa)\s+)$")
# A share of a set, not of the figure: "half of them are in Spanish", "a quarter of the docs are scans"
_SHARE = re.compile(r"\s*(?:of\s+)?(?:them|those|these|the \w+|our \w+|all)\s+(?:are|is|were|was|come|speak)\b")
# Growth or a supposition: "could double next year", "expect it to triple", "if queries double"
_FUTURE = re.compile(r"\b(?:could|might|may|would|expect\w*|grow\w*|next (?:year|quarter|month)|by 20\d\d|later|"
                     r"eventually|in the future|if|when|once)\b|\bnächstes jahr\b|\bl'an(?:née)? prochaine?\b|"
                     r"\bel (?:año|próximo año)\b|\bl'anno prossimo\b|\bano que vem\b|\bvolgend jaar\b|明年|来年|내년")


def _factor(text: str) -> tuple[float, int, int] | None:
    """The factor the text scales a figure by, with its span; None when it names none (or several)."""
    found: list[tuple[float, int, int]] = []
    for rx, factor in _FACTORS:
        found += [(factor, m.start(), m.end()) for m in rx.finditer(text) if not _SHARE.match(text, m.end())]
    for rx, sign in ((_PERCENT_UP, 1), (_PERCENT_DOWN, -1)):
        for m in rx.finditer(text):
            share = float(m.group("p") or m.group("q")) / 100
            if 0 < share < (1 if sign < 0 else 10):
                found.append((1 + sign * share, m.start(), m.end()))
    for m in _PERCENT_VERB.finditer(text):
        share = float(m.group("n")) / 100
        if 0 < share < (1 if m.group("down") else 10):
            found.append((1 + (-share if m.group("down") else share), m.start(), m.end()))
    for m in _MAKE_TIMES.finditer(text):
        if float(m.group("n")) >= 2:
            found.append((float(m.group("n")), m.start(), m.end()))
    for m in _TIMES.finditer(text):
        n = float(m.group("n"))
        if n >= 2:
            found.append((n if m.group("up") else 1 / n, m.start(), m.end()))
    factors = {f for f, _, _ in found}
    return found[0] if len(factors) == 1 else None


# Growth since a past figure: "it's roughly doubled since", "das hat sich seitdem verdoppelt", "ha triplicado desde"
_SINCE = re.compile(r"\b(?:since(?: then)?|now|today|seitdem|inzwischen|mittlerweile|depuis|desde entonces|desde|"
                    r"da allora|ormai|desde então|sindsdien|od tego czasu|с тех пор|sedan dess|o zamandan beri)\b|"
                    r"以来|之后|以降|이후")


def grown_since(text: str) -> float | None:
    """The factor a past figure has grown by since ("... last year and it's roughly doubled since"); None if none."""
    scale = _factor(text)
    if scale is None:
        return None
    factor, start, end = scale
    return factor if _SINCE.search(text[max(0, start - 30):end + 30]) else None


# A stated figure re-read as one unit's ("that was per region, we have three regions", "die 20k waren pro Region, wir
# haben 3 Regionen"): the word after "per", then a count of that word (s11-b)
_PER_UNIT = re.compile(r"\b(?:per|pro|par|por|each|every|для каждо\w*|на)\s+(?P<unit>[^\W\d_]{3,20})")
_NOT_A_UNIT = re.compile(r"(?:day|week|month|year|hour|second|minute|min|sec|quarter|annum|query|queries|search|"
                         r"request|page|document|doc|token|word|token|card|gpu|tag|jour|d[ií]a|mes|mois|monat|semana|"
                         r"semaine|woche|jahr|an|año|ano|stunde|heure|hora)s?")


_SMALL_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def per_unit(text: str, asked: str | None, stated: dict[str, Any], result: Any) -> None:
    """A stated figure said to be one unit's, with the units counted: the field times the count (s11-b)."""
    if result.confirm and result.confirm.get("kind"):
        return
    for m in _PER_UNIT.finditer(text):
        unit = m.group("unit")
        if _NOT_A_UNIT.fullmatch(unit):
            continue
        stem = re.escape(unit[:max(3, min(len(unit) - 1, 5))])
        counts = [n for n in P.find_numbers(text) if re.match(rf"\s*(?:[^\W\d_]+\s+)?{stem}", text[n.end:n.end + 30])
                  and 2 <= n.value <= 1000]
        counts += [P.Number(w.start(), w.end(), float(_SMALL_WORDS.index(w.group(1)) + 2))
                   for w in re.finditer(rf"\b({'|'.join(_SMALL_WORDS)})\s+(?:[^\W\d_]+\s+)?{stem}", text)]
        if len(counts) != 1:
            continue
        held = [f for f in _FIELDS if isinstance(stated.get(f), int | float) and not isinstance(stated.get(f), bool)
                and stated[f] > 0]
        numbers = [n for n in P.find_numbers(text) if n is not counts[0] and n.start != counts[0].start]
        # (a sum quoted in its own currency, "die 500 Euro" stored as 540 dollars, is within a tenth)
        near = {f: 0.1 if f == "budget_usd_month" else 0.02 for f in held}
        quoted = [f for f in held if any(abs(n.value - stated[f]) <= near[f] * stated[f] for n in numbers)]
        if any(not any(abs(n.value - stated[f]) <= near[f] * stated[f] for f in held) for n in numbers):
            continue  # a figure of its own beside them
        named = [f for f in held if _named(text, f)]
        targets = quoted or named or ([asked] if asked in held else [])
        count = counts[0].value
        if len(set(targets)) == 1:
            field = targets[0]
            value = stated[field] * count
            result.updates[field] = int(round(value)) if field in ("corpus_docs", "queries_per_month",
                                                                   "doc_length_tokens") else round(value, 2)
            result.corrected.add(field)
            for other in [f for f in _FIELDS if f != field and f in result.updates and not numbers]:
                del result.updates[other]  # the count of units read as a figure of another field
            result.confirm = None
        elif not targets and held and not result.updates:
            value = float(stated[held[0]]) * count  # "that was per region": which figure? asked back
            result.confirm = {"value": value, "monthly": value, "text": m.group(), "fields": held}
        return


# A figure added to one said before: "add another 5k docs", "plus 5,000 more documents from the archive", "noch
# 5.000 Dokumente dazu", "encore 5 000 de plus", "otros 5.000", "再加5000份"
_MORE_BEFORE = re.compile(r"(?:\b(?:another|add(?:ing)?|plus|extra|additional|weitere|encore|otr[oa]s|altri|altre|"
                          r"outr[oa]s|ещё|еще|daha|ytterligare|nog)|再加|另外还?有?|さらに|追加で?|추가로)\s*"
                          r"(?:~|about|around|roughly|some|maybe)?\s*$")
_MORE_AFTER = re.compile(r"^\s*(?:[^\W\d_]+\s+){0,2}?(?:more|extra|additional|on top|mehr|dazu|de plus|más|in più|"
                         r"a mais|больше|fazla|till|lagi|pa)\b|"  # s14-b: Malay and Tagalog "lagi", "pa"
                         r"^\s*(?:[^\W\d_]+\s+){0,5}?(?:dazu|hinzu)\b|^\s*\S{0,4}\s*더")


# A stated figure said to be one part only ("the 2,000 are only the FAQs", "2,000 tu FAQ je", "nur die FAQs", "solo
# las FAQ", "seulement les FAQ")
_PART_ONLY = re.compile(r"\b(?:only|just|je|saja|sahaja|aja|lang|nur|solo|sólo|seulement|juste|apenas|só|solo)\b")


def _more_people(text: str, numbers: list[P.Number], stated: dict[str, Any], result: Any) -> bool:
    """More people and their rate added to the stated volume (s14-c).

    "plus 20 more agents doing 10 searches a day each": the sum, when the reading multiplied the two figures.
    """
    people = numbers[0]
    before, now = stated.get("queries_per_month"), result.updates.get("queries_per_month")
    if not (isinstance(before, int | float) and isinstance(now, int | float)) or isinstance(before, bool) or \
            isinstance(now, bool) or before <= 0 or now < people.value * numbers[1].value:
        return False
    if not (_MORE_BEFORE.search(text[max(0, people.start - 24):people.start])
            or _MORE_AFTER.match(text[people.end:people.end + 30])) or abs(now - before) <= 0.02 * before:
        return False
    result.updates["queries_per_month"] = int(round(before + now))
    result.corrected.add("queries_per_month")
    return True


def added_to(text: str, asked: str | None, stated: dict[str, Any], result: Any) -> None:
    """A count added to the stated one ("plus 5,000 more documents"): the field is the sum (s11-b)."""
    if result.confirm or _FUTURE.search(text) or P.HYPOTHETICAL.search(text) or P.GROWTH_WORD.search(text):
        return
    held = [f for f in ("corpus_docs", "queries_per_month") if isinstance(stated.get(f), int | float)
            and not isinstance(stated.get(f), bool) and stated[f] > 0]
    # s14-b: the stated figure quoted as one part beside the added one ("the 2,000 are only the FAQs, and there are
    # 9,000 policy docs on top", "2,000 tu FAQ je, dokumen polisi ada 9,000 lagi")
    numbers = [n for n in P.find_numbers(text) if n.value >= 2]
    if len(numbers) == 2 and _more_people(text, numbers, stated, result):
        return
    quoted = [n for n in numbers if any(abs(n.value - stated[f]) <= 0.02 * stated[f] for f in held)]
    if len(numbers) == 2 and len(quoted) == 1 and quoted[0] is numbers[0] and _PART_ONLY.search(
            text[numbers[0].end:numbers[1].start]):
        numbers = numbers[1:]
    if len(numbers) != 1:
        return
    n = numbers[0]
    if not (_MORE_BEFORE.search(text[max(0, n.start - 24):n.start]) or _MORE_AFTER.match(text[n.end:n.end + 30])):
        return
    targets = [f for f in held if _named(text, f) or result.updates.get(f) is not None] or (
        [asked] if asked in held else [])
    if len(targets) != 1 or any(abs(n.value - stated[f]) <= 0.02 * stated[f] for f in held):
        return
    field = targets[0]
    if field == "corpus_docs" and any(rx.search(text) for rx, _ in P.PERIODS):
        return  # "another 2k a month": growth, not a part of the corpus
    said = result.updates.get(field)
    extra = said if isinstance(said, int | float) and not isinstance(said, bool) and abs(
        said - stated[field]) > 0.02 * stated[field] else n.value  # (not the quoted part read as the count)
    result.updates[field] = int(round(stated[field] + extra))
    result.corrected.add(field)


def _named(text: str, field: str) -> bool:
    english = P.FIELD_WORDS.get(field, "")
    return bool(re.search(f"{english}|{_NOUNS[field]}" if english else _NOUNS[field], text))


def rescale(text: str, asked: str | None, stated: dict[str, Any], result: Any) -> None:
    """A stated figure scaled by a factor the message says ("double the budget"): the field gets the new value."""
    if result.confirm or _FUTURE.search(text) or P.HYPOTHETICAL.search(text):
        return
    scale = _factor(text)
    if scale is None:
        # "double the budget and halve the latency": each clause scales the field it names (s11-b)
        pieces = [p for p in re.split(r"[,;.]\s|\s(?:and|und|et|y|e|en|i|och|ve|и)\s", text) if p.strip()]
        if len(pieces) > 1 and sum(_factor(p) is not None for p in pieces) > 1:
            for piece in pieces:
                if _factor(piece) is not None and sum(_named(piece, f) for f in _FIELDS) == 1:
                    rescale(piece, None, stated, result)
        return
    factor, start, end = scale
    held = [f for f in _FIELDS if isinstance(stated.get(f), int | float) and not isinstance(stated.get(f), bool)
            and stated[f] > 0 and (f not in result.updates or result.updates[f] == factor)]  # ("make that 3x": the 3
    # read as the figure asked for is the factor)
    named = [f for f in held if _named(text, f)]
    numbers = [n for n in P.find_numbers(text) if not start <= n.start < end
               and not _ORDINAL_BEFORE.search(text[max(0, n.start - 12):n.start])]
    quoted = [f for f in held if any(abs(n.value - stated[f]) <= 0.02 * stated[f] for n in numbers)]
    # "triple the queries, we're on all 3 storefronts now": a figure that is the factor itself gives its reason
    others = [n for n in numbers if not any(abs(n.value - stated[f]) <= 0.02 * stated[f] for f in held)
              and n.value not in (factor, round(1 / factor, 6))]
    if others and not result.updates:
        return  # a figure of its own: "half of the 3,000 staff", not a scaled one
    targets = named or quoted or ([asked] if asked in held else []) or (
        held if len(held) == 1 and _EARLIER.search(text) and not _SET_SHARE.search(text) else [])  # "a quarter of
    # what I said": the one figure stated (not "half of that is in German": a share of the set)
    if len(set(targets)) != 1:
        return
    field = targets[0]
    value = stated[field] * factor
    result.updates[field] = int(round(value)) if field in ("corpus_docs", "queries_per_month",
                                                           "doc_length_tokens") else round(value, 2)
    result.corrected.add(field)


# The old figure of a correction "new, not old" / "old じゃなくて new": a negation before it ("50 agents, not 25",
# "不是60人") or right after its unit ("60人じゃなくて120人", "60명이 아니라 120명")
# The rate of each person said to stay as it was ("same usage per person", "même usage par personne", "el resto
# igual", "sonst bleibt alles gleich", "o resto igual", "人均不变")
_SAME_RATE = re.compile(r"\bsame (?:usage|use|rate|searches)\b|\b(?:the )?rest (?:is |stays )?(?:the same|unchanged)\b|"
                        r"\bmême (?:usage|utilisation|rythme)\b|\ble reste (?:ne change pas|pareil|identique)\b|"
                        r"\bel resto (?:igual|sigue igual|no cambia)\b|\bmismo uso\b|\bo resto (?:igual|continua)\b|"
                        r"\bmesmo uso\b|\bsonst (?:bleibt )?(?:alles )?gleich\b|\brest (?:bleibt )?gleich\b|"
                        r"\bgleiche nutzung\b|\bstesso uso\b|\bil resto (?:uguale|invariato)\b|人均不变|其他不变|"
                        r"他は同じ|나머지는 (?:같|동일)")
_NOT_BEFORE = re.compile(r"(?:\bnot|\bno|\bnicht|\bpas|\bnon|\bniet|\bnie|\bне|不是|而不是)\s*(?:~|about|only\s+)?$")
_NOT_AFTER = re.compile(r"^\s*(?:[a-z\-]+\s+)?(?:" + P.NOT_AFTER_CJK + ")")


# s14-c: the searches each item takes corrected ("sorry, it's 3 searches per ticket, not 2", "são 3 buscas por
# atendimento, não 2"): the stated volume scaled by new / old
_EACH_ITEM_CORRECTED = re.compile(
    r"(?<![\d.])(\d{1,2}|one|two|three|four|five)\s+(?:searches|queries|lookups|retrievals|times)\s+"
    r"(?:per|for each|for every|each|on each)\s+[^\s\d,.;]+\s*,?\s*(?:not|instead of|rather than)\s+"
    r"(\d{1,2}|one|two|three|four|five)\b")
_ITEM_COUNTS = {"one": 1.0, "two": 2.0, "three": 3.0, "four": 4.0, "five": 5.0}


def per_item_corrected(text: str, stated: dict[str, Any], result: Any) -> None:
    """The volume a per-item count was multiplied into, scaled when that count is corrected."""
    before = stated.get("queries_per_month")
    match = _EACH_ITEM_CORRECTED.search(text)
    if match is None or not isinstance(before, int | float) or isinstance(before, bool) or before <= 0:
        return
    new, old = (_ITEM_COUNTS.get(g) or float(g) for g in match.groups())
    if old <= 0 or new == old:
        return
    result.updates["queries_per_month"] = int(round(before * new / old))
    result.corrected.add("queries_per_month")
    if (result.confirm or {}).get("kind") == "per_unit":
        result.confirm = None  # the unit is the item the volume was worked out from


def people_corrected(text: str, asked: str | None, stated: dict[str, Any], result: Any) -> None:
    """A count of the people who search corrected under a rate worked out from them: the scaled rate is asked (s12-a).

    ("オペレーターは60人じゃなくて120人でした", "it's 50 agents, not 25": the stated searches a month times new / old,
    offered in a confirming question, as the committed sets ask it: b10-ru-43 "нотариусов 250, а не 300".)
    Only when the message gives the searches no figure of its own and one of the figures counts people.
    """
    before = stated.get("queries_per_month")
    if result.confirm or not isinstance(before, int | float) or isinstance(before, bool) or before <= 0 or \
            asked not in (None, "queries_per_month") or any(isinstance(result.updates.get(f), int | float) for f in (
                "queries_per_month", "corpus_docs", "budget_usd_month")):
        return
    numbers = [n for n in P.find_numbers(text) if n.value >= 1]
    same = _SAME_RATE.search(text)  # s16-a: "même usage par personne", "el resto igual": each one's rate unchanged
    if len(numbers) != 2 or not (same or any(P.USERS.match(text[n.end:n.end + 40]) for n in numbers)):
        return
    old = [n for n in numbers if _NOT_BEFORE.search(text[max(0, n.start - 12):n.start])
           or _NOT_AFTER.match(text[n.end:n.end + 24])]
    if len(old) != 1:
        return
    new = next(n for n in numbers if n is not old[0])
    if abs(new.value - old[0].value) < 1e-9:
        return
    value = int(round(before * new.value / old[0].value))
    if same:  # the people corrected and the rate each said to stay: the scaled searches, as said
        result.updates["queries_per_month"] = value
        result.corrected.add("queries_per_month")
        result.unparsed = None
        return
    why = "the number of people changed: do the searches a month scale with it?"
    result.confirm = {"kind": "check", "fields": ["queries_per_month"], "values": {"queries_per_month": value},
                      "reasons": {"queries_per_month": why}, "value": float(value), "monthly": float(value),
                      "text": why}
    result.unparsed = None


def time_again(text: str, asked: str | None, stated: dict[str, Any], result: Any) -> None:
    """A time said with no word of latency after a latency target was stated: the new target (s12-a).

    ("생각해보니까 0.5초는 너무 빡빡하고 2초까지는 괜찮을 것 같아요", "on second thought 2 seconds is fine")
    """
    if asked is not None or result.confirm or "latency_p95_ms" not in stated or "latency_p95_ms" in result.updates \
            or not any(P.MS_AFTER.match(text[n.end:]) or P.SECONDS_AFTER.match(text[n.end:])
                       for n in P.find_numbers(text)):
        return
    read = extract_fields(text, "latency_p95_ms").updates
    again = read.get("latency_p95_ms")
    if set(read) == {"latency_p95_ms"} and isinstance(again, int | float) and not isinstance(again, bool) and \
            again > 0 and again != stated["latency_p95_ms"]:
        result.updates["latency_p95_ms"] = again
        result.corrected.add("latency_p95_ms")
        result.unparsed = None
