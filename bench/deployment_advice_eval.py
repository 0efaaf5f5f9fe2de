"""Issue 15's suite as numbers: how many picks of tests/tools/rank/consultations.yaml break each deployment check.

Works on the code before and after the fix (missing fields count as failures): `python bench/deployment_advice_eval.py`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

LIMIT_DAYS = 7.0
MONTH_HOURS = 730.0


def main() -> None:
    from knowledge.catalog import default_catalog
    from knowledge.errors import AdvisorError
    from tools.profile.schema import parse_profile
    from tools.rank.shortlist import rank_profile

    cases = yaml.safe_load((REPO / "tests/tools/rank/consultations.yaml").read_text(encoding="utf-8"))
    checks = {k: [0, 0] for k in ("profile_accepted", "first_indexing_within_limit", "monthly_compute_within_month",
                                  "schema_dims_native_or_explicit", "index_memory_within_budget_or_said",
                                  "prefixes_present", "why_not_answered")}

    def count(name: str, ok: bool) -> None:
        checks[name][0] += int(ok)
        checks[name][1] += 1

    for case in cases:
        try:
            result = rank_profile(parse_profile(case["profile"])).model_dump(mode="json")
        except AdvisorError:
            count("profile_accepted", False)
            continue
        count("profile_accepted", True)
        ram = (case["profile"].get("hardware") or {}).get("ram_gb", 16)
        for rec in result["recommendations"]:
            card = default_catalog().get(rec["model"])
            compute = rec.get("compute") or {}
            hours = compute.get("first_indexing_hours", (rec.get("cost") or {}).get("compute_hours_initial") or 0)
            limit = (result.get("limits") or {}).get("first_indexing_days", LIMIT_DAYS)
            count("first_indexing_within_limit", hours / 24 <= limit and "compute" in rec)
            monthly = compute.get("monthly_compute_hours", (rec.get("cost") or {}).get("compute_hours_monthly") or 0)
            count("monthly_compute_within_month", (monthly or 0) <= MONTH_HOURS)
            plan = rec.get("vector_plan")
            dense = next((f for f in rec["milvus"].get("fields", []) if f["field_name"] == "dense"), None)
            if card.family != "sparse":
                explicit = plan is not None and (plan["dims"] == card.embed_dim or plan.get("truncated_from"))
                count("schema_dims_native_or_explicit", bool(dense) and dense["dim"] == rec["dims"] and bool(explicit))
            storage = rec.get("storage") or {}
            if plan is not None:
                ok = plan["fits"] and plan["memory_gb"] <= plan["memory_budget_gb"] or "nothing fits" in plan["note"]
            else:
                ok = storage.get("memory_bytes", 0) / 1e9 <= ram * 0.5
            count("index_memory_within_budget_or_said", bool(ok))
            if card.query_prefix or card.document_prefix:
                count("prefixes_present", (rec.get("prefixes") or {}).get("query") == card.query_prefix)
        try:
            from tools.rank.why_not import why_not
        except ImportError:
            count("why_not_answered", False)
            continue
        for name in [r["model"] for r in result["rejected"][:1]] + [r["model"] for r in
                                                                    (result.get("runners_up") or [])[:1]]:
            answer = why_not(name, case["profile"])
            count("why_not_answered", answer["status"] in ("rejected", "lower_ranked"))
    print(json.dumps({k: f"{ok}/{n}" for k, (ok, n) in checks.items()}, indent=1))


if __name__ == "__main__":
    main()
