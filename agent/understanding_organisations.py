"""Which kind of organisation a message says the user is: the domain read from a self-description.

"We're a Dutch pension fund", "Kleine Kanzlei in Wien", "Somos uma rede de farmácias", "我们是一家企业年金管理机构",
"저희는 연기금 운용사인데", "不動産仲介の会社です": the organisation names the domain before any document does. One
vocabulary per domain, in every language of the lexicon, on the lower-case text after ``agent.understanding_lexicon``
glossed it (so the English words the gloss leaves, "insurer", "medical records", "legal", are here too):

- the listed domains: finance (banks, insurers, pension funds, asset managers, brokers, credit unions, accountants),
  medical (hospitals, clinics, practices, pharmacies, labs, pharma, care homes), legal (law firms, notaries, courts,
  compliance), code (developer documentation, API references), scientific (universities, research
  institutes), ecommerce (shops, retailers, marketplaces), support (call centres, helpdesks);
- ``general``: organisations the schema does not list, stored as general by the writers' convention ("News and other
  unlisted domains may be stored as general"): education, construction, freight and customs, market research,
  libraries and archives, recruitment, aviation maintenance, security, media, hotels and travel, real estate, NGOs,
  telecoms and utilities, marketing and architecture firms.

``agent.understanding_domain`` counts these words with the documents' words and prefers, among the listed domains, the
one the organisation names ("fintech, compliance team ... regulations" is finance); an unlisted organisation never
outweighs a listed domain its documents name ("game publisher ... player support" is support). A self-description
naming a trade none of these words know ("we're a furniture manufacturer", "我们是一家做家具的公司") is general too
(``unlisted_organisation``); a size, a place or software alone ("a mid-size company", "一家德国公司") names nothing.
Measured with ``bench/interview_accuracy.py --file tests/agent/data/dev8a_messages.yaml`` (the classes, 15 languages).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

# Per domain, per language (the key only documents where a word comes from): alternatives of one regex.
ORGANISATIONS: dict[str, dict[str, str]] = {
    "finance": {
        "id": r"\bkoperasi (?:simpan pinjam|kredit)\b|\bkonsultan pajak\b|\bkantor (?:akuntan|pajak)\b",
        "en": r"\bpension (?:funds?|schemes?|plans?|providers?|trusts?|insurers?)\b|\bsuperannuation\b|"
              r"\bsuper funds?\b|\b(?:re)?insurers?\b|\blloyd'?s (?:syndicates?|market|of london)\b|"
              r"\b(?:managing general|underwriting) agen(?:t|ts|cy)\b|"
              r"\binsurance (?:company|companies|group|carriers?|firm|"
              r"provider)\b|\binsurtech\b|\basset manag(?:er|ers|ement)\b|\bwealth manag(?:er|ers|ement)\b|"
              r"\bfund (?:manag\w+|administrat\w+|houses?)\b|\bhedge funds?\b|\bmutual funds?\b|\bprivate equity\b|"
              r"\bventure capital\b|\bfamily office\b|\binvestment (?:firms?|funds?|managers?|management|banks?|"
              r"banking|research|committee|memos?|houses?|compan(?:y|ies)|advis\w+|boutique)\b|\bbrokerage\b|"
              r"\bbroker[\s\-]dealers?\b|\bstockbrok\w+|\bsecurities (?:firms?|compan(?:y|ies)|houses?|brokers?|"
              r"dealers?)\b|\bcredit unions?\b|\bbuilding societ(?:y|ies)\b|\bsavings (?:and loan|banks?)\b|"
              r"\bmortgage (?:lenders?|providers?|brokers?)\b|\blenders?\b|\blending\b|\bfintechs?\b|\bneo-?banks?\b|"
              r"\bnbfcs?\b|\bmicrofinance\b|\baccount(?:ing|ancy) (?:firms?|practices?)\b|\baudit (?:firms?|"
              r"compan(?:y|ies))\b|\bcpa firms?\b|\b(?:ca|chartered accountants?'?) (?:firms?|practices?|offices?)\b|"
              r"\bchartered accountan\w+|\btax (?:advisory|consultan\w+|firms?)\b|\bactuar\w+|"
              r"(?<!food )(?<!data )(?<!memory )(?<!river )(?<!blood )\bbanks?\b|\bbanking group\b|"
              r"\bpayroll (?:provider|company|bureau)\b",
        "zh": r"银行|保险公司|证券公司|基金公司|券商|年金|养老金|社保基金|资产管理|资管|信托公司|期货公司|城商行|"
              r"农商行|信用社|村镇银行|投行|私募|公募|理财公司|消费金融|小额贷款|小贷公司|融资租赁|会计师事务所|"
              r"税务师事务所|(?:我|我们|本|咱们)行(?=的|[^\u4e00-\u9fff]|科技|信息|总|分|内|业务|客户|员工|制度|产品|系统|打算|计划|准备|想|要|正在|目前|现在|有|是)",
        "de": r"\bpensionskasse\w*|\bpensionsfonds\b|\bvorsorgeeinrichtung\w*|\bversorgungswerk\w*|\bversicherung\w*|"
              r"\bversicherer\b|\brückversicher\w*|\bvermögensverwalt\w*|\bkapitalverwaltungsgesellschaft\w*|"
              r"\bfondsgesellschaft\w*|\bwertpapier\w*|\bkreditinstitut\w*|\bsteuerkanzlei\w*|\bsteuerberatung\w*|"
              r"\bkrankenkasse\w*|\bkrankenversicherung\w*",
        "fr": r"\bcaisses? de crédit (?:mutuel|agricole)\b|\bcrédit mutuel\b|"
              r"\bbanques? (?:mutualistes?|coopératives?)\b|"
              r"\bcaisses? de (?:retraite|prévoyance)\b|\bfonds de pension\b|\binstitutions? de prévoyance\b|"
              r"\bassureurs?\b|\bassurances?\b|\bsociétés? de gestion\b|\bgestion d'actifs\b|"
              r"\bgestionnaires? d'actifs\b|\bgestion de (?:patrimoine|fortune)\b|\bcourtiers? en (?:assurance|"
              r"bourse)\w*|\bsociétés? de bourse\b|\bétablissements? de crédit\b|\bcaisses? d'épargne\b|"
              r"\bcabinets? comptables?\b|\bnéo-?banques?\b|\bexpertise comptable\b|\bexperts?-comptables?\b",
        "es": r"\bafps?\b|\badministradoras? de fondos\b|\bfondos? de pensiones\b|\bfondos? de inversión\b|"
              r"\baseguradoras?\b|\bcompañías? de seguros\b|\bgestoras? de (?:fondos|activos|patrimonios?|"
              r"inversiones)\b|\bcasas? de bolsa\b|\bcorredoras? de bolsa\b|\bagencias? de valores\b|"
              r"\bsociedad(?:es)? de valores\b|\bcooperativas? de (?:ahorro|crédito)\b|\bcajas? de ahorros?\b|"
              r"\bfinancieras?\b|\bdespachos? contables?\b|\basesor[íi]as? (?:fiscal|contable)\w*|\bcontadur[íi]as?\b",
        "pt": r"\bfundos? de pensão\b|\bfundos? de pensões\b|\bprevidência (?:complementar|privada)\b|"
              r"\bseguradoras?\b|\bcorretoras? de (?:valores|investimentos?|seguros|câmbio)\b|"
              r"\bgestoras? de (?:recursos|investimentos?|ativos|fundos|patrimônio)\b|\bcooperativas? de crédito\b|"
              r"\bescritórios? de contabilidade\b|\bcontabilidade\b",
        "it": r"\bbcc\b|\bcaf\b|"
              r"\bfond[oi] pensione\b|\bcass[ae] di previdenza\b|\bprevidenza complementare\b|"
              r"\bcompagni[ae] assicurativ\w*|\bassicurazion[ei]\b|\bassicurator\w*|\bsgr\b|"
              r"\bsocietà di gestione del risparmio\b|\bgestione patrimoniale\b|\bistitut[oi] di credito\b|"
              r"\bcass[ae] di risparmio\b|\bbanche? di credito cooperativo\b|\bstudi[oi] (?:di )?commercialist\w*",
        "nl": r"\bpensioenfonds\w*|\bpensioenuitvoerder\w*|\bvermogensbeheer\w*|\bbeleggingsfonds\w*|"
              r"\baccountantskantoor\w*|\badministratiekantoor\w*",
        "pl": r"\bfundusz\w* emerytaln\w*|\bofe\b|\btowarzystw\w* (?:ubezpiecze\w*|insurer|funduszy inwestycyjnych)|"
              r"\btfi\b|\bdom\w* maklersk\w*|\bbiur\w* maklersk\w*|\bskok\b|\bbiur\w* rachunkow\w*|\bbank(?:iem|u|ach|"
              r"ów|owi|ami|owy|owa|owe)\b|\bbankowo\w*",
        "da": r"\bforsikringsselska[bp]\w*|\bpensionskasse\w*|\bpensjonskasse\w*|\bpensjonsfond\w*|"
              r"\bkapitalforvalt\w*|\bsparebank\w*|\bsparekasse\w*",
        "sv": r"\bpensions(?:bolag|fond|kassa|myndighet)\w*|\btjänstepension\w*|\bfondbolag\w*|\bkapitalförvalt\w*|"
              r"\bvärdepappersbolag\w*|\bsparbank\w*|\bredovisningsbyrå\w*",
        "tr": r"\bmali müşavir\w*|"
              r"\bsigorta\w*|\bemeklilik\w*|\bportföy yönetim\w*|\baracı kurum\w*|\byatırım (?:şirket\w*|bankas\w*|"
              r"fon\w*)|\bkatılım bankas\w*|\bmuhasebe (?:bürosu|firması)\w*",
        "ru": r"\bпенсионн\w* фонд\w*|\bнпф\b|\bстрахов\w*|\bуправляющ\w* компани\w*|\bброкер\w*|\bинвестиционн\w*|"
              r"\bмикрофинанс\w*|\bмфо\b|\bкредитн\w* (?:организаци\w*|кооператив\w*)|\bаудиторск\w*|"
              r"\bбухгалтерск\w* (?:фирм|компани)\w*",
        "ja": r"年金|証券会社|証券|資産運用|運用会社|アセットマネジメント|投資顧問|投資信託|投信|信用金庫|信金|"
              r"信用組合|地銀|地方銀行|銀行|金融機関|会計事務所|税理士事務所|監査法人",
        "ko": r"연기금|연금|자산운용|운용사|증권사|(?<!선하)증권|은행|카드사|저축은행|금융사|금융회사|금융기관|"
              r"회계법인|세무법인",
        "hi": r"सहकारी बैंक|\bca (?:firm|फर्म)|सीए फर्म|"
              r"बीमा|बैंक|पेंशन|म्यूचुअल फंड",
    },
    "medical": {
        "en": r"\bpharmac(?:y|ies|ists?)\b|\bdrugstores?\b|\bdispensar(?:y|ies)\b|\bclinics?\b|\bhospitals?\b|"
              r"\bdental (?:practices?|clinics?|group|chain|offices?)\b|\borthodont\w+|\b(?:diagnostics?|medical|"
              r"pathology|clinical) (?:labs?|laborator(?:y|ies)|lab network)\b|\bdiagnostics (?:company|firm|provider|"
              r"network)\b|\bcare homes?\b|\bnursing homes?\b|\baged care\b|\bhome care\b|\bblood banks?\b|"
              r"\bhospices?\b|\btele-?health\b|\btele-?medicine\b|\bhealth-?tech\b|\bmed-?tech\b|\bbiotech\w*|"
              r"\bpharma(?:ceutical)? (?:company|companies|firm|group)\b|\bhealth (?:system|network|trust|authority|"
              r"board|service)s?\b|\bnhs\b|\bgp (?:practices?|surger(?:y|ies))\b|\bphysiotherap\w+|\bveterinar\w+|"
              r"\bvet (?:clinics?|practices?)\b|\bopticians?\b|\boptometr\w+|\bmedical (?:centres?|centers?|group|"
              r"practices?)\b",
        "zh": r"医院|药店|药房|大药房|诊所|门诊部|口腔|药企|制药|药业|医药公司|医学检验|检验所|体检中心|养老院|护理院|"
              r"卫生院|社区卫生|互联网医院|疾控",
        "de": r"\bapotheke\w*|arztpraxis\w*|\bklinik\w*|\buniklinik\w*|\buniversitätsklini\w*|\bkrankenh[äa]us\w*|"
              r"\bspital\w*|\bpflegeheim\w*|\bpflegedienst\w*|\baltenheim\w*|\bseniorenheim\w*|\blabordiagnostik\w*|"
              r"\bmedizinische\w* (?:labor|versorgungszentrum)\w*|\bmvz\b|\bpharmaunternehmen\b|\bzahnarzt\w*",
        "fr": r"\bpharmacies?\b|\bofficines?\b|\bcliniques?\b|\bhôpita(?:l|ux)\b|\bcentres? hospitaliers?\b|\bchu\b|"
              r"\bchru\b|\behpad\b|\bcabinets? (?:médica|dentaire|de radiologie)\w*|\blaboratoires? (?:d'analyses|"
              r"de biologie|pharmaceutiques?)\b|\blabos? d'analyses\b|\bmédic\w*",
        "es": r"\bfarmacias?\b|\bfarmac[ée]utic\w*|\bcl[íi]nicas?\b|\bhospital\w*|\bcentros? de salud\b|"
              r"\blaboratorios? (?:cl[íi]nicos?|de análisis|farmac\w+)\b|\bconsultorios?\b|"
              r"\bresidencias? de (?:mayores|ancianos)\b|\bmédic\w*|\bodontol[óo]g\w*",
        "pt": r"\bfarmácias?\b|\bdrogarias?\b|\bfarmacêutic\w*|\bclínicas?\b|\bhospita(?:l|is)\b|"
              r"\blaboratórios? (?:de análises|clínicos?|farmacêuticos?)\b|\bconsultórios?\b|\bmédic\w*",
        "it": r"\bfarmaci[ae]\b|\bfarmaceutic\w*|\bpoliambulatori\w*|\bambulatori\w*|\bospedal\w*|"
              r"\baziend[ae] (?:ospedalier\w*|sanitari\w*)|\basl\b|\basst\b|\bclinic[ah]e?\b|"
              r"\blaboratori[oi] (?:di )?analisi\b|\brsa\b|\bcas[ae] di riposo\b|\bstudi[oi] (?:medic|dentistic)\w*|"
              r"\bmedic[oai]\b|\bpoliclinic\w*",
        "nl": r"\bapothe\w*|\bziekenhui\w*|\bhuisarts\w*|\bklinie\w*|\bzorginstelling\w*|\bzorgorganisatie\w*|"
              r"\bverpleeghui\w*|\bthuiszorg\w*|\bggz\b|\bumc\b",
        "pl": r"\baptek\w*|\bszpital\w*|\bklinik\w*|\bprzychodni\w*|\bgabinet\w* (?:lekarsk|stomatologiczn)\w*|"
              r"\blaboratori\w* (?:diagnostyczn|medyczn)\w*|\bfarmaceut\w*|\bleków\b|\bleki\b",
        "da": r"\bsykehus\w*|\bsygehus\w*|\blegekontor\w*|\blægehus\w*|\blægepraksis\w*|\bklinikk\w*|\bapotek\w*",
        "sv": r"\bapotek\w*|\bsjukhus\w*|\bvårdcentral\w*|\bvårdgivar\w*|\bklinik\w*|\bläkemedel\w*|\btandläkar\w*|"
              r"\bäldreboend\w*|\buniversitetssjukhus\w*",
        "tr": r"\beczane\w*|\bhastane\w*|\bklinik\w*|\bilaç\w*|\btıbbi\b|\btıp merkez\w*|\bsağlık (?:grub|kuruluş)\w*",
        "ru": r"\bаптек\w*|\bбольниц\w*|\bклиник\w*|\bполиклиник\w*|\bмедцентр\w*|\bмедицинск\w* (?:центр|организаци|"
              r"учреждени|лаборатор)\w*|\bфармацевт\w*|\bлекарств\w*|\bгоспитал\w*|\bстоматолог\w*",
        "ja": r"薬局|ドラッグストア|調剤|クリニック|診療所|医院|病院|製薬|医薬品|治験|歯科|介護施設|老人ホーム|"
              r"添付文書|大学病院",
        "ko": r"약국|병원|(?<!국회)의원|클리닉|제약|의약품|임상|치과|요양원|의료기관|대학병원",
        "hi": r"अस्पताल|दवा|क्लिनिक",
    },
    "legal": {
        "en": r"\blaw[\s\-]?(?:firms?|offices?|practices?|chambers|department)\b|\battorney (?:firms?|offices?)\b|"
              r"\bfirm of (?:solicitors|attorneys|lawyers)\b|\bbarristers' chambers\b|\bnotar(?:y|ies|ial)\b|"
              r"\bconveyanc\w+|\blegal (?:aid|department|team|practice|services)\b|\bip (?:firms?|boutique|practice|"
              r"law)\b",
        "zh": r"律所|律师事务所|公证处|公证|仲裁|知识产权|商标代理",
        "de": r"(?<!steuer)kanzlei\w*|\banwaltsbüro\w*|\bnotar\w*|gericht(?:e|en|es|s|shof|sbarkeit)?\b|"
              r"\bjustiziariat\w*|\brechtsabteilung\w*",
        "fr": r"\bcabinets? d'avocats?\b|\bcabinets? d' lawyers\b|\bavocat\w*|\bnotaires?\b|\bétudes? notariales?\b|"
              r"\bnotari\w*|\bhuissiers?\b|\bjuridiques?\b|\bgreffe\b",
        "es": r"\bdespachos? (?:de abogados|de lawyers|jur[íi]dic\w*)\b|\bbufetes?\b|\babogad\w*|\bnotar[íi]a\w*|"
              r"\bnotari[oa]s?\b|\bjur[íi]dic\w*|\bjuzgados?\b",
        "pt": r"\bescritórios? de advocacia\b|\badvocacia\b|\badvogad\w*|\bcartório\w*|\btabelionato\w*|\bnotaria\w*|"
              r"\bjurídic\w*",
        "it": r"\bstudi[oi] legal[ei]\b|\bavvocat\w*|\bnota(?:io|i)\b|\bnotaril\w*|\bgiuridic\w*",
        "nl": r"\badvocat\w*|\bnotaris\w*|\bnotariaat\b|\bjuridisch\w*|\brechtbank\w*|\bjurist\w*",
        "pl": r"\bkancelari\w* (?:legal|prawn|adwokack|notarialn|radcowsk)\w*|\badwokac?\w*|\bradc\w* prawn\w*|"
              r"\bnotariusz\w*|\bprawnik\w*|\bsąd(?:y|u|ów|ow\w*)?\b",
        "sv": r"\badvokat\w*|\bjuridisk\w*|\bjurist\w*|\bdomstol\w*|\bnotarie\w*",
        "da": r"\badvokatfirma\w*|\badvokatkontor\w*|\badvokat(?:er|ene|erne)?\b",
        "tr": r"\bhukuk\w*|\bavukat\w*|\bnoter\w*|\bmahkeme\w*|\blegal büro\w*",
        "ru": r"\bюрид\w*|\bюрист\w*|\bадвокат\w*|\bнотари\w*|\bсуд(?:ы|а|ов|ебн\w*)?\b|\blegal (?:фирм|компани)\w*",
        "ja": r"法律事務所|legal 事務所|司法書士|行政書士|特許事務所|patents 事務所|公証|裁判所",
        "ko": r"로펌|법무법인|법률사무소|법률 사무소|법무사|법원|특허사무소|특허 사무소|공증",
        "hi": r"वकील|\bvakeel\b|लॉ फर्म",
    },
    "code": {
        "en": r"\bdeveloper (?:docs|documentation|portal|guides?|hub|reference)\b|\bdev ?docs\b|(?<![a-z])sdk\b|"
              r"(?<![a-z])api (?:docs|documents|documentation|reference|ref)\b|\bdevrel\b|\bdeveloper relations\b|"
              r"\bdeveloper experience\b",
        "zh": r"开发者文档|开发文档|api文档|api 文档|api参考|api 参考|接口文档|sdk文档",
        "de": r"\bentwicklerdoku\w*|\bentwickler-doku\w*|\bapi-?dokumentation\w*|\bapi-referenz\w*",
        "fr": r"\bdocumentation (?:développeurs?|pour (?:les )?développeurs|technique de l'api|de (?:l'|notre |"
              r"nos )?apis?|des apis?|api)\b|\bréférence de l'api\b",
        "es": r"\bdocumentaci[óo]n (?:para desarrolladores|de (?:la |las |nuestra |nuestras )?apis?|"
              r"técnica de la api)\b|\breferencia de (?:la )?api\b",
        "pt": r"\bdocumentação (?:da |das |de )?(?:our |nossa |nossas )?apis?\b|\bdocumentação para desenvolvedores\b",
        "it": r"\bdocumentazione (?:per (?:gli )?sviluppatori|dell'api|delle api|api)\b",
        "nl": r"\bontwikkelaarsdocumentatie\b|\bapi-documentatie\b",
        "pl": r"\bdokumentacj\w* (?:api|dla programistów|deweloperska)\b",
        "sv": r"\butvecklardokumentation\b|\bapi-dokumentation\b",
        "tr": r"\bgeliştirici dokümantasyon\w*|\bapi dokümantasyon\w*",
        "ru": r"\bдокументаци\w* (?:для разработчиков|api|по api)\b",
        "ja": r"開発者向け|apiドキュメント|api仕様|apiリファレンス",
        "ko": r"개발자 문서|engineers documents|api 문서|개발 문서",
    },
    "scientific": {
        "en": r"\bresearch (?:institutes?|institutions?|cent(?:er|re)s?|labs?|laborator(?:y|ies)|organi[sz]ations?|"
              r"groups?|councils?)\b|\br&d (?:department|lab|cent(?:er|re))\b|\buniversit(?:y|ies)\b(?!\s+(?:hospital|"
              r"clinic|medical|library|press))|\bacademic (?:institution|department)s?\b",
        "zh": r"研究所|研究院|科研院所|实验室|高校|课题组|大学(?!生|[^，。、]{0,6}(?:医院|病院))",
        "de": r"\bforschungs(?:institut|einrichtung|zentrum|gruppe|labor)\w*|\binstitut für\b|\buniversität(?!s?klini|"
              r"sspital)\w*|\bhochschule\w*|\blehrstuhl\w*|\bfraunhofer\b|\bmax-planck\b|\bhelmholtz\b",
        "fr": r"\blaboratoires? de recherche\b|\binstituts? de recherche\b|\bcentres? de recherche\b|\buniversités?\b|"
              r"\bcnrs\b|\binserm\b|\binria\b",
        "es": r"\binstitutos? de investigaci[óo]n\b|\bcentros? de investigaci[óo]n\b|\buniversidad\w*|"
              r"\blaboratorios? de investigaci[óo]n\b|\bconicet\b|\bcsic\b",
        "pt": r"\bcentros? de pesquisa\b|\buniversidade\w*|\blaboratórios? de pesquisa\b|\bembrapa\b",
        "it": r"\bistitut[oi] di ricerca\b|\bcentr[oi] di ricerca\b|\buniversità\b|\blaboratori[oi] di ricerca\b|"
              r"\bcnr\b",
        "nl": r"\bonderzoeksinstitu\w*|\buniversiteit\w*|\bkennisinstitu\w*|\btno\b|\bhogeschool\w*",
        "da": r"\buniversitet\w*|\bhøjskole\w*|\bhøgskole\w*|\bforskningsinstitut\w*",
        "pl": r"\binstytut\w* (?:badawcz|naukow)\w*|\buniwersytet\w*|\bpolitechni\w*",
        "sv": r"\bforskningsinstitut\w*|\buniversitet(?!ssjukhus)\w*|\bhögskol\w*",
        "tr": r"\baraştırma (?:enstitü|merkez)\w*|\büniversite(?!\s*(?:hastane|medical|hospital))\w*",
        "ru": r"\bнии\b|\bнаучно-исследовательск\w*|\bисследовательск\w* (?:институт|центр)\w*|"
              r"\bуниверситет(?!\w* (?:клиник|больниц))\w*|\bнаучн\w* (?:институт|центр|лаборатори)\w*",
        "ja": r"研究所|研究室|大学(?![^、。，]{0,6}(?:病院|医院))|研究機関",
        "ko": r"연구소|연구원|대학교(?!\s*병원)|연구실",
    },
    "ecommerce": {
        "en": r"\bonline (?:retailers?|grocer\w*|marketplaces?)\b|\bgrocery (?:store|chain|delivery)\b|\bd2c\b|"
              r"\bdtc brand\b|\bfashion (?:retailer|brand|label)s?\b|\bretail chain\b|\bsupermarket\w*|\bretailers?\b",
        "zh": r"商城|网店|店铺|天猫|超市|便利店|连锁店",
        "de": r"\bonlinehändler\w*|\beinzelhändler\w*|\beinzelhandel\w*|\bversandhändler\w*|\bversandhandel\w*|"
              r"\bsupermarkt\w*",
        "fr": r"\be-commerçants?\b|\bboutiques? en ligne\b|\bsites? de vente\b|\bcommerce en ligne\b|\bdétaillants?\b|"
              r"\bsupermarchés?\b",
        "es": r"\btiendas? (?:en l[íi]nea|online|virtual)\b|\bcomercio electr[óo]nico\b|\bminoristas?\b|"
              r"\bsupermercados?\b",
        "pt": r"\blojas? (?:virtua(?:l|is)|online)\b|\bcomércio eletrônico\b|\bvarejistas?\b|\bvarejo\b|"
              r"\bsupermercados?\b",
        "it": r"\bnegozi[oi]? online\b|\bcommercio elettronico\b|\brivenditor\w*|\bsupermercat\w*",
        "nl": r"\bwebwinkel\w*|\bwinkelketen\w*|\bdetailhandel\b|\bsupermarkt\w*",
        "pl": r"\bsklep\w* internetow\w*|\bsklep\w*|\be-sklep\w*|\bhandel\w* detaliczn\w*",
        "sv": r"\bwebbutik\w*|\be-handel\w*|\bbutikskedj\w*|\bdetaljhandel\w*",
        "tr": r"\be-ticaret\w*|\bonline mağaza\w*|\bmağaza\w*|\bperakende\w*",
        "ru": r"\bинтернет-магазин\w*|\bмаркетплейс\w*|\bритейл\w*|\bрозничн\w*|\bмагазин\w*",
        "ja": r"ネットショップ|オンラインショップ|小売|百貨店|スーパー",
        "ko": r"이커머스|온라인 쇼핑|리테일|유통사|마켓",
    },
    "support": {
        "en": r"\bcall[\s\-]?cent(?:er|re)s?\b|\bcontact[\s\-]?cent(?:er|re)s?\b|\bservice ?desk\b|\bbpo\b",
        "zh": r"呼叫中心|客服中心|坐席",
        "de": r"\bcall-?cent(?:er|re)\w*|\bkundenservice\w*|\bservicecenter\w*|\bhotline\w*",
        "fr": r"\bcentres? d'appels?\b|\bcentres? de contacts?\b|\bhotline\b",
        "es": r"\bcentros? de (?:atenci[óo]n|llamadas|contacto|customer support)\b|\bmesa de ayuda\b",
        "pt": r"\bcentra(?:l|is) de atendimento\b",
        "it": r"\bcustomer care\b",
        "nl": r"\bklantenservice\b|\bklantcontactcentrum\b",
        "pl": r"\binfolini\w*|\bobsług\w* klient\w*|\bbiur\w* obsługi\b",
        "sv": r"\bkundservice\b|\bkontaktcenter\b",
        "tr": r"\bçağrı merkez\w*|\bmüşteri hizmetleri\b",
        "ru": r"\bколл-центр\w*|\bcall-центр\w*|\bконтакт-центр\w*|\bслужб\w* поддержки\b|\bтехподдержк\w*",
        "ja": r"ヘルプデスク",
        "ko": r"콜센터|고객센터|상담원|헬프데스크",
    },
    "general": {
        "id": r"\bperusahaan (?:tambang|pertambangan|logistik|konstruksi|manufaktur)\b|\bpertambangan\b",
        "en": r"\bsemiconductor (?:fabs?|plants?|manufactur\w*|compan(?:y|ies))\b|\bwafer fabs?\b|"
              r"\bonline (?:learning|education|course|courses|tutoring|training|school)\b|\be-?learning\b|"
              r"\bed-?tech\b|\btutoring\b|\blearning platform\b|\bcourse platform\b|\bmoocs?\b|\bk-?12\b|"
              r"\bquestion banks?\b|\bschool (?:district|group|network|board)s?\b|\bhigh schools?\b|"
              r"\b(?:secondary|primary|middle|elementary|grammar) schools?\b|\bour district\b|"  # s14-a
              r"\bcoaching (?:institute|centre|center|classes)\b|\bconstruction (?:firm|company|companies|group|"
              r"business|contractor)\b|\b(?:building|general|construction) contractors?\b|\bcivil engineering\b|"
              r"\bhomebuilders?\b|\bfreight\b|\bforwarders?\b|"
              # s15-a (heldout47): warehouses and distributors, and schools and colleges by their kind
              r"\bwarehous(?:e|es|ing)\b|\bdistribution (?:centres?|centers?|depots?|hubs?)\b|\bfmcg\b|"
              r"\b(?:fmcg |food |wholesale |pharma )?distributors?\b|\bsupply[\s\-]chain\b|\bmining (?:supplies|"
              r"suppliers?|equipment)\b|\b(?:cbse|icse|public|private|state|charter|catholic|independent|boarding|"
              r"no-fee|fee-paying|deis|girls'?|boys'?) schools?\b|\b(?:private|community|sixth[\s\-]form|junior|"
              r"technical|further education|fe) colleges?\b|"
              r"\bforwarding\b(?! (?:from|this|that|the|a|an|it|you)\b)(?!\s*:)|"
              r"\blogistics (?:firm|company|companies|"
              r"provider|group|business|operator)\b|\b3pl\b|\bcustoms (?:brokers?|brokerage|agents?|declarations?|"
              r"rulings?|documents?)\b|\bhaulage\b|\btrucking (?:firm|company)\b|\bcourier (?:firm|company)\b|"
              r"\bshipping (?:company|line)\b|\bmarket research\b|\bconsumer insights?\b|\bpolling (?:firm|company)\b|"
              r"\bpollsters?\b|\b(?:public|city|county|municipal|national|state|regional|district|parish|"
              r"university|town|village|school|community|local) librar(?:y|ies)\b|"
              r"\blibrary (?:system|service|network|branches)\b|\bmuseums?\b|"
              r"\bnational archives?\b|\brecruit(?:ment|ing) (?:agency|agencies|firm|company|saas|platform|"
              r"consultancy)\b|\bstaffing (?:agency|firm|company)\b|\bheadhunt\w*|\bexecutive search\b|"
              r"\bjob boards?\b|\bairlines?\b|\baviation\b|\bmro\b|\baircraft maintenance\b|\baerospace\b|"
              r"\bcyber-?security\b|\bsecurity (?:firm|company|vendor|consultancy|companies)\b|\bthreat intel\w*|"
              r"\bnewspapers?\b|\bpublishers?\b|\bpublishing (?:house|company)\b|\bmedia (?:company|group|house|"
              r"monitoring)\b|\bbroadcasters?\b|\bnews aggregator\b|\bpress group\b|\bhotels?\b|\bhospitality\b|"
              r"\btravel (?:agency|agencies|company|booking)\b|\btour operators?\b|\bbooking (?:site|platform|"
              r"portal)\b|\breal[\s\-]estate\b|\bestate agen\w+|\brealt(?:y|ors?)\b|\bproperty (?:portal|agency|"
              r"listings?|management)\b|\bletting agen\w+|\bngos?\b|\bnon-?profits?\b|\bcharit(?:y|ies)\b|"
              r"\bfood banks?\b|\bthink tanks?\b|\btelecoms?\b|\btelcos?\b|\bmobile operators?\b|\butility (?:company|"
              r"companies|provider)\b|\benergy (?:company|provider|supplier)\b|\bpower (?:company|utility|grid)\b|"
              r"\bmarketing (?:agency|firm)\b|\badvertising agency\b|\bad agency\b|\bpr agency\b|"
              r"\barchitecture (?:firm|practice|studio)\b|\barchitects' (?:firm|practice)\b|\bstatistics (?:office|"
              r"bureau|agency)\b|\bstatistical office\b|\b(?:water|electric|electricity|gas|power|energy) (?:utility|"
              r"utilities|company|provider|supplier|board)\b|\bconsultanc(?:y|ies)\b|\bconsulting (?:firm|company|"
              r"group|business)\b|\bmanagement consult\w*|\bengineering (?:firm|company)\b|\bcar dealer\w*|"
              r"\bdealership\w*|\bmanufacturer\b|\bmanufacturing (?:company|firm|group|business)\b|"
              # s8-c: broadcasters, ministries and local government, utilities, oil and mining, game studios (not
              # manufacturers: see _MORE_GENERAL)
              r"\b(?:oil(?: and gas| & gas)?|mining|energy|utility|shipping) "
              r"(?:compan(?:y|ies)|groups?|operators?|producers?|firms?|majors?)\b|\boil (?:&|and) gas\b|"
              r"\bradio (?:networks?|stations?|broadcasters?)\b|\b(?:tv|television) (?:networks?|stations?|channels?|"
              r"broadcasters?|production compan(?:y|ies)|producers?)\b|\bnews (?:channels?|networks?|agenc(?:y|ies))\b|"
              r"\bpublic broadcaster\b|\bministr(?:y|ies)\b|\bgovernment (?:department|agency|agencies|body|bodies)\b|"
              r"\bcity (?:hall|government|administration)\b|\bcounty (?:council|government)\b|"
              r"\b(?:borough|district|parish|town|local|regional|municipal|shire) councils?\b|"
              r"\blocal authorit(?:y|ies)\b|"
              r"\bpublic utilit(?:y|ies)\b|"
              r"\bsoftware house\b|\bwebtoon\w*|\bindie (?:game|studio)\w*|\bgame (?:studios?|compan(?:y|ies)|"
              r"publishers?|developers?)\b|"
              r"\btranslation (?:agency|company|memor(?:y|ies))\b|"
              r"\bhousing (?:association|provider|trust|authority|co-?op\w*)s?\b|\bsocial housing\b|\bproptech\b",
        "zh": r"半导体|"
              r"在线教育|教育(?:平台|公司|机构|集团)|培训机构|网校|题库|中小学|k12|建筑(?:公司|企业|设计院)|"
              r"建设(?:公司|集团)|施工企业|工程建设|建工|物流|货代|报关行|快递公司|仓储|运输公司|航运|海运|港口|"
              r"市场调研|调研公司|市场研究|调查公司|图书馆|档案馆|博物馆|猎头|招聘|人力资源|人才服务|航空公司|机务|"
              r"航空维修|网络安全|安全公司|威胁情报|信息安全公司|媒体|出版社|报社|电视台|新闻聚合|酒店|旅行社|景区|"
              r"基金会|公益组织|电信运营商|运营商|电网|电力公司|燃气公司|水务|广告公司|营销公司|统计局|房产中介|"
              r"房地产|二手房|房源|链家|贝壳找房",
        "de": r"\bbauunternehm\w*|\bbaufirma\w*|\bbaukonzern\w*|\bgeneralunternehm\w*|\bbauträger\w*|"
              r"\bingenieurbüro\w*|\barchitekturbüro\w*|\bspedition\w*|\blogistik\w*|\bzoll(?:anmeld|dokument|agent|"
              r"abwickl|tarif|behörde|amt)\w*|\bmarktforschung\w*|bibliothek\w*|\bbücherei\w*|\bmuseum\b|\bmuseen\b|"
              r"\bpersonaldienstleist\w*|\bpersonalvermittl\w*|\bzeitarbeit\w*|\bpersonalberatung\w*|\bmro-betrieb\w*|"
              r"\bwartungsbetrieb\w*|\bluftfahrt\w*|\bfluggesellschaft\w*|\bverlag(?:e|es|s|shaus|sgruppe)?\b|"
              r"\bzeitung\w*|\bmedienhaus\w*|\bhotel\w*|\breisebüro\w*|\breiseveranstalter\w*|\bstiftung\w*|"
              r"\bgemeinnützig\w*|\bstadtwerke\w*|\benergieversorger\w*|\bnetzbetreiber\w*|\btelekommunikation\w*|"
              r"\bmobilfunk\w*|\bimmobilien\w*|\bmakler(?:büro|firma)?\b|\bbildungs(?:anbieter|träger|plattform|"
              r"einrichtung)\w*|\blernplattform\w*|\bnachhilfe\w*|\bschule\b|\bschulen\b|\bit-sicherheit\w*|"
              r"\bsicherheitsfirma\w*|\bstatistische\w* (?:landesamt|bundesamt|amt)\b|\blandesamt\b|\bstatistisches\b|"
              r"\bunternehmensberatung\w*|\bberatungs(?:unternehmen|firma|gesellschaft)\w*|\bautohaus\w*|"
              r"\bautohändler\w*",
        "fr": r"\bcoopératives? agricoles?\b|"
              r"\bformation en ligne\b|\bplateformes? de formation\b|\borganismes? de formation\b|"
              r"\bsoutien scolaire\b|\bécoles?\b|\blycées?\b|\bbtp\b|\bentreprises? de construction\b|"
              r"\bbureaux? d'études\b|\bcabinets? d'architect\w*|\btransitaires?\b|\bcommissionnaires? en douane\b|"
              r"\bdéclarants? en douane\b|\blogisti\w*|\bétudes de marché\b|\binstituts? de sondage\b|"
              r"\binstituts? d'études\b|\bbibliothèques?\b|\bmédiathèques?\b|\barchives (?:municipales|"
              r"départementales|nationales)\b|\bmusées?\b|\bcabinets? de recrutement\b|\bagences? d'intérim\b|"
              r"\bintérim\b|\bchasseurs? de têtes\b|\bcompagnies? aériennes?\b|\bmaintenance aéronautique\b|"
              r"\baéronautique\b|\bgroupes? de presse\b|\bquotidiens?\b|\bjournaux\b|\bmédias\b|\bhôtel\w*|"
              r"\bagences? de voyages?\b|\btour-?opérateurs?\b|\bong\b|\bfondations?\b|\bopérateurs? (?:télécom|"
              r"mobile|de télécommunications)\w*|\bfournisseurs? d'énergie\b|\bcybersécurité\b|\bimmobili\w*|"
              r"\bagents? immobiliers?\b|\bconseils? (?:régional|départemental)\w*|\bcabinets? de conseil\b|"
              r"\bsociétés? de conseil\b|\bconcessionnaires?\b|\bfabricants?\b",
        "es": r"\bplataformas? de (?:cursos|formaci[óo]n|educaci[óo]n)\b|\bcursos (?:online|en l[íi]nea)\b|"
              r"\beducaci[óo]n en l[íi]nea\b|\bcolegios?\b|\bescuelas?\b|\bconstructoras?\b|"
              r"\bempresas? constructoras?\b|\bingenier[íi]a civil\b|\bagentes? aduanal\w*|\bagencias? aduanal\w*|"
              r"\bagencias? de aduanas?\b|\bagentes? de aduanas?\b|\blog[íi]stic\w*|\btransitarios?\b|\bnavieras?\b|"
              r"\binvestigaci[óo]n de mercados?\b|\bestudios de mercado\b|\bencuestadoras?\b|\bbibliotecas?\b|"
              r"\barchivos? (?:histórico|municipal|general)\w*|\bmuseos?\b|\breclutamiento\b|\bagencias? de empleo\b|"
              r"\bselecci[óo]n de personal\b|\bheadhunters?\b|\bbolsas? de trabajo\b|\brrhh\b|\baerol[íi]neas?\b|"
              r"\bmantenimiento aeron[áa]utico\b|\baviaci[óo]n\b|\beditorial(?:es)?\b|\bperi[óo]dicos?\b|"
              r"\bagregador(?:es)? de noticias\b|\bhoteles?\b|\bagencias? de viajes\b|\bturismo\b|\bong\b|"
              r"\bfundaci[óo]n\b|\btelecomunicaciones\b|\boperadoras? m[óo]vil\w*|\bciberseguridad\b|\binmobiliari\w*|"
              r"\bbienes ra[íi]ces\b|\bvideojuegos\b|\bconsultoras?\b|\bconcesionarios?\b|\bfabricantes?\b|"
              r"\bcooperativas? agr[íi]colas?\b",
        "pt": r"\bplataformas? de cursos\b|\bcursos online\b|\bensino a distância\b|\bescolas?\b|\bfaculdades?\b|"
              r"\bconstrutoras?\b|\bconstrução civil\b|\btransportadoras?\b|\blogística\b|"
              r"\bdespachantes? aduaneiros?\b|\bagentes? de carga\b|\bpesquisa de mercado\b|\bbibliotecas?\b|"
              r"\barquivos? (?:público|histórico)\w*|\bmuseus?\b|\bagências? de recrutamento\b|\brecrutamento\b|"
              r"\bheadhunters?\b|\bconsultorias? de rh\b|\bcompanhias? aéreas?\b|\bmanutenção aeronáutica\b|"
              r"\baviação\b|\beditoras?\b|\bjorna(?:l|is)\b|\bagregador(?:es)? de notícias\b|\bhotéis\b|\bhotel\b|"
              r"\bagências? de viagens?\b|\bturismo\b|\bong\b|\bfundação\b|\btelecom\w*|\bcibersegurança\b|"
              r"\bimobiliári\w*|\bimóveis\b|\bconsultorias?\b|\bconcessionárias?\b|\bfabricantes?\b|"
              r"\bcooperativas? agrícolas?\b",
        "it": r"\bpiattaforme? di (?:corsi|formazione|e-learning)\b|\bcorsi online\b|\bformazione online\b|"
              r"\bscuol[ae]\b|\bistitut[oi] scolastic\w*|\bimpres[ae] edil\w*|\bimpres[ae] di costruzioni\b|"
              r"\bedilizia\b|\bcostruzioni\b|\bspedizionier\w*|\bcas[ae] di spedizion\w*|\blogistic\w*|\bdoganal\w*|"
              r"\bricerche di mercato\b|\bbibliotec\w*|\barchivi[oa]? (?:storic|di stato)\w*|\bmuse[oi]\b|"
              r"\bagenzi[ae] per il lavoro\b|\bagenzi[ae] di (?:selezione|reclutamento)\b|\bselezione del personale\b|"
              r"\bhead ?hunt\w*|\bcompagni[ae] aere\w*|\bmanutenzione aeronautica\b|\bcas[ae] editric\w*|"
              r"\beditor[ei]\b|\bgiornal[ei]\b|\btestat[ae] giornalistic\w*|\bhotel\b|\balbergh?[oi]\b|"
              r"\bagenzi[ae] (?:di )?viaggi\b|\btour operator\b|\bonlus\b|\bong\b|\bfondazion[ei]\b|"
              r"\btelecomunicazioni\b|\boperatore telefonico\b|\bmultiutility\b|\bsicurezza informatica\b|"
              r"\bimmobiliar\w*|\bagriturism\w*|\bsociet[àa] di consulenza\b|\bconcessionari[oa]?\b|\bproduttor[ei]\b",
        "nl": r"\bonderwijs\w*|\bleerplatform\w*|\bbouwbedrij\w*|\baannemer\w*|\bbouwonderneming\w*|\bbouwgroep\w*|"
              r"\blogistiek\w*|\bexpediteur\w*|\bdouane\w*|\btransportbedrij\w*|\bmarktonderzoek\w*|\bbibliothe\w*|"
              r"\bmuseum\b|\bmusea\b|\buitzendbureau\w*|\bwervingsbureau\w*|\brecruitmentbureau\w*|"
              r"\bluchtvaartmaatschappij\w*|\buitgever\w*|\bkrant\w*|\bomroep\w*|\bhotel\w*|\breisbureau\w*|"
              r"\breisorganisatie\w*|\bstichting\w*|\benergiebedrij\w*|\bnetbeheerder\w*|\btelecom\w*|\bmakelaar\w*|"
              r"\bvastgoed\w*|\badviesbureau\w*|\bfabrikant\w*|\bautodealer\w*|\bwaterschap\w*|"
              r"\bhoogheemraadschap\w*|\bprovincie\b|\bwoningcorporatie\w*|\bveiligheidsregio\w*",
        "pl": r"\bplatform\w* e-learning\w*|\bszkoł\w*|\bkursy online\b|\bfirm\w* budowlan\w*|\bbudownictw\w*|"
              r"\bgeneraln\w* wykonawc\w*|\bspedycj\w*|\bspedycyjn\w*|\blogistyczn\w*|\blogistyk\w*|"
              r"\bagencj\w* celn\w*|\bbadani\w* rynku\b|\bbadań rynku\b|\bbibliotec\w*|\bbibliotek\w*|\bmuzeum\b|"
              r"\bagencj\w* (?:pracy|rekrutacyjn\w*)|\brekrutac\w*|\blinie? lotnicz\w*|\bwydawnictw\w*|\bgazet\w*|"
              r"\bhotel\w*|\bbiur\w* podróży\b|\bfundacj\w*|\bstowarzyszeni\w*|\btelekomunikac\w*|"
              r"\bcyberbezpieczeństw\w*|\bnieruchomości\b|\bbiur\w* nieruchomości\b",
        "sv": r"\butbildningsplattform\w*|\bskol(?:a|or)\b|\bbyggföretag\w*|\bbyggbolag\w*|\bbyggkoncern\w*|"
              r"\bbyggfirma\w*|\bspeditör\w*|\bspeditionsfirma\w*|\blogistik\w*|\btull\w*|\båkeri\w*|"
              r"\bmarknadsundersökning\w*|\bundersökningsföretag\w*|\bopinionsinstitut\w*|\bbibliotek\w*|"
              r"\bstadsbibliotek\w*|\bmuseum\b|\bbemanningsföretag\w*|\brekrytering\w*|\bflygbolag\w*|\bförlag\w*|"
              r"\btidning\w*|\bmediehus\w*|\bhotell\w*|\bresebyrå\w*|\bstiftelse\w*|\benergibolag\w*|\belbolag\w*|"
              r"\btelekom\w*|\bcybersäkerhet\w*|\bmäklar\w*|\bfastighetsmäklar\w*|\bbemanning\w*|"
              r"\bfastighetsbolag\w*|\bbostadsbolag\w*|\bgruvbolag\w*|\bverkstadsföretag\w*|\bkommunalförbund\w*",
        "da": r"\bkommune(?:n|r)?\b|\bejendomsselskab\w*|\beiendomsselskap\w*|\bforlag\w*|\bhotel\w*|\brederi\w*|"
              r"\bentreprenør\w*|\benergiselskab\w*|\benergiselskap\w*",
        "tr": r"\bonline eğitim\w*|\beğitim platform\w*|\bokul\w*|\bdershane\w*|\binşaat\w*|\bmüteahhit\w*|"
              r"\blojistik\w*|\bgümrük\w*|\bnakliye\w*|\btaşımacılık\w*|\bpazar araştırma\w*|\bkütüphane\w*|\bmüze\w*|"
              r"\bişe alım\w*|\binsan kaynakları\b|\bistihdam\w*|\bheadhunter\w*|\bhavayolu\w*|\buçak bakım\w*|"
              r"\bhavacılık\w*|\byayınevi\w*|\bgazete\w*|\botel\w*|\bseyahat acente\w*|\bvakıf\w*|\bdernek\w*|"
              r"\btelekom\w*|\bsiber güvenlik\w*|\bemlak\w*|\bgayrimenkul\w*",
        "ru": r"\bонлайн-школ\w*|\bонлайн-образовани\w*|\bобразовательн\w* (?:платформ|компани|центр)\w*|\bшкол\w*|"
              r"\bстроительн\w* (?:компани|фирм|организаци)\w*|\bзастройщик\w*|\bдевелопер\w*|\bподрядчик\w*|"
              r"\bлогистическ\w*|\bлогистик\w*|\bэкспедитор\w*|\bтаможен\w*|\bтранспортн\w* компани\w*|"
              r"\bисследовани\w* рынка\b|\bмаркетинговых исследований\b|\bбиблиотек\w*|\b(?:государственн|городск|"
              r"областн)\w* архив\w*|\bмузе\w*|\bкадров\w* агентств\w*|\bрекрутинг\w*|\bрекрутингов\w*|"
              r"\bхедхантинг\w*|\bподбор\w* персонал\w*|\bавиакомпани\w*|\bиздательств\w*|\bгазет\w*|\bсми\b|"
              r"\bагрегатор\w*|\bгостиниц\w*|\bотел\w*|\bтурагентств\w*|\bтуроператор\w*|\bнко\b|\bблаготворительн\w*|"
              r"\bтелеком\w*|\bоператор\w* связи\b|\bкибербезопасност\w*|\bнедвижимост\w*|\bриэлтор\w*|\bриелтор\w*",
        "ja": r"半導体|"
              r"オンライン学習|eラーニング|オンライン教育|学習塾|予備校|教育サービス|教育会社|建設会社|ゼネコン|"
              r"工務店|物流|通関|運送会社|フォワーダー|倉庫会社|市場調査|リサーチ会社|調査会社|図書館|公文書館|博物館|"
              r"美術館|資料館|人材紹介|人材派遣|人材会社|航空会社|航空機整備|出版社|新聞社|ホテル|旅館|旅行会社|"
              r"npo法人|財団|通信会社|電力会社|ガス会社|セキュリティ会社|サイバーセキュリティ|脅威インテリジェンス|"
              r"不動産",
        "ko": r"반도체|"
              r"온라인 교육|에듀테크|교육 플랫폼|학원|건설사|건설회사|건설 회사|시공사|물류|통관|운송 회사|포워딩|"
              r"관세사|시장조사|리서치 회사|여론조사|도서관|기록관|박물관|헤드헌팅|채용 플랫폼|인력 파견|인재 파견|"
              r"항공사|정비 회사|출판사|신문사|언론사|방송사|호텔|여행사|비영리|재단|통신사|전력 회사|보안 회사|"
              r"보안회사|정보보안|위협 인텔리전스|부동산",
        "hi": r"\bcoaching\b|\bedtech\b",
        # lead s8: the Ukrainian words of the same trades ("Ми логістична компанія")
        "uk": r"\bлогістичн\w*|\bлогістик\w*|\bекспедитор\w*|\bмитн\w*|\bтранспортн\w* компані\w*|"
              r"\bбудівельн\w* (?:компані|фірм)\w*|\bзабудовник\w*|\bбібліотек\w*|\bмузе\w*|\bвидавництв\w*|"
              r"\bгазет\w*|\bготел\w*|\bтелеком\w*|\bоператор\w* зв.язку\b|\bнерухомост\w*|\bонлайн-школ\w*",
    },
}

# s8-c (issue 17): more trades the domains do not list, in every language (utilities, oil and mining, broadcasters,
# publishers, ministries and local government, game studios): general, the convention of the blind writers for such
# organisations (media 13:4, public bodies 19:5, logistics 7:2, utilities and mining 6:0, game studios 8:1 messages
# expecting general : leaving it unset). Not manufacturers and industrial suppliers with their engineering documents:
# the writers split there (15 general, most of them accepting support for service manuals, : 11 unset), and a field
# left unset is asked later while a wrong one is silent; their service manuals and tickets still name support.
_MORE_GENERAL = {
    "zh": r"石油公司|石化|油田|矿业|煤矿|能源(?:公司|集团|企业)|电台|广播|电视|传媒|部委|政府部门|政府机关|区政府|"
          r"市政府|街道办|游戏(?:公司|工作室|发行商)",
    "de": r"\bbergbau\w*|\bölkonzern\w*|\brundfunk\w*|\bfernseh\w*|\bradiosender\w*|\bministerium\b|"
          r"\b\w+ministerium\b|\bbehörde\w*|\bkommune\b|\bgemeindeverwaltung\w*|\blandratsamt\w*|"
          r"\bspieleentwickler\w*|\bspielestudio\w*",
    "fr": r"\bpétroli\w*|\bminier\w*|\bradios?\b|\btélévisions?\b|\bchaînes? de (?:télé|télévision|radio|info)\w*|"
          r"\bgroupes? audiovisuels?\b|\baudiovisuel\b|\bministères?\b|\bcommunautés? (?:d'agglomération|de "
          r"communes)\b|\bmétropoles?\b|\btransporteurs?\b|\bénergéticiens?\b|\bfournisseurs? d'(?:électricité|"
          r"énergie)\b|\bstudios? de jeux\b|\béditeurs? de jeux\b",
    "es": r"\beléctricas?\b|\benerg[ée]tic\w*|\bdistribuidoras? (?:eléctricas?|de energía)\b|\bemisoras?\b|\bradios?\b|"
          r"\btelevisi[óo]n\b|\bcadenas? de (?:radio|televisi[óo]n|tv)\b|\bproductoras? (?:de tv|de televisi[óo]n|"
          r"audiovisual\w*)\b|\bministerios?\b|\bmineras?\b|\bpetroleras?\b|\bestudios? de videojuegos\b",
    "pt": r"\bemissoras?\b|\brádios?\b|\btelevisão\b|\bmineradoras?\b|\bpetroleiras?\b|\bdistribuidoras? de "
          r"(?:energia|eletricidade)\b|\belétric\w*|\benergia\b|\bministérios?\b|\bprefeituras?\b|\bestúdios? de "
          r"(?:games|jogos)\b",
    "it": r"\bemittent[ei]\b|\bradio\b|\btelevision[ei]\b|\brai\b|\bministero\b|\bministeri\b|\bcomune\b|\bregione\b|"
          r"\bprovincia\b|\bente (?:pubblico|locale)\b|\bpetrolifer\w*|\bstudio di videogiochi\b|\bmultiutilit\w*",
    "nl": r"\bradio\w*|\btelevisie\w*|\bministerie\w*|\bgemeente\w*|\boverheid\w*|\bnetbeheerder\w*|\bgamestudio\w*",
    "pl": r"\benergetyk\w*|\belektrowni\w*|\bradi[ao]\b|\brozgłośni\w*|\btelewizj\w*|\burzęd\w*|\burząd\w*|"
          r"\bministerstw\w*|\bgmin\w*|\bstarostw\w*|\bsamorząd\w*|\bkopalni\w*|\bgórnicz\w*|\bstudi\w* gier\b",
    "sv": r"\bradio\w*|\btv-?(?:bolag|kanal)\w*|\bkommun\w*|\bregionen\b|\bdepartement\w*|\bmyndighet\w*|"
          r"\bspelstudio\w*|\bindiespel\w*",
    "tr": r"\benerji (?:şirket|firma|dağıtım)\w*|\belektrik dağıtım\w*|\bradyo\w*|\btelevizyon\w*|\bbelediye\w*|"
          r"\bbakanlı\w*|\bmaden\w*|\bpetrol (?:şirket|ofis)\w*|\boyun stüdyo\w*",
    "ru": r"\bэнергетическ\w*|\bэнергокомпани\w*|\bнефтян\w*|\bнефтегаз\w*|\bгорнодобыва\w*|\bрадио\w*|"
          r"\bтелеканал\w*|\bтелевидени\w*|\bадминистраци\w*|\bминистерств\w*|\bгосударственн\w* (?:орган|учрежден|"
          r"служб)\w*|\bмэри\w*|\bгеймдев\w*|\bигров\w* студи\w*",
    "ja": r"石油会社|電力会社|ガス会社|放送局|テレビ局|ラジオ局|放送|省庁|官公庁|自治体|市役所|県庁|"
          r"ゲーム(?:会社|スタジオ|開発)",
    "ko": r"정유사|에너지 회사|전력 회사|공기업|공공기관|방송국|방송사|라디오|구청|정부 부처|웹툰|"
          r"게임 회사|게임회사",
    "hi": r"\bnews channel\b|\bsarkari\b",
}
for _lang, _extra in _MORE_GENERAL.items():
    ORGANISATIONS["general"][_lang] = f"{ORGANISATIONS['general'].get(_lang, '')}|{_extra}".lstrip("|")

# Words of a domain that name a function or the people in it, not the organisation: counted with the documents'
# words, never preferred ("fintech, compliance team ... regulations" is finance; "compliance team at a telecom operator"
# is legal). A team that decides something ("compliance will kill it") names no domain.
_DECIDES = (r"(?!\s+(?:team\s+|department\s+|dept\s+|folks\s+|people\s+)?(?:will|would|won'?t|says?|said|wants?|"
            r"insists?|signed|approved|kills?|blocks?|vetoe?s?|requires?|has to|needs? to)\b)")
FUNCTIONS: dict[str, str] = {
    "legal": r"\bcompliance (?:officers?|managers?|analysts?|leads?|manuals?|documents|docs|polic(?:y|ies)|"
             r"handbooks?|obligations)\b|\b(?:in|at|on|from|of|run) (?:the |our )?compliance (?:team|department|"
             rf"function|office)\b{_DECIDES}|\bsolicitors?\b|\bbarristers?\b|合规(?:部|团队|岗|文件|手册|制度)|"
             r"\b(?:équipe|service|direction|responsable|pôle) (?:de la )?conformité\b|\b(?:área|departamento|equipo) "
             r"de cumplimiento\b",
    "medical": r"\bdentists?\b|\bfarmacêuticos\b|\bfarmacéuticos\b|\bfarmacisti\b|\bapotheker\w*",
}



def _split(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``."""
    parts, depth, current, i, in_class = [], 0, "", 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            current, i = current + pattern[i:i + 2], i + 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()":
            depth += 1 if c == "(" else -1
        elif c == "|" and depth == 0:
            parts.append(current)
            current, i = "", i + 1
            continue
        current, i = current + c, i + 1
    return [*parts, current]


def _literal(alternative: str) -> str:
    """The longest literal the text must hold for ``alternative`` to match ("" when it has none of 2 characters).

    Only text outside groups, classes and lookarounds counts, less a last character made optional ("banks?").
    """
    runs, current, depth, i, in_class = [], "", 0, 0, False
    while i < len(alternative):
        c = alternative[i]
        literal_here = depth == 0 and not in_class and c not in "\\.^$*+?{}[]|()"
        if literal_here:
            current += c
        else:
            if current and c in "?*{":
                current = current[:-1]
            runs.append(current)
            current = ""
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c in "()":
            depth += 1 if c == "(" else -1
        i += 1
    runs.append(current)
    best = max(runs, key=len)
    return best if len(best.strip()) >= 2 else ""


# Every organisation's and function's word as (domain, is an organisation, literal, alternative). Several hundred
# alternatives in one regex would be tried at every position of every message, so the words a message can match are
# picked first by their literal ("pension", "kanzlei", "药店") and only those are searched (``_scan``).
_WORDS = tuple((domain, organisation, _literal(alternative), alternative)
               for domain, organisation, pattern in [
                   *((d, True, p) for d, langs in ORGANISATIONS.items() for p in langs.values()),
                   *((d, False, p) for d, p in FUNCTIONS.items())]
               for alternative in _split(pattern))


@functools.lru_cache(maxsize=256)
def _selected(text: str) -> tuple[int, ...]:
    return tuple(i for i, (_, _, literal, _) in enumerate(_WORDS) if not literal or literal in text)


@functools.cache
def _word(i: int) -> re.Pattern[str]:
    """One organisation's or function's word as a pattern of one group named by its domain (compiled once)."""
    domain, _, _, alternative = _WORDS[i]
    return re.compile(f"(?P<{domain}>{alternative})")


@functools.cache
def _documents_words() -> tuple[tuple[str, re.Pattern[str]], ...]:
    from agent import understanding_patterns as P  # the documents' words (patterns imports nothing from here)

    return tuple((domain, re.compile(f"(?P<{domain}>{pattern})")) for domain, pattern in P.DOMAINS.items())


def _in_order(selection: tuple[int, ...], organisations_only: bool) -> list[re.Pattern[str]]:
    """The words of a selection in the order one alternation of them all would try them.

    Every domain's documents' words first, then its organisations' and functions' words; with
    ``organisations_only`` only the organisations', the domains in the order their first word is selected.
    """
    by_domain: dict[str, list[re.Pattern[str]]] = {}
    for i in selection:
        domain, organisation, _, _ = _WORDS[i]
        if organisation or not organisations_only:
            by_domain.setdefault(domain, []).append(_word(i))
    if organisations_only:
        return [rx for words in by_domain.values() for rx in words]
    return [rx for domain, documents in _documents_words() for rx in (documents, *by_domain.get(domain, []))]


def _scan(patterns: list[re.Pattern[str]], text: str) -> Iterator[re.Match[str]]:
    """``finditer`` of the alternation of ``patterns``, without compiling it: the first one at the leftmost place wins.

    Each pattern is searched on its own and its next match kept until the scan passes it. Compiling an alternation
    of the documents' words with the words a message selects took 0.1-0.3 s for each new selection (1,184 selections
    in the committed sets); searching the compiled words one by one finds the same matches.
    """
    pos = 0
    ahead = [rx.search(text) for rx in patterns]
    while True:
        for k, found in enumerate(ahead):
            if found is not None and found.start() < pos:
                ahead[k] = patterns[k].search(text, pos)
        starts = [found.start() for found in ahead if found is not None]
        if not starts:
            return
        first = min(starts)
        match = next(found for found in ahead if found is not None and found.start() == first)
        yield match
        pos = match.end() if match.end() > first else first + 1


def domain_words(text: str) -> Iterator[re.Match[str]]:
    """Every domain's words in ``text``, the documents' before the organisations', as one alternation finds them.

    Each match's ``lastgroup`` names its domain; a word read before is read the same.
    """
    return _scan(_in_order(_selected(text), False), text)


def organisation_words(text: str) -> Iterator[re.Match[str]]:
    """The organisations' words in ``text``, each match's ``lastgroup`` naming its domain."""
    return _scan(_in_order(_selected(text), True), text)


# An organisation of a kind none of the words above name, said in a self-description ("we're a furniture manufacturer",
# "wir sind ein Möbelhersteller", "somos una empresa de muebles", "我们是一家做家具的公司", "家具メーカーです",
# "가구 회사입니다"): an unlisted domain, general. The words before the head noun must name a trade, not only a size,
# a place or that it makes software ("a mid-size company", "a German startup", "一家科技公司" say no domain).
_KIND = (r"company|firm|manufacturer|maker|producer|provider|operator|dealership|chain|co-?op|cooperative|association|"
         r"supplier|distributor|wholesaler|business|brand|consultancy|agency")
_GENERIC = re.compile(
    rf"\b(?:we(?:'re| are)|i work (?:at|for)|i run|we run) (?:a|an) ((?:[\w\-&]+ ){{1,3}}?)(?:{_KIND})\b|"
    r"\bwir (?:are|sind) (?:ein|eine) ((?:[\wäöüß\-]+ ){0,2}[\wäöüß\-]+?)(?:unternehmen|firma|hersteller|betrieb|"
    r"händler|anbieter|dienstleister|konzern|gruppe|verband|genossenschaft)\b|"
    r"\b(?:nous sommes|on est) (?:une?) (?:petite |grande |moyenne )?(?:entreprise|société|fabricant|groupe|"
    r"coopérative|pme|firme|agence|bureau) (?:de |d'|du |des )((?:[\wéèàçâêîôûù\-]+ ?){1,3})|"
    r"\bsomos (?:una?) (?:pequeña |mediana |gran )?(?:empresa|compañía|fabricante|cadena|cooperativa|distribuidora|"
    r"pyme|firma|consultora|agencia) (?:de|del) ((?:[\wáéíóúñ\-]+ ?){1,3})|"
    r"\bsomos (?:uma?) (?:pequena |média |grande )?(?:empresa|fabricante|rede|cooperativa|distribuidora) (?:de|do|da) "
    r"((?:[\wáéíóúãõçê\-]+ ?){1,3})|"
    r"\bsiamo (?:una?|un') ?(?:piccola |media |grande )?(?:azienda|società|produttore|catena|cooperativa|impresa) "
    r"(?:di|del|della|che produce) ((?:[\wàèéìòù\-]+ ?){1,3})|"
    r"\bw(?:ij|e) zijn een ((?:[\w\-]+ ){0,2}[\w\-]+?)(?:bedrijf|fabrikant|producent|leverancier|groothandel)\b|"
    r"我们是(?:一家|一个)?([^，,。.；;\s]{1,10}?)(?:公司|企业|工厂|厂商|集团)|"
    r"(?:^|は|、)\s*([^\s、。はがの]{1,8}?)(?:会社|メーカー)です|"
    r"(?:^|저희는\s*|우리는\s*)([^\s,.]{1,8}?)\s?(?:회사|업체|제조사)(?:인데|입니다|예요|이에요)")
_NO_TRADE = re.compile(
    r"^(?:small(?:er|-ish)?|mid-?(?:size|sized)?|medium(?:-sized)?|large|big|huge|global|international|local|regional|"
    r"national|family(?:-owned|-run)?|private|privately-held|public|listed|young|new|growing|fast-growing|b2b|b2c|"
    r"saas|tech|technology|software|it|ai|data|cloud|digital|online|startup|start-up|series|seed|early-stage|boutique|"
    r"little|us|uk|eu|\w+(?:ish|ese|ian|an|ch|ss)|mittelständisch\w*|klein\w*|groß\w*|gross\w*|international\w*|"
    r"deutsch\w*|familiengeführt\w*|softwar\w*|it-|tech\w*|一家|小|中型|大型|科技|互联网|软件|创业|it|saas|ai|"
    r"ソフトウェア|ベンチャー|スタートアップ|中小|大手|it|소프트웨어|스타트업|작은|중소|대기업|테크|it|"
    r"\d+|the|a|an|and|&|"
    # a headcount and a place are no trade (s6-a): "une PME de 40 personnes à Nantes"
    r"personnes|persone|personas|pessoas|people|salariés|employés|collaborateurs|dipendenti|empleados|funcionários|"
    r"colaboradores|mitarbeiter\w*|employees|staff|à|en|em|in|dans)$")


# ... nor a place or an ownership in Chinese, Japanese or Korean ("一家德国公司", "한국 회사"), nor software
_SOFTWARE = re.compile(r"saas|software|软件|科技|互联网|技术|信息|网络|ソフトウェア|소프트웨어|"
                       r"(?<![a-z])(?:it|ai)(?![a-z])|"
                       r"^[\u4e00-\u9fff]{0,4}(?:国|省|市|州|地区)$|^(?:本地|国内|外资|合资|上市|民营|国有|私营|跨国|"
                       r"日本|日系|外資系|国内の|한국|미국|중국|일본|독일|외국계|국내)$")


def unlisted_organisation(text: str) -> bool:
    """Whether ``text`` describes the user's organisation by a trade the domains do not list (see ``_GENERIC``)."""
    for m in _GENERIC.finditer(text):
        words = re.findall(r"[^\s]+", next(g for g in m.groups() if g is not None))
        if any(not _NO_TRADE.match(w.strip("-'")) and not _SOFTWARE.search(w) for w in words):
            return True
    return False
