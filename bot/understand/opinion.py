"""Requests Dalil declines: an opinion ("que pensez-vous de la réforme ?", "شنو بان ليك"), a prediction
("vais-je gagner ?", "wach ghadi y9blou dossier dyali?"), a judgement of a personal case ("ils ont le
droit ?", "واش هادشي قانوني؟") or legal advice ("dois-je faire appel ?", "نصحني"). The scope model
learns them too (``opinion``); these phrases catch them whatever the model thinks of the subject,
which is often administrative. Matched on normalised text.
"""

from __future__ import annotations

import re
from functools import cache

from bot.understand.normalize import normalize
from bot.understand.word_groups import phrases

_PHRASES = [
    # opinion
    "a ton avis|a votre avis|selon toi|selon vous|d'apres toi|d'apres vous|ton avis|votre avis|tu en penses quoi|"
    "t'en penses quoi|tu penses quoi|vous pensez quoi|que penses tu|que pensez vous|qu'en penses tu|"
    "qu'en pensez vous|tu trouves ca|vous trouvez ca|tu es pour ou contre|vous etes pour ou contre|"
    "tu es pour|tu es contre",
    "رايك|رأيك|برايك|برأيك|في رايك|في رأيك|ما رايك|ما رأيك|ما موقفك|موقفك من|هل تؤيد|هل انت مع|هل أنت مع|"
    "ما تقييمك|هل تعتقد|هل تظن|هل ترى ان|هل ترى أن",
    "شنو بان ليك|اش بان ليك|كيبان ليك|كيبان لك|بان ليك|شنو كتقول|اش كتقول|شنو رايك|شنو رأيك|عطيني رايك|"
    "عطيني رأيك|واش نتا مع|واش نتي مع|واش كتشوف",
    "ban lik|ach ban lik|chno ban lik|kayban lik|kaban lik|chno kat9ol|ach kat9ol|chno katgol|rayk|ra2yk|"
    "3tini rayk|wach nta m3a|wach nti m3a|wach katchouf",
    # prediction
    "est ce que je vais (gagner|perdre|etre|avoir)|je vais gagner|vais je|ai je des chances|j'ai des chances|"
    "mes chances|vous croyez que|tu crois que|vous pensez que|tu penses que|sera (acceptee|accepte|refusee|refuse)|"
    "va (me donner|accepter|refuser|durer|changer|se terminer)|le juge va|le tribunal va",
    "هل ساربح|هل سأربح|هل سيحكم|هل ستحكم|هل سيقبل|هل ستقبل|هل سيرفض|هل سيحصل|هل ساحصل|هل سأحصل|متى سيصدر|"
    "هل تتوقع|تتوقع ان|تتوقع أن|حسب رايك|حسب رأيك",
    "واش غادي نربح|واش غادي نخسر|واش غادي يقبلو|واش غادي يقبل|واش غادي يرفضو|واش غادي يعطيوني|واش غادي يحكم|"
    "واش غادي ناخد|واش غادي نخرج رابح|واش غادي يخرج|واش القاضي غادي|واش المحكمه غادي|شحال غادي تطول|"
    "غادي يتقبل|غادي يقبلوه|غادي تتقبل",
    "wach ghadi nrbe7|wach ghadi nrb7|wach ghadi nkhser|wach ghadi y9blo|wach ghadi y9bel|wach ghadi yrfdo|"
    "wach ghadi y3tiwni|wach ghadi ydiwni|wach ghadi y7kem|wach ghadi ykhrjo|wach l9adi ghadi|ghadi yt9bel|"
    "ghadi tt9bel|f rayk|3la 7sab rayk|imta ghadi ykhrej l7okm",
    # personal case judged
    "ils ont le droit|il a le droit|elle a le droit|j'ai le droit de porter plainte|c'est legal|est ce legal|"
    "vous trouvez ca normal|tu trouves ca normal|j'ai raison|ai je raison|dans mon cas|mon dossier est il|"
    "je dois porter plainte|dois je porter plainte|je porte plainte ou|je vais au tribunal ou pas|dites moi ce que|"
    "ma demande a ete validee|a ete validee|ou en est mon dossier|verifier ou en est",
    "هل هذا قانوني|هل يحق له|هل يحق لهم|هل يحق لي مقاضاه|هل انا على حق|هل أنا على حق|هل تم قبول ملفي|"
    "هل ملفي مقبول|هل وضعيتي|هل تنصحني|تنصحني ب|هل توافقني|هل يجب ان ارفع دعوي|هل يجب أن أرفع دعوى|هل اقبل|هل أقبل",
    "واش هادشي قانوني|واش هادشي معقول|واش هادا حق|واش عندهم الحق|واش معقول|واش الملف ديالي تقبل|"
    "واش الدوسي ديالي|شوف ليا واش|واش نشكي|واش نديهم للمحكمه|ندير عليه دعوى|نرفع عليه دعوى",
    "hadchi 9anouni|hadchi 9anoni|wach 3ndhom l7a9|wach ana m3aya l7a9|wach dossier dyali|wach le dossier dyali|"
    "chouf lia wach|vérifie lia wach|verifie lia wach|wach c'est legal|wach had chi normal|wach hadchi normal|"
    "wach nchki|ndir 3lih da3wa|wach ana f mochkil|ma ban lich|ana ma ban lich",
    # legal advice
    "dois je faire appel|je fais appel ou|faire appel ou accepter|qu'est ce que je dois dire au juge|"
    "que dire au juge|dire au juge pour|conseillez moi|conseille moi|je prends un avocat ou|un avocat ou je|"
    "quels arguments|redigez moi une plainte|redige moi une plainte|redige-moi une plainte|pour gagner mon proces",
    "انصحني|بماذا تنصحني|هل استانف|هل أستأنف|ماذا اقول للقاضي|ماذا أقول للقاضي|هل اوكل محاميا|هل أوكل محاميا|"
    "ساعدني في كتابه مذكره|لاربح قضيه|لأربح قضية",
    "نصحني|شنو نقول للقاضي|شنو نقول فالمحكمه|واش ندي محامي|واش نستانف|كتب ليا مقال الدعوى|عاوني نكتب شكايه",
    "nsa7ni|chno ngol l l9adi|chno n9ol l l9adi|chno ngol l juge|wach ndi mo7ami|nsta2nef wla|kteb lia chikaya l|"
    "conseille-moi|conseille moi, wach",
]


@cache
def _pattern() -> re.Pattern[str]:
    alternatives = {normalize(a) for group in _PHRASES for a in phrases(group)}
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(alternatives, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{body})")


_COURT = (
    r"(?:المحكمه|محكمه|tribunal|mahkama|lmahkama|proces|القاضي|juge|l9adi|الدعوي|دعوي|da3wa|القضيه|قضيه|l9adiya"
    r"|9adiya)"
)
# A question about what a court or a case will do ("واش الشركة غادي تخلصني إلا مشيت للمحكمة؟"), or
# whether to take a lawyer: predictions and legal advice, whatever words carry them.
_CASES = [
    re.compile(rf"(?<![\w])(?:واش|wach|est ce que|هل)(?:\s\S+){{0,6}}\s(?:غادي|ghadi|va|vais|سوف)\s.{{0,60}}{_COURT}"),
    re.compile(rf"{_COURT}.{{0,40}}(?:غادي|ghadi)\s(?:ي|ت|ن|y|t|n)\S+"),
    re.compile(r"(?:محامي|mo7ami|avocat)\S*\s.{0,30}(?:ولا|wla|ou)\s"),
]


def opinion_request(message: str) -> str | None:
    """The words that make the message an opinion, prediction, personal-case or legal-advice request."""
    text = normalize(message).replace("-", " ")
    found = _pattern().search(text) or next((m for p in _CASES if (m := p.search(text))), None)
    return found.group(0) if found else None
