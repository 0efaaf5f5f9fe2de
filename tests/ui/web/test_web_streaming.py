"""LLM mode in the web UI: the chat shows the reply growing token by token, then exactly the service's reply."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from llm_standin import ScriptedChatModel, side_answer_model

from agent.service import AdvisorService
from knowledge.settings import Settings
from ui.web.app import WebUI
from ui.web.streaming import streamed

ANSWER = ("Hybrid search runs a dense vector search and a BM25 keyword search over the same collection and fuses "
          "the two rankings, so exact terms such as error codes are found while paraphrases still match by meaning.")


def _model(delay: float) -> ScriptedChatModel:
    return side_answer_model("what is hybrid search?", ANSWER, "Now, what are your documents about?", delay)


def test_the_chat_streams_the_reply_then_shows_the_service_reply(tmp_path: Path) -> None:
    with AdvisorService(Settings(data_dir=tmp_path), llm=_model(0.01)) as service:
        ui = WebUI(service)
        history, _, *_ = ui.new()
        steps = list(ui.respond("what is hybrid search?", None, history))
        assert steps[0][1][-1].metadata["status"] == "pending"
        partial = [s[1][-1]["content"] for s in steps[1:-1]]
        assert len(partial) >= 5 and all(ANSWER.startswith(p) or p.startswith(ANSWER) for p in partial)
        assert [len(p) for p in partial] == sorted(len(p) for p in partial)
        final = steps[-1]
        cid = final[2]
        transcript = service.state(cid).transcript
        assert final[1][-1]["content"] == "\n\n".join(m.text for m in transcript[1:])
        assert final[1][-1]["content"].startswith(ANSWER)
        assert [s.consultation_id for s in service.list()] == [cid]


def test_streamed_holds_back_to_its_rate_and_raises_the_turn_error() -> None:
    def turn(on_partial):
        for i in range(1, 40):
            on_partial("x" * i)
            time.sleep(0.005)
        return "reply"

    out = list(streamed(turn, interval_s=0.05))
    assert out[-1] == "reply" and out[-2] == "x" * 39 and 2 <= len(out) - 1 <= 10

    def broken(on_partial):
        on_partial("half")
        raise ValueError("the turn failed")

    gen = streamed(broken, interval_s=0.0)
    with pytest.raises(ValueError, match="the turn failed"):
        list(gen)
