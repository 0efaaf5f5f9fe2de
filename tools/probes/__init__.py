"""Probes of what a model's vectors and tokenizer do: alignment, robustness, consistency, tokenization."""
