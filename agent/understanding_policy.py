"""The policy fields said by the structure of a sentence: who runs the model, whether the data may leave, the licence.

``agent.understanding_statements`` reads the cues of each field; the readers here take the structures its cue tables
miss, on the glossed, lower-case text, in every language of the lexicon (issue 17, dev12c):

- **both sides named, neither chosen**: "either self-hosting or an API works",
  "自社運用でもAPIでも、どちらでも構いません",
  "Selbst hosten oder API - beides wäre in Ordnung" -> deployment any (and no data rule: an API allowed by
  indifference lets nothing leave yet);
- **an API wanted**: running servers is a burden ("저희가 직접 서버 운영하는 건 부담스러워서 API 쓰는 게 좋겠어요",
  "we don't have the people for that"), or a decision said ("management wants us to use a hosted API after all",
  "결국 API로 가기로 했습니다") -> api; an API named in a hypothetical ("if we had to use an API, what would it
  cost?", "Stel dat we een API nemen") states no deployment;
- **the data may not be sent out**: a forbidding word, a sending verb and an outside place in one clause ("Daten
  dürfen nicht raus", "文件不可以传出公司", "dış sunuculara gönderilemez", "nothing gets sent to an outside server")
  -> true, and with "it has to run inside" ("muss also intern laufen", "무조건 내부망에서") also self_hosted; a
  permission to send it out ("Mag gewoon naar een externe API", "bahar ki API ko bhej sakte hain") -> false;
- **the licence**: a company's internal tool or its business use, selling support beside a non-profit, and a
  correction towards selling ("刚才说无所谓不对，后面可能要商用") -> commercial; a university, college or thesis
  project, "the licence is not a problem" -> any.
"""

from __future__ import annotations

import re
from typing import Any

from agent import understanding_patterns as P
from agent import understanding_residency as R

_CLAUSE = re.compile(r"[,;.!?。，、；！？\n]+|\s[–—-]\s|:")
_SENTENCE = re.compile(r"[.!?。！？\n]+")


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c.strip()]


# --- who runs the model ---------------------------------------------------------------------------------------------
_API = re.compile(r"(?<![a-z])apis?(?![a-z])|\bhosted api|\bmanaged (?:service|api)|\bsaas\b|"
                  # "hosted or self-hosted", "on-prem vs cloud": the bare word set against the user's own hosting
                  r"(?<![\w-])(?:hosted|managed|cloud)(?=\s*(?:or|vs\.?|versus|/)\s*(?:self|on[\s\-]?prem|local))|"
                  r"(?<=self-hosted or )hosted\b|(?<=self hosted or )hosted\b|(?<=on-prem or )cloud\b|"
                  r"(?<=on-prem vs )cloud\b")
# The user's own hosting, as each language says it (after the gloss, which writes some as "self-host")
_OWN = re.compile(
    r"self[\s\-]?host\w*|\bauto[\s\-]+(?:hosted|h[ée]berg\w*)|\bhost\w* (?:it |them )?ourselves|\brun\w* \w+ ourselves|"
    r"\bown (?:servers?|hosting|box|infra\w*|gpus?)|\bin[\s\-]house\b|\b(?:in|en|em) casa\b|\bin huis\b|"
    r"\bon[\s\-]?prem\w*|\bselbst (?:hosten|betreiben)|"
    r"\bzelf (?:hosten|draaien)|\balojar\w* nosotros|\bhosped\w* nós|\bospitar\w* noi|\bu nas\b|\bkendimiz\b|"
    r"\bapn[ae] (?:servers?|gpus?|hardware|machines?)\b|"  # s16-b: "API ya apna server"
    r"\begen drift\b|\bkhud\b|(?<![а-яіїє])(?:свой|свої|свій|власний|власні|свои) (?:хостинг|сервер\w*)|"
    r"自己(?:搭|部署|host|托管|跑|维护|运维)?|自建|自托管|自社(?:運用|サーバー?)?|自前|セルフホスト|オンプレ|"
    r"(?:직접|자체)\s*(?:호스팅|운영|서버)|서버 운영|"
    # s10-b: "и через API, и у себя", "на своих серверах"
    r"(?<![а-яіїє])(?:у себя|на своих серверах|на своём сервере)(?![а-яіїє])")
# Indifference between the two sides: "both", "either ... or ... works", "sia ... sia", "tanto ... como"
_BOTH = re.compile(
    r"\beither\b|\bboth\b|\bsia\b[^.;]*\bsia\b|\btanto\b[^.;]*\bcomo\b|\band\b[^.;]{0,40}\band\b|"
    r"\bda\b[^,.;]*\bda (?:olur|fark etmez)|\bdua-duanya\b|\bkeduanya\b|\bdono\b|\bbåda\b|\bobie\b|\ballebei\b|"
    r"\bbeides\b|\bles (?:deux|2)\b|\bambos\b|\bambas\b|\bas duas\b|\bentrambi\b|\bgenauso\b|"
    r"でも[^、。,]*でも|どちらでも|どっちでも|든[^,.]*든|이든[^,.]*이든|둘 다|"
    r"都(?:行|可以|ok|没问题|冇所谓|没有所謂|无所谓)|"
    r"(?<![а-яіїє])(?:хоть|хоч)\b[^,.;]*(?:хоть|хоч)\b|(?<![а-яіїє])(?:оба|обидва)(?![а-яіїє])")
_OR = re.compile(r"\bor\b|\boder\b|\bou\b|\bo\b|\bof\b|\balbo\b|\blub\b|\beller\b|\bveya\b|\bya\b|\batau\b|"
                 r"(?<![а-яіїє])(?:или|або|чи)(?![а-яіїє])|或者?|还是|定|でも|든|거나")
_FINE = re.compile(r"\bworks?\b|\bfine\b|\bok(?:ay)?\b|\bgood\b|\bfunkar\b|\bolur\b|\bbisa\b|\bchalega\b|\bprima\b|"
                   r"\bsama (?:saja|aja)\b|\bwhatever\b|\bthế nào cũng được\b|"
                   r"\bvont\b|\bvale\b|\bservem\b|\bis fine\b|\bin ordnung\b|\bpeu importe\b|\begal\b|"
                   r"\bdoesn'?t matter\b|構いません|いい|괜찮|상관없|都行|都可以|无所谓|冇所谓|没有所謂|"
                   r"(?<![а-яіїє])(?:подойд\w+|підійд\w+|без разницы|без різниці|все равно|усе одно)(?![а-яіїє])")
# One side preferred: not indifference ("lieber eine API", "rather an API than hosting", "API がいい")
_PREFERENCE = re.compile(r"\brather\b|\bprefer|\bbetter\b|\blieber\b|\bplutôt\b|\bpréfér|\bmeglio\b|\bliever\b|"
                         r"\bhellre\b|\braczej\b|\bmending\b|\btercih\b|(?<![а-яіїє])(?:лучше|краще)(?![а-яіїє])|"
                         r"より|보다|比起")
# Running servers is a burden: the own side turned down ("부담스러워서", "keine Kapazität", "c'est trop lourd")
_BURDEN = re.compile(
    r"\bburden\w*|\bhassle\b|\bheadache\b|\btoo much\b|\bdon'?t have the (?:people|capacity|staff|team|time)\b|"
    r"\bno (?:capacity|ops|infra(?:structure)? team|one to)\b|\bnobody\b|부담|어렵|힘들|팀이 없어서|手が回ら|負担|大変|"
    r"维护不过来|运维不过来|不过来|太麻烦|没人(?:运维|维护|管)|\bno kapazität\b|\bkeine kapazität\b|\bzu aufwendig\b|"
    r"\btrop lourd\b|\bmucho trabajo\b|\bdor de cabeça\b|\bun peso\b|\bte veel gedoe\b|\bgedoe\b|\bza dużo\b|"
    r"(?<![а-яіїє])(?:накладно|важко|тяжело|сложно)(?![а-яіїє])|\byük\b|\bför mycket\b|\bingen som kan\b|"
    r"\bmushkil\b|\brepot\b|\bribet\b|\bnão tem(?:os)? equipe\b|\bno equipo\b")
_SERVERS = re.compile(r"\bservers?\b|\bserveurs?\b|\bservidor\w*|\bserwer\w*|\bservrar\b|\bsunucu\w*|сервер\w*|"
                      r"\binfra\w*|\bgpus?\b|\bhost\w*|\bdrift\w*|서버|サーバー?|服务器|伺服器|运维|维护")
# A decision or a wish for the API side ("management wants us to use a hosted API", "la dirección quiere que
# usemos una API", "API로 가기로 했습니다", "还是用云上的API吧")
_WANT = re.compile(
    r"\bwants?\b|\bdecided\b|\bgo(?:ing)? with\b|\blet'?s\b|\bmöchte\w*|\bwoll\w*|\bveu\w+|\bvoulons\b|"
    r"\bquier\w+|\bquer\w*|\bvuole\b|\bvogliono\b|\bwil\b|\bwillen\b|\bchce\w*|(?<![а-яіїє])хоч\w+|\bistiyor\w*|"
    r"\bvill\b|\bchah\w+|\bmaunya\b|\bingin\b|决定|改用|还是用|가기로|쓰기로|하기로|ことになりました|ことにしました|"
    r"使いたい|쓰는 게 좋|쓰고 싶|"
    # s13-b: the API side said to be better ("API로 가는 게 나을 것 같아요", "APIの方がいい", "用API比较好")
    r"(?:가는|쓰는|하는) (?:게|것이) (?:나을|낫|좋을|좋겠)|方が(?:いい|良い|よさそう|楽)|比较好|更好|"
    # s10-b: a decision said by its outcome ("finalement on passera par une API", "we'd rather just call an API")
    r"\bafter all\b|\bfinal(?:ly|ement)\b|\bal final\b|\balla fine\b|\buiteindelijk\b|\bw końcu\b|"
    r"(?<![а-яіїє])в итоге(?![а-яіїє])|\bsonunda\b|\bakhirnya\b|\bno fim\b|\bletztlich\b|\brather\b|\bprefer\w*")
# Using or hosting: what the wish is about ("use a hosted API", not "an API for our app")
_USE = re.compile(r"\bus(?:e|ing)\b|\busa\w*|\busem\w*|\bnutzen\b|\bnehmen\b|\butilis\w*|\butiliz\w*|\bpass\w* par\b|"
                  r"\bgebruik\w*|\bkorzysta\w*|(?<![а-яіїє])(?:использ\w*|використ\w*)|\bkullan\w*|\banvänd\w*|\bkör\w*|"
                  r"\bpakai\b|\bgo(?:ing)? with\b|\bcall\w*|\bhosted\b|\bgehost\w*|\bhospedad\w*|\bhostowane\b|"
                  r"\bhostat\b|\bbarındırılan\b|\bdi-host\b|\bin cloud\b|\bcloud\b|\bexternal\b|облачн\w*|хмарн\w*|"
                  r"用|使う|使い|쓰|가기로|로 가")
_OWN_API = re.compile(r"\b(?:our|own|internal|rest|graphql|search|public)\s+apis?\b|api (?:for|to) (?:our|the) "
                      r"(?:app|frontend|clients?|users?)")
# An API named in a hypothetical: "if we had to use an API", "¿y si usáramos una API?", "API kullansak"
_IF = re.compile(r"\bif\b|\bsuppos\w*|\bwenn\b|\bfalls\b|\bangenommen\b|\bsi\b|\bstel dat\b|\bgdyby\w*|"
                 r"\bse (?:a gente|nós|dovessimo|usassimo|usássemos|usasse\w*|usarmos|for)\b|\bom vi\b|"
                 r"\bjeśli\b|\bjeżeli\b|(?<![а-яіїє])(?:если|якщо)(?![а-яіїє])|\beğer\b|\bagar\b|\bkalau\b|"
                 r"\bjika\b|\bseandainya\b|もし|としたら|만약|如果|假如|要是")
_IF_AFTER = re.compile(r"^\s*\w*\s*\w+(?:sak|sek)\b|^[^,.;]{0,12}としたら")


# One side taken back by name: "scratch the self-hosting thing, we'd rather just call a hosted API" (s10-b)
_TAKEN_BACK = re.compile(r"\b(?:scratch|forget|drop|ditch|no more|instead of|rather than)\s+(?:about\s+)?"
                         r"(?:the\s+|that\s+|all\s+the\s+)?$")


def _negated_before(text: str, start: int) -> bool:
    before = _CLAUSE.split(text[max(0, start - 30):start])[-1]
    return bool(P.NEGATION_BEFORE.search(before.rstrip()))


def _hypothetical(text: str, match: re.Match[str]) -> bool:
    sentence_start = max((text.rfind(c, 0, match.start()) for c in ".!?。！？\n"), default=-1) + 1
    return bool(_IF.search(text[max(sentence_start, match.start() - 40):match.start()])
                or _IF_AFTER.match(text[match.end():match.end() + 25]))


# s14-c: the two ways of hosting set against each other in a question ("自建和调API哪个更便宜？", "자체 호스팅이랑 API
# 중에 뭐가 더 싸요?", "is self-hosting or the API cheaper?"): asked about, neither chosen
_WHICH = re.compile(r"\bwhich\b|\bor\b|\bvs\.?\b|\bversus\b|\bcompared?\b|哪个|哪種|哪种|还是|還是|相比|比较|どちら|"
                    r"どっち|뭐가|어느|중에|\bcu[áa]l\b|\bqual\b|\bwelche\w*\b|\blequel\b|\blaquelle\b|\bquale\b")


def _compared_in_question(text: str, api: re.Match[str], own: re.Match[str]) -> bool:
    """Both ways of hosting named in one question sentence that sets them against each other."""
    left = max((text.rfind(c, 0, min(api.start(), own.start())) for c in ".!?。！？\n"), default=-1) + 1
    ends = [i for i in (text.find(c, max(api.end(), own.end())) for c in ".!?。！？\n") if i >= 0]
    right = min(ends, default=len(text))
    return right < len(text) and text[right] in "?？" and bool(_WHICH.search(text, left, right))


def _deployment(text: str, asked: str | None, updates: dict[str, Any]) -> bool:
    """Who runs the model; True when both sides were named and neither chosen."""
    apis = [m for m in _API.finditer(text) if not _negated_before(text, m.start())
            and not P.REFUSED_AFTER.match(text, m.end())]
    owns = [m for m in _OWN.finditer(text) if not _negated_before(text, m.start())
            and not _TAKEN_BACK.search(text[max(0, m.start() - 30):m.start()])]
    if apis and owns and asked != "deployment" and all(_compared_in_question(text, a, o) for a in apis for o in owns):
        updates.pop("deployment", None)  # "自建和调API哪个更便宜？": a question, no choice
        return False
    if apis and owns and not _PREFERENCE.search(text) and not _BURDEN.search(text) and (
            _BOTH.search(text) or P.NO_PREFERENCE.search(text) or (
                _FINE.search(text) and any(_OR.search(text[min(a.end(), o.end()):max(a.start(), o.start())])
                                           for a in apis for o in owns))):
        updates["deployment"] = "any"  # "either self-hosting or an API works": both sides named, none chosen
        if updates.get("data_must_stay_on_prem") is False and not R.not_sensitive(text) and not R.NO_LIMIT.search(
                text):
            del updates["data_must_stay_on_prem"]  # "セルフホストでもAPIでもいい": the API allowed as one side
        return True
    if apis and all(_hypothetical(text, m) for m in apis):
        if updates.get("deployment") == "api":
            del updates["deployment"]  # "if we had to use an API, what would it cost?": nothing chosen
        return False
    burden = _BURDEN.search(text)
    if burden and (apis or asked == "deployment") and (_SERVERS.search(text) or owns or asked == "deployment") and \
            updates.get("data_must_stay_on_prem") is not True:
        updates["deployment"] = "api"  # "서버 운영하는 건 부담스러워서 API", "we don't have the people for that"
        return False
    for clause in _clauses(text):
        if "?" in clause:
            continue
        api, want = _API.search(clause), _WANT.search(clause)
        if api and want and _USE.search(clause) and not _OWN_API.search(clause) and \
                not _negated_before(clause, api.start()) and not _negated_before(clause, want.start()) \
                and not _IF.search(clause) and not _OWN.search(clause):
            if updates.get("deployment") != "self_hosted" or not owns:
                updates["deployment"] = "api"  # "management wants us to use a hosted API after all"
            return False
    return False


# --- whether the data may leave -------------------------------------------------------------------------------------
_OUTSIDE = re.compile(
    r"\boutside\b|\bexternal\w*|\bextern\w*|\bout of (?:our|the)\b|\braus\b|nach au(?:ß|ss)en|ext[ée]rieur|"
    r"\bde fuera\b|\bfuera\b|\bfuori\b|\bbuiten\b|zewnętrzn\w*|\bpoza\b|(?<![а-яіїє])(?:внешн\w*|наружу|зовнішн\w*|"
    r"назовні)|\bdış\b|\bdışarı\w*|\bharici\b|\butanför\b|\bluar\b|\bbahar\b|外部|外面|外网|出去|传出|出公司|社外|外に|"
    r"外へ|외부|밖")
_SEND = re.compile(
    r"\bsen[dt]\w*|\bupload\w*|\bgo(?:es|ing)?\b|\bleave\b|\bgehen\b|geschickt|schick\w*|\braus\b|\benvo\w*|"
    r"\bpart\b|\bsortir\b|\bmand\w*|\benvi\w*|\binvia\w*|\buscire\b|\bstur\w*|\bgestuurd\b|\bnaar\b|wysył\w*|wysłać|"
    r"(?<![а-яіїє])(?:слат\w*|отправ\w*|переда\w*|відправ\w*|надсила\w*)|gönder\w*|\bskicka\w*|\bdikirim\b|\bkirim\w*|"
    r"\bkeluar\b|\bbhej\w*|传|发|送|出|보내|나가|전송")
_FORBID = re.compile(
    r"n't\b|\bnot\b|\bno\b|\bnever\b|\bnothing\b|\bnicht\b|\bkein\w*|\brien\b|\bjamais\b|\bni de broma\b|"
    r"\bnão\b|\bguai\b|\bniet\b|\bnie\b|(?<![а-яіїє])(?:нельзя|не|ні)(?![а-яіїє])|\w(?:em|am|il|ıl)emez\b|"
    r"\binte\b|\btidak boleh\b|\bjangan\b|\bnahi\b|不|唔|禁止|ダメ|だめ|駄目|いけない|안\s*(?:돼|됩)|금지|못")
# A forbidding word that grants instead: "no problem", "don't mind", "not sensitive", "no need to"
_GRANTING = re.compile(r"\bno problem\b|\bnot de souci\b|\bpas de souci\b|\bdon'?t mind\b|\bdon'?t (?:need|have) to\b|"
                       r"\bnot sensitive\b|\bno (?:need|rules?|requirements?)\b|"
                       r"\bnot (?:necessary|needed|required)\b|\bdoesn'?t (?:need|have) to\b|不一定|不用|不需要|不必|"
                       r"没问题|不是问题|不敏感")
# A permission to send the data out ("mag gewoon naar een externe API", "można je wysłać", "bhej sakte hain")
_MAY = re.compile(r"\bmag\b|\bmogen\b|\bcan\b|\bmay\b|\bboleh\b|\bmożna\b|\bsakte\b|\bpode\w*|\bpuede\w*|\bkann\b|"
                  r"\bdürfen\b|\bpeut\b|\bpuò\b|\bpossono\b|(?<![а-яіїє])(?:можно|можна)(?![а-яіїє])|\bgår bra\b|"
                  r"\bgönderilebilir\b|\bdon'?t mind\b|\bfine\b|\bno problem\b|\bnot de souci\b|"
                  r"apis?\s*(?:都|也)?\s*ok\b|"
                  r"(?<![不唔])可以|没问题|大丈夫|괜찮|돼요")
# Hosting of one's own turned down outright ("自社で運用するつもりはありません"): the API allowed is the API chosen
_DECLINED = re.compile(r"つもりはありません|つもりはない|予定はありません|\bdon'?t want to\b|\bwon'?t\b|\bwill not\b|"
                       r"(?:運用|管理|ホスト|保守|構築)(?:は)?したくない|"  # s14-b: "自分たちで運用したくないので"
                       r"不想|"
                       r"不打算|하지 않을|안 할|생각(?:은|이)? 없")
# The API side called the easiest ("APIで使えるならそれが一番楽です"): preferred, not only allowed
_EASIEST = re.compile(r"\beasiest\b|\beasier\b|\bsimplest\b|\bsimpler\b|一番楽|楽です|最省事|最方便|제일 편|가장 편")
# No rule that the data stays: "keine Vorgabe, dass ...", "tidak ada aturan seperti itu", "no such rule"
_NO_RULE = re.compile(r"\bno (?:vorgabe|requirement|rule|regel|obligation|pflicht)\w*,? "
                      r"(?:that|dass|que|che|dat|att)\b|"
                      r"\btidak ada (?:aturan|batasan|larangan)\b|\bno such (?:rule|requirement|restriction)\b|"
                      r"\bkoi (?:rule|niyam)\w* nahi\b|\bgeen (?:regels|regel)\b")
_CLOUDWARD = re.compile(r"(?<![a-z])apis?(?![a-z])|\bcloud\b|\bopenai\b|\bexternal\b|\bextern\w*|zewnętrzn\w*|"
                        r"\bluar\b|\bbahar\b|外部|海外|云|クラウド|외부|클라우드")
_NOT_SENSITIVE = re.compile(r"没那么敏感|不太敏感|不那么敏感|\bniks gevoeligs?\b|\bniets gevoeligs?\b|"
                            r"\bnic wrażliwego\b|"
                            r"\btidak sensitif\b|\bsensitive nahi\b|\bnot sensitive\b|\bhassas (?:veri )?yok\b|"
                            r"\binget känsligt\b|(?<![а-яіїє])(?:не секретн\w*|не чутлив\w*|не конфиденциальн\w*)")
# The model runs inside: "it has to run in-house", "muss intern laufen", "必须在内网跑", "무조건 내부망에서 돌려야"
_RUN = re.compile(r"\brun\w*|\blaufen\b|\btourner\b|\bcorrer\b|\bgirare\b|\bdraaien\b|\bdziała\w*|"
                  r"(?<![а-яіїє])(?:работа\w*|працю\w*)|\bçalış\w*|\bkör\w*|\bchal\w*|चल|\bjalan\b|跑|度行|运行|運行|"
                  r"動か|稼働|돌려|돌리|운영|실행|前提")
_INSIDE = re.compile(r"\bin[\s\-]house\b|\bintern\w*|\binside\b|\bour (?:own )?(?:servers?|box|machines?|hardware|"
                     r"network|red interna|server)\b|\bnos serveurs\b|\bred interna\b|\bnostri server\b|"
                     r"\bnaszej sieci\b|(?<![а-яіїє])внутр\w*|\biç ağ\w*|\begna servrar\b|"
                     r"\bapne server\b|अपने server|\bjaringan internal\b|内网|内部|自己伺服器|自己的?服务器|내부망|사내|"
                     r"자체 서버|社内|自社")
_ONLY = re.compile(r"\bonly\b|\bnur\b|\bsolo\b|\bseulement\b|\btylko\b|(?<![а-яіїє])(?:только|тільки)(?![а-яіїє])|"
                   r"\bsadece\b|\bendast\b|\bhanya\b|\bmust\b|\bhas to\b|무조건|只|のみ|だけ|必须|一定要")


def _granted(clause: str) -> bool:
    """A word that grants ("no problem", "可以", "fine"), not itself negated ("不可以", "唔可以")."""
    return bool(_GRANTING.search(clause)) or any(
        not re.search(r"[不唔]$", clause[:m.start()]) for m in R.OK.finditer(clause))


# Where the data stays, not where the model runs ("must stay on our own servers"); a cloud place of one's own ("run
# inside our own VPC") chooses no deployment
_STAY = re.compile(r"\bstay|\bremain|\bkept\b|\bstored\b|bleib|\brest(?:er|e|ent)\b|\bqued|\bfic(?:ar|am)\b|"
                   r"\brest(?:are|ino)\b|\bblijv|\bzosta|\bstanna|\bkal(?:malı|sın)|(?<![а-яіїє])(?:оста\w*|залиша\w*)|"
                   r"\brehna\b|\btetap\b|留|保存|保管|있어야")
_CLOUD_PLACE = re.compile(r"\bvpc\b|\bcloud\b|\btenant\w*|\baccount\b|\bregion\b|\bsubscription\b|\baws\b|\bazure\b|"
                          r"\bgcp\b|云|クラウド|클라우드")


def _refused(clause: str) -> bool:
    """A forbidding word, a sending verb and an outside place in one clause: the data may not be sent out."""
    if "?" in clause or P.HEDGE.search(clause) or _granted(clause):
        return False
    may = _MAY.search(clause)
    if may and not _FORBID.search(clause[max(0, may.start() - 12):may.end() + 16]):
        return False  # "no, it can go to an external API": a permission after a "no" to the question
    return bool(_FORBID.search(clause) and _SEND.search(clause) and _OUTSIDE.search(clause))



def _permitted(clause: str) -> bool:
    """A permission to send the data to an outside service, not negated."""
    if "?" in clause or P.HEDGE.search(clause):
        return False
    may = _MAY.search(clause)
    if not may or _OWN_API.search(clause) or \
            not _CLOUDWARD.search(clause) or not (_SEND.search(clause) or _API.search(clause)):
        return False
    forbid = [m for m in _FORBID.finditer(clause) if not any(s <= m.start() < e for s, e in (
        g.span() for g in _GRANTING.finditer(clause)))]
    return not forbid


def _data_rule(text: str, asked: str | None, updates: dict[str, Any], either: bool) -> None:
    clauses = _clauses(text)
    if _NO_RULE.search(text) and not R.region_rule(text):
        updates["data_must_stay_on_prem"] = False  # "es gibt keine Vorgabe, dass die Daten bei uns bleiben müssen"
        return
    refused = [i for i, c in enumerate(clauses) if _refused(c)]
    if refused:
        updates["data_must_stay_on_prem"] = True  # "Daten dürfen nicht raus", "文件不可以传出公司"
        if any(not _CLOUD_PLACE.search(c) and ((_RUN.search(c) and _INSIDE.search(c)) or (
                _ONLY.search(c) and i > refused[0] and not _STAY.search(c) and _INSIDE.search(c)))
               for i, c in enumerate(clauses)):
            updates["deployment"] = "self_hosted"  # "... so it has to run in-house", "무조건 내부망에서"
        elif updates.get("deployment") == "api" and not P.API_ONLY.search(text):
            del updates["deployment"]
        return
    permitted = not either and any(_permitted(c) for c in clauses)
    if updates.get("data_must_stay_on_prem") is True and not (
            permitted and any(_GRANTING.search(c) for c in clauses) and not R.region_rule(text)):
        if "deployment" not in updates and any(_RUN.search(c) and _INSIDE.search(c) and (
                P.NEED_WORD.search(c) or _ONLY.search(c)) and not _CLOUD_PLACE.search(c) for c in clauses):
            updates["deployment"] = "self_hosted"  # "Mandantendaten ... muss also intern laufen"
        return
    if either:
        return
    if permitted or (_NOT_SENSITIVE.search(text) and (
            asked == "data_must_stay_on_prem" or _API.search(text))):
        updates["data_must_stay_on_prem"] = False  # "Mag gewoon naar een externe API, niks gevoeligs"
        if updates.get("deployment") in ("api", "any") and not P.API_ONLY.search(text) and \
                not _WANT.search(text) and not P.API_PREFERRED.search(text) and not _DECLINED.search(text) and \
                not _PREFERENCE.search(text) and not _EASIEST.search(text):
            del updates["deployment"]  # an API allowed chooses no deployment (the writers' convention)


# --- the licence ----------------------------------------------------------------------------------------------------
_TOOL = re.compile(r"\binternal\w* (?:tool|use)|\bintern\w* (?:tool|hulpmiddel|verktyg|narzędzie)|\binterne?s? tool\b|"
                   r"outil interne|herramienta interna|ferramenta interna|strumento interno|wewnętrzne narzędzie|"
                   r"(?<![а-яіїє])(?:внутренний инструмент|внутрішній інструмент)|\bşirket içi\b|\btool internal\b|"
                   r"अंदरूनी टूल|内部(?:用|使用)?的?工具|社内ツール|내부에서 쓰는 툴|사내 툴|業務で使|업무용")
_UNIVERSITY = re.compile(
    r"\buniversity\b|\buni[\s\-]projekt\b|\bcollege project\b|\bphd\b|\bthesis\b|\bmaster'?s\b|\btfm\b|\btcc\b|"
    r"\buniversitair\w*|\buniversitari\w*|\buniversiteitsproject\b|\bfaculdade\b|\bna uczelni\w*|\buniwersytec\w*|"
    r"(?<![а-яіїє])(?:университетск\w*|університетськ\w*)|\büniversite\w*|\btez\b|\buniversitetsprojekt\b|"
    r"\bkampus\b|\bskripsi\b|学校的课题|课题|毕业论文|大学の|研究室|卒論|修論|대학원|졸업 논문|논문용")
_NOT_A_PROBLEM = re.compile(
    r"(?:licen[cs]\w*|lizenz\w*|licentie\w*|licencj\w*|licens\w*|lisans\w*|lisensi|license|许可证?|ライセンス|"
    r"라이선스|(?<![а-яіїє])(?:лицензи\w*|ліцензі\w*))[^,.;]{0,20}?(?:isn'?t an? (?:issue|problem)|not an? (?:issue|"
    r"problem)|no (?:issue|problem)|not un problème|non è un problema|is geen probleem|är inget problem|bukan masalah|"
    r"sorun değil|koi issue nahi|不是问题|не має значення|не имеет значения|不是事)")
_SELL = re.compile(r"\bsell(?:s|ing)?\b|\bsold\b|\bcommerciali[sz]\w*|\bverkauf\w*|\bvendr\w*|\bvender\b|\bvendiendo\b|"
                   r"\bvendere\b|\bverkopen\b|\bsprzeda\w*|(?<![а-яіїє])(?:прода\w+)|\bsat(?:acağız|ıyoruz|arız)\b|"
                   r"\bsälja\b|\bsäljer\b|\bjual\b|\bbech\w+|\bcobramos\b|\bcharge\b|卖|販売|판매|상용|商用|製品に組み込|"
                   r"\bkomersial\b|\bcommercial\b")
_BUT_AFTER = re.compile(r"\bbut\b|\baber\b|\bmais\b|\bpero\b|\bma\b|\bmas\b|\bmaar\b|\bale\b|\bmen\b|\bama\b|"
                        r"\blekin\b|\btapi\b|(?<![а-яіїє])(?:но|але)(?![а-яіїє])|但|が、|지만")
_CORRECTING = re.compile(r"\bcorrection\b|\bscratch\b|\bsorry\b|\bi was wrong\b|不对|言いましたが|했는데|\bpoprawka\b|"
                         r"\bkoreksi\b|(?<![а-яіїє])(?:поправл\w*|виправл\w*)|\bgalat\b|\brättelse\b|\bdüzeltme\b|"
                         r"\brettifico\b|\bcorrig\w*|\bcorrij\w*|\bcorrectie\b|\bactually\b")
_UNSURE = re.compile(r"\bnot sure\b|\bunsure\b|\bdon'?t know\b|\bwhether\b|不确定|不知道|わかりません|모르")
_NO_MONEY = re.compile(r"\bno money\b|\bnot for (?:money|profit)\b|\bkein geld\b|不赚钱|不收费")
_SOLD = re.compile(r"\b(?:product|software|app|service|tool|platform|solution)s? (?:is |are |gets |will be |to be )?"
                   r"sold\b")
# s17-c: a thing of ours sold off ("the GPUs ... were sold in 2022", "the old servers got sold"): no product sold
_SOLD_OFF = re.compile(r"\b(?:they|it|those|these|which)?\s*(?:were|was|got|been|being|had been|have been)\s+$")
_TURKISH_NOT = re.compile(r"\b(?:ticari|commercial)\w* değil\b")


def _licence(text: str, asked: str | None, updates: dict[str, Any]) -> None:
    text = text.replace("sans doute", "surely")  # "on va sans doute commercialiser": no negation
    text = P.NOT_LICENCE.sub(lambda m: " " * len(m.group()), text)  # "our commercial director", "商业地产"
    if asked == "license" and _NO_MONEY.search(text) and not _SELL.search(text):
        updates["license"] = "any"  # "it's a PhD thing, no money involved": said of the licence, not a budget
        if updates.get("budget_usd_month") == 0.0:
            del updates["budget_usd_month"]
        return
    if _SOLD.search(text) and "license" not in updates:
        updates["license"] = "commercial"  # "the product is sold to law firms"
        return
    if _TURKISH_NOT.search(text):
        updates["license"] = "any"  # "Ticari değil, tez çalışması": not commercial
        return
    sells = [m for m in _SELL.finditer(text) if not _negated_before(text, m.start())
             and not P.NEGATION_AFTER.match(text[m.end():m.end() + 20])
             and not _SOLD_OFF.search(text[max(0, m.start() - 16):m.start()])]
    but = _BUT_AFTER.search(text)
    if sells and but and any(s.start() > but.start() for s in sells) and not P.HEDGE.search(text[but.start():]):
        updates["license"] = "commercial"  # "a non-profit, but we sell support"
        return
    licence_word = re.search(r"licen|lizenz|lisans|lisensi|ライセンス|라이선스|许可|лицензи|ліцензі", text)
    if sells and _CORRECTING.search(text) and (licence_word or asked == "license") and not _UNSURE.search(text):
        updates["license"] = "commercial"  # "刚才说无所谓不对，后面可能要商用": corrected towards selling
        return
    if "license" in updates:
        return
    if _NOT_A_PROBLEM.search(text) or (asked == "license" and _UNIVERSITY.search(text) and not sells):
        updates["license"] = "any"  # "university project, licence isn't an issue"
        return
    if asked == "license" and _TOOL.search(text) and not P.LICENSE_ANY.search(text):
        updates["license"] = "commercial"  # "an internal tool at a company": a company's use is commercial use
        return
    if asked == "license" and sells and not P.HEDGE.search(text):
        updates["license"] = "commercial"  # "Ya, untuk penggunaan komersial", "we'll sell it"


def read_policy(text: str, asked: str | None, updates: dict[str, Any]) -> None:
    """Deployment, the data rule and the licence read from the structure of ``text`` (glossed, lower case)."""
    either = _deployment(text, asked, updates)
    _data_rule(text, asked, updates, either)
    _licence(text, asked, updates)


def both_after_all(text: str, stated: dict[str, Any], updates: dict[str, Any]) -> bool:
    """A way of hosting stated, then both said to do, the other side named (s16-b): "any" (True when set).

    "hmm actually both. if a self-hosted model is clearly better we can run it" after an API, "Eigentlich beides – wenn
    die API deutlich besser ist, nehmen wir auch die" after self-hosting, "actually dono chalega, API ya apna server":
    the side named is taken as well, not instead (a condition's "better" prefers nothing).
    """
    before = stated.get("deployment")
    if before not in ("api", "self_hosted") or updates.get("deployment") not in (None, before, _OTHER[before]) or \
            "?" in text or _BURDEN.search(text) or not (_BOTH.search(text) or P.NO_PREFERENCE.search(text)):
        return False
    other = _OWN if before == "api" else _API
    if not any(not _negated_before(sentence, m.start()) and (_BOTH.search(sentence) or P.NO_PREFERENCE.search(
            sentence)) for sentence in re.split(r"[.!?;。！？；\n]", text) for m in other.finditer(sentence)):
        return False  # (the side and the "both" in one sentence: not "both English and German. data on-prem")
    updates["deployment"] = "any"
    return True


_OTHER = {"api": "self_hosted", "self_hosted": "api"}
