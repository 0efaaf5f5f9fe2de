"""Normalise language names and codes ("Chinese", "zh", "中文") to the ISO 639-3 codes mteb uses."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from knowledge.errors import InvalidFilterError, KnowledgeDataError

LANGUAGES_FILE = Path(__file__).parent / "data" / "languages.yaml"


class Language(BaseModel):
    """One language: its ISO 639-3 code, ISO 639-1 code, names, and codes that count as the same."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(pattern=r"^[a-z]{3}$")
    iso1: str | None = Field(default=None, pattern=r"^[a-z]{2}$")  # none for some (Cebuano)
    names: list[str]
    also: list[str] = []

    @property
    def words(self) -> list[str]:
        """The names that are whole words (a name ending in "*" is a stem for running text only)."""
        return [n for n in self.names if not n.endswith("*")]

    @property
    def codes(self) -> frozenset[str]:
        """Every ISO 639-3 code that matches this language."""
        return frozenset([self.code, *self.also])


class _LanguagesFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str
    checked_on: str | object
    languages: list[Language]


@functools.cache
def _table() -> dict[str, Language]:
    from pydantic import ValidationError

    try:
        parsed = _LanguagesFile.model_validate(yaml.safe_load(LANGUAGES_FILE.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise KnowledgeDataError(f"{LANGUAGES_FILE}: {exc}") from exc
    table: dict[str, Language] = {}
    for lang in parsed.languages:
        for key in [lang.code, *([lang.iso1] if lang.iso1 else []), *lang.also, *(n.lower() for n in lang.words)]:
            other = table.get(key.lower())
            if other is not None and other.code != lang.code:
                raise KnowledgeDataError(f"{LANGUAGES_FILE}: {key!r} names both {other.code} and {lang.code}")
            table[key.lower()] = lang
    return table


def normalise_language(text: str, field: str = "language") -> Language:
    """Return the Language for a name or code; raise InvalidFilterError naming ``field`` when unknown."""
    key = text.strip().lower()
    base = key.split("-")[0].split("_")[0] if len(key) > 3 and key[2:3] in "-_" or key[3:4] in "-_" else key
    table = _table()
    if key in table:
        return table[key]
    if base in table:
        return table[base]
    known = sorted({lang.names[0] for lang in table.values()})
    raise InvalidFilterError(field, text, "an ISO 639-1/639-3 code or a name such as " + ", ".join(known[:12]) + " ...")


def known_languages() -> list[Language]:
    """Return every language in the table, once each."""
    return list({lang.code: lang for lang in _table().values()}.values())


def tag_codes(tags: list[str] | None) -> set[str]:
    """Return the ISO 639-3 part of mteb language tags such as ``eng-Latn``."""
    return {t.split("-")[0] for t in tags or []}
