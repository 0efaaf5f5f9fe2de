"""LLM-mode extraction held to the rules: fields right and silent wrong fills on a table of model mistakes.

Usage: ``python bench/llm_extraction_check.py [--base REV] [--verbose]``. Each case of
``tests/agent/data/llm_extraction_cases.yaml`` gives a message, the question asked, what was stated, and what a chat
model extracted (mistakes included). The extraction is scored three ways: as the model gave it (no check), through
``agent/extraction_check.py`` at ``--base`` (a git revision, if given) and through the current check. A field is
*right* when an expected value survives; a *silent wrong fill* is a value that survives where the case expects none
(or another one).
"""

from __future__ import annotations

import argparse
import importlib.util
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "agent" / "data" / "llm_extraction_cases.yaml"


def load_cases() -> list[dict[str, Any]]:
    """The table of cases."""
    return yaml.safe_load(CASES.read_text(encoding="utf-8"))


def score(cases: list[dict[str, Any]], check: Callable[..., Any] | None) -> dict[str, Any]:
    """(fields right, fields expected, silent wrong fills, the cases with a wrong fill) for one way of checking."""
    from agent.llm_nodes import ProfileUpdate, to_understanding
    from agent.understanding import understand

    right = expected = wrong = 0
    bad: list[str] = []
    for case in cases:
        llm = to_understanding(ProfileUpdate(**case["llm"]))
        if check is not None:
            rules = understand(case["text"], case["asked"], dict(case["stated"]))
            llm = check(llm, rules, case["text"], dict(case["stated"]))
        got = {f: _plain(v) for f, v in llm.updates.items()}
        for field, value in case["expect"].items():
            expected += 1
            right += got.get(field) == value
        wrong_here = [f for f, v in got.items() if (f in case["expect"] and case["expect"][f] != v)
                      or f in case["must_not"] or (f not in case["expect"] and f != "domain" and f not in
                                                   case["stated"] and v in (0, 0.0))]
        wrong += len(wrong_here)
        if wrong_here:
            bad.append(f"{case['text']!r}: {', '.join(f'{f}={got[f]!r}' for f in wrong_here)}")
    return {"right": right, "expected": expected, "wrong_fills": wrong, "bad": bad}


def _plain(value: Any) -> Any:
    """A value as the case table writes it (hardware without the keys the model left empty)."""
    return {k: v for k, v in value.items() if v is not None} if isinstance(value, dict) else value


def check_at(rev: str) -> Callable[..., Any]:
    """``check_extraction`` as it was at a git revision."""
    source = subprocess.run(["git", "show", f"{rev}:agent/extraction_check.py"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "extraction_check_at_rev.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("extraction_check_at_rev", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.check_extraction


def main(argv: list[str] | None = None) -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", help="also score the check at this git revision")
    parser.add_argument("--verbose", action="store_true", help="list the cases with a silent wrong fill")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from agent.extraction_check import check_extraction

    cases = load_cases()
    ways: list[tuple[str, Callable[..., Any] | None]] = [("model alone (no check)", None)]
    if args.base:
        ways.append((f"check at {args.base}", check_at(args.base)))
    ways.append(("check now", check_extraction))
    print(f"{len(cases)} cases")  # noqa: T201 (a report)
    for name, check in ways:
        result = score(cases, check)
        print(f"{name:28s} fields right {result['right']}/{result['expected']} "  # noqa: T201
              f"({result['right'] / max(1, result['expected']):.1%}), silent wrong fills {result['wrong_fills']}")
        if args.verbose:
            for line in result["bad"]:
                print(f"    {line}")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
