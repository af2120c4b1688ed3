"""Self-harm and poisoning told in indirect, everyday, teenage and code-switched words (issue 14, branch `selfharm`):
the team's own sentences, each kind with look-alikes that must stay unflagged.

Missed before:
- a passive wish handed to God or sleep ("wishes God would take him", "would rather not wake up", "praying not to
  wake up"), no point or reason "in being alive", life "not worth living", not wanting "to exist", "it all to be over",
  "no way out except dying", "nobody would care if he died";
- a means used on oneself in words the table lacked: set on fire or doused in petrol, strangling or stabbing oneself, a
  plastic bag over the head, charcoal burning inside a car, "drive it into a wall", "get hit by a car";
- preparation: a note saying "don't look for me" or "forgive me", a will written and a note left, "tonight is her last
  night", "the last time we will talk", giving away all one's things, a photo of a noose;
- teenagers' words: "kms", "unalive", "sewerslide", "ctb";
- code-switched verbs of a third person: Swahili "amejinyonga", "atajinyonga"; Hindi "fansi lagane"; Tagalog
  "magbibigti", "nagbigti"; Somali "is disho"; Arabic "yaqtul nafsahu"; Portuguese "quer morrer", "tomou todos os
  comprimidos"; French "veut mourir", "a pris toutes ses pilules"; Bengali "attohotta"; Tamil "thatkolai"; Malay
  "gantung diri"; Zulu "ufuna ukufa"; Spanish "tomo todas sus pastillas";
- "worked out how many tablets it would take" at the end of a turn (the pattern needed a space after "take").
False flags kept away: a goodbye or gifts before a flight, university, emigrating or a retirement; a jump or a walk into
water to swim or surf; jumping off a shed roof onto a trampoline; "had enough of the neighbours"; rat poison laid for
the mice; a vitamin or a spoon of syrup; "nobody has taken an overdose"; an essay or the news about a suicide; "this
heat is going to kill me"; a rope for the goat or the boat; charcoal in the car
for a beach barbecue.
"""

import pytest

from intake.red_flags import find_red_flags, harm_cue_said

SELF_HARM = {"suicidal", "overdose_poisoning"}


@pytest.mark.parametrize(
    "text",
    [
        # passive wishes
        "my granddad says he wishes God would take him tonight",
        "she told me she would rather not wake up tomorrow",
        "my son says there's no point in him being alive",
        "he says life isn't worth living any more",
        "my friend says she doesn't want to exist anymore",
        "he keeps saying he wants it all to be over",
        "she says she wants her life to end",
        "she's praying every night not to wake up",
        "he says he can't see any way out except dying",
        "she said she'd rather be dead than feel like this",
        "my boyfriend says there is no reason for him to live",
        "he said nobody would care if he died tonight",
        "my wife wishes she could fall asleep and never wake up",
        # means on oneself
        "he said he'll set himself on fire with petrol",
        "she poured kerosene all over herself",
        "she tried to strangle herself with a scarf",
        "I found my brother with a plastic bag over his head",
        "he's in the van with a charcoal grill burning and the doors shut",
        "my wife took the car and said she's going to drive it into a wall",
        "he's walking on the motorway trying to get hit by a car",
        "I found her with her wrists cut in the bathroom",
        # preparation and farewells
        "my son left a note saying don't look for me",
        "she left a note saying forgive me and I can't find her",
        "he wrote a will yesterday and left a note on the table",
        "a girl in my class posted that tonight is her last night",
        "he said this is the last time we'll talk",
        "she's been giving away all her things, even her phone",
        "a friend posted a photo of a noose with the word tonight",
        "my son said he's worked out how many tablets it would take",
        # teenagers' words
        "my son texted kms and won't open his door",
        "she said she's going to unalive herself",
        "my daughter keeps saying she wants to unalive",
        "my son said he's going to sewerslide",
        "she posted ctb tonight, sorry everyone",
        # code-switched
        "amejinyonga kwenye mti",
        "kaka amesema atajinyonga leo",
        "didi ne fansi lagane ki koshish ki",
        "he said magbibigti siya",
        "nagbigti ang kuya ko, we found him",
        "my sister waxay rabtaa inay is disho",
        "akhi yureed yaqtul nafsahu",
        "my son says ele quer morrer",
        "she says elle veut mourir",
        "amar bhai attohotta korte chay",
        "my brother says thatkolai panna poren",
        "dia mau gantung diri",
        "my mother ufuna ukufa, she keeps saying it",
    ],
)
def test_indirect_self_harm_is_suicidal(text):
    assert "suicidal" in find_red_flags(text)


@pytest.mark.parametrize(
    "text",
    [
        "my son wrote that he wants to unalive",
        "she texted kms",
        "he keeps asking why god would take his friend and not him, he wants god to take him",
        "there was a plastic bag over his head",
        "he set fire to the bin and poured some on himself",
        "she tried to strangle herself",
        "kaka amesema atajinyonga",
        "my son says ele quer morrer",
    ],
)
def test_harm_question_is_asked(text):
    assert harm_cue_said(text)


@pytest.mark.parametrize(
    "text",
    [
        "ela tomou todos os comprimidos",
        "elle a pris toutes ses pilules",
        "mi hermana tomo todas sus pastillas",
        "my flatmate left a voicemail saying she's taken everything in the medicine cupboard",
    ],
)
def test_pills_all_taken_is_an_overdose(text):
    assert SELF_HARM & set(find_red_flags(text))


@pytest.mark.parametrize(
    "text",
    [
        "he said goodbye to everyone before his flight to Dubai",
        "she sent a goodbye text to the group, she's off to university",
        "he's giving his things away before emigrating to Canada",
        "he wrote a farewell message because he's leaving the company",
        "he's writing a goodbye card for his colleague who is retiring",
        "she left a note saying she went to the shop",
        "he's going to jump into the river to swim with his friends",
        "he's going to walk into the sea to go surfing",
        "the kids are jumping off the pier into the water for fun",
        "he jumped off the roof of the shed onto the trampoline",
        "she's had enough of her noisy neighbours",
        "I put down rat poison in the garage yesterday",
        "the exterminator came and laid poison for the mice",
        "he swallowed his vitamin pill with water",
        "she drank her cough syrup, one spoon",
        "no, nobody has taken an overdose",
        "my son's history essay is about the suicide of a king",
        "the news said a man jumped off the bridge in another city",
        "this heat is going to kill me",
        "i want it all to stop, the builders next door have been drilling since seven",
        "he has a rope to tie the goat",
        "he tied the rope to the boat",
        "he has the charcoal ready in his car for the beach barbecue",
        "he said he wants to disappear for a weekend in the mountains",
        "she'd rather die than wear that dress",
        "he's writing his will because the lawyer advised it, he's healthy",
        "she hopes she doesn't wake up early tomorrow",
        "the game is so bad I want to unalive my controller",
        "hakunywa sumu, he is just vomiting from bad food",
        "il n'a pas bu de poison, il a de la fievre",
        "she bought sumu ya panya for the rats in the kitchen",
    ],
)
def test_look_alikes_stay_quiet(text):
    assert not SELF_HARM & set(find_red_flags(text))


@pytest.mark.parametrize(
    "text",
    [
        "she tried to take her life in 2019, she's well now and here for a rash",
        "he says he would never hurt himself",
        "she isn't suicidal, she's just stressed about exams",
        "no, he didn't cut himself on purpose, it was the glass",
        "I'm dead tired after the night shift",
        "kill me now, the traffic is terrible",
    ],
)
def test_denials_history_and_idioms_still_hold(text):
    assert "suicidal" not in find_red_flags(text)
