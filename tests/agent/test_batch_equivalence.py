"""The batch's caches change no byte: a batch equals each profile ranked alone with every ranking cache emptied."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from agent.batch import run_batch
from tools.profile.schema import parse_profile
from tools.rank import factors as fx
from tools.rank.report import render_markdown
from tools.rank.shortlist import rank_profile

CACHED_PACKAGES = ("tools.rank", "tools.estimate", "tools.profile")


def varied_profiles(n: int, seed: int) -> list[dict]:
    """Profiles that reach every constraint: languages, licences, deployments, hardware, budgets, latency, scale."""
    rng = random.Random(seed)
    hardware = [{"accelerator": "none", "ram_gb": 16, "cpu_cores": 8}, {"accelerator": "T4"}, {"accelerator": "L4"},
                {"accelerator": "A100-80GB"}, {"accelerator": "RTX 4090", "owned": False},
                {"accelerator": "M2 Max 32GB"}, {"accelerator": "none", "ram_gb": 2, "cpu_cores": 2}]
    profiles = []
    for i in range(n):
        profile = {
            "id": f"eq-{i}",
            "domain": rng.choice(["general", "legal", "medical", "code", "finance", "scientific", "support"]),
            "languages": rng.choice([["en"], ["zh"], ["zh", "en"], ["de"], ["ja"], ["fr", "en"], ["ko"], ["ru"]]),
            "doc_length_tokens": rng.choice([150, 800, 6000, 20000]),
            "corpus_docs": rng.choice([1_000, 500_000, 50_000_000]),
            "queries_per_month": rng.choice([1_000, 5_000_000]),
            "budget_usd_month": rng.choice([None, 0, 50, 5000]),
            "hardware": rng.choice(hardware),
            "deployment": rng.choice(["any", "self_hosted", "api"]),
            "data_must_stay_on_prem": rng.random() < 0.3,
            "license": rng.choice(["commercial", "any"]),
            "latency_p95_ms": rng.choice([None, 50, 1000]),
            "priorities": rng.sample(["quality", "cost", "latency"], rng.choice([1, 3])),
            "top_k": rng.choice([3, 5]),
        }
        if rng.random() < 0.3:
            profile["max_first_indexing_days"] = rng.choice([0.5, 30.0])
        profiles.append(profile)
    return profiles


def _empty_ranking_caches() -> None:
    """Forget everything the ranking path has cached (functools caches and the last-profile memos)."""
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(CACHED_PACKAGES):
            continue
        for value in list(vars(module).values()):
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()
        for memo in ("_last", "_last_view"):
            if hasattr(module, memo):
                setattr(module, memo, None)


def test_batch_output_is_byte_identical_to_each_profile_ranked_from_empty_caches(tmp_path: Path) -> None:
    profiles = varied_profiles(24, seed=20261206)
    src = tmp_path / "profiles.jsonl"
    src.write_text("".join(json.dumps(p) + "\n" for p in profiles), encoding="utf-8")
    counts = run_batch(src, tmp_path / "out")
    assert counts == {"ok": 24, "error": 0, "skipped": 0}
    lines = (tmp_path / "out" / "recommendations.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(profiles)
    changes = 0
    for i, (profile, line) in enumerate(zip(profiles, lines, strict=True), start=1):
        _empty_ranking_caches()
        alone = rank_profile(parse_profile(profile, where=f"row {i}")).model_dump(mode="json")
        assert json.dumps(alone, ensure_ascii=False) == line, profile["id"]
        report = (tmp_path / "out" / "reports" / f"{profile['id']}.md").read_text(encoding="utf-8")
        assert render_markdown(alone) == report, profile["id"]
        changes += len(alone["what_would_change"])
    assert changes > 10  # the relaxed re-screens and the priority swaps were exercised


def test_total_scores_equal_total_score_on_every_order() -> None:
    rng = random.Random(3)
    rows = [[rng.random() for _ in fx.FACTORS] for _ in range(200)] + [[0.4] * len(fx.FACTORS)]
    for order in (["quality", "cost", "latency"], ["latency", "quality", "cost"], ["cost"], []):
        weights = fx.weights_for(order)
        many = fx.total_scores(rows, weights)
        assert many == [fx.total_score({f: fx.Factor(v, "") for f, v in zip(fx.FACTORS, row, strict=True)}, weights)
                        for row in rows]


def test_weights_for_returns_a_copy_callers_may_change() -> None:
    first = fx.weights_for(["quality", "cost", "latency"])
    first["cost"] = 99.0
    assert fx.weights_for(["quality", "cost", "latency"])["cost"] != 99.0
