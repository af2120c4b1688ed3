"""Untrusted text made safe to show: one helper every value on our pages passes through.

HTML escaping (Jinja's autoescape) stops markup, not characters that change how text reads: a right-to-left
override in a patient's SMS turns "call back 0803 456 7890" around on the case page, and a NUL or an
escape sequence has no business in a health worker's view either. These are removed; the words stay.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# C0 controls but tab and newline, DEL, C1 controls; bidi embeddings, overrides, isolates and marks
# (LRE RLE PDF LRO RLO, LRI RLI FSI PDI, LRM RLM, ALM); BOM and the line/paragraph separators.
UNSHOWABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff\u2028\u2029]")


def display_text(value: object) -> object:
    """`value` with the characters above removed if it is text (escaped or not); anything else as it is."""
    if isinstance(value, Markup):
        return Markup(UNSHOWABLE.sub("", str(value)))
    if isinstance(value, str):
        return UNSHOWABLE.sub("", value)
    return value
