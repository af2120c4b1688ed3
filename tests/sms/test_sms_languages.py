"""A text triage speaks the first text's language when callers may choose it, and the case records it."""

import pytest

from intake.catalogue import catalogue
from tests.sms.test_sms_incoming import NOW, Phone
from tests.support.sms_app import make_app


@pytest.mark.parametrize(("first", "language"), [
    ("abeg my pikin dey cough since yesterday", "pcm"),
    ("mera beta bahut bimar hai, khansi hai", "hi"),
    ("may ubo at lagnat ang anak ko", "tl"),
    ("my son has a cough", "en"),
])
async def test_the_triage_speaks_the_first_texts_language(store, first, language):
    app = make_app(store, now=NOW, choose_language=True)
    async with app.test_app() as test_app:
        phone = Phone(test_app.test_client())
        opening = await phone.text(first)
        said = catalogue(language)
        assert opening.startswith(said.say("disclaimer.text", number="112"))
        assert said.say("danger_signs.text", "other") in opening  # the complaint is taken, the danger signs asked
        assert said.say("age.text", "other") in await phone.text("2")  # none: the age asked, in that language
        for body in ["30", "1", "3 days", "5", "none", "none"]:
            assert await phone.text(body)
        closing = await phone.text("2")
    assert said.say("closing.text", "other", number="112", photo="") == closing
    case = await store.find_case_by_call("SM0001")
    assert case.triage["language"] == language and case.triage["start_category"] == "GREEN"


async def test_without_the_setting_every_text_triage_is_in_english(store):
    async with make_app(store, now=NOW).test_app() as test_app:
        opening = await Phone(test_app.test_client()).text("abeg my pikin dey cough since yesterday")
    assert opening.startswith(catalogue("en").say("disclaimer.text", number="112"))
    assert (await store.find_case_by_call("SM0001")).triage["language"] == "en"


@pytest.mark.parametrize("language", ["hi", "pcm", "tl"])
def test_the_callers_summary_is_in_the_triages_language_with_the_number_and_the_disclaimer(language):
    from intake.models import TriageResult, Urgency
    from sms.summaries import CaseSummaryInput, caller_summary

    said = catalogue(language)
    for urgency in Urgency:
        text = caller_summary(CaseSummaryInput("TL-1", "+2348031234567", "NG",
                                               TriageResult(urgency=urgency, language=language), "https://x/u/1"))
        assert text.startswith(said.say("summary.recorded", reference="TL-1")) and "112" in text
        assert text.endswith(said.say("summary.disclaimer")) and said.say("summary.photo", url="https://x/u/1") in text
        assert said.say("emergency_note.NG")[1:] in text  # "in some states ... 199", in the same language
