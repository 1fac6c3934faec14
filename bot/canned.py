"""Every fixed text Dalil says, in French, Arabic (MSA) and Darija, in one place.

Darija framing is written in Arabic script; procedure facts inside Darija answers stay in MSA.
"""

from __future__ import annotations

from bot.types import AnswerLang, AnswerStatus

NATIONAL_PORTAL = "https://www.idarati.ma"

# Labels of the admin UI and logs for each status.
STATUS_LABELS: dict[AnswerStatus, str] = {
    AnswerStatus.ANSWERED: "Answered from the knowledge base",
    AnswerStatus.CLARIFICATION: "Asked the citizen to choose between procedures",
    AnswerStatus.OUT_OF_SCOPE: "Not an administrative procedure",
    AnswerStatus.REFUSED: "Refused (instruction override or manipulation attempt)",
    AnswerStatus.NO_ANSWER: "No procedure found or internal error",
}

TEXTS: dict[str, dict[AnswerLang, str]] = {
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
}

# Headings of the procedure card.
CARD: dict[str, dict[AnswerLang, str]] = {
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
    "missing": {
        "fr": "Non précisé dans notre base : consultez la page officielle ci-dessous.",
        "ar": "غير محدد في قاعدتنا: راجع الصفحة الرسمية أدناه.",
        "darija": "ما عنديش هاد المعلومة: شوف الصفحة الرسمية لتحت.",
    },
    "authority": {"fr": "Administration", "ar": "الإدارة", "darija": "الإدارة"},
}


def text(key: str, lang: AnswerLang) -> str:
    return TEXTS[key][lang]


def label(key: str, lang: AnswerLang) -> str:
    return CARD[key][lang]


def status_message(status: AnswerStatus, lang: AnswerLang) -> str:
    return text(status.value, lang)
