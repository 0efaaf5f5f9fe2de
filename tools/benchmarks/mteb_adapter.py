"""A candidate ``Encoder`` as an mteb model: the name and revision mteb caches its results under, and the wrapper."""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path
from typing import Any

from tools.encoders.models import Encoder


def mteb_identity(encoder: Encoder) -> tuple[str, str]:
    """The name and revision mteb caches a model's results under (never mteb's "no_model_name_available").

    A local folder inside the Hugging Face cache (``models--org--name/snapshots/<commit>``) gives its hub name and
    commit; any other local folder is ``local/<folder name>`` with a hash of its file names and sizes as revision.
    """
    name, revision = encoder.name, encoder.revision
    path = Path(name).expanduser()
    if path.is_dir():
        parts = path.resolve().parts
        for i, part in enumerate(parts[:-2]):
            if part.startswith("models--") and parts[i + 1] == "snapshots":
                return part.removeprefix("models--").replace("--", "/"), parts[i + 2]
        digest = hashlib.blake2b(digest_size=6)
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            digest.update(f"{file.relative_to(path)}:{file.stat().st_size}".encode())
        return f"local/{path.resolve().name}", f"local-{digest.hexdigest()}"
    return name, re.sub(r"[^A-Za-z0-9._-]+", "_", revision)


@functools.cache
def _wrapper_class() -> type:
    from mteb.models.abs_encoder import AbsEncoder
    from mteb.types import PromptType

    class AdvisorEncoder(AbsEncoder):
        """Any candidate ``Encoder`` (with its prefixes) as an mteb model, cached under its real name and revision."""

        def __init__(self, encoder: Encoder) -> None:
            from mteb.models.model_meta import ModelMeta, ScoringFunction

            name, revision = mteb_identity(encoder)
            self.encoder = encoder
            self.model = encoder.handle
            self.mteb_model_meta = ModelMeta.create_empty(overwrites={
                "name": name, "revision": revision, "embed_dim": encoder.dims, "max_tokens": encoder.max_tokens,
                "similarity_fn_name": ScoringFunction.COSINE, "framework": ["Sentence Transformers"]})

        def encode(self, inputs: Any, *, task_metadata: Any, hf_split: str, hf_subset: str,
                   prompt_type: Any = None, **kwargs: Any) -> Any:
            texts = [text for batch in inputs for text in batch["text"]]
            return self.encoder.encode(texts, kind="query" if prompt_type == PromptType.query else "document")

    return AdvisorEncoder


def mteb_model(encoder: Encoder) -> Any:
    """Wrap a candidate for ``mteb.evaluate``."""
    return _wrapper_class()(encoder)
