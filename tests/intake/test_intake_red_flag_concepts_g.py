"""Red flags by kind of failure, fifth round: the kinds found by sorting every miss and false flag of the blind
set of author g (intake/corpus/blind_g_*.jsonl, spent on 2026-12-02, branch clin), each fixed at the level of
its concept.

Every sentence here was written for these tests, none copied from a corpus: passing them says a fix reaches
words it was not tuned on. Each kind has its emergencies and its benign look-alikes side by side.
"""

from intake.red_flags import find_red_flags
from tests.support.red_flag_kinds import kind_tests

FOUND = [
    # Apnoea said as an absence: no rise in the chest, no sound of breath, nothing under a hand, "not making the breath".
    ("not_breathing", "there's no rise and fall in her chest at all"),
    ("not_breathing", "his chest isn't lifting, not even a little"),
    ("not_breathing", "I've got my hand on his chest and there's nothing, nothing at all"),
    ("not_breathing", "my aunty is not taking the breath, her eyes are open"),
    ("not_breathing", "no sound of breathing from the cot"),
    # Doubt about a child named in more than one word: doubt is not negation.
    ("not_breathing", "I can't tell if my baby boy is breathing, I keep looking"),
    # Speech said as mush or babble; a hand that will not pick a thing up on one side.
    ("stroke", "his words are coming out all mush and his left hand won't pick anything up"),
    ("stroke", "she's babbling, the words make no sense, and her right hand can't hold on to the rail"),
    # An inhaler that does nothing; breath for only a word at a time.
    ("breathing_difficulty", "ten puffs of the blue pump and it's done nothing, my chest is whistling"),
    ("breathing_difficulty", "her inhaler isn't helping, she's panting"),
    ("breathing_difficulty", "he can only say one word at a time, he keeps stopping for breath"),
    ("breathing_difficulty", "she has to pause between every word to get her breath"),
    ("breathing_difficulty", "i cant breeve an my puffer aint doin nuffin"),  # th-fronted, typed as said
    # A bleed told by the dressing it soaks, by a nosebleed's length or what it filled, or by a spurting verb.
    ("heavy_bleeding", "I've wrapped a towel round his hand and it's seeping straight through onto the floor"),
    ("heavy_bleeding", "the bandage on her leg is soaked through already and it keeps coming through"),
    ("heavy_bleeding", "my nosebleed has been going for fifty minutes and won't ease"),
    ("heavy_bleeding", "his nose keeps bleeding, he's filled two cereal bowls"),
    ("heavy_bleeding", "blood is jetting out of the cut on his wrist"),
    ("heavy_bleeding", "the blood is shooting out of her leg"),
    # Something driven into a limb and still in it.
    ("serious_injury", "a steel rod has gone through his calf and it's still in him"),
    ("serious_injury", "he fell on the fence and a fence post went right through his side"),
    # A fit told by what is seen: limbs banging or flailing, a rhythm, eyes pulled to one side; Tagalog.
    ("seizure", "her arms and legs are banging against the bed and she's bitten her tongue"),
    ("seizure", "his arm keeps jerking in a rhythm and his eyes are stuck to one side"),
    ("seizure", "nangisay ang lolo ko, ayaw tumigil"),
    # No reaction to a touch on the body.
    ("unconscious", "he doesn't react when I tap his shoulder, he's just lying there"),
    ("unconscious", "I pinched her ear and nothing, she doesn't stir"),
    # Clinical words from nurses and carers.
    ("anaphylaxis", "wasp sting and now angioedema of the tongue"),
    ("anaphylaxis", "stung by a bee, there's stridor when he breathes in"),
    ("anaphylaxis", "could be hay fever but after the cashews her lips are swelling up and her tongue is huge"),
    # Ending a life in other verbs; walking into water or traffic; climbing over at a height; means laid out.
    ("suicidal", "my brother says he wants to finish his life"),
    ("suicidal", "she keeps talking about walking into the river"),
    ("suicidal", "he said he's going to step in front of a lorry on the motorway"),
    ("suicidal", "she's on the bridge and she's thinking of climbing over the railings"),
    ("suicidal", "I've put every pill in the house on the table and I'm going to take them"),
    # Overdose: a farewell with "taken something"; a repeated dose and feeling unwell; a child who got a lid off;
    # empty packs of a named medicine.
    ("overdose_poisoning", "he messaged me goodbye and said he'd taken something"),
    ("overdose_poisoning", "she's taken something at the club, her pupils are like pinpricks"),
    ("overdose_poisoning", "I think I took my water tablets three times this morning, I feel very dizzy"),
    ("overdose_poisoning", "grandad had a double dose of his warfarin and he's gone woozy"),
    ("overdose_poisoning", "my three year old got the cap off the cough syrup, I don't know how much"),
    ("overdose_poisoning", "there are chew marks on the drain cleaner and my toddler is drooling"),
    ("overdose_poisoning", "empty sertraline packets in her bin and she won't talk to me"),
    # A child who keeps nothing down; chest indrawing said as a hollow.
    ("child_danger_signs", "the baby brings back every feed, nothing stays down"),
    ("child_danger_signs", "my son is one and there's a dip under his ribs every time he breathes"),
    # The chest seen, not said: clutching the shirt front, grey and sweating.
    ("chest_pain", "he's gripping the front of his shirt and he's pale and clammy"),
    # Found by probing the families of the weakest flags in new words after the fixes above: a gas fire behind
    # everyone's headache, lips blue and nothing from him, goodbye texted with pills taken, a will written.
    ("overdose_poisoning", "we've all got headaches and feel sick and the gas fire's been on all evening"),
    ("not_breathing", "her lips are purple and there's no sound coming from her"),
    ("overdose_poisoning", "my dad texted all of us goodbye and he's taken all his pills"),
    ("suicidal", "she's written a will and keeps saying nobody would miss her"),
    # A second probe over the other flags: knocked out after a fall said without "head"; Hindi and Swahili words.
    ("serious_injury", "she was knocked out for a minute after falling down the stairs"),
    ("suicidal", "meri behen kehti hai marna chahti hai, she has the tablets"),
    ("overdose_poisoning", "mtoto wangu amekunywa mafuta ya taa"),
]

NOT_FLAGGED = [
    # A body part in spasm or cramp is not a fit.
    "my back's gone into spasm getting out of the car, I can't straighten up",
    "she gets a cramp in her calf at night, it keeps spasming",
    # Heat remedies are not burns.
    "I've got a heat pack on my shoulder for the ache",
    "hot water bottle on my tummy for the cramps, it helps",
    # A heavy heart after a loss.
    "my heart has been so heavy since my dog died, I can't concentrate",
    # Breathless for a reason given; crying hard; holding a breath in a tantrum.
    "I'm out of breath because I ran for the bus, I'm ringing about a sick note",
    "she's crying really hard because she lost her toy, breathing fine",
    "my toddler held her breath in a tantrum and then carried on screaming",
    # History by decade; back to himself after a usual seizure.
    "I hurt my head badly in my twenties and still get migraines",
    "he had one of his usual absences this morning, it lasted a minute, now he's back to his old self",
    # Sleepy teenagers, tired toddlers.
    "my daughter won't wake up for college, she was out till three",
    "my little boy goes floppy when he's overtired, then he sleeps and is fine",
    # Someone else in care, or on the news, with the caller's own reason for ringing.
    "my uncle has chest pain apparently but he's in hospital already, I'm calling about my own sore throat",
    "my friend bled a lot after her op but she is fine, I'm ringing about my knee",
    "a child was poisoned at a school in another city, it was on the news, I'm calling about my son's rash",
    # A denial that takes several words ("no sign of").
    "there's no sign of any bleeding now, the cut has closed",
    # Tablets laid out for the week; a regimen, not a double dose.
    "I've put all my tablets out for the week in the dosette and I'll take them with breakfast",
    "I take my heart pills twice a day and I feel a bit dizzy when I stand",
    # A bottle got into that was sealed; a shirt soaked through by rain or sweat.
    "my son had the bottle of Calpol but the seal was still on, he did not swallow any",
    "my shirt is soaked through with sweat after the run",
    # Talk and touch idioms.
    "he tapped on my door and nothing, he's probably gone out",
    "my husband is talking rubbish again about the football",
    "I stepped off the kerb near the bridge and twisted my ankle",
    # Endings that are not of a life; a goodbye at a door; laughing; a refill; sleepy eyes; a fear of the future.
    "he wants to end his phone contract, can you help",
    "I'm going to end things with my girlfriend tonight",
    "she said goodbye to everyone at the station and went home",
    "we laughed so much I couldn't breathe",
    "his empty inhaler box needs a repeat prescription",
    "my baby's eyes roll up when she's drifting off",
    "I'm worried my toddler might get into the bleach, where should I keep it",
    # Knocked out as tired; not waking for a meal.
    "I feel totally knocked out after the night shift",
    "grandad won't wake up for his tea, he's snoring away in the chair",
]


test_each_kind_is_heard_in_new_words, test_look_alikes_of_each_kind_stay_unflagged = kind_tests(FOUND, NOT_FLAGGED)


def test_a_named_person_after_the_sign_is_the_patient_not_an_aside():
    assert "seizure" in find_red_flags("my son is fitting, I'm calling about my baby")
    assert "chest_pain" in find_red_flags("my dad has crushing chest pain, I'm calling about my dad")
    assert "chest_pain" in find_red_flags("my dad has crushing chest pain, I'm calling because he's grey")


def test_no_sign_of_breathing_is_still_apnoea_but_no_sign_of_it_stopping_is_not():
    assert "not_breathing" in find_red_flags("there's no sign of breathing and he's blue")
    assert "not_breathing" in find_red_flags("no sign of life in him")
    assert "breathing_difficulty" not in find_red_flags("no sign of his breath stopping, he's breathing deep and slow")
