"""False alarms spent set aw's author showed in eight flags (burns, fits, unconsciousness, anaphylaxis, self-harm,
poisoning, pregnancy, a child's danger signs), one caller turn at a time, and the close signs beside them: the team's
own paraphrases, not set aw's lines, in the Englishes and other languages of the line's callers.

Kinds of false alarm:
- a thing, not a body: a floppy sun hat, a neighbourhood that blacked out (a power cut), a motorbike kick-started, a
  fitter fitting pipes, a kid goat ("bakri ka bachcha") whose floppiness is told in a clause of its own degree words;
- a figure of speech: an itch or a queue that "is going to kill me", a death sworn on the power coming back, a person
  "poisonous" or who "poisoned the family against me", a show "puro veneno", "end it with him" (an engagement), wind
  told as "it was gas" beside a burp, a child's tantrum ("threw a fit ... because I said no"), a deep sleep
  ("unconscious till noon", "sleep like a log", "can't wake me": the caller is talking);
- whose sign and when: someone who has died ("my late husband had the fits"), a past season ("last season", "the
  floods of ninety-eight"), a relative last month in Swahili ("dada yangu", "mwezi uliopita", "sasa yuko sawa"), a
  story on the news or in a drama;
- a question, not an event, in Spanish and Gulf Arabic ("si alguien", "qué hago si", "law marti");
- the skin's friction, not a burn: blisters from digging or slashing, skin peeling where a strap rubs; a stomach that
  burns when hungry.
Close signs the rules missed: a swallowing planned tonight with the means at hand in Tagalog and Jamaican ("iinumin ko
lahat mamayang gabi", "mi did plan fi drink it"), and the overdose not flagged while "I have not drunk it yet"; a dose
counted in times in Hindi ("chaar baar le li"); early pregnancy told as "I'm 8 weeks" with pain only on one side and a
near faint (possible ectopic); bleeding "since the baby" (after a birth).
"""

from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    ("Pagod na ako sa lahat. I've got all of Lola's sleeping tablets, iinumin ko lahat mamayang gabi", "suicidal", False),
    ("I have the weedkiller in the garage and I plan to drink it tonight when the house is asleep", "suicidal", False),
    ("Mi have di rat poison inna mi bag, mi did plan fi drink it later when dem gone", "suicidal", False),
    ("Nani ne galti se apni BP ki goli teen baar le li, now she is very dizzy and sweating", "overdose_poisoning", False),
    ("I'm 7 weeks, the pain is only on the left side, stabbing, and I almost passed out on the toilet",
     "pregnancy_emergency", False),
    ("Bas thoda sa dard hai, I'm 9 weeks, but it's only on the right side, sharp, and I nearly fainted",
     "pregnancy_emergency", False),
    ("she's been bleeding since the baby and today she's soaking a pad every half hour, big clots",
     "pregnancy_emergency", False),
    ("Sí, mi esposa está sangrando mucho, she is pregnant, bleeding heavily with clots", "pregnancy_emergency", False),
]

QUIET = [
    # a thing, not a body
    "got him a floppy bucket hat for the beach, what sunscreen is ok for a 6 month old?",
    "Our whole street blacked out last night and I stubbed my toe on the bed in the dark, it's a bit purple",
    "Every morning I kick and kick to start the generator and now my calf muscle is sore",
    "I'm a plumber, fitting pipes under sinks all day, and my knees are aching",
    "Hamari bakri ka bachcha bilkul floppy hai, doodh nahi pee raha, vet ka number chahiye, ghar mein sab theek",
    # figures of speech
    "This rash is going to kill me, it itches all night between my toes",
    "the queue at the clinic is going to kill us, I only need my refill of inhalers",
    "I swear I will die if they don't bring back the light, this heat! I just have prickly heat on my neck",
    "My sister in law poisoned the whole family against me, and now my blood pressure is up",
    "She's a poisonous woman, that neighbour. Anyway, I'm calling about my sore throat",
    "Ese chisme es puro veneno, but I only need something for my cold",
    "I'm going to end it with him, the engagement I mean, the stress is giving me a headache",
    "it was only gas, he burped twice and now he's eating rice and laughing",
    "my kid threw a fit at the mall, on the floor kicking and screaming because I said no to the toy, he bumped his knee",
    "my husband says he can't wake me in the mornings, I sleep like a log. I'm calling about my ears",
    "She's unconscious till midday every Sunday, teenagers! Anyway she has a sore throat",
    # whose sign, and when
    "My late wife had fits for years, God rest her. I'm calling about my knee",
    "My son got knocked out cold playing rugby last season, so I know concussion. Today it's me with a sore throat",
    "In the floods of ninety-eight my brother collapsed and never woke up. This year I just have a cough",
    "the news says a man collapsed at the marathon and didn't wake up, I'm running Sunday, should I get checked?",
    "we watched a drama with a woman bleeding in labour and now my pregnant wife is scared, she's fine, no pain",
    "Kaka yangu alikuwa na degedege mwezi uliopita, sasa yuko sawa. I'm asking about my own headache",
    # a question, not an event
    "Qué hago si mi hijo se desmaya y no despierta? It's for a first aid class at church",
    "Law ibni has a fit, what do we do first? He's fine, never had one, just asking",
    # friction and hunger, not burns
    "I have blisters on both palms from digging the garden all weekend, some have popped",
    "the school bag strap rubs my shoulder, and where it rubs the skin is peeling",
    "my stomach burns when I'm hungry, could it be an ulcer?",
]

NOT_ALSO = [
    # the plan is heard, the swallowing denied
    ("I have the paraquat in the shed, I plan to drink it tonight. I haven't drunk it yet", "suicidal",
     "overdose_poisoning", False),
]

TWINS = [
    ("I have all my dad's heart pills and I'm going to take them all tonight", "suicidal", False),
    ("I have the paraquat in the shed, I planned to drink it tonight but I drank some already", "overdose_poisoning", False),
    ("she had a fit in the shop, went stiff and jerked all over when I said her name", "seizure", None),
    ("kicking and screaming and then she went stiff and started jerking, eyes rolled back", "seizure", None),
    ("my brother is fitting on the floor, he has been fitting for five minutes", "seizure", False),
    # a fitter's object never a place: "fit on kitchen floor" is the fit; a degree word is what leaves a clause subjectless
    ("she's 32 weeks, had a fit on bathroom floor 2 mins, now very sleepy", "pregnancy_emergency", False),
    ("a bull gored my uncle in the belly, there's a big hole", "serious_injury", False),
    ("my late husband's brother is fitting on the floor right now", "seizure", False),
    ("my husband will not wake up, I can't wake him", "unconscious", False),
    ("the whole street blacked out and my mum collapsed, she's not responding", "unconscious", False),
    ("I grabbed the hot iron, now there are blisters on both palms and the skin is peeling off", "severe_burns", False),
    ("boiling oil went all over her belly, her stomach burns and the skin is coming off", "severe_burns", False),
    ("the child drank the poisonous liquid under the sink and is vomiting", "overdose_poisoning", True),
    ("my goat is sick and my baby will not feed, completely floppy", "child_danger_signs", True),
    ("I'm 20 weeks pregnant and bleeding heavily with clots", "pregnancy_emergency", False),
    ("this itching is killing me and now my lips and tongue are swelling and I can't breathe", "anaphylaxis", False),
]

(test_aw_b_sign_heard, test_aw_b_look_alike_quiet, test_aw_b_sign_without_its_look_alike,
 test_aw_b_twin_heard) = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)
