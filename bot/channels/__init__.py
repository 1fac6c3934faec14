"""Messaging channels (WhatsApp today): how a platform's messages reach Dalil and its answers go back."""
