"""Hardware in what people write: accelerators owned (not the ones they could rent), counts, memory, CPU cores.

"2x A100 40GB" is one A100-40GB (the profile describes one device; the count is not a query or document figure);
"a Mac Studio M2 Ultra with 192 GB" is an M2 Ultra with 192 GB of unified memory; "we have an L4 and could rent an
A10G" is the L4 (24 GB, from the hardware table): a device named after "rent", "cloud", "租" or "借り" is rentable, not
owned; "we can rent A100s but own nothing" is the A100 with ``owned: false``, while a hedged rental ("we don't own
GPUs but could rent an A100 if needed") is CPU only. Memory beside a card the table does not know ("a Radeon RX
7900 XTX with 24 GB", "two V100 32GB", "M3 Ultra with 512GB") is its VRAM, with no accelerator named. A GPU name
is never read as a memory size (the "10G" of "A10G"), a CPU's model name never as a figure ("Ryzen 9 7950X").

Every class is read in every language of the interview lexicon: memory in each unit spelling (GB, GiB, gigs, Go, ГБ,
기가, ギガ) and RAM word (Arbeitsspeicher, mémoire vive, ОЗУ, 内存, メモリ, 메모리 ...), cores (Kerne, cœurs, núcleos,
rdzeni, kärnor, çekirdek, ядер, コア, 코어, 核; "2 x 24 cores", "two sockets, 32 cores each"), renting (gemietet, loué,
alquilada, alugada, affittata, gehuurd, wynajęty, hyrd, kiralık, арендованный, 租, レンタル, 임대) and the clouds it
happens in (AWS, GCP, Azure, OVH, Hetzner, Lambda, RunPod, 阿里云 ...), hedges ("podríamos ... si hace falta"), cards
given up ("scratch the GPU ... CPU only now", "no es una T4, es una L4"). A card the user says is theirs inside a
question ("would e5 fit on the T4 we have?") is kept by ``owned_in_question``.
"""

from __future__ import annotations

import re
from typing import Any

from knowledge.errors import ToolInputError
from knowledge.hardware import load_cloud_instances, load_hardware

# Memory in every spelling people use: 64GB, 64 GiB, 64 gigs, 64 Go (fr, glossed to gb), 64 ГБ, 64기가, 64ギガ, 1 TB.
_UNIT = (r"(?:t(?:b|ib|erabytes?)?|g(?:b|ib|igs?|igas?|igabytes?)?|"  # "64 gigas", "192 Giga" (s9-f)
         r"[гт]б|기가(?:바이트)?|테라(?:바이트)?|ギガ(?:バイト)?)")
_RAM_WORDS = (r"ram(?:u|ie|-u)?|ddr\d|system (?:memory|ram)|unified memory|memory|"  # "256 GB RAMu" (s8-d)
              r"内存|运存|统一内存|統合メモリ|メモリ(?:ー)?|"
              r"메모리|램|"
              r"arbeitsspeicher|hauptspeicher|mémoire(?: vive| unifiée)?|memória(?: ram)?|memoria(?: ram)?|"
              r"(?:werk)?geheugen|pamięci(?: ram)?|minne|bellek|озу|оперативн\w*(?: памят\w*)?|памят\w*")
_VRAM_WORDS = (r"vram|hbm\d?e?|gpu memory|video memory|显存|grafikspeicher|mémoire vidéo|видеопамят\w*|ビデオメモリ|"
               r"비디오 메모리")
MEMORY_RE = re.compile(
    rf"(?<![a-z0-9.])(?P<n>\d{{1,15}}(?:\.\d{{1,15}})?)\s*(?P<unit>{_UNIT})(?![a-z0-9])\s*"
    r"(?:(?:of|de|di|van|der|an)\s+)?"
    rf"(?:(?P<ram>{_RAM_WORDS})|(?P<vram>{_VRAM_WORDS}))?(?![a-z])|"
    rf"(?:(?P<ram2>{_RAM_WORDS})|(?P<vram2>{_VRAM_WORDS}))"
    r"\s*(?:of|is|:|=|为|有|是|は|가|는|은|이|ma|har|на|von|de)?\s*"
    rf"(?P<n2>\d{{1,15}}(?:\.\d{{1,15}})?)\s*(?P<unit2>{_UNIT})(?![a-z0-9])")
# A CPU's model name is not a figure ("Ryzen 9 7950X", "EPYC 7763", "Xeon Gold 6338", "i7-12700", "M2 Pro"):
CPU_MODEL = re.compile(r"\b(?:ryzen\s*(?:ai\s*)?\d?\s*(?:pro\s*)?\d{3,4}\w*|threadripper\s*(?:pro\s*)?\d{4}\w*|"
                       r"epyc\s*\d{4}\w*|xeon\s*(?:(?:gold|silver|platinum|bronze|w|e\d?|max)\s*)?[\s\-]*\d{4}\w*|"
                       r"i[3579][\s\-]\d{4,5}\w*|core\s*(?:ultra\s*)?[3579]\s*\d{3}\w*|ryzen\s*\d)\b")
SOCKETS_RE = re.compile(r"(?<![\d.])(\d|two|dual)[\s\-]*(?:x\s*)?(?:sockets?|cpus?|processors?|xeons?|epycs?)\b"
                        r"[^,.;]{0,25}?[(,\s]+(?:with\s+|of\s+)?(\d{1,3})[\s\-]*(?:physical\s+)?cores?\s*"
                        r"(?:each|per (?:socket|cpu|processor)|apiece)\b")
STORAGE_AFTER_GB = re.compile(r"^\s*(?:of\s+)?(?:data|documents|docs|text|pdfs|files|disk|storage|ssd|nvme|hdd|corpus|"
                              r"数据|文档|硬盘)")
# CPU cores in every language of the lexicon; "2 x 24 cores" (two sockets) is 48; "코어 32개", "cores: 32".
_CORE_WORDS = (r"(?:(?:physical|virtual|cpu)\s+)?(?:(?:v?cores?|vcpus?|cpus|threads|kerne(?:n)?|c(?:œ|oe)urs|"
               r"n[úu]cleos|rdzeni\w*|kärnor|çekirdek\w*|ядер|ядра|ядро|nhân(?!\s*viên)|lõi|نواة|أنوية|انوية|نوى)(?![a-z])|"
               r"コア|코어|核心?)")
CORES_RE = re.compile(rf"(?:(?<![\d.])(\d{{1,2}})\s*[x×*]\s*)?(?<![\d.])(\d{{1,4}})[\s\-]*{_CORE_WORDS}|"
                      r"(?<![a-z])(?:cores|코어|コア数?|ядер|núcleos|kerne)\s*(?:[:=]|는|は|数は)?\s*(\d{1,4})"
                      r"(?:\s*개)?(?![\d]|\.\d|\s*(?:gb|g\b|%|tb))")
GPU_RE = re.compile(
    r"(?:(?<=\d[x×])|(?<![a-z0-9\-_/.]))(?:(?:nvidia|geforce|tesla|apple)\s+)?(?:rtx\s*)?"
    r"(?P<stem>a100|h100|h200|l40s|l40|a10g|a10|a30|a40|a4000|a5000|a6000|6000\s*ada|v100|mi300x|gaudi\s*2|t4|l4|"
    r"3060(?![\s\-]*ti\b)|30[78]0(?![\s\-]*ti\b)|3090|40[6-9]0(?:[\s\-]*ti(?![a-z]))?(?:[\s\-]*super(?![a-z]))?(?:[\s\-]*(?:laptop|mobile)(?![a-z]))?|5090|m[1-4](?:\s*(?:pro|max|ultra))?|g4dn|g5|g6e?|p4de?|p5)(?:'s|’s)?(?:[\s\-]*(?:pcie|sxm\d?))?(?:[\s\-]*\(?\s*(?:(?:with|w/|de|con|avec|da|di|mit|com|на|по|på|z|met|van|"
    r"of|ile|each|je|à)\s+)?(?:each\s+|je\s+)?(?P<mem>\d{2,3})\s*(?:g(?:b|ib)?|гб|기가|ギガ)\)?|"
    # a size with no unit after a preposition ("A100 на 80", "una A100 de 80"): one of the card's own sizes only
    r"\s+(?:with|w/|de|con|avec|da|di|mit|com|на|по|på|z|met|van|of|ile)\s+(?P<bare>\d{2})(?!\s*(?:%|[^\W\d_])|[\d.,]\d))?"
    r"(?:s|'s|’s|er|:or|:a)?(?![a-z0-9])")
# Renting in every language of the lexicon (rent, lease, hire, mieten, louer, alquilar, alugar, affittare/noleggiare,
# huren, wynajmować, hyra, kiralamak, арендовать, 租, レンタル/借りる, 임대/대여/빌리다) and the clouds it happens in.
RENT_WORDS = (r"\brent(?:ing|ed|s|al)?\b|\blease[ds]?\b|\bleasing\b|\bhire[ds]?\b|"
              r"\blou(?:e|ons|er|erait|erions|eraient|ez|é|és|ée|ées)\b|\balquil\w*|\balug\w*|\bgemietet\w*|"
              r"\bmiet\w*|\bnolegg\w*|\baffitt\w*|\bhuur\w*|\bhuren\b|\bgehuurd\w*|\bwynaj\w*|\bhyr(?:d|da|t|a|er)?\b|"
              r"\bkiral\w*|\bаренд\w*|\bорен\w*|\blei(?:e|er|d|de)\b|\bleje(?:r|t)?\b|\blejede\b|\bthuê\b|\b(?:me|di)?sewa\w*|"
              r"租|レンタル|借り|임대|대여|빌려|빌린|빌릴|"
              r"نستأجر\w*|استأجر\w*|مستأجر\w*|استئجار|إيجار|ايجار")  # Arabic: rent, rented (lead s13)
CLOUD_WORDS = (r"(?<![a-z])(?:aws|gcp|azure|ec2|sagemaker|runpod|lambda(?: labs| cloud)?|coreweave|ovh\w*|hetzner|"
               r"scaleway|paperspace|vast\.ai|oracle cloud|google cloud|e2e(?:\s?networks|\s?cloud)|yotta|neysa|ctrls|"
               r"stc cloud|core42|cloud\w*|nuvem|nube|nuage|chmur\w*|"
               r"moln\w*|bulut\w*|облак\w*|skyen)(?![a-z])|云上|云端|阿里云|腾讯云|华为云|クラウド|클라우드|سحاب\w*")
# "could rent an A10G", "可以租A10G", "A10Gも借りられます": rentable, not owned
RENT_BEFORE = re.compile(rf"(?:{RENT_WORDS}|{CLOUD_WORDS}|by the hour|on demand|spin up|借)\W{{0,3}}"
                         r"(?:\w+\W+){0,3}$|(?:租|借|云上|云端)[^\s,，。;；]{0,6}$")
RENT_AFTER = re.compile(r"^[^,;.。]{0,25}?(?:à l'heure|by the hour|per hour|時間単位|を借り|租的|在云上租)|"
                        r"^\W{0,3}(?:by the hour|on demand|if (?:needed|necessary)|when needed|for rent)|"
                        r"^\W{0,3}(?:instances? )?(?:on|in|en|auf|sur|from|at|bei|chez|na|no|da|su|bij|w|i|в|на)\s+"
                        rf"(?:{CLOUD_WORDS})|"
                        r"^\s*(?:也?可以租|も\s*rent)|"
                        # the verb at the clause's end: "eine H100 bei einem deutschen Cloudanbieter mieten" (glossed
                        # "rent"), "een A100 bij een Nederlandse provider huren"
                        rf"^(?:(?!\b(?:and|und|en|och|og|but|aber|maar|men|or|oder|of|eller)\b)[^,;.。!?]){{0,45}}?(?:{RENT_WORDS})\s*"
                        r"(?=$|[,;.!?]|\b(?:and|und|en|och|og)\b)|^[^,;.。]{0,12}?(?:빌려|빌릴|대여|임대|借り|租)|"
                        # "L4をレンタル", "A10G 임대해서", "una A10G, también alquilada", "H100 gemietet"
                        rf"^\s*(?:を|을|를|は|が|이|가)?\s*(?:{RENT_WORDS})|"
                        rf"^[\s,]{{0,3}}(?:también|também|also|auch|aussi|anche|ook|też|också|da|тоже|也)\s+(?:{RENT_WORDS})|"
                        # rented, said right after the card and its size ("Zwei H100 mit je 80 GB, gemietet bei einem
                        # Cloud-Anbieter", "بطاقتين H100 لكن نستأجرها من مزود سحابي"), no other card named after it
                        rf"^[\s,]{{0,3}}(?:(?:but|aber|mais|pero|ma|mas|men|maar|ale|но|але|لكن|ولكن)\s+)?(?:{RENT_WORDS})"
                        r"(?![^,;.。]{0,24}?(?:\b(?:a100|h100|h200|l40s?|a10g?|t4|l4|v100|a30|a40|rtx)\b|\d))|"
                        # "eine A100 in der Cloud", "une H100 dans le cloud", "A10G na nuvem", "L4 sul cloud"
                        r"^[^,;.。]{0,18}?(?:\bcloud\b|\bnuvem\b|\bnube\b|\bnuage\b|\bchmur\w*|\bmoln\w*|\bbulut\w*|"
                        r"\bоблак\w*|云上|云端|クラウド|클라우드)")
# Renting with no card named ("we'd rent something in the cloud", "打算在云上租", "クラウドで借りる予定"): the
# hardware is rented (owned: false) even though which card is open; a verb of renting plus a GPU or cloud word.
RENT_VERB = re.compile(RENT_WORDS)
RENT_CONTEXT = re.compile(r"(?<![a-z])(?:gpus?|cloud|nuvem|nube|nuage|hardware|instances?|something|aws|gcp|azure)"
                          r"(?![a-z])|显卡|云|クラウド|インスタンス|클라우드|인스턴스")
CLOUD = re.compile(r"\b(?:aws|azure|gcp|google cloud|ec2|sagemaker|runpod|lambda labs|coreweave|"
                   r"(?<!host )vms?(?! ?hosts?\b)|cloud instances?)\b")  # a "VM host" is the user's own hypervisor
OWNED = re.compile(r"\b(?:own|owned|bought|purchased|on[\s\-]?prem\w*|in[\s\-]house|our own)\b|"
                   r"\b(?:eigene[nmrs]?|propres?|propi[oa]s?|própri[oa]s?|nostr[aie]|eigen|własn\w*|egn[ae]|egen|"
                   r"kendi\w*|сво(?:и|их|я|й|ё)|собствен\w*|gekauft|achetée?s?|compra(?:d[oa]s?|mos))\b|"
                   r"\bgehör(?:t|en) (?:uns|der firma)\b|\bvan onszelf\b|\bis van ons\b|\bäger (?:vi|den|dem)\b|"
                   r"\bcủa (?:mình|chúng tôi|công ty)\b|\briêng\b|\bsendiri\b|\bmilik (?:kami|sendiri)\b|خاص بنا|نملك|"
                   r"自有|自己的|自购|自前|自社|保有|보유|자체|自己(?:的)?机房|自建机房|自有机房|自社のサーバールーム")
# "if needed", "maybe" in every language of the lexicon: a rental that is only a possibility
_IF_NEEDED = (r"\bsi (?:besoin|nécessaire|hace falta|es necesario|fuera necesario)|\bau besoin\b|\ben caso necesario\b|"
              r"\b(?:falls|wenn) nötig\b|\bse (?:serve|necessario|precisar|necessário)|\ball'occorrenza\b|"
              r"\bcaso precise\b|\b(?:indien|zo) nodig\b|\bals het nodig is\b|\bw razie potrzeby\b|\bjeśli trzeba\b|"
              r"\bvid behov\b|\bved behov\b|\bom det behövs\b|\bgerekirse\b|\bihtiyaç olursa\b|\bпри необходимости\b|"
              r"\bесли (?:нужно|понадобится)\b|\bquizás?\b|\btal vez\b|\bvielleicht\b|\beventuell\b|\bpeut-être\b|"
              r"\béventuellement\b|\bforse\b|\beventualmente\b|\beventueel\b|\bmisschien\b|\bkanske\b|\bbelki\b|"
              r"\bвозможно\b|\btalvez\b|需要的话|如果需要|必要なら|必要に応じて|必要であれば|필요하면|필요시|필요할 때")
# "could" (not "would", not "on demand": "wir würden eine A100 mieten", "wir mieten bei Bedarf" are rentals)
_WOULD = (r"\bpodríamos\b|\bkönnten\b|\bpourrai(?:t|ent)\b|\bpourrions\b|\bpotremmo\b|"
          r"\bmoglibyśmy\b|\bskulle kunna\b|\bмогли бы\b|\bpoderíamos\b")
RENT_HEDGE = re.compile(r"if (?:needed|necessary|required)|when needed|\bmight\b|\bmaybe\b|\bprobably\b|\blater\b|"
                        rf"\bwhatever\b|\bcould\b|\bwould\b|\bperhaps\b|{_IF_NEEDED}|{_WOULD}")
# Hedges that make a rental with no card named only a possibility ("might rent a GPU later", "if needed")
RENT_MAYBE = re.compile(r"if (?:needed|necessary|required)|when needed|\bmight\b|\bmaybe\b|\bprobably\b|\blater\b|"
                        rf"\bwhatever\b|\bperhaps\b|{_IF_NEEDED}")
OTHER_GPU = re.compile(r"\b(?:radeon|rx\s?\d{3,4}|rtx\s?(?:a|pro\s?)?\d{4}|gtx\s?\d{3,4}|arc\s?[ab]\d{3}|geforce|"
                       r"quadro|instinct|mi\d{3}x?|intel arc|gpus?|graphics cards?|video cards?|"
                       # data-centre cards and Apple chips the hardware table does not list: memory beside them is
                       # theirs ("two V100 32GB", "M3 Ultra with 512GB"), never the machine's RAM
                       r"v100|p100|p40|k80|a[1-4]0|a16|l40|l20|h20|h800|a800|b[12]00|gb200|gh200|jetson\s*\w+|"
                       r"m[3-5]\s*ultra|m5(?:\s*(?:pro|max))?|gaudi\s*\d|tpus?(?:\s*v?\d\w*)?|\d{4}\s*ti)\b|显卡|gpu")
# Words for a machine: a bare "32 GB" beside one is its memory; "a GPU server on-prem" says where the hardware is.
MACHINE_WORDS = (r"cpus?|servers?|machines?|laptops?|box|boxes|nodes?|instances?|hardware|cluster|gpus?|mac\b|"
                 r"raspberry\s*pi(?:\s*\d)?|\brpi\s*\d?\b|mini[\s\-]?pcs?|\bnuc\b|workstations?|desktops?|"
                 r"服务器|机器|电脑|笔记本|工作站|树莓派")
MACHINE = re.compile(MACHINE_WORDS)
MACHINE_AT_END = re.compile(rf"(?:{MACHINE_WORDS})\s*$")
# A machine of their own beside the rental ("a CPU box with 32 cores; we'd rent a GPU for indexing")
OWNED_MACHINE = re.compile(r"\d+\s*(?:cores?|vcpus?|核)|\b(?:own|our|we have an?)\s+(?:cpu\s+)?(?:server|box|machine)")
NO_BEFORE = re.compile(r"(?:\bno|\bnot|\bwithout|n't have|\bzero|没有|无|없)\W*(?:\w+\W+)?$")
GPU_COUNT = re.compile(r"(?<![a-z0-9.])(\d{1,3}|[一二两三四五六七八九十])\s*(?:x|×|\*|张|块|台|枚|gpus?|cards?)?\s*$")
GPU_COUNT_AFTER = re.compile(r"^\s*(?:x\s*\d{1,3}\b|(?:が|を|は|are|is|이|가|를|을)?\s*\d{1,3}\s*"
                             r"(?:gpus|cards|张|块|枚|pages|장|대|개|台|張|pcs|pieces|stück|adet|шт\.?)(?![a-z]))")
CPU_ONLY = re.compile(
    r"gpu\s*(?:は|が|も)?\s*(?:なく|なし|ない|ありません|無い|無し)|gpu\s*(?:는|가|도)?\s*없|"
    r"\b(?:sem|sin|sans|ohne|senza) (?:gpus?|placa|tarjeta|carte graphique|grafikkarte)|"
    r"kein(?:e)? gpus?(?![\s\-]*(?:leute|people|folks|team|experts?|expertise|know-how|engineers?|skills?|admins?|"
    r"ops))|"
    r"\bpas de gpu|"
    r"cpu[\s\-]*only|only\s+(?:we\s+)?(?:have\s+|got\s+|use\s+)?(?:a\s+|the\s+|some\s+)?cpus?\b|just\s+(?:a\s+)?cpus?\b|"
    r"\bno\s+(?:gpus?|accelerators?|graphics)\b(?![\s\-]*(?:leute|people|folks|team|experts?|expertise|know-how|"
    r"engineers?|skills?|admins?|ops|budget))(?!\s+(?:to\s+)?(?:beheren|manage|managing|run|running|maintain\w*|"
    r"babysit\w*|onderhouden|verwalten|betreiben|gérer|gestionar|gestire|gerenciar|zarządzać|hantera|drifta|"
    r"yönetmek|обслуживать|держать))|without\s+(?:a\s+|any\s+)?gpus?|"
    r"(?:don'?t|do not|doesn'?t)\s+have\s+(?:a\s+|any\s+)?gpus?|"
    r"no graphics card|gpu[\s\-]?less|gpus?\s*[:=]\s*(?:none|no|n/?a|0|-)(?![a-z])|no dedicated gpu|"
    r"\b(?:aucune?|niente|nessuna|ningun[ao]?|nenhuma|żadnego|inga|hiç) (?:gpu|carte graphique|scheda video)|"
    r"без (?:gpu|видеокарт\w*)|keine grafikkarte|(?:don'?t|do not) own (?:any )?gpus?|no gpus? of our own|"
    r"只有\s*cpu|仅\s*cpu|纯\s*cpu|只用\s*cpu|没有?\s*(?:gpu|显卡)|无\s*(?:gpu|显卡)|不用\s*gpu|"
    # "only CPU" in every language of the lexicon (s7-e): "CPU uniquement", "só temos CPU", "mamy tylko CPU",
    # "sadece CPU", "у нас тільки CPU", "CPU فقط", "kami cuma CPU", "CPUのみ", "只能用 CPU", "CPU만"
    r"cpus?\s*(?:uniquement|seulement|solamente|somente|soltanto|solo|alleen|endast|bara|nur|فقط|のみ|だけ|만)|"
    r"(?:\b(?:seulement|uniquement|solo|sólo|só|somente|apenas|solamente|soltanto|nur|tylko|endast|bara|alleen|"
    r"sadece|yalnızca|yalnız|только|тільки|лише|cuma|hanya|chỉ có|chỉ|sirf|bas|فقط)\s+(?:\w+\s+){0,2}?cpus?\b)|"
    r"只能(?:用|跑|靠)\s*cpu|cpu\s*しか|"
    # s17-c: "Everything runs on CPU VMs now", "everything is on CPU nodes"
    r"\beverything (?:\w+ ){0,2}?(?:runs|is running|will run|is|sits) on cpus?\b|"
    r"\bkhông có (?:gpu|card)|\b(?:tidak|tak) (?:ada|punya) gpu|\btanpa gpu")




# Where a machine is rented by the month or hour (owned: false, whatever card it has): hosting providers and GPU
# clouds of every market the interview reads (E2E Networks, Yotta, Neysa, CtrlS, STC Cloud, Core42, Hetzner, OVH,
# DigitalOcean, Linode, Scaleway, IONOS, Vultr, Contabo, Aruba, TransIP, Selectel, Yandex Cloud, Sakura, Naver Cloud,
# Alibaba/Tencent/Huawei Cloud, Lambda, RunPod, Paperspace, Colab, vast.ai, AWS/GCP/Azure/OCI), a VPS or droplet, and
# a machine said to be rented in any language.
HOSTS = re.compile(
    r"(?<![a-z])(?:hetzner|ovh\w*|digital\s?ocean|droplets?|linode|akamai cloud|scaleway|ionos|vultr|contabo|"
    r"e2e(?:\s?networks|\s?cloud)|yotta|neysa|ctrls|stc cloud|core42|"  # India's and the Gulf's GPU clouds
    r"upcloud|exoscale|aruba(?:\s?cloud)?|transip|selectel|yandex\s?cloud|sakura\s?cloud|naver\s?cloud|ncp|"
    r"alibaba\s?cloud|aliyun|tencent\s?cloud|huawei\s?cloud|lambda(?:\s?labs|\s?cloud)|runpod|paperspace|"
    r"(?:google\s)?colab|vast\.?ai|coreweave|jarvislabs|genesis\s?cloud|hostinger|oracle cloud|oci|aws|ec2|"
    r"sagemaker|vertex(?: ai)?|azure ml|gcp|google cloud|azure|vps|"
    r"cloud (?:vms?|servers?|instances?|machines?|gpus?|boxe?s?)|"
    r"(?:vms?|instances?|servers?|boxe?s?|machines?) (?:on|in|at|from) (?:the )?cloud)(?![a-z])|"
    r"яндекс\s?облак\w*|облачн\w+ (?:сервер|виртуал|машин)\w*|阿里云|腾讯云|华为云|云服务器|云主机|"
    r"さくらのクラウド|クラウド(?:上|の)?(?:サーバ|インスタンス|vm)|네이버\s?클라우드|클라우드\s?(?:서버|인스턴스)")
_MACHINE_NOUN = (r"(?:servers?|box(?:es)?|vms?|vps|instances?|machines?|nodes?|hosts?|droplets?|rechner|serveur|"
                 r"servidor|serwer\w*|sunucu\w*|сервер\w*|виртуалк\w*|服务器|主机|サーバー?|서버)")
_RENTED_MACHINE = re.compile(rf"(?:{RENT_WORDS})\W+(?:\w+\W+){{0,3}}?{_MACHINE_NOUN}|"
                             rf"{_MACHINE_NOUN}\W+(?:\w+\W+){{0,2}}?(?:{RENT_WORDS})|"
                             rf"(?:{RENT_WORDS})[^,.;。、]{{0,8}}{_MACHINE_NOUN}")
_NOT_THERE = re.compile(r"(?:\bno|\bnot|\bnever|\bwithout|\bavoid\w*|\bleft|\bleave|\bleaving|\bquit|\boff|"
                        r"\baway from|\binstead of|\brather than|\bmigrat\w+ from|\bmoved? from|\bkein\w*|"
                        r"\bnicht|\bpas|\bsin|\bsem|\bsenza|\bniet|\bgeen|\bnie|\binte|\bingen|\bбез|\bне|"
                        r"不|没|없|ない)\W+(?:\w+\W+){0,3}$")
# A cloud said to be absent, the negation right before it ("keine Cloud, wir haben zwei A100", "no cloud", "pas de
# cloud"): not where the card runs. Tighter than _NOT_THERE: no comma between ("no GPU of our own, we rent in the cloud"
# still rents).
NEGATED_JUST_BEFORE = re.compile(r"(?:\bno|\bnot|\bnever|\bwithout|\bkein\w*|\bpas d[e']|\bsin|\bsem|\bsenza|"
                                 r"\bgeen|\bnie|\bingen|\bбез|\bнет|不用|不|没有|没)[ \t]+(?:\w+[ \t]+)?$|"
                                 r"(?:不是|并不是|並不是|并非|並非|而不是)$")  # s14-b: "自己机房的，不是租的"
_PRIVATE_CLOUD = re.compile(r"\bprivate cloud|\bprivate[nm]? cloud|\bcloud priv|\bnuvem privada|\bnube privada|"
                            r"私有云|プライベートクラウド|프라이빗 클라우드|частн\w+ облак")


# The machine stands at the user's own place ("an A100 in the office; the app is on Azure"): not rented.
_PREMISES = re.compile(r"\b(?:in|at) (?:the|our|my) (?:office|basement|lab|server room|data ?cent(?:er|re)|dc|rack)\b|"
                       r"\b(?:im|in unserem|in unserer) (?:büro|keller|labor|serverraum|rechenzentrum)\b|"
                       r"\b(?:au|dans notre) (?:bureau|sous-sol|labo|local serveur)\b|\ben (?:la|nuestra) oficina\b|"
                       r"\bno (?:nosso )?escritório\b|\bin ufficio\b|\bop kantoor\b|\bw biurze\b|\bpå kontoret\b|"
                       r"\bofiste\b|\bв офисе\b|办公室|机房里|オフィスに|社内に|사무실에")


def machine_rented(text: str) -> bool:
    """The machine is rented: a hosting provider or cloud named as where it runs, or a rented server/VM/box.

    Not when the text says it is their own, hedges the rental ("might move to AWS later"), leaves the provider
    ("we left Hetzner", "no cloud") or names a private cloud.
    """
    if OWNED.search(text) or _PRIVATE_CLOUD.search(text) or _PREMISES.search(text):
        return False
    for rx in (HOSTS, _RENTED_MACHINE):
        for m in rx.finditer(text):
            if not _NOT_THERE.search(text[max(0, m.start() - 30):m.start()]) and \
                    not RENT_MAYBE.search(_clause(text, m.start(), m.end())):  # "might move to AWS later"
                return True
    return False


# Between two cards, a correction makes the later one the card ("an RTX 3090... no wait, a 4090", "T4 – Moment, nein,
# eine A10", "una T4, perdón, es una L4", "3090，哦不对，是4090", "T4です。あ、間違えました、L4でした", "T4가 있어요. 아
# 아니다, L4네요", "una V100, anzi no, una A100", "T4, a nie, przepraszam, L4", "T4, ой, нет, L4"), glossed or not.
_CORRECTED = re.compile(
    r"\b(?:sorry|correction|no wait|wait|actually|i mean|i meant|mixed (?:it|them) up|my (?:bad|mistake)|oops|"
    r"scratch that|rather|moment|nein|pardon|perd[oó]n|quer dizer|anzi|bedoel|przepraszam|a nie|förlåt|menar|"
    r"yani|hayır|ой|нет|точнее|вернее|not|no|non|nee|ach nee|wacht|ou melhor|melhor|förresten|nej|yok|nahi|nahin)\b|"
    r"不对|不是|说错|搞错|应该是|間違|じゃなくて|ではなく|いや|아니|잘못")
_BOTH = re.compile(r"\b(?:and|also|plus|as well|und|auch|et|aussi|y|e|también|também|anche|ook|oraz|też|och|"
                   r"också|ve|и|а также|aur)\b|还有|和|以及|と|및|하고")


_INSTEAD = re.compile(r"\binstead\b|\bstattdessen\b|\bà la place\b|\bplutôt\b|\ben su lugar\b|\bem vez disso\b|"
                      r"\binvece\b|\bin plaats daarvan\b|\bzamiast\b|\bistället\b|\byerine\b|\bвместо\b|"
                      r"改为|改成|代わりに|대신")


def _corrected_before(text: str, mentions: list[Any]) -> set[int]:
    """The starts of cards a later card corrects (the text between them says so)."""
    gone: set[int] = set()
    for first, later in zip(mentions, mentions[1:], strict=False):
        between = text[first[0].end():later[0].start()]
        if len(between) <= 45 and _CORRECTED.search(between) and not _BOTH.search(between):
            gone.add(first[0].start())
    return gone


def owned_names(text: str) -> set[str]:
    """The table names of the cards ``text`` says are owned: not rented, given up or corrected by a later one."""
    named = [x for x in find_accelerators(text) if not _dropped(text, x[0].start(), x[0].end())]
    aside = side_machines(text, named)  # "the dev laptop has a 3060": not the card that serves
    named = [x for x in named if x[0].start() not in aside]
    corrected = _corrected_before(text, named)
    return {name for m, name, _, rentable in named if not rentable and m.start() not in corrected}


# The user owns no GPU or server ("no servers of our own", "no tenemos GPU propia", "自社サーバーはなく")
_OWNS_NONE = re.compile(
    r"\bno (?:gpus?|servers?|hardware)\b|\bno (?:gpu|servers?|hardware) of (?:our|my) own|\bnothing of (?:our|my) own|"
    r"\b(?:own|have) nothing\b|don'?t own anything|don'?t (?:have|own) (?:a |any )?"
    r"(?:gpus?|servers?|hardware)|\bnothing on[\s\-]?prem|"
    r"(?:kein\w*|keine eigenen?) (?:gpus?|server)|eigene server haben wir nicht|"
    r"pas de (?:gpu|serveurs?)|aucun serveur|no tenemos (?:gpu|servidores?)|sin (?:gpu|servidores?) propi|"
    r"niente server|non abbiamo (?:gpu|server)|não temos (?:gpu|servidor)|sem (?:gpu|servidor)|"
    r"geen (?:eigen )?(?:gpu|servers?)|nie mamy (?:gpu|własnych serwerów|serwerów)|"
    r"(?:gpu|sunucu)\w* yok|своих серверов нет|нет (?:своих )?(?:gpu|серверов)|gpu (?:у нас )?нет|"
    r"(?:gpu|servers?) nahi|"
    r"没有(?:gpu|服务器|显卡)|自己没有服务器|(?:gpu|サーバー)(?:は|が)?(?:なく|なし|ない|ありません)|"
    r"(?:gpu|서버)(?:는|가)?\s*없")


# A user whose systems run in a cloud ("everything's on AWS", "todo está en Google Cloud", "都在阿里云上")
_ALL_CLOUD = re.compile(r"(?<![a-z])(?:aws|azure|gcp|google cloud|ovh\w*|hetzner|yandex cloud|oracle cloud|ibm cloud|"
                        r"runpod|lambda(?: labs| cloud)?|coreweave|vast\.?ai|paperspace|scaleway|jarvislabs|"
                        r"genesis cloud)"
                        r"(?![a-z])|"
                        r"阿里云|腾讯云|华为云|云上|クラウド|클라우드")


def _rents_unnamed(text: str) -> bool:
    """"we'd rent something in the cloud": a verb of renting with a GPU or cloud word beside it, not hedged."""
    if RENT_MAYBE.search(text) or OWNED_MACHINE.search(text):
        return False
    return any(RENT_CONTEXT.search(text[max(0, m.start() - 40):m.end() + 40]) for m in RENT_VERB.finditer(text))


# Between a verb of renting and a later card: a card of their own ("we rent an L4 and have a 4090", "but we own")
_OWNED_BETWEEN = re.compile(r"\b(?:have|has|had|own|owns|got|bought|but|also|plus|abbiamo|ho|tenemos|tengo|temos|tenho|"
                            r"avons|ai|haben|habe|hebben|mamy|har|var|есть)\b|\bwe'?ve\b|有|持って|있")


def _rentable(text: str, start: int, end: int) -> bool:
    window = max(0, start - 40)
    before = RENT_BEFORE.search(text[window:start])
    if before and NEGATED_JUST_BEFORE.search(text[max(0, window + before.start() - 30):window + before.start()]):
        before = None  # "keine Cloud, wir haben zwei A100", "no cloud - an A100 in the basement": owned
    after = RENT_AFTER.match(text[end:end + 50])
    if (before and not OWNED.search(before.group())) or (after and not OWNED.search(after.group())):
        return True  # "we left the cloud, we own an A100", "zwei L4 in der eigenen Cloud": owned
    # "We're on Azure and would run it on an NC A100 v4 VM": a cloud named in the same sentence, no ownership said
    ends = [m.start() for m in re.finditer(r"[.!?;。\n](?=\s|$)", text)]  # "g4dn.xlarge" is one word
    left = max((e + 1 for e in ends if e < start), default=0)
    sentence = text[left:min((e for e in ends if e >= end), default=len(text))]
    if CLOUD.search(sentence) and not OWNED.search(sentence):
        return True
    # "we rent the GPUs from a cloud provider, we were thinking of an A100", "noleggiamo le GPU ..., pensavamo a una
    # A100" (s6-a): a verb of renting earlier in the sentence, nothing owned or possessed said between it and the card
    verbs = [m for m in RENT_VERB.finditer(text, left, start)]
    return bool(verbs) and not _OWNED_BETWEEN.search(text[verbs[-1].end():start]) and not OWNED.search(sentence)


# Cloud instance types name the card they rent (owned: false): the families of knowledge/data/cloud_instances.yaml
# (AWS g4dn/g5/g6/g6e/p3/p4d/p4de/p5, GCP a2/a3/g2, Azure NC/ND/NV, OCI shapes, Alibaba gn6i/gn7i, Hetzner GEX130).
# The size after the family ("g5.xlarge", "a2-highgpu-1g", "Standard_NC24ads_A100_v4") is part of the name, never a
# memory size; SageMaker's "ml." and Alibaba's "ecs." prefixes are part of it too.
_SIZE = r"(?:[.\-_][a-z0-9\-_.]*[a-z0-9])?"
_BEFORE_INSTANCE = r"(?:(?<=\bml\.)|(?<=\becs\.)|(?<![a-z0-9\-_/.]))"
INSTANCES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(rf"{_BEFORE_INSTANCE}(?:{i.family}){_SIZE}(?![a-z0-9])"), i.card)
    for i in load_cloud_instances().instances)
# Hedges that still leave a named instance type rented ("probably a p4d on AWS"); "if needed" / "later" do not
# ("we'd spin up g5.xlarge instances when needed" is renting on demand: rented)
_INSTANCE_HEDGE = re.compile(r"if (?:needed|necessary|required)|\bmight\b|\blater\b|\bcould\b|"
                             r"需要的话|如果需要|必要なら|必要に応じて|필요하면")


_ANY_INSTANCE = re.compile(rf"{_BEFORE_INSTANCE}(?:"
                           + "|".join(f"(?:{i.family})" for i in load_cloud_instances().instances) + ")")


def _instances(text: str) -> list[tuple[re.Match[str], str]]:
    found: list[tuple[re.Match[str], str]] = []
    if not _ANY_INSTANCE.search(text):  # the common case: no instance type at all
        return found
    for rx, card in INSTANCES:
        for m in rx.finditer(text):
            if not any(m.start() < other.end() and other.start() < m.end() for other, _ in found):
                found.append((m, card))
    return sorted(found, key=lambda pair: pair[0].start())


# A bare card number ("4080", "4090", "3060") that counts something ("we have 4080 documents", "4090 contracts",
# "4070 queries a month", "4060份合同") is a figure, not a card: alone (no RTX, GeForce, Ti or Super) it is a card only
# after an article, a possessive or a count of cards ("a 4070", "our 4090", "2x 4090", "一张4090", "eine 4070"), or
# followed by nothing, punctuation or a word that goes with a card ("4070 in my workstation", "4090 with 24GB").
_BARE_CARD = re.compile(r"\d{4}(?:s|'s|’s)?")
_CARD_BEFORE = re.compile(
    r"(?:\b(?:an?|one|two|three|four|single|dual|twin|my|our|the|his|her|their|old|new|spare|some|of|with|on|"
    r"x|eine?[nmr]?|une?|una?|uno|um|uma|een|ett|en|il|la|le|el|lo|die|der|das|den|dem|mijn|onze|unsere?\w*|"
    r"meine?\w*|notre|ma|mon|nuestra|mi|mia|nostra|moja|nasz\w*|min|vår|bir|наш\w*|мо[яй])|\d\s*[x×*]|[x×*])\s*$|"
    r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]\s*$")
_CARD_AFTER = re.compile(
    r"^(?:\s*$|\s*[,.;:!?)(/+&\-]|\s*(?:gpus?|cards?|graphics|laptop|mobile|founders|fe|with|in|at|on|and|or|under|"
    r"for|from|is|was|that|which|we|i|but|plus|each|box|rig|desktop|workstation|machine|server|pc|too|as|only|"
    r"sitting|lying|here|there|to|[x×]\s*\d|\d+\s*(?:gb|g\b|gig))(?![a-z])|"
    r"\s*(?:を|が|は|の|で|に|も|이|가|을|를|은|는|에|显卡|卡|，|、|。|也|就|可以|跑))")


def _bare_card_counts(text: str, m: re.Match[str]) -> bool:
    """A card number alone that counts something ("4080 documents"): a figure, not a card."""
    if not _BARE_CARD.fullmatch(m.group()):
        return False
    return not _CARD_BEFORE.search(text[max(0, m.start() - 16):m.start()]) and \
        not _CARD_AFTER.match(text[m.end():m.end() + 16])


def find_accelerators(text: str) -> list[tuple[re.Match[str], str, float | None, bool]]:
    """Every GPU or Apple chip named in ``text``: match, hardware-table name, stated memory, and whether rentable.

    A cloud instance type ("g5.xlarge", "p4d", "a2-highgpu-1g") is its card, rentable.
    """
    table = load_hardware()
    instances = _instances(text)
    found: list[tuple[re.Match[str], str, float | None, bool]] = [(m, table.find(card).name, None, True)
                                                                  for m, card in instances]
    for m in GPU_RE.finditer(text):
        if any(m.start() < i.end() and i.start() < m.end() for i, _ in instances) or _bare_card_counts(text, m):
            continue
        for label in dict.fromkeys((m.group(), m.group().rstrip("s"), m.group("stem"))):
            try:
                acc = table.find(label)
            except ToolInputError:
                continue
            # Memory in the name resolved it ("A100 80GB"); otherwise a stated size is the VRAM.
            # (an Apple chip with its memory, "M2 Max 96GB", is found under its full name: the memory is still said)
            mem = float(m.group("mem")) if m.group("mem") and (label == m.group("stem") or acc.kind == "apple") \
                else None
            if m.group("bare") and acc.kind != "apple" and label == m.group("stem"):
                family = acc.name.split("-")[0].lower()  # "A100 на 80": the A100-80GB; "T4 with 50": no size
                mem = float(m.group("bare")) if any(a.name.split("-")[0].lower() == family and float(
                    a.memory_gb.value) == float(m.group("bare")) for a in table.accelerators) else None
            if mem and acc.kind != "apple":
                family = acc.name.split("-")[0].lower()  # "A10 (24 GB)" is the A10, not the A10G
                same = [a for a in table.accelerators if a.name.split("-")[0].lower() == family
                        and float(a.memory_gb.value) == mem
                        and (not a.name.endswith("-Laptop") or _LAPTOP.search(text))]
                # the variant said with it wins ("H100 PCIe (80 GB)" is the PCIe card, not the table's first H100)
                same.sort(key=lambda a: not any(part.lower() in m.group().lower() for part in a.name.split("-")[1:]
                                                if not part.lower().endswith("gb")))
                said = bool(same) and (any(part.lower() in m.group().lower() for part in same[0].name.split("-")[1:]
                                           if not part.lower().endswith("gb")) or bool(m.group("bare")))
                # (its memory kept, s11-b; "A100 на 80": the size is what names the variant)
                acc, mem = (same[0], mem if said else None) if same and same[0].name != acc.name else (acc, mem)
            found.append((m, acc.name, mem, _rentable(text, m.start(), m.end())))
            break
    return sorted(found, key=lambda item: item[0].start())


def _with_memory(m: re.Match[str]) -> bool:
    return "mem" in m.re.groupindex and bool(m.group("mem"))


def _said_again_with_memory(mention: tuple[re.Match[str], str, float | None, bool],
                            mentions: list[tuple[re.Match[str], str, float | None, bool]]) -> bool:
    """A card named bare and again with its memory ("ND A100 v4 (8x A100 80GB)"): the bare name is the same card."""
    m, name, _, rentable = mention
    family = name.split("-")[0].lower()
    return not _with_memory(m) and not any(m.span() == i.span() for i, _ in _instances(m.string)) and any(
        other is not m and _with_memory(other) and other_name.split("-")[0].lower() == family and rents == rentable
        for other, other_name, _, rents in mentions)  # (not "our A100, or rent an A100 80GB": owned and rented)


def apple_chip(name: object) -> bool:
    """Whether ``name`` is an Apple chip of the hardware table (its RAM is its unified memory); unknown names: no."""
    try:
        return bool(name) and load_hardware().find(str(name)).kind == "apple"
    except ToolInputError:
        return False


def apple_with_memory(name: str, memory: object) -> str:
    """An Apple chip named with the memory said ("M3 Max" with 64 GB is "M3 Max 64GB", not the table's 36 GB part).

    Any other name, or no memory said, comes back as it is.
    """
    if not apple_chip(name) or not isinstance(memory, int | float) or isinstance(memory, bool) or memory <= 0:
        return name
    family = re.sub(r"\s*\d+\s*gb$", "", name, flags=re.IGNORECASE)
    return f"{family} {memory:g}GB"


def find_accelerator(text: str) -> tuple[re.Match[str], str, float | None] | None:
    """The first GPU or Apple chip ``text`` says is owned: the match, the hardware-table name, a stated memory."""
    for m, name, mem, rentable in find_accelerators(text):
        if not rentable:
            return m, name, mem
    return None


# A card given up ("scratch the GPU", "forget the A100", "vergiss die GPU", "oublie la H100", "算了，不用A100"): what
# follows (CPU only, its cores and memory) replaces it, so the card is neither owned nor rented.
_DROP_BEFORE = re.compile(r"(?:\b(?:i|we) (?:said|wrote)|\bforget|\bscratch|\bdrop|\bditch|\bno more|"
                          r"\binstead of|\bget rid of|\bwithout|"
                          # s16-a: "IT is retiring the V100 box", "wir mustern die T4 aus", "on remplace la T4"
                          r"\bretir(?:e|es|ing)|\bphas(?:e|es|ing) out|\bdecommission(?:s|ing)?|\breplac(?:e|es|ing)|"
                          r"\bswap(?:s|ping)? out|\bmustern|\bersetzen|\bremplac\w*|\bsustitu\w*|\bsubstitu\w*|"
                          # lead s15: "statt der T4 haben wir jetzt ne L4", "en lugar de la T4", "invece della T4"
                          r"\b(?:an)?statt|\bau lieu d\w*|\ben (?:lugar|vez) de|\binvece d\w*|\bem vez d\w*|"
                          r"\bin plaats van|\bzamiast|\bi stället för|\bвместо|"
                          r"\bno|\bnot|\bkeine?|\bnicht|\bpas d[e']|\bpas|\bsin|\bsenza|\bsem|\bnão|\bnon|\bniet|"
                          r"\bnie|\binte|\bне|没有|不是|"
                          r"\bvergiss|\bstreich|\bohne|\boublie[zr]?|\blaisse tomber|\bolvida|\bolvídate de|"
                          r"\blascia perdere|\bdimentica|\besque[çc]a|\besquece|不用|去掉|算了)\s*"
                          # "no es una A10, es una A10G", "ce n'est pas une T4", "não é uma T4"
                          r"(?:(?:is|es|est|ist|é|è|is het|jest|är|это)\s+)?"
                          r"(?:the|that|our|die|den|das|der|dem|des|la|le|el|a|an|os|as|il|lo|un|una|uno|une|ein|"
                          r"eine|einen|einer|een|uma|um|en|ett|della|dello|del)?\s*(?:\d+\s*x?\s*)?$")
_DROP_AFTER = re.compile(r"^(?:s|es)?(?:\s+(?:cards?|gpus?))?\s*"
                         r"(?:,?\s*(?:but|and|which|that)\s+(?:it|they|that one|the card|those)?\s*)?"
                         r"(?:is|are|was|were|got|has been|have been|has|have|'s|'re)?\s*(?:out|gone|off the table|"
                         # s17-c: cards kept for other work ("3 A100s, but they're booked solid for training")
                         r"(?:\w+\s+)?(?:booked|reserved|tied up|earmarked|dedicated|allocated)(?:\s+\w+)?\s+"
                         r"(?:for|to)\s+"
                         r"(?:\w+\s+)?(?:training|research|other|another|the \w+ team)|"
                         r"no longer (?:available|an option|there|ours)|dropped|reallocated|reassigned|"
                         r"taken(?: back)?|"
                         r"returned|sold|decommissioned|retired|died|broke|broken|dead|scrapped|replaced|"
                         r"written off|end[\s\-]of[\s\-]life|ist weg|sind weg|değil|ではなく|じゃなく|"
                         r"(?:가|이)?\s*아니)(?![a-z])")
# "forget the GPU ... CPU only now": every card named is given up, when a CPU-only answer follows
GPU_DROPPED = re.compile(r"(?:\bforget|\bscratch|\bdrop|\bditch|\bno more|\bvergiss|\bstreich|\boublie[zr]?|"
                         r"\blaisse tomber|\bolvida|\bolvídate de|\blascia perdere|\bdimentica|\besque[çc]a|\besquece|"
                         r"算了|去掉|忘了)\s*(?:about\s+)?(?:the|that|our|die|den|das|la|le|el|a|an|os|as|il|lo)?\s*"
                         r"(?:gpus?|graphics cards?|grafikkarten?|cartes? graphiques?|显卡)(?![a-z])")


# A card only bought in a condition ("if we bought an L40S", "si on achetait une L40S", "wenn wir eine L40S kaufen
# würden", "如果买一张4090", "4090を買ったら", "4090을 사면"): not the user's hardware (a plan to buy one is).
_IF_BOUGHT = re.compile(
    r"(?:\bif (?:we|i|you) (?:\w+ )?(?:buy|bought|got|get|purchased?|ordered|order)|"
    r"\b(?:we|i) (?:might|may|could) (?:\w+ )?(?:buy|purchase|order|pick up)|"  # s15-a: "we might buy a used 3070"
    r"\bsi (?:on|nous|l'on) "
    r"(?:achetait|achète|achetions|prenait)|\b(?:wenn|falls) wir\b.{0,25}\b(?:kaufen|kauften|anschaffen|anschafften|"
    r"holen|hätten)|\bsi (?:compr|adquiri)\w+|\bse (?:compr|adquiri|acquist)\w+|\bals we\b.{0,15}\b(?:kopen|kochten)|"
    r"\b(?:jeśli|jeżeli|gdybyśmy) (?:kupi\w+)|\bom vi (?:köper|köpte|skaffar)|\b(?:alırsak|alsak)\b|"
    r"\bесли (?:бы )?(?:мы )?(?:куп\w+|возьм\w+)|\bagar\b.{0,20}\b(?:kharid|le lein|lete)\w*|"
    r"(?:如果|要是|假如|假设)(?:我们)?(?:买|采购|购买|入手)|もし.{0,10}(?:買|購入|導入))[^.;!?。]{0,20}$")
_BOUGHT_AFTER = re.compile(r"^\s*(?:を|が)?\s*(?:\d+\s*枚\s*)?(?:買った|購入した|導入した)ら|^\s*(?:을|를)?\s*"
                           r"(?:\d+\s*장\s*)?(?:사면|산다면|구매하면|구입하면)|^\s*(?:kupimy|kupilibyśmy|alırsak)\b")


# A card of the past ("we used to have a V100 but it died, now it's an L40S", "以前用的是 T4，现在是 L4")
_PAST_BEFORE = re.compile(r"(?:\bused to (?:have|run on|use|own)|\bwe (?:once |previously )?had|"
                          r"\bpreviously (?:had|used|ran on)|\bformerly|\bfrüher hatten wir|"
                          r"\bavant,? (?:on avait|nous avions)|\bantes ten[ií]amos|"
                          r"\bprima avevamo|\bvroeger hadden we|\bkiedyś mieliśmy|\bförut hade vi|\beskiden\b|"
                          r"\bраньше (?:был\w*|стоял\w*|у нас был\w*)|\bраніше (?:був\w*|була|були)|"
                          r"以前(?:有|用的?是?)|"
                          r"之前(?:有|用的?是?)|以前は|예전에는)\s*(?:\w+\s+){0,2}$|"
                          # s17-c: a count and a classifier between ("以前有两张V100", "之前有2块A100")
                          r"(?:以前|之前|原来|过去)(?:有|用过?的?是?)\s*[\d两一二三四五六七八九十几]+\s*(?:张|塊|块|台|个|個)\s*$")


# A card out of reach ("an H100 costs like $30k so that's out", "we'd love an A100 but the budget won't allow it",
# "eine H100 ist uns zu teuer", "A100は高すぎて買えない"): priced or wished for, not the user's hardware, unless the
# sentence says it is theirs ("we have an A100, too expensive to buy a second").
_OUT_OF_REACH_AFTER = re.compile(
    r"^[^.;!?。！？]{0,50}?(?:\bthat'?s out\b|\b(?:so|which is|it'?s) (?:that'?s |it'?s )?out\b|"
    r"\btoo (?:expensive|pricey|costly|much)\b|\bout of (?:our |the |my )?(?:budget|reach|price range|league)\b|"
    r"\b(?:can'?t|cannot|couldn'?t) afford\b|\bnot (?:in|within) (?:our |the )?budget\b|"
    r"\b(?:budget|boss|finance|management|cfo)\s+(?:won'?t|will not|wouldn'?t|doesn'?t|does not|didn'?t) "
    r"(?:allow|approve|cover|sign off|stretch)|\bzu teuer\b|\bnicht bezahlbar\b|\btrop cher\b|"
    r"\bhors budget\b|\bdemasiado car[oa]\b|\bfuera de(?:l)? presupuesto\b|\btroppo costos[oa]\b|"
    r"\bmuito car[oa]\b|\bte duur\b|\bza drog[iaą]\b|\bför dyr\b|\bçok pahalı\b|\bслишком дорог\w*|"
    r"太贵|买不起|買不起|預算不夠|预算不够|高すぎ|買えない|予算オーバー|너무 비싸|비싸서)")
_OUT_OF_REACH_BEFORE = re.compile(r"(?:\bwould love|'d love|\bwish (?:we|i) (?:had|could (?:get|buy|afford))|"
                                  r"\bdream(?:ing)? (?:of|about)|\b(?:can'?t|cannot|couldn'?t) afford|"
                                  r"\bno budget for|\bhätten gern)\s+(?:\w+\s+){0,2}$")
_THEIRS_BEFORE = re.compile(r"\b(?:we have|we've got|we got|i have|our|my|own|owns|bought)\b|我们有|有一张|持って|있어")


# s16-c (dev18b): a card by its price, in any language ("Eine H100 kostet in der Anschaffung um die 35.000 €", "Una A100
# comprada costaría unos 15.000 €", "an H100 goes for $30k"), and another team's cards the user cannot use ("un'altra
# divisione ha delle H100, ma non possiamo usarle", "the data science team has A100s but we can't use them")
_PRICED_AFTER = re.compile(
    r"^[^.;!?。！？,，]{0,30}?(?:\b(?:costs?|kostet|kosten|kostete|cuesta|cuestan|costar[ií]a\w*|custa|custaria|"
    r"co[uû]te\w*|costa|costerebbe|kost|kosztuje|стоит|goes for|sells? for|is priced|retails? for|rents? for)\b|"
    r"\b(?:in der anschaffung|comprad[oa]s?|achetée?s?|acquistat[aoie])\b)[^.;!?。！？]{0,30}?(?:[$€£¥₹]|\d)")
_ANOTHER_TEAM = re.compile(
    r"\b(?:another|other|a different|the other)\s+(?:division|department|team|business unit|group|lab)\b|"
    r"\bun'altra (?:divisione|business unit|squadra)|\b(?:otra|outra) (?:división|divisão|área|equipe|equipo)\b|"
    r"\b(?:eine andere|die andere) (?:abteilung|sparte|gruppe)\b|\bune autre (?:division|équipe|entité)\b|"
    r"别的部门|其他部门|他の部署|다른 부서")
_CANNOT_USE = re.compile(r"(?:\b(?:can'?t|cannot|not allowed to|may not) use\b|\bnon possiamo usarl\w*|"
                         r"\bno podemos usarl\w*|\bnão podemos usá-l\w*|\bkönnen wir nicht (?:nutzen|verwenden)|"
                         r"\bne (?:pouvons|peut) pas les utiliser|\bpas accès)")


# s17-c: the size of a database, an index or a disk said before the figure ("our Postgres is already 2TB", "the
# Elasticsearch index is 800 GB", "la base de datos ocupa 3 TB", "数据库有2TB")
_STORED_BEFORE = re.compile(r"\b(?:postgres\w*|database|db|mysql|oracle|elastic\w*|opensearch|index|disk|disks|"
                            r"storage|s3|bucket|corpus|archive|data ?lake|dump|backup|base de dat\w+|banco de dados|"
                            r"datenbank|speicher|stockage)\b[^.;!?,]{0,25}?(?:is|are|has|holds|ocupa|tem|hat|fait|"
                            r"at|of|about|around|already|over|~)?\s*$|数据库[^，。]{0,6}$|データベース[^、。]{0,6}$")


def _out_of_reach(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 40):start]
    if _THEIRS_BEFORE.search(before):
        return False
    if _ANOTHER_TEAM.search(before) and _CANNOT_USE.search(text[end:end + 60]):
        return True  # another team's cards, not for us
    return bool(_OUT_OF_REACH_BEFORE.search(before) or _OUT_OF_REACH_AFTER.match(text[end:end + 80]) or
                _PRICED_AFTER.match(text[end:end + 80]))


def _dropped(text: str, start: int, end: int) -> bool:
    if _out_of_reach(text, start, end):
        return True  # "an H100 costs like $30k so that's out"
    if _PAST_BEFORE.search(text[max(0, start - 40):start]):
        return True  # "we used to have a V100": not the card now
    if _IF_BOUGHT.search(text[max(0, start - 50):start]) or _BOUGHT_AFTER.match(text[end:end + 20]):
        return True  # "if we bought an A100": a card only asked about
    if re.search(r"\b(?:took|take|taking|gave|give)\s+(?:the|our|my)?\s*$", text[max(0, start - 16):start]) and \
            re.match(r"^\s*back\b", text[end:end + 8]):  # "they took the L4 back"
        return True
    return bool(_DROP_BEFORE.search(text[max(0, start - 25):start]) or _DROP_AFTER.match(text[end:end + 60]))


# A card of a side machine beside the serving one ("my MacBook M3 Pro is just for prototyping", "eine RTX 4090 im
# Entwicklerrechner", "un portátil con una 4060 para pruebas", "开发用的笔记本是Mac M2", "検証用にRTX 3060のPC",
# "o notebook do dev tem uma 3060 que não serve pra produção"): a laptop, a developer's or test machine. The words go to
# the nearest card of their sentence; such a card is not the hardware when another card is named (s16-a).
_SIDE_MACHINE = re.compile(
    r"\blaptops?\b|\bnotebooks?\b|\bmacbook|\bthinkpad\b|\bgaming (?:pc|rig)\b|"
    r"\bdev(?:elopment)? (?:box|machine|laptop|pc|rig)\b|"
    r"\b(?:for|just for|only for) (?:prototyping|testing|tests|dev\b|development|experiments|playing)|\bprototyping\b|"
    r"\bnot (?:for|in|used (?:for|in)) prod(?:uction)?\b|"
    r"\bentwickler\w*|\bentwicklungs\w+|\btestrechner|\bzum testen\b|\bnicht (?:für den|im) (?:betrieb|produktiv\w*)|"
    r"\bportables?\b|\bpour (?:les )?(?:tests|le dev|prototyper)|\bpas (?:pour|en) (?:la )?prod|"
    r"\bport[áa]til\b|\bpara (?:las |os )?(?:pruebas|testes|testar|probar|desarrollo|desenvolvimento)|"
    r"\bdo dev\b|\bde(?:l)? (?:dev|desarrollador)\b|\bn[ãa]o serve (?:pra|para) produ[çc][ãa]o|"
    r"\bno (?:sirve|va) (?:para|a) producci[óo]n|"
    r"笔记本|開発用|开发用|开发机|測試用|测试用|测试机|検証用|検証機|ノートパソコン|ノートpc|本番では使いません|"
    r"那个不算|那台不算|개발용|테스트용|노트북")
_MACHINE_SENTENCE_END = re.compile(r"[.;!?。；！？\n]")


def side_machines(text: str, named: list[tuple[re.Match[str], str, float | None, bool]]) -> set[int]:
    """Starts of the cards ``text`` puts in a laptop, a developer's or a test machine, when another card is named."""
    if len({name for _, name, _, _ in named}) < 2:
        return set()
    side: set[int] = set()
    for w in _SIDE_MACHINE.finditer(text):
        left = max((e.end() for e in _MACHINE_SENTENCE_END.finditer(text, 0, w.start())), default=0)
        right = next((e.start() for e in _MACHINE_SENTENCE_END.finditer(text, w.end())), len(text))
        near = [m for m, *_ in named if left <= m.start() < right]
        if near:
            side.add(min(near, key=lambda m: min(abs(m.start() - w.end()), abs(w.start() - m.end()))).start())
    kept = {name for m, name, _, _ in named if m.start() not in side}
    return side if kept else set()


def _clause(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]`` ("g4dn.xlarge on AWS for now" of "..., might move to g5 later")."""
    left = max((text.rfind(c, 0, start) for c in ",;!?。，；"), default=-1) + 1
    rights = [i for i in (text.find(c, end) for c in ",;!?。，；") if i >= 0]
    return text[left:min(rights, default=len(text))]


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


# A GPU the user may only get later ("IT said we might get a GPU next year; for now it's a 16-core VM with 64GB")
_LATER_BEFORE = re.compile(r"\b(?:might|may|could|will|would|going to|plan(?:ning)? to|hope to|want to|hoping to)\s+"
                           r"(?:\w+\s+)?(?:get|buy|have|add|order|receive|purchase)\s+(?:a\s+|an\s+|some\s+|one\s+)?$")


# s16-b: the card's own sentence or the next one says it is rented, no other card named after it
# ("A100じゃなくてL40Sでした。クラウドで時間借りしてるやつです", "it's an L40S. we rent it by the hour",
# "La alquilamos por horas en la nube")
_RENTED_NEXT_CONTEXT = re.compile(rf"{CLOUD_WORDS}|\b(?:it|them|one|lo|la|las|los|sie|die|le|les)\b|"
                                  r"\b(?:by|per|an|a) (?:the )?hour\b|por horas?|pro stunde|stundenweise|à l'heure|"
                                  r"all'ora|按小时|時間|やつ|もの|的|시간")
_SENTENCE_END = re.compile(r"[.!?;。！？；\n](?=\s|$|[^\d])")
# More or other machines rented beside the card ("we also rent cloud GPUs for training"): the card stays owned
_RENTED_BESIDE = re.compile(r"\b(?:also|too|as well|additionally|extra|more|other|another|bursts?|peaks?|training|"
                            r"auch|zusätzlich|también|además|aussi|anche|também|ook)\b|也|还|他にも|追加|도\b")


def _rented_next(text: str, start: int, end: int) -> bool:
    """The rest of the card's sentence and the sentence after it say it is rented, not owned, with no hedge."""
    ends = [m.end() for m in _SENTENCE_END.finditer(text, end)]
    stretch = text[end:ends[1] if len(ends) > 1 else len(text)]
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    verb = RENT_VERB.search(stretch)
    return bool(verb and not OWNED.search(text[left:start]) and not _RENTED_BESIDE.search(stretch)
                and _RENTED_NEXT_CONTEXT.search(stretch) and not RENT_MAYBE.search(stretch)
                and not OWNED.search(stretch) and not NEGATED_JUST_BEFORE.search(stretch[max(0, verb.start() - 30):
                                                                                         verb.start()]))


def hardware_mentions(text: str, asked: str | None = None) -> tuple[dict[str, Any], list[tuple[int, int]]]:
    """Return the hardware ``text`` states (accelerator, vram_gb, ram_gb, cpu_cores) and the spans it used.

    A count ("two A100s", "4张A100", "A100が2枚") is read and left out: the profile describes one device. A bare
    "32 GB" is VRAM beside a GPU, RAM beside "CPU only" or a machine word, and left alone otherwise (it may be the
    corpus size).
    """
    hw: dict[str, Any] = {}
    spans: list[tuple[int, int]] = []
    named = find_accelerators(text)
    given_up = bool(GPU_DROPPED.search(text) and CPU_ONLY.search(text))  # "scratch the GPU ... CPU only now"
    mentions = [x for x in named if not given_up and not _dropped(text, x[0].start(), x[0].end())]  # "forget the A100"
    aside = side_machines(text, mentions)  # "a 4060 in a laptop for tests, two L4s in production": the L4s
    mentions = [x for x in mentions if x[0].start() not in aside]
    corrected = _corrected_before(text, mentions)  # "a T4 - sorry, an L4": the later card
    mentions = [x for x in mentions if x[0].start() not in corrected]
    mentions = [x for x in mentions if not _said_again_with_memory(x, mentions)]
    instance_spans = {m.span() for m, _ in _instances(text)}
    owned = next(((m, name, mem) for m, name, mem, rentable in mentions if not rentable), None)
    for m, *_ in named:  # every GPU name, owned, rentable or dropped, and its count are used up
        spans.append(m.span())
        count = GPU_COUNT.search(text[max(0, m.start() - 12):m.start()])
        if count:
            spans.append((m.start() - len(count.group()), m.start()))
        after = GPU_COUNT_AFTER.match(text[m.end():m.end() + 16])
        if after:
            spans.append((m.end(), m.end() + after.end()))
    for start, end in list(spans):
        text = _blank(text, start, end)
    rented = next(((m, name, mem) for m, name, mem, rentable in mentions if rentable), None)
    if owned and rented and owned[0].start() < rented[0].start() and _INSTEAD.search(
            text[owned[0].end():rented[0].start()]):  # "the 4090 stays on build duty. we'd rent instead - an L4"
        owned = None
    if owned:
        _, hw["accelerator"], mem = owned
        if mem:
            hw["vram_gb"] = mem
        if not any(m.start() > owned[0].end() for m, *_ in mentions) and _rented_next(text, *owned[0].span()):
            hw["owned"] = False
    elif rented and (not RENT_HEDGE.search(text) or any(  # "probably a couple of L4s on GCP (g2-standard)"
            m.span() in instance_spans and name == rented[1] and not _INSTANCE_HEDGE.search(_clause(text, *m.span()))
            for m, name, _, rentable in mentions if rentable) or (_OWNS_NONE.search(text) and _ALL_CLOUD.search(text))
            or (_ALL_CLOUD.search(text) and not RENT_MAYBE.search(text) and not OWNED_MACHINE.search(text) and
                len({name for _, name, _, rentable in mentions if rentable}) == 1)):
        # (one card "we could spin up" by a user who runs in a cloud, "we're on AWS, could spin up a couple of A10Gs")
        # (a card "we could rent" by a user who owns none and runs in a cloud: the card they would use, not "no GPU")
        # "we can rent A100s but own nothing", "a g5.xlarge": rented, not owned
        _, hw["accelerator"], mem = rented
        hw["owned"] = False
        if mem:
            hw["vram_gb"] = mem
    elif _rents_unnamed(text):
        hw.update(accelerator="none", owned=False)  # rented, card not chosen yet
    elif CPU_ONLY.search(text):
        hw["accelerator"] = "none"
    other_gpu = not mentions and not CPU_ONLY.search(text) and any(  # a card the table does not know, not "no GPU"
        not NO_BEFORE.search(text[max(0, m.start() - 12):m.start()]) and
        not _LATER_BEFORE.search(text[max(0, m.start() - 40):m.start()]) for m in OTHER_GPU.finditer(text))
    machine = asked == "hardware" or other_gpu or bool(MACHINE.search(text))
    for m in MEMORY_RE.finditer(text):
        unit = m.group("unit") or m.group("unit2")
        value = float(m.group("n") or m.group("n2")) * (1024 if unit[0] in "tт테" else 1)
        total = _TOTAL_AFTER.match(text[m.end():m.end() + 24]) or _TOTAL_BEFORE.search(text[max(0, m.start() - 20):
                                                                                             m.start()])
        if total and not (m.group("ram") or m.group("ram2")) and (mentions or _CARD_WORD.search(text)):
            spans.append(m.span())  # "8x A100 40GB, 320 GB combined": the cards' total, not one card's (s11-b)
            continue
        if m.group("vram") or m.group("vram2"):
            hw.setdefault("vram_gb", value)
        elif m.group("ram") or m.group("ram2"):
            hw.setdefault("ram_gb", value)  # (s17-c: "64GB RAM each" is the machines' RAM beside past GPUs)
        elif _CARD_WORD.search(text) and _EACH_CARD.match(text[m.end():m.end() + 20]) and "accelerator" not in hw:
            hw.setdefault("vram_gb", value)  # "4 cards, 48 GB each": a card's memory
        elif STORAGE_AFTER_GB.match(text[m.end():]) or _STORED_BEFORE.search(text[max(0, m.start() - 40):m.start()]) \
                or not (hw or machine) or (mentions and not owned):
            continue  # (s17-c: "our Postgres is already 2TB": a database's size, no memory)
        elif hw.get("accelerator", "none") != "none" or other_gpu:  # "a Radeon RX 7900 XTX with 24 GB": its VRAM
            hw.setdefault("vram_gb", value)
        else:
            hw.setdefault("ram_gb", value)
        spans.append(m.span())
    if owned and "ram_gb" in hw and "vram_gb" not in hw and apple_chip(owned[1]):
        hw["vram_gb"] = hw.pop("ram_gb")  # a Mac's RAM is its unified memory
    if owned and hw.get("accelerator") == owned[1]:
        hw["accelerator"] = apple_with_memory(owned[1], hw.get("vram_gb"))
    _sibling(hw, text)
    sockets = SOCKETS_RE.search(text)  # "two sockets, 32 cores each": 64 cores
    if sockets:
        n_cpus = sockets.group(1)
        hw["cpu_cores"] = (int(n_cpus) if n_cpus.isdigit() else 2) * int(sockets.group(2))
        spans.append(sockets.span())
        text = _blank(text, *sockets.span())
    for m in CPU_MODEL.finditer(text):
        spans.append(m.span())
        text = _blank(text, *m.span())
    for m in CORES_RE.finditer(text):
        hw.setdefault("cpu_cores", int(m.group(1) or 1) * int(m.group(2) or m.group(3)))
        spans.append(m.span())
    # "a rented Hetzner box, 8 cores", "Colab's free T4": not the user's own machine
    if hw and "owned" not in hw and not (owned and rented) and machine_rented(text):
        hw["owned"] = False
    return hw, spans


# A memory figure that is the sum over several cards or machines: "320 GB combined", "96GB in total", "zusammen 96 GB"
_TOTAL_AFTER = re.compile(r"\s*(?:of\s+(?:vram|memory)\s+)?(?:in\s+)?(?:total|combined|altogether|overall|insgesamt|"
                          r"zusammen|au total|en total|in totale|no total|totalt|toplam|всего|в сумме|"
                          r"合计|总共|合計|총)\b")
_TOTAL_BEFORE = re.compile(r"(?:\b(?:total(?: of)?|combined|altogether|insgesamt|zusammen|au total|en total|in totale|"
                           r"no total|totalt|toplam|всего|в сумме|so)\s*(?:~|about|around)?|合计|总共|合計で?|총)\s*$")
_CARD_WORD = re.compile(r"\b(?:cards?|gpus?|graphics cards?|karten|grafikkarten|cartes|tarjetas|schede|placas|kort)\b|"
                        r"显卡|卡|グラボ|カード|그래픽카드")
_EACH_CARD = re.compile(r"\s*(?:each|apiece|per (?:card|gpu)|je|jeweils|pro karte|chacune|cada una|ciascuna|cada)\b")


# A laptop said beside a card: "an RTX 4070 with 8GB" in a laptop is the laptop card; elsewhere 8 GB is in doubt
_LAPTOP = re.compile(r"\blaptops?\b|\bnotebooks?\b|\bmobile\b|\bmacbook\b|\bthinkpad\b|ノートパソコン|ノートpc|笔记本|"
                     r"노트북|\bportable\b|\bportátil\b|\bportatile\b")


def _sibling(hw: dict[str, Any], text: str = "") -> None:
    """"V100s, the 32GB ones": the table's card of that family with the memory said (V100-32GB), not the default."""
    name, vram = hw.get("accelerator"), hw.get("vram_gb")
    if not vram or name in (None, "none"):
        return
    table = load_hardware()
    card = table.find(name)
    if card.kind != "gpu" or float(card.memory_gb.value) == float(vram):
        return
    family = card.name.split("-")[0].lower()  # "RTX 4070" (its laptop card is "RTX 4070-Laptop"), "V100", "A100"
    same = [a for a in table.accelerators if a.kind == "gpu" and a.name.split("-")[0].lower() == family
            and float(a.memory_gb.value) == float(vram) and (not a.name.endswith("-Laptop") or _LAPTOP.search(text))]
    if len(same) == 1:
        hw["accelerator"] = same[0].name


# A card the user says is theirs, inside a question ("would e5 fit on the T4 we have?", "Passt bge-m3 auf unsere L4?"):
# the question goes to its tool and the card is still the user's hardware.
_MINE_BEFORE = re.compile(r"(?:\b(?:we have|we've got|we got|we own|we run|our|my|unsere?\w*|notre|nos|nuestr[ao]s?|"
                          r"noss[ao]s?|nostr[aeio]|onze|nasz\w*|vår|vårt|våra|bizim|наш\w*|мо[яйи])|我们的|我们有|"
                          r"うちの|弊社の|우리|저희)\s*(?:[a-z]+'s\s+)?"  # "my laptop's RTX 3060", "our server's A10"
                          r"(?:(?:old|oude|gamla|gamle|alte[nr]?|vieille|vieja|vecchia|velha|stara|eski|старая|trusty|"
                          r"little|small|kleine|lille|lilla)\s+)?"  # "onze oude T4", "vår gamla GTX 1080"
                          r"(?:(?:single|one|only|lone|1|an?|the|own|einzige\w*|seule?|única?|"
                          r"unica|один|одна)\s+){0,2}$")
_MINE_AFTER = re.compile(r"^\s*(?:(?:that|which)\s+)?(?:we(?:'ve)? (?:have|own|got|run|use)|die wir haben|que (?:nous "
                         r"avons|tenemos|temos)|che abbiamo|die we hebben|którą mamy|som vi har|которая у нас)\b")


def owned_in_question(text: str) -> list[tuple[int, int]]:
    """Spans of the cards ``text`` (a question) says the user has; a card only asked about is not one of them."""
    return [(m.start(), m.end() + (memory.end() if (memory := _MEMORY_BESIDE.match(text[m.end():])) else 0))
            for m, *_ in find_accelerators(text)
            if _MINE_BEFORE.search(text[max(0, m.start() - 30):m.start()]) or _MINE_AFTER.match(text[m.end():])]


# "my RTX 3060 (the 6GB one)", "our A10, 24 GB": the card's memory said right after it belongs to the card
_MEMORY_BESIDE = re.compile(r"^\s*(?:\(\s*(?:the\s+)?\d+\s*gb\b[^)]{0,20}\)|,\s*\d+\s*gb\b|"
                            r"(?:with|van|von|mit|med|de|di|da|z|с|ile)\s+\d+\s*gb\b)")
