"""CPU encoding runs smaller batches than sentence-transformers' default, with the same vectors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tools.encoders.models import ACCELERATOR_BATCH, CPU_BATCH, encode_batch_size, load_minilm, token_sorted_encode

GENERAL = Path(__file__).resolve().parents[3] / "knowledge" / "benchmarks" / "ea-general-en" / "corpus.jsonl"


def test_cpu_batches_are_smaller_than_accelerator_batches():
    assert encode_batch_size("cpu") == CPU_BATCH == 16
    assert encode_batch_size("cuda") == encode_batch_size("cuda:1") == encode_batch_size("mps") == ACCELERATOR_BATCH


@pytest.mark.slow
def test_the_cpu_batch_gives_the_vectors_of_the_default_batch():
    encoder = load_minilm(device="cpu")
    texts = [json.loads(line)["text"] for line in GENERAL.read_text(encoding="utf-8").splitlines()][:48]
    assert len(texts) == 48
    small = token_sorted_encode(encoder.handle, texts, CPU_BATCH)
    default = token_sorted_encode(encoder.handle, texts, 32)
    assert small.shape == default.shape == (48, 384)
    assert np.abs(small - default).max() < 1e-5
    # The encoder of an evaluation uses the CPU batch and normalises: the same neighbours as the default batch.
    vectors = encoder.encode(texts, "document")
    norm = default / np.linalg.norm(default, axis=1, keepdims=True)
    assert (np.argsort(-(vectors @ vectors.T), axis=1)[:, :5] == np.argsort(-(norm @ norm.T), axis=1)[:, :5]).all()
