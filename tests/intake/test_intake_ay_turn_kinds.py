"""False alarms spent set ay (an outside author's hard negatives, borrowing each flag's words) showed for heavy
bleeding, serious injury, severe burns, unconscious, suicidal and overdose (issue 14), each mended as a kind and tested
here in the team's own words (no corpus line), beside the real sign each one sits next to; and ay's missed close
positive, a period weeks late with a one-sided pain and a faint.

Whose sign it is: a sentence a screen leads ("on the news a crash, blood everywhere on the road"); a story someone
tells of another ("tells the story of her cousin who drank poison", "came home telling how a man on the boat..."); an
animal slaughtered before the blood in its sentence; a tree's wound, burnt food, dye that bled (things, not bodies).
What it is: a likeness ("red marks like somebody was bleeding", "looks like blood" where the sentence says what
coloured it); a bungee jump or skydive (a sport); the caller's own "out cold, they said, ha", told in the past.
A sign's name used as a label ("an overdose poster", "the burns guidelines for the course").
When: an injury named as an old one ("an old head injury", unless open, back or worse now); a bleed that a texted
"n it stopped" ends.
"""

from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    # the real sign beside each kind, in the same everyday words
    ("on the news they said stay in, and my son is bleeding heavily from his head", "heavy_bleeding", None),
    ("we were watching the news when he collapsed and there is blood everywhere from his head", "heavy_bleeding", None),
    ("my uncle tells me he drank the weed killer an hour ago, he is vomiting", "overdose_poisoning", False),
    ("she told me she swallowed poison because of the debts, she is drowsy", "overdose_poisoning", False),
    ("we were slaughtering the goat and the knife slipped into his thigh, the blood is pouring", "heavy_bleeding", False),
    ("the knife slipped while we skinned the sheep, his hand is cut and the blood won't stop", "heavy_bleeding", False),
    ("he fell from the mango tree and has a deep wound on his leg", "serious_injury", False),
    ("the pot of boiling rice fell on her, her arm is burnt badly and the skin is peeling off", "severe_burns", None),
    ("his old head injury scar has split open and is pouring blood", "heavy_bleeding", False),
    ("he has an old head injury and today he fell again, he is confused and vomiting", "serious_injury", False),
    ("cut my hand bad, bled a lot, pressed it n it stopped n then started again, pouring now", "heavy_bleeding", None),
    ("the bath water has gone bright red and she is still bleeding heavily", "heavy_bleeding", False),
    ("he is standing on the bridge saying he wants to jump", "suicidal", False),
    ("she did a bungee jump last year, now she says she wants to jump off the bridge and end it", "suicidal", False),
    ("I was in the kitchen, out cold on the floor is my son, not waking", "unconscious", None),
    ("I was at the market, out cold on the ground, he is not waking", "unconscious", None),
    ("I was outside, out cold by the gate, not moving", "unconscious", None),
    # what the guard found: a burn "frm" a machine's fire, a cut at a butcher's shop
    ("he got burned by the generator explosion, skin peeling off his arms", "severe_burns", None),
    ("at the butcher's my husband sliced his finger on the slicer, blood pouring everywhere", "heavy_bleeding", False),
    # the close positive: a period late, then a one-sided pain and a faint
    ("My girlfriend is two weeks late, now she has a stabbing pain low on the right and she nearly passed out",
     "pregnancy_emergency", False),
    ("I am ten days late and there is a sharp pain on one side, I feel faint", "pregnancy_emergency", False),
    # a sign's name used as a topic's label, beside the sign itself
    ("I have an overdose question, my son took twenty of my sleeping pills an hour ago", "overdose_poisoning", None),
    ("the suicide prevention leaflet is on the table, she says she wants to kill herself tonight", "suicidal", False),
    ("her old chest pain, the one from her heart attack, it is crushing her now", "chest_pain", False),
]

QUIET = [
    # a screen leading the sentence
    "on the tv last night a tanker exploded on the highway, people with burns everywhere, I can't stop thinking of it",
    "in the news today, the crash at the junction, blood everywhere on the tarmac, I wasn't there, I just feel shaky",
    # a story told of another
    "my grandad always tells the story of his uncle who drank poison in the war, the kids love it, he is ninety and well",
    "my brother came home telling how a man at the quarry got his arm caught, blood pouring everywhere, my brother is fine, "
    "he only has a rash",
    # an animal slaughtered
    "we butchered the sheep for the wedding and blood was pouring into the gutter, my daughter felt faint watching, she's fine now",
    # things, not bodies
    "the old oak tree has a deep wound where the storm split it, nobody hurt, can I get a tetanus jab anyway",
    "the beans got burnt at the bottom of the pot, is burnt food bad for a toddler's tummy",
    "my red scarf ran in the wash and the dye bled everywhere, the sink looks like blood, anyway I need a sick note",
    # a likeness
    "grandpa chews betel and spits, the yard is full of red stains like someone was bleeding, he is well, how do I make him stop",
    # a sport
    "My son booked a bungee jump off the gorge bridge for his stag do, he has a heart murmur, is that ok?",
    "my sister wants to do skydiving for charity, she has epilepsy, is it safe",
    # the caller's own past state, told as hearsay or laughed off
    "I was stuck in the walk-in freezer at work for two hours, out cold they said, lol, and now my toes are numb, "
    "how do I warm them",
    # an old injury, the same as always
    "my dad has an old head injury from the mine, he forgets names, same as for years, I am asking about his gout",
    # a sign's name as a topic's label
    "I run a chemist in Kano, I need an overdose poster for the wall, a dosing chart by weight for the mothers",
    "for the first aid course, what are the burns guidelines for children, asking for the exam",
    # a texted ending
    "cut my finger on the can, bled a lot at first but i pressed a towel 10 mins n it stopped, need a tetanus shot?",
]

NOT_ALSO = [
    # the scope takes the look-alike's words away, not the real sign told beside them
    ("my cousin has an overdose poster on her wall but today she swallowed all her mother's pills",
     "overdose_poisoning", "suicidal", None),
    ("the goat we slaughtered bled everywhere, and my son cut his hand on the knife and it is pouring blood",
     "heavy_bleeding", "serious_injury", None),
]

TWINS = [
    ("on the video call I can see my dad, blood everywhere from his arm", "heavy_bleeding", False),
    ("the goat kicked my son and his leg is pouring blood", "heavy_bleeding", None),
    ("the toddler pulled the pan of hot oil over herself, her chest is burnt and blistering all over", "severe_burns", True),
]

(test_the_kind_is_heard, test_its_look_alike_is_quiet, test_heard_without_its_look_alike,
 test_the_twin_still_flags) = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)
