"""Field-level accuracy and silent wrong fills of the offline interview on the table of realistic messages.

Usage: ``python bench/interview_accuracy.py [--heldout | --dev2 | --dev3 | --dev4 | --dev5 | --dev6 | --dev7d |
--file PATH] [--verbose]``. Each message is read by the same graph node a consultation uses
(``agent.nodes.understand_offline``, which includes the guard of ``agent.understanding_guard``) from the state the
case describes (previous answers, the question just asked); the stored profile is then compared
with the case's expectations:

- a field is *right* when its stated value matches (numbers within 25% or inside a given range, hardware on the keys
  given, languages as a set), *missed* when it stays unset, and a *silent wrong fill* when a wrong value is stored;
- every field the message changed that the case does not expect is a silent wrong fill too, and so is a stored value
  where the case expects a confirming question;
- side questions count as right when they are routed to the expected tool (with the ``args`` the case gives, when it
  gives any); ``tool: none`` counts as right when no side question is routed (a profile answer in a side question's
  words).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from langchain_core.messages import HumanMessage

DATA = Path(__file__).resolve().parents[1] / "tests" / "agent" / "data"
SUITE, HELDOUT = DATA / "interview_messages.yaml", DATA / "heldout_messages.yaml"
DEV2 = DATA / "dev2_messages.yaml"  # a second set written blind, after the first round of fixes
DEV3 = DATA / "dev3_messages.yaml"  # a third blind set, after the second round
DEV4 = DATA / "dev4_messages.yaml"  # by class of the misses seen on blind data, in nine languages (round four)
DEV5 = DATA / "dev5_messages.yaml"  # a fifth blind set (12 languages), the guard's development set
DEV6 = DATA / "dev6_messages.yaml"  # classes of a later blind set: CJK compounds, structured rates, one-off money ...
DEV7D = DATA / "dev7d_messages.yaml"  # side questions: the twelve tools asked in fourteen languages, and negatives
TOLERANCE = 0.25
# The tools a side question is routed to (``tool:`` in a case; ``none`` = no side question may be routed).
SIDE_QUESTION_TOOLS = ("compare_models", "why_not", "explain_term", "shortlist", "summary", "estimate_cost",
                       "indexing_time", "vector_storage", "hardware_fit", "search_models", "show_model",
                       "estimate_tokens")


CASE_KEYS = {"id", "m", "asked", "prev", "expect", "not", "confirm", "tool", "args", "note"}


def load_cases(path: Path) -> list[dict[str, Any]]:
    """The cases of one suite file.

    Raises:
        ValueError: The file has no ``cases`` list, or a case lacks ``id``/``m`` or has a key the scorer does not
            know (named with the file and the case).
    """
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    cases = data.get("cases") if isinstance(data, dict) else None
    if not isinstance(cases, list):
        raise ValueError(f"{path}: expected a top-level 'cases' list")
    for i, case in enumerate(cases):
        where = f"{path.name}: cases[{i}]" + (f" ({case.get('id')})" if isinstance(case, dict) else "")
        if not isinstance(case, dict) or not case.get("id") or not isinstance(case.get("m"), str):
            raise ValueError(f"{where}: each case needs an 'id' and a message 'm'")
        unknown = set(case) - CASE_KEYS
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)} (known: {sorted(CASE_KEYS)})")
    return cases


@dataclass
class Outcome:
    """How one case went."""

    case: dict[str, Any]
    right: int = 0
    total: int = 0
    silent: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    tool_ok: bool | None = None


def _stated(state: dict[str, Any]) -> dict[str, Any]:
    from agent.state import STATED

    prov = state.get("provenance") or {}
    return {k: v for k, v in (state.get("profile") or {}).items() if prov.get(k) in STATED}


def _validated_hardware(value: Any) -> dict[str, Any]:
    from tools.profile.schema import Hardware

    try:
        return Hardware.model_validate(value).model_dump()
    except Exception:  # noqa: BLE001 - an invalid stored value simply does not match
        return dict(value or {})


def _matches(name: str, want: Any, got: Any) -> bool:
    if name == "hardware":
        if not isinstance(got, dict):
            return False
        hw = _validated_hardware(got)
        for key, value in want.items():
            if key == "accelerator":
                names = value if isinstance(value, list) else [value]
                if not any(str(hw.get("accelerator", "")).lower().startswith(str(n).lower()) for n in names):
                    return False
            elif isinstance(value, list):  # a range of a numeric key, [lo, hi]
                if not isinstance(hw.get(key), int | float) or not value[0] <= hw[key] <= value[1]:
                    return False
            elif hw.get(key) is None or abs(float(hw[key]) - float(value)) > 0.01 * float(value):
                return False
        return True
    if name == "languages":
        from knowledge.languages import normalise_language

        try:
            return {normalise_language(x).code for x in got} == {normalise_language(x).code for x in want}
        except Exception:  # noqa: BLE001
            return False
    if want is None or got is None or isinstance(want, bool) or isinstance(got, bool):
        return want is got or want == got
    if name == "domain":
        return got in (want if isinstance(want, list) else [want])
    if name == "priorities":  # an order of names, not a numeric range
        return isinstance(got, list) and list(got) == list(want)
    if isinstance(want, list):
        return isinstance(got, int | float) and want[0] <= got <= want[1]
    if isinstance(want, int | float):
        return isinstance(got, int | float) and abs(got - want) <= TOLERANCE * abs(want)
    return got == want


def initial_state(case: dict[str, Any]) -> dict[str, Any]:
    """The consultation state a case starts from: its previous answers (stated) and the question just asked."""
    prev = dict(case.get("prev") or {})
    return {"profile": prev, "provenance": {k: "said" for k in prev}, "asked_field": case.get("asked"),
            "messages": [HumanMessage(case["m"])], "turn": 1, "reply_language": "en"}


def run_case(case: dict[str, Any]) -> Outcome:
    """Read one case's message and score what was stored."""
    from agent.nodes import understand_offline

    state = initial_state(case)
    update = understand_offline(state)
    after = {**state, **{k: v for k, v in update.items() if k in ("profile", "provenance")}}
    before, stated = _stated(state), _stated(after)
    out = Outcome(case)
    expect = case.get("expect") or {}
    for name, want in expect.items():
        out.total += 1
        if want == "unset":
            if name in stated:
                out.silent.append(f"{name} kept {stated[name]!r}")
            else:
                out.right += 1
            continue
        if name not in stated or (name in before and stated[name] == before[name] and not _matches(name, want,
                                                                                                   stated[name])):
            out.problems.append(f"{name} missed (want {want!r})")
        elif _matches(name, want, stated[name]):
            out.right += 1
        else:
            out.silent.append(f"{name}={stated[name]!r} (want {want!r})")
    for name, value in stated.items():
        if name in expect or before.get(name) == value:
            continue
        out.silent.append(f"{name}={value!r} filled (not stated by the message)")
    if case.get("confirm"):
        out.total += 1
        if update.get("pending_confirmation"):
            out.right += 1
        else:
            out.problems.append("no confirming question")
    if case.get("tool"):
        requests = [t for t in update.get("pending_tools") or [] if t.get("tool") in SIDE_QUESTION_TOOLS]
        tools = [t.get("tool") for t in requests]
        if update.get("recommend_requested"):
            tools.append("shortlist")  # "show the short list" before there is one: it is made now
        if case["tool"] == "none":  # a profile answer that shares a side question's words: no tool may be asked
            out.tool_ok = not tools
        else:
            routed = [t.get("args") or {} for t in requests if t.get("tool") == case["tool"]]
            want_args = case.get("args") or {}
            out.tool_ok = case["tool"] in tools and (not want_args or any(
                all(args.get(k) == v for k, v in want_args.items()) for args in routed))
        if not out.tool_ok:
            out.problems.append(f"tool {[(t.get('tool'), t.get('args')) for t in requests] or tools or None} "
                                f"(want {case['tool']}{' ' + repr(case['args']) if case.get('args') else ''})")
    return out


def score(cases: list[dict[str, Any]]) -> dict[str, Any]:
    """Run every case; return the totals and the outcomes."""
    outcomes = [run_case(c) for c in cases]
    right, total = sum(o.right for o in outcomes), sum(o.total for o in outcomes)
    tools = [o.tool_ok for o in outcomes if o.tool_ok is not None]
    return {"cases": len(outcomes), "fields": total, "right": right, "accuracy": right / total if total else 1.0,
            "silent_wrong_fills": sum(len(o.silent) for o in outcomes),
            "side_questions": len(tools), "side_questions_routed": sum(tools), "outcomes": outcomes}


def main(argv: list[str] | None = None) -> int:
    """Print the numbers (and, with --verbose, every case that went wrong)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--heldout", action="store_true", help="score the held-out file instead of the suite")
    which.add_argument("--dev2", action="store_true", help="score the second, blind-written development set")
    which.add_argument("--dev3", action="store_true", help="score the third, blind-written development set")
    which.add_argument("--dev4", action="store_true", help="score the fourth set (classes of blind misses)")
    which.add_argument("--dev5", action="store_true", help="score the fifth, blind-written development set")
    which.add_argument("--dev6", action="store_true", help="score the sixth set (classes of later blind misses)")
    which.add_argument("--dev7d", action="store_true", help="score the side questions set (twelve tools, 14 languages)")
    which.add_argument("--file", type=Path, help="score this YAML file of cases (same keys as the suite)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list the cases that went wrong")
    args = parser.parse_args(argv)
    path = args.file or (HELDOUT if args.heldout else DEV2 if args.dev2 else DEV3 if args.dev3 else DEV4 if args.dev4
                         else DEV5 if args.dev5 else DEV6 if args.dev6 else DEV7D if args.dev7d else SUITE)
    if not path.is_file():
        parser.error(f"no such file of cases: {path}")
    result = score(load_cases(path))
    if args.verbose:
        for o in result["outcomes"]:
            if o.silent or o.problems:
                print(f"{o.case['id']:<12} {o.case['m'][:70]!r}")  # noqa: T201
                for line in [*(f"  SILENT {s}" for s in o.silent), *(f"  miss   {p}" for p in o.problems)]:
                    print(line)  # noqa: T201
    print(f"{path.name}: {result['cases']} messages, {result['fields']} fields: "  # noqa: T201
          f"{result['right']} right ({result['accuracy']:.1%}), {result['silent_wrong_fills']} silent wrong fills; "
          f"side questions routed {result['side_questions_routed']}/{result['side_questions']}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    sys.exit(main())
