"""One module per vendor behind a seam of :mod:`bot.ports`."""
