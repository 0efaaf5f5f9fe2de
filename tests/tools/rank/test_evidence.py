from __future__ import annotations

import statistics

import pytest

from knowledge.catalog import default_catalog
from knowledge.maturity import known_organisations
from tools.profile.schema import parse_profile
from tools.rank.evidence import PROVEN_COVERAGE, board_table, evidence_base
from tools.rank.language_evidence import language_verdict
from tools.rank.shortlist import candidate_pool, profile_evidence, rank_profile, score_candidates


@pytest.mark.parametrize(
    ("domain", "languages", "board", "subset"),
    [("general", ("jpn",), ("JMTEB(v2)", "MTEB(jpn, v1)"), ("jpn",)),
     ("support", ("jpn",), ("JMTEB(v2)", "MTEB(jpn, v1)"), ("jpn",)),
     ("ecommerce", ("kor",), ("MTEB(kor, v2)", "MTEB(kor, v1)"), ("kor",)),
     ("legal", ("pol",), ("MTEB(Multilingual, v2)", "MTEB(Europe, v1)"), ("pol",)),
     ("general", ("ara",), ("MTEB(Multilingual, v2)",), ("ara",)),
     ("general", ("zho", "eng"), ("MTEB(Multilingual, v2)",), ("zho", "eng")),
     ("finance", ("eng",), ("RTEB(fin, beta)",), ("eng",)),
     ("legal", ("eng",), ("MTEB(Law, v1)",), ("eng",)),
     ("general", ("eng",), ("MTEB(eng, v2)",), ("eng",))],
)
def test_board_is_chosen_language_first(domain, languages, board, subset):
    evidence = evidence_base(domain, languages, 500)
    assert evidence.primary.name in board
    assert evidence.primary.languages == subset
    assert evidence.long is None


def test_domain_board_is_a_separate_factor_in_the_users_language():
    evidence = evidence_base("legal", ("zho",), 500)
    assert evidence.primary.name == "MTEB(cmn, v1)"
    assert evidence.domain is not None and evidence.domain.name == "MTEB(Law, v1)"
    assert evidence.domain.languages == ("zho",)


def test_long_documents_bring_longembed_as_its_own_factor():
    evidence = evidence_base("general", ("eng",), 8000)
    assert evidence.long is not None and evidence.long.name == "LongEmbed"
    result = rank_profile(parse_profile({"id": "long", "doc_length_tokens": 8000}))
    assert result.evidence["long_board"]["name"] == "LongEmbed"
    assert all("LongEmbed" in r.factors["long_context"].evidence or "unproven" in r.factors["long_context"].evidence
               for r in result.recommendations)


def test_every_candidate_is_measured_on_the_same_pairs():
    board = evidence_base("general", ("deu", "eng"), 500).primary
    table = board_table(board)
    assert table.complete >= 20
    for fig in table.figures.values():
        assert fig.total == len(board.pairs)
        if not fig.imputed and fig.score is not None:
            assert fig.scored == fig.total
            assert abs(statistics.fmean(fig.per_language.values()) - fig.score) < 1e-9
        if fig.imputed:
            assert fig.uncertainty is not None and fig.uncertainty > 0
            assert fig.scored >= PROVEN_COVERAGE * fig.total


def test_real_gaps_are_not_squashed():
    board = evidence_base("finance", ("eng",), 500).primary
    table = board_table(board)
    large, lite = table.figure("voyageai/voyage-4-large"), table.figure("voyageai/voyage-4-lite")
    gap = table.value(large) - table.value(lite)
    expected = (large.score - lite.score) / (table.high - table.low)
    assert gap == pytest.approx(expected, abs=2e-4)


def test_language_support_is_evidence_not_a_gate():
    catalog = default_catalog()
    for name in ("BAAI/bge-m3", "google/embeddinggemma-300m"):
        verdict = language_verdict(catalog.get(name), ("pol", "por", "nld", "ara", "ita", "vie", "tur"))
        assert not verdict.ruled_out, verdict
    # Published Korean scores prove an English model was measured there (its figure then shows how well)...
    assert language_verdict(catalog.get("BAAI/bge-large-en-v1.5"), ("kor",)).proven == ("kor",)
    # ...while an English-only list, an English-centred tokenizer and no score rule it out, saying so.
    english = catalog.get("BAAI/bge-large-en-v1.5").model_copy(update={"name": "someone/english-only-v1"})
    verdict = language_verdict(english, ("kor",))
    assert verdict.ruled_out and "English-centred" in verdict.ruled_out[0][1] and "no published score" in (
        verdict.ruled_out[0][1])


def test_pool_is_drawn_from_the_board_and_reaches_small_models():
    profile = parse_profile({"id": "edge", "hardware": {"accelerator": "none", "ram_gb": 4, "cpu_cores": 4},
                             "latency_p95_ms": 20})
    names = {c.name for c in candidate_pool(profile_evidence(profile))}
    assert {"Snowflake/snowflake-arctic-embed-xs", "Snowflake/snowflake-arctic-embed-s"} & names


def test_unproven_models_rank_after_proven_ones():
    profile = parse_profile({"id": "api", "deployment": "api", "languages": ["ko"], "top_k": 20})
    result = rank_profile(profile)
    groups = [r.evidence["group"] for r in result.recommendations]
    assert groups == sorted(groups, key=lambda g: g != "proven")
    assert "unproven here" in groups or len(groups) < 20


def test_no_latency_target_means_latency_is_not_a_factor():
    profile = parse_profile({"id": "h100", "hardware": {"accelerator": "H100-SXM-80GB"}, "languages": ["de"],
                             "domain": "finance"})
    values = {c.factors["latency"].value for c in score_candidates(profile) if not c.rejections}
    assert values == {1.0}


def test_obscure_models_carry_a_maturity_caveat():
    profile = parse_profile({"id": "any", "license": "any", "top_k": 20,
                             "hardware": {"accelerator": "A100-80GB"}})
    obscure = [c for c in score_candidates(profile) if not c.rejections and c.factors["maturity"].value < 1]
    assert obscure
    for cand in obscure:
        assert "obscure" in cand.factors["maturity"].evidence
        assert cand.card.name.split("/")[0].lower() not in known_organisations()
