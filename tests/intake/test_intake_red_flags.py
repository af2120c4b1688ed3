"""Red flags: the data table, lay paraphrases, negation, and context rules."""

import pytest

from intake.catalogue import catalogue
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
        assert catalogue("en").has(f"advice.{f.id}") or f.reply == "cpr", f.id


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


# --- the kinds of miss the outside calls found (issue 14), in new words -------------------------------

@pytest.mark.parametrize(
    "text, flag",
    [
        ("there's a crushing weight in the middle of his chest and it's spreading to his arm", "chest_pain"),
        ("it feels like something heavy is sitting on my chest", "chest_pain"),
        ("the pain is squeezing and it has reached her jaw", "chest_pain"),
        ("his mouth has gone crooked and he can barely get his words out", "stroke"),
        ("she suddenly can't lift her right arm", "stroke"),
        ("he is shaking all over and foaming at the mouth", "seizure"),
        ("there is blood all over the floor from his leg", "heavy_bleeding"),
        ("the blood is soaking through every cloth we put on it", "heavy_bleeding"),
        ("he took a whole packet of his sleeping tablets", "overdose_poisoning"),
        ("my son drank the pesticide in the shed", "overdose_poisoning"),
        ("she said she has a plan to kill herself tonight", "suicidal"),
        ("he's not conscious", "unconscious"),
        ("she is not awake and we can't wake her", "unconscious"),
        ("boiling water went over his whole chest and the skin is peeling", "severe_burns"),
        ("my chest dey pain me well well", "chest_pain"),
        ("seene mein bahut dard ho raha hai", "chest_pain"),
        ("hindi makahinga ang lola ko", "breathing_difficulty"),
        ("her lips don swell and she no fit breathe", "anaphylaxis"),
        ("I'm not sure, I think his face is drooping", "stroke"),
    ],
)
def test_lay_hedged_and_code_switched_signs_are_found(text, flag):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "what a stroke of luck, anyway I have a cough",
        "he had a heart attack two years ago, today it is his knee",
        "my father died of a heart attack when I was young",
        "my blood was low in my last pregnancy",
        "what should I do if she starts fitting again?",
        "she had a fit but it stopped and she is talking to me now",
        "his chest is not hurting, it's his wrist",
        "the bleeding has stopped",
        "you nearly gave me a heart attack",
        "my heart is broken since she left",
        "he fell off the roof but he is walking and talking",
        "she fell and hurt herself, her knee is grazed",
    ],
)
def test_history_hypotheticals_idioms_and_mechanisms_are_not_flags(text):
    assert find_red_flags(text) == []


def test_all_over_is_a_place_and_it_is_over_is_an_ending():
    assert "seizure" in find_red_flags("he is twitching all over")
    assert find_red_flags("the fit is all over now, he is sitting up") == []


def test_an_inability_is_a_sign_not_a_denial():
    assert "stroke" in find_red_flags("he can not lift his left arm since this morning, it came on suddenly")
    assert "breathing_difficulty" in find_red_flags("she is not able to breathe properly")


def test_a_passed_stroke_sign_or_given_adrenaline_stays_a_flag():
    assert "stroke" in find_red_flags("her face drooped for ten minutes but it has gone now")
    assert "anaphylaxis" in find_red_flags("his lips swelled up after the peanuts, I used his epipen and it's going down")


def test_stored_major_trauma_ids_still_read():
    assert flag_by_id("major_trauma").id == "serious_injury"
