"""The FHIR export carries the case's ICD-11 MMS code as Condition.code, validated by fhir.resources."""

from __future__ import annotations

from datetime import UTC, datetime

from routing.views import CaseView
from voice.fhir import cases_bundle

NOW = datetime(2027, 1, 10, 9, 30, tzinfo=UTC)
MMS = "http://id.who.int/icd/release/11/mms"


def a_case(**triage) -> CaseView:
    return CaseView(id=1, reference="TL-ABC234", status="pending", channel="voice", caller="+2348031234567",
                    region="NG", category=None, urgency="urgent", triage=triage, dialogue_state=None, turns=[],
                    created_at=NOW, updated_at=NOW)


def conditions(case: CaseView) -> list:
    return [e.resource for e in cases_bundle([case]).entry if e.resource.get_resource_type() == "Condition"]


def test_the_complaint_condition_is_coded_in_icd11_mms():
    [condition] = conditions(a_case(complaint="I fell and hurt my wrist",
                                    icd11={"code": "NC5Z", "title": "Injuries to the wrist or hand, unspecified"}))
    [coding] = condition.code.coding
    assert (coding.system, coding.code, coding.display) == (MMS, "NC5Z", "Injuries to the wrist or hand, unspecified")
    assert condition.code.text == "I fell and hurt my wrist"


def test_a_red_flag_without_a_complaint_is_still_a_coded_condition_and_nothing_codable_is_text_only():
    [flagged] = conditions(a_case(red_flags=["stroke"]))
    assert [c.code for c in flagged.code.coding] == ["8B20"]
    [uncoded] = conditions(a_case(complaint="hello, is this the line?"))
    assert uncoded.code.coding is None and uncoded.code.text == "hello, is this the line?"
