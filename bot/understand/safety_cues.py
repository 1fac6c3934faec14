"""The words of harmful intent and manipulation (bot/understand/safety.py reads them).

A cue is a sequence of word groups that must appear in this order, each within ``gap`` characters
of the previous one; a group is ``|``-separated alternatives, written as people type them (accents,
hamzas and ta marbuta are folded before matching). A Latin alternative matches at a word start and
may continue (``falsifi`` covers falsifier, falsifié); ``=`` ends it exactly (``vol=``). An Arabic
alternative may follow the particles glued to a word (``رشو`` in والرشوة).

Written from how citizens phrase these requests, never from an evaluation set.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cue:
    kind: str
    category: str
    groups: tuple[str, ...]
    gap: int = 50
    ordered: bool = False  # the groups in this order ("un faux permis", not "le permis est faux")


def _cue(kind: str, category: str, *groups: str, gap: int = 50, ordered: bool = False) -> Cue:
    return Cue(kind, category, groups, gap, ordered)


# --- shared word groups ---------------------------------------------------------------------------

DOCUMENT = (
    "document|papier|attestation|certificat|acte|extrait|diplome|permis|carte|cin=|cnie|passeport|passport|"
    "releve|bulletin|fiche|contrat|bail|facture|ordonnance|justificatif|tampon|cachet|signature|copie|bac=|"
    "wra9|war9a|lwra9|lwar9a|chahada|chahadat|shahada|lbta9a|lkart|lakart|lpermis|lbaccalaureat|"
    "وثيقه|وثائق|ورقه|الورقه|وراق|شهاده|شواهد|بطاقه|لاكارط|البيرمي|باسبور|جواز|رخصه|عقد|رسم|نسخه|دبلوم|"
    "باكالوريا|الباك|طابع|الطابع|ختم|الختم|التوقيع|امضاء|كونطرا"
)
OFFICIAL = (
    "fonctionnaire|agent|gendarme|policier|police|flic|bolis|bolisi|boulisi|moqaddem|mo9eddem|mqeddem|"
    "mokaddem|mo9adem|caid|9ayd|l9ayd|qaid|khalifa|inspecteur|controleur|examinateur|juge|9adi|qadi|"
    "greffier|adoul|directeur|chef de service|employe|mowadaf|lmowadaf|lmowaddaf|l'agent|douanier|diwana|"
    "gouverneur|wali=|lwali=|الوالي=|عامل العماله|العامل ديال العماله|عامل الاقليم|"
    "الموظف|موظف|البوليس|بوليسي|البوليسي|الشرطي|الدركي|جدارمي|المقدم|مقدم|القايد|القائد|قايد|الخليفه|"
    "المفتش|القاضي|الفاحص|العدل|العدول|المدير|الديوانه|الجمارك|شخص في|شخصا في|شخص ف|شي واحد ف|واحد ف|"
    "حد ف|chi wa7ed f|chi wahed f|wa7ed f|wahed f|chi had f|quelqu'un a la|quelqu'un au|quelqu'un dans"
)
# The official a payment would go to: "au fonctionnaire", "l lmowadaf", "للموظف".
OFFICIAL_TO = (
    "au fonctionnaire|a l'agent|aux agents|au gendarme|aux gendarmes|au policier|a la police|au flic|"
    "au moqaddem|au mokaddem|au caid|au khalifa|a l'inspecteur|au controleur|a l'examinateur|au juge|"
    "au greffier|au douanier|a l'employe|au directeur|l lmowadaf|l'lmowadaf|l mowadaf|l lbolis|l bolis|"
    "l lbolisi|l l9ayd|l 9ayd|l lmo9eddem|l mo9eddem|l lmqeddem|l l'agent|l'agent|l lkhalifa|l l'inspecteur|"
    "للموظف|لموظف|للبوليس|للبوليسي|للشرطي|للدركي|للمقدم|للقايد|للقائد|للخليفه|للمفتش|للفاحص|للقاضي|"
    "للمدير|للديوانه|ل الموظف|ل البوليسي|ل المقدم|ل القايد"
)
GIVE = (
    "donner|donne|payer|paye|offrir|offre|glisser|filer|verser|n3ti|n3tih|n3tiha|n3tihom|n3tiwh|ne3ti|"
    "nkhelles|nkhlles|nkhelsou|ndwwez|ndewwez|ndfe3|nedfe3|نعطي|نعطيه|نعطيها|نعطيهم|اعطي|أعطي|ندفع|ادفع|أدفع|"
    "نخلص|نخلصو|ندوز|يطلب مبلغ|طلب مني|talab menni|bgha menni|tlab menni|ch7al n3ti|chhal n3ti|"
    "combien je (lui|leur) donne|combien (donner|payer)"
)
ASK_FOR = (
    "donne|donnez|donner|3tini|a3tini|3tina|عطيني|اعطني|أعطني|اعطيني|chouf|tchouf|shouf|vérifie|verifie|"
    "trouve|cherche|9elleb|qelleb|قلب|شوف|liste|lister|affiche|montre|werrini|wريني|وريني|ارني|أرني|"
    "عندك|3ndek|3andek|exporte|export|copie|envoie|sift|sayft|صيفط|3awdha|عاودها|عاود|اعرض|أعرض|"
    "bghit n3ref|je veux savoir|je veux le|je veux la|bghit nchouf|بغيت نعرف|بغيت نشوف"
)
PERSONAL_DATA = (
    "numero|num=|n°|رقم|cin=|cnie|carte d'identite|lakart|adresse|ladresse|l'adresse|لادريسه|لادريسة|العنوان|"
    "عنوان|telephone|tel=|portable|الهاتف|التليفون|tilifoun|infos dyal|les infos de|les informations de|"
    "donnees de|score|السكور|date de naissance|ou il habite|ou elle habite|fin saken|fin sakna|فين ساكن|"
    "اين يسكن|واش مسجل|واش مسجله"
)
THIRD_PARTY = (
    "smito|smitou|smitha|smiytou|سميتو|سميتها|المسمي|المدعو|المدعوه|nomme|nommee|qui s'appelle|"
    "للمواطن|المواطن|de madame|de monsieur|de mr|de mme|dyal wa7ed|dyal wahed|ديال واحد|واحد سميتو|"
    "mon voisin|ma voisine|jari|jarti|جاري|جارتي|mon ex|ex mari|ex-mari|ex femme|ex-femme|طليقتي|طليقي|"
    "طليقه|mon associe|ex associe|ex-associe|d'autres personnes|d'une autre personne|une autre personne|"
    "autres utilisateurs|les utilisateurs|l'utilisateur|utilisateurs|user|المستخدمين|مستخدمين|المستخدم|"
    "شخص اخر|شخص آخر|ناس اخرين|des gens|d'autres gens|khoya|khouya|خويا|ختي|khti|mon frere|ma soeur|"
    "mon cousin|ma cousine|mon collegue"
)
# Latin first names common in Morocco: "le numéro de CIN de Mohamed Benali".
FIRST_NAMES = (
    "mohamed|mohammed|mhamed|ahmed|youssef|yousef|rachid|hamza|anas|karim|said=|omar|ali=|hassan|hicham|"
    "mustapha|mostafa|abdellah|abdelaziz|abderrahim|khalid|driss|adil|amine|mehdi|nabil|yassine|ayoub|"
    "fatima|fatiha|khadija|aicha|zineb|meryem|maryam|salma|hajar|sanaa|nadia|naima|latifa|amina|asmae|"
    "imane|houda|ghizlane|kaoutar|rajae|samira|malika|souad|hanane|laila|leila|btissam|siham|nora|"
    "محمد|احمد|يوسف|رشيد|حمزه|انس=|كريم|سعيد|عمر=|حسن=|هشام|مصطفي|عبد الله|خالد|ادريس|عادل|امين|"
    "مهدي|ياسين|ايوب|فاطمه|خديجه|عائشه|عايشه|زينب|مريم|سلمي|هاجر|ناديه|نعيمه|لطيفه|امينه|ايمان=|"
    "كوثر|سميره|مليكه|سعاد|حنان|ليلي|ابتسام"
)
ROLE = (
    "imagine|fais comme si|fais semblant|joue le role|joue un|tu es maintenant|tu es desormais|"
    "a partir de maintenant tu es|pretend|act as|roleplay|role play|dir role|dir le role|dir b7al|"
    "dir bhal|tkhayel|tkhayyel|nl3bo|nta daba|تخيل|تقمص|كن =|دير بحال|دير الدور|لعب دور|العب دور|نلعبو|"
    "agis comme|agis en tant que|sois un|sois une|suppose que tu|supposons que tu|considere que tu|"
    "dir rasek|dir rask|3tabar rasek|3tabar rassek|ta3mel b7al|تصرف ك|تصرف مثل|افترض انك|اعتبر راسك|"
    "اعتبر نفسك|تخيل راسك|ضير راسك|ecris un dialogue|ecris une histoire|raconte une histoire|pour un roman|"
    "pour un film|pour une fiction|hypothetiquement|dans un monde ou|jeu de role|personnage|kteb lia 9issa|"
    "dir 9issa|nl3bo wa7ed lo3ba|افتراضيا|قصه خياليه|في قصه|كتب ليا قصه|لعبه الادوار"
)
ISSUE = (
    "confirme|valide|approuve|publie|redige|ecris|kteb|ktebli|kteb lia|signe|accorde|autorise|delivre|"
    "annonce|declare que|3tini lmowafa9a|lmowafa9a|اكتب|اصدر|أصدر|عطيني الموافقه|الموافقه|وقع ليا|"
    "صادق|اعلن|أعلن|يعلن|بلاغا|بلاغ باسم|classe|enregistre|inscris|annule|efface|accepte ma|certifie que|"
    "atteste que|donne moi l'autorisation|donne l'accord|3tini rokhsa|3tini l'autorisation|sjjel|عطيني الرخصه|"
    "عطيني الاذن|سجل ليا|الغي|اشهد|شهد ليا"
)

CUES: list[Cue] = [
    # --- forging or falsifying a document -------------------------------------------------------
    _cue(
        "harm",
        "forgery",
        "faux papier|faux document|falsifi|contrefa|trafiquer|trafique|bidouill|photoshop|"
        "zewwer|zawwer|zewer|zawer|nzewwer|nzawwer|nzewer|nzawer|nzwer|mzowr|mzawr|mzewr|mzouwr|mzouer|"
        "mzawer|tazwir|tzwir|تزوير|مزور|مزوره|المزور|نزور شهاد|ازور شهاد|نزور ورق|ازور شهاد|أزور شهاد|"
        "اصطنع|أصطنع|نصطنع|مصطنع|dyal lkdoub|dyal lkdob|d lkdoub|ديال الكذوب|ديال الكدوب|"
        "tban vraie|tban vrai|ybanou vrais|يبان حقيقي|تبان حقيقيه|comme un vrai|comme une vraie|"
        "kif l'original|بحال الاصليه|كيف الأصل",
    ),
    _cue("harm", "forgery", "faux=|fausse|un faux|une fausse", DOCUMENT, gap=12, ordered=True),
    _cue(
        "harm",
        "forgery",
        "modifier|changer|effacer|corriger moi meme|retoucher|bdel|nbdel|nbeddel|nbedel|nghayer|nbedlo|"
        "بدل|نبدل|نغير|نبدلو|تغيير|اغير|أغير|نعدل|اعدل|أعدل|نمسح",
        "date|photo|tswira|tsswira|التصويره|التصويرة|الصوره|الصورة|nom=|smiya|السميه|التاريخ|تاريخ|note|"
        "notes|النقط|النقطه|montant|المبلغ|tampon|cachet|الطابع|الختم",
        "sans que (ca|ça) se voie|sans que personne|sans que l'administration|bach ma ybanch|bla ma ybane|"
        "بلا ما يبان|باش ما يبانش|scann|scan=|pdf|ديال خويا|ديال ختي|dyal khoya|dyal khti|de mon frere|"
        "de ma soeur|pour que (ca|ça) passe|باش نخدم بيها|bach nkhdem biha|bach nkhdem biha ana",
        gap=80,
    ),
    _cue(
        "harm",
        "forgery",
        "fabriquer|fabrique|faire faire|creer|sawb|nsawb|ysawb|tsawb|صاوب|نصاوب|يصاوب|تصاوب|ندير",
        "tampon|cachet|طابع|ختم|طمبون",
    ),
    _cue("harm", "forgery", "legaliser moi meme|legaliser moi-meme|certifier moi meme|nsa7e7 b rasi l'imda2"),
    _cue(
        "harm",
        "forgery",
        "zid|ajoute|mets|7et|حط|زيد",
        "tampon|cachet|طابع|ختم|copie certifiee conforme|certifiee conforme",
        "sur le scan|3la scan|على السكان|sur la photocopie|3la lphotocopie|على الفوطوكوبي",
        gap=60,
    ),
    _cue(
        "harm",
        "forgery",
        "mat=|mat had|matet|decede|decedee|mort=|morte|متوفي|مات=|ماتت|المرحوم|lmr7oum|el mer7oum",
        "b smito|b smitou|b smitha|bismih|en son nom|a son nom|au nom de mon pere|au nom de ma mere|باسمو|"
        "باسمه|باسمها|بسميتو|bach tb9a|bach yb9a|pour continuer a toucher|pour garder sa pension|باش تبقى|باش يبقى",
        "certificat de vie|attestation de vie|chahadat l7ayat|شهاده الحياه|شهادة الحياة|pension|retraite|"
        "lmo3ach|المعاش|التقاعد|katji|toucher",
        gap=80,
    ),
    _cue("harm", "forgery", "faux nom|fausse identite|identite de quelqu'un|identite d'un autre|hawiya dyal chi wa7ed"),
    _cue(
        "harm",
        "forgery",
        "passeport|passport|paspor|cin=|cnie|lakart|lbta9a|carte d'identite|البطاقه|لاكارط|جواز|الباسبور|permis",
        "smiya okhra|smiya khra|autre nom|un autre nom|بسميه اخرى|باسم آخر|باسم اخر|بسمية أخرى|بإسم آخر",
        gap=40,
    ),
    _cue(
        "harm",
        "forgery",
        "antidat|date ancienne|date anterieure|ancienne date|b date 9dima|بتاريخ قديم|بتاريخ سابق|تاريخ قديم",
    ),
    _cue(
        "harm",
        "forgery",
        "certificat medical|chahada tibbiya|chahada tobiya|شهاده طبيه|شهادة طبية|arret de travail|"
        "certificat de maladie",
        "complaisance|sans etre malade|bla ma nkon mrid|bla mard|بلا ما نكون مريض|دون ان اكون مريض|"
        "nakhod conge|bach nakhod|باش ناخد",
        gap=60,
    ),
    _cue(
        "harm",
        "forgery",
        "dir role|dir le role|joue le role|kteb lia|ktebli|ecris moi|redige moi|اكتب لي|كتب ليا|دير",
        "acte de mariage|3a9d zwaj|عقد زواج|عقد الزواج|acte de naissance|عقد الازدياد|certificat|شهاده|"
        "attestation|diplome",
        "b smiti|a mon nom|باسمي|بسميتي|bla ma nmchiw|sans passer|bla mahkama|sans le tribunal",
        gap=80,
    ),
    # --- bribery -------------------------------------------------------------------------------
    _cue(
        "harm",
        "bribery",
        "pot de vin|pot-de-vin|bakchich|backchich|bakhchich|bakchiche|rachwa|rechwa|rashwa|رشو|الرشوه|"
        "graisser la patte|dessous de table|sous la table|تحت الطاوله|taht tabla|tadwira|tedwira|التدويره|"
        "تدويره|ndhen|dhen=|dhent|ندهن|دهنت|ندهنو|نديهن|n9dder l|un petit billet|glisser un billet",
    ),
    _cue(
        "harm",
        "bribery",
        "cadeau|hdiya|hdia|هديه|هدية|9hiwa|qahwa|9ahwa|9hwa|قهوه|قهيوه|chi 7aja|chi haja|شي حاجه|"
        "dir chi 7aja|baraka|بركه|un petit quelque chose|quelque chose|chi baraka|shi 7aja|lhlawa|الحلاوه",
        OFFICIAL,
        gap=80,
    ),
    _cue(
        "harm",
        "bribery",
        OFFICIAL,
        "cadeau|hdiya|هديه|9hiwa|qahwa|9ahwa|9hwa|قهوه|قهيوه|chi 7aja|شي حاجه|dir chi 7aja|baraka|بركه|"
        "un petit quelque chose|quelque chose|mablagh|مبلغا|مبلغ مالي|flous|lflous|فلوس|الفلوس|un billet",
        gap=80,
    ),
    _cue(
        "harm",
        "bribery",
        GIVE,
        OFFICIAL_TO,
        "bach|pour qu|pour que|pour accelerer|pour eviter|باش|لكي|كي =|حتى =|bla ma yban|bla ma y3i9|"
        "sans que (ca|ça) se voie|discretement|en douce|sans enquete|fnhar|f nhar|فنهار|en un jour",
        gap=60,
    ),
    _cue(
        "harm",
        "bribery",
        "tarif normal|tarif 'normal'|le prix pour que|combien pour que|ch7al bach|chhal bach|شحال باش|"
        "شحال خاصني نعطي|ch7al khassni n3ti|ch7al n3tih|chhal n3tih|combien je lui donne|combien lui donner",
        # (not "ykhrej", "يخرج": "شحال باش يخرج" is how long until it is issued)
        "signe|accelere|passe|sans enquete|sans attendre|ysareb|ysre3|ysaleb|ysenn|ynje7|ydir|"
        "يسربي|يسرع|ينجح|يدير|يسلك|يوقع|يصحح",
        gap=80,
    ),
    # --- a document or record for someone else, without mandate or knowledge --------------------
    _cue(
        "harm",
        "proxy",
        "sans procuration|sans mandat|sans son accord|sans leur accord|sans sa permission|sans son autorisation|"
        "sans qu'il sache|sans qu'elle sache|sans qu'ils sachent|sans qu'il le sache|sans qu'elle le sache|"
        "a son insu|a leur insu|sans le prevenir|sans la prevenir|sans les prevenir|sans lui dire|"
        "sans leur dire|sans qu'elle signe|sans qu'il signe|ni signe|sans qu'elle se deplace ni|"
        "bla procuration|bla wakala|bla tawkil|bla twkil|bla accord|bla ma y3ref|bla ma t3ref|bla ma y3rfo|"
        "bla ma y3erfo|bla ma y3arfo|bla ma t3rfo|bla ma n9olo|bla ma n9olha|bla ma n9ol lih|bla ma ngoul|"
        "bla ma n9ollo|bla ma ysigni|bla ma tsigni|bla idno|bla idnha|bla ma ydri|bla ma tdri|"
        "بلا ما يعرف|بلا ما تعرف|بلا ما يعرفو|بلا ما يعرفوا|بلا ما نقولها|بلا ما نقولو|بلا ما نقول ليه|"
        "بلا ما نقول ليها|بلا ما يدري|بلا ما تدري|بلا توكيل|بدون توكيل|دون توكيل|بلا وكاله|بدون وكاله|"
        "دون وكاله|دون علمه|دون علمها|دون علمهم|بدون علمه|بدون علمها|دون علم|دون موافقته|دون موافقتها|"
        "دون اذنه|دون اذنها|دون إذنه|بلا علمو|بلا علمها|بلا اذنو|بلا إذنو|من غير ما يعرف|من غير ما تعرف",
    ),
    _cue(
        "harm",
        "proxy",
        "bla ma|sans qu|sans que|بلا ما|دون ان|دون أن|من غير ما|sans avoir",
        "procuration|wakala|tawkil|twkil|توكيل|وكاله|mandat|son accord|موافقته|موافقتها|idno|اذنه|إذنه",
        gap=25,
    ),
    # --- other people's data, other users' conversations ---------------------------------------
    _cue("data", "other_people", ASK_FOR, PERSONAL_DATA, THIRD_PARTY, gap=60),
    _cue("data", "other_people", PERSONAL_DATA, THIRD_PARTY, ASK_FOR, gap=60),
    _cue("data", "other_people", ASK_FOR, PERSONAL_DATA, FIRST_NAMES, gap=50),
    _cue(
        "data",
        "other_people",
        "casier judiciaire|extrait de casier|sijil l3adli|السجل العدلي|fiche anthropometrique|score rsu|"
        "السكور|dossier medical|الملف الطبي|compte bancaire|الحساب البنكي|rsu",
        "de mon voisin|de ma voisine|dyal jari|ديال جاري|de mon ex|dyal mon ex|dyal l'ex|ديال طليقتي|"
        "ديال طليقي|de quelqu'un|dyal chi wa7ed|ديال شي واحد|d'un autre|ديالها بلا|dyalha bla",
        gap=60,
    ),
    _cue(
        "data",
        "other_people",
        "conversations|historique|l'historique|logs=|les logs|sijil lmo7adatat|سجل المحادثات|المحادثات|"
        "المحادثه|الرسائل|messages des|les questions posees|dernieres questions|questions posees|"
        "اخر الاسئله|الأسئلة التي طرحها|الاسئله التي طرحها|li kteb 9bli|li kan 9bli|اللي كان قبلي|"
        "l'utilisateur precedent|المستخدم السابق|les numeros de telephone|lista dyal|la liste dyal ga3|"
        "liste des utilisateurs|les donnees des|les donnees dyal|données des utilisateurs|bayanat",
        "utilisateurs|users|autres|les gens|des gens|المستخدمين|مستخدمين|الناس|today|aujourd'hui|lyoum|"
        "اليوم|plateforme|site|9bli|قبلي|precedent|السابق|ga3|tous|avec le nom|avec leurs|مع ارقام|مع أرقام|"
        "les numeros|tsjlo|tsajlo|inscrits|noms",
        gap=80,
    ),
    _cue(
        "data",
        "other_people",
        "wach|est ce que|هل|واش|verifie si|chouf liya wach|tchouf liya wach",
        r"re:[a-z]{1,2}\d{4,7}(?![\w])",
        "3ando|3andou|3ndo|a un|a une|possede|عندو|عنده|يملك|mssjel|inscrit|مسجل",
        gap=40,
    ),
    # --- evading a legal obligation ------------------------------------------------------------
    _cue(
        "harm",
        "evasion",
        "echapper|contourner|esquiver|ne pas faire|ne pas payer|ne pas aller|nhreb|nhrab|nhrob|nthreb|nfelt|"
        "nfellet|ntfada|ntfadda|نهرب|نتهرب|اتهرب|أتهرب|التهرب|تهرب|نفلت|نتفادى|نتفادي|اتفادى|أتفادى|اتجنب|"
        "أتجنب|نتجنب|ma ndirch|ma nmchich|ما نمشيش|ما بغيتش نمشي|ma bghitch nmchi|eviter le|eviter les|"
        "eviter la|eviter de payer|eviter d'aller|contourner la",
        "service militaire|lkhidma l3askariya|l'khedma l3askariya|الخدمه العسكريه|الخدمة العسكرية|"
        "التجنيد|tajnid|impot|impots|l'impot|dariba|الضريبه|الضرائب|الضريبة|taxe|douane|diwana|الديوانه|"
        "الجمارك|cnss|الضمان الاجتماعي|controle|controles|الرقابه|المراقبه|l'inspecteur|inspection|"
        "pension alimentaire|النفقه|redressement|vignette|la convocation|الاستدعاء",
        gap=25,
        ordered=True,
    ),
    _cue(
        "harm",
        "evasion",
        "ma ndeclarich|bla ma ndeclari|bla ma ndeclarih|bla ma nsserre7|bla ma nsre7|ma nsre7ch|"
        "ne pas declarer|ne pas les declarer|ne pas le declarer|pas declarer|sans les declarer|"
        "sans le declarer|sans la declarer|sans rien declarer|بلا ما نصرح|دون التصريح|دون تصريح|بدون تصريح|"
        "ما نصرحش|كيفاش ما نصرحش",
    ),
    _cue(
        "harm",
        "evasion",
        "au noir|bla declaration|sans declaration|bla tasri7|بلا تصريح|bla cnss|bla dman|بلا ضمان|بلا cnss|"
        "بدون ضمان|ma nkhlsch|ma nkhellesch|ma nkhelssch|bla ma nkhlles|بلا ما نخلص|ما نخلصش|"
        "sans payer la douane|bla ma nkhlles la douane|بلا ما نخلص الديوانه",
        "astuce|tri9a|tari9a|طريقه|sans risque|bla risque|ma yched|ma ytched|ma ychedouni|ma y3i9|"
        "ما يشدونيش|ما يتشدش|يشدوني|ne pas declarer|cacher|اخفي|نخبي|نخفي|ktar mn 6|plus de 6 mois|"
        "اكثر من 6|sans que",
        gap=80,
    ),
    _cue(
        "harm",
        "evasion",
        "cacher|dissimuler|planquer|nkhbi|nkhabi|nkhebbi|nkhfi|نخبي|نخفي|اخفي|أخفي|نخبع|اخبي",
        "revenus|revenu|loyers|lflous|flous|flousi|argent|مداخيل|المداخيل|الفلوس|فلوسي|الدخل|sal|salaire",
        "impot|impots|dariba|الضرائب|الضريبه|fisc|l'etat|الدوله|mahkama|lmahkama|المحكمه|المديريه|dgi",
        gap=80,
    ),
    _cue(
        "harm",
        "evasion",
        "sans permis|bla permis|bla lpermis|بلا بيرمي|بلا رخصه|sans assurance|bla assurance|بلا تأمين",
        "eviter|echapper|ma ychedounich|ma yched|bach ma|باش ما|ما يشدونيش|controle|barrage|الباراج|"
        "gendarme|bolis|البوليس|tri9a|طريقه",
        gap=80,
    ),
    _cue(
        "harm",
        "evasion",
        "bla ma ytchedch|ma ytchedch|ma ychedounich|ma ychedoni|bach ma yched|bach ma ychedni|ما يشدونيش|"
        "ما يشدوني|باش ما يشدوني|sans me faire (prendre|attraper|controler)|sans se faire (prendre|attraper)|"
        "sans etre controle|sans risque de controle|ni vu ni connu|دون ان يلاحقني|دون أن يلاحقني|"
        "بلا ما يحكمو|sans que (les impots|la cnss|l'inspecteur|la police|le fisc|la douane)",
    ),
    # --- claiming authority to get access ------------------------------------------------------
    _cue(
        "internals",
        "impersonation",
        "je suis|j'suis|ana=|ana l|ana lmodir|أنا|انا|هذا امر من|هذا أمر من|ordre du|de la part du|admin request|"
        "admin override|code admin|requete admin|ici l'administrateur|ici le ministere|matricule",
        "admin|administrateur|developpeur|developer|moderateur|superviseur|root|modir|moudir|mas2oul|"
        "responsable|fonctionnaire|dgsn|ministere|wizara|وزاره|الوزاره|المسؤول|المدير|الادمين|لادمين|المطور|"
        "المشرف|القايد|القائد|الموظف|مسؤول|مدير",
        "acces a|acces au|acces aux|access|privileges|permissions|صلاحيات|الصلاحيات|الوضع ديال|المود|"
        "donnees des|donnees dyal|les donnees|la base|logs|exporte|export|supprim|debug|les numeros|"
        "conversations|l'historique|الطلبات ديال الناس|طلبات الناس|المحادثات",
        gap=80,
    ),
    _cue(
        "internals",
        "impersonation",
        "mode admin|admin mode|mode administrateur|mode maintenance|mode debug|"
        "activer le debug|mode dieu|god mode|وضع المسؤول|وضع المدير|الوضع ديال المدير|المود ديال لادمين|"
        "صلاحيات المشرف|صلاحيات المسؤول|صلاحيات الادمين|privileges admin|droits admin|droits d'administrateur",
    ),
    # --- the system's instructions, configuration and secrets -----------------------------------
    _cue(
        "internals",
        "system_prompt",
        "system prompt|prompt systeme|prompt system|الموجه الاولي|الموجه الأولي|instructions exactes|"
        "التعليمات التي زودك|التعليمات اللي عطاوك|التعليمات لي عطاوك|الاوامر لي عطاوك|الأوامر لي عطاوك|"
        "الأوامر اللي عطاوك|الاوامر اللي عطاوك|li 3tak les instructions|3tak les instructions|"
        "les instructions que tu as|the instructions you|code source|source code|chno smiyt lmodel|"
        "lmodel li nta|model li nta|quel modele tu es|quel modele es tu|top_p|sujets interdits|"
        "liste de sujets|la partie li fiha|les regles internes|configuration interne|ta config|votre config",
    ),
    _cue(
        "internals",
        "system_prompt",
        "affiche|montre|revele|donne|copie colle|copy paste|copie-colle|imprime|print|repete|kteb|3tini|"
        "werrini|chno homa|c quoi|c'est quoi|quelles sont|اطبع|اكتب|اعرض|اكشف|وريني|عطيني|كتب|ما هي|شنو هوما|"
        "شنو هي",
        "ton prompt|votre prompt|le prompt|prompt dyal|prompt dyalk|البرومبت|البرومت|tes instructions|"
        "vos instructions|your instructions|instructions dyalk|instructions dyalek|les instructions dyal|"
        "tes consignes|vos consignes|tes regles|التعليمات ديالك|تعليماتك|الاوامر ديالك|القواعد ديالك|"
        "ta3limat dyalk|"
        # not the instructions of a form or a procedure ("les instructions pour remplir", "التعليمات ديال التسجيل")
        "re:(?:les instructions|التعليمات|الاوامر)(?! (?:pour|de|du|des|d'|ديال|د|ل|الخاصه|المتعلقه|لملء|لتعبئه))",
        gap=40,
    ),
    _cue(
        "internals",
        "secrets",
        "api key|api-key|cle api|cles d'acces|cle d'acces|mot de passe|password|passwd|الكلمه السريه|"
        "كلمه السر|كلمة السر|base de donnees|قاعده البيانات|database|token",
        "dyal la base|de la base|de donnees|du site|dyal site|had site|had lsite|du systeme|ديال البرنامج|"
        "ديال السيت|de l'application|du serveur|admin|li khdam biha|لي خدام بيه|اللي خدام بيه|للنظام|"
        "dyal dalil|de dalil|ديال دليل|ديالك|dyalk|tiens|tes=|ton=|البرنامج|biha had",
        gap=60,
    ),
    # --- role play that issues or confirms what only an official can -----------------------------
    _cue(
        "harm",
        "impersonation",
        ROLE,
        OFFICIAL + "|ministre|وزير|الوزير|adoul|عدل|procureur|officier|notaire|maire|pacha|باشا|ضابط|رئيس|الوكيل",
        ISSUE,
        gap=100,
    ),
    _cue("harm", "impersonation", "dan=|do anything now|sans filtre|bla filtre|sans aucune limite|bla 7dod", ROLE),
    # --- attempts to steer the answer: not obeyed; refused unless a real question comes with them ----
    _cue(
        "override",
        "override",
        "ignore|oublie|oubliez|forget|disregard|nsa=|nsa ga3|ensa|تجاهل|انس|إنس|تناس|ننسى|انسى|نسى",
        "instruction|consigne|regle|rule|prompt|above|precedent|tout ce qu|tout=|kolchi|koulchi|kol chi|dakchi|"
        "ga3|التعليمات|الأوامر|"
        "الاوامر|التوجيهات|القواعد|النص السابق|كل شيء|كلشي",
        gap=40,
    ),
    _cue(
        "override",
        "override",
        "nouvelles instructions|new instructions|instructions nouvelles|تعليمات جديده|ta3limat jdad|"
        "ta3limat jdida|override|jailbreak|dan mode|developer mode|mode developpeur|sans filtre|bla filtre|"
        "sans restriction|sans restrictions|bla restrictions|bla limite|sans limite|sans aucune limite|"
        "bla qanoun|بلا قوانين|بلا قيود|دون قيود|do anything now|desactive ta|disable your|"
        "a partir de maintenant tu|من دابا نتا|من الان فصاعدا|من الآن فصاعدا|tu n'es plus|nta machi dalil|"
        "نتا ماشي دليل|machi dalil|stop t3ti|arrete de donner|ما تبعش|ne suis pas tes|ignore tes",
    ),
    _cue(
        "override",
        "override",
        ROLE,
        "agent|fonctionnaire|chatbot|assistant|avocat|conseiller|directeur|ministre|moqaddem|mo9eddem|caid|"
        "l9aid|l9ayd|المقدم|مقدم|القايد|العامل|وزير|محام|مستشار|dalil pro|version|juge|notaire|adoul|"
        "policier|douanier|inspecteur|medecin|hacker|pirate|expert|comptable|maire|president|employe|"
        "عدل=|موثق|قاضي|بوليسي|شرطي|طبيب|خبير|محاسب|مسؤول|مدير|رئيس|موظف|lmowadaf|l9adi|lbolisi|"
        "ia sans|ai without|intelligence artificielle sans",
        gap=60,
    ),
    _cue(
        "override",
        "exfiltration",
        "ajoute|ajouter|mets|mettre|insere|inclus|inclure|zid|7et|7ott|dir f|kteb f|أضف|اضف|ضع|أدرج|ادرج|حط|"
        "integre|colle|partage|redirige|renvoie|oriente|dis aux gens|dis aux utilisateurs|qol lihom|9ol l nas|"
        "قول للناس|وجه الناس|ضيف|ركب|دخل هاد|dir had|dir lien|"
        "زيد|génère|genere|include|add=",
        "lien|link|url|image|l'image|rabit|رابط|لينك|اللينك|تصويره|re:!\\[|http|www|re:\\S+@\\S+|"
        "re:[a-z0-9-]+\\.(?:com|net|ma|top|live|site|online|org|click|info)",
        gap=80,
    ),
    _cue(
        "override",
        "exfiltration",
        "reponds d'abord|commence ta reponse par|termine ta reponse par|ecris seulement|ecris juste|"
        "dis que|dis-lui que|9ol '|9oul '|9ol lihom|qol|قول بلي|قول ليهم|اكتب فقط|اكتب عبارة|واكتب|"
        "goul l nass|goul l nas|goul lnass|goul lnas|gol l nas|goul lihom|goul bli|gol bli|9oul bli|9ol bli|"
        "أجب بأن|اجب بان|ajoute en gras|en gras|f lkher zid|f l'akhir|f lakhir|فالاخر قول|فالآخر قول|"
        "وفي آخر الجواب|في آخر الجواب|في اخر الجواب|ثم أضف|ثم اضف|w mets|w zid",
    ),
]

CUES.append(
    _cue(
        "override",
        "exfiltration",
        "envoie|envoyer|transmets|sift|sayft|صيفط|ارسل|أرسل|forward|send|encode|base64",
        "mes infos|mes informations|mes donnees|la conversation|المعلومات ديالي|معلوماتي|بياناتي|lma3lomat dyali|"
        "les infos dyali|my data|base64|المحادثه",
        gap=60,
    )
)

# A clause that asks something of a procedure: how, what, where, how much, or says what is wanted.
LAWFUL_QUESTION = Cue(
    "lawful",
    "question",
    (
        "comment|quels|quelles|quel=|ou =|ou est|combien|faut il|que faut il|ce qu'il faut|dis moi|est ce que je peux|"
        "je veux|je voudrais|kifach|kifash|chno|achno|fin=|fine|ch7al|chhal|wach khass|khassni|bghit|كيف|كيفاش|"
        "ما هي|ما هو|ماهي|اين|أين|فين|شنو|اشنو|شحال|كم|واش خاص|خاصني|بغيت|اريد|أريد|ما الوثائق|من اين|منين|how|where|"
        "what documents",
    ),
)
# Stricter, beside harmful intent: how a procedure is done or what it needs ("and how much?" is not).
HOW_QUESTION = Cue(
    "lawful",
    "how",
    (
        "comment|quels documents|quels papiers|quelles pieces|ou deposer|ou faire|ou demander|kifach|kifash|"
        "chno lwra9|chno khass|fin n|كيف|كيفاش|ما هي الوثائق|ما هي خطوات|ما هي مسطره|شنو الوراق|شنو خاص|فين ن|اين|أين",
    ),
)

# --- more ways of saying the same requests (the words, not any one sentence) -------------------------
# Other people: anyone but the asker and Dalil ("les autres citoyens", "nas lokhrin", "الناس الآخرين").
OTHERS = (
    "les autres citoyens|les autres personnes|les autres utilisateurs|les autres usagers|les autres gens|"
    "les autres demandeurs|autres citoyens|autres personnes|autres utilisateurs|autres usagers|autres demandeurs|"
    "d'autres citoyens|autrui|nas lokhrin|nas khrin|nas lakhrin|lnas lokhrin|الناس الاخرين|الناس الآخرين|"
    "الاخرين|ناس اخرين"
)
# What is theirs: what they asked, their files, their numbers ("ach swlo", "بيانات", "les CIN").
THEIR_DATA = (
    "questions|t'ont demande|t'a demande|ont demande|ont pose|t'ont pose|swlo|swlouk|swlok|sewlo|سولو|سولوك|"
    "سالو|سالوك|سالوا|طرحو|طرحوا|طلبو|طلبوا|tlbo|donnees|infos|informations|المعلومات|معلومات|بيانات|"
    "البيانات|معطيات|numeros|les cin|ارقام|عناوين|adresses|historique|echanges|conversations|messages|"
    "المحادثات|الرسائل|demandes|الطلبات|dossiers|الملفات"
)

CUES += [
    # forging: imitating a signature or a stamp, a fake that passes for real, false statements
    _cue(
        "harm",
        "forgery",
        "imiter|imite|contrefaire|nqelled|n9elled|nqeled|n9eled|qelled|نقلد|اقلد|نقلدو|يقلد",
        "signature|tampon|cachet|sceau|l'imda|imda2|lkhtem|ltabe3|التوقيع|توقيع|امضاء|الامضاء|الطابع|طابع|"
        "الختم|ختم|" + DOCUMENT,
        gap=40,
    ),
    _cue(
        "harm",
        "forgery",
        "mzayef|mzayfa|mzayfin|zayef|nzayef|nzayyef|مزيف|مزيفه|مزيفين|نزيف|ازيف|تزييف|يزيف|fausse declaration|"
        "fausses declarations|faux temoignage|faux certificat|fausse attestation|fausse carte|faux diplome|"
        "تصريح كاذب|تصريحات كاذبه|شهاده الزور|شهاده زور|وثيقه مزوره|وثائق مزوره",
    ),
    _cue(
        "harm",
        "forgery",
        "fabriquer|imprimer|faire|creer|nsawb|nsayeb|ndir|ntbe3|ntba3|نصاوب|ندير|نطبع|نصنع|اصنع|اطبع|صنع",
        "machi s7i7a|machi s7i7|machi sahiha|machi dyali|ماشي صحيحه|ماشي صحيح|ماشي ديالي|ماشي حقيقيه|"
        "tban s7i7a|tban sahiha|تبان صحيحه|يبان صحيح|تبان رسميه|qui a l'air (officiel|officielle|vrai|vraie|"
        "authentique)|qui semble (officiel|officielle|vrai|vraie)|ressemble a (un vrai|une vraie)|"
        "comme (un|une) (officiel|officielle)",
        gap=80,
    ),
    # bribery: buying what is earned or examined, corrupting an official
    _cue(
        "harm",
        "bribery",
        "corrompre|corromps|soudoyer|soudoie|acheter le silence|nrachi|nrchi|nrechi|ارشي=|نرشي=|يرشي=|نرشيه|"
        "نرشيها|ارتشاء|"
        "acheter le permis|acheter un permis|acheter son permis|acheter mon permis|acheter un diplome|"
        "acheter le diplome|acheter le bac|nchri lpermis|nchri permis|nchri chahada|nchri diplome|"
        "نشري البيرمي|نشري الپيرمي|نشري الرخصه|نشري رخصه|نشري الشهاده|نشري شهاده|اشتري شهاده|اشتري رخصه|"
        "شراء شهاده|شراء رخصه|شراء الشهاده",
    ),
    _cue(
        "harm",
        "bribery",
        "sans passer l'examen|sans passer (le|un) (test|examen)|sans examen|sans l'examen|bla examen|bla lexamen|"
        "bla mtihan|bla ma ndouz|bla ma nmtahen|بلا امتحان|بدون امتحان|دون امتحان|بلا ما ندوز|بلا ما نجوز",
        "payant|payer|en payant|acheter|nchri|nkhelles|nkhlles|flous|lflous|b lflous|argent|نشري|نخلص|بالفلوس|"
        "فلوس|الفلوس|ندفع|نعطي|combien|ch7al|chhal|شحال",
        gap=60,
    ),
    # evading a legal obligation: defrauding the tax office, under-declaring, undeclared work
    _cue(
        "harm",
        "evasion",
        "frauder|nfraudi|fraudi|nfroudi|tricher|triche sur|gruger|fuir|فر من|تحايل|نتحايل|اتحايل|التحايل|"
        "نغش|اغش|غش|نقولب|nqelleb 3la|"
        "n9elleb 3la|nqoulbe|nkwi|ndribli",
        "impot|fisc|taxe|dariba|الضريبه|الضرائب|الضريبي|ضريبه|ضرايب|vignette|cnss|douane|diwana|"
        "الديوانه|الجمارك|الضمان|la declaration|ma declaration|التصريح",
        gap=40,
    ),
    _cue(
        "harm",
        "evasion",
        "declarer moins|sous-declar|sous declar|minorer mes|minorer le|minimiser mes revenus|cacher une partie|"
        "ndeclari 9el|ndeclari qel|ndeclari ghir|nsre7 b 9el|nsre7 ghir b|نصرح باقل|اصرح باقل|التصريح باقل|"
        "نصرح غير ب|نقص من المداخيل|نخفض المداخيل",
    ),
    # customs are not here: a returning resident's belongings enter lawfully without paying them
    _cue(
        "harm",
        "evasion",
        "ma nkhellesch|mankhellesch|ma nkhlsch|mankhlsch|ma nkhelsch|ما نخلصش|مانخلصش|bla ma nkhelles|"
        "bla ma nsjel|bla ma nsajel|bla ma nsejjel|sans declarer|sans inscrire|sans les inscrire|sans m'inscrire|"
        "بلا ما نسجل|دون تسجيل|بلا تسجيل|sans les affilier|sans affilier",
        "impot|taxe|dariba|الضريبه|ضريبه|الضرائب|vignette|cnss|الضمان|dman|damane|les employes|"
        "mes employes|lkhdama|الخدامه|salaries",
        gap=40,
    ),
    # other people's data: what others asked, their files, their numbers
    _cue("data", "other_people", OTHERS, THEIR_DATA, gap=40),
    _cue(
        "data",
        "other_people",
        ASK_FOR + "|je veux|bghit|بغيت|اريد",
        "donnees des citoyens|donnees personnelles des|donnees des usagers|les numeros des gens|infos des gens|"
        "infos dyal nas|les numeros dyal nas|lista dyal nas|لائحه الناس|بيانات المواطنين|معطيات المواطنين|"
        "معلومات المواطنين|ارقام الناس|معلومات الناس|المعلومات ديال الناس|البيانات ديال الناس|nas li swlo|"
        "nas li swlouk|الناس اللي سولوك|الناس لي سولوك|الناس اللي سولو|les gens qui t'ont|les personnes qui t'ont",
        gap=40,
    ),
    _cue(
        "data",
        "other_people",
        "t'a pose|t'ont pose|t'a demande|t'ont demande|t'a dit|t'ont dit|t'a ecrit|t'ont ecrit|swlek|swlatek|"
        "swlouk|swlok|sewlek|سولك|سولاتك|سولوك|سالوك|سالك على|سالتك|طرحو عليك|طرحوا عليك|ktbo lik|ktbat lik|"
        "كتبو ليك|كتبات ليك|asked you|told you",
        "qui|chkoun|chkon|chkun|شكون|من =|quoi|quelle|quelles|ce que|chno|achno|ach=|شنو|اش=|واش|what|who|"
        "mon mari|ma femme|mrati|rajli|مراتي|راجلي|khoya|khti|خويا|ختي|quelqu'un|chi wa7ed|شي واحد|personne",
        gap=40,
    ),
    _cue(
        "data",
        "other_people",
        "que tu as vu|que tu as recu|que tu as traite|li chefti|li chfti|اللي شفتي|لي شفتي|li jawk|اللي جاوك|"
        "avant moi|9bel mni|9bel menni|qbel mni|قبل مني|قبلي",
        "question|pose|swl|سول|سال|طلب|demand|cin=|cnie|numero|adresse|donnees|infos|رقم|ارقام|بيانات|معلومات",
        gap=40,
    ),
    _cue(
        "data",
        "other_people",
        "ما هو|ما هي|quel est|quelle est|chno hia|chno howa|شنو هو|شنو هي|c'est quoi",
        PERSONAL_DATA,
        "للسيد|للسيده|السيد|السيده|de monsieur|de madame|de mme|dyal si|ديال السي|mon voisin|ma voisine|"
        "jari|jarti|جاري|جارتي|de mon ex|dyal mon ex|طليقي|طليقتي",
        gap=50,
    ),
    _cue(
        "data",
        "other_people",
        "consulter|voir|acceder|ouvrir|nchouf|nchof|نشوف|نطلع على|اطلع على|الاطلاع على|ندخل ل",
        "le dossier de|le dossier d'|les dossiers de|le compte de|lmelf dyal|ملف|الملف ديال|compte dyal",
        "quelqu'un|d'autre|autrui|ma femme|mon mari|voisin|voisine|chi wa7ed|شخص|غيري|الاخرين|mrati|rajli|"
        "مراتي|راجلي|jari|جاري",
        gap=40,
    ),
    # the system's instructions, however they are named
    _cue(
        "internals",
        "system_prompt",
        "message systeme|message system|prompt initial|initial prompt|hidden instructions|instructions cachees|"
        "consignes cachees|texte au-dessus de|au-dessus de cette conversation|au dessus de cette conversation|"
        "texte au dessus de|texte qui precede|mbrmej bihom|mbrmej biha|"
        "mbarmej|li brmjouk|li brmjok|برمجتك|اللي برمجوك|لي برمجوك|t'a programme|on t'a programme|"
        "tu es programme|es-tu programme",
    ),
    _cue(
        "internals",
        "system_prompt",
        "affiche|montre|revele|reveal|show|donne|repete|recopie|imprime|print|kteb|3tini|werrini|wrini|chno homa|"
        "c'est quoi|quelles sont|quels sont|اطبع|اكتب|اعرض|اكشف|وريني|عطيني|كتب|ما هي|شنو هوما|شنو هي",
        "tes consignes|tes regles|vos regles|tes directives|تعليماتك|قواعدك|lprompt|prompt dyal|prompt dyalek|"
        "البرومبت|البرومت|البرومپت|les consignes li|les regles li",
        gap=40,
    ),
    _cue(
        "internals",
        "system_prompt",
        "ce qu'on t'a dit|ce qu'on t'a donne|ce qu'on t'a ecrit|li 3tawk|li 3tawek|ktbouha lik|ktbo lik|"
        "اللي عطاوك|لي عطاوك|كتبوها ليك|كتبو ليك|qalo lik|gal lik|اللي قالو ليك",
        "avant|au debut|f lbdya|f lbdaya|في البدايه|فالبدايه|9bel|قبل|ga3|kolchi|كلشي|tout|regles|consignes|"
        "instructions|التعليمات|القواعد",
        gap=40,
    ),
    _cue(
        "internals",
        "system_prompt",
        "القواعد|التعليمات|الاوامر|les regles|les consignes|les instructions|qawa3id|ta3limat",
        "اللي خدام بيها|لي خدام بيها|khdam biha|khdam bihom|li katkhdem|اللي كتخدم|لي كتخدم|tu suis|tu obeis|"
        "tu utilises|tu fonctionnes|qui te guident|qui te gouvernent|التي تتبعها|التي تعمل بها",
        gap=30,
    ),
    # claiming a role to reach what is not ours to give
    _cue(
        "internals",
        "impersonation",
        "je suis|en tant que|ana=|أنا|بصفتي|je travaille|kankhdem|كنخدم|اعمل في|je bosse",
        "admin|developpeur|developer|moderateur|superviseur|mowadaf|lmowadaf|fonctionnaire|employe|agent|"
        "ministere|wizara|الوزاره|الموظف|موظف|المسؤول|مسؤول|المدير|المطور|الادمين|لادمين|dalil",
        "les dossiers|tous les dossiers|ga3 les dossiers|l'acces|lacces|les logs|des logs|logs=|liste des utilisateurs|"
        "liste des demandeurs|liste des citoyens|donnees des|lista dyal nas|لائحه الناس|لائحه المواطنين|"
        "جميع المحادثات|المحادثات|بيانات|المعطيات|الطلبات ديال الناس|طلبات الناس|اللي طلبو|لي طلبو|li tlbo|"
        "qui ont demande|ga3 lmlafat|الملفات",
        gap=80,
    ),
]
