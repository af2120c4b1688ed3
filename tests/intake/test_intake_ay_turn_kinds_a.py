"""False alarms spent set ay's author showed in eight flags (not breathing, stroke, breathing difficulty, choking, chest
pain, fits, a child's danger signs, anaphylaxis), one caller turn at a time, and the real signs beside them: the team's
own paraphrases, not set ay's lines.

Kinds of false alarm:
- a thing, not a body, or a word of another sense: a wooden or tea chest, a nose "choked" (blocked), an apnoea monitor,
  a dress fitting or a shirt not fitting at the waist, "not breathless" (a denial read as "not breath...");
- a figure of speech: throwing a fit, "she'll catch a fit when she sees the bill", a packed bus or the heat "you can't
  breathe", a helper who cannot speak in full sentences yet (a language), "na-stroke ako ... joke lang";
- whose sign: an acquaintance's, dated or taken away ("a guest choked yesterday", "my friend at the mosque, on Friday
  his face fell ... they rushed him", "saw a man with his mouth crooked"), a scene "sa teleserye", a child's pretend
  play ("pretend you're not breathing");
- when: a belief corrected ("we thought he wasn't breathing ... it was a prank"), a choking "now fine and talking", a
  breath-holding spell that ended in a cry the table blanked, a shaking in sleep ended by waking and answering, nightly
  pauses of a sleeper ("every night he stops breathing for some seconds"), a baseline "that's her baseline now";
- the patient's own shouting ("shouting at me") read as the caller's call that got "nothing";
- what explains it: an exercise told by an instructor (yoga's breath hold), grey from dust, arms too tired to lift
  after carrying sacks, teeth chattering with the shaking (rigors), a face twisted "because she is vexed", angina
  "stable", a hangover (not a "hang"ing face), blowing on a fire (not "blue").
"""

from tests.support.red_flag_kinds import turn_kind_tests

FLAGGED = [
    # the same words when the sign is there now
    ("my brother is not breathing, his lips are going blue", "not_breathing", None),
    ("she stopped breathing a minute ago and she won't wake up", "not_breathing", None),
    ("the guest at table four is choking on a bone, he can't talk, he's going purple", "choking", None),
    ("my friend at the office, his face has dropped on one side just now and his speech is slurred", "stroke", None),
    ("I can see a man on the road with his mouth crooked and he can't lift his arm, he's lying there now", "stroke",
     None),
    ("I can't breathe, my chest is tight and I can't finish a sentence", "breathing_difficulty", None),
    ("he's having a fit, shaking all over and his eyes are rolled back", "seizure", None),
    ("she had a fit and she's still jerking, it won't stop", "seizure", None),
    ("there's a crushing weight on my chest going into my left arm", "chest_pain", None),
    ("her face is grey and her lips are blue, she's struggling for air", "breathing_difficulty", None),
    ("her face has dropped on one side since this morning and her words are slurred", "stroke", None),
    ("he's choking, he can't breathe at all, nothing is going in", "choking", None),
    ("my dad's angina is bad today, the pain is crushing and won't go with his spray", "chest_pain", None),
]

QUIET = [
    # a thing, or another sense of the word
    "I was lifting Dadi's old wooden chest off the top shelf, the heavy weight all on my shoulders, now my lower back hurts",
    "the wooden chest fell on my foot, my toe is bruised, nothing else",
    "mera nose fully choked hai, blocked since yesterday with this cold, which steam should I use?",
    "in 2018 our son stopped breathing for a moment in his sleep, he's seven now and well. Can we give away the apnoea monitor?",
    "my wedding suit fitting is tomorrow and the tailor says the jacket is not fitting at the shoulders",
    "He's not breathless at all, he can talk in full sentences, just a tickly cough",
    # figures of speech
    "My aunt threw a fit at the post office over the queue. She's fine, only her sugar is high from the stress",
    "Granny go catch a fit when she see the water bill, but I'm calling about my rash",
    "the market was so crowded I could not breathe, anyway my question is about my swollen feet",
    "in Karachi in June you can't breathe outside, I stay in. Is prickly heat cream okay for kids?",
    "My neighbour's maid cannot speak in full sentences yet, she is learning English; she has an earache",
    "Na-stroke ako sa bill ng kuryente, joke lang! my blood sugar is 7 this morning, ok lang?",
    # whose sign
    "Last night at the restaurant a diner choked on a fishbone and the manager helped him. I can't stop thinking of it",
    "my friend from church, last Sunday her face went to one side while we sang and they rushed her. Me I'm seventy and well",
    "yesterday at the bus stop I saw an old man with his face drooping, they took him away. I'm okay, just shaken",
    "Kagabi sa teleserye the grandfather had a heart attack and Mama cried, now she wants her sugar checked",
    "my son plays doctor, he says pretend you are not breathing and then he pushes on my tummy, it's sore now",
    # when
    "we thought he was not breathing under the water, he came up laughing, it was a joke, he's fine now eating",
    "my father choked on his tea at breakfast, coughed a lot, now fine and talking. Is it his age?",
    "my wife has sleep apnoea, every night she stops breathing for some seconds then snores again and carries on. Tonight like always",
    "Since his stroke in 2020 his face droops a bit on the right and his right hand is weak, the therapist says that's his baseline now, and today he is just the same",
    "he was shaking in his sleep, a bad dream, we woke him and he answered at once, he's fine, drinking water",
    # what explains it
    "my pranayama teacher makes us stop breathing for thirty seconds and I feel dizzy after. Should I skip it?",
    "my face is grey from the cement dust after work, I just need a moisturiser",
    "can't lift my arms after loading sacks at the depot all day, both shoulders ache, which rub is best?",
    "He is shaking all over, his teeth are chattering from the fever, but he's talking and wants a blanket",
    "her mouth is twisted to one side because she is vexed with me, she talks fine to everyone else",
    "grandad's angina is stable, no pain today, can he go on the coach trip?",
    "my uncle only has a hangover and a dry mouth after the party, what helps?",
    "the smoke got in her eyes when she blew on the charcoal, she's coughing a bit and talking",
    # the patient's own shouting is an answer, not the caller's call unanswered
    "No, nothing is caught in her throat, she's eating fine and shouting at us, it's only a sore throat",
]

NOT_ALSO = [
    # the choking denied, the smoke in the throat is no burn and no blue
    ("she blew on her soup and choked on a noodle, she can't talk or cough", "choking", "breathing_difficulty", None),
]

TWINS = [
    # a thing's word beside the real sign still reads the sign
    ("I was lifting a wooden chest and now there's a crushing pain in my chest going to my jaw", "chest_pain", None),
    ("my dad threw a fit, he's on the floor, stiff and jerking, his eyes are rolled back", "seizure", None),
    # an acquaintance's sign told now, or still going, is the call's
    ("my colleague is choking right now, he can't speak or breathe", "choking", None),
    ("a man at the bus stop has his face drooping on one side, he can't speak properly", "stroke", None),
    # a belief not taken back
    ("we thought he was not breathing and he still isn't, his chest is not moving", "not_breathing", None),
    # pretend said of nothing: "he's not pretending, he isn't breathing"
    ("he's not pretending, he is not breathing, please help", "not_breathing", None),
    # a packed room where the breathing is the patient's own, now
    ("she can't breathe, she's gasping and her lips are blue", "breathing_difficulty", None),
    # shaking with fever and unresponsive is not a rigor
    ("the baby is shaking all over with the fever and not responding, her eyes are rolling", "seizure", None),
    # a face twisted with no reason given
    ("her mouth is twisted to one side and she can't lift her right arm, it started an hour ago", "stroke", None),
    # a breath-holding spell that did not end
    ("he was crying so hard he held his breath and went blue, and now he is floppy and not breathing",
     "not_breathing", None),
    # the caller's shouting, unanswered
    ("I shouted at him and shook him, nothing, he won't wake up", "unconscious", None),
    # "now breathing" with no subject is no recovery while something after it says it is not over
    ("my aunt fainted and won't wake up, ten minutes now breathing but no answer", "unconscious", None),
    ("he choked on a sweet, now fine but still coughing and he can not talk", "choking", None),
    # nightly pauses that are not tonight's: tonight he won't wake
    ("every night he snores but tonight he stopped breathing and he won't wake up", "not_breathing", None),
]

(test_ay_a_sign_heard, test_ay_a_look_alike_quiet, test_ay_a_sign_without_its_look_alike,
 test_ay_a_twin_heard) = turn_kind_tests(FLAGGED, QUIET, NOT_ALSO, TWINS)
