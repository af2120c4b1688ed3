"""A case in words a person reads: plain values, START findings as sentences, who said what. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass

from intake.coding import code_result
from intake.findings import start_findings, why
from intake.models import NO_ANSWER, TriageResult
from intake.prompts import question_text
from routing.views import CaseView

from .strings import channel_word, status_word, t


@dataclass(frozen=True)
class Line:
    """One line of the transcript."""

    speaker: str
    text: str
    note: str = ""


def _age(years: float) -> str:
    return t("age.months", n=round(years * 12)) if years < 2 else t("age.years", n=int(years))


def sentence(text: str) -> str:
    """A finding ("cannot walk") as a sentence ("Cannot walk.")."""
    text = text.strip()
    return (text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")) if text else text


def words(value: str) -> str:
    """A machine word ("chest_pain") as words ("chest pain")."""
    return value.replace("_", " ")


def facts(case: CaseView) -> list[tuple[str, str]]:
    """The case's summary as (label, value) pairs, each said once, plainly; unknown values left out."""
    result = TriageResult.from_dict(case.triage) if case.triage else TriageResult()
    if result.outcome == NO_ANSWER:
        category = t("no_answer")
    else:
        category = result.start_category.value if result.start_category else (case.category or t("not_sorted"))
    pairs = [(t("case.category"), category), (t("case.urgency"), (result.urgency.value if case.triage else
                                                                  case.urgency or t("unknown"))),
             (t("case.status"), status_word(case.status)), (t("case.channel"), channel_word(case.channel)),
             (t("case.country"), case.region or t("unknown")),
             (t("case.started"), case.created_at.strftime("%Y-%m-%d %H:%M UTC"))]
    if result.protocol:
        pairs.append((t("case.protocol"), result.protocol))
    if result.who in ("self", "other"):
        pairs.append((t("case.who"), t(f"who.{result.who}")))
    if result.age_years is not None:
        pairs.append((t("case.age"), _age(result.age_years)))
    complaint = " ".join((result.complaint or "").split())
    if result.also_said:
        complaint = " ".join(filter(None, [complaint, "Also: " + ", ".join(result.also_said)]))
    for key, value in ((t("case.complaint"), complaint), (t("case.duration"), result.duration),
                       (t("case.severity"), t("severity.value", n=result.severity) if result.severity is not None else ""),
                       (t("case.medications"), result.medications), (t("case.allergies"), result.allergies)):
        if value:
            pairs.append((key, str(value)))
    if case.triage and (reason := why(result)):
        pairs.append((t("case.why"), reason.replace("RR ", "breathing rate ")))
    return pairs


def findings(case: CaseView) -> list[str]:
    """The START / JumpSTART findings as sentences, in the protocol's order."""
    if not case.triage:
        return []
    result = TriageResult.from_dict(case.triage)
    return [sentence(f.text.replace("RR ", "Breathing rate ") + (" (assumed: no clear answer)" if f.assumed else ""))
            for f in start_findings(result)]


def flags(case: CaseView) -> tuple[list[str], list[str]]:
    """(red flags, high-risk mechanisms) in words."""
    triage = case.triage or {}
    return [words(f) for f in triage.get("red_flags") or []], [words(m) for m in triage.get("mechanism") or []]


def transcript(case: CaseView) -> list[Line]:
    """Who said what: the line's question, then the caller's answer (and what was heard, when it differed)."""
    who = (case.triage or {}).get("who")
    lines = []
    for turn in case.turns:
        question = question_text(turn.prompt_id, who) if turn.prompt_id else None
        if question:
            lines.append(Line(t("speaker.line"), question))
        if turn.corrected_text is None:
            lines.append(Line(t("speaker.caller"), t("case.purged")))
            continue
        heard = turn.raw_text if turn.raw_text and turn.raw_text != turn.corrected_text else ""
        lines.append(Line(t("speaker.caller"), turn.corrected_text, t("case.heard_as", raw=heard) if heard else ""))
    return lines


def call_back(case: CaseView) -> str | None:
    """The number to ring back (E.164), or None (a WhatsApp address still rings its number)."""
    if not case.caller:
        return None
    number = case.caller.removeprefix("whatsapp:")
    return number if number.startswith("+") else None


def icd11(case: CaseView) -> str | None:
    """The case's ICD-11 MMS code and title ("MD30.Z Chest pain, unspecified"); cases from before coding are
    coded as they are read."""
    stored = (case.triage or {}).get("icd11")
    if stored:
        return f"{stored['code']} {stored['title']}"
    if not case.triage or case.triage.get("outcome") == NO_ANSWER:
        return None
    coded = code_result(TriageResult.from_dict(case.triage))
    return coded.display if coded else None
