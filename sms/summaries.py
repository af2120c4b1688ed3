"""The texts a case produces: a dense one for the health worker, a calm one for the caller. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass

from intake.emergency import emergency_number, emergency_number_for
from intake.models import NO_ANSWER, TriageResult, Urgency

from .segments import segment_count, to_gsm7

WORKER_MAX_SEGMENTS = 3
DISCLAIMER = "This is not a doctor and not medical advice."
NO_ANSWER_WORKER = "NO ANSWER - please call back"
NO_ANSWER_WHY = "The caller gave no usable answer on the call; they may be the patient and unable to speak."
NO_ANSWER_CALLER = "We could not hear an answer on your call. A health worker will call you back soon on this number."


@dataclass(frozen=True)
class CaseSummaryInput:
    """What a summary needs, independent of how the store keeps it."""

    reference: str
    caller: str | None  # the callback number (E.164 or whatsapp:+...)
    region: str | None  # ISO 3166 alpha-2 of the caller's number
    triage: TriageResult
    case_url: str | None = None
    photo_url: str | None = None


def worker_summary(case: CaseSummaryInput) -> str:
    """Everything a health worker needs to decide, in at most 3 SMS segments; the case page holds the rest."""
    t = case.triage
    category = t.start_category.value if t.start_category else "not sorted"
    lines = [f"{case.reference}: {category}, {t.urgency.value.upper()}"]
    if t.outcome == NO_ANSWER:  # silence is not death: urgent, and someone must ring back
        lines = [f"{case.reference}: {NO_ANSWER_WORKER}, {t.urgency.value.upper()}", NO_ANSWER_WHY]
    if t.red_flags:
        lines.append("Red flags: " + ", ".join(flag.replace("_", " ") for flag in t.red_flags))
    if t.mechanism:  # not a red flag (SAFETY.md), but the worker should know how it happened
        lines.append("High-risk mechanism: " + ", ".join(m.replace("_", " ") for m in t.mechanism))
    facts = [
        f"Duration: {t.duration}" if t.duration else "",
        f"Severity: {t.severity}/10" if t.severity is not None else "",
        f"Age: {_age(t.age_years)}" if t.age_years is not None else "",
        f"Country: {case.region}" if case.region else "",
    ]
    if any(facts):
        lines.append(". ".join(f for f in facts if f))
    if t.assumed:
        lines.append("Assumed (no clear answer): " + ", ".join(t.assumed))
    if case.caller:
        lines.append(f"Call back: {case.caller.removeprefix('whatsapp:')}")
    if case.case_url:
        lines.append(f"Case: {case.case_url}")
    complaint = to_gsm7(" ".join((t.complaint or "").split()))
    return _fit_complaint(lines, complaint)


def _fit_complaint(lines: list[str], complaint: str) -> str:
    """Put the complaint after the headline, cut politely (at a word) so the whole text keeps its budget."""

    def text(c: str | None) -> str:
        """The summary with complaint `c` (None: no complaint line)."""
        extra = [f"Complaint: {c}"] if c is not None else []
        return to_gsm7("\n".join(lines[:1] + extra + lines[1:]))

    if not complaint or segment_count(text(complaint)) <= WORKER_MAX_SEGMENTS:
        return text(complaint or None)
    lo, hi = 0, len(complaint)  # the longest prefix that fits: segment counts only grow with length
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if segment_count(text(complaint[:mid] + "... (see case page)")) <= WORKER_MAX_SEGMENTS:
            lo = mid
        else:
            hi = mid - 1
    cut = complaint[:lo].rsplit(" ", 1)[0] if " " in complaint[:lo] else complaint[:lo]
    return text(f"{cut}... (see case page)" if cut else "see case page")


def _age(years: float) -> str:
    """Ages as people say them: months for babies."""
    if years < 2:
        return f"{round(years * 12)} months"
    return f"{int(years)} years"


def caller_summary(case: CaseSummaryInput) -> str:
    """What happens next, the local emergency number, the photo link and the disclaimer."""
    emergency = emergency_number_for(case.caller) if case.caller else emergency_number(case.region)
    number = emergency.number
    t = case.triage
    if t.urgency is Urgency.EMERGENCY:
        next_step = f"Call {number} now if you have not already. A health worker has also been alerted."
    elif t.outcome == NO_ANSWER:
        next_step = f"{NO_ANSWER_CALLER} If anyone is in danger, call {number} now."
    else:
        soon = " soon" if t.urgency is Urgency.URGENT else ""
        next_step = f"A health worker will contact you{soon} on this number. If it gets worse, call {number} now."
    if emergency.note:
        next_step += f" {emergency.note[0].upper()}{emergency.note[1:]}."
    lines = [f"Triageline case {case.reference} is recorded.", next_step]
    if case.photo_url:
        lines.append(f"You may send a photo here: {case.photo_url}")
    lines.append(DISCLAIMER)
    return to_gsm7("\n".join(lines))


def follow_up_text(reference: str, region: str | None) -> str:
    """The follow-up question after a case is resolved, with the caller's own emergency number."""
    number = emergency_number(region).number
    return to_gsm7(f"Triageline {reference}: how is the patient now? Reply 1 better, 2 same, 3 worse. "
                   f"Any danger sign: call {number} now. Not medical advice.")
