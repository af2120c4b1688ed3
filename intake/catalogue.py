"""Message catalogues: every word the dialogue says, and the caller's texts, per language.

One TOML file per language in intake/catalogues/. en.toml is the source; every other file gives each
entry as `en` (the English it was translated from) and `tr` (the translation), with an optional `self`
(the translation when the caller is the patient, where a language cannot swap a pronoun in place).
Why TOML and not gettext: the keys are the dialogue's stable prompt ids rather than English msgids, the
English source beside each translation lets a test find a stale one, and the standard library reads it
with no compile step at install. A missing or stale translation falls back to English at run time (the
caller hears something) and fails tests/intake/test_intake_catalogues.py.
"""

from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

logger = logging.getLogger(__name__)

CATALOGUE_DIR = Path(__file__).with_name("catalogues")
SOURCE_LANGUAGE = "en"
# The keypad digit of each language never changes, whichever menu offers it ("for Hindi press 2").
LANGUAGE_DIGITS = {"en": "1", "hi": "2", "pcm": "3", "tl": "4"}
LANGUAGES = tuple(LANGUAGE_DIGITS)


@dataclass(frozen=True)
class Entry:
    """One message: the words to say, and for a translation the English they were made from."""

    text: str
    source: str  # the English source (equal to text in en.toml)
    self_text: str = ""  # when the caller is the patient; empty: `text` with the self pronouns


@dataclass(frozen=True)
class Catalogue:
    """All messages of one language, by id ("walk.voice", "disclaimer.text")."""

    language: str
    name: str
    review: str  # "source", or who has reviewed the translation (a native speaker, or not yet)
    entries: dict[str, Entry]
    words_self: dict[str, str] = field(default_factory=dict)
    words_other: dict[str, str] = field(default_factory=dict)

    def template(self, msg_id: str, who: str | None = None) -> str:
        """The raw message (placeholders unfilled), in the patient's person; English when this one lacks it."""
        entry = self.entries.get(msg_id)
        if entry is None:
            if self.language == SOURCE_LANGUAGE:
                raise KeyError(msg_id)
            logger.warning("catalogue %s has no %s: saying it in English", self.language, msg_id)
            return catalogue(SOURCE_LANGUAGE).template(msg_id, who)
        return entry.self_text if who == "self" and entry.self_text else entry.text

    def words(self, who: str | None) -> dict[str, str]:
        """Pronoun placeholders: "you" words when the caller is the patient, otherwise "they" words.

        Each also comes capitalised ({They}) for a translation whose sentence starts with it.
        """
        words = self.words_self if who == "self" else self.words_other
        return {**words, **{k.capitalize(): v[:1].upper() + v[1:] for k, v in words.items()}}

    def say(self, msg_id: str, who: str | None = None, **values: object) -> str:
        """The message with the patient's pronouns and `values` filled in."""
        return self.template(msg_id, who).format(**self.words(who), **values)

    def has(self, msg_id: str) -> bool:
        return msg_id in self.entries


def _flatten(table: dict, prefix: str = "") -> dict[str, object]:
    flat: dict[str, object] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and not {"en", "tr"} <= value.keys():
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = value
    return flat


@cache
def catalogue(language: str) -> Catalogue:
    """The catalogue of `language` (one of LANGUAGES), read once."""
    if language not in LANGUAGES:
        raise KeyError(f"no catalogue for language {language!r}")
    data = tomllib.loads((CATALOGUE_DIR / f"{language}.toml").read_text(encoding="utf-8"))
    meta = data.pop("meta")
    words = data.pop("words")
    entries: dict[str, Entry] = {}
    for msg_id, value in _flatten(data).items():
        if isinstance(value, str):
            entries[msg_id] = Entry(value, value)
        else:
            entries[msg_id] = Entry(value["tr"], value["en"], value.get("self", ""))
    return Catalogue(language, meta["name"], meta.get("review", ""), entries,
                     dict(_plain(words.get("self", {}))), dict(_plain(words.get("other", {}))))


def _plain(words: dict) -> dict[str, str]:
    """Pronoun tables are plain strings in every catalogue (a translation's words need no English source)."""
    return {k: (v if isinstance(v, str) else v["tr"]) for k, v in words.items()}


def emergency_note(language: str | None, region: str | None, note: str | None) -> str:
    """The emergency number's note as a sentence (" In some states ..."), translated while the catalogue's
    English is still the number table's own words; those words as they are otherwise; "" without a note."""
    if not note:
        return ""
    english = catalogue(SOURCE_LANGUAGE)
    msg_id = next((i for i in (f"emergency_note.{(region or 'DEFAULT').upper()}", "emergency_note.DEFAULT")
                   if english.has(i) and english.template(i) == note), None)
    said = catalogue(language_or_default(language)).template(msg_id) if msg_id else note
    return f" {said[0].upper()}{said[1:]}."


def language_or_default(language: str | None) -> str:
    """A known language code, English for anything else."""
    return language if language in LANGUAGES else SOURCE_LANGUAGE
