"""Red flags by kind of failure, sixth round: the kinds found by sorting every miss and false flag of the blind
set of author h (intake/corpus/blind_h_*.jsonl, spent on 2026-12-03, branch clin-h), each fixed at the level of
its concept.

Every sentence here was written for these tests, none copied from a corpus: passing them says a fix reaches
words it was not tuned on. Each kind has its emergencies and its benign look-alikes side by side.
"""

from intake.red_flags import find_red_flags
from tests.support.red_flag_kinds import kind_tests

FOUND = [
    # Apnoea found by a breath check that finds nothing: a cheek, an ear or a mirror at the mouth or nose.
    ("not_breathing", "I held my face over her mouth for ages and there wasn't a puff of air"),
    ("not_breathing", "put the back of my hand under his nose, I can't feel anything"),
    ("not_breathing", "we held a compact up to grandad's lips and it didn't fog up"),
    ("not_breathing", "my ear's right by the baby's nose and I can't hear a thing"),
    # Apnoea told by what should move with the breath and does not: clothes, covers, a flat still chest.
    ("not_breathing", "the blanket over him stopped going up and down a minute ago"),
    ("not_breathing", "her pyjama top isn't rising at all, she's grey"),
    ("not_breathing", "his tummy is flat and still, it isn't moving"),
    # Breath sounds that stop now; doubt about any breath at all.
    ("not_breathing", "she was gurgling on the floor and then suddenly the gurgling stopped"),
    ("not_breathing", "he's lying there and I don't think there is any breathing, I can't tell"),
    # Stroke: the wrong names for things with a limb gone weak; a smile that reaches one side only.
    ("stroke", "mum keeps calling the cat the postman and her right arm won't lift"),
    ("stroke", "he tried to smile at me and it only went up on the left side"),
    ("stroke", "her smile's gone lopsided in the last half hour"),
    # Too breathless to finish what is being said, to put two words together, or to do more than nod.
    ("breathing_difficulty", "she's puffing so hard she can't finish a sentence"),
    ("breathing_difficulty", "he's gasping and can only point at his inhaler"),
    ("breathing_difficulty", "grandma's breathing is awful, she can't string three words together"),
    ("breathing_difficulty", "he's heaving air in with his shoulders and he can't finish telling me"),
    # Small things swallowed, named in the plural; Trinidad and Jamaican "can't".
    ("choking", "my toddler swallowed some coins and now he's making a whistling sound"),
    ("choking", "she put beads in her mouth and she cyaah breathe"),
    # A cut whose flow is told as "it": pouring, not stopping, "there's loads".
    ("heavy_bleeding", "he gashed his arm on the tin roof and it's gushing out"),
    ("heavy_bleeding", "I sliced my thumb on the mandolin and I can't stop it"),
    ("heavy_bleeding", "my son's cut on his foot won't stop, there's so much"),
    # Bleeding told by colour: a dressing gone red, a red pool spreading.
    ("heavy_bleeding", "the bandage has turned bright red in five minutes"),
    ("heavy_bleeding", "there's a puddle of dark red getting bigger under her leg"),
    # After a head blow: asking the caller the same thing again; coming off something onto the head.
    ("serious_injury", "she came off her horse and was knocked out, now she keeps asking us what happened"),
    # A burn told by what the skin became, some words after the fire.
    ("severe_burns", "the paraffin lamp tipped over onto him and set his shirt alight, we rolled him on the ground and now his arm and chest are charred"),
    # Calling to someone who lies with eyes shut and gives no reply.
    ("unconscious", "he's not opening his eyes, I keep shouting and there's no answer"),
    # Lips or eyelids blown right up; a tongue too big for the mouth.
    ("anaphylaxis", "after the peanut sauce his eyelids blew right up"),
    ("anaphylaxis", "her tongue has got so big it doesn't fit in her mouth"),
    # Suicide told indirectly: not waking up wished for, with means; no point beside a rope or pills;
    # belongings given away "where he is going"; a rope set up over a beam, or stood under.
    ("suicidal", "she says she'd rather go to sleep and never wake up and she's been hoarding tablets"),
    ("suicidal", "he told me there's no point in going on and he's got the hosepipe in the car"),
    ("suicidal", "my dad said he won't need his tools where he's going"),
    ("suicidal", "she's tied a cord round the banister and won't come down"),
    ("suicidal", "he has a belt and he's standing on a chair in the garage"),
    ("suicidal", "gusto niyang mamatay, my sister keeps saying it"),
    # Poisoning by a fuel burner in a shut room (everyone's headache), by crop spray (two signs), and a Bangla overdose.
    ("overdose_poisoning", "we had the charcoal stove inside the hut with the door closed and now we all have pounding heads"),
    ("overdose_poisoning", "my uncle was spraying the cotton with no gloves and now he is drooling and vomiting"),
    ("overdose_poisoning", "ma ghumer oshudh kheyeche, onek gula"),
    # Pregnancy pain too bad to speak; curled up holding the bump.
    ("pregnancy_emergency", "I'm thirty weeks and I can't talk for the pain in my tummy"),
    ("pregnancy_emergency", "my wife is pregnant and she's curled up on the floor clutching her belly"),
    # A child bringing up every single thing.
    ("child_danger_signs", "my baby girl is vomiting every single thing I give her"),
    # Too breathless to say two words: the last emergency of set h's calls that a flag missed.
    ("breathing_difficulty", "my wife is breathing hard, she can't say two words in a row"),
    # A probe in new words over the weakest families after the fixes above (30 emergencies, 20 look-alikes; at first
    # sight 19 and 17 right): clothes that moved and are now still, a rattle that stops and leaves him quiet, not a
    # flicker from the chest; hoping not to wake with a prescription taken out; letting go from a ledge; a dose again
    # after lunch by mistake; laundry pods; pinpoint pupils after spraying; blood spreading; a plaster soaked.
    ("not_breathing", "his vest was moving and now it's just still"),
    ("not_breathing", "the rattling in his throat has just stopped and he's gone quiet"),
    ("not_breathing", "there's not a flicker from his chest, I've been looking for a minute"),
    ("not_breathing", "grandma's cardigan isn't going up and down and her lips are grey"),
    ("suicidal", "my flatmate said she hopes she won't wake up tomorrow, she's taken her whole prescription out"),
    ("suicidal", "my wife is sitting on the window ledge on the sixth floor and says she's going to let go"),
    ("overdose_poisoning", "my nan took her heart tablets again after lunch by mistake and now she's really dizzy"),
    ("overdose_poisoning", "my toddler chewed one of the washing machine pods and is coughing and drooling"),
    ("overdose_poisoning", "my husband was spraying the paddy without a mask, now he is sweating and his pupils are tiny"),
    ("heavy_bleeding", "blood is spreading across the sheets, it's a big patch and growing"),
    ("heavy_bleeding", "the plaster's soaked and it's running down his arm onto the floor"),
]

NOT_FLAGGED = [
    # Breath checks that find breathing; things that go up and down that are not a patient.
    "I put my hand by his mouth and I can feel him breathing, he's fast asleep",
    "I held a mirror to her nose and it misted right up, she's just sleeping deeply",
    "the lift isn't going up and down, we're stuck on the fourth floor",
    "his snoring stopped after he lost weight, I'm calling about his knee",
    # Breathing that changed, not stopped; an animal's breath; a breath stop at birth, years ago.
    "her breathing's gone a bit fast since she got the cold, she's eating fine",
    "our dog has stopped breathing, is there an emergency vet?",
    "when my son was born he stopped breathing for a few seconds, he's nine now and has a sore ear",
    # Wrong words without weakness; a crooked smile since birth; numb words after the dentist.
    "my toddler calls the dog a horse, is that normal at two?",
    "she's had a crooked smile since she was born, she's fine today",
    "my lip is numb and my words sound funny since the dentist's injection this morning",
    # Only nodding, unable to finish, not for breath.
    "I can only nod along when my boss talks about spreadsheets",
    "I can only point at the menu because I don't speak the language",
    # Cuts that do not bleed much; flows that are not blood; a period changed every few hours.
    "I cut the hedge and now it's pouring with rain",
    "I cut my finger on paper and it keeps hurting",
    "the towel has gone red because it was washed with my red top",
    "I'm changing my pad every four hours, is that a normal period?",
    # Burnt out from work; blister packs for the week; a face like melted wax that is an old scar.
    "I'm totally burned out from the night shifts and need a sick note",
    "I've got my tablets in blister packs for the week, can I get a repeat?",
    # Calling a phone line, not a patient.
    "I've been calling the surgery all morning and there's no answer",
    "I keep calling my son but no reply, he's probably at work",
    # Shaking someone to wake them is not a fit; a feeling of fainting is not unconsciousness.
    "I shook him awake and he's fine now, he just had a nightmare",
    "I feel like I'm going to pass out when I see blood, I need a blood test",
    # Blown up as a balloon; a tongue that is fine.
    "the party balloons blew right up with the pump",
    # Someone else's trouble as an idiom; a suicide long ago; pointless things that are not a life.
    "my mum is going to kill me, I've crashed her car, I've only got a sore neck",
    "my friend's dad killed himself last term and my daughter can't sleep",
    "I don't see the point of the new bus timetable, anyway my knee hurts",
    "we tied the hammock rope over the beam in the garden shed",
    "I want to wake up less tired, I sleep badly",
    # A fuel burner without a shut room; spraying with one sign of heat.
    "we use a charcoal stove outside for cooking and I have a cold",
    "I was spraying the field all morning and I'm a bit sweaty, it's hot",
    # Floppy for life or in a tantrum; heartburn that settles with an antacid.
    "my son has always been a bit floppy, he has hypotonia, today it's his ear",
    "she went all limp on the floor because I said no to sweets, a proper tantrum",
    "I get a burning behind my breastbone when I lie down after dinner, it eases with a Rennie",
    # Someone else's fit, then the caller's own worry.
    "my uncle had a big fit at the funeral last week, now I'm worried about my own headaches",
    # Blue that is a substance; muffled speech as a simile.
    "he's got blue icing all round his mouth from the birthday cake",
    # Look-alikes of the probe's widenings: clothes in a machine, a journey, laughter, a letting go, a wet plaster.
    "my shirt isn't going up and down in the washing machine, it's stuck",
    "I've given away my ticket, I won't need it where I'm going, I'm moving abroad next week",
    "she went floppy with laughter when her dad tickled her",
    "I'm going to let go of the past and get my bad knee seen to",
    "the plaster on my heel got soaked in the shower, should I change it?",
    "my nan took her tablets again after lunch as usual and she's fine",
]


test_each_kind_is_heard_in_new_words, test_look_alikes_of_each_kind_stay_unflagged = kind_tests(FOUND, NOT_FLAGGED)


def test_a_breath_that_changed_is_not_a_breath_that_stopped():
    assert "not_breathing" not in find_red_flags("her breathing has gone really shallow and fast")
    assert "not_breathing" in find_red_flags("her breathing has gone, she is blue and still")


def test_the_caller_shaking_the_patient_is_not_a_fit_but_the_patient_shaking_is():
    assert "seizure" not in find_red_flags("I'm shaking her and she won't wake up")
    assert "seizure" in find_red_flags("her whole body is shaking and she won't wake up")


def test_a_choking_that_flew_out_is_over_but_one_that_is_still_in_is_not():
    assert "choking" not in find_red_flags("he choked on a grape but I did back slaps and it shot out, he's crying now")
    assert "choking" in find_red_flags("he choked on a grape and it has not come out, he's going blue")
