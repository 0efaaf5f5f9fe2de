"""Encoding in a multi-process CPU pool: the rule that picks it, the setting, and the vectors it returns."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.errors import SettingsError
from knowledge.settings import Settings
from tools.encoders.process_pool import MAX_AUTO_PROCESSES, POOL_MIN_TEXTS, encode_processes


def test_auto_is_a_pool_of_one_process_per_core_on_a_cpu():
    assert encode_processes(None, "cpu", cores=1) == 1
    assert encode_processes(None, "cpu", cores=2) == 1  # quiet 2 cores: 2 threads run 1.85x one; a pool gains <8%
    assert encode_processes(None, "cpu", cores=4) == 4
    assert encode_processes(None, "cpu", cores=64) == MAX_AUTO_PROCESSES


def test_a_gpu_is_never_split_and_a_number_is_obeyed_on_the_cpu():
    assert encode_processes(None, "cuda", cores=64) == 1
    assert encode_processes(4, "cuda:0", cores=64) == 1
    assert encode_processes(3, "cpu", cores=2) == 3
    assert encode_processes(1, "cpu", cores=64) == 1


def test_setting_reads_auto_or_a_number_and_names_a_bad_value(tmp_path):
    assert Settings.from_env({"ADVISOR_DATA_DIR": str(tmp_path)}).encode_processes is None
    assert Settings.from_env({"ADVISOR_DATA_DIR": str(tmp_path), "ADVISOR_ENCODE_PROCESSES": "auto"}
                             ).encode_processes is None
    assert Settings.from_env({"ADVISOR_DATA_DIR": str(tmp_path), "ADVISOR_ENCODE_PROCESSES": "4"}).encode_processes == 4
    for bad in ("0", "two", "-1", "65"):
        with pytest.raises(SettingsError, match="ADVISOR_ENCODE_PROCESSES"):
            Settings.from_env({"ADVISOR_DATA_DIR": str(tmp_path), "ADVISOR_ENCODE_PROCESSES": bad})


@pytest.mark.slow
def test_a_pool_starts_only_for_a_large_encode_and_returns_the_vectors_of_one_process(tmp_path):
    from tools.encoders.cache import EmbeddingCache
    from tools.encoders.models import load_minilm
    from tools.encoders.process_pool import _POOLS, running_pool, stop_pools

    texts = [f"Chunk {i}: " + " ".join(["retrieval", "of", "long", "manual", "pages"][: 1 + i % 5] * (1 + i % 7))
             for i in range(80)]
    one = load_minilm(processes=1)
    two = load_minilm(EmbeddingCache(tmp_path / "cache.sqlite"), processes=2)
    try:
        expected = one.encode_fn(texts)
        assert one.prepare is None  # one process: nothing to start
        two.prepare(POOL_MIN_TEXTS - 1)
        assert running_pool(two.handle) is None  # a small encode never pays a pool's start
        np.testing.assert_allclose(two.encode_fn(texts), expected, atol=1e-5)  # in this process
        two.encode(texts[:30])
        assert two.plan(texts[:30] * 40) == 0  # all cached (1,200 texts): no pool either
        assert running_pool(two.handle) is None
        assert two.plan(texts * 13) == 1040 - 13 * 30  # the uncached ones: 1,040 - 390 = 650 < 1,000
        assert running_pool(two.handle) is None
        two.prepare(POOL_MIN_TEXTS)
        pool = running_pool(two.handle)
        assert pool is not None and len(pool["processes"]) == 2 and all(p.is_alive() for p in pool["processes"])
        got = two.encode_fn(texts)
        again = two.encode_fn(texts[:40])  # the pool is kept between calls
        assert running_pool(two.handle) is pool
    finally:
        stop_pools()
    assert not _POOLS
    assert got.shape == expected.shape == (80, 384)
    np.testing.assert_allclose(got, expected, atol=1e-5)
    np.testing.assert_allclose(again, expected[:40], atol=1e-5)
