"""Offline medical-term correction: fix what Whisper mishears, and only where the evidence is strong."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

import jellyfish
from rapidfuzz import fuzz, process

from .lexicon import CUE_WORDS, KEY_CATEGORIES, SIGNS, Lexicon, Mishearing
from .phonetic import PhoneticGate

logger = logging.getLogger(__name__)

# Similarity (0-100) a non-word needs, in spelling and in sound (Metaphone), to become a term.
MIN_SPELLING = 72
MIN_SOUND = 75
MIN_SCORE = 80
# A near tie between two different terms is not strong evidence for either.
MIN_MARGIN = 4
MIN_WORD_LETTERS = 4
MAX_SPAN_WORDS = 3
# Code-switched speech is full of words no English list holds ("tangu", "anasema", "pasina"), and any of them
# is near some term. One such word alone, with no cue before it ("took", "has"), becomes a term only when it is
# all but spelled like it ("amoxicilin", "maleria") or long enough to be no chance likeness (nine letters: "melformin", "Salbotomo");
# red-flag sign words keep the usual bar ("convolcing"), but not "burns" for Tagalog "bunso".
LONE_SCORE = 88
LONE_LETTERS = 9
# Everyday words standing in for a drug or disease ("more fiend" for morphine) need a closer sound
# match, a long term (short sound codes collide), and no possessive start unless the words before
# expect a noun: "my brain hurts" stays, "a bad my brain" does not.
PHRASE_SOUND = 85
PHRASE_SPELLING = 55
PHRASE_SCORE = 72
# ...and the word just before must expect that kind of term ("taking more fiend", "has man and jitis").
_CUES = CUE_WORDS
PHRASE_CATEGORIES = frozenset(_CUES)
MIN_PHRASE_TERM_LETTERS = 7
_FUNCTION_WORDS = frozenset(
    "a an the and or but so of to in on at it is as for with by from that this he she we they i you me him us any "
    "them was be do does did has have had not no yes if then than its".split()
)  # a drug name neither starts nor ends with one of these ("in" may end one: "metaphor in")
_OBJECTS = frozenset("him her them me us".split())
_POSSESSIVES = frozenset("my his her your our their".split())
_NAMES_A_TERM = frozenset("a an the my his her your our their".split())
_NOUN_EXPECTED = frozenset("a an the bad have has had get gets got getting severe terrible of from with some".split())

# Whisper at 8 kHz runs words together ("Painride across his chest", "the fireburn his face"); a non-word
# that is exactly two everyday words is split back, below any term edit, so the red-flag rules see the words.
# Only where the split exposes a symptom, condition, drug or red-flag word, and both halves are words of their
# own: "paining", "biglang", "Ratham" are words callers said, not "pain ing", "big lang", "Rat ham".
MIN_GLUED_LETTERS = 6
MIN_GLUED_PART = 3
SPLIT_SCORE = 50.0

# Endings that make an everyday or medical word into another real word ("heartbeats", "achy").
_SUFFIXES = ("s", "es", "ed", "ing", "y", "ey", "ly", "er", "ers", "al")
_FRAGMENTS = frozenset(_SUFFIXES) | frozenset("self ism ness less ful".split())  # never half of a split
# Whisper often drops a term's first syllable ("moxicillin"); a long enough tail still names it.
MIN_TAIL = 86
MIN_TAIL_SHARE = 0.6
MIN_TAIL_LETTERS = 6

_VOWEL = re.compile(r"[aeiouy]")
_TOKEN = re.compile(r"(?<!')[A-Za-z]+")  # letters after an apostrophe ('s, 've) are not words of their own
_BREAK = re.compile(r"[.,;:?!]")


@dataclass(frozen=True)
class Correction:
    """Corrected text and each replacement made, as (original, replacement)."""

    text: str
    replacements: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str  # lower case
    clause: int  # punctuation starts a new clause; spans never cross one
    contracted: bool  # "isn" of "isn't": not a whole word


@dataclass(frozen=True)
class _Edit:
    first: int  # token indexes, inclusive
    last: int
    replacement: str
    score: float


class MedicalCorrector:
    """Lexicon + phonetic corrector over the vocabulary in stt/data; safe to share between threads.

    Every edit it proposes passes the phonetic gate (stt/phonetic.py), the same one the LLM's do.
    """

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or Lexicon()
        self.gate = PhoneticGate(self.lexicon)
        self._terms = [t for t in self.lexicon.terms if len(t) >= MIN_WORD_LETTERS and t.isalpha()]
        self._sounds = {t: jellyfish.metaphone(t) for t in self._terms}
        self._phrase_sounds = {
            sound: term
            for term, sound in self._sounds.items()
            if self.lexicon.terms[term] in PHRASE_CATEGORIES and len(term) >= MIN_PHRASE_TERM_LETTERS
        }

    def correct(self, text: str) -> Correction:
        """Replace known mishearings and misspelled medical words; leave everything else as it was."""
        tokens = _tokenize(text)
        edits = (self._mishearing_edits(tokens) + self._phonetic_edits(tokens) + self._phrase_edits(tokens)
                 + self._split_edits(tokens))
        chosen: list[_Edit] = []
        taken: set[int] = set()
        for edit in sorted(edits, key=lambda e: (-e.score, e.last - e.first)):
            span = set(range(edit.first, edit.last + 1))
            if not span & taken:
                chosen.append(edit)
                taken |= span
        out, replacements, cursor = [], [], 0
        for edit in sorted(chosen, key=lambda e: e.first):
            start, end = tokens[edit.first].start, tokens[edit.last].end
            original = text[start:end]
            replacement = edit.replacement.capitalize() if original[:1].isupper() else edit.replacement
            out += [text[cursor:start], replacement]
            replacements.append((original, replacement))
            cursor = end
        out.append(text[cursor:])
        if replacements:
            logger.debug("medical correction: %s", replacements)
        return Correction("".join(out), replacements)

    def _mishearing_edits(self, tokens: list[_Token]) -> list[_Edit]:
        """Phrases from the mishearings table, where the words before them allow it."""
        words = [t.word for t in tokens]
        edits = []
        for m in self.lexicon.mishearings:
            n = len(m.heard)
            for i in range(len(words) - n + 1):
                if tuple(words[i : i + n]) != m.heard or not _same_clause(tokens, i, i + n - 1) or not _allowed(m, words, i):
                    continue
                if self.gate.allows(m.heard, m.term.split(), _preceding(tokens, i), m.after, measured=True):
                    edits.append(_Edit(i, i + n - 1, m.term, 100.0 + n))
        return edits

    def _phonetic_edits(self, tokens: list[_Token]) -> list[_Edit]:
        """Spans of up to three words, at least one of them not English, that sound and look like a term."""
        edits = []
        for i, token in enumerate(tokens):
            if not self._is_non_word(token.word):
                continue
            for first in range(max(0, i - MAX_SPAN_WORDS + 1), i + 1):
                for last in range(i, min(len(tokens), first + MAX_SPAN_WORDS)):
                    if not _same_clause(tokens, first, last):
                        continue
                    words = [t.word for t in tokens[first : last + 1]]
                    if any(w in self.lexicon.terms or self.lexicon.never_lent(w) for w in words):
                        continue  # never rewrite a word that already is a medical term or a red-flag word ("fits")
                    if _holds_small_word(words):
                        continue  # "a ospiris" is "no respira", not aspirin; "wetin I go" is no sweating
                    match = self._best_term("".join(words))
                    if not match or (first == last and not self._lone_word_may_be(words[0], match, _preceding(tokens, first))):
                        continue
                    if self.gate.allows(words, [match[0]], _preceding(tokens, first)):
                        edits.append(_Edit(first, last, *match))
        return edits

    def _lone_word_may_be(self, word: str, match: tuple[str, float], preceding: list[str]) -> bool:
        """One non-word becomes a term after a cue word, as a red-flag word, or when spelled all but like it."""
        term, score = match
        words = [w for w in preceding if w not in _OBJECTS and w not in _NAMES_A_TERM]  # "on the ...", "gave him ..."
        cued = bool(words) and any(words[-1] in cues for cues in _CUES.values())
        return cued or self.lexicon.terms[term] == SIGNS or score >= LONE_SCORE or len(word) >= LONE_LETTERS

    def _phrase_edits(self, tokens: list[_Token]) -> list[_Edit]:
        """Runs of two or three everyday words that sound like one long drug or disease name."""
        edits = []
        for first in range(1, len(tokens)):
            before = first - 2 if tokens[first - 1].word in _OBJECTS and first >= 2 else first - 1  # "gave him X"
            cue = tokens[before].word
            if tokens[before].contracted or not any(cue in cues for cues in _CUES.values()):
                continue
            if tokens[first].word in _POSSESSIVES and (first == 0 or tokens[first - 1].word not in _NOUN_EXPECTED):
                continue
            for last in range(first + 1, min(len(tokens), first + MAX_SPAN_WORDS)):
                words = [t.word for t in tokens[first : last + 1]]
                if not _same_clause(tokens, first, last) or any(w in self.lexicon.terms for w in words):
                    continue
                if words[0] in _FUNCTION_WORDS or (words[-1] in _FUNCTION_WORDS and words[-1] != "in"):
                    continue
                letters = "".join(words)
                found = process.extractOne(jellyfish.metaphone(letters), self._phrase_sounds.keys(), scorer=fuzz.ratio)
                if not found or found[1] < PHRASE_SOUND:
                    continue
                term = self._phrase_sounds[found[0]]
                if cue not in _CUES[self.lexicon.terms[term]] or any(t.contracted for t in tokens[first : last + 1]):
                    continue
                spelling = fuzz.ratio(letters, term)
                score = (spelling + found[1]) / 2
                if spelling >= PHRASE_SPELLING and score >= PHRASE_SCORE and self.gate.allows(words, [term], _preceding(tokens, first)):
                    edits.append(_Edit(first, last, term, score - 10))  # below any non-word match
        return edits

    def _split_edits(self, tokens: list[_Token]) -> list[_Edit]:
        """Non-words that are two everyday words run together, in exactly one way ("painride" -> "pain ride")."""
        edits = []
        for i, token in enumerate(tokens):
            word = token.word
            if len(word) < MIN_GLUED_LETTERS or token.contracted or self._is_known(word):
                continue
            splits = [(word[:k], word[k:]) for k in range(MIN_GLUED_PART, len(word) - MIN_GLUED_PART + 1)
                      if self._is_everyday(word[:k]) and self._is_everyday(word[k:])]
            if len(splits) == 1 and any(self._matters(half) for half in splits[0]):
                edits.append(_Edit(i, i, " ".join(splits[0]), SPLIT_SCORE))
        return edits

    def _is_everyday(self, word: str) -> bool:
        """A common English word or a medical term, vowel and all ("br" is on the word list), not an ending: half of a pair."""
        return (bool(_VOWEL.search(word)) and word not in _FRAGMENTS
                and (self.lexicon.is_common(word) or word in self.lexicon.terms))

    def _matters(self, word: str) -> bool:
        """A drug, condition, symptom or red-flag word, or one with an ending ("burned"): what a split is for."""
        stems = [word] + [word[: -len(end)] for end in _SUFFIXES if word.endswith(end)]
        return any(self.lexicon.terms.get(w) in KEY_CATEGORIES | {SIGNS} or self.lexicon.never_lent(w) for w in stems)

    def _is_non_word(self, word: str) -> bool:
        """Not English, not a term, nor one of them with an ending: what a recogniser writes for a word it does not know."""
        if len(word) < MIN_WORD_LETTERS or self._is_known(word):
            return False
        return not any(word.endswith(end) and self._is_known(word[: -len(end)]) for end in _SUFFIXES)

    def _is_known(self, word: str) -> bool:
        """In the English word list or the medical vocabulary."""
        return word in self.lexicon.english or word in self.lexicon.terms

    def _best_term(self, letters: str) -> tuple[str, float] | None:
        """The one term these letters clearly are, with its score; None when unsure."""
        sound = jellyfish.metaphone(letters)
        scored = []
        for term, spelling, _ in process.extract(letters, self._terms, scorer=fuzz.ratio, limit=8):
            heard = fuzz.ratio(sound, self._sounds[term])
            if spelling >= MIN_SPELLING and heard >= MIN_SOUND:
                scored.append(((spelling + heard) / 2, term))
        scored += self._tail_matches(letters)
        scored.sort(reverse=True)
        if not scored or scored[0][0] < MIN_SCORE:
            return None
        if len(scored) > 1 and scored[0][0] - scored[1][0] < MIN_MARGIN and not _same_word(scored[0][1], scored[1][1]):
            return None
        return scored[0][1], scored[0][0]

    def _tail_matches(self, letters: str) -> list[tuple[float, str]]:
        """Terms whose ending these letters spell, scored a little below a whole-word match."""
        if len(letters) < MIN_TAIL_LETTERS:
            return []
        found = []
        for term in self._terms:
            if len(term) > len(letters) >= MIN_TAIL_SHARE * len(term):
                tail = fuzz.ratio(letters, term[-len(letters) :])
                if tail >= MIN_TAIL:
                    found.append((tail - 5, term))
        return found


def _tokenize(text: str) -> list[_Token]:
    """Words with their places in the text; hyphenated words split ("low-diping" is two words)."""
    tokens, clause, cursor = [], 0, 0
    for m in _TOKEN.finditer(text):
        if _BREAK.search(text, cursor, m.start()):
            clause += 1
        contracted = text.startswith("'", m.end()) and text[m.end() + 1 : m.end() + 2].isalpha()
        tokens.append(_Token(m.start(), m.end(), m.group().lower(), clause, contracted))
        cursor = m.end()
    return tokens


def _holds_small_word(words: list[str]) -> bool:
    """A span of several words with a function word, a possessive or a two-letter scrap in it ("in" may end it).

    No drug name has one: Hindi "ko seene" (in the chest) is no kerosene, Krio "mi granpa" no migraine.
    """
    if len(words) < 2:
        return False
    judged = words[:-1] if words[-1] == "in" else words
    return any(w in _FUNCTION_WORDS or w in _POSSESSIVES or len(w) < 3 for w in judged)


def _same_clause(tokens: list[_Token], first: int, last: int) -> bool:
    """No punctuation between the first and last token of a span."""
    return tokens[first].clause == tokens[last].clause


def _preceding(tokens: list[_Token], first: int) -> list[str]:
    """The words before a span in its clause: what cues a term ("took ...", "gave him ...")."""
    return [t.word for t in tokens[:first] if t.clause == tokens[first].clause]


def _allowed(m: Mishearing, words: list[str], i: int) -> bool:
    """A context-bound mishearing needs one of its cue words right before it."""
    return not m.after or (i > 0 and words[i - 1] in m.after)


def _same_word(a: str, b: str) -> bool:
    """Spelling variants and plurals of one term (diarrhea/diarrhoea, tablet/tablets) do not compete."""
    return a.rstrip("s") == b.rstrip("s") or fuzz.ratio(a, b) >= 90
