"""Side questions the consultation answers from its own state and the tools: short list, summary, why not, time, terms.

The short list again, a summary of the profile, why a model is not on the list, how long indexing would take, and
what a retrieval term means. ``intent`` reads the table of ``knowledge/data/side_question_intents.yaml``: for each of
the twelve tools, how people ask it in each language the interview reads ("Was würde das im Monat kosten?",
"Pokaż szczegóły modelu bge-m3", "벡터 저장 용량이 얼마나 될까요?").

Recognised on the glossed, lower-case text (German, French, Spanish and Japanese arrive in English words), in any
sentence for the two commands ("show the short list again", "summary", "总结一下") and in question sentences for the
rest ("why not text-embedding-3-large?", "为什么不推荐 X？", "how long would indexing take?", "what is hybrid search?").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

import yaml

from agent.understanding_prefilter import AnyPattern
from knowledge.curated import DATA_DIR
from knowledge.errors import KnowledgeDataError
from knowledge.glossary import find_term_span, find_term_spans

SIDE_TOOLS = ("shortlist", "summary", "why_not", "indexing_time", "explain_term")

_LIST_WORD = (r"(?:empfehlung\w*|liste|lista|recomendaci\w+|recomenda[çc]\w+|recommandations?|raccomandazion\w+|"
              r"modelle|modelos|modèles|modelli|リスト|推薦|おすすめ|추천|목록)")
_AGAIN_WORD = (r"(?:nochmal|noch einmal|erneut|otra vez|de nuevo|de novo|outra vez|de nouveau|à nouveau|di nuovo|"
               r"ancora una volta|もう一度|再度|다시)")
# A list word near "again", or a bare list word ("la lista", "Liste bitte"): the short list only when the sentence asks
# (a question, a request, a few words); "la lista de productos cambia de nuevo cada semana" states a fact.
SHORTLIST_LOOSE = re.compile(
    rf"{_LIST_WORD}[^.?!]{{0,30}}{_AGAIN_WORD}|{_AGAIN_WORD}[^.?!]{{0,30}}{_LIST_WORD}|"
    r"\b(?:liste|lista)\b(?!\s+(?:de|des|du|der|di|dei|delle|degli|do|dos|das|of)\s+(?!model|modèl|modell|recom|empf|"
    r"raccom|opç|opci|opzi|option|candid))|一覧|候補")
SHORTLIST = re.compile(
    r"short[\s\-]?list|(?:show|give|send|see|repeat|display|list)\b.{0,30}\b(?:recommendations?|results|list|picks|"
    r"models|options)\b.{0,12}\bagain\b|(?:recommendations?|results|list|picks) again\b|"
    r"\b(?:the|your|my|our|current) (?:recommendations?|picks|top (?:models|picks|\d+))\b\s*(?:\?|$|again|please)|"
    r"^\s*(?:recommendations?|results|the list|short ?list)\s*(?:please)?\s*[?.!]*\s*$|"
    r"候选(?:名单|列表|模型)|推荐(?:列表|结果|名单)|(?:推荐|推薦|候选)的?(?:模型)?(?:清单|清單|名单|名單|列表)|(?:再|重新)(?:给我)?(?:看|发|列|显示)(?:一下|一遍|一次)?|"
    r"\btop (?:picks|models|choices|candidates|recommendations)\b|"
    r"remind me\b.{0,25}\b(?:list|picks|recommend\w*|models|options|opciones|opções|opzioni|optionen|choices|"
    r"candidates)|"
    r"\bwhich (?:models?|ones?) (?:did|have) you (?:recommend|suggest|pick|propose|shortlist)\w*|"
    # s13-a: the best few the advisor recommends now ("what are the best three models you recommend now?")
    r"\b(?:best|top)\s+(?:(?:\d+|two|three|four|five)\s+)?(?:\w+\s+)?(?:models|options|picks)\b[^.?!]{0,30}?"
    r"\b(?:you(?: would|'d)? (?:recommend|suggest)|for us|for me|right now|now)\b|"
    r"\bwhat (?:did|have) you (?:recommend|suggest)\w*|"
    # the advisor's own picks so far (s12-a): "先把你目前推荐的几个模型列出来", "the models you recommend so far",
    # "ce que tu recommandes pour l'instant", "今のおすすめ(のモデル)を"
    r"(?:你|您)(?:目前|现在|刚才|之前|到目前为止|到现在)?(?:推荐|建议|推薦|建議)的|"
    r"\b(?:models?|ones?|options?|picks?) (?:that )?you(?:'d| would|'ve| have)? (?:currently )?(?:recommend|suggest)\w*"
    r"\s+(?:so far|right now|now|currently|at this point|for now)\b|"
    r"\b(?:what|which|ce que|lo que|was) (?:you|tu|du) (?:recommend\w*|suggest\w*|recommandes|recomiendas|empfiehlst)"
    r"\s+(?:so far|right now|for now|pour l'instant|jusqu'ici|por ahora|hasta ahora|bisher|bis jetzt)\b|"
    r"(?:今|現時点|現状|今まで)の?おすすめ|"
    r"\b(?:list|show|repeat|give me) (?:them|those) (?:again|once more)\b|"
    r"\b(?:the|those|your|these) (?:\w+ )?(?:options|picks|recommendations|choices|candidates)\b[^.?!]{0,30}"
    r"\bagain\b|"
    r"\bwhat (?:the|your) (?:\w+\s+)?(?:options|picks|recommendations|models|choices|candidates) (?:were|are)\b|"
    r"\bwhat (?:were|are) (?:the|your|those|these)\s+(?:\w+\s+)?(?:recommendations|picks|models|options|choices|"
    r"candidates)\b(?!\s+(?:for|with|that|which|to)\b)|"
    # "what were the options again?" in the other languages (after the gloss)
    r"\bquais (?:eram|são|foram) (?:as|os) (?:\w+\s+)?(?:opç\w+|recomenda\w+|modelos|candidatos)|"
    r"\bcu[áa]les (?:eran|son|fueron) (?:las|los) (?:\w+\s+)?(?:opcion\w*|recomendacion\w*|modelos|candidatos)|"
    r"\bquel(?:le)?s (?:étaient|sont) (?:les|vos) (?:\w+\s+)?(?:options|recommandations|modèles|candidats)|"
    r"\bquali (?:erano|sono) (?:le|i) (?:\w+\s+)?(?:opzioni|raccomandazioni|modelli|candidati)|"
    r"\bwelche (?:waren|sind) (?:die|nochmal die) (?:\w+\s+)?(?:optionen|empfehlungen|modelle|kandidaten)|"
    r"(?:选项|方案|候选|推荐的模型)[^,.;!?。，]{0,6}(?:是什么|是哪些|是哪几个|来着)|"
    r"(?:どの|何の?)(?:候補|選択肢|モデル)だった|(?:候補|選択肢)は何でした|"
    r"(?:옵션|후보|추천\s*모델)[^,.;!?]{0,6}(?:뭐였|무엇이었|어떤 거였)")
# "summary", "recap" (and 要約, résumé, özet glossed into it) as a noun: a request only when the sentence asks (see
# ``_asks``); "our documents are mostly summaries of court cases" is an answer.
SUMMARY_WORD = re.compile(r"\bsummar(?:y|ies)\b|\brecap\b")
SUMMARY = re.compile(
    r"\bsummar(?:ise|ize)\b|\brecap (?:what|everything|it|this|where)\b|"
    r"what (?:have|did) (?:i|we) (?:told|tell|said|say)|what do you know (?:so far|about (?:us|me|my|our))|"
    r"where are we\b|what (?:do|did) you (?:have|know) so far|\boverview of (?:everything|what|my|our)\b|"
    # not a preface to another question: "with what I've told you so far, how long would indexing take?"
    r"(?<!with )(?<!from )(?<!given )(?<!on )(?<!of )(?:everything (?:i|we)(?:'ve| have)? (?:told|said|given)|"
    r"what (?:i|we)(?:'ve| have) (?:told|said))|"
    # (not a document's name: "出院小结" is a discharge summary, "项目总结报告" a report; s8-c)
    r"(?<!出院)(?<!出院的)(?<!病历)(?:总结|汇总|概括|小结)(?!报告|文档|材料)|目前(?:的)?(?:信息|情况|进展)|"
    r"现在知道(?:了)?什么")
WHY_NOT = re.compile(
    r"\bwhy (?:not|no)\b|\bwhy (?:didn'?t|did not|don'?t|do not|isn'?t|wasn'?t|is not|was not|won'?t|aren'?t)\b|"
    r"\bhow come\b.{0,30}\bnot\b|\bwhy (?:is|was|are|were)\b.{0,60}\bnot\b|为什么(?:不|没)|为何(?:不|没)|"
    r"为啥(?:不|没)|怎么(?:不|没)(?:有)?(?:推荐|选|考虑)|なぜ|どうして")
INDEXING = re.compile(
    r"how long\b.{0,40}\b(?:index|embed|ingest|process|vectori[sz]|encode|take|build)|"
    r"\b(?:indexing|embedding|ingestion) time\b|how (?:many (?:hours|days|minutes)|much time)\b.{0,40}"
    r"\b(?:index|embed|ingest|process|vectori[sz]|encode)|time to (?:index|embed|ingest)|"
    r"how long\b.{0,40}(?:indexier|indizier|indexa|indicizz|インデックス)|"
    r"(?:索引|建库|入库|向量化|嵌入|编码).{0,12}(?:多久|多长时间|多少时间|几个小时|几天)|"
    r"(?:多久|多长时间).{0,12}(?:索引|建库|入库|向量化)|"
    r"(?:cu[áa]nto|quanto)\s+(?:tiempo\s+|tempo\s+)?(?:tard|llev|lev|demor|ci vuol|ci mett)\w*.{0,40}"
    r"(?:index|indiz|vetor|vector|embed)|(?:index|indiz)\w*.{0,30}(?:cu[áa]nto|quanto)\s+(?:tiempo|tempo|tard)|"
    r"(?:인덱싱|색인|임베딩).{0,12}얼마나|どのくらい.{0,20}(?:かか|時間)|"
    r"\b(?:index\w*|embed\w*|ingest\w*|vectori[sz]\w*)\b.{0,40}\bhow long\b")
EXPLAIN = re.compile(
    r"\bwhat(?:'s| is| are| does| do)\b|\bwhats\b|what do you mean|\bexplain\b|\bdefine\b|meaning of|\bmeans?\b\??|"
    # two terms set against each other, no model named (s6-a): "the difference between a bi-encoder and a reranker"
    r"\bdifference between\b|\bdiferen[çc]a entre\b|\bdiferencia (?:hay )?entre\b|\bdiff[ée]rence entre\b|"
    r"\bdifferenza (?:c'è )?tra\b|\bunterschied zwischen\b|"
    r"\bhow (?:does|do|would) (?=(?:an? |the )?[\w\- ]{2,30}\bwork\b)|"
    r"什么是|是什么|什么叫|啥是|是啥|解释|什么意思|意思")


def _asked_term(sentence: str) -> str | None:
    """The glossary term the sentence asks the meaning of.

    The term stands right after "what is" (or right before "とは", "是什么", "means"); "what's the best model for our
    RAG system?" names RAG but does not ask what it is.
    """
    for term, start, end in find_term_spans(sentence):  # s16-a: each term named, not only the longest
        for cue in EXPLAIN.finditer(sentence):
            between = sentence[cue.end():start] if cue.end() <= start else sentence[end:cue.start()]
            if not re.search(r"\w", between) or (len(between) <= 40 and not re.search(
                    r"\b(?:best|model|models|for|with|should|recommend|use)\b|[,;.]", between)):
                return term.term
    return None


def asked_term(sentence: str, plain: str) -> str | None:
    """The glossary term a sentence asks the meaning of, in English or by the intent table's words in any language.

    The term stands next to the asking words ("Was genau ist ein Reranker", "Mi spieghi cosa vuol dire 'dimensione
    dell'embedding'", "向量维度是什么意思"); "what's the best model for our RAG system?" names RAG but asks no meaning.
    """
    term = _asked_term(sentence)
    if term:
        return term
    rows, _ = intent_table()
    for text in (plain, sentence):
        for found in find_term_spans(text):  # s16-a: "Was ist Matryoshka bzw. MRL, und bringt das was ...?"
            term = _term_asked_by_table(text, found, rows)
            if term:
                return term
    return None


def _term_asked_by_table(text: str, found: tuple[Any, int, int], rows: Any) -> str | None:
    """The term at ``found`` when the intent table's explaining words stand next to it in ``text``."""
    _, start, end = found
    for tool, _, _, rx in rows:
        if tool != "explain_term":
            continue
        for cue in rx.finditer(text):
            if _DIFFERENCE.search(cue.group()):  # "双塔模型和重排模型有什么区别": the terms on either side
                return found[0].term
            between = text[cue.end():start] if cue.end() <= start else text[end:cue.start()]
            # "qu'est-ce que ça veut dire, un reranker ?"; the term, then the question ending the sentence (but
            # for a particle): "“多向量检索”，到底是个啥？", "ハイブリッド検索ってよく聞くけど、何のことですか"
            last = not re.search(r"\w", text[end:]) or (
                cue.start() >= end and len(re.findall(r"\w", text[cue.end():])) <= 3)
            if cue.start() < end and cue.end() > start or (len(between) <= 30 and not re.search(
                    r"\b(?:best|model|models|modell\w*|modèles?|modelos?|modelli|for|für|pour|para|per|use)\b|"
                    r"推荐|模型|" + (r"[;.]" if last else r"[,;.]"), between)):
                return found[0].term
    return None


# "the difference between X and Y" in the intent table's words: the term is one of the two sides, wherever it stands
_DIFFERENCE = re.compile(r"differ|unterschied|diff[ée]rence|diferen|verschil|różnic|skillnad|fark|farak|farq|antar|"
                         r"разниц|отлича|区别|差别|不同|違い|차이")


_PLEASE = re.compile(r"\b(?:please|pls|plz|bitte|por favor|per favore|s'il (?:te|vous) pla[iî]t|stp|svp|proszę|"
                     r"alsjeblieft|graag|tack|lütfen|пожалуйста|again|quick|short|brief|a|an|the|un|une|le|la|el|il|"
                     r"um|uma|o|ein|eine|die|der|das|een|de|het)\b|请|ください|주세요|부탁")
_REQUEST_START = re.compile(r"^\W*(?:(?:ok|okay|so|and|now)[, ]+)?(?:show|give|repeat|list|send|can you|could you|"
                            r"would you|pls|please|zeig\w*|gib|montre\w*|donne\w*|muestra\w*|muéstra\w*|enséña\w*|"
                            r"dame|mostra\w*|mostre|fammi|pokaż\w*|podaj|visa|toon|laat|geef|göster\w*|покажи\w*|дай)"
                            r"(?!\w)")


def _asks(sentence: str) -> bool:
    """A sentence that asks for something: a question, a request verb first, or a few words ("summary please")."""
    words = re.findall(r"\w+", _PLEASE.sub(" ", sentence))
    return bool(re.search(r"[?？]", sentence) or _REQUEST_START.search(sentence) or len(words) <= 2)


def command(sentence: str) -> tuple[str, dict[str, Any]] | None:
    """The short list or a summary, asked for in any form of sentence."""
    if SUMMARY.search(sentence) or (SUMMARY_WORD.search(sentence) and _asks(sentence)):
        return "summary", {}
    if SHORTLIST.search(sentence) or (SHORTLIST_LOOSE.search(sentence) and _asks(sentence)):
        return "shortlist", {}
    return None


def list_declined(sentence: str) -> bool:
    """Whether ``sentence`` declines the short list ("don't need a shortlist yet", "no need for recommendations")."""
    found = SHORTLIST.search(sentence) or SHORTLIST_LOOSE.search(sentence) or _LIST_NOUN.search(sentence)
    return bool(found and _NOT_WANTED.search(re.split(r"[,;:，；]|\bbut\b|\band\b", sentence[:found.start()])[-1]))


_LIST_NOUN = re.compile(r"\b(?:recommendations?|picks|suggestions)\b|推荐|おすすめ|추천")
# "don't need a shortlist yet", "no need for the list", "we don't want recommendations now": the list declined
_NOT_WANTED = re.compile(r"\b(?:don'?t|do not|doesn'?t|no|not|never) (?:\w+ )?(?:need|want|show|send|give|"
                         r"asking for)\b|\bno need (?:for|of)\b|不(?:用|需要|要)|いらない|필요 없")


def question(sentence: str, models: list[str], hardware: dict[str, Any], numbers: dict[str, Any],
             is_question: bool, places: list[int] | None = None) -> tuple[str, dict[str, Any]] | None:
    """Why not X, how long indexing takes, or what a term means; None when the sentence asks none of these.

    ``places`` are the short-list places the sentence names ("why not the third one?"): they stand for a model.
    """
    if (models or places) and WHY_NOT.search(sentence):
        return "why_not", {"model": models[0]} if models else {"model": None, "option": (places or [0])[0]}
    if not is_question:
        return None
    term = _asked_term(sentence) if not models else None
    if term:
        return "explain_term", {"term": term}
    if INDEXING.search(sentence):
        args: dict[str, Any] = {"model": models[0] if models else None}
        if places and not models:
            args["option"] = places[0]
        if hardware.get("accelerator") not in (None, "none"):
            args["accelerator"] = hardware["accelerator"]
        for name in ("corpus_docs", "doc_length_tokens"):
            if numbers.get(name):
                args[name] = numbers[name]
        return "indexing_time", args
    return None


# Options of the short list named by their place: "option one", "the second one", "#2", "la segunda opción",
# "die zweite Option", "第一个推荐", "2番目", "두 번째". Each ordinal word maps to its 1-based place.
_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5,
        "5th": 5, "last": -1, "primeira": 1, "primeiro": 1, "primera": 1, "primero": 1, "première": 1, "premier": 1,
        "erste": 1, "ersten": 1, "erstes": 1, "prima": 1, "primo": 1, "segunda": 2, "segundo": 2, "deuxième": 2,
        "seconde": 2, "zweite": 2, "zweiten": 2, "zweites": 2, "seconda": 2, "secondo": 2, "terceira": 3,
        "terceiro": 3, "tercera": 3, "tercero": 3, "troisième": 3, "dritte": 3, "dritten": 3, "drittes": 3,
        "terza": 3, "terzo": 3, "dernière": -1, "última": -1, "último": -1, "letzte": -1, "ultima": -1,
        # Dutch, Polish, Swedish, Turkish, Russian
        "eerste": 1, "tweede": 2, "derde": 3, "laatste": -1, "pierwszy": 1, "pierwsza": 1, "pierwsze": 1,
        "pierwszego": 1, "drugi": 2, "druga": 2, "drugie": 2, "drugiego": 2, "trzeci": 3, "trzecia": 3,
        "trzeciego": 3, "ostatni": -1, "ostatnia": -1, "första": 1, "andra": 2, "tredje": 3, "sista": -1, "ilk": 1,
        "birinci": 1, "ikinci": 2, "üçüncü": 3, "первая": 1, "первый": 1, "первую": 1, "первой": 1, "первого": 1,
        "вторая": 2, "второй": 2, "вторую": 2, "второго": 2, "третья": 3, "третий": 3, "третью": 3, "третьего": 3,
        "последняя": -1, "последний": -1, "последнюю": -1,
        # Hinglish
        "pehla": 1, "pehle": 1, "pahla": 1, "doosra": 2, "dusra": 2, "doosre": 2, "dusre": 2, "teesra": 3, "tisra": 3,
        "aakhri": -1, "akhri": -1}
_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5,
        "um": 1, "uno": 1, "un": 1, "eins": 1, "dois": 2, "dos": 2, "deux": 2, "zwei": 2, "due": 2, "três": 3,
        "tres": 3, "trois": 3, "drei": 3, "tre": 3}
_CJK_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}
_KO_NUM = {"첫": 1, "두": 2, "세": 3, "네": 4, "다섯": 5}
_NOUN = (r"(?:options?|picks?|choices?|ones?|recommendations?|models?|candidates?|suggestions?|results?|entry|"
         r"opç(?:ão|ões)|opci(?:ón|ones)|opzion[ei]|optionen|vorschlag|empfehlung|modell|modelo|modèle|modello|"
         r"recomendaç(?:ão)|recomendaci(?:ón)|proposition|proposta|propuesta|model|modellen|modelu|modeli|optie|"
         r"opties|opcja|opcję|alternatywa|alternativ(?:et|e)?|seçenek\w*|модел[ьиюе]|вариант\w*)")
POSITION = re.compile(
    rf"\b(?P<ord>{'|'.join(sorted(map(re.escape, _ORD), key=len, reverse=True))})\s+(?:\w+\s+)?{_NOUN}\b|"
    rf"(?:\b{_NOUN}|\bnumber|\bno\.|#|\bnr\.?|\bn[º°]\.?|\bno\.?(?=\s))\s*(?P<num>{'|'.join(_NUM)})\b|"
    r"第(?P<cjk>[一二两三四五1-5])(?:个|名|款|位|种|套)?(?=推荐|选项|方案|模型|候选|个|名|款|の|番)|"
    r"(?P<ja>[一二三四五1-5])(?:番目|つ目)|(?P<ko>첫|두|세|네|다섯)\s*번째")


def positions(sentence: str) -> list[int]:
    """The places on the short list the sentence names (1 = the first; -1 = the last), in the order written."""
    found: list[int] = []
    for match in POSITION.finditer(sentence):
        groups = match.groupdict()
        place = (_ORD.get(groups["ord"] or "") or _NUM.get(groups["num"] or "") or _CJK_NUM.get(groups["cjk"] or "")
                 or _CJK_NUM.get(groups["ja"] or "") or _KO_NUM.get(groups["ko"] or ""))
        if place and place not in found:
            found.append(place)
    if found or _COMPARING.search(sentence):
        # "why is the second one ranked above the first?", "compare the first and the third": bare ordinals are places
        for match in _BARE_ORD.finditer(sentence):
            if _ORD[match.group(1)] not in found:
                found.append(_ORD[match.group(1)])
    return found


_BARE_ORD = re.compile(rf"\b(?:the|la|le|el|lo|il|o|a|der|die|das|den)\s+"
                       rf"({'|'.join(sorted(map(re.escape, _ORD), key=len, reverse=True))})\b")
_COMPARING = re.compile(r"\bcompar\w*|\bvs\.?(?!\w)|\bversus\b|\bdifference\b|\bvergleich\w*|\bconfront\w*|比较|对比|"
                        r"\bbetween\b|\bwhich (?:one )?(?:would|should) (?:you|we|i) (?:pick|choose|take|go with)\b|"
                        r"比べ|비교")


INTENTS_FILE = DATA_DIR / "side_question_intents.yaml"
_ASKED_HERE = re.compile(r"[?？]|(?:吗|呢|啥|까|나요|가요|죠|ですか|ますか|でしょうか|でしょう|だろう(?:か)?)"
                         r"\s*[.!]?\s*$|"
                         r"^\W*kya\b|"
                         r"\b(?:mı|mi|mu|mü)\s*[.!]?\s*$|^\W*(?:czy|ли)\b")


# A question word among a sentence's first words asks, with or without a question mark ("cuanto costaria al mes con
# bge-m3", "wat kost bge-m3 per maand", "bge-m3 ayda ne kadar tutar"); words that are also conjunctions or pronouns
# ("que", "come", "co", "was") are left out.
_QUESTION_WORD = re.compile(
    r"^\W*(?:\S+\s+){0,4}?(?:what(?:'s|s)?|how|which|cu[aá]nt[oa]s?|cu[aá]l(?:es)?|combien|quel(?:le)?s?|pourquoi|"
    r"quant[oa]s?|qual|quale|quali|quais|perch[eé]|por ?qu[eé]|hoeveel|hoe|welke?|waarom|wat|ile|jak[iaie]?|czy|"
    r"dlaczego|vad|hur|vilk(?:en|et|a)|varför|ne kadar|kaç|hangi|neden|nasıl|сколько|как(?:ой|ая|ое|ие)?|почему|"
    r"скільки|як(?:ий|а|е|і)|чому|що|kitn[aei]|kya|kaise|kyun|wie(?:viel)?|welche[rsnm]?|warum|wieso|cosa|"
    r"o que)\b|\bли\b")


def fold(text: str) -> str:
    """``text`` with the accents of Latin letters taken off ("diferença" -> "diferenca", "cuánto" -> "cuanto")."""
    return "".join(_FOLD.get(c) or _fold_char(c) for c in text)


_FOLD: dict[str, str] = {}


def _fold_char(c: str) -> str:
    if c.isascii() or "LATIN" not in unicodedata.name(c, ""):
        return c
    _FOLD[c] = "".join(d for d in unicodedata.normalize("NFD", c) if not unicodedata.combining(d))
    return _FOLD[c]


_LATIN = re.compile(r"[a-zà-ÿı-ž]")
_SCRIPTS = {"zh": re.compile(r"[\u3400-\u9fff]"), "ja": re.compile(r"[\u3040-\u30ff\u3400-\u9fff]"),
            "ko": re.compile(r"[\uac00-\ud7af]"), "ru": re.compile(r"[\u0400-\u04ff]"),
            "uk": re.compile(r"[\u0400-\u04ff]"),
            "hi": re.compile(r"[a-z\u0900-\u097f]")}


@functools.cache
def intent_table() -> tuple[tuple[tuple[str, bool, re.Pattern[str], re.Pattern[str]], ...], AnyPattern]:
    """((tool, needs a question, script, pattern) in the order tried, the pattern of statements).

    A row is tried only on text in its language's script (``_SCRIPTS``): Japanese patterns never run on English.

    Raises:
        KnowledgeDataError: The file is malformed, names an unknown tool or kind, or a pattern does not compile
            (naming the entry).
    """
    data = yaml.safe_load(INTENTS_FILE.read_text(encoding="utf-8")) or {}
    rows: list[tuple[str, bool, re.Pattern[str], re.Pattern[str]]] = []
    known = ("compare_models", "why_not", "explain_term", "shortlist", "summary", "estimate_cost", "indexing_time",
             "vector_storage", "hardware_fit", "search_models", "show_model", "estimate_tokens")

    def compiled(where: str, pattern: Any) -> re.Pattern[str]:
        if not isinstance(pattern, str) or not pattern:
            raise KnowledgeDataError(f"{INTENTS_FILE.name}: {where}: expected a pattern, got {pattern!r}")
        try:
            return re.compile(pattern)
        except re.error as exc:
            raise KnowledgeDataError(f"{INTENTS_FILE.name}: {where}: pattern {pattern!r} does not compile: {exc}") \
                from exc

    for tool, kinds in (data.get("intents") or {}).items():
        if tool not in known or not isinstance(kinds, dict) or set(kinds) - {"ask", "tell"}:
            raise KnowledgeDataError(f"{INTENTS_FILE.name}: intents.{tool}: expected one of {known} with 'ask' "
                                     f"and/or 'tell' patterns per language")
        for kind, languages in kinds.items():
            for language, patterns in (languages or {}).items():
                for i, pattern in enumerate(patterns or []):
                    where = f"intents.{tool}.{kind}.{language}[{i}]"
                    script = _SCRIPTS.get(language, _LATIN)
                    rows.append((tool, kind == "ask", script, compiled(where, pattern)))
                    if fold(pattern) != pattern:  # also typed without accents: "cuanto costaria", "diferenca"
                        rows.append((tool, kind == "ask", script, compiled(where, fold(pattern))))
    said = [compiled(f"statements.{language}[{i}]", pattern)
            for language, patterns in (data.get("statements") or {}).items() for i, pattern in enumerate(patterns)]
    return tuple(rows), AnyPattern(said)


def said_not_asked(sentence: str, plain: str) -> bool:
    """True for a sentence without a question mark that states an open figure or reports what was done.

    A question asked as a statement ("I wonder how long indexing would take", "Vet inte riktigt vad en reranker är"
    with a glossary term) is asked, whatever open-figure words it holds.
    """
    _, said = intent_table()
    return not re.search(r"[?？]", plain) and bool(said.search(plain) or said.search(sentence)) and not (
        wondered(sentence, plain) or unknown_term(sentence, plain))


@functools.cache
def _indirect() -> dict[str, AnyPattern]:
    """The ``indirect`` table of ``INTENTS_FILE``: kind ("wonder", "unknown_term") -> every language's patterns in one.

    Raises:
        KnowledgeDataError: The section is malformed or a pattern does not compile (naming the entry).
    """
    data = yaml.safe_load(INTENTS_FILE.read_text(encoding="utf-8")) or {}
    table = data.get("indirect") or {}
    if not isinstance(table, dict) or set(table) - {"wonder", "unknown_term"}:
        raise KnowledgeDataError(f"{INTENTS_FILE.name}: indirect: expected 'wonder' and 'unknown_term' tables")
    joined: dict[str, AnyPattern] = {}
    for kind, languages in table.items():
        parts = []
        for language, patterns in (languages or {}).items():
            for i, pattern in enumerate(patterns or []):
                try:
                    re.compile(pattern)
                except (re.error, TypeError) as exc:
                    raise KnowledgeDataError(f"{INTENTS_FILE.name}: indirect.{kind}.{language}[{i}]: pattern "
                                             f"{pattern!r} does not compile: {exc}") from exc
                parts.append(pattern)
        joined[kind] = AnyPattern([re.compile(p) for p in parts])
    return joined


def wondered(sentence: str, plain: str) -> bool:
    """A question asked as a statement: "I wonder if ...", "curious how long ...", "Mich würde interessieren, was"."""
    rx = _indirect().get("wonder")
    return bool(rx and (rx.search(plain) or rx.search(sentence) or rx.search(fold(plain))))


def unknown_term(sentence: str, plain: str) -> str | None:
    """The glossary term a sentence says the user does not know ("not sure what a reranker even is"), or None."""
    rx = _indirect().get("unknown_term")
    if not rx or not any(rx.search(t) for t in (plain, sentence, fold(plain))):
        return None
    found = find_term_span(sentence) or find_term_span(plain)
    return found[0].term if found else None


# "What does it even do?", "Was macht der überhaupt?", "そもそも何するもの？", "那是干什么的？": the meaning of a thing
# the sentence does not name, asked right after the sentence that names it (s12-a)
_IT_MEANING = re.compile(
    r"\bwhat (?:does|do|is|are) (?:it|that|this|they|one|that thing)\b(?:\s+\w+)?\s*(?:do|for|mean|good for)?"
    r"\s*\??\s*$|"
    r"\bwhat(?:'s| is) (?:it|that) (?:even|actually|exactly|for)\b|"
    r"\bwas (?:macht|tut|ist|bringt) (?:der|die|das|es|so\s?(?:ein|eine|was)|sowas)\b|"
    r"\bc'est quoi(?:\s+(?:ça|exactement|au juste))?\s*\?|\bça sert à quoi\b|\bà quoi (?:ça|il|elle|cela) sert\b|"
    r"\bqu'est-ce que c'est\b|\bqu[ée] es eso\s*\?|\bpara qu[ée] sirve\b|\bqu[ée] hace(?: eso| exactamente)?\s*\?|"
    r"\bo que (?:é|faz) isso\b|\bpara que serve\b|\bche cos'è\s*\?|\ba cosa serve\b|"
    r"何(?:を)?する(?:もの|やつ|の)|何のため(?:の|に)|(?:それ|そもそも)(?:って|は)?(?:何|なに)(?:です)?(?:か|の)?\s*[?？]|"
    r"(?:它|这个|那个|这|那)?是(?:干|做)(?:什么|啥)的|有(?:什么|啥)用|干嘛用的|"
    r"뭐(?:하는|에 쓰는)\s*(?:거|건|것)|그게 뭐(?:예요|에요|야|죠)")


def term_named_before(sentence: str, plain: str, before: str) -> str | None:
    """The glossary term of ``before`` that ``sentence`` asks the meaning of without naming it, or None.

    ("Should we add a reranker? What does it even do?", "リランカーって入れたほうがいいんですか？そもそも何するもの？")
    """
    if not any(_IT_MEANING.search(t) for t in (sentence, plain)) or find_term_span(sentence):
        return None
    found = find_term_span(before)
    return found[0].term if found else None


def intents(sentence: str, plain: str, asking: bool) -> list[str]:
    """The tools a sentence asks for by the intent table, most specific first; empty when none.

    Args:
        sentence: The sentence, lower case and glossed into English.
        plain: The same sentence as the user wrote it (NFKC, lower case), before the gloss.
        asking: Whether the sentence is a question (its "ask" patterns count only then).
    """
    asking = asking or bool(_ASKED_HERE.search(plain) or _QUESTION_WORD.search(plain))
    texts = list(dict.fromkeys((plain, sentence, fold(plain))))  # as typed, glossed, without accents
    if not asking and not any(_tell_gate().search(t) for t in texts):
        return []  # no request word of any language: most answers stop here
    if said_not_asked(sentence, plain):
        return []  # "how much we spend is not decided", "预算多少还没定": the user's situation, not a question
    written = {script: [t for t in texts if script.search(t)] for script in (_LATIN, *_SCRIPTS.values())}
    rows = _rows(asking)
    found: set[str] = set()
    for tool, needs_question, script, rx in rows:
        if (asking or not needs_question) and tool not in found and any(rx.search(t) for t in written[script]):
            found.add(tool)
    return [tool for tool in _tool_order() if tool in found]


def reload_intents() -> None:
    """Forget the loaded intent table (after ``INTENTS_FILE`` changed)."""
    for cached in (intent_table, _rows, _tool_order, _tell_gate, _indirect):
        cached.cache_clear()


@functools.cache
def _tell_gate() -> AnyPattern:
    """Every request ("tell") pattern in one: a quick test before trying them one by one."""
    return AnyPattern([row[3] for row in intent_table()[0] if not row[1]])


@functools.cache
def _tool_order() -> tuple[str, ...]:
    return tuple(dict.fromkeys(row[0] for row in intent_table()[0]))


@functools.cache
def _rows(asking: bool) -> tuple[tuple[str, bool, re.Pattern[str], re.Pattern[str]], ...]:
    """The rows a sentence is tried with: every row when it asks, else only the requests ("tell")."""
    return tuple(row for row in intent_table()[0] if asking or not row[1])
