"""Kinds spent set at (West Africa beyond Nigeria: Ghana, Sierra Leone, Liberia, the Gambia, Senegal, Cameroon and their
diasporas) showed in its turns (issue 14), each fixed as a kind and tested here in the team's own words (no corpus
line), with look-alikes that must stay quiet.

Recall:
- a weed killer named as West Africans and South Asians name it ("weedicide"), or by its brand (Gramoxone), a herbicide,
  Clorox or eau de Javel, drunk as a plan ("I will drink the weedicide tonight");
- a medicine taken more often than prescribed ("twice a day instead of once", "two instead of one", "the morning and the
  evening tablets together") with a sign of harm (vomiting, confused, drowsy): an accidental overdose;
- a face "fallen on the left" (or right) is a droop, and a tongue "too big" beside a face fallen on one side is the
  stroke's speech, not an allergy;
- a baby who groans or moans with each breath out is grunting.
Look-alikes (no flag): "I can't breathe" about rent, prices or a landlord; sleep apnoea's pauses told as what happens
every night; a boss choking a department with deadlines; a heavy heart over a business losing money; a fit dated by a
month ("in January, fine since"); a burning in the throat after spicy food or heartburn; a fitting shop (a mechanic's);
a scaffold collapsed at a named site; choking with laughing; "he's like a stone" (still, not chest pain).
Co-flags that must not come with the sign: a brief knock-out told with what the patient does since is no coma now;
"pulling for air" beside the lips is no facial droop; a numb left hand told after a heavy chest is the heart's spread,
not a stroke; "no air going in or out" is no breathing difficulty beside not breathing.
"""

from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    # weed killer by its West African name or brand, drunk as a plan
    ("I'm tired of everything, I'll drink the weedicide after they sleep", "suicidal", False),
    ("my uncle says he is going to drink Gramoxone because of the debt", "suicidal", False),
    ("she told me she wants to drink the herbicide and finish", "suicidal", False),
    ("he keeps saying he will drink the eau de javel tonight", "suicidal", False),
    ("my cousin drank weedicide from the farm store, he's vomiting", "overdose_poisoning", False),
    # a dose taken more often than prescribed, with harm
    ("Papa has been swallowing his heart tablets three times a day instead of once, now he is vomiting", "overdose_poisoning", False),
    ("Nana took two of her pressure pills instead of one since Friday and she is very dizzy", "overdose_poisoning", False),
    ("since Sunday Auntie has been taking her night and morning tablets at the same time, now she is confused", "overdose_poisoning", False),
    ("my mum took the morning and evening insulin together by mistake and she is sweating and shaky", "overdose_poisoning", False),
    # a face fallen on one side
    ("my father's face has fallen on the right since lunch", "stroke", False),
    ("Ma mouth don fall on the left, her mouth has fallen on the left side", "stroke", False),
    ("his mouth fell on the left and his tongue feels too big when he tries to speak", "stroke", False),
    # a baby's groan with each breath out
    ("my baby is moaning with every breath, she won't settle", "child_danger_signs", True),
    ("the small one makes a groaning sound each time he breathes out", "child_danger_signs", True),
    ("di pikin de groan every time e breathe out", "child_danger_signs", True),
]

QUIET = [
    # can't breathe, with money
    "The school fees went up again, we can't breathe, I'm telling you, this country",
    "nobody can breathe with these prices in Freetown, I just want to ask about the clinic hours",
    # sleep apnoea told as every night
    "my husband stops breathing for a few seconds in his sleep every night, he snores, we have an appointment",
    "every night she pauses her breathing while she sleeps, the doctor says it is apnoea",
    # a boss choking a firm
    "the new manager is choking the whole office with targets, I need a sick note for stress",
    # a heavy heart over money
    "the shop is losing money every month and my heart is heavy, can I talk to a counsellor",
    "my heart is so heavy about the business, I have not slept well",
    # a fit dated by a month, well since
    "she had a seizure in March, the doctor started her on tablets, no fits since, I want to renew the prescription",
    "he had a fit in August, he is fine now, I need the clinic letter",
    # heartburn
    "after the pepper soup it burns in my throat and my stomach, I think it's acid",
    "I ate too much shito and it is burning in my belly, what can I take",
    # a fitting shop, a scaffold
    "my apprentice at the fitting shop wants a check-up, he has a cough for two days",
    "the scaffold behind the school at Madina collapsed last night, nobody was on it",
    # choking with laughing
    "my daughter was choking from laughing at her brother, she's fine now, she just has hiccups",
    # a still likeness
    "when he sleeps he lies like a log, nothing wakes him until morning, is that normal",
]

NOT_ALSO = [
    ("he fell from the ladder and was knocked out briefly, he has been sick once since", "serious_injury", "unconscious", False),
    ("she banged her head at football and lay there for a minute not moving, now she's vomited and keeps asking the score", "serious_injury", "unconscious", False),
    ("I'm not sure he was knocked out, maybe a few seconds, he is talking now but keeps repeating himself", "serious_injury", "unconscious", False),
    ("my daughter is pulling for air and her lips look grey", "breathing_difficulty", "stroke", True),
    ("it's like a heavy load on my chest and my left arm is going numb", "chest_pain", "stroke", False),
    ("no air is going in or out of her, her chest does not move", "not_breathing", "breathing_difficulty", False),
]

TWINS = [
    ("I drank weedicide, I don't want to live", "suicidal", False),
    ("he took a double dose of his digoxin and now he is vomiting", "overdose_poisoning", False),
    ("the landlord shouted and now I can't breathe, my lips are going blue", "breathing_difficulty", False),
    ("my father stopped breathing in his sleep and he won't wake", "not_breathing", False),
    ("he is choking on a bone, no sound comes out", "choking", False),
    ("my heart is heavy and the pain is going into my arm and jaw", "chest_pain", False),
    ("he had a fit in January and now he is fitting again", "seizure", False),
    ("my husband died in April, I've had enough, I kept all his tablets and I want to join him", "suicidal", False),
    ("my boyfriend left in May, the rent is late, and tonight I wrote goodbye notes and I'm going to take all my pills", "suicidal", False),
    ("he drank the caustic soda and it burns in his throat, he is drooling", "overdose_poisoning", False),
    ("the scaffold collapsed on him and he is not waking up", "unconscious", False),
    ("he was knocked out briefly and now he is hard to wake", "unconscious", False),
    ("her face is drooping on the left and her left arm is weak", "stroke", False),
]


(test_the_sign_is_heard, test_the_look_alike_stays_quiet, test_the_sign_comes_without_its_look_alike,
 test_the_twin_still_flags) = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)
