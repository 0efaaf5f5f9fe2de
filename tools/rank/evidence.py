"""One evidence base per consultation: a board, its retrieval tasks in the user's languages, every model on them.

The board is chosen language-first (knowledge.benchmark_map.evidence_candidates): the language's own MTEB
benchmark, or MTEB(Multilingual) restricted to the user's languages' subsets; a domain board (in the user's
languages where it has them) and LongEmbed (long documents) are separate factors. Every model is measured on the
same (task, language) pairs: a model with every pair has an exact figure; one with at least half of them gets an
explicitly imputed figure with its uncertainty; the rest are "unproven here". Figures are never squashed into
percentiles: a factor is the figure's linear position between the board's 10th percentile and its best model.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

from knowledge.benchmark_map import evidence_candidates, load_map
from knowledge.catalog import default_catalog
from knowledge.scores import default_scores
from tools.profile.schema import RequirementProfile

RETRIEVAL_TYPES = ("Retrieval",)
MIN_TASKS = 2  # a board restricted to the user's languages needs at least this many retrieval tasks
MIN_COMPLETE_MODELS = 20  # ...and this many models with a figure on every one of them
MIN_COMPLETE_SECONDARY = 8  # the same floor for a domain or long-document board
PROVEN_COVERAGE = 0.5  # share of the board's pairs a model needs for an (imputed) figure
MIN_IMPUTE_FROM = 2  # ...and never fewer than this many measured pairs
LOW_QUANTILE = 0.10  # the factor's zero point: the board's 10th percentile of complete models


@dataclass(frozen=True, eq=False)
class Board:
    """A benchmark restricted to the (task, language) pairs of one consultation.

    Compared by identity (``eq=False``): boards come from the cached ``evidence_base``, and hashing hundreds of
    pairs on every cache lookup would cost more than the lookups save.
    """

    name: str
    role: str
    """primary (the consultation's board), domain or long."""
    languages: tuple[str, ...]
    tasks: tuple[str, ...]
    pairs: tuple[tuple[int, str], ...]
    reason: str

    def describe(self) -> dict:
        """The JSON form shown in the result: name, role, languages, tasks and why."""
        return {"name": self.name, "role": self.role, "languages": list(self.languages), "tasks": list(self.tasks),
                "pairs": len(self.pairs), "reason": self.reason}


@dataclass(frozen=True)
class Figure:
    """One model's figure on a board: exact, imputed (with uncertainty) or unproven."""

    model: str
    board: str
    per_language: dict[str, float]
    """Mean over the board's tasks in each language, for languages the model covers completely."""
    score: float | None
    scored: int
    total: int
    imputed: bool
    uncertainty: float | None
    zero_shot: int | None = None

    @property
    def proven(self) -> bool:
        """True when the figure rests on at least half of the board's pairs (all of them, or two measured)."""
        return self.score is not None and self.scored >= min(self.total, max(MIN_IMPUTE_FROM,
                                                                             PROVEN_COVERAGE * self.total))

    @property
    def coverage(self) -> str:
        """``scored/total`` (task, language) pairs."""
        return f"{self.scored}/{self.total}"

    def text(self) -> str:
        """The figure as a report phrase."""
        if self.score is None:
            return f"{self.board}: no figure ({self.coverage} tasks)"
        if self.imputed:
            return (f"{self.board}: {self.score:.4f} ± {self.uncertainty:.3f} imputed from {self.coverage} tasks "
                    "(missing tasks estimated from the model's offset to the board's task means)")
        return f"{self.board}: {self.score:.4f} on {self.coverage} tasks"

    def describe(self) -> dict:
        """The JSON form of the figure."""
        return {"board": self.board, "score": None if self.score is None else round(self.score, 6),
                "per_language": {k: round(v, 6) for k, v in self.per_language.items()},
                "tasks_scored": self.scored, "tasks_total": self.total, "imputed": self.imputed,
                "uncertainty": self.uncertainty, "group": "proven" if self.proven else "unproven here",
                "zero_shot": self.zero_shot}


@dataclass
class BoardTable:
    """Every model's figure on one board, and the scale that turns a figure into a factor."""

    board: Board
    figures: dict[str, Figure]
    low: float
    high: float
    complete: int
    reference: dict[tuple[int, str], float] = field(default_factory=dict)

    def figure(self, model: str) -> Figure:
        """The model's figure (an unproven, empty one when it has no published score here)."""
        found = self.figures.get(model)
        if found is None:
            return Figure(model=model, board=self.board.name, per_language={}, score=None, scored=0,
                          total=len(self.board.pairs), imputed=False, uncertainty=None)
        return found

    def value(self, figure: Figure) -> float | None:
        """Linear position of the figure between the board's 10th percentile (0) and its best model (1).

        An imputed figure counts at its lower bound (figure - uncertainty): a guess never outranks a measurement
        of the same size.
        """
        if not figure.proven or figure.score is None:
            return None
        span = self.high - self.low
        if span <= 0:
            return 1.0
        score = figure.score - (figure.uncertainty or 0.0)
        return round(max(0.0, min(1.0, (score - self.low) / span)), 4)


def _pairs(name: str, languages: tuple[str, ...]) -> tuple[tuple[int, str], ...]:
    info = default_scores().benchmark(name)
    out = []
    for i, kind in enumerate(info.task_types):
        if kind not in RETRIEVAL_TYPES:
            continue
        for lang in info.languages_of(i):
            if lang in languages:
                out.append((i, lang))
    return tuple(out)


def board_table(board: Board) -> BoardTable:
    """Every published model's figure on ``board`` (computed once per board and language set)."""
    table = _table(board.name, board.languages, board.pairs)
    return BoardTable(board=board, figures=table.figures, low=table.low, high=table.high, complete=table.complete,
                      reference=table.reference)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values)


@functools.lru_cache(maxsize=512)
def _values(name: str, pairs: tuple[tuple[int, str], ...]) -> dict[str, dict[tuple[int, str], float]]:
    return default_scores().board_values(name, pairs)


@functools.lru_cache(maxsize=256)
def _table(name: str, languages: tuple[str, ...], pairs: tuple[tuple[int, str], ...]) -> BoardTable:
    scores = default_scores()
    board = Board(name, "table", languages, (), pairs, "")
    raw = _values(name, pairs)
    n = len(pairs)
    complete = [v for v in raw.values() if len(v) == n]
    reference: dict[tuple[int, str], float] = {}
    for pair in pairs:
        pool = [v[pair] for v in (complete if len(complete) >= 3 else raw.values()) if pair in v]
        if pool:
            reference[pair] = _mean(pool)
    langs_present = tuple(lang for lang in languages if any(lg == lang for _, lg in pairs))
    by_lang = {lang: [p for p in pairs if p[1] == lang] for lang in langs_present}
    figures = {}
    for model, values in raw.items():
        zero_shot = scores.zero_shot(model, name)
        if len(values) == n:
            per_lang = {lang: _mean([values[p] for p in ps]) for lang, ps in by_lang.items()}
            figures[model] = Figure(model, name, per_lang, _mean(list(per_lang.values())), n, n, False, None,
                                    zero_shot)
            continue
        per_lang = {lang: _mean([values[p] for p in ps]) for lang, ps in by_lang.items()
                    if all(p in values for p in ps)}
        usable = [p for p in values if p in reference]
        if len(values) < max(MIN_IMPUTE_FROM, PROVEN_COVERAGE * n) or not usable or len(reference) < n:
            figures[model] = Figure(model, name, per_lang, None, len(values), n, False, None, zero_shot)
            continue
        offsets = [values[p] - reference[p] for p in usable]
        offset = _mean(offsets)
        spread = math.sqrt(_mean([(o - offset) ** 2 for o in offsets])) if len(offsets) > 1 else 0.05
        score = _mean([_mean([values.get(p, min(1.0, max(0.0, reference[p] + offset))) for p in ps])
                       for ps in by_lang.values()])  # an imputed nDCG stays within [0, 1]
        missing = n - len(values)
        uncertainty = round(max(spread, 0.01) * math.sqrt(missing) / math.sqrt(n), 4)
        figures[model] = Figure(model, name, per_lang, score, len(values), n, True, uncertainty, zero_shot)
    complete_scores = sorted(f.score for f in figures.values() if not f.imputed and f.score is not None)
    if complete_scores:
        low = complete_scores[int(LOW_QUANTILE * (len(complete_scores) - 1))]
        high = max(f.score for f in figures.values() if f.proven and f.score is not None)
    else:
        low, high = 0.0, 1.0
    return BoardTable(board=board, figures=figures, low=low, high=high, complete=len(complete), reference=reference)


def _complete_count(board: Board) -> int:
    n = len(board.pairs)
    return sum(1 for v in _values(board.name, board.pairs).values() if len(v) == n)


@dataclass(frozen=True, eq=False)
class EvidenceBase:
    """The boards of one consultation: the primary board, and optional domain and long-document boards."""

    primary: Board
    domain: Board | None
    long: Board | None
    notes: tuple[str, ...] = ()
    domain_is_primary: bool = False
    """True when the consultation's board is the domain's own board (English domain profiles)."""

    def describe(self) -> dict:
        """The JSON form of the evidence base (the result's ``evidence`` block, without the table)."""
        return {"board": self.primary.name, "languages": list(self.primary.languages),
                "tasks": list(self.primary.tasks), "reason": self.primary.reason,
                "domain_board": self.domain.describe() if self.domain else None,
                "long_board": self.long.describe() if self.long else None, "notes": list(self.notes)}


@functools.lru_cache(maxsize=4096)
def _restrict(name: str, languages: tuple[str, ...], role: str, reason: str) -> Board | None:
    """The board ``name`` restricted to ``languages`` (one object per arguments: boards compare by identity)."""
    scores = default_scores()
    if name not in scores.benchmarks:
        return None
    pairs = _pairs(name, languages)
    info = scores.benchmark(name)
    tasks = tuple(dict.fromkeys(info.tasks[i] for i, _ in pairs))
    if not tasks:
        return None
    covered = tuple(lang for lang in languages if any(lg == lang for _, lg in pairs))
    return Board(name, role, covered, tasks, pairs, reason)


def _usable(names: list[str], languages: tuple[str, ...], role: str, reason: str, min_models: int,
            min_tasks: int = MIN_TASKS) -> list[Board]:
    """The boards of ``names`` that rank at least ``min_models`` models on every task in ``languages``."""
    found = []
    for name in names:
        board = _restrict(name, languages, role, reason.format(name=name))
        if board is None or len(board.tasks) < min(min_tasks, len(default_scores().benchmark(name).retrieval_tasks)):
            continue
        if _complete_count(board) >= min_models:
            found.append(board)
    return found


def _first_usable(names: list[str], languages: tuple[str, ...], role: str, reason: str, min_models: int,
                  min_tasks: int = MIN_TASKS) -> Board | None:
    found = _usable(names, languages, role, reason, min_models, min_tasks)
    return found[0] if found else None


def _deployable_count(board: Board, deployable: frozenset[str]) -> int:
    table = _table(board.name, board.languages, board.pairs)
    return sum(1 for model, fig in table.figures.items() if model in deployable and not fig.imputed and fig.proven)


def evidence_base(domain: str, languages: tuple[str, ...], doc_length_tokens: int,
                  deployable: frozenset[str] | None = None) -> EvidenceBase:
    """Choose the consultation's boards (see ``_evidence_base``); profiles differing only in length share one."""
    return _evidence_base(domain, languages, doc_length_tokens >= load_map().long_documents.min_tokens, deployable)


@functools.lru_cache(maxsize=4096)
def _evidence_base(domain: str, languages: tuple[str, ...], long: bool,
                   deployable: frozenset[str] | None) -> EvidenceBase:
    """Choose the consultation's boards: language first, then domain, then LongEmbed for long documents.

    ``deployable`` (the score names of the models the user can deploy, given for API-only profiles) picks, among
    the usable boards of the first group that has one (the language's own benchmarks), one that measures clearly
    more of them completely and has at least half the tasks: a board no hosted model was run on cannot rank them.
    """
    min_tokens = load_map().long_documents.min_tokens
    plan = evidence_candidates(domain, list(languages), min_tokens if long else 0)
    langs = tuple(plan.languages)
    notes: list[str] = []
    primary = None
    groups = [_usable(names, langs, "primary", reason, MIN_COMPLETE_MODELS) for names, reason in plan.primary]
    first = next((g for g in groups if g), [])
    if first:
        primary = first[0]
        if deployable:  # another of the language's boards may measure more of what the user can deploy
            usable = [b for b in first if 2 * len(b.tasks) >= len(primary.tasks)]  # and is not much thinner
            if _deployable_count(primary, deployable) < 2:  # hardly any hosted model measured: any group's board
                usable = [b for g in groups for b in g]
            counts = [_deployable_count(b, deployable) for b in usable]
            best = max(range(len(usable)), key=lambda i: counts[i])
            if counts[best] >= max(3, 2 * _deployable_count(primary, deployable)):
                notes.append(f"{usable[best].name} chosen over {primary.name}: it measures more of the models "
                             "you can deploy")
                primary = usable[best]
    if primary is None:  # no board ranks enough models on the user's languages: the widest one, noted
        for names, reason in plan.primary:
            for name in names:
                primary = _restrict(name, langs, "primary", reason.format(name=name))
                if primary is not None:
                    notes.append(f"{primary.name} has only {len(primary.tasks)} retrieval task(s) in your languages "
                                 f"or few models on them: thin evidence, check with `evaluate`")
                    break
            if primary is not None:
                break
    if primary is None:
        primary = _restrict("MTEB(eng, v2)", ("eng",), "primary",
                            "no benchmark has retrieval tasks in your languages: English MTEB as the last resort")
        notes.append("no published retrieval benchmark in " + ", ".join(langs) + ": scores are English ones")
    assert primary is not None
    missing = [lang for lang in langs if lang not in primary.languages]
    if missing:
        notes.append(f"{primary.name} has no retrieval task in {', '.join(missing)}: those languages are unmeasured")
    domain_board = None
    if plan.domain and primary.name not in plan.domain:
        domain_board = _first_usable(plan.domain, langs, "domain", "domain {name} in your languages",
                                     MIN_COMPLETE_SECONDARY, min_tasks=1)
        if domain_board is None:
            domain_board = _first_usable(plan.domain, ("eng",), "domain",
                                         "domain {name}, English tasks (none in your languages)",
                                         MIN_COMPLETE_SECONDARY, min_tasks=1)
    long_board = None
    if plan.long:
        long_board = _first_usable(plan.long, ("eng",), "long", f"documents of {min_tokens:,}+ tokens: "
                                   "{name} measures long-context retrieval (English)", MIN_COMPLETE_SECONDARY)
    return _intern(EvidenceBase(primary, domain_board, long_board, tuple(notes), primary.name in plan.domain))


_INTERNED: dict[tuple, EvidenceBase] = {}


def _intern(evidence: EvidenceBase) -> EvidenceBase:
    """One object per distinct evidence base, so the caches keyed on it are shared by every profile that has it."""
    key = (id(evidence.primary), id(evidence.domain), id(evidence.long), evidence.notes, evidence.domain_is_primary)
    return _INTERNED.setdefault(key, evidence)


@functools.cache
def _priced_api_scores() -> frozenset[str]:
    return frozenset(c.score_name for c in default_catalog() if c.kind == "api" and c.price_usd_per_1m_tokens)


def profile_evidence(profile: RequirementProfile) -> EvidenceBase:
    """The consultation's evidence base (board language-first, domain board, LongEmbed)."""
    deployable = _priced_api_scores() if profile.deployment == "api" else None
    return evidence_base(profile.known_domain, tuple(profile.languages), profile.doc_length_tokens, deployable)
