"""Charts drawn by the server as SVG: no script, no CDN, and readable by a screen reader (title, desc, a table).

Pure functions of numbers; the figures come from routing/overview.py, bucketed here.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD = 640, 220, 28
TOP = 44  # room above the columns for the key
COLOURS = ("#1f4e9c", "#a34700", "#2e6b30", "#7a1f7a", "#555555")  # each 4.5:1 or more on white
CATEGORY_COLOURS = {"RED": "#b00020", "YELLOW": "#8a6d00", "GREEN": "#2e6b30", "BLACK": "#222222"}


def hourly(times: list[datetime], now: datetime, hours: int) -> list[int]:
    """How many of `times` fell in each of the last `hours` hours (oldest first)."""
    start = now.replace(minute=0, second=0, microsecond=0) - timedelta(hours=hours - 1)
    counts = [0] * hours
    for at in times:
        index = int((at - start).total_seconds() // 3600)
        if 0 <= index < hours:
            counts[index] += 1
    return counts


def daily(times: list[datetime], now: datetime, days: int) -> list[int]:
    """How many of `times` fell on each of the last `days` days (UTC, oldest first)."""
    today = now.date()
    counts = [0] * days
    for at in times:
        index = days - 1 - (today - at.date()).days
        if 0 <= index < days:
            counts[index] += 1
    return counts


def percentile(values: list[float], p: float) -> float | None:
    """The nearest-rank percentile (p in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def columns(title: str, series: dict[str, list[int]], labels: list[str]) -> Markup:
    """Grouped columns, one group per label (an empty label is not written); a key when there are two series."""
    groups = len(labels)
    top = max([1] + [v for values in series.values() for v in values])
    step = (WIDTH - 2 * PAD) / max(1, groups)
    bar = max(1.0, step / (len(series) + 0.5))
    parts = [_axis(top)]
    for s, (name, values) in enumerate(series.items()):
        for i, v in enumerate(values):
            h = (HEIGHT - PAD - TOP) * v / top
            x = PAD + i * step + s * bar
            parts.append(f'<rect x="{x:.1f}" y="{HEIGHT - PAD - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                         f'fill="{COLOURS[s % len(COLOURS)]}"><title>{escape(labels[i])}: {v} {escape(name)}</title></rect>')
    for i, label in enumerate(labels):
        if label:
            parts.append(f'<text x="{PAD + i * step:.1f}" y="{HEIGHT - 8}" font-size="11" fill="#333">'
                         f'{escape(label)}</text>')
    totals = ", ".join(f"{sum(v)} {name}" for name, v in series.items())
    return _svg(title, f"{totals} in all", "".join(parts), legend=list(series) if len(series) > 1 else None)


def hbars(title: str, counts: dict[str, int], colours: dict[str, str] | None = None) -> Markup:
    """One horizontal bar per key, longest first, with its count written beside it."""
    items = sorted(counts.items(), key=lambda kv: -kv[1])
    top = max([1] + [n for _, n in items])
    row = 26
    height = max(row * len(items) + 10, 40)
    parts = []
    for i, (label, n) in enumerate(items):
        w = (WIDTH - 200) * n / top
        colour = (colours or {}).get(label, COLOURS[0])
        y = 5 + i * row
        parts.append(f'<text x="0" y="{y + 16}" font-size="13" fill="#222">{escape(label)}</text>'
                     f'<rect x="110" y="{y}" width="{w:.1f}" height="20" fill="{colour}"></rect>'
                     f'<text x="{116 + w:.1f}" y="{y + 16}" font-size="13" fill="#222">{n}</text>')
    desc = ", ".join(f"{label} {n}" for label, n in items) or "none"
    return _svg(title, desc, "".join(parts), height=height)


def _axis(top: int) -> str:
    return (f'<line x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" y2="{HEIGHT - PAD}" stroke="#555"></line>'
            f'<text x="0" y="{TOP}" font-size="11" fill="#333">{top}</text>'
            f'<text x="0" y="{HEIGHT - PAD}" font-size="11" fill="#333">0</text>')


def _svg(title: str, desc: str, body: str, *, height: int = HEIGHT, legend: list[str] | None = None) -> Markup:
    key = ""
    if legend:
        key = "".join(f'<rect x="{WIDTH - 150}" y="{4 + 16 * i}" width="12" height="12" fill="{COLOURS[i]}"></rect>'
                      f'<text x="{WIDTH - 132}" y="{15 + 16 * i}" font-size="12" fill="#222">{escape(name)}</text>'
                      for i, name in enumerate(legend))
    return Markup(f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" preserveAspectRatio="xMinYMin meet" '
                  f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title><desc>{escape(desc)}</desc>'
                  f'{body}{key}</svg>')
