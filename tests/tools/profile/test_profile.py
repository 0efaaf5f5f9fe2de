from __future__ import annotations

import pytest

from knowledge.errors import ProfileError
from tools.profile.schema import DEFAULTS, DEPLOYMENT_FIELDS, load_profile_file, parse_profile


def test_defaults_are_reported_by_name():
    profile = parse_profile({"id": "p", "languages": ["Chinese"], "corpus_docs": 5})
    assert profile.languages == ["zho"]
    assumed = profile.assumed_defaults
    assert "languages" not in assumed and "corpus_docs" not in assumed
    # issue 15's deployment limits are reported in the answer's ``limits`` (with what was assumed), not here
    assert set(assumed) == set(DEFAULTS) - {"languages", "corpus_docs"} - set(DEPLOYMENT_FIELDS)
    assert assumed["budget_usd_month"] == "no budget limit"


def test_default_language_is_normalised_like_a_given_one():
    # The load test found it: with no language given, "en" stayed un-normalised and every model was ruled out.
    from tools.rank.shortlist import recommend

    assert parse_profile({}).languages == parse_profile({"languages": ["English"]}).languages == ["eng"]
    assert "languages" in parse_profile({}).assumed_defaults
    assert recommend({"domain": "code", "deployment": "self_hosted"})["recommendations"]


def test_full_example_profile_loads(tmp_path):
    profile = load_profile_file(__import__("pathlib").Path("examples/legal-zh.yaml"))
    assert profile.languages == ["zho", "eng"] and profile.hardware.vram_gb == 16
    assert profile.assumed_defaults == {}


def test_known_accelerator_fills_vram():
    assert parse_profile({"hardware": {"accelerator": "A100 80GB"}}).hardware.vram_gb == 80


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"colour": "blue"}, "colour"),
        ({"corpus_docs": -1}, "corpus_docs"),
        ({"doc_length_tokens": 0}, "doc_length_tokens"),
        ({"queries_per_month": 10**15}, "queries_per_month"),
        ({"languages": ["Klingon"]}, "languages"),
        ({"languages": []}, "languages"),
        ({"budget_usd_month": -3}, "budget_usd_month"),
        ({"deployment": "cloud"}, "deployment"),
        ({"license": "gpl"}, "license"),
        ({"priorities": ["speed"]}, "priorities"),
        ({"priorities": ["cost", "cost"]}, "priorities"),
        ({"top_k": 0}, "top_k"),
        ({"hardware": {"accelerator": "Voodoo 5"}}, "hardware"),
        ({"hardware": {"vram": 16}}, "hardware.vram"),
        ({"hardware": {"ram_gb": -1}}, "hardware.ram_gb"),
        ({"corpus_docs": "many"}, "corpus_docs"),
        ({"id": "x" * 500}, "id"),
    ],
)
def test_bad_values_are_rejected_naming_the_field(data, field):
    with pytest.raises(ProfileError) as err:
        parse_profile(data)
    assert field in err.value.problems, err.value.problems
    assert field in str(err.value)


def test_unknown_accelerator_with_vram_is_accepted():
    profile = parse_profile({"hardware": {"accelerator": "Radeon Instinct MI300X", "vram_gb": 192}})
    assert profile.hardware.vram_gb == 192


def test_not_a_mapping():
    with pytest.raises(ProfileError, match="expected a mapping"):
        parse_profile(["a", "list"])
