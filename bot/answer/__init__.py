"""Answering: the pipeline's steps over a context, the procedure cards, the guards and the optional LLM."""
