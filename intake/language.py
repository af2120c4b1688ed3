"""Which language to speak: the caller's country offers one, a first text's words tell one, a name said switches.

The detector counts function words, the small words every sentence has ("dey", "hai", "ang"), so a text
about a fever in Pidgin is told from one in English without a model. A tie with English goes to the
other language: its function words are rare in English, so one of them is evidence.
"""

from __future__ import annotations

import re

from intake.catalogue import LANGUAGE_DIGITS, SOURCE_LANGUAGE

# The language a caller's country is offered at the start of a call, besides English (ISO 3166 alpha-2).
COUNTRY_LANGUAGE = {"NG": "pcm", "IN": "hi", "PH": "tl"}

FUNCTION_WORDS = {
    "en": frozenset("the is are my his her has have and was been having of with not can this".split()),
    "hi": frozenset(("hai hain mera meri mere mujhe usko uska uski unko ko nahi nahin kya aur bhi bahut raha rahi "
                     "rahe hua hui ho gaya gayi se mein ka ki ke abhi bachcha bacche dard bukhar").split()),
    "pcm": frozenset(("dey wetin abeg una don pikin di wey sabi comot belle wahala dem sef im dis oya abi "
                      "wan fit").split()),
    "tl": frozenset(("ang ng mga sa ay si ni hindi po opo ako siya ko mo niya na may wala anak kasi lang ba "
                     "yung nang kami kanina ngayon masakit lagnat hirap").split()),
}
# A whole utterance that only names a language ("Hindi, please") switches to it.
LANGUAGE_NAMES = {
    "en": frozenset({"english", "angrezi", "ingles"}),
    "hi": frozenset({"hindi", "हिंदी", "हिन्दी"}),
    "pcm": frozenset({"pidgin", "pijin", "naija"}),
    "tl": frozenset({"tagalog", "filipino", "pilipino"}),
}
_AROUND_A_NAME = frozenset("in speak talk language please i want can you use switch to change".split())
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
_WORD = re.compile(r"[\u0900-\u097F]+|[^\W\d_]+")  # Devanagari vowel signs are not \w


def country_language(region: str | None) -> str | None:
    """The language offered to callers from `region` besides English; None where English alone is offered."""
    return COUNTRY_LANGUAGE.get((region or "").upper())


def menu_languages(region: str | None, *, everything: bool = False) -> tuple[str, ...]:
    """The languages a keypad menu offers, in digit order: English and the country's, or all of them."""
    if everything:
        return tuple(LANGUAGE_DIGITS)
    local = country_language(region)
    return (SOURCE_LANGUAGE, local) if local else (SOURCE_LANGUAGE,)


def language_of_digit(digits: str, offered: tuple[str, ...]) -> str | None:
    """The offered language whose keypad digit was pressed; None for any other key."""
    return next((lang for lang in offered if LANGUAGE_DIGITS[lang] == digits.strip().strip("#")), None)


def named_language(text: str) -> str | None:
    """The language an utterance asks for when it only names one ("in Hindi please"); None otherwise."""
    words = [w for w in _WORD.findall((text or "").lower()) if w not in _AROUND_A_NAME]
    if not words:
        return None
    named = {lang for lang, names in LANGUAGE_NAMES.items() if set(words) <= names}
    return named.pop() if len(named) == 1 else None


def detect_language(text: str) -> str | None:
    """The language a text is written in, by its function words; None when nothing tells."""
    if _DEVANAGARI.search(text or ""):
        return "hi"
    words = _WORD.findall((text or "").lower())
    hits = {lang: sum(w in fw for w in words) for lang, fw in FUNCTION_WORDS.items()}
    other = max((lang for lang in hits if lang != SOURCE_LANGUAGE), key=lambda lang: hits[lang])
    if hits[other] and hits[other] >= hits[SOURCE_LANGUAGE]:
        return other
    return SOURCE_LANGUAGE if hits[SOURCE_LANGUAGE] else None
