"""What the brief's pictures share: escaping, the `<svg>` wrapper, colours, and the one estimate
of how much room a text takes, which every layout decision (wrapping, label placement) uses.

A picture never measures glyphs (it is written without a browser); it takes each character to
be `CHAR_EM` of the font size wide, a little wider than the average of the sans-serif faces a
browser picks, so that a label placed in the room estimated for it fits in practice.
"""

from __future__ import annotations

from html import escape

CHAR_EM = 0.62  # estimated width of one character, in ems
ASCENT, DESCENT = 0.9, 0.3  # of a line of text around its baseline, in ems

DESIGNATED = "#c0392b"  # listed / alias
MARKED = "#e67e22"  # the text claims a front / link
PLAIN = "#4a6fa5"
FOCUS = "#2c3e50"
MUTED = "#777"


def esc(value: object) -> str:
    """Text (from an article, too) made safe inside an SVG element or attribute."""
    return escape(str(value), quote=True)


def text_width(text: str, size: float) -> float:
    return len(text) * size * CHAR_EM


def svg(width: float, height: float, body: list[str], title: str, kind: str) -> str:
    """A self-contained picture: no scripts, no external references, a `<title>` to read."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="picture {kind}" role="img" '
        f'width="{width:.0f}" height="{height:.0f}" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'font-family="sans-serif" font-size="11">'
        f"<title>{esc(title)}</title>" + "".join(body) + "</svg>"
    )


def wrap(text: str, width: float, size: float, max_lines: int = 3) -> list[str]:
    """`text` in lines no wider than `width` (by the estimate), breaking between words (a word
    longer than a line is cut across lines); past `max_lines` the last line ends with "…"
    (the caller keeps the whole text in a `<title>`)."""
    limit = max(int(width // (size * CHAR_EM)), 4)
    lines: list[str] = []
    line = ""
    for word in text.split():
        while len(word) > limit:  # a word that fills a line by itself
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:limit])
            word = word[limit:]
        candidate = f"{line} {word}" if line else word
        if len(candidate) <= limit:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        last = lines[max_lines - 1]
        lines = lines[: max_lines - 1] + [last[: limit - 1].rstrip() + "…"]
    return lines or [""]
