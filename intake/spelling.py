"""Sign words typed or heard one letter wrong ("not breething", "chest isnt mooving"), or texted without their
vowels ("brthng"), read as the word.

A texter in a hurry and Whisper on a phone line both misspell; a rule that waits for "breathing" misses
"breething". Only the words that carry a sign are corrected (red_flags.json "spelling": "words"), only
one edit away (Levenshtein, rapidfuzz), only with the first letter right, and never a real word that
happens to be one edit away ("breeding", "loving": red_flags.json "spelling": "real_words").
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

_SHORTEST = 5  # "bleed"/"blood" are too short to tell a slip from another word ("flood", "breed")
_VOWELS = re.compile(r"[aeiou]")


# A dialect's or a hurried typist's final g dropped: "she's carryin' and bleedin'", "talkin outta the side". Read back
# only where the -ing word is one the tables know, never a word that is English as it stands ("thin", "within").
_G_DROPPED = re.compile(r"\b([a-z]{2,}in)\b")


def g_restored(text: str, ing_words: frozenset[str], never: frozenset[str]) -> str:
    """`text` with every "-in" word whose "-ing" form is in `ing_words` read as that word ("carryin": "carrying")."""
    return _G_DROPPED.sub(lambda m: m.group(1) + "g" if m.group(1) + "g" in ing_words and m.group(1) not in never
                          else m.group(1), text)


def spelled_right(text: str, words: frozenset[str], real_words: frozenset[str]) -> str:
    """`text` with every near miss of a sign word replaced by the word."""
    return re.sub(r"[a-z]+", lambda m: _nearest(m.group(0), words, real_words), text)


@lru_cache(maxsize=4096)
def _nearest(token: str, words: frozenset[str], real_words: frozenset[str]) -> str:
    if token in words or token in real_words:
        return token
    if len(token) >= 3 and not _VOWELS.search(token):
        return _unvowelled(token, words)
    if len(token) < _SHORTEST:
        return token
    for word in sorted(words):
        if word[0] == token[0] and abs(len(word) - len(token)) <= 1 \
                and Levenshtein.distance(token, word, score_cutoff=1) <= 1:
            return word
    return token


def _unvowelled(token: str, words: frozenset[str]) -> str:
    """A text with its vowels left out ("nt brthng, chst nt mvng") read as the one sign word it can be; a skeleton
    two sign words share ("brth": breath or breathe) is left alone."""
    matches = {word for word in words if _VOWELS.sub("", word) == token}
    return matches.pop() if len(matches) == 1 else token
