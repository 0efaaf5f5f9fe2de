"""Estimators: tokens and chunks, money, hardware fit and throughput, vector storage, the Milvus config."""
