"""Whether a mention of a sign is about this patient, now: negation, resolution, history, hypotheticals.

A small ConText (Chapman et al., as in medspaCy's `ConTextComponent`): trigger phrases modify the
mentions inside their scope, and a scope ends at a clause or sentence break. Each check takes the
prepared text and the mention's span and answers one question, so a reader can see why a flag was
dropped. The rule of thumb is SAFETY.md's: doubt is not negation ("I'm not sure if he is breathing"
still counts), and "all over" is not "it's over".
"""

from __future__ import annotations

import re

# "not sure if", "I don't think": a caller's doubt, never a denial. Replaced before any check.
HEDGES = re.compile(
    r"\b(not sure|do not know|did not know|can not tell|could not tell|not certain|"
    r"do not think|did not think|not too sure|no idea|can not say(?= (if|whether|for sure|for certain|exactly)\b))\b"
)
_SENTENCE_BREAK = re.compile(r"[.?!]")
_CLAUSE_BREAK = re.compile(
    r"[,;.?!]|\b(but|and|though|although|however|so|because|then|except|whereas|while|yet|now)\b"
)
_PRE_NEGATORS = {"not", "never", "without", "denies", "deny", "denied", "nor", "neither"}
_NEAR_NEGATORS = {"no", "none", "stopped", "nothing"}
# "Nobody is choking", "nobody drank it": nobody as the sign's own subject. Not "nobody knows him" before what comes next.
_NOBODY_DOES = re.compile(r"\b(?:nobody|noone)(?: (?:is|was|s|has|had|have|been|got|ever|actually|really|here|else))*"
                          r"(?: (?:taken|took|had|drunk|drank|swallowed|done)(?: an| a| any)?)?$")
_INABILITY = {"can", "could", "will", "would", "unable"}  # "no chest pain", "it stopped bleeding": right before it
_NEGATIVE_FINDINGS = {"waking", "wake", "breathing", "breathe", "responding", "respond", "moving", "move", "answering",
                      "answer", "feeding", "feed", "drinking", "reacting", "react", "opening", "conscious", "awake"}
_PSEUDO_NEGATION = re.compile(r"\b(not only|not just|no doubt|no wonder|not even sure)\b")
_RESOLVED = re.compile(
    r"^(?:\w+ ){0,4}?(?:(?:has|had|is|was|have|are|got|seems?|now) )*(?:now |all |finally |completely |since )?"
    r"(stopped|over|gone|gone away|went away|passed|finished|ended|settled|eased|subsided|resolved|cleared|"
    r"under control|better|no more|not anymore|warmed up|(?<=\bit )went(?= ?$)|went(?= (?:completely|totally|fully|entirely)\b)|no (?:pain|bleeding|blood|burning|swelling|shaking)(?= now\b)|sorted it|sorted|stop|healing (?:nicely|well|fine|up)|healed(?: up)?|"
    # "yesterday a pain in my chest, but today nothing at all": the time now said with nothing in it
    r"(?:today|tonight|this morning|this evening|since then|now) nothing(?! (?:helps?|works?|stops?|eases?|changes?|makes?|will|would|can|could|is|seems?|has|gets?|happens?|more)\b)|"
    # "yesterday my chest was sore from lifting, today no pain at all": the time now said with the sign's word denied
    r"(?:today|tonight|this morning|this evening|since then|now) (?:there is |there s |i have |he has |she has )?no (?:pain|ache|aches|bleeding|blood|"
    r"burning|swelling|shaking|soreness|problems?|trouble)(?: at all| whatsoever| anymore| any more)?(?= ?(?:[,.;?!]|$)))\b"
)
# How long ago an ending was: "it stopped an hour ago", "it settled twenty minutes ago".
# "it stopped hours ago": a count of hours may go unsaid.
_AGO = re.compile(r"^ (?:about |around |over |nearly |like |almost )?(?:(?:an?|half an|\w+|\d+)(?: \w+)? )?"
                  r"(?:hours?|minutes?|mins?|while|bit|days?|ages) ago\b")
# What may follow an ending: "it stopped now", "gone down a bit"; "gone into both arms" is no ending.
_AFTER_ENDING = {"", "now", "already", "completely", "away", "down", "off", "thank", "again", "by", "on", "after",
                 "for", "since", "mostly", "totally", "fully", "itself", "at", "bleeding", "fitting", "shaking",
                 "jerking", "and", "but", "so", "in", "within", "when", "once", "about", "just", "with", "inside", "indoors", "quickly"} - {"a"}
# How long a sign has gone on: "it's gone on five minutes", "it went on for ages", "gone on and on".
_GONE_ON_FOR = re.compile(r"on (?:(?:for|about|over|nearly|almost|like|a good|well|past) )*(?:(?:a|an|half an|\w+|\d+) )?"
                          r"(?:and a half )?(?:minutes?|mins?|seconds?|secs?|hours?|hrs?|ages|a while|while|too long|long)\b|"
                          r"on and on\b")
# Where a sign goes when it spreads: "gone down my arm", "passed up into her jaw".
_SPREAD_TO = re.compile(r"(down|up|on|in|into|to|through|round|around|across|along)( (to|into|in|through))? "
                        r"(my|his|her|their|the|both|one|each|left|right|your)\b")
# The patient is well again: ends a fit, a faint, a choking or breathing scare, never a bleed or a wound.
_WELL_AGAIN = re.compile(
    # "now fine and talking", with no subject said: only "fine" or its like, and nothing after it that takes it back
    r"\b(now (fine|okay|ok|alright|normal)(?!.*\b(but|still|not|no|nothing)\b)|"
    r"(now|again) (he|she|they|it) (is|are) (breathing|talking|awake|conscious|responding|fine|okay|ok|alright|"
    r"normal|back to normal|playing|sitting up|pink|laughing|smiling|giggling|eating|feeding)|"
    r"(then|after that|after a (minute|few minutes|while)) (he|she|they) (is|are|was|were|s) (fine|okay|ok|alright|normal|"
    r"back to normal)|(he|she|they) (is|are) (breathing|talking|awake|conscious|fine|okay|"
    r"alright|back to normal|completely normal|responding)( and \w+)? (now|again|normally|fine)|(he|she|they) "
    r"(came|come|has come|have come|is come|s come) (round|to|back round)|(woke|woken|wake) (him|her|them)( up)? and (he|she|they) (answered|responded|spoke|talked|knew (us|me))|knows who (i|we) (am|are)|back to (himself|herself|themselves|myself|(his|her|their|my) (usual |normal |old )?self)|(woke|wakes|has woken|woken) (right |straight |back )?up|breathing (again|normally)|"
    r"(he|she|they|i) (is|are|am) (talking|chatting) to (me|us|you) (now|again)|(came|come|has come) (back )?round( in| within| after| straight| quickly|(?= ?[,.;]| ?$))|(he|she|they|i) (have|has) been (fine|okay|ok|alright|normal|well) (all day|all morning|since|ever since|since then)|"
    r"(he|she|they) (is|are) (asleep|sleeping|resting) (now )?(and )?(fine|breathing)|"
    r"(when|once|as soon as) (i|we) (picked|lifted|touched|shook|moved|called|nudged) (him|her|them)( up)? (he|she|they) (cried|woke|opened|moaned|answered|responded)|"
    r"(coughed|spat|spit|brought|got|sicked) (it|that|them|the \w+( \w+)?) (up|out)|"
    r"(he|she|they) (cough|spit|bring) (it|that|the \w+( \w+)?) (up|out) (same time|straight away|at once|right away|immediately)|(it|that|the \w+) (flew|popped|shot|came|fell|pinged) (straight |right |back )?(out|up)|"
    r"(he|she|they|baby) (is|are|s) (now )?(crying|screaming|coughing)( loud\w*)?( and \w+)? now|awake now|back to normal|completely normal now|fine now|okay now|ok now|alright now|normal now|"
    r"(it|he|she|him|her|they|everything|all) (is |s |are )?(fine|okay|ok|alright|normal|good) today|"
    r"(blue |brown |his |her |the |my )?(inhaler|puffer|nebuli[sz]er)s? (has |have )?(worked|helped|did the trick)( and| ,)+ (he|she|they|i) (is|are|am|s) "
    r"(fine|okay|ok|alright|normal|better|breathing (normally|fine|ok|okay))|"
    r"(up and )?(playing|running around)|feeding well|drinking well|eating well|feed well|feeds well|wake and feed|"
    # "he drinks very well from the breast"; "the bone is stuck but he is talking and swallowing okay": no airway blocked
    r"(drinks|feeds|sucks|eats) (very |really |so )?well|"
    r"(he|she|they|i) (is|are|s|am|m) fine and fine|"  # two normal signs read as "fine": "breathing fine and talking normally"
    r"(he|she|they|i) (is|are|s|am|m) (talking|breathing|swallowing)( and (talking|breathing|swallowing|eating|drinking))? (ok|okay|fine|normally|well)|"
    r"(he|she|they|i|baby) (is|are|am|s|feels?|seems?) (now |completely |totally |absolutely |perfectly |back )?"
    r"(fine|okay|ok|alright|normal|well|better|happy|settled)( now| again| today|(?= ?$)|(?= ?;))|"
    r"(talking|answering|breathing|crying|chatting|walking)( and (talking|breathing|crying|chatting|walking))? "
    r"(ok|okay|fine|normally|well|again) now|answering (my |our |the )?questions|happy again|"
    r"(he|she|they) (is|are|s)( now)? (completely |totally )?(fine|okay|ok|alright|normal) and (talking|breathing|crying|chatting|playing)|"
    r"(he|she|they|baby) (is|s|are) (now )?(laughing|smiling|eating|drinking|feeding|playing|chatting|giggling)( now| again| normally| normal| happily| well| great))\b"
)
# "should she still see someone": a question about what to do next, not the sign still going on; so is "she still sees
# the nurse" (Whisper drops the "should"): care still to be sought, not the sign.
_STILL_ASKED = re.compile(r"\b(should|do|does|must|can|could|would|will) (i|we|he|she|they|you) still\b|"
                          r"\bstill (?=(see|sees|go|goes|get|gets) (to )?(someone|somebody|a doctor|the doctor|a gp|the gp|"
                          r"a nurse|the nurse|the clinic|a clinic|checked|seen)\b)")
# "I could not wake him for a second": a moment of not waking, told as over. Only waking: a baby who stopped breathing
# "for a moment and went blue" or a fit "for a moment" is still the sign.
_A_MOMENT = re.compile(r"^ ?(?:(?:him|her|them|me|us|it) )?(?:only |just )?for (?:a|one) (?:split )?(?:second|moment|sec)\b(?! at a time)(?!.*\b(?:now|still|again)\b)")
_NOT_WAKING = re.compile(r"\b(?:wake|waken|woken|waking|rouse|roused|respond\w*|answer\w*)\b")
# A crying or temper spell in which a child holds the breath (the words "held his breath" are blanked before this, so the
# subject left beside the blank says it too), and the cry or breath that ends it: told together, the blue is over.
_SPELL = re.compile(r"\b(?:tantrum|paddy|temper|strop|meltdown|crying (?:fit|so hard)|cried so hard|screaming fit|"
                    r"breath ?holding|(?:he|she|they|baby|boy|girl|son|daughter|one|was|were) ~)")
_SPELL_ENDED = re.compile(r"\b(?:then|and then|till|until|before|after that|but then) (?:(?:he|she|they|the baby) )?(?:(?:just|finally) )?"
                          r"(?:screamed|yelled|howled|cried|wailed|shrieked|bawled|sobbed|let out an? (?:\w+ )?(?:yell|scream|cry|"
                          r"wail|howl|shriek)|started (?:crying|screaming|yelling|howling|breathing)|took an? (?:big |deep |huge )?"
                          r"(?:breath|gasp)|caught (?:his|her|their) breath|gasped)\b|"
                          # or a gasp and a cry the table blanked as the spell's own words ("then he ~ again")
                          r"\b(?:then|and then|but then) (?:he|she|they|the baby) ~")
# ... unless the sign is said to go on after the ending: "then she screamed, but her lips are still blue".
_STILL_NOW = re.compile(r"\b(?:still|not breathing|floppy|limp|will not wake|can not wake|not waking|unresponsive)\b")
_LASTED = re.compile(r"\b((it|that|this|the \w+) )?(only )?lasted (about |around |for |maybe )?(a|one|\d+|two|three|a few|few|ten|thirty) (seconds?|minutes?|mins?)\b")
# An episode dated at a moment gone by is told as finished too: "the fit was two hours ago", "that was this morning".
_WAS_AT = re.compile(r"^ (?:was|were|happened|came) (?:about |around |maybe |like )?(?:(?:a|an|one|two|three|four|five|six|"
                     r"ten|twenty|thirty|forty|a few|few|several|\d+) (?:hours?|minutes?|mins?) ago|this morning|"
                     r"last night|yesterday|earlier(?: today| on)?)\b(?! (?:and|but) (?:it|he|she|they) (?:is|s|are) still)")
# Breathing (or a pulse) that stopped "and has not come back" is the sign itself, not its ending.
# A sign that ended and returned: "the chest pain went away and then came back", "it stopped and it's come back".
_CAME_BACK = re.compile(r"\b(?:and|then|but|it|that|they|pain|bleeding|blood|fit|fits|shaking|tightness|pressure|breathing)"
                        r"(?: then)? (?:came|comes|come|has come|s come|is coming|keeps coming|kept coming) back\b(?! to\b)")
_NOT_BACK = re.compile(r"\b(not|never) (come|came|started|start) (back|again)\b")
# An episode that stopped with the patient not back to themselves is not over: "the fit has stopped but she is still out of
# it" (an unclear recovery is never read as the milder branch).
_NOT_WELL_AFTER = re.compile(r"\b(?:but|and) (?:he|she|they) (?:is|s|are) (?:still )?(?:real |really |very |totally |completely |so |well )?"
                             r"(?:out of it|not with it|not right|not responding|not coming round|not waking( up)?|unresponsive|"
                             r"not (?:herself|himself|themselves)|not making sense|away with it)\b")
_AUXILIARIES = {"has", "had", "is", "was", "have", "are", "got", "seems", "seem", "now", "all", "finally",
                "completely", "since", "been"}
_STILL = {"not", "never", "no", "still", "unsure", "barely", "hardly"}
# The day now, said with the ending: "aching yesterday, it's gone today", "today it's gone". Not a subject of its own.
_DAY_NOW = {"today", "tonight"}
# "another fit before he woke up from the first": waking that has not happened yet ends nothing.
_NOT_YET = {"before", "without", "until", "till"}
# Subjects a resolution may have without naming the sign itself: "it stopped", "the fit is over".
_RESOLVED_SUBJECTS = re.compile(
    r"^(it|that|this|which|they|he|she|the \w+|his \w+|her \w+|bleeding|fitting|shaking|pain|seizure|fit|"
    r"swelling|burning|choking|jerking)\b"
)
_FEASTS = (r"(?:(?:chinese|lunar|vietnamese|korean|japanese|islamic|jewish|persian|sinhala|tamil|thai|khmer) )?"
           r"(?:new years?(?: s)?(?: day| eve)?|christmas(?: day| eve)?|xmas|easter|thanksgiving|eid(?: al (?:fitr|adha))?|"
           r"hari raya(?: \w+)?|raya|ramadan|ramzan|tet|chuseok|seollal|songkran|diwali|deepavali|holi|vesak|obon|"
           r"mid autumn(?: festival)?|moon festival|pongal|onam|navratri|durga puja|dussehra|halloween|hanukkah|passover|"
           r"nowruz|kwanzaa|carnival|(?:the )?\w+ festival)")
_HISTORY = re.compile(
    r"\b((\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several|many|some|a couple of|couple of)"
    r" (years?|months?|weeks?|summers?|winters?|seasons?|harvests?|rainy seasons?|christmases|ramadans?) (ago|back|before)|"
    r"(last|past|previous) (year|month|week|years|months|term|semester|school year|season|rainy season|harvest)|earlier (this|last) (year|month)|"
    r"years ago|months ago|weeks ago|in the past|(in|during) the (war|blitz|troubles|genocide|civil war)|history of|used to|previous(ly)?|once had|"
    r"for (years|months)|for (the )?(last |past )?(\d+|a few|few|several|many|two|three|four|five|six|ten) (years|months)|"
    r"since (january|february|march|april|june|july|august|september|october|november|december)|all (my|his|her|their) life|"
    r"back in (january|february|march|april|may|june|july|august|september|october|november|december|the spring|the summer|"
    r"the autumn|the fall|the winter|spring|summer|autumn|winter|(19|20)\d\d)|"
    r"last (january|february|march|april|may|june|july|august|september|october|november|december)|"
    r"(in|during|early in|late in) (january|february|march|april|may|june|july|august|september|october|november|december)"
    r"(?=( ,)? (i|he|she|we|they|my \w+|his \w+|her \w+) (had|was|were|got|needed|lost|bled|went)\b)|"
    # "he had a fit in January, he's been fine since": a month that ends a clause told with "had" or "was" dates what
    # was told in it (a due date or a booking is no past: "due in March"; "my wife died in March" dates no plan of now)
    r"\b(had|was|were|got|suffered)\b[^,;.!?]{0,40}(?<!due )(?<!expected )(?<!next )(?<!booked )(?<!until )(?<!till )"
    r"(?<!by )\b(in|during|early in|late in) (january|february|march|april|june|july|august|september|october|november|"
    r"december)(?= ?(,|\.|;|!|$))|"
    r"since (birth|childhood)|when (he|she|they|i|we|my \w+|our \w+|the baby) (was|were) (born|a newborn|newborn)|at birth|since (he|she|they|i|we) (was|were) born|"
    r"in (19|20)\d\d|(in|since|back in|during) (january|february|march|april|may|june|july|august|september|october|november|december)( ,)? (of )?(19|20)\d\d|(19|20)\d\d (mein|me|main|ma|ke|wale|wala|ka)\b|(noong|nung|tahun|en|en el|em|em el|an|mwaka|sa) (19|20)\d\d|"
    r"(\w+ )?tahun (yang )?lalu|hace (\w+ )?anos|(ha|faz) (\w+ )?anos|(\w+ )?(saal|sal) (pehle|pahle)|(\w+ )?taon na ang nakalipas|\b(had|was|were|got|took|tried|did)\b[^,;]{0,40}\bat (the age of |age )?(\d\d|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?= ?(,|$|\.| and | i am| i m| now))|"
    r"\b(was|were|got|had)\b[^,;]{0,40}\b(in|during) the (\w+ )?war\b|as an? (?:(?:little|small|young|wee) )?(child|kid|baby|newborn|infant|toddler|teenager|teen|student|boy|girl|lad|lass|fella|fellow|nipper|youngster|pikin|one|un|young (man|woman|lad))|when (e|im|i|she|he|dem|una|they) (dey |be |is |still |still dey |still be |still is )?(small|pikin|small pikin|a pikin)|"
    r"\b(had|got|broke|suffered|injured|hurt|happened|diagnosed|crashed|was|were)\b(?:(?!\b(?:is|am|are|s|now)\b)[^,;]){0,60}"
    r"\bin (my|his|her|their|our) (early |late |mid )?(teens|twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|\d0s)|"
    r"when (i|he|she|they|we) (was|were) (a |an )?(teenager|teen|kid|student|at school|in school|at university|at college|"
    r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)( (years?|months?|weeks?|yrs?))?( old)?|"
    r"when (i|she|we|you) (was|were) (pregnant|expecting)|when (i|she|we) (had|was having|was expecting) (my|her|our) (first|second|third|last|\w+ (child|baby|son|daughter))|(when|since) (he|she|i|they|we) (was|were) (young|younger|a child|a baby|a newborn|a kid|little|small|a (?:little |small |young )?(?:girl|boy|lad|lass|toddler|youngster)|"
    r"children|kids)|last (summer|winter|spring|autumn|christmas|holiday|holidays|season|rains|rainy season|dry season|monsoon|harmattan)|"
    # a season of a year told in words: "in the harmattan of eighty three", "the floods of ninety eight"
    r"(harmattan|rains|rainy season|dry season|monsoon|drought|floods?|war|winter|summer|spring|autumn|famine|hurricane|cyclone|"
    r"typhoon|earthquake|riots?|epidemic|outbreak) of (nineteen )?(fifty|sixty|seventy|eighty|ninety)\b|"
    # A feast or a festival gone by dates an episode as a season does: "choked on rice cake last New Year", "this past
    # Eid", "at Tet the year before".
    rf"(last|this past|the past|previous|the last) {_FEASTS}|{_FEASTS} (before last|the year before|last year|two years ago)|(?<!same as )(?<!same look as )(?<!just like )(?<!like )last time(?! (i|you|we|they) (will|ll|would|are going to|am going to|is going to) )|long time ago|long ago|years back|"
    r"that was (yesterday|last \w+|\w+ (days|weeks|months|years) ago)|discharged?|lost (the|her|my|a) baby|"
    r"my (first|last|previous|other) (child|baby|pregnancy|delivery)|"
    r"(last|previous|other|earlier) (pregnancy|pregnancies|baby|birth|delivery|labou?r)|"
    # "seven months, first baby", "with her first pregnancy": the one carried now is the first; "my first baby" stays past
    r"(?<!, )(?<!this is )(?<!it is )(?<!it s )(?<!with )(?<!with her )(?<!with my )(?<!with our )(?<!with their )"
    r"first (pregnancy|pregnancies|baby|birth|delivery|labou?r)|(recovered|recovering) from|"
    r"survived|ended up (with|in|having|needing|on)|since (his|her|my|their) \w+( \w+)? (last|in|years|months)|"
    r"last (monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)|"
    # "since his stroke he coughs on thin drinks": what a stroke left behind (not one this morning or yesterday)
    r"(since|after) (his|her|my|their) (stroke|strokes|mini stroke|tia)(?! (this|today|tonight|earlier|just|an hour|last|on|the other day|a few days|\w+ (minutes?|hours?|days?) ago|yesterday)\b)|"
    r"ever since (his|her|my|their) (stroke|operation|op|surgery|diagnosis|childhood|illness|heart attack|chemo\w*|"
    r"radiotherapy|transplant|birth|injury|accident|\w+ (injury|accident|operation|surgery)))\b"
)
_OTHER_PAST = re.compile(
    r"\b(died|die|dies|bled to death|bleed to death|dropped dead|passed away|passed on|lost (my|his|her|their) \w+|killed (him|her|them))( \w+)? (of|from|after|to)\b|"
    # "died with it" is someone's death; "she's going to die tonight with the knife" is a plan and its means, no past
    r"\b(died|die|dies|bled to death|bleed to death|dropped dead|passed away|passed on|lost (my|his|her|their) \w+|killed (him|her|them))( \w+)? with(?! (him|her|them|me|us|you)\b)(?!(?:(?<=to die with)|(?<=to die tonight with)|(?<=to die today with)|(?<=to die now with)|(?<=to die soon with)) (the |a |an |his |her |my |their |that |this |these |those )?(\w+ )?(knife|knives|blade|razor|rope|noose|pills|tablets|gun|pistol|rifle|poison|kerosene|petrol|belt|cord|pesticide|insecticide|bleach|weed ?killer|sniper|acid|wire|cable|medicines?|drugs)\b)\b|"
    # Caribbean and West African "dead from": "mi madda dead from heart attack long time" (a death dated back)
    r"\bdead (?:of|from) (?:a |an |the )?(?:\w+ ){0,3}?(?:long time|long ago|years ago|years back|(?:\w+|\d+) years? (?:ago|back)|since (?:19|20)\d\d)\b|"
    r"\bbefore (he|she|they) (died|passed)\b|\b(die|died|dies) in (his|her|their) sleep\b|"
    r"\b(friend|neighbou?r|cousin|colleague|sister|brother|aunt|aunty|uncle)( s)? (baby|child|son|daughter|kid|little (one|girl|boy)) "
    r"(was|had|got|died|die|went)\b|"
    r"\b(runs? in (the|our|my|his|her) family|family history|in (our|the|my|his|her) family)\b(?! way)|"
    r"\bit (is|s|was|has been) (all )?(on|in|all over) the (news|papers?|radio|telly|tv)\b|"
    r"\b(had|got|suffered|died of)( a| an)? \w+( \w+)? at (my|your|our) age\b|"
    # one who has died: "my late husband had the fits" is his story, not a sign now
    r"\b(my|our|his|her|their|your) late (husband|wife|father|mother|dad|mum|mom|papa|mama|brother|sister|son|daughter|"
    r"uncle|aunt|aunty|auntie|grandfather|grandmother|granny|grandpa|grandma|gran|nan|friend|partner|baby|child|boy|girl)"
    r" (had|was|used to|would|suffered|died|passed|got|went|fell|also had|always had)\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(what if|in case|just in case|signs of|symptoms of|what are the|how (do|can|would|will) (i|you|we) "
    r"(know|tell|recogni[sz]e|spot)|(to )?prevent|avoid|risk of|at risk|watch (out )?for|look out for|look for|what (should|do|can) (i|we) (look|watch)|how (i|we|you) (will|would|can|should) (know|tell)|"
    r"how long (should|can|does|do|will|is)|before (i|we|you) (call|ring|phone)|when (should|do|must) (i|we) (call|ring|phone)|"
    r"what (is|s|are)( (a|an|the))?(?= ?$)|what does (a|an|the) \w+ look like|"
    r"warned (us|me|him|her) about|told (us|me|him|her) to watch|worried about getting|afraid of getting|"
    r"(might|may|could|will|would|going to|gonna) (get|develop|start|have (a|an|another)(?! (lie|nap|rest|kip|snooze|sleep|bath|shower|drink|cup|cuppa|look|go|think|chat|smoke|beer|break|sit|early|quiet|lazy|nice|lovely|good|day|evening|weekend|holiday|meal|party|bite|snack|wash)))|(worried|afraid|scared|frightened|concerned) (that )?(he|she|they|i|my \w+|the \w+) ((might|may|could|will)( get| start| go into)?|(will|is going to|going to) have)(?= $)|should (he|she|i|we|they) (get|have)|"
    r"what (counts|is classed|is classified|is considered|(would|does|should|will|do|might) (\w+ )?(count|be classed|be classified|be considered|be called|class))( as)?|when to worry|"
    r"(?<!keeps )(?<!kept )(?<!keep )(going to|gonna|want\w* to|plan\w* to|hop\w* to|about to|will) (go to )?sleep (and|then)|"
    # play or practice: "pretend you are not breathing", "let's pretend to be asleep" (a game, not a sign)
    r"pretend (that )?(you|we)( are| re| were)?|pretend to be)\b"
)
# Not knowing when a sign comes is no sign now: "hard for me to identify when I feel the shortness of breath" (not
# knowing whether someone breathes is doubt about now, and still counts).
_WHEN_UNKNOWN = re.compile(r"\b(hard|difficult|impossible|not easy)( for (me|him|her|us|them))? to (identify|tell|say|know|"
                           r"pinpoint|notice|judge|predict) when (i|he|she|they|we|it) (\w+ ){0,3}$")
# Asking where the line is: the question may follow the sign ("how much bleeding is too much?").
_WHERE_IS_THE_LINE = re.compile(r"\bhow (much|heavy|long|many|bad)( \w+){0,2} (is|are|counts as) too (much|heavy|long|many|bad)\b")
_IF = re.compile(r"\bif\b")


def _asks_where_the_line_is(t: str, start: int, lo: int, hi: int) -> bool:
    """The mention is in a question of how much is too much; what is told after it, past a comma, is happening ("how
    much blood is too much at ten weeks, I've soaked four pads": the pads are no question), and so is what was told
    before it, past a comma ("the towel is red right through, I don't know how much is too much": the doubt is of the
    amount, the towel is told)."""
    return any(m.start() <= start < m.end() or (start < m.start() and not re.search(r"[,;.]", t[start:m.start()]))
               or (m.end() <= start and not re.search(r"[,;]|\bbut\b", t[m.end():start]))
               for m in _WHERE_IS_THE_LINE.finditer(t, lo, hi))
_CLAUSE_END = re.compile(r"[,;]")
# An aside between commas that says what the person is, not what happens: "what do I do if my brother, he has epilepsy,
# has a fit": the if-clause goes on past it.
_WHO_THEY_ARE = re.compile(r" , (?:he|she|they) (?:has|have|is|s|are) (?:\w+ ){0,2}\w+ ,(?= \w| ?$)")
# An indirect question that was asked: "she asked if he wanted tea", and the telling goes on after it.
_ASKED_IF = re.compile(r"\b(asked|asks|wondered|checked|tested) (\w+ ){0,2}if$")
_SUBJECTS = {"he", "she", "they", "i", "we"}
_JOINERS = {"and", "or", "but", "that", "then", "so", "because", "cos", "when", "if"}
_MODALS = {"might", "may", "could", "would", "will", "should", "gonna", "going"}


def _main_clause_begun(after_if: str) -> bool:
    """After the if-clause's own subject and verb, a new subject starts the main clause ("if he wanted sugar | he
    tried"), not joined to the if-clause by "and" and not a conditional's "he would"."""
    words = after_if.split()
    return any(w in _SUBJECTS and words[i - 1] not in _JOINERS and (i + 1 >= len(words) or words[i + 1] not in _MODALS)
               for i, w in enumerate(words) if i >= 2)


_IF_IS_DOUBT = re.compile(r"\b(unsure|know|see|check|wonder|wondering|tell|ask|asking|sure|whether) (if|whether)$")


def prepare(text: str) -> str:
    """Doubt phrases become "unsure" so that their "not" never reads as a denial; "not (been) able to" is "unable to"; a
    denial of a denial is what it denies ("I can't say I don't want to die" wants to die)."""
    text = re.sub(r"\b(is |are |was |were |has |have |had )?not (been )?able to\b", "unable to", text)
    text = _DOUBLE_DENIAL.sub(r"\g<who> \g<verb>", text)
    text = _NO_MORE_AFTER_NOT.sub(r"\1any more", text)
    text = _NO_SIGN_OF.sub("no", text)
    return _PSEUDO_NEGATION.sub("", HEDGES.sub("unsure", text))


# "I can't say I don't want to die", "I won't pretend he isn't planning it": the second denial is taken back by the
# first, and what is left is said ("I do want to die", "he is planning it"); so "I can't say I don't want to live"
# wants to live.
_DOUBLE_DENIAL = re.compile(
    r"\b(?:(?:i|we) )?(?:can not|could not|will not|would not|am not going to|not going to|am not|is not) "
    r"(?:say|saying|pretend|pretending|tell you|lie and say|claim|deny)(?: that)? "
    r"(?P<who>i|he|she|they|we) (?P<verb>do|does|did|am|is|are|was|were|have|has|would|will) not\b")
# "I can't do this no more": a second negative that only says "any more" (Caribbean, Pidgin and many Englishes), not a
# denial of what follows ("no more gonna end it tonight" is going to end it).
_NO_MORE_AFTER_NOT = re.compile(r"\b((?:not|never) (?:\w+ ){0,5}?)no more\b")
# "no sign of her breath stopping": a denial of the whole sign that follows, however many words it takes.
_NO_SIGN_OF = re.compile(r"\bno (signs?|evidence|trace|hint|suggestion) of\b")


def sentence_of(t: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence that holds [start, end)."""
    breaks = [m.start() for m in _SENTENCE_BREAK.finditer(t)]
    lo = max([b + 1 for b in breaks if b < start], default=0)
    hi = min([b for b in breaks if b >= end], default=len(t))
    return lo, hi


# "... and now", "... but now": the present starts again, and a past, another person or a question before it
# does not reach what follows ("he had a stroke last year and now his face is drooping again"); so does "and I am
# sitting" ("my wife left last month, and I'm sitting in the truck by the water ...").
_NOW = re.compile(r"\b(and|but|so) (now|today|this time|right now)\b|, now\b|"
                  r"\b(and|but|so) (i am|i m|he is|she is|they are|we are) (sitting|standing|lying|parked|here|alone)\b")
# A sentence that ends the sign just told, said as the next sentence ("he had a fit . it stopped after a minute"):
# speech recognisers and text messages put full stops where a caller pauses.
_ENDED_NEXT = re.compile(r" ?(it|that|the (fit|seizure|shaking|jerking|bleeding|bleed|choking|coughing|faint)) "
                         r"(has |had |is |was )?(\w+ )?(stopped|passed|finished|ended|settled|eased)\b")
# The next sentence says the patient, or it, is fine again now: "... . It's totally fine now", "... . He's okay now".
_FINE_NOW_NEXT = re.compile(r" ?(?:(?:and|but|so) )?(?:it|that|i|he|she|they) (?:is|s|am|are) (?:all |totally |completely |"
                            r"absolutely |perfectly |much )?(?:fine|ok|okay|alright|all right|better|good|normal)"
                            r"(?: now| again)\b")


def _stop(t: str, hi: int) -> int:
    """The end of the sentence after the one ending at `hi`, when that sentence ends in a full stop (not a question)."""
    nxt = sentence_of(t, hi + 1, hi + 1)[1]
    return nxt if t[nxt:nxt + 1] == "." else -1


# Back after an ending: "it stopped for a minute but now it is pouring again".
_AGAIN = re.compile(r"\b(now|then)\b.*\b(again|another|worse)\b|\b(started|starting|begun|began|came back|come back|back) again\b")


def scope_of(t: str, start: int, end: int) -> tuple[int, int]:
    """The sentence that holds [start, end), cut where "and now" / "but now" starts the present again."""
    lo, hi = sentence_of(t, start, end)
    for m in _NOW.finditer(t, lo, hi):
        if m.end() <= start:
            lo = m.start()
        elif m.start() >= end:
            hi = min(hi, m.start())
            break
    return lo, hi


def negated(t: str, start: int, end: int, inner: list[tuple[int, int]] | None = None) -> bool:
    """A denial before the mention in its clause ("no chest pain", "he is not fitting").

    `inner` are the spans of a mention made of several concepts: each part is checked in its own clause
    ("his chest is not hurting", "no pain, no bleeding"), and a negator inside one of the parts ("his arm
    will not move") belongs to what was said, not to a denial.
    """
    if not inner:
        said = re.search(r"\b(?:not|no|never) (\w+)", t[start:end])  # "not reading, she is not reading": said twice
        return _denied_before(t, start, {said.group(1)} if said else set(), end) or _denied_inside(t[start:end])
    masked = t
    for s, e in inner:
        masked = masked[:s] + "x" * (e - s) + masked[e:]
    return any(_denied_before(masked, s, end=end) or _said_fine(t, s, e) for s, e in inner)


# A part of the mention said to be well, the caller's own denial after it: "my chest is fine, it's my back that's
# killing me" pairs the chest with the back's pain unless the chest's "fine" counts. Not when the fine has its
# exceptions ("my chest is fine until I climb the stairs") nor for the sensation itself ("the pain is okay, but...").
_SAID_FINE = re.compile(r"(?: itself| as such)? (?:is|s|feels?|felt|seems?|looks?|was|are) (?:totally |completely |perfectly |absolutely |all )?"
                        r"(?:fine|ok|okay|alright|all right|normal|good)\b"
                        r"(?! (?:now |again )?(?:until|till|unless|except|apart|when|whenever|at rest|most|sitting|lying|if)\b)")
_A_SENSATION = re.compile(r"\b(?:pain|pains|ache|aching|hurt\w*|sore|pressure|tight\w*|heavy|heaviness|burn\w*|crush\w*)\b")


def _said_fine(t: str, start: int, end: int) -> bool:
    return bool(_SAID_FINE.match(t, end)) and not _A_SENSATION.search(t, start, end)


# "blood but it is not pouring": a phrase that reaches across "but" into a denial of its own severity word.
_DENIED_INSIDE = re.compile(r"\b(?:but|though|although) (?:it|he|she|they|that) (?:is|are|was|were|s) not (\w+)")
_NOT_A_DENIAL = _NEGATIVE_FINDINGS | {"stopping", "stop", "clotting", "slowing", "easing", "settling", "going", "getting",
                                     "helping", "working", "improving",
                                     # a sign said as what no longer happens: "his chest isn't rising at all", "her face
                                     # not straight", "the baby not crying or sucking", "the colour not coming back"
                                     "rising", "rise", "lifting", "lift", "heaving", "stirring", "blinking", "talking",
                                     "speaking", "crying", "sucking", "suckling", "nursing", "breastfeeding",
                                     "swallowing", "stopped", "coming", "returning", "normal", "right", "properly",
                                     "straight"}


# "throat is itchy, not tight", "lips tingly but not swollen": a phrase that reaches across a comma or "but" to the sign
# word it ends on, which the caller denies right there (the itch is the dust's; "not tight" is what was asked).
_DENIED_LAST = re.compile(r"(?:,|\bbut|\band|\bjust) (?:it is |it s |it was |they are |definitely |certainly )?not (\w+)$")


# "throat not swelling", "her lips not swollen": a body part and its sign word with the denial between, no verb said.
_PART_NOT = re.compile(r"^(?:(?:his|her|my|their|the|mi|me) )?(?!(?:can|could|will|would|does|did|do|should|must|may|might|is|are|"
                       r"was|were|has|have|had|he|she|they|i|we|you|it)\b)\w+ (?:is |are |s |was |were )?(?:not|never|no longer) (\w+)$")


def _denied_inside(span: str) -> bool:
    said = _DENIED_INSIDE.search(span) or _DENIED_LAST.search(span) or _PART_NOT.search(span)
    return bool(said) and said.group(1) not in _NOT_A_DENIAL


# A new subject with its verb starts a clause of its own, comma or not (ConText's termination terms "there is", a
# new subject): "she does not have asthma her lips are swelling", "it is not his heart there is blood pouring".
# Not after a word that makes it what is denied: "it does not feel like his chest is tight", "he never said his chest
# hurt", "no way he is" ("not much to say his face dropped" is a new clause).
_DENIED_WITH = ("that", "like", "if", "whether", "as", "said", "says", "told", "think", "thinks", "thought", "mean",
                "feel", "felt", "seem", "believe", "claim", "complain", "mention", "way")
_NEW_SUBJECT = re.compile(
    r"\b" + "".join(f"(?<!{w} )" for w in _DENIED_WITH) + r"(?<!(?<!to )say )"
    r"(?:he|she|they|we|i|you|there|(?:his|her|my|their|our|your|the) \w+(?: \w+)?) "
    r"(?:is|are|was|were|am|has|have|had|can|could|will|would|does|did|keeps?|kept|looks?|seems?|feels?|went|goes|"
    r"just|\w+ed)\b"
)


# "any more" closes the denial it ends; a text with no stops runs on into what was done: "dont want to live no more
# swallowed all my tablets" (the "not" is the wish's, the swallowing is said).
_DENIAL_DONE = re.compile(r"\b(?:any ?more|no longer)\b(?= \w)")


def _own_clause(t: str, start: int, end: int | None = None) -> str:
    """What stands before `start` in its own clause: from the last break, or from the last new subject with its verb
    that starts by `start` (the verb may be the mention's own word: "... asthma her lips are swelling")."""
    lo = max([m.end() for m in _CLAUSE_BREAK.finditer(t, 0, start)] + [m.end() for m in _DENIAL_DONE.finditer(t) if m.end() < start],
             default=0)
    subjects = [m.start() for m in _NEW_SUBJECT.finditer(t, lo, max(start, end or start)) if m.start() <= start]
    return t[max(subjects, default=lo):start]


def _denied_before(t: str, start: int, also_findings: set[str] = frozenset(), end: int | None = None) -> bool:
    before = _own_clause(t, start, end).split()
    # "can not", "will not": an inability or a refusal is what was said ("he can not lift his arm"), not a denial.
    # "not waking up she is limp": a finding said in the negative is itself a sign, and its "not" ends there.
    denials = [w for i, w in enumerate(before) if not (w == "not" and i and before[i - 1] in _INABILITY)
               and not (w in _PRE_NEGATORS and i + 1 < len(before) and before[i + 1] in _NEGATIVE_FINDINGS | also_findings)]
    return any(w in _PRE_NEGATORS for w in denials[-7:]) or any(w in _NEAR_NEGATORS for w in before[-3:]) \
        or bool(_NOBODY_DOES.search(" ".join(before))) or _denied_in_a_list(before, also_findings)


# "no face drooping or slurring or anything", "no blood or swelling": one "no" denies each sign of the list it opens.
_LIST_NEGATORS = {"no", "not", "never", "without", "neither", "nor"}
_LIST_WORDS = 6


def _denied_in_a_list(before: list[str], also_findings: set[str] = frozenset()) -> bool:
    if not before or before[-1] not in ("or", "nor") or "and" in before[-_LIST_WORDS:]:
        return False
    last = max((i for i, w in enumerate(before) if w in _LIST_NEGATORS), default=-1)
    if last < 0 or len(before) - last > _LIST_WORDS or last + 1 >= len(before) - 1:
        return False
    if before[last] == "not" and last and before[last - 1] in _INABILITY:
        return False  # "he can not walk or talk": what he cannot do is said
    return before[last + 1] not in _NEGATIVE_FINDINGS | also_findings  # "not breathing or moving" is said


def resolved(t: str, end: int, *, well_again_ends_it: bool = False, said: str = "") -> bool:
    """The rest of the sentence says it is over ("...but it has stopped", "the fit is over now").

    "All over" is a place, not an ending: "shaking all over", "blood all over the floor". With
    `well_again_ends_it`, "now he is breathing and talking" ends it too (a fit, a faint, a choking scare). `said`
    is the mention's own words: "the swelling has gone" ends a swelling, "the hiccups have stopped" no choking.
    """
    lo, hi = sentence_of(t, end, end)
    rest = t[end:hi]
    if re.search(r"\b(not|never)( \w+){0,2}$", t[:end]):
        rest = re.sub(r"^ no more\b", " any more", rest)  # "he is not breathing no more": a double negative, not an ending
    if not rest.strip(" ,") and _ENDED_NEXT.match(t[hi + 1:]) and not (_AGAIN.search(t[end:]) or _NOT_BACK.search(t[end:])):
        rest = " " + t[hi + 1:].split(".")[0]  # "She had a fit. It stopped after a minute.": the ending said next
    elif t[hi:hi + 1] == "." and _FINE_NOW_NEXT.match(t[hi + 1:]) and sentence_of(t, hi + 1, hi + 1)[1] in (len(t), _stop(t, hi)) \
            and not (_AGAIN.search(t[end:]) or _NOT_BACK.search(t[end:]) or re.search(r"\bstill\b", t[hi:])):
        # "I choke on my drink laughing at a joke. It's totally fine now": a pause written as a full stop where a
        # text would put a comma; what the sentence after says is read as the rest of this one
        rest = rest + " , " + re.split(r"[.?!]", t[hi + 1:])[0]
    if well_again_ends_it and _NOT_WELL_AFTER.search(rest):
        return False
    if well_again_ends_it:
        for m in _WELL_AGAIN.finditer(rest):
            if not set(rest[: m.start()].split()[-3:]) & (_STILL | _NOT_YET) \
                    and not (_AGAIN.search(rest[m.end():]) or re.search(r"\bstill\b", _STILL_ASKED.sub(" ", rest[m.end():]))):
                return True
    if well_again_ends_it and (_LASTED.search(rest) or _WAS_AT.match(rest) or (_A_MOMENT.match(rest) and _NOT_WAKING.search(said))):
        return True  # "it lasted a minute, he is asleep now": an episode told as finished
    if well_again_ends_it and _SPELL.search(t, lo, end) and _SPELL_ENDED.search(rest) and not _STILL_NOW.search(rest):
        return True  # "held his breath in a tantrum, went a bit blue, then he screamed": a breath-holding spell that ended
    rest = re.sub(r"\bover and over( again)?\b", "again and again", rest)  # a repeat, not an ending
    if _NOT_BACK.search(rest):
        return False  # "he was snoring and then it stopped and it has not come back": the stopping is the sign
    if _AGAIN.search(rest) or _CAME_BACK.search(rest):
        return False  # "it stopped, but now it is pouring again", "the pain went away and then came back"
    # a texted "n" is "and": "pressed it 10 mins n it stopped"
    for piece in re.split(r"\b(?:but|and|n|though|although|however|now)\b|[,;]", rest)[:6]:
        piece = re.sub(r"(?<!\bis )(?<!\bwas )(?<!\bare )\ball over\b", "everywhere", piece.strip())
        m = _RESOLVED.search(piece) if piece else None
        if not m:
            continue
        before = piece[: m.start(1)].split()
        after = _AGO.sub("", piece[m.end(1):]).split()  # "it stopped an hour ago": how long ago it ended
        if m.group(1) == "over" and before and before[-1] not in _AUXILIARIES | {"it", "that", "this", "be", "were", "long"}:
            continue  # "the driver pulled over", "he fell over": a movement, not an ending ("it's long over" is one)
        if m.group(1) == "stop" and (not before or before[-1] not in {"it", "bleeding", "blood", "fit", "shaking", "now"}):
            continue  # "it stop" is an ending said in the present; "will it stop?", "make it stop" are not
        if set(before) & _STILL or (after[0] if after else "") not in _AFTER_ENDING | _DAY_NOW:
            continue  # "has not stopped", "still not over", "gone into both arms"
        if m.group(1) in {"gone", "passed"} and _SPREAD_TO.match(" ".join(after)):
            continue  # "it's gone down my arm": a pain that spread, not one that ended ("gone down a bit" did end)
        if m.group(1) in {"gone", "went"} and _GONE_ON_FOR.match(" ".join(after)):
            continue  # "it's gone on five minutes", "went on for ages": how long it has lasted, not an ending
        subject = " ".join(w for w in before if w not in _AUXILIARIES | _DAY_NOW)
        if m.group(1) == "stopped" and _BREATH_SAID.search(said) and _A_PERSON_STOPPED.match(subject):
            continue  # "he's not breathing, he just stopped": the person stopped breathing, the sign did not end
        ended_it = m.group(1).endswith(" it")  # "the inhaler sorted it": the subject is what ended the sign
        if not subject or (_RESOLVED_SUBJECTS.match(subject) and (ended_it or _names_the_sign(subject, said))):
            return True
    return _bleed_stopped_later(t, hi, said)


# A bleed told first and its stopping told sentences later: "Blood everywhere this morning, on his pillow. It was his
# nose, I pinched it for ten minutes and it stopped. He's fine now." Only "it", "that" or the bleeding itself stopping
# at a clause's end, and nothing after it says it is back or still going.
_BLEED_WORDS = re.compile(r"\b(?:blood\w*|bleed\w*|bled)\b")
_STOPPED_LATER = re.compile(r"(?:^|[,;.] |\b(?:and|but|so|now|then) )(?:now )?(?:it|that|the (?:bleeding|bleed|blood|nosebleed|nose))"
                            r"(?: has| had| s| is)?(?: now| finally| completely| all| eventually)? (?:stopped|finished|stopped bleeding)"
                            r"(?= ?(?:[,.;?!]|$)| (?:now|after|when|on its own|by itself|with|twenty|ten|\w+ minutes)\b)")


def _bleed_stopped_later(t: str, hi: int, said: str) -> bool:
    if not _BLEED_WORDS.search(said):
        return False
    m = _STOPPED_LATER.search(t, hi)
    if not m:
        return False
    after = t[m.end():]
    return not (_AGAIN.search(after) or _CAME_BACK.search(after) or re.search(r"\b(?:still|pouring|gushing|spurting|soaking)\b", after)
                or _BLEED_WORDS.search(re.sub(r"\b(?:no|not|stopped) (?:\w+ )?(?:bleed\w*|blood)\b", " ", after)))


# What "the ... has stopped" may name and still be the sign: the episode in general words. Any other thing that
# stopped ("the hiccups", "the rain", "his phone") is not the sign ending, unless the mention itself used its word.
_EPISODE_WORDS = frozenset(
    "fit fits fitting seizure seizures convulsion convulsions shaking jerking twitching bleeding bleed blood pain pains "
    "ache swelling choking attack episode spell breathing gasping wheeze wheezing tightness pressure "
    "burning reaction numbness weakness spasm spasms vomiting sickness it that this".split()
)


# A breath told gone and then "he just stopped", "the baby stopped": what the person stopped is breathing.
_BREATH_SAID = re.compile(r"\bbreath\w*|\bbreathe\w*")
_A_PERSON_STOPPED = re.compile(r"^(?:he|she|they|the baby|(?:my|our|his|her|the) (?:dad|father|mum|mom|mother|husband|wife|"
                               r"son|daughter|baby|brother|sister|grand\w+|uncle|aunt\w*|papa|mama|grandpa|grandma))$")


def _names_the_sign(subject: str, said: str) -> bool:
    """Whether a subject that ended ("the fit", "his bleeding", "it") is the sign mentioned, not something beside it."""
    words = subject.split()
    if len(words) < 2 or words[0] not in {"the", "his", "her"}:
        return True  # "it", "that", "he", "bleeding": the sign itself, or its patient
    return words[1] in _EPISODE_WORDS or words[1] in said.split()


_AGE_NOT_HISTORY = re.compile(
    r"\b(born|delivered|gave birth|had (him|her|the baby|my baby)|birth)( to (him|her))? (\w+ )?(last (week|month)|"
    r"(\d+|a|one|two|three|four|five|six|a few|few) (days?|weeks?|months?) (ago|back))"
)


# A clause said in the present: "my chest feels tight", "he can not move his arm", "right now", "he has swallowed" (a
# perfect is now's news). "He has had", "she has been" ("she is had" as "she's had" is heard) tell a past; "I have been
# sitting here for an hour" is still going on.
_PRESENT = re.compile(
    r"\b(?:(?:is|am|are)(?! (?:had|been)\b)|feels?|looks?|seems?|keeps?|can not|cannot|will not|now|today|tonight|"
    r"this (?:morning|afternoon|evening)|at the moment|currently|wants?|needs?|going to|gonna|will|"
    r"abhi|hai|hain|ngayon|now now|"  # Hindi's and Tagalog's now and Hindi's "is", beside a date in those languages
    r"esta|estan|tiene|tienen|sigue|tem|estao|fica|masih|sedang|"  # Spanish, Portuguese, Indonesian "is", "has", "still"
    r"(?:has|have)(?! (?:had|always)\b)(?! been (?!\w+ing\b)))\b"
)
# The caller's own asking is no present of the sign: "I'm asking about his seizure meds".
_CALLERS_ASKING = re.compile(r"\b(?:i|we) (?:am|are) (?:asking|calling|ringing|phoning|texting|writing|wondering|"
                             r"enquiring|inquiring|checking)\b")
# Pointing back at the dated clause: "his face droops since then", "still droops", "weak as always", "I have been
# struggling to talk since" is the old stroke's mark, not a new one.
_SINCE_THEN = re.compile(r"\b(?:since then|ever since|from then on|after that|since that|still|always|as usual|"
                         r"as before|like before|same as (?:ever|usual|before)|since(?= *$))\b")
_SUBJECT = re.compile(r"(?:i|he|she|they|we|it|you|there|this|that|my|his|her|their|our|your|the|a|an)\b")
_HISTORY_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:but|and|though|although|however|so|because|(?<!since )(?<!from )then|"
                                   r"whereas|while|yet)\b")


# A sign named as an old one: "came back from the army with an old head injury", "her old burns". Not when its own
# clause says it is open, back or worse now ("his old wound has burst open and is pouring").
_OLD_ONE = re.compile(r"\b(?:an|a|his|her|my|their|our|the|that|this|some) (?:very )?(?:old|previous|past|former|healed)\s*$")
_OLD_ONE_NOW = re.compile(r"\b(?:again|back|worse|re ?opened|opened|open|burst|split|bleed\w*|blood|pour\w*|infected|new|fresh|"
                          r"now|today|tonight|just|still|swollen|swelling)\b")


_AN_INJURYS = re.compile(r"(?:(?:head|brain|back|spinal|neck|knee|war|old) )?(?:injur\w*|wounds?|burns?|scars?|fractures?|gash\w*|cuts?)\b")


def _an_old_one(t: str, start: int, end: int) -> bool:
    """An injury named as an old one; a pain or a fit called old may be back ("his old chest pain")."""
    if not _AN_INJURYS.match(t, start) or not _OLD_ONE.search(t, max(0, start - 24), start):
        return False
    clause_hi = min((m.start() for m in _CLAUSE_BREAK.finditer(t, end)), default=len(t))
    return not _OLD_ONE_NOW.search(t[start:clause_hi])


def historical(t: str, start: int, end: int) -> bool:
    """A clause the mention is in is dated weeks or more back ("had a stroke two years ago", "used to have fits"),
    or another clause of its sentence is and the mention's own clause is not said in the present, or the sign is
    named as an old one ("an old head injury").

    A date belongs to its own event: "my chest feels tight, the doctor saw me last week" is a sign now. A birth date
    is an age, not history: "the baby I had last week is not feeding".
    """
    if _an_old_one(t, start, end):
        return True
    lo, hi = scope_of(t, start, end)
    if _YARDSTICK.search(t[lo:start]):
        return True
    lo = _date_said_before(t, lo)
    t = _compared_blanked(t, start, end, lo, hi)
    if not _dated(t[lo:hi]):
        return False
    cut = _TEXTED_NEW_SUBJECT.search(t, end, hi)
    if cut and not _dated(t[lo:cut.start()]) and not _TOLD_BEFORE.search(t, lo, cut.start()):
        return False  # "mum fitting non stop 20 mins her meds finish last month": the date is the meds'

    cuts = [lo] + [x for m in _HISTORY_CLAUSE_BREAK.finditer(t, lo, hi) for x in (m.start(), m.end())] + [hi]
    cuts = sorted(cuts + [x for m in _TEXTED_NEW_SUBJECT.finditer(t, end, hi) for x in (m.start(), m.start())])
    clauses = list(zip(cuts[::2], cuts[1::2]))
    touched = [i for i, (a, b) in enumerate(clauses) if a < end and start < b] or [0]
    return any(_past_clause(t, clauses, i) for i in touched) or _put_down_to_the_past(t, clauses, touched[-1], lo, hi)


# A texted sentence runs its clauses on with no comma: "wife seizure again wont stop over 5min her epilepsy meds finish
# last week". A possessed noun and its verb after the mention start a clause of their own, and a date in it is theirs.
_TEXTED_NEW_SUBJECT = re.compile(r"(?<=[a-z0-9] )(?:his|her|my|their|our) (?:\w+ ){0,2}?(?:meds|medicine|medicines|medication|tablets|pills|"
                          r"drugs?|inhaler|prescription|appointment|operation|surgery|doctor|check ?up|scan|tests?|results?|insurance|"
                          r"refill|supply|stock|pack|review) (?:finish\w*|ran|run|ended|stopped|started|changed|was|were|had|got|"
                          r"went|came|began|expired|due|done)\b")


# The mention's own run told in the past, which a date after it may still date: "had a fit, her meds changed last week".
_TOLD_BEFORE = re.compile(r"\b(?:was|were|had|did|used to|went|got|came|began|started|stopped|happened)\b|\b(?!(?:need|bleed|feed|speed|"
                          r"red|bed)\b)\w+ed\b")


# "His mouth is crooked, but that's from his stroke last year": a clause after the sign puts it down to an old event
# that leaves such marks (a chest "tight from the fall last week" is not put down to anything here).
_PUT_DOWN_TO = re.compile(r"(?:that|it|this) (?:is|was) (?:\w+ )?(?:from|because of|due to|left (?:over )?from|since|"
                          r"after|what (?:is )?left (?:of|from))\b")
_LEAVES_MARKS = re.compile(r"\b(?:strokes?|mini stroke|tia|palsy|brain injury|head injury|operation|surgery|polio)\b")


def _put_down_to_the_past(t: str, clauses: list[tuple[int, int]], i: int, lo: int, hi: int) -> bool:
    """A later clause of the sentence says the sign comes from a dated event, and nothing in it says now, again or
    worse ("his face droops again today, that's from his stroke last year" may be a new one)."""
    if _THIS_TIME.search(t, lo, hi):
        return False
    for a, _ in clauses[i + 1:]:
        said = re.split(r"[,;]", t[a:hi])[0].strip()  # "because" splits a clause, but not what the clause puts it down to
        if _PUT_DOWN_TO.match(said) and _LEAVES_MARKS.search(said) and _dated(said):
            return True
    return False


# A comparison with the past frames the present: "he is grunting like his brother did when he was a baby", "talking like
# she did before her last attempt", "like when he had the stroke". Its date is the yardstick's, not the sign's. A
# quoted "she was like ..." is no comparison.
_COMPARED = re.compile(
    r"(?<!\bwas )(?<!\bwere )\b(?:just |exactly )?(?:like|the same as|same as|the way|"
    r"(?:worse|bigger|longer|stronger|harder|heavier|more|less|better) than) (?:(?:(?:his|her|my|their|our) \w+|he|she|i|"
    r"they|we|it) (?:did|had|was|were|used to)\b|(?:before|when|last time|the last time|that time|the other time)\b|"
    r"the (?:\w+ ){1,2}(?:i|he|she|they|we) (?:had|got|did)\b)[^,;.?!]*")


# The mention is itself the past episode a comparison measures by: "nothing like when she had her heart attack", "worse
# than the time he had his fits" (what it is compared with is told apart: "the pain in his chest is the same").
_YARDSTICK = re.compile(r"\b(?:like|than|as|same as) (?:when|the time|that time|the last time|last time) (?:(?:he|she|they|i|we|you|"
                        r"(?:my|his|her|their) \w+) )?(?:had|got|was having|were having|went into|suffered)\b[^,;.?!]*$")


def _compared_blanked(t: str, start: int, end: int, lo: int, hi: int) -> str:
    """`t` with the comparisons in [lo, hi) that the mention is not part of blanked (same length)."""
    for m in _COMPARED.finditer(t, lo, hi):
        if m.end() <= start or m.start() >= end:
            t = t[:m.start()] + " " * (m.end() - m.start()) + t[m.end():]
    return t


_DATE_ALONE_WORDS = 5


def _date_said_before(t: str, lo: int) -> int:
    """Where the sentence starts once a date said alone just before it is counted in: "About five years ago. I had
    chest pain and they took me in" (a pause a speech recogniser writes as a full stop)."""
    if lo < 2 or t[lo - 1] != ".":
        return lo
    before, _ = sentence_of(t, lo - 1, lo - 1)
    date = t[before:lo - 1]
    return before if len(re.findall(r"[a-z0-9]+", date)) <= _DATE_ALONE_WORDS and _dated(date) else lo


# "has committed", "has grown out of it": the present perfect tells a past event, which a date said beside it dates.
_PERFECT = re.compile(r"\b(?:has|have|s|ve) (?:not |never |just |already |since )?(?:\w+(?:ed|en|wn|ne|un|ght)|had|got|made|"
                      r"drunk|left|come|become|run)\b")


def _said_now(clause: str) -> bool:
    """The clause is told in the present (not its perfect, not the caller's asking): no other clause's date is its."""
    return bool(_PRESENT.search(_PERFECT.sub(" ", _CALLERS_ASKING.sub(" ", clause))))


def _past_clause(t: str, clauses: list[tuple[int, int]], i: int) -> bool:
    own = t[slice(*clauses[i])]
    if _dated(own) or _SINCE_THEN.search(own):
        return True
    # "he texted me at ten past two saying sorry for everything, ... last week he said": today's message. A clause with
    # no subject of its own is told at the time of the one before ("she messaged me this morning, saying goodbye").
    if _TODAY.search(own if not i or _SUBJECT.match(own.strip()) else t[slice(*clauses[i - 1])] + " " + own):
        return False
    # "my father took his own life, about fifteen years ago": a date said after it; not after a clause said in the present
    # ("her face is drooping now, in 2019 she had a stroke too": the date is the old stroke's)
    for a, b in clauses[i + 1:] if not _said_now(own) else ():
        after = t[a:b].strip()
        if _SUBJECT.match(after):
            break
        if _dated(after) and not _BASELINE.search(after):
            return True
    # "the test was positive last week, tonight she is holding her side and she fainted": a clause told after one that
    # says today's time, with no date between them, is today's too.
    if any(_TODAY.search(t, *clauses[j]) and not any(_dated(t[slice(*clauses[k])]) for k in range(j + 1, i))
           for j in range(i)):
        return False
    if any(_BASELINE.search(t, a, b) for a, b in clauses[i + 1:]):
        # A baseline's date ("his face crooked, sudah begitu sejak stroke tahun 2020"), said of a sign told with no verb
        # (Indonesian and Tagalog need none), is read by `habitual`, and a now beside it still counts.
        return False
    if i and not _SUBJECT.match(own.strip()) and not _said_now(own):
        # "I am pregnant and bleeding heavily": a clause with no subject of its own shares the tense of the one before.
        own = t[slice(*clauses[i - 1])] + " " + own
    return _dated(own) or not _PRESENT.search(_CALLERS_ASKING.sub(" ", own))


# A clause that tells its own time of today is not the past another clause dates ("at ten past two" is blanked as a
# clock time, the "~" is where it was).
_TODAY = re.compile(r"\b(?:today|tonight|last night|this (?:morning|afternoon|evening)|just now|at \d+ ?(?:am|pm)|"
                    r"(?:an|a few|\w+) (?:hours?|minutes?|mins?) ago|earlier(?! (?:in|this|last|that|on in)\b))\b|"
                    r"~ (?:past|to|clock|o clock|am|pm)\b")


def _dated(text: str) -> bool:
    return bool(_HISTORY.search(_AGE_NOT_HISTORY.sub(" ", text)))


# A sign someone had and died of, the death dated back: "my mother had a stroke and died in March" (the mention inside it).
_DIED_OF_IT_DATED = re.compile(
    r"\b(?:had|got|suffered) (?:a |an )?(?:\w+ ){0,3}?(?:and|then) (?:died|passed away|passed on)(?: \w+)? (?:in|last|back in) "
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d|year)\b")


def other_past(t: str, start: int, end: int, asides: bool = True) -> bool:
    """Someone's past, not this patient's present: "my father died of a heart attack", "it runs in the family";
    or an aside before the reason for calling ("... gave her a stroke, haha, but I'm calling about my rash"), unless
    `asides` is False (a crash told before "I'm calling about my neck" is how the neck was hurt)."""
    lo, hi = scope_of(t, start, end)
    if any(m.start() <= start and end <= m.end() for m in _DIED_OF_IT_DATED.finditer(t, lo, hi)):
        return True
    return any(not _a_later_clause_of_its_own(t, start, end, lo + m.start()) for m in _OTHER_PAST.finditer(t[lo:hi])) \
        or (asides and any(_aside(m, t[:end]) and ((" own " in m.group() and _SOMEONE_ELSE.search(_own_clause(t, start)))
                                                     or not _told_now(t, start, end))
                           for m in _ASIDE.finditer(t, end))) \
        or (bool(_DIED_OF_THAT.match(t, hi + 1)) and not _PRESENT.search(t[lo:hi]))


_CLAUSE_OR_SENTENCE = re.compile(r"[,;.?!]")


def _a_later_clause_of_its_own(t: str, start: int, end: int, at: int) -> bool:
    """Someone's past told after the mention, past a comma, while the mention's own clause says it now: "my dad has chest
    pain, my mother died of a heart attack years ago" (the pain is the father's, today)."""
    if at < end or not re.search(r"[,;]", t[end:at]):
        return False
    lo = max((m.end() for m in _CLAUSE_OR_SENTENCE.finditer(t, 0, start)), default=0)
    return bool(_PRESENT.search(t[lo:end]))


# Someone other than the caller as the subject of the mention's clause: "my uncle has chest pain".
_SOMEONE_ELSE = re.compile(r"^\s*(?:(?:my|his|her|our|their|the|a) (?:\w+ )?(?:uncle|aunt\w*|mum|mom|mother|dad|father|brother|"
                           r"sister|son|daughter|wife|husband|partner|friend|neighbou?r|cousin|nan|gran\w*|grand\w*|boss|"
                           r"colleague|niece|nephew|man|woman|lady|guy)|he|she|they)\b")


def _told_now(t: str, start: int, end: int) -> bool:
    """The mention's own clause is said in the present ("I can't breathe, I'm calling about my asthma"): a sign now is no
    aside, whatever the caller names as the reason for calling, unless they say it is about their own ("my uncle has chest
    pain, but I'm calling about my own sore throat")."""
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(t, 0, start)), default=0)
    return bool(_PRESENT.search(_CALLERS_ASKING.sub(" ", t[lo:end])))


# A sign named, then someone's death of it said next: "heart attack. my father passed away of that." (a sign said in the
# present stays: "he is having a heart attack. his father died of that too.")
_DIED_OF_THAT = re.compile(r" ?(?:(?:my|his|her|our|their) )*\w+(?: \w+)? (?:died|passed away|passed|went|was killed) "
                           r"(?:\w+ )?(?:of|from|with) (?:that|it|one|the same)\b")


def _aside(m: re.Match, said_before: str) -> bool:
    about = next(g for g in m.groups() if g)
    return about not in _NOT_AN_ASIDE and not re.search(rf"\b{re.escape(about)}\b", said_before)


# Someone the caller knows of but is not calling about, in the recent past: "a classmate had a fit in the exam
# yesterday", "my neighbour was taken in with chest pains last night", "my friend drank too much at the party, they took
# him home; I'm the one with the headache". Family are left out: they are who callers call about. The acquaintance must
# be the subject of the mention's own clause, told in the past and dated, or taken away since.
_ACQUAINTANCE_PAST = re.compile(
    r"\b(?:classmate|neighbou?r|colleague|co ?worker|workmate|teammate|team mate|flatmate|housemate|roommate|stranger|"
    r"pupil|student|passenger|customer|client|guest|visitor|diner|worker|labou?rer|man|woman|lady|guy|bloke|someone|somebody|"
    r"friend|mate|buddy|pal)s?"
    r"(?:(?: \w+){0,4}? (?:had|was|were|got|went|took|suffered|collapsed|fell|drank|ate|swallowed|passed|fainted|blacked|"
    r"overdosed|bled|choked)\b[^,;]*|"
    # named first, then what befell them: "my friend at the mosque, on Friday his face fell"
    r"(?: \w+){0,4}? , (?=[^,;]*\b(?:his|her|their|he|she|they)\b)[^,;]*)$|"
    # one the caller saw: "the foreman saw a man with his mouth crooked"
    r"\b(?:saw|seen|found|met|noticed) (?:a|an|the|this|that|one) (?:\w+ ){0,2}(?:man|woman|lady|guy|boy|girl|person|worker|"
    r"stranger|passenger|customer|guest)s? with\b[^,;]*$")
_RECENTLY = re.compile(r"\b(?:yesterday|last night|the other (?:day|night)|last week|at the weekend|over the weekend|"
                       r"on (?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                       # or further back: "a man in our church had a stroke at Christmas", "a few weeks ago"
                       rf"(?:at|over|on|before|after) {_FEASTS}|(?:a|a few|few|two|three|\w+) (?:weeks?|months?|years?) ago|"
                       r"last (?:month|year|summer|winter|spring|autumn|term|wk))\b")
_CLAUSE_AFTER = re.compile(r"[,;]|\b(?:and|but|so|now)\b")
# Taken away from the caller since, to hospital or by the police: "a man got burnt bad, I drove him to the hospital",
# "a man was bleeding bad, the police took him" (and another at the scene, `another_at_the_scene`). They are no patient
# of this call, whenever it was.
_TAKEN_AWAY = re.compile(
    r"\b(?:came|come) (?:for|and (?:took|got)) (?:him|her|them)\b|"
    r"\b(?:took|drove|rushed|carried|brought|flew|airlifted) (?:him|her|them) (?:away|off|home|to (?:the |a )?(?:hospital|clinic|"
    r"a and e|emergency|er|casualty))\b|\b(?:police|ambulance|paramedics?|medics?|cops|they) (?:came and )?(?:took|rushed|picked up|"
    r"took away|carried|have taken|has taken) (?:him|her|them)\b|\b(?:he|she|they) (?:was|were|got|has been|have been) "
    r"(?:taken|rushed|driven|airlifted|flown|carried) (?:away|off|to)\b")
# "... and now I have them too": the same sign, now the patient's.
_SAME_NOW = re.compile(r"\b(?:have|has|got|having|feel|feeling|get|getting) (?:them|it|that|those|one|the same)(?: \w+)?"
                       r" (?:too|as well|now|also)\b|\bthe same (?:thing )?(?:now|too|as well)\b")


def acquaintance_past(t: str, start: int, end: int) -> bool:
    """An acquaintance's sign told in the past and dated days back, with nothing of now in its clause."""
    lo, hi = scope_of(t, start, end)
    m = _ACQUAINTANCE_PAST.search(t, lo, end)
    if not m:
        return False
    told, after = t[m.start():start], _CLAUSE_AFTER.split(t[end:hi])[0]
    # the date may open the acquaintance's clause: "yesterday a guest choked"
    dated = t[max([lo] + [lo + c.end() for c in re.finditer(r"[,;]", t[lo:m.start()])]):start]
    if _SAME_NOW.search(t, end, sentence_of(t, start, end)[1]):
        return False
    return bool(_RECENTLY.search(dated + after) or _TAKEN_AWAY.search(t, end, sentence_of(t, start, end)[1])) \
        and not _PRESENT.search(told + after) and "still" not in after.split()


# Another person at the same scene, set apart from the patient: "another boy was bleeding a lot, the ambulance took him;
# my son just hurt his knee", "the other driver was knocked out, my wife only has a cut". The sign's clause has that
# other person for its subject, told in the past, and the turn then names the patient apart ("my son just ...") or says
# the other one was taken away. "Another fit", "another one" are the same patient's and never match: a person is named.
_ANOTHER_PERSON = re.compile(
    r"\b(?:another|the other|a different|some other|one of the other) (?:\w+ )?(?:boy|girl|man|woman|lady|kid|child|"
    r"player|lad|guy|person|driver|passenger|rider|worker|student|runner|fighter|customer|patient)s?"
    r"(?: \w+){0,3}? (?:was|were|had|got|went|fell|collapsed|took)\b[^,;]*$")
_PATIENT_APART = re.compile(r"\b(?:my|our|mi) \w+(?: \w+)? (?:just|only|himself|herself|is fine but|just has|only has)\b")


def another_at_the_scene(t: str, start: int, end: int) -> bool:
    """A sign of another person at the scene, told in the past, with the patient named apart or the other taken away."""
    lo, hi = sentence_of(t, start, end)
    clause = _CLAUSE_BREAK.split(t[lo:start])[-1]
    if not _ANOTHER_PERSON.search(clause) or _PRESENT.search(clause):
        return False
    after = t[end:]
    return bool(_TAKEN_AWAY.search(after) or _PATIENT_APART.search(after)) and not _SAME_NOW.search(after)


# What the caller saw earlier, told in the past and dated, when the caller says they came to no harm: "there was so
# much blood on the road after the accident I saw this morning, I'm not hurt, I can't sleep". A scene still going on
# ("there is so much blood", "he is still bleeding", "just now") is not a memory.
_SEEN_EARLIER = re.compile(r"\b(?:(?:i|we) (?:saw|witnessed|watched|passed|drove past|walked past)|there (?:was|were))\b")
_DATED_EARLIER = re.compile(r"\b(?:this morning|yesterday|last (?:night|week|month)|earlier(?: today)?|the other day|"
                            r"this afternoon|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
                            r"kahapon|kagabi|kaninang umaga|ayer|ontem|kemarin|semalam|wczoraj|ieri|vchera|вчера|"
                            # Hindi/Urdu "kal raat", Bengali "gotokal", Vietnamese "hôm qua", Tamil "netru"
                            r"kal raat|kal rat|kal shaam|kal sham|gotokal|gotokaal|hom qua|toi qua|netru|nethu)\b")
_CALLER_UNHURT = re.compile(r"\b(?:i|we) (?:am|are|was|were) (?:not (?:hurt|injured|harmed)|unhurt|unharmed|fine|ok|okay|alright)\b|"
                            r"\bnot a scratch on (?:me|us)\b|\bnothing happened to (?:me|us)\b|"
                            # or tells what the memory does to them since: "I can't sleep since, who can I talk to?"
                            r"\b(?:i|we) (?:can not|could not|have not been able to|can t|cannot) (?:sleep|stop (?:thinking|shaking|crying)|"
                            r"get it out of my (?:head|mind)|forget)\b|\b(?:i|we) (?:keep|kept) (?:seeing|thinking about|dreaming)\b|"
                            r"\b(?:nightmares|flashbacks)\b|\bwho can (?:i|we) talk to\b|\b(?:i|we) (?:need|want) (?:someone|somebody) to talk to\b")
_STILL_THERE = re.compile(r"\b(?:still|just now|right now|now (?:he|she|they)|(?:he|she|they|it) (?:is|are|s) "
                          r"(?:\w+ )?(?:bleeding|lying|not|pouring))\b|\bthere (?:is|are)\b")

# Anyone the caller could be calling about ("my son was hit this morning, there was so much blood, I'm fine") keeps it;
# "my car", "my shift" are no one.
_NO_ONE = r"car|bike|motorbike|way|house|home|work|office|shift|street|road"
_SOMEONE_OF_THEIRS = re.compile(rf"\b(?:he|she|him|they|them|his|her|their|(?:my|our) (?!(?:{_NO_ONE})\b)\w+)\b")


# A stranger the caller saw ("I saw a man bleeding heavily ... after a bus hit him"): the he, him and his after it are the
# stranger's, and the caller's "my head", "my mind" hold the memory, so only kin of the caller's count as theirs.
_STRANGER_SEEN = re.compile(r"\b(?:saw|witnessed|watched|passed|drove past|walked past|seen) (?:a|an|some|this|one|that) (?:\w+ )?"
                            r"(?:man|woman|boy|girl|guy|person|lady|rider|biker|cyclist|child|kid|driver|stranger|worker|"
                            r"people|men|women|pedestrian|motorcyclist|student|uncle|auntie|beggar|labourer|laborer)\b")
_KIN_OF_THEIRS = re.compile(rf"\b(?:my|our) (?!(?:{_NO_ONE}|head|mind|eyes|sleep|dreams?|thoughts|nerves|room|bed|phone)\b)\w+")


def seen_earlier_unhurt(t: str, start: int, end: int) -> bool:
    """A sign in a scene the caller saw earlier and came away from unhurt, naming no one of theirs: a witness's memory."""
    lo, hi = sentence_of(t, start, end)
    sentence = t[lo:hi]
    theirs = _KIN_OF_THEIRS if _STRANGER_SEEN.search(sentence, 0, start - lo) else _SOMEONE_OF_THEIRS
    return bool(_SEEN_EARLIER.search(sentence) and _DATED_EARLIER.search(sentence) and _CALLER_UNHURT.search(t)
                and not _STILL_THERE.search(sentence) and not theirs.search(t))


# A sign told in the past and dated, of someone far away now: "my auntie back in Kingston had a stroke yesterday and I'm
# stuck here". Family too (unlike an acquaintance's past): the sentence itself says they are not with the caller.
_ANOTHERS_PAST = re.compile(r"\b(?:my|his|her|our|their) (?:\w+ ){1,5}?(?:had|was|were|got|suffered|collapsed|found)\b[^,;]*$")
_FAR_AWAY = re.compile(r"\b(?:back (?:home )?in \w+|back home|stuck here|(?:is|s|are) (?:abroad|overseas))\b")


def far_away_since(t: str, start: int, end: int) -> bool:
    """Another person's sign, dated in the past, in a sentence that says they are far from the caller now."""
    lo, hi = sentence_of(t, start, end)
    clause = _CLAUSE_BREAK.split(t[lo:start])[-1]
    return bool(_ANOTHERS_PAST.search(clause) and _RECENTLY.search(t, lo, hi) and _FAR_AWAY.search(t, lo, hi))


# A sign told in the past and dated, of someone now in hospital: "my sister found her boyfriend unconscious last night
# and he's in hospital". They are in care already; the call is about something else.
_IN_CARE_NOW = re.compile(
    r"\b(?:he|she|they) (?:is|s|are|was|were|has been|have been|got|been) (?:now |still |already )?"
    r"(?:(?:in|at) (?:the |a )?(?:hospital|icu|itu|intensive care|a and e|resus|high dependency)|"
    r"(?:taken|rushed|admitted|blue lighted|airlifted) (?:to|into|in) (?:the |a )?(?:hospital|a and e|icu|intensive care))\b")


def in_care_since(t: str, start: int, end: int) -> bool:
    """A sign dated days back (last night, yesterday) whose person the same sentence says is in hospital now."""
    lo, hi = sentence_of(t, start, end)
    return bool(_RECENTLY.search(t, lo, hi)) and bool(_IN_CARE_NOW.search(t, end, hi)) \
        and not _PRESENT.search(t, lo, start)


# Not answering someone awake who cannot hear or is absorbed: "his hearing aid is flat so he doesn't respond, but he's
# awake reading", "she's meditating and won't answer, sitting up with her eyes closed". Only the non-answer words, and
# only with nothing in the sentence that says collapse.
_NO_REPLY = re.compile(r"\b(?:respond\w*|answer\w*|react\w*|hear\w*|repl(?:y|ies|ied|ying))\b")
_CANNOT_HEAR = re.compile(r"\b(?:hearing aids?|deaf|hard of hearing|headphones|earphones|ear ?buds|airpods|ear ?plugs|"
                          r"meditat\w*|praying|in a trance|daydream\w*|sulk\w*|ignoring|engrossed)\b")
_AWAKE_SAID = re.compile(r"\b(?<!not )(?:awake|sitting up|sat up|reading|watching|eyes (?:are )?open|looking at|smil\w*|"
                         r"nodd\w*|meditat\w*|praying|playing|typing)\b")
_COLLAPSE_SAID = re.compile(r"\b(?:collapsed|slumped|floppy|limp|not breathing|wake|unconscious|unresponsive|grey|gray|blue|"
                            r"fell|fallen|passed out|fainted|fit\w*|seizure|shaking)\b")


def explained_silence(t: str, start: int, end: int) -> bool:
    """No answer from someone awake who cannot hear, or will not be disturbed: a look-alike of unconsciousness."""
    if not _NO_REPLY.search(t[start:end]):
        return False
    lo, hi = sentence_of(t, start, end)
    sentence = t[lo:hi]
    return bool(_CANNOT_HEAR.search(sentence) and _AWAKE_SAID.search(sentence)) and not _COLLAPSE_SAID.search(sentence)


# Someone walking in their sleep does not wake when called: a look-alike of unconsciousness, unless they fell or collapsed.
_SLEEPWALKING = re.compile(r"\b(?:sleep ?walk\w*|walks? in (?:his|her|their|my) sleep|walking in (?:his|her|their|my) sleep|"
                           r"night terrors?|sleep ?talk\w*)\b")
_NOT_WAKING_AFTER = re.compile(r"\b(?:collapsed|slumped|floppy|limp|not breathing|unconscious|unresponsive|grey|gray|blue|"
                               r"fell|fallen|fall|hit|banged|passed out|fainted|fit\w*|seizure|shaking|floor|bottom)\b")


def asleep_on_the_move(t: str, start: int, end: int) -> bool:
    """Not waking while sleepwalking ("she sleepwalks and we can't wake her while she's at it"): asleep, not
    unconscious. A fall or a collapse said anywhere in the turn keeps it a sign."""
    return bool(_NOT_WAKING.search(t[start:end]) and _SLEEPWALKING.search(t, *sentence_of(t, start, end))
                and not _NOT_WAKING_AFTER.search(t))


def someone_else_died(t: str, start: int, end: int) -> bool:
    """The mention is another person's death ("the driver of our car has died"): a mechanism of the crash
    (red_flags.json "death_in_same_vehicle"), not a sign of the patient who is talking or being talked about."""
    lo, hi = scope_of(t, start, end)
    return any(m.start() <= start and end <= m.end() for m in _SOMEONE_ELSE_DIED.finditer(t, lo, hi))


_SOMEONE_ELSE_DIED = re.compile(
    r"\b(the |a |one |another |other )?(driver|passenger|other driver|someone|somebody|one person|people|others?|rider|"
    r"one of (?:the |those |our )?\w+|(men|women|people|lads|guys) (in|from|inside)|(man|woman|person|lady|guy) (driving|in|from|inside))( (of|in|from) (our|the|my|his|her|their|that|other) \w+)?"
    r" (has |have |is |was |were |had )?(died|dead|been killed|killed|passed away|did not make it)\b"
    # a bereavement the patient lives with: "she stays in bed since her husband died"
    r"|\b(since|after|ever since) (his|her|my|their|our) (\w+ )?\w+ (has |had )?(died|passed away|passed)\b"
)
# The reason for calling, said after an aside; what it is about is someone or something else unless it was named
# before ("my dad has chest pain, I'm calling about my dad").
_ASIDE = re.compile(r"(?:\bbut|\banyways?|,|\.) (?:i am|i m|im) (?:calling|ringing|phoning|texting|messaging|contacting you) "
                    r"(?:about|for|regarding|because of|because(?! (?:i|we|he|she|they)\b)) (?:my own |my |our |the |a |an )?(\w+)|"
                    r"\bwhat (?:i am|i m|im) (?:calling|ringing|phoning|texting) (?:you )?(?:about|for) is (?:my own |my |our |the |a |an )?(\w+)|"
                    r"\b(?:calling|ringing|phoning|texting) (?:you )?because (?:i|we) (?:just )?(?:twisted|sprained|hurt|cut|banged|bumped|"
                    r"scraped|grazed|stubbed|pulled|injured|burnt|burned|have|have got|got|am having|keep getting) "
                    r"(?:my |our |a |an |some |the same |this |these )?(\w+)|"
                    r"\b(?:calling|ringing|phoning|texting) (?:about|for) (?:my|his|her) own (\w+)|"
                    r"\b(?:scared|worried|anxious|concerned|asking|wondering|nervous) (?:about|for) my own (\w+)|"
                    r"(?:\bbut|,) (?:i am|i m|im) asking (?:for myself |for me )?(?:what to do )?(?:about|for|regarding) "
                    r"(?:my own |my |our |the |a |an )?(\w+)")
# A person named as what the call is about may be the patient: "my son is fitting, I'm calling about my baby".
_NOT_AN_ASIDE = {"him", "her", "them", "it", "this", "that", "he", "she", "they", "help", "advice", "an", "ambulance",
                 "son", "daughter", "baby", "child", "children", "kid", "kids", "boy", "girl", "little", "toddler",
                 "husband", "wife", "partner", "mum", "mom", "mother", "dad", "father", "brother", "sister", "friend",
                 "grandma", "grandad", "grandpa", "grandmother", "grandfather", "nan", "gran", "uncle", "aunt",
                 "auntie", "aunty", "neighbour", "neighbor", "colleague", "patient", "family", "grandson",
                 "granddaughter", "cousin", "mate", "boyfriend", "girlfriend", "someone", "somebody", "man", "woman",
                 # "I'm calling because I don't know what to do": the reason is the caller's, not another matter
                 "i", "we", "you", "me", "us", "what", "how", "if", "whether", "there", "unsure", "no", "not", "question",
                 "questions", "idea", "problem", "concern", "worry", "feeling", "to", "been"}


# An animal, a machine or a recording is the one with the sign: "the fish in the tank are not breathing", "my dog is
# panting hard", "the engine keeps choking", "the car is gasping up the hill", "the speech on the video is slurred",
# "the smoke is choking". Only when it is the subject right before the sign, with no person named between ("the dog bit
# my son and he is bleeding" is the son), and not the object of a verb or a preposition ("hit by a car, not breathing").
_ANIMALS = (r"dogs?|puppy|pup|cats?|kitten|fish|goldfish|budgie|parrot|birds?|hamster|rabbit|guinea pig|tortoise|horse|pony|"
            r"cows?|calf|calves|lambs?|kids? goat|foal|piglets?|donkey|goat|sheep|pig|hen|chickens?|ducks?|rooster|"
            r"buffalo(?:es)?|carabaos?|oxen|ox|bullocks?|bulls?|camels?|heifers?|mares?|ewes?|sows?|mules?|goats|pigs|"
            r"geese|goose|turkeys?|crocodiles?|alligators?|whales?|dolphins?|turtles?|frogs?|monkeys?|elephants?|penguins?")
# Pests are things a sign is said of too ("the termites will commit suicide from the bait"), though never the "he" of a
# later clause the way a pet is. A pest before "poison" or "bait" names the means ("he want drink rat poison make he die").
_PEST_NAMES = (r"termites?|rats?|mice|mouse|rodents?|cockroach\w*|roaches|ants|bugs|insects?|mosquito\w*|flies|vermin|lice|"
               r"pests?|weevils?")
_MEANS_FOR_PESTS = r"poison|bait|pellets?|killer|traps?|chalk|spray|powder|repellent|coils?|medicine|tablets?|glue|dust|cake"
_PESTS = rf"(?:{_PEST_NAMES})(?! (?:{_MEANS_FOR_PESTS})\b)"
# Food is a thing a sign word is said of ("the rice is burnt"), and what a burn word leads is the food's.
_FOODS = r"food|rice|jollof|toast|bread|dinner|cake|meal|stew|soup|porridge|beans|pizza|biscuits?|cookies?"
_THINGS = (rf"(?:{_ANIMALS}|{_PESTS}|engine|laptop|computer|pc|printer|pump|generator|"
           r"chain ?saw|strimmer|whipper snipper|brush ?cutter|outboard|(?:washing|sewing|coffee|vending) machine|"
           r"tumble dryer|dryer|dishwasher|flue|range|aga|kiln|furnace|compressor|carb(?:urett?or)?|air filter|"
           r"router|(?<=baby )monitors?|(?<=heart )monitors?|intercom|walkie ?talkie|(?<!on the )(?<!on my )(?<!on his )(?<!on her )(?<!on our )(?<!over the )(?<!on )"
           r"(?:phone|mobile|cell ?phone|smartphone|screen|tv|television|telly|radio|ipad|kindle)|"
           rf"{_FOODS}|dyes?|ink|trees?|bark|branch(?:es)?|crops?|doll|teddy|manikin|mannikin|mannequin|resus annie|(?:cpr|resus|training) (?:doll|dummy)|plants?|battery|stove|fire|boiler|heater|chimney|radiators?|fridge|"
           r"freezer|video|audio|recording|clip|footage|voice note|smoke|fumes{vehicles})"
           r"(?! (?:bones?|hooks?|balls?|food|pieces?|chunks?|bits?|blades?|chains?|teeth|stores?|store ?rooms?|bags?|sacks?|fields?|farms?|mill|shop|stall|pot|pots|cooker|water))")
# A vehicle is a thing with a sign ("the car is gasping up the hill"), but the subject of a crash is a mechanism's.
_VEHICLES = ("|car|van|truck|lorry|tractor|motorbike|ute|hilux|pickup|jeep|bakkie|land ?cruiser|4x4|suv|"
             # a car named by its model: "my Vios can't breathe, the air filter is choked"
             "vios|corolla|camry|civic|probox|hiace|innova|fielder|vitz|wigo|jeepney|matatu|tuk ?tuk|kombi|sedan|hatchback")
THINGS = _THINGS.format(vehicles="")  # animals and machines, without the vehicles of a crash
# What acts on a person ("the motorbike knocked him down", "the smoke is choking her"): the person it names is the patient.
_VEHICLE = re.compile(rf"(?:{_VEHICLES[1:]}|smoke|fumes|fire)\b")
# What blows up is a mechanism's too ("the boiler exploded, my dad was thrown across the room"): read for a mechanism,
# only animals and the things that never blow up or crash are subjects with signs of their own.
_BLOWS_UP = re.compile(r"\|(?:engine|pump|generator|battery|stove|boiler|heater)(?=\|)")
_THING_SUBJECT = {v: re.compile(rf"\b(?:{_THINGS.format(vehicles=_VEHICLES) if v else _BLOWS_UP.sub('', THINGS)})(?: \w+){{0,5}}\s*$")
                  for v in (True, False)}
# An animal or a thing that did something to someone ("the horse kicked our Johnny in the head", "the bull threw
# Declan"): whoever it acted on is the patient, named or not. Not one that had it done to it ("the dog got bitten by a
# snake", "the goat was kicked by the cow"): that sign is the animal's.
_ACTS_ON = re.compile(r"\w+(?: \w+)? (?<!\bgot )(?<!\bget )(?<!\bgets )(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bbeen )"
                      r"(?:kicked|kicks|bit|bitten|bites|trampled|tramples|threw|throws|butted|headbutted|"
                      r"gored|stood on|trod on|stamped on|knocked|attacked|mauled|crushed|fell on|landed on|rolled on|"
                      r"pinned|dragged|charged at|caught|hit) \w+")
_AS_OBJECT = re.compile(r"\b(?:by|hit|into|under|off|from|out of|over|knocked|ran|run|drove|driving|in|inside|at)"
                        r"(?: (?:the|a|an|his|her|our|my|their))?\s*$")
# "the goat we slaughtered is bleeding": the people in a clause that only says which animal it is are not its subject.
_WHICH_THING = re.compile(rf"\b({_THINGS.format(vehicles=_VEHICLES)}) (?:that |which )?(?:we|i|they|you) \w+(?: \w+){{0,3}}? (?=(?:is|was|are|were|has|had|s)\b)")
# A clause with no subject of its own ("... and will not wake", ", is floppy"), or only "it", shares the one before; the
# thing must lead that clause ("the hen is lying in the coop and will not wake", "my horse fell and it is not breathing").
_SUBJECTLESS = re.compile(r"^\s*(?:it )?(?:not )?(?:is|was|are|were|will|would|can|could|has|had|have|does|did|keeps?|kept|seems?|looks?|"
                          r"(?!(?:nothing|something|anything|everything|morning|evening)\b)\w+ing)\b")  # "is pregnant and bleeding"
# A clause that is only the sign and its degree ("the baby goat won't suck, completely floppy") has no subject either;
# a degree word is needed ("a cow gored my uncle, there's a hole" starts a clause with a subject of its own).
_ONLY_DEGREE = re.compile(r"\s*(?:(?:completely|totally|very|so|really|quite|all|fully|absolutely|proper|properly|too|a bit|bit|"
                          r"kind of|kinda|sort of|just|now|also|still) )+")
_THING_LEADS = re.compile(rf"^\s*(?:(?:wallahi|walahi|wallah|haba|eish|ayy?|oh|ah|o) )?(?:(?:the|our|my|a|an|his|her|their|this|that|some) )?(?:\w+ )?(?:{_THINGS.format(vehicles='')})\b")
_PERSON = re.compile(r"\b(i|me|we|us|you|him|her|his|them|son|daughter|baby(?! monitors?\b)|child|kid|boy|girl|man|woman|wife|husband|mum|mom|"
                     r"dad|mother|father|brother|sister|friend|grandma|grandad|nan|patient|toddler|rider|driver|owner|farmer|people|person|"
                     r"someone|somebody|he|she|they)\b")


# The animal's own paw: "my dog cut his paw and it is bleeding" names no person. Only parts no person has.
# "The baby goat", "the mother cow": the young or the dam of an animal is the animal, no baby or mother of a person.
_YOUNG_OF_AN_ANIMAL = re.compile(rf"\b(?:baby|newborn|little|young|mother|mama|nanny|billy|day old) (?=(?:{_ANIMALS})\b)")
_ITS_OWN_PART = re.compile(r"\b(?:his|her|its|their) (?:paws?|tail|snout|muzzle|claws?|hoofs?|hooves|wings?|beak|fur|"
                           r"mane|whiskers|dew ?claws?|pads?)\b")


_A_THINGS_PART = re.compile(r"(?:blades?|chains?|teeth|hooks?|pieces?|bits?)\b")
_PEST_JUST_BEFORE = re.compile(rf"(?:{_PEST_NAMES})\s*")
_PEST_MEANS = re.compile(rf"(?:{_MEANS_FOR_PESTS})\b")


# A burn word that leads a food is the food's ("is burnt food bad for her?", "the charred toast"); only food, said next to
# it: "burned frm generator petrol fire" is a person burned by the fire of one.
_BURNT_THING = re.compile(rf"(?:burnt|burned|scorched|charred|singed) (?:{_FOODS}|bits?)\b")


# The owner of the place an animal lives in names no patient: "the fish in my daughter's aquarium stopped breathing",
# "the rabbit from my neighbour's hutch": only the place noun is left ("my daughter fell into the pond" still names her).
_OWNERS_PLACE = re.compile(r"\b(?:in|from|at|inside|of|near|behind) (?:my|our|his|her|their|the) (?:\w+ )?(?:son|daughter|child|kid|boy|"
                           r"girl|wife|husband|mum|mom|dad|mother|father|brother|sister|friend|grandma|grandad|nan|uncle|aunt|"
                           r"auntie|cousin|neighbou?r|landlord|boss|sir|madam|family|kids|children) (?=(?:\w+ )?(?:aquarium|fish ?tank|tank|"
                           r"bowl|cage|hutch|coop|pen|kennel|stable|barn|shed|pond|farm|yard|garden|compound|room|house|flat)\b)")


# A stove, a fire or a coil that "was burning" is lit, not a burn: "the charcoal stove was burning in the closed room".
_BURNING_THING = re.compile(r"(?:\w+ )?(?:stove|stoves|fire|fires|coil|coils|heater|brazier|angeethi|sigri|chulha|chula|lamp|lantern|"
                            r"candle|candles|incense|mosquito coil|charcoal|coals?|wood|gas|burner|kiln|oven) (?:is|was|were|are|kept|"
                            r"keeps|has been|had been|s) (?:still |already |all night |on and )?(?:burning|alight|lit)\b")


def not_a_person(t: str, start: int, end: int, vehicles: bool = True) -> bool:
    """The sign belongs to an animal or a machine, not to a patient (`vehicles=False`: a crash's car is no such thing)."""
    if _BURNT_THING.match(t, start) and not _PERSON.search(t, start, end):
        return True
    lit = _BURNING_THING.match(t, start)
    if lit and lit.end() >= end and not _PERSON.search(t, start, end):
        return True  # only the lit thing itself: the fumes of "the stove was burning in the shut room ... confused" stay
    lo, hi = scope_of(t, start, end)
    clauses = re.split(r"[,;]|\b(?:and|but|then|so|because)\b", t[lo:start])
    before = _OWNERS_PLACE.sub("in ", _WHICH_THING.sub(r"\1 ", " ".join(clauses[-1].split()[-9:])))
    m = _THING_SUBJECT[vehicles].search(before)
    if m and _PEST_JUST_BEFORE.fullmatch(before[m.start():]) and _PEST_MEANS.match(t, start):
        m = None  # "i will eat mouse poison": the pest names the means taken, not whose the sign is
    if m and _A_THINGS_PART.match(t, start):
        m = None  # "cut his hand on the chainsaw blade, it is deep": the part is where the wound came from
    # The thing may be what acts on the patient in the mention's own first words: "the cow kicked him in the head".
    if m and not _AS_OBJECT.search(before[:m.start()]) and not _ACTS_ON.match(before + " " + t[start:end], m.start()):
        # A vehicle's or smoke's sign words may name the person it acts on.
        said = " ".join([t[start:end]] + re.split(r"[,;.?!]", t[end:hi])[0].split()[:1]) if _VEHICLE.match(before, m.start()) else ""
        return not _PERSON.search(_YOUNG_OF_AN_ANIMAL.sub("", before[m.start():]) + " " + said)
    if len(clauses) > 1 and (_SUBJECTLESS.match(clauses[-1] + t[start:end]) or _ONLY_DEGREE.fullmatch(clauses[-1])) \
            and _THING_LEADS.match(clauses[-2]):
        return not _PERSON.search(_ITS_OWN_PART.sub(" ", _WHICH_THING.sub(r"\1 ", _YOUNG_OF_AN_ANIMAL.sub("", clauses[-2]))))
    return False


# An animal that is a clause's subject and is itself unwell ("our old cat curled up", "the goldfish is floating"), not food
# or an object ("he choked on the chicken"). An animal that only did something ("the dog was barking", "kept meowing",
# "jumped up") is how the caller came to find someone: the "she" after it is a person, and a missed person costs more
# than a pet's false alarm.
_ANIMAL_DOING = (r"(?:barking|barked|meowing|miaowing|mewing|growling|howling|whining|yelping|crying|jumping|licking|"
                 r"sniffing|scratching|pawing|digging|running|going|sitting|staying|guarding|fine|ok|okay|alright)")
_ANIMAL_SUBJECT = re.compile(rf"(?<!\bon )(?<!\bof )(?<!\bwith )(?<!\bate )\b(?:my|our|the|his|her|their|a|an)(?: \w+)? "
                             rf"(?:{_ANIMALS}) (?:(?:is|s|has|had|was|were|are|have|seems?|looks?)(?! (?:been )?{_ANIMAL_DOING}\b)|"
                             rf"been|collapsed|curled|fainted|fell|flopped|keeled|choked|swallowed|ate|got|went|stopped|"
                             rf"died|lay|lies|lying|seemed|looked|floated|floating|hibernating)\b")
_PERSON_NAMED = re.compile(r"\b(?:him|them|son|daughter|baby|child|children|kids?|boy|girl|man|woman|wife|husband|partner|mum|"
                           r"mom|mam|dad|mother|father|brother|sister|friend|mate|grandma|grandad|grandpa|granny|nan|uncle|"
                           r"aunt\w*|cousin|nephew|niece|lad|lass|teenager|toddler|neighbou?r|colleague|patient|rider|driver|"
                           r"owner|farmer|people|person|someone|somebody|everyone|anyone)\b|"
                           r"\b(?:found|find|saw|see|seen|checked|check|picked up|lifted|shook|shaking|moved|touched|turned|"
                           r"rolled|holding|hold|got|get|called|calling|woke|wake) her\b")
# "the kids think he is dead": who thinks it is not who it is said of.
_BELIEF_FRAME = re.compile(r"^\s*(?:(?:the|my|our|his|her) )?(?:\w+ )?(?:think|thinks|reckon|reckons|believe|believes|say|says|"
                           r"said|thought|reckoned)(?: that)? ")


def names_a_person(t: str) -> bool:
    """A person other than the caller is named ("my nan", "a man", "found her")."""
    return bool(_PERSON_NAMED.search(t))


# "It's our cow, not a person, she's gasping": the words that say no person is meant name none, and the animal is what
# "it is" when its name ends the clause ("it's the fish blood, but he cut his thumb" names the blood's source, not him).
_NOT_A_PERSON = re.compile(r"\bnot (?:a |any )?(?:person|human(?: being)?|people|somebody|someone)\b")
_IT_IS_THE_ANIMAL = re.compile(rf"\b(?:it|this|that) (?:is|s|was) (?:only |just )?(?:the|our|a|an|my|his|her|their) (?:\w+ )?"
                               rf"(?:{_ANIMALS})(?= ?[,.;?!]| ?$)")


def pronoun_of_an_animal(t: str, start: int, end: int) -> bool:
    """"My hamster is lying still, he is not breathing": a "he", "she" or "it" leading the mention's clause points back
    at the animal the turn named, as the subject or as what "it is" ("it's our cow, not a person, she's gasping"), when no
    person was named before it and nothing acted on anyone ("the dog knocked him over and he is not breathing" is him).
    The caller's earlier turns are red_flags' to check."""
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(t, 0, start)), default=0)
    if not re.match(r"\s*(?:he|she|it)\b", _BELIEF_FRAME.sub("", t[lo:end])):
        return False
    before = _NOT_A_PERSON.sub(" ", t[:lo])
    return bool(_ANIMAL_SUBJECT.search(t, 0, lo) or _IT_IS_THE_ANIMAL.search(before)) and not _PERSON_NAMED.search(before) \
        and not _ACTS_ON.search(t, 0, lo)


# "It's the sheep for Eid": the turn says the thing it told of is an animal (a slaughter, a sacrifice).
_IT_IS_AN_ANIMAL = re.compile(rf"\b(?:it|that|this) (?:is|s|was) (?:only |just )?(?:from )?(?:the|our|a|an) (?:\w+ )?(?:{_ANIMALS})\b"
                              r"(?! (?:(?:that|which|who) )?(?:has |had |just )?(?:bit|kicked|butted|gored|trampled|knocked|attacked|scratched|stepped|fell|landed)\b)")


def said_to_be_an_animal(t: str, start: int, end: int) -> bool:
    """"The blood won't stop, it's everywhere in the courtyard, it's the sheep for Eid": the turn says, after the sign and
    with no person named before that, that what it told of is an animal. A person named first ("the knife slipped into
    my brother's hand, the blood won't stop, it's from the sheep") keeps the sign theirs."""
    m = _IT_IS_AN_ANIMAL.search(t, end)
    return bool(m) and not _PERSON_NAMED.search(t, 0, m.start()) and not re.search(
        r"\b(?:i|my|me|myself|his|her|their|him|them|he|she|they|we|you)\b", t[:m.start()])


# What only an animal does or where only one lives: when Whisper loses the animal's name ("our tortoise" heard "our
# door"), "he is hibernating in a box in the shed" still says whose the sign is.
_AN_ANIMALS_WAYS = re.compile(r"\b(?:he|she|it|they) (?:is|s|was|are|were|has been|have been|had been)(?: still)? "
                              r"hibernat\w*|\b(?:in|inside|out of) (?:his|her|its|their|the) (?:hutch|kennel|vivarium|"
                              r"aquarium|burrow)\b")


_HIM_OR_THEM = re.compile(r"\b(?:him|her|them)\b")


def lives_as_an_animal(t: str, start: int, end: int) -> bool:
    """The turn says the one it is about hibernates or lives in a hutch, with no person named before that: an animal
    whose name the line lost ("our door has not taken a breath since november, he is hibernating. the kids think he is
    dead": the kids named after it only think so)."""
    said = _HIM_OR_THEM.sub(lambda m: " " * len(m.group()), t)  # "i can not see her breathe" is said of a pet too
    return any(not _PERSON_NAMED.search(said, 0, m.start()) for m in _AN_ANIMALS_WAYS.finditer(t))


# A question about what has already happened is not a hypothetical: "is it dangerous if a toddler ate the pods?"
# (the past tense says it happened); "what happens if you take all your tablets" stays one.
_ASKED_OF_WHAT_HAPPENED = re.compile(
    r"\b(is|was|will) (it|that|this) (\w+ )?(dangerous|bad|serious|ok|okay|safe|harmful|normal|poisonous|toxic|a problem) "
    r"if (he|she|they|i|we|my \w+|a \w+|the \w+|our \w+|his \w+|her \w+) (ate|drank|swallowed|took|licked|chewed|bit|inhaled|"
    r"has (eaten|drunk|swallowed|taken)|had (eaten|drunk|swallowed|taken))\b")


# The caller asks what they should do to the patient, in the question the mention ends: "do I put something in his
# mouth?", "should we give him water?" (a first-aid question, no sign: "should I put him on his side, he's not breathing"
# has its sign past the comma).
_ASKED_WHAT_TO_DO = re.compile(r"\b(?:do|should|shall|can|must|could) (?:i|we) (?:put|place|stick|give|push|force|pour|hold|get)\b[^,;]*$")
# "If he ever ...": a case that has not happened (a past "if he ever drank it" is no more a sign than a present one).
_IF_EVER = re.compile(r"\bif (?:\w+ ){1,3}ever\b")


_WHAT_ELSE = re.compile(r"\b(?:what|anything|something) else\s*$")


def hypothetical(t: str, start: int, end: int) -> bool:
    """Asked about, not happening: "what should I do if she starts fitting", "what are the signs of a stroke".

    "I don't know if he is breathing" is doubt about now, not a hypothetical.
    """
    lo, hi = scope_of(t, start, end)
    before = t[lo:start]
    if _ASKED_OF_WHAT_HAPPENED.search(t[lo:end]):
        return False
    if _HYPOTHETICAL.search(before) or _asks_where_the_line_is(t, start, lo, hi) or _WHEN_UNKNOWN.search(before):
        return True
    if t[hi:hi + 1] == "?" and _WHAT_ELSE.search(t, lo, hi) and lo > 1 and _HYPOTHETICAL.search(t, *sentence_of(t, lo - 2, lo - 2)):
        return True  # "what signs should I watch for? grunting, not feeding, what else?": the signs asked about, listed
    if t[hi:hi + 1] == "?" and _ASKED_WHAT_TO_DO.search(before):
        return True  # "if he has a seizure, do I put something in his mouth?": what the caller would do, asked
    if _IF_EVER.search(t, lo, end):
        return True  # "the number for poisons if my toddler ever drinks something": the if-clause may be inside the mention
    before = _WHO_THEY_ARE.sub(" ", before)
    for m in _IF.finditer(before):
        if _CLAUSE_END.search(before, m.end()):
            continue  # "better if I wasn't here, I've been looking at ways": the if-clause ended at the comma
        if _ASKED_IF.search(before[: m.end()]) and _main_clause_begun(before[m.end():]):
            continue  # "when she asked if he wanted sugar he tried to answer": the question was asked, what followed happened
        if not _IF_IS_DOUBT.search(before[: m.end()].strip()):
            return True
    return False


# A harm wished or planned, the sign inside its infinitive: "I want to cut deep", "I want to take my pills and not wake
# up". Only acts of harm and "not"/"never": "I want to stop the bleeding, it's pouring" is the bleeding now.
_WISHED = re.compile(r"\b(?:want|wants|wanted|wanna|wish|wishes|wished|plan|plans|planned|planning|intend|intends|intended|"
                     r"intending|mean|means|meant|would like|d like|long|longs|longing|tempted) to (?:just )?(?:(?:cut|slit|slash|"
                     r"stab|hang|jump|drown|overdose|die|end|kill|hurt|harm|burn|shoot|take|swallow|drink|not|never)\b"
                     r"(?: (?!(?:and|but|then|so|because|cos|when|till|until|after|before|now|he|she|they|i|we|it|is|s|was|are|"
                     r"has|had)\b)\w+){0,5} (?:and )?)?$")


# A sign hoped for or against, its subject just before it: "I hope the baby doesn't wake up", "she wishes she would
# never wake up" (the wish is suicidal's own sign; for the other flags it is nothing that is so).
_HOPED = re.compile(r"\b(?:hope|hopes|hoped|hoping|hopefully|wish|wishes|wished|wishing|pray|prays|prayed|praying)(?: that)? "
                    r"(?:(?:i|he|she|they|we|(?:the|my|our|his|her|their) (?:\w+ )?\w+) )?(?:(?:could|would|will|might|can|does|do|did) )?(?:just )?$")


def wished(t: str, start: int, end: int) -> bool:
    """The sign is what someone wants or plans to do, not what is so: "I want to cut deep and not wake up"."""
    lo, _ = sentence_of(t, start, end)
    before = t[lo:start]
    if _HOPED.search(before) or _PURPOSE.search(before) and _PURPOSE_NOT.match(t, start):
        return True
    return bool(_WISHED.search(before)) and (not before.endswith("and ") or t.startswith(("not ", "never ", "no longer "), start))


# A purpose the sign is inside: "go deeper so she doesn't wake up", "how many it would take not to wake up".
_PURPOSE = re.compile(r"\b(?:so (?:that )?(?:he|she|they|i|we|you)(?: (?:does|do|did|will|would|wo|can))?|(?:would|will|it|to) take|enough(?: \w+)?) $")
_PURPOSE_NOT = re.compile(r"(?:(?:does|do|did|will|would|wo|can) not|never|not)\b")


# Of whom may be a named person too: "we thought my son drank from the kerosene bottle, but it only had water in it".
_MISTAKEN = re.compile(r"\b(i|we|he|she|they|mum|mom|dad|mam|nan|granny|amma|ammi|ammu|abba|abbu|ibu|bapak|appa|nani|dadi|"
                       r"my (?:wife|husband|mother|father|mum|mom)) (thought|believed|was sure|were sure) "
                       r"(he|she|they|it|that|(?:my|our|the) (?:\w+ )?(?:son|daughter|baby|boy|girl|child|kid|toddler|little one|"
                       r"husband|wife|brother|sister|mother|father|mum|mom|dad|grandma|grandpa|granny|nani|dadi|abba|amma))\b")
# The belief corrected by what it was: "he thought it was blood, it's only dye", "it was just ketchup".
_ONLY_WAS = re.compile(r"\b(?:it|that|this) (?:is|s|was) (?:only|just|actually|really) (?!(?:blood|bleeding|him|her)\b)\w+|"
                       r"\b(?:it|that|this) (?:is|s|was) (?:all )?(?:a|an|his|her|their) (?:\w+ )?(?:prank|joke|trick|game|false alarm)\b|"
                       # the container held something harmless: "but it only had water in it"
                       r"\b(?:it|that|this|the (?:bottle|cup|glass|can|jar|tin|packet|pack|box|sachet)) (?:only |just )(?:had|has|held|holds|"
                       r"contained|contains) (?:some |plain |clean |drinking )?(?:water|juice|milk|tea|soda|squash|coconut water|nothing)\b")
# Said, then taken back: "he had the bleach but he did not drink any", "like something is stuck but it is not".
_NOT_SWALLOWED = re.compile(
    r"(\bbut|\bthough|\balthough|,) (he|she|they|i|it|there) (did not|has not|have not|never|had not) (actually )?(drink|drank|swallow\w*|"
    r"take|took|eat|ate|touch\w*|open\w*) (any|it|anything|them|a drop|a thing)\b")
# A mention that is about something taken: only it is taken back by "but he hasn't touched a drop" ("talking like he's
# had a drink, but he hasn't touched a drop" takes back the drink, not the face that dropped).
_INGESTED = re.compile(r"\b(drank|drunk|drink\w*|swallow\w*|took|taken|take|ate|eaten|eat\w*|had|got into|bottle|pills?|"
                       r"tablets?|poison\w*|bleach|chemicals?|medicine|overdose\w*|sips?|gulp\w*)\b")
# Nothing was taken, the container or the thing says so: "the seal is not broken", "nothing is missing", "all the
# tablets are there", "I took it off her and it is still whole".
_NOTHING_TAKEN = re.compile(
    r"\b(?:it|they) (?:is|s|are|was|were) still (?:whole|intact|in one piece|sealed|wrapped|dry)\b|"
    r"\b(?:seal|lid|cap|safety cap|top|foil|blister|packet|pack|bottle)( \w+)? (?:is |was |s |are |has )?(?:still )?(?:not (?:been )?"
    r"(?:broken|opened|touched)|unbroken|intact|unopened|never opened|untouched|still sealed)\b|\b(?:lid|cap|safety cap|top) (?:is |was |s )?still (?:on|screwed on|done up|closed|shut)\b|\b(?:nothing|none) (?:is |s |are |was |were )?"
    r"(?:missing|gone)\b|\b(?:all|every one) (?:of )?(?:the |them )?(?:\w+ )?(?:are |is )?(?:still )?(?:there|accounted for)\b")
# Nothing taken, said anywhere in the sentence and counted: "no, he didn't swallow any, I counted the tablets, they're all
# still there". Both are needed: "he did not swallow any" alone may be of something else ("any water").
_NONE_TAKEN = re.compile(
    r"\b(?:he|she|they|i|we|(?:my|our|the) (?:toddler|baby|son|daughter|boy|girl|kid|child|little one)) (?:did not|has not|have not|"
    r"had not|never) (?:actually )?(?:drink|drank|swallow\w*|take|took|eat|ate)"
    r" (?:any|anything|a drop|a thing|one|a single one)(?: of (?:it|them))?(?= ?[,.;?!]| ?$)"
    rf"(?=.*(?:{_NOTHING_TAKEN.pattern}))")
_TAKEN_BACK = re.compile(
    r"\b(but|though) (it|there) (is|was|s) not( really| actually)?( ,| \.|$| i | he | she )|"
    r"\b(but|though|although|and) (he|she|they|i|we) (spat|spit|spits) (it|them|that|the \w+)( \w+)? out\b|\bnothing (was )?(swallowed|went down)\b"
)


# What it seemed, then what it was, a thing that only looks like the sign: "it looked like blood pouring, but it's the
# bissap juice", "looks like he's bleeding, it is only the beetroot".
_SEEMED = re.compile(r"\b(?:it|that|this|he|she|they)(?: \w+)? (?:looked|looks|seemed|seems|looking) like\b")
_WAS_A_THING = re.compile(r"(?:\bbut|\bthough|,) (?:it|that|this) (?:is|s|was) (?:just |only |actually |really |all )?(?:the |a |an |some |his |her |my |our |their )?"
                          r"(?:\w+ )?(?:juice|paint|dye|ink|wine|sauce|ketchup|jam|syrup|drink|soda|food colou?ring|henna|beetroot|"
                          r"tomato(?:es)?|bissap|zobo|sobolo|hibiscus|palm oil|red oil|kola|betel|paan|chilli|pepper soup|stew)\b")


def mistaken(t: str, start: int, end: int) -> bool:
    """A belief the caller takes back in the same sentence: "I thought she had stopped breathing but she was holding it"."""
    lo, hi = sentence_of(t, start, end)
    if _TAKEN_BACK.search(t[end:hi] + " ") or ((_NOT_SWALLOWED.search(t[end:hi] + " ") or _NOTHING_TAKEN.search(t[end:hi])
                                                or _NONE_TAKEN.search(t, lo, hi))
                                               and _INGESTED.search(t[start:end])):
        return True
    if _SEEMED.search(t, lo, start) and _WAS_A_THING.search(t, end, hi):
        return True  # "it looked like blood pouring, but it's the hibiscus juice"
    # The belief may stand inside the mention too: "blood all down his arm, he thought it was blood, it's only dye".
    beliefs = list(_MISTAKEN.finditer(t, lo, end))
    if not beliefs or re.search(r"\bbut\b", t[beliefs[-1].end():start]):
        return False  # "we thought it was a cold, but tonight he is gasping": the sign is what corrects the belief
    # The correction may start inside a rule's span: "kerosene bottle, but it only had water in it".
    return bool(re.search(r"\bbut\b", t[end:hi]) or _ONLY_WAS.search(t, end, hi)
                or any(re.search(r"\bbut\b", t[start:m.start()]) for m in _ONLY_WAS.finditer(t, start, hi)))


# A device raised the alarm and the caller's check found the device at fault: "the apnoea alarm went off, she was fine,
# the sensor pad had come loose". Only a sign said of the device, in its clause: "he is not breathing, the defib pads
# came off" is the caller's own word.
_DEVICE = re.compile(r"\b(?:alarm|alarms|monitor|sensor|oximeter|watch|app|machine|reading|readings)\b")
_FALSE_ALARM = re.compile(r"\b(?:false alarm|(?:sensor|pad|probe|lead|clip|electrode|sticker|strap|mat|band)s? (?:\w+ ){0,2}"
                          r"(?:had |has |have |was |were |s |must have )?(?:come|came|fallen|fell|slipped|worked|been knocked|"
                          r"knocked|pulled) (?:loose|off|out)|(?:rolled|rolls|rolling|moved|wriggled|slid|crawled|kicked) (?:off|away from) "
                          r"(?:the |her |his |their )?(?:sensor|pad|mat|probe|sticker|band)s?(?: pad| mat)?)\b")


def false_alarm(t: str, start: int, end: int) -> bool:
    """A device's alarm, and later in the sentence the device was at fault (a pad come loose, a false alarm)."""
    lo, hi = sentence_of(t, start, end)
    clause = _CLAUSE_BREAK.split(t[lo:start])[-1] + t[start:end] + re.split(r"[,;]", t[end:hi])[0]
    return bool(_DEVICE.search(clause)) and bool(_FALSE_ALARM.search(t, end, hi))


# A film, a game or a book told, not a patient: "in the game your character stops breathing", "the film ends with the
# hero bleeding". Said before the mention in its scope; "and now" starts the caller's own present again. A trailer is
# a film's only as "the trailer for/of" it: "me mam's in the trailer" is a Traveller family's home.
_FICTION = re.compile(
    r"\b(songs?|lyrics|music|tracks|films?|movies?|books?|novels?|essays?|poems?|homework|assignment|project) (\w+ )?about\b|"
    r"\b((the|a|on the) )?news (said|says|reported|showed|shows)\b|"
    r"\b(in|on) (the|a|that|this) (\w+ )?(film|movie|game|video game|book|novel|show|series|episode|cartoon|play|"
    r"documentary|soap|comic|story|footage|news footage|trailer(?= (?:for|of)\b)|anime|teleserye|telenovela|k ?drama|serial|soap opera|novela)\b|\b(it is|it s|it was) (only|just) a (\w+ )?(game|film|movie|show|story)\b|\b(the|that|this) (\w+ )?(film|movie|book|novel|show|series|episode|game|documentary|"
    r"story)( last night| yesterday| on (the )?(tv|telly))? (ends|ended|had|has|is about|was about|showed|shows|starts|started)\b|"
    r"\b(watch\w*|saw|seen|read|reading) (a|the|that|this) (\w+ )?(film|movie|show|series|documentary|programme|program|episode|book|"
    r"novel|play|scene|drama|serial|soap|telenovela|teleserye) (about|where|in which|with|of|in (?:a|the|that|this))\b|"
    r"\b(watch\w*|saw|seen) (a|the|that|this) (\w+ )?(video|clip|reel|post) on (?:fb|facebook|tiktok|youtube|instagram|insta) of\b|\b(the|a|your|his|her|my) (game |film |book )?"
    r"(character|avatar|hero|heroine|villain|actor|actress)\b|"
    # Tagalog's lead and villain of a teleserye: "na-stroke daw yung bida"; "sa teleserye" is "in the series"
    r"\b(?:yung|ang|si|the) (?:bida|kontrabida)\b|\bsa (?:\w+ )?(?:teleserye|telenovela|serye|pelikula|palabas|k ?drama)\b"
)


# Someone seen on a screen, said in the mention's own clause: "the boxer got knocked out on the telly", "a man on the tv
# news was not breathing", "on the football a player was bleeding" (the match on television). "He collapsed in front of
# the tv" and "knocked out on the rugby pitch" are the patient.
_ON_SCREEN = re.compile(r"\b(?:on|in) (?:the )?(?:tv|telly|television|news|tv news|telly news|radio|youtube|tiktok|internet)\b|"
                        r"\bon the (?:football|boxing|rugby|cricket|wrestling|match)\b(?! (?:pitch|field|ground|court|ring|club|team))")


# "I'm like that man in the film who...", "grunting like the baby on that documentary": a likeness the caller draws,
# said just before the film; the one likened is the patient, not someone in the film.
_LIKENED = re.compile(r"\b(?:like|as)(?: (?:that|the|a|those|them|one of the|one of those|him|her)(?: \w+){0,3})?\s*$")


# A screen that leads the sentence frames all of it: "on the news tonight, a crash on the highway, blood everywhere on
# the road". The caller's own people or "now" before the mention starts their story again ("on the tv they said stay
# in, my son is bleeding"), and so does a "when" ("on the telly the match was on when he collapsed").
_SCREEN_LEADS = re.compile(r"\s*(?:(?:i|we) (?:saw|watched|heard|read) (?:it |this |that )?)?(?:on|in) (?:the )?(?:tv|telly|television|news|"
                           r"tv news|telly news|radio|youtube|tiktok|facebook|fb|internet|papers?|newspaper)\b")
_CALLERS_OWN = re.compile(r"\b(?:i|we|me|us|my|our|mine|you|your|he|she|him|her|his|they|them|their|now|when|while|then)\b")


def fictional(t: str, start: int, end: int) -> bool:
    """The mention is told of a film, game or book ("the boxer in the film was knocked out cold"), of someone on a
    screen in its own clause ("the boxer got knocked out on the telly and my husband jumped"), or of a sentence a
    screen leads ("on the news a bus caught fire, people with burns everywhere")."""
    lo, hi = scope_of(t, start, end)
    lead = _SCREEN_LEADS.match(t, sentence_of(t, start, end)[0])
    if lead and lead.end() <= start and not _CALLERS_OWN.search(t, lead.end(), start):
        return True
    if any(not _LIKENED.search(t[lo:lo + m.start()]) for m in _FICTION.finditer(t[lo:hi])):
        return True
    clause_lo = max((m.end() for m in _CLAUSE_BREAK.finditer(t, lo, start)), default=lo)
    clause_hi = min((m.start() for m in _CLAUSE_BREAK.finditer(t, start + 1, hi) if m.start() >= start), default=hi)
    clause = t[clause_lo:max(clause_hi, start)]
    # "like they do on the telly" compares; the one on the screen is not the patient only when they are told of
    return any(not re.search(r"\b(?:like|as)\b", clause[:m.start()]) for m in _ON_SCREEN.finditer(clause))


# A clinician's word on what the sign was: "the GP said the chest pain was a pulled muscle". A past verdict on an
# episode already seen; "... but now it is spreading to my arm" starts the present again (scope_of).
_CLINICIAN_SAID = re.compile(
    r"\b(?:doctor|doc|gp|nurse|consultant|paramedics?|ambulance crew|hospital|a and e|cardiologist|specialist|"
    r"pharmacist|midwife|they)s? (?:said|told (?:me|us|him|her|them)|thought|reckoned|decided|put it down to)\b"
)
_BENIGN_VERDICT = re.compile(
    r"\b(?:was|were)(?: (?:just|only|probably|likely|nothing but|all))? (?:a |an )?(?:pulled|strained|muscular|muscle|"
    r"anxiety|panic|indigestion|heartburn|reflux|wind|trapped wind|stress|nothing|fine|normal|harmless|a virus|viral|"
    r"costochondritis|a strain|a sprain)\b"
)


def explained(t: str, start: int, end: int) -> bool:
    """A clinician told what the sign was, and it was benign: "the doctor said the chest tightness was only anxiety"."""
    lo, hi = scope_of(t, start, end)
    return _CLINICIAN_SAID.search(t, lo, start) is not None and _BENIGN_VERDICT.search(t, end, hi) is not None


# A clinician's name for an episode, told in the past: "they called it a small heart attack", "I was told I had",
# "they said that it was more than angina". "The paramedic said it is a heart attack" is now, and "111 said it was a
# heart attack and to call you" sends the caller here.
_VERDICT = re.compile(rf"{_CLINICIAN_SAID.pattern}|\b(?:called it|named it|(?:was|were) told|diagnosed)\b")
_PAST_VERB = re.compile(r"\b(?:was|were|had|called it|named it|told|diagnosed)\b")
_SENT_HERE = re.compile(r"\b(?:ambulance|999|911|112|111|(?:call|ring|phone) (?:you|an ambulance|for help)|to (?:call|ring|phone))\b")


def past_verdict(t: str, start: int, end: int) -> bool:
    """The mention is what a clinician called an episode before, in the past tense, with nothing said of now."""
    lo, hi = scope_of(t, start, end)
    verdicts = list(_VERDICT.finditer(t, lo, start))
    if not verdicts:
        return False
    said = t[verdicts[-1].start():start]
    return bool(_PAST_VERB.search(said)) and not _PRESENT.search(_CLINICIAN_SAID.sub(" ", said) + t[end:hi]) \
        and not _SENT_HERE.search(t[lo:hi])


# What a known condition always does: "I always have problems with my breathing because of the asthma". Said in the
# mention's own clause, with no word of now in the sentence ("I always have asthma but today I can't breathe"; "her
# fits usually stop in a minute but this one started at lunch": this one is now).
_ALWAYS = re.compile(r"\b(?:always|usually|normally|tends? to)\b")
# "Two years now" is how long a condition has lasted, and "not worse" denies a change: neither is a word of now.
_THIS_TIME = re.compile(r"\b(?:(?<!years )(?<!year )(?<!months )(?<!weeks )(?<!long )now|today|tonight|"
                        r"this (?:time|morning|afternoon|evening)|at the moment|currently|"
                        r"(?<!not )(?<!no )(?<!never )(?<!any )(?<!nothing )worse|again|"
                        r"suddenly|never (?:like|this)|but this one)\b")


# Said after the sign: it has always been so ("her eyelid droops, it has always been like that", "the same as always").
# So are "he always shakes like that", "that's his normal", and a trigger that brings it on each time ("she says she's
# choking whenever she gets anxious").
_BASELINE = re.compile(r"\b(?:always (?:been|was|is|looked|looks) (?:like (?:that|this)|that way|this way|the same)|"
                       r"(?:the )?same as (?:always|ever|usual)|(?:like|as) (?:always|usual|ever|every (?:night|day|morning|winter|year|time))|"
                       r"born (?:like|with) (?:that|it|this)|"
                       # "it's been like that since his stroke in 2020", "... for years": since an old event or a date long
                       # past, not since anything of today ("since he fell" stays the call's news).
                       r"(?:is|s|has|have) been (?:like (?:that|this)|that way|this way) (?:ever )?(?:since (?:(?:his|her|their|my|the) "
                       r"(?:old |last |first )?(?:stroke|accident|operation|surgery|illness)(?= (?:in (?:19|20)\d\d|(?:\w+ )?years? ago|"
                       r"last year)\b)|(?:19|20)\d\d|birth|(?:he|she|they) (?:was|were) (?:born|a (?:baby|child|kid|boy|girl)))|"
                       r"for (?:years|many years|(?:\w+ )?years? now))|"
                       # The same in the callers' other languages (as prepared: diacritics folded, some words already English):
                       # Indonesian "sudah begitu sejak stroke tahun 2020", Spanish "está así desde su derrame en 2020" /
                       # "lleva años así", Portuguese "está assim desde o AVC em 2020" / "é assim há anos", Tagalog "ganyan na
                       # siya mula nang ma-stroke noong 2020" / "matagal na siyang ganyan", Hindi "2020 ke stroke ke baad se
                       # aisa hi hai" / "saalon se aisa hai". Since an event of today ("desde que se cayó") stays news.
                       r"(?:sudah |sdh |udah |dah )?(?:begitu|begini|seperti itu|gitu|kayak gitu) (?:sejak|dari) (?:(?:stroke|strok|"
                       r"kecelakaan|operasi)(?:nya)? (?:(?:pada )?tahun (?:19|20)\d\d|(?:\w+ )?tahun (?:yang )?lalu)|(?:tahun )?(?:19|20)\d\d|"
                       r"lahir|kecil)|(?:sudah )?(?:bertahun tahun|sejak lama) (?:begitu|begini|seperti itu)|"
                       r"(?:begitu|begini|seperti itu|gitu) (?:sudah |selama )?(?:bertahun tahun|sejak lama)|(?:sudah |udah )lama (?:begitu|begini|gitu)|"
                       r"(?:esta|ha estado|sigue|queda) (?:asi|igual) desde (?:su |el |la |que tuvo (?:el |un |la )?)?(?:stroke|derrame|"
                       r"ictus|accidente|operacion|cirugia|embolia)(?: cerebral)? (?:en (?:el )?(?:19|20)\d\d|hace (?:\w+ )?anos|el ano pasado)|"
                       r"(?:esta|ha estado) (?:asi|igual) desde (?:(?:el )?(?:19|20)\d\d|que nacio|siempre|hace (?:\w+ )?anos)|"
                       r"(?:lleva|tiene) (?:\w+ )?anos (?:asi|igual)|(?:esta )?asi (?:desde )?hace (?:\w+ )?anos|"
                       r"(?:esta|e|he|ta|fica) (?:assim|igual) desde (?:o |a |seu |sua |que teve (?:o |um |a )?)?(?:stroke|avc|derrame|"
                       r"acidente|operacao|cirurgia)(?: cerebral)? (?:em (?:19|20)\d\d|(?:ha|faz) (?:\w+ )?anos|ano passado)|"
                       r"(?:esta|e|he|ta) (?:assim|igual) desde (?:(?:19|20)\d\d|que nasceu|sempre)|"
                       r"(?:esta|e|he|ta) (?:assim|igual) (?:ha|faz) (?:\w+ )?anos|(?:ha|faz) (?:\w+ )?anos (?:que )?(?:esta|e|he|ta|fica) (?:assim|igual)|"
                       r"(?:ganyan|ganito|ganoon|ganun) na (?:siya |sya |he |she )?(?:mula|simula|magmula) (?:nang|noong|nung) (?:ma |mag )?"
                       r"(?:stroke|aksidente|operasyon)(?: (?:siya|sya|he|she))? (?:noong |nung )?(?:(?:19|20)\d\d|(?:\w+ )?taon na)|"
                       r"(?:ganyan|ganito) na (?:siya |sya |he |she )?(?:mula|simula) (?:pa )?(?:noong |nung )?(?:19|20)\d\d|"
                       r"matagal na (?:siyang |syang |he |she )?(?:ganyan|ganito)|(?:ganyan|ganito) na (?:siya |sya |he |she )?(?:ng |nang )?"
                       r"(?:ilang|maraming) taon|(?:ilang|maraming) taon na (?:siyang |syang |he |she )?(?:ganyan|ganito)|"
                       r"(?:(?:19|20)\d\d|(?:\w+ )?(?:saal|sal) (?:pehle|pahle)) (?:ke|wale|wala|ka) (?:stroke|lakwa|lakwe|accident|operation)"
                       r"(?: ke)? (?:baad|bad) se (?:hi )?(?:aisa|aise|aisi|waisa|vaisa)|(?:saalon|salon|kai saal|kayi saal|bahut saal|barson) se "
                       r"(?:hi )?(?:aisa|aise|aisi|waisa|vaisa)|"
                       r"always \w+ like (?:that|this)|(?:that|it|this) (?:is|s) (?:just )?(?:his|her|their|my) (?:normal|baseline|usual)|"
                       r"(?:that|it|this|which) (?:is|s) (?:just |quite |perfectly |completely )?normal for (?:him|her|them|us|me)|"
                       # a known sleep habit: "he stops breathing for a few seconds when he snores, he has the machine"
                       r"(?:whenever|every time|each time|when|while) (?:he|she|they) (?:snores?|is snoring|are snoring)|"
                       r"(?:whenever|every time|each time|when) (?:he|she|they) (?:gets|feels|starts to feel) "
                       r"(?:anxious|upset|stressed|nervous|worked up|panicky|agitated|wound up|excited|scared))\b")


# "No worse today", "not any different from usual": a word of now that says nothing has changed.
_NO_CHANGE = re.compile(r"\b(?:nothing|not (?:anything|something)) (?:new|different|changed|has changed)"
                        r"(?: (?:at all|really))?(?: today| now| tonight| this (?:morning|evening|time))?\b|"
                        r"\bno (?:change|changes)(?: (?:at all|really))?(?: today| now| tonight| this (?:morning|evening|time))?\b|"
                        r"\b(?:no|not any|not|none|nothing|is not|it is not|it s not) (?:worse|different|bad(?:der)?) "
                        r"(?:than|from|to) (?:usual|normal|ever|always|before)(?: today| now| tonight| this (?:morning|evening|time))?\b|"
                        r"\b(?:no|not any|is not|it is not|none) (?:worse|different)(?: today| now| tonight| this (?:morning|evening|time))?"
                        r"(?! (?:than|from) (?:yesterday|an hour|this morning|earlier))\b|"
                        # "today is the same", "the same today": a day like the others
                        r"\b(?:today|tonight|this (?:morning|evening)) (?:is|s|it is|it s|he is|he s|she is|she s) (?:just |exactly )?"
                        r"(?:the same|no different|same as (?:usual|always|ever))\b|\b(?:is|s|it is|it s|he is|he s|she is|she s) "
                        r"(?:just |exactly )?the same (?:today|tonight|this (?:morning|evening))(?! (?:as|like) (?:yesterday|last))\b|"
                        # "that's her baseline now": a now that names what stays
                        r"\b(?:that|it|this) (?:is|s) (?:just )?(?:his|her|their|my) (?:normal|baseline|usual) now\b|"
                        # "it's not on me now", "I haven't got it at the moment": the habit's sign is absent now
                        r"\b(?:it|that|the pain|the tightness) (?:is|s) not (?:on|with) (?:me|him|her|them) (?:now|right now|at the moment|today)\b")


def habitual(t: str, start: int, end: int) -> bool:
    """The mention is what always happens with a known condition, or what the caller says was always so, not this
    call's news ("always short of breath on the stairs, no worse today": a now that says nothing changed)."""
    lo, hi = sentence_of(t, start, end)
    lo, hi = _semicolon_part(t, lo, hi, start, end)
    hi = _baseline_said_after(t, hi)
    clause = _CLAUSE_BREAK.split(t[lo:start])[-1]
    # Or inside the mention, in the clause its last word closes: "squeezes with his right hand, the left one is always
    # weak" (the rule's span runs from "right" to "weak").
    last = _CLAUSE_BREAK.split(t[start:end])[-1]
    return bool(_ALWAYS.search(clause) or _ALWAYS.search(last) or _BASELINE.search(t, start, hi)) \
        and not _THIS_TIME.search(_NO_CHANGE.sub(" ", t[lo:hi]))


# A saying the patient always uses, and the caller says it is only talk: "mi mama siempre dice ay, ya me quiero morir
# when her knees hurt, it's just her way of talking". Both are needed: "she keeps saying she wants to die" is a warning,
# and so is "she always says she'll end it" with nothing that calls it a manner of speaking.
_ALWAYS_SAYS = re.compile(r"\b(?:always|siempre|forever|all the time) (?:says?|saying|said|dice|goes|go)\b")
_ONLY_TALK = re.compile(r"\b(?:(?:his|her|their|my) (?:way of (?:talking|speaking|saying (?:it|things))|(?:favourite |favorite )?"
                        r"(?:expression|saying))|(?:a|an) (?:figure of speech|expression|saying)|(?:he|she|they) (?:does not|do not|never) "
                        r"means? it|(?:just|only) (?:talk|talking|words|an expression|a saying))\b")


def habit_of_speech(t: str, start: int, end: int) -> bool:
    """The mention is a saying the patient always uses, called only a manner of talking, with no word of now."""
    lo, hi = sentence_of(t, start, end)
    return bool(_ALWAYS_SAYS.search(t, lo, start) and _ONLY_TALK.search(t, end, hi)) and not _THIS_TIME.search(t[lo:hi])


_BASELINE_ALONE_WORDS = 6


def _baseline_said_after(t: str, hi: int) -> int:
    """Where the sentence ends once a baseline said alone just after it is counted in: "his mouth is crooked. The
    same as always." (a pause a speech recogniser writes as a full stop, where a text message would put a comma).
    Not when anything after it in the turn says now ("... It has always been like that. But now his arm is weak")."""
    if hi >= len(t) or t[hi] != "." or _THIS_TIME.search(t, hi):
        return hi
    _, after = sentence_of(t, hi + 1, hi + 1)
    said = t[hi + 1:after]
    if len(re.findall(r"[a-z0-9]+", said)) > _BASELINE_ALONE_WORDS or not _BASELINE.search(said):
        return hi
    return after


def _semicolon_part(t: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The part of the sentence between semicolons that holds the mention: "his words get mixed up, that's his normal;
    today it's his cough" tells today's news apart."""
    before, after = t.rfind(";", lo, start), t.find(";", end, hi)
    return (before + 1 if before >= 0 else lo), (after if after >= 0 else hi)


# The caller says what they describe is not dangerous: "so I swell up a bit, but nothing life threatening". Asked, it
# stays ("it's not life threatening, is it?").
_HARMLESS = re.compile(r"\b(?:nothing|not|never)( \w+)? life threatening\b(?! (?:is|right|though))")


# A clinician's word after the sign that what it is is harmless, in the present ("she ate one of the berries, the nurse
# said they're harmless, and she's perfectly well today"): a verdict on the thing, not an old one on an episode ("... said
# it was nothing" is past_verdict's). Not when something after it says otherwise ("... but she's vomiting").
_CLEARED = re.compile(
    rf"{_CLINICIAN_SAID.pattern}(?: that)? (?:it|they|that|those|these|this|the \w+)(?: (?:is|are|s|re))? "
    r"(?:completely |totally |perfectly |quite |all )?"
    r"(?:harmless|safe|not (?:poisonous|toxic|dangerous|harmful)|non ?toxic|nothing to worry about)\b")
_CLEARED_BUT = re.compile(r"\b(?:but|still|worse|although|though|however)\b")


def cleared_by_a_clinician(t: str, start: int, end: int) -> bool:
    """Later in the sentence a clinician is said to have called it harmless, and nothing after that takes it back."""
    _, hi = sentence_of(t, start, end)
    m = _CLEARED.search(t, end, hi)
    return m is not None and not _CLEARED_BUT.search(t, m.end(), hi)


def said_harmless(t: str, start: int, end: int) -> bool:
    """The rest of the sentence calls the sign harmless, as a statement, with no word of now."""
    lo, hi = sentence_of(t, start, end)
    return bool(_HARMLESS.search(t, end, hi)) and t[hi:hi + 1] != "?" and not _THIS_TIME.search(t[lo:hi])


# "Chest pain? No.": the caller says the question back and answers it. Not for what a "no" would confirm as missing
# ("Is he breathing? No." is a patient not breathing).
# The answer may be relayed ("him seh nothing", "she said no") and may be "nothing" said alone or "nothing like that".
_ANSWER_NO = re.compile(r" ?(?:(?:he|she|him|her|they|dem|it|i) (?:seh|sey|se|said|says|say|tell me|told me|told us) )?"
                        r"(?:no|nope|nah|none|never|not really|not at all|not(?= ?[.,!]| ?$)|"
                        r"nothing(?: like (?:that|dat|this|dis|it))?(?= ?[.,!]| ?$))\b(?! (?:breath|air|pulse|response|one)\b)")
_CAN_BE_MISSING = _NEGATIVE_FINDINGS | {"breath", "talk", "talking", "speak", "speaking", "walk", "walking", "swallow",
                                        "cough", "coughing", "cry", "crying", "lift", "stand", "eat", "eating", "see",
                                        "feel", "pulse", "air"}


def answered_no(t: str, start: int, end: int) -> bool:
    """The mention is asked back as a question and the next words deny it ("any chest pain? no, none")."""
    lo, hi = sentence_of(t, start, end)
    if t[hi:hi + 1] != "?" or set(t[lo:hi].split()) & _CAN_BE_MISSING:
        return False
    return bool(_ANSWER_NO.match(t[hi + 1:]))


# What a treatment is for, or the event it began with: "tablets for her angina", "he takes something for his seizures",
# "the blue inhaler for when he gets breathless", "Keppra, it's for his fits", "aspirin since his heart attack", "put on
# epilim after his first seizure". The sign names what is treated, not what is happening. Not a dose given for it now
# ("I gave him aspirin for the chest pain", "he took his spray for it") or one asked for ("can I give her something for
# the chest pain"), nor with a word of now in the sentence ("tablets for his fits but he is fitting now").
_TREATMENT = (r"pills?|tablets?|tabs|meds|medicines?|medications?|drugs?|capsules?|injections?|jabs?|inhalers?|puffers?|"
              r"pumps?|sprays?|nebuli[sz]ers?|epi ?pens?|pens?|patch(?:es)?|aspirin|ecosprin|disprin|warfarin|apixaban|rivaroxaban|"
              r"clopidogrel|anticoagulants?|thinners|statins?|beta blockers?|water tablets?|gtn|nitro\w*|insulin|"
              r"epilim|keppra|lamotrigine|levetiracetam|valproate|carbamazepine|tegretol|phenytoin|diazepam|midazolam|"
              r"salbutamol|ventolin|steroids?|antihistamines?|piriton|cetirizine|adrenaline|naloxone|narcan|kit|"
              r"something|anything|stuff|bypass|stents?|pacemaker|operation|surgery|physio\w*|rehab|check ?ups?|clinic|"
              r"dawa|gamot|goli|dawai")
_FOR_IT = re.compile(rf"(?:~(?= for\b)|\b(?:{_TREATMENT})\b)(?: (?:\w+|,)){{0,8}}? (?:for|fi|ke liye|para sa|against|to (?:stop|control|prevent|treat))"
                     rf"(?: (?:when|whenever|if|in case) (?:(?:he|she|they|i|it|his|her|my|their|the) )?(?:\w+ )?)?"
                     rf"(?: (?:his|her|my|their|the|him|them|its|your|this|that))?(?: \w+)? ?$|"
                     r"\b(?:it|they|that|this|which|those|these) (?:is|are|s|were|was) (?:only |just |all )?for "
                     r"(?:(?:his|her|my|their|the|him|them) )?(?:\w+ )?$")
# A treatment said in the sentence before "after" or "following": the event it began with ("the heart pills the doctor
# gave after the heart attack"); "since" dates the start of whatever goes on since, treated or not ("she has been on
# clopidogrel since the stroke", "not been right since his stroke").
_STARTED_AFTER = re.compile(r"\b(?:after|following|from the time of|post) (?:his|her|my|their|the|that|this) (?:\w+ )?$")
_SINCE = re.compile(r"\b(?:ever )?since (?:his|her|my|their|the|that|this) (?:\w+ )?$")
_TREATMENT_SAID = re.compile(rf"\b(?:{_TREATMENT})\b|\b(?:on|put on|started on|prescribed|takes?|taking|gave him|gave her)\b")
# The sign's own start said after it: "since the heart attack started" is this one going on.
_STARTS_NOW = re.compile(r"^ ?(?:started|starts|began|begun|came on|come on|kicked in|hit|struck|happened|this|today|tonight|"
                         r"an hour|half an hour|\w+ minutes|earlier|just now|yesterday|last night)\b")
# A symptom a medicine is for is no standing reason unless it is kept for when it comes: "paracetamol for the pain in his
# chest" may be today's pain (a condition is: "tablets for her angina", "for his fits"; so is "for when she gets chest
# pain").
_SYMPTOM = re.compile(r"\b(?:pains?|aches?|aching|hurt\w*|tight\w*|pressure|heav\w*|crush\w*|bleed\w*|blood|swell\w*|swollen|"
                      r"breath\w*|wheez\w*|gasp\w*|chok\w*|confus\w*|slurr\w*|droop\w*)\b")
_KEPT_FOR = re.compile(r"\b(?:when|whenever|if|in case)\b")
# A dose given or taken for it now, or one asked for: the sign it is for is this call's.
_DOSE_NOW = re.compile(r"\b(?:i|we|you|he|she|they|someone|nurse|paramedics?|ambulance)(?: (?:have|has|had|just|already|s|ve))* "
                       r"(?:gave|given|took|taken|used|sprayed|chewed|swallowed|popped|put)\b(?! (?:him|her|them|me|us) on\b)|"
                       r"\b(?:gave|given|took|taken|used|sprayed|chewed|popped|put) (?:him|her|them|me|us)\b(?! on\b)|"
                       r"\b(?:need|needs|needed|want|wants|wanted|can (?:i|we|you)|should (?:i|we)|could (?:i|we)|what can)\b|"
                       r"\b(?:just|right now|at the moment|ago|not (?:helping|working)|no (?:help|good)|still)\b")


# A medicine's kind told by what it is for: "is the one for", "is the kind you use for", "is meant for", "is used for".
_KIND_FOR = re.compile(r"\b(?:(?:is|are|s|re|was|were) (?:the|a|an|one of the|only|just) (?:\w+ )?(?:one|ones|kind|type|sort|thing)s?"
                       r"(?: (?:you|they|we|people|doctors) (?:use|take|give|prescribe))?|(?:is|are|s|re) (?:meant|used|given|prescribed|"
                       r"supposed to be|only|just)|what (?:you|they|we|people|doctors) (?:use|take|give|prescribe))(?: \w+)? for "
                       r"(?:(?:his|her|my|their|the|your) )?$")
# A dose given or taken (not one asked about): the sign it was given for is this call's.
_DOSE_GIVEN = re.compile(r"\b(?:i|we|you|he|she|they|someone|nurse|paramedics?|ambulance)(?: (?:have|has|had|just|already|s|ve))* "
                         r"(?:gave|given|took|taken|used|sprayed|chewed|swallowed|popped|put)\b(?! (?:him|her|them|me|us) on\b)|"
                         r"\b(?:gave|given|took|taken|used|sprayed|chewed|popped|put) (?:him|her|them|me|us)\b(?! on\b)|"
                         r"\b(?:right now|at the moment|ago|not (?:helping|working)|no (?:help|good)|still)\b")


def treated_for(t: str, start: int, end: int) -> bool:
    """The mention is what a standing treatment is for, or the event it began with, and nothing says now."""
    lo, hi = sentence_of(t, start, end)
    lo, hi = _semicolon_part(t, lo, hi, start, end)
    said = t[lo:hi]
    if _THIS_TIME.search(said):
        return False
    if _KIND_FOR.search(t, lo, start) and not _DOSE_GIVEN.search(said) \
            and not _CLAUSE_BREAK.search(t, start, end):
        return True  # "the brown inhaler is the one for breathing difficulty, but he's well": what it is for, not a sign
    if _DOSE_NOW.search(said):
        return False
    if _CLAUSE_BREAK.search(t, start, end):
        return False  # "since the wasp sting, her tongue is big": only the cause is in the frame, not the sign
    before = t[lo:start]
    last_word = start + max(t[start:end].rfind(" ") + 1, 0)  # "drugs for him seizure": a rule's words hold the frame
    frame = _FOR_IT.search(before) or _FOR_IT.search(t[lo:last_word])
    if frame and (not _SYMPTOM.search(t, start, end) or _KEPT_FOR.search(frame.group())):
        return True
    if _STARTS_NOW.match(t[end:hi]):
        return False
    if _SINCE.search(before):
        return True
    return bool(_STARTED_AFTER.search(before)) and bool(_TREATMENT_SAID.search(before))


# A known condition's usual episode, or an allergy's usual reaction, told in the simple present beside what brings it on
# or how often: "he gets wheezy and can't breathe when he has an attack", "her throat swells if she eats nuts", "he puts
# one under his tongue when his chest hurts", "tight chested with the cold", "she has fits sometimes", "it makes his
# chest tight", "allergic to bee stings, his throat closes". Not in the progressive, perfect or past ("her lips are
# swelling", "his throat has closed up", "it swelled"), and not with a word of now or an event of today in the sentence
# ("when he has an attack, and he is having one now", "she ate a prawn and her lips swell up").
_WHEN = r"\b(?:when|whenever|every time|each time|if|any ?time|once)"
_PATIENT = r"(?:he|she|they|it|him|(?:his|her|my|their|the) \w+)"
# A known condition's episode brings it on: "when he has an attack", "when she gets chest pain", "when she fits", "when
# his chest hurts", "when the breathing catch him", "for when his fits go on too long".
# A frame runs to the clause's end, or to an "and" / "but" / "so" that starts a clause of its own, with its own subject:
# "her lips swell when she eats nuts and she just ate a peanut cookie" tells today's exposure after the habit, where
# "when he eats peanuts and cashews" is one frame.
_FRAME_TAIL = r"(?:(?! (?:and|but|so|then) (?:now |just |then )?(?:he|she|they|i|we|you|it|his|her|my|their|the)\b)[^,;.?!])*"
_EPISODE_FRAME = re.compile(
    rf"{_WHEN} {_PATIENT}(?: (?:ever|really|then))? (?:(?:has|have|gets?|goes into) (?:an? |one of (?:his|her|their) |(?:his|her|their|the) )?"
    r"(?:\w+ )?(?:attacks?|fits?|seizures?|episodes?|turns?|spells?|flare ?ups?|chest pains?|pains?|tight\w*|wheez\w*|breathless\w*|"
    r"hypos?|hypo\w*|short of breath|anaphylaxis|angina)|fits|seizes|(?:comes?|hurts?|starts?|catch(?:es)?|gets? tight|go(?:es)? on too long)\b)"
    rf"{_FRAME_TAIL}")
# What an allergy is to brings it on, with the allergy or what it is to named in the sentence: "her throat swells if she
# eats nuts", "if she touches it" (latex), "if him chop am" (groundnut). Not eating or drinking alone ("water comes out of
# one side of his mouth when he drinks" is a stroke's sign now).
_TRIGGER_FRAME = re.compile(
    rf"{_WHEN} (?:{_PATIENT}|i|you|we)(?: (?:ever|really|then|accidentally))? (?:eats?|has|have|gets? stung|is stung|touch(?:es)?|"
    rf"takes?|drinks?|smells?|chops?|chews?|uses?|reacts?|goes near|comes? (?:into contact|near))\b{_FRAME_TAIL}")
_ALLERGY_SAID = re.compile(
    r"\b(?:allerg\w*|anaphyla\w*|epi ?pens?|nuts?|peanuts?|groundnuts?|cashews?|almonds?|eggs?|shellfish|prawns?|shrimps?|"
    r"crab|lobster|seafood|fish|milk|dairy|wheat|gluten|sesame|soya?|kiwi|strawberr\w*|latex|penicillin|amoxicillin|"
    r"antibiotics?|aspirin|ibuprofen|codeine|sulfa|bees?|wasps?|stings?|hornets?)\b")
# How often, or what brings it on, said in the mention's own clause: "she has fits sometimes", "tight chested with the
# cold", "his throat swells with peanuts"; or the thing carried for it ("he carries it because his throat swells"). An
# allergy named beside a sign in the simple present is not enough in itself ("she's allergic to peanuts and her throat
# closes up, she can't swallow" may be now): only the medicines and allergies questions make that a habit (`standing`).
_HOW_OFTEN = re.compile(
    r"\b(?:sometimes|often|at times|from time to time|most days|most nights|on and off|"
    r"in (?:the )?(?:winter|summer|cold|spring|autumn|heat)|with (?:the )?(?:cold|cold weather|exercise|dust|pollen|smoke|stress|"
    r"nuts|peanuts|groundnuts|shellfish|prawns|eggs?|bees|wasps|stings|latex|penicillin|seafood|cats|dogs)|"
    r"with them(?= ?$| ?[,.;]))\b")
_HABIT = re.compile(r"\bcarr(?:y|ies) (?:it|one|an? \w+|(?:his|her|their|my) \w+) (?:because|for|in case)\b")
# The mention's own clause told as an event: an auxiliary of the perfect or past, or a verb's -ed (`_TOLD_AS_PAST`), or
# of the progressive (`_TOLD_AS_GOING_ON`), which a frame of what brings it on makes a habit too ("his lips are swelling
# whenever he eats nuts", as Indian and West African Englishes say it); "he is allergic to", "anaphylactic to" name one.
_NOT_VERBS = (r"thing|something|anything|nothing|everything|morning|evening|during|breathing|feeling|ceiling|king|ring|"
              r"spring|sting|wing|swing|bring|sing|string|wedding|pudding|itching|wheezing|chested|red|bed|shed|need|speed|"
              r"seed|feed|bleed|breed|ed")
_TOLD_AS_PAST = re.compile(rf"\b(?:was|were|been|had|did|went|gone|got|became|started|began|swollen)\b|"
                           rf"\b(?!(?:{_NOT_VERBS})\b)\w+ed\b")
_TOLD_AS_GOING_ON = re.compile(rf"\b(?:is|are|am)\b(?! (?:\w+ )?(?:anaphylactic|allergic) to\b)|\b(?!(?:{_NOT_VERBS})\b)\w+ing\b")
# An event of today, or a now, anywhere in the sentence: the simple present tells what is happening ("he chop groundnut,
# him mouth swell": Pidgin's bare verb is a past).
_TODAYS_EVENT = re.compile(
    r"\b(?:ate|eaten|drank|drunk|took|taken|swallowed|stung|bitten|touched|chopped|chop(?= \w+ (?:now|just))|used|"
    r"had (?:a|an|some|one|the|it|them)|just|ago|right now|earlier|yesterday|last night|this (?:morning|afternoon|evening)|"
    r"happening|please|help|quick|hurry|emergency|ambulance|gone|went|came on|started|starting|began|begun|"
    r"(?:is|are|am) having|(?:got|having|has) (?:one|it) now|(?:is|s|has) got (?:one|it)\b|"
    r"since (?:lunch\w*|breakfast|dinner|tea|supper|noon|midday|morning|\d+|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|an? hour|half|(?:he|she|they|i|we) (?:woke|got up)|waking|getting up))\b")


def said_as_a_habit(t: str, start: int, end: int, *, standing: bool = False) -> bool:
    """The mention is told in the simple present as what a known condition or an allergy does, beside what brings it on
    or how often (`standing`: the question asked what is always so, medicines or allergies, and is that frame itself)."""
    lo, hi = sentence_of(t, start, end)
    lo, hi = _semicolon_part(t, lo, hi, start, end)
    said = _NONE_TODAY.sub(" ", _NOW_AND_THEN.sub(" ", t[lo:hi]))
    if _THIS_TIME.search(said):
        return False
    allergy = bool(_ALLERGY_SAID.search(said))
    frames = [m.span() for m in _EPISODE_FRAME.finditer(t, lo, hi)]
    triggers = [m.span() for m in _TRIGGER_FRAME.finditer(t, lo, hi)] if allergy else []
    outside = "".join(" " if any(a <= i < b for a, b in frames + triggers) else ch for i, ch in enumerate(t[lo:hi], lo))
    if _TODAYS_EVENT.search(outside) or _DOSE_NOW.search(said):
        return False
    # At the allergies or medicines question, a reaction told as once before is the allergy's history ("bee stings,
    # she swelled up bad one time, she carries an EpiPen"), since no event of today was said.
    if standing and _ONCE_BEFORE.search(said):
        return True
    # The clause of the mention's last words ("allergy hai, uske lips swell": the sign's clause, not the allergy's)
    c_lo = max((m.end() for m in _CLAUSE_BREAK.finditer(t, lo, end - 1)), default=lo)
    c_hi = min((m.start() for m in _CLAUSE_BREAK.finditer(t, end, hi)), default=hi)
    in_frame = any(a <= c_lo and c_hi <= b for a, b in frames + triggers)
    clause = _BECOMES_SO.sub(" ", t[c_lo:c_hi])  # "he gets confused": an adjective in -ed, no past
    if not in_frame and (_TOLD_AS_PAST.search(clause) or (not triggers and _TOLD_AS_GOING_ON.search(clause))):
        return False
    # A frame counts beside the mention: in its clause, or the clause just before or after it.
    near_lo = max((m.end() for m in _CLAUSE_BREAK.finditer(t, lo, max(c_lo - 1, lo))), default=lo)
    near_hi = min((m.start() for m in _CLAUSE_BREAK.finditer(t, min(c_hi + 1, hi), hi)), default=hi)
    beside = any(a < near_hi and near_lo < b for a, b in frames + triggers)
    if beside or _HOW_OFTEN.search(t, c_lo, c_hi) or _HABIT.search(said):
        return True
    # At the medicines or allergies question, a reaction's verb of becoming in the simple present is the allergy or the
    # condition asked about ("nuts, my lips swell up", "she gets wheezy and can't breathe around cats", "it makes his
    # chest tight"); a sign stated as it is ("paracetamol, but his chest really hurts") is still now.
    return standing and bool(_BECOMING.search(t, near_lo, c_hi))


_ONCE_BEFORE = re.compile(r"\b(?:once|one time)\b")
_BECOMES_SO = re.compile(r"\b(?:gets?|goes|go|becomes?|feels?|looks?|seems?) \w+ed\b")
_BECOMING = re.compile(r"\b(?:swells?|swell up|closes?|close up|goes|go (?:fat|tight|puffy|red|blotchy|itchy|funny|into)|gets?|"
                       r"comes? (?:out|up)|makes?|brings? (?:on|out)|turns?|breaks? out|flares? up|puffs? up|blows? up|"
                       r"reacts?)\b")


# "but no sting today", "nothing today": today said only to deny it, no event of today
_NONE_TODAY = re.compile(r"\b(?:no|not|nothing|none)(?: \w+){0,2} (?:today|now)\b")
_NOW_AND_THEN = re.compile(r"\bnow and (?:then|again)\b|\bevery now and then\b")


# "Nearly", "almost", "about to" (Pidgin "wan") just before what happened says it did not happen: "an okada nearly hit
# me", "she almost fell off the roof", "danfo wan jam me" is a fright, no mechanism. Only when the next word is what
# happened: "at nearly 100", "almost three metres", "nearly to the top" measure what did.
_NEAR_MISS = re.compile(r"\b(?:nearly|almost|narrowly|all but|just about|about to|want to|wanted to|was going to) "
                        r"(?!(?:\d|a |an |the |to |at |as |on |in |one|two|three|four|five|six|seven|eight|nine|ten|"
                        r"twenty|thirty|fifty|hundred|half|all)\b)\w+")


def near_miss(t: str, start: int, end: int, words_before: int = 3) -> bool:
    """Whether what a mechanism's words tell was only nearly so ("the truck almost ran him over")."""
    before = t[:start].split()[-words_before:]
    lo = max(start - len(" ".join(before)) - 1, 0) if before else start
    return _NEAR_MISS.search(t[lo:end]) is not None


# Seen in hospital for it and home again: "last night he got dizzy from the charcoal smoke, we took him to the hospital,
# the blood test was normal, he's home and eating lunch". Both the visit and the all-clear are told after the sign, and
# nothing after them says it is back ("... but now he's drowsy again").
_SEEN_FOR_IT = re.compile(
    r"\b(?:took|taken|brought|rushed|drove|carried) (?:him|her|them|me|us) (?:\w+ )?to (?:the |a )?(?:hospital|a and e|a e|er|"
    r"emergency|casualty|clinic|doctor|doctors|gp|health cent(?:er|re))\b|\b(?:was|were|got|has been|have been|been) (?:seen|checked|"
    r"checked over|checked out|treated|observed|kept in)(?: \w+){0,2} (?:at|in|by) (?:the |a )?(?:hospital|a and e|er|emergency|doctor|"
    r"doctors|clinic|casualty)\b")
_ALL_CLEAR = re.compile(
    r"\b(?:he|she|they|i|we) (?:is|s|are|re|am|m|was|were) (?:back )?home(?: now)?\b(?! (?:alone|with (?:no|nobody)))|\b(?:tests?|bloods|"
    r"blood tests?|scan|x ray|results?|levels?|~)(?: \w+)? (?:was|were|came back|are|is|all) (?:all )?(?:normal|fine|clear|ok|okay|good)\b|"
    r"\bdischarged\b|\bsent (?:him|her|them|me|us) home\b")
_DATED_BACK = re.compile(r"\b(?:yesterday|last (?:night|week|weekend|month)|the other (?:day|night)|earlier(?! than)|"
                         r"this morning|(?<!since )(?:\w+ )(?:hours?|days?|weeks?) ago|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b")
_BACK_AGAIN = re.compile(r"\b(?:but|still|worse|again|although|though|however|since then|started)\b")


def seen_and_home(t: str, start: int, end: int) -> bool:
    """After the sign the turn tells a hospital visit for it and an all-clear, and nothing after says it came back."""
    seen = _SEEN_FOR_IT.search(t, end)
    if not seen:
        return False
    lo = sentence_of(t, start, end)[0]
    clause_lo = max((m.end() for m in _CLAUSE_BREAK.finditer(t, lo, start)), default=lo)
    if _PRESENT.search(t, clause_lo, end) or not _DATED_BACK.search(t, lo, seen.start()):
        return False  # "he's unconscious, we took him in last week and the tests were fine": the sign is now
    clear = _ALL_CLEAR.search(t, seen.end())
    return clear is not None and not _BACK_AGAIN.search(t, seen.end())


# Someone else's condition, named as theirs, and the call about another: "my neighbour's boy has fits, I saw one
# yesterday, I'm calling about my daughter's earache". The sign's clause has the other person for its subject, and the turn
# then says whom the call is about.
_OTHERS_CONDITION = re.compile(
    r"\b(?:my|our|the|a) (?:neighbou?r|neighbou?rs|friend|friends|colleague|colleagues|classmate|classmates|cousin|cousins|"
    r"coworker|co worker|flatmate|roommate)(?: s)?(?: \w+)?(?:(?: who)? (?:has|have|had|gets|get|used to have|suffers from|suffers))?$")
_CALLING_ABOUT = re.compile(r"\b(?:i am|i m|im|am|i) (?:calling|ringing|phoning|asking|here|texting|writing) "
                            r"(?:about|for|regarding|because of) (?:my|our|me|myself)\b(?! (?:neighbou?r|friend|colleague|cousin))")


def others_condition(t: str, start: int, end: int) -> bool:
    """The sign is another person's condition, and the turn says the call is about someone else, or asks what to do
    next time ("my neighbour's son has fits, I saw one yesterday, how do I help if it happens again")."""
    clause = _CLAUSE_BREAK.split(t[:start])[-1]
    return bool(_OTHERS_CONDITION.search(clause.strip())) and (
        bool(_CALLING_ABOUT.search(t, start)) or (bool(_NEXT_TIME.search(t, start)) and not _THIS_TIME.search(
            t, start, min((m.start() for m in _CLAUSE_BREAK.finditer(t, start + 1)), default=len(t)))))


# Words someone said, and what they meant, told after: "my brother said 'khalas, I'm finished, I'm done', he meant his
# thesis"; "she says she's dead on her feet, she means tired". Not when what was meant is a life ("he meant his life", "he meant it").
_SAID_BEFORE = re.compile(r"\b(?:said|says|saying|told (?:me|us)|texted|messaged|wrote|goes)\b")
_MEANT_A_THING = re.compile(r"\b(?:he|she|they) (?:meant|means|was talking about|was on about) (?:(?:his|her|their|the) "
                            r"(?!(?:life|lives|own|death|end|pills|tablets|gun|rope|family|body|self)\b)\w+|"
                            # or an everyday state the words stood for: "mum says she's been out cold, she means freezing"
                            r"(?:freezing|frozen|cold|chilly|tired|exhausted|worn out|knackered|shattered|bored|broke|skint|"
                            r"drunk|full|stuffed|busy|fed up)\b)")


def meant_a_thing(t: str, start: int, end: int) -> bool:
    """The sign is words someone was said to say, and the caller tells after them the thing they meant."""
    return bool(_SAID_BEFORE.search(t, 0, start)) and bool(_MEANT_A_THING.search(t, end)) \
        and not re.search(r"\b(?:but|still|worried|scared|afraid)\b", t[_MEANT_A_THING.search(t, end).end():])


# A story told of someone else: "my aunt tells the story of her cousin who drank poison", "he came home telling how a
# young man on the boat got his hand caught, blood pouring". The teller's own present after "and now" is theirs
# (scope_of); "she told me she took all her pills" names no one else and stays the patient's.
_STORY_OF_ANOTHER = re.compile(
    r"\b(?:tells?|telling|told|tell) (?:\w+ ){0,2}?(?:the |a |that |this |his |her |their |an old )?(?:story|stories|tale|tales) "
    r"(?:of|about) (?:how )?(?:\w+ ){0,2}?(?:cousin|uncle|aunt\w*|friend|neighbou?r|man|woman|boy|girl|guy|lady|person|people|"
    r"colleague|grand\w*|ancestors?|villagers?|soldiers?|someone|somebody)\b|"
    r"\b(?:telling|told|tells|talking about|talked about) (?:us |me |them |everyone )?(?:how|about) (?:a|an|some|one|this|that) "
    r"(?:\w+ ){0,2}(?:man|woman|boy|girl|guy|lady|person|fisherman|worker|colleague|friend|neighbou?r|passenger|driver|soldier)\b")


def told_as_a_story(t: str, start: int, end: int) -> bool:
    """The mention is in a story the caller says someone tells of another person, before it in its scope."""
    lo, _ = scope_of(t, start, end)
    return bool(_STORY_OF_ANOTHER.search(t, lo, start))


# What something is likened to: "red marks on the wall like somebody was bleeding there", "as if someone had bled". A
# thing that "looks like blood" is only likened when the sentence says what coloured it (dye, paint, juice): "her sick
# looks like blood" is blood told with a doubt, and a doubt takes the urgent side.
_AS_IF_SOMEONE = re.compile(r"\b(?:like|as if|as though) (?:somebody|someone|a person|people|an animal|a pig|a goat|a chicken) "
                            r"(?:was |were |had |had been |has been |is |got )?\s*$")
_LOOKS_LIKE = re.compile(r"\b(?:looks?|looked|looking|seems?|seemed) like (?:pure |real |fresh |a lot of |so much )?$")
_COLOURED_BY = re.compile(r"\b(?:dye\w*|paint\w*|juice|wine|ketchup|beetroot|colou?r\w* (?:ran|run)|food colou?ring|hibiscus|"
                          r"zobo|bissap|sorrel|kool ?aid|betel|paan|pan masala)\b")
_BLOOD_WORD = re.compile(r"\b(?:blood\w*|bleed\w*|bled)\b")


def only_a_likeness(t: str, start: int, end: int) -> bool:
    """The bleeding words of the mention are only what something is likened to."""
    words = list(_BLOOD_WORD.finditer(t, start, end))
    if not words:
        return False
    lo, hi = sentence_of(t, start, end)
    return all(_AS_IF_SOMEONE.search(t, max(lo, w.start() - 50), w.start())
               or (_LOOKS_LIKE.search(t, max(lo, w.start() - 30), w.start()) and _COLOURED_BY.search(t, lo, hi))
               for w in words)


# An animal slaughtered, skinned or sacrificed before the blood in its sentence: the blood is the animal's ("we
# slaughtered the goat for Eid and the blood poured into the drain"). Not when a person's part or a slip comes between
# ("we were slaughtering the goat and the knife slipped into his thigh, blood pouring"), nor before it ("cut her hand on
# the slicer at the butchery": a shop, not a slaughter).
_SLAUGHTERED = re.compile(rf"\b(?:slaughter\w*|butcher\w*|sacrific\w*|skinn\w*|zabah\w*|killed|killing|kill|slit|cut|cutting) "
                          rf"(?:the |a |an |our |two |three |some )?(?:\w+ )?(?:{_ANIMALS})s?\b")
_A_PERSON_HURT = re.compile(r"\b(?:slipped|slip|caught|his|her|my|their|himself|herself|myself|themselves|finger\w*|thumb|hand|"
                            r"arm|leg|thigh|wrist|foot|face|head|cut (?:him|her|me|them))\b")


def slaughtered_animals_blood(t: str, start: int, end: int) -> bool:
    """The bleeding words of the mention follow an animal slaughtered in their sentence, with no person hurt between."""
    if not _BLOOD_WORD.search(t, start, end):
        return False
    lo, _ = sentence_of(t, start, end)
    m = _SLAUGHTERED.search(t, lo, start)
    return bool(m) and not _A_PERSON_HURT.search(t, lo, m.start()) and not _A_PERSON_HURT.search(t, m.end(), end)


# Whose sign, and when, in the order they are asked: the first that applies is the reason.
_NOT_THIS_PATIENT_NOW = (
    ("other_person", other_past), ("other_person", acquaintance_past), ("explained", explained_silence),
    ("other_person", in_care_since), ("other_person", others_condition), ("other_person", far_away_since), ("other_person", another_at_the_scene), ("other_person", seen_earlier_unhurt),
    ("explained", asleep_on_the_move),
    ("mistaken", mistaken), ("false_alarm", false_alarm), ("not_a_person", not_a_person), ("historical", historical),
    ("explained", explained), ("past_verdict", past_verdict), ("treated", treated_for), ("treated", seen_and_home), ("habitual", habitual), ("habitual", said_as_a_habit), ("habitual", habit_of_speech), ("said_harmless", said_harmless),
    ("said_harmless", cleared_by_a_clinician), ("said_harmless", meant_a_thing),
    ("hypothetical", hypothetical), ("fiction", fictional), ("fiction", told_as_a_story),
    ("likeness", only_a_likeness), ("not_a_person", slaughtered_animals_blood),
)


# The caller asks what to do the next time: the episode told in the past is over ("had a fit at karaoke last night, my uncle
# asked me to find out what to do next time"). Only for a sign that ends when it is over, and only in a clause of its own
# told in the past (not "she is fitting now, what do I do next time").
_NEXT_TIME = re.compile(r"\b(?:what (?:to|should (?:i|we|he|she|they)|do (?:i|we|you)|can (?:i|we)) do|how (?:to|do (?:i|we|you)|can "
                        r"(?:i|we)) (?:help|handle|manage|deal with it|cope)|what (?:is|s) the (?:right )?(?:first aid|thing to do))"
                        r"(?: \w+){0,4} (?:next time|the next time|if (?:it|this|that) happens again|if (?:he|she|they) (?:has|have|gets?) "
                        r"(?:another|one again)|in (?:the )?future)\b")


def asked_for_next_time(t: str, start: int, end: int) -> bool:
    """The turn asks what to do next time, and the mention's own clause is not told in the present."""
    if not _NEXT_TIME.search(t):
        return False
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(t, 0, start)), default=0)
    hi = min((m.start() for m in _CLAUSE_BREAK.finditer(t, end)), default=len(t))
    return not _said_now(t[lo:hi]) and not _THIS_TIME.search(t, lo, hi)


def why_not_current(t: str, start: int, end: int, inner: list[tuple[int, int]] | None = None, *,
                    ends: str = "said", vehicles: bool = True, standing: bool = False) -> str | None:
    """The reason a mention is not this patient's sign now, or None when it is.

    `ends` says what ends a sign: "said" (it stopped, it is over), "well" (that, or the patient is well
    again), "never" (a stroke that passed, an overdose that feels fine: still an emergency, NHS 111). `vehicles=False`
    for a mechanism: the car in "a van hit them" is the crash, not a thing with a sign, and a crash told before "I'm
    calling about my neck" is no aside but how the neck was hurt. `standing`: the question asked
    what is always so (medicines, allergies), so a sign told in the simple present is the habit it asked about.
    """
    if negated(t, start, end, inner) or answered_no(t, start, end):
        return "negated"
    if ends != "never" and resolved(t, end, well_again_ends_it=ends == "well", said=t[start:end]):
        return "resolved"
    if ends != "never" and asked_for_next_time(t, start, end):
        return "resolved"
    for reason, applies in _NOT_THIS_PATIENT_NOW:
        if applies is not_a_person:
            if applies(t, start, end, vehicles):
                return reason
        elif applies(t, start, end, asides=vehicles) if applies is other_past else applies(t, start, end):
            return reason
    if standing and said_as_a_habit(t, start, end, standing=True):
        return "habitual"
    return None
