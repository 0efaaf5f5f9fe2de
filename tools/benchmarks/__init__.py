"""Quick MTEB: the bundled mini-benchmarks as mteb tasks, planned and run under a time budget."""
