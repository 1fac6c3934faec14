"""The optional LLM behind the Generator seam, against a local server speaking the OpenAI
chat-completions protocol (LangChain's ChatOpenAI is the real client). Replies are scripted."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bot.app import build
from bot.assistant import Dalil
from bot.types import AnswerStatus
from tests.conftest import make_settings

pytestmark = pytest.mark.integration


class FakeOpenAI:
    """Replays the next scripted reply for each /chat/completions call and records the requests."""

    def __init__(self) -> None:
        self.replies: list[str] = []
        self.requests: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["content-length"])))
                outer.requests.append({"path": self.path, "body": body, "auth": self.headers.get("authorization")})
                content = outer.replies.pop(0) if outer.replies else "CITED:"
                payload = {
                    "id": "chatcmpl-1",
                    "object": "chat.completion",
                    "created": 0,
                    "model": body["model"],
                    "choices": [
                        {"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": content}}
                    ],
                    "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
                }
                data = json.dumps(payload).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"


@pytest.fixture(scope="module")
def fake_llm() -> Iterator[FakeOpenAI]:
    fake = FakeOpenAI()
    thread = threading.Thread(target=fake.server.serve_forever, daemon=True)
    thread.start()
    yield fake
    fake.server.shutdown()


@pytest.fixture(scope="module")
def dalil_llm(settings, parts, fake_llm: FakeOpenAI) -> Dalil:
    llm_settings = make_settings(
        settings.data_dir, llm_base_url=fake_llm.url, llm_model="local-model", llm_api_key="test-key"
    )
    return build(llm_settings, parts)


QUESTION = "comment renouveler mon passeport"


def test_a_grounded_llm_answer_is_used_and_keeps_the_source(dalil_llm: Dalil, fake_llm: FakeOpenAI) -> None:
    fake_llm.replies = ["Pour renouveler votre passeport, déposez le dossier en personne.\nCITED: passport-renewal"]
    answer = dalil_llm.answer(QUESTION)
    assert answer.status is AnswerStatus.ANSWERED
    assert answer.text.startswith("Pour renouveler votre passeport")
    assert "https://www.passeport.ma" in answer.text  # the official source line is always kept
    assert answer.trace["llm"] == "used"
    sent = fake_llm.requests[-1]
    assert sent["path"] == "/v1/chat/completions" and sent["auth"] == "Bearer test-key"
    assert "[card id=passport-renewal]" in sent["body"]["messages"][0]["content"]


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        ("Le renouvellement coûte 350 DH.\nCITED: passport-renewal", "rejected_number"),
        ("Payez sur https://passeport-express.example\nCITED: passport-renewal", "rejected_url"),
        ("Voici la réponse, sans citer de fiche.", "rejected_citations"),
        ("Réponse.\nCITED: marriage-abroad", "rejected_citations"),
    ],
)
def test_an_ungrounded_llm_answer_falls_back_to_the_card(
    dalil_llm: Dalil, fake_llm: FakeOpenAI, reply: str, reason: str
) -> None:
    fake_llm.replies = [reply]
    answer = dalil_llm.answer(QUESTION)
    assert answer.trace["llm"] == reason
    assert "350" not in answer.text and "passeport-express" not in answer.text
    # The short answer written from the knowledge base: what it is, the steps, where, the official page.
    assert answer.text.startswith(dalil_llm.procedure("passport-renewal").summary.fr[:40])


def test_an_unreachable_llm_never_costs_the_answer(settings, parts) -> None:
    dead = make_settings(settings.data_dir, llm_base_url="http://127.0.0.1:9/v1", llm_timeout_s=2.0)
    answer = build(dead, parts).answer(QUESTION)
    assert answer.status is AnswerStatus.ANSWERED and answer.trace["llm"] == "llm_error"
