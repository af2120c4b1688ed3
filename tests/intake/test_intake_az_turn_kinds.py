"""Kinds spent set az (an outside author's hardest-to-hear emergencies, issue 14) showed for pregnancy, heavy bleeding,
seizure and a child's danger signs, and the false flags beside them, each fixed as a kind and tested here in the team's
own words (no corpus line), beside its look-alike.

Heard now: a pregnancy begun with a test that "came out" positive or showed two lines, a birth "3hrs ago", a woman "due
soon"; a clause after one that tells today's time ("tonight she ...") is today's, not dated by an earlier "last week";
severe belly pain shown rather than said (holding the belly or side while screaming, doubled over, fainting, letting
no-one touch her); blood that has soaked, filled or run through a garment, a bed or a seat ("wet with blood", "the seat is
full of blood", "dripping through her wrapper", "a little, well, it has soaked my skirt"); the arms "still" or "already"
jerking; a feed not taken said as nursing or breastfeeding, or as last night's bottle still full; "evrything" and
"even the water" vomited.
Quiet now: a fit's signs (eyes rolled back, twitching all over, convulsions) raise the child's danger sign only when a
child is named or known (the seizure flag implies it then); "pregnant with ideas", a budget "bleeding"; a fever's shivers
likened to a fit, told with chattering teeth or the patient talking; "says she's gone out" is no speech lost; "so she
doesn't wake up" and "it would take not to wake up" are a purpose, not someone who cannot be woken.
"""

from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    # a pregnancy said by its beginning
    ("my girlfriend's test came out positive on monday and now she's bleeding heavily, soaking pads", "pregnancy_emergency", None),
    ("she gave birth at the clinic 3hrs ago and the blood is pouring out of her", "pregnancy_emergency", None),
    ("the stick showed two lines a month ago, tonight she has a stabbing pain low on the right and she passed out", "pregnancy_emergency", None),
    ("my sister is due soon and she's having a fit, her whole body is shaking", "pregnancy_emergency", None),
    # severe belly pain shown, not said
    ("she is six months pregnant, clutching her belly and screaming", "pregnancy_emergency", None),
    ("my wife is expecting, she's gripping her tummy, doubled up on the mat", "pregnancy_emergency", None),
    ("she's pregnant and she's holding her left side and collapsed in the kitchen", "pregnancy_emergency", None),
    # blood soaked into what she wears or sits on
    ("the car seat is full of blood from the cut on his thigh", "heavy_bleeding", None),
    ("her nightie is wet with blood and it keeps coming", "heavy_bleeding", None),
    ("the blood from his leg is dripping through his trousers onto the floor", "heavy_bleeding", None),
    ("I'm bleeding from down below, only a little, well no, it has soaked my trousers", "heavy_bleeding", None),
    ("I'm thirty weeks and I woke up and the mattress is drenched in blood", "pregnancy_emergency", None),
    # arms jerking on
    ("we put a spoon in his mouth and his arms are still jerking", "seizure", None),
    ("she has epilepsy, it's starting, her arm is already jerking", "seizure", None),
    # a feed refused, vomiting all
    ("my baby girl has not breastfed all day, she just sleeps", "child_danger_signs", True),
    ("the baby has not nursed since last night", "child_danger_signs", True),
    ("my toddler is vomiting evrything, even sips of water", "child_danger_signs", True),
    ("his bottle from this morning is still untouched and he's only two months old", "child_danger_signs", None),
]

QUIET = [
    "my head is pregnant with plans for the shop, I only need a refill of my inhaler",
    "the shop is bleeding money since the road closed and I can't sleep, can I get something for sleep",
    "my husband is shivering like he is having a fit under two blankets, his teeth are chattering with the fever",
    "he has a temperature and he is shaking like a seizure, but he is talking to me, he just feels cold",
    "the parcel was delivered 2 hrs ago and the box was dented, I need a number for the courier",
    "my essay is due soon and I have a headache",
    "my daughter is due back from school soon and she has a cough",
    "my mum rang, she said she's gone to the market, I'm calling about her prescription",
    "he says he is going out later, can you tell me the clinic hours",
    "she is pregnant and holding her tummy, laughing at the cartoon, craving mango",
    "the baby's bottle of water is still full but she drank all her milk",
    "the baby sleeps in our room now so she doesn't wake up the others",
]

NOT_ALSO = [
    # a fit's signs, no child named: the seizure, not the child's danger sign
    ("she fell and now her whole body is stiff and jerking and her eyes are rolled back", "seizure", "child_danger_signs", None),
    ("he is twitching all over and foaming at the mouth", "seizure", "child_danger_signs", None),
    ("he is having convulsions on the floor", "seizure", "child_danger_signs", None),
    # a purpose, not a coma
    ("she texted that she will swallow all her pills tonight so she doesn't wake up", "suicidal", "unconscious", None),
]

TWINS = [
    ("my baby's eyes are rolling back and he is twitching all over", "child_danger_signs", None),
    ("he is twitching all over", "child_danger_signs", True),
    ("the business is struggling and my wife is pregnant and bleeding heavily", "pregnancy_emergency", None),
    ("he is shaking like a fit and not answering me, his eyes rolled up", "seizure", None),
    ("she says her speech is gone and her face dropped on one side", "stroke", None),
    ("we shook him so he would wake up but he does not wake up", "unconscious", None),
    ("she is pregnant, holding her belly and screaming in pain", "pregnancy_emergency", None),
    ("the baby has not had a bottle all day and won't wake properly", "child_danger_signs", True),
]

(test_the_kind_is_heard, test_its_look_alike_is_quiet, test_heard_without_its_look_alike,
 test_the_twin_still_flags) = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)
