"""Every fixed text the voice dialogue can say, so it can be rendered before a caller needs it.

The questions, re-asks and keypad offers in both pronoun forms, the count instructions, the hold, and per
region the disclaimer and the endings (emergency, CPR, closing, no answer) with that region's number.
`triage tts-eval` scores these texts; the server warms its prompt cache with them (voice/prompt_warmup.py).
The first aid after two red flags at once is the one kind of text not enumerated.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import cycle

from intake import prompts as P
from intake.catalogue import SOURCE_LANGUAGE
from intake.catalogue import catalogue as messages
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
    from voice.playback import HOLD_PROMPT

    en = messages(SOURCE_LANGUAGE)  # English: the catalogue the voice speaks unless a caller's language has one
    out: list[PromptText] = []
    for who in WHO:
        w = en.words(who)
        for pid, prompt in P.PROMPTS.items():
            for field in ("voice", "reask", "keypad"):
                if text := prompt.template(field, en, who):
                    out.append(PromptText(f"{pid}.{field}.{who}", text.format(**w),
                                          "keypad" if field == "keypad" else pid))
        mine = "self_" if who == "self" else ""
        out.append(PromptText(f"jump_pulse.{who}", en.say(f"jump_pulse.{mine}voice", who), "jump_pulse"))
        for group in ("child", "pregnancy"):  # the danger-sign question as a child's or a pregnancy's list
            out += [PromptText(f"danger_signs_{group}.{form}.{who}", en.say(f"danger_signs_{group}.{form}", who),
                               "danger_signs") for form in ("ask", "reask")]
        start = en.say("count.start_self_voice" if who == "self" else "count.start_voice", who)
        out.append(PromptText(f"count_start.{who}", start, "count_start"))
        out.append(PromptText(f"count_again.{who}", f"{en.say('count.again_voice', who)} {start}", "count_start"))
    out += [PromptText("assumed", en.say("assumed.voice"), "assumed"), PromptText("hold", HOLD_PROMPT, "hold")]
    out += _with_numbers(list(regions), every_ending)
    return list({s.text: s for s in reversed(out)}.values())[::-1]


def _with_numbers(regions: list[str | None], every_ending: bool) -> list[PromptText]:
    """The disclaimer in every region; the endings in every region and pronoun form, or with the regions in turn."""
    numbers = [(r or "default", emergency_number(r)) for r in regions]
    en = messages(SOURCE_LANGUAGE)
    out = [PromptText(f"disclaimer.{r}", en.say("disclaimer.voice", number=n.number), "disclaimer")
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
    en = messages(SOURCE_LANGUAGE)

    def note(n) -> str:
        return f" {n.note[0].upper()}{n.note[1:]}." if n.note else ""

    footer = en.say("emergency.footer")
    r, n = pick()  # the ending's first part says the number (its own region); the first aid after it does not
    yield PromptText(f"emergency.{r}", en.say("emergency.voice", who, number=n.number, note=note(n), advice="").strip(),
                     "emergency")
    advice = [(f.id, en.say(f"advice.{f.id}")) for f in load_red_flags() if en.has(f"advice.{f.id}")]
    advice += [("red", en.say("emergency.red_advice", who))]
    for flag, said in advice:
        yield PromptText(f"emergency.{flag}", f"{said} {footer}", "emergency")
    r, n = pick()  # the number before the breathing check (a flag in someone who may not breathe): it says the number
    yield PromptText(f"check.{r}", en.say("check.call_voice", who, number=n.number, note=note(n)), "emergency")
    r, n = pick()
    yield PromptText(f"cpr.{r}", en.say("cpr.call_voice", who, number=n.number, note=note(n)), "cpr")
    leads = ("", en.say("cpr.lead_agonal", who), en.say("cpr.lead_unsure", who))
    for i, group in enumerate(("adult", "child", "infant")):
        for lead in leads if every_lead else (leads[i % 3],):
            yield PromptText(f"cpr.{group}", f"{lead}{en.say(f'cpr.{group}_voice', who)} {footer}", "cpr")
    for photo in ("", en.say("closing.photo_line", who)):
        r, n = pick()
        yield PromptText(f"closing{'.photo' if photo else ''}.{r}",
                         en.say("closing.voice", who, number=n.number, photo=photo), "closing")
    r, n = pick()
    yield PromptText(f"no_answer.{r}", en.say("no_answer.voice", who, number=n.number, note=note(n)), "no_answer")
