"""Money in a message: budgets with currencies and periods, and the sums that are not the budget.

A figure as its field's value (``as_field``: money per month in its currency, seconds), the message's currency and
the one its script implies (yen, won, rupiah, dong, baht, rupees), a second sum beside the budget, a share of what
the user pays today or of a sum ("half of what we pay Algolia"), a budget stretched ("maybe $500"), seats and seat
prices, and money that is someone else's or for something else (``others_money``: salaries, a wider budget, a price
of a device or licence, money already spent, a penalty). ``agent.understanding_quantities`` asks it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from agent import understanding_patterns as P
from agent import understanding_structure as S
from agent.understanding_figures import (
    _CJK,
    _KANA,
    _LENGTH_UNITS,
    _ONE_OF_PERIOD,
    _OTHER_UNIT,
    _PERIOD_RES,
    Found,
    _sentence_at,
    clause_before,
    period_factor,
)
from agent.understanding_langid import languages as written_languages


def _money(value: float, currency: str, factor: float) -> float:
    return round(value * (P.USD_PER[currency] or 0.0) * factor, 2)


_PER_SEAT = re.compile(r"^\s*(?:/|per|a|an|each|every)\s*(?:user|seat|head|person|employee|licen[cs]e|agent|"
                       r"member)s?\b")
_SEATS = re.compile(r"(?<![\d.])(\d[\d,.]*\s?k?)\s*(?:users|seats|people|employees|agents|licen[cs]es|members)\b")
# The seats counted right before a price ("40 seats at like $8.75", "25 users @ €12"): the price is each seat's
_SEAT_PRICE = re.compile(r"(?<![\d.])(\d[\d,.]*\s?k?)\s*(?:users|seats|licen[cs]es|agents|members)\s+(?:at|@|x|×)\s*"
                         r"(?:like|about|around|roughly|approx\.?|~)?\s*$")
_LOCAL_DOLLARS = {"cad", "aud", "nzd", "sgd", "hkd", "twd"}
_GENERIC_CURRENCY = {"$", "元", "块", "块钱", "dollars", "dollar", "kr"}
# Money for more than the search system ("3 crore a year for the whole AI program, this is one small part of it")
_LARGER_SCOPE = re.compile(
    r"\b(?:whole|entire)\s+(?:[a-z]+\s+){0,2}(?:program+e?|department|division|company|organi[sz]ation|"
    r"initiative|platform|group)\b|"
    r"\b(?:one|a|only a|just a)\s+(?:small\s+|tiny\s+)?(?:part|fraction|slice)\s+of\s+(?:it|that|this)\b")
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


# A price and the unit it is charged per ("$0.10 per 1,000 queries", "$0.02 / 1M tokens"): neither a budget nor a count.
_PRICE_UNIT = re.compile(r"\d\s*(?:(?:usd|eur|gbp|dollars?|euros?|cents?|\$|€|£)\s*)?(?:per|/|a|each)\s+"
                         r"(?:1[,.]?000|1k|1m|a thousand|thousand|million|1 million)\s+"
                         r"(?:quer|search|request|token|call|embedding|doc)")


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
                         r"運用|費用|ランニング|운영비|비용|유지비|"
                         # s17-b (dev19b): funds, cost and budget in the languages the gloss leaves ("ada dana 3 jt
                         # sekali bayar", "Chi phí index lần đầu tầm 10 triệu", "5 lakh one-time de sakte hain")
                         r"\bdana\b|\bbiaya\b|\banggaran\b|\bbajet\b|\bperuntukan\b|chi phí|ngân sách|\bkharch\w*|"
                         r"\bde sakte\b|\blaga sakte\b")


def _paid_once(work: str, num: P.Number) -> bool:
    """A sum paid once, though no budget was asked: a one-off word and a word of money or a lakh (s17-b).

    "ada dana 3 jt sekali bayar", "Chi phí index lần đầu tầm 10 triệu, trả một lần thôi", "5 lakh one-time de sakte
    hain".
    """
    left = max((m.end() for m in re.finditer(r"[.!?;。]\s", work[:num.start])), default=0)
    right = next((m.start() for m in re.finditer(r"[.!?;。](?:\s|$)", work[num.end:])), len(work) - num.end)
    sentence = work[left:num.end + right]  # its own sentence ("45-person startup. ... Budget is $2,000" is two)
    if not re.match(r"\s*(?:$|[,.;:)]|lakh|crore|million|thousand|billion|one|once)", work[num.end:]) or \
            not S.one_off(_before_sum(work, num), work[num.end:], _PERIOD_RES):
        return False  # (not "a 45-person startup" beside "our setup")
    return bool(_MONEY_WORD.search(sentence) or re.search(r"lakh|lac\b|lacs|crore", work[num.start:num.end]))


def _second_sum(found: Found, work: str, asked: str | None) -> None:
    """A sum without a currency beside another one, or to the budget question: monthly or one-off as its clause says.

    "一次性投入可以10万人民币，每月运营费用不超过5千"; "one-time 10 lakh, fir har mahine 50 hazaar" to the budget
    question. In the currency of the message's other sum (rupees for lakh, yuan in Chinese, else US dollars).

    Only a figure no field took, with a period or a one-off word in its own clause, and a word of money there or
    the budget question asked; each field is filled once.
    """
    money = [f for f in ("budget_usd_month", "one_time_budget_usd") if f in found.updates]
    if not found.leftovers or not (money or asked == "budget_usd_month" or any(
            _paid_once(work, n) for n in found.leftovers)):
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
        if not (_MONEY_WORD.search(clause) or asked == "budget_usd_month" or named or _paid_once(work, num)) or \
                _LARGER_SCOPE.search(
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
