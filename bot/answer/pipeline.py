"""The answer, as an explicit list of small steps over a shared context.

guard input -> detect language -> resolve follow-up -> retrieve -> decide -> compose -> guard output.
Any step may stop with a status; the citizen then gets that status's prepared polite message.
:meth:`Pipeline.answer` never raises: an unexpected error becomes ``no_answer`` and is logged.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.answer.clarify import ClarifyLimits, between_neighbours
from bot.answer.compose import card, compose_answer
from bot.answer.guard import is_manipulation, strip_foreign_links
from bot.answer.llm import phrase_with_llm
from bot.config import Settings
from bot.conversation import Conversation
from bot.ports import Generator
from bot.privacy import redact
from bot.search.query import prepare_query
from bot.search.served import KnowledgeBase
from bot.texts import pick, say, status_message
from bot.types import Answer, AnswerLang, AnswerStatus, Hit, Option, Source
from bot.understand.analysis import analyze
from bot.understand.aspects import Aspect, detect_aspect, detect_aspects
from bot.understand.intent import looks_like_followup
from bot.understand.language import Detection, detect
from bot.understand.scope import off_topic_terms
from bot.understand.social import SOCIAL_OPTIONS, social_kind

log = logging.getLogger("dalil.pipeline")


class Stop(Exception):
    def __init__(self, status: AnswerStatus) -> None:
        self.status = status


@dataclass
class Context:
    message: str
    lang_override: AnswerLang | None
    conversation: Conversation | None
    kb: KnowledgeBase
    detection: Detection | None = None
    lang: AnswerLang = "fr"
    aspect: Aspect | None = None
    aspects: tuple[Aspect, ...] = ()  # what the message asks (fees, documents…); none: a general question
    followup_of: str | None = None
    hits: list[Hit] = field(default_factory=list)
    chosen: list[str] = field(default_factory=list)  # procedure ids the answer is built on, best first
    options: list[str] = field(default_factory=list)
    reply: str = ""  # the text key of a prepared reply (social, refusal kinds), when not the status's own
    status: AnswerStatus = AnswerStatus.ANSWERED
    text: str = ""
    details: str = ""  # the full card behind the short answer
    trace: dict[str, object] = field(default_factory=dict)


class Pipeline:
    def __init__(self, settings: Settings, generator: Generator | None = None) -> None:
        self.settings = settings
        self.generator = generator
        self._limits = ClarifyLimits(
            settings.clarify_tie_ratio,
            settings.clarify_max_words,
            settings.clarify_candidate_ratio,
            settings.clarify_max_options,
        )
        self.steps: list[tuple[str, Callable[[Context], None]]] = [
            ("guard_input", self.guard_input),
            ("detect_language", self.detect_language),
            ("social", self.social),
            ("resolve_followup", self.resolve_followup),
            ("retrieve", self.retrieve),
            ("decide", self.decide),
            ("compose", self.compose),
            ("guard_output", self.guard_output),
        ]

    # --- steps -----------------------------------------------------------------------------

    def guard_input(self, ctx: Context) -> None:
        # Detect the language first so that even a refusal is in the citizen's language.
        ctx.detection = detect(ctx.message)
        ctx.lang = ctx.lang_override or ctx.detection.answer_lang
        if is_manipulation(ctx.message):
            raise Stop(AnswerStatus.REFUSED)

    def detect_language(self, ctx: Context) -> None:
        assert ctx.detection is not None
        ctx.trace["style"] = ctx.detection.style
        ctx.trace["language"] = ctx.lang

    def social(self, ctx: Context) -> None:
        """Greetings, thanks, goodbyes, "who are you", "what can you do", "help": a short reply in the
        language the words point to ("salam" is Darija), with a few procedures to start from."""
        found = social_kind(ctx.message, ctx.lang)
        if found is None:
            return
        ctx.trace["social"] = found.kind
        if ctx.lang_override is None:
            ctx.lang = found.lang
        ctx.reply = f"social_{found.kind}"
        if found.kind != "goodbye":
            ctx.options = [pid for pid in SOCIAL_OPTIONS if pid in ctx.kb.procedures]
        raise Stop(AnswerStatus.SOCIAL)

    def resolve_followup(self, ctx: Context) -> None:
        ctx.aspect = detect_aspect(ctx.message)
        ctx.aspects = detect_aspects(ctx.message)
        previous = ctx.conversation.procedure_id if ctx.conversation else None
        if previous and previous in ctx.kb.procedures and looks_like_followup(ctx.message):
            ctx.followup_of = previous
        ctx.trace["aspect"] = ctx.aspect
        ctx.trace["aspects"] = list(ctx.aspects)
        ctx.trace["followup_of"] = ctx.followup_of

    def retrieve(self, ctx: Context) -> None:
        assert ctx.detection is not None
        query = prepare_query(ctx.message, ctx.detection)
        ctx.hits = ctx.kb.retriever.search(query, k=max(self.settings.top_k, 5))
        ctx.trace["hits"] = [
            {
                "id": h.procedure_id,
                "score": round(h.score, 5),
                "dense": round(h.dense, 4),
                "lexical": round(h.lexical, 3),
                "names": round(h.names, 3),
            }
            for h in ctx.hits
        ]

    def _in_scope(self, ctx: Context) -> bool:
        """Calibrated on the dev set (bench/retrieval.py, dalil eval): any one strong signal says the
        question is about a procedure, unless it is about an off-topic subject and no signal is strong."""
        s = self.settings
        dense = max((h.dense for h in ctx.hits), default=0.0)
        lexical = max((h.lexical for h in ctx.hits), default=0.0)
        names = max((h.names for h in ctx.hits), default=0.0)
        off_topic = off_topic_terms(ctx.message)
        ctx.trace["scope"] = {
            "dense": round(dense, 4),
            "lexical": round(lexical, 2),
            "names": round(names, 2),
            "off_topic": off_topic,
        }
        if off_topic and lexical < s.off_topic_max_lexical and dense < s.off_topic_max_dense:
            return False
        return dense >= s.min_score or lexical >= s.min_lexical or names >= s.min_names

    def decide(self, ctx: Context) -> None:
        chosen = ctx.kb.by_title(ctx.message)
        if chosen:
            ctx.chosen = [chosen]
            return
        top = ctx.hits[0] if ctx.hits else None
        if ctx.followup_of and (top is None or not self._strong(top) or top.procedure_id == ctx.followup_of):
            # A follow-up about the procedure being discussed, unless it clearly starts a new topic.
            ctx.chosen = [ctx.followup_of]
            return
        if top is None:
            raise Stop(AnswerStatus.OUT_OF_SCOPE)
        neighbours = between_neighbours(ctx.message, len(analyze(ctx.message)), ctx.hits, ctx.kb, self._limits)
        ctx.trace["neighbours"] = neighbours.reason or None
        # A message that names a procedure ("الباسبور", "cnss") is about it however short it is.
        named = bool(neighbours.ask or neighbours.choose) and top.names >= self.settings.clarify_min_names
        if not named and not self._in_scope(ctx):
            raise Stop(AnswerStatus.OUT_OF_SCOPE)
        if neighbours.ask:
            ctx.options = list(neighbours.ask)
            raise Stop(AnswerStatus.CLARIFICATION)
        main = neighbours.choose or top.procedure_id
        related = set(ctx.kb.procedures[main].related)
        # Close relatives are worth a "see also" line (first passport vs renewal); strangers are not.
        see_also = [
            h.procedure_id
            for h in ctx.hits[:3]
            if h.procedure_id != main and h.procedure_id in related and h.score >= 0.9 * top.score
        ]
        ctx.chosen = [main, *see_also]

    def _strong(self, hit: Hit) -> bool:
        return hit.dense >= self.settings.min_score + self.settings.topic_switch_margin

    def compose(self, ctx: Context) -> None:
        """The short answer to what was asked (a follow-up's "et les documents ?" too), the card behind it."""
        main = ctx.kb.procedures[ctx.chosen[0]]
        others = [ctx.kb.procedures[pid] for pid in ctx.chosen[1:]]
        composed = compose_answer(main, others, ctx.lang, ctx.aspects)
        ctx.text, ctx.details = composed.text, composed.details
        ctx.trace["quoted"] = composed.quoted
        if self.generator is not None:
            cards = {p.id: card(p, ctx.lang) for p in [main, *others]}
            phrased = phrase_with_llm(self.generator, ctx.message, ctx.lang, cards, ctx.kb.allowed_urls)
            ctx.trace["llm"] = phrased.reason
            if phrased.text:
                ctx.text = phrased.text

    def guard_output(self, ctx: Context) -> None:
        ctx.text, removed = strip_foreign_links(ctx.text, ctx.kb.allowed_urls)
        ctx.details, removed_details = strip_foreign_links(ctx.details, ctx.kb.allowed_urls)
        ctx.trace["links_removed"] = removed + removed_details

    # --- driver ----------------------------------------------------------------------------

    def run(
        self,
        message: str,
        kb: KnowledgeBase,
        conversation: Conversation | None,
        lang: AnswerLang | None = None,
        session_id: str = "",
    ) -> Answer:
        ctx = Context(message=message, lang_override=lang, conversation=conversation, kb=kb)
        started = time.perf_counter()
        timings: dict[str, float] = {}
        for name, step in self.steps:
            t0 = time.perf_counter()
            try:
                step(ctx)
            except Stop as stop:
                ctx.status = stop.status
                timings[name] = round((time.perf_counter() - t0) * 1000, 2)
                break
            except Exception:
                log.exception("pipeline step failed", extra={"step": name})
                ctx.status = AnswerStatus.NO_ANSWER
                ctx.trace["error_step"] = name
                ctx.chosen, ctx.options = [], []
                ctx.text = say("error", ctx.lang)
                break
            timings[name] = round((time.perf_counter() - t0) * 1000, 2)
        ctx.trace["timings_ms"] = timings
        ctx.trace["total_ms"] = round((time.perf_counter() - started) * 1000, 2)
        return self._answer(ctx, session_id)

    def _answer(self, ctx: Context, session_id: str) -> Answer:
        kb = ctx.kb
        if ctx.status is AnswerStatus.CLARIFICATION:
            procs = [kb.procedures[pid] for pid in ctx.options]
            options = [Option(p.id, pick(p.title, ctx.lang)) for p in procs]
            lines = "\n".join(f"- [{o.title}]({kb.procedures[o.id].primary_url})" for o in options)
            text = f"{say('clarify', ctx.lang)}\n\n{lines}"
            sources = [Source(p.id, pick(p.title, ctx.lang), p.primary_url) for p in procs]
        elif ctx.status is AnswerStatus.ANSWERED:
            procs = [kb.procedures[pid] for pid in ctx.chosen]
            sources = [Source(p.id, pick(p.title, ctx.lang), p.primary_url) for p in procs]
            options, text = [], ctx.text
        else:
            sources = []
            options = [Option(pid, pick(kb.procedures[pid].title, ctx.lang)) for pid in ctx.options]
            text = ctx.text or (say(ctx.reply, ctx.lang) if ctx.reply else status_message(ctx.status, ctx.lang))
        procedure_id = ctx.chosen[0] if ctx.chosen else (ctx.options[0] if ctx.options else None)
        return Answer(
            status=ctx.status,
            language=ctx.lang,
            text=text,
            sources=sources,
            options=options,
            style=ctx.detection.style if ctx.detection else "fr",
            answer_id=uuid.uuid4().hex,
            session_id=session_id,
            procedure_id=procedure_id if ctx.status is AnswerStatus.ANSWERED else None,
            redacted_question=redact(ctx.message),
            trace=ctx.trace,
            details=ctx.details if ctx.status is AnswerStatus.ANSWERED else "",
            aspects=list(ctx.aspects) if ctx.status is AnswerStatus.ANSWERED else [],
        )
