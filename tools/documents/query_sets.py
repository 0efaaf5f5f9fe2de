"""Generated query sets on disk (the BEIR layout, reusable as input) and what a set can and cannot tell apart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tools.documents.query_generation import QuerySet

LEXICAL_HIGH = 0.8
"""Above this share of query terms found in the target, a set favours exact-word search (BM25)."""
LEXICAL_LOW = 0.3
EASY_NDCG = 0.95


def write_query_set(folder: Path, query_set: QuerySet, texts: dict[str, str], titles: dict[str, str]) -> Path:
    """Write ``corpus.jsonl`` (documents as indexed, passages held out), ``queries.jsonl`` and ``qrels/test.tsv``.

    The folder is a BEIR corpus: ``--corpus <folder>`` reruns the check on exactly these queries.
    """
    (folder / "qrels").mkdir(parents=True, exist_ok=True)
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as fh:
        for doc_id, text in texts.items():
            title = titles.get(doc_id, "")
            body = text[len(title) + 1:] if title and text.startswith(f"{title}\n") else text
            fh.write(json.dumps({"_id": doc_id, "title": title, "text": body}, ensure_ascii=False) + "\n")
    with (folder / "queries.jsonl").open("w", encoding="utf-8") as fh:
        for qid, text in query_set.queries.items():
            row = {"_id": qid, "text": text, "kind": query_set.kinds.get(qid, "")}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    with (folder / "qrels" / "test.tsv").open("w", encoding="utf-8") as fh:
        fh.write("query-id\tcorpus-id\tscore\n")
        fh.writelines(f"{qid}\t{doc}\t{rel}\n" for qid, docs in query_set.qrels.items() for doc, rel in docs.items())
    return folder


def _comparison(comparisons: list[dict[str, Any]], a: str, b: str) -> dict[str, Any] | None:
    return next((c for c in comparisons if {c["a"], c["b"]} == {a, b}), None)


def lexical_verdict(info: dict[str, Any], models: dict[str, Any], comparisons: list[dict[str, Any]]) -> str:
    """Plain words on how lexical the query set is and whether it separated dense from lexical candidates."""
    overlap = info.get("mean_lexical_overlap", 0.0)
    parts = [f"{overlap:.0%} of query terms occur in the target document"]
    if overlap >= LEXICAL_HIGH:
        parts.append("that is high: the set favours exact-word search, so read a BM25 lead with caution")
    elif overlap <= LEXICAL_LOW:
        parts.append("that is low: the set favours models that match meaning over exact words")
    ok = {s: f for s, f in models.items() if f.get("status") == "ok"}
    if ok.get("bm25", {}).get("metrics", {}).get("ndcg_at_10", {}).get("mean", 0) >= EASY_NDCG:
        parts.append("BM25 finds nearly every target: the set is too easy to separate the candidates")
    dense = [s for s, f in ok.items() if f.get("kind") == "dense"]
    if "bm25" in ok and dense:
        best = max(dense, key=lambda s: ok[s]["metrics"]["ndcg_at_10"]["mean"])
        comp = _comparison(comparisons, best, "bm25")
        if comp and comp.get("verdict_withheld"):
            parts.append(f"it cannot separate dense ({best}) from lexical (bm25) search, so no verdict is given "
                         f"between them ({comp['verdict_withheld']})")
        elif comp and comp["significant"]:
            parts.append(f"it separates dense from lexical search ({comp['sentence']})")
        elif comp:
            needed = comp.get("queries_needed")
            more = f"; about {needed} queries would be needed" if needed and needed > comp["n_queries"] else ""
            parts.append(f"it cannot separate dense ({best}) from lexical (bm25) search: the difference "
                         f"({comp['mean_difference']:+.3f}) is within noise{more}")
    return "; ".join(parts) + "."


def _exact_words(models: dict[str, Any], spec: str) -> bool:
    """True for a candidate that matches exact words (BM25, or a hybrid that fuses BM25 in)."""
    kind = str(models.get(spec, {}).get("kind", ""))
    return kind == "bm25" or kind.startswith("hybrid")


def giveaway_reason(info: dict[str, Any], models: dict[str, Any]) -> str | None:
    """Why a generated query set cannot judge dense against lexical search, or None when it can.

    A set whose queries mostly repeat their target's words (overlap at or above ``LEXICAL_HIGH``), or on which BM25
    finds nearly every target (nDCG@10 at or above ``EASY_NDCG``), rewards exact-word matching whatever real users
    would ask: a difference it shows between a dense and a lexical candidate is the generator's, not the data's.
    """
    if info.get("source") != "generated":
        return None
    overlap = info.get("mean_lexical_overlap", 0.0)
    bm25 = models.get("bm25", {})
    bm25_ndcg = bm25.get("metrics", {}).get("ndcg_at_10", {}).get("mean", 0.0) if bm25.get("status") == "ok" else 0.0
    if overlap >= LEXICAL_HIGH:
        return f"{overlap:.0%} of the generated queries' terms occur in their target, which favours exact-word search"
    if bm25_ndcg >= EASY_NDCG:
        return f"BM25 finds nearly every target (nDCG@10 {bm25_ndcg:.3f}): the set is too easy to tell them apart"
    return None


def withhold_lexical_verdicts(info: dict[str, Any], models: dict[str, Any], comparisons: list[dict[str, Any]]) -> int:
    """Turn every comparison involving an exact-word candidate of a giveaway set (:func:`giveaway_reason`) into none.

    Such a comparison keeps its figures but loses ``significant`` (nothing is re-ranked on it), gets
    ``verdict_withheld`` (the reason) and a sentence that says plainly that no verdict is given. Comparisons between
    two dense candidates stand. Returns how many were withheld; ``info["separates_dense_from_lexical"]`` is set.
    """
    reason = giveaway_reason(info, models)
    withheld = 0
    for comp in comparisons:
        if reason is None or not (_exact_words(models, comp["a"]) or _exact_words(models, comp["b"])):
            continue
        comp["significant"] = False
        comp["verdict_withheld"] = reason
        comp["sentence"] = (f"No verdict between {comp['a']} and {comp['b']}: these generated queries cannot "
                            f"separate dense from lexical search ({reason}); measured difference "
                            f"{comp['mean_difference']:+.3f}.")
        withheld += 1
    info["separates_dense_from_lexical"] = reason is None
    if reason is not None:
        info["no_verdict"] = (f"No verdict between dense and lexical search: {reason}. Give real queries "
                              "(--queries) or example queries to decide between them.")
    return withheld
