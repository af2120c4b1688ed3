"""Answers in Hindi, Nigerian Pidgin, Tagalog and other callers' languages, glossed into the English the parsers read.

The parsers (yes/no with negators and doubt, numbers as intervals, ages and their units) are English and
well tested; a gloss of the few words that answer our questions (intake/answer_words.tsv) reuses all of it,
where a parser per language would repeat it three times. The red-flag words come from intake/codeswitch.tsv.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from intake.catalogue import SOURCE_LANGUAGE
from intake.codeswitch import to_english
from intake.understanding import normalize
from intake.yes_no_words import SPOKEN_IN

DATA_FILE = Path(__file__).with_name("answer_words.tsv")
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")


@cache
def _tables(language: str) -> tuple[tuple[re.Pattern, dict[str, str]] | None, ...]:
    """(Devanagari phrases, Latin phrases) of `language`, each as one longest-first whole-word pattern."""
    native: dict[str, str] = {}
    latin: dict[str, str] = {}
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        lang, said, english = (cell.strip() for cell in (line + "\t").split("\t")[:3])
        if lang == language:
            (native if _DEVANAGARI.search(said) else latin)[said] = english
    return tuple(_pattern(table) for table in (native, latin))


def _pattern(mapping: dict[str, str]) -> tuple[re.Pattern, dict[str, str]] | None:
    if not mapping:
        return None
    alternatives = "|".join(re.escape(p) for p in sorted(mapping, key=len, reverse=True))
    # Whole words: \b does not see Devanagari vowel signs as word characters, so spaces and ends stand for it.
    return re.compile(rf"(?<![\w\u0900-\u097F])({alternatives})(?![\w\u0900-\u097F])"), mapping


def _apply(table: tuple[re.Pattern, dict[str, str]] | None, text: str) -> str:
    if table is None:
        return text
    pattern, mapping = table
    return pattern.sub(lambda m: mapping[m.group(1)], text)


def in_english(text: str, language: str) -> str:
    """An answer given in `language`, as the English words the answer parsers read; English text unchanged."""
    if language == SOURCE_LANGUAGE or not text:
        return text
    native, latin = _tables(language)
    glossed = _apply(native, text.lower().replace("।", " . "))
    english = re.sub(r"\s+", " ", _apply(latin, to_english(normalize(glossed)))).strip()
    # A bare negator ("nahi", "hindi po") comes out of the red-flag table as "not": on its own it is a no.
    return "no" if english in _BARE_NOT else english


@cache
def _languages() -> frozenset[str]:
    """The languages the table has rows for."""
    return frozenset(line.split("\t", 1)[0] for line in DATA_FILE.read_text(encoding="utf-8").splitlines()
                     if line.strip() and not line.startswith("#"))


def spoken_in(region: str | None) -> tuple[str, ...]:
    """The languages of the caller's country (ISO 3166 alpha-2) that the table has answer words for."""
    country = (region or "").upper()
    return tuple(lang for lang, where in SPOKEN_IN.items() if country in where.split() and lang in _languages())


_BARE_NOT = {"not", "not po", "not ji", "not o", "no po", "no ji", "no o"}
