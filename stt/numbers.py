"""Spoken numbers to digits, so the dialogue reads "I counted 39" whatever the recogniser wrote."""

from __future__ import annotations

import re

_UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine".split())}
_TEENS = {w: i + 10 for i, w in enumerate(
    "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: (i + 2) * 10 for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1000}
# "no one", "that one": pronouns, not counts.
_NOT_A_COUNT_BEFORE_ONE = frozenset("no the that this which each every any some someone".split())
_HYPHENATED = re.compile(
    r"\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)\b", re.I
)
_WORD = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?|\S")


def _kind(word: str) -> str | None:
    """unit, teen, tens or scale for a number word; None otherwise."""
    if word in _UNITS:
        return "unit"
    if word in _TEENS:
        return "teen"
    if word in _TENS:
        return "tens"
    if word in _SCALES:
        return "scale"
    return None


# Which kind of word may follow which inside one number ("thirty nine" yes, "nine ten" no).
_FOLLOWS = {
    None: {"unit", "teen", "tens"},
    "unit": {"scale"},
    "teen": {"scale"},
    "tens": {"unit", "scale"},
    "scale": {"unit", "teen", "tens", "scale"},
    "and": {"unit", "teen", "tens"},
}


def normalize_numbers(text: str) -> str:
    """Rewrite runs of number words as digits: "thirty nine" -> "39", "nine maybe ten" -> "9 maybe 10"."""
    text = _HYPHENATED.sub(r"\1 \2", text)
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    out: list[str] = []
    cursor = i = 0
    while i < len(tokens):
        end_index, value = _read_number(tokens, i)
        if end_index == i:
            i += 1
            continue
        digits = str(value)
        if _has_decimal(tokens, end_index):  # "thirty eight point five": a temperature
            digits += "." + str(_UNITS[tokens[end_index + 1][2].lower()])
            end_index += 2
        out += [text[cursor : tokens[i][0]], digits]
        cursor, i = tokens[end_index - 1][1], end_index
    out.append(text[cursor:])
    return "".join(out)


def _read_number(tokens: list[tuple[int, int, str]], i: int) -> tuple[int, int]:
    """Longest number starting at token i: (index after it, value); (i, 0) when there is none."""
    total = current = 0
    last: str | None = None
    j = i
    first = tokens[i][2].lower()
    if first == "one" and i > 0 and tokens[i - 1][2].lower() in _NOT_A_COUNT_BEFORE_ONE:
        return i, 0
    if first == "a" and i + 1 < len(tokens) and tokens[i + 1][2].lower() in _SCALES:
        current, last, j = 1, "unit", i + 1  # "a hundred and twenty"
    while j < len(tokens):
        word = tokens[j][2].lower()
        if word == "and" and last == "scale" and j + 1 < len(tokens) and _kind(tokens[j + 1][2].lower()):
            last, j = "and", j + 1
            continue
        kind = _kind(word)
        if kind is None or kind not in _FOLLOWS[last] or (kind == "scale" and current == 0):
            break
        if kind == "scale":
            if _SCALES[word] == 1000:
                total, current = (total + current) * 1000, 0
            else:
                current *= 100
        else:
            current += _UNITS.get(word) or _TEENS.get(word) or _TENS.get(word, 0)
        last, j = kind, j + 1
    if last in (None, "and") or (first == "a" and j == i + 1):
        return i, 0
    return j, total + current


def _has_decimal(tokens: list[tuple[int, int, str]], j: int) -> bool:
    """Whether "point <digit>" follows the number that ends before token j."""
    return j + 1 < len(tokens) and tokens[j][2].lower() == "point" and tokens[j + 1][2].lower() in _UNITS
