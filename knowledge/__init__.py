"""Facts: the model catalog, the published-score snapshot and bundled evaluation data."""
