"""The texts a case produces: one dense message for the health worker, a calm one for the caller. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass

from intake.catalogue import catalogue, emergency_note, language_or_default
from intake.coding import code_result
from intake.emergency import emergency_number, emergency_number_for
from intake.findings import why
from intake.models import NO_ANSWER, TriageResult, Urgency

from .segments import segment_count, to_gsm7

WORKER_MAX_SEGMENTS = 2  # one message per case: it must arrive as one text, not three
WHY_MAX_CHARS = 120  # the headline: reference, category, urgency and why
NO_ANSWER_WORKER = "NO ANSWER - please call back"


@dataclass(frozen=True)
class CaseSummaryInput:
    """What a summary needs, independent of how the store keeps it."""

    reference: str
    caller: str | None  # the callback number (E.164 or whatsapp:+...)
    region: str | None  # ISO 3166 alpha-2 of the caller's number
    triage: TriageResult
    photo_url: str | None = None


def case_message(case: CaseSummaryInput) -> str:
    """The one text a health worker gets about a case, in at most 2 SMS segments: what it is, why, who to ring
    back, and the words to take it. The details (transcript, photos) are on the case page sent after ACCEPT."""
    t = case.triage
    category = t.start_category.value if t.start_category else "not sorted"
    reason = why(t)
    headline = f"{case.reference} {category}, {t.urgency.value.upper()}" + (f": {reason}" if reason else "")
    if t.outcome == NO_ANSWER:  # silence is not death: urgent, and someone must ring back
        headline = f"{case.reference} {NO_ANSWER_WORKER}, {t.urgency.value.upper()}"
    lines = [_cut(to_gsm7(headline), WHY_MAX_CHARS)]
    if t.mechanism:  # not a red flag (SAFETY.md), but the worker should know how it happened
        lines.append("High-risk: " + ", ".join(m.replace("_", " ") for m in t.mechanism))
    if t.age_years is not None:
        lines.append(f"Age {_age(t.age_years)}")
    if case.caller:
        lines.append(f"Call back {case.caller.removeprefix('whatsapp:')}")
    lines.append(f"Reply ACCEPT {case.reference} or PASS {case.reference}")
    complaint = " ".join((t.complaint or "").split())
    if t.also_said:  # symptoms given at other questions belong with the complaint
        complaint = f"{complaint} (also: {', '.join(t.also_said)})" if complaint else f"also: {', '.join(t.also_said)}"
    complaint = to_gsm7(complaint)
    coded = code_result(t) if t.outcome != NO_ANSWER else None
    if coded is not None:  # the code only where it fits whole, with the whole complaint: the caller's words come first
        with_code = _fit_complaint([*lines[:1], f"ICD-11: {coded.display}", *lines[1:]], complaint)
        if segment_count(with_code) <= WORKER_MAX_SEGMENTS and (not complaint or complaint in with_code):
            return with_code
    return _fit_complaint(lines, complaint)


def _cut(text: str, limit: int) -> str:
    """`text` cut at a word to `limit` characters, marked with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit - 3].rsplit(" ", 1)[0].rstrip(",") + "..."


def _fit_complaint(lines: list[str], complaint: str) -> str:
    """Put the complaint after the headline, cut politely (at a word) so the whole text keeps its budget."""

    def text(c: str | None) -> str:
        """The message with complaint `c` (None: no complaint line)."""
        extra = [f"Complaint: {c}"] if c is not None else []
        return to_gsm7("\n".join(lines[:1] + extra + lines[1:]))

    if not complaint or segment_count(text(complaint)) <= WORKER_MAX_SEGMENTS:
        return text(complaint or None)
    lo, hi = 0, len(complaint)  # the longest prefix that fits: segment counts only grow with length
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if segment_count(text(complaint[:mid] + "...")) <= WORKER_MAX_SEGMENTS:
            lo = mid
        else:
            hi = mid - 1
    cut = complaint[:lo].rsplit(" ", 1)[0] if " " in complaint[:lo] else complaint[:lo]
    return text(f"{cut}..." if cut else None)


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
    said = catalogue(language_or_default(t.language))  # the language the triage was held in
    if t.urgency is Urgency.EMERGENCY:
        next_step = said.say("summary.emergency", number=number)
    elif t.outcome == NO_ANSWER:
        next_step = said.say("summary.no_answer", number=number)
    else:
        next_step = said.say("summary.urgent" if t.urgency is Urgency.URGENT else "summary.routine", number=number)
    next_step += emergency_note(t.language, case.region, emergency.note)
    lines = [said.say("summary.recorded", reference=case.reference), next_step]
    if case.photo_url:
        lines.append(said.say("summary.photo", url=case.photo_url))
    lines.append(said.say("summary.disclaimer"))
    return to_gsm7("\n".join(lines))


def follow_up_text(reference: str, region: str | None, language: str | None = None) -> str:
    """The follow-up question after a case is resolved, in the case's language, with the caller's emergency number."""
    said = catalogue(language_or_default(language))
    return to_gsm7(said.say("summary.follow_up", reference=reference, number=emergency_number(region).number))
