#!/usr/bin/env python3
"""Draws the scaling figure of `readout check` from the JSON that
bench/speed.py writes: wall time (cold and warm) and peak memory against
the number of readouts in the archive, as a standalone SVG written by hand
(no plotting library needed).

usage: bench/plot.py RESULTS.json > docs/scaling.svg
"""
import json, sys

W, H = 720, 300
PANEL_W, PANEL_H = 270, 200
LEFT, TOP = 70, 40
GAP = 90
COLORS = {"cold": "#c0392b", "warm": "#2471a3"}
BUDGET_MB = 256


def nice_max(v):
    """A round axis end at or above v."""
    for step in (1, 2, 2.5, 5):
        for scale in (0.01, 0.1, 1, 10, 100, 1000, 10000):
            if step * scale >= v:
                return step * scale
    return v


def panel(x0, title, unit, xs, series, ymax, line=None):
    out = [f'<g transform="translate({x0},{TOP})">',
           f'<text x="{PANEL_W / 2}" y="-18" text-anchor="middle" font-weight="bold">{title}</text>',
           f'<line x1="0" y1="{PANEL_H}" x2="{PANEL_W}" y2="{PANEL_H}" stroke="#444"/>',
           f'<line x1="0" y1="0" x2="0" y2="{PANEL_H}" stroke="#444"/>']
    xmax = max(xs)
    sx = lambda x: x / xmax * PANEL_W
    sy = lambda y: PANEL_H - y / ymax * PANEL_H
    for i in range(5):
        v = ymax * i / 4
        out.append(f'<line x1="0" y1="{sy(v):.1f}" x2="{PANEL_W}" y2="{sy(v):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="-6" y="{sy(v) + 4:.1f}" text-anchor="end">{v:g}</text>')
    for x in xs:
        out.append(f'<text x="{sx(x):.1f}" y="{PANEL_H + 16}" text-anchor="middle">{x // 1000}k</text>')
    out.append(f'<text x="{PANEL_W / 2}" y="{PANEL_H + 34}" text-anchor="middle">readouts in the archive</text>')
    out.append(f'<text transform="translate(-48,{PANEL_H / 2}) rotate(-90)" text-anchor="middle">{unit}</text>')
    if line is not None:
        out.append(f'<line x1="0" y1="{sy(line):.1f}" x2="{PANEL_W}" y2="{sy(line):.1f}" stroke="#888" stroke-dasharray="5,4"/>')
        out.append(f'<text x="{PANEL_W - 4}" y="{sy(line) - 5:.1f}" text-anchor="end" fill="#666">budget {line:g} MB</text>')
    for name, ys in series.items():
        pts = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in zip(xs, ys))
        out.append(f'<polyline points="{pts}" fill="none" stroke="{COLORS[name]}" stroke-width="2"/>')
        for x, y in zip(xs, ys):
            out.append(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="3" fill="{COLORS[name]}"/>')
    out.append("</g>")
    return out


def main():
    rows = json.load(open(sys.argv[1]))["check"]
    xs = [r["readouts"] for r in rows]
    wall = {k: [r[k]["wall"] for r in rows] for k in COLORS}
    mem = {k: [r[k]["mem"] for r in rows] for k in COLORS}
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>']
    svg += panel(LEFT, "readout check: wall time", "seconds", xs, wall, nice_max(max(max(v) for v in wall.values())))
    svg += panel(LEFT + PANEL_W + GAP, "readout check: peak memory", "MB", xs, mem,
                 nice_max(max(BUDGET_MB, max(max(v) for v in mem.values()))), line=BUDGET_MB)
    for i, (name, color) in enumerate(COLORS.items()):
        y = H - 14
        x = LEFT + i * 150
        svg.append(f'<line x1="{x}" y1="{y - 4}" x2="{x + 24}" y2="{y - 4}" stroke="{color}" stroke-width="2"/>')
        label = "cold (--no-cache)" if name == "cold" else "warm (cache filled)"
        svg.append(f'<text x="{x + 30}" y="{y}">{label}</text>')
    svg.append("</svg>")
    print("\n".join(svg))


if __name__ == "__main__":
    main()
