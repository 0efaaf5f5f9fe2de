"""Cross-checks between catalog fields, reporting inconsistencies in mteb's data instead of hiding them."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from knowledge.catalog import Catalog, ModelCard, default_catalog

Severity = Literal["error", "warning"]
MIN_VOCAB, MAX_VOCAB = 1_000, 400_000
BYTES_PER_MB = 1024 * 1024


class Finding(BaseModel):
    """One inconsistency: which model, which check, and the numbers that disagree."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    model: str
    check: str
    severity: Severity
    detail: str


def _check_card(card: ModelCard) -> list[Finding]:
    found: list[Finding] = []

    def add(check: str, severity: Severity, detail: str) -> None:
        found.append(Finding(model=card.name, check=check, severity=severity, detail=detail))

    n, n_emb, dim = card.n_parameters, card.n_embedding_parameters, card.embed_dim
    if dim is not None and dim <= 0:
        add("embed_dim_positive", "error", f"embed_dim is {dim}")
    if card.max_tokens is not None and card.max_tokens <= 0:
        add("max_tokens_positive", "error", f"max_tokens is {card.max_tokens}")
    if n is not None and n_emb is not None and n_emb > n:
        add("embedding_params_le_total", "error", f"n_embedding_parameters {n_emb:,} > n_parameters {n:,}")
    if card.vocab_size and dim and n_emb and card.family not in ("static", "llm"):
        expected = card.vocab_size * dim
        if not 0.95 <= n_emb / expected <= 1.10:
            add("embedding_params_vs_vocab_x_dim", "warning",
                f"n_embedding_parameters {n_emb:,} vs vocab_size {card.vocab_size:,} x embed_dim {dim} = "
                f"{expected:,} (ratio {n_emb / expected:.2f}); the output dimension may differ from the hidden size")
    elif dim and n_emb and not card.vocab_size:
        implied = n_emb / dim
        if not MIN_VOCAB <= implied <= MAX_VOCAB:
            add("implied_vocab_plausible", "warning",
                f"n_embedding_parameters / embed_dim = {implied:,.0f}, outside a plausible vocabulary size "
                f"({MIN_VOCAB:,}-{MAX_VOCAB:,}); embed_dim may be a projection, or a count is wrong")
    if n and card.memory_usage_mb:
        ratio = card.memory_usage_mb * BYTES_PER_MB / (n * 4)
        if not 0.4 <= ratio <= 1.6:
            add("memory_vs_params", "warning",
                f"memory_usage_mb {card.memory_usage_mb:,.0f} is {ratio:.2f}x the fp32 size of {n:,} parameters "
                f"({n * 4 / BYTES_PER_MB:,.0f} MB)")
    if card.max_tokens and card.max_tokens % 2 == 0 and (card.max_tokens - 2) & (card.max_tokens - 3) == 0:
        add("max_tokens_off_by_two", "warning",
            f"max_tokens {card.max_tokens} is a power of two plus 2; the usable input is likely "
            f"{card.max_tokens - 2} (position embeddings include an offset)")
    if card.kind == "open" and "text" in (card.modalities or ["text"]) and dim is None:
        add("embed_dim_missing", "warning", "no embedding dimension recorded")
    mteb_prov = [f for f, p in card.provenance.items() if p.source.startswith("mteb")]
    for field in ("max_tokens", "embed_dim"):
        prov = card.provenance.get(field)
        if prov and not prov.source.startswith("mteb") and prov.note and "mteb" in prov.note.lower() and mteb_prov:
            add(f"{field}_curated_overrides_mteb", "warning", f"{field} = {getattr(card, field)} ({prov.note})")
    return found


def check_catalog(catalog: Catalog | None = None) -> list[Finding]:
    """Run every cross-check over every card and return the findings, errors first."""
    catalog = catalog or default_catalog()
    findings = [f for card in catalog for f in _check_card(card)]
    return sorted(findings, key=lambda f: (f.severity != "error", f.check, f.model))
