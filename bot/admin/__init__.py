"""Administration: editing the knowledge base with history, undo and a safe re-index."""
