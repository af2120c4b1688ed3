"""A second reading of a heard turn with its high fricatives swapped: what an 8 kHz line may have said.

A phone line cuts everything above 4 kHz, where /s/, /f/ and /θ/ differ, so Whisper writes "my tongue is getting
sick" for thick, "speech flurry" for slurry, "brother sitting on the floor" for fitting. The rules read the words as
written; this gives them the words' fricative neighbours that are sign words (any word the red-flag table reads), so
red_flags.find_red_flags can accept a flag found only in this reading where the frame around the swapped word makes it
a sign (red_flags._framed). Nothing is rewritten: the transcript keeps what Whisper wrote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

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


def rests_on(sign_spans: Iterable[tuple[int, int]], swapped: list[tuple[int, int]]) -> bool:
    """The mention's own sign words (a phrase's match, a rule's concept words) hold a swapped word: a swap elsewhere in
    its span ("thinking about drinking it" read "sinking") only changes the words around the sign."""
    return any(_touches(s, e, swapped) for s, e in sign_spans)


def _touches(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


# Words too common to be a frame, though a concept may name them ("is going", "he has").
_NOT_A_FRAME = frozenset("he she they it him her his hers their them is was are were has have had been being the a an "
                         "and or but so very now still just got getting gets going gone went come came keeps kept not "
                         "no nothing can could will would with from into onto off out over all one some any this that "
                         "my your our me you we baby babe child kid toddler infant newborn son daughter boy girl "
                         "brother sister mum mom mother dad father husband wife grandma grandad grandpa nan "
                         "uncle aunt aunty auntie ground floor bed sofa chair couch".split())  # who and where frame no sign
_FRAME_WORD = re.compile(r"[a-z]{3,}")
_FRAME_WORDS = 6  # "face root p one side plus peach flurry": the face is six words before


def framed(t: str, start: int, end: int, swapped: list[tuple[int, int]], own_words: Iterable[re.Pattern],
           sentence: tuple[int, int]) -> bool:
    """Another of the flag's own words near the swapped word in the mention at start-end, within its sentence, one the
    line did not swap and no common word: "any weakness of your arms ... or you start being violently sick" is no
    thick tongue."""
    at = next((s, e) for s, e in swapped if s < end and start < e)
    lo = max(sentence[0], _words_back(t, at[0], _FRAME_WORDS))
    hi = min(sentence[1], _words_on(t, at[1], _FRAME_WORDS))
    for pattern in own_words:
        for m in pattern.finditer(t, lo, hi):
            words = list(_FRAME_WORD.finditer(t, m.start(), m.end()))
            # Only the words of the match that the line left alone: "tongue is getting thick" frames thick.
            words = [w for w in words if not _touches(w.start(), w.end(), swapped)]
            if any(w.group() not in _NOT_A_FRAME for w in words):
                return True
    return False


def _words_back(t: str, at: int, n: int) -> int:
    """Where the n words before `at` begin."""
    starts = [m.start() for m in re.finditer(r"\S+", t[:at])]
    return starts[-n] if len(starts) >= n else 0


def _words_on(t: str, at: int, n: int) -> int:
    """Where the n words after `at` end."""
    ends = [at + m.end() for m in re.finditer(r"\S+", t[at:])]
    return ends[n - 1] if len(ends) >= n else len(t)
