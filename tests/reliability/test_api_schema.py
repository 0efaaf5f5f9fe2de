"""Schemathesis against the served OpenAPI schema: no 5xx, and every response matches what the schema declares.

A real uvicorn server on 127.0.0.1 serves the schema and answers the generated requests: positive and negative
data, with the bearer token and without it, then short stateful scenarios along the links schemathesis infers
(create a consultation, then read it and send it messages). Evaluation jobs run the real ``run_retrieval_check``
for the cheap BM25 candidate only; any other candidate fails at once, so a fuzzer cannot queue minutes of encoding.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck
from live_server import uvicorn_in_thread
from schemathesis.specs.openapi.checks import positive_data_acceptance

from agent.evaluation_jobs import EvaluationJobs
from agent.service import AdvisorService
from knowledge.errors import ToolInputError
from knowledge.settings import Settings
from tools.evaluation.retrieval_check import EvalRequest, run_retrieval_check
from tools.profile.schema import DEPLOYMENT_FIELDS
from ui.api.app import create_app
from ui.api.security import ApiLimits

pytestmark = pytest.mark.slow
if not hasattr(pytest.Function, "_nodeid"):
    # schemathesis 4.32's fixture-based loader renames each sub-test through `node._nodeid`, which pytest 9.2
    # replaced; the rename is cosmetic (report labels), so it is dropped instead of failing the test.
    pytest.Function._nodeid = property(lambda self: self.nodeid, lambda self, value: None)  # type: ignore[attr-defined]

TOKEN = "schema-test-token"
# Per operation and generation mode, for the fuzzing phase; the examples and coverage phases add their own fixed
# cases. About 2,500 requests in all, 20-60 s on two shared cores.
MAX_EXAMPLES = 100
MAX_EVALUATIONS = 20  # an accepted POST /v1/evaluations queues a job
# Checks a schema cannot state: names looked up in curated data (languages, benchmarks, the hardware table), an
# upload's file type and content, a model not on disk here, a message or request id reused for another text (or
# differing from the Idempotency-Key header). Schema-valid data may fail only these, with a 422 naming the field.
UNSTATED = {"GET /v1/models": {"language", "benchmark"}, "POST /v1/recommendations": {"languages", "hardware"},
            "POST /v1/why-not": {"languages", "hardware"},
            "POST /v1/evaluations": {"files", "queries", "qrels", "models"},
            "POST /v1/consultations/{consultation_id}/documents": {"files"},
            "POST /v1/consultations/{consultation_id}/messages": {"message_id"},
            "POST /v1/consultations": {"request_id"},
            # an edit's text values are read like chat answers ("200k"); a value no reading fits is a 422 naming it
            "PATCH /v1/consultations/{consultation_id}/profile": {
                "domain", "languages", "doc_length_tokens", "corpus_docs", "queries_per_month",
                "data_must_stay_on_prem", "deployment", "hardware", "budget_usd_month", "latency_p95_ms", "license",
                "priorities", "top_k", *DEPLOYMENT_FIELDS}}
SETTINGS = hypothesis.settings(deadline=None, derandomize=True, database=None,
                               suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                                      HealthCheck.data_too_large])


def _config(auth: bool) -> schemathesis.Config:
    return schemathesis.Config.from_dict({
        **({"auth": {"openapi": {"bearer": {"bearer": TOKEN}}}} if auth else {}),
        "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "deterministic": True, "database": "none"},
        "operations": [{"include-path": "/v1/evaluations", "include-method": "POST",
                        "generation": {"max-examples": MAX_EVALUATIONS}}],
        "request-timeout": 30,
    })


def bm25_only(request: EvalRequest, progress: Callable[[str, float], None]) -> dict[str, Any]:
    """The real evaluation for BM25 alone; encoders (MiniLM, static distillation, HF ids) are refused at once."""
    if any(spec.strip().lower() != "bm25" for spec in request.models):
        raise ToolInputError("this test server evaluates the bm25 candidate only")
    return run_retrieval_check(request, progress)


def _unfinished_jobs(data_dir: Path) -> list[str]:
    out = []
    for path in (data_dir / "evaluations").glob("*/job.json"):
        with contextlib.suppress(OSError, ValueError):
            if json.loads(path.read_text(encoding="utf-8"))["status"] in ("pending", "running"):
                out.append(path.parent.name)
    return out


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The API on a free loopback port; on teardown, waits for queued jobs, then stops uvicorn and the service."""
    data_dir = tmp_path_factory.mktemp("schema-api")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HF_HUB_OFFLINE", "1")
        settings = Settings(data_dir=data_dir)
        service = AdvisorService(settings)
        jobs = EvaluationJobs(data_dir, runner=bm25_only)
        limits = ApiLimits(rate_per_min=1_000_000, failed_auth_per_min=1_000_000)  # schemathesis probes without one
        app = create_app(service, settings, [TOKEN], limits=limits, jobs=jobs)
        try:
            with uvicorn_in_thread(app) as url:
                try:
                    yield url, data_dir
                finally:
                    # job.json, not the jobs table: the copy people read must reach the end too (a late "pending"
                    # copy once stayed there for ever while the job had failed)
                    deadline = time.monotonic() + 180
                    while _unfinished_jobs(data_dir) and time.monotonic() < deadline:
                        time.sleep(0.1)
                    left = {job_id: jobs.get(job_id)["status"] for job_id in _unfinished_jobs(data_dir)}
        finally:
            service.close()
        assert not left, f"job.json still unfinished after 180 s (job id: status in the jobs table): {left}"


@pytest.fixture(scope="module")
def api_schema(server: tuple[str, Path]) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{server[0]}/openapi.json", config=_config(auth=True))


@pytest.fixture(scope="module")
def anonymous_schema(server: tuple[str, Path]) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{server[0]}/openapi.json", config=_config(auth=False))


authenticated = schemathesis.pytest.from_fixture("api_schema")
anonymous = schemathesis.pytest.from_fixture("anonymous_schema")


def _accepts_valid_data(case: schemathesis.Case, response: schemathesis.Response) -> None:
    """positive_data_acceptance, except a 422 that names only fields in UNSTATED for this operation."""
    try:
        case.validate_response(response, checks=[positive_data_acceptance])
    except BaseExceptionGroup:
        body = response.json() if response.status_code == 422 else {}
        named = set(body.get("problems") or {}) | {body.get("field")}
        if not named <= UNSTATED.get(case.operation.label, set()):
            raise


@authenticated.parametrize()
@SETTINGS
def test_every_operation_conforms(case: schemathesis.Case) -> None:
    response = case.call_and_validate(excluded_checks=[positive_data_acceptance])
    _accepts_valid_data(case, response)


@anonymous.parametrize()
@SETTINGS
def test_without_a_token_every_v1_operation_is_401(case: schemathesis.Case) -> None:
    response = case.call_and_validate()
    if case.path.startswith("/v1"):  # before routing: an unknown method or a bad body gets 401 too
        assert response.status_code == 401, response.text
        assert response.headers["www-authenticate"] == ["Bearer"] and response.json()["code"] == "unauthorized"
    elif case.method == "GET":
        assert response.status_code == 200


def test_stateful_links(api_schema: schemathesis.BaseSchema) -> None:
    """Create, read, message and list consultations (and evaluations) along the inferred links."""
    class Machine(api_schema.as_state_machine()):  # type: ignore[misc]
        def validate_response(self, response: schemathesis.Response, case: schemathesis.Case,
                              additional_checks: Any = None, **kwargs: Any) -> None:
            case.validate_response(response, excluded_checks=[positive_data_acceptance],
                                   transport_kwargs=kwargs or None, recorder=self.recorder)
            _accepts_valid_data(case, response)

    Machine.run(settings=hypothesis.settings(SETTINGS, max_examples=40, stateful_step_count=8))


def test_a_finished_job_matches_its_schema(server: tuple[str, Path], api_schema: schemathesis.BaseSchema) -> None:
    """The fuzzer's jobs mostly fail fast; one that runs to the end must also match EvaluationStatus."""
    url, _ = server
    docs = [{"id": f"d{i}", "text": f"clause {i} on topic{i}"} for i in range(6)]
    body = {"documents": docs, "queries": [{"id": "q1", "text": "topic1"}],
            "qrels": [{"query_id": "q1", "doc_id": "d1"}], "models": ["bm25"]}
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=30) as client:
        accepted = client.post("/v1/evaluations", json=body)
        api_schema["/v1/evaluations"]["POST"].validate_response(accepted)
        deadline = time.monotonic() + 60
        while (job := client.get(accepted.json()["url"])).json()["status"] in ("pending", "running"):
            assert time.monotonic() < deadline, "job did not finish in 60 s"
            time.sleep(0.1)
        api_schema["/v1/evaluations/{job_id}"]["GET"].validate_response(job)
    assert job.json()["status"] == "done", json.dumps(job.json())
    assert job.json()["summary"]["models"]["bm25"]["ndcg_at_10"]["mean"] == pytest.approx(1.0)
