from __future__ import annotations

import pytest

from knowledge.catalog import build_catalog, default_catalog
from knowledge.curated import load_api_models, load_open_models
from knowledge.errors import KnowledgeDataError, UnknownModelError

CARDS = list(default_catalog())
API_CARDS = [c for c in CARDS if c.kind == "api" and c.price_usd_per_1m_tokens is not None]
CURATED_NAMES = {e.name for e in load_open_models()} | {e.name for e in load_api_models()}


def test_catalog_holds_the_mteb_registry_and_curated_models(catalog):
    # 969 less the random / no-op baselines, less the scored API twins folded into their priced cards (issue 14)
    assert sum(c.in_mteb_registry for c in catalog) >= 945
    assert all(catalog.get(c.scores_as) is c for c in catalog if c.kind == "api" and c.scores_as
               and c.scores_as not in catalog.cards)
    assert CURATED_NAMES <= set(catalog.names())
    assert len(load_open_models()) >= 30
    assert len(load_api_models()) >= 18


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.name)
def test_card_invariants(card):
    if card.embed_dim is not None:
        assert card.embed_dim > 0
    if card.max_tokens is not None:
        assert card.max_tokens > 0
    if card.n_parameters is not None:
        assert card.n_parameters > 0 or (card.n_parameters == 0 and card.family == "sparse"), "only lexical has 0"
    filled = {f for f in type(card).model_fields if getattr(card, f) not in (None, [], {})}
    filled -= {"name", "aliases", "kind", "family", "provenance", "in_mteb_registry"}
    missing = filled - set(card.provenance)
    assert not missing, f"facts without a source: {sorted(missing)}"
    assert all(p.source for p in card.provenance.values())


@pytest.mark.parametrize("card", API_CARDS, ids=lambda c: c.name)
def test_api_card_invariants(card):
    assert card.price_usd_per_1m_tokens >= 0
    assert card.max_tokens and card.max_tokens > 0
    assert card.embed_dim and card.embed_dim > 0
    assert card.family == "api" and card.open_weights is False
    prov = card.provenance["price_usd_per_1m_tokens"]
    assert prov.source.startswith("http") and prov.checked_on is not None


@pytest.mark.parametrize("name", sorted(CURATED_NAMES))
def test_curated_cards_carry_dated_sources(catalog, name):
    card = catalog.get(name)
    curated = [p for p in card.provenance.values() if p.checked_on is not None]
    assert curated, "a curated model has no dated fact"
    # A source is a page address or a named artefact (e.g. "mteb 2.26.24 models/.../e5_models.py model_prompts").
    assert all(p.source.startswith("http") or len(p.source) >= 20 for p in curated)


def test_bge_m3_card(catalog):
    card = catalog.get("BAAI/bge-m3")
    assert card.max_tokens == 8192
    assert card.embed_dim == 1024
    assert card.license == "mit"
    assert card.family == "hybrid"
    assert {"dense", "sparse"} <= set(card.output_types)
    assert {"eng", "zho", "deu", "jpn"} <= card.language_codes
    assert card.provenance["vocab_size"].checked_on is not None


@pytest.mark.parametrize(
    ("query", "expected"),
    [("bge-m3", "BAAI/bge-m3"), ("baai/BGE-M3", "BAAI/bge-m3"),
     ("text-embedding-3-large", "openai/text-embedding-3-large"),
     ("all-MiniLM-L6-v2", "sentence-transformers/all-MiniLM-L6-v2")],
)
def test_lookup_by_alias_and_short_name(catalog, query, expected):
    assert catalog.get(query).name == expected


def test_lookup_miss_suggests_close_matches(catalog):
    with pytest.raises(UnknownModelError) as err:
        catalog.get("BAAI/bge-m4")
    assert "BAAI/bge-m3" in err.value.suggestions
    assert "Did you mean" in str(err.value)


def test_families_cover_the_model_kinds_the_advisor_compares(catalog):
    families = {c.family for c in catalog}
    assert {"static", "dense", "hybrid", "llm", "api"} <= families
    assert catalog.get("Qwen/Qwen3-Embedding-8B").family == "llm"
    assert catalog.get("sentence-transformers/all-MiniLM-L6-v2").family == "dense"


def test_curated_entry_for_a_model_mteb_lacks_is_rejected(tmp_path):
    from knowledge.curated import OpenModelEntry

    entry = OpenModelEntry.model_validate({
        "name": "nobody/not-a-model", "source": "https://example.org", "checked_on": "2026-11-24",
        "tokenizer_family": "WordPiece", "vocab_size": 30522, "domains": ["general"], "output_types": ["dense"],
        "architecture": "encoder"})
    with pytest.raises(KnowledgeDataError, match="nobody/not-a-model"):
        build_catalog(open_models=[entry], api_models=[])


def test_commercial_licence_reading(catalog):
    assert catalog.get("BAAI/bge-m3").commercial_use is True
    assert catalog.get("openai/text-embedding-3-small").commercial_use is True


@pytest.mark.parametrize(
    ("query", "expected", "scored_as"),
    [("voyage-4-large", "mongodb/voyage-4-large", "voyageai/voyage-4-large"),
     ("voyageai/voyage-4-large", "mongodb/voyage-4-large", "voyageai/voyage-4-large"),
     ("voyage-4-lite", "mongodb/voyage-4-lite", "voyageai/voyage-4-lite"),
     ("voyage-3.5", "mongodb/voyage-3.5", "voyageai/voyage-3.5"),
     ("voyageai/voyage-3", "mongodb/voyage-3", "voyageai/voyage-3"),
     ("voyage-3", "mongodb/voyage-3", "voyageai/voyage-3"),
     ("gemini-embedding-2-preview", "google/gemini-embedding-2", "google/gemini-embedding-2-preview"),
     ("amazon/Titan-text-embeddings-v2", "bedrock/amazon-titan-embed-text-v2", "amazon/Titan-text-embeddings-v2"),
     ("codestral-embed-2505", "mistralai/codestral-embed", None),
     ("text-embedding-v4", "alibaba/text-embedding-v4", None),
     ("voyage-context-3", "mongodb/voyage-context-3", None)],
)
def test_one_card_per_purchasable_model_with_price_and_scores(catalog, scores, query, expected, scored_as):
    card = catalog.get(query)
    assert card.name == expected
    assert card.price_usd_per_1m_tokens is not None
    if scored_as is not None:
        assert card.score_name == scored_as and scores.benchmarks_of(card.score_name)
        assert scored_as not in catalog.cards  # the scored twin is folded into the priced card


def test_hosted_offers_of_open_weights_share_their_scores(catalog, scores):
    hosted = catalog.get("deepinfra/Qwen3-Embedding-8B")
    assert hosted.kind == "api" and hosted.price_usd_per_1m_tokens is not None
    assert hosted.score_name == "Qwen/Qwen3-Embedding-8B" and scores.benchmarks_of(hosted.score_name)
    assert catalog.get("Qwen/Qwen3-Embedding-8B").kind == "open"


def test_model_types_are_labelled(catalog):
    assert catalog.get("lightonai/GTE-ModernColBERT-v1").family == "late-interaction"
    assert catalog.get("naver/splade-v3").family == "learned-sparse"
    assert catalog.get("opensearch-project/opensearch-neural-sparse-encoding-doc-v3-distill").family == "learned-sparse"
    assert catalog.get("mteb/baseline-bm25s").family == "sparse"
