"""Kinds spent set ar (South Asia beyond India's cities: Pakistan, Bangladesh, Sri Lanka, Nepal, Bhutan, the Maldives and
their workers abroad) showed in its turns (issue 14), each fixed as a kind and tested here in the team's own words (no
corpus line), with look-alikes that must stay quiet.

Recall:
- hair dye drunk or eaten (paraphenylenediamine, "kala pathar", Vasmol), and a pest product named by what it is for
  ("the balls for the moths", "the powder for cockroaches") rather than by its name; the wheat tablets of a grain store;
- clauses in Nepali, Bangla, Tamil, Urdu, Punjabi, Pashto, Dhivehi and Gujarati for breath that does not run, words
  that will not come, something stuck in the throat, blood that will not stop, a patient who will not wake, a wish to
  die and a poison eaten, said alone with no English beside them.
Look-alikes (no flag): a drain, a sink or a nallah "choked" (South Asian English for blocked); old burn scars; suicide
prevention training or awareness; a fish as a likeness ("like a fish out of water"); an animal that can stop
breathing; a baby monitor that grunts; a ball through a window beside glass; a cough on thin drinks "since his stroke".
Co-flags that must not come with the sign: a chest burnt by fire or acid is no chest pain; a burn said deep is no deep
wound; a head injury's "doesn't know where he is" is no stroke; a knock-out told past with what the patient does now is
no coma now; a tongue thick beside a hand that will not work is no allergy; a voice changed beside a tongue too big is
no stroke; words that will not come out properly are no breathlessness; no air coming from the nose is no breathing
difficulty beside not breathing; a poison kept at home or a knife kept in a room is no poisoning or wound yet.
"""

from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    # hair dye, and pest products named by their purpose
    ("my sister drank a bottle of hair dye after the fight, she is vomiting", "overdose_poisoning", False),
    ("nani ne kala pathar kha liya, she swallowed the black stone hair dye powder", "overdose_poisoning", False),
    ("he drank Vasmol hair oil on purpose an hour ago, his neck is swelling", "overdose_poisoning", False),
    ("the toddler swallowed some hair colour from the bathroom", "overdose_poisoning", True),
    ("my son ate the white balls we keep for the moths in the cupboard", "overdose_poisoning", True),
    ("grandad drank the liquid for killing cockroaches by mistake", "overdose_poisoning", False),
    ("she swallowed the chalk against ants, her mouth is foaming", "overdose_poisoning", None),
    ("he has eaten the wheat tablets from the grain store", "overdose_poisoning", False),
    # clauses in the caller's language, alone
    ("Dadi ko saas chalena", "not_breathing", False),
    ("baba jagdaina", "unconscious", False),
    ("ma marna chahanchu", "suicidal", False),
    ("usle kitnashak khayo", "overdose_poisoning", False),
    ("Abbu shash nicche na", "not_breathing", False),
    ("Ammu dom nite parche na", "breathing_difficulty", False),
    ("rokto pora bondho hocche na", "heavy_bleeding", None),
    ("aar beche theke labh nei amar", "suicidal", False),
    ("bhai bish kheye feleche", "overdose_poisoning", False),
    ("Paati moochu vidalai", "not_breathing", False),
    ("appavukku nenju valikkudhu", "chest_pain", False),
    ("enakku vaazha virupam illa", "suicidal", False),
    ("Abba ki zabaan larkhara rahi hai achanak", "stroke", False),
    ("ammi ko saah nai aunda", "breathing_difficulty", False),
    ("bache de gale vich kuch phas gaya", "choking", True),
    ("zeh mrel ghwaram", "suicidal", False),
    ("mamma neyva nulevey", "not_breathing", False),
    ("dada uthta nathi, uthto nathi", "unconscious", False),
]

QUIET = [
    # choked is blocked, for a drain
    "the drain in the bathroom is choked with hair, water is coming up",
    "our nallah got fully choked after the rain and the street is flooded",
    "the kitchen sink is choking again, can you send a plumber number",
    # old burns
    "she has old burn scars on both arms from a cooking accident when she was ten, they itch in the cold",
    "the scar from his childhood burn is tight and dry",
    # talk about suicide prevention
    "the college is running a suicide awareness week and I need a speaker",
    "I volunteer for suicide prevention and want the number for the leaflet",
    # a fish as a likeness, an animal's breath
    "he took to cricket like a fish to water, he's fine",
    "the zookeeper said a turtle can stop breathing for hours in winter; my son is fine, only curious",
    # a machine that grunts
    "the baby monitor keeps crackling and grunting, I think it's the battery",
    # a ball through a window
    "a football went through the front window, glass everywhere, nobody got hurt",
    # a stroke long past, what it left
    "since her stroke she chokes a little on water, the therapist gave us exercises",
]

NOT_ALSO = [
    ("the pressure cooker burst, her clothes caught fire and her chest and neck are badly burnt", "severe_burns", "chest_pain", False),
    ("hot oil splashed on him at the stall, his chest is burning and the skin is peeling", "severe_burns", "chest_pain", False),
    ("his leg is burnt deep from the kiln, the skin is white and leathery", "severe_burns", "serious_injury", False),
    ("he hit his head on the shelf, his head is injured and he does not know where he is", "serious_injury", "stroke", False),
    ("she fell off the roof, her head is bleeding and she didn't know where she was", "serious_injury", "stroke", False),
    ("he fell from the ladder, hit his head, went out cold for a minute and now keeps asking the same thing", "serious_injury", "unconscious", False),
    ("hit head on the wall blacked out now vomiting", "serious_injury", "unconscious", False),
    ("my left arm won't move since this morning and my tongue feels thick, my speech is slurred", "stroke", "anaphylaxis", False),
    ("after the prawns his lips are huge, his tongue is too big for his mouth and his voice sounds strange", "anaphylaxis", "stroke", False),
    ("her face is drooping and she can't say her words properly", "stroke", "breathing_difficulty", False),
    ("he's not breathing, there's no air coming out of his mouth when I put my cheek there", "not_breathing", "breathing_difficulty", False),
    ("I want to end my life tonight, I've got the pesticide ready in the shed", "suicidal", "overdose_poisoning", False),
    ("my flatmate says she'll kill herself, she has the pills here with her", "suicidal", "overdose_poisoning", None),
    ("he keeps saying he wants to die and he has a knife in his bedroom", "suicidal", "serious_injury", None),
]

# the twins: the same words said of a person now still flag
TWINS = [
    ("my chest is burning like fire and the pain goes into my left arm", "chest_pain", False),
    ("he has a deep cut on his arm from the glass, it is gaping", "serious_injury", False),
    ("the knife is still in his back, he's bleeding", "serious_injury", False),
    ("she suddenly doesn't know where she is and her face has dropped", "stroke", False),
    ("he hit his head and was out cold for a minute, now he won't wake up again", "unconscious", False),
    ("she was knocked out and now she's not answering me", "unconscious", False),
    ("she's gasping like a fish and can't finish a sentence", "breathing_difficulty", False),
    ("she can't get her words out, she's that breathless", "breathing_difficulty", False),
    ("the glass from the window went into his neck and it won't stop bleeding", "heavy_bleeding", False),
    ("my son's drain cleaner, he drank some, he's choking and drooling", "overdose_poisoning", True),
    ("the baby is grunting with every breath and the monitor alarm is going off", "child_danger_signs", True),
    ("he drank the rat poison he kept in the cupboard, he is vomiting", "overdose_poisoning", False),
    ("she had a stroke this morning and since her stroke she can't speak", "stroke", False),
]


(test_the_sign_is_heard, test_the_look_alike_stays_quiet, test_the_sign_comes_without_its_look_alike,
 test_the_twin_still_flags) = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)
