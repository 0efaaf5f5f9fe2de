"""Deterministic understanding of interview answers in English and Chinese: profile updates, side questions, moves.

Regex and keyword rules, no LLM and no network. The conversion rules live in ``agent.understanding_patterns``:
a page is 500 tokens, an English word 1.3 tokens, a Chinese character (字) 1 token, four English characters one
token, a paragraph 100 tokens, a sentence 25; a month is 30 days, so per day x30 and 1 QPS = 2,592,000 queries a
month; CNY converts at a fixed 7.2 CNY/USD (EUR 1.08, GBP 1.27 USD); "real-time" means 100 ms. Only the first
4,000 characters of a message are read. A message that tries to give the assistant instructions ("ignore previous
instructions ...") yields nothing but ``unparsed``.

Model names resolve through the catalog: an exact name, alias or unique short name first (so "e5-large" is
``intfloat/e5-large``, the catalog's own match, not e5-large-v2). In a side question, a hyphenated name the catalog
does not know but that starts like a known family takes the catalog's first close match when that match extends it
or is at least 80% similar ("qwen3-embedding" -> Qwen/Qwen3-Embedding-8B, "text-embedding-3-larg" ->
openai/text-embedding-3-large); otherwise it is passed on as typed ("e5-huge"), and the tool's UnknownModelError
tells the user which names are close.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from agent import understanding_patterns as P
from agent.understanding_patterns import find_languages, find_models, hardware_mentions, split_sentences
from knowledge.catalog import default_catalog
from tools.profile.schema import ASKED_FIELDS, NUMERIC_FIELDS, Hardware, RequirementProfile

logger = logging.getLogger(__name__)

FIELDS = ASKED_FIELDS
TOOLS = ("show_model", "compare_models", "estimate_cost", "search_models", "estimate_tokens", "hardware_fit",
         "vector_storage")
MAX_NUMBERS = 100  # figures read in one message
MAX_QUESTIONS = 10  # question sentences checked for side questions in one message


@dataclass
class ToolRequest:
    """A side question a tool can answer.

    ``args`` are keyword arguments of the tool function, model names resolved to catalog names. Convention: a
    *required* argument the user did not give is present with the value ``None``, meaning "fill from the profile"
    (``model``: the current top recommendation; ``hardware_fit``'s ``accelerator``: the profile's hardware); an
    *optional* argument appears only when the user said it. So "how much would 10M documents cost with
    text-embedding-3-large?" gives ``{"model": "openai/text-embedding-3-large", "corpus_docs": 10000000,
    "doc_length_tokens": None, "queries_per_month": None}``. ``question`` is the sentence that asked.
    """

    tool: str
    args: dict[str, Any]
    question: str


@dataclass
class Understanding:
    """What one user message says; every field is empty when the message does not say it."""

    updates: dict[str, Any] = field(default_factory=dict)
    add_languages: list[str] = field(default_factory=list)
    remove_languages: list[str] = field(default_factory=list)
    corrected: set[str] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)
    recommend_now: bool = False
    tool_requests: list[ToolRequest] = field(default_factory=list)
    wants_document_check: bool = False
    priorities: list[str] | None = None
    top_k: int | None = None
    greeting_only: bool = False
    unparsed: str | None = None
    corpus_tokens: int | None = None  # "2M tokens in total" when neither doc count nor length splits it

    @property
    def understood(self) -> bool:
        """True when the message said anything the interview can use."""
        return bool(self.updates or self.add_languages or self.remove_languages or self.skipped or self.recommend_now
                    or self.tool_requests or self.wants_document_check or self.priorities or self.top_k
                    or self.greeting_only or self.corpus_tokens)


def understand(message: str, asked_field: str | None = None) -> Understanding:
    """Read one user message of the interview.

    Args:
        message: What the user typed, in English or Chinese (only the first 4,000 characters are read).
        asked_field: The profile field the interviewer asked about last, one of ``FIELDS``; it lets bare answers
            count ("50k", "en, ja", "yes", "skip").

    Returns:
        The profile updates, flags and side questions found; ``unparsed`` holds the text when nothing was.
    """
    raw = message[: P.MAX_CHARS].strip() if isinstance(message, str) else ""
    asked = asked_field if asked_field in FIELDS else None
    low = P.normalise(raw)
    result = Understanding()
    low = _without_injections(low)  # a sentence telling the advisor what to do is not read; the rest of it is
    if not low.strip():
        result.unparsed = raw
        return result
    if P.GREETING.search(low) and not P.GREETING_FILLER.sub("", P.GREETING.sub("", low)):
        result.greeting_only = True
        return result
    result.recommend_now = bool(P.RECOMMEND_NOW.search(low))
    result.wants_document_check = bool(P.DOC_CHECK.search(low))
    text = _take_side_questions(low, raw, result)
    found = extract_fields(text, asked)
    result.updates, result.corpus_tokens = found.updates, found.corpus_tokens
    _languages(text, raw, asked, result)
    result.top_k, result.priorities = found.top_k, _priorities(text)
    if P.CORRECTION.search(text) or found.negated:
        result.corrected |= {f for f in result.updates if f in FIELDS}
    _skips(text, asked, result)
    if not result.understood:
        result.unparsed = raw
    logger.debug("understood fields=%s tools=%s skipped=%s unparsed=%s", sorted(result.updates),
                 [r.tool for r in result.tool_requests], result.skipped, result.unparsed is not None)
    return result


def _without_injections(low: str) -> str:
    """``low`` with each sentence that holds an instruction to the assistant blanked (its end mark kept in place)."""
    hits = [m.span() for m in P.INJECTION.finditer(low)]
    if not hits:
        return low
    chars = list(low)
    for start, end in split_sentences(low):
        if any(s < end and e > start for s, e in hits):
            mark = re.search(r"(?:[?!。\n;]+|\.)$", low[start:end])
            stop = start + mark.start() if mark else end
            chars[start:stop] = " " * (stop - start)
    return "".join(chars)


def _take_side_questions(low: str, raw: str, result: Understanding) -> str:
    """Record tool requests; return ``low`` with their clauses blanked so they do not update the profile."""
    spans = split_sentences(low)
    shown = unicodedata.normalize("NFKC", raw)  # same sentences as ``low``, in the user's own casing and words
    shown_spans = split_sentences(shown)
    chars = list(low)
    questions = [(i, span) for i, span in enumerate(spans) if P.QUESTION.search(low[span[0]:span[1]])]
    for i, (start, end) in questions[:MAX_QUESTIONS]:
        sentence = low[start:end]
        request = _tool_request(sentence)
        if request is None:
            continue
        question = shown[slice(*shown_spans[i])].strip() if len(shown_spans) == len(spans) else raw
        result.tool_requests.append(ToolRequest(request[0], request[1], question or raw))
        for clause in re.finditer(r"[^,，]+", sentence):
            part = clause.group()
            if P.QUESTION.search(part) or _tool_cue(part) or find_models(part):
                chars[start + clause.start():start + clause.end()] = " " * len(part)
    return "".join(chars)


def _tool_cue(text: str) -> bool:
    return any(rx.search(text) for rx in (P.COMPARE, P.FIT, P.STORAGE, P.TOKENS_Q, P.COST, P.SEARCH))


def _tool_request(sentence: str) -> tuple[str, dict[str, Any]] | None:
    """Return (tool, args) for a question sentence, or None when no tool answers it."""
    models = find_models(sentence, fuzzy=True)
    numbers = extract_fields(sentence, None)
    if len(models) >= 2 and (P.COMPARE.search(sentence) or len(models) > 2):
        return "compare_models", {"models": models[:8]}
    hw, _ = hardware_mentions(sentence)
    if P.FIT.search(sentence) and (models or hw):
        args = {"model": models[0] if models else None, "accelerator": hw.get("accelerator")}
        if args["accelerator"] == "none":
            args["accelerator"] = "cpu-8core"
        args.update({k: hw[k] for k in ("vram_gb", "ram_gb") if k in hw})
        return "hardware_fit", args
    if P.STORAGE.search(sentence) and P.VECTOR_CUE.search(sentence):
        return "vector_storage", _storage_args(sentence, models, numbers.updates)
    if P.TOKENS_Q.search(sentence):
        args = {"doc_length_tokens": numbers.updates.get("doc_length_tokens"),
                "corpus_docs": numbers.updates.get("corpus_docs")}
        window = _window(sentence, models)
        if window is not None:
            args["max_tokens"] = window
        return "estimate_tokens", args
    if P.COST.search(sentence) and (models or numbers.updates):
        args = {"model": models[0] if models else None}
        args.update({k: numbers.updates.get(k) for k in ("corpus_docs", "doc_length_tokens", "queries_per_month")})
        if hw.get("accelerator") not in (None, "none"):
            args["accelerator"] = hw["accelerator"]
        return "estimate_cost", args
    if models:
        return ("compare_models", {"models": models[:8]}) if len(models) > 1 else ("show_model", {"model": models[0]})
    if P.SEARCH.search(sentence):
        args = _search_args(sentence)
        return ("search_models", args) if args else None  # "show me 7 models" asks for the recommendation
    return None


def _window(sentence: str, models: list[str]) -> int | None:
    match = P.WINDOW.search(sentence)
    if match:
        return int(match.group(1) or match.group(3)) * (1024 if match.group(2) else 1)
    return default_catalog().get(models[0]).max_tokens if models else None


def _storage_args(sentence: str, models: list[str], numbers: dict[str, Any]) -> dict[str, Any]:
    vectors = P.VECTORS.search(sentence)
    n_vectors = numbers.get("corpus_docs")
    if vectors:
        scale = {"k": 1e3, "m": 1e6, "b": 1e9, "万": 1e4, "亿": 1e8}.get(vectors.group(2) or "", 1)
        n_vectors = int(float(vectors.group(1)) * scale)
    dims = P.DIMS.search(sentence)
    card = default_catalog().get(models[0]) if models else None
    args: dict[str, Any] = {"n_vectors": n_vectors,
                            "dims": int(dims.group(1) or dims.group(2)) if dims else (card.embed_dim if card else None)}
    dtype = next((v for k, v in P.DTYPES.items() if re.search(rf"\b{k}\b", sentence)), None)
    if dtype:
        args["dtype"] = dtype
    index = P.INDEX_TYPES.search(sentence)
    if index:
        args["index_type"] = index.group(1).upper()
    return args


def _search_args(sentence: str) -> dict[str, Any]:
    args: dict[str, Any] = {}
    languages = [code for code, _, _ in find_languages(sentence, sentence, None)]
    if languages:
        args["language"] = languages[0]
    domain = extract_fields(sentence, None).updates.get("domain")
    if domain and domain != "general":
        args["domain"] = domain
    if P.KIND_OPEN.search(sentence):
        args["kind"] = "open"
    elif P.KIND_API.search(sentence):
        args["kind"] = "api"
    if re.search(r"commercial|商用", sentence) and not P.LICENSE_ANY.search(sentence):
        args["license"] = "commercial"
    params = P.MAX_PARAMS.search(sentence)
    if params:
        args["max_params"] = params.group(1).replace(" ", "").upper()
    window = P.WINDOW.search(sentence)
    if window:
        args["min_context"] = int(window.group(1) or window.group(3)) * (1024 if window.group(2) else 1)
    if re.search(r"smallest|lightweight|tiny|最小|轻量", sentence):
        args["sort"] = "size"
    elif re.search(r"cheapest|最便宜", sentence):
        args["sort"] = "price"
    return args


_CJK = re.compile(r"[\u4e00-\u9fff]")
_SIZE_UNIT = re.compile(r"^\s*(?:[kmgt]i?b\b|%|percent|x\b|years?\b|年(?!.{0,3}(?:查询|请求)))")


@dataclass
class Found:
    """Profile values stated in a text, before the conversation-level reading (corrections, skips)."""

    updates: dict[str, Any]
    corpus_tokens: int | None = None
    top_k: int | None = None
    negated: bool = False


def extract_fields(text: str, asked: str | None) -> Found:
    """Return the profile values ``text`` (normalised) states; ``asked`` lets bare answers count."""
    stripped = P.NEGATED_VALUE.sub(lambda m: " " * len(m.group()), text)
    found = Found({}, negated=stripped != text)
    chars = list(stripped)
    hw, spans = hardware_mentions(stripped, asked)
    if hw:
        found.updates["hardware"] = hw
    top = P.TOP_K.search(stripped)
    if top:
        value = next(g for g in top.groups() if g)
        k = int(value) if value.isdigit() else int(P.parse_cn(value))
        found.top_k = k if 1 <= k <= 20 else None
        spans.append(top.span())
    bare_latency = P.LATENCY_BARE.search(stripped)
    if bare_latency:
        found.updates["latency_p95_ms"] = float(bare_latency.group(1))
        spans.append(bare_latency.span())
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    work = "".join(chars)
    leftovers = []
    numbers = P.find_numbers(work, MAX_NUMBERS)
    users = next((n.value for n in numbers if P.USERS.match(work[n.end:])), None)
    for num in numbers:
        kind, value = _classify(num, work, asked)
        if kind == "queries_per_month" and users and P.PER_USER.search(work[num.start:num.end + 40]):
            value = int(value * users)  # "1,000 users doing 20 searches each per day"
        if kind == "corpus_tokens":
            found.corpus_tokens = found.corpus_tokens or int(value)
        elif kind:
            found.updates.setdefault(kind, value)
        else:
            leftovers.append(num)
    if asked in NUMERIC_FIELDS and asked not in found.updates and leftovers:
        num = leftovers[0]
        if len(P.FILLER.sub("", work[:num.start] + work[num.end:])) <= 12:
            found.updates[asked] = _as_field(asked, num.value, work)
    _split_corpus_tokens(found)
    _statements(text, asked, found.updates)
    _drop_out_of_range(found.updates)
    return found


@functools.cache
def _bounds(model: type[BaseModel], name: str) -> list[Any]:
    return list(model.model_fields[name].metadata)


def _fits(model: type[BaseModel], name: str, value: Any) -> bool:
    """True when ``value`` is inside the contract's bounds for the field (gt/ge/lt/le), or is None."""
    if value is None:
        return True
    checks = {"gt": lambda b: value > b, "ge": lambda b: value >= b, "lt": lambda b: value < b,
              "le": lambda b: value <= b}
    return all(check(getattr(c, op)) for c in _bounds(model, name) for op, check in checks.items() if hasattr(c, op))


def _drop_out_of_range(updates: dict[str, Any]) -> None:
    """A figure the profile would reject ("0 documents", "10^400 tokens") is not an answer: leave it out."""
    for name in NUMERIC_FIELDS:
        if name in updates and not _fits(RequirementProfile, name, updates[name]):
            del updates[name]
    hardware = updates.get("hardware")
    if hardware:
        for name in [n for n in hardware if n != "accelerator" and not _fits(Hardware, n, hardware[n])]:
            del hardware[name]
        if not hardware:
            del updates["hardware"]


def _period(after: str, before: str) -> float:
    """The factor to "per month" of the first period named after a number (else before it); 1 when none is."""
    for window in (after[:30], before):
        hits = [(m.start(), factor) for rx, factor in P.PERIODS if (m := rx.search(window))]
        if hits:
            return min(hits)[1]
    return 1.0


def _money(value: float, currency: str, factor: float) -> float:
    return round(value * P.USD_PER[currency] * factor, 2)


def _as_field(name: str, value: float, text: str) -> Any:
    if name == "budget_usd_month":
        return _money(value, "cny" if _CJK.search(text) else "usd", _period(text, ""))
    if name == "latency_p95_ms":
        return float(value)
    if name == "queries_per_month":
        return int(value * _period(text, ""))
    return int(value)


_LENGTH_UNITS = ((P.PAGES_AFTER, P.TOKENS_PER_PAGE), (P.WORDS_AFTER, P.TOKENS_PER_WORD),
                 (P.CJK_CHARS_AFTER, P.TOKENS_PER_CJK_CHAR), (P.CHARS_AFTER, 1 / P.CHARS_PER_TOKEN),
                 (P.PARAGRAPHS_AFTER, P.TOKENS_PER_PARAGRAPH), (P.SENTENCES_AFTER, P.TOKENS_PER_SENTENCE))


def _classify(num: P.Number, text: str, asked: str | None) -> tuple[str | None, Any]:
    """Decide which profile field one number is about, from the unit after it or the words before it."""
    v, after = num.value, text[num.end:num.end + 40]
    before = re.split(r"[,;!?。]", text[max(0, num.start - 30):num.start])[-1]
    clause = before + " " + re.split(r"[,;!?。]|\.\s", after)[0]
    if _SIZE_UNIT.match(after):
        return None, None
    currency = P.CURRENCY_AFTER.match(after)
    symbol = P.CURRENCY_BEFORE.search(before)
    if currency or symbol:
        word = (currency or symbol).group(1).strip()  # type: ignore[union-attr]
        code = P.CURRENCY_CODE.get(word, word if word in P.USD_PER else "usd")
        rest = after[currency.end():] if currency else after
        return "budget_usd_month", _money(v, code, _period(rest, before))
    if P.MS_AFTER.match(after):
        return "latency_p95_ms", float(v)
    if P.QPS_AFTER.match(after) or P.QPS_BEFORE.search(before):
        return "queries_per_month", int(v * P.SECONDS_PER_MONTH)
    if P.SECONDS_AFTER.match(after) and not re.search(r"(?:per|每)\s*$", before) and (
            asked == "latency_p95_ms" or P.LATENCY_CUE.search(clause)):
        return "latency_p95_ms", float(v * 1000)
    query = P.QUERY_AFTER.match(after)
    if query:
        return "queries_per_month", int(v * _period(after[query.end():], before))
    if P.PAGES_AFTER.match(after) and v >= P.PAGES_AS_DOCS_FROM and not P.PER_DOC_CUE.search(clause):
        return "corpus_docs", int(v)
    for rx, factor in _LENGTH_UNITS:
        if rx.match(after):
            return "doc_length_tokens", int(round(v * factor))
    if P.TOKENS_AFTER.match(after):
        total = (P.TOTAL_CUE.search(clause) and not P.PER_DOC_CUE.search(clause)) or v > 10_000_000
        return ("corpus_tokens" if total else "doc_length_tokens"), int(v)
    docs = P.DOCS_AFTER.match(after)
    if docs:
        # "一个法律问答系统" is not a corpus of one; "1k docs per second" / "5,000 new docs a month" are rates
        tail = re.split(r"[,;。]", after[docs.end():docs.end() + 20])[0]
        rate = any(rx.search(tail) for rx, _ in P.PERIODS) or re.search(r"\bnew\b|新增", clause)
        return ("corpus_docs", int(v)) if v >= 2 and not rate else (None, None)
    if P.QUERY_BEFORE.search(before):
        return "queries_per_month", int(v * _period(after, before))
    for name, rx in P.BEFORE_FIELD.items():
        if rx.search(before):
            return name, _as_field(name, v, clause)
    if re.match(r"^\s*(?:/|per\b|a\s+(?:month|day|week|year)|an hour|each\b|every\b|monthly|daily|每|一个?月)", after):
        # A count per day, hour or second is traffic; per month or year it is a budget unless queries are named.
        frequent = _period(after, "") > 1
        if asked == "queries_per_month" or frequent or re.search(r"quer|search|request|查询|检索|请求", clause):
            return "queries_per_month", int(v * _period(after, before))
        return "budget_usd_month", _as_field("budget_usd_month", v, clause)
    return None, None


def _split_corpus_tokens(found: Found) -> None:
    """Turn "2M tokens in total" into a length or a count when the other one is known; else keep the total."""
    total, updates = found.corpus_tokens, found.updates
    if not total:
        return
    if "corpus_docs" in updates and "doc_length_tokens" not in updates:
        updates["doc_length_tokens"] = max(1, round(total / updates["corpus_docs"]))
    elif "doc_length_tokens" in updates and "corpus_docs" not in updates:
        updates["corpus_docs"] = max(1, round(total / updates["doc_length_tokens"]))
    else:
        return
    found.corpus_tokens = None


def _statements(text: str, asked: str | None, updates: dict[str, Any]) -> None:
    """Domain, privacy, deployment, licence, latency and budget stated in words."""
    scores = {d: (len(hits), -hits[0].start()) for d, rx in P.DOMAIN_RES.items() if (hits := list(rx.finditer(text)))}
    specific = {d: s for d, s in scores.items() if d != "general"}
    if specific:
        updates["domain"] = max(specific, key=specific.__getitem__)
    elif "general" in scores or (asked == "domain" and P.GENERAL_ANSWER.search(text)):
        updates["domain"] = "general"
    if P.ON_PREM.search(text):
        updates["data_must_stay_on_prem"] = True
        if P.SELF_HOSTED.search(text):
            updates["deployment"] = "self_hosted"
    elif P.API_ONLY.search(text):
        updates.update(deployment="api", data_must_stay_on_prem=False)
    elif P.API_OK.search(text):
        updates.update(deployment="any", data_must_stay_on_prem=False)
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
        elif P.BUDGET_ZERO.search(text) or (asked == "budget_usd_month" and re.search(
                r"\bfree\b|\bnone\b|\bnothing\b|\bzero\b|^\s*0\s*$|没有|零|免费", text)):
            updates["budget_usd_month"] = 0.0
    _bare_answers(text, asked, updates)


def _bare_answers(text: str, asked: str | None, updates: dict[str, Any]) -> None:
    """Short answers that only mean something after a question: "yes", "API", "none"."""
    if asked is None or asked in updates or P.SKIP.search(text):
        return
    answer = text.strip()
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
    elif asked == "hardware" and re.match(r"^(?:none|nothing|no|nope|没有|无)(?![a-z])", answer):
        updates["hardware"] = {"accelerator": "none"}


def _languages(text: str, raw: str, asked: str | None, result: Understanding) -> None:
    mentions = find_languages(text, raw, asked)
    if not mentions:
        return
    keep = list(dict.fromkeys(code for code, removed, _ in mentions if not removed))
    result.remove_languages = list(dict.fromkeys(code for code, removed, _ in mentions if removed))
    # "we also have Japanese" adds; "Chinese, and also some English" states the whole list
    added = all(add for _, removed, add in mentions if not removed)
    if keep and added and asked != "languages":
        result.add_languages = keep
    elif keep:
        result.updates["languages"] = keep
    if result.remove_languages or result.add_languages:
        result.corrected.add("languages")


def _priorities(text: str) -> list[str] | None:
    """Order quality/cost/latency by where they are named next to a priority word; demoted ones go last."""
    firsts: dict[str, int] = {}
    down: list[str] = []
    for name, rx in P.PRIORITY_WORDS.items():
        for m in rx.finditer(text):
            if P.PRIORITY_CUE.search(text[max(0, m.start() - 25):m.end() + 25]):
                firsts.setdefault(name, m.start())
                if P.PRIORITY_DOWN.search(text[m.end():m.end() + 25].lstrip("s ")):
                    down.append(name)
                break
    if not firsts:
        return None
    ranked = sorted((n for n in firsts if n not in down), key=firsts.__getitem__)
    rest = [n for n in ("quality", "cost", "latency") if n not in firsts]
    return ranked + rest + [n for n in down if n not in ranked]


def _skips(text: str, asked: str | None, result: Understanding) -> None:
    if not P.SKIP.search(text):
        return
    named = [f for f in FIELDS if P.FIELD_RES[f].search(text) and f not in result.updates]
    if named:
        result.skipped = named
    elif asked and asked not in result.updates and not result.add_languages:
        result.skipped = [asked]
