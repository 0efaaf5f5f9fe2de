"""Which profile field one figure is about, from its unit, the words around it and the question asked (``_classify``).

Documents, tokens and lengths, queries, money, latency in seconds, top-k; a time from now, a year span, a month named,
a factor ("10倍") are no count, and a figure that could be two fields is returned as ambiguous
(``agent.understanding_quantities`` reads each figure of a message with it).
"""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_patterns as P
from agent import understanding_structure as S
from agent.understanding_documents import (
    _COLLECTION,
    _DOCS_COUNT_UNKNOWN,
    _DOCUMENT_NOUN,
    _DOCUMENTS_SAID_BEFORE,
    _NOT_DOCS_AFTER,
    _NOT_DOCS_BUT,
    _NOT_DOCS_SUBJECT,
    _NOT_DOCUMENTS,
    _PAGES_AS_A_SITE_FROM,
    _PAGES_IN_DOCS,
    _PAGES_OF_DOCS,
    _UNKNOWN_NOUN,
    _after_a_count_of_documents,
    _docs_counted_beside,
)
from agent.understanding_figures import (
    _CJK,
    _KANA,
    _LENGTH_UNITS,
    _OWN_CLAUSE_END,
    _PERIOD_RES,
    _QUERY_SUBJECT,
    _SIZE_UNIT,
    _sentence_at,
    period_factor,
)
from agent.understanding_lengths import _BINARY_FILES, _BYTES, _TEXT_SIZE, _TEXT_TOTAL
from agent.understanding_money import (
    _GENERIC_CURRENCY,
    _LOCAL_DOLLARS,
    _PER_SEAT,
    _SEAT_PRICE,
    _SEATS,
    _before_sum,
    _message_currency,
    _money,
    as_field,
    default_currency,
)
from agent.understanding_searches import _CONVERSATIONS, _MONTHLY_PEOPLE, _PEOPLE_REFERRED, _sentence_period
from tools.profile.schema import NUMERIC_FIELDS

# "a meeting in 10 min", "dans 10 minutes", "через 10 минут": a time from now, not a length of speech
_TIME_FROM_NOW = re.compile(r"(?:^|\s)(?:in|within|after|en|dans|em|tra|fra|entro|binnen|om|za|через|nach)\s+"
                            r"(?:(?:about|like|~|approx\.?|ca\.?|etwa|unos|environ)\s*)?$", re.I)


_CJK_SCRIPT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")  # kana, CJK, hangul


def _ambiguous(value: float, period: float, text: str) -> dict[str, Any]:
    return {"value": value, "monthly": value * period, "fields": ["budget_usd_month", "queries_per_month"],
            "text": text.strip()}



# The size growth starts from ("growing from 800k to 1.1M by next year", "going from 50k today to ..."): the size now,
# not the growth (s7-c)
_FROM_NOW = re.compile(r"\bfrom\s*(?:~|about|around|roughly|approx\w*\.?|some)?\s*$")

# The latency named earlier in the sentence of a time in seconds ("Latenz ist nicht kritisch, 1 Sekunde ist ok"): the
# time is its target, though its own clause names nothing (s16-a)
_LATENCY_IN_SENTENCE = re.compile(r"latency|laten[zc]\w*|latência|response time|antwortzeit|temps de réponse|"
                                  r"tiempo de respuesta|tempo de resposta|\bp9\d\b|"
                                  r"延迟|延遲|响应|応答|レイテンシ|지연|응답")
# A time turned down: "500 ms is too much", "2 seconds is way too slow", "500 ms fazla", "500 ms ist zu viel"
_REJECTED_AFTER = re.compile(r"^\s*(?:is|are|'s|would be|feels?)?\s*(?:way |far |much |definitely )?"
                             r"(?:too (?:much|slow|long|high)|fazla|çok fazla|zu (?:viel|lang|langsam)|"
                             r"trop (?:long|lent)|demasiado|troppo|te (?:lang|traag|veel)|för (?:långsamt|mycket)|"
                             r"слишком|занадто|za (?:dużo|długo|wolno)|"
                             # s12-a: a target turned down as too strict ("0.5초는 너무 빡빡하고 2초까지는 괜찮을",
                             # "200 ms is too tight", "0.5秒は厳しいので", "200毫秒太严了", "200 ms ist zu knapp")
                             r"too (?:strict|tight|aggressive|ambitious)|zu (?:streng|knapp|ambitioniert)|"
                             r"trop (?:strict|serré|juste|ambitieux))\b|"
                             r"^\s*(?:은|는|이|가|は|だと|では|是|就|的话)?\s*(?:너무|좀|ちょっと|少し|太|有点)?\s*"
                             r"(?:빡빡|촉박|짧|厳し|きつ|無理|严|紧|苛刻|不现实)")
# "There are" before a bare count, in the languages the gloss leaves ("ahora hay 12000", "il y en a about 45000", "on en
# a 1200000", "es sind rund 7.500" glossed "es are about 7500"): the count of what the message named before it
_THERE_ARE = re.compile(r"(?:\bthere (?:are|is)|\bthere'?re|\bhay|\bil y en a|\bon en a|\bnous en avons|\bes are|"
                        r"\bes gibt|\bci sono|\bne abbiamo|\bh[áa]|\btemos|\btenemos)\s*"
                        r"(?:now|currently|today|about|around|roughly|approximately|~|environ|à peu près|unos|unas|"
                        r"cerca de|rund|etwa|ca\.?|\s)*$")
# Nothing counted after the figure but where it is ("dans l'historique", "in the archive", "en total")
_NOUN_FREE_AFTER = re.compile(r"\s*(?:$|[,;.!?)]|(?:y|and|et|und|e)\b|(?:dans|in|en|im|no|na|nel|au|in total|en total)"
                              r"\s+(?:l'|the|el|la|le|das|dem|o|a|il|total)?\s*(?:historique|archive|archiv\w*|"
                              r"archivo|arquivo|archivio|historial|histórico|system|sistema|système|dms|total)\b)")
# A factor, not a count: "翻十倍", "10倍に", "10배", "10-fold"
_MULTIPLIER_AFTER = re.compile(r"^\s*(?:倍|배|[\s\-]?fold\b)")


def _classify(num: P.Number, text: str, asked: str | None, people: bool = False,
              hardware: bool = False) -> tuple[str | None, Any]:
    """Decide which profile field one number is about, from the unit after it or the words before it."""
    v, after = num.value, text[num.end:num.end + 40]
    indian = "inr" if re.search(r"lakh|lac\b|lacs|crore", text[num.start:num.end]) else None  # "2 lakh": rupees
    # (its own words after an earlier figure taken back: "월 50만원이 아니라 연 1,200만원" is a year's)
    before = re.split(r"[,;!?。]|아니라|아니고|じゃなく|ではなく|\bdeğil\b", text[max(0, num.start - 30):num.start])[-1]
    clause = before + " " + re.split(r"[,;!?。]|\.\s", after)[0]
    if _MULTIPLIER_AFTER.match(after):
        return None, None  # "上线后可能翻十倍", "10배로 늘어날 듯", "grow 10-fold": a factor, no count of anything
    times = P.TIMES_AFTER.match(after)
    searching = people or P.SEARCH_VERB.search(clause) or asked == "queries_per_month"  # "年間で1200万回" when asked
    if times and searching and (period_factor(after[times.end():], before) != 1.0 or _MONTH_NAMED.match(
            after[times.end():]) or _MONTH_BEFORE.search(before)):  # "3 veces al mes" (glossed "3 times per month"):
        # a month's factor is 1; "月に50万回くらい" (glossed "per month 50万 times"): the month said before it
        return "queries_per_month", int(v * period_factor(after[times.end():], before))
    lead = re.split(r"[。！？!?]|\.\s", text[max(0, num.start - 60):num.start])[-1]
    lead_period = next((f for rx, f in P.PERIODS if rx.search(lead)), None)
    if times and re.search(r"\b(?:queries|searches)\b", lead) and lead_period is not None and \
            period_factor(after[times.end():], "") == 1.0:
        # s16-a: "月間の検索回数は今のキーワード検索で約200万回" (glossed "per month の queries は今の bm25 で about
        # 200万 times"): the searches and their period named earlier in the sentence
        return "queries_per_month", int(v * lead_period)
    if times and people and _sentence_period(num, text) != 1.0 and (re.match(r"^\s*each\b", after[times.end():]) or
                                                                    re.search(r"\beach\s*$", before)):
        return "queries_per_month", int(v)  # "would search daily, 5 times each": the period is the sentence's
    if times and people and _MONTHLY_PEOPLE.search(text) and _sentence_period(num, text) == 1.0:
        return "queries_per_month", int(v)  # "5k monthly active users, each asks about 4 times": their month (s6-a)
    text_size = _TEXT_SIZE.match(after)
    if text_size and P.TOTAL_CUE.search(clause + " " + after):  # "12 MB of plain text in total": ~1 byte a character
        return "corpus_tokens", int(v * _BYTES[text_size.group(1)] / P.CHARS_PER_TOKEN)
    if text_size and (P.PER_DOC_CUE.search(clause) or text_size.group(1) == "k"):  # "each file is ~8 KB of text"
        return "doc_length_tokens", int(v * _BYTES[text_size.group(1)] / P.CHARS_PER_TOKEN)
    if text_size:  # "150 MB of markdown over 3,000 pages": megabytes of text are a corpus, not one document
        return "corpus_tokens", int(v * _BYTES[text_size.group(1)] / P.CHARS_PER_TOKEN)
    kilobytes = re.match(r"^\s*ki?b\b", after)
    if kilobytes and (P.PER_DOC_CUE.search(clause + " " + after[:40]) or asked == "doc_length_tokens" or re.search(
            r"\b(?:usually|normally|mostly|generally)\b", before)) and not \
            _BINARY_FILES.search(text) and not P.TOTAL_CUE.search(clause):
        # "the transcripts run to about 30 KB each", "about 5 KB per document": kilobytes of one text (s8-a; not a
        # PDF's or a scan's file size, which says nothing of its text)
        return "doc_length_tokens", int(v * _BYTES["k"] / P.CHARS_PER_TOKEN)
    if _SIZE_UNIT.match(after) or re.match(r"^-[a-z]s?\b", after):  # "2x faster", "10-K", "8-Ks"
        return None, None
    if (P.GROWTH_BEFORE.search(before) and not _FROM_NOW.search(before) or P.GROWTH_AFTER.match(after)) and \
            not P.CURRENCY_BEFORE.search(before) \
            and not P.CURRENCY_AFTER.match(after) and not P.QUERY_AFTER.match(after):
        return "growth", v * period_factor(after, before)
    currency = P.CURRENCY_AFTER.match(after)
    symbol = P.CURRENCY_BEFORE.search(before)
    if currency or symbol:
        # "新台币3万元", "$5k AUD": the more specific of the two spellings names the currency
        codes = [P.currency_code(m.group(1)) for m in (symbol, currency) if m]
        specific = [m for m in (symbol, currency) if m and m.group(1).strip() not in _GENERIC_CURRENCY]
        code = P.currency_code(specific[-1].group(1)) if specific else codes[-1]
        if not specific and symbol and symbol.group(1).strip() == "$" and not P.US_DOLLARS.search(text):
            # "$900 a month AUD, plus a one-off $5k": a bare "$" in a message that names one local dollar (s15-c)
            dollars = {c for _, _, c in P.currency_mentions(text)}
            code = dollars.pop() if len(dollars) == 1 and dollars <= _LOCAL_DOLLARS else code
        if any(re.fullmatch(r"\s*pesos?\s*", m.group(1)) for m in specific):  # "20 mil pesos": whose pesos?
            code = P.peso_currency(text)
        if code is None:  # "3000 pesos", "5000 kroner": which country's is unsaid; not a budget in dollars
            return None, None
        if code == "cny" and "¥" in [m.group(1).strip() for m in (symbol, currency) if m] and not (
                _CJK.search(text) or _KANA.search(text)):
            # "¥100,000 a month": yen or yuan is the place's ("Tokyo-based team"); with no place it is unsaid
            places = P.place_currencies(text) & {"jpy", "cny"}
            code = places.pop() if len(places) == 1 else None
            if code is None:
                return None, None
        if code == "cny" and "¥" in [m.group(1).strip() for m in (symbol, currency) if m] and _KANA.search(text):
            code = "jpy"  # "月額¥50,000です": the yen sign in Japanese (alone it is the yuan's)
        rest = after[currency.end():] if currency else after
        seats_before = _SEAT_PRICE.search(before[:symbol.start()] if symbol else before)
        if seats_before and P.find_numbers(seats_before.group(1)):  # "40 seats at like $8.75": each seat's (s15-c)
            v *= P.find_numbers(seats_before.group(1))[0].value
        elif _PER_SEAT.match(rest):  # "$50 per user per month, ~20 users": times the users, or not a budget at all
            seats = _SEATS.search(text)
            if not seats or seats.start() < num.end < seats.end():
                return None, None
            v *= P.find_numbers(seats.group(1))[0].value if P.find_numbers(seats.group(1)) else 0
            if not v:
                return None, None
        clause_end = r"[,;!?。，；、]|\.\s"
        own_clause = re.split(clause_end, rest[:30])[0] + " | " + re.split(clause_end, before)[-1]
        periodic = any(rx.search(own_clause) for rx, _ in P.PERIODS)
        if hardware and period_factor(rest, "") >= 24 * P.DAYS_PER_MONTH:  # "a rented A100 at ~$1.3/h": its price
            return None, None
        if S.one_off(_before_sum(text, num), rest, _PERIOD_RES):  # "a one-off $5,000 for the initial indexing"
            return "one_time_budget_usd", _money(v, code, 1.0)
        if not periodic and S.year_budget(clause):  # "first-year budget is $12k"
            return "budget_usd_month", _money(v, code, 1 / 12)
        return "budget_usd_month", _money(v, code, period_factor(rest, re.split(r"\.\s", before)[-1]))
    time_unit = P.MS_AFTER.match(after) or P.SECONDS_AFTER.match(after)
    if time_unit and _REJECTED_AFTER.match(after[time_unit.end():]):
        return None, None  # "500 ms is too much, must be under 150 ms": the figure turned down is no target
    if P.MS_AFTER.match(after):
        return "latency_p95_ms", float(v)
    if P.QPS_AFTER.match(after) or P.QPS_BEFORE.search(before):
        return "queries_per_month", int(v * P.SECONDS_PER_MONTH)
    if P.SECONDS_AFTER.match(after) and not re.search(r"(?:per|每)\s*$", before) and (
            asked == "latency_p95_ms" or P.LATENCY_CUE.search(clause) or
            _LATENCY_IN_SENTENCE.search(re.split(r"[.;!?。]\s|[。！？\n]",
                                                 text[max(0, num.start - 80):num.start])[-1])):
        return "latency_p95_ms", float(v * 1000)
    query = P.QUERY_AFTER.match(after)
    if query and query.group().endswith("calls") and re.search(r"record|transcri|phone|audio|voice|telefon", clause):
        query = None  # "8,000 recorded support calls": recordings, not API calls
    if query and v < 2 and not any(rx.search(after) or rx.search(before) for rx, _ in P.PERIODS):
        return None, None  # "一篇就是一个问题", "each article answers one question": the content, no rate (lead s14)
    if query:
        factor = period_factor(after[query.end():], before)
        sentence = re.split(r"[.;!?。]\s", text[max(0, num.start - 60):num.start])[-1] + " " + after
        if factor == 1.0 and S.peak_hour(sentence):  # "the busiest hour had 5,000 queries": the peak is the rate
            factor = 24 * P.DAYS_PER_MONTH
        lead = re.split(r"[,，]", re.split(r"[.;!?。]\s", text[max(0, num.start - 30):num.start])[-1])
        if factor == 1.0 and len(lead) == 2 and any(
                not P.FILLER.sub("", rx.sub("", lead[0])).strip() for rx, _ in P.PERIODS if rx.search(lead[0])):
            factor = period_factor("", lead[0])  # "por dia, umas 3 mil consultas": the period is the whole clause
        return "queries_per_month", int(v * factor)
    pages_unit = P.PAGES_AFTER.match(after)
    if pages_unit and _PAGES_IN_DOCS.match(text[num.end + pages_unit.end():num.end + pages_unit.end() + 60]):
        # "1.2M pages in 15,000 documents": split by the documents; to "how many documents?" only the count is read
        # (the convention of heldout11's h11-fr-14 and dev8b)
        return ("corpus_tokens", int(v * P.TOKENS_PER_PAGE)) if asked != "corpus_docs" else (None, None)
    if pages_unit and v >= P.PAGES_AS_DOCS_FROM and not P.PER_DOC_CUE.search(clause) and not _NOT_DOCS_BUT.search(
            text) and (_DOCS_COUNT_UNKNOWN.search(text) or _docs_counted_beside(num, text)):
        # "2,000 reports adding up to 80,000 pages", "~30k case files totalling 1.5M pages", "12,000 documents / 480k
        # pages", "600k pages - I don't know the document count": the pages are the corpus's total, never its count
        # (s8-a); split by the documents where they are counted
        if any(rx.search(after[:30]) for rx, _ in P.PERIODS) or re.search(r"\bnew\b|新增", clause):
            return None, None  # "3M pages a year of new filings": a rate, not the corpus
        return "corpus_tokens", int(v * P.TOKENS_PER_PAGE)
    if pages_unit and asked != "doc_length_tokens" and v >= _PAGES_AS_A_SITE_FROM and not P.PER_DOC_CUE.search(
            clause) and (_PAGES_OF_DOCS.match(after[pages_unit.end():]) or _COLLECTION.search(before)):
        return "corpus_docs", int(v)  # "~2.3k pages of docs", "the docs site has ~3k pages": the pages are documents
    if P.PAGES_AFTER.match(after) and v >= P.PAGES_AS_DOCS_FROM and P.TOTAL_CUE.search(clause):
        return "corpus_tokens", int(v * P.TOKENS_PER_PAGE)  # "2M pages in total": split by the pages per document
    if P.PAGES_AFTER.match(after) and (v >= P.PAGES_AS_DOCS_FROM or _TEXT_TOTAL.search(text)) and \
            not P.PER_DOC_CUE.search(clause):
        if any(rx.search(after[:30]) for rx, _ in P.PERIODS) or re.search(r"\bnew\b|新增", clause):
            return None, None  # "3M pages a year of new filings": a rate, not the corpus
        return "corpus_docs", int(v)
    if (P.PARAGRAPHS_AFTER.match(after) or P.SENTENCES_AFTER.match(after)) and v >= P.PAGES_AS_DOCS_FROM and not (
            P.PER_DOC_CUE.search(clause) or P.TOTAL_CUE.search(clause) or asked == "doc_length_tokens"):
        return "corpus_docs", int(v)  # "八十万段文本", "200k paragraphs": passages counted, not one document's length
    if asked == "corpus_docs" and not P.PER_DOC_CUE.search(clause) and (
            P.TOKENS_AFTER.match(after) or any(rx.match(after) for rx, _ in _LENGTH_UNITS)) and not any(
            P.docs_after(text[n.end:n.end + 40]) for n in P.find_numbers(text[:num.start], 10)):
        # (not "about 300 PDFs, mostly 50-100 pages": the documents are counted, the pages are each one's length)
        # "about 2M tokens" / "500 pages" to "how many documents?": the corpus in total, not one document's length
        factor = 1.0 if P.TOKENS_AFTER.match(after) else next(f for rx, f in _LENGTH_UNITS if rx.match(after))
        return "corpus_tokens", int(v * factor)
    if P.MINUTES_AFTER.match(after) and (P.SPEECH_CUE.search(text) or (
            asked == "doc_length_tokens" and P.SPEECH_LENGTH_VERB.search(clause))) and not (
            P.LATENCY_CUE.search(clause) or re.search(r"\bindex|\bembed|\bbackfill|\bwithin\b|\bunder\b", clause)
            or _TIME_FROM_NOW.search(before)):
        # "a call lasts about 10 minutes", "the episodes run 30 minutes": transcribed speech, ~150 words a minute
        total = P.TOTAL_CUE.search(clause) and not P.PER_DOC_CUE.search(clause)
        return ("corpus_tokens" if total else "doc_length_tokens"), int(round(v * P.TOKENS_PER_MINUTE))
    if any(rx.match(after) for rx, _ in _LENGTH_UNITS) and _QUERY_SUBJECT.search(clause):
        return None, None  # "the average query is 8 words long": a query's length, not a document's
    for rx, factor in _LENGTH_UNITS:
        unit = rx.match(after)
        if unit and any(p.search(_OWN_CLAUSE_END.split(after[unit.end():unit.end() + 25])[0]) for p, _ in P.PERIODS):
            return None, None  # "we commit 300 lines of code a day": a rate of writing, not a document's length
        if unit:  # "40 million words across 20k reports" is the whole corpus, not one document
            total = (P.TOTAL_CUE.search(clause) or _SPREAD_NEXT.match(after[unit.end():])) and not \
                P.PER_DOC_CUE.search(clause) and not P.PER_ITEM_BEFORE.search(before)
            return ("corpus_tokens" if total else "doc_length_tokens"), int(round(v * factor))
    if P.TOKENS_AFTER.match(after):
        total = (P.TOTAL_CUE.search(clause) and not P.PER_DOC_CUE.search(clause)
                 and not P.PER_ITEM_BEFORE.search(before)) or v > 10_000_000
        return ("corpus_tokens" if total else "doc_length_tokens"), int(v)
    docs = P.docs_after(after)
    subject = [w for w in re.findall(r"\S+", re.split(r"\d", before)[-1]) if not _HEDGE_WORD.fullmatch(w)][-1:]
    if docs and re.match(r"^[a-z]", after):
        docs = None  # "8D reports", "10-K filings": a name with a figure in it
    if docs and _NOT_DOCS_AFTER.match(after[docs.end():]):
        docs = None  # "3 product lines", "4 product groups": what an organisation sells, not its documents (s7-d)
    generic = docs is not None and re.match(r"^\s*(?:items|点|枚|stuks|st[üu]ck|pi[èe]ces|piezas|pezzi|pe[çc]as|sztuk|"
                                            r"stycken|adet|штук)\b", docs.group())
    if docs is not None and P.content_count(docs) and v < P.MIN_CONTENT_COUNT:
        docs = None  # "3 standards", "the API supports 4 protocols": not a collection
    if docs is not None and generic and (
            (subject and _NOT_DOCS_SUBJECT.search(subject[0])) or (docs.group().strip() in ("点", "枚") and v < 100)
            or _NOT_DOCS_SUBJECT.match(after[docs.end():].strip())
            or (hardware and not after[docs.end():docs.end() + 3].strip())):  # "4 adet A100": cards
        docs = None  # "지점이 80개" (80 branches), "매장이 250개": a counter of things that are not documents
    if docs and docs.group().rstrip().endswith("of them") and hardware:
        return None, None  # "not 2 A100s, we have 4 of them": the cards, not documents
    referred = re.split(r"[.;!?。]\s", text[max(0, num.start - 80):num.start])[-1]
    if docs and docs.group().rstrip().endswith("of them") and _PEOPLE_REFERRED.search(referred) and \
            not _DOCUMENT_NOUN.search(referred):
        return None, None  # "the legal team decides that and all 4 of them are swamped": the people (s16-c)
    if docs:
        # "一个法律问答系统" is not a corpus of one; "1k docs per second" / "5,000 new docs a month" are rates
        # its own words only: "120k tickets today and add 5k new ones a month", "8万 건이고 매달 2천 건씩"
        tail = _OWN_CLAUSE_END.split(after[docs.end():docs.end() + 20])[0]
        own = before + " " + _OWN_CLAUSE_END.split(re.split(r"\d", after)[0])[0]
        rate = any(rx.search(tail) for rx, _ in P.PERIODS) or re.search(r"\bnew\b|新增", own) or re.match(
            r"^\s*(?:per|each|for each|for every|/)\s+[a-z]", tail) or _period_just_before(before) or re.search(
            r"\beach (?:with|has|having|holding|containing|of them with)\s*(?:about |around |roughly |~)?$", before)
        # "800 tweets per account", "monthly about 1,000 new documents", "毎週200件": not the corpus
        counted = not re.search(r"^\s*(?:times|x)\b|\b(?:per|each|every)\s", docs.group())
        query_before = P.QUERY_BEFORE.search(before)
        if query_before and not re.search(r"\bnew\b|新增", own) and not (
                query_before.group().lstrip().startswith("volume") and not rate and
                not re.match(r"^\s*(?:[a-z\-]+\s+)?(?:quer|search|request|call|question|lookup)", docs.group())):
            # (s16-a: "Volume: ~850k tickets", "volume: cerca de 3,5 milhões de laudos": the documents' volume)
            # "하루 검색 약 1만 건", "월 쿼리 1,000만 건", "查询量5000条": items counted after "searches"
            return "queries_per_month", int(v * period_factor(after, before))
        per_second = re.match(r"^\s*(?:per|a|1|/)\s*(?:second|sec|s)\b", tail)  # "a second" is "1 second" here
        if per_second and asked == "queries_per_month" and not re.search(r"\bnew\b|\bgrow|\badd|新增", own):
            return "queries_per_month", int(v * P.SECONDS_PER_MONTH)  # "at launch peaks ~3 tickets a second"
        if rate and asked == "queries_per_month" and not re.search(r"\bnew\b|\bgrow|\badd|新增", own + tail) and \
                re.match(r"^\s*(?:(?:[a-z\-]+\s+)?(?:documents|items|cases|e-?mails|messages|letters)\b|件|건|条|次|回)",
                         docs.group()):  # (s14-a: "150 emails a day from residents" to the same question)
            # "1時間に100件" (glossed "per hour 100 documents") to "how many queries?": items counted per period
            return "queries_per_month", int(v * period_factor(after, before))
        if _CONVERSATIONS.match(docs.group()) and any(rx.search(tail) for rx, _ in P.PERIODS) and not re.search(
                r"\bnew\b", own):
            return "queries_per_month", int(v * period_factor(tail, ""))  # "the bot handles ~250k chats a month"
        if asked == "queries_per_month" and not rate and re.match(r"^\s*(?:items|documents)\b", docs.group()) and \
                not re.search(r"documents|docs|files|records|manuals|contracts|articles",
                              re.split(r"[,;!?。、，]", before)[-1]) and _CJK_SCRIPT.search(text):
            # "많을 때는 5천 건까지", "普段は5千件" to "how many queries?": a count of them, not the corpus (s7-d); the
            # counter glossed as "items" / "documents" (lead s15: "about 12k documents" written so is the corpus)
            return None, None
        # "search the KB 5 times per ticket": 5 is not a number of tickets
        return ("corpus_docs", int(v)) if v >= 2 and not rate and counted else (None, None)
    if P.QUERY_BEFORE.search(before):
        return "queries_per_month", int(v * period_factor(after, before))
    # "代码仓库，大概两千个", "文档总量在五十万到八十万之间吧"
    counter_only = re.match(r"^\s*(?:个|份|篇|条|本|件)?\s*(?:左右|上下|吧|呢|啊)*\s*(?:$|[,，。;；])|"
                            # s13-b: a space as the stop, typed on a phone ("商品大概二十多万个 中英文都有")
                            r"^\s*(?:个|份|篇|条|本|件)(?:左右|上下|吧|呢|啊)*\s+(?=[\u4e00-\u9fff])", after)
    # (a noun in Cyrillic, Greek, Hebrew or Arabic script after it is no bare figure: "12 филиалов", lead s13)
    bare = not re.match(r"^\s*[a-z\u4e00-\u9fff\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff]", after) or bool(
        counter_only) or bool(re.match(
        r"^\s*(?:about|around|or so|roughly|approximately|ish|max|at most|tops)\s*(?:$|[,;.!?])", after))
    # (a hedge after the figure, as Turkish and Japanese put it: "toplam 2.500 civarı", glossed "2500 about")
    if bare and v >= 2 and P.DOCS_BEFORE_BARE.search(text[max(0, num.start - 60):num.start]):
        return "corpus_docs", int(v)  # "contracts, about 200k"
    if v >= 2 and _THERE_ARE.search(before) and _NOUN_FREE_AFTER.match(after) and not any(
            rx.search(re.split(r"\d", after)[0]) for rx, _ in P.PERIODS) and \
            _DOCUMENTS_SAID_BEFORE.search(text[max(0, num.start - 200):num.start]):
        return "corpus_docs", int(v)  # s16-a: "Son contratos ... Ahora hay 12.000", "Ce sont des tickets ... On en a
        # 1,2 million dans l'historique": the documents named before, counted by a "there are"
    for name, rx in P.BEFORE_FIELD.items():
        if rx.search(before):
            if name == "budget_usd_month" and S.one_off(_before_sum(text, num), after, _PERIOD_RES):
                # "一次性采购服务器的预算是30万": paid once
                return "one_time_budget_usd", _money(v, indian or default_currency(text), 1.0)
            return name, as_field(name, v, clause, indian or (_message_currency(text) if name == "budget_usd_month"
                                                             else None))
    if v >= 2 and P.COLLECTION_BEFORE.search(before) and not any(rx.search(after[:30]) for rx, _ in P.PERIODS) and \
            not (P.CURRENCY_AFTER.match(after) or P.TOKENS_AFTER.match(after) or P.PAGES_AFTER.match(after)
                 or P.WORDS_AFTER.match(after) or P.USERS.match(after)):
        return "corpus_docs", int(v)  # "Tickets are around 90 thousand and language is english and hindi mix"
    if re.match(r"^\s*(?:/|per\b|a\s+(?:(?:working|business|work)\s+)?(?:month|day|week|year|minute|min|second|sec)\b|"
                r"an hour|each\b|every\b|"
                r"monthly|daily|每|一个?月)", after):
        # A count per day, hour or second is traffic; per month or year it is a budget unless queries are named.
        frequent = period_factor(after, "") > 1
        counting = asked in ("corpus_docs", "doc_length_tokens")  # "300 per day" to "how many documents?"
        topic = re.split(r"[.;!?。]", text[max(0, num.start - 40):num.start])[-1]  # "the searches, it's 600k a month"
        named = re.search(r"quer|search|request|查询|检索|请求", clause) or (
            re.search(r"quer|search|request|查询|检索|请求", topic) and not re.search(r"\d", topic))
        # "300 per day" with nothing around it: queries, or documents added? Asked about, unless the question, the
        # people using it or a correction of an earlier rate ("make it 1000 per day instead") say which.
        # s8-b: the same under another question ("500 a day" to the hardware or the latency question): not an answer
        # to it, and nothing says it counts searches
        unclear = counting or asked == "budget_usd_month" or (asked != "queries_per_month" and not people
                                                              and not P.CORRECTION.search(text)) or (
            asked is None and _after_a_count_of_documents(text, num))
        if asked == "queries_per_month" or (frequent and not unclear) or named:
            return "queries_per_month", int(v * period_factor(after, before))
        # money per hour or second with no currency beside it is traffic ("before we get to budget: it's 3k an hour
        # at peak"), whatever was said of the budget around it
        hourly = period_factor(after, "") >= 24 * P.DAYS_PER_MONTH and not re.search(
            r"[$€£¥₹₩]|\b(?:usd|eur|gbp|dollars?|euros?|bucks)\b", text[max(0, num.start - 6):num.end + 12])
        # s15-c: a currency named apart in the sentence is a word of money too ("up to 400 a month and 10k one-time,
        # Canadian dollars", "about 2 grand a month at it, AUD")
        if (asked == "budget_usd_month" and not frequent) or (not hourly and (P.BUDGET_CUE.search(
                text[max(0, num.start - 80):num.start] + clause) or (not named and P.currency_mentions(
                    _sentence_at(text, num))))):
            return "budget_usd_month", as_field("budget_usd_month", v, after, indian or _message_currency(text))
        return "ambiguous", _ambiguous(v, period_factor(after, before), text[num.start:num.end + 12])
    hedge_after = re.sub(r"^\s*(?:左右|上下|前後|くらい|ぐらい|程度|ほど|정도|쯤|가량|or so\b|ish\b)", "", after)
    if P.PERIOD_BEFORE.search(before) and asked not in NUMERIC_FIELDS and not re.match(r"^\s*[a-z\u4e00-\u9fff]",
                                                                                        hedge_after):
        if P.BUDGET_CUE.search(clause):
            return "budget_usd_month", as_field("budget_usd_month", v, clause, indian or _message_currency(text))
        return "ambiguous", _ambiguous(v, period_factor("", before), before[-6:] + text[num.start:num.end])
    if asked == "corpus_docs" and v >= 2 and (noun := _UNKNOWN_NOUN.match(after)) and not _NOT_DOCUMENTS.match(
            noun.group(1)) and not any(rx.search(clause) for rx, _ in P.PERIODS) and \
            not re.search(r"\d", text[:num.start]) and not P.SKIP.search(text) and not P.LATER.search(text) and \
            not _YEAR_SPAN.fullmatch(text[num.start:num.end]):
        return "corpus_docs", int(v)  # "rund 350.000 Lieferscheine und Zolldokumente" to "how many documents?"
    return None, None


# A span of calendar years ("the 2019-2021 archive"): when, not how many (s8-b)
_YEAR_SPAN = re.compile(r"(?:19|20)\d\d\s*(?:-|–|—|to|bis|à|a|al|do|до)\s*(?:19|20)\d\d")
_HEDGE_WORD = re.compile(r"about|around|roughly|approx\.?|~|약|대략|한|約|约|大约|大概|ca\.?|circa|etwa")
_MONTH_BEFORE = re.compile(r"(?:\b(?:a|per|each|every)\s+month|\bmonthly|每个?月|月均|毎月|매달|매월)\s*"
                           r"(?:(?:on average|about|roughly|approximately|だいたい|およそ|ほぼ|大概|大约|约|有|"
                           r"で|に|は|には|에|은|는)\s*)*$")
_MONTH_NAMED = re.compile(r"^\s*(?:(?:a|per|each|every)\s+month\b|monthly\b|/\s*mo(?:nth)?\b)")
# Where a figure's own clause ends: a comma, "and" in the languages glossed word for word, Korean "이고".
# The next clause spreads the amount over the documents ("800万行，分布在6万个文件里", "8M lines, spread across 60k
# files", "40 Mio. Wörter, verteilt auf 20.000 Berichte"): the amount is the whole corpus's
_SPREAD_NEXT = re.compile(r"^\s*(?:of code|of text|代码|代碼)?\s*[,，、]\s*(?:which are |that are |all |and )?"
                          r"(?:spread (?:over|across)|"
                          r"across|distributed (?:over|across|among)|split (?:into|across|over)|" + P.SPREAD_OVER +
                          r"|r[ée]parti|repartid|"
                          r"distribuit|verdeeld over|fördelade på|rozłożon|распределен)")


def _period_just_before(before: str) -> bool:
    """True when a period is named before a number with no figure between them ("每周 200 件", "monthly 1,000").

    A calendar year is not a period: "1949年以来的新闻稿800万篇" counts articles since 1949.
    """
    return any(not re.search(r"\d", before[m.end():]) and not re.search(r"(?:19|20)\d\d\s*$|[去今明前]$",
                                                                        before[:m.start()])
               and not re.match(r"年(?:来|以来|前|后|底|初)", before[m.start():]) for rx, _ in P.PERIODS
               for m in rx.finditer(before))  # "去年合并之后是2.1万份": last year is not a period
