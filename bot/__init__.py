"""Dalil: understanding, retrieval, answering and conversation."""
