"""Kinds spent set al's turns showed (issue 14: francophone, Central and East African and Haitian callers), each fixed as
a kind; the team's lines are the `alt-` ones in intake/corpus/utterances.jsonl (own paraphrases, with look-alikes that must
stay quiet).

Recall:
- a text with no stops where "no more" / "anymore" closes the despair and the taking follows ("dont want to live no more
  swallowed all my pills"): the "not" is the wish's, the swallowing is said;
- shaken and shouted at, then "her eyes don't open" (the order the rules knew was the reverse);
- blood that "keeps coming from the cut" or "keeps coming even when I press".
Look-alikes (no flag, or no extra flag):
- a sign dated by month and year ("a stroke in March 2020"); "unconscious of his problem"; a thing painted blue; a wound
  or a dressing that "is not breathing" (never "on the floor and not breathing", which is the patient); "I can't breathe
  with this man"; chest pressure from a strap; a heavy heart with someone gone; an arm that will not lift because it hurts
  since a knock; a bone stuck in the throat of someone talking and swallowing fine; "it looked like blood, but it's the
  juice"; another's child's fits asked about for next time; signs listed after "what should I watch for?"; a cup a baby
  cannot drink from while the breast goes well; French "poisson" (fish) is no poison; rat poison bought is not yet taken;
  "sitting on" / "lying on" a bench is the patient's posture, not a weight on the chest; "sleeping very deep" is no deep
  wound; an arm that "fell off the table" is no fall.
"""

import json
from pathlib import Path

import pytest

from intake.red_flags import find_mechanisms, find_red_flags

LINES = [json.loads(line) for line in (Path(__file__).parents[2] / "intake" / "corpus" / "utterances.jsonl")
         .read_text(encoding="utf-8").splitlines() if '"alt-' in line]


def test_the_team_wrote_lines_for_every_kind():
    kinds = {line["id"].split("-")[1] for line in LINES}
    assert kinds == {"anymore", "eyesshut", "keepscoming", "dated", "unaware", "paint", "thingbreathe", "personbreathe",
                     "strap", "heavyheart", "armhurt", "talking", "seemed", "nexttime", "whatelse", "cup", "poisson",
                     "bought", "posture", "sleepdeep", "limbfell"}
    assert len(LINES) >= 80
    for kind in kinds - {"posture", "limbfell", "bought"}:  # these name which flag, not whether
        said = [line["flags"] for line in LINES if line["id"].split("-")[1] == kind]
        assert any(said) and not all(said), kind


@pytest.mark.parametrize("line", LINES, ids=[line["id"] for line in LINES])
def test_each_line_reads_as_the_team_wrote_it(line):
    assert sorted(find_red_flags(line["text"])) == sorted(line["flags"])
    assert bool(find_mechanisms(line["text"])) == line["mechanism"]


@pytest.mark.parametrize("text", [
    "he is lying on the floor and not breathing",
    "my dad on the floor is not breathing",
    "the baby on the mattress is not breathing",
    "stab wound and not breathing",
])
def test_a_thing_that_does_not_breathe_never_hides_a_patient_who_does_not(text):
    assert "not_breathing" in find_red_flags(text)


@pytest.mark.parametrize("text", [
    "She's not bleeding anymore, she's fine",
    "no more bleeding since this morning, the cut is closed",
])
def test_any_more_still_ends_what_it_follows(text):
    assert "heavy_bleeding" not in find_red_flags(text)


@pytest.mark.parametrize("text, flagged", [
    ("One of my doves on the balcony isn't breathing, what do I do with it?", False),
    ("my dog on the floor is not breathing, is there a vet open?", False),
    ("my dad on the roof is not breathing", True),
])
def test_an_animal_somewhere_is_still_the_animal_once_a_thing_no_longer_hides_the_place(text, flagged):
    assert ("not_breathing" in find_red_flags(text)) == flagged


@pytest.mark.parametrize(("text", "flag"), [
    ("il a avale une arete de poisson, il ne peut plus respirer", "breathing_difficulty"),
    ("elle a mange du poisson et ses levres gonflent", "anaphylaxis"),
    ("il vomit et il est tout rouge, il respire mal", "breathing_difficulty"),
])
def test_french_signs_once_read_by_luck_as_poison_are_read_as_themselves(text, flag):
    """"Poisson" (fish) was corrected to "poison" one letter away, which flagged these turns by luck; read as fish, the
    sign after it has to be read in French: "ne peut plus respirer", "respire mal", "ses lèvres gonflent"."""
    assert flag in find_red_flags(text)


def test_french_breathing_not_badly_is_no_sign():
    assert find_red_flags("elle ne respire pas mal, juste un rhume") == []
