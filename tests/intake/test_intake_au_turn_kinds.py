"""Kinds spent set au (callers whose way of calling is the hard part: the very old, a child phoning for a parent, a
relative interpreting, a speakerphone crowd, panic, drink or exhaustion; West and East Africa, South and South-East Asia,
the Caribbean) showed in its turns (issue 14), each fixed as a kind and tested here in the team's own words (no corpus
line), with look-alikes that must stay quiet.

Recall:
- a walk to the water announced with no return ("she is going to the river and won't be coming back", Pidgin "she no
  go come back");
- a death planned with its means ("going to die tonight with the knife") had been read as someone's past death ("died
  with", "died of");
- a pregnancy in a child's words ("a big baby belly", "a baby bump", "the baby is inside my mum").
Look-alikes (no flag): a trip to the water with an errand or a time to come back; a death foretold by an illness ("going
to die with cancer", "with dignity"); a sign of yesterday with the time now said free of it ("today no pain at all");
gasping or wheezing with laughter; a temper fit with a thing for its reason ("because the dress didn't fit"); a bleeding
stranger the caller saw yesterday and cannot stop thinking of; "not coming back till Sunday" (a return, not a coma).
Co-flags that must not come with the sign: a poison in the hand, said not taken, and a bottle carried into a room are no
poisoning yet; "pulling for air" is no face pulled to one side; a chest burnt by a fire named as its cause is no chest
pain; a pain too strong to talk through is no breathlessness.
"""

from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    # to the water, and no coming back
    ("my brother said he is going to the river tonight and he will not be coming back", "suicidal", False),
    ("Mum told us she is going down to the sea and she is never coming back home", "suicidal", False),
    ("bhaiya keh raha hai he is going to the canal and he won't be coming back", "suicidal", False),
    ("she says she's heading to the lake and she won't come back, she said sorry to the kids", "suicidal", False),
    ("my wife say she dey go to the river and she no go come back", "suicidal", False),
    ("he's walking to the dam now, he texted that he is never coming back", "suicidal", False),
    # a death planned with its means
    ("my daddy said he is going to die tonight with the rope in the garage", "suicidal", False),
    ("Amma keeps saying she wants to die today with the rat poison", "suicidal", False),
    ("he told me he is going to die with these tablets tonight", "suicidal", False),
    ("my uncle wants to die with the pesticide, he says nobody cares", "suicidal", False),
    # a pregnancy in a child's words
    ("I'm eight, my mummy has a big baby bump and she is bleeding a lot on the floor", "pregnancy_emergency", False),
    ("my mum's tummy is big with the baby and she is crying that her belly hurts very very bad", "pregnancy_emergency", False),
    ("the baby is inside my mum and she is shaking and jerking on the floor", "pregnancy_emergency", False),
    ("mummy got a big baby belly, she fell down and there is blood everywhere", "pregnancy_emergency", False),
    ("ate has a baby tummy, she is holding her stomach and screaming, may dugo", "pregnancy_emergency", False),
]

QUIET = [
    # to the water with an errand or a time to be back
    "she is going to the river to wash clothes and she won't be coming back until evening",
    "my husband went to the lake for fishing, he is not coming back till sunday",
    "he is going to the sea with his friends, he will not be coming back home tonight",
    "my husband is not coming back till sunday, he went to his uncle, my daughter has a rash",
    # a death an illness foretells
    "the doctor says she is going to die with cancer, we are looking for a hospice",
    "my dad wants to die with dignity at home, we want to talk about palliative care",
    # yesterday's sign, today free of it
    "Yesterday my chest was sore after carrying the gas cylinder, today no pain at all, can I go to work?",
    "last night my chest was paining from the dust at the site, this morning no pain, is it ok to go back?",
    # laughter
    "I was gasping with laughter at the wedding and slipped off the bench, my ankle is sore",
    "we were wheezing with laughter at the comedy show and she bumped her knee on the seat",
    # temper, with a thing for its reason
    "she threw a fit because her shoes were too tight and kicked the door, her toe is swollen",
    "my son pitched a fit because the TV was off, then he banged his elbow on the table",
    # a stranger seen yesterday, and the caller's nights since
    "I saw a bad crash on the highway yesterday, the man was bleeding heavily, I can't sleep since, who can I talk to",
    "we witnessed a stabbing at the market this morning, the boy was bleeding everywhere, I keep seeing it",
    # a pregnancy with nothing wrong
    "the baby's due next month and she has a cold, can she take honey",
    "my mum is going to have a baby next month, she is fine, I want to ask about vitamins",
]

NOT_ALSO = [
    ("I want to end it, I have the rat poison in my hand but I have not taken it", "suicidal", "overdose_poisoning", False),
    ("my sister says she doesn't want to live and took the kerosene bottle into her room", "suicidal",
     "overdose_poisoning", False),
    ("nataka kufa, the pesticide is here with me, I haven't drunk it", "suicidal", "overdose_poisoning", False),
    # "pulling for air" (West African English for working to breathe) is no face pulled to one side
    ("he's pulling for air and his lips are going grey", "breathing_difficulty", "stroke", False),
    ("baba is pulling for breath, his mouth is turning blue", "breathing_difficulty", "stroke", False),
    # a chest burnt by a fire named as the cause is no chest pain
    ("the kerosene stove caught him, he got burned by the fire, his chest is raw and peeling", "severe_burns",
     "chest_pain", False),
    ("hot oil burned him at the stall, his chest is raw and blistered", "severe_burns", "chest_pain", False),
    # a pain too strong to talk through is no breathlessness
    ("she's eight months gone, the belly pain is terrible, she's bent double and can't talk through it",
     "pregnancy_emergency", "breathing_difficulty", False),
]

# the twins: the same words with the sign still there
TWINS = [
    ("she threw a fit because her fever was very high, her arms and legs were jerking", "seizure", None),
    ("I saw an accident just now, the man is bleeding heavily, please come", "heavy_bleeding", None),
    ("yesterday my chest was sore, today the pain is back and going into my left arm", "chest_pain", False),
    ("he took the pesticide bottle into the shed and drank it", "overdose_poisoning", False),
    ("I have the rat poison here in my hand, I took some already", "overdose_poisoning", False),
    ("I have the rat poison in my hand, he has not stopped vomiting", "overdose_poisoning", False),
    ("my son took the kerosene bottle outside to play, I don't know if he drank", "overdose_poisoning", True),
    ("she is gasping for air and can't talk, her lips are blue", "breathing_difficulty", None),
    ("he fainted and he is not coming back, he won't answer me", "unconscious", False),
    ("my mum is pregnant and she is on the floor holding her tummy screaming, there's some blood",
     "pregnancy_emergency", False),
    ("her face is pulling to one side and she is gasping for air", "stroke", False),
    ("his face is pulled down on one side and his lips are blue", "stroke", False),
    ("my chest is burning like fire, crushing, going into my arm", "chest_pain", False),
    ("she is leaning forward on the chair and can't talk, her lips are blue", "breathing_difficulty", False),
]


(test_the_sign_is_heard, test_the_look_alike_stays_quiet, test_the_sign_comes_without_its_look_alike,
 test_the_twin_still_flags) = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)
