"""Maturity signals of a model: a known organisation, a paper, a commercial API; none of them makes it obscure."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from knowledge.catalog import ModelCard
from knowledge.errors import KnowledgeDataError

ORGANISATIONS_FILE = Path(__file__).parent / "data" / "organisations.yaml"
PAPER_HOSTS = ("arxiv.org", "aclanthology.org", "openreview.net", "doi.org")


class _OrganisationsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str
    checked_on: object
    organisations: list[str]


@functools.cache
def known_organisations() -> frozenset[str]:
    """Lower-case names of the organisations in ``data/organisations.yaml``."""
    try:
        parsed = _OrganisationsFile.model_validate(yaml.safe_load(ORGANISATIONS_FILE.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise KnowledgeDataError(f"{ORGANISATIONS_FILE}: {exc}") from exc
    return frozenset(o.lower() for o in parsed.organisations)


@functools.lru_cache(maxsize=8192)
def maturity(card: ModelCard) -> tuple[bool, str]:
    """(mature, why): the signals found for ``card``, or the caveat that none were."""
    org = card.name.split("/")[0] if "/" in card.name else ""
    signals = []
    if org.lower() in known_organisations():
        signals.append(f"organisation {org} has a track record")
    if card.kind == "api":
        signals.append(f"a commercial API ({card.provider or org})")
    if card.reference and any(h in card.reference for h in PAPER_HOSTS):
        signals.append("has a paper")
    if signals:
        return True, "; ".join(signals)
    return False, (f"no known organisation ({org or 'none'}), paper or commercial offer: an obscure fine-tune, "
                   "its leaderboard figure is self-reported and unreviewed")
