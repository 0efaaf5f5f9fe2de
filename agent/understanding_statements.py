"""What a message states in words rather than figures: domain, privacy, deployment, licence, latency and budget."""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_patterns as P


def _hardware_location(text: str, match: re.Match[str]) -> bool:
    """True for "an A100 on-prem": where the hardware is, not a rule about the data."""
    return bool(re.fullmatch(r"on[\s\-]?prem(?:ise|ises)?", match.group()) and re.search(
        r"(?:a100|h100|h200|l40s|a10g?|t4|l4|4090|3090|gpus?|servers?|machines?|cluster|hardware|box)s?\s*$",
        text[max(0, match.start() - 20):match.start()]))


def read_statements(text: str, asked: str | None, updates: dict[str, Any]) -> None:
    """Domain, privacy, deployment, licence, latency and budget stated in words."""
    scores: dict[str, tuple[int, int]] = {}
    for m in P.DOMAIN_ANY.finditer(text):  # one pass over the text for every domain's words
        count, first = scores.get(m.lastgroup or "", (0, -m.start()))
        scores[m.lastgroup or ""] = (count + 1, first)
    specific = {d: s for d, s in scores.items() if d != "general"}
    if specific:
        updates["domain"] = max(specific, key=specific.__getitem__)
    elif "general" in scores or (asked == "domain" and P.GENERAL_ANSWER.search(text)):
        updates["domain"] = "general"
    if any(not _hardware_location(text, m) for m in P.ON_PREM.finditer(text)):
        updates["data_must_stay_on_prem"] = True
        if P.SELF_HOSTED.search(text):
            updates["deployment"] = "self_hosted"
    elif P.API_ONLY.search(text):
        updates.update(deployment="api", data_must_stay_on_prem=False)
    elif P.API_OK.search(text):
        updates.update(deployment="any", data_must_stay_on_prem=False)
    elif P.DATA_MAY_LEAVE.search(text):
        updates["data_must_stay_on_prem"] = False
    elif P.SELF_HOSTED.search(text):
        updates["deployment"] = "self_hosted"
    if P.LICENSE_ANY.search(text):
        updates["license"] = "any"
    elif P.LICENSE_COMMERCIAL.search(text):
        updates["license"] = "commercial"
    if "latency_p95_ms" not in updates:
        if P.NO_LATENCY.search(text) or (asked == "latency_p95_ms" and re.search(
                r"no (?:requirement|target)|don'?t care|doesn'?t matter|\bnone\b|无所谓|没要求|没有要求|不重要", text)):
            updates["latency_p95_ms"] = None
        elif P.REAL_TIME.search(text):
            updates["latency_p95_ms"] = P.REAL_TIME_MS
        elif P.SUB_SECOND.search(text):
            updates["latency_p95_ms"] = P.SUB_SECOND_MS
    if "budget_usd_month" not in updates:
        if P.BUDGET_NO_LIMIT.search(text) or (P.GENERIC_NO_LIMIT.search(text) and (
                asked == "budget_usd_month" or P.BUDGET_CUE.search(text))):
            updates["budget_usd_month"] = None
        elif P.BUDGET_ZERO.search(text) or (asked == "budget_usd_month" and len(text.split()) <= 3 and re.search(
                r"\bfree\b|\bnone\b|\bnothing\b|\bzero\b|^\s*0\s*$|没有|零|免费", text)):
            updates["budget_usd_month"] = 0.0
    _bare_answers(text, asked, updates)


def _bare_answers(text: str, asked: str | None, updates: dict[str, Any]) -> None:
    """Short answers that only mean something after a question: "yes", "API", "none"."""
    if asked is None or asked in updates or P.SKIP.search(text):
        return
    answer = text.strip()
    if re.search(r"\d", answer) and (P.CORRECTION.search(answer) or re.match(r"^no,? wait", answer)):
        return  # "no wait, 600 is wrong": not an answer to a yes/no question
    if asked == "deployment":
        if re.search(r"\bself\b|\bown\b|ourselves|on[\s\-]?prem|local|自己|本地|私有|自建", answer):
            updates["deployment"] = "self_hosted"
        elif re.search(r"\bapi\b|hosted|cloud|托管|云", answer):
            updates["deployment"] = "api"
        elif P.EITHER.search(answer):
            updates["deployment"] = "any"
    elif asked in ("data_must_stay_on_prem", "license"):
        yes, no = P.YES.match(answer), P.NO.match(answer)
        if yes or no:  # the question was "must the data stay on your servers?" / "is it for commercial use?"
            value = bool(yes) if asked == "data_must_stay_on_prem" else ("commercial" if yes else "any")
            updates[asked] = value
    elif asked == "hardware" and re.match(r"^(?:none|nothing|no|nope|没有|无)(?![a-z])", answer) and not re.search(
            r"\byet\b|\brent|\bsuggest|\brecommend|租|还没", answer):
        updates["hardware"] = {"accelerator": "none"}
