"""Retrieval checks on the user's documents: Milvus indexing and search, trec_eval metrics, the report."""
