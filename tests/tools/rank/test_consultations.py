"""Realistic consultations (tests/tools/rank/consultations/*.yaml), each with what an embedding specialist would check.

Every consultation is also held to the properties that hold for all of them: one board and one task subset for
the whole short list, figures that are the snapshot's own per-language subset figures, coverage named for each
model, the "unproven here" group after the proven one, and multi-vector / sparse models labelled as such.
"""

from __future__ import annotations

import gzip
import json
import statistics
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.catalog import default_catalog
from knowledge.errors import UnknownModelError
from knowledge.refresh import SCORES_FILE
from tools.profile.schema import parse_profile
from tools.rank.shortlist import rank_profile, score_candidates

HERE = Path(__file__).parent / "consultations"
CASES = sorted(HERE.glob("*.yaml"))
# Organisations whose models an embedding specialist knows (labs, vendors, established open-source groups).
KNOWN_ORGS = {"baai", "intfloat", "alibaba-nlp", "qwen", "snowflake", "nomic-ai", "jinaai", "google", "openai",
              "cohere", "mongodb", "voyageai", "nvidia", "salesforce", "sentence-transformers", "mixedbread-ai",
              "ibm-granite", "microsoft", "thenlper", "linq-ai-research", "tencent", "mistralai", "sbintuitions",
              "cl-nagoya", "pkshatech", "deepvk", "ai-forever", "sdadas", "nlpai-lab", "dragonkue", "bedrock", "amazon",
              "lightonai", "answerdotai", "perplexity-ai", "minishlab", "mteb", "alibaba", "zeroentropy", "ibm",
              "facebook", "colbert-ir", "naver", "opensearch-project", "antoinelouis", "deutsche-telekom",
              "jxm", "gritlm", "hkunlp", "avsolatorio", "dunzhang", "netease-youdao", "maidalun1020", "upskyy",
              "kakaobank", "sentence-transformers-testing", "codesage", "infly", "shibing624", "moka-ai",
              "lier007", "iampanda", "bm-k", "seongil-dn", "cointegrated", "sergeyzh", "ellamind", "aari1995",
              "lajavaness", "orionweller", "mixedbread", "zeta-alpha-ai", "bytedance", "bytedance-seed",
              "octen", "geevec-ai", "kalm-embedding", "hit-tmg", "wisenut-nlp-team", "fremko", "silma-ai",
              "omarelshehy", "nomic", "ai-sage", "sionic-ai", "telepix", "cygnis", "rasa", "gte"}


@cache
def _case(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@cache
def _result(path: Path) -> dict[str, Any]:
    return rank_profile(parse_profile(_case(path)["profile"])).model_dump(mode="json")


@cache
def _raw_scores() -> dict[str, Any]:
    with gzip.open(SCORES_FILE, "rt", encoding="utf-8") as fh:
        return json.load(fh)


def _canonical(name: str) -> str:
    try:
        return default_catalog().get(name).name
    except UnknownModelError:
        return name


def _board(result: dict[str, Any]) -> str | None:
    evidence = result.get("evidence")
    if evidence:
        return evidence["board"]
    return result["benchmarks"][0]["name"] if result["benchmarks"] else None


def _language_figures(model: str, board: str, tasks: list[str], languages: list[str]) -> dict[str, float]:
    """Per language: the mean over the board's chosen tasks of the snapshot's figure for that language's subsets."""
    raw = _raw_scores()
    info = raw["benchmarks"][board]
    entry = raw["scores"].get(model, {}).get(board)
    out: dict[str, float] = {}
    if entry is None:
        return out
    for lang in languages:
        values = []
        for task in tasks:
            i = info["tasks"].index(task)
            langs = info["task_languages"][i]
            if lang not in langs:
                continue
            if len(langs) > 1:
                value = dict((j, v) for j, v in entry.get("L", {}).get(lang, [])).get(i)
            else:
                value = entry["s"][i]
            values.append(value)
        if values and all(v is not None for v in values):
            out[lang] = statistics.fmean(values)
    return out


def _ids(paths: list[Path]) -> list[str]:
    return [p.stem for p in paths]


def test_the_suite_is_big_and_varied():
    profiles = [_case(p)["profile"] for p in CASES]
    assert len(profiles) >= 30
    langs = {lang for p in profiles for lang in p.get("languages", ["en"])}
    assert {"ja", "ko", "zh", "de", "fr", "es", "pl", "ar", "ru"} <= langs
    domains = {p.get("domain", "general") for p in profiles}
    assert {"legal", "medical", "finance", "code", "ecommerce", "support", "scientific"} <= domains
    assert any(p.get("doc_length_tokens", 0) >= 4000 for p in profiles)
    assert any(p.get("deployment") == "api" for p in profiles)
    assert any(p.get("corpus_docs", 0) >= 1e9 for p in profiles)


@pytest.mark.parametrize("path", CASES, ids=_ids(CASES))
def test_consultation(path: Path):
    case = _case(path)
    expect = case["expect"]
    result = _result(path)
    recs = result["recommendations"]
    problems: list[str] = []
    assert recs, f"{path.stem}: empty short list"
    board = _board(result)
    evidence = result.get("evidence") or {}

    if board not in expect["board_any_of"]:
        problems.append(f"board {board!r}, expected one of {expect['board_any_of']}")
    if "subset_languages" in expect and sorted(evidence.get("languages") or []) != sorted(expect["subset_languages"]):
        problems.append(f"task subset languages {evidence.get('languages')}, expected {expect['subset_languages']}")

    # One board and one task subset for the whole short list; each model's coverage named.
    boards = {r["benchmark"] for r in recs if r["benchmark"]}
    if boards - {board}:
        problems.append(f"short list rests on several boards: {sorted(boards)} (consultation board {board})")
    per_rec = [r.get("evidence") for r in recs]
    if not all(per_rec):
        problems.append("recommendations carry no evidence entry (board, task subset, coverage)")
    else:
        totals = {e["tasks_total"] for e in per_rec if e["board"] == board}
        if len(totals) > 1:
            problems.append(f"different task subsets on one board: {totals}")
        groups = [e["group"] for e in per_rec]
        if groups != sorted(groups, key=lambda g: g != "proven"):
            problems.append(f"unproven models ranked above proven ones: {groups}")
        # Figures quoted are the snapshot's per-language subset figures over the consultation's task subset.
        for rec, ev in zip(recs, per_rec, strict=True):
            if ev["imputed"] or ev["score"] is None:
                continue
            model = default_catalog().get(rec["model"]).score_name
            expected = _language_figures(model, board, evidence["tasks"], evidence["languages"])
            for lang, value in ev["per_language"].items():
                if abs(expected.get(lang, -1) - value) > 1e-6:
                    problems.append(f"{rec['model']} {lang} figure {value} != snapshot {expected.get(lang)}")
            if expected and abs(statistics.fmean(expected.values()) - ev["score"]) > 1e-6:
                problems.append(f"{rec['model']} board figure {ev['score']} != mean of its language figures")

    if "first_min_coverage" in expect and per_rec[0]:
        ev = per_rec[0]
        if ev["tasks_scored"] < expect["first_min_coverage"] * ev["tasks_total"]:
            problems.append(f"#1 {recs[0]['model']} rests on {ev['tasks_scored']}/{ev['tasks_total']} tasks")
    if "kinds" in expect:
        bad = [r["model"] for r in recs if r["kind"] not in expect["kinds"]]
        if bad:
            problems.append(f"kinds {expect['kinds']} expected, got {bad}")
    if "top3_any_of" in expect:
        wanted = {_canonical(n) for n in expect["top3_any_of"]}
        top3 = [r["model"] for r in recs[:3]]
        if not wanted & set(top3):
            problems.append(f"none of the leaders {sorted(wanted)} in the top 3 {top3}")
    if expect.get("not_ruled_out_for_language"):
        screened = {c.card.name: c for c in score_candidates(parse_profile(case["profile"]))}
        for name in expect["not_ruled_out_for_language"]:
            cand = screened.get(_canonical(name))
            if cand is None:
                problems.append(f"{name} not even considered")
            elif any("language" in r.lower() for r in cand.rejections):
                problems.append(f"{name} ruled out for language: {cand.rejections}")
    if expect.get("long_documents"):
        long_board = (evidence.get("long_board") or {}).get("name")
        if long_board != "LongEmbed":
            problems.append(f"long documents but no LongEmbed factor (long board {long_board!r})")
    if expect.get("latency_neutral"):
        values = {r["factors"]["latency"]["value"] for r in recs}
        if values != {1.0}:
            problems.append(f"no latency target, yet latency factors {values} differ from neutral")
    for name, family in (expect.get("families") or {}).items():
        card = default_catalog().get(name)
        if card.family != family:
            problems.append(f"{name} labelled {card.family}, expected {family}")
    if expect.get("first_not_obscure"):
        first = recs[0]
        org = first["model"].split("/")[0].lower()
        known = [r for r in recs[1:] if r["model"].split("/")[0].lower() in KNOWN_ORGS and r["benchmark_score"]]
        if org not in KNOWN_ORGS and known and (first["benchmark_score"] or 0) - known[0]["benchmark_score"] < 0.01:
            problems.append(f"obscure {first['model']} is #1 without a margin over {known[0]['model']}")
    for rec in recs:  # model types labelled as what they are
        name = rec["model"].lower()
        if "colbert" in name and rec["family"] != "late-interaction":
            problems.append(f"{rec['model']} is a ColBERT model labelled {rec['family']}")
        if rec["family"] == "sparse" and "bm25" not in name and any("BM25" in r for r in rec["reasons"]):
            problems.append(f"learned sparse {rec['model']} written up as BM25")
    assert not problems, f"{path.stem}: " + "; ".join(problems)


MTEB_CASES = [p for p in CASES if _case(p)["expect"].get("check_mteb")]


@pytest.mark.slow
@pytest.mark.parametrize("path", MTEB_CASES, ids=_ids(MTEB_CASES))
def test_quoted_figures_equal_mteb(results_cache, path: Path):
    """Each per-language figure of the short list is mteb's own aggregation of that language's subsets."""
    import math

    import mteb
    from mteb.cache import ResultCache

    result = _result(path)
    evidence = result.get("evidence")
    assert evidence, f"{path.stem}: no evidence block"
    bench = mteb.get_benchmark(evidence["board"])
    tasks = [t for t in bench.tasks if t.metadata.name in set(evidence["tasks"])]
    recs = [r for r in result["recommendations"] if r["evidence"]["score"] is not None and not r["evidence"]["imputed"]]
    models = [default_catalog().get(r["model"]).score_name for r in recs]
    loaded = ResultCache(cache_path=results_cache).load_results(tasks=tasks, models=models, only_main_score=True,
                                                                validate_and_filter=True)
    from knowledge.languages import normalise_language

    checked = 0
    for rec, model in zip(recs, models, strict=True):
        task_results = {tr.task_name: tr for mr in loaded if mr.model_name == model for tr in mr.task_results}
        for lang, value in rec["evidence"]["per_language"].items():
            codes = sorted(normalise_language(lang).codes)
            values = []
            for task in tasks:
                task_codes = {tag.split("-")[0] for sub in task.hf_subsets
                              for tag in task.metadata.hf_subsets_to_langscripts.get(sub, [])}
                if not task_codes & set(codes):
                    continue
                langs = [c for c in codes if c in task_codes]
                values.append(task_results[task.metadata.name].get_score(languages=langs))
            expected = sum(values) / len(values)
            assert not math.isnan(expected)
            assert abs(expected - value) < 1e-6, (rec["model"], lang, expected, value)
            checked += 1
    assert checked >= 1
