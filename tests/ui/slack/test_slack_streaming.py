"""LLM mode in a Slack assistant thread: the reply streams as the model writes it (chat.appendStream at a bounded
rate, or a growing chat.update where streaming is refused) and ends as exactly the reply the service returns."""

from __future__ import annotations

import json
import time
from typing import Any

from langchain_core.messages import AIMessage
from llm_standin import ScriptedChatModel, side_answer_model

from knowledge.errors import UnknownConsultationError

DM, ROOT = "D1", "1700000700.000100"
ANSWER = ("Hybrid search runs a dense vector search and a BM25 keyword search over the same collection and fuses "
          "the two rankings, so exact terms such as error codes and product names are found even when the "
          "embedding model has never seen them, while paraphrased questions still match by meaning.")


def _model(delay: float) -> ScriptedChatModel:
    return side_answer_model("what is hybrid search?", ANSWER, "Now, what are your documents about?", delay)


def _turn(rig: Any) -> str:
    rig.post({"type": "assistant_thread_started", "event_ts": ROOT,
              "assistant_thread": {"user_id": "U1", "channel_id": DM, "thread_ts": ROOT,
                                   "context": {"channel_id": "C9", "team_id": "T1"}}}, "EvS")
    rig.fake.wait_posts(1)
    rig.post({"type": "message", "channel_type": "im", "channel": DM, "user": "U1", "text": "what is hybrid search?",
              "ts": "1700000701.000100", "thread_ts": ROOT}, "EvQ")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            (cid,) = [c.consultation_id for c in rig.service.list()] or [None]
            text = _reply_text(rig, cid) if cid else None
        except UnknownConsultationError:  # listed, its first turn not stored yet
            text = None
        with rig.fake.lock:
            updates = [a["text"] for m, a in rig.fake.calls if m == "chat.update"]
            stopped = [s["text"] for s in rig.fake.streams.values() if s["stopped"]]
        if text and text in updates[-1:] + stopped:
            return cid
        time.sleep(0.05)
    raise AssertionError(f"no finished reply: {[m for m, _ in rig.fake.calls]}")


def _reply_text(rig: Any, cid: str) -> str:
    """The turn's reply as the service stored it: the assistant messages after the user's message."""
    transcript = rig.service.state(cid).transcript
    user = max((i for i, m in enumerate(transcript) if m.role == "user"), default=len(transcript))
    return "\n\n".join(m.text for m in transcript[user + 1:])


def test_llm_replies_stream_into_the_thread_token_by_token(make_slack):
    rig = make_slack(llm=_model(0.02), stream_interval_s=0.08)
    cid = _turn(rig)
    (stream,) = rig.fake.streams.values()
    assert stream["stopped"] and stream["thread_ts"] == ROOT
    assert stream["appends"] >= 4  # several updates before the final one
    final = [c for m, c in rig.fake.calls if m == "chat.update"]
    shown = final[-1]["text"] if final else stream["text"]
    assert shown == _reply_text(rig, cid) and ANSWER in shown
    methods = [m for m, _ in rig.fake.calls]
    assert methods.index("assistant.threads.setStatus") < methods.index("chat.startStream")
    # the stream ends with the profile question; what was streamed is its beginning
    first = next(a for m, a in rig.fake.calls if m == "chat.startStream")
    chunks = first["chunks"] if isinstance(first["chunks"], list) else json.loads(first["chunks"])
    assert ANSWER.startswith(chunks[0]["text"]) and len(chunks[0]["text"]) < len(ANSWER)


def test_without_streaming_one_message_grows_by_chat_update(make_slack):
    rig = make_slack(llm=_model(0.02), stream_interval_s=0.08)
    rig.fake.refuse.add("chat.startStream")
    cid = _turn(rig)
    greeting, message = rig.fake.wait_posts(2)
    assert message["thread_ts"] == ROOT and ANSWER.startswith(message["text"]) and message["text"] != ANSWER
    updates = [a for m, a in rig.fake.calls if m == "chat.update"]
    assert len(updates) >= 4 and all(u["ts"] == "1800000000.000002" for u in updates)
    lengths = [len(u["text"]) for u in updates]
    assert lengths == sorted(lengths)
    assert updates[-1]["text"] == _reply_text(rig, cid) and ANSWER in updates[-1]["text"]


def test_a_streamed_short_list_ends_as_block_kit(make_slack):
    extraction = AIMessage("", tool_calls=[{"name": "ProfileUpdate", "id": "x1", "args": {
        "domain": "legal", "languages": ["en"], "recommend_now": True}}])
    explanation = ("The first model leads on the legal board and fits every constraint you gave; the others follow "
                   "in rank order, each a trade of quality against cost.")
    follow_up = AIMessage("Anything you would like to change?")
    llm = ScriptedChatModel(script=[extraction, AIMessage(explanation), follow_up], token_delay_s=0.01)
    rig = make_slack(llm=llm, stream_interval_s=0.05)
    rig.post({"type": "assistant_thread_started", "event_ts": ROOT,
              "assistant_thread": {"user_id": "U1", "channel_id": DM, "thread_ts": ROOT,
                                   "context": {"channel_id": "C9", "team_id": "T1"}}}, "EvS")
    rig.fake.wait_posts(1)
    rig.post({"type": "message", "channel_type": "im", "channel": DM, "user": "U1",
              "text": "legal contracts in English, just recommend", "ts": "1700000701.000100", "thread_ts": ROOT},
             "EvR")
    (update,) = rig.fake.wait_calls("chat.update")
    (stream,) = rig.fake.streams.values()
    assert stream["stopped"] and stream["appends"] >= 2 and update["ts"] in rig.fake.streams
    blocks = update["blocks"] if isinstance(update["blocks"], list) else json.loads(update["blocks"])
    assert any(b["type"] == "header" and b["text"]["text"] == "Short list" for b in blocks)
    (cid,) = [c.consultation_id for c in rig.service.list()]
    top = rig.service.state(cid).recommendation["recommendations"][0]["model"]
    assert top in json.dumps(blocks) and not llm.script


def test_in_a_channel_thread_the_reply_grows_by_chat_update(make_slack):
    rig = make_slack(llm=_model(0.02), stream_interval_s=0.08)
    rig.post({"type": "app_mention", "user": "U1", "text": "<@UBOT> what is hybrid search?", "ts": "1700000800.000100",
              "channel": "C1"}, "EvM")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not any(
            "blocks" in a and a.get("ts") for m, a in list(rig.fake.calls) if m == "chat.update"):
        time.sleep(0.05)
    (first,) = rig.fake.wait_posts(1)
    assert first["thread_ts"] == "1700000800.000100" and ANSWER.startswith(first["text"])
    updates = [a for m, a in rig.fake.calls if m == "chat.update"]
    assert len(updates) >= 4 and [len(u["text"]) for u in updates] == sorted(len(u["text"]) for u in updates)
    (cid,) = [c.consultation_id for c in rig.service.list()]
    assert updates[-1]["text"] == _reply_text(rig, cid)
    blocks = updates[-1]["blocks"] if isinstance(updates[-1]["blocks"], list) else json.loads(updates[-1]["blocks"])
    assert blocks[-1]["elements"][0]["action_id"] == "edit_profile"  # the finished reply keeps its actions
    assert not any(m == "chat.startStream" for m, _ in rig.fake.calls)
