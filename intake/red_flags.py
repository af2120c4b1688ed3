"""Red flags: signs that mean "call emergency services now", found in what the caller says.

The list itself is data, in red_flags.json next to this module: one entry per flag with a stable
`id`, a `label`, the `source` it comes from (NHS 111's first "call 999" screen, NHS ambulance-trust
guidance, WHO ETAT emergency signs and WHO IMCI general danger signs), the first-aid `advice` said
with the emergency number, and regular expressions over normalized text (lower case, contractions
spelled out: "can't" -> "can not"). Optional keys: `requires` (a context that must appear somewhere
in the conversation, e.g. pregnancy), `child_only` (IMCI signs, skipped once the patient is known to
be 12 or older), `soft` (softening words that make a mention benign: "a bit short of breath"),
`reply` ("cpr" for the not-breathing flag, else "emergency").

Flag ids: not_breathing, chest_pain, stroke, breathing_difficulty, choking, heavy_bleeding,
major_trauma, seizure, unconscious, anaphylaxis, suicidal, overdose_poisoning, pregnancy_emergency,
child_danger_signs, severe_burns.

Some patterns are there for what a phone line and Whisper make of the words: 8 kHz audio cuts the
hiss that tells /f/ from /s/ ("having a sit", "the baby is sloppy") and swallows the t of "can't"
("my daughter can stay awake" -- a complaint nobody makes in the positive). Each one comes from a
real transcript, kept with its exact text in tests/intake/test_intake_asr_text.py.

A mention does not count when it is negated in its own clause ("no chest pain", "he is not having a
fit", "without any bleeding") or resolved later in the sentence ("the bleeding has stopped", "the fit
is over"). Doubt is not negation: "I'm not sure if it's a fit" still counts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from intake.understanding import normalize

DATA_FILE = Path(__file__).with_name("red_flags.json")

_HEDGES = re.compile(r"\b(not sure|do not know|can not tell|not certain|can not say)\b")
_CLAUSE_BREAK = re.compile(r"[,.;?!]|\b(but|and|though|although|however|so|because|then)\b")
_STRONG_NEGATORS = {"not", "never", "without", "denies", "deny", "nor", "neither"}
_NEAR_NEGATORS = {"no", "none"}  # "no chest pain": only right before the sign
_RESOLVED = re.compile(
    r"\b(it|that|which|this|the \w+|bleeding|fitting|shaking|pain|seizure|fit|he|she|they)"
    r"( has| had| is| was| have| are)?( now| all)? "
    r"(stopped|over|gone|gone away|went away|passed|finished|ended|under control|better|"
    r"breathing again|breathing now|awake now|woke up|came round)\b"
)
_RESOLVED_NOW = re.compile(
    r"^((has|had|is|was|have|are) )?((now|all|finally) )?(stopped|over|gone|passed|finished|ended|under control)\b"
)


@dataclass(frozen=True)
class RedFlag:
    """One red flag from the data table, with its compiled patterns."""

    id: str
    label: str
    source: str
    advice: str
    reply: str
    patterns: tuple[re.Pattern, ...]
    requires: tuple[re.Pattern, ...] = ()
    child_only: bool = False
    soft: re.Pattern | None = None


@cache
def load_red_flags(path: Path = DATA_FILE) -> tuple[RedFlag, ...]:
    """The red-flag table, compiled once per file."""
    entries = json.loads(Path(path).read_text(encoding="utf-8"))
    return tuple(
        RedFlag(
            id=e["id"],
            label=e["label"],
            source=e["source"],
            advice=e.get("advice", ""),
            reply=e.get("reply", "emergency"),
            patterns=tuple(re.compile(rf"\b(?:{p})") for p in e["patterns"]),
            requires=tuple(re.compile(rf"\b(?:{p})") for p in e.get("requires", [])),
            child_only=bool(e.get("child_only", False)),
            soft=re.compile(rf"\b(?:{e['soft']})\b") if e.get("soft") else None,
        )
        for e in entries
    )


def flag_by_id(flag_id: str) -> RedFlag:
    """The table entry for a flag id (KeyError for an unknown id)."""
    for flag in load_red_flags():
        if flag.id == flag_id:
            return flag
    raise KeyError(flag_id)


def _prepare(text: str) -> str:
    return _HEDGES.sub("unsure", normalize(text))


def _negated(t: str, start: int, soft: re.Pattern | None) -> bool:
    clause = _CLAUSE_BREAK.split(t[:start])[-1].split()
    if any(w in _STRONG_NEGATORS for w in clause[-7:]) or any(w in _NEAR_NEGATORS for w in clause[-3:]):
        return True
    return bool(soft and soft.search(" ".join(clause[-3:])))


def _resolved(t: str, end: int) -> bool:
    rest = " ".join(re.split(r"[.?!;]", t[end:])[0].split()[:9])
    return bool(_RESOLVED.search(rest) or _RESOLVED_NOW.search(rest))


def _mentioned(flag: RedFlag, t: str) -> bool:
    for pattern in flag.patterns:
        for m in pattern.finditer(t):
            if not _negated(t, m.start(), flag.soft) and not _resolved(t, m.end()):
                return True
    return False


def find_red_flags(text: str, *, context: str = "", child: bool | None = None) -> list[str]:
    """Ids of the red flags said in `text`, in table order.

    `context` is what the caller said earlier (for flags that need it, like pregnancy);
    `child` is False once the patient is known to be 12 or older, which silences IMCI child signs.
    """
    t = _prepare(text)
    if not t:
        return []
    whole = _prepare(context) + " . " + t
    found = []
    for flag in load_red_flags():
        if flag.child_only and child is False:
            continue
        if flag.requires and not any(r.search(whole) for r in flag.requires):
            continue
        if _mentioned(flag, t):
            found.append(flag.id)
    return found
