"""One error hierarchy, mapped once per surface: API status, Slack reply and CLI exit code for every class."""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

import knowledge.errors as errors
from agent.service import AdvisorService
from knowledge.settings import Settings
from ui.api.app import advisor_error_response, create_app
from ui.cli.exit_codes import exit_code
from ui.slack.app import error_reply

REPO = Path(__file__).resolve().parents[2]
CLASSES = sorted((c for _, c in inspect.getmembers(errors, inspect.isclass) if issubclass(c, errors.AdvisorError)),
                 key=lambda c: c.__name__)


def _instance(cls: type[errors.AdvisorError]) -> errors.AdvisorError:
    """One instance of each class, built with its own constructor's arguments."""
    special: dict[type, tuple[Any, ...]] = {
        errors.UnknownModelError: ("bge-m4", ["BAAI/bge-m3"]),
        errors.UnknownBenchmarkError: ("MTEB(Lawz)", ["MTEB(Law, v1)"]),
        errors.UnknownTaskError: ("suite", "quick-lgal", ["quick-legal"], ["quick-legal"]),
        errors.UnknownConsultationError: ("c-1",),
        errors.UnknownJobError: ("j-1",),
        errors.InvalidFilterError: ("sort", "speed", ["score", "size"]),
        errors.ProfileError: ({"corpus_docs": "must be positive"},),
        errors.StorageFullError: ("/data/consultations.db",),
        errors.QueueFullError: (16, 30), errors.QuotaExceededError: (2_000_000, 1_000_000),
        errors.JobStoppedError: ("timeout", "stopped at /srv/secret"),
        errors.JobFailedError: ("internal_error", "failed at /srv/secret"),
    }
    return cls(*special.get(cls, ("something went wrong at /srv/secret",)))


# (status, code) the API answers for each class; every class of the module is listed.
API = {
    "AdvisorError": (500, "internal_error"), "KnowledgeDataError": (500, "internal_error"),
    "ToolInputError": (422, "invalid_input"), "InputFileError": (422, "invalid_input"),
    "InvalidFilterError": (422, "invalid_input"), "UnknownBenchmarkError": (422, "invalid_input"),
    "UnknownTaskError": (422, "invalid_input"), "TaskDataUnavailableError": (422, "invalid_input"),
    "NoDocumentsError": (422, "invalid_input"),
    "ModelNotLoadableError": (422, "invalid_input"), "MessageIdReusedError": (422, "invalid_input"),
    "RequestIdError": (422, "invalid_input"), "ProfileError": (422, "invalid_profile"),
    "NotFoundError": (404, "not_found"), "UnknownModelError": (404, "not_found"),
    "UnknownConsultationError": (404, "not_found"), "UnknownJobError": (404, "not_found"),
    "SettingsError": (500, "internal_error"), "StorageFullError": (507, "storage_full"),
    "ServiceUnavailableError": (503, "service_unavailable"), "LLMUnavailableError": (503, "service_unavailable"),
    "EncoderError": (503, "service_unavailable"), "MilvusUnavailableError": (503, "service_unavailable"),
    # issue 20: a full job queue and a principal's quota; a job's stop and failure are job status, not answers
    "QueueFullError": (429, "queue_full"), "QuotaExceededError": (507, "quota_exceeded"),
    "JobStoppedError": (500, "internal_error"), "JobFailedError": (500, "internal_error"),
    "UnreadableRequestError": (500, "internal_error"),  # a saved job request; the job fails, no caller sees it
}


def test_every_class_has_an_expected_status() -> None:
    assert sorted(API) == sorted(c.__name__ for c in CLASSES)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_api_status_per_error_class(cls: type[errors.AdvisorError]) -> None:
    response = advisor_error_response(_instance(cls))
    body = json.loads(bytes(response.body))
    assert (response.status_code, body["code"]) == API[cls.__name__]
    if response.status_code == 503:
        assert response.headers["Retry-After"] == "30"
        assert "/srv/secret" not in body["message"]  # the operator's log has it, the caller does not
    if response.status_code >= 500:
        assert "Retry-After" in response.headers or response.status_code != 503


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_cli_exit_code_per_error_class(cls: type[errors.AdvisorError]) -> None:
    caller_fixes = issubclass(cls, errors.ToolInputError | errors.SettingsError)
    assert exit_code(_instance(cls)) == (2 if caller_fixes else 1)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_slack_reply_per_error_class(cls: type[errors.AdvisorError]) -> None:
    reply = error_reply(_instance(cls), "C1")
    if issubclass(cls, errors.ToolInputError):
        assert reply.startswith("Sorry, I could not use that: ")
    elif issubclass(cls, errors.StorageFullError):
        assert "no space left" in reply and "/data" not in reply
    elif issubclass(cls, errors.ServiceUnavailableError):
        assert "unavailable right now" in reply and "/srv/secret" not in reply
    elif cls is errors.QuotaExceededError:  # issue 20: the Slack user's own quota, said as to API callers
        assert reply.startswith("Sorry: your stored data") and "ADVISOR_QUOTA_MB" in reply
    else:
        assert reply == "Sorry, something went wrong on my side. Please try again in a moment."


def test_service_failures_are_not_caller_errors() -> None:
    for cls in (errors.MilvusUnavailableError, errors.EncoderError, errors.LLMUnavailableError):
        assert issubclass(cls, errors.ServiceUnavailableError) and not issubclass(cls, errors.ToolInputError)


def test_the_api_answers_503_with_retry_after_when_milvus_is_down(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    settings = Settings(data_dir=tmp_path)
    service = AdvisorService(settings)

    def down(_: Any) -> Any:
        raise errors.MilvusUnavailableError(f"cannot open Milvus at {tmp_path}/milvus.db: locked")

    monkeypatch.setattr(service, "recommend", down)
    with TestClient(create_app(service, settings, None)) as client:
        r = client.post("/v1/recommendations", json={"corpus_docs": 1000})
    service.close()
    assert r.status_code == 503 and r.headers["Retry-After"] == "30"
    assert r.json() == {"code": "service_unavailable",
                        "message": "Milvus is unavailable right now; try again later (the server log has the details)"}


def test_no_exception_class_outside_the_errors_module() -> None:
    """Public exception classes live in knowledge/errors.py (private control-flow signals may stay local)."""
    found = []
    for path in sorted(p for layer in ("knowledge", "tools", "agent", "ui") for p in (REPO / layer).rglob("*.py")):
        if path.name == "errors.py" and path.parent.name == "knowledge":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_") and any(
                    (getattr(b, "id", None) or getattr(b, "attr", "")).endswith(("Error", "Exception"))
                    for b in node.bases):
                found.append(f"{path.relative_to(REPO)}: {node.name}")
    assert found == []
