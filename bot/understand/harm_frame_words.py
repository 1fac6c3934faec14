"""The words of the frames of bot/understand/harm_frames.py, in French, MSA, Darija and Arabizi, each
written once and conjugated by bot/understand/harm_forms.py. Written from general knowledge of how
citizens phrase these requests, never from an evaluation set. Groups follow
bot/understand/word_groups.py (``|`` alternatives, ``(x|y)`` expanded, ``=`` ends a word, ``re:`` a
pattern of its own)."""

from __future__ import annotations

from bot.understand.harm_forms import al, ar_verb, dz_verb, fr_dz
from bot.understand.harm_words import (
    AMOUNT,
    EXEMPTION,
    FAKE,
    FASTER,
    FORGE,
    HAND_OVER,
    OBLIGATION,
    REPORT,
    SKIP_STEPS,
    STATUS_DOC,
    UNBUYABLE,
)
from bot.understand.safety_cues import OFFICIAL
from bot.understand.structure import HOW_ASKED, RELATIVE

# The shared lists are asked for by name in the rules.
__all__ = [
    "AMOUNT",
    "EXEMPTION",
    "FAKE",
    "FASTER",
    "FORGE",
    "HAND_OVER",
    "HOW_ASKED",
    "OBLIGATION",
    "OFFICIAL",
    "RELATIVE",
    "REPORT",
    "SKIP_STEPS",
    "STATUS_DOC",
    "UNBUYABLE",
]

# --- role play ----------------------------------------------------------------------------------
# A frame that makes "you" (Dalil) someone else.
ROLE_FRAME = (
    "imagine que tu|imagine toi|imagine-toi|imaginons que tu|fais comme si tu|fais semblant|suppose que tu|"
    "supposons que tu|disons que tu|tu es maintenant|tu es desormais|tu seras|tu joues|joue le role|joue le "
    "role|incarne|mets toi dans la peau|mets-toi dans la peau|prends le role|agis comme|agis en tant|"
    "comporte toi comme|comporte-toi comme|reponds comme si tu|reponds en tant que|deviens|sois le|sois la|"
    "sois un|sois une|a partir de maintenant tu|pretend|act as|you are now|play the role|roleplay|role play|"
    "jeu de role|تظاهر|تظاهري|اعمل روحك|اعمل نفسك|"
    "mets toi a la place|mets-toi a la place|mettez vous a la place|a la place du|prends la place|"
    "كون فبلاصه|دير راسك فبلاصه|كون مكان|ضع نفسك مكان|"
    "دير راسك|ضير راسك|دير روحك|دير بحال|اعتبر راسك|اعتبر روحك|اعتبر نفسك|تخيل راسك|تخيل روحك|تخيل انك|"
    "تخيل بلي|تخيل نتا|تخيل انت|تخايل|نفترض انك|لنفترض انك|افترض انك|فلنفترض انك|لنفترض ان|تقمص|العب دور|"
    "لعب دور|دير الدور|كون نتا|كون انت|كن =|انت الان|نتا دابا|ولي نتا|رد بحال|جاوب بحال|تصرف ك|تصرف مثل|"
    "كانك|كأنك|بحال الى نتا|بحال يلا نتا|بحال اللي نتا|"
    "dir rask|dir rasek|dir rassek|dir ras l|dir b7al|dir bhal|3tabar rask|3tabar rasek|3tabar rassek|"
    "tkhayel|tkhayyel|t5ayel|t5ayyel|tkhayl|t5ayl|kon nta|koun nta|nta daba|wlli nta|welli nta|b7al ila nta|"
    "b7al la kan|jawb b7al|l3eb dor|l3b dor|dir dor|dir role|dir le role|nl3bo|nl3bou|"
    + dz_verb("dir rassek", "dir rasek", "tkhayyel", "t5ayyel", "3tabar rassek")
    + "|scenario hypothetique|hypothetiquement|dans une fiction|pour une fiction|fiction=|story=|9issa|9ssa|"
    "ghir f l5ayal|ghir f lkhayal|f lkhayal|f l5ayal|افتراضيا|قصه خياليه|سيناريو|في الخيال|غير فالخيال"
)
# "You are" right before the role: "nta fonctionnaire", "نتا المقدم", "tu es le caïd".
YOU_ARE = "nta=|nti=|enta|inta|نتا|انت|انتي|tu es|vous etes|you are|ra nta|rak nta|راك نتا"
# Who "you" become: an official (with the glued article of Arabizi) or a role that decides.
ROLE_NOUN = (
    OFFICIAL
    + "|"
    + al("moqaddem", "mo9eddem", "mqeddem", "9ayd", "9aid", "qayd", "caid", "bolisi", "boulisi", "mowadaf")
    + "|"
    + al("khalifa", "chikh", "9adi", "qadi", "adoul", "3adel", "jadarmi", "modir", "moudir", "mas2oul")
    + "|"
    + al("wali", "3amel", "ra2is", "pacha", "bacha", "agent", "fonctionnaire", "procureur", "notaire", "maire")
    + "|ministre|procureur|notaire|maire|pacha|officier|directeur|responsable|president|agent de|"
    "قاض=|قاضي|وزير|الوزير|عدل=|الموثق|موثق|رئيس|الرئيس|باشا|الباشا|ضابط|وكيل الملك|النائب|عامل=|العامل=|"
    # someone who works there: "wa7d sa7bi f lbaladiya", "صاحبي ف المقاطعة"
    "re:(?:sa7bi|sahbi|wa7d|wa7ed|chi wa7ed|chi wa7d|صاحبي|واحد|شي واحد) (?:f|fi|ف|في) ?(?:l|la|le|ال)?"
    "(?:baladiya|commune|mo9ata3a|9iyada|caidat|prefecture|idara|administration|بلديه|جماعه|مقاطعه|قياده|اداره)"
)
# What only the administration does: sign, approve, grant, issue, confirm.
# What a role must not do: skip the check or the documents ("bla ma tchouf ddar", "sans papiers").
SKIP_CHECK = (
    "bla ma ydir l' enquete|bla ma ydir lbahth|sans enquete|bla enquete|pour qu' il oublie|bach ynsa|باش ينسى|"
    "يتغاضى|يغض الطرف|ferme les yeux|ghmmed 3inih|re:(?:دون|بدون|بلا) (?:شهاده|وثيقه|عقد|تصميم|وثائق|ملف)|"
    "re:(?:sans|bla) (?:certificat|acte|plan|tasmim|chahada|document|justificatif|lwra9|wra9)|"
    "bla ma tji|bla ma nji|sans venir|sans me deplacer|sans se deplacer|بلا ما تجي|بلا ما نجي|bla ma yji ychouf|"
    "bla ma tchouf|bla ma tchof|bla ma tji tchouf|bla ma ychouf|bla ma yji|bla wra9|bla lwra9|bla dossier|"
    "sans papiers|sans documents|sans pieces|sans dossier|sans verifier|sans enquete|sans venir voir|"
    "laisser passer|laisse passer|ferme les yeux|fermer les yeux|ghmmed 3inik|ghmed 3inek|"
    "بلا ما تشوف|بلا ما يشوف|بلا ما يجي|بلا وراق|بلا الوراق|بدون وثائق|دون وثائق|بلا ملف|بدون بحث|بلا بحث|"
    "دون بحث|دون تحقق|غمض عينيك|تغمض عينيك|تخليها تدوز|خليها تدوز|khliha tdouz|khalliha tdouz"
)
# Said to "you", for "me": "confirme-moi", "valide mon dossier", "signi lia" (not "l'agent qui délivre").
ISSUE_VERB = (
    "(valide|approuve|signe|tamponne|accorde|delivre|octroie) (moi|-moi|mon|ma|mes)|"
    "(valide|approuve|signe|tamponne|accorde|delivre|octroie)-moi|approve my|sign my|grant me|"
    "(confirme|certifie|atteste|declare) (moi |-moi )?que|confirme-moi que|(accepte|valide) (ma|mon) (demande|dossier)|"
    "(signi|confirmi|validi|approuvi|tamponi|accepti|sign) (lia|liya|li)|"
    "احكم لي|احكم ليا|حكم ليا|7kem lia|7kem liya|prononce mon|prononce le|طلقني|زوجني|"
    "bdel lia|bddl lia|beddel lia|badel lia|ghayer lia|zid lia|ms7 lia|mse7 lia|بدل ليا|غير ليا|زيد ليا|مسح ليا|"
    "modifie moi|modifie-moi|change moi|change-moi|efface moi|efface-moi|"
    "sini|sinilia|sini lia|wa9e3 lia|wa9a3 lia|sadde9 lia|dir lia tampon|7et lia tampon|7ett lia tampon|"
    "وافق على|وافق لي|وافق ليا|صادق على|صادق ليا|وقع ليا|وقع لي|سني ليا|ختم ليا|امنحني|سلمني|اقبل طلبي|قبل ليا"
)
GIVE_ME = (
    "3tini|a3tini|3tina|عطيني|اعطني|اعطيني|امنحني|سلمني|donne moi|donne-moi|donnez moi|delivre moi|"
    "delivre-moi|file moi|remets moi|remets-moi|envoie moi|envoie-moi|fais moi|fais-moi|dir lia|dir liya|دير ليا"
)
GIVEN = (
    UNBUYABLE + "|autorisation|accord|approbation|rokhsa|rokhssa|lmowafa9a|mowafa9a|l' accord|l' autorisation|الموافقه|"
    "موافقه|الاذن|اذن|الترخيص|ترخيص|تصريح|sokna|chahadat|tasri7|validation|tampon|cachet|الختم|الطابع|"
    "signature|التوقيع|الامضاء"
)

# --- documents made or changed to deceive -------------------------------------------------------
NOT_GENUINE = (
    "trafiqu|truque|truquee|bidonn|(a|ont|avoir) l' air (vrai|vrais|vraie|vraies|authentique|authentiques|"
    "officiel|officielle|officiels|officielles|original|originale)|semble (vrai|vraie|authentique|officiel|"
    "officielle)|semblent (vrais|vraies|authentiques|officiels)|ressemble a (un|une) vrai|ressemblent a des vrai|"
    "غير حقيقي|غير حقيقيه|ماشي حقيقي|ماشي حقيقيه|ليست حقيقيه|ليس حقيقيا|غير اصلي|غير اصليه|ماشي اصلي|"
    "machi 7a9i9i|machi 7a9i9ia|machi 7a9i9iya|machi hakiki|machi asli|machi originale|machi s7i7a|machi s7i7|"
    "machi sahiha|ماشي صحيحه|ماشي صحيح|pas vraie|pas vrai=|pas authentique|pas officiel|pas officielle"
)
MAKE = (
    "fabriquer|fabrique|refaire|refais|creer|cree|produire|imprimer|bricoler|generer|genere|faire faire|fait des|"
    "fait de faux|qui fait|qui fabrique|"
    + dz_verb("sawb", "sayeb", "tbe3", "sne3", "fabriqui", "creyi")
    + "|"
    + ar_verb("صاوب", "صنع", "طبع", "سوي", bare=False)
    + "|صنع|اصنع|يصاوب|صاوب|ydir lia|ydirha|يدير ليا|يديرها|ndirha|نديرها"
)
# Dalil asked to make the document itself ("génère-moi un acte", "تكتب ليا شهادة", "tkteb lia attestation").
YOU_MAKE = (
    "genere moi|genere-moi|generer|genere un|genere une|ecris moi un|ecris moi une|ecris-moi un|ecris-moi une|"
    "redige moi un|redige moi une|redige-moi un|redige-moi une|fais moi un|fais moi une|fais-moi un|"
    "fais-moi une|cree moi|cree-moi|fabrique moi|fabrique-moi|tu peux me (generer|faire|creer|ecrire|rediger)|"
    "template|modele vierge|"
    "tkteb lia|tkteb liya|tktb lia|tktb liya|kteb lia|kteb liya|ktb lia|ktebli|ktbli|tsawb lia|tsawab lia|"
    "tsawb liya|sawb lia|sawab lia|sawb liya|tsayeb lia|"
    "تكتب ليا|كتب ليا|اكتب لي|اكتب ليا|تصاوب ليا|صاوب ليا|تصاوب لي|انشئ لي|اصنع لي|ولد لي|"
    "نموذج فارغ|قالب|template dyal|model dyal|نموذج ديال"
)
# A name that is not the holder's ("un autre nom de père", "b smiya d charika machi dyali").
NOT_MINE = (
    "faux nom|nom d' un autre|nom de quelqu' un|machi dyali|machi dyalo|machi dyalha|ماشي ديالي|ماشي ديالو|"
    "ماشي ديالها|اسم شخص اخر|باسم شخص|باسم واحد اخر|b smiya dyal chi wa7ed|b smit chi wa7ed|"
    "autre nom de (pere|mere|famille)|un autre pere|une autre mere|smiya okhra|smiya khra|b smiya okhra|"
    "باسم اخر|بسميه اخرى|بسميه خرى"
)
MACHI_DYALI = "machi dyali|machi dyalo|machi dyalha|ماشي ديالي|ماشي ديالو|ماشي ديالها"
# A company's name is chosen, and chosen again when refused: not a person's.
COMPANY = (
    "societe|sarl|charika|chrika|شركه|شركتي|entreprise|ompic|certificat negatif|شهاده سلبيه|chahada salbiya|"
    "raison sociale|nom commercial|الاسم التجاري|denomination|association|جمعيه"
)
# Filled in, stamped or dated by oneself or by a machine.
BY_HAND = (
    "b lordinateur|b l' ordinateur|bl ordinateur|f lordinateur|f l' ordinateur|b pc|f pc|b photoshop|"
    "avec photoshop|sur photoshop|a l' ordinateur|sur ordinateur|par ordinateur|بالحاسوب|بالبيسي|فالبيسي|"
    "بالكمبيوتر|فالكمبيوتر|بالفوطوشوب|فيها الطابع|فيه الطابع|avec le tampon|avec le cachet|b ttabe3|b tabe3|"
    "نبدل فيه|نبدل فيها|nbdl fih|nbdl fiha|nbddl fih|nbddl fiha|nbeddel fih|nbeddel fiha|n3mmer|نعمر"
)
SELF_MADE = (
    "moi meme|moi-meme|par moi meme|soi meme|b rasi|brasi|b yeddi|b idi|بنفسي|براسي|بيدي|a la maison|f dar|"
    "فالدار|في المنزل"
)
HIGHER = (
    "plus eleve|plus elevee|plus haut|plus haute|plus gros|plus grosse|superieur|superieure|plus important|"
    "kter|ktar|kbar|kber|اعلى|اكبر|اكثر|كثر|كبر|غليض|ghlid|mgonfl|gonfle"
)
# Changing, not correcting: a correction is a procedure of its own.
CHANGE = (
    "modifier|modifie|changer|change|retoucher|retouche|editer|edite|trafiquer|photoshoper|effacer|"
    + dz_verb("beddel", "bdel", "ghayyer", "ghayer", "3eddel", "3dl", "3del", "mse7", "ms7")
    + "|"
    + fr_dz("modifi", "changi", "chanji", "retouchi", "editi", "effaci")
    + "|"
    + ar_verb("بدل", "غير", "عدل", "مسح", bare=False)
    + "|بدل|غير=|تغيير|عدل=|تعديل|اغير|اعدل|ابدل|امسح"
)
FIELD = (
    "annee|age=|l' age|date|nom=|prenom|photo|montant|note|notes|moyenne|tampon|cachet|salaire|revenu|"
    "tarikh|ttarikh|smiya|ssmiya|tswira|nnou9at|noqat|lmoyenne|moyen=|l3omr|3omri|lkhelsa|khelsa|"
    "التاريخ|تاريخ|الاسم|اسم=|السميه|الصوره|التصويره|المبلغ|النقط|النقاط|نقاط|النقطه|نقطه|المعدل|الطابع|"
    "الختم|السن=|العمر|عمري|الاجر=|الراتب|الخلصه|الدخل"
)
EXPIRY = (
    "date d' expiration|date de validite|date de fin de validite|تاريخ انتهاء|تاريخ الصلاحيه|انتهاء صلاحيه|"
    "date limite|tarikh ntiha2|tarikh ntiha|تاريخ نهايه|صلاحيه البطاقه|l' expiration|expiration="
)
WORK_DOC = (
    "attestation de travail|certificat de travail|bulletin de paie|fiche de paie|attestation de salaire|"
    "شهاده الخدمه|شهاده العمل|chahadat lkhedma|chahadat lkhdma|chahadat l3amal|chahada dyal lkhedma|"
    "ورقه الخلصه|شهاده الاجر|ورقه ديال الخدمه|ورقه الخدمه|lwar9a dyal lkhedma|war9a dyal lkhedma|"
    "wra9 dyal lkhedma"
)
NOT_WORKING = (
    "ما خدامش|ما خدامه|ما كنخدمش|ماشي خدام|ma khdamch|ma kankhdemch|machi khdam|je ne travaille pas|"
    "ne travaille pas|sans y travailler|sans travailler|alors que je suis au chomage|chomeur|لا اعمل|لا اشتغل|"
    "عاطل|بلا خدمه|bla khedma"
)
NOT_LIVING = (
    "ما ساكنش فيه|ما ساكنش فيها|ما ساكناش|ماشي ساكن|ma saknch fih|ma sakench fih|ma saknach|machi saken|"
    "ou je n' habite pas|ou je ne vis pas|je n' y habite pas|sans y habiter|sans y vivre|لا اسكن فيه|لا اقطن"
)
FABRICATE = (
    # (printing a form at home is lawful: not "imprimer")
    "fabriquer|fabrique|creer|cree|produire|bricoler|n3mel|n3ml|ne3mel|nsawb|nsayeb|nsne3|نعمل|نصاوب|نصنع|اصنع"
)
HOME_MADE = (
    "mn 3ndi|men 3ndi|من عندي|a la maison|chez moi|f dar|فالدار|في المنزل|b lordinateur|b l' ordinateur|b pc|"
    "بالحاسوب|بالبيسي|بالكمبيوتر|photoshop|فوطوشوب"
)
CELIBACY = "celibat|celibataire|عزوبه|العزوبه|3ozoba|l3ozoba|3zoba|شهاده العزوبه"
MARRIED = "marie=|mariee|suis marie|متزوج|متزوجه|mzowej|mzewej|mzewja|mzowja|mjowej|mzwj|مزوج|مجوج|ana mzowej|وانا مزوج"
DIPLOMA = "diplome|diplomes|licence|master|bac=|baccalaureat|ديبلوم|دبلوم|شهاده جامعيه|الاجازه|الماستر|الباك="
NOT_STUDIED = (
    "sans avoir etudie|sans etudier|sans faire d' etudes|sans aller a l' ecole|sans passer les examens|"
    "bla ma n9ra|bla ma nqra|bla 9raya|ma 9ritch|ما قريتش|بلا ما نقرا|بلا قرايه|دون دراسه|بدون دراسه|دون ان ادرس"
)
STAMP = "cachet|tampon|الطابع|طابع|الختم|ختم|طمبون|ttabe3|tabe3|lkhtem"
OFFICE_OF = (
    "de la commune|de la mairie|de la prefecture|de la police|de l' etat|officiel|administratif|dyal la commune|"
    "dyal lmo9ata3a|dyal l9iyada|dyal lbaladiya|dyal lbolis|ديال الجماعه|ديال المقاطعه|ديال القياده|ديال البلديه|"
    "الرسمي|رسمي|الاداره|de l' administration|dyal l' administration"
)
ADD_YEARS = (
    "re:(?:nzid|nn9es|n9es|nna9es|نزيد|ننقص|نقص|ajouter|rajouter|enlever|retirer)\\s+(?:\\d+|joj|jouj|زوج|جوج)"
    "\\s*(?:snin|sna|ans|an|عام|سنين|سنوات|سنه)(?![\\w])"
)
# So that it shows otherwise, stays valid, or without the court that alone may change it.
DECEIVE = (
    "pour que (ca|ça|la note|le salaire|le montant|elle|il) (paraisse|semble|ait l' air)|pour paraitre|"
    "pour avoir l' air|pour qu' (elle|il) (reste|soit) valable|pour prolonger|pour rajeunir|pour vieillir|"
    "sans passer par (le tribunal|la justice|le juge|le procureur)|sans jugement|sans decision du tribunal|"
    "bach tban|bach yban|bach ybano|bach tbane|bach tb9a (valable|salha|sal7a|jdida)|bach yb9a (valable|sale7)|"
    "bla ma nmchi (l mahkama|lmahkama|l l9adi|l 9adi|l tribunal)|bla mahkama|bla tribunal|bla ma ndouz 3la lmahkama|"
    "avant de (le|la|les) (donner|presenter|deposer|envoyer)|pour (la|le) (banque|visa|consulat|ambassade)|"
    "l banka|lbanka|للبنك|bach n9eddemha|bach n9ddmha|باش نقدمها|pour la presenter|pour le presenter|"
    "باش تبان|باش يبان|باش يبانو|حتى تظهر|حتى يظهر|لتظهر|ليظهر|لكي تظهر|لكي يظهر|بحيث تظهر|بحيث يظهر|"
    "باش تبقى صالحه|باش تبقا صالحه|باش يبقى صالح|حتى تبقى صالحه|لتبقى صالحه|"
    "دون المرور (بالمحكمه|على المحكمه|عبر المحكمه|من المحكمه)|بدون المرور (بالمحكمه|على المحكمه|من المحكمه)|"
    "بلا ما نمشي (للمحكمه|لمحكمه|للقاضي)|بلا محكمه|بدون محكمه|دون حكم|بدون حكم|دون اللجوء الى المحكمه|"
    "re:bla ma \\w+ (?:l ?|l' )?(?:tribunal|mahkama|9adi|l9adi)|re:بلا ما \\w+ (?:لل|ل)?(?:محكمه|قاضي)"
)

# A letter asking for a document, or its list of papers, is what Dalil may help write.
ASK_FORM = (
    "demande de|une demande|lettre de demande|la liste|liste des|les etapes|les papiers|les documents|"
    "talab|tlab|طلب=|طلب ل|الطلب|لائحه|الوثائق|الوراق|lwra9|wra9 li|chno khass|شنو خاص"
)

# --- a payment slipped, a gift for a file -------------------------------------------------------
SLIP = (
    "glisser|glisse|refiler|refile|graisser|une enveloppe|un petit billet|"
    "dessous de table|" + dz_verb("dfe3", "dahan", "dhen", bare=False) + "|ندهن|دهنت|نديهن"
)
GIFT = (
    "cadeau|petit cadeau|hdiya|hdia|lhdiya|hadiya|هديه|هدايا|الهديه|9hiwa|qahwa|9ahwa|9hwa|قهوه|قهيوه|"
    "الحلاوه|lhlawa|7lawa|un geste|chi 7aja|chi haja|شي حاجه|شي بركه|chi baraka"
)
# Counter staff and heads of service, beside the officials of OFFICIAL.
COUNTER = (
    "guichet|guichetier|lguichet|l guichet|moul lguichet|mol lguichet|الشباك|مول الشباك|رئيس المصلحه|"
    "رئيس مصلحه|رئيس القسم|chef de bureau|le chef|responsable du bureau|lmas2oul|المسؤول"
)
GIVEN_PAST = (
    "3tit|3titih|3titha|3tito|3tiha|3tih|ila 3tit|ila 3tina|kan3ti|kane3ti|gha n3ti|ghan3ti|y3ti|t3ti|"
    "عطيت|عطيتو|عطيتها|عطيتهم|عطيناه|الى عطيت|يلا عطيت|إلا عطيت|الا عطيت|كنعطي|غانعطي|غادي نعطي|"
    "j' ai donne|si je donne|si je lui donne|si je leur donne"
)
MONEY_SUM = (
    "re:\\d+\\s?(?:dh|dhs|dirham|dirhams|درهم|دراهم|ريال|rial|alf|الف|euros?)(?![\\w])|flous|lflous|فلوس|"
    "الفلوس|argent|billet|مبلغ|مبلغا|بعض المال|شي فلوس|chi flous|un peu d' argent"
)
GET_THROUGH_ONLY = (
    "لتمرير|تمرير|يمرر|يمرر ليا|باش يدوز|باش يدوزو|باش يمشي|bach ydouz|bach ydowz|bach ydouzo|bach ymchi|"
    "pour faire passer|pour que (mon dossier|ca|ça|le dossier|la demande) passe|pour passer|pour debloquer|"
    "يسهل|تسهيل|ysahhel|ysahel|faciliter|facilite|accelerer|accelere|en priorite|prioritaire|ysre3|يسرع|تسريع|"
    "دغيا|بالزربه|فيسع|بسرعه|"
    "لتسريع|يزرب|yzreb|yzerreb|dghya|fissa|avant les autres|9bel nas|قبل الناس|rapidement|"
    "plus vite|ydouzni|ydowzni|ydwzni|يدوزني|passer avant|9bel lokhrin|qbel lokhrin|يقضي ليا|يقضيها ليا|ysali lia|"
    "y9di lia|يسالي ليا|يدبر ليا|ydebber lia|ydbr lia|me sorte|qu' il me sorte|"
    "bach ydwz|bach ydwzo|bach ydewez|9bel nnas|qbel nnas|9bl nas|9bl nnas"
)
# A day or a delay said alone ("demain", "lyoum", "en deux jours"): the outcome of a bribe beside a payment
# to an official, but also when a citizen travels or brings a photo back.
SOON = (
    "بكري|bekri|en (un|deux|trois|1|2|3) jours?|f (nhar|yomayn|joj iyam)|ف (نهار|يومين|جوج ايام)|"
    "f simana|f chi simana|en une semaine|فسيمانه|في اسبوع|aujourd' hui|lyoum|اليوم=|غدا|ghda|ghedda|demain|"
    "le jour meme|نفس النهار|نفس اليوم|f nhar|fnhar"
)
GET_THROUGH = GET_THROUGH_ONLY + "|" + SOON
SENTENCE_END = "re:[.?!؟\n](?!\\d)"

# The citizen paying (I, you, "those who pay"): "كيعطيها المقدم" is the moqaddem issuing it.
PAY = (
    "payer|paye|payes|verser|donner a|donner au|donne a|donne au|qui paient|qui paye|proposer|propose|offrir|"
    + "|".join(f for f in dz_verb("khlles", "khelles", "3ti", "dfe3", bare=False).split("|") if "y" not in f[:5])
    + "|kat3ti|3tih|3tiha|khlles|khless|li kaykhlles|li kaykhlls|li kay3ti|lli kaykhlles|"
    "كنخلص|نخلص|تخلص|كتخلص|كنعطي|نعطي|تعطي|كتعطي|عطيه|عطيها|ندفع|تدفع|ادفع|اللي كيخلص|لي كيخلص|اللي كيعطي|"
    "لي كيعطي|اللي كيدفع|اعطي|اقدم ل|نعطيه|نعطيها|ne3tih|n3tih|n3tiha|je lui donne|lui donner"
)
# Paid by no citizen: whoever examines, controls, judges or polices.
NEVER_PAID = (
    al("examinateur", "mofattich", "moufatich", "inspecteur", "bolisi", "boulisi", "jadarmi", "douanier")
    + "|"
    + al("9adi", "juge", "controleur", "policier", "gendarme", "moqaddem", "mo9eddem", "mqeddem", "9ayd", "caid")
    + "|l' examinateur|l' inspecteur|المفتش|مفتش|الفاحص|البوليسي|البوليس|الشرطي|الشرطه|الدركي|الجدارمي|"
    "القاضي|الديواني|الجمارك|المقدم|القايد|القائد|le policier|les policiers|la police|le juge|le caid"
)
SOMEONE_AT = (
    "chi wa7ed f|chi wa7d f|chi wahed f|chi had f|wa7ed f|wa7d f|شي واحد ف|شي واحد في|واحد ف|حد ف|"
    "صاحبي ف|صاحبي في|sa7bi f|sahbi f|je connais quelqu' un a|je connais quelqu' un au|"
    "quelqu' un (a|au|de|dans|qui travaille)|une personne (a|au|de|dans)|"
    + al("mowadaf", "mowaddaf", "fonctionnaire", "agent", "employe")
    + "|الموظف|موظف|l' agent|l' employe|le fonctionnaire"
)
IF_GIVE = (
    "ila 3tit|ila 3tina|ila 3titih|ila 3titha|ila dfe3t|ila khllest|ila khellest|si je (lui |leur )?(donne|paie|verse)|"
    "الى عطيت|يلا عطيت|الا عطيت|الى خلصت|الا خلصت|اذا اعطيت|اذا دفعت|لو اعطيت|لو دفعت"
)
# A verb that gives "to me / to us" ("y3tiwni", "يعطيوني", "3tawna", "me remet", "nous donne"): given TO the
# asker is the office's answer, not a payment the asker makes.
TO_ME = "re:[\\w']*(?:ni|ny|na|ني|نا)(?![\\w])|re:(?:me|nous|m') ?(?:le |la |les |l' )?[\\w]+"
MONEY_ASKED = (
    "ch7al|chhal|chh7al|combien|شحال|كم=|قداش|9addach|ch7al ndir|chhal ndir|prix|taman|thaman|الثمن|"
    "quel montant|quelle somme|combien d' argent"
)

LOOK_AWAY = (
    "fermer les yeux|ferme les yeux|ferme-t-il les yeux|ghmmed 3inih|ghmed 3inih|يغمض عينيه|يتغاضى|يغض الطرف|"
    "ما يكتبش المخالفه|ما يكتبش ليا المخالفه|لا يسجل المخالفه|ما يسجلش المخالفه|ma yktebch|ma ykteb lia walo|"
    "ne pas noter l' infraction|sans pv|pas de pv|bla pv|ma ydirch pv|ma ydir lia pv|oublie l' infraction|"
    "oublier l' infraction|ينسى المخالفه|يلغي المخالفه|annuler le pv|annule le pv|ysame7ni|ma ykhlsnich|"
    "ما يخلصنيش|يسامحني فالمخالفه"
)
TAKES = (
    "يقبل|كيقبل|يقبلو|accepte|acceptent|ya9bel|kay9bel|yakhod|kayakhod|kayakhdo|yakhdo|كياخد|ياخد|ياخذ|يأخذ|"
    "ياخدو|كياخدو|prend=|prennent|yched|kaychedd"
)
PUT_IN_FILE = (
    "نحط فالملف|نحط في الملف|نحط مع الملف|n7et f dossier|n7ett f dossier|n7et f lmelf|n7et m3a dossier|"
    "glisser dans le dossier|mettre dans le dossier|dans le dossier|فالملف|f dossier|f lmelf"
)

# --- a duty dodged ------------------------------------------------------------------------------
NEG_ACT = (
    # a Darija negated verb of any person: "ma nkhllesch", "bach ma yjibouch", "ما ندخلش"
    # ("bla ma nmchi", without going, is how one pays online: only "without paying, declaring")
    "re:ma ?[nty][a-z0-9']{2,}?c?h(?![\\w])|re:bach ma [nty][a-z0-9']{2,}|"
    "re:(?:[وف]?ما ?|باش ما |بلا ما )[نتي][\u0621-\u064a]{2,}ش(?![\\w])|"
    "bla ma (nkhlles|nkhelles|nkhlls|nkhles|ndeclari|nsjjel|nsajel|nsre7|ndfe3)|بلا ما (نخلص|نصرح|نسجل|ندفع)|"
    "ne (soient|soit|sont|seront) pas (declares|declare|declaree|declarees|inscrits|affilies)|"
    "عدم اداء|عدم دفع|عدم التصريح|عدم الاداء|عدم التسجيل|عدم الذهاب|عدم الحضور|عدم الالتحاق|لعدم|"
    "ne (pas|jamais|plus|rien) (payer|verser|declarer|cotiser|faire|aller|passer|m' inscrire|inscrire|affilier)|"
    "sans (payer|verser|declarer|cotiser|m' inscrire|inscrire|affilier)|jamais payer|eviter de (payer|verser|"
    "declarer|faire|aller)|echapper (a|au|aux)|esquiver|y echapper"
)
# Asked as a way: how, a trick, is there a way.
A_WAY = (
    "comment|astuce|moyen|combine|technique|possible de|y a t il|y a-t-il|existe|solution|"
    "kifach|kifech|kifash|tari9a|tri9a|tari9|7ila|hila|chi tri9a|astuci|kayna chi|kayn chi|wach kayna|"
    "كيفاش|كيف=|طريقه|طريقة|حيله|شي طريقه|كاينه شي|كاين شي|واش كاينه|هل توجد|هل يوجد|هل هناك|وسيله|ممكن|"
    # or wished: "je veux ne pas payer", "bghit ma nkhllesch", "une idée ?"
    "je veux|je voudrais|j' aimerais|une idee|des idees|conseil|aide moi|aidez moi|bghit|bgheet|chi fikra|"
    "nasi7a|3awnni|بغيت|اريد|فكره|نصيحه|عاوني|ساعدني"
)
# What a duty's consequence asks is a lawful question ("que se passe-t-il si je ne paie pas ?").
CONSEQUENCE = (
    "risque|sanction|quelle amende|combien d' amende|amende si|penalite|majoration|que se passe|"
    "qu' est ce qui se passe|si je ne|ila ma|ch7al lamande|chhal lamande|شحال الغرامه|ما هي الغرامه|"
    "chno ywe9e3|ach ywe9e3|chno kayw9e3|شنو يوقع|اش يوقع|شنو كيوقع|العقوبه|ماذا يحدث|"
    "ما هي العقوبه|الا ما|إلا ما|ادا لم|اذا لم|في حاله عدم|jouj mrat|deux fois|double imposition|doublement|"
    "مرتين|جوج مرات|جوج د المرات|الازدواج الضريبي|douane|diwana|الديوانه|الجمارك"
)
# Not customs: a returning resident's belongings lawfully enter "sans payer la douane".
DUTY = (
    OBLIGATION.replace("douane|diwana|", "").replace("|الديوانه|الجمارك", "")
    + "|taxe d' habitation|taxe de services communaux|impot sur le revenu|ir=|is=|cotisations|damane|dman|"
    "el cnss|la cnss|lcnss|لاسنس|الضمان الاجتماعي|ddariba|dariba|darayeb|الضريبه|ضريبه|الضرايب|ضرايب|"
    "tajnid|ttajnid|التجنيد|تجنيد|lkhidma l3askariya|service militaire|l' armee|الجيش|jaych|"
    "les employes|mes employes|les ouvriers|salaries|lkhddama|lkhdama|l3ommal|العمال|الخدامه|بالعمال|"
    "يتجند|نتجند|تجند|ytjned|ntjned|yetjned|"
    "الاجراء=|nafa9a|النفقه|pension alimentaire|واجبات التسجيل|واجبات|droits=|الرسوم|رسوم|pv=|proces verbal|"
    "amende|lamande|radar|contravention|"
    "المخالفه|مخالفه|الغرامه|غرامه|الذعيره|لاموند|convocation|lconvocation|الاستدعاء"
)
COUNTED = (
    "revenus|revenu|benefices|gains|loyers|chiffre d' affaires|mdakhil|lmdakhil|lmadakhil|madakhil|dakhl|"
    "ddakhl|lerba7|rba7|rbe7|l' arba7|lkra|lkira|الارباح|ارباح|المداخيل|مداخيل|الدخل|الكرا|الكراء|"
    "رقم معاملات|رقم المعاملات|معاملاتي|مبيعاتي|ventes|mes ventes"
)
HIDE = (
    "cacher|dissimuler|planquer|masquer|ne pas montrer|"
    + dz_verb("khbi", "khebbi", "khabbi", "khfi", "khabbe3")
    + "|"
    + "|".join(f for f in ar_verb("خبي", "خفي", "خبع", bare=False).split("|") if f != "تخفي")  # not تخفيض
    + "|اخفي|اخبي|اخفاء|إخفاء"
)

WRONGED = (
    "employeur|patron|lpatron|المشغل|مشغلي|الباطرون|mol chi|mol dar|مول الدار|m' a jamais|ne m' a pas|"
    "ne me declare pas|ma sre7ch biya|ma declarach biya|ma sr7ch biya|ما صرحش بيا|ما صرحش بي|لم يصرح بي|"
    "لا يصرح بي|ما كيصرحش بيا|ma kaysre7ch biya"
)
# Whether it is allowed, or what one thinks of it: a question of law or an opinion, not a how-to.
ALLOWED_Q = (
    "legal|legalement|illegal|permis de ne|ai-je le droit|ai je le droit|j' ai le droit|est ce permis|a-t-on le droit|"
    "قانوني|مشروع|عندي الحق|عندي الحق|3ndi l7a9|3andi l7a9|wach ja2iz|wach masmou7|wach mossmou7|واش مسموح|واش جائز|"
    "هل يحق|هل يجوز|هل من حقي|rayk|rayek|رأيك|رايك|ton avis|tu penses|penses tu|chno kat9ol|شنو كتقول|شنو بان ليك|"
    "chno ban lik|ما رأيك"
)
AVOID_ANY = (
    "eviter|evite|j' evite|echapper|esquiver|contourner|"
    + dz_verb("tfada", "tfadda", "threb", "therreb", "hreb", "flet", "fellet", bare=False)
    + "|"
    + ar_verb("تفادى", "تفادي", "تجنب", "تهرب", "تملص", bare=False)
    + "|اتفادى|اتجنب|اتهرب|اتملص|تجنب|التهرب|التملص"
)
DECLARING = "التصريح|تصريح|declarer|la declaration|ndeclari|nsre7|نصرح|تسجيل|التسجيل"
ON_TIME = (
    "retard|en retard|majoration|penalite de retard|a temps|dans les delais|f lwe9t|f lwa9t|في الوقت|قبل الاجل|"
    "التاخير|الزياده|ghrama dyal t2khir"
)
FICTION = (
    "histoire|roman|film|fiction|scenario|nouvelle=|conte|dialogue|9issa|9ssa|story|qissa|قصه|روايه|فيلم|"
    "سيناريو|حكايه|حوار|7ikaya|riwaya"
)
HOWTO = (
    "etape par etape|en detail|en details|explique comment|explique lui comment|comment il|comment elle|"
    "step by step|خطوه بخطوه|بالتفصيل|يشرح|تشرح|اشرح|كيف يتم|كيف يقوم|b tafsil|khatwa b khatwa|kifach kaydir|"
    "kifach dar|كيفاش دار|كيفاش كيدير"
)
HARM_NOUN = (
    "falsif|faux papiers|faux document|faux passeport|contrefa|fraude|frauder|corruption|corrompre|pot de vin|"
    "pot-de-vin|bakchich|evasion fiscale|contrebande|usurp|tzwir|tazwir|rachwa|rechwa|tahrib|"
    "تزوير|يزور|مزور|مزوره|رشوه|يرشي=|التهرب|يتهرب|تهريب|يهرب|انتحال|احتيال|يحتال|التحايل|غش|يغش|"
    "passeport au nom|باسم شخص اخر|باسم شخص آخر"
)
# A game or a story said to "you": what it lifts is the rules, whatever role is played.
GAME = (
    "on joue|on va jouer|jouons|un jeu|jeu de role|comme si tu|faire comme si|nl3bo|nl3bou|lo3ba|l3ba=|"
    "نلعبو|لنلعب|نلعب=|لعبه|حكي ليا|احكي لي|9oli 9issa|9olli 9issa|raconte-moi|raconte moi|racontes|"
    "imagine=|imagine t'es|imagine t' es|tkhayl|tkhayel|t5ayel|تخيل|تخايل|hypothetiquement|pour un roman|"
    "pour un sketch|pour un film"
)
# What the role is or does against the law, said in one word: a forger, a broker of appointments and files,
# someone else's name, a stamp made, duty not paid, a date changed, an official who takes.
ROLE_HARM = (
    "faussaire|faussaires|samsar|ssamsar|سمسار|السمسار|courtier|mzwra|mzawra|mzwer|mzawwer|"
    "sans payer|bla ma nkhlles|9lil=|التهرب|لاخفاء|اخفاء|هرب من|زمك من|يبدل التواريخ|nbeddel tarikh|"
    "modifiait|modifier l' age|changer l' age|sans la visite|sans que la personne soit presente|"
    "كيبيع المواعيد|يبيع المواعيد|b smiya dyal wa7d akhor|dyal wa7d akhor|dyal chi wa7d akhor|"
    "ديال شي واحد آخر|ديال شي واحد اخر|quelqu' un d' autre|quelqu'un d' autre|quelqu'un d'autre|"
    "kayakhod|كياخد|n9ra3|nsr9|nser9|نسرق|"
    "nmse7 l7ukm|نمسح الحكم|effacer le jugement|effacer mon casier"
)
SKIP_EXAM = (
    "sans passer l' examen|sans passer (le|un) (test|examen)|sans examen|sans l' examen|sans faire l' examen|"
    "bla examen|bla lexamen|bla l' examen|bla mtihan|bla ma ndouz|bla ma nmtahen|bla ma nfout|bla ma ndwz|"
    "بلا امتحان|بدون امتحان|دون امتحان|بلا ما ندوز|بلا ما نجوز|بلا ما نفوت|دون اجتياز|بدون اجتياز"
)
EXCHANGE = (
    "etranger|equivalence|echange|echanger|tabdil|tbdil|تبديل|معادله|اجنبي|اجنبيه|من الخارج|mn lkharij|"
    "international|internationale|دولي|دوليه"
)
# Kept from an authority: what it must not know, or see.
KEEP_FROM = (
    "ne voie pas|ne voit pas|ne sache pas|ne decouvre pas|ne remarque pas|ma ychoufch|ma ychofch|ما يشوفش|"
    "ما يعرفش|ما يعرفوش|ما يعرفوهش|ma y3rfouch|ma y3rfoch|ma y3erfouch|ما ينتابهش|لا يرى|لا يكتشف|"
    "ne doit pas savoir|ne doivent pas savoir|ne doit pas le savoir|ne doivent pas le savoir|sans qu' ils sachent|"
    "sans qu' elle sache|sans qu' il sache|a l' insu de|ma khasshomch y3rfo|ma khassch y3rfo|ma khasshach t3ref|"
    "bla ma y3rfo|bla ma t3ref|bla ma y3i9o|ما خاصهمش يعرفو|ما خاصهاش تعرف|بلا ما يعرفو|بلا ما تعرف|دون علم|"
    "دون ان تعلم|دون ان يعلم|دون ان يعلموا|لا يجب ان تعلم|لا يجب ان يعلم"
)
AUTHORITY_BODY = (
    "douane|diwana|ddiwana|الديوانه|الجمارك|impots|fisc|dgi=|dariba|ddariba|darayb|الضرائب|الضرايب|الضريبه|cnss|الضمان|"
    "l' administration|ladministration|الاداره|la police|lbolis|البوليس|الشرطه|l' etat|ddawla|الدوله|lmahkama|"
    "المحكمه|la commune|الجماعه|rsu=|l' inspecteur|المفتش"
)
BENEFIT = (
    "rsu=|aide directe|l' aide|lmosa3ada|الدعم|دعم=|tadamon|amo tadamon|ramed|المنحه|منحه|minha|lmin7a|bourse|"
    "allocation|الاعانه|المساعده|da3m|dda3m"
)
CONCEAL = (
    "bla ma ytl3|bla ma yban|bla ma ybane|bla ma ybanch|sans que (ca|mon revenu|mes revenus|mon salaire) "
    "(apparaisse|se voie|soit visible)|بلا ما يبان|بلا ما يطلع|دون ان يظهر|sans declarer|bla ma ndeclari|cacher"
)
UNDERSTATE = (
    "sous-evalu|sous evalu|minorer le prix|minorer la valeur|prix plus bas dans|un prix inferieur|prix fictif|"
    "ثمن قليل|بثمن قليل|بثمن ناقص|بثمن اقل|ثمن اقل|ننقص الثمن|نقص من الثمن|taman 9lil|b taman 9lil|thaman 9lil|"
    "n9es taman|n9es f taman|nkteb taman 9lil|moins cher dans l' acte|valeur inferieure"
)
PAY_LESS = (
    "payer moins|moins de droits|moins d' impot|moins de taxe|bach nkhlles 9el|bach nkhlles qel|باش نخلص قل|"
    "ضريبه قليله|اقل ضريبه|ضريبه اقل|رسوم اقل|dariba 9lila|dariba qlila"
)
WORKERS_OR_CONTROL = (
    "ouvriers|employes|salaries|lkhddama|lkhdama|l3ommal|العمال|الخدامه|الاجراء=|inspecteur|l' inspecteur|"
    "lmofattich|المفتش|controle|cnss|الضمان"
)
LEGALISE = "regularis|تسويه|nsowi|declarer mes|نصرح ب|ndeclari"
DESPITE = "رغم انني|رغم اني|رغم ان|بالرغم|واخا|wakha|wakhha|meme si je|alors que je|bien que je|malgre que"
INCOME = (
    "اعمل|نخدم|خدام|اشتغل|je travaille|travaille|salaire|اجر=|باجر|دخل|revenu|khddam|khdam|kankhdem|nkhdem|"
    "كنخدم|كنربح|kanrbe7|je gagne"
)
UNDECLARED = "au noir|bla declaration|sans declaration|bla tasri7|بلا تصريح|بدون تصريح|ghir f lkhfa|في الخفاء|فالخفا"

# --- another person's file -----------------------------------------------------------------------
SPOUSE_OR_KIN = (
    RELATIVE + "|ma femme|mon mari|mon epoux|mon epouse|mon ex-femme|mon ex-mari|mon ex femme|mon ex mari|ma fiancee|"
    "mon fiance|ma belle-mere|mon beau-frere|ma belle-soeur|mrati|mrat|rajli|zawjati|zawji|"
    "خطيبتي|خطيبي|زوجتي السابقه|زوجي السابق|"
    "bent 3mmi|bent 3ammi|weld 3mmi|ould 3mmi|bent khali|weld khali|bent 3mti|bent khalti|weld khalti|"
    "بنت عمي|ولد عمي|بنت خالي|ولد خالي|بنت خالتي|ولد خالتي|بنت عمتي|ولد عمتي|mon cousin|ma cousine|"
    "mon voisin|ma voisine|jari|jarti|جاري|جارتي|sa7bti|sahbti|صاحبتي|صديقتي|mon collegue|ma collegue|"
    "mon associe|mon ex-associe|mon ex associe|شريكي|"
    "زوجتي|زوجي|مراتي|راجلي|نسيبي|نسيبتي|tli9ti|tli9i|خالي|خالتي|عمي|عمتي|khali|khalti|3emmi|3ammi|3emti|"
    "mon beau-frere|mon beau frere|ma belle soeur|ma belle-soeur|mon beau-pere|ma belle-mere|"
    # a relation with the Darija possessive: "الجار ديالي", "sa7bi dyali", "ljara dyali"
    "re:(?:ال)?(?:جار|جاره|صاحب|صاحبه|خو|خت|مرا|راجل|نسيب|نسيبه|شريك|زميل|زميله|عم|خال) ديالي|"
    "re:(?:l' |l )?l?(?:jar|jara|sa7b|sa7ba|sahb|khou|kho|mra|rajel|nsib|chrik|zamil|3amm|khal) dyali"
)
# What a person earns or is paid.
EARNED = (
    "salaire|revenu|revenus|gagne|combien gagne|kayrbe7|kirbe7|ch7al kayrbe7|ch7al kaychd|kaychedd|kaytkhlles|"
    "كيربح|يربح|شحال كيربح|شحال كيشد|كيشد|كيتخلص|اجرته|اجرتها|اجره|راتبه|راتبها|دخله|دخلها|الاجر=|"
    "touche=|touche l|percoit|beneficie|kat9bed|katqbed|kay9bed|كتقبض|كيقبض|كتستافد|كيستافد|تستفيد|يستفيد"
)
# Has a document or a record: "wach jari 3ndo rokhsa", "a-t-il un permis".
HAS = (
    "3ndo|3ndou|3ando|3ndha|3andha|عندو|عندها|عنده|لديه|لديها|a-t-il|a t il|a-t-elle|a t elle|possede|يملك|تملك|"
    "kaymlek|ymlek"
)
# A record looked into: "check lia le dossier dyal khti", "شوف ليا الملف ديال خويا".
RECORD = (
    "dossier|ldossier|l' dossier|lmelf|melf|ملف|الملف|casier|compte|situation|وضعيه|حساب|الحساب|statut|"
    "talab|الطلب|demande"
)
CHECK = (
    "check|chouf|chof|verifie|verifier|regarde|consulte|شوف|تحقق|قلب ليا|اطلع|werrini|وريني|montre|dis moi si|"
    "9ol lia wach|قول ليا واش|tchouf|تشوف"
)
APPLIED = (
    "a deja demande|a demande|a depose|a fait (une|la|sa) demande|a-t-il demande|a-t-elle demande|"
    "a t il demande|a t elle demande|est inscrit|est inscrite|est deja inscrit|est deja inscrite|a un dossier|"
    "a deja un|a retire|a obtenu|"
    "dart|dar demande|dar talab|dar dossier|dayra|dayer|tsjjel|tsjel|tsajlat|tsejlat|tsejjel|khrjat|khrej lih|"
    "قدمت|قدم طلب|قدم ملف|دارت|دار طلب|دار ملف|دايره|داير|تسجل|تسجلات|مسجل|مسجله|خرجات|خرج ليه|"
    "حصل على|حصلت على|"
    "khda|khdat|kheda|khdit|a recu|a touche|a percu|a beneficie|استفاد|استفادت|خدا=|خدات=|tzwjat|tzewjat|"
    "tzawjat|تزوجات|tsjlat|tsjjlat|tsejlat|tsjl=|tsjjl=|"
    "s' est marie|s' est mariee|msjla|msjjla|mssjla|msajla|msjel|msjjel|mssjel|"
    "خلص=|خلصات|khlles=|khellset|a paye|a-t-il paye|paye ses|"
    "3ndo dossier|3ndha dossier|عندو ملف|عندها ملف|3ndou des dettes|3ndo dettes|عندو ديون|a des dettes|"
    "a un casier|a un dossier|a des antecedents|3ndo swabi9|3ndou swabi9|3ndo sawabi9|عندو سوابق|عندها سوابق|"
    "عنده سوابق|لديه سوابق|لديها سوابق|a ete condamne|محكوم"
)
# Someone else, unnamed ("chi wa7ed", "lmra li kant 9damk", "واحد الدري").
THIRD = (
    "chi wa7ed|chi wa7d|chi wahed|wa7ed=|wa7d=|had chi wa7d|had chi wa7ed|had ssayed|had lmra|lmra li|"
    "rajel li|rrajel li|lbent li|الراجل اللي|المرا اللي|البنت اللي|واحد الدري|واحد السيد|واحد المرا|شي واحد|"
    "هاد الشخص|هاد السيد|quelqu' un|une personne|un monsieur|une dame|la personne qui|celui qui|celle qui|"
    "someone|cette personne|ce monsieur|cette dame|un individu|شخص ما|شخص اخر|هذا الشخص|شخص=|شخصا|personne="
)
# What reaches or names a person.
CONTACT = (
    "ra9m tilifoun|ra9m dyal|ra9m telephone|nmra dyal|nemra dyal|tilifoun dyal|l3nwan|3nwan|l' adresse dyal|"
    "ladresse dyal|adresse de|numero de|smito|smitha|son nom|leur nom|رقم الهاتف|رقم هاتف|رقم التيليفون|"
    "النمره ديال|نمره ديال|التيليفون ديال|عنوان|العنوان|سميتو|سميتها|الاسم ديال|re:(?:اسمه|اسمها) [\u0621-\u064a]{3,}"
)
# Asking what is known about someone ("ma3loumat 3la wa7d", "des infos sur quelqu'un").
INFO_ON = (
    "ma3loumat 3la|ma3lomat 3la|m3lomat 3la|ma3loumat 3ala|infos sur|informations sur|renseignements sur|"
    "details sur|donnees sur|معلومات على|معلومات عن|بيانات عن|بيانات على|معطيات على|معطيات عن|المعلومات ديال"
)
# A named person ("smitha sara alaoui", "اسمه يوسف", "qui s'appelle").
NAMED = (
    # a name follows: "smitha sara alaoui", not "chno smitha?" (what is it called)
    "re:(?:smito|smitou|smitha|smiytou|smiytha|سميتو|سميتها) (?!(?:f|fi|ف|في|dyal|ديال)\\s)\\w{3,}|"
    "qui s' appelle|nomme=|nommee|du nom de|"
    "re:(?:اسمه|اسمها) [\u0621-\u064a]{3,}"  # a name follows; not باسمه, "in his name", nor "ما اسمها؟"
)
STATUS_ASKED = (
    "dossier|situation|statut|etat de|حاله|وضعيه|الملف|ملف|l' dossier|ldossier|ddossier|adresse|عنوان|"
    "fin saken|fin sakna|فين ساكن|فين ساكنه|msjl|msjjl|مسجل|mariee|marie=|tzwjat|تزوجات|dettes|ديون"
)
WHERE_LIVES = (
    "fin saken|fin sakna|fin kayskon|fin kaysken|fin katskon|fin katsken|فين ساكن|فين ساكنه|فين كيسكن|فين كتسكن|"
    "اين يسكن|اين تسكن|اين يقطن|اين تقطن|ou habite|ou il habite|ou elle habite|ou vit|ou il vit|ou elle vit|"
    "ou travaille|ou il travaille|ou elle travaille|son lieu de travail|son adresse|fin khdam|fin khddam|fin khdama|"
    "فين خدام|فين خدامه|اين يعمل|اين تعمل|مكان عمله|مكان عملها|"
    "ou reside|son adresse actuelle|sa nouvelle adresse|عنوانه الحالي|عنوانها الحالي|عنوانه الجديد|عنوانها الجديد|"
    "مكان اقامه|مكان اقامته|مكان اقامتها|محل سكناه|محل سكناها|محل اقامته|عنوانه|عنوانها"
)
# Given a number, who or where it is ("من خلال رقم بطاقتها", "عندي نمرة البطاقة ديال واحد").
BY_NUMBER = (
    "من خلال رقم|عن طريق رقم|بالرقم ديال|برقم بطاقته|برقم بطاقتها|عندي نمره|عندي رقم|عندي النمره|3ndi ra9m|"
    "3ndi nmra|3ndi numero|j' ai son numero|j' ai le numero|par son numero|a partir de son numero|avec son numero|"
    "avec son cin|avec sa cin|avec son ice|grace a son|via son|b ra9m dyalo|b ra9m dyalha|matricule dyalha|"
    "matricule dyalo|لاماتريكول ديالها|لاماتريكول ديالو"
)
WHOSE_CAR = (
    "mol tomobil|moul tomobil|mol tonobil|mol lkarrosa|mol ssiyara|mol lmotor|moul lmotor|صاحب الطوموبيل|"
    "مول الطوموبيل|مول السياره|صاحب السياره|مول الموطور|proprietaire de la voiture|proprietaire du vehicule|"
    "a qui appartient (la|cette) (voiture|moto)|لمن تعود السياره|لمن السياره"
)
# A prediction about a relative ("wach ghadi ykhrjo khoya") is an opinion to decline, not a look-up.
FUTURE = "ghadi|غادي|va t il|va-t-il|va t elle|va-t-elle|vont ils|vont-ils|sera=|seront|will=|هل سي|سوف|سيتم"
LIST_OF = (
    "la liste des|la liste de|liste des|liste de tous|liste de toutes|toutes les|tous les|l' ensemble des|"
    "lista dyal|la liste dyal|ga3 les|ga3 l|kolchi dyal|قائمه|لائحه|جميع|كل الطلبات|كل الملفات|كاع"
)
PLURAL_RECORDS = (
    "demandes|dossiers|demandeurs|inscrits|beneficiaires|requetes|conversations|utilisateurs|citoyens|"
    "الطلبات|طلبات|الملفات|ملفات|المسجلين|المستفيدين|المواطنين|المستخدمين|المحادثات|talabat|lmlafat|"
    "les gens qui|les personnes qui|nas li|الناس اللي|الاشخاص"
)
# The documents a procedure needs are listed on its card, not anyone's records.
WHICH_DOCS = (
    "documents a fournir|pieces a fournir|papiers a fournir|documents necessaires|pieces necessaires|"
    "الوثائق المطلوبه|الوثائق اللازمه|الوراق اللي خاص|lwra9 li khass|etapes|الخطوات|المراحل|conditions|الشروط"
)
# A deceased relative's rights are the heirs' procedure.
DECEASED = "المتوفي|المتوفى|المرحوم|المرحومه|توفي|توفيت|توفات|مات=|ماتت|decede|decedee|defunt|mort=|morte|lmr7oum|mat="
OWNER_OF = (
    "mol=|moul=|mol had|moul had|مول=|مول هاد|صاحب هاد|صاحب=|proprietaire|titulaire|a qui appartient|"
    "dyal chkoun|ديال شكون|لمن=|لمن هاد"
)
NAME_OF = "السميه ديال|smiya dyal|smit|le nom de|le nom du|الاسم ديال|اسم صاحب|اسم مول"
PHONE_NO = "re:(?:\\+212|00212|0)\\s?[5-7](?:[\\s.-]?\\d){8}(?!\\d)"
COMPLAINED_OF_ME = (
    "dar chikaya 3liya|dar chikaya 3lia|dar 3liya chikaya|dar plainte 3liya|chka biya|شكا بيا|شكا عليا|"
    "دار شكايه عليا|دار عليا شكايه|بلغ عليا|بلغ عني|balegh 3liya|a porte plainte contre moi|m' a denonce|"
    "a fait une plainte contre moi|اشتكى مني|قدم شكايه ضدي"
)
FILED_BY_OTHERS = (
    "li dpozaw|li dposaw|li depozaw|li t9ddmo|li tqddmo|li dfe3o|qui ont ete deposes|deposes cette semaine|"
    "deposes aujourd' hui|deposees|اللي تقدمو|اللي دفعو|اللي تحطو|لي تقدمو|التي قدمت|التي اودعت|المودعه"
)
# A plate or its number, and who: the owner named from a plate (not "le propriétaire doit-il venir ?").
PLATE_NO = (
    "matricule|immatricul|plaque|lamatricule|لاماتريكول|الماتريكول|الترقيم|رقم اللوحه|اللوحه|ra9m dyal tomobil|"
    "ra9m dyalha|re:\\d{2,}"
)
WHO = "chkoun|chkon|شكون|qui est|c' est qui|من هو|من هي|smito|smitha|سميتو|son nom|اسم صاحب|who="
# A child is the parent's own business.
KID = "mon fils|ma fille|mes enfants|mon enfant|mineur|weldi|bnti|wlidi|wladi|ولدي|بنتي|اولادي|ابني|ابنتي|قاصر"
# May they do it (a proxy, a mandate) is a procedure's question, not a look into their file.
MAY = (
    "peut|peuvent|pourrait|possible|autorise|y9der|t9der|y9edro|ymken|ymkn|يقدر|تقدر|ينجم|تنجم|يمكن|ممكن|"
    "يجوز|wakala|وكاله|بوكاله|توكيل|procuration|mandat|a sa place|blasto|blastha|بلاصتو|بلاصتها|bla9to"
)
WHETHER = "est-ce que|est ce que|wach|واش|هل=|re:-t-(?:il|elle)|re:a t (?:il|elle)|si=|savoir si|n3ref wach|نعرف واش"
PRIVATE_LINE = (
    "numero de telephone|numero de tel|numero perso|numero de portable|portable|telephone|adresse|domicile|"
    "tilifoun|tilifon|ttilifoun|l' adresse|ladresse|fin saken|fin sakna|"
    "رقم الهاتف|رقم هاتف|الهاتف|هاتفه|هاتفها|التيليفون|النمره ديال|نمرتو|نمرتها|عنوان|عنوانه|عنوانها|لادريسه|"
    "فين ساكن|فين ساكنه|اين يسكن"
)
PRIVATE_MARK = (
    "personnel|personnelle|prive|privee|perso=|de son domicile|de chez lui|de chez elle|الشخصي|الخاص|"
    "الخاصه|ديالو الخاص|ديالها الخاص|dyalo lkhass|dyalha lkhass|dyalo perso|dyalha perso|dyalo l' personnel"
)
OWN = (
    "mon numero|mon adresse|ma adresse|mon portable|رقمي|عنواني|my number|my address|ra9mi|l' adresse dyali|"
    "ladresse dyali|العنوان ديالي|النمره ديالي|الرقم ديالي|nmra dyali|ra9m dyali"
)
TITLED = (
    "re:(?:m\\.|mr\\.?|mme\\.?|mlle|monsieur|madame|mademoiselle|lalla|السيد|السيده|للسيد|للسيده|الاخ|الاخت)"
    "\\s+[a-z\u0621-\u064a]{3,}"
)
TITLED_DATA = (
    "donnees|infos|informations|dossier|situation|statut|coordonnees|fiche|casier|antecedents|adresse|"
    "numero|telephone|cin=|cnie|l' historique|historique|ma3lomat|lma3lomat|bayanat|lbayanat|les infos|"
    "معطيات|المعطيات|معلومات|المعلومات|بيانات|البيانات|ملف|الملف|وضعيه|الوضعيه|السوابق|سوابق|عنوان|رقم"
)
PLACE_OR_OFFICE = "mairie|commune|bureau|office|caidat|prefecture|agence|المقاطعه|القياده|الجماعه|العماله|مكتب"

WITHOUT_THEM = (
    "بلا بيها|بلا بيه|bla biha|bla bih=|sans elle|sans lui|من غيرها|من غيرو|بدونها|بدونه|bla ma tsini|bla ma ysini|"
    "bla ma tsigni|bla ma ysigni|بلا ما توقع|بلا ما يوقع|بلا ما تسني|بلا ما يسني|دون توقيعه|دون توقيعها|"
    "sans sa signature|sans qu' (il|elle) signe|ما بغاتش|ما بغاش|ma bghatch|ma bghach|ma bghatch t3tini|"
    "re:ne (?:le )?sait (?:pas|rien)(?! (?:lire|ecrire|signer))|وما عارفش|وهو ما عارفش|w ma 3arfch|"
    "refuse de me|refuse de (le|la) donner|رفضات تعطيني|رفض يعطيني|malgre son refus|contre son gre"
)
SIGN_FOR = (
    "signer a la place|signer pour lui|signer pour elle|signer a sa place|imiter sa signature|nsini blasto|"
    "nsini blastha|nsigni blasto|nsigni blastha|نسني بلاصتو|نسني بلاصتها|نوقع بلاصتو|نوقع بلاصتها|نوقع مكانه|"
    "نوقع مكانها|اوقع مكانه|اوقع مكانها|اوقع نيابه عنه|امضي مكانه|امضي بدلا منه"
)
PARENT = "mon pere|ma mere|mes parents|baba|bba=|mmi=|ابي|امي|والدي|والدتي|بابا|مامي|الواليد|الوالده"
MANDATE = "procuration|mandat|wakala|tawkil|وكاله|توكيل|بوكاله|بالوكاله|ووكاله"
HACK = (
    "pirater|hacker|hack=|craquer|"
    + dz_verb("hakki", "hacki", "pirati", "khter9", "khtare9", bare=False)
    + "|"
    + ar_verb("خترق", "هكر", "قرصن", bare=False)
    + "|اخترق=|نهاكي|ndkhol l compte d|ndkhol l compte dyal|ندخل للحساب ديال|ادخل الى حساب"
)
OTHERS_ACCOUNT = (
    "compte d chi|compte dyal chi|compte de quelqu' un|compte d' un autre|compte de mon|compte de ma|"
    "حساب شي واحد|حساب شخص|الحساب ديال شي|حسابو|حسابها|حسابه"
)
HACKED = (
    "a ete pirate|piratee|on m' a pirate|من الاختراق|بعد اختراق|تخترق|تعرض للاختراق|tkhtare9|t7ekka|thakka|"
    "proteger|حمايه|لحمايته|recuperer|استرجاع|نسترجع|نرجع|dyali|ديالي|mon compte|حسابي|my account"
)
KNOW_OR_GIVE = (
    "quel est|quelle est|c' est quoi|شنو هو|شنو هي|ما هو|ما هي|chno howa|chno hiya|"
    "savoir|connaitre|trouver|donne|donnez|dis moi|dites moi|اعرف|معرفه|نعرف|نعرفو|قول ليا|قولي|خبرني|تخبرني|"
    "اخبرني|عطيني|اعطني|n3ref|n3rf|9ol lia|goul lia|3tini|chouf lia|9elleb|قلب ليا|شوف ليا|جيب ليا|jib lia"
)

# --- the rules Dalil follows --------------------------------------------------------------------
RULES = (
    "regles|consignes|instructions|directives|lois|principes|parametres|reglages|configuration|config=|"
    "restrictions|limites|interdits|qawa3id|9awa3id|ta3limat|t3limat|9awanin|qawanin|lqawanin|l9awanin|"
    "القواعد|القوانين|التعليمات|الاوامر|الضوابط|الاعدادات|المبادئ|القيود|الحدود|التوجيهات"
)
YOU_FOLLOW = (
    "suis-tu|suis tu|tu suis|tu respectes|respectes tu|respectes-tu|tu obeis|obeis tu|obeis-tu|tu appliques|"
    "appliques tu|on t' a|qu' on t' a|qui te (guident|gouvernent|limitent|encadrent|dirigent)|te limitent|"
    "t' imposent|t' interdisent|t' empechent|tu dois suivre|tu es cense|tu fonctionnes|you follow|"
    "khdam bihom|khdam biha|khddam bihom|li katb3|li kattb3|katba3|kattabe3|mbrmj 3lihom|mbarmej 3lihom|"
    "3tawhom lik|3tawk|fardinhom 3lik|"
    "خدام بيهم|خدام بيها|خدام بيه|كتبع|كتتبع|كتخدم بيهم|كتخدم بيها|تتبعها|تتبعه|تلتزم بها|تعمل بها|تعمل وفقها|"
    "المفروضه عليك|مفروضه عليك|مبرمج عليها|مبرمج عليهم|عطاوهم ليك|اعطيت لك|اعطيت لك|زودت بها|زودوك بها"
)
