"""Encoding that uses the machine: the torch device is chosen (or refused) clearly, and an OpenAI-compatible
embeddings server gets bounded concurrent requests whose throughput grows until the server limits it."""

from __future__ import annotations

import json
import threading
import time

import numpy as np
import pytest
from local_http import LocalServer, QuietHandler

from knowledge.errors import EncoderError
from knowledge.settings import Settings, SettingsError
from tools.encoders.models import load_openai, pick_device


def test_auto_picks_the_cpu_here_and_explicit_devices_are_checked():
    import torch

    assert pick_device(None) == pick_device("auto") == ("cuda" if torch.cuda.is_available() else "cpu")
    assert pick_device("CPU") == "cpu"
    if not torch.cuda.is_available():
        with pytest.raises(EncoderError, match="'cuda:1' was requested .* 0 CUDA GPU"):
            pick_device("cuda:1")
    with pytest.raises(EncoderError, match="not one of auto, cpu"):
        pick_device("tpu")


def test_settings_read_the_device_and_concurrency():
    s = Settings.from_env({"ADVISOR_DATA_DIR": "/tmp/x", "ADVISOR_DEVICE": "cuda:0",
                           "ADVISOR_EMBEDDINGS_CONCURRENCY": "8"})
    assert s.device == "cuda:0" and s.embeddings_concurrency == 8
    s = Settings.from_env({"ADVISOR_DATA_DIR": "/tmp/x"})
    assert s.device is None and s.embeddings_concurrency == 4
    with pytest.raises(SettingsError, match="ADVISOR_DEVICE='gpu'"):
        Settings.from_env({"ADVISOR_DATA_DIR": "/tmp/x", "ADVISOR_DEVICE": "gpu"})
    with pytest.raises(SettingsError, match="ADVISOR_EMBEDDINGS_CONCURRENCY='0'"):
        Settings.from_env({"ADVISOR_DATA_DIR": "/tmp/x", "ADVISOR_EMBEDDINGS_CONCURRENCY": "0"})


class EmbeddingServer(LocalServer):
    """An OpenAI-compatible /v1/embeddings server: each request takes ``latency_s``; beyond ``capacity`` requests
    in flight it answers 429 with Retry-After, as TEI / vLLM behind a queue limit or a hosted API do."""

    def __init__(self, latency_s: float = 0.05, capacity: int = 64) -> None:
        self.latency_s, self.capacity = latency_s, capacity
        self.in_flight = self.peak = self.requests = self.rejected = 0
        self.lock = threading.Lock()
        outer = self

        class Handler(QuietHandler):
            def do_POST(self):  # noqa: N802 (http.server's naming)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with outer.lock:
                    outer.requests += 1
                    if outer.in_flight >= outer.capacity:
                        outer.rejected += 1
                        busy = True
                    else:
                        busy = False
                        outer.in_flight += 1
                        outer.peak = max(outer.peak, outer.in_flight)
                if busy:
                    self.reply(429, json.dumps({"error": {"message": "too many requests", "type": "rate_limit"}})
                               .encode(), headers={"Retry-After": "0.05"})
                else:
                    time.sleep(outer.latency_s)
                    rows = [{"object": "embedding", "index": i, "embedding": vector(t)}
                            for i, t in enumerate(body["input"])]
                    data = json.dumps({"object": "list", "data": rows, "model": body["model"],
                                       "usage": {"prompt_tokens": 1, "total_tokens": 1}}).encode()
                    with outer.lock:
                        outer.in_flight -= 1
                    self.reply(200, data)

        super().__init__(Handler)

    @property
    def url(self) -> str:
        """The base URL of the embeddings API."""
        return f"{self.root}/v1"


def vector(text: str) -> list[float]:
    """A deterministic 8-d vector per text (so order mistakes show)."""
    rng = np.random.default_rng(sum(map(ord, text)) + len(text))
    return rng.standard_normal(8).round(6).tolist()


TEXTS = [f"passage number {i} about embeddings" for i in range(32 * 16)]  # 16 batches of 32


def timed(url: str, concurrency: int) -> float:
    encoder = load_openai("bench-model", url, "k", batch_size=32, concurrency=concurrency, max_retries=50)
    start = time.perf_counter()
    out = encoder.encode(TEXTS)
    elapsed = time.perf_counter() - start
    expected = np.asarray([vector(t) for t in TEXTS], dtype=np.float32)
    expected /= np.linalg.norm(expected, axis=1, keepdims=True)  # the encoder returns unit vectors
    np.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-6)
    return len(TEXTS) / elapsed


def test_throughput_grows_with_concurrency_until_the_server_limits_it():
    # Latency-bound on purpose (0.25 s a request, tiny payloads): the ratios hold on a loaded 2-core machine too.
    with EmbeddingServer(latency_s=0.25, capacity=64) as server:
        one, four, eight = timed(server.url, 1), timed(server.url, 4), timed(server.url, 8)
        assert server.peak == 8 and server.rejected == 0
    assert four > 2.2 * one and eight > 1.25 * four, (one, four, eight)
    with EmbeddingServer(latency_s=0.25, capacity=2) as limited:
        capped = timed(limited.url, 8)  # 429s are retried after Retry-After; every vector arrives, in order
        assert limited.rejected > 0 and limited.peak <= 2
    assert capped < 0.6 * eight, (capped, eight)


def test_concurrency_below_one_is_refused():
    with pytest.raises(EncoderError, match="at least 1"):
        load_openai("m", "http://127.0.0.1:9/v1", "k", concurrency=0)
