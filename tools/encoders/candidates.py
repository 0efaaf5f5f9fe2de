"""Candidate specs: the encoder a spec names, the check that loading it stays offline, and loading several.

A spec is ``minilm``, ``static``, ``openai:<model>``, a Hugging Face id or a local path (under the uploads).
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from knowledge.errors import ModelNotLoadableError, ToolInputError
from knowledge.settings import DataLayout
from tools.documents.uploads import require_uploaded
from tools.encoders.cache import EmbeddingCache
from tools.encoders.models import (
    EMBEDDINGS_CONCURRENCY,
    MINILM_NAME,
    STATIC_NAME,
    Encoder,
    load_minilm,
    load_openai,
    load_sentence_transformer,
    load_static,
)

ALIASES = {"minilm": MINILM_NAME, "static": STATIC_NAME}
LEXICAL_ALIASES = ("bm25", "hybrid", "hybrid-weighted")
MAX_MODELS = 8  # candidates compared in one probe or quick MTEB run


def require_offline_model(spec: str, roots: Sequence[Path]) -> None:
    """Refuse a candidate, named by an LLM, that would download a model or read a folder outside ``roots``.

    The offline candidates, Milvus' BM25 and ``openai:`` models (on the configured endpoint only) pass; a local path
    must lie under ``roots``; a Hugging Face id must already be in the local cache.

    Raises:
        ToolInputError: the spec would reach the network or read outside the uploads; the message says what passes.
    """
    text = spec.strip()
    low = text.lower()
    kind = low.split(":", 1)[0]
    if kind in ("hybrid", "hybrid-weighted") and ":" in low:
        return require_offline_model(text.split(":", 1)[1], roots)
    if low in ALIASES or low in LEXICAL_ALIASES or kind == "openai" or text == MINILM_NAME:
        return None
    path = Path(text).expanduser()
    if path.is_absolute() or text.startswith(".") or path.exists():
        require_uploaded(path, roots)
        return None
    from huggingface_hub import try_to_load_from_cache

    try:
        cached = try_to_load_from_cache(text, "config.json")
    except ValueError:  # not a valid repo id (a URL, a path-like string)
        cached = None
    if not isinstance(cached, str):
        raise ModelNotLoadableError(f"{spec!r} is not on disk here, and models are not downloaded on request: use "
                                    "minilm, static, bm25, hybrid, openai:<model>, or a model already in the Hugging "
                                    "Face cache")
    return None


def load_encoder(spec: str, models_dir: Path, cache: EmbeddingCache | None = None,
                 openai_base_url: str | None = None, openai_api_key: str | None = None, device: str | None = None,
                 concurrency: int = EMBEDDINGS_CONCURRENCY, processes: int | None = None) -> Encoder:
    """Resolve a candidate spec: ``minilm``, ``static``, ``openai:<model>``, a Hugging Face id or a local path.

    Args:
        spec: the candidate.
        models_dir: where the distilled static model lives.
        cache: the on-disk embedding cache.
        openai_base_url: the OpenAI-compatible embeddings endpoint for ``openai:`` candidates.
        openai_api_key: its key.
        device: torch device for sentence-transformers models (``auto``: a GPU when present).
        concurrency: batches in flight to an embeddings endpoint.
        processes: CPU processes for sentence-transformers models (None: one below 8 cores, see process_pool).
    """
    spec = spec.strip()
    if spec.lower() == "minilm" or spec == MINILM_NAME:
        return load_minilm(cache, device, processes)
    if spec.lower() == "static":
        return load_static(models_dir, cache)
    if spec.lower().startswith("openai:"):
        return load_openai(spec.split(":", 1)[1], openai_base_url, openai_api_key, cache, concurrency=concurrency)
    if spec.lower() in LEXICAL_ALIASES:
        raise ModelNotLoadableError(f"{spec!r} is a Milvus BM25 candidate, not an encoder")
    return load_sentence_transformer(spec, cache=cache, device=device, processes=processes)


def load_candidates(models: list[str], data_dir: Path | None, cache: bool = True, *,
                    openai_base_url: str | None = None, openai_api_key: str | None = None) -> list[Encoder]:
    """Load each candidate spec (``minilm``, ``static``, ``openai:<model>``, an HF id or path) once.

    ``data_dir`` holds distilled models (``models/``) and the embedding cache (``cache/embeddings.sqlite``); None
    uses a temporary folder and no cache. ``openai_*`` address the endpoint of ``openai:`` candidates.

    Raises:
        ToolInputError: No model given; ModelNotLoadableError when one cannot be loaded here.
    """
    specs = [m.strip() for m in models if m.strip()]
    if not specs:
        raise ToolInputError("give at least one model, e.g. minilm or static")
    if len(set(specs)) > MAX_MODELS:
        raise ToolInputError(f"{len(set(specs))} models: compare at most {MAX_MODELS} at a time")
    if data_dir is None:
        models_dir, store = Path(tempfile.mkdtemp(prefix="embedding-advisor-")) / "models", None
    else:
        models_dir = DataLayout(data_dir).models
        store = EmbeddingCache(DataLayout(data_dir).embedding_cache) if cache else None
    return [load_encoder(spec, models_dir, store, openai_base_url, openai_api_key) for spec in dict.fromkeys(specs)]
