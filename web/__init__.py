"""Dalil's FastAPI service: chat API, web page, voice, WhatsApp webhook and admin."""
