"""Summaries: one message per case for the worker within 2 segments, calm and safe for the caller."""

import pytest

from intake.models import Category, TriageResult, Urgency
from sms.segments import segment_count
from sms.summaries import CaseSummaryInput, caller_summary, case_message

PHOTO_URL = "https://triage.example.org/upload/123456.1800604800.AbCdEfGhIjKlMnOpQrStUv"


def case(triage: TriageResult, region="NG", caller="+2348031234567") -> CaseSummaryInput:
    return CaseSummaryInput("TL-7K3QX", caller, region, triage, photo_url=PHOTO_URL)


def yellow(**kw) -> TriageResult:
    fields = dict(protocol="START", start_category=Category.YELLOW, urgency=Urgency.URGENT,
                  complaint="my brother fell from a motorbike and his leg is bent", duration="since this morning",
                  severity=8, age_years=34)
    return TriageResult(**(fields | kw))


def test_the_case_message_has_every_fact_a_worker_decides_on_in_two_segments():
    text = case_message(case(yellow(assumed=["perfusion"], answers={"walk": "no", "commands": "yes"},
                                    respiratory_rate=20)))
    assert text.splitlines() == [
        "TL-7K3QX YELLOW, URGENT: cannot walk, RR 20, obeys commands",
        "Complaint: my brother fell from a motorbike and his leg is bent",
        "ICD-11: NC9Z Injuries to the knee or lower leg, unspecified",
        "Age 34 years",
        "Call back +2348031234567",
        "Reply ACCEPT TL-7K3QX or PASS TL-7K3QX",
    ]
    assert segment_count(text) <= 2


def test_the_icd11_code_gives_way_to_the_callers_words_when_the_budget_is_short():
    long = "my brother fell from a motorbike and his leg is bent " + "and he keeps saying it hurts so much " * 6
    text = case_message(case(yellow(complaint=long.strip())))
    assert segment_count(text) <= 2
    assert "ICD-11" not in text  # the complaint, cut to fit, matters more than its code


@pytest.mark.parametrize("answers,rate,why", [
    ({"walk": "no", "breathing": "yes"}, 34, "RR 34"),
    ({"walk": "no", "breathing": "yes", "perfusion": "yes", "commands": "no"}, 24, "does not obey commands"),
    ({"walk": "no", "breathing": "yes", "perfusion": "no"}, 24, "refill over 2 s"),
    ({"walk": "no", "breathing": "yes", "perfusion": "yes", "pulse": "no"}, 24, "no pulse felt"),
    ({"walk": "no", "breathing": "no", "reposition": "yes"}, None, "breathes only after airway opened"),
])
def test_a_red_case_says_which_start_step_made_it_red(answers, rate, why):
    red = yellow(start_category=Category.RED, urgency=Urgency.EMERGENCY, answers=answers, respiratory_rate=rate)
    assert case_message(case(red)).splitlines()[0] == f"TL-7K3QX RED, EMERGENCY: {why}"


def test_a_red_flag_is_the_why():
    red = yellow(start_category=Category.RED, urgency=Urgency.EMERGENCY, red_flags=["chest_pain"])
    assert case_message(case(red)).splitlines()[0] == "TL-7K3QX RED, EMERGENCY: chest pain"


def test_babies_ages_are_in_months_and_whatsapp_prefix_is_dropped():
    text = case_message(case(yellow(age_years=0.5, protocol="JumpSTART"), caller="whatsapp:+2348031234567"))
    assert "Age 6 months" in text and "Call back +2348031234567" in text


@pytest.mark.parametrize("complaint", [
    "He was walking home when " + "he felt very dizzy and then fell down on the road and hit his head " * 12,
    "Ọmọ mi ní ibà gidigidi, ara rẹ̀ gbóná, kò lè mu omi " * 8,  # Yoruba: UCS-2 would halve the budget
    "pain " * 300,
])
def test_long_complaints_are_cut_politely_within_two_segments(complaint):
    flags = ["chest_pain", "stroke", "breathing_difficulty", "heavy_bleeding", "seizure", "unconscious"]
    text = case_message(case(yellow(complaint=complaint, red_flags=flags, urgency=Urgency.EMERGENCY,
                                    start_category=Category.RED)))
    assert segment_count(text) <= 2
    lines = text.splitlines()
    assert lines[1].endswith("...") or not lines[1].startswith("Complaint")
    assert lines[-2:] == ["Call back +2348031234567", "Reply ACCEPT TL-7K3QX or PASS TL-7K3QX"]
    assert lines[0].startswith("TL-7K3QX RED, EMERGENCY: chest pain, stroke, breathing difficulty")


def test_typographic_quotes_do_not_force_ucs2():
    text = case_message(case(yellow(complaint="she said “I can’t breathe” – twice…")))
    assert 'she said "I can\'t breathe" - twice...' in text
    assert segment_count(text) == segment_count(text.encode("ascii", "ignore").decode())


def test_missing_facts_are_left_out_not_invented():
    text = case_message(CaseSummaryInput("TL-1", None, None, TriageResult()))
    assert text == "TL-1 not sorted, URGENT\nReply ACCEPT TL-1 or PASS TL-1"


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
    text = case_message(case(silent))
    assert text.splitlines()[0] == "TL-7K3QX NO ANSWER - please call back, URGENT"
    assert "Call back +2348031234567" in text and "BLACK" not in text and segment_count(text) <= 2
    calm = caller_summary(case(silent, region="PH", caller="+639171234567"))
    assert "could not hear an answer" in calm and "call you back" in calm and "911" in calm
    assert "not medical advice" in calm


def test_a_high_risk_mechanism_is_told_to_the_worker_apart_from_the_red_flags():
    text = case_message(case(yellow(mechanism=["road_traffic"], start_category=Category.GREEN,
                                    urgency=Urgency.ROUTINE, answers={"walk": "yes"})))
    assert text.splitlines()[0] == "TL-7K3QX GREEN, ROUTINE: walks"
    assert "High-risk: road traffic" in text.splitlines()
