"""The checks every voice note goes through, with a scripted transcriber: what reaches the
transcriber, and the code of each refusal."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.errors import AudioError
from bot.types import Transcript
from bot.voice.transcribe import VoiceGate
from tests.fakes import FakeTranscriber
from tests.unit.test_audio import encoded


def gate(tmp_path: Path, *script: Transcript | Exception, **settings: object) -> tuple[VoiceGate, FakeTranscriber]:
    transcriber = FakeTranscriber(list(script))
    return VoiceGate(Settings(data_dir=tmp_path, **settings), transcriber), transcriber  # type: ignore[arg-type]


def test_the_transcript_is_tidied_and_cut_like_typed_text(tmp_path: Path) -> None:
    said = Transcript("  Comment   renouveler\n mon passeport ?", "ar", 0.0)
    voice, transcriber = gate(tmp_path, said, max_message_chars=20)
    transcript = voice.transcribe(encoded("wav", 1.0), "application/octet-stream", "darija")
    assert transcript.text == "Comment renouveler m" and transcript.duration_s == pytest.approx(1.0, abs=0.05)
    # The canonical type of the real container, and Darija heard as Arabic.
    assert transcriber.calls == [(len(encoded("wav", 1.0)), "audio/wav", "ar")]


@pytest.mark.parametrize("said", ["", "   ", "Sous-titres réalisés par la communauté d'Amara.org"])
def test_nothing_said_is_no_speech(tmp_path: Path, said: str) -> None:
    voice, _ = gate(tmp_path, Transcript(said, None, 1.0))
    with pytest.raises(AudioError) as err:
        voice.transcribe(encoded("wav", 1.0), "audio/wav", None)
    assert err.value.code == "no_speech" and err.value.status_code == 422 and not err.value.retryable


def test_a_failing_recogniser_is_unavailable_and_worth_retrying(tmp_path: Path) -> None:
    voice, _ = gate(tmp_path, RuntimeError("model crashed"))
    with pytest.raises(AudioError) as err:
        voice.transcribe(encoded("wav", 1.0), "audio/wav", "fr")
    assert err.value.code == "unavailable" and err.value.status_code == 503 and err.value.retryable


def test_bad_audio_never_reaches_the_transcriber(tmp_path: Path) -> None:
    voice, transcriber = gate(tmp_path, max_audio_seconds=2)
    png = b"\x89PNG\r\n\x1a\n" + bytes(100)
    for data, code in [(b"", "empty"), (png, "unsupported"), (encoded("wav", 3.0), "too_long")]:
        with pytest.raises(AudioError) as err:
            voice.transcribe(data, "audio/ogg", None)
        assert err.value.code == code
    assert transcriber.calls == []
