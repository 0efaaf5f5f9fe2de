"""What the readers of quantities share (``agent.understanding_quantities`` and the modules it reads with).

The values a text states before the conversation-level reading (``Found``), the clause and sentence around a figure
(``clause_before``, ``_clause_span``, ``_sentence_at``), a period's factor to "per month" (``period_factor``), the
units a length is counted in (pages, tweets, words, characters, with their tokens), the units that are not a count,
and the words of a self-correction ("actually", "no wait", "不对"). No reading of its own: the bottom of their order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from agent import understanding_patterns as P

MIN_DOC_TOKENS = 8  # a split of a total into shorter documents than this is a misreading, not a corpus
TOKENS_PER_TWEET = 50  # a tweet, a chat or Slack message: ~35-70 tokens


_CJK = re.compile(r"[\u4e00-\u9fff]")
_QUERY_SUBJECT = re.compile(r"\b(?:quer(?:y|ies)|questions?|prompts?|search(?:es| terms?)|user input)\b|查询|提问|问题")
_OTHER_UNIT = re.compile(r"^\s*(?:[kmgt]i?b\b|gigs?\b|(?:giga|mega|tera)s?\b|(?:giga|mega|tera)bytes?\b|"
                         r"bytes?\b|%|percent\b|years?\b|hours?\b|minutes?\b|days?\b|"
                         r"weeks?\b|months?\b|gpus?\b|cores?\b|dims?\b|dimensions?\b|slides?\b|"
                         r"分钟|分鐘|分間|分|小时|小時|時間|시간|분)")
SELF_CORRECTION = re.compile(r"\bactually\b|\bno,? wait\b|\bmake (?:it|that)\b|\bsorry\b|\bi mean(?:t)?\b|"
                              r"\bcorrection\b|\bor rather\b|\bscratch that\b|\bcall it\b|\blet'?s say\b|"
                              r"\brealistically\b|\bin practice\b|\beffectively\b|"
                              r"\bwell,? closer to\b|\bmore like\b|不对|其实|应该是|更正|いや|訂正|"
                              # the same in other languages the gloss leaves as written
                              r"\banzi\b|\bcioè\b|\bquer dizer\b|\bou melhor\b|\bmejor dicho\b|\bo sea\b|"
                              r"\bnahi,? nahi\b|\bmatlab\b|我是说|哦不|講錯|说错|じゃなくて|아니\s*아니|아니요|정정|"
                              # a figure taken back in the other languages (s5-b): "nee, eher", "enfin non, plutôt",
                              # "no, espera", "ou melhor", "nie, raczej", "nej förresten", "yok yok", "ой нет",
                              # "アッ違う", "아 아니다" / "아니 7만" (glossed "아 not", ", not 7万")
                              r"\bnee\b|\benfin non\b|\bnon,? plut[ôo]t\b|\bespera\b|\bm[áa]s bien\b|\bor melhor\b|"
                              r"\braczej\b|\bnie,? nie\b|\bf[öo]rresten\b|\byok,? yok\b|\bhay[ıi]r\b|"
                              r"\bой,? нет\b|\bвернее\b|\bточнее\b|\bнет,? нет\b|違う|ちがう|違います|"
                              r"아니다|잠깐|\bpardon\b|\bperd[óo]n\b|\bnein\b|\bscusa\b|\bscusate\b|\bdesculp[ae]\b|"
                              r"\bизвините\b|\bпрости(?:те)?\b|\bf[öo]rl[åa]t\b|\bprzepraszam\b|\bexcuse me\b|"
                              r"不好意思|抱歉|对不起|失礼|すみません|すいません|ごめん|申し訳|죄송|미안")
_SIZE_UNIT = re.compile(r"^\s*(?:[kmgt]i?b\b|(?:giga|mega|tera)s?\b|gigs?\b|gigabytes?\b|megabytes?\b|terabytes?\b|"
                        r"%|percent|x\b|years?\b|年(?!.{0,3}(?:查询|请求)))")


@dataclass
class Found:
    """Profile values stated in a text, before the conversation-level reading (corrections, skips)."""

    updates: dict[str, Any]
    corpus_tokens: int | None = None
    top_k: int | None = None
    negated: bool = False
    growth: float | None = None
    ambiguous: dict[str, Any] | None = None
    leftovers: list[P.Number] = field(default_factory=list)
    summed: bool = False  # the document count adds up parts the message lists ("40k contracts plus another 60k")
    # people x a rate per hour or minute each ("50 agents, each searches 6 times an hour"): people search during their
    # working hours, not around the clock
    per_person_hourly: bool = False


def _clause_span(work: str, num: P.Number) -> tuple[int, int]:
    left = max((work.rfind(c, 0, num.start) for c in ",;!?。，；、\n"), default=-1) + 1
    right = min((i for c in ",;!?。，；、\n" if (i := work.find(c, num.end)) >= 0), default=len(work))
    return left, right


def _period_in_clause(work: str, num: P.Number) -> bool:
    left, right = _clause_span(work, num)
    return any(rx.search(work[left:num.start] + " " + work[num.end:right]) for rx, _ in P.PERIODS)


def period_factor(after: str, before: str) -> float:
    """The factor to "per month" of the first period named after a number (else before it); 1 when none is."""
    after = re.split(r"[,;!?。，；、]", after[:30])[0]  # its own clause: "每人每天查询20次左右，…预算每年" is per day
    for window in (after, before):
        hits = [(m.start(), factor) for rx, factor in P.PERIODS if (m := rx.search(window))]
        dated = [h for h in hits if _THIS_YEAR.match(window, max(0, h[0] - 1))]
        if len(hits) > len(dated) > 0:  # "今年预计每月100万次": this year's rate per month, not a year's total
            hits = [h for h in hits if h not in dated]
        if hits:
            return min(hits)[1]
    return 1.0


_THIS_YEAR = re.compile(r"[今去明本来昨]年")
_KANA = re.compile(r"[\u3040-\u30ff]")


_PERIOD_RES = tuple(rx for rx, _ in P.PERIODS)


def clause_before(text: str, num: P.Number) -> str:
    """The words of a figure's own clause before it."""
    return re.split(r"[,;!?。，；]|\.\s", text[max(0, num.start - 60):num.start])[-1]


def _sentence_at(text: str, num: P.Number) -> str:
    left = max((text.rfind(c, 0, num.start) for c in ".!?;。\n"), default=-1) + 1
    rights = [i for i in (text.find(c, num.end) for c in "!?;。\n") if i >= 0]
    return text[left:min(rights, default=len(text))]


_LENGTH_UNITS = ((P.PAGES_AFTER, P.TOKENS_PER_PAGE), (P.TWEETS_AFTER, TOKENS_PER_TWEET),
                 (P.LINES_AFTER, P.TOKENS_PER_LINE),
                 (P.WORDS_AFTER, P.TOKENS_PER_WORD),
                 (P.CJK_CHARS_AFTER, P.TOKENS_PER_CJK_CHAR), (P.CHARS_AFTER, 1 / P.CHARS_PER_TOKEN),
                 (P.PARAGRAPHS_AFTER, P.TOKENS_PER_PARAGRAPH), (P.SENTENCES_AFTER, P.TOKENS_PER_SENTENCE))
_OWN_CLAUSE_END = re.compile(r"[,;。、]|\s(?:and|but|y|e|und|et|и|ve|en|och|ed|oraz)\s|"
                             r"이고|이며|지만|인데|는데|있고|하고")
_ONE_OF_PERIOD = re.compile(r"[一1](?:个|個)?(?:天|日|月|周|週|星期|年|小时|小時)")
