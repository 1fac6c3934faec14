"""Every fixed text of the administrators' console, in French and Arabic (the citizen's texts are in
``bot/texts.py``), and the schema's rules said in the editor's language: a validation problem's code
(``bot.knowledge.schema.problem`` or pydantic's own error type) picks the sentence here."""

from __future__ import annotations

from typing import Literal

AdminLang = Literal["fr", "ar"]
ADMIN_LANGS: tuple[AdminLang, ...] = ("fr", "ar")

UI: dict[str, tuple[str, str]] = {
    "console": ("Console Dalil", "لوحة دليل"),
    "skip": ("Aller au contenu", "انتقل إلى المحتوى"),
    "nav": ("Navigation de la console", "تصفح اللوحة"),
    "procedures": ("Démarches", "المساطر"),
    "drafts": ("Brouillons et relecture", "المسودات والمراجعة"),
    "citizens": ("Ce que demandent les citoyens", "ما يسأل عنه المواطنون"),
    "people": ("Personnes", "الأشخاص"),
    "tokens": ("Mes jetons d'API", "رموز الواجهة الخاصة بي"),
    "audit": ("Journal d'audit", "سجل التدقيق"),
    "logout": ("Se déconnecter", "تسجيل الخروج"),
    "other_lang": ("العربية", "Français"),
    "signed_in_as": ("Connecté : {name} ({role})", "متصل: {name} ({role})"),
    "login": ("Connexion", "تسجيل الدخول"),
    "name": ("Identifiant", "اسم المستخدم"),
    "password": ("Mot de passe", "كلمة المرور"),
    "sign_in": ("Se connecter", "دخول"),
    "login_wrong": ("Identifiant ou mot de passe incorrect.", "اسم المستخدم أو كلمة المرور غير صحيحة."),
    "login_locked": (
        "Trop d'essais : compte bloqué, réessayez dans {seconds} s.",
        "محاولات كثيرة: الحساب موقوف، أعد المحاولة بعد {seconds} ثانية.",
    ),
    "login_disabled": ("Ce compte est désactivé.", "هذا الحساب معطل."),
    "search": ("Rechercher", "بحث"),
    "filter": ("Filtre", "تصفية"),
    "filter_all": ("Toutes", "الكل"),
    "filter_stale": ("À revérifier (vérifiées il y a plus de {days} jours)", "تحتاج تحققا (منذ أكثر من {days} يوما)"),
    "filter_missing": ("Champs manquants", "حقول ناقصة"),
    "filter_weak": ("Faits appuyés seulement par une source C", "معلومات مصدرها من الفئة C فقط"),
    "filter_recent": ("Modifiées récemment", "عدلت مؤخرا"),
    "filter_asked": ("Les plus demandées", "الأكثر طلبا"),
    "apply": ("Appliquer", "تطبيق"),
    "col_procedure": ("Démarche", "المسطرة"),
    "col_verified": ("Vérifiée le", "تاريخ التحقق"),
    "col_problems": ("À voir", "ملاحظات"),
    "col_asked": ("Questions (30 j)", "أسئلة (30 يوما)"),
    "badge_stale": ("à revérifier", "تحتاج تحققا"),
    "badge_missing": ("manque : {fields}", "ناقص: {fields}"),
    "badge_weak": ("{n} faits source C", "{n} معلومات من الفئة C"),
    "badge_recent": ("modifiée récemment", "عدلت مؤخرا"),
    "badge_draft": ("brouillon en cours", "مسودة مفتوحة"),
    "count": ("{n} démarches", "{n} مسطرة"),
    "new_procedure": ("Nouvelle démarche (à partir du modèle)", "مسطرة جديدة (من النموذج)"),
    "new_id": ("Identifiant (mots en minuscules reliés par -)", "المعرف (كلمات بحروف لاتينية صغيرة بينها -)"),
    "create_draft": ("Créer le brouillon", "إنشاء المسودة"),
    "edit": ("Modifier", "تعديل"),
    "propose_delete": ("Proposer le retrait", "اقتراح السحب"),
    "why": ("Pourquoi ?", "لماذا؟"),
    "versions": ("Versions", "النسخ"),
    "citizen_view": ("Ce que voit le citoyen", "ما يراه المواطن"),
    "save": ("Enregistrer le brouillon", "حفظ المسودة"),
    "submit": ("Soumettre pour relecture", "إرسال للمراجعة"),
    "show_preview": ("Aperçu", "معاينة"),
    "add_item": ("Ajouter un élément", "إضافة عنصر"),
    "blank_item": ("Vider un élément le retire.", "إفراغ عنصر يحذفه."),
    "fr": ("Français", "الفرنسية"),
    "ar": ("Arabe", "العربية"),
    "darija": ("Darija", "الدارجة"),
    "sources": ("Sources (identifiants du catalogue, ou general)", "المصادر (معرفات الفهرس أو general)"),
    "tier": ("Niveau", "الفئة"),
    "unconfirmed": ("À confirmer (montant ou durée d'une source faible)", "غير مؤكد (مبلغ أو مدة من مصدر ضعيف)"),
    "one_per_line": ("Un par ligne", "واحد في كل سطر"),
    "item": ("Élément {n}", "العنصر {n}"),
    "url": ("Adresse", "الرابط"),
    "label": ("Libellé", "التسمية"),
    "errors_title": ("À corriger avant de soumettre", "يجب تصحيحه قبل الإرسال"),
    "no_errors": ("Aucun problème : conforme aux règles de la base.", "لا مشكلة: مطابق لقواعد القاعدة."),
    "preview_title": ("Aperçu de la réponse au citoyen", "معاينة جواب المواطن"),
    "preview_invalid": ("L'aperçu attend une fiche valide.", "تنتظر المعاينة بطاقة صحيحة."),
    "saved": ("Brouillon enregistré.", "تم حفظ المسودة."),
    "submitted": ("Soumis pour relecture.", "أرسل للمراجعة."),
    "draft_of": ("Brouillon n° {id} — {procedure}", "المسودة رقم {id} — {procedure}"),
    "state": ("État", "الحالة"),
    "state_draft": ("brouillon", "مسودة"),
    "state_submitted": ("à relire", "في انتظار المراجعة"),
    "state_returned": ("renvoyé", "أعيد"),
    "state_published": ("publié", "منشور"),
    "state_withdrawn": ("retiré", "مسحوب"),
    "kind_edit": ("modification", "تعديل"),
    "kind_create": ("nouvelle démarche", "مسطرة جديدة"),
    "kind_delete": ("retrait", "سحب"),
    "kind_rollback": ("retour à une version", "رجوع إلى نسخة"),
    "author": ("Auteur", "المحرر"),
    "note": ("Note", "ملاحظة"),
    "to_review": ("À relire", "للمراجعة"),
    "mine": ("Mes brouillons", "مسوداتي"),
    "nothing": ("Rien pour l'instant.", "لا شيء حاليا."),
    "diff": ("Changements, champ par champ", "التغييرات حقلا بحقل"),
    "field": ("Champ", "الحقل"),
    "before": ("Avant", "قبل"),
    "after": ("Après", "بعد"),
    "publish": ("Publier", "نشر"),
    "override": (
        "Publier malgré le contrôle qualité — raison (obligatoire, enregistrée)",
        "النشر رغم مراقبة الجودة — السبب (إلزامي ومسجل)",
    ),
    "send_back": ("Renvoyer à l'auteur", "إعادة إلى المحرر"),
    "comment": ("Commentaire", "تعليق"),
    "withdraw": ("Retirer ce brouillon", "سحب هذه المسودة"),
    "returned_with": ("Renvoyé par {by} : {comment}", "أعاده {by}: {comment}"),
    "gate": ("Contrôle qualité", "مراقبة الجودة"),
    "gate_blocked": ("Bloqué : la nouvelle version répond moins bien.", "موقوف: النسخة الجديدة تجيب بشكل أسوأ."),
    "gate_passed": ("Passé.", "ناجح."),
    "gate_cases": ("Questions posées : {cases}; {seconds} s.", "الأسئلة المطروحة: {cases}؛ {seconds} ثانية."),
    "measure_kfold": ("Questions de la base (hit@1)", "أسئلة القاعدة (hit@1)"),
    "measure_dev": ("Jeu de développement (hit@1)", "مجموعة التطوير (hit@1)"),
    "measure_off_topic": ("Hors sujet écartés", "الأسئلة خارج الموضوع المستبعدة"),
    "changed_questions": ("Questions dont la réponse change", "أسئلة تغير جوابها"),
    "expected": ("Attendu", "المتوقع"),
    "published": ("Publié : version {version}.", "نشر: النسخة {version}."),
    "version": ("Version", "النسخة"),
    "action": ("Action", "الإجراء"),
    "when": ("Quand", "متى"),
    "who": ("Qui", "من"),
    "rollback": (
        "Revenir à la version d'avant ce changement (brouillon à relire)",
        "الرجوع إلى النسخة السابقة لهذا التغيير (مسودة للمراجعة)",
    ),
    "per_day": ("Questions par jour, par canal et style (30 jours)", "الأسئلة يوميا حسب القناة والنمط (30 يوما)"),
    "top": ("Démarches les plus demandées", "المساطر الأكثر طلبا"),
    "queue": ("À traiter : ce qui s'est mal passé", "للمعالجة: ما لم يسر على ما يرام"),
    "day": ("Jour", "اليوم"),
    "channel": ("Canal", "القناة"),
    "style": ("Style", "النمط"),
    "questions_n": ("Questions", "الأسئلة"),
    "question": ("Question (masquée)", "السؤال (مموه)"),
    "answer_given": ("Réponse donnée", "الجواب المقدم"),
    "queue_out_of_scope": ("hors sujet", "خارج الموضوع"),
    "queue_no_answer": ("sans réponse", "بدون جواب"),
    "queue_not_covered": ("démarche absente", "مسطرة غير موجودة"),
    "queue_clarification": ("précision jamais obtenue", "توضيح لم يكتمل"),
    "queue_thumbs_down": ("👎", "👎"),
    "fix": ("Corriger", "إصلاح"),
    "fix_question": ("Ajouter comme question citoyenne de", "إضافته كسؤال مواطن إلى"),
    "fix_alias": ("Ajouter comme alias de", "إضافته كاسم بديل لـ"),
    "fix_new": ("Ouvrir une nouvelle démarche", "فتح مسطرة جديدة"),
    "dismiss": ("Écarter", "تجاهل"),
    "people_add": ("Ajouter une personne", "إضافة شخص"),
    "role": ("Rôle", "الدور"),
    "role_viewer": ("lecture", "قراءة"),
    "role_editor": ("rédaction", "تحرير"),
    "role_publisher": ("publication", "نشر"),
    "role_admin": ("administration", "إدارة"),
    "password_hint": ("Laisser vide pour en générer un", "اتركه فارغا لتوليد واحدة"),
    "my_password": ("Mon mot de passe", "كلمة المرور الخاصة بي"),
    "password_current": ("Mot de passe actuel", "كلمة المرور الحالية"),
    "password_new": ("Nouveau mot de passe (12 caractères ou plus)", "كلمة المرور الجديدة (12 حرفا أو أكثر)"),
    "password_again": ("Le nouveau, encore une fois", "الجديدة مرة أخرى"),
    "password_change": ("Changer mon mot de passe", "تغيير كلمة المرور"),
    "password_changed": (
        "Mot de passe changé : vos autres sessions sont fermées.",
        "تم تغيير كلمة المرور: أغلقت جلساتك الأخرى.",
    ),
    "password_differ": ("Les deux nouveaux mots de passe diffèrent.", "كلمتا المرور الجديدتان مختلفتان."),
    "password_short": ("Un mot de passe a au moins 12 caractères.", "كلمة المرور 12 حرفا على الأقل."),
    "password_locked": (
        "Trop d'essais : compte bloqué, réessayez plus tard.",
        "محاولات كثيرة: الحساب موقوف، أعد المحاولة لاحقا.",
    ),
    "password_wrong": ("Le mot de passe actuel est incorrect.", "كلمة المرور الحالية غير صحيحة."),
    "shown_once": ("À copier maintenant : il ne sera plus affiché.", "انسخه الآن: لن يظهر مرة أخرى."),
    "change": ("Changer", "تغيير"),
    "disable": ("Désactiver", "تعطيل"),
    "enable": ("Réactiver", "إعادة التفعيل"),
    "reset_password": ("Nouveau mot de passe", "كلمة مرور جديدة"),
    "last_login": ("Dernière connexion", "آخر دخول"),
    "disabled": ("désactivé", "معطل"),
    "locked": ("bloqué", "موقوف"),
    "token_label": ("Pour quoi (nom du script)", "لأي غرض (اسم البرنامج)"),
    "token_create": ("Créer un jeton", "إنشاء رمز"),
    "revoke": ("Révoquer", "إلغاء"),
    "revoked": ("révoqué", "ملغى"),
    "last_used": ("Dernier usage", "آخر استعمال"),
    "export_csv": ("Exporter en CSV", "تصدير CSV"),
    "target": ("Objet", "الموضوع"),
    "detail": ("Détail", "التفاصيل"),
    "from_where": ("Depuis", "من"),
    "forbidden": ("Votre rôle ne permet pas cette action.", "دورك لا يسمح بهذا الإجراء."),
    "error": ("Impossible", "غير ممكن"),
    "back": ("Retour", "رجوع"),
    "field_category": ("Catégorie", "الفئة"),
    "field_family": ("Famille", "العائلة"),
    "field_variant": ("Variante", "النوع"),
    "field_verified_on": ("Vérifiée le", "تاريخ التحقق"),
    "field_title": ("Titre", "العنوان"),
    "field_authority": ("Administration", "الإدارة"),
    "field_summary": ("Résumé", "الملخص"),
    "field_audience": ("Qui est concerné", "المعنيون"),
    "field_documents": ("Documents à fournir", "الوثائق المطلوبة"),
    "field_steps": ("Étapes", "الخطوات"),
    "field_fees": ("Frais", "الرسوم"),
    "field_delay": ("Délai", "الآجال"),
    "field_where": ("Où s'adresser", "أين تودع الطلب"),
    "field_online": ("En ligne", "عبر الإنترنت"),
    "field_notes": ("À savoir", "ملاحظات"),
    "field_aliases": ("Noms usuels (alias)", "الأسماء المتداولة"),
    "field_questions": ("Questions de citoyens (recherche seulement)", "أسئلة المواطنين (للبحث فقط)"),
    "field_related": ("Démarches voisines (identifiants)", "مساطر قريبة (معرفات)"),
    "field_official_urls": ("Liens officiels", "الروابط الرسمية"),
    "settings": ("Réglages (variables DALIL_*)", "الإعدادات (متغيرات DALIL_*)"),
}

# The schema's rules (``bot.knowledge.schema.problem`` codes) and pydantic's error types.
PROBLEMS: dict[str, tuple[str, str]] = {
    "arabic_script": ("Le texte arabe doit être écrit en caractères arabes.", "يجب كتابة النص العربي بالحروف العربية."),
    "general_alone": (
        "« general » s'emploie seul : le fait repose sur des sources du catalogue ou sur aucune.",
        "« general » يستعمل وحده: المعلومة تستند إلى مصادر الفهرس أو إلى لا شيء.",
    ),
    "general_tier": (
        "Le niveau « general » va avec la seule source « general », et inversement.",
        "الفئة « general » تأتي مع المصدر « general » وحده، والعكس.",
    ),
    "unconfirmed_general": ("Un fait « à confirmer » nomme sa source.", "المعلومة غير المؤكدة تذكر مصدرها."),
    "weak_tier": (
        "Un niveau {tier} est trop faible pour des frais ou un délai : laissez le champ vide, la réponse renverra "
        "à la page officielle.",
        "الفئة {tier} ضعيفة بالنسبة للرسوم أو الآجال: اترك الحقل فارغا، وسيحيل الجواب على الصفحة الرسمية.",
    ),
    "amount_needs_source": (
        "« {stated} » est un montant ou une durée avec une source de niveau {tier} seulement : donnez une source A ou "
        "B, cochez « à confirmer », ou retirez-le.",
        "« {stated} » مبلغ أو مدة من مصدر من الفئة {tier} فقط: أضف مصدرا من الفئة A أو B، أو حدده كغير مؤكد، أو احذفه.",
    ),
    "question_length": ("Une question a de 8 à 200 caractères.", "يتكون السؤال من 8 إلى 200 حرف."),
    "question_fact": (
        "Une question ne contient ni montant ni lien (elle sert seulement à la recherche).",
        "لا يحتوي السؤال على مبلغ ولا رابط (يستعمل للبحث فقط).",
    ),
    "bad_url": ("« {url} » n'est pas une adresse http(s) complète.", "« {url} » ليس رابط http(s) كاملا."),
    "bad_id": ("L'identifiant : mots en minuscules reliés par « - ».", "المعرف: كلمات بحروف صغيرة بينها « - »."),
    "future_date": ("La date de vérification ne peut être future.", "لا يمكن أن يكون تاريخ التحقق في المستقبل."),
    "related_self": ("Une démarche ne se cite pas elle-même.", "لا تذكر المسطرة نفسها."),
    "family_variant": ("Famille et variante vont ensemble.", "العائلة والنوع يأتيان معا."),
    "unknown_id": ("« {id} » n'est pas une démarche de la base.", "« {id} » ليست مسطرة في القاعدة."),
    "yaml": ("Le fichier n'est pas du YAML valide.", "الملف ليس YAML صحيحا."),
    "mapping": ("Le fichier doit être une liste de champs.", "يجب أن يكون الملف قائمة حقول."),
    "id_file": ("L'identifiant doit être celui du fichier.", "يجب أن يطابق المعرف اسم الملف."),
    "missing": ("Obligatoire.", "إلزامي."),
    "string_too_short": ("Trop court (au moins {min_length} caractères).", "قصير جدا (على الأقل {min_length} حروف)."),
    "too_short": ("Au moins {min_length} élément(s).", "على الأقل {min_length} عنصر."),
    "too_long": ("Au plus {max_length} éléments.", "على الأكثر {max_length} عناصر."),
    "literal_error": ("Valeur attendue : {expected}.", "القيمة المنتظرة: {expected}."),
    "date_from_datetime_parsing": ("Une date AAAA-MM-JJ.", "تاريخ بصيغة YYYY-MM-DD."),
    "date_parsing": ("Une date AAAA-MM-JJ.", "تاريخ بصيغة YYYY-MM-DD."),
    "date_type": ("Une date AAAA-MM-JJ.", "تاريخ بصيغة YYYY-MM-DD."),
    "string_pattern_mismatch": ("Mots en minuscules reliés par « - ».", "كلمات بحروف صغيرة بينها « - »."),
    "string_type": ("Un texte est attendu.", "يتوقع نص."),
    "list_type": ("Une liste est attendue.", "تتوقع قائمة."),
}


# A refused action's reason by its code (``DraftError``, ``EditError``, ``AccountError``); the English
# detail of the bot layer follows it for the record.
REFUSALS: dict[str, tuple[str, str]] = {
    "not_found": ("Introuvable : il a peut-être été supprimé entre-temps.", "غير موجود: ربما حذف في الأثناء."),
    "wrong_state": (
        "Ce brouillon n'est plus dans un état qui permet cette action (il a changé entre-temps).",
        "لم تعد هذه المسودة في حالة تسمح بهذا الإجراء (تغيرت في الأثناء).",
    ),
    "same_person": (
        "Un brouillon est relu et publié par une autre personne que son auteur.",
        "تراجع المسودة وتنشر من طرف شخص غير محررها.",
    ),
    "not_author": ("Seul l'auteur d'un brouillon peut faire cela.", "وحده محرر المسودة يمكنه القيام بذلك."),
    "stale": (
        "La démarche a changé depuis le début de ce brouillon : recommencez-le à partir de la version actuelle.",
        "تغيرت المسطرة منذ بدء هذه المسودة: أعد إنشاءها انطلاقا من النسخة الحالية.",
    ),
    "invalid": ("La démarche ou son identifiant n'est pas valide.", "المسطرة أو معرفها غير صحيح."),
    "reindex_failed": (
        "La nouvelle version n'a pas pu être construite : rien n'a changé, la version précédente reste en "
        "service. Réessayez dans une minute.",
        "تعذر بناء النسخة الجديدة: لم يتغير شيء، والنسخة السابقة ما تزال في الخدمة. أعد المحاولة بعد دقيقة.",
    ),
    "reload_failed": (
        "La base n'a pas pu être rechargée : la version précédente reste en service. Réessayez dans une minute.",
        "تعذرت إعادة تحميل القاعدة: النسخة السابقة ما تزال في الخدمة. أعد المحاولة بعد دقيقة.",
    ),
    "busy": (
        "Une publication est déjà en cours : rien n'a été fait. Réessayez dans {seconds} s au plus.",
        "هناك نشر جار حاليا: لم يتم أي شيء. أعد المحاولة بعد {seconds} ثانية على الأكثر.",
    ),
    "database": (
        "La base de données ne répond pas : rien n'a été enregistré. Réessayez dans une minute.",
        "قاعدة البيانات لا تستجيب: لم يسجل أي شيء. أعد المحاولة بعد دقيقة.",
    ),
    "bad_name": (
        "Un identifiant a de 2 à 40 caractères : minuscules, chiffres, « . », « _ » ou « - ».",
        "اسم المستخدم من 2 إلى 40 حرفا: حروف صغيرة أو أرقام أو « . » أو « _ » أو « - ».",
    ),
    "bad_role": ("Rôle inconnu.", "دور غير معروف."),
    "exists": ("Cette personne a déjà un compte.", "لهذا الشخص حساب بالفعل."),
    "short_password": ("Un mot de passe a au moins 12 caractères.", "كلمة المرور 12 حرفا على الأقل."),
}


def refusal_text(code: str, lang: str, **values: object) -> str | None:
    """A refusal's reason in the admin's language (None: no sentence for this code)."""
    pair = REFUSALS.get(code)
    if pair is None:
        return None
    text = pair[1] if lang == "ar" else pair[0]
    return text.format(**values) if values else text


def tr(key: str, lang: str, **values: object) -> str:
    pair = UI.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "ar" else pair[0]
    return text.format(**values) if values else text


def problem_text(code: str, message: str, context: dict, lang: str) -> str:
    """A validation problem in the editor's language; the rule's English words when it has no sentence."""
    pair = PROBLEMS.get(code)
    if pair is None:
        return message
    try:
        return (pair[1] if lang == "ar" else pair[0]).format(**context)
    except (KeyError, IndexError):
        return message
