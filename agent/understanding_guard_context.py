"""Whose figure, and when: the figures of one message that are not the user's own value now.

A message often holds a figure beside the one the user means: another party's ("our competitor indexes 50M products;
we have ~120k"), a past or a future one ("last year 300k, now 450k", "80k today, might grow to 500k"), a hypothetical
one ("if we had a million documents, would bge-m3 still be fast?"), or, for the response time, the current system's
("today it takes 300 ms, the new one should stay under 100 ms"). The reader takes the first figure it can place; this
step finds the figures said in such a context (by the words of their clause or sentence, in every language of the
lexicon) and reads the message again without them (``agent.understanding_quantities.extract_fields``, the reader's
own):

- when the reading without them gives the field another value, that value is the user's own and replaces the first;
- when nothing is left for the field, a figure of another party, of a hypothesis or (for the response time, unless it
  was asked) of the current system is withheld: the field stays unset and is asked in turn. A past or future figure
  alone is kept (it is still the best figure the user gave).

The rest of the guard (``agent.understanding_guard.review``) then reads the message with those figures blanked.
"""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_patterns as P
from agent.understanding import Understanding
from agent.understanding_numbers import Number, find_numbers
from agent.understanding_quantities import extract_fields
from agent.understanding_rescale import grown_since
from agent.understanding_structure import share_word

# The fields whose value is one figure of the message (hardware, languages and rules are read elsewhere)
_FIELDS = ("corpus_docs", "queries_per_month", "budget_usd_month", "doc_length_tokens", "latency_p95_ms")
# Where a clause ends: punctuation (not a decimal or thousands mark), or a conjunction that starts the next one
_BOUNDARY = re.compile(r"(?<!\d)[,.](?!\d)|[,.](?=\s)|[;:!?。，；、،؛\n()]|\s[-–—]\s|"
                       r"\s(?:but|while|whereas|aber|doch|mais|alors que|pero|mientras|mentre|mas|enquanto|но|а|"
                       r"ale|maar|terwijl|ama|fakat|lekin|par|whereas|але|men|nhưng|tapi|tetapi|namun|لكن|ولكن)\s|"
                       r"(?:但是|但|而|不过|可是|けど|けれど|ですが|でしたが|が、|지만|는데|인데|었는데|였는데|"
                       r"(?:(?<=거고)|(?<=것이고))\s)")  # "그건 다른 팀 거고 저희가 ...": "that's theirs, and ours"
# Another party's figure: a competitor, another team or company, a customer of the user's, what someone claims
_OTHER = re.compile(
    r"\b(?:competitors?|competition|rivals?|another (?:team|company|department)|other teams?|next door|"
    # s17-c: a vendor's or a blog's claim ("pgvector's blog claims 1,000 QPS on their benchmark box")
    r"[a-z0-9]+'s (?:blog|docs|website|site|marketing|paper|benchmarks?)|on (?:their|its) benchmark\w*|"
    r"(?:blog|vendor|website|marketing|they|it|he|she) claim(?:s|ed)|"
    r"(?:ml|data[\s\-]science|research|platform|other) team|(?:a |our )?typical customer|reportedly|"
    r"subsidiary|parent company|headquarters|sister company|"
    r"wettbewerb\w*|konkurren\w*|angeblich|mutterkonzern|tochter\w*|"
    r"concurren\w*|filiale (?:allemande|française|américaine|étrangère)|maison mère|"
    r"competencia|competidor\w*|casa matriz|"
    r"concorren\w*|capogruppo|"
    r"matriz|"
    r"конкурент\w*|у них|головн\w+ (?:компани|офис)\w*|дочерн\w+|"
    r"konkurencj\w*|podobno|spółka matka|"
    r"moederbedrijf|dochterbedrijf|"
    r"rakib\w*|"
    r"competitor ke|unke paas|"
    # another team or department of the user's own organisation, in every language of the lexicon (s7-e): "une autre
    # équipe a des A100", "Inny zespół ma H100", "別の部署にH100があります", "فريق آخر لديه H100", "Tim lain punya A100"
    r"other (?:departments?|groups?|divisions?|units?)|another (?:group|division|unit|business unit)|"
    r"(?:ml|ai|data[\s\-]?science|research|analytics) (?:group|department|dept|org)|"
    r"data[\s\-]?science[\s\-]?(?:abteilung|team)|(?:ki|ml|forschungs)[\s\-]?(?:abteilung|team|gruppe)|"
    r"equipo de (?:datos|data science|ia|ml|investigación)|departamento de (?:datos|ia|investigación)|"
    r"équipe (?:data|ia|ml|recherche|data science)|(?:equipe|time) de (?:dados|ia|ml|pesquisa|data science)|"
    r"team (?:dati|data science|ia|ml|ricerca)|data[\s\-]?science[\s\-]?team|onderzoeks(?:groep|afdeling)|"
    r"zesp[oó]ł (?:danych|data science|ml|ai|badawczy)|data science-teamet|forskningsavdelningen|"
    r"(?:отдел|команда) (?:данных|исследований|ml|ии|data science)|"
    r"ander(?:es|e|en) (?:team|abteilung|gruppe|bereich)|nachbar(?:team|abteilung)|"
    r"autres? (?:équipes?|services?|départements?|groupes?)|"
    r"otros? (?:equipos?|departamentos?|grupos?|áreas?)|otras? (?:áreas?|divisi[oó]n)|"
    r"outr[ao]s? (?:equipes?|times?|departamentos?|grupos?|áreas?|setor(?:es)?)|"
    r"altr[oi] (?:team|reparti?o?|gruppi?o?|dipartiment[oi])|un'altra (?:squadra|area|divisione)|"
    r"ander(?:e)? (?:team|afdeling|groep)|"
    r"inn(?:y|ego|a|ej|e) (?:zesp[oó]ł\w*|dzia[lł]\w*|grup\w*)|"
    r"annat team|annan (?:avdelning|grupp)|andra (?:team|avdelningar)|"
    r"başka (?:bir )?(?:ekip|ekib|takım|departman|birim)\w*|diğer (?:ekip|ekib|takım|departman|birim)\w*|"
    r"друг(?:ая|ой|ие|ого|ому) (?:команд\w*|отдел\w*|групп\w*|подразделени\w*)|соседн\w+ (?:команд\w*|отдел\w*)|"
    r"інш(?:а|ий|і|ого|ому) (?:команд\w*|відділ\w*|груп\w*|підрозділ\w*)|сусідн\w+ (?:команд\w*|відділ\w*)|"
    r"d(?:u|oo)sr[ie] (?:team|department)|"
    r"(?:nhóm|team|phòng|bộ phận) khác|(?:tim|divisi|departemen|bagian) lain|"
    r"(?:فريق|قسم) (?:آخر|اخر)|(?:إدارة|ادارة) (?:أخرى|اخرى))\b|"
    r"竞品|竞争对手|友商|对手|隔壁|号称|据说|其他团队|別のチーム|競合|他社|ライバル|"
    r"其他部门|别的部门|别的团队|另一个(?:团队|部门|组)|其他(?:组|小组)|别的组|兄弟部门|"
    r"別の(?:部署|部門|チーム)|他(?:の)?(?:部署|部門|チーム)|隣の(?:部署|チーム)|別部署|"
    r"경쟁사|다른 팀|옆 팀|다른 부서|옆 부서|타 ?부서|한다던데|라던데")
# A past figure: "last year", "back in 2022", "before the migration", "used to"
_PAST = re.compile(
    # s11-b: a figure "before", at the end of its clause ("we had 200ms p95 before, need it under 100 now")
    r"\bbefore\s*(?=[,.;!?]|$)|\b(?:vorher|zuvor)\b|\bantes (?:era|eran|eram|tínhamos|teníamos)\b|"
    r"\bavant c'était\b|\bprima (?:era|erano|avevamo)\b|"
    # ("back in 2019", not "it has to come back in under 100ms", s16-b: an answer returning in a time)
    r"\b(?:last (?:year|month|quarter)|a year ago|years ago|used to|(?<!come )(?<!comes )(?<!get )(?<!gets )"
    r"(?<!be )back in(?! (?:under|below|less|within|about|around|max|at most|<|\d+ ?m?s\b))|previously|"
    r"before the (?:migration|move|"
    r"switch|merger)|in (?:19|20)[0-2]\d|"
    r"letztes jahr|voriges jahr|im letzten jahr|früher|damals|vor der migration|(?:19|20)[0-2]\d (?:waren|hatten)|"
    r"l'an dernier|l'année dernière|il y a \w+ ans?|avant la migration|autrefois|"
    r"el año pasado|hace \w+ años?|antes de la migración|"
    r"l'anno scorso|anni fa|prima della migrazione|"
    r"(?:no )?ano passado|anos atrás|antes da migração|"
    r"в прошлом году|раньше|до миграции|год назад|"
    r"w zeszłym roku|w ubiegłym roku|przed migracją|kiedyś|"
    r"vorig jaar|vroeger|v[óo]{1,2}r de migratie|jaar geleden|"
    r"geçen yıl|eskiden|geçişten önce|"
    r"pichle saal|migration se pehle)\b|"
    r"去年|前年|以前|过去|当年|迁移前|昨年|移行前|前は|작년|재작년|예전|이전에는")
_SINCE = re.compile(r"\b(?:after|since|seit|nach|depuis|après|desde|después|dopo|da quando|sinds|na de|od czasu|после|"
                    r"sonra)\b|之后|以后|以来|以降|이후|부터")
# A future figure: "might grow to", "in two years", "next year"
_FUTURE = re.compile(
    # (not "we expect ..." / "预计": the user's own estimate of the traffic, the figure the profile wants)
    # (not "lawyers will hit it 3,000 times a week": the users of the system, s8-a)
    r"\b(?:might|could|will|would) (?:grow|reach|get|go|be|hit(?! it\b| the (?:system|tool|search|api)\b)|"
    r"climb)|\bgrow(?:ing|s)? to\b|"
    r"\b(?:next year|in (?:a couple of|a few|two|three|\d+) years?|in (?:six|twelve|eighteen|\d+) months)\b|"
    r"\b(?:könnte\w*|wird|werden) .{0,40}\b(?:wachsen|steigen|anwachsen)|in \w+ jahren|nächstes jahr|"
    r"\bpourrai(?:t|ent) (?:monter|passer|atteindre|grimper)|d'ici \w+ ans|l'an prochain|dans \w+ ans|"
    r"\bpodría\w* (?:crecer|llegar|subir)|en un par de años|el año que viene|dentro de \w+ años|"
    r"\bpotrebbe\w* (?:diventare|crescere|arrivare|salire)|tra (?:un paio d'|\w+ )anni|l'anno prossimo|"
    r"\bpode (?:chegar|crescer|subir)|\bpoderá\b|em (?:dois|\w+) anos|ano que vem|daqui a|"
    r"может вырасти|вырастет|через (?:пару|\w+) (?:лет|года)|в следующем году|"
    # the end of this year, a plan (s11-b): "к концу года планируем 60", "by the end of the year", "年底"
    r"(?:к|до) концу года|до кінця року|by (?:the )?end of (?:the |this )?year|"
    r"d'ici (?:la )?fin (?:de l'année|d'année)|(?:para|a) finales? de(?:l)? año|entro (?:la )?fine (?:dell')?anno|"
    r"bis (?:zum )?(?:jahresende|ende des jahres)|até o fim do ano|"
    r"może urosnąć|urośnie|za (?:dwa|\w+) lat[a]?|w przyszłym roku|"
    r"over (?:twee|\w+) jaar|volgend jaar|kan groeien|zal groeien|"
    r"yıl içinde|çıkabilir|gelecek yıl|"
    # (not "1 lakh tak ja sakte hain": a ceiling, "we can go up to", s16-b)
    r"(?<!tak )ja sakte|ho sakta|agle saal|"
    r"年后|明年|将来|以后|未来|年底|年末までに|연말|可能(?:会)?(?:涨|增|达|到)|预计(?=[^,，。；;]{0,12}(?:增长|增加|涨|翻|扩|达到|突破))|年後|来年|増える|なるかも|"
    r"년 안에|년 후|내년|늘 수도|늘어날")
# A hypothesis: "if we had", "what if", "suppose", a conditional in each language (the whole sentence is its scope)
_HYPOTHESIS = re.compile(
    r"\b(?:if we (?:had|were|got|went|have to|ever)|what if|(?<!i )(?<!i'd )suppose|supposing|imagine|hypothetically|"
    r"if (?:the|our) \w+ (?:were|was)|"
    r"wenn wir .{0,60}(?:hätten|wären)|angenommen|"
    r"si (?:on avait|nous avions|on passait)|imaginons|supposons|admettons|"
    r"si tuviéramos|si tuviera|supongamos|"
    r"se avessimo|se avesse|supponiamo|ipotizziamo|"
    r"se tivéssemos|se tivesse|supondo|"
    r"если бы|допустим|предположим|"
    r"gdyby\w*|załóżmy|"
    r"als we .{0,40}(?:hadden|zouden)|stel dat|"
    r"olsaydı|olsa|varsayalım|diyelim|"
    r"agar .{0,60}(?:hote|hota|hoti)|maan lo)\b|"
    r"如果|假如|假设|(?<!主)要是|万一|もし|としたら|だったら|만약|라면|다면")
# The current system's response time (a target is what the new one should do)
_CURRENT = re.compile(
    r"\b(?:current(?:ly)?|today|right now|at the moment|existing|old|now|"
    r"jetzig\w*|derzeit\w*|aktuell\w*|heute|actuel\w*|aujourd'hui|actual|hoy|attuale|oggi|atual|hoje|"
    r"сейчас|текущ\w+|obecn\w+|teraz|huidige|nu|şu anki|abhi|"
    # "ora siamo a 2 secondi, vorremmo ... 500 ms", "ahora tarda 2 s", "jetzt sind es 2 Sekunden" (s11-b)
    r"ora|adesso|attualmente|al momento|ahora|actualmente|agora|atualmente|jetzt|momentan|zurzeit|maintenant|"
    r"en ce moment|şimdi|şu an|зараз|наразі|sekarang|saat ini|hiện tại|hiện nay)\b|حاليا|الآن|"
    r"现在|目前|现有|今の|現在|지금|현재|"
    # how long one search takes now ("each lookup takes 200ms", "一次检索要 200ms", "1回の検索に200ミリ秒かかって")
    r"\b(?:each|one|a single|every) (?:lookup|query|search|request) takes\b|(?:一次|1次)\S{0,4}要|"
    r"(?:1|一)回の\S{0,6}に|한 번\S{0,8}에|"
    # another step's time beside the retrieval target: "the LLM call takes 3 seconds anyway", "生成要3秒"
    r"\b(?:llm|gpt\w*|generation|generating|the model's answer|reranking|the reranker|page load)\b"
    r"(?:[\s\-](?:call|step|part|itself|response|answer|aufruf|appel|llamada|chiamata))?\s+(?:already\s+|alone\s+|itself\s+)?"
    r"(?:takes|needs|is at|runs|dauert|braucht|prend|tarda|tarde|ci mette|impiega|leva|duurt|trwa|tar|sürüyor|"
    r"занимает)\b|"
    r"(?:llm|大模型|模型)(?:调用|生成|回答)\S{0,4}(?:要|需要|就要|得)|生成(?:就)?(?:要|需要)|"
    r"(?:llm|生成)\S{0,6}(?:に|で)\S{0,4}(?:かかる|かかって)|(?:llm|생성)\S{0,6}(?:에|이)\s*\S{0,4}걸")


# The figure a correction replaces, right after the new one: "400k/month not 200k", "60 statt 40"
_REPLACES = re.compile(r"(?:\s*(?:[a-z]+|/\s*\w+)){0,2}?,?\s*(?:not|rather than|instead of|nicht|statt|pas|no|non|"
                       r"não|niet|nie|inte|не)\s+~?\d")
# A bound said right before a figure: what the figure is a target for, not what a system does today
_TARGET_BOUND = re.compile(r"(?:\b(?:under|below|less than|within|at most|max(?:imum)?|no more than|unter|"
                           r"höchstens|sous|moins de|en dessous de|por debajo de|menos de|sotto|al di sotto di|"
                           r"abaixo de|ниже|меньше|менее|не более|poniżej|onder|altında|under|dưới|di bawah)|<|≤)"
                           r"\s*(?:the |i |le |la |de |los |las |os |as )?~?\s*$")


_OWN_TEAM = re.compile(r"(?:\bwe'?re|\bwe are|\bi'?m|\bi am|\bour|\bmy|\bi work (?:in|on|for))\s+(?:\w+\s+){0,2}$")


def _others(text: str) -> list[re.Match[str]]:
    """The words of ``text`` naming another party ("the ML team next door"; not "we're the platform team")."""
    return [m for m in _OTHER.finditer(text)
            if not re.search(r"team|group|department|dept|\borg\b", m.group()) or not _OWN_TEAM.search(
                text[max(0, m.start() - 30):m.start()])]  # "we're a small research group": the user's own (s8-a)


# A part named after the whole: "but only", "of which", "davon", "其中", "うち"
_SUBSET = re.compile(r"\b(?:but only|of which|davon|de los cuales|di cui|dos quais|"
                     r"из них|z czego|z tego|waarvan|bunların|but we'?d only index|ma solo|mais seulement|aber nur|"
                     r"pero solo|mas só|но только|ale tylko|maar alleen)\b|其中|うち|그중|그 중")
_RELATIVE = re.compile(r"\b(?:that|which|who|die|der|das|qui|que|che|который|которую|które|który)\b")
_REPORTED = re.compile(r"\s*(?:that|que|dass|che|że|dat|ki|что|чтобы)\b")


def _clause(text: str, n: Number) -> str:
    """The clause of figure ``n``: from the boundary before it to the one after it."""
    left = max((m.end() for m in _BOUNDARY.finditer(text, 0, n.start)), default=0)
    right = next((m.start() for m in _BOUNDARY.finditer(text, n.end)), len(text))
    return text[left:right]


def _sentence(text: str, n: Number) -> str:
    left = max((m.end() for m in re.finditer(r"[.!?。！？\n](?=\s|$)|[。！？]", text[:n.start])), default=0)
    right = next((m.end() for m in re.finditer(r"[.!?。！？\n](?=\s|$)|[。！？]", text[n.end:])), len(text) - n.end)
    return text[left:n.end + right]


# "from 800k to 1.1M", "von 800.000 auf 1,1 Mio.", "de 800 000 à 1,1 million", "从80万涨到110万": where growth starts
_FROM_BEFORE = re.compile(r"(?:\bfrom|\bvon|\bde|\bda|\bvan|\bz|\bс|从|由)\s*(?:~|about|around|roughly|approx\w*\.?|"
                          r"rund|etwa|environ|unos|circa|cerca de|ongeveer|大约|约)?\s*$")
_TO_AFTER = re.compile(r"^\s*(?:[a-z\u00c0-\u024f]+\s+){0,2}?(?:to|auf|à|a|para|naar|do|до|到|涨到|增长到|增加到)\s*"
                       r"(?:~|about|around|roughly|maybe|perhaps|etwa|environ|unos|circa|ongeveer|大约|约)?\s*\d")


def figure_kinds(text: str, n: Number) -> set[str]:
    """What the clause of figure ``n`` of ``text`` (normalised) says it is: past, future, current, other, ..."""
    return _kinds(text, n)


# s14-b: more things counted on a condition ("if we add the logs", "ログも入れるなら", "要是把日志也算上", "로그까지
# 넣으면"): the count of a wider scope, not a figure of the future
_SCOPE_ADDED = re.compile(r"\bif (?:we|you) (?:add|include|count|pull in|throw in|also)\b|"
                          r"(?:も|まで)(?:入れる|含める|含む|足す|加える)(?:なら|と|んだったら|たら)|"
                          r"(?:要是|如果)[^,，。]{0,12}(?:算上|加上|算进|算進|包括)|까지 (?:넣으면|포함하면|합치면)")


def _kinds(text: str, n: Number) -> set[str]:
    """What the figure's clause (or, for a hypothesis, its sentence) says it is."""
    clause = _clause(text, n)
    if _REPORTED.match(clause):  # "the competitor says that they have 50M": the clause before says whose
        start = text.find(clause, max(0, n.start - len(clause) - 1))
        clause = _clause(text, Number(max(0, start - 2), max(0, start - 2), 0.0)) + clause
    kinds = {kind for kind, rx in (("past", _PAST), ("future", _FUTURE), ("current", _CURRENT)) if rx.search(clause)}
    if "future" in kinds and _FROM_BEFORE.search(text[max(0, n.start - 14):n.start]) and _TO_AFTER.match(
            text[n.end:n.end + 30]):
        kinds.discard("future")  # "growing from 800k to 1.1M by next year": the figure it grows from is today's
    if "future" in kinds and _SCOPE_ADDED.search(clause):
        kinds.discard("future")  # s14-b: "ログも入れるなら数十万件になるかも": more in scope, not a later day (asked)
    if kinds & {"future", "current"} and _REPLACES.match(text, n.end):
        kinds -= {"future", "current"}  # "traffic will be ~400k/month not 200k": the new figure of a correction
    if "current" in kinds and _TARGET_BOUND.search(text[max(0, n.start - 16):n.start]):
        kinds.discard("current")  # "product wants p95 under 150ms now": a bound is the target, whenever it was set
    if _others(clause):
        kinds.add("other")
    if "past" in kinds and _SINCE.search(clause) and not grown_since(clause):
        kinds.discard("past")  # "去年合并之后是2.1万份", "since the merger last year": the value now
    sentence = _sentence(text, n)
    hypothesis = _HYPOTHESIS.search(sentence)
    if hypothesis and not _share_assumed(sentence, hypothesis, text[n.start:n.end]):
        kinds.add("hypothesis")
    start = max((m.end() for m in _OWN_PART_END.finditer(text[:n.start])), default=0)
    before = list(_ELSEWHERE.finditer(text, start, n.start))
    if (before and not _THIS_ONE.search(text, before[-1].end(), n.start)) or (
            _POT_AFTER.match(text, n.end) and _SLICE_UNSAID.search(text) and not share_word(text, anywhere=True)
            and not _PERCENT_SHARE.search(text)):
        kinds.add("elsewhere")  # s17-c: "Our last project ... had a $200k budget", "$50k a year for all IT tooling"
    if re.fullmatch(r"(?:19|20)\d\d", text[n.start:n.end].strip()):
        kinds.add("year")  # "2022 waren es noch 2 Mio.": the year itself is no figure of the profile
    return kinds


def _share_assumed(sentence: str, hypothesis: re.Match[str], figure: str) -> bool:
    """Whether the supposition is a share of a figure said outside it, not a figure of its own.

    "100 000 tickets par mois, on suppose que la moitié passera par la recherche" (glossed "half of them"),
    "..., yarısının ... geçeceğini varsayalım".
    """
    window = sentence[max(0, hypothesis.start() - 70):hypothesis.end() + 40]
    return figure not in sentence[hypothesis.start():] and bool(share_word(window, anywhere=True)
                                                                or _PERCENT_SHARE.search(window))


_PERCENT_SHARE = re.compile(r"(?<![\d.])\d{1,2}(?:\.\d)?\s*%")


# The end of the part of a sentence before a figure: a stop, a semicolon, a contrast
_OWN_PART_END = re.compile(r"[.!?。！？;；\n](?=\s|$)|[。！？；]|\s(?:but|however|pero|mais|aber|mas)\s")
# s17-c: a sum that is another project's, a pot for everything or a quote for another thing, said before the figure in
# its sentence ("Our last project, the CRM migration, had a $200k budget", "Notre dernier appel d'offres portait sur
# 150 k€", "前のプロジェクトは予算500万円", "Das Budget für das gesamte Digitalisierungsprojekt liegt bei 400.000 €",
# "Un proveedor nos cotizó 3.000 USD", "阿里云给报了个价，GPU实例一个月8000块", "ofereceu servidores a R$ 4.000 ...
# para o ERP"): not this system's budget
_ELSEWHERE = re.compile(
    r"\b(?:last|previous|prior|former|other) (?:project|tender|rfp|initiative|programme|program)\b|"
    r"\banother (?:project|tender|initiative)\b|\b(?:the )?(?:whole|entire|overall) (?:project|programme|program|"
    r"transformation|it budget|digitali[sz]ation)\b|"
    r"\bdernier (?:appel d'offres|projet)\b|\bautre projet\b|\bprojet précédent\b|\b(?:l'ensemble|tout) du projet\b|"
    r"\b(?:otro|último) proyecto\b|\bproyecto anterior\b|\btodo el proyecto\b|"
    r"\b(?:outro|último) projeto\b|\bprojeto anterior\b|\bprojeto (?:todo|inteiro)\b|"
    r"\b(?:anderes|letztes|vorheriges|voriges) projekt\b|\bgesamte\w* (?:\w+)?projekt\w*|\bgesamtbudget\b|"
    r"\b(?:progetto precedente|altro progetto|ultimo progetto|intero progetto)\b|"
    r"\b(?:quoted|cotiz[oó]\w*|cotou|ofereceu|nos ofreci[oó]|a propos[ée]|ha proposto|offered us)\b|"
    r"前の(?:プロジェクト|案件)|前回の(?:プロジェクト|案件)|別の(?:プロジェクト|案件)|見積|"
    r"上一个项目|之前的项目|以前的项目|别的项目|其他项目|整个项目|报了?个?价|报价|報價|"
    r"이전 프로젝트|지난 프로젝트|다른 프로젝트|견적")
# ... unless this system is named between ("for this one", "pour ce projet-ci", "今回", "this project")
_THIS_ONE = re.compile(r"\bthis (?:one|project|system|tool|time)\b|\bce projet\b|\beste proyecto\b|\beste projeto\b|"
                       r"\bdiese[sm]? projekt\b|\bquesto progetto\b|今回|这次|这个项目|이번")
# a pot for all the tooling, said after the figure, of which this gets a part not said ("$50k a year for all IT tooling
# combined; this would have to be a small slice of that"; not "$500 a month for all of it", nor "a sixth of it")
_SLICE_UNSAID = re.compile(r"\b(?:slice|fraction|portion|sliver|piece|part) of (?:that|it|this)\b|"
                           r"\b(?:un|une) (?:petite )?partie\b|\buna (?:pequeña )?parte\b|\bein (?:kleiner )?teil\b")
_POT_AFTER = re.compile(r"[^.;!?。]{0,30}?\b(?:for (?:all|everything)|combined|across (?:all|the whole)|"
                        r"für (?:alle|alles)|pour (?:tout|tous|l'ensemble)|para (?:todo|todas?|tudo))\b")


def _applies(kinds: set[str], name: str) -> set[str]:
    """The kinds that make a figure not the user's own value of field ``name``."""
    own = {"other", "past", "future", "hypothesis"} | ({"whole"} if name == "corpus_docs" else set()) | (
        {"elsewhere"} if name == "budget_usd_month" else set())
    if name == "latency_p95_ms":
        own = {"other", "past", "hypothesis", "current"}
    return kinds & own


def _blank(text: str, numbers: list[Number]) -> str:
    for n in numbers:
        text = text[:n.start] + " " * (n.end - n.start) + text[n.end:]
    return text


def own_figures(u: Understanding, message: str, asked: str | None) -> str:
    """Put the user's own figure in ``u`` where another one was read (changes ``u`` in place).

    Args:
        u: the reader's understanding of ``message``.
        message: what the user typed.
        asked: the field the interviewer asked about last.

    Returns:
        The message the rest of the guard reads: ``message`` itself, or its normalised text with the figures that are
        not the user's own blanked.
    """
    low = P.normalise(message[: P.MAX_CHARS]) if isinstance(message, str) else ""
    numbers = find_numbers(low, 12)
    _products_apart(u, low, numbers)
    if not numbers:
        _others_words(u, low, asked)
        return message
    _others_words(u, low, asked)
    _total_said(u, low, asked, numbers)
    if isinstance(u.updates.get("queries_per_month"), int | float) and u.updates["queries_per_month"] < 2 and \
            "queries_per_month" not in u.confirmed and _PER_QUERY_TIME.search(low):
        del u.updates["queries_per_month"]  # "一次检索要 200ms": one search's time, not one search a month
    kinds = [(n, _kinds(low, n)) for n in numbers]
    for m in _SUBSET.finditer(low):  # "1.2M docs in iManage, but only ~180k we'd index": the earlier one is the whole
        later = [n for n in numbers if m.end() <= n.start <= m.end() + 16]
        sentence = _sentence(low, later[0]) if later else ""
        people = bool(later) and bool(P.USERS.match(low[later[0].end:later[0].end + 40]))
        for n, k in kinds:  # (s16-a: "行員2,000名（うち本部300名…）": people, the whole of those people only)
            if later and n.end <= m.start() and low[n.start:n.end] in sentence and \
                    bool(P.USERS.match(low[n.end:n.end + 40])) == people:
                k.add("whole")
    if not any(k for _, k in kinds):
        return message
    base: dict[str, Any] | None = None
    blanked: list[Number] = []
    kinds_of = {id(n): k for n, k in kinds}
    for name in _FIELDS:
        if name in u.confirmed:
            continue
        foreign = [n for n, k in kinds if _applies(k, name)]
        if not foreign:
            continue
        base = base if base is not None else extract_fields(low, asked).updates
        if u.updates.get(name) != base.get(name):
            continue  # the value came from elsewhere (a correction, a confirmation): not this step's to judge
        without = extract_fields(_blank(low, foreign), asked).updates.get(name)
        if without is None and name == "latency_p95_ms" and asked == name:
            without = _bound_figure(_blank(low, foreign))  # "seeing ~900ms today, want it under 300"
        elif without is None and asked == name and len(foreign) == 1 and _applies(
                kinds_of[id(foreign[0])], name) <= {"past"}:
            without = _said_now(low, foreign[0], base.get(name), kinds)
        if without is None and asked in (name, None) and _applies(set().union(*(kinds_of[id(n)] for n in foreign)),
                                                                  name) == {"past"}:
            grown = grown_since(low)  # "~50k searches/month last year and it's roughly doubled since" (s11-b)
            value = base.get(name)
            if grown and isinstance(value, int | float) and not isinstance(value, bool) and name in u.updates:
                u.updates[name] = type(value)(value * grown)
                continue
        if without == base.get(name):
            if name == "latency_p95_ms":  # "the LLM call takes 3 seconds anyway, retrieval under 500 ms": the
                # other step's time is no doubt for the rules after this one
                blanked += [n for n in foreign if n not in blanked and _TIME_AFTER.match(low[n.end:])]
            continue  # those figures do not feed this field
        why = set().union(*(_applies(k, name) for n, k in kinds if n in foreign))
        others = [n for n, k in kinds if n not in foreign and n.value >= 10 and "year" not in k]
        value = base.get(name)
        if without is None and isinstance(value, int | float) and any(abs(n.value - value) <= 0.01 * n.value
                                                                   for n in others):
            continue  # the value is the user's own figure already ("80k today; might grow to half a million")
        if without is not None and (name in u.updates or (u.confirm is None and asked == name)):
            u.updates[name] = without
        elif name in u.updates and (why & {"other", "hypothesis", "elsewhere"} or others or (
                "current" in why and asked != name)):  # (a present figure beside a past one: not read, so asked)
            del u.updates[name]
            u.corrected.discard(name)
        else:
            continue
        blanked += [n for n in foreign if n not in blanked]
    return _blank(low, blanked) if blanked else message


# s17-c: the documents to search named apart from the products the company sells ("we sell about 40 products. The docs
# to search are the product manuals", "tenemos 35 productos en catálogo. Lo que hay que indexar son los manuales de
# usuario, unos 900", "Durchsucht werden sollen die technischen Handbücher"): the products counted are no document
# count (a count said with the documents to search is), and the shop's trade is not the documents' domain
_TO_SEARCH = re.compile(r"\b(?:the )?(?:docs?|documents?|content|files|texts?|material)\s+(?:to (?:search|index)|"
                        r"(?:we|you) (?:want to |need to |'d )?(?:search|index))\s+(?:are|is|will be)\s+|"
                        r"\blo que (?:hay|tenemos) que (?:indexar|buscar) (?:son|es)\s+|"
                        r"\bo que (?:precisa|tem|temos) (?:que|de) (?:ser )?(?:indexar|indexado|buscar) (?:são|é)\s+|"
                        r"\bdurchsucht werden sollen\s+|\bce qu'il faut (?:indexer|chercher),? (?:ce )?sont\s+|"
                        r"要(?:检索|搜索|索引)的是|検索対象は")
_PRODUCTS_AFTER = re.compile(r"\s*(?:[a-zà-ÿ]+\s+)?(?:products|productos|produits|produkte|produtos|prodotti|skus?)\b|"
                             r"\s*(?:个|款|種|种)?(?:产品|商品|製品)")


def _products_apart(u: Understanding, low: str, numbers: list[Number]) -> None:
    named = _TO_SEARCH.search(low)
    if named is None or re.search(r"\b(?:products|productos|produits|produkte|produtos|prodotti|skus?)\b|商品",
                                  re.split(r"[,.;!?。，]", low[named.end():])[0]):
        return  # ("the docs to search are the products themselves")
    products = [n for n in numbers if _PRODUCTS_AFTER.match(low[n.end:n.end + 20]) and n.end <= named.start()]
    if len(products) != 1 or u.updates.get("corpus_docs") != int(products[0].value) or "corpus_docs" in u.confirmed:
        return
    end = next((m.start() for m in re.finditer(r"[.!?。](?:\s|$)", low[named.end():])), len(low) - named.end())
    said = [n for n in numbers if named.end() <= n.start < named.end() + end and n.value >= 2]
    if len(said) == 1:
        u.updates["corpus_docs"] = int(said[0].value)  # "..., unos 900": the documents to search, counted
    else:
        del u.updates["corpus_docs"]
    if u.updates.get("domain") == "ecommerce" and "domain" not in u.confirmed:
        own = extract_fields(low[named.start():named.end() + end], None).updates.get("domain")
        if own and own != "ecommerce":
            u.updates["domain"] = own  # the documents searched name it ("the product manuals": support)
        else:
            del u.updates["domain"]  # the shop's catalogue beside the manuals searched: no shop documents


def _said_now(low: str, old: Number, value: Any, kinds: list[tuple[Number, set[str]]]) -> float | None:
    """The figure said for now beside a past one, in the past one's unit and period (s11-b).

    "l'an dernier 20 000 requêtes par mois, aujourd'hui plutôt 35 000", "we spent 2k last month overall, for
    embeddings I'd cap it at 250": one bare figure left, in a clause of now or after a bound, within twenty times the
    past one; its value is the past reading scaled by the ratio of the two figures.
    """
    if not isinstance(value, int | float) or isinstance(value, bool) or old.value <= 0:
        return None
    bare = [n for n, k in kinds if n is not old and n.value >= 2 and not k - {"current"} and not re.match(
        r"\s*(?:(?!(?:now|today|currently|these days|or so)\b)[^\W\d_]|%)", low[n.end:])
        and (k or _NOW_BOUND.search(low[max(0, n.start - 24):n.start]))]
    if len(bare) != 1 or not 1 / 20 <= bare[0].value / old.value <= 20:
        return None
    scaled = value * bare[0].value / old.value
    return float(scaled) if isinstance(value, float) else int(round(scaled))


# A bound on a figure for now: "cap it at 250", "up to 300", "no more than 1k"
_NOW_BOUND = re.compile(r"\b(?:cap(?:ped)?(?: it| that| them)? at|limit(?: it)? (?:to|at)|up to|at most|max(?:imum)?|"
                        r"no more than|bis zu|höchstens|jusqu'à|au maximum|hasta|como máximo|fino a|al massimo|até|"
                        r"no máximo|до|не более)\s*(?:~|about|around|roughly)?\s*$")


def _bound_figure(low: str) -> float | None:
    """The one bare figure after a bound ("want it under 300") in ``low``, as milliseconds; None when not one."""
    bound = [n for n in find_numbers(low) if n.value >= 20 and _TARGET_BOUND.search(low[max(0, n.start - 16):n.start])
             and not re.match(r"\s*(?!(?:now|today|then|please)\b)[^\W\d_]", low[n.end:])]
    return float(bound[0].value) if len(bound) == 1 else None


# Another party's machine the user may use ("lets us use", "lends us", "nos lo prestan", "we can use their ...")
_LENT = re.compile(r"\b(?:lets? us use|allows? us to use|lends? us|lent us|gives? us access|gave us access|share[sd]? "
                   r"(?:it |them )?with us|we (?:can|may|get to|are allowed to) use|nos (?:lo |la |los |las )?prest\w+|"
                   r"nos dejan usar|podemos usar|uns (?:leihen|überlassen)|dürfen wir (?:\w+ )?(?:mit)?nutzen|"
                   r"on peut utiliser|nous (?:la |le |les )?prête\w*|ci (?:la |lo |le )?prestano|possiamo usare|"
                   r"podemos usar|mogą nam użyczyć|wolno nam korzystać)\b")
_LENT_NOT = re.compile(r"\b(?:not|n't|never|nicht|kein\w*|pas|no|não|nie|inte|niet|не|nunca|mai)\b|n't")


def _lent(low: str) -> bool:
    """The message says the user may use another party's machine (and not that they may not)."""
    for m in _LENT.finditer(low):
        start = max((b.end() for b in _BOUNDARY.finditer(low, 0, m.start())), default=0)
        if not _LENT_NOT.search(low[start:m.end()]):
            return True
    return False


# A team of the user's organisation that asks for the project is who will use it (s8-c): "the platform team wants code
# search", "our support team needs a bot over the help center"
_TEAM_WANTS = re.compile(r"\bteams?\s+(?:\w+\s+){0,2}?(?:wants?|needs?|would like|asked (?:us )?for|is asking for|"
                         r"is looking (?:for|at)|wants to build)\b")


def _others_words(u: Understanding, low: str, asked: str | None) -> None:
    """A domain or a card read from another party's clause: the message read without it says the user's own, or nothing.

    ("the data science team has a DGX with A100s, CPU only for us", "竞品号称索引了5000万条商品")
    """
    names = [n for n in ("domain", "hardware") if n in u.updates and n not in u.confirmed and not (
        n == "hardware" and _lent(low))]  # "the research group lets us use their server with an A6000": ours to use
    if not names or not _others(low):
        return
    spans = []
    for m in _others(low):
        start = max((b.end() for b in _BOUNDARY.finditer(low, 0, m.start())), default=0)
        relative = [r.start() for r in _RELATIVE.finditer(low, start, m.start())]
        start = relative[-1] if relative else start  # "an on-prem DGX with 8x H100 that the ML team also uses"
        end = next((b.start() for b in _BOUNDARY.finditer(low, m.end())), len(low))
        spans.append((start, end))
    blanked = low
    for start, end in spans:
        blanked = blanked[:start] + " " * (end - start) + blanked[end:]
    base, without = extract_fields(low, asked).updates, extract_fields(blanked, asked).updates
    for name in names:
        if u.updates[name] != base.get(name) or without.get(name) == base.get(name):
            continue
        if name == "domain" and _TEAM_WANTS.search(low):
            continue  # "we're a bank, and the platform team wants code search": the team asks for the project
        if without.get(name) is not None:
            u.updates[name] = without[name]
        else:
            del u.updates[name]


# "每天加起来1万次", "about 20k a day in total": the rate is everyone's together, not each person's
_TOTAL = re.compile(r"\b(?:in total|altogether|combined|all together|between them|insgesamt|zusammen|au total|en tout|"
                    r"en total|in totale|complessivamente|no total|ao todo|всего|в сумме|łącznie|w sumie|in totaal|"
                    r"samen|toplam(?:da)?|kul mila(?:kar|ke))\b|"
                    r"加起来|一共|总共|合计|全部加|合計|全部で|합쳐서|모두 합쳐")
_PEOPLE = re.compile(r"^\s*(?:人|名|명|位)|^\s*(?:users|people|employees|staff|persons|colleagues|"
                     r"mitarbeiter\w*|personnes|employés|personas|empleados|persone|dipendenti|pessoas|funcionários|"
                     r"человек|сотрудник\w*|osób|pracownik\w*|mensen|medewerkers|kişi|çalışan\w*|log)\b")


_TIME_AFTER = re.compile(r"\s*(?:ms|milli\w*|毫秒|ミリ秒|밀리초|мс|s|secs?|seconds?|秒|초|sekund\w*|segund\w*|"
                         r"second\w*|secondi|saniye|секунд\w*)(?![a-z])")
_PER_QUERY_TIME = re.compile(r"\d\s*(?:ms|milli\w*|毫秒|ミリ秒|밀리초|мс|s|sec\w*|秒|초)(?![a-z])")


def _total_said(u: Understanding, low: str, asked: str | None, numbers: list[Number]) -> None:
    """A daily total said as everyone's together is not multiplied by the number of people again."""
    value = u.updates.get("queries_per_month")
    if not isinstance(value, int | float) or "queries_per_month" in u.confirmed or not _TOTAL.search(low):
        return
    people = [n for n in numbers if _PEOPLE.match(low[n.end:n.end + 20]) and n.value >= 2]
    if len(people) != 1:
        return
    base = extract_fields(low, asked).updates.get("queries_per_month")
    without = extract_fields(_blank(low, people), asked).updates.get("queries_per_month")
    if base == value and isinstance(without, int | float) and without * 1.5 < value:
        u.updates["queries_per_month"] = without
