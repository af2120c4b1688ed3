"""Red flags: the data table, lay paraphrases, negation, and context rules."""

import pytest

from intake.red_flags import find_red_flags, flag_by_id, load_red_flags

REQUIRED_IDS = {
    "chest_pain", "stroke", "breathing_difficulty", "choking", "heavy_bleeding", "serious_injury", "seizure",
    "unconscious", "anaphylaxis", "suicidal", "overdose_poisoning", "pregnancy_emergency", "child_danger_signs",
    "severe_burns", "not_breathing",
}


def test_table_has_every_flag_with_source_and_what_to_do():
    flags = load_red_flags()
    assert {f.id for f in flags} == REQUIRED_IDS
    for f in flags:
        assert f.source and f.label and (f.phrases or f.rules)
        assert f.advice or f.reply == "cpr", f.id


@pytest.mark.parametrize(
    "text, flag",
    [
        ("My chest is paining me.", "chest_pain"),
        ("He is clutching his chest and sweating", "chest_pain"),
        ("Her face is drooping on one side.", "stroke"),
        ("He's gasping for air", "breathing_difficulty"),
        ("The baby is blue", "breathing_difficulty"),
        ("He is choking!", "choking"),
        ("The blood is pouring out and it won't stop.", "heavy_bleeding"),
        ("He was stabbed in the belly", "serious_injury"),
        ("He got shot", "serious_injury"),
        ("I don't know if he's having a fit", "seizure"),
        ("She fainted and is not waking up", "unconscious"),
        ("Her tongue is swollen", "anaphylaxis"),
        ("I am going to end it all", "suicidal"),
        ("My child swallowed a battery", "overdose_poisoning"),
        ("The baby is not feeding", "child_danger_signs"),
        ("He got electrocuted", "severe_burns"),
        ("My baby is not breathing", "not_breathing"),
    ],
)
def test_paraphrases_are_found(text, flag):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "no chest pain", "I don't have chest pain", "the bleeding has stopped", "he is not having a fit",
        "There is no swelling in my mouth", "he has not had any seizures", "the fit is over and he is talking",
        "he had a seizure but it stopped", "she does not have any chest pain or trouble breathing",
        "I am a bit short of breath when I climb stairs", "she has food poisoning", "he is fit and well",
        "my son got a flu shot and has a sore arm", "he drank a lot of water", "he is not breathing well",
    ],
)
def test_negated_and_benign_mentions_are_not_flags(text):
    assert "not_breathing" not in find_red_flags(text)
    if text != "he is not breathing well":
        assert find_red_flags(text) == []


def test_not_breathing_well_is_difficulty_not_arrest():
    assert find_red_flags("he is not breathing well") == ["breathing_difficulty"]


def test_a_mention_negated_in_another_clause_still_counts():
    assert find_red_flags("No, he has chest pain") == ["chest_pain"]
    assert "not_breathing" in find_red_flags("he is not moving and not breathing")


def test_pregnancy_needs_the_pregnancy_context_which_may_come_earlier():
    assert find_red_flags("she is bleeding") == []
    assert find_red_flags("she is bleeding", context="my wife is pregnant") == ["pregnancy_emergency"]


def test_child_signs_are_silenced_only_for_a_known_older_patient():
    assert find_red_flags("he is very sleepy", child=None) == ["child_danger_signs"]
    assert find_red_flags("he is very sleepy", child=True) == ["child_danger_signs"]
    assert find_red_flags("he is very sleepy", child=False) == []


def test_flag_lookup():
    assert flag_by_id("not_breathing").reply == "cpr"
    with pytest.raises(KeyError):
        flag_by_id("nope")
