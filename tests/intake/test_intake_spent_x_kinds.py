"""Kinds spent set x showed on whole calls (2026-12-06), in the team's own words: a harm question never asked after
despair said without a means, or asked after a jump off a bus; a small child chewing someone's tablets told at the
medicines question; a fit dated at a moment gone by; idioms of crying, shaking and drink."""

import pytest

from intake.red_flags import find_red_flags, harm_cue_said


@pytest.mark.parametrize("said", ["honestly I'm tired of living", "she says she can't go on like this",
                                  "I don't see the point any more", "he's sick of it all, he says it's pointless"])
def test_despair_without_a_means_asks_the_harm_question(said):
    assert harm_cue_said(said)


@pytest.mark.parametrize("said", ["I jumped off the bus and twisted my knee", "the horse jumped and she came off",
                                  "he jumped off the bed and landed on his wrist", "she's tired of waiting for the doctor"])
def test_an_everyday_jump_or_weariness_is_no_harm_cue(said):
    assert not harm_cue_said(said)


@pytest.mark.parametrize("said", ["he jumped from the balcony", "she said she'll jump off the bridge", "I jumped off the roof"])
def test_a_jump_from_a_height_is_still_a_cue(said):
    assert harm_cue_said(said)


@pytest.mark.parametrize("said", [
    "no medicines for her, oh wait, her grandad's heart pills are open on the floor and she's got white bits in her mouth, "
    "she's been chewing them",
    "he's been sucking on his nan's tablets, there's powder round his mouth",
])
def test_someones_tablets_in_a_patients_mouth_is_poisoning(said):
    assert "overdose_poisoning" in find_red_flags(said, standing=True)


@pytest.mark.parametrize("said", ["the fit was three hours ago", "her seizure was this morning", "the fit was earlier on"])
def test_a_fit_dated_at_a_moment_gone_by_is_over(said):
    assert find_red_flags(said) == []


@pytest.mark.parametrize("said", ["the fit was an hour ago and she still hasn't woken up",
                                  "the fit was ten minutes ago and he's still jerking"])
def test_a_dated_fit_with_the_patient_not_back_still_flags(said):
    assert find_red_flags(said)


@pytest.mark.parametrize("said", ["my toddler has screaming fits when he's tired and he banged his head on the table",
                                  "she had a coughing fit and spilled her tea on her hand, a small red patch",
                                  "I'm shaking like a leaf after the crash but I'm walking", "he's dead drunk and sprained his ankle"])
def test_idioms_of_crying_shaking_and_drink_are_no_sign(said):
    assert find_red_flags(said) == []


@pytest.mark.parametrize("said", ["he's fitting, his whole body is shaking", "she's drunk and she isn't breathing"])
def test_the_signs_beside_those_idioms_still_flag(said):
    assert find_red_flags(said)


@pytest.mark.parametrize("said", ["my grandpa nor de breathe at all", "the baby nor dey breathe o"])
def test_no_dey_as_people_spell_it(said):
    assert "not_breathing" in find_red_flags(said)


@pytest.mark.parametrize("said", ["his chest gets tight in the cold like always, he wants a new inhaler",
                                  "she snores and stops breathing for a bit at night as usual, the machine helps"])
def test_a_baseline_said_as_like_always_is_no_sign(said):
    assert find_red_flags(said) == []


@pytest.mark.parametrize("said", ["he says he wants 2 die", "she's going 2 end it all tonight"])
def test_to_texted_as_a_digit(said):
    assert "suicidal" in find_red_flags(said)


def test_a_number_after_a_verb_stays_a_number():
    assert find_red_flags("he took 2 paracetamol for his headache, he's fine") == []


@pytest.mark.parametrize("said", [
    "my wife is seven months pregnant with our second baby. She's on the floor now and her arms and legs are jerking",
    "she's expecting her first child and there's blood everywhere, it won't stop",
])
def test_the_baby_a_pregnancy_carries_is_no_child_patient(said):
    found = find_red_flags(said)
    assert "pregnancy_emergency" in found and "child_danger_signs" not in found


def test_a_born_baby_beside_a_pregnancy_keeps_its_own_signs():
    assert "child_danger_signs" in find_red_flags("I'm pregnant, and my baby son, he's one, is fitting and won't stop")
