"""What Dalil says on WhatsApp besides answers, in French, Arabic and Darija. When the citizen's
language is not known yet (a first message that is a sticker), French and Darija are both sent."""

from __future__ import annotations

from bot.types import AnswerLang

TEXTS: dict[str, dict[AnswerLang, str]] = {
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
}


def say(key: str, lang: AnswerLang | None, **values: object) -> str:
    forms = TEXTS[key]
    if lang is not None:
        return forms[lang].format(**values)
    return f"{forms['fr'].format(**values)}\n\n{forms['darija'].format(**values)}"
