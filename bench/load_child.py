"""Load: N concurrent scripted consultations against a real API server process for a fixed time; one JSON line.

Starts ``embedding-advisor serve`` on 127.0.0.1 with a fresh data dir (tests/live_server.py), runs each of
``--scripts`` varied conversations once (the warm-up), optionally measures one client alone (the baseline), then runs
``--clients`` consultations at once for ``--seconds``, drawn from those conversations: each client starts a new
consultation when its script ends, and every client stops by itself at the deadline (its turn in flight finishes,
bounded by the request timeout). Every turn is checked: the status, the consultation id, the turn counter
advancing by exactly one, a recommendation at the end of every script, and a transcript read back equal to what was
sent. The server's RSS is sampled once a second from /proc.

With ``--workers 2 --postgres`` it starts a throw-away PostgreSQL cluster (tests/pg_cluster.py) and two ``serve``
processes on one database, and sends each request to the next worker in turn (a round-robin balancer in the
client's transport), so every consultation's turns alternate between the workers.

Used by `make bench` (bench/run.py) and by tests/reliability/test_load.py, which run it as a subprocess.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from live_server import AUTH, ServerProcess, rss_mb  # noqa: E402

REQUEST_TIMEOUT_S = 30.0
MAX_INTERVIEW_TURNS = 16
# The offline interviewer and SQLite under a fresh data dir, whatever the calling environment sets.
OFFLINE = {"ADVISOR_LOG_LEVEL": "WARNING", "ADVISOR_LLM_BASE_URL": "", "ADVISOR_LLM_API_KEY": "", "OPENAI_API_KEY": "",
           "ADVISOR_DATABASE_URL": ""}

# Answers by the field the advisor asks about, varied per consultation (all understood by the offline interviewer).
ANSWERS: dict[str, list[str]] = {
    "domain": ["legal", "medical", "finance", "code", "support tickets", "scientific papers", "e-commerce", "general"],
    "languages": ["English", "Chinese and English", "German", "French and Spanish", "Japanese", "skip"],
    "doc_length_tokens": ["about 500 words", "20 pages", "300 tokens", "1 page", "skip"],
    "corpus_docs": ["200k docs", "1 million documents", "5,000 documents", "50k", "skip"],
    "queries_per_month": ["100k queries a month", "1 million a month", "10,000 queries per month", "skip"],
    "data_must_stay_on_prem": ["data must stay on prem", "hosted API is fine", "skip"],
    "deployment": ["self-hosted", "hosted API", "skip"],
    "hardware": ["a T4", "CPU only", "an A100", "Mac M2", "RTX 4090", "skip"],
    "budget_usd_month": ["$50 a month", "no limit", "$500 a month", "skip"],
    "latency_p95_ms": ["50 ms", "200 ms", "skip"],
    "license": ["commercial", "research only", "skip"],
}
BRIEFS = ["legal contracts in Chinese and English, 20 pages each, 200k docs",
          "medical records in English, about 500 words each, 1 million documents",
          "finance reports in German and English, 10 pages, 50k documents",
          "code search over Python and Go repos, 50k files",
          "support tickets in Japanese, 300 tokens each, 2 million tickets",
          "scientific papers in English, 8,000 tokens, 100k papers"]
SETUPS = ["a T4, data must stay on prem", "CPU only, budget $50 a month", "an A100, hosted API is fine",
          "Mac M2, no budget limit", "RTX 4090, self-hosted"]
CHANGES = ["we have an A100 now", "budget is $20 a month now", "data must stay on prem after all",
           "how much would BAAI/bge-m3 cost?", "tell me about intfloat/multilingual-e5-large"]
CHINESE = [("法律合同，中文", ["每篇大约2000字", "10万篇", "直接推荐"]),
           ("医疗病历，中文和英文，每篇500字", ["100万篇", "只有CPU", "直接推荐"]),
           ("金融研报，中文", ["跳过", "跳过", "直接推荐"])]


class WrongReply(Exception):
    """An unexpected status, or a reply whose content breaks the contract; ``kind`` names which."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail


# A script yields the first message (None: start without one, to be greeted), then gets each reply and yields the
# next message; it ends when the consultation is over.
Script = Generator[str | None, dict[str, Any], None]


def brief(rng: random.Random) -> Script:
    """Most of the profile in the first message, one more answer, then "just recommend" (and maybe a change)."""
    yield rng.choice(BRIEFS)
    yield rng.choice(SETUPS)
    yield "just recommend"
    for _ in range(rng.choice([0, 0, 1, 2])):
        yield rng.choice(CHANGES)


def interview(rng: random.Random) -> Script:
    """A greeting, then every question answered (a varied answer, or "skip") until the advisor recommends."""
    reply = yield None
    answers = {f: rng.choice(options) for f, options in ANSWERS.items()}
    asked = None
    for _ in range(MAX_INTERVIEW_TURNS):
        if reply["recommendation"] is not None:
            return
        repeated = reply["asked_field"] == asked  # not understood: take the default rather than loop
        asked = reply["asked_field"]
        reply = yield "skip" if repeated or asked not in answers else answers[asked]
    if reply["recommendation"] is None:
        yield "just recommend"


def chinese(rng: random.Random) -> Script:
    """A consultation in Chinese."""
    first, rest = rng.choice(CHINESE)
    yield first
    for text in rest:  # noqa: UP028 (replies are sent in; a list iterator has no send())
        yield text


SCRIPTS = [(brief, 4), (interview, 3), (chinese, 1)]


@dataclass(frozen=True)
class Recipe:
    """One conversation of the catalogue: a script kind and the seed of its choices (the same script every time)."""

    make: Callable[[random.Random], Script]
    seed: int

    def script(self) -> Script:
        return self.make(random.Random(self.seed))


def catalogue(n: int, seed: int) -> list[Recipe]:
    """``n`` varied conversations. The load repeats them in a random order, and the warm-up runs each once first, so
    the recommender's memoisation caches (bounded, keyed on the profile) are full before memory is measured: what
    RSS does after that is the server's own growth per consultation."""
    rng = random.Random(seed)
    makers, weights = zip(*SCRIPTS, strict=True)
    return [Recipe(rng.choices(makers, weights)[0], rng.randrange(2**31)) for _ in range(n)]


@dataclass
class Tally:
    """What the clients saw."""

    latencies: list[float] = field(default_factory=list)
    started: int = 0
    completed: int = 0
    abandoned: int = 0  # cut off by the deadline mid-script (not an error)
    none_fit: int = 0  # completed with an empty short list and the reasons
    errors: dict[str, int] = field(default_factory=dict)
    samples: list[str] = field(default_factory=list)

    def error(self, kind: str, detail: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1
        if len(self.samples) < 10:
            self.samples.append(f"{kind}: {detail[:300]}")


async def _post(client: httpx.AsyncClient, tally: Tally, url: str, body: dict[str, Any] | None,
                expect: int) -> dict[str, Any]:
    start = time.perf_counter()
    response = await client.post(url, json=body)
    tally.latencies.append(time.perf_counter() - start)
    if response.status_code != expect:
        raise WrongReply(f"http_{response.status_code}", f"POST {url}: {response.text[:200]}")
    return response.json()


async def consultation(client: httpx.AsyncClient, tally: Tally, recipe: Recipe, deadline: float) -> None:
    """Run one script to its end (or the deadline); raises on the first error."""
    script = recipe.script()
    first = next(script)
    sent = [first] if first is not None else []
    reply = await _post(client, tally, "/v1/consultations", {"message": first} if first is not None else None, 201)
    tally.started += 1
    cid = reply["consultation_id"]
    expected_turn = len(sent)
    if reply["turn"] != expected_turn:
        raise WrongReply("wrong_turn", f"start gave turn {reply['turn']}, expected {expected_turn}")
    text = _next(script, reply)
    while text is not None:
        if time.monotonic() >= deadline:
            tally.abandoned += 1
            return
        reply = await _post(client, tally, f"/v1/consultations/{cid}/messages", {"text": text}, 200)
        sent.append(text)
        expected_turn += 1
        if reply["consultation_id"] != cid:
            raise WrongReply("wrong_consultation", f"sent to {cid}, reply for {reply['consultation_id']}")
        if reply["turn"] != expected_turn:
            raise WrongReply("wrong_turn", f"{cid} went to turn {reply['turn']}, expected {expected_turn}")
        text = _next(script, reply)
    rec = reply["recommendation"]
    if rec is None or not (rec["recommendations"] or rec["rejected"]):
        raise WrongReply("no_recommendation", f"{cid} at turn {reply['turn']}, sent {sent}")
    if not rec["recommendations"]:  # an explained "no model meets every constraint" (e.g. hosted API under 50 ms)
        tally.none_fit += 1
    response = await client.get(f"/v1/consultations/{cid}")
    if response.status_code != 200:
        raise WrongReply(f"http_{response.status_code}", f"GET state of {cid}: {response.text[:200]}")
    state = response.json()
    said = [m["text"] for m in state["transcript"] if m["role"] == "user"]
    if state["turn"] != expected_turn or said != sent:
        raise WrongReply("wrong_state", f"{cid}: turn {state['turn']} (expected {expected_turn}), transcript {said} "
                                        f"!= sent {sent}")
    tally.completed += 1


def _next(script: Script, reply: dict[str, Any]) -> str | None:
    try:
        return script.send(reply)
    except StopIteration:
        return None


def _next(script: Script, reply: dict[str, Any]) -> str | None:
    try:
        return script.send(reply)
    except StopIteration:
        return None


async def guarded(client: httpx.AsyncClient, tally: Tally, recipe: Recipe, deadline: float) -> None:
    """One consultation; any failure is tallied by kind, never raised."""
    try:
        await consultation(client, tally, recipe, deadline)
    except WrongReply as exc:
        tally.error(exc.kind, exc.detail)
    except httpx.HTTPError as exc:
        tally.error(f"transport_{type(exc).__name__}", repr(exc))
    except (KeyError, TypeError, ValueError) as exc:  # a malformed body
        tally.error("wrong_body", repr(exc))


async def client_loop(client: httpx.AsyncClient, tally: Tally, recipes: list[Recipe], seed: int,
                      deadline: float) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        await guarded(client, tally, rng.choice(recipes), deadline)


async def sample_rss(pid: int, samples: list[tuple[float, float]], stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            samples.append((time.monotonic(), rss_mb(pid)))
        except (OSError, RuntimeError):  # the server is gone: the clients report the errors
            return
        try:
            await asyncio.wait_for(stop.wait(), 1.0)
        except TimeoutError:
            pass


def cpu_s(pid: int) -> float:
    """User + system CPU seconds a process has used, from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class RoundRobin(httpx.AsyncBaseTransport):
    """Send each request to the next worker's port in turn: a load balancer without sticky sessions."""

    def __init__(self, ports: list[int], limits: httpx.Limits) -> None:
        self.ports = itertools.cycle(ports)
        self.inner = httpx.AsyncHTTPTransport(limits=limits)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(port=next(self.ports))
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


PORTS: list[int] = []  # the workers behind the balancer (empty: one server, no balancer)


def _client(url: str, clients: int) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=clients + 2, max_keepalive_connections=clients + 2)
    transport = RoundRobin(PORTS, limits) if len(PORTS) > 1 else None
    return httpx.AsyncClient(base_url=url, headers=AUTH, timeout=REQUEST_TIMEOUT_S, limits=limits,
                             transport=transport)


async def run_phase(url: str, recipes: list[Recipe], clients: int, seconds: float, seed: int, pid: int
                    ) -> tuple[Tally, dict[str, float], list[tuple[float, float]]]:
    """``clients`` concurrent clients for ``seconds``; returns the tally, wall and CPU times, and RSS samples."""
    tally = Tally()
    samples: list[tuple[float, float]] = []
    async with _client(url, clients) as client:
        stop = asyncio.Event()
        sampler = asyncio.create_task(sample_rss(pid, samples, stop))
        start, server_cpu, client_cpu = time.monotonic(), cpu_s(pid), time.process_time()
        deadline = start + seconds
        loops = [client_loop(client, tally, recipes, seed * 1000 + i, deadline) for i in range(clients)]
        # Bounded: after the deadline each client ends its turn in flight, which the request timeout bounds.
        await asyncio.wait_for(asyncio.gather(*loops), seconds + 2 * REQUEST_TIMEOUT_S)
        times = {"wall_s": time.monotonic() - start, "server_cpu_s": cpu_s(pid) - server_cpu,
                 "client_cpu_s": time.process_time() - client_cpu}
        stop.set()
        await sampler
    return tally, times, samples


def latency_figures(latencies: list[float]) -> dict[str, float | None]:
    if len(latencies) < 2:
        return {"p50": None, "p95": None, "p99": None, "max": None, "mean": None}
    q = statistics.quantiles(latencies, n=100, method="inclusive")
    return {"p50": q[49], "p95": q[94], "p99": q[98], "max": max(latencies), "mean": statistics.fmean(latencies)}


def memory_figures(samples: list[tuple[float, float]], start_mb: float, end_mb: float) -> dict[str, Any]:
    """RSS at the start of the load, peak and end; the least-squares slope over the second half, in MB/min."""
    t0 = samples[0][0] if samples else 0.0
    half = samples[0][0] + (samples[-1][0] - samples[0][0]) / 2 if samples else 0.0
    second = [(t - t0, mb) for t, mb in samples if t >= half]
    slope = None
    if len(second) >= 3:
        slope = statistics.linear_regression([t for t, _ in second], [mb for _, mb in second]).slope * 60
    span_min = (second[-1][0] - second[0][0]) / 60 if len(second) >= 2 else 0.0
    return {"start": start_mb, "peak": max([mb for _, mb in samples] + [start_mb, end_mb]), "end": end_mb,
            "slope_second_half_mb_per_min": slope,
            "growth_second_half_mb": slope * span_min if slope is not None else None,
            "series": [round(mb, 1) for _, mb in samples]}


def summary(tally: Tally, times: dict[str, float]) -> dict[str, Any]:
    turns = max(len(tally.latencies), 1)
    return {"consultations_started": tally.started, "consultations_completed": tally.completed,
            "consultations_abandoned_at_deadline": tally.abandoned, "consultations_none_fit": tally.none_fit,
            "turns": len(tally.latencies),
            "errors": sum(tally.errors.values()), "errors_by_kind": tally.errors, "error_samples": tally.samples,
            "latency_s": latency_figures(tally.latencies), "turns_per_s": len(tally.latencies) / times["wall_s"],
            "server_cpu_ms_per_turn": 1000 * times["server_cpu_s"] / turns,
            "client_cpu_ms_per_turn": 1000 * times["client_cpu_s"] / turns, **times}


async def warm_up(url: str, recipes: list[Recipe], clients: int) -> Tally:
    """Every conversation of the catalogue once, ``clients`` at a time (imports, caches, the server's thread pool)."""
    tally = Tally()
    async with _client(url, clients) as client:
        queue = list(recipes)

        async def worker() -> None:
            while queue:
                await guarded(client, tally, queue.pop(), time.monotonic() + 2 * REQUEST_TIMEOUT_S)

        await asyncio.wait_for(asyncio.gather(*(worker() for _ in range(clients))), 300)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50, help="concurrent consultations")
    parser.add_argument("--seconds", type=float, default=60.0, help="run time of the load")
    parser.add_argument("--baseline-seconds", type=float, default=0.0,
                        help="first measure one client alone for this long (0: no baseline)")
    parser.add_argument("--scripts", type=int, default=64, help="distinct conversations in the catalogue")
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--workers", type=int, default=1, help="serve processes behind a round-robin balancer")
    parser.add_argument("--postgres", action="store_true", help="consultations in a throw-away PostgreSQL cluster")
    args = parser.parse_args()
    recipes = catalogue(args.scripts, args.seed)
    out: dict[str, Any] = {"clients": args.clients, "seconds": args.seconds, "scripts": args.scripts,
                           "workers": args.workers, "database": "postgres" if args.postgres else "sqlite"}
    if args.workers > 1 and not args.postgres:
        parser.error("several workers share consultations through PostgreSQL: add --postgres")
    with tempfile.TemporaryDirectory(prefix="advisor-load-") as tmp, contextlib.ExitStack() as stack:
        env = dict(OFFLINE)
        if args.postgres:
            from pg_cluster import running_cluster

            env["ADVISOR_DATABASE_URL"] = stack.enter_context(running_cluster()).create_database()
        others = [stack.enter_context(ServerProcess(Path(tmp) / f"data{i}", log=Path(tmp) / f"server{i}.log",
                                                    env=env)) for i in range(1, args.workers)]
        PORTS[:] = []
        with ServerProcess(Path(tmp) / "data", log=Path(tmp) / "server.log", env=env) as server:
            PORTS.extend([server.port, *(o.port for o in others)])
            warm = asyncio.run(warm_up(server.url, recipes, min(args.clients, args.scripts)))
            out["warm_up"] = {"consultations_completed": warm.completed, "errors": sum(warm.errors.values()),
                              "error_samples": warm.samples}
            if args.baseline_seconds > 0:
                tally, times, _ = asyncio.run(run_phase(server.url, recipes, 1, args.baseline_seconds,
                                                        args.seed + 1, server.pid))
                out["baseline_1_client"] = summary(tally, times)
            start_mb = rss_mb(server.pid)
            tally, times, samples = asyncio.run(run_phase(server.url, recipes, args.clients, args.seconds, args.seed,
                                                         server.pid))
            out.update(summary(tally, times))
            out["rss_mb"] = memory_figures(samples, start_mb, rss_mb(server.pid))
            out["server_alive"] = server.proc is not None and server.proc.poll() is None
        log = "\n".join(p.read_text(errors="replace") for p in sorted(Path(tmp).glob("server*.log")))
        out["server_log_errors"] = [line[:300] for line in log.splitlines()
                                    if "ERROR" in line or "Traceback" in line][:10]
    out["errors_all_phases"] = out["errors"] + out["warm_up"]["errors"] + \
        out.get("baseline_1_client", {}).get("errors", 0)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
