"""Catalog capabilities: search models with filters, show one card with its published scores, compare several."""

from __future__ import annotations

import math
import re
from typing import Any, Literal

from knowledge.benchmark_map import match_benchmarks
from knowledge.catalog import ModelCard, default_catalog
from knowledge.errors import InvalidFilterError
from knowledge.languages import normalise_language
from knowledge.scores import BenchmarkScore, ScoreSnapshot, default_scores

SortKey = Literal["score", "size", "price"]
SORT_KEYS = ("score", "size", "price")
DOMAINS = ("general", "legal", "medical", "code", "finance", "scientific", "ecommerce", "support", "multilingual")
KINDS = ("any", "open", "api")
_UNITS = {"": 1, "k": 1e3, "m": 1e6, "b": 1e9, "g": 1e9, "t": 1e12}
# Benchmarks shown first on a card, when the model has scores there.
HEADLINE_BENCHMARKS = ("MTEB(eng, v2)", "MTEB(Multilingual, v2)", "MTEB(cmn, v1)", "LongEmbed", "MTEB(Law, v1)",
                       "MTEB(Medical, v1)", "MTEB(Code, v1)")  # fmt: skip
MAX_TRAINING_DATASETS_SHOWN = 25


def parse_count(text: str | int | float, field: str) -> int:
    """Parse a count such as ``500M``, ``1.5B``, ``8k`` or ``7e9``; raise InvalidFilterError naming ``field``."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        value = float(text)
    else:
        match = re.fullmatch(r"\s*([0-9]*\.?[0-9]+(?:e[0-9]+)?)\s*([kmbgt]?)\s*", str(text).lower())
        if not match:
            raise InvalidFilterError(field, text, "a positive number, optionally with k/M/B (e.g. 500M, 1.5B)")
        value = float(match.group(1)) * _UNITS[match.group(2)]
    if not math.isfinite(value) or value <= 0:  # "1e999" is inf, which int() cannot take
        raise InvalidFilterError(field, text, "a positive, finite number")
    return int(value)


def _score_row(card: ModelCard, score: BenchmarkScore | None) -> dict[str, Any]:
    return {
        "name": card.name,
        "kind": card.kind,
        "family": card.family,
        "n_parameters": card.n_parameters,
        "max_tokens": card.max_tokens,
        "embed_dim": card.embed_dim,
        "license": card.license,
        "licence_verdict": card.licence.verdict,
        "price_usd_per_1m_tokens": card.price_usd_per_1m_tokens,
        "domains": card.domains,
        "score": None if score is None else score.best_estimate,
        "score_kind": None if score is None else _score_kind(score),
        "tasks_scored": None if score is None else (score.retrieval_scored if score.retrieval_total
                                                    else score.tasks_scored),
        "tasks_total": None if score is None else (score.retrieval_total or score.tasks_total),
        "zero_shot": None if score is None else score.zero_shot,
    }


def _score_kind(score: BenchmarkScore) -> str:
    if score.retrieval is not None:
        return "retrieval mean"
    if score.retrieval_available is not None:
        return f"retrieval mean over {score.retrieval_scored}/{score.retrieval_total} tasks"
    if score.mean_task is not None:
        return "mean over all tasks"
    return f"mean over {score.tasks_scored}/{score.tasks_total} tasks"


def search_models(
    language: str | None = None,
    max_params: str | int | None = None,
    min_context: int | None = None,
    kind: str = "any",
    license: str = "any",
    domain: str | None = None,
    benchmark: str | None = None,
    sort: str = "score",
    limit: int = 20,
) -> dict[str, Any]:
    """Search the embedding-model catalog with filters, ranked by published score, size or price.

    Args:
        language: a language the model must support, as a name or code (e.g. "zh", "German"): listed in its
            metadata or proven by a published score in that language.
        max_params: largest parameter count, e.g. "600M" or "7B" (API models have none and pass).
        min_context: smallest context window in tokens, e.g. 8192.
        kind: "open" (open weights), "api" (hosted) or "any".
        license: "commercial" keeps models whose licence allows commercial use; "any" keeps all.
        domain: legal, medical, code, finance, scientific, ecommerce, support or general; picks the
            domain's benchmark for scores and keeps models tagged with the domain or scored on it.
        benchmark: the MTEB benchmark whose scores rank the results, e.g. "MTEB(Law, v1)".
        sort: "score" (best published score first), "size" (smallest first) or "price" (cheapest first).
        limit: how many models to return (1-200).
    """
    catalog = default_catalog()
    scores = default_scores()
    if sort not in SORT_KEYS:
        raise InvalidFilterError("sort", sort, SORT_KEYS)
    if kind not in KINDS:
        raise InvalidFilterError("kind", kind, KINDS)
    if license not in ("any", "commercial"):
        raise InvalidFilterError("license", license, ("any", "commercial"))
    if not 1 <= int(limit) <= 200:
        raise InvalidFilterError("limit", limit, "an integer from 1 to 200")
    if domain is not None and domain.lower() not in DOMAINS:
        raise InvalidFilterError("domain", domain, DOMAINS)
    if min_context is not None and int(min_context) <= 0:
        raise InvalidFilterError("min_context", min_context, "a positive number of tokens")
    max_n = parse_count(max_params, "max_params") if max_params is not None else None
    lang = normalise_language(language, "language") if language else None
    if benchmark is not None:
        bench = scores.benchmark(benchmark).name
    else:
        matched = match_benchmarks(domain or "general", [language] if language else None)
        bench = next(m.name for m in matched if m.name in scores.benchmarks)
    domain_benchmarks = {m.name for m in match_benchmarks(domain)} if domain else set()

    rows = []
    for card in catalog:
        if "text" not in (card.modalities or ["text"]):
            continue
        if kind != "any" and card.kind != kind:
            continue
        if max_n is not None and card.n_parameters is not None and card.n_parameters > max_n:
            continue
        if min_context is not None and (card.max_tokens or 0) < int(min_context):
            continue
        if license == "commercial" and card.commercial_use is not True:
            continue
        if lang is not None and not (card.language_codes & lang.codes or "multilingual" in card.language_codes
                                     or lang.codes & scores.proven_languages(card.score_name)):
            continue  # listed by mteb, or proven by a published score in the language
        score = scores.score(card.score_name, bench)
        if domain and domain.lower() != "general":
            tagged = domain.lower() in (card.domains or [])
            scored = any(scores.score(card.score_name, b) for b in domain_benchmarks & set(scores.benchmarks))
            if not tagged and not scored:
                continue
        rows.append((card, score))

    def sort_key(item: tuple[ModelCard, BenchmarkScore | None]) -> tuple:
        card, score = item
        if sort == "size":
            return (card.n_parameters is None, card.n_parameters or 0, card.name)
        if sort == "price":
            price = 0.0 if card.kind == "open" else card.price_usd_per_1m_tokens
            return (price is None, price or 0.0, -(score.best_estimate or 0) if score else 0, card.name)
        value = score.best_estimate if score else None
        # Averages over a few tasks are not comparable with full ones: well-covered models rank first.
        return (value is None, not (score and score.well_covered), -(value or 0.0), card.name)

    rows.sort(key=sort_key)
    return {
        "benchmark": bench,
        "filters": {"language": lang.code if lang else None, "max_params": max_n, "min_context": min_context,
                    "kind": kind, "license": license, "domain": domain, "sort": sort},
        "matched": len(rows),
        "models": [_score_row(card, score) for card, score in rows[: int(limit)]],
        "source": f"catalog: mteb ModelMeta (mteb {catalog.mteb_version}) + curated YAML; scores: {scores.source}",
    }


def _facts(card: ModelCard) -> list[dict[str, Any]]:
    facts = []
    skip = {"name", "provenance", "aliases"}
    for field in ModelCard.model_fields:
        value, prov = card.fact(field)
        if field in skip or value is None or value == []:
            continue
        if field == "training_datasets" and isinstance(value, list) and len(value) > MAX_TRAINING_DATASETS_SHOWN:
            value = value[:MAX_TRAINING_DATASETS_SHOWN] + [f"... {len(value) - MAX_TRAINING_DATASETS_SHOWN} more"]
        facts.append({
            "field": field,
            "value": value,
            "source": prov.source if prov else "derived by embedding-advisor from the facts above",
            "checked_on": prov.checked_on.isoformat() if prov and prov.checked_on else None,
            "note": prov.note if prov else None,
        })
    return facts


def _benchmark_rows(card: ModelCard, scores: ScoreSnapshot, only: list[str] | None = None) -> list[dict[str, Any]]:
    names = scores.benchmarks_of(card.score_name)
    if only is not None:
        names = [n for n in only if n in names]
    else:
        names = sorted(names, key=lambda n: (n not in HEADLINE_BENCHMARKS, HEADLINE_BENCHMARKS.index(n)
                                             if n in HEADLINE_BENCHMARKS else 0, n))
    out = []
    for name in names:
        s = scores.score(card.score_name, name)
        if s is None:
            continue
        out.append({
            "benchmark": name,
            "retrieval_mean": s.retrieval,
            "retrieval_mean_available": s.retrieval_available,
            "retrieval_tasks": f"{s.retrieval_scored}/{s.retrieval_total}",
            "mean_task": s.mean_task,
            "mean_available": s.mean_available,
            "tasks": f"{s.tasks_scored}/{s.tasks_total}",
            "zero_shot_pct": s.zero_shot,
            "rank": s.rank,
            "n_ranked": s.n_ranked,
        })
    return out


def show_model(model: str) -> dict[str, Any]:
    """Return everything known about one embedding model, each fact with its source, and its published MTEB scores.

    Args:
        model: Hugging Face id, API model name or alias, e.g. "BAAI/bge-m3" or "text-embedding-3-large".
    """
    catalog = default_catalog()
    scores = default_scores()
    card = catalog.get(model)
    return {
        "name": card.name,
        "aliases": card.aliases,
        "kind": card.kind,
        "family": card.family,
        "facts": _facts(card),
        "licence": card.licence.model_dump(),
        "scores": _benchmark_rows(card, scores),
        "scores_source": scores.source,
        "scores_note": ("retrieval_mean and mean_task are the MTEB leaderboard's figures (null when a task is "
                        "missing); the *_available figures average only the tasks with a score: read them with the "
                        "task counts. zero_shot_pct: share of the benchmark's tasks absent from the training data."),
    }


COMPARE_FIELDS = ("kind", "family", "n_parameters", "max_tokens", "embed_dim", "output_dimensions", "license",
                  "languages", "tokenizer_family", "vocab_size", "output_types", "domains", "price_usd_per_1m_tokens",
                  "memory_usage_mb", "release_date", "query_prefix", "document_prefix")  # fmt: skip


def compare_models(
    models: list[str],
    benchmarks: list[str] | None = None,
) -> dict[str, Any]:
    """Compare embedding models side by side: key facts and published scores on shared benchmarks.

    Args:
        models: two to eight model names or aliases, e.g. ["BAAI/bge-m3", "intfloat/multilingual-e5-large"].
        benchmarks: benchmarks to compare on; default: those where at least two of the models have scores,
            headline benchmarks first.
    """
    catalog = default_catalog()
    scores = default_scores()
    if not 2 <= len(models) <= 8:
        raise InvalidFilterError("models", models, "two to eight model names")
    cards = [catalog.get(m) for m in models]
    if benchmarks:
        bench_names = [scores.benchmark(b).name for b in benchmarks]
    else:
        counts: dict[str, int] = {}
        for card in cards:
            for b in scores.benchmarks_of(card.score_name):
                counts[b] = counts.get(b, 0) + 1
        shared = [b for b, n in counts.items() if n >= 2]
        bench_names = sorted(shared, key=lambda n: (n not in HEADLINE_BENCHMARKS, n))[:12]
    rows = []
    for field in COMPARE_FIELDS:
        values = [getattr(c, field) for c in cards]
        if field == "languages":
            values = [None if v is None else (v if len(v) <= 6 else v[:6] + [f"+{len(v) - 6} more"]) for v in values]
        if all(v is None for v in values):
            continue
        rows.append({"field": field, "values": values,
                     "sources": [(p.source if (p := c.provenance.get(field)) else None) for c in cards]})
    score_rows = []
    for bench in bench_names:
        per_model = [scores.score(c.score_name, bench) for c in cards]
        score_rows.append({
            "benchmark": bench,
            "values": [None if s is None else s.best_estimate for s in per_model],
            "kinds": [None if s is None else _score_kind(s) for s in per_model],
            "tasks": [None if s is None else f"{s.tasks_scored}/{s.tasks_total}" for s in per_model],
        })
    return {"models": [c.name for c in cards], "facts": rows, "scores": score_rows, "scores_source": scores.source}
