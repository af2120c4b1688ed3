"""False alarms spent set aw (an outside author's hard negatives, borrowing each flag's words) showed for not breathing,
chest pain, stroke, breathing difficulty, choking, heavy bleeding and serious injury (issue 14), each fixed as a kind and
tested here in the team's own words (no corpus line), beside the real sign each one sits next to.

Whose sign it is: an animal named in the caller's other language (Gulf Arabic "kharoof", a sheep) or led by an
interjection ("wallahi the sheep ... and not breathing"); a car named by its model (a Vios, a Probox); an alarm whose
baby rolled off the sensor pad; a clip on Facebook or a scene in a drama; the call-taker's voice on a bad line.
When: a death dated back ("had a stroke and died in March"); a date in seasons or summers ("two summers back", "last
season"), a year in Haitian Creole or Swahili ("an 2010", "mwaka 2010"), Swahili "mwaka jana" (last year); a stroke
that dates what is left ("after her stroke she coughs on thin drinks"); "and it went" ending a pain (but "came and
went", and anything that "came back", still count); a bleed whose stopping is told sentences later (nothing after it
says it is back); a Creole "she cough it out"; a single gasp that ends a crying spell; breathing that stops "in his
sleep" (Bengali "ghumer moddhe") told before the stopping.
Figures of speech and things: a worry or a load on the chest ("this tax bill is sitting on my chest", "the weight on
my chest is the basket strap"); a road, the traffic or a Hindi "nali" choked; gasping for a cold Coke; breathless
laughing, even with the moment it took told in the next clause (Pidgin "for small"); winded; drowning in work, a breather; red like blood; a cut in salary; Pidgin "I don die"; Spanish "me va a
dar un infarto"; an engine breathing heavy and gasping; a snorer likened to someone choking; no air going to the drills;
blue ticks; lips blue "but that's from" a lolly; slurring because he drank; blood everywhere at work that is "normal for us"; a general "why do face cuts bleed so much".
"""

from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    # the real sign beside each kind, in the same everyday words
    ("my son is lying in the yard and not breathing", "not_breathing", None),
    ("wallahi my father is on the floor and not breathing", "not_breathing", False),
    ("the baby monitor is beeping not breathing and she is grey and floppy", "breathing_difficulty", True),
    ("I saw him stop breathing on the kitchen floor just now", "not_breathing", None),
    ("my wife had a stroke and her face is drooping on one side now", "stroke", False),
    ("the pressure on my chest is crushing and going into my left arm", "chest_pain", False),
    ("there's a heavy weight on my chest since an hour and I'm sweating", "chest_pain", False),
    ("the chest pain went away and then came back, worse", "chest_pain", False),
    ("the chest pain came and went all morning, now he is grey", "chest_pain", False),
    ("he's slurring his words and can't lift his right arm, he hasn't had a drink", "stroke", False),
    ("she is gasping for air and her lips are blue", "breathing_difficulty", None),
    ("he is choking on a piece of meat, nothing is coming out", "choking", None),
    ("we tried to make her cough it out but it is still stuck, she can't breathe", "choking", None),
    ("blood is pouring from his leg and it won't stop", "heavy_bleeding", None),
    ("blood everywhere from his head. It stopped for a minute but now it's pouring again", "heavy_bleeding", None),
    ("blood everywhere on the floor. I pressed a towel. It stopped but it's still soaking through", "heavy_bleeding", None),
    ("he fell off the roof, the bone is showing through his shin", "serious_injury", False),
    ("his lips are blue, but that is from the lolly, and now he can't breathe", "breathing_difficulty", True),
    ("ni mgonjwa, hawezi kupumua sasa, he can't breathe at all", "breathing_difficulty", False),
]

QUIET = [
    # an animal, a car, a machine, a device
    "walahi the kharoof we got for the feast is lying in the pen and not breathing, I need a vet",
    "eish the kharouf in the backyard went stiff and is not breathing, the kids are crying",
    "my Probox can't breathe, the mechanic says the air filter is choked, and now my nose is running",
    "the app on my phone keeps beeping not breathing but the baby moved off the sensor mat, she is pink and crying",
    "the compressor cut out and no air getting to the jackhammer, then the hose hit my shin, it is bruised",
    # a screen
    "I watched a video on facebook of a boy who stopped breathing at the beach, my daughter is fine, she is nine",
    "we saw a scene in a drama where a woman had blood everywhere, now my sister is scared of her delivery",
    # the line, not the patient
    "sorry your voice is slurring and breaking up, the network is bad, I was asking about my rash",
    # dated and past
    "my dad had a heart attack and died in June, and now I get anxious at night, who can I talk to",
    "three winters back one of the lads stopped breathing on the site, I still dream about it, I am not sick",
    "last season my nephew was knocked out at football, today it is my sprained wrist",
    "an 2010 I lost a lot of blood in the earthquake, kounye a m byen, I need my pressure tablets",
    "kaka yangu the bone was showing mwaka jana, now he walks fine, I am asking about my back pain",
    "after her stroke my gran coughs on water, it has been the same for two years, where do I buy thickener",
    # ended, and told so
    "my aunty had chest pain after the curry but it was gas, she burped and it went, now she is watching tv",
    "blood everywhere this morning on his pillow. It was his nose, I pinched it and it stopped. He's eating his breakfast now",
    "my daughter choked on a sweet but she cough it out same time, she is playing now",
    "the baby screamed so hard she held her breath, then she took a big gasp and cried again, now she is feeding",
    "in his sleep his breathing stops for a few seconds, it's the sleep apnoea, he has a CPAP, same as always",
    # figures of speech and things
    "these school fees are sitting on my chest like a rock, but I'm calling because my ankle is swollen",
    "the heavy weight on my chest is the baby carrier, the strap rubs, now there's a red mark, no pain",
    "the traffic on Mombasa road is completely choked, I was in the matatu four hours and now my back aches",
    "the kitchen nali choke ho gayi, I slipped in the water and hurt my knee, it's swollen",
    "I'm gasping for a cold soda in this heat, but really my lips are cracked, which balm",
    "I was breathless laughing at the wedding video, now my stomach muscles ache",
    "he fell on his back at the playground and couldn't breathe for a second, he was winded, now he wants ice cream",
    "I'm drowning in paperwork, give me a breather, I only need a sick note for the flu",
    "the hibiscus tea spilled on the tiles, red like blood, the little one slipped and grazed his knee",
    "big cut in my wages this month so I can't pay the clinic, what helps athlete's foot",
    "I don die o, this toothache no let me sleep since Monday",
    "¡Me va a dar un infarto! the kids broke the window, anyway my son has a cough",
    "the old lorry is breathing heavy, gasping up the hill, and my knee is stiff from the clutch",
    "my roommate snores like he is choking every night, gasping, for months, he's fine in the day, I can't sleep",
    "my husband left me on blue ticks since morning lol, anyway can I take ibuprofen for my period pain",
    "his lips are blue but it's only from the blue slushie, he's running around laughing",
    "my uncle was slurring at the party because he drank too much, today he is sober and talking fine",
    "my lip bled loads after shaving but it stopped, why do face cuts bleed so much",
    "I nearly die laughing for the wedding for Ikeja, I no fit catch breath for small, then I fall for the step",
    "I was laughing so much at my cousin, I couldn't catch my breath for a second, now my ribs hurt",
    "when we slaughter the goats there is blood everywhere on the floor, that is normal for us, today I cut my thumb a bit",
]

NOT_ALSO = [
    # a sign told beside a look-alike of another flag keeps its own flag only
    ("the traffic is choked and my husband has a crushing pain in his chest", "chest_pain", "choking", False),
    ("he drank a lot last night and today he is slurring and his face is drooping on one side", "stroke", "overdose_poisoning", False),
]

TWINS = [
    ("on the video call I can see my niece choking on a sweet, nobody there can help", "choking", True),
    ("in the clip my brother sent, grandpa is gasping and his lips are blue", "breathing_difficulty", False),
    ("a fish bone is stuck, he'll cough it out maybe, but he can't speak and nothing comes", "choking", None),
    ("my husband died in March, I have had enough, I want to go to him tonight", "suicidal", False),
    ("in this whole drama he got stabbed and he is bleeding heavily", "heavy_bleeding", None),
    ("we were on a video call and her face dropped on one side", "stroke", False),
    ("my brother is lying in the pen and not breathing", "not_breathing", False),
    ("my dad had a heart attack, he is grey and sweating with chest pain now", "chest_pain", False),
    ("blood everywhere on his pillow and it is still pouring from his nose", "heavy_bleeding", None),
    ("she took a big gasp and went blue and floppy", "breathing_difficulty", None),
    ("my Probox crashed and my husband can't breathe", "breathing_difficulty", False),
    ("she was laughing so hard at the party, she couldn't breathe for a moment and then went blue", "breathing_difficulty", None),
    ("the baby's breathing stops in her sleep and she goes blue", "breathing_difficulty", True),
]

(test_the_kind_is_heard, test_its_look_alike_is_quiet, test_heard_without_its_look_alike,
 test_the_twin_still_flags) = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)
