"""The prompts the server renders ahead are the texts its calls say: the example calls hear nothing else."""

from intake.dialogue import Dialogue
from intake.emergency import region_of
from intake.models import Speech
from intake.scenarios import KEYPAD_PREFIX, answers_for, load_scenarios
from voice.harness import EXAMPLES
from voice.prompt_texts import spoken_prompts


def _said(scenario: dict) -> list[str]:
    """Every text a voice call of the scenario says, in order."""
    dialogue = Dialogue(channel="voice", region=region_of(scenario.get("caller")))
    next_answer = answers_for(scenario)
    reply, said = dialogue.start(), []
    for _ in range(60):
        said += [s.text for s in reply.segments if isinstance(s, Speech)]
        if reply.finished or reply.awaiting is None:
            break
        answer = next_answer(reply.awaiting)
        if not answer:
            reply = dialogue.no_answer()
        elif answer.startswith(KEYPAD_PREFIX):
            reply = dialogue.keypad(answer.removeprefix(KEYPAD_PREFIX))
        else:
            reply = dialogue.answer(answer)
    return said


def test_every_text_an_example_call_says_is_rendered_ahead_for_its_region():
    scenarios = load_scenarios(str(EXAMPLES))
    regions = {region_of(s.get("caller")) for s in scenarios}
    warm = {p.text for p in spoken_prompts(regions)}
    said = [text for s in scenarios for text in _said(s)]
    assert len(said) > 30 and [t for t in said if t not in warm] == []


def test_a_region_with_its_own_number_adds_its_disclaimer_and_endings_only():
    default = {p.text for p in spoken_prompts([None])}
    added = [p for p in spoken_prompts([None, "US"]) if p.text not in default]
    assert {p.kind for p in added} == {"disclaimer", "emergency", "cpr", "closing", "no_answer"}
    assert all("9, 1, 1" in p.text or "911" in p.text for p in added)
