"""Published MTEB scores from the committed snapshot: per-benchmark means, coverage and zero-shot share."""

from __future__ import annotations

import functools
import statistics
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from knowledge.errors import KnowledgeDataError, UnknownBenchmarkError
from knowledge.refresh import SCORES_FILE, read_json_gz


class BenchmarkInfo(BaseModel):
    """A benchmark as captured in the snapshot."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    display_name: str
    description: str
    tasks: list[str]
    task_types: list[str]
    languages: list[str]
    task_languages: list[list[str]] = []
    """Per task, the canonical ISO 639-3 codes of the benchmark's own subsets of it (empty in format-1 snapshots)."""

    def languages_of(self, index: int) -> list[str]:
        """The canonical language codes of task ``index`` (the benchmark's languages when not recorded)."""
        if self.task_languages:
            return self.task_languages[index]
        return sorted({tag.split("-")[0] for tag in self.languages})

    @property
    def retrieval_tasks(self) -> list[str]:
        """Names of the benchmark's retrieval tasks."""
        return [t for t, kind in zip(self.tasks, self.task_types, strict=True) if kind == "Retrieval"]


class BenchmarkScore(BaseModel):
    """One model's published figures on one benchmark, with how complete they are."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str
    benchmark: str
    mean_task: float | None
    """mteb leaderboard Mean (Task); None where mteb gives none (a task missing)."""
    mean_task_type: float | None
    retrieval: float | None
    """mteb leaderboard Retrieval column (mean of retrieval tasks), None where incomplete or absent."""
    mean_available: float | None
    """Mean over the tasks that have a score (read it with ``coverage``)."""
    retrieval_available: float | None
    tasks_scored: int
    tasks_total: int
    retrieval_scored: int
    retrieval_total: int
    rank: int | None
    n_ranked: int
    zero_shot: int | None
    """Percent of the benchmark's tasks absent from the model's training data (mteb's definition)."""
    source: str

    @property
    def coverage(self) -> float:
        """Share of the benchmark's tasks with a published score."""
        return self.tasks_scored / self.tasks_total if self.tasks_total else 0.0

    @property
    def well_covered(self) -> bool:
        """At least half of the tasks behind ``best_estimate`` have a published score."""
        if self.retrieval_total:
            return self.retrieval_scored * 2 >= self.retrieval_total
        return self.tasks_scored * 2 >= self.tasks_total

    @property
    def best_estimate(self) -> float | None:
        """Retrieval mean if known, else the overall mean, each preferring complete figures."""
        for value in (self.retrieval, self.retrieval_available, self.mean_task, self.mean_available):
            if value is not None:
                return value
        return None


class ScoreSnapshot:
    """The committed table of published scores."""

    def __init__(self, data: dict[str, Any], path: Path | None = None) -> None:
        """Wrap the parsed snapshot ``data`` (see knowledge.refresh for its layout)."""
        try:
            self.source: str = data["source"]
            self.mteb_version: str = data["mteb_version"]
            self.built_on: str = data["built_on"]
            self.benchmarks = {n: BenchmarkInfo(name=n, **b) for n, b in data["benchmarks"].items()}
            self._scores: dict[str, dict[str, Any]] = data["scores"]
        except (KeyError, TypeError, ValueError) as exc:
            raise KnowledgeDataError(f"{path or 'score snapshot'}: malformed ({exc})") from exc
        self._memo: dict[tuple[str, str], BenchmarkScore | None] = {}
        self._proven_languages: dict[str, frozenset[str]] = {}
        self._n_ranked = {b: 0 for b in self.benchmarks}
        for per_model in self._scores.values():
            for bench, entry in per_model.items():
                if entry.get("rank") is not None:
                    self._n_ranked[bench] += 1

    def benchmark(self, name: str) -> BenchmarkInfo:
        """Return a benchmark by exact or case-insensitive name; raise UnknownBenchmarkError otherwise."""
        if name in self.benchmarks:
            return self.benchmarks[name]
        lowered = {b.lower().replace(" ", ""): b for b in self.benchmarks}
        key = name.lower().replace(" ", "")
        if key in lowered:
            return self.benchmarks[lowered[key]]
        raise UnknownBenchmarkError(name, self.benchmarks)

    def models(self) -> list[str]:
        """Names of every model with at least one published score."""
        return list(self._scores)

    def benchmarks_of(self, model: str) -> list[str]:
        """Benchmarks on which ``model`` has published scores."""
        return list(self._scores.get(model, {}))

    def task_scores(self, model: str, benchmark: str) -> dict[str, float | None]:
        """Per-task main scores of a model on a benchmark (None where not published)."""
        info = self.benchmark(benchmark)
        entry = self._scores.get(model, {}).get(info.name)
        values = entry["s"] if entry else [None] * len(info.tasks)
        return dict(zip(info.tasks, values, strict=True))

    def language_task_scores(self, model: str, benchmark: str, language: str) -> dict[int, float | None]:
        """Task index -> the model's figure on the benchmark's subsets in ``language`` (tasks holding it only).

        A one-language task's figure is its task score; a multi-language task's is the mean over the subsets in
        that language, as mteb's ``TaskResult.get_score(languages=[...])`` computes it (see knowledge.refresh).
        """
        info = self.benchmark(benchmark)
        entry = self._scores.get(model, {}).get(info.name)
        out: dict[int, float | None] = {}
        per_language = dict((i, v) for i, v in (entry or {}).get("L", {}).get(language, []))
        for i in range(len(info.tasks)):
            langs = info.languages_of(i)
            if language not in langs:
                continue
            if entry is None:
                out[i] = None
            elif len(langs) > 1:
                out[i] = per_language.get(i)
            else:
                out[i] = entry["s"][i]
        return out

    def board_values(self, benchmark: str,
                     pairs: tuple[tuple[int, str], ...]) -> dict[str, dict[tuple[int, str], float]]:
        """Every model's published figures on ``pairs`` of (task index, language) of one benchmark, in one pass.

        The same figures as ``language_task_scores``, for all models at once (what a board table is built from).
        """
        info = self.benchmark(benchmark)
        multi = [len(info.languages_of(i)) > 1 for i in range(len(info.tasks))]
        langs = {lang for _, lang in pairs}
        out: dict[str, dict[tuple[int, str], float]] = {}
        for model, per_model in self._scores.items():
            entry = per_model.get(info.name)
            if entry is None:
                continue
            column = entry["s"]
            per_language = {lang: dict(map(tuple, v)) for lang, v in entry.get("L", {}).items() if lang in langs}
            values = {}
            for i, lang in pairs:
                value = per_language.get(lang, {}).get(i) if multi[i] else column[i]
                if value is not None:
                    values[(i, lang)] = value
            if values:
                out[model] = values
        return out

    def zero_shot(self, model: str, benchmark: str) -> int | None:
        """Mteb's zero-shot share (percent) of ``model`` on ``benchmark``, None when undisclosed or unscored."""
        entry = self._scores.get(model, {}).get(benchmark)
        return None if entry is None else entry.get("zero_shot")

    def proven_languages(self, model: str) -> frozenset[str]:
        """Languages in which ``model`` has at least one published figure on a single-language subset set."""
        if model not in self._proven_languages:
            found: set[str] = set()
            for bench, entry in self._scores.get(model, {}).items():
                info = self.benchmarks.get(bench)
                if info is None or not info.task_languages:
                    continue
                for i, value in enumerate(entry["s"]):
                    langs = info.task_languages[i]
                    if value is not None and len(langs) == 1:
                        found.add(langs[0])
                for lang, pairs in entry.get("L", {}).items():
                    if any(v is not None for _, v in pairs):
                        found.add(lang)
            self._proven_languages[model] = frozenset(found)
        return self._proven_languages[model]

    def score(self, model: str, benchmark: str) -> BenchmarkScore | None:
        """Return a model's figures on a benchmark, or None when it has no published score there."""
        key = (model, benchmark)
        if key not in self._memo:  # the snapshot never changes: each figure is computed once
            self._memo[key] = self._score(model, benchmark)
        return self._memo[key]

    def _score(self, model: str, benchmark: str) -> BenchmarkScore | None:
        info = self.benchmark(benchmark)
        entry = self._scores.get(model, {}).get(info.name)
        if entry is None:
            return None
        values: list[float | None] = entry["s"]
        present = [v for v in values if v is not None]
        retrieval = [v for v, kind in zip(values, info.task_types, strict=True) if kind == "Retrieval"]
        retrieval_present = [v for v in retrieval if v is not None]
        return BenchmarkScore(
            model=model,
            benchmark=info.name,
            mean_task=entry.get("mean_task"),
            mean_task_type=entry.get("mean_task_type"),
            retrieval=entry.get("types", {}).get("Retrieval"),
            mean_available=statistics.fmean(present) if present else None,
            retrieval_available=statistics.fmean(retrieval_present) if retrieval_present else None,
            tasks_scored=len(present),
            tasks_total=len(values),
            retrieval_scored=len(retrieval_present),
            retrieval_total=len(retrieval),
            rank=entry.get("rank"),
            n_ranked=self._n_ranked.get(info.name, 0),
            zero_shot=entry.get("zero_shot"),
            source=f"MTEB published results ({self.source}), aggregated with mteb {self.mteb_version}",
        )

    def leaderboard(self, benchmark: str, retrieval_only: bool = True) -> list[BenchmarkScore]:
        """Every model's figures on a benchmark, best first by ``best_estimate`` (or overall mean)."""
        info = self.benchmark(benchmark)
        rows = [s for m in self._scores if (s := self.score(m, info.name)) is not None]
        def key(s: BenchmarkScore) -> float | None:
            return s.best_estimate if retrieval_only else (s.mean_task or s.mean_available)

        ranked = [(value, r) for r in rows if (value := key(r)) is not None]
        return [r for _, r in sorted(ranked, key=lambda pair: -pair[0])]


def load_scores(path: Path = SCORES_FILE) -> ScoreSnapshot:
    """Read a score snapshot file."""
    return ScoreSnapshot(read_json_gz(path, "score snapshot"), path)


@functools.cache
def default_scores() -> ScoreSnapshot:
    """The committed snapshot (read once per process)."""
    return load_scores()
