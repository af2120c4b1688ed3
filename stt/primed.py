"""Drug and condition names reach a transcript from the decoder's priming only through the phonetic gate.

Priming Whisper with the names callers use (its hotwords) lifts term recall on medical speech, but the
primed decoder also writes them over ordinary speech: "my uncle was hit by a motorbike" came back as
"My amlodipine, amlodipine," and once "seizure" came out of nothing. So a turn is decoded plainly,
with no vocabulary, and the plain words stand; when hints carry a vocabulary, a second, primed decode
may replace a span of them only by a medical term that the gate (stt/phonetic.py) finds in the sound
of the plain span. The primed decode can lend a term, never overwrite what the caller said.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import replace

from .base import Hints, Transcriber, Transcript
from .correction import MedicalCorrector
from .phonetic import PhoneticGate, sound_similarity

logger = logging.getLogger(__name__)

MAX_REPLACED_WORDS = 4  # "my view person" -> ibuprofen; a longer span is a different sentence, not a term
MAX_TERM_WORDS = 2  # "dengue fever", "paracetamol tablets"
# Small words the two decodes may disagree on around a term ("a solid abdominal" / "the salbutamol"):
# they come along with the term, and are left out of the sound comparison.
_LINKS = frozenset("a an the and of some".split())

_WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")  # digits too: "type 4" is the span "typhoid" replaces


def lend_terms(plain: str, primed: str, gate: PhoneticGate) -> tuple[str, list[tuple[str, str]]]:
    """`plain` with each span the primed decode heard as a gate-approved medical term replaced by it."""
    spans = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(plain)]
    said = [w for _, _, w in spans]
    primed_words = [m.group().lower() for m in _WORD.finditer(primed)]
    edits: list[tuple[int, int, list[str]]] = []  # plain word range [first, last) -> the primed words
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=said, b=primed_words, autojunk=False).get_opcodes():
        if op == "replace":
            edits += _term_edits(gate, said, i1, i2, primed_words[j1:j2])
    out, lent, cursor = [], [], 0
    for first, last, words in edits:
        start, end = spans[first][0], spans[last - 1][1]
        original, term = plain[start:end], " ".join(words)
        term = term.capitalize() if original[:1].isupper() else term
        out += [plain[cursor:start], term]
        lent.append((original, term))
        cursor = end
    out.append(plain[cursor:])
    return "".join(out), lent


def _term_edits(gate: PhoneticGate, said: list[str], i1: int, i2: int, new: list[str]) -> list[tuple[int, int, list[str]]]:
    """The edits one differing stretch allows: all of it, or else a term at either end on its own.

    The decodes may disagree on more than the term ("flingable in halo" / "flinol, clinol inhaler"):
    then the term at the end may still replace the last words of the plain stretch that sound like it.
    """
    old = said[i1:i2]
    if _lends(gate, old, new, said[:i1]):
        return [(i1, i2, new)]
    terms = gate.lexicon.terms
    tail = head = None
    if new[-1] in terms:
        tail = _closest(gate, [(i2 - k, i2, new[-1:]) for k in range(1, min(len(old), MAX_REPLACED_WORDS + 1))
                               if _lends(gate, old[-k:], new[-1:], said[: i2 - k])], said)
    if len(new) > 1 and new[0] in terms:
        room = (tail[0] if tail else i2) - i1
        head = _closest(gate, [(i1, i1 + k, new[:1]) for k in range(1, min(room, MAX_REPLACED_WORDS + 1))
                               if _lends(gate, old[:k], new[:1], said[:i1])], said)
    return [edit for edit in (head, tail) if edit]


def _closest(gate, edits: list[tuple[int, int, list[str]]], said: list[str]) -> tuple[int, int, list[str]] | None:
    """Of the spans a term may replace, the one that sounds most like it ("in halo", not "halo", is "inhaler")."""
    return max(edits, key=lambda e: sound_similarity(" ".join(said[e[0] : e[1]]), " ".join(e[2])), default=None)


def _lends(gate: PhoneticGate, old: list[str], new: list[str], before: list[str]) -> bool:
    """Whether the primed words `new` (a term, with small linking words) may replace the plain words `old`."""
    core_old, core_new = _strip_links(old), _strip_links(new)
    if not core_old or not core_new or len(core_old) > MAX_REPLACED_WORDS or len(core_new) > MAX_TERM_WORDS:
        return False
    if any(w not in gate.lexicon.terms or gate.lexicon.never_lent(w) for w in core_new):
        return False
    if any(gate.lexicon.never_lent(w) for w in old):
        return False  # nor takes one away: "and yes, my blood in the law" became "amlodipine the law" (espeak en-us)
    return gate.allows(core_old, core_new, before, heard_by_decoder=True)


def _strip_links(words: list[str]) -> list[str]:
    """The words without the small linking words at either end."""
    first, last = 0, len(words)
    while first < last and words[first] in _LINKS:
        first += 1
    while last > first and words[last - 1] in _LINKS:
        last -= 1
    return words[first:last]


class PrimedTermsTranscriber:
    """Wraps a backend: a plain decode, and, when hints name a vocabulary, a primed one whose terms pass the gate.

    The primed text goes through the offline corrector first (it spells "cardamazpine" for carbamazepine),
    so what it lends is a term. A turn with words costs a second decode when hints carry a vocabulary;
    with `second_decode` False (a paid remote backend) the vocabulary is dropped and nothing is lent.
    """

    def __init__(self, inner: Transcriber, corrector: MedicalCorrector | None = None, second_decode: bool = True) -> None:
        self.inner = inner
        self.name = inner.name
        self.second_decode = second_decode
        self.corrector = corrector or MedicalCorrector()
        self.gate = self.corrector.gate

    def __getattr__(self, name: str):
        return getattr(self.inner, name)  # the fallback backend and close() of what is wrapped stay reachable

    def transcribe(self, pcm16: bytes, sample_rate: int, hints: Hints | None = None) -> Transcript:
        """Blocking, like the backend it wraps: run it in a worker thread."""
        vocabulary = hints.hotwords if hints else None
        plain = self.inner.transcribe(pcm16, sample_rate, replace(hints, hotwords=None) if hints else None)
        if not vocabulary or not self.second_decode or not plain.text.strip():
            return plain
        primed = self.inner.transcribe(pcm16, sample_rate, hints)
        text, lent = lend_terms(plain.text, self.corrector.correct(primed.text).text, self.gate)
        if lent:
            logger.debug("primed decode lent %d term(s)", len(lent))
        return replace(plain, text=text)
