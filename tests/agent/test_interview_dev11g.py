"""The lead's classes of the eighth session (dev11g), from the misses of three fresh blind sets (heldout26, 30, 31).

Classes (see the header of tests/agent/data/dev11g_messages.yaml): pages beside documents, a card named bare and again
with its memory, text spread over files, chat shorthand for a rate, people x rate x office hours, "300多人", a zero
monthly budget beside a one-off, a past year's volume, country codes for languages, "繁中"/"葡文"/"Engelstalig",
languages dropped in a correction, counts after their noun in ru/pt/tr, a card the user cannot name, gigabytes of text
to the documents question, a one-off in doubt, a traditional-Chinese sum with no currency. heldout30 and heldout31 were
measured on arrival at fa70050 (90.9% / 21 silent and 89.8% / 6 silent) and then used for this lead round.
"""

from __future__ import annotations

from typing import Any

import pytest
from interview_sets import accuracy

from agent.understanding import understand
from agent.understanding_guard import review

DEV11G = accuracy.load_cases(accuracy.DATA / "dev11g_messages.yaml")


def test_the_lead_set_holds_up() -> None:
    assert len(DEV11G) >= 55 and len({c["id"] for c in DEV11G}) == len(DEV11G)
    result = accuracy.score(DEV11G)
    wrong = {o.case["id"]: [*o.silent, *o.problems] for o in result["outcomes"] if o.silent or o.problems}
    assert not wrong, wrong


@pytest.mark.parametrize(("name", "right", "silent"), [("heldout30", 259, 14), ("heldout31", 208, 4)])
def test_the_lead_rounds_blind_sets_keep_their_figures(name: str, right: int, silent: int) -> None:
    """Measured on arrival: heldout30 239/263 right, 21 silent; heldout31 194/216, 6 silent (the rest is listed in
    the session note: domains of unlisted organisations, policy phrasings, two side questions)."""
    result = accuracy.score(accuracy.load_cases(accuracy.DATA / f"{name}_messages.yaml"))
    assert result["right"] >= right and result["silent_wrong_fills"] <= silent


@pytest.mark.parametrize(("text", "asked"), [
    ("we have some NVIDIA card in the server, not sure which", "hardware"),
    ("mamy jakąś kartę od NVIDII w serwerze, ale nie wiem jaką", "hardware"),
    ("有一张英伟达的卡，型号不记得了", "hardware"),
    ("Wir haben irgendeine NVIDIA-Karte im Server, weiß nicht welche", None),
])
def test_a_card_nobody_can_name_is_asked_about(text: str, asked: str | None) -> None:
    u = review(understand(text, asked), text, asked)
    assert u.confirm is not None and u.confirm["fields"] == ["hardware"] and "hardware" not in u.updates


@pytest.mark.parametrize(("text", "value"), [("300多人，每天每人20次", 198_000), ("2000多个用户，每人每月5次", 11_500)])
def test_hundreds_and_some(text: str, value: int) -> None:
    assert understand(text, "queries_per_month").updates["queries_per_month"] == value


def test_a_full_width_comma_between_figures_is_no_decimal_comma() -> None:
    assert understand("工作站有张4090，64G内存", "hardware").updates["hardware"] == {"accelerator": "RTX 4090",
                                                                                  "ram_gb": 64.0}
    assert understand("10，000份文档").updates["corpus_docs"] == 10_000


def test_through_a_consultation_the_card_is_asked_and_the_answer_stores_it(offline_chat: Any) -> None:
    """An unnamed card: the reply asks which one; the next answer is read as the hardware."""
    from agent.state import STATED

    reply = offline_chat.start("Support search over 20k help articles. We have some NVIDIA card in the server, not "
                               "sure which")
    values = offline_chat.values
    assert "hardware" not in (values.get("profile") or {}) or values["provenance"].get("hardware") not in STATED
    assert "Which card is it?" in reply, reply
    offline_chat.say("it's an L4")
    values = offline_chat.values
    assert values["profile"]["hardware"]["accelerator"] == "L4" and values["provenance"]["hardware"] in STATED
