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


# Word order the phrase table cannot see. Tagalog puts particles between "hindi" and its verb ("hindi pa rin
# siya nagigising"): they are dropped so that "hindi nagigising" is read. Hindi/Urdu put the negation last ("seene
# mein dard nahi hai", "koi soojan nahi"): the clause is read as "no <clause>", unless the phrase table knows the
# "<word> nahi" (as in "hosh nahi": unconscious) or a verb follows (as in "saans nahi le raha": not breathing).
# Tagalog "at" (and) before "hindi" is read as "and" so that each finding keeps its own clause.
_TL_PARTICLES = re.compile(r"\b(hindi|di) ((?:(?:pa rin|pa|na|rin|niya|nya|siya|sya|ko|mo|naman|talaga|man lang) )+)")
# "nahi hai" (is not), "nahi aaya" / "nahi hua" (did not come / happen): there was none.
_HI_NOT = r"(?:nahi|nahin|nai)(?: (?:hai|he|tha|thi|aaya|aayi|aaye|hua|hui|hue|pada|padi))?"
_HI_CLAUSE_END = r"(?=\s*(?:$|,|\.|\?|!|;|bas\b|only\b|just\b|but\b|aur\b|and\b|lekin\b|par\b))"
_HI_KOI = re.compile(rf"\bkoi ((?:\w+ ){{0,3}}?\w+) {_HI_NOT}{_HI_CLAUSE_END}")
_HI_POST = re.compile(rf"(^|[,.?!;] )((?:\w+ ){{0,2}}\w+) {_HI_NOT}{_HI_CLAUSE_END}")


# Pidgin's "no dey" ("is not") as people spell it, and as Ghanaian, Liberian and Cameroonian callers say it: "nor de",
# "nor dey", "no de" (Krio's "no de" has rows of its own, read first).
_NO_DEY = re.compile(r"\bnor (?:dey|de)\b|\bno de\b(?! (?:blo|tap|wekop|ansa|sok)\b)")


def _reorder(normalized: str, mapping: dict[str, str]) -> str:
    t = _NO_DEY.sub("no dey", normalized)
    t = _TL_PARTICLES.sub(r"\1 ", t)
    t = re.sub(r"\bat (?=(hindi|di)\b)", "and ", t)  # Tagalog "at" is "and" before a clause: "hindi gumagalaw at hindi..."
    t = _HI_KOI.sub(lambda m: m.group(0) if m.group(1).split()[-1] + " nahi" in mapping else f"no {m.group(1)}", t)

    def post(m: re.Match) -> str:
        words = m.group(2).split()
        if any(" ".join(words[i:]) + " nahi" in mapping for i in range(len(words))):
            return m.group(0)  # "hosh nahi": the table reads the pair
        return f"{m.group(1)}no {m.group(2)}"

    return _HI_POST.sub(post, t)


# Pidgin's "e never wake" has not woken; English's "hope I never wake up", "could go to sleep and never wake up" is a
# wish to die. After a wish, a modal or "sleep and", the words are English and stay as they are.
_ENGLISH_WISH_BEFORE = re.compile(r"(?:\b(?:hope|hopes|wish|wishes|pray|prays) (?:i|he|she|they)|"
                                  r"\b(?:could|would|will|might|to)|\bsleep and) $")


# Pidgin's bare "no fit" is "can not" and has its verb after it ("e no fit see"); with no verb it is English: "no fit,
# not floppy" lists a sign that is absent.
_NO_VERB_AFTER = re.compile(r"\s*(?:$|[,.?!;:]|(?:and|or|but|no|not|nothing|none|at all|either|too|yet)\b)")


def to_english(normalized: str) -> str:
    """The same text with every known code-switched phrase replaced by its English reading."""
    pattern, mapping = _table()
    t = _reorder(normalized, mapping)

    def english(m: re.Match) -> str:
        if m.group(1) == "never wake" and _ENGLISH_WISH_BEFORE.search(t, 0, m.start()):
            return m.group(0)
        if mapping[m.group(1)].endswith("can not") and _NO_VERB_AFTER.match(t, m.end()):
            return m.group(0)
        return mapping[m.group(1)]

    return re.sub(r"\s+", " ", pattern.sub(english, t)).strip()
