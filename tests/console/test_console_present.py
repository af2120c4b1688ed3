"""The console's pure parts: a case in words, the charts' buckets and percentiles, the string catalogue."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

from routing.views import CaseView, TurnView
from voice.console import charts, present
from voice.console.strings import CATALOGUE, t

NOW = datetime(2027, 1, 10, 9, 30, tzinfo=UTC)


def a_case(**triage) -> CaseView:
    turns = [TurnView(0, "walk", "no she cant", "No, she can't.", "speech", "local", 900, NOW),
             TurnView(1, "breathing", None, None, "speech", "local", 800, NOW)]
    return CaseView(id=1, reference="TL-ABC234", status="pending", channel="voice", caller="+2348031234567",
                    region="NG", category=triage.get("start_category"), urgency=triage.get("urgency"),
                    triage=triage, dialogue_state=None, turns=turns, created_at=NOW, updated_at=NOW)


def test_a_case_reads_as_plain_words_each_said_once():
    case = a_case(protocol="START", start_category="RED", urgency="emergency", age_years=0.5, who="other",
                  answers={"walk": "no", "breathing": "yes", "commands": "no"}, respiratory_rate=34,
                  red_flags=["chest_pain"], mechanism=["fall_from_height"], severity=8)
    facts = dict(present.facts(case))
    assert facts["START category"] == "RED" and facts["Age"] == "6 months" and facts["Who needs help"] == (
        "someone with the caller")
    assert facts["Status"] == "waiting for a worker" and facts["Pain or distress"] == "8 out of 10"
    labels = [label for label, _ in present.facts(case)]
    assert len(labels) == len(set(labels))  # every field once
    assert not any(v in ("True", "False", "None", "25.0") for v in facts.values())
    assert present.findings(case) == ["Cannot walk.", "Breathing.", "Breathing rate 34.", "Does not obey commands."]
    assert present.flags(case) == (["chest pain"], ["fall from height"])
    assert present.call_back(case) == "+2348031234567"


def test_the_transcript_says_who_said_what_and_what_was_removed():
    lines = present.transcript(a_case(who="other"))
    assert [line.speaker for line in lines] == ["Triageline", "Caller", "Triageline", "Caller"]
    assert lines[0].text.startswith("Can they get up and walk")
    assert lines[1].text == "No, she can't." and lines[1].note == "heard as: no she cant"
    assert lines[3].text == t("case.purged")


def test_no_answer_and_an_unknown_who_are_said_plainly():
    facts = dict(present.facts(a_case(outcome="no_answer", urgency="urgent", who=None)))
    assert facts["START category"] == "No usable answer on the call: call back" and "Who needs help" not in facts


def test_hours_days_and_percentiles():
    times = [NOW - timedelta(minutes=m) for m in (0, 10, 61, 60 * 23 + 5, 60 * 30)]
    assert charts.hourly(times, NOW, 24)[-1] == 2 and sum(charts.hourly(times, NOW, 24)) == 4
    assert charts.daily(times, NOW, 7)[-1] == 3 and sum(charts.daily(times, NOW, 7)) == 5
    assert charts.percentile([], 50) is None
    assert (charts.percentile(list(range(1, 101)), 50), charts.percentile(list(range(1, 101)), 95)) == (50, 95)


def test_a_chart_is_an_svg_with_a_name_and_the_figures_in_words():
    svg = str(charts.columns("Calls", {"calls": [1, 0, 3], "texts": [0, 2, 0]}, ["a", "", "c"]))
    assert svg.startswith("<svg") and "<title>Calls</title>" in svg and "<desc>4 calls, 2 texts in all</desc>" in svg
    assert str(charts.hbars("Mix", {"RED": 2, "<b>": 1})).count("&lt;b&gt;") == 2  # escaped, in the bar and the desc


def test_every_string_the_templates_ask_for_is_in_the_catalogue():
    templates = Path(__file__).resolve().parents[2] / "voice" / "console" / "templates" / "console"
    asked = {key for f in templates.glob("*.html") for key in re.findall(r't\(["\']([a-z0-9_.]+)["\'][,)]', f.read_text())}
    assert asked and asked <= set(CATALOGUE), asked - set(CATALOGUE)


def test_the_case_page_shows_the_icd11_code_stored_or_coded_as_read():
    stored = a_case(complaint="my chest hurts", icd11={"code": "MD30.Z", "title": "Chest pain, unspecified"})
    assert present.icd11(stored) == "MD30.Z Chest pain, unspecified"
    before_coding = a_case(complaint="I fell and hurt my wrist")  # stored before cases kept a code
    assert present.icd11(before_coding) == "NC5Z Injuries to the wrist or hand, unspecified"
    assert present.icd11(a_case(complaint="hello?")) is None
