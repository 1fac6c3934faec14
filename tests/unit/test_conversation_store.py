"""Conversations, turns and feedback in the database, on SQLite and on PostgreSQL."""

from __future__ import annotations

from sqlalchemy import Engine

from bot.conversation import ConversationStore
from bot.sessions import SESSION_ID_LENGTH, SessionIds
from bot.types import Answer, AnswerStatus, Source


def _answer(session: str, answer_id: str, procedure: str | None, lang: str = "fr") -> Answer:
    sources = [Source(procedure, "t", "https://www.example.ma")] if procedure else []
    status = AnswerStatus.ANSWERED if procedure else AnswerStatus.OUT_OF_SCOPE
    return Answer(status, lang, "texte", sources, answer_id=answer_id, session_id=session, procedure_id=procedure,
                  redacted_question=f"question {answer_id}", trace={"total_ms": 1.5})  # type: ignore[arg-type]


def test_turns_are_kept_in_order_and_the_procedure_discussed_follows(engine: Engine) -> None:
    store = ConversationStore(engine)
    assert store.load("s1") is None
    store.record(_answer("s1", "a1", "passport-renewal"), "web")
    store.record(_answer("s1", "a2", None, lang="ar"), "web")  # out of scope: the procedure discussed stays
    store.record(_answer("s1", "a3", "cnie-renewal", lang="darija"), "web")
    conversation = store.load("s1")
    assert conversation is not None
    assert (conversation.procedure_id, conversation.language) == ("cnie-renewal", "darija")
    assert [t.answer_id for t in conversation.turns] == ["a1", "a2", "a3"]
    assert conversation.turns[0].sources == ["passport-renewal"] and conversation.turns[0].question == "question a1"
    assert [t.answer_id for t in store.load("s1", last=2).turns] == ["a2", "a3"]  # type: ignore[union-attr]
    store.record(_answer("s2", "b1", None), "whatsapp")
    assert store.load("s2").procedure_id is None  # type: ignore[union-attr]


def test_feedback_is_tied_to_an_answer_of_its_session(engine: Engine) -> None:
    store = ConversationStore(engine)
    store.record(_answer("s1", "a1", "passport-renewal"), "web")
    assert store.has_answer("s1", "a1") and not store.has_answer("s2", "a1") and not store.has_answer("s1", "zz")
    store.add_feedback("s1", "a1", 1, None)
    store.add_feedback("s1", "a1", -1, "trop long")  # one rating per answer: the second replaces the first
    rows = store.feedback_rows()
    assert [(r["rating"], r["comment"]) for r in rows] == [(-1, "trop long")]
    assert store.feedback_rows(limit=1)[0]["rating"] == -1


def test_a_turn_of_a_session_id_the_web_issues_is_recorded(engine: Engine) -> None:
    # The server-signed web id is 65 characters: PostgreSQL refused it while the columns were VARCHAR(64).
    session = SessionIds("secret").issue()
    longest = "x" * SESSION_ID_LENGTH  # the longest id the API accepts
    store = ConversationStore(engine)
    for answer_id, conversation in (("a1", session), ("a2", longest)):
        store.record(_answer(conversation, answer_id, "passport-renewal"), "web")
        store.add_feedback(conversation, answer_id, 1, None)
        loaded = store.load(conversation)
        assert loaded is not None and [t.answer_id for t in loaded.turns] == [answer_id]
    assert len(store.feedback_rows()) == 2
