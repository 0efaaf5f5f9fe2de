"""English as real users type it (dev10c, issue 17): US, UK, Indian, Australian and non-native writers.

Classes (see the header of tests/agent/data/dev10c_messages.yaml): the current figure beside a future one ("growing
from 800k to 1.1M by next year"), a correction whose old figure is said short ("25k, not 40"), a rate per hotel, branch
or store counted earlier in the message, a sum of counts ("40 thousand contracts, plus another 60 thousand"), CPU-only
servers by sockets and cores ("2x Xeon, 48 cores"), GeForce RTX 40 cards, "the data is not sensitive", the budget
withdrawn ("ignore the budget, I need to check with finance first"), the currency word first ("riyals 5000 per
month"), Slack shorthand, bullet lists, pasted questionnaires, markdown tables, long openings, answers to another
question than the one asked and follow-ups that name a kind of document without stating the domain.
"""

from __future__ import annotations

import pytest
from interview_sets import accuracy

from agent.understanding import understand
from knowledge.hardware import load_hardware

DEV10C = accuracy.load_cases(accuracy.DATA / "dev10c_messages.yaml")
# written before the fix at 68.9% with 32 silent wrong fills; the misses left are known and none of them is silent
# beyond these three (a council's FAQ bot read as support, a language code after "a bit of", and the domain read
# from "we also add about 1k invoices a week": older sets expect a domain from such a growth sentence, heldout22 not)
# and, since an organisation's word is kept when the query rate is said in another sentence (the lead's round two),
# "Hotel chain, 22 properties ..." as the general domain (most sets expect general for an unlisted trade, this one none)
KNOWN_SILENT = {"c10-long-en-9", "c10-slack-en-7", "c10-nodomain-en-8", "c10-perunit-en-9"}


def test_the_english_set_holds_up() -> None:
    assert len(DEV10C) >= 180
    assert sum("-en-" in c["id"] for c in DEV10C) >= 180
    assert len({c["id"] for c in DEV10C}) == len(DEV10C)
    result = accuracy.score(DEV10C)
    silent = {o.case["id"] for o in result["outcomes"] if o.silent}
    assert silent <= KNOWN_SILENT, sorted(silent - KNOWN_SILENT)
    assert result["accuracy"] >= 0.94, f"{result['accuracy']:.1%}"
    assert result["side_questions_routed"] == result["side_questions"]


@pytest.mark.parametrize(("name", "memory"), [
    ("RTX 4060", 8), ("4060 Ti", 8), ("RTX 4060 Ti 16GB", 16), ("RTX 4070", 12), ("4070 Super", 12),
    ("RTX 4070 Ti", 12), ("4070 Ti Super", 16), ("RTX 4080", 16), ("RTX 4080 Super", 16)])
def test_the_hardware_table_knows_the_rtx_40_cards(name: str, memory: float) -> None:
    assert load_hardware().find(name).memory_gb.value == memory


@pytest.mark.parametrize("text", ["we have 4080 documents", "about 4070 contracts in total", "4060 queries a month"])
def test_a_card_number_that_counts_something_is_no_card(text: str) -> None:
    assert "hardware" not in understand(text).updates


@pytest.mark.parametrize(("text", "card"), [
    ("I have a 4070 at home", "RTX 4070"), ("our 4090 with 24GB", "RTX 4090"), ("2x 4080 in one box", "RTX 4080"),
    ("我们有一张4060", "RTX 4060")])
def test_a_card_number_with_an_article_or_a_count_is_a_card(text: str, card: str) -> None:
    assert understand(text, "hardware").updates["hardware"]["accelerator"] == card


@pytest.mark.parametrize(("text", "stated", "field", "want"), [
    ("sorry, it's 25,000, not 40", {"corpus_docs": 40000}, "corpus_docs", 25000),
    ("my bad, it's 90k a month, not 150", {"queries_per_month": 150000}, "queries_per_month", 90000),
    ("Korrektur: es sind 25.000, nicht 40", {"corpus_docs": 40000}, "corpus_docs", 25000)])
def test_a_correction_may_say_the_old_figure_short(text: str, stated: dict, field: str, want: int) -> None:
    assert understand(text, None, stated).updates[field] == want

