"""Messages in other languages (German ... Polish, Swedish, Russian, Czech, Greek, Hebrew ...) glossed into English.

The offline understanding is written for English and Chinese. Rather than a second copy of every rule, a message is
first *glossed*: number formats become plain digits ("200.000" and "50 000" -> 200000 / 50000, "1,5 Mio." -> 1.5
million), and a table of phrases maps units, periods, people, counters, privacy and side-question words to their
English equivalents ("pro Tag" -> per day, "par mois" -> per month, "1人1日" -> each per day, "件のクエリ" ->
queries, "하루에" -> per day). The table is data, one ordered list per language in ``knowledge/data/
interview_lexicon.yaml``; glossary term names in those languages ("ハイブリッド検索", "hybride Suche") become their
term first. A phrase the table does not know stays as it was, so an unknown word never becomes a wrong value.
Applied to lower-cased, NFKC-normalised text.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import yaml

from agent.understanding_langid import SCRIPT_BLOCKS, languages
from agent.understanding_number_words import slavic_cards
from agent.understanding_prefilter import PhraseFilter
from knowledge.curated import DATA_DIR
from knowledge.errors import KnowledgeDataError
from knowledge.glossary import load_glossary

# Thousands separators: "200.000" / "1.500.000" (de, es), "50 000" / "1 200 000" (fr, with normal or thin spaces);
# decimal commas: "1,5 Mio." / "2,5 millones". English "1,200" (three digits after the comma) is left alone.
_DOT_THOUSANDS = re.compile(r"(?<![\w.,])(\d{1,3})((?:\.\d{3})+)(?![\d]|[.,]\d)")
_SPACE_THOUSANDS = re.compile(r"(?<![\w.,])(\d{1,3})((?:[ \u00a0\u202f]\d{3})+)(?![\d]|[.,]\d|\s*(?:gb|go|g\b|ms))")
_DOT_THOUSANDS_DECIMALS = re.compile(r"(?<![\w.,])(\d{1,3})((?:\.\d{3})+),(\d{1,2})(?![\d]|[.,]\d)")  # "1.000,00"
_APOSTROPHE_THOUSANDS = re.compile(r"(?<![\w.,'])(\d{1,3})((?:'\d{3})+)(?![\d]|[.,]\d)")  # Swiss "12'000"
_DECIMAL_COMMA = re.compile(r"(?<![\d,])(\d{1,6}),(\d{1,2})(?![\d])")
# Indian digit grouping: "2,50,000" (2.5 lakh) and "1,20,00,000" (1.2 crore), groups of two before the last three
_INDIAN_THOUSANDS = re.compile(r"(?<![\w.,])(\d{1,2})((?:,\d{2})+),(\d{3})(?![\d]|[.,]\d)")
# "₹3L", "Rs 1.2Cr", "INR 5 lakhs": the short forms of lakh and crore after a rupee sign
_RUPEE_SHORT = re.compile(r"((?:₹|\brs\.?|\binr)\s*\d{1,6}(?:\.\d{1,3})?)\s*(l|lac|cr)\b")
# Two neighbouring Chinese digits mean "one or two", "two or three" ...: their midpoint.
_CN_PAIR = re.compile(r"([一二两三四五六七八九])([二两三四五六七八九])(?=[十百千万亿页篇份个次天人张台周月]|$)")
_CN_VALUE = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

LEXICON_FILE = DATA_DIR / "interview_lexicon.yaml"
_HAN_ONLY = re.compile(r"^[\u4e00-\u9fff\s]+$")
_FOREIGN = re.compile(r"[\u3040-\u30ff\uac00-\ud7af約書検億円従à-ÿœ\u0100-\u017f\u0400-\u04ff\u1ea0-\u1ef9"
                      r"\u0600-\u06ff\u0900-\u097f\u0e00-\u0e7f\u0218-\u021b\u0370-\u03ff\u1f00-\u1fff\u0590-\u05ff]")
# kana, hangul, kanji forms, accented Latin (Polish, Turkish, Vietnamese, Romanian too), Cyrillic, Arabic, Devanagari,
# Thai, Greek, Hebrew


@functools.cache
def phrases() -> tuple[tuple[str, re.Pattern[str], str], ...]:
    """(language, pattern, English) of every phrase of ``interview_lexicon.yaml``, in the order applied.

    Raises:
        KnowledgeDataError: The file is malformed, a language is listed twice or a pattern does not compile (naming
            the language and entry).
    """
    raw = LEXICON_FILE.read_text(encoding="utf-8")
    keys = re.findall(r"(?m)^  ([a-z]{2,3}):\s*$", raw)
    twice = sorted({k for k in keys if keys.count(k) > 1})
    if twice:  # YAML keeps only the last of two blocks with one key: the first would be dropped without a word
        raise KnowledgeDataError(f"{LEXICON_FILE.name}: languages {', '.join(twice)} listed twice (merge the blocks)")
    data = yaml.safe_load(raw) or {}
    out = []
    for language, entries in (data.get("languages") or {}).items():
        for i, entry in enumerate(entries or []):
            where = f"{LEXICON_FILE.name}: languages.{language}[{i}]"
            if not (isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, str) and x for x in entry)):
                raise KnowledgeDataError(f"{where}: expected [English, pattern], got {entry!r}")
            pattern = entry[1]
            if language in ("th", "dv"):  # Thai SARA AM (ำ) and Devanagari ड़ are two characters in NFKC text
                pattern = unicodedata.normalize("NFKC", pattern)
            english, pattern = entry[0], pattern.replace("\u093c", "")  # the nukta is dropped from the text too
            if language in _ASCII_TYPED:
                pattern = _letters_optional(pattern, _ASCII_TYPED[language])
            try:
                rx = re.compile(pattern)
            except re.error as exc:
                raise KnowledgeDataError(f"{where}: pattern {pattern!r} does not compile: {exc}") from exc
            out.append((language, rx, f" {english} " if english.isascii() else english))
    return tuple(out)


# s8-d (issue 17): Polish is often typed without its letters ("tysiecy", "zapytan miesiecznie", "dane nie moga wyjsc
# poza Polske"): each of its phrases also matches with the plain letter in place of ą ć ę ł ń ó ś ź ż.
# s13-b: Turkish too, typed on a phone without its letters ("sorun degil", "gunde", "turkce", "sirketiyiz"),
_ASCII_TYPED = {"pl": {"ą": "a", "ć": "c", "ę": "e", "ł": "l", "ń": "n", "ó": "o", "ś": "s", "ź": "z", "ż": "z"},
                "tr": {"ğ": "g", "ı": "i", "ş": "s", "ç": "c", "ö": "o", "ü": "u"},
                # and Portuguese ("paginas", "usuarios", "funcionarios", "tecnicos"); not Spanish, whose block is read
                # before Portuguese's and would take "por dia" from "por dia útil"
                "pt": {"á": "a", "à": "a", "â": "a", "ã": "a", "é": "e", "ê": "e", "í": "i", "ó": "o", "ô": "o",
                       "õ": "o", "ú": "u", "ç": "c"},
                # s13-c: Czech, Romanian (ș ț also with a cedilla), Finnish and Greek (accents) typed without them
                "cs": {"á": "a", "č": "c", "ď": "d", "é": "e", "ě": "e", "í": "i", "ň": "n", "ó": "o", "ř": "r",
                       "š": "s", "ť": "t", "ú": "u", "ů": "u", "ý": "y", "ž": "z"},
                "ro": {"ă": "a", "â": "a", "î": "i", "ș": "şs", "ț": "ţt"},
                "fi": {"ä": "a", "ö": "o"},
                "el": {"ά": "α", "έ": "ε", "ή": "η", "ί": "ιϊΐ", "ό": "ο", "ύ": "υϋΰ", "ώ": "ω"}}


def _letters_optional(pattern: str, plain: dict[str, str]) -> str:
    """``pattern`` with each accented letter also matching its plain one ("ą" -> "[ąa]", inside a class "ąa")."""
    out, in_class, escaped = [], False, False
    for ch in pattern:
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        if ch in plain:
            out.append(ch + plain[ch] if in_class else f"[{ch}{plain[ch]}]")
        else:
            out.append(ch)
    return "".join(out)


@functools.cache
def _term_names() -> tuple[re.Pattern[str], dict[str, str]]:
    """Glossary names written in another language or script than English and Chinese -> their term."""
    names = {n.lower(): t.term.lower() for t in load_glossary().terms for n in t.names
             if not n.isascii() and not _HAN_ONLY.match(n)}
    ordered = sorted(names, key=len, reverse=True)
    return re.compile("|".join(rf"(?<![a-zà-ÿ]){re.escape(n)}(?![a-zà-ÿ])" for n in ordered)), names


@functools.cache
def _detectors() -> tuple[PhraseFilter, frozenset[str]]:
    """The phrases' literal filter (which phrases can a text hold?) and the words they name (is it English?)."""
    words = frozenset(w for _, rx, _ in phrases() for w in re.findall(r"[a-zà-ÿœ]{3,}", rx.pattern.replace("\\b", " ")))
    return PhraseFilter([rx for _, rx, _ in phrases()]), words - _ENGLISH | {"ou", "ca", "une", "uno", "una", "ja"}


def _any_phrase(text: str, candidates: set[int]) -> bool:
    """Whether a phrase of a language written in Latin letters, Cyrillic, kana or hangul is in ``text``."""
    table = phrases()
    return any(table[i][0] not in _SCRIPTS and table[i][1].search(text) for i in sorted(candidates))


# The blocks of a script of their own (Hindi in Devanagari, Arabic): read only when the text has that script.
_SCRIPTS = SCRIPT_BLOCKS
# English words some phrases contain ("code source", "support client"): they do not make a message foreign.
_ENGLISH = frozenset("code source online support client articles patients cpu api per".split()) | frozenset(
    # and English words inside the Dutch, Polish, Swedish, Turkish and Russian phrases ("budget is", "per week")
    "budget list person million week her try bin tar var visa lang patient prem servers gpu mag elk kod ons toon het "
    "det att tid ord raz ile nas kar ach huis laat europa hasta bud chi "
    # and English words in the lookarounds of the Romance phrases (s6-a: "(?<=model) che", "più tipo" -> "more like")
    "about like more models come far serve shift video".split()) | frozenset(
    # and inside the Hinglish ones ("cloud pe nahi daal sakte", "bahar bhejna allowed nahi")
    "public allowed allow permitted upload store share servers server premises data center centre own around "
    "use self host ing cent mat teen char agent employee engineer member approx card compliance constraint constraints "
    "daily decide decided detail details final fix fixed house index indexing info min model office requirement "
    "restriction restrictions rule rules sec second set ises".split()) | frozenset(
    # s13-c: English and tech words inside the Czech, Romanian, Finnish, Danish, Greek and Hebrew phrases
    "are base bot call care english french german greek italian large local lunar men over pdf russian saas shop "
    "small spanish sub time under what devops hot dry deck pot tot rom ron mai nem ani spring stat sis lit tin ven vis "
    "ind turkish cohere".split()) | frozenset(
    # s14-b: English words inside the Tagalog, Malay and mixed-language phrases ("isang" ... "(?<=one )libo")
    "best chinese cost difference five four goods japanese korean maintain manage may network okay one research "
    "send sensitive three theses thesis mandarin malaysia".split())


# s13-b: a range dictated with no dash between its ends ("günde 10 15 arama", "like 3 4 times a day"): two small
# figures side by side, the second larger (and at most three times the first), before a word
# (s17-b: not a digit glued to a word, the Indonesian and Malay reduplication "rata2 5 halaman", "kira2 3 jam")
_SPOKEN_RANGE = re.compile(r"(?<![\w.,:/\-])(?<![\d.,:/\-] )(\d{1,2}) (\d{1,2})(?= [^\W\d_])")


def _spoken_range(m: re.Match[str]) -> str:
    low, high = int(m.group(1)), int(m.group(2))
    return f"{low}-{high}" if low < high <= 3 * low else m.group()


def _cn_pair(match: re.Match[str]) -> str:
    return f"{(_CN_VALUE[match.group(1)] + _CN_VALUE[match.group(2)]) / 2:g}"


def number_formats(text: str) -> str:
    """Plain digits for European and Indian thousands separators and decimal commas; a midpoint for "一两" / "两三"."""
    text = _INDIAN_THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(",", "") + m.group(3), text)
    text = _RUPEE_SHORT.sub(lambda m: m.group(1) + (" crore" if m.group(2) == "cr" else " lakh"), text)
    text = _DOT_THOUSANDS_DECIMALS.sub(lambda m: m.group(1) + m.group(2).replace(".", "") + "." + m.group(3), text)
    text = _DOT_THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(".", ""), text)
    text = _APOSTROPHE_THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace("'", ""), text)
    text = _SPACE_THOUSANDS.sub(lambda m: m.group(1) + re.sub(r"\D", "", m.group(2)), text)
    text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    text = _SPOKEN_RANGE.sub(_spoken_range, text)
    return _CN_PAIR.sub(_cn_pair, text)


def gloss(text: str) -> str:
    """``text`` (lower case) with its German, French, Spanish, Japanese and Korean phrases in English, plain numbers."""
    text = number_formats(text)
    phrase_filter, words = _detectors()
    known = any(w in words or (len(w) >= 6 and (w[:-1] in words or w[:-2] in words))
                for w in re.findall(r"[a-z]+", text))
    if not _FOREIGN.search(text) and not known and not re.search(r"\d\s*go\b", text):
        return text  # plain English: nothing to gloss
    terms, names = _term_names()
    text = terms.sub(lambda m: f" {names[m.group()]} ", text)
    scripts = {lang for lang, rx in _SCRIPTS.items() if rx.search(text)}
    candidates = phrase_filter.candidates(text)  # the phrases whose literals the text holds: read once, used twice
    if not scripts and not _any_phrase(text, candidates):
        return text
    slavic = _SLAVIC.search(text)
    written = languages(text)  # the blocks of the languages the message is written in; None: unsure, every block
    if written and "da" in written and _KR.search(text) and _DANISH.search(text) and not _NORWEGIAN.search(text):
        text = _KR.sub(" dkk ", text)  # "Højst 3.000 kr. om måneden": Danish crowns (s13-c)
    glossed = _glossed(text, scripts, written, candidates)
    if glossed == text and written is not None and len(text.split()) <= _SHORT_ANSWER:
        # a short answer whose detected language's blocks know none of its words ("typ 600 om dagen" read as Dutch):
        # every block, as when unsure (a longer message gave the detector enough words to trust it)
        glossed = _glossed(text, scripts, None, candidates)
    if not slavic:
        return glossed
    return _SLAVIC_ORDER.sub(_counted_first, _counted_card().sub(_card_digits, glossed))


# s13-c (issue 17): "kr." after a figure in a message with words only Danish writes (not Norwegian nor Swedish, whose
# crowns are worth another 50%) is DKK; otherwise it stays as the Danish and Swedish blocks read it.
_KR = re.compile(r"(?<=\d)\s*(?:kroner\b|kr\b\.?)")
_DANISH = re.compile(r"\b(?:højst|hvad|nogle|meget|af|ugen|afsat|godkendt|gerne|lidt|vores|måske|endnu|danske?|"
                     r"danmark)\b")  # (not "omkring", "kun": Norwegian too; not "chefen", "mig", "efter": Swedish too)
_NORWEGIAN = re.compile(r"\b(?:ikkje|hva|noen|mye|av|etter|uken|uka|høyst|meg|oss|vår|våre|gjerne|litt|norske?|norge|"
                        r"kanskje|sjefen|ennå|rundt)\b")
_SHORT_ANSWER = 5  # words: too few for the detector to be trusted when its language's blocks know none of them


def _glossed(text: str, scripts: set[str], written: frozenset[str] | None, candidates: set[int]) -> str:
    """``text`` with the phrases of the blocks of ``written`` (every block when None) in English."""
    phrase_filter = _detectors()[0]  # ``candidates``: the phrases whose literals ``text`` holds, anew after each change
    for language, first, entries in _blocks():
        if language in _SCRIPTS and language not in scripts:
            continue  # Hindi in Devanagari and Arabic: only a text in that script has their phrases
        if written is not None and language not in written:
            continue  # another language's phrase: "mio" is no million in Italian, "ja" no yes in Polish
        for i, (rx, english) in enumerate(entries, start=first):
            if i not in candidates:
                continue  # none of its literals is in the text: it cannot match (the same result, unrun)
            text, n = rx.subn(english, text)
            if n:
                text = re.sub(r"(?<=\S) {2,}(?=\S)", " ", text)
                candidates = phrase_filter.candidates(text)
    return text


# Russian, Ukrainian and Polish name what they count before a rough figure ("документов где-то 4 500", "страниц
# 15-20", "строк по 200", "programistów 120", "запитів на день близько 3 000"): glossed, the figure goes first
# ("about 4500 documents") as the readers expect. Only a noun no figure already counts ("12 тысяч документов 2023
# года" stays), and only before a figure that is not another unit's ("страниц 10 мб").
_SLAVIC = re.compile(r"[\u0400-\u04ffąćęłńśźż]|ów\b")  # Cyrillic, Polish letters, the Polish "-ów"
_COUNTED = (r"documents|pages|words|lines|queries|searches|requests|employees|users|people|doctors|contracts|"
            r"characters|tickets|products|files|articles|papers|lawyers|developers|engineers|agents|items|records|"
            r"questions|cases|rulings|decisions|appeals|product catalog|courses|claim files|operators|"
            # s7-b: the people and collections the blind sets count this way ("urzędników jest ok. 600", "клиентов в
            # приложении 300 тыс.", "адміністраторів близько 120", "записей 40 тысяч")
            r"officials|clerks|adjusters|editors|customers|clients|administrators|nurses|students|surveyors|"
            r"dispatchers|advocates|branches|shops|stores|works|acts|theses|dissertations|skus|case files|"
            r"source files|publications|cards|notaries|consultants|recruiters")  # (agents, items: above)
_SLAVIC_ORDER = re.compile(
    rf"\b({_COUNTED})((?:\s+per (?:working day|day|month|week|hour|second|year|user|file|document))?)\s*[:—–-]?\s*"
    r"((?:(?:about|on average|each|approximately|где[\s-]то|где-нибудь|по|в районе|всего|ещё|еще|тоже|jest|było|"
    r"ze|razem|łącznie|у нас|маємо|є|есть|mamy|десь|в приложении|в базе|в каталоге|в архиве|w bazie|w katalogu|"
    r"w archiwum|w aplikacji|у базі|в каталозі|в архіві|в застосунку|у застосунку|in the app|we have|"
    # s8-d: the place the people work, between them and their figure ("операторов колл-центра 120", "konsultantów
    # na infolinii 80", "операторів у контакт-центрі 60")
    r"(?:в |у )?(?:колл|контакт)-центр[аеуі]|(?:в |у )?(?:отдел[еау]|відділ[іу]|штат[еіу]|филиал[ае]|філі[їя]|"
    r"офис[ае]|офіс[іу]|компани[ии]|компанії|службе поддержки|службі підтримки|поддержк[еи]|підтримці)|"
    r"(?:na |w )?(?:infolinii|call cent(?:er|re)|dziale|firmie|oddziale|biurze|contact cent(?:er|re)))\s+|~\s*)*)"
    r"(\d+(?:\.\d+)?(?:\s*[-–]\s*\d+(?:\.\d+)?)?(?:\s*(?:thousand|million|billion)\b|[km]\b)?)"
    rf"(?![\d.,]*\d|\s*(?:%|ms\b|gb\b|[-–]|x\b|×|times\b)|\s+(?:\w+\s+)?(?:{_COUNTED})\b)")


@functools.cache
def _counted_card() -> re.Pattern[str]:
    """A counted noun, then its count in a word ("сторінки три", "stron pięć"): the word as digits (s13-b)."""
    words = "|".join(sorted(map(re.escape, slavic_cards()), key=len, reverse=True))
    return re.compile(rf"\b({_COUNTED})(\s*[:—–-]?\s*(?:about |on average |each )?)({words})(?![\w'])")


def _card_digits(m: re.Match[str]) -> str:
    return f"{m.group(1)}{m.group(2)}{slavic_cards()[m.group(3)]}"


def _counted_first(m: re.Match[str]) -> str:
    before = m.string[:m.start()]
    if re.search(r"(?:\d|thousand|million|billion)\s*$", before):
        return m.group()  # already counted: "12 thousand documents 2023"
    return f"{m.group(3)}{m.group(4)} {m.group(1)}{m.group(2)}"


@functools.cache
def _blocks() -> tuple[tuple[str, int, tuple[tuple[re.Pattern[str], str], ...]], ...]:
    """The phrases by language, in order: each language with the index of its first phrase in ``phrases()``."""
    out: list[tuple[str, int, list[tuple[re.Pattern[str], str]]]] = []
    for i, (language, rx, english) in enumerate(phrases()):
        if not out or out[-1][0] != language:
            out.append((language, i, []))
        out[-1][2].append((rx, english))
    return tuple((language, first, tuple(entries)) for language, first, entries in out)
