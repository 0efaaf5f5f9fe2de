"""Which languages an interview message states: names and codes, added, replaced or removed, and unknown names.

The names are data (``knowledge/data/languages.yaml``: English names, endonyms and exonyms in the languages the
interview meets, stems for the languages that inflect them). Rules on top of the names:

- a name inside a model name ("bert-base-german-cased", "text2vec-base-chinese") or before a word for people or an
  organisation ("a French team", "Polish and Czech companies", "the Spanish market") is not a language statement;
- codes count only in a list of codes ("EN/DE/FR", "DE, EN, IT und PL", "en+es"), as locale tags ("zh-CN",
  "pt-BR"), after a word for languages ("languages: de, en") or as the bare answer to the languages question; a list
  of codes that are also ordinary words ("IT and HR") or countries after "in" ("offices in DE and FR", "the UK/EU")
  is not;
- a mention after "also", "plus", "I forgot", "auch", "aussi", "también", "anche", "ook", "też", "också", "ayrıca",
  "тоже", "还有", "も" ... or with a share ("a third of the tickets are in Spanish") adds to the stated list, and so do
  the names listed right after it; any other mention states the whole list ("only English", "just German");
  "no Japanese after all", "kein Englisch mehr" remove;
- a word shaped like a language name that the table does not know, listed next to a known one ("Russian and
  Chuvash", "中文和彝语") or answering the languages question, is returned as unknown: the caller then stores
  nothing (never a partial list) and the reply says which name it could not use.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from knowledge.languages import known_languages, normalise_language

# Scripts written without spaces (or with attached particles: Hebrew "בעברית", "ובאנגלית"): names match anywhere.
_UNSPACED = re.compile(r"[\u0590-\u05ff\u0600-\u06ff\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1200-\u137f"
                       r"\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
CJK_COMPOUND = re.compile(r"(?<![其集空期心居当之命途高初合违非宪方语算民刑司立执手做办说看想用])"
                          r"([中英日韩德法俄]{2,4})(?:文|语|語|双语|雙語|三语|三語|混合|混杂|混雜|夹杂|夾雜|对照|對照|"
                          r"两种语言|兩種語言)")
# A list of one-character names before a count of languages: "中、英、日三种语言", "中英日三语", "中/英两种语言".
CJK_NAME_LIST = re.compile(r"(?<![其集空期心居当之命途高初合违非宪方语算民刑司立执手做办说看想用道品美])"
                           r"([中英日韩韓德法俄西葡意])((?:\s*[、,，/和及与與跟]\s*"
                           r"[中英日韩韓德法俄西葡意])+)\s*(?:[两兩二三四五2-5]\s*(?:种|種|门|門|个|個)?\s*)?"
                           r"(?:语言|語言|语|語|文)")
CJK_LANG_CHAR = {"中": "zho", "英": "eng", "日": "jpn", "韩": "kor", "德": "deu", "法": "fra", "俄": "rus"}
CJK_LIST_CHAR = {**CJK_LANG_CHAR, "韓": "kor", "西": "spa", "葡": "por", "意": "ita"}
# The same abbreviations in Japanese ("日英の2言語", "日英対訳") and Korean ("한영 문서", "한영 혼용").
JA_COMPOUND = re.compile(r"([日英中韓独仏露]{2,4})の?\s*(?:[2-4二三四両]\s*(?:か|ヶ|カ)?国?)?\s*"
                         r"(?:言語|バイリンガル|対訳|併記|両方|両言語|混在|ミックス)")
JA_LANG_CHAR = {"日": "jpn", "英": "eng", "中": "zho", "韓": "kor", "独": "deu", "仏": "fra", "露": "rus"}
KO_COMPOUND = re.compile(r"(?<![가-힣])([한영중일]{2,3})\s*"
                         r"(?:문서|혼용|혼합|병기|이중\s*언어|번역|자료|documents?|docs?)")
KO_LANG_CHAR = {"한": "kor", "영": "eng", "중": "zho", "일": "jpn"}
# A one- or two-character name inside a longer word is not a language (其中文档, 合法文件, 每日文档, 收藏文章).
CJK_NAME_BLOCK = {"中": "其集空期心居当之命途高初", "法": "合违非宪方语算民刑司立执手做办说看想用",
                  "日": "每今昨当次半节假生工周平终全两一某", "藏": "收珍馆隐储冷宝典"}
CAPITALISED_ONLY = {"polish", "lehçe", "pools"}  # names that are also common words
# Names that are a country in another language: French "l'italien" is Italian, German "in Italien" is Italy.
COUNTRY_HOMONYMS = {"italien": re.compile(r"\b(?:in|nach|aus|von|für|über|mit)\s+$")}

# A word for people or an organisation right after a nationality: "a French team" states no language.
ORG_AFTER = re.compile(
    r"^(?:[\s,]+(?:and|&|or)\s+\w+)*[\s\-]+(?:team|teams|company|companies|firm|firms|business|businesses|office|"
    r"offices|subsidiary|subsidiaries|branch|branches|customers?|clients?|colleagues?|staff|employees?|engineers?|"
    r"developers?|people|users?|partners?|government|authorities|regulators?|market|markets|bank|banks|startup|"
    r"startups|operations|site|sites|headquarters|hq|parent|owners?|investors?|cuisine|food|wine|citizens?|"
    r"nationals?|insurers?|insurance|broadcasters?|universit(?:y|ies)|hospitals?|retailers?|publishers?|"
    r"manufacturers?|carriers?|airlines?|telcos?|ministr(?:y|ies)|agenc(?:y|ies)|councils?|schools?|funds?|"
    r"utilit(?:y|ies)|insurance company|law firm|start-up|scale-up|conglomerate|group|"
    # a place the data is hosted or a law, not a language (s6-a): "an Italian cloud", "a French provider", "Spanish law"
    r"clouds?|cloud providers?|providers?|hosters?|hosting|data ?cent(?:er|re)s?|regions?|laws?|regulations?|"
    r"компани\w*|команд\w*|клиент\w*|офис\w*|рын\w+|банк\w*|фирм\w*|партн[её]р\w*|сотрудник\w*|"
    r"правительств\w*|firm[aęy]\w*|klien\w+|zesp[oó]\w+|rynek|rynku|biur\w+|spółk\w+|rząd\w*|"
    # s17-b (dev19b): a provider, a company or a cloud in Swedish, Polish and Turkish ("hos en svensk
    # molnleverantör", "polski dostawca chmury", "yerli bulut sağlayıcısı")
    r"molnleverantör\w*|leverantör\w*|molntjänst\w*|moln\w*|bolag\w*|företag\w*|myndighet\w*|kund\w*|"
    r"dostawc\w*|chmur\w*|operator\w*|sağlayıcı\w*|şirket\w*|bulut\w*)\b"
    r"(?![\s\-]+(?:e-?mails?|tickets?|messages?|docs?|documents?|questions?|quer(?:y|ies)|reviews?|chats?|"
    r"conversations?|feedback|support|requests?|data|records?|contracts?|letters?|notes?|files?|comments?|"
    r"communications?|correspondence|calls?|transcripts?|faqs?|manuals?|articles?|content|texts?|pages?|reports?))")
ORG_BEFORE = re.compile(  # the Romance order: "un equipo inglés", "un client anglais", "un cliente inglese"
    r"\b(?:equipo|empresa|cliente|clientes|oficina|filial|socio|gobierno|mercado|banco|équipe|equipe|entreprise|"
    r"société|client|clients|bureau|filiale|partenaire|gouvernement|marché|banque|azienda|clienti|ufficio|società|"
    r"squadra|governo|mercato|escritório|parceiro|bedrijf|klant|klanten|kantoor|team|firma|"
    # where the data is hosted, a law (s6-a): "un cloud italiano", "un proveedor español", "la loi française"
    r"cloud|nube|nuvem|nuage|provider|fornitore|proveedor|fournisseur|provedor|hébergeur|hosting|datacenter|"
    r"data center|legge|ley|loi|lei|normativa)\s+$")
# Words around a name inside a model's name: "bert-base-german-cased", "text2vec-base-chinese".
MODEL_WORD = re.compile(r"\d|_|\b(?:bert|roberta|base|large|small|tiny|mini|cased|uncased|embed\w*|e5|bge|gte|sbert|"
                        r"mpnet|minilm|multilingual|text2vec|xlm|labse|gbert|electra|distil\w*|sentence|model)\b")

# Codes: separators of a list, words for languages before one, countries after "in".
_SEP = (r"(?:\s*(?:,|/|\+|&|\||、|;)\s*(?:(?:plus|and|und|et|y|e)\s+)?(?:(?:some|a bit of|a little|a few|partly|"
        r"mostly)\s+)?|"  # lead s15: "(EN, some DE/FR)": a share before the next code
        r"\s+(?:and|or|und|oder|et|ou|y|e|i|och|ve|en|и|plus)\s+)")
CODE_LIST = re.compile(r"(?<![\w\-])([a-z]{2,3})((?:" + _SEP + r"[a-z]{2,3}(?![\w\-]))+)")
DUTCH_AND = re.compile(r"(?<![\w\-])[A-Z]{2}\s+en\s+[A-Z]{2}(?![\w\-])")
# One code written as a code before "only", not a country ("~25k contracts, DE only"; not "shipping to DE only")
_CODE_ONLY = re.compile(r"(?<!\bin )(?<!\bto )(?<!\bfor )(?<!\bfrom )(?<![\w\-])([a-z]{2})[\s\-]only\b")
CODE_LIST_CONTEXT = re.compile(r"(?:multilingual|languages?|langs?|sprachen?|langues?|idiomas?|lingue|línguas?|talen|"
                               r"języki|språk|diller|языки|言語|언어|语言|语种)\s*(?:[:=(]|are|is|include|sind|sont|"
                               r"son|sono|são)?\s*$")
COUNTRY_BEFORE = re.compile(r"\b(?:in|from|across|to|at|for|nach|aus|within|inside|outside)\s+(?:the\s+)?$")
# Codes that are also ordinary words, acronyms or country codes: never the only codes of a list.
AMBIGUOUS_CODES = frozenset(
    "it hr cs ml id ms ar mt la km ga eu uk no so or is be as am my to hi he an at us pa ta si ne ca et tt ug bo ps af "
    "ha lo ka mn ku tg ky tk gu mr bn kn lb bs sl sq hy yo zu xh sw tl mi fy br gd fo jv su ht mg rw ig sd ti qu yi "
    "wo ln sn om gn "
    "cat fin est tam tel ind pan mar lat mon som bel ben lit bod kan mal sin lao tat nor hun ron pol fil ell dan que "
    "hat sun jav bre ibo kin tir snd wo ln bm ff om sn tn st oc rm lg ny wol lin bam ful orm sna tsn sot oci roh "
    "lug nya".split())
COUNTRY_CODES = frozenset(
    "de fr it es pl nl pt ru tr no fi lv lt hr hu ro bg sk si id th am az mk mt is la so uz tt ug bo ps my ml ne ga gl "
    "cy eu uk sr ar ms pa gu mr et bn be ca sl km lb kn bs tg ky tk as af ht mg rw sd".split())
_LIST_TAIL = re.compile(r"^\s*(?:,|and|plus|&|und|et|y|e)?\s*(?:(?:a bit of|a little|some|also|etwas|un peu d[e']|"
                        r"algo de|un po' di)\s*)?([a-z]{2})(?=\s*(?:$|[.,;!?)]))")
LOCALE_TAG = re.compile(r"(?<![\w\-])([a-z]{2})[-_]([a-z]{2}|hans|hant)(?![\w\-])")

# Adding, replacing, removing.
ADD_CUE = re.compile(
    r"\balso\b|\bas well\b|\btoo\b|\badditionally\b|\bin addition\b|\bplus\b|\bforgotten\b|\bbesides\b|"
    r"\bon top\b|\banother\b|\bforgot\b|\d+\s*%[^,;.]{0,25}|\b(?:a|one|two) (?:third|quarter|fifth|tenth)s?\b|"
    r"\bhalf\b|"
    r"\bsome of\b|\bpart of\b|\ba (?:few|handful) of\b|"
    r"\bauch\b|\bausserdem\b|\baußerdem\b|\bzusätzlich\b|\bdazu\b|\bvergessen\b|\bein teil\b|"
    r"\baussi\b|\bégalement\b|\ben plus\b|\boublié\b|\bune partie\b|"
    r"\btambién\b|\bademás\b|\bolvid[éeó]\w*|\bparte de\b|"
    r"\banche\b|\binoltre\b|\bdimenticat\w*|\bpure\b|"
    r"\btambém\b|\balém disso\b|\besqueci\b|"
    r"\book\b|\bdaarnaast\b|\bvergeten\b|"
    r"\bteż\b|\btakże\b|\brównież\b|\bzapomniał\w*|\bjeszcze\b|\bponadto\b|"
    r"\bockså\b|\bäven\b|\bglömde\b|\bdessutom\b|"
    r"\bnoch (?:ein(?:ige|ige|en)?|ein paar|etwas|welche|zusätzlich)\b|\bencore (?:des|quelques|un peu)\b|"
    r"\bancora (?:dei|delle|qualche|alcuni|alcune)\b|\bainda (?:há|tem|temos)\b|\bnog (?:wat|een paar|enkele)\b|"
    r"\bayrıca\b|\bunuttum\b|"
    # s15-b: a part of the documents in every language of heldout48 ("bir kısmı Arapça", "sebagian bahasa Arab",
    # "một phần tiếng Anh", "บางส่วน", "część po angielsku", "en del på engelska", "een deel", "una parte", "일부")
    r"\bbir kısm\w*|\bbazıları\b|\bsebagian\b|một phần|một số|บางส่วน|\bczęść\b|\bczesc\b|\ben del\b|"
    r"\been deel\b|\bdeels\b|\buna parte\b|\bin parte\b|\bчасть\b|\bчастично\b|일부|"
    r"\bтакже\b|\bтоже\b|\bещё\b|\bеще\b|\bзабыл\w*|"
    r"\badd(?:ing)?\b|\binclude\b|hinzufügen|\bajouter\b|\bañadir\b|\bagregar\b|\baggiungere\b|\badicionar\b|"
    r"\btoevoegen\b|\bdodać\b|\blägg till\b|\bekle\w*|\bдобав\w+|"
    # s10-b: the add verbs conjugated ("agrega portugués", "dodajcie ukraiński", "tambah bahasa Jawa")
    r"\bagreg\w*|\bañad\w*|\baggiung\w*|\badicion\w*|\bajout\w*|\bdodaj\w*|\btambah\w*|"
    r"\b(?:replac|swap|switch|exchang)\w*\b.{1,30}\b(?:with|for|to|by)\s+(?:[^\W\d]+\s+)?$|"  # "swap X for Y"
    r"再加|加(?:一个|个|一门|一種|一种|上一个)|添加|新增|"  # s16-b: "语言再加一个日语吧"
    r"还有|也有|另外|此外|加上|也包括|也需要|也要|忘了|さらに|他に|忘れ|또한|추가로|그리고|追加|추가")
# The queries' language next to the documents' one ("users ask in Spanish", "毎日英語で問い合わせが来ます") adds.
QUERY_CUE = re.compile(r"\bquer(?:y|ies)\b|\bquestions?\b|\bask(?:s|ed|ing)?\b|\binquir\w+|\benquir\w+|"
                       r"\bsearch(?:es)?\b|\banfragen\b|\bfragen\b|\brequêtes\b|\bconsultas\b|\bpreguntas\b|\bdomande\b|\bperguntas\b|"
                       r"\bvragen\b|\bzapytania\b|\bpytania\b|\bfrågor\w*|\bsorular\b|\bзапрос\w*|\bвопрос\w*|"
                       r"提问|查询|问题|問い合わせ|質問|検索|질문|문의|검색")
ADD_AFTER = re.compile(r"^\s*(?:documents?|docs?)?\s*(?:as well|too)\b|^\s*(?:も|도|也)|"
                       # lead s15: the documents named before the "too" ("영어 문서도", "英語のドキュメントも")
                       r"^\s*(?:の\s*)?(?:documents?|docs?|files?|manuals?)\s*(?:도|も|也)|"
                       r"^\s*(?:instead of|rather than|statt|anstatt|au lieu d|en lugar de|en vez de|invece d|"
                       r"em vez de|in plaats van|zamiast|i stället för|вместо)|"  # "Danish instead of Dutch"
                       # s10-b: the add verb or "too" after the name ("Französisch kommt noch dazu", "Arapçayı da
                       # ekleyin", "tambah bahasa Jawa juga", "英語の文書も追加で")
                       r"^\s*(?:kommt|kommen)\s+(?:noch\s+)?(?:\w+\s+)?dazu\b|^\S*\s+(?:da|de)\s+ekle\w*|^\s*juga\b|"
                       r"^\s*(?:の\s*\w+\s*)?(?:も|を)?\s*追加|^\s*(?:の\s*\w+\s*)もお?願|"
                       # s15-b: "Arapça da var" (there is Arabic too), "tiếng Nhật cũng có"
                       r"^\s*(?:da|de)\s+(?:var|mevcut|bulun\w*|geçiyor)\b|^\s*cũng có\b|"
                       # s11-c: "英語のマニュアルも混ざってました" (the English manuals too)
                       r"^\s*の\s*[^\s、。,.\d]{1,12}?も(?![のうしっ])|"
                       # s11-b: a few words between ("İngilizce ürün açıklamalarını da ekleyelim", "영어랑 일본어 상품
                       # 설명도 같이 넣기로", "英語の目論見書も入れて")
                       r"^(?:\s*\S+){1,3}\s+(?:da|de)\s+ekle\w*|"
                       # "Französisch und Italienisch kommen auch vor", "英語の資料も少しあります"
                       r"^\s*(?:[^\W\d_]+\s+){0,2}(?:auch|aussi|también|anche|também|ook|också|även|тоже|также|"
                       r"też)\b|"
                       r"^[^,.;!?。，、]{0,30}?(?:도|も|也)\s*(?:같이|함께|一緒に|一起)?\s*(?:넣|추가|포함|入れ|追加|含め|加)|"
                       # s17-c: a language kept after all, said after its name ("Japanese stays in", "Japanisch
                       # bleibt drin", "le japonais reste", "el japonés se queda", "o japonês fica", "日文还是保留",
                       # "日本語は残します"): it is in the list
                       r"^\s*(?:(?:documents?|docs?)\s+)?(?:stays?|remains?) (?:in|on the list|included)\b"
                       r"(?!\s+(?:the|our|a|an|its|their)\b)|"
                       r"^\s*(?:(?:is|are) )?(?:kept|staying)(?: in)?\b|^\s*bleib\w* (?:doch )?(?:drin|dabei)\b|"
                       r"^\s*rest(?:e|ent) (?:dedans|dans la liste|inclus\w*|finalement|quand même)\b|"
                       r"^\s*se (?:queda|quedan|mantiene\w*)\b|^\s*(?:fica|ficam) (?:dentro|na lista|mesmo)\b|"
                       r"^\s*(?:还是|还得|仍然|继续)?(?:保留|留着|要留)|^\s*(?:は|も)?(?:やっぱり)?\s*残(?:し|す|る)")
_NEGATION = (r"(?:\bno|\bnot|n't|\bnão|\bwithout|\bno longer|\bno more|\bkein\w*|\bnicht|\bohne|\bpas d[e']|"
             r"\bplus d[e']|\bsans|\bsin|\bya no|\bsenza|\bniente|\bsem|\bgeen|\bniet|\bzonder|\bbez|\binte|\butan|"
             r"\bingen|\bбез|\bне|\bнет|\bnada d[eo']|\bnothing in|\bnone in|"
             # s16-a: "no hay nada en catalán", "il n'y a rien en allemand", "es gibt nichts auf Englisch"
             r"\bnada en|\bnada em|\brien en|\bnichts (?:auf|in)|\bniente in|\bningun\w* (?:en|documento en)|"
             r"\bnessun\w* (?:in)|\bnenhum\w* (?:em))")
_NEEDED = (r"(?:\s+(?:longer|more|really|even|actually|mehr))?\s+(?:need\w*|want\w*|have|use|support\w*|necesit\w+|"
           r"brauch\w+|benötig\w+|avons besoin d[e']|besoin d[e']|serve|precis\w+|nodig|potrzebuj\w+|behöver|нуж\w+)")
_DROP = (r"(?:\binstead of|\brather than|\bstatt|\banstatt|\bau lieu d[eu']|\ben lugar de|\ben vez de|\binvece d[i']|"
         r"\bem vez de|\bin plaats van|\bzamiast|\bi stället för|\bвместо|"
         r"\b(?:replac|swap|switch(?:ed)? from|exchang)\w*|"
         r"\bdrop(?:ped|ping)?|\bremov(?:e|ed|ing)|\bexclud(?:e|ed|ing)|\bscra(?:p|pped|tch)|\bcut|\bforget(?: about)?|"
         r"\bleave out|\bleft out|\bno need for|不要|去掉|去除|删掉|删除|没有|不需要|不包括|不含|不用|"
         # s10-b: taking out in every language ("on enlève l'allemand", "tira o inglês", "togli il tedesco")
         r"\benl[eè]v\w*|\bretir\w*|\bsupprim\w*|\bquit[ae]\w*|\btira\w*|\btogli\w*|\brimuov\w*|\bentfern\w*|"
         r"\busu[nń]\w*|\bубер\w*|\bудал\w*|\bhapus\w*|"
         # s16-b: the imperatives of taking out said before the name ("tolga l'inglese", "elimina el francés",
         # "streichen Sie Französisch", "hata do Marathi", "把英语去掉" is after)
         r"\btolg\w*|\belimin\w*|\bstreich\w*|\bhata (?:do|dijiye|dena|de)|\bnikal (?:do|dijiye))")
REMOVE_BEFORE = re.compile(rf"(?:{_NEGATION}(?:{_NEEDED})?|{_DROP})\s*(?:(?:the|any|more|mais|mehr|más|più|meer|"
                           r"więcej|mer|l'|o|or|a|os|as|le|la|les|il|lo|el|het)\s*)?(?:(?:in|auf|en|на|po|på|em|de|of)\s+|"
                           r"d'\s*)?$")
REMOVE_AFTER = re.compile(
    r"^\s*(?:'\w+)?\s*(?:(?:documents?|docs?|文档|文件)\s*)?(?:(?:is|are)\s*)?"
    r"(?:[—–\-,:]*\s*(?:no|nein|non|não|nee|nie|nej|hayır|нет)\s*[,.!;]|gerek yok|ihtiyaç yok|"
    r"的?那?(?:部分|些|块|塊|边|邊)?\s*(?:先|暂时|就|也|都)?\s*(?:去掉|去除|删掉|不要了?|不做了?|"
    # s17-c: "日文那块不用管了", "英文那部分不考虑了": left out of the search
    r"不用管了?|不管了?|(?:不用|不再)?不?考虑了|不用考虑了?|砍掉了?)|"  # s11-b: "英文的那部分去掉吧",
    # lead s15: "英文的先不要了"
    r"[은는]?\s*(?:빼|제외)|not needed|no longer needed|not required|dropped|removed|is out|are out|after all not|"
    r"(?:\w+\s+){0,3}(?:but )?(?:we )?can (?:safely )?ignore (?:those|them|these)|"
    r"(?:\w+\s+){0,2}(?:we can )?ignore(?:d)?\b|"
    # s15-a: "the Irish bits we can leave out", "Xhosa ones can be skipped", "the Welsh we'll drop"
    r"(?:\w+\s+){0,3}(?:we |you )?(?:can |could |should |will |'ll )?(?:leave (?:out|aside)|leave (?:it|them|those) "
    r"out|skip|exclude|drop)\b|(?:\w+\s+){0,2}(?:can|could|should) be (?:left out|skipped|excluded|dropped)\b|"
    # s11-c: a language the documents had once ("the 2021 archive had some Portuguese but we dropped it")
    r"(?:\w+\s+){0,2}(?:but |and )?(?:we |they )?(?:dropped|removed|deleted|archived|retired|got rid of)\s+"
    r"(?:it|them|those|that|these)\b|"
    r"(?:is|are)?\s*(?:no longer|not|isn't|aren't)\s+(?:needed|required|necessary|relevant|in scope)|"
    r"fällt weg|entfällt|(?:nicht|not) (?:mehr|more)|(?:brauchen|benötigen) wir (?:\w+ )?(?:nicht|not)|"
    r"wird (?:\w+ )?(?:nicht|not) (?:mehr|more)|"
    r"(?:we )?(?:don't|do not|no longer) need|n'est plus|ya no|non serve|non è più|"
    r"não é mais|niet meer|nie jest już|behövs inte|artık gerek\w*|больше не|не нуж\w*|не требуется|"
    r"不要了|不需要了|去掉|不用了|没有了|は?(?:もう)?不要|はいらない|は要らない|なし|[은는]? ?필요 ?없|"
    # s16-b: taking out said after the name, a word or two between, in the verb-final languages and the German
    # modal ("英語はやっぱり外してください", "日语就删了吧", "Französisch können Sie streichen", "Marathi hata do",
    # "Portugiesisch lassen wir weg", "l'inglese lo togliamo")
    r"(?:は|を|も)?\s*(?:やっぱり|もう|一旦|いったん)?\s*(?:外し|外す|除外|除い|削除|抜い|消し)|"
    r"(?:[\w'’]+\s+){0,2}(?:streichen|weglassen|rausnehmen|entfernen|lassen wir weg|fällt raus)\b|"
    r"(?:\w+\s+){0,1}(?:hata|hatao|nikal|hata ke)\s*(?:do|dijiye|dena|de|o)?\b|"
    r"(?:lo |la |li |le )?(?:togli\w*|tolg\w*|elimin\w*|rimuov\w*)\b|"
    # lead s8: Turkish removes after the name ("Arapçayı çıkaralım", "İngilizceyi kaldırın", "Arapça hariç")
    r"çıkar\w*|kaldır\w*|hariç|olmasın|yok artık|"
    # s13-b: a language there is none of or that is not kept ("ingilizce yokmuş", "les docs anglais on les garde
    # pas", "англійської вже немає", "англійська не потрібна")
    r"yok(?:muş|mus|tu|tur)?\b|(?:on|nous) (?:ne )?(?:les |le |la )?(?:garde|gardons) (?:pas|plus|not|no more)\b|"
    r"on (?:les |le |la )?(?:laisse tomber|enlève|retire|jette)\b|(?:on )?(?:n')?en a (?:pas|plus) besoin\b|"
    r"(?:вже |уже )?(?:немає|нема|нет)\b|не (?:треба|потрібн\w*|нужн\w*)|"
    # Swedish, Norwegian and Danish strike out after the name ("finska stryker vi", "tyska stryks")
    r"stryk\w*|tar vi bort|tas bort|fjern\w*|dropper vi|"
    # s10-b: "Frans mag eruit", "Englisch fliegt raus"
    r"(?:mag|kan|moet|gaat) (?:er)?uit|(?:mag|kan) weg|(?:fliegt|fällt|kann|muss) raus|"
    # s15-b: a language there is none of after all, a word or two between ("l'inglese in realtà non c'è", "el
    # inglés en realidad no hay", "angielskiego w sumie nie ma", "engelska finns inte", "Engels zit er niet in",
    # "bahasa Inggris sebenarnya tidak ada")
    r"(?:[\w'’]+\s+){0,3}(?:non c['’]\s?[eè]|non ci sono|no hay|não (?:há|tem)|nie ma\b|finns (?:det )?inte|"
    r"zit(?:ten)? er (?:\w+ )?niet in|is er niet|gibt es (?:da )?(?:gar )?nicht|(?:tidak|gak|nggak|ga|enggak) ada\b))")
# A language for later is not stated now: "we might add Japanese later", "vielleicht kommt später Polnisch dazu".
FUTURE = re.compile(
    r"\blater\b|\bnext (?:year|quarter|month)\b|\bin the future\b|\beventually\b|\bdown the road\b|\bsome ?day\b|"
    r"\b(?:might|may|could|will|plan(?:ning)? to|want to|considering|thinking about) "
    r"(?:add|adding|expand\w*|support)\b|"
    r"\bnot (?:yet|now)\b|\bspäter\b|\bkünftig\b|\bzukünftig\b|\birgendwann\b|\bplus tard\b|\bà l'avenir\b|"
    r"\bun jour\b|\bmás adelante\b|\ben el futuro\b|\balgún día\b|\bpiù avanti\b|\bin futuro\b|\bmais tarde\b|"
    r"\bno futuro\b|\bin de toekomst\b|\bpóźniej\b|\bw przyszłości\b|\bsenare\b|\bi framtiden\b|\bileride\b|"
    r"\bgelecekte\b|\bпозже\b|\bпотом\b|\bв будущем\b|以后|将来|今后|未来|今後|나중에|향후|추후|"
    r"\bmaybe (?:one day|someday|at some point)\b|\bat some point\b|\bvielleicht mal\b|\bpeut-être un jour\b|"
    r"\bquizás? (?:algún día|después)\b|\bforse un giorno\b|\btalvez um dia\b|\bun giorno\b|\bum dia\b|"
    r"\booit\b|\bop termijn\b|\blater misschien\b|\bkiedyś\b|\bnågon gång\b|\bframöver\b|\bbir gün\b|"
    r"\bкогда-нибудь\b|\bкогда-то потом\b|いずれ|いつか|언젠가|有朝一日|以後|將來")
# The language a message is written in, or the reply is asked in: "I'm writing in English", "répondez en français".
META_BEFORE = re.compile(
    r"(?:\bwrit\w*|\btyp\w*|\brepl\w*|\brespond\w*|\banswer\w*|\btalk\w*|\bspeak\w*|\bchatting|\bschreib\w*|"
    r"\bantwort\w*|\bécri\w*|\brépond\w*|\bescrib\w*|\bscriv\w*|\brispond\w*|\bescrev\w*|\bresponda\w*)\s+"
    r"(?:to you\s+|you\s+|me\s+|dir\s+|ihnen\s+|vous\s+|te\s+|ti\s+|le\s+)?(?:in|auf|en|em)\s+$|"
    r"\b(?:my|mein|meinem|mon|mi|il mio|o meu)\s+$|请用|用(?=英文|中文|英语|日语)")
# Other people writing in a language ("players write in English, Spanish and Korean"): the content's languages
_THEY_WRITE = re.compile(r"\b(?:players|users|customers|clients|people|they|members|patients|students|employees|"
                         r"staff|agents|visitors|buyers|sellers|authors|lawyers|doctors|engineers|tickets?|documents?|"
                         r"docs?|articles?|contracts?|emails?|messages?|reviews?|questions?|files?|pages?)\s+(?:\w+\s+){0,2}"
                         r"(?:write|writes|wrote|written|are written|type|ask|asks)\s+(?:\w+\s+)?in\s+(?:[\w\s,]*)$")
# A language as an attribute of the documents, in an answer to another question ("英文文献大概 120 万篇", "論文は英語で
# 6000語程度", "the English papers run 6,000 words"): it qualifies what is counted, it does not list the languages.
ATTRIBUTE_AFTER = re.compile(
    r"^\s*(?:(?:の|で|的)\s*)?(?:(?:scientific|research|legal|medical|technical|internal|old|new)\s+)?(?:文献|文獻|文档|文檔|文章|摘要|论文|論文|资料|資料|报告|報告|文件|记录|記録|記事|文書|"
    r"原稿|문서|논문|자료|보고서|기사|papers?|articles?|abstracts?|documents?|docs?|reports?|pages?|texts?|books?|"
    r"manuals?|contracts?|emails?|tickets?|filings?|(?:\d[\d,.]*\s*(?:語|字|词|詞|단어|words?)))")
ATTRIBUTE_BEFORE = re.compile(r"\b(?:papers?|articles?|abstracts?|documents?|docs?|reports?|texts?|textes|"
                              r"contracts?|contrats|documentos|artículos|documenti|articoli|documentos|artigos|"
                              r"dokumente|artikel|documenten|dokumenty|artykuły|dokument|belgeler|документы|статьи)\s+"
                              r"(?:in|en|auf|em|na|på|in het|на)\s+$")
# "in plain English", "in simple English", "in layman's English": an idiom for plain words, not a language.
PLAIN_IDIOM = re.compile(r"\b(?:plain|simple|everyday|normal|layman'?s?|natural)\s+$")
# A language that names words inside the documents, not the documents' language ("only Chinese, though there are
# English medical abbreviations", "800 English words per article", "englische Fachbegriffe", "términos médicos en
# inglés", "with lots of english product names", "quote Latin legal phrases"), and the language of the user interface
# ("our UI is english")
_TERMS = (r"(?:terms?|terminology|abbreviations?|acronyms?|jargon|loan ?words|words?|phrases?|expressions?|"
          r"(?:product |brand )?names|fachbegriff\w*|begriff\w*|abkürzung\w*|wörter\w*|ausdrück\w*|"
          r"t[ée]rminos?|palabras?|siglas?|abreviaturas?|nombres|tecnicismos?)")
TERMS_AFTER = re.compile(rf"^\s*(?:[^\W\d_]+\s+){{0,2}}?{_TERMS}(?![^\W\d_])|"
                         r"^\s*的?\s*[\u4e00-\u9fff]{0,4}?(?:缩写|缩略语|术语|单词|词汇|专有名词|人名|品牌名)")
# (but "80 palabras en español e inglés" says what the text is written in: the blind writers' reading, h3-es-10)
TERMS_BEFORE = re.compile(rf"(?<![^\W\d_])(?!words?\b|palabras?\b|wörter)"
                          rf"{_TERMS}\s+(?:[^\W\d_]+\s+){{0,2}}?(?:in|en|auf|em)\s+$|"
                          r"\b(?:ui|user interface|interface|frontend|front-end|menus?)\s+(?:is|'s|are)\s+(?:in\s+)?$")
META_AFTER = re.compile(r"^\s*(?:回答|回复|答复|交流|沟通|で回答|で返信|で答え|로 답|로 대답|is not my first language|"
                        r"isn't my first language|isn't great|is not great)")
ONLY_CUE = re.compile(r"\bonly\b|\bjust\b|\bsolely\b|\bexclusively\b|\bnur\b|\bausschließlich\b|\bseulement\b|"
                      r"\buniquement\b|\bsolo\b|\bsolamente\b|\bsoltanto\b|\bapenas\b|\bsó\b|\balleen\b|\btylko\b|"
                      r"\bbara\b|\bsadece\b|\bтолько\b|只有|只|仅|だけ|のみ|만|"
                      # s13-b: "c'est juste en français", "rien qu'en", "somente", "endast", "yalnızca", "тільки"
                      r"\bjuste\b|\brien qu(?:e |')|\bsomente\b|\bendast\b|\byaln[ıi]zca\b|"
                      r"(?<![а-яіїє])(?:тільки|лише|лишь)(?![а-яіїє])")

ONLY_AFTER = re.compile(r"^\s*(?:only|alone|exclusively|uniquement|seulement|nur|solo|solamente|apenas|alleen|"
                        r"tylko|bara|sadece|только|のみ|だけ|만)")

# Unknown names: a word shaped like a language name, listed next to a known one or answering the question.
_LIST_GLUE = re.compile(r"^(?:\s*(?:,|/|&|、|と|和|及|与|或)\s*|\s+(?:and|or|und|oder|et|ou|y|e|i|och|ve|en|и|или)"
                        r"\s+|\s*(?:와|과|랑|이랑|하고)\s*)$")
_LATIN_LANGISH = re.compile(r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:ish|ese|ian|isch|ais|ois|ien|és|ês|ano|ese|ic|ca|ce|ça|çe|ski|ska|"
                            r"sk[yi]|ua|ara|ani|i)$")
_CYRILLIC_LANGISH = re.compile(r"^[а-яё]+(?:ский|ском|ского|ская|ской|ские|ских|цкий|цком|цкого)$")
_CANDIDATE = re.compile(r"(?:(?![和与與及或跟、])[\u4e00-\u9fff]){1,4}[语語]|[\u30a0-\u30ff]{2,8}語|"
                        r"[^\W\d_\u0600-\u06ff\u0900-\u0dff\u0e00-\u0fff\u1000-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+")
_CONJUNCTION = re.compile(r"^\s+(?:and|or|und|oder|et|ou|y|e|i|och|ve|en|и|или)\s+$")
_NOT_LANGUAGES = frozenset(
    "python java javascript typescript kotlin scala rust go ruby php swift sql markdown pdf html json xml excel word "
    "powerpoint confluence jira sharepoint slack google microsoft aws azure teams english-speaking basic logic "
    "physics mathematics economics music graphic public private academic clinic music arabic-script latin "
    "mexican american canadian australian brazilian argentinian colombian chilean peruvian venezuelan cuban "
    "austrian swiss belgian nigerian kenyan egyptian moroccan algerian tunisian iranian iraqi syrian saudi "
    "pakistani indian bangladeshi singaporean taiwanese malaysian emirati qatari israeli "
    # nationalities that name no language, in the languages of the lexicon ("NL, FR en EN (we zijn Belgisch)", s9-e)
    "belgisch belge belga belgijski schweizerisch suisse suizo svizzero österreichisch autrichien austriaco "
    "amerikaans amerikanisch américain americano canadees kanadisch canadien canadiense "
    "术语 用语 词语 外语 母语 双语 多语 口语 成语 标语 短语 话语 俗语 谚语 手语 评语 自然语 國語 国语 外國語 外国语 "
    "単語 用語 言語 敬語 英単語 母国語 外国語 多言語 略語 専門用語 物語 落語 主語 述語 結語 標準語 共通語".split())


_CJK_NOT_LANGUAGES = tuple(w for w in _NOT_LANGUAGES if _UNSPACED.search(w))


@dataclass
class LanguageReading:
    """The languages one text states.

    ``mentions`` are (ISO 639-3 code, removed, added) in order of mention; ``only`` is True when the text says the
    list is complete ("only English"); ``unknown`` lists words shaped like language names the table does not know.
    """

    mentions: list[tuple[str, bool, bool]] = field(default_factory=list)
    only: bool = False
    unknown: list[str] = field(default_factory=list)


@functools.cache
def _language_res() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], frozenset[str]]:
    """(names in spaced scripts, names in unspaced scripts, name or stem -> code, every code)."""
    names: dict[str, str] = {}
    spaced, unspaced = [], []
    for lang in known_languages():
        for name in lang.names:
            stem = name.lower().endswith("*")
            word = name.lower().rstrip("*")
            names[word] = lang.code
            if _UNSPACED.search(word):
                unspaced.append(re.escape(word))
            else:
                spaced.append(re.escape(word) + (r"\w*" if stem else ""))
    spaced.sort(key=len, reverse=True)
    unspaced.sort(key=len, reverse=True)
    codes = frozenset(c for lang in known_languages() for c in (lang.code, lang.iso1, *lang.also) if c)
    return (re.compile(r"(?<!\w)(?:" + "|".join(spaced) + r")(?!\w)"), re.compile("|".join(unspaced)), names,
            codes)


def _code(text: str) -> str:
    return normalise_language(text).code


def _name_code(word: str) -> str | None:
    """The code of a matched name or inflected stem ("английском" -> rus's stem "английск" -> eng)."""
    names = _language_res()[2]
    if word in names:
        return names[word]
    for end in range(len(word) - 1, 2, -1):
        if word[:end] in names:
            return names[word[:end]]
    return None


def _in_model_name(text: str, start: int, end: int) -> bool:
    left = start
    while left > 0 and (text[left - 1].isalnum() or text[left - 1] in "-_."):
        left -= 1
    right = end
    while right < len(text) and (text[right].isalnum() or text[right] in "-_."):
        right += 1
    token = text[left:right].strip(".")
    return token != text[start:end] and bool(MODEL_WORD.search(token))


# s13-b: a lower-case name right after another language, joined by a list's words or a share ("and a little")
_LISTED_AFTER = re.compile(r"^\s*(?:,|/|&|\+|\band\b|\bn\b|\bplus\b|\bor\b)?\s*(?:(?:a |tiny |a tiny )?(?:little|bit)"
                           r"(?: of)?\s+|some\s+|also\s+)?$")


def _uppercase_in(raw: str, code: str) -> bool:
    return re.search(rf"(?<![\w\-]){re.escape(code.upper())}(?![a-z])", raw) is not None


def _names(text: str, raw: str) -> list[tuple[int, int, str]]:
    spaced, unspaced, _, _ = _language_res()
    hits: list[tuple[int, int, str]] = []
    for m in spaced.finditer(text):
        word = m.group()
        code = _name_code(word)
        if code is None or _in_model_name(text, m.start(), m.end()):
            continue
        if word in CAPITALISED_ONLY and word.capitalize() not in raw and word in raw.lower() and not (
                hits and _LISTED_AFTER.search(text[hits[-1][1]:m.start()])):
            continue  # "polish" typed as a word; not one glossed ("польської") nor one listed ("english n polish")
        if word in COUNTRY_HOMONYMS and COUNTRY_HOMONYMS[word].search(text[max(0, m.start() - 10):m.start()]):
            continue
        if ORG_AFTER.match(text[m.end():m.end() + 60]) or ORG_BEFORE.search(text[max(0, m.start() - 30):m.start()]):
            continue
        hits.append((m.start(), m.end(), code))
    for m in unspaced.finditer(text):
        blocked = CJK_NAME_BLOCK.get(m.group()[0], "")
        if not (m.start() and text[m.start() - 1] in blocked):
            hits.append((m.start(), m.end(), _language_res()[2][m.group()]))
    for m in CJK_NAME_LIST.finditer(text):
        names = [m.group(1), *re.findall(r"[中英日韩韓德法俄西葡意]", m.group(2))]
        hits.extend((m.start(), m.end(), CJK_LIST_CHAR[c]) for c in dict.fromkeys(names))
    for rx, chars in ((CJK_COMPOUND, CJK_LANG_CHAR), (JA_COMPOUND, JA_LANG_CHAR), (KO_COMPOUND, KO_LANG_CHAR)):
        for m in rx.finditer(text):
            if len(set(m.group(1))) == len(m.group(1)):  # 日日 is not two languages
                hits.extend((m.start() + i, m.end(), chars[c]) for i, c in enumerate(m.group(1)))
    return hits


# Country codes people write for a language ("EN, plus JP and KR", "CN/EN"): the language's code, same length
_COUNTRY_FOR_LANGUAGE = {"jp": "ja", "kr": "ko", "cn": "zh", "ua": "uk", "cz": "cs", "dk": "da", "gr": "el"}
_COUNTRY_CODE = re.compile(r"(?<![\w\-])(JP|KR|CN|UA|CZ|DK|GR)(?![\w\-])")


def _listed(span: str, items: list[tuple[int, str]], i: int) -> bool:
    """Whether a list mark (",", "/", "+" ...) stands between ``items[i]`` and the next item of ``span``."""
    return re.search(r"[,/+&|;、]", span[items[i][0]:items[i + 1][0]]) is not None


def _codes(text: str, raw: str, asked: str | None) -> list[tuple[int, int, str]]:
    codes = _language_res()[3]
    if _COUNTRY_CODE.search(raw) and (asked == "languages" or re.search(r"(?<![\w\-])EN(?![\w\-])", raw)):
        # (beside English's code or to the languages question; "we ship to JP and KR" names countries)
        for m in _COUNTRY_CODE.finditer(raw):
            lang = _COUNTRY_FOR_LANGUAGE[m.group(1).lower()]
            raw = raw[:m.start()] + lang.upper() + raw[m.end():]
        text = re.sub(r"(?<![\w\-])(jp|kr|cn|ua|cz|dk|gr)(?![\w\-])", lambda m: _COUNTRY_FOR_LANGUAGE[m.group(1)]
                      if _uppercase_in(raw, _COUNTRY_FOR_LANGUAGE[m.group(1)]) else m.group(1), text)
    hits: list[tuple[int, int, str]] = []
    for m in CODE_LIST.finditer(text):
        dutch_and = DUTCH_AND.search(raw) is not None  # "NL en DE": the Dutch "and" between codes
        items = [(i.start(), i.group()) for i in re.finditer(r"[a-z]+", m.group())
                 if not re.fullmatch(r"and|or|und|oder|et|ou|y|e|i|och|ve|plus|some|a|bit|of|little|few|partly|mostly",
                                     i.group())
                 and not (dutch_and and i.group() == "en" and 0 < i.start() < len(m.group()) - 2)]
        while len(items) > 2 and not _listed(m.group(), items, 0) and (
                items[0][1] not in codes or items[0][1] == "en" and _listed(m.group(), items, 1)):
            items = items[1:]  # "FAQ en fr/nl/en": the words before the list ("faq", the preposition "en") are none
        known = []
        for item in items:  # "fr/en, pic à 15 req/s": fr, en
            if item[1] not in codes:
                break
            known.append(item)
        if known and len(known) == len(items) and known[-1][1] in AMBIGUOUS_CODES \
                and re.match(r"\s+(?!(?:docs?|documents?|content|texts?|pages?|only|too|as|mostly)\b)[^\W\d_]",
                             text[m.end():]):
            known.pop()  # "EN/DE and IT teams": the IT is the department
        if len(known) < 2 and not (known and len(known) == len(items)):
            continue
        before = text[max(0, m.start() - 25):m.start()]
        said_languages = asked == "languages" or bool(CODE_LIST_CONTEXT.search(before))
        joined = re.fullmatch(r"[a-z]{2,3}(?:\s*[/+]\s*[a-z]{2,3})+", text[
            m.start() + known[0][0]:m.start() + known[-1][0] + len(known[-1][1])]) is not None
        upper = all(_uppercase_in(raw, code) for _, code in known)
        if not (said_languages or joined or upper):
            continue
        if not said_languages and all(code in AMBIGUOUS_CODES for _, code in known):
            continue  # "IT and HR", "the UK/EU"
        if not said_languages and COUNTRY_BEFORE.search(before) and all(code in COUNTRY_CODES for _, code in known):
            continue  # "offices in DE and FR": countries
        hits.extend((m.start() + i, m.start() + i + len(code), _code(code)) for i, code in known)
        tail = _LIST_TAIL.match(text[m.end():m.end() + 40]) if len(known) == len(items) else None
        if tail and tail.group(1) in codes and _uppercase_in(raw, tail.group(1)):  # "DE/EN/FR plus a bit of IT"
            hits.append((m.end() + tail.start(1), m.end() + tail.end(1), _code(tail.group(1))))
    for m in LOCALE_TAG.finditer(text):
        lang, region = m.group(1), m.group(2)
        if lang in codes and (lang not in AMBIGUOUS_CODES or _uppercase_in(raw, region) or region in ("hans", "hant")):
            hits.append((m.start(), m.end(), _code(lang)))
    bare = text.strip(" .!,;。")
    if asked == "languages" and bare in codes and (bare not in AMBIGUOUS_CODES or _uppercase_in(raw, bare)):
        hits.append((0, len(text), _code(bare)))
    elif not hits and (only := _CODE_ONLY.search(text)) and only.group(1) in codes and \
            only.group(1) not in AMBIGUOUS_CODES and _uppercase_in(raw, only.group(1)):
        hits.append((only.start(1), only.end(1), _code(only.group(1))))  # "~25k contracts, DE only"
    elif not hits and len(raw.split()) <= 3:  # "EN only", "DE please": one code, written as a code, in a short reply
        for m in re.finditer(r"(?<![\w\-])[a-z]{2}(?![\w\-])", text):
            if m.group() in codes and m.group() not in AMBIGUOUS_CODES and m.group() not in COUNTRY_CODES \
                    and _uppercase_in(raw, m.group()):
                hits.append((m.start(), m.end(), _code(m.group())))
    return hits


def _unknown(text: str, raw: str, asked: str | None, hits: list[tuple[int, int, str]]) -> list[str]:
    """Words shaped like language names, listed next to a known name (or answering the question), not in the table."""
    masked = list(text)
    for start, end, _ in hits:
        masked[start:end] = " " * (end - start)
    rest = "".join(masked)
    spans = sorted({(s, e) for s, e, _ in hits})
    out: list[str] = []
    for m in _CANDIDATE.finditer(rest):
        word = m.group()
        if word in _NOT_LANGUAGES or word.endswith(_CJK_NOT_LANGUAGES):
            continue
        glued = [(s, e) for s, e in spans if (0 <= m.start() - e <= 8 and _LIST_GLUE.match(text[e:m.start()]))
                 or (0 <= s - m.end() <= 8 and _LIST_GLUE.match(text[m.end():s]))]
        if re.match(r"[\u0590-\u05ff]", word):  # Hebrew names end in -ית ("עברית", "אמהרית"), spaced as Latin
            shaped = word.endswith("ית")
        elif _UNSPACED.search(word):
            shaped = True
        elif re.match(r"[а-яё]", word):
            shaped = bool(_CYRILLIC_LANGISH.match(word))
        else:
            written = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", raw, re.IGNORECASE)
            word = written.group() if written else word
            shaped = bool(written and (_LATIN_LANGISH.match(word) or (
                word[0].isupper() and len(word) >= 4 and any(_CONJUNCTION.match(text[e:m.start()]) for _, e in glued)
                and re.match(r"\s*(?:$|[.,;!?)]|documents?\b|docs?\b)", text[m.end():]))))
        if shaped and (glued or (asked == "languages" and len(text.split()) <= 8)):
            out.append(word)
    return list(dict.fromkeys(out))


_CLAUSE_END = re.compile(r"[.;!?。！？]|\bbut\b|\baber\b|\bpero\b|\bma\b|但是|但")
_SEGMENT_END = re.compile(r"[.;!?。！？,，、]|\bbut\b|\baber\b|\bpero\b|\bma\b|但是|但")


# The language people speak among themselves is no language of the documents: "the team speaks English and Polish,
# the documents are all in English", "Im Team sprechen wir Englisch, die Dokumente ... auf Deutsch", "팀원들은 영어로
# 소통하지만 문서는 ...". A name in the same segment as a verb of speaking (or after "<people> are (mostly)")
# yields to the names stated elsewhere in the message; alone, it still answers.
_SPOKEN_END = re.compile(r"[.;!?。！？,，、:]|\b(?:but|though|aber|pero|ma|mais|maar|mas|ale|ama|ancak|tapi|namun|"
                         r"nhưng|но|а|however)\b|但是|但|지만|けど|ですが|ますが|が、")
_SPEECH = re.compile(r"\b(?:speak|speaks|speaking|talk|talks|talking|chat|chats|converse|communicate|communicates|"
                     r"sprech\w*|spricht|red(?:en|et)|parl(?:e|ent|ons|a|ano|iamo)|habl(?:a|an|amos)|fal(?:a|am|amos)|"
                     r"sprek\w*|spreekt|mówi\w*|rozmawia\w*|говор\w*|общаемся|общаются|konuş\w*|bol(?:ti|te|ta|ate)|"
                     r"ngobrol|bicara|berbicara|nói)\b|说|講|讲|交流|沟通|溝通|話し|話す|会話|소통|말하|대화|बोल|"
                     # s17-c: the company's official or working languages ("日本語と英語が社内公用語ですが",
                     # "our official languages are", "Konzernsprache", "langues de travail", "idioma oficial")
                     r"\b(?:official|working|company|corporate|business) languages?\b|公用語|公用语|官方语言|工作语言|"
                     r"\b(?:amts|arbeits|konzern|unternehmens|firmen|geschäfts)sprachen?\b|"
                     r"\blangues? (?:officielles?|de travail)\b|\bidiomas? (?:oficial(?:es)?|de trabajo)\b|"
                     r"\bl[íi]nguas? (?:oficia(?:l|is)|de trabalho)\b|\blingue? (?:ufficial[ei]|di lavoro)\b|공용어")
_PEOPLE_ARE = re.compile(r"\b(?:team|devs|developers|engineers|staff|employees|colleagues|people|we)\s+(?:are|is)\s+"
                         r"(?:mostly\s+|all\s+|mainly\s+)?$")


# (users and customers who speak a language ask in it: "用户主要说英语、德语、法语" states the queries' languages)
_ASKERS = re.compile(r"\b(?:users?|customers?|clients?|players?|patients?|citizens?|visitors?|students?|callers?|"
                     r"buyers?|guests?|kunden|nutzer\w*|clientes?|clienti|klanten|usu[áa]rios?|utilisateurs?|"
                     r"пользовател\w*|клиент\w*|m[üu]şteri\w*|pelanggan|khách hàng)\b|用户|客户|顾客|玩家|患者|"
                     r"お客様|ユーザー|顧客|고객|사용자")


def _meta_before(text: str, start: int, end: int) -> bool:
    """The words before a name say it is the language of the conversation ("I'm writing in", "请用英文回答").

    "用" before a list names the language of the conversation only when answering follows ("请用英文或中文回答"); "客户
    主要用英文和西班牙语搜索" names the languages the customers search in (s16-a).
    """
    found = META_BEFORE.search(text[max(0, start - 30):start])
    if found is None or found.group() != "用":
        return found is not None
    return bool(_ANSWERING_AFTER.search(text[end:end + 16]))


_ANSWERING_AFTER = re.compile(r"^[^。！？.!?]{0,10}?(?:回答|回复|答复|交流|沟通|写|聊)")


def _spoken(text: str, start: int, end: int) -> bool:
    """A language named as what the user's own people speak (or are), not what the documents are written in."""
    before = _SPOKEN_END.split(text[max(0, start - 40):start])[-1]
    after = _SPOKEN_END.split(text[end:end + 25])[0]
    return bool(_SPEECH.search(before + " " + after) or _PEOPLE_ARE.search(before)) and not _ASKERS.search(before)


def _clause(text: str, start: int, end: int, ends: re.Pattern[str] = _CLAUSE_END) -> str:
    """The words around a mention in its own clause (40 characters before, 30 after, not past a full stop).

    With ``ends=_SEGMENT_END`` the words up to the nearest comma: "polski i angielski, może kiedyś niemiecki": the
    "some day" belongs to German only.
    """
    before = ends.split(text[max(0, start - 40):start])[-1]
    after = ends.split(text[end:end + 30])[0]
    return before + " " + after


def _attribute(text: str, hits: list[tuple[int, int, str]], start: int, end: int) -> bool:
    """A lone language name qualifying the documents counted or measured ("英文文献", "English papers")."""
    if len({code for _, _, code in hits}) > 1:
        return False  # "English and German papers": a list of languages is a statement
    if ATTRIBUTE_BEFORE.search(text[max(0, start - 30):start]):
        return True  # "les articles en anglais font 2 000 mots"
    if re.search(r"[(（]\s*$", text[max(0, start - 3):start]) and re.match(r"\s*[)）]", text[end:end + 3]):
        return True  # "一篇平均八千字左右吧（中文）": the figure's script, in brackets
    return ATTRIBUTE_AFTER.match(text[end:end + 30]) is not None



def read_languages(text: str, raw: str, asked: str | None) -> LanguageReading:
    """The languages ``text`` (lower-cased and glossed; ``raw`` as typed) states, for the question ``asked``."""
    found = sorted(set(_names(text, raw) + _codes(text, raw, asked)))
    hits = [(start, end, code) for start, end, code in found  # "I'm writing in English": not the documents' language
            if not ((_meta_before(text, start, end) and not _THEY_WRITE.search(
                    text[max(0, start - 60):start])) or META_AFTER.match(text[end:end + 30])
                    or FUTURE.search(_clause(text, start, end, _SEGMENT_END))
                    or PLAIN_IDIOM.search(text[max(0, start - 20):start])
                    or TERMS_AFTER.match(text[end:end + 40]) or TERMS_BEFORE.search(text[max(0, start - 50):start])
                    or (asked not in (None, "languages") and _attribute(text, found, start, end)))]
    spoken: list[tuple[int, int, str]] = []
    for hit in hits:  # a name listed right after a spoken one is spoken too ("speaks English, Polish and Czech")
        if _spoken(text, hit[0], hit[1]) or (spoken and _LIST_GLUE.match(text[spoken[-1][1]:hit[0]])):
            spoken.append(hit)
    if spoken and len(spoken) < len(hits):
        hits = [hit for hit in hits if hit not in spoken]
    reading = LanguageReading()
    previous_end, previous_added = -1, False
    for start, end, code in hits:
        reading.only = reading.only or bool(ONLY_CUE.search(_CLAUSE_END.split(text[max(0, start - 20):start])[-1])
                                            or ONLY_AFTER.match(text[end:end + 12]))
        removed = bool(REMOVE_BEFORE.search(text[max(0, start - 25):start]) or REMOVE_AFTER.match(text[end:end + 40]))
        added = bool(ADD_CUE.search(text[max(0, start - 40):start]) or ADD_AFTER.match(text[end:end + 40])
                     or QUERY_CUE.search(_clause(text, start, end)))
        if not added and previous_end >= 0 and previous_added and _LIST_GLUE.match(text[previous_end:start]):
            added = True  # "we also have Japanese, Korean and Thai": the whole list is added
        if removed and reading.mentions and previous_end >= 0 and _LIST_GLUE.match(text[previous_end:start]) and \
                REMOVE_AFTER.match(text[end:end + 25]):  # "Chinese and Russian papers, but we can ignore those"
            reading.mentions[-1] = (reading.mentions[-1][0], True, reading.mentions[-1][2])
        if added and reading.mentions and not reading.mentions[-1][2] and not reading.mentions[-1][1] and \
                _LIST_GLUE.match(text[previous_end:start]):  # "영어랑 일본어 ... 설명도 같이 넣기로": the list is added
            reading.mentions[-1] = (reading.mentions[-1][0], False, True)
        reading.mentions.append((code, removed, added))
        previous_end, previous_added = end, added
    if hits or asked == "languages":  # an unknown name counts next to a known one or as the answer
        reading.unknown = _unknown(text, raw, asked, found)
    return reading


def find_languages(text: str, raw: str, asked: str | None) -> list[tuple[str, bool, bool]]:
    """Return (ISO 639-3 code, removed, added) for each language ``text`` names, in order of mention.

    Names ("German", "日语", "中英文", "на казахском") count anywhere but in a model's name or before a word for
    people or an organisation; bare codes count in a list of codes, as locale tags ("zh-CN"), after a word for
    languages, or when the question was about languages.
    """
    return read_languages(text, raw, asked).mentions
