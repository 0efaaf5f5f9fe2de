"""Options of the short list named by their place ("option two", "the third one", "第一个推荐") reach their model."""

from __future__ import annotations

import pytest

from agent import side_answers
from agent.side_questions import positions
from agent.tool_calls import resolve_places
from agent.understanding import understand
from agent.understanding_patterns import normalise

REC = {"recommendations": [{"model": "BAAI/bge-m3"}, {"model": "intfloat/multilingual-e5-large"},
                           {"model": "text-embedding-3-small"}]}


@pytest.mark.parametrize(("message", "places"), [
    ("what's the monthly bill for option one?", [1]),
    ("compare option 1 and option 3", [1, 3]),
    ("why is the second one ranked above the first?", [2, 1]),
    ("qual é o custo mensal da primeira opção?", [1]),
    ("Wie lange dauert die Indexierung mit der zweiten Option?", [2]),
    ("第二个选项在我们的显卡上能跑吗？", [2]),
    ("2番目のモデルの月額費用は？", [2]),
    ("the first year we had 50k docs", []),
    ("we need one model for two languages", []),
])
def test_places_are_read_in_every_language(message: str, places: list[int]) -> None:
    assert positions(normalise(message)) == places


@pytest.mark.parametrize(("message", "tool"), [
    ("what's the monthly bill for option two?", "estimate_cost"),
    ("can our card run the second option?", "hardware_fit"),
    ("why not the third one?", "why_not"),
    ("which of the 3 options is cheapest?", "compare_models"),
    ("第一个推荐的每月费用是多少？", "estimate_cost"),
    ("¿cuál de las opciones es más barata?", "compare_models"),
    ("tell me more about the third recommendation", "show_model"),
])
def test_a_question_about_an_option_goes_to_its_tool_and_fills_nothing(message: str, tool: str) -> None:
    u = understand(message)
    assert [r.tool for r in u.tool_requests] == [tool]
    assert not u.updates and u.top_k is None


@pytest.mark.parametrize("message", ["what if we had 2 million documents instead?", "can any model handle 8k tokens?",
                                     "would 500 queries a second still be ok with option two?",
                                     "e se fossem 2 milhões de documentos?", "如果文档增加到一百万份呢？"])
def test_a_hypothetical_question_fills_no_field(message: str) -> None:
    assert not understand(message).updates


def test_places_become_the_models_at_those_places() -> None:
    assert resolve_places({"model": None, "option": 2}, REC) == {"model": "intfloat/multilingual-e5-large"}
    assert resolve_places({"models": None, "options": [1, 3]}, REC) == {
        "models": ["BAAI/bge-m3", "text-embedding-3-small"]}
    assert resolve_places({"model": None, "option": -1}, REC) == {"model": "text-embedding-3-small"}
    # beyond the list, or before there is one: the model is left to be filled as usual
    assert resolve_places({"model": None, "option": 7}, REC) == {"model": None}
    assert resolve_places({"model": None, "option": 1}, None) == {"model": None}
    assert resolve_places({"model": "BAAI/bge-m3"}, REC) == {"model": "BAAI/bge-m3"}


def test_why_not_an_option_before_a_short_list_asks_for_a_model() -> None:
    text, facts = side_answers.answer("why_not", {"model": None, "option": 3}, {}, "en")
    assert facts["status"] == "needs_model" and "Name a model" in text
