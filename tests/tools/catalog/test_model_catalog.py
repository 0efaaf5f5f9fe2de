from __future__ import annotations

import pytest

from knowledge.errors import InvalidFilterError, UnknownBenchmarkError, UnknownModelError
from tools.catalog.lookup import compare_models, parse_count, search_models, show_model


def test_language_filter_keeps_models_that_list_the_language_or_have_scores_in_it(catalog, scores):
    result = search_models(language="zh", limit=200)
    assert result["matched"] > 20
    for row in result["models"]:
        card = catalog.get(row["name"])
        codes = card.language_codes
        assert codes & {"zho", "cmn", "yue", "wuu"} or "multilingual" in codes or (
            "zho" in scores.proven_languages(card.score_name))
    assert result["benchmark"] == "MTEB(cmn, v1)"


def test_size_context_and_kind_filters(catalog):
    result = search_models(max_params="600M", min_context=8192, kind="open", limit=200)
    assert result["models"]
    for row in result["models"]:
        assert row["kind"] == "open"
        assert row["n_parameters"] is None or row["n_parameters"] <= 600_000_000
        assert row["max_tokens"] >= 8192


def test_api_filter_sorted_by_price():
    rows = search_models(kind="api", sort="price", limit=200)["models"]
    prices = [r["price_usd_per_1m_tokens"] for r in rows if r["price_usd_per_1m_tokens"] is not None]
    assert len(prices) >= 18 and prices == sorted(prices)
    assert all(r["kind"] == "api" for r in rows)


def test_sort_by_size_and_by_score():
    by_size = [r["n_parameters"] for r in search_models(kind="open", sort="size", limit=50)["models"]]
    assert by_size == sorted(by_size)
    by_score = [r["score"] for r in search_models(benchmark="MTEB(Law, v1)", limit=50)["models"]]
    assert by_score == sorted(by_score, reverse=True) and by_score[0] > 0.5


def test_commercial_licence_filter(catalog):
    for row in search_models(license="commercial", limit=200)["models"]:
        assert catalog.get(row["name"]).commercial_use is True


def test_domain_filter_uses_the_domain_benchmark():
    result = search_models(domain="legal", limit=10)
    assert result["benchmark"] == "MTEB(Law, v1)"
    assert all(r["score"] is not None for r in result["models"])


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"sort": "speed"}, "sort"), ({"kind": "closed"}, "kind"), ({"max_params": "lots"}, "max_params"),
     ({"max_params": "-5M"}, "max_params"), ({"limit": 0}, "limit"), ({"domain": "astrology"}, "domain"),
     ({"language": "Klingon"}, "language"), ({"license": "gpl-only"}, "license"), ({"min_context": -1}, "min_context")],
)
def test_invalid_filters_name_the_field_and_alternatives(kwargs, field):
    with pytest.raises(InvalidFilterError) as err:
        search_models(**kwargs)
    assert err.value.field == field
    assert "allowed" in str(err.value)


def test_unknown_benchmark_is_reported():
    with pytest.raises(UnknownBenchmarkError):
        search_models(benchmark="MTEB(Astrology, v1)")


@pytest.mark.parametrize(("text", "value"), [("600M", 600_000_000), ("1.5B", 1_500_000_000), ("8k", 8000),
                                             ("7e9", 7_000_000_000), (1000, 1000)])
def test_parse_count(text, value):
    assert parse_count(text, "max_params") == value


def test_show_bge_m3_gives_facts_with_sources_and_multilingual_retrieval():
    card = show_model("BAAI/bge-m3")
    facts = {f["field"]: f for f in card["facts"]}
    assert facts["max_tokens"]["value"] == 8192
    assert facts["embed_dim"]["value"] == 1024
    assert facts["license"]["value"] == "mit"
    assert all(f["source"] for f in card["facts"])
    multi = next(s for s in card["scores"] if s["benchmark"] == "MTEB(Multilingual, v2)")
    assert multi["retrieval_mean"] is not None and multi["retrieval_tasks"] == "18/18"
    assert card["scores"][0]["benchmark"] in ("MTEB(eng, v2)", "MTEB(Multilingual, v2)")


def test_show_unknown_model_suggests():
    with pytest.raises(UnknownModelError) as err:
        show_model("bge-m4")
    assert "BAAI/bge-m3" in err.value.suggestions


def test_compare_lines_up_facts_and_shared_benchmarks():
    result = compare_models(["BAAI/bge-m3", "intfloat/multilingual-e5-large", "openai/text-embedding-3-large"])
    fields = {r["field"]: r["values"] for r in result["facts"]}
    assert fields["embed_dim"] == [1024, 1024, 3072]
    assert fields["kind"] == ["open", "open", "api"]
    benches = [r["benchmark"] for r in result["scores"]]
    assert "MTEB(Multilingual, v2)" in benches
    with pytest.raises(InvalidFilterError):
        compare_models(["BAAI/bge-m3"])


def test_well_covered_scores_rank_before_partial_ones():
    rows = search_models(benchmark="LongEmbed", limit=200)["models"]
    covered = [r["tasks_scored"] * 2 >= r["tasks_total"] for r in rows if r["score"] is not None]
    assert covered == sorted(covered, reverse=True)
    assert sum(covered) > 10 and not all(covered)


def test_an_api_serving_open_weights_shares_their_scores(catalog):
    api = catalog.get("jina-embeddings-v3-api")
    open_model = catalog.get("jina-embeddings-v3")
    assert (api.kind, open_model.kind) == ("api", "open")
    assert api.score_name == open_model.name and api.license == "proprietary"
    assert open_model.license == "cc-by-nc-4.0" and open_model.commercial_use is False
    assert show_model(api.name)["scores"] == show_model(open_model.name)["scores"]
