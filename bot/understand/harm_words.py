"""The words of harmful acts (bot/understand/harm_acts.py crosses them): what is done, to what, and the
lawful side of the same words. Written from how citizens phrase these requests in French, MSA,
Darija and Arabizi, never from an evaluation set. Groups follow bot/understand/word_groups.py
(``|`` alternatives, ``(x|y)`` expanded, ``=`` ends a word, ``re:`` a pattern of its own)."""

from __future__ import annotations

from bot.understand.safety_cues import DOCUMENT, OFFICIAL
from bot.understand.structure import OBLIGATION, RELATIVE

__all__ = ["DOCUMENT", "OBLIGATION", "OFFICIAL", "RELATIVE"]

# --- forgery ------------------------------------------------------------------------------------
# A document said to be untrue, or made to pass for true.
FAKE = (
    "bidon|fake=|bidouill|contrefai|falsifi|nfalsifi|mzayef|mzayyef|mzayfa|zayef|zayfa|مزيف|زايف|زايفه|"
    "مزور|مزوره|qui passe pour (vrai|vraie|authentique)|passe pour (un|une) vrai|comme (un|une) vrai|"
    "tban s7i7a|tban s7i7|tban shiha|tban vraie|machi s7i7a w|ماشي صحيحه و|تبان صحيحه|تبان حقيقيه|"
    "يبان حقيقي|تبدو حقيقيه|تبدو اصليه|يبدو حقيقيا|تظهر حقيقيه"
)
# Forge, imitate, inflate: the verb whose object is a document (ازور is also "I visit": the object decides).
FORGE = (
    "ازور|نزور|يزور|تزور|زور=|زورت|nzewwer|nzawwer|nzewer|nzouwer|zewwer|zawwer|nzouer|imiter|imite|"
    "reproduire le (tampon|cachet)|copier le (tampon|cachet)|n9elled|n9ellad|n9alled|nqelled|نقلد|اقلد|"
    "اصطنع|نصطنع|اصنع|نصنع|fabriquer|fabrique"
)
INFLATE = (
    "gonfler|gonfle|grossir le montant|augmenter le montant moi|nnefkh|nenfekh|نضخم|اضخم|تضخيم|ننفخ|انفخ|"
    "nzid f lmontant|nzid f l montant|nzid f lmablagh|nzid f salaire|nzid f ssalir|نزيد فالمبلغ|نزيد في المبلغ|"
    "ازيد المبلغ|ازيد في المبلغ|نزيد فالصالير|نطلع المبلغ|ارفع المبلغ"
)
AMOUNT = "montant|salaire|revenu|note|notes|المبلغ|الاجره|الاجر|الدخل|الراتب|النقط|lmontant|salir|lkhlsa|الخلصه"
# Changing what a document says, by oneself or so that nobody sees.
ALTER = (
    "modifier|modifie|changer|change|corriger|retoucher|effacer|bdel|nbdel|nbeddel|nbedel|nghayer|nghayyer|"
    "n3eddel|n3addel|بدل|نبدل|نغير|اغير|غير|تغيير|تعديل|نعدل|اعدل|نمسح|امسح|نبدلو"
)
FIELD = (
    "annee|age=|l'age|3omri|عمري|السن|date|nom=|prenom|photo|montant|note|notes|tampon|cachet|tarikh|ttarikh|"
    "smiya|ssmiya|tswira|"
    "التاريخ|تاريخ|الاسم|السميه|الصوره|التصويره|المبلغ|النقط|النقطه|الطابع|الختم"
)
UNSEEN = (
    "pour paraitre plus|pour etre plus jeune|bach nban sghir|باش نبان صغير|rajeunir|moi meme|moi-meme|"
    "par moi meme|soi meme|b rasi|brasi|b yeddi|b idi|بنفسي|براسي|بيدي|"
    "sans que (ca|personne|l'administration|on) |sans que ca se voie|sans qu'on le (voie|remarque)|"
    "ni vu ni connu|bla ma ybane|bla ma ybanch|bach ma ybanch|bla ma y3i9|bla ma yhe9|"
    "بلا ما يبان|باش ما يبانش|بلا ما يعيقو|دون ان يلاحظ|دون أن يلاحظ|بدون ان يلاحظ|بحيث لا يلاحظ|"
    "لا يلاحظ احد|ما يعيق حد|scanner|scann|السكانير|السكان=|photoshop|فوطوشوب|pdf"
)
# A status that is not one's own made to look so: a sham marriage, a fictitious job, an address one
# does not live at, an exam passed by someone else, another's signature or card used as one's own.
SHAM = (
    "mariage blanc|zwaj dyal lwra9|زواج ابيض|زواج صوري|"
    "sans y habiter|sans habiter|bla ma nskon|bla ma nkoun saken|بلا ما نسكن|بدون ما نسكن|دون ان اسكن|"
    "fausse adresse|adresse bidon|imiter la signature|imiter sa signature|n9elled signature|n9elled l'imda2|"
    "نقلد التوقيع|نقلد الامضاء|اقلد توقيع|tricher a l'examen|tricher au permis|nghech f|نغش ف|الغش في الامتحان"
)
SHAM_RE = (
    "re:(?:signature|التوقيع|الامضاء|l'imda2|imda)[^.?!]{0,40}(?:sans (?:sa|leur) presence|"
    "sans qu'(?:il|elle) (?:vienne|soit la)|bla ma (?:yji|tji|y7dar|t7dar)|بلا ما (?:يجي|تجي|يحضر|تحضر)|"
    "دون حضور|بدون حضور)|"
    "re:(?:utiliser|nkhdem b|نخدم ب|نستعمل|استعمل) (?:la |l )?"
    "(?:cin|carte|cnie|lakart|lbta9a|البطاقه|لاكارط|passeport|جواز) (?:de|dyal|ديال|d)|"
    "re:(?:passe|passer|ydouz|douz|يدوز|يجتاز|ydir) [^?.!]{0,30}(?:examen|الامتحان)[^?.!]{0,30}"
    "(?:a ma place|blasti|بلاصتي|بدلا مني|مكاني)"
)
FICTITIOUS = "fictif|fictive|صوري|صوريه|وهمي|وهميه"
FICTION_OF = (
    "contrat|emploi|travail|mariage|domicil|adresse|societe|facture|bail|3a9d|عقد|زواج|شركه|فاتوره|خدمه|عمل|كراء"
)
SCHOOL = "cours|exercice|devoir|prof=|ecole|roman|film|9raya|تمرين|الاستاذ|القسم|روايه"
# Building without the permit, a benefit without the right to it.
NO_PERMIT = (
    "construire sans (autorisation|permis)|batir sans (autorisation|permis)|nbni bla rokhsa|nbni bla rokhssa|"
    "نبني بلا رخصه|نبني بدون رخصه|البناء بدون رخصه|بلا رخصه ديال البني|طابق زايد بلا|etage sans autorisation"
)
UNDUE_BENEFIT = (
    "sans y avoir droit|sans avoir le droit|bla ma ykoun 3ndi l7a9|bla l7a9|بلا ما يكون عندي الحق|دون وجه حق|"
    "بدون وجه حق|baisser mon score|ن(نقص|هبط) السكور|nn9es score|nhbbet score|bach ybqa score|ما نستاهلش"
)
LEGALISE = "regularis|تسويه|نسوي الوضعيه|nsowi|sanction|عقوبه|amende pour"
BUY = "acheter=|achete=|achat d|nchri|ncheri|n7ell|نشري|اشتري|شراء|نشريو|يبيع لي|ybi3 lia|ybi3li|vend moi|vendre un"
# A document nobody buys: the fiscal stamp, the vignette and forms are bought lawfully.
BOUGHT_LAWFULLY = "timbre|tanber|تنبر|التنبر|الطابع الجبائي|vignette|لافينييت|formulaire|استماره|الاستماره|assurance"
SKIP_STEPS = (
    "sans (faire|passer) (les|par les) (demarches|procedures|etapes)|sans passer l'examen|sans examen|"
    "sans faire l'examen|bla examen|bla ma ndouz l'examen|bla ma ndouz lexamen|bla ijra2at|bla l'ijra2at|"
    "بدون امتحان|بلا امتحان|دون امتحان|بدون المرور|دون المرور|بلا ما ندوز|بدون اجراءات|بلا اجراءات|"
    "دون اجراءات|sans dossier|bla dossier|بلا ملف|بدون ملف"
)
# A document that is a person's status (not a stamp or a form).
STATUS_DOC = (
    DOCUMENT + "|casier|releve de notes|carte grise|السجل العدلي|كشف النقط|الديبلوم|ديبلوم|lpasspor|paspor|"
    # the Arabizi article glued to a French noun: "lacte", "l'attestation", "lpermis"
    "lacte|l acte|lattestation|lcertificat|ldiplome|lreleve|lcarte|lcin=|lcnie|lpasseport|lpassport|lcontrat|"
    "lfacture|lbulletin|lfiche|lextrait|lcasier"
)
# What nobody may buy: a diploma, an identity, a record, a licence (a stamp or a form may be bought).
UNBUYABLE = (
    "les notes|des notes|nnou9at|النقط|diplome|permis|cin=|cnie|passeport|passport|lpasspor|carte d'identite|"
    "carte nationale|acte de|certificat|"
    "attestation|releve de notes|bac=|baccalaureat|casier|carte grise|chahada|chahadat|lpermis|lbta9a|lbac=|"
    "شهاده|شهادات|ديبلوم|دبلوم|رخصه|بيرمي|جواز|باسبور|البطاقه الوطنيه|عقد الازدياد|عقد الزواج|السجل العدلي|"
    "كشف النقط|الباك=|باكالوريا|الاجازه|الماستر|master|licence"
)

# --- bribery ------------------------------------------------------------------------------------
HAND_OVER = (
    "donner|donne|glisser|filer|verser|offrir|n3ti|ne3ti|n3tih|n3tiha|n3tihom|nkhelles|nkhlles|ndfe3|"
    "نعطي|اعطي|نعطيه|نعطيها|نعطيهم|ادفع|ندفع|نخلص|payer le (fonctionnaire|policier|moqaddem|caid|agent)|"
    "payer l'agent|pourboire|بقشيش|tadwira|tedwira|التدويره"
)
MONEY = (
    "prix|tarif|thaman|taman|ثمن|الثمن|argent|de l'argent|billet|billets|combien|ch7al|chhal|chh7al|flous|"
    "lflous|l'argent|كم=|شحال|"
    "المال|مال=|فلوس|الفلوس|مبلغ|مبلغا|dh=|dirham|درهم|pourboire|بقشيش|en payant|contre paiement|b lflous|bl flous|"
    "bel flous|بالفلوس|بالمال|مقابل مبلغ"
)
FASTER = (
    "accelerer|accelere|plus vite|vite=|rapidement|sauter la file|passer avant|passer devant|avant les autres|"
    "sans attendre|sans faire la queue|en un jour|dans la journee|ysre3|yserre3|ysareb|dghya|fissa|"
    "9bel nas|9bel lnas|bla ma ntsenna|bla sra|ليسرع|يسرع|لتسريع|تسريع|بسرعه|دغيا|فيسع|قبل الناس|"
    "بلا ما نتسنا|بلا صف|بدون انتظار|دون انتظار"
)
# Connections and euphemisms for a bribe; a bribe asked for, and the asker wondering whether to pay.
FAVOUR = (
    "samsar|سمسار|simsar|intermediaire|f jibo|فجيبو|enveloppe|ظرف|lghlaf|zarf|من تحت|mn ta7t|par derriere|"
    "par la porte de derriere|geste=|un petit geste|piston|pistonner|wasta|واسطه|lktaf|الكتاف|lma3rifa|m3arif|"
    "معارف|ntfahem m3ah|ntfahmo m3ah|نتفاهم معاه|"
    "n9adi m3ah|n9adiha m3ah|نقاديها معاه|ndebber m3ah|ndbber m3ah|ندبر معاه|arranger avec le|s'arranger avec l"
)
PAY_OR_NOT = (
    "n9bel ?|nqbel ?|نقبل ؟|j' accepte ?|"
    "accepte (de l'argent|les billets|l'argent)|kay9bel lflous|kaychedd lflous|kayakhod lflous|yakhod flous|"
    "كيقبل الفلوس|كياخد الفلوس|ياخد الفلوس|يقبل الرشوه|n3tih wla|n3tih ola|n3tiha lih|نعطيه ولا|نعطيها ليه|"
    "واش نعطيه|هل اقبل|je paie ou|je lui donne ou|"
    "je donne ou pas|dois je payer ce qu|est ce que je donne|j'accepte de (payer|donner)"
)
CORRUPT = (
    "arroser le|graisser|nchehhem|nche77em|نشحم|nzeyyet|نزيت|corrompre|corromps|ncorrompi|ncorrompre|"
    "acheter le (juge|fonctionnaire|policier|controleur|caid)|"
    "nchri (l9adi|lmowadaf|lbolisi)|نرشي=|ارشي=|يرشي=|نرشيو=|نرشيه|نرشيها|ارشيه|ارشيها|نشري الموظف|"
    "نشري القاضي|اشتري ذمه|نشري ذمه"
)
TO_WHOM = "a qui|a quel|qui faut il|لمن|لشكون|l chkoun|lchkoun|chkoun n3ti|ل من|lmen|l men|lmin"

# --- escaping an obligation, and the police's check -----------------------------------------------
AVOID = "j'evite|j' evite|n'evite|n' evite|nevite|ntfada|ntfadda|ntfade|نتفادي|اتفادي|نتجنب|اتجنب|نتهرب|اتهرب"
DUE = (
    "المخالفه|مخالفه|pv=|proces verbal|amende|lamande|الغرامه|غرامه|الذعيره|"
    "cnss|impot|impots|fisc|taxe|tva=|dariba|darayb|الضريبه|الضرائب|الضمان الاجتماعي|الضمان|لاسنس|"
    "service militaire|tajnid|التجنيد|الخدمه العسكريه|النفقه|nafa9a|pension alimentaire"
)
STOPPED = (
    "sans me faire (choper|pincer|griller|remarquer|reperer)|sans etre (repere|decouvert|detecte)|"
    "sans qu'on me (trouve|decouvre|repere)|bla ma y3i9ou|ma y3i9och|bla ma y3i9 biya|bla ma yktachfouni|"
    "ما يعيقوش|بلا ما يعيقو بيا|بلا ما يكتاشفو|دون ان يكتشف|دون ان ينتبه|"
    "sans me faire (arreter|controler|prendre|attraper)|sans etre (arrete|controle|pris)|bla ma yw9founi|"
    "bla ma ychedouni|bach ma yw9founich|ma yw9founich|دون ان توقفني|دون أن توقفني|دون ان يوقفني|"
    "بلا ما يوقفوني|ما يوقفونيش|باش ما يوقفونيش|بدون ان تلقي علي|sans que la police|بلا ما يشدني"
)
WITHOUT_LICENCE = (
    "sans permis|bla permis|bla lpermis|بدون رخصه|بلا رخصه|بلا بيرمي|دون رخصه|sans assurance|bla assurance|"
    "بدون تامين|بلا تامين|sans carte grise|bla carte grise"
)

# --- another person's document or data ----------------------------------------------------------
NO_CONSENT = (
    "دون ان تعلم|دون ان يعلم|دون ان يعلموا|بدون ان تعلم|بدون ان يعلم|"
    "bla ma y3rf|bla ma t3rf|bla ma y3rfo|او توكيله|او توكيلها|ولا توكيله|ou procuration|"
    "sans (son|sa|leur) (accord|consentement|autorisation|permission)|sans l'accord|sans l' accord|"
    "sans qu'(il|elle) (soit|ne soit) au courant|sans qu'(il|elle) le sache|ni mandat|ni procuration|"
    "bla l'accord|bla l' accord|bla accord|bla ma ywafe9|bla ma twafe9|bla ma ywafa9|bla ma ywafeq|"
    "bla mowafa9to|bla mowafa9tha|بلا ما يوافق|بلا ما توافق|بدون موافقته|بدون موافقتها|دون موافقته|"
    "دون موافقتها|دون رضاه|دون رضاها|بلا رضاه|بلا موافقتو|بلا موافقتها|بلا علمو|بلا خبارو|bla khbaro|"
    "bla ma ykoun 3la bal|bla ma tkoun 3la bal|بلا ما يكون على بال|sans le lui dire|sans lui en parler|"
    # No mandate given ("ما عطانيش وكالة"), "à son insu", "من وراء ظهره": the act behind someone's back said
    # whatever else the message holds.
    "re:ما ?(?:عطاني|عطاتني|عطاونيش|داري|دارت)ش? ?(?:حتى )?(?:وكاله|توكيل|لوكاله|التوكيل|الوكاله|procuration)|"
    "re:ma ?3ta(?:ni|tni)(?:ch|sh)? ?(?:7ta )?(?:procuration|wakala|twkil|tawkil)|"
    "a son insu|a leur insu|dans son dos|derriere son dos|dans leur dos|sans le prevenir|sans la prevenir|"
    "sans les prevenir|sans l' en informer|sans la mettre au courant|sans le mettre au courant|"
    "دون علمه|دون علمها|بدون علمه|بدون علمها|من دون علمه|من دون علمها|دون اذنه|دون اذنها|بدون اذنه|بدون اذنها|"
    "دون اخباره|دون اخبارها|من وراء ظهره|من وراء ظهرها|من ورا ظهرو|من ورا ظهرها|بلا علمها|بلا خبارها|bla khbarha|"
    "bla 3elmo|bla 3elmha|mn wra dahro|mn wra dahrha"
)
# A third person who does not know, was not told, has no news ("ما يعرفوش", "bbah ma y3refch", "il le saura
# jamais", "en cachette"): said of a parent who cannot read or of a question asked ("ما عندوش خبار بالوثائق",
# "wach ma t3rfch fin…", "ma t3rfch lfrancais"), so it is a proxy without mandate only beside a relative's
# thing (``KIN_OF``: "ديال ختي", "de mon père", "weld khti"). Not "doesn't know how to read or sign, do"
# (a knowing verb followed by a verb or a where / how).
UNAWARE = (
    "ma3arfach|ma3arfch|ma3rfch|ma3rfach|mat3rfch|ماعارفاش|ماعارفش|"
    "لا يعلم|لا تعلم|ما عارفش|ما عارفاش|ma 3arfch|ma 3arfach|ma 3arfech|ma 3ndoch khbar|ma 3ndhach khbar|"
    "ما عندوش خبار|ما عندهاش خبار|il ne (le )?sait pas|elle ne (le )?sait pas|n' est pas au courant|en cachette|"
    "re:(?:ما ?|وما ?)(?:ي|ت)(?:عرف|عيق|فيق)(?:و|ها|هم)?ش(?![\\w])"
    "(?! ?(?:ي|ت|ن)?(?:قرا|كتب|سيني|مشي|تكلم|هضر|دير|دبر|خرج|جيب)|(?: ?(?:فين|كيفاش|اش|شنو|علاش|واش)))|"
    "re:ما ?(?:عندو|عندها|عندهم)ش? ?(?:حتى )?خبار|"
    "re:ma ?(?:y|t)(?:3rf|3ref|3arf|3erf|fi9)(?:o|ou|ha|hom)?(?:ch|sh)(?![\\w])"
    "(?! ?(?:y|t|n)?(?:9ra|qra|kteb|ktb|sini|mchi|tkellem|hder|hdr|dir|dber|khrej|jib)"
    "|(?: (?:fin|kifach|ach|chno|3lach|wach)))|"
    "re:ma ?3a?nd(?:o|ou|ha|hom)(?:ch|sh)? ?khbar|"
    "re:ma ?(?:khbbert|khbert|khbart|qolt|goult|9olt)(?:o|ou|ha|hom)(?:ch|sh)(?![\\w])|"
    "re:(?:il|elle|ils|elles) (?:ne )?(?:le |la )?saur(?:a|ont) (?:rien|pas|jamais)"
)
# A relative's thing or child: "الباسبور ديال ختي", "la voiture de mon père", "weld khti", "لأخي", or a thing
# of "his" or "hers" ("son passeport", "l'adresse dyalo") with a relative named in the message.
_kin = (
    "(?:mon |ma |mes )?(?:pere|mere|parents|frere|soeur|femme|mari|epoux|epouse|oncle|tante|cousin|cousine|"
    "voisin|voisine|grand-pere|grand-mere|grand pere|grand mere|beau-pere|belle-mere|associe|copine|copain|ami|amie|"
    "collegue|patron)|"
    "khoya|khouya|khti|bba|baba|mmi|mama|mrati|rajli|3mmi|3ammi|3emmi|khali|khalti|3emti|3mti|jari|jarti|"
    "sa7bi|sahbi|sa7bti|sahbti|jeddi|jedda|"
    "خويا|ختي|اخي|اختي|عمي|خالي|عمتي|خالتي|مراتي|راجلي|زوجتي|زوجي|الوالد|الواليد|الوالده|ابي|امي|بابا|ماما|"
    "مامي|جاري|جارتي|صاحبي|صاحبتي|صديقي|صديقتي|جدي|جدتي|نسيبي|نسيبتي"
)
KIN_OF = f"re:(?<![\\w])(?:dyal|dial|ديال|تاع|de|du|d'|d' |weld|bent|ould|ولد|بنت|pour|ل|لل) ?(?:{_kin})(?![\\w])"
KIN = f"re:(?<![\\w])(?:{_kin})(?![\\w])"
HIS_OR_HERS = (
    "re:(?<![\\w])(?:son|sa|ses) (?!(?:accord|consentement|place|insu)(?![\\w]))\\w+|"
    "dyalo|dyalha|dialo|dialha|diyalo|diyalha|ديالو|ديالها|ديالهم|dyalhom|"
    # done for him or her: "nkhrj liha passeport", "ndir lih AMO", "نخرج ليه شهادة"
    "lih=|liha=|lihom=|ليه=|ليها=|ليهم=|pour lui|pour elle"
)
# Asked of "you" ("واش ما تعرفش…", "wach ma t3rfch…"): the ت is the second person, not a third one.
ASKED_OF_YOU = "re:(?:wach|واش|ila|ida|ايلا|اذا|الا|هل) (?:ما ?ت|ma ?t)"
# Hiding what an obligation counts (income, employees), leaving without cause, not answering a summons,
# smuggling goods.
HIDE = "cacher|cachant|dissimul|planquer|nkhbi|nkhabi|nkhebbi|nkhfi|نخبي|نخفي|اخفي|اخبي|نخبع"
COUNTED = (
    "biens|mes biens|patrimoine|ممتلكات|الممتلكات|lamlak|l'heritage|الورث|l'argent de|chiffre d'affaires|"
    "revenu|revenus|employes|salaries|ouvriers|lkhddama|lkhdama|l3oummal|"
    "المداخيل|مداخيل|الدخل|الخدامه|الخدام|العمال|المستخدمين ديالي|رقم المعاملات"
)
WITHOUT_CAUSE = "sans raison|sans motif|sans justification|bla sabab|bla sbab|بدون سبب|بلا سبب|بدون مبرر|بلا مبرر"
NOT_ATTEND = (
    "ne pas repondre|ne pas aller|ne pas me presenter|ne pas y aller|ignorer la|ma nmchich|ma nemchich|"
    "ma n7derch|ma nhderch|ما نمشيش|ما نحضرش|نتجاهل|اتجاهل|لا اذهب|دون الحضور|بلا ما نحضر|bla ma n7der"
)
SUMMONS = "convocation|استدعاء|الاستدعاء|lconvocation|audience|الجلسه|jalsa|المحكمه|tribunal|tajnid|التجنيد"
SMUGGLE = (
    "contrebande|tahrib|تهريب|نهرب السلعه|nhreb sel3a|nharreb|sans dedouaner|bla ma ndedouani|"
    "sans passer par la douane|بلا ما ندوز على الديوانه|بدون المرور من الجمارك"
)
GOODS_UNPAID = (
    "re:(marchandise|marchandises|sel3a|ssel3a|سلعه|السلعه|السلع|البضائع|بضاعه) .{0,40}"
    "(bla ma nkhlles|bla ma nkhelles|بلا ما نخلص|دون اداء|بدون اداء)"
)
# Not doing the military service, unless the message names a lawful ground of exemption.
SKIP_SERVICE = (
    "re:(ne fasse pas|ne pas faire|ne fais pas|ma ydirch|ma ndirch|ma ydiroch|ma ydkhelch|ما يديرش|ما نديرش|ما يدخلش)"
    " .{0,20}(service militaire|tajnid|التجنيد|الخدمه العسكريه)"
)
EXEMPTION = (
    "exempt|dispense|soutien de famille|fils unique|malad|handicap|i3fa2|l'i3fa|اعفاء|الاعفاء|معيل|مريض|اعاقه|"
    "معاق|etudes|الدراسه|9raya"
)
# Another person's private matters: someone asked you, or what a relative or another earns or holds.
ASKED_YOU = (
    "t'a demande|t'ont demande|t'a pose|t'ont pose|t'a ecrit|t'ont ecrit|vous a demande|vous ont demande|"
    "les autres ont demande|les gens ont demande|sowlek|sowlok|sowlatek|sewlek|swlek|swlok|saloulek|sowlouk|"
    "sowlo nas|swlo nas|sowlo lnas|سولك|سولوك|سولاتك|سألك|سالك|سالوك|سألوك|طرح عليك|طرحو عليك|asked you"
)
WHO_WHAT = (
    "qui|quoi|ce que|wach|واش|هل|chkoun|chno|achno|شكون|شنو|اشنو|ما=|ماذا|بما|عما|من=|montre|affiche|werrini|"
    "وريني|dis moi"
)
PRIVATE = (
    "numero de cin|num de cin|numero de la cin|numero de carte|رقم البطاقه|رقم لاكارط|num dyal cin|numero dyal|"
    "ra9m|رقم=|email|e-mail|البريد|rib=|date de naissance|تاريخ الازدياد|تاريخ الميلاد|telephone|tilifoun|"
    "تيليفون|رقم الهاتف|adresse|ladresse|لادريسه|عنوان|dossier|salaire|revenus|compte bancaire|casier|dettes|"
    "solde|ch7al kaykhlles|ch7al kaychd|ch7al kayched|"
    "شحال كيخلص|شحال كيشد|الاجره|ديالو فالضريبه|سوابق|الديون|الحساب البنكي|ملف"
)
KNOW = (
    "c'est quoi|quel est|quelle est|ما هو|ما هي|شنو هو|شنو هي|chno howa|chnou|chno hiya|savoir|connaitre|"
    "voir le|voir la|voir son|voir sa|consulter|acceder|je veux le|je veux la|je veux son|"
    "n3ref|n3rf|nchouf|نعرف|نشوف|اطلع|الاطلاع|اعرف|montre|donne moi|3tini|عطيني|اعطني"
)
MANDATE = "procuration|mandat|wakala|tawkil|وكاله|توكيل|a sa place|bla9to|blastha|بلاصتو|بلاصتها|mineur|قاصر"

# Becoming an official one is not.
PASS_AS = (
    "me faire passer pour|se faire passer pour|faire passer pour|usurper|me presenter comme|nban b7al|nban bhal|"
    "nbane b7al|ndir rasi|ndir rassi|نبان بحال|ندير راسي|انتحل|انتحال|نتقمص|اتقمص|نتقمص دور|nt9emmes|"
    "ادعي اني|ندعي بلي|nban (fonctionnaire|agent|bolisi|moqaddem)|نبان موظف"
)
POSING_AS = OFFICIAL + "|ضابط|بوليسي|شرطي|الشرطه|bolisi|boulisi|policier|commune|الجماعه|صفه"
# Reporting or checking is the lawful side of the same words.
REPORT = (
    "signaler|signale|denoncer|denonce|porter plainte|plainte|ndir plainte|nchki|nechki|nbelle8|nballegh|"
    "nbelegh|nbligh|a qui m'adresser|a qui m' adresser|verifier (si|que|l'authenticite|l' authenticite)|"
    "comment verifier|comment savoir si|"
    "ابلغ|نبلغ|التبليغ|بلغ=|نشكي|اشتكي|شكايه|الشكايه|الي من اتوجه|لمن اتوجه|فين نتوجه|نتحقق|اتحقق|التحقق|"
    "نتاكد|اتاكد|victime|ضحيه|t9der tchouf wach|"
    # a complaint, or the citizen as the one deceived ("j'ai reçu un faux", "a été falsifiée par le vendeur")
    "reclamation|reclamer|recours|شكوى|تظلم|j' ai recu un faux|j' ai recu une fausse|j' ai decouvert|"
    "a ete falsifi|ont ete falsifi|a ete contrefai|a ete trafiqu|par le vendeur|on m' a vendu|on m' a donne un faux|"
    "ta3rdt l|t3rdt l|tnsab 3liya|tnesbat 3liya|nsbo 3liya|nassbo 3liya|اكتشفت|تعرضت ل|نصبو عليا|تنصب عليا|"
    "باعو ليا|توصلت ب|"
    # the same report in Darija's other spellings ("nbl7 3la rachwa", "ndir chikaya"), and an unlawful offer the
    # citizen turned down before asking the lawful way ("j'ai refusé", "ana rfdt", "وأنا رفضت")
    "nbl7|nbelle7|nballe7|nbele7|nballa7|chikaya|chekaya|cheqaya|j' ai refuse|j'ai refuse|ana rfdt|rfdt=|"
    "رفضت|ورفضت|je n' ai pas accepte|ma 9bltch|ما قبلتش"
)
CONTROL = "controle|inspection|inspecteur|المراقبه|الرقابه|المفتش|mora9aba|radar|الرادار|barrage|الباراج"
COURT = (
    "tribunal|mahkama|lmahkama|المحكمه|divorce|tala9|الطلاق|saisie|الحجز|heritiers|الورثه|mon ex|طليقتي|"
    "طليقي|mes soeurs|khawati|خواتاتي"
)
# A card's or a car plate's number, and whose it is.
ID_NUMBER = "re:[a-z]{1,2}\\d{4,7}(?![\\w])"
PLATE = "re:\\d{2,6}\\s*[-/]\\s*[a-z\u0621-\u064a]\\s*[-/]\\s*\\d{1,2}(?![\\w])"
WHOSE = (
    "a qui appartient|appartient a qui|titulaire|proprietaire|mol=|moul=|dyal chkoun|ديال شكون|لمن|صاحب|"
    "chkoun|qui est|smiya|السميه|nom du|nom de|l'adresse|adresse|3ando|عندو|عندها|3andha|لدي"
)
OWN = "ma cin|ma carte|mon numero|mon permis|ma voiture|dyali|ديالي|ديالتي|بطاقتي|رقمي"
# A document that says one works, studies or lives where one does not.
NOT_SO = (
    "sans travailler|sans etre salarie|sans jamais travailler|sans etre inscrit|sans etre etudiant|bla ma nkhdem|"
    "bla ma nkoun khdam|bla ma nkoun mssjel|bla ma nkoun talib|بلا ما نخدم|بدون ما نخدم|دون ان اعمل|دون ان اشتغل|"
    "بلا ما نكون مسجل|بلا ما نقرا"
)
MONEY_IN_FILE = (
    "re:(?:billet|\\d+ ?dh|\\d+ ?درهم|فلوس|flous)[^.?!]{0,25}(?:dans le dossier|dans le passeport|f dossier|f lmelf|"
    "فالملف|وسط الملف|مع الوراق|m3a lwra9)"
)
