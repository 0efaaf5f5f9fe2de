"""Cut documents into overlapping windows in a model's own tokenizer; chunks keep their document id."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from knowledge.errors import InvalidFilterError
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


def split_documents(docs: dict[str, str], offsets: OffsetsFn, chunk_tokens: int,
                    overlap_ratio: float = DEFAULT_OVERLAP_RATIO) -> tuple[list[Chunk], dict[str, int]]:
    """Sliding windows over every document; also returns each document's length in tokens.

    Raises:
        InvalidFilterError: an overlap outside 0-0.5 of the chunk (beyond it, windows skip or repeat text).
    """
    if not 0 <= overlap_ratio <= 0.5:
        raise InvalidFilterError("overlap", overlap_ratio, "a share of the chunk from 0 to 0.5")
    if chunk_tokens < 1:
        raise InvalidFilterError("chunk_tokens", chunk_tokens, "at least 1")
    overlap = int(round(chunk_tokens * overlap_ratio))
    step = max(1, chunk_tokens - overlap)
    chunks: list[Chunk] = []
    lengths: dict[str, int] = {}
    for doc_id, text in docs.items():
        spans = offsets(text)
        lengths[doc_id] = len(spans)
        if len(spans) <= chunk_tokens:
            chunks.append(Chunk(f"{doc_id}::0", doc_id, 0, text))
            continue
        for n, start in enumerate(range(0, len(spans) - overlap, step)):
            window = spans[start : start + chunk_tokens]
            chunks.append(Chunk(f"{doc_id}::{n}", doc_id, n, text[window[0][0] : window[-1][1]]))
            if start + chunk_tokens >= len(spans):
                break
    return chunks, lengths
