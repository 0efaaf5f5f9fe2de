"""The cross-checks report mteb's own inconsistencies instead of hiding them."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from knowledge.catalog import ModelCard
from knowledge.consistency import _check_card, check_catalog


@pytest.fixture(scope="module")
def findings():
    return check_catalog()


def test_known_mteb_inconsistencies_are_reported(findings):
    by = {(f.model, f.check) for f in findings}
    # mteb records Qwen2-1.5B's MLP width (8960) as the embedding size; curated data corrects it and says so.
    assert ("Alibaba-NLP/gte-Qwen2-1.5B-instruct", "embed_dim_curated_overrides_mteb") in by
    # 514 = max_position_embeddings; the usable input is 512.
    assert ("intfloat/multilingual-e5-large", "max_tokens_curated_overrides_mteb") in by
    assert sum(f.check == "max_tokens_off_by_two" for f in findings) >= 10
    assert not [f for f in findings if f.severity == "error"]
    assert len(findings) > 100


@pytest.mark.parametrize(
    ("fields", "check"),
    [
        ({"n_parameters": 100, "n_embedding_parameters": 200}, "embedding_params_le_total"),
        ({"embed_dim": 0}, "embed_dim_positive"),
        ({"n_parameters": 1_000_000_000, "memory_usage_mb": 100.0}, "memory_vs_params"),
        ({"max_tokens": 514}, "max_tokens_off_by_two"),
        ({"embed_dim": 8960, "n_embedding_parameters": 5_000_000}, "implied_vocab_plausible"),
        ({"embed_dim": 384, "vocab_size": 30522, "n_embedding_parameters": 60_000_000},
         "embedding_params_vs_vocab_x_dim"),
    ],
)
def test_each_check_fires_on_a_card_that_breaks_it(fields, check):
    card = ModelCard(name="test/model", kind="open", family="dense", **fields)
    assert check in {f.check for f in _check_card(card)}


def test_knowledge_check_command_prints_the_findings(findings):
    out = subprocess.run([sys.executable, "-m", "ui.cli", "knowledge", "check", "--json"], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0
    assert len(json.loads(out.stdout)) == len(findings)
