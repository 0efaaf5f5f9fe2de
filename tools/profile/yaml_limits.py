"""YAML read with a bound on what aliases expand to: a 491-byte alias bomb must not exhaust memory downstream."""

from __future__ import annotations

from typing import Any

from knowledge.errors import InputFileError

MAX_EXPANDED_NODES = 100_000  # a batch of thousands of profiles stays far below


def expanded_nodes_over(value: Any, limit: int = MAX_EXPANDED_NODES) -> bool:
    """Whether ``value`` has more than ``limit`` values once shared (aliased) parts are counted each time."""
    count, stack = 0, [value]
    while stack:
        item = stack.pop()
        count += 1
        if count > limit:
            return True
        if isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set):
            stack.extend(item)
    return False


def safe_load_bounded(text: str, where: str) -> Any:
    """``yaml.safe_load`` that refuses a document whose aliases expand past MAX_EXPANDED_NODES values.

    Raises:
        InputFileError: the expanded document is too large (the message names ``where``).
        yaml.YAMLError: the text is not valid YAML (callers name the file and line).
    """
    import yaml

    loaded = yaml.safe_load(text)
    if expanded_nodes_over(loaded):
        raise InputFileError(f"{where}: YAML aliases (*name) expand to more than {MAX_EXPANDED_NODES:,} values "
                             "(an alias bomb?); write the values out instead")
    return loaded
