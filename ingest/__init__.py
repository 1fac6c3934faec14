"""The jobs over the knowledge base (check, index, lexicon, stats). They stand above ``bot/``, which never
imports them: ``python -m ingest ...`` and ``dalil ingest`` run them."""
