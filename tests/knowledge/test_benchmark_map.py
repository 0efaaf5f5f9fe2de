from __future__ import annotations

import pytest

from knowledge.benchmark_map import load_map, match_benchmarks
from knowledge.errors import InvalidFilterError


@pytest.mark.parametrize(
    ("domain", "languages", "length", "first"),
    [
        ("legal", ["en"], None, "MTEB(Law, v1)"),
        ("medical", ["English"], None, "MTEB(Medical, v1)"),
        ("code", None, None, "MTEB(Code, v1)"),
        ("general", ["zh"], None, "MTEB(cmn, v1)"),
        ("general", ["中文"], None, "MTEB(cmn, v1)"),
        ("general", ["ja"], None, "JMTEB(v2)"),
        ("general", ["de"], None, "MTEB(deu, v1)"),
        ("general", ["zh", "en"], None, "MTEB(Multilingual, v2)"),
        ("general", ["de", "fr"], None, "MTEB(Multilingual, v2)"),
        ("general", ["en"], 6000, "MTEB(eng, v2)"),
        ("general", ["en"], None, "MTEB(eng, v2)"),
        ("general", ["sw"], None, "MTEB(Multilingual, v2)"),
    ],
)
def test_profile_maps_to_benchmark(domain, languages, length, first):
    assert match_benchmarks(domain, languages, length)[0].name == first


def test_long_documents_bring_longembed_and_language_comes_first():
    names = [m.name for m in match_benchmarks("legal", ["zh", "en"], 6000)]
    assert names[0] == "MTEB(Multilingual, v2)"  # issue 14: language first, the (mostly English) domain board after
    assert "MTEB(Law, v1)" in names and "LongEmbed" in names
    assert names.index("MTEB(Law, v1)") < names.index("LongEmbed")
    assert match_benchmarks("legal", ["ja"])[0].name == "JMTEB(v2)"
    assert match_benchmarks("legal", ["en"])[0].name == "MTEB(Law, v1)"


@pytest.mark.parametrize("domain", ["support", "ecommerce", "scientific"])
def test_domains_without_a_board_do_not_pull_english_boards_into_other_languages(domain):
    assert match_benchmarks(domain, ["ko"])[0].name == "MTEB(kor, v2)"


def test_european_benchmark_only_for_european_languages():
    assert "MTEB(Europe, v1)" in [m.name for m in match_benchmarks("general", ["de", "fr"])]
    assert "MTEB(Europe, v1)" not in [m.name for m in match_benchmarks("general", ["zh", "en"])]


def test_every_mapped_benchmark_has_published_scores(scores):
    missing = load_map().all_benchmarks() - set(scores.benchmarks)
    assert not missing


def test_unknown_language_names_the_field():
    with pytest.raises(InvalidFilterError, match="languages"):
        match_benchmarks("general", ["Klingon"])
