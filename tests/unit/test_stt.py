"""The speech seam without running a model: assembly of the embedded model, model resolution, the
remote protocol's corners, and the voice helpers."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path

import pytest

from bot.adapters.stt import DEFAULT_PROMPTS, _repeats_prompt
from bot.adapters.stt_remote import RemoteTranscriber, parse_transcript, transcriptions_url
from bot.adapters.whisper_model import (
    WHISPER_BASE_DIR,
    WHISPER_BASE_SHA256,
    WHISPER_BASE_SIZE,
    ensure_whisper_base,
    resolve_model,
)
from bot.config import Settings
from bot.voice.transcribe import NON_SPEECH, whisper_language


def test_the_embedded_model_is_assembled_whole_and_replaces_a_half_copy(tmp_path: Path) -> None:
    half = tmp_path / WHISPER_BASE_DIR
    half.mkdir()
    (half / "model.bin").write_bytes(b"half a model")  # what a crash during a plain copy leaves
    folder = ensure_whisper_base(tmp_path)
    assert folder == half
    assert (folder / "model.bin").stat().st_size == WHISPER_BASE_SIZE
    names = {p.name for p in folder.iterdir()}
    assert names == {"model.bin", "config.json", "tokenizer.json", "vocabulary.txt", "ASSEMBLED"}
    assert [p.name for p in tmp_path.iterdir()] == [WHISPER_BASE_DIR]  # no temporary folder left behind
    digest = hashlib.sha256()
    with (folder / "model.bin").open("rb") as f:
        while block := f.read(1 << 22):
            digest.update(block)
    assert digest.hexdigest() == WHISPER_BASE_SHA256


def test_concurrent_starts_share_one_assembled_model(tmp_path: Path) -> None:
    results: list[Path] = []
    errors: list[BaseException] = []

    def start() -> None:
        try:
            results.append(ensure_whisper_base(tmp_path))
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(set(results)) == 1
    assert [p.name for p in tmp_path.iterdir()] == [WHISPER_BASE_DIR]


def test_resolve_model_accepts_a_folder_a_size_or_a_hub_id_and_explains_the_rest(tmp_path: Path) -> None:
    def settings(model: str) -> Settings:
        return Settings(data_dir=tmp_path, whisper_model=model)

    folder = tmp_path / "darija-ct2"
    folder.mkdir()
    with pytest.raises(ValueError, match=r"no model\.bin"):
        resolve_model(settings(str(folder)))
    (folder / "model.bin").write_bytes(b"x")
    assert resolve_model(settings(str(folder))) == str(folder)
    assert resolve_model(settings("large-v3")) == "large-v3"
    assert resolve_model(settings("someone/whisper-darija-ct2")) == "someone/whisper-darija-ct2"
    with pytest.raises(ValueError, match="no such folder"):
        resolve_model(settings(str(tmp_path / "missing")))
    with pytest.raises(ValueError, match="not a size"):
        resolve_model(settings("huge"))


@pytest.mark.parametrize(
    ("base", "endpoint"),
    [
        ("https://api.openai.com/v1", "https://api.openai.com/v1/audio/transcriptions"),
        ("http://gpu:8000", "http://gpu:8000/v1/audio/transcriptions"),
        ("http://gpu:8000/v1/", "http://gpu:8000/v1/audio/transcriptions"),
        ("http://gpu:8000/v1/audio/transcriptions", "http://gpu:8000/v1/audio/transcriptions"),
    ],
)
def test_the_remote_endpoint_is_found_from_any_base_url(base: str, endpoint: str) -> None:
    assert transcriptions_url(base) == endpoint


def test_remote_answers_are_normalised() -> None:
    openai = parse_transcript({"text": " Bonjour ", "language": "french", "duration": 2.5})
    assert (openai.text, openai.language, openai.duration_s) == ("Bonjour", "fr", 2.5)
    assert parse_transcript({"text": "x", "language": "ar"}).language == "ar"
    assert parse_transcript({"text": "بغيت نجدد البطاقة"}).language == "ar"  # plain json: from the script
    assert parse_transcript({"text": "carte grise"}).language == "fr"
    assert parse_transcript({"text": ""}).language is None


def test_hints_map_darija_to_arabic(tmp_path: Path) -> None:
    from bot.adapters.stt import DecodeOptions

    assert [whisper_language(x) for x in ("darija", "ar", "fr", None, "")] == ["ar", "ar", "fr", None, None]
    assert DecodeOptions.from_settings(Settings(data_dir=tmp_path, whisper_language="darija")).language == "ar"
    assert DecodeOptions.from_settings(Settings(data_dir=tmp_path, whisper_language="")).language is None


@pytest.mark.parametrize(
    "text", ["Sous-titres réalisés par la communauté d'Amara.org", "ترجمة نانسي قنقر", "...", "Abonnez-vous !"]
)
def test_subtitle_credits_are_not_questions(text: str) -> None:
    assert NON_SPEECH.match(text)


@pytest.mark.parametrize("text", ["merci", "comment renouveler mon passeport ?", "بغيت نجدد البطاقة"])
def test_real_questions_are_kept(text: str) -> None:
    assert not NON_SPEECH.match(text)


def test_a_recited_prompt_is_detected() -> None:
    prompt = DEFAULT_PROMPTS["fr"]
    assert _repeats_prompt("Et bien que moqataa, que passeport, acte de naissance, carte grise", prompt)
    assert not _repeats_prompt("Comment renouveler mon passeport ?", prompt)
    # A long note naming several documents is not a recital.
    listed = "Le passeport ? Et l'acte de naissance, puis la carte grise et le casier judiciaire"
    assert not _repeats_prompt(listed, prompt)
    assert _repeats_prompt("الإجراءات، جواز السفر، عقد الازدياد، البطاقة الرمادية", DEFAULT_PROMPTS["ar"])
    # Its opening words, whatever follows (the terms a knowledge-base prompt lists change with the KB).
    assert _repeats_prompt("Démarches administratives, bac, copie, faute-inputation", prompt)


def test_whispers_threads_yield_the_cpu_to_typed_questions() -> None:
    """The model is built in a thread of lower priority: the threads CTranslate2 starts then (here, one
    started by the stand-in builder) inherit it; the caller's own priority is untouched."""
    import os

    from bot.adapters.whisper_model import _built_yielding

    seen: list[int] = []

    def build():  # type: ignore[no-untyped-def]
        worker = threading.Thread(target=lambda: seen.append(os.getpriority(os.PRIO_PROCESS, 0)))
        worker.start()
        worker.join()
        return "model"

    mine = os.getpriority(os.PRIO_PROCESS, 0)
    assert _built_yielding(10, build) == "model"
    assert seen == [min(19, mine + 10)] and os.getpriority(os.PRIO_PROCESS, 0) == mine
    with pytest.raises(ValueError):
        _built_yielding(0, lambda: (_ for _ in ()).throw(ValueError("no model.bin")))


def test_the_remote_backends_prompt_follows_the_setting_then_the_vocabulary() -> None:
    words = {"fr": ["passeport", "carte grise"], "ar": ["الباسبور"]}
    built = RemoteTranscriber("http://stt", "m", vocabulary=words)
    assert built.prompt_for("fr") == "Démarches administratives au Maroc : passeport, carte grise."
    assert built.prompt_for("darija") is not None and "الباسبور" in built.prompt_for("darija")  # type: ignore[operator]
    assert built.prompt_for(None) is None and built.prompt_for("en") is None
    assert RemoteTranscriber("http://stt", "m", prompt="", vocabulary=words).prompt_for("fr") is None  # "" = none
    assert RemoteTranscriber("http://stt", "m", prompt="CNIE.", vocabulary=words).prompt_for(None) == "CNIE."
