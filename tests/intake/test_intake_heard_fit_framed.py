"""A fit heard without its f (issue 14, eleventh session, spent set az through audio): on an 8 kHz line Whisper writes
"she's sitting" and "having a sit" for fitting and a fit. "Sitting" is read as fitting only in a frame no one sitting
has: jerking or foam (as before), and now someone put on their side or in the recovery position, or a body the caller
cannot hold still. Sitting with a cushion on its side, held up or held back, stays sitting.
"""

from tests.support.red_flag_kinds import kind_tests

HEARD = [
    ("seizure", "my brother is sitting on the mat, we turned him on his side like the nurse said"),
    ("seizure", "the old man is sitting again and we put him in the recovery position"),
    ("seizure", "she keeps sitting and sitting, I can't hold her still"),
    ("seizure", "grandpa is having a sit in the kitchen and I can not hold him down"),
]

QUIET = [
    "my father is sitting in his chair and I can't hold him up, he's too heavy for me",
    "he's having a sit in the shade after the walk, he's fine",
    "she is sitting on the bed and we put her on her side of the bed",
    "mum is sitting in the recovery room after the operation",
    "my uncle is sitting outside and I can't hold him back, he wants to go home",
]

test_a_fit_heard_as_sitting_in_its_frame_is_read, test_sitting_without_the_frame_stays_sitting = kind_tests(HEARD, QUIET)
