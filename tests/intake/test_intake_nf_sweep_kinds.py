"""Whole calls with no emergency raised to RED by one misread turn (branch nf-sweep), in the team's own words, with the
close emergencies that must stay flagged.

A fit told as what it was (laughter, a temper; "pitching fits"; Pidgin's crying "like fit catch am"); choked with a
feeling; a fright told as a heart attack or a heart that "cut" at a sight, and the relief of one that "came back"; nearly
passing out with laughter; a collapse the caller says was no faint; a colour from a dye, a sweet or a drink; a little
blood at the sink; a face that "dropped" at news; an overdose of sun or of a selection box; food burnt at the grill;
a blister rubbed up by dancing; sunburn "to a crisp" at the beach; breathing hard from a race just run; a sign word the
caller denies at the end of its phrase ("itchy, not tight") or with no verb ("throat not swelling"); a death dated
back in Caribbean "dead from", and (recall) a sign said now before someone else's past in a later clause; South Asian
and African grandparents and uncles who get no child signs.
"""

import pytest

from intake.red_flags import find_red_flags
from intake.understanding import names_an_adult
from tests.support.dialogue import run_call, scenario_call


@pytest.mark.parametrize("said", [
    "no, the only fit she had was the giggles, she's fine",
    "the fit he had was just temper, he wanted the phone",
    "my auntie was pitching fits at the bus driver and she tripped on the step",
    "the pikin dey cry like fit catch am because I take her biscuit",
    "he was choked up with emotion at the graduation and twisted his ankle on the stage",
    "she's choking with fury at her landlord, she kicked the wall and hurt her toe",
    "I almost gave him a heart attack with the surprise party, he fell off the chair laughing, bruised his elbow",
    "mama nearly had a heart attack at the price of the tomatoes, now she has a headache",
    "his leg dey pain am, my heart jump when I see the blood but e don stop",
    "she squeezed my hand, my heart came back, thank God",
    "we almost died laughing at the wedding and I fell and sprained my wrist",
    "he collapsed on the sofa after the shift, didn't faint, just lay down, his back hurts",
    "her tongue is green but it's from the lolly the shop gave her",
    "his mouth looks purple, cos he was eating jamun from the tree",
    "I'm six months pregnant and there was a bit of blood on the toothbrush this morning",
    "his face dropped when the coach told him he was dropped from the team, he has a sore knee",
    "an overdose of sunshine at the cricket, my neck is red",
    "I overdosed on the advent calendar, tummy ache",
    "the braai smoked the whole street and I burnt all the wors, and a small burn on my thumb",
    "my feet blistered from dancing at the wedding all night",
    "we got fried to a crisp at Bondi, shoulders are sore, a few tiny blisters, I've put aloe on",
    "he's puffing hard from the match but he's talking to me fine, it's his ankle",
    "my nose is runny and my throat is scratchy, not tight",
    "lips fine, throat not swelling, just the rash on his arm",
    "my grandmother dead from stroke years back, I'm only calling about my ankle",
])
def test_a_look_alike_told_in_a_whole_call_raises_no_flag(said):
    assert find_red_flags(said) == [], find_red_flags(said)


@pytest.mark.parametrize(("said", "flag"), [
    ("he's having a fit now, jerking, eyes rolled, it won't stop", "seizure"),
    ("she is choking on a fish bone, she can't cough or talk", "choking"),
    ("he nearly had a heart attack from the fright and now his chest is crushing, going down his left arm", "chest_pain"),
    ("my heart cut when I see am, the blood dey pour, e no gree stop", "heavy_bleeding"),
    ("his lips are blue and he's gasping, it's not from the dye", "breathing_difficulty"),
    ("I'm pregnant and bleeding heavily down below, soaking pads", "pregnancy_emergency"),
    ("her throat is itchy and tight and her lips are swelling after the prawns", "anaphylaxis"),
    ("her lips are not swollen but her throat is closing after the sting", "anaphylaxis"),
    ("he got burnt to a crisp in the kitchen fire, his whole arm and chest", "severe_burns"),
    ("he is breathing hard from the race, gasping, can't speak a sentence", "breathing_difficulty"),
    ("my dad has crushing chest pain now, my mother died of a heart attack years ago", "chest_pain"),
    ("my husband has chest pain right now, his father dead from heart attack long time", "chest_pain"),
    ("she collapsed and she is not waking up, she won't respond", "unconscious"),
])
def test_the_close_emergency_told_in_the_same_words_stays(said, flag):
    assert flag in find_red_flags(said), find_red_flags(said)


@pytest.mark.parametrize("who", ["my nani", "my dadi ji", "my chacha", "my gogo", "my ouma", "my bibi", "our mzee"])
def test_a_grandparent_or_uncle_named_in_a_regional_word_is_a_grown_up(who):
    assert names_an_adult(who)


@pytest.mark.parametrize("who", ["my baby", "my daughter", "my pikin", "anak ko"])
def test_a_child_named_stays_no_grown_up(who):
    assert not names_an_adult(who)


_GREEN = {"start_category": "GREEN", "urgency": "routine", "red_flags": []}


def test_a_fright_and_a_laughing_fit_told_across_a_whole_call_stay_green():
    call = scenario_call("nf-fright-fit", {
        "who": "my wife", "complaint": "she slipped on the wet floor of the market and hurt her wrist, she nearly had a "
        "heart attack from the shock", "danger_signs": "no, none, the only fit she had was laughing at herself after",
        "harm": "no", "age": "forty", "walk": "yes, she's walking about", "duration": "half an hour",
        "severity": "four", "medications": "none", "allergies": "none"}, _GREEN, caller="+2348035551999")
    record, wrong = run_call(call)
    assert not wrong, wrong


def test_a_grandmother_with_cold_hands_gets_no_child_sign():
    call = scenario_call("nf-nani-cold", {
        "who": "my nani", "complaint": "nani slipped in the courtyard, she can't stand, her hands are very cold",
        "danger_signs": "no, she is talking", "harm": "no", "age": "seventy-nine", "walk": "no",
        "breathing": "yes", "resp_count": "four", "perfusion": "yes", "pulse": "yes", "commands": "yes",
        "duration": "an hour", "severity": "six", "medications": "none", "allergies": "none"},
        {"start_category": "YELLOW", "red_flags": []}, caller="+919811551999")
    record, wrong = run_call(call)
    assert not wrong, wrong


@pytest.mark.parametrize(("said", "want"), [
    ("yes, she's walking, she went back to the kitchen to stir the pot", "yes"),
    ("yes he went back home on his own feet", "yes"),
    ("she got up and went back inside", "yes"),
    ("she tried to stand and went straight back down", "no"),
])
def test_going_back_somewhere_is_a_walk_and_going_back_down_the_fall(said, want):
    from intake.prompts import PROMPTS
    from intake.understanding import parse_yes_no
    p = PROMPTS["walk"]
    assert parse_yes_no(said, keywords=p.keywords, yes_phrases=p.yes_phrases, no_phrases=p.no_phrases,
                        unsure_phrases=p.unsure_phrases) == want


@pytest.mark.parametrize("said", [
    "oh no, grandma's pills are scattered on the carpet and some are missing",
    "the blister packs are torn open on the floor, a few are gone, he's two",
    "the bottle of iron tablets was left open on the table, three are missing",
])
def test_medicines_found_open_with_some_gone_is_a_poisoning(said):
    assert "overdose_poisoning" in find_red_flags(said), find_red_flags(said)


@pytest.mark.parametrize("said", [
    "his tablets are open but none are missing, I counted them all",
    "the packet of biscuits is open, half the biscuits are gone",
    "the tablets are open on the side, all of them are there",
])
def test_an_open_pack_with_nothing_gone_or_no_medicine_is_no_poisoning(said):
    assert "overdose_poisoning" not in find_red_flags(said), find_red_flags(said)


@pytest.mark.parametrize("said", [
    "the motor stopped breathing on the hill, it was choking on the cheap petrol, and I hurt my wrist pushing it",
    "the generator just stopped breathing, bad diesel, I twisted my ankle kicking it",
    "I lifted the sack of cement, now my lower back is on fire, can't stand straight",
    "my knees are on fire after the stairs at the temple",
    "my waist dey burn like pepper since I carry the bag of rice",
])
def test_a_machine_or_a_pain_told_in_a_sign_s_words_raises_no_flag(said):
    assert find_red_flags(said) == [], find_red_flags(said)


@pytest.mark.parametrize(("said", "flag"), [
    ("the generator stopped and my father is not breathing, he's blue", "not_breathing"),
    ("he is choking on the petrol he was siphoning, he can't breathe", "choking"),
    ("his back is on fire, the petrol caught his shirt, the skin is peeling off", "severe_burns"),
    ("my chest is on fire and tight, going down my left arm", "chest_pain"),
])
def test_the_machine_s_or_the_pain_s_emergency_twin_stays(said, flag):
    assert flag in find_red_flags(said), find_red_flags(said)


@pytest.mark.parametrize("said", [
    "no, no drooping of the face or slurring or anything like that, just my ankle",
    "none of those, no bleeding or swelling of the lips, he's just got a rash",
    "everybody in Lagos says we can't breathe in this heat, it's only a saying, she has a headache",
])
def test_a_denied_list_and_a_saying_raise_no_flag(said):
    assert find_red_flags(said) == [], find_red_flags(said)


@pytest.mark.parametrize(("said", "flag"), [
    ("he is not breathing or moving", "not_breathing"),
    ("no, but now his face is drooping and he's slurring", "stroke"),
    ("I can't breathe in this heat, I'm gasping and my lips are going blue", "breathing_difficulty"),
    ("we can't breathe in this smoke, he's coughing and gasping", "breathing_difficulty"),
])
def test_the_list_s_and_the_saying_s_emergency_twin_stays(said, flag):
    assert flag in find_red_flags(said), find_red_flags(said)


def test_the_medicines_no_is_read_as_no_sign():
    assert find_red_flags("Nothing, he's not on any medication.", standing=True) == []


@pytest.mark.parametrize("said", [
    "no, she says she wants to live to see her grandchildren, she took nothing",
    "no o, papa hopes to live to a hundred, he only has malaria",
])
def test_a_wish_to_live_on_is_no_self_harm(said):
    assert find_red_flags(said) == [], find_red_flags(said)


@pytest.mark.parametrize("said", [
    "he says he doesn't want to live to see tomorrow",
    "I don't want to live to see another morning",
])
def test_not_wanting_to_live_on_stays_self_harm(said):
    assert "suicidal" in find_red_flags(said), find_red_flags(said)


@pytest.mark.parametrize("said", [
    "the old washing machine was jumping like it had a fit and it tipped onto my foot",
    "my heart is crushed with worry over the school fees, and my wrist hurts from the fall",
    "this landlord will give me a heart attack one day, today it's my back",
])
def test_a_machine_s_fit_and_a_worried_heart_raise_no_flag(said):
    assert find_red_flags(said) == [], find_red_flags(said)


@pytest.mark.parametrize(("said", "flag"), [
    ("he is shaking like he's having a fit, jerking, his eyes rolled back", "seizure"),
    ("my chest is squeezed, crushing, going down to my arm", "chest_pain"),
])
def test_the_shaking_and_the_squeeze_said_of_the_patient_stay(said, flag):
    assert flag in find_red_flags(said), find_red_flags(said)


@pytest.mark.parametrize("said", [
    "mi hija, le dio un ataque de risa at the party and she slipped on the wet floor",
    "no chest pain at all, the heart attack thing was just a saying, about the rent",
    "yes he's breathing, panting like everyone up here at the pass",
])
def test_a_laughing_fit_in_spanish_a_joke_and_the_altitude_s_puffing_raise_no_flag(said):
    assert find_red_flags(said) == [], find_red_flags(said)


@pytest.mark.parametrize(("said", "flag"), [
    ("she's allergic to prawns and her throat closes up, she can't swallow", "anaphylaxis"),
    ("he is panting like all of us, but his lips are blue and he can't talk", "breathing_difficulty"),
])
def test_an_inability_and_a_sign_beside_the_look_alike_stay(said, flag):
    assert flag in find_red_flags(said), find_red_flags(said)
