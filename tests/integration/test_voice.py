"""Voice questions end to end with the real Whisper base model: espeak-ng speaks, ffmpeg encodes the
formats phones and browsers send, /api/voice transcribes and answers.

espeak-ng's Arabic is nearly unintelligible to Whisper base: Arabic clips check the pipeline (script,
hints, limits), French ones also check that the right procedure is found.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.parser import BytesParser
from email.policy import default as email_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from bot.errors import AudioError
from bot.types import Transcript
from bot.voice.transcribe import VoiceGate
from tests.conftest import MODEL_CACHE, make_settings

pytestmark = pytest.mark.integration

ARABIC = re.compile(r"[\u0600-\u06FF]")
ENCODERS = {
    "wav": ["-c:a", "pcm_s16le"],
    "ogg": ["-ar", "48000", "-c:a", "libopus", "-b:a", "24k"],  # WhatsApp voice note
    "webm": ["-ar", "48000", "-c:a", "libopus", "-b:a", "32k"],  # browser MediaRecorder
    "mp3": ["-c:a", "libmp3lame", "-b:a", "64k"],
    "m4a": ["-c:a", "aac", "-b:a", "64k"],  # iPhone voice memo
}
# Clearly spoken French questions (espeak-ng fr+f5, 150 wpm) and the procedure each must find.
FRENCH = {
    "passport": ("Je voudrais renouveler mon passeport, comment faire ?", "passport-renewal"),
    "birth": ("Je voudrais obtenir un extrait d'acte de naissance.", "birth-certificate"),
    "company": ("Comment créer une entreprise au Maroc ?", "company-creation"),
    "residence": ("Comment demander un certificat de résidence ?", "residence-certificate"),
    "elections": ("Comment s'inscrire pour voter aux élections ?", "electoral-registration"),
}
# Whisper base's int8 decoding differs with the CPU's kernels: the short "Comment renouveler mon passeport ?"
# at 150 wpm was heard right on one machine and "Comment re-n'unir mou passe-o ?" (Opus) or "Comment renunir
# mon passeport ?" (WAV) on another. The longer request, a little slower, gives the decoder context: every
# format heard "passeport" on both.
PASSPORT_WPM = "140"
ARABIC_QUESTION = "كيف أجدد جواز السفر؟"
# Said far too fast on a telephone line: Whisper base writes something, unsure of every word.
GARBLED = ("fr+m3", 320, "Je voudrais savoir comment obtenir une attestation de concordance pour mon dossier")
PHONE_LINE = ["-af", "highpass=f=300,lowpass=f=3400,aresample=8000,aresample=16000"]


def _run(*args: str) -> None:
    subprocess.run(args, check=True, capture_output=True)


def _ffmpeg(*args: str) -> None:
    _run("ffmpeg", "-nostdin", "-loglevel", "error", "-y", *args)


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every clip the tests send, generated once: ``<name>.<format>``."""
    if not (shutil.which("espeak-ng") and shutil.which("ffmpeg")):
        pytest.fail("espeak-ng and ffmpeg are needed: run make system-deps (make test does)")
    folder = tmp_path_factory.mktemp("voice")
    spoken = {name: ("fr+f5", text) for name, (text, _) in FRENCH.items()} | {"arabic": ("ar", ARABIC_QUESTION)}
    out: dict[str, Path] = {}
    for name, (voice, text) in spoken.items():
        wav = folder / f"{name}.wav"
        wpm = PASSPORT_WPM if name == "passport" else "150"
        _run("espeak-ng", "-v", voice, "-s", wpm, "-g", "6", "-w", str(wav), text)
        for fmt, args in ENCODERS.items():
            out[f"{name}.{fmt}"] = wav if fmt == "wav" else folder / f"{name}.{fmt}"
            if fmt != "wav":
                _ffmpeg("-i", str(wav), *args, str(out[f"{name}.{fmt}"]))
    out["silence.ogg"] = folder / "silence.ogg"
    _ffmpeg("-f", "lavfi", "-i", "anullsrc=r=48000:cl=mono", "-t", "5", *ENCODERS["ogg"], str(out["silence.ogg"]))
    out["noise.webm"] = folder / "noise.webm"
    _ffmpeg("-f", "lavfi", "-i", "anoisesrc=color=pink:amplitude=0.02:d=5", *ENCODERS["webm"], str(out["noise.webm"]))
    voice, wpm, text = GARBLED
    _run("espeak-ng", "-v", voice, "-s", str(wpm), "-w", str(folder / "garbled.wav"), text)
    out["garbled.ogg"] = folder / "garbled.ogg"
    _ffmpeg("-i", str(folder / "garbled.wav"), *PHONE_LINE, *ENCODERS["ogg"], str(out["garbled.ogg"]))
    out["3min.ogg"] = folder / "3min.ogg"
    _ffmpeg("-f", "lavfi", "-i", "anullsrc=r=48000:cl=mono", "-t", "180", *ENCODERS["ogg"], str(out["3min.ogg"]))
    return out


MIME = {"ogg": "audio/ogg", "webm": "audio/webm", "mp3": "audio/mpeg", "m4a": "audio/mp4", "wav": "audio/wav"}


def ask(client, path: Path, **form: str):  # type: ignore[no-untyped-def]
    mime = MIME.get(path.suffix.lstrip("."), "application/octet-stream")
    return client.post("/api/voice", files={"audio": (path.name, path.read_bytes(), mime)}, data=form)


@pytest.fixture(scope="module")
def sure(settings, parts) -> Iterator:  # type: ignore[no-untyped-def]
    """/api/voice without "did I hear you right?": recognition and retrieval on their own (the
    confirmation is tested below with the default thresholds)."""
    from fastapi.testclient import TestClient

    from web.app import create_app

    with TestClient(create_app(settings.model_copy(update={"voice_confirm": False}), parts)) as test_client:
        yield test_client


# --- recognition and answers ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["ogg", "webm", "mp3", "m4a", "wav"])
def test_a_french_voice_question_is_answered_in_every_format(sure, clips, fmt: str) -> None:
    r = ask(sure, clips[f"passport.{fmt}"])
    assert r.status_code == 200, r.text
    body = r.json()
    assert "passeport" in body["transcript"].lower()
    assert body["transcript_language"] == "fr" and not ARABIC.search(body["transcript"])
    assert body["status"] in ("answered", "clarification") and body["language"] == "fr"
    assert "passport-renewal" in [s["id"] for s in body["sources"]]
    # The chat response contract, plus the transcript and how surely it was heard.
    assert set(body) >= {"session_id", "answer", "options", "abstained", "answer_id", "style"}
    assert body["confirm"] is False and 0.0 < body["confidence"] <= 1.0


def test_clearly_spoken_french_questions_find_their_procedure(sure, clips) -> None:
    # espeak-ng through Whisper base misses a word now and then (bench/voice_eval.py measures the rate
    # on a held-out set): three of these four must find their procedure, and every one is in French.
    found, heard = 0, []
    for name, fmt in [("birth", "ogg"), ("company", "webm"), ("residence", "mp3"), ("elections", "ogg")]:
        body = ask(sure, clips[f"{name}.{fmt}"]).json()
        assert body["transcript"] and not ARABIC.search(body["transcript"])
        found += FRENCH[name][1] in [s["id"] for s in body["sources"]]
        heard.append(body["transcript"])
    assert found >= 3, heard


@pytest.mark.parametrize(("fmt", "lang"), [("ogg", "ar"), ("webm", "darija"), ("mp3", "ar")])
def test_an_arabic_voice_question_is_transcribed_in_arabic_script(client, clips, fmt: str, lang: str) -> None:
    r = ask(client, clips[f"arabic.{fmt}"], lang=lang)
    assert r.status_code == 200, r.text
    body = r.json()
    assert ARABIC.search(body["transcript"]), body["transcript"]
    assert not re.search(r"[A-Za-z]{3,}", body["transcript"])
    assert body["transcript_language"] == "ar"
    assert body["language"] == lang  # the hint is also the answer language, as in /api/chat


def test_the_session_continues_across_voice_and_text(sure, clips) -> None:
    first = ask(sure, clips["company.webm"]).json()
    assert first["status"] == "answered"
    follow = sure.post("/api/chat", json={"message": "et ça coûte combien ?", "session_id": first["session_id"]})
    assert follow.status_code == 200
    assert "company-creation" in [s["id"] for s in follow.json()["sources"]]


def test_a_note_heard_unsure_is_confirmed_before_any_answer(client, clips) -> None:
    opened = client.post("/api/chat", json={"message": "comment obtenir un extrait d'acte de naissance"}).json()
    session = opened["session_id"]  # issued by the server: the only kind it continues
    r = ask(client, clips["garbled.ogg"], session_id=session)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["confirm"] is True and 0.0 <= body["confidence"] <= 1.0 and body["transcript"]
    assert body["answer"].startswith("🎙️ J'ai compris : « ") and body["transcript"][:20] in body["answer"]
    assert body["sources"] == [] and body["options"] == [] and body["answer_id"] == ""
    assert body["details"] == "" and body["session_id"] == session
    # The unconfirmed answer was not recorded: the conversation is still about the birth certificate.
    follow = client.post("/api/chat", json={"message": "et les documents ?", "session_id": session}).json()
    assert follow["sources"][0]["id"] == "birth-certificate"


def test_a_clear_note_is_answered_directly_with_the_default_thresholds(client, clips) -> None:
    # A WhatsApp note heard with the default thresholds: no "did I hear you right?".
    body = ask(client, clips["passport.ogg"]).json()
    assert body["confirm"] is False and "passport-renewal" in [s["id"] for s in body["sources"]]
    assert "passeport" in body["transcript"].lower()


# --- refusals ------------------------------------------------------------------------------------


def test_an_image_renamed_ogg_is_415(client) -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(3000)
    r = client.post("/api/voice", files={"audio": ("note.ogg", png, "audio/ogg")})
    assert r.status_code == 415
    assert "OGG" in r.json()["detail"]


def test_an_empty_file_is_400(client) -> None:
    r = client.post("/api/voice", files={"audio": ("note.ogg", b"", "audio/ogg")})
    assert r.status_code == 400
    assert "empty" in r.json()["detail"]


def test_eleven_megabytes_is_413(client) -> None:
    big = b"OggS" + bytes(11 * 1024 * 1024)
    r = client.post("/api/voice", files={"audio": ("note.ogg", big, "audio/ogg")})
    assert r.status_code == 413
    assert "MB" in r.json()["detail"]


def test_three_minutes_is_refused_with_the_limit(client, clips) -> None:
    r = ask(client, clips["3min.ogg"])
    assert r.status_code == 422
    assert "longer than the 120 s limit" in r.json()["detail"]


@pytest.mark.parametrize("name", ["silence.ogg", "noise.webm"])
def test_silence_and_noise_are_no_speech_detected(client, clips, name: str) -> None:
    r = ask(client, clips[name])
    assert r.status_code == 422
    assert "no speech detected" in r.json()["detail"]


@pytest.mark.parametrize(
    ("form", "files", "words"),
    [({}, None, "audio"), ({"lang": "en"}, "x", "lang"), ({"session_id": "bad id"}, "x", "session_id")],
)
def test_malformed_requests_are_422(client, clips, form: dict, files: str | None, words: str) -> None:
    upload = {"audio": ("q.ogg", clips["passport.ogg"].read_bytes(), "audio/ogg")} if files else None
    r = client.post("/api/voice", files=upload, data=form) if upload else client.post("/api/voice", data=form)
    assert r.status_code == 422
    assert words in r.json()["detail"]


# --- the transcriber seam ------------------------------------------------------------------------


def test_a_local_ctranslate2_folder_is_accepted_as_the_model(tmp_path: Path, clips) -> None:
    from bot.adapters.stt import FasterWhisperTranscriber
    from bot.adapters.whisper_model import ensure_whisper_base
    from bot.app import make_transcriber

    folder = ensure_whisper_base(MODEL_CACHE)  # the assembled folder is a CTranslate2 model like any other
    transcriber = make_transcriber(make_settings(tmp_path, whisper_model=str(folder)))
    assert isinstance(transcriber, FasterWhisperTranscriber)
    transcript = transcriber.transcribe(clips["passport.ogg"].read_bytes(), "audio/ogg", "fr")
    assert "passeport" in transcript.text.lower() and transcript.language == "fr"


@dataclass
class CountingTranscriber:
    """The real transcriber, counting how many transcriptions run at once."""

    inner: object
    running: int = 0
    peak: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def transcribe(
        self, audio: bytes, mime_type: str, language: str | None = None, prior: str | None = None
    ) -> Transcript:
        with self.lock:
            self.running += 1
            self.peak = max(self.peak, self.running)
        try:
            return self.inner.transcribe(audio, mime_type, language, prior)  # type: ignore[attr-defined]
        finally:
            with self.lock:
                self.running -= 1


def test_a_burst_of_voice_notes_queues_on_the_worker_pool(dalil, parts, clips) -> None:
    counting = CountingTranscriber(parts.transcriber)
    gate = VoiceGate(dalil.settings, counting)
    audio = clips["company.ogg"].read_bytes()
    results: list[Transcript] = []
    threads = [
        threading.Thread(target=lambda: results.append(gate.transcribe(audio, "audio/ogg", "fr"))) for _ in range(3)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 3 and all(r.text for r in results)
    assert counting.peak == dalil.settings.whisper_workers == 1


# --- the remote OpenAI-compatible backend --------------------------------------------------------


@pytest.fixture
def openai_server() -> Iterator[tuple[str, list[dict[str, object]]]]:
    """A local server speaking POST /v1/audio/transcriptions, answering verbose_json like OpenAI."""
    received: list[dict[str, object]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            head = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
            message = BytesParser(policy=email_policy).parsebytes(head + body)
            fields = {
                part.get_param("name", header="content-disposition"): part.get_payload(decode=True)
                for part in message.iter_parts()
            }
            received.append({"path": self.path, "auth": self.headers.get("Authorization"), **fields})
            segment = {"text": " Comment renouveler mon passeport ?", "tokens": [1, 2, 3, 4], "avg_logprob": -0.21}
            reply = {
                "text": " Comment renouveler mon passeport ?",
                "language": "french",
                "duration": 2.2,
                "segments": [segment | {"no_speech_prob": 0.02}],
            }
            payload = json.dumps(reply).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", received
    finally:
        server.shutdown()


def test_the_remote_backend_speaks_the_openai_protocol(dalil, parts, clips, openai_server, tmp_path: Path) -> None:
    from bot.adapters.stt_remote import RemoteTranscriber
    from bot.app import make_transcriber

    url, received = openai_server
    settings = make_settings(tmp_path, stt_base_url=url, stt_api_key="k-123", stt_model="whisper-large-v3")
    remote = make_transcriber(settings)
    assert isinstance(remote, RemoteTranscriber)
    audio = clips["passport.webm"].read_bytes()
    transcript = VoiceGate(settings, remote).transcribe(audio, "audio/webm", "darija")
    assert transcript.text == "Comment renouveler mon passeport ?" and transcript.language == "fr"
    assert (transcript.avg_logprob, transcript.no_speech_prob) == (-0.21, 0.02)  # the server's own confidence
    request = received[0]
    assert request["path"] == "/v1/audio/transcriptions" and request["auth"] == "Bearer k-123"
    assert request["model"] == b"whisper-large-v3" and request["language"] == b"ar"
    assert request["file"] == audio and request["response_format"] == b"verbose_json"
    answer = dalil.answer(transcript.text, None, None, "voice")
    assert "passport-renewal" in [s.id for s in answer.sources]
    # The language known, the server is primed with the knowledge base's names in it, as Whisper here is.
    assert "prompt" not in request  # make_transcriber was given no knowledge base
    primed = make_transcriber(settings, parts.knowledge)
    VoiceGate(settings, primed).transcribe(audio, "audio/webm", "fr")
    VoiceGate(settings, primed).transcribe(audio, "audio/webm", None)
    prompt = received[1]["prompt"].decode()  # type: ignore[union-attr]
    assert prompt.startswith("Démarches administratives") and "passeport" in prompt.lower()
    assert "prompt" not in received[2]  # no language: a prompt would decide the server's detection


def test_an_unreachable_remote_backend_is_503_not_500(dalil, clips, tmp_path: Path) -> None:
    from bot.adapters.stt_remote import RemoteTranscriber

    remote = RemoteTranscriber("http://127.0.0.1:9/v1/audio/transcriptions", "whisper-1", timeout_s=2)
    gate = VoiceGate(make_settings(tmp_path), remote)
    started = time.perf_counter()
    with pytest.raises(AudioError) as err:
        gate.transcribe(clips["passport.ogg"].read_bytes(), "audio/ogg", None)
    assert err.value.status_code == 503 and "type your question" in err.value.reason
    assert time.perf_counter() - started < 10
