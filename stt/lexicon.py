"""The vocabulary that ships with stt: medical terms, everyday English words, known mishearings."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cached_property
from importlib import resources

from .base import Hints

# Categories whose words count as "medical terms recognised" in evaluation; anatomy and clinical
# words (chest, blood, dose) are everyday words a recogniser rarely misses.
KEY_CATEGORIES = frozenset({"drugs", "conditions", "symptoms"})
# Word families of the red flags ("convulsing", "poisoned", "unresponsive"): targets for a near-miss non-word
# ("convolcing"), never lent by a primed decode, and not key terms (adding them left term recall as it was).
SIGNS = "signs"
# Words that, right before a span, say a drug or a condition is what comes next ("taking ...", "has ...").
CUE_WORDS = {
    "drugs": frozenset("take takes took taking taken on called prescribed gave given give bought using use uses used "
                       "some tried".split()),
    "conditions": frozenset("has have had having with from diagnosed got is".split()),
}
# english_words.txt is in order of frequency; its first words are ordinary speech, never a misheard term
# on their own ("upset", "color", "trust", "sister" are among the first 10,000).
COMMON_WORD_RANK = 10_000
# What the second, primed decode is primed with (stt/primed.py): the drugs, diseases and symptoms callers
# name that tiny.en misspells unprimed. Not yes/no and no red-flag words ("breathing", "seizure",
# "bleeding", all once in this list): Whisper hears them unaided, and primed it wrote them where nobody
# said them. Dropping fever, vomiting and pus as well cost term recall (pus twice on the held-out set).
VOCABULARY = (
    "fever, malaria, typhoid, migraine, abscess, pus, vomiting, diarrhoea, paracetamol, ibuprofen, amoxicillin, "
    "amlodipine, metformin, artemether, lumefantrine, ciprofloxacin, metronidazole, salbutamol, insulin, ORS."
)


# Words of emergency signs (SAFETY.md's red flags), besides the SIGNS category. A primed decode never lends
# them, nor replaces them: Whisper hears these everyday words unaided, one lent over "sister" or "she's fine"
# would send a caller to the emergency line, and one taken away ("my blood" -> "amlodipine") would not.
NEVER_LENT = frozenset(
    "seizure seizures convulsion convulsions fit fits fitting stroke bleed bleeding blood bloody haemorrhage hemorrhage "
    "breath breaths breathe breathing "
    "unconscious fainted fainting choking gasping breathless drowsy floppy confused confusion overdose poisoning "
    "anaphylaxis eclampsia burn burns".split()
)


def _data_lines(name: str) -> list[str]:
    """Lines of a file in stt/data, without the header or blank lines."""
    text = resources.files("stt").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


@dataclass(frozen=True)
class Mishearing:
    """A phrase Whisper writes for a medical term, and the words that must precede it to trust the swap."""

    heard: tuple[str, ...]
    term: str
    after: frozenset[str]  # empty: the phrase alone is strong evidence


class Lexicon:
    """Loaded once per corrector; reading the files costs about 50 ms."""

    @cached_property
    def terms(self) -> dict[str, str]:
        """Medical term -> category."""
        rows = csv.DictReader(_data_lines("medical_terms.tsv"), delimiter="\t")
        return {row["term"]: row["category"] for row in rows}

    @cached_property
    def english(self) -> frozenset[str]:
        """Everyday English words (wordfreq Zipf >= 2.0, most frequent first), never taken for misspellings."""
        return frozenset(_data_lines("english_words.txt"))

    @cached_property
    def common(self) -> frozenset[str]:
        """The COMMON_WORD_RANK most frequent English words."""
        return frozenset(_data_lines("english_words.txt")[:COMMON_WORD_RANK])

    def never_lent(self, word: str) -> bool:
        """A red-flag word: only what Whisper heard unprimed may put it in a transcript."""
        return word in NEVER_LENT or self.terms.get(word) == SIGNS

    def is_common(self, word: str) -> bool:
        """A word callers say every day (a phonetic match alone never makes it a medical term)."""
        return word in self.common

    @cached_property
    def mishearings(self) -> list[Mishearing]:
        """Known recogniser confusions from stt/data/mishearings.tsv, longest phrase first."""
        found = []
        for row in csv.DictReader(_data_lines("mishearings.tsv"), delimiter="\t"):
            after = frozenset(row["after"].split()) if row["after"] != "*" else frozenset()
            found.append(Mishearing(tuple(row["heard"].split()), row["term"], after))
        return sorted(found, key=lambda m: -len(m.heard))

    def key_terms(self, words: list[str]) -> list[str]:
        """The words that are key medical terms, in order, for scoring recall."""
        return [w for w in words if self.terms.get(w) in KEY_CATEGORIES]


def bias_hints(prompt: str | None = None, vocabulary: bool = True, language: str = "en") -> Hints:
    """The dialogue's own question as Whisper's context, and the names a primed decode may lend (stt/primed.py)."""
    return Hints(initial_prompt=prompt, hotwords=VOCABULARY if vocabulary else None, language=language)
