"""Kinds of mishearing found in Whisper's texts of spent sets m and n (tiny.en, flite, 8 kHz mu-law), each written here
as a new paraphrase: what the line leaves of a sign must still read as the sign, and the look-alike that shares the
heard words must not become one. Never a corpus line (the corpus has its own, `hr2-*`)."""

import pytest

from intake.red_flags import find_red_flags


@pytest.mark.parametrize(
    "heard, flag, child",
    [
        # /kl/ heard /gl/, as 'gleared': a jaw 'glenching' after pills is the clenching
        ("He had a pill or two earlier, he is sweating buckets and his jaw glenching", "overdose_poisoning", False),
        # the line cuts the high fricatives, so f and s blur: 'floppy' heard 'sloppy' of a baby, 'cough' heard 'cost'
        ("Our baby girl is sloppy and she's stopped crying", "child_danger_signs", True),
        ("Our little one is all sloppy and not herself", "child_danger_signs", True),
        ("Grandad has my chews in, he cannot cost, his hand is on his throat and nothing comes out", "choking", False),
        # a child's age 'he's two' heard 'he too' between commas, with a drug open beside him
        ("My nephew, he too, got into his dad's methadone and now he's really sleepy", "overdose_poisoning", None),
        # 'his chest' heard 'it's just' after 'can't see'
        ("She's flat on the floor, I can't see it's just moving, there's not a sound from her", "not_breathing", None),
        # 'breathin'' heard 'brother' after a verb of stopping, at a clause's end
        ("Grandpa done quit brother, he's in his chair", "not_breathing", False),
    ],
)
def test_what_the_line_leaves_of_a_sign_still_reads_as_the_sign(heard, flag, child):
    assert flag in find_red_flags(heard, child=child)


@pytest.mark.parametrize(
    "said, child",
    [
        ("The baby's nappy is a bit sloppy today, she's feeding fine", True),
        ("His handwriting is sloppy, the teacher says, I'm calling about his earache", True),
        ("That can't cost more than a tenner, I'll get it from the chemist", None),
        ("He can't cost it out till Monday, the plumber said", None),
        ("My brother, he too, has hay fever every spring", False),
        ("I can't see it's just going to go away, the wart's been there a month", None),
        ("My dad quit smoking and his brother quit drinking, they're both fine", False),
        ("She's glaring at me because I won't let her sit up late", True),
    ],
)
def test_look_alikes_of_the_heard_forms_are_no_flag(said, child):
    assert find_red_flags(said, child=child) == []
