"""The weakest flags of blind set n (intake/corpus/blind_n_*.jsonl, spent): overdose_poisoning and suicidal, each miss
sorted into its kind and fixed at the level of its concept.

Every sentence here was written for these tests, none copied from a corpus. Each kind is heard in several new
wordings (some code-switched), and its look-alikes (the same words with no emergency in them) stay unflagged.
"""

import pytest

from intake.red_flags import find_red_flags, prepare

POISONED = [
    # Carbon monoxide told by its source: a fuel burning indoors and a household sick together.
    "we've had the coal briquettes burning in the kitchen all night and now the whole family has splitting headaches",
    "the kerosene heater was on in the bedroom with the windows shut, my wife and kids woke up dizzy and throwing up",
    "power cut so we ran the generator in the garage, now my mum is confused and the baby is really sleepy",
    "the old coal stove in the room, all of us have headaches and grandpa keeps vomiting",
    "the angithi was burning in the closed room overnight and now everyone has headache and ulti",
    "the briquette heater under the floor, me and my grandmother are both dizzy and sick, she is very drowsy",
    "we lit a charcoal barbecue in the tent to keep warm and now we've all got pounding heads",
    "the gas fire in the lounge, both of us feel sick and my husband is not making sense",
    # Gas where it gathers: a slurry pit, a septic tank, a sewer, a silo.
    "my husband went down into the slurry pit to fix the pump and collapsed, he's groggy and can't stand",
    "he was cleaning out the septic tank and just dropped, we pulled him out and he is not making sense",
    "two workers went into the sewer and collapsed, the one we got out is confused and retching",
    "dad climbed into the grain silo and passed out, he's awake now but really confused",
    "they were mixing the slurry in the shed and my son keeled over, now he is dazed and coughing",
    # A sealed room with a burner in it is the method itself.
    "she's shut in the bathroom with a charcoal burner and has taped up the door",
    "he has sealed the windows of his car with tape and lit a disposable barbecue inside",
    "my flatmate stuffed towels under her door and there's a smell of burning charcoal from her room",
    # A child who drank what is not a drink: spirits, a cleaner known by its colour or its cupboard.
    "my two year old got hold of her grandad's whisky and drank some, she's wobbly and sleepy",
    "the toddler drank from a glass of vodka left out after the party and he's floppy",
    "my little boy drank the pink stuff from the cupboard under the sink and he's crying",
    "my daughter is three and she drank some of the green liquid from under the kitchen sink",
    "the baby drank some of the washing up liquid and keeps coughing",
    "my son is four, he drank the rum punch on the table and now he is very drowsy",
    "bachche ne daaru pi li, he is four, now he is very drowsy",
    # Seeds, berries and mushrooms of a plant, with what they do.
    "my son ate some berries off the bush in the park and now he's being sick and drowsy",
    "my four year old ate a mushroom from the lawn and he's vomiting and sweating",
    "they chewed the seeds of the thorn apple plant and now they are seeing things and burning hot",
    "my daughter ate foxglove leaves in the garden, she's two",
    "the kids were eating the berries from the yew hedge at school",
    "my toddler swallowed some castor beans from the plant on the patio",
    # A medicine container found open beside a small child.
    "I found my toddler sitting with my partner's methadone, the cap was off and there's some on his chin",
    "the baby was next to grandma's morphine bottle with the lid off and she's very sleepy now",
    "my one year old was in the bedroom with the oxycodone tub open beside her, I don't know if she had any",
    # Street drugs named in slang, with the signs of too much.
    "she popped a few bars with vodka and now she's slurring and can't keep her eyes open",
    "he took some percs and has been drinking lean and now he's nodding out",
    "my mate's on the gear again, his lips are grey and he's barely breathing",
    "my boyfriend shot up in the toilets and now he's blue with the syringe still in his arm",
    "found him in his room with a needle hanging out of his arm, snoring weird",
    "she's had some ket and G at the party and she's passed out",
    "took about six xans and half a bottle of gin and she keeps nodding off",
    # A second round, each kind again in other words.
    "my husband ran the pressure washer in the basement and now he's dizzy and confused",
    "the jiko was in the room all night, the children are vomiting and the baby won't wake properly",
    "tumeweka mkaa ndani ya chumba, watoto wote wana kichwa kuuma na kutapika",
    "my uncle went down into the well to clean it and collapsed at the bottom",
    "two men went into the manure tank on the farm and passed out",
    "el niño se tomó el cloro, he's two, he's coughing",
    "my boy is five, he ate some red berries from the bush behind the house and he's vomiting",
    "she's on the H again and she's gone a funny colour and is barely breathing",
    "she keeps nodding out after taking her dad's oxys",
    "he overdid his methadone and he's snoring and blue",
    # A third round, written before the rules were looked at again (two of them then missed: the ointment, the insulin).
    "the chimney's been blocked and the gas fire's been on all evening, my nan is really drowsy and keeps being sick",
    "we were camping and kept the little gas heater on inside the tent, now my dad can't think straight and has a pounding head",
    "dad fell asleep in his van with the heater running and now he's very confused",
    "the farmhand went into the pig slurry tank and keeled over",
    "my 3 year old had a swig of vodka from the bottle on the table and now he's really floppy",
    "the baby sucked on a tube of grandma's ointment and now she's drowsy",
    "the toddler was chewing one of grandad's pain patches, he's drowsy",
    "my grandson found my tablets in my bag, the box is open and I don't know how many he took, he's two",
    "found my son with his dad's methadone, the lid was off, he's four",
    "the kids ate some mushrooms in the field and they're now throwing up and seeing things",
    "my brother is out of it on smack, he's not responding and his lips are going blue",
    "my friend's been on the fent and he's barely breathing",
]

SELF_POISONED = [
    # Said to be on purpose, or after a row: the poisoning is an attempt.
    "she swallowed all her mum's sleeping pills deliberately after they rowed",
    "my husband drank the weedkiller after the argument with his brother, he's sweating",
    "he took an overdose of his heart tablets on purpose this evening",
    "he injected all of his insulin in one go on purpose and now he's sweaty and confused",
    "she took the lot on purpose after the fight with her boyfriend, she is very drowsy",
    "mum drank the rat poison after a row with dad and she is vomiting",
    "usne jaan boojh ke keede maar dawa pi li, she is vomiting",
    "sinadya niyang ininom ang lason, now she is vomiting",
    # Worn out, or a farewell, in its own sentence beside what was taken.
    "I've taken the whole packet of paracetamol. I can't cope anymore. Tell my mum I love her.",
    "took everything in the medicine cupboard. can't do this any more. sorry x",
    "he's swallowed all his tablets. his text says he can't go on. he's very sleepy",
    "dad has taken a load of his heart pills, left a note for mum",
    "she drank the weed killer intentionally after her husband left",
    "he drank kerosene after quarrelling with his father",
    "mi hermano se tomó todas las pastillas a propósito",
    "usne gusse mein chuhe maar dawa kha li",
    "she injected all her insulin after her boyfriend dumped her, she's shaky and sweaty",
    "he swallowed all his antidepressants, he left a letter on the table",
    "I've taken all my pills. I just want to sleep forever.",
    "he took a whole strip of sleeping tablets after an argument with his wife",
    # A charcoal burner in a sealed room, or with a message saying sorry.
    "she's shut in the bathroom with a charcoal burner and has taped up the door",
    "he sent me a text saying sorry and there's a charcoal burner lit in his locked room",
]

NOT_POISONED = [
    "poison ivy all over my legs after the hike, itchy and red",
    "I got poison oak on my hands clearing brush, it's blistering",
    "my boyfriend is toxic and the whole relationship is poison to me",
    "my toddler grabbed a dishwasher tablet but I took it off him straight away, it's still whole",
    "I gave my son the right dose of calpol for his temperature, five mls",
    "I could murder a cup of tea, my throat is sore from the cold",
    "I had a bit of food poisoning yesterday, just loose stools, I'm drinking fluids",
    "I took an overdose years ago and I'm well now, calling about my repeat prescription",
    "we had a few glasses of wine with dinner, I'm asking about my back",
    "I had two chocolate bars and now I feel a bit sick",
    "my phone only has two bars so I might cut out, my son has an earache",
    "the kids picked blackberries from the hedge and ate them all, they're fine",
    "the generator is running fine in the shed and we're all well, I'm asking about tetanus",
    "the slurry smells awful on the farm today, I'm calling about my hay fever",
    "my grandad kept nodding off in front of the telly, he's just tired after the wedding",
    "my uncle used heroin years ago and is clean now, he's asking about his liver",
    # Slang words in their everyday sense; a barbecue out of doors; spirits that are a mood; a window taped for a storm.
    "we had charlie over and he's snoring on the sofa",
    "the kids had some brown bread and they're snoring now",
    "I took a few granola bars on the hike and I'm dizzy",
    "my toddler ate some rum and raisin ice cream",
    "the baby is in good spirits even though she had a fever",
    "we had a barbecue in the garden and we all feel sick now",
    "we taped the windows for the typhoon and the charcoal stove is on for cooking",
    "my daughter has a fever, I gave her medicine but I've no idea how much",
    "my son sucked on his dummy and fell asleep, he's one",
    "I put the cream on her rash like the pharmacist said, she's four",
]

NOT_SUICIDAL = [
    "my son swallowed a coin by accident, not on purpose, he's fine and breathing",
    "my toddler drank some bleach, she didn't do it on purpose, she's crying and dribbling",
    "dad took his evening tablets twice by mistake and he feels dizzy",
    "the toddler got into the vodka after the party and he's floppy",
    "I'm sorry to bother you, my daughter has drunk some white spirit and she's coughing",
    "I can't cope, my son drank some bleach, he's crying",
    "forgive me for ringing so late, I took my tablets late tonight, love you all",
    "he took his evening insulin twice by accident, not deliberately, and he's shaky",
    # Someone who will not wake up is unconscious, not saying what they intend; a death or an attempt a year ago is past.
    "my wife won't wake up, she's been on new tablets for her back",
    "my cousin took his own life a year ago and I can't sleep, I'm safe, I'd like something to help me sleep",
    "my brother tried to overdose a year ago, he's doing well, I'm calling about his cough",
]


@pytest.mark.parametrize("text", POISONED + SELF_POISONED)
def test_each_poisoning_kind_is_heard_by_the_rules(text):
    # The rules alone: the learned reader behind them is a backstop, not the place a kind is fixed.
    assert "overdose_poisoning" in find_red_flags(text, learned=False), prepare(text)


@pytest.mark.parametrize("text", SELF_POISONED)
def test_a_deliberate_poisoning_is_also_an_attempt(text):
    assert "suicidal" in find_red_flags(text, learned=False), prepare(text)


@pytest.mark.parametrize("text", NOT_POISONED)
def test_look_alikes_of_poisoning_stay_unflagged(text):
    found = find_red_flags(text)
    assert "overdose_poisoning" not in found and "suicidal" not in found, prepare(text)


@pytest.mark.parametrize("text", NOT_SUICIDAL)
def test_an_accident_is_no_attempt(text):
    assert "suicidal" not in find_red_flags(text), prepare(text)


# A poison held, threatened or known where it is: an intent to die, not yet a poisoning.
THREATENED = [
    "my brother has a bottle of weedkiller in his hand and says he's going to drink it",
    "she's got the paraquat out and keeps saying she will drink it tonight",
    "he keeps telling us we'd all be better off without him and he knows where the rat poison is kept",
    "mum says the family would be better off with the insurance and she's got the pesticide from the shed",
]


@pytest.mark.parametrize("text", THREATENED)
def test_a_poison_only_threatened_is_an_intent_not_a_poisoning(text):
    assert "suicidal" in find_red_flags(text, learned=False), prepare(text)
    assert "overdose_poisoning" not in find_red_flags(text), prepare(text)


def test_what_was_taken_keeps_the_poisoning_beside_a_threat():
    assert "overdose_poisoning" in find_red_flags("she drank some of the bleach and says she'll drink the rest")
    assert "overdose_poisoning" in find_red_flags("he says he'll drink the pesticide, he's already vomiting")


def test_better_off_somewhere_else_is_no_burden_belief():
    # "They'd be better off" is said of a new car or another school too; beside a means it is the burden belief.
    assert find_red_flags("the kids would be better off at the other school, I'm calling about my rash") == []
