"""Kinds of telling set p's author used that the rules did not read (the team's own paraphrases, not set p's lines):
Mauritian Creole's "pa pe respire" and Québécois "respire pu ... rien"; a chest that "don't move" or "isn't doing the up and
down"; no breath taken since the snoring stopped; chest pain in Serbo-Croatian and as "a heavy tight band" alone; no
eyes opened or answer given since he went down, eyes that will not open however the caller calls; a self likened to
someone in a film (the likeness is the patient, not the film); a plan to go into the water or onto thin ice beside giving
up; a farewell sent today beside an older threat; a drug name spelled letter by letter; gummies eaten by the jar, forty
tablets taken hours ago, "a bunch of something" with slow breathing, a double dose with muddle; a birth told as "the baby
came"; a fit in pregnancy that stopped with her not back to herself; a head in slang; a cow that kicked him; a burn told
by massive blisters or by hard, white, painless skin. Each kind has look-alikes that must stay unflagged."""

import pytest

from intake.red_flags import find_red_flags


@pytest.mark.parametrize(
    "text, flag",
    [
        # French creoles and Québécois
        ("ma fille, pa pe respire, she fell in the pool and she's all blue", "not_breathing"),
        ("grandpere li pa pe respire, he's gone grey on the kitchen floor", "not_breathing"),
        ("ma blonde respire pu, she just went down in the snow, I'm shaking her", "not_breathing"),
        ("I put my hand on his chest and there's rien, he's lying on the ice", "not_breathing"),
        # the chest watched, told without the word "breathing"
        ("her tummy don't move at all, she's floppy in my arms", "not_breathing"),
        ("his chest isn't doing its up and down any more, he's on the carpet", "not_breathing"),
        ("the snoring cut out ten minutes back and he hasn't taken one breath since", "not_breathing"),
        ("she has not drawn a single breath since she slid off the chair", "not_breathing"),
        # chest pain in Serbo-Croatian, and the band alone
        ("boli ga u grudima, he's sweating and grey, he was digging the garden", "chest_pain"),
        ("tata has a pain u grudima like a stone on him", "chest_pain"),
        ("he keeps saying it feels like a heavy band and he's gone clammy", "chest_pain"),
        ("my mum says it is a crushing band and she can't sit still", "chest_pain"),
        # unconscious told by the clock and by the senses
        ("she keeled over twenty minutes ago and hasn't opened her eyes since she fell", "unconscious"),
        ("he has not opened his eyes or said a word since half seven", "unconscious"),
        ("her eyes won't open no matter how loud we shout her name", "unconscious"),
        ("my girl's floppy as a rag doll and her eyes won't open", "unconscious"),
        # a self likened to someone in a film; a baby likened to one in a documentary
        ("I'm like the bloke in that movie who sorts out his affairs, I've written my will and I'm ending it tonight",
         "suicidal"),
        ("she's grunting with each breath like the babies on that hospital show, she's three weeks old", "child_danger_signs"),
        # a plan to go into the water or onto thin ice, beside giving up
        ("I'm at the reservoir and I'm going to walk into the water, I've had enough of everything", "suicidal"),
        ("he says he will skate out onto the ice where it's thin and never come back", "suicidal"),
        ("I'll just step off into the river, nobody would notice", "suicidal"),
        # a farewell sent today beside an older threat
        ("she texted me an hour ago saying sorry for everything, love you all, and last month she said she'd end it",
         "suicidal"),
        # today's time told in the clause before the farewell, or as "earlier" / "last night"; the old event after it
        ("this morning my sister messaged me, saying goodbye to all of us, and last month she took an overdose",
         "suicidal"),
        ("he texted me a goodbye earlier and last year he tried to hang himself", "suicidal"),
        ("she messaged the group chat last night saying goodbye, a few months ago she took a load of pills",
         "suicidal"),
        # a drug name spelled letter by letter
        ("he's swallowed the lot, the packet says A-M-I-T-R-I-P-T-Y-L-I-N-E", "overdose_poisoning"),
        ("I took all of them, it's c.o.d.e.i.n.e on the box", "overdose_poisoning"),
        # gummies by the jar, many tablets hours ago, an unknown something, a double dose
        ("my daughter has eaten the whole tub of vitamin gummies, she's three", "overdose_poisoning"),
        ("she swallowed thirty paracetamol after tea and she says she feels alright", "overdose_poisoning"),
        ("he necked a handful of something at the rave and now he's barely breathing", "overdose_poisoning"),
        ("mum took her warfarin twice this morning and now she's all muddled", "overdose_poisoning"),
        # a birth told as "the baby came"
        ("my baby arrived at home an hour ago and I'm soaking through the towels with blood", "pregnancy_emergency"),
        # a fit in pregnancy that stopped, her not back to herself
        ("she's thirty weeks, she had a fit, the jerking has stopped but she's not with it at all", "pregnancy_emergency"),
        ("she's thirty weeks, she had a fit, the jerking has stopped but she's not with it at all", "seizure"),
        # head injury: slang for the head, an animal that kicked him
        ("she cracked her noggin on the shelf, she's been sick and seems all muddled", "serious_injury"),
        ("the horse kicked my son in the head, he was out cold and now he keeps being sick", "serious_injury"),
        # burns told by the blisters and by the skin
        ("the chip pan went over him an hour ago and now the blisters on his arm are enormous", "severe_burns"),
        ("the bonfire caught her and the skin on her legs is stiff and white, she says she can't feel it", "severe_burns"),
        ("his sleeve was burning and now his forearm is white like wax and it doesn't hurt", "severe_burns"),
    ],
)
def test_p_kinds_are_read(text, flag):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize(
    "text, flag",
    [
        ("il respire plus facilement avec le nouveau inhalateur, he's fine now", "not_breathing"),
        ("rien, nothing is wrong, I'm just ringing about my prescription", "not_breathing"),
        ("the lift isn't doing its up and down thing today, we're stuck on the stairs", "not_breathing"),
        ("I haven't had a breath of fresh air all week stuck indoors", "not_breathing"),
        ("my grudge against my boss is killing me, ha", "chest_pain"),
        ("it's a tight band round my head every afternoon", "chest_pain"),
        ("my son's in a heavy metal band and they play too loud", "chest_pain"),
        ("his eyes won't open properly, they're gummed up with conjunctivitis", "unconscious"),
        ("the newborn hasn't opened her eyes much today, she's feeding well", "unconscious"),
        ("my legs feel limp after the gym and my eyes won't open in the morning", "unconscious"),
        ("in the film the hero stops breathing and they bring him back", "not_breathing"),
        ("I feel like the woman in that film who ended it all, but I'm not going to do anything", "suicidal"),
        ("I'm going to go in the water for a swim and come back for lunch", "suicidal"),
        ("we'll skate out onto the ice and not come back till teatime", "suicidal"),
        ("I'll just get in the water, I've had it with this heat", "suicidal"),
        ("years ago he sent me a text saying sorry for everything, he's fine now", "suicidal"),
        ("she messaged me last month saying goodbye, this morning she started her new job", "suicidal"),
        ("earlier in the year he posted a goodbye, last month he took an overdose, he's had help since", "suicidal"),
        ("she takes one melatonin gummy at bedtime, she's six, is that safe", "overdose_poisoning"),
        ("he takes twenty tablets a day for his heart and sugar", "overdose_poisoning"),
        ("she had her early night and took her tablets as usual", "overdose_poisoning"),
        ("my baby came home from nursery with a nosebleed that won't stop, it's pouring", "pregnancy_emergency"),
        ("he had a fit, it stopped after a minute and he's back to himself, chatting", "seizure"),
        ("he shaved his bonce for charity and it's sunburnt", "serious_injury"),
        ("the cow kicked the gate and it's broken, it's not moving", "serious_injury"),
        ("I've got a massive blister on my heel from my new boots", "severe_burns"),
        ("the candle wax dripped on my hand, it's gone white and hard like wax but doesn't hurt", "severe_burns"),
        ("she said I can smell burning and then she went stiff", "severe_burns"),
    ],
)
def test_p_kinds_lookalikes_stay_unflagged(text, flag):
    assert flag not in find_red_flags(text)


@pytest.mark.parametrize(
    "text, flag",
    [
        # "the baby is doing ..." is no "baby is due"
        ("my granddaughter is doing the twitchy thing, arms stiff then jerking, she's ten months", "pregnancy_emergency"),
        # jumping over a fire is no jump to die
        ("my lad tried to jump over the campfire and landed in it, his shins are charred", "suicidal"),
        # shaking likened to an electric shock is no electrical burn
        ("he's shaking like someone getting electrocuted, no wires anywhere near him, he's fitting on the floor",
         "severe_burns"),
        # "something's wrong", "she feels weird" are said, not speech that comes out wrong
        ("she keeps saying something's wrong, her belly is rock hard, she's thirty-six weeks", "stroke"),
        ("he said he feels funny and then his arms started jerking", "stroke"),
        # food stuck in the throat is no impalement; glass stuck in a foot is no choking
        ("a chunk of steak is stuck in her throat, she can't get a breath", "serious_injury"),
        ("there's a shard of glass stuck in her foot and she can't walk on it", "choking"),
    ],
)
def test_p_wrong_second_flags_stay_off(text, flag):
    """A second flag that is clinically wrong on an emergency (the emergency's own flag is tested above)."""
    assert flag not in find_red_flags(text)



@pytest.mark.parametrize("text", [
    "he overdosed back in the spring and tonight he has swallowed the whole bottle again",
    "my sister took an overdose last year, and now she's had the whole packet again",
])
def test_the_whole_box_taken_again_is_an_overdose_now_whatever_came_before(text):
    assert "overdose_poisoning" in find_red_flags(text), text


@pytest.mark.parametrize("text", [
    "earlier this year she took an overdose, today she just wants a repeat of her inhaler",
    "he tried to hang himself earlier this year and he's doing well now, it's his knee today",
])
def test_earlier_this_year_is_history(text):
    assert not {"overdose_poisoning", "suicidal"} & set(find_red_flags(text)), text
