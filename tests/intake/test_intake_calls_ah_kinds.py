"""Kinds spent set ah's whole calls showed going wrong, in the team's own words (calls `ahc-*` in calls.jsonl).

Tears after a fall asked the harm question (left unanswered, a walker was urgent, not routine); "allo", "aló", "halo",
"a lô" and "I can't hear" in the callers' languages read as answers (a silent call went on to START and RED); Portuguese
and Spanish "vai me matar" / "me va a matar" (someone else's idiom) read as suicidal, while "me voy a matar" (the
caller's own) was missed; a droop "been like that since his stroke in 2020" read as a stroke; a small ladder read as a
fall from height; home-made spirits with sight gone foggy missed as poisoning.
"""

import pytest

from intake.red_flags import find_mechanisms, find_red_flags, harm_cue_said
from intake.understanding import without_line_checks


@pytest.mark.parametrize("said", [
    "he fell from his bicycle in the alley, the knee is scraped, he is crying",
    "nahulog siya sa swing, his elbow is scraped, he is crying",
    "she tripped on the sidewalk, her knees are scraped, she is crying a lot",
    "she slipped at the market and bruised her hip, she is in tears",
])
def test_tears_after_a_fall_ask_no_harm_question(said):
    assert not harm_cue_said(said)


@pytest.mark.parametrize("said", [
    "she is crying all day, she does not talk",
    "she cut her arm, she is crying",  # a cut may be self-harm: asked
    "he fell off the bridge and he is crying",
    "she slipped on the stairs, she is crying, she keeps saying she wants to end it all",
    "She's been crying all week since her exam result, she twisted her ankle on the stairs today",  # tears first
    "she fell last week and she has been crying for days",  # tears told as lasting
])
def test_tears_without_a_fall_or_with_another_cue_still_ask(said):
    assert harm_cue_said(said)


@pytest.mark.parametrize("said", [
    "allo? allo? nothing is coming", "¿aló? no se oye nada", "halo? halo? tidak kedengaran",
    "alô? não estou ouvindo nada", "a lô? a lô? không nghe", "allo? nie słyszę", "alo? nu se aud",
])
def test_hello_and_a_bad_line_in_other_languages_are_no_answer(said):
    assert not without_line_checks(said).strip(" ?,.")


def test_a_line_check_leaves_the_answer_after_it():
    assert "hijo" in without_line_checks("hola, mi hijo se cayó")


@pytest.mark.parametrize("said", [
    "my knee is scraped, and my wife is going to kill me, minha mulher vai me matar, it's her scooter",
    "minha mãe vai me matar se souber", "ele vai me matar", "mi jefe me va a matar", "ella me va a matar si ve el coche",
])
def test_someone_else_going_to_kill_me_is_an_idiom(said):
    assert "suicidal" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "me voy a matar", "ya no puedo más, me voy a matar", "eu vou me matar", "não aguento mais, vou me matar hoje",
    "mi hijo dice que se va a matar", "ele disse que vai se matar", "minha mãe vai me matar, mas eu quero me matar",
])
def test_the_callers_own_kill_myself_in_pt_and_es_flags(said):
    assert "suicidal" in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "his face is crooked on the left, but it's been like that since his stroke in 2020, nothing new",
    "her mouth is drooping on one side, it has been like that since her stroke two years ago",
    "his arm is weak, it has been like that for years",
    "his speech is slurred, it's been like that since 2019",
])
def test_a_sign_since_an_old_stroke_or_for_years_is_baseline(said):
    assert "stroke" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "his face is crooked on the left, it's been like that since he fell",
    "his face is crooked on the left, it's been like that since his stroke last week",
    "his face is crooked, it has been like that since this morning",
    "his face is crooked, it's been like that since his stroke in 2020, but now his arm is also weak",
])
def test_a_sign_since_today_or_with_a_new_one_still_flags(said):
    assert "stroke" in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "he fell from the small ladder fixing the AC in the villa", "she fell off the little ladder in the kitchen",
    "she fell off the little stool reaching the cupboard",
])
def test_a_small_ladder_or_stool_is_no_fall_from_height(said):
    assert "fall_from_height" not in find_mechanisms(said)


@pytest.mark.parametrize("said", ["he fell from the tall ladder", "he fell from the ladder fixing the AC on the roof"])
def test_a_ladder_not_called_small_is_still_a_height(said):
    assert "fall_from_height" in find_mechanisms(said)


@pytest.mark.parametrize("said", [
    "yes... he drank the samogon from the neighbour last night, and now he says he can't see well, it's all foggy",
    "he drank bimber at the wedding yesterday and now everything is blurry",
    "dia minum oplosan tadi malam, now he says he can't see, everything is dark",
    "he drank rượu tự nấu from the village, now he says everything is foggy",
])
def test_home_made_spirits_with_sight_gone_are_poisoning(said):
    assert "overdose_poisoning" in find_red_flags(said)


def test_cannot_see_without_glasses_is_no_sign():
    said = "he drank bimber at the wedding, he's fine, he just can't see without his glasses"
    assert "overdose_poisoning" not in find_red_flags(said, learned=False)
