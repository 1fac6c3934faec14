"""Retrieval: what each index reads of a procedure, the indexes, their fusion, the classifier,
building the vector index, and the knowledge base as served."""
