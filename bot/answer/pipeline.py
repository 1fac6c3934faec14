"""The answer, as an explicit list of small steps over a shared context.

guard input -> detect language -> social -> retrieve -> resolve follow-up -> guard intent -> scope ->
decide -> compose -> preface -> guard output.
Any step may stop with a status; the citizen then gets that status's prepared polite message.
:meth:`Pipeline.answer` never raises: an unexpected error becomes ``no_answer`` and is logged.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from typing import cast

from bot.answer.boundaries import check_scope, family_and_variant, guard_intent, names_a_procedure, reply_social
from bot.answer.carried import carried_aspects, carry_child
from bot.answer.clarify import ClarifyLimits, Neighbours, between_neighbours
from bot.answer.compose import card, compose_answer
from bot.answer.context import Context, Stop
from bot.answer.followup import only_an_aspect, resolve
from bot.answer.guard import strip_foreign_links
from bot.answer.llm import phrase_with_llm
from bot.answer.settled import asks_of_name, names_document, settled_by_name, wanted_document
from bot.config import Settings
from bot.conversation import Conversation
from bot.ports import Generator
from bot.privacy import redact, strip_contacts
from bot.search.query import prepare_query
from bot.search.served import KnowledgeBase
from bot.texts import pick, say, status_message
from bot.types import Answer, AnswerLang, AnswerStatus, Option, Source
from bot.understand.analysis import analyze
from bot.understand.aspects import detect_aspect, detect_aspects
from bot.understand.harm_reader import HarmReader
from bot.understand.language import detect
from bot.understand.safety import Verdict, check
from bot.understand.social import Social, question_mark, social_kind, without_social

log = logging.getLogger("dalil.pipeline")

# What a refusal says, by the kind of request refused (bot/understand/safety.py).
_REFUSALS = {"harm": "refused_harm", "data": "refused_data", "internals": "refused", "override": "refused"}


class Pipeline:
    def __init__(self, settings: Settings, generator: Generator | None = None, harm: HarmReader | None = None) -> None:
        self.settings = settings
        self.generator = generator
        self.harm = harm  # the learned harmful-intent reader (DALIL_HARM_READER_MIN; 0: not asked)
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
            ("retrieve", self.retrieve),
            ("resolve_followup", self.resolve_followup),
            ("guard_intent", lambda ctx: guard_intent(ctx, self.settings)),
            ("check_scope", self.check_scope),
            ("decide", self.decide),
            ("compose", self.compose),
            ("preface", self.preface),
            ("guard_output", self.guard_output),
        ]

    # --- steps -----------------------------------------------------------------------------

    def guard_input(self, ctx: Context) -> None:
        """Requests for Dalil's internals or for other people's data are refused before any search;
        harmful intent and attempts to steer the answer are weighed once the message is searched."""
        # Detect the language first so that even a refusal is in the citizen's language.
        ctx.detection = detect(ctx.message)
        ctx.lang = ctx.lang_override or ctx.detection.answer_lang
        # An option picked by its number ("2", "٢") has no language of its own: the conversation's.
        held = ctx.conversation.language if ctx.conversation else None
        if not ctx.lang_override and held in ("fr", "ar", "darija") and not any(c.isalpha() for c in ctx.message):
            ctx.lang = cast(AnswerLang, held)
        ctx.safety = check(ctx.message) or self.learned_harm(ctx.message, ctx.detection.style)
        ctx.search = without_social(ctx.message)
        if ctx.safety is not None:
            # Beside an instruction or an unlawful request, only the message's own question is searched.
            ctx.search = ctx.safety.question or ctx.message
            ctx.trace["safety"] = {"kind": ctx.safety.kind, "category": ctx.safety.category}
            ctx.reply = _REFUSALS[ctx.safety.kind]
            if ctx.safety.kind in ("internals", "data"):
                raise Stop(AnswerStatus.REFUSED)

    def learned_harm(self, message: str, style: str | None = None) -> Verdict | None:
        """What the rules let through, read by the learned reader: harmful above the threshold (``style``:
        the language detection the pipeline has made already, not made again)."""
        threshold = self.settings.harm_reader_min
        if self.harm is None or not threshold or self.harm.probability(message, style) < threshold:
            return None
        return Verdict("harm", "learned")

    def detect_language(self, ctx: Context) -> None:
        assert ctx.detection is not None
        ctx.trace["style"] = ctx.detection.style
        ctx.trace["language"] = ctx.lang

    def social(self, ctx: Context) -> None:
        """Greetings, thanks, goodbyes, "who are you", "what can you do", "help": a short reply in the
        language the words point to ("salam" is Darija), with a few procedures to start from."""
        found = social_kind(ctx.message, ctx.lang)
        if found is not None:
            reply_social(ctx, found)

    def resolve_followup(self, ctx: Context) -> None:
        """A later turn: the procedure it is about (bot/answer/followup.py), or a new question."""
        ctx.aspect = detect_aspect(ctx.message)
        ctx.aspects = detect_aspects(ctx.message)
        ctx.trace["aspect"] = ctx.aspect
        ctx.trace["aspects"] = list(ctx.aspects)
        conversation = ctx.conversation
        previous = conversation.procedure_id if conversation else None
        last = conversation.turns[-1] if conversation and conversation.turns else None
        offered = list(last.sources) if last and last.status == AnswerStatus.CLARIFICATION.value else []
        if (previous in ctx.kb.procedures or offered) and ctx.kb.by_title(ctx.message) is None:
            known = previous if previous in ctx.kb.procedures else None
            # The turn less its thanks or greeting ("Merci. Et c'est délivré en combien de temps ?", "chokran, w
            # ch7al?"): what it asks of the conversation, as it would be asked without them.
            said = without_social(ctx.message, apostrophes=True)
            said = said if said == ctx.message else said + question_mark(ctx.message)
            turn = resolve(said, known, ctx.kb, ctx.hits, self.settings, offered)
            earlier = [t.question for t in conversation.turns] if conversation else []
            turn = carry_child(turn, ctx.message, earlier, ctx.kb)
            ctx.trace["followup"] = turn.reason
            ctx.options = list(turn.options)  # a clarification asked again
            if turn.procedure is not None:
                ctx.chosen = [turn.procedure]
                # A turn that names another procedure is a new question about it, not a follow-up.
                ctx.followup_of = None if turn.reason == "switch" else known or turn.procedure
        if last is not None and offered and not ctx.aspects:
            picked = ctx.kb.by_title(ctx.message) or (ctx.chosen[0] if ctx.trace.get("followup") == "option" else None)
            ctx.aspects = carried_aspects(picked, offered, last.question)
            ctx.aspect = ctx.aspects[0] if len(ctx.aspects) == 1 else None
            ctx.trace["aspects_carried"] = list(ctx.aspects) or None
        ctx.trace["followup_of"] = ctx.followup_of

    def retrieve(self, ctx: Context) -> None:
        """Search, and ask the scope model about the same query vector (one embedding for both)."""
        assert ctx.detection is not None
        ctx.query = prepare_query(ctx.search or ctx.message, ctx.detection)
        ctx.vector = ctx.kb.retriever.embed(ctx.query)
        ctx.hits = ctx.kb.retriever.search(ctx.query, k=max(self.settings.top_k, 5), vector=ctx.vector)
        ctx.scope = ctx.kb.scope.probabilities(ctx.query.names_text, ctx.vector)
        ctx.ours = ctx.kb.calibration.probability(ctx.kb.signals.features(ctx.query, ctx.scope, ctx.hits))
        ctx.trace["hits"] = [
            {
                "id": h.procedure_id,
                "score": round(h.score, 5),
                "dense": round(h.dense, 4),
                "lexical": round(h.lexical, 3),
                "names": round(h.names, 2),
                "grams": round(h.grams, 2),
            }
            for h in ctx.hits
        ]

    def _neighbours(self, ctx: Context) -> Neighbours:
        """What the message says about close procedures (bot/answer/clarify.py): ask, or choose one."""
        if ctx.neighbours is None:
            found = between_neighbours(ctx.message, len(analyze(ctx.message)), ctx.hits, ctx.kb, self._limits)
            # A message that says one option's name whole has chosen it (bot/answer/settled.py).
            if found.ask and (said := settled_by_name(ctx.message, found.ask, found.reason, ctx.kb)):
                found = Neighbours(choose=said, reason=f"named:{found.reason}")
            # ... and a document wanted by its name is what is asked for, whatever search ranked first.
            elif not found.ask and not found.choose and (wanted := wanted_document(ctx.message, ctx.hits, ctx.kb)):
                found = Neighbours(choose=wanted, reason="wanted")
            ctx.neighbours = found
            ctx.trace["neighbours"] = found.reason or None
        return ctx.neighbours

    def check_scope(self, ctx: Context) -> None:
        """Not ours: stopped (bot/answer/boundaries.py). A greeting's punctuation goes with it, and without its
        question mark the scope model reads an Arabizi question as off topic ("salam, kifach n3awd lbitaqa
        dyali?" searched as "kifach n3awd lbitaqa dyali": off 0.68, with its "?" 0.18): a question about to be
        declined that way is read again with its mark, as it would be without the greeting."""
        try:
            self._check_scope(ctx)
        except Stop as stop:
            mark = question_mark(ctx.message)
            declined = stop.status in (AnswerStatus.OUT_OF_SCOPE, AnswerStatus.NOT_COVERED)
            greeted = ctx.safety is None and ctx.search not in ("", ctx.message)
            if not (declined and greeted and mark) or ctx.search.endswith(mark):
                raise
            ctx.trace["scope_first"] = ctx.trace.get("scope")
            ctx.search, ctx.text, ctx.neighbours = ctx.search + mark, "", None
            self.retrieve(ctx)
            self.resolve_followup(ctx)
            self._check_scope(ctx)

    def _check_scope(self, ctx: Context) -> None:
        # A later turn resolved to its procedure or to the same clarification, or a tapped option, is ours.
        if ctx.chosen or ctx.options or ctx.kb.by_title(ctx.message) is not None or not ctx.hits:
            return
        # A fact asked with nothing else, and no procedure to ask it of ("délai ?", "w bch7al?"): which one?
        if only_an_aspect(ctx.message):
            reply_social(ctx, Social("help", ctx.lang))
        neighbours = self._neighbours(ctx)
        named = bool(neighbours.ask or neighbours.choose) and names_a_procedure(ctx, neighbours, self.settings)
        top = ctx.hits[0].procedure_id
        named = named or family_and_variant(ctx.message, ctx.kb, top)
        # A fact asked of a procedure named whole ("wach kayn des frais f certificat de residence") is ours
        # unless the scope model finds a procedure the base lacks.
        asked = bool(ctx.aspects) and asks_of_name(ctx.message, ctx.kb, top)
        # ... and so is one that names the top procedure's document whole ("pour le certificat de
        # résidence, c'est le moqadem qui le fait ?").
        asked = asked or names_document(ctx.message, ctx.kb, top)
        check_scope(ctx, self.settings, named, asked)

    def decide(self, ctx: Context) -> None:
        chosen = ctx.kb.by_title(ctx.message)
        if chosen:
            ctx.chosen = [chosen]
            return
        if ctx.chosen:  # a later turn already resolved to its procedure
            return
        if ctx.options:  # a later turn about a clarification that chose nothing: asked again
            raise Stop(AnswerStatus.CLARIFICATION)
        top = ctx.hits[0] if ctx.hits else None
        if top is None:
            raise Stop(AnswerStatus.NO_ANSWER)
        neighbours = self._neighbours(ctx)
        if neighbours.ask:
            ctx.options = list(neighbours.ask)
            raise Stop(AnswerStatus.CLARIFICATION)
        main = neighbours.choose or top.procedure_id
        ctx.variants = list(neighbours.variants)
        related = set(ctx.kb.procedures[main].related)
        # Close relatives are worth a "see also" line (first passport vs renewal); strangers are not.
        see_also = [
            h.procedure_id
            for h in ctx.hits[:3]
            if h.procedure_id != main and h.procedure_id in related and h.score >= 0.9 * top.score
        ]
        ctx.chosen = [main, *see_also]

    def compose(self, ctx: Context) -> None:
        """The short answer to what was asked (a follow-up's "et les documents ?" too), the card behind it."""
        main = ctx.kb.procedures[ctx.chosen[0]]
        others = [ctx.kb.procedures[pid] for pid in ctx.chosen[1:]]
        variants = [ctx.kb.procedures[pid] for pid in ctx.variants]
        composed = compose_answer(main, others, ctx.lang, ctx.aspects, variants)
        ctx.text, ctx.details = composed.text, composed.details
        ctx.trace["quoted"] = composed.quoted
        if self.generator is not None:
            cards = {p.id: card(p, ctx.lang) for p in [main, *others]}
            phrased = phrase_with_llm(self.generator, ctx.message, ctx.lang, cards, ctx.kb.allowed_urls)
            ctx.trace["llm"] = phrased.reason
            if phrased.text:
                ctx.text = phrased.text

    def preface(self, ctx: Context) -> None:
        """One line before the card: the opinion declined, or the unlawful part of the request refused."""
        if ctx.preface:
            ctx.text = f"{say(ctx.preface, ctx.lang)}\n\n{ctx.text}"

    def guard_output(self, ctx: Context) -> None:
        """Only the knowledge base's links, e-mail addresses and phone numbers ever leave."""
        removed = 0
        for name in ("text", "details"):
            text, links = strip_foreign_links(getattr(ctx, name), ctx.kb.allowed_urls)
            text, contacts = strip_contacts(text, ctx.kb.allowed_contacts)
            setattr(ctx, name, text)
            removed += links + contacts
        ctx.trace["links_removed"] = removed

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
            # A fact answered for a whole family still offers its variants (the citizen picks for the rest).
            options = [Option(pid, pick(kb.procedures[pid].title, ctx.lang)) for pid in ctx.variants]
            text = ctx.text
        elif ctx.status is AnswerStatus.REFUSED and ctx.chosen:
            # The lawful procedure the refused request was about, linked.
            proc = kb.procedures[ctx.chosen[0]]
            sources, options = [Source(proc.id, pick(proc.title, ctx.lang), proc.primary_url)], []
            link = f"**{say('lawful_way', ctx.lang)}**{say('colon', ctx.lang)}[{sources[0].title}]({proc.primary_url})"
            text = f"{say(ctx.reply, ctx.lang)}\n\n{link}"
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
