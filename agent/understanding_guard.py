"""A second look at what the rule-based reader proposes for one message, before anything is stored.

``agent.understanding`` turns a message into profile updates. ``review`` checks each proposed value against the
message itself and turns a doubtful one into a short check (``agent.confirmations``) instead of a value stored as
"said". Nothing is guessed and nothing is added: a doubtful value is withheld; the user's "yes" stores it (provenance
"confirmed"), an answer with a figure is read as a new answer, "no" leaves the field to be asked again. The hook is
one line in ``agent.nodes.read_message``.

Which figure a value came from is found by leaving each figure out in turn (``agent.understanding_guard_reading``).
The rules (``agent.understanding_guard_rules``), each measured on every message set with ``bench/interview_accuracy``:

- *a figure no field used* beside one that was, followed by "x", "each", a rate or a unit the reader does not know
  ("20-ish slides each with 50 words a slide", "2x 32 cores", "15k chats a month ... 3 lookups per chat", "32코어",
  "250 wiki spaces ... 300 pages per space"); a per-person rate whose people were not counted;
- *a figure with no anchor*: a budget with no figure and no word of money ("close to zero overnight"), people
  read as documents ("engineers, ~45 of them"), a count inside each document read as the number of documents
  ("10-15 slides, 80 words per slide", "threads, each maybe 30 messages");
- *a fraction or a period left out* ("a tenth of a second", "毎時500クエリ", "1時間に150件" as documents), a rate
  per hour counted around the clock when the message says office hours (not at a stated peak);
- *hardware the table contradicts* ("an L4 with 16GB"; "the 80GB A100s" becomes the table's A100-80GB when the memory
  is said with the card), a card said to be rented stored as owned;
- *cues that conflict*: a domain read only from a team's name ("legal will kill it"), a licence ban read as "any",
  one figure read as two counts, a document past 500k tokens, fewer queries a month than users or more than 500 a
  day per person, fewer than 10 documents when the message says thousands;
- top_k from how many chunks go into a prompt is dropped (it is the number of models to show, never asked);
- a message that is one figure and filler ("call it 750k", "한 달에 100만 정도") gets the existing "budget, queries or
  documents?" question.
"""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_patterns as P
from agent.understanding import Understanding, corrected_either
from agent.understanding_guard_context import own_figures
from agent.understanding_guard_doubt import figure_in_doubt, rough_second
from agent.understanding_guard_pending import pending
from agent.understanding_guard_reading import read
from agent.understanding_guard_rules import NO_PERIOD, RULES
from agent.understanding_guard_scope import (
    budget_scope_open,
    far_sum,
    growth_alone,
    latency_two_targets,
    length_unit_open,
    memory_in_doubt,
    rate_per_uncounted,
    size_for_count,
)
from agent.understanding_guard_spread import CONTAINERS_AFTER, entries_not_length, length_in_doubt, referent_in_doubt
from agent.understanding_hardware import CPU_ONLY, GPU_RE
from agent.understanding_langid import written_in
from agent.understanding_memo import in_one_message
from agent.understanding_money import default_currency
from agent.understanding_numbers import TRADITIONAL_ONLY as _TRADITIONAL_ONLY
from agent.understanding_rates import average_beside_peak
from tools.profile.schema import NUMERIC_FIELDS

_CHUNKS = re.compile(r"^\s*(?:chunks?|passages?|snippets?|results?|hits?|documents?|docs?|contexts?|paragraphs?)\b"
                     r"[^.;]{0,40}\b(?:prompt|context|llm|rag|retriev|generat|answer)")


@in_one_message
def review(u: Understanding, message: str, asked: str | None = None, stated: dict[str, Any] | None = None,
           rules: tuple[Any, ...] = RULES) -> Understanding:
    """Withhold the values of ``u`` the message leaves in doubt; ask about them instead (changes ``u`` in place).

    Args:
        u: the reader's understanding of ``message``.
        message: what the user typed.
        asked: the field the interviewer asked about last.
        stated: the values stated so far.
        rules: the checks to run (all of them by default; the bench measures them one by one).

    Returns:
        ``u``, with each doubtful value moved into a confirming question (``u.confirm``) or, when a question about
        another figure is already pending, left out.
    """
    message = own_figures(u, message, asked)  # another party's, a past or a hypothetical figure: the user's own
    if _period_in_doubt(u, message, asked):
        return u
    if _money_in_doubt(u, message, asked, stated or {}) or _sum_to_another_question(u, message, asked):
        return u
    if figure_in_doubt(u, message, asked):  # "50k or 80k", "per day or per month?", "10-100k", "maybe documents"
        entries_not_length(u, message, asked)  # "120 files, thousands of rows in each": no length of a document either
        return u
    if length_in_doubt(u, message, asked) or referent_in_doubt(u, message, asked):
        return u  # "from 1 paragraph to 100 pages", "12k FAQ entries spread over 40 documents"
    if memory_in_doubt(u, message, asked) or growth_alone(u, message, asked) or \
            length_unit_open(u, message, asked) or budget_scope_open(u, message, asked) or \
            rate_per_uncounted(u, message, asked) or size_for_count(u, message, asked) or far_sum(u, message, asked) \
            or latency_two_targets(u, message, asked):
        return u  # "a box with 128GB", "growing by ~20k a month", "mediamente 800", "we're in Sydney ... 500"
    if _card_unknown(u, message, asked) or pending(u, message, asked):
        return u  # s17-a: "legal might say no to cloud, I'll have to ask", "we might get an A100 if the grant comes
        # through", "mostly English, bits of other stuff": asked, not stored
    if not (u.updates or u.top_k):
        if _unsure_new_figure(u, message, stated or {}):
            return u  # "hmm maybe more like 40k? not sure tbh, would have to check" after 25k documents
        _bare_figure(u, message, asked)
        low = P.normalise(message)
        if stated and len([n for n in P.find_numbers(low) if n.value >= 2]) == 1:
            corrected_either(low, message, stated, u)  # "korrektur: sind doch eher 12k" after only a count of
            # documents: that count (s12-b; not "that's another 15k, so 40k total": two figures)
        return u
    unsure = [f for f in _TENTATIVE_FIELDS if f in u.updates and f not in u.confirmed]
    revised = [f for f in unsure if f in (stated or {}) and (u.updates[f] != (stated or {})[f] or _offers_another(
        message, (stated or {})[f]))]
    if revised and u.confirm is None and _said_unsure(message, revised, stated or {}):
        return _not_sure(u, revised)  # "more like 40k? not sure tbh" after 25k: a stated figure is not replaced
        # by one the user is unsure of without asking (a first answer said unsure is stored: "maybe 50k, not sure")
    if unsure and UNSURE.search(P.normalise(message)) and u.confirm is None:
        # "5.000 euro, maar of dat per maand of per jaar is weet ik niet": the figure is asked about, not stored
        return _not_sure(u, unsure)
    doubted = [f for f in _CATEGORICAL_FIELDS if f in u.updates and f not in u.confirmed]
    if doubted and u.confirm is None and _BELIEF.search(message.lower()) and _DOUBT.search(message.lower()):
        # "HIPAA... I think that means it can't go to random APIs? not 100% sure": asked about, not stored
        return _not_sure(u, doubted)
    if asked in doubted and u.confirm is None and len(message.split()) <= 8 and _HEDGED_ANSWER.search(
            message.lower()) and not (asked == "deployment" and _PREFERENCE.search(message.lower())):
        # "yes, probably", "Ja, wahrscheinlich", "да, наверное", "はい、たぶん" (s8-f); a way of hosting preferred
        # with a hedge is chosen ("API로 쓰는 게 편할 것 같아요", "an API would be easier I think", s15-b)
        return _not_sure(u, [asked])
    r = read(message, asked)
    people = [n for n in r.unused() if n.value >= 2 and P.USERS.match(r.text[n.end:n.end + 40])]
    if asked == "queries_per_month" and "queries_per_month" not in u.updates and not u.confirm and len(people) == 1 \
            and not any(rx.search(r.text) for rx, _ in P.PERIODS):  # "about 300 lawyers" (and the domain they name)
        u.confirm = _per_user(people[0], r.text)
        return u
    if "queries_per_month" in u.updates and "queries_per_month" not in u.confirmed and not u.confirm and \
            _LOGIN_RATE.search(r.text) and not _SEARCH_NOUN.search(r.text):
        # s17-c: "12,000 registered users, but most of them only log in once a month": logins or visits, no searches
        del u.updates["queries_per_month"]
        u.corrected.discard("queries_per_month")
        u.confirm = _per_user(people[0], r.text) if len(people) == 1 else _vague("queries_per_month", message)
        return u
    if set(u.updates) == {"queries_per_month"} and not u.confirm and any(
            _ACTIVE_USERS.search(r.text[max(0, m.start - 12):m.end + 30]) and not _SEARCH_WORD.search(r.text)
            for m in r.sources("queries_per_month")):  # "日活50万" to "how many queries?": people, not searches
        active = next(m for m in r.sources("queries_per_month"))
        del u.updates["queries_per_month"]
        u.corrected.discard("queries_per_month")
        u.confirm = _per_user(active, r.text)
        return u
    if u.top_k and any(_CHUNKS.match(r.text[m.end():m.end() + 60]) for m in re.finditer(r"\btop\s*\d+|\d+\s*(?=chunk)",
                                                                                        r.text)):
        u.top_k = None  # "we stuff the top 8 chunks into the prompt": retrieval depth, not how many models to show
    rough = rough_second(u, r)  # "between $400 and $600": the middle, not "600 or 400?"
    doubts: dict[str, str] = {}
    for rule in rules:
        for name, why in rule(r, u, asked=asked, stated=stated or {}).items():
            if rough.get(name) != why:
                doubts.setdefault(name, why)
    doubts = {k: v for k, v in doubts.items() if k in u.updates and k not in u.confirmed}
    if "queries_per_month" in doubts and u.updates["queries_per_month"] == average_beside_peak(r.text, asked):
        del doubts["queries_per_month"]  # "尖峰每秒 30 次，平常每秒 2 次": the usual rate; the peak's figure is no miss
    if not doubts:
        return u
    values = {name: u.updates.pop(name) for name in doubts}
    u.corrected -= set(values)
    if u.confirm is None:
        first = next((v for v in values.values() if isinstance(v, int | float) and not isinstance(v, bool)), 0)
        u.confirm = {"kind": "check", "fields": list(values), "values": values, "reasons": doubts,
                     "value": float(first), "monthly": float(first), "text": "; ".join(doubts.values())}
        if list(doubts) == ["budget_usd_month"] and doubts["budget_usd_month"] == NO_PERIOD:
            u.confirm["base"] = float(first)  # read as a month: "a year" or "once" in the answer re-reads it
    return u


# Two periods offered for one figure ("not sure yet if that's monthly or the whole year", "具体是每天还是每周我得问
# 一下", "это на месяц или на весь год", "年額なのか初期費用なのか"): which one the user has not settled (glossed text)
_ONE_PERIOD = (r"(?:(?:(?:per|a|an|each|every|the whole|the entire|the full|for the whole)\s+)?"
               r"(?:month|year|day|week|hour|quarter|working day)s?|monthly|yearly|annual(?:ly)?|daily|weekly|hourly|"
               r"quarterly|"
               r"one[- ]?(?:off|time)|once|upfront|"
               # a project's or pilot's whole run as the period ("per month or for the whole pilot", "monatlich oder
               # für das ganze Projekt", "par mois ou pour tout le projet")
               r"(?:for\s+)?the (?:whole|entire|full) (?:pilot|project|poc|trial|rollout|engagement)|"
               r"für (?:das|den|die) (?:ganzen?|gesamten?) (?:projekt|pilot\w*|laufzeit)|"
               r"pour (?:tout le|l'ensemble du) (?:projet|pilote)|para todo el (?:proyecto|piloto)|"
               r"per (?:tutto il|l'intero) (?:progetto|pilota)|"
               r"每天|每日|每周|每星期|每个?月|每年|一次性|每小时|"
               r"年額|年間|月額|日額|初期費用|一時金|1日|1週間|毎日|毎週|毎月|"
               r"연간|월간|일회성|하루|주당|매달|매년|"
               r"(?:на|в|за)\s+(?:весь\s+)?(?:месяц|год|день|неделю|сутки)|разово|единоразово|"
               r"(?:na|w)\s+(?:miesiąc|rok|dzień|tydzień)|miesięcznie|rocznie|dziennie|jednorazowo|"
               r"al (?:mese|anno|giorno)|all'anno|una tantum|al (?:mes|año|día)|por (?:mes|año|día|semana)|"
               r"par (?:mois|an|jour|semaine)|pro (?:monat|jahr|tag|woche)|einmalig|per (?:maand|jaar|dag|week)|"
               r"eenmalig|i månaden|om året|per (?:månad|år|dag)|engångs\w*|aylık|yıllık|günlük|haftalık|"
               r"mahin(?:e|a)|saal|roz|hafte)")
# (s17-c: the Dutch "of" is "or", not the English "every day of the week")
_PERIOD_OR = re.compile(_ONE_PERIOD + r"\s*[,、]?\s*(?:\bor\b|\boder\b|\bou\b|\bo\b|"
                        r"\bof\b(?!\s+the\s+(?:week|month|year)\b)|\bczy\b|\beller\b|"
                        r"\bveya\b|\bya\b|\bили\b|还是|或者|或是|なのか|か|인지|이나|나)\s*(?:(?:for|on|per|in|"
                        r"the|на|в|за|na|w)\s+)?" + _ONE_PERIOD)
_PERIOD_FIELDS = ("budget_usd_month", "queries_per_month", "one_time_budget_usd")
# A figure said with no period, then a period offered as a second thought ("5 000, eller var det per dag...", "sono 50
# mila... o forse erano al giorno?", "10-15 hazaar... ya shayad woh per day tha"): the period is open (s8-b)
_AFTERTHOUGHT_PERIOD = re.compile(
    r"\d(?:(?!\b(?:per|a|an|every|each)\s+(?:day|week|hour|month|year)|[.;!?。])\D){0,14}?"
    r"(?:\bor\b|\beller\b|\bo\b|\bou\b|\boder\b|\bof\b(?! them\b)|\bczy\b|\bya\b|\bveya\b|\bили\b|\bчи\b|"
    r"\bабо\b|还是|或者)"
    r"(?:\s+[^\d\s,.;]+){0,3}?\s+(?:per|a|an|every|each)\s+(?:working\s+)?(?:day|week|hour|month|year)s?\b")


def _period_in_doubt(u: Understanding, message: str, asked: str | None) -> bool:
    """A rate or a sum whose period the user leaves open between two: asked about, never stored (True)."""
    if u.confirm is not None:
        return False
    low = P.normalise(message)
    if not (_PERIOD_OR.search(low) or _AFTERTHOUGHT_PERIOD.search(re.sub(r"\.{2,}|…", " ", low))):
        return False
    doubted = [f for f in _PERIOD_FIELDS if f in u.updates and f not in u.confirmed]
    numbers = [n for n in P.find_numbers(low) if n.value > 0]
    if not doubted and not (asked in _PERIOD_FIELDS and numbers):
        return False
    values = {f: u.updates.pop(f) for f in doubted} or {str(asked): numbers[0].value}
    u.corrected -= set(values)
    u.skipped = [f for f in u.skipped if f not in values]
    u.unparsed = None
    first = next(iter(values.values()))
    number = float(first) if isinstance(first, int | float) and not isinstance(first, bool) else 0.0
    why = "the period is not settled yet: which one is it?"
    u.confirm = {"kind": "check", "fields": list(values), "values": values, "reasons": {f: why for f in values},
                 "value": number, "monthly": number, "text": why}
    if not doubted and asked == "queries_per_month":
        u.confirm["base"] = number  # a count with no period applied: "per day" in the answer makes it a rate
    figures = {n.value for n in numbers if n.value >= 2}
    if doubted and len(figures) == 1 and list(values) == ["queries_per_month"]:
        u.confirm["base"] = figures.pop()  # the one figure as said: "per day" in the answer re-reads it (a sum keeps
        # its currency in the stored value only: "yes" or a new figure answers a budget's check)
    return True


# The currency left open: "人民币还是美元我得再确认下", "not sure yet whether that's USD or CAD", "币种我得问问财务"
_CURRENCY_WORD = re.compile(r"\bcurrency\b|币种|货币|通貨|통화|währung|\bdevise\b|\bmoneda\b|\bmoeda\b|\bvaluta\b|"
                            r"\bwaluta\b|para birimi|валют")
_OPEN = re.compile(r"no idea|not sure|unsure|don'?t know|do not know|(?:need|have) to (?:check|confirm|ask)|"
                   r"\bcheck with\b|确认|确定|问问|bilmiyorum|emin değil|не знаю|не уверен|weet ik niet|vet inte|"
                   r"nie wiem|não sei|non so|no s[ée]\b|ne sais pas|nicht sicher|weiß .{0,12}(?:nicht|not)\b|"
                   r"分から|わから|모르|확인|"
                   # s7-b: the word orders and words of Swedish, Italian, Polish, Russian, Ukrainian and Hinglish
                   r"vet (?:jag|vi) inte|inte säker|osäker|ingen aning|kolla med|non (?:lo )?sappiamo|non sono sicur|"
                   r"devo (?:chiedere|verificare|controllare)|da (?:verificare|confermare)|nie jestem pew|"
                   r"muszę (?:sprawdzić|zapytać|dopytać)|уточн|не впевнен|pata nahi|nahi pata|confirm kar")
_EITHER = re.compile(r"\b(?:or|oder|ou|o|of|czy|eller|veya|ya da|ya|mi|mı|или|чи|ob)\b|还是|或者|か|인지")
# A monthly budget below this many US dollars, read from a figure with no currency beside it ("2-3 maybe?", "5?",
# "予算は50くらい"), is more likely hundreds or thousands said short: asked about, never stored.
SMALL_BUDGET_USD = 50.0
# A monthly budget of this many US dollars or more, read from a figure with no currency written ("On peut mettre
# 500 000 par mois", "we can spend 300000 a month"), is far beyond what embedding search costs: more likely a currency
# worth far less than a dollar (CFA francs, pesos, forints): asked about, never stored (s12-a)
LARGE_BUDGET_USD = 100_000.0
# Languages whose writers rarely mean US dollars and whose currency the words do not settle (pesos or euros in Spanish,
# reais or euros in Portuguese, złoty, kronor, lira, roubles): a sum with no currency written is asked about there
# ("unos 2.000, más o menos"). German, French, Italian and Dutch sums are euros or francs, within the 25% of a dollar
# reading; Chinese, Japanese and Korean sums are read in yuan, yen and won, Hinglish lakh and hazaar in rupees.
_OTHER_MONEY_LANGUAGE = re.compile(
    r"[а-яё]|[ąćęłńśźż]|[ğış]|\b(?:unos|unas|más|mes|mensual(?:es)?|presupuesto|tenemos|alrededor|uns|umas|mês|"
    r"mensais|orçamento|temos|około|miesięcznie|mamy|ungefär|månad\w*|vi har|kronor|aylık|yaklaşık|civarı|"
    r"kvartal\w*|per år|om året|i året|kwartał\w*|"  # s8-d: "60 000 per kvartal" (kronor or euros?)
    r"bütçe\w*|"
    # s13-b: a thousand said the Turkish or Swedish way ("20 bin", "5 tusen"), a sum in Thai ("สักสามพัน": baht?)
    r"(?<=\d) ?bin|(?<=\d) ?tusen|tusen)\b|[\u0e00-\u0e7f]|"
    r"[\u0600-\u06ff]|"  # s13-a: Arabic, written from the Gulf to Morocco (dirhams, riyals, pounds): no one currency
    r"\btak\s+(?=\d)|"  # s13-c: "tak 500" (Czech "about", Polish "yes"): koruna or złoty
    # s14-b: Singlish particles and tags ("500 a month lor", "max 1.5k can or not?"): Singapore or US dollars
    r"\b(?:lah|lor|leh|meh|hor|sia|can or not|one ah)\b")
# s13-c: and the messages written in Czech, Romanian, Hebrew or Danish (koruna, lei, shekels, kroner; "tak 500",
# "vreo 500", "בערך 1000", "et par tusind")
_LOCAL_MONEY = frozenset({"ces", "ron", "heb", "dan", "fil"})  # s14-b: and Tagalog or Taglish (pesos?)
# A Chinese rough range of two neighbouring digits ("一两万", "三五千"): a sum said loosely, its currency unsaid
_CJK_ROUGH = re.compile(r"(?:一两|两三|三四|三五|四五|五六|六七|七八|八九)(?:十|百|千|万)")
_CJK_MONEY = re.compile(r"预算|钱|费用|成本|花|块|元|开销|经费")
# Hinglish sums said without lakh, crore or a rupee word ("50 hazaar mahina"): rupees most likely, so asked about too
_HINGLISH = re.compile(r"\b(?:hazaa?r|hajaa?r|mahin[ae]|saal|kharcha|lagbhag|"
                       # s13-a: the Hinglish of an approximate sum ("50 ke aas paas hai", "takriban 200 hoga")
                       r"aas[\s\-]?paas|ke (?:qareeb|kareeb|karib)|takriban|taqreeban|hai|hain|hoga|hogi)\b|"
                       r"हज़ार|हजार|महीन|बजट|ख़र्च|खर्च")
_RUPEES = re.compile(r"lakh|\blacs?\b|crore|₹|\brs\b|rupa|rupee|\binr\b|रुपय|रुपए|रुपये|रु\.|लाख|करोड़")


# A currency written in Arabic after its figure ("٥٠٠٠ درهم", "15 ألف ريال"), which the reader took
_ARABIC_CURRENCY = re.compile(r"درهم|دراهم|ريال|دولار|جنيه|دينار|ليرة|يورو|أورو")
# A currency turned down ("that 80000 was yen, not dollars", "no dólares", "bukan dolar"): the other one is chosen
_NOT_THIS = re.compile(r"(?:\b(?:not|no|nie|non|nicht|pas|bukan|không|nahi|nem|niet|inte|değil|não|nao|ne)\b|"
                       r"(?<![а-я])(?:не|а не)(?![а-я])|ليس|غير)\s*(?:\w+\s+){0,2}$")


# A vague sum as one end of a range ("somewhere between fifty quid and a few grand", "from 200 to several thousand")
_VAGUE_END = re.compile(r"\b(?:between|from|to|or|and)\s+(?:maybe\s+|perhaps\s+)?(?:a few|several|a couple of)\s+"
                        r"(?:hundred|thousand|grand)\b")


def _money_in_doubt(u: Understanding, message: str, asked: str | None, stated: dict[str, Any] | None = None) -> bool:
    """A budget whose currency the user leaves open, or one too small to be meant as said: a check (True) instead."""
    if _currency_of_the_old(u, P.normalise(message), stated or {}):
        return False  # "7,5 juta bukan 5", "งบเดือนละ 5 หมื่นค่ะ ไม่ใช่ 3 หมื่น": in the stored budget's currency
    money = [f for f in ("budget_usd_month", "one_time_budget_usd") if f in u.updates and f not in u.confirmed]
    if not money and "budget_usd_month" in u.unset:
        return False  # "the budget of 2k might be off, I'll confirm with finance": taken back, asked again (s11-b)
    if u.confirm is None and not money and asked != "budget_usd_month" and "budget_usd_month" not in u.confirmed:
        return _budget_unread(u, message)
    if u.confirm is not None or not (money or asked == "budget_usd_month"):
        return False
    low = P.normalise(message)
    numbers = [n for n in P.find_numbers(low) if n.value > 0]
    if not numbers:
        return False
    named = list(dict.fromkeys(code for _, _, code in P.currency_mentions(low)))
    reason = None
    if _OPEN.search(low) and ((len(named) >= 2 and _EITHER.search(low)) or _CURRENCY_WORD.search(low)):
        reason = "the currency is not settled yet"
    elif len(named) >= 2 and not any(re.search(r"\d", low[max(0, a - 4):b + 4]) or _NOT_THIS.search(
            low[max(0, a - 16):a]) for a, b, _ in P.currency_mentions(low)):
        reason = "the currency is not settled yet"  # "we invoice in USD but our books are in AUD... call it 500"
        # (s13-a: two currencies named, neither beside the figure: which one the figure is in is not said)
    _currency_apart(u, low, numbers, named)
    _local_dollars(u, message, low, numbers)
    budget = u.updates.get("budget_usd_month")
    written = named or P.CURRENCY_BEFORE.search(low) or re.search(r"[$€£¥₹₩₺₽]", low)
    if reason is None and isinstance(budget, int | float) and not isinstance(budget, bool) and (
            (budget < 1 and not P.BUDGET_ZERO.search(low) and not P.BUDGET_NO_LIMIT.search(low))
            or (0 < budget < SMALL_BUDGET_USD and not written)):  # (a figure in won or yen may round to $0)
        reason = "very small for a monthly budget: hundreds or thousands?"
    if reason is None and isinstance(budget, int | float) and not isinstance(budget, bool) and \
            budget >= LARGE_BUDGET_USD and not written and "budget_usd_month" in money:
        reason = "no currency said: which currency is it?"
    raw = message.lower()
    if reason is None and money and _ONE_OFF_DOUBT.search(low):
        reason = "a month's budget or a one-off sum?"  # "1万左右，不过可能是一次性的，我再问问"
    if reason is None and money and not written and _TRADITIONAL_ONLY.search(message) and not _CN_MONEY.search(raw):
        reason = "no currency said: NT$, HK$ or yuan?"  # "三萬左右吧": Taiwan, Hong Kong and Macau write the same
    if reason is None and money and not written and not _ARABIC_CURRENCY.search(raw) and (
            _OTHER_MONEY_LANGUAGE.search(raw) or (
            _HINGLISH.search(raw) and not _RUPEES.search(raw)) or written_in(raw) in _LOCAL_MONEY):
        reason = "no currency said: which currency is it?"
    if reason is None and money and not written and _place_apart(
            message, float(budget) if isinstance(budget, int | float) and not isinstance(budget, bool) else 0.0):
        reason = "no currency said: the local currency or US dollars?"  # "based in Mumbai, budget is about 50,000"
    if reason is None and money and not written and any(
            asked == "budget_usd_month" or _CJK_MONEY.search(re.split(r"[,，。;；、]", raw[:m.start()])[-1] + m.group()
                                                               + re.split(r"[,，。;；、]", raw[m.end():])[0])
            for m in _CJK_ROUGH.finditer(raw)) and not _CN_MONEY.search(raw):  # (not "每份两三千字" beside it;
        reason = "a rough range with no currency: how much, in which currency?"  # "一两万吧"; "两三千块" is yuan)
    if reason is None and "budget_usd_month" in money and ((_VAGUE_SUM.search(raw) and not re.search(
            r"\d", message)) or _VAGUE_END.search(raw)):  # s15-a: "between 50 quid and a few grand"
        reason = "a vague sum: about how much a month?"  # "几万块吧", "quelques centaines d'euros": 2x to 9x
    if reason is not None and reason.startswith("no currency said") and budget == 0 and not any(
            u.updates.get(f) for f in money):
        reason = None  # s14-a: "nous n'avons aucun budget mensuel": nothing is nothing in every currency
    if reason is None:
        return False
    values = {f: u.updates.pop(f) for f in money} or {"budget_usd_month": numbers[0].value}
    u.corrected -= set(values)
    u.skipped = [f for f in u.skipped if f != "budget_usd_month"]
    u.unparsed = None
    first = float(next(iter(values.values())) or 0)
    u.confirm = {"kind": "check", "fields": list(values), "values": values, "reasons": {f: reason for f in values},
                 "value": first, "monthly": first, "text": reason}
    return True


# The sizes a figure turned down may be said short in ("7,5 juta bukan 5": the 5 is 5 juta)
_SAID_SHORT = (1.0, 1e3, 1e6)
# A figure turned down: "not" (as glossed) or its word in the languages the gloss leaves before it, "değil" after it
_TURNED_DOWN_BEFORE = re.compile(r"(?:\bnot|\bbukan|\bkhông phải|ไม่ใช่|\binte|\bnie|\bnahi|\bno|\bmuna|ليس|مش)\s*$")
_TURNED_DOWN_AFTER = re.compile(r"\s*(?:değil|nahi|nahin)\b")
# The budget named in the languages the gloss leaves ("budgetnya", "งบเดือนละ", "ngân sách", "bajet")
_BUDGET_WORD = re.compile(r"budget|\bbajet|\banggaran|งบ|ngân sách|budżet|bütçe|بجت|ميزانية|बजट|presupuesto|"
                          r"or[çc]amento|预算|予算|예산|\bmonthly\b|\bper month\b|\ba month\b")


def _currency_of_the_old(u: Understanding, low: str, stated: dict[str, Any]) -> bool:
    """A budget corrected with no currency written, the figure turned down being the stored one in a currency (s17-b).

    "eh sori salah ketik, budgetnya 7,5 juta bukan 5" after 5 juta was stored as $312.50, "ขอแก้นะคะ งบเดือนละ 5 หมื่นค่ะ
    ไม่ใช่ 3 หมื่น" after 30,000 baht, "make we do 1.2m monthly, not 800k" after ₦800k: the figure turned down names
    the stored budget in rupiah, baht or naira, so the new figure is the budget, in that currency (read so here when
    the reader took it as dollars, left it out or asked which field it is). True when settled so.
    """
    old = stated.get("budget_usd_month")
    if not isinstance(old, int | float) or isinstance(old, bool) or old <= 0 or P.currency_mentions(low) or \
            re.search(r"[$€£¥₹₩₺₽₦฿₫]", low):
        return False
    about_money = "budget_usd_month" in u.updates or (u.confirm is not None and "budget_usd_month" in (
        u.confirm.get("fields") or [])) or _BUDGET_WORD.search(low)
    if not about_money:
        return False  # "sorry, my mistake: 15 not 25" after 25,000 documents: the documents
    numbers = [n for n in P.find_numbers(low) if n.value > 0]
    if len(numbers) != 2:
        return False
    rates = {r for r in P.USD_PER.values() if r and abs(r - 1.0) > 0.01}
    for turned, new in (numbers, numbers[::-1]):
        if not (_TURNED_DOWN_BEFORE.search(low[max(0, turned.start - 16):turned.start]) or
                _TURNED_DOWN_AFTER.match(low, turned.end)):
            continue
        if any(isinstance(v, int | float) and not isinstance(v, bool) and v > 0 and any(
                abs(turned.value * m - v) <= 0.03 * v for m in _SAID_SHORT) for f, v in stated.items()
               if f != "budget_usd_month"):
            continue  # the figure of another field stated before ("15 000 décisions, pas 15 000")
        rate = next((r for r in rates for m in _SAID_SHORT if abs(turned.value * m * r - old) <= 0.03 * old), None)
        budget = u.updates.get("budget_usd_month")
        if rate is None or isinstance(budget, bool):
            continue
        if isinstance(budget, int | float) and abs(budget - new.value * rate) <= 0.03 * budget:
            return True  # read in that currency already
        asked_which = u.confirm is not None and "budget_usd_month" in (u.confirm.get("fields") or []) and \
            abs(float(u.confirm.get("value") or 0) - new.value) <= 0.03 * new.value
        if (budget is None and (u.confirm is None or asked_which)) or (
                isinstance(budget, int | float) and abs(budget - new.value) <= 0.03 * new.value):
            u.confirm = None
            u.updates["budget_usd_month"] = round(new.value * rate, 2)
            u.corrected.add("budget_usd_month")
            return True
    return False


def _currency_apart(u: Understanding, low: str, numbers: list[P.Number], named: list[str]) -> None:
    """Convert the budget read as dollars when the message names one currency apart from its figure.

    ("we're in Toronto so CAD, around 1,200 a month")
    """
    rate = P.USD_PER.get(named[0]) if len(named) == 1 else None
    if rate is None or abs(rate - 1.0) < 0.01 or any(
            re.search(r"\d", low[max(0, s - 3):e + 3]) for s, e, _ in P.currency_mentions(low)):
        return  # (a currency written beside a figure was read there)
    _read_in(u, numbers, rate)


def _read_in(u: Understanding, numbers: list[P.Number], rate: float) -> None:
    """The budget read as US dollars straight from one of ``numbers``, converted at ``rate`` (USD per unit).

    (Only a sum read as written: one the reader already converted, "A$3,000", "1 200 $ CA", is left.)
    """
    budget = u.updates.get("budget_usd_month")
    if isinstance(budget, int | float) and not isinstance(budget, bool) and any(
            abs(n.value - budget) < 0.5 for n in numbers):
        u.updates["budget_usd_month"] = round(budget * rate, 2)


def _local_dollars(u: Understanding, message: str, low: str, numbers: list[P.Number]) -> None:
    """A sum in "$" from a team in Canada, Australia, New Zealand, Singapore or Hong Kong is in its local dollars.

    ("On est une PME à Québec ... Budget : 500 $ par mois": Canadian dollars.)
    """
    if "budget_usd_month" not in u.updates or "$" not in low:
        return
    named = {code for _, _, code in P.currency_mentions(low)} - {"usd", "unknown"}
    if named and not (len(named) == 1 and named <= set(P.DOLLAR_CODES) and re.search(
            r"\$\s?(?:canad|austral|n\.?z|sing|hong)", low)):
        return  # a currency named by its name was read as such
    local = named or P.dollar_places(message.lower())  # (s16-a: "2 000 $ canadiens": the dollar the name says)
    if len(local) == 1 and (rate := P.USD_PER.get(local.pop())):
        _read_in(u, numbers, rate)


# A budget's word with a figure right after it ("예산은 월 300 정도", "bütçe ayda 20 bin kadar"): the sum of the budget
_BUDGET_FIGURE = re.compile(r"(?:\bbudget\w*|\bbudżet\w*|\bbütçe\w*|\bбюджет\w*|\bpresupuesto\b|\bor[çc]amento\b|"
                            r"预算|予算|예산|बजट)[^\d.;。!?]{0,16}$")

_NOT_MONEY_BUDGET = re.compile(r"(?:latency|token|time|context|compute|gpu|error|memory|vram|ram|storage)\s*$")
_NOT_MONEY_AFTER = re.compile(r"\s*k?\s*(?:tokens?|ms\b|millis|sec|s\b|gb|tb|mb|%|pages?|quer|docs?\b|documents?|"
                              r"users?|people|hours?|h\b|days?|gpus?|cards?|cores?)")


def _budget_unread(u: Understanding, message: str) -> bool:
    """A figure beside a budget's word that no reading took, in a message that states other things: asked (True).

    "부산 물류 회사, 예산은 월 300 정도, 문서 5천 개": the reader leaves a sum with no currency out; the other fields
    stay.
    """
    low = P.normalise(message[: P.MAX_CHARS])
    taken = {round(float(v)) for v in u.updates.values() if isinstance(v, int | float) and not isinstance(v, bool)}
    for n in P.find_numbers(low):
        cue = _BUDGET_FIGURE.search(low[max(0, n.start - 40):n.start])
        if n.value < 10 or round(n.value) in taken or cue is None or _NOT_MONEY_BUDGET.search(
                low[max(0, n.start - 60):n.start][: len(low[max(0, n.start - 60):n.start]) - len(cue.group())]) or \
                _NOT_MONEY_AFTER.match(low[n.end:n.end + 16]):
            continue  # "a latency budget of 200 ms", "token budget 8k tokens"
        if P.currency_mentions(low[n.end:n.end + 12]) or re.search(r"[$€£¥₹₩₺₽]", low[max(0, n.start - 3):n.end + 3]):
            return False  # a sum in a currency the reader did not take: no guess either way
        reason = "no currency said: which currency is it?"
        u.confirm = {"kind": "check", "fields": ["budget_usd_month"], "values": {"budget_usd_month": n.value},
                     "reasons": {"budget_usd_month": reason}, "value": n.value, "monthly": n.value, "text": reason}
        return True
    return False


# Currencies this far apart in worth make a sum with no currency a different budget (francs, pounds, euros and
# dollars are within it of each other)
PLACE_APART = 1.5
_HANGUL, _KANA_TEXT = re.compile(r"[\uac00-\ud7af]"), re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


# A figure with a magnitude word of one currency's country after it ("2 juta", "1,5 tỷ", "5 lakh")
_SUM_IN_WORDS = re.compile(r"\d[\d.,]*\s*(?:juta|jt|miliar|milyar|triệu|tỷ|tỉ|lakhs?|lacs?|crores?)(?!\w)")


def _place_apart(message: str, budget: float = 0.0) -> bool:
    """A place named whose currency is worth far from the one the reader took ("based in Mumbai, ... 50,000").

    The reader takes dollars, or yen, won and yuan in Japanese, Korean and Chinese ("上海の拠点で…月5万").
    """
    places = P.place_currencies(message.lower())
    if not places:
        return False
    if "unknown" in places or len(places) >= 2:
        return True  # (s16-c: "in Zürich und Wien tätig; so um die 1.000 im Monat": francs or euros)
    read_as = "krw" if _HANGUL.search(message) else "jpy" if _KANA_TEXT.search(message) else \
        "cny" if _HAN.search(message) else "usd"
    said = {code for m in _SUM_IN_WORDS.finditer(message.lower()) if (code := default_currency(m.group())) and any(
        abs(n.value * (P.USD_PER.get(code) or 0) * f - budget) <= 0.05 * budget for n in P.find_numbers(
            P.normalise(m.group())) for f in (1.0, 1 / 12))} if budget else set()
    if read_as == "usd" and len(said) == 1:  # s17-b: rupiah, dong or rupees the budget's own magnitude word settles
        read_as = said.pop()  # ("budget 2 juta/bln" beside "bahasa Indonesia"): the reader's currency, the place's
    rates = [P.USD_PER[c] or 1.0 for c in places | {read_as}]
    return max(rates) / min(rates) >= PLACE_APART


# A sum said only as a vague magnitude ("几万块吧", "数万円", "몇십만 원", "a few thousand dollars", "quelques centaines
# d'euros"): anywhere from two to nine of it, so asked about (a count said so is stored as its range, the convention)
_VAGUE_SUM = re.compile(
    r"(?<![\d一二两三四五六七八九十])[几幾数數몇]\s*(?:十|百|千|万|萬|십|백|천|만)|"
    r"\b(?:a few|several) (?:hundred|thousand)\b|\bquelques (?:centaines|milliers)\b|"
    r"\b(?:einige|ein paar) (?:hundert|tausend)\b|\bunos (?:cuantos )?(?:cientos|miles)\b|"
    r"\b(?:algumas|umas) centenas\b|\balguns milhares\b|\bqualche (?:centinaio|migliaio)\b|"
    r"\been paar (?:honderd|duizend)\b|\bkilka(?:set| tysięcy)\b|несколько (?:сотен|тысяч)|"
    r"\bbirkaç (?:yüz|bin)\b|\bkuch (?:sau|hazaa?r)\b|\bbeberapa (?:ratus|ribu)\b")


# A sum the user is not sure is monthly: "might be a one-off", "可能是一次性的" (glossed "one-off"),
# "vielleicht einmalig"
_ONE_OFF_DOUBT = re.compile(r"(?:(?:\bmight|\bmay|\bcould|\bpossibly) (?:also |even )?be (?:a |an )?"
                            r"(?:one-off|one-time)|"
                            r"\b(?:maybe|perhaps) (?:it'?s |that'?s |it is |that is )?(?:a |an )?(?:one-off|one-time)|"
                            r"(?:可能|也许|或许)(?:是|就是|只是)?\s*one-off|vielleicht (?:eher )?einmalig|"
                            r"peut-être (?:ponctuel|unique)|quizás (?:sea )?(?:único|una vez)|forse (?:è )?una tantum|"
                            r"misschien eenmalig|może jednorazow\w*)(?![^,.;，。]{0,15}\d)")
# A currency named the Chinese way ("元", "块", "人民币", "台币", "港币"): the sum's currency is said
_CN_MONEY = re.compile(r"元|块|塊|人民币|人民幣|rmb|cny|台币|台幣|新台币|新臺幣|ntd|twd|港币|港幣|hkd|"
                       r"澳门币|澳門幣|mop|美金|美元|usd")
# Money set aside, said with no currency to a question that is not the budget's ("we've got around 3000 set aside for
# this", "wir haben dafür so um die 3000 eingeplant", "mamy na to jakieś 3 tysiące", "我们大概有三千的预算"): a sum,
# not the answer, and its currency and period unsaid; asked about, never stored as searches (s8-b)
_ALLOTTED = re.compile(r"\bset aside\b|\bearmark\w*|\ballocat\w*|\bbudget\w*|\bbudżet\w*|\bbütçe\w*|\bбюджет\w*|"
                       r"\bзаложен\w*|\bзаклад\w*|\bвыдел\w*|\bвиділ\w*|\beingeplant\b|\bveranschlagt\b|\bprévu\w*|"
                       r"\bpresupuest\w*|\bor[çc]amento\b|\bstanziat\w*|\bgereserveerd\b|\bavsatt\w*|\bayrıl\w*|"
                       r"\bayır\w*|\bkharcha\b|\bto spend\b|\bcan spend\b|预算|经费|予算|예산")
_FOR_THIS = re.compile(r"\b(?:for (?:this|it|that)|dafür|pour (?:ça|cela)|para (?:eso|esto|isso|ello)|pra isso|"
                       r"per questo|ervoor|för det|na to|на (?:это|це)|iske liye|bunun için)(?![\w])")
_HAVE = re.compile(r"\b(?:we(?:'ve| have)? got|we have|we've|haben|avons|on a|tenemos|temos|abbiamo|hebben|har vi|"
                   r"vi har|mamy|у нас|у нас є|maamy|hamare paas|var)\b")
_SUM_FIELDS = ("queries_per_month", "corpus_docs", "budget_usd_month")


def _sum_to_another_question(u: Understanding, message: str, asked: str | None) -> bool:
    """A sum set aside with no currency, said to another question than the budget's: asked about (True)."""
    if u.confirm is not None or asked in (None, "budget_usd_month", "one_time_budget_usd"):
        return False
    raw, low = message.lower(), P.normalise(message)
    numbers = [n for n in P.find_numbers(low) if n.value >= 10]
    if len(numbers) != 1 or _SEARCH_WORD.search(low) or P.currency_mentions(low) or P.CURRENCY_BEFORE.search(
            low[:numbers[0].start]) or re.search(r"[$€£¥₹₩₺₽]", low):
        return False
    n = numbers[0]
    clause = re.split(r"[.;!?。；]\s", low)[len(re.split(r"[.;!?。；]\s", low[:n.start])) - 1]
    if P.docs_after(low[n.end:n.end + 40]) or not (_ALLOTTED.search(clause) or (
            _HAVE.search(clause) and _FOR_THIS.search(clause)) or (len(re.split(r"[.;!?。；]\s", low)) == 1 and (
            _ALLOTTED.search(raw) or (_HAVE.search(raw) and _FOR_THIS.search(raw))))):
        return False  # "80k documents; budget is tight": the figure counts something else
    if any(rx.search(clause) for rx, _ in P.PERIODS) and P.BUDGET_CUE.search(clause):
        return False  # "budget is 1k a month though": the budget, said with its period
    if any(isinstance(v, int | float) and not isinstance(v, bool) and not abs(v - n.value) <= 0.01 * n.value
           for f, v in u.updates.items() if f in _SUM_FIELDS):
        return False
    for name in _SUM_FIELDS:
        u.updates.pop(name, None)
        u.corrected.discard(name)
    u.skipped = [f for f in u.skipped if f not in _SUM_FIELDS]
    u.unparsed = None
    value = numbers[0].value
    u.confirm = {"value": value, "monthly": value, "fields": ["budget_usd_month", "queries_per_month"],
                 "text": low[numbers[0].start:numbers[0].end]}
    return True


_MONTHLY = re.compile(r"\b(?:per|a|each|every)\s+month\b|\bmonthly\b|一个月|每个?月|月に|月|한\s*달에?|매달|달에")
_BARE_FILLER = re.compile(r"\bcall it\b|\bsay\b|\bthat'?s\b|\bmore or less\b|\bgive or take\b|くらい|ぐらい|程度|"
                         r"정도|쯤|약|대략|ungefähr|etwa|environ|à peu près|unos|unas|aproximadamente|cerca de|uns|"
                         r"umas|circa|più o meno|ongeveer|około|حوالي")


# A card the user has but cannot name ("some NVIDIA card in the server, not sure which", "jakąś kartę od NVIDII, nie
# wiem jaką", "有一张英伟达的卡，型号不记得了"): which card is asked, nothing is stored
_SOME_CARD = re.compile(r"\b(?:nvidia|geforce|quadro|radeon|amd)\b|\bgpus?\b|\bgraphics cards?\b|\bcards?\b|"
                        r"\bkart[eęay]\b|\bcarte\b|\btarjeta\b|\bscheda\b|\bplaca\b|\bgrafikkarte\b|\bkort\b|"
                        r"видеокарт|відеокарт|显卡|顯卡|英伟达|英偉達|グラボ|グラフィックボード|그래픽\s*카드|엔비디아")
_WHICH_UNKNOWN = re.compile(r"(?:not sure|no idea|don'?t know|do not know|can'?t remember|don'?t remember|forgot)"
                            r"(?: yet)? (?:which|what (?:model|kind|type|card)|the (?:model|exact))|"
                            r"\bnie wiem jak\w*|\bnie pamiętam jak\w*|welche\b|\bweiß nicht,? welche|"
                            r"ne sais pas (?:laquelle|lequel|quel)|no s[ée] cu[áa]l|non so quale|não sei qual|"
                            r"weet (?:niet|ik niet) welke|vet inte vilke|hangi(?:si)? (?:olduğunu )?bilmiyorum|"
                            r"не знаю,? как\w*|не помню,? как\w*|型号不(?:记得|清楚|知道)|"
                            r"不知道(?:是)?(?:什么|哪)(?:个)?型号|(?:どの|何の)(?:モデル|型番)か(?:分から|わから)|"
                            r"型番は?(?:分から|わから)|어떤 모델인지 모르|모델명은? 모르")


def _vague(field: str, text: str, unclear: bool = False) -> dict[str, Any]:
    """A check that asks for ``field`` again (``agent.confirmations``): no figure was read, or none could be placed."""
    return {"kind": "vague", "value": 0.0, "monthly": 0.0, "fields": [field], "text": text.strip(),
            **({"unclear": True} if unclear else {})}


# No card, or one only hoped for ("we don't have a GPU", "we might buy a GPU later", "we'd rent one")
_NO_CARD = re.compile(r"\b(?:might|may|could|would|will|want to|plan to|planning to|thinking of|hope to)\s+"
                      r"(?:\w+\s+)?(?:buy|get|rent|order|purchase)\b|\brent(?:ed|ing)?\b|\bcloud\b|\bif\b")


def _card_unknown(u: Understanding, message: str, asked: str | None) -> bool:
    """The user has a card but not its name: ask which one (a vague check on the hardware), store no hardware."""
    if u.confirm is not None or (u.updates.get("hardware") or {}).get("accelerator") not in (None, "none") \
            or asked not in (None, "hardware") or (u.updates.get("hardware") or {}).get("vram_gb"):
        return False  # (s14-a: "a graphics card of 24 GB, I don't remember the model": its memory is what counts)
    low = P.normalise(message)
    cards = [m for m in _SOME_CARD.finditer(low) if not P.NEGATION_BEFORE.search(
        re.sub(r"不错|不差|不赖", "", low[max(0, m.start() - 25):m.start()]))]  # ("还不错的显卡": not bad, a good card)
    if not cards or CPU_ONLY.search(low) or not (_WHICH_UNKNOWN.search(low) or (
            asked == "hardware" and not u.updates.get("hardware") and not _NO_CARD.search(low))):
        return False  # (lead s14: "a decent GPU in the office", "die große Nvidia-Karte", "괜찮은 GPU 하나" to the
        # hardware question: a card with neither name nor memory, asked about)
    u.updates.pop("hardware", None)
    u.skipped = [f for f in u.skipped if f != "hardware"]
    u.confirm = _vague("hardware", message)
    u.unparsed = None
    return True


def _bare_figure(u: Understanding, message: str, asked: str | None) -> Understanding:
    """A short message whose figures no field took: ask what the figure is ("call it 750k", "on en a à peu près 300").

    The message must be short (a few words beside its figures, fillers not counted) and say nothing the reader used;
    a longer message with words the reader does not know ("500 zoekopdrachten per dag, vooral 's ochtends") is left
    unread rather than offered as a budget or a count. People counted where queries were asked ("about 10k users")
    get a question about how often each of them searches.
    """
    plain = P.normalise(message)
    figures = [n for n in P.find_numbers(plain) if n.value >= 10]  # (not the "second" of "second-hand")
    if figures and all(any(m.start() <= n.start < m.end() for m in GPU_RE.finditer(plain)) for n in figures):
        return u  # s15-a: "We might buy a used RTX 3070": a card's name, no figure to ask about
    if asked == "corpus_docs" and not u.updates and u.corpus_tokens and u.confirm is None and all(
            P.PAGES_AFTER.match(r.text[n.end:]) for r in [read(message, asked)] for n in r.numbers):
        # "a couple thousand pages of internal docs" to "how many documents?": pages in all, not the documents
        u.confirm = _vague("corpus_docs", message)
        u.unparsed = None
        return u
    low = P.normalise(message) if u.understood and u.skipped == [asked] and not u.updates else ""
    if u.understood and not ((UNSURE.search(low) or (asked == "corpus_docs" and any(  # "100 GB of PDFs, no idea
            _BYTE_SIZE.match(low[n.end:]) or CONTAINERS_AFTER.match(low[n.end:]) for n in P.find_numbers(
                low)))) and P.find_numbers(low)):  # how many files", "1.200 Ordner, wie viele Dateien keine Ahnung"
        return u  # (but "a few hundred, don't know if per day or per hour" is a figure to ask about, not a skip)
    u.skipped = []
    r = read(message, asked)
    if not r.numbers and len(message) <= 30 and re.search(r"[?？]\s*$", message):
        r = read(re.sub(r"[?？]+\s*$", "", message), asked)  # "한 5천 정도?", "like 5k?": a figure said unsure
    # "unos 20 gigas", "a couple thousand pages of internal docs" to "how many documents?": not a count of them
    sizes = all(_BYTE_SIZE.match(r.text[n.end:]) or P.PAGES_AFTER.match(r.text[n.end:]) or CONTAINERS_AFTER.match(
        r.text[n.end:]) for n in r.numbers)  # (folders: the documents inside them are not counted)
    if asked in NUMERIC_FIELDS and ((r.numbers and UNSURE.search(r.text)) or not r.numbers or (
            sizes and asked == "corpus_docs")) and len(r.text.split()) <= 24:
        # "schnell halt", "same as what we spend today": an answer with no figure to a question that wants one
        u.confirm = _vague(str(asked), r.text)
        u.unparsed = None
        return u
    small = [n for n in r.unused() if 0 < n.value < 10]
    if asked == "latency_p95_ms" and len(r.numbers) == 1 and small and len(r.text.split()) <= 4:
        # "max 2" to the latency question: two seconds or two milliseconds? (a figure with its unit is read as said)
        seconds = small[0].value * 1000
        u.confirm = {"kind": "check", "fields": ["latency_p95_ms"], "values": {"latency_p95_ms": seconds},
                     "reasons": {"latency_p95_ms": "no unit: seconds or milliseconds?"}, "value": seconds,
                     "monthly": seconds, "text": "no unit: seconds or milliseconds?"}
        u.unparsed = None
        return u
    figures = [n for n in r.unused() if n.value >= 10]  # not the 一 of 一个月
    if not figures or len(figures) > 2:
        return u
    n = figures[0]
    if asked in (None, "queries_per_month") and (P.USERS.match(r.text[n.end:n.end + 40]) or _ACTIVE_USERS.search(
            r.text[max(0, n.start - 12):n.end + 30])) and not any(rx.search(r.text) for rx, _ in P.PERIODS
                                                                  if not _ACTIVE_USERS.search(r.text)):
        u.confirm = _per_user(n, r.text)
        u.unparsed = None
        return u
    if asked in NUMERIC_FIELDS:
        if len(r.text.split()) <= 24:  # "30k, of was het nou 300k... moet ik even checken", "tra zero e qualche
            # migliaio": a figure to the question that no reading took is asked about, never dropped unsaid
            u.confirm = _vague(str(asked), r.text, unclear=True)
            u.unparsed = None
        return u
    rest = r.text[:n.start] + " " + r.text[n.end:]
    for other in figures[1:]:
        rest = rest.replace(r.text[other.start:other.end], " ")
    rate = bool(_MONTHLY.search(rest))
    words = re.findall(r"[^\W\d_]+", P.FILLER.sub("", _BARE_FILLER.sub("", _MONTHLY.sub("", rest))))
    if sum(len(w) if re.match(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]", w) else 3 for w in words) > _SHORT:
        return u
    fields = ["budget_usd_month", "queries_per_month"] if rate else ["corpus_docs", "queries_per_month",
                                                                     "budget_usd_month"]
    u.confirm = {"value": n.value, "monthly": n.value, "fields": fields, "text": r.text[n.start:n.end]}
    u.unparsed = None
    return u


def _per_user(people: P.Number, text: str) -> dict[str, Any]:
    """The question how often each of ``people`` searches (``agent.confirmations`` asks it, reads the answer)."""
    return {"kind": "per_user", "value": people.value, "monthly": people.value, "fields": ["queries_per_month"],
            "text": text[people.start:people.end]}


# Active users ("日活50万", "500k DAU", "2M monthly active users"): people, not searches.
_ACTIVE_USERS = re.compile(r"\b[dmw]au\b|\b(?:daily|monthly|weekly) active(?: users)?\b|日活|月活|周活|日間アクティブ|"
                           r"アクティブユーザー|일간 활성|월간 활성|활성 사용자|\bactive users\b|aktive nutzer|"
                           r"utilisateurs actifs|usuarios activos|usu[áa]rios ativos|utenti attivi")


_NOT_SURE = re.compile(P.NOT_SURE)


def _sure_of_another(sentence: str, fields: list[str]) -> bool:
    """The sentence that says "not sure" names a field other than ``fields`` ("5k docs; not sure about the budget")."""
    return any(P.FIELD_RES[f].search(sentence) for f in ("budget_usd_month", "queries_per_month", "latency_p95_ms",
                                                         "hardware", "license", "deployment") if f not in fields)


def _unsure_sentences(message: str) -> list[str]:
    """The sentences of ``message`` (raw and glossed) that say the user is not sure."""
    out = []
    for text in (message.lower(), P.normalise(message)):
        out += [text[a:b] for a, b in P.split_sentences(text) if _NOT_SURE.search(text[a:b])]
    return out


def _said_unsure(message: str, fields: list[str], stated: dict[str, Any]) -> bool:
    """The user says they are not sure of the figure(s) just read, in no sentence that names another field."""
    sentences = _unsure_sentences(message)
    return bool(sentences) and not any(_sure_of_another(s, fields) for s in sentences)


def _offers_another(message: str, old: Any) -> bool:
    """The message quotes figure ``old`` and offers another or a share of it: the figure put in doubt.

    "die 50k... vllt eher die Hälfte?", "más de 3000... ¿5000?": the stated figure is not said again.
    """
    low = P.normalise(message)
    others = [n for n in P.find_numbers(low) if n.value >= 2 and isinstance(old, int | float) and old > 0 and abs(
        n.value - old) > 0.02 * old]
    return bool(others) or bool(P.RELATIVE.search(low))


def _unsure_new_figure(u: Understanding, message: str, stated: dict[str, Any]) -> bool:
    """One new figure no field took, said unsure, after exactly one count or sum near it: asked back (lead s15).

    "hmm maybe more like 40k? not sure tbh" after 25,000 documents, "igual son más... ¿5000? no estoy seguro" after
    3,000 files: the new figure is offered for the one field it can correct, never stored and never dropped.
    """
    if u.confirm is not None or not _said_unsure(message, [], stated):
        return False
    held = [f for f in _TENTATIVE_FIELDS if isinstance(stated.get(f), int | float) and not isinstance(stated[f], bool)
            and stated[f] > 0]
    new = [n for n in P.find_numbers(P.normalise(message)) if n.value >= 2 and not any(
        abs(n.value - stated[f]) <= 0.02 * stated[f] for f in held)]
    if len(held) != 1 or len(new) != 1 or not 1 / 20 <= new[0].value / stated[held[0]] <= 20:
        return False
    value: float | int = int(new[0].value) if held[0] != "budget_usd_month" else float(new[0].value)
    u.updates[held[0]] = value
    _not_sure(u, [held[0]])
    u.unparsed = None
    return True


def _not_sure(u: Understanding, fields: list[str]) -> Understanding:
    """Move ``fields`` out of ``u.updates`` into a confirming question: the user said they were not sure of them."""
    values = {f: u.updates.pop(f) for f in fields}
    u.corrected -= set(values)
    first = next(iter(values.values()))
    number = float(first) if isinstance(first, int | float) and not isinstance(first, bool) else 0.0
    u.confirm = {"kind": "check", "fields": list(values), "values": values,
                 "reasons": {f: "you were not sure of it" for f in values}, "value": number, "monthly": number,
                 "text": "you were not sure of it"}
    return u


# A figure the user says they are not sure of ("don't know if per day or per hour", "연간인지 분기인지 물어봐야")
UNSURE = re.compile(r"(?:don'?t|do not|doesn'?t) (?:really )?know (?:if|whether)|not sure (?:if|whether)|"
                    # s7-c: "not 100% sure about the budget yet, maybe 2k a month", "not entirely sure on the budget"
                    r"\bnot (?:100 ?%|a hundred percent|entirely|totally|completely|fully) sure (?:about|on|of) "
                    r"(?:the |our |my )?(?:budget|numbers?|figures?|volumes?|traffic|count)\b|"
                    r"no idea (?:if|whether|se|si|ob|of|czy)|unsure (?:if|whether)|(?:wei(?:ß|ss)) (?:ich )?nicht,? ob|"
                    r"nicht sicher,? ob|je ne sais pas si|pas s[ûu]r (?:que|si)|no s[ée] si|no estoy segur[oa] de si|"
                    r"n[ãa]o sei se|non so se|non sono sicur[oa] se|weet ik niet|niet zeker of|nie wiem,? czy|不知道是|"
                    r"不确定是|不清楚是|还不确定|かどうか|か(?:は)?(?:わかりません|分かりません|わからない|不明)|"
                    # (a consultation still to come, not one done: "上と相談して月10万円まで上げてもらえました", s12-a)
                    r"上と相談(?:します|する|して(?:から|み)|中|しない)|相談します|인지 (?:잘 )?모르|"
                    r"인지 .{0,16}물어봐야|확인해\s?봐야|"
                    r"\bask (?:finance|the cfo|my boss|my manager)\b|\bbelum (?:jelas|pasti|tahu)\b|"
                    # "whether per month or per year I don't know", "of dat per maand of per jaar is weet ik niet"
                    # (glossed), "ob pro Monat oder pro Jahr, weiß ich nicht", "om det är per månad vet jag inte"
                    r"\b(?:whether|ob|of|om)\b[^.;!?]{0,60}\b(?:don'?t|do not) know\b|"
                    r"\bom\b[^.;!?]{0,60}\bvet (?:jag|vi) (?:inte|ej)\b|"
                    r"\bcheck with (?:finance|my boss|the cfo|my manager)\b|"
                    # s7-d: a figure the user will check in Chinese, Japanese, Korean and Turkish
                    # ("可能２万份吧，不确定", "たぶん月1万回くらい？確認します", "아마 월 3만 건? 확인해 볼게요",
                    # "emin değilim, kontrol etmem lazım")
                    r"不(?:太)?确定|说不准|得问(?:一下|问)|要问一下|需要确认|(?:我)?再确认|"
                    r"確認(?:します|してみます|が必要|しておきます)|確かでは(?:ない|ありません)|"
                    r"확인해\s?(?:볼게요|보겠습니다|볼게|봐야)|(?:확실|정확)(?:하지|치)\s*(?:않|not\b)|"
                    r"emin değilim|kontrol etme[km] (?:lazım|gerek)|sor(?:mam|mamız|mak) (?:lazım|gerek)|sormalıyım|"
                    r"kontrol edece\w+|teyit etme\w* (?:lazım|gerek)")
_TENTATIVE_FIELDS = ("budget_usd_month", "queries_per_month", "corpus_docs", "doc_length_tokens")
# A preference said with a hedge: easier, better, more convenient (s15-b)
_PREFERENCE = re.compile(r"편할|편하|좋을|좋겠|나을|낫겠|便利|楽そう|いいと思|良さそう|方がいい|\beasier\b|\bbetter\b|"
                         r"\bconvenient\b|\bbequemer\b|\beinfacher\b|\bmieux\b|\bmejor\b|\bmeglio\b|\bmelhor\b|"
                         r"\bmakkelijker\b|\bbeter\b|\blepiej\b|\bbättre\b|\benklare\b|\bdaha iyi\b|\bdaha kolay\b|"
                         r"удобнее|лучше|\blebih (?:mudah|baik|enak)\b|tiện hơn|ดีกว่า|สะดวกกว่า")
# A rule the user believes and doubts in the same breath ("I think that means it can't go out? not 100% sure", "ich
# glaube, es muss in der Schweiz bleiben? muss ich noch klären"): checked before it is noted.
_CATEGORICAL_FIELDS = ("data_must_stay_on_prem", "license", "deployment")
_BELIEF = re.compile(r"\bi (?:think|guess|believe|assume)\b|\bich (?:glaube|denke|vermute)\b|"
                     r"\bje (?:crois|pense|suppose)\b|"
                     r"\bcreo que\b|\bsupongo\b|\bpenso che\b|\bcredo che\b|\bacho que\b|\bik denk\b|"
                     r"\bmyślę\b|\bchyba\b|\bjag tror\b|\bsanırım\b|\bdüşünüyorum\b|\bдумаю\b|\bкажется\b|"
                     r"我觉得|我想|好像|应该是|と思|気がする|것 같|\bmujhe lagta\b")
_DOUBT = re.compile(r"\?|" + P.NOT_SURE)
# A short answer to a rule's question that hedges itself, in every language of the lexicon (s8-f)
_HEDGED_ANSWER = re.compile(
    r"\b(?:probably|maybe|perhaps|possibly|i (?:think|guess|believe) so|likely|wahrscheinlich|vermutlich|vielleicht|"
    r"eventuell|glaube schon|denke schon|peut-être|probablement|je pense|je crois|sans doute|probablemente|quizás?|"
    r"tal vez|creo que sí|supongo|probabilmente|forse|credo|penso di sì|provavelmente|talvez|acho que sim|acho que|"
    r"waarschijnlijk|misschien|denk ik|denk het|prawdopodobnie|chyba|być może|pewnie|"
    r"troligen|kanske|antagligen|tror det|"
    r"muhtemelen|belki|sanırım|galiba|herhalde|shayad)\b|"
    r"(?<![а-яіїє])(?:наверное|наверно|возможно|может быть|скорее всего|думаю|кажется|мабуть|можливо|напевно|"
    r"здається|думаю)(?![а-яіїє])|たぶん|多分|かも|と思います|아마|것 같|应该吧|可能吧|也许|大概吧|估计")
_BYTE_SIZE = re.compile(r"\s*(?:[kmgt]i?b\b|gigs?\b|(?:giga|mega|tera)(?:s|bytes?)?\b|go\b|mo\b|to\b|ギガ|기가|гб)")
# s17-c: a rate of logins or visits, not of searches ("log in once a month", "visit twice a week", "se connectent une
# fois par mois", "inician sesión una vez al mes", "acessam uma vez por semana", "loggen sich einmal im Monat ein")
_LOGIN_RATE = re.compile(r"\b(?:log(?:s|ging)? (?:in|on)|sign(?:s|ing)? (?:in|on)|visit(?:s|ing)?|come back|"
                         r"se connect\w*|inician? sesi[oó]n|ingresa\w*|acessa\w*|fazem login|loggen sich|einloggen|"
                         r"besuch\w*|accedono|visitano)\b[^.;!?]{0,20}?(?:\d+(?:\.\d+)?|once|twice)\s*(?:times?\s+)?"
                         r"(?:a|per|each|every)\s+(?:day|week|month)|登录|登入|ログイン|로그인")
_SEARCH_NOUN = re.compile(r"quer|search|lookup|look (?:it |things |something )?up|查询|检索|搜索|検索|クエリ|검색|"
                          r"anfrage|such|recherch|b[úu]squeda|busca|consulta|ricerc|pesquis|requ[eê]te")
_SEARCH_WORD = re.compile(r"quer|search|request|lookup|查询|检索|搜索|请求|検索|クエリ|검색|anfrage|suche|recherche|"
                          r"人均|每人|[搜查问](?:[^\d]{0,3})?\d|\d\s*次|such|sök|zoek|wyszuk|поиск|busca|cerca|"
                          r"\d\s*(?:-?mal|times|gånger|fois|veces|vezes|volte|keer|razy|kez|раз|回|번|baar)\b|"
                          r"requ[eê]te|b[úu]squeda|consulta|ricerca")


# How much a short message may say beside its figure: about four words (a CJK character counts as a third of one).
_SHORT = 12
