"""'Why not X?' and 'X vs Y': the constraint that rejected a model, or its gap to the picks, in one sentence."""

from __future__ import annotations

from typing import Any

from knowledge.catalog import default_catalog
from tools.profile.schema import RequirementProfile, parse_profile
from tools.rank import factors as fx
from tools.rank.candidate import Candidate, accelerator_for, add_details, complete_score, screen_candidate
from tools.rank.evidence import profile_evidence
from tools.rank.shortlist import _one_per_model, matched_benchmarks, score_candidates

GAPS_SHOWN = 2


def _short(name: str) -> str:
    return name.split("/")[-1]


def _gaps(worse: Candidate, better: Candidate, weights: dict[str, float]) -> list[dict[str, Any]]:
    """The factors where ``better`` gains most over ``worse``, weighted as the ranking weighs them."""
    rows: list[dict[str, Any]] = []
    for name in fx.FACTORS:
        a, b = worse.factors.get(name), better.factors.get(name)
        if a is None or b is None:
            continue
        rows.append({"factor": name, "model_value": a.value, "other_value": b.value,
                     "weighted_gap": round(weights[name] * (b.value - a.value), 4),
                     "model_evidence": a.evidence, "other_evidence": b.evidence})
    return sorted((r for r in rows if r["weighted_gap"] > 0), key=lambda r: -r["weighted_gap"])[:GAPS_SHOWN]


def _gap_words(gaps: list[dict[str, Any]]) -> str:
    return ", ".join(f"{g['factor'].replace('_', ' ')} {g['model_value']:.2f} vs {g['other_value']:.2f}" for g in gaps)


def _rejected_sentence(cand: Candidate) -> str:
    more = len(cand.rejections) - 1
    tail = f" (and {more} more constraint{'s' if more > 1 else ''}: {cand.rejections[1]})" if more else ""
    return f"{_short(cand.card.name)} is ruled out for your profile: {cand.rejections[0]}{tail}."


def _verb(reason: str) -> str:
    """A rejection reason that reads after the model's name ("X: hosted API: ...")."""
    return f"is ruled out ({reason})"


def _screen(name: str, profile: RequirementProfile, pool: list[Candidate]) -> tuple[Candidate, bool]:
    """The model's candidate from the pool, or screened on its own (False: it was not in the ranked pool)."""
    card = default_catalog().get(name)
    for cand in pool:
        if cand.card.name == card.name:
            return cand, True
    benches = tuple(m.name for m in matched_benchmarks(profile))
    cand = screen_candidate(card, profile, benches, fx.weights_for(list(profile.priorities)), accelerator_for(profile),
                            profile_evidence(profile))
    return cand, False


def why_not(model: str, profile: dict[str, Any], versus: str | None = None) -> dict[str, Any]:
    """Say why a catalog model is not on the short list for a profile, or how it compares with another model.

    The answer is one sentence with numbers: the hard constraint that rejected the model (data must stay on
    premises, first indexing over the limit, does not fit the GPU, over budget, ...), or its score gap to the
    last pick and the factors behind the gap. With ``versus``, the two models are compared on the same profile.
    The result also carries the model's plan (cost, first-indexing time, vector plan, Milvus config); a lower-ranked
    model's result names the last pick (``compared_to``, ``compared_score``) and the number of picks (``picks``).

    Args:
        model: catalog name or alias of the model asked about, e.g. "text-embedding-3-large".
        profile: the consultation's requirement profile (same fields as recommend).
        versus: optional second model for "X vs Y", e.g. "BAAI/bge-m3".
    """
    prof = parse_profile(profile)
    weights = fx.weights_for(list(prof.priorities))
    pool = score_candidates(prof)
    allowed = _one_per_model(sorted((c for c in pool if not c.rejections), key=Candidate.sort_key))
    picks = allowed[: prof.top_k]
    cand, in_pool = _screen(model, prof, pool)
    complete_score(cand, prof, weights)
    benches = tuple(m.name for m in matched_benchmarks(prof))
    out: dict[str, Any] = {"model": cand.card.name, "reasons": list(cand.rejections), "score": cand.score,
                           "rank": None, "compared_to": None, "gaps": []}
    if versus is not None:
        other, _ = _screen(versus, prof, pool)
        complete_score(other, prof, weights)
        out.update(_versus(cand, other, weights))
    elif cand.rejections:
        out.update(status="rejected", sentence=_rejected_sentence(cand))
    elif cand in picks:
        rank = picks.index(cand) + 1
        out.update(status="recommended", rank=rank,
                   sentence=f"{_short(cand.card.name)} is #{rank} on your short list (score {cand.score:.3f}).")
    elif not picks:
        out.update(status="lower_ranked", sentence=f"{_short(cand.card.name)} passes every constraint (score "
                                                   f"{cand.score:.3f}) but nothing else is on the list.")
    else:
        last = picks[-1]
        place = allowed.index(cand) + 1 if cand in allowed else None
        gaps = _gaps(cand, last, weights)
        where = (f"ranks #{place}" if place else
                 "was not among the models ranked (not curated nor on the board's Pareto fronts)")
        because = f"; the largest gaps: {_gap_words(gaps)}" if gaps else ""
        sentence = (f"{_short(cand.card.name)} passes every constraint but {where} with a score of {cand.score:.3f}, "
                    f"{last.score - cand.score:.3f} below {_short(last.card.name)} (#{len(picks)}, {last.score:.3f})"
                    f"{because}.")
        out.update(status="lower_ranked" if in_pool else "not_considered", rank=place, compared_to=last.card.name,
                   compared_score=last.score, picks=len(picks), gaps=gaps, sentence=sentence)
    add_details(cand, prof, benches)
    out["plan"] = cand.to_recommendation(out["rank"] or 0)
    out["plan"]["factors"] = {k: {"value": f.value, "evidence": f.evidence} for k, f in cand.factors.items()}
    return out


def _versus(a: Candidate, b: Candidate, weights: dict[str, float]) -> dict[str, Any]:
    sa, sb = _short(a.card.name), _short(b.card.name)
    if a.rejections and b.rejections:
        text = f"both are ruled out: {sa} {_verb(a.rejections[0])}; {sb} {_verb(b.rejections[0])}."
        return {"status": "both_rejected", "compared_to": b.card.name, "sentence": text[0].upper() + text[1:]}
    if a.rejections or b.rejections:
        out, ok = (a, b) if a.rejections else (b, a)
        return {"status": "rejected" if out is a else "preferred", "compared_to": b.card.name,
                "sentence": f"{_short(ok.card.name)} (score {ok.score:.3f}) over {_short(out.card.name)}, which "
                            f"{_verb(out.rejections[0])}."}
    better, worse = (a, b) if a.score >= b.score else (b, a)
    gaps = _gaps(worse, better, weights)
    back = _gaps(better, worse, weights)
    text = (f"{_short(better.card.name)} scores {better.score:.3f} against {_short(worse.card.name)}'s "
            f"{worse.score:.3f}" + (f"; it leads on {_gap_words(gaps)}" if gaps else "")
            + (f", while {_short(worse.card.name)} leads on {_gap_words(back)}" if back else "") + ".")
    return {"status": "preferred" if better is a else "lower_ranked", "compared_to": b.card.name, "gaps": gaps,
            "sentence": text}
