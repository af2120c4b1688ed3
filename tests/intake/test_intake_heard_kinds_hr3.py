"""Kinds of mishearing found in Whisper's texts of spent sets x and y (tiny.en, flite, 8 kHz mu-law), each written here
as a new paraphrase: the line's high fricatives swapped (read a second time, a flag kept only where another of its own
words frames the swapped one), Whisper's pause commas inside a phrase, a degree cut off by a full stop. Never a corpus
line (the corpus has its own, `hr3-*`)."""

import pytest

from intake import fricatives
from intake.red_flags import _is_sign_word, find_red_flags


@pytest.mark.parametrize(
    "heard, flag, child",
    [
        # /θ/ heard /s/: a tongue going thick beside the tongue
        ("After the peanut biscuit his tongue went sick and his lips are big", "anaphylaxis", False),
        # /s/ heard /f/: slurred speech beside a face dropping on one side
        ("Her mouth's dropped on the left and her speech is flurred and flurry", "stroke", False),
        # /f/ heard /s/: fitting beside jerking, or a jaw locked for minutes
        ("The lad's sitting again, arms jerking, eyes gone up", "seizure", None),
        # a pause comma between a body part and its denied verb
        ("I've got him flat on the carpet and his belly, isn't rising at all", "not_breathing", False),
        # Pidgin 'no dey' heard 'no, they' after a named person
        ("Please come, my brother, no, they breathe again", "not_breathing", None),
        # 'so bad' cut off from its pain by a full stop
        ("She is twenty eight weeks gone, pain in her tummy. So bad. She can't walk", "pregnancy_emergency", False),
        # plural 'white spirits' after 'ran' for drank
        ("The toddler ran the white spirits from a mug and he's coughing", "overdose_poisoning", True),
    ],
)
def test_what_the_line_leaves_of_a_sign_still_reads_as_the_sign(heard, flag, child):
    assert flag in find_red_flags(heard, child=child)


@pytest.mark.parametrize(
    "said, child",
    [
        ("I'm sick of this cough, my tongue's furry, can I get some linctus?", False),
        ("She's sitting up in bed eating toast, the fever has come down", None),
        ("It was a flurry of visitors all day and Dad's tired, his speech is fine", False),
        ("I can see that, it looks a bit strange but it's not painful", False),
        ("No, she's breathing, okay. No breathing problems at all, just the rash", None),
        ("Is he breathing ok? No, they moved him to the other ward, I'm his sister", False),
        ("He ran the white spirits back to the shop, I'm phoning about my back", False),
        ("My tummy hurts a bit. So bad of me, I ate all the chocolate", False),
    ],
)
def test_look_alikes_of_the_heard_signs_stay_unflagged(said, child):
    assert find_red_flags(said, child=child) == []


def test_the_swap_is_only_a_second_reading_and_never_of_function_words():
    """'that' is never heard for 'fat' (a voiced th), and nothing swaps when no neighbour is a sign word."""
    assert fricatives.swapped_reading("i can see that", _is_sign_word) == ("", [])
    alt, spans = fricatives.swapped_reading("her speech is flurry", _is_sign_word)
    assert [alt[s:e] for s, e in spans] == ["slurry"]
