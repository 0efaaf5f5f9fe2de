"""One licence classifier for every surface: SPDX ids, model terms (Gemma, Llama, Qwen...), CC-BY-NC, licence URLs."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from knowledge.errors import KnowledgeDataError

LICENCES_FILE = Path(__file__).parent / "data" / "licences.yaml"
Verdict = Literal["permissive", "terms", "non-commercial", "hosted", "unknown"]


class LicenceRule(BaseModel):
    """How one licence (or family of licence texts) treats commercial use, with the source that says so."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    match: list[str] = Field(min_length=1)
    """Lower-case ids, or substrings of licence URLs, that mean this licence."""
    verdict: Verdict
    note: str
    source: str


class Licence(BaseModel):
    """A model's licence as the advisor reads it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    given: str | None
    id: str
    verdict: Verdict
    commercial_use: bool | None
    """True: allowed (possibly under terms to accept); False: forbidden; None: unknown, check the licence."""
    note: str
    source: str

    @property
    def caveat(self) -> str | None:
        """The sentence a short list shows about this licence, or None when there is nothing to check."""
        if self.verdict == "unknown":
            return f"licence {self.given or 'not recorded'}: check the licence before use ({self.note})"
        if self.verdict == "terms":
            return f"licence {self.id}: commercial use allowed under the provider's terms ({self.note})"
        return None


class _LicencesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str
    checked_on: object
    rules: list[LicenceRule]


@functools.cache
def _rules() -> tuple[LicenceRule, ...]:
    try:
        parsed = _LicencesFile.model_validate(yaml.safe_load(LICENCES_FILE.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise KnowledgeDataError(f"{LICENCES_FILE}: {exc}") from exc
    return tuple(parsed.rules)


@functools.lru_cache(maxsize=4096)
def classify_licence(given: str | None) -> Licence:
    """Classify a licence string (SPDX id, model-terms name or URL); unknown ones say so, never guess."""
    text = (given or "").strip().lower()
    if text in ("", "not specified", "none", "unknown", "other", "multiple"):
        return Licence(given=given, id="unknown", verdict="unknown", commercial_use=None,
                       note="no licence recorded in mteb's ModelMeta or the curated files",
                       source="mteb ModelMeta / knowledge/data")
    for rule in _rules():  # exact ids first, then URL or text fragments
        if text in rule.match:
            return _licence(given, rule)
    for rule in _rules():
        if any(m in text for m in rule.match if len(m) > 6 or "/" in m):
            return _licence(given, rule)
    if any(h in text for h in ("-nc", "non-commercial", "noncommercial", "cc-by-nc")):
        return Licence(given=given, id=text, verdict="non-commercial", commercial_use=False,
                       note="a non-commercial licence", source="the licence name")
    where = "a custom licence text" if text.startswith("http") else "a licence the advisor has no rule for"
    return Licence(given=given, id=text, verdict="unknown", commercial_use=None, note=where,
                   source=given or "none")


def _licence(given: str | None, rule: LicenceRule) -> Licence:
    commercial = {"permissive": True, "terms": True, "hosted": True, "non-commercial": False, "unknown": None}
    return Licence(given=given, id=rule.id, verdict=rule.verdict, commercial_use=commercial[rule.verdict],
                   note=rule.note, source=rule.source)
