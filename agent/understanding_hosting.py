"""Who runs the model, said as a labelled line of a pasted requirement list or as both sides left open.

Long openings paste their requirements ("| Déploiement | On-premise obligatoire |",
"提供形態：SaaS形式を希望（オンプレミス不可）", "구축 형태: 온프레미스 (클라우드 불가)",
"Hosting: either, open to hosted or self-run") or name both sides with no preference
("クラウドでもオンプレでもどちらでも構いません", "Nos da lo mismo si es API o si lo hosteamos nosotros",
"Pode ser API gerida ou alojado por nós, tanto faz"). The reading is by parts, the same in every language: a side
is a word of the API side (an API, SaaS, the cloud, a managed service) or of the user's own side (on-prem,
self-hosted, local, our servers); a side refused next to its word ("オンプレミス不可", "클라우드 불가",
"keine Cloud", "no SaaS") is not offered. A labelled line with one side offered chooses it; two sides offered with
a word of indifference (or on a hosting line, both sides and "or") leave the choice open: ``any`` (lead s16, issue
17; dev18a and heldout49).
"""

from __future__ import annotations

import re

from agent import understanding_patterns as P

# The label of a line about hosting, before ":", "：", "|" or "="
_HOSTING_LABEL = re.compile(
    r"^[\s\-*•·・>|#\d.)）、【]*(?:(?:top|art(?:icle|ikel|ículo|igo)?\.?|item|punkt|point|lot|§)\s*[\d.]*\s*"
    r"[–\-:]?\s*)?(?P<label>deployment|deploy(?:ment)? model|hosting(?: model)?|infra(?:structure)?|"
    r"operations?|betrieb|bereitstellung|hosting-?modell|déploiement|hébergement|despliegue|alojamiento|"
    r"implantação|implementação|hospedagem|implantazione|distribuzione|部署|部署方式|部署方案|部署要求|"
    r"提供形態|運用|運用形態|導入形態|ホスティング|구축\s*형태|배포|배포\s*방식|운영\s*방식|호스팅)\s*"
    r"(?:[:：=】]|\s?\|\s?)\s*(?P<value>\S[^\n]*)$", re.M)
# The API side: a hosted API, SaaS, the cloud, a managed service
_API_SIDE = re.compile(r"(?<![a-z])apis?(?![a-z])|(?<![a-z])saas(?![a-z])|\bcloud\b(?! act)|\bhosted\b|\bmanaged\b|"
                       r"\bgemanagt\w*|"
                       r"\bmanagée?s?\b|\bgestionad[ao]s?\b|\badministrad[ao]s?\b|\bgerid[ao]s?\b|\bgerenciad[ao]s?\b|"
                       r"\bgestit[ao]\b|\bnube\b|\bnuvem\b|クラウド|클라우드|云服务|云端|公有云|托管|マネージド")
# The user's own side: on-prem, self-hosted, local, our own servers
_OWN_SIDE = re.compile(r"\bon[\s\-]?prem\w*|\bself[\s\-]?(?:host\w*|run|managed)\b|\blocal(?:ly)?\b|"
                       r"\bin[\s\-]house\b|\bour own\b|\bour (?:servers?|hardware|infra\w*|cluster|gpus?|kit|dc)\b|"
                       r"\bintern\b|\binterno\b|\binternamente\b|\ben interne\b|\bselbst betrieben\b|"
                       r"\beigene[mn]? (?:rz|rechenzentrum|servern?)\b|\bnos serveurs\b|\ben local\b|\bpor nós\b|"
                       r"\bchez nous\b|\bbei uns\b|\b(?:en|in|em) casa\b|"
                       r"\bnosotros\b|\blocalmente\b|本地|自建|私有化|自前|服务器|機房|机房|内网|社内サーバ|"
                       r"オンプレ\w*|온프레미스|자체|내부 서버|사내 서버")
# A side refused next to its word, either order ("オンプレミス不可", "keine Cloud", "no SaaS", "sans cloud")
_REFUSED_AFTER = re.compile(r"^\W{0,3}(?:不可|불가|禁止|ng\b|不行|不能|x\b|not allowed|nicht erlaubt|interdit|"
                            r"prohibid|proibid|vietat|利用不可|사용 불가)")
_REFUSED_BEFORE = re.compile(r"(?:\bno|\bnot|\bkeine?|\bkein|\bsans|\bsin|\bsem|\bsenza|\bnever|\bnada de|\bnull|"
                             r"\bwithout)\s+(?:\w+\s+)?$")


def _offered(value: str, side: re.Pattern[str]) -> bool:
    """True when ``value`` names the side and not only to refuse it."""
    return any(not _REFUSED_AFTER.search(value[m.end():m.end() + 14]) and
               not _REFUSED_BEFORE.search(value[max(0, m.start() - 14):m.start()]) for m in side.finditer(value))


def labelled(text: str) -> str | None:
    """The side a hosting line of a pasted list chooses ("| Hosting | API administrada |": api), or None."""
    for m in _HOSTING_LABEL.finditer(text):
        value = re.split(r"[;；]", m.group("value"))[0]  # the line's first statement ("SecNumCloud exigé ; ...")
        api, own = _offered(value, _API_SIDE), _offered(value, _OWN_SIDE)
        if api and own:
            either = P.NO_PREFERENCE.search(value) or re.search(r"\bor\b|\boder\b|\bou\b|\bo\b|或|か|또는", value)
            return "any" if either else None
        if own:
            return "self_hosted"
        if api and (not _ALLOWED.search(value) or _refused(value, _OWN_SIDE)):
            return "api"  # "SaaS可、オンプレ不可" chooses it; "公有云API也可以" only allows it
    return None


# An API allowed rather than chosen ("公有云API也可以", "API is fine too", "API möglich")
_ALLOWED = re.compile(r"也可以|也行|(?<![不非])可(?!能)|\b(?:ok|okay|fine|allowed|acceptable|possible|möglich|erlaubt|"
                      r"permis|autorisé|permitid[oa]|posible|possível|permitid[oa]|consentit[oa])\b|괜찮|가능|"
                      r"大丈夫|問題(?:ない|なし)")


def _refused(value: str, side: re.Pattern[str]) -> bool:
    return any(_REFUSED_AFTER.search(value[m.end():m.end() + 14]) or
               _REFUSED_BEFORE.search(value[max(0, m.start() - 14):m.start()]) for m in side.finditer(value))


# Both sides in one sentence with a word that leaves the choice open ("either is fine", "tanto faz", "どちらでも")
def either_way(text: str) -> bool:
    """True when a statement names both hosting sides and leaves the choice open."""
    for sentence in re.findall(r"[^.!?。！？;\n]+[.!?。！？;\n]*", text):
        if re.search(r"[?？]", sentence) or not P.NO_PREFERENCE.search(sentence):
            continue
        if _offered(sentence, _API_SIDE) and _offered(sentence, _OWN_SIDE):
            return True
    return False
