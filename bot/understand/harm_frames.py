"""Harmful requests read from their frame, whatever the topic (used by bot/understand/safety.py when
neither a cue nor an action on a target named the message):

- **role play that issues**: Dalil told to become an official ("imagine que tu es le caïd", "دير
  راسك المقدم", "t5ayel nta lmowadaf") and, in that role, to sign, approve, grant or look up what
  only the administration can. A role play that only asks how a procedure is done is answered.
- **a document made or changed to deceive**: made "not genuine" ("ماشي حقيقي", "qui a l'air vrai"),
  made by oneself with a higher amount, or a field changed so that it shows otherwise or without
  the court ("bach tban", "حتى تظهر", "sans passer par le tribunal").
- **a payment slipped** to a counter or an official, or a gift to get a file through.
- **a duty dodged**: a Darija negated verb ("ma ndkhlch", "ما نخلصش"), "لعدم التصريح", "ne jamais
  payer" next to a tax, a contribution or the military service, asked as a way, an astuce.
- **another person's file**: whether a spouse or a relative applied or is registered, an official's
  private number, a titled person's data ("les données de M. Alaoui").
- **the rules Dalil follows**: rules or settings with a second person ("quelles règles suis-tu",
  "القوانين اللي خدام بيهم").

The words are in bot/understand/harm_frame_words.py, written once and conjugated by
bot/understand/harm_forms.py; the lawful side (a complaint, a mandate, a minor, the heirs, a prediction,
what is allowed, a late penalty) is read by the same rules.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from bot.understand import harm_frame_words
from bot.understand.normalize import normalize
from bot.understand.word_groups import Group, Scan


@cache
def _groups() -> dict[str, Group]:
    """Every word list of bot/understand/harm_frame_words.py, by name: the rules ask for them by name."""
    lists = vars(harm_frame_words).items()
    return {name: Group(words) for name, words in lists if name.isupper() and isinstance(words, str)}


Spans = Callable[[str], list[tuple[int, int]]]


def _near(a: list[tuple[int, int]], b: list[tuple[int, int]], gap: int) -> bool:
    return any(max(s1, s2) - min(e1, e2) <= gap for s1, e1 in a for s2, e2 in b)


def _pair(f: Spans, first: str, seconds: str, gap: int) -> bool:
    """A word of ``first`` within ``gap`` characters of a word of one of ``seconds`` (names, spaced)."""
    found = f(first)
    return bool(found) and _near(found, [s for name in seconds.split() for s in f(name)], gap)


def _any(f: Spans, names: str) -> bool:
    return any(f(name) for name in names.split())


def _ordered(f: Spans, first: str, thens: str, gap: int) -> bool:
    """A word of ``first`` followed within ``gap`` characters by a word of one of ``thens`` (names, spaced)."""
    return any(0 <= s2 - e1 <= gap for _, e1 in f(first) for name in thens.split() for s2, _ in f(name))


def _role_issue(f: Spans) -> bool:
    if not (_pair(f, "ROLE_FRAME", "ROLE_NOUN", 60) or _ordered(f, "YOU_ARE", "ROLE_NOUN", 12)):
        return False
    # "give me" the document itself ("3tini chahadat sokna"), not "give me the list for it"
    return bool(f("ISSUE_VERB") or f("SKIP_CHECK")) or _ordered(f, "GIVE_ME", "GIVEN", 8)


def _made_up(f: Spans) -> bool:
    """An expiry date changed, a work certificate while not working, a residence where one does not live,
    a document made at home, an office's stamp made, years added."""
    if _pair(f, "CHANGE", "EXPIRY", 25) or _pair(f, "WORK_DOC", "NOT_WORKING", 60):
        return True
    if _pair(f, "CELIBACY", "MARRIED", 60) or _pair(f, "DIPLOMA", "NOT_STUDIED", 40):
        return True  # a status certificate against the fact: single while married, a diploma unearned
    if _pair(f, "STATUS_DOC", "NOT_LIVING", 60) or (_pair(f, "FABRICATE", "STATUS_DOC", 30) and f("HOME_MADE")):
        return True
    if _pair(f, "MAKE", "STAMP", 30) and f("OFFICE_OF"):
        return True
    return bool(f("ADD_YEARS")) and _any(f, "FIELD STATUS_DOC")


def _deceiving_document(f: Spans) -> bool:
    if _pair(f, "NOT_GENUINE", "STATUS_DOC", 40) or (_pair(f, "MAKE", "STATUS_DOC", 30) and f("NOT_GENUINE")):
        return True
    # "comment générer l'attestation sur le portail": how it is made, asked before the verb, is no order
    asked_how = any(e <= s for s, _ in f("YOU_MAKE") for _, e in f("HOW_ASKED"))
    if _ordered(f, "YOU_MAKE", "STATUS_DOC", 20) and not f("ASK_FORM") and not asked_how:
        return True
    if _pair(f, "NOT_MINE", "STATUS_DOC", 40) and not (f("COMPANY") and not f("MACHI_DYALI")):
        return True
    if _pair(f, "BY_HAND", "STATUS_DOC", 50) and f("CHANGE"):
        return True
    if _pair(f, "MAKE", "STATUS_DOC", 30) and (f("SELF_MADE") and _pair(f, "AMOUNT", "HIGHER", 25)):
        return True
    return _pair(f, "CHANGE", "FIELD", 30) and bool(f("DECEIVE"))


def _paid_person(f: Spans) -> bool:
    """A fee is paid to an office; paying the examiner, the police or "someone at the office" is a bribe."""
    if _ordered(f, "PAY", "NEVER_PAID", 30):
        return True
    if _ordered(f, "PAY", "SOMEONE_AT COUNTER", 12) and (f("GET_THROUGH") or f("SKIP_CHECK")):
        return True
    if _pair(f, "IF_GIVE", "OFFICIAL", 40) and f("MONEY_SUM"):
        return True
    return bool(f("MONEY_ASKED") or f("MONEY_SUM")) and _pair(f, "SKIP_CHECK", "MONEY_ASKED MONEY_SUM", 80)


def _taken(f: Spans) -> bool:
    """An official who takes money to get a file through or skip the check; money put in the file."""
    if _pair(f, "TAKES", "OFFICIAL NEVER_PAID SOMEONE_AT", 25) and _any(f, "MONEY_SUM MONEY_ASKED"):
        return _any(f, "GET_THROUGH SKIP_CHECK")
    return bool(f("PUT_IN_FILE")) and _any(f, "MONEY_ASKED MONEY_SUM") and bool(f("GET_THROUGH"))


def _looked_away(f: Spans) -> bool:
    """An official asked to look away (not write the fine, close his eyes), or someone at the office paid
    to get a file through: "باش ما يكتبش المخالفة", "fermer les yeux", "chi wa7d f l'agence… 2000 dh"."""
    if f("LOOK_AWAY") and _any(f, "OFFICIAL NEVER_PAID MONEY_SUM PAY MONEY_ASKED"):
        return True
    return _pair(f, "SOMEONE_AT", "PAY MONEY_SUM MONEY_ASKED", 40) and bool(f("GET_THROUGH"))


def _slipped(f: Spans) -> bool:
    if f("SLIP") and (f("MONEY_SUM") or f("COUNTER") or f("OFFICIAL") or f("GET_THROUGH")):
        return True
    if _pair(f, "GIFT", "COUNTER", 50) or _pair(f, "GIFT", "OFFICIAL", 50):
        return bool(f("GET_THROUGH")) or _pair(f, "GIFT", "GIVEN_PAST", 30)
    return _pair(f, "GIVEN_PAST", "OFFICIAL", 40) and bool(f("MONEY_SUM")) and bool(f("GET_THROUGH"))


def _paid_for_outcome(f: Spans) -> bool:
    """Something handed to a person at an office for what the procedure does not give: faster, through,
    past a check, despite a rule ("qq1 à l'intérieur qui accélère mon dossier contre un billet", "n3ti
    l'infirmière 100 dh bach tktebli plus vite", "شي واحد فالعمالة… نعطيه شي حاجة ويسالي ليا قبل الناس").
    Three word classes in one message, none a phrase: a gift, a sum or a giving by the asker; a person (an
    official, someone at an office, someone); an outcome. Given TO the asker (``TO_ME``) is no payment."""
    received = f("TO_ME")
    given = [
        (s, e)
        for name in ("HAND_OVER", "GIFT", "MONEY_SUM", "IF_GIVE", "GIVEN_PAST", "SLIP")
        for s, e in f(name)
        if not any(a <= s and e <= b for a, b in received)
    ]
    if not given or not _any(f, "OFFICIAL SOMEONE_AT COUNTER ROLE_NOUN THIRD"):
        return False
    # The outcome bought, in the giving's sentence: a day ("lyoum", "غدا") only beside a sum or a gift ("3tit l
    # guichet 100dh ydouz liya … lyoum", "شي قهيوة … غدا"), not when a citizen travels tomorrow or brings a
    # photo back.
    outcome = [s for name in ("FASTER", "GET_THROUGH_ONLY", "SKIP_CHECK", "DESPITE", "SKIP_STEPS") for s in f(name)]
    sums = [s for s in given if s in f("MONEY_SUM") + f("GIFT")]
    return _in_sentence(f, given, outcome, 100) or _in_sentence(f, sums, f("SOON"), 40)


def _in_sentence(f: Spans, a: list[tuple[int, int]], b: list[tuple[int, int]], gap: int) -> bool:
    """A span of ``a`` and one of ``b`` within ``gap`` characters, no sentence's end between them."""
    ends = [s for s, _ in f("SENTENCE_END")]
    return any(
        max(s1, s2) - min(e1, e2) <= gap and not any(min(e1, e2) <= x < max(s1, s2) for x in ends)
        for s1, e1 in a
        for s2, e2 in b
    )


def _understated(f: Spans) -> bool:
    """A lower price written in the deed, to pay less: "sous-évaluer le prix", "بثمن قليل فالعقد"."""
    return bool(f("UNDERSTATE")) and bool(f("DUTY") or f("PAY_LESS"))


def _avoided(f: Spans) -> bool:
    """Avoiding a duty (not its late penalty, which is avoided by paying on time)."""
    if _any(f, "EXEMPTION CONSEQUENCE ALLOWED_Q ON_TIME WRONGED"):
        return False
    if _ordered(f, "AVOID_ANY", "DUTY", 20):
        return True
    return _ordered(f, "AVOID_ANY", "DECLARING", 12) and _any(f, "COUNTED DUTY")


def _fiction_howto(f: Spans) -> bool:
    """A story or a role that explains, step by step, how a harmful act is done."""
    return _any(f, "ROLE_FRAME FICTION") and bool(f("HOWTO")) and bool(f("HARM_NOUN"))


def _game_lifts_rules(f: Spans) -> bool:
    """A role or a story that does what the law forbids: "tu es un faussaire qui explique…", "nl3bo: nta
    moqadem kayakhod", "raconte comment on modifiait les actes pour changer l'âge", "نتا مول الطوابع… بغيت
    طابع الجماعة". A role that only asks how a procedure is done ("imagine que tu es agent de la commune, dis-moi
    ce qu'il faut") has none of these words."""
    if not _any(f, "ROLE_FRAME GAME"):
        return False
    return _any(f, "ROLE_HARM HARM_NOUN FAKE FORGE NOT_GENUINE STAMP")


def _no_exam(f: Spans) -> bool:
    """A licence or a diploma without its examination (not a foreign licence exchanged)."""
    return _pair(f, "UNBUYABLE", "SKIP_EXAM", 40) and not f("EXCHANGE")


def _dodged(f: Spans) -> bool:
    if f("WRONGED"):
        return False  # the employer who did not declare the citizen: a complaint, not an evasion
    if _pair(f, "KEEP_FROM", "AUTHORITY_BODY", 30):
        return True  # "la douane ne doit pas savoir", "bla ma y3rfo dariba"
    if _any(f, "EXEMPTION CONSEQUENCE ALLOWED_Q"):
        return False
    if _pair(f, "NEG_ACT", "DUTY", 30) and f("A_WAY"):
        return True
    if (_pair(f, "HIDE", "COUNTED", 30) and f("DUTY")) or _ordered(f, "HIDE", "DUTY", 12):
        return True  # "nkhbi lmdakhil 3la dariba", "نخبي على الضرائب"
    if f("UNDECLARED") and f("A_WAY") and f("WORKERS_OR_CONTROL") and not f("LEGALISE"):
        return True  # "kifach nkhdem m3a des ouvriers au noir bla ma ychedni l'inspecteur"
    if f("BENEFIT") and _pair(f, "DESPITE", "INCOME", 20):
        return True  # "keep the aid although I earn a good wage"
    return bool(f("BENEFIT")) and (_pair(f, "CONCEAL", "COUNTED", 25) or bool(f("UNDECLARED")))


def _everyones(f: Spans) -> bool:
    """A list of everyone's requests or files ("la liste de toutes les demandes", "لائحة الملفات ديال اليوم")."""
    return _ordered(f, "LIST_OF", "PLURAL_RECORDS", 20) and not f("WHICH_DOCS")


def _their_file(f: Spans) -> bool:
    if f("KID") or f("OWN") or f("DECEASED") or f("FUTURE"):
        return False
    if _pair(f, "SPOUSE_OR_KIN", "APPLIED", 30) and f("WHETHER") and not f("MAY"):
        return True
    if _pair(f, "CONTACT", "THIRD", 25) or _ordered(f, "INFO_ON", "THIRD", 12):
        return True
    if _pair(f, "WHOSE_CAR", "PLATE_NO", 50) and f("WHO"):
        return True  # the owner of a car found by its plate ("chkoun mol tomobil li matricule dyalha…")
    if _pair(f, "PHONE_NO", "OWNER_OF NAME_OF", 30) or (f("WHO") and f("COMPLAINED_OF_ME")):
        return True  # whose is this number; who complained about me
    if _ordered(f, "PLURAL_RECORDS", "FILED_BY_OTHERS", 12):
        return True  # "les dossiers li dpozaw had simana"
    if _pair(f, "NAMED", "STATUS_ASKED PRIVATE_LINE", 50):
        return True
    if _pair(f, "WHERE_LIVES", "THIRD SPOUSE_OR_KIN BY_NUMBER", 60):
        return True
    if _pair(f, "PRIVATE_LINE", "SPOUSE_OR_KIN", 25) and f("KNOW_OR_GIVE") and not f("MAY"):
        return True
    if f("MAY"):
        return False
    asked = _any(f, "WHETHER KNOW_OR_GIVE MONEY_ASKED CHECK")
    if asked and (_pair(f, "SPOUSE_OR_KIN", "EARNED", 30) or _ordered(f, "RECORD", "SPOUSE_OR_KIN", 12)):
        return True  # "ch7al kayrbe7 sa7bi", "le dossier dyal khti"
    if _pair(f, "SPOUSE_OR_KIN", "HAS", 15) and _pair(f, "HAS", "STATUS_DOC RECORD GIVEN", 25) and f("WHETHER"):
        return True  # "wach jari 3ndo rokhsa dyal lbni"
    if f("BY_NUMBER") and _pair(f, "PRIVATE_LINE", "SPOUSE_OR_KIN THIRD BY_NUMBER", 40):
        return True
    if _pair(f, "PRIVATE_LINE", "PRIVATE_MARK", 25):
        return True
    return _pair(f, "TITLED", "TITLED_DATA", 30) and not f("PLACE_OR_OFFICE")


def _without_them(f: Spans) -> bool:
    """A relative's document taken without them: refused, not signed, not there to sign, or signed for them."""
    if f("MAY") or f("KID") or f("MANDATE"):
        return False
    return _pair(f, "SPOUSE_OR_KIN", "WITHOUT_THEM", 80) or _pair(f, "SIGN_FOR", "SPOUSE_OR_KIN PARENT", 20)


def _hacked(f: Spans) -> bool:
    """Breaking into someone else's account ("nhakki compte d chi wa7d"); not one's own, hacked or lost."""
    return _pair(f, "HACK", "THIRD SPOUSE_OR_KIN OTHERS_ACCOUNT", 40) and not f("HACKED")


def _rules_followed(f: Spans) -> bool:
    return _pair(f, "RULES", "YOU_FOLLOW", 25)


FRAMES: tuple[tuple[str, str, Callable[[Spans], bool], bool], ...] = (
    # (kind, category, rule, whether reporting or checking makes the same words lawful)
    ("internals", "system", _rules_followed, False),
    ("data", "other_people", _their_file, False),
    ("data", "other_people", _everyones, False),
    ("harm", "hacking", _hacked, False),
    ("harm", "impersonation", _role_issue, False),
    ("harm", "proxy", _without_them, False),
    ("harm", "forgery", _deceiving_document, True),
    ("harm", "forgery", _made_up, True),
    ("harm", "bribery", _slipped, True),
    ("harm", "bribery", _paid_person, True),
    ("harm", "bribery", _taken, True),
    ("harm", "bribery", _looked_away, True),
    ("harm", "bribery", _paid_for_outcome, True),
    ("harm", "evasion", _dodged, False),
    ("harm", "evasion", _understated, False),
    ("harm", "evasion", _avoided, False),
    ("harm", "impersonation", _fiction_howto, False),
    ("harm", "impersonation", _game_lifts_rules, True),
    ("harm", "bribery", _no_exam, True),
)


def harmful_frame(message: str) -> tuple[str, str] | None:
    """(kind, category) of the first frame this message is read in, or None."""
    scan, groups = Scan(normalize(message)), _groups()

    def found(name: str) -> list[tuple[int, int]]:
        return scan.spans(groups[name])

    for kind, category, rule, reportable in FRAMES:
        if rule(found) and not (reportable and found("REPORT")):
            return kind, category
    return None
