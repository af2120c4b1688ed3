"""Kinds spent set ad's whole calls showed going wrong (issue 14), in the team's own words.

Nigerian Pidgin's "I don't know" ("I no know", "I no sabi") read as a plain no; the harm question asked of a child crying
from a hurt, or of a caller who jumped out of a vehicle's way; an animal's blood taken back as the look-alike it is; a
caller who is the patient telling of someone else's death beside their own hurt; a near miss read as a mechanism, and a
crash told with Pidgin's bare verb or in a jeep missed; a "none" to the medicines corrected in the same breath.
"""

import pytest

from intake.dialogue import Dialogue
from intake.models import Category
from intake.red_flags import find_mechanisms, find_red_flags, harm_cue_said
from intake.understanding import names_someone_else, parse_avpu, parse_yes_no, sign_said_again, taken_back
from tests.support.dialogue import dialogue_after, speak


# --- 1. Pidgin's "I don't know" is doubt, never a no -------------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "I no know",
    "I no know o",
    "me I no know, I never check am",
    "I no sabi",
    "I no too sure",
    "we no fit tell from here",
])
def test_a_pidgin_dont_know_is_unsure(said):
    assert parse_yes_no(said) == "unsure"


@pytest.mark.parametrize("said", [
    "No, I no see any blood",
    "e no fit waka",
    "no, she no dey shake",
])
def test_a_pidgin_no_before_another_verb_stays_a_no(said):
    assert parse_yes_no(said) == "no"


@pytest.mark.parametrize("said", [
    "him hand move small when I squeeze am, but I no know if na him dey feel am",
    "she turn when I press her arm, me I no sabi if she dey pull am back",
])
def test_a_response_the_caller_cannot_read_in_pidgin_is_no_avpu_level_yet(said):
    assert parse_avpu(said) is None


def test_pidgin_dont_know_at_the_breathing_steps_is_never_black():
    d = dialogue_after("my uncle", "the wall wey dem dey build fall on am", "No", "fifty", "No",
                       region="NG", channel="text", awaiting="breathing")
    speak(d, "I no know", "I no know", "I no know", "I no know", "I no know", "I no know")
    assert d.result.start_category == Category.RED
    assert "breathing" in d.result.assumed


def test_pidgin_dont_know_at_the_danger_signs_is_asked_again_and_a_yes_then_counts():
    d = dialogue_after("my mama", "she fall for bathroom, she dey groan", region="NG", channel="text",
                       awaiting="danger_signs")
    speak(d, "I no know, make I check")
    assert d.awaiting == "danger_signs"
    reply = speak(d, "yes o")
    assert reply.finished and d.result.red_flags


# --- 2. the harm question's cues ------------------------------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "she tripped at the school gate, now she's crying for her elbow",
    "he is crying from the pain in his ankle",
    "the little one is crying in pain after the door caught his fingers",
    "she keeps crying because it hurts when she moves her leg",
    "he fell off the slide and is crying for his mummy",
    "a tricycle came too fast so I jumped aside and fell on the kerb",
    "I jumped out of the way of the lorry and twisted my foot",
    "jeep wan jam am, e jump comot for road, e fall",
])
def test_a_hurt_childs_crying_or_a_jump_out_of_a_vehicles_way_is_no_harm_cue(said):
    assert not harm_cue_said(said)


@pytest.mark.parametrize("said", [
    "she's been crying for days and won't leave her room",
    "he keeps crying and saying nobody needs him",
    "he's crying and holding his tummy, I found the bottle open",
    "she said she will jump from the flyover",
    "he jumped out of the third floor window",
])
def test_despair_a_possible_swallow_or_a_jump_from_a_height_still_asks(said):
    assert harm_cue_said(said)


def test_a_child_crying_from_a_sore_wrist_goes_to_start_without_the_harm_question():
    d = dialogue_after("my student", "she fell in the playground and is crying for her wrist", region="PH",
                       channel="text", awaiting="danger_signs")
    speak(d, "no, none of those")
    assert d.awaiting == "age"


# --- 3. an animal's blood taken back --------------------------------------------------------------------------------


@pytest.mark.parametrize("said", [
    "his apron is soaked in blood! no, sorry, it's the goat's blood, he slipped at the abattoir and hurt his hip",
    "blood all over her hands, oh, it's just the fish blood from the stall, she twisted her knee",
    "there's blood on his shirt, no wait, na cow blood, he dey cut meat, he fall for the slab",
])
def test_an_animals_blood_taken_back_does_not_end_the_call(said):
    d = dialogue_after("my neighbour", channel="text", region="NG", awaiting="complaint")
    speak(d, said)
    assert not d.result.red_flags and d.awaiting == "danger_signs"


@pytest.mark.parametrize("said", [
    "blood everywhere, no, it's the chicken blood, but his thumb is sliced open and it won't stop pouring",
    "he's choking! oh no, it's the fish bone, it's stuck in his throat",
    "there's blood all over, oh, it's his blood, from his head",
])
def test_a_cut_said_after_the_animal_or_a_cause_that_is_no_stain_keeps_the_flag(said):
    d = dialogue_after("my cousin", channel="text", region="PH", awaiting="complaint")
    reply = speak(d, said)
    assert d.result.red_flags and reply.finished


def test_the_look_alikes_own_blood_and_work_are_not_the_sign_said_again():
    back = taken_back("her hands are red with blood, no, it's the fish blood, she was gutting the fish")
    assert back is not None and not sign_said_again("heavy_bleeding", back)


@pytest.mark.parametrize("said", [
    "no, the blood is from the chicken we slaughtered",
    "none, that blood is all from the goat",
    "no o, the blood na from the fish, e no be him own",
])
def test_an_animals_blood_named_at_the_danger_signs_is_no_heavy_bleeding(said):
    assert "heavy_bleeding" not in find_red_flags(said)


def test_a_patients_blood_that_will_not_stop_is_still_heavy_bleeding():
    assert "heavy_bleeding" in find_red_flags("the blood is from his scalp and it just keeps pouring")


# --- 4. a caller who is the patient, another's death beside their own hurt ---------------------------------------------


@pytest.mark.parametrize("said", [
    "the van flipped on the bridge, the conductor died, my shin is cut",
    "our tricycle hit a post, the old man next to me passed away, my shoulder is bruised",
    "trailer jam our bus, one woman don die, my hand dey pain me",
])
def test_a_self_callers_own_hurt_keeps_them_the_patient_beside_a_death(said):
    assert not names_someone_else(said)


def test_a_self_caller_then_someone_elses_hurt_is_someone_else():
    assert names_someone_else("my son fell off the roof of the shed, his leg is twisted")


def test_a_self_caller_in_a_crash_where_someone_died_walks_and_is_green_with_the_mechanism():
    d = dialogue_after("myself", "the bus went off the road, the driver died, my arm is scraped", "no", "thirty",
                       "yes I'm walking", region="PH", channel="text")
    assert d.result.who == "self" and d.result.start_category == Category.GREEN and d.result.mechanism


# --- 5. mechanisms: a near miss, Pidgin's bare verb, a jeep ----------------------------------------------------------


@pytest.mark.parametrize("said", [
    "a bus almost hit my father at the junction, he stumbled back and hurt his wrist",
    "the motorbike nearly knocked her down, she fell on the pavement",
    "keke wan jam me for roundabout, I fall inside gutter",
    "she almost fell off the roof but caught the railing",
])
def test_a_near_miss_is_no_mechanism(said):
    assert find_mechanisms(said) == []


@pytest.mark.parametrize("said", [
    "a jeepney nearly hit him, then a speeding truck hit him when he stepped back",
    "he fell almost four metres from the scaffold",
    "one motor wey dey run knock my uncle down for express",
    "a speeding jeep hit my brother on the national highway",
])
def test_a_crash_that_happened_is_a_mechanism(said):
    assert find_mechanisms(said)


def test_a_head_knocked_on_a_door_is_no_mechanism():
    assert find_mechanisms("I knock my head for the door of the shop") == []


# --- 6. a "none" to the medicines, corrected in the same breath ----------------------------------------------------------


def test_a_none_to_the_medicines_corrected_after_is_kept_as_said():
    d = dialogue_after("my son", "he fell from the bench and bumped his knee", "no", "ten", "yes", "ten minutes",
                       "three", region="IN", channel="text", awaiting="medications")
    speak(d, "none, oh wait, he takes an inhaler at night")
    assert d.result.medications != "none" and "inhaler" in d.result.medications


def test_a_plain_none_to_the_medicines_is_none():
    d = dialogue_after("my son", "he fell from the bench and bumped his knee", "no", "ten", "yes", "ten minutes",
                       "three", region="IN", channel="text", awaiting="medications")
    speak(d, "none")
    assert d.result.medications == "none"
