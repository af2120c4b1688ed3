"""Code-switched words (Nigerian Pidgin, Hinglish, Taglish, Swahili...) read as the English they mean.

Callers mix languages mid-sentence ("his chest dey pain am", "seene mein dard ho raha hai", "hindi
makahinga si lola"); the red-flag matcher reads English. The table is data (codeswitch.tsv), applied
once to normalized text, longest phrase first and whole words only, so "no fit breathe" is read before
"no fit".
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).with_name("codeswitch.tsv")


@cache
def _table(path: Path = DATA_FILE) -> tuple[re.Pattern, dict[str, str]]:
    mapping: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        phrase, english, *_ = line.split("\t")
        mapping[phrase.strip()] = english.strip()
    alternatives = sorted(mapping, key=len, reverse=True)
    pattern = re.compile(r"\b(" + "|".join(re.escape(p) for p in alternatives) + r")\b")
    return pattern, mapping


def to_english(normalized: str) -> str:
    """The same text with every known code-switched phrase replaced by its English reading."""
    pattern, mapping = _table()
    out = pattern.sub(lambda m: mapping[m.group(1)], normalized)
    return re.sub(r"\s+", " ", out).strip()
