"""Tokenization diagnostics of candidate models on a user's corpus: family, vocabulary, fertility, unknowns, window."""

from __future__ import annotations

import logging
import re
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

from knowledge.catalog import default_catalog
from knowledge.errors import EncoderError, ModelNotLoadableError, ToolInputError, UnknownModelError
from tools.documents.corpus import load_corpus
from tools.encoders.candidates import MAX_MODELS, load_candidates
from tools.encoders.models import Encoder

logger = logging.getLogger(__name__)

MAX_DOCS = 2000
DETECT_CHARS = 3000
WORD = re.compile(r"\w+")
# Rule of thumb for ~100k-entry byte-level BPE vocabularies (cl100k_base and kin) on ordinary prose.
EST_TOKENS_PER_WORD = 1.3
EST_TOKENS_PER_CJK_CHAR = 1.0
NO_SPACE_LANGUAGES = {"zho", "jpn", "tha", "khm", "lao", "mya"}
# A few very frequent function words per Latin-script language: enough to tell these apart in running text.
STOPWORDS = {
    "eng": {"the", "and", "of", "to", "is", "in", "that", "for", "with", "are", "this", "be", "you", "how", "do",
            "what", "why", "should", "can", "does", "which"},
    "spa": {"el", "la", "de", "que", "y", "los", "las", "en", "por", "para", "una", "es", "con", "del"},
    "deu": {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "ein", "eine", "zu", "auf", "ich", "sie", "wie",
            "man", "es", "wenn", "beim"},
    "fra": {"le", "la", "les", "et", "est", "des", "une", "du", "pas", "pour", "que", "dans", "sur", "il", "un",
            "comment", "quand", "faire", "je", "mes", "au"},
    "ita": {"il", "di", "che", "e", "per", "non", "una", "sono", "della", "gli", "con", "del", "nel"},
    "por": {"o", "os", "de", "que", "e", "não", "uma", "para", "com", "do", "da", "em", "é", "são"},
    "nld": {"de", "het", "een", "en", "van", "is", "niet", "dat", "op", "voor", "met", "zijn", "ik"},
}
MARKS = {"spa": "ñ¿¡", "deu": "ßäöü", "fra": "çœèêà", "por": "ãõ"}
SCRIPTS = [("jpn", r"[\u3040-\u30ff]"), ("kor", r"[\uac00-\ud7af]"), ("zho", r"[\u4e00-\u9fff]"),
           ("rus", r"[\u0400-\u04ff]"), ("ara", r"[\u0600-\u06ff]"), ("hin", r"[\u0900-\u097f]"),
           ("tha", r"[\u0e00-\u0e7f]"), ("ell", r"[\u0370-\u03ff]"), ("heb", r"[\u0590-\u05ff]")]


def detect_language(text: str) -> str:
    """A rough ISO 639-3 code: by script, then by function words for Latin script ("latn" when unsure).

    Cyrillic counts as ``rus``, Arabic script as ``ara``, Devanagari as ``hin``; kana anywhere means Japanese.
    """
    sample = text[:DETECT_CHARS]
    letters = sum(ch.isalpha() for ch in sample) or 1
    counts = {code: len(re.findall(pattern, sample)) for code, pattern in SCRIPTS}
    if counts["jpn"] >= 0.05 * letters:
        return "jpn"
    script, n = max(counts.items(), key=lambda kv: kv[1])
    if n >= 0.3 * letters:
        return script
    words = Counter(w.lower() for w in WORD.findall(sample))
    hits = {code: sum(words[w] for w in stop) + 2 * sum(sample.count(ch) for ch in MARKS.get(code, ""))
            for code, stop in STOPWORDS.items()}
    ranked = sorted(hits.items(), key=lambda kv: -kv[1])
    return ranked[0][0] if ranked[0][1] > ranked[1][1] else "latn"


def _word_count(text: str, lang: str) -> tuple[int, str]:
    if lang == "zho":
        import jieba

        jieba.setLogLevel(logging.WARNING)
        return sum(1 for w in jieba.lcut(text) if WORD.search(w)), "word (jieba)"
    if lang in NO_SPACE_LANGUAGES:
        return sum(1 for ch in text if ch.isalnum()), "character"
    return len(WORD.findall(text)), "word"


def _family(tokenizer: Any) -> str:
    kind = type(tokenizer.model).__name__
    if kind == "Unigram":
        return "SentencePiece-Unigram"
    if kind == "BPE":
        described = f"{tokenizer.pre_tokenizer} {tokenizer.decoder}"
        return "byte-BPE" if "ByteLevel" in described else "SentencePiece-BPE" if "Metaspace" in described else "BPE"
    return kind


def _fast_tokenizer(encoder: Encoder) -> Any | None:
    """A ``tokenizers.Tokenizer`` copy without padding or truncation, when the model has one."""
    from tokenizers import Tokenizer

    raw = getattr(encoder.handle, "tokenizer", None)
    raw = getattr(raw, "backend_tokenizer", raw)
    if not isinstance(raw, Tokenizer):
        return None
    tokenizer = Tokenizer.from_str(raw.to_str())
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return tokenizer


def _card(name: str) -> Any | None:
    try:
        return default_catalog().get(name)
    except UnknownModelError:
        return None


def _cjk_chars(text: str) -> int:
    return len(re.findall(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]", text))


def _per_language(docs: list[str], langs: list[str], tokens: list[int], unknown: list[int] | None) -> dict[str, Any]:
    """Fertility (tokens per word, or per character where words are not spaced) and unknown rate per language."""
    per_lang: dict[str, list[int]] = {}
    for i, lang in enumerate(langs):
        per_lang.setdefault(lang, []).append(i)
    out: dict[str, Any] = {}
    for lang, ix in sorted(per_lang.items(), key=lambda kv: -len(kv[1])):
        words, unit = 0, "word"
        for i in ix:
            n, unit = _word_count(docs[i], lang)
            words += n
        n_tokens = sum(tokens[i] for i in ix)
        out[lang] = {"docs": len(ix), "unit": unit,
                     "tokens_per_unit": round(n_tokens / words, 3) if words else None,
                     "unknown_rate": round(sum(unknown[i] for i in ix) / n_tokens, 4) if unknown and n_tokens
                     else (0.0 if unknown is not None else None)}
    return out


def _summary(docs: list[str], langs: list[str], tokens: list[int], unknown: list[int] | None,
             window: int | None, n_special: int) -> dict[str, Any]:
    over = [t + n_special > window for t in tokens] if window else [False] * len(tokens)
    total = sum(tokens) or 1
    return {"unknown_token_rate": round(sum(unknown) / total, 5) if unknown is not None else None,
            "tokens_per_doc_mean": round(statistics.fmean(tokens), 1),
            "tokens_per_doc_median": statistics.median(tokens),
            "tokens_per_doc_max": max(tokens),
            "context_window": window,
            "share_docs_over_window": round(sum(over) / len(over), 4),
            "by_language": _per_language(docs, langs, tokens, unknown)}


def tokenizer_stats(encoder: Encoder, docs: list[str], langs: list[str]) -> dict[str, Any]:
    """Statistics of one loaded model's tokenizer over ``docs`` (``langs``: the language of each document)."""
    tokenizer = _fast_tokenizer(encoder)
    unknown: list[int] | None = None
    if tokenizer is None:
        if encoder.count_tokens is None:
            raise ModelNotLoadableError(f"{encoder.name}: no tokenizer to inspect")
        tokens = [encoder.count_tokens(d) for d in docs]
        family, vocab, n_special = "unknown (slow tokenizer)", None, 2
    else:
        plain = tokenizer.encode_batch(docs, add_special_tokens=False)
        tokens = [len(e.ids) for e in plain]
        n_special = len(tokenizer.encode("a").ids) - len(tokenizer.encode("a", add_special_tokens=False).ids)
        unk = getattr(tokenizer.model, "unk_token", None)
        unk_id = tokenizer.token_to_id(unk) if unk else None
        unknown = [e.ids.count(unk_id) for e in plain] if unk_id is not None else [0] * len(plain)
        family, vocab = _family(tokenizer), tokenizer.get_vocab_size()
    card = _card(encoder.name)
    row = {"model": encoder.name, "source": "the model's own tokenizer", "family": family, "vocab_size": vocab,
           "catalog_family": card.tokenizer_family if card else None,
           **_summary(docs, langs, tokens, unknown, encoder.max_tokens, n_special)}
    if encoder.max_tokens is None:
        row["window_note"] = "no context limit: a static model averages the vectors of every token"
    return row


def api_tokenizer_stats(model: str, docs: list[str], langs: list[str]) -> dict[str, Any]:
    """The provider's tokenizer where one is available offline (tiktoken's cached encodings), else an estimate."""
    card = _card(model)
    name = card.name if card else model
    window = card.max_tokens if card else None
    encoding = None
    name_of_encoding = card.tokenizer_name if card else None
    vocab: int | None
    if card and card.tokenizer_name:
        import tiktoken

        try:
            encoding = tiktoken.get_encoding(card.tokenizer_name)
        except (OSError, ValueError) as exc:  # requests' ConnectionError is an OSError
            logger.info("tiktoken encoding %s not available: %s", card.tokenizer_name, exc)
    if encoding is not None:
        tokens = [len(ids) for ids in encoding.encode_ordinary_batch(docs)]
        source, vocab = f"provider tokenizer ({name_of_encoding} via tiktoken)", encoding.n_vocab
    else:
        tokens = [max(1, round(_cjk_chars(doc) * EST_TOKENS_PER_CJK_CHAR
                               + len(WORD.findall(re.sub(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]", " ", doc)))
                               * EST_TOKENS_PER_WORD)) for doc in docs]
        source = (f"ESTIMATE, not the provider's tokenizer (unavailable offline): {EST_TOKENS_PER_WORD} tokens a "
                  f"word, {EST_TOKENS_PER_CJK_CHAR} a CJK character")
        vocab = card.vocab_size if card else None
    # Byte-level BPE spells any input in bytes: it has no unknown token.
    unknown = [0] * len(docs) if card and card.tokenizer_family == "byte-BPE" else None
    return {"model": name, "source": source, "family": card.tokenizer_family if card else None,
            "vocab_size": vocab, "catalog_family": card.tokenizer_family if card else None,
            **_summary(docs, langs, tokens, unknown, window, 0)}


def _reading(row: dict[str, Any]) -> str:
    fert = ", ".join(f"{lang} {v['tokens_per_unit']} per {v['unit'].split()[0]}"
                     for lang, v in list(row["by_language"].items())[:6] if v["tokens_per_unit"] is not None)
    parts = [f"{row['family']}, {row['vocab_size'] or '?'} entries", f"tokens {fert}"]
    if row["unknown_token_rate"]:
        worst = max(row["by_language"].items(), key=lambda kv: kv[1]["unknown_rate"] or 0)
        parts.append(f"{row['unknown_token_rate']:.2%} unknown tokens (most in {worst[0]}: "
                     f"{worst[1]['unknown_rate']:.1%})")
    if row["context_window"]:
        parts.append(f"{row['share_docs_over_window']:.0%} of documents exceed the {row['context_window']}-token window"
                     + (" (truncated unless chunked)" if row["share_docs_over_window"] else ""))
    elif row.get("window_note"):
        parts.append(row["window_note"])
    prefix = "estimate: " if row["source"].startswith("ESTIMATE") else ""
    return f"{row['model']}: {prefix}" + "; ".join(parts) + "."


def tokenization_report(models: list[str], corpus: Path, *, data_dir: Path | None = None,
                        max_docs: int = MAX_DOCS) -> dict[str, Any]:
    """Tokenization diagnostics of each candidate model on your corpus.

    For each model whose tokenizer loads here: tokenizer family, vocabulary size, tokens per word (fertility) per
    language, unknown-token rate and the share of documents longer than the context window. Hosted API models use
    the provider's tokenizer where it is available offline, otherwise an estimate labelled as such.

    Args:
        models: Candidate models: "minilm", "static", "openai:<model>", a Hugging Face id or a local path.
        corpus: The corpus: a folder or file (txt, md, html, pdf, docx, jsonl, csv) or a BEIR folder.
        data_dir: Folder for distilled models (set by the application, not by the user).
        max_docs: At most this many documents are read (an even sample of a larger corpus).
    """
    specs = list(dict.fromkeys(m.strip() for m in models if m.strip()))
    if not specs or len(specs) > MAX_MODELS:
        raise ToolInputError(f"give 1 to {MAX_MODELS} models, e.g. minilm,static")
    loaded = load_corpus(corpus)
    ids = sorted(loaded.docs)
    step = max(1, len(ids) // max_docs) if len(ids) > max_docs else 1
    sample = ids[::step][:max_docs]
    docs = [loaded.text(i) for i in sample]
    langs = [detect_language(d) for d in docs]
    rows: list[dict[str, Any]] = []
    for spec in specs:
        if spec.lower().startswith("openai:"):
            rows.append(api_tokenizer_stats(spec.split(":", 1)[1], docs, langs))
            continue
        try:
            encoder = load_candidates([spec], data_dir, cache=False)[0]
            rows.append(tokenizer_stats(encoder, docs, langs))
        except (ModelNotLoadableError, EncoderError) as exc:
            reason = str(exc).splitlines()[0][:200]
            rows.append({"model": spec, "error": reason, "reading": f"{spec}: tokenizer not loadable here ({reason})."})
    for row in rows:
        if "reading" not in row:
            row["reading"] = _reading(row)
    return {"probe": "tokenization", "corpus": str(corpus), "docs_total": len(ids), "docs_sampled": len(docs),
            "languages": dict(Counter(langs).most_common()), "models": rows, "readings": [r["reading"] for r in rows]}
