"""A dialogue walked to a step by its answers in order: the shape most intake tests start from."""

from intake.dialogue import Dialogue
from intake.scenarios import mismatches, run_dialogue


def speak(d: Dialogue, *answers: str):
    """Each answer in turn; the reply to the last one (None when there was none)."""
    reply = None
    for said in answers:
        reply = d.answer(said)
    return reply


def dialogue_after(*answers: str, awaiting: str | None = None, **dialogue_args) -> Dialogue:
    """A started `Dialogue(**dialogue_args)` after these answers. `awaiting` checks the step it has reached, so a test
    meant to stand at one question fails loudly, not vacuously, when the questions before it change."""
    d = Dialogue(**dialogue_args)
    d.start()
    speak(d, *answers)
    if awaiting is not None:
        assert d.awaiting == awaiting, f"expected to be at {awaiting!r}, at {d.awaiting!r}"
    return d


def scenario_call(call_id: str, answers: dict, expect: dict, *, caller: str, default: str = "I don't know") -> dict:
    """A whole call in the corpus's schema (intake/corpus/*_calls.jsonl), for a kind written in a test."""
    return {"id": call_id, "caller": caller, "answers": answers, "default": default, "expect": expect}


def run_call(call: dict) -> tuple[dict, list[str]]:
    """The call through the text dialogue: its record and how it differs from its `expect` (empty: as expected)."""
    record, dialogue = run_dialogue(call)
    return record, mismatches(call, record, dialogue)
