"""Kinds spent set be's single turns missed (UK, Irish, North American, Australian and New Zealand callers), in the
team's own words and other voices, with look-alikes that must not flag.

A bleed told without the word blood: a bath towel soaked (a bath towel is a towel, not a bath: no wet source), a cut
"still pouring" a few words after it or pouring through a dishcloth. A fit that "has gone on five minutes" (how long it
has lasted, not "gone"). A medicine "took her evening tablets twice" ("took her" is no outing when her medicine follows).
A pregnancy told by its scan ("my twenty-week scan", "the dating scan").
"""

from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    # a bleed told by what it soaks or pours through
    ("it's soaked a bath towel and it's still running down his arm", 'heavy_bleeding', None),
    ("dunno if it's a lot, it's soaked right through a bath towel and it's still dripping off his elbow", 'heavy_bleeding', None),
    ('the cut on my hand is still pouring through the dishcloth after twenty minutes', 'heavy_bleeding', None),
    ('his gash is still pissing through the rag I tied on it', 'heavy_bleeding', None),
    ("the wound on her shin is still pouring, I've pressed it for ages", 'heavy_bleeding', None),
    # a fit that has gone on is still a fit
    ("She's on the floor twitching and jerking all over, and it's gone on five minutes", 'seizure', None),
    ("he's shaking all over on the kitchen floor, it's gone on for ages now", 'seizure', None),
    ("my da's jerking all over and it went on for about four minutes and he's still at it", 'seizure', None),
    # medicine taken twice is an overdose
    ("Nan took her evening tablets twice tonight, that's double her digoxin", 'overdose_poisoning', None),
    ("I was ringing about a repeat prescription but Grandad's taken his heart pills twice this morning, a double lot", 'overdose_poisoning', None),
    ("Mum took her evening tablets and then took them again, that's double her warfarin", 'overdose_poisoning', None),
    # a pregnancy told by its scan
    ("I was calling to book my twenty-week scan, but I've had really bad belly pain all morning and now there's a lot of blood", 'pregnancy_emergency', None),
    ("my wife's booked for her anomaly scan next week but she's bleeding heavily now and in agony", 'pregnancy_emergency', None),
    ("I'm due my 12 week scan Friday but there's loads of blood now and bad cramps", 'pregnancy_emergency', None),
]

QUIET = [
    # wet towels and rain are no bleed (heavy_bleeding's look-alikes)
    "it's still pouring with rain and he's cut his knee a wee bit",
    "the cut on his finger bled a bit and stopped, there's a plaster on it",
    # a fit that has gone is over (seizure's look-alikes)
    "she had a wee fit earlier, it's gone now and she's eating toast",
    "the shaking's gone, he's sitting up chatting",
    # medicine taken as prescribed or carried is no overdose (overdose_poisoning's look-alikes)
    'she takes her tablets twice a day with food',
    'I took her to the chemist to pick up her tablets',
    'he took her tablets back to the pharmacy to be disposed of',
    # a scan with no danger sign is no pregnancy emergency (pregnancy_emergency's look-alikes)
    'I had a scan on my knee last week, can I drive yet',
    "my twenty-week scan was fine, baby's kicking, just wanted to ask about heartburn tablets",
]

test_heard, test_unflagged, _, _ = turn_kind_tests(FLAGGED, QUIET, [], [])
