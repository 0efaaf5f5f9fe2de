"""Candidate embedding models behind one interface, and the on-disk embedding cache."""
