"""Which languages an interview message is written in, so that the phrase table glosses it with their blocks only.

The phrase table (``knowledge/data/interview_lexicon.yaml``) has one block per language; applied to every message,
one language's phrase rewrites another language's word (French "non" inside Italian text, Swedish "som" inside
Danish, Polish "tak" inside Hinglish, German "mit" in "Apache or MIT"). ``languages`` names the blocks a message
needs, from

- its scripts: Hangul is Korean, kana Japanese, Han without kana Chinese (the Japanese block too: its kanji phrases
  are shared), Cyrillic Russian and Ukrainian (one of them only where letters or words only it has are present),
  Devanagari, Arabic, Thai, Greek and Hebrew their own blocks;
- its Latin words: function words, pronouns and the interview's everyday nouns of each language
  (``knowledge/data/interview_language_markers.yaml``); a word several languages share counts a share for each,
  letters of one alphabet (ñ, ß, ą, ı, å ...) count too. Every language with real evidence is kept, not only the
  best one, so a mixed message (Hinglish, Spanish with English tech words, Chinese with English terms) keeps each
  of its languages; a language with only a stray word beside a clearly written other one, or only words it shares
  with the best one (Italian "una", "con" in a Spanish sentence), is dropped; a short answer with a word of one
  language and none of another ("nein, danke", "circa 200 mila") is that language's.

English needs no block and is always read. Where the evidence is thin (a short answer of shared or unknown words:
"no", "ok 500", "Datenschutz!", or English beside one word of another language) the answer is ``None``: the caller
glosses with every block, as before. Blocks that are no one language ("mx", pesos; "mul", phrases written alike in
several) are always applied; related languages borrow each other's blocks where their phrases are written alike
(``RELATED``).
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict

import yaml

from knowledge.curated import DATA_DIR
from knowledge.errors import KnowledgeDataError

MARKERS_FILE = DATA_DIR / "interview_language_markers.yaml"
# Blocks of the phrase table that are no one language (pesos, phrases written alike in several): read in every message.
ALWAYS = frozenset({"mx", "mul"})
# A language's messages read with a relative's block too, where the two write their phrases alike (Portuguese and
# Spanish "por volta de", "banco"; Ukrainian and Russian "не знаю"; Danish and Swedish, Norwegian written as either).
RELATED: dict[str, frozenset[str]] = {
    "pt": frozenset({"es"}), "es": frozenset({"pt"}), "uk": frozenset({"ru"}), "ru": frozenset({"uk"}),
    "da": frozenset({"sv"}), "sv": frozenset({"da"}), "dv": frozenset({"hi"}),
}

_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN = re.compile(r"[іїєґ]|\b(?:що|це|та|як|на день|на місяць|тисяч|документів|запитів|приблизно|близько|"
                        r"маємо|нас|наші|мені|ми|у нас є)\b")
_RUSSIAN = re.compile(r"[ыэъё]|\b(?:что|это|как|около|примерно|тысяч|документов|запросов|у нас есть|мы|наши)\b")
# The blocks written in a script of their own (Hindi in Devanagari, Arabic): a text without it never needs them.
SCRIPT_BLOCKS: dict[str, re.Pattern[str]] = {"dv": re.compile(r"[\u0900-\u097f]"),
                                             "ar": re.compile(r"[\u0600-\u06ff]"),
                                             "th": re.compile(r"[\u0e00-\u0e7f]"),  # Thai (s9-e)
                                             # s13-c: Greek (with its accented forms) and Hebrew
                                             "el": re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]"),
                                             "he": re.compile(r"[\u0590-\u05ff]")}
_VIETNAMESE = re.compile(r"[ơưđ\u1ea0-\u1ef9]")
_WORD = re.compile(r"[a-zà-ÿœ\u0100-\u024f]+(?:'(?=[a-zà-ÿ]))?")

MIN_EVIDENCE = 1.5  # a language needs at least this much (about two of its own words) to count as written
SHARE_OF_BEST = 0.34  # ... and a third of the best language's evidence, so that a stray shared word does not count
OWN_EVIDENCE = 1.0  # a second language: at least one word of its own that the best language does not share
MIN_ENGLISH, ENGLISH_OVER_BEST = 2.0, 2.5  # English alone: two English words and well ahead of any other language


@functools.cache
def _markers() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Word -> languages that list it; letter -> languages whose alphabet has it.

    Raises:
        KnowledgeDataError: The file is malformed (naming the file and the key).
    """
    data = yaml.safe_load(MARKERS_FILE.read_text(encoding="utf-8")) or {}
    words: dict[str, list[str]] = defaultdict(list)
    letters: dict[str, list[str]] = defaultdict(list)
    for key, table in (("words", words), ("letters", letters)):
        section = data.get(key)
        if not isinstance(section, dict):
            raise KnowledgeDataError(f"{MARKERS_FILE.name}: expected a mapping '{key}' of language -> text")
        for language, text in section.items():
            if not isinstance(text, str) or not text.strip():
                raise KnowledgeDataError(f"{MARKERS_FILE.name}: {key}.{language}: expected a non-empty string")
            for item in (text.split() if key == "words" else list(text.strip())):
                if language not in table[item.lower()]:
                    table[item.lower()].append(language)
    return {w: tuple(v) for w, v in words.items()}, {c: tuple(v) for c, v in letters.items()}


def scores(text: str, apart_from: str | None = None) -> dict[str, float]:
    """Evidence per language of the Latin words of lower-case ``text`` (English included).

    With ``apart_from``, only the words and letters that language does not share: what another language has of its
    own beside it ("una", "con" are Spanish as much as Italian; "però", "ogni" Italian only).
    """
    words, letters = _markers()
    out: dict[str, float] = defaultdict(float)
    for word in _WORD.findall(text):
        if apart_from not in words.get(word, ()):
            for language in words.get(word, ()):
                out[language] += 1 / len(words[word])
        for letter in {c for c in word if c in letters and apart_from not in letters[c]}:
            for language in letters[letter]:
                out[language] += 0.5 / len(letters[letter])
    return dict(out)


@functools.lru_cache(maxsize=512)
def languages(text: str) -> frozenset[str] | None:
    """The phrase-table blocks lower-case ``text`` is written in, or ``None`` when unsure (gloss with every block).

    An empty set means English (or figures only) written clearly: no block is needed.
    """
    found: set[str] = set()
    if _HANGUL.search(text):
        found.add("ko")
    if _KANA.search(text) or _HAN.search(text):
        found.add("ja")  # Chinese has no block; its kanji phrases are the Japanese block's
    if _CYRILLIC.search(text):
        uk, ru = bool(_UKRAINIAN.search(text)), bool(_RUSSIAN.search(text))
        found |= {"uk"} if uk and not ru else {"ru"} if ru and not uk else {"ru", "uk"}
    found |= {block for block, script in SCRIPT_BLOCKS.items() if script.search(text)}
    if _VIETNAMESE.search(text):
        found.add("vi")
    evidence = scores(text)
    english = evidence.pop("en", 0.0)
    best = max(evidence.values(), default=0.0)
    bar = max(MIN_EVIDENCE, SHARE_OF_BEST * max(best, english))  # a few shared words in an English sentence: English
    latin = {lang for lang, value in evidence.items() if value >= bar}
    if not found and not latin and best >= 1 and best > english:  # a short answer: a word of one language only
        ranked = sorted(evidence.values(), reverse=True)
        if len(ranked) == 1 or ranked[0] >= 2 * ranked[1]:
            latin = {lang for lang, value in evidence.items() if value == best}
    if len(latin) > 1:  # beside the best language, another one counts with words of its own only
        leader = max(latin, key=lambda lang: evidence[lang])
        own = scores(text, apart_from=leader)
        latin = {lang for lang in latin if lang == leader or own.get(lang, 0.0) >= OWN_EVIDENCE}
    if not found and not latin and (english < MIN_ENGLISH or english < ENGLISH_OVER_BEST * best):
        return None  # too little to tell (or English beside another language's word): every block, as before
    found |= latin
    for language in list(found):
        found |= RELATED.get(language, frozenset())
    return frozenset(found | ALWAYS)


# The phrase-table blocks that are one language each, as ISO 639-3 codes
_ISO = {"de": "deu", "fr": "fra", "es": "spa", "it": "ita", "pt": "por", "nl": "nld", "pl": "pol", "sv": "swe",
        "da": "dan", "no": "nor", "tr": "tur", "ru": "rus", "uk": "ukr", "ko": "kor", "vi": "vie", "id": "ind",
        "th": "tha", "dv": "hin", "ar": "ara", "cs": "ces", "ro": "ron", "fi": "fin", "el": "ell", "he": "heb",
        "tl": "fil"}


def written_in(text: str) -> str | None:
    """The one language (ISO 639-3) ``text`` is written in, English included; ``None`` when unsure or mixed."""
    blocks = languages(text.lower())
    if blocks is None:
        return None
    own = set(blocks) - ALWAYS
    if not own:
        return "eng"
    if "ja" in own and own <= {"ja"}:
        return "jpn" if _KANA.search(text) else "zho"
    for language in list(own):  # a relative's block borrowed beside it: the one with more words of its own
        kin = RELATED.get(language, frozenset()) & own
        if kin and len(own) == 2:
            evidence = scores(text.lower())
            own = {max(own, key=lambda code: evidence.get(code, 0.0))}
            break
    return _ISO.get(next(iter(own))) if len(own) == 1 else None
