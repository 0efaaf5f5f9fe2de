"""LLM mode of the interview: the model phrases the questions and acknowledgements from the interview's own step,
checked like every LLM answer; its structured extraction is held to the rules (a field changes only when named)."""

from __future__ import annotations

import time

from langchain_core.messages import AIMessage
from llm_standin import ScriptedChatModel, interview_step, phrase

from agent import prompts
from agent.interviewer import QUESTIONS
from agent.llm_calls import LLM_ATTEMPTS


def extraction(**fields) -> AIMessage:
    return AIMessage("", tool_calls=[{"name": "ProfileUpdate", "args": fields, "id": f"x{time.monotonic_ns()}"}])


def test_the_greeting_and_first_question_are_phrased_without_a_message(make_chat):
    llm = ScriptedChatModel(script=[phrase("Hi, I help you pick an embedding model.\n\nWhat are your documents "
                                           "about?", "domain")])
    chat = make_chat(llm)
    reply = chat.start()
    assert reply.endswith("What are your documents about?") and chat.values["asked_field"] == "domain"
    step = interview_step(llm.calls[0])
    assert step["acknowledge"][0].startswith("Hello! I'm embedding-advisor")
    assert step["ask"]["meaning"] == QUESTIONS["domain"][0]


def test_a_phrasing_with_figures_the_step_lacks_falls_back_to_the_template(make_chat):
    invented = "Noted: legal, 500 documents.\n\nWhich languages?"
    llm = ScriptedChatModel(script=[extraction(domain="legal"), AIMessage(invented), AIMessage(invented)])
    chat = make_chat(llm)
    reply = chat.start("Legal contracts")
    assert "500" not in reply and reply.endswith(QUESTIONS["languages"][0])
    assert chat.values["pending_question"] == QUESTIONS["languages"][0]
    assert reply.startswith("Noted:")  # the templated acknowledgement stands in too
    assert len(llm.calls) == 1 + LLM_ATTEMPTS and not llm.script


def test_a_phrasing_that_leaves_out_a_figure_the_user_gave_is_not_used(make_chat):
    llm = ScriptedChatModel(script=[extraction(domain="legal", corpus_docs=200_000),
                                    AIMessage("Legal documents, noted.\n\nWhich languages?"),
                                    AIMessage("200k legal documents, noted.\n\nWhich languages?")])
    reply = make_chat(llm).start("Legal contracts, 200k of them")
    assert reply == "200k legal documents, noted.\n\nWhich languages?" and not llm.script


def test_a_phrasing_that_asks_nothing_is_not_used(make_chat):
    llm = ScriptedChatModel(script=[extraction(domain="legal"), AIMessage("Legal contracts, noted."),
                                    AIMessage("Legal contracts, noted. Thanks.")])
    reply = make_chat(llm).start("Legal contracts")
    assert reply.endswith(QUESTIONS["languages"][0]) and not llm.script


def test_chinese_users_get_the_question_phrased_in_chinese(make_chat):
    llm = ScriptedChatModel(script=[extraction(domain="legal", languages=["zh"]),
                                    phrase("好的，中文法律合同。\n\n每份合同大约多长？", "doc_length_tokens")])
    chat = make_chat(llm)
    reply = chat.start("我们要检索中文法律合同")
    assert reply.endswith("每份合同大约多长？") and chat.values["pending_question"] == "每份合同大约多长？"
    assert llm.calls[1][0].content == prompts.phrase_instructions("zh", True)
    assert interview_step(llm.calls[1])["ask"]["meaning"] == QUESTIONS["doc_length_tokens"][1]


def test_an_extraction_that_changes_an_unnamed_field_is_held_to_the_rules(make_chat):
    llm = ScriptedChatModel(script=[
        extraction(domain="legal", languages=["en"], corpus_docs=200_000), phrase("200,000 of them. Which length?"),
        # the user only gives the length; the model also "corrects" the corpus size and the domain
        extraction(doc_length_tokens=800, corpus_docs=2_000, domain="medical", corrected=["corpus_docs"]),
        phrase("800 tokens each. How many queries a month?"),
        # now the user names the corpus size: that change goes through, marked corrected
        extraction(corpus_docs=300_000, corrected=["corpus_docs"]), phrase("300k documents then. And the queries?"),
    ])
    chat = make_chat(llm)
    chat.start("Legal contracts in English, 200k of them")
    chat.say("about 800 tokens each")
    profile, provenance = chat.values["profile"], chat.values["provenance"]
    assert profile["doc_length_tokens"] == 800 and provenance["doc_length_tokens"] == "said"
    assert profile["corpus_docs"] == 200_000 and provenance["corpus_docs"] == "said"  # not named: unchanged
    assert profile["domain"] == "legal"
    chat.say("sorry, the corpus is 300k documents, not 200k")
    assert chat.values["profile"]["corpus_docs"] == 300_000
    assert chat.values["provenance"]["corpus_docs"] == "corrected" and not llm.script


def test_growth_read_as_a_budget_by_the_model_is_kept_apart(make_chat):
    llm = ScriptedChatModel(script=[
        extraction(domain="support", languages=["en"]), phrase("How long are the articles?"),
        extraction(budget_usd_month=2000), phrase("Growth of 2,000 a month noted.\n\nHow long are the articles?"),
    ])
    chat = make_chat(llm)
    chat.start("Support articles in English")
    chat.say("growing by maybe 2,000 a month")
    assert "budget_usd_month" not in chat.values["provenance"]
    assert chat.values["corpus_growth_docs_month"] == 2000
    assert any("grows by about 2,000" in a for a in interview_step(llm.calls[-1])["acknowledge"])
    assert not llm.script


def test_an_ambiguous_figure_is_confirmed_not_stored_and_the_confirmation_is_phrased(make_chat):
    question = "Is the 2,000 a month your budget, or documents you add?"
    llm = ScriptedChatModel(script=[
        extraction(domain="support", languages=["en"]), phrase("How long are the articles?"),
        extraction(budget_usd_month=2000), phrase(question, None),
        phrase("A $2,000 budget, noted.\n\nHow long are the articles?", "doc_length_tokens"),
    ])
    chat = make_chat(llm)
    chat.start("Support articles in English")
    reply = chat.say("2,000 a month")
    assert "budget_usd_month" not in chat.values["provenance"] and chat.values["pending_confirmation"]
    step = interview_step(llm.calls[-1])
    assert "2,000" in step["ask"]["meaning"] and reply == question == chat.values["pending_question"]
    chat.say("the budget")  # a closed question: the rules read the answer, no extraction is asked for
    assert chat.values["profile"]["budget_usd_month"] == 2000
    assert chat.values["provenance"]["budget_usd_month"] == "confirmed" and not llm.script


def test_a_skipped_question_never_becomes_zero(make_chat):
    llm = ScriptedChatModel(script=[
        extraction(domain="legal", languages=["en"], doc_length_tokens=500), phrase("500 tokens. How many documents?"),
        extraction(corpus_docs=0, skipped=["corpus_docs"]),
        phrase("Fine, I'll assume 10,000 documents. How many queries a month?"),
    ])
    chat = make_chat(llm)
    chat.start("Legal contracts in English, about a page each")
    chat.say("no idea")
    assert chat.values["profile"].get("corpus_docs") != 0 and chat.values["provenance"]["corpus_docs"] == "assumed"
    assert not llm.script


def test_acknowledgements_wait_for_the_phrased_question_after_a_look_up(make_chat):
    llm = ScriptedChatModel(script=[
        extraction(domain="legal", languages=["en"]),
        phrase("English legal documents, noted.\n\nHow long is a typical document?", "doc_length_tokens"),
    ])
    chat = make_chat(llm)
    reply = chat.start("English legal contracts; please check the short list on my documents")
    assert "Noted:" not in reply and reply.endswith("How long is a typical document?")
    assert interview_step(llm.calls[-1])["acknowledge"][0].startswith("Noted:")
    assert chat.values["document_check"]["requested"] and not llm.script
