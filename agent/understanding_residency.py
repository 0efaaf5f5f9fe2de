"""Data residency said indirectly: data already going to a hosted API, and settings that imply on-premises.

Two classes of statement the explicit rules of ``agent.understanding_patterns.ON_PREM`` / ``API_OK`` miss, read on the
glossed, lower-case text in every language the interview supports:

- **the data may leave**: a hosted service named (OpenAI, Azure OpenAI, Cohere, "external API", "クラウドのAPI")
  together with an existing use of it ("we already send everything to Azure OpenAI", "on utilise déjà l'API
  d'OpenAI", "usiamo già le API di OpenAI"), a "fine / no problem" ("クラウドのAPIに送っても問題ありません",
  "외부 API로 보내도 괜찮아요") or "no restrictions" ("sem restrição", "没有限制"); a negated permission ("not allowed",
  "禁止") says nothing here.
- **the setting keeps the data in**: a hospital, bank or company network, an intranet, an isolated or air-gapped
  network, classified material ("clinical notes on the hospital network", "Arztbriefe aus dem Kliniknetz",
  "医院内网里的电子病历", "documents classifiés défense"). Weaker than a stated rule: a message that also says the data
  may leave ("clinical notes, but we're fine using Azure OpenAI") is read as may leave.
"""

from __future__ import annotations

import re

# A hosted service: a provider by name, or an API qualified as external / cloud / third-party (a bare "API" may be
# the user's own: "our REST API", "an internal API").
SERVICE = re.compile(r"azure[\s\-]?openai|(?<![a-z])(?:openai|cohere|voyage(?:\s*ai)?|gemini|bedrock|vertex\s*ai|"
                     r"anthropic|mistral)(?![a-z])|阿里云|通义|文心|百度智能云|腾讯云|火山引擎|云端(?:的)?(?:接口|模型|服务)|"
                     r"(?:cloud|external|hosted|third[\s\-]party|public|extern\w*|"
                     r"estern\w*|外部の?|クラウドの?|외부|云|云端|第三方)\s*(?:的\s*)?apis?(?![a-z])|"
                     r"(?<![a-z])apis?\s+(?:extern\w*|estern\w*|cloud|p[úu]blic\w*|pubblic\w*|hosted)(?![a-z])")
ALREADY = re.compile(r"本来就|一直(?:在)?|\balready\b|"
                     r"\bd[ée]j[àa]\b|\bschon\b|\bbereits\b|\bya\b|\bgià\b|\bjá\b|已经|既に|すでに|이미")
USE = re.compile(r"\bpip(?:e|es|ing)\b|\brout(?:e|es|ing)\b|\bpush\w*|\bfeed\w*|\bprocess\w*|\benvo\w*|"
                 r"\bus(?:e|es|ing|amos|iamo|ons)\b|\butilis\w*|\butiliz\w*|\bnutzen\b|\bverwenden\b|\bsend\w*|"
                 r"\bmand\w*|\benvi\w*|\bschick\w*|\binvi\w*|\bcall(?:ing)?\b|发到|发给|传到|上传|在用|使って|送っ|送る|"
                 r"送信|보내|전송|사용")
OK = re.compile(r"\bno problem\b|\bpas de probl[èe]me\b|\bkein problem\b|\bno hay problema\b|\bnessun problema\b|"
                r"\bsem problema\b|問題(?:あり|は|が)?(?:ません|ない|なし)|没问题|可以|괜찮|\bfine\b|"
                r"(?<![a-z])ok(?:ay)?(?![a-z])|"
                r"\ballowed\b|\berlaubt\b|\bautoris[ée]e?s?\b|\bpermitid[oa]s?\b|\bconsentit[oa]\b|大丈夫|構いません|"
                r"상관\s*없|\bapproved\b|\bsigned off\b|\bcleared\b|\bfreigegeben\b|\bvalid[ée]e?s?\b|"
                r"\baprobad[oa]s?\b|\bapprovat[oa]\b|\baprovad[oa]s?\b|承認|승인|批准|\baucun probl[èe]me\b|"
                r"\bne pose pas de probl[èe]me\b|\btranquil+amente\b|\bsem problemas?\b|\bsans souci\b|"
                r"\bohne weiteres\b|"
                # "may use an external API": permission to use the service, in the languages the gloss leaves as written
                r"\bcan use\b|\bpode(?:mos|m)? usar\b|\bpuede(?:n)? usar\b|\bpodemos usar\b|\bpossiamo usare\b|"
                r"\bpu[òo] usare\b|\bpouvons utiliser\b|\bon peut utiliser\b|\bdürfen\b.{0,20}\bnutzen\b|"
                r"使って(?:も)?いい|사용해도|써도")
NO_LIMIT = re.compile(r"\bno (?:restrictions?|constraints?|rules?|requirements?)\b|\bnot? de contraintes?\b|"
                      r"\bpas de contraintes?\b|\bkeine (?:einschränkung\w*|vorgaben|beschränkung\w*|auflagen)\b|"
                      r"\bno (?:hay )?restricci\w+|\bsin restricci\w+|\bnessun vincolo\b|\bnessuna restrizione\b|"
                      r"\bsem restri\w+|没有限制|无限制|制限(?:は)?(?:なし|ありません|ない)|제한(?:이|은)?\s*없|"
                      r"(?:privacy|datenschutz|data protection|compliance|security) (?:is no|is not an?|isn't an?|"
                      r"not an?|no) (?:problem|issue|concern|blocker)s?\b")
REFUSED = re.compile(r"\bnot (?:ok|okay|fine|allowed|an option)|n't (?:ok|okay|fine|allowed|send|use)|\bnever\b|"
                     r"\b(?:can(?:no|')?t|cannot|must not|may not)\b|不能|不可以|不允许|禁止|できません|だめ|ダメ|"
                     r"안\s*(?:돼|됩니다)|불가|금지|nicht erlaubt|interdit|prohibido|vietato|proibido|"
                     r"\bnot (?:use|send)")
# "we can't send anything to OpenAI", "wir dürfen keine Daten an OpenAI schicken": a refused transfer
REFUSED_SEND = re.compile(r"(?:\b(?:no|not|keine?n?|nicht|never|nunca|jamais|mai|nada)\b|n't|\bcannot\b|"
                          r"不能|不可以|禁止|送れ(?:ない|ません)|出せ(?:ない|ません))[^,.;。]{0,30}?(?:\bsend|\bschick|\bsende|\bübermittel|"
                          r"\benvoy|\benvi|\bmand|\binvi|\bupload|\bhochlad|发|传|送|보내|전송)|"
                          r"(?:\bsend|\bschick\w*|\benvoy\w*|\benvi\w*|\bmand\w*|\binvi\w*|发到|传到|送|보내)[^,.;。]{0,30}?"
                          r"(?:\b(?:not|nicht|pas|no)\b|できません|ません|안\s*돼|금지|不行|不可以)")
SETTING = re.compile(
    r"\b(?:red|rede|rete|r[ée]seau|netz(?:werk)?)\s+(?:\w+\s+){0,2}(?:hospital|h[ôo]pital|ospedale|krankenhaus\w*|"
    r"klinik\w*|cl[íi]nica|clinique|banco|banca|banque|bank|empresa|azienda|entreprise)\b|"
    r"\b(?:hospital|clinic|bank'?s?|company'?s?|corporate|internal|private|isolated|closed|secure|classified|"
    r"government)\s+(?:\w+\s+)?(?:network|intranet|lan)\b|\bintranet\b|\bair[\s\-]?gapped\b|"
    r"\bclassified\s+(?:material|documents?|data|information|files|systems?)\b|"
    r"\b(?:it'?s|is|are)\s+classified\b(?!\s+(?:by|into|as|according))|\btop secret\b|"
    r"\bclassifi[ée]e?s?\s+(?:d[ée]fense|secret)|\bsecret d[ée]fense\b|\br[ée]seau (?:isol[ée]|interne|ferm[ée])|"
    r"\bkliniknetz\w*|\bkrankenhausnetz\w*|\bfirmennetz\w*|\binterne[sn]? netz\w*|\bverschlusssache\b|"
    r"\bred (?:interna|aislada|cerrada)\b|\brede (?:interna|isolada|fechada)\b|\brete (?:interna|isolata|chiusa)\b|"
    r"\b(?:documentos|documenti) (?:clasificados|classificati|sigilosos)\b|"
    r"内网|内部网络|局域网|涉密|院内|社内ネットワーク|社内ネット|閉域網?|사내망|내부망|폐쇄망")


# "データは外部に出しても大丈夫", "데이터 외부 전송은 괜찮아요", "数据可以上云": the data going outside, said to be fine
OUTSIDE = re.compile(r"クラウドでも|クラウドに(?:出して|送って)も|외부에\s*(?:보내|저장)|外部に出して|社外に出して|"
                     r"외부\s*(?:전송|반출)|외부로\s*(?:보내|나가)|上云|发到外部|传到外部|"
                     r"\b(?:data|it) (?:can|may) (?:leave|go out)|\bdonn[ée]es peuvent sortir|\bdaten d[üu]rfen raus|"
                     r"\bdatos pueden salir|\bdati possono uscire|\bdados podem sair")


def data_may_leave(text: str) -> bool:
    """True when ``text`` says the data already goes (or may go) to a hosted service."""
    if REFUSED.search(text):
        return False
    if OUTSIDE.search(text) and OK.search(text):
        return True
    for sentence in re.split(r"[.!?。！？;\n]+", text):  # the permission is said about the service, in its sentence
        if SERVICE.search(sentence) and ((ALREADY.search(sentence) and USE.search(sentence)) or OK.search(sentence)
                                         or NO_LIMIT.search(sentence)):
            return True
    return False


def refused_send(text: str) -> bool:
    """True when ``text`` says the data may not be sent to a hosted service ("keine Daten an OpenAI schicken")."""
    plain = NO_LIMIT.sub(" ", OK.sub(" ", re.sub(r"\bno (?:\w+ )?(?:issues?|concerns?|problems?)\b", " ", text)))
    return bool(SERVICE.search(text) and REFUSED_SEND.search(plain))  # "no problem sending it to ..." is not refused


def on_prem_setting(text: str) -> bool:
    """True when the setting ``text`` describes keeps the data inside (a hospital network, air-gapped, classified)."""
    return any(not _ORGANISATION.search(text[max(0, m.start() - 25):m.start()]) for m in SETTING.finditer(text))


# "for a hospital network", "a large bank network": the organisation, not the network its data lives on
_ORGANISATION = re.compile(r"(?:\b(?:a|an)|\bfor\s+(?:a|an|the|our))\s+(?:[a-z\-]+\s+)?$")
