"""The dialogue's vocabulary: what it says, what it decided. Plain data, no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

Channel = Literal["voice", "text"]
NO_ANSWER = "no_answer"  # TriageResult.outcome of a call in which the caller gave no usable answer


class Category(StrEnum):
    """START / JumpSTART triage category."""

    GREEN = "GREEN"
    YELLOW = "YELLOW"
    RED = "RED"
    BLACK = "BLACK"


class Urgency(StrEnum):
    """How fast a human must act on the case."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    ROUTINE = "routine"


class AnswerKind(StrEnum):
    """What kind of answer a prompt waits for; lets STT bias and the keypad help."""

    YES_NO = "yes_no"
    NUMBER = "number"
    FREE = "free"
    CHOICE = "choice"


@dataclass(frozen=True)
class Speech:
    """One thing the system says. Voice sends a mark `prompt:<prompt_id>` after it."""

    prompt_id: str
    text: str
    interruptible: bool = True  # False: it plays to its end whatever the caller says (the breath count, the disclaimer)
    # Locked, yet what the caller says over it is an answer, taken once it has played (the disclaimer: a caller in
    # panic talks over it). Over the breath count it is counting aloud: no answer.
    talk_over_answers: bool = False


@dataclass(frozen=True)
class Pause:
    """Silence the system keeps on purpose (the 15 s breath count), in seconds of audio."""

    seconds: float


Segment = Speech | Pause


@dataclass(frozen=True)
class Reply:
    """What the dialogue says next, and what it then waits for."""

    segments: tuple[Segment, ...]
    awaiting: str | None  # prompt id of the question now open; None once finished
    expects: AnswerKind | None = None
    finished: bool = False

    @property
    def text(self) -> str:
        """All speech joined: the SMS rendering, or a readable transcript line."""
        return " ".join(s.text for s in self.segments if isinstance(s, Speech))


@dataclass
class TriageResult:
    """What the dialogue decided, for storage, routing and summaries."""

    protocol: Literal["START", "JumpSTART"] | None = None
    start_category: Category | None = None
    urgency: Urgency = Urgency.URGENT  # until the rules say otherwise, a human looks soon
    red_flags: list[str] = field(default_factory=list)  # emergency red flags only (SAFETY.md)
    mechanism: list[str] = field(default_factory=list)  # high-risk injury mechanisms: raise priority, never a flag
    assumed: list[str] = field(default_factory=list)  # prompt ids whose answer was assumed the urgent way
    answers: dict[str, object] = field(default_factory=dict)  # prompt id -> normalized answer
    respiratory_rate: int | None = None
    who: Literal["self", "other"] | None = None
    age_years: float | None = None
    complaint: str | None = None
    also_said: list[str] = field(default_factory=list)  # symptoms named outside the complaint ("fever" at `walk`)
    duration: str | None = None
    severity: int | None = None
    medications: str | None = None
    allergies: str | None = None
    photo_consent: bool | None = None
    summary: str | None = None
    decided_by: str | None = None  # "START", "JumpSTART", or "red_flag" (a red flag was heard, before or after START)
    # How the conversation ended when that is not a category: "no_answer" (no usable answer; urgent, call back).
    # None for every call that reached a category or a red flag. Stored results without it load as None.
    outcome: str | None = None
    language: str = "en"  # the language the conversation was held in (intake/catalogue.py LANGUAGES)

    def decide_by_red_flag(self) -> None:
        """A red flag makes the case RED whenever it was heard: a case never says GREEN or YELLOW on an emergency.
        A milder category START had already found stays in `answers["start_before_red_flag"]` for the worker."""
        if self.start_category in (Category.RED, Category.BLACK):
            return
        if self.start_category is not None:
            self.answers["start_before_red_flag"] = self.start_category.value
        self.start_category, self.decided_by = Category.RED, "red_flag"

    def to_dict(self) -> dict:
        """JSON-ready form (enums as their values)."""
        from dataclasses import asdict

        d = asdict(self)
        d["start_category"] = self.start_category.value if self.start_category else None
        d["urgency"] = self.urgency.value
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "TriageResult":
        """Inverse of to_dict; unknown keys are ignored."""
        known = {k: v for k, v in d.items() if k in cls.__dataclass_fields__}
        if known.get("start_category"):
            known["start_category"] = Category(known["start_category"])
        if known.get("urgency"):
            known["urgency"] = Urgency(known["urgency"])
        return cls(**known)
