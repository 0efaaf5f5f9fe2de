"""The vector-database hosting line: what serving the index costs, sized from the storage estimate."""

from __future__ import annotations

import functools
import math
from typing import Any

from knowledge.deployment import load_deployment
from knowledge.hardware import load_hardware

HOURS_PER_MONTH = 730


@functools.cache
def _classes() -> tuple[Any, ...]:
    return tuple(sorted((a for a in load_hardware().accelerators if a.kind == "cpu"), key=lambda a: a.memory_gb.value))


def hosting_line(memory_gb: float, disk_gb: float, fits_own_ram: bool, owned: bool) -> dict[str, Any]:
    """Milvus-style sizing: the smallest x86 node class (hardware.yaml) holding index memory x headroom, a month.

    Nodes = ceil(memory x headroom / node memory) of the largest class when none holds it alone. On hardware you own
    with the index inside the RAM budget the cash cost is $0; the rented figure is still given.
    """
    headroom = load_deployment().limits.hosting_headroom
    need = max(memory_gb * headroom, 0.5)
    classes = _classes()
    node = next((a for a in classes if a.memory_gb.value >= need), classes[-1])
    nodes = max(1, math.ceil(need / node.memory_gb.value))
    rented = nodes * node.hourly_usd.value * HOURS_PER_MONTH
    own = owned and fits_own_ram
    formula = (f"index {memory_gb:,.2f} GB x {headroom:g} headroom = {need:,.2f} GB -> {nodes} x {node.name} "
               f"({node.memory_gb.value:g} GB, ${node.hourly_usd.value}/h) x {HOURS_PER_MONTH} h = "
               f"${rented:,.2f}/month rented; disk {disk_gb:,.2f} GB of object storage")
    return {"usd_month": 0.0 if own else round(rented, 2), "rented_usd_month": round(rented, 2), "nodes": nodes,
            "node": node.name, "memory_gb": round(need, 2), "disk_gb": round(disk_gb, 3),
            "formula": formula + ("; $0 cash on your own server, whose RAM budget holds the index" if own else ""),
            "source": node.hourly_usd.source}
