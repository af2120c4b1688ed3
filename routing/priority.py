"""Queue priority from the design, as pure functions of the case and the time (no I/O)."""

from __future__ import annotations

CATEGORY_POINTS = {"RED": 100, "YELLOW": 50, "GREEN": 10}
URGENCY_POINTS = {"emergency": 100, "urgent": 50, "routine": 10}  # when no START category was reached
EMERGENCY_FIRST = 1_000_000  # BLACK or emergency: above anything waiting time can add
WAIT_POINTS, WAIT_STEP_S = 5, 15 * 60  # +5 per 15 minutes waiting
COUNTRY_POINTS = 20
SKILL_POINTS = 15
LANGUAGE_POINTS = 15  # the worker speaks the case's language: preferred, never required
FOLLOW_UP_POINTS = 10
ESCALATION_POINTS = 50
MECHANISM_POINTS = 30  # a high-risk mechanism (SAFETY.md): above its own category, below the next one

PREGNANCY_WORDS = ("pregnan",)
CHILD_AGE_YEARS = 12


def base_priority(category: str | None, urgency: str | None, *, follow_up: bool = False,
                  escalated: bool = False, mechanism: bool = False) -> int:
    """The part of the score that does not depend on time or on the worker; a mechanism only ever adds."""
    if category == "BLACK" or urgency == "emergency":
        points = EMERGENCY_FIRST + CATEGORY_POINTS["RED"]
    elif category in CATEGORY_POINTS:
        points = CATEGORY_POINTS[category]
    else:
        points = URGENCY_POINTS.get(urgency or "urgent", URGENCY_POINTS["urgent"])
    return (points + (FOLLOW_UP_POINTS if follow_up else 0) + (ESCALATION_POINTS if escalated else 0)
            + (MECHANISM_POINTS if mechanism else 0))


def wait_points(queued_at_s: int, now_s: int) -> int:
    """+5 for every full 15 minutes in the queue."""
    return WAIT_POINTS * (max(0, now_s - queued_at_s) // WAIT_STEP_S)


def needed_skill(result: dict) -> str | None:
    """The specialty a case would benefit from, from the triage result ("maternal", "pediatric")."""
    flags = " ".join(result.get("red_flags") or []).lower() + " " + (result.get("complaint") or "").lower()
    if any(w in flags for w in PREGNANCY_WORDS):
        return "maternal"
    age = result.get("age_years")
    if age is not None and age < CHILD_AGE_YEARS:
        return "pediatric"
    return None


def score_parts(category: str | None, urgency: str | None, *, follow_up: bool, escalated: bool, mechanism: bool,
                queued_at_s: int | None, now_s: int) -> dict[str, int]:
    """The queue score taken apart, for people: the same points as base_priority + wait_points, named.

    Country (+20) and skill (+15) depend on which worker asks, so they are not in the sum.
    """
    base = base_priority(category, urgency)
    return {"category": base, "waiting": wait_points(queued_at_s if queued_at_s is not None else now_s, now_s),
            "follow_up": FOLLOW_UP_POINTS if follow_up else 0, "escalation": ESCALATION_POINTS if escalated else 0,
            "mechanism": MECHANISM_POINTS if mechanism else 0}
