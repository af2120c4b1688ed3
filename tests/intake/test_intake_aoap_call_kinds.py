"""Kinds spent sets ao and ap's whole calls showed going wrong (issue 14), in the team's own words.

A child found "by the stove" was read as burnt (a place, not a burn), so a poisoning told at the harm question was
recorded as a burn; hands or a face "blue from the indigo", and "the blue is only the dye" at the danger-sign question,
were read as cyanosis, so a no-flag call went to the emergency number; "fell through the rotten floorboards" was read as
a fall from a height ("floor" matched the start of "floorboards"); a taxi "coming very fast on <a road> hit him" was no
pedestrian struck (too many words between the vehicle and the blow); a caller who said "me, myself" and told of a
colleague dead in the passenger seat was made "someone else", the crash's death taken for the patient.
"""

import pytest

from intake.red_flags import find_mechanisms, find_red_flags, without_crash_deaths
from intake.understanding import names_someone_else
from tests.support.dialogue import run_call, scenario_call


CALLER = "+27821230000"


def _call(call_id: str, answers: dict, expect: dict, default: str = "I don't know") -> dict:
    return scenario_call(call_id, answers, expect, caller=CALLER, default=default)


# --- 1. A place beside a stove, a fire or a heater is no burn --------------------------------------------------------

@pytest.mark.parametrize("said", [
    "my little girl is coughing and crying, I found her at the back by the stove",
    "the baby was sitting by the heater and now he keeps vomiting, his back is wet",
    "nakita ko siya sa likod, by the stove, umuubo siya, he's crying a lot",
    "ngimthole ngemuva by the imbaula, she's coughing, her whole body is shaking from crying",
    "he was playing on the floor by the cooker and now he won't stop coughing, his chest sounds rough",
])
def test_a_child_found_by_the_stove_is_not_burnt(said):
    assert "severe_burns" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "she got burnt by the stove, her whole back is blistered",
    "the pot on the stove tipped over, his chest and belly are scalded",
    "he fell against the heater, the skin on his back is peeling off",
])
def test_a_burn_from_the_stove_is_still_a_burn(said):
    assert "severe_burns" in find_red_flags(said)


def test_a_poisoning_told_at_the_harm_question_after_a_child_by_the_stove_is_recorded_as_a_poisoning():
    call = _call("aoap-stove-paraffin", {
        "who": "my grandson, he's three", "who_confirm": "no, the boy",
        "complaint": "he's coughing and coughing, I found him in the kitchen by the stove",
        "danger_signs": "no, he's crying, nothing like that",
        "harm": "yes, the paraffin bottle was open next to him, he drank from it"},
        {"start_category": "RED", "urgency": "emergency", "red_flags": ["overdose_poisoning"], "protocol": None})
    record, wrong = run_call(call)
    assert "harm" in [t["prompt_id"] for t in record["turns"]]
    assert wrong == []


# --- 2. A colour a dye, an ink or henna explains is no cyanosis ------------------------------------------------------

@pytest.mark.parametrize("said", [
    "she slipped at the dyeing shed, her hands and face are all blue from the indigo",
    "his fingers are blue with ink from the printer, he cut his thumb on the paper tray",
    "my daughter's hands are purple from the henna, she twisted her ankle at the party",
    "tangan dia biru from the batik dye, she bumped her head on the vat",
    "no, the blue is only the dye, she's talking and breathing normal",
    "no, that colour is just from the ink, he's chatting away",
])
def test_a_colour_the_caller_explains_by_a_dye_is_not_cyanosis(said):
    assert "breathing_difficulty" not in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "her lips went blue from the cold water and she's struggling to breathe",
    "his hands are blue with henna and he can't get his breath",
    "his face is blue from the dye and he's gasping",
    "the blue is his lips, he can't breathe",
    "his lips are blue, and it's not from the juice",
])
def test_a_blue_still_told_with_a_breathing_sign_or_not_explained_is_heard(said):
    assert "breathing_difficulty" in find_red_flags(said)


def test_a_dyer_blue_from_the_vat_who_walks_is_green_and_never_flagged():
    call = _call("aoap-dye-walks", {
        "who": "one of the women at our dye works", "who_confirm": "no, my worker",
        "complaint": "she tripped on the hose by the dye vat and hurt her wrist, her arms and face are blue from the indigo",
        "danger_signs": "no, the blue is only the dye, she's talking fine",
        "age": "thirty-five", "walk": "yes, she walked to the tap to wash",
        "duration": "ten minutes", "severity": "three", "medications": "none", "allergies": "none", "photo": "yes"},
        {"start_category": "GREEN", "urgency": "routine", "red_flags": [], "protocol": "START"})
    assert run_call(call)[1] == []


# --- 3. Floorboards are no height ------------------------------------------------------------------------------------

@pytest.mark.parametrize("said", [
    "he fell through the rotten floorboards in the shed, his foot went down the hole",
    "my mum's leg went through the floorboard in the storeroom, she fell through the old floorboards up to her knee",
])
def test_a_foot_through_the_floorboards_is_no_fall_from_height(said):
    assert "fall_from_height" not in find_mechanisms(said)


@pytest.mark.parametrize("said", [
    "she fell through the floor of the upstairs room onto the kitchen table",
    "he fell off the roof of the storeroom, four metres",
])
def test_a_fall_through_an_upper_floor_or_off_a_roof_is_still_one(said):
    assert "fall_from_height" in find_mechanisms(said)


# --- 4. A moving vehicle told, then hitting someone, is a pedestrian struck -------------------------------------------

@pytest.mark.parametrize("said", [
    "a taxi coming very fast along the Old Potch Road hit him and he landed on the pavement",
    "a kombi racing past the rank in town knocked the old man down",
    "the van driving round the corner near the spaza hit my daughter",
    "a jeepney speeding down the national highway ran over my cousin",
])
def test_a_moving_vehicle_told_then_hitting_someone_is_a_pedestrian_struck(said):
    assert "pedestrian_struck" in find_mechanisms(said)


@pytest.mark.parametrize("said", [
    "a car coming slowly out of the parking bumped his leg",
    "the bakkie was reversing slowly out of the yard and hit her shin",
])
def test_a_slow_vehicle_is_no_pedestrian_struck(said):
    assert "pedestrian_struck" not in find_mechanisms(said)


def test_a_pedestrian_struck_by_a_fast_taxi_who_cannot_walk_is_yellow_with_the_mechanism():
    call = _call("aoap-taxi-pedestrian", {
        "who": "a lady on the road, I don't know her", "who_confirm": "no, I'm just passing",
        "complaint": "a minibus taxi coming very fast down the Main Reef Road hit her and drove off",
        "danger_signs": "no, no blood, she's talking to me", "age": "maybe forty",
        "walk": "no, she can't get up", "breathing": "yes", "resp_count": "five", "pulse": "yes",
        "perfusion": "yes", "commands": "yes, she squeezed"},
        {"start_category": "YELLOW", "urgency": "urgent", "red_flags": [], "mechanism": True, "protocol": "START",
         "respiratory_rate": 20}, default="Angazi")
    assert run_call(call)[1] == []


# --- 5. A death in the caller's own crash does not make someone else the patient -------------------------------------

@pytest.mark.parametrize("said", [
    "our van crashed into a truck on the highway, my colleague in the passenger seat died, I'm standing by the road",
    "we hit a bus, my cousin in the back seat died, I climbed out",
    "the jeepney overturned, the man beside me in the jeepney died, I only have cuts",
])
def test_a_death_in_the_callers_own_crash_is_not_the_patient(said):
    assert names_someone_else(said)  # it names someone, as before ...
    assert not names_someone_else(without_crash_deaths(said))  # ... but only the crash's dead


@pytest.mark.parametrize("said", [
    "the taxi rolled, the driver died, and my sister is trapped in the back",
    "we crashed, my brother in the front seat died, no wait he is moving",
    "my husband collapsed and died in the kitchen",
])
def test_someone_else_still_named_or_alive_stays_someone_else(said):
    assert names_someone_else(without_crash_deaths(said))


def test_a_self_caller_whose_colleague_died_in_the_crash_stays_the_patient_and_walks_green():
    call = _call("aoap-self-crash-death", {
        "who": "me, myself", "who_confirm": "yes, it's me",
        "complaint": "our pickup hit a camel on the desert road, my friend in the passenger seat died, I'm outside the car",
        "danger_signs": "no, none, only my shoulder hurts", "age": "forty",
        "walk": "yes, I walked around the car", "duration": "half an hour", "severity": "four",
        "medications": "none", "allergies": "none", "photo": "yes"},
        {"start_category": "GREEN", "urgency": "routine", "red_flags": [], "mechanism": True, "who": "self",
         "protocol": "START"}, default="tidak tahu")
    assert run_call(call)[1] == []
