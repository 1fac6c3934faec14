"""Loading, validating, chunking and indexing Dalil's knowledge base."""
