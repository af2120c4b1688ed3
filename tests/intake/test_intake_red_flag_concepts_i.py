"""Red flags by kind of failure, seventh round: the kinds found by sorting every miss and false flag of the blind
set of author i (intake/corpus/blind_i_*.jsonl, spent on 2026-12-03, branch clin-i), in text and as Whisper heard
it, each fixed at the level of its concept.

Every sentence here was written for these tests, none copied from a corpus: passing them says a fix reaches
words it was not tuned on. Each kind has its emergencies and its benign look-alikes side by side. Misses that were
only a missing word of another language (Tok Pisin, Krio, Swahili, Malay) are left to intake/codeswitch.tsv; the
grammar those languages bring ("chest not go up") is here.
"""

from intake.red_flags import find_mechanisms, find_red_flags
from tests.support.red_flag_kinds import kind_tests

FOUND = [
    # A death rattle that stops and leaves the patient quiet.
    ("not_breathing", "mum had been making that gurgly breathing all night and she's stopped it, now she's very still"),
    ("not_breathing", "he stopped the rattling breath a minute ago and now he's gone silent"),
    # A breath check with something light at the nose that does not move.
    ("not_breathing", "I put a tissue under her nose and it doesn't move at all"),
    ("not_breathing", "held a strand of hair by grandad's lips and it isn't fluttering"),
    # Pidgin grammar: the verb without -ing.
    ("not_breathing", "my papa chest not go up and down, he is grey"),
    # A plan the patient announced is not a hypothetical sign.
    ("not_breathing", "she said she would have a nap on the sofa and now she's not breathing"),
    # Sudden confusion: not knowing a close relative, well within the hour.
    ("stroke", "my husband all of a sudden doesn't recognise me, he keeps asking who I am"),
    ("stroke", "dad was fine twenty minutes ago and now he can't follow anything I say to him"),
    # Eating, then silent with a squeak and a flapping hand; "hang for throat".
    ("choking", "she was chewing her sandwich and went all quiet, flapping her arms and making a squeaky noise"),
    ("choking", "grandpa is eating his dinner and clutching his throat"),
    ("choking", "the fish bone don hang for her throat, she no fit talk"),
    # Water gone red; blood all down the legs.
    ("heavy_bleeding", "I went in and the toilet water has turned bright red and she's dizzy"),
    ("heavy_bleeding", "he came off his bike and there's blood all down his legs"),
    ("pregnancy_emergency", "she's six months pregnant and the water in the bath has gone red"),
    # A fall told as going down head first, muddled after it.
    ("serious_injury", "my wife tumbled down the stairs head first and now she's muddled and doesn't know where she is"),
    # A kettle or pan pulled over a child.
    ("severe_burns", "the baby pulled the pan of boiling water over himself, it's down his chest and tummy"),
    ("severe_burns", "my son knocked the kettle onto his legs and the skin is peeling"),
    # A usual fit that has gone on past five minutes.
    ("seizure", "it's one of her normal seizures but it has gone on over ten minutes and she's not coming round"),
    # A shake given, and no getting up.
    ("unconscious", "I've given her a good shake and she won't get up off the floor"),
    # Two farewells together; searching how much it takes; self-cutting with a blade, deep.
    ("suicidal", "my brother gave away his guitar and his records and said this is the last time we'll see him"),
    ("suicidal", "I saw on her laptop she googled how many sleeping pills it takes to die"),
    ("suicidal", "he's been slicing his arms with a blade and one of the cuts is gaping"),
    # A single packet found empty; dip with its poisoning signs; home-made spirits with failing sight.
    ("overdose_poisoning", "the box of ibuprofen is empty and he took a fresh one this morning"),
    ("overdose_poisoning", "he was dipping the sheep all morning, now he's drooling and his pupils are pinpoint"),
    ("overdose_poisoning", "they were drinking moonshine at the party and now he says everything is blurry"),
    # Pregnancy said as "carrying".
    ("pregnancy_emergency", "my daughter is carrying, eight months, and the pain in her belly is unbearable"),
    # Skin going in under the ribs of a breathing baby.
    ("breathing_difficulty", "his breathing is so quick and the skin below his ribs is going in"),
    # A silent cough (a set f line the retrained reader no longer carried; the rules now do).
    ("choking", "he keeps trying to cough but no sound is coming out"),
    ("choking", "there's a bit of apple stuck around the back of his throat and he can't breathe"),
]

NOT_FLAGGED = [
    # Shaking a numb limb back to life.
    "my leg went dead sitting on the loo, I shook it for a bit and it's fine now",
    # Someone else's past, then the caller's own question.
    "my aunt collapsed at the airport last month, but I'm asking about my own ankle",
    "my neighbour bled a lot after his tooth came out, I'm asking for myself about a cough",
    # A wound healing; a bone in food.
    "the gash on his knee was quite deep but it was stitched on Monday and it's healing well",
    "there's a bone sticking out of the fish I'm cooking, do I take it out first?",
    # Swelling explained by a knock.
    "my top lip is swollen because I banged it on the cupboard",
    # A blister from footwear or work.
    "got a massive blister from my new trainers on the hike",
    # An animal giving birth bleeds.
    "the ewe is lambing and there's a lot of blood, who do I phone?",
    # Look-alikes of the widenings.
    "I put the kettle on and my back is aching from the garden",
    "my nan was fine an hour ago and she still knows who we are, she's just tired",
    "he had a nap on the couch and now he's breathing fine",
    "the bath water has gone red from my daughter's bath bomb",
    "the last time I saw him he had a cold",
    "how many paracetamol does it take to work on a headache?",
    "he cut his wrist on a broken glass when he slipped in the kitchen, it's only a small nick",
    "the toddler was eating a biscuit and flapping his hands with excitement",
    "I'm trying to cough up the phlegm but nothing comes out",
    "she's trying to cough but nothing is coming out, it's a dry tickly cough",
    # "Stuck around": lingered (a PriMock57 turn the retrained reader read as choking).
    "this cold has stuck around for three weeks now",
]


test_each_kind_is_heard_in_new_words, test_look_alikes_of_each_kind_stay_unflagged = kind_tests(FOUND, NOT_FLAGGED)


def test_an_ending_said_in_the_next_sentence_ends_the_sign_unless_it_came_back():
    assert "seizure" not in find_red_flags("my son had a fit. It stopped after two minutes. He's himself again.")
    assert "seizure" in find_red_flags("my son had a fit. It stopped after two minutes. Now he's fitting again.")
    assert "seizure" in find_red_flags("my son is having a fit. It has not stopped.")


def test_a_mechanism_the_words_take_back_is_not_recorded():
    assert find_mechanisms("my son fell off the low garden wall onto the grass") == []
    assert find_mechanisms("she fell out of the guava tree, not high, she is crying") == []
    assert find_mechanisms("he slipped off the back of the parked lorry while unloading") == []
    assert find_mechanisms("the minibus hit her slowly as it pulled away") == []
    assert "fall_from_height" in find_mechanisms("he fell off the roof of the garage")
    assert "pedestrian_struck" in find_mechanisms("a speeding van hit him on the crossing")


def test_a_person_who_died_in_the_other_car_is_a_mechanism_though_a_car_that_died_is_not():
    assert "death_in_same_vehicle" in find_mechanisms("the woman driving the other car is dead, my back hurts")
    assert find_red_flags("our car died on the motorway and my torch has died too") == []
