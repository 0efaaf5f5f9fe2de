"""Readings shared while one message is read (agent/understanding_memo.py): read once, copied out, then forgotten."""

from __future__ import annotations

from agent.understanding_memo import in_one_message, once_per_message, one_message
from agent.understanding_patterns import normalise
from agent.understanding_quantities import extract_fields


def test_a_text_is_read_once_per_message_and_forgotten_after() -> None:
    calls: list[str] = []

    @once_per_message
    def read(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert read("a") == read("a") == "A" and calls == ["a", "a"]  # outside a message: every call reads
    calls.clear()
    with one_message():
        assert read("a") == read("a") == "A" and read("b") == "B"
        with one_message():  # an inner block shares the outer block's readings
            read("a")
    assert calls == ["a", "b"]
    with one_message():
        read("a")
    assert calls == ["a", "b", "a"]  # a new message reads it again


def test_a_shared_reading_is_copied_to_each_caller() -> None:
    @in_one_message
    def twice(text: str) -> tuple[dict, dict]:
        first = extract_fields(text, None)
        first.updates["corpus_docs"] = 1
        first.updates["hardware"]["count"] = 9
        return first.updates, extract_fields(text, None).updates

    text = normalise("about 50k contracts, two A100 80GB cards")
    changed, again = twice(text)
    assert again == extract_fields(text, None).updates and again["corpus_docs"] == 50_000
    assert again["hardware"].get("count") != 9 and changed["corpus_docs"] == 1
