"""Encoding in a multi-process CPU pool: the rule that picks it, the setting, and the vectors it returns."""

from __future__ import annotations

import numpy as np
import pytest

from knowledge.errors import SettingsError
from knowledge.settings import Settings
from tools.encoders.process_pool import POOL_MIN_CORES, POOL_THREADS, encode_processes


def test_auto_is_one_process_on_few_cores_and_a_pool_on_many():
    assert encode_processes(None, "cpu", cores=2) == 1  # measured here: the pool of 2 was slower
    assert encode_processes(None, "cpu", cores=POOL_MIN_CORES - 1) == 1
    assert encode_processes(None, "cpu", cores=POOL_MIN_CORES) == POOL_MIN_CORES // POOL_THREADS
    assert encode_processes(None, "cpu", cores=64) == 16


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
def test_a_pool_of_two_processes_returns_the_vectors_of_one_process():
    from tools.encoders.models import load_minilm
    from tools.encoders.process_pool import _POOLS, pool_for, stop_pools

    texts = [f"Chunk {i}: " + " ".join(["retrieval", "of", "long", "manual", "pages"][: 1 + i % 5] * (1 + i % 7))
             for i in range(80)]
    one = load_minilm(processes=1)
    two = load_minilm(processes=2)
    try:
        expected = one.encode_fn(texts)
        got = two.encode_fn(texts)
        pool = pool_for(two.handle, 2)
        assert len(pool["processes"]) == 2 and all(p.is_alive() for p in pool["processes"])
        again = two.encode_fn(texts[:40])  # the pool is kept between calls, not started again
        assert pool_for(two.handle, 2) is pool
    finally:
        stop_pools()
    assert not _POOLS
    assert got.shape == expected.shape == (80, 384)
    np.testing.assert_allclose(got, expected, atol=1e-5)
    np.testing.assert_allclose(again, expected[:40], atol=1e-5)
