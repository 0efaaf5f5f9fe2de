"""Messages in German, French, Spanish and Japanese glossed into the English the recognisers read; number formats.

The offline understanding is written for English and Chinese. Rather than a second copy of every rule, a message is
first *glossed*: number formats become plain digits ("200.000" and "50 000" -> 200000 / 50000, "1,5 Mio." -> 1.5
million), and a table of phrases maps units, periods, people, counters, privacy and side-question words to their
English equivalents ("pro Tag" -> per day, "par mois" -> per month, "1人1日" -> each per day, "件のクエリ" ->
queries). The table is small and explicit on purpose: a phrase it does not know stays as it was, so an unknown word
never becomes a wrong value. Applied to lower-cased, NFKC-normalised text.
"""

from __future__ import annotations

import re

# Thousands separators: "200.000" / "1.500.000" (de, es), "50 000" / "1 200 000" (fr, with normal or thin spaces);
# decimal commas: "1,5 Mio." / "2,5 millones". English "1,200" (three digits after the comma) is left alone.
_DOT_THOUSANDS = re.compile(r"(?<![\w.,])(\d{1,3})((?:\.\d{3})+)(?![\d]|[.,]\d)")
_SPACE_THOUSANDS = re.compile(r"(?<![\w.,])(\d{1,3})((?:[ \u00a0\u202f]\d{3})+)(?![\d]|[.,]\d|\s*(?:gb|go|g\b|ms))")
_DECIMAL_COMMA = re.compile(r"(?<![\d,])(\d{1,6}),(\d{1,2})(?![\d])")
# Two neighbouring Chinese digits mean "one or two", "two or three" ...: their midpoint.
_CN_PAIR = re.compile(r"([一二两三四五六七八九])([二两三四五六七八九])(?=[十百千万亿页篇份个次天人张台周月]|$)")
_CN_VALUE = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# (pattern, English) in the order applied; every pattern is matched on lower-case text.
_PHRASES: tuple[tuple[str, str], ...] = (
    # --- Japanese: people, periods, counters (no spaces between words, so the English gets its own)
    (r"(?:1|一)人(?:あたり|当たり|(?=\d))", " each "),
    (r"(?:1|一)日(?:あたり|当たり|に|(?=\d|約))|毎日|日に", " per day "),
    (r"(?:1|一)か月(?:あたり|当たり)?|毎月|月に|月間|月額", " per month "),
    (r"(?:1|一)年(?:あたり|当たり)|年間", " per year "),
    (r"(?:1|一)秒(?:あたり|当たり)|毎秒", " per second "),
    (r"件のクエリ|件の検索|回の検索|件の問い合わせ", " queries "),
    (r"(?<=\d)回", " times "), (r"(?<=\d)枚", " gpus "), (r"(?<=\d)コア", " cores "),
    (r"(?<=\d)ページ", " pages "), (r"(?<=\d)文字", "字 "), (r"(?<=\d)単語", " words "),
    (r"(?<=[\d万億])件", " documents "), (r"(?<=\d)人", " people "), (r"(?<=[\d万億亿千])ドル", " dollars "),
    (r"(?<=[\d万億亿千])円", " yen "), (r"億", "亿"), (r"くらい|ぐらい|程度", " "),
    (r"社員|従業員", " employees "), (r"クエリ", " queries "), (r"検索", " searches "), (r"文書|"
     r"ドキュメント", " documents "),
    (r"契約書", " contracts "), (r"予算", " budget "), (r"エンジニア", " engineers "),
    (r"データは社外に出せ(?:ません|ない)|社外に出せ(?:ません|ない)|外部に出せ(?:ません|ない)|オンプレ(?:ミス)?",
     " data must stay on-prem "),
    (r"わかりません|分かりません|わからない|分からない", " no idea "), (r"スキップ", " skip "),
    (r"ヘルプセンター", " help center "), (r"サポート", " support "), (r"チャットボット", " chatbot "),
    (r"カルテ|診療記録|電子カルテ", " medical records "),
    (r"有価証券報告書|決算短信|決算", " annual reports earnings "),
    (r"ソースコード", " source code "), (r"cpuのみ", " cpu only "), (r"借りられ(?:ます|る)|借りる|レンタル", " rent "),
    (r"違いは?", " difference "), (r"要約|まとめて", " summary "), (r"商用利用|商用", " commercial use "),
    (r"増えて(?:います|いる)|増加", " grows "), (r"ハイブリッド検索", " hybrid search "), (r"とは", " what is "),
    (r"日本語", " japanese "), (r"英語", " english "), (r"中国語", " chinese "), (r"韓国語", " korean "),
    (r"ドイツ語", " german "), (r"フランス語", " french "), (r"スペイン語", " spanish "),
    (r"約", " about "), (r"(?<=は)月(?=\s*\d)|^月(?=\s*\d)", " per month "),
    # --- German
    (r"\bpro (?:arbeits)?tag\b|\bam tag\b|\btäglich\b", " per day "), (r"\bpro woche\b|\bwöchentlich\b", " per week "),
    (r"\bpro monat\b|\bim monat\b|\bmonatlich\b", " per month "),
    (r"\bpro jahr\b|\bim jahr\b|\bjährlich\b", " per year "),
    (r"\bpro sekunde\b", " per second "), (r"\bpro stunde\b", " per hour "),
    (r"\bsuchanfragen\b|\banfragen\b|\babfragen\b", " queries "), (r"(?<=\d) mal\b", " times "),
    (r"\bdokumenten?\b", " documents "), (r"\bverträgen?\b|"
     r"\bvertrag\b", " contracts "), (r"\bversicherung(?:en)?\b", " insurance "),
    (r"\b\w*akten\b", " files "), (r"\bseiten\b", " pages "),
    (r"\bwörter\b|\bworte\b", " words "), (r"\bzeichen\b", " characters "), (r"\bkerne\b", " cores "),
    (r"\bmitarbeiter(?:innen|nde)?\b|\bangestellte\b", " employees "), (r"\b(?:be)?nutzer\b", " users "),
    (r"\banwälte\b", " lawyers "), (r"\bberater(?:innen)?\b", " consultants "), (r"\bingenieure\b", " engineers "),
    (r"\bjede[rs]?\b", " each "),
    (r"\bca\.|\bcirca\b|\betwa\b|\bungefähr\b|\brund\b", " about "), (r"\bmio\.?|\bmillionen\b", " million "),
    (r"\bmrd\.?|\bmilliarden\b", " billion "), (r"\btausend\b", " thousand "),
    (r"\bkeine ahnung\b|\bweiß (?:ich )?nicht\b|\bweiss (?:ich )?nicht\b", " no idea "),
    (r"\büberspringen\b", " skip "),
    (r"\bkorrektur\b", " correction "), (r"\binsgesamt\b", " in total "), (r"\bist\b", " is "),
    (r"\bsind\b", " are "), (r"\bnicht\b", " not "), (r"\bnur cpu\b", " cpu only "),
    (r"\bkommerziell(?:e|en)?\b", " commercial "), (r"\bselbst hosten\b|\bselbst betreiben\b", " self-host "),
    (r"\blatenz\b", " latency "), (r"\bunter\b", " under "), (r"\bin ordnung\b", " fine "),
    (r"\bwächst um\b|\bwächst\b", " grows by "), (r"\bzusammenfassung\b", " summary "),
    (r"\bwarum (?:nicht|not)\b", " why not "), (r"\boder\b", " or "), (r"\bwas ist besser\b", " which is better "),
    (r"\bhybride suche\b", " hybrid search "), (r"\bwas ist\b", " what is "), (r"\bwie lange\b", " how long "),
    (r"(?:dürfen|darf) (?:unser(?:e|en)? \w+ )?not verlassen|not (?:aus dem haus|nach außen)", " must stay on-prem "),
    (r"\barztbriefe\b|\bbefunde\b|\bklinik\b|\bpatienten\b", " clinical "),
    (r"\bgeschäftsberichte\b|\bbilanzen\b", " annual reports "), (r"\bquellcode\b", " source code "),
    (r"\bproduktbeschreibungen\b", " product descriptions "), (r"\bonlineshop\b", " online shop "),
    (r"\bwissenschaftliche artikel\b", " scientific papers "), (r"\bkundenservice\b", " customer service "),
    (r"\bmieten\b", " rent "), (r"\bwir haben\b", " we have "), (r"\bmit\b", " with "),
    (r"\bdeutsch\b", " german "), (r"\benglisch\b", " english "), (r"\bfranzösisch\b", " french "),
    (r"\bspanisch\b", " spanish "), (r"\bchinesisch\b", " chinese "), (r"\bjapanisch\b", " japanese "),
    # --- French
    (r"\bpar jour\b|\bquotidiennement\b", " per day "), (r"\bpar semaine\b", " per week "),
    (r"\bpar mois\b|\bmensuellement\b", " per month "), (r"\bpar an\b|\bpar année\b", " per year "),
    (r"\bpar seconde\b", " per second "), (r"\bpar heure\b", " per hour "),
    (r"\brequêtes\b|\brecherches\b", " queries "), (r"(?<=\d) fois\b", " times "), (r"\bcontrats?\b", " contracts "),
    (r"\bmots\b", " words "), (r"\bcaractères\b", " characters "), (r"\bc(?:œ|oe)urs\b", " cores "),
    (r"\bingénieurs\b", " engineers "), (r"\butilisateurs\b", " users "), (r"\bemployés\b|\bsalariés\b", " employees "),
    (r"\bavocats\b", " lawyers "), (r"\bchacune?\b", " each "),
    (r"\benviron\b|\bà peu près\b|\bprès de\b", " about "), (r"\bmillions?\b", " million "),
    (r"\bmilliards?\b", " billion "), (r"\bmille\b", " thousand "),
    (r"\baucune idée\b|\bje ne sais pas\b|\bsais pas\b", " no idea "), (r"^\s*passer\s*$", " skip "),
    (r"\bnon attendez\b|\battendez\b", " wait "), (r"\bet pas\b|\bpas\b", " not "),
    (r"\buniquement (?:du )?cpu\b|\bseulement (?:du )?cpu\b|\bcpu uniquement\b", " cpu only "),
    (r"\busage commercial\b|\butilisation commerciale\b", " commercial use "), (r"\blatence\b", " latency "),
    (r"\binférieure? à\b|\bmoins de\b", " under "), (r"\bnous convient\b|\bconvient\b", " is fine "),
    (r"\bhébergée?s?\b", " hosted "), (r"\bhéberger nous-mêmes\b|\bauto-?héberg\w*", " self-host "),
    (r"\bgrossit de\b|\baugmente de\b|\bgrossit\b", " grows by "), (r"\brésumé\b", " summary "),
    (r"\bpourquoi (?:pas|not)\b", " why not "), (r"\bou\b", " or "), (r"\bqu'est-ce que(?: la| le|"
     r" l')?\b", " what is "),
    (r"\brecherche hybride\b", " hybrid search "), (r"\bcombien de temps\b", " how long "),
    (r"ne (?:doivent|peuvent|peut|doit) (?:not )?(?:pas )?(?:quitter|sortir)|rester sur site|\bsur site\b",
     " must stay on-prem "),
    (r"\bdossiers médicaux\b|\bpatients\b", " medical records "),
    (r"\brapports annuels\b|\bétats financiers\b", " annual reports financial "), (r"\bcode source\b", " source code "),
    (r"\bfiches produits?\b", " product listings "), (r"\bboutique en ligne\b", " online shop "),
    (r"\barticles scientifiques\b", " scientific papers "), (r"\bsupport client\b", " customer support "),
    (r"\barticles d'aide\b", " help center articles "), (r"\blouer\b", " rent "), (r"\bnous avons\b", " we have "),
    (r"(?<=\d) go\b", " gb "), (r"\banglais\b", " english "), (r"\bfrançais\b", " french "),
    (r"\ballemand\b", " german "), (r"\bespagnol\b", " spanish "), (r"\bchinois\b", " chinese "),
    (r"\bjaponais\b", " japanese "),
    # --- Spanish
    (r"\bal día\b|\bpor día\b|\bdiari[ao]s?\b", " per day "), (r"\ba la semana\b|\bpor semana\b", " per week "),
    (r"\bal mes\b|\bpor mes\b|\bmensual(?:es)?\b", " per month "), (r"\bal año\b|\bpor año\b", " per year "),
    (r"\bpor segundo\b", " per second "), (r"\bpor hora\b", " per hour "),
    (r"\bconsultas\b|\bbúsquedas\b", " queries "), (r"(?<=\d) veces\b", " times "), (r"\bdocumentos\b", " documents "),
    (r"\bcontratos?\b", " contracts "), (r"\bmédicos\b", " doctors "),
    (r"\bpáginas\b", " pages "), (r"\bpalabras\b", " words "),
    (r"\bnúcleos\b", " cores "), (r"\bingenieros\b", " engineers "), (r"\busuarios\b", " users "),
    (r"\bempleados\b", " employees "), (r"\bagentes de soporte\b", " support agents "),
    (r"\bagentes\b", " agents "), (r"\bbusca(?:n)?\b", " search "),
    (r"\babogados\b", " lawyers "), (r"\bcada un[oa]\b", " each "),
    (r"\bun[oa]s\b|\balrededor de\b|\baproximadamente\b|\bcerca de\b", " about "),
    (r"\bmillones\b|\bmillón\b", " million "), (r"\btuits?\b", " tweets "), (r"(?<=\d) mil\b", " thousand "),
    (r"\bni idea\b|\bno (?:lo )?sé\b", " no idea "), (r"\bsaltar\b|\bomitir\b", " skip "),
    (r"\bperd[oó]n\b", " sorry "), (r"\bsolo cpu\b|\bsólo cpu\b", " cpu only "),
    (r"\buso comercial\b", " commercial use "), (r"\blatencia\b", " latency "),
    (r"\bmenor de\b|\bmenos de\b|\bpor debajo de\b", " under "), (r"\bestá bien\b", " is fine "),
    (r"\bpresupuesto\b", " budget "), (r"\bdólares\b", " dollars "), (r"\bcrece\b", " grows by "),
    (r"\bresumen\b", " summary "), (r"(?<=\w) o (?=[\w¿])", " or "),
    (r"\bpor qué no\b", " why not "), (r"\bqué es\b", " what is "),
    (r"\bbúsqueda híbrida\b", " hybrid search "), (r"\bcuánto tarda\b|\bcuánto tiempo\b", " how long "),
    (r"no (?:pueden|deben|puede|debe) salir|deben quedarse en casa", " must stay on-prem "),
    (r"\bhistorias clínicas\b|\bpacientes\b", " medical records "),
    (r"\binformes financieros\b", " financial reports "), (r"\bfacturas\b", " invoices "),
    (r"\bcódigo fuente\b", " source code "), (r"\brepositorios\b", " repositories "),
    (r"\bcatálogo de productos\b", " product catalog "), (r"\btienda (?:online|en línea)\b", " online shop "),
    (r"\bsoporte\b", " support "), (r"\bcentro de ayuda\b", " help center "), (r"\balquilar\b", " rent "),
    (r"\btenemos\b", " we have "), (r"\binglés\b", " english "), (r"\bespañol\b", " spanish "),
    (r"\bfrancés\b", " french "), (r"\balemán\b", " german "),
    (r"\bchino\b", " chinese "), (r"\bjaponés\b", " japanese "),
)
_PHRASE_RES = tuple((re.compile(p), r) for p, r in _PHRASES)
_ANY_PHRASE = re.compile("|".join(f"(?:{p})" for p, _ in _PHRASES))
# Every word the table names (a message sharing none of them, allowing two letters of inflection, is plain English),
# less the English words some phrases contain ("code source", "support client").
_ENGLISH = frozenset("code source online support client articles patients cpu api per".split())
_WORDS = frozenset(w for p, _ in _PHRASES for w in re.findall(r"[a-zà-ÿœ]{3,}", p.replace("\\b", " "))) - _ENGLISH | {
    "ou", "ca", "une", "uno", "una"}


def _cn_pair(match: re.Match[str]) -> str:
    return f"{(_CN_VALUE[match.group(1)] + _CN_VALUE[match.group(2)]) / 2:g}"


def number_formats(text: str) -> str:
    """Plain digits for European thousands separators and decimal commas, and a midpoint for "一两" / "两三"."""
    text = _DOT_THOUSANDS.sub(lambda m: m.group(1) + m.group(2).replace(".", ""), text)
    text = _SPACE_THOUSANDS.sub(lambda m: m.group(1) + re.sub(r"\D", "", m.group(2)), text)
    text = _DECIMAL_COMMA.sub(r"\1.\2", text)
    return _CN_PAIR.sub(_cn_pair, text)


def gloss(text: str) -> str:
    """``text`` (lower case) with its German, French, Spanish and Japanese phrases in English and plain numbers."""
    text = number_formats(text)
    foreign_script = re.search(r"[\u3040-\u30ff約書検億円従à-ÿœ]", text)
    if not foreign_script and not any(w in _WORDS or (len(w) >= 6 and (w[:-1] in _WORDS or w[:-2] in _WORDS))
                                  for w in re.findall(r"[a-z]+", text)) and not re.search(r"\d\s*go\b", text):
        return text  # plain English: nothing to gloss
    if not _ANY_PHRASE.search(text):
        return text
    for rx, english in _PHRASE_RES:
        text, n = rx.subn(english, text)
        if n:
            text = re.sub(r"(?<=\S) {2,}(?=\S)", " ", text)
    return text
