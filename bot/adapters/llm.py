"""LangChain chat model behind the Generator seam: any OpenAI-compatible server (vLLM, Ollama,
llama.cpp server, a hosted API). The only module that imports LangChain."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.config import Settings
from bot.types import Generation


class LangChainGenerator:
    def __init__(self, chat_model: Any) -> None:
        self._model = chat_model

    @classmethod
    def from_settings(cls, settings: Settings) -> LangChainGenerator:
        from langchain_openai import ChatOpenAI

        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "not-needed"
        model = ChatOpenAI(
            model=settings.llm_model,
            base_url=settings.llm_base_url,
            api_key=key,
            timeout=settings.llm_timeout_s,
            max_retries=1,
            temperature=0,
        )
        return cls(model)

    def generate(self, messages: Sequence[Mapping[str, str]]) -> Generation:
        from langchain_core.messages import AIMessage, HumanMessage, SystemMessage

        kinds = {"system": SystemMessage, "user": HumanMessage, "assistant": AIMessage}
        reply = self._model.invoke([kinds[m["role"]](content=m["content"]) for m in messages])
        return Generation(text=str(reply.content), cited_ids=[])
