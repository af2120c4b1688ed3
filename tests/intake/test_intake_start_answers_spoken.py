"""START / JumpSTART answers clear to a human, told as callers tell them (tests/scenarios/start_answers.jsonl), that
the dialogue misread: one test per kind, each with look-alikes that must not be read the clear way."""

from pathlib import Path

import pytest

from intake.dialogue import Dialogue
from intake.quantities import BreathCount, Quantity, parse_age_quantity, parse_breath_count
from intake.scenarios import load_scenarios, mismatches, run_dialogue
from intake.understanding import parse_avpu, parse_who

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios" / "start_answers.jsonl"


def read(step: str, said: str, region: str = "GB"):
    """What an English call from `region` takes from `said` at `step` (None: asked again)."""
    return Dialogue(channel="text", region=region)._interpret(step, said)


def rate(value) -> float | None:
    return value.per_minute.low if isinstance(value, BreathCount) else None


# --- numbers said in the languages of the caller's country -------------------------------------------------------


@pytest.mark.parametrize("region, said, per_minute", [
    ("IN", "maine gina, chhe baar", 24), ("IN", "paanch", 20), ("IN", "das", 40), ("PK", "saat", 28),
    ("KE", "sita", 24), ("TZ", "nimehesabu kumi", 40), ("KE", "mara saba", 28), ("NG", "marun", 20),
    ("PH", "anim", 24), ("EG", "khamsa", 20), ("EG", "sab3a", 28), ("ZA", "isithupha", 24), ("ET", "sebat", 28),
])
def test_a_count_in_the_callers_language_is_read(region, said, per_minute):
    """Main asked these again and took the urgent side (RED): no function word told the language of a lone number."""
    assert rate(read("resp_count", said, region)) == per_minute


@pytest.mark.parametrize("region, said", [
    ("IN", "I don't know"), ("IN", "I do not know, sorry"), ("PK", "I don't know what to do"),
    ("GB", "sita"), ("US", "khamsa"),  # no language of the caller's country has the word: asked again
])
def test_words_that_only_look_like_numbers_are_no_count(region, said):
    """Hindi's "do" (two) is also English's "do": "I don't know" is no count of two, and a word is read only in the
    languages of the caller's country."""
    assert read("resp_count", said, region) is None


@pytest.mark.parametrize("region, said, years", [
    ("IN", "saat saal ki hai", 7), ("IN", "barah saal", 12), ("KE", "ana miaka mitano", 5),
    ("TZ", "ana miaka kumi na mbili", 12), ("PH", "anim na taong gulang", 6), ("NG", "odun mefa", 6),
    ("EG", "khamas sanawat", 5), ("ET", "asir amet", 10), ("ZA", "uneminyaka eyisithupha", 6),
])
def test_an_age_in_the_callers_language_is_read(region, said, years):
    age = read("age", said, region)
    assert isinstance(age, Quantity) and age.low == years


@pytest.mark.parametrize("region, said, years", [
    ("KE", "ana miezi kumi", 10 / 12), ("KE", "mwaka mmoja", 1), ("FR", "elle a dix mois", 10 / 12),
])
def test_months_said_unit_first_are_months(region, said, years):
    """Swahili says the unit first ("miezi kumi", months ten): read as a bare number, ten months were ten years."""
    age = read("age", said, region)
    assert isinstance(age, Quantity) and age.low == pytest.approx(years)


@pytest.mark.parametrize("said, years", [
    ("years five", 5), ("months ten", 10 / 12), ("two years five months", 2 + 5 / 12), ("years five months", 5 / 12),
    ("he is three years old", 3),
])
def test_unit_first_ages_and_their_look_alikes(said, years):
    assert parse_age_quantity(said).low == pytest.approx(years, abs=0.01)


# --- a school year is no age -------------------------------------------------------------------------------------


@pytest.mark.parametrize("said", ["she's in class 6", "grade 5", "he's in year 3", "form two", "fifth grade", "P4"])
def test_a_school_year_alone_is_no_age(said):
    """Main read "grade 5" as five years (JumpSTART), where a fifth-grader is about ten: 40 breaths a minute went
    YELLOW instead of RED. Left out, the age is asked again."""
    assert parse_age_quantity(said) is None


@pytest.mark.parametrize("said, years", [
    ("she's in class 6, eleven years", 11), ("she's in fifth grade, so ten", 10), ("in year 9, fourteen", 14),
    ("year one", 1), ("she is six, in class one", 6), ("a year and a half", 1.5),
])
def test_an_age_beside_a_school_year_is_the_age(said, years):
    assert parse_age_quantity(said).low == years


# --- a number said twice is one number ---------------------------------------------------------------------------


@pytest.mark.parametrize("said, count", [
    ("twelve, twelve", 12), ("one two three four five six seven eight nine ten eleven twelve, twelve", 12),
    ("seven. Seven breaths.", 7), ("he breathed maybe... no, exactly six times", 6),
])
def test_a_count_said_again_is_that_count(said, count):
    c = parse_breath_count(said).count
    assert (c.low, c.high) == (count, count)


@pytest.mark.parametrize("said, low, high", [("seven, no, eight", 7, 8), ("six or seven", 6, 7)])
def test_two_numbers_are_still_a_range(said, low, high):
    c = parse_breath_count(said).count
    assert (c.low, c.high) == (low, high)


# --- capillary refill: a slow return is the no --------------------------------------------------------------------


@pytest.mark.parametrize("region, said", [
    ("GB", "the colour came back slow"), ("GB", "it came back, but slowly"), ("GB", "no, it's really slow to pink up"),
    ("GB", "it's taking ages, still white"), ("NG", "it took a long time to come back"),
    ("GB", "it took ages for it to come back"), ("MX", "se quedó blanco mucho rato"), ("BR", "demorou muito para voltar"),
    ("KE", "imechelewa kurudi"), ("KE", "inarudi polepole"), ("IN", "bahut der se wapas aaya"), ("FR", "il reste blanc"),
])
def test_a_slow_return_is_a_no(region, said):
    """Main heard "came back" (yes) and "slow" (no) in one answer: a doubt, asked again and then assumed."""
    assert read("perfusion", said, region) == "no"


@pytest.mark.parametrize("region, said", [
    ("GB", "it came back quickly"), ("PH", "bumalik agad ang kulay"), ("BR", "voltou rápido"),
    ("FR", "oui, ça revient tout de suite"), ("GB", "slowly... no wait, it came back straight away"),
    ("KE", "imerudi mara moja"),  # "mara moja" is "at once", not "times one"
    ("GB", "it took no time to come back"), ("GB", "it didn't take long to come back"),
])
def test_a_quick_return_is_a_yes(region, said):
    assert read("perfusion", said, region) == "yes"


# --- commands: the hand held, the tongue shown, "she did" ---------------------------------------------------------


@pytest.mark.parametrize("said", [
    "she gripped my fingers", "she pressed my hand when I told her", "she stuck her tongue out for me",
    "when I asked her to open her eyes she did", "yes she held my hand tight when I asked",
    "he lifted his arm when I told him to", "sim, ela apertou minha mão", "sí, me apretó la mano",
])
def test_a_command_obeyed_in_other_words_is_a_yes(said):
    assert read("commands", said) == "yes"


@pytest.mark.parametrize("said", [
    "she didn't grip my fingers", "I asked her to grip my fingers but nothing", "when I asked her to squeeze she didn't",
    "I told her to stick out her tongue, she didn't", "her hand didn't press mine, nothing",
    "não, ela não responde", "no, no responde",
])
def test_a_command_not_obeyed_is_not_a_yes(said):
    assert read("commands", said) == "no"


def test_a_grip_before_is_no_grip_now():
    assert read("commands", "she was holding my hand before, now nothing") != "yes"


# --- walking: no weight borne is no walk --------------------------------------------------------------------------


@pytest.mark.parametrize("region, said", [
    ("GB", "she can't put any weight on her leg, she's sitting on the ground"), ("GB", "he won't bear weight on it"),
    ("MX", "no, no se puede parar"), ("MX", "no se levanta"),
])
def test_no_weight_borne_is_no_walk(region, said):
    assert read("walk", said, region) == "no"


@pytest.mark.parametrize("region, said, answer", [
    ("GB", "she can put weight on it and walk", "yes"), ("BR", "sim, ela está andando", "yes"),
    ("MX", "no sé", None),  # "I don't know" is no "no se (levanta)"
])
def test_walk_look_alikes(region, said, answer):
    assert read("walk", said, region) == answer


# --- AVPU: crying and no response in other languages; a squeeze that hurts ----------------------------------------


@pytest.mark.parametrize("said, level", [
    ("está llorando", "alert"), ("ele está chorando", "alert"), ("il pleure", "alert"), ("analia", "alert"),
    ("no responde a nada", "unresponsive"), ("il ne réagit pas du tout", "unresponsive"), ("hajibu", "unresponsive"),
    ("she only groans when I squeeze her shoulder", "pain"), ("he cries when I pinch him", "pain"),
])
def test_avpu_in_other_words(said, level):
    assert parse_avpu(said) == level


@pytest.mark.parametrize("said", ["no llora", "não chora", "il ne pleure pas"])
def test_not_crying_is_not_alert(said):
    assert parse_avpu(said) != "alert"


# --- who: kin named in French and Portuguese ------------------------------------------------------------------------


@pytest.mark.parametrize("said, who", [
    ("c'est pour mon fils", "other"), ("é a minha mãe", "other"), ("meu pai", "other"), ("ma mère", "other"),
    ("yes ma, it's me", "self"), ("for me, ma", "self"),
])
def test_kin_in_french_and_portuguese(said, who):
    assert parse_who(said) == who


@pytest.mark.parametrize("region, said", [("KE", "ni mtoto wangu"), ("KE", "mama yangu"), ("NG", "omo mi")])
def test_kin_in_the_callers_language(region, said):
    assert read("who", said, region) == "other"


# --- the calls themselves ------------------------------------------------------------------------------------------


def test_every_clear_start_answer_call_ends_as_worked_by_hand():
    """Each call's answers are clear to a human; each category was worked by hand from SAFETY.md."""
    failures = {}
    for scenario in load_scenarios(SCENARIOS):
        record, dialogue = run_dialogue(scenario)
        if mm := mismatches(scenario, record, dialogue):
            failures[scenario["id"]] = mm
    assert failures == {}


# --- what is so now, after what was so before ------------------------------------------------------------------------


@pytest.mark.parametrize("step, said, answer", [
    ("walk", "he walks a little normally but now he doesn't move", "no"),
    ("walk", "he walks with his stick normally but now he can't get up", "no"),
    ("walk", "he couldn't walk at first, but now he's walking around the warehouse", "yes"),
    ("breathing", "she was breathing but now she isn't", "no"),
    ("commands", "he squeezed before but now nothing", "no"),
])
def test_the_answer_after_but_now_is_the_answer(step, said, answer):
    """Main heard the habit's "walks" and the now's "doesn't move" as a doubt: asked again, then assumed."""
    assert read(step, said) == answer


@pytest.mark.parametrize("step, said, answer", [
    ("walk", "no, but now that you ask, he did stand", None),  # "now that" is no turn to the present
    ("walk", "yes, but now he is tired", "yes"),  # nothing after "now" answers: the whole answer is read
])
def test_but_now_look_alikes(step, said, answer):
    assert read(step, said) == answer


# --- who: someone named by their work --------------------------------------------------------------------------------


@pytest.mark.parametrize("said", ["the coconut plucker", "a rickshaw puller", "our tea picker", "the fisherwoman"])
def test_someone_named_by_their_work_is_someone_else(said):
    """Main heard no answer in "the coconut plucker" three times and ended the call as "no answer"."""
    assert parse_who(said) == "other"


@pytest.mark.parametrize("said, who", [
    ("it is for the fever", None), ("my shoulder", "maybe_self"), ("it is me, the teacher", "self"),
    ("me, a farmer", "maybe_self"), ("the doctor said", None),
])
def test_things_and_the_caller_are_not_someone_by_their_work(said, who):
    assert parse_who(said) == who


@pytest.mark.parametrize("region, step, said", [
    ("IN", "who", "Hello, network bad o, una dey hear me?"), ("NG", "who", "Hello? Una dey hear me?"),
    ("KE", "age", "hello? hello? can you hear me"),
])
def test_a_line_check_is_not_read_again_in_another_language(region, step, said):
    """Glossed as Pidgin, "una dey hear me" is no line check any more, and its "me" answered "who"."""
    assert read(step, said, region) is None
