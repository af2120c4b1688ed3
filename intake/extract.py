"""Rule-based intake: a structured record and a one-line summary from what the dialogue heard.

The same fields the LLM intake fills (intake/llm.py), so the rest of the system never needs to know
which one ran: without an API key, or when the LLM fails, this is the intake.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from intake.models import NO_ANSWER, TriageResult
from intake.understanding import negated, normalize

# Lay symptom words -> the symptom recorded. Kept short on purpose: the LLM does the long tail.
SYMPTOMS = {
    r"fever|feverish|high temperature|hot body|temperature": "fever",
    r"cough\w*": "cough",
    r"headache|head (is )?(aching|paining|hurts)": "headache",
    r"vomit\w*|throwing up|threw up": "vomiting",
    r"diarrh\w*|running stomach|loose stool\w*|watery stool\w*": "diarrhoea",
    r"rash\w*|spots": "rash",
    r"dizz\w*|lightheaded|light headed": "dizziness",
    r"weak|weakness|tired|fatigue\w*": "weakness",
    r"(stomach|belly|tummy|abdominal) (pain|ache|hurts|is paining)|stomach ache": "abdominal pain",
    r"chest pain|chest (is )?(tight|paining|hurts)": "chest pain",
    r"back pain|back (hurts|is paining)": "back pain",
    r"sore throat|throat (hurts|is paining)": "sore throat",
    r"runny nose|blocked nose|stuffy nose|catarrh": "nasal congestion",
    r"bleed\w*|blood": "bleeding",
    r"burn\w*|scald\w*": "burn",
    r"cut|wound|injur\w*|hurt (his|her|my|their) \w+": "injury",
    r"swell\w*|swollen": "swelling",
    r"short(ness)? of breath|breathless|can not breathe|difficulty breathing": "breathing difficulty",
    r"confus\w*|talking nonsense": "confusion",
    r"fit|fits|seizure\w*|convuls\w*": "seizure",
    r"earache|ear (pain|hurts)": "ear pain",
    r"toothache|tooth (pain|hurts)": "toothache",
}


@dataclass
class IntakeRecord:
    """A structured intake, from rules or from the LLM; `source` says which."""

    complaint: str | None = None
    duration: str | None = None
    severity: int | None = None
    symptoms: list[str] = field(default_factory=list)
    history: str | None = None
    medications: str | None = None
    allergies: str | None = None
    red_flags: list[str] = field(default_factory=list)
    summary: str | None = None
    urgency: str | None = None  # only ever used to raise the rules' urgency
    source: str = "rules"


def find_symptoms(text: str) -> list[str]:
    """Symptoms named in the text, not negated ("no fever, just a cough" -> ["cough"])."""
    t = normalize(text)
    found = []
    for pattern, symptom in SYMPTOMS.items():
        for m in re.finditer(rf"\b(?:{pattern})\b", t):
            if not negated(t, m.start()) and symptom not in found:
                found.append(symptom)
    return found


def rule_based_intake(transcript: list[tuple[str, str]], result: TriageResult) -> IntakeRecord:
    """The intake the rules can fill: the dialogue's answers, symptoms from the free-text turns."""
    free_text = " . ".join(t for pid, t in transcript if pid in ("who", "complaint", "duration", "severity"))
    return IntakeRecord(
        complaint=result.complaint,
        duration=result.duration,
        severity=result.severity,
        symptoms=find_symptoms(free_text),
        medications=result.medications,
        allergies=result.allergies,
        red_flags=list(result.red_flags),
        summary=result.summary or summarize(result),
        source="rules",
    )


def summarize(result: TriageResult) -> str:
    """One line a health worker reads first: category, urgency, flags, and the key answers."""
    basis = result.decided_by or result.protocol or "START"
    if result.outcome == NO_ANSWER:
        parts = [f"NO ANSWER (no usable answer on the call), {result.urgency}: a health worker must call back"]
    else:
        parts = [f"{result.start_category or 'UNDECIDED'} ({basis}), {result.urgency}"]
    if result.red_flags:
        parts.append("red flags: " + ", ".join(f.replace("_", " ") for f in result.red_flags))
    if before := result.answers.get("start_before_red_flag"):
        parts.append(f"START before the red flag: {before}")
    if result.complaint:
        parts.append(f"complaint: {result.complaint}")
    if result.also_said:
        parts.append("also said: " + ", ".join(result.also_said))
    if result.age_years is not None:
        parts.append(f"age {result.age_years:g}")
    if result.who and "who" not in result.assumed:  # an assumed "other" is in the assumed list, not a fact
        parts.append("caller is the patient" if result.who == "self" else "caller is a bystander")
    if result.respiratory_rate is not None:
        span = result.answers.get("respiratory_rate_range")
        said = f" (said {span[0]:g}-{span[1]:g})" if isinstance(span, list) and None not in span else ""
        parts.append(f"RR {result.respiratory_rate}/min{said}")
    if result.duration:
        parts.append(f"for {result.duration}")
    if result.severity is not None:
        parts.append(f"severity {result.severity}/10")
    if result.assumed:
        parts.append("assumed (no clear answer): " + ", ".join(result.assumed))
    return "; ".join(parts)
