"""Charts drawn on the server as SVG: readable without JavaScript, and each comes with its numbers as a
table for screen readers (the SVG itself is ``role="img"`` with a title)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from html import escape

from markupsafe import Markup

from bot.admin.insights import Day

# One colour per series, distinguishable by people with the common colour-vision deficiencies (Okabe-Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
WIDTH, HEIGHT, PAD = 640, 220, 28


def stacked_days(days: list[Day], key: str, title: str, span: int = 30) -> Markup:
    """Bars per day for the last ``span`` days, stacked by ``key`` (channel or style), with a legend."""
    end = dt.date.today()
    dates = [end - dt.timedelta(days=span - 1 - i) for i in range(span)]
    totals: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for d in days:
        totals[d.day][getattr(d, key)] += d.count
    series = sorted({getattr(d, key) for d in days})
    peak = max((sum(totals[day].values()) for day in dates), default=0) or 1
    bar = (WIDTH - 2 * PAD) / span
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT + 40}" role="img" '
        f'aria-labelledby="chart-{key}"><title id="chart-{key}">{escape(title)}</title>',
        f'<line x1="{PAD}" y1="{HEIGHT}" x2="{WIDTH - PAD}" y2="{HEIGHT}" stroke="#555"/>',
        f'<text x="{PAD - 4}" y="{PAD}" text-anchor="end" font-size="11" fill="#333">{peak}</text>',
    ]
    for i, day in enumerate(dates):
        y = HEIGHT
        for s, name in enumerate(series):
            count = totals[day].get(name, 0)
            if not count:
                continue
            h = (HEIGHT - PAD) * count / peak
            y -= h
            colour = PALETTE[s % len(PALETTE)]
            parts.append(
                f'<rect x="{PAD + i * bar + 1:.1f}" y="{y:.1f}" width="{bar - 2:.1f}" height="{h:.1f}" fill="{colour}">'
                f"<title>{day.isoformat()} {escape(name)}: {count}</title></rect>"
            )
        if (span - 1 - i) % 7 == 0:  # today, and every week before it
            parts.append(
                f'<text x="{PAD + i * bar:.1f}" y="{HEIGHT + 14}" font-size="10" fill="#333">'
                f"{day.strftime('%d/%m')}</text>"
            )
    for s, name in enumerate(series):
        x = PAD + s * 110
        parts.append(f'<rect x="{x}" y="{HEIGHT + 24}" width="10" height="10" fill="{PALETTE[s % len(PALETTE)]}"/>')
        parts.append(f'<text x="{x + 14}" y="{HEIGHT + 33}" font-size="11" fill="#222">{escape(name)}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def table(days: list[Day], key: str) -> list[tuple[str, dict[str, int]]]:
    """The chart's numbers: per day (newest first), the count per series."""
    rows: dict[dt.date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for d in days:
        rows[d.day][getattr(d, key)] += d.count
    return [(day.isoformat(), dict(values)) for day, values in sorted(rows.items(), reverse=True)]
