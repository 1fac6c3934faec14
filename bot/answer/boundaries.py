"""Where Dalil stops, after retrieval: harmful intent and attempts to steer the answer
(``guard_intent``), and the scope decision (``check_scope``: ours, not in the base yet, an opinion
to decline, off topic) from the scope model's probabilities and the retrieval hits."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from bot.answer.clarify import Neighbours, family_said
from bot.answer.context import Context, Stop
from bot.answer.topics import beside_the_family
from bot.config import Settings
from bot.search.served import KnowledgeBase
from bot.texts import say, status_message
from bot.types import AnswerStatus
from bot.understand.opinion import opinion_request
from bot.understand.safety import asks_a_procedure
from bot.understand.social import SOCIAL_OPTIONS, Social
from bot.understand.social_fallback import opening_social, social_fallback
from bot.understand.variants import variant_cues

ScopeKind = Literal["in", "near", "opinion", "off"]


@dataclass(frozen=True)
class ScopeVerdict:
    kind: ScopeKind
    reason: str  # for the trace: which signal decided


def scope_decision(ours: float, probabilities: Mapping[str, float], settings: Settings) -> ScopeVerdict:
    """``ours``: the calibrated probability that the message is about one of our procedures
    (bot/search/scope_signals.py). Below the threshold, the scope model says what else it is. A real
    procedure the base lacks borrows its neighbour's words, so it is told from ours a little higher up
    when the model reads it as one ("comment obtenir un permis de chasse" is no driving licence)."""
    if not probabilities or ours >= settings.scope_min_ours:
        near = probabilities.get("near", 0.0)
        if ours < settings.scope_near_below and near >= settings.scope_near_min:
            return ScopeVerdict("near", f"ours {ours:.2f}, near {near:.2f}")
        return ScopeVerdict("in", f"ours {ours:.2f}")
    rest = {k: v for k, v in probabilities.items() if k != "kb"}
    kind = max(rest, key=rest.__getitem__)
    return ScopeVerdict(kind, f"ours {ours:.2f}, {kind} {rest[kind]:.2f}")  # type: ignore[arg-type]


def in_scope(ctx: Context, settings: Settings) -> bool:
    return scope_decision(ctx.ours, ctx.scope, settings).kind == "in"


def _named(ctx: Context, settings: Settings) -> bool:
    """The top procedure is named outright, or the model finds the message clearly ours."""
    top = ctx.hits[0] if ctx.hits else None
    if top is None:
        return False
    return (
        ctx.ours >= settings.scope_min_named
        or top.names >= settings.scope_named_names
        or top.grams >= settings.followup_grams
    )


def guard_intent(ctx: Context, settings: Settings) -> None:
    """Harmful intent is refused, pointing to the lawful procedure when the message names one; a
    separate lawful question in the same message is answered after one line of refusal. An attempt to
    steer the answer is not obeyed: refused alone, ignored beside a real question about a procedure."""
    verdict = ctx.safety
    if verdict is None:
        return
    if verdict.kind == "harm":
        if verdict.lawful_question and in_scope(ctx, settings):
            ctx.preface = "refused_harm_line"
            return
        ctx.reply = "refused_harm"
        ctx.chosen = [ctx.hits[0].procedure_id] if _named(ctx, settings) else []
        raise Stop(AnswerStatus.REFUSED)
    if verdict.kind == "override":
        # Instructions alone, or beside something that is not a question about our procedures.
        alone = verdict.category == "exfiltration" and not verdict.lawful_question
        asked = in_scope(ctx, settings) or (verdict.lawful_question and _named(ctx, settings))
        if alone or not asked:
            raise Stop(AnswerStatus.REFUSED)
        ctx.trace["override_ignored"] = True


_BESIDE = 2  # content words beside a family's noun that make another topic of it


def names_a_procedure(ctx: Context, neighbours: Neighbours, settings: Settings) -> bool:
    """A message that names a procedure ("الباسبور", "cnss"), one of our topics with nothing more ("lwra9a
    dyal sawabi9"), or a family's noun in a spelling the names index lacks ("btaka", "لباسبور عافاك") is about
    it however short it is. A tie alone is what search returns when no procedure fits ("من هو بطل العالم في
    الشطرنج؟" ties three civil-status cards on one weak word): it names one only when the name is said outright."""
    # A family's noun among other words the scope model finds off topic is those words' topic ("la carte
    # fidélité dyal yves rocher", "passeport pour mon chat dans l'avion"): a bare noun is ours.
    if neighbours.reason == "family" and beside_the_family(ctx.message, ctx.kb, ctx.hits[0].procedure_id) > _BESIDE:
        return False
    if neighbours.said:
        return True
    if neighbours.reason == "wanted":  # a document wanted below the top: the scope model decides as before
        return False
    if neighbours.reason == "tie":
        return ctx.hits[0].names >= settings.scope_named_names
    return ctx.hits[0].names >= settings.clarify_min_names or neighbours.reason.endswith("topic")


def family_and_variant(message: str, kb: KnowledgeBase, procedure: str) -> bool:
    """The procedure's family noun and its own variant word, with at most one other content word, name it
    whatever the scope model reads of the rest ("btaka dyali salat lw9t dyalha": the card, expired; its
    words are also "prayer time"). More words beside the noun are their own topic ("la carte fidélité")."""
    if not family_said(message, kb, procedure) or kb.procedures[procedure].variant not in variant_cues(message):
        return False
    return beside_the_family(message, kb, procedure) <= 1


def check_scope(ctx: Context, settings: Settings, named: bool = False, asked: bool = False) -> None:
    """Not ours: off topic, a procedure the base lacks (the national portal), or an opinion to decline
    (answered after one line when the message also asks a procedure it names). ``named``: the message
    names a family of our procedures (bot/answer/clarify.py), which keeps it ours however short;
    ``asked``: it asks a fact of a procedure it names whole, which keeps it from "off topic"."""
    verdict = scope_decision(ctx.ours, ctx.scope, settings)
    probabilities = {k: round(v, 3) for k, v in ctx.scope.items()}
    ctx.trace["scope"] = {"verdict": verdict.kind, "reason": verdict.reason, **probabilities}
    cue = opinion_request(ctx.message)
    if cue is not None or verdict.kind == "opinion":
        ctx.trace["opinion"] = cue
        if asks_a_procedure(ctx.message) and _named(ctx, settings):
            ctx.preface = "declined_line"
            return
        raise Stop(AnswerStatus.DECLINED)
    kept = named or (asked and verdict.kind == "off") or ctx.trace.get("override_ignored")
    if verdict.kind != "in" and not kept:
        found = social_fallback(ctx.message, ctx.lang) if verdict.kind == "off" else None
        if found is not None:
            reply_social(ctx, found)
        status = AnswerStatus.NOT_COVERED if verdict.kind == "near" else AnswerStatus.OUT_OF_SCOPE
        # A greeting or thanks before the request is returned, then the request declined.
        if opened := opening_social(ctx.message):
            ctx.text = f"{say(f'{opened}_back', ctx.lang)} {status_message(status, ctx.lang)}"
        raise Stop(status)


def reply_social(ctx: Context, found: Social) -> None:
    """A greeting, thanks, "who are you"...: a short reply in the words' language (unless the citizen
    chose one), with a few procedures to start from."""
    ctx.trace["social"] = found.kind
    if ctx.lang_override is None:
        ctx.lang = found.lang
    ctx.reply = f"social_{found.kind}"
    if found.kind != "goodbye":
        ctx.options = [pid for pid in SOCIAL_OPTIONS if pid in ctx.kb.procedures]
    raise Stop(AnswerStatus.SOCIAL)
