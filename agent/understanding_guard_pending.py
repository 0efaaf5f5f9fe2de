"""A choice the user says is not theirs to make yet, or a list they leave open: asked back, never stored as a guess.

Three readings of ``agent.understanding_guard`` (s17-a, the class "asking instead of guessing", dev19a), each asked
with a field's question (``agent.confirmations.VAGUE_QUESTIONS``) so the answer is read as that field's answer:

- *a rule not decided yet*: whether the data may go to a hosted service, or whether the use is commercial, said with
  a decision still to come from someone else or with the user's own doubt ("legal might say no to cloud, I'll have to
  ask them", "数据能不能出境我得问下法务", "Cloud ist wahrscheinlich ok, aber ich muss das noch mit unserem
  Datenschutzbeauftragten klären", "en principio se puede usar la nube, pero tengo que confirmarlo", "クラウドに出して
  いいかは情シスに確認しないと分からない", "not sure if that counts as commercial", "상업용인지 좀 애매하네요"); a
  rule already given ("compliance signed off", "Legal already said no") is stored;
- *a card only hoped for, or one the user may not use*: a purchase, a grant or a loan with a maybe ("We might get an
  A100 next quarter if the grant comes through", "Vielleicht kriegen wir eine A100", "a lo mejor nos compran una
  A100", "公司可能会采购一台A800"), a card whose use is in doubt ("a 4090 at home, not sure that counts", "让不让我们
  用也不好说"); a card rented or owned and said plainly is stored;
- *languages with unnamed others*: a main language and "other stuff", "别的语言", "他の言語", "d'autres trucs",
  "lain-lain" with no name after them (multilingual support depends on which); "maybe 10% German" is stored.
"""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_patterns as P
from agent.understanding import Understanding
from agent.understanding_guard_reading import read
from tools.profile.schema import NUMERIC_FIELDS as NUMERIC

# A decision still to come or doubted, in each language of the sets (raw lower-cased text)
_UNDECIDED = re.compile(
    P.NOT_SURE + r"|\bmight\b|\bprobably\b|\bno idea\b|(?:have|need|got) to (?:ask|check)|\bcheck with\b|"
    r"\bask (?:legal|them|our|my|the)\b|\bnot sure\b|\bdon'?t know\b|\bnot decided\b|"
    r"\bwahrscheinlich\b|\bvielleicht\b|\bkl[äa]ren\b|\bwei(?:ß|ss) (?:ich )?nicht\b|\bnoch (?:völlig |ganz )?offen\b|"
    r"peut-être|\bà voir\b|\bje ne sais pas\b|\bpas encore\b|\bfaut (?:que je )?(?:voir|vérifier|demander)\b|"
    r"\ben principio\b|\ba lo mejor\b|\bquiz[áa]s?\b|\btal vez\b|\btengo que (?:confirmar|preguntar|consultar|ver)\b|"
    r"\bno sé\b|\bno cuentes\b|"
    r"\bacho que\b|\btalvez\b|\bpreciso (?:ver|confirmar|checar|perguntar)\b|\bn[ãa]o sei\b|\btenho de confirmar\b|"
    r"(?<![用能])可能(?![なで])|也许|说不清|說不清|不好说|不好說|不知道|得问|要问|问下|问一下|悬|还没(?:批|定)|待定|"
    r"かも|確認しないと|分から|わから|未定|まだ決まって|"
    r"모르겠|애매|확인해야|아직 모르|"
    r"\bmungkin\b|\bbelum (?:pasti|tahu|jelas)\b|\b(?:nggak|gak|ga) tau\b|"
    r"ممكن|ربما|لازم أسأل|مش متأكد|لا أعرف|مش عارف|"
    # Italian, Dutch, Russian, Turkish, Vietnamese
    r"\bforse\b|\bprobabilmente\b|\bdevo (?:chiedere|sentire)\b|\bmisschien\b|\bwaarschijnlijk\b|"
    r"\bmoet (?:ik )?(?:nog )?(?:navragen|checken|vragen)\b|(?<![а-я])(?:возможно|наверное|надо уточнить|"
    r"нужно уточнить|пока не знаю)(?![а-я])|\bbelki\b|\bmuhtemelen\b|\bsormam (?:lazım|gerek)\b|"
    r"\bchưa chắc\b|\bphải hỏi\b")  # (not "có thể": "can" as often as "may")
# A licence's question the user cannot answer ("not sure if that counts as commercial", "算不算商用我也说不清",
# "상업용인지 좀 애매하네요"); a use that may come later is commercial already ("we might sell it later": s12-c)
_UNSURE_WHICH = re.compile(P.NOT_SURE + r"|\bno idea\b|\bdon'?t know\b|说不清|說不清|不好说|不好說|不知道|说不准|"
                           r"애매|모르겠|分から|わから|\bje ne sais pas\b|\bno sé\b|\bn[ãa]o sei\b|"
                           r"\bwei(?:ß|ss) (?:ich )?nicht\b|\bbelum (?:tahu|jelas)\b|مش متأكد|لا أعرف|مش عارف")
# What the data rule is about: the documents going out to a hosted service, or staying in
_DATA_TOPIC = re.compile(r"\bcloud\b|\bapis?\b|on[\s\-]?prem|\bleave\b|\bsend\b|\bhosted\b|外部|出境|出网|内网|云|"
                         r"クラウド|オンプレ|社外|클라우드|외부|\bnube\b|\bnuvem\b|\bnuage\b|السحابة|datenschutz|"
                         r"dsgvo|\blgpd\b|\bgdpr\b|privacy|\bdpo\b|облак|\bbulut|\bnuvola\b|\bwolk\b|đám mây")
# What the licence is about: selling, a company, a spin-off
_LICENSE_TOPIC = re.compile(r"commercial|spin[\s\-]?off|start[\s\-]?up|商用|商业|孵化|상업|창업|kommerziell|"
                            r"comercial|commercial|komersial|تجاري|\blicen[cs]|licence|lizenz")
# A card to come: bought, granted, lent or given, with a maybe
_HOPED = re.compile(r"\b(?:might|may|maybe|perhaps|possibly|if)\b|vielleicht|eventuell|a lo mejor|quiz[áa]s?|"
                    r"tal vez|peut-être|talvez|可能|也许|かも|아마|mungkin|ربما|ممكن")
_ACQUIRE = re.compile(r"\b(?:get|buy|purchase|order|receive|be given)\b|kriegen|bekommen|kaufen|anschaff|compr[ae]|"
                      r"conseguir|acheter|obtenir|采购|购买|买|申请|借|購入|買|구매|구입|\bbeli\b|\bdapat\b|pinjam|"
                      r"شراء|نشتري")
# A card whose use for this project is in doubt ("not sure that counts", "让不让我们用", "쓸 수 있을지")
_USE_IN_DOUBT = re.compile(r"not sure (?:that|if|whether) (?:it |that |this )?(?:counts|can|is allowed|we can)|"
                           r"让不让|能不能用|쓸 수 있을지|s'en servir|se puede usar")
_GPU_WORD = re.compile(r"\bgpus?\b|\bcards?\b|显卡|卡|グラボ|gpu|"
                       r"(?<![a-z0-9])(?:[ahlt]\d{1,3}g?|rtx|l40s?)(?![a-z0-9])")
# A card named by its model: one hoped for is asked about only when named ("we might buy a GPU next year" is no card,
# lead s14; "We might get an A100 next quarter" is one)
_NAMED_CARD = re.compile(r"(?<![a-z0-9])(?:[ahlt]\d{1,3}g?|rtx\s*\d{4}|l40s?|\d{4}(?:\s*ti)?)(?![a-z0-9])")
# Other languages left unnamed: "other stuff", "别的语言", "他の言語", "d'autres trucs", "lain-lain"
_OTHERS = re.compile(r"\bother (?:stuff|languages?|things|ones)\b|\bothers\b|别的语言|其他语言|其它语言|别的|其他的|"
                     r"他の言語|d'autres (?:langues|trucs|choses)|\botros idiomas\b|\botras lenguas\b|"
                     r"\boutr[ao]s (?:l[íi]nguas|idiomas)\b|\bandere(?:n)? sprachen\b|\blain-lain\b|\bbahasa daerah\b|"
                     r"다른 언어|لغات أخرى|\baltre lingue\b|\bandere talen\b|(?<![а-я])други[ех] язык|"
                     r"\bdiğer diller|\bcác (?:thứ )?tiếng khác\b|\bngôn ngữ khác\b")


_CLAUSE = re.compile(r"[,;，；、。.!?！？]\s*|\s(?:but|aber|mais|pero|mas|但是?|不过)\s")


def _sentences(message: str) -> list[str]:
    low = message.lower()
    return [low[a:b] for a, b in P.split_sentences(low)] or [low]


def _vague(field: str, message: str) -> dict[str, Any]:
    return {"kind": "vague", "open": True, "value": 0.0, "monthly": 0.0, "fields": [field], "text": message.strip()}


def _ask(u: Understanding, field: str, message: str) -> bool:
    u.updates.pop(field, None)
    u.corrected.discard(field)
    u.skipped = [f for f in u.skipped if f != field]
    u.unparsed = None
    u.confirm = _vague(field, message)
    return True


def _names_another(sentence: str, field: str) -> bool:
    """The sentence names another field ("not sure about the budget yet"): its doubt is not this rule's."""
    return any(P.FIELD_RES[f].search(sentence) for f in ("budget_usd_month", "queries_per_month", "latency_p95_ms",
                                                         "hardware", "license", "data_must_stay_on_prem",
                                                         "corpus_docs") if f != field)


def rule_undecided(u: Understanding, message: str, asked: str | None) -> bool:
    """The data rule or the licence said to be undecided: asked again, nothing stored (True).

    To the field's question, a sentence with no figure that says so ("Wir reden von vielleicht 60.000 Dokumenten"
    hedges the count, not the rule); unasked, a clause that names the rule's subject too.
    """
    low = message.lower()
    for field, topic, doubt in (("data_must_stay_on_prem", _DATA_TOPIC, _UNDECIDED),
                                ("license", _LICENSE_TOPIC, _UNSURE_WHICH)):
        if field in u.confirmed:
            continue
        if asked == field and any(doubt.search(s) and not re.search(r"\d", s) and not _names_another(s, field)
                                  for s in _sentences(message)):
            return _ask(u, field, message)
        if asked is None and field in u.updates and any(topic.search(c) and doubt.search(c)
                                                        for c in _CLAUSE.split(low)):
            return _ask(u, field, message)
    return False


def card_in_doubt(u: Understanding, message: str, asked: str | None) -> bool:
    """A card only hoped for, or one the user may not get to use: asked which card they can count on (True)."""
    if "?" in message or "？" in message or "hardware" in u.confirmed:
        return False  # ("Will e5-large fit on an 8GB card? We might buy a used RTX 3070": a side question)
    if asked not in (None, "hardware") or (asked is None and "hardware" not in u.updates):
        return False
    card = str((u.updates.get("hardware") or {}).get("accelerator") or "")
    if "hardware" in u.updates and card in ("", "none"):
        return False  # ("we might get a GPU next year; for now it's a 16-core VM": what they have now is said)
    name = re.search(r"[a-z]?\d{2,4}", card.lower())  # "RTX 4090" said "a 4090"
    for s in _sentences(message):
        named = bool(_NAMED_CARD.search(s) or (name and name.group() in s))
        if not (named or _GPU_WORD.search(s)):
            continue
        if (named and _HOPED.search(s) and _ACQUIRE.search(s)) or _USE_IN_DOUBT.search(s):
            return _ask(u, "hardware", message)
    return False


def languages_unnamed(u: Understanding, message: str, asked: str | None) -> bool:
    """A language and others left unnamed: asked which (True); the named ones are not stored as the whole list."""
    if "languages" in u.confirmed or not (asked == "languages" or "languages" in u.updates):
        return False
    low = message.lower()
    for m in _OTHERS.finditer(low):
        after = low[m.end():]
        if not P.find_languages(after, message[m.end():], None):
            return _ask(u, "languages", message)
    return False


def pending(u: Understanding, message: str, asked: str | None) -> bool:
    """Any of the three readings above (the first that applies sets ``u.confirm``)."""
    if u.confirm is not None:
        return False
    return rule_undecided(u, message, asked) or card_in_doubt(u, message, asked) or \
        languages_unnamed(u, message, asked) or figure_alone(u, message, asked) or kronor_open(u, message, asked)


# The words that may stand beside a figure said alone: about, roughly, maybe, a particle (glossed text)
_ALONE_FILLER = re.compile(r"\b(?:about|around|roughly|approx\w*|like|maybe|perhaps|some|circa|ca|kira2|kira-kira|"
                           r"sekitar|unos|unas|uns|umas|environ|etwa|rund|ungefähr|or so|ish|give or take|lah|kak|"
                           r"tops|max)\b|大概|大约|约|左右|上下|吧|啊|呢|정도|쯤|가량|くらい|ぐらい|程度|ほど|حوالي|تقريبا|"
                           r"[\s~≈.,;:!?¡¿。，、！？…]")


_ALONE_END = re.compile(r"\d\s*(?:[^\w\s]|about|or so|ish|tops|max|kak|lah|左右|上下|吧|啊|呢|정도|쯤|くらい|ぐらい|"
                        r"程度|ほど|\s)*(?:$|[.;!?。！？\n])")


def figure_alone(u: Understanding, message: str, asked: str | None) -> bool:
    """One figure said on its own beside what was read: documents, searches or money? Asked (True).

    "english and spanish ... 500", "中英双语的。500", "tienda online de ropa en Valencia, unos 8 mil": asked like a
    bare figure; a year, or a figure with a noun or a unit beside it, is not alone.
    """
    if asked in NUMERIC or not u.updates or u.confirm is not None:
        return False
    low = P.normalise(message[: P.MAX_CHARS])
    if len([n for n in P.find_numbers(low) if n.value >= 10]) != 1 or not _ALONE_END.search(low):
        return False  # (a cheap look first: one figure, and the message or a sentence ends with it)
    r = read(message, asked)
    alone = [n for n in r.unused() if n.value >= 10]
    if len(alone) != 1 or len(r.numbers) != 1:
        return False
    n = alone[0]
    start = max(r.text.rfind(c, 0, n.start) for c in ".;!?。，,、:\n")
    before, after = r.text[start + 1:n.start], r.text[n.end:]
    if _ALONE_FILLER.sub("", before) or _ALONE_FILLER.sub("", after) or (
            1900 <= n.value <= 2100 and float(n.value).is_integer()):
        return False  # (a year, a figure with a noun or a unit beside it: not alone)
    u.confirm = {"value": n.value, "monthly": n.value, "fields": ["corpus_docs", "queries_per_month",
                                                                  "budget_usd_month"], "text": r.text[n.start:n.end]}
    u.unparsed = None
    return True


# "kr" with no country: Swedish kronor by the lexicon's reading; the places the message names may say another or two
_KRONOR = re.compile(r"\bkr\b\.?|\bkronor\b|\bkroner\b|\bkrone\b|\bkronur\b")
_KRONOR_NAMED = re.compile(r"\b(?:sek|dkk|nok|isk)\b|\bswedish kron|\bdanish kron|\bnorwegian kron|\bsvenska kronor\b")
_KRONOR_PLACES = (("sek", re.compile(r"\bsweden\b|\bswedish\b|stockholm|g[öo]teborg|gothenburg|malm[öo]|\bsverige\b|"
                                     r"uppsala")),
                  ("dkk", re.compile(r"\bdenmark\b|\bdanish\b|copenhagen|k[øo]benhavn|aarhus|odense|\bdanmark\b")),
                  ("nok", re.compile(r"\bnorway\b|\bnorwegian\b|\boslo\b|\bbergen\b|trondheim|stavanger|\bnorge\b")))
_SEK_PER_USD = 1 / (P.USD_PER["sek"] or 1)  # the table's rate the reader used (patterns.CURRENCIES), not a copy of it


def kronor_open(u: Understanding, message: str, asked: str | None) -> bool:
    """A sum in "kr" from a team in two Nordic countries is asked which kronor (True).

    From one country other than Sweden it is read in that country's kronor ("We're in Copenhagen, 15 000 kr a month":
    Danish); "kr" alone stays Swedish (the lexicon's reading).
    """
    budget = u.updates.get("budget_usd_month")
    low = message.lower()
    if not isinstance(budget, int | float) or isinstance(budget, bool) or "budget_usd_month" in u.confirmed or \
            not _KRONOR.search(low) or _KRONOR_NAMED.search(low):
        return False
    places = [code for code, rx in _KRONOR_PLACES if rx.search(low)]
    if len(places) == 1 and places[0] != "sek" and (rate := P.USD_PER.get(places[0])):
        u.updates["budget_usd_month"] = round(budget * _SEK_PER_USD * rate, 2)
        return False
    if len(places) < 2:
        return False
    why = "which kronor: Swedish, Danish or Norwegian?"
    u.updates.pop("budget_usd_month")
    u.corrected.discard("budget_usd_month")
    u.confirm = {"kind": "check", "fields": ["budget_usd_month"], "values": {"budget_usd_month": budget},
                 "reasons": {"budget_usd_month": why}, "value": float(budget), "monthly": float(budget), "text": why}
    return True
