"""Yes, no and "not sure" said in the caller's other language, glossed into the English the yes/no reader reads.

Callers of an English line answer its yes/no questions in the language they think in: "ndiyo", "aiwa", "haa", "tak",
"can lah", "mi o mọ". A table (intake/yes_no_words.tsv) holds those words per language, because the same word answers
differently in different languages ("aiwa" is yes in Arabic and Swahili and no in Shona, "tak" yes in Polish and no
in Malay, "la" no in Arabic and a particle in Singlish), and a regex per word would hide those clashes where a table
shows them side by side. understanding.parse_yes_no stays English, with all its doubts, negators and corrections.

A word is read in the languages of the caller's country (from the phone number) and of the conversation first; where
none of them has it, in every language that does. Readings that disagree make it "not sure": the dialogue asks again,
and if still unclear takes the urgent branch, never the milder one (SAFETY.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from intake.understanding import normalize

DATA_FILE = Path(__file__).with_name("yes_no_words.tsv")
UNSURE = "not sure"

# Where each language is spoken (ISO 3166 alpha-2): a word is read first in the languages of the caller's country.
SPOKEN_IN = {
    "sw": "KE TZ UG CD RW BI", "zu": "ZA SZ", "xh": "ZA", "st": "LS ZA", "tn": "BW ZA", "sn": "ZW MZ",
    "ny": "MW ZM MZ", "bem": "ZM", "lg": "UG", "rw": "RW BI", "am": "ET", "ti": "ER ET", "so": "SO DJ ET KE",
    "om": "ET KE", "yo": "NG BJ", "ha": "NG NE GH", "ig": "NG", "tw": "GH", "wo": "SN GM MR", "pcm": "NG",
    "gpe": "GH", "wes": "CM",
    "ar": "SA AE KW QA BH OM YE IQ JO LB SY PS EG SD LY TN DZ MA MR", "ar-gulf": "SA AE KW QA BH OM YE IQ",
    "ar-lev": "JO LB SY PS", "ar-eg": "EG SD", "ar-mag": "MA DZ TN LY MR",
    "hi": "IN", "ur": "PK IN", "bn": "BD IN", "ta": "IN LK SG MY", "si": "LK", "ne": "NP BT",
    "tl": "PH", "ms": "MY SG BN", "en-sg": "SG MY BN", "id": "ID", "vi": "VN", "th": "TH", "my": "MM",
    "es": "ES MX GT HN SV NI CR PA CO VE EC PE BO CL AR UY PY CU DO PR GQ",
    "pt": "BR PT AO MZ CV GW ST TL",
    "fr": "FR BE CH CD CG CM CI SN ML BF NE GN TD CF GA BJ TG BI MG DJ KM HT",
    "ht": "HT", "jam": "JM", "trf": "TT", "tpi": "PG", "bi": "VU", "fj": "FJ", "sm": "WS AS", "to": "TO",
    "pl": "PL", "tr": "TR CY", "fa": "IR AF", "de": "DE AT CH", "af": "ZA NA", "el": "GR CY", "az": "AZ",
    "ro": "RO MD", "ru": "RU BY KZ KG UA MD", "hbs": "RS HR BA ME",
    "en": "",  # English look-alikes: read only where no language of the country has the word
}
# Read only where the language is the country's: Singlish "can." alone is a yes in Singapore, no answer elsewhere.
_LOCAL_ONLY = {"en-sg"}
# Said after an answer word without making it part of a sentence ("ee mukwai", "aiwa sir", "hapana daktari").
_COURTESY = {"sir", "madam", "maam", "ma", "doctor", "doc", "please", "o", "oh", "boss", "bro"}
_BREAKS = {",", ".", ";", "?", "!"}
_POSITIONS = ("alone", "start", "any")  # most specific first
# Scripts written without spaces between words: their phrases are matched without word edges.
_UNSPACED = re.compile(r"[\u0E00-\u0E7F\u1000-\u109F]")
_LATIN = re.compile(r"^[a-z0-9 ]+$")


@dataclass(frozen=True)
class _Reading:
    language: str
    english: str
    where: str


@cache
def _table() -> tuple[dict[tuple[str, ...], list[_Reading]], dict[str, list[_Reading]], int]:
    """(Latin phrases as token tuples, phrases in their own script, the longest Latin phrase in tokens)."""
    latin: dict[tuple[str, ...], list[_Reading]] = {}
    native: dict[str, list[_Reading]] = {}
    for line in DATA_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        language, said, english, where = (cell.strip() for cell in (line + "\t\t\t").split("\t")[:4])
        reading = _Reading(language, english, where or "any")
        plain = normalize(said)
        if _LATIN.match(plain) and plain:
            latin.setdefault(tuple(plain.split()), []).append(reading)
        else:
            native.setdefault(said.lower(), []).append(reading)
    return latin, native, max(len(k) for k in latin)


def _local(language: str, region: str | None, conversation: str | None) -> bool:
    if language == "en":
        return False  # the line's own language: its look-alikes only cast a doubt where no other reading is local
    return language == conversation or (region or "").upper() in SPOKEN_IN.get(language, "").split()


def _resolve(readings: list[_Reading], region: str | None, conversation: str | None) -> str | None:
    """The English of a word from the readings that apply where it was said; None: leave the word as said."""
    local = [r for r in readings if _local(r.language, region, conversation)]
    if not local:
        # No language of the caller's: every language that has the word (Singlish's own words aside); a particle
        # here only casts a doubt on an answer word, it never drops a word.
        local = [r for r in readings if r.language not in _LOCAL_ONLY]
        if not local or all(not r.english for r in local):
            return None
    by_language: dict[str, _Reading] = {}
    for r in sorted(local, key=lambda r: _POSITIONS.index(r.where)):
        by_language.setdefault(r.language, r)  # each language's most specific reading here
    meanings = {r.english for r in by_language.values()}
    return meanings.pop() if len(meanings) == 1 else UNSURE


def _fits(where: str, tokens: list[str], i: int, n: int) -> bool:
    """Whether a phrase at tokens[i:i+n] stands where its row allows: alone in its clause, at its start, anywhere."""
    if where == "any":
        return True
    if i > 0 and tokens[i - 1] not in _BREAKS:
        return False
    if where == "start":
        return True
    phrase, j = tokens[i:i + n], i + n
    while j < len(tokens) and tokens[j] not in _BREAKS:
        if tokens[j:j + n] == phrase:
            j += n
        elif tokens[j] in _COURTESY or _is_courtesy(tokens[j]):
            j += 1
        else:
            return False
    return True


@cache
def _is_courtesy(word: str) -> bool:
    return any(not r.english and r.where == "any" for r in _table()[0].get((word,), []))


def _native(text: str, region: str | None, conversation: str | None) -> str:
    """Phrases in their own script (Ge'ez, Arabic, Devanagari, Thai ...) replaced by their English, longest first."""
    native = _table()[1]
    found = [p for p in native if p in text]
    if not found:
        return text
    edge = r"(?<![^\s.,;!?।॥،؟۔።፣])", r"(?![^\s.,;!?।॥،؟۔።፣])"
    alternatives = "|".join(
        re.escape(p) if _UNSPACED.search(p) else edge[0] + re.escape(p) + edge[1]
        for p in sorted(found, key=len, reverse=True))

    def english(m: re.Match) -> str:
        said = _resolve(native[m.group()], region, conversation)
        return f" {said} " if said is not None else m.group()

    return re.sub(alternatives, english, text)


def yes_no_in_english(text: str, *, region: str | None = None, language: str | None = None) -> str:
    """An answer to a yes/no question as the English the yes/no reader reads: the other languages' yes, no, "I don't
    know", "a little" and "he can / can't (walk, wake up)" glossed (normalized text); a word with two meanings where
    it was said comes out "not sure". `region`: the caller's country; `language`: the conversation's."""
    latin, _, longest = _table()
    tokens = normalize(_native((text or "").lower(), region, language)).split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            readings = [r for r in latin.get(tuple(tokens[i:i + n]), []) if _fits(r.where, tokens, i, n)]
            said = _resolve(readings, region, language) if readings else None
            if said is not None:
                out.extend(said.split())
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return " ".join(out)
