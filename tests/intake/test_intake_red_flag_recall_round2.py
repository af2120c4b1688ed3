"""Red flags by kind, a second recall round written by the team for issue 14 (not sorted from a blind set): the weakest
flags of sets l and m, read only as aggregate figures -- suicidal, pregnancy emergency, overdose or poisoning, then not
breathing -- said the many ways callers say them: pregnancy named indirectly (expecting, weeks along, her bump, just
delivered) with its signs named by what they do (pain by what she cannot do, bleeding by what it soaks, a fit by what
it looks like); self-harm by a place, a means, a farewell; poisoning by container, count and lay name.

Every sentence was written for these tests. Each kind has look-alikes beside it (idioms, hypotheticals, history,
films, pets) that must stay unflagged.
"""

import pytest

from intake.red_flags import find_red_flags
from tests.support.red_flag_kinds import kind_tests

PREGNANCY = [
    # Pregnancy named indirectly: expecting a first or second, carrying, in the family way, her bump, "wks", a due day,
    # just delivered, a caesarean days ago.
    "my wife is expecting our second, due in march, and tonight the cramps are so bad she can't stand",
    "my bump is rock hard and the pain won't let up",
    "my daughter is in the family way and she just collapsed shaking all over, eyes rolled back",
    "the mother is expecting her first and she's blacked out and shaking",
    "she's carrying and she's been fitting for two minutes",
    "she's carrying our third, her waters haven't gone but there's blood all down the stairs",
    "im 34 wks n bleeding loads, cant stop",
    "I'm due on friday and I've been bleeding through my pyjamas",
    "my wife delivered yesterday and the blood is running down her legs",
    "she's just delivered at home and she won't stop bleeding, there's a pool on the floor",
    "my wife had a c section ten days ago and now she's bleeding through everything",
    "she had the baby three days ago and she's filling a pad every half hour",
    "I gave birth last week and now I'm passing clots the size of my fist",
    "we were at the antenatal clinic on monday, now she's bleeding heavily and it won't stop",
    "we came home from the antenatal scan and now she's bleeding bright red",
    # Pain told by what she cannot do, or by how it looks: doubled up, screaming, ten out of ten, a bump gone hard.
    "my girlfriend is about 30 weeks along and she's doubled over, she can't even talk with the pain",
    "my partner is heavily pregnant and the pain in her belly is making her scream",
    "she's 8 months pregnant and she's lying on the floor crying, she can't get up for the pain",
    "pregnant wife, stomach pain ten out of ten",
    "she's four months gone and she's doubled up on the kitchen floor",
    "my wife's expecting, she's thirty one weeks, and she keeps passing out and her tummy is rock solid",
    "I'm 38 weeks and my belly has gone hard and it won't relax and it hurts like nothing I've known",
    "the baby's due in six weeks and she's gripping the bed rail, she can't sit up for the pain",
    "I'm in the family way and the pain down below is so bad I'm crying",
    "my girlfriend is about 30 weeks along and she's bent double",
    "my wife is five months along and she's curled up in a ball with stomach pains, she can't move",
    "my missus is pregnant and her belly is hard as a board and she's in agony",
    "I'm pregnant, my tummy hurts so much I'm on my hands and knees",
    "my wife is pregnant, she's bent over the kitchen table and can't breathe for the pain in her stomach",
    "I'm 29 weeks and my stomach pain is getting worse and worse, I can barely breathe through it",
    # A fit told by what it looks like, or a flag of its own (a fit, heavy bleeding) in a pregnant woman.
    "my sister is expecting, she went rigid and started jerking and foaming at the mouth",
    "my wife is pregnant, she can't stop shaking and her eyes have rolled up",
    "my partner is 26 weeks and she went stiff then started jerking on the sofa",
    "my wife is pregnant and she keeps fitting, one after another",
    "she's due next week and she's had a fit, her whole body went stiff and jerky",
    "ana mimba na anatetemeka mwili mzima, macho yamegeuka",
    # Bleeding told by what it soaks.
    "I'm 32 weeks and I've soaked through two towels with blood in the last hour",
    "she's seven months gone and the bed sheets are drenched in blood",
    "I'm twenty six weeks, the bleeding has gone through my jeans",
    "I'm pregnant, six months, and the blood has soaked my nightie and the mattress",
    "she had the baby on tuesday and she's been bleeding so much the mattress is soaked",
    "she's pregnant and her pad is full every twenty minutes",
    "meri biwi pregnant hai aur bahut khoon aa raha hai",
    "mimba, anatoka damu nyingi sana",
    # The baby's movements not felt.
    "I'm 30 weeks and I haven't felt the baby move since yesterday morning",
    # Said plainly.
    "I'm carrying twins, 28 weeks, and my tummy pain is so bad I can't walk",
    "my wife's pregnant and she's on the floor twitching and won't respond",
    "I'm 36 weeks pregnant, I've got a blinding headache and I'm seeing flashing lights",
    "her due date is in two weeks and she's losing a lot of blood, the towel is soaked",
    "I'm expecting and there's so much blood in the toilet",
    "i am 7 months pregnant, bleeding heavy and my belly pain is too much",
    "she's 32 weeks and she's had a seizure in the shower",
    "she's expecting in april, she's white as a sheet and there's blood everywhere",
    "my wife is 9 months pregnant, she's screaming with pain and holding her belly",
    "she's about 20 weeks, sharp pain on one side and she fainted",
    "my wife is pregnant and blood is pouring out down there",
    "she's 35 weeks, her face and hands are all puffed up and she's got the worst headache",
    "I'm pregnant and the pain in my tummy is the worst pain of my life",
    "my wife's waters went and there's bright red blood with it, she's 33 weeks",
    "I'm expecting, the pain is so bad I'm being sick and I can't stand straight",
    "my sister is 6 months pregnant, she fell down the stairs and now she's bleeding",
    "she's pregnant and she's gone stiff and her arms and legs are jerking",
    "my wife is expecting and she's having really bad contractions but she's only 30 weeks and bleeding",
    "my daughter is expecting and she's just collapsed in the bathroom and there's blood",
    "the wife's expecting and she's been sick and has the worst headache of her life and her face is all swollen",
]

SUICIDAL = [
    # A car's engine running in a closed space, or a pipe from the exhaust: self-harm and poisoning both.
    "my brother is in the garage with the car running and the door shut",
    "he's sitting in his car with a pipe from the exhaust",
    "he's sitting in the car in the lock up with the engine on",
    # A drop, the line or the sea, and a stance: on the ledge, legs over, won't come down, waiting for the train.
    "my son's standing on the railway bridge and won't come down",
    "he's on the ledge of the tenth floor window",
    "she's sitting on the edge of the bridge with her legs over",
    "my nephew is on the train tracks and says he's waiting for the train",
    "my girlfriend is lying on the railway line and won't move",
    "she's up on the roof of the flats with her legs over the edge",
    "my son has climbed over the railings on the bridge and he's just standing there",
    "he's done with life, he's stood on the edge of the multi storey",
    # Hopelessness said indirectly -- done, a burden, rather dead, not worth living -- beside a means or a place.
    "he's walking towards the sea saying he's done",
    "my daughter said she's going to the rail line and she's not coming back",
    "he said he'd rather be dead and he's got his dad's gun",
    "he said life is not worth living and he's at the cliff",
    "he keeps saying he's a burden and he's bought a rope",
    "my dad said he won't be a problem for anyone much longer and he's taken the shotgun to the woods",
    "she told me she wants to die, she's at the cliffs",
    "my mum keeps saying she's a burden to everyone and she's taken a bottle of whisky and her pills up to her room",
    # A farewell, then out of reach: a locked door, a phone off, no answer.
    "my son wrote letters to all of us and then locked his door",
    "my brother sent me a text saying tell mum I love her and now his phone's off",
    "my friend posted a goodbye on instagram and isn't answering",
    "my husband texted me saying he's sorry and he loves the kids, and now he won't answer",
    "he's put his affairs in order and he's locked himself in the garage",
    # A method named: cut with a blade and bleeding, pills so as not to wake, a car driven into a wall, a noose looked up.
    "he's slashed his arms with a razor and there's blood everywhere",
    "my flatmate said she took all her antidepressants so she won't wake up",
    "my uncle said he's going to drive his car into a wall",
    "my son has been searching how to tie a noose",
    # Said plainly, in other Englishes and code-switched.
    "he said he wants to sleep forever and he's got all his tablets out",
    "my friend sent a message saying this is goodbye and to look after her cat",
    "my dad has tied a rope to the banister",
    "my mate rang me drunk saying he's going to do himself in",
    "my husband says he's going to neck himself",
    "he stood on a chair with a belt round his neck",
    "mera bhai keh raha hai woh jaan de dega, he's on the roof",
    "my cousin wan kill imself, e don carry rope go bush",
    "kuna kijana anataka kujiua",
    "yeye anataka kujiua, yuko juu ya daraja",
    "she said she wants to join her late husband and she's taken his heart pills",
    "my mum said she's going to walk into the river and she's left her phone and purse at home",
    # Said plainly.
    "she's on the roof of the car park and says she's going to jump",
    "my partner said everyone would be better off without him and took the car keys and the shotgun",
    "he left a note saying he's sorry for everything and we can't find him",
    "my sister cut her wrists in the bath",
    "she told me she wants to die and she's got a knife",
    "my boyfriend says he's going to end it tonight",
    "I don't want to be here anymore, I've got the pills in my hand",
    "I can't do this anymore, I'm on the bridge",
    "i want to end my life",
    "my son has locked himself in the bathroom and says he's going to hurt himself",
    "he's given away his dog and all his things and said goodbye to his mates",
    "my wife said she wants to disappear forever and she's taken the car",
    "he says there's no point anymore and he's bought a rope",
    "she's saying she wants to go to sleep and never wake up, she's been saving up her pills",
    "he said he will walk into the sea tonight",
    "she told me she's going to drink the weed killer",
    "he's threatening to jump off the balcony",
    "my friend posted on facebook that she won't be here tomorrow",
    "my daughter is burning herself with a lighter on purpose",
    "she's drunk a bottle of bleach to end it",
    "I'm thinking of taking all my tablets tonight",
    "she says she is tired of living and has the pills ready",
    "she's been cutting herself and this time it's deep",
    "he's talking about ending his life",
    "my sister wants to kill herself",
    "my son says he wants to die, he's got a belt and he's locked in his room",
    "she says she can't go on and she's taken all her mum's sleeping tablets",
]

OVERDOSE = [
    "my brother is in the garage with the car running and the door shut",
    "he's sitting in his car with a pipe from the exhaust",
    # Alcohol or street drugs, and a body that has stopped answering (blue, fitting, out cold).
    "my teenager's been drinking and now he's unconscious and being sick",
    "my teenage daughter drank nearly a whole bottle of vodka and she's out cold",
    "my 15 year old drank half a bottle of vodka and we can't wake her",
    "my brother injected something and he's blue",
    "he took some pills from a stranger at the party and now he's fitting",
    "my friend took heroin and he won't wake up",
    "he's had too much ketamine and he's not responding",
    "he's snorted something and now he's fitting",
    # Poisons by lay name: rat bait, slug pellets; a sprayer's drooling and tiny pupils.
    "the kid ate the rat bait",
    "my son ate some of the slug pellets",
    "the farmer was spraying and now he's drooling and his pupils are tiny",
    "my father drank the insecticide for the cotton",
    "my son swallowed some rat poison in the shed",
    "she drank paraffin, thinking it was water",
    "my boy drank the paraffin from the heater",
    "he drank battery acid",
    "my grandad drank some pesticide from the farm shed",
    "she drank antifreeze",
    "she swallowed drain cleaner",
    "he drank caustic soda",
    "my baby drank some of the lamp oil",
    "mtoto amekunywa mafuta ya taa",
    "bacche ne keede maarne ki dawai pee li",
    "my toddler drank some of the washing up liquid and she's coughing and being sick",
    "my little girl chewed one of the dishwasher tabs",
    "my son swallowed one of the little round batteries from the remote",
    # By container and count.
    "my toddler got into granny's pills, there were about ten in the box and now it's empty",
    "my grandson found my tablets and swallowed a few, I don't know how many",
    "she's taken twenty of her dad's blood pressure pills",
    "the baby got hold of the bottle of calpol and drank the lot",
    "my husband has taken a whole box of co codamol",
    "he necked a bottle of pills with whisky",
    "i found my brother with an empty packet of tramadol next to him",
    # Fumes from a burner in a closed space.
    "the whole family has headaches and feels sick, the boiler's been playing up",
    "the charcoal grill was in the tent all night and we all feel sick and dizzy",
    # Said plainly.
    "the baby drank bleach from under the sink",
    "my little boy swallowed a button battery",
    "my husband drank the weedkiller",
    "my daughter swallowed a whole strip of paracetamol",
    "he took thirty of his sleeping tablets",
    "she's taken a load of her mum's tablets",
    "my friend took a handful of pills and she's really drowsy",
    "my dad was using a generator in the garage and now he's confused",
    "my two year old ate some of the dishwasher tablets",
    "he's swallowed a load of ibuprofen",
    "I think my son has taken something, he's not making sense",
    "my kid got into the medicine cabinet and there are tablets all over the floor",
    "my husband took all of his heart tablets",
    "my toddler ate some of grandma's blood pressure tablets",
    "my mum has taken double her dose, she's confused now",
    "she's taken an entire bottle of paracetamol",
    "my son drank a bottle of cough syrup",
    "my little girl ate some berries from the garden and now she's drowsy",
    "he's been huffing petrol and passed out",
    "she took the whole box of her antidepressants",
    "she drank the toilet cleaner",
    "my husband drank methanol, home brew, now he can't see",
    "the baby swallowed some of my iron tablets",
    "he's taken loads of my insulin",
    "my toddler chewed a laundry pod",
    "someone spiked her drink and now she's collapsed",
    "my child drank kerosene",
    "my uncle drank organophosphate",
    "she swallowed a mouthful of bleach by mistake and her mouth is burning",
]

NOT_BREATHING = [
    # Agonal breathing: gasps now and then, "just gasping"; not a single breath.
    "he's making those snoring gasps, only every now and then",
    "my husband isn't breathing properly, just gasping",
    "he's blue and still, not a breath",
    "he's just gasping every so often and not waking up",
    "she's gone grey, her chest isn't moving at all",
    "my baby isn't breathing, she's floppy",
    "i can't hear him breathing and he's not moving",
    "he's gone blue and I can't see his chest move",
    "baba hapumui",
    "e no dey breathe again",
    # Said plainly.
    "he's not breathing",
    "my mum isn't breathing and her lips are blue",
    "the baby has stopped breathing",
    "she's not taking any breaths",
    "my dad collapsed and there's no breath at all",
    "I can't feel any breath from her nose",
    "he's turned grey and his chest isn't going up and down",
    "she's lying there not breathing, I think she's gone",
    "the baby's gone floppy and isn't breathing",
    "I found him in the pool, he's not breathing",
    "no air is coming out of his mouth",
    "she's stopped breathing, what do i do",
    "my grandma's not breathing, I think she's dead",
    "saans nahi le raha",
    "he's not breathing at all, his lips are blue",
]

FOUND = ([("pregnancy_emergency", t) for t in PREGNANCY] + [("suicidal", t) for t in SUICIDAL]
         + [("overdose_poisoning", t) for t in OVERDOSE] + [("not_breathing", t) for t in NOT_BREATHING])

NOT_FLAGGED = [
    # Idioms and frames.
    "if I fail this exam I'll kill myself, haha anyway I've got a sore throat",
    "I'm bored to death at home with this cold",
    "there was a pregnant pause when I asked the doctor, anyway my knee hurts",
    "not breathing a word of this to my mum, I just have a sore throat",
    "I nearly died laughing at the film, now I have hiccups",
    "he says he'd kill for a cup of tea, he's got flu",
    "my teenager says this homework is killing him, he's fine",
    # Expecting, carrying, due: not a pregnancy.
    "I'm expecting a parcel so I might have to go to the door, it's about my rash",
    "I'm expecting the results of my bloods next week",
    "I'm expecting a call from the GP about my bloods",
    "I'm carrying the shopping and my back hurts a bit",
    "she's carrying a lot of weight and her knees hurt",
    "she's due for her jabs next week and she's got a rash",
    # Pregnant and well, or a birth long past.
    "my wife is pregnant and she's got a mild cold, no bleeding no pain",
    "she's 30 weeks and the baby is kicking loads, she's just tired",
    "I'm expecting twins and I've got heartburn",
    "my daughter is with child and feeling well, we're booking the scan",
    "she's in the family way and very happy, just a bit of morning sickness",
    "my sister is expecting a baby in may and she's doing well, no pain",
    "she's over the moon about being pregnant, just tired",
    "antenatal class was tiring, she's resting with her feet up",
    "she had a fit of giggles at the antenatal class",
    "my wife had our baby six months ago and she's got a chest infection",
    "my wife had a baby three years ago and she's got a migraine",
    # Films, books, pets, history, fear, denial.
    "the film last night had a man jumping off a bridge, it gave me a headache",
    "we watched a movie about an overdose and she got upset, no injury",
    "my son read a book about a boy who overdosed, he's asking questions",
    "my dog ate rat poison last year, he's fine now, I'm calling about my cough",
    "the dog ate the rat bait, he's at the vet, nobody else touched it",
    "I had suicidal thoughts years ago but I'm well now, I'm calling about my ear",
    "I'm worried my son might take too many pills one day, but he's fine, I just want advice",
    "the pesticide is stored in the shed, locked, no one touched it",
    # Everyday drinking, tablets, cars, goodbyes, roofs, bridges, locked doors.
    "he's been drinking water all day and he's fine",
    "I took two paracetamol for my headache this morning",
    "I'm taking my tablets as prescribed, just a bit dizzy",
    "the car was running fine until the garage fixed it",
    "the car was running in the drive while I loaded the shopping, I've got a sore back",
    "she said goodbye to us at the airport this morning",
    "my son said he wants to jump off the diving board at the pool tomorrow",
    "the boy jumped off the wall at school and twisted his ankle",
    "he's on the roof fixing the gutter and he's fine",
    "the bridge was closed so I walked the long way and my feet are sore",
    "I went for a walk by the sea and now my ankle hurts",
    "she locked herself out of the house and she's cold",
    "my dad says he wants to sleep forever on sundays, he's lazy, he's got gout",
    "he says he's a burden with his bad knee but he's in good spirits",
    # More idioms, a pet, a harmless swallow.
    "he drinks like a fish but he's fine tonight",
    "I'm dying to know what the rash is",
    "my boss will kill me if I'm late, I've got a headache",
    "the baby was born last year and she's got a cough",
    "I'm sick to death of this cough",
    "my cat drank some antifreeze, I'm taking him to the vet, can you give me the number",
    "I swallowed my chewing gum, is that ok",
    "I feel like I'm going to die of embarrassment, I have a rash",
]


test_each_new_way_of_saying_a_sign_is_heard, test_look_alikes_of_round_two_stay_unflagged = kind_tests(FOUND, NOT_FLAGGED)


def test_a_pregnant_daughter_is_not_an_imci_child():
    """'With child' and 'my daughter is pregnant' say a pregnancy: her fit is a pregnancy emergency, not a child sign."""
    for text in ("my daughter is with child and she just had a fit", "my daughter is pregnant and she just had a fit"):
        flags = find_red_flags(text)
        assert "pregnancy_emergency" in flags and "child_danger_signs" not in flags
    assert "child_danger_signs" in find_red_flags("my daughter had a fit")


def test_a_closed_garage_with_the_engine_running_is_both_self_harm_and_poisoning():
    """The convention for a person shut in with a running engine: suicidal and overdose_poisoning together."""
    flags = find_red_flags("my brother is in the garage with the car running and the door shut")
    assert {"suicidal", "overdose_poisoning"} <= set(flags)
    fumes = find_red_flags("the generator ran in the shed all night with the door shut and we all woke with headaches")
    assert "overdose_poisoning" in fumes and "suicidal" not in fumes  # a generator poisons; a car shut in is a means


@pytest.mark.xfail(strict=True, reason="an ellipsis ('my son did too') carries the poison from the dog's clause to "
                   "the son's; the rules read each clause's own words")
def test_a_poisoning_said_by_ellipsis():
    assert "overdose_poisoning" in find_red_flags("my dog ate rat poison and my son did too")


def test_nobody_drank_it_is_a_denial():
    """"Nobody" denies only what it is the subject of: a passer-by's "he is not breathing, nobody knows him" (set f)
    keeps the learned reader's unconscious, and what nobody saw or knows is still the sign."""
    assert find_red_flags("the bleach spilled on the floor, nobody drank it, I cleaned it up") == []
    assert "choking" not in find_red_flags("nobody is choking, I'm asking for my first aid course")
    assert "unconscious" in find_red_flags("nobody knows how long he has been unconscious")
    assert "heavy_bleeding" in find_red_flags("nobody noticed she was bleeding heavily")
