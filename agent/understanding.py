"""Deterministic understanding of interview answers in English and Chinese: profile updates, side questions, moves.

German, French, Spanish, Japanese, Korean, Portuguese and Italian are glossed into English first (the phrase table
``knowledge/data/interview_lexicon.yaml``). Never a silent wrong fill: a negated cue ("no commercial use",
"数据不需要留在本地") is read as negated, a hedged one ("not sure whether it will be commercial") is not stored, and
a figure whose role is unclear ("2000", "300 per day" with nothing around it) becomes a confirming question.

Regex and keyword rules, no LLM and no network. The conversion rules live in ``agent.understanding_patterns``:
a page is 500 tokens, an English word 1.3 tokens, a Chinese character (字) 1 token, four English characters one
token, a paragraph 100 tokens, a sentence 25; a month is 30 days, so per day x30 and 1 QPS = 2,592,000 queries a
month; CNY converts at a fixed 7.2 CNY/USD (EUR 1.08, GBP 1.27, CHF 1.12 USD; 5 BRL, 150 JPY, 1,350 KRW per USD);
"real-time" means 100 ms. Only the first 4,000 characters of a message are read. A message that tries to give the
assistant instructions ("ignore previous instructions ...") yields nothing but ``unparsed``.

Model names resolve through the catalog: an exact name, alias or unique short name first (so "e5-large" is
``intfloat/e5-large``, the catalog's own match, not e5-large-v2). In a side question, a hyphenated name the catalog
does not know but that starts like a known family takes the catalog's first close match when that match extends it
or is at least 80% similar ("qwen3-embedding" -> Qwen/Qwen3-Embedding-8B, "text-embedding-3-larg" ->
openai/text-embedding-3-large); otherwise it is passed on as typed ("e5-huge"), and the tool's UnknownModelError
tells the user which names are close.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from agent import side_questions as side
from agent import understanding_patterns as P
from agent import understanding_residency as R
from agent import understanding_structure as S
from agent.understanding_corrections import part_of_whole, refer_back, swapped
from agent.understanding_hardware import (
    CLOUD_WORDS,
    GPU_RE,
    RENT_WORDS,
    find_accelerators,
    hardware_mentions,
    owned_in_question,
)
from agent.understanding_langid import written_in
from agent.understanding_languages import read_languages
from agent.understanding_memo import in_one_message
from agent.understanding_models import unknown_model_names
from agent.understanding_money import default_currency, in_script_currency
from agent.understanding_patterns import find_languages, find_models, split_sentences
from agent.understanding_policy import both_after_all
from agent.understanding_quantities import extract_fields
from agent.understanding_rescale import added_to, people_corrected, per_item_corrected, per_unit, rescale, time_again
from agent.understanding_segments import labels_after, questionnaire
from knowledge.catalog import default_catalog
from knowledge.glossary import find_term_span
from tools.profile.schema import ASKED_FIELDS

logger = logging.getLogger(__name__)

FIELDS = ASKED_FIELDS
TOOLS = ("show_model", "compare_models", "estimate_cost", "search_models", "estimate_tokens", "hardware_fit",
         "vector_storage", *side.SIDE_TOOLS)
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
    growth_docs_month: float | None = None  # "growing by 2,000 a month": not a profile field, never a size or budget
    confirm: dict[str, Any] | None = None  # an ambiguous figure to ask about: {value, fields, text}
    unset: list[str] = field(default_factory=list)  # stated fields the user took back ("that 2,000 was growth")
    confirmed: set[str] = field(default_factory=set)  # fields set by answering a confirming question

    @property
    def understood(self) -> bool:
        """True when the message said anything the interview can use."""
        return bool(self.updates or self.add_languages or self.remove_languages or self.skipped or self.recommend_now
                    or self.tool_requests or self.wants_document_check or self.priorities or self.top_k
                    or self.greeting_only or self.corpus_tokens or self.growth_docs_month or self.confirm
                    or self.unset)


@in_one_message
def understand(message: str, asked_field: str | None = None, stated: dict[str, Any] | None = None) -> Understanding:
    """Read one user message of the interview.

    Args:
        message: What the user typed, in English or Chinese (only the first 4,000 characters are read).
        asked_field: The profile field the interviewer asked about last, one of ``FIELDS``; it lets bare answers
            count ("50k", "en, ja", "yes", "skip").
        stated: The values the user gave so far; a correction that names an earlier figure ("600 is wrong, roughly
            130k", "that 600 was per day") changes the field that figure was stored in, and only that field.

    Returns:
        The profile updates, flags and side questions found; ``unparsed`` holds the text when nothing was.
    """
    raw = labels_after(questionnaire(message[: P.MAX_CHARS].strip() if isinstance(message, str) else ""))  # "Q: ..?"
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
    in_script_currency(found.updates, text, raw)  # "월 500만 정도": won, though the gloss left only "500万"
    owned = result.updates.pop("hardware", None)  # our own hardware named inside a side question
    result.updates, result.corpus_tokens = found.updates, found.corpus_tokens
    if owned and "hardware" not in result.updates:
        result.updates["hardware"] = owned
    result.growth_docs_month, result.confirm = found.growth, found.ambiguous
    _count_of_them(text, asked, result, found.leftovers)
    if stated:
        refer_back(text, stated, result, found.leftovers)
        rescale(text, asked, stated, result)
        per_item_corrected(text, stated, result)
        per_unit(text, asked, stated, result)
        added_to(text, asked, stated, result)
        people_corrected(text, asked, stated, result)
        time_again(text, asked, stated, result)
        _relative(text, asked, stated, result)
        corrected_either(text, raw, stated, result)
        swapped(text, raw, stated, result)
    part_of_whole(text, asked, stated or {}, result)
    _languages(text, raw, asked, result, stated)
    result.top_k, result.priorities = found.top_k, _priorities(text)
    if result.priorities and found.updates.get("precision_critical") is True and _stakes_only(text):
        result.priorities = None  # "Accuracy is very important, if the system miss something e fit kill person"
    if result.top_k is None and any(r.tool == "shortlist" for r in result.tool_requests):
        result.top_k = extract_fields(low, None).top_k  # "show me the top 5": the list, with five on it
    if P.CORRECTION.search(text) or found.negated:
        result.corrected |= {f for f in result.updates if f in FIELDS}
    if asked in _RULE_QUESTIONS and "domain" in result.updates and not _SELF_DESCRIBED.search(text):
        del result.updates["domain"]  # "都是公开的商品信息，调外部 API 没问题": the reason for a rule names no domain
    if stated and "domain" in result.updates and ("domain" not in stated or not _NOT_DOMAIN.search(text)) and \
            not _SELF_DESCRIBED.search(text) and (any(
            isinstance(stated.get(f), int | float) and result.updates.get(f) not in (None, stated[f])
            for f in _RELATIVE_FIELDS) or _changes_a_rule(stated, result) or result.add_languages or
            result.remove_languages or (stated.get("languages") and result.updates.get("languages") not in (
                None, stated["languages"]))):  # (s13-a: the whole list said again, "so it's English and Spanish")
        del result.updates["domain"]  # "perdona, son 18.000 productos, se me fue un cero": a figure corrected, the
        # noun it counts names no domain; "compliance says the contracts can't leave our servers", "my bad, an A10G,
        # I misread the invoice": a rule or a card changed, the team or the paper it names is no domain (s9-d); "oh
        # forgot, a third of the papers are in German too": the documents said before, qualified by a language (s12-b)
    if stated and stated.get("deployment") == "api" and result.updates.get("data_must_stay_on_prem") is True and \
            stated.get("data_must_stay_on_prem") is not True and "deployment" not in result.updates and \
            re.search(r"(?<![a-z])api(?![a-z])|апи|апі", text):  # (s17-c: "刚才说可以用云API，我收回")
        result.updates["deployment"] = "self_hosted"  # "the data must stay on our servers, no external API" after
        result.corrected.add("deployment")  # an API was chosen: the API side is taken back (s11-b)
    if stated and stated.get("data_must_stay_on_prem") is False and result.updates.get("deployment") == "self_hosted" \
            and result.updates.get("data_must_stay_on_prem") is not True and R.REFUSED.search(text):
        result.updates["data_must_stay_on_prem"] = True  # "아까 API 괜찮다고 했는데 보안팀에서 안 된대요": the API
        result.corrected.add("data_must_stay_on_prem")  # allowed before is refused now, so the data stays (s12-a)
    if result.updates.get("deployment") == "any" and result.updates.get("data_must_stay_on_prem") is True and \
            not _DATA_WORD.search(raw.lower()):
        del result.updates["data_must_stay_on_prem"]  # "どっちでもいいです、オンプレでもAPIでも": on-prem named as one
        # side of the choice is no rule on the data (lead s15; "on-prem or API, but the data stays in the EU" is)
    _same_card(text, stated or {}, result)
    _card_rented_after_all(text, stated or {}, result)
    if both_after_all(text, stated or {}, result.updates):
        result.corrected.add("deployment")
    if "hardware" in result.updates and isinstance(result.updates.get("corpus_docs"), int) and any(
            _CARDS_COUNTED.search(text[a:b]) and _HARDWARE_NEAR.search(text[a:b]) for a, b in split_sentences(text)) \
            and not _OTHER_ITEMS.search(text):
        del result.updates["corpus_docs"]  # "Eine H100 ... Im Cluster sind's 16 Stück": the cards, no documents
    _skips(text, asked, result)
    if not result.understood:
        result.unparsed = raw
    logger.debug("understood fields=%s tools=%s skipped=%s unparsed=%s", sorted(result.updates),
                 [r.tool for r in result.tool_requests], result.skipped, result.unparsed is not None)
    return result


# A word about the data itself, its rules or where it may go (not only the hosting): "data", "GDPR", "the EU", "leave"
_DATA_WORD = re.compile(r"\bdata\b|\bdaten\b|donn[ée]es|\bdatos\b|\bdados\b|\bdati\b|\bgegevens\b|\bdane\b|"
                        r"\bgdpr\b|\bdsgvo\b|\brgpd\b|\bhipaa\b|\b(?:the )?eu\b|\bleave\b|\bstay\b|\bbleiben\b|"
                        r"\brester\b|\bquedar\w*|数据|資料|データ|데이터|个人信息|個人情報|개인정보")


# A domain said before, taken back in the same message ("not legal, it's insurance claims", "nicht medizinisch"): a
# domain read beside a figure or a language corrects it; with no such word it stays as said (lead s15: "also some of
# the maintenance manuals are in Spanish" after a general domain is no support domain)
_NOT_DOMAIN = re.compile(r"\b(?:not|no|nicht|kein\w*|pas|non|não|niet|nie|inte)\b|不是|ではなく|じゃなく|아니")


# The answer to a data-rule, licence or hosting question gives a reason ("we sell this to law firms so yes", "public
# product information, an external API is fine"): a domain only when the user says what the organisation is
_RULE_QUESTIONS = ("data_must_stay_on_prem", "license", "deployment")
_SELF_DESCRIBED = re.compile(r"\b(?:we(?:'re| are)|i (?:work|am) (?:at|for|in)|our (?:company|firm|organi[sz]ation|"
                             r"business) is|wir sind|nous sommes|somos|siamo|we zijn|jesteśmy|vi är|biz bir|мы\s+—?\s*"
                             r"\w+|hum (?:ek|log)|ham (?:ek|log))\b|我们是|我们公司是|本公司是|私たちは|弊社は|当社は|"
                             r"저희는|우리는")


_MEMORY_OR_FORM = re.compile(r"\d\s*-?\s*(?:gb|g\b|gig|go\b|гб|기가|ギガ)|pcie|sxm|nvl|\d\s*g(?![a-z])")


def _same_card(text: str, stated: dict[str, Any], result: Understanding) -> None:
    """"not two A100s, just one" after the A100 80GB: a card named bare is the stated card of that family (s11-b)."""
    hw, old = result.updates.get("hardware"), stated.get("hardware")
    if not (isinstance(hw, dict) and isinstance(old, dict) and hw.get("accelerator") and old.get("accelerator")):
        return
    new_name, old_name = str(hw["accelerator"]), str(old["accelerator"])
    if new_name == old_name or new_name.split("-")[0].lower() != old_name.split("-")[0].lower() or \
            "vram_gb" in hw or _MEMORY_OR_FORM.search(text) or any(m.group("bare") for m in GPU_RE.finditer(text)):
        return  # ("A100 на 80": its size said with no unit)
    hw["accelerator"] = old_name


# The stated cards said to be someone else's ("the GPUs aren't ours, they're AWS instances we pay by the hour", "las
# GPUs no son nuestras", "die GPUs gehören uns nicht, sind gemietet", "GPU不是我们自己的，是租的")
_NOT_OURS = re.compile(r"\b(?:aren'?t|are not|isn'?t|is not|not) (?:really )?(?:ours|our own|owned by us)\b|"
                       r"\bno son (?:nuestr\w+|propi\w+|our)\b|\bgehören uns (?:nicht|not)\b|\bnicht unsere?\b|"
                       r"\bpas (?:à nous|les nôtres)\b|\bnão são nossas?\b|\bnon sono nostr\w+|\bniet van ons\b|"
                       r"不是我们(?:自己)?的|うちのものではな|自社のものではな|우리 (?:것|거)가 아니")

# Where a card said not to be theirs runs: rented, in a cloud, or paid by the hour
_RENTED_OR_HOURLY = re.compile(rf"{RENT_WORDS}|{CLOUD_WORDS}|\b(?:by|per|an|a) (?:the )?hour\b|\binstances?\b|"
                               rf"por hora|pro stunde|à l'heure|按小时|時間単位|시간 단위")


def _card_rented_after_all(text: str, stated: dict[str, Any], result: Understanding) -> None:
    """The stated card said to be rented, no card named: the same card, not owned (lead s15)."""
    old = stated.get("hardware")
    new = result.updates.get("hardware")
    none = isinstance(new, dict) and new.get("accelerator") == "none" and new.get("owned") is False  # "the GPUs
    # aren't ours" read by itself as no card of their own
    if not isinstance(old, dict) or not old.get("accelerator") or ("hardware" in result.updates and not none) or \
            find_accelerators(text) or not (_NOT_OURS.search(text) and _RENTED_OR_HOURLY.search(text)):
        return
    result.updates["hardware"] = {**old, "owned": False}
    result.corrected.add("hardware")


# Pieces counted beside a card ("16 Stück", glossed "16 items"), with no document noun anywhere (s11-b)
_CARDS_COUNTED = re.compile(r"\d\s*items\b")
_HARDWARE_NEAR = re.compile(r"\b(?:cluster|gpus?|cards?|karten|cartes|tarjetas|schede|placas|kort|nodes?|servers?|"
                            r"machines?|boxes)\b|集群|显卡|クラスタ|클러스터")
_OTHER_ITEMS = re.compile(r"\b(?:documents?|docs?|files?|pdfs?|articles?|records?|pages?|products?|contracts?|tickets?|"
                          r"texts?|entries|rows|emails?|reports?)\b|文档|文書|문서")


_EITHER = ["budget_usd_month", "queries_per_month"]


# "X, not Y" said with the negation after the old figure ("月5万じゃなくて月10万", "5만이 아니라 10만")
_NOT_BUT = re.compile(P.NOT_AFTER + r"|不是.{1,12}[,，]\s*是")


def corrected_either(text: str, raw: str, stated: dict[str, Any], result: Understanding) -> None:
    """A correction that could be money, searches or documents, when only one of them was said before: that one.

    "à không, 30 triệu mỗi tháng mới đúng" after a budget corrects the budget (s9-e), when the figure is near it
    (within twenty times); otherwise it is asked about as before.
    """
    pending = result.confirm
    fields = pending.get("fields") if pending else None
    if not pending or pending.get("kind") or not isinstance(fields, list) or len(fields) < 2 or not set(fields) <= {
            *_EITHER, "corpus_docs"} or not (P.CORRECTION.search(text) or _NOT_BUT.search(text)):
        return
    held = [f for f in fields if isinstance(stated.get(f), int | float)]
    if len(held) != 1 or not isinstance(pending.get("monthly"), int | float):
        return  # ("sorry, more like 12k, forgot the archived ones" after only a count of documents: that count, s12-b)
    if held == ["budget_usd_month"] and isinstance(stated.get("one_time_budget_usd"), int | float) and not (
            re.search(r"\bmonthly\b", text) or any(rx.search(text) for rx, factor in P.PERIODS if factor == 1)):
        why = "the monthly budget or the one-off sum?"  # s17-a: "sorry, make that 1000" after both budgets
        value = float(pending["monthly"])
        result.confirm = {"kind": "check", "fields": ["budget_usd_month"], "values": {"budget_usd_month": value},
                          "reasons": {"budget_usd_month": why}, "value": value, "monthly": value, "text": why,
                          "base": value}
        return
    if held[0] in result.corrected and held[0] in result.updates:
        result.confirm = None  # "预算不是每月5万，是每月10万": the correction read it already, in its currency
        return
    updates: dict[str, Any] = {held[0]: float(pending["monthly"])}
    if held[0] == "budget_usd_month":  # the figure as written, in the currency its text reads ("10万": yuan)
        updates[held[0]] = round(updates[held[0]] * (P.USD_PER.get(default_currency(text)) or 1.0), 2)
        in_script_currency(updates, text, raw)  # "30 triệu": dong; "月10万" beside kana: yen
    else:
        updates[held[0]] = int(updates[held[0]])
    before = stated[held[0]]
    if not isinstance(before, int | float) or not before or not 1 / 20 <= updates[held[0]] / before <= 20:
        return  # far from what was said: a figure of another field, asked about as before
    result.updates.update(updates)
    result.corrected.add(held[0])
    result.confirm = None


_RELATIVE_FIELDS = ("corpus_docs", "queries_per_month", "budget_usd_month", "doc_length_tokens")
_RELATIVE_NAMED = {"corpus_docs": r"\b(?:doc\w*|files?|records?)\b|文档|文件|份", "queries_per_month":
                   r"\b(?:search\w*|quer\w*|lookups?|requests?|questions?)\b|次|查询|搜索|检索",
                   "budget_usd_month": r"\bbudget\b|[$€£¥]|预算|元|块",
                   "doc_length_tokens": r"\bpages?\b|\bwords?\b|页|字"}
_CHANGED_FIELDS = ("data_must_stay_on_prem", "deployment", "license", "latency_p95_ms", "hardware")


def _changes_a_rule(stated: dict[str, Any], result: Understanding) -> bool:
    """The message changes or takes back a stated rule, target or card (a correction, not a self-description)."""
    return any(f in stated and (f in result.unset or result.updates.get(f) not in (None, stated[f]))
               for f in _CHANGED_FIELDS)


def _relative(text: str, asked: str | None, stated: dict[str, Any], result: Understanding) -> None:
    """"double that", "half of it", "3x that": a figure relative to one said before is asked back, never stored.

    The field it scales is the one just asked about, else every figure said so far is a candidate.
    """
    match = P.RELATIVE.search(text)
    if not match or result.confirm:
        return
    digits = re.search(r"\d{1,2}", match.group())
    factor = float(digits.group()) if digits else next(v for k, v in P.RELATIVE_FACTORS.items()
                                                       if re.search(k, match.group()))
    if any(f in _RELATIVE_FIELDS and not (isinstance(v, int | float) and not isinstance(v, bool) and (
            v <= 30 * factor or v == stated.get(f))) for f, v in result.updates.items()):
        return
    if result.updates and not any(f in _RELATIVE_FIELDS for f in result.updates):
        return
    # s14-a: "there are four sites, so it's really four times that", "三家店，加起来得乘三": the factor itself
    # (read as a count or a daily rate), or the old figure quoted, is no value of its own
    for name in [f for f in result.updates if f in _RELATIVE_FIELDS]:
        result.updates.pop(name)
        result.corrected.discard(name)
    result.confirm = None
    fields = [asked] if asked in _RELATIVE_FIELDS and stated.get(asked) else [
        f for f in _RELATIVE_FIELDS if isinstance(stated.get(f), (int, float)) and stated.get(f)]
    if not fields:
        return
    named = [f for f in fields if re.search(_RELATIVE_NAMED[f], text)]  # "I said 3,000 searches ... 4 times that"
    fields = named + [f for f in fields if f not in named]
    value = float(stated[fields[0]]) * factor
    result.confirm = {"value": value, "monthly": value, "text": match.group().strip(), "fields": fields}


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
    aligned = len(shown_spans) == len(spans)
    plains = [shown[slice(*s)].lower().replace("i\u0307", "i") if aligned else low[slice(*spans[i])]  # "İ" -> "i"
              for i, s in enumerate(shown_spans if aligned else spans)]
    asks = [(i, span, bool(P.QUESTION.search(low[span[0]:span[1]]) or P.IMPERATIVE.search(low[span[0]:span[1]])
                           or side.wondered(low[span[0]:span[1]], plains[i])))
            for i, span in enumerate(spans)]
    asks = [a for a in asks if a[2] or side.command(low[a[1][0]:a[1][1]]) or side.WHY_NOT.search(low[a[1][0]:a[1][1]])
            or side.intents(low[a[1][0]:a[1][1]], plains[a[0]], False)
            or side.unknown_term(low[a[1][0]:a[1][1]], plains[a[0]])]
    about_model = -2  # the sentence routed to a question about a model ("bge-m3에 대해 좀 알려주세요.")
    for i, (start, end), is_question in asks[:MAX_QUESTIONS]:
        sentence = low[start:end]
        request = _route(sentence, plains[i], is_question)
        term = side.term_named_before(sentence, plains[i], low[slice(*spans[i - 1])]) if (
            request is None and is_question and i > 0) else None
        if term:  # "Should we add a reranker? What does it even do?": the term of the sentence before
            request = "explain_term", {"term": term}
        if request is None:
            if is_question and P.HYPOTHETICAL.search(sentence):  # "what if we had 2M docs?": not an answer
                chars[start:end] = " " * (end - start)
            elif is_question and about_model == i - 1 and re.search(r"[?？]\s*$", sentence) and \
                    not P.OWN_SITUATION.search(sentence):  # "... 한국어 성능은 어때요?": still about that model
                chars[start:end] = " " * (end - start)
            elif P.ASKING.search(sentence) and re.search(r"[?？]|[吗嗎까]\s*$", sentence) and \
                    not P.RECOMMEND_ASK.search(sentence):  # "is 200 ms realistic?": figures asked about
                for clause in re.finditer(r"[^,，、;；]+", sentence):
                    if not P.OWN_SITUATION.search(clause.group()):
                        chars[start + clause.start():start + clause.end()] = " " * len(clause.group())
            continue
        if request[0] == "show_model" and not P.QUESTION.search(sentence) and _OPINION.search(plains[i]) and \
                side.wondered(sentence, plains[i]):
            continue  # "bge-m3가 60점대 후반이던데 의견이 궁금합니다": the advisor's opinion wondered about, not a
            # card; what the sentence says of the user is still read ("MTEB 한국어 점수": Korean)
        question = shown[slice(*shown_spans[i])].strip() if aligned else raw
        for tool, args in _each_question(sentence, plains[i], is_question, request):
            result.tool_requests.append(ToolRequest(tool, args, question or raw))
        if request[0] in ("show_model", "compare_models", "why_not", "hardware_fit"):
            about_model = i
        supposed = bool(P.HYPOTHETICAL.search(sentence) or P.IF_CLAUSE.search(sentence)
                        or P.IF_CLAUSE.search(plains[i]))
        owned = _own_hardware(sentence, plains[i]) if request[0] in _HARDWARE_TOOLS else None
        if request[0] in _HARDWARE_TOOLS and not owned and i + 1 < len(spans) and any(
                _has_it(t) for t in (low[slice(*spans[i + 1])], plains[i + 1])):
            owned = _asked_card(sentence)  # "Passt X auf eine RTX A6000? Die haben wir im Labor stehen"
        elif request[0] in _HARDWARE_TOOLS and not owned and i + 1 < len(spans) and len(find_accelerators(
                sentence)) == 1 and any(_RENT_IT.match(t) for t in (low[slice(*spans[i + 1])], plains[i + 1])):
            owned = {**(_asked_card(sentence) or {}), "owned": False}  # "would gte fit on an L4? we're renting one"
            nxt = spans[i + 1]
            chars[nxt[0]:nxt[1]] = " " * (nxt[1] - nxt[0])  # the rental is that card, not a card not chosen yet
        if owned:  # "Passt bge-m3 auf unsere L4?": the question is routed, and our card is an L4
            result.updates.setdefault("hardware", owned)
        asked_yet = False  # a clause before the question that states a figure is an answer ("40k docs, btw what's
        # hybrid search?", "大概200万篇，全部索引一遍要多久？"); "for 2M docs, what would it cost?" supposes one
        blanked = False  # the clause before was taken as part of the question
        for clause in _clauses(sentence):
            part = clause.group()
            # s14-c: "for 40 agents x 10 searches a day" (normalised "40 agents, each 10 searches a day"): the rate of
            # the people of the clause before, asked about with them
            goes_on = blanked and bool(re.match(r"\W*each\b", part))
            own = request[0] == "search_models" and P.OWN_SITUATION.search(part) and not supposed
            # "a report is 200 pages, what's that in tokens?": a figure converted, not the user's answer
            converted = request[0] in _CONVERSIONS and not P.OWN_SITUATION.search(part)
            cued = bool((P.QUESTION.search(part) and not _FIGURE_STATED.match(part)) or _tool_cue(part)
                        or find_models(part))
            asked_yet = asked_yet or cued
            told = not asked_yet and not _SUPPOSING_START.search(part) and bool(re.search(r"\d", part))
            supposes = bool(_SUPPOSING_START.search(part) and re.search(r"\d", part)
                            and not P.OWN_SITUATION.search(part))  # "at 500k docs, what would X cost?"
            blanked = bool((cued or (request[0] in side.SIDE_TOOLS and not told) or supposed or converted or supposes
                            or goes_on) and not own)  # "which model for our 80k ...?"
            if blanked:
                mine = [] if supposed else owned_in_question(part) + _own_counts(part) + (  # "the T4 we have" is read
                    _own_budget(part) if request[0] in ("shortlist", "search_models") else [])
                if not (P.HYPOTHETICAL.search(part) or P.IF_CLAUSE.search(part)):  # (the "if" of another clause:
                    mine += _estimated_volume(part)  # "bei etwa 250.000 Anfragen im Monat, wenn wir Cohere nutzen")
                chars[start + clause.start():start + clause.end()] = " " * len(part)
                for a, b in mine:
                    chars[start + clause.start() + a:start + clause.start() + b] = list(part[a:b])
    _follow_up(result.tool_requests)
    return "".join(chars)


# "and what about X?", "et avec X ?", "那X呢？": a model named only to ask the next sentence about it
_WHAT_ABOUT = re.compile(r"^\W*(?:(?:and|so|ok|okay|also)[, ]+)?(?:what about|how about|and|et|und|y|e|en|ve|i|а|и|"
                         r"was ist mit|et pour|y qué tal|e quanto a|e per|en wat dacht je van)\b|^\W*(?:那|还有)|"
                         r"[呢は]\s*[?？]?$")
# "how much would IT cost?" after a sentence about one model: that model
_PRONOUN = re.compile(r"\b(?:it|that|this one|that one|das|ça|cela|esso|essa|isso|dat|het|det|bu|это|он|она)\b|"
                      r"它|这个|那个|それ|これ|그거|이거")


def _follow_up(requests: list[ToolRequest]) -> None:
    """"And what about X? What would that cost?": the model of the bare question goes to the next one's tool.

    A bare "why not?" with no model before it asks nothing a tool can answer, and is dropped.
    """
    for i in range(len(requests) - 1, 0, -1):
        named, asked = requests[i - 1], requests[i]
        if not (named.tool == "show_model" and named.args.get("model") and "model" in asked.args
                and asked.args["model"] is None and "option" not in asked.args):
            continue
        if _WHAT_ABOUT.search(named.question.lower()) or len(named.question.split()) <= 3:
            asked.args["model"] = named.args["model"]
            del requests[i - 1]
        elif _PRONOUN.search(asked.question.lower()):  # "tell me about bge-m3. how much would it cost?"
            asked.args["model"] = named.args["model"]
    requests[:] = [r for r in requests if not (r.tool == "why_not" and r.args == {"model": None})]


def _tool_cue(text: str) -> bool:
    return any(rx.search(text) for rx in (P.COMPARE, P.FIT, P.STORAGE, P.TOKENS_Q, P.COST, P.SEARCH))


_HARDWARE_TOOLS = ("hardware_fit", "indexing_time", "estimate_cost")
_CONVERSIONS = ("estimate_tokens", "vector_storage")  # tools that convert the figures the question gives
# "our T4", "unsere L4", "nuestra L4", "うちのT4", "우리 T4", "we only have one T4": the card named is the user's own.
_OWN_BEFORE = re.compile(
    r"(?:\b(?:our|we (?:only )?(?:have|got|run|use)|unser\w*|wir haben|notre|nos|nuestr[oa]s?|tenemos|noss[oa]s?|"
    r"temos|nostr[oa]|abbiamo|onze|ons|wij hebben|nasz\w*|mamy|vår\w*|vi har|bizim|elimizdeki|наш\w*|у нас|"
    r"hamar[aei]|hamare paas|हमार[ाीे])"
    r"(?:\s+(?:a|an|one|single|only|just|1|eine?[mnr]?|une?|un[ao]?|uma?|een|jedn\w*|en|ett|bir|одна|один|old|little|"
    r"own|current|eigene\w*|new|nvidia|geforce|einzige\w*))*\s*|我们的|我们(?:有|只有)(?:一张|一块|一个)?|"
    r"(?:(?:我们|我|公司|实验室)(?:那|这)(?:台|张|块)|咱们(?:那|这)?(?:台|张|块)?)\s*|"
    r"うちの|弊社の|当社の|우리(?:\s*회사)?\s*|저희\s*)$")


# "we have a VM host with 2 T4s", "Wir haben eine L40 im Rechenzentrum", "Mamy serwer z kartą A40", "社内にRTX 6000 Ada
# が1枚あります", "저희 서버에 A30이 한 장 있는데": who has the card, a few words before it (none of them a purchase,
# a rental, a condition or a negation: "we have budget to buy an A100", "we have no GPU, would it fit on an A100?").
_OWNER = (r"(?:\b(?:we(?:'ve| have| got| own| run| use)|we(?:'re| are) (?:on|running|using)|there(?:'s| is| are)|"
          r"wir haben|haben wir|"
          r"(?<![a-z] )on a (?=une?\b|des\b|deux\b|\d)|"
          r"(?:et|mais|donc|bon|ici) on a|nous avons|"
          r"tenemos|temos|abbiamo|we hebben|hebben we|mamy|vi har|elimizde|bizde|у нас|ha?mare paas|humare paas|"
          r"(?:our|my|unser\w*|notre|nuestr\w+|noss\w+|nostr\w+|onze|nasz\w*|vår\w*|наш\w*) (?:\w+ )?(?:server|"
          r"box|machine|workstation|node|rechner|serveur|servidor|serwer|sunucu|сервер)\w* (?:has|have|hat|a|tiene|tem|"
          r"ha|heeft|ma|har|имеет))\b|"
          r"我们(?:公司|机房|这边)?有|公司有|机房(?:里)?有|社内に|うちに|弊社に|(?:저희|우리)\s*(?:서버|회사|사무실)에)")
_OWN_LOOSE = re.compile(rf"{_OWNER}(?:[^\w?？]{{0,3}}[\w\-]+){{0,6}}[^\w?？]{{0,3}}$")
_NOT_OWNED_YET = re.compile(
    r"\b(?:if|would|could|buy\w*|bought|purchas\w*|order\w*|rent\w*|lease\w*|no|not|without|kauf\w*|miet\w*|kein\w*|"
    r"wenn|falls|achet\w*|lou\w*|si|pas|compr\w*|alquil\w*|alug\w*|se|sin|sem|acquist\w*|noleg\w*|affitt\w*|"
    r"senza|als|kopen|koop\w*|huren|geen|kup\w*|wynaj\w*|jeśli|gdyby|bez|köp\w*|hyr\w*|om|inga?|satın|alırsak|"
    r"kirala\w*|если|куп\w*|аренд\w*|нет|без|agar|kharid\w*)\b|如果|要是|假如|买|租|没有|買|借り|もし|사면|구매|빌려|만약|없")
_OWN_AFTER = re.compile(r"^\s*(?:'s|s)?\s*(?:が|이|가|는|은)?\s*"
                        r"(?:(?:\d+|한|두|세|一|两|三)\s*(?:枚|장|대|개|张|块|台)\s*)?"
                        r"(?:あります|있(?:는데|어요|습니다|어서)|var\b|hai\b|есть\b|"
                        r"(?:that |which )?we (?:have|own|got)\b|(?:die |das )?haben wir\b|in (?:my|our) \w+|"
                        r"(?:im|in unserem|in unserer) \w+ (?:stehen|steht)\b)")


# The sentence after a question about a card says the user has it: "Die haben wir nämlich im Labor", "we have one",
# "on l'a au labo", "la tenemos en la oficina", "ce l'abbiamo", "die hebben we", "mamy ją", "den har vi", "o bizde
# var", "она у нас есть", "我们有这张卡", "それは社内にあります", "그거 있어요".
_HAVE_IT = re.compile(
    r"^\W*(?:(?:and|yes|ja|oui|sí|si|sim|tak|evet|да)\W+)?(?:(?:die|den|das|sie|diese|eine)\s+(?:haben|besitzen)\s+wir\b|"
    r"we (?:do )?(?:have|own|got|'ve got) (?:one|it|that(?: one)?|those|them|two|a couple|an?)\b|"
    r"(?:that|this)(?: one)? we (?:have|own)|(?:we have|have) it\b|(?:nous )?(?:l'|les )?avons\b|"
    r"on (?:l'|les |en )a\b|(?:la|lo|las|los) tenemos\b|"
    # s11-c: "A gente tem uma", "tenemos una", "on en a une", "wir haben eine": one of the card just named
    r"(?:a gente tem|n[óo]s temos|temos|tenemos|on en a|nous en avons|wir haben|abbiamo|we hebben(?: er)?|mamy)\s+"
    r"(?:uma|um|duas|dois|una|uno|dos|une?|deux|eine[n]?|zwei|due|een|twee|jedn[aą]|dwie)\b|"
    r"(?:a|o|as|os) temos\b|(?:ce )?l'abbiamo\b|ce l'abbiamo\b|die hebben we\b|(?:die|zo een) hebben we\b|"
    r"mamy (?:ją|je|go|taką|takie)\b|(?:den|det|dem) har vi\b|(?:o|onu) (?:bizde|elimizde)|"
    r"(?:она|он|такая|такой) (?:у нас )?(?:есть|имеется)|у нас (?:она|такая|он|такой) есть|woh hamare paas|"
    r"(?:这张|这块|这个)?(?:卡)?我们(?:有|手上有|已经有)|(?:それ|これ)(?:は|を)?.{0,10}(?:持って|あります)|"
    r"(?:그거|그건|이거)\s*(?:있|보유)|"
    # "we have two (of them)" in every language: a count of the card just asked about
    r"(?:we have|wir haben|haben wir|tenemos|temos|abbiamo|ne abbiamo|we hebben(?: er)?|mamy|vi har|"
    r"у нас(?: их| есть)?|hamare paas|humare paas|nous en avons|on en a)\s+(?:\w+\s+)?"
    r"(?:one|two|three|four|a couple|eine|einen|zwei|drei|vier|una|uno|dos|tres|uma|duas|due|tre|eentje|één|twee|"
    r"drie|jedną|jedna|dwie|dwa|trzy|en|ett|två|tre|одна|одну|"
    r"две|два|три|ek|do|teen|\d)\b|"
    r"\b(?:bizde|elimizde)\s+(?:\w+\s+)?(?:bir|iki|üç|\d)\s*(?:tane|adet)?\s*var|"
    r"(?:社内|うち|弊社)に?(?:は)?\s*\d+\s*枚|(?:저희|우리)?\s*\w*\s*(?:한|두|세|\d)\s*장\s*있|我们有(?:一|两|三|\d)(?:张|块))")


# The advisor's opinion, wondered about: "I'm curious what you think", "의견이 궁금합니다", "Ihre Meinung würde mich
# interessieren", "je suis curieux de votre avis", "me interesa tu opinión", "sono curioso del tuo parere", "意见"
_OPINION = re.compile(r"\b(?:opinion|thoughts|take on|what you think|meinung|einschätzung|avis|opinión|opinião|parere|"
                      r"mening|zdanie|görüş\w*|мнени\w*|думк\w*|raay|rai)\b|意见|看法|見解|ご意見|의견|생각")


# The sentence after a question about a card says the user rents that card: "we're renting one from GCP", "die mieten
# wir bei AWS", "on la loue chez OVH", "la alquilamos en Azure", "a gente aluga na AWS", "la noleggiamo", "die huren
# we", "wynajmujemy ją", "den hyr vi", "onu kiralıyoruz", "мы её арендуем", "ми її орендуємо", "woh kiraye pe hai",
# "是租的".
_RENT_IT = re.compile(
    r"^\W*(?:(?:and|yes|yeah|ja|oui|sí|si|sim|tak|evet|да|так)\W+)?(?:"
    r"we(?:'re| are|'d| would| could)? (?:renting|rent|leasing|lease|rent(?:ing)? out) "
    r"(?:one|it|that(?: one)?|them|those|an?)\b|"
    r"(?:it's|it is|that's|that one's|that one is) (?:rented|a rental|leased|in the cloud)\b|"
    r"(?:die|den|das) (?:mieten|leasen) wir\b|(?:wir )?mieten (?:sie|die|eine|einen)\b|"
    r"on (?:la|les|en) loue\b|nous (?:la|les) louons\b|(?:la|lo|las|los) alquilamos\b|(?:a|o|as|os) alugamos\b|"
    r"a gente (?:aluga|alugou)\b|(?:la|le|lo) noleggiamo\b|die huren we\b|we huren (?:er )?(?:een|die)\b|"
    r"wynajmujemy (?:ją|je|go)\b|(?:den|det|dem) hyr vi\b|vi hyr (?:en|ett|den)\b|(?:onu|bunu) kiralı\w+|"
    r"(?:мы )?(?:её|ее|его|их) арендуем\b|арендуем\b|(?:ми )?(?:її|його|їх) орендуємо\b|орендуємо\b|"
    r"(?:woh|wo) (?:kiraye|rent) (?:pe|par)\b|(?:是)?租的|レンタル|借りて|빌려서|임대)")


# After "we have two": a figure of something else ("we have two million docs", "2 TB of PDFs", "我们有两百万份文档")
_OTHER_COUNT = re.compile(r"^\s*(?:\d|[.,]\d|(?:t|g|m|k)i?b\b|%|million|mill|milh|milion|miljon|miljoen|миллион|"
                          r"миллиард|thousand|tausend|mil\b|mila\b|duizend|tysi|tusen|тысяч|lakh|crore|hazaar|百|千|万|亿)")


# "with our 2M docs", "for my 10M documents", "unsere 40.000 Verträge": a count of the user's own documents inside a
# side question is the user's corpus (a figure only supposed, "for 2M docs", is not)
_OWN_COUNT = re.compile(r"\b(?:our|my|unser\w*|notre|nos|nuestr[oa]s|noss[oa]s|nostr[ie]|onze|nasz\w*|våra|наш\w*|"
                        # s14-a: the ones the user has spoken of ("those 53,000 books", "all of our 14,000 files")
                        r"those|these|all (?:of )?our)\s+"
                        r"(?:(?:~|about|roughly|approx\.?|around|some|ca\.?|etwa|environ|unos|cerca de|circa)\s*)?"
                        r"(?=\d)|"
                        # the owner, then the noun, then the figure (s12-a): "우리 문서 3만 건", "我们的文档20万份"
                        r"(?:우리|저희|我们的?|我司的?|うちの|弊社の)\s*(?:회사\s*|公司的?\s*)?(?:documents|文档|文件|"
                        r"文書|資料)\s*(?:는|은|が|は|有)?\s*(?=\d)")
# A figure of the user's own that counts queries in a period ("our 2 million queries per month")
_OWN_RATE = re.compile(r"^\s*(?:quer(?:y|ies)|searches|requests|lookups)\s+(?:per|a|an|each)\s+(?:month|day|week)\b")


# s14-c: the user's own volume estimated inside a side question ("at ~2M queries a month, what would X cost us?",
# "given ~250k searches a month, is an API cheaper?", "bei etwa 250.000 Anfragen im Monat"): a figure hedged, with
# the searches and a period named, is the user's estimate, not one supposed ("what would 1M queries a month cost?")
_VOLUME_FIGURE = r"\d[\d.,]*\s*(?:k|m|mn|thousand|million|lakh|crore|万|千)?\s*(?:queries|searches|requests|lookups)"
_VOLUME_PERIOD = r"(?:a|per|/|each)\s*(?:month|day|week|year|mo)\b"
_ESTIMATED_VOLUME = re.compile(
    rf"(?:~|\b(?:about|around|roughly|approx\.?|approximately|some|circa|ca\.?)\s)\s*{_VOLUME_FIGURE}\s*{_VOLUME_PERIOD}|"
    # the owner before the figure ("うちは月10万クエリ程度なんですが"): the period either side
    rf"(?:うちは|弊社は|当社は|我们|我司|저희는?|우리는?)\s*(?:{_VOLUME_PERIOD}\s*{_VOLUME_FIGURE}|"
    rf"{_VOLUME_FIGURE}\s*{_VOLUME_PERIOD})")


_ASSUMED = re.compile(r"\bassum\w*|\bsuppos\w*|\bhypothetic\w*|\bangenommen\b|\bsupon\w*|\bsuponh\w*|"
                      r"\bsupposons\b|\bimagin\w*|假设|假如|仮に|가정")


def _estimated_volume(part: str) -> list[tuple[int, int]]:
    """Spans of ``part`` that give the user's own query volume as an estimate."""
    if _ASSUMED.search(part):  # "assuming about 80k queries a month": supposed all the same
        return []
    return [m.span() for m in _ESTIMATED_VOLUME.finditer(part)]


def _own_counts(part: str) -> list[tuple[int, int]]:
    """Spans of ``part`` that count the user's own documents ("our 2M docs")."""
    out = []
    for m in _OWN_COUNT.finditer(part):
        figure = P.find_numbers(part[m.end():], 1)
        rest = part[m.end() + figure[0].end:] if figure and figure[0].start == 0 else ""
        if rest and (noun := P.docs_after(rest) or _OWN_RATE.match(rest)):
            out.append((m.start(), m.end() + figure[0].end + noun.end()))
    return out


# s13-b: the budget a request for candidates is bounded by ("予算月8万円で組める候補ざっと出してもらえます？", "what can
# we get for a budget of 500 euros a month?"): the user's own budget, read
_OWN_BUDGET = re.compile(
    r"\bbudget\b\s*(?:(?:of|is|per month|monthly|a month|月|毎月|每月|월)\s*)*(?:about\s*)?[$€£¥]?\s*\d[\d.,]*\s*"
    r"(?:k|万|千|thousand)?\s*(?:yen|dollars?|euros?|usd|eur|円|元|€|\$)?(?:\s*(?:per month|a month|/mo(?:nth)?|"
    r"monthly))?|"
    r"(?:per month|monthly|月|毎月|每月)\s*\d[\d.,]*\s*(?:万|千|k)?\s*(?:yen|円|元|dollars?|euros?|€|\$|원|won)")


def _own_budget(part: str) -> list[tuple[int, int]]:
    """Spans of ``part`` that state the user's own monthly budget."""
    return [m.span() for m in _OWN_BUDGET.finditer(part) if re.search(r"\d", m.group())]


def _has_it(sentence: str) -> bool:
    """The sentence says the user has the card just asked about, and counts nothing else."""
    match = _HAVE_IT.match(sentence)
    return bool(match and not _OTHER_COUNT.match(sentence[match.end():]) and not extract_fields(sentence, None).updates)


def _asked_card(sentence: str) -> dict[str, Any] | None:
    """The card a question names ("auf eine RTX A6000"), with its memory when said."""
    named = find_accelerators(sentence)
    if not named:
        return None
    return {"accelerator": named[0][1], **({"vram_gb": named[0][2]} if named[0][2] else {})}


def _own_hardware(sentence: str, plain: str) -> dict[str, Any] | None:
    """The user's own accelerator named inside a side question ("would it fit on our T4?"), or None."""
    for text in (sentence, plain):
        hw, spans = hardware_mentions(text)
        if hw.get("accelerator") in (None, "none") or not spans:
            continue
        start = min(s for s, _ in spans)
        end = min(e for s, e in spans if s == start)
        before = text[max(0, start - 40):start]
        loose = _OWN_LOOSE.search(before)
        if _OWN_BEFORE.search(before) or (loose and not _NOT_OWNED_YET.search(loose.group())) or (
                _OWN_AFTER.match(text[end:end + 30]) and not _NOT_OWNED_YET.search(before)):
            return {k: v for k, v in hw.items() if k in ("accelerator", "vram_gb")}
    return None


def _route(sentence: str, plain: str, is_question: bool) -> tuple[str, dict[str, Any]] | None:
    """The tool a sentence asks for, with its arguments: the English rules, then the intent table of every language.

    A summary asked for always is one. A cue-based English reading comes first; then the intent table
    (``side.intents``: "Wie viel würde das kosten?", "Pokaż szczegóły modelu bge-m3"); a bare model name or place on
    the list ("bge-m3?", "the second one?") is shown last. The short list asked for by a bare list word yields to a
    question about one item of it ("Il primo modello della lista ci sta sul Mac mini?").
    """
    command = side.command(sentence)
    if command and command[0] == "summary":
        return command
    if side.list_declined(sentence):
        return None  # "don't need a shortlist yet. what I need is on-prem": an answer, the list declined
    if _BARE_WHY_NOT.match(plain) or _BARE_WHY_NOT.match(sentence):
        return "why_not", {"model": None}  # "Und jina-embeddings-v3? Warum nicht?": the model comes from before
    unknown = side.unknown_term(sentence, plain)
    if unknown and not find_models(sentence):  # "not sure what a reranker even is", "리랭커가 뭔지 잘 모르겠어요"
        return "explain_term", {"term": unknown}
    if not command and side.said_not_asked(sentence, plain):
        return None  # "we compared bge and e5 last year", "how much we spend is not decided"
    facts = _Facts.read(sentence, plain)
    english, weak = _english_request(sentence, is_question, facts)
    strong = None if weak else english
    by_intent = None
    if strong is None or command or strong[0] in _GENERIC:
        by_intent = next(filter(None, (_intent_request(t, sentence, plain, facts)
                                       for t in side.intents(sentence, plain, is_question))), None)
    if strong and by_intent and strong[0] in _GENERIC and by_intent[0] in _GENERIC[strong[0]]:
        return by_intent  # "용량이 얼마나 될까요?": "how much" asks about the storage, not the bill
    if command and by_intent and by_intent[0] == "summary":  # "これまでの情報を一覧で見せて": everything said so far
        return by_intent
    if command:
        item = facts.models or facts.places or _SUPERLATIVE.search(sentence)
        other = strong or by_intent
        return other if item and other and other[0] not in ("shortlist", "show_model") else command
    if strong is None and by_intent is None and english and english[0] == "show_model" and _named_card(facts):
        # "how would bge-m3 do on an H100 vs an L4?", "bge-m3在H100和L4上分别跑得怎么样？": a model on a card is a fit
        return "hardware_fit", _fit_args(facts.models, facts.hardware, {})
    return strong or by_intent or english


# Where a sentence holding two questions joins them ("how much disk would the vectors take, and how long would
# indexing run?", "Wie viel Speicher bräuchten die Vektoren und wie lange dauert das Einbetten?", "Podsumuj, co już
# wiesz, i pokaż listę", "向量占多少存储？另外建索引要多久"): a joining word before a question or request word of any
# language.
_JOIN = re.compile(
    r"(?:[,;]\s*|\s+)(?:and|also|plus|und|et|y|e|en|i|och|ve|и|і|aur)\s+(?=(?:also |then |so |noch |aussi |"
    r"también |também |anche |ook |też |även |de |ещё |ще )?(?:what|how|which|would|will|is|are|can|could|does|do|why|"
    r"where|show|give|tell|wie|was|welche\w*|würde|passt|warum|wieso|zeig\w*|combien|quel\w*|comment|est-ce|"
    r"pourquoi|c'est|montre\w*|cu[aá]nt\w*|qu[eé]|c[oó]mo|cu[aá]l\w*|por qu[eé]|muestra\w*|quant\w*|qual\w*|"
    r"o que|por que|mostra\w*|come|cosa|perch[eé]|hoeveel|wat|hoe|welke|waarom|laat|toon|ile|jak\w*|czy|dlaczego|"
    r"pokaż\w*|podaj|hur|vad|vilk\w*|varför|visa|nasıl|hangi|kaç|ne kadar|сколько|что|как\w*|почему|покажи\w*|"
    r"скільки|що|як\w*|чому|kitna|kitni|kitne|kya|kaise|kaun)\b)|"
    r"[，、,]?\s*(?:另外|还有|以及|顺便)|(?:。|、)\s*(?:あと|それと|それから|また)|\s(?:그리고|또)\s")


def _each_question(sentence: str, plain: str, is_question: bool,
                   request: tuple[str, dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """The sentence's request, or one per question when it joins questions for different tools; a fit on each card."""
    found = [request]
    if _JOIN.search(sentence):
        parts = [p for p in _JOIN.split(sentence) if p and p.strip()]
        plain_parts = [p for p in _JOIN.split(plain) if p and p.strip()]
        if len(plain_parts) != len(parts):
            plain_parts = parts
        each = [r for part, shown in zip(parts, plain_parts, strict=True)
                if (r := _route(part, shown, is_question or bool(side.wondered(part, shown)))) is not None]
        if len({tool for tool, _ in each}) > 1:
            found = each
    return [*found, *(("hardware_fit", args) for r in found for args in _other_cards(sentence, r))]


# A clause that opens with a preposition or a condition supposes its figure: "for 2M docs", "at 500k", "bei 2 Mio.",
# "pour 2 millions", "para 2 millones", "con 2 milioni", "voor 2 miljoen", "dla 2 mln", "för 2 miljoner", "2 milyon
# için", "для 2 млн", "при 2 млн", "2 million ke liye", "如果", "按200万算".
_SUPPOSING_START = re.compile(
    r"^\W*(?:for|at|with|given|assuming|say|if|per|bei|für|mit|angenommen|pour|avec|à|para|con|com|per|voor|met|"
    r"bij|dla|przy|z|för|med|vid|için|для|при|с|з|агар|agar|按|如果|假如|以)\b|\b(?:için|ke liye|ki liye)\b")


# "Sono circa 80.000 documenti" and "Son unos 300 mil" arrive glossed as "are about 80000 ...": a figure stated, not
# a question opening with "are"
_FIGURE_STATED = re.compile(r"^\W*(?:is|are)\s+(?:about|around|roughly|approximately|some|over|under|nearly|almost|"
                            r"~)?\s*\d[^?？]*$")


def _clauses(sentence: str) -> list[re.Match[str]]:
    """The comma clauses of a question sentence; one without a card also splits at a dash.

    "we only have CPUs, 32 cores and 128GB RAM - would X run ok?": the RAM is an answer. A card before a dash stays
    with the question ("Im Keller steht eine L4 – passt X da rein?": the user's only by the owner's words, read by
    ``_own_hardware``).
    """
    found: list[re.Match[str]] = []
    for clause in re.finditer(r"(?:[^,，]|(?<=\d),(?=\d{3}(?!\d)))+", sentence):  # (not "12,000": one figure, s14-a)
        if find_accelerators(clause.group()) or not re.search(r"\s[\-–—]\s", clause.group()):
            found.append(clause)
            continue
        found += [m for m in re.finditer(r"(?:[^\-–—]|(?<=\S)-(?=\S))+", sentence) if
                  clause.start() <= m.start() and m.end() <= clause.end()]
    return found


def _named_card(facts: _Facts) -> bool:
    """The question names a GPU or an Apple chip (not "no GPU", not a bare CPU count)."""
    return facts.hardware.get("accelerator") not in (None, "none")


def _other_cards(sentence: str, request: tuple[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The fit arguments for every further card a fit question names ("on an H100 vs an L4": the L4 too)."""
    if request[0] != "hardware_fit":
        return []
    seen = {request[1].get("accelerator")}
    more: list[dict[str, Any]] = []
    for _, name, vram, _ in find_accelerators(sentence):
        if name not in seen:
            seen.add(name)
            more.append({**request[1], "accelerator": name, **({"vram_gb": vram} if vram else {})})
    return more


# "why not?", "warum nicht?", "pourquoi pas ?", "为什么不？", "なぜですか": asks about the model the message just named
_BARE_WHY_NOT = re.compile(r"^\W*(?:and |so |but |und |et |y |e |en |a |и |ve )?(?:why not|warum nicht|wieso nicht|"
                           r"pourquoi pas|por qu[ée] no|por que não|perché no|waarom niet|dlaczego nie|varför inte|"
                           r"neden olmasın|почему нет|почему бы и нет|kyun nahi|"
                           r"为什么不|为啥不|为什么没有|なぜ(?:ですか)?|왜 안 ?돼요?)\W*$")
# An English reading from a generic word ("how much", "how long") yields to the intent table's more specific subject.
_GENERIC = {"estimate_cost": ("estimate_tokens", "vector_storage", "indexing_time", "hardware_fit")}
# "the cheapest one", "el más barato", "il più economico", "самая дешёвая": one item of the list, named by a quality
_SUPERLATIVE = re.compile(r"\b(?:cheapest|smallest|fastest|best|largest|most expensive)\b|"
                          r"\bm[aá]s (?:barat|econ[oó]mic|pequeñ|rápid)|\bpiù (?:economic|piccol|veloc)|"
                          r"\bmais (?:barat|econ[oô]mic|pequen|rápid)|"
                          r"\ble moins cher|\bla moins chère|\bgünstigste|\bbilligste|\bkleinste|\bgoedkoopste|"
                          r"\bnajtańsz|\bbilligaste|\ben ucuz|\bсам\w+ дешёв|最便宜|最小|一番安い|가장 싼|제일 싼")
_DEVICE = re.compile(r"\b(?:gpus?|cards?|vram|mac|macbook|laptop|server|box|machine|karte|grafikkarte|rechner|carte|"
                     r"tarjeta|placa|scheda|kaart|karta|karty|kort|kart|ekran kartı|карт\w*|сервер\w*|ноутбук\w*)\b|"
                     r"显卡|服务器|机器|笔记本|グラボ|サーバ|マシン|그래픽|서버|노트북")


@dataclass
class _Facts:
    """What a question sentence names, read once for every tool that may answer it."""

    models: list[str]
    numbers: dict[str, Any]
    places: list[int]
    hardware: dict[str, Any]
    compared: list[str] = field(default_factory=list)  # a known model and unknown ones set against it, in order

    @classmethod
    def read(cls, sentence: str, plain: str | None = None) -> _Facts:
        hardware = hardware_mentions(sentence)[0]
        if hardware.get("accelerator") in (None, "none"):  # "if we bought an L40S, would it fit?": asked about
            named = find_accelerators(sentence)
            if named:
                hardware = {"accelerator": named[0][1], **({"vram_gb": named[0][2]} if named[0][2] else {})}
        models = find_models(sentence, fuzzy=True)
        compared = _compared(plain or sentence, models)  # names as the user wrote them, not the gloss
        if not models:  # "why not acme-embed-v9?": asked about as typed, so the tool can say which names are close
            models = [name for _, name in unknown_model_names(plain or sentence)
                      if re.search(r"[\-_]|\d|bert", name) and not _NOT_A_MODEL.search(name)
                      and find_term_span(name) is None][:1]  # "ColBERT って何ですか？" asks for a term
        return cls(models, extract_fields(sentence, None).updates, side.positions(sentence), hardware, compared)


# Hyphenated words a question names that are no model ("multi-vector", "e-commerce", "top-10", "p95-latency")
_NOT_A_MODEL = re.compile(r"^(?:multi|top|p\d+|e|co|re|pre|non|sub|self|on|off|real|long|short|high|low|open|closed|"
                          r"cross|bi|dual|two|one|all|de|en|zh|ja|ko|fr|es|it|pt|ru|pl|sv|tr|nl|utf)[\-_]|"
                          r"^(?:\d+[\-_]?(?:d|k|m|b|gb|ms|bit|dim|dims|tokens?|pages?|docs?)|int\d|fp\d+|bf16)$")


# Words that set two models against each other, in every language of the interview ("X compared to Y", "X oder Y",
# "X face à Y", "X frente a Y", "X czy Y", "X eller Y", "X mi yoksa Y mi", "X или Y", "X ya Y", "X还是Y", "X跟Y比",
# "XとYどっち", "X랑 Y 중에"): with one catalog model and a name the catalog does not know, still a comparison.
_AGAINST = re.compile(
    r"\b(?:compar\w+|differen\w+|unterschied\w*|diferen\w+|verschil\w*|różnic\w*|skillnad\w*|fark\w*|разниц\w*|"
    r"against|gegen|schlägt sich|verhoud\w*|confront\w*|hangisi|stack(?:s)? up|vs\.?|versus|or|better|face à|"
    r"par rapport à|ou|oder|besser|im vergleich|"
    r"gegenüber|frente a|o|mejor|rispetto a|contro|oppure|meglio|vergeleken met|of|beter|czy|porówna\w*|lepszy|eller|"
    r"jämfört med|mot|bäst|bättre|göre|yoksa|karşı|daha iyi|или|по сравнению|против|лучше|ya|kaunsa|mukab\w+)\b|"
    r"跟.{0,40}比|和.{0,40}比|与.{0,40}比|相比|还是|哪个|区别|差别|違い|차이|と.{0,40}(?:どっち|どちら)|比べ|比較|(?:랑|하고|와|과)\s?.{0,40}"
    r"(?:중|비교|나아|좋아)")


def _compared(sentence: str, models: list[str]) -> list[str]:
    """[known, unknown] or [unknown, known] as written, when one catalog model is set against a name it lacks."""
    if len(models) != 1 or not _AGAINST.search(sentence):
        return []
    unknown = unknown_model_names(sentence)
    if not unknown:
        return []
    short = models[0].split("/")[-1].lower()
    at = next((sentence.find(k) for k in (short, short.rsplit("-", 1)[0], short.split("-")[0]) if k in sentence), -1)
    names = [name for _, name in unknown[:7]]
    return names + models if at < 0 or unknown[0][0] < at else models + names


def _intent_request(tool: str, sentence: str, plain: str, facts: _Facts) -> tuple[str, dict[str, Any]] | None:
    """(tool, args) for a tool the intent table found, or None when the sentence lacks what the tool needs."""
    models, numbers, places, hw = facts.models, facts.numbers, facts.places, facts.hardware
    place = {"option": places[0]} if places and not models else {}
    referred = bool(P.REFERENCE.search(sentence) or places or _SUPERLATIVE.search(sentence))
    if tool in ("shortlist", "summary"):
        return tool, {}
    if tool == "compare_models":
        if len(models) >= 2 or facts.compared:
            return tool, {"models": (models if len(models) >= 2 else facts.compared)[:8]}
        return (tool, {"models": None, "options": places}) if len(places) >= 2 else None
    if tool in ("why_not", "show_model"):
        if models:
            return tool, {"model": models[0]}
        return (tool, {"model": None, **place}) if place or (tool == "show_model" and referred) else None
    if tool == "explain_term":
        term = side.asked_term(sentence, plain) if not models else None
        return (tool, {"term": term}) if term else None
    if tool == "estimate_tokens":
        args: dict[str, Any] = {"doc_length_tokens": numbers.get("doc_length_tokens"),
                                "corpus_docs": numbers.get("corpus_docs")}
        window = _window(sentence, models)
        if window is not None:
            args["max_tokens"] = window
        return tool, args
    if tool == "vector_storage":
        return tool, _storage_args(sentence, models, numbers)
    if tool == "indexing_time":
        args = {"model": models[0] if models else None, **place}
        if hw.get("accelerator") not in (None, "none"):
            args["accelerator"] = hw["accelerator"]
        args.update({k: numbers[k] for k in ("corpus_docs", "doc_length_tokens") if numbers.get(k)})
        return tool, args
    if tool == "hardware_fit":
        if not (models or hw or referred or _DEVICE.search(sentence)):
            return None
        return tool, _fit_args(models, hw, place)
    if tool == "estimate_cost":
        return tool, _cost_args(models, numbers, hw, place)
    if tool == "search_models":
        return tool, _search_args(sentence) or {"sort": "score"}
    return None


def _fit_args(models: list[str], hw: dict[str, Any], place: dict[str, Any]) -> dict[str, Any]:
    args = {"model": models[0] if models else None, "accelerator": hw.get("accelerator"), **place}
    if args["accelerator"] == "none":
        args["accelerator"] = "cpu-8core"
    args.update({k: hw[k] for k in ("vram_gb", "ram_gb") if k in hw})
    return args


def _cost_args(models: list[str], numbers: dict[str, Any], hw: dict[str, Any], place: dict[str, Any]) -> dict[str, Any]:
    args = {"model": models[0] if models else None, **place}
    args.update({k: numbers.get(k) for k in ("corpus_docs", "doc_length_tokens", "queries_per_month")})
    if hw.get("accelerator") not in (None, "none"):
        args["accelerator"] = hw["accelerator"]
    return args


def _tool_request(sentence: str, is_question: bool = True) -> tuple[str, dict[str, Any]] | None:
    """Return (tool, args) for a question sentence, or None when no tool answers it."""
    return _english_request(sentence, is_question, _Facts.read(sentence))[0]


def _english_request(sentence: str, is_question: bool,
                     facts: _Facts) -> tuple[tuple[str, dict[str, Any]] | None, bool]:
    """(tool, args) by the English rules, or None; and whether the reading is weak.

    Weak: only a model name or a place on the list gave it ("bge-m3?"); the intent table may know what the sentence
    asks about that model.
    """
    models, numbers, places, hw = facts.models, facts.numbers, facts.places, facts.hardware
    own = side.question(sentence, models, hw, numbers, is_question, places)
    if own or not is_question:
        return own, False
    if len(models) >= 2 and (P.COMPARE.search(sentence) or len(models) > 2):
        return ("compare_models", {"models": models[:8]}), False
    if facts.compared:  # "is MedCPT any good compared to bge-large?": a model the catalog lacks, still compared
        return ("compare_models", {"models": facts.compared}), False
    if not models and (len(places) >= 2 or P.WHICH_OPTION.search(sentence)):
        return ("compare_models", {"models": None, **({"options": places} if len(places) >= 2 else {})}), False
    referred = bool(P.REFERENCE.search(sentence) or places)
    place = {"option": places[0]} if places and not models else {}
    if P.FIT.search(sentence) and (models or hw or referred):
        return ("hardware_fit", _fit_args(models, hw, place)), False
    if P.STORAGE.search(sentence) and P.VECTOR_CUE.search(sentence):
        return ("vector_storage", _storage_args(sentence, models, numbers)), False
    if P.TOKENS_Q.search(sentence):
        args = {"doc_length_tokens": numbers.get("doc_length_tokens"),
                "corpus_docs": numbers.get("corpus_docs")}
        window = _window(sentence, models)
        if window is not None:
            args["max_tokens"] = window
        return ("estimate_tokens", args), False
    if P.COST.search(sentence) and (models or numbers or referred):
        return ("estimate_cost", _cost_args(models, numbers, hw, place)), False
    if models:  # only a model name: weak
        return (("compare_models", {"models": models[:8]}) if len(models) > 1
                else ("show_model", {"model": models[0]})), True
    if place:
        return ("show_model", {"model": None, **place}), True
    if P.SEARCH.search(sentence):
        args = _search_args(sentence)
        return (("search_models", args) if args else None), False  # "show me 7 models" asks for the recommendation
    return None, False


def _window(sentence: str, models: list[str]) -> int | None:
    match = P.WINDOW.search(sentence)
    if match:
        return _window_tokens(match)
    return default_catalog().get(models[0]).max_tokens if models else None


def _window_tokens(match: re.Match[str]) -> int:
    """The tokens a ``P.WINDOW`` match names ("8k context", "handle 8k tokens", "8k-token inputs", "上下文 8192")."""
    for number, kilo in ((1, 2), (3, 4), (5, 6), (7, None), (8, 9)):
        if match.group(number):
            return int(match.group(number)) * (1024 if kilo and match.group(kilo) else 1)
    return 0


def _storage_args(sentence: str, models: list[str], numbers: dict[str, Any]) -> dict[str, Any]:
    vectors = P.VECTORS.search(sentence)
    n_vectors = numbers.get("corpus_docs")
    if vectors:
        count, unit = (vectors.group(1), vectors.group(2)) if vectors.group(1) else (vectors.group(3), vectors.group(4))
        scale = {"k": 1e3, "m": 1e6, "b": 1e9, "万": 1e4, "亿": 1e8, "億": 1e8, "million": 1e6, "millions": 1e6,
                 "thousand": 1e3}.get(unit or "", 1)
        n_vectors = int(float(count) * scale)
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
        args["min_context"] = _window_tokens(window)
    if not args and P.CAPABILITY.search(sentence):  # "which models support 100 languages?": the catalog, unfiltered
        args["sort"] = "score"
    if re.search(r"smallest|lightweight|tiny|最小|轻量", sentence):
        args["sort"] = "size"
    elif re.search(r"cheapest|最便宜", sentence):
        args["sort"] = "price"
    return args


def _languages(text: str, raw: str, asked: str | None, result: Understanding, stated: dict[str, Any] | None) -> None:
    reading = read_languages(text, raw, asked)
    if reading.unknown:  # "Russian and Chuvash": never a partial list. The profile contract rejects the unknown
        # name, so nothing is stored and the reply says which name it could not use (the question is asked again).
        known = [code for code, removed, _ in reading.mentions if not removed]
        result.updates["languages"] = list(dict.fromkeys([*known, *reading.unknown]))
        return
    mentions = reading.mentions
    if not mentions:
        return
    keep = list(dict.fromkeys(code for code, removed, _ in mentions if not removed))
    result.remove_languages = list(dict.fromkeys(code for code, removed, _ in mentions if removed and code not in keep))
    before = set((stated or {}).get("languages") or [])
    if (before and asked != "languages" and not reading.only and not result.remove_languages
            and set(keep) <= before and not P.CORRECTION.search(text)):
        return  # "the German ones are the important ones": a stated language referred to, not a new list
    # "we also have Japanese" adds; "Chinese, and also some English" and "only English" state the whole list
    added = not reading.only and all(any(add for c, removed, add in mentions if c == code and not removed)
                                     for code in keep)
    if result.remove_languages and before and not reading.only:
        added = True  # "pas de chinois finalement, les boutiques d'Asie travaillent en anglais": the rest stays
    if keep and added and asked != "languages":
        result.add_languages = keep
        base = written_in(raw) if stated and not before and not result.remove_languages else None
        if base and base not in keep:  # "Ach ja, Französisch und Italienisch kommen auch vor": beside the German
            result.add_languages = [base, *keep]  # the conversation is held in, none having been stated (s11-b)
    elif keep:
        result.updates["languages"] = keep
    if result.remove_languages or result.add_languages:
        result.corrected.add("languages")


# Cues that order two named things but rank nothing alone ("then", "después" of "lo vemos después") (s14-b)
_SEQUENCE_ONLY = re.compile(r"then|despu[eé]s|luego|dann|danach|然后|其次|"
                            r"poi|daarna|potem|sedan|sonra|потом|затем|kemudian|sau đó|그다음|다음으로|"  # s15-b
                            r"after that|next|ensuite|puis|depois|em seguida|その次|次に|次|"  # lead s17
                            # ranks a thing after another, never first by itself ("cost is secondary as long as ...")
                            r"secondary|secondaire|zweitrangig|nachrangig|secund[aá]ri[oa]|二の次|"
                            r"baru|وبعدين|بعدين|ثم|بعد ذلك|na drugim miejscu|फिर|rồi đến|แล้วค่อย|nombor dua|last|"
                            r"na last|sau cùng|آخر حاجة")


# lead s17: the lesser side of a Japanese or Korean comparison ("コストより", "비용보다"): what is named before it
_LESSER_AFTER = re.compile(r"\s*(?:は|が|を)?\s*(?:よりも|より|보다는|보다)")
# the priorities named as a bare list, one after another with nothing but separators between (the numbered list's
# markers are blanked by normalise): "quality latency kosten", "accuracy, cost, speed", "cost > speed"
_LIST_GAP = re.compile(r"[\s,;:/>|→、，]*")


def _line_window(text: str, start: int, end: int) -> str:
    """The 25 characters either side of a priority word, not past a line break (a pasted list's other line)."""
    before, after = text[max(0, start - 25):start], text[end:end + 25]
    return before.rsplit("\n", 1)[-1].rjust(len(before)) + text[start:end] + after.split("\n", 1)[0]


# "whichever is cheaper", "lo que sea más barato", "o que for mais barato": the way to choose what was asked (a
# deployment, a model), no ranking of the priorities
_CHOICE_BEFORE = re.compile(r"(?:\bwhichever(?:'s| is| one is)?|\bwhatever(?:'s| is)|\blo que sea|\bo que (?:for|seja)|"
                            r"\bce qui (?:est|sera)|\bwas (?:auch immer )?(?:am )?|"
                            r"\blo que (?:salga|resulte))\s*(?:m[aá]s|mais|the|le plus)?\s*$")


def _listed(text: str) -> list[str] | None:
    """The three priorities in the order of a bare list of them ("accuracy, cost, speed"); None when not listed so."""
    hits = sorted((m.start(), m.end(), name) for name, rx in P.PRIORITY_WORDS.items() for m in rx.finditer(text))
    for i in range(len(hits) - 2):
        three = hits[i:i + 3]
        if len({name for _, _, name in three}) == 3 and all(
                _LIST_GAP.fullmatch(text[a[1]:b[0]]) for a, b in zip(three, three[1:], strict=False)):
            return [name for _, _, name in three]
    return None


# s17-b (dev19b): a cue that ranks ("most", "first", "#1", "over", "then", "paling"), not "important" alone
_RANKING_CUE = re.compile(r"\bmost\b|\bfirst\b|#\s?1\b|number one|\bover\b|more than|\bthen\b|above all|\bpaling\b|"
                          r"\btop\b|\bsecond\b|\blast\b|最|优先|第一|제일|가장|先|\bdulu\b|أهم|सबसे|ที่สุด|nhất")


def _stakes_only(text: str) -> bool:
    """Quality named alone beside the stakes of a wrong result, with no cue that ranks it: precision, no ranking.

    "Accuracy is very important, if the system miss something e fit kill person" says wrong results are costly
    (precision-critical); it does not put quality over cost or speed ("Akurasi paling penting" does).
    """
    named = [n for n, rx in P.PRIORITY_WORDS.items() if rx.search(text)]
    if named != ["quality"]:
        return False
    sentences = [x for x in re.split(r"[.!?;。\n]\s*", text) if P.PRIORITY_WORDS["quality"].search(x)]
    return not any(_RANKING_CUE.search(x) for x in sentences)  # (its own sentences: "search over ..." ranks nothing)


def _priorities(text: str) -> list[str] | None:
    """Order quality/cost/latency by where they are named next to a priority word; demoted ones go last."""
    firsts: dict[str, int] = {}
    down: list[str] = []
    ordering = False  # a cue that ranks one thing by itself ("first", "matters"), not only "then"/"después"
    for name, rx in P.PRIORITY_WORDS.items():
        for m in rx.finditer(text):
            window = _line_window(text, m.start(), m.end())
            if _CHOICE_BEFORE.search(text[max(0, m.start() - 25):m.start()]):
                continue
            if P.PRIORITY_CUE.search(window) or P.PRIORITY_ORDERED.search(text):
                ordering = ordering or P.PRIORITY_ORDERED.search(text) is not None or any(
                    not _SEQUENCE_ONLY.fullmatch(c.group()) for c in P.PRIORITY_CUE.finditer(window))
                firsts.setdefault(name, m.start())
                waived = S.demoted(text, m.start(), m.end())  # "we don't care about latency"
                # "an answer in under a second matters more than cost": the preferred side names no priority word
                after_comparison = re.search(r"\b(?:more than|rather than|over|instead of|ahead of)\s*(?:the\s+)?$",
                                             text[max(0, m.start() - 20):m.start()]) and not any(
                    other.search(text[max(0, m.start() - 60):m.start()]) for n, other in P.PRIORITY_WORDS.items()
                    if n != name)
                insensitive = re.search(r"\b(?:not|n't)\s+(?:very\s+|that\s+|too\s+|really\s+)?$", text[
                    max(0, m.start() - 20):m.start()]) and re.match(r"[\s\-]*sensitive\b", text[m.end():])
                if P.PRIORITY_DOWN.search(text[m.end():m.end() + 25].lstrip("s ")) or waived or after_comparison or \
                        insensitive:  # "we're not price sensitive, quality first"
                    down.append(name)
                break
    listed = _listed(text)
    if listed:  # "1. Qualität 2. Latenz 3. Kosten", "I'd rank them: accuracy, cost, speed": the list is the order
        firsts, ordering = {n: i for i, n in enumerate(listed)}, True
    if not firsts or set(firsts) <= set(down):  # "latency doesn't matter" waives a target; it ranks nothing
        return None
    if len(firsts) == 1 and not ordering:  # "ni idea de latencia, lo vemos después": a time word, one thing named
        return None
    # "コストより精度を優先", "비용보다 품질이 우선": the thing named before より / 보다 comes after the other
    lesser = {n: len(text) for n in firsts for m in P.PRIORITY_WORDS[n].finditer(text)
              if _LESSER_AFTER.match(text, m.end())}
    ranked = sorted((n for n in firsts if n not in down), key=lambda n: lesser.get(n, 0) + firsts[n])
    # "accuracy first, then cost" ranks two and says nothing of the third; one named alone ("速度优先") or one waived
    # ("cost matters most, latency is irrelevant") leaves the rest in the default order
    rest = [n for n in ("quality", "cost", "latency") if n not in firsts] if len(ranked) < 2 or down else []
    return ranked + rest + [n for n in down if n not in ranked]


# s16-b: the documents just described counted by a pronoun or a total, no noun after the figure ("Des articles de blog
# de 800 mots environ ; on en a à peu près 3 500", "har policy document 10-12 pages ka hai, total 6000 ke aas paas",
# "ne abbiamo circa 4.000", "de esos hay unos 2.000", "we have about 5,000 of those" is read by the noun already)
_OF_THEM_BEFORE = re.compile(r"(?:\bon en a|\bil y en a|\bnous en avons|\bj'en ai|\bne abbiamo|\bce ne sono|"
                             r"\bdavon (?:gibt es|haben wir|sind es)|"
                             r"\bde (?:esos|esas|eles|elas) (?:hay|tenemos|temos)|"
                             r"\b(?:in |au |en |no )?total(?:e|t)?|\binsgesamt|\bkul (?:milake )?|\bsab milake)"
                             r"\s*(?:(?:of|about|around|roughly|approx\w*|circa|environ|etwa|ca|unos|cerca de|"
                             r"lagbhag|takriban|like|some)\s+){0,2}$")
_OF_THEM_AFTER = re.compile(r"\s*(?:$|[,.;!?)]|or so\b|(?:ke )?aas ?paas\b|environ\b|circa\b|en tout\b|hain?\b|"
                            r"insgesamt\b|au total\b|in total\b)")


def _count_of_them(text: str, asked: str | None, result: Understanding, leftovers: list[P.Number]) -> None:
    """A bare figure after "on en a", "total": the count of the documents described beside it (their length said)."""
    if "corpus_docs" in result.updates or result.confirm or not (
            "doc_length_tokens" in result.updates or asked == "corpus_docs"):
        return
    counts = [n for n in leftovers if n.value >= _FEWEST_COUNTED and _OF_THEM_BEFORE.search(
        text[max(0, n.start - 30):n.start]) and _OF_THEM_AFTER.match(text, n.end)]
    if len(counts) == 1 and len(leftovers) == 1:
        result.updates["corpus_docs"] = int(counts[0].value)


_FEWEST_COUNTED = 20
# Fewer documents than this, read from a message that puts the question off ("ask me after the 2 demos",
# "要等IT把2个系统的数据导出来才知道，回头再说"): the meetings, systems or pilots counted, not the corpus (s8-b)
_FEWEST_DOCS = 10


def _skips(text: str, asked: str | None, result: Understanding) -> None:
    docs = result.updates.get("corpus_docs")
    if asked == "corpus_docs" and isinstance(docs, int | float) and not isinstance(docs, bool) and \
            docs < _FEWEST_DOCS and (P.SKIP.search(text) or P.LATER.search(text)):
        del result.updates["corpus_docs"]
        result.corrected.discard("corpus_docs")
        result.skipped = ["corpus_docs"]
        return
    if not P.SKIP.search(text):
        return
    named = [f for f in FIELDS if P.FIELD_RES[f].search(text) and f not in result.updates]
    if named:
        result.skipped = named
    elif asked and asked not in result.updates and not result.add_languages:
        result.skipped = [asked]
