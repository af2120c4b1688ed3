"""How many SMS segments a text costs: cheap phones and worker budgets count parts, not characters."""

from __future__ import annotations

import unicodedata

# GSM 03.38 basic character set (one septet each) and its extension table (escape + char: two septets).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")

GSM7_SINGLE, GSM7_PART = 160, 153  # septets; a concatenated part loses 7 to its header
UCS2_SINGLE, UCS2_PART = 70, 67  # UTF-16 code units

# Typographic characters that speech recognisers and phones insert, and their GSM-7 twins.
_TO_GSM = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "\u00a0": " ", "\t": " "}
)


def is_gsm7(text: str) -> bool:
    """True when every character fits the GSM-7 alphabet (basic or extension)."""
    return all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text)


def to_gsm7(text: str) -> str:
    """Swap curly quotes, dashes and accents GSM-7 lacks for plain ones, so a few stray characters do not halve
    the budget ("Ọmọ mi ní ibà" -> "Omo mi ni ibà"). Text that would still need UCS-2 keeps its accents."""
    text = text.translate(_TO_GSM)
    if is_gsm7(text):
        return text
    plain = "".join(c if c in GSM7_BASIC or c in GSM7_EXTENSION else _strip_accents(c) for c in text)
    return plain if is_gsm7(plain) else text


def _strip_accents(char: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))


def segment_count(text: str) -> int:
    """Segments a carrier bills for `text` (0 for an empty text)."""
    if not text:
        return 0
    if is_gsm7(text):
        units = [2 if c in GSM7_EXTENSION else 1 for c in text]
        single, part = GSM7_SINGLE, GSM7_PART
    else:
        units = [2 if ord(c) > 0xFFFF else 1 for c in text]  # surrogate pairs
        single, part = UCS2_SINGLE, UCS2_PART
    if sum(units) <= single:
        return 1
    # Fill parts greedily; an escape sequence or surrogate pair is never split across two parts.
    parts, used = 1, 0
    for size in units:
        if used + size > part:
            parts, used = parts + 1, 0
        used += size
    return parts
