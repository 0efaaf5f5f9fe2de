from __future__ import annotations

import math
from statistics import NormalDist

import pytest

from knowledge.errors import InvalidFilterError
from tools.estimate.chunking import LENGTH_SIGMA, plan_chunks, share_truncated


def test_short_documents_are_one_chunk_each():
    plan = plan_chunks(100, 1000, 512)
    assert plan.n_vectors == 1000 and plan.chunks_per_doc == 1.0
    assert plan.embedded_tokens == plan.corpus_tokens == 100_000


def test_long_documents_need_about_length_over_step_chunks():
    plan = plan_chunks(6000, 200_000, 512)
    assert plan.chunk_tokens == 510 and plan.overlap_tokens == 64
    # A 6000-token mean document over a 446-token step: about 13-14 chunks.
    assert 12.5 < plan.chunks_per_doc < 15
    assert plan.n_vectors == math.ceil(plan.chunks_per_doc * 200_000)
    assert plan.corpus_tokens == 1_200_000_000 and plan.embedded_tokens > plan.corpus_tokens


def test_truncated_share_follows_the_lognormal_assumption():
    median = 6000 / math.exp(LENGTH_SIGMA**2 / 2)
    expected = 1 - NormalDist().cdf((math.log(8190) - math.log(median)) / LENGTH_SIGMA)
    assert plan_chunks(6000, 10, 8192).share_truncated_without_chunking == pytest.approx(expected, abs=1e-4)
    assert share_truncated(6000, 512) > 0.99
    assert share_truncated(100, 8192) < 0.001


def test_long_windows_still_use_retrieval_sized_chunks():
    assert plan_chunks(6000, 10, 32768).chunk_tokens == 512
    assert plan_chunks(6000, 10, None).chunk_tokens == 512


@pytest.mark.parametrize(("kwargs", "field"), [({"max_tokens": 64}, "max_tokens"),
                                               ({"overlap_ratio": 0.9}, "overlap_ratio"),
                                               ({"doc_length_tokens": 0}, "doc_length_tokens")])
def test_bad_chunking_inputs(kwargs, field):
    args = {"doc_length_tokens": 1000, "corpus_docs": 10, "max_tokens": 512, **kwargs}
    with pytest.raises(InvalidFilterError) as err:
        plan_chunks(**args)
    assert err.value.field == field
