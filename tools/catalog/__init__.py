"""The model catalog as capabilities: search with filters, one model's card, side-by-side comparison."""
