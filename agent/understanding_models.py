"""Model names in what people write, resolved through the catalog: exact names, aliases, unique short names, families.

"bge-m3 vs e5": a bare family name in a side question is the family's usual multilingual pick; an unknown hyphenated
name that starts like a family takes the catalog's close match when it extends the name or is nearly it.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections import Counter

from knowledge.catalog import default_catalog
from knowledge.errors import UnknownModelError

# Model families worth a fuzzy catalog lookup when a side question names a model the catalog does not know exactly.
MODEL_FAMILIES = ("bge", "e5", "me5", "multilingual-e5", "gte", "mgte", "qwen", "voyage", "jina", "nomic",
                  "text-embedding", "embed-", "mxbai", "arctic", "snowflake", "stella", "granite", "minilm",
                  "all-minilm", "mpnet", "sfr", "nv-embed", "gemini", "titan", "potion", "m3e", "jasper", "cohere",
                  "llm2vec", "gritlm", "labse")


FAMILY_DEFAULTS = {"e5": "intfloat/multilingual-e5-large", "me5": "intfloat/multilingual-e5-large",
                   "bge": "BAAI/bge-m3", "gte": "Alibaba-NLP/gte-multilingual-base",
                   "jina": "jinaai/jina-embeddings-v3", "nomic": "nomic-ai/nomic-embed-text-v1.5",
                   "cohere": "cohere/embed-multilingual-v3.0", "voyage": "mongodb/voyage-3.5",
                   "openai": "openai/text-embedding-3-large", "mistral": "mistralai/mistral-embed"}


MODEL_WORD_STOP = {"human", "sonar", "frida", "hakim", "lateon", "berta"}  # catalog short names that are common words


MODEL_TOKEN = re.compile(r"[a-z0-9][a-z0-9_.:/\-]*[a-z0-9]")


@functools.cache
def _model_index() -> dict[str, str]:
    """Lower-case names, aliases and unique short names of catalog models -> catalog name."""
    cards = list(default_catalog())
    shorts = Counter(c.name.split("/")[-1].lower() for c in cards)
    index: dict[str, str] = {}
    for card in cards:
        short = card.name.split("/")[-1].lower()
        if shorts[short] == 1:
            index[short] = card.name
    for card in cards:
        index.update({alias.lower(): card.name for alias in card.aliases})
        index[card.name.lower()] = card.name
    return {k: v for k, v in index.items()
            if k not in MODEL_WORD_STOP and not k.isdigit() and (not k.isalpha() or len(k) >= 5)}


@functools.lru_cache(maxsize=256)
def _close_model(token: str) -> str:
    """The catalog's closest match when it extends the name or is nearly it; else the name as typed.

    "qwen3-embedding" -> Qwen/Qwen3-Embedding-8B and "voyage-3" -> mongodb/voyage-3.5 (the catalog's first close
    match); "e5-huge" stays as typed, so the tool answers "Unknown model ... Did you mean ...?".
    """
    try:
        return default_catalog().get(token).name
    except UnknownModelError as exc:
        if exc.suggestions:
            best = exc.suggestions[0]
            short = best.split("/")[-1].lower()
            if short.startswith(token) or difflib.SequenceMatcher(None, token, short).ratio() >= 0.8:
                return best
    return token


def find_models(text: str, fuzzy: bool = False) -> list[str]:
    """Return the catalog names of the models ``text`` mentions, in order of mention, once each.

    Args:
        text: Normalised (lower-case) text.
        fuzzy: Also take an unknown hyphenated name that starts like a model family ("qwen3-embedding"): resolved
            to the catalog's close match, or kept as typed so the tool can say which names are close.
    """
    index = _model_index()
    tokens = [m.group() for m in MODEL_TOKEN.finditer(text)]
    found: list[str] = []
    i = 0
    while i < len(tokens):
        step = 1
        for n in (4, 3, 2, 1):
            if i + n > len(tokens):
                continue
            key = "-".join(tokens[i:i + n])
            name = index.get(key) or (index.get(" ".join(tokens[i:i + n])) if n > 1 else None)
            if name is None and n == 1 and fuzzy and "-" in key and key.startswith(MODEL_FAMILIES):
                name = _close_model(key)
            if name is None and n == 1 and fuzzy and key in FAMILY_DEFAULTS:
                name = FAMILY_DEFAULTS[key]  # "bge-m3 vs e5": the family's usual multilingual pick
            if name is not None:
                if name not in found:
                    found.append(name)
                step = n
                break
        i += step
    return found
