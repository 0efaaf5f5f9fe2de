"""What the lexical candidate measured: the production analyzer per language, and whether Lite reproduced it."""

from __future__ import annotations

from typing import Any

from knowledge.analyzers import analyzer
from tools.estimate.milvus_config import analyzer_for


def lexical_plan(languages: list[str], measured: dict[str, int] | None, lite: bool) -> dict[str, Any]:
    """The production analyzer for ``languages`` and how the measurement ran.

    Args:
        languages: the corpus' analysis languages, the default first (ISO 639-3), from ``analysis_languages``.
        measured: chunks per detected language when the client computed BM25 (None when the server's analyzer ran).
        lite: whether the check ran on Milvus Lite.
    """
    per_language = []
    for lang in languages:
        spec = analyzer(lang)
        per_language.append({"language": lang, "analyzer": spec.name, "milvus_analyzer": spec.milvus,
                             "lite_has_it": spec.lite_native, "client_tokenizer": spec.client,
                             "stemmer": spec.stemmer, "reproduced_exactly": spec.exact if measured else True,
                             "note": spec.note})
    if measured is None:
        how = "the server's own analyzer (BM25 function)"
    else:
        how = ("client-side tokenization with each analyzer's twin and BM25 weights from corpus-wide statistics, "
               "searched as sparse vectors by inner product" + (" in Milvus Lite" if lite else ""))
    exact = all(p["reproduced_exactly"] for p in per_language)
    production = analyzer_for(languages)
    return {"production_analyzer": production, "languages": per_language, "measured_with": how,
            "chunks_per_language": measured, "reproduced_exactly": exact,
            "summary": _summary(per_language, measured is not None, exact, "client_side_bm25" in production)}


def _summary(per_language: list[dict[str, Any]], client: bool, exact: bool, client_in_production: bool) -> str:
    names = ", ".join(f"{p['analyzer']} ({p['language']})" for p in per_language)
    multi = " in a multi-language analyzer keyed on a `language` field" if len(per_language) > 1 else ""
    if client_in_production:
        return (f"Lexical analysis: {names}. No Milvus analyzer does this, so production computes the BM25 vectors on "
                "the client too (corpus-wide statistics, a sparse field searched by IP): the measurement ran that "
                "same pipeline" + (", exactly." if exact else " (closely, not exactly)."))
    if not client:
        return f"BM25 ran the production analyzer{multi} on the server: {names}."
    gaps = "; ".join(f"{p['analyzer']}: {p['note']}" for p in per_language if not p["reproduced_exactly"])
    return (f"Production analyzer: {names}{multi}. Milvus Lite lacks it, so the client tokenized the text with its "
            "twin and computed BM25 with corpus-wide statistics: "
            + ("reproduced exactly." if exact else f"reproduced closely, not exactly ({gaps})."))
