"""The profile's fields are defined once (tools/profile/schema.py); every other list derives from them."""

from __future__ import annotations

import agent.interviewer as interviewer
import agent.state as state
import agent.understanding as understanding
import agent.understanding_quantities as understanding_quantities
from tools.profile.schema import (
    ASKED_FIELDS,
    DEFAULT_NOTES,
    DEFAULTS,
    DEPLOYMENT_FIELDS,
    INTERVIEW_ORDER,
    NUMERIC_FIELDS,
    PROFILE_FIELDS,
    RequirementProfile,
)


def test_profile_fields_follow_the_contract() -> None:
    assert PROFILE_FIELDS == tuple(f for f in RequirementProfile.model_fields if f != "id")
    assert tuple(DEFAULTS) == PROFILE_FIELDS
    assert set(DEFAULT_NOTES) == set(PROFILE_FIELDS)


def test_interview_order_is_a_permutation_of_the_asked_fields() -> None:
    assert len(set(INTERVIEW_ORDER)) == len(INTERVIEW_ORDER) == 11
    assert set(INTERVIEW_ORDER) == set(ASKED_FIELDS) <= set(PROFILE_FIELDS)
    # issue 15's deployment limits are optional overrides, never asked (the answer's ``limits`` states them)
    assert set(PROFILE_FIELDS) - set(INTERVIEW_ORDER) == {"priorities", "top_k", *DEPLOYMENT_FIELDS}
    assert INTERVIEW_ORDER[:2] == ("domain", "languages")


def test_numeric_fields_are_the_numbers_of_the_contract() -> None:
    assert NUMERIC_FIELDS == ("doc_length_tokens", "corpus_docs", "queries_per_month", "budget_usd_month",
                              "latency_p95_ms")


def test_the_agent_uses_the_one_definition() -> None:
    assert state.FIELDS is INTERVIEW_ORDER
    assert understanding.FIELDS is ASKED_FIELDS and understanding_quantities.NUMERIC_FIELDS is NUMERIC_FIELDS
    assert set(interviewer.QUESTIONS) == set(INTERVIEW_ORDER)
    assert set(interviewer.LABELS) == set(PROFILE_FIELDS)
