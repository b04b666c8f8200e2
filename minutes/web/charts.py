"""Charts as geometry for server-side SVG (``templates/charts.html`` draws them): no
script, no library, readable without colour (every mark has a <title> and the numbers
are also in a table beside the chart)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass
class Mark:
    x: float
    y: float
    width: float
    height: float
    series: int  # index into the chart's series (CSS class s0, s1 …)
    title: str


@dataclass
class Line:
    series: int
    points: str  # SVG polyline points
    dots: list[tuple[float, float, str]]


@dataclass
class Chart:
    width: int
    height: int
    series: list[str]
    marks: list[Mark] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    labels: list[tuple[float, float, str, str]] = field(default_factory=list)  # x, y, anchor, text
    grid: list[tuple[float, float, float, float, str]] = field(default_factory=list)  # x1, y1, x2, y2, tick label


def _nice_max(value: float) -> int:
    """A round top for an axis of four ticks: whole numbers on every tick."""
    if value <= 20:
        return max(4, math.ceil(value / 4) * 4)
    magnitude = 10 ** int(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return int(step * magnitude)
    return int(10 * magnitude)


def hbar(rows: list[tuple[str, list[int]]], series: list[str], *, width: int = 640, label_width: int = 220, bar: int = 12) -> Chart:
    """Horizontal grouped bars: one row per label (unit names are long), one bar per series."""
    group = bar * len(series) + 8
    top, bottom = 8, 24
    height = top + group * max(len(rows), 1) + bottom
    top_value = _nice_max(max((v for _, values in rows for v in values), default=0))
    span = width - label_width - 16
    chart = Chart(width, height, series)
    for tick in range(0, 5):
        value = top_value * tick / 4
        x = label_width + span * tick / 4
        chart.grid.append((x, top, x, height - bottom, f"{value:g}"))
    for index, (label, values) in enumerate(rows):
        y = top + index * group
        chart.labels.append((label_width - 6, y + group / 2, "end", label))
        for s, value in enumerate(values):
            chart.marks.append(Mark(label_width, y + s * bar + 2, span * value / top_value, bar - 2, s, f"{label}: {series[s]} {value}"))
    return chart


def lines(months: list[str], values: list[list[int]], series: list[str], *, width: int = 640, height: int = 240) -> Chart:
    """One line per series over months (labels thinned to fit)."""
    left, right, top, bottom = 40, 12, 10, 28
    chart = Chart(width, height, series)
    top_value = _nice_max(max((v for row in values for v in row), default=0))
    inner_w, inner_h = width - left - right, height - top - bottom
    for tick in range(0, 5):
        y = top + inner_h - inner_h * tick / 4
        chart.grid.append((left, y, width - right, y, f"{top_value * tick / 4:g}"))
    step = inner_w / max(len(months) - 1, 1)
    every = max(1, math.ceil(len(months) / 8))
    for i, month in enumerate(months):
        if i % every == 0 or i == len(months) - 1:
            chart.labels.append((left + i * step, height - 8, "middle", month))
    for s, row in enumerate(values):
        dots = [(left + i * step, top + inner_h - inner_h * v / top_value, f"{months[i]}: {series[s]} {v}") for i, v in enumerate(row)]
        chart.lines.append(Line(s, " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in dots), dots))
    return chart
