"""Counts of documents in a message: how many documents the corpus holds, and figures that count something else.

A total over parts ("40k contracts plus another 60k", "4 branches, each with 3,000 files"), parts listed or left
unnamed, documents per unit, only a part indexed, one named document (``one_named``), the things a count counts,
and the nouns that are not documents (people, places, pages of a site). ``agent.understanding_quantities`` asks it.
"""

from __future__ import annotations

import re

from agent import understanding_patterns as P
from agent import understanding_rates as R
from agent import understanding_segments as G
from agent.understanding_figures import _OWN_CLAUSE_END, SELF_CORRECTION, Found, clause_before

# The whole of a corpus said after its parts ("每个租户从几百条到几万条不等，加起来上百万条", "each tenant has
# 300 to 30k FAQs, over a million in total"): the figure the total word marks is the size, not one part's
_TOTAL_BEFORE = re.compile(r"(?:加起来|总共|一共|合计|总计|全部加起来|累计|合わせて|全部で|합쳐서|합계|전체|总量)\s*"
                           r"(?:大概|大约|约|有|是|に|で|약|대략)?\s*(?:上|近|超过|将近|差不多)?$|"
                           r"\b(?:in total|altogether|overall|total of|"
                           r"insgesamt|au total|en total|no total|in totale|in totaal|totalt|łącznie|всего)\s*"
                           r"(?:about|around|roughly|some|over|more than|~)?\s*$")
_TOTAL_AFTER = re.compile(r"^\s*(?:[a-z\-]+\s+){0,2}(?:in total|altogether|overall|all together|combined)\b")
_EACH_PART = re.compile(r"\beach\b|\bper\b|\bevery\b|每个?|各|それぞれ|마다|jede[rsn]?\b|chaque|cada|ogni|elke")


def _total_count(text: str, found: Found) -> None:
    """The corpus size from a figure marked as the total, when the size read was one part's (a smaller figure)."""
    size = found.updates.get("corpus_docs")
    if not isinstance(size, int | float) or not _EACH_PART.search(text):
        return
    for num in P.find_numbers(text):
        if num.value > size and (_TOTAL_BEFORE.search(text[max(0, num.start - 16):num.start])
                                 or _TOTAL_AFTER.match(text[num.end:num.end + 40])):
            found.updates["corpus_docs"] = int(num.value)
            found.leftovers = [n for n in found.leftovers if n.start != num.start]
            return


# One part's count of documents said after the parts ("4 sucursales y cada una guarda unos 3.000 documentos",
# "5个事业部，每个大概2千份", "14支店あって、各支店で約500件", "6 offices and each one keeps about 2,500
# contracts", "each of our 9 clinics has 20k letters"), as the gloss leaves it: the corpus is the parts times that count
# (lead s13)
_EACH_HOLDS = re.compile(r"\beach(?:\s+(?:one|of them))?\b(?!\s+(?:year|month|week|day|quarter|time|jaar|maand|dag|"
                         r"jahr|monat|woche|tag|année|an|mois|semaine|jour|año|mes|semana|día|anno|mese|settimana|giorno|"
                         r"ano|mês|dia|rok|miesiąc|tydzień|dzień|år|månad|vecka|год|месяц|неделю|день|yıl|ay|hafta|"
                         r"gün)s?\b)|\bevery one\b|"
                         r"(?:每个?|各)(?!个?(?:月|天|日|周|週|星期|年|季|小时|时间))|それぞれ|마다|в\s+кажд\w*|"
                         r"[ву]\s+кожн\w*|\bmỗi\b(?!\s+(?:tháng|ngày|tuần|năm))|كل(?!\s+(?:شهر|يوم|أسبوع|سنة|عام))")
_EACH_OF_PARTS = re.compile(r"^\s*(?:each|every one)?\s*of (?:our |the |these |those |its |their |all )?$")
# What the parts may not be: a length, a size, a sum, a time, a share, or documents themselves (the entries in files
# are asked about by the guard)
_NOT_A_PART = re.compile(r"\s*(?:%|x\b|×|/|per\b|a (?:day|week|month|year)\b|pages?\b|words?\b|tokens?\b|char|"
                        r"[kmgt]i?b\b|years?\b|months?\b|weeks?\b|"
                        r"days?\b|hours?\b|minutes?\b|seconds?\b|ms\b|usd|eur|dollars?|euros?|languages?\b|"
                        r"documents?\b|docs?\b|files?\b|pdfs?\b|folders?\b|records?\b|页|ページ|페이지|文件|文档|"
                        r"ファイル|파일|年|月|天|日|"
                        # containers of documents, whose documents are asked about ("600 faldoni, ognuno con decine di
                        # pratiche dentro")
                        r"folders?|binders?|boxes|faldon\w*|ordner|mappen|carpetas|pastas|cartelle|classeurs?|"
                        r"dossiers?|archives?|文件夹|フォルダ|폴더|箱|バインダー)")
# One part's figure that is a length or a size, not a count of documents ("3000 documents, each with hundreds of pages")
_LENGTH_NOT_COUNT = re.compile(r"\s*(?:[a-z]+\s+)?(?:pages?|words?|tokens?|char\w*|lines?|[kmg]i?b|paragraphs?|"
                               r"sentences?|页|頁|ページ|페이지|字|単語|단어)\b")
# Items said to be inside each part: containers, asked about by the guard
_INSIDE_EACH = re.compile(r"\s*(?:\w+\s+){0,2}?(?:inside|dentro|dedans|darin|drin|in (?:it|them)|里面|中に|안에)")


def _parts_times_each(text: str, found: Found, asked: str | None) -> None:
    """The corpus as parts times one part's documents: the figure after "each" and the count of parts before it.

    Only when that figure is the size read, or is left over with a document noun (or answers the count question),
    or the size read is the parts' count ("6 clínicas y cada una guarda unas 4.000 historias").
    """
    size = found.updates.get("corpus_docs")
    if isinstance(size, bool) or found.summed or P.TOTAL_CUE.search(text) or re.search(
            r"\bin total\b|\baltogether\b", text):
        return
    numbers = P.find_numbers(text)
    for each in _EACH_HOLDS.finditer(text):
        after = [n for n in numbers if n.start >= each.end()]
        of_ours = bool(after) and _EACH_OF_PARTS.search(text[each.start():after[0].start])  # "each of our 7 hospitals"
        one = after[1] if of_ours and len(after) > 1 else None if of_ours else next(iter(after), None)
        if one is None or one.start - each.end() > (60 if of_ours else 30) or re.search(
                r"[.;!?。！？]", text[each.end():one.start]) or _LENGTH_NOT_COUNT.match(text[one.end:one.end + 16]):
            continue
        parts = [after[0]] if of_ours else [n for n in numbers if n.end <= each.start()]
        if not parts:
            continue
        part = parts[-1]
        own = text[part.end:each.start()]
        if re.search(r"\b(?:from|between|anywhere|up to|to)\b|[-–~]\s*\d|\d\s*(?:to|-|–|~)\s*\d",
                     text[each.end():one.end + 12]) or re.search(r"\bnew\b|新增|新規|신규", own) \
                or any(rx.search(own) for rx, _ in P.PERIODS):
            continue  # "each has anywhere from 50 to 3,000 docs": a range; "~100 new customers a month, each with
            # ~50 docs": growth
        between = text[part.end:one.start]
        if not 2 <= part.value <= 5000 or part.value != int(part.value) or len(between) > 70 or \
                re.search(r"[.;!?。！？]\s", between) or _NOT_A_PART.match(text[part.end:part.end + 12]) or \
                re.search(r"[$€£¥₹]\s*$", text[max(0, part.start - 2):part.start]) or \
                _INSIDE_EACH.match(text[one.end:one.end + 30]) or any(rx.search(
                    _OWN_CLAUSE_END.split(text[one.end:one.end + 40])[0]) or rx.search(
                    text[max(0, one.start - 16):one.start]) for rx, _ in P.PERIODS):
            continue  # ("each handles 40 tickets a day", "har ek roz 15-20 claims": a rate, no corpus)
        documents = bool(P.docs_after(text[one.end:one.end + 30])) or asked == "corpus_docs"
        left = any(n.start == one.start for n in found.leftovers) and documents
        if size is None and not left or size is not None and not (
                size == one.value or size == part.value and documents):
            continue
        found.updates["corpus_docs"] = int(part.value * one.value)
        found.leftovers = [n for n in found.leftovers if n.start not in (one.start, part.start)]
        return


_DOCUMENT_NOUN = re.compile(r"\b(?:docs?|documents?|files?|contracts?|articles?|tickets?|pages?|records?|reports?|"
                            r"manuals?|e-?mails?|pdfs?|cases|items|products)\b")


# A figure whose noun is a thing that is neither documents nor searches ("120家门店", "店舗は60店舗", "매장이 45개",
# "40,000 customers"): it counts stores, staff or customers, never the answer to the count asked (s10-c)
_COUNTER = re.compile(r"^\s*(?:家|个|個|间|間|所|개|곳|군데|店舗|社)?\s*")


def _things_counted(work: str, num: P.Number, asked: str | None) -> bool:
    if asked not in ("corpus_docs", "queries_per_month"):
        return False
    after = work[num.end:num.end + 30]
    rest = after[_COUNTER.match(after).end():]  # type: ignore[union-attr]
    if _NOT_DOCS_SUBJECT.match(rest):
        return True
    noun = _UNKNOWN_NOUN.match(after)
    return bool(noun and re.fullmatch(_PEOPLE_PLACES, noun.group(1)))


# One document's size, said of the largest one or of one alone ("the biggest manual alone is 1,200 pages", "一番厚い
# マニュアルだけで400ページ", "Allein das Handbuch hat 900 Seiten", "가장 긴 보고서 하나가 250페이지"): no typical
# length
_ONE_DOCUMENT = re.compile(r"\b(?:alone|by itself|on its own)\b|\b(?:the|our) (?:biggest|largest|longest|thickest)\b|"
                           r"一番|だけで|最も|最大の|最长的|最厚的|가장|제일|\ballein\b|à (?:lui|elle) seule?\b|"
                           r"\bpor sí sol[oa]\b|\bda sol[oa]\b|\bsozinh[oa]\b|\balleen al\b|\bодна только\b|"
                           r"\bодин только\b")
# One document named by its size, a singular article before "N-page <noun>" (s11-c): "the 40-page spec from our
# vendor", "a 1,200-page spec" (not "our 40-page contracts", "each 40-page report")
_ONE_NAMED = re.compile(r"\b(?:a|an|the|that|this|one|his|her)\s+$")
_PAGE_ADJECTIVE = re.compile(r"^-(?:pages?|seiten|pagine|páginas|pages)[\s\-]+(?!documents?\b|docs?\b)[a-z]+(?<!s)\b")


def one_named(text: str, num: P.Number) -> bool:
    """A figure that names one document by its size ("the 40-page spec"), not said of each document."""
    return bool(_ONE_NAMED.search(text[max(0, num.start - 12):num.start]) and _PAGE_ADJECTIVE.match(
        text[num.end:num.end + 30]) and not P.PER_DOC_CUE.search(clause_before(text, num))
        and not _RANGE_FROM.search(text[max(0, num.start - 30):num.start]))


# "anything from a one-page memo to 400-page tender docs": the ends of a range of lengths, not one document named
_RANGE_FROM = re.compile(r"\b(?:from|between|ranging from|de|von|desde|da|van|od)\s+"
                         r"(?:a|an|one|un|une|uno|ein|een)\s+$")
_DOCUMENTS_SAID_BEFORE = re.compile(r"\b(?:documents?|docs|files|contracts?|articles?|records|pdfs|reports?|tickets?|"
                                    r"emails|manuals?|papers|products|skus|decisions|décisions|cases|policies|faqs|"
                                    r"entries|theses|patents|transcripts|documentos|contratos|documenti|dokumente|"
                                    r"verträge|akten|laudos|expedientes|fichiers|archivos|arquivos|invoices|receipts|"
                                    r"claims|letters|memos|briefs|listings|orders|forms|statements|judgments|rulings|"
                                    r"protocols|guidelines|procedures|notices|minutes)\b")
# The first figure of an answer to "how many documents?", before a word the reader does not know ("Lieferscheine",
# "bons de livraison"): the documents counted, unless the word is a unit of something else
_UNKNOWN_NOUN = re.compile(r"^\s*([a-zà-ÿ][a-zà-ÿ\-]{3,})")
# People and places an organisation counts about itself, in the languages the gloss leaves as written (s10-c)
_PEOPLE_PLACES = (r"customers?|clients?|employees?|staff|stores?|shops?|branches|offices?|sites?|countries|teams?|"
                  r"departments?|users?|members?|people|kunden|klanten|clientes|clienti|klient\w*|mitarbeiter\w*|"
                  r"medewerkers|employ[ée]s|empleados|dipendenti|funcion[áa]rios|pracownik\w*|filialen|gesch[äa]fte|"
                  r"magasins|tiendas|negozi|lojas|winkels|sklep\w*|sucursales|succursales|agences|standorte|"
                  r"vestigingen|m[üu]şteri\w*|pelanggan|cabang|toko")
_NOT_DOCUMENTS = re.compile(rf"(?:{_PEOPLE_PLACES}|"
                            r"users?|people|persons?|employees?|staff|members?|customers?|clients?|years?|months?|"
                            r"weeks?|days?|hours?|minutes?|seconds?|queries|searches|requests|languages?|gigs?|bytes?|"
                            r"gigabytes?|terabytes?|megabytes?|tokens?|words?|characters?|chars?|pages?|lines?|"
                            r"times|percent|dollars?|euros?|pounds?|yuan|yen|won|rupees?|francs?|kronor|servers?|"
                            r"machines?|gpus?|cards?|cores?|nodes?|tenants?|branches|stores?|shops?|offices?|sites?|"
                            r"teams?|departments?|countries|markets?|categories|fields?|columns?|tables?|sources?|"
                            r"systems?|apps?|databases?|repos?|repositories|new|more|less|fewer|each|per|every|"
                            r"a(?:bout|round)|maybe|roughly|aprox\w*|approx\w*|circa|etwa|environ|cerca|ungefähr|"
                            r"ongeveer|około|примерно|more|less|tops|max\w*|min\w*|give|plus|ish)\b")

# Pages spread over documents ("1 234 567 pages, réparties en 42 000 documents", "1,2 Mio. Seiten in rund 15.000
# Dokumenten"): the documents are the count and the pages per document the length.
_PAGES_IN_DOCS = re.compile(
    r"^[\s,]*(?:(?:in total|overall|altogether|insgesamt|au total|en total|in totale|no total|totaal|totalt|"
    r"toplam|всего)[\s,]*)?(?:(?:which are|that are|are|sind|sont|son|sono|zijn|är|są)\s+)?"
    r"(?:in|across|over|into|among|"
    r"spread (?:over|across)|split (?:into|across|over|between)|distributed (?:over|across|among)|"
    r"r[ée]parti\w* (?:en|sur|dans|entre)|verteilt auf|repartid\w* en|distribuid\w* en|suddivis\w* in|"
    r"distribuit\w* (?:in|su)|divid\w* (?:em|en|in)|verdeeld over|f[öo]rdelade p[åa]|w|в|на|em|en|på)\s+"
    r"(?:about\s+|around\s+|roughly\s+|~\s*)?\d[\d,.]*\s*(?:k\b|万|千)?\s*(?:[^\W\d_]+\s+){0,2}?"
    r"(?:documents?|docs|files|pdfs|dokumente\w*|dossiers|fichiers|documentos|documenti|documenten|dokument\w*|"
    r"belge\w*|документ\w*|reports|contracts|records|filings|manuals|books|volumes)\b")
# The number of documents unknown beside a total of pages ("500k pages, no idea how many files that is", "I don't know
# the document count"): the pages are no count of documents (s8-a).
_DOCS_COUNT_UNKNOWN = re.compile(
    r"\b(?:no idea|not sure|(?:don'?t|do not|doesn'?t) know|unsure|no clue|can'?t say)\b[^.;!?]{0,40}\b(?:how many|"
    r"number of|count of)\b[^.;!?]{0,12}\b(?:docs?|documents?|files?|pdfs?|reports?|records?)|"
    r"\b(?:no idea|not sure|(?:don'?t|do not) know|unsure|no clue)\b[^.;!?]{0,30}\b(?:document|doc|file) count\b|"
    r"\b(?:no idea|not sure|(?:don'?t|do not) know)\b[^.;!?]{0,12}\bhow many (?:files|documents|docs|pdfs) that is\b")


# A correction of what the figure counted ("not 150k documents but 150k pages, about 3,000 documents"): the count is
# corrected, the length is not said
_NOT_DOCS_BUT = re.compile(r"\bnot\b|不是|\bno son\b|\bne sont pas\b|\bnicht\b|\bnon sono\b|\bnão são\b|\bniet\b|"
                           r"\bnie\b|\binte\b|\bне\b|\bdeğil\b")


def _docs_counted_beside(num: P.Number, text: str) -> bool:
    """Another figure of the message counts documents, files or reports ("2,000 reports adding up to 80,000 pages")."""
    for other in P.find_numbers(text, 12):
        if other.start == num.start or other.value >= num.value:
            continue
        tail = text[other.end:other.end + 40]
        if P.PAGES_AFTER.match(tail) or not P.docs_after(tail):
            continue
        between = text[min(other.end, num.end):max(other.start, num.start)]
        if other.start > num.start and not re.search(
                r"\b(?:in|across|over|into|which is|that'?s|i\.e\.|spread|split)\b", between):
            continue  # "150k pages, about 3,000 documents" after "not 150k documents": a corrected count, no length
        if _PAGES_OF_DOCS.match(P.PAGES_AFTER.sub("", text[num.end:num.end + 40], 1)) or re.search(
                r"\b(?:and|plus|as well as|also|another)\b|\+|&", between):
            continue  # "300 PDFs and 20,000 pages of wiki": two parts of the corpus, not the documents' total
        if len(between) <= 60 and not re.search(r"[.!?。]\s", between):
            return True
    return False


# "~2.3k pages of docs", "the docs site has ~3k pages": a site's pages are its documents (from 200 pages on; a
# single document of that length is named as one: "the manual is 300 pages")
_PAGES_AS_A_SITE_FROM = 200
_PAGES_OF_DOCS = re.compile(r"^\s*(?:of\s+|de\s+|di\s+|an\s+)?(?:(?:the|our)\s+)?(?:docs|documentation|doku\w*|"
                            r"documenta\w*|help(?: content| articles)?|"
                            r"guides|api (?:reference|docs)|reference docs|wiki|knowledge base|content)\b")
_COLLECTION = re.compile(r"\b(?:docs|documentation|docs? site|developer docs|api (?:reference|ref|docs)|reference|"
                         r"wiki|knowledge base|help cent(?:er|re)|help site|website|intranet|confluence)\b[^\d]*$|"
                         r"(?:文档|api参考|帮助中心|网站|知识库)[^\d]*$|^\s*documents\s*は[^\d]*$")
# A counter ("80개", glossed "items") after things that are not documents: branches, stores, staff, customers
_NOT_DOCS_AFTER = re.compile(r"[\s\-]*(?:lines?|groups?|categor(?:y|ies)|famil(?:y|ies)|ranges?|brands?|segments?|"
                             r"divisions?|teams?|departments?)\b")
_NOT_DOCS_SUBJECT = re.compile(r"지점|매장|점포|지사|영업점|직원|사원|고객|회원|사용자|유저|병원|학교|팀|부서|"
                               r"국가|나라|언어|"
                               r"서버|사무실|공장|门店|分店|店|员工|用户|客户|会员|国家|语言|服务器|办公室|工厂|"
                               r"店舗|支店|社員|従業員|顧客|会員|拠点|国|言語|(?<![가-힣])명|種類|种|"
                               r"\bbranches\b|\bstores\b|\bshops\b|"
                               r"\boffices\b|\bemployees\b|\bcustomers\b|\busers\b|"
                               # s6-f: what an organisation counts about itself beside its documents
                               r"\bproduct lines\b|\blanguages\b|\bdata cent(?:er|re)s\b|\bcountries\b|\bclinics\b|"
                               r"\bbeds\b|\bhotels\b|\bhomes\b|\bsites\b|\bplants\b|\bwarehouses\b|"
                               # s7-d: lines, departments, categories, affiliates in CJK and Turkish
                               r"라인|카테고리|계열사|부문|사업부|센터|ライン|部署|部門|カテゴリ|グループ会社|系列|"
                               r"产品线|业务线|部门|分类|类别|站点|分公司|子公司|\bdepartman\w*|\bkategori\w*|"
                               r"\bşube\w*|\bgrub\w*|\bdepartments\b|\bcategories\b|\bteams\b")


# Parts of one corpus: "8,000 guides and 15k policy documents", "办事指南8000条，政策文件1.5万份",
# "2k FAQs plus 40k tickets".
_PARTS_JOIN = re.compile(r"^[^\d]{0,70}$")
# Things counted as the subject of using or buying the product ("2,300 clinics use the product"): its customers, no
# part of the documents (s16-c)
_USE_THE_PRODUCT = re.compile(r"^\s*[a-z\-]+\s+(?:\w+\s+)?(?:use|uses|using|buy|buys|license|licence|subscribe to)\s+"
                              r"(?:the|our|this)\s+(?:product|software|platform|app|service|system|tool|saas)s?\b")
_JOIN_WORD = re.compile(r"\band\b|\bplus\b|\+|&|,|，|、|；|;|和|及|以及|还有|另外|\bund\b|\bet\b|\by\b|\be\b|"
                        r"\bpi[uù]\b|\bm[aá]s\b|と|및|그리고|"
                        # the same in the languages the gloss leaves as written (s5-b)
                        r"\bmais\b|\ben\b|\boch\b|\bsamt\b|\bartı\b|\bve\b|\bile\b|\bi\b|\boraz\b|\bплюс\b|"
                        r"\bи\b|\bа также\b|\bdazu\b|\bsowie\b|\bainsi que\b|\bas well as\b|이랑|랑|하고|그리고|"
                        r"(?<=\s)[과와]\s|それに|そして|加上|外加|再加上|加起来")
_NOT_PARTS = re.compile(r"\b(?:of (?:them|which|those)|out of|including|incl|among|each|per|every|actually|"
                        r"sorry|i mean|no wait|or rather|rather|or)\b|其中|包括|包含|每|不对|其实|jeweils|insgesamt|"
                        r"davon|dont|de los cuales|di cui|dos quais|"
                        # s14-c: a later state of the same count ("約5万件、年末には6万件になる見込み")
                        r"年末|年底|연말|見込み|预计|預計|by (?:the )?end of")


def _sum_counts(counts: list[tuple[P.Number, int]], work: str, found: Found) -> None:
    """Several document counts in one message: a stated total wins, else parts joined by "and" / "，" are added up."""
    if len(counts) < 2 or found.updates.get("corpus_docs") != counts[0][1]:
        return
    pages = [(n, v) for n, v in counts if P.PAGES_AFTER.match(work[n.end:])]
    if pages and len(pages) < len(counts):  # "150k pages, not 150k documents; about 3000 documents": the pages are
        counts = [c for c in counts if c not in pages]  # the documents' length, never a part of their count
        found.updates["corpus_docs"] = counts[0][1]
        if len(counts) < 2:
            return
    counts = [c for c in counts if not _USE_THE_PRODUCT.match(work[c[0].end:c[0].end + 50])]
    if len(counts) < 2:  # s16-c: "1,150 articles, English. About 2,300 clinics use the product": the customers
        return
    totals = [v for n, v in counts if P.TOTAL_CUE.search(work[max(0, n.start - 25):n.end + 25])]
    if totals:
        found.updates["corpus_docs"] = totals[-1]  # "2,500 manuals ... in total about 9,000 documents"
        return
    if any(re.match(r"^\s*(?:of (?:them|those|these|which)|(?:of )?(?:them|those) are)\b", work[n.end:n.end + 20])
           for n, _ in counts[1:]):
        found.updates["corpus_docs"] = counts[0][1]  # "40k docs, maybe 50 of them long": a few of the whole (s8-a)
        return
    for (a, _), (b, _) in zip(counts, counts[1:], strict=False):
        between = work[a.end:b.start]
        if not (_PARTS_JOIN.match(between) and _JOIN_WORD.search(between)) or _NOT_PARTS.search(between) or \
                SELF_CORRECTION.search(between):
            return
    found.updates["corpus_docs"] = sum(v for _, v in counts)
    found.summed = True


# A second count added to the documents: "40 thousand contracts, plus another 60 thousand amendments", "40k contracts
# and another 60k in the legacy system", "dazu noch einmal 60.000 Nachträge", "y otros 60 mil anexos", "plus 60 000
# avenants", "2 lakh invoices plus 1 lakh purchase orders" (s7-c)
_ANOTHER = re.compile(
    r"^[^\d]{0,40}?(?:(?:\b(?:and|plus|with|und|et|y|e|en|och)\s+|[+&]\s*)?(?:another|a further|an additional|"
    r"additional|further|on top of (?:that|this|it),?|in addition|dazu(?: noch)?(?: einmal| mal)?|weitere|"
    r"noch (?:einmal|mal)|otros|otras|outros|outras|altri|altre|encore|en plus|nog|ytterligare|ещё|еще|kolejne|"
    r"daha)|\bplus|\+)\s*(?:~|about|around|roughly|approx\.?|some|maybe|circa|environ|unos|etwa|like|say|ca\.?)?\s*$")
# The second figure is another kind of thing: growth ("plus 500 new ones a month"), people, money, a length ...
_NOT_ANOTHER_PART = re.compile(r"^\s*(?:[a-z\-]+\s+){0,2}?(?:new|more (?:each|every|per|a)|a (?:month|week|day|year)|"
                               r"per|each|every|users?|people|employees|staff|queries|searches|requests|words?|pages?|"
                               r"tokens?|characters?|lines?|ms|seconds?|%|percent)\b")


def _another_part(numbers: list[P.Number], kinds: dict[int, str | None], work: str, found: Found) -> None:
    docs = found.updates.get("corpus_docs")
    if not isinstance(docs, int):
        return
    for a, b in zip(numbers, numbers[1:], strict=False):
        if int(a.value) != docs or kinds.get(b.start) not in (None, "corpus_docs") or int(b.value) in [
                v for k, v in found.updates.items() if k != "corpus_docs" and isinstance(v, int | float)]:
            continue
        between = work[a.end:b.start]
        if _ANOTHER.match(between) and not _NOT_PARTS.search(between) and not SELF_CORRECTION.search(between) and \
                not _NOT_ANOTHER_PART.match(work[b.end:b.end + 30]) and b.value >= 2:
            found.updates["corpus_docs"] = int(a.value + b.value)
            found.summed = True
            return


# Counts listed one per line or table row under a plural label ("Policies: 1,200. Procedures: 3,400. Forms: 800.",
# "| contracts | 40,000 |\n| amendments | 60,000 |"): the parts of the collection (s7-c)
_LISTED = re.compile(r"(?:^|[\n.;|])[ \t\-*•|]*([a-z][a-z \-]{2,30}?s)[ \t]*(?:[:=|]|\t| {2,})[ \t]*"
                     r"(?:~|about|around|roughly|approx\.?)?[ \t]*$")


def _listed_parts(numbers: list[P.Number], kinds: dict[int, str | None], work: str, found: Found) -> None:
    docs = found.updates.get("corpus_docs")
    listed = []
    for n in numbers:
        label = _LISTED.search(work[max(0, n.start - 40):n.start])
        if label and re.match(r"[ \t]*(?:[|.;\n]|$)", work[n.end:n.end + 3]):
            listed.append((n, label.group(1).strip()))
    if len(listed) < 2 or docs not in (None, *[int(n.value) for n, _ in listed]):
        return
    labels = [label for _, label in listed]
    if any(_NEVER_PARTS.match(label.split()[-1]) or G.label_field(f"{label}: 1")[0] not in (None, "corpus_docs")
           or kinds.get(n.start) not in (None, "corpus_docs") for n, label in listed):
        return  # "Users: 150", "Queries: 40k": not parts of the collection
    if docs is None and not any(P.DOCS_AFTER.match(" " + label) for label in labels):
        return
    found.updates["corpus_docs"] = int(sum(n.value for n, _ in listed))
    found.summed = True


# A count of things the reader has no word for, joined to a document count by "+" / "and" ("abt 5k itineraries + 800
# FAQ pages", "~350k issues and ~40k doc pages"): both are what gets indexed.
_UNNAMED_PART = re.compile(r"^\s*([a-z][a-z\-]{3,}s)\s*(?:\+|\band\b|\bplus\b|&)\s*(?:about|around|abt|approx\.?|"
                           r"roughly|~)?\s*$")
_NEVER_PARTS = re.compile(r"^(?:users|employees|people|staff|customers|clients|members|agents|engineers|lawyers|"
                          r"doctors|stores|shops|branches|offices|sites|hospitals|clinics|schools|countries|languages|"
                          r"servers|gpus|cards|cores|queries|searches|questions|requests|calls|visits|pageviews|"
                          r"views|tokens|words|characters|chars|pages|lines|years|months|weeks|days|hours|minutes|"
                          r"seconds|times|dollars|euros|pounds|students|learners|tenants|teams|products)$")


def _unnamed_part(numbers: list[P.Number], work: str, found: Found) -> None:
    docs = found.updates.get("corpus_docs")
    for a, b in zip(numbers, numbers[1:], strict=False):
        part = _UNNAMED_PART.match(work[a.end:b.start])
        if part and docs == int(b.value) and not _NEVER_PARTS.match(part.group(1)) and \
                int(a.value) not in [v for v in found.updates.values() if isinstance(v, int | float)]:
            found.updates["corpus_docs"] = int(a.value + b.value)
            return


_CONTAINER_GAP = re.compile(r"^\s*[a-z\-]+?s?\s*(?:,|with|of)\s*(?:about|around|roughly|approx\.?|~|maybe|say)?\s*$")
_ITEMS_EACH = re.compile(r"^\s*([a-z\-]{3,20}?)(?:e?s)?\s+(?:each|apiece|per|a|in each|in every)\b")


# s7-d (issue 17): the documents of each unit, the units counted before ("50个客户，每个客户平均有2千份文档",
# "取引先300社、1社あたり約100件", "고객사 40곳, 고객사마다 평균 5천 건"): the corpus is their product
_DOCS_EACH_UNIT = (
    re.compile(r"(?:每(?:个|個|家|所|位|间)?|各)([\u4e00-\u9fff]{1,4}?)\s*"
               r"(?:平均|都|大概|大约|约|有|差不多|\s)*$"),
    re.compile(r"(?:1|一)?([\u4e00-\u9fff\u30a0-\u30ff]{1,4})(?:あたり|当たり|ごとに|ごと)\s*"
               r"(?:平均|on average|about|約|\s)*$"),
    re.compile(r"([가-힣]{1,4}?)(?:마다|당)\s*(?:on average|about|평균|\s)*$"))
_TOTAL_WORD = re.compile(r"一共|总共|合计|加起来|全部で|合計|합쳐서|총|in total|altogether|toplam")


def _docs_per_unit(numbers: list[P.Number], work: str, found: Found) -> None:
    docs = found.updates.get("corpus_docs")
    if not isinstance(docs, int) or _TOTAL_WORD.search(work):
        return
    num = next((n for n in numbers if int(n.value) == docs), None)
    if num is None:
        return
    left = max((work.rfind(c, 0, num.start) for c in ",;!?。，；、\n"), default=-1) + 1
    for rx in _DOCS_EACH_UNIT:
        m = rx.search(work[left:num.start])
        if m is None or R.CJK_PERIOD.match(m.group(1)) or m.group(1)[0] in "次回遍天日月周週年人名位时時":
            continue  # "每次返回10条": each search's results, not a unit
        count = R.count_of(m.group(1), work, numbers, num)
        if count is not None and count.start < num.start and count.value >= 2 and \
                m.group(1)[:2] in work[max(0, count.start - 12):count.end + 12]:
            found.updates["corpus_docs"] = int(count.value * docs)
        return


# Of the whole, only a part goes in ("1,2 Mio. Akten im DMS, davon sollen erstmal nur die Ratsbeschlüsse (rund
# 18.000) in die Suche", "2M files, of which only the contracts, about 40k, are in scope", "dont seulement 30 000"):
# a subset word, then a word of "only" or "first", then the part's count
_ONLY_PART = re.compile(r"\b(?:davon|of (?:which|those|them)|dont|de los cuales|de las cuales|di cui|dos quais|"
                        r"das quais)\b[^\d.;!?]{0,60}?\b(?:nur|only|just|seulement|uniquement|solo|sólo|só|apenas|"
                        r"soltanto|erstmal|zunächst|first|initially|d'abord|primero)\b|(?:其中|そのうち|그중|이 중)"
                        r"[^\d。]{0,20}?(?:只|仅|だけ|のみ|만)")


def _only_part_indexed(numbers: list[P.Number], work: str, found: Found) -> None:
    """The part of the whole that goes in is the corpus (s16-a)."""
    whole = found.updates.get("corpus_docs")
    if not isinstance(whole, int) or isinstance(whole, bool):
        return
    for n in numbers:
        if abs(n.value - whole) > 0.5:
            continue
        only = _ONLY_PART.search(work, n.end, n.end + 80)
        part = next((m for m in numbers if only and m.start >= only.end() and m.start - only.end() <= 80), None)
        if only is None or part is None or not 2 <= part.value < whole or any(
                rx.search(work[part.end:part.end + 20]) for rx, _ in P.PERIODS) or not re.match(
                r"^\s*(?:\)|,|$|[a-z\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]+\s*(?:\)|,|$|in|go|are|sind|kommen))",
                work[part.end:part.end + 20]) or P.PAGES_AFTER.match(work[part.end:]) or \
                P.CURRENCY_AFTER.match(work[part.end:]) or P.USERS.match(work[part.end:]):
            return
        found.updates["corpus_docs"] = int(part.value)
        return


def _items_indexed(numbers: list[P.Number], work: str, found: Found) -> None:
    """"~12k courses, roughly 30 lessons each, and we'd index per lesson": the items indexed are the documents."""
    for a, b in zip(numbers, numbers[1:], strict=False):
        items = _ITEMS_EACH.match(work[b.end:b.end + 40])
        if not items or not _CONTAINER_GAP.match(work[a.end:b.start]) or P.USERS.match(work[b.end:]):
            continue
        noun = re.escape(items.group(1))
        if re.search(rf"\b(?:index|search|embed|chunk|split|store|treat)\w*\s+(?:[a-z']+\s+){{0,3}}?"
                     rf"(?:per|each|every|by|by the|at the)\s+{noun}(?:e?s)?\b|\b{noun}[\s\-]level\b", work):
            found.updates["corpus_docs"] = int(a.value * b.value)
            return


def _after_a_count_of_documents(text: str, num: P.Number) -> bool:
    """Whether the sentence counted documents just before the figure ("40k tickets so far, roughly 1,500 a week").

    A bare rate after them may be their growth as well as searches, whoever is counted elsewhere (s8-a).
    """
    start = max((m.end() for m in re.finditer(r"[.;!?。]\s", text[:num.start])), default=0)
    before = P.find_numbers(text[start:num.start], 6)
    return bool(before) and bool(P.docs_after(text[start + before[-1].end:start + before[-1].end + 40]))
