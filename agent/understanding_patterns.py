"""Lexicon and recognisers behind ``agent.understanding``: rules, patterns, numbers, languages, models.

Hardware (accelerators, memory, cores, machine words) has one home, ``agent.understanding_hardware``; the phrases of
other languages one, ``knowledge/data/interview_lexicon.yaml`` (read by ``agent.understanding_lexicon``).
"""

from __future__ import annotations

import functools
import re

from agent.understanding_languages import find_languages
from agent.understanding_models import find_models
from agent.understanding_numbers import (
    GROWS_BEFORE,
    MAX_CHARS,
    Number,
    find_numbers,
    normalise,
    parse_cn,
    split_sentences,
)

__all__ = ["MAX_CHARS", "Number", "find_languages", "find_models", "find_numbers", "normalise", "parse_cn",
           "split_sentences"]

# Conversion rules. Rough on purpose: they turn what people say into the profile's units.
TOKENS_PER_PAGE = 500  # a page of prose is ~350-400 words
TOKENS_PER_WORD = 1.3  # English words -> subword tokens
TOKENS_PER_CJK_CHAR = 1.0  # Chinese 字 -> tokens (BPE: ~1-1.5, XLM-R: ~0.7)
CHARS_PER_TOKEN = 4  # English characters per token
TOKENS_PER_PARAGRAPH = 100
TOKENS_PER_SENTENCE = 25
TOKENS_PER_LINE = 10  # a line of source code (the dev sets' convention)
TOKENS_PER_MINUTE = 150 * TOKENS_PER_WORD  # a minute of transcribed speech: ~150 words
PAGES_AS_DOCS_FROM = 5_000  # "50k pages" without "each" is a corpus of pages, not one very long document
DAYS_PER_MONTH = 30
SECONDS_PER_MONTH = 86_400 * DAYS_PER_MONTH  # 1 QPS = 2,592,000 queries a month
REAL_TIME_MS = 100.0  # "real-time" / 实时
SUB_SECOND_MS = 1_000.0

# Periods, each with its factor to "per month".
PERIODS = (
    (re.compile(r"\b(?:per|a|an|each|every)\s+(?:second|sec)\b|/\s*s(?:ec)?\b|每秒|/秒"), SECONDS_PER_MONTH),
    (re.compile(r"\b(?:per|a|each|every)\s+min(?:ute)?\b|/\s*min\b|每分钟|每分鐘|/分钟|/分鐘"),
     60 * 24 * DAYS_PER_MONTH),
    (re.compile(r"\b(?:per|an|a|each|every)\s+(?:hour|hr)\b|/\s*h(?:r|our)?\b|\bhourly\b|每小时|每小時|一小时|一小時|"
                r"/小时|/小時|毎時間?"),
     24 * DAYS_PER_MONTH),
    (re.compile(r"\b(?:per|a|each|every)\s+(?:(?:working|business|work)\s+)?(?:day|shift|weekday)\b|/\s*d(?:ay)?\b|"
                r"\bon (?:(?:working|business|work) days|weekdays)\b|"  # "2k queries on working days" (en-IN)
                r"\bdaily\b|\ba workday\b|每个?工作日|每个?营业日|每天|每日|一天|日均|/天|天"),
     DAYS_PER_MONTH),
    (re.compile(r"\b(?:per|a|each|every)\s+week\b|/\s*w(?:k|eek)?\b|\bweekly\b|每周|每个?星期|每個?星期|每个?礼拜|每個?禮拜|每週|每个周|一周|一週|/周|/週"),
     DAYS_PER_MONTH / 7),
    # s15-a: a fortnight, the pay period of the UK, Ireland, Australia and New Zealand ("NZ$250 a fortnight")
    (re.compile(r"\b(?:per|a|each|every)\s+fortnight\b|\bfortnightly\b"), DAYS_PER_MONTH / 14),
    (re.compile(r"\b(?:per|a|each|every)\s+month\b|/\s*mo(?:nth)?\b|\bmonthly\b|每个?月|一个月|月均|/月|月"), 1),
    (re.compile(r"\b(?:per|a|each|every)\s+(?:quarter|qtr)\b|\bquarterly\b|每季度?|每个季度|一个?季度?|"
                r"/\s*q(?:tr|uarter)?\b"),
     1 / 3),
    # money over several years ("€60k over three years", "i 60.000 euro erano su tre anni")
    (re.compile(r"\b(?:(?:over|across|spread over)\s+(?:the\s+)?|(?:over|in|during)\s+the\s+(?:last|past|previous)\s+)"
                r"(?:6|six)\s+months\b"), 1 / 6),
    (re.compile(r"\b(?:(?:over|across|spread over)\s+(?:the\s+)?|(?:over|in|during)\s+the\s+(?:last|past|previous)\s+)"
                r"(?:12|twelve)\s+months\b"), 1 / 12),
    (re.compile(r"\b(?:(?:over|across|spread over)\s+(?:the\s+)?|(?:over|in|during)\s+the\s+(?:last|past|previous)\s+)"
                r"(?:18|eighteen)\s+months\b"), 1 / 18),
    (re.compile(r"\b(?:(?:over|across|spread over)\s+(?:the\s+)?|(?:over|in|during)\s+the\s+(?:last|past|previous)\s+)"
                r"(?:24|twenty-four)\s+months\b"), 1 / 24),
    # s15-b: a sum for a few months in all ("50,000 baht is for 3 months in total", "งบ...รวม 3 เดือน")
    (re.compile(r"\b(?:over|for|across|spread over)\s+(?:the\s+)?(?:2|two)\s+months\b"), 1 / 2),
    (re.compile(r"\b(?:over|for|across|spread over)\s+(?:the\s+)?(?:3|three)\s+months\b"), 1 / 3),
    (re.compile(r"\b(?:over|for|across|spread over)\s+(?:the\s+)?(?:4|four)\s+months\b"), 1 / 4),
    (re.compile(r"\b(?:over|for|across|per)\s+(?:2|two)\s+years\b"), 1 / 24),
    (re.compile(r"\b(?:over|for|across|per)\s+(?:3|three)\s+years\b"), 1 / 36),
    (re.compile(r"\b(?:over|for|across|per)\s+(?:5|five)\s+years\b"), 1 / 60),
    # "p.a.", "per annum", "for the whole year", "Årsbudgeten", "roczny budżet", "годовой бюджет" (glossed "budget")
    (re.compile(r"\bp\.\s?a\.|\bper annum\b|\bfor (?:year (?:one|1)|the first year|(?:the )?first year)\b|"
                r"\bfor the (?:(?:whole|entire|full) )?(?:fiscal |financial |calendar )?year\b|"
                r"\bfürs (?:ganze )?jahr\b|\bfür das (?:ganze )?jahr\b|"  # s15-c: "18.000 € fürs Jahr freigegeben"
                r"\bårsbudget\w*|\bjaarbudget\w*|\bsaa?lana\b|\broczn\w* budget|\bгодов\w* budget|\bgodišnji budget|"
                r"\b(?:per|a|each|every)\s+year\b|/\s*y(?:ea)?r\b|\bannual(?:ly)?\b|\byearly\b|\bannuel(?:le)?\b|\bj[äa]hrlich\w*|\bjahres\w*|\banua(?:l|les|is)\b|\bannual[ei]\b|\bannuel(?:le)?s\b|"
                # the year's total ("os 2 mil dólares são o total do ano", "el total del año", "на год", lead s13)
                r"\btotal (?:do|del|de l'|dell'|of the|for the|des) ?(?:ano|año|année|anno|jahres|year)\b|"
                r"\b(?:na|за) (?:год|рік)\b|"
                # (not "年末", "年底", "年度末": the end of the year, s14-c)
                r"年間|年度(?!末)|연간|매년|(?:1|일|한)\s*년|1年|每年|一年|/年|年(?!末|底|初|始|明け|度末)"),
     1 / 12),
)

# Units: each *_AFTER pattern is matched at the start of the text after a number, each *_BEFORE at the end before it.
# Currencies: code -> (USD for one unit, how it is written before a figure, how it is written after one). Fixed rates,
# not live; the 25% tolerance of the interview's tests absorbs drift. USD, EUR 1.08, GBP 1.27, CHF 1.12, CNY 7.2,
# JPY 150, BRL 5, KRW 1350, INR 83, PLN 4.0, SEK 10.5, TRY 32, MXN 17, RUB 90, AUD 1.52 per USD and CAD 0.73 USD
# are the conventions of tests/agent/data/heldout5_messages.yaml; added on 2026-12-06 at approximate late-2025 rates:
# NZD 1.72, NOK 10.8, DKK 6.9, SGD 1.33, HKD 7.8, TWD 31, ZAR 18, AED 3.6725 (pegged), COP 4,000, CLP 950 per USD;
# SAR 3.75 (pegged): "riyals" spelt with a y are Saudi or Qatari (3.64, within the tolerance); Oman's and Iran's
# "rials" (and the Arabic ريال عماني / يمني / إيراني, glossed to "rials") stay unknown.
# UAH 41 per USD (sixth session, Ukrainian hryvnias: грн, гривень).
# Ninth session (s9-e): IDR 16,000 (rupiah: "Rp 15 juta", "idr"), VND 25,000 (đồng, "vnđ"), THB 36 (baht, ฿) and
# EGP 48 per USD (the Arabic جنيه, glossed "egp"); a sum with none of them written, in a message in Indonesian,
# Vietnamese or Thai, is that country's (``understanding_money.in_script_currency``).
# s15-c: NGN 1,550 per USD (Nigerian naira, "₦1.5m", "naira"); NZD and SGD named by their names as well.
# The currency's word before the figure, as Gulf and Indian English write it ("riyals 5000 per month", "dirhams 3000",
# "rupees 40,000", "euros 500", "pounds 400", "dollars 800"): the same currency as after it (s7-c).
# ¥ alone is CNY (Japanese amounts are written 円 / yen); "kr" alone is SEK (the kronor of the Swedish lexicon);
# a currency whose country is unsaid ("kroner", "dinars") is ``None``: its figure is not stored as a budget. "pesos"
# alone are Mexican (every blind set that wrote them meant MXN), unless the message names another peso country
# (``peso_currency``: Colombia or Bogotá -> COP, Chile -> CLP, Argentina, the Philippines ... -> not stored).
CURRENCIES: dict[str, tuple[float | None, tuple[str, ...], tuple[str, ...]]] = {
    "usd": (1.0, ("us\\$", "u\\$s", "usd", "dollars"), (
        "usd", "us dollars?", "dollars?", "bucks", "美元", "美金", "刀", "dólares", "dolares", "dollari",
        "dolar(?:ów|y)?", "dolları?", "доллар\\w*", "ドル", "달러", "\\$", "دولار\\w*")),
    "eur": (1.08, ("eur", "€", "euros"), ("euros?", "eur", "€", "евро", "欧元", "ユーロ", "유로", "يورو")),
    "gbp": (1.27, ("gbp", "£", "pounds"), ("gbp", "£", "pounds?(?: sterling)?", "quid", "英镑", "ポンド", "파운드",
                                          "фунт\\w*", "ponden?", "جنيه(?:ات)? (?:إسترليني|استرليني)\\w*")),
    "chf": (1.12, ("chf", "sfr\\.?", "fr\\."), ("chf", "(?:swiss )?francs?(?: suisses)?", "franken",
                                                 "franchi(?: svizzeri)?", "francos? suizos?", "瑞郎", "スイスフラン")),
    "cad": (0.73, ("ca\\$", "c\\$", "cad\\$?", "can\\$"), ("cad", "canadian dollars?", "\\$\\s?ca(?:n|d)?\\b",
                                                         "加元", "加币",
                                                         # s13-b: Quebec's "piasses", "dollars canadiens"
                                                         "piass?es?\\b", "piastres?\\b", "dollars? canadiens?")),
    "aud": (1 / 1.52, ("a\\$", "au\\$", "aud\\$?"), ("aud", "australian dollars?", "澳元", "澳币")),
    "nzd": (1 / 1.72, ("nz\\$", "nzd\\$?"), ("nzd", "new zealand dollars?", "纽元")),
    # (not "有一块挺好的显卡": 块 counts the card, lead s14)
    "cny": (1 / 7.2, ("¥", "rmb", "cny", "人民币"),
            ("元", "块钱?(?![^\\s,，。\\d]{0,6}?(?:显卡|顯卡|卡|gpu|硬盘|芯片|服务器|[ahlt]\\d{2,3}|rtx))",
             "人民币", "rmb", "cny", "yuan", "юан\\w*", "¥")),
    "jpy": (1 / 150, ("jpy", "jp¥", "日元"), ("yen", "jpy", "円", "日元", "иен\\w*")),
    "krw": (1 / 1350, ("krw", "₩", "韩元"), ("won\\b", "krw", "₩", "원", "韩元")),
    "inr": (1 / 83, ("inr", "₹", "rs\\.?", "rupees"), ("rupees?", "rupaye", "rupiya", "inr", "₹", "rs\\b", "卢比")),
    "brl": (1 / 5, ("r\\$", "brl"), ("reais", "real\\b(?!\\s+(?:ones|[a-z]+s)\\b)", "brl", "r\\$")),
    "mxn": (1 / 17, ("mx\\$", "mxn"), ("mxn", "pesos mexicanos", "mexican pesos?", "pesos? mx", "pesos?")),
    "cop": (1 / 4000, ("cop\\$?", "col\\$"), ("cop", "pesos colombianos", "colombian pesos?")),
    "clp": (1 / 950, ("clp\\$?",), ("clp", "pesos chilenos", "chilean pesos?")),
    # s15-b: Peruvian soles (PEN 3.7 per USD, "1.500 soles mensuales")
    "pen": (1 / 3.7, ("pen",), ("soles(?: peruanos)?", "nuevos soles")),
    "pln": (1 / 4.0, ("pln", "zł", "zl"), ("pln", "zł", "zl\\b", "złotych", "zlotych", "złote", "zloty")),
    "sek": (1 / 10.5, ("sek", "kr\\.?"), ("sek", "kronor", "kr\\b", "swedish krona")),
    "nok": (1 / 10.8, ("nok",), ("nok", "norwegian kron(?:er|e|a)")),
    "dkk": (1 / 6.9, ("dkk",), ("dkk", "danish kron(?:er|e|a)")),
    # s13-c (issue 17): Czech koruna (CZK 23 per USD, "5 000 Kč", "korun"), Israeli shekel (ILS 3.7, ₪, ש״ח, שקל),
    # Romanian leu (RON 4.6, "2.000 lei"; "lei" and "ron" only after a figure: Portuguese "lei" is a law, Ron a name)
    "czk": (1 / 23, ("czk", "kč"), ("czk", "kč", "korun\\w*")),
    "ils": (1 / 3.7, ("ils", "₪", "nis"), ("ils\\b", "nis\\b", "₪", "shekels?", "ש״ח", "ש\"ח", "שקל\\w*")),
    "ron": (1 / 4.6, ("ron",), ("ron\\b", "lei\\b")),
    "try": (1 / 32, ("₺",), ("tl\\b", "try\\b", "lira", "türk lirası", "₺")),
    "rub": (1 / 90, ("rub", "₽"), ("rub\\b", "рубл\\w*", "руб\\.?", "₽", "卢布")),
    "uah": (1 / 41, ("uah", "₴"), ("uah\\b", "гривень", "гривні", "гривня", "грн\\.?", "₴")),
    "sgd": (1 / 1.33, ("s\\$", "sg\\$", "sgd"), ("sgd", "singapore dollars?", "新加坡元", "新币")),
    "hkd": (1 / 7.8, ("hk\\$", "hkd", "港币", "港元"), ("hkd", "hong kong dollars?", "港币", "港元")),
    "twd": (1 / 31, ("nt\\$", "twd", "新台币", "台币"), ("twd", "nt dollars?", "新台币", "台币", "元台币")),
    # s15-a (heldout47): the rand's "R" before a figure ("R5 000 a month", "R50k"; normalise parts it from two digits),
    # the naira (NGN 1,500 per USD, "₦300,000", "₦150k") and the Philippine peso (PHP 56, "₱50,000")
    "zar": (1 / 18, ("zar", "(?<!\\w)r"), ("zar", "rand\\b")),  # ("r" alone: glued figures are parted by normalise)
    "ngn": (1 / 1550, ("ngn", "₦"), ("ngn\\b", "₦", "naira")),  # (s15-c's rate, written down by both rounds)
    "php": (1 / 56, ("php", "₱"), ("php\\b", "₱", "philippine pesos?", "(?:phil(?:ippine)? )?pisos?\\b")),
    "aed": (1 / 3.6725, ("aed", "dhs?\\.?", "dirhams?"), ("aed", "dirhams?", "dhs?\\b", "درهم\\w*", "دراهم")),
    "sar": (1 / 3.75, ("sar", "riyals?"), ("sar\\b", "(?:saudi |qatari )?riyals?",
                                         "ريال(?:ات)?(?! (?:عماني|إيراني|يمني))")),
    "idr": (1 / 16000, ("rp\\.?", "idr"), ("idr", "rupiah", "rp\\b")),
    "vnd": (1 / 25000, ("vnd", "₫"), ("vnd", "vnđ", "đồng", "₫")),
    "thb": (1 / 36, ("thb", "฿"), ("thb", "baht", "฿")),
    "egp": (1 / 48, ("egp", "e£"), ("egp", "egyptian pounds?", "جنيه(?:ات)?(?! (?:إسترليني|استرليني))")),
    # s17-b: the Malaysian ringgit (MYR 4.7 per USD, "RM5,000", "RM8k", "RM10 ribu", "ringgit")
    "myr": (1 / 4.7, ("rm", "myr"), ("myr", "ringgit")),
    "unknown": (None, ("[a-z]{1,3}\\$",), ("kroner", "krone", "dinars?",
                                         "(?:omani |iranian |yemeni )?(?:rials?|riyals?)",
                                         # Arabic: dinars (Kuwait, Jordan, Iraq ...), liras (Lebanon, Syria ...)
                                         "دينار\\w*|دنانير", "ليرة|ليرات", "ريال(?:ات)? (?:عماني|إيراني|يمني)")),
}
USD_PER: dict[str, float | None] = {code: rate for code, (rate, _, _) in CURRENCIES.items()}
# Currencies named anywhere in a message ("sorry, that was pounds not dollars", "人民币还是美元我得再确认下"), for a
# correction of the currency alone and a currency left open; "pesos" with no country are Mexican (the blind sets'
# reading). Longer names first; 元 only alone (not in 美元, 港元), 원 only as 원화 or after a figure.
_CURRENCY_NAMES = (
    ("cad", r"canadian dollars?|\bcad\b|加元|加币|\bpiass?es?\b|\bpiastres?\b|\bdollars? canadiens?|"
            r"\$\s?canadiens?|d[óo]lares canadienses|kanadische\w* dollar|"  # s16-a: "2 000 $ canadiens par mois"
            r"\ben (?:dollars? )?canadiens?\b"), ("aud", r"australian dollars?|\baud\b|澳元"),
    ("hkd", r"hong kong dollars?|\bhkd\b|港币|港元"), ("twd", r"新台币|台币|\btwd\b"),
    ("nzd", r"new zealand dollars?|\bnzd\b"), ("sgd", r"singapore dollars?|\bsgd\b|新加坡元|新币"),  # s15-c
    ("usd", r"\ben (?:us|usd|dollars? am[ée]ricains?|am[ée]ricains?)\b|"  # s13-b: "800 par mois en US"
            r"\bus dollars?|\bdollars?\b|\busd\b|\bbucks\b|美元|美金|ドル|달러|\bd[óo]lares\b|\bdollari\b|\bdolar\w*|"
            r"доллар\w*"),
    ("eur", r"\beuro'?s?\b|\beur\b|€|欧元|ユーロ|유로|\bевро\b"),
    ("gbp", r"\bpounds?\b|\bgbp\b|£|英镑|ポンド|파운드|\bponden\b|\bфунт\w*|\bsterling\b"),
    ("chf", r"(?:swiss )?\bfrancs?\b(?: suisses)?|\bfranken\b|\bfranchi\b(?: svizzeri)?|\bfrancos? suizos?|"
            r"\bchf\b|瑞郎"),
    ("jpy", r"日元|円|\byen\b|\bjpy\b"), ("krw", r"원화|(?<=[\d万千百亿])\s?원|\bkrw\b|₩|\bwon\b"),
    ("inr", r"\brupees?\b|\brupaye\b|\binr\b|₹"), ("sar", r"\b(?:saudi |qatari )?riyals?\b|\bsar\b"),
    ("brl", r"\breais\b|\bbrl\b|r\$"),
    ("mxn", r"\bpesos?\b(?: mexicanos)?|\bmxn\b"), ("pen", r"(?<=\d)\s?soles\b|\bnuevos soles\b"),
    ("pln", r"\bzłot\w*|\bzlot\w*|\bpln\b|zł"),
    ("sek", r"\bkronor\b|\bsek\b|\bkr\b"), ("try", r"\blira\b|\btl\b|türk lirası|₺"),
    ("rub", r"\bрубл\w*|\brub\b|₽"), ("idr", r"\brupiah\b|\bidr\b|\brp\b"), ("vnd", r"\bvnd\b|\bvnđ\b|đồng|₫"),
    ("thb", r"\bbaht\b|\bthb\b|฿"), ("czk", r"\bczk\b|\bkč|\bkorun\w*"),
    ("ils", r"\bils\b|₪|\bshekels?\b|ש״ח|ש\"ח|שקל\w*"), ("ron", r"(?<=\d)\s?(?:ron|lei)\b|(?<=not )lei\b"),
    ("dkk", r"\bdkk\b|\bdanish kron\w*"),
    ("ngn", r"\bnaira\b|\bngn\b|₦"), ("php", r"\bphp\b|₱|\bphilippine pesos?\b"),
    ("egp", r"\begp\b|\begyptian pounds?\b"), ("uah", r"\bгрив\w*|\bгрн\b|\buah\b|₴"),
    ("myr", r"\bringgit\b|\bmyr\b|(?<![a-z])rm(?=\s?\d)"),
    ("cny", r"人民币|\brmb\b|\bcny\b|\byuan\b|юан\w*|(?<![美欧日港台韩加澳新])元|块钱"),
)
_CURRENCY_NAME = re.compile("|".join(f"(?P<{code}>{rx})" for code, rx in _CURRENCY_NAMES))


def currency_mentions(text: str) -> list[tuple[int, int, str]]:
    """(start, end, code) of each currency named in ``text`` (normalised), in order."""
    return [(m.start(), m.end(), m.lastgroup or "") for m in _CURRENCY_NAME.finditer(text)]


# US dollars named as such, in every language of the lexicon ("USD", "US$", "1 000 $ US", "dollars américains",
# "美元"): not a local dollar (Canadian, Australian, ...)
US_DOLLARS = re.compile(r"\busd\b|\bus\s?\$|\$\s?us\b|\bu\.s\.|\bus dollars?\b|\bdollars? us\b|\bd[óo]lares? us\b|"
                        r"\bamerican dollars?\b|am[ée]ricains?\b|d[óo]lares (?:americanos|estadounidenses)|"
                        r"estadounidenses?\b|美元|美金|米ドル|미국 달러")
_LONGEST = functools.partial(sorted, key=len, reverse=True)
CURRENCY_BEFORE = re.compile(r"((?<![a-z])(?:" + "|".join(_LONGEST(
    w for _, before, _ in CURRENCIES.values() for w in before if w[0].isascii())) + ")|" + "|".join(_LONGEST(
    w for _, before, _ in CURRENCIES.values() for w in before if not w[0].isascii())) + r"|\$)\s*$")
CURRENCY_AFTER = re.compile(r"^\s*(?:(?:de|of)\s+|d'\s*|\(\s*)?(" + "|".join(_LONGEST(
    w for _, _, after in CURRENCIES.values() for w in after)) + ")(?![a-z])")  # "27001 audit" is not AUD
_CURRENCY_WORDS = tuple((re.compile(rf"(?:{w})$"), code) for code, (_, before, after) in CURRENCIES.items()
                        for w in (*before, *after))


_PESO_COUNTRIES = (
    ("cop", re.compile(r"colombia|bogot[áa]|medell[íi]n|\bcali\b|barranquilla|cartagena|bucaramanga")),
    ("clp", re.compile(r"\bchile|santiago de chile|valpara[íi]so|concepci[óo]n, chile")),
    ("unknown", re.compile(r"argentin|buenos aires|rosario|mendoza|uruguay|montevideo|"
                           r"\bcuba|habana|dominican|santo domingo|\bars\b|\buyu\b|"
                           # s15-b: the River Plate's own words ("che, son 450 mil pesos", "vos tenés", "guita")
                           r"\bche\b|\bvos\b|\bten[ée]s\b|\bsab[ée]s\b|\bguita\b|\bboludo\b")),
    ("php", re.compile(r"filipin|philippin|manila|\bcebu\b|davao|makati|quezon city|\bphp\b")),
)


# Where the team or the company is, and that place's currency: a sum with no currency written, said beside a place
# whose money is worth far from the reading's (rupees in Mumbai, yuan in Shanghai, złoty in Warsaw), is asked about;
# francs, pounds and euros are within the 25% of a dollar reading and change nothing. "unknown": a currency the
# table has no rate for (tenge, naira, dong ...). On the lower-case message as written.
PLACE_CURRENCIES = (
    ("inr", r"\bindia\b|\bindian\b|mumbai|bombay|\bdelhi\b|bangalore|bengaluru|\bpune\b|hyderabad|chennai|"
            r"kolkata|gurgaon|gurugram|\bnoida\b|ahmedabad|jaipur|भारत"),
    ("jpy", r"\bjapan\b|tokyo|osaka|kyoto|yokohama|nagoya|fukuoka|日本|東京|大阪|\bjapon\b|giappone|jap[ãa]o|"
            r"japonya|япони\w*|일본|도쿄"),
    ("cny", r"\bchina\b|shanghai|beijing|shenzhen|guangzhou|hangzhou|中国|上海|北京|深圳|广州|杭州|\bchine\b|"
            r"\bcina\b|中国本土|중국|китa\w*|китай\w*"),
    ("krw", r"\bkorea\b|\bseoul\b|\bbusan\b|한국|서울|부산|韓国|ソウル|韩国|首尔"),
    ("sgd", r"singapor\w*|singapura|新加坡|シンガポール|싱가포르|сингапур\w*"),
    ("idr", r"indonesia|jakarta|surabaya|bandung"),
    ("brl", r"\bbra[sz]il\w*|s[ãa]o paulo|rio de janeiro|curitiba|belo horizonte|porto alegre"),
    ("mxn", r"\bm[ée]xico\b|\bmexique\b|\bcdmx\b|monterrey|guadalajara"),
    ("pln", r"\bpoland\b|\bpolsk\w*|\bpolsce\b|warsaw|warszaw\w*|krak[óo]w\w*|wrocław\w*|gdańsk\w*|poznań\w*"),
    ("try", r"\bturkey\b|t[üu]rkiye\w*|istanbul\w*|ankara\w*|izmir\w*"),
    ("rub", r"\brussia\b|росси\w*|\bmoscow\b|москв\w*|петербург\w*"),
    ("uah", r"\bukrain\w*|україн\w*|\bkyiv\b|київ\w*"),
    ("eur", r"\bgermany\b|deutschland|\bberlin\w*|m[üu]nchen|munich|frankfurt|hamburg|\bfrance\b|\bparis\b|"
            r"\blyon\b|\bspain\b|españa|madrid|barcelona|\bitaly\b|\bitalia\b|milan\w*|\broma?\b|"
            r"netherlands|nederland|amsterdam|rotterdam|vienna|\bwien\b|wiedni\w*|austria|lisbon|lisboa|"
            r"\bportugal\b|dublin|ireland|brussels|bruxelles|brussel|belgi\w*|helsinki"),
    ("gbp", r"\blondon\b|\blonden\b|\blondres\b|\blondra\b|manchester|edinburgh|\buk\b|united kingdom|"
            r"\bengland\b|britain"),
    ("cad", r"\bcanad\w*|toronto|montr[ée]al|vancouver|ottawa|calgary|edmonton|winnipeg|qu[ée]bec|mississauga|"
            r"brampton|\bhalifax\b|saskatoon|\bregina\b|\bvictoria, bc\b|ontario|alberta|manitoba|"
            r"nova scotia|\bkitchener\b|\blaval\b|\bgatineau\b|"
            r"加拿大|多伦多|温哥华|カナダ|캐나다"),
    ("aud", r"\baustralia\w*|\baussie\b|sydney|melbourne|brisbane|\bperth\b|adelaide|canberra|\bhobart\b|"
            r"\bdarwin\b|gold coast|newcastle, nsw|\bnsw\b|queensland|\bvictoria, au|tasmania|geelong|"
            r"悉尼|墨尔本|澳大利亚|澳洲|オーストラリア|シドニー|호주"),
    ("nzd", r"new zealand|auckland|wellington|christchurch|dunedin|tauranga|\bnapier\b|\bnelson, nz|aotearoa|"
            r"新西兰|ニュージーランド|뉴질랜드"),
    ("hkd", r"\bhong kong\b|ホンコン|홍콩"),
    # s15-a (heldout47): Nigeria, South Africa and the Philippines by their cities, and more Canadian, Australian and
    # New Zealand cities
    ("ngn", r"\bnigeria\w*|\blagos\b|\babuja\b|\bkano\b|port harcourt|\bibadan\b|\benugu\b"),
    ("zar", r"south africa\w*|cape town|johannesburg|\bjoburg\b|\bjozi\b|\bdurban\b|pretoria|\bgqeberha\b|"
            r"port elizabeth|bloemfontein"),
    ("php", r"\bphilippines?\b|\bmanila\b|\bmakati\b|\bcebu\b|\bdavao\b|\biloilo\b|quezon city|\btaguig\b|"
            r"\bpasig\b"),
    ("chf", r"switzerland|schweiz|suisse|svizzera|z[üu]rich|geneva|gen[èe]ve|ginevra|\bgenf\b|\bbasel\b|"
            r"\bbern\b|lausanne|lugano"),
    ("unknown", r"kazakhstan|almaty|алмат\w*|астан\w*|казахстан\w*|kenya|nairobi|\begypt\b|"
                r"cairo|vietnam|hanoi|thailand|bangkok|argentin\w*|"
                r"buenos aires|colombia|bogot[áa]|morocc\w*|\bmaroc\w*|marruecos|marocco|casablanca|\brabat\b|"
                r"marrakech|s[ée]n[ée]gal|\bdakar\b|abidjan|c[ôo]te d'ivoire|cameroun|douala|\btunisi\w*|"
                r"alg[ée]ri\w*|\bangola\w*|\bluanda\b|mo[çc]ambique|maputo|\bper[uú]\b|\bchile\b|"
                r"越南|泰国|菲律宾|曼谷|河内|胡志明"),
    ("myr", r"malaysia|kuala lumpur|\bpenang\b|\bjohor\b|吉隆坡|马来西亚|馬來西亞"),  # s17-b: the ringgit's rate
)
_PLACE_CURRENCY = tuple((code, re.compile(rx)) for code, rx in PLACE_CURRENCIES)

# The local "$" written out ("C$", "A$", "$CA", "1 200 $ CAN")
_LOCAL_DOLLAR_SIGN = re.compile(r"[a-z]\$|\$\s*(?:ca|can|cad|au|aud|nz|sg|hk)\b")
DOLLAR_CODES = ("cad", "aud", "nzd", "sgd", "hkd")
# The place as a rule for the data, not where the team is ("Data residency? A: Canada only", "hosted in Canada")
_RESIDENCY_BEFORE = re.compile(r"(?:residen\w*|stay\w*|hosted|host|region|data ?cent\w*|keep\w*|store\w*|kept|"
                               r"leave|inside|within)\W+(?:\w+\W+){0,3}$")


def place_currencies(text: str) -> set[str]:
    """The currencies of the places ``text`` names (lower case, as written), "unknown" for a place with no rate."""
    text = text.replace("i\u0307", "i")  # "İzmir" lower-cased keeps a combining dot
    return {code for code, rx in _PLACE_CURRENCY if rx.search(text)}


def dollar_places(text: str) -> set[str]:
    """The local dollars of the places where ``text`` (lower case) puts the team ("a shop in Sydney": {"aud"}).

    Places whose money is also called dollars (Canada, Australia, New Zealand, Singapore, Hong Kong); not a place
    named as a rule for the data ("our data must stay in Canada"); none when the message names US dollars or writes
    its local "$" out ("C$", "$CA").
    """
    if US_DOLLARS.search(text) or _LOCAL_DOLLAR_SIGN.search(text):
        return set()
    text = text.replace("i\u0307", "i")
    return {code for code, rx in _PLACE_CURRENCY if code in DOLLAR_CODES
            and any(not _RESIDENCY_BEFORE.search(text[:m.start()]) for m in rx.finditer(text))}


def peso_currency(text: str) -> str | None:
    """The currency of "pesos" with no country beside them: the country the message names, else Mexico's."""
    code = next((c for c, rx in _PESO_COUNTRIES if rx.search(text.lower())), "mxn")
    return None if code == "unknown" else code


def currency_code(written: str, text: str = "") -> str | None:
    """The code of a currency as written ("a$" -> "aud", "złotych" -> "pln"); "usd" for a bare "$"; None unknown.

    Bare "pesos" are the country's that ``text`` (the message) names, else Mexico's (``peso_currency``).
    """
    written = written.strip()
    if written == "$":
        return "usd"
    if text and re.fullmatch(r"pesos?", written):
        return peso_currency(text)
    code = next((code for rx, code in _CURRENCY_WORDS if rx.fullmatch(written)), "unknown")
    return None if code == "unknown" else code


# milliseconds in the Latin-script languages too: Millisekunden, millisecondes, milisegundos, millisecondi,
# milissegundos, milliseconden, milisekund(y), millisekunder, milisaniye (stem + inflection)
MS_AFTER = re.compile(r"^\s*(?:ms|msec|millis(?:econds?)?|毫秒|mil+is[ea]?[kcgs]\w*|milisaniye\w*)(?![a-z])")
SECONDS_AFTER = re.compile(r"^\s*(?:s|secs?|seconds?|segs?|сек|秒)(?![a-z钟а-яё])")  # ("1 seg", "2 сек")
QPS_AFTER = re.compile(r"^\s*(?:qps|rps|(?:req(?:uest)?s?|quer(?:y|ies)|q|calls)\s*/\s*(?:s|sec|second)\b|"
                       r"(?:queries|requests|searches|calls|questions|lookups|look-ups)\s*(?:per|a|1|/)\s*"
                       r"(?:second|sec|s)\b|"
                       r"次/秒|次每秒)")
QPS_BEFORE = re.compile(r"(?:qps|rps|每秒)\s*(?:[:=]\s*)?(?:(?:约|大约|大概|差不多|about|around|of)\s*)?$|"
                        r"(?:qps|rps)[^\d,;.!?。]{0,12}?(?:peaks? at|up to|reach(?:es)?|of|最高|峰值|能到|可达|达到|到)"
                        r"\s*(?:(?:约|大约|大概|差不多|about|around)\s*)?$")
# Questions held with their solutions ("a question bank of 6 lakh questions with solutions") are a collection
_WITH_SOLUTIONS = (r"(?=[^.;]{0,20}?\b(?:with|and|plus)\s+(?:their\s+|full\s+|detailed\s+|worked\s+)?"
                   r"(?:solutions|answers|explanations)\b)")
QUERY_AFTER = re.compile(r"^\s*(?:[a-z\-]+\s+){0,2}?(?:quer(?:y|ies)|searches|search requests|requests|"
                         r"questions(?!\s*faq\b|"  # "12 tys. pytań FAQ": entries
                         + _WITH_SOLUTIONS[3:] + r"|"
                         r"lookups|calls|hits|doubts|inquiries|enquiries)\b|"  # "doubts": questions, in Indian English
                         r"^\s*search(?=\s+(?:karta|karte|karti|karenge|karega|karegi|karengi|hota|hoti|hote|hongi|honge|hogi|hoga|"
                         r"bas|hi)\b|\s*(?:[,.;!?]|$))|"  # Hinglish ("din mein 100-150 search, bas")
                         # what comes in ("30 lakh chats aati hain", "chats come in"): a count of requests
                         r"^\s*(?:[a-z\-]+\s+)?(?:chats?|conversations?|tickets?|messages?|queries|questions|doubts)\s+"
                         r"(?:aat(?:i|e)|aayenge|aa jaate|aa jaati|come in|coming in)\b|"
                         r"^\s*(?:次|个|条)?(?:查询|检索|搜索|请求|提问|问题|调用)|^\s*次")
QUERY_BEFORE = re.compile(r"(?:quer(?:y|ies)|query volume|searches|traffic|查询量?|检索量?|请求量?|调用量?|"
                          # s14-c: the volume named bare ("btw volume is ~45k a month"), not the data's
                          r"(?<!data )(?<!storage )(?<!disk )(?<!text )volume|"
                          r"搜索量?|提问量?|咨询量?|问题量|来问|发问)\s*(?:count\s*)?(?:(?:[:=]|of|is|are|at|around|about|~|"
                          # "traffic will be ~400k/month", "queries are now roughly 50k" (s11-b)
                          r"will be|would be|should be|'ll be|was|were|now|roughly|approx\w*|probably|more like|"
                          r"on average|average|avg|"  # s16-a: "하루 문의는 평균 3만 건" (glossed "queries on average")
                          r"closer to|nearly|almost|约|大约|大概|为|是|有|达到|在|落在|约莫|"
                          r"将近|差不多|은|는|이|가|は|が)\s*)*"
                          # "クエリは年間500万件" (glossed "queries は per year 500万"): a period between them
                          r"(?:(?:(?:per|a|each|every)\s+(?:year|month|week|day|hour)|每个?(?:月|天|日|周|星期|年|小时))\s*"
                          r"(?:で\s*)?(?:about\s*|大概|大约|约|有)?)?$")
# "2 millions de pages", "un milione di parole": a preposition may stand between a large count and its unit
PAGES_AFTER = re.compile(r"^[\s\-]*(?:(?:of|de|di|da|do|von)\s+)?(?:pages?|pp|pgs?)\b|^\s*[页頁]")
WORDS_AFTER = re.compile(r"^[\s\-]*(?:(?:of|de|di|da|do|von)\s+)?"
                         r"(?:(?:english|german|french|spanish|italian|portuguese|dutch)\s+)?words?\b"
                         r"(?! (?:docs?|documents?|files?|templates?)\b)|"  # "12k Word docs": documents
                         r"^\s*(?:語|단어)(?!彙|학)|"
                         # "800个英文单词": words in a language written with spaces, not characters
                         r"^\s*(?:个)?(?:(?:英文|英语|英語|德语|法语|西班牙语)的?)?(?:单词|單詞|词|詞)(?!元|汇|彙|语|語|典|条|條)")
CJK_CHARS_AFTER = re.compile(r"^\s*(?:个)?(?:汉字|中文字|字符|字)")
CHARS_AFTER = re.compile(r"^[\s\-]*(?:characters?|chars?)\b")
TOKENS_AFTER = re.compile(r"^[\s\-]*(?:tokens?|toks?)\b|^\s*(?:个)?(?:token|词元)")
PARAGRAPHS_AFTER = re.compile(r"^[\s\-]*(?:paragraphs?|paras?)\b|^\s*段")
SENTENCES_AFTER = re.compile(r"^[\s\-]*sentences?\b|^\s*句")
# "300 lines of code", "250 Zeilen", "300行代码", "200줄" (glossed to lines): 10 tokens a line
LINES_AFTER = re.compile(r"^[\s\-]*(?:lines?|loc|sloc)\b(?!\s+of\s+(?:business|products?|credit|text))|"
                         r"^\s*行(?!业|政|为|情|动|李|程|列|人|车)")
# "~40 slides each": a count of slides says nothing of their text; "40 words a slide" with it does
SLIDES_AFTER = re.compile(r"^[\s\-]*(?:ish\s+)?slides?\b")
# "a call lasts about 10 minutes": minutes of recorded speech, read as transcripts where the message says so
MINUTES_AFTER = re.compile(r"^[\s\-]*(?:minutes?|mins?|minuten|minutos?|minuti|minuter|minut\w*|dakika|минут\w*)(?!\w)")
SPEECH_CUE = re.compile(r"transcri|episode|épisode|episodio|podcast|recording|recorded|\bcalls?\b|audio|video|"
                        r"interview|meeting|webinar|lecture|sermon|voicemail|aufzeichnung|aufnahme|gespräch|telefonat|"
                        r"anruf|llamada|grabaci|enregistr|\bappels?\b|chiamat|registrazion|gravaç|ligaç|opname|gesprek|"
                        r"nagrani|rozmow|samtal|inspelning|görüşme|kayıt|запис|звон|разговор|эпизод|"
                        r"通话|录音|音频|视频|録音|通話|音声|동영상|녹음|통화")
SPEECH_LENGTH_VERB = re.compile(r"\b(?:lasts?|runs?|long|dauer\w*|dura\w*|durée|dure\w*|duur\w*|trwa\w*|varar|sürer|"
                                r"длит\w*)\b")
# Nouns of things a collection holds, as they stand after the gloss (stems: the languages decline them).
CONTENT_NOUNS = (
    # English
    r"recipes|lessons|lectures|courses|course modules|videos|podcasts|webinars|listings|propert(?:y|ies) ads|"
    r"ads|adverts|advertisements|announcements|bulletins|notices|monographs|packs|work ?cards|job ?cards|"
    r"stories|news (?:items|stories|articles)|press releases|newsletters|blog ?posts|blogs|worksheets|lesson plans|"
    r"exam questions|quiz questions|practice questions|test questions|responses|survey responses|verbatims|"
    r"instructions|work instructions|protocols|standards|norms|drawings|catalog(?:ue)?s|brochures|leaflets|"
    r"package inserts|definitions|meeting minutes|board minutes|dossiers|case files|publications|"
    r"studies|volumes|titles|acts|works|"
    r"e-?books|magazines|journals|work orders|log entries|job (?:ads|postings|descriptions)|postings|vacancies|"
    r"profiles|lyrics|poems|manuscripts|certificates|permits|statements|checklists|playbooks|runbooks|templates|"
    r"wikis|help articles|snippets|pull requests|(?:github|jira|bug) issues|issues|laws|trademarks|subtitles|"
    r"transcriptions|essays|"
    r"replies|submissions|bids|tenders|properties|incidents|case studies|"
    # Spanish / Portuguese / Italian / French
    r"lecciones|clases|cursos|propiedades|inmuebles|anuncios|publicaciones|noticias|fichas|recetas|"
    r"curr[íi]cul(?:um|os|ums)|hojas de vida|transcripciones|grabaciones|gu[íi]as|procedimientos|protocolos|"
    r"normas|instructivos|pol[íi]ticas|circulares|actas|reportes|facturas|resoluciones|leyes|libros|tesis|correos|"
    r"mensajes|v[íi]deos|episodios|entradas|aulas|li[çc][õo]es|im[óo]veis|an[úu]ncios|mat[ée]rias|not[íi]cias|"
    r"reportagens|bulas|receitas|procedimentos|manuais|guias|pareceres|peti[çc][õo]es|laudos|notas fiscais|"
    r"faturas|livros|teses|mensagens|quest[õo]es|epis[óo]dios|postagens|publica[çc][õo]es|ac[óo]rd[ãa]os|"
    r"senten[çc]as|scontrini|ricevute|atti|pareri|determine|decreti|lezioni|corsi|annunci|inserzioni|immobili|notizie|curricul(?:um|a)|ricette|procedure|"
    r"protocolli|norme|istruzioni|guide|circolari|delibere|relazioni|verbali|perizie|libri|messaggi|episodi|"
    r"pubblicazioni|actes|arr[êe]t[ée]s|d[ée]crets|le[çc]ons|annonces|biens|actualit[ée]s|d[ée]p[êe]ches|transcriptions|enregistrements|recettes|"
    r"proc[ée]dures|protocoles|consignes|notices|modes op[ée]ratoires|circulaires|d[ée]lib[ée]rations|factures|"
    r"polices|comptes rendus|proc[èe]s-verbaux|livres|ouvrages|th[èe]ses|m[ée]moires|courriels|mails|"
    r"vid[ée]os|[ée]pisodes|"
    # German / Dutch / Swedish (compounds end in the noun: "Arbeitsanweisungen", "woningadvertenties")
    r"\w*inseraten?|\w*anzeigen|artikeln|akten|exposés|immobilien|lektionen|lerneinheiten|\w*beitr[äa]ge|meldungen|"
    r"lebensl[äa]ufen?|bewerbungen|rezepten?|\w*anweisungen|\w*protokolle|\w*richtlinien|normen|vorschriften|"
    r"leitlinien|\w*datenbl[äa]ttern?|merkbl[äa]ttern?|rundschreiben|vorg[äa]ngen?|\w*rechnungen|policen|gutachten|"
    r"befunden?|arztbriefen?|b[üu]chern?|dissertationen|e-?mails|episoden|folgen|patente|ausschreibungen|"
    r"leistungsverzeichnissen?|\w*unterlagen|\w*berichten?|\w*handb[üu]chern?|\w*dokumenten|"
    r"\w*advertenties|\w*stukken|\w*gesprekken|besluiten|lessen|cursussen|artikelen|\w*berichten|cv'?s|recepten|\w*instructies|protocollen|"
    r"richtlijnen|handleidingen|\w*rapporten|contracten|facturen|uitspraken|vonnissen|boeken|video'?s|"
    r"afleveringen|documenten|producten|annonser|lektioner|kurser|artiklar|nyheter|\w*instruktioner|rutiner|"
    r"procedurer|riktlinjer|manualer|handb[öo]cker|\w*rapporter|avtal|kontrakt|fakturor|b[öo]cker|videor|"
    r"avsnitt|dokument|produkter|"
    # Polish / Turkish / Russian (declined: stems)
    r"og[łl]osze\w*|lekcj\w*|kurs[óo]w|artyku[łl]\w*|wiadomo[śs]ci|[żz]yciorys\w*|instrukcj\w*|procedur\w*|"
    r"protoko[łl]\w*|regulamin\w*|podr[ęe]cznik\w*|raport\w*|um[óo]w|umowy|aneks\w*|faktur\w*|polis\w*|"
    r"wyrok\w*|orzecze\w*|ksi[ąa][żz]\w*|zg[łl]osze\w*|film[óo]w|odcink\w*|dokument[óo]w|dokumenty|"
    r"produkt[óo]w|pism|ilan\w*|ders\w*|kurs\w*|makale\w*|haber\w*|[öo]zge[çc]mi[şs]\w*|tarif\w*|"
    r"talimat\w*|prosed[üu]r\w*|protokol\w*|y[öo]netmeli\w*|k[ıi]lavuz\w*|rapor\w*|s[öo]zle[şs]me\w*|"
    r"dosya\w*|fatura\w*|poli[çc]e\w*|kitap\w*|belge\w*|dok[üu]man\w*|[üu]r[üu]n\w*|"
    r"объявлени\w*|урок\w*|курс\w*|стат(?:ей|ьи|ья)|новост\w*|резюме|рецепт\w*|инструкци\w*|регламент\w*|"
    r"процедур\w*|протокол\w*|руководств\w*|отч[её]т\w*|договор\w*|акт(?:ов|а|ы)|полис\w*|решени\w*|"
    r"книг\w*|пис(?:ем|ьма)|сообщени\w*|заяв(?:ок|ки|ка)|обращени\w*|тикет\w*|видео|эпизод\w*|документ\w*|"
    r"товар\w*|карточ\w*|чеков|выпуск\w*")
DOCS_AFTER = re.compile(
    # "2 millions d'articles", "3 mil de tickets", "200 thousand di schede": a preposition may stand before the noun
    # (s16-b: an Arabic word the gloss leaves before the noun, "15 ألف فتوى ومقالة" glossed "15 thousand فتوى articles")
    r"^[\s\-]*\+?\s*(?:(?:of|de|d'|di|da|do|des|del|degli|delle|dei|von)\s*)?(?:[a-z\-]+\s+){0,3}?(?:[а-яёіїєґ]+\s+)?"
    r"(?:[\u0621-\u064a]+\s+)?(?:documents?|docs?|chats|threads|comments|reviews|files?|pdfs?|records?|"
    r"(?:chat|call|support|conversation) logs|"
    r"articles?|contracts?|papers?|tickets?|"
    r"products?|items?|entries|emails?|reports?|manuals?|filings?|notes?|cases?|passages?|chunks?|texts?|faqs?|"
    r"listings?|web ?pages|transcripts?|policies|statutes|judg(?:e)?ments?|repositories|repos|messages|"
    r"conversations|abstracts|descriptions|questions and answers|q&as?|skus?|of them|tweets|posts|decisions|rulings|"
    r"questions" + _WITH_SOLUTIONS + r"|"
    r"opinions|briefs|invoices|receipts|produtos|productos|produits|prodotti|produkte|artikel|itens|wordings|"
    r"speeches|debates|hearings|sermons|lectures|episodes|"
    r"ndas|msas|agreements|claims|specs|specifications|slide decks|decks|"
    r"presentations|memos|letters|forms|cvs|resumes|résumés|proposals|dissertations|patents|episodes|recordings|calls|"
    r"summaries|guides|handbooks|procedures|sops|tutorials|scripts|datasheets|"
    r"how-?tos|guidelines|regulations|circulars|theses|books|chapters|"
    r"courriers|cartas|lettere|briefe|brieven|handb[üu]cher|anleitungen|manuales|manuels|manuali|"
    # the same nouns in the languages the gloss leaves as written ("20 mil expedientes", "centomila fatture")
    r"documentos?|documenti|dokumente?|expedientes?|historias|archivos|ficheros|contratos|contratti|informes|"
    r"relat[óo]rios|chamados|fatture|fascicoli|pratiche|dossiers|fichiers|rapports|vertr[äa]ge|berichte|akten|"
    r"artigos|art[íi]culos|articoli|registros|registri|fiches|schede|sentencias|sentenze|jugements|arr[êe]ts|"
    r"decisiones|decis[õo]es|decisioni|entscheidungen|urteile|d[ée]cisions|processos|procesos|processi|verfahren|"
    r"affaires|casos|casi|f[äa]lle|"
    # s13-a: reports sent in ("1,3 millones de notificaciones", "200 mila segnalazioni", "notificações")
    r"notificaciones|notifiche|notifica[çc][õo]es|segnalazioni|"
    # s16-b: notes in the Romance languages ("25 mil notas técnicas", "3.000 note tecniche")
    r"notas|"
    # insurance, support and podcast collections (s4-a): "500 mil sinistros", "150.000 polissen", "12,000 episodes"
    r"episodes|pol[ií]zas|polizze|polissen|ap[óo]lices|sinistr[oie]s|siniestros|\w*ärenden|servicef[äa]lle|"
    r"prontu[áa]rios|preguntas frecuentes|"
    # lead s7: texts, transcripts and entries in the languages the gloss leaves as written
    r"textes|transcri[çc][õo]es|transcripciones|trascrizioni|transkrypcj\w*|transkrypt\w*|transkript\w*|"
    r"transcriptions|artyku[łl]\w*|wpis(?:ów|y)|запис(?:ей|и)|"
    r"(?:wiki|web|html|confluence|notion|help|content|product|knowledge[\s\-]?base|info|information)\s+pages)\b|"
    r"^\s*(?:多)?(?:(?:份|篇|本|部|封|条|个)\s?[^\d,.;!?。\s]{0,6}?)?(?:sku|文档|文件|文章|合同|记录|论文|工单|"
    r"病历|报告|案例|判决书?|邮件|网页|商品|产品|问答|条目|资料|pdf|数据|仓库|代码库|微博|帖子)|"
    r"^\s*(?:多)?(?:份|篇|本|封|条|件|笔)(?!查询|检索|请求|搜索|(?:产品|业务|生产|服务)?线|部门|事业部|分公司|子公司|"
    r"网点|门店|站点|系统|客户|项目|团队|分类|类别|语言)|"  # s7-d: "資料約５萬筆" (records), not "两条产品线"
    r"^[\s\-]*(?:r[ée]f[ée]rences?|referencias|referenze|refer[êe]ncias)\b|"
    # CJK counters of a collection (issue 17, s5-b): "80万道题", "3万册", "8万套", "2万点", "2만 권", "300편"
    r"^\s*(?:多)?(?:道(?:题|试题|习题|考题)|题|册|冊|套(?!餐|房间)|部(?:电影|影片|书|法律)|张(?:图纸|表单|单据|发票)|"
    r"点(?!数|満点|钟|半|到|至|前|后|以|左右)|枚)|"
    r"^\s*(?:권|편|장)(?!\w)|^\s*(?:권|편)(?=(?:의|에|을|를|이|가|은|는|도)(?![가-힣]))|"  # "10만 편에 대한"
    # pieces counted after the things ("Vrachtbrieven en CMR's, ongeveer 2 miljoen stuks"): read like "items"
    r"^\s*(?:stuks|st[üu]ck|pi[èe]ces|piezas|pezzi|pe[çc]as|sztuk|stycken|adet|штук)\b")
_CONTENT_WORDS = re.compile(r"^[\s\-]*(?:(?:of|de|di|da|do|des|del|degli|delle|dei|von|van|av)\s+|d'\s*)?"
                            r"([^\W\d_][\w\-']*(?:\s+[^\W\d_][\w\-']*){0,2})")
_CONTENT_NOUN = re.compile(r"(?:" + CONTENT_NOUNS + r")")
# A German compound whose last part is a kind of document ("Rahmenverträge", "Versicherungsbedingungen",
# "Produktinformationsblätter", "Liefer- und Rahmenverträge", "Servicereports"): the documents counted
_GERMAN_COMPOUND_DOCS = re.compile(
    r"^\s*(?:[a-zäöüß]+-\s+(?:und|oder|bzw\.?|&)\s+)?[a-zäöüß]{2,30}?"
    r"(?:verträge|verträgen|dokumente|dokumenten|berichte|reports|akten|bedingungen|blätter|handbücher|"
    r"protokolle|urteile|gutachten|schriftsätze|richtlinien|anleitungen|rechnungen|briefe|datensätze|einträge|"
    r"beschlüsse|satzungen|artikel|tickets|vorgänge|unterlagen|dateien|texte|seiten)\b")
_NOT_AN_ADJECTIVE = re.compile(r"(?:with|in|at|for|from|across|per|each|every|and|or|who|that|which)$")


# A collection counted with a content noun or a CJK counter is at least this big: "3 standards", "4 protocols", "3
# studies we did", "两套系统" count other things.
MIN_CONTENT_COUNT = 50
_COUNTER = re.compile(r"^\s*(?:多)?(?:道|题|册|冊|套|部|张|点|枚|권|편|장|stuks|st[üu]ck|pi[èe]ces|piezas|pezzi|"
                      r"pe[çc]as|sztuk|stycken|adet|штук)")


def content_count(match: re.Match[str]) -> bool:
    """True when ``match`` (from ``docs_after``) is a content noun or a counter, not a word for documents."""
    return match.re.pattern.startswith("^.{") or bool(_COUNTER.match(match.group()))


# Words between a figure and a document noun that say the figure counts something else (s11-c): a clause joined
# after it, or a plural noun of people, places, languages or time ("we operate in 23 countries but the docs ...")
_OTHER_COUNT_BETWEEN = re.compile(
    r"^[\s\-]*\+?\s*(?:[a-z\-]+\s+){0,2}?(?:but|while|though|although|whereas|yet|so|because|are|is|were|was|"
    r"countries|languages|offices|people|persons|employees|staff|customers|clients|users|members|years|months|"
    r"weeks|days|hours|teams|sites|branches|stores|locations|engineers|lawyers|agents|nodes|servers|gpus|cores)\s")


def docs_after(after: str) -> re.Match[str] | None:
    """The document noun right after a figure ("documents", "contratos", "份"), or None.

    Content nouns of every kind of collection count too, in every language, up to two words after the figure (issue
    17): "45k recipes", "3,500 drug monographs", "4.500 annunci", "6 mil propiedades", "30 bin ilan", "50 тысяч
    объявлений"; the match then ends at that noun.
    """
    found = DOCS_AFTER.match(after)
    if found and _OTHER_COUNT_BETWEEN.search(found.group()):
        return None  # "23 countries but the docs", "5 languages but the docs": the figure counts something else
    if found:
        return found
    compound = _GERMAN_COMPOUND_DOCS.match(after)
    if compound:
        return compound  # s16-a: "7.500 Liefer- und Rahmenverträge", "40.000 Versicherungsbedingungen"
    words = _CONTENT_WORDS.match(after)
    if not words:
        return None
    phrase = words.group(1)
    spans = [m.span() for m in re.finditer(r"\S+", phrase)]
    for k, (_, end) in enumerate(spans):
        if k and _NOT_AN_ADJECTIVE.fullmatch(phrase[spans[k - 1][0]:spans[k - 1][1]]):
            return None  # "300 stores with product manuals": the manuals are not counted by the 300
        if any(_CONTENT_NOUN.fullmatch(phrase, spans[j][0], end) for j in {k, max(0, k - 1)}):
            return re.compile(rf"^.{{{words.start(1) + end}}}", re.S).match(after)
    return None


VAGUE = re.compile(r"几|\ba few\b|\bseveral\b|\bsome\b|\ba couple\b|\bdozens?\b|\bhundreds\b|\bthousands\b")
SHORT_DOCS = re.compile(r"\btweets?\b|微博|推文|\b(?:slack|chat|text|teams) messages\b|\bsms\b")
TWEETS_AFTER = re.compile(r"^[\s\-]*tweets?\b(?!,)(?=\s*(?:long|of text|worth))")
WORDS_PER_PAGE = re.compile(r"(?:each |a |per |every |one )?(?:page|slide) (?:is|has|contains|holds|of)?\s*(?:about |"
                            r"around |roughly |approx\.? |~)?(\d{1,5})\s*words|(\d{1,5})\s*words (?:per|a|each|on a|"
                            r"on each|on every) (?:page|slide)|(?:per|a|each) (?:page|slide),?\s*"
                            r"(?:maybe |about |around |roughly |~)?(\d{1,5})\s*words")
DOCS_BEFORE_BARE = re.compile(r"\b(?:notes|documents|docs|files|contracts|articles|records|pdfs|reports|tickets|"
                              r"emails|manuals|filings|papers|products|skus|tweets|posts|"
                              # nouns the gloss leaves as written (lead s7): "expedientes digitalizados, sobre 700 mil"
                              r"expedientes|documentos|documenti|dokumente|akten|dossiers|fascicoli|pratiche|"
                              r"transcri[çc][õo]es|transcripciones|trascrizioni|textes|registros|registri|processos|"
                              # lead s8: theses and articles in the languages the gloss leaves ("teses e dissertações
                              # do repositório, cerca de 35 000")
                              r"theses|dissertations|teses|tesis|tesi|disserta[çc][õo]es|artigos|art[ií]culos|articoli|"
                              r"artikelen|artiklar|artyku[łl]\w*|стат(?:ей|ьи)|relat[óo]rios|informes|rapporti|"
                              r"rapporten|rapporter|raporlar\w*|отч[её]тов)"
                              # what they are about between (s6-a): "scientific papers on biomedicine, about 300k"
                              r"(?:\s+(?:on|of|about|in|from|de|di|sobre|sur|su|em|do|da|del)\s+(?:[^\W\d_]|-){3,}){0,1}"
                              # or described: "expedientes administrativos digitalizados, sobre 700 mil"
                              r"(?:\s+(?!per\b|a\b|each\b|every\b|daily\b|monthly\b|weekly\b)(?:[^\W\d_]|-){4,}){0,2}"
                              r"(?:\s*[,:—–(]\s*(?:in total\s*)?|\s+in total\s+|\s+-\s+)"
                              r"(?:about|around|roughly|approx\.?|approximately|maybe|~|some|sobre|environ|circa|etwa|"
                              r"cerca de|unos|unas|uns|umas|ca\.?)?\s*$|"
                              r"(?:文档|文件|合同|仓库|代码库|商品|工单|论文|病历|记录|报告|文章|sku|案例|条款|手册|指南|"
                              r"稿件?|帖子|问答|faq|资料|说明书|详情页|页面|网页|商品页|知识库条目|条目|判决书|专利|"
                              r"邮件|聊天记录|对话记录)(?:总量|总数|数量)?\s*[,，:：]?\s*"
                              r"(?:大概|大约|约|差不多|有|共|一共|总共|合计|加起来|在|是|为)*\s*$")
USERS = re.compile(r"^\s*(?:clients|clientes|clienti|kunden|klanten|klienci|klientów|клиентов|клієнтів|kunder|"
                   # clients, right after the figure ("150 mil clientes, mas só uns 3% usariam", lead s13); not
                   # "300 000 fiches clients", "client files"
                   r"müşteri\w*)\b(?!\s+(?:files?|records?|data|documents?|dossiers|akten|daten|contracts?))|"
                   r"^\s*(?:(?:daily|weekly|monthly)\s+active\s+(?:users|learners|students|players|members|customers|"
                   r"visitors|readers|accounts|shoppers|patients)|dau|wau|mau)\b|"
                   r"^\s*(?:[a-z\-]+\s+)?(?:users|employees|people|persons|agents|customers|staff|lawyers|analysts|"
                   # s11-a: visitors are people, visits are traffic ("on a 2 millions de visiteurs")
                   r"visitors|visiteurs|visitantes|visitatori|bezoekers|besucher(?:innen)?|odwiedzając\w*|"
                   r"engineers|developers|devs|researchers|scientists|doctors|clinicians|nurses|physicians|students|"
                   r"teachers|attorneys|paralegals|reps|representatives|members|colleagues|accountants|"
                   r"advisors|advisers|traders|consultants|support staff|editors|writers|officers|"
                   r"specialists|managers|clerks|technicians|operators|sellers|buyers|"
                   r"commercialisti|wirtschaftspr[üu]fer(?:innen)?|comptables|contadores|contabilistas|notaires|"
                   r"handlers|workers|adjusters|underwriters|caseworkers|recruiters|"
                   # s7-c: the trades and professions English users count ("300 mechanics and engineers")
                   r"mechanics|pilots|pharmacists|therapists|dentists|vets|surveyors|architects|planners|"
                   r"estimators|inspectors|auditors|actuaries|investigators|librarians|archivists|journalists|"
                   r"reporters|lecturers|tutors|professors|brokers|bankers|tellers|dispatchers|salespeople|"
                   r"associates|interns|translators|coordinators|designers|marketers|admins|administrators|"
                   r"supervisors|executives|radiologists|pathologists|chemists|paramedics|carers|caregivers|"
                   r"electricians|technologists|fitters|installers|stylists|concierges|receptionists|secretaries|solicitors|"
                   r"assistants|volunteers|"
                   r"ppl|folks|heads|agents|juristes|juristas|giuristi|avocats|advogados|abogados|avvocati|anw[äa]lte|juristen|"
                   r"steuerberater(?:innen)?|berater(?:innen)?|mitarbeiter(?:innen)?|mitarbeitende|kollegen|nutzer(?:innen)?|"
                   # s17-a: the office staff German counts ("15 Sachbearbeiter, je etwa 20 Suchen am Tag")
                   r"sachbearbeiter(?:innen)?|sachbearbeitende|angestellte|beschäftigte|kolleginnen|disponent(?:en|innen)|"
                   r"techniker(?:innen)?|ingenieure|ingenieurinnen|pflegekräfte|lehrkräfte|lehrer(?:innen)?|"
                   r"benutzer|operatori|operadores|op[ée]rateurs|utilisateurs|usu[áa]rios|usuarios|utenti|"
                   r"funcion[áa]rios|empleados|employ[ée]s|dipendenti|collaborateurs|collaboratori|colaboradores|"
                   # s9-b: members of an association or a club, counted alone ("on a 15 000 adhérents")
                   r"adh[ée]rents|membres|mitglieder|leden|socios|associados|iscritti|cz[łl]onk[óo]w|членов|officials|"
                   r"civil servants|ambtenaren|beambte|fonctionnaires|funcionarios|funzionari|"
                   r"conseill[eè]re?s|consejeros|asesores|conselheiros|consulenti|adviseurs|"
                   r"personnes|pessoas|personas|persone|m[ée]decins|m[ée]dicos|medici|[äa]rzte|analystes|analistas|"
                   r"analisti|ingenieurs|ing[ée]nieurs|engenheiros|ingenieros|ingegneri|agentes|agenti|"
                   # lead s11: advisers, sales staff, technicians, nurses, teachers, researchers (Romance languages)
                   r"conseill[eè]res?|conseillers|consejeros|asesor(?:es|as)|consulenti|consultores|conselheiros|"
                   r"gestionnaires|gestores|vendeurs|vendedores|venditori|commerciaux|techniciens|t[ée]cnicos|tecnici|"
                   r"infirmi[eè]res|enfermer[oa]s|enfermeir[oa]s|infermier[ie]|enseignants|professeurs|profesores|"
                   r"professori|docentes|[ée]tudiants|estudiantes|studenti|estudantes|chercheurs|investigadores|"
                   r"ricercatori|pesquisadores|"
                   r"(?:个|名|位)?(?:用户|员工|工程师|律师|分析师|客服|医生|研究员|学生|同事|开发者?|"
                   r"客户(?!资料|合同|档案|文件|数据|记录|信息)|人(?!民币))|"
                   # "工程師大概200位", "200名左右": people counted with 位 or 名 alone (s7-d)
                   r"(?:位|名)(?=\s*(?:$|[,，。、;；!?]|左右|上下|吧|呢)))")
# s13-b: "one person" before a period is each of them ("一个人一天三五次", "一人一天两次", "1人每周3次")
ONE_PERSON = r"(?<![\d一二两三四五六七八九十百千万])(?:一|1)\s*个?人(?=\s*(?:一|1|每)?\s*(?:天|日|周|星期|个?月))"
PER_USER = re.compile(ONE_PERSON + r"|"
                      r"\beach\b|\bcada\b|\bchacun(?:e)?\b|\bjeweils\b|\bje (?:person|nutzer|mitarbeiter)|"
                      r"\bje (?=(?:etwa|ca\.?|rund|ungefähr|um die|so|about|around)?\s*\d)|"  # s17-a: "je etwa 20"
                      r"\bciascuno\b|\bognuno\b|per (?:user|person|employee|head|engineer|lawyer|analyst|agent)|"
                      # s8-a: "35 lookups per rep per day", "per seat", "per nurse", "per teacher"
                      r"\bper (?:rep|nurse|doctor|clinician|teacher|student|consultant|advisor|adviser|member|"
                      r"researcher|developer|dev|accountant|technician|officer|associate|colleague|staffer)\b|"
                      r"a (?:user|person|head)|apiece|/\s*(?:user|person|head|seat|employee|agent)\b|"
                      r"每人|每个人|每位|每名|每个用户|人均")
TIMES_AFTER = re.compile(r"^\s*(?:times|x\b|次|-?mal\b|fois\b|vezes\b|veces\b|volte\b|keer\b|razy\b|raz\b|gånger\b|"
                         r"baar\b|kez\b|kere\b|раз(?:а)?\b|回|번)")
# The plural nouns a collection is counted in, then its count: "tickets are around 90 thousand", "contracts: ~12k"
COLLECTION_BEFORE = re.compile(r"\b(?:tickets|articles|contracts|agreements|reports|manuals|policies|records|pdfs|"
                               r"papers|cases|notes|emails|faqs|listings|products|skus|patents|filings|transcripts)\s*"
                               r"(?:[:=]|is|are|total|number)?\s*(?:about|around|roughly|approximately|nearly|almost|"
                               r"~|some)?\s*$")
BEFORE_FIELD = {
    "corpus_docs": re.compile(r"(?:documents?|docs|files|corpus(?: size)?|文档数?量?|文件数?量?|语料|"
                              r"(?:ファイル|ページ|記事|文書|ドキュメント|レコード)(?=数))\s*"
                              r"(?:数\s*[はが]?\s*(?:about\s*)?)?"  # "文書数は約3万" (glossed "documents 数は about")
                              # "ファイル数はざっと6万", "ページ数でいうと、2万3千" (s12-a)
                              r"(?:(?<=数)で(?:いうと|言うと|は)\s*[、,]?\s*)?(?:(?<=[はが、,])\s*(?:ざっと|およそ|だいたい|大体)\s*)?"
                              r"(?:itself|alone|as such)?\s*(?:count|size)?\s*"
                              r"(?:[:=]|is|of|are|改成|改为|为|是|有|约|大约|大概|共|在)*\s*"
                              # "the documents are more like 50k" (s6-a): a hedge between the noun and its count
                              r"(?:more like|closer to|about|around|roughly|approximately|"
                              r"nearly|almost|~)?\s*$"),
    "budget_usd_month": re.compile(r"(?:budget|预算)\s*(?:is|of|[:=]|为|是|有|大约|大概|约|在|每月|每个月|一个月|"
                                   r"改成|改为)*\s*$"),
    "doc_length_tokens": re.compile(r"(?:length|长度|篇幅)\s*(?:is|of|[:=]|为|是|约|大约|大概)*\s*$"),
}
PER_DOC_CUE = re.compile(r"\beach\b|\bper (?:doc|document|file|contract|page|item)|\baverage|\bavg\b|\btypical|"
                         r"\blong\b|\bevery\b|每篇|每份|每个|每条|平均|篇均|单篇|单个|一篇|一份")
# "500k chunks of 512 tokens": a size right after "<items> of" is each item's
PER_ITEM_BEFORE = re.compile(r"\b(?:chunks?|docs?|documents?|files?|pages?|passages?|records?|articles?|items?|pieces|"
                             r"entries|tickets?|texts?) of\s*(?:about |around |roughly |~|up to |at most )?$")
# Words spreading an amount over the documents ("800万行，分布在6万个文件里", "6万ファイルに分散", "6만 개 파일에
# 걸쳐", "verteilt auf 20.000 Berichte"): in the figure's clause (``TOTAL_CUE``) or the next (``_SPREAD_NEXT``)
SPREAD_OVER = r"分布在|分布于|分布於|分散在|散布在|散落在|分散して|に分かれ|에 걸쳐|에 분산|verteilt auf"
TOTAL_CUE = re.compile(r"\btotal\b|\boverall\b|\baltogether\b|\bcombined\b|\bcorpus\b|\bin all\b|\bacross\b|"
                       r"\bspread (?:over|across)\b|\bthe whole (?:thing|corpus|collection|archive)\b|\bentire\b|"
                       r"总共|总计|一共|合计|总|" + SPREAD_OVER + r"|"
                       r"\br[ée]parti\w* (?:en|sur|dans)\b|\brepartid\w* en\b|\bdistribuit\w* (?:in|su|em|en)\b")
# Growth of the corpus ("growing by 2,000 a month", "we add 300 new contracts a week", "每月新增2000篇"): a rate the
# profile has no field for; never a corpus size, a budget or a query count.
GROWTH_BEFORE = re.compile(r"(?:\bgrow(?:s|ing|th)?\b|\bgrew\b|\bincreas(?:e|es|ing)\b|\badd(?:s|ing|ed)?\b(?!\s+up\b)|"
                           r"\b(?:go(?:es|ing)?|went)\s+up\s+by\b|"
                           r"\bexpand(?:s|ing)?\b|\bgrows by\b|新增|增加|增长|多出|增量|"
                           # s11-a: the verbs of growth in the languages the gloss leaves as written
                           r"\bcrescendo\b|\bcrescem?\b|\bcreciendo\b|\bcrece[nr]?\b|\baumentando\b|\bwächst\b|"
                           r"\bwachsen\b|\bcroît\b|\bcroissons\b|\bgroeit\b|\bgroeien\b|\brośnie\b|\bprzybywa\b|"
                           r"\bartıyor\b|\bbertambah\b|растёт|растет|зростає)"
                           # (not "매달 2천 건씩 늘어나고 현재 10만 건": the size now, after its growth; s7-d)
                           r"(?:(?!현재|지금|目前|现在|現在|今は|\bnow\b|\bcurrently\b|\btoday\b|şu an)[^,;。]){0,22}$")
_NO_AND = r"(?:(?!\s(?:and|y|e|und|et|и|ve|en|och)\s)[^,;。])"  # "30000 documents y grows 500": the 500 grows
GROWTH_AFTER = re.compile(r"^\s*(?:[a-z]+\s+)?new\b|^\s*more (?:each|every|per|a)\b|"
                          rf"^{_NO_AND}{{0,20}}?\b(?:of )?growth\b|^{_NO_AND}{{0,16}}?\bgrows\b|"
                          r"^[^,;。]{0,10}?(?:增长|新增|增加)")
# "currently at 45k", "今は", "aktuell": the size now, said beside its growth
NOW = re.compile(r"\b(?:currently(?: at)?|today|right now|now|at the moment|atm|at present|as of (?:now|today)|so far|"
                 r"actuellement|aujourd'hui|aktuell|derzeit|momentan|ahora(?: mismo)?|hoy|attualmente|al momento|"
                 r"atualmente|hoje|obecnie|just nu|şu an|сейчас|на данный момент)\b|현재|지금|目前|现在|現在|今は")
# The team that builds or keeps the system, counted beside its users (s11-b): "team of 12 maintains it, but ~2,000
# employees will use it", "vi är 8 utvecklare men ... 2 000 kunder", "somos 15 en el equipo", "in ufficio siamo in 40"
TEAM_BEFORE = re.compile(r"\b(?:(?:a |our |the )?team of|(?:el |un |our |notre |l')?(?:equipo|équipe|equipe|squadra|"
                         r"zespół|team) (?:de|di|von|van|z)|we(?:'re| are)|there are|somos|siamo(?: in)?|nous sommes|"
                         r"wir sind|vi är|nós somos|jesteśmy|мы|biz)\s*(?:about|around|~|only|just|like)?\s*$")
TEAM_AFTER = re.compile(r"^\s*(?:(?:people|of us|devs?|developers|engineers|maintainers)\s+)?(?:(?:in|on) (?:the|our) "
                        r"(?:team|office)|en el equipo|nel team|in ufficio|dans l'équipe|im team|i teamet|в команде)\b|"
                        r"^\s*(?:developers|devs|engineers|maintainers)\b(?!\s+(?:will|would|use|search|query))")
# A peak beside an average (s11-b): "black friday week it peaks around 25k/day", "双十一那几天能到两万", "en campaña
# de la renta se dispara a 4.000", "in Spitzen bis 50/min", "в пике до 80": the figure of the busiest times
PEAK = re.compile(r"\b(?:peak(?:s|ed|ing)?|spikes?|spiking|busiest|black friday|cyber monday|rush|high season|"
                  r"holiday season|spitze\w*|spitzenzeit\w*|pico|picos|pointe|pic|punta|picco|pique|пик\w*|szczyt\w*|"
                  r"topp(?:ar)?|piek\w*|zirve|yoğun|kampanya\w*|campaña|campagne|campagna|cao điểm|puncak|"
                  r"(?:se )?dispara|explose|explode|schießt|schnellt|"
                  # s14-c: a sale or a season's rush ("during the holiday sale it goes 4x", "Diwali sale mein 5x")
                  r"(?:holiday|christmas|festive|diwali|year-end|end-of-year|summer|winter) (?:sale|season|rush)|"
                  r"sales? season|(?:big|mega|flash) sales?|soldes|rebajas|liquidação|schlussverkauf)\b|"
                  r"高峰|峰值|双十一|双11|大促|旺季|ピーク|繁忙|"
                  r"피크|성수기|많을 때|바쁠 때|"
                  # s16-a: a spike said by its verb or its time ("업데이트 날엔 10만 건까지 튑니다", "セール期間中")
                  r"튑니다|튀어|튄다|치솟|몰리는|セール期間|セール中|繁忙期|促销期间")
# The average beside a peak: "on average", "平时", "im Schnitt", "de media"
AVERAGE = re.compile(r"\baverage\b|\bavg\b|\btypical(?:ly)?\b|\bmedian\b|\bnormally\b|\busually\b|\bnormal day\b|"
                     r"平均|日均|月均|一般|通常|平时|平常|平日|普段|ふだん|평균|보통|평소|"
                     r"durchschnitt\w*|\bim schnitt\b|"
                     r"\bnormalerweise\b|en moyenne|moyenne|promedio|\bde media\b|en media|in media|em m[ée]dia|"
                     r"gemiddeld|średnio|в среднем|в середньому|ortalama|i snitt|genomsnitt\w*|trung bình|rata-rata")
GROWTH_WORD = re.compile(r"\bgrowth\b|\bgrow(?:s|ing)\b|\bnew (?:documents|docs)\b|增长|新增|增量|"
                         # "doubling every year", "it goes up by 5-10k every month" (s8-a)
                         r"\b(?:doubl|tripl)(?:es|ing)\b|\b(?:goes|going|went) up by\b|\bincreas(?:es|ing) by\b")
PERIOD_BEFORE = re.compile(r"(?:每个?月|每年|每周|每天|每日|per month|monthly|a month|/month|per year|a year|yearly|"
                           r"annually|per day|daily|per (?:working|business|work) ?day|per weekday|per week|weekly)"
                           r"\s*(?:约|大约|大概|about|around|roughly|maybe)?\s*$")
# s17-c: a search API or endpoint that a system calls ("our ERP will hit the retrieval endpoint", "va a llamar a la API
# de búsqueda", "appelle l'API de recherche"): its calls are searches, said anywhere in the sentence
SEARCH_API = re.compile(r"\b(?:search|retrieval|query|semantic search|rag) (?:api|endpoint|service)s?\b|"
                        r"\bapi (?:de|di|da) (?:búsqueda|busca|recherche|ricerca|pesquisa)\b|"
                        r"\b(?:endpoint|servicio|serviço|service) (?:de|di) (?:búsqueda|busca|recherche|ricerca)\b|"
                        r"\bsuch-?(?:api|endpoint|schnittstelle)\b|检索接口|搜索接口|検索api|검색 api")
SEARCH_VERB = re.compile(r"search|quer|look ?up|lookups|ask|request|question|搜|查|检索|问|请求|"
                         # "the adjusters would hit it 400 times a working day", "they'd use it 5 times a day"
                         r"\b(?:hit|hits|use|uses|ping|pings|call|calls|open|opens) (?:it|the (?:bot|tool|assistant|"
                         r"search|system|api|index))\b")
BUDGET_CUE = re.compile(r"budget|spend|afford|\bpay\b|\bcost\b|预算|花费|开销|花|钱|费用")

DOMAINS = {
    "legal": r"jurisprud\w+|\bd[ée]cisions? de justice\b|\bdecisiones judiciales\b|\bdecis[õo]es judiciais\b|"
             r"\brechtsprechung\b|\b\w*urteile?n?\b|\bgesetz\w*|"
             r"\b(?:bgb|stgb|hgb|zpo)\b|\bsentenz[ae]\b|\bsentencias?\b|"
             r"\bac[óo]rd[ãa]os?\b|\bcour de cassation\b|\bconseil d'[ée]tat\b|\btribunal\w*|"
             r"判例|判決|裁判例|法令|판례|판결|법령|"
             r"legal(?!\s+(?:team\s+|department\s+|dept\s+|counsel\s+)?(?:already\s+|has\s+|have\s+)?(?:said|says|"
             r"signed|approved|rejected|vetoed|won'?t|wouldn'?t|requires?|insists?|told|flagged|blocked)\b)|"
             r"\bndas?\b|non-disclosure|\bpatents?\b|\bpatent (?:filings|applications|claims|documents|search)\b|"
             r"prior[\s\-]art|\bjudicia(?:l|les|ire|ires|is)\b|collective agreements?|专利|"
             r"(?:service|purchase|lease|loan|licen[cs]e|employment) agreements?|"
             r"juristes|avocats|advogados|abogados|avvocati|anw[äa]lte|juristen|notaires|notarios|notai|"
             r"master agreements?|\bmsas?\b|\blaws?\b|lawyers?|law firm|contracts?\b|statutes?|case law|"
             r"\bcourts?\b|judg(?:e)?ments?|"
             r"litigation|regulations?|clauses?|(?<!签了)(?<!签)(?<!签订了)(?<!签订)(?<!签过)合同|(?<!智能)(?<!期货)(?<!期貨)合约|法律|判决|法规|律师|律所|法院|裁判|诉讼|条款|法条|司法|法务|法務",
    "medical": r"medical|clinical|clinics?\b|(?<![a-z])patients|(?<![a-z])patient(?=\s+(?:data|records?|notes?|files?|"
               r"charts?|information|info|histor\w*|care|safety|portal|summar\w*|letters?|reports?|questions?|"
               r"education|intake|messages?|documents?|privacy|identif\w*|cases?|visits?))|(?<![a-z])(?<!are )"
               r"(?<!'re )(?<!is )(?<!be )(?<!very )(?<!quite )(?<!pretty )(?<!so )(?<!more )(?<!being )"
               r"(?<!fairly )(?<!stay )(?<!too )patient(?![a-z])|"
               # (s17-b: not Polish "drugim", second)
               r"hospitals?|health ?care|\behr\b|\bemr\b|diagnos|drugs?(?!i[mae]?\b|ą|iego|iej)|pharma|"
               r"radiology|physicians?|nurs(?:e|ing)|discharge (?:letters?|summar(?:y|ies)|notes?)|pathology|"
               r"(?:lab|laboratory) results|clinical notes|\bwards?\b|oncology|cardiology|medical records|"
               r"lettres? de sortie|comptes? rendus? (?:médicaux|d'hospitalisation)|arztbriefe?|entlassbriefe?|"
               r"befunde|referti|cartelle cliniche|prontuários?|informes? (?:médicos|clínicos)|"
               r"医疗|病历|医学|医院|患者|病人|临床|药品|诊断|医生|医療|"
               # s8-c: what clinicians write ("出院小结", "检验报告", "lab results")
               r"出院小结|出院记录|检验报告|化验单|检查报告|影像报告|病程记录|护理记录|医嘱|lab results|"
               r"\blab reports\b|\bdischarge summar(?:y|ies)\b|\bepicris\w*|"
               # s13-a: drug safety, the reports of adverse reactions, in the languages the gloss leaves
               r"pharmacovigilan\w*|farmacovigil\w*|pharmakovigilanz|фармаконадзор\w*|adverse (?:drug )?(?:events?|"
               r"reactions?)|reacciones adversas|reazioni avverse|reações adversas|effets indésirables|"
               r"działa\w* niepożądan\w*|нежелательн\w* (?:реакци|явлени)\w*",
    "finance": r"\bfinanz\w*|\bfinanci\w*|\bfinanceir\w*|\bbilanci\b|\bbilanz\w*|\bbilans?\b|prospectus\w*|"
               r"quarterly reports?|listed compan\w+|\bquarterly (?:results|filings)|"
               # (not the department that approves a budget: "Finance have signed off £6k for the year", s15-c)
               r"financ(?:e|ial)(?!\s+(?:have|has|had|signed|approved|okayed|agreed|gave|said|says|dept|department|"
               r"director|manager|head|people|folks|guys|won'?t|will|would)\b)|\b10-[kq]s?\b|\b8-ks?\b|"
               r"earnings calls?|banking|"
               r"(?<!data )(?<!memory )(?<!river )\bbanks?\b|invoices?|earnings|"
               r"annual reports?|10-k|sec filings?|\bfilings\b|trading|accountants|\bbanca\b|\bbanque\b|"
               r"\bbanco\b|(?<!data )(?<!memory )(?<!river )\bbank\b|tax advis[eo]rs|auditors|"
               r"\b(?:filial|privat|volks|landes|geschäfts|gro(?:ß|ss)|genossenschafts|direkt|universal|hypotheken|förder|"
               r"zentral|noten|spar|investment|retail|commercial|regional|kantonal|raiffeisen|kommunal|staats|national|post|"
               r"online|auto|haus|handels|kooperativ|hypothekar|vermögensverwaltungs|schweizer|spar-|kredit)[\s\-]?"
               r"bank(?:en|ing)?\b|\bbanken\b|\bbankengruppe\b|"
               r"sparkasse\w*|\bbanki?\b|\bbanka\w*|банк\w*|"
               r"steuerberater\w*|wirtschaftspr[üu]fer\w*|buchhalter\w*|comptables|experts?-comptables|contadores|"
               r"contabilistas|commercialisti|fatture|invoices|"
               r"stock market|insurance|\binsurers?\b|policyholders?|underwriting|accounting|financial audits?|"
               r"财报|金融|银行|发票|财务|年报|证券|保险|会计|审计|基金(?!会)|股票|券商|(?<!调)研报|投研|"
               # s8-c: what analysts read ("broker research", "fund factsheets", "招股说明书")
               r"\b(?:broker|equity|sell[\s\-]side|buy[\s\-]side) research\b|\banalyst reports?\b|"
               r"\bfact ?sheets?\b|\bproxy statements?\b|\bbalance sheets?\b|\bincome statements?\b|"
               r"\bprospectuses\b|招股说明书|招股书|上市公司|有価証券報告書|決算短信|사업보고서|"
               # s9-g: what tax advisers search (circulars and rulings of the tax authority)
               r"\btax (?:circulars?|rulings?|notifications?|notices)\b|\brisoluzioni fiscali\b|"
               r"agenzia delle entrate|\binps\b|gelir idaresi|\bözelge\w*|\bsirküler\w*|\bcbdt\b|टैक्स|"
               r"\bsurat edaran\b|\bdjp\b|\bpajak\b",
    "code": r"stack ?overflow|\bapi (?:reference|references|specs?)\b|\bsdk (?:docs|documentation)\b|"
            r"リポジトリ|ソースコード|コードベース|(?<![a-z])git(?![a-z])|깃\s*(?:저장소|허브|랩)|"
            r"source code|mono-?repo|runbooks?|\brfcs?\b|pull requests?|\bcommits?\b|api docs|"
            r"engineering docs|code ?base|code search|(?<!language )(?<!iso )(?<!zip )(?<!country )\bcode\b(?!\s*[:=])|"
            r"repositor(?:y|ies)|\brepos?\b|github|gitlab|programming|代码|源码|编程|程式码|原始码|程序码|"
            # s8-c: what on-call engineers read ("运维手册", "事故复盘", "incident postmortems")
            r"运维(?:手册|文档)|(?:事故|故障)复盘|\bpost-?mortems?\b|\bon-?call (?:docs|playbooks?|runbooks?)\b|"
            r"\bincident playbooks?\b|\bkod(?:zie|u|em|y)\b|\bkod źródłow\w*|\bkode\b",
    "scientific": r"scientific|lab notebooks?|research reports?|experiment(?:al)? (?:data|reports?|results)|"
                  r"science|research papers?|(?<!past )(?<!exam )(?<!question )(?<!test )\bpapers\b|"
                  r"\b(?:research|scientific|paper|journal|conference|medline) abstracts\b|"
                  r"academic (?:papers|articles|literature)|arxiv|"
                  r"\bjournals?\b|publications?|(?<!\bmy )thes[ie]s(?! project| work| at)|pubmed|"
                  r"论文|科研(?!项目|課題|プロジェクト)|学术(?:论文|文献)|(?<!地方)(?<!古籍)(?<!历史)文献|期刊|"
                  r"\bthèses\b|\bphysique\b|\bgenomics\b|\bgen[oôó]mica\b|\bprotocolos de bancada\b",
    "ecommerce": r"\bfiches? techniques?\b|\bsite marchand\b|\b\w*datenbl[äa]tter\b|\bschede tecniche\b|"
                 r"\bfichas? t[ée]cnicas?\b|e-?commerce|online[\s\-]?(?:shops?|stores?|händler)|onlineshops?|"
                 r"webshop|\bproducts\b|"
                 r"\bprodukt(?:daten|beschreib|katalog|"
                 r"seiten|info|blätt|bilder|texte)\w*|\bsortiment\b|\bschede? (?:di )?prodott[oi]\b|\bprodotti\b|"
                 r"\bfiches? (?:techniques? )?(?:de )?produits?\b|\bfichas? (?:técnicas? )?de productos?\b|"
                 r"\bproductos\b|\bprodutos\b|\bfichas? de produtos?\b|\bnegozio\b|\btienda\b|\bloja\b|"
                 r"\be-?shop\b|ec\s?サイト|通販|商品説明|쇼핑몰|상품\s*(?:설명|상세|정보)|商品详情|商品描述|"
                 r"product (?:catalog(?:ue)?|descriptions?|"
                 r"listings?|search|pages?|reviews?)|(?<!model )catalog(?:ue)?|\bskus?\b|shopping|"
                 r"retail(?!\s*bank)|marketplace|\b(?:our|the) (?:web|online )?shop\b|"
                 r"电商|商品|淘宝|京东|购物|零售(?!银行)",
    "support": r"support tickets?|問い合わせ|チケット|문의|\bchamados?\b|\bhelp ?desk\b|\bsegnalazion\w+|"
               r"(?:q&a|qa|faq|question[\s\-]answering|help) (?:bot|assistant)|"
               r"product documentation|user (?:manuals|guides)|help articles|how-to articles|"
               r"help[\s\-]?cent(?:er|re)|help[\s\-]?desk|knowledge[\s\-]?base articles|"
               r"(?:maintenance|service|repair|operating|technical) manuals|"
               # s13-b: maintenance and user manuals in Chinese ("維修手冊", "操作手册"); a bot that answers customers
               # or guests ("chatbot answering customers", glossed from "แชทบอทตอบลูกค้า")
               r"[维維]修手[册冊]|操作手[册冊]|使用手[册冊]|保[养養]手[册冊]|"
               # s17-c: user manuals in the other languages ("manuales de usuario" glossed "manuals de usuario",
               # "Benutzerhandbücher", "manuels utilisateur", "用户手册"; not product or technical manuals, which the
               # committed sets read as a shop's or a manufacturer's: dev6, dev9f, heldout45)
               r"(?:manuals?|manuais|manuales|manuels?) (?:de |do |d'|of )(?:usuari[oa]s?|usu[áa]rio|utilisat\w*|"
               r"the user)|"
               r"benutzer\w*\s?(?:handb[üu]cher|manuals)|manuels? (?:d'|de l')?utilisat\w*|用户手[册冊]|"
               r"(?:chat)?bots? (?:for )?(?:answering|that answers?|to answer|answers?|replying to) (?:our |the )?"
               r"(?:customers|guests|clients|shoppers|buyers)\b|"
               r"support (?:chat)?bot|chatbot for (?:our )?(?:customers|support)|troubleshooting|customer service|"
               r"macros|support agents|帮助中心|售后问答|tickets?|help ?desk|faqs?|customer (?:support|service|"
               r"care|questions)|"
               r"support (?:articles|docs|knowledge)|zendesk|客服|工单|常见问题|售后|问答对|"
               r"(?:员工|职工|内部|客户|顾客)(?:智能)?(?:问答|答疑)(?:机器人|助手)|"  # s14-a: "员工问答机器人" (HR)
               r"\b(?:in|on|from|for) (?:the |our )?(?:customer |tech(?:nical)? |it )?support\b|"
               r"\bsupport (?:team|staff|engineers|reps?|desk|center|centre)|"
               r"(?:bot|assistant|agent)s? (?:for )?(?:answering|that answers?|to answer|answers?) "
               # (s14-a: not pupils' questions from lesson materials: a school's teaching, general)
               r"(?!(?:our |the )?(?:students?|pupils?|learners?|kids)'?\s)(?:[a-z\-']+ ){0,3}questions|"
               # s9-g: a chatbot for (customers', members') questions, in any language the gloss leaves
               # (not patients' questions, medical, nor technical ones: "dúvidas de pacientes", "dúvidas técnicas")
               r"(?:chat[\s\-]?bot|чат-?бот|\bbot|\bassistant|\basistente|\bassistente)\w*"
               r"(?![^.;]{0,40}(?:patient|pacient|pazient|患者|환자|t[ée]cnic|technical|technisch|tecnic|student|"
               r"pupil|élève|alumn|schüler|学生))"
               r"[^.;]{0,40}(?:questions|queries|"
               r"inquiries|kundenfragen|kundenanfragen|fragen|dudas|preguntas|consultas|dúvidas|perguntas|domande|vragen|"
               r"pytań|pytania|вопрос\w*|pertanyaan)|"
               r"(?:sorular\w*|सवाल\w*|प्रश्न\w*)[^.;]{0,40}(?:chat[\s\-]?bot|चैटबॉट)",
    "general": r"general[\s\-]?purpose|general (?:domain|knowledge|content|documents|docs|text)|\bgeneric\b|"
               r"mixed (?:content|documents|domains?|topics)|all (?:kinds|sorts) of|various topics|wikipedia|"
               r"\bnews\b|press releases|journalism|journalists?|newsroom|reporters|redaktion|rédaction|periodistas|"
               r"giornalisti|jornalistas|记者|記者|기자|articles de presse|presseartikel|artículos de prensa|"
               r"articoli di (?:giornale|stampa)|notícias|employee handbook|hr polic(?:y|ies)|pto polic(?:y|ies)|"
               r"新闻|报道|ニュース|nachrichten|actualités|noticias|"
               # an internal wiki, media, a public body, HR: domains the schema does not list (stored as general)
               r"podcasts?|\bgovernment\b(?!\s+(?:network|cloud|intranet|servers?|data ?cent))|\bmunicipal\w*|"
               r"public (?:administration|sector|body)|city council|game (?:studio|company|developer)|video games|"
               r"游戏公司|\bhr (?:polic\w+|documents|docs|notes|handbook)\b|"
               r"human resources|政府|政务|政府机关|"
               r"通用|综合性|各种各样|什么都有|各领域|多领域|混合领域|\bkennisbank\b",
}
# (the organisations of every domain, "pension fund", "Kanzlei", "房产中介", are added by
# ``agent.understanding_organisations.domain_words``)
DOMAIN_RES = {d: re.compile(p) for d, p in DOMAINS.items()}
DOMAIN_ANY = re.compile("|".join(f"(?P<{d}>{p})" for d, p in DOMAINS.items()))
GENERAL_ANSWER = re.compile(r"\bgeneral\b|\bmixed\b|\beverything\b|\bvarious\b|\bmisc|各种|杂")

# Privacy, deployment, licence, latency.
ON_PREM = re.compile(
    # s16-b: the data not allowed off the site ("the data isn't allowed off-site", "docs can't go offsite", "nothing
    # may leave the premises")
    r"(?:data|documents|docs|it|they|files|nothing|content|information|records|contracts|emails)"
    r"(?:\s+[\w\-]+){0,2}?\s+(?:(?:is|are)(?:n't| not) (?:allowed|permitted)|"
    r"can(?:no|')?t (?:go|be (?:taken|moved|sent|stored))|"
    r"must not (?:go|be (?:taken|moved|sent|stored))|may not (?:go|be (?:taken|moved|sent|stored)))\s+"
    r"(?:to go\s+)?off[\s\-]?(?:site|premises?|prem)\b|"
    r"(?:data|documents|docs|it|they|files|nothing|content|information|records|phi|pii|code|codebase|"
    r"contracts|emails|数据)(?:\s+[\w\-]+){0,3}?\s+"
    r"(?:can(?:no|')?t|cannot|can not|"
    r"must not|mustn't|may not|(?:is|are)(?:n't| not) allowed to|shouldn't|should not|won't|will not)\s+"
    r"(?:ever\s+)?(?:leave|go (?:outside|out of)|be (?:taken|moved|sent|shared) (?:outside|out of))|"
    r"(?:must|has to|have to|needs? to|should)\s+(?:stay|remain|be kept|be)\s+(?:on[\s\-]?prem|in[\s\-]?house|"
    r"on our (?:own )?(?:servers?|premises?|network|infrastructure|machines?)|internal|local|inside|in our|"
    r"with us\b|within our)|"  # s7-c: "so it has to stay with us", "must stay within our trust's network"
    r"nothing(?:\s+[\w\-]+){0,3}?\s+(?:can |may |ever |will |should |must )?(?:leaves?|goes? out)\s+(?:of\s+)?"
    r"(?:our|the)\b|"
    # "our compliance team says nothing leaves Canada", "nothing may leave Australia" (s8-a)
    r"nothing(?:\s+[\w\-]+){0,3}?\s+(?:can |may |ever |will |should |must )?(?:leaves?|goes? out of)\s+"
    r"(?:eu|uk|us|usa|canada|australia|india|singapore|new zealand|ireland|europe|germany|france|switzerland|japan|"
    r"korea|brazil|the country|the region|[a-z]+ province)\b|"
    r"nothing (?:can|may|should|must|will) (?:go|be sent|be uploaded) to|"
    r"(?:data|it|documents) (?:can(?:no|')?t|cannot|must not|mustn't|may not|shouldn't|won't) "
    r"(?:go|be sent|be uploaded) to|"
    r"\bon[\s\-]?prem(?:ise|ises)?\b|air[\s\-]?gapped|"
    # s6-f (issue 17): the rule as a team lead's opening message says it, in English, Chinese, Japanese and Korean
    r"\b(?:has|have|needs?|must) to (?:stay|remain|be kept) on[\s\-](?:campus|site)\b|\bnothing in the cloud\b|"
    r"\b(?:can(?:'|no)?t|cannot|can not|must not|won'?t) (?:send|upload|put) (?:it |them |data |anything |"
    r"documents |our data )?(?:to|into|in) (?:openai|the cloud|a public cloud|external|third)|"
    r"\b(?:need|needs|require|requires) (?:eu|us|uk|canadian|german|local|in-country) hosting\b|"
    r"不能(?:上|用|使用)(?:公有云|公网|外部云)|出境\s*[|:：]?\s*(?:不允许|不可以|禁止|不行)|"
    r"(?:必须|一定要|只能|需要)(?:留在|存在|放在|保存在)(?:本地|内网|公司|国内|境内|香港|台湾|大陆|中国|新加坡)|"
    r"国内に(?:留め|とどめ|置|保管|保存)|院外への(?:データ)?(?:送信|持ち出し)は?(?:不可|できません|禁止)|"
    r"(?:庁内|院内|社内|学内|行内)から出せ(?:ません|ない)|"
    r"밖으로 (?:나갈|나가면|내보낼) 수 없|국내 보관|(?:사내|내부망|국내)에 있어야|"
    r"(?:stays?|remains?|be kept|be stored|be processed|be hosted|lives?)\s+(?:in|within|inside)\s+(?:the\s+)?"
    r"(?:eu|european union|"
    r"us|usa|uk|country|region|germany|france|china|japan|korea|brazil|brasil|italy|italia|spain|españa|canada|india|"
    r"switzerland|schweiz|suisse|australia|singapore|europe|europa|austria|österreich|mexico|méxico|portugal|"
    r"deutschland|netherlands|the netherlands|sweden|poland|turkey|türkiye|russia|norway|denmark|finland|"
    r"ksa|saudi arabia|saudi|kingdom|uae|emirates|qatar|kuwait|bahrain|oman|egypt|jordan)\b|"
    r"\bkvkk\b|\b(?:152|242)[\s\-]?(?:fz|фз)\b|\bdata locali[sz]ation (?:law|rules?|requirements?)\b|"
    r"\bno (?:outbound|outgoing|external) (?:calls?|traffic|connections?|network|requests?)\b|"
    r"(?:must|has to|have to|needs? to|should|can only) (?:run|be hosted|be deployed|live) (?:in|on|inside|within) "
    r"(?:our|the company'?s) (?:own )?(?:[a-z\-]+ )?(?:cluster|data ?cent(?:er|re)|vpc|network|infrastructure|servers?|"
    r"premises)\b|"
    r"(?:forbids?|prohibits?|bans?|(?:doesn'?t|does not|won'?t|will not) allow)\s+(?:any\s+|the use of\s+|using\s+|"
    r"us to use\s+)?(?:third[\s\-]party|external|cloud|hosted|outside)\s+(?:apis?|services?|providers?|llms?|models?)|"
    r"(?:must|has to|have to|needs? to|should|can only|may only)\s+(?:stay|remain|be kept|be processed|be stored|live)"
    r"\s+(?:in|on|within|inside)\s+(?:our|the company'?s)\s+(?:own\s+)?(?:servers?|data ?cent(?:er|re)s?|vpc|"
    r"private cloud|network|premises|infrastructure|machines|region|country|tenant|tenancy|subscription|"
    r"(?:aws |azure |gcp |cloud )?account)|"
    r"(?:can(?:no|')?t|cannot|must not|may not|not allowed to) send\b.{0,25}?(?:external|outside|third|cloud|api)|"
    r"(?:数据|文档|资料).{0,6}(?:必须|只能|需要|要)(?:在|留在|保存在|存在|放在)(?:公司|我们|本地|内网|自己|国内)(?:自己)?"
    r"的?(?:服务器|机房|数据中心|内网|环境)?(?:上|里|内)?(?:处理|运行|存储|保存|部署)?|"
    r"\b(?:keep|store|hold)\s+(?:everything|it all|all (?:of )?(?:it|the data|our data)|(?:the |our |all )?(?:data|"
    r"documents|docs|files)|it|them)\s+(?:on|in|within|inside)\s+(?:our own|our|the company'?s|in[\s\-]house)\s*"
    r"(?:hardware|servers?|premises|infrastructure|machines?|network|data ?cent(?:er|re)s?)|"
    r"\bno (?:external|third[\s\-]party|cloud|hosted|outside) (?:apis?|services?|providers?|llms?)|"
    r"\bno (?:external )?apis?\b|"
    r"(?:can(?:no|')?t|cannot|not allowed to|mustn't|must not|won't|will not|don'?t want to) "
    r"(?:use|send|upload|call)\b.{0,25}?(?:apis?|cloud|openai|cohere|external|third|outside|internet)|"
    r"(?:can(?:no|')?t|cannot|can not|must not|mustn't|may not|not allowed to|won't|will not) (?:put|store|keep|host|"
    r"place|move|upload|push|dump)\b.{0,25}?\b(?:on|in|to|into) (?:any |the |a |public |external |third[\s\-]party )?"
    r"cloud\b(?! (?:account|credits?|instances?|gpus?|vms?))|"
    r"behind (?:our|the) firewall|within our (?:own )?(?:network|firewall|vpc|data ?cent(?:er|re)|tenant|"
    r"subscription)|"
    r"(?:fully )?offline only|\bno internet\b|"
    r"不能出(?:内网|公司|本地|机房|国|境)|"
    r"(?:数据|文档|资料|資料|數據|文檔|文件).{0,6}(?:不能|不可以|不允许|不允許|禁止|不得|不可)(?:出|离开|離開|外传|外傳|上传|"
    r"上傳|上云|上雲|外发|外發|传到|傳到|发到|發到)|"
    # lead s6: any subject that may not leave a place of the user's ("source code can't leave our infra")
    r"(?:can(?:no|')?t|cannot|can not|must not|mustn't|may not|shouldn't|should not|won't|will not|(?:is|are)(?:n't| "
    r"not) allowed to|(?:must|may|can|should|will) never)\s+(?:ever\s+)?leave\s+(?:our|the company'?s|the)\s+"
    r"(?:own\s+)?(?:infra\w*|premises|building|"
    r"network|servers?|country|company|org\w*|data ?cent(?:er|re)s?|dc|vpc|firewall|walls|house|office|cloud|"
    r"tenant|environment|systems?|perimeter|estate|"
    # s14-a: the user's own workplace ("patient notes cannot leave the practice", "... the clinic", "the firm")
    r"practice|clinic|surgery|hospital|firm|school|library|premises|town hall|council|department|agency)\b|"
    r"内网部署|本地化部署|离线部署|不能上云|地端(?:部署)?|"
    # 私有化 as a rule, not a wish ("能私有化部署最好", "希望私有化", "改成私有化部署" choose the hosting only)
    r"(?<!最好)(?<!希望)(?<!倾向)(?<!优先)(?<!能)(?<!改成)(?<!改为)私有化(?![^，。,.;；!！]{0,4}(?:最好|更好|优先))|"
    # lead s6: inside the organisation ("数据必须留在院内", "不能出院/出行"), said by a hospital, a bank, a school
    r"(?:必须|只能|需要|要)(?:留在|保存在|存在|放在|待在)(?:院|医院|行|银行|校|学校|所|局|厂|集团|单位)内|"
    r"不能出(?:院|医院|银行|行|校|单位|集团)(?![\u4e00-\u9fff]{0,1}(?:后|前))|"
    # the organisation's own data centre, said in Dutch ("moet binnen ons eigen datacenter blijven")
    r"(?:binnen|in) (?:ons|onze) (?:eigen )?(?:datacenter|rekencentrum|netwerk|servers?)\s+(?:moet(?:en)?\s+)?"
    r"(?:blijven|staan)|"
    # s9-d: "veriler kendi sunucularımızdan çıkmamalı", "डेटा हमारे सर्वर से बाहर नहीं जाएगा"
    r"\b(?:sunucular\w*|veri merkez\w*|şirket\w*|ülke\w*)\s+(?:dışına\s+)?(?:çıkmamalı|çıkamaz|çıkmayacak)\b|"
    r"बाहर नहीं (?:जा|भेज)|"
    r"不能(?:用|调用|使用)(?:外部|第三方|云|公有云|在线)?的?\s*(?:api|服务|openai)|"
    r"(?:数据|文档|资料).{0,4}(?:必须|只能|需要|要)(?:留在|保存在|存在|放在|待在)(?:本地|内网|公司|国内|自己)|"
    r"(?:必须|只能)(?:留在|保存在|存在|放在|待在)(?:本地|内网|公司|国内|境内)|不出域|只能(?:在)?内网|内网环境|隔离网|必须(?:本地|私有化|内网)部署|只能(?:本地|内网)部署|"
    r"(?:openai|apis?|the cloud|cloud|hosted (?:apis?|models?|services?)|external (?:apis?|services?)) (?:is|are) "
    r"(?:off the table|not an option|out of the question|not allowed|forbidden|a no-go|banned)|"
    # residency in indirect words, any language (after the gloss): a regulation, "outside our ...", a sovereign cloud
    r"\b(?:gdpr|rgpd|dsgvo|hipaa|lgpd)\b|"
    r"(?:processed|stored|hosted|handled|kept)\s+(?:anywhere\s+)?outside\s+(?:of\s+)?(?:our|the)\b|"
    r"(?:can(?:no|')?t|cannot|must not|may not|never|not allowed to) (?:go|be sent|leave) to (?:any |a )?"
    r"(?:third[\s\-]party|external|outside|foreign)|"
    r"\b(?:no|not|nicht|niemals|keinesfalls|never)\b[^,.;]{0,30}?\b(?:in|auf|zu|into|to)\s+(?:eine\s+|die\s+|a\s+|the\s+|"
    r"any\s+)?(?:fremde|externe|öffentliche|foreign|external|public|third[\s\-]party)\s+cloud|"
    r"\b(?:be\s+)?(?:hosted|stored|kept|processed)\s+(?:in|en|em|na|no|dans|im|in der)\s+(?:the\s+)?(?:eu|ue|france|"
    r"europe|germany|allemagne|deutschland|brasil|brazil|italia|italy|españa|spain|switzerland|suisse|schweiz)\b|"
    r"\b(?:niente|no|pas de|kein\w*|nada de|sem|sin|senza)\s+(?:cloud|nube|nuvem|apis?)\s+(?:estern[oa]|externe?s?|"
    r"external|extern[oa]s?|pubblic[oa]|publi(?:c|que)s?|öffentlich\w*|p[úu]blic[oa]s?)\b|"
    r"\bdata residency\b|sovereign cloud|cloud souverain|\bh[ée]bergement (?:certifi[ée] )?hds\b|"
    r"\bhds\b[^,.;]{0,20}\b(?:obligatoire|required|"
    r"mandatory|requis)|secnumcloud|souveräne[n]? cloud|"
    r"\bno (?:us|american|foreign) (?:hyperscalers?|clouds?|providers?|apis?)\b|"
    r"\bnot d'?(?:apis?|cloud) (?:américaine?s?|us)\b|"
    r"hosted chez nous|\brester (?:chez nous|en france|en europe|dans l'ue)|"
    r"\b(?:not|nicht) verlassen|"
    r"\b(?:nada|ningún dato|ningun dato) (?:puede|debe) salir|não (?:podem|pode|devem) sair|"
    r"non (?:possono|può|devono) uscire|"
    # s4-a (issue 17): "nothing leaves our servers" and "may not leave" in every language of the lexicon
    r"\brien ne (?:doit |peut |va )?(?:sort\w*|quitte\w*)|\bne (?:doi(?:t|vent)|peu(?:t|vent)) (?:pas|jamais) "
    r"(?:sortir|quitter)\b|\bnada (?:sale|puede salir|debe salir|sai|pode sair)\b|\bno (?:pueden|puede|deben|debe) "
    r"salir\b|\bniente (?:esce|può uscire|deve uscire)\b|\bnichts (?:verlässt|(?:darf|kann|soll)\b[^,.;]{0,40}?"
    r"(?:\braus\b|verlassen|nach außen))|\bniets (?:mag|gaat|verlaat)\b[^,.;]{0,30}(?:cloud|buiten|verlaten|naar)|"
    r"\b(?:mag|mogen) (?:\w+ )?niet "
    r"(?:naar buiten|verlaten|naar de cloud)|\bnic nie (?:może )?(?:opuszcza|wychodzi)|\bnie (?:mogą|może) "
    r"(?:opuszczać|opuścić|wychodzić)|\binget (?:får )?lämna|\bfår inte lämna\b|\bdışarı(?:ya)? (?:çıkamaz|çıkmamalı|"
    r"çıkmaz|gönderilemez|gönderemeyiz|çıkaramayız)|"
    r"\bне (?:может|могут|должны|должен|должно) (?:покидать|покинуть|выходить|уходить)|"
    r"\bничего не (?:уходит|выходит|покидает)|"
    r"不能出(?:我们)?(?:自己)?的?(?:内网|公司|本地|机房|服务器|数据中心)|(?:留在|存在)(?:境内|国内)|不(?:能|得)出境|"
    r"(?:社外|外部|国外|海外)(?:に|へ)?(?:は)?(?:データ|情報|文書|資料)?(?:を|は)?(?:一切|絶対に?|決して|全く)?(?:出せ(?:ない|ません|ず)|出す(?:こと)?(?:は)?でき(?:ない|ません)|"
    r"持ち出(?:せ|し(?:禁止|不可)))|から(?:は)?出せ(?:ない|ません)|(?:외부|밖|사외)(?:로|에)?\s*(?:나가면 안|"
    r"내보낼 수 없|유출\s*(?:금지|불가)|반출\s*(?:금지|불가))|"
    r"院外|外部の?(?:クラウド|サービス|api)(?:には|に|へ)?.{0,6}(?:出せ|送れ|使え)|社外に出せ(?:ない|ません|ず)|"
    r"외부\s*(?:api|클라우드|서비스)\S*\s*(?:사용할 수 없|쓸 수 없|사용 불가|금지)|외부로 (?:나갈|보낼) 수 없|"
    # s5-e (issue 17): residency said as a refusal, in the languages the gloss leaves as written
    r"(?:数据|资料|文档)[^,，。;]{0,4}(?:必须|需要|要|得|只能)本地化|数据本地化|"
    r"不能(?:用|调用|使用|接)(?:外部|第三方|云端?|公有云|在线|境外)的?\s*(?:接口|模型|大模型|服务)|"
    r"(?:해외|국외|외부|밖)(?:으로|로|에)?\s*(?:는\s*)?(?:나가면\s*안|(?:절대\s*)?못\s*(?:나(?=가|갑|\s|\?|$)|보내|보냅|"
    r"내보내))|"
    r"외부\s*(?:api|클라우드|서비스)\S*\s*(?:절대\s*)?못\s*(?:씁|써|쓰|사용)|"
    r"外部の?(?:クラウド|サービス|api)(?:には|に|へ)?.{0,6}(?:置け|預け(?:られ)?ない|保存でき(?:ない|ません))|"
    r"\b(?:ke )?bahar nahi (?:ja|bhej|de|jaa)\w*|\bbahar (?:nahi|mat) (?:jana|jaana|bhejna)\b|"
    # s17-b (dev19b): Nigerian Pidgin's "cannot" ("Customer data no fit leave our servers o") and the files kept from
    # any third party ("No third party should see client files, full stop")
    r"\b(?:data|files?|documents?|records?|it|dem|am)\s+no (?:fit|go|suppose(?: to)?) (?:leave|comot|commot|go out)\b|"
    r"\bno (?:third[\s\-]party|outsider|outside (?:company|party|vendor)) (?:should|may|must|can|will|fit) (?:ever )?"
    r"(?:see|access|touch|get|have|read|hold)\b|"
    r"\b(?:won'?t|doesn'?t|does not|will not|wouldn'?t|don'?t) (?:let|allow)\b[^.;]{0,40}?\b(?:go|be sent|leave|be "
    r"uploaded|send \w+)\b[^.;]{0,12}?\b(?:to )?(?:an? |any )?(?:third[\s\-]party|external|outside|cloud|foreign|"
    r"hosted|public)|(?:can(?:no|')?t|cannot|must not|may not|mustn't) (?:go|be sent) anywhere|"
    r"\bnot (?:de |d')?(?:apis?|cloud)s? (?:am[ée]ricaine?s?|us|[ée]trang[eè]re?s?)\b|(?:数据)?不(?:能|得|可)?出境|"
    r"\b(?:not|never|cannot|can'?t|mustn'?t|may not)\s+(?:be\s+)?(?:transferred|moved|sent|processed|stored|hosted)\s+"
    r"(?:to\s+|anywhere\s+)?outside\b|\bno (?:\w+ )?data (?:on|to|in|with|at) (?:any )?(?:third[\s\-]party|external|"
    r"outside|foreign|us|american|public) (?:servers?|clouds?|providers?|vendors?|apis?|services?)|"
    r"(?:国外|海外|社外|外部)の?(?:サーバー?|クラウド|データセンター)(?:には|に|へ)?(?:は)?(?:置け|保存でき|預け)|"
    r"(?:can'?t|cannot|must not|may not|never) (?:go|be sent|be stored|be hosted) (?:to|on|in) (?:any )?(?:us|american|"
    r"us-based|foreign|chinese|non-eu|overseas) (?:servers?|clouds?|providers?|data ?cent(?:er|re)s?)\b|"
    r"\b(?:şirket|kurum|ülke|türkiye)\w* dışına (?:çıkamaz|çıkmamalı|çıkmaz|gönderilemez|çıkarılamaz|çıkartılamaz)|"
    r"\b(?:ke )?andar (?:hi )?(?:rehna|rahna|rahega|rahe|rakhna)\b|"
    r"\bdarf nichts (?:\w+ )?(?:nach au(?:ß|ss)en|raus|hinaus)\b|(?:can'?t|cannot|must not|may not|never) (?:go|"
    r"be sent|"
    r"leave|be uploaded|be stored) (?:to|in|on) (?:any |a |the )?(?:public|hosted|external) clouds?\b|"
    r"\b(?:stays?|remains?|lives?|is kept|are kept|sits?)\s+(?:\w+\s+)?(?:in|within|on|inside)\s+(?:our|"
    r"the company'?s)\s+"
    r"(?:own\s+)?(?:data ?cent(?:er|re)s?|servers?|premises|network|infrastructure|building|vpc|private cloud)\b|"
    r"(?:绝对)?不能(?:传|发|上传|外传|泄露|放)(?:到|给)?(?:外部|外面|外网|公网|云上|云端|第三方)|"
    r"(?:不能|不可以|不得|不准|不允许)出(?:厂区|廠區|园区|大楼|单位|院|行|集团|境|国|香港|澳门|台湾|新加坡|大陆|中国)|"
    # s7-e: no external API may be called, in every language of the lexicon ("不能调用任何外部 API", "Kein externer
    # API-Call", "no public APIs", "aucune API externe", "外部APIは使えません", "외부 API는 사용할 수 없어요")
    r"\bno (?:external|extern\w*|public|third[\s\-]party|cloud|hosted|outside) (?:apis?|api[\s\-]calls?|endpoints?|"
    r"llm apis?)\b|"
    r"\b(?:can(?:no|')?t|cannot|must not|may not|not allowed to|never) (?:call|use) (?:any |an? )?(?:external|public|"
    r"third[\s\-]party|cloud|hosted|outside) (?:apis?|services?|endpoints?)\b|"
    r"(?:不能|不可以|不得|不准|不允许|禁止)(?:调用|使用|用|接入)?(?:任何)?(?:的)?(?:外部|外网|境外|国外|第三方|公有云|云端|云上)"
    r"(?:的)?\s*(?:api|接口|服务|模型)|"
    r"\bkein(?:e[nr]?)? (?:externe[nr]?|öffentliche[nr]?) api(?:[\s\-]?(?:calls?|aufrufe?)|s)?\b|"
    r"\b(?:pas d'|aucune )api (?:externe|publique|tierce)s?\b|\b(?:ninguna|sin) apis? externas?\b|"
    # (the gloss writes "externe", "externa", "esterna" as "external": "aucune api external", "geen external api's")
    r"\b(?:aucune|ninguna|nenhuma|nessuna|niente|geen|żadn\w+|inga|sin|sem|pas d'|keine?n?)\s*(?:api(?:'s|s)?\s+"
    r"(?:external|extern\w*|estern\w*|tierce|publique)|(?:external|extern\w*|öffentlich\w*)\s+api(?:'s|s)?)(?![a-z])|"
    r"\b(?:nenhuma|sem) apis? externas?\b|\b(?:nessuna|niente) api esterne?\b|\bgeen externe api'?s?\b|"
    r"\b(?:żadnych|bez) zewnętrznych api\b|\binga externa api(?:er)?\b|\bnever an external api\b|"
    r"(?<![а-я])(?:никаких|без) внешних (?:api|апи)(?![а-я])|"
    r"外部(?:の)?\s*api\s*(?:は|を)?\s*(?:使えません|使用できません|利用できません|使えない|禁止)|"
    r"외부\s*api(?:는|를)?\s*(?:못\s*써|사용할 수 없|사용 불가|금지|쓸 수 없)|"
    r"(?:公有云|公有雲|公网|云端|云上)[^,，。]{0,12}(?:都)?(?:不行|不可以|不允许)|"
    r"\b(?:se )?(?:queden|quedan|quedarse|quedar|fiquem|ficam|ficar|restino|restano|restare|restent|rester|bleiben)\s+"
    r"(?:en|em|in|nos|nei|sui|sur|dans|auf)\s+(?:our|nuestros|nuestro|nossos|nosso|nostri|nostro|nos|unseren|unserem)\s+"
    r"(?:propios?\s+|próprios?\s+|own\s+|propres?\s+|eigenen\s+)?(?:servidores|servidor|servers?|serveurs?|server\w*)|"
    r"\bnie (?:mogą|może|powinny|wolno) (?:\w+ )?(?:wyjść|wychodzić|opuszczać|opuścić|trafić)\b|"
    # s8-f: the data may not go to the cloud / abroad, in every language ("Os dados não podem ir pra nuvem", "Bitte
    # nichts in die Cloud", "Die Daten dürfen nicht in die USA", "Buluta gönderemeyiz", "Дані не можна передавати в
    # хмару", "Data mag de deur niet uit", "数据不出公司", "不能放到国外的云")
    r"\b(?:não|no|non|ne|nicht|not|niet|nie|inte|never|nunca|jamais|mai)\s+(?:\w+\s+){0,2}?(?:ir|salir|sair|aller|"
    r"andare|gehen|go|gaan|iść|trafić|gå|be sent|be uploaded|enviar|mandar|envoyer|inviare|schicken|sturen|wysyłać|"
    r"skickas|skicka)\s+(?:\w+\s+){0,2}?(?:nube|nuvem|cloud|chmur\w*|moln\w*)\b|"
    r"\b(?:nichts|nothing|niets|rien|nada|niente|nic|inget)\b[^,.;]{0,20}?\b(?:in|into|to|auf|naar|dans|en|na|nella|"
    r"nel|w|i|till|para|pra)\s+(?:die |de |the |la |le |a |o )?(?:cloud|nube|nuvem|chmur\w*|moln\w*)\b|"
    # a message that opens with "no cloud" ("no cloud, please", "keine Cloud, bitte", glossed "no cloud"; "nope, no
    # cloud"): the cloud refused, not a bare "no" to the residency question
    r"^\W*(?:(?:no|nope|nah|nein|nee|non|nie|nej|hayır|нет|ні)\W+)?(?:no|keine?|geen|pas de|sin|sem|niente|żadnej|"
    r"ingen|inget|bulut yok|без|никакого|жодної)\s+(?:public |external |öffentliche |externe )?(?:cloud|nube|nuvem|"
    r"chmury|moln|облака|хмари)\b(?![\s\-]*(?:account|credits?|budget|instances?|gpus?|vms?|experience|provider|"
    r"for now|"
    r"yet)\b)|"
    r"\b(?:keine|kein|geen|pas de|sin|sem|niente|żadnej|ingen|inget)\s+(?:public |öffentliche |externe |external )?"
    r"(?:cloud|nube|nuvem|chmury|moln)\b(?![\s\-]*(?:account|credits?|budget|instances?|gpus?|vms?|experience|provider|"
    r"konto|guthaben|(?:for now|yet|pour l'instant|por ahora|por enquanto|per ora|voorlopig|na razie|"
    r"för tillfället|noch|bisher|encore|todavía|ainda|ancora|nog|jeszcze|än)\b))|"
    r"\b(?:dürfen|darf|können|kann|must|may|can|mag|mogen|får|mogą|może)\s+(?:\w+\s+)?(?:not|nicht|niet|inte|nie)\s+"
    r"(?:\w+\s+)?(?:in|nach|to|naar|till|do|into)\s+(?:die |the |de |het )?"
    r"(?:usa|the us|u\.s\.|amerika|america|ausland|"
    r"abroad|overseas|buitenland|utlandet|zagranic\w*|china|drittl[äa]nder\w*|third countr\w*)\b|"
    r"\b(?:mag|mogen) (?:\w+ )?(?:de deur|het huis|het pand|het gebouw) niet uit\b|\bniet de deur uit\b|"
    r"\bbulut\w* (?:\w+ )?(?:gönderemeyiz|gönderilemez|gönderemez|çıkamaz|yükleyemeyiz|koyamayız|kullanamayız|yasak\w*|"
    r"olmaz)\b|\bharici (?:api|servis|hizmet)\w* (?:kullanamayız|kullanılamaz|yasak\w*|olmaz)\b|"
    r"\byurt ?dışına (?:çıkamaz|çıkmamalı|çıkmaz|gönderilemez|çıkarılamaz|gidemez)|"
    r"(?<![а-яіїє])(?:не можна|нельзя|не можно|заборонено|запрещено)\s+(?:\w+\s+){0,2}?(?:в|у|до|на)\s+"
    r"(?:хмар\w*|облак\w*|зовнішн\w*|внешн\w*|сторонн\w*)|"
    r"(?<![а-яіїє])не (?:можна|можемо|можем|можно|маємо права|имеем права) (?:використовувати|використати|"
    r"відправляти|передавати|завантажувати|использовать|отправлять|передавать|загружать)[^.;]{0,25}(?:зовнішн|хмар|"
    r"api|апі|сторонн|внешн|облак|openai|cohere)|"
    r"(?:数据|资料|文档)?不出(?:我们)?(?:公司|内网|本地|机房|园区|国门?|境|院|行|单位|集团|大楼|厂)|"
    r"不能(?:放|传|发|存|上传)(?:到|在|给)(?:国外|境外|海外|外国|公有云|云上|云端)|"
    r"(?:要|得|须)(?:留在|存在|放在|保存在)(?:本地|内网|公司|国内|境内|香港|台湾|大陆|中国|新加坡|澳门)|"
    r"(?:要|必须|只能|需要|得|须)(?:在)?(?:境内|国内|本地|内网)(?:存储|保存|存放|处理)|"
    r"\bprivate cloud only\b|"
    # s12-a: the cloud said to be taboo, forbidden or out of the question, in every language of the lexicon ("Cloud ist
    # bei uns tabu", "le cloud est exclu", "la nube está prohibida", "クラウドはタブー", "云是禁区", "클라우드는 금지")
    r"(?<![\w-])(?:cloud|nube|nuvem|nuage|chmura)(?:[\s\-]*(?:apis?|services?|dienste?|l[öo]sung(?:en)?))?\s+"
    r"(?:\w+\s+){0,3}?(?<!not )(?<!nicht )(?:tabu|taboo|tabou|tabú|verboten|ausgeschlossen|not in frage|interdit|"
    r"exclue?|proscrit|prohibid[ao]|excluid[ao]|proibid[ao]|vietat[ao]|esclus[ao]|(?:a |ein )?no[\s\-]go|"
    # s14-b: "cloud geht nicht wegen DSGVO", "cloud is not an option", "Cloud ist keine Option"
    r"geht (?:nicht|not)|kommt (?:nicht|not) in frage|keine option|not an option|not possible|pas possible|"
    r"pas une option|"
    r"no es (?:una )?opci[óo]n|não é (?:uma )?opção|out of the question)(?![\w-])|"
    r"クラウド(?:は|も)?(?:タブー|禁止|ng|ダメ|だめ|無理|不可)|(?:公有)?云(?:端|服务)?(?:是|也)?(?:禁区|禁止|不行)|"
    r"클라우드(?:는|도)?\s*(?:금지|안\s*돼|안\s*됩|불가)|"
    r"\bonly (?:in|inside|within) our (?:own )?(?:vpc|private cloud|tenant|data ?cent(?:er|re)s?|"
    r"network)\b|"
    r"(?:必须|只能|一定要|得)(?:在)?(?:本地|内网)(?:部署|处理|存储|运行|跑)?(?=$|[，。,.;！!])|"
    # s8-f: "it stays with us", "so it stays in-house"; Hinglish "company ke andar hi rehna chahiye" (glossed
    # "company within hi rehna")
    r"\b(?:it|data|everything|they|all of it|the data)\s+(?:stays?|remains?)\s+(?:with us|in[\s\-]house|on our side|"
    r"inside|internal)\b|\bwithin (?:hi )?(?:rehna|rahna|rahega|rahe|rakhna|rakhenge)\b|"
    # s8-f: "none of it can leave", "nessun dato può uscire", "aucune donnée ne doit sortir", "nenhum dado pode sair",
    # "дані не можуть виходити за межі нашої інфраструктури", "нічого не виходить"
    r"\bnone of (?:it|them|this|that|the \w+|our \w+)(?:\s+\w+){0,2}?\s+(?:can|may|should|must|will|is allowed to|"
    r"gets? to)\s+(?:ever\s+)?(?:leave|go (?:out|outside|off)|be (?:sent|taken|moved) (?:out|outside|off))\b|"
    r"\bnessun[oa]? (?:\w+ ){0,2}?(?:può|deve|potrà|dovrà|possono|devono) (?:mai )?(?:uscire|lasciare|andare fuori)\b|"
    r"\baucun\w* (?:\w+ ){0,2}?ne (?:doi(?:t|vent)|peu(?:t|vent)|va|sort|quitte)\b|"
    r"\b(?:nenhum|nenhuma|ningún|ninguna|ningun) (?:\w+ ){0,2}?(?:pode|podem|deve|devem|puede|pueden|debe|deben) "
    r"(?:nunca )?(?:sair|salir|deixar|dejar)\b|"
    r"(?<![а-яіїє])не (?:може|можуть|мають|має|повинні|повинна|повинно|повинен|слід|можна) (?:\w+ )?(?:залишати|"
    r"покидати|покинути|виходити|вийти|передаватися|передавати|потрапляти|йти)(?![а-яіїє])|"
    r"(?<![а-яіїє])нічого не (?:виходить|залишає|покидає|йде|передаємо)(?![а-яіїє])|"
    r"(?:внешн\w*|сторонн\w*|облачн\w*) (?:api|апи|сервис\w*|облак\w*)[^.,;]{0,20}(?:нельзя|запрещ\w*|не можем|"
    r"не разрешен\w*)|нельзя (?:использовать|отправлять|передавать)[^.;]{0,25}(?:внешн|облак|api|сторонн)")
SELF_HOSTED = re.compile(r"self[\s\-]?host(?:ed|ing)?|host (?:it |them |the models? |everything )?ourselves|"
                         r"run (?:it|them|the models?) ourselves|on our own (?:servers?|gpus?|machines?|hardware)|"
                         r"私有化部署|私有部署|自己部署|本地部署|地端部署|^\s*地端|部署\s*[:：]\s*地端|自建|自托管|自行部署|本地运行|"
                         # s5-e (issue 17): the model hosted by the user in the languages the gloss leaves as written
                         r"\b(?:lo|la|los|las) (?:queremos |vamos a |tenemos que |debemos |preferimos )?(?:alojar|"
                         r"hospedar|"
                         r"desplegar|montar|gestionar|servir|correr) nosotros\b|\b(?:alojar|hospedar|desplegar|montar|"
                         r"gestionar)(?:lo|la)? nosotros(?: mismos)?\b|\bauto-?aloja\w*|\bauto-?hosped\w*|"
                         r"\b(?:ospit|gestis|gestir|install|deploy|far girar|fare girar)\w* noi(?: stessi)?\b|"
                         # s16-b: models we can run ourselves, any form of the verb ("preferimos modelos que
                         # podamos correr nosotros", "que ejecutemos nosotros", "que a gente mesmo rode")
                         r"\b(?:corr|ejecut|aloj|hosped|despleg|mont|gestion)\w*\s+(?:\w+\s+){0,2}?nosotros\b|"
                         r"\b(?:lo|la|los|las) (?:alojamos|hospedamos|desplegamos|montamos|gestionamos|servimos|"
                         r"corremos) (?:nosotros|en casa|internamente)\b|\bh[ée]berger (?:\w+ )?(?:en interne|"
                         r"chez nous)\b|"
                         r"\bl'h[ée]berger (?:nous-mêmes|en interne|chez nous)\b|\bkendi sunucular\w* (?:\w+ )?"
                         r"(?:çalıştır|barındır|host|kur)\w*|"
                         r"\b(?:lo|la) (?:ospitiamo|gestiamo|installiamo|facciamo girare|deployamo) noi\b|"
                         r"\b(?:ospitar|installar|gestir)\w* (?:il modello |i modelli )?(?:internamente|in casa|"
                         r"in[\s\-]house)\b|"
                         r"\b(?:köra|kör|hosta|hostar|drifta|driftar|driva|driver) (?:\w+ )?(?:själva|själv|internt)\b|"
                         r"\bkendimiz (?:barındır|host|çalıştır|kur|yönet)\w*|\b(?:barındır|host|"
                         r"çalıştır)\w* kendimiz\b|"
                         r"\b(?:разворачивать|развернуть|развернём|хостить|запускать|поднимать|поднять|держать)\w* "
                         r"(?:\w+ )?(?:сами|самостоятельно|у себя)\b|\bсами (?:будем )?(?:разворачивать|развернём|"
                         r"хостить|"
                         r"запускать|поднимать|поднимем)|"
                         # s8-f: hosted by ourselves in Dutch, Portuguese, French, Italian, Polish, Swedish ("we hosten
                         # het model liever zelf", "hospedar nós mesmos", "sami hostować")
                         r"\b(?:hosten|draaien|beheren|runnen|deployen)\b(?:(?!\bniet\b|\bgeen\b)[^,.;]){0,25}?\bzelf\b|"
                         r"\bzelf (?:hosten|draaien|"
                         r"beheren|runnen)\b|\b(?:hosped|rod|hoste|alojar|deplo|héberg|heberg|ospit|hostowa|uruchomi|"
                         r"utrzymywa|hosta|drifta)\w*\s+(?:\w+\s+){0,3}?(?:nós mesmos|nosotros mismos|nous[\s\-]mêmes|"
                         r"noi stessi|sami|samodzielnie|själva)\b|\bsami (?:hostować|utrzymywać|uruchomić|postawić)\b|"
                         r"\b(?:khud|khudh|apne aap) (?:hi )?(?:host|deploy|chala|"
                         r"run)\w*|"
                         # s7-e: Ukrainian ("Маємо хостити модель самі", "розгорнемо у себе")
                         r"\b(?:хостити|розгорта\w*|розгорнути|розгорнемо|запускати|підняти|тримати)\w* (?:\w+ )?"
                         r"(?:самі|самостійно|у себе)(?![а-яіїє])|(?<![а-яіїє])самі (?:будемо )?(?:хостити|розгорта\w*|"
                         r"розгорнемо|запускати)|"
                         # s9-d: "a diretoria quer rodar tudo em servidor próprio", "model apne server pe hi chalana"
                         r"\b(?:rodar|hospedar|roda|rodamos|hospedamos)\b[^.;]{0,20}\bservidor(?:es)? próprios?\b|"
                         r"\bapne (?:server|servers)(?: pe| par)? (?:hi )?chala")
API_ONLY = re.compile(r"(?<!self-)(?<!self )(?<!self)(?:api|hosted|managed)[\s\-]only|"  # not "self-hosted only"
                      r"rather not (?:run|host|manage|self-host)|"
                      r"an? (?:api|hosted (?:api|service)) (?:is|would be) (?:easiest|simplest|easier|simpler|best)|"
                      r"\bonly (?:an? )?(?:api|hosted|managed)\b|"
                      r"prefer (?:an? )?(?:api|hosted|managed)|"
                      # s16-b: "a gente prefere API", "prefieren una API", "preferisce l'API", "préfère une API"
                      r"\b(?:prefere|preferem|prefieren?|preferisce|preferiscono|préfère|préfèrent)\s+"
                      r"(?:(?:uma|una|un'|une|a|la|l'|o) ?)?api\b|"
                      r"(?:don'?t|do not) want to (?:self[\s\-]?)?(?:host|run|manage|maintain)|"
                      r"\bavoid (?:running|hosting|operating|managing|maintaining|babysitting) (?:our own |any |the )?"
                      r"(?:\w+ )?(?:servers?|gpus?|infrastructure|infra|models?|inference)\b|"
                      r"(?:won'?t|will not|(?:are|'re) not going to|aren'?t going to) "
                      r"(?:host|run|operate|manage|maintain) "
                      r"(?:anything|it|the models?|models?|any (?:models?|gpus?|servers?)) ourselves|"
                      r"\bno (?:ops|infra(?:structure)?) (?:team|people)|just (?:call|use) an? api|"
                      # s14-a (issue 17): a service bought ready, servers not wanted, in plain words ("a ready-made
                      # service", "an online service would suit us", "we don't want to buy servers", "no people to
                      # look after servers", "we can't manage servers ourselves")
                      r"\b(?:prefer|rather|want|like|need|suit|pay for|go with|have)\b[^.;]{0,25}?\b"
                      r"(?:ready[\s\-]made|off[\s\-]the[\s\-]shelf|turnkey|finished|online|subscription) service\b|"
                      r"\b(?:ready[\s\-]made|off[\s\-]the[\s\-]shelf|turnkey|finished|online|subscription) service "
                      r"(?:would|will|could|is|might) (?:\w+ )?(?:suit|be (?:\w+ )?(?:convenient|easier|easiest|"
                      r"simpler|simplest|best|ideal|fine|good|enough))\b|"
                      r"\b(?:don'?t|do not|won'?t) (?:want|need|plan) to (?:buy|rent|run|keep|maintain|look after|"
                      r"manage|set up) (?:\w+ )?(?:servers?|hardware|machines)\b|"
                      r"\b(?:no|not enough|nobody|no one|no-one) (?:\w+ )?(?:people|staff|one|body)? ?(?:to|who can|"
                      r"who could) (?:look after|maintain|manage|run|administer|babysit) (?:\w+ )?(?:servers?|"
                      r"machines|hardware)\b|"
                      r"\b(?:can'?t|cannot|could not|couldn'?t|not able to|unable to) (?:manage|run|maintain|"
                      r"administer|look after) (?:\w+ )?servers?(?: ourselves)?\b|"
                      r"只用\s*api|只想用\s*api|不想(?:自己)?(?:部署|运维|维护|折腾|搞|弄|管|养)|用\s*api\s*就行|"
                      r"直接调用?\s*\S{0,10}api|"
                      # s5-e (issue 17): an API preferred, servers not wanted, in the other languages of the lexicon
                      r"\b(?:preferimos|preferiríamos|preferiamo|preferiremmo|préférons|préférerions|bevorzugen|"
                      r"wolimy|föredrar|tercih ediyoruz|предпочитаем|prefer(?:iamo|imos)?)\s+(?:\w+\s+){0,2}?"
                      r"(?:una |un'|une |eine |uma |an? |een |ett )?(?:api|servicio gestionado|service managé)\b|"
                      r"\bno (?:queremos|quiero|quieren) (?:administrar|gestionar|mantener|operar|montar) (?:\w+ )?"
                      r"(?:servidores|gpus?|infraestructura)|\bnão (?:queremos|quero) (?:gerenciar|administrar|manter|"
                      r"operar) (?:\w+ )?(?:servidores|gpus?|infraestrutura)|\bnon (?:vogliamo|voglio) (?:gestire|"
                      r"mantenere|amministrare) (?:\w+ )?(?:server|gpu|infrastruttura)|\bne (?:veut|voulons) pas "
                      r"(?:gérer|maintenir|administrer) (?:de |des )?(?:serveurs|gpus?|infra\w*)|\bwir wollen keine "
                      r"(?:eigenen )?(?:server|gpus?|infrastruktur) (?:betreiben|verwalten|pflegen)|"
                      # lead s7: an API wanted, in an opening as much as after the question
                      r"\b(?:it|this|that) (?:has|needs|will have) to be (?:an? |via (?:an? )?)?(?:hosted )?api\b|"
                      r"\b(?:we|i) (?:want|need|plan|intend|would like|'d like|will|'ll) (?:to )?(?:use|go with|call|"
                      r"start with) (?:an? )?(?:hosted |managed )?api\b|"
                      r"\bchcemy (?:korzystać|skorzystać|używać) z api\b|\bwolimy api\b|"
                      # s8-f: an API preferred in the other languages ("API kullanmayı tercih ederiz", "liever een
                      # API", "hellre ett API", "raczej API", "лучше через API", "краще через API")
                      r"\bapi\w*\s+(?:\w+\s+)?tercih eder\w*|\btercih\w* api\b|\bliever (?:een |via een |via )?api\b|"
                      r"\bvoorkeur (?:voor|gaat naar) (?:een )?api\b|\b(?:helst|hellre) (?:ett |via )?api\b|"
                      r"\braczej (?:przez )?api\b|(?<![а-яіїє])(?:лучше|краще|предпочтительно|бажано) (?:через |по )?"
                      r"(?:готов\w+ )?(?:api|апі)(?![а-яіїє])|"
                      r"\bapi (?:olsun|olsa|daha (?:kolay|iyi))\b|"
                      r"\bh[äa]tten? gerne? (?:eine? )?api|\bapi[\s\-]l[öo]sung\b|\bwir wollen (?:eine? )?api\b|"
                      r"\bapi bevorzugt\b|\bdonc (?:une |l')?api\b|\bpasser par (?:une |l')?api\b|"
                      r"\b(?:queremos|quiero|vamos a) (?:usar|utilizar|tirar de) (?:una |uma |la |a )?api\b|"
                      r"\b(?:vogliamo|vorremmo) (?:usare|utilizzare|passare per) (?:un'|una )?api\b|"
                      r"api\s*(?:を|で)\s*(?:使いたい|利用したい|お願い|考えて|いきたい)|"
                      r"api\s*(?:를|로)\s*(?:쓰고 싶|사용하고 싶|하고 싶|가고 싶)|(?:希望|想)(?:用|使用|调用)\s*api|"
                      # s9-d: a change of plan to an API ("management wants us to use a hosted API after all",
                      # "还是直接用云厂商的API吧", "useremo un'API esterna", "zarząd woli gotowe API", "користуватися
                      # готовим API", "köra via ett hostat API", "होस्टेड API इस्तेमाल", "pakai API")
                      r"\b(?:wants?|decided|asked|told) (?:us )?(?:to )?(?:use|go with|switch to|move to) "
                      r"(?:an? |the )?(?:hosted |managed |external |cloud )?api\b|直接用\S{0,10}api|不(?:再)?自己部署|"
                      r"\b(?:useremo|usiamo|useremmo|utilizzeremo) (?:un'|una |l')?api\b|"
                      r"\bwol\w+ (?:gotowe |zewnętrzne )?api\b|(?<![а-яіїє])(?:користуватися|використовувати|"
                      r"пользоваться|использовать) (?:готов\w+ )?(?:api|апі)(?![а-яіїє])|"
                      r"(?<!inte )\b(?:köra|gå) via (?:ett |en )?(?:hostat |externt )?api\b|होस्टेड api|"
                      r"api इस्तेमाल कर|\b(?:mau|ingin|akan) (?:pakai|memakai|menggunakan|gunakan) api\b|"
                      # s11-b: going with an API, nobody to keep a server ("vamos de API mesmo, ninguém quer manter
                      # servidor", "on part sur une API", "wir nehmen doch eine API")
                      r"\bvamos (?:de|com|con) (?:uma |una |la |a )?api\b|\bandiamo (?:con|di) (?:un'|una |l')?api\b|"
                      r"\bon part sur (?:une |l')?api\b|\bwir nehmen (?:doch )?(?:eine |die )?api\b|"
                      r"\bgaan (?:voor|met) (?:een )?api\b|\bkör (?:på |med )?(?:ett )?api\b|"
                      # s15-b: no wish to run GPUs or servers ("ingen lust att drifta GPU:er", "geen zin om servers
                      # te beheren", "keine Lust, GPUs zu betreiben", "nie chcemy utrzymywać GPU")
                      r"\bingen lust att (?:drifta|driva|sköta|köra) (?:egna )?(?:gpu|server|servrar|hårdvara)|"
                      r"\bgeen (?:zin|behoefte) (?:om|in) (?:\w+ )?(?:gpu|servers?|hardware)\w* (?:te )?"
                      r"(?:beheren|draaien|onderhouden)|"
                      r"\bkeine lust,? (?:\w+ )?(?:gpus?|server|hardware) zu (?:betreiben|warten|pflegen)|"
                      r"\b(?:nobody|no one|no-one) (?:wants|is going) to (?:maintain|run|manage|babysit|look after) "
                      r"(?:a |the |any |our own )?servers?\b|"
                      # lead s12: no team to host it ("self host için ekip yok", "no team to self-host", "kein Team
                      # für Self-Hosting", "pas d'équipe pour l'héberger", "sin equipo para self-hosting")
                      r"\b(?:no|not enough|kein\w*|pas d'|sin|sem|nessun\w*|geen|brak) ?(?:team|people|staff|ops|"
                      r"équipe|equipo|equipe|squadra|personal|personeel|zespołu|devops|one|body|headcount)\b.{0,12}"
                      r"\b(?:to|for|für|zum|pour|para|per|om|do) (?:the |l'|la |le )?(?:self[\s\-]?host\w*|host\w* it|"
                      r"run (?:it|a model|our own)|héberger|hospedar|ospitare|hosten|betreiben|betrieb)|"
                      r"\bself[\s\-]?host\w* (?:için|icin) (?:ekip|ekibimiz|kimse|adam|personel)\w* yok\b|"
                      r"\bningu[ée]m quer (?:manter|gerenciar|administrar|cuidar de) "
                      r"(?:\w+ )?servidor|\bnadie quiere (?:mantener|gestionar|administrar) (?:\w+ )?servidor")
API_OK = re.compile(
                    # s17-a: a hosted API approved by whoever decides ("Compliance ya dio el visto bueno para usar una
                    # API externa", "o jurídico já aprovou o uso de uma API", "a validé l'utilisation d'une API",
                    # "hat die Nutzung einer externen API freigegeben", "法务已经批准用外部API")
                    r"(?<!no )(?:dio|dieron|ha dado|han dado) (?:el |su )?visto bueno (?:para|a) "
                    r"(?:usar|utilizar|el uso de|mandar|enviar)\b[^.;!?]{0,20}?\b(?:apis?|cloud|openai|cohere)\b|"
                    r"(?<!não )(?<!nao )\b(?:aprovou|aprovaram|liberou|liberaram|autorizou) (?:o |or |a )?"
                    r"(?:uso|utilização) (?:de |da |do )?(?:uma |um )?(?:apis?|cloud|openai)\b|"
                    r"\b(?:a|ont) (?:validé|approuvé|autorisé) l'utilisation d'une? (?:apis?|cloud)\b|"
                    r"\b(?:hat|haben) (?:die )?(?:nutzung|verwendung) (?:einer |der )?(?:externen |cloud-?)?apis? "
                    r"freigegeben|(?<![没未不])(?:批准|同意)了?(?:我们)?(?:用|使用|调用)(?:外部|第三方)?(?:api|云)|"
                    r"\b(?:ok|okay|fine|happy|comfortable) (?:with|using) (?:azure openai|openai|cohere|voyage|"
                    r"an? (?:hosted )?apis?|hosted apis?|the cloud|cloud apis?)\b|security (?:team )?(?:has |already )*"
                    r"(?:signed off|approved)|可以用\s*(?:azure|openai|api|云)|"
                    r"(?:api|apis|hosted (?:api|service|model)s?|saas|openai|cohere|voyage|"
                    r"third[\s\-]party (?:api|service)s?)\s+(?:is|are|would be)?\s*(?:totally |perfectly )?"
                    r"(?:fine|ok|okay|acceptable|allowed|good|no problem|prima\b)|"
                    r"\bcan use (?:an? )?(?:api|apis|openai|cohere|voyage|hosted)|"
                    r"(?:fine|ok|okay|happy|allowed) (?:to|with) (?:use |using |call |calling )?(?:hosted |external |"
                    r"third[\s\-]party |cloud )?(?:apis?|openai|cohere|voyage|bedrock|azure openai|gemini|vertex|"
                    r"mistral|jina)\b|(?:api|hosted) is (?:fine|ok)|"
                    r"可以(?:用|调用|使用)?\s*(?:api|openai|在线服务|第三方)|(?:api|云服务)(?:也)?(?:可以|"
                    r"没问题|行|ok)|"
                    # s10-c: "een cloud-API is hier prima", "nothing stops us from using a cloud API", "bulut
                    # API'sine gönderilebilir", "gửi lên API cloud được"
                    r"(?:cloud[\s\-]?)?apis?\s+(?:is|zijn|ist|est|è|é|es)\s+(?:\w+\s+)?(?:prima|fine|ok|okay|goed|"
                    r"oké|bien|bene|ótimo|in orde)\b|\bnothing (?:stops|prevents|keeps) us from (?:using|calling)\b|"
                    r"\b(?:bulut\w*|api\w*)(?:'\w+)?\s+(?:gönderilebilir|gönderebiliriz|kullanabiliriz|"
                    r"kullanılabilir)\b|gửi (?:lên|sang|qua) (?:api|cloud)[^.,;]{0,15}\bđược\b|"
                    # lead s16: "API 써도 되고", "外部APIを使っても問題ありません" (the gloss reads the other forms)
                    r"(?<![a-z])api\s*(?:를|는|도)?\s*(?:써도|사용해도|이용해도|호출해도|쓰셔도)\s*(?:되|괜찮|돼|무방)|"
                    r"(?<![a-z])api\s*(?:を|は)?\s*(?:使って|利用して|呼んで)も\s*(?:問題ない|問題ありません|大丈夫|いい|ok|構わない|"
                    r"かまわない|平気)")
# A preference for a hosted API said in passing ("I just want an API", "API it is", "we'd rather pay per token than
# babysit GPUs"): who runs the model, nothing about where the data may go.
API_PREFERRED = re.compile(r"\b(?:just|only|really) want (?:to use )?(?:an? )?(?:api|hosted (?:api|service|model))\b|"
                           r"\bapi it is\b|\ban? (?:managed|hosted) (?:service|api|offering)s? (?:would be|is) "
                           r"(?:ideal|preferred|great|perfect|best|easiest|simplest)\b|\bprefer (?:a )?managed\b|"
                           r"\brather (?:call|use|pay for|go with) (?:an? )?(?:api|hosted|managed)\b|"
                           r"\b(?:rather )?pay per (?:token|call|request) than\b|"
                           r"(?:nobody|no one|don'?t want to|do not want to|rather not)\b[^.;]{0,25}\bbabysit\w*|"
                           # s15-a: "We'd call an API, need p95 under 200ms", "We want an API, budget USD 2k/month"
                           r"\bwe(?:'d| would|'ll| will)? (?:just |probably |likely )?(?:call|use|hit|want) "
                           r"(?:an?|the|their) (?:[\w\-]+ )?api\b(?!\s*(?:or|vs|versus)\b)(?![^.;?]{0,40}\?)")
# lead s16 (issue 17): a hosted API named as the way the team will go, in an opening that states many fields
# (heldout49: "On préfère une API managée", "倾向用API", "모델은 API로 쓰는 게 현실적", "APIかマネージドサービスを使う
# ことになる", "wir würden eher eine API nehmen"): who runs the model, nothing about the data. The reader drops it in a
# sentence about the LLM's API (``understanding_statements._api_chosen``).
# The hosted embedding providers a user names as the one the team will call (lead s17)
_PROVIDER = r"(?:azure openai|openai|bedrock|vertex(?: ai)?|cohere|voyage(?: ai)?|gemini|mistral|jina|together(?: ai)?)"
API_CHOSEN = re.compile(
    r"\bend up (?:using|with|calling) (?:an? |the )?(?:hosted |managed |cloud )?(?:api|managed service)\b|"
    r"\b(?:an? |the )?(?:hosted |managed )?api (?:is|seems|would be) (?:the )?(?:more |most )?(?:realistic|"
    r"practical|pragmatic)\b|\brealistically,? (?:an? |the )?(?:hosted |managed )?api\b|"
    r"\bpréf[èé]r\w*\s+(?:\w+\s+){0,2}?(?:une |un |l')?(?:api|service managé|solution managée|saas)\b|"
    r"\bune api managée\b|"
    r"\b(?:eher|lieber|am liebsten)\s+(?:eine |einen |über eine )?(?:api|managed service|saas|cloud[\s\-]?api)\b|"
    r"\b(?:würden|werden) (?:wohl |eher |vermutlich |wahrscheinlich )?(?:eine |die )?api (?:nutzen|verwenden|"
    r"nehmen)\b|"
    r"\b(?:usar[íi]amos|usaremos|utilizar[íi]amos|utilizaremos|iríamos con|iremos con|useremmo|useremo|"
    r"usar[íi]amos) (?:una |uma |un'|la |a )?api\b|"
    r"\b(?:prefer[íi]\w*|preferiamo|prefiero) (?:\w+ ){0,2}?(?:una |uma |un'|la |a )?(?:api|servicio gestionado|"
    r"servicio administrado|serviço gerenciado|servizio gestito)\b|"
    r"(?:api|マネージドサービス)(?:か|や|または)?\S{0,15}?(?:を|で)\s*(?:使う|利用する)(?:こと|予定|つもり|方向|形|想定)|"
    r"(?:\bapi|using an api)\s*(?:로|를)?\s*(?:쓰는|사용하는|이용하는)?\s*(?:게|것이|쪽이)\s*(?:현실적|나을|좋을|"
    r"맞을|편할)|\bapi\s*(?:를|로)?\s*(?:쓸|사용할|이용할)\s*(?:예정|계획|생각)|"
    r"倾向(?:于)?(?:用|使用|调用|走)\s*\S{0,8}api|(?:打算|准备|计划)(?:用|使用|调用)\s*\S{0,8}api|"
    r"(?:就|那就|直接|还是)用\s*api|"
    # the vendor hosts it, the user calls it ("hosted by the vendor", "sur les serveurs du prestataire", "que el
    # proveedor lo aloje", "ベンダー側でホスト", "we just hit their endpoint")
    r"\bhosted by (?:the |a |our )?(?:vendor|provider|supplier|contractor)\b|\bas a (?:managed|cloud) service\b|"
    r"\b(?:servers?|serveurs?|servidores|infra\w*) (?:of the|du|del|do|des) (?:prestataire|fournisseur|vendor|"
    r"provider|proveedor|fornecedor|anbieters?|dienstleisters?)\b|\b(?:proveedor|fornecedor|prestataire|fournisseur)"
    r" (?:lo |la |le |o |a )?(?:aloj|hosped|héberg|gestion)\w*|ベンダー側で(?:ホスト|運用)|"
    r"\b(?:hit|call) (?:their|the vendor'?s|the provider'?s) (?:endpoint|api)\b|"
    r"api\s*を\s*(?:叩く|呼ぶ|呼び出す)|(?<![a-z])api\s*로\s*(?:가기로|갑니다|가려고|결정)|"
    r"\bprefiro (?:\w+ ){0,2}?(?:uma |a )?api\b|"
    r"api(?:比较|更)(?:现实|合适|方便|省事)|"
    # lead s17: a hosted provider named as the one the team will call ("we'd just call OpenAI's embeddings endpoint",
    # "Azure OpenAI would be the natural choice", "Bedrock is what we'd use", "managed service please"; not "OpenAI is
    # what we use for the chatbot", nor a question)
    r"\b(?:we'?d|we would|we'?ll|we will|we plan to|we're going to|planning to|going to)\s+(?:(?:just|probably|"
    r"likely)\s+){0,2}(?:call|use|go with|hit|stick with)\s+(?:the\s+)?" + _PROVIDER + r"(?:'s)?(?:\s+(?:embeddings?|"
    r"embedding api|api|endpoint)s?)*\b|\b" + _PROVIDER + r"(?:'s)?(?: \w+){0,2} (?:would be|is) (?:the )?(?:natural|"
    r"obvious|easiest|default) (?:choice|option|pick)\b|\b" + _PROVIDER + r" is what we(?:'d| would| will) use\b|"
    r"\bmanaged (?:service|api)s? please\b")
# The data may leave: says nothing about who runs the model.
DATA_MAY_LEAVE = re.compile(r"(?:data|it) (?:can|may) (?:leave|go to the cloud|be sent)|"
                            # "data may go to an API as long as there is a DPA" (s6-e; glossed from nl/de/sv)
                            r"\b(?:data|it|everything|documents|files) (?:can|may) (?:just |simply )?go to "
                            r"(?:an? |the )?(?:external |hosted |third[\s\-]party |cloud )?"
                            r"(?:apis?|services?|providers?|vendors?)\b|"
                            r"(?<!não )(?<!no )(?<!non )(?<!ne )(?<!nicht )(?<!not )"
                            r"\b(?:pueden|puede|podem|pode|peuvent|peut|k[öo]nnen|kann|possono|può|can|may) (?:ir|ir a|"
                            r"ir para|salir|sair|aller|partir|andare|gehen|go)\b(?! not\b| nicht\b| pas\b).{0,35}"
                            r"\b(?:nube|nuvem|cloud|apis?|external|servizio|service|proveedor|provider|fornitore)\b|"
                            # s9-d: a data rule lifted ("seguridad ya aprobó que los datos salgan a un proveedor",
                            # "dane mogą iść do zewnętrznego API", "дані можна передавати зовнішньому сервісу",
                            # "godkänt att datan skickas till en extern leverantör", "data bahar API pe bhej sakte")
                            r"\baprob\w* que (?:los )?datos salgan\b|(?<!nie )\b(?:mogą|może|można) (?:iść|trafić|"
                            r"wyjść|być wysyłane)\b.{0,35}\b(?:api|chmur\w*|external|zewnętrzn\w*)|"
                            r"(?<!не )(?<![а-яіїє])(?:можна|можно) (?:передавати|передавать|відправляти|отправлять)"
                            r"(?![а-яіїє])|\bgodkänt att (?:datan|data) skickas\b|(?<!nahi )(?<!nahin )(?<!nhi )"
                            r"\bbahar (?:\w+ ){0,3}bhej sakte\b|"
                            r"\b(?:apis?|hosted|cloud)\b[^.;]{0,25}(?:ça nous va|nous convient|c'est ok|passt|ist ok|"
                            r"in ordnung|está bien|nos sirve|tudo bem|nos serve|va bene)|"
                            # s16-b: the APIs themselves fine, in the plural ("le API vanno bene", "las APIs externas
                            # están bien", "die APIs sind ok"); not both options ("API o server nostri, vanno bene
                            # entrambi")
                            r"\bapis?\s+(?:[^\W\d]+\s+)?(?:vanno bene|están bien|estão bem|sind ok|sind in ordnung|"
                            r"vont bien|nous conviennent)\b(?!\s+(?:entramb\w*|ambos|ambas|beide|les deux|as duas|"
                            r"os dois|tutte e due))|"
                            r"\bno problem (?:with )?(?:send(?:ing)?|upload(?:ing)?|shar(?:e|ing)|us(?:e|ing))\b.{0,30}"
                            r"(?:cloud|api|openai|hosted|external)|"
                            # s8-f: "anything is fine as long as the vendor signs a DPA"
                            r"\b(?:as long as|provided(?: that)?|if)\b"
                            r"[^.;]{0,30}\b(?:sign\w*|ha(?:ve|s)|there'?s|with)\b"
                            r"[^.;]{0,12}\b(?:dpa|baa|data processing agreement|avv)\b|"
                            r"(?:fine|ok|okay|happy|comfortable|allowed) (?:to|with) (?:send(?:ing)?|upload(?:ing)?|"
                            r"shar(?:e|ing)) (?:it |them |data |the data |our data |documents )?to |"
                            r"(?:the )?cloud (?:is|would be) "
                            r"(?:totally |perfectly )?(?:fine|ok|okay)|can use (?:the )?cloud|"
                            r"\b(?:privacy|data residency|confidentiality|compliance)\s+(?:is|are)(?:n't| not)\s+"
                            r"(?:really |much |a big |that much of |an? )*(?:concern|issue|problem|blocker|worry)|"
                            r"\bno (?:privacy|data residency|compliance) (?:concerns?|issues?|constraints?|"
                            r"requirements?|"
                            r"restrictions?)|"
                            r"云(?:也)?(?:可以|没问题|行)|数据可以(?:出|上云|外传)|没有(?:隐私|数据安全)(?:要求|"
                            r"问题|顾虑)|不在乎隐私")
# Indifference between the options offered, in every language of the tables: one table (lead s14; three readers of
# the hosting held their own shorter copies). EITHER adds a bare "any" ("any is fine")
NO_PREFERENCE = re.compile(r"\beither\b|\bboth (?:(?:are |is |would be )?(?:fine|ok)|work)\b|\bdon'?t care\b|"
                           r"\bdoesn'?t matter\b|\b(?:i|we) don'?t (?:really )?mind\b|\bdon'?t mind\b|"
                           r"\bwhichever\b|\bopen to (?:both|either)\b|\bno matter\b|\ball the same\b|"
                           r"\bno (?:real |strong |particular )?preference\b|\bme da igual\b|"
                           r"都(?:行|可以)|无所谓|随意|どちらでも|どっちでも|어느 쪽이든|아무거나|상관없|"
                           r"\begal\b|peu importe|s'en fiche|s'en fout|\bda lo mismo\b|"
                           r"\bda igual\b|\btanto faz\b|\bè uguale\b|\bnon importa\b|\bmaakt niet uit\b|\bobojętnie\b|"
                           r"\bbeides\b|\bles deux\b|\bcualquiera\b|\bambos\b|\bambas\b|\bentrambi\b|둘 다|\bobie\b|"
                           r"\bobydwie\b|"
                           r"\bbåda\b|\bspelar ingen roll\b|\bikisi de\b|\bfark etmez\b|\bоба\b|без разницы|"
                           r"\bkoi bhi\b|\bdono\b|"
                           # s7-e: Ukrainian, Russian, Arabic, Vietnamese, Indonesian ("Нам усе одно", "لا فرق",
                           # "Cái nào cũng được", "Terserah, dua-duanya oke")
                           r"(?<![а-яіїє])(?:усе|все|всё) одно(?![а-яіїє])|байдуже|без різниці|"
                           r"(?<![а-яіїє])обидва(?![а-яіїє])|"
                           r"(?<![а-я])вс[её] равно(?![а-я])|لا فرق|ما فرق|أي خيار|اي خيار|كلاهما|"
                           r"\b(?:cái nào|gì|sao) cũng được\b|\bcả hai\b|\bterserah\b|\bdua-duanya\b|\bkeduanya\b|"
                           r"\bmana saja\b|\bmana pun\b|"
                           r"\bkeine (?:präferenz|vorliebe)\b|\bpas de préférence\b|"
                           r"c'est égal|ça m'est égal|\bindifférent\b|"
                           r"\bles (?:deux|2) (?:conviennent|nous vont|vont|marchent)\b|"
                           r"\bsin preferencia\b|\bnessuna preferenza\b|\bsem preferência\b|\bgeen voorkeur\b|"
                           r"\bbrak preferencji\b|\bingen preferens\b|\btercihim(?:iz)? yok\b|нет предпочтений|"
                           r"немає (?:переваг|вподобань)|"
                           # s8-f: indifference with a pronoun or in a word ("Maakt ons niet uit", "Per noi è
                           # indifferente", "é indiferente", "es indiferente", "nam wszystko jedno", "не важно",
                           # "kuch bhi chalega")
                           r"\bmaakt (?:\w+ ){0,3}niet uit\b|\bindifferent[ei]?\b|\bindiferente\b|\bwszystko jedno\b|"
                           r"\bnie ma znaczenia\b|\bkvittar\b|\bvilket som\b|\bfarketmez\b|\bhangisi olursa\b|"
                           r"(?<![а-яіїє])(?:не важно|неважно|не має значення|не имеет значения|не принципиально|"
                           r"не принципово|любой вариант|будь-який варіант)(?![а-яіїє])|\bkuch bhi chalega\b|"
                           r"\bkoi farak nahi\b|\bfarak nahi padta\b|\bnon fa differenza\b|\bnão faz diferença\b|"
                           r"\bme es igual\b|\bnos es igual\b|\bganz egal\b|\bnot important\b|\ballebei\b|"
                           r"\bbeide (?:zijn |is )?(?:prima|goed|ok|oké|mogelijk)\b|\bbeide opties\b|"
                           r"\bqualquer (?:um|uma|opção)\b|\bcualquier(?:a)? (?:opción|de las dos|de los dos)\b|"
                           r"\bqualsiasi (?:opzione|soluzione)\b|\bn'importe lequel\b|\begal welche\w*\b|"
                           r"\bom het even\b|"
                           r"\bktórekolwiek\b|\bherhangi biri\b|(?<![а-яіїє])(?:любой|будь-який|будь-яка)(?![а-яіїє])|"
                           r"随便|哪个都行|哪种都行|都无所谓|何でも(?:いい|良い)|"
                           r"아무거나 (?:괜찮|상관)")
EITHER = re.compile(rf"{NO_PREFERENCE.pattern}|\bany\b")
LICENSE_ANY = re.compile(r"non[\s\-]?commercial|nothing commercial|rien de commercial|nada (?:de )?comercial|"
                         r"nichts kommerzielles|niente di commerciale|not (?:a )?commercial|research(?:\s+\w+)?\s+only|"
                         r"(?:for|just|only)\s+research|academic (?:use|project|research)|(?:an? )?academic\b|"
                         r"(?:university|uni|高校|大学)\S{0,3}(?:的)?(?:科研|research)|不涉及商用|非商用|"
                         r"internal research (?:use|project|only|purposes)|"
                         r"personal (?:project|use)|hobby|research prototype|for fun|"
                         r"licen[cs]e (?:doesn'?t|does not|don'?t) matter|"
                         # "the licence doesn't matter" and research use in the other languages (s4-a; the gloss
                         # turns "ist egal", "da igual", "상관없어요" into "doesn't matter")
                         r"(?:licen[cs]\w*|lizenz\w*|licen[cç]a|licenza|라이선스는?|ライセンスは?)\s*"
                         r"(?:doesn'?t matter|"
                         r"n'a not d'importance|(?:est )?indiff[ée]rente)|许可证?(?:无所谓|都行|不重要)|"
                         r"ライセンスは?(?:気にしません|問いません)|\binterne(?:n)? (?:forschung|research)\b|"
                         # lead s16: a reason between ("라이선스는 연구용이라 크게 상관없어요")
                         r"(?:라이선스는?|ライセンスは?)[^,.;。、!?]{1,16}?doesn'?t matter|"
                         r"forschungszwecke|"
                         r"investigaci[óo]n acad[ée]mica|pesquisa acad[êe]mica|ricerca accademica|"
                         r"recherche acad[ée]mique|"
                         r"any licen[cs]e|研究用|科研用|学术(?:用途|研究|使用|项目|用)|非商用|非商业|不商用|"
                         r"不用于商业|个人(?:项目|使用|学习)|业余爱好|兴趣爱好|纯属爱好|"
                         r"学习用|(?:协议|许可)无所谓|"
                         # indifference to the licence in the languages the gloss leaves as written
                         r"(?:许可证?|协议|授权)(?:都)?(?:无所谓|不重要|没要求|随便)|"
                         r"(?:doesn'?t|does not) matter (?:la |the |die |le |a |il )?licen\w*|"
                         r"da igual (?:la )?licencia|(?:la )?licencia (?:da igual|no importa|me da igual)|"
                         r"(?:la )?licence (?:importe peu|n'importe pas|on s'en fiche)|peu importe la licence|"
                         r"lizenz (?:ist )?(?:egal|nicht wichtig|spielt keine rolle)|egal welche lizenz|"
                         r"(?:la )?licenza non (?:importa|conta)|qualsiasi licenza|"
                         r"(?:a )?licença (?:tanto faz|não importa)|tanto faz a licença|"
                         r"ライセンスは(?:問いません|何でも|どれでも|気にしません)|라이선스(?:는)? (?:상관없|무관)|"
                         # s5-e (issue 17): the licence's indifference and research use in every language
                         r"(?:licen[cs]\w*|lizenz\w*|licentie\w*|licencj\w*|licens\w*|lisans\w*|лицензи\w*)[\s\-]*"
                         r"(?:\w+[\s\-]+)?(?:is |are |wise,? )?(?:doesn'?t matter|anything goes|"
                         r"maakt (?:\w+ )?niet uit|"
                         r"nie ma znaczenia|jest (?:obojętn\w*|bez znaczenia)|spelar (?:ingen|mindre) roll|fark etmez|"
                         r"önemli değil|не важн\w*|неважн\w*|без разницы|не имеет значения|(?:se |ka )?farak nahi|"
                         r"koi bhi chalega|koi bhi)|"
                         r"(?:any|whatever|whichever|qualquer|qualsiasi|cualquier|n'importe quelle|jakakolwiek|"
                         r"vilken som helst|herhangi bir|любая|koi bhi) licen[cs]\w*|"
                         r"\b(?:uni|university|academic|phd|student|thesis|master'?s?) (?:research )?(?:project|"
                         r"thesis)\b|"
                         r"\bakademik (?:bir )?(?:proje|araştırma)\w*|\bprojekt badawcz\w*|\bforskningsprojekt\w*|"
                         r"\bonderzoeksproject\w*|\bисследовательск\w* проект\w*|"
                         # s8-f: a research project in the Romance languages, Turkish, CJK
                         r"\bprojeto de pesquisa\b|\bproyecto de investigaci[óo]n\b|\bprojet de recherche\b|"
                         r"\bprogetto di ricerca\b|\bforschungsprojekt\w*|\baraştırma proje\w*|研究项目|研究項目|"
                         r"研究プロジェクト|연구\s*프로젝트|"
                         # s8-f: Ukrainian research use ("це дослідницький проєкт", "для досліджень", "некомерційне")
                         r"\bдослідницьк\w* (?:проєкт|проект)\w*|"
                         r"(?<![а-яіїє])(?:для|в) наукових ціл\w*|\bнекомерційн\w*|"
                         r"(?:fins|fines|scopi|fini|zwecke|ändamål|doeleinden|celów|amaçl\w*) (?:de |di |"
                         r"d')?(?:pesquisa|"
                         r"investigaci[óo]n|ricerca|recherche|naukowych|badawczych)|wissenschaftlich\w* zwecke|"
                         r"\bdo celów naukowych|forskningsändamål|onderzoeksdoeleinden|bilimsel amaçl\w*|"
                         r"(?:в|для) научных целей|à des fins de recherche|"
                         r"(?:商用|商业)(?:不商用|与否|不商业|或者?不商用)(?:都|也)?(?:无所谓|没关系|不重要|都行|都可以)|"
                         r"(?:商用|商业)(?:都)?(?:无所谓|不重要)|是否商用(?:都)?(?:无所谓|没关系|不重要)|"
                         r"(?:商用|commercial use)\s*かどうか(?:は)?(?:問いません|関係ない|気にしません)|"
                         r"상업용?(?:이든|이건)\s*아니든\s*(?:상관없|무관)|"
                         r"(?:nessun|nessuna|nenhum|nenhuma|ningún|ninguna|aucun|aucune|geen|żadn\w*|inget|ingen|"
                         r"hiçbir)\s+"
                         r"(?:uso |utilizzo |use |usage |utilisation |gebruik |użyci\w* |användning |"
                         r"kullanım )?commercial\w*")
# "internal tool only, we don't sell it": a company's own use is still commercial use (said with "only" or with
# the selling it rules out; "an internal tool for 80 analysts" alone says nothing about the licence)
INTERNAL_USE = re.compile(r"\binternal(?:ly)? (?:tool|use|usage|only|purposes)|\b(?:company|in[\s\-]house) tool\b|"
                          r"\binterne[n]? (?:nutzung|tool|verwendung)|outil interne|\buso interno|ferramenta interna|"
                          r"herramienta interna|公司内部(?:用|使用)|内部(?:使用|工具|用)|社内(?:利用|ツール|向け|用)|"
                          r"사내(?:용| 전용)")
INTERNAL_ONLY = re.compile(r"\bonly\b|\bnur\b|只|\bsolo\b|seulement|uniquement|\bapenas\b|\bjust\b|のみ|だけ|전용|만"
                           r"|\bsell|verkauf|revend|\bvend|卖|販売|판매")
# "commercial" in another sense than a licence: "commercially sensitive", "commercial real estate", "our commercial
# director", "banque commerciale"; blanked before the licence is read.
_COMMERCIAL_WORD = (r"commercial(?: use)?|comercial(?:es)?|commerciale?s?|commerciali|commercieel|commerciële|"
                    r"komercyjn\w*|коммерческ\w*|комерційн\w*|ticari|komersial|thương mại")
_ESTATE = (r"real estate|propert\w*|properti|premises|immobilier\w*|immobiliar\w*|inmobiliari\w*|imóve\w*|"
           r"imobili\w*|vastgoed|immobilien|nieruchomo\w*|недвижимост\w*|нерухом\w*|gayrimenkul\w*|"
           r"bất động sản|locaux|locales|fastighet\w*")
NOT_LICENCE = re.compile(
    r"\bcommercial(?:ly)?[\s\-]+(?:sensitiv\w*|sensibel\w*|sensible\w*|sensibil\w*|confidential\w*|secret\w*|"
    r"privileged|valuable|critical|information|terms|pricing|prices|banks?|banking|real estate|propert\w*|leases?|"
    r"landlords?|tenants?|vehicles?|fleet|insurance|insurers?|lines?|litigation|disputes?|contracts?|court|law|"
    r"lawyers?|team|department|director|manager|units?|kitchens?|printing|pilots?|aviation|fishing)\b|"
    r"\b(?:banques?|banks?|bancos?|banca|banche|bancaire|tribunal|tribunale|droit|derecho|diritto|direito|"
    r"registro|register|court|agent|agente|directeur|directora?|direttore|equipe|équipe|equipo) commercial\w*|"
    # s10-c: "commercial" of real estate and premises in every language ("l'immobilier commercial", "commercieel
    # vastgoed", "коммерческой недвижимости", "ticari gayrimenkul", "properti komersial", "상업용 부동산", "商业地产"):
    # a trade, not a licence (glossed forms included: "komersial" reads "commercial use")
    rf"(?:{_COMMERCIAL_WORD})\s+(?:\w+\s+)?(?:{_ESTATE})|(?:{_ESTATE})\s+(?:\w+\s+)?(?:{_COMMERCIAL_WORD})|"
    r"(?:commercial use|상업)\s*용?\s*(?:부동산|건물|시설)|商业(?:地产|房地产|不动产|物业|楼|银行|街|综合体)")
LICENSE_COMMERCIAL = re.compile(r"(?<![a-z])commercial(?:ly|e)?\b|"
                                # s11-b: "utilisable commercialement", "usarlo comercialmente"
                                r"\bcommercialement\b|\bcomercialmente\b|\bcommercialmente\b|\bkommerziell nutzbar\b|"
                                # s14-a: "has to be allowed for business use", "for use in our business"
                                r"\b(?:allowed|licensed|ok|okay|usable|cleared) for (?:business|for-profit) use\b|"
                                r"\bbusiness use\b|"
                                r"\b(?:apache|mit|bsd)(?:[\s\-]?2(?:\.0)?)?\b(?=[^,;.]{0,25}"
                                # "or" in every language of the lexicon ("Apache 2.0 albo MIT", s8-d)
                                r"\b(?:licen[cs]ed?|only|or|oder|ou|o|oppure|of|eller|albo|lub|veya|ya|или|або|чи)"
                                r"(?![^\W\d_]))|permissive(?:ly)? licen|paying customers|"
                                # not a shop that sells goods ("an ecommerce shop selling outdoor gear", s7-c)
                                r"(?<!shop )(?<!shops )(?<!store )(?<!stores )(?<!retailer )(?<!retailers )"
                                r"(?<!brand )(?<!marketplace )\b(?:sell|selling|charge)\b"
                                # not goods a shop sells ("we sell outdoor gear in 4 EU countries", s11-c)
                                r"(?!\s+(?:[a-z\-]+\s+)?(?:gear|clothes|clothing|apparel|fashion|shoes|furniture|food|"
                                r"groceries|cars|car parts|spare parts|parts|equipment|hardware|wine|coffee|tea|books|"
                                r"toys|cosmetics|goods|electronics|jewell?ery|flowers|bikes|tyres|tires|pet food|"
                                r"supplies|houses|homes|property|properties|real estate|insurance|policies|tickets|"
                                r"outdoor|sporting|handmade|second-hand|used)\b)|saas product|"
                                r"paid (?:product|app|service|plan|tier)|"
                                r"ships? (?:in|with|as part of) (?:a|an|our|the) (?:paid |commercial )?product|"
                                r"for[\s\-]profit|\bcomercial\b|\bcommerciale\b|"
                                r"\bverkaufen\b|\bvend(?:e|o|a|ons|ent|re|emos|iamo)?\b|part of (?:our|the) product|"
                                # s8-f: sold, in the Romance participles and Ukrainian ("notre logiciel vendu aux
                                # clients", "продаємо клієнтам", "це комерційний продукт")
                                r"\b(?:logiciel|produit|produto|prodotto|software|servicio|serviço|servizio|solution|"
                                r"solução|soluzione|app|plateforme|plataforma|piattaforma)\s+(?:\w+\s+)?(?:vendu(?:e|s|es)?|"
                                r"vendid[oa]s?|vendut[oaie])\b|\bкомерційн\w*|"
                                r"(?<![а-яіїє])прода(?:ємо|ватимемо|ють|вати|мо) "
                                r"(?:\w+ )?(?:продукт\w*|клієнт\w*|його|це|"
                                r"сервіс\w*|рішення)(?![а-яіїє])|"
                                r"商用|商业|卖给客户|公司产品|对外提供|收费|"
                                # s5-e (issue 17): commercial use and selling the product in every language
                                r"\bcomercializ(?!ador)\w*|\bcommercialis(?:er|ons|ez|ent|é|ée|és|ées|ation)\b|\bcommercializz\w*|"
                                r"\bkommerziali\w*|"
                                r"\bcommercie(?:el|le)\b|\bkomercyjn\w*|\bkommersiell\w*|\bticari\b|\bкоммерческ\w*|"
                                r"\bverkopen (?:het|dit|deze|aan)\b|\bsprzedaj(?:emy|ę|ą) (?:to|go|ją|je|produkt\w*|"
                                r"klient\w*)\b|\bsäljer (?:\w+ )?"
                                r"(?:tjänst|produkt|till)\w*|\b(?:ürün\w*|hizmet\w*|bunu|onu|müşteri\w*)\s+(?:\w+\s+)?sat(?:ıyoruz|acağız|ılacak)\b|"
                                r"\bпрода(?:ём|ем|ют|"
                                r"вать) (?:\w+ )?(?:продукт\w*|клиент\w*|его|это|сервис\w*)|"
                                r"\b(?:product|ye|isko|software|app)\s+(?:\w+\s+)?bech(?:enge|te|na)\b|\b(?:customers|"
                                r"clients|users) pay (?:for|us)\b|"
                                r"\bships? (?:inside|into) (?:a|an|our|the) (?:paid |commercial )?product|"
                                r"(?:として|を)?販売(?:する|します|して|予定|用)|판매(?:할|하|용|예정)|상용")
# Negation and hedging near a licence, privacy, deployment, latency or domain word: a negated cue is not stored as
# said ("no commercial use" is non-commercial; "data doesn't need to stay on-prem" may leave), a hedged one not at all.
NEGATION_BEFORE = re.compile(r"(?:\b(?:no|not|non|never|without|nor|kein\w*|nicht|ohne|pas|sans|sin|nunca|"
                             r"никаких|никакого|никакой|никакие|без|не|нет|żadnych|żadnego|żadnej|bez|nie|hiçbir|"
                             r"geen|zonder|inga|ingen|utan|nessun[oa]?|senza|nenhum[a]?|sem|ningún|ninguna|aucune?|"
                             r"não|niet|inte)\b|"
                             r"n't\b|"
                             r"\bcannot\b)(?:[\s\-]+(?!(?:but|and|so|because|though|it'?s|we|we'?re|they|is|are)\b)"
                             r"(?:[a-z'\-]+|[а-яёąćęłńóśźżà-ÿ]+)){0,4}[\s\-]*$|(?:不|非|没|無|无|别)[^\s,，;。!?]{0,4}$|"
                             # s13-a: "nothing we'll ever sell", "nothing we would charge for": the thing is not done
                             r"\bnothing (?:that )?(?:we|we'?ll|we'?d|i|i'?ll)(?: \w+){0,2}\s+$")
NEGATION_AFTER = re.compile(r"^[^,;.!?。、]{0,12}?(?:しません|しない|しな(?:い|く)|ではない|ではありません|じゃない|"
                            r"ではなく|ありません|ない(?![a-z])|なし|아니|아님|않|없|안\s|\bnot\b|\bnahi[nm]?\b|\bnhi\b|\bmat\b)|"
                            r"^\s*(?:is|are)(?:n't| not)\b")
# "external APIs are not allowed", "API 호출 자체가 불가능해요", "APIはNGです", "外部API不允许": refused after its name,
# also after a compound's last word ("cloud APIs are a no-go", "クラウドのAPIはNG", "클라우드 API는 안 돼요", s12-a)
REFUSED_AFTER = re.compile(
    r"(?:\s*(?:の|的|-)?\s*(?:apis?|services?|providers?|サービス|服务|接口|서비스)(?![a-z]))?(?:"
    r"\s*(?:calls?|use|usage|access)?\s*(?:are|is|would be|will be|were|was)?\s*(?:not (?:allowed|permitted|an option|"
    r"possible|ok|okay|acceptable|approved)|forbidden|prohibited|banned|blocked|off[\s\-]limits|out of the question|"
    r"a no[\s\-]go|impossible|never an option)\b|"
    r"\s*(?:호출|사용|연동|접근)?\s*(?:자체가?|은|는|이|가|도)?\s*(?:불가능|불가|금지|안\s*돼|안\s*됩|못\s*(?:써|씁|해))|"
    r"\s*(?:の(?:利用|使用|呼び出し))?\s*(?:は|も)?\s*(?:ng|ダメ|だめ|禁止|使えな|使えません|不可|無理|むり)|"
    r"\s*(?:调用|使用)?\s*(?:是|也)?\s*(?:不行|不允许|不能用|禁止|不可以|不可能))")
# A negation inside a matched cue: "数据不需要留在本地" matches the rule's words but says the opposite.
NEGATION_INSIDE = re.compile(r"不(?:需要|必|用|要|一定)|无需|无须|没必要|必要(?:は)?ない|필요\s*없")
NEED_WORD = re.compile(r"\bneed|\brequire|\bnecessary|\bmust\b|\bhave to\b|\bhas to\b|\brequirement|\bmandatory|"
                       # s7-e: "não precisam ficar", "hoeft niet on-prem te blijven", "behöver inte stanna"
                       r"\bprecis\w*|\bhoeft\b|\bhoeven\b|\bbehöver\b|\bmüssen\b|\bmuss\b|\bmusz\w*|\bmusi\b|"
                       r"\bdevono\b|\bdeve\b|\bdevem\b|\btienen que\b|\btiene que\b|\bbesoin\b|\bобязан\w*|"
                       r"\bнужно\b|\bдолжн\w*|\bgerek\w*|"
                       r"需要|必须|要求|必要|必要ない|필요")
HEDGE = re.compile(r"\bnot sure\b|\bunsure\b|\bmaybe\b|\bmight\b|\bperhaps\b|\bpossibly\b|\bwhether\b|\bif\b|"
                   r"\bnot (?:yet )?decided\b|\bundecided\b|\btbd\b|\beventually\b|\bsomeday\b|\bone day\b|\bdepends\b|"
                   r"\bvielleicht\b|peut-être|\bquizás?\b|tal vez|(?<![用能])可能(?![なでにだ])|也许|或许|不确定|"
                   r"还没定|未定|かもしれ|"
                   r"아마|미정")
REAL_TIME = re.compile(r"real[\s\-]?time|实时|毫秒级")
# s8-f: "real time" in every language of the lexicon ("in tempo reale", "tiempo real", "Echtzeit", "в реальном
# времени", "リアルタイム", "실시간"), read as real time (100 ms) like the English word, but only after the latency
# question or beside a word of latency / results, since "Echtzeit-Dashboards" names no target. "Instant", "sofort",
# "мгновенно" stay vague: the guard asks for a figure (a blind writer's convention, h8-en-39).
REAL_TIME_WORDS = re.compile(
    r"\bechtzeit\w*|\btemps r[ée]el\b|\btiempo real\b|\btempo real\b|\btempo reale\b|\brealtime\b|"
    r"\bw czasie rzeczywistym\b|\bi realtid\b|\brealtid\b|\bgerçek zamanl\w*|"
    r"(?<![а-яіїє])(?:в|у) реальн\w+ (?:времени|часі)(?![а-яіїє])|\breal[\s\-]?time\b|"
    r"即時|リアルタイム|실시간")
SUB_SECOND = re.compile(r"sub[\s\-]?second|秒级以内|一秒以内|"
                        # s8-f: within a second in Russian, Ukrainian and Hinglish
                        r"(?<![а-яіїє])(?:в течение|в пределах|меньше|менее|до|протягом|у межах|в межах|менше|"
                        r"до) (?:одной |однієї |одній )?секунд[ыи](?![а-яіїє])|"
                        r"\bek second (?:ke andar|se kam|ke bheetar|within)\b")
# "No particular requirement" as the answer to a question about a target, in every language the lexicon has (the
# lexicon turns some of these into English first: "keine" -> "no", "pas" -> "not").
NO_REQUIREMENT = re.compile(
    r"\bno (?:\w+ )?(?:requirements?|targets?|constraints?|preference|sla|need)\b|"
    r"\b(?:doesn'?t|does not|don'?t|do not) (?:really )?matter\b|\bnot (?:really )?(?:critical|"
    r"important|a concern|an issue|a priority|fussy|picky)\b|\bno rush\b|\bwhatever\b|\bflexible\b|"
    r"\bnot (?:\w+ )?(?:d'exigence|d'exigences|de contrainte|critique|important)|\baucune exigence\b|\bpeu importe\b|"
    r"\bno (?:besonderen? |speziellen? |harten? )?(?:anforderung|vorgabe|ansprüche)\w*|\begal\b|\bnicht kritisch\b|"
    r"\bsin requisitos?\b|\bno hay (?:ningún )?requisito|"
    r"\b(?:(?:no|não|non) (?:we have|temos|tenemos|abbiamo)|we (?:don'?t|do not) have) (?:\w+ ){0,2}?"
    r"(?:requisit\w*|restri\w*|exig\w*|vincol\w*|requirements?|constraints?|targets?|sla)|"
    r"\bno tenemos (?:ningún |ninguna |\w+ )?(?:requisito|"
    r"restricci[oó]n|exigencia)|\bnão temos (?:nenhum |nenhuma |\w+ )?(?:requisito|restrição|exigência)|"
    r"\bnon abbiamo (?:nessun |alcun |\w+ )?(?:requisit|vincol)|"
    r"\bn'(?:avons|a) pas de (?:\w+ )?(?:contrainte|exigence)|"
    r"\b(?:wir )?haben keine (?:besonderen |speziellen |\w+ )?(?:anforderung|vorgabe)|"
    r"\bwe hebben geen (?:\w+ )?(?:eisen|vereisten)|\bvi har inga (?:\w+ )?krav|"
    r"\bda igual\b|\bno es crítico\b|\bno importa\b|"
    r"\bnessun (?:requisito|vincolo)|\bno[nt]? è critic[oa]\b|\bnon importa\b|\bindifferente\b|"
    r"\bsem (?:requisitos?|exigência)|\btanto faz\b|\bnão é crític[oa]\b|\bnão importa\b|"
    r"\bgeen (?:\w+ )?eis(?:en)?\b|\bmaakt niet uit\b|\bniet kritisch\b|"
    r"\bnie ma(?:my)? (?:\w+ )?wymagań\b|\bbez (?:\w+ )?wymagań\b|\bobojętne\b|\bnie jest krytyczn\w+|"
    r"\binga (?:\w+ )?krav\b|\bspelar ingen roll\b|\binte kritisk\w*|"
    r"\bgereksinim(?:imiz)? yok\b|\bfark etmez\b|\bönemli değil\b|\bkritik değil\b|"
    r"\bбез (?:\w+ )?требований\b|\bнет (?:\w+ )?требований\b|\bневажно\b|\bне критично\b|\bвсё равно\b|"
    r"没(?:啥|什么|有)(?:特别的?)?要求|没要求|无所谓|不重要|不敏感|都行|随意|"
    r"特に(?:要件|要求|こだわり|制約)?(?:は|も)?(?:ない|なし|ありません)|気にしない|こだわりはない|"
    r"상관\s*없|요구\s*사항\s*(?:은|이)?\s*없|특별한 (?:요구|제약)\w*\s*없|"
    r"\bkoi (?:requirement|zaroorat) nahi\b|\bfarak nahi padta\b|"
    # s12-a: indifference said colloquially ("on s'en fiche un peu de la licence", "who cares", "ist uns wurscht")
    r"\b(?:on|je|nous|vous) s'en (?:fiche|fout|moque|balance)\b|\bça (?:nous|m') ?est égal\b|\bwho cares\b|"
    r"\bcould(?:n'?t| not) care less\b|\b(?:uns|mir) (?:völlig |ziemlich )?(?:wurscht|wurst|schnuppe)\b|"
    r"\b(?:me|nos) da lo mismo\b|\bnos (?:da|importa) (?:bastante )?igual\b|\bnon (?:ci|mi) interessa\b|"
    r"\b(?:tanto|pouco) (?:nos |me )?(?:faz|importa)\b|どうでもいい")
TIME_FIGURE = re.compile(r"\d|\bsec\w*|\bseconds?\b|\bmin(?:ute)?s?\b|秒|초|сек\w*|saniye|sekund\w*|segund\w*|"
                         r"second[eoi]\w*|\bms\b")
NO_LATENCY = re.compile(r"latency (?:doesn'?t|does not|don'?t) matter|\bno limit (?:de|on|for) (?:latency|"
                        r"response time)|"
                        r"no (?:hard |strict |real |particular |specific )?latency (?:requirements?|targets?|"
                        r"constraints?|limits?)|"
                        r"(?:do not|don'?t|doesn'?t|does not) (?:really |actually )?have (?:a |any )?(?:\w+ )?latency "
                        r"(?:target|requirement|sla|constraint|limit|budget)s?|\bno (?:latency )?sla\b|"
                        r"(?:batch|offline) (?:only|is fine|processing|jobs?)|not latency[\s\-]sensitive|"
                        r"latency (?:isn'?t|is not) (?:critical|important|a concern|an issue|a priority)|"
                        r"\b(?:nightly|overnight) (?:batch|jobs?|runs?)|"
                        r"(?:pas|not|no) de (?:contrainte|exigence)s? de laten\w*|"
                        r"aucune (?:contrainte|exigence) de laten\w*|"
                        r"keine latenz(?:anforderung|vorgabe)\w*|latenz (?:ist )?egal|"
                        r"sin (?:requisito|restricción|límite) de latencia|la latencia (?:da igual|no importa)|"
                        r"nessun (?:vincolo|requisito) di latenza|la latenza non (?:importa|conta)|"
                        r"sem (?:requisito|restrição|limite) de latência|a latência não importa|"
                        r"(?:レイテンシ|latency)\s*(?:は|に)?(?:特に)?(?:気にしません|問いません|要件はありません|"
                        r"制約はありません)|"
                        r"지연(?:은|시간은)? (?:상관없|무관)|"
                        r"延迟(?:无所谓|不重要|没要求|没有要求)|不在乎延迟|对延迟没有?要求|"
                        # s8-f: latency waived in an opening, in every language ("latency isn't a big deal since it's
                        # batch", "nessun vincolo di latenza" glossed "no requirement di latency", "Latenz ist
                        # unkritisch", "задержка не важна", "затримка не критична", "gecikme önemli değil")
                        r"latency (?:isn'?t|is not|is no|'s not) (?:a (?:big |huge )?deal|really (?:critical|important|"
                        r"a concern))|\bno (?:requirement|constraint|target|limit)s? (?:di|de|of|on|for) (?:latency|"
                        r"response time)|"
                        r"latenz (?:ist )?(?:unkritisch|nicht (?:so )?wichtig|not (?:so )?wichtig|nebensächlich)|"
                        r"laten(?:ce|cia|za|tie|cja|cy|s|sen|ţa) (?:\w+ )?(?:doesn'?t matter|not important|peu importe|"
                        r"no importa|non importa|não importa|maakt niet uit|nie ma znaczenia|spelar ingen roll)|"
                        r"gecikme(?:nin)? (?:\w+ )?(?:önemi yok|önemli değil|fark etmez)|"
                        r"(?<![а-яіїє])(?:задержк\w*|латентност\w*|затримк\w*|время ответа|час відповіді) "
                        r"(?:\w+ )?(?:не (?:важн\w*|критичн\w*|принципиальн\w*|принципов\w*)|неважлив\w*|неважн\w*)|"
                        r"レイテンシ(?:は|に)?(?:こだわらない|気にしない)|지연(?:은|시간은)?\s*(?:중요하지 않|신경 안)")
LATENCY_CUE = re.compile(r"latency|respon(?:d|se|ses)|answer|within|under|below|less than|p9\d|"
                         r"延迟|响应|以内|之内|内|"
                         # s16-a: the words of the other languages ("Latenz ist nicht kritisch, 1 Sekunde ist ok",
                         # "respuestas en menos de un segundo", "temps de réponse")
                         r"laten[zc]\w*|latência|antwortzeit|reaktionszeit|réponse|respuestas?|respostas?|"
                         r"rispost[ae]|応答|レイテンシ|지연|응답")
LATENCY_BARE = re.compile(r"(?:p9[59](?:\s*latency)?|latency|延迟|响应时间)"
                          r"(?:\s*(?:target|requirement|goal|should|must|needs? to|be|is|of|at most|under|below|"
                          r"less than|within|[:=<]|小于|低于|不超过|在|要求|要|为|控制在))*\s*"
                          r"(\d{1,15}(?:\.\d{1,15})?)(?!\s*(?:s\b|sec|秒|\d|\.\d|%))")

# Budget without a figure.
GENERIC_NO_LIMIT = re.compile(r"\bno (?:\w+ )?(?:limit|cap|ceiling)\b|unlimited|不限|没有(?:上限|限制)|无上限|无限制")
BUDGET_NO_LIMIT = re.compile(r"money is no object|"
                             r"\bno (?:hard |fixed |real |strict |set )?(?:cap|ceiling|limit) (?:on|for|to) "
                             r"(?:spend|spending|the spend|budget|costs?)\b|"
                             r"no budget (?:constraints?|restrictions?|concerns?|worries|issues?)|"
                             r"no (?:real |particular |hard |fixed |strict |set )?budget (?:limits?|caps?|ceilings?)|"
                             r"特にありません|no budget (?:limit|cap|"
                             r"ceiling)|whatever it costs|"
                             r"(?:budget|cost|money|price)(?:'s| is)? (?:not|n't|no|isn'?t|doesn'?t|does not)\s+"
                             r"(?:really |much |an? |a big |big |the |that |of )*(?:concern|issue|object|matter|"
                             r"problem|"
                             r"constraint|priority)|budget is flexible|预算不限|不差钱|随便花|"
                             r"(?:没有|没|无|無|没什么)预算(?:上限|限制|限额|天花板)|预算(?:没有|没|无)(?:上限|限制)|预算上不封顶|"
                             r"予算(?:の)?(?:上限|制限)は(?:特に)?(?:ない|ありません)|"
                             r"예산(?:은|에)? (?:제한이? 없|상관없)")
BUDGET_ZERO = re.compile(r"(?:must|has to|needs? to|should|got to) be free\b|\bfor free\b|free of charge|only free\b|"
                         r"\bno (?:monthly |annual |yearly |real |actual )?budget\b(?! (?:limit|cap|ceiling|constraint|"
                         r"restriction|concern|worries|issue|"
                         r"problem))|"
                         r"next to nothing|almost nothing|close to (?:zero|nothing)|budget (?:is|of) (?:zero|"
                         r"nothing|none|\$?0)\b|"
                         # s14-b: the figure straight after the word, as chat writes it ("budget zero", "budget: 0")
                         r"\bbudget\s*[:=]?\s*(?:zero|nil|\$?0(?![.,]?\d))(?![\w.,])|"
                         r"nothing to spend|zero budget|"
                         r"\bno money\b|"
                         r"can'?t spend anything|\$0\b(?![.,]\d)|零预算|"
                         r"(?:没有|没)预算(?!上限|限制|限额|天花板|要求|约束)|免费|"
                         r"不花钱|不想花钱|不能花钱|没(?:有)?(?:钱|经费)(?![买租请雇用])")
# To the budget question, a zero said as a situation: "zero. grad student lol", "none, it's for my thesis", "nada,
# es un proyecto personal", "null, ist ein Uni-Projekt", "i'm between jobs rn so... 0", "lol what budget, this is a
# side project", "out of my own pocket so basically nothing", "free tier only", "don't have one - it's open source",
# "Budget gibt's keins" (a put-off, "none yet, ask my manager", is not one: see BUDGET_ZERO_NOT_YET)
BUDGET_ZERO_ANSWER = re.compile(
    r"^\W*(?:zero|none|nothing|nada|cero|null|nichts|keins|nix|zilch|\$?0(?![\d.,]))"
    r"(?:\s*(?:dollars?|bucks|usd|euros?))?\s*(?:[,;:.!—–\-]|$)|"
    r"\bso\W{0,5}(?:\$?0|zero|nothing|zilch|nada|zip|nil|nowt)\W*(?:really|at all|tbh|honestly|lol)?\W*$|"
    r"(?:^|\blol\W*|\bhaha\W*)what budget\b\s*(?:[,.!]|lol|haha|$)|"
    r"\b(?:basically|pretty much|practically|virtually|essentially) (?:nothing|zero|free)\b|"
    r"\bfree[\s\-]tiers?\s+only\b|\bonly (?:the )?free[\s\-]tiers?\b|"
    r"\b(?:don'?t|do not) have (?:one|any)\b(?=.{0,60}\b(?:open[\s\-]source|volunteers?|hobby|student|personal|"
    r"side project|non-?profit|thesis|broke|free)\b)|"
    r"\b(?:we'?re|i'?m) broke\b|\bgibt(?:'s|s| es) keins?\b")
# (s10-c: "no budget number yet", "henüz no budget", "budget untuk ini belum ada": a "no budget" beside a "not yet" in
# any language is put off, not zero)
BUDGET_ZERO_NOT_YET = re.compile(r"\byet\b|还没|尚未|noch nicht|\btodav[ií]a\b|\ba[uú]n no\b|\bhenüz\b|\bbelum\b|"
                                 r"\bchưa\b|\bjeszcze\b|\bпока\b|\bещё\b|\bainda\b|\bancora\b|\bencore\b|"
                                 r"\bnog\b|まだ|아직|未定|\bundecided\b")

# Conversation moves.
INJECTION = re.compile(
    r"ignore (?:all |any )?(?:the )?(?:previous|prior|above|earlier|your|these|those|all)\b.{0,20}?"
    r"(?:instructions|prompts?|rules|messages)|"
    r"disregard (?:all |the |your |any )?(?:previous |prior |above )?(?:instructions|rules|prompt)|"
    r"forget (?:all |your |the )?(?:previous )?instructions|you are now\b|new instructions\s*:|system prompt|"
    r"jailbreak|developer mode|override (?:your|the) (?:instructions|rules)|"
    r"忽略.{0,6}(?:指令|指示|规则|提示)|无视.{0,6}(?:指令|规则)|你现在是|系统提示")
GREETING = re.compile(r"\b(?:hi|hello|hey|hiya|howdy|greetings|yo|good (?:morning|afternoon|evening)|thanks|"
                      r"thank you)\b|你好|您好|嗨|哈喽|哈罗|早上好|下午好|晚上好|谢谢|大家好")
GREETING_FILLER = re.compile(r"\b(?:there|team|folks|all|everyone|bot|guys|again|so much|a lot)\b|"
                             r"[^a-z0-9\u4e00-\u9fff]")
RECOMMEND_NOW = re.compile(
    r"just recommend|(?:go with|use) (?:the )?defaults|defaults? (?:are|is) fine|默认就行|用默认|"
    r"recommend (?:now|already|something now)|stop asking|enough (?:questions|asking)|go ahead|"
    r"skip the (?:rest|other questions|remaining)|that'?s (?:all|it)\b|that is all|no more questions|just give me|"
    r"show me (?:the )?(?:results|recommendations?)|let'?s see (?:the )?(?:results|recommendations?)|"
    r"what (?:model|embedding(?: model)?) (?:do|would|should) you recommend|"
    r"which (?:model|one) should (?:i|we) (?:use|pick|choose)|"
    r"直接推荐|不用问了|别问了|直接给|就这些|先推荐|马上推荐|现在推荐|直接出结果|推荐吧|你推荐(?:哪个|什么)|"
    r"用哪个模型好")
DOC_CHECK = re.compile(
    r"\b(?:test|check|evaluate|try|run|benchmark|validate|verify|compare)\b.{0,40}?\b(?:on|against|with|using)\s+"
    r"(?:my|our)\s+(?:own\s+)?(?:documents|docs|data|corpus|files|dataset|pdfs|texts|queries)|"
    r"(?:my|our) (?:own )?(?:documents|data|corpus|files) to (?:test|check|evaluate)|"
    r"upload (?:my|our|some) (?:documents|docs|files|data)|"
    r"用(?:我|我们)(?:自己)?的(?:文档|数据|文件|语料).{0,6}(?:测试|测|评估|验证|试)|"
    r"在(?:我|我们)(?:自己)?的(?:文档|数据|文件|语料)上.{0,6}(?:测试|测|评估|验证|试|跑)|"
    r"(?:测试|评估|验证)(?:一下)?(?:我|我们)的(?:文档|数据)|上传(?:文档|文件|数据)|"
    # the same request in the other languages (after the gloss): a verb of testing, then "with/on our documents"
    r"\b(?:test|check|evaluat|try|benchmark|validat|verif|prueb|prob|evalu|prüf|essa|éval|vérif|prova|valut|"
    r"verific|avali|experiment)(?!ed\b|ado\b|ato\b|é\b)\w*\b.{0,40}?\b(?:with|on|using|con|en|sobre|mit|auf|an|anhand|sur|avec|su|sui|nei|"
    r"com|em|nos|nas|in)\s+(?:(?:my|our|unseren?|unserem|unserer|nos|nossos|nossas|os|as|mis|i|le|gli|nostri|nostre|"
    r"les|den)\s+)+"
    r"(?:own\s+|propres?\s+|propios\s+|pr[óo]prios\s+|eigenen\s+)?(?:documents|docs|data|files|texts|"
    r"dokument\w*|daten|texte\w*|données|documentos|dados|datos|dati|documenti|testi|textos|fichiers|archivos)\b|"
    r"(?:自社|うち|社内|我々|私たち|弊社)の\s*(?:documents|data|データ|文書|ドキュメント)\s*で.{0,12}(?:テスト|試|評価|検証)|"
    r"(?:우리|저희|자체|회사)\s*(?:의\s*)?(?:documents|문서|데이터|자료)\s*(?:로|으로|에서|에|를|을)?.{0,12}"
    r"(?:테스트|시험|평가|검증)")
# Put off until later, or up to someone else ("ask me after the 2 demos", "erst nach den 2 Pilotwochen", "odezwę się
# po 2 spotkaniach", "2 meetings ke baad batata hoon"): an answer that gives no value, whatever figures it holds (s8-b)
LATER = re.compile(r"\blater\b|\bget back to you\b|\bcome back to\b|\bcircle back\b|"
                   r"\bask me (?:again )?(?:after|in|once|when)\b|"
                   r"\b(?:ask|check with) (?:my|our|the) (?:boss|manager|cfo|team|it|finance|legal)\b|\bdepends on\b|"
                   r"\btbd\b|\bnot (?:known|decided|settled|fixed) yet\b|"
                   r"稍后|以后再|回头|再说|之后再|後で|あとで|後ほど|次第|未定|나중에|알려드릴게|미정|"
                   r"\bspäter\b|\berst nach\b|\bsteht noch nicht fest\b|\bplus tard\b|\bon en reparle\b|\bon verra\b|"
                   r"\bmás tarde\b|\blo sabremos\b|\bdepois (?:d[oa]s?|que)\b|\bmais tarde\b|\bte falo\b|"
                   r"\bpiù tardi\b|\bci torniamo\b|\bweet ik meer\b|\bkomen we (?:later )?op terug\b|\bpóźniej\b|"
                   r"\bodezwę się\b|\btrudno powiedzieć\b|\bsenare\b|\båterkommer\b|\bsonra (?:söyle|dön|bildir)\w*|"
                   r"\bhenüz belli değil\b|\bпозже\b|\bпотом\b|\bпосле \S+ (?:\S+ )?(?:скажу|сообщу)|\bпізніше\b|"
                   r"\bпісля \S+ (?:\S+ )?(?:скажу|повідомлю)|"
                   r"\bbaad (?:mein|me)\b|\bke baad batata|\b(?:nahi|nahin) pata\b|\bpata (?:nahi|nahin)\b|"
                   # s10-b: "non lo sappiamo ancora", "in sospeso", "まだ決まってません", "白紙に戻して"
                   r"\bnon (?:lo )?sappiamo\b|\bin sospeso\b|決まって(?:い)?(?:ない|ません)|白紙に")
SKIP = re.compile(r"\bskip\b|hard to say|too early to (?:say|tell)|not decided|undecided|haven'?t decided|"
                  r"none of your business|rather not say|prefer not to say|can'?t tell|cannot tell|confidential|"
                  r"\btbd\b|don'?t have (?:a |an )?(?:number|figure|estimate)|^\s*pass\b|don'?t know|do not know|"
                  r"no idea|not sure|\bunsure\b|\bdunno\b|\bidk\b|"
                  r"no clue|can'?t say|next question|ignore (?:the|that) \w+ question|"
                  # s11-b: put-offs the gloss leaves as written ("leave that open for now", "todavía no lo sabemos",
                  # "还没定", "아직 몰라요", "henüz bilmiyorum", "vet inte")
                  r"\bno comment\b|\bleave (?:that|it|this) open\b|\bkeep (?:that|it|this) open\b|"
                  r"\b(?:no lo sabemos|no sabemos|no lo sé|não sabemos|non lo sappiamo)\b(?! (?:exact|bien|ben))|"
                  r"(?<!tam )\bbilmiyor(?:um|uz)\b|\bvet (?:inte|ej)\b(?! (?:exakt|riktigt|precis))|"
                  r"\bweet (?:ik|we) (?:het )?niet\b(?! precies)|"
                  r"还没定|没定下来|还没决定|待定|(?<!정확히는 )(?<!정확히 )(?:몰라요|모르겠)|"
                  r"不知道|跳过|随便|不清楚|不确定|没想好|下一个|略过|不好说")
CORRECTION = re.compile(r"\bactually\b|\bwrong\b|\bno wait\b|\boops\b|\bmake (?:it|that)\b|\bi mis(?:spoke|typed)\b|"
                        r"\bthat (?:number |figure )?was\b|刚才|\bcorrection\b|\bi meant\b|\binstead\b|\bsorry\b|"
                        r"\bmy (?:bad|mistake)\b|\bpardon\b|"
                        r"\bi was wrong\b|\bscratch that\b|\bwait\b|\bupdate:|\bchange (?:it|that)\b|"
                        r"disregard my (?:previous|last|earlier) answer|"
                        r"不对|改成|改为|其实|更正|纠正|应该是|说错了|搞错了|不是.{1,15}是|换成")
# The negation said AFTER the old value, one table for every reader of a correction (lead s13): "40 değil 60",
# "1 lakh nahi, 10 hazaar", "100 bin yerine 10 bin", "4万じゃなくて6万", "5만이 아니라 10만", "달러 아니고요"
NOT_AFTER_LATIN = r"değil|yerine|nahi|nahin|nhi|ke bajaye|ki jagah"
NOT_AFTER_CJK = r"じゃなくて|じゃなく|ではなく|ではありません|[이가]?\s*아니라|[이가]?\s*아니고|대신"
NOT_AFTER = NOT_AFTER_LATIN + "|" + NOT_AFTER_CJK
# A value the user takes back ("not a T4", "instead of 20k", "不是20万", "20万改成") is blanked before reading.
NEGATED_VALUE = re.compile(
    r"\b(?:not|instead of|rather than|from|no son|no es|no eran|não são|não é|no é|não|non|niet|nie|inte|не|nicht)\s+"
    r"(?:an?\s+|the\s+)?(?=[\d$¥€£₹]|[a-z]+\d|[a-z]{1,3}\$\s?\d)[^,;.!?()]{1,25}?"  # (s15-c: "não são R$ 10 mil")
    r"(?=\s*(?:,|;|\bbut\b|\bto\b|\bmais\b|\bsino\b|\bsondern\b|\bma\b|\bmaar\b|\butan\b|\btylko\b|\bа\b|"
    r"\bit(?:'s|’s| is)\b|\bits\b|\bthat(?:'s| is)\b|\bwe have\b|"  # "it's not a T4 it's an A10G" (lead s12)
    r"\bwe (?:now |just )?(?:got|get|use|run|bought)\b|"  # "instead of the T4 we now got an L4" (lead s15)
    r"$|\.(?:\s|$)|\)))|"
    # "ayda 100 bin sorgu değil, günde 10 bin", "1 lakh queries per month nahi": the negation after the figure
    r"(?<![\w.])[\d.]+\s*(?:[a-z]+\s+){0,4}?(?=(?:" + NOT_AFTER_LATIN + r")\b)|"
    r"不是\s*[^,;。是]{1,20}|"
    # "eran 500 euros al mes, no mil", "500 a month, not 1000": a figure taken back after a comma at the end
    r"(?<=,\s)no\s+(?=\d)[^,;.!?()]{1,25}?(?=\s*(?:$|[,;.!?]))|"
    r"[\d.万亿億千百kmb]+\s*(?:documents|件|items|개|건|ms|毫秒|秒|seconds?|gb|tokens?)?\s*"
    r"(?=" + NOT_AFTER_CJK + r")|"
    r"(?<![\d.零一二两三四五六七八九十百千万亿kmb])(?:从)?[\d.零一二两三四五六七八九十百千万亿kmb]++\s*"
    r"[^\s\d,;。改换]{0,3}?(?=改成|改为|换成)|"
    # s16-b: the old figure a change starts from, where the words say a change and no range ("budget 50k se 80k
    # kar do", "von 500 auf 800 Euro erhöhen", "de 500 para 800", "5万から8万に変更", "5만에서 8만으로")
    r"(?<![\w.])[\d.,]+\s*(?:k|lakh|hazaar|ms|rs|rupees?|₹)?\s*(?=(?:se|with)\s+(?:(?:badha|ghata|badhakar|ghatakar)\w*\s+"
    r"(?:ke\s+|kar\s+)?)?[₹$]?\s*[\d.,]+[^.;!?]{0,25}?\b(?:kar\s*(?:do|dijiye|de|dena|diya|denge)|karo|ho gaya)\b)|"
    r"(?<=\bvon\s)[^,;.!?()]{1,15}?(?=\s+auf\s+[\d€$]+[^.;!?]{0,25}?\b(?:erhöh|senk|änder|setz|anheb|"
    r"reduzier|korrigier)\w*)|"
    r"(?<=\bde\s)[\d.,]+\s*(?:mil|k|ms|reais|euros?)?(?=\s+para\s+[\d.,]+)|"
    r"[\d.,万千]+\s*(?:円|yen|件|ms|ミリ秒)?\s*(?=から\s*[\d.,万千]+\s*(?:円|yen|件|ms|ミリ秒)?\s*に\s*(?:変更|変え|修正|増や|減ら|上げ|下げ))|"
    r"[\d.,만천万千]+\s*(?:원|건|ms)?(?=에서\s*[\d.,만천万千]+\s*(?:원|건|ms)?\s*(?:으로|로)\s*(?:변경|바꿔|수정|늘려|줄여|올려|내려))")
_GROWS_BEFORE = re.compile(GROWS_BEFORE + r"$")


def negated_values(text: str) -> list[re.Match[str]]:
    """The figures ``text`` takes back ("not 40k", "from 10k to 100k").

    Not where growth starts: "growing from 800k to 1.1M by next year" is today's size (s7-c).
    """
    return [m for m in NEGATED_VALUE.finditer(text) if not (
        m.group().startswith("from") and _GROWS_BEFORE.search(text[max(0, m.start() - 30):m.start()]))]


YES = re.compile(r"^(?:yes|yeah|yep|yup|correct|right|sure|absolutely|definitely|of course|indeed|"
                 r"嗯|需要|必须|要)(?![a-z])|"
                 # "是" / "对" alone, not the verb of a sentence ("是公开的网页数据": it is public web data)
                 r"^(?:是的?|对的?)(?=\s*(?:[,，。.!！;；:：~\-—]|$))|"
                 # s5-e (issue 17): a bare yes in the languages the gloss leaves as written, before a comma or the end
                 r"^(?:tak|evet|да|haan|haa|ji haan|ja)(?=\s*(?:[,.!;:\-—–]|$))|"
                 # s8-f: yes in Ukrainian and Russian, and "of course" in the languages the gloss leaves as written
                 r"^(?:haan|ja|tak|evet|да|так|yes|oui|sí|si|sim|はい|네|예)\s+(?:bilkul|klar|natürlich|sicher|kesinlikle|"
                 r"tabii(?: ki)?|oczywiście|jasne|конечно|звісно|звичайно|absolut|zeker|of course|sure|definitely|"
                 r"absolutely|bien sûr|claro|certo|certamente|"
                 r"claro que sim|맞아요|そうです)(?=\s*(?:[,.!;:\-—–。，、]|$))|"
                 r"^(?:так|авжеж|звісно|звичайно|конечно|разумеется|ага|jasne|oczywiście|självklart|absolut|"
                 r"tabii(?: ki)?|elbette|kesinlikle|bilkul|zaroor|natuurlijk|zeker|uiteraard|jazeker|"
                 r"当然|もちろん|물론(?:이죠|입니다|이에요)?)(?=\s*(?:[,.!;:\-—–。，、]|$))")
NO = re.compile(r"^(?:no|nope|nah|not really|不用|不需要|不是|没有|否|不(?![行能可允得准]))(?![a-z])|"
                r"^(?:nee(?: hoor)?|nie|nej|hayır|нет|nahi|nahin|nein)(?=\s*(?:[,.!;:\-—–]|$))|"
                 # s8-f: no in Ukrainian, "not at all" in the languages the gloss leaves as written
                r"^(?:ні|нi|неа|не-а|ні-ні|нет-нет|wcale nie|absolut inte|inte alls|helemaal niet|hiç(?: de)?|"
                r"bilkul nahi|bilkul nahin)(?=\s*(?:[,.!;:\-—–]|$))")
FILLER = re.compile(r"\b(?:about|around|roughly|approximately|approx|maybe|probably|perhaps|circa|like|some|or so|"
                    r"or thereabouts|give or take|"  # s14-c
                    r"ish|we have|we've got|we get|there are|i think|i guess|i'd say|let'?s say|it'?s|its|total|"
                    r"in total|on average|average|typically|usually|we expect|we'd expect|expected|"
                    r"expecting)\b|大约|大概|约|左右|差不多|将近|接近|上下|估计|"
                    r"可能|我们有|一共|总共|平均|[~≈,.!?:;。、\s]")

# Side questions.
QUESTION = re.compile(r"\?|^\s*(?:what|what's|whats|how|which|is|are|does|do|can|could|would|will|should|why|where|"
                      r"tell me|show me|find|search for|look for|explain|compare|list|estimate|calculate)\b|"
                      r"\b(?:vs\.?|versus|compare|comparison|difference between|how much|how many|tell me about)\b|"
                      r"吗|呢|多少|什么|怎么|怎样|如何|哪些|哪个|几个|多长|多大|对比|比较|区别|介绍一下|估算|"
                      r"算一下|是否")
# An imperative that asks a tool without a question mark: "compare the first and the third", "vergleiche X und Y"
IMPERATIVE = re.compile(r"^\W*(?:please\s+|can you\s+|pls\s+)?(?:compare|contrast|vergleich\w*|compar\w*|confront\w*|"
                        r"对比|比较|比べて|비교)")
COMPARE = re.compile(r"\bcompare|\bcomparison|\bvs\.?\b|\bversus\b|difference|\bbetter\b|\bor\b|"
                     r"\b(?:cheaper|faster|slower|smaller|bigger|larger|more accurate|more expensive|pricier) than\b|"
                     r"对比|比较|区别|哪个好|还是")
FIT = re.compile(r"\bfits?\b|\bpasst\b|\bcabe\b|\bentra en\b|\brentre\b|\btient sur\b|\bsta su\b|載る|乗る|들어가|"
                 r"\b(?:can|could|will|would|does|do) (?:our|my|the|this|that|a|an|one) (?:\w+ )?"
                 r"(?:cards?|gpus?|box|machines?|servers?|hardware|mac|laptop|a100|h100|l4|t4|a10g?|rtx ?\d{4})s? "
                 r"(?:even |actually |really |still |realistically )?(?:run|handle|host|load|serve)\b|"
                 r"\brun(?:s|ning)? (?:it |them )?on\b|\bwork on\b|"
                 r"\b(?:run|host|serve|deploy)\b[^.?]{0,30}\bon (?:a|an|our|my|the|this|that|one|two|\d)\b|"
                 r"enough (?:vram|memory|ram)|"
                 r"how much (?:vram|gpu memory)|"
                 r"在.{0,12}上(?:跑|运行|部署)|能跑|跑得动|跑得了|放得下|装得下|显存够|能不能跑|可以跑")
# "the top pick", "your recommendation", "the API option", "our GPU": what the profile or the short list fills in.
REFERENCE = re.compile(r"\b(?:the|your|that|this) (?:top|first|best|recommended|winning) "
                       r"(?:pick|choice|model|one|option)\b|"
                       r"\byour (?:pick|recommendation|choice|suggestion)\b|\bthe (?:api|hosted|open|self[\s\-]?hosted|"
                       r"local) (?:option|model|one|choice)\b|"
                       r"\b(?:our|my) (?:gpus?|hardware|servers?|machines?|box|card)\b|"
                       r"推荐的模型|首选|第一个|我们的(?:显卡|服务器|机器|gpu)")
# A question about a situation that is not (yet) the user's: "what if we had 2M docs?", "would 500 QPS still be ok?",
# "can any model handle 8k tokens?", "e se fossem 2 milhões?", "如果有两百万份呢？". Its figures are not answers.
HYPOTHETICAL = re.compile(
    r"^[\s¿¡]*(?:(?:and|but|so|ok|okay|also|then|hmm+|wait)[, ]+)?(?:what if|what about|how about|suppose|supposing|"
    r"imagine|hypothetically|in theory|let'?s say|say we|if we\b|would\b.{0,80}\b(?:still|then|instead|also)\b|"
    r"(?:could|would|will|can|does|do)\b.{0,40}\b(?:any|some|a|an|the|that|this|option|it)\b.{0,40}"
    r"\b(?:handle|cope with|scale to|support|deal with|manage|take)\b|is there\b|are there\b|which of\b|"
    r"e se\b|et si\b|y si\b|und wenn\b|was wäre,? wenn|was ist,? wenn|e (?:se|cosa succede)|"
    # (s16-c: "¿Y si llegáramos a ...?", "仮に文書が500万件になったら")
    r"如果|假如|要是|万一|もし|仮に|假设|假設|만약)")
# A figure relative to one said before: "double that", "half of that", "3x that", "das Doppelte", "翻倍".
RELATIVE = re.compile(r"\b(?:double|twice|triple|thrice|half|quadruple|\d{1,2}\s*x|\d{1,2} times|"
                      r"(?:two|three|four|five|six|seven|eight|nine|ten) times)\s+(?:of\s+)?"
                      r"(?:that|this|it|those|the (?:figure|number|amount))\b|^\s*(?:double|triple|half) (?:it|that)\b|"
                      r"\bdas doppelte\b|\bdoppelt so viel|\ble double\b|\bo dobro\b|\bel doble\b|\bil doppio\b|"
                      r"翻倍|翻一番|两倍|一半|倍(?:に|くらい)|두 배|"
                      # s14-a: "加起来得乘三" (times three)
                      r"(?:得|要|再)?乘(?:以)?(?:[二两三四五六七八九十]|\d{1,2})(?![\d万千百])|"
                      # "é metade disso" (glossed "half of them disso"): half of the figure just said (s11-b)
                      r"\bhalf of them\s+(?:disso|disto|daquilo|de eso|de esto|de ello|di quello|davon)\b")
RELATIVE_FACTORS = {r"double|twice|doppel|le double|dobro|doble|doppio|翻倍|翻一番|两倍|倍|두 배": 2.0,
                    r"triple|thrice|three": 3.0, r"quadruple|four": 4.0, r"half|一半": 0.5, r"five": 5.0, r"six": 6.0,
                    r"seven": 7.0, r"eight": 8.0, r"nine": 9.0, r"ten": 10.0, r"乘(?:以)?[二两]": 2.0,
                    r"乘(?:以)?三": 3.0, r"乘(?:以)?四": 4.0, r"乘(?:以)?五": 5.0, r"乘(?:以)?六": 6.0,
                    r"乘(?:以)?十": 10.0}
# A question's clause that states the user's own situation ("we have 50k docs, which model?") or asks for the
# recommendation for it ("which model for our 50k contracts?") is read; other question clauses quote figures to ask
# about them ("is 200 ms realistic?", "do we need a GPU for 10k docs?", "Reicht eine 4090 für 2 Mio. Dokumente?").
# A condition opening a side question or one of its clauses, in every language of the interview ("if we bought an
# L40S, ...", "Falls wir eine A100 mieten würden", "Si alquiláramos una A100", "Se a gente alugasse", "Gdybyśmy kupili",
# "Om vi hyrde", "Bir A100 alsak", "Если купим A100", "Якщо орендуємо", "agar hum A100 kharid lein", "假如买一张",
# "もしA100を買ったら", "A100을 사면"): the card or figure it names is supposed, not the user's own.
IF_CLAUSE = re.compile(
    r"(?:^|[,;:]\s*)\W*(?:if|falls|wenn|sofern|si|s'il|se|als|indien|om|gdyby\w*|jeśli|jeżeli|eğer|если|якщо|"
    r"agar|yadi|"
    # "suppose" words of every language (s9-g): "Angenommen, wir hätten eine L4", "Kalau pakai satu RTX 4090"
    r"suppose|supposing|angenommen|gesetzt den fall|supposons|admettons|imaginons|supongamos|pongamos que|"
    r"imaginemos|suponhamos|digamos que|supponiamo|mettiamo (?:che|caso)|poniamo|ipotizziamo|stel(?: dat)?|"
    r"veronderstel|załóżmy|powiedzmy|допустим|предположим|припустимо|diyelim|farz edelim|varsayalım|"
    r"maan (?:lo|lijiye|lijie)|kalau|jika|seandainya|andaikan|misalnya|misalkan)\b|"
    r"(?:^|[,;:、，]\s*)(?:仮に|もしも|假设|가령|만일)|अगर|मान (?:लो|लीजिए)|"
    r"\b(?:alsak|alırsak|kiralasak|kiralarsak|kullansak|kullanırsak)\b|如果|假如|要是|万一|假设|もし|(?:買|借り|使)っ?たら|"
    r"만약|(?:사|빌리|쓰|도입하)면\b")
OWN_SITUATION = re.compile(
    r"\b(?:we|i)(?:'ve| have| got|'re| are|'m| am| run| use| get| handle| serve| process| store| deal with|"
    r" expect| need to (?:search|index|embed))\b|\bwe'?ll have\b|\bthere are\b|\b(?:our|my)\b|"
    r"\bwir haben\b|\bunsere?\w*\b|\bnous avons\b|\bnos\b|\bnotre\b|\btenemos\b|\bnuestr\w+|\btemos\b|"
    r"\bnoss\w+|\babbiamo\b|\bnostr\w+|我们有|我们的|我们公司|我司|うちの|弊社|当社|저희|우리")
ASKING = re.compile(
    r"^\W*(?:(?:and|but|so|ok|okay|also|then|hmm+|wait|well|sorry)[, ]+)?(?:what|what's|how|which|is|are|does|do|did|"
    r"can|could|would|will|should|shall|why|where|when|who|may|might|isn't|aren't|don't|doesn't|est-ce|reicht|"
    r"brauchen|braucht|ist|sind|kann|k[öo]nnen|muss|m[üu]ssen|lohnt|hace falta|necesitamos|necesito|es|son|puede|"
    r"podemos|se|será|precisamos|preciso|serve|basta|bastano|c'est|faut-il|peut-on|quel|quelle|qual|cu[áa]l|"
    r"cu[áa]nto|quanto|wie|was|welche\w*|como|cómo|combien|conviene|vale)\b|"
    r"什么|多少|怎么|如何|够不够|够吗|行吗|需要.{0,8}吗|(?:吗|嗎)\s*[?？]?\s*$|"
    r"(?:ですか|ますか|でしょうか|か)\s*[?？]?\s*$|(?:까|나요|가요|죠)\s*[?？]?\s*$")
RECOMMEND_ASK = re.compile(
    r"\brecommend|\bsuggest|\bwhich (?:\w+ )?(?:model|embedding)s?\b|\bwhat (?:\w+ )?(?:model|embedding)s?\b|"
    r"\bbest (?:\w+ )?(?:model|embedding|option|choice)|\bshould (?:we|i) use\b|推荐|哪个模型|什么模型|おすすめ|추천|"
    r"empfehl|recommand|recomiend|recomend|raccomand|consigli")
# "which of the 3 options is cheapest?", "which one would you pick?", "这几个里哪个更便宜？": a choice on the list.
WHICH_OPTION = re.compile(r"\bqual (?:das|dos) (?:opç|model)|\bcu[áa]l de (?:las|los) (?:opci|model)|"
                          r"\blaquelle des options|\blequel des mod|\bquale (?:delle|dei) (?:opzion|model)|"
                          r"\bwelche[rsn]? (?:der|dieser) (?:optionen|modelle)|"
                          r"\bwhich (?:of (?:the|these|those|your|them|all)\b|one\b|option\b|pick\b)|"
                          r"\bwhich (?:\w+ )?(?:model|option|one) (?:of|among) (?:the|these|those|your)\b|"
                          r"哪个(?:推荐|选项|方案)|(?:这|那)?(?:几|两|三)个(?:推荐|选项|方案|模型)?(?:里|中|之中)?(?:的)?哪(?:个|一个)")
STORAGE = re.compile(r"storage|disk|\bindex size|how big|how much (?:ram|memory|space)|存储|磁盘|占多少|多大空间|内存")
VECTOR_CUE = re.compile(r"vectors?|embeddings|\bembedding\b(?!\s*(?:models?|api))|\bdims?\b|dimension|index|向量|维")
TOKENS_Q = re.compile(r"how many (?:tokens|chunks|vectors)|多少(?:个)?(?:token|块|分块|chunk|向量)|分几块|切成几块")
COST = re.compile(r"\bcost|\bcusto|\bcoste|\bcosto|\bcoût|\bkosten|\bpreço|\bprecio|\bprix\b|\bprezzo|비용|요금|"
                  r"\bprice|how much (?:would|will|does|is)|expensive|\bcheap|\bbill\b|"
                  r"what (?:would|will|do|does) (?:we|i|it|this|that) (?:pay|spend|cost)\b|"
                  # s11-c: "at $0.13 per 1M, what does that come to?"
                  r"what (?:would|will|does) (?:that|it|this) (?:come|add up|amount) to\b|"
                  r"[$€£]\s*\d[\d.,]*\s*(?:per|/)\s*(?:1\s*m\b|1m\b|million|1\s*k\b|1,000|thousand)|"
                  r"多少钱|成本|费用|价格|花多少")
SEARCH = re.compile(r"\b(?:which|what|any|list|show me|find|is there|are there)\b[^.?]{0,30}\bmodels?\b|"
                    r"\b(?:gibt es|hay|existen?|existem|y a-t-il|il y a|ci sono|c'è)\b[^.?]{0,20}"
                    r"\b(?:modell\w*|modelos?|modèles?|modell[io])\b|"
                    r"モデル(?:って|は|が|とか)?\s*(?:あり(?:ます)?\s*(?:か|\?)|ある(?:の|かな)?\s*(?:か|\?)|"
                    r"ありません\s*(?:か|\?)|ない(?:です)?\s*(?:か|\?))|"
                    r"모델(?:이|은)? 있|"
                    r"모델\s*(?:중에\s*|로는?\s*)?(?:어떤\s*(?:게|것이|거|모델이|것들이)|뭐가|무엇이|뭐)\s*있|"
                    r"\b(?:does|do|can|will|could) (?:any|one) of (?:these|them|those|the (?:options|models|picks))\b|"
                    r"\bmodels? (?:that|which) (?:support|handle|have|are)\b|"
                    # "is there anything with 32k context that's open weights?": a model asked for by its traits
                    r"\b(?:is there|are there|got|know)\s+(?:anything|something|an? (?:option|one|embedding))\b"
                    r"[^.?]{0,40}\b(?:context|open[\s\-]?(?:weights?|source)|supports?|licen[cs]e|dims?|dimensions?|"
                    r"multilingual|languages?)\b|"
                    r"有哪些.{0,12}模型|有没有.{0,15}模型|哪些模型|哪个模型|列出.{0,10}模型|什么模型|模型.{0,6}有哪些")
DIMS = re.compile(r"(\d{1,15})[\s\-]*(?:dims?|dimensions?|dimensional|d|dimensionen|dimensiones|dimensões|dimensioni|"
                  r"dimensies|wymiar\w*|dimensioner|boyut\w*|измерени\w*)\b|(\d{1,15})\s*(?:维|次元|차원)")
# "10M vectors", "1000万个向量", "10 million Vektoren", "1000万件のベクトル", "벡터 1000만 개" (the count;
# scale words after the gloss are k/m/b, 万/亿, or "million")
_VECTOR_WORD = (r"(?:vectors|embeddings|chunks|vektoren|vecteurs|vectores|vetores|vettori|vectoren|wektor\w*|vektorer|"
                r"vektör\w*|вектор\w*|向量|ベクトル|벡터)")
VECTORS = re.compile(rf"(\d{{1,15}}(?:\.\d{{1,15}})?)(?![\d.]|\s*(?:维|次元|차원|dims?\b|dimen))\s*"
                     rf"(k|m|b|万|亿|億|million|millions|thousand)?\s*(?:个|条|件|개|documents\s*の|件の)?\s*(?:of\s+)?"
                     rf"(?:\d{{1,6}}[\s\-]*(?:维|次元|차원|dims?|dimensional)\s*(?:的|の)?\s*)?(?:[^\d\s,，。]{{0,6}}的)?"
                     rf"{_VECTOR_WORD}|"
                     rf"{_VECTOR_WORD}\s*(?:が|を|は|가|를|는)?\s*(\d{{1,15}}(?:\.\d{{1,15}})?)\s*(万|亿|億|k|m|b|million)?\s*"
                     rf"(?:件|개|个|条|documents|items)")
DTYPES = {"int8": "int8", "binary": "binary", "float16": "float16", "fp16": "float16", "bfloat16": "bfloat16",
          "bf16": "bfloat16", "float32": "float32", "fp32": "float32"}
INDEX_TYPES = re.compile(r"\b(hnsw_sq|hnsw|ivf_flat|ivf_pq|ivf_sq8|diskann|flat)\b")
WINDOW = re.compile(r"(\d{1,15})\s*(k)?[\s\-]*(?:tokens?\s+)?(?:context|window|max(?:imum)? (?:length|tokens))|"
                    r"(?:handles?|supports?|accepts?|takes?|process(?:es)?|reads?|embeds?|covers?|fits?|with|up to)\s+"
                    r"(?:up to\s+|inputs? of\s+|documents? of\s+)?(\d{1,15})\s*(k)?[\s\-]*tokens?\b|"
                    r"(\d{1,15})\s*(k)?[\s\-]*tokens?[\s\-]+(?:inputs?|documents?|docs|texts?|passages?|chunks?)|"
                    r"上下文\s*(\d{1,15})|"
                    r"(\d{1,15})\s*(k)?\s*(?:tokens?|token)?\s*(?:的)?(?:上下文|コンテキスト)")
CAPABILITY = re.compile(r"\bmodels? (?:that|which) (?:support|handle|cover|speak|understand|know)\b|"
                        r"unterstützen|soportan|suportam|supportent|supportano|対応|지원|"
                        r"\b(?:support|handle|cover)s? (?:\d+|many|all|most|\w+) languages\b")
MAX_PARAMS = re.compile(r"(?:under|below|smaller than|less than|at most|max|<|小于|低于|不超过)\s*"
                        r"(\d{1,15}(?:\.\d{1,15})?\s*[mb])\b")
KIND_OPEN = re.compile(r"open[\s\-]?(?:source|weights?)|\bopen models?|开源")
KIND_API = re.compile(r"\bapi\b|hosted|闭源")
TOP_K = re.compile(
    r"(?:give|show|recommend|suggest|list)\s+(?:me\s+)?(?:the\s+|your\s+)?(?:top\s+|best\s+)?(\d{1,15})\s*"
    r"(?:\w+\s+)?(?:options|models|recommendations|choices|candidates|alternatives|picks)|"
    r"\btop[\s\-]?(\d{1,15})\b|"
    r"(?<!\bthe )(?<!\bthese )(?<!\bthose )(?<!\byour )(?<!\ball )(?<!\bthe other )"
    r"(\d{1,15})\s+(?:options|recommendations|choices|candidates|alternatives)|"
    r"\b(?:les|die|los|las|os|as|i|le)\s+(\d{1,2})\s+(?:meilleur[es]*|besten|mejores|melhores|migliori)\b|"
    r"上位\s*(\d{1,2}|[一二三四五六七八九十])\s*(?:つ|件|個|位)?|상위\s*(\d{1,2})|"
    # (not "每来一个电话查一次": a call coming in, s14-c)
    r"(?:推荐|给我|列出|(?<![每再又])来)\s*(\d{1,15}|[一二两三四五六七八九十]+)\s*(?:个|款|种)|"
    r"前\s*(\d{1,15}|[一二两三四五六七八九十]+)\s*(?:个|名)")
PRIORITY_WORDS = {
    "quality": re.compile(r"quality|accura(?:cy|te)|precision|recall|relevan(?:ce|t)|(?:good|better|best) results|"
                          r"calidad|precisi[oó]n|exactitud|relevancia|qualit[äa]t|genauigkeit|pr[äa]zision|relevanz|"
                          r"质量|效果|准确|精度|召回|"
                          # s15-b: in the languages of heldout48
                          r"qualit[àa]|kwaliteit|jako[śs][ćc]|kvalitet|kalite|качеств|kualitas|chất lượng|คุณภาพ|품질|"
                          # lead s17: French, Portuguese, Japanese and Korean words for it, superlatives of it
                          r"qualité|qualidade|précision|precisão|exatidão|acurácia|pertinence|品質|品质|正確|정확도|"
                          r"정확성|정밀도|most accurate|best (?:quality|answers)|"
                          r"\bkeakuratan\b|الجودة|الدقة|\baccuracy\b|\bđộ chính xác\b|"
                          # s17-b (dev19b): accuracy and quality in Indonesian/Malay, Arabic, Hindi, Thai,
                          # Vietnamese, Polish, Swedish and Turkish ("akurasi", "ketepatan", "الدقة", "सटीकता")
                          r"\bakurasi\b|\bketepatan\b|\bkualiti\b|\bkejituan\b|جودة|دقة|सटीकता|गुणवत्ता|"
                          r"แม่นย(?:\u0e33|\u0e4d\u0e32)|\bchính xác\b|\bdokładno[śs][ćc]|\btrafno[śs][ćc]|"
                          r"\bträffsäkerhet|\bdoğruluk"),
    # (not "most SKUs priced $20-$80": a product's price, no priority; s15-c)
    "cost": re.compile(r"\bcost|\bprice(?!d\b)|cheap|affordab|\$\$|\bcost[oe]s?\b|\bprecios?\b|"
                       r"\bkosten|\bpreis|\bgünstig|\bbillig|成本|价格|便宜|省钱|费用|花费|"
                       r"\bcosti\b|\bkoszt|\bkostnad|\bkostar\b|\bkost\b|\bmaliyet|стоимост|сколько (?:это )?стоит|"
                       r"\bbiaya\b|chi phí|ค่าใช้จ่าย|비용|"
                       # lead s17: French, Portuguese, Spanish and Japanese words for it
                       r"\bco[uû]ts?\b|\bcustos?\b|\bbarat[oa]s?\b|\becon[oó]mic[oa]\b|\bpas cher\b|コスト|費用|"
                       r"値段|料金|安さ|安い|安く|가격|\b(?:the|our|monthly|cloud) bill\b|التكلفة|الكلفة|कीमत|\bgiá\b|"
                       # s17-b: cheap, price and cost in the languages of dev19b ("murah", "التكلفة", "लागत",
                       # "ถูกสุด" (not "ถูกต้อง", correct), "giá rẻ", "tanio", "billig", "ucuz")
                       r"\bmurah|\bharga\b|\bkos\b|تكلفة|كلفة|السعر|رخيص|أرخص|लागत|खर्च|सस्ता|\bsasta\b|"
                       r"ถูกสุด|ถูกที่สุด|ราคา|\brẻ\b|giá thành|\btani\w*|\btanio\b|\bcen[aęy]\b|\bbillig|"
                       r"\bpris\b|\bucuz|\bfiyat"),
    "latency": re.compile(r"latency|speed|\bfast|\bquick|response time|latencia|velocidad|\br[aá]pid|latenz|"
                          r"\bschnell|geschwindigkeit|antwortzeit|延迟|速度|快速|更快|越快|响应|"
                          r"\bsnelheid|szybko[śs][ćc]|\bhastighet|\bsvarstid|\bhız|\bgecikme|скорост|задержк|"
                          r"\bkecepatan|\blatensi|tốc độ|độ trễ|ความเร็ว|속도|지연|"
                          # lead s17: French, Portuguese and Japanese words for it
                          r"\blatence\b|lat[eê]ncia|rapidité|rapidez|velocidade|snappy|responsive(?:ness)?|"
                          r"レイテンシ|応答|速さ|速い|レスポンス|응답|السرعة|"
                          # s17-b: speed and latency in the languages of dev19b ("السرعة", "गति", "เร็ว", "laju")
                          r"\blatens\b|سرعة|زمن الاستجابة|गति|स्पीड|เร็ว|\bkelajuan\b|\blaju\b|\bcepat\b|"
                          r"\bnhanh\b|\bszybk\w*"),
}
# (not "it should cost at most ...": a limit, no ranking; s15-c)
# (not the ordinal "first" before a time or a step: "for the first month the cost ...", "the first indexing pass"; lead
# s17)
PRIORITY_CUE = re.compile(r"(?<!\bat )\bmost\b|\bfirst\b(?!\s+(?:month|year|week|day|quarter|index\w*|pass|run|time|"
                          r"phase|version|release|step|batch|load|import|pilot|round|stage|few|two|three|\d))|"
                          r"priorit|important|matters?\b|care (?:most )?about|\bthen\b|"
                          r"followed by|above all|primarily|main(?:ly)? (?:concern|goal)|\bover\b|more than|"
                          # s16-b: "more than" in the other languages ("la qualità conta più del costo", "la calidad
                          # importa más que el costo", "Qualität ist wichtiger als Kosten")
                          r"\bpiù (?:del|dello|della|dei|degli|che)\b(?!\s*\d)|\bmás que\b|\bplus que\b|"
                          r"\b(?:mehr|wichtiger) als\b|\bmais (?:do )?que\b|\b(?:meer|belangrijker) dan\b|"
                          r"\bważniejsz\w* (?:niż|od)\b|\bviktigare än\b|\bdaha önemli\b|важнее|"
                          r"\btrumps?\b|\bbeats? everything\b|\bcomes? (?:first|second|next|last)\b|"  # s13-a
                          # "cheap > fast" (not a quoted line's "> "), "quality second" (not "per second")
                          r"\w[ \t]*>[ \t]*[\w$]|#\s?1\b|number one|\bsecond(?:ly)?\b(?=\s*(?:[.,;!]|$))|"
                          r"\bprimero\b|\bdespu[eé]s\b|\bluego\b|sobre todo|m[aá]s importante|lo que m[aá]s|"
                          r"\bzuerst\b|\bdann\b|\bdanach\b|hauptsache|am wichtigsten|vor allem|"
                          r"as (?:cheap|fast|accurate|good) as possible|"
                          # "模型最好自己部署" (preferably self-hosted) ranks nothing beside it (s8-f)
                          # s16-b: nor "延迟最好控制在100毫秒以内" (preferably, any verb after it), nor a limit
                          # ("最多200毫秒", "最长3秒": at most, a figure after it)
                          r"最(?!好[^\s，。,.!！?？的])(?![多少高低长短大小晚迟慢]\s*(?:\d|[一二三四五六七八九十两几]))|优先|首先|其次|然后|看重|重要|"
                          r"第一|第二|在乎|关注|"
                          # s15-b: first, then and "goes before" in the languages of heldout48
                          r"prima di tutto|innanzitutto|\bpoi\b|\bgaa?n voor\b|\bdaarna\b|\beerst\b|\bnajpierw\b|"
                          r"\bpotem\b|\bförst\b|\bsedan\b|\bönce\b|\bsonra\b|сначала|потом|затем|\bpertama\b|"
                          r"\bkemudian\b|trước tiên|sau đó|รองลงมา|먼저|그다음|다음으로|"
                          # and "matters" or "important" ("spelar ingen roll", "maakt niet uit", "중요해요")
                          r"\bspelar (?:ingen |mindre |stor )?roll\b|\bmaakt (?:niet )?uit\b|\bznaczeni\w*|важн\w*|"
                          r"중요|상관없|"
                          # lead s17: what ranks a thing first, second or next in more words and languages ("accuracy
                          # is king", "our top concern", "all about speed", "cheapest thing that works", "Qualität vor
                          # Kosten", "la qualité prime, le coût ensuite", "custo é o principal, qualidade depois",
                          # "por encima del precio", "精度重視", "コストは二の次", "비용보다 품질이 우선")
                          r"\bking\b|\btop (?:priority|concern|requirement)|\ball about\b|\bmain thing\b|"
                          r"\bprimary\b|\b(?:cheapest|fastest|quickest)\b(?!\s+(?:gpus?|box|instances?|cards?|servers?|machines?|vms?|nodes?|"
                          r"hardware|cloud|regions?|p\d))|\bsecondary\b|\bafter that\b|"
                          r"\bnext\b|\bcare (?:\w+ )?about\b|\bis not (?:a )?(?:big |huge |major )?(?:issue|concern)\b|"
                          r"\bvor\b(?!\s+(?:ort|\d|kurzem|jahren|monaten|wochen))|wichtigst|zweitrangig|nachrangig|"
                          r"in erster linie|\bprime\b|avant tout|d'abord|en premier|\bsurtout\b|\bensuite\b|\bpuis\b|"
                          r"prioritaire|passe avant|compte peu|secondaire|ante todo|por encima de|\bprincipal\b|"
                          r"antes que|em primeiro lugar|acima de tudo|antes de tudo|\bdepois\b|em seguida|"
                          r"\bantes d[oa]\b|secund[aá]ri[oa]|soprattutto|belangrijkst|voorop|重視|優先|一番|二の次|"
                          r"その次|次に|(?<=は)次|最優先|우선|가장|보다|"
                          # dev19b's languages: "yg penting murah dulu, baru akurasi", "Ketepatan paling utama, kos
                          # nombor dua", "أهم حاجة السرعة، وبعدين الجودة", "الأولوية للدقة قبل التكلفة", "Przede
                          # wszystkim jakość. Koszt na drugim miejscu", "सबसे पहले सटीकता, फिर लागत", "chất lượng trước,
                          # rồi đến tốc độ", "เอาถูกสุดก่อน แล้วค่อยเร็ว", "Speed na last"
                          r"\bpaling (?:penting|utama)\b|\byg penting\b|\byang penting\b|\bdulu\b|\bbaru\b|"
                          r"\bnombor (?:satu|dua)\b|أهم|الأولوية|أولوية|وبعدين|بعدين|ثم|بعد ذلك|قبل|آخر حاجة|"
                          r"przede wszystkim|na drugim miejscu|na pierwszym miejscu|सबसे पहले|सबसे ज़रूरी|सबसे जरूरी|"
                          r"\bफिर\b|\btrước\b|\brồi đến\b|\bsau cùng\b|ก่อน|แล้วค่อย|\bna last\b|\blast\b|"
                          # s17-b: first, then, most important, second and last in the languages of dev19b
                          # ("murah dulu, baru akurasi", "Ketepatan paling utama, kos nombor dua", "أهم حاجة
                          # السرعة، وبعدين الجودة", "للدقة قبل التكلفة", "सबसे पहले सटीकता, फिर लागत", "เอาถูกสุดก่อน
                          # แล้วค่อยเร็ว", "chất lượng trước, rồi đến tốc độ", "Koszt na drugim miejscu")
                          r"\bdulu\b|(?<=[.,] )baru\b|\bpaling (?:penting|utama)\b|\bnomb?or (?:satu|dua|tiga)\b|"
                          r"\b(?:yang |yg )?(?:penting|utama)\b|أهم|الأولوية|أولوية|قبل|بعدين|\bثم\b|آخر|أولا|"
                          r"सबसे पहले|सबसे जरूरी|\bफिर\b|\bsabse pehle\b|\bphir\b|ก่อน|แล้วค่อย|ส(?:\u0e33|\u0e4d\u0e32)คัญ|"
                          r"\btrước\b|rồi đến|sau cùng|quan trọng|ưu tiên|przede wszystkim|na (?:pierwszym|drugim|"
                          r"trzecim|ostatnim) miejscu|najważniejsz\w*")
# "good results and low latency, in that order": every priority named in the message is ranked by the order said
PRIORITY_ORDERED = re.compile(r"\bin (?:that|this) order\b|\ben ese orden\b|\bin dieser reihenfolge\b|按这个顺序|依次")
PRIORITY_DOWN = re.compile(r"^\W{0,3}(?:(?:matters?|is|are|counts?)\s+)?(?:doesn'?t|does not|don'?t|do not|isn'?t|"
                           r"is not|less|least)\b|"
                           # s15-b: "la latenza ci importa poco", "snelheid boeit ons minder", "hız daha az önemli"
                           r"^\w{0,4}\W{0,3}(?:ci importa poco|non (?:ci )?importa|conta meno|"
                           r"boeit (?:ons )?(?:minder|niet)|is minder belangrijk|(?:jest )?mniej ważn\w*|"
                           r"s?pelar mindre roll|är mindre viktig\w*|daha az önemli|(?:\w+ )?менее важн\w*|"
                           r"не так важн\w*|kurang penting|ít quan trọng|덜 중요|s?pelar ingen roll|maakt niet uit|"
                           r"nie ma znaczenia|не важно|"
                           # s17-b: "Latens bryr vi oss inte så mycket om", "kecepatan gak terlalu penting",
                           # "والتكلفة آخر حاجة", "chi phí để sau cùng"
                           r"bryr (?:vi|jag) (?:oss|mig) inte|(?:gak|ga|nggak|tidak|tak) (?:terlalu |begitu )?penting|"
                           r"(?:هي |هو )?(?:آخر|أقل أهمية|مش مهم|غير مهم|مو مهم)|(?:để )?sau cùng|không quan trọng|"
                           r"(?:\S{0,4}\s?){0,2}(?:상관없|중요하지\s*(?:않|not)|중요치\s*않))|"
                           r"^\W{0,3}(?:是)?(?:无所谓|不重要|不在乎|不关心|其次|次要)|"
                           # lead s17: "latency we don't care much about", "cost is not a big issue", "compte peu"
                           r"^\W{0,3}(?:we |i )?(?:really )?(?:don'?t|do not) (?:really |much |too much )?care\b|"
                           r"^\W{0,3}is not (?:a )?(?:big |huge |major )?(?:issue|concern|problem)\b|"
                           r"^\W{0,3}(?:\w+ )?(?:compte|comptent) peu\b|^\W{0,3}(?:na )?last\b|"
                           r"^\W{0,3}(?:\w+ )?(?:để )?sau cùng|^\W{0,3}آخر حاجة|"
                           r"^\W{0,3}bryr (?:vi|jag) (?:oss |mig )?inte|"
                           r"^\W{0,3}(?:gak|nggak|tidak|tak) (?:terlalu |begitu )?penting|"
                           r"^\W{0,3}(?:は|が)?(?:気にしない|気にしません|後回し)")
# The user saying they are not sure of what they just said, in every language of the lexicon: "not sure tbh", "I'd
# have to check", "weiß ich ehrlich gesagt nicht genau", "no estoy seguro", "확실하진 않아요", "不太确定"
NOT_SURE = (r"\bnot (?:100\s?%|entirely|totally|completely|quite|really|so |too )?\s?sure\b|\bunsure\b|\bidk\b|"
            r"\bdunno\b|\b(?:need|have|'d have|would have) to (?:double[- ]?)?(?:check|confirm|verify)\b|"
            r"\bdouble[- ]?check\b(?!ed)|"
            r"\bto be confirmed\b|\btbc\b|\bnoch klären|\bnicht (?:ganz |so )?sicher|"
            r"\bwei(?:ß|ss) (?:ich )?(?:es )?(?:ehrlich gesagt |echt )?nicht (?:so )?genau|"
            r"à vérifier|\bpas s[ûu]re?\b|\bje ne sais pas (?:exactement|trop)|\bno estoy segur[oa]|"
            r"\bno (?:lo )?s[ée] (?:seguro|exactamente|bien)|\bhay que confirmar|\bda verificare|\bnon sono sicur[oa]|"
            r"\bnon (?:lo )?so (?:di preciso|esattamente|bene)|\bn[ãa]o tenho certeza|"
            r"\bn[ãa]o sei (?:ao certo|exatamente)|"
            r"\bweet ik niet (?:zeker|precies)|\bniet zeker\b|\bnie jestem pew\w*|\binte säker|\bemin değilim|"
            r"(?<![а-я])не уверен\w*|(?<![а-я])не знаю точно|不确定|不太确定|说不准|不一定准|要确认|"
            r"確認(?:します|が必要)|わかりません|自信(?:が)?ない|確かじゃ|확실하(?:지|진|진\s?않|지\s?않)|"
            r"확인해|자신\s?없")


FIELD_WORDS = {
    "domain": r"domain|industry|field|subject|领域|行业",
    "languages": r"languages?|语言|语种",
    "doc_length_tokens": r"length|how long|long are|长度|多长|篇幅",
    "corpus_docs": r"how many (?:docs|documents)|number of (?:docs|documents)|corpus size|document count|"
                   r"文档数|多少(?:份|篇|个)?文档",
    "queries_per_month": r"quer(?:y|ies)|traffic|qps|查询|请求量|访问量",
    "budget_usd_month": r"budget|spend|money|预算|花多少|费用|成本",
    "hardware": r"hardware|gpu|machine|server|硬件|显卡|服务器|机器",
    "deployment": r"deploy(?:ment)?|hosting|部署",
    "data_must_stay_on_prem": r"privacy|on[\s\-]?prem|data residency|隐私|内网|数据安全",
    "license": r"licen[cs]e|许可|协议|授权",
    "latency_p95_ms": r"latency|response time|延迟|响应时间",
}
FIELD_RES = {f: re.compile(p) for f, p in FIELD_WORDS.items()}
