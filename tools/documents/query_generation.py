"""Generate evaluation queries from a corpus offline: structure-aware sentences held out of their document.

A query is a summary-like passage the document already holds (an FAQ question, a heading, a section's first
sentence), trimmed to a query's length, stripped of identifiers; that passage is removed from the copy of the
document that gets indexed (the inverse-cloze method), so the query matches its document the way a person's
summary would, through the rest of its text, not verbatim. Everything is seeded from the document ids (never
``hash()``), so the same corpus gives the same queries in every process. The LLM generator is in query_llm.py.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

MAX_COPIED_WORDS = 4
STOPWORDS = frozenset("""
a an the and or but if of to in on at by for with from as is are was were be been being this that
these those it its their there then than so such not no can could may might must shall should will
would do does did have has had which who whom whose what when where why how all any each other some
into over under about after before between through during per via also more most less only own same
very just your you we our they them he she his her
""".split())
CJK_STOPWORDS = frozenset("我们 你们 他们 这个 那个 可以 需要 如果 因为 所以 但是 以及 或者 并且 没有 已经 进行 通过 "
                          "其中 一个 什么 怎么 如何 是否".split())
_WORD = re.compile(r"[^\W\d_][\w'\-]*[^\W_]|[^\W\d_]{2,}", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s\da-z])|(?<=[。！？?])")
_IDENTIFIER = re.compile(r"\d|_|/|\\|\||::|\(|\)|=|<|>|\[|\]|\{|\}|@|#|\$|%|\*|\.\w|^-|^[A-Z]{2,}[a-z]*[A-Z]"
                         r"|[a-z][A-Z]")
_HEADING_MARK = re.compile(r"^\s{0,3}(#{1,6}\s+|\d+(\.\d+)*\.?\s+)")
BOILERPLATE_SCAN = 3000
"""Documents read to find passages repeated across documents (a seeded sample of a bigger corpus)."""
QUERY_WORDS = (3, 9)
"""Shortest and longest query, in words (CJK: four times as many characters)."""


def _unspaced(text: str) -> bool:
    """True for Chinese or Japanese text (words not separated by spaces); Korean separates its words."""
    return bool(_CJK.search(text)) and len(_HANGUL.findall(text)) <= len(_HAN_KANA.findall(text))


def terms(text: str) -> list[str]:
    """Content words (lower case); for Chinese and Japanese text, jieba words of two characters or more.

    Korean separates its words with spaces (jieba would cut them into syllables): its words of two syllables or more.
    """
    if len(_HANGUL.findall(text)) > len(_HAN_KANA.findall(text)):
        return [w.lower() for w in _WORD.findall(text) if len(w) >= 2 and w.lower() not in STOPWORDS]
    if _CJK.search(text):
        import jieba

        return [w for w in jieba.lcut(text) if len(w) >= 2 and _CJK.match(w) and w not in CJK_STOPWORDS]
    return [w.lower() for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 2]


def copies_long_span(query: str, doc: str, max_words: int = MAX_COPIED_WORDS) -> bool:
    """True when the query repeats more than ``max_words`` consecutive words (or CJK characters) of the doc."""
    if _unspaced(query):  # a CJK word is one to three characters: a span of four words is about twelve
        span = 3 * max_words
        return any(query[i : i + span + 1] in doc for i in range(len(query) - span))
    words = query.lower().split()
    lowered = " ".join(doc.lower().split())
    return any(" ".join(words[i : i + max_words + 1]) in lowered for i in range(len(words) - max_words))


def lexical_overlap(query: str, doc: str) -> float:
    """Share of the query's content terms that occur in the document."""
    q = set(terms(query))
    return len(q & set(terms(doc))) / len(q) if q else 0.0


def corpus_seed(doc_ids: list[str], seed: int = 0) -> str:
    """A seed taken from the corpus' document ids (stable across processes, unlike ``hash()``)."""
    digest = hashlib.sha256("\n".join(sorted(doc_ids)).encode("utf-8")).hexdigest()[:16]
    return f"{seed}:{digest}"


@dataclass
class QuerySet:
    """Generated queries, their judgements, and the documents as they must be indexed for them.

    ``masked`` holds, for every document a query was taken from, its text without that passage.
    """

    queries: dict[str, str] = field(default_factory=dict)
    qrels: dict[str, dict[str, int]] = field(default_factory=dict)
    masked: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    method: str = ""
    skipped: Counter = field(default_factory=Counter)

    def as_tuple(self) -> tuple[dict[str, str], dict[str, dict[str, int]]]:
        """(queries, qrels), the form the other readers of queries use."""
        return self.queries, self.qrels


@dataclass(frozen=True)
class _Passage:
    text: str  # as it stands in the document (removed from the indexed copy)
    kind: str  # faq | heading | first-sentence | sentence
    position: int


def _blocks(text: str) -> list[list[str]]:
    """Paragraphs (blank-line separated) as lists of stripped non-empty lines."""
    return [[ln.strip() for ln in block.splitlines() if ln.strip()] for block in re.split(r"\n\s*\n", text)]


def _is_heading(line: str, nxt: str | None) -> bool:
    """A marked heading (``#``, ``1.2``), a line alone in its block, or a short capitalised line before a sentence.

    A wrapped line (the next one goes on in lower case, or it is as long as the text under it) is no heading.
    """
    if _HEADING_MARK.match(line) and len(line.split()) <= 12:
        return True
    if re.search(r"[.,;:!?。，；：、]$", line) or len(line.split()) > 10 or len(line) > 80:
        return False
    if nxt is None:
        return True
    starts_upper = nxt[:1].isupper() or bool(_CJK.match(nxt[:1]))
    return starts_upper and (line.isupper() or len(line) < 0.6 * len(nxt))


def _sentences(lines: list[str], cjk: bool) -> list[str]:
    joined = ""
    for line in lines:  # CJK lines wrap without a space; any other boundary is one
        glue = "" if cjk and joined and _CJK.match(joined[-1]) and _CJK.match(line[0]) else " "
        joined = f"{joined}{glue}{line}" if joined else line
    return [s.strip() for s in _SENTENCE_END.split(joined) if s and s.strip()]


def passages(text: str) -> list[_Passage]:
    """Summary-like passages of a document, in order: FAQ questions, headings, first and other sentences."""
    cjk = _unspaced(text)
    found: list[_Passage] = []
    position = 0
    for block in _blocks(text):
        body = list(block)
        first_of_section = True
        while body and _is_heading(body[0], body[1] if len(body) > 1 else None):
            found.append(_Passage(_HEADING_MARK.sub("", body.pop(0)).strip(), "heading", position))
            position += 1
        for i, sentence in enumerate(_sentences(body, cjk)):
            kind = "faq" if sentence.endswith(("?", "？")) else "first-sentence" if i == 0 and first_of_section \
                else "sentence"
            found.append(_Passage(sentence, kind, position))
            position += 1
        first_of_section = False
    return found


def _words_of(passage: str, cjk: bool) -> list[str]:
    return list(passage) if cjk else passage.split()


def _is_name(word: str, title_words: set[str]) -> bool:
    """A number, an identifier, a path, an option or the document's own name (not a word a person would type)."""
    bare = word.strip("\"'`,;:.!?()[]{}«»“”‘’")
    return not re.search(r"[^\W\d_]", bare) or bool(_IDENTIFIER.search(bare)) or bare.lower() in title_words


def shape_query(passage: str, title_words: set[str], max_words: int = QUERY_WORDS[1]) -> str | None:
    """A query from a passage: identifiers, numbers and the document's own name removed, cut to a query's length.

    Returns None when too little is left (a passage made of names and numbers is no question).
    """
    return _shape(passage, title_words, max_words)[0]


def _shape(passage: str, title_words: set[str], max_words: int) -> tuple[str | None, str]:
    """(query or None, how it was made).

    How: "whole" (the passage as it stands), "cut" (at the length or a comma) or "cut at a name" (the sentence went
    on with an identifier: the query is a fragment).
    """
    cjk = _unspaced(passage)
    if cjk:
        text = re.sub(r"^[\sA-Za-z0-9_./\\:\-()\[\]<>=@#$%*]+", "", passage)  # a leading name is dropped
        parts = re.split(r"[A-Za-z0-9_./\\:\-()\[\]<>=@#$%*]{2,}", text, maxsplit=1)  # cut before a later one
        how = "cut at a name" if len(parts) > 1 and parts[1].strip("。．.、，,：:；; ") else "whole"
        text = re.sub(r"^[\s、，,はがをにでもの]+", "", parts[0]).strip()
        if len(text.split()) > 4 or len(_CJK.findall(passage)) < 0.6 * len(passage.replace(" ", "")):
            return None, how  # mostly names, options and numbers
        limit = max_words * 3
        if len(text) > limit:
            cut = max((text.rfind(p, 0, limit) for p in "、，,；"), default=-1)
            text = text[: cut if cut >= limit // 3 else limit]
            how = "cut" if how == "whole" else how
        text = re.sub(r"\s+", "", text).rstrip("。．.、，,：:；;")
        return (text if len(_CJK.findall(text)) >= 8 else None), how
    words = passage.split()
    names = [_is_name(w, title_words) for w in words[:20]]
    if sum(names) > 0.3 * len(names):
        return None, "names"  # a command line, a table row, a reference: no question a person would type
    kept: list[str] = []
    dropped = 0
    how = "whole"
    for i, word in enumerate(words):
        bare = word.strip("\"'`,;:.!?()[]{}«»“”‘’")
        if _is_name(word, title_words):
            dropped += 1
            if kept:  # a name inside the sentence: the query ends before it (a sentence with a hole reads badly)
                how = "cut at a name"
                break
            continue
        if word.endswith(":") and len(kept) < 2:  # a label ("Args:", "Note:", "name:"): what follows is the text
            kept.clear()
            continue
        kept.append(bare if not word.endswith(("?",)) else bare + "?")
        if len(kept) >= max_words or (len(kept) >= QUERY_WORDS[0] + 2 and word.endswith((",", ";", ":"))):
            how = "cut" if i < len(words) - 1 else how
            break
    if all(w[:1].isupper() for w in kept):
        return None, how  # a name, an author line, a title in capitals: no question
    if dropped > 0.3 * (dropped + len(kept)):
        return None, how  # a command line, a table row, a reference: no question a person would type
    while kept and kept[-1].lower() in STOPWORDS:
        kept.pop()
    if len([w for w in kept if w.lower() not in STOPWORDS]) < QUERY_WORDS[0]:
        return None, how
    return " ".join(kept), how


WHOLE_SLACK = 3
"""A sentence up to this many words longer than a query is kept whole rather than cut."""
WHOLE_BONUS = 0.3
OPENER_PENALTY = 0.3
FRAGMENT_PENALTY = 0.5
CENTRALITY_WEIGHT = 1.0
EARLY_BONUS = 0.0
TEMPLATE_PENALTY = 0.6
TEMPLATE_DOCS = 3
TEMPLATE_SHARE = 0.5
_CLAUSE_OPENERS = frozenset("""
if when whenever unless otherwise while although though because since see for as in on by with to note this these
that it its also however thus so but or and then wenn falls siehe dies diese auch aber oder und si quand voir ceci
cela aussi mais ou et se quando vedi anche ma als zie ook maar of если когда см также но или и это
""".split())
"""Words that open a subordinate clause, a cross-reference or a continuation ("If validate is", "See method",
"This method is deprecated"), in the languages of the corpora measured: such a sentence leans on its context."""


COMMAND_PENALTY = 0.6
LANGUAGE_PENALTY = 2.0
"""A passage in another language than its document (an untranslated English sentence in a translated manual) is
used only when nothing else is left: the queries are asked in the document's language."""


def _language(text: str) -> str:
    from tools.evaluation.tokenizers import detect_language

    return detect_language(text)


def _same_language(query: str, language: str) -> bool:
    """True when the query is in ``language`` (an English document's queries are not checked: nothing to gain)."""
    if language in ("eng", "und"):
        return True
    from tools.evaluation.tokenizers import detect_language

    return detect_language(query, [language, "eng"]) == language


def _looks_like_a_command(query: str) -> bool:
    """An example command as a heading ("tc qdisc add dev"): lower case throughout and no function word."""
    words = query.split()
    return query == query.lower() and not any(w in STOPWORDS for w in words) and not _CJK.search(query)


def _opens_a_clause(query: str) -> bool:
    first = query.split(maxsplit=1)[0].lower() if query.split() else ""
    return first in _CLAUSE_OPENERS


_KIND_BONUS = {"faq": 1.0, "heading": 0.1, "first-sentence": 0.1, "sentence": 0.0}
"""Added to a passage's centrality: a question already in the text wins; a heading or a section's first sentence is
preferred to a sentence from the middle of a text at equal centrality."""


def _plain(text: str) -> str:
    return " ".join(text.split()).rstrip("。．.!")


def _boiler_key(text: str) -> str:
    """A passage with numbers and case ignored: a footer differs from document to document only in its numbers."""
    return re.sub(r"\d+", "0", " ".join(text.lower().split()))


def _boilerplate(docs: dict[str, str]) -> set[str]:
    """Passages that occur in more than one document (headers, footers, licence lines, section names)."""
    counts = Counter(_boiler_key(p.text) for text in docs.values() for p in {x.text: x for x in
                     passages(text)}.values())
    return {p for p, n in counts.items() if n > 1}


def _shingles(text: str) -> set[str]:
    """Word trigrams (CJK: character 4-grams) of a text, lower case."""
    if _CJK.search(text):
        chars = re.sub(r"\s+", "", text)
        return {chars[i : i + 4] for i in range(len(chars) - 3)}
    words = [w.lower() for w in _WORD.findall(text)]
    return {" ".join(words[i : i + 3]) for i in range(len(words) - 2)}


def _template_shingles(docs: dict[str, str]) -> set[str]:
    """Shingles found in three documents or more: the fixed words of a template.

    ("ID of the X or fully qualified identifier for the X" differs from document to document in one name.)
    """
    counts = Counter(sh for text in docs.values() for sh in _shingles(text))
    return {sh for sh, n in counts.items() if n >= TEMPLATE_DOCS}


def templated(query: str, template: set[str]) -> bool:
    """True when most of the query's shingles recur across documents: a template filled with a name.

    Only that name (an exact word) tells such a query apart from its siblings.
    """
    own = _shingles(query)
    return bool(own) and len(own & template) >= TEMPLATE_SHARE * len(own)


@dataclass
class _Frequencies:
    """In how many documents (of a sample of ``n``) each term occurs: a rare word says more about its document."""

    df: Counter
    n: int

    def idf(self, term: str) -> float:
        """Smoothed inverse document frequency."""
        return math.log(1 + self.n / (1 + self.df.get(term, 0)))


def centrality(query: str, rest: str, freq: _Frequencies) -> float:
    """How much of the rest of the document is about what the query says (0..1), like a summary of it.

    The cosine between the query's terms and the rest of the document's terms, both weighted by idf and the
    document's by its term counts: a sentence about the document's main subject (its words recur through the text)
    scores high, a detail mentioned once (an option, an argument, an example) low. Real queries are mostly about a
    document's subject; a detail is what exact-word search finds and a model matching meaning does not.
    """
    q = {t: freq.idf(t) for t in set(terms(query))}
    counts = Counter(terms(rest))
    if not q or not counts:
        return 0.0
    d = {t: (1 + math.log(c)) * freq.idf(t) for t, c in counts.items()}
    dot = sum(w * d.get(t, 0.0) for t, w in q.items())
    return dot / (math.sqrt(sum(w * w for w in q.values())) * math.sqrt(sum(w * w for w in d.values())))


def _example_length(examples: list[str] | None) -> int:
    if not examples:
        return QUERY_WORDS[1]
    lengths = [len(e) / 3 if _unspaced(e) else len(e.split()) for e in examples]
    return max(QUERY_WORDS[0] + 1, min(20, math.ceil(statistics.median(lengths) * 1.3)))


def _choose(doc_id: str, text: str, title: str, boiler: set[str], max_words: int, taken: set[str],
            examples_terms: set[str], skipped: Counter, freq: _Frequencies | None = None,
            template: set[str] | None = None) -> list[tuple[_Passage, str, float]]:
    """The document's usable passages as queries with their scores, best first.

    Best is a question already in the text, then the passage most central to the rest of the document (see
    :func:`centrality`), a heading or a section's first sentence before a sentence from the middle of a text.
    """
    # A short title is the document's name (a command, a file, a function): never a query word. A long one is prose.
    names = re.findall(r"[\w\-.]+", title)
    title_words = {w.lower() for w in names if w.lower() not in STOPWORDS} if len(names) <= 3 else set()
    title_words |= {Path(doc_id).stem.lower()} if len(doc_id) > 2 else set()
    out = []
    for passage in passages(text):
        if _boiler_key(passage.text) in boiler:
            skipped["boilerplate"] += 1
            continue
        # A question already in the text is a query as it stands: kept whole up to twenty words. A sentence a little
        # longer than a query is kept whole too: a cut one reads as a fragment.
        limit = max(max_words, 20) if passage.kind == "faq" else max_words + WHOLE_SLACK
        query, how = _shape(passage.text, title_words, limit)
        if query is not None and how == "cut" and limit > max_words:
            query, how = _shape(passage.text, title_words, max_words)
        if query is None:
            skipped["identifiers, numbers or too short"] += 1
            continue
        if query.lower() in taken:
            continue
        out.append((passage, query, how))
    freq = freq or _Frequencies(Counter(), 1)
    steer = (lambda q: len(set(terms(q)) & examples_terms)) if examples_terms else (lambda q: 0)

    def score(passage: _Passage, query: str, how: str) -> float:
        rest = text.replace(passage.text, " ", 1)
        # "If validate is", "The parameters init": a sentence that went on with a name leaves a fragment
        return (_KIND_BONUS[passage.kind] + CENTRALITY_WEIGHT * centrality(query, rest, freq)
                + WHOLE_BONUS * (how == "whole") + EARLY_BONUS / (1 + passage.position)
                - FRAGMENT_PENALTY * (how == "cut at a name") - OPENER_PENALTY * _opens_a_clause(query)
                - TEMPLATE_PENALTY * templated(query, template or set())
                - COMMAND_PENALTY * (passage.kind == "heading" and _looks_like_a_command(query)) + 0.1 * steer(query))

    language = _language(text)
    scored = [(p, q, score(p, q, how) - LANGUAGE_PENALTY * (not _same_language(q, language))) for p, q, how in out]
    scored.sort(key=lambda pqs: (-pqs[2], pqs[0].position))
    return scored


def _title_of(text: str) -> str:
    first = text.split("\n", 1)[0]
    return first if len(first) <= 80 else ""


POOL_FACTOR = 3
POOL_MIN = 60
"""Documents read to find those worth asking about: three per query wanted (at least sixty), a seeded sample."""


def _best_documents_first(order: list[str], docs: dict[str, str], titles: dict[str, str] | None, boiler: set[str],
                          max_words: int, examples_terms: set[str], freq: _Frequencies, template: set[str],
                          pool: int) -> list[str]:
    """``order`` with the first ``pool`` documents sorted by their best passage's score (the rest after them).

    A document whose best passage is a whole, central sentence or a question is one a person would ask about; one
    that offers only a fragment or a detail (an argument, a cross-reference) is asked about last. Ties keep the
    seeded order.
    """
    def best(doc_id: str) -> float:
        title = (titles or {}).get(doc_id) or _title_of(docs[doc_id])
        found = _choose(doc_id, docs[doc_id], title, boiler, max_words, set(), examples_terms, Counter(), freq,
                        template)
        return found[0][2] if found else float("-inf")

    head = sorted(order[:pool], key=lambda d: -best(d))
    return head + order[pool:]


def generate_query_set(docs: dict[str, str], n_queries: int, seed: int = 0, examples: list[str] | None = None,
                       titles: dict[str, str] | None = None) -> QuerySet:
    """Up to ``n_queries`` queries, one per sampled document (more per document only when documents are few).

    Args:
        docs: document id -> text (title included, as it is indexed).
        n_queries: how many queries to aim for.
        seed: a run seed, mixed with the document ids.
        examples: the user's example queries: their length and vocabulary steer the choice.
        titles: document id -> title or file name (the document's own name is never a query word).
    """
    rng = random.Random(corpus_seed(list(docs), seed))
    ids = sorted(docs)
    scanned = ids if len(ids) <= BOILERPLATE_SCAN else random.Random(corpus_seed(ids, seed)).sample(
        ids, BOILERPLATE_SCAN)
    boiler = _boilerplate({d: docs[d] for d in scanned})
    freq = _Frequencies(Counter(t for d in scanned for t in set(terms(docs[d]))), len(scanned))
    template = _template_shingles({d: docs[d] for d in scanned})
    max_words = _example_length(examples)
    examples_terms = {t for e in examples or [] for t in terms(e)}
    result = QuerySet(method="offline: a summary-like passage of each document (FAQ question, heading or first "
                             "sentence) as the query, removed from the indexed copy of its document (no LLM)")
    order = sorted(docs)
    rng.shuffle(order)
    order = _best_documents_first(order, docs, titles, boiler, max_words, examples_terms, freq, template,
                                  max(POOL_FACTOR * n_queries, POOL_MIN))
    per_doc = 1 if len(docs) >= n_queries else min(3, math.ceil(n_queries / max(1, len(docs))))
    taken: set[str] = set()
    # Documents with a summary-like passage (FAQ, heading, a section's first sentence) come first; a sentence from
    # the middle of a text is a detail, not what a person asks for, and is used only when those run out.
    for round_, structural in [(r, s) for r in range(per_doc) for s in (True, False)]:
        for doc_id in order:
            if len(result.queries) >= n_queries:
                break
            if sum(1 for rel in result.qrels.values() if doc_id in rel) > round_:
                continue
            text = result.masked.get(doc_id, docs[doc_id])
            title = (titles or {}).get(doc_id) or _title_of(docs[doc_id])
            for passage, query, _score in _choose(doc_id, text, title, boiler, max_words, taken, examples_terms,
                                                  result.skipped if round_ == 0 and structural else Counter(), freq,
                                                  template):
                if structural and passage.kind == "sentence":
                    continue
                remaining = text.replace(passage.text, " ", 1)
                if not terms(remaining) or copies_long_span(query, remaining):
                    result.skipped["copied verbatim elsewhere in its document"] += 1
                    continue
                qid = f"gen-{len(result.queries)}"
                result.queries[qid], result.qrels[qid] = query, {doc_id: 1}
                result.kinds[qid] = passage.kind
                result.masked[doc_id] = remaining
                taken.add(query.lower())
                break
    if len(result.queries) < min(n_queries, len(docs), LENIENT_BELOW):
        _lenient_pass(result, docs, n_queries, order, max_words, taken, titles)
    return result


LENIENT_BELOW = 10  # fewer held-out queries than this (short documents): fall back to queries left in place


def _lenient_pass(result: QuerySet, docs: dict[str, str], n_queries: int, order: list[str], max_words: int,
                  taken: set[str], titles: dict[str, str] | None) -> None:
    """Queries for documents too short to hold a passage out: the passage stays in the document (said so).

    Without it a corpus of one-sentence documents (a CSV of FAQ rows, short notes) gets no query at all and the
    check cannot run; with it the check runs and the report says these queries favour lexical matching.
    """
    added = 0
    for doc_id in order:
        if len(result.queries) >= n_queries:
            break
        if any(doc_id in rel for rel in result.qrels.values()):
            continue
        title = (titles or {}).get(doc_id) or _title_of(docs[doc_id])
        # Repeated passages are allowed here too: in a corpus made of them nothing else would be left to ask.
        for _passage, query, _score in _choose(doc_id, docs[doc_id], title, set(), max_words, taken, set(),
                                               Counter()):
            qid = f"gen-{len(result.queries)}"
            result.queries[qid], result.qrels[qid] = query, {doc_id: 1}
            result.kinds[qid] = "in-place"
            taken.add(query.lower())
            added += 1
            break
    if added:
        result.skipped["kept in their documents (too short to hold out)"] += added
        result.method += (f"; {added} queries whose documents were too short to hold their passage out keep it in "
                          "place: those favour lexical matching")


def generate_offline(docs: dict[str, str], n_queries: int, seed: int = 0,
                     examples: list[str] | None = None) -> tuple[dict[str, str], dict[str, dict]]:
    """(queries, qrels) of :func:`generate_query_set`; each query's single relevant document is its source."""
    return generate_query_set(docs, n_queries, seed, examples).as_tuple()
