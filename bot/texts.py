"""Every fixed text Dalil says, in French, Arabic (MSA) and Darija, and the one helper that picks a
language's version of a procedure field.

Darija framing is written in Arabic script; the procedure facts inside Darija answers stay in MSA
(:func:`pick`). Adding a language means adding its column here (and to the knowledge schema).
"""

from __future__ import annotations

from typing import Literal, Protocol, TypeVar

from bot.types import AnswerLang, AnswerStatus

NATIONAL_PORTAL = "https://www.idarati.ma"

# Labels of the admin UI and logs for each status.
STATUS_LABELS: dict[AnswerStatus, str] = {
    AnswerStatus.ANSWERED: "Answered from the knowledge base",
    AnswerStatus.CLARIFICATION: "Asked the citizen to choose between procedures",
    AnswerStatus.OUT_OF_SCOPE: "Not an administrative procedure",
    AnswerStatus.REFUSED: "Refused (harmful intent, instruction override or manipulation attempt)",
    AnswerStatus.NOT_COVERED: "An administrative procedure that is not in the knowledge base yet",
    AnswerStatus.DECLINED: "Declined (opinion, prediction, personal case or legal advice)",
    AnswerStatus.SOCIAL: "Conversation basics (greeting, thanks, goodbye, who/what is Dalil, help)",
    AnswerStatus.NO_ANSWER: "No procedure found or internal error",
}

# What Dalil answers instead of a procedure card, and the framing around a card.
_ANSWERS: dict[str, dict[AnswerLang, str]] = {
    "out_of_scope": {
        "fr": "Je suis Dalil, l'assistant des démarches administratives marocaines : je ne peux pas répondre à "
        "cette question. Je peux vous dire quels documents fournir, où aller, les frais et délais connus "
        "pour une démarche (CNIE, passeport, état civil, permis, entreprise, CNSS…). Pour toutes les "
        f"démarches, consultez le portail national : {NATIONAL_PORTAL}",
        "ar": "أنا دليل، مساعد المساطر الإدارية المغربية، ولا يمكنني الإجابة عن هذا السؤال. يمكنني أن أخبرك بالوثائق "
        "المطلوبة ومكان الإيداع والرسوم والآجال المعروفة لمسطرة إدارية (البطاقة الوطنية، جواز السفر، الحالة "
        f"المدنية، رخصة السياقة، المقاولة، الضمان الاجتماعي…). لجميع المساطر راجع البوابة الوطنية: {NATIONAL_PORTAL}",
        "darija": "أنا دليل، كنعاون غير فالإجراءات الإدارية المغربية، وهاد السؤال ماشي من اختصاصي. نقدر نقول ليك شنو "
        "الوراق اللي خاصك، فين تمشي، وشحال الخلاص والمدة إلا كانت معروفة (لاكارط، الباسبور، الحالة المدنية، "
        f"البيرمي، الشركة، الضمان الاجتماعي…). شوف حتى البوابة الوطنية: {NATIONAL_PORTAL}",
    },
    "refused": {
        "fr": "Je ne peux pas faire cela. Je réponds uniquement à partir des fiches officielles de ma base, avec "
        f"leurs liens officiels. Posez-moi votre question sur une démarche administrative. ({NATIONAL_PORTAL})",
        "ar": "لا يمكنني القيام بذلك. أجيب فقط انطلاقا من البطاقات الرسمية في قاعدتي مع روابطها الرسمية. "
        f"اطرح سؤالك حول مسطرة إدارية. ({NATIONAL_PORTAL})",
        "darija": "ما نقدرش ندير هادشي. كنجاوب غير من المعلومات الرسمية اللي عندي مع الروابط ديالها. "
        f"سولني على شي إجراء إداري. ({NATIONAL_PORTAL})",
    },
    "not_covered": {
        "fr": "Cette démarche n'est pas encore dans ma base : je préfère ne pas vous donner d'informations non "
        "vérifiées. Vous la trouverez sur le portail national des procédures, ou auprès de l'administration "
        f"concernée : {NATIONAL_PORTAL}",
        "ar": "هذه المسطرة ليست في قاعدتي بعد، ولا أريد أن أعطيك معلومات غير موثقة. ستجدها في البوابة الوطنية "
        f"للمساطر أو لدى الإدارة المعنية: {NATIONAL_PORTAL}",
        "darija": "هاد الإجراء مازال ما عنديش فالقاعدة ديالي، وما بغيتش نعطيك معلومات ما متأكدش منها. تلقاه "
        f"فالبوابة الوطنية ديال الإجراءات ولا عند الإدارة المعنية: {NATIONAL_PORTAL}",
    },
    "declined": {
        "fr": "Je ne peux pas donner d'avis ni prédire l'issue d'un dossier ou d'une affaire, et je ne vois pas "
        "les dossiers personnels. Je peux vous dire comment se fait une démarche : documents, étapes, lieu, "
        "frais et délais. Pour votre cas, adressez-vous à l'administration concernée ; pour un conseil "
        "juridique, à un avocat ou à l'aide juridictionnelle du tribunal.",
        "ar": "لا يمكنني إبداء رأي أو توقع نتيجة ملف أو قضية، ولا أطلع على الملفات الشخصية. يمكنني أن أشرح لك "
        "كيف تتم المسطرة: الوثائق والخطوات والمكان والرسوم والآجال. بالنسبة لحالتك توجه إلى الإدارة المعنية، "
        "وللاستشارة القانونية إلى محام أو إلى مكتب المساعدة القضائية بالمحكمة.",
        "darija": "ما نقدرش نعطيك رأيي ولا نقول ليك شنو غادي يطرا فالملف ولا فالقضية ديالك، وما كنشوفش الملفات "
        "الشخصية. نقدر نشرح ليك كيفاش كيدار الإجراء: الوراق، الخطوات، فين تمشي، الخلاص والمدة. على حالتك "
        "سول الإدارة المعنية، وعلى الاستشارة القانونية شي محامي ولا المساعدة القضائية فالمحكمة.",
    },
    "declined_line": {
        "fr": "Je ne donne pas d'avis sur les cas personnels, mais voici la démarche :",
        "ar": "لا أبدي رأيا في الحالات الشخصية، لكن هذه هي المسطرة:",
        "darija": "ما كنعطيش رأيي فالحالات الشخصية، ولكن هاهو الإجراء:",
    },
    "refused_harm": {
        "fr": "Je ne peux pas vous aider à faire cela : c'est contraire à la loi ou aux droits d'autrui. Je peux "
        "en revanche vous expliquer la démarche officielle.",
        "ar": "لا يمكنني مساعدتك في ذلك، فهو مخالف للقانون أو لحقوق الغير. يمكنني في المقابل أن أشرح لك المسطرة "
        "الرسمية.",
        "darija": "ما نقدرش نعاونك فهادشي، حيت مخالف للقانون ولا لحقوق الناس. ولكن نقدر نشرح ليك الإجراء الرسمي.",
    },
    "refused_harm_line": {
        "fr": "Je ne peux pas vous aider pour la première partie de votre demande, contraire à la loi. Pour la "
        "démarche officielle :",
        "ar": "لا يمكنني مساعدتك في الجزء الأول من طلبك لأنه مخالف للقانون. أما المسطرة الرسمية:",
        "darija": "ما نقدرش نعاونك فالجزء الأول ديال الطلب ديالك حيت مخالف للقانون. أما الإجراء الرسمي:",
    },
    "refused_data": {
        "fr": "Je n'ai accès aux données de personne et je ne communique aucune information sur d'autres personnes "
        "ou d'autres conversations. Je peux vous expliquer une démarche administrative.",
        "ar": "لا أطلع على بيانات أي شخص ولا أقدم أي معلومات عن أشخاص آخرين أو محادثات أخرى. يمكنني أن أشرح لك "
        "مسطرة إدارية.",
        "darija": "ما عنديش البيانات ديال حتى واحد وما كنعطي حتى معلومة على ناس آخرين ولا على محادثات أخرى. نقدر "
        "نشرح ليك شي إجراء إداري.",
    },
    "lawful_way": {"fr": "La démarche officielle", "ar": "المسطرة الرسمية", "darija": "الإجراء الرسمي"},
    "social_greeting": {
        "fr": "Bonjour ! Je suis Dalil, je vous aide dans vos démarches administratives au Maroc. Posez-moi votre "
        "question, par exemple : « Comment renouveler ma CIN ? » ou « Quels papiers pour un passeport ? »",
        "ar": "مرحبا! أنا دليل، أساعدك في المساطر الإدارية بالمغرب. اطرح سؤالك، مثلا: «كيف أجدد بطاقتي الوطنية؟» "
        "أو «ما هي وثائق جواز السفر؟»",
        "darija": "أهلا وسهلا! أنا دليل، كنعاونك فالإجراءات الإدارية فالمغرب. سولني مثلا: «كيفاش نجدد لاكارط "
        "ناسيونال؟» ولا «شنو الوراق ديال الباسبور؟»",
    },
    # Returned before a decline when the message opened with a greeting or thanks ("Bonjour, les
    # turbulences c'est dangereux ?").
    "greeting_back": {"fr": "Bonjour !", "ar": "مرحبا!", "darija": "أهلا وسهلا!"},
    "thanks_back": {"fr": "Merci à vous !", "ar": "شكرا لك!", "darija": "الله يحفظك!"},
    "social_thanks": {
        "fr": "Avec plaisir ! Si vous avez une autre question sur une démarche, je suis là.",
        "ar": "عفوا، بكل سرور! إذا كان لديك سؤال آخر حول مسطرة إدارية فأنا هنا.",
        "darija": "بلا جميل! إلا كان عندك شي سؤال آخر على شي إجراء، أنا هنا.",
    },
    "social_goodbye": {
        "fr": "Au revoir, et bon courage pour vos démarches !",
        "ar": "مع السلامة، بالتوفيق في مساطرك!",
        "darija": "بالسلامة، الله يسهل عليك فالإجراءات ديالك!",
    },
    "social_who": {
        "fr": "Je suis Dalil, un assistant automatique (pas une personne) pour les démarches administratives au "
        "Maroc. Je réponds à partir de fiches vérifiées, avec le lien officiel de chaque démarche. Je ne vois "
        "pas les dossiers personnels : pour votre dossier, adressez-vous à l'administration concernée.",
        "ar": "أنا دليل، مساعد آلي (لست شخصا) للمساطر الإدارية بالمغرب. أجيب انطلاقا من بطاقات موثقة مع الرابط "
        "الرسمي لكل مسطرة. لا أطلع على الملفات الشخصية: بخصوص ملفك توجه إلى الإدارة المعنية.",
        "darija": "أنا دليل، مساعد أوتوماتيكي (ماشي بنادم) فالإجراءات الإدارية فالمغرب. كنجاوب من معلومات "
        "متأكد منها مع الرابط الرسمي ديال كل إجراء. ما كنشوفش الملفات الشخصية: على الملف ديالك سول الإدارة.",
    },
    "social_capabilities": {
        "fr": "Pour une démarche (CIN, passeport, état civil, permis, entreprise, CNSS…), je vous dis les "
        "documents à fournir, les étapes, où aller, les frais et délais connus, avec le lien officiel. Je ne "
        "peux pas déposer une demande, prendre un rendez-vous ni consulter un dossier à votre place.",
        "ar": "بالنسبة لأي مسطرة (البطاقة الوطنية، جواز السفر، الحالة المدنية، رخصة السياقة، المقاولة، الضمان "
        "الاجتماعي…) أخبرك بالوثائق والخطوات والمكان والرسوم والآجال المعروفة مع الرابط الرسمي. لا يمكنني "
        "إيداع طلب أو حجز موعد أو الاطلاع على ملف نيابة عنك.",
        "darija": "على أي إجراء (لاكارط، الباسبور، الحالة المدنية، البيرمي، الشركة، الضمان الاجتماعي…) نقول ليك "
        "الوراق، الخطوات، فين تمشي، والخلاص والمدة إلا كانو معروفين، مع الرابط الرسمي. ما نقدرش نحط الطلب، "
        "ناخد الموعد ولا نشوف الملف فبلاصتك.",
    },
    "social_help": {
        "fr": "Je suis là pour vous aider. Dites-moi quelle démarche vous concerne (par exemple « renouveler mon "
        "passeport »), ou choisissez ci-dessous.",
        "ar": "أنا هنا لمساعدتك. أخبرني بالمسطرة التي تعنيك (مثلا «تجديد جواز السفر»)، أو اختر مما يلي.",
        "darija": "أنا هنا باش نعاونك. قول ليا شنو الإجراء اللي كيهمك (بحال «نجدد الباسبور»)، ولا ختار من "
        "هادو.",
    },
    "no_answer": {
        "fr": "Je n'ai pas trouvé de démarche correspondant à votre question dans ma base. Pouvez-vous préciser "
        f"le document ou la démarche (par exemple « renouveler mon passeport ») ? Vous pouvez aussi chercher "
        f"sur le portail national des procédures : {NATIONAL_PORTAL}",
        "ar": "لم أجد مسطرة تطابق سؤالك في قاعدتي. هل يمكنك تحديد الوثيقة أو المسطرة (مثلا «تجديد جواز السفر»)؟ "
        f"يمكنك أيضا البحث في البوابة الوطنية للمساطر: {NATIONAL_PORTAL}",
        "darija": "ما لقيتش شي إجراء كيتوافق مع السؤال ديالك. واش تقدر توضح ليا شنو الوثيقة ولا الإجراء (بحال «نجدد "
        f"الباسبور»)؟ تقدر تقلب حتى فالبوابة الوطنية: {NATIONAL_PORTAL}",
    },
    "error": {
        "fr": "Désolé, un problème technique m'empêche de répondre maintenant. Réessayez dans un instant, ou "
        f"consultez le portail national : {NATIONAL_PORTAL}",
        "ar": f"عذرا، مشكل تقني يمنعني من الإجابة الآن. حاول بعد لحظات أو راجع البوابة الوطنية: {NATIONAL_PORTAL}",
        "darija": f"سمح ليا، كاين مشكل تقني دابا. عاود من بعد شوية ولا شوف البوابة الوطنية: {NATIONAL_PORTAL}",
    },
    "clarify": {
        "fr": "Votre question peut concerner plusieurs démarches. Laquelle vous intéresse ?",
        "ar": "قد يتعلق سؤالك بأكثر من مسطرة. أيها تقصد؟",
        "darija": "السؤال ديالك يقدر يكون على شي إجراء من هادو. شنو اللي بغيتي بالضبط؟",
    },
    "darija_intro": {
        "darija": "هاهي المعلومات اللي عندي على هاد الإجراء:",
        "fr": "",
        "ar": "",
    },
    "french_version": {
        "darija": "بغيتي هاد الجواب بالفرنسية؟ اختار «Français».",
        "fr": "",
        "ar": "",
    },
    "see_also": {"fr": "Voir aussi", "ar": "انظر أيضا", "darija": "شوف حتى"},
}

# Headings and labels of the procedure card.
_CARD: dict[str, dict[AnswerLang, str]] = {
    "what": {"fr": "De quoi s'agit-il", "ar": "ما هي المسطرة", "darija": "ما هي المسطرة"},
    "who": {"fr": "Qui est concerné", "ar": "المعنيون", "darija": "المعنيون"},
    "documents": {"fr": "Documents à fournir", "ar": "الوثائق المطلوبة", "darija": "الوثائق المطلوبة"},
    "steps": {"fr": "Étapes", "ar": "الخطوات", "darija": "الخطوات"},
    "fees": {"fr": "Frais", "ar": "الرسوم", "darija": "الرسوم"},
    "delay": {"fr": "Délai", "ar": "الآجال", "darija": "الآجال"},
    "where": {"fr": "Où s'adresser", "ar": "أين تودع الطلب", "darija": "أين تودع الطلب"},
    "online": {"fr": "En ligne", "ar": "عبر الإنترنت", "darija": "عبر الإنترنت"},
    "notes": {"fr": "À savoir", "ar": "ملاحظات", "darija": "ملاحظات"},
    "source": {"fr": "Source officielle", "ar": "المصدر الرسمي", "darija": "المصدر الرسمي"},
    "verified": {"fr": "vérifié le", "ar": "تم التحقق في", "darija": "تم التحقق في"},
    # A field the knowledge base lacks, after its label: the words agree with the label's noun
    # ("الرسوم: غير محددة", "Délai : non précisé").
    "missing_documents": {
        "fr": "non précisés dans notre base : consultez la page officielle ci-dessous.",
        "ar": "غير محددة في قاعدتنا: راجع الصفحة الرسمية أدناه.",
        "darija": "غير محددة في قاعدتنا: راجع الصفحة الرسمية أدناه.",
    },
    "missing_fees": {
        "fr": "non précisés dans notre base : consultez la page officielle ci-dessous.",
        "ar": "غير محددة في قاعدتنا: راجع الصفحة الرسمية أدناه.",
        "darija": "غير محددة في قاعدتنا: راجع الصفحة الرسمية أدناه.",
    },
    "missing_delay": {
        "fr": "non précisé dans notre base : consultez la page officielle ci-dessous.",
        "ar": "غير محددة في قاعدتنا: راجع الصفحة الرسمية أدناه.",
        "darija": "غير محددة في قاعدتنا: راجع الصفحة الرسمية أدناه.",
    },
    "missing_steps": {
        "fr": "non précisées dans notre base : consultez la page officielle ci-dessous.",
        "ar": "غير محددة في قاعدتنا: راجع الصفحة الرسمية أدناه.",
        "darija": "غير محددة في قاعدتنا: راجع الصفحة الرسمية أدناه.",
    },
    "missing_online": {
        "fr": "non précisé dans notre base : consultez la page officielle ci-dessous.",
        "ar": "غير محدد في قاعدتنا: راجع الصفحة الرسمية أدناه.",
        "darija": "غير محدد في قاعدتنا: راجع الصفحة الرسمية أدناه.",
    },
    "authority": {"fr": "Administration", "ar": "الإدارة", "darija": "الإدارة"},
    # Between a label and its value: French typography wants a space before the colon.
    "colon": {"fr": " : ", "ar": ": ", "darija": ": "},
}

# What Dalil says on WhatsApp besides answers. When the citizen's language is not known yet (a first
# message that is a sticker), French and Darija are both sent.
_WHATSAPP: dict[str, dict[AnswerLang, str]] = {
    "unsupported": {
        "fr": "Je lis les messages écrits et les notes vocales. Écrivez-moi ou envoyez une note vocale avec "
        "votre question sur une démarche administrative.",
        "ar": "أقرأ الرسائل المكتوبة والرسائل الصوتية. اكتب سؤالك حول مسطرة إدارية أو أرسله في رسالة صوتية.",
        "darija": "كنقرا غير الرسائل المكتوبة والأوديوهات. كتب ليا سؤالك على شي إجراء إداري ولا صيفطو فأوديو.",
    },
    "rate_limited": {
        "fr": "Vous m'envoyez beaucoup de messages : je réponds à {n} messages par minute au plus. Attendez une "
        "minute, puis reposez votre question.",
        "ar": "وصلتني رسائل كثيرة: أجيب عن {n} رسالة في الدقيقة على الأكثر. انتظر دقيقة ثم أعد طرح سؤالك.",
        "darija": "صيفطتي بزاف ديال الرسائل: كنجاوب على {n} رسالة فالدقيقة على الأكثر. تسنى دقيقة وعاود سولني.",
    },
    "voice_too_long": {
        "fr": "Votre note vocale est trop longue ou trop lourde. Envoyez une note plus courte (deux minutes au "
        "plus) ou écrivez votre question.",
        "ar": "رسالتك الصوتية طويلة أو كبيرة جدا. أرسل رسالة أقصر (دقيقتان على الأكثر) أو اكتب سؤالك.",
        "darija": "الأوديو ديالك طويل بزاف. صيفط أوديو قصير (جوج دقايق على الأكثر) ولا كتب السؤال ديالك.",
    },
    "no_speech": {
        "fr": "Je n'ai pas entendu de question dans cette note vocale. Parlez près du micro, ou écrivez votre "
        "question.",
        "ar": "لم أسمع سؤالا في هذه الرسالة الصوتية. تكلم قرب الميكروفون أو اكتب سؤالك.",
        "darija": "ما سمعت حتى سؤال فهاد الأوديو. هضر قريب من الميكرو ولا كتب السؤال ديالك.",
    },
    "voice_failed": {
        "fr": "Je n'ai pas pu écouter votre note vocale. Réessayez, ou écrivez votre question.",
        "ar": "لم أتمكن من الاستماع إلى رسالتك الصوتية. أعد المحاولة أو اكتب سؤالك.",
        "darija": "ما قدرتش نسمع الأوديو ديالك. عاود صيفطو ولا كتب السؤال ديالك.",
    },
    "heard": {
        "fr": "🎙️ J'ai compris : _« {text} »_",
        "ar": "🎙️ فهمت: _«{text}»_",
        "darija": "🎙️ فهمت: _«{text}»_",
    },
    "confirm_heard": {
        "fr": "🎙️ J'ai compris : « {text} ». C'est bien votre question ?",
        "ar": "🎙️ فهمت: «{text}». هل هذا هو سؤالك؟",
        "darija": "🎙️ فهمت: «{text}». واش هادا هو السؤال ديالك؟",
    },
    "confirm_yes": {"fr": "Oui", "ar": "نعم", "darija": "إيه"},
    "confirm_retype": {"fr": "Je le réécris", "ar": "سأكتبه", "darija": "غادي نكتبو"},
    "retype": {
        "fr": "D'accord : écrivez votre question, je vous réponds tout de suite.",
        "ar": "حسنا: اكتب سؤالك وسأجيبك فورا.",
        "darija": "واخا: كتب ليا السؤال ديالك ونجاوبك دابا.",
    },
    "confirm_gone": {
        "fr": "Je ne retrouve plus ce message vocal. Envoyez-le à nouveau ou écrivez votre question.",
        "ar": "لم أعد أجد هذه الرسالة الصوتية. أرسلها من جديد أو اكتب سؤالك.",
        "darija": "ما بقيتش لاقي هاد الأوديو. عاود صيفطو ولا كتب السؤال ديالك.",
    },
    "list_button": {"fr": "Choisir", "ar": "اختر", "darija": "ختار"},
    "french_button": {"fr": "Français", "ar": "Français", "darija": "Français"},
    "details_prompt": {
        "fr": "La fiche complète est à un clic :",
        "ar": "البطاقة الكاملة للمسطرة:",
        "darija": "باش تشوف كلشي على هاد الإجراء:",
    },
}

# The short answer's labels and stock phrases. Darija framing is Darija (reviewed against
# shared/data/darija/curated/darija_query_expansion_seed.tsv: الوراق, خاصك, الوقت, فين, شكون,
# يقدر, شي حد, بلاصتك, كيفاش, الأنترنيت, شوف, شحال, تخلص) and checked with our own detector (each label reads
# as Darija: tests/unit/test_short_answers.py); the facts inside stay as the knowledge base writes them.
_SHORT: dict[str, dict[AnswerLang, str]] = {
    "short_documents": {"fr": "Documents à fournir", "ar": "الوثائق المطلوبة", "darija": "الوراق اللي خاصك"},
    "short_fees": {"fr": "Frais", "ar": "الرسوم", "darija": "شحال خاصك تخلص"},
    "short_delay": {"fr": "Délai", "ar": "الآجال", "darija": "شحال ديال الوقت كتاخد"},
    "short_where": {"fr": "Où s'adresser", "ar": "أين تودع الطلب", "darija": "فين تمشي"},
    "short_online": {"fr": "En ligne", "ar": "عبر الإنترنت", "darija": "واش كاينة فالأنترنيت"},
    "short_steps": {"fr": "Étapes", "ar": "الخطوات", "darija": "كيفاش دير"},
    "short_eligibility": {"fr": "Qui est concerné", "ar": "المعنيون", "darija": "شكون يقدر يطلبها"},
    "short_validity": {"fr": "Validité", "ar": "مدة الصلاحية", "darija": "شحال كتبقى صالحة"},
    "short_proxy": {
        "fr": "Faire la démarche pour quelqu'un d'autre",
        "ar": "القيام بالمسطرة نيابة عن شخص آخر",
        "darija": "واش يقدر شي حد يديرها بلاصتك",
    },
    "short_source": {"fr": "Page officielle", "ar": "الصفحة الرسمية", "darija": "الصفحة الرسمية"},
    # A fact the same in every variant of a family, answered for all of them (bot/answer/clarify.py).
    "short_same_for_all": {
        "fr": "C'est la même chose pour chacune de ces démarches (choisissez la vôtre pour le reste)",
        "ar": "ينطبق هذا على كل هذه المساطر (اختر مسطرتك لمعرفة الباقي)",
        "darija": "هادشي بحال بحال فهاد الإجراءات كاملين (ختار ديالك باش تعرف الباقي)",
    },
    "to_confirm": {
        "fr": "(à confirmer sur la page officielle)",
        "ar": "(يرجى التأكد منها في الصفحة الرسمية)",
        "darija": "(خاصك تأكد منها فالصفحة الرسمية)",
    },
    "short_missing_documents": {
        "fr": "La liste des documents n'est pas précisée dans notre base : consultez la page officielle.",
        "ar": "لائحة الوثائق غير محددة في قاعدتنا: راجع الصفحة الرسمية.",
        "darija": "ماعندناش لائحة الوراق: شوف الصفحة الرسمية.",
    },
    "short_missing_fees": {
        "fr": "Les frais ne sont pas précisés dans notre base : consultez la page officielle.",
        "ar": "الرسوم غير محددة في قاعدتنا: راجع الصفحة الرسمية.",
        "darija": "ماعندناش شحال كتخلص: شوف الصفحة الرسمية.",
    },
    "short_missing_delay": {
        "fr": "Le délai n'est pas précisé dans notre base : consultez la page officielle.",
        "ar": "الآجال غير محددة في قاعدتنا: راجع الصفحة الرسمية.",
        "darija": "ماعندناش شحال ديال الوقت كتاخد: شوف الصفحة الرسمية.",
    },
    "short_missing_online": {
        "fr": "Notre base ne dit pas si la démarche se fait en ligne : consultez la page officielle.",
        "ar": "لا تذكر قاعدتنا إمكانية القيام بهذه المسطرة عبر الإنترنت: راجع الصفحة الرسمية.",
        "darija": "ماعندناش واش كتدار فالأنترنيت: شوف الصفحة الرسمية.",
    },
    "short_missing_steps": {
        "fr": "Les étapes ne sont pas détaillées dans notre base : consultez la page officielle.",
        "ar": "الخطوات غير مفصلة في قاعدتنا: راجع الصفحة الرسمية.",
        "darija": "ماعندناش الخطوات بالتفصيل: شوف الصفحة الرسمية.",
    },
    "short_missing_where": {
        "fr": "Le lieu de dépôt n'est pas précisé dans notre base : consultez la page officielle.",
        "ar": "مكان الإيداع غير محدد في قاعدتنا: راجع الصفحة الرسمية.",
        "darija": "ماعندناش فين تمشي: شوف الصفحة الرسمية.",
    },
    "short_missing_eligibility": {
        "fr": "Notre base ne précise pas qui est concerné : consultez la page officielle.",
        "ar": "لا تحدد قاعدتنا المعنيين بهذه المسطرة: راجع الصفحة الرسمية.",
        "darija": "ماعندناش شكون يقدر يطلبها: شوف الصفحة الرسمية.",
    },
    "short_missing_validity": {
        "fr": "La durée de validité n'est pas précisée dans notre base : consultez la page officielle.",
        "ar": "مدة الصلاحية غير محددة في قاعدتنا: راجع الصفحة الرسمية.",
        "darija": "ماعندناش شحال كتبقى صالحة: شوف الصفحة الرسمية.",
    },
    "short_missing_proxy": {
        "fr": "Notre base ne dit pas si quelqu'un d'autre peut faire la démarche à votre place : demandez au "
        "service concerné ou consultez la page officielle.",
        "ar": "لا تذكر قاعدتنا إمكانية قيام شخص آخر بهذه المسطرة نيابة عنك: اسأل المصلحة المعنية أو راجع الصفحة "
        "الرسمية.",
        "darija": "ماعندناش واش يقدر شي حد يديرها بلاصتك: سول فالإدارة ولا شوف الصفحة الرسمية.",
    },
    "details": {"fr": "Détails", "ar": "التفاصيل", "darija": "التفاصيل"},
    "details_button": {"fr": "Plus de détails", "ar": "تفاصيل", "darija": "تفاصيل"},
}

# The optional LLM is told the answer language by name.
_LLM: dict[str, dict[AnswerLang, str]] = {
    "language_name": {"fr": "French", "ar": "Modern Standard Arabic", "darija": "Moroccan Darija in Arabic script"},
}

TEXTS: dict[str, dict[AnswerLang, str]] = _ANSWERS | _CARD | _SHORT | _WHATSAPP | _LLM


def say(key: str, lang: AnswerLang | None, **values: object) -> str:
    """The text ``key`` in ``lang``, with ``values`` filled in; French then Darija when ``lang`` is None."""
    forms = TEXTS[key]
    if lang is not None:
        return forms[lang].format(**values) if values else forms[lang]
    return f"{say(key, 'fr', **values)}\n\n{say(key, 'darija', **values)}"


def status_message(status: AnswerStatus, lang: AnswerLang) -> str:
    return say(status.value, lang)


T_co = TypeVar("T_co", covariant=True)


class Bilingual(Protocol[T_co]):
    """A procedure field written in French and MSA (the schema's ``Text`` and ``Fact``)."""

    @property
    def fr(self) -> T_co: ...

    @property
    def ar(self) -> T_co: ...


def facts_lang(lang: AnswerLang) -> Literal["fr", "ar"]:
    # Darija answers carry the procedure facts in Arabic script (MSA), as reviewed in the KB.
    return "fr" if lang == "fr" else "ar"


def pick(field: Bilingual[T_co], lang: AnswerLang) -> T_co:
    """The version of a procedure field an answer in ``lang`` shows."""
    return field.fr if facts_lang(lang) == "fr" else field.ar
