"""Language support as evidence, not a gate: published scores prove it, mteb's list and curated overrides add to it."""

from __future__ import annotations

import functools
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from knowledge.catalog import ModelCard
from knowledge.errors import KnowledgeDataError
from knowledge.languages import known_languages
from knowledge.scores import default_scores

SUPPORT_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "language_support.yaml"
MULTILINGUAL_TOKENIZERS = {"SentencePiece-Unigram", "SentencePiece-BPE", "byte-BPE"}
ALIASES = {lang.code: lang.codes for lang in known_languages()}
NAMES = {lang.code: lang.names[0].title() for lang in known_languages()}


class _Override(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    languages: list[str] = Field(min_length=1)
    source: str = Field(min_length=4)


class _SupportFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str
    checked_on: object
    models: list[_Override]


@functools.cache
def overrides() -> dict[str, _Override]:
    """Curated language support by model name (``data/language_support.yaml``)."""
    try:
        parsed = _SupportFile.model_validate(yaml.safe_load(SUPPORT_FILE.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise KnowledgeDataError(f"{SUPPORT_FILE}: {exc}") from exc
    return {o.name: o for o in parsed.models}


class LanguageVerdict(BaseModel):
    """For one model and the user's languages: which are proven, listed, unverified or ruled out, and why."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    proven: tuple[str, ...]
    listed: tuple[str, ...]
    unverified: tuple[str, ...]
    ruled_out: tuple[tuple[str, str], ...]
    """(language, the evidence that says the model does not handle it)."""


def _english_centred(card: ModelCard) -> bool:
    family, vocab = card.tokenizer_family, card.vocab_size
    if family in MULTILINGUAL_TOKENIZERS or (vocab or 0) >= 100_000:
        return False
    return family is not None or vocab is not None or card.language_codes <= {"eng"}


@functools.lru_cache(maxsize=65536)
def language_verdict(card: ModelCard, languages: tuple[str, ...]) -> LanguageVerdict:
    """Weigh the evidence for each language: scores, then metadata, then the tokenizer; rule out only on evidence."""
    proven_codes = default_scores().proven_languages(card.score_name)
    listed_codes = card.language_codes
    override = overrides().get(card.name) or overrides().get(card.score_name)
    multilingual = "multilingual" in listed_codes or (override is not None and "multilingual" in override.languages)
    curated = set(override.languages) if override else set()
    proven, listed, unverified, ruled_out = [], [], [], []
    for lang in languages:
        codes = ALIASES.get(lang, {lang})
        if codes & proven_codes:
            proven.append(lang)
        elif multilingual or codes & listed_codes or codes & curated:
            listed.append(lang)
        elif card.family == "sparse":
            listed.append(lang)  # BM25: an analyzer per language
        elif not listed_codes:
            unverified.append(lang)
        elif _english_centred(card):
            shown = ", ".join(sorted(listed_codes)[:6])
            ruled_out.append((lang, f"no published score in {NAMES.get(lang, lang)} ({lang}), its metadata lists "
                                    f"only {shown} and its tokenizer is English-centred "
                                    f"({card.tokenizer_family or 'WordPiece/BPE'}, "
                                    f"{card.vocab_size or 'small'} entries)"))
        else:
            unverified.append(lang)
    return LanguageVerdict(proven=tuple(proven), listed=tuple(listed), unverified=tuple(unverified),
                           ruled_out=tuple(ruled_out))
