"""Probes of what a model's vectors encode, on bundled probe data: multilingual alignment, robustness, consistency."""

from __future__ import annotations

import csv
import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from tools.encoders.candidates import load_candidates
from tools.encoders.models import Encoder, Kind

PROBES_DIR = Path(__file__).resolve().parents[2] / "knowledge" / "probes"
LANGUAGES = ("zho", "spa", "deu", "fra", "jpn")
# Both sides of a symmetric comparison are encoded alike; "query" is what e5-style models want for symmetric tasks.
KIND: Kind = "query"
TOP_K = 10
SWING_COSINE = 0.80
"""A meaning-preserving variant below this cosine to its original is a large swing."""
SWING_OVERLAP = 0.5
"""... and so is one that keeps fewer than half of its top-10 pool neighbours."""
STUCK_COSINE = 0.99
"""A meaning-changing control at or above this cosine has not moved: the model cannot see the change."""
CONSISTENCY_K = 5
MAX_LISTED = 8


@functools.cache
def _alignment_rows(level: str) -> list[dict[str, str]]:
    with (PROBES_DIR / f"alignment_{level}.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@functools.cache
def _jsonl(name: str) -> list[dict[str, Any]]:
    with (PROBES_DIR / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@functools.cache
def _pool() -> list[str]:
    return [s for s in (PROBES_DIR / "robustness_pool.txt").read_text(encoding="utf-8").splitlines() if s.strip()]


def _r(x: float | np.floating[Any]) -> float:
    return round(float(x), 4)


def alignment_probe(encoder: Encoder, languages: tuple[str, ...] = LANGUAGES) -> dict[str, Any]:
    """Parallel words and sentences, English against each language: true-pair vs random-pair cosine, accuracy@1.

    Accuracy@1 ``eng->xx``: share of English items whose nearest item in the other language is their translation.
    """
    levels: dict[str, dict[str, Any]] = {}
    for level in ("words", "sentences"):
        rows = _alignment_rows(level)
        eng = encoder.encode([r["eng"] for r in rows], kind=KIND)
        per_lang: dict[str, Any] = {}
        for lang in languages:
            other = encoder.encode([r[lang] for r in rows], kind=KIND)
            sims = eng @ other.T
            n = len(rows)
            off_diagonal = (sims.sum() - np.trace(sims)) / (n * n - n)
            truth = np.arange(n)
            per_lang[lang] = {
                "true_pair_cosine": _r(np.trace(sims) / n),
                "random_pair_cosine": _r(off_diagonal),
                "gap": _r(np.trace(sims) / n - off_diagonal),
                "acc_at_1_eng_to_xx": _r(np.mean(sims.argmax(axis=1) == truth)),
                "acc_at_1_xx_to_eng": _r(np.mean(sims.argmax(axis=0) == truth)),
            }
        levels[level] = {"n_items": len(rows), "languages": per_lang}

    def both_ways(lang: str) -> float:
        entry = levels["sentences"]["languages"][lang]
        return (entry["acc_at_1_eng_to_xx"] + entry["acc_at_1_xx_to_eng"]) / 2

    good = [lang for lang in languages if both_ways(lang) >= 0.8]
    poor = [lang for lang in languages if both_ways(lang) < 0.4]
    parts = [f"sentence acc@1 (both ways) {', '.join(f'{lang} {both_ways(lang):.2f}' for lang in languages)}"]
    if good:
        parts.append(f"aligned with English: {', '.join(good)}")
    if poor:
        parts.append(f"poorly aligned: {', '.join(poor)} (cross-lingual search there will mostly miss)")
    return {"model": encoder.name, **levels, "reading": f"{encoder.name}: " + "; ".join(parts) + "."}


def _top_k(queries: np.ndarray, pool: np.ndarray, k: int) -> list[set[int]]:
    order = np.argsort(-(queries @ pool.T), axis=1)[:, :k]
    return [set(row.tolist()) for row in order]


def robustness_probe(encoder: Encoder) -> dict[str, Any]:
    """Original/variant pairs: cosine and top-10 pool neighbour overlap by kind; large swings and stuck controls.

    Meaning-preserving kinds (typo, casing, punctuation, whitespace, word order, paraphrase, near duplicate) should
    stay close; the controls (negation, role reversal, swapped direction, number or entity) should move.
    """
    rows = _jsonl("robustness.jsonl")
    pool = encoder.encode(_pool(), kind=KIND)
    originals = encoder.encode([r["original"] for r in rows], kind=KIND)
    variants = encoder.encode([r["variant"] for r in rows], kind=KIND)
    cosines = np.sum(originals * variants, axis=1)
    overlaps = [len(a & b) / TOP_K for a, b in zip(_top_k(originals, pool, TOP_K), _top_k(variants, pool, TOP_K),
                                                    strict=True)]
    keep = [i for i, r in enumerate(rows) if r["should_stay_close"]]
    move = [i for i, r in enumerate(rows) if not r["should_stay_close"]]

    def group(indices: list[int], key: Callable[[dict[str, Any]], str]) -> dict[str, Any]:
        out: dict[str, list[int]] = {}
        for i in indices:
            out.setdefault(key(rows[i]), []).append(i)
        return {name: {"n": len(ix), "mean_cosine": _r(np.mean(cosines[ix])), "min_cosine": _r(np.min(cosines[ix])),
                       "mean_top10_overlap": _r(np.mean([overlaps[i] for i in ix])),
                       "share_top10_changed": _r(np.mean([overlaps[i] < 1 for i in ix]))}
                for name, ix in sorted(out.items())}

    median_keep = float(np.median(cosines[keep]))
    swings = [i for i in keep if cosines[i] < SWING_COSINE or overlaps[i] < SWING_OVERLAP]
    stuck = [i for i in move if cosines[i] >= STUCK_COSINE]

    def listed(ix: list[int]) -> list[dict[str, Any]]:
        worst = sorted(ix, key=lambda i: cosines[i] if rows[i]["should_stay_close"] else -cosines[i])[:MAX_LISTED]
        return [{"id": rows[i]["id"], "kind": rows[i].get("change", rows[i]["kind"]), "original": rows[i]["original"],
                 "variant": rows[i]["variant"], "cosine": _r(cosines[i]), "top10_overlap": _r(overlaps[i])}
                for i in worst]

    preserving = {"n": len(keep), "mean_cosine": _r(np.mean(cosines[keep])), "median_cosine": _r(median_keep),
                  "mean_top10_overlap": _r(np.mean([overlaps[i] for i in keep])),
                  "share_top10_changed": _r(np.mean([overlaps[i] < 1 for i in keep]))}
    controls = {"n": len(move), "mean_cosine": _r(np.mean(cosines[move])),
                "gap_to_preserving": _r(np.mean(cosines[keep]) - np.mean(cosines[move])),
                "share_above_preserving_median": _r(np.mean(cosines[move] > median_keep)),
                "n_stuck": len(stuck)}
    by_change = group(move, lambda r: r["change"])
    role = by_change.get("role_reversal", {})
    reading = (f"{encoder.name}: meaning-preserving edits keep cosine {preserving['mean_cosine']:.3f} "
               f"(top-10 changed for {preserving['share_top10_changed']:.0%}), {len(swings)} large swings; "
               f"meaning-changing controls {controls['mean_cosine']:.3f} (gap {controls['gap_to_preserving']:+.3f}, "
               f"{controls['share_above_preserving_median']:.0%} above the preserving median)")
    if role:
        verdict = "cannot tell who did what to whom" if role["min_cosine"] >= 0.9999 else "sees role reversals"
        reading += f"; role reversal ('dog bit man' / 'man bit dog') {role['mean_cosine']:.4f}: {verdict}"
    return {"model": encoder.name, "preserving": preserving, "preserving_by_kind": group(keep, lambda r: r["kind"]),
            "controls": controls, "controls_by_change": by_change, "large_swings": listed(swings),
            "stuck_controls": listed(stuck), "thresholds": {"swing_cosine": SWING_COSINE,
                                                            "swing_top10_overlap": SWING_OVERLAP,
                                                            "stuck_cosine": STUCK_COSINE},
            "reading": reading + "."}


def consistency_probe(encoder: Encoder, k: int = CONSISTENCY_K) -> dict[str, Any]:
    """Anchor + 5 neighbours + 3 intruders: share of intruders among the anchor's k nearest items, by kind.

    Polysemy intruders share the anchor's surface word in another sense: intrusion there means spelling wins
    over meaning.
    """
    sets = _jsonl("consistency.jsonl")
    counts: dict[str, list[int]] = {}
    worst: list[tuple[float, dict[str, Any]]] = []
    for item in sets:
        vectors = encoder.encode([item["anchor"], *item["neighbours"], *item["intruders"]], kind=KIND)
        sims = vectors[1:] @ vectors[0]
        n_neigh = len(item["neighbours"])
        nearest = np.argsort(-sims)[:k]
        intruded = int(np.sum(nearest >= n_neigh))
        tally = counts.setdefault(item["kind"], [0, 0])
        tally[0] += intruded
        tally[1] += len(item["intruders"])
        if intruded:
            worst.append((intruded / len(item["intruders"]), {
                "id": item["id"], "kind": item["kind"], "anchor": item["anchor"], "intruders_in_top_k": intruded,
                "closest_intruder": item["intruders"][int(np.argmax(sims[n_neigh:]))]}))
    by_kind = {kind: _r(hit / total) for kind, (hit, total) in sorted(counts.items())}
    overall = _r(sum(h for h, _ in counts.values()) / sum(t for _, t in counts.values()))
    worst.sort(key=lambda pair: -pair[0])
    reading = (f"{encoder.name}: intrusion rate {overall:.3f} at k={k} ("
               + ", ".join(f"{kind} {rate:.3f}" for kind, rate in by_kind.items()) + ")")
    if by_kind.get("polysemy", 0) > 2 * max(by_kind.get("word", 0), by_kind.get("sentence", 0), 0.05):
        reading += "; ambiguous words pull in their other sense: lexical overlap beats meaning there"
    return {"model": encoder.name, "k": k, "n_sets": len(sets), "intrusion_rate": overall,
            "intrusion_rate_by_kind": by_kind, "worst_sets": [w for _, w in worst[:MAX_LISTED]],
            "reading": reading + "."}


def _run(models: list[str], probe: Callable[[Encoder], dict[str, Any]], name: str, **where: Any) -> dict[str, Any]:
    results = [probe(encoder) for encoder in load_candidates(models, **where)]
    return {"probe": name, "models": results, "readings": [r["reading"] for r in results]}


_TOOL_ARGS = """

    Args:
        models: Candidate models: "minilm", "static", "openai:<model>", a Hugging Face id or a local path.
        data_dir: Folder for distilled models and the embedding cache (set by the application, not by the user).
        openai_base_url: Endpoint of "openai:" candidates (set by the application, not by the user).
        openai_api_key: Key for that endpoint (set by the application, not by the user).
    """


def _probe_tool(name: str, probe: Callable[[Encoder], dict[str, Any]], summary: str) -> Callable[..., dict[str, Any]]:
    """The agent's tool ``probe_<name>``: ``probe`` on every candidate, ``summary`` and the shared Args as its doc."""
    def run(models: list[str], *, data_dir: Path | None = None, openai_base_url: str | None = None,
            openai_api_key: str | None = None) -> dict[str, Any]:
        return _run(models, probe, name, data_dir=data_dir, openai_base_url=openai_base_url,
                    openai_api_key=openai_api_key)

    run.__name__ = run.__qualname__ = f"probe_{name}"
    run.__doc__ = summary + _TOOL_ARGS
    return run


probe_alignment = _probe_tool("alignment", alignment_probe, (
    """Measure how well each model aligns English with Chinese, Spanish, German, French and Japanese.

    Uses 235 parallel words and 130 parallel sentences. For each language: mean cosine of true translation pairs
    against random pairs (the gap is the signal) and cross-lingual retrieval accuracy@1 in both directions."""))
probe_robustness = _probe_tool("robustness", robustness_probe, (
    """Measure how stable each model's vectors are under small edits, and whether meaning changes move them.

    95 meaning-preserving edits (typos, casing, punctuation, whitespace, word order, paraphrases) and 38 controls
    that change the meaning (negation, role reversal, swapped direction, number or entity): cosine to the original
    and overlap of the top-10 neighbours in a 348-sentence pool; large swings and controls that did not move."""))
probe_consistency = _probe_tool("consistency", consistency_probe, (
    """Measure local semantic consistency: how often unrelated items intrude among a text's nearest neighbours.

    46 sets (24 polysemy, 12 word, 10 sentence) of an anchor, 5 true neighbours and 3 intruders; the intrusion
    rate is the share of intruders among the anchor's 5 nearest items (0 is perfect)."""))
