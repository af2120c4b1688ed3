"""The phonetic gate every correction passes: a medical term may replace only words that sound like it.

A correction step that can write a drug name where the caller said "my uncle" is worse than none: the
worker reads an invented drug and the triage reads an invented sign. So the offline corrector, the
LLM's proposals and the primed decode's terms pass this one check, which asks two things of each
replaced span:

- sound: its phonetic key is close to the term's, and sound and spelling together are not far apart
  (short keys collide: "over" and "fever" share one);
- not ordinary speech: a span made only of common English words ("sister", "my view person") is what a
  caller may well have said. A text correction never turns one such word into a term, and a run of
  them only after a word that expects one ("she took ...", "he has ...") and only when it sounds very
  close, or when the lexicon lists the run as a measured recogniser confusion (mishearings.tsv: "done
  fever"). A term that a primed decode of the same audio wrote there (stt/primed.py) is evidence
  enough in place of the cue ("dry calf" -> "dry cough"); that decode never lends a red-flag word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import jellyfish
from rapidfuzz import fuzz

from .lexicon import CUE_WORDS, Lexicon

# rapidfuzz ratio (0-100) of the sound keys a replaced span needs.
MIN_SOUND = 60
# ...and of sound and spelling averaged: two letters of key match too much ("over" -> "fever").
MIN_SUPPORT = 50
# A span of ordinary words needs this much sound unless the lexicon lists it as a measured confusion.
ORDINARY_SOUND = 70
# ...and a drug name in place of English words with no cue before them.
HOMOPHONE_SOUND = 85
# A key this short says almost nothing about the word it came from.
MIN_KEY_LETTERS = 2

_NAMES_A_MEDICINE = frozenset("the his her my your their a an".split())  # "uses the ...", "her ... inhaler"
_VOICING = str.maketrans("BDGVZ", "PTKFS")  # voiced and voiceless pairs blur on an 8 kHz line
_LEADING_VOWEL = re.compile(r"^[AEIOU]+")  # Whisper often drops a weak first syllable ("moxicillin")
_REPEAT = re.compile(r"(.)\1+")
_OBJECTS = frozenset("him her them me us".split())
_OUGH = re.compile(r"^(c|t|r|en|tr)ough")  # Metaphone drops this GH, but "cough", "rough", "enough" end in F


def sound_key(words: str) -> str:
    """Metaphone of the words run together, voicing merged, a leading vowel dropped, repeats collapsed: "oxisillin" -> "KSLN"."""
    letters = "".join(_OUGH.sub(r"\1of", w) for w in words.lower().split())
    key = jellyfish.metaphone(letters).translate(_VOICING)
    return _REPEAT.sub(r"\1", _LEADING_VOWEL.sub("", key))


def sound_similarity(heard: str, term: str) -> float:
    """0-100: how alike the words `heard` and `term` sound (spaces ignored)."""
    return fuzz.ratio(sound_key(heard), sound_key(term))


class PhoneticGate:
    """Says whether a replacement has phonetic support; shared by the offline and the LLM correctors."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    def allows(
        self,
        heard: Sequence[str],
        replacement: Sequence[str],
        preceding: Sequence[str] = (),
        cues: frozenset[str] = frozenset(),
        measured: bool = False,
        heard_by_decoder: bool = False,
    ) -> bool:
        """May `replacement` stand where the recogniser wrote `heard`, after the words `preceding` (all lower case)?

        `cues` are extra words that may come right before the span (a mishearing's own context);
        `measured` marks a recogniser confusion listed in stt/data/mishearings.tsv; `heard_by_decoder`
        marks a term a primed decode of the same audio wrote there (stt/primed.py), evidence that
        stands in for the cue.
        """
        if not heard_by_decoder and len(heard) == 1 and self.lexicon.is_common(heard[0]) and tuple(replacement) != tuple(heard):
            return False  # one everyday word is what the caller said ("color" stays, even after "she has")
        heard, replacement, preceding = _changed_part(list(heard), list(replacement), list(preceding))
        if not heard and not replacement:
            return True  # nothing changes
        if not heard or not replacement:
            return False  # a word added or dropped is not a misheard term
        terms = self.lexicon.terms
        if any(w not in terms for w in replacement):
            return False  # only ever a term
        kept = {w.rstrip("s") for w in replacement}
        if any(w.rstrip("s") not in kept for w in self.lexicon.key_terms(heard)):
            return False  # never in place of a drug, condition or symptom the caller said ("tablet" may become "tablets")
        said, meant = "".join(heard), "".join(replacement)
        key_said, key_meant = sound_key(" ".join(heard)), sound_key(" ".join(replacement))
        if min(len(key_said), len(key_meant)) < MIN_KEY_LETTERS:
            return False
        sound = fuzz.ratio(key_said, key_meant)
        if sound < MIN_SOUND or (sound + fuzz.ratio(said, meant)) / 2 < MIN_SUPPORT:
            return False
        if heard_by_decoder:
            # A primed decode writes its vocabulary over plain speech ("by a motorbike" -> "amlodipine", sound 60):
            # its hearing counts only with the sound an ordinary-word correction needs; and a drug name stands for
            # English words away from where a medicine is named only when it sounds all but the same ("in halo"
            # -> inhaler, 86): "her words were all jumbled up" came back "all amlodipine" (73) and hid a stroke.
            if sound < ORDINARY_SOUND:
                return False
            if (terms[replacement[0]] == "drugs" and all(w in self.lexicon.english for w in heard)
                    and _cue(preceding) not in cues | CUE_WORDS["drugs"] | _NAMES_A_MEDICINE):
                return sound >= HOMOPHONE_SOUND
            return True
        if not all(self.lexicon.is_common(w) for w in heard):
            return True
        # Ordinary words: what the caller may well have said.
        if not measured and len(heard) == 1:
            return False  # "trust" in "full of trust" is a word the caller said
        if _cue(preceding) not in cues | CUE_WORDS.get(terms[replacement[0]], frozenset()):
            return False
        return measured or sound >= ORDINARY_SOUND


def _changed_part(
    heard: list[str], replacement: list[str], preceding: list[str]
) -> tuple[list[str], list[str], list[str]]:
    """Drop the words both sides share at the start and end ("full of trust" -> "full of pus" is trust -> pus)."""
    while heard and replacement and heard[0] == replacement[0]:
        preceding.append(heard.pop(0))
        replacement.pop(0)
    while heard and replacement and heard[-1] == replacement[-1]:
        heard.pop()
        replacement.pop()
    return heard, replacement, preceding


def _cue(preceding: list[str]) -> str | None:
    """The word that says what comes next: the last one, or the one before an object ("gave him ...")."""
    if len(preceding) >= 2 and preceding[-1] in _OBJECTS:
        return preceding[-2]
    return preceding[-1] if preceding else None
