"""Properties over any caller: the dialogue always ends, in bounded turns, with a category or as "no answer";
flags mean emergency; BLACK only when the caller said the patient is not breathing."""

from hypothesis import given, settings
from hypothesis import strategies as st

from intake.dialogue import Dialogue
from intake.models import Category, Urgency

MAX_TURNS_ANY_CALLER = 60
ANSWERS = [
    "yes", "no", "I don't know", "", "hmm", "someone else", "myself", "he is four", "forty", "six months",
    "I counted nine", "twelve", "zero", "yeah, barely", "not really", "awake", "no response", "what?",
    "keypad:1", "keypad:2", "keypad:3", "keypad:9", "keypad:*", "since yesterday", "seven", "none",
    "no chest pain", "the bleeding has stopped", "1", "2",
]
FLAG_TEXTS = {
    "he has chest pain": "chest_pain", "she is choking": "choking", "he is having a fit": "seizure",
    "her lips are swelling": "anaphylaxis", "he took too many pills": "overdose_poisoning",
    "she is bleeding heavily": "heavy_bleeding",
}
# The breathing check after an emergency number asks at most these, in this order (dialogue.py `_begin_check`).
CHECK_STEPS = ("age", "breathing", "reposition", "pulse", "rescue_breaths")
caller_turn = st.one_of(st.sampled_from(ANSWERS), st.text(max_size=40))


def feed(d: Dialogue, turn: str):
    if not turn:
        return d.no_answer()
    if turn.startswith("keypad:"):
        return d.keypad(turn.removeprefix("keypad:"))
    return d.answer(turn)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["voice", "text"]), st.lists(caller_turn, max_size=MAX_TURNS_ANY_CALLER * 2))
def test_any_caller_ends_within_bounded_turns_with_a_category(channel, script):
    d = Dialogue(channel=channel, region="NG")
    d.start()
    turns = 0
    turn_iter = iter(script)
    while not d.finished:
        turns += 1
        assert turns <= MAX_TURNS_ANY_CALLER
        reply = feed(d, next(turn_iter, ""))  # a caller who runs out of words goes silent
        assert reply.segments, "the caller is never left in silence"
        assert reply.finished or reply.awaiting == d.awaiting
    assert d.result.start_category is not None or d.result.outcome == "no_answer"
    if d.result.outcome == "no_answer":
        assert d.result.start_category is None and d.result.urgency == Urgency.URGENT
    assert d.result.summary


UNCLEAR = ["", "hmm", "I don't know", "what?", "hello?", "can you hear me?", "keypad:*", "um, sorry?"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["voice", "text"]), st.lists(st.sampled_from(ANSWERS), max_size=12), st.data())
def test_black_only_when_the_caller_said_not_breathing(channel, script, data):
    """Silence and unclear answers are never death: whatever came before, a caller who then stops giving
    usable answers never gets BLACK, and one who never gave any ends as "no answer"."""
    d = Dialogue(channel=channel, region="NG")
    d.start()
    for turn in script:
        if d.finished:
            break
        feed(d, turn)
    while not d.finished:
        feed(d, data.draw(st.sampled_from(UNCLEAR)))
    r = d.result
    if r.start_category == Category.BLACK:
        assert r.answers.get("reposition") == "no" and "reposition" not in r.assumed
        said = " ".join(t for pid, t in d.transcript if pid in ("reposition", "pulse", "rescue_breaths", "resp_count"))
        assert said.strip(), "BLACK with nothing said at the breathing steps"
    if not script:
        assert r.outcome == "no_answer" and r.start_category is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(ANSWERS), max_size=20), st.sampled_from(sorted(FLAG_TEXTS)))
def test_a_red_flag_at_any_point_yields_emergency(prefix, flag_text):
    d = Dialogue(channel="text", region="IN")
    d.start()
    for turn in prefix:
        if d.finished:
            break
        feed(d, turn)
    if d.finished:
        return
    checking = d.awaiting in CHECK_STEPS  # already in the breathing check after an earlier flag's number
    reply = d.answer(flag_text)
    assert d.result.urgency == Urgency.EMERGENCY
    assert FLAG_TEXTS[flag_text] in d.result.red_flags
    assert "112" in reply.text or checking  # the number at once (in the check, it was said when the check began)
    # The call ends here, or goes on with the breathing check after the number; the check ends within its steps,
    # whatever the caller says, and nothing said in it takes the flag or the emergency back.
    for turn in [*prefix, *ANSWERS][:len(CHECK_STEPS) + 1]:
        if d.finished:
            break
        assert d.awaiting in CHECK_STEPS
        feed(d, turn)
        assert d.result.urgency == Urgency.EMERGENCY and FLAG_TEXTS[flag_text] in d.result.red_flags
    assert d.finished


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(ANSWERS), max_size=25), st.integers(min_value=0, max_value=25))
def test_state_round_trip_at_any_point_continues_identically(script, cut):
    a = Dialogue(channel="text")
    a.start()
    for turn in script[:cut]:
        feed(a, turn)
    b = Dialogue.from_state(a.to_state())
    for turn in script[cut:]:
        assert feed(a, turn) == feed(b, turn)
    assert a.result.to_dict() == b.result.to_dict()
