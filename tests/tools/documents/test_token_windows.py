"""Chunk windows kept in the embedding cache give the chunks of a fresh cut, without tokenizing again."""

from __future__ import annotations

import gzip
from pathlib import Path
from types import SimpleNamespace

from transformers import AutoTokenizer

from tools.documents.token_windows import offsets_function, split_documents
from tools.encoders.cache import EmbeddingCache
from tools.encoders.models import bundled_minilm_path

MAN = sorted(Path("/usr/share/man/man1").glob("*.gz"))[:12] + sorted(Path("/usr/share/man/zh_CN/man1").glob("*.gz"))[:4]


def _docs() -> dict[str, str]:
    docs = {f"man{i}": gzip.open(p).read().decode("utf-8", "replace")[:20_000] for i, p in enumerate(MAN)}
    docs.update({"short": "A short note about a lease.", "empty": "", "space": "  \n ",
                 "zh": "合同解除需要提前三十日书面通知对方。" * 40, "mixed": "naïve café résumé " * 120})
    return docs


def test_cached_windows_give_the_chunks_of_a_fresh_cut_and_skip_the_tokenizer(tmp_path):
    tokenizer = AutoTokenizer.from_pretrained(str(bundled_minilm_path()))
    offsets, splitter = offsets_function(SimpleNamespace(tokenizer=tokenizer))
    assert splitter == "model tokenizer"
    docs = _docs()
    fresh = split_documents(docs, offsets, 254, 0.125)
    assert len(fresh[0]) > len(docs)  # long documents were cut into several windows
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    calls = []

    def counted(text: str) -> list[tuple[int, int]]:
        calls.append(text)
        return offsets(text)

    assert split_documents(docs, counted, 254, 0.125, cache, "minilm@1") == fresh
    assert len(calls) == len(docs)
    calls.clear()
    assert split_documents(docs, counted, 254, 0.125, cache, "minilm@1") == fresh
    assert calls == []  # every document's windows came from the cache
    # Another tokenizer, window or overlap is another key: cut again, and the same as a fresh cut of its own.
    assert split_documents(docs, counted, 128, 0.125, cache, "minilm@1") == split_documents(docs, offsets, 128, 0.125)
    assert len(calls) == len(docs)
    calls.clear()
    split_documents(docs, counted, 254, 0.25, cache, "minilm@1")
    split_documents(docs, counted, 254, 0.125, cache, "other@1")
    assert len(calls) == 2 * len(docs)
    cache.close()
    reopened = EmbeddingCache(tmp_path / "cache.sqlite")  # the windows are on disk
    calls.clear()
    assert split_documents(docs, counted, 254, 0.125, reopened, "minilm@1") == fresh and calls == []
    reopened.close()
