"""Every fixed text the voice dialogue can say, so it can be rendered before a caller needs it.

The questions, re-asks and keypad offers in both pronoun forms, the count instructions, the hold, and per
region the disclaimer and the endings (emergency, CPR, closing, no answer) with that region's number.
`triage tts-eval` scores these texts; the server warms its prompt cache with them (voice/prompt_warmup.py).
An emergency reply naming two red flags' first aid at once is the one kind of text not enumerated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import cycle

from intake import prompts as P
from intake.emergency import emergency_number
from intake.red_flags import load_red_flags

WHO = ("other", "self")  # the pronoun forms: someone calling for another person, or for themselves


@dataclass(frozen=True)
class PromptText:
    """One thing the line says: an id naming where it comes from, the text, and its kind (the prompt id)."""

    id: str
    text: str
    kind: str


def spoken_prompts(regions: Iterable[str | None], *, every_ending: bool = True) -> list[PromptText]:
    """Everything the voice dialogue can say in `regions`, each distinct text once.

    every_ending=False is the evaluation's sample: the disclaimer in every region, but each ending once, in
    one pronoun form, with the regions taken in turn.
    """
    from intake.dialogue import _jump_pulse_text  # the one question worded in the dialogue, not the catalogue
    from voice.playback import HOLD_PROMPT

    out: list[PromptText] = []
    for who in WHO:
        w = P.words_for(who)
        for pid, prompt in P.PROMPTS.items():
            for field in ("voice", "reask", "keypad"):
                if text := getattr(prompt, field):
                    out.append(PromptText(f"{pid}.{field}.{who}", text.format(**w),
                                          "keypad" if field == "keypad" else pid))
        out.append(PromptText(f"jump_pulse.{who}", _jump_pulse_text("voice", who == "self").format(**w), "jump_pulse"))
        start = P.COUNT_START_SELF_VOICE if who == "self" else P.COUNT_START_VOICE
        out.append(PromptText(f"count_start.{who}", start.format(**w), "count_start"))
        out.append(PromptText(f"count_again.{who}", f"{P.COUNT_AGAIN_VOICE} {start.format(**w)}", "count_start"))
    out += [PromptText("assumed", P.ASSUMED_VOICE, "assumed"), PromptText("hold", HOLD_PROMPT, "hold")]
    out += _with_numbers(list(regions), every_ending)
    return list({s.text: s for s in reversed(out)}.values())[::-1]


def _with_numbers(regions: list[str | None], every_ending: bool) -> list[PromptText]:
    """The disclaimer in every region; the endings in every region and pronoun form, or with the regions in turn."""
    numbers = [(r or "default", emergency_number(r)) for r in regions]
    out = [PromptText(f"disclaimer.{r}", P.DISCLAIMER_VOICE.format(number=n.number), "disclaimer")
           for r, n in numbers]
    if every_ending:
        for r, n in numbers:
            for who in WHO:
                out += _endings(lambda: (r, n), who, every_lead=True)
    else:
        turn = cycle(numbers)
        out += _endings(lambda: next(turn), "other", every_lead=False)
    return out


def _endings(pick, who: str, *, every_lead: bool) -> Iterator[PromptText]:
    """Emergency (each red flag's first aid), CPR by age, the closings and no-answer; `pick()` gives the region."""
    w = P.words_for(who)

    def note(n) -> str:
        return f" {n.note[0].upper()}{n.note[1:]}." if n.note else ""

    advice = [(f.id, f.advice) for f in load_red_flags() if f.advice] + [("red", P.RED_ADVICE.format(**w))]
    for flag, said in advice:
        r, n = pick()
        text = f"{P.EMERGENCY_VOICE.format(number=n.number, note=note(n), advice=said)} {P.EMERGENCY_FOOTER}"
        yield PromptText(f"emergency.{flag}.{r}", text, "emergency")
    leads = ("", P.CPR_LEAD_AGONAL, P.CPR_LEAD_UNSURE)
    for i, (group, body) in enumerate(P.CPR_VOICE_BODY.items()):
        for lead in leads if every_lead else (leads[i % 3],):
            r, n = pick()
            call = P.CPR_CALL_VOICE.format(number=n.number, note=note(n))
            text = f"{call} {lead.format(**w)}{body.format(**w)} {P.EMERGENCY_FOOTER}"
            yield PromptText(f"cpr.{group}.{r}", text, "cpr")
    for photo in ("", P.PHOTO_LINE):
        r, n = pick()
        yield PromptText(f"closing{'.photo' if photo else ''}.{r}",
                         P.CLOSING_VOICE.format(number=n.number, photo=photo), "closing")
    r, n = pick()
    yield PromptText(f"no_answer.{r}", P.NO_ANSWER_VOICE.format(number=n.number, note=note(n)), "no_answer")
