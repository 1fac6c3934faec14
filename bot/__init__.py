"""Dalil, the product, in floors (docs/adr/0006-layers.md): the procedure model, understanding a message,
retrieval, answering, conversations, voice, administration, channels and adapters; ``app.build`` makes
them, ``assistant.Dalil`` is their face."""
