"""A dialogue walked to a step by its answers in order: the shape most intake tests start from."""

from intake.dialogue import Dialogue


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
