"""Two kinds the eleventh session's merged guard found (issue 14), in the team's own words: a food named as what a store,
a bag or a field holds is no thing with the sign ("we fumigated the rice store with phosphide tablets" is a poisoning);
a joint "on fire" from gout or arthritis is the pain of that illness, not a burn, while a lamp or a stove that set a foot
alight still is.
"""

from tests.support.red_flag_kinds import kind_tests

HEARD = [
    ("overdose_poisoning", "they fumigated the maize store with phosphide tablets and my brother slept beside it, now he is vomiting and dizzy"),
    ("severe_burns", "his foot is on fire, the paraffin lamp fell on him and the skin is peeling off"),
]

QUIET = [
    "my big toe is on fire again, it's the gout, I need a refill of my tablets",
    "her knees are on fire with arthritis this morning, she can still walk to the toilet",
    "the rice is burnt at the bottom of the pot, can we still eat it",
]

test_the_sign_is_heard, test_the_look_alike_is_quiet = kind_tests(HEARD, QUIET)
