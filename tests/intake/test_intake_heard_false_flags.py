"""False flags and false emergencies of no-flag calls through audio (Whisper tiny.en, flite, 8 kHz mu-law, spent sets
n-s), each kind written here as a new paraphrase: what the caller said was not a sign must stay no sign when the
recogniser writes it its own way, and the sign itself must still be read. Never a corpus line."""

import pytest

from intake.dialogue import Dialogue
from intake.prompts import PROMPTS
from intake.red_flags import find_red_flags
from intake.understanding import parse_yes_no


@pytest.mark.parametrize(
    "heard",
    [
        # a pause written as a full stop puts "the same as always" in a sentence of its own
        "She tripped on the kerb and her mouth is lopsided. Same as always.",
        "Dad's left eyelid droops. It's always been like that. He's cut his thumb.",
        "Her words come out slurred. That's her normal. She's got a sore throat.",
        # the old stroke the sign is put down to, in a clause of its own
        "He fell in the garden and his face is crooked but that's from his stroke two years ago.",
        "Her arm is weak and her speech is a bit slurred, it's because of the stroke she had in 2019.",
        # a coloured drink or sweet misheard ("slushie" heard "fleshy"): what she is eating still explains the colour
        "He hurt his knee and his lips are blue, but that's the blue fleshy he's drinking.",
        "Her tongue's gone purple, that's from sucking the grape lolly, she banged her elbow.",
        # "choked" heard "choke", and the pause before "it's fine now" written as a full stop
        "I choke on a peanut at the pub. It's all fine now, but I slipped on the stairs after.",
        "He choked on his water. He's okay now, he just bumped his shin on the table.",
        # "dentures" heard "venture": d and v blur on the line; loose ones still explain a crooked mouth
        "Grandma's new venture is so her mouth looks crooked, she hurt her hand.",
        "His old ventures are loose so his face looks lopsided.",
        # "poo" heard "go": the grunting told as only when he pushes is still the pushing
        "No, she's drinking well, the grunting is only when she pushes a go.",
    ],
)
def test_heard_look_alikes_of_no_flag_calls_raise_no_flag(heard):
    assert find_red_flags(heard) == [] and find_red_flags(heard, child=True) == []


@pytest.mark.parametrize(
    "heard, flag",
    [
        # the baseline said alone, and then something new: the sign stands
        ("Her face droops. It's always been like that. But now she can't lift her arm.", "stroke"),
        ("His mouth is crooked. Same as always. He's suddenly slurring.", "stroke"),
        ("His mouth is crooked. It's never been like that.", "stroke"),
        # put down to an old stroke, but again or today: it may be a new one
        ("His face is drooping again today, that's from his stroke last year.", "stroke"),
        # put down to something that leaves no such mark, or to today
        ("His chest is tight, that's from the fall last week.", "chest_pain"),
        ("His face is droopy, that's since an hour ago.", "stroke"),
        # blue lips beside eating, with trouble breathing
        ("His lips are blue but that's the blue drink he's having and now he's gasping.", "breathing_difficulty"),
        ("Her lips are blue, she was eating and now she can't breathe.", "breathing_difficulty"),
        # fine now asked, not told; or told, and then still or again
        ("She's fitting. She's okay now? She's still shaking.", "seizure"),
        ("She's fitting. She's okay now. No, she's still shaking.", "seizure"),
        ("He's choking on a sweet. He's fine now. Now he's choking again.", "choking"),
        # a venture that is no denture
        ("His new venture failed so his face is drooping on one side.", "stroke"),
        # grunting with the breaths, whatever else is said of pushing
        ("He's grunting with every breath and sucking in under his ribs when he pushes.", "child_danger_signs"),
    ],
)
def test_the_sign_beside_those_kinds_still_counts(heard, flag):
    assert flag in find_red_flags(heard)


WALK = PROMPTS["walk"]


def _walk(text):
    return parse_yes_no(text, keywords=WALK.keywords, yes_phrases=WALK.yes_phrases, no_phrases=WALK.no_phrases,
                        unsure_phrases=WALK.unsure_phrases)


@pytest.mark.parametrize("heard", ["Not he walks through the calf.", "no she walked to the car", "No he's standing up."])
def test_a_denial_before_a_subject_of_its_own_is_no_answer(heard):
    # "ja, he walked to the café" heard "Not he walks through the calf": neither yes nor no, asked again
    assert _walk(heard) == "unsure"


@pytest.mark.parametrize("heard", ["no he can't walk", "no, he is not walking", "no she's not able to stand",
                                   "not walking", "no he never walks"])
def test_a_plain_denial_of_walking_is_still_no(heard):
    assert _walk(heard) == "no"


def test_a_garbled_walk_answer_is_asked_again_not_taken_either_way():
    d = Dialogue(region="NO")
    d.start()
    for said in ("my son", "he fell off his skis and hurt his wrist", "no", "twelve"):
        d.answer(said)
    assert d.awaiting == "walk"
    reply = d.answer("Not he walks through the calf.")
    assert reply.awaiting == "walk" and d.result.start_category is None
    reply = d.answer("yes, he walked to the cafe")
    assert d.result.start_category is not None and d.result.start_category.value == "GREEN"
