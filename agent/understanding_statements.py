"""What a message states in words rather than figures: domain, privacy, deployment, licence, latency and budget."""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_hardware as HW
from agent import understanding_hosting as H
from agent import understanding_patterns as P
from agent import understanding_residency as R
from agent import understanding_structure as S
from agent.understanding_domain import read_domain
from agent.understanding_languages import MODEL_WORD
from agent.understanding_policy import read_policy

# The hosted side of the deployment question, as an answer names it
_HOSTED_WORD = re.compile(r"(?<![a-z])apis?(?![a-z])|(?<!auto- )(?<!auto-)(?<!self-)hosted|cloud|托管|云|クラウド|"
                          r"클라우드")


def _hardware_location(text: str, match: re.Match[str]) -> bool:
    """True for "an A100 on-prem": where the hardware is, not a rule about the data."""
    before = text[max(0, match.start() - 20):match.start()]
    if re.search(r"\bnothing\s*$|\bno\s+(?:\w+\s+)?(?:hardware|gpus?|servers?|machines?)\s*$", before) or (
            re.search(r"\b(?:nada|nichts|rien|niente|niets|nic|inget|hiçbir şey|ничего)\s*$", before)
            and re.fullmatch(r"on[\s\-]?prem(?:ise|ises)?", match.group())):
        return True  # "nothing on-prem, we'd rent A10Gs": no hardware on the premises, not a rule about the data
    if _NO_CLOUD_OPENER.match(match.group()) and HW.GPU_RE.search(text):
        return True  # "no cloud at all - own rack, 2x L40S": where the cards are, to the hardware question (s8-f)
    if re.fullmatch(r"on[\s\-]?prem(?:ise|ises)?", match.group()) and _OWN_MACHINES.match(text[match.end():]) and \
            not P.NEED_WORD.search(_clause(text, match.start(), match.end())):
        return True  # "two on-prem servers, 8x H100 each": machines the user has, not a rule about the data
    if re.fullmatch(r"on[\s\-]?prem(?:ise|ises)?", match.group()) and _HAVE_MACHINES.match(text[match.end():]) and \
            not P.NEED_WORD.search(_clause(text, match.start(), match.end())):
        return True  # "on-prem we have a DGX box": where the machines are
    after = text[match.end():match.end() + 40]
    if re.search(r"on[\s\-]?prem", match.group()) and _CJK_PLACE.match(after) and any(
            m.start() < 25 for m in HW.GPU_RE.finditer(after)) and not _CJK_NEED.search(after):
        return True  # "オンプレにRTX A6000が2枚あります", "온프레미스에 A100 두 장 있어요": where the cards are
    before = _COPULA_AT_END.sub("", before.rstrip())  # "ek A100 80GB hai on-prem": the card, then "is"
    return bool(re.fullmatch(r"on[\s\-]?prem(?:ise|ises)?", match.group()) and (
        HW.MACHINE_AT_END.search(before) or any(m.end() >= len(before.rstrip()) for m in HW.GPU_RE.finditer(before))))


# s14-b: a copula between a card and "on-prem" ("ek A100 80GB hai on-prem", "two L4s are on-prem")
_COPULA_AT_END = re.compile(r"\s+(?:hai|hain|he|is|are|sind|ist|est|sont|son|sono|zijn|är|jest|ada)$")
# s14-b: "within" or "inside" straight after a time ("p95 500ms ke andar rehna chahiye", glossed "500ms within
# rehna"): a limit on the time, not a place the data stays
_TIME_BEFORE = re.compile(r"\d\s*(?:ms|msec|s|sec|secs|seconds?|milliseconds?|mins?|minutes?)\s*$")


# A message that opens with "no cloud" (in any language, after the gloss): the cloud refused
_NO_CLOUD_OPENER = re.compile(r"^\W*(?:(?:no|nope|nah|nein|nee|non|nie|nej|hayır|нет|ні)\W+)?(?:no|keine?|geen|pas de|"
                              r"sin|sem|niente|żadnej|ingen|inget|bulut yok|без|никакого|жодної)\s+(?:public |"
                              r"external |öffentliche |externe )?(?:cloud|nube|nuvem|chmury|moln|облака|хмари)\b")
# A place particle after "on-prem" (glossed from オンプレ/온프레미스): the cards that stand there follow
_CJK_PLACE = re.compile(r"^\s*(?:環境|サーバー?|側|机房|서버|환경)?\s*(?:に|には|にも|에|에는|에도)")
_CJK_NEED = re.compile(r"必須|必要|限定|のみ|(?<!gpus )(?<!枚)(?<!台)だけ|필수|만\b|해야")
# (s17-b: and glued by a hyphen, "en on-prem-server med två L4:or")
_OWN_MACHINES = re.compile(r"(?:\s+|-)(?:[\w\-]+\s+)?(?:servers?|machines?|box(?:es)?|clusters?|gpus?|hardware|"
                           r"nodes?|racks?|maskin\w*|servrar|serwer\w*|maszyn\w*|sunucu\w*|"
                           r"workstations?|dgx|hgx|superpod|[ahlt]\d{1,3}s?)\b(?!\s+only)")
_HAVE_MACHINES = re.compile(r"^[\s,:;\-]*(?:we(?:'ve)? (?:have|got|own|run)|there (?:is|are)|there's)\b[^,.;]{0,30}?"
                            r"(?:servers?|machines?|box(?:es)?|clusters?|gpus?|cards?|nodes?|racks?|dgx|"
                            r"[ahlt]\d{1,3}\b)")
_HOSTING = re.compile(r"host|deploy|\brun\b|部署|托管|运行")


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _clause(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]`` (up to the nearest comma, full stop or question mark either side)."""
    left = max((text.rfind(c, 0, start) for c in ",;.!?。，、\n"), default=-1) + 1
    rights = [i for i in (text.find(c, end) for c in ",;.!?。，、\n") if i >= 0]
    return text[left:min(rights, default=len(text))]


def polarity(text: str, match: re.Match[str]) -> str:
    """How a cue stands in its clause: "negated", "hedged" or "plain".

    "no commercial use" and "商用しません" are negated; "not sure whether it will be commercial" and "maybe on-prem
    later" are hedged.
    """
    clause = _clause(text, match.start(), match.end())
    if P.HEDGE.search(clause):
        return "hedged"
    before = re.split(r"[,;.!?。，、\n]", text[max(0, match.start() - 40):match.start()])[-1]
    if P.NEGATION_BEFORE.search(before) or P.NEGATION_AFTER.match(text[match.end():match.end() + 20]) or \
            P.NEGATION_INSIDE.search(match.group()):
        return "negated"
    return "plain"


def _first(rx: re.Pattern[str], text: str, skip: list[tuple[int, int]] | None = None) -> re.Match[str] | None:
    """The first match of ``rx`` in ``text`` outside the ``skip`` spans."""
    return next((m for m in rx.finditer(text) if not any(s <= m.start() < e for s, e in skip or [])), None)


_REGULATION = re.compile(r"gdpr|rgpd|dsgvo|hipaa|lgpd|kvkk|(?:152|242)[\s\-]?(?:fz|фз)")
# A regulation (or rule) said to hold only where it applies states no rule for these documents: "we follow GDPR where
# it applies", "HIPAA applies to the patient side", "DSGVO, wo sie greift", "152-ФЗ, где нужно" (s10-c)
_SCOPED = re.compile(
    r"^\s*,?\s*(?:(?:where|when|wherever|whenever|as far as)\s+(?:it |they |that |this )?(?:applies|apply|"
    r"is applicable|are applicable|is relevant|is needed|is required|needed|required|necessary)|"
    r"where (?:applicable|needed|necessary|relevant|required)|applies to\b|"
    r"wo (?:sie |es |er )?(?:greift|gilt|nötig|notwendig|anwendbar|"
    r"zutrifft)|(?:là )?où (?:il|elle) s'applique|quand (?:il|elle) s'applique|dans la mesure où|"
    r"donde (?:aplique|aplica|corresponda|proceda)|onde (?:se )?aplic\w*|dove (?:serve|si applica|è applicabile|"
    r"necessario)|waar (?:die|het|dat|deze) van toepassing|(?:tam,? )?gdzie (?:ma zastosowanie|dotyczy|trzeba)|"
    r"где (?:нужно|применимо|требуется|необходимо)|jahan (?:lagu|zaroori|applicable)|di mana (?:berlaku|perlu)|"
    r"khi (?:cần|áp dụng)|uygulandığı yerde|gerektiğinde)")


# A regulation that is what the documents or the work are about, not a rule for them (s16-c, dev18b): "most of what we
# advise on is GDPR", "wir beraten vor allem zu DSGVO", "a LGPD é o assunto principal dos nossos documentos", "guides
# about HIPAA", "nous conseillons sur le RGPD"
_REGULATION_TOPIC_BEFORE = re.compile(
    r"(?:\badvis\w* (?:on|about)|\bconsult\w* (?:on|about)|\bspeciali[sz]\w* in|\bwrit\w* (?:on|about)|"
    r"\b(?:guides?|articles?|books?|courses?|trainings?|webinars?|newsletters?) (?:on|about)|"
    r"\bberat(?:en|e|ung)\b|\bspezialisiert auf|\bconseill\w* (?:sur|en)|\bspécialis\w* (?:en|dans)|"
    r"\basesor\w* (?:sobre|en)|"
    r"\bespeciali[sz]\w* (?:en|em)|\bguias? sobre|\bguías? sobre|\bguide (?:sul|sulla)|\bconsulen\w* (?:su|in)|"
    r"\b(?:topic|subject|sujet|tema|thema|assunto) (?:is|of|de|di|ist|es|é|è)?)[^.;!?]{0,25}$")
_REGULATION_TOPIC_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:is|é|est|ist|es|è)\s+(?:\w+\s+){0,2}?(?:main |principal |"
                                     r"whole |haupt)?(?:topic|subject|assunto|sujet|tema|thema|theme|focus)\b")


def _regulation_topic(text: str, m: re.Match[str]) -> bool:
    """A regulation named as the documents' or the work's topic (see above), not as a rule."""
    return bool(_REGULATION.fullmatch(m.group()) and (_REGULATION_TOPIC_BEFORE.search(
        text[max(0, m.start() - 60):m.start()]) or _REGULATION_TOPIC_AFTER.match(text[m.end():m.end() + 50])))


# s14-b: a side preferred "if we can" is the side chosen ("prefer self-hosted if we can", "idealerweise selbst
# gehostet, wenn möglich", "de preferencia self-hosted si se puede"): the condition is no doubt about the choice
_PREFERENCE_WORD = re.compile(r"\bprefer\w*|\bideally\b|\bpreferabl[ey]\b|\brather\b|\bbevorzug\w*|\blieber\b|"
                              r"\bidealerweise\b|\bam liebsten\b|\bde prefer[eê]ncia\b|\bidealmente\b|"
                              r"\bde préférence\b|\bidéalement\b|\bpreferibilmente\b|最好|できれば|가능하면")
_IF_WE_CAN = re.compile(r"\bif (?:we can|possible|feasible|doable|at all possible)\b|\bwenn (?:möglich|es geht)\b|"
                        r"\bsi (?:es posible|se puede|possible|on peut)\b|\bse (?:possível|possibile|der)\b")


def _preferred_if_can(text: str, m: re.Match[str]) -> bool:
    clause = _clause(text, m.start(), m.end())
    rest = _IF_WE_CAN.sub(" ", clause)
    return bool(_PREFERENCE_WORD.search(clause) and _IF_WE_CAN.search(clause) and not P.HEDGE.search(rest))


def _privacy(text: str, updates: dict[str, Any]) -> None:
    """Whether the data must stay on the premises, and who runs the model; a negated or hedged cue is not a rule."""
    on_prem = [m for m in P.ON_PREM.finditer(text) if not _hardware_location(text, m)
               and not _TIME_BEFORE.search(text[max(0, m.start() - 20):m.start()])
               and not _SCOPED.match(text[m.end():m.end() + 40]) and not _regulation_topic(text, m)]
    if on_prem and all(_REGULATION.fullmatch(m.group()) for m in on_prem) and (
            any(polarity(text, m) == "plain" for rx in (P.API_OK, P.DATA_MAY_LEAVE) for m in rx.finditer(text))
            or R.data_in_cloud_ok(text) or _public_so_free(text)):  # (s17-c: "A LGPD é de 2018 ..., mas os
        # documentos são todos públicos, pode mandar pra API externa sem problema")
        on_prem = []  # "we comply with KVKK, but these texts may go to a cloud API": the permission is the rule
    stands = [(m, polarity(text, m)) for m in on_prem]
    plain = [m for m, how in stands if how == "plain"]
    self_hosted = [m for m in P.SELF_HOSTED.finditer(text) if (polarity(text, m) == "plain" or _preferred_if_can(
        text, m)) and not _weighed(text, m) and not _not_ours(text, m)]
    by_parts = [m for m in R.HOSTED_BY_US.finditer(text) if polarity(text, m) == "plain" and not _weighed(text, m)
                and not _asked_about(text, m) and not _about_the_llm(text, m) and not _of_the_documents(text, m)
                and not _not_ours(text, m) and not _STAYS_BEFORE.search(
                    re.sub(r"data must stay\s*$", "", text[max(0, m.start() - 30):m.start()]))
                # (the gloss of オンプレ; "ob API oder selbst betrieben", "either ... or": both sides)
                and not (_EITHER_WAY.search(_sentence(text, m)) and _API_WORD.search(_sentence(text, m)))
                and not any(_overlap(m.span(), h.span()) for h in self_hosted)]
    self_hosted += by_parts  # "Alles selbst betrieben", "内部服务器에 설치해야" (lead s16): said by its parts
    declined = _dispreferred(text)  # "plutôt une API que d'héberger nous-mêmes": hosting is the side turned down
    api_preferred = bool(declined and any(declined[0] <= h.start() < declined[1] for h in self_hosted) and
                         _API_WORD.search(text[:declined[0]] + " " + text[declined[1]:]))
    self_hosted = [h for h in self_hosted if not (declined and declined[0] <= h.start() < declined[1])]
    # "it has to run on that Mac", "必须在我们自己的服务器上跑": the model runs on the user's machine
    runs_here = any(polarity(text, m) == "plain" for m in R.RUN_HERE.finditer(text))
    if plain:
        updates["data_must_stay_on_prem"] = True
        # one phrase, one field: "keep everything on our own hardware" says where the data stays, not who hosts
        if runs_here or by_parts or any(_HOSTING.search(h.group()) or not any(_overlap(p.span(), h.span())
                                                                              for p in plain) for h in self_hosted):
            updates["deployment"] = "self_hosted"
        return
    if any(how == "negated" and P.NEED_WORD.search(_clause(text, m.start(), m.end())) for m, how in stands):
        updates["data_must_stay_on_prem"] = False  # "data doesn't need to stay on-prem", "no on-prem requirement"
    if stands:
        return
    hosts = bool(self_hosted) and not _EITHER_WAY.search(text)  # "we host the model ourselves" (not "or an API")
    if R.region_rule(text) or R.refused_send(text):  # "as long as it's hosted in the EU", "keine Daten an OpenAI"
        updates["data_must_stay_on_prem"] = True
        if runs_here or (hosts and (by_parts or any(_HOSTING.search(h.group()) for h in self_hosted))):
            updates["deployment"] = "self_hosted"
        elif _api_chosen(text):
            updates["deployment"] = "api"  # "海外リージョンはNG ... APIかマネージドサービスを使うことになる"
        return
    if runs_here:  # "it has to run on that Mac, client confidentiality": self-hosted, and the data stays when it is
        updates["deployment"] = "self_hosted"  # confidential
        if R.CONFIDENTIAL.search(text):
            updates["data_must_stay_on_prem"] = True
        return
    # "we already send everything to Azure OpenAI", "the data is not sensitive"
    if (R.data_may_leave(text) or R.data_in_cloud_ok(text) or R.not_sensitive(text)) and not (
            R.NOTHING_GOES_OUT.search(text) and R.kept_inside(text)):  # (s17-c: "nothing is allowed to go to external
        # services": the outside named, nothing let out)
        updates["data_must_stay_on_prem"] = False
        if P.API_ONLY.search(text):
            updates["deployment"] = "api"
        elif hosts:  # "模型必须我们自己部署，不过数据其实放云上没问题": the model hosted, the data may leave
            updates["deployment"] = "self_hosted"
        return
    # "clinical notes on the hospital network", "air-gapped", "classified"; "I dati devono restare nei nostri server"
    if R.on_prem_setting(text) or R.kept_inside(text):
        updates["data_must_stay_on_prem"] = True
        if by_parts or hosts:  # "Alles selbst betrieben, die Daten verlassen unser RZ nicht" (lead s16)
            updates["deployment"] = "self_hosted"
        return
    if P.API_ONLY.search(text):  # "has to be an API": who runs the model; a data rule is not said
        updates["deployment"] = "api"
        if _PUBLIC.search(text) and not _NOT_PUBLIC.search(text):  # "都是公开资料，用API就行": public documents
            updates["data_must_stay_on_prem"] = False  # sent to the API the user wants (s8-f)
    elif P.API_OK.search(text) or P.DATA_MAY_LEAVE.search(text):  # "APIs are fine" is a data rule
        updates["data_must_stay_on_prem"] = False
        if P.API_PREFERRED.search(text) or api_preferred:  # "happy to call Bedrock, we'd rather not babysit GPUs"
            updates["deployment"] = "api"
        elif hosts:  # who hosts the model only when said beside it
            updates["deployment"] = "self_hosted"
    elif P.API_PREFERRED.search(text) or api_preferred:  # "we'd much rather call an API than host it ourselves"
        updates["deployment"] = "api"
    elif self_hosted:
        updates["deployment"] = "self_hosted"
    elif _api_chosen(text):
        updates["deployment"] = "api"  # "On préfère une API managée, pas d'infra GPU chez nous" (lead s16)
    if "data_must_stay_on_prem" not in updates and _public_so_free(text):
        updates["data_must_stay_on_prem"] = False  # "it's public docs anyway, a hosted API is fine" (lead s16)


# The documents said to be public, with an API or the absence of a concern in the same sentence ("Happy to go with a
# hosted API, it's public docs anyway", "all public record so no restrictions", "veröffentlichte Artikel, also kein
# Datenschutzproblem, API geht klar", "顧客情報は含まないのでクラウドAPI可", "外部 API 사용 OK (공개 문서)")
_FREE = re.compile(r"(?<![a-z])apis?(?![a-z])|"
                   r"\bno (?:\w+ )?(?:restrictions?|concerns?|sensitivity|issues?|problems?)\b|"
                   r"\bno datenschutzproblem|\baucun (?:souci|problème)|\bsem restriç\w*|\bsin restricci\w*|没问题|"
                   r"无所谓|問題(?:ない|ありません)|문제 없|괜찮")


def _public_so_free(text: str) -> bool:
    for sentence in re.findall(r"[^.!?。！？;\n]+[.!?。！？;\n]*", text):
        if "?" in sentence or "？" in sentence or not _PUBLIC.search(sentence) or _NOT_PUBLIC.search(sentence):
            continue
        if any(polarity(sentence, m) == "plain" and not re.match(r"\s*(?:\w+\s+){0,2}(?:must|may|can|should|is|are)"
                                                                 r"(?:n'?t| not)", sentence[m.end():])
               for m in _FREE.finditer(sentence)):
            return True
    return False


def _asked_about(text: str, m: re.Match[str]) -> bool:
    """The cue stands in a question ("can we run it on our own servers?"): nothing is chosen."""
    ends = [i for c in ".!?。！？\n" if (i := text.find(c, m.end())) >= 0]
    return bool(ends) and text[min(ends)] in "?？"


# The LLM's own API named in the sentence: "we use the GPT-4o API for the answers" says nothing about the embeddings
_LLM_API = re.compile(r"\bllms?\b|\bgpt|\bclaude\b|\bgemini\b|\bllama|\bmi[sx]tral\b|\bdeepseek|"
                      r"\bqwen(?![\w\-]*embed)|\bgenerat\w*|\bchat ?completions?\b|大模型|大语言模型|"
                      r"生成|\bgénérat\w*|\bgenerier\w*")


def _api_chosen(text: str) -> bool:
    """A hosted API named as the way the team will go, outside a sentence about the LLM and not negated or weighed."""
    for m in P.API_CHOSEN.finditer(text):
        if not _about_the_llm(text, m) and not _asked_about(text, m) and polarity(text, m) != "negated" and \
                not _EITHER_WAY.search(_sentence(text, m)):
            return True
    return False


def _sentence(text: str, m: re.Match[str]) -> str:
    """The sentence around the match, with its closing mark."""
    start = max(text.rfind(c, 0, m.start()) for c in ".!?。！？\n") + 1
    ends = [i for c in ".!?。！？\n" if (i := text.find(c, m.end())) >= 0]
    return text[start:min(ends, default=len(text)) + 1]


# The data said to stay hosted somewhere ("tout doit rester hébergé chez nous", "must stay hosted in our DC"): where
# the data lives, not who runs the model
_STAYS_BEFORE = re.compile(r"\b(?:stay|stays|remain|remains|rester|reste|restent|bleiben|bleibt|quedar\w*|queda|"
                           r"quedan|ficar|fica|ficam|restare|resta|restano|rimanere|rimane)\s+(?:\w+\s+)?$")


# The vendor as the one who hosts ("the vendor self-hosts the model for us"), or a French "ne" before the verb ("on
# n'hébergera rien nous-mêmes", which the table of negations misses as the elision sticks to the verb)
_VENDOR = re.compile(r"\b(?:vendor|provider|supplier|prestataire|fournisseur|proveedor|fornecedor|anbieter|"
                     r"dienstleister|fornitore)s?\b|ベンダー|업체|厂商|供应商")


def _clause_before(text: str, m: re.Match[str]) -> str:
    """The clause before the match, up to the nearest comma or full stop."""
    return text[max(text.rfind(c, 0, m.start()) for c in ",;.!?。，、\n") + 1:m.start()]


def _not_ours(text: str, m: re.Match[str]) -> bool:
    """The hosting cue is the vendor's, or negated by a French "ne" right before it."""
    before = _clause_before(text, m)
    return bool(_VENDOR.search(before) or re.search(r"\bn'$|\bne\s+$", text[max(0, m.start() - 4):m.start()]))


def _of_the_documents(text: str, m: re.Match[str]) -> bool:
    """The documents are what is hosted ("our docs are hosted internally on Confluence"): no word on the model."""
    before = re.sub(r"data must stay(?: on-prem)?", "", _clause_before(text, m))  # the gloss of オンプレ, not a subject
    return bool(R.DATA_OR_DOCUMENTS.search(before) or re.search(r"\b(?:wiki|confluence|sharepoint|repos?)\b", before))


def _about_the_llm(text: str, m: re.Match[str]) -> bool:
    """The cue's sentence is about the LLM ("our Llama 3 runs in-house already"): it says nothing of the embeddings."""
    return bool(_LLM_API.search(_sentence(text, m)))


# Both sides set against each other in a question ("Compare API vs self-hosting? Nah, we'll just call an API"): the
# options weighed, no side chosen (s11-c)
_VERSUS = re.compile(r"\bvs\.?\b|\bversus\b|\bcompar\w*|\bor\b|\bagainst\b|对比|比较|还是|比較|비교")


def _weighed(text: str, m: re.Match[str]) -> bool:
    sentence = _sentence(text, m)
    return sentence.rstrip().endswith(("?", "？")) and bool(_VERSUS.search(sentence) and _API_WORD.search(sentence))


# "self-hosted or an API, either way": both sides named, no side chosen
_EITHER_WAY = re.compile(rf"\beither\b|\bor\b|\boder\b|\bou\b|\bo\b|\blub\b|\beller\b|\bveya\b|\bили\b|或|还是|"
                         rf"{P.NO_PREFERENCE.pattern}")


_API_WORD = re.compile(r"(?<![a-z])apis?(?![a-z])|\bhosted\b|\bmanaged\b|クラウド|클라우드|云服务")


def _dispreferred(text: str) -> tuple[int, int] | None:
    """The span of the side a comparison turns down ("X rather than Y": Y; "比起Y，更想X": Y), if there is one."""
    after = _PREFERRED_AFTER.search(text)
    if after:
        start = max(text.rfind(c, 0, after.start()) for c in "，,。.;") + 1
        return start, after.end()
    if _COMPARING.search(text):
        split = _PREFERRED_SIDE.search(text)
        if split:
            end = re.compile(r"[,;.!?。，\n]").search(text, split.end())
            return split.start(), end.start() if end else len(text)
    return None


# "commercially sensitive", "a commercial bank", "commercial real estate": the word says nothing about the licence
# Research use said as the answer to the licence question ("es para investigación", "voor onderzoek")
_FOR_RESEARCH = re.compile(r"\b(?:for|para|pour|per|für|voor|do|för|için|для) (?:la |die |de |el |o |a |il |the )?"
                           r"(?:research|investigaci[óo]n|pesquisa|recherche|ricerca|forschung|onderzoek|badań|"
                           r"forskning|"
                           r"araştırma|исследовани\w*)\b|\bresearch ke liye\b|\baraştırma amaçlı\b|"
                           r"研究目的|研究用|연구용|"
                           # s8-f: research said alone or with "only" in every language ("Solo ricerca", "Só
                           # pesquisa", "Tylko badania naukowe", "Sadece araştırma", "研究のみです", "只做研究")
                           r"^\W*(?:only|just|solo|sólo|só|apenas|somente|soltanto|tylko|sadece|yalnızca|sirf|bara|endast|"
                           r"alleen|nur|seulement|juste|uniquement|(?<![а-яіїє])(?:только|лише|тільки))?\s*"
                           r"(?:(?:for|para|per|pour|für|voor|do|för|для) (?:la |die |de |el |o |a |il |the )?)?"
                           r"(?:research|ricerca|pesquisa|investigaci[óo]n|badani\w*(?: naukow\w*)?|"
                           r"araştırma|forskning|"
                           r"onderzoek|forschung|recherche|(?<![а-яіїє])(?:исследовани\w*|досліджен\w*))\b|"
                           r"研究のみ|研究だけ|只做研究|仅(?:做|用于)?研究|只(?:用于|用来)?研究|연구\s*목적|연구만")


# A personal, hobby or hackathon project, said as the answer to the licence question (an opener that says "side
# project" states no licence rule)
_PERSONAL = re.compile(
    r"\b(?:side|pet|hackathon|hobby|personal|private) project\b|\bhackathon\b|proyecto personal|projet personnel|"
    r"\bprojet perso\b|\bprivates? projekt\b|\bproyecto propio\b|"
    r"persönliche[sn]? projekt|privatprojekt|progetto personale|projeto pessoal|persoonlijk project|projekt prywatny|"
    r"prywatny projekt|kişisel proje\w*|личн\w+ проект\w*|pet[\s\-]проект\w*|個人(?:の)?(?:趣味|プロジェクト|開発|"
    r"利用)|"
    r"趣味で|개인\s*(?:프로젝트|용도)|취미로|취미\s*프로젝트")


_WHATEVER = re.compile(r"^\W*(?:it |that )?(?:doesn'?t matter|does not matter|no preference|whatever|don'?t care|"
                       r"any(?: is fine| will do)?)\W*$")


def _licence(text: str, updates: dict[str, Any], asked: str | None = None) -> None:
    """Commercial or any licence; "no commercial use" is non-commercial, "not sure if commercial" is not said."""
    text = P.NOT_LICENCE.sub(lambda m: " " * len(m.group()), text)
    if asked == "license" and (_FOR_RESEARCH.search(text) or _PERSONAL.search(text)) and \
            not P.LICENSE_COMMERCIAL.search(text):
        updates["license"] = "any"  # "es para investigación", "un proyecto personal": after the licence question
        return
    if asked == "license" and _WHATEVER.match(text):  # "doesn't matter" (а "без разницы", "bez różnicy") to the
        updates["license"] = "any"  # licence question: any licence
        return
    if S.licence_rejected(text):  # "non-commercial licences are out of the question": commercial use is required
        updates["license"] = "commercial"
        return
    internal = P.INTERNAL_USE.search(text)
    if internal and internal.group() == "internal only" and asked != "license":
        internal = None  # "internal only, journalists & researchers": who searches, said to another question
    if internal and P.INTERNAL_ONLY.search(S.sentence_of(text, internal)) and not P.LICENSE_ANY.search(text):
        updates["license"] = "commercial"  # "internal use only, we don't sell it" is still commercial use
        return
    free = [m for m in P.LICENSE_ANY.finditer(text) if polarity(text, m) != "hedged"]
    plain_free = [m for m in free if polarity(text, m) == "plain"]
    commercial = _first(P.LICENSE_COMMERCIAL, text, [m.span() for m in P.LICENSE_ANY.finditer(text)])
    how = polarity(text, commercial) if commercial else None
    if plain_free or how == "negated":
        if how != "plain":
            updates["license"] = "any"
    elif how == "plain" and not free:
        updates["license"] = "commercial"


# A model's name joined by hyphens or a slash ("jina-embeddings-v2-base-code", "nlpaueb/legal-bert-base-uncased"):
# its words name what the model was trained for, not the user's domain.
# A figure alone ("10-Ks", "24/7") does not make one.
_MODEL_NAME = re.compile(r"[\w.]+(?:[/\-][\w.]+)+")
_MODEL_PART = re.compile(MODEL_WORD.pattern.replace(r"\d|_|", "", 1) + r"|\bv\d+(?:\.\d+)?\b")


def _without_model_names(text: str) -> str:
    return _MODEL_NAME.sub(lambda m: " " * len(m.group()) if _MODEL_PART.search(re.sub(r"[/\-]", " ", m.group()))
                           else m.group(), text)


# s17-c: a rule held by someone else as a view ("my colleague keeps insisting on-prem is the only safe option", "Mi
# jefe opina que todo tiene que ser on-premise", "同事觉得必须本地部署") in a message that says the decision is not made
# or not theirs ("he's not the one deciding", "la decisión la toma TI y todavía no se pronunció", "这事我说了不算，
# 要等安全部门的意见"): the view is no rule; the clause is left out of the data rule and the hosting
_VIEW_OF_A_RULE = re.compile(
    r"(?:\b(?:my|our|a|one) (?:colleague|co-?worker|boss|manager|team ?lead|cto|ceo|cio|director|lead|supervisor)s?|"
    r"\b(?:mi|mis|un|nuestro|nuestra) (?:jefe|jefa|colega|compañer[oa]|director[a]?|gerente)|"
    r"\b(?:meu|minha|nosso|nossa|um) (?:chefe|colega|gerente|diretor[a]?)|"
    r"\b(?:mein|meine|unser|unsere|ein) (?:kollege|kollegin|chef|chefin|vorgesetzter|teamleiter)|"
    r"\b(?:mon|ma|notre|un) (?:collègue|chef|patron|manager|directeur|directrice)|"
    r"同事|老板|领导|上司|同僚|部長|課長)"
    r"[^.;!?。！？，,]{0,25}?(?:\b(?:thinks?|believes?|insists?|insisting|feels?|reckons?|keeps? (?:saying|pushing)|"
    r"is convinced|opina|cree|piensa|insiste|acha|pensa|acredita|findet|meint|glaubt|besteht darauf|pense|trouve|"
    r"croit)\b|觉得|认为|坚持|主张|と思って|と言って|は考えて)[^.;!?。！？]*?(?=\bbut\b|\bpero\b|\bmas\b|\bmais\b|"
    r"\baber\b|但|不过|が、|[.;!?。！？]|$)")
_DECIDED_ELSEWHERE = re.compile(
    r"\bnot (?:the one |the person )?(?:deciding|who decides|making the (?:call|decision))\b|\bnot (?:his|her|my) "
    r"(?:call|decision)\b|\bno decision\b|\bhasn'?t (?:been )?decided\b|\bnot (?:yet )?decided\b|"
    r"\b(?:already )?approved\b|\bla decisi[óo]n la toma\b|\btodav[íi]a no\b|\ba[úu]n no\b|\bainda n[ãa]o\b|"
    r"\bquem decide\b|\bnoch nicht entschieden\b|\bentscheidet\b|\bpas encore d[ée]cid\w*|"
    r"\bc'est .{0,15}qui d[ée]cide\b|"
    r"说了不算|要等|还没定|未定|待定|まだ決まって|決めるのは|決定権")


def _without_opinions(text: str) -> str:
    """``text`` with another person's view of a rule blanked when the message says it is not decided (see above)."""
    if not (_DECIDED_ELSEWHERE.search(text) or _UNDECIDED.search(text)):
        return text
    return _VIEW_OF_A_RULE.sub(lambda m: " " * len(m.group()), text)


def read_statements(text: str, asked: str | None, updates: dict[str, Any]) -> None:
    """Domain, privacy, deployment, licence, latency and budget stated in words."""
    read_domain(_without_model_names(text), asked, updates, polarity)
    text_of_rules = _without_opinions(text)
    _privacy(text_of_rules, updates)
    _licence(text, updates, asked)
    _self_correction(text, updates)
    _precision(text, updates)
    if "latency_p95_ms" not in updates:
        if P.NO_LATENCY.search(text) or (asked == "latency_p95_ms" and (re.search(
                r"no (?:requirement|target)|don'?t care|doesn'?t matter|\bnone\b|无所谓|没要求|没有要求|不重要|"
                r"(?:pas|not|no) de contraintes?|aucune contrainte|keine (?:besonderen? )?(?:anforderung|vorgabe)\w*|"
                r"sin (?:requisitos?|restricciones?)|nessun (?:vincolo|requisito)|sem (?:requisitos?|restrições?)|"
                r"特に(?:ない|なし|ありません)|특별히 없|没有特别要求", text) or _NOT_URGENT.search(text) or (
                P.NO_REQUIREMENT.search(text) and not P.TIME_FIGURE.search(text)))) and not P.LATER.search(text) \
                and not (asked == "latency_p95_ms" and P.SKIP.search(text) and not P.NO_LATENCY.search(text)):
            # ("no clue honestly, whatever feels snappy?": the user does not know; "whatever" is no requirement)
            updates["latency_p95_ms"] = None
        elif asked == "latency_p95_ms" and _NO_HURRY.search(text) and not P.TIME_FIGURE.search(text):
            updates["latency_p95_ms"] = None  # "koi jaldi nahi, raat ko batch mein chalega", "gira tutto di notte"
        elif any(polarity(text, m) == "plain" for m in P.REAL_TIME.finditer(text)) or any(
                polarity(text, m) == "plain" and (asked == "latency_p95_ms" or _LATENCY_WORD.search(
                    S.sentence_of(text, m))) for m in P.REAL_TIME_WORDS.finditer(text)):
            updates["latency_p95_ms"] = P.REAL_TIME_MS
        elif P.SUB_SECOND.search(text):
            updates["latency_p95_ms"] = P.SUB_SECOND_MS
    if "budget_usd_month" not in updates:
        if P.BUDGET_NO_LIMIT.search(text) or (P.GENERIC_NO_LIMIT.search(text) and (
                (asked == "budget_usd_month" and not _of_another_field(text, P.GENERIC_NO_LIMIT)) or
                P.BUDGET_CUE.search(text))) or (
                asked == "budget_usd_month" and re.search(r"don'?t care|doesn'?t matter|whatever", text) and
                not _of_another_field(text, re.compile(r"don'?t care|doesn'?t matter|whatever"))):
            updates["budget_usd_month"] = None
        elif any(not P.BUDGET_ZERO_NOT_YET.search(text[max(0, m.start() - 25):m.end() + 25])
                 for m in P.BUDGET_ZERO.finditer(text)) or (
                asked == "budget_usd_month" and len(text.split()) <= 3 and len(text) <= 24 and re.search(
                r"\bfree\b|\bnone\b|\bnothing\b|\bzero\b|^\s*0\s*$|没有|零|免费", text)) or (
                asked == "budget_usd_month" and re.match(r"^\s*(?:\$|€|£)?\s*0\s*(?:[,;:.!—–-]\s|$)", text)) or (
                asked == "budget_usd_month" and P.BUDGET_ZERO_ANSWER.search(text) and not P.LATER.search(text)
                and not P.BUDGET_ZERO_NOT_YET.search(text)):
            # "0, it's a hobby project": a zero said first, the rest the reason
            updates["budget_usd_month"] = 0.0
    _bare_answers(text, asked, updates)
    if _EITHER_FIRST.match(text) and (asked == "deployment" or re.search(r"\bapi\b|托管|云", text)) and \
            not P.ON_PREM.search(text):
        updates["deployment"] = "any"  # "either way really: Azure OpenAI would do, or self-hosted"
    elif updates.get("deployment") and P.NO_PREFERENCE.search(text) and _API_WORD.search(text) and \
            P.SELF_HOSTED.search(text) and not P.ON_PREM.search(text):
        updates["deployment"] = "any"  # "an API or host it ourselves, no preference": both sides, none chosen
    read_policy(text_of_rules, asked, updates)
    _this_time(text, asked, updates)
    _both_sides(text_of_rules, updates)
    _hosting_by_parts(text_of_rules, updates)


def _hosting_by_parts(text: str, updates: dict[str, Any]) -> None:
    """A hosting line of a pasted list, or both sides left open in any language (``understanding_hosting``)."""
    side = H.labelled(text) or ("any" if H.either_way(text) else None)
    if side is None or updates.get("deployment") == side:
        return
    updates["deployment"] = side
    if side == "any" and updates.get("data_must_stay_on_prem") is True and not R.region_rule(text) and \
            not R.refused_send(text) and not R.kept_inside(text):
        del updates["data_must_stay_on_prem"]  # "クラウドでもオンプレでもどちらでも": on-prem as one side, no rule


# Hosting offered both ways with no preference ("API or local, doesn't matter", "local or cloud API, we don't mind",
# "on-prem or API, whatever is cheaper", "either an API or running it locally is fine"): any; an on-prem said as one
# side of the alternative is no data rule (lead s13)
_OWN_SIDE = (r"local(?:ly)?|on[\s\-]?prem(?:ise)?s?|self[\s\-]?host(?:ed|ing)?|in[\s\-]house|(?:on )?our own "
             r"(?:servers?|hardware|gpus?|machines?|box)|(?:run|host)(?:ning|ing)? it (?:ourselves|locally|ourself)")
_API_SIDE = r"(?:a |an |the )?(?:cloud |hosted |managed |external )?apis?|(?:the )?cloud"
_BOTH_SIDES = re.compile(rf"\b(?:{_OWN_SIDE})\b[^.;!?]{{0,25}}?\bor\b[^.;!?]{{0,12}}?\b(?:use |call )?"
                         rf"(?:{_API_SIDE})\b|"
                         rf"\b(?:{_API_SIDE})\b[^.;!?]{{0,25}}?\bor\b[^.;!?]{{0,12}}?\b(?:{_OWN_SIDE})\b")
_ANY_SIDE = re.compile(rf"{P.NO_PREFERENCE.pattern}|\bwhatever\b|\b(?:is|are|would be) fine\b")


def _both_sides(text: str, updates: dict[str, Any]) -> None:
    """Both hosting sides offered and neither preferred: deployment any, and the on-prem side states no data rule."""
    both = _BOTH_SIDES.search(text)
    if both is None or not _ANY_SIDE.search(text):
        return
    updates["deployment"] = "any"
    rest = text[:both.start()] + " " * (both.end() - both.start()) + text[both.end():]
    if updates.get("data_must_stay_on_prem") is True and not P.ON_PREM.search(rest) and not R.region_rule(rest) \
            and not R.refused_send(rest):
        del updates["data_must_stay_on_prem"]


# After the latency question: batch work, nothing time-critical ("no real requirement, it's batch", "nicht
# zeitkritisch", "pas critique, c'est du batch", "特に要件はありません"); a figure in the message is read instead
_NOT_URGENT = re.compile(
    r"^(?!.*\d)(?:.*\bno (?:real |hard |strict |particular |specific )(?:requirement|target|constraint|limit)s?\b|"
    r".*\b(?:it'?s|all|just|only|c'est du|es un proceso|é tudo|è tutto|is|ist)\s+(?:\w+\s+)?batch\b|"
    r".*\b(?:nicht|not) zeitkritisch|.*\bpas (?:critique|urgent)|.*\bno es (?:crítico|urgente)|.*\bnão é (?:crítico|"
    r"urgente)|"
    r".*\bnon è (?:critico|urgente)|.*\bniet (?:tijd)?kritisch|.*\bnie jest krytyczn|.*\binte (?:tids)?kritisk|"
    r".*\bkritik değil|.*\bне критичн|.*(?:特に)?要件(?:は)?(?:特に)?(?:ない|ありません|なし)|"
    r".*요구\s*사항(?:은)?\s*없|"
    r".*没有(?:延迟)?要求)")


# s8-f: after the latency question, no hurry or work done in batches / at night, in every language of the lexicon
# ("nah, it runs as a nightly batch", "das läuft nachts als Batch", "roda em lote de madrugada", "gira tutto di notte",
# "det körs som batch på natten", "обработка идёт ночью пакетами", "raat ko batch mein chalega", "跑批", "夜間バッチ");
# a figure in the message is read instead (see TIME_FIGURE)
_NO_HURRY = re.compile(
    r"\bbatch\w*|\bovernight\b|\bnightly\b|\bat night\b|\boffline\b|\bnext (?:morning|day)\b|\bno (?:hurry|rush)\b|"
    r"\bnot (?:urgent|in a hurry|time[\s\-]critical)\b|\bnachts?\b|\bnächtlich\w*|\büber nacht\b|\bkeine eile\b|"
    r"\beilt nicht\b|\bnicht eilig\b|\bpar lots\b|\bla nuit\b|\bnocturne\b|\bpas press[ée]\b|\bpas urgent\b|"
    r"\bpor la noche\b|\bde noche\b|\bnocturn[oa]\b|\bpor lotes\b|\ben lotes?\b|\bsin prisa\b|\bno hay prisa\b|"
    r"\bno corre prisa\b|\bem lotes?\b|\bde madrugada\b|\bà noite\b|\bde noite\b|\bsem pressa\b|"
    r"\bnão tem pressa\b|\bnão há pressa\b|\bdi notte\b|\bnotturn[oai]\b|\bnon c'è fretta\b|\bsenza fretta\b|"
    r"\bnon (?:ci )?interessa\b|\bnon è urgente\b|\b's nachts\b|\b(?:'s )?nachts\b|\bgeen haast\b|"
    r"\bniet dringend\b|\bw nocy\b|\bnocą\b|\bnocn\w*|\bwsadow\w*|\bnie ma pośpiechu\b|\bbez pośpiechu\b|"
    r"\bnie ma znaczenia\b|\bpå natten\b|\bnattlig\w*|\bnattetid\b|\bingen brådska\b|\binte bråttom\b|"
    r"\bgece\w*|\btoplu\b|\btoplu (?:olarak|işlem)\w*|\bacele\w* yok\b|\bacil değil\b|"
    r"(?<![а-яіїє])(?:ночью|по ночам|ночн\w+|вночі|уночі|вночі|нічн\w+|пакетн\w+|пакетами|не спешим|не к спеху|"
    r"не горит|не срочно|не терміново|не поспішаємо|не важно|не важливо|неважливо)(?![а-яіїє])|"
    r"\braat (?:ko|mein)\b|\bjaldi nahi\b|\bkoi jaldi nahi\b|\bnie jest (?:to )?(?:krytyczn|ważn|istotn)\w*|"
    r"\bnot (?:that |so |very |really )?(?:critical|important)\b|気にしません|気にしない|こだわりません|"
    r"重要ではありません|중요하지 (?:않|not)|신경\s*안|不太在意|不在意|不太重要|"
    r"跑批|批处理|批量处理|离线|夜里|晚上|夜间|不着急|不急|夜間|バッチ|急ぎません|急がない|야간|배치|밤에|급하지 않")
_LATENCY_WORD = re.compile(r"latenc|laten[tz]|latence|latencia|latenza|latência|responds?|response|antwort|réponse|"
                           r"respuesta|risposta|resposta|reactie|odpowied|svarstid|yanıt|cevap|gecikme|отклик|задержк|"
                           r"ответ|відгук|відповід|затримк|\bp9\d\b|延迟|延遲|响应|響應|応答|レイテンシ|응답|지연|"
                           # the search's results coming back ("results should appear instantly", "Ergebnisse sofort")
                           r"\bresults?\b|\bergebnis\w*|r[ée]sultats?|resultados?|risultat\w*|resulta(?:at|ten)|"
                           r"wynik\w*|resultat\w*|sonuç\w*|результат\w*|"
                           r"结果|結果|결과|\bsearch(?:es)? (?:feel|come|return)")


# A statement taken back inside the message: "licence doesn't matter... no wait, it does, this ships in a paid product"
_TAKEN_BACK = re.compile(r"(?:\.\.\.|…|[,;.!?\-—–])\s*(?:no,? wait|wait,? no|actually,? no|no,? actually|scratch that|"
                         r"on second thought|hmm,? no|no no|correction|i take that back|non,? attends|nein,? warte|"
                         r"no,? espera|não,? espera|no,? aspetta)\b|"
                         r"(?:\.\.\.|…)\s*sorry\b|"  # "in locale... anzi no, ..." (glossed "... sorry")
                         r"(?<=[,，。;；!！\s])(?:不对|等等|いや|아니 잠깐)(?=[,，。;；!！、\s])")
# "X rather than Y" in the languages of the lexicon: the side before the comparison word is the one preferred ...
_PREFERRED_SIDE = re.compile(r"\bthan\b|\binstead of\b|\bau lieu de\b|\ben (?:lugar|vez) de\b|\bem vez de\b|"
                             r"\binvece di\b|\b(?:an)?statt\b|\bpiuttosto che\b|\bantes que\b|\bplutôt que\b|"
                             # (not a relative "que" before its verb: "modelos que podamos correr nosotros", s16-b)
                             r"(?<=\S) que\b(?!\s+(?:podamos|podemos|pueda|puedan|sea|sean|corr\w+|funcion\w+|"
                             r"possamos|possa\w*|possiamo|puiss\w*|tourn\w*|gir\w*|rod\w+))|"
                             r"(?<=\S) qu'|\bals\b|\bdan\b|\bniż\b|\bän\b|\bчем\b|而不是|而非")
_COMPARING = re.compile(r"\brather\b|\bprefer|\bbetter\b|\binstead\b|au lieu|en (?:lugar|vez)|em vez|invece|statt|"
                        r"plutôt|préfér|lieber|prefer|prefier|preferi|meglio|liever|wolimy|hellre|tercih|лучше|"
                        r"предпочит|而不是|而非")
# ... except in "比起Y，更想X", "与其Y不如X", "YよりX", "Y보다 X": the side after the comparison
_PREFERRED_AFTER = re.compile(r"(?:比起|与其)[^，,。]*[，,]?\s*(?:不如|更(?:想|愿意|喜欢|倾向)?|还是)?|より|보다")
_SELF = re.compile(r"\bself\b|\bauto[\s\-]*(?:hosted|h[ée]berg\w*|alojad\w*|hospedad\w*|ospitat\w*)|"
                   r"\bown\b|ourselves|on[\s\-]?prem|local|自己|本地|私有|自建|nous[\s\-]mêmes|"
                   r"\bsamodzielnie\b|(?<![а-я])сами(?![а-я])|\bsjälva\b|\bkendimiz\b|\bkhud\b|на своих серверах|"
                   r"na (?:naszych|własnych) serwerach|onze eigen servers|våra egna servrar|kendi sunucular|"
                   r"наших серверах|eigenen servern|nos propres serveurs|nuestros propios servidores|"
                   r"nosotros mismos|nós mesmos|noi stessi|\bselbst\b|\bzelf\b|\bsami\b|самостоятельно|"
                   r"(?<![а-яіїє])самі(?![а-яіїє])|самостійно|بأنفسنا|"
                   # s8-f: the model run on our own servers / at our place, to the hosting question ("Vi kör det på
                   # egna servrar", "Lo facciamo girare sui nostri server", "Postawimy to u siebie", "자체 서버에서
                   # 돌릴 거예요", "apne servers pe chalayenge", "Будемо запускати на своїх серверах")
                   r"\begna servrar\b|\beigen servers?\b|\beigenen servern?\b|\bpropres serveurs\b|"
                   r"\bpropios servidores\b|\bpróprios servidores\b|\bnostri server\b|\bnuestros servidores\b|"
                   r"\bnossos servidores\b|\bnaszych serwerach\b|\bu siebie\b|(?<![а-яіїє])(?:у себя|у себе|"
                   r"своїх серверах|наших серверах|своих серверах)(?![а-яіїє])|\bapne (?:servers?|gpus?|machines?)\b|"
                   r"\bin casa\b|\ben casa\b|\bem casa\b|\bin[\s\-]house\b|\blocalmente\b|"
                   r"\blocally\b|\ben local\b|\bin locale\b|\blokaal\b|\blokalt\b|\blokalnie\b|\byerel(?:de)?\b|"
                   r"\b(?:sui|nei|sur|en|em|nos|op|på|na|auf|on|in) our (?:own )?(?:servers?|servidores|serveurs|"
                   r"servrar|serwerach|maschinen|machines?|hardware|gpus?)\b|"
                   r"自社サーバ|자체\s*(?:서버|장비|gpu)|自己的(?:服务器|机器|gpu)|"
                   r"自前|自社|自分たち|직접")
_WORDED = ("license", "deployment", "data_must_stay_on_prem")
# Hindi puts the negation after the verb, a few words past the cue: "khud server chalana nahi chahte"
# and so do Korean, Japanese and Chinese, past the verb: "직접 GPU 운영하고 싶지 않아요", "自前で運用したくない",
# "不想自己运维"
_VERB_LAST_NEGATION = re.compile(r"^[^,;.!?]{0,40}?\b(?:nahi|nahin|nhi|mat)\b|"
                                 r"^[^,;.!?。]{0,30}?(?:(?:싶지|하지)\s*(?:않|not\b)|싫|たくない|したくない|不想|不愿意?)")


# Wrong results said to be costly ("wrong hits are really bad", "precision really matters", "a wrong answer could hurt
# someone", "false positives are unacceptable", "Fehltreffer sind gefährlich", "une mauvaise réponse serait grave"):
# precision-critical (a reranker is suggested); said not to matter ("a few wrong hits are fine"): not critical
_PRECISION_CRITICAL = re.compile(
    # lead s16: precision said to be critical in the other languages of the lexicon ("Präzision ist extrem wichtig",
    # "Precisão é crítica", "la précision est primordiale", "정확도가 매우 중요")
    r"\b(?:präzision|genauigkeit|trefferqualität|précision|exactitude|precisão|precisión|precisione|accuratezza|"
    r"nauwkeurigheid|precyzja|dokładność)\s+(?:ist|est|é|es|è|is|jest|zijn|sont)\s+(?:(?:extrem|extrêmement|"
    r"sehr|absolut|wirklich|très|vraiment|absolument|muito|extremamente|super|muy|molto|estremamente|"
    r"absolutamente|zeer|heel|bardzo)\s+)*(?:wichtig|entscheidend|kritisch|essenziell|essentiell|alles|critique|"
    r"cruciale?|primordiale|essentielle|capitale|crítica|fundamental|essencial|clave|esencial|fondamentale|critica|"
    r"cruciale|essenziale|cruciaal|essentieel|kluczowa|krytyczna)\b(?!\s+(?:aber|mais|mas|pero|ma|maar)\b)|"
    r"(?:精度|正確性|正确性|准确率|準確度|정확도|정확성|\baccuracy|\bprecision)\s*(?:が|は|이|가|은|는)?\s*(?:非常に|とても|すごく|极其|非常|很|"
    r"매우|아주|정말|무엇보다)?\s*(?:重要|关键|命|最優先|大事|중요|핵심)|"
    r"\b(?:wrong|bad|incorrect|irrelevant|false) (?:hits?|results?|answers?|matches|clauses?|documents?|"
    r"retrievals?)\b[^.;!?]{0,30}\b(?:(?:are|is|r|would be|could be|can be)\s+(?:\w+\s+)?(?:bad|terrible|dangerous|"
    r"costly|expensive|unacceptable|not (?:ok|okay|acceptable)|a (?:big )?(?:problem|no-go|disaster)|worse)|"
    r"could (?:hurt|kill|harm)|(?:can|could|would) (?:cost|get (?:us|someone))|hurt\w*|harm\w*)|"
    r"\bfalse positives? (?:are|is|would be) (?:\w+ )?(?:bad|dangerous|costly|unacceptable|expensive)|"
    r"\b(?:precision|accuracy|correctness) (?:really |absolutely |is )*(?:matters|critical|crucial|paramount|"
    r"everything|key|non-negotiable)(?!\s+(?:most|more|the most|first)\b)|"  # (not a rank: "matters most, then cost")
    r"\b(?:can'?t|cannot|can not) afford (?:wrong|bad|incorrect|irrelevant) (?:hits?|results?|answers?|matches)|"
    # s14-a: the stakes in plain words ("getting the right answer is really, really important", "if it pulls up the
    # wrong by-law a resident could end up fined", "the answers have to be right")
    r"\b(?:getting|get|finding|find|giving) the (?:right|correct) (?:answers?|documents?|results?|one)\b[^.;!?]{0,20}?"
    r"\b(?:is|are|'s)\s+(?:(?:really|very|extremely|super|absolutely|so),?\s+)*(?:important|critical|crucial|vital|"
    r"essential|everything)\b|"
    r"\b(?:pulls? up|returns?|finds?|gives?|shows?|picks?) the wrong\b[^.;!?]{0,60}?\b(?:could|can|might|would)\b"
    r"[^.;!?]{0,30}?\b(?:fined|sued|harmed|hurt|die|lose|cost|liable|in trouble)\b|"
    r"\b(?:answers?|results?) (?:have|has|need|needs) to be (?:right|correct|accurate|exact)\b|"
    # s15-b: rather no answer than a wrong one, in the languages of heldout48
    r"\b(?:rather|better|prefer) (?:have |get |give )?(?:no|an empty|nothing|zero) (?:answer|result|hit)s? "
    r"(?:at all )?than (?:a |an )?(?:wrong|bad|incorrect|false)|\bhellre (?:inget|inga|tomt) (?:svar|träffar|resultat) "
    r"än (?:ett |en )?(?:fel|felaktig)|\bliever geen (?:antwoord|resultaat|resultaten) dan (?:een )?(?:fout|verkeerd)|"
    r"\blieber (?:keine|gar keine) antwort als eine (?:falsche|fehlerhafte)|\bmeglio nessuna risposta che una "
    r"(?:sbagliata|errata)|\bmejor (?:ninguna|sin|no dar) respuesta que una (?:incorrecta|equivocada|err[óo]nea|mala)|"
    r"\blepiej (?:brak|żadnej|zadnej) odpowiedzi niż (?:zła|zla|błędna|bledna)|"
    r"\byanlış (?:cevap|yanıt) vermektense (?:hiç )?(?:cevap|yanıt) vermesin|"
    r"лучше (?:никакого ответа|без ответа|не ответить),? чем (?:неправильн|неверн|ошибочн)|"
    r"\blebih baik (?:tidak ada jawaban|tidak menjawab|gak jawab) (?:daripada|dari) (?:jawaban )?salah|"
    r"thà không (?:có câu )?trả lời (?:còn hơn|hơn là) (?:trả lời )?sai|"
    r"\bfehltreffer\w* (?:sind|wären|are|would be) (?:\w+ )?(?:gefährlich|teuer|fatal|inakzeptabel|schlimm)|"
    r"\bune (?:mauvaise|fausse) réponse (?:serait|peut être|est) (?:\w+ )?(?:grave|dangereuse|inacceptable)|"
    r"\buna respuesta (?:incorrecta|equivocada|errónea) (?:sería|puede ser|es) (?:\w+ )?(?:grave|peligrosa|"
    r"inaceptable)|\b(?:la )?precisi[óo]n es (?:clave|crítica|fundamental)|\bprecisione è (?:fondamentale|critica)|"
    r"错(?:一个|了)?(?:就|都)?(?:很|会)?(?:危险|严重|麻烦)|精度(?:非常|很|最)?(?:重要|关键)|"
    r"間違(?:った|い)?(?:結果|回答)?(?:は|が)?(?:致命的|許され|危険)|"
    # lead s17: an error said to be out of the question ("being wrong is not an option", "no room for error", "can't
    # afford the bot quoting the wrong regulation", "recall is critical", "has to be exactly the right one", "不能出错",
    # "誤りは許されません", "間違った条文を出したら大問題", "잘못된 결과가 나오면 큰일",
    # "darf sich keine Fehler erlauben", "não pode errar", "no puede equivocarse")
    r"\b(?:being |getting it |to be )?wrong (?:is|isn'?t) (?:not )?(?:an )?option\b|"
    r"\b(?:can'?t|cannot|can not) have (?:it|the (?:bot|tool|system|assistant|search)|them)? ?(?:returning|surfacing|"
    r"showing|pulling up|giving|citing|quoting|retrieving) (?:the |a |an )?wrong\b|"
    r"\bhigh precision (?:is (?:a must|required|essential|non-negotiable|critical)|matters)|\bneeds? high precision\b|"
    r"\bprecision over recall\b|\b(?:precision|accuracy)[- ]critical\b|\b100 ?% (?:accurate|correct|right|exact)\b|"
    r"\b(?:answers?|results?|hits?) (?:must|should always) be (?:right|correct|accurate|exact)\b|"
    r"准确(?:率|性|度)?(?:必须|要|要求)?(?:非常|很|极|特别)高|精准度(?:要求)?(?:非常|很|极)?高|不容有错|"
    r"正確(?:さ|性)?が(?:最も|一番|何より)?(?:重要|大事|求められ)|高い精度が(?:必要|求められ)|"
    r"\bmuss (?:absolut |100 ?% )?(?:korrekt|präzise|fehlerfrei) sein\b|"
    r"\b(?:tiene que|debe) ser (?:exact[oa]|precis[oa])\b|\b(?:tem que|deve) ser (?:exat[oa]|precis[oa])\b|"
    r"\bdoit être (?:exact|précis|fiable à 100)|"
    r"\b(?:must not|mustn'?t|can'?t|cannot|may not|får inte|kan inte|dürfen keine|darf keine|ne (?:doit|peut) pas|"
    r"no (?:podemos|debemos|puede)|não (?:pode|podemos)) (?:afford to )?(?:miss|missa|übersehen|manquer|perder|omitir) "
    r"(?:a|any|one|en|ett|ein\w*|keine\w*|un|une|uma?|ningun\w*|nenhum\w*) (?:single |relevant\w* |relevante\w* |"
    r"pertinente\w* |relevanta? )?\w+|\bno room for (?:error|mistakes?)|"
    r"\bzero tolerance for (?:errors?|mistakes?|wrong)|"
    r"\b(?:can'?t|cannot|can not) afford (?:to be wrong|to get it wrong|"
    r"(?:any )?(?:errors?|mistakes?)|(?:the |a |an |it |them |our |this )?(?:\w+ ){0,3}(?:quoting|citing|returning|"
    r"showing|surfacing|pulling up|giving) (?:the |a |an )?wrong)|"
    r"\b(?:recall|precision|accuracy) (?:is|are) (?:really |absolutely |super |very )?(?:critical|crucial|paramount|"
    r"essential|vital)\b|\b(?:has|have|needs?) to be exactly the right\b|\bmust be exactly the right\b|"
    r"\bmissing (?:a|one|any) (?:relevant |single )?\w+ (?:could|would|can|might) (?:cost|get|be)\b|"
    r"(?:不能|不可以|不允许|不容许|绝不能)(?:有)?(?:任何)?(?:出错|错误|出差错|有错)|错一(?:条|个|次)都不行|零容错|"
    r"准确(?:性|率)?(?:的)?要求(?:非常|很|极|特别)高|"
    r"(?:誤り|間違い|ミス|エラー|(?:誤った|間違った)(?:回答|結果|答え|情報))(?:は|が)?(?:一切)?許され(?:ない|ません)|間違(?:った|えた)?[^。]{0,12}(?:大問題|問題になり|"
    r"命に関わ)|"
    r"(?:잘못된|틀린) (?:결과|답변|답|문서)(?:이|가)? (?:나오면|나오는 (?:건|것은)|뜨면) (?:큰일|절대 안|안 됩|안됩)|"
    r"틀리면 (?:큰일|안 됩|안됩)|"
    r"\b(?:darf|dürfen) (?:sich )?(?:keine|no|nicht) (?:fehler|irren)|\bfehler (?:darf|dürfen) sich\b|"
    r"\b(?:não (?:pode|podemos|dá para) (?:errar|ter erros?))|\bno (?:puede|podemos|se puede) (?:equivocarse|fallar|"
    r"permitir(?:nos)? errores)|(?:\bne (?:peut|doit|doivent) pas|\bcan'?t|\bcannot) se tromper\b|"
    r"\bnon (?:può|possiamo) sbagliare\b")
_PRECISION_LOOSE = re.compile(r"\b(?:a few|some) (?:wrong|bad|irrelevant) (?:hits?|results?|answers?) (?:are|is) "
                              r"(?:fine|ok|okay|acceptable|no big deal)|\bprecision (?:is not|isn'?t|doesn'?t) "
                              r"(?:critical|crucial|that important|matter)")


# lead s17: an error and its stakes in one sentence, in the languages of the lexicon ("salah ambil dokumen bisa
# fatal", "أي خطأ في استرجاع المعلومة قد يضر بالمريض", "Sai một chút là nguy hiểm", "Yanlış karar getirirse ciddi sorun
# olur", "गलत क्लॉज़ आया तो बहुत नुकसान होगा", "if the system miss something e fit kill person", "ดึงผิดไม่ได้เลย"; not
# a question, not a past system's errors: "the old search was wrong half the time")
_ERROR = re.compile(r"\b(?:wrong|mistakes?|errors?|miss(?:es|ed)?|salah|keliru|fel(?:aktig\w*)?|missa|sai|nhầm|"
                    r"błęd\w*|błąd|pomyłk\w*|yanlış|hata\w*|falsch\w*|fehler\w*|erreurs?|equivoca\w*|erro(?:s|res)?|"
                    r"errad\w*|sbagli\w*|errori?|неправильн\w*|ошибк\w*)\b|خطأ|أخطاء|गलत|गलती|ผิด|พลาด|错|誤|間違|잘못|틀리")
_STAKES = re.compile(r"\b(?:fatal|dangerous|danger|harm\w*|hurt\w*|kill|lawsuits?|liable|liability|disastrous|"
                     r"(?:compliance|legal|patient|safety|regulatory) risk|"
                     r"bahaya|berbahaya|merugikan|farlig\w*|allvarlig\w*|nguy hiểm|nghiêm trọng|niebezpieczn\w*|"
                     r"tehlikeli|ciddi sorun|kabul etmiyoruz|gefährlich|dangereu\w*|peligros\w*|perigos\w*|"
                     r"pericolos\w*|"
                     r"опасн\w*)\b|يضر|خطير|خطيرة|كارثي|नुकसान|खतरनाक|อันตราย|ไม่ได้เลย|危险|致命|危険|위험|치명")
_PAST_SYSTEM = re.compile(r"\b(?:was|were|used to|old|current|today'?s|tried|our existing)\b")


def _error_with_stakes(text: str) -> bool:
    for sentence in re.split(r"(?<=[.!?。！？])\s+|\n", text):
        if "?" in sentence or "？" in sentence or _PAST_SYSTEM.search(sentence):
            continue
        if _MISTAKE_HARMS.search(sentence) or any(_STAKES.search(sentence, error.end(), error.end() + 60)
                                                  for error in _ERROR.finditer(sentence)):
            return True
    return False


# s17-b (dev19b): a wrong or missed retrieval said to do harm, in one clause, in the languages the gloss leaves
# ("salah ambil dokumen bisa fatal", "أي خطأ في استرجاع المعلومة قد يضر بالمريض", "if the system miss something e fit
# kill person", "Sai một chút là nguy hiểm", "Yanlış karar getirirse ciddi sorun olur", "गलत क्लॉज़ आया तो बहुत नुकसान
# होगा", "hata kabul etmiyoruz", "ดึงผิดไม่ได้เลย"), a relevant passage that must not be missed ("Vi får inte missa en
# relevant klausul") and accuracy said to be absolute ("cần chính xác tuyệt đối", "ต้องแม่นยำมาก")
_MISTAKE = (r"(?:\bsalah\b|\bkeliru\b|خطأ|خاطئ|غلط|\bfel(?:aktig\w*)?\b|\bmiss(?:es|ed)?\b|\bwrong\b|\bsai\b|"
            r"\bbłęd\w*|\bpomył\w*|\byanlış\w*|\bhata\w*|गलत|\bgalat\b)")
_HARM = (r"(?:\bfatal|\bbahaya|\bberbahaya|\bmembahayakan|يضر|خطير|ضرر|كارث|\bkill|\bdie\b|\bdangerous|"
         r"nguy hiểm|nghiêm trọng|niebezpieczn\w*|\bpoważn\w*|\bciddi\b|\btehlike\w*|\bkabul etm\w*|नुकसान|"
         r"खतरनाक|\bnuksaan\b|\ballvarlig\w*|\bfarlig\w*|\bkonsekvens\w*)")
_MISTAKE_HARMS = re.compile(_MISTAKE + r"[^.;!?।]{0,40}?" + _HARM + r"|ผิด(?:พลาด)?ไม่ได้|"
                            r"\b(?:får (?:vi )?inte|must not|can'?t afford to|tidak boleh|gak boleh|không được|"
                            r"nie możemy|nie może\w*) (?:\w+ )?(?:missa|miss|terlewat|bỏ sót|pomin\w+)\b|"
                            # (Thai SARA AM is two characters in NFKC text)
                            r"chính xác tuyệt đối|ต้องแม่นย(?:\u0e33|\u0e4d\u0e32)")


def _precision(text: str, updates: dict[str, Any]) -> None:
    if _PRECISION_LOOSE.search(text):
        updates["precision_critical"] = False
    elif _PRECISION_CRITICAL.search(text) or _error_with_stakes(text):
        updates["precision_critical"] = True


def _self_correction(text: str, updates: dict[str, Any]) -> None:
    """The later statement wins: a statement taken back right after it is made is replaced, or unset if none follows."""
    cues = list(_TAKEN_BACK.finditer(text))
    if not cues:
        return
    head, tail = text[:cues[-1].start()], text[cues[-1].end():]
    last = [c for c in re.split(r"[,;.!?。，、\n…]", head) if c.strip()]
    taken: dict[str, Any] = {}
    said: dict[str, Any] = {}
    if last:
        _privacy(last[-1], taken)
        _licence(last[-1], taken)
    _privacy(tail, said)
    _licence(tail, said)
    for name in _WORDED:
        if name in said:
            updates[name] = said[name]
        elif name in taken and not re.search(r"\d", tail):  # "..., no wait, 800 a month" takes back a figure
            updates.pop(name, None)


# What holds this time, after what held before ("built the last 2 systems on-prem back in 2021, but this time an API
# is fine", "früher alles on-prem, diesmal darf es eine API sein", "上次是本地部署，这次用API就行"): the earlier
# project's hosting is context (lead s13)
_THIS_TIME = re.compile(r"\b(?:this time|for this (?:one|project|use case|time)|diesmal|dieses mal|cette fois(?:-ci)?|"
                        r"esta vez|questa volta|desta vez|dessa vez|deze keer|tym razem|на этот раз|в этот раз|"
                        r"цього разу|bu sefer|bu kez|lần này|kali ini|is baar)\b|这次|這次|今回は?|이번에는|이번엔")


def _this_time(text: str, asked: str | None, updates: dict[str, Any]) -> None:
    """The data rule and hosting said after "this time" win over those said of an earlier project before it."""
    cues = list(_THIS_TIME.finditer(text))
    if not cues:
        return
    head, tail = text[:cues[-1].start()], text[cues[-1].end():]
    said: dict[str, Any] = {}
    _privacy(tail, said)
    read_policy(tail, None, said)
    if not said.keys() & {"data_must_stay_on_prem", "deployment"}:
        return
    taken: dict[str, Any] = {}
    _privacy(head, taken)
    read_policy(head, asked, taken)
    _bare_answers(head, asked, taken)
    for name in ("data_must_stay_on_prem", "deployment"):
        if name in said:
            updates[name] = said[name]
        elif name in taken:
            updates.pop(name, None)


# s8-f: not decided yet, in every language of the lexicon (after the gloss, "pas encore" reads "not encore")
_UNDECIDED = re.compile(r"\bnot (?:yet |encore |noch |todavía |ainda |ancora )?decided\b|\bundecided\b|"
                        r"\bhaven'?t decided\b|\bnot d[ée]cid[ée]|\bh[ée]sit\w*|\bnoch nicht (?:entschieden|klar|"
                        r"festgelegt)|\bnot (?:entschieden|festgelegt)|\bno (?:lo )?hemos decidido\b|"
                        r"\bno est[áa] decidido\b|\bnon (?:abbiamo )?(?:ancora )?deciso\b|\bnão (?:decidimos|está "
                        r"decidido)|\bainda não (?:decidimos|sabemos)|\bnog niet (?:besloten|beslist)|\bjeszcze nie "
                        r"(?:zdecydowal\w*|wiemy)|\binte bestämt\b|\bhenüz karar\w*|\bkarar vermedik\b|"
                        r"(?<![а-яіїє])(?:пока не (?:решили|знаю|знаем|определились)|ещё не решили|еще не решили|"
                        r"решаем|ще не (?:вирішили|знаємо|визначились)|вирішуємо)(?![а-яіїє])|"
                        r"未定|还没定|还没决定|還沒決定|決まっていません|決めていません|미정|아직\s*(?:결정|정하)|"
                        r"\babhi (?:decide|tay) nahi")
_BUT = re.compile(r"\bbut\b|\baber\b|\bmais\b|\bpero\b|\bma\b|\bmas\b|\bmaar\b|\bmen\b|\bama\b|\blekin\b|"
                  r"(?<![а-яіїє])(?:но|але)(?![а-яіїє])|但|けど|지만")


# A region the data must stay in, as a short answer to the residency question
_REGION_ONLY = re.compile(r"^\W*(?:(?:only|nur|seulement|solo|sólo|apenas|alleen|tylko)\s+)?(?:in\s+(?:the\s+)?)?"
                          r"(?:eu|europe|the eu|eea|europa|germany|deutschland|france|us|usa|uk|china|japan|korea|"
                          r"india|brazil|brasil|canada|australia)\s*(?:only|nur|seulement|solo|sólo|apenas|alleen|"
                          r"tylko)?\W*$|^\W*(?:仅限|只能在|只在)?(?:国内|境内|欧盟)(?:内)?(?:only)?\W*$|"
                          r"^\W*(?:国内|EU域内|日本国内)のみ\W*$|^\W*(?:국내|EU)\s*(?:만|only)\W*$")


# s8-f: "in our own VPC", "only on our servers", "private cloud in our tenant": where the data lives, to the residency
# question
_OUR_PLACE = re.compile(r"^\W*(?:(?:only|just|strictly|everything|all)\s+)?(?:(?:in|inside|within|on)\s+)our (?:own )?"
                        r"(?:vpc|private cloud|tenant|data ?cent(?:er|re)s?|servers?|premises|infrastructure|network)\b"
                        r"(?:\s+only)?\W*$")
# A permission rather than a choice: "可以用云上的API", "we can use an API", "APIs are fine"
_PERMITTED = re.compile(r"可以|也行|没问题|\bcan\b|\bmay\b|\bfine\b|\bok(?:ay)?\b|\ballowed\b|大丈夫|構いません|괜찮|"
                        r"\bpodemos\b|\bpossiamo\b|\bpouvons\b|\bdürfen\b|\bkönnen\b")
# The documents are public: nothing to keep in ("it's all public docs", "public anyway", "公开的")
_PUBLIC = re.compile(r"(?:\bpublic(?:ly available)?\b|\bpublished\b|\bopen data\b|öffentlich\w*|"
                     r"\bpublique?s?\b|\bpublics\b|"
                     r"\bp[úu]blic[oa]s?\b|\bpublicznie\b|\bпублічн\w*|\bпубличн\w*|\bcông khai\b|\bpublik\b|"
                     r"\bpubblic\w*|\bopenba(?:a)?r\w*|"
                     r"\bpubliczn\w*|\boffentlig\w*|kamuya açık|общедоступн\w*|公开|公開|"
                     r"공개)"
                     r"(?!\s*(?:sector|administration|body|bodies|authorit\w*|clouds?|nube|nuvem|云|クラウド|클라우드|"
                     r"sektor|secteur|sector))")

_NOT_PUBLIC = re.compile(r"(?:\b(?:not|non|nicht|no|não|nie|inte|niet|никак|не)|n't|\bcannot)[\s\-]+(?:\w+\s+)?"
                         r"(?:publi|öffentl|pubbl|openb)|"
                         r"不公开|非公开|未公开|非公開|未公開|비공개|"
                         # sensitive data, unless said to be absent ("nothing sensitive", "kuch sensitive nahi hai")
                         r"(?<!nothing )(?<!nothing really )(?<!not )(?<!no )(?<!isn't )(?<!aren't )(?<!kuch )(?<!koi )"
                         r"(?:\bconfidential|\bsensitive|\bprivate\b|\binternal\b)"
                         r"(?!\s*(?:data |info )?(?:nahi|nahin|nhi)\b)")
# An API allowed, to the residency question ("API 써도 돼요", "APIでも大丈夫です", "可以用 API", "an API is fine")
_API_PERMITTED = re.compile(r"(?<![a-z])apis?(?![a-z])[^.;!?。]{0,12}?(?:써도|사용해도|괜찮|使っても|"
                            r"でも(?:大丈夫|いい|ok)|\bis fine\b|\bare fine\b|\bis ok(?:ay)?\b|\bare ok(?:ay)?\b)|"
                            r"(?:可以|能)(?:用|调用)\s*api|"
                            # s8-f: "API kullanmakta sakınca yok", "API ist kein Problem", "没问题"
                            r"(?<![a-z])apis?(?![a-z])[^.;!?。]{0,25}?(?:sakınca(?:sı)? (?:yok|olmaz)|"
                            r"sorun (?:yok|olmaz|değil)|problem (?:yok|değil)|kein problem|no problem|"
                            r"pas de (?:problème|souci)|no hay problema|sem problema|nessun problema|geen probleem|"
                            r"inga problem|bez problemu|не проблема|без проблем|koi problem nahi|没问题|问题不大)")
# Nothing sensitive in the documents: nothing to keep in ("nothing sensitive in there", glossed "niente di sensibile",
# "ничего секретного", "لا شيء حساس", "không có gì nhạy cảm", "tidak ada yang sensitif", "kuch sensitive nahi hai")
_NOTHING_SENSITIVE = re.compile(r"\bnothing (?:really |too |particularly )?(?:sensitive|confidential|secret|private)\b|"
                                r"\bno (?:sensitive|confidential|personal|private) (?:data|info\w*|documents?)\b|"
                                r"\b(?:not|isn't|aren't) (?:really |particularly )?(?:sensitive|confidential|secret)\b|"
                                r"\b(?:kuch|koi) (?:bhi )?(?:sensitive|confidential|secret|private)"
                                r"(?: data| info| cheez)? "
                                r"(?:nahi|nahin|nhi)\b|لا شيء (?:حساس|سري)|\bkhông có gì (?:nhạy cảm|bí mật)|"
                                r"\btidak ada (?:yang|data) (?:sensitif|rahasia)\b")


# Indifference said first ("either way really, ...", "Tanto faz, API ou rodar local"): the options that follow are both
_EITHER_FIRST = re.compile(rf"^\W*(?:{P.NO_PREFERENCE.pattern})(?=[^\w]*\w)")  # options follow (a bare "随便" skips)


# "we'd like to avoid running our own servers", "rather not host it ourselves": the own side turned down
_AVOIDED_BEFORE = re.compile(r"\b(?:avoid|rather not|don'?t want to|do not want to|no more|instead of)\b"
                             r"[^,.;!?]{0,30}$")


def _bare_answers(text: str, asked: str | None, updates: dict[str, Any]) -> None:
    """Short answers that only mean something after a question: "yes", "API", "none"."""
    if asked is None or asked in updates or P.SKIP.search(text):
        return
    answer = text.strip()
    retracted = list(_TAKEN_BACK.finditer(answer))
    if retracted and asked in _WORDED:  # "self-hosted, no wait, an API is fine": the answer after the retraction
        answer = answer[retracted[-1].end():].strip()
    if re.search(r"\d", answer) and (P.CORRECTION.search(answer) or re.match(r"^no,? wait", answer)):
        return  # "no wait, 600 is wrong": not an answer to a yes/no question
    if asked in _WORDED and _UNDECIDED.search(answer):
        return  # "Pas encore décidé, on hésite entre les deux": no side chosen yet
    if asked == "latency_p95_ms" and P.NO.match(answer) and not P.TIME_FIGURE.search(answer) and \
            not _BUT.search(answer):
        updates[asked] = None  # "Nein, eigentlich nicht", "nahi, koi target nahi hai": no latency target
        return
    if asked == "deployment":
        after = _PREFERRED_AFTER.search(answer)
        if after:  # "比起自己部署，更想用API", "自前でホストするよりAPIがいい"
            answer = answer[after.end():]
        elif _COMPARING.search(answer):  # "we'd much rather call an API than host a model ourselves"
            answer = _PREFERRED_SIDE.split(answer)[0]
        rule_spans = [m.span() for m in P.ON_PREM.finditer(answer)]
        hosted = list(_HOSTED_WORD.finditer(answer))
        if any(not P.NEGATION_AFTER.match(answer[m.end():]) and not P.NEGATION_BEFORE.search(answer[:m.start()])
               and not _AVOIDED_BEFORE.search(answer[max(0, m.start() - 40):m.start()])
               and not (m.group() == "own" and any(s <= m.start() <= e + 1 for s, e in rule_spans))  # "stay within
               # our own tenant": where the data stays, not who runs the model
               and not _VERB_LAST_NEGATION.match(answer[m.end():]) and not _weighed(answer, m)
               for m in _SELF.finditer(answer)):  # not "khud GPU manage nahi karna" (not run it ourselves)
            updates["deployment"] = "self_hosted"
        elif updates.get("data_must_stay_on_prem") is False and _PERMITTED.search(answer) and not any(
                P.NEGATION_AFTER.match(answer[m.end():]) for m in _SELF.finditer(answer)):
            pass  # "可以用云上的API": the data may leave; who runs the model is not chosen (unless hosting it
            # ourselves is turned down: "APIで構いません。自社で運用するつもりはありません")
        elif any(not P.NEGATION_BEFORE.search(answer[:m.start()]) and not P.REFUSED_AFTER.match(answer, m.end())
                 and not _weighed(answer, m) for m in hosted):
            updates["deployment"] = "api"  # not "никаких внешних API" (no external APIs)
        elif any(P.REFUSED_AFTER.match(answer, m.end()) for m in hosted):
            updates["deployment"] = "self_hosted"  # "외부 API 호출 자체가 불가능해요", "external APIs are not allowed":
            # asked who runs the model, the hosted side refused leaves our own
        elif P.EITHER.search(answer):
            updates["deployment"] = "any"
    elif asked == "data_must_stay_on_prem" and (_REGION_ONLY.match(answer) or _OUR_PLACE.match(answer)):
        updates[asked] = True  # "EU only", "Nur EU", "仅限国内": the data stays in a region
    elif asked == "license" and not P.YES.match(answer) and (free := P.NO_REQUIREMENT.search(answer)) and \
            not P.NEGATION_BEFORE.search(answer[:free.start()]):
        updates[asked] = "any"  # "det spelar ingen roll", "doesn't matter", "无所谓": no licence requirement
    elif asked in ("data_must_stay_on_prem", "license"):
        yes, no = P.YES.match(answer), P.NO.match(answer)
        if no and asked == "data_must_stay_on_prem" and _NO_CLOUD_OPENER.match(answer):
            return  # "no cloud, we have 2 A100s here": the cloud refused, not a "no" to the rule
        if yes or no:  # the question was "must the data stay on your servers?" / "is it for commercial use?"
            value = bool(yes) if asked == "data_must_stay_on_prem" else ("commercial" if yes else "any")
            updates[asked] = value
        elif asked == "data_must_stay_on_prem" and (
                R.NO_LIMIT.search(answer) or re.match(r"^\W*(?:特に\s*)?no limits?\W*$", answer) or
                _PUBLIC.search(answer) or _NOTHING_SENSITIVE.search(answer) or
                (_API_PERMITTED.search(answer) and not R.REFUSED.search(answer))) and \
                not _NOT_PUBLIC.search(answer) and not P.ON_PREM.search(answer) and not R.region_rule(answer):
            updates[asked] = False  # "the help articles are public anyway so no restrictions there"
    elif asked == "queries_per_month" and re.match(r"^(?:zero|none|nothing|no (?:queries|traffic)|0)\b", answer) and \
            not re.search(r"\d", answer):
        updates["queries_per_month"] = 0  # "zero for now, it's a batch pipeline"
    elif asked == "hardware" and re.match(r"^(?:none|nothing|no|nope|没有|无)(?![a-z])", answer) and not re.search(
            r"\byet\b|\brent|\bsuggest|\brecommend|租|还没", answer):
        updates["hardware"] = {"accelerator": "none"}


def _of_another_field(text: str, rx: re.Pattern[str]) -> bool:
    """Every "no limit" / "don't care" of ``rx`` has another field named beside it.

    "latency? we don't care much" to the budget question is about latency, not the budget (lead s15).
    """
    found = list(rx.finditer(text))
    return bool(found) and all(any(words.search(text[max(0, m.start() - 30):m.end() + 40]) for f, words in
                                   P.FIELD_RES.items() if f != "budget_usd_month") for m in found)
