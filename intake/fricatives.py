"""A second reading of a heard turn with its high fricatives swapped: what an 8 kHz line may have said.

A phone line cuts everything above 4 kHz, where /s/, /f/ and /θ/ differ, so Whisper writes "my tongue is getting
sick" for thick, "speech flurry" for slurry, "brother sitting on the floor" for fitting. The rules read the words as
written; this gives them the words' fricative neighbours that are sign words (any word the red-flag table reads), so
red_flags.find_red_flags can accept a flag found only in this reading where the frame around the swapped word makes it
a sign (red_flags._framed). Nothing is rewritten: the transcript keeps what Whisper wrote.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Word-initial high fricatives and what each may have been on the line.
_NEIGHBOURS = {"s": ("f", "th"), "f": ("s", "th"), "th": ("s", "f")}
_ONSET = re.compile(r"^(th|s|f)(?=[a-z]{2})")
_WORD = re.compile(r"[a-z]+")
# The voiced th of function words is no high fricative: "that" is never heard for "fat".
_VOICED_TH = frozenset("than that the thee their theirs them then there these they this those though thus thy".split())
# Shorter words are too easily another word ("sat"/"fat", "fee"/"see"): the table's sign words that matter are longer.
_SHORTEST = 4


def neighbours(word: str, is_sign_word: Callable[[str], bool]) -> list[str]:
    """The words `word` may have been with its first fricative swapped, those that are sign words."""
    m = _ONSET.match(word)
    if not m or len(word) < _SHORTEST or word in _VOICED_TH:
        return []
    rest = word[m.end():]
    return [n + rest for n in _NEIGHBOURS[m.group(1)] if is_sign_word(n + rest)]


def swapped_reading(t: str, is_sign_word: Callable[[str], bool]) -> tuple[str, list[tuple[int, int]]]:
    """`t` with each word that is no sign word itself but has a fricative neighbour that is, read as that neighbour;
    and the spans of the swapped words in the new text ("", [] when nothing was swapped)."""
    out, spans, pos = [], [], 0
    for m in _WORD.finditer(t):
        word = m.group()
        # "sick of the taste", "fed up": a word taking "of" is a predicate of its own, no sign misheard.
        # A word the table reads itself ("sick", "sitting") has its own reading and its own heard rules: swapping it
        # read "he has been sick" as thick and "sitting up" as fitting on the spent sets' look-alikes.
        found = [] if t.startswith(" of ", m.end()) or is_sign_word(word) else neighbours(word, is_sign_word)
        out.append(t[pos:m.start()])
        at = sum(len(p) for p in out)
        if found:
            out.append(found[0])
            spans.append((at, at + len(found[0])))
        else:
            out.append(word)
        pos = m.end()
    out.append(t[pos:])
    return ("".join(out), spans) if spans else ("", [])
