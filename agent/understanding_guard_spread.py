"""Lengths and counts the user leaves open by their own spread: asked back with a confirming check, never guessed.

Two faces, read on the glossed text (``agent.understanding_patterns.normalise``) with one lexicon for every language:

- *lengths an order of magnitude apart* ("anywhere from 1 paragraph to 100 pages", "短的一两百字，长的能有几十万字",
  "von einer halben Seite bis zu 200-seitigen Gutachten"): the longest at least ``LENGTH_SPREAD`` times the shortest and
  no typical length said ("but most are around 10 pages" is the answer);
- *the documents unclear* ("12k FAQ entries spread over 40 documents", "about 300 folders, each with dozens of
  files", "5,000 files, each holding hundreds of FAQs"): entries inside files, or files inside folders, counted
  both or one of them vaguely. Pages, words or megabytes spread over files are their length (the files are the
  count), and entries that are each their own article are one count.

A figure the reader took from a length ("200-seitigen" read as 200 documents) is withheld with it.
"""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_patterns as P
from agent.understanding import Understanding
from agent.understanding_documents import one_named
from agent.understanding_guard_reading import read
from agent.understanding_quantities import singled_out

_TOKENS_PER_PARAGRAPH = 100.0
# Lengths this far apart (or more) are no one length: "from 1 paragraph to 100 pages" (500x), "half a page to 200
# pages" (400x); within it, "anywhere from 5 to 50 pages" is a range the writers store as said (dev11a)
LENGTH_SPREAD = 20.0
_LONGEST = 500_000  # tokens: a 1,000-page book; a longer length is a total
# A length unit after a figure, and the tokens one of it is (the gloss writes most pages as "pages")
_LENGTH_UNITS = (
    (re.compile(r"^\s*-?\s*(?:pages?|seiten?|-?seitig\w*|p[áa]ginas?|pagin[ae]|pagina's|stron(?:a|y|ie|ach|ami)?\b|-?stronicow\w*|"
                r"страниц\w*|sayfa\w*|halaman|ページ|페이지|页|頁)"), float(P.TOKENS_PER_PAGE)),
    (re.compile(r"^\s*(?:words?|w[öo]rter\w*|mots?|palabras?|palavras?|parole|woorden|słów|слов\w*|kelime\w*|kata\b|"
                r"単語|단어)"), P.TOKENS_PER_WORD),
    (re.compile(r"^\s*(?:字|文字|자(?![가-힣])|글자)"), P.TOKENS_PER_CJK_CHAR),
    (re.compile(r"^\s*(?:characters?|chars?|zeichen|caract[èe]res?|caratteri|tekens|znak\w*|символ\w*|karakter\w*)"),
     1 / P.CHARS_PER_TOKEN),
    (re.compile(r"^\s*tokens?\b"), 1.0),
    (P.LINES_AFTER, float(P.TOKENS_PER_LINE)),  # "chat msgs are 1 line, the manuals 100+ pages" (s12-b)
    (re.compile(r"^\s*(?:zeilen?|lignes?|l[íi]neas?|linhas?|righe|riga|regels?|"
                # s15-b: lines in Polish, Swedish, Turkish, Russian, Indonesian and Vietnamese
                r"linij\w*|wiersz\w*|rader|satır\w*|строк\w*|baris|dòng)\b"), float(P.TOKENS_PER_LINE)),
    (P.SENTENCES_AFTER, float(P.TOKENS_PER_SENTENCE)),
    (re.compile(r"^\s*(?:paragraphs?|paragraphes?|p[áa]rrafos?|par[áa]grafos?|paragraf\w*|alinea'?s?|abs[äa]tz\w*|"
                r"akapit\w*|абзац\w*|段落|단락|문단)"), _TOKENS_PER_PARAGRAPH),
)
# One paragraph or page said with no figure ("d'un paragraphe", "от абзаца", "desde una página", "satu paragraf")
_ONE_UNIT = re.compile(r"(?:\b(?:a|one|single|un|une|una|um|uma|uno|één|een|ein|eine|einer|einem|ek|satu|bir|jeden|"
                       r"jednego|d'un)\s+(?:single\s+|short\s+|half\s+|kurze[nmr]?\s+|halbe[nmr]?\s+)?(?:paragraph|paragraphe|p[áa]rrafo|"
                       r"par[áa]grafo|paragrafo|alinea|absatz|akapit\w*|paragraf|page|p[áa]gina|seite|strona|"
                       r"sayfa|halaman|line|zeile|ligne|l[íi]nea|linha|riga|regel)\b|(?<![а-я])(?:от\s+)?абзаца?(?![а-я])|一段|一个段落|한\s*단락|한\s*문단)")
# s15-b: two to five lines or pages said in words ("two-line emails", "mail di due righe", "correos de dos líneas",
# "maile na dwie linijki", "e-mails van twee regels", "mejl på två rader"), as the gloss leaves them
_FEW_VALUES = {w: v for v, words in ((2, "two due dos deux zwei twee två to iki две dwie dwa dua hai"),
                                     (3, "three tre tres trois drei drie üç три trzy tiga ba"),
                                     (4, "four quattro cuatro quatre vier fyra dört четыре cztery empat bốn"),
                                     (5, "five cinque cinco cinq fünf vijf fem beş пять pięć lima năm"))
               for w in words.split()}
_FEW_UNIT = re.compile(r"(?<![\w\-])(" + "|".join(_FEW_VALUES) + r")[\s\-]+(?:(?:short|kurze\w*|brevi)\s+)?"
                       r"(lines?|pages?|paragraphs?|rader|regels?|linijk\w*|satır\w*|строк\w*|baris|dòng)\b")
# A typical length said beside the spread: the answer, not a spread left open
_TYPICAL = re.compile(
    r"\b(?:average|avg|on average|mostly|most (?:are|of them|docs|documents|files)|usually|typically|typical|median|"
    r"normally|im schnitt|im mittel|durchschnitt\w*|meist\w*|en moyenne|la plupart|généralement|de media|en promedio|"
    r"la mayoría|normalmente|em média|a maioria|geralmente|in media|mediamente|per lo più|la maggior parte|"
    r"gemiddeld|meestal|de meeste|średnio|zwykle|większość|przeważnie|ortalama|genelde|çoğu|rata-rata|biasanya|"
    r"kebanyakan|zyadatar|di solito|solitamente|di norma|in genere|typowo|zazwyczaj|genellikle|normalde|"
    r"gewöhnlich|normalerweise|in der regel|typisch\w*|d'habitude|habituellement|en général|en g[ée]n[ée]ral|"
    r"por lo general|generalmente|habitualmente|doorgaans|normaal|vanligtvis|oftast|vanligen|i snitt|"
    r"aam taur par|umumnya|pada umumnya|m[ée]dia|media|moyenne|promedio)\b|"
    r"(?<![а-яіїє])(?:в среднем|обычно|большинство|как правило|зазвичай|здебільшого|в середньому|переважно)"
    r"(?![а-яіїє])|平均|大部分|大多|一般|通常|多くは|たいてい|大抵|ほとんど|普通|보통|대부분|대개|주로|평균")
# The long ones said to be rare: the other length is the typical one ("some are 50 pages but under 1%", "a few
# exceptions", "很少")
_RARE = re.compile(r"\b(?:less than|under|below|fewer than)\s*\d+(?:[.,]\d+)?\s*%|"
                   r"\d(?:[.,]\d+)?\s*%\s*(?:under|below|or less|or fewer)\b|\brare(?:ly)?\b|\bexceptions?\b|"
                   r"\bthe exception\b|\boutliers?\b|\bausnahme\w*|\bexcepci[oó]n\w*|\bexce[cç][aã]o\b|\beccezion\w*|"
                   r"\buitzondering\w*|\bwyjąt\w*|\bistisna\w*|\bисключени\w*|很少|极少|めったに|まれ|드물")
_PER_PART = re.compile(r"\s*(?:a|1|per|each|every|/|pro|par|por|al|je|na|за)\s*(?:page|slide|paragraph|seite|sheet|"
                       r"chapter|section|p[áa]gina|stron\w*)")
_QUERY_CLAUSE = re.compile(r"\bquer(?:y|ies)\b|\bquestions?\b|\bprompts?\b|\bsearch(?:es)?\b|查询|问题|クエリ|質問|"
                           r"쿼리|질문|anfrage\w*|requête\w*|consulta\w*|domand\w*|zapyta\w*|запрос\w*|sorgu\w*|zoek\w*|\bsuch\w*|"
                           r"recherche\w*|b[úu]squeda\w*|busca\w*|ricerc\w*|wyszuk\w*|поиск\w*|arama\w*")
_CHUNKS = re.compile(r"\bchunks?\b|\bsplit\b|切片|分块|チャンク|청크")
# Most documents said to be short, in words, and a length said for the long ones only ("most are short, but the annual
# reports are hundreds of pages", "de meeste zijn kort, maar ...", "die meisten sind kurz, aber ..."): the typical
# length is not said (lead s12)
_MOSTLY_SHORT = re.compile(
    r"\b(?:most(?: of them| docs| documents| files)?|de meeste|die meisten|la plupart|la mayoría|la maggior parte|"
    r"a maioria|większość|çoğu)\s+(?:are|is|zijn|sind|sont|son|sono|é|são|to|jest|są)?\s*(?:pretty |quite |fairly |"
    r"rather |vrij |ziemlich |assez |bastante |abbastanza |bem )?(?:short|small|brief|tiny|kort|kurz|courts?|courtes|"
    r"cortos?|cortas?|brevi|corti|curtos?|curtas?|krótkie|kısa)\b[^.;!?]{0,30}?[,;]?\s*(?:but|maar|aber|mais|pero|ma|"
    r"mas|ale|ama)\b")
_WHY_MOSTLY_SHORT = "most are short and the long ones long: about how long is a typical document?"
_WHY_LENGTH = "lengths from {lo:,.0f} to {hi:,.0f} tokens: about how long is a typical document?"

# Containers of documents, and the entries a document may hold, as the gloss leaves them
_CONTAINER = (r"folders?|folderów|directories|mappen|ordner|carpetas|pastas|dossiers|cartelle|klasör\w*|папок|папк\w*|"
              r"文件夹|フォルダ|폴더|binders?|archives?|spreadsheets?|excel\w*|workbooks?")
_FILES = (r"files?|fichiers?|archivos?|arquivos?|dateien|bestanden|plików|pliki|файл\w*|dosya\w*|ファイル|파일|"
          r"documents?|文件|文档")
_ENTRIES = (r"faqs?|faq-\w+|entries|entrées|einträge|eintrag|preguntas|perguntas|вопрос\w*|pytań|kayd\w*|"
            r"q&as?|问答|条|"
            # questions and their answers, as the gloss leaves them ("مئات الأسئلة والأجوبة": "queries والأجوبة",
            # lead s13)
            r"quer(?:y|ies)\s+(?:and answers|وال?أجوبة)|questions? (?:and|&) answers|câu hỏi")
# Containers counted right after a figure ("1.200 Ordner", "800 folders"): no documents of their own (s12-b)
CONTAINERS_AFTER = re.compile(rf"\s*(?:{_CONTAINER})\b")
# Items a container lists, counted inside it ("12 catalogues, each with thousands of products", "18 PDFs, in jeder
# tausende Artikelnummern", "カタログ20冊、1冊に製品が数千点"): which are the documents is asked too
_ITEMS = (r"products?|produkt\w*|produits?|productos?|produtos?|prodotti|artikel\w*|art[íi]culos?|articoli|"
          r"records?|registros?|enregistrements?|datens[äa]tze?|rekord\w*|записе\w*|kayıt\w*|记录|レコード|레코드|"
          r"schede|fiches?|items?|rows?|filas?|linhas|righe|rijen|zeilen|decisions?|décisions?|sentenze|"
          r"製品|商品|产品|상품|제품|記事|条目|"
          # s13-b: notices and announcements inside each file ("每個PDF裡面有上百篇公告", "each PDF has hundreds of
          # notices", "chaque PDF contient des centaines d'avis")
          r"notices?|announcements?|circulars?|bulletins?|avis|avisos?|comunicados?|mitteilung\w*|bekanntmachung\w*|"
          r"ogłosze\w*|duyuru\w*|оголошен\w*|объявлен\w*|meddelanden?|公告|通知|通告|公文|お知らせ|告示|공지\w*|공고|"
          r"ประกาศ|listings?|"
          # rows of something ("thousands of rows of product cards", "vài nghìn dòng câu hỏi"); a line alone is a length
          r"(?:lines?|dòng)\s+(?:(?:of|з|із|с|de|mit|với)\s+)?[^\s.;。]+")
_CATALOGUES = (r"catalog\w*|katalog\w*|cat[áa]logos?|cataloghi|カタログ|目录|카탈로그|planilhas?|hojas de c[áa]lculo|"
               r"fogli(?: di calcolo)?|arkusz\w*|таблиц\w*|表格|スプレッドシート|스프레드시트|엑셀|エクセル|"
               r"pdfs?|sites?|classeurs?|recueils?|sammlung\w*|冊|csvs?|json\w*|dumps?|exports?|zips?")
# "in jeder", "1冊に", "1ファイルに": each of them, as the gloss leaves it
_EACH_MORE = r"in jede[mrn]?|(?:1|一)\s*(?:冊|つ|ファイル|フォルダ|本)(?:の[^\d、。]{0,6})?に|각각"
_EACH_AFTER = (r"each|cada|chacun\w*|jeweils|ciascun[oa]|elk|każd\w*|каждый|каждая|her biri")
# One container, as "per ..." names it ("per map", "por carpeta", "pro Ordner")
_ONE_CONTAINER = r"map|mappe|carpeta|pasta|cartella|ordner|dossier|folder|directory"
# The items said to be inside the containers ("with hundreds of records in it", "avec des milliers de fiches dedans")
_INSIDE = (r"in (?:it|them|each)|inside|dedans|darin|drin|dentro|erin|içinde|dalamnya|в них|里面|中に|안에")
_EACH = (r"each|jeweils|je|w każdym|в каждо\w*|в кожно\w*|по|her birinde|har \w+ (?:mein|me|main|ke andar)|"
         r"tiap \w+|masing-masing|mỗi|كل|"
         r"それぞれ|마다|每个?"
         r"[^\d,，。]{0,6}(?:里|中)?")
_NESTED = re.compile(
    rf"(?:{_CONTAINER})[^.;。\d]{{0,24}}?(?:{_EACH})[^.;。]{{0,40}}?(?:{_FILES}|{_ENTRIES})|"
    rf"(?:{_CONTAINER}|{_CATALOGUES}|{_FILES})(?:[^.;。\d]|\d+\s*[冊個个개권つ]){{0,24}}?(?:{_EACH}|{_EACH_MORE})"
    rf"[^.;。]{{0,40}}?(?:{_ENTRIES}|{_ITEMS})|"
    rf"(?:{_CONTAINER}|{_CATALOGUES})\s+(?:with|com|con|avec|mit|met|z|с|ile|dengan|of|de|di|da|van|von)\s+"
    rf"[^.;。]{{0,24}}?"
    rf"(?:{_FILES}|{_ENTRIES}|{_ITEMS})(?:\s+\w+)?\s+(?:{_EACH_AFTER})\b|"  # "de fiches produits chacun"
    rf"(?:{_FILES})[^.;。\d]{{0,24}}?(?:{_EACH})[^.;。]{{0,40}}?(?:{_ENTRIES})(?!\s*(?:is|es|est|è|é|ist|to|—|ayrı))|"
    # s11-a: a folder, then each or "per folder", then a count of anything ("2.000 carpetas, cada una con decenas de
    # escritos", "900 mappen met scans, per map een paar honderd pagina's"); one PDF per folder is one document
    rf"(?:{_CONTAINER})[^.;。\d]{{0,24}}?"
    rf"(?:\b(?:{_EACH_AFTER}|(?:per|pro|par|por|in each|in every)\s+(?:{_CONTAINER}|{_ONE_CONTAINER}))\b)"
    rf"(?:(?!\b(?:is|are|ist|est|es|è|é|zijn)\b)[^.;。\d]){{0,24}}?(?<![\d.,])(?:[2-9]|\d\d)|"
    # items counted with "in it" after them ("40k files but each one is a json dump w/ hundreds of records in it")
    rf"(?:{_CONTAINER}|{_CATALOGUES}|{_FILES})[^.;。]{{0,40}}?\d[^.;。\d]{{0,6}}?(?:{_ENTRIES}|{_ITEMS})\w*"
    rf"(?:\s+\w+)?\s+(?:{_INSIDE})\b|"
    # Korean: "한 파일에 ... N개씩" (in one file, N each)
    rf"(?:한|1)\s*(?:{_FILES}|{_CONTAINER})\s*(?:에|당|마다)[^.;。]{{0,30}}?\d[^.;。]{{0,16}}?씩")
# Entries and files counted either side of their noun ("12k FAQ entries", "FAQが1万2千件", "40個のExcelファイル",
# "파일은 5천 개")
# Files counted, then the items in them in total ("3 000 PDF mais ça fait environ 90 000 articles de loi au total",
# "200 PDFs but about 50,000 articles in total"): which are the documents is asked (s11-b)
_TOTAL_INSIDE = re.compile(
    rf"\d\s*(?:{_FILES}|{_CATALOGUES}|{_CONTAINER})\b[^.;。\d]{{0,30}}?\b(?:but|mais|aber|pero|ma|mas|maar|ale|но|"
    rf"which (?:is|are|makes?)|that's|ça fait|das sind|eso son|cioè)\b[^.;。\d]{{0,30}}?\d[\d.,]*\s*"
    rf"(?:[^\s\d]+\s+){{0,2}}?"
    rf"(?:{_ITEMS}|{_ENTRIES}|articles?|sections?|clauses?|paragraphs?|chapters?)\b[^.;。]{{0,30}}?"
    rf"\b(?:in total|total|altogether|insgesamt|au total|en total|in totale|no total|всего|totalt|toplam)\b")
_AFTER_ENTRIES = re.compile(rf"\s*(?:[^\s\d,，、。]+\s+)?(?:{_ENTRIES})")
_BEFORE_ENTRIES = re.compile(rf"(?:{_ENTRIES})\s*[がはの가는은]?\s*$")
_AFTER_FILES = re.compile(rf"\s*(?:[^\s\d,，、。]{{0,8}}\s*)?(?:{_FILES}|{_CONTAINER}|pdfs?\b)")  # "300 PDFs"
_BEFORE_FILES = re.compile(rf"(?:{_FILES}|{_CONTAINER})\s*[がはの가는은이]?\s*$")
_SPREAD = re.compile(r"\bacross\b|\bspread\b|\bverspreid\b|dağılmış|rozrzucon\w*|\bpo\b|espalhad\w*|mein spread|"
                     r"に分かれ|に入って|하나에|하나당|마다|" + P.SPREAD_OVER)
_WHY_REFERENT = "not sure which are the documents (the files or the entries in them): how many documents?"
# Vague quantities ("hundreds", "des milliers", "vài trăm", "几百", "수천"): what each part or file may be said to hold.
# One table for the two checks below (lead s14: two lists had grown apart)
_MANY_WORDS = (r"hundreds|dozens|thousands|tens|decine|dozzine|centinaia|migliaia|centenares|cientos|miles|decenas|"
               r"docenas|centaines|milliers|dizaines|hunderte|tausende|dutzende|centenas|milhares|dezenas|honderden|"
               r"duizenden|tientallen|setki|tysiące|dziesiątki|kilkadziesiąt|kilkaset|yüzlerce|binlerce|onlarca|"
               r"hundratals|tusentals|сотни|тысячи|десятки|сотні|тисячі|несколько (?:сотен|тысяч|десятков)|"
               r"几百|几千|几十|上百|上千|数百|数千|数十|수백|수천|수십|vài (?:chục|trăm|nghìn|ngàn)|"
               r"hàng (?:chục|trăm|nghìn|ngàn)|مئات|آلاف|عشرات|ratusan|ribuan|puluhan|sainkdon|hazaaron|dasiyon|"
               r"सैकड़ों|हज़ारों|हजारों|hundredvis|tusindvis|satoja|tuhansia|stovky|tisíce|sute|mii|εκατοντάδες|"
               r"χιλιάδες|מאות|אלפי|"  # (s14-a: Danish, Finnish, Czech, Romanian, Greek, Hebrew)
               r"หลายสิบ|หลายร้อย|หลายพัน|เป็นสิบ|เป็นร้อย|เป็นพัน|หลักร้อย|หลักพัน")  # s15-b: Thai
# A period after "each" or a figure ("each month", "каждую неделю ещё 2000"): a rate or growth, nothing held
_PERIOD_WORDS = (r"days?|weeks?|months?|years?|hours?|quarters?|semanas?|d[íi]as?|mes|meses|mês|años?|anos?|"
                 r"settimana|giorno|mese|anno|tag|woche|monat|jahr|jaar|maand|dag|dzień|miesiąc|tydzień|rok|"
                 r"tuần|ngày|tháng|năm|minggu|hari|bulan|tahun|jam|день|месяц|неделю|год|час|місяць|тиждень|рік|"
                 r"شهر|يوم|أسبوع|اسبوع|سنة|عام")
_PERIOD_NEXT = rf"(?!\s+(?:{_PERIOD_WORDS})(?!\w))"
# s13-a: a count, then each of the things counted said to hold a quantity of something that is no length ("400 cartelle,
# e ognuna contiene dai 50 ai 500 file", "w każdej teczce jest po kilkadziesiąt pism", "mỗi file chứa từ vài trăm đến
# vài nghìn dòng hỏi đáp", "masing-masing punya puluhan adendum", "har file ke andar 20-200 alag documents", "most of
# them have 4-6 variants"): which are the documents is asked, whatever the nouns are
_EACH_ONE = re.compile(r"\b(?:each(?: one| of them)?|every one|cada (?:uno|una)|ognun[oa]|ciascun[oa]|chacun\w*|"
                       r"jeweils|elke?|każd\w*|har (?:ek|file|folder|document|doc|case|record|pdf)s?|mỗi \w+|"
                       r"masing-masing|tiap|setiap|(?:most|all|many) of them)\b|"
                       r"(?<![а-я])кажд\w*(?![а-я])|كل (?:واحد|واحدة|ملف|مجلد|منها)")
_MANY = re.compile(r"(?<![\w.,])\d[\d.,]*(?:\s*(?:-|–|to|a|ai|al|đến|sampai|hingga|до)\s*\d[\d.,]*)?(?![\d.,]*\s*%)|"
                   rf"(?<!\w)(?:{_MANY_WORDS})(?!\w)")
# What a count after "each" may be that is no set of documents: a length, a rate, machines, people, money
_NOT_ITEMS = re.compile(r"^\s*(?:of |de |di |da |van |von |z |d')?(?:\w+[\s/]+)?(?:pages?|words?|tokens?|chars?|"
                        r"characters?|lines?|paragraphs?|sentences?|kb|mb|gb|tb|times|x\b|×|mal\b|volte|veces|vezes|"
                        r"fois|keer|razy|lần|kali|searches|queries|questions|requests|people|employees|users|"
                        r"minutes?|seconds?|hours?|days?|ms\b|gpus?|cores?|%|percent|\$|€|usd|eur)|"
                        r"^\s*(?:\w+\s+)?(?:раз|مرات|مرة)")


_TIME_UNIT = re.compile(rf"\s*(?:{_PERIOD_WORDS})(?!\w)")


def _each_holds(low: str) -> bool:
    """True when a figure is followed, in its sentence, by each of its things holding a quantity of other things."""
    for each in _EACH_ONE.finditer(low):
        sentence = re.split(r"[.;!。\n]\s", low[:each.start()])[-1]
        if not re.search(r"(?<![\w.,])\d", sentence) or any(rx.search(sentence) for rx, _ in P.PERIODS) or \
                re.match(r"\s*\d", low[each.end():]):
            continue  # "15k conversations a day and each one fires 2-3 searches": a rate; "each 15 req/s": "per"
        clause = re.split(r"[,.;!?]\s|[;!?\n)]|\band\b", low[each.end():each.end() + 40])[0]  # the holding's clause
        if any(rx.search(clause) for rx, _ in P.PERIODS) or _TIME_UNIT.match(clause):
            continue  # "400 people each per day 30 searches", "каждую неделю ещё 2000": a rate or growth
        many = _MANY.search(clause)
        if many and not re.search(r"[$€£¥₹]\s*$", clause[:many.start()]) and not _NOT_ITEMS.match(
                low[each.end() + many.end():each.end() + many.end() + 30]):
            return True
    return False
# Parts counted, then "hundreds" of documents in each ("~250 SharePoint sites and each one has hundreds of docs", "40
# sedi, ognuna con centinaia di pratiche"): the product of a vague word is no count to store (lead s13)
_PARTS_VAGUE = re.compile(rf"\d[^.;。!?\d]{{0,50}}?(?:(?:\beach\b|\bevery\b|\bcada\b|\bchacun\w*+|\bjede[rsnm]?+\b|"
                          rf"\bognun\w*+|\bciascun\w*+|\belk\w*+|\bkażd\w*+|кажд\w*+|кожн\w*+|\bher biri\w*+|"
                          rf"\bmỗi\b|كل|"
                          rf"masing-masing|\btiap\b|แต่ละ){_PERIOD_NEXT}|每个?(?!个?(?:月|天|日|周|週|星期|年|季))|各|それぞれ|"
                          rf"(?<![달날주해년])마다)[^.;。!?\d]{{0,25}}?(?:{_MANY_WORDS})"
                          # (not "3000 documents, each with hundreds of pages": a length)
                          r"(?!\s*(?:of\s+|de\s+|di\s+|d')?(?:pages?|páginas?|pagine|seiten|страниц\w*|сторін\w*|stron|"
                          r"sayfa\w*|sidor|words?|palabras|mots|wörter|parole|lines?|页|頁|ページ|페이지|字|単語|단어))")
# s14-a: the many said first, "in each" after ("200 folders, but there can be hundreds of documents in each")
_MANY_IN_EACH = re.compile(rf"\d[^.;。!?\d]{{0,60}}?(?:{_MANY_WORDS})(?!\s*(?:of\s+|af\s+|de\s+|d')?(?:pages?|sider|"
                           r"pages|seiten|words?|ord|mots|wörter|lines?)\b)[^.;。!?\d]{0,30}?\b(?:in|i|dans|en|im|w)\s+"
                           r"(?:each(?: one)?|every one|hver|hvert|chaque|jedem|jeder|cada una?|każd\w*)\b")
# s15-b: parts counted, then some of them holding "dozens" ("800 folders, some hold dozens of files, some just one",
# "ada 800 folder, isinya ... ada yg puluhan file", "algunas tienen cientos", "alcune ne hanno centinaia")
_SOME_HOLD = re.compile(rf"\d[^.;。!?\d]{{0,50}}?(?:\bsome (?:of them )?(?:hold|have|contain|with|are)\b|"
                        r"\balgun[oa]s (?:tienen|contienen|con|traen)\b|\balcun[ei] (?:ne )?(?:hanno|contengono|con)\b|"
                        r"\bniektóre (?:mają|zawierają)\b|\bw niektórych\b|\bvissa (?:har|innehåller)\b|"
                        r"\bsommige (?:hebben|bevatten)\b|\bbazıları(?:nda)?\b|\bнекоторы[еx]\b|\bв некоторых\b|"
                        r"\bisinya\b|\bada (?:yang|yg)\b|\bcó (?:cái|thư mục|folder)\b|บาง)"
                        rf"[^.;。!?\d]{{0,25}}?(?:{_MANY_WORDS})(?!\s*(?:of\s+|de\s+|di\s+)?(?:pages?|p[áa]ginas|"
                        r"pagine|stron|halaman|sidor|sayfa|trang|หน้า|words?|palabras|parole|kata|lines?))")
_WHY_PARTS = "not sure how many documents that makes in all: about how many?"
# One entry in each file ("each file is just one FAQ answer", "chaque fichier est une seule fiche", "一篇就是一个问题")
_ONE_EACH = re.compile(r"\b(?:is|contains|holds|has|=|est|es|ist|è|é|enthält|contient|contiene|contém)\s+"
                       r"(?:just |only |exactly |simplement |nur |solo |só |apenas )?(?:one|a single|1|une? seule?|"
                       r"un|une|uno|una|um|uma|ein\w*)\b|就是一个|只有一个|只是一个|就一个|1件だけ|ひとつだけ|하나씩|하나만")
# Storage of paper counted, not the documents in it (s14-a)
_STORAGE_AFTER = re.compile(
    r"\s*(?:[^\W\d_]+\s+)?(?:shelves|shelf|boxes|crates?|cartons?|filing cabinets?|cabinets?|drawers?|"
    r"binders? (?:of|full of|with)|lever arch files|classeurs? (?:de|d'|pleins)|ordner (?:mit|voller|voll)|kisten|"
    r"umzugskartons|regale|boîtes|cajas|scatole|faldoni|dozen|kasser|laatikko\w*|cutii|krabic\w*|šanon\w*|"
    r"κούτες|κουτιά|ράφια|ארגזים|קלסרים|صناديق|상자|박스|箱)(?![\w\-])")
_WHY_STORAGE = "those are boxes, shelves or binders of paper, not documents: about how many documents are in them?"


def _multiplied(u: Understanding, low: str) -> bool:
    """The count read is the parts times one part's documents: the reader took the holding as a product.

    ("4 sucursales y cada una guarda unos 3.000 documentos": 12,000, ``understanding_documents``; nothing is left to
    ask, lead s13)
    """
    size = u.updates.get("corpus_docs")
    numbers = [n.value for n in P.find_numbers(low)]
    return isinstance(size, int | float) and not isinstance(size, bool) and any(
        a * b == size for i, a in enumerate(numbers) for b in numbers[i + 1:])


# s15-a (heldout47): a length said of some of the documents only ("some transcripts run 200 pages", "a few of them go
# to 80 pages", "the odd one is 40 pages"): no typical length
_SOME_OF_THEM = re.compile(r"(?:^|\s)(?:some|a few|a couple|certain|the odd|the occasional|the longest|the biggest|"
                           r"the longer|the big|"
                           # lead s15: "ca. 30.000 PDFs, teilweise 200 Seiten lang", "certains font 300 pages"
                           r"teilweise|manche|einige|certain(?:e?s)?|parfois|algun[oa]s|algumas|alguns|alcun[ie]|"
                           r"sommige|soms|niektóre|vissa|bazıları|некоторые|част[ьи])\b[^\d]{0,40}$|"
                           r"(?:一部|一些|有些|部分|일부)[^\d]{0,20}$")
# s16-b: the ones of that length said after it ("1ファイルで数百ページあるものも多いです", "数百页的也有不少")
_SOME_AFTER = re.compile(r"\s*(?:pages?|ページ|页|頁)\s*(?:ある|の|を超える|超え(?:の)?)?\s*"
                         r"(?:もの|の|やつ|ファイル|文書)\s*(?:も|が)|"
                         r"\s*(?:pages?|页|頁)\s*的\s*(?:也|还)")
# A typical length asked or not known ("I don't know how long they are on average"): no typical length said
_TYPICAL_UNKNOWN = re.compile(r"(?:how long|how big|how many pages|no idea|don'?t know|do not know|dunno|not sure|"
                              r"no sabi|can'?t say|"
                              # s16-b: a typical length the user cannot give or says there is none of ("I can't give
                              # you a typical length", "there's no typical size", "kann keine typische Länge nennen",
                              # "je ne peux pas donner de longueur moyenne", "no hay un largo típico")
                              r"can'?t (?:give|tell|name|pin down)|cannot (?:give|tell|say|name)|hard to (?:say|tell|"
                              r"give)|(?:there'?s|there is|there are|is|are) no|keine|kein|pas de|peux pas|"
                              r"no hay|no puedo|não (?:há|tem|consigo|sei)|non (?:c'è|saprei|posso)|nessun\w*)"
                              r"[^.;,!?]{0,30}$")


def _typical_said(text: str) -> bool:
    """A typical length's word in ``text`` not inside a question or a not-knowing ("no idea how long on average")."""
    return any(not _TYPICAL_UNKNOWN.search(text[max(0, m.start() - 50):m.start()]) for m in _TYPICAL.finditer(text))


def length_in_doubt(u: Understanding, message: str, asked: str | None) -> bool:
    """Lengths an order of magnitude apart and no typical one: withhold the length, ask it (True; changes ``u``)."""
    if u.confirm is not None or "doc_length_tokens" in u.confirmed or not (
            "doc_length_tokens" in u.updates or asked == "doc_length_tokens"):
        return False
    low = P.normalise(message[: P.MAX_CHARS])
    short = _MOSTLY_SHORT.search(low) or _MOSTLY_SHORT.search(message.lower())
    if short and "doc_length_tokens" in u.updates:
        _withhold(u, message, asked, "doc_length_tokens", [], _WHY_MOSTLY_SHORT)  # the figure is the long ones'
        return True
    if _typical_said(low) or _typical_said(message.lower()) or _CHUNKS.search(low) or _RARE.search(low):
        return False
    lengths: list[float] = [_TOKENS_PER_PARAGRAPH if re.search(r"paragra|alinea|absatz|akapit|абзац|段落|단락|문단",
                                                              m.group()) else float(P.TOKENS_PER_LINE) if re.search(
        r"line|zeile|ligne|l[íi]nea|linha|riga|regel", m.group()) else float(P.TOKENS_PER_PAGE)
                            for m in _ONE_UNIT.finditer(low)]
    lengths += [_FEW_VALUES[m.group(1)] * (_TOKENS_PER_PARAGRAPH if m.group(2).startswith("paragraph") else float(
        P.TOKENS_PER_PAGE) if m.group(2).startswith("page") else float(P.TOKENS_PER_LINE))
                for m in _FEW_UNIT.finditer(low)]
    figures = []
    alone = singled_out(low)  # s16-c: "o maior tem 500 páginas, mas é um só": one document singled out by its size
    for n in P.find_numbers(low):
        if alone[n.start:n.end] != low[n.start:n.end]:
            continue
        after = re.sub(r"^\s*\+", " ", low[n.end:n.end + 16])  # "100+ pages"
        unit = next(((rx.match(after), tokens) for rx, tokens in _LENGTH_UNITS if rx.match(after)), None)
        if unit is None or unit[0] is None:
            continue
        per = unit[1]
        if n.value == 1 and re.search(r"(?:words?|tokens?|chars?|characters?|字)\s*$",
                                      low[max(0, n.start - 14):n.start]):
            continue  # the "1" of "~400 words a page" (glossed "1 page")
        pieces = [p for p in re.split(r"[,;:，；、]", re.split(r"[.。!?]\s", low[:n.start])[-1][-60:]) if p.strip()]
        if one_named(low, n):
            continue  # "the 40-page spec from our vendor": one document named by its size, not a length of theirs
        if _PER_PART.match(low[n.end + unit[0].end():n.end + unit[0].end() + 24]) or any(
                _QUERY_CLAUSE.search(p) for p in pieces[-2:]):
            continue  # "~400 words a page": a page's length; "queries are about 20 tokens": a query's
        figures.append(n)
        ends = re.split(r"\s*(?:[-–—~〜～]|\bto\b|到|至|から|에서)\s*", low[n.start:n.end])
        high = P.find_numbers(ends[1]) if len(ends) == 2 else []
        lengths += [per * (2 * n.value - high[0].value), per * high[0].value] if high else [per * n.value]
    lengths = [v for v in lengths if 0 < v <= _LONGEST]  # ("15万页": pages of the whole corpus, no one document)
    if len(figures) == 1 and len(lengths) == 1 and "doc_length_tokens" in u.updates and asked != "doc_length_tokens" \
            and (_SOME_OF_THEM.search(re.split(r"[.;!?,]\s", low[:figures[0].start])[-1]) or _SOME_AFTER.match(
                low, figures[0].end)):
        del u.updates["doc_length_tokens"]  # s15-a: "some transcripts run 200 pages lol": the long ones' length only,
        return False  # no typical one (asked later)
    if len(lengths) < 2 or max(lengths) / min(lengths) < LENGTH_SPREAD:
        return False
    if asked == "doc_length_tokens" and P.SKIP.search(low):
        u.updates.pop("doc_length_tokens", None)  # s15-a: "some are one page, some are 100 pages. Let's skip"
        u.skipped = [*u.skipped, "doc_length_tokens"]
        return True
    _withhold(u, message, asked, "doc_length_tokens", figures,
              _WHY_LENGTH.format(lo=min(lengths), hi=max(lengths)))
    return True


def referent_in_doubt(u: Understanding, message: str, asked: str | None) -> bool:
    """Entries inside files or files inside folders, and no saying which are the documents: ask (True)."""
    if u.confirm is not None or "corpus_docs" in u.confirmed or not (
            "corpus_docs" in u.updates or asked == "corpus_docs"):
        return False
    low = P.normalise(message[: P.MAX_CHARS])
    numbers = [n for n in P.find_numbers(low) if n.value >= 2]
    if not numbers:
        return False
    storage = [n for n in numbers if _STORAGE_AFTER.match(low[n.end:n.end + 40])]
    if storage and not any(P.docs_after(low[n.end:n.end + 40]) for n in numbers if n not in storage):
        # s14-a: "12 shelves of files, each shelf holds maybe 50 boxes", "12 classeurs de procédures", "40 κούτες με
        # χαρτιά": boxes, shelves and binders of paper, not documents
        _withhold(u, message, asked, "corpus_docs", [], _WHY_STORAGE)
        return True
    plain = re.sub(r"(?<=[^\W\d_])2(?!\w)", "", message.lower())  # "macem2": a word said twice, no figure
    if "corpus_docs" in u.updates and (_PARTS_VAGUE.search(message.lower()) or _MANY_IN_EACH.search(message.lower())
                                       or _SOME_HOLD.search(plain)):
        _withhold(u, message, asked, "corpus_docs", [], _WHY_PARTS)
        entries_not_length(u, message, asked)  # s16-b: "每个文件里都有几百行问答": the rows held, no length either
        return True
    nested = _NESTED.search(low) or _TOTAL_INSIDE.search(low)
    if nested is not None and _ONE_EACH.search(nested.group()):
        nested = None  # "5,000 files, and each file is just one FAQ answer": the files are the entries (lead s14)
    if nested is None and _each_holds(low) and not _multiplied(u, low):
        nested = _EACH_ONE.search(low)
    if nested is None:
        entries = [n for n in numbers if _AFTER_ENTRIES.match(low[n.end:n.end + 24]) or _BEFORE_ENTRIES.search(
            low[max(0, n.start - 12):n.start])]
        files = [n for n in numbers if n not in entries and (_AFTER_FILES.match(low[n.end:n.end + 24]) or
                                                             _BEFORE_FILES.search(low[max(0, n.start - 16):n.start]))]
        if not (entries and files and _SPREAD.search(low)):
            return False
    if nested is not None:
        entries_not_length(u, message, asked)
    _withhold(u, message, asked, "corpus_docs", [], _WHY_REFERENT)
    return True


def entries_not_length(u: Understanding, message: str, asked: str | None) -> None:
    """"每个里面几千行问答", "в кожному тисячі рядків": the entries in a file, no length of a document (drop it).

    Also when the count of documents is already asked about by another check ("120, or 3,000 with the caveat").
    """
    if "doc_length_tokens" not in u.updates or "doc_length_tokens" in u.confirmed or (
            u.confirm is not None and u.confirm.get("fields") != ["corpus_docs"]):
        return
    r = read(message, asked)
    inside = _NESTED.search(r.text)
    if inside is not None and all(inside.start() - 16 <= n.start < inside.end() + 24
                                  for n in r.sources("doc_length_tokens")):
        u.updates.pop("doc_length_tokens")


def _withhold(u: Understanding, message: str, asked: str | None, name: str, figures: list[P.Number],
              why: str) -> None:
    """Move ``name`` (and any count read from the same ``figures``) into a check; the value as read, if any."""
    values: dict[str, Any] = {}
    if name in u.updates:
        values[name] = u.updates.pop(name)
    if figures and "corpus_docs" in u.updates and "corpus_docs" not in u.confirmed:
        spans = {(n.start, n.end) for n in figures}
        if any((m.start, m.end) in spans for m in read(message, asked).sources("corpus_docs")):
            u.updates.pop("corpus_docs")  # "200-seitigen Gutachten" read as 200 documents
            u.corrected.discard("corpus_docs")
    u.skipped = [f for f in u.skipped if f != name]
    u.unparsed = None
    if not values:  # nothing read: the question asks for the figure again ("I'm not sure how to read that figure")
        u.confirm = {"kind": "vague", "unclear": True, "value": 0.0, "monthly": 0.0, "fields": [name], "text": why}
        return
    u.corrected -= set(values)
    first = next(iter(values.values()))
    number = float(first) if isinstance(first, int | float) and not isinstance(first, bool) else 0.0
    u.confirm = {"kind": "check", "fields": list(values), "values": values, "reasons": {f: why for f in values},
                 "value": number, "monthly": number, "text": why}
