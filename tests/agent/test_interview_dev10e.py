"""Hardware, deployment and data rules as users state them, in every lexicon language (dev10e, issue 17).

Classes (see the header of tests/agent/data/dev10e_messages.yaml): cloud instance names read as their card
(``knowledge/data/cloud_instances.yaml``), multi-GPU boxes, Apple machines, CPU-only servers (sockets, vCPU, cores in
every language), owned vs rented vs "could rent", cards another team has, past cards, hardware not said, deployment
(API preferred, self-hosted, either) and data rules (GDPR/national residency, no external API, air-gapped; public
data, nothing sensitive, a BAA that covers the API; words that state no rule).
Before the seventh session's fixes (092a24b): 312/381 fields right (81.9%), 25 silent wrong fills (the first batch
of 225 messages: 179/219, 13 silent).
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent.understanding_hardware import find_accelerators, hardware_mentions
from knowledge.errors import KnowledgeDataError
from knowledge.hardware import load_cloud_instances, load_hardware

DEV10E = accuracy.load_cases(accuracy.DATA / "dev10e_messages.yaml")
LANGUAGES = ("en", "zh", "ja", "ko", "de", "fr", "es", "pt", "it", "nl", "pl", "sv", "tr", "ru", "uk", "hi", "ar", "vi",
             "id")


def test_the_hardware_and_rules_set_holds_up() -> None:
    assert len(DEV10E) >= 180
    assert len({c["id"] for c in DEV10E}) == len(DEV10E)
    languages = [c["id"].split("-")[1] for c in DEV10E]
    assert all(languages.count(lang) >= 10 for lang in LANGUAGES), {lang: languages.count(lang) for lang in LANGUAGES}
    result = accuracy.score(DEV10E)
    # the one miss left is a side question's routing, not a field: "how would bge-m3 do on an H100 vs an L4?" goes to
    # the model's card, not the fit (hardware_fit's English cues are "fit", "run on", "enough VRAM")
    known = {"d10e-en-58"}
    missed = {o.case["id"] for o in result["outcomes"] if o.problems or o.silent}
    assert missed <= known, sorted(missed - known)
    assert result["silent_wrong_fills"] == 0
    assert result["accuracy"] == 1.0, f"{result['accuracy']:.1%}"
    assert result["side_questions_routed"] >= result["side_questions"] - len(known)


@pytest.mark.parametrize(("text", "card"), [
    ("a standard_nc6s_v3 on azure", "V100-16GB"),
    ("we'd rent a p3.2xlarge", "V100-16GB"),
    ("p3dn.24xlarge", "V100-32GB"),
    ("standard_nd96amsr_a100_v4", "A100-80GB"),
    ("standard_nd96asr_v4", "A100-40GB"),
    ("vm.gpu.a10.1 on oci", "A10"),
    ("ecs.gn7i-c8g1.2xlarge", "A10"),
    ("ecs.gn6i-c4g1.xlarge", "T4"),
    ("a gex130 at hetzner", "RTX 6000 Ada"),
    ("ml.g5.xlarge endpoint", "A10G"),
])
def test_an_instance_type_is_its_card_rented(text: str, card: str) -> None:
    named = find_accelerators(text)
    assert [(name, rentable) for _, name, _, rentable in named] == [(card, True)]
    hw, _ = hardware_mentions(text)
    assert hw["accelerator"] == card and hw["owned"] is False


def test_every_instance_family_names_a_card_of_the_table() -> None:
    table = load_hardware()
    for instance in load_cloud_instances().instances:
        assert table.find(instance.card).name == instance.card, instance.family


def test_an_instance_file_with_an_unknown_card_is_refused_naming_it(tmp_path) -> None:  # noqa: ANN001
    bad = tmp_path / "instances.yaml"
    bad.write_text("instances:\n  - {family: 'gx9', card: Z999, provider: Nowhere, source: 'https://example.com'}\n",
                   encoding="utf-8")
    with pytest.raises(KnowledgeDataError, match="Z999"):
        load_cloud_instances(bad)


@pytest.mark.parametrize(("text", "card"), [
    ("we used to have a v100 but it died, now it's an l40s", "L40S"),
    ("以前用的是 t4，现在是 l4", "L4"),
])
def test_a_past_card_gives_way_to_the_present_one(text: str, card: str) -> None:
    assert hardware_mentions(text)[0]["accelerator"] == card
