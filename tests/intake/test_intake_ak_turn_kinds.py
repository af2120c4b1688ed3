"""Kinds spent set ak's turns showed (issue 14), each fixed as a kind; the team's lines are the `akt-` ones in
intake/corpus/utterances.jsonl (own paraphrases in several voices, with look-alikes that must stay quiet).

Recall:
- drugs the tables did not know: majoun, captagon, opium / taryak / afyun, cannabis edibles and space cakes, with the
  signs that already made a street drug an emergency ("Afyon" is a Turkish city: only as a thing given, eaten, smoked);
- a medicine taken again by someone who forgot ("three times today", "again by mistake") with bleeding or bruising;
- "a tablet missing" / "one pill don miss" from a pack a toddler was playing with;
- carbon monoxide in a closed room: "a village outside Kerman" is where they live, no outdoor cooking that vetoes it;
- a hedge about the amount ("I don't know how much is too much") does not make a soaked-through towel a question;
- a wish to join a dead loved one said with a pronoun ("since my mother died he wants to join her");
- early pregnancy, pain on "one side" / "1 side" and faint, as a text is typed.
Look-alikes (no flag):
- sleep apnoea's pauses "every night" / "most nights"; "my heart is squeezed for my son", "suffocating in this
  marriage"; a "jalta" (clot) in the leg; a chronic sign "like always, today is the same"; a bleed that "stopped an
  hour ago"; an animal's blood ("it's the sheep for Eid"); "slept like a stone"; "overdosed" on a food; a sign seen in
  hospital with the all-clear and home; a neighbour's child's fits when the call is about one's own child; "that's
  normal for him"; words someone said and the thing they meant ("he meant his thesis").
"""

import json
import re
from pathlib import Path

import pytest

from intake import context as ctx
from intake.red_flags import find_mechanisms, find_red_flags, prepare

LINES = [json.loads(line) for line in (Path(__file__).parents[2] / "intake" / "corpus" / "utterances.jsonl")
         .read_text(encoding="utf-8").splitlines() if '"akt-' in line]


def test_the_team_wrote_lines_for_every_kind():
    kinds = {line["id"].split("-")[1] for line in LINES}
    assert kinds == {"drug", "misdose", "missing", "co", "bleedhedge", "join", "ectopic", "apnoea", "feeling", "jalta",
                     "same", "stopped", "animal", "sleep", "food", "seen", "neighbour", "baseline", "meant"}
    assert len(LINES) >= 80
    # every kind has lines that must flag and lines that must not
    for kind in ("drug", "misdose", "missing", "co", "bleedhedge", "join", "ectopic", "feeling", "animal", "food"):
        said = [line["flags"] for line in LINES if line["id"].split("-")[1] == kind]
        assert any(said) and not all(said), kind


@pytest.mark.parametrize("line", LINES, ids=[line["id"] for line in LINES])
def test_each_line_reads_as_the_team_wrote_it(line):
    assert sorted(find_red_flags(line["text"])) == sorted(line["flags"])
    assert bool(find_mechanisms(line["text"])) == line["mechanism"]


@pytest.mark.parametrize("text", [
    "he ate too much majoun at the party and now he's seeing things and vomiting",
    "bro took too many captagon heart racing sweating not making sense",
    "grandma gave the baby opium for his crying, now his eyes are tiny and he's drowsy",
    "my father is ninety, he took his warfarin three times today because he forgot, now his gums are bleeding a little",
    "maybe it's nothing, but there's a tablet missing from my grandfather's heart pills and my daughter was playing "
    "with the box, she's two",
])
def test_the_kinds_of_overdose_the_set_showed(text):
    assert "overdose_poisoning" in find_red_flags(text)


def test_a_place_outside_a_town_is_no_outdoor_cooking():
    closed = ("they live in a village outside Kerman, they shut every window and lit the kerosene heater in the bedroom, "
              "this morning both of them have terrible headaches and my mother is vomiting")
    assert "overdose_poisoning" in find_red_flags(closed)
    table = json.loads((Path(__file__).parents[2] / "intake" / "red_flags.json").read_text(encoding="utf-8"))
    for name in ("COOKED_ON", "OUTDOOR_MEAL"):
        outdoors = re.compile(rf"\b(?:{table['concepts'][name]})\b")
        assert outdoors.search("the brazier was outside in the yard all evening")
        assert outdoors.search("we sat outside by the fire")
        for place in ("they live in a village outside kerman", "a town outside shiraz", "we live outside nairobi",
                      "the farm is outside the city"):
            assert not outdoors.search(place), (name, place)


def test_how_much_is_too_much_asks_only_of_what_it_is_about():
    t = prepare("the towel is red right through and it keeps dripping, I don't know how much is too much")
    assert not ctx.hypothetical(t, t.index("towel"), t.index("through") + len("through"))
    asked = prepare("how much blood is too much after a tooth out")
    assert ctx.hypothetical(asked, asked.index("blood"), asked.index("blood") + 5)


def test_an_ending_said_with_how_long_ago():
    t = prepare("his nose bled a lot this morning, it stopped an hour ago, he is eating now")
    assert ctx.resolved(t, t.index("a lot") + len("a lot"))
    back = prepare("his nose bled a lot, it stopped an hour ago but it started again and won't stop")
    assert "heavy_bleeding" in find_red_flags(back)


def test_a_clot_in_the_leg_is_no_stroke_but_a_jalta_with_its_signs_is():
    assert "stroke" not in find_red_flags("the doctor said he has a jalta in his leg, he is on injections, walking fine")
    assert "stroke" in find_red_flags("jalta, his face is drooping on one side and he can't lift his arm")


@pytest.mark.parametrize("text, flag", [
    ("He's unconscious, we took him to the hospital last week and the tests were normal, he's home", "unconscious"),
    ("My son collapsed yesterday, we took him to the hospital, the tests were normal, he's home but today he collapsed "
     "again", "unconscious"),
    ("He's not breathing, it's the cow that fell on him", "not_breathing"),
    ("She is bleeding heavily, it's the dog that bit her", "heavy_bleeding"),
])
def test_a_visit_or_an_animal_named_later_does_not_take_a_sign_that_is_now(text, flag):
    assert flag in find_red_flags(text)


def test_seen_and_home_needs_the_sign_dated_back_and_the_all_clear():
    t = prepare("last night my father got dizzy from the charcoal smoke, we took him to the hospital, "
                "the tests were normal, he's home and eating lunch")
    s = t.index("dizzy")
    assert ctx.seen_and_home(t, s, s + len("dizzy"))
    no_clear = prepare("last night my father got dizzy from the charcoal smoke, we took him to the hospital")
    assert not ctx.seen_and_home(no_clear, s, s + len("dizzy"))
