from __future__ import annotations

import pytest

from knowledge.curated import ApiModelsFile, OpenModelsFile, load_yaml
from knowledge.errors import KnowledgeDataError

GOOD_OPEN = """
models:
  - name: BAAI/bge-m3
    source: https://huggingface.co/BAAI/bge-m3
    checked_on: 2026-11-24
    tokenizer_family: SentencePiece-Unigram
    vocab_size: 250002
    domains: [general]
    output_types: [dense, sparse]
    architecture: encoder
    query_prefix: {value: "", source: "https://huggingface.co/BAAI/bge-m3#usage", note: none needed}
"""


def test_plain_values_inherit_the_entry_source(tmp_path):
    path = tmp_path / "open.yaml"
    path.write_text(GOOD_OPEN)
    entry = load_yaml(path, OpenModelsFile).models[0]
    assert entry.vocab_size.value == 250002
    assert entry.vocab_size.source == "https://huggingface.co/BAAI/bge-m3"
    assert entry.query_prefix.source.endswith("#usage") and entry.query_prefix.note == "none needed"
    assert str(entry.query_prefix.checked_on) == "2026-11-24"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("vocab_size: 250002", "vocab_size: lots"), "models[BAAI/bge-m3].vocab_size.value"),
        (("architecture: encoder", "architecture: encoder\n    colour: blue"), "models[BAAI/bge-m3].colour"),
        (("tokenizer_family: SentencePiece-Unigram", "tokenizer_family: Morse"), "tokenizer_family"),
        (("    checked_on: 2026-11-24\n", ""), "checked_on"),
    ],
)
def test_bad_curated_data_names_file_and_field(tmp_path, change, message):
    path = tmp_path / "open.yaml"
    path.write_text(GOOD_OPEN.replace(*change))
    with pytest.raises(KnowledgeDataError) as err:
        load_yaml(path, OpenModelsFile)
    assert str(path) in str(err.value)
    assert message in str(err.value)


def test_api_entry_requires_a_price(tmp_path):
    path = tmp_path / "api.yaml"
    path.write_text("""
models:
  - name: acme/embed-1
    provider: Acme
    api_model_id: embed-1
    source: https://acme.example/pricing
    checked_on: 2026-11-24
    max_input_tokens: 8192
    dimensions: 1024
""")
    with pytest.raises(KnowledgeDataError, match=r"models\[acme/embed-1\]\.price_usd_per_1m_tokens"):
        load_yaml(path, ApiModelsFile)


def test_unreadable_yaml_names_the_file(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("models: [unclosed")
    with pytest.raises(KnowledgeDataError, match="broken.yaml"):
        load_yaml(path, OpenModelsFile)
