"""The model catalog: mteb's ModelMeta snapshot merged with curated facts, every fact with its source."""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from knowledge.curated import ApiModelEntry, Fact, OpenModelEntry, load_api_models, load_open_models
from knowledge.errors import KnowledgeDataError, UnknownModelError
from knowledge.languages import tag_codes
from knowledge.licences import Licence, classify_licence
from knowledge.refresh import MODEL_META_FILE, read_json_gz

Kind = Literal["open", "api"]
Family = Literal["sparse", "learned-sparse", "late-interaction", "contextual", "static", "dense", "hybrid", "llm",
                 "api"]
"""sparse is lexical BM25; learned-sparse a SPLADE-type encoder; late-interaction a ColBERT-type multi-vector model;
contextual a model that embeds a chunk with its document's context."""

_LLM_HINTS = ("qwen", "mistral", "llama", "gemma", "nv-embed", "llm2vec", "e5-mistral", "sfr-embedding", "gritlm",
              "phi", "olmo", "deepseek", "yi-", "baichuan", "internlm")  # fmt: skip


class Provenance(BaseModel):
    """Where one fact of a card comes from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    checked_on: dt.date | None = None
    note: str | None = None


class ModelCard(BaseModel):
    """Everything known about one embedding model; ``provenance`` maps each filled field to its source."""

    model_config = ConfigDict(extra="forbid")

    name: str
    aliases: list[str] = []
    kind: Kind
    family: Family
    provider: str | None = None
    api_model_id: str | None = None
    in_mteb_registry: bool = False
    scores_as: str | None = None
    release_date: str | None = None
    languages: list[str] | None = None
    n_parameters: int | None = None
    n_embedding_parameters: int | None = None
    memory_usage_mb: float | None = None
    max_tokens: int | None = None
    embed_dim: int | None = None
    output_dimensions: list[int] | None = None
    license: str | None = None
    open_weights: bool | None = None
    training_datasets: list[str] | None = None
    public_training_data: str | bool | None = None
    model_type: list[str] | None = None
    modalities: list[str] | None = None
    similarity: str | None = None
    framework: list[str] | None = None
    reference: str | None = None
    use_instructions: bool | None = None
    adapted_from: str | None = None
    superseded_by: str | None = None
    tokenizer_family: str | None = None
    tokenizer_name: str | None = None
    vocab_size: int | None = None
    domains: list[str] | None = None
    output_types: list[str] | None = None
    architecture: str | None = None
    query_prefix: str | None = None
    document_prefix: str | None = None
    price_usd_per_1m_tokens: float | None = None
    batch_price_usd_per_1m_tokens: float | None = None
    output_dtypes: list[str] | None = None
    rate_notes: str | None = None
    training_data_notes: str | None = None
    provenance: dict[str, Provenance] = {}

    def __hash__(self) -> int:
        # Cards key caches; equality stays field-wise, so an edited copy never hits the original's entry.
        return hash(self.name)

    @property
    def language_codes(self) -> set[str]:
        """ISO 639-3 codes of the languages the model lists."""
        return tag_codes(self.languages)

    @property
    def licence(self) -> Licence:
        """The licence as knowledge.licences classifies it (one classifier for every surface)."""
        return classify_licence(self.license)

    @property
    def commercial_use(self) -> bool | None:
        """True when the licence allows commercial use, False when it forbids it, None when unknown."""
        return self.licence.commercial_use

    @property
    def score_name(self) -> str:
        """The name under which this model's published scores are filed."""
        return self.scores_as or self.name

    def fact(self, field: str) -> tuple[Any, Provenance | None]:
        """Return a field's value with its provenance."""
        return getattr(self, field), self.provenance.get(field)


_CURATED_OPEN_FIELDS = ("tokenizer_family", "vocab_size", "domains", "output_types", "architecture",
                        "matryoshka_dims", "query_prefix", "document_prefix", "max_tokens", "dimensions",
                        "n_parameters", "license", "languages", "training_data_notes")  # fmt: skip
_CURATED_API_FIELDS = ("price_usd_per_1m_tokens", "batch_price_usd_per_1m_tokens", "max_input_tokens", "dimensions",
                       "output_dimensions", "output_dtypes", "languages", "domains", "tokenizer_family",
                       "tokenizer_name", "vocab_size", "rate_notes", "release_date", "query_prefix",
                       "document_prefix")  # fmt: skip
# mteb's random / no-op baselines are test artefacts, not models to advise (its BM25 baselines stay).
_MTEB_ARTEFACTS = ("mteb/baseline-random", "mteb/baseline-no-reranking")
_RENAMES = {"matryoshka_dims": "output_dimensions", "dimensions": "embed_dim", "max_input_tokens": "max_tokens"}
_META_TO_CARD = {"similarity_fn_name": "similarity"}


def _mteb_source(record: dict[str, Any], mteb_version: str) -> Provenance:
    if record.get("origin") == "published-results":
        return Provenance(source="model_meta.json in the published MTEB results", note=record.get("reference"))
    return Provenance(source=f"mteb ModelMeta registry (mteb {mteb_version})", note=record.get("reference"))


def _card_from_meta(record: dict[str, Any], mteb_version: str) -> ModelCard:
    prov = _mteb_source(record, mteb_version)
    values: dict[str, Any] = {}
    for key, value in record.items():
        field = _META_TO_CARD.get(key, key)
        if field in ModelCard.model_fields and value is not None and field not in ("name",):
            values[field] = value
    if isinstance(values.get("embed_dim"), list):
        dims = values["embed_dim"]
        values["output_dimensions"] = sorted(dims)
        values["embed_dim"] = max(dims)
    if values.get("max_tokens") is not None:
        if math.isinf(values["max_tokens"]):
            # Static models have no position embeddings: no context limit. None means "no limit" here.
            values.pop("max_tokens")
        else:
            values["max_tokens"] = int(values["max_tokens"])
    if isinstance(values.get("output_dtypes"), str):
        values["output_dtypes"] = [values["output_dtypes"]]
    open_weights = record.get("open_weights")
    kind: Kind = "open" if open_weights is not False else "api"
    card = ModelCard(
        name=record["name"],
        kind=kind,
        family="api",
        in_mteb_registry=record.get("origin") == "mteb-registry",
        provenance={f: prov for f in values},
        **values,
    )
    card.family = classify_family(card)
    return card


def _apply(card: ModelCard, entry: OpenModelEntry | ApiModelEntry, fields: Iterable[str]) -> None:
    for key in fields:
        fact: Fact[Any] | None = getattr(entry, key, None)
        if fact is None:
            continue
        field = _RENAMES.get(key, key)
        value = fact.value.isoformat() if isinstance(fact.value, dt.date) else fact.value
        if field == "languages" and isinstance(value, list):
            value = [v if "-" in v else f"{v}-Zzzz" for v in value]
        setattr(card, field, value)
        card.provenance[field] = Provenance(source=fact.source, checked_on=fact.checked_on, note=fact.note)
    card.aliases = sorted({*card.aliases, *entry.aliases})


def classify_family(card: ModelCard) -> Family:
    """Place a model in one of the families the advisor compares (see ``Family``); mteb's model_type decides first."""
    if card.kind == "api":
        return "api"
    arch = card.architecture
    types = set(card.model_type or [])
    outputs = set(card.output_types or [])
    if arch == "static" or "static" in types or any("model2vec" in f.lower() for f in card.framework or []):
        return "static"
    name = card.name.lower()
    if arch == "sparse-lexical" or (types == {"sparse"} and ("bm25" in name or name.startswith("mteb/baseline"))):
        return "sparse"
    if arch == "sparse-learned" or types == {"sparse"} or "splade" in name:
        return "learned-sparse"
    if "late-interaction" in types or "multi_vector" in outputs and "dense" not in outputs or "colbert" in name:
        return "late-interaction"
    if "-context" in name.split("/")[-1]:
        return "contextual"
    if "sparse" in outputs and "dense" in outputs:
        return "hybrid"
    if arch == "decoder-llm":
        return "llm"
    if arch is None and (card.n_parameters or 0) >= 1_000_000_000 and any(h in name for h in _LLM_HINTS):
        return "llm"
    return "dense"


def _preferred(cards: list[ModelCard]) -> ModelCard | None:
    """The card a bare short name means: the only one, else the priced one, else the scored one, else None."""
    if len(cards) == 1:
        return cards[0]
    for test in (lambda c: c.price_usd_per_1m_tokens is not None, lambda c: c.scores_as is not None,
                 lambda c: c.in_mteb_registry and c.n_parameters is not None):
        hits = [c for c in cards if test(c)]
        if len(hits) == 1:
            return hits[0]
    return None


class Catalog:
    """All model cards, looked up by name, alias or the part after the organisation."""

    def __init__(self, cards: list[ModelCard], mteb_version: str) -> None:
        """Index ``cards``; ``mteb_version`` is the version their ModelMeta fields were captured from."""
        self.cards = {c.name: c for c in cards}
        self.mteb_version = mteb_version
        self._index: dict[str, str] = {}
        by_short: dict[str, list[ModelCard]] = {}
        for card in cards:
            by_short.setdefault(card.name.split("/")[-1].lower(), []).append(card)
        for short, same in by_short.items():
            chosen = _preferred(same)
            if chosen is not None:
                self._index.setdefault(short, chosen.name)
        for card in cards:
            for alias in card.aliases:
                self._index[alias.lower()] = card.name
            self._index[card.name.lower()] = card.name

    def __len__(self) -> int:
        return len(self.cards)

    def __iter__(self):
        return iter(self.cards.values())

    def get(self, name: str) -> ModelCard:
        """Return the card for a name, alias or unique short name; raise UnknownModelError with close matches."""
        if name in self.cards:
            return self.cards[name]
        key = name.strip().lower()
        if key in self._index:
            return self.cards[self._index[key]]
        error = UnknownModelError(name, [*self.cards, *self._index])
        # Suggest canonical names, not the aliases that matched.
        canonical = list(dict.fromkeys(self._index.get(s.lower(), s) for s in error.suggestions))
        raise UnknownModelError(name, canonical, suggestions=canonical)

    def names(self) -> list[str]:
        """Every catalog name."""
        return list(self.cards)


def build_catalog(
    meta_file: Path = MODEL_META_FILE,
    open_models: list[OpenModelEntry] | None = None,
    api_models: list[ApiModelEntry] | None = None,
) -> Catalog:
    """Merge the ModelMeta snapshot with the curated YAML into a Catalog."""
    snapshot = read_json_gz(meta_file, "model snapshot")
    version = snapshot.get("mteb_version", "unknown")
    cards = {name: _card_from_meta(rec, version) for name, rec in snapshot["models"].items()
             if not name.startswith(_MTEB_ARTEFACTS)}
    for entry in load_open_models() if open_models is None else open_models:
        if entry.name not in cards:
            raise KnowledgeDataError(f"open_models.yaml: models[{entry.name}]: not in the mteb ModelMeta snapshot")
        _apply(cards[entry.name], entry, _CURATED_OPEN_FIELDS)
        cards[entry.name].family = classify_family(cards[entry.name])
    for api in load_api_models() if api_models is None else api_models:
        card = cards.get(api.name)
        if card is None:
            card = ModelCard(name=api.name, kind="api", family="api", open_weights=False, license="proprietary")
            card.provenance["license"] = Provenance(source=api.source, checked_on=api.checked_on)
            cards[api.name] = card
        if card.kind == "open" and card.open_weights:
            raise KnowledgeDataError(f"api_models.yaml: models[{api.name}]: an open-weights model of that name is "
                                     "in mteb; give the API its own name and link scores with scores_as")
        if api.scores_as:
            card.scores_as = api.scores_as
            card.provenance["scores_as"] = Provenance(source=api.source, checked_on=api.checked_on,
                                                      note="the API serves these open weights")
        card.kind, card.family, card.open_weights = "api", "api", False
        if card.license is None:
            card.license = "proprietary"
            card.provenance["license"] = Provenance(source=api.source, checked_on=api.checked_on,
                                                    note="hosted API under the provider's terms of service")
        card.provider, card.api_model_id = api.provider, api.api_model_id
        entry_source = Provenance(source=api.source, checked_on=api.checked_on)
        for field in ("provider", "api_model_id", "open_weights"):
            card.provenance[field] = entry_source
        _apply(card, api, _CURATED_API_FIELDS)
        _fold_scored_twins(cards, card, api)
    _link_open_twins(cards)
    return Catalog(list(cards.values()), version)


def _link_open_twins(cards: dict[str, ModelCard]) -> None:
    """One card for open weights published under two organisations (``voyageai/`` scored, ``mongodb/`` described).

    Where exactly two open cards share a short name, one with published scores and no parameter count and the
    other with a parameter count and no scores, the described card takes the scored one's scores and name.
    """
    from knowledge.scores import default_scores

    scored = set(default_scores().models())
    by_short: dict[str, list[ModelCard]] = {}
    for card in cards.values():
        if card.kind == "open":
            by_short.setdefault(card.name.split("/")[-1].lower(), []).append(card)
    for pair in by_short.values():
        if len(pair) != 2:
            continue
        with_scores = [c for c in pair if c.name in scored and not c.n_parameters]
        described = [c for c in pair if c.name not in scored and c.n_parameters]
        if len(with_scores) == 1 and len(described) == 1:
            keep, twin = described[0], with_scores[0]
            keep.scores_as = twin.name
            keep.provenance["scores_as"] = Provenance(source=keep.provenance.get("n_parameters", Provenance(
                source="mteb ModelMeta")).source, note=f"the same open weights, scored under {twin.name}")
            keep.aliases = sorted({*keep.aliases, twin.name})
            del cards[twin.name]


def _fold_scored_twins(cards: dict[str, ModelCard], card: ModelCard, entry: ApiModelEntry) -> None:
    """Merge mteb's unpriced API cards named among ``entry``'s aliases into the priced card: one card per product.

    mteb files a hosted model's scores under the provider's old organisation (``voyageai/voyage-4-large``) while the
    price list names it as sold (``mongodb/voyage-4-large``); the priced card takes the scored one's name as an alias
    and its scores through ``scores_as``.
    """
    for alias in entry.aliases:
        twin = cards.get(alias)
        if twin is None or twin is card or twin.kind != "api" or twin.price_usd_per_1m_tokens is not None:
            continue
        if card.scores_as is None and " (" not in twin.name:  # a "(output_dtype=int8)" variant is not the product
            card.scores_as = twin.name
            card.provenance["scores_as"] = Provenance(source=entry.source, checked_on=entry.checked_on,
                                                      note=f"published MTEB scores filed under {twin.name}")
        for field in ("n_parameters", "release_date", "max_tokens", "embed_dim", "reference"):
            if getattr(card, field) is None and getattr(twin, field) is not None and field in twin.provenance:
                setattr(card, field, getattr(twin, field))
                card.provenance[field] = twin.provenance[field]
        del cards[alias]


@functools.cache
def default_catalog() -> Catalog:
    """The catalog built from the committed snapshot and curated files (built once per process)."""
    return build_catalog()
