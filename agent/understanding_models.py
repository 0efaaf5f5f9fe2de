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
from knowledge.errors import ToolInputError, UnknownModelError
from knowledge.hardware import load_hardware

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

# Names people type for a model that are neither its catalog name nor an alias: the maker and the size ("openai
# small", "OpenAI's large one"), the bare version ("ada 002", "voyage large"). Keys are tokens joined with "-".
LOOSE_NAMES = {
    "openai-small": "openai/text-embedding-3-small", "openai-3-small": "openai/text-embedding-3-small",
    "openai-large": "openai/text-embedding-3-large", "openai-3-large": "openai/text-embedding-3-large",
    "openai-embedding-small": "openai/text-embedding-3-small",
    "openai-embedding-large": "openai/text-embedding-3-large",
    "openai-embeddings-small": "openai/text-embedding-3-small",
    "openai-embeddings-large": "openai/text-embedding-3-large",
    "te3-small": "openai/text-embedding-3-small", "te3-large": "openai/text-embedding-3-large",
    "openai-s-small": "openai/text-embedding-3-small", "openai-s-large": "openai/text-embedding-3-large",
    "embedding-3-small": "openai/text-embedding-3-small", "embedding-3-large": "openai/text-embedding-3-large",
    "openai-ada": "openai/text-embedding-ada-002", "ada-002": "openai/text-embedding-ada-002",
    "ada-2": "openai/text-embedding-ada-002", "ada-v2": "openai/text-embedding-ada-002",
    "voyage-large": "mongodb/voyage-3-large", "voyage-lite": "mongodb/voyage-3-lite",
    "cohere-english": "Cohere/Cohere-embed-english-v3.0", "cohere-english-v3": "Cohere/Cohere-embed-english-v3.0",
    "cohere-multilingual": "Cohere/Cohere-embed-multilingual-v3.0",
    "cohere-multilingual-v3": "Cohere/Cohere-embed-multilingual-v3.0",
    "cohere-v3": "Cohere/Cohere-embed-multilingual-v3.0", "cohere-embed-v3": "Cohere/Cohere-embed-multilingual-v3.0",
    "cohere-v4": "Cohere/Cohere-embed-v4.0", "cohere-embed-v4": "Cohere/Cohere-embed-v4.0",
    "gemini-embedding": "google/gemini-embedding-001", "gemini-embeddings": "google/gemini-embedding-001",
    "titan-embed": "bedrock/amazon-titan-embed-text-v2", "titan-v2": "bedrock/amazon-titan-embed-text-v2",
    "arctic-embed": "Snowflake/snowflake-arctic-embed-l-v2.0",
    "snowflake-arctic": "Snowflake/snowflake-arctic-embed-l-v2.0",
    "jina-v2": "jinaai/jina-embeddings-v2-base-en", "jina-v4": "jinaai/jina-embeddings-v4",
    "nomic-v2": "nomic-ai/nomic-embed-text-v2-moe", "nomic-v1.5": "nomic-ai/nomic-embed-text-v1.5",
    "me5-large": "intfloat/multilingual-e5-large",
}


# A model name's parts: words, versions, and the single digits of names typed with spaces ("text embedding 3 large")
MODEL_TOKEN = re.compile(r"[a-z0-9](?:[a-z0-9_.:/\-]*[a-z0-9])?")


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
    cleaned = {k: v for k, v in index.items()
               if k not in MODEL_WORD_STOP and not k.isdigit() and (not k.isalpha() or len(k) >= 5)}
    names = {card.name for card in cards}
    return {**{k: v for k, v in LOOSE_NAMES.items() if v in names}, **cleaned}


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


# s15-b: a sibling of a model named by its size alone after it ("text-embedding-3-small och -large", "e5-base or
# -large", "bge-small vs. -base"): the same name with the other size
_SIZE = r"small|large|base|mini|tiny|xl|xxl"
_SIZE_ALONE = re.compile(rf"(?<![\w.\-])([a-z0-9][\w.\-]*?)-({_SIZE})\b(\s*(?:,|/|&|\+|\b(?:and|or|vs\.?|versus|och|"
                         rf"eller|en|of|und|oder|et|ou|y|o|e|i|a|lub|czy|ve|veya|и|или|dan|atau|và|hay|hoặc)\b)\s*)"
                         rf"-({_SIZE})\b")


def find_models(text: str, fuzzy: bool = False) -> list[str]:
    """Return the catalog names of the models ``text`` mentions, in order of mention, once each.

    Args:
        text: Normalised (lower-case) text.
        fuzzy: Also take an unknown hyphenated name that starts like a model family ("qwen3-embedding"): resolved
            to the catalog's close match, or kept as typed so the tool can say which names are close.
    """
    index = _model_index()
    if "-" in text:
        text = _SIZE_ALONE.sub(lambda m: f"{m.group(1)}-{m.group(2)}{m.group(3)}{m.group(1)}-{m.group(4)}", text)
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


# A model name the catalog does not know, set beside a known one in a comparison ("is MedCPT any good compared to
# bge-large?", "HerBERT czy bge-m3?", "text2vec-large-chinese跟bge-large-zh比怎么样？"): a hyphenated name with a
# model-like part ("legal-bert", "glucose-base-ja", "sentence-camembert-large") or one word of a model family's make
# ("SapBERT", "BERTimbau", "RobBERT", "BioLORD", "MedCPT"). Words of the language are never one ("real-time",
# "on-prem", "e-mail", "self-hosted"): a name needs a part that only model names have.
_NAMEISH = re.compile(r"(?<![a-z0-9\-./@])([a-z][a-z0-9]*(?:[\-_][a-z0-9]+)+|"
                      r"[a-z]*(?:bert|biolord|medcpt|simcse|text2vec|glucose|instructor|colbert|splade|specter)"
                      r"[a-z0-9]*)(?![a-z0-9\-])")
_MODEL_PART = re.compile(r"(?:^|[\-_])(?:\w*bert\w*|large|base|small|mini|tiny|xl|xxl|v\d+(?:\.\d+)?|"
                         r"\d+(?:\.\d+)?[mb]?|"
                         r"embed\w*|multilingual|chinese|japanese|korean|ja|zh|ko|en|ru|de|sts|nli|msmarco|"
                         r"simcse|text2vec|sbert|instruct\w*)(?=$|[\-_])")


# In a Chinese, Japanese or Korean sentence a Latin word is a name ("bge-m3랑 KURE 비교해 주실 수 있어요?") unless it
# is one of the acronyms people write in any language.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_LATIN_WORD = re.compile(r"(?<![a-z0-9\-./@])([a-z][a-z0-9]{2,}(?:[\-_.][a-z0-9]+)*)(?![a-z0-9\-])")
_ACRONYMS = frozenset({"gpu", "gpus", "cpu", "cpus", "api", "apis", "rag", "pdf", "pdfs", "token", "tokens", "ram",
                       "vram", "ssd", "qps", "llm", "llms", "faq", "saas", "sql", "aws", "gcp", "azure", "cloud",
                       "json", "html", "csv", "the", "and", "model", "models", "embedding", "embeddings", "open",
                       "source", "mteb", "top", "bert", "base", "large", "small", "docs", "chat", "bot", "chatbot",
                       "search", "vector", "vectors", "index", "rerank", "reranker", "hybrid", "bm25", "onnx", "int8",
                       "fp16",
                       "cuda", "mac", "nvidia", "apple", "intel", "amd", "ok", "okay"})


def unknown_model_names(text: str) -> list[tuple[int, str]]:
    """(position, name as typed) of the model-like names in ``text`` that the catalog does not resolve."""
    found: list[tuple[int, str]] = []
    matches = list(_NAMEISH.finditer(text))
    if _CJK.search(text):
        matches += [m for m in _LATIN_WORD.finditer(text) if m.group(1) not in _ACRONYMS and not any(
            m.start() < o.end() and o.start() < m.end() for o in matches)]
    for m in sorted(matches, key=lambda x: x.start()):
        name = m.group(1)
        if ("-" in name or "_" in name) and not _MODEL_PART.search(name) and not _CJK.search(text):
            continue
        try:
            default_catalog().get(name)
            continue  # a catalog name, found by the ordinary reader
        except UnknownModelError:
            pass
        try:
            load_hardware().find(name)
            continue  # a card ("l40s vs a100"), not a model
        except ToolInputError:
            pass
        found.append((m.start(), name))
    return found
