"""Dalil on WhatsApp (Business Cloud API): webhook parsing and signatures, a durable inbox and outbox,
the Graph API client, reply formatting and the background worker. ``runtime.WhatsAppRuntime`` wires them."""
