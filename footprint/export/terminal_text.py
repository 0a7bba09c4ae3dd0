"""Text from articles, list files and the user, made safe to show on a terminal.

Such text is hostile. Rich would read `[/]` or `[link=...]` in a plain string as markup (and
crash, or hide the text, or colour it), `:bomb:` as an emoji code, and it passes terminal
escape sequences (ESC ... clear the screen, set the title, write the clipboard) straight
through. So every piece of such text is shown as a `Text` (never parsed as markup) whose
control characters and bidirectional overrides are replaced by their visible escapes, and
footprint's own colours are styles on `Text`, never markup in a string.
"""

from __future__ import annotations

import re

from rich.table import Table
from rich.text import Text

# C0 controls except tab and newline, DEL, C1 controls (CSI and OSC start terminal escapes),
# and the bidirectional embeddings, overrides and isolates that reorder what a reader sees.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_UNSAFE_OR_NEWLINE = re.compile(_UNSAFE.pattern[:-1] + r"\n]")


_NAMED = {"\n": "\\n", "\r": "\\r"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def clean(value: object, *, one_line: bool = False) -> str:
    """`value` as a string with control characters shown as escapes (`\\x1b`); with
    `one_line`, line breaks too, so that an error stays one line."""
    return (_UNSAFE_OR_NEWLINE if one_line else _UNSAFE).sub(_visible, str(value))


def plain(value: object, style: str = "", *, one_line: bool = False) -> Text:
    """`value` as Text, never read as markup, in `style`."""
    return Text(clean(value, one_line=one_line), style=style)


def line(*parts: object | tuple[object, str]) -> Text:
    """One line assembled from pieces, each plain text or (text, style): footprint's colours
    around hostile text, e.g. `line(("error", "red"), " ", path, ": ", reason)`."""
    out = Text()
    for part in parts:
        if isinstance(part, tuple):
            value, style = part
            out.append(clean(value, one_line=True), style=style)
        else:
            out.append(clean(part, one_line=True))
    return out


def add_row(table: Table, *cells: object) -> None:
    """A table row whose string cells are plain text; a `Text` cell keeps its styles."""
    table.add_row(*(c if isinstance(c, Text) else plain("" if c is None else c) for c in cells))
