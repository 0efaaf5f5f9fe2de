"""Each text's language, and the client-side tokenizer that reproduces the Milvus analyzer for that language."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable

from knowledge.analyzers import Analyzer, analysis_languages, analyzer
from knowledge.errors import ToolInputError

Tokenizer = Callable[[str], list[str]]
LANGID_CODES = {"en": "eng", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "pt": "por", "nl": "nld",
                "ru": "rus", "sv": "swe", "no": "nor", "nb": "nor", "da": "dan", "fi": "fin", "hu": "hun",
                "ro": "ron", "tr": "tur", "ar": "ara", "el": "ell", "ta": "tam", "pl": "pol", "cs": "ces",
                "uk": "ukr", "id": "ind", "vi": "vie", "hi": "hin"}
# Lucene's English stop set, which the server's `english` analyzer's list contains.
ENGLISH_STOP = frozenset("a an and are as at be but by for if in into is it no not of on or such that the their then "
                         "there these they this to was will with".split())
_SCRIPTS = {"kana": r"[\u3040-\u30ff\u31f0-\u31ff]", "han": r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]",
            "hangul": r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]", "thai": r"[\u0e00-\u0e7f]", "letter": r"[^\W\d_]"}
_WORD = re.compile(r"[^\W_]+")
_PUNCT = re.compile(r"^[\W_]+$")
CJK_SHARE = 0.1  # a text is CJK/Thai once these scripts are this share of its letters (a character carries a word)
SAMPLE_CHARS = 4000


__all__ = ["analysis_languages", "cjk_bigrams", "corpus_languages", "detect_language", "route", "tokenizer_for"]


def detect_language(text: str, among: list[str] | None = None) -> str:
    """The ISO 639-3 code of ``text``'s language: by script for CJK, Korean and Thai, else by py3langid.

    With ``among`` (a corpus' languages) an alphabetic text gets the most likely of those: a short query is often
    ambiguous between languages, never between the corpus' own few.
    """
    sample = text[:SAMPLE_CHARS]
    counts = {name: len(re.findall(pattern, sample)) for name, pattern in _SCRIPTS.items()}
    letters = max(1, counts["letter"])
    asian = {"jpn": counts["kana"] + counts["han"], "kor": counts["hangul"], "tha": counts["thai"]}
    script, chars = max(asian.items(), key=lambda kv: kv[1])
    if chars >= CJK_SHARE * letters:
        if script == "jpn":
            return "jpn" if counts["kana"] >= 0.05 * chars else "zho"
        return script
    if counts["letter"] < 3:
        return "und"
    import py3langid

    ranked = [LANGID_CODES.get(code, "und") for code, _ in py3langid.rank(sample)]
    return next((code for code in ranked if code in among), ranked[0]) if among else ranked[0]


def corpus_languages(texts: Iterable[str]) -> dict[str, float]:
    """Share of documents per detected language, most common first."""
    counts = Counter(detect_language(t) for t in texts)
    total = sum(counts.values()) or 1
    return {lang: n / total for lang, n in counts.most_common()}


def route(text: str, languages: list[str]) -> str:
    """The analyzer language for ``text`` among ``languages`` (its own when listed, else the default, the first)."""
    if len(languages) == 1:
        return languages[0]
    lang = detect_language(text, languages)
    return lang if lang in languages else languages[0]


@functools.cache
def _lindera(dictionary: str) -> Callable[[str], list[str]]:
    import lindera

    tokenizer = lindera.Tokenizer(lindera.load_dictionary(f"embedded://{dictionary}"), mode="normal")
    return lambda text: [t.surface for t in tokenizer.tokenize(text)]


@functools.cache
def _jieba_search() -> Callable[[str], list[str]]:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return lambda text: list(jieba.cut_for_search(text, HMM=True))


@functools.cache
def _thai() -> Callable[[str], list[str]]:
    from pythainlp.tokenize import word_tokenize

    return lambda text: word_tokenize(text, engine="newmm", keep_whitespace=False)


@functools.cache
def _stemmer(language: str) -> Callable[[list[str]], list[str]]:
    import snowballstemmer  # runs PyStemmer's C Snowball when it is installed, the same rules in pure Python if not

    stem = snowballstemmer.stemmer(language).stemWord
    seen: dict[str, str] = {}  # a corpus repeats its words: stem each once

    def stem_words(words: list[str]) -> list[str]:
        return [seen[w] if w in seen else seen.setdefault(w, stem(w)) for w in words]

    return stem_words


_CJK_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+|[^\W_]+")


def cjk_bigrams(text: str) -> list[str]:
    """Overlapping character bigrams of each CJK run (a lone character stays a unigram), other words whole.

    What Lucene's CJKBigramFilter (Elasticsearch's ``cjk`` analyzer) emits: a bigram matches a two-character word and
    the junction of two words alike, so the match does not depend on a dictionary's segmentation.
    """
    out: list[str] = []
    for run in _CJK_RUN.findall(text):
        if "\u3040" <= run[0] <= "\ud7af" or "\uf900" <= run[0] <= "\ufaff":
            out += [run[i:i + 2] for i in range(len(run) - 1)] if len(run) > 1 else [run]
        else:
            out.append(run)
    return out


def _segmenter(spec: Analyzer) -> Callable[[str], list[str]]:
    if spec.client == "cjk:bigram":
        return cjk_bigrams
    if spec.client.startswith("lindera:"):
        return _lindera(spec.client.split(":", 1)[1])
    if spec.client == "jieba:search":
        return _jieba_search()
    if spec.client == "pythainlp:newmm":
        return _thai()
    return _WORD.findall


def _tokenizer(spec: Analyzer) -> Tokenizer:
    segment = _segmenter(spec)
    stem = _stemmer(spec.stemmer) if spec.stemmer else None
    stop = ENGLISH_STOP if spec.stop_words == "english" else frozenset()

    def tokenize(text: str) -> list[str]:
        tokens = [t.lower() for t in segment(text) if t.strip() and not _PUNCT.match(t)]
        if stop:
            tokens = [t for t in tokens if t not in stop]
        return stem(tokens) if stem else tokens

    return tokenize


@functools.cache
def tokenizer_for(language: str) -> Tokenizer:
    """The client tokenizer reproducing the production analyzer of ``language`` (ISO 639-3 code)."""
    spec = analyzer(language)
    try:
        return _tokenizer(spec)
    except ImportError as exc:
        raise ToolInputError(f"the {spec.name} analyzer for {language} needs {exc.name}: pip install "
                             "embedding-advisor (it lists the tokenizer packages)") from exc
