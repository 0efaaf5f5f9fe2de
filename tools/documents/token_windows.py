"""Cut documents into overlapping windows in a model's own tokenizer; chunks keep their document id."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from knowledge.errors import InvalidFilterError
from tools.encoders.cache import EmbeddingCache, Windows
from tools.estimate.chunking import DEFAULT_OVERLAP_RATIO, PREFERRED_CHUNK_TOKENS, SPECIAL_TOKENS

WORDS_PER_TOKEN = 0.75  # for endpoints whose tokenizer is not available offline (stated in results)
OffsetsFn = Callable[[str], list[tuple[int, int]]]


@dataclass(frozen=True, slots=True)
class Chunk:
    """One window of a document."""

    chunk_id: str
    doc_id: str
    index: int
    text: str


def offsets_function(handle: Any) -> tuple[OffsetsFn, str]:
    """Token character offsets for a model object (HF fast tokenizer, tokenizers.Tokenizer), else words."""
    tokenizer = getattr(handle, "tokenizer", None)
    if tokenizer is not None and getattr(tokenizer, "is_fast", False):
        def hf(text: str) -> list[tuple[int, int]]:
            return [tuple(o) for o in tokenizer(text, add_special_tokens=False,
                                                return_offsets_mapping=True)["offset_mapping"]]
        return hf, "model tokenizer"
    if tokenizer is not None and hasattr(tokenizer, "encode") and hasattr(tokenizer, "get_vocab_size"):
        def raw(text: str) -> list[tuple[int, int]]:
            return [tuple(o) for o in tokenizer.encode(text, add_special_tokens=False).offsets]
        return raw, "model tokenizer"

    def words(text: str) -> list[tuple[int, int]]:
        return [m.span() for m in re.finditer(r"\S+", text)]
    return words, f"whitespace words (~{WORDS_PER_TOKEN} words per token; tokenizer not available offline)"


def window_size(max_tokens: int | None, prefix_tokens: int = 0) -> int:
    """Chunk length in tokens for a context window: the window less prefix and special tokens, at most 512."""
    if max_tokens is None:
        return PREFERRED_CHUNK_TOKENS
    return max(16, min(PREFERRED_CHUNK_TOKENS, max_tokens - prefix_tokens - SPECIAL_TOKENS))


def _windows(spans: list[tuple[int, int]], chunk_tokens: int, overlap: int, step: int) -> Windows:
    """A document's length in tokens and its chunks' character spans (None when it fits one chunk)."""
    if len(spans) <= chunk_tokens:
        return len(spans), None
    out = []
    for start in range(0, len(spans) - overlap, step):
        window = spans[start : start + chunk_tokens]
        out.append((window[0][0], window[-1][1]))
        if start + chunk_tokens >= len(spans):
            break
    return len(spans), out


def windows_key(tokenizer_key: str, chunk_tokens: int, overlap: int, text: str) -> bytes:
    """The cache key of a document's windows: the tokenizer's model and revision, the window, the overlap, the text."""
    key = f"{tokenizer_key}\x00{chunk_tokens}\x00{overlap}\x00{text}"
    return hashlib.blake2b(key.encode(), digest_size=20).digest()


def split_documents(docs: dict[str, str], offsets: OffsetsFn, chunk_tokens: int,
                    overlap_ratio: float = DEFAULT_OVERLAP_RATIO, cache: EmbeddingCache | None = None,
                    tokenizer_key: str = "") -> tuple[list[Chunk], dict[str, int]]:
    """Sliding windows over every document; also returns each document's length in tokens.

    With ``cache`` and ``tokenizer_key`` (the model id and revision whose tokenizer ``offsets`` runs), each document's
    windows are kept on disk: a run on documents already cut tokenizes nothing (2,000 documents: ~0.3 s quiet).

    Raises:
        InvalidFilterError: an overlap outside 0-0.5 of the chunk (beyond it, windows skip or repeat text).
    """
    if not 0 <= overlap_ratio <= 0.5:
        raise InvalidFilterError("overlap", overlap_ratio, "a share of the chunk from 0 to 0.5")
    if chunk_tokens < 1:
        raise InvalidFilterError("chunk_tokens", chunk_tokens, "at least 1")
    overlap = int(round(chunk_tokens * overlap_ratio))
    step = max(1, chunk_tokens - overlap)
    keys = ({d: windows_key(tokenizer_key, chunk_tokens, overlap, t) for d, t in docs.items()}
            if cache is not None and tokenizer_key else {})
    known = cache.get_windows(list(keys.values())) if cache is not None and keys else {}
    fresh: list[tuple[bytes, Windows]] = []
    chunks: list[Chunk] = []
    lengths: dict[str, int] = {}
    for doc_id, text in docs.items():
        windows = known.get(keys[doc_id]) if keys else None
        if windows is None:
            windows = _windows(offsets(text), chunk_tokens, overlap, step)
            if keys:
                fresh.append((keys[doc_id], windows))
        lengths[doc_id], spans = windows
        if spans is None:
            chunks.append(Chunk(f"{doc_id}::0", doc_id, 0, text))
            continue
        chunks.extend(Chunk(f"{doc_id}::{n}", doc_id, n, text[a:b]) for n, (a, b) in enumerate(spans))
    if fresh and cache is not None:
        cache.put_windows(fresh)
    return chunks, lengths
