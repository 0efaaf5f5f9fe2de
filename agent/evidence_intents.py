"""Offline reading of requests for evidence: check the short list on my documents, go ahead, check status, quick MTEB.

Kept apart from the rule-based understanding so that it can change without touching it: ``evidence_requests``
turns one message (and whether a plan is awaiting a go-ahead) into tool requests for the lookup step.
"""

from __future__ import annotations

import re
from typing import Any

from agent.understanding_patterns import DOC_CHECK

CHECK = re.compile(
    r"\b(?:test|check|evaluate|try|run|measure|benchmark)\b.{0,40}?\b(?:short ?list|candidates|models)\b.{0,30}?"
    r"\b(?:on|against|with)\s+(?:my|our|the|these)\s+(?:own\s+)?(?:documents|docs|data|corpus|files|uploads?)|"
    r"\b(?:check|test|evaluate)\b.{0,20}\b(?:my|our|the attached|the uploaded)\s+(?:documents|docs|files|data)\b",
    re.IGNORECASE)
GO_AHEAD = re.compile(r"^\s*(?:yes|yep|yeah|sure|ok(?:ay)?|go(?: ahead)?|do it|please do|start(?: it)?|proceed|run it|"
                      r"ja|oui|sí|si|好的?|可以|开始|はい)\b[\s,.!]*(?:please|go ahead|start|do it)?[\s,.!]*(?:please)?"
                      r"[\s.!]*$", re.IGNORECASE)
TOKENIZATION = re.compile(r"\btokeni[sz](?:ation|er|ers|es|e)\b.{0,40}?\b(?:my|our|the attached|the uploaded|these)\s+"
                          r"(?:own\s+)?(?:documents|docs|files|data|corpus)\b", re.IGNORECASE)
PROBE = re.compile(r"\b(?P<probe>alignment|robustness|consistency)\s+(?:probe|check|test)\b|"
                   r"\bprobe\b.{0,40}?\bfor\s+(?P<probe2>alignment|robustness|consistency)\b", re.IGNORECASE)
STATUS = re.compile(r"\b(?:how(?:'s| is) the (?:document )?check|status of the (?:document )?check|"
                    r"is the (?:document )?check (?:done|finished|ready)|check (?:status|progress))\b", re.IGNORECASE)
MTEB = re.compile(r"\bhow (?:does|do|did|would)\s+(?P<model>[\w./:-]+)\s+(?:do|perform|score|rank)\s+(?:on|in|for)\s+"
                  r"(?P<language>[A-Za-z]+)\b", re.IGNORECASE)
SUITES = {"english": "quick-general", "chinese": "quick-zh", "mandarin": "quick-zh", "code": "quick-code",
          "legal": "quick-legal", "medical": "quick-medical", "long": "quick-long"}
MULTILINGUAL = ("japanese", "korean", "german", "french", "spanish", "russian", "italian", "portuguese", "arabic",
                "hindi", "polish", "dutch", "multilingual")


def suite_for(language: str | None, suite: str | None = None) -> tuple[str, str]:
    """The bundled suite for a language (or the one named), and a note when it only stands in for that language."""
    if suite:
        return suite, ""
    language = (language or "").strip().lower()
    if language in SUITES:
        return SUITES[language], ""
    if language in MULTILINGUAL:
        note = "" if language == "multilingual" else f"; no {language.capitalize()} task is bundled, so the " \
            "cross-lingual, Chinese and English tasks stand in"
        return "quick-multilingual", note
    return "quick-general", f"; no {language} task is bundled, so the English one stands in" if language else ""


def evidence_requests(text: str, awaiting_go: bool | dict[str, Any] = False) -> list[dict[str, Any]]:
    """Tool requests for the evidence the message asks for (empty when it asks for none).

    ``awaiting_go`` is True while a document check's plan waits for a go-ahead, or the arguments of a planned
    quick-MTEB run (``benchmark_models``) that waits for one.
    """
    requests: list[dict[str, Any]] = []
    if isinstance(awaiting_go, dict) and GO_AHEAD.match(text):
        requests.append({"tool": "benchmark_models", "args": {**awaiting_go, "go_ahead": True}})
    elif awaiting_go and GO_AHEAD.match(text):
        requests.append({"tool": "check_documents", "args": {"go_ahead": True, "models": None}})
    elif TOKENIZATION.search(text):
        requests.append({"tool": "check_tokenization", "args": {"models": None}})
    elif CHECK.search(text) or DOC_CHECK.search(text):
        requests.append({"tool": "check_documents", "args": {"models": None}})
    probe = PROBE.search(text)
    if probe:
        requests.append({"tool": "run_probe", "args": {"probe": (probe.group("probe") or probe.group("probe2")).lower(),
                                                       "models": None}})
    if STATUS.search(text):
        requests.append({"tool": "check_status", "args": {}})
    match = MTEB.search(text)
    language = match.group("language").lower() if match else ""
    if match and (language in SUITES or language in MULTILINGUAL):
        # The plan and its time estimate first (a job of the worker on "go ahead"), or why the model cannot load.
        requests.append({"tool": "benchmark_models", "args": {"models": [match.group("model")],
                                                              "language": language}})
    return requests
