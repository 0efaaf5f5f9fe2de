"""The probes on the bundled MiniLM and the static model: the numbers follow from how each model works.

MiniLM is a 6-layer transformer trained on English; the static model is a mean of MiniLM-derived token vectors (no
word order, no context). The expected values were measured here; margins allow for torch's float noise and a busy CPU.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tools.encoders.models import Encoder, load_minilm, load_static
from tools.probes.tokenization import detect_language, tokenization_report, tokenizer_stats
from tools.probes.vector_probes import alignment_probe, consistency_probe, probe_consistency, robustness_probe

BENCHMARKS = Path(__file__).resolve().parents[3] / "knowledge" / "benchmarks"
LANGS = ("zho", "spa", "deu", "fra", "jpn")


@pytest.fixture(scope="session")
def shared_data_dir(shared_models) -> Path:
    """The data dir of the session's distilled models (tests/conftest.py), so the static model is distilled once."""
    return shared_models.parent


@pytest.fixture(scope="session")
def static(shared_data_dir) -> Encoder:
    return load_static(shared_data_dir / "models")


@pytest.fixture(scope="module")
def minilm() -> Encoder:
    return load_minilm()


@pytest.fixture(scope="module")
def alignment(minilm, static) -> dict[str, dict]:
    return {"minilm": alignment_probe(minilm), "static": alignment_probe(static)}


@pytest.fixture(scope="module")
def robustness(minilm, static) -> dict[str, dict]:
    return {"minilm": robustness_probe(minilm), "static": robustness_probe(static)}


def _both_ways(result: dict, lang: str, level: str = "sentences") -> float:
    entry = result[level]["languages"][lang]
    return (entry["acc_at_1_eng_to_xx"] + entry["acc_at_1_xx_to_eng"]) / 2


@pytest.mark.slow
def test_minilm_aligns_chinese_and_english_poorly(alignment):
    minilm = alignment["minilm"]
    zho = minilm["sentences"]["languages"]["zho"]
    # measured: true pairs 0.110 vs random 0.046, accuracy@1 0.169 eng->zho, 0.046 zho->eng
    assert zho["true_pair_cosine"] == pytest.approx(0.110, abs=0.01)
    assert zho["random_pair_cosine"] == pytest.approx(0.046, abs=0.01)
    assert zho["gap"] < 0.1
    assert _both_ways(minilm, "zho") == pytest.approx(0.108, abs=0.03)
    # its Latin-script neighbours share subwords with English and fare better, though still far from aligned
    assert _both_ways(minilm, "fra") == pytest.approx(0.415, abs=0.04)
    assert min(_both_ways(minilm, lang) for lang in ("spa", "deu", "fra")) > _both_ways(minilm, "zho") + 0.15
    # the README's reference run (words): eng-zho 0.226 vs 0.176, eng-spa 0.326 vs 0.220
    words = minilm["words"]["languages"]
    assert (words["zho"]["true_pair_cosine"], words["zho"]["random_pair_cosine"]) == pytest.approx((0.226, 0.176),
                                                                                                   abs=0.005)
    assert (words["spa"]["true_pair_cosine"], words["spa"]["random_pair_cosine"]) == pytest.approx((0.326, 0.220),
                                                                                                   abs=0.005)
    assert "poorly aligned: zho" in minilm["reading"]


@pytest.mark.slow
def test_static_model_aligns_no_language(alignment):
    static = alignment["static"]
    # measured: sentence accuracy@1 both ways zho 0.065, spa 0.100, deu 0.088, fra 0.242, jpn 0.023
    assert _both_ways(static, "zho") == pytest.approx(0.065, abs=0.01)
    assert _both_ways(static, "jpn") == pytest.approx(0.023, abs=0.01)
    assert max(_both_ways(static, lang) for lang in LANGS) < 0.3
    for lang in LANGS:  # averaged token vectors inherit a little of MiniLM's signal, never more
        assert _both_ways(static, lang) <= _both_ways(alignment["minilm"], lang) + 0.01
        assert static["words"]["languages"][lang]["gap"] > 0


@pytest.mark.slow
def test_static_model_cannot_tell_dog_bites_man_from_man_bites_dog(robustness, minilm, static):
    a, b = static.encode(["The dog bit the man.", "The man bit the dog."], kind="query")
    assert float(a @ b) == pytest.approx(1.0, abs=1e-5)
    a, b = minilm.encode(["The dog bit the man.", "The man bit the dog."], kind="query")
    assert float(a @ b) == pytest.approx(0.978, abs=0.005)  # measured 0.9778: close, but not the same

    role_static = robustness["static"]["controls_by_change"]["role_reversal"]
    role_minilm = robustness["minilm"]["controls_by_change"]["role_reversal"]
    assert role_static["n"] == 13 and role_static["min_cosine"] >= 0.9999
    assert role_static["share_top10_changed"] == 0.0  # same bag of tokens, same neighbours
    assert role_minilm["mean_cosine"] == pytest.approx(0.9865, abs=0.003)
    assert role_minilm["min_cosine"] < 0.975 and role_minilm["share_top10_changed"] > 0.5
    assert "cannot tell who did what to whom" in robustness["static"]["reading"]
    assert "sees role reversals" in robustness["minilm"]["reading"]
    # harmless word-order moves: identical for the static model, nearly so for MiniLM
    assert robustness["static"]["preserving_by_kind"]["word_order"]["min_cosine"] >= 0.9999
    assert robustness["minilm"]["preserving_by_kind"]["word_order"]["mean_cosine"] == pytest.approx(0.978, abs=0.005)


@pytest.mark.slow
def test_robustness_numbers_and_flags(robustness):
    for name in ("minilm", "static"):
        kinds = robustness[name]["preserving_by_kind"]
        # both tokenizers lowercase and split on whitespace: casing and spacing cannot move the vector
        assert kinds["casing"]["min_cosine"] >= 0.9999 and kinds["whitespace"]["min_cosine"] >= 0.9999
        assert kinds["typo"]["mean_cosine"] < 0.75  # WordPiece splits misspelt words into unrelated pieces
        assert robustness[name]["large_swings"] and robustness[name]["large_swings"][0]["kind"] == "typo"
    minilm, static = robustness["minilm"], robustness["static"]
    # measured: preserving 0.884 vs controls 0.918 (MiniLM), 0.870 vs 0.962 (static)
    assert minilm["preserving"]["mean_cosine"] == pytest.approx(0.884, abs=0.005)
    assert minilm["controls"]["mean_cosine"] == pytest.approx(0.918, abs=0.005)
    assert static["controls"]["mean_cosine"] == pytest.approx(0.962, abs=0.005)
    # negation moves MiniLM (0.836) much more than the static model (0.955)
    assert minilm["controls_by_change"]["polarity"]["mean_cosine"] == pytest.approx(0.836, abs=0.01)
    assert static["controls_by_change"]["polarity"]["mean_cosine"] > minilm["controls_by_change"]["polarity"][
        "mean_cosine"] + 0.08
    # controls that did not move: 11 for MiniLM (direction swaps, some role reversals), 18 for the static model
    assert minilm["controls"]["n_stuck"] == pytest.approx(11, abs=1)
    assert static["controls"]["n_stuck"] == pytest.approx(18, abs=1)
    assert static["controls"]["share_above_preserving_median"] > minilm["controls"]["share_above_preserving_median"]


@pytest.mark.slow
def test_consistency_intrusion_rates(minilm, static):
    minilm_out, static_out = consistency_probe(minilm), consistency_probe(static)
    # the README's reference run: 0.254 overall; polysemy 0.472, word 0.028, sentence 0.000
    assert minilm_out["intrusion_rate"] == pytest.approx(0.254, abs=0.01)
    assert minilm_out["intrusion_rate_by_kind"] == pytest.approx({"polysemy": 0.472, "sentence": 0.0, "word": 0.028},
                                                                 abs=0.01)
    # without context a static vector of "bank" is both banks: polysemy intruders get in more often (0.653)
    assert static_out["intrusion_rate_by_kind"]["polysemy"] == pytest.approx(0.653, abs=0.02)
    assert static_out["intrusion_rate_by_kind"]["polysemy"] > minilm_out["intrusion_rate_by_kind"]["polysemy"] + 0.1
    assert static_out["intrusion_rate_by_kind"]["sentence"] == 0.0
    assert len(minilm_out["worst_sets"]) <= 8 and minilm_out["worst_sets"][0]["kind"] == "polysemy"


def _corpus(name: str) -> tuple[list[str], list[str]]:
    rows = [json.loads(line) for line in (BENCHMARKS / name / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    docs = [f"{r['title']}\n{r['text']}" for r in rows]
    return docs, [detect_language(d) for d in docs]


@pytest.mark.slow
def test_tokenization_on_six_languages(minilm, static):
    docs, langs = _corpus("ea-crosslingual")
    assert sorted(set(langs)) == ["deu", "eng", "fra", "jpn", "spa", "zho"] and langs.count("zho") == 17
    row = tokenizer_stats(minilm, docs, langs)
    assert (row["family"], row["vocab_size"], row["context_window"]) == ("WordPiece", 30522, 256)
    by = row["by_language"]
    # measured fertility: eng 1.24, fra 1.85, spa 1.95, deu 2.47 tokens a word; zho 1.91 a (jieba) word
    assert by["eng"]["tokens_per_unit"] == pytest.approx(1.241, abs=0.01)
    assert by["deu"]["tokens_per_unit"] == pytest.approx(2.467, abs=0.01)
    assert by["eng"]["tokens_per_unit"] < by["fra"]["tokens_per_unit"] < by["spa"]["tokens_per_unit"]
    # an English vocabulary: two thirds of the Chinese tokens are [UNK], a quarter of the Japanese ones
    assert by["zho"]["unknown_rate"] == pytest.approx(0.669, abs=0.01)
    assert by["jpn"]["unknown_rate"] == pytest.approx(0.259, abs=0.01)
    assert by["eng"]["unknown_rate"] == 0.0
    static_row = tokenizer_stats(static, docs, langs)
    assert static_row["family"] == "WordPiece" and static_row["vocab_size"] == 29525  # MiniLM's, pruned
    assert static_row["by_language"]["zho"]["tokens_per_unit"] == by["zho"]["tokens_per_unit"]


@pytest.mark.slow
def test_long_documents_overflow_minilm_but_not_the_static_model(minilm, static):
    docs, langs = _corpus("ea-long-docs")
    row = tokenizer_stats(minilm, docs, langs)
    assert row["share_docs_over_window"] == 1.0  # 2,656-4,088 tokens each against a 256-token window
    assert row["tokens_per_doc_mean"] == pytest.approx(3029, rel=0.02)  # task.yaml: 3020 (+ titles)
    static_row = tokenizer_stats(static, docs, langs)
    assert static_row["context_window"] is None and static_row["share_docs_over_window"] == 0.0
    assert "no context limit" in static_row["window_note"]


def test_language_detection_on_the_bundled_corpora():
    for name, expected in (("ea-general-en", "eng"), ("ea-legal-en", "eng"), ("ea-general-zh", "zho")):
        _, langs = _corpus(name)
        assert set(langs) == {expected}, name
    assert detect_language("これは日本語の文です。漢字も使います。") == "jpn"
    assert detect_language("Der Hund schläft, und die Katze ist nicht zu Hause.") == "deu"
    assert detect_language("12345 ---") == "latn"


def test_api_model_tokenization_is_the_provider_tokenizer_or_a_labelled_estimate():
    out = tokenization_report(["openai:text-embedding-3-small"], BENCHMARKS / "ea-general-zh")
    row = out["models"][0]
    assert out["docs_sampled"] == 96 and out["languages"] == {"zho": 96}
    assert row["source"].startswith(("ESTIMATE", "provider tokenizer (cl100k_base"))
    assert row["family"] == "byte-BPE" and row["context_window"] == 8192
    assert row["share_docs_over_window"] == 0.0 and row["unknown_token_rate"] == 0.0
    if row["source"].startswith("ESTIMATE"):
        assert row["reading"].startswith("openai/text-embedding-3-small: estimate:")
        # 98-153 characters a passage, one token a character in the estimate
        assert 100 <= row["tokens_per_doc_median"] <= 170


@pytest.mark.slow
def test_probe_tool_and_command(shared_data_dir, monkeypatch):
    import typer
    from typer.testing import CliRunner

    from ui.cli.quick import probe_cmd

    out = probe_consistency(["static"], data_dir=shared_data_dir)
    assert [m["model"] for m in out["models"]] == ["embedding-advisor/minilm-static-256"]
    assert out["models"][0]["intrusion_rate"] == pytest.approx(0.370, abs=0.02)
    assert (shared_data_dir / "cache" / "embeddings.sqlite").exists()

    app = typer.Typer()
    app.command("probe")(probe_cmd)
    app.command("other")(lambda: None)
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(shared_data_dir))
    runner = CliRunner()
    result = runner.invoke(app, ["probe", "robustness", "--models", "static", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["models"][0]["controls"]["n_stuck"] == pytest.approx(18, abs=1)
    table = runner.invoke(app, ["probe", "consistency", "--models", "static"])
    assert table.exit_code == 0 and "intrusion rate" in table.stdout
    assert runner.invoke(app, ["probe", "tokenization", "--models", "static"]).exit_code == 2
    bad = runner.invoke(app, ["probe", "vibes"])
    assert bad.exit_code == 2 and "alignment" in bad.output
