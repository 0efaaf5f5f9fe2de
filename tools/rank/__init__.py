"""The ranking: factors, one model against one profile, the justified short list, its Markdown report."""
