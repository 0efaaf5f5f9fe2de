"""Which domain a message states, and where in the message it may be read from.

The domain's words (``agent.understanding_patterns.DOMAINS``) also describe documents, people and departments in
messages about something else: "contracts are long, 25-40 pages" answers the length question, "600 clinicians, 15
lookups each" the query rate, "finance hasn't decided" the budget. The rule, the same in every language:

- after a question about the domain, or in a message that answers no other question (an opener: "We run a support
  chatbot over help-center articles"), every domain word counts;
- after a question about another field, and in a correction of a figure ("corrigindo: são 250 mil produtos"), a
  domain is taken only from the message's *self-description*: who the user is or what the project is ("we're a law
  firm", "Wir sind eine Landesbehörde", "我们是一家医院", "弊社は…メーカーで", "for our support team", "search over
  contracts", "the code itself is mostly Go"), or from what the documents are when the question was not about their
  count or length ("English only, they're mostly product pages"; not "it's all open source anyway");
- the people who use the system ("lawyers", "clinicians", "journalists") name the domain after the domain question,
  in a self-description ("we're a team of lawyers") and as the organisation's own staff ("our 40 lawyers", "we have
  800 nurses"), never when they are only counted for a rate ("600 clinicians, 15 lookups each");
- people or a department who decide something ("our lawyers said ...", "the auditors require ...", "from the finance
  team") are not the users: they name no domain.
- the organisation the user describes (``agent.understanding_organisations``: "Pensionskasse", "小律所", "rede de
  farmácias") is preferred over its documents' domain ("fintech, compliance team ... regulations" is finance), except an
  organisation the user serves ("客户主要是银行"); an organisation's word names no domain in a message about the licence
  ("thesis project at my university, nothing commercial"), beside a rate ("two call centres, 20 lookups a shift") or,
  after another question, outside a sentence saying who the user is; a negation that only reaches a word of a domain
  said plainly beside it ("patient data can't leave the hospital network") is no correction of the domain.
- the documents of a function every organisation has (its helpdesk, its code, its HR handbook) decide over the
  organisation's domain when that names no document ("an insurer's IT helpdesk tickets" is support, "a bank's
  monorepo" code, "a retailer's employee handbook" general), and so do the documents after a contrast ("we're a
  hospital group, but this one is for the finance department: invoices ..."); a sector none of the domains lists,
  given as the answer to the domain question ("Maschinenbau", "製造業です"), is general (s8-c).
- a legal department's documents are legal whatever the organisation ("Dział prawny ubezpieczyciela, umowy i OWU"),
  and a chatbot or service desk for a bank's or a shop's customers or members is support ("a credit union's chatbot
  for members' questions", "webshop: klantenservicebot op FAQ"), the writers' convention (s9-g).

Measured on every message set with ``bench/interview_accuracy.py`` (dev7a holds the classes, in 14 languages).
"""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_organisations as O
from agent import understanding_patterns as P
from agent import understanding_structure as S

# Who the user is or what the project is, in every language of the lexicon (on the glossed, lower-case text). The
# self-description runs from the cue to the end of its sentence.
SELF_DESCRIPTION = re.compile(
    # English
    r"\bwe(?:'re| are)\s+(?:a|an|in|building|developing|making|creating|running|setting up)\b|"
    r"\bwe work (?:at|for|in)\b|"
    r"\bwe\s+(?:run|operate|build|develop|make|sell|provide|offer|"
    r"want to (?:build|make|create|set up|add|index|search)|"
    r"plan to (?:build|make)|need to build|have built|built)\b|"
    r"\bi(?:'m| am)\s+(?:a|an|building|developing|making|working on|setting up)\b|"
    r"\bi\s+(?:run|build|work (?:at|for|in|on))\b|"
    r"\b(?:our|my)\s+(?:company|firm|business|startup|organi[sz]ation|org|agency|practice|studio|institute|lab)\b|"
    r"\b(?:it'?s|it is|this is) for (?:a|an|our|the)\b|"
    r"\bthe (?:project|product|tool|system|app|use[\s\-]?case|goal|idea) is\s+(?:a|an|for|about|over|to)\b|"
    r"\b(?:search|rag|retrieval|chatbot|bot|assistant|q&a|qa|semantic search)\s+over\b|"
    r"\bfor (?:a|an|our|my) (?:[\w\-]+ ){0,2}(?:firm|company|bank|hospital|clinic|shop|store|team|department|insurer|"
    r"agency|startup|studio|university|practice|client)\b|"
    r"\bthe (?:code|corpus|collection|documents?|docs|data|content|archive|repos?|files)\s+(?:itself\s+|themselves\s+)?"
    r"(?:is|are)\s+(?:mostly|all|entirely|mainly|largely|primarily|basically)\b|"
    # German, French, Spanish, Portuguese, Italian, Dutch, Polish, Swedish, Turkish, Russian
    r"\bwir (?:sind|are|bauen|entwickeln|betreiben)\b|\bich (?:bin|arbeite|baue|entwickle)\b|"
    r"\bunser(?:e|er|en)? (?:firma|unternehmen|kanzlei|startup|praxis|klinik|bank)\b|"
    r"\bnous (?:sommes|construisons|développons|montons)\b|\bon (?:est|construit)\b|"
    r"\bje (?:suis|travaille|construis|développe)\b|"
    r"\bnotre (?:entreprise|société|cabinet|startup|banque|clinique)\b|"
    r"\bsomos\b|\b(?:estamos|queremos) (?:construyendo|creando|desarrollando|montando|construindo|criando|"
    r"desenvolvendo|construir|crear|criar|montar|hacer|fazer)\b|\btrabajo en\b|\btrabalho (?:em|na|no)\b|"
    r"\bnuestr[oa] (?:empresa|firma|startup|despacho|bufete|banco)\b|"
    r"\bnoss[oa] (?:empresa|startup|escritório|banco)\b|"
    r"\bsiamo\b|\b(?:stiamo|vogliamo) (?:costruendo|creando|sviluppando|costruire|creare|fare)\b|"
    r"\b(?:la nostra|il nostro) (?:azienda|società|startup|studio|banca)\b|"
    r"\bw(?:e|ij) (?:zijn|bouwen|ontwikkelen)\b|\bons (?:bedrijf|kantoor)\b|"
    r"\bonze (?:organisatie|startup)\b|"
    r"\bjesteśmy\b|\b(?:budujemy|tworzymy|chcemy zbudować|chcemy stworzyć)\b|"
    r"\bnasz[ae]? (?:firma|kancelaria)\b|"
    r"\bvi (?:är|bygger|utvecklar|vill bygga)\b|\bvårt företag\b|"
    r"\b\w+(?:yız|yiz|yuz|yüz)\b|\bşirketimiz\b|\b(?:geliştiriyoruz|kuruyoruz)\b|"
    r"\bмы\s*[—–\-]?\s*(?:\w+\s+)?(?:компания|банк|фирма|университет|больница|клиника|магазин|стартап|госорган|"
    r"министерство|организация)|\bмы (?:строим|разрабатываем|создаём|создаем)\b|\bнаш[аи]? (?:компания|банк|фирма)\b|"
    # Chinese, Japanese, Korean
    r"我们是|我们(?:在|正在|要|想)?(?:做|开发|搭建|构建)|我司|本公司|我们公司|"
    r"弊社|当社|私たちは|我々は|うちは|うちの会社|(?:を|の)(?:作り|構築し|開発し)(?:たい|ています)|"
    r"저희는|우리는|저희 회사|우리 회사|회사(?:인데|이고|입니다|예요)|(?:만들|구축하)(?:려고|고 있)")
# What the documents are, said beside an answer about something else ("English only, they're mostly product pages",
# "it's legal documents", "ce sont surtout des contrats"); not read after a question about the documents' count or
# length, whose answers name the documents anyway ("they're contracts, roughly 40k of them")
DOCUMENTS_ARE = re.compile(
    r"(?:\bit'?s|\bit is|\bthey'?re|\bthey are|\bthese are|\bthe (?:docs|documents|files|data|corpus|content) "
    r"(?:is|are))\s+(?!(?:(?:all|mostly|mainly|largely|primarily|basically|just|only) )?(?:\d|a lot|a few|about|"
    r"around|roughly|approx|maybe|probably|fine|ok|okay|not|too|pretty|very|quite|long|short|big|small|huge|tiny|"
    r"under|over|up to|less|more|between|in |written|english|french|german|spanish|chinese|japanese|"
    # "it's public on GitHub anyway", "it's all open source": how private the data is, not what it is
    r"public|open|confidential|sensitive|private|internal|proprietary|secret|anonymi|already|published|non|free))"
    r"(?=[a-z])|"
    # s16-b: the documents named as the subject in the other languages ("Los documentos son sentencias judiciales",
    # "les documents sont des contrats", "die Dokumente sind Urteile", "c'est de la doc d'assurance")
    r"\b(?:los|las|les|die|os|as|i|gli|le|de) (?:documents?|documentos|documenti|dokumente|docs?|archivos|fichiers|"
    r"arquivos|textos|textes|texte|testi|files) (?:son|sont|sind|são|sono|zijn)\s+(?:sobre todo |surtout |vor allem |"
    r"principalmente |soprattutto |sobretudo )?|\bc'est (?:surtout |principalement )?(?:de la |du |des )"
    r"(?:doc\w* d[e']\s?)?|"
    r"\b(?:es|das) sind (?:vor allem |haupts[äa]chlich |meist )?|\bce sont (?:surtout |principalement |"
    r"essentiellement )?(?:des )?|\bson (?:sobre todo|principalmente|en su mayor[ií]a) |\bs[ãa]o (?:principalmente|"
    r"sobretudo|na maioria) |\bsono (?:soprattutto|principalmente|per lo più) |"
    r"(?<!用的)(?<!用户)(?<!的人)(?:都|主要|基本上)是|主に|ほとんどが|"  # (not "会用的主要是客服部": the users, s11-c)
    r"주로|대부분")
# A message that opens by correcting an earlier answer ("corrigindo: são 250 mil produtos", "sorry, typo: 8k")
_CORRECTING = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:correction|correcting|corrigindo|corrigiendo|correggo|korrektur|"
                         r"sorry|typo|oops|my (?:bad|mistake)|i meant|i mis(?:spoke|typed)|actually|no wait|wait|"
                         r"scratch that|update)\b|^\W*(?:说错了|搞错了|更正|纠正|不对|訂正|すみません|修正|정정)")
_SENTENCE_END = re.compile(r"[.;!?。！？;\n]")
# People counted for a rate: "600 clinicians", "una ventina di avvocati" (glossed to a number), "dozens of lawyers",
# "几十个律师", "数十人の弁護士" (glossed "36 people の lawyers"), "弁護士50人", "변호사 수십 명"
_COUNTED = re.compile(r"(?:\d[\d,.]*\s*(?:k\b)?|\b(?:dozens?|hundreds?|several|a few|many)\b|[几数][十百千])\s*"
                      r"(?:个|名|位|people\s*の|人の|명의)?\s*(?:of\s+)?(?:[a-z\-]+\s+){0,2}$")
# People or a department who decide or ask something, not who the users are: "our lawyers said we can't send it to
# OpenAI", "the auditors require that data stays in the EU", "Sarah from the finance team"
_GATEKEEPER_AFTER = re.compile(r"^\s*(?:team|department|dept|folks|people|guys|colleagues|office)?\s*(?:will|would|"
                               r"won'?t|say|says|said|told|tell|tells|want|wants|insist|insists|signed|approved|"
                               r"require|requires|required|demand|demands|is going to|are going to|kill|kills|block|"
                               r"blocks|veto|vetoes|vetoed|decide|decides|decided|hasn'?t|haven'?t|ha(?:s|ve) to|"
                               r"sagt|sagen|verlangt|verlangen|disent|dit|exige|exigent|dicen|exigen|dizem|exigem|"
                               r"dicono|richiede|richiedono|"
                               # s7-c: "finance needs to sign off first", "legal must approve it"
                               r"needs?|must|should|signs?|approves?|reviews?)\b")
_GATEKEEPER_TEAM = re.compile(r"^\s*(?:team|department|dept)\b")
_FROM_BEFORE = re.compile(r"\bfrom (?:the |our )?$")
# A department the user talks with or waits for, not who the users are: "still being discussed with finance",
# "approved by legal", "check with compliance"
_WITH_BEFORE = re.compile(r"\b(?:discuss(?:ed|ing)?|check(?:ed|ing)?|talk(?:ed|ing)?|work(?:ed|ing)?|sync(?:ed|ing)?|"
                          r"approved|signed off|blocked|reviewed|"
                          # s7-c: "until I've spoken to finance", "need to ask legal", "run it by finance first"
                          r"speak(?:ing)?|spoken|spoke|ask(?:ed|ing)?|confirm(?:ed|ing)?|consult(?:ed|ing)?|"
                          r"run (?:it|this|that) (?:past|by)|clear(?:ed)? (?:it|this|that)|hear(?:d)? back|"
                          r"get back|double[\s\-]?check(?:ed|ing)?) (?:with |by |to |from )?(?:the |our )?$")
# ... unless they are the organisation's own staff: "our 40 lawyers", "we have 800 nurses", "nos 25 juristes",
# "tenemos 120 abogados", "我们有200个律师": that describes who the user is
_OWN_STAFF = re.compile(r"\b(?:our|we have|we've got|we employ|unser\w*|wir haben|nos|nous avons|on a|nuestr[oa]s|"
                        r"tenemos|noss[oa]s|temos|i nostri|le nostre|abbiamo|onze|wij hebben|we hebben|våra|vi har|"
                        r"nasi|mamy|наши|у нас)\b|我们(?:有|的)|我司|弊社の|当社の|うちの|저희|우리")
_COUNTED_AFTER = re.compile(r"^\s*(?:\d[\d,.]*|[几数][十百千]|수십|수백)\s*(?:people|人|名|명|位)")


_TEAM_PEOPLE = re.compile(r"\s*(?:people|persons|personas|personnes|leute|persone|pessoas|mensen|osób|personer|человек|"
                          r"kişi)\b(?!\s+(?:at|in|from) (?:a|an|the)\b)")


def _self_described(text: str, asked: str | None = None, who: bool = False) -> list[tuple[int, int]]:
    """The spans of ``text`` that describe the user or the project (from the cue to the end of its sentence).

    With ``who``, only the spans that say who the user is, not what the documents are.
    """
    spans = []
    for m in SELF_DESCRIPTION.finditer(text):  # the sentence the cue is in (Japanese and Korean put it last)
        count = re.match(r"\s*(?:about|around|~|unos|unas|circa|etwa|environ|cerca de)?\s*\d+", text[m.end():])
        if count and (P.TEAM_AFTER.match(text[m.end() + count.end():]) or _TEAM_PEOPLE.match(
                text[m.end() + count.end():])):
            continue  # "somos 15 en el equipo y llevamos 6.000 contratos": the team's size describes no trade (s11-b)
        end = _SENTENCE_END.search(text, m.end())
        start = max((text.rfind(c, 0, m.start()) for c in ".;!?。！？\n"), default=-1) + 1
        spans.append((start, end.start() if end else len(text)))
    if asked not in ("corpus_docs", "doc_length_tokens") and not who:
        for m in DOCUMENTS_ARE.finditer(text):  # what follows "it's", up to the end of its clause
            end = re.compile(r"[,;.!?。，、！？\n]").search(text, m.end())
            spans.append((m.start(), end.start() if end else len(text)))
    return spans


# The trade's own documents ("c'est de la doc d'assurance", "documentos de seguros"): what the documents are (s16-b)
_OF_THE_TRADE = re.compile(r"(?:\bd'|\bde |\bdi |\bdo |\bda |\bdes |\bdel )\s?$")


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


# A message about the licence ("thesis project at my university, nothing commercial", "这是高校的科研项目，不涉及商用",
# "somos universidad pública, uso académico sin fines de lucro", "我们是政府单位，不做商用"): the organisation is the
# reason for the licence, not an answer about the domain
# (a licence's word, not a trade's: "commerce en ligne", "e-commerce", "commercio elettronico" name a shop, s12-a)
_LICENCE_TALK = re.compile(r"commerci(?:al|aux|ale|ali|alment|alis|ell)|licen[cs]|lizenz|\bnon-?profit|商用|商业|"
                           r"営利|상업|상용|comercial|kommers|ticari|коммерч|lucro|lucratif|gemeinnütz|非营利|非盈利")


# The organisations the user serves, not the user's own: "客户主要是银行和运营商", "our customers are mostly banks"
_CLIENTS_BEFORE = re.compile(r"(?:\bcustomers?|\bclients?|\bkunden?|\bclientes?|\bclient[ei]|\bklant(?:en)?|"
                             r"\bklient\w*|\bkunder|müşteri\w*|клиент\w*|\bsell\w* to|\bserv(?:e|es|ing)|"
                             r"\bfor other)\W*"
                             r"(?:\w+\W+){0,3}$|(?:客户|顾客|服务于|面向|顧客|取引先|고객)[^，,。.;、]{0,6}$")


# The client named as the subject of its trade ("our client is an insurer", "Unser Kunde ist eine Versicherung", "Наш
# клиент — страховая компания", "客户是一家银行", "クライアントは製薬会社", "고객사는 병원"), s10-c
_CLIENT_IS = re.compile(
    r"\b(?:our|my|the|unser\w*|notre|nuestro|nosso|o nosso|il nostro|onze|nasz\w*|наш\w*)\s+(?:biggest |main |largest |"
    r"größter |principal |grootste )?(?:customer|client|kunde|cliente|klant|klient|клиент)\w*\s*(?:is|ist|est|es|é|è|"
    r"jest|—|-|:)\s*(?:an?|eine?|un[ae]?|uma?|een)?\s*(?:\w+\s+)?$|(?:客户|顾客|客戶)是(?:一家)?[^，,。]{0,4}$|"
    r"クライアントは[^、。]{0,4}$|고객사는\s*$")


# s16-c (dev18b): a trade named only as the customers of the user's product: said after it ("vet clinics - not vets
# ourselves, our customers are", "医院是我们的客户", "About 2,300 clinics use the product") or as what a product is
# for ("a SaaS for vet clinics", "Software für Arztpraxen")
_CLIENTS_AFTER = re.compile(
    r"^[^.;!?。！？]{0,30}?(?:\b(?:our|their) (?:customers|clients|users) are\b|(?:是|为)我们的客户|sind unsere kunden|"
    r"son nuestros clientes|sont nos clients|são (?:os )?nossos clientes|sono i nostri clienti)|"
    r"^\s*(?:\w+\s+){0,2}?(?:use|uses|using|run on|licen[cs]e) (?:our|the) "
    r"(?:product|software|platform|app|system|tool)s?\b")
_PRODUCT_FOR = re.compile(r"\b(?:saas|software|platform|app|product|solution|system)s? (?:for|für|pour|para|per)\s+"
                          r"(?:\w+\s+){0,2}$")


# A catalogue that is no shop's: a library's, a museum's, an archive's, a course catalogue
_NO_SHOP = re.compile(r"\blibrar(?:y|ies)\b|\bmuseums?\b|\barchives?\b|\bcourse catalog|\bcourses\b|"
                      r"\buniversit(?:y|ies)\b|"
                      r"\bgaller(?:y|ies)\b|\bholdings\b|\bcardholders\b|\bborrowers\b")


def _organisation_only(m: re.Match[str], text: str) -> bool:
    """Whether ``m`` (a domain's word) is an organisation's word only, not also a document's."""
    return not P.DOMAIN_RES[m.lastgroup or ""].match(text, m.start())


# The functions every organisation has, whatever its trade: its code and engineering, its helpdesk, its HR. Their
# documents name the domain over the organisation's ("an insurer's IT helpdesk tickets" is support, "a bank's
# monorepo" code, "a retailer's employee handbook" general) when the organisation's domain names no document itself
# (not "a bank's credit policies and support tickets").
_FUNCTION_DOMAINS = ("code",)
# ... and its IT helpdesk (a bank's or an insurer's customer service is accepted as its own domain or as support by the
# blind writers, its IT helpdesk is support)
_IT_SUPPORT = re.compile(r"(?<![a-z])it[\s\-]?(?:help[\s\-]?desk|service[\s\-]?desk|support|tickets?|服务台|"
                         r"ヘルプデスク|헬프데스크)|\binternal (?:it )?help[\s\-]?desk\b|\bit (?:department|team)'?s? "
                         r"(?:tickets|helpdesk)\b")
_HR_DOCUMENTS = re.compile(r"\bemployee handbooks?\b|\bstaff handbooks?\b|\bhr (?:assistant|chatbot|bot|helpdesk|"
                           r"questions|handbook)\b|\bbenefits (?:guides?|docs|documents|handbook)\b|\bpto polic\w+|"
                           r"\bleave polic\w+")
# ... or, after a contrast, any HR documents ("groupe hospitalier, mais le projet concerne les ressources humaines")
_HR_WORDS = re.compile(rf"{_HR_DOCUMENTS.pattern}|\bhr (?:polic\w+|documents|docs|notes|guides?)\b|\bhuman resources\b|"
                       # s17-c: the administration's own rules in every language ("recursos humanos", "RH",
                       # "Personalabteilung", "规章制度和报销", "行政用", "就業規則", "社内規程", "인사 규정")
                       r"\brecursos humanos\b|\brrhh\b|\bressources humaines\b|\brh\b|\bpersonal(?:abteilung|wesen)\b|"
                       r"\brisorse umane\b|人事|人力资源|人力資源|行政用|规章制度|規章制度|报销|報銷|员工手册|"
                       r"員工手冊|就業規則|"
                       r"社内規程|社内規定|経費精算|인사\s*규정|취업\s*규칙")
# "We're an insurer, but this project is for our IT helpdesk", "groupe hospitalier, mais le projet concerne les RH":
# what follows the contrast is what the project is about
_CONTRAST = re.compile(r"\b(?:but|however|aber|jedoch|mais|pero|sin embargo|porém|però|maar|men|ale|jednak|ama|"
                       r"fakat|ancak|но|однако|lekin|nhưng|tapi|tetapi)\b|\bma\b(?= )|\bmas\b(?= (?:o|a|os|as|é|"
                       r"este|esse|isso|aqui|para) )|但是|不过|可是|但(?=[^，,。]{0,4}(?:这|项目|是|要|做))|ですが|"
                       r"しかし|けど|하지만|지만")


# A sector none of the domains lists, said as the answer to the domain question ("manufacturing", "Maschinenbau",
# "製造業です", "제조업이에요"): general. (Beside another question, or in an opening, a manufacturer names no domain:
# the blind writers split 15 : 11 between general and leaving it unset.)
_SECTOR_ANSWER = re.compile(
    r"\bmanufactur\w*|\bindustr\w*|\bmachine building\b|\bmechanical engineering\b|\bautomotive\b|"
    r"\bmaschinenbau\w*|\bfertigung\b|\bproduktion\b|\bautomobil\w*|\bfabrication\b|\bmanufactura\b|"
    r"\bfabricaci[óo]n\b|\bautomotri\w*|\bindústria\b|\bmanufatura\b|\bautomotiv\w*|\bmanifattur\w*|"
    r"\bmetalmeccanic\w*|\bmaakindustrie\b|\bmachinebouw\b|\bprzemysł\w*|\bprodukcj\w*|\bmotoryzacj\w*|"
    r"\btillverkning\w*|\bsanayi\w*|\bimalat\w*|\büretim\w*|\botomotiv\w*|\bпромышленн\w*|\bпроизводств\w*|"
    r"\bмашиностроени\w*|製造|メーカー|工業|자동차|제조|공장|制造|工业|机械|汽车")


_DATA_RULE = re.compile(r"\b(?:stays?|staying|remains?|leaves?|leaving|kept|keep)\b[^.;]{0,40}\b(?:network|servers?|"
                        r"premises|data ?cent(?:er|re)s?|building|country|cloud|tenant|infrastructure)\b")


def _one_sentence(text: str) -> bool:
    """Whether ``text`` is one sentence.

    ("it's for the ministry, everything stays on the government network": the organisation is the reason for the data
    rule beside it, as for a licence, not a description of the project.)
    """
    return not _SENTENCE_END.search(text.strip().rstrip(".!?。！？"))


# The legal department of an organisation ("Rechtsabteilung einer Bank", "ufficio legale di un'assicurazione",
# "银行的法务部", "divisi hukum sebuah bank"): its documents are contracts and opinions, legal whatever the
# organisation's trade (s9-g)
_LEGAL_DEPARTMENT = re.compile(
    r"\blegal (?:department|dept|team|unit|division|office|service|counsel)\b|^\W*(?:the )?legal (?:de|do|da|of|d'|di|"
    r"del)\b|\b(?:department|dept|service|office|ufficio|dział|divisi|departamento|servi[cç]o|abteilung|afdeling|"
    r"отдел|birim\w*|bölüm\w*)\s+(?:legal[e]?|jur[ií]dic\w*|juridique|prawn\w*|hukum|юридическ\w*)\b|"
    r"\brechtsabteilung\w*|юридическ\w* (?:отдел|департамент|служб)\w*|\bhukuk (?:birim|departman|bölüm)\w*|"
    r"法务部|法務部|법무팀")
# A chatbot or service desk that answers an organisation's customers or members ("a credit union's chatbot for
# members' questions", "Onlineshop ... Support-Bot über FAQ"): support over the bank's or the shop's domain, the
# writers' convention ("a bank's help-center chatbot is support") (s9-g)
_CUSTOMER_SERVICE = re.compile(
    r"chat[\s\-]?bot|чат-?бот|चैटबॉट|チャットボット|챗봇|聊天机器人|\w*bot\b|\bassistant\b|customer (?:support|service|"
    r"care)|客服|問い合わせ|고객센터|\batendimento\b|atenci[óo]n al cliente|klantenservice|obsługi klienta|müşteri|"
    r"service client|kundenservice|kundendienst|\bcs\b|help[\s\-]?(?:desk|cent(?:er|re))")


# A manufacturer's engineering documents are drawings, specifications and test reports, not code
_ENGINEERING_DOCS = re.compile(r"engineering docs")


# The bills every trade keeps (invoices, receipts, purchase orders): beside an organisation of a trade the domains do
# not list ("a logistics company: shipping docs, invoices and SOPs", "a school's fee records"), no finance (s15-a)
_BOOKKEEPING = re.compile(r"invoices?|receipts?|purchase orders?|pos|bills?|billing|fee records?|payslips?|"
                          r"delivery notes?|waybills?|quotes?|quotations?|credit notes?")


def _documents_decide(text: str, specific: dict[str, tuple[int, int]], documents: dict[str, list[int]],
                      organisation_spans: list[tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """The domains ``specific`` keeps when its documents and the user's organisation disagree (see above)."""
    if not organisation_spans or len(specific) < 2:
        return specific
    told = {d: s for d, s in specific.items() if d not in documents}  # named by an organisation's word only
    if told and not any(d in documents for d in told.keys()):
        functions = {d: s for d, s in specific.items() if d in documents and (
            d in _FUNCTION_DOMAINS or (d == "support" and _IT_SUPPORT.search(text)))}
        if functions and not (specific.keys() - told.keys() - functions.keys()):
            return functions
    contrast = _CONTRAST.search(text, organisation_spans[0][1])
    if contrast:
        after = {d: s for d, s in specific.items() if any(p > contrast.start() for p in documents.get(d, []))}
        if after and not any(p < contrast.start() for d in after for p in documents.get(d, [])):
            return after
    return specific


# A support word that names one reference, a tool paid for or a service level, not the documents (s16-c, dev18b): a
# ticket's or a request's number ("Jira ticket is PLAT-4471", "Ticketnummer ... #INC-77812", "問い合わせ番号は
# REQ-2025-0412", "protocolo do chamado é 2025031400087"), a hotline's phone number ("客服热线400-820-8820"), what a
# support tool's licences cost ("$48k on Zendesk licenses") and an SLA ("SLA是工单4小时内响应")
_REFERENCE_AFTER = re.compile(r"^[^.;!?。；\n]{0,30}?(?:\b(?:number|no\.|nr\.?|nummer|numéro|número|numero|ids?|"
                              r"ref\w*)\b|"
                              r"#|号|番号|[a-z]{2,}[\-_]?\d{3,}|(?:\b(?:is|ist|est|es|é|è)\s+|[:：是は]\s*)(?:\d{6,}|\+?\d{2,4}(?:[\s\-]\d{2,4}){1,4}\b(?![,.]\d))|\d{9,}|"
                              r"\d{3,4}[\s\-]\d{3,4}[\s\-]\d{4})|^\w*(?:nummer|号|番号)|"
                              r"^\s*(?:licen[cs]es?|seats?|subscriptions?|bills?)\b")
_SERVICE_LEVEL = re.compile(r"(?<![a-z])slas?(?![a-z])|service[\s\-]level")


# A vendor's contract that ended or runs out ("used one hosted search vendor until 2022 then contract ended", "der
# Vertrag lief 2023 aus"): an event of the past, no legal documents (s16-c)
_CONTRACT_EVENT = re.compile(r"^\s*(?:ended|expired|ran out|lapsed|was up|ends|expires|runs out|is up|terminated|"
                             r"(?:lief|läuft) \w* ?aus|ausgelaufen|expir[oó]|terminó|a expiré|est terminé|scaduto|"
                             r"terminou|expirou)\b")


def _a_reference(text: str, m: re.Match[str]) -> bool:
    """A support word naming a reference number, a tool paid for or a service level (see above)."""
    if m.lastgroup == "legal" and re.fullmatch(r"contracts?|vertrag|contrato|contrat|contratto",
                                               m.group().strip()) and \
            _CONTRACT_EVENT.match(text[m.end():m.end() + 30]):
        return True
    return m.lastgroup == "support" and bool(_REFERENCE_AFTER.search(text[m.end():m.end() + 60]) or
                                             _SERVICE_LEVEL.search(text[max(0, m.start() - 30):m.start()]))


def read_domain(text: str, asked: str | None, updates: dict[str, Any], polarity: Any) -> None:
    """Store the domain ``text`` states (see the module's rules); ``polarity`` tells a negated cue."""
    correction = bool(_CORRECTING.match(text)) and any(
        isinstance(updates.get(f), int | float) for f in ("corpus_docs", "queries_per_month", "doc_length_tokens",
                                                          "budget_usd_month", "latency_p95_ms"))
    matches = [(m, polarity(text, m)) for m in O.domain_words(text) if not _a_reference(text, m)]  # one pass for
    # every domain
    negated = {m.lastgroup for m, how in matches if how == "negated"}
    plain = {m.lastgroup for m, how in matches if how == "plain"}
    # "actually it is medical, not legal": a correction about the domain itself, after any question (a negation that
    # only reaches a word of the domain said plainly beside it, "patient data can't leave the hospital", is none)
    about_domain = (bool(_CORRECTING.match(text)) and not correction) or bool(negated - plain) or bool(
        negated and plain - negated - {"general"})  # "nicht medizinisch, das sind Verträge, also eher juristisch"
    strict = ((asked is not None and asked != "domain") or correction) and not about_domain
    described, who = _self_described(text, asked), _self_described(text, asked, who=True)
    licence = asked == "license" or bool(_LICENCE_TALK.search(text))

    def rate(m: re.Match[str]) -> bool:  # a query rate in the word's own sentence ("two call centres, 20 lookups a
        sentence = S.sentence_of(text, m)  # shift"), not in another sentence of a long opening
        return bool(re.search(r"\d", sentence) and P.SEARCH_VERB.search(sentence)) and any(
            rx.search(sentence) for rx, _ in P.PERIODS)

    scores: dict[str, tuple[int, int]] = {}
    roles_only: dict[str, bool] = {}
    documents: dict[str, list[int]] = {}  # where each domain's document words are (no organisation's, no role's)
    organisation_spans = [m.span() for m in O.organisation_words(text)] if len(
        {m.lastgroup for m, _ in matches}) > 1 or (matches and _HR_WORDS.search(text)) else []  # (only then needed)

    def kept(m: re.Match[str], how: str) -> bool:
        own = _inside(m.span(), described)
        if how == "negated" or (strict and not own):
            return False  # "no legal documents, just support tickets"; a document's or a department's word
        about_licence = asked == "license" or bool(_LICENCE_TALK.search(S.sentence_of(text, m)))  # in its own sentence
        if asked != "domain" and _organisation_only(m, text) and (about_licence or (strict and not _inside(
                m.span(), who) and not (own and _OF_THE_TRADE.search(text[max(0, m.start() - 6):m.start()])))):
            return False  # "it's an academic project under a non-profit": the organisation beside another answer
        after = text[m.end():m.end() + 40]
        return asked == "domain" or own or not (_GATEKEEPER_AFTER.match(after) or (
            _FROM_BEFORE.search(text[max(0, m.start() - 12):m.start()]) and _GATEKEEPER_TEAM.match(after)) or
            _WITH_BEFORE.search(text[max(0, m.start() - 30):m.start()]))

    for m, how in matches:
        name, own = m.lastgroup or "", _inside(m.span(), described)
        if not kept(m, how):
            continue  # "our lawyers said ...", "the auditors require ...", "from the finance team"
        role = S.role_word(m.group())
        before = text[max(0, m.start() - 30):m.start()]
        if name == "ecommerce" and re.fullmatch(r"catalog(?:ue)?s?", m.group().strip()) and _NO_SHOP.search(text):
            continue  # "a public library system ... the catalogue has 3.2M records": no shop's catalogue (s8-a)
        if not own and _organisation_only(m, text) and rate(m):
            continue  # "two call centres, 80 agents each, ~20 lookups a shift": the places the searches come from
        if role and asked != "domain" and not own and not _OWN_STAFF.search(before) and (
                _COUNTED.search(before) or _COUNTED_AFTER.match(text[m.end():m.end() + 12])):
            continue  # "600 clinicians, 15 lookups each": the people who search, counted for a rate
        count, first = scores.get(name, (0, -m.start()))
        scores[name] = (count + 1, first)
        roles_only[name] = roles_only.get(name, True) and role
        if not role and not any(s < m.end() and m.start() < e for s, e in organisation_spans):
            documents.setdefault(name, []).append(m.start())
    specific = {d: s for d, s in scores.items() if d != "general"}
    # the client's trade beside the documents' kind: "unser Kunde ist eine Versicherung, aber es geht um deren
    # Quellcode-Dokumentation" is code (s10-c)
    clients = {m.lastgroup for m, _ in matches if _CLIENT_IS.search(text[max(0, m.start() - 40):m.start()])}
    clients |= {d for d in specific if d != "support" and all((
        how == "negated" or _CLIENT_IS.search(text[max(0, m.start() - 40):m.start()]) or _CLIENTS_AFTER.match(
            text[m.end():m.end() + 60]) or _PRODUCT_FOR.search(text[max(0, m.start() - 40):m.start()]) or
        (_organisation_only(m, text) and _CLIENTS_BEFORE.search(text[max(0, m.start() - 30):m.start()])))
        for m, how in matches if m.lastgroup == d)}  # (not "customer support bot": support is about customers)
    if specific and specific.keys() <= clients and any(how == "negated" for m, how in matches
                                                       if m.lastgroup in clients):
        return  # "我们不是医院，我们的客户是医院": the trade of the customers only, said not to be the user's own
    if specific.keys() - clients and specific.keys() & clients:
        specific = {d: s for d, s in specific.items() if d not in clients}
    if "code" in specific and _SECTOR_ANSWER.search(text) and all(
            _ENGINEERING_DOCS.fullmatch(m.group()) for m, how in matches if m.lastgroup == "code"):
        del specific["code"]  # "Tier-1 automotive supplier. Engineering docs: specs, test reports": no source code
    if specific.keys() == {"finance"} and "general" in scores and all(
            _BOOKKEEPING.fullmatch(m.group().strip()) for m, how in matches if m.lastgroup == "finance") and any(
            m.lastgroup == "general" for m in O.organisation_words(text)):
        specific = {}  # s15-a: "a logistics company ... shipping docs, invoices and SOPs": a trade's own bills
    if any(not roles_only[d] for d in specific):  # a role word names the domain only when nothing else does
        specific = {d: s for d, s in specific.items() if not roles_only[d]}
    if len(specific) > 1 and "legal" in specific and _LEGAL_DEPARTMENT.search(text):
        specific = {"legal": specific["legal"]}  # "Dział prawny ubezpieczyciela, umowy i OWU"
    elif len(specific) > 1 and "support" in specific and specific.keys() <= {"support", "finance", "ecommerce"} and \
            _CUSTOMER_SERVICE.search(text):
        specific = {"support": specific["support"]}  # "Volksbank ... Chatbot für Kundenfragen", "webshop: FAQ-bot"
    # the organisation named before its documents: "fintech, compliance team ... regulations" is finance
    organisations = {m.lastgroup for m in O.organisation_words(text) if kept(
        m, polarity(text, m)) and not _CLIENTS_BEFORE.search(text[max(0, m.start() - 30):m.start()])} & specific.keys(
    ) if len(specific) > 1 else set()
    decided = _documents_decide(text, specific, documents, organisation_spans)
    if decided != specific:
        specific = decided
    elif organisations:
        # "a hospital's supplier contracts", "a biotech's NDAs and MSAs" are legal: contracts name their domain over
        # the organisation's trade (the writers' convention); not an insurer's or a bank's, whose policies and
        # terms are their own trade's documents (the committed sets' convention)
        own_kind = {d for d in specific if d == "legal" and d not in organisations and d in documents} if not (
            organisations & ({"finance"} | documents.keys())) else set()  # (not "a hospital ... clinical notes")
        specific = {d: s for d, s in specific.items() if (d in own_kind if own_kind else d in organisations)}
    contrast = _CONTRAST.search(text, organisation_spans[0][1]) if organisation_spans else None
    if specific and not any(d in documents for d in specific) and (_HR_DOCUMENTS.search(text) or (
            contrast and _HR_WORDS.search(text, contrast.end()))):
        updates["domain"] = "general"  # "a retailer, building an HR chatbot over our employee handbook"
        return
    described_trade = _CONTRAST.search(text, described[0][0]) if specific and described else None
    if described_trade and _HR_WORDS.search(text, described_trade.end()) and all(
            p < described_trade.start() and _inside((p, p), described) for d in specific for p in documents.get(d, [])):
        updates["domain"] = "general"  # s17-c: "We're a medical device company, but this bot is only for HR
        return  # policies", "我们是做医疗器械的，但这个知识库是给行政用的": the trade is the user's, the project HR's
    if specific:
        updates["domain"] = max(specific, key=specific.__getitem__)
    elif ("general" in scores and not (licence and asked != "domain") and not (
            all(_organisation_only(m, text) for m, _ in matches if m.lastgroup == "general") and _one_sentence(
                text) and (P.ON_PREM.search(text) or _DATA_RULE.search(
                text)))) or (
            asked == "domain" and P.GENERAL_ANSWER.search(text)):
        updates["domain"] = "general"
    elif asked == "domain" and _SECTOR_ANSWER.search(text) and not P.SKIP.search(text):
        updates["domain"] = "general"  # "Maschinenbau, also technische Doku" as the answer: a sector not listed
    elif asked is None and not (correction or licence or scores) and O.unlisted_organisation(text):
        updates["domain"] = "general"  # "we're a furniture manufacturer": a trade the domains do not list
