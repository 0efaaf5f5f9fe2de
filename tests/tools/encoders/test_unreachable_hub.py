"""A model that is not on disk fails in seconds with a sentence when the Hugging Face hub cannot be reached."""

from __future__ import annotations

import socket
import time

import pytest

from knowledge.errors import ModelNotLoadableError
from tools.encoders import models


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_missing_model_fails_fast_when_the_hub_is_unreachable(monkeypatch: pytest.MonkeyPatch) -> None:
    from huggingface_hub import constants

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(constants, "ENDPOINT", f"http://127.0.0.1:{_closed_port()}")
    models._hub_reachable_at.cache_clear()
    models.pick_device(None)  # torch's first import is not what is timed
    start = time.perf_counter()
    with pytest.raises(ModelNotLoadableError) as caught:
        models.load_sentence_transformer("example-org/model-that-is-not-here")
    models._hub_reachable_at.cache_clear()
    assert time.perf_counter() - start < models.HUB_PROBE_SECONDS + 2  # the hub's retries took minutes
    message = str(caught.value)
    assert "example-org/model-that-is-not-here" in message and "cannot be reached" in message


def test_local_and_offline_loads_skip_the_probe(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setattr(models, "_hub_reachable_at", lambda minute: pytest.fail("probed the hub"))
    assert models._not_loadable_offline(str(tmp_path)) is None
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert models._not_loadable_offline("example-org/model-that-is-not-here") is None
