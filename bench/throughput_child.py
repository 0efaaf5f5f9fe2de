"""Child process of `make bench`: MiniLM tokens/s measured here against the hardware-fit estimate for this CPU."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

SEQ_TOKENS = 256
N_TEXTS = 64


def main() -> None:
    import torch
    from calibrate import batch_seconds, exact_texts, load_model

    from knowledge.catalog import default_catalog
    from knowledge.hardware import load_hardware
    from tools.estimate.throughput import estimate_throughput

    model = load_model()
    texts = exact_texts(model.tokenizer, SEQ_TOKENS, N_TEXTS)
    measured = N_TEXTS * SEQ_TOKENS / batch_seconds(model, texts)
    card = default_catalog().get("sentence-transformers/all-MiniLM-L6-v2")
    cores = torch.get_num_threads() or os.cpu_count() or 1
    # The smallest CPU class of the hardware table, scaled per core to this machine's core count.
    cpu_classes = sorted((a for a in load_hardware().accelerators if a.kind == "cpu"),
                         key=lambda a: int(a.name.split("-")[1].removesuffix("core")))
    smallest = cpu_classes[0]
    class_cores = int(smallest.name.split("-")[1].removesuffix("core"))
    est = estimate_throughput(card.n_parameters, card.n_embedding_parameters, smallest.name, seq_tokens=SEQ_TOKENS)
    estimated = est.tokens_per_s * cores / class_cores
    print(json.dumps({"measured_tokens_per_s": measured, "estimated_tokens_per_s": estimated, "cores": cores,
                      "class": smallest.name}))


if __name__ == "__main__":
    main()
