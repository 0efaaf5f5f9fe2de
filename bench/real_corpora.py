"""Real text with real one-line queries, built on this machine at run time (nothing large is committed).

Two kinds:

* **man pages** under /usr/share/man/<lang>/ (ja, zh_CN, ko, de, fr, ru, it, pl, pt, nl, sv, es, uk and English
  in /usr/share/man/man*):
  the NAME line's description (without the command name) is the query, the page body is the document.
* **Debian package descriptions** in translation (apt's ``Translation-<lang>`` lists, when a lists folder holds
  them, e.g. fetched with ``apt-get update -o Dir::State::Lists=DIR -o Acquire::Languages=ja,ko,zh_CN,de``):
  the short description is the query, the long description the document.

Each corpus is written in the BEIR layout (corpus.jsonl, queries.jsonl, qrels/test.tsv) that ``load_corpus`` reads.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

MAN_ROOT = Path("/usr/share/man")
MAN_LANGS = {"ja": "ja", "zh": "zh_CN", "ko": "ko", "de": "de", "fr": "fr", "ru": "ru", "en": "",
             "it": "it", "pl": "pl", "pt": "pt", "nl": "nl", "sv": "sv", "es": "es", "uk": "uk"}
DEBIAN_LANGS = {"ja": "ja", "zh": "zh%5fCN", "ko": "ko", "de": "de", "fr": "fr"}
MIN_BODY_CHARS = 200


@dataclass
class RealCorpus:
    """Documents, queries and one relevant document per query."""

    name: str
    docs: dict[str, str]
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]

    def write_beir(self, folder: Path) -> Path:
        """Write the BEIR layout into ``folder`` and return it."""
        (folder / "qrels").mkdir(parents=True, exist_ok=True)
        with (folder / "corpus.jsonl").open("w", encoding="utf-8") as fh:
            for doc_id, text in self.docs.items():
                fh.write(json.dumps({"_id": doc_id, "title": "", "text": text}, ensure_ascii=False) + "\n")
        with (folder / "queries.jsonl").open("w", encoding="utf-8") as fh:
            for qid, text in self.queries.items():
                fh.write(json.dumps({"_id": qid, "text": text}, ensure_ascii=False) + "\n")
        with (folder / "qrels" / "test.tsv").open("w", encoding="utf-8") as fh:
            fh.write("query-id\tcorpus-id\tscore\n")
            for qid, rel in self.qrels.items():
                fh.writelines(f"{qid}\t{doc}\t{grade}\n" for doc, grade in rel.items())
        return folder


_ACCENTS = {":": "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", ",": "\u0327", "~": "\u0303"}
_NAMED = {"ss": "ß", "aq": "'", "dq": '"', "em": "—", "en": "–", "hy": "-", "co": "©", "lq": "“", "rq": "”",
          "bu": "•", "oq": "‘", "cq": "’", "Fo": "«", "Fc": "»", "mu": "×", "de": "°"}


def _glyph(match: re.Match) -> str:
    name = match.group(1) or match.group(2)
    if name in _NAMED:
        return _NAMED[name]
    if len(name) == 2 and name[0] in _ACCENTS:
        return unicodedata.normalize("NFC", name[1] + _ACCENTS[name[0]])
    return " "


_ESCAPES = [(r"\\f(\[[^\]]*\]|\(..|.)", ""), (r"\\\*(\[[^\]]*\]|\(..|.)", ""), (r"\\\((..)|\\\[([^\]]*)\]", _glyph),
            (r"\\s[+-]?\d+", ""), (r"\\[&|^c%:]", ""), (r"\\-", "-"), (r"\\e", "\\\\"),
            (r"\\ ", " "), (r"\\(.)", r"\1")]


def _clean(line: str) -> str:
    for pattern, repl in _ESCAPES:
        line = re.sub(pattern, repl, line)
    return line


def groff_text(source: str) -> list[tuple[str, str]]:
    """(section heading, plain text) pairs of a man page's groff source."""
    sections: list[tuple[str, list[str]]] = [("", [])]
    for raw in source.splitlines():
        if raw.startswith(('.\\"', "'\\\"", '.\\}')) or raw.strip() in (".", "'"):
            continue
        if raw.startswith((".", "'")):
            macro, _, args = raw[1:].partition(" ")
            args = args.strip()
            if macro in ("SH", "SS") and macro == "SH":
                sections.append((_clean(args.strip('"')), []))
                continue
            if macro in ("B", "I", "SM", "SB", "SS", "IP", "TP", "UR", "MT"):
                text = args.split('"')[1] if args.startswith('"') and args.count('"') >= 2 else args
            elif macro in ("BR", "BI", "IB", "IR", "RB", "RI"):
                text = "".join(p.strip('"') for p in re.findall(r'"[^"]*"|\S+', args))
            else:
                continue
            sections[-1][1].append(_clean(text))
        else:
            sections[-1][1].append(_clean(raw))
    return [(h, re.sub(r"[ \t]+", " ", " ".join(lines)).strip()) for h, lines in sections]


def _read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def man_corpus(lang: str, max_docs: int | None = None, seed: int = 0) -> RealCorpus:
    """Man pages of one language: NAME description as the query, the rest of the page as the document."""
    folder = MAN_ROOT / MAN_LANGS[lang] if MAN_LANGS[lang] else MAN_ROOT
    pages = sorted(p for p in folder.glob("man[1-8]/*") if p.is_file() and not p.is_symlink())
    docs, queries, qrels, seen = {}, {}, {}, set()
    for page in pages:
        try:
            sections = groff_text(_read(page))
        except (OSError, UnicodeError, gzip.BadGzipFile, EOFError):
            continue
        named = [s for s in sections if s[0]]
        if len(named) < 2 or " - " not in named[0][1]:
            continue
        description = named[0][1].split(" - ", 1)[1].strip()
        body = "\n".join(f"{h}\n{t}" for h, t in named[1:])
        if len(description) < 4 or len(body) < MIN_BODY_CHARS or description in seen:
            continue
        seen.add(description)
        doc_id = re.sub(r"[^A-Za-z0-9_.+-]", "_", page.name.removesuffix(".gz"))
        if doc_id in docs:
            continue
        docs[doc_id] = body[:20_000]
        queries[f"q-{doc_id}"] = description
        qrels[f"q-{doc_id}"] = {doc_id: 1}
    return _sample(RealCorpus(f"man-{lang}", docs, queries, qrels), max_docs, seed)


def debian_corpus(lang: str, lists_dir: Path, max_docs: int = 2000, max_queries: int = 200,
                  seed: int = 0) -> RealCorpus | None:
    """Translated Debian package descriptions (None when no ``Translation-<lang>`` list is in ``lists_dir``)."""
    found = sorted(lists_dir.glob(f"*_main_i18n_Translation-{DEBIAN_LANGS[lang]}*"))
    if not found:
        return None
    path = found[0]
    raw = subprocess.run(["lz4", "-dc", str(path)], capture_output=True, check=True).stdout if path.suffix == ".lz4" \
        else path.read_bytes()
    docs, queries, seen = {}, {}, set()
    for block in raw.decode("utf-8", errors="replace").split("\n\n"):
        package = re.search(r"^Package: (\S+)", block, re.M)
        desc = re.search(r"^Description-(?!md5)[\w%]+: (.*)\n((?: .*\n?)*)", block, re.M)
        if not package or not desc:
            continue
        short = desc.group(1).strip()
        long = "\n".join(line[1:] if line[1:] != "." else "" for line in desc.group(2).splitlines()).strip()
        if len(long) < 80 or len(short) < 4 or short in seen:
            continue
        seen.add(short)
        docs[package.group(1)] = long
        queries[package.group(1)] = short
    ids = sorted(docs)
    rng = random.Random(seed)
    chosen = sorted(rng.sample(ids, min(max_docs, len(ids))))
    asked = sorted(rng.sample(chosen, min(max_queries, len(chosen))))
    return RealCorpus(f"debian-{lang}", {d: docs[d] for d in chosen}, {f"q-{d}": queries[d] for d in asked},
                      {f"q-{d}": {d: 1} for d in asked})


def _sample(corpus: RealCorpus, max_docs: int | None, seed: int) -> RealCorpus:
    if max_docs is None or len(corpus.docs) <= max_docs:
        return corpus
    chosen = sorted(random.Random(seed).sample(sorted(corpus.docs), max_docs))
    qids = [f"q-{d}" for d in chosen]
    return RealCorpus(corpus.name, {d: corpus.docs[d] for d in chosen}, {q: corpus.queries[q] for q in qids},
                      {q: corpus.qrels[q] for q in qids})


# -- the reference: BM25 over character bigrams, independent of the product's code ---------------------------------
_CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f\uf900-\ufaff"


def bigram_tokens(text: str) -> list[str]:
    """Lower-cased words of alphabetic scripts; overlapping character bigrams of CJK/Hangul/Thai runs."""
    out: list[str] = []
    for run in re.findall(rf"[{_CJK}]+|[^\W{_CJK}]+", text.lower()):
        if re.match(rf"[{_CJK}]", run):
            out += [run[i:i + 2] for i in range(len(run) - 1)] if len(run) > 1 else [run]
        else:
            out.append(run)
    return out


def bigram_bm25_runs(docs: dict[str, str], queries: dict[str, str], k1: float = 1.2, b: float = 0.75,
                     depth: int = 100) -> dict[str, dict[str, float]]:
    """Top ``depth`` documents per query by BM25 (Lucene's idf) over ``bigram_tokens``."""
    import math
    from collections import Counter

    ids = list(docs)
    tfs = [Counter(bigram_tokens(docs[d])) for d in ids]
    lengths = [sum(tf.values()) for tf in tfs]
    avgdl = sum(lengths) / max(1, len(lengths))
    df = Counter(t for tf in tfs for t in tf)
    postings: dict[str, list[tuple[int, float]]] = {}
    for i, tf in enumerate(tfs):
        norm = k1 * (1 - b + b * lengths[i] / avgdl)
        for term, n in tf.items():
            idf = math.log(1 + (len(ids) - df[term] + 0.5) / (df[term] + 0.5))
            postings.setdefault(term, []).append((i, idf * n * (k1 + 1) / (n + norm)))
    runs = {}
    for qid, text in queries.items():
        scores: Counter = Counter()
        for term in set(bigram_tokens(text)):
            for i, weight in postings.get(term, []):
                scores[i] += weight
        runs[qid] = {ids[i]: s for i, s in scores.most_common(depth)}
    return runs
