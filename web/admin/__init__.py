"""The administrators' console: server-rendered pages over ``bot.admin.console``."""
