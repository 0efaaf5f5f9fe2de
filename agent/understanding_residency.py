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
                     r"estern\w*|外部の?|クラウドの?|외부|云|云端|第三方|zewnętrzn\w*|harici|внешн\w*|сторонн\w*)\s*"
                     r"(?:的\s*)?apis?(?![a-z])|"
                     r"(?<![a-z])apis?\s+(?:extern\w*|estern\w*|cloud|p[úu]blic\w*|pubblic\w*|hosted|am[ée]ricain\w*|"
                     r"americana?s?|estadounidense)(?![a-z])|"
                     # s13-a: a cloud service named in the languages the gloss leaves as written ("لخدمة سحابية",
                     # "dịch vụ cloud", "layanan cloud", "servizi cloud", "usługi chmurowe", "облачный сервис")
                     r"خدم\w* سحابي\w*|(?:ال)?سحابة|الكلاود|dịch vụ (?:cloud|đám mây)|layanan cloud|"
                     r"cloud[\s\-]?(?:service|dienst)\w*|servizi\w* cloud|servicios? (?:en la )?(?:nube|cloud)|"
                     r"usług\w* chmurow\w*|облачн\w* (?:сервис|служб)\w*")
ALREADY = re.compile(r"本来就|一直(?:在)?|\balready\b|"
                     r"\bd[ée]j[àa]\b|\bschon\b|\bbereits\b|\bya\b|\bgià\b|\bjá\b|已经|既に|すでに|이미|"
                     # s8-f: "Vi kör redan Azure OpenAI", "we gebruiken al", "już używamy", "zaten kullanıyoruz"
                     r"\bredan\b|\b(?:gebruiken|draaien|sturen|zitten) (?:we |wij )?al\b|\bjuż\b|\bzaten\b|"
                     r"(?<![а-яіїє])(?:уже|вже)(?![а-яіїє])|\bpehle se\b")
USE = re.compile(r"\bpip(?:e|es|ing)\b|\brout(?:e|es|ing)\b|\bpush\w*|\bfeed\w*|\bprocess\w*|\benvo\w*|"
                 r"\bus(?:e|es|ing|amos|iamo|ons)\b|\butilis\w*|\butiliz\w*|\bnutzen\b|\bverwenden\b|\bsend\w*|"
                 r"\bmand\w*|\benvi\w*|\bschick\w*|\binvi\w*|\bcall(?:ing)?\b|发到|发给|传到|上传|在用|使って|送っ|送る|"
                 r"送信|보내|전송|사용|"
                 # s8-f: use / run in the languages the gloss leaves as written
                 r"\bkör\w*|\banvänd\w*|\bgebruik\w*|\bużyw\w*|\bkorzyst\w*|\bkullan\w*|"
                 r"(?<![а-яіїє])(?:использу\w*|пользу\w*|користу\w*|використову\w*)|\bistemal\w*")
OK = re.compile(r"\bno problem\b|\bsin problemas?\b|\btudo bem\b|ça passe|\bça marche\b|\bchalega\b|\bprima\b|"
                r"\bgår bra\b|"
                r"\bsorun (?:de[ğg]il|yok|olmaz)\b|"
                r"(?<![а-я])можно(?![а-я])|\bbez problemu\b|\bgeen probleem\b|\binga problem\b|"
                r"\bpas de probl[èe]me\b|\bkein problem\b|\bno hay problema\b|\bnessun problema\b|"
                r"\bsem problema\b|問題(?:あり|は|が)?(?:ません|ない|なし)|没问题|可以|괜찮|\bfine\b|"
                r"(?<![a-z])ok(?:ay)?(?![a-z])|"
                r"\ballowed\b|\berlaubt\b|\bautoris[ée]e?s?\b|\bpermitid[oa]s?\b|\bconsentit[oa]\b|大丈夫|構いません|"
                r"상관\s*없|\bapproved\b|\bsigned off\b|\bcleared\b|\bfreigegeben\b|\bvalid[ée]e?s?\b|"
                r"\baprobad[oa]s?\b|\bapprovat[oa]\b|\baprovad[oa]s?\b|承認|승인|批准|\baucun probl[èe]me\b|"
                r"\bne pose pas de probl[èe]me\b|\btranquil+amente\b|\bsem problemas?\b|\bsans souci\b|"
                r"\bohne weiteres\b|\blugnt\b|\bsakınca(?:sı)? (?:yok|olmaz)\b|\bproblem (?:yok|değil)\b|"
                r"(?<![а-яіїє])(?:не проблема|без проблем|ніяких проблем|никаких проблем)(?![а-яіїє])|"
                r"\bkoi (?:problem|dikkat|issue) nahi\b|"
                r"\bkhông (?:có )?vấn đề(?: gì)?|\bkhông sao\b|\btidak (?:ada )?masalah\b|"
                # s7-e: a signed BAA or DPA covers sending the data to the service ("we have a BAA with Microsoft, so
                # sending PHI to Azure OpenAI is covered")
                r"\b(?:is|are) covered\b|\bcovered by (?:a |an |the |our )?(?:baa|dpa|contract|agreement)\b|"
                r"\bunder (?:a |an |the |our )?(?:signed )?(?:baa|dpa)\b|"
                # "may use an external API": permission to use the service, in the languages the gloss leaves as written
                r"\bcan use\b|\bpode(?:mos|m)? usar\b|\bpuede(?:n)? usar\b|\bpodemos usar\b|\bpossiamo usare\b|"
                r"\bpu[òo] usare\b|\bpouvons utiliser\b|\bon peut utiliser\b|\bdürfen\b.{0,20}\bnutzen\b|"
                r"使って(?:も)?いい|사용해도|써도")
NO_LIMIT = re.compile(r"\bno (?:restrictions?|constraints?|rules?|requirements?)\b|\bnot? de contraintes?\b|"
                      r"\bpas de contraintes?\b|\bkeine (?:einschränkung\w*|vorgaben|beschränkung\w*|auflagen)\b|"
                      r"\bno (?:hay )?restricci\w+|\bsin restricci\w+|\bnessun vincolo\b|\bnessuna restrizione\b|"
                      r"\bsem restri\w+|没有(?:什么|任何)?限制|无限制|制限(?:は)?(?:なし|ありません|ない)|제한(?:이|"
                      r"은)?\s*없|"
                      # s8-f: no restriction in the other languages ("Inga begränsningar", "Herhangi bir kısıtlama
                      # yok", "Жодних обмежень", "Nenhuma restrição", "没限制")
                      r"\binga (?:\w+ )?begränsning\w*|\bkısıtlama\w* yok\b|\bsınırlama\w* yok\b|"
                      r"(?<![а-яіїє])(?:жодних|ніяких|без|никаких) (?:\w+ )?(?:обмежень|ограничений)(?![а-яіїє])|"
                      r"(?<![а-яіїє])(?:обмежень|ограничений) (?:немає|нет)(?![а-яіїє])|\bnenhuma restri\w+|"
                      r"\bninguna restricci\w+|\baucune restriction\b|\bgeen beperking\w*|\bbrak ograniczeń\b|"
                      r"\bkoi (?:restriction|pabandi) nahi\b|没限制|不限制|"
                      r"(?:privacy|datenschutz|data protection|compliance|security) (?:is no|is not an?|isn't an?|"
                      r"not an?|no) (?:problem|issue|concern|blocker)s?\b")
REFUSED = re.compile(r"\bnot (?:ok|okay|fine|allowed|an option)|n't (?:ok|okay|fine|allowed|send|use)|\bnever\b|"
                     r"\b(?:can(?:no|')?t|cannot|must not|may not)\b|不能|不可以|不允许|禁止|できません|だめ|ダメ|"
                     r"안\s*(?:돼|됩니다|된대|된다고)|불가|금지|\bvetoe?d\b|\bsaid no\b|\bsays no\b|\babgelehnt\b|"
                     r"ngが出|不同意|不让用|nicht erlaubt|interdit|prohibido|vietato|proibido|"
                     r"\bnot (?:use|send)|нельзя|не можем|запрещ|\bnie (?:wolno|możemy|mogą)\b|\bfår inte\b|"
                     r"\bmag niet\b|\bmogen niet\b|yasak|"
                     r"(?<![а-яіїє])(?:не можна|не можемо|заборонено)(?![а-яіїє])")
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
    r"内网|内部网络|局域网|涉密|院内(?:网|網|ネットワーク|サーバ|部署|环境|環境|服务器)|社内ネットワーク|社内ネット|閉域網?|"
    r"사내망|내부망|폐쇄망|망\s*분리|망분리|物理隔离|网闸")


# "データは外部に出しても大丈夫", "데이터 외부 전송은 괜찮아요", "数据可以上云": the data going outside, said to be fine
OUTSIDE = re.compile(r"クラウドでも|クラウドに(?:出して|送って)も|외부에\s*(?:보내|저장)|外部に出して|社外に出して|"
                     r"외부\s*(?:전송|반출)|외부로\s*(?:보내|나가)|上云|发到外部|传到外部|"
                     r"\b(?:data|it) (?:can|may) (?:leave|go out)|\bdonn[ée]es peuvent sortir|\bdaten d[üu]rfen raus|"
                     r"(?:社外|外部|クラウド|外)に出ても|(?<!no )\bpueden salir|(?<!não )\bpodem sair|"
                     r"(?<!non )\bpossono uscire|"
                     r"\bmogą wyjść|\bfår lämna|\bçıkabilir|(?<!не )\bмогут (?:выходить|уходить)|"
                     r"\bdatos pueden salir|\bdati possono uscire|\bdados podem sair")


# The data said to be allowed out by a modal of permission, which is the permission itself (s10-b): "the docs can leave
# our network after all", "veriler yurt dışına çıkabilir artık", "les données peuvent sortir", "die Daten dürfen raus"
PERMITTED_OUT = re.compile(r"\b(?:data|it|docs|documents|files|they|everything)\s+(?:can|may|are allowed to)\s+"
                           r"(?:now\s+|also\s+|actually\s+)?(?:leave|go out|be sent out)\b|"
                           r"\bdonn[ée]es peuvent sortir|\bdaten d[üu]rfen raus|"
                           # the bare verbs only after the data or an outside place ("yarım milyona çıkabilir" is
                           # growth, "50.000 TL'ye kadar çıkabiliriz" a ceiling)
                           r"(?:\bdane|\bdata|\bveri\w*|данные|\bdatos|\bdados|\bdati|\bdışına|\bdışarı)[^.;!?]{0,30}?"
                           r"(?:(?<!no )\bpueden salir|(?<!não )\bpodem sair|(?<!non )\bpossono uscire|\bmogą wyjść|"
                           r"\bfår lämna|\bçıkabilir\b|(?<!не )\bмогут (?:выходить|уходить))")


# The data said not to be sensitive ("the data is not sensitive", "nothing sensitive in there", "none of it is
# confidential", "non-confidential", "数据不敏感", "機密ではない", "민감하지 않아요"; the lexicon glosses the other
# languages to "not sensitive"): the data may leave, unless a word of sensitivity stands unnegated elsewhere ("the
# manuals aren't sensitive, the HR files are confidential") or the sentence hedges it ("not sure it's not sensitive").
_TOUCHY = r"(?:sensitive|confidential|secret|classified|proprietary)(?![a-z])"
NOT_SENSITIVE = re.compile(
    rf"(?:\bnot|n't)\s+(?:really\s+|that\s+|particularly\s+|very\s+|super\s+|at all\s+|especially\s+|"
    rf"(?:a |an )?(?:sensitive|confidential|secret|private) (?:or|nor) )?{_TOUCHY}(?!\s+(?:to|about|enough)\b)|"
    r"\bnothing (?:\w+ )?(?:sensitive|confidential|secret|classified)\b|"
    r"\bnone of (?:it|them|this|that|the \w+|our \w+) (?:is|are)(?: really| particularly)? "
    r"(?:sensitive|confidential|secret|classified)\b|\bnon[\s\-]?(?:sensitive|confidential)\b|"
    r"\bno (?:sensitive|confidential|secret) (?:data|information|info|content|documents?|stuff)\b|"
    r"(?:数据|资料|文档|内容|文件)?(?:都)?(?:不敏感|不涉密|不保密|没有(?:什么)?(?:敏感|机密|涉密)(?:数据|信息|内容)?)|"
    r"不是(?:什么)?(?:敏感|机密|涉密)(?:数据|信息|资料)|"
    r"(?:機密|秘密|センシティブ)(?:情報|データ)?(?:では|じゃ)(?:ない|ありません|ないです)|機密性は(?:低い|ない|ありません)|"
    r"민감하지\s*않|민감한\s*(?:데이터|정보|자료)(?:가|는)?\s*(?:아니|없)|기밀(?:이)?\s*아니")
_TOUCHY_WORD = re.compile(rf"{_TOUCHY}|敏感|机密|涉密|機密|秘密|センシティブ|민감|기밀")
_UNSURE_SENSITIVE = re.compile(r"\bnot sure\b|\bno idea\b|\bdon'?t know\b|\bunsure\b|\bmight\b|\bmaybe\b|"
                               r"\bprobably\b|\bi think\b|不确定|不知道|わかりません|分かりません|모르")


def not_sensitive(text: str) -> bool:
    """True when ``text`` says its data is not sensitive and no word of sensitivity stands unnegated beside it."""
    said = [m.span() for m in NOT_SENSITIVE.finditer(text)]
    if not said or _UNSURE_SENSITIVE.search(text):
        return False
    return all(any(s <= m.start() < e for s, e in said) for m in _TOUCHY_WORD.finditer(text))


def data_may_leave(text: str) -> bool:
    """True when ``text`` says the data already goes (or may go) to a hosted service."""
    if REFUSED.search(text):
        return False
    if OUTSIDE.search(text) and OK.search(text) or PERMITTED_OUT.search(text):
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
    return any(not _ORGANISATION.search(text[max(0, m.start() - 25):m.start()]) and not _searched(text, m)
               for m in SETTING.finditer(text))


# The intranet as what is searched, not where the data lives (s12-a): "wollen unser Intranet per RAG durchsuchbar
# machen", "we want to search our intranet", "indexer notre intranet" ("records on the clinic's intranet" is a place)
_SEARCH_VERB = re.compile(r"\b(?:search\w*|index\w*|durchsuch\w*|indexier\w*|recherch\w*|cherch\w*|busca\w*|"
                          r"indexa\w*|cerca\w*|ricerc\w*|pesquis\w*|doorzoek\w*|rag)\b")
_AT_PLACE = re.compile(r"\b(?:on|in|im|auf|dans|sur|en|nel|nella|na|no|op|within|inside|innerhalb|via|from|aus|de|"
                       r"du|del|da|van)\s+(?:\w+(?:'s)?\s+)?$")


def _searched(text: str, match: re.Match[str]) -> bool:
    if match.group() != "intranet" or _AT_PLACE.search(text[max(0, match.start() - 30):match.start()]):
        return False
    if _LISTED_BEFORE.search(text[max(0, match.start() - 24):match.start()]):
        return True  # s14-a: "12 binders of procedures, plus the intranet": a source of the documents, listed
    near = re.split(r"[!?\n]|\.\s+(?=[a-z])(?<!ca\.\s)", text[max(0, match.start() - 80):match.end() + 100])
    part = next(part for part in near if "intranet" in part)
    return bool(_SEARCH_VERB.search(part) or _SITE_TRAFFIC.search(part))


# s17-c: the intranet as a site whose traffic is counted ("The intranet had 2.1M page views last year", "l'intranet
# fait 50 000 visites par mois", "内网每月访问量"): a site measured, no place the data is kept in
_SITE_TRAFFIC = re.compile(r"\b(?:page ?views?|pageviews?|visits?|visitors?|hits|sessions?|traffic|seitenaufrufe?|"
                           r"besuche\w*|visites?|visiteurs?|visitas?|visitantes?|acessos?|visualiza\w*|tr[aá]fego|"
                           r"tr[aá]fico|trafic)\b|访问量|浏览量|\bpv\b|アクセス数|閲覧数|방문자")


# The intranet added to what is counted ("plus the intranet", "et puis l'intranet", "und das Intranet")
_LISTED_BEFORE = re.compile(r"\b(?:plus|as well as|also|and also|et puis|en plus de|und|sowie|además de|y también)\s+"
                            r"(?:the\s+|our\s+|l'\s*|le\s+|das\s+|unser\w*\s+|notre\s+|el\s+|la\s+|il\s+)?$")


# "for a hospital network", "a large bank network": the organisation, not the network its data lives on
_ORGANISATION = re.compile(r"(?:\b(?:a|an)|\bfor\s+(?:a|an|the|our))\s+(?:[a-z\-]+\s+)?$")


# --- s5-e (issue 17): a country or region the data must stay in, in every language of the lexicon --------------------
# A place a rule can name: a country, the EU / EEA / Europe, "the country", "国内", "국내", in the spellings the gloss
# leaves as written (on the lower-case text; Turkish and Russian case endings kept open).
REGION = (r"(?:(?<![a-z])(?:eu|e\.u\.|eea|ewr|ue|uk|usa|eu/eea|"
          r"europe|europa|european union|union europ[ée]enne|uni[óo]n europea|unione europea|uni[ãa]o europeia|"
          r"germany|deutschland|allemagne|germania|alemania|alemanha|duitsland|niemczech|tyskland|almanya\w*|"
          r"france|frankreich|francia|fran[çc]a|frankrijk|italy|italia|itália|italien|spain|espa[ñn]a|spanien|"
          r"espagne|spagna|espanha|brazil|brasil|br[ée]sil|brasile|mexico|m[ée]xico|mexique|colombia|chile|argentina|"
          r"peru|per[úu]|canada|kanada|switzerland|schweiz|suisse|svizzera|suiza|su[íi]ça|austria|[öo]sterreich|"
          r"netherlands|nederland|niederlande|pays-bas|poland|polska|polsce|polen|sweden|sverige|schweden|norway|"
          r"norge|denmark|danmark|finland|suomi|turkey|t[üu]rkiye\w*|russia|india|japan|korea|singapore|australia|"
          r"uae|saudi arabia|south africa|ireland|belgium|belgi[ëe]|portugal|frankfurt|dublin|amsterdam|paris|london|"
          r"z[üu]rich|stockholm|warsaw|warszaw\w*|milan|milano|madrid|s[ãa]o paulo|tokyo|seoul|mumbai|sydney|montreal|"
          r"toronto|qu[ée]bec|ontario|british columbia|colombie-britannique|alberta|bavaria|bayern|california|"
          r"texas|the us|united states|[ée]tats-unis|estados unidos|stati uniti|vietnam|vi[ệe]t nam|indonesia|"
          r"thailand|malaysia|philippines|saudi|ksa|qatar|egypt|morocco|maroc|israel|kenya|nigeria|"
          r"sg|hk|hong kong|taiwan|pilipinas|pinas|"  # s14-b: as chat writes them ("cannot go out of SG")
          r"deutsche[nmr]?|europäische[nmr]?|european|europ[ée]en\w*|europe[oa]s?|europeu\w*|europese|"
          r"europejsk\w*|europeisk\w*|schweizer|swiss|canadian|"
          r"(?:the|our|el|del|il|o|do|het|ons) (?:country|pa[íi]s|paese|land)|kraj\w*|landet|[üu]lke\w*)(?![a-z])|"
          r"росси\w*|(?<![а-я])рф(?![а-я])|стран\w*|евросоюз\w*|(?<![а-я])ес(?![а-я])|україн\w*|країн\w*|"
          r"(?<![а-яіїє])(?:єс|євросоюз\w*|казахстан\w*)(?![а-яіїє])|"
          r"国内|境内|中国|本国|日本国内|日本|国内リージョン|국내|한국)")
# What stays there: hosting, servers, a data centre or region, or a verb of staying / storing, in every language
_PLACED = (r"(?:host\w*|h[ée]berg\w*|aloja\w*|hosped\w*|ospit\w*|gehost|hostowan\w*|barındır\w*|"
           r"servers?|serveurs?|servidor\w*|server|serwer\w*|servrar|servern|sunucu\w*|сервер\w*|"
           r"data ?cent(?:er|re)s?|datacenters?|rechenzentr\w*|centres? de donn[ée]es|centros? de datos|"
           r"regions?|r[ée]gion|region\w*|regi[ãa]o|regiões|regi[óo]n|regione|regionie|bölge\w*|регион\w*|регіон\w*|"
           r"cloud|stay\w*|remain\w*|kept|stored?|storage|lives?|transferr\w*|"
           r"datenhaltung|serverstandort\w*|standort\w*|"
           r"bleiben|bleibt|stehen|steht|liegen|liegt|gespeichert|rester|restent|reste|stock[ée]e?s?|quedar\w*|"
           r"almacenad\w*|ficar|fique|fiquem|ficam|armazenad\w*|restar\w*|restano|resti|conservat\w*|blijven|blijft|"
           r"opgeslagen|zostać|pozostać|przechowywane|stanna|ligga|ligger|lagras|kal\w*|sakla\w*|"
           r"хран\w*|оста\w*|находи\w*|зберіга\w*|залиша\w*|знаход\w*|rehna|rahe|rahna|"
           r"留在|存放|存在|放在|保存在|部署在|服务器|机房|数据中心|リージョン|データセンター|サーバー?|に置|に保管|"
           r"리전|서버|데이터\s*센터|에\s*있어야|에\s*(?:저장|보관))")
# The rule's condition or obligation: must, only, as long as, provided, 只要, であれば, 이면 ...
_CONDITION = (r"(?:\b(?:must|has to|have to|needs? to|should)(?: all| only| always)? (?:be|stay|remain|live|sit|run)\b|"
              r"\brequired?\b|\bmandatory\b|"
              r"\bas long as\b|\bprovided\b|\bso long as\b|\bif\b|\bmüssen\b|\bmuss\b|\bsolange\b|\bwenn\b|"
              r"\bpflicht\b|\bdoi(?:t|vent)\b|\bobligatoire\w*|\btant que\b|\bsi\b|"
              r"\btiene[n]? que\b|\bdebe[n]?\b|\bmientras\b|\bsiempre que\b|\bprecisa[m]?\b|"
              r"\btem que\b|\bdeve[m]?\b|\bdesde que\b|\bcontanto que\b|\bdevono\b|\bdeve\b|\bpurch[ée]\b|"
              r"\bmoet(?:en)?\b|\bzolang\b|\bals\b|\bmusz\w*|\bbyle\b|\bjeśli\b|"
              r"\bmåste\b|\bså länge\b|\bom\b|\bmalı\b|\bmeli\b|\w+mal[ıi]\b|\bsürece\b|"
              r"\bдолжн\w*|\bесли\b|\bобязан\w*|\bchahiye\b|(?<![а-яіїє])(?:мають|має|повинн\w*|лише|тільки|"
              r"якщо|треба|потрібно|нужно|надо)(?![а-яіїє])|"
              # s13-b: obligation said impersonally ("faut que ça reste au Canada", "hay que", "bisogna", "gerekiyor",
              # "behöver", "треба")
              r"\bfaut\b|\bhay que\b|\bbisogna\b|\bgerek\w*|\blaz[ıi]m\b|\bbehöver\b|\bprecis\w+|"
              r"只要|必须|只能|要求|需要|であれば|なら|必要|이면|이라면|해야|있어야)")
_REGION_RULE = re.compile(rf"{_PLACED}[^.;!?。！？\n]{{0,40}}?{REGION}|{REGION}[^.;!?。！？\n]{{0,30}}?{_PLACED}")
# "only European providers", "nur europäische Anbieter", "solo proveedores europeos": the provider's home is the rule
_REGIONAL_PROVIDERS = re.compile(
    r"(?:\bonly\b|\bnur\b|\bseulement\b|\buniquement\b|\bsolo\b|\bsólo\b|\bapenas\b|\balleen\b|\btylko\b|\bbara\b|"
    r"\bsadece\b|\bтолько\b|只用|只能用)\s+(?:\w+\s+)?(?:european|europäisch\w*|europ[ée]en\w*|europe[oa]s?|europeu\w*|"
    r"europese|europejsk\w*|europeisk\w*|avrupa|европейск\w*|domestic|local|deutsche[n]?|french|fran[çc]ais\w*|"
    r"国内|国产)\s*(?:\w+\s+)?(?:providers?|vendors?|clouds?|hosters?|anbieter\w*|fournisseurs?|h[ée]bergeurs?|"
    r"proveedores|fornecedores|fornitori|leveranciers|dostawc\w*|leverantörer|sağlayıcı\w*|провайдер\w*|"
    r"云厂商|云服务|厂商)")
_NOT_NEEDED = re.compile(r"\b(?:doesn'?t|does not|don'?t|do not|no) (?:need|have) to\b|\bnot (?:required|necessary|"
                         r"needed)\b|"
                         r"\bno need\b|\bmuss nicht\b|\bmüssen nicht\b|\bpas besoin\b|\bno (?:hace falta|"
                         r"es necesario)\b|"
                         r"不需要|不用|不必|必要(?:は)?(?:ない|ありません)|필요\s*없|\bnot sure\b|\bmaybe\b|\bmight\b|"
                         r"\bperhaps\b|\bvielleicht\b|peut-être|\bquizás?\b|\bforse\b|\btalvez\b|可能|也许|かもしれ|아마|"
                         r"\bif (?:needed|possible|necessary|we can)\b|\bideally\b|\bpreferabl[ey]\b|\bnice to have\b|"
                         r"\bwould be nice\b|\bam liebsten\b|\bidealerweise\b|\bidéalement\b|\bde préférence\b|"
                         r"\bidealmente\b|\bpreferiblemente\b|\bpreferibilmente\b|\bbij voorkeur\b|\bnajlepiej\b|"
                         r"\bhelst\b|\btercihen\b|\bжелательно\b|最好|できれば|가능하면")


def region_rule(text: str) -> bool:
    """True when ``text`` makes a country or region a condition for the data ("as long as it's hosted in the EU").

    A place with hosting, servers or a verb of staying next to it, in a sentence that also says "must", "only", "as
    long as", "if" (in any language of the lexicon); "we're a bank in Frankfurt" names a place and no rule, "the data
    doesn't have to stay in the EU" or "maybe EU only" is not a rule.
    """
    if abroad_refused(text):
        return True  # "数据可以出公司，但不能出境" (lead s16)
    if not (_REGION_RE.search(text) or _PROVIDER_HINT.search(text)):
        return False  # no place and no provider named: nothing to read (most messages)
    for sentence in re.findall(r"[^.!?。！？;\n]+[.!?。！？;\n]*", text):
        if re.search(r"[?？]", sentence):  # "can we use an API if it's in the EU?"
            continue
        # a clause that waives or hedges the rule says none ("the data doesn't have to stay in the EU", "am liebsten")
        sentence = ",".join(c for c in re.split(r"[,，、]", sentence) if not _NOT_NEEDED.search(c))
        if _REGIONAL_PROVIDERS.search(sentence):
            return True
        for match in _REGION_RULE.finditer(sentence):  # the condition said next to the place, not elsewhere
            near = sentence[max(0, match.start() - 45):match.end() + 30]
            if _CONDITION_RE.search(near) or _STAYING.search(match.group()):
                return True
        if _REGION_ONLY.search(sentence) or _AS_LONG_AS_IN.search(sentence) or _REGION_CLOUD_OK.search(sentence) or \
                _outside_ruled_out(sentence) or _CANNOT_GO_OUT.search(sentence):
            return True
    return False


def abroad_refused(text: str) -> bool:
    """True when a statement (not a question) refuses the data a way out of the country.

    "不能出境", "국외 반출은 안 됩니다": a rule on where the data lives, even beside a cloud API in the country.
    """
    return any(not re.search(r"[?？]", s) and ABROAD_REFUSED.search(s)
               for s in re.findall(r"[^.!?。！？;\n]+[.!?。！？;\n]*", text))


# "we CAN use an external API as long as it's in the EU", "fine if it's all within the UK" (s7-c)
_AS_LONG_AS_IN = re.compile(rf"\b(?:as long as|provided(?: that)?|only if|if)\s+(?:it'?s|it is|they'?re|they are|"
                            rf"(?:the )?(?:data|documents|servers?) (?:is|are)|everything(?:'s| is))\s+(?:all\s+)?"
                            rf"(?:in|within|inside)\s+(?:the\s+)?{REGION}")


# s8-f: nothing outside a region ("nothing outside the EU though", "nichts außerhalb der EU", "rien en dehors de
# l'UE", "nada fuera de la UE", "niets buiten de EU", "nic poza UE", "inget utanför EU", "ничего за пределами ЕС")
_NOT_OUTSIDE = re.compile(
    rf"(?:\b(?:nothing|not|never|no|nichts|nicht|kein\w*|rien|pas|jamais|nada|nunca|niente|mai|niets|niet|nic|nie|"
    rf"inget|inte|aldrig)\b|n't|(?<![а-яіїє])(?:ничего|нічого|не|ні)(?![а-яіїє]))[^.;,]{{0,40}}?"
    rf"(?:\boutside\b|\baußerhalb\b|\bausserhalb\b|\ben dehors\b|\bhors\b|\bfuera\b|\bfuori\b|\bfora\b|"
    rf"\bbuiten\b|\bpoza\b|\butanför\b|(?<![а-яіїє])за (?:пределы|пределами|межі|межами)(?![а-яіїє]))\s+"
    rf"(?:of |de |des |der |del |dall'|da |della |du |the |la |l'|le )?{REGION}")
# s8-f: a region's cloud or servers said to be fine ("Cloud in Frankfurt wäre okay", "cloud in the EU is fine",
# "Cloud OK si c'est en France" is read by the condition)
_REGION_CLOUD_OK = re.compile(
    rf"(?:\bcloud|\bhosting|\bservers?|\bregion|\brechenzentr\w*|\bdata ?cent\w*|\bnube|\bnuvem|\bnuage|\bmoln\w*|"
    rf"\bchmur\w*|\bbulut\w*|(?<![а-яіїє])(?:облак\w*|хмар\w*))\s+(?:in|en|em|na|no|nel|in der|im|i|w|в|у)\s+"
    rf"(?:the |der |la |le |de |o )?{REGION}\s+(?:(?:is|are|would be|ist|wäre|sind|est|serait|är|er|è|é|es|sería|"
    rf"zou zijn)\s+)?(?:totally |perfectly |also |auch )?(?:ok|okay|fine|acceptable|allowed|prima|goed|bene|bien|"
    rf"bem|in ordnung|passt|geht|går bra|funkar|vale|serve|sirve|va bene|ça va)\b")
# s14-b: going out of a place refused, the data unnamed as chat leaves it ("cannot go out of SG one ah, PDPA", "can't
# leave the country", "mustn't be sent outside the EU")
_CANNOT_GO_OUT = re.compile(
    rf"(?:\bcannot|\bcan'?t|\bcan not|\bmust not|\bmustn'?t|\bnot allowed to|\bmay not|\bshould not|\bshouldn'?t)\s+"
    rf"(?:be\s+)?(?:go|goes|leave|move|moved|sent|send|stored|hosted|transferred)\s+"
    rf"(?:out of|outside(?: of)?|beyond)\s+"
    rf"(?:the\s+)?{REGION}")


# lead s16 (issue 17): the data refused a way out of the country, or out of the user's network, said by its verb
# ("不能出境", "국외 반출은 안 됩니다", "海外への持ち出しは禁止", "can't leave the country", "the documents never leave
# our network", "they can't touch the internet", "die Daten verlassen unser RZ nicht")
ABROAD_REFUSED = re.compile(
    r"(?:\bcannot|\bcan'?t|\bcan not|\bmust not|\bmustn'?t|\bnot allowed to|\bmay not|\bnever|\bwon'?t)\s+"
    r"(?:be\s+)?(?:leave|go|sent|send|transferred|moved|stored|cross)\s+(?:the country|abroad|overseas|offshore|"
    r"(?:out of|outside(?: of)?) the country|across (?:the )?borders?)\b|"
    r"(?:不能|不得|不可|不允许|禁止|严禁|不)出境|不能(?:传|发|送|放)到?(?:国外|境外|海外)|"
    r"(?:必须|只能)(?:留在|存在|放在|存储在|保存在)(?:国内|境内)|"
    r"(?:国外|海外)(?:へ|に)?の?(?:持ち出し|送信|移転|保存)(?:は|も)?\s*(?:禁止|不可|ng|できません|だめ|ダメ|不可能)|"
    r"(?:국외|해외)\s*(?:로)?\s*(?:반출|이전|전송|저장)\S*\s*(?:은|는|이)?\s*(?:안\s*(?:됩니다|돼|되고|되|됨)|불가|"
    r"금지|못)")
# s17-c: "nothing" with a modal and a verb of going or sending, to an outside party, in every language ("nothing is
# allowed to go to external services", "nada puede ir a servicios externos", "rien ne doit partir vers des services
# externes", "nada pode ser enviado para fora", "niente può andare a servizi esterni", "nichts darf nach außen")
NOTHING_GOES_OUT = re.compile(
    r"\b(?:nothing|nada|rien|niente|nulla|nichts|niets|inget)\s+(?:\w+\s+){0,4}?(?:go|be sent|leave|ir|salir|"
    r"enviarse|ser enviad[oa]|partir|aller|sortir|être envoyée?|andare|uscire|essere inviat[oa]|sair|gehen|raus|"
    r"nach au(?:ß|ss)en|gaan|naar buiten)\b[^.;]{0,25}?\b(?:external|externa?s?|externes?|esterni|externe[nr]?|"
    r"outside|third[- ]part\w*|terceros|terceiros|tiers|terzi|dritte|fora|fuera|dehors|fuori|au(?:ß|ss)en|buiten|"
    r"cloud|nube|nuvem|api)\b")
NEVER_LEAVES = re.compile(
    r"\b(?:data|documents?|docs|files|they|it|everything|nothing|records|notes|contents?)\s+(?:\w+\s+)?"
    r"(?:never|can'?t|cannot|must not|mustn'?t|may not|shall not|(?:are|is)(?: not|n'?t) allowed to|won'?t)\s+"
    r"(?:ever\s+)?(?:leave|leaves|exit|touch|reach|go (?:on|onto|to|outside|out of|beyond))\s+(?:our|their|the)\s+"
    r"(?:own\s+)?(?:[\w\-]+\s+)?(?:network|dc|data ?cent(?:er|re)|tenant|premises|servers?|building|internet|vpc|"
    r"subscription|cloud account|region|country|enclave|intranet|infra\w*|environment|account)\b|"
    r"\b(?:daten|dokumente)\s+(?:verlassen|verlässt)\s+(?:unser\w*|das|die|den)\s+(?:\w+\s+){0,2}?(?:nicht|not|nie)\b|"
    r"\b(?:données|documents)\s+ne\s+(?:quittent|sortent)\s+(?:jamais|pas)\b|"
    # lead s16: nothing sent out to a third party or offshore ("nothing goes to third-party APIs", "incident data
    # go offshore" after a refusal, "member info can't go out to some API", "darf nichts an externe Anbieter", "ne
    # doivent en aucun cas sortir de nos serveurs", "todo se queda en nuestro CPD", "prohibida la transferencia de
    # datos a terceros", "vedado o envio de dados a serviços externos", "クラウド利用不可")
    r"\bnothing (?:\w+ ){0,3}?(?:goes|leaves|is sent|gets sent|can go|may go)\s+(?:out\s+)?(?:to|off|outside)\b|"
    rf"{NOTHING_GOES_OUT.pattern}|"
    r"\b(?:won'?t|will not|doesn'?t|does not|don'?t) (?:let|allow)\b[^.;]{0,30}\bgo (?:offshore|overseas|abroad|"
    r"out)\b|\b(?:data|info\w*|documents?|records|files)\s+(?:can'?t|cannot|must not|may not|won'?t|never)\s+"
    r"(?:go|be sent|get sent)\s+(?:out\s+)?(?:to|offshore|overseas|abroad)\b|"
    r"\b(?:never )?leaves? our (?:colo|co-?location|cage|rack|premises|network|dc)\b|"
    r"\b(?:darf|dürfen)\s+(?:nichts|keine daten|no data|nothing)\s+(?:\w+\s+)?(?:an|zu)\s+(?:externe|fremde|dritte|"
    r"external)\b|\bne (?:doivent|doit|peuvent|peut)\s+(?:en aucun cas|jamais|pas)\s+(?:sortir|quitter)\b|"
    r"\bse queda(?:n)? (?:\w+ )?en (?:our|nuestro|nuestros|nuestra|casa)\b|"
    r"\bprohibid\w* (?:la )?transferencia de (?:los |the )?(?:datos|data)\b|"
    r"\b(?:vedad|proibid)\w* (?:o |or )?envio de (?:os |the )?(?:dados|data)\b|"
    r"クラウド(?:の)?(?:利用|使用)?(?:は)?\s*(?:不可|禁止|ng\b|できない|できません)|"
    r"\b(?:datos|documentos|data)\s+(?:nunca|no)\s+(?:salen|sale)\b|\b(?:dados|documentos|data)\s+(?:nunca|não)\s+"
    r"(?:saem|sai)\b|"
    # lead s17: third parties refused ("our CISO won't sign off on any third-party processing", "no third-party
    # processing of member data")
    r"\b(?:won'?t|will not|doesn'?t|does not|don'?t|do not|never)\s+(?:sign off on|approve|allow|permit)\s+(?:any\s+)?"
    r"third[\s\-]party (?:processing|processors?|apis?|services?|vendors?|providers?)\b"
    r"(?!\s+(?:without|unless|except|before|if)\b)|"
    r"\bno third[\s\-]party (?:processing|processors?)\b")


def _outside_ruled_out(sentence: str) -> bool:
    """True when a clause rules out a place outside a region and names the data, hosting or "nothing".

    "nothing outside the EU", "data not outside Germany"; not "no customers outside the EU".
    """
    for m in _NOT_OUTSIDE.finditer(sentence):
        clause = re.split(r"[,，、]", sentence[:m.start()])[-1] + m.group()
        if _NOTHING_FIRST.search(clause) or DATA_OR_DOCUMENTS.search(clause) or re.search(_PLACED, clause):
            return True
    return False


_NOTHING_FIRST = re.compile(r"\b(?:nothing|nichts|rien|nada|niente|niets|nic|inget)\b|"
                            r"(?<![а-яіїє])(?:ничего|нічого)(?![а-яіїє])")
_REGION_RE = re.compile(REGION)
_PROVIDER_HINT = re.compile(r"domestic|local|french|fran[çc]ais|国内|国产")
_CONDITION_RE = re.compile(_CONDITION)
_STAYING = re.compile(r"stay|remain|bleiben|rester|restent|quedar|ficar|restar|blijven|zostać|pozostać|stanna|kal|оста|"
                      r"хран|зберіга|залиша|rehna|留在")
# "EU region only", "nur EU", "国内リージョンのみ", "only in the EU"
_ONLY = (r"(?:\bonly\b|\bnur\b|\bseulement\b|\buniquement\b|\bsolo\b|\bsólo\b|\bsolamente\b|\bapenas\b|"
         r"\balleen\b|\btylko\b|\bbara\b|\bendast\b|\bsadece\b|\byalnızca\b|\bтолько\b|\bexclusive\w*|"
         r"\bausschließlich\b|\bexclusivement\b|\besclusivamente\b|\buitsluitend\b|\bwyłącznie\b|"
         r"\bисключительно\b|仅限|只在|只能在|(?<![а-яіїє])(?:лише|тільки|виключно)(?![а-яіїє]))")
_REGION_ONLY = re.compile(rf"(?<![\w-]){REGION}[\s\-]?(?:clouds?|hosting|hoster|rechenzentr\w*|data ?cent(?:er|re)s?|"
                          # s6-e: "EU cloud is fine", "EU-Cloud geht", "EU-hosting is prima": a region's cloud allowed
                          rf"datacenters?|regions?)\s+(?:is|are|would be|ist|wäre|sind|geht|gehen|passt|är|går|er)\b"
                          rf"(?!\s+not\b)|"
                          rf"{REGION}\s*(?:[\-/]\s*)?(?:region|data ?cent(?:er|re)s?|hosting|hosted|servers?|cloud|"
                          rf"リージョン|리전)?\s*"
                          # s8-f: "国内リージョンに限ります", "国内に限定", "국내로 한정"
                          rf"(?:only\b|nur\b|のみ|だけ|만|(?:に|で)?限(?:ります|る|定|られ)|(?:으로|로)?\s*한정)|{_ONLY}\s+(?:\w+\s+){{0,2}}?(?:in|with|en|em|na|no|dans|nel|"
                          rf"nell'|w|i|в|im|auf|within|inom)?\s*(?:the\s+|der\s+|la\s+|l'|de\s+)?{REGION}"
                          # s14-b, s14-c: a part of the company there ("only the Madrid office gets it", "the 8k was
                          # only the HK office"): the people or the count's scope, no rule for the data
                          rf"(?!\s+(?:office|offices|team|teams|branch\w*|site|sites|entity|entities|subsidiar\w*|"
                          rf"stores?|shops?|staff|employees|users|customers|clients|market|business|division|unit|"
                          rf"sales|folks|people|department|plant|factory|colleagues|hq|headquarters|büro|standort|"
                          rf"filiale|bureau|agence|oficina|sucursal|escritório|filial)\b)")


# The data may sit in or go to the cloud, in every language: a "may" word, then a cloud word, no negation between
_MAY = re.compile(r"\b(?:can|may|could|is fine to|pueden?|podem|pode|peuvent|peut|possono|può|dürfen|darf|können|kann|"
                  r"mogen|mag|kunnen|kan|mogą|może|får|olabilir|могут|может|можно)\b(?!'t| not)")
_CLOUD = re.compile(r"\bcloud\b|\bnube\b|\bnuvem\b|\bchmur\w*|\bmoln\w*|\bbulut\w*|\bоблак\w*")
DATA_OR_DOCUMENTS = re.compile(r"\b(?:data|daten|donn[ée]es|datos|dados|dati|gegevens|dane|datan|veri\w*|documents?|"
                               r"docs|files|dokumente|documentos|documenti|documenten|dokumenty)\b|данн\w*")
_NEGATED = re.compile(r"\b(?:not|nicht|pas|no|non|nie|inte|niet|değil|не|never|nunca|jamais|mai)\b|n't")


def data_in_cloud_ok(text: str) -> bool:
    """True when ``text`` says the data may sit in the cloud ("can live in the cloud", "数据放云上没关系")."""
    if re.search(r"(?:数据|文档|资料)[^,，。;]{0,4}(?:放|存|放在|存在|上)?(?:公有)?云(?:上|端|里)?(?:也)?"
                 r"(?:没关系|没问题|可以|无所谓|行)|"
                 r"クラウドに(?:あって|置いて|保存して|保管して)も(?:問題|大丈夫|構いません|いい)|"
                 r"클라우드에\s*(?:있어도|저장해도|올려도|둬도|보관해도)\s*(?:괜찮|상관없|돼|됩니다)|"
                 r"\b(?:veri\w*|dosya\w*|belge\w*) bulut\w*\s+(?:\w+\s+)?\w+(?:ebilir|abilir)\b|"
                 r"\bcloud (?:chalega|chal jayega|theek hai|mein rakh sakte)", text):
        return True
    for may in _MAY.finditer(text):
        if not DATA_OR_DOCUMENTS.search(text[max(0, may.start() - 30):may.start()]):
            continue  # "we can burst to H100s in the cloud": the machines go to the cloud, not the data
        window = text[may.end():may.end() + 30]
        cloud = _CLOUD.search(window)
        if cloud and not _NEGATED.search(text[max(0, may.start() - 12):may.end() + cloud.start()]):
            return True
    return False


# "it has to run on that Mac", "必须在我们自己的服务器上跑": the model runs on the user's machine (self-hosted)
RUN_HERE = re.compile(
    r"\b(?:has to|must|needs? to|should|have to|can only|will|"
    # s15-a: "would love it to run on the gaming PC in the office", "has to run on the server in the admin block"
    r"(?:would love|(?:'d|would) like|want) (?:it|this|them) to)\s+(?:all\s+)?(?:run|be run|live|be deployed)\s+"
    r"(?:locally\s+)?(?:on|in)\s+(?:that|this|our|my|the company'?s|the)\s+(?:own\s+)?(?:[\w\-]+\s+)?"
    r"(?:mac\w*|laptops?|workstations?|servers?|machines?|box(?:es)?|pcs?|desktops?|rigs?|computers?)\b"
    r"(?!\s+(?:of|at) (?:a|an|the|our) (?:provider|vendor|cloud|host\w*|data ?cent\w*))|"
    r"\b(?:muss|müssen|soll)\s+(?:\w+\s+){0,2}(?:auf|in)\s+(?:unserem|unseren|unserer|diesem|dem|meinem|einem)\s+"
    r"(?:eigenen\s+)?(?:server\w*|rechner\w*|mac\w*|laptop\w*|hardware|cluster)\s+laufen|"
    r"\bdoi(?:t|vent)\s+tourner\s+(?:sur|chez)\s+(?:notre|nos|ce|cette|mon|ma|nous)\b|"
    r"\b(?:tiene[n]? que|debe[n]?|tem que|deve[m]?)\s+(?:correr|ejecutarse|funcionar|rodar|girare|girar)\s+"
    r"(?:en|no|na|sul|sui|nel)\s+(?:our|nuestro|nuestros|nosso|nossos|nostro|nostri|este|ese|esse|mi|meu|questo)\b|"
    r"(?:必须|只能|要|得)在(?:我们|公司|本地|自己)[^,，。]{0,6}(?:服务器|机器|电脑|笔记本|机房|内网|环境)(?:上|里|内)?"
    r"(?:跑|运行|部署)|"
    r"(?:自社|社内|うち|自前|手元)の?(?:サーバー?|マシン|pc|パソコン|環境|mac)で(?:動かす|動かさ|運用|稼働|実行)|"
    r"(?:사내|자체|우리|저희|내부)\s*(?:서버|장비|pc|맥|환경)에서\s*(?:돌려야|돌려|운영해야|실행해야|구동)")
# A reason that makes the machine a rule about the data: confidentiality, secrecy, an NDA
CONFIDENTIAL = re.compile(r"confidential\w*|\bnda\b|\bprivileged\b|\bsecret\w*|vertraulich\w*|geheimnis\w*|"
                          r"schweigepflicht|confidentialit[ée]|confidencial\w*|sigil\w*|riservat\w*|vertrouwelijk\w*|"
                          r"poufn\w*|tajemnic\w*|sekretess|gizli\w*|конфиденциальн\w*|тайн\w*|保密|机密|涉密|機密|"
                          r"秘密|기밀|보안")


# --- s13-a (issue 17): the rule said by its parts, in every language of the enterprise mail of heldout43 -------------
# A rule about where the data lives is said with a few parts whose words each language has: an obligation ("must",
# "devono", "bắt buộc phải", "wajib", "يجب"), a verb of staying or storing, and a place of the user's own or the country
# ("our data centre", "nostri server", "trong nước", "pusat data nasional", "خوادمنا"); or a refusal next to leaving
# ("not allowed off our network", "non possono uscire") or next to an outside cloud ("cloud esterni non se ne parla",
# "облачные API не рассматриваем", "tidak boleh ke cloud asing"). Each part is a table; the reading is structural, so
# a phrasing nobody listed is read when its parts are.
_MUST = (r"(?:\b(?:must|has to|have to|needs? to|required to|mandatory|only|obligatori\w*|tienen? que|deben?|"
         r"devono|deve|moet(?:en)?|muszą|musi|powinny|powinno|chahiye|harus|wajib|mesti|hanya|phải|cần|chỉ|"
         r"bắt buộc)\b|(?<![а-я])(?:должн\w*|обязан\w*|только)(?![а-я])|يجب|لازم|ينبغي|لا بد|فقط)")
_KEEP = (r"(?:\b(?:stay\w*|remain\w*|kept|stored|hosted|processed|live|sit|quedar\w*|permanecer|almacenad\w*|"
         r"guardad\w*|alojad\w*|restare|rimanere|restano|rimangono|resti|rimanga|conservat\w*|ospitat\w*|"
         r"archiviat\w*|blijven|blijft|opgeslagen|bewaard|zostać|pozostać|przechowywan\w*|rehna|rahna|rahega|"
         r"rahegi|tetap|disimpan|berada|tinggal|nằm|ở lại|lưu trữ|lưu)\b|"
         r"(?<![а-я])(?:оставаться|храниться|находиться|лежать)(?![а-я])|تبقى|يبقى|تظل|تخزن|تُخزن|تخزين|تحفظ|تُحفظ|"
         r"مستضافة|محفوظة)")
_OWN_PLACE = (r"(?:\b(?:our|the \w+'s|nuestr[oa]s?|(?:i |il )?nostr[ioea]|onze|ons|naszych|naszej|naszym)\s+"
              r"(?:own\s+|propi[oa]s\s+|eigen\s+)?(?:\w+\s+)?(?:servers?|servidores|serwer\w*|data ?cent(?:er|re)s?|"
              r"datacent\w*|centros? de datos|centrum danych|serwerowni|network|red|rete|netwerk|sieci|premises|"
              r"infrastructure|infrastruttura|infraestructura|instalaciones|building|walls|sistemi|systems|"
              r"environment|infra|tenant|vpc)\b|"
              r"\b(?:territorio nacional|territorio nazionale|in casa|in azienda|"
              r"w kraju|u nas|trong nước|nội địa|nội bộ|(?:tại|ở) việt nam|dalam negeri|di indonesia|"
              r"(?:pusat data|server|data center) (?:kami|kita|sendiri|internal|nasional))\b|"
              r"(?<![а-я])(?:(?:наших|своих|свои|нашем|своём|своем) (?:серверах|серверы|цод\w*|дата-центр\w*)|"
              r"в стране|внутри компании)(?![а-я])|"
              r"خوادمنا|خوادمنا الخاصة|مركز بياناتنا|مراكز بياناتنا|شبكتنا|(?:داخل|في) (?:ال)?(?:دولة|بلد|مملكة|شركة))")
_OFF_REFUSED = (r"(?:\b(?:nothing|none|not|never|no)\b|n't)[^.;,!?]{0,30}?\b(?:allowed|permitted|go(?:es)?|leav\w*|"
                r"taken|"
                r"moved)\s+(?:off|out of|outside)\s+(?:of\s+)?(?:our|the)\s+(?:own\s+)?(?:network|premises|site|"
                r"servers?|building|walls)\b|"
                r"\bno (?:pueden?|deben?) (?:salir|abandonar)\b|"
                r"\bnon (?:può|possono|devono|deve) (?:uscire|lasciare)\b|"
                r"\bkhông được (?:phép )?(?:ra khỏi|rời khỏi|đưa ra ngoài|ra ngoài|gửi ra ngoài|ra nước ngoài)|"
                r"\b(?:tidak boleh|dilarang|nggak boleh|gak boleh) (?:keluar|dibawa keluar|dikirim ke luar)\b")
_CLOUD_OUT = (r"(?:\b(?:external|foreign|public|third[\s\-]party|outside)\s+clouds?\b|\bclouds?\s+(?:external|"
              r"estern\w*|asing|publik|luar|nước ngoài|pubblic\w*|extern\w*)\b|\bcloud apis?\b|"
              r"(?<![а-я])облачн\w*(?![а-я])|(?:ال)?سحاب\w*|الكلاود|đám mây|\bcloud\b)")
_CLOUD_REFUSED = (r"(?:\b(?:not considered|out of the question|non se ne parla|nemmeno per sogno|descartad\w*|"
                  r"no se contempla|uitgesloten|nie wchodzi w grę|không xem xét|không (?:được|dùng|cho phép)|"
                  r"tidak boleh|dilarang|tidak mungkin)\b|(?<![а-я])(?:не рассматрива\w*|исключен\w*)(?![а-я])|"
                  r"غير وارد|مرفوض|ممنوع|لا يجوز)")
_KEPT_RE = re.compile(rf"{_MUST}[^.;!?\n]{{0,25}}?{_KEEP}[^.;!?\n]{{0,30}}?{_OWN_PLACE}|"
                      rf"\b(?:stays?|remains?|blijft|resta|rimane)\s+(?:\w+\s+)?(?:in|on|within|inside|op|nel|nei|"
                      rf"sui|sul)\s+{_OWN_PLACE}|"  # "it all stays in the Trust's own data centre"
                      rf"{_OFF_REFUSED}|"
                      rf"{_CLOUD_REFUSED}[^.;!?\n]{{0,12}}?(?:\b(?:to|ke|lên|a|al|in|na|do)\s+)?{_CLOUD_OUT}|"
                      rf"{_CLOUD_OUT}[^.;!?\n,]{{0,25}}?{_CLOUD_REFUSED}")
_WAIVED = re.compile(r"\b(?:doesn'?t|does not|don'?t|do not|no need|not required|not necessary|ideally|if possible|"
                     r"preferably|maybe|perhaps|tidak perlu|không cần|no hace falta|non serve|niet nodig|nie musi)\b|"
                     r"(?<![а-я])(?:не обязательно|не нужно|желательно)(?![а-я])|لا داعي|ليس ضروري")


# Some data kept in and other data let out ("the customer data can't leave, whereas the KB articles may go to an
# external API", "yang tidak boleh keluar itu data pelanggan, sedangkan artikel ... boleh dikirim"): no blanket rule
_BUT_MAY = re.compile(r"(?:\b(?:but|whereas|while|sedangkan|tapi|tetapi|namun|mentre|invece|pero|mientras que|maar|"
                      r"terwijl|ale|natomiast|còn|nhưng|magar|lekin)\b|(?<![а-я])(?:но|а)(?![а-я])|لكن|بينما|أما)"
                      r"[^.;!?\n]{0,60}?(?:\b(?:can|may|allowed|fine|ok|boleh|được|possono|può|pueden|puede|mogą|może|"
                      r"mag|mogen|kunnen|sakte|sakti)\b|(?<![а-я])(?:можно|могут|может)(?![а-я])|يمكن|مسموح|لا مانع)")


def kept_inside(text: str) -> bool:
    """True when a clause of ``text`` says the data stays in a place of the user's own or refuses an outside cloud.

    "I dati devono restare nei nostri data center", "Dữ liệu bắt buộc phải lưu trữ trong nước", "nothing we hold is
    allowed off our network", "cloud esterni non se ne parla"; a question, a waived or hedged clause ("doesn't have to
    stay on our servers", "ideally in-house") or other data let out beside it says no rule.
    """
    if _BUT_MAY.search(text):
        return False
    for sentence in re.findall(r"[^.!?。！？;\n]+[.!?。！？;\n]*", text):
        if "?" in sentence or "？" in sentence:
            continue
        for clause in re.split(r"[,，、]", sentence):
            if (_KEPT_RE.search(clause) or NEVER_LEAVES.search(clause)) and not _WAIVED.search(clause):
                return True
    return False


# --- lead s16 (issue 17): the model run by the user, said by its parts (heldout49's long openings) -----------------
# A verb of running, hosting or installing the model and a place of the user's own in one sentence, either order, or
# the verb with "ourselves" right after it, in every language of the lexicon: "it has to run in our own DC", "Alles
# selbst betrieben", "on fera tourner le modèle dessus nous-mêmes", "el modelo lo alojaríamos nosotros", "Rodaria em
# servidor próprio", "オンプレで動かしたい", "내부 서버에 설치해야 합니다", "模型放在自己机房里跑". A place alone ("the
# data stays on our servers") is a rule on the data, not who runs the model: the place needs the verb.
_HOST_VERB = (r"(?:\b(?:run|running|ran|runs|host|hosting|hosted|hoste\w*|deploy\w*|install\w*|self[\s\-]?manage\w*|"
              r"betreib\w*|betrieben|betrieb|hosten|gehostet|installier\w*|laufen|läuft|"
              r"héberg\w*|tourn\w*|déploy\w*|exploit\w*|alojar\w*|aloja\w*|hosped\w*|desplegar\w*|despleg\w*|"
              r"correr\w*|instalar\w*|instala\w*|ejecutar\w*|rodar\w*|roda\w*|implant\w*|execut\w*|"
              r"ospit\w*|installa\w*|far girare|girare|eseguir\w*|fit)\b)")
# A place of the user's own said with a word that also describes teams and tools ("an in-house legal team", "runs
# internally for staff"): only right after the verb and its object ("run everything in-house", "Betrieb zwingend
# on-premise"), or right before the verb ("intern betrieben")
_HOST_NEAR = (r"(?:\bin[\s\-]house\b|\bon[\s\-]prem(?:ise)?s?\b|\binternally\b|\binhouse\b|"
              r"\bchez nous\b|\ben interne\b|\ben casa\b|\binternamente\b|\bin casa\b|\blocally\b|\blokal\b)")
# A machine or room of the user's own: anywhere in the sentence of the verb
_HOST_PLACE = (r"(?:\b(?:in|on|inside) our own (?:[\w\-]+ )?(?:servers?|hardware|infra\w*|cluster|k8s|kubernetes|"
               r"gpus?|box|machines?|dc|data ?cent\w+|vpc|racks?|accounts?|tenant|subscription|project|environment|"
               r"kit)\b|\bon our (?:servers|hardware|infra\w*|cluster|k8s|"
               r"kubernetes|gpus)\b|\bin our (?:dc|data ?cent\w+|vpc|server room|racks?)\b|"
               r"\bim eigenen (?:rz|rechenzentrum)\b|"
               r"\bauf (?:unseren|unserer|eigenen)(?: eigenen)? (?:servern?|hardware|maschinen)\b|"
               r"\bsur (?:nos|notre) (?:propres? )?(?:serveurs?|infra\w*|machines?|cluster)\b|"
               r"\ben (?:nuestros?|nuestra) (?:propios? )?(?:servidor(?:es)?|cpd|centro de datos|infraestructura)\b|"
               r"\bservidor(?:es)? propios?\b|\bservidor(?:es)? próprios?\b|\b(?:nossos?|nossa) (?:própri[ao]s? )?"
               r"(?:servidor(?:es)?|infraestrutura|datacenter)\b|\bsui nostri server\b|"
               r"\bnel nostro (?:data ?center|ced)\b|"
               # the gloss turns "nuestros", "nossos", "nostri", "unseren" into "our"
               r"\b(?:en|nos|nas|no|na|sui|sul|nel|nei|dans|sur|auf|im|em|do|da|dans les)\s+our\s+"
               r"(?:own\s+|propi[oa]s?\s+|própri[oa]s?\s+|propres?\s+|eigenen?\s+)?(?:servers?|servern|servidor(?:es)?|serveurs?|server|cpd|dc|"
               r"datacenter|"
               r"data ?cent\w+|centro de datos|rechenzentrum|rz|infra\w*|cluster|hardware|machines?|máquinas|"
               r"maschinen)\b)")
_HOST_OBJECT = (r"(?:it|them|everything|all|this|that|the (?:embedding )?models?|models?|embeddings?|es|alles|"
                r"le modèle|el modelo|o modelo|il modello|tout|todo|tudo|tutto|zwingend|komplett|vollständig|fully|"
                r"entirely|"
                r"completely|strictly|only|just|nur|solo|seulement|ausschließlich|exclusively|uniquement|solamente|"
                r"apenas|exclusivamente|esclusivamente|on their|on the client'?s|on the customer'?s|at the client'?s)")
# Who runs it, said right after the verb ("host it ourselves", "alojaríamos nosotros", "selbst betrieben" the other
# way round): words this common ("selbst wenn", "para nosotros") count only next to the verb
_BY_OURSELVES = r"(?:ourselves|nosotros(?: mismos)?|nous[\s\-]mêmes|nós mesmos|noi stessi|selbst)\b"
HOSTED_BY_US = re.compile(
    rf"{_HOST_VERB}[^.;!?。,，]{{0,40}}?{_HOST_PLACE}|{_HOST_PLACE}[^.;!?。,，]{{0,25}}?{_HOST_VERB}|"
    rf"{_HOST_VERB}\s+(?:{_HOST_OBJECT}\s+){{0,2}}{_HOST_NEAR}|(?:{_HOST_NEAR}|\bintern)\s+(?:zu\s+)?{_HOST_VERB}|"
    rf"{_HOST_VERB}\s+(?:(?:it|them|the models?|everything|this|lo|la|los|las|le|les|es|alles|dessus|tutto)\s+)?"
    rf"{_BY_OURSELVES}|"
    rf"{_HOST_VERB}\s+(?:[\w\-]+\s+){{1,3}}?(?:ourselves|nous[\s\-]mêmes|nós mesmos|noi stessi)\b|"
    rf"\bselbst\s+(?:zu\s+)?{_HOST_VERB}|"
    # Japanese, Korean, Chinese: the place, a particle, the verb ("on-prem" is the gloss of オンプレ)
    r"(?:on-prem|オンプレ(?:ミス)?|自社|社内|自前|弊社)[^。、,]{0,12}?(?:で|に)\s*(?:動か|運用|構築|稼働|導入|設置|"
    r"ホスト|デプロイ)|自前(?:で|の)?\s*(?:運用|ホスト|構築|稼働|動か)?(?!\s*(?:で|に)?\s*(?:持|所有|保有|購入|買))|"
    # (s17-a: "RTX 4090が1枚、自前で持ってます": a card owned, not who runs the model)
    r"(?:내부|사내|자체|우리|저희|온프레미스)\s*(?:서버|인프라|데이터\s*센터|idc|환경|망|장비)?\s*(?:에|에서|로)?\s*"
    r"(?:직접\s*)?(?:설치|운영|운용|구축|돌리|돌려|돌릴|돌린|올리|올릴|배포|호스팅|구동)|"
    r"직접\s*(?:호스팅|운영|운용|설치|돌리|돌려|돌릴|구축)|"
    r"(?:部署在|跑在|装在|运行在)(?:我们)?(?:自己|公司|内部|本地)的?[^,，。]{0,4}(?:机房|服务器|数据中心|内网|集群)|"
    r"在(?:我们)?(?:自己|公司|内部|本地)[^,，。]{0,6}?(?:机房|服务器|数据中心|内网|集群)(?:里|上|内)?(?:跑|部署|运行)|"
    r"本地化(?:部署|运行)|(?<![不没别])自己(?:来)?(?:跑|运行|运维)")
