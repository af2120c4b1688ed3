"""What each START / JumpSTART step found, in words a health worker reads at a glance ("RR 34").

The dialogue records answers by prompt id; this turns them into findings, in the protocol's order, and
says which of them made the case RED or BLACK. Summaries say why; the FHIR export makes Observations.
"""

from __future__ import annotations

from dataclasses import dataclass

from intake.dialogue import JUMPSTART_RR_RED_ABOVE, JUMPSTART_RR_RED_BELOW, START_RR_RED_ABOVE
from intake.models import NO_ANSWER, Category, TriageResult

# prompt id -> answer -> (text, decides RED/BLACK); the order is the protocol's
_STEPS: dict[str, dict[str, tuple[str, bool]]] = {
    "walk": {"yes": ("walks", False), "no": ("cannot walk", False)},
    "breathing": {"yes": ("breathing", False), "no": ("not breathing", False), "agonal": ("gasping", False)},
    "reposition": {"yes": ("breathes only after airway opened", True),
                   "no": ("not breathing after airway opened", True)},
    "rescue_breaths": {"yes": ("breathes after rescue breaths", True), "no": ("no breathing after rescue breaths", True)},
    "perfusion": {"yes": ("colour back within 2 s", False), "no": ("refill over 2 s", True)},
    "pulse": {"yes": ("pulse felt", False), "no": ("no pulse felt", True)},
    "commands": {"yes": ("obeys commands", False), "no": ("does not obey commands", True)},
    "avpu": {"alert": ("AVPU alert", False), "voice": ("AVPU responds to voice", False),
             "pain": ("AVPU responds to pain", False), "unresponsive": ("AVPU unresponsive", True)},
}
_ORDER = ("walk", "breathing", "reposition", "pulse", "rescue_breaths", "resp_count", "perfusion", "commands", "avpu")


@dataclass(frozen=True)
class Finding:
    """One step's finding: `code` is the prompt id, `value` the normalized answer (the rate for resp_count)."""

    code: str
    text: str
    value: str | int | None
    decisive: bool  # this finding alone makes the case RED (or BLACK)
    assumed: bool  # no clear answer: the urgent branch was taken


def start_findings(t: TriageResult) -> list[Finding]:
    """The START / JumpSTART findings of a result, in protocol order (inferred ones included)."""
    found = []
    jump = t.protocol == "JumpSTART"
    for code in _ORDER:
        assumed = code in t.assumed
        if code == "resp_count":
            if t.respiratory_rate is not None:
                rr = t.respiratory_rate
                fast = rr > (JUMPSTART_RR_RED_ABOVE if jump else START_RR_RED_ABOVE)
                slow = jump and rr < JUMPSTART_RR_RED_BELOW
                found.append(Finding(code, f"RR {rr}", rr, fast or slow or assumed, assumed))
            elif assumed:
                found.append(Finding(code, "breaths not counted", None, True, True))
            continue
        answer = t.answers.get(code)
        text = _STEPS[code].get(answer) if isinstance(answer, str) else None
        if text is not None:
            found.append(Finding(code, text[0], answer, text[1], assumed))
    return found


def why(t: TriageResult) -> str:
    """Why the case has its category, in a few words: the red flags, or the deciding START finding(s)."""
    if t.outcome == NO_ANSWER:
        return "no usable answer on the call"
    if t.red_flags:
        return ", ".join(flag.replace("_", " ") for flag in t.red_flags)
    findings = start_findings(t)
    if t.start_category in (Category.RED, Category.BLACK):
        chosen = [f for f in findings if f.decisive] or findings[-1:]
    else:
        chosen = findings
    return ", ".join(f.text + (" (assumed)" if f.assumed else "") for f in chosen)
