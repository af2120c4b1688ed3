"""Kinds spent set ah left open (issue 14), each fixed as a kind; the team's lines are the `ahl-` ones in
intake/corpus/utterances.jsonl, read here with the twins that must still flag.

- a drink last night and a hangover is no poisoning, unless a sign of methanol or a medicine is said (rule and reader);
- a bottle or a drink from one, with no harm named and no reaction of the body, gates the reader's overdose whichever
  words carry its score ("been", "found");
- a harm wished or planned ("I want to cut deep and not wake up") is suicidal, not a wound or a coma now;
- "knocked out for about a minute", told as over, is the head injury's, not unconscious, unless drowsiness follows;
- "always had a weak chest" is a lifelong baseline, not a chest word for another clause's pain;
- a death in the same vehicle told by the seat ("my uncle in the back seat died"), a fall through a skylight "a long
  way", an SUV, a 4x4, a bakkie, a marshrutka;
- a sign "since his stroke in 2020" / "for years" in Indonesian, Spanish, Portuguese, Tagalog and Hindi is baseline.
"""

import json
from pathlib import Path

import pytest

from intake import learned_flags
from intake.red_flags import find_mechanisms, find_red_flags

LINES = [json.loads(line) for line in (Path(__file__).parents[2] / "intake" / "corpus" / "utterances.jsonl")
         .read_text(encoding="utf-8").splitlines() if '"ahl-' in line]


def test_the_team_wrote_lines_for_every_kind():
    kinds = {line["id"].split("-")[1] for line in LINES}
    assert kinds == {"hangover", "bottle", "intent", "ko", "weakchest", "mech", "base"}
    assert len(LINES) >= 50


@pytest.mark.parametrize("line", LINES, ids=[line["id"] for line in LINES])
def test_each_line_reads_as_the_team_wrote_it(line):
    assert sorted(find_red_flags(line["text"])) == sorted(line["flags"])
    assert bool(find_mechanisms(line["text"])) == line["mechanism"]


def proposing(flag: str, word: str):
    def propose(text, found, *args, **kwargs):
        at = text.find(word)
        return [] if at < 0 or flag in found else [(flag, [(at, at + len(word))])]
    return propose


@pytest.mark.parametrize(("word", "text", "added"), [
    # the gate rests on the sentence, not on the words that carry the reader's score
    ("been", "she's been drinking out of a bottle she found in the garage and feels a bit odd", False),
    ("found", "she's been drinking out of a bottle she found in the garage and feels a bit odd", False),
    ("been", "the kids have been drinking out of a jar they found in the barn, they seem fine", False),
    ("found", "he drank out of a bottle he found in the garage, it smells of petrol", True),
    # a hangover, unless methanol's signs are there
    ("drank", "I drank samogon last night, now headache, hangover", False),
    ("drank", "we drank palm wine last night, hangover today, my head is pounding", False),
    ("drank", "he drank samogon last night, hangover, and now he can't see properly", True),
    ("drank", "he drank chang'aa yesterday, hangover he says, but he is breathing fast and confused", True),
])
def test_the_readers_overdose_is_gated_by_the_sentence(word, text, added, monkeypatch):
    monkeypatch.setattr(learned_flags, "proposals", proposing("overdose_poisoning", word))
    assert ("overdose_poisoning" in find_red_flags(text)) == added


@pytest.mark.parametrize("said", [
    "his face is crooked, it's been like that since his stroke in 2020, but now his arm is also weak",
    "face droopy, it has been like that since his stroke in 2020, but now his arm is weak",
    "o rosto dele está torto, está assim desde o AVC em 2020, mas agora o braço está fraco",
    "uska chehra tedha hai, 2020 ke stroke ke baad se aisa hi hai, par aaj haath bhi kamzor hai",
])
def test_a_new_sign_beside_an_old_strokes_baseline_still_flags(said):
    assert "stroke" in find_red_flags(said)
