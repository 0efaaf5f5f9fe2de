"""Number words and magnitudes in every language the interview reads, as plain digits, before the phrase gloss.

One small parser for all languages, fed by a table per language (``_LANGUAGES``): a *number phrase* is an optional
coefficient (digits, a digit range "1-2", a cardinal word "eine", a vague quantifier "quelques" = 3, a half
"mezzo" = 0.5) followed by one or more magnitude words ("Mio.", "lakh", "milliers", "тысяч"), joined by the
language's connectors ("des centaines *de* milliers", "tens *of* thousands"), optionally "and a half"
("un millón y medio"). Its value is the coefficient times the magnitudes; a vague plural magnitude with no
coefficient ("hundreds", "des milliers", "migliaia", "сотни", "tusentals") counts three of its unit, as "a few"
does ("a couple of hundred" = 200, "des centaines de milliers" = 300,000). A phrase without a magnitude word is left
as written, so a lone "un", "half" or "a couple of questions" never becomes a figure.

Seconds are read the same way: "une demi-seconde", "mezzo secondo", "pół sekundy", "半秒", "반 초" -> 0.5 seconds;
a bound before them ("moins d'une seconde", "sotto il secondo", "меньше секунды", "bir saniyenin altında") ->
"under 1 seconds", which the quantity reader takes as a latency bound. CJK vague counts become the Chinese numeral
the rest of the reader knows: 数万 / 수만 -> 几万 (3 x), 上万 -> 1万; a range with its unit on the second number only
("3~5万", "1-2億", "五十到八十万") gets the unit on both (``cjk_ranges``, applied after the gloss).
"""

from __future__ import annotations

import dataclasses
import functools
import math
import re
from dataclasses import dataclass, field
from typing import Any

_DIGITS = r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{1,15})(?:\.\d{1,15})?"  # "1,200 million", "2.5 lakh"
_RANGE = r"\s*(?:-|–|~|to|à|a|bis|tot|do|till|до|ile)\s*"
_LETTER = r"[^\W\d_]"


@dataclass(frozen=True)
class _Language:
    """The number words of one language. Units: word -> (value, count when no coefficient is given, or None)."""

    cards: dict[str, float] = field(default_factory=dict)
    quants: dict[str, float] = field(default_factory=dict)
    units: dict[str, tuple[float, float | None]] = field(default_factory=dict)
    halves: tuple[str, ...] = ()
    and_half: tuple[str, ...] = ()
    connectors: tuple[str, ...] = ()
    seconds: str = ""
    bounds: tuple[str, ...] = ()
    fractions: dict[str, float] = field(default_factory=dict)  # of a second: "a tenth of a", "un quart de"
    after_words: frozenset[str] = frozenset()  # units only after a number word ("deux cent mille", not "50 cents")


_MILLION = 1e6
_BILLION = 1e9

# Units in every table: (value, count without a coefficient). None: only after a coefficient ("ein paar hundert").
_LANGUAGES: dict[str, _Language] = {
    "en": _Language(
        cards={"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "a quarter of a": 0.25, "a quarter": 0.25, "quarter of a": 0.25,
               "quarter": 0.25,
               "three quarters of a": 0.75, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
               "one and a half": 1.5},
        quants={"a couple of": 2, "a couple": 2, "couple of": 2, "couple": 2, "a few": 3, "few": 3, "several": 3,
                "some": 3},
        units={"dozen": (12, 1), "dozens": (12, 3), "tens": (10, 3), "hundred": (100, None), "hundreds": (100, 3),
               "thousand": (1e3, None), "thousands": (1e3, 3), "million": (_MILLION, None),
               "millions": (_MILLION, 3), "billion": (_BILLION, None), "billions": (_BILLION, 3),
               "lakh": (1e5, None), "lakhs": (1e5, None), "lac": (1e5, None), "lacs": (1e5, None),
               "crore": (1e7, None), "crores": (1e7, None), "cr": (1e7, None)},
        halves=("half a", "half"), and_half=("and a half",), connectors=("of",),
        fractions={"a tenth of a": 0.1, "one tenth of a": 0.1, "a quarter of a": 0.25, "a fifth of a": 0.2},
        seconds=r"seconds?|(?<!the )secs?",  # ("half a sec"; not "under the SEC rules")
        bounds=("under", "below", "less than", "within", "in under", "in less than")),
    "hi": _Language(
        cards={"ek": 1, "do": 2, "teen": 3, "char": 4, "chaar": 4, "paanch": 5, "panch": 5, "das": 10,
               "dedh": 1.5, "dhai": 2.5, "dhaai": 2.5, "sawa": 1.25, "savaa": 1.25, "सवा": 1.25, "डेढ़": 1.5,
               "डेढ": 1.5, "ढाई": 2.5, "chhe": 6, "chheh": 6, "saat": 7, "aath": 8, "nau": 9,
               "barah": 12, "baarah": 12, "pandrah": 15, "bees": 20, "pachees": 25, "pachchees": 25, "tees": 30,
               "chalis": 40, "chaalis": 40, "pachas": 50, "pachaas": 50, "sattar": 70, "assi": 80, "nabbe": 90},
        quants={"kuch": 3},
        units={"hazaar": (1e3, None), "hazar": (1e3, None), "hajar": (1e3, None), "hazaaron": (1e3, 3),
               "lakh": (1e5, None), "lakhs": (1e5, None), "lac": (1e5, None), "lakhon": (1e5, 3),
               "crore": (1e7, None), "karod": (1e7, None), "sau": (100, None), "saikdon": (100, 3),
               "sainkdon": (100, 3), "हज़ार": (1e3, None), "हजार": (1e3, None), "लाख": (1e5, None),
               "करोड़": (1e7, None), "करोड": (1e7, None), "सौ": (100, None)},
        halves=("aadha", "aadhe")),
    "de": _Language(
        cards={"ein": 1, "eine": 1, "einer": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
               "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
               "fünfzig": 50, "anderthalb": 1.5, "eineinhalb": 1.5,
               "zweieinhalb": 2.5},
        quants={"ein paar": 2, "paar": 2, "einige": 3, "mehrere": 3, "etliche": 3},
        units={"dutzend": (12, 1), "dutzende": (12, 3), "dutzenden": (12, 3), "hundert": (100, None),
               "hunderte": (100, 3), "hunderten": (100, 3), "tausend": (1e3, 1), "tausende": (1e3, 3),
               "tausenden": (1e3, 3), "tsd.": (1e3, None), "tsd": (1e3, None), "zehntausende": (1e4, 3),
               "hunderttausende": (1e5, 3), "million": (_MILLION, None), "millionen": (_MILLION, None),
               "mio.": (_MILLION, None), "mio": (_MILLION, None), "milliarde": (_BILLION, None),
               "milliarden": (_BILLION, None), "mrd.": (_BILLION, None), "mrd": (_BILLION, None)},
        halves=("eine halbe", "ein halbes", "einer halben", "halbe", "halben"), and_half=("und ein halb",),
        fractions={"eine zehntel": 0.1, "einer zehntel": 0.1, "eine viertel": 0.25, "einer viertel": 0.25},
        connectors=("von",), seconds=r"sekunden?",
        bounds=("unter", "weniger als", "innerhalb", "innerhalb von", "höchstens", "maximal", "max.")),
    "fr": _Language(
        cards={"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
               "neuf": 9, "dix": 10, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60},
        quants={"quelques": 3, "plusieurs": 3},
        after_words=frozenset({"cent", "cents"}),
        units={"cent": (100, None), "cents": (100, None), "cent mille": (1e5, 1), "douzaine": (12, 1),
               "douzaines": (12, 3), "dizaine": (10, 1), "dizaines": (10, 3),
               "vingtaine": (20, 1), "trentaine": (30, 1), "quarantaine": (40, 1), "cinquantaine": (50, 1),
               "centaine": (100, 1), "centaines": (100, 3),
               "mille": (1e3, None), "millier": (1e3, 1), "milliers": (1e3, 3), "million": (_MILLION, None),
               "millions": (_MILLION, None), "milliard": (_BILLION, None), "milliards": (_BILLION, None)},
        halves=("un demi-", "une demi-", "demi-", "un demi", "une demi"), and_half=("et demi", "et demie"),
        fractions={"un dixième de": 0.1, "un quart de": 0.25},
        connectors=("de", "d'"), seconds=r"secondes?",
        bounds=("moins d'", "en moins d'", "sous", "au plus", "au maximum", "inférieur à", "inférieure à")),
    "es": _Language(
        cards={"un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
               "ocho": 8, "nueve": 9, "diez": 10, "veinte": 20, "treinta": 30, "cuarenta": 40, "cincuenta": 50,
               "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
               "trescientas": 300, "cuatrocientos": 400, "quinientos": 500, "seiscientos": 600, "setecientos": 700,
               "ochocientos": 800, "novecientos": 900,
               # s14-c: the hundreds before a feminine noun ("quinientas búsquedas")
               "cuatrocientas": 400, "quinientas": 500, "seiscientas": 600, "setecientas": 700, "ochocientas": 800,
               "novecientas": 900},
        quants={"unos cuantos": 3, "unas cuantas": 3, "algunos": 3, "algunas": 3, "varios": 3, "varias": 3,
                "un par de": 2},
        units={"docena": (12, 1), "docenas": (12, 3), "decena": (10, 1), "decenas": (10, 3),
               "veintena": (20, 1), "centenar": (100, 1), "centenares": (100, 3), "cientos": (100, 3),
               "mil millones": (_BILLION, 1), "mil": (1e3, 1), "millar": (1e3, 1), "millares": (1e3, 3),
               "miles": (1e3, 3), "millón": (_MILLION, None), "millon": (_MILLION, None),
               "millones": (_MILLION, None)},
        halves=("medio", "media"), and_half=("y medio", "y media"), connectors=("de",), seconds=r"segundos?",
        fractions={"una décima de": 0.1, "un cuarto de": 0.25},
        bounds=("menos de", "en menos de", "por debajo de", "dentro de", "como máximo", "máximo")),
    "pt": _Language(
        cards={"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "seis": 6, "sete": 7,
               "oito": 8, "nove": 9, "dez": 10, "vinte": 20, "trinta": 30, "quarenta": 40, "cinquenta": 50,
               "cem": 100, "duzentos": 200, "duzentas": 200, "trezentos": 300, "trezentas": 300,
               "quatrocentos": 400, "quinhentos": 500, "seiscentos": 600, "setecentos": 700, "oitocentos": 800,
               "novecentos": 900,
               # s14-c: the hundreds before a feminine noun ("quinhentas pesquisas")
               "quatrocentas": 400, "quinhentas": 500, "seiscentas": 600, "setecentas": 700, "oitocentas": 800,
               "novecentas": 900},
        quants={"algumas": 3, "alguns": 3, "várias": 3, "vários": 3, "um par de": 2, "uns dois": 2, "umas duas": 2},
        units={"dúzia": (12, 1), "dúzias": (12, 3), "dezena": (10, 1), "dezenas": (10, 3), "centena": (100, 1),
               "centenas": (100, 3), "mil": (1e3, 1), "milhar": (1e3, 1), "milhares": (1e3, 3),
               "milhão": (_MILLION, None), "milhao": (_MILLION, None), "milhões": (_MILLION, None),
               "milhoes": (_MILLION, None), "bilhão": (_BILLION, None), "bilhões": (_BILLION, None),
               "mil milhões": (_BILLION, 1)},
        halves=("meio", "meia"), and_half=("e meio", "e meia"), connectors=("de",), seconds=r"segundos?",
        fractions={"um décimo de": 0.1, "um quarto de": 0.25},
        bounds=("menos de", "em menos de", "abaixo de", "dentro de", "no máximo")),
    "it": _Language(
        cards={"un": 1, "uno": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7,
               "otto": 8, "nove": 9, "dieci": 10, "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50,
               "cento": 100, "duecento": 200, "trecento": 300, "quattrocento": 400, "cinquecento": 500},
        quants={"qualche": 3, "alcune": 3, "alcuni": 3, "diverse": 3, "diversi": 3, "parecchie": 3, "parecchi": 3,
                "un paio di": 2, "un paio": 2, "paio di": 2},
        units={"dozzina": (12, 1), "dozzine": (12, 3), "decina": (10, 1), "decine": (10, 3), "ventina": (20, 1),
               "trentina": (30, 1), "quarantina": (40, 1), "cinquantina": (50, 1), "centinaio": (100, 1),
               "centinaia": (100, 3), "mille": (1e3, 1), "mila": (1e3, None), "migliaio": (1e3, 1),
               "migliaia": (1e3, 3), "milione": (_MILLION, None), "milioni": (_MILLION, None),
               "miliardo": (_BILLION, None), "miliardi": (_BILLION, None), "mln": (_MILLION, None),
               "mld": (_BILLION, None)},
        halves=("mezzo", "mezza"), and_half=("e mezzo", "e mezza"), connectors=("di",), seconds=r"second[oi]",
        fractions={"un decimo di": 0.1, "un quarto di": 0.25},
        bounds=("sotto il", "sotto al", "sotto", "meno di", "entro", "al massimo", "inferiore a")),
    "nl": _Language(
        cards={"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
               "negen": 9, "tien": 10, "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "anderhalf": 1.5,
               "anderhalve": 1.5, "tweeënhalf": 2.5, "tweeenhalf": 2.5, "drieënhalf": 3.5, "drieenhalf": 3.5},
        quants={"een paar": 2, "paar": 2, "enkele": 3, "een aantal": 3, "verscheidene": 3},
        units={"dozijn": (12, 1), "tientallen": (10, 3), "honderd": (100, None), "honderden": (100, 3),
               "duizend": (1e3, 1), "duizenden": (1e3, 3), "tienduizenden": (1e4, 3), "tienduizend": (1e4, 1),
               "honderdduizend": (1e5, 1),
               "honderdduizenden": (1e5, 3), "miljoen": (_MILLION, None), "miljoenen": (_MILLION, 3),
               "miljard": (_BILLION, None), "miljarden": (_BILLION, 3)},
        halves=("een half", "een halve", "half", "halve"), and_half=("en een half", "en een halve"),
        connectors=("van",), seconds=r"seconden?",
        bounds=("minder dan", "onder", "binnen", "hooguit", "maximaal")),
    "pl": _Language(
        cards={"jeden": 1, "jedna": 1, "dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "pięć": 5, "sześć": 6,
               "siedem": 7, "osiem": 8, "dziewięć": 9, "dziesięć": 10, "dwadzieścia": 20, "trzydzieści": 30,
               "czterdzieści": 40,
               "pięćdziesiąt": 50, "sto": 100, "dwieście": 200, "trzysta": 300, "czterysta": 400, "pięćset": 500,
               "półtora": 1.5, "półtorej": 1.5,
               # s13-b: the teens and tens ("tysięcy piętnaście", "sześćdziesiąt stron")
               "jedenaście": 11, "dwanaście": 12, "trzynaście": 13, "czternaście": 14, "piętnaście": 15,
               "szesnaście": 16, "siedemnaście": 17, "osiemnaście": 18, "dziewiętnaście": 19, "sześćdziesiąt": 60,
               "siedemdziesiąt": 70, "osiemdziesiąt": 80, "dziewięćdziesiąt": 90,
               # s8-d: the cases a count takes before its noun ("dwóch milionów", "pięciu tysięcy", "stu tysięcy")
               "dwóch": 2, "dwu": 2, "trzech": 3, "czterech": 4, "pięciu": 5, "sześciu": 6, "siedmiu": 7,
               "ośmiu": 8, "dziewięciu": 9, "dziesięciu": 10, "dwudziestu": 20, "trzydziestu": 30,
               "czterdziestu": 40, "pięćdziesięciu": 50, "stu": 100, "dwustu": 200, "trzystu": 300,
               "czterystu": 400, "pięciuset": 500},
        quants={"kilka": 3, "kilkanaście": 15, "parę": 2, "kilkadziesiąt": 30, "kilku": 3, "kilkunastu": 15,
                "kilkudziesięciu": 30},
        units={"tuzin": (12, 1), "tuzina": (12, None), "dziesiątki": (10, 3), "kilkaset": (300, 1), "setki": (100, 3),
               "kilkuset": (300, 1),
               "setek": (100, None),
               "tys.": (1e3, None), "tys": (1e3, None), "tysiąc": (1e3, 1),
               "tysiące": (1e3, 3), "tysięcy": (1e3, None), "tysiąca": (1e3, None),
               "tysiącami": (1e3, 3), "mln": (_MILLION, None), "milion": (_MILLION, 1),
               "miliony": (_MILLION, None), "milionów": (_MILLION, None), "miliona": (_MILLION, 1),
               "mld": (_BILLION, None), "miliard": (_BILLION, 1), "miliardy": (_BILLION, None),
               "miliardów": (_BILLION, None), "miliarda": (_BILLION, None)},
        halves=("pół",), and_half=("i pół",), seconds=r"sekund[yaęe]?",
        bounds=("poniżej", "mniej niż", "w ciągu", "do", "maksymalnie")),
    "sv": _Language(
        cards={"en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9,
               "tio": 10, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50},
        quants={"några": 3, "ett par": 2, "et par": 2, "flera": 3},
        units={"dussin": (12, 1), "tiotals": (10, 3), "hundra": (100, None), "hundratals": (100, 3),
               "tusen": (1e3, 1), "tusind": (1e3, 1), "millioner": (_MILLION, None), "tusentals": (1e3, 3),
               "tiotusentals": (1e4, 3),
               "hundratusentals": (1e5, 3), "miljon": (_MILLION, None), "miljoner": (_MILLION, None),
               "miljontals": (_MILLION, 3), "miljard": (_BILLION, None), "miljarder": (_BILLION, None),
               "milj.": (_MILLION, None), "milj": (_MILLION, None), "mdr.": (_BILLION, None)},
        halves=("en halv", "ett halvt", "et halvt", "halv", "halvt"), and_half=("och en halv",),
        seconds=r"sekund(?:er)?",
        bounds=("under", "mindre än", "inom", "högst", "max")),
    "tr": _Language(
        cards={"bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "altı": 6, "yedi": 7, "sekiz": 8, "dokuz": 9,
               "yirmi": 20, "otuz": 30, "kırk": 40, "elli": 50, "bir buçuk": 1.5},
        quants={"birkaç": 3, "birkac": 3, "bir kaç": 3},
        units={"düzine": (12, 1), "onlarca": (10, 3), "yüz": (100, None), "yüzlerce": (100, 3), "bin": (1e3, None),
               "binlerce": (1e3, 3), "on binlerce": (1e4, 3), "yüz binlerce": (1e5, 3), "milyon": (_MILLION, None),
               "milyonu": (_MILLION, None), "milyonun": (_MILLION, None), "milyondan": (_MILLION, None),
               "bini": (1e3, None), "binden": (1e3, None), "bine": (1e3, None), "binin": (1e3, None),
               "milyonlarca": (_MILLION, 3), "milyar": (_BILLION, None), "milyarlarca": (_BILLION, 3)},
        halves=("yarım",), and_half=("buçuk",), seconds=r"saniye(?:nin|den|yi)?"),
    "ru": _Language(
        cards={"один": 1, "одна": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
               "восемь": 8, "девять": 9, "десять": 10, "двадцать": 20, "тридцать": 30, "сорок": 40,
               "пятьдесят": 50, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400, "пятьсот": 500,
               "полтора": 1.5, "полторы": 1.5,
               # s8-d: the cases a count takes after "около", "порядка", "до", "с" ("около трёх миллионов",
               # "порядка двух тысяч", "около полутора миллионов", "двадцати страниц")
               "полутора": 1.5, "двух": 2, "трёх": 3, "трех": 3, "четырёх": 4, "четырех": 4, "пяти": 5, "шести": 6,
               "семи": 7, "восьми": 8, "девяти": 9, "десяти": 10, "двадцати": 20, "тридцати": 30, "сорока": 40,
               "пятидесяти": 50, "ста": 100, "двухсот": 200, "трёхсот": 300, "трехсот": 300, "пятисот": 500,
               "двумя": 2, "тремя": 3,
               # s13-b: the teens, tens and hundreds a dictated figure says ("тысяч пятнадцать", "шестьдесят страниц")
               "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15,
               "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19, "шестьдесят": 60,
               "семьдесят": 70, "восемьдесят": 80, "девяносто": 90, "шестьсот": 600, "семьсот": 700,
               "восемьсот": 800, "девятьсот": 900},
        quants={"несколько": 3, "пару": 2, "пара": 2, "нескольких": 3},
        units={"дюжина": (12, 1), "дюжины": (12, 3), "десяток": (10, 1), "десятка": (10, 1),  # s9-b
               "десятки": (10, 3), "десятков": (10, 3), "сотня": (100, 1),
               "сотни": (100, 3), "сотен": (100, None), "сотню": (100, 1),
               "тысячу": (1e3, 1), "тысяча": (1e3, 1), "тысячи": (1e3, 3),
               "тысяч": (1e3, None), "тыс.": (1e3, None), "тыс": (1e3, None), "миллион": (_MILLION, 1),
               "тыщ": (1e3, None), "тыщи": (1e3, 3), "тыщу": (1e3, 1), "тыщ.": (1e3, None),
               "миллиона": (_MILLION, 1), "миллионов": (_MILLION, None), "миллионы": (_MILLION, 3),
               "млн": (_MILLION, None), "млн.": (_MILLION, None), "миллиард": (_BILLION, 1),
               "миллиарда": (_BILLION, 1), "миллиардов": (_BILLION, None), "млрд": (_BILLION, None),
               "млрд.": (_BILLION, None)},
        halves=("пол",), and_half=("с половиной",), seconds=r"секунд[уыа]?",
        bounds=("меньше", "менее", "быстрее", "в пределах", "до", "не больше", "не более")),
    "uk": _Language(
        cards={"один": 1, "одна": 1, "два": 2, "дві": 2, "три": 3, "чотири": 4, "п'ять": 5, "шість": 6, "сім": 7,
               "вісім": 8, "дев'ять": 9, "десять": 10, "двадцять": 20, "тридцять": 30, "сорок": 40,
               "п'ятдесят": 50, "сто": 100, "двісті": 200, "триста": 300, "чотириста": 400, "п'ятсот": 500,
               "півтора": 1.5, "півтори": 1.5,
               # s8-d: the cases a count takes after "близько", "до", "з" ("близько двох мільйонів", "п'яти тисяч")
               "двох": 2, "трьох": 3, "чотирьох": 4, "п'яти": 5, "шести": 6, "семи": 7, "восьми": 8,
               "дев'яти": 9, "десяти": 10, "двадцяти": 20, "тридцяти": 30, "сорока": 40, "п'ятдесяти": 50,
               "ста": 100, "двохсот": 200, "трьохсот": 300, "п'ятисот": 500,
               # s13-b: the teens, tens and hundreds ("тисяч п'ятнадцять", "шістдесят сторінок")
               "одинадцять": 11, "дванадцять": 12, "тринадцять": 13, "чотирнадцять": 14, "п'ятнадцять": 15,
               "шістнадцять": 16, "сімнадцять": 17, "вісімнадцять": 18, "дев'ятнадцять": 19, "шістдесят": 60,
               "сімдесят": 70, "вісімдесят": 80, "дев'яносто": 90, "шістсот": 600, "сімсот": 700, "вісімсот": 800,
               "дев'ятсот": 900},
        quants={"кілька": 3, "декілька": 3, "пару": 2, "пара": 2, "кількох": 3, "декількох": 3},
        units={"десятки": (10, 3), "десятків": (10, 3), "сотня": (100, 1), "сотні": (100, 3), "сотень": (100, None),
               "тисячу": (1e3, 1), "тисяча": (1e3, 1), "тисячі": (1e3, 3), "тисяч": (1e3, None), "тис.": (1e3, None),
               "тис": (1e3, None), "мільйон": (_MILLION, 1), "мільйона": (_MILLION, 1), "мільйонів": (_MILLION, None),
               "мільйони": (_MILLION, 3), "млн": (_MILLION, None), "млн.": (_MILLION, None),
               "мільярд": (_BILLION, 1), "мільярда": (_BILLION, 1), "мільярдів": (_BILLION, None),
               "млрд": (_BILLION, None)},
        halves=("пів",), and_half=("з половиною",), seconds=r"секунд[уиа]?",
        bounds=("менше", "менш ніж", "швидше", "в межах", "до", "не більше", "не більш ніж")),
    # s9-e (issue 17): Indonesian ("lima ratus ribu", "45rb", "1,2 jt", "3 ribuan", "setengah detik") and Vietnamese
    # ("hai triệu", "vài nghìn", "nửa giây"); "M" for miliar is read beside a rupiah sign only (the lexicon)
    "id": _Language(
        cards={"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
               "sembilan": 9, "sepuluh": 10, "dua puluh": 20, "tiga puluh": 30, "empat puluh": 40, "lima puluh": 50,
               "satu setengah": 1.5, "dua setengah": 2.5},
        quants={"beberapa": 3},
        units={"ratus": (100, None), "seratus": (100, 1), "ratusan": (100, 3), "puluhan": (10, 3),
               "ribu": (1e3, None), "rb": (1e3, None), "seribu": (1e3, 1), "ribuan": (1e3, 3),
               "juta": (_MILLION, None), "jt": (_MILLION, None), "sejuta": (_MILLION, 1), "jutaan": (_MILLION, 3),
               "miliar": (_BILLION, None), "milyar": (_BILLION, None)},
        halves=("setengah", "separuh"), seconds=r"detik",
        bounds=("kurang dari", "di bawah", "maksimal", "paling lama", "dalam")),
    "vi": _Language(
        # (not "hai" and "ba": Hinglish "2 lakh hai" is "is", not two; Vietnamese users write those figures in digits)
        cards={"một": 1, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
               "mười": 10, "năm mươi": 50, "một rưỡi": 1.5},
        quants={"vài": 3, "mấy": 3},
        units={"trăm": (100, None), "nghìn": (1e3, None), "ngàn": (1e3, None), "triệu": (_MILLION, None),
               "tỷ": (_BILLION, None), "tỉ": (_BILLION, None), "chục": (10, None)},
        halves=("nửa",), seconds=r"giây",
        bounds=("dưới", "tối đa", "không quá", "ít hơn")),
    # s13-c (issue 17): Czech ("18 tis.", "par tisíc", "1,5 mil."), Romanian ("300 mii", "câteva mii", "1,2 milioane"),
    # Danish ("et par tusind", "1,5 mio."), Finnish ("18 tuhatta", "2,3 miljoonaa", "muutama tonni"), Greek ("8
    # χιλιάδες", "1,5 εκατ.", "λίγες εκατοντάδες") and Hebrew ("20 אלף", "2.5 מיליון", "כמה מאות"). Their cardinals are
    # written in digits in the sets; only quantifiers and magnitudes, so that no short word of theirs reads elsewhere.
    "cs": _Language(
        quants={"pár": 2, "par": 2, "několik": 3, "nekolik": 3, "několika": 3, "desítky": 3},
        units={"tis.": (1e3, None), "tis": (1e3, None), "tisíc": (1e3, 1), "tisic": (1e3, 1), "tisíce": (1e3, 3),
               "tisice": (1e3, 3), "tisícovek": (1e3, None), "stovky": (100, 3), "stovek": (100, None),
               "milion": (_MILLION, 1), "milionů": (_MILLION, None), "milionu": (_MILLION, None),
               "miliony": (_MILLION, 3), "mil.": (_MILLION, None), "mld.": (_BILLION, None)},
        halves=("půl", "pul"), seconds=r"vteřin[ayu]?|vterin[ayu]?|sekund[ayu]?",
        bounds=("pod", "méně než", "do", "maximálně", "max")),
    "ro": _Language(
        quants={"câteva": 3, "cateva": 3, "câțiva": 3, "cativa": 3, "vreo câteva": 3},
        units={"mii": (1e3, None), "mie": (1e3, None), "milioane": (_MILLION, 3), "milion": (_MILLION, 1),
               "miliard": (_BILLION, 1), "miliarde": (_BILLION, None), "sute": (100, 3), "zeci": (10, 3)},
        halves=("jumătate", "jumatate"), and_half=("și jumătate", "si jumatate"), connectors=("de",),
        seconds=r"secund[ăae]", bounds=("sub", "mai puțin de", "mai putin de", "maxim")),
    "da": _Language(
        quants={"et par": 2, "nogle": 3, "få": 3},
        units={"tusind": (1e3, 1), "tusinde": (1e3, None), "tusinder": (1e3, 3), "tusindvis": (1e3, 3),
               "hundrede": (100, None), "hundredvis": (100, 3), "mio.": (_MILLION, None), "mia.": (_BILLION, None),
               "milliarder": (_BILLION, None)},
        halves=("et halvt", "en halv", "halvt"), seconds=r"sekund(?:er)?",
        bounds=("under", "mindre end", "højst", "inden for")),
    "fi": _Language(
        quants={"muutama": 3, "muutamia": 3, "pari": 2, "useita": 3},
        units={"tuhat": (1e3, 1), "tuhatta": (1e3, None), "tuhannen": (1e3, None), "tuhansia": (1e3, 3),
               "tonni": (1e3, None), "tonnia": (1e3, None), "miljoona": (_MILLION, 1), "miljoonaa": (_MILLION, None),
               "miljoonia": (_MILLION, 3), "milj.": (_MILLION, None), "satoja": (100, 3), "sataa": (100, None),
               "miljardia": (_BILLION, None)},
        halves=("puoli",), seconds=r"sekunni?(?:n|ssa|a)?|sekunti(?:a)?",
        bounds=("alle", "enintään", "korkeintaan")),
    "el": _Language(
        quants={"λίγες": 3, "λιγες": 3, "λίγα": 3, "λιγα": 3, "μερικές": 3, "μερικες": 3, "μερικά": 3, "μερικα": 3,
                "κάποιες": 3, "κάποια": 3},
        units={"χιλιάδες": (1e3, 3), "χιλιαδες": (1e3, 3), "χιλ.": (1e3, None), "χιλιάδα": (1e3, None),
               "χιλιάρικα": (1e3, 3), "χιλιαρικα": (1e3, 3), "χίλια": (1e3, 1), "χιλια": (1e3, 1),
               "εκατ.": (_MILLION, None), "εκατομμύρια": (_MILLION, 3), "εκατομμυρια": (_MILLION, 3),
               "εκατομμύριο": (_MILLION, 1), "εκατομμυριο": (_MILLION, 1), "εκατοντάδες": (100, 3),
               "εκατονταδες": (100, 3), "δισ.": (_BILLION, None)},
        halves=("μισό", "μισο"), seconds=r"δευτερ[οό]λεπτ[οα]",
        bounds=("κάτω από", "κατω απο", "μέχρι", "μεχρι", "έως", "εως")),
    "he": _Language(
        quants={"כמה": 3},
        units={"אלף": (1e3, 1), "אלפים": (1e3, 3), "מיליון": (_MILLION, 1), "מיליונים": (_MILLION, 3),
               "מיליארד": (_BILLION, 1), "מאות": (100, 3)},
        halves=("חצי",), seconds=r"שני(?:י)?ה|שניות",
        bounds=("פחות מ", "עד", "מתחת ל")),
}


# Polish typed without its letters ("tysiecy", "milionow", "poltora", "dwoch"): each word of its table in both spellings
_PL_ASCII = str.maketrans("ąćęłńóśźż", "acelnoszz")


def _with_ascii(lang: _Language) -> _Language:
    def both(table: dict[str, Any]) -> dict[str, Any]:
        return {**{w.translate(_PL_ASCII): v for w, v in table.items()}, **table}

    def both_words(words: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*words, *(w.translate(_PL_ASCII) for w in words))))

    return dataclasses.replace(lang, cards=both(lang.cards), quants=both(lang.quants), units=both(lang.units),
                               halves=both_words(lang.halves), and_half=both_words(lang.and_half),
                               bounds=both_words(lang.bounds))


_LANGUAGES["pl"] = _with_ascii(_LANGUAGES["pl"])


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@dataclass(frozen=True)
class _Parser:
    """The compiled patterns of one language."""

    language: _Language
    phrase: re.Pattern[str]
    token: re.Pattern[str]
    second: re.Pattern[str] | None
    trigger: re.Pattern[str]  # a unit word anywhere: is there anything to read? (the phrase pattern is slower)
    second_trigger: re.Pattern[str] | None


def _word(alternation: str) -> str:
    """``alternation`` as whole words (a word that ends with a hyphen or dot may touch the next one)."""
    return rf"(?<!{_LETTER})(?:{alternation})(?:(?<=[-.'])|(?!{_LETTER}))"


@functools.cache
def _parsers() -> tuple[_Parser, ...]:
    out = []
    for lang in _LANGUAGES.values():
        coef = "|".join(x for x in (
            rf"{_DIGITS}(?:{_RANGE}{_DIGITS})?",
            _word(_alternation(lang.cards)) if lang.cards else "",
            _word(_alternation(lang.quants)) if lang.quants else "",
            _word(_alternation(lang.halves)) if lang.halves else "") if x)
        unit = _word(_alternation(lang.units))
        conn = rf"(?:\s*(?:{_alternation(lang.connectors)})\s*)?" if lang.connectors else ""
        half = rf"(?:\s*{_word(_alternation(lang.and_half))})?" if lang.and_half else ""
        phrase = rf"(?:(?:{coef}){half}\s*)?{unit}(?:{conn}\s*{unit})*{half}"  # "two and a half million"
        token = "|".join(x for x in (
            rf"(?P<digits>{_DIGITS})(?:{_RANGE}(?P<high>{_DIGITS}))?",
            # a quantifier before a cardinal it starts with: "ett par tusen" is two thousand, not one (s8-d)
            rf"(?P<quant>{_word(_alternation(lang.quants))})" if lang.quants else "",
            rf"(?P<card>{_word(_alternation(lang.cards))})" if lang.cards else "",
            rf"(?P<half>{_word(_alternation(lang.halves))})" if lang.halves else "",
            rf"(?P<and_half>{_word(_alternation(lang.and_half))})" if lang.and_half else "",
            rf"(?P<unit>{unit})") if x)
        second = None
        if lang.seconds:
            bound = rf"(?P<bound>{_word(_alternation(lang.bounds))})\s*" if lang.bounds else ""
            frac = rf"(?P<frac>{_word(_alternation(lang.fractions))})\s*|" if lang.fractions else ""
            quant = rf"(?P<quant>{_word(_alternation(lang.quants))})\s*|" if lang.quants else ""
            tail = rf"(?:\s*(?P<tail>{_word(_alternation(lang.and_half))}))?" if lang.and_half else ""
            second = re.compile(
                rf"(?:{bound})?(?:{frac}{quant}(?P<half>{_word(_alternation(lang.halves))})\s*|"
                rf"(?P<card>{_word(_alternation(lang.cards))})\s*)?"
                rf"(?:(?:il|al|la|le|the)\s+)?(?<!{_LETTER})(?P<unit>{lang.seconds})(?!{_LETTER}){tail}")
        out.append(_Parser(lang, re.compile(phrase), re.compile(token), second, re.compile(_alternation(lang.units)),
                           re.compile(lang.seconds) if lang.seconds else None))
    return tuple(out)


def _number(value: float) -> str:
    return f"{value:.0f}" if value >= 100 or value == int(value) else f"{value:g}"


def _evaluate(parser: _Parser, span: str) -> str | None:
    """The digits of one number phrase, or None when it is not one (no magnitude, a unit without its count)."""
    lang = parser.language
    low = high = None
    mult, half, units, kind_of_low = 1.0, 0.0, 0, ""
    for tok in parser.token.finditer(span):
        kind = tok.lastgroup if tok.lastgroup != "high" else "digits"
        word = tok.group()
        if kind in ("digits", "card", "quant", "half"):
            kind_of_low = kind
        if kind == "digits":
            low = float(tok.group("digits").replace(",", ""))
            high = float(tok.group("high").replace(",", "")) if tok.group("high") else None
        elif kind == "card":
            low = lang.cards[word]
        elif kind == "quant":
            low = lang.quants[word]
        elif kind == "half":
            low = 0.5
        elif kind == "and_half":
            half = 0.5
        elif kind == "unit":
            value, default = lang.units[word]
            if word in lang.after_words and kind_of_low == "digits":
                return None  # "deux cent mille" but not "50 cents"
            if low is None and units == 0:
                if default is None:
                    return None
                low = default
            mult *= value
            units += 1
    if not units or low is None:
        return None
    if high is not None:  # "1-2 Mio." is a range of millions; "from 500 to 2 million" starts at 500
        first = low if low > high else (low + half) * mult
        return f"{_number(first)}-{_number((high + half) * mult)}"
    return _number((low + half) * mult)


def _seconds(parser: _Parser, match: re.Match[str]) -> str:
    """"une demi-seconde" -> 0.5 seconds; "moins d'une seconde", "sotto il secondo" -> under 1 seconds."""
    groups = match.groupdict()
    bound = "under " if groups.get("bound") else ""
    card = match.group("card")
    if groups.get("frac"):
        value = parser.language.fractions[match.group("frac")]
    elif groups.get("quant"):  # "ein paar Sekunden", "quelques secondes", "een paar seconden": a few
        value = parser.language.quants[groups["quant"]]
    elif match.group("half"):
        value = 0.5
    elif card and card not in ("a", "an"):  # "zwei Sekunden", "moins d'une seconde"
        value = parser.language.cards[card]
    elif bound or (card and groups.get("tail")):  # "sotto il secondo", "under a second", "a second and a half"
        value = 1
    else:  # "queries a second" is a rate, "2 segundos" already a figure
        return match.group()
    if groups.get("tail"):  # "un secondo e mezzo", "une seconde et demie", "a second and a half"
        value += 0.5
    return f" {bound}{_number(value)} seconds "


_TR_SECONDS = {"bir": "1", "yarım": "0.5"}
_TR_BOUND = re.compile(r"(?<!\w)(bir|yarım|\d{1,2}(?:[.,]\d)?)\s+saniye(?:nin\s+alt[ıi]nda|den\s+(?:az|kısa|hızlı))")
_CONNECTOR_LEFT = re.compile(r"^\s*(?:d'\s*|(?:de|di|of|von|van)\s+(?!(?:them|those|these|us|the|our|ellos|ellas|eux|"
                             r"elles|loro|ihnen|hen|deze)\b))(?=[^\W\d_])")  # "5 million of them" keeps its "of"


_PLAIN_RANGE = re.compile(r"(?<![\w.,])(\d{1,15}(?:\.\d{1,15})?)\s+(?:à|a|bis|tot|till|do|до|ile|au)\s+"
                          r"(\d{1,15}(?:\.\d{1,15})?)(?![\d.,:]|\s*(?:h\b|uhr|heures?|horas?|ore\b|uur|timmar|saat|час|"
                          r"am\b|pm\b|o'?clock))")  # not hours of the day ("von 8 bis 17 Uhr")
_BETWEEN = re.compile(rf"(?<!{_LETTER})(?:between|entre|zwischen|tra|fra|tussen|mellan|между|między|pomiędzy)\s+"
                      r"(?:(?:de|the|i|gli|le|los|las|les|den|die)\s+)?"  # "tra i 200 e i 300 mila" (s8-d)
                      rf"({_DIGITS})\s+(?:and|et|y|e|und|en|och|и|a)\s+(?:(?:i|gli|le|los|las|les|die)\s+)?"
                      rf"({_DIGITS})(?!\d)")


# Hedges around a figure that the quantity reader does not know as such: "about".
_FIGURE = r"\d[\d.,]*\s*[kmb]?"
_HEDGES = re.compile(rf"(?<!\w)(?:(?:somewhere|anywhere)\s+)?in the\s+({_FIGURE}(?:\s*[-–~]\s*{_FIGURE})?)"
                     r"\s+(?:range|ballpark|region)\b|"
                     r"(?<!\w)(?:(?:somewhere\s+)?in the (?:ballpark|region|neighbou?rhood|order) of|"
                     r"(?<!\w)on the order of|ballpark(?: figure)?:?|"
                     r"(?:dell|nell)'ordine (?:di|dei|delle)|i storleksordningen|in de orde (?:van|grootte van)|rzędu)"
                     r"(?!\w)")


# Indian rupee spellings and Hinglish periods around a figure ("Rs 1.5 lakh mahina", "roz 2 lakh queries").
_HINGLISH = ((re.compile(r"(?<!\w)rs\.?\s*(?=\d)"), "₹"),
             (re.compile(r"(?<=\d)\s*(?:rupaye|rupaiye|rupaiya|rupay|rs\.?)(?!\w)"), " rupees"),
             (re.compile(r"(?<!\w)(?:har|per|prati|ek)\s+mahin[ae](?:\s+(?:ka|ke|mein|me))?(?!\w)|"
                         r"(?<!\w)mahin[ae]\s+(?:ka|ke|mein|me)(?!\w)|(?<=\d\s)mahin[ae](?!\w)|"
                         r"(?<!\w)mahina(?!\w)"), " per month "),
             # s16-b: "har ek din me 40-50 search": each of them, per day (not the "har" left alone)
             (re.compile(r"(?<!\w)har\s+ek\s+din\s+(?:mein|me)(?!\w)"), " each per day "),
             (re.compile(r"(?<!\w)(?:roz(?:ana)?|har\s+din|per\s+din|prati\s+din|(?:ek\s+)?(?<!\d\s)(?<!\d)din\s+(?:mein|me))(?!\w)"),
              " per day "),
             # "2000 din mein": a day's figure (a hundred or more; "15 din mein" is a deadline of fifteen days)
             (re.compile(r"(?<=\d\d\d\s)din\s+(?:mein|me)(?!\w)"), " per day "),
             (re.compile(r"(?<!\w)(?:har\s+saal|salana|saal\s+(?:ka|ke|mein|me))(?!\w)"), " per year "),
             # "2000 hafte mein", "har hafte 500 queries" (issue 17, s7-a: a week's figure was stored as a month's)
             # (not "ek hafte mein", "2 hafte mein": within a week, two weeks)
             (re.compile(r"(?<!\w)(?:har\s+hafte|prati\s+saptah|(?<=\d\d\d\s)hafte(?:\s+(?:mein|me))?)(?!\w)"),
              " per week "),
             # "har agent din mein 20 queries": each agent (the Swedish "har" is not followed by a person)
             (re.compile(r"(?<!\w)har\s+(?=(?:agent|user|employee|person|banda|aadmi|analyst|engineer|member)s?\b)"),
              "each "))


# "one second, let me check", "eine Sekunde, ich frage nach": a request to wait, not a latency.
# Russian, Ukrainian and Polish put the magnitude first for a rough figure ("тысяч 300", "тисяч 60", "tysięcy 50"):
# about 300 thousand. Not after a figure ("12 тысяч 300" is 12,300) nor before another magnitude.
_INVERTED_MAGNITUDE = re.compile(r"(?<![\d\w])(?<!\d )(тысяч|тыс\.?|тыщ|тисяч|тис\.?|tysięcy|tys\.?|миллионов|"
                                 r"мільйонів|milionów)\s+(\d{1,3}(?:[.,]\d{1,2})?)(?!\d|[.,]\d|\s*(?:[-–]\s*\d|тыс|тис|tys|млн|mln|"
                                 r"миллион|мільйон|milion|%))")
# The same with the figure in words, colloquial ("тыщи три", "тысячи четыре", "тисячі дві"): about 3 thousand.
_INVERTED_WORD = re.compile(r"(?<![\w])(?<!\d )(тыщи|тысячи|тисячі|tysiące|миллиона|мільйона|тыщ|тысяч|тисяч|"
                            r"tysięcy)\s+(два|две|дві|три|четыре|чотири|dwa|dwie|trzy|cztery|пять|п'ять|десять|двадцать|"
                            r"двадцять|тридцать|тридцять|сорок|пятьдесят|п'ятдесят|сто|pięć|dziesięć|dwadzieścia|"
                            r"trzydzieści|czterdzieści|pięćdziesiąt|sto|двести|триста|пятьсот|двісті|п'ятсот|dwieście|trzysta|"
                            r"pięćset|"
                            # s13-b: the teens and tens ("тисяч п'ятнадцять", "тысяч семьдесят")
                            r"одиннадцать|двенадцать|тринадцать|четырнадцать|пятнадцать|шестнадцать|семнадцать|"
                            r"восемнадцать|девятнадцать|шестьдесят|семьдесят|восемьдесят|девяносто|"
                            r"одинадцять|дванадцять|тринадцять|чотирнадцять|п'ятнадцять|шістнадцять|сімнадцять|"
                            r"вісімнадцять|дев'ятнадцять|шістдесят|сімдесят|вісімдесят|дев'яносто|"
                            r"jedenaście|dwanaście|piętnaście|sześćdziesiąt|siedemdziesiąt|osiemdziesiąt|"
                            r"dziewięćdziesiąt)"
                            r"(?!\w|\s*[-–]|\s+(?:сот|sto|set))")
_INVERTED_WORD_UNIT = {"тыщи": "тыщ", "тысячи": "тысяч", "тисячі": "тисяч", "tysiące": "tysięcy", "миллиона": "млн",
                       "мільйона": "млн", "тыщ": "тыщ", "тысяч": "тысяч", "тисяч": "тисяч", "tysięcy": "tysięcy"}
@functools.cache
def slavic_cards() -> dict[str, int]:
    """The whole cardinal words of Russian, Ukrainian and Polish (a count said after its noun: "сторінки три")."""
    return {w: int(v) for code in ("ru", "uk", "pl") for w, v in _LANGUAGES[code].cards.items() if v == int(v)}


def _inverted_word(match: re.Match[str]) -> str:
    """"тыщи три" -> about 3 thousand; not after a count of its own ("два миллиона триста тысяч", s8-d)."""
    before = re.search(r"([^\W\d_']+)\s+$", match.string[:match.start()])
    if before and any(before.group(1) in lang.cards for lang in (_LANGUAGES["ru"], _LANGUAGES["uk"], _LANGUAGES["pl"])):
        return match.group()
    return f"about {match.group(2)} {_INVERTED_WORD_UNIT[match.group(1)]}"


# Russian and Ukrainian chat write k in Cyrillic right after a figure ("150к документов"), and "кк" for a million
_CYRILLIC_K = re.compile(r"(?<=\d)кк?(?![^\W\d_])")
_WAIT = re.compile(r"^\W*(?:(?:just|wait|hold on|warte|moment|attends?|espera|aspetta|wacht)\s+)?"
                   r"(?:one|a|eine|un|une|uno|um|uma|een|en|ett|bir|одну|jedną|ein)\s+"
                   r"(?:sec(?:ond)?|sekunde|seconde|segundo|secondo|seconde|sekund[eę]?|saniye|секунд[уа])(?!\w)"
                   r"(?=\s*(?:[,!…—–-]|please|pls|let me|bitte|por favor|s'il|per favore|proszę))")


# Shares of people in every language, as the English the quantity reader knows ("half of them", "a third of them",
# "20% of them"): "la moitié d'entre eux", "die Hälfte davon", "un tercio de ellos", "一半的人", "절반이".
_OF_THEM = (r"(?:\s*(?:d'entre (?:eux|elles)|de (?:ellos|ellas)|del(?:es|as)|di (?:loro|essi)|van hen|daarvan|z nich|"
            r"av dem|из них|davon|von ihnen|unter ihnen|的人|の人|人|의|中))?")  # s13-b: "一半人会用"
_NOT_CJK_LETTER = r"[^\W\d_\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]"
_SHARES = tuple((re.compile(rf"(?<!{_NOT_CJK_LETTER})(?:{words}){_OF_THEM}(?!{_NOT_CJK_LETTER})"
                            r"(?!\s+(?:des|du|de la|de los|de las|del|dos|das|dei|degli|delle|der|den|van de|"
                            r"van het)\s)"
                            r"(?!\s*(?:d'|de |di |del |van |av )?(?:heure|hora|ora\b|uur|stunde|minut|seconde|segundo|"
                            r"secondo|sekund|jour|d[íi]a|giorno|dag|tag|mois|mes|jahr|an\b|año|anno))"),
                 english) for words, english in (
    (r"die h[äa]lfte|la moiti[ée]|la mitad|a metade|metade|la met[àa]|de helft|po[łl]owa|h[äa]lften|yar[ıi]s[ıi]|"
     r"половина|一半|半分|절반", "half of them"),
    (r"ein drittel|un tiers|un tercio|la tercera parte|um ter[çc]o|un terzo|een derde|jedna trzecia|en tredjedel|"
     r"[üu][çc]te biri|треть|三分之一|3分の1|三分の一|3분의 1", "a third of them"),
    (r"ein viertel|un quart|un cuarto|la cuarta parte|um quarto|un quarto|een kwart|jedna czwarta|en fj[äa]rdedel|"
     r"d[öo]rtte biri|четверть|四分之一|4分の1|四分の一|4분의 1", "a quarter of them")))
_PERCENT_OF_THEM = re.compile(rf"(\d{{1,3}}(?:\.\d{{1,2}})?)\s*%(?:{_OF_THEM[3:-2]})")
_CN_PERCENT = re.compile(r"百分之(\d{1,3}|[一二三四五六七八九十]{1,3})")


# One person in N, in every language of the lexicon (s12-a): "jeder Fünfte", "one in five", "un sur cinq", "uno de cada
# cinco", "um em cada cinco", "uno su cinque", "één op de vijf", "co piąty", "var femte", "каждый пятый", "5人に1人",
# "다섯 명 중 한 명", "每五个人里有一个": that share of the people, as "20% of them"
_NTH = {w: n for n, words in {
    2: "2 two zwei zweite deux dos dois due twee drugi andra второй двух 二 两 두",
    3: "3 three drei dritte trois tres três tre drie trzeci tredje третий трёх трех 三 세",
    4: "4 four vier vierte quatre cuatro quatro quattro czwarty fjärde четвёртый четвертый четырёх 四 네",
    5: "5 five fünf fünfte cinq cinco cinque vijf piąty femte пятый пяти 五 다섯",
    10: "10 ten zehn zehnte dix diez dez dieci tien dziesiąty tionde десятый десяти 十 열",
}.items() for w in words.split()}
_N_WORD = "|".join(sorted(_NTH, key=len, reverse=True))
_N_ORDINAL = "|".join(sorted((w for w in _NTH if not w.isdigit()), key=len, reverse=True))  # ("co 5 minut": every
# five minutes, a period; "co piąty": every fifth person)
_ONE_IN = re.compile(
    rf"(?<![\w.])(?:(?:one|1) (?:in|out of) (?P<a>{_N_WORD})|jede[rsn]? (?P<b>{_N_ORDINAL})|"
    rf"(?:un|une|1) sur (?P<c>{_N_WORD})|"
    rf"(?:uno|una|1) de cada (?P<d>{_N_WORD})|(?:um|uma|1) (?:em|de) cada (?P<e>{_N_WORD})|(?:uno|una|1) su "
    rf"(?P<f>{_N_WORD})|(?:één|een|1) op de (?P<g>{_N_WORD})|co (?P<h>{_N_ORDINAL})|var (?P<i>{_N_ORDINAL})|"
    rf"каждый (?P<j>{_N_ORDINAL})|(?:один|одна) из (?P<k>{_N_WORD}))(?![\w.])|"
    rf"(?P<l>{_N_WORD})\s*人に\s*(?:1|一)\s*人|(?P<m>{_N_WORD})\s*명\s*중\s*(?:1|한)\s*명|"
    rf"每\s*(?P<n>{_N_WORD})\s*个?人(?:里|中)(?:有)?\s*(?:1|一)\s*个")


def _one_in(match: re.Match[str]) -> str:
    word = next(g for g in match.groups() if g)
    return f" {100 / _NTH[word]:.4g}% of them "


def _shares(text: str) -> str:
    """Shares of people as English: "la moitié d'entre eux" -> "half of them", "20 % davon" -> "20% of them"."""
    for rx, english in _SHARES:
        text = rx.sub(f" {english} ", text)
    text = _ONE_IN.sub(_one_in, text)
    text = _CN_PERCENT.sub(lambda m: f"{m.group(1) if m.group(1).isdigit() else _cn_small(m.group(1))}%", text)
    return _PERCENT_OF_THEM.sub(r"\1% of them", text)


def _cn_small(text: str) -> int:
    """一 ... 九十九 as an int ("二十" -> 20, "十五" -> 15)."""
    if "十" not in text:
        return _CN_ONE.get(text, 0)
    tens, _, ones = text.partition("十")
    return _CN_ONE.get(tens, 1) * 10 + _CN_ONE.get(ones, 0)


# "ein bis zwei Millionen", "een à twee miljoen", "två till tre tusen": two small cardinals before a magnitude are a
# range
_SMALL_CARDS = {"ein": 1, "eine": 1, "een": 1, "één": 1, "en": 1, "ett": 1, "zwei": 2, "twee": 2, "två": 2, "to": 2,
                "drei": 3, "drie": 3, "tre": 3, "vier": 4, "fyra": 4, "fire": 4, "fünf": 5, "vijf": 5, "fem": 5,
                "sechs": 6, "zes": 6, "sex": 6, "seks": 6, "zehn": 10, "tien": 10, "tio": 10, "ti": 10}
_CARD_RANGE = re.compile(
    r"(?<![\w-])(ein|eine|een|één|en|ett|zwei|twee|två|drei|drie|tre|vier|fyra|fire|fünf|vijf|fem)\s+"
    r"(?:bis|à|a|tot|till|til|oder|of|eller|-|–)\s+(zwei|twee|två|to|drei|drie|tre|vier|fyra|fire|fünf|vijf|fem|sechs|"
    r"zes|sex|seks|zehn|tien|tio|ti)\s+(?=(?:millionen|million|mio\b|miljoen|miljoner|miljon|millioner|milliarden|"
    r"miljard|tausend|duizend|tusen|tusind|hundert|honderd|hundra))")


# s7-d (issue 17): Turkish "bin arama" (a thousand), "yüz bin kadar" (a hundred thousand): a bare magnitude is one of
# it, said before a Turkish noun or approximation (never the German "ich bin" or an English "bin")
_TR_EACH = re.compile(r"(?<![\d.,])(\d{1,4})\s?['’](?:ş?er|ş?ar)\s+([^\W\d_]+)")
_TR_BARE_VALUES = {"yüz bin": "100000", "bin": "1000", "yüz": "100"}
_TR_BARE = re.compile(r"(?<![\w.,])(?<!\d )(yüz\s+bin|bin|yüz)(?=\s+(?:kadar|civar\w*|tane|adet|arama\w*|sorgu\w*|"
                      r"belge\w*|doküman\w*|dosya\w*|kayıt\w*|ürün\w*|kişi\w*|kullanıcı\w*|istek\w*|sayfa\w*|"
                      r"kelime\w*|müşteri\w*|öğrenci\w*|çalışan\w*|makale\w*|sözleşme\w*|dava\w*|tl\b|lira\w*|"
                      r"dolar\w*|avro\w*|euro\w*|sipariş\w*|başvuru\w*)(?!\w))")
# "2 mil rows", "1.5 mil users": English slang for a million (in Spanish and Portuguese "2 mil" is two thousand, said
# with their own nouns and words around it) (s7-c)
_EN_MIL = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{1,2})?)\s*mil\b(?=\s+(?:rows|docs|documents|records|users|items|"
                     r"products|files|pages|queries|searches|requests|emails|tickets|entries|vectors|chunks|views|"
                     r"visitors|customers|listings|skus|articles|a month|per month|monthly|a year|per year)\b|"
                     # s14-c: before an English period's short form ("2 mil/mo", "1.5 mil/yr")
                     r"\s*/\s*(?:mo|mth|month|yr|year|wk|week|day)\b)|"
                     # "1.2 mil" said alone, a decimal (no Romance "mil", whose thousands are never decimals)
                     r"(?<![\w.,])(\d{1,3}\.\d{1,2})\s*mil(?=\s*(?:$|[,;!?)]|\.(?:\s|$)|"
                     # s13-b: or before an English hedge ("1.2 mil give or take")
                     r"(?:give or take|or so|ish|roughly|more or less|tops|max)\b))")
_OR_TWO = re.compile(r"\b(?:a|one)\s+(sec|second|minute|hour|day|week|page|month)\s+or\s+two\b")
_ROMANCE_WORDS = re.compile(r"\b(?:de|del|los|las|unos|unas|tenemos|temos|são|mais|más|por|para|mes|mês|año|ano|y|"
                            r"e|o|que|com|con|uns|umas|cerca|alrededor|"
                            # s13-b: Portuguese typed without its accents ("na vdd sao 450 mil skus")
                            r"sao|nao|dos|das|pra|pros|tem|uma|cada|tipo|eram|somos|temos|vdd|"
                            # s15-b: Spanish words English never writes ("son 85 mil docs no 8.500", "hay 12 mil docs")
                            r"son|hay|el|es|un|pero|ya|muy|esos|estos|aprox|tienen|serían|serian)\b")


# s8-d (issue 17): a number said in parts, the larger first ("миллион двести тысяч", "tysiąc dwieście", "un milione e
# duecentomila", "мільйон двісті тисяч", "bir milyon iki yüz bin", "two million three hundred thousand"): the parts
# add up. The magnitude of the first part is singular ("тысяча", "milione") or has its count before it ("два
# миллиона", "5 тысяч"): "тысяч двести" alone is the rough, inverted "about two hundred thousand". The second part
# starts with a hundreds word (or a glued one: "duecentomila", "tvåhundratusen"); it is marked here and added once
# both are digits (``_ADDED``).
_HUNDREDS = (r"сто|двести|триста|четыреста|пятьсот|шестьсот|семьсот|восемьсот|девятьсот|двісті|чотириста|п'ятсот|"
             r"шістсот|сімсот|вісімсот|дев'ятсот|sto|dwie[śs]cie|trzysta|czterysta|pi[ęe][ćc]set|sze[śs][ćc]set|"
             r"siedemset|osiemset|dziewi[ęe][ćc]set|cento|duecento|trecento|quattrocento|cinquecento|seicento|"
             r"settecento|ottocento|novecento|cien|ciento|doscient[oa]s|trescient[oa]s|quinient[oa]s|cem|duzent[oa]s|"
             r"trezent[oa]s|quinhent[oa]s|(?:iki|üç|dört|beş|altı|yedi|sekiz|dokuz)?\s*yüz|"
             r"(?:one|two|three|four|five|six|seven|eight|nine|a)\s+hundred|(?:\w{2,6})?(?:hundra|honderd|hundert)\w*")
_ADDITIVE = re.compile(
    r"(?<![\w.,])(?P<count>\d{1,3}(?:[.,]\d{1,2})?\s*|(?:два|две|три|четыре|пять|два|дві|три|чотири|п'ять|dwa|dwie|"
    r"trzy|cztery|pięć|piec|due|tre|quattro|cinque|dos|tres|dois|duas|iki|üç|two|three|four|five|twee|drie|två|"
    r"zwei|drei)\s+)?"
    r"(?P<mag>тысяча|тысячу|миллион|тисяча|тисячу|мільйон|tysiąc|tysiac|milion|mille|milione|un milione|mil|millón|"
    r"millon|milhão|milhao|bin|milyon|bir milyon|thousand|million|tusen|miljon|duizend|miljoen|tausend|"
    r"(?P<plural>тысячи|тысяч|тыс\.?|миллиона|миллионов|миллионы|млн\.?|тисячі|тисяч|тис\.?|мільйона|мільйонів|мільйони|"
    r"tysiące|tysiace|tysięcy|tysiecy|tys\.?|miliony|milionów|milionow|miliona|mln|mila|milioni|millones|milhões|"
    r"milhoes|millions|miljoner|millionen))"
    rf"\s+(?:(?P<conn>e|i|и|і|y|and|och|en|und|ve)\s+)?(?=(?:{_HUNDREDS})(?![^\W\d_]*\s*(?:раз|razy|volte|times)))")
_ADDITIVE_TRIGGER = re.compile(r"(?:тысяч|тыс|миллион|млн|тисяч|тис|мільйон|tysi|milion|mln|mil|bin|milyon|thousand|"
                               r"tusen|miljon|duizend|miljoen|tausend)[^\n]*(?:сот|ст|сті|sta|set|cent|cien|cem|ści|scie|zent|hent|ient|yüz|"
                               r"hundr|honderd)")
_ADDED = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(?:(e|i|и|і|y|and|och|en|und|ve)\s*)?\u207a\s*(?:about\s+)?"
                    r"(\d+(?:\.\d+)?)(?![\d.])")


def _mark_added(match: re.Match[str]) -> str:
    if match.group("plural") and not match.group("count"):
        return match.group()  # "тысяч двести": about two hundred thousand, said the other way round
    return f"{match.group('count') or ''}{match.group('mag')} {match.group('conn') or ''}\u207a"


def _add(match: re.Match[str]) -> str:
    big, small = float(match.group(1)), float(match.group(3))
    if small < big and big >= 1000:  # "1000000 ⁺200000", "1000 ⁺200"
        return _number(big + small)
    between = f"{match.group(2)} " if match.group(2) else ""  # "tussen de duizend en honderdduizend": a range
    return f"{match.group(1)} {between}{match.group(3)}"


# "пять-шесть", "dwie-trzy", "due-tre", "iki-üç" strony: a range of two cardinal words (s8-d)
_WORD_RANGE_TRIGGER = re.compile(r"[^\W\d_]\s*[-–]\s*[^\W\d_]|\s(?:или|або|чи|lub|albo|czy|o|veya|eller|of|oder|ou)\s")
# "two-three pages", "two or three sentences", "ein, zwei Absätze": two small English or German cardinals as a range
_SMALL_RANGE = re.compile(r"(?<![\w\-])(one|two|three|four|five|six|seven|eight|nine|ten)\s*(?:[-–/]|\s(?:or|to)\s)\s*"
                          r"(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?![\w\-])|"
                          r"(?<![\w\-])(ein|eine|one),\s*(zwei|two)\s+(?=[^\W\d_])")
_SMALL_VALUES = {"one": 1, "ein": 1, "eine": 1, "two": 2, "zwei": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                 "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _small_range(m: re.Match[str]) -> str:
    low, high = (_SMALL_VALUES[g] for g in (m.group(1, 2) if m.group(1) else m.group(3, 4)))
    return f"{low}-{high} " if low < high <= 2 * low + 2 else m.group()


_WORD_RANGE_SEP = r"(?:\s*[-–]\s*|\s+(?:или|або|чи|lub|albo|czy|o|veya|eller|of|oder|ou|o)\s+)"

# Hinglish "saadhe teen lakh" (3.5), "paune do lakh" (1.75): a half added or a quarter taken before the count (s8-d)
_HI_CARDS = {"ek": 1, "do": 2, "teen": 3, "char": 4, "chaar": 4, "paanch": 5, "panch": 5, "chhe": 6, "saat": 7,
             "aath": 8, "nau": 9, "das": 10}
_HI_FRACTION = re.compile(r"(?<!\w)(saa?dhe|saade|paune|pone)\s+(ek|do|teen|chaa?r|paa?nch|chhe|saat|aath|nau|das|"
                          r"\d{1,2})\s+(?=(?:hazaa?r|hajar|lakhs?|lacs?|crores?|karod|sau)\b)")


def _hi_fraction(match: re.Match[str]) -> str:
    count = match.group(2)
    value = float(count) if count.isdigit() else _HI_CARDS[count]
    value += 0.5 if match.group(1).startswith("sa") else -0.25
    return f"{value:g} "


# s8-d (issue 17): the old figure of a correction said as "one and a half" with no magnitude ("1,1 miljoen, niet
# anderhalf", "не полтора, а 1,2 млн", "bir buçuk değil"): 1.5, which the correction reads in the new figure's magnitude
_NOT_ONE_AND_A_HALF = re.compile(
    r"(?<!\w)(not|niet|inte|nie|не|ні|non|nicht|pas|no|nahi|nahin)\s+(one and a half|anderhalf|anderhalve|"
    r"en och en halv|półtora|półtorej|poltora|poltorej|полтора|полторы|півтора|півтори|uno e mezzo|una e mezza|"
    r"dedh|eineinhalb|anderthalb|un et demi|uno y medio)(?!\s*[^\W\d_])|"
    r"(?<!\w)(bir buçuk)(?=\s+değil)")


_HALF_TRIGGER = re.compile(r"half|halv|tor[aye]|півтор|mezz|dedh|einhalb|anderthalb|demi|medio|buçuk")


def _one_and_a_half(match: re.Match[str]) -> str:
    return f"{match.group(1)} 1.5" if match.group(1) else "1.5"
# English cardinals written as words in compounds ("twenty five thousand", "a hundred and twenty thousand", "twelve
# hundred", "one point two million", "sixty-five", "two hundred and fifty thousand"): one figure in digits (s8-a).
# A lone small word ("one", "two", "a") is left to the readers that know its context; "and" joins only after a
# hundred or a magnitude ("two hundred and fifty"), never two figures ("between forty and sixty thousand").
_EN_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen".split())}
_EN_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_EN_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "grand": 1e3}
_EN_WORD = "|".join(sorted([*_EN_SMALL, *_EN_TENS], key=len, reverse=True))
_EN_TOKEN = rf"(?:{_EN_WORD}|hundred|thousand|million|billion|grand)"
_EN_RUN = re.compile(
    rf"(?<![\w\-.,])(?:an?\s+(?=hundred\b))?{_EN_TOKEN}"
    rf"(?:(?:\s+|-)(?:(?:and|&)\s+(?={_EN_WORD}))?{_EN_TOKEN}|\s+point\s+(?:{_EN_WORD})(?:\s+(?:{_EN_WORD}))*)*"
    r"(?![\w\-])")
# "forty-odd thousand", "40-odd pages", "20 odd people": about that many
# The spread around a figure ("plus or minus 10k", "± 10%", "+/- 5,000"), and what "give or take" is followed by ("a
# few", "a bit"): said about the figure before it, no figure of its own.
_SPREAD = re.compile(r"(?:\bplus or minus\b|\+/-|±)\s*(?:about\s+|~\s*)?\d[\d,.]*\s*"
                     r"(?:k|m|%|percent|thousand)?(?![\w])|"
                     r"(?<=give or take)\s+(?:a\s+(?:few|bit|little|couple)|some|or so)\b")
# A vague magnitude refined by the figure after it ("several thousand, maybe five", "a few hundred - say 400"): the
# refinement (a figure of the same magnitude, said small)
_VAGUE_REFINED = re.compile(r"\b(several|a few|a couple(?: of)?)\s+(hundred|thousand|million)\b\s*[,\-–(]?\s*"
                            r"(?:maybe|probably|say|like|perhaps|i'd say|call it|more like|around|about)\s+"
                            rf"(\d{{1,3}}(?:\.\d)?|{_EN_WORD})(?!\s*(?:k\b|m\b|thousand|million|hundred|grand|[\d,]))")


def _refined(m: re.Match[str]) -> str:
    value = float(_EN_SMALL.get(m.group(3), _EN_TENS.get(m.group(3), 0)) or m.group(3))
    if m.group(2) == "hundred" and value >= 10:
        return f"about {value:g}"  # "a few hundred, say 400": the figure itself
    return f"about {value:g} {m.group(2)}"


# "in the mid six figures", "low five figures", "high seven figures": a count (or a sum) of that many digits
_FIGURES = re.compile(r"\b(?:(low|mid|high)[\s\-]+)?(four|five|six|seven|eight)[\s\-]+figures?\b")
_HIGH_VAGUE = re.compile(r"\b(high|mid)[\s\-]+(hundreds of thousands|tens of thousands|thousands|hundreds|millions)\b")


def _figures(m: re.Match[str]) -> str:
    digits = {"four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}[m.group(2)]
    lead = {"low": 2, "mid": 5, "high": 8, None: 3}[m.group(1)]
    return f"about {lead * 10 ** (digits - 1)}"


_SHORT_RANGE = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d)?)\s*(thousand|million|k|m)\b\s*,?\s*(?:or\s+)?(?:maybe|perhaps|"
                          r"possibly)\s+(\d{1,3}(?:\.\d)?)(?=\s*(?:$|[,.;!?)]))")
_ODD = re.compile(r"(?<![\w.,])(\d{1,4})[\s\-]odd\b")


def _english_run(run: str) -> str:
    """The digits of one run of English number words, or the run as written where it is no compound."""
    tokens = re.findall(r"[a-z]+", run)
    words = [t for t in tokens if t not in ("and", "a", "an", "point")]
    if len(words) < 2 and not (words and (words[0] in _EN_TENS or 11 <= _EN_SMALL.get(words[0], 0))):
        return run  # "one", "two", "a hundred": the readers that know their context
    if "and" in tokens and tokens[tokens.index("and") - 1] not in _EN_SCALES:
        left, right = re.split(r"\s+(?:and|&)\s+", run, maxsplit=1)  # "forty and sixty thousand": two figures
        return f"{_english_run(left)} and {_english_run(right)}"
    total, current, decimals, scale_seen = 0.0, 0.0, None, False
    for tok in tokens:
        if tok in ("and", "a", "an"):
            current = current or (1.0 if tok != "and" else 0.0)
        elif tok == "point":
            decimals = ""
        elif tok in _EN_SMALL or tok in _EN_TENS:
            word = _EN_SMALL.get(tok, _EN_TENS.get(tok, 0))
            if decimals is not None:
                if word > 9:
                    return run
                decimals += str(word)
            else:
                if current % 100 and (word >= 10 and current % 10 == 0 or word < 10 and current % 10):
                    if len(words) == 2 and word - current in ((1, 10) if word >= 10 else (1,)):
                        return f"{current:.0f}-{word}"  # s13-b: said as a range ("forty fifty pages", "three four")
                    return run  # "five six", "twenty thirty": two figures said one after the other, not one
                current += word
        else:
            if decimals:
                current += float("0." + decimals)
                decimals = None
            scale = _EN_SCALES[tok]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
            scale_seen = True
    if decimals:
        return run  # "one point two" with no magnitude after it: left as written
    value = total + current
    if not value or (not scale_seen and len(words) < 2 and value < 11):
        return run
    last = tokens[-1]
    if last in ("thousand", "million", "billion", "grand") and sum(t in _EN_SCALES for t in tokens) == 1:
        # "sixty thousand", "one point two million": the figure before its magnitude word, which the range readers
        # know ("between 40 and 60 thousand")
        value /= _EN_SCALES[last]
        return (f"{value:.0f}" if value == int(value) else f"{value:g}") + f" {last}"
    return f"{value:.0f}" if value == int(value) else f"{value:g}"


def english_cardinals(text: str) -> str:
    """``text`` with its compound English number words in digits ("twenty five thousand" -> 25000)."""
    if "grand" in text:  # "a grand a month", "half a grand": a thousand of the money said (not "a grand total")
        text = _A_GRAND.sub(lambda m: "0.5 grand" if m.group(1) else "1 grand", text)
        text = _VAGUE_GRAND.sub(lambda m: _GRANDS[m.group(1).split(" ")[0]], text)
    if "half a k" in text:  # "half a k a month": five hundred
        text = re.sub(r"(?<![\w.])half an? k\b", "0.5k", text)
    if re.search(rf"\b(?:{_EN_WORD})\b", text):
        # s13-b: "5 grand one time for setup": one-off, not a thousand and one
        text = re.sub(r"\b(grand|thousand|hundred|million) one (?=(?:time|off|shot)\b)", r"\1 one-", text)
        text = re.sub(r"\bthree-quarters\b", "three quarters", text)
        text = re.sub(rf"\b({_EN_WORD})-(odd|ish)\b", r"\1 \2", text)  # "forty-odd", "fifty-ish"
        text = _EN_RUN.sub(lambda m: m.group() if _RANGE_BEFORE.search(text[:m.start()]) else _english_run(
            m.group()), text)
        text = _WORD_RATE.sub(lambda m: str(_EN_SMALL[m.group(1)]), text)  # "one a minute", "two per second"
    return _ODD.sub(r"about \1", text) if "odd" in text else text


_PEOPLE_NOUNS = (r"users|employees|people|staff|students|learners|analysts|lawyers|attorneys|paralegals|engineers|"
                 r"developers|devs|agents|reps|representatives|teachers|doctors|nurses|clinicians|physicians|"
                 r"consultants|seats|members|researchers|scientists|librarians|editors|accountants|auditors|"
                 r"technicians|brokers|underwriters|adjusters|officers|pharmacists|recruiters|operators|dispatchers|"
                 r"advisors|advisers|managers|associates|colleagues|customers|clients|stores|branches|shops|hotels|"
                 r"clinics|outlets|offices|sites")
_SIX_DAY_WEEK = re.compile(r"\b(?:from )?mon(?:day)?\s*(?:to|-|–|through|thru|till|until)\s*sat(?:urday)?\b")
# s14-a: a small cardinal word before people ("three receptionists and two nurses", "eleven solicitors"): digits,
# as other languages' cardinals before a word are (``_card_words``); not "one" (nobody's rate is read from one person)
_EN_PEOPLE_CARD = re.compile(
    rf"(?<![\w\-])({'|'.join(w for w in _EN_WORD.split('|') if w not in ('zero', 'one'))})\s+"
    rf"(?=(?:[a-z\-]+\s+)?(?:{_PEOPLE_NOUNS}|receptionists|secretaries|caseworkers|volunteers|partners|solicitors|"
    r"dentists|therapists|clerks|officials|assistants|tutors|lecturers|admins)\b)")
# "250 agents x 40 searches/shift", "10 teachers × 20 lookups a day": people counted times one person's rate
_TIMES_PEOPLE = re.compile(rf"(?<![\w.,])(\d[\d,.]*\s*k?)\s+({_PEOPLE_NOUNS})\s*[x×*]\s*(?=\d)")
_EVERY_ONE = re.compile(r"\bevery\s+(?=(?:one of them|user|person|employee|student|learner|analyst|lawyer|attorney|"
                        r"engineer|developer|dev|agent|rep|teacher|doctor|nurse|clinician|consultant|seat|member|"
                        r"researcher|librarian|editor|accountant|technician|broker|advisor|adviser|colleague)\b)")


def _and_a_half(m: re.Match[str]) -> str:
    word = m.group(1)
    value = 1 if word in ("a", "an") else _EN_SMALL.get(word) or float(word)
    return f"{value + 0.5:g} {m.group(2)}s"


_HALF_UNIT = re.compile(r"(?<![\w.,])(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+and\s+a\s+half\s+"
                        r"(page|hour|minute|second|day|week|month|year|chapter|paragraph)s?\b")
_LENGTH_OF_ONE = re.compile(r"\b(?:the\s+)?(?:length|size)\s+of\s+(?:a|an|one|1)\s+(tweet|page|paragraph|sentence)\b")
_ONE_SHORT = re.compile(r"(?<![\w\-])(?:a|one|1)\s+(?:short|brief|single|small)\s+(paragraph|page|sentence)\b")
# Parts of a document, each of a length ("20 chapters of ~15 pages", "12 sections of about 800 words each"): the
# document's length is their product (not lessons, modules or episodes, which are often the items indexed)
_PARTS_OF = re.compile(r"(?<![\w.,])(\d{1,4})\s+(?:chapters|sections)\s*"
                       r"(?:(?:of|with)\s+|[,(]\s*(?=[^,.;]{0,30}\beach\b))(?:about\s+|around\s+|roughly\s+|~\s*|"
                       r"maybe\s+)?(\d{1,5}(?:,\d{3})?)\s*(pages|words|tokens)\b(?:\s+each)?")
# A vague count of paragraphs, sentences or pages refined by a figure in another unit after it ("a few paragraphs,
# say 300 words"): the refinement is the length
_VAGUE_UNIT_REFINED = re.compile(r"\b(?:a few|several|a couple(?: of)?|some)\s+(?:short\s+)?(?:paragraphs|sentences|"
                                 r"pages)\b\s*[,\-–(]?\s*(?=(?:say|like|maybe|probably|i'd say|call it|about|"
                                 r"around|roughly|~)\s*\d)")


def _parts_of(m: re.Match[str]) -> str:
    return f"{int(m.group(1)) * int(m.group(2).replace(',', ''))} {m.group(3)}"


_MONEY_MAYBE = re.compile(r"([$£€₹])\s?(\d[\d,.]*\s?k?)\s+((?:a|per|/)\s*(?:month|mo|year|yr)\b|monthly|annually)"
                          r"\s*,?\s*(?:maybe|possibly|perhaps|or maybe|or|up to|at most|tops)\s+\1\s?(\d[\d,.]*\s?k?)"
                          r"(?![\w\d.,]|\s*(?:(?:a|an|per|each|every)\b|/|monthly|annually|yearly|weekly|daily))")
_GROUP_OF = re.compile(r"\b(?:team|call cent(?:re|er)|contact cent(?:re|er)|department|workforce|staff|company|firm|"
                       r"practice|office|group|organi[sz]ation|org|unit|newsroom|faculty|school|hospital|clinic)\s+"
                       r"of\s+(?:about\s+|around\s+|roughly\s+|~\s*|some\s+|over\s+|nearly\s+)?\d[\d,.]*\s?k?"
                       r"(?![\d.,]?\d|\s*(?:[a-z%$€£¥₹+]|-\s*\d))")
_UNIT_AND_HALF = re.compile(r"(?<![\w.,])(an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+"
                            r"(page|hour|minute|second|day|week|month|year|chapter|paragraph)s?\s+and\s+a\s+half\b")
_ONE_PAGER = re.compile(r"(?<![\w\-])(?:one|single|1)[\s\-]pagers?\b|(?<![\w\-])single[\s\-]page(?:d)?\b")
# "2-pager memos", "ten pagers": documents of that many pages; "A4 pages", "letter-size pages": pages
_N_PAGER = re.compile(r"(?<![\w\-.,])(two|three|four|five|six|seven|eight|nine|ten|\d{1,3})[\s\-]pagers?\b")
_WORD_PAGE = re.compile(r"(?<![\w\-])(one|two|three|four|five|six|seven|eight|nine|ten)-page\b")
_PAGE_SIZE = re.compile(r"\b(?:a4|a5|letter[\s\-]size(?:d)?|us[\s\-]letter|legal[\s\-]size(?:d)?)\s+(?=pages?\b)")
# "A4三页", "A4 3枚程度", "A4용지 3장": the paper size before a CJK count of pages is no figure
# (sheets of a paper size, "A4 3枚", "A4纸三张", are its pages)
_CJK_PAGE_SIZE = re.compile(r"(?<![a-z0-9])a[345]\s*(?:纸|紙|用紙|용지)?\s*(?:で|的|로)?\s*"
                            r"((?:約|约|大概|大约|大体|약)?\s*[一二两三四五六七八九十百\d.]+"
                            r"(?:\s*[〜~\-–]\s*[一二两三四五六七八九十百\d.]+)?)\s*(页|頁|枚|张|張|ページ|장|쪽)")
_WORD_RATE = re.compile(r"(?<![\w\-])(one|two|three|four|five|six|seven|eight|nine|ten)(?=\s+(?:a|an|per|every)\s+"
                        r"(?:second|sec|minute|min|hour)\b)")


_A_GRAND = re.compile(r"(?<![\w.])(half\s+)?an?\s+grand\b(?!\s+(?:total|scale|tour|opening|piano|plan|prix|jury|"
                      r"slam|central|canyon|master|design|old|hotel|theft|finale|larceny)\b)")
# "a few grand", "a couple grand": about three and two thousand of the money said
_VAGUE_GRAND = re.compile(r"(?<![\w.])an?\s+(few|couple(?:\s+of)?)\s+grand\b")
_GRANDS = {"": "1 grand", "half": "0.5 grand", "few": "3 grand", "couple": "2 grand"}
# "two to three hundred", "five or six thousand": the second figure of a range, which the range readers read whole
_RANGE_BEFORE = re.compile(rf"(?:\b(?:{_EN_WORD})|\d)\s*(?:to|or|-|–)\s*$")


# Thai (s9-e): no spaces between words, so the magnitudes are read here rather than by a table of whole words: a
# figure or a Thai cardinal before พัน (thousand), หมื่น (ten thousand), แสน (hundred thousand), ล้าน (million),
# "3 แสนฉบับ" -> 300000, "1.5 ล้าน" -> 1500000, "สองใบ" -> 2; Thai digits (๐-๙) are read as ASCII ones.
_TH_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_TH_CARDS = {"หนึ่ง": 1, "สอง": 2, "สาม": 3, "สี่": 4, "ห้า": 5, "หก": 6, "เจ็ด": 7, "แปด": 8, "เก้า": 9, "สิบ": 10,
             "ครึ่ง": 0.5}
_TH_UNITS = {"ร้อย": 100, "พัน": 1e3, "หมื่น": 1e4, "แสน": 1e5, "ล้าน": 1e6}
_TH_PART = rf"(\d+(?:\.\d+)?|{'|'.join(_TH_CARDS)})\s*({'|'.join(_TH_UNITS)})(\s*ล้าน)?"
# a run of parts is one figure: "1 แสน 2 หมื่น" -> 120000
_TH_NUMBER = re.compile(rf"(?<![\d.])(?:{_TH_PART}\s*)+|"
                        r"(?:(?<![\u0e00-\u0e7f])|(?<=เกิน)|(?<=ภายใน)|(?<=ประมาณ)|(?<=แค่)|(?<=สัก)|(?<=ละ))"
                        rf"({'|'.join(c for c in _TH_CARDS if c != 'ครึ่ง')})(?=ใบ|ตัว|เครื่อง|การ์ด|คน|"
                        # s13-b: seconds, pages, times, hours, days ("ไม่เกินหนึ่งวินาที", "สองหน้า", "ห้าครั้ง")
                        r"วินาที|หน้า|ครั้ง|ชั่วโมง|นาที|วัน|เดือน|สัปดาห์|อาทิตย์|ไฟล์|เอกสาร)")
_TH_ONE = re.compile(_TH_PART)
_THAI = re.compile(r"[\u0e00-\u0e7f]")


def _thai_number(m: re.Match[str]) -> str:
    if m.group(4):
        return f" {_TH_CARDS[m.group(4)]:g} "
    value, last = 0.0, float("inf")
    for part in _TH_ONE.finditer(m.group()):
        unit = _TH_UNITS[part.group(2)] * (1e6 if part.group(3) else 1)
        if unit >= last:  # "2 หมื่น 3 หมื่น": two figures, not one; the first only
            return f" {value:.0f} " + m.group()[part.start():]
        first = part.group(1)
        value += (float(first) if first[0].isdigit() else _TH_CARDS[first]) * unit
        last = unit
    return f" {value:.0f} "


def thai_numbers(text: str) -> str:
    """Thai figures and magnitudes in digits (a text without Thai letters is returned as it is)."""
    if not _THAI.search(text):
        return text
    return _TH_NUMBER.sub(_thai_number, text.translate(_TH_DIGITS))


def number_words(text: str) -> str:
    """``text`` (lower case, NFKC) with its number phrases in digits ("2.5 lakh" -> 250000, "mezzo milione" -> 500000).

    Decimal commas are read before (``understanding_lexicon.number_formats``); runs before the gloss.
    """
    text = thai_numbers(_WAIT.sub("one moment", text))
    if _KO_NATIVE.search(text):  # s14-a: "간호사 여섯 명", "하루에 열 번", "A4 한두 장": native Korean cardinals
        text = _KO_NATIVE.sub(lambda m: _KO_NATIVE_VALUES[m.group(1)], text)
    if _HALF_TRIGGER.search(text):
        text = _NOT_ONE_AND_A_HALF.sub(_one_and_a_half, text)
    text = _SMALL_RANGE.sub(_small_range, text)
    if "sub-" in text:  # "sub-200ms", "sub-second": under
        text = re.sub(r"\bsub-(?=\d)", "sub ", text)
    text = english_cardinals(text)
    if "sat" in text:  # s14-a: "we're open Monday to Saturday": a six-day week
        text = _SIX_DAY_WEEK.sub("6 days a week", text)
    if _EN_PEOPLE_CARD.search(text):  # s14-a: "three receptionists and two nurses": people counted in words
        text = _EN_PEOPLE_CARD.sub(lambda m: f"{_EN_SMALL.get(m.group(1)) or _EN_TENS[m.group(1)]} ", text)
    if "half" in text:  # "a page and a half", "two hours and a half": one and a half of them
        text = _HALF_UNIT.sub(_and_a_half, _UNIT_AND_HALF.sub(_and_a_half, text))
    if "pager" in text or "single" in text:  # "mostly one-pagers", "single-page letters": a page each
        text = _N_PAGER.sub(lambda m: f"{_EN_SMALL.get(m.group(1), m.group(1))} page", _ONE_PAGER.sub("1 page ", text))
    if "page" in text:  # "each about 10 A4 pages": pages
        text = _PAGE_SIZE.sub("", text).replace("half an page", "half a page")  # "half an A4 page" (s14-a)
        text = _WORD_PAGE.sub(lambda m: f"{_EN_SMALL[m.group(1)]}-page", text)  # "a one-page memo": 1-page
    if "a4" in text or "a5" in text or "a3" in text:
        text = _CJK_PAGE_SIZE.sub(lambda m: m.group(1) + ("页" if m.group(2) in "枚张張" else m.group(2)), text)
    if "length of" in text or "size of" in text:  # "about the length of a tweet", "the size of a page": one of them
        text = _LENGTH_OF_ONE.sub(lambda m: "tweet-length" if m.group(1).startswith("tweet") else f"1 {m.group(1)}",
                                  text)
    if "short" in text or "brief" in text or "single" in text:  # "each only a short paragraph": one paragraph
        text = _ONE_SHORT.sub(r"1 \1", text)
    if "chapters" in text or "sections" in text:  # "about 20 chapters of ~15 pages": 300 pages, one document's
        text = _PARTS_OF.sub(_parts_of, text)
    if "paragraph" in text or "sentence" in text or "page" in text:  # "a few paragraphs, say 300 words": the words
        text = _VAGUE_UNIT_REFINED.sub(" ", text)
    if "each one" in text:  # "each one's about the length of a tweet": each of them, no figure
        text = re.sub(r"\beach one(?:'s|\s+is)(?=\s+(?:about|around|roughly|maybe|like|the length|the size|"
                      r"under|over|at most|at least|~|\d))", "each is", text)
    if "$" in text or "£" in text or "€" in text or "₹" in text:  # "$50 a month, maybe $100": a range of money
        text = _MONEY_MAYBE.sub(r"\1\2-\4 \3", text)
    if " of " in text:  # "a team of 40, each maybe 10 searches a day", "call centre of 300": people counted
        text = _GROUP_OF.sub(r"\g<0> people", text)
    if "every" in text:
        text = _EVERY_ONE.sub("each ", text)  # "300 agents, every agent maybe 50 a day": each of them
    if "x" in text or "×" in text or "*" in text:
        text = _TIMES_PEOPLE.sub(r"\1 \2, each ", text)  # "10 teachers x 20 lookups a day": each of them
    if "figures" in text:  # "mid six figures", "low five figures": about that many
        text = _FIGURES.sub(_figures, text)
    if "high " in text or "mid " in text:  # "high hundreds of thousands": about eight hundred thousand
        text = _HIGH_VAGUE.sub(lambda m: f"{8 if m.group(1) == 'high' else 5} {m.group(2)}", text)
    if "maybe" in text or "perhaps" in text or "possibly" in text:  # "19 thousand, maybe 20": a range, said short
        text = _SHORT_RANGE.sub(r"\1-\3 \2", text)
    if "±" in text:  # "(± 12.000 stuks)": about, where no figure stands before it to be spread around
        text = re.sub(r"(?<![\d%km]\s)(?<![\d%km])±\s*(?=\d)", "about ", text)
    if "minus" in text or "±" in text or "+/-" in text or "give or take" in text:
        text = _SPREAD.sub(" ", text)  # "~80k, plus or minus 10k", "60k give or take a few": the figure, hedged
    if "several" in text or "few" in text or "couple" in text:
        text = _VAGUE_REFINED.sub(_refined, text)
    if " or " in text:  # "a sec or two", "a day or two", "a page or two": one to two of them (s7-c)
        text = _OR_TWO.sub(lambda m: f"1-2 {m.group(1)}s", text)
    if " mil" in text and _EN_MIL.search(text) and not _ROMANCE_WORDS.search(text):
        text = _EN_MIL.sub(lambda m: f"{m.group(1) or m.group(2)} million", text)
    text = _shares(text)
    text = _BETWEEN.sub(r"\1-\2", text)  # "entre 2 et 3 millions": a range
    text = _CARD_RANGE.sub(lambda m: f"{_SMALL_CARDS[m.group(1)]}-{_SMALL_CARDS[m.group(2)]} ", text)
    text = _HEDGES.sub(lambda m: f"about {m.group(1) or ''}".rstrip(), text)  # "somewhere in the 5-8k range"
    text = re.sub(r"(?<!\w)полу?(?=миллион|миллиард|тысяч|сотн|секунд)", "пол ", text)
    text = re.sub(r"(?<!\w)пів(?=мільйон|мільярд|тисяч|сотн|секунд)", "пів ", text)
    text = _INVERTED_MAGNITUDE.sub(r"about \2 \1", text)  # "тикетов тысяч 300": about 300 thousand
    text = _INVERTED_WORD.sub(_inverted_word, text)
    text = _CYRILLIC_K.sub(lambda m: "m" if m.group() == "кк" else "k", text)  # "150к", "2кк": 150k, 2m
    if "dhe" in text or "ade" in text or "une" in text or "pone" in text:
        text = _HI_FRACTION.sub(_hi_fraction, text)
    marked = "\u207a" not in text and bool(_ADDITIVE_TRIGGER.search(text)) and bool(_ADDITIVE.search(text))
    if marked:
        text = _ADDITIVE.sub(_mark_added, text)
    if _WORD_RANGE_TRIGGER.search(text):
        text = _word_range(text)
    text = _TR_BOUND.sub(lambda m: f" under {_TR_SECONDS.get(m.group(1)) or m.group(1).replace(',', '.')} seconds ",
                         text)
    for parser in _parsers():
        if parser.second is not None and parser.second_trigger is not None and parser.second_trigger.search(text):
            text = parser.second.sub(lambda m, p=parser: _seconds(p, m), text)  # type: ignore[misc]
        if parser.trigger.search(text):
            text = _substitute(parser, text)
    text = _TR_EACH.sub(r"\1 \2 each", text)  # "20'şer arama", "10'ar sorgu": twenty searches each
    if "bin" in text or "yüz" in text:  # Turkish says "bin" and "yüz" with no "bir" before them
        text = _TR_BARE.sub(lambda m: _TR_BARE_VALUES[re.sub(r"\s+", " ", m.group(1))], text)
    if "rs" in text or "rup" in text or "mahin" in text or "roz" in text or "din" in text or "saal" in text or \
            "haft" in text or "saptah" in text or \
            "har " in text:
        for rx, english in _HINGLISH:
            text = rx.sub(english, text)
    text = _PLAIN_RANGE.sub(r"\1-\2", text)  # "de 200 à 300 requêtes", "10000 bis 20000": a range
    if _GLUED_TRIGGER.search(text):  # each word alone: linear on a long run of letters
        whole = _glued()[0]
        text = _WORD.sub(lambda m: _glued_value(m.group()) if whole.fullmatch(m.group()) else m.group(), text)
    if _card_words()[0].search(text):
        pattern, values = _card_words()
        text = pattern.sub(lambda m: f"{_number(values[m.group(1)])} ", text)
    if marked:
        text = _ADDED.sub(_add, text).replace("\u207a", " ")
    return _cjk_words(text) if _CJK_TRIGGER.search(text) else text


# Native Korean cardinals before a counter of people, times, sheets, things, hours, places or machines (the Sino-Korean
# ones are digits already); pairs are ranges ("한두 장": one or two sheets)
_KO_NATIVE_VALUES = {"한두": "1-2", "두세": "2-3", "서너": "3-4", "두": "2", "세": "3", "네": "4", "다섯": "5",
                     "여섯": "6",
                     "일곱": "7", "여덟": "8", "아홉": "9", "열": "10", "스무": "20", "스물": "20"}
_KO_NATIVE = re.compile(r"(?<![가-힣])(한두|두세|서너|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|스물)\s*"
                        r"(?=명(?!단|함|령|확)|번(?!호|역|째)|개(?!발|선|인|념|월)|장(?!소|비|점|애|기|님|관|르)|시간|곳|"
                        r"대(?!표|학|부|화|상|기)|쪽|페이지)")


@functools.cache
def _range_words() -> tuple[re.Pattern[str], dict[str, float]]:
    """Two cardinal words of one of the languages as a range; words that are common words elsewhere count here."""
    values = {w: v for code, lang in _LANGUAGES.items() if code != "en" for w, v in lang.cards.items()
              if v >= 2 and " " not in w}
    one = _alternation(values)
    return re.compile(rf"(?<![\w\-])({one}){_WORD_RANGE_SEP}({one})(?![\w\-])"), values


def _word_range(text: str) -> str:
    """"пять-шесть" -> "5-6", "dwie lub trzy" -> "2-3": two cardinals a little apart, the smaller first."""
    pattern, values = _range_words()

    def sub(m: re.Match[str]) -> str:
        low, high = values[m.group(1)], values[m.group(2)]
        return f"{_number(low)}-{_number(high)}" if low < high <= 2 * low + 5 else m.group()
    return pattern.sub(sub, text)


# Numbers written as one word in German, Dutch, Swedish and Italian ("zweihunderttausend", "vijftigduizend",
# "tvåhundratusen", "duecentocinquantamila"): stems, the hundred word, the thousand word, the "and" of "fünfundzwanzig".
_GLUED: dict[str, tuple[dict[str, int], str, str, str]] = {
    "de": ({"ein": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
            "zehn": 10, "elf": 11, "zwölf": 12, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30, "vierzig": 40,
            "fünfzig": 50, "sechzig": 60, "siebzig": 70, "achtzig": 80, "neunzig": 90}, "hundert", "tausend", "und"),
    "nl": ({"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
            "tien": 10, "twaalf": 12, "vijftien": 15, "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50,
            "zestig": 60, "zeventig": 70, "tachtig": 80, "negentig": 90}, "honderd", "duizend", "en"),
    "sv": ({"ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
            "tolv": 12, "femton": 15, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60,
            "sjuttio": 70, "åttio": 80, "nittio": 90}, "hundra", "tusen", ""),
    "it": ({"un": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9,
            "dieci": 10, "dodici": 12, "quindici": 15, "venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50,
            "sessanta": 60, "settanta": 70, "ottanta": 80, "novanta": 90}, "cento", "mila", ""),
}


@functools.cache
def _glued() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[str, int]]]:
    """One pattern for a glued number word, one for its parts, and each part's (kind, value)."""
    parts: dict[str, tuple[str, int]] = {}
    for stems, hundred, thousand, conj in _GLUED.values():
        parts.update({w: ("stem", v) for w, v in stems.items()})
        parts[hundred], parts[thousand] = ("hundred", 100), ("thousand", 1000)
        if conj:
            parts[conj] = ("and", 0)
    alternation = _alternation(parts)
    return re.compile(rf"(?:{alternation}){{2,8}}"), re.compile(alternation), parts


_GLUED_TRIGGER = re.compile(r"hundert|tausend|honderd|duizend|hundra|tusen|cento|mila")
_WORD = re.compile(rf"(?<!{_LETTER}){_LETTER}{{5,60}}(?!{_LETTER})")


def _glued_value(word: str) -> str:
    whole, part, parts = _glued()
    total = current = 0
    kinds = []
    for tok in part.finditer(word):
        kind, value = parts[tok.group()]
        kinds.append(kind)
        if kind == "stem":
            current += value
        elif kind == "hundred":
            current = (current or 1) * 100
        elif kind == "thousand":
            total, current = total + (current or 1) * 1000, 0
    if not ({"hundred", "thousand"} & set(kinds)) or kinds[-1] == "and":
        return word
    return f"{total + current}"


# Number words that are also common words elsewhere ("due to", "sei", "neuf" = new, "acht" = heed, "dos" = of the,
# "sto" = I am, "das", "do", "char", "teen", "sex", "otto", "yedi", "altı" = under): only read inside a number phrase.
_NOT_ALONE = frozenset("due sei neuf acht dos sto das do char teen sex otto yedi altı bees tees saat aath nau assi "
                       "piec dwu "
                       "chhe".split())  # and Hinglish "bees" (bees), "tees", "saat" (with), "nau", "assi"


@functools.cache
def _card_words() -> tuple[re.Pattern[str], dict[str, float]]:
    """Cardinal words of 2 and more in the languages other than English, before a word: "trente juristes" -> 30."""
    values = {w: v for code, lang in _LANGUAGES.items() if code != "en" for w, v in lang.cards.items()
              if v >= 2 and w not in _NOT_ALONE and " " not in w}
    return re.compile(rf"(?<![\w\-]){_YEAR_NOT_FIVE}({_alternation(values)})\s+(?={_LETTER})"), values


# s17-b (dev19b): Vietnamese "năm" is the year after "cả", "mỗi", "một", "hằng" ("ngân sách cả năm tầm 1,5 tỷ": the
# whole year's budget, not five of anything)
_YEAR_NOT_FIVE = "".join(f"(?<!{w} )" for w in ("cả", "mỗi", "một", "hằng", "hàng", "trong", "theo", "cuối", "đầu"))


_DIGITS_LAKH = re.compile(r"\d[\d.,]*(?:\s*(?:-|–|~|to)\s*\d[\d.,]*)?\s*(?:lakhs?|lacs?|crores?)")  # "3-4 lakh" too
_LAKH_WORD = re.compile(r"lakh|\blacs?\b|crore|\bcr\b|karod|लाख|करोड")


def _substitute(parser: _Parser, text: str) -> str:
    out, pos = [], 0
    for match in parser.phrase.finditer(text):
        if _DIGITS_LAKH.fullmatch(match.group().strip()):
            continue  # "2 lakh" is read by ``understanding_numbers`` and keeps its word: rupees when it is money
        value = _evaluate(parser, match.group())
        if value is None:
            continue
        if _LAKH_WORD.search(match.group()) and re.fullmatch(r"\d+(?:\.\d+)?", value):
            value = f"{float(value) / 1e5:g} lakh"  # "dedh lakh", "do-teen lakh": figures in lakh stay rupees as money
        end = match.end()
        connector = _CONNECTOR_LEFT.match(text[end:])  # "des milliers de documents": the "de" goes with the number
        if connector:
            end += connector.end()
        space = "" if end >= len(text) or text[end].isspace() else " "
        out.append(text[pos:match.start()] + ("" if match.start() == 0 or text[match.start() - 1].isspace() else " ")
                   + value + space)
        pos = end
    out.append(text[pos:])
    return "".join(out)


_CN_ONE = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"百": 100, "千": 1000, "万": 10_000}
_CJK_TRIGGER = re.compile(r"[数上半수반把多천백만十]|\d、\d")
_KO_UNITS = {"십": 10, "백": 100, "천": 1000, "만": 10_000, "억": 100_000_000}


def _cjk_words(text: str) -> str:
    """数万 -> 几万, 수만 -> 30000, 上万 -> 1万, 半秒 -> 0.5秒, 반 초 -> 0.5 seconds."""
    text = re.sub(r"(?<![参函系指变总个次人字页分倍])数(?=[十百千][万亿億]?|[万亿億])", "几", text)
    text = re.sub(r"成千上万|数以万计", "几万", text)  # "tens of thousands"
    # "十分です", "十分重要": enough, very (not ten minutes: "十分钟", "十分間", "十分で終わる" keep their figure)
    text = re.sub(r"(?<![\d一二两三四五六七八九十百千万])十分(?=です|だ|な|に(?!一)|かな|かと|足够|重要|满意|感谢|"
                  r"有限|关键|敏感|必要|需要)", "足", text)
    text = re.sub(r"数以(百万|千|百|亿)计", r"几\1", text)
    text = re.sub(r"([一两二三四五六七八九]?)([百千万])把",  # "千把份", "万把条": about a thousand, ten thousand
                  lambda m: f"{_CN_ONE.get(m.group(1), 1) * _CN_UNIT[m.group(2)]}", text)
    text = re.sub(r"(?<![\u4e00-\u9fff\d])上(?=[百千万亿億])", "1", text)
    # "一百多万", "三十多个", "两千多篇": "and some", read like 几 (一百几万 = 1.03M); "10多万" = 13万
    text = re.sub(r"(?<![\d.])(\d{1,4})多(?=[万亿億])", lambda m: f"{int(m.group(1)) + 3}" if m.group(1).endswith("0")
                  else m.group(1), text)
    # "300多人", "2000多个用户": 300-some, read like 几 one place down (330, 2300)
    text = re.sub(r"(?<![\d.])(\d*[1-9](0+))多(?=\s*[个份篇条次人件名位家台张页字])",
                  lambda m: f"{int(m.group(1)) + 3 * 10 ** (len(m.group(2)) - 1)}", text)
    text = re.sub(r"(?<=[一二两三四五六七八九十百千万])多"
                  r"(?=[万亿億千百]|[个份篇条次人件名位家台张页字]|$|[^\u4e00-\u9fff])", "几", text)
    # Korean 천 / 백 / 만 with no digit before a counter: one thousand, one hundred, ten thousand
    text = re.sub(r"(?<![가-힣\d一-龥])(천|백|만)(?=\s*(?:개|건|명|자|권|페이지|장|번|회)(?![가-힣]))",
                  lambda m: f"{_KO_UNITS[m.group(1)]}", text)
    text = re.sub(r"(?<![가-힣])수((?:십|백|천)?(?:만|억)?)(?=\s|[가-힣]|$)",  # 수십만: "several" hundred thousand
                  lambda m: f"{3 * math.prod(_KO_UNITS[c] for c in m.group(1))}" if m.group(1) else m.group(), text)
    text = re.sub(r"(?<![\d.一二两三四五六七八九十])半秒", "0.5秒", text)
    # s17-c: two neighbouring figures listed before a counter are a range ("週に2、3回", "1、2件"): 2-3, not two figures
    text = re.sub(r"(?<![\d.,、])([1-8])、([2-9])(?=\s*(?:回|件|人|名|時間|日|ページ|枚|冊|次|个|個|本|度))",
                  lambda m: f"{m.group(1)}-{m.group(2)}" if int(m.group(2)) == int(m.group(1)) + 1 else m.group(), text)
    return re.sub(r"(?<![가-힣])반\s*초(?![가-힣])", " 0.5 seconds ", text)


_CJK_RANGE = re.compile(r"(\d{1,6}(?:\.\d{1,6})?|[一二两三四五六七八九十百千]{1,6})\s*(-|–|~|〜|～|到|至)\s*"
                        r"(\d{1,6}(?:\.\d{1,6})?|[一二两三四五六七八九十百千]{1,6})\s*(千万|千|万|亿)")


def cjk_ranges(text: str) -> str:
    """"3~5万" -> "3万~5万", "五十到八十万" -> "五十万到八十万": the unit of a range on both of its ends."""
    text = _CJK_RANGE.sub(lambda m: m.group() if (m.group(4) == "千" and re.search(r"[百千]", m.group(1))) or (
        re.search(r"[百千]$", m.group(1)) and not re.search(r"[百千]", m.group(3))) else
        f"{m.group(1)}{m.group(4)}{m.group(2)}{m.group(3)}{m.group(4)}", text)  # not "两千到三千", "一千到一万"
    return re.sub(r"(?<=[\d十百千万亿])\s*之间", "", text)  # "在五十万到八十万之间": the range itself
