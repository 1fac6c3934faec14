"""Voice notes: what a recording is (audio) and how it becomes the text Dalil answers (transcribe)."""
