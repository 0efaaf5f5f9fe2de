"""Numbers in what people write: digits with k/M/B, number words, Chinese numerals (十百千万亿), ranges; sentences.

``normalise`` is the first step of every reading: NFKC, lower case, the multilingual gloss of
``agent.understanding_lexicon``, number words ("a couple hundred thousand", "twice a day") as digits.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from agent.understanding_lexicon import gloss, number_formats
from agent.understanding_memo import once_per_message
from agent.understanding_number_words import cjk_ranges, number_words

MAX_CHARS = 4_000  # only the first 4,000 characters of a message are read


# Numbers: English digits with k/M/B or words, Chinese numerals with 十百千万亿, and ranges ("10-20") by their midpoint.
# Digit runs are capped at 15 so that no pattern backtracks quadratically over a long run of digits.
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9, "几": 3}  # 几 ("a few") counts as 3, like "a few" in English


_CN_SMALL = {"十": 10, "百": 100, "千": 1000}


_EN_MULT = {"grand": 1e3, "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7,  # en-IN
            "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "mm": 1e6, "mio": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9,
            "billion": 1e9}


_NUMBER = re.compile(
    r"(?<![a-z0-9_.\-/])(?!一(?:共|[个個]月|[个個]星期))(?:"  # "一共", "一个月": no figure (s7-d)
    r"(?P<cn>(?:\d{1,15}(?:\.\d{1,15})?|[零〇一二两三四五六七八九十几]|[百千](?=[一二两三四五六七八九]))[\d零〇一二两三四五六七八九十几百千万亿]*"
    r"[十百千万亿](?:[一二两三四五六七八九几](?![\d零〇一二两三四五六七八九十百千万亿几]))?|[零〇一二两三四五六七八九十][零〇一二两三四五六七八九十百千几]*(?![些下点起直般定样旦切同])|"
    r"[百千][万亿])|"  # "百万份", "千万条": a million, ten million
    r"(?P<en>\d{1,3}(?:,\d{3})+(?:\.\d{1,15})?|\d{1,15}(?:\.\d{1,15})?)"
    r"(?:\s?(?P<mult>k|mn|mm|mio|m|bn|b|thousand|million|billion|lakhs?|lacs?|crores?|grand)"
    r"(?![^\W\d_\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]))?)")  # "1k刀", "5k字": a CJK word after the multiplier


_TIMES = {"once": "1 times", "twice": "2 times", "thrice": "3 times"}


_TIMES_WORDS = re.compile(r"\b(?:once|twice|thrice)\b(?=\s+(?:a|an|per|each|every)\b)")


# "between 5k and 8k"; after the gloss too, where "mil", "mila" and "ألف" became digits or "thousand" and "e", "و" an
# "and" ("entre 10 mil e 15 mil", "tra 10 mila e 15 mila", "بين 10 آلاف و15 ألف")
_BETWEEN = re.compile(r"(?:\bbetween|\bentre|\btra|\bfra|بين)\s+(\d[\d,.]*\s?(?:[kmb]|thousand)?)\s+(?:and\s+|و\s*)"
                      r"(\d[\d,.]*\s?(?:[kmb]|thousand)?)(?![\w.,]?\d)")


_RANGE_JOIN = re.compile(r"\s*(?:-|–|~|to|至|到|から|에서)\s*")  # "1万から1万5千", "1만에서 1만 5천"


_WORD_VALUES = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
                "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100, "half a": 0.5,
                "a few": 3, "a couple of": 2, "couple of": 2, "couple": 2,
                "a couple hundred": 200, "couple hundred": 200, "a single": 1, "a couple": 2, "several": 3,
                "a few hundred": 300,
                "several hundred": 300, "hundreds of": 300, "a few thousand": 3000, "a dozen": 12, "dozen": 12,
                "half a dozen": 6, "a couple dozen": 24, "a couple of dozen": 24, "a handful of": 5, "a handful": 5,
                "a few dozen": 36, "few dozen": 36, "several dozen": 36, "dozens of": 36}


_WORD_ALT = "|".join(sorted(_WORD_VALUES, key=len, reverse=True))


_HUNDREDS = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|fifty|"
                       r"a few|several)\s+hundred\b(?!\s+(?:and|to)\b)")
_WORD_MULT = re.compile(rf"\b({_WORD_ALT})\s+(thousand|million|billion)s?\b")


_CN_ODD = re.compile(r"(?<![\d.])((?:\d{1,4}|[一二两三四五六七八九])?[十百千万])来"  # "十来个", "8千来份"
                     r"(?=个|份|篇|次|人|页|[^\d]|$)")
_AND_A_HALF = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}) and a half "
                         r"(thousand|million|billion)\b")
_DIGITS_ISH = re.compile(r"(?<![\w.,])(\d{1,6}(?:[.,]\d+)?\s?[km]?)\s?-?ish\b")
_ISH = re.compile(r"\b(ten|twenty|thirty|forty|fifty|fifteen|twelve|five|six|seven|eight|nine|three|four|two)"
                  r"[\s\-]?ish\b")


_WORD_UNIT = re.compile(rf"\b({_WORD_ALT})\s+(?=(?:pages?|paragraphs?|tweets?|sentences?|options|recommendations|kb|"
                        r"models|"
                        r"choices|candidates|documents|docs|seconds?|cores|words|files|users|people|employees|gpus|"
                        r"times|queries|searches|requests|lookups)\b|questions\b(?=[^,.;!?]{0,30}?"
                        r"\b(?:a|an|per|each|every)\s+(?:day|week|month|hour|minute|second|year)\b|"
                        r"[^,.;!?]{0,30}?\b(?:daily|weekly|monthly|hourly)\b))")  # "a couple of questions first"


@dataclass(frozen=True)
class Number:
    """A number found in the text: where it is and its value (ranges give their midpoint)."""

    start: int
    end: int
    value: float


# A compound CJK numeral written with a space between its parts ("3만 5천" -> "3万 5千", "1억 2천만"): one number
# when the second part is smaller than the unit that ends the first.
# s13-b: in words too, the ten thousand alone ("만 이천 건" -> "万 二千": 12,000; "一万 五千")
_CJK_COMPOUND = re.compile(r"(?<![\d.一二两三四五六七八九十百千万亿])"
                           r"(\d{1,4}(?:\.\d{1,3})?[万亿]|[一二两三四五六七八九十百千]{0,4}[万亿])[ \u00a0]+"
                           r"(?=((?:\d{1,4}|[一二两三四五六七八九]{1,2})[十百千](?:万)?)(?![\d.]))")


def _join_compound(match: re.Match[str]) -> str:
    first, second = match.group(1), match.group(2)
    if parse_cn(second) >= (10_000 if first.endswith("万") else 100_000_000):
        return match.group()
    return f"一{first}" if first in ("万", "亿") else first


_CODES = r"usd|eur|gbp|chf|cad|aud|nzd|jpy|cny|rmb|krw|inr|brl|mxn|pln|sek|nok|dkk|rub|sgd|hkd|twd|zar|aed|myr"
_GLUED_CODE_AFTER = re.compile(rf"(?<![a-z])(\d[\d.,]*(?:k|m|mn|bn)?)({_CODES})\b")
_GLUED_CODE_BEFORE = re.compile(rf"\b({_CODES}|kr|zł|ngn|php|rm|r(?=\d[\d ,.]*\d|\d+(?:\.\d+)?\s?k\b))(?=\d)")
# ("EUR5k", "kr8000"; s15-a: the rand's "R5 000", "R50k", not "R2"; s17-b: the ringgit's "RM5,000", "RM8k")
# Traditional Chinese characters of figures and money that Japanese does not write (萬 for 万, 兩 for 两, 幣 for 币 ...)
_TRADITIONAL = str.maketrans({"萬": "万", "兩": "两", "幣": "币", "塊": "块", "歐": "欧", "鎊": "镑"})
# Arabic and Devanagari scripts (issue 17): Arabic-Indic (٣٠٠), Persian (۳۰۰) and Devanagari (३००) digits as ASCII,
# the Arabic comma, question mark, decimal and thousands signs as ASCII, and the marks people add or leave out as they
# please dropped (Arabic vowel signs and tatweel, the Devanagari nukta: "हज़ार" and "हजार" are one word)
_SCRIPT_DIGITS = str.maketrans({**{chr(0x0660 + i): str(i) for i in range(10)},
                                **{chr(0x06F0 + i): str(i) for i in range(10)},
                                **{chr(0x0966 + i): str(i) for i in range(10)},
                                "،": ",", "؟": "?", "؛": ";", "٫": ".", "٬": ",", "ـ": None, "\u093c": None,
                                "\u0964": ".", "\u0965": ".",  # s17-b: the Devanagari danda ends a sentence
                                **{chr(c): None for c in range(0x064B, 0x0653)}})
# The common traditional characters of a consultation in simplified form, for Chinese written in Taiwan or Hong Kong
# ("大概 12 萬份文件", "一份報告平均 20 頁"); applied only to text with no kana, since Japanese writes many of them too.
_TRADITIONAL_TEXT = str.maketrans(
    "個們資檔報頁數據單價預總計約費處銷裡裏這說時間開發機雲網體碼庫務點麼語識別題類選擇種條筆紀錄檢詢請問"
    "與為會對應該沒無於從過還給讓將業戶員團隊廠區門專產規書劃國內際證醫療險銀號議質離線託權許遲響週達準確"
    "續長詞張顯記憶電腦買調換錯講剛嗎夠絕廣東億萬兩幣塊歐鎊馬來學術論錢貴實幾畫圖讀寫軟邊層級範圍舊聞頻寬"
    "輸傳遞儲雜紹細節負責維護標視訊稅額帳營辦聯繫係優勢場經濟認氣樣眾閱歷貨購訂關鍵複統現狀態備齊測試驗註"
    "釋獲歸鏈運輛車農藥診財貸債審師職擊尋灣臺夾",
    "个们资档报页数据单价预总计约费处销里里这说时间开发机云网体码库务点么语识别题类选择种条笔纪录检询请问"
    "与为会对应该没无于从过还给让将业户员团队厂区门专产规书划国内际证医疗险银号议质离线托权许迟响周达准确"
    "续长词张显记忆电脑买调换错讲刚吗够绝广东亿万两币块欧镑马来学术论钱贵实几画图读写软边层级范围旧闻频宽"
    "输传递储杂绍细节负责维护标视讯税额账营办联系系优势场经济认气样众阅历货购订关键复统现状态备齐测试验注"
    "释获归链运辆车农药诊财贷债审师职击寻湾台夹")
# Cantonese words in Mandarin, for Chinese written as Hong Kong speaks it ("我哋係香港一間私人銀行",
# "梗係唔可以出香港啦", "一日大概幾百次 query"): applied only to text with a word only Cantonese writes, longer first.
_CANTONESE_MARK = re.compile(r"[哋嘅唔冇喺咗啲嘢佢咩嚟乜啱嗰畀㗎]|梗係|而家|幾多|點解")
_CANTONESE = (("梗係", "当然是"), ("唔係", "不是"), ("唔可以", "不可以"), ("唔得", "不行"), ("唔使", "不用"),
              ("唔多", "不多"), ("我哋", "我们"), ("你哋", "你们"), ("佢哋", "他们"), ("乜嘢", "什么"),
              ("嘢", "东西"), ("幾多", "多少"), ("點解", "为什么"), ("而家", "现在"), ("呢個", "这个"),
              ("嗰個", "那个"), ("一日", "一天"), ("係", "是"), ("嘅", "的"), ("唔", "不"), ("冇", "没有"),
              ("喺", "在"), ("咗", "了"), ("啲", "些"), ("佢", "他"), ("睇", "看"), ("咩", "什么"), ("嚟", "来"),
              ("畀", "给"), ("俾", "给"), ("啱", "对"), ("嗰", "那"), ("咁", "这样"), ("㗎", ""), ("同", "和"))
# A period after a slash in every language the interview meets ("5.000 consultas/semana", "300 Anfragen/Tag",
# "5000件/週"): the English "per" phrase the rate reader knows.
_SLASH_PERIODS = (
    ("day", r"tag|jour|d[ií]a|giorno|dag|dzie[nń]|dob[eę]|g[uü]n|день|дн[яе]|сутки|天|日|일"),
    ("week", r"woche|semaine|semana|settimana|week|tydzie[nń]|tydz|vecka|hafta|недел[юя]|нед|周|週|주"),
    ("month", r"monat|mois|mes|m[eê]s|mese|maand|miesi[aą]c|mies|m[aå]nad|m[aå]n|ay|месяц|мес|月|달|월"),
    ("year", r"jahr|an|ann[eé]e|a[nñ]o|anno|jaar|rok|[aå]r|y[iı]l|год|年|년"),
    ("hour", r"stunde|std|heure|hora|ora|uur|godz\w*|timme|saat|час|小时|小時|時間|시간"),
    ("shift", r"shift|schicht"),  # "40 searches/shift" (s8-a)
    ("working day", r"working day|workday|business day|weekday"))
_KB_ARTICLES = re.compile(r"\bkb\s+(?=(?:articles?|entries|pages|docs|documents|content|posts|items)\b)")
# Questions paired with their answers are entries of a Q&A bank (documents), not searches: "vragen en antwoorden",
# "вопросов-ответов", "सवाल-जवाब", "soru-cevap", "tanya-jawab", "preguntas y respuestas", "질의응답"
_QA_PAIRS = re.compile(r"\b(?:vragen (?:en|&) antwoorden|fragen (?:und|&) antworten|questions?[- ](?:and |& )?"
                       r"(?:answers?|réponses)|preguntas (?:y|&) respuestas|perguntas (?:e|&) respostas|"
                       r"domande (?:e|&) risposte|pyta(?:nia|ń) (?:i|&) odpowiedzi|soru[- ](?:ve )?cevap\w*|"
                       r"tanya[- ]jawab|sawaa?l[- ]jawaa?b)\b|вопрос\w*[- ](?:и )?ответ\w*|"
                       r"питан\w*[- ](?:і )?відповід\w*|"
                       r"सवाल[- ]जवाब|प्रश्न[- ]उत्तर|질의응답|질문과 답변")
# Chat shorthand for a query rate: "10 q/day", "5 q/h", "2k reqs/d", "300 searches/wk"
_SHORT_PERIOD = {"d": "day", "day": "day", "h": "hour", "hr": "hour", "hour": "hour", "wk": "week", "w": "week",
                 "week": "week", "mo": "month", "mon": "month", "month": "month", "m": "month"}
_SHORT_RATE = re.compile(r"(?<![\w.])(\d[\d.,]*\s*[km]?)\s*(?:q|qs|qry|queries|reqs?|searches|lookups)\s*/\s*"
                         r"(d|day|h|hr|hour|wk|w|week|mo|mon|month|m)(?![a-z])")
# (not a CJK word that starts with the period's character: "한국어/영어/일본어" is Japanese, "英語/日本語" too, s16-a)
_SLASH_PERIOD = re.compile(r"\s*/\s*(?:(" + ")|(".join(p for _, p in _SLASH_PERIODS) +
                           r"))(?![a-zß-ÿа-яё])(?!본|본어|本語|本|语|語|주|문|요일|曜)")
# A period word right before the figure in Japanese and Korean ("週5000件くらい", "주 5000건"): per week.
# After a kana particle or verb ending too ("月2万じゃなくて週2万でした"), never after a kanji ("今週", "毎月").
_PERIOD_BEFORE = re.compile(r"(?:(?<![\w\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af])|(?<=[\u3040-\u309f]))"
                            r"(?:(週|주)|(月|월)|(年|연)|(?<=[\u3040-\u309f])(日))\s*(?=\d)")
# Questions kept as content, not asked as searches: "3 lakh solved questions", "40k practice questions", "MCQs".
_BANK_QUESTIONS = re.compile(r"\b(solved|answered|practice|exam|past[\s\-]paper|quiz|sample|mcq|mock[\s\-]test)\s+"
                             r"(?:questions|problems|qs|doubts)\b|\b(mcqs)\b")
_KANA = re.compile(r"[\u3040-\u30ff]")
# Characters only traditional Chinese writes (Japanese has its own forms: 会, 対, 学, 体, 数 ...): "日本語、韓国語" is
# Japanese with no kana, and stays as written
TRADITIONAL_ONLY = re.compile(r"[們這說與會對麼裡嗎沒從讓將學體應萬兩幣塊廠區檔總數據內遲詢單價錄檢驗證國灣臺營]")
# A figure and its CJK magnitude written apart ("12 萬", "50 万", "2 억"): one number
_SPACED_MAGNITUDE = re.compile(r"(?<=\d)[ \u00a0]+(?=[千万亿萬億천만억](?![a-z]))")
# The number of an item in a list ("1) 文档总量", "3. Throughput:" on a line of its own, "；３、查询"): no figure of any
# field (not "2. seçenek", an ordinal in a sentence)
_ENUMERATOR = re.compile(r"(^|\n|[;；:：]\s?)\s*\d{1,2}\s*[)）、](?=\s*[^\d\s.,])|(\n)\s*\d{1,2}\.(?=\s+[^\d\s.,])")
# Thousands grouped with commas before a CJK magnitude ("1,000万件", "1,500万円", "월 1,000만 건"): one figure.
_GROUPED_MAGNITUDE = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?=[千万亿萬億천만억])")


_DOZENS = re.compile(r"\b(a few dozen|several dozen|dozens of|a couple of dozen|a couple dozen)\b")


# Service around the clock in the CJK languages: "24小时都有人用", "全天24小時", "24時間稼働", "24시간 운영"
# (not "24小时内", within a day, which is a deadline)
_ROUND_THE_CLOCK = re.compile(r"(?:全天|全日|一天|一日|하루)\s*24\s*(?:小时|小時|時間|시간)"
                              r"(?!\s*(?:内|內|以内|以內|之内|之內|이내))|"
                              r"24\s*(?:小时|小時|時間|시간)\s*(?=都|全天|在线|在線|运行|運行|运转|運轉|稼働|稼動|運用|有人|"
                              r"不间断|不間斷|服务|服務|営業|운영|가동|서비스|돌아|365)")


# s7-d (issue 17): CJK figures as chat writes them: "5w" (万), "3万5000件" (35,000), a bare 千 before a counter
_CJK_TEXT = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")
_WAN_W = re.compile(r"(?<![a-z\d.,])(\d{1,4}(?:\.\d{1,2})?)\s?w(?![a-z])")
_CJK_TAIL = re.compile(r"(?<![\d.,])(\d{1,4})([万千亿])(\d{1,4})(?![\d.]|,\d|\s*[十百千万亿])")  # ("1万2，我": 12,000)
_CJK_MAGNITUDE = {"千": 1_000, "万": 10_000, "亿": 100_000_000}


def _cjk_tail(m: re.Match[str]) -> str:
    unit, tail = _CJK_MAGNITUDE[m.group(2)], m.group(3)
    if len(tail) == 1:  # "1万5", "2千5": the next place down, as it is said
        return f"{int(m.group(1)) * unit + int(tail) * unit // 10}"
    if m.group(2) != "万" or int(tail) >= unit:
        return m.group()
    return f"{int(m.group(1)) * unit + int(tail)}"


_BARE_THOUSAND = re.compile(r"(?<![\d.,零〇一二两三四五六七八九十百千万亿几数數上好])"
                            r"千(?=\s*(?:回|件|次|个|份|篇|条|人|名|"
                            r"times\b|items\b|documents\b|queries\b|searches\b|people\b|lookups\b))")


# lead s17: an inline numbered list ("1. Qualität 2. Latenz 3. Kosten", "1) cost 2) accuracy 3) latency", "1. Scope:
# manuals 2. Users: 300 engineers"): a run of markers counting up from 1, each before a word, counts nothing (a single
# "2." or a run that skips a number is left as written)
_INLINE_MARKER = re.compile(r"(?:^|(?<=\s))(\d{1,2})[.)）](?=\s*[^\W\d_])")


def _blank_marker_runs(text: str) -> str:
    runs: list[list[re.Match[str]]] = []
    for m in _INLINE_MARKER.finditer(text):
        if runs and int(m.group(1)) == int(runs[-1][-1].group(1)) + 1:
            runs[-1].append(m)
        elif m.group(1) == "1":
            runs.append([m])
    for m in sorted((m for run in runs if len(run) > 1 for m in run), key=lambda m: -m.start()):
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


def _blank_enumerator(m: re.Match[str]) -> str:
    lead = m.group(1) or m.group(2) or ""
    return lead + " " * (len(m.group()) - len(lead))
# ("some of them are huge, 400+ pages" keeps its "+": the long ones' pages, no typical length)
_OR_MORE_PLUS = re.compile(r"(?<=\d)([km]?)\+(?=\s*(?:tokens?|words?|mots|wörter|palabras|palavras|parole)\b|"
                           r"\s*(?:pages?|seiten|páginas)\s+(?:each|apiece|per (?:doc|document|report|file)|je)\b)")
_THANKS = re.compile(r"\b(?:tausend|vielen tausend) dank\b|\bduizend(?:maal)? dank\b|\btusen (?:tack|takk)\b|"
                     r"\btusind tak\b")


@once_per_message
def normalise(text: str) -> str:
    """Return ``text`` capped, NFKC-normalised (full-width digits and punctuation to ASCII), lower case."""
    # a full-width comma before a figure separates clauses, never a decimal ("有张4090，64G内存": not 4090.64)
    text = re.sub(r"(?<=\d)，(?=\d)(?!\d{3}(?!\d))", "， ", text[:MAX_CHARS])  # ("10，000份": thousands)
    # "十几个G的文档", "50G左右的数据": gigabytes of text, said the Chinese way
    text = re.sub(r"(?<=[\d十百千万几两一二三四五六七八九])(?:\s*[个個]\s*([gGtT])[bB]?|\s*([gGtT])[bB]?"
                  r"(?=\s*(?:的|左右|多|数据|數據|文档|文檔|文件|pdf|PDF)))(?![a-zA-Z])",
                  lambda m: f" {(m.group(1) or m.group(2)).lower()}b ", text)
    text = unicodedata.normalize("NFKC", text).lower().replace("’", "'").replace("i\u0307", "i")  # "İ"
    text = text.replace("ʼ", "'")  # s13-b: the Ukrainian apostrophe ("пʼятнадцять")
    text = text.translate(_TRADITIONAL).translate(_SCRIPT_DIGITS)  # "1萬台幣": traditional Chinese figures and money
    text = text.replace("預算", "预算")
    if "双" in text or "618" in text:  # s13-b: shopping festivals named by a date are a peak, not a figure ("双十一")
        text = re.sub(r"双\s*(?:十一|11|十二|12)|(?<!\d)618(?=\s*(?:大促|活动|期间|那几天|的时候|前后))", "大促", text)
    if _CJK_TEXT.search(text):  # "5w左右", "1.2w 份": w is 万 in Chinese chat
        text = _WAN_W.sub(r"\1万", text)
    text = _GLUED_CODE_AFTER.sub(r"\1 \2", _GLUED_CODE_BEFORE.sub(r"\1 ", text))  # "5kEUR", "EUR5k": 5k EUR
    cantonese = not _KANA.search(text) and _CANTONESE_MARK.search(text)
    if cantonese:  # written in traditional characters too
        for word, mandarin in _CANTONESE:
            text = text.replace(word, mandarin)
    if cantonese or (not _KANA.search(text) and TRADITIONAL_ONLY.search(text)):
        text = text.translate(_TRADITIONAL_TEXT)
    text = _SPACED_MAGNITUDE.sub("", text)
    text = _OR_MORE_PLUS.sub(r"\1 ", text)  # s16-a: "50k+ tokens each": at least that, no sum of two figures
    text = _GROUPED_MAGNITUDE.sub(lambda m: m.group().replace(",", ""), text)
    text = _ENUMERATOR.sub(_blank_enumerator, _blank_marker_runs(text))
    periods = (" per week ", " per month ", " per year ", " per day ")
    text = _PERIOD_BEFORE.sub(lambda m: periods[(m.lastindex or 1) - 1], text)
    text = _QA_PAIRS.sub(" q&a ", text)
    text = _KB_ARTICLES.sub("knowledge base ", text)  # "12,000 KB articles": knowledge-base articles, not kilobytes
    text = re.sub(r"\bpage[\s\-]+(views?|hits|impressions)\b", r"page\1", text)  # s17-c: "2.1M page views" is
    # traffic, one word as "pageviews" (not pages)
    text = _SHORT_RATE.sub(lambda m: f"{m.group(1)} queries per {_SHORT_PERIOD[m.group(2)]} ", text)  # "10 q/day"
    text = _SLASH_PERIOD.sub(lambda m: f" per {_SLASH_PERIODS[m.lastindex - 1][0]} ", text)  # type: ignore[operator]
    # "一次性预算": paid once, not "1 time"; "第一次": the first time, not once
    text = re.sub(r"一次(?=\s*(?:给|付|投入|花)?\s*[\d$¥€£])", " one-off ", text)  # "一次 15,000 美元": paid once
    text = _THANKS.sub(" thanks ", text)  # "tusen tack", "tausend Dank": a thank-you, not a thousand
    text = _chat_words(text)  # "w/ SG + MY", "no 3rd party APIs", "our own AWS acct"
    text = number_words(number_formats(text.replace("一次性", " one-off ").replace("第一次", "首次")))
    text = cjk_ranges(gloss(text).replace("萬", "万").replace("億", "亿"))
    # s14-b: a period said as an adjective before the counted noun ("3000 daily queries", glossed "3000 tägliche
    # Anfragen", "3000 dagelijkse zoekopdrachten"): the period after the noun, as the reader takes it
    text = _PERIOD_ADJECTIVE.sub(lambda m: f"{m.group(1)} {m.group(3)} per {_ADJECTIVE_PERIOD[m.group(2)]}", text)
    text = re.sub(r"(?<=\d[万亿])(?=[a-z]{2})", " ", text)  # "800万sku", "3万pdf": a Latin noun glued to the figure
    text = _CJK_COMPOUND.sub(_join_compound, text)
    text = _CJK_TAIL.sub(_cjk_tail, text)  # "3万5000件": 35,000; "1万5" (spoken): 15,000
    text = _BARE_THOUSAND.sub("1000", text)  # "千回くらい", "천 건": a thousand
    text = re.sub(r"\b24\s*[/x×]\s*7\b", "around the clock", text)  # "24/7" is not 24 per 7
    if len(re.findall(r"\d+", text)) > 1:  # "每小时1200次，24小时都有人用": service hours beside the rate, no figure
        text = _ROUND_THE_CLOCK.sub(" around the clock ", text)
    # "3 lakh solved questions": a question bank, not searches
    text = _BANK_QUESTIONS.sub(lambda m: f"{m.group(1) or m.group(2)} documents", text)
    text = _TIMES_WORDS.sub(lambda m: _TIMES[m.group()], text)
    text = _CN_ODD.sub(lambda m: f"{parse_cn(m.group(1)) + parse_cn(m.group(1)) / 5:g}", text)  # 十来个 ~ 12
    text = _AND_A_HALF.sub(lambda m: f"{_WORD_VALUES.get(m.group(1), 0) or float(m.group(1)):g}.5 {m.group(2)}", text)
    text = _DOZENS.sub(lambda m: f"{_WORD_VALUES[m.group(1)]:g}", text)  # "a few dozen analysts": about 36
    text = _ISH.sub(lambda m: f"about {_WORD_VALUES[m.group(1)]:g}", text)  # "fifty-ish qps"
    text = _DIGITS_ISH.sub(r"about \1", text)  # "20ish estimators", "15-ish people"
    text = _BETWEEN.sub(r"\1-\2", text)
    text = _HUNDREDS.sub(lambda m: f"{_WORD_VALUES[m.group(1)] * 100:.0f}", text)  # "two hundred thousand"
    text = _WORD_MULT.sub(lambda m: f"{_WORD_VALUES[m.group(1)] * _EN_MULT[m.group(2)]:.0f}", text)
    return _WORD_UNIT.sub(lambda m: f"{_WORD_VALUES[m.group(1)]:g} ", text)


_ADJECTIVE_PERIOD = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annual": "year"}
_PERIOD_ADJECTIVE = re.compile(r"(\d[\d.,]*\s*(?:k|m|thousand|million)?)\s+(daily|weekly|monthly|yearly|annual)\s+"
                               r"(queries|searches|lookups|requests|questions|searchs|calls|api calls)\b")
# s14-b (issue 17): chat abbreviations, in whatever language the message is written ("w/ SG + MY it's closer to 21k",
# "legal says no 3rd party APIs", "our own AWS acct", "b/c of PDPA", "abt 40k"): their words, before the reading
_CHAT_ABBREVIATIONS = tuple((re.compile(pattern), f" {words} ") for pattern, words in (
    (r"(?<![\w/])w/o(?![\w/])", "without"),
    (r"(?<![\w/])w/(?=\s|[a-z])", "with"),
    (r"\b3rd[\s\-]?part(?:y|ies)\b", "third-party"),
    (r"\bacct\b|\baccnt\b", "account"),
    (r"(?<![\w/])b/c(?![\w/])|\bcuz\b|\bcoz\b|\bbcoz\b", "because"),
    (r"\babt\b(?=\s*[~\d])", "about"),
    (r"\bqtr\b", "quarter"),
))


def _chat_words(text: str) -> str:
    """``text`` with its chat abbreviations in words, padded with spaces only where none is beside them."""
    for rx, words in _CHAT_ABBREVIATIONS:
        def spelled(m: re.Match[str], said: str = text, w: str = words) -> str:
            spaced = m.start() > 0 and said[m.start() - 1].isspace() and said[m.end():m.end() + 1].isspace()
            return w.strip() if spaced else w
        text = rx.sub(spelled, text)
    return text


def parse_cn(text: str) -> float:
    """Return the value of a Chinese numeral, possibly mixed with digits: 一百万, 20万, 1.5亿, 两千, 3千万."""
    total = wan = section = number = 0.0
    tokens = re.findall(r"\d{1,15}(?:\.\d{1,15})?|.", text)
    scale = {"百": 10, "千": 100, "万": 1000, "亿": 10_000_000}  # "一千二" is 1,200, "三百五" 350, "两万五" 25,000
    if len(tokens) >= 2 and tokens[-1] in _CN_DIGITS and tokens[-2] in scale:
        tail = _CN_DIGITS[tokens[-1]] * scale[tokens[-2]]
        return parse_cn("".join(tokens[:-1])) + tail
    for tok in tokens:
        if tok[0].isdigit():
            number = float(tok)
        elif tok in _CN_DIGITS:
            number = _CN_DIGITS[tok]
        elif tok in _CN_SMALL:
            section += (number or 1) * _CN_SMALL[tok]
            number = 0
        elif tok == "万":
            wan = (wan + section + number) * 10_000
            section = number = 0
        elif tok == "亿":
            total = (total + wan + section + number) * 100_000_000
            wan = section = number = 0
    return total + wan + section + number


def _value(match: re.Match[str]) -> float:
    if match.group("cn"):
        return parse_cn(match.group("cn"))
    value = float(match.group("en").replace(",", ""))
    return value * _EN_MULT.get(match.group("mult") or "", 1)


# A figure that grows or moves from one value to another ("growing from 800k to 1.1M", "going from 50k to 200k", "从
# 80万涨到110万" has no range join): the two figures are two values (today's and a later one), never one range.
# (not the past: "grew from 800k to 1.1M over the last two years" ends at today's figure)
GROWS_BEFORE = (r"\b(?:grow(?:s|ing)?|go(?:es|ing)?|increas(?:e|es|ing)|ris(?:e|es|ing)|climb(?:s|ing)?|jump(?:s|ing)?|"
                r"expand(?:s|ing)?|scal(?:e|es|ing)|doubl(?:e|es|ing)|tripl(?:e|es|ing))\s+(?:\w+\s+)?")
_GROWS_FROM = re.compile(GROWS_BEFORE + r"from\s*(?:about|around|roughly|approx\w*\.?|~)?\s*$")


def find_numbers(text: str, limit: int = 100) -> list[Number]:
    """Return the first ``limit`` numbers in normalised ``text``; a range such as "10-20" gives its midpoint."""
    found: list[Number] = []
    pos = 0
    while len(found) < limit and (match := _NUMBER.search(text, pos)) is not None:
        value, end = _value(match), match.end()
        join = _RANGE_JOIN.match(text, end)
        rest = text[join.end():join.end() + 40] if join and join.group().strip() else ""
        second = _NUMBER.match(rest) if rest else None
        if second is not None and _GROWS_FROM.search(text[max(0, match.start() - 40):match.start()]):
            second = None  # "growing from 800k to 1.1M by next year": today's figure and a later one, not a range
        if join is not None and second is not None:
            if second.group("mult") and not match.group("mult"):  # "1-2M": the unit is on the second number only
                value *= _EN_MULT[second.group("mult")]
            value, end = (value + _value(second)) / 2, join.end() + second.end()
        if math.isfinite(value):
            found.append(Number(match.start(), end, value))
        pos = max(end, match.start() + 1)
    return found


# (a mid-sentence abbreviation's full stop closes nothing: "Matryoshka bzw. MRL", "z.B. Verträge", "e.g. PDFs", s16-a)
_SENTENCE_END = re.compile(r"[?!。\n;]+|(?<!\bbzw)(?<!\bz\.b)(?<!\bd\.h)(?<!\be\.g)(?<!\bi\.e)(?<!\bvs)(?<!\bggf)"
                           r"(?<!\bevtl)(?<!\bbspw)(?<!\binkl)\.(?=\s)")


def split_sentences(text: str, ends: re.Pattern[str] = _SENTENCE_END) -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences of ``text``; a full stop counts only before a space ("1.5M").

    ``ends`` is what closes a sentence (by default also ";", which ends a clause of an answer).
    """
    spans, start = [], 0
    for m in ends.finditer(text):
        if m.end() > start:
            spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
