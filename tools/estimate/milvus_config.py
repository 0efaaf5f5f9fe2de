"""A pymilvus-ready collection and index configuration for a model, a corpus size and its languages."""

from __future__ import annotations

import math
import time
from typing import Any

from pydantic import BaseModel, ConfigDict

from knowledge.catalog import ModelCard
from knowledge.errors import MilvusUnavailableError
from tools.estimate.vector_plan import VectorPlan

FLAT_BELOW_VECTORS = 50_000  # exact search stays fast below this (Milvus scans small segments anyway)
DISKANN_ABOVE_VECTORS = 50_000_000
LEXICAL_DOMAINS = {"legal", "code", "medical", "finance", "scientific"}
METRICS = {"cosine": "COSINE", "dot": "IP", "euclidean": "L2", "max_sim": "COSINE"}
RRF_K = 60
# A dense model fused for a language it was not trained on only breaks ties: at this weight its whole list moves a
# document by less than one rank step at the top of the lexical list (w / (k + 1) < 1 / (k + 1) - 1 / (k + 2)).
TIE_BREAK_WEIGHT = 0.01


class MilvusConfig(BaseModel):
    """Schema fields, index parameters, optional BM25 function and search parameters for pymilvus."""

    model_config = ConfigDict(extra="forbid")

    collection_name: str
    fields: list[dict[str, Any]]
    functions: list[dict[str, Any]]
    index_params: list[dict[str, Any]]
    search_params: dict[str, Any]
    hybrid: bool
    reasons: list[str]


def analyzer_for(languages: list[str]) -> dict[str, Any]:
    """The production BM25 analyzer for a corpus in ``languages`` (most common first; codes or names).

    One language (or several that share an analyzer) gets that language's analyzer from knowledge/data/analyzers.yaml
    (lindera for Japanese and Korean, ICU for Thai, ``english`` with stemming, standard + Snowball stemmer for other
    stemmed languages). With CJK or Thai among them only those segmenting analyzers are used (they keep Latin words
    whole); an alphabetic corpus gets its first language's analyzer for every text. Segmenting languages that need
    different analyzers get Milvus's multi-language analyzer (``multi_analyzer_params``): one analyzer per language,
    chosen per row by a ``language`` field, the first language's as the default. Where no Milvus server has the
    analyzer (Chinese character bigrams), the answer is ``{"client_side_bm25": ...}``: the client computes the BM25
    vectors on every Milvus (see ``build_config``).
    """
    from knowledge.analyzers import analysis_languages, analyzer

    codes = language_codes(languages)
    codes = analysis_languages({c: 1.0 for c in codes}) if codes != ["und"] else codes
    chosen = {code: analyzer(code) for code in codes}
    server = {code: a.milvus for code, a in chosen.items() if a.milvus is not None}
    if len(server) < len(chosen):
        return {"client_side_bm25": {"analyzers": {code: a.name for code, a in chosen.items()}, "default": codes[0],
                                     "computed_by": "tools/evaluation/sparse_bm25.py (ClientBM25)"}}
    if len({a.name for a in chosen.values()}) == 1:
        return server[codes[0]]
    analyzers = {code: params for code, params in server.items() if code != "und"}
    return {"analyzers": {**analyzers, "default": server[codes[0]]}, "by_field": "language"}


def language_codes(languages: list[str]) -> list[str]:
    """ISO 639-3 codes of ``languages`` (codes or names; unknown ones are ``und``), in order, without repeats."""
    from knowledge.errors import ToolInputError
    from knowledge.languages import normalise_language

    codes: list[str] = []
    for lang in languages or ["eng"]:
        try:
            code = lang if lang == "und" else normalise_language(lang).code
        except ToolInputError:
            code = "und"
        if code not in codes:
            codes.append(code)
    return codes


def hybrid_fusion(model_languages: set[str] | None, languages: list[str]) -> dict[str, Any]:
    """How a hybrid fuses its dense and BM25 lists, from the dense model's languages (catalog) and the corpus'.

    RRF (k=60) when the model covers the corpus' main language or its languages are unknown. A model not trained on
    that language ranks its text by noise (MiniLM on Japanese man pages: nDCG@10 0.31 against BM25's 0.74), and RRF
    gives that list an equal say (hybrid 0.58): its list then only breaks ties, in a weighted RRF the application
    runs (two searches, ranks fused on the client: Milvus's RRFRanker has no weights).
    """
    main = language_codes(languages)[0]
    if not model_languages or main == "und" or main in model_languages:
        return {"type": "RRF", "k": RRF_K}
    listed = ", ".join(sorted(model_languages)[:6]) + (" ..." if len(model_languages) > 6 else "")
    return {"type": "weighted-RRF", "k": RRF_K, "weights": {"dense": TIE_BREAK_WEIGHT, "sparse": 1 - TIE_BREAK_WEIGHT},
            "reason": f"the dense model was trained on {listed}, not {main}: its ranking of {main} text is close to "
                      f"noise, so it only breaks ties (weight {TIE_BREAK_WEIGHT}) and BM25 ranks; a model that covers "
                      f"{main} makes a hybrid worth fusing"}


def choose_index(n_vectors: int, memory_budget_gb: float | None, hnsw_memory_gb: float) -> tuple[str, dict, dict, str]:
    """Pick index type, build params, search params and the reason, from the vector count and memory."""
    if n_vectors < FLAT_BELOW_VECTORS:
        return "FLAT", {}, {}, f"{n_vectors:,} vectors: exact FLAT search is fast enough and loses no recall"
    if n_vectors > DISKANN_ABOVE_VECTORS:
        return ("DISKANN", {}, {"search_list": 100},
                f"{n_vectors:,} vectors: DISKANN keeps the graph on disk and PQ codes in memory")
    if memory_budget_gb is not None and hnsw_memory_gb > memory_budget_gb:
        nlist = int(min(65536, max(1, 4 * math.sqrt(n_vectors))))
        return ("IVF_SQ8", {"nlist": nlist}, {"nprobe": max(8, nlist // 64)},
                f"HNSW would need {hnsw_memory_gb:.1f} GB, over the {memory_budget_gb:.1f} GB available: IVF_SQ8 "
                "stores 1 byte per dimension")
    return ("HNSW", {"M": 16, "efConstruction": 200}, {"ef": 64},
            f"{n_vectors:,} vectors: HNSW (M=16, efConstruction=200) gives ~95-99% recall at low latency")


def is_learned_sparse(card: ModelCard) -> bool:
    """A learned sparse model (SPLADE-style family "learned-sparse"): it fills the sparse field itself."""
    return card.family == "learned-sparse"


def build_config(card: ModelCard, dims: int, n_vectors: int, chunk_tokens: int, languages: list[str], domain: str,
                 memory_budget_gb: float | None = None, hnsw_memory_gb: float = 0.0,
                 plan: VectorPlan | None = None) -> MilvusConfig:
    """Build the collection config for ``card`` (a dense model, BM25 itself, a learned sparse model, or hybrid).

    With a ``plan`` (tools.estimate.vector_plan) the dense field's type, dim and index are the plan's, so the schema
    matches what the model outputs under the chosen options.
    """
    if is_learned_sparse(card):
        return _learned_sparse_config(card, chunk_tokens, plan)
    reasons: list[str] = []
    lexical_only = card.family == "sparse"
    sparse_capable = "sparse" in (card.output_types or [])
    hybrid = not lexical_only and (sparse_capable or domain in LEXICAL_DOMAINS)
    if hybrid:
        why = "the model also produces sparse weights" if sparse_capable else f"{domain} text has exact terms"
        reasons.append(f"hybrid dense + BM25 with RRF fusion: {why} that BM25 matches")
    # A chunk of N tokens is at most ~4 characters a token in alphabetic scripts; VARCHAR is capped at 65,535.
    max_chars = min(65_535, max(1024, chunk_tokens * 6))
    analyzer = analyzer_for(languages)
    client = "client_side_bm25" in analyzer
    analyzer_key = "multi_analyzer_params" if "analyzers" in analyzer else "analyzer_params"
    fields: list[dict[str, Any]] = [
        {"field_name": "chunk_id", "datatype": "VARCHAR", "is_primary": True, "max_length": 128},
        {"field_name": "doc_id", "datatype": "VARCHAR", "max_length": 512},
        {"field_name": "chunk_index", "datatype": "INT32"},
        {"field_name": "text", "datatype": "VARCHAR", "max_length": max_chars,
         **({"enable_analyzer": True, analyzer_key: analyzer} if (hybrid or lexical_only) and not client else {})},
    ]
    if "analyzers" in analyzer and (hybrid or lexical_only):  # the multi-language analyzer picks by this field
        fields.append({"field_name": "language", "datatype": "VARCHAR", "max_length": 16})
    index_params: list[dict[str, Any]] = []
    functions: list[dict[str, Any]] = []
    search: dict[str, Any] = {}
    if not lexical_only:
        metric = METRICS.get((card.similarity or "cosine").lower(), "COSINE")
        if plan is not None and plan.dims is not None:
            fields.append({"field_name": "dense", "datatype": plan.milvus_datatype, "dim": plan.dims})
            index_type, params, search_params, why = plan.index_type, plan.index_params, plan.search_params, plan.note
            metric = plan.metric_type or metric
        else:
            fields.append({"field_name": "dense", "datatype": "FLOAT_VECTOR", "dim": dims})
            index_type, params, search_params, why = choose_index(n_vectors, memory_budget_gb, hnsw_memory_gb)
        index_params.append({"field_name": "dense", "index_type": index_type, "metric_type": metric, "params": params})
        search["dense"] = {"metric_type": metric, "params": search_params}
        reasons.append(why)
        reasons.append(f"metric {metric} from the model's similarity function ({card.similarity or 'cosine'})")
    if (hybrid or lexical_only) and client:
        fields.append({"field_name": "sparse", "datatype": "SPARSE_FLOAT_VECTOR"})
        index_params.append({"field_name": "sparse", "index_type": "SPARSE_INVERTED_INDEX", "metric_type": "IP",
                             "params": {"inverted_index_algo": "DAAT_MAXSCORE"}})
        search["sparse"] = {"metric_type": "IP", "params": {"drop_ratio_search": 0.0}}
        names = ", ".join(sorted(set(analyzer["client_side_bm25"]["analyzers"].values())))
        reasons.append(f"BM25 over {names} for {', '.join(languages) if languages else 'eng'}: no Milvus analyzer does "
                       "this, so the client computes each chunk's BM25 vector (tools/evaluation/sparse_bm25.py, "
                       "corpus-wide statistics) and inserts it into the sparse field; a query's vector holds its "
                       "terms and is searched by IP (no BM25 function; refit the statistics when the corpus changes)")
    elif hybrid or lexical_only:
        fields.append({"field_name": "sparse", "datatype": "SPARSE_FLOAT_VECTOR"})
        functions.append({"name": "bm25", "function_type": "BM25", "input_field_names": ["text"],
                          "output_field_names": ["sparse"]})
        index_params.append({"field_name": "sparse", "index_type": "SPARSE_INVERTED_INDEX", "metric_type": "BM25",
                             "params": {"inverted_index_algo": "DAAT_MAXSCORE"}})
        search["sparse"] = {"metric_type": "BM25", "params": {}}
        reasons.append(f"BM25 analyzer {analyzer} for {', '.join(languages) if languages else 'eng'}")
    if hybrid:
        search["ranker"] = hybrid_fusion(card.language_codes or None, languages)
        if "reason" in search["ranker"]:
            reasons.append(f"weighted RRF: {search['ranker']['reason']}")
    safe = "".join(ch if ch.isalnum() else "_" for ch in card.name.split("/")[-1].lower())
    return MilvusConfig(collection_name=f"rag_{safe}"[:255], fields=fields, functions=functions,
                        index_params=index_params, search_params=search, hybrid=hybrid, reasons=reasons)


def _learned_sparse_config(card: ModelCard, chunk_tokens: int, plan: VectorPlan | None) -> MilvusConfig:
    """A sparse field the model fills (no BM25 function), searched by inner product."""
    max_chars = min(65_535, max(1024, chunk_tokens * 6))
    fields: list[dict[str, Any]] = [
        {"field_name": "chunk_id", "datatype": "VARCHAR", "is_primary": True, "max_length": 128},
        {"field_name": "doc_id", "datatype": "VARCHAR", "max_length": 512},
        {"field_name": "chunk_index", "datatype": "INT32"},
        {"field_name": "text", "datatype": "VARCHAR", "max_length": max_chars},
        {"field_name": "sparse", "datatype": "SPARSE_FLOAT_VECTOR"},
    ]
    params = plan.index_params if plan is not None else {"inverted_index_algo": "DAAT_MAXSCORE"}
    safe = "".join(ch if ch.isalnum() else "_" for ch in card.name.split("/")[-1].lower())
    return MilvusConfig(
        collection_name=f"rag_{safe}"[:255], fields=fields, functions=[],
        index_params=[{"field_name": "sparse", "index_type": "SPARSE_INVERTED_INDEX", "metric_type": "IP",
                       "params": params}],
        search_params={"sparse": {"metric_type": "IP", "params": {"drop_ratio_search": 0.0}}}, hybrid=False,
        reasons=[f"learned sparse model: encode documents and queries with {card.name} and insert its term weights "
                 "into the SPARSE_FLOAT_VECTOR field (no BM25 function: the model, not an analyzer, makes the vector)",
                 "metric IP: learned sparse weights are scored by inner product"])


def create_collection(client: Any, config: MilvusConfig) -> None:
    """Create the collection described by ``config`` with a pymilvus ``MilvusClient`` (used by tests and evaluate)."""
    from pymilvus import DataType, Function, FunctionType

    schema = client.create_schema(auto_id=False)
    for field in config.fields:
        spec = dict(field)
        name, dtype = spec.pop("field_name"), getattr(DataType, spec.pop("datatype"))
        schema.add_field(name, dtype, **spec)
    for fn in config.functions:
        schema.add_function(Function(name=fn["name"], function_type=getattr(FunctionType, fn["function_type"]),
                                     input_field_names=fn["input_field_names"],
                                     output_field_names=fn["output_field_names"]))
    client.create_collection(config.collection_name, schema=schema)
    if not config.index_params:
        return
    index_params = client.prepare_index_params()
    for idx in config.index_params:
        index_params.add_index(**idx)
    # What create_collection(index_params=...) does, without pymilvus' wait: it sleeps 0.5 s before it first asks
    # whether each index is built, and an index on an empty collection is built at once (half of a cached evaluation).
    client.create_index(config.collection_name, index_params, sync=False)
    wait_for_indexes(client, config.collection_name)
    client.load_collection(config.collection_name)


INDEX_POLL_S = 0.005
INDEX_TIMEOUT_S = 600.0


def wait_for_indexes(client: Any, collection: str, timeout_s: float = INDEX_TIMEOUT_S) -> None:
    """Return once every index of ``collection`` is built (polled every few milliseconds).

    Raises:
        MilvusUnavailableError: an index failed to build, or was not built within ``timeout_s``.
    """
    deadline = time.monotonic() + timeout_s
    pending = list(client.list_indexes(collection))
    while pending:
        info = client.describe_index(collection, pending[0]) or {}
        state = info.get("state", "Finished")
        if state == "Finished":
            pending.pop(0)
            continue
        if state == "Failed":
            raise MilvusUnavailableError(f"index {pending[0]!r} of collection {collection!r} failed to build: "
                                         f"{info.get('index_state_fail_reason') or 'no reason given'}")
        if time.monotonic() > deadline:
            raise MilvusUnavailableError(f"index {pending[0]!r} of collection {collection!r} was not built within "
                                         f"{timeout_s:g} s (state {state})")
        time.sleep(INDEX_POLL_S)
