"""Build the committed snapshots (ModelMeta fields, published scores) from mteb and an MTEB results cache.

This is the only module that imports mteb at module level of its functions; answering a question
never does (mteb takes ~3 s to import): it reads the snapshots these functions write.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import math
import tarfile
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from knowledge.errors import InputFileError, KnowledgeDataError

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
MODEL_META_FILE = DATA_DIR / "mteb_model_meta.json.gz"
SCORES_FILE = DATA_DIR / "score_snapshot.json.gz"

_META_FIELDS = (
    "name", "revision", "release_date", "languages", "n_parameters", "n_active_parameters_override",
    "n_embedding_parameters", "memory_usage_mb", "max_tokens", "embed_dim", "license", "open_weights",
    "public_training_code", "public_training_data", "framework", "reference", "similarity_fn_name",
    "use_instructions", "training_datasets", "adapted_from", "superseded_by", "modalities", "model_type",
    "output_dtypes", "is_cross_encoder",
)  # fmt: skip


def _jsonable(value: Any) -> Any:
    if isinstance(value, set | frozenset | tuple):
        return sorted(_jsonable(v) for v in value) if isinstance(value, set | frozenset) else list(value)
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "value") and not isinstance(value, int | float | str | bool):
        return value.value
    return value


def meta_record(meta: Any, origin: str) -> dict[str, Any]:
    """Return the JSON-able ModelMeta fields the advisor uses, with where they came from."""
    data = meta if isinstance(meta, dict) else {f: getattr(meta, f, None) for f in _META_FIELDS}
    record = {f: _jsonable(data.get(f)) for f in _META_FIELDS}
    if isinstance(record["training_datasets"], dict):  # older model_meta.json: {dataset: [splits]}
        record["training_datasets"] = sorted(record["training_datasets"])
    for field in ("output_dtypes", "framework", "languages", "modalities", "model_type"):
        if isinstance(record[field], str):
            record[field] = [record[field]]
    record["origin"] = origin
    return record


def write_json_gz(path: Path, payload: dict[str, Any]) -> None:
    """Write ``payload`` as compact, deterministic gzipped JSON (mtime 0, so rebuilds diff cleanly)."""
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0, compresslevel=9) as gz:
        gz.write(raw)


def read_json_gz(path: Path, what: str) -> dict[str, Any]:
    """Read a snapshot written by ``write_json_gz``; a missing or corrupt file names itself and the fix."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, EOFError, json.JSONDecodeError) as exc:
        raise KnowledgeDataError(f"{path}: cannot read the {what} ({exc}); "
                                 "rebuild it with `embedding-advisor knowledge refresh --results DIR`") from exc


def resolve_results_dir(results: Path, scratch: Path) -> Path:
    """Return the cache directory holding ``remote/results``; unpack a ``.tar.gz`` into ``scratch`` first."""
    if not results.exists():
        raise InputFileError(f"--results {results}: no such file or directory")
    if results.is_file():
        if not results.name.endswith((".tar.gz", ".tgz")):
            raise InputFileError(f"--results {results}: expected a directory or a .tar.gz archive")
        with tarfile.open(results) as tar:
            tar.extractall(scratch, filter="data")
        results = scratch
    for candidate in (results, results / "remote" / "results", results / "results"):
        if any(candidate.glob("*/*/model_meta.json")):
            return candidate.parent.parent if candidate.name == "results" and candidate.parent.name == "remote" else (
                _as_cache_root(candidate, scratch)
            )
    raise InputFileError(f"--results {results}: no <model>/<revision>/model_meta.json files found")


def _as_cache_root(models_dir: Path, scratch: Path) -> Path:
    """Mteb's ResultCache reads ``<root>/remote/results``; link a bare results folder into that shape."""
    root = scratch / "cache-root"
    (root / "remote").mkdir(parents=True, exist_ok=True)
    link = root / "remote" / "results"
    if not link.exists():
        link.symlink_to(models_dir.resolve(), target_is_directory=True)
    return root


def text_benchmarks() -> list[Any]:
    """Return mteb's benchmarks whose tasks are all text-only."""
    import mteb

    return [b for b in mteb.get_benchmarks() if all(set(t.metadata.modalities) <= {"text"} for t in b.tasks)]


def _round(x: Any) -> float | None:
    if x is None:
        return None
    x = float(x)
    return None if math.isnan(x) else round(x, 6)


def _cell(row: Any, column: str) -> float | None:
    """Return one numeric cell of mteb's summary table, or None when the row or column is absent."""
    if row is None or column not in row.index:
        return None
    try:
        return _round(row[column])
    except (TypeError, ValueError):
        return None


def build_model_meta_snapshot(cache_root: Path | None) -> dict[str, Any]:
    """Capture mteb's ModelMeta registry, plus published ``model_meta.json`` of models the registry lacks."""
    import mteb

    records = {m.name: meta_record(m, "mteb-registry") for m in mteb.get_model_metas() if m.name}
    extra = 0
    if cache_root is not None:
        for path in sorted((cache_root / "remote" / "results").glob("*/*/model_meta.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            name = data.get("name")
            if name and name not in records:
                records[name] = meta_record(data, "published-results")
                extra += 1
    logger.info("model meta snapshot: %d registry + %d published-only models", len(records) - extra, extra)
    return {"format": 1, "mteb_version": mteb.__version__, "models": records}


LANGUAGE_TASK_TYPES = ("Retrieval", "Reranking", "InstructionRetrieval")
"""Task types whose per-language scores the snapshot keeps (what a retrieval board is built from)."""


def _canonical_codes() -> dict[str, str]:
    """Map every ISO 639-3 code the advisor knows (``also`` codes included) to its canonical code."""
    from knowledge.languages import known_languages

    return {code: lang.code for lang in known_languages() for code in lang.codes}


def _task_languages(task: Any, canonical: dict[str, str]) -> dict[str, list[str]]:
    """The benchmark's own subsets of ``task``, each with the canonical language codes it holds."""
    mapping = task.metadata.hf_subsets_to_langscripts
    subsets = list(getattr(task, "hf_subsets", None) or mapping)
    out = {}
    for subset in subsets:
        codes = {tag.split("-")[0] for tag in mapping.get(subset, [])}
        out[subset] = sorted({canonical.get(c, c) for c in codes})
    return out


def _language_scores(long_frame: Any, task_names: list[str], task_types: list[str],
                     subset_langs: list[dict[str, list[str]]], canonical: dict[str, str]) -> dict[str, dict]:
    """Per model, language and multi-language retrieval task: the mean over the subsets in that language.

    Computed from mteb's own subset-level frame of validated results, so each figure is what
    ``TaskResult.get_score(languages=[lang])`` gives for the benchmark's subsets (a missing subset makes it None).
    """
    wanted = set(canonical.values())
    index = {name: i for i, name in enumerate(task_names)}
    acc: dict[str, dict[str, dict[int, list[float]]]] = {}
    for model, task, subset, score in zip(long_frame["model_name"], long_frame["task_name"], long_frame["subset"],
                                          long_frame["score"], strict=True):
        i = index.get(task)
        if i is None or task_types[i] not in LANGUAGE_TASK_TYPES:
            continue
        langs = subset_langs[i]
        if len({lang for codes in langs.values() for lang in codes}) < 2:
            continue  # a one-language task: its task score is the language score
        for lang in langs.get(subset, []):
            if lang in wanted:
                acc.setdefault(model, {}).setdefault(lang, {}).setdefault(i, []).append(float(score))
    out: dict[str, dict] = {}
    for model, per_lang in acc.items():
        out[model] = {lang: [[i, _round(sum(v) / len(v)) if not any(math.isnan(x) for x in v) else None]
                             for i, v in sorted(per_task.items())]
                      for lang, per_task in sorted(per_lang.items())}
    return out


def build_score_snapshot(
    cache_root: Path,
    source: str,
    benchmarks: Iterable[str] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, Any]:
    """Aggregate published results per model and benchmark with mteb's own ResultCache and Benchmark.get_score.

    Results are validated and filtered against each benchmark's tasks (``validate_and_filter=True``), so a task's
    figure averages only the benchmark's own subsets (MTEB(jpn, v1)'s MrTidyRetrieval is its Japanese subset),
    and multi-language retrieval tasks also keep one figure per language (``L``).
    """
    import mteb
    from mteb.cache import ResultCache

    from knowledge.benchmark_map import load_map

    canonical = _canonical_codes()
    language_boards = load_map().all_benchmarks()  # per-language figures only where a consultation can use them
    cache = ResultCache(cache_path=cache_root)
    selected = text_benchmarks()
    if benchmarks is not None:
        wanted = set(benchmarks)
        selected = [b for b in selected if b.name in wanted]
    out_benchmarks: dict[str, Any] = {}
    scores: dict[str, dict[str, Any]] = {}
    for i, bench in enumerate(selected):
        if progress:
            progress(bench.name, i, len(selected))
        task_names = [t.metadata.name for t in bench.tasks]
        results = cache.load_results(tasks=bench, only_main_score=True, validate_and_filter=True)
        frame = results.to_dataframe()
        if frame.empty:
            continue
        frame = frame.set_index("task_name")
        summary = results.get_benchmark_result()
        # mteb returns a frame without the Model column when it cannot build the summary for a benchmark.
        table = summary.set_index("Model") if "Model" in summary.columns else summary.iloc[0:0]
        task_types = [t.metadata.type for t in bench.tasks]
        subset_langs = [_task_languages(t, canonical) for t in bench.tasks]
        type_columns = [c for c in dict.fromkeys(task_types) if c in table.columns]
        out_benchmarks[bench.name] = {
            "display_name": bench.display_name or bench.name,
            "description": (bench.description or "").strip().split("\n")[0][:300],
            "tasks": task_names,
            "task_types": task_types,
            "languages": sorted({lang for t in bench.tasks for lang in (t.metadata.languages or [])}),
            "task_languages": [sorted({c for codes in sl.values() for c in codes}) for sl in subset_langs],
        }
        per_language = _language_scores(results.to_dataframe(aggregation_level="subset", format="long"),
                                        task_names, task_types, subset_langs, canonical) if (
            bench.name in language_boards) else {}
        # The wide frame also carries metadata columns (e.g. "is_public"): keep only the models' own columns.
        model_names = {mr.model_name for mr in results}
        for model in [c for c in frame.columns if c in model_names]:
            column = [_round(frame.at[t, model]) if t in frame.index else None for t in task_names]
            if all(v is None for v in column) and model not in per_language:
                continue
            row = table.loc[model] if model in table.index and not table.empty else None
            if row is not None and row.ndim > 1:  # one row per experiment: keep the default one
                row = row.iloc[0]
            zero_shot = _cell(row, "Zero-shot")
            rank = _cell(row, "Rank (Borda)")
            entry = {
                "s": column,
                "mean_task": _cell(row, "Mean (Task)"),
                "mean_task_type": _cell(row, "Mean (TaskType)"),
                "types": {c: v for c in type_columns if (v := _cell(row, c)) is not None},
                "rank": None if rank is None else int(rank),
                "zero_shot": int(zero_shot) if zero_shot is not None and zero_shot >= 0 else None,
            }
            if model in per_language:
                entry["L"] = per_language[model]
            scores.setdefault(model, {})[bench.name] = entry
    return {
        "format": 2,
        "mteb_version": mteb.__version__,
        "source": source,
        "built_on": dt.date.today().isoformat(),
        "benchmarks": out_benchmarks,
        "scores": scores,
    }


def refresh(
    results: Path | None,
    source: str,
    out_dir: Path = DATA_DIR,
    download: bool = False,
    benchmarks: Iterable[str] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> dict[str, Any]:
    """Rebuild both snapshots into ``out_dir`` and return a summary of what was written."""
    with tempfile.TemporaryDirectory(prefix="advisor-refresh-") as tmp:
        scratch = Path(tmp)
        if download:
            from mteb.cache import ResultCache

            cache_root = scratch / "download"
            ResultCache(cache_path=cache_root).download_from_remote()
        elif results is not None:
            cache_root = resolve_results_dir(results, scratch)
        else:
            raise InputFileError("knowledge refresh: give --results DIR|ARCHIVE or --download")
        meta = build_model_meta_snapshot(cache_root)
        scores = build_score_snapshot(cache_root, source, benchmarks, progress)
    write_json_gz(out_dir / MODEL_META_FILE.name, meta)
    write_json_gz(out_dir / SCORES_FILE.name, scores)
    return {
        "models_in_meta": len(meta["models"]),
        "models_with_scores": len(scores["scores"]),
        "benchmarks": len(scores["benchmarks"]),
        "mteb_version": meta["mteb_version"],
        "meta_bytes": (out_dir / MODEL_META_FILE.name).stat().st_size,
        "scores_bytes": (out_dir / SCORES_FILE.name).stat().st_size,
    }
