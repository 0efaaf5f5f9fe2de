from __future__ import annotations

import pytest

from knowledge.licences import classify_licence


@pytest.mark.parametrize(
    ("given", "verdict", "commercial"),
    [("apache-2.0", "permissive", True), ("MIT", "permissive", True), ("cc-by-4.0", "permissive", True),
     ("gemma", "terms", True), ("https://ai.google.dev/gemma/terms", "terms", True),
     ("llama3.1", "terms", True), ("openmdw-1.1", "permissive", True),
     ("https://huggingface.co/spaces/bigscience/license", "terms", True),
     ("cc-by-nc-4.0", "non-commercial", False), ("cc-by-nc-sa-4.0", "non-commercial", False),
     ("proprietary", "hosted", True),
     ("https://huggingface.co/sbintuitions/sarashina-embedding-v2-1b/blob/main/LICENSE", "unknown", None),
     (None, "unknown", None), ("not specified", "unknown", None), ("some-odd-licence", "unknown", None)],
)
def test_one_classifier_for_every_licence_form(given, verdict, commercial):
    licence = classify_licence(given)
    assert licence.verdict == verdict
    assert licence.commercial_use is commercial
    assert licence.source


def test_gemma_terms_are_read_the_same_for_every_gemma_model(catalog):
    gemma = [c for c in catalog if "gemma" in (c.license or "").lower()]
    assert {"google/embeddinggemma-300m", "BAAI/bge-multilingual-gemma2"} <= {c.name for c in gemma}
    assert {c.licence.verdict for c in gemma} == {"terms"}
    assert all(c.commercial_use is True for c in gemma)


def test_unknown_licences_carry_a_caveat_never_silence():
    licence = classify_licence(None)
    assert licence.caveat and "check the licence" in licence.caveat
    assert classify_licence("apache-2.0").caveat is None
