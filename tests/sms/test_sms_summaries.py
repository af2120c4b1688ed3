"""Summaries: complete for the worker within 3 segments, calm and safe for the caller."""

import pytest

from intake.models import Category, TriageResult, Urgency
from sms.segments import segment_count
from sms.summaries import CaseSummaryInput, caller_summary, worker_summary

CASE_URL = "https://triage.example.org/cases/123456.1800259200.AbCdEfGhIjKlMnOpQrStUv"
PHOTO_URL = "https://triage.example.org/upload/123456.1800604800.AbCdEfGhIjKlMnOpQrStUv"


def case(triage: TriageResult, region="NG", caller="+2348031234567") -> CaseSummaryInput:
    return CaseSummaryInput("TL-7K3QX", caller, region, triage, case_url=CASE_URL, photo_url=PHOTO_URL)


def yellow(**kw) -> TriageResult:
    fields = dict(protocol="START", start_category=Category.YELLOW, urgency=Urgency.URGENT,
                  complaint="my brother fell from a motorbike and his leg is bent", duration="since this morning",
                  severity=8, age_years=34)
    return TriageResult(**(fields | kw))


def test_worker_summary_has_every_fact():
    text = worker_summary(case(yellow(red_flags=["major_trauma"], assumed=["perfusion"])))
    assert text.splitlines() == [
        "TL-7K3QX: YELLOW, URGENT",
        "Complaint: my brother fell from a motorbike and his leg is bent",
        "Red flags: major trauma",
        "Duration: since this morning. Severity: 8/10. Age: 34 years. Country: NG",
        "Assumed (no clear answer): perfusion",
        "Call back: +2348031234567",
        f"Case: {CASE_URL}",
    ]
    assert segment_count(text) <= 3


def test_babies_ages_are_in_months_and_whatsapp_prefix_is_dropped():
    text = worker_summary(case(yellow(age_years=0.5, protocol="JumpSTART"), caller="whatsapp:+2348031234567"))
    assert "Age: 6 months" in text and "Call back: +2348031234567" in text


@pytest.mark.parametrize("complaint", [
    "He was walking home when " + "he felt very dizzy and then fell down on the road and hit his head " * 12,
    "Ọmọ mi ní ibà gidigidi, ara rẹ̀ gbóná, kò lè mu omi " * 8,  # Yoruba: UCS-2 halves the budget
    "pain " * 300,
])
def test_long_complaints_are_cut_politely_within_three_segments(complaint):
    flags = ["chest_pain", "stroke", "breathing_difficulty", "heavy_bleeding", "seizure", "unconscious"]
    text = worker_summary(case(yellow(complaint=complaint, red_flags=flags, urgency=Urgency.EMERGENCY)))
    assert segment_count(text) <= 3
    complaint_line = text.splitlines()[1]
    assert complaint_line.endswith("... (see case page)") or complaint_line == "Complaint: see case page"
    assert text.splitlines()[-1] == f"Case: {CASE_URL}"  # the link to the details always survives
    assert "Red flags: chest pain, stroke, breathing difficulty" in text


def test_typographic_quotes_do_not_force_ucs2():
    text = worker_summary(case(yellow(complaint="she said “I can’t breathe” – twice…")))
    assert 'she said "I can\'t breathe" - twice...' in text
    assert segment_count(text) == segment_count(text.encode("ascii", "ignore").decode())


def test_missing_facts_are_left_out_not_invented():
    text = worker_summary(CaseSummaryInput("TL-1", None, None, TriageResult()))
    assert text == "TL-1: not sorted, URGENT"


def test_caller_summary_routine_with_photo_link_and_disclaimer():
    text = caller_summary(case(yellow(start_category=Category.GREEN, urgency=Urgency.ROUTINE), region="PH",
                               caller="+639171234567"))
    assert text.splitlines() == [
        "Triageline case TL-7K3QX is recorded.",
        "A health worker will contact you on this number. If it gets worse, call 911 now.",
        f"You may send a photo here: {PHOTO_URL}",
        "This is not a doctor and not medical advice.",
    ]


def test_caller_summary_emergency_puts_the_local_number_first():
    text = caller_summary(case(yellow(start_category=Category.RED, urgency=Urgency.EMERGENCY), region="NG"))
    line = text.splitlines()[1]
    assert line.startswith("Call 112 now")
    assert "In some states you can also call 199." in line
    assert "not a doctor and not medical advice" in text


def test_caller_summary_unknown_country_falls_back_to_112():
    text = caller_summary(CaseSummaryInput("TL-1", "+999", None, yellow()))
    assert "call 112 now" in text and "local emergency number" in text
    assert "photo" not in text


def test_a_call_with_no_answer_asks_the_worker_to_call_back_and_tells_the_caller_they_will_be():
    silent = TriageResult(urgency=Urgency.URGENT, assumed=["who"], who="other", outcome="no_answer")
    text = worker_summary(case(silent))
    assert text.splitlines()[:2] == [
        "TL-7K3QX: NO ANSWER - please call back, URGENT",
        "The caller gave no usable answer on the call; they may be the patient and unable to speak.",
    ]
    assert "Call back: +2348031234567" in text and "BLACK" not in text and segment_count(text) <= 3
    calm = caller_summary(case(silent, region="PH", caller="+639171234567"))
    assert "could not hear an answer" in calm and "call you back" in calm and "911" in calm
    assert "not medical advice" in calm


def test_a_high_risk_mechanism_is_told_to_the_worker_apart_from_the_red_flags():
    text = worker_summary(case(yellow(mechanism=["road_traffic"], start_category=Category.GREEN,
                                      urgency=Urgency.ROUTINE)))
    assert "High-risk mechanism: road traffic" in text.splitlines()
    assert not any(line.startswith("Red flags") for line in text.splitlines())
