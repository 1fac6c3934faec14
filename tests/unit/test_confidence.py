""""Did I hear you right?": the confidence rule on its own, then through ``Dalil.answer_heard`` with
fakes in every seam (what is recorded, what the citizen is asked, the session's language as the
recogniser's prior), and the vocabulary that primes Whisper."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.adapters.stt import PROMPT_TOKENS, build_prompt
from bot.app import Parts, build
from bot.assistant import Dalil
from bot.config import ROOT
from bot.knowledge.loading import load_knowledge
from bot.types import Answer, AnswerStatus, Transcript
from bot.voice.confidence import ConfidencePolicy, assess
from bot.voice.vocabulary import vocabulary
from tests.fakes import FakeTranscriber
from tests.unit.test_audio import encoded
from tests.unit.test_pipeline import fake_settings

POLICY = ConfidencePolicy(enabled=True, min_logprob=-0.6, max_no_speech=0.5, min_margin=0.5)


def answered(*scores: float, status: AnswerStatus = AnswerStatus.ANSWERED, followup: str | None = None) -> Answer:
    hits = [{"id": f"p{i}", "score": s} for i, s in enumerate(scores)]
    return Answer(status, "fr", "…", trace={"hits": hits, "followup_of": followup})


@pytest.mark.parametrize(
    ("logprob", "no_speech", "answer", "doubts"),
    [
        (-0.3, 0.01, answered(3.0, 1.0), ()),
        (-0.9, 0.01, answered(3.0, 1.0), ("recognition",)),
        (-0.3, 0.80, answered(3.0, 1.0), ("speech",)),
        (-0.3, 0.01, answered(3.0, 2.8), ("retrieval",)),
        (-0.3, 0.01, answered(3.0, 2.8, followup="p0"), ()),  # a follow-up's lead says nothing
        (-0.9, 0.01, answered(3.0, status=AnswerStatus.OUT_OF_SCOPE), ("recognition", "scope")),
        (-0.3, 0.01, answered(3.0, status=AnswerStatus.OUT_OF_SCOPE), ()),  # clearly heard, clearly not ours
        (None, None, answered(3.0, 2.9), ("retrieval",)),  # a server that gives no scores: retrieval alone
    ],
)
def test_either_witness_in_doubt_asks_the_citizen(logprob, no_speech, answer, doubts) -> None:  # type: ignore[no-untyped-def]
    confidence = assess(Transcript("x", "fr", 2.0, 1.0, logprob, no_speech), answer, POLICY)
    assert confidence.doubts == doubts and confidence.confirm == bool(doubts)
    assert 0.0 <= confidence.score <= 1.0


def test_the_confirmation_can_be_turned_off_but_the_doubts_are_still_said() -> None:
    off = ConfidencePolicy(enabled=False, min_logprob=-0.6, max_no_speech=0.5, min_margin=0.5)
    confidence = assess(Transcript("x", "fr", 2.0, 1.0, -2.0, 0.9), answered(3.0, 2.9), off)
    assert not confidence.confirm and confidence.doubts == ("recognition", "speech", "retrieval")


@pytest.fixture(scope="module")
def voice(tmp_path_factory: pytest.TempPathFactory, fake_app_parts: Parts) -> tuple[Dalil, FakeTranscriber]:
    folder = tmp_path_factory.mktemp("fake-voice")
    transcriber = FakeTranscriber()
    # Thresholds the fakes' scores can cross both ways: any log-probability under -1 is a doubt.
    settings = fake_settings(folder, voice_min_logprob=-1.0, voice_min_margin=0.0)
    # The session's fakes over the real knowledge base, with a transcriber of this module's own.
    return build(settings, replace(fake_app_parts, transcriber=transcriber)), transcriber


def test_a_surely_heard_question_is_answered_and_recorded(voice) -> None:  # type: ignore[no-untyped-def]
    dalil, _ = voice
    heard = dalil.answer_heard(Transcript("comment renouveler mon passeport", "fr", 2.0, 1.0, -0.2, 0.01), "v-sure")
    assert not heard.confirm and heard.answer.sources[0].id == "passport-renewal" and heard.answer.answer_id
    assert heard.to_dict()["transcript"] == "comment renouveler mon passeport"
    assert dalil.answer("et ça coûte combien ?", "v-sure").sources[0].id == "passport-renewal"


def test_an_unsure_one_asks_in_its_language_and_leaves_the_session_on_its_topic(voice) -> None:  # type: ignore[no-untyped-def]
    dalil, _ = voice
    dalil.answer("comment obtenir un extrait d'acte de naissance", "v-unsure")
    misheard = Transcript("comment renouveler mon passe port", "fr", 2.0, 1.0, -1.7, 0.05)
    heard = dalil.answer_heard(misheard, "v-unsure")
    assert heard.confirm and "recognition" in heard.doubts
    body = heard.to_dict()
    question = "🎙️ J'ai compris : « comment renouveler mon passe port ». C'est bien votre question ?"
    assert body["confirm"] is True and body["answer"] == question
    assert body["sources"] == [] and body["options"] == [] and body["answer_id"] == ""
    assert body["details"] == "" and body["aspects"] == []  # no card of the possibly misheard question
    assert body["status"] == heard.answer.status.value and body["session_id"] == "v-unsure"
    # Nothing was recorded: a follow-up still speaks of the birth certificate.
    assert dalil.answer("et les documents ?", "v-unsure").sources[0].id == "birth-certificate"

    darija = dalil.answer_heard(Transcript("بغيت نجدد الباسبور", "ar", 2.0, 1.0, -1.5, 0.0), "v-unsure-2")
    assert darija.confirm and darija.answer.language == "darija" and "واش هادا هو السؤال ديالك" in darija.answer.text


def test_the_sessions_language_is_the_recognisers_prior_not_an_order(voice) -> None:  # type: ignore[no-untyped-def]
    dalil, transcriber = voice
    dalil.answer("بغيت نجدد لاكارط ديالي", "v-prior")  # a Darija conversation
    transcriber.script += [Transcript("passeport", "fr", 1.0)] * 3
    dalil.transcribe(encoded("wav", 1.0), "audio/wav", None, "v-prior")
    dalil.transcribe(encoded("wav", 1.0), "audio/wav", "fr", "v-prior")  # the citizen's own hint wins
    dalil.transcribe(encoded("wav", 1.0), "audio/wav", None, "v-new-session")
    assert transcriber.priors[-3:] == ["ar", None, None]
    assert [call[2] for call in transcriber.calls[-3:]] == [None, "fr", None]


def test_the_vocabulary_is_the_knowledge_bases_names_in_whispers_scripts() -> None:
    words = vocabulary(load_knowledge(ROOT / "knowledge").procedures)
    french, arabic = words["fr"], words["ar"]
    # Families first, each named once by the name its members' names contain most.
    assert set(french[:4]) == {"permis", "passeport", "carte grise", "CIN"}
    assert not any(name.startswith("permis ") and name != "permis de construire" for name in french)
    arabic_script = lambda word: any("\u0600" <= c <= "\u06ff" for c in word)  # noqa: E731
    assert not any(map(arabic_script, french)) and all(map(arabic_script, arabic))
    assert {"البيرمي", "الباسبور", "لاكارط"} <= set(arabic[:4]) and "المقاطعة" in arabic  # and the lexicon's offices
    assert len(set(map(str.lower, french))) == len(french)


def test_the_prompt_keeps_the_first_words_within_its_token_budget() -> None:
    words = [f"w{i}" for i in range(500)]
    prompt = build_prompt("Opening: ", words, lambda text: len(text.split()))
    assert prompt.startswith("Opening: w0, w1, w2") and prompt.endswith(".")
    kept = prompt.removeprefix("Opening: ").rstrip(".").split(", ")
    assert len(kept) == (PROMPT_TOKENS - 1) // 2 and kept == words[: len(kept)]
