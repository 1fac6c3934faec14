"""What each retriever reads of a message (bot.search.query.prepare_query)."""

from __future__ import annotations

from bot.search.indexes import char_grams
from bot.search.query import prepare_query
from bot.understand.language import detect


def test_char_grams_read_the_darija_words_of_a_code_switched_message() -> None:
    message = "salam, wldi tzad f la clinique, chno ndir bach nsejlo f la commune?"
    query = prepare_query(message, detect(message))
    assert detect(message).style == "mixed"
    words = query.grams_text.split()
    assert "nsejlo" in words and "tzad" in words
    assert not {"clinique", "commune"} & set(words)
    assert "clinique" in query.names_text and "clinique" in query.lexical_text  # still searched by BM25


def test_french_and_arabic_messages_keep_every_word_for_char_grams() -> None:
    for message in ("Comment renouveler ma carte d'identité ?", "كيف أجدد بطاقة التعريف الوطنية؟"):
        query = prepare_query(message, detect(message))
        assert query.grams_text == query.names_text
        assert char_grams(query.grams_text)


def test_a_latin_article_glued_on_is_read_without_it_by_the_names_index() -> None:
    for message, word in (("lpasseport 3afak", "passeport"), ("bghit lcarte grise", "carte"), ("lcin", "cin")):
        query = prepare_query(message, detect(message))
        assert word in query.names_text.split(), query.names_text
    query = prepare_query("lkhedma dyal lbnat", detect("lkhedma dyal lbnat"))
    assert not {"khedma", "bnat"} & set(query.names_text.split())  # only words the lexicon knows


def test_french_typed_without_its_apostrophe_is_read_unglued() -> None:
    query = prepare_query("renouveler la carte didentite", detect("renouveler la carte didentite"))
    assert "identite" in query.names_text.split() and "identite" in query.lexical_text.split()
