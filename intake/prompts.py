"""What the dialogue asks, keyed by stable prompt ids: each question's answer kind and the words that answer it.

The words said are in the message catalogues (intake/catalogue.py, intake/catalogues/<language>.toml),
under the same ids: `<id>.voice`, `.reask`, `.text`, `.text_reask`, `.keypad`, `.text_keypad`.

Prompt ids are a contract: voice sends the mark `prompt:<id>` after each prompt, the simulator and
the scenario files answer by id, stored turns are keyed by id. Re-asks and keypad offers keep the
id of the question they repeat.

| id             | asks / says                                                        | answer  |
|----------------|--------------------------------------------------------------------|---------|
| language       | keypad menu, each offer in its language (intake/language.py)      | choice  |
| disclaimer     | automated, not a doctor, not medical advice; the emergency number  | -       |
| who            | calling about yourself or someone else (1 me, 2 someone else)     | choice  |
| complaint      | what is happening, in a few words (red-flag screen)               | free    |
| danger_signs   | any of the emergency signs now? (NHS 111's first screen) yes -> emergency | yes/no |
| harm           | swallowed something harmful, or talked of ending their life? (asked on a cue) yes -> emergency | yes/no |
| age            | age in years (months for a baby); under 8 -> JumpSTART             | number  |
| walk           | can they get up and walk -> GREEN                                  | yes/no  |
| breathing      | breathing normally? (not asked when the caller is the patient)     | yes/no  |
| reposition     | tilt head back, lift chin: breathing now? yes RED, no BLACK / pulse| yes/no  |
| pulse          | pulse? (JumpSTART: apnoeic child, perfusion; START: wrist after the nail) | yes/no  |
| rescue_breaths | JumpSTART apnoeic child with a pulse: 5 rescue breaths, breathing? | yes/no  |
| resp_count     | "start counting now", 15 s pause, "stop": breaths counted (x4)     | number  |
| perfusion      | press a fingernail 2 s: colour back within 2 s? no -> RED (START: then the pulse) | yes/no  |
| commands       | can they squeeze your hand / follow an instruction? no -> RED      | yes/no  |
| avpu           | JumpSTART: awake / voice / pulls away from pinch / no response     | choice  |
| duration       | how long has this been going on                                    | free    |
| severity       | how bad, 1 to 10                                                   | number  |
| medications    | medicines being taken                                              | free    |
| allergies      | allergies to medicines                                             | free    |
| photo          | may we text a link to send a photo                                 | yes/no  |
| closing        | what happens next, when to call the emergency number, disclaimer  | -       |
| emergency      | red flag or RED: call <number> now + what to do now                | -       |
| cpr            | not breathing: call <number> now + CPR fitted to infant/child/adult| -       |
| no_answer      | no usable answer in the whole call: a health worker will call back | -       |

Wording adapts to who the patient is: "they/their/them" for someone else, "you/your" for the
caller themself ("count your own breaths", "press your own fingernail").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from intake.catalogue import SOURCE_LANGUAGE, Catalogue, catalogue
from intake.models import AnswerKind
from intake.understanding import YesNo, parse_yes_no

BREATH_COUNT_SECONDS = 15
FORMS = ("voice", "reask", "text", "text_reask", "keypad", "text_keypad")


@dataclass(frozen=True)
class Prompt:
    """One question: its answer kind, whether the keypad is offered, and the English words that answer it."""

    id: str
    kind: AnswerKind
    keypad: bool = False  # offered on the keypad after a re-ask
    keywords: tuple[str, ...] = ()  # words of the question whose plain statement answers yes/no
    yes_phrases: tuple[str, ...] = ()
    no_phrases: tuple[str, ...] = ()
    unsure_phrases: tuple[str, ...] = ()  # the question's own doubts (walk: another time than now): neither yes nor no
    consent: bool = False  # "okay" counts as yes
    # The caller's own firm finding ("I can feel it"): after nothing but a hedge ("yes, I think so, yes, I can feel it")
    # it settles the hedge; a hedge alone, or any other word before it, stays a doubt (understanding.parse_yes_no).
    confirmations: tuple[str, ...] = ()
    choices: tuple[str, ...] = field(default=())  # keypad digit n -> choices[n-1]

    def read_yes_no(self, text: str) -> YesNo | None:
        """yes / no / unsure from an answer to this question, read with every word of its own (keywords, phrases,
        doubts, consent, confirmations): the one place they are handed to understanding.parse_yes_no."""
        return parse_yes_no(text, keywords=self.keywords, yes_phrases=self.yes_phrases, no_phrases=self.no_phrases,
                            unsure_phrases=self.unsure_phrases, consent=self.consent,
                            confirmations=self.confirmations)

    def template(self, form: str, cat: Catalogue, who: str | None = None) -> str:
        """The raw words of `form` (see FORMS) in the catalogue's language; empty when there is no keypad step."""
        if form in ("keypad", "text_keypad"):
            if not self.keypad:
                return ""
            shared = self.kind == AnswerKind.YES_NO and not cat.has(f"{self.id}.{form}")
            return cat.template(f"yes_no.{form}" if shared else f"{self.id}.{form}", who)
        if form == "text_reask" and not catalogue(SOURCE_LANGUAGE).has(f"{self.id}.text_reask"):
            hint = f"reply_hint.{self.kind.value}"  # free and choice answers have none
            has_hint = catalogue(SOURCE_LANGUAGE).has(hint)
            return cat.template(f"{self.id}.reask", who) + (cat.template(hint, who) if has_hint else "")
        return cat.template(f"{self.id}.{form}", who)

    @property
    def voice(self) -> str:
        """The English voice question (placeholders unfilled): what the ASR is primed with."""
        return self.template("voice", catalogue(SOURCE_LANGUAGE))


_YN = AnswerKind.YES_NO
_BREATHING = (r"breath\w*", r"chest (is )?(moving|going up|rising)",
              # the signs of it in other words: "her chest rises and falls", "I can feel air coming from his nose"
              r"(chest|belly|tummy|stomach) (is )?(moves|moving|rises|rising|rose|goes up|going up|up and down)",
              r"(feel|felt|hear|heard|see|saw) (the |his |her |their |some )?air", r"air (coming|comes|came) (out|from)")
_PATIENT = r"(he|she|they|i|the (patient|baby|child|boy|girl|man|woman))"
# What the patient says or the caller believes they could do is not what they did: "he says he can walk, but he is
# still lying on the mat", "she reckons she's fine to stand". Unclear (re-asked, then the urgent branch) unless the
# answer goes on to say it was done ("... and he walked to the car").
_CLAIMED = (rf"(says|said|saying|reckons|reckoned|thinks|thought|claims|claimed|insists|insisted|tells me|told me|"
            rf"swears|feels|believes)( that)? {_PATIENT}( is| are| s| was| were| would| will| could| should)?( be)? "
            rf"(can|could|able|fine|ok|okay|alright|all right|good)\b")
# Walking shown now, said before or after a claim: the claim is then only the caller's aside ("he got up and walked to
# the shade, he says he's fine").
_WALK_SHOWN = (r"walked|(is|are|s) walking|walking (around|about|over|up|now|fine|normally)|(got|stood|gets|standing) "
               r"up and|up and (about|walking|moving)|(is|are|s) (up|standing|on (his|her|their) feet)( now)?\b(?! (to|the|a))")


def _claim_unless(shown: str) -> str:
    """A claim (_CLAIMED) in an answer that nowhere says the thing was done (`shown`): matched from the answer's start."""
    return rf"^(?!.*\b({shown})\b).*?\b{_CLAIMED}"


PROMPTS: dict[str, Prompt] = {p.id: p for p in (
    Prompt("who", AnswerKind.CHOICE, keypad=True, choices=("self", "other")),
    Prompt("who_confirm", _YN, keypad=True,
           yes_phrases=(r"(it is|that is|this is) me", r"i am the (one|patient|person)"),
           no_phrases=(r"not me", r"someone else", r"somebody else", r"another person")),
    Prompt("complaint", AnswerKind.FREE),
    # One question for the signs a caller's own words may hide. "I don't know" is asked once more, not offered on
    # the keypad: a caller who cannot tell goes on to START, which asks about breathing and responses itself.
    Prompt("danger_signs", _YN, yes_phrases=(r"(one|some|all|two|a few|both) of (those|these|them)", r"(that|this) one(?! (na|is|s|was|has|dey|been|since)\b)"),
           no_phrases=(r"none of (those|these|them|that)", r"nothing like that", r"not any of (those|these|them)",
                       r"neither")),
    Prompt("harm", _YN, no_phrases=(r"nothing like that", r"neither", r"(not|never) (talked|said|spoken)")),
    Prompt("age", AnswerKind.NUMBER, keypad=True),
    # "stood" and "got up" are words of the question too: "he hasn't got up yet" is no walk shown.
    Prompt("walk", _YN, keypad=True, keywords=(r"walk\w*", r"stand\w*", r"stood( up)?", r"(get|gets|got|getting) up",
                                              r"on (his|her|their|my) feet",
                                              # walking in other words: "limped off the pitch", "he dey waka", "ran off"
                                              r"limped|limping|limps|hobbl\w*|waka\w*",
                                              r"(ran|runs|running|run|jogg\w*|stroll\w*|stagger\w*|march\w*) "
                                              r"(around|about|off|over|away|up and down|to|in|out|back|home)",
                                              # steps taken are walking: "she took a few steps", "he can't take a single step"
                                              r"(take|takes|took|taking|make|made|manage|managed) (a |one |two |three |a few |"
                                              r"few |some |any |a single |a couple of |his first |her first )?steps?"),
           no_phrases=(r"too (young|small|little) to walk", r"(a )?baby",
                       # START's walking wounded walk unaided: walking only with a hand or a hold is not walking.
                       r"(only |just )?(with|needs?|needed|needing) (some |a little |a bit of |a lot of |my |our |your "
                       r"|his |her |their )?(help|support|assistance|a hand|holding( up)?)",
                       rf"(if|when|while|as long as|once) (i|we|you|someone|somebody|they) (hold|holds|held|help|helps|"
                       rf"support|supports|carry|carries|lift|lifts|prop|props)\b",
                       r"(hold|holds|holding|held|lean|leans|leaning|leaned|hanging) (on )?(on to|onto|on|against) "
                       r"(me|us|him|her|someone|somebody|the \w+|a \w+|my \w+|our \w+|something)",
                       # furniture pulled up on: "she stand up holding the chair", "he stood gripping the table" (a rail
                       # held on the stairs is how anyone walks them: "walked back up, holding the rail")
                       r"(hold|holds|holding|held|grip|grips|gripping|gripped|clutching|clinging to) (the|a|my|our|his|her|"
                       r"their) (chair|table|sofa|couch|bed|cot|bench|stool|furniture)s?\b",
                       r"(i|we) (have|had|has) to (hold|help|support|carry|prop)",
                       # carried is not walked: "yes, but we carried him to the car"
                       r"(i|we|they|someone|somebody|people) (carried|lifted|dragged|wheeled) (him|her|them|the (baby|child|boy|girl|kid|man|woman))",
                       # trapped where they sit or lie: not walking, whatever they think they could do
                       r"(stuck|trapped|pinned|wedged|jammed|caught) (in|under|inside|behind|between|beneath)",
                       # "... but now he doesn't move": not moving now is not walking now
                       r"not (move|moves|moving|moved|budg\w*|stir\w*)|motionless|not now",
                       # "she can't put any weight on her leg": she cannot stand on it, so she cannot walk
                       r"(can|could|will|would|does|did) not (put|take|bear|stand) (any |much |the |her |his |their )?weight",
                       r"(lying|lies|laying|lay) (there )?(still|motionless|limp)",
                       # Not up now: "no, she's still lying on the floor"; beside a claim or a yes it makes the answer
                       # unclear, as it did as a doubt, and a plain "no, still on the floor" is the no it says.
                       r"still (lying|laying|lies|sitting|sat|down|on the (floor|ground|mat|bed|road|grass))",
                       # up, and then down: "she stood up for a second then dropped", "he got up and collapsed"
                       r"(stood|got|gets|stands|standing|was up|got to (his|her|their) feet)( up)? (\w+ ){0,6}?"
                       r"(then|and then|but then|and|but|before) (\w+ ){0,2}(dropped|fell|collapsed|went down|sank|slumped|"
                       r"keeled over|crumpled|buckled)\b",
                       # what came of trying: "his leg gave way", "she fell back down", "he went down again"
                       r"(gave|give|gives|giving) (way|out)|buckl\w*|"
                       r"(leg|legs|knee|knees|ankle) (just |simply |completely )?(folded|folds|crumpled|crumples)|"
                       r"(fell|falls|falling|sank|sinks|slumped|slumps|dropped|drops|sat|sit|sits|collapsed) "
                       r"(straight |right )?(back( down)?|down again|over again)|fell again|collapsed|"
                       # "went back down" is the fall; "she went back to the stove", "he went back home" is a walk
                       r"(went|goes) (straight |right )?(back(?! (to|home|inside|outside|in|out|upstairs|downstairs|into|"
                       r"across|towards|over to)\b)( down)?|down again|over again)|"
                       # sinking to the ground is no walk ("she sank down onto the step"); "fell down", "went down" may
                       # tell the fall that brought the call, or a walk ("went down to the shop")
                       r"(sank|sinks|slumped|slumps|dropped|crumpled) (straight |right )?down"),
           # Walking in the past or as a habit says nothing of now: "she usually walks", "he was walking before".
           unsure_phrases=(r"(usually|normally|always|generally|often|used to) (\w+ )?(walk\w*|stand\w*|get up)",
                           r"(was|were) (walking|standing|up and about|on (his|her|their|my) feet)",
                           r"(walk\w*|stood|stand\w*|got up) (\w+ ){0,3}(before|earlier|this morning|yesterday|at first)",
                           _claim_unless(_WALK_SHOWN),
                           # Hedged: "maybe", "I think so", "should be able to": nobody has seen it.
                           r"i think so|i guess( so)?|i suppose( so)?|i believe so|probably|perhaps|maybe|"
                           r"(should|might|may|ought to) be (able|ok|okay|fine|alright)")),
    Prompt("breathing", _YN, keypad=True, keywords=_BREATHING),
    Prompt("reposition", _YN, keypad=True, keywords=_BREATHING),
    # Pidgin's "am" is the thing felt: "I fit feel am for her wrist" (negated, "I no fit feel am", the no).
    Prompt("pulse", _YN, keypad=True, keywords=(r"pulse", r"beat\w*", r"heartbeat", r"(feel|feels|felt|feeling) (it|am)",
                                               r"(find|found) (it|am)",
                                               r"(feel|felt|hear|heard) (his|her|their|the) heart",
                                               r"heart (is )?(pounding|racing|thumping|going)"),
           # A faint beat is a beat: "very weak, but it's there", "I can barely feel it", "yes, I feel something small
           # at the wrist" (a lone "I feel something" stays a doubt: it may be the caller's own fingers).
           yes_phrases=(r"(it is|it s|is|s) there",
                        r"(weak|faint|thready|light)\w*( ,)? but (it is |it s |i can )?(there|feel it)",
                        r"(barely|hardly|just about) (feel|felt|find|found) (it|one)",
                        r"(feel|felt|feeling|find|found) something (small|faint|weak|little|tiny|soft|light|slow|fast)"
                        r"( \w+)? (at|in|on) (the|his|her|their) (wrist|neck|arm)"),
           # Felt for and not found, said without the word "pulse": "I can't feel anything on his neck", "nothing at the
           # wrist", "cannot find leh", "I tried but I can't get it"; at the wrist only ("not at the wrist, only at his
           # neck"): START and JumpSTART ask for the wrist's.
           no_phrases=(r"(can not|could not|do not|did not|cannot|unable to|not able to) (feel|find|get|locate) "
                       r"(it|one|any|anything|a thing|nothing|a pulse|the pulse|his|her|their|the beat)?",
                       r"(feel|felt|find|found|get|got) nothing", r"nothing (at|on|in) (the|his|her|their|my) (wrist|arm)s?",
                       # where the caller felt, nothing: "I pressed her wrist like you said and there's nothing there"
                       r"there (is|s|was) nothing( there| at all)?(?! (wrong|else|much|bad))",
                       r"(not|no pulse|nothing) (at|on|in) (the|his|her|their|either|both|my) wrists?",
                       r"(tried|checked|felt) both (sides|wrists|hands|arms)( and| but)? (nothing|no)",
                       r"(wrists?|sides|arms|hands)( ,)? (but |still )?nothing(?! (wrong|else))",
                       r"(no|not any|not a) (pulse|beat|beating|heartbeat)( at all)?"),
           # A doubt is no finding (SAFETY.md: the urgent branch): "maybe", "I think so", "I think I feel something",
           # "it might be my own fingers", "only my own heartbeat", "I don't know where to feel".
           unsure_phrases=(r"i think so|i guess( so)?|i suppose( so)?|probably|perhaps|maybe|might be|could be|not sure|"
                           r"unsure|(feel|felt|feeling) something|"
                           r"(my own|mine) (fingers?|thumbs?)|only (my own|mine)|(my own|mine)( \w+)? only|"
                           r"(it|that) (is|s|was|might be|could be|may be) (just |only )?(my own|mine)|"
                           r"(do not|don t) know (how|where|if|whether)|hard to (tell|say|feel)|"
                           r"can not (tell|be sure)|(it )?comes and goes|on and off|i am not (sure|certain)|"
                           # the finding itself hedged: "I think I can feel it", "I guess I found it"
                           r"i (think|guess|suppose|believe) (i|we) (can |could |do |did |might |may )?(have |ve )?"
                           r"(feel|felt|find|found|got|have|get)",),
           # Felt for, doubted, then found: "yes, I think so, yes, I can feel it", "maybe... yes, it's there". Only a yes
           # and the finding after a hedge with nothing else before it; the finding read by itself must be a plain yes.
           confirmations=(r"(i|we) (can |do |definitely |really |clearly |now )*(have |ve )?(feel|felt|find|found|got|have|get) "
                          r"(it|one|the pulse|a pulse|the beat|a beat|(his|her|their|the baby s) (pulse|beat|heartbeat))",
                          r"(it is|it s) (definitely |really |clearly )?there", r"there it is")),
    Prompt("rescue_breaths", _YN, keypad=True, keywords=_BREATHING),
    Prompt("resp_count", AnswerKind.NUMBER, keypad=True),
    Prompt("perfusion", _YN, keypad=True,
           keywords=(r"(came|comes|come|coming|went|goes|go|going|pinked|sprang|springs|popped|pops) (right |straight )?back", r"pink\w*",
                     r"quick\w*", r"fast", r"return\w*", r"(is|was) back",
                     # the colour back said as the colour: "it went red again", "turned normal again", "back to normal"
                     r"(went|goes|go|turned|turns|came|comes|was|is|looked|looks) (\w+ )?(red|rosy|normal)( colou?r)? again",
                     r"back to (normal|its colou?r|the normal colou?r)"),
           yes_phrases=(r"turn\w* pink", r"straight away", r"right away", r"immediately", r"at once", r"instantly",
                        r"in no time", r"in a flash", r"(sharp|quick) (sharp|quick)",
                        # no time taken is the quick return: "it took no time to come back", "it didn't take long"
                        r"((took|takes|take|taking) no time|(did|does|do) not take (long|a while|any time|much time))"
                        r"( (for it )?to (come|go|turn|get) (back|pink))?"),
           no_phrases=(r"(stay|remain)\w* (white|pale)", r"still (white|pale)",
                       # "it came back, but slowly", "the colour came back slow": the return, slow, is the no
                       r"(came|comes|come|coming|went|goes|go|going) back( ,)?( (but|really|very|so|quite|a bit|a little|"
                       r"too|only|just|kind of|kinda))* slow\w*",
                       # the colour back, slow: "it went pink again but slowly" (before the bare "slow", which would
                       # leave the colour a yes)
                       r"(went|goes|go|turned|turns|got|gets) (back )?(pink|red|normal|rosy)( again)?( ,)?( (but|really|very|"
                       r"so|quite|a bit|a little|too|only|just|kind of|kinda))* slow\w*",
                       r"slow\w*( to (come|go|turn|get|pink)( (back|pink|up))?)?",
                       # "it took a long time to come back": the time it took, with the return it took it for
                       r"((took|takes|taking) (so |too |really |very |quite )?(long|a while|time|ages|forever|a long time|"
                       r"some time)|taking ages)( (for it )?to (come|go|turn|get) (back|pink))?",
                       r"more than (2|two) seconds",
                       # back late: "pink again after ages", "it came back eventually", "only after a long while"
                       r"(\w+ ){0,4}(eventually|in the end|after (ages|a (long |good )?while|a long time|some time|forever))")),
    Prompt("commands", _YN, keypad=True,
           keywords=(r"squeez\w*", r"follow\w*", r"respond\w*",
                     # the hand held on request in other words: "she gripped my fingers", "he pressed my hand"
                     r"(grip\w*|grasp\w*|grab\w*|clutch\w*|clasp\w*|press\w*|held|hold\w*) (onto |on to )?(my|your|his|her|their|the|both) "
                     r"(\w+ )?(hand|hands|finger|fingers|thumb)",
                     r"(stuck|sticks|stick|put|puts) (out )?(his|her|their) tongue( out)?",
                     # the request told, then done: "when I asked her to open her eyes, she did"
                     r"(?<=[a-z] )(he|she|they) (did|does|did it|does it|will|would)(?= ,| \.|$)", r"open\w* (his|her|their) eyes", r"opened (them|his eyes|her eyes)", r"did it",
                     # "she opened and closed her eyes like I asked", "he shut and opened his eyes"
                     r"(open\w*|clos\w*|shut\w*) and (open\w*|clos\w*|shut\w*) (his|her|their|the) eyes",
                     # "she did everything": negated ("she won't do everything") it is the no
                     r"(do|does|did|doing) (everything|it all|all of it)",
                     # "she does whatever I say"; negated ("she won't do what I tell her") it is the no
                     r"(do|does|did|doing|follows|following|followed) (everything|anything|all|whatever|what) "
                     r"(i|we) (say|said|ask|asked|tell|told)",
                     r"does it", r"can do it", r"understand\w*",
                     # Other simple things asked and done: "he blinked twice", "she stuck out her tongue", "he lifted his arm".
                     r"blink\w*", r"wiggl\w*", r"nod(s|ded|ding)?(?! off)", r"thumbs? up",
                     r"(lift\w*|rais\w*|mov\w*|show\w*|stuck out|sticks? out|sticking out|held up|holds? up|holding up) "
                     r"(me )?(his|her|their|my|the) (arm|arms|hand|hands|leg|legs|foot|feet|head|fingers?|thumbs?|toes|tongue)",
                     r"(showed|shows|show) (it|me)"),
           # The caller often tells the test before its result: "I told him squeeze my hand, he only looks at me,
           # nothing". The result decides; a look, a stare or "nothing" is no squeeze.
           no_phrases=(r"nothing", r"no (response|reaction|answer|squeeze|grip|movement)",
                       r"(only|just) (look|looks|looked|looking|stare|stares|stared|staring|blink|blinks|blinked)",
                       r"(look|looks|looked|stare|stares|stared|staring) (at me|blank\w*|through me)",
                       r"(he|she|they) (did|does|do|would|will|could|can) not( do it| do anything| do that)?(?= ,| \.|$)",
                       # What the patient does instead of obeying: "he just moans", "she doesn't do what I say".
                       r"(just|only) (moan|groan|mumbl|grunt)\w*",
                       # Who cannot be woken cannot obey: "he can't wake up", Swahili "hawezi kuamka" glossed the same.
                       r"(can|could|will|would|does|did) not (wake|be woken|come round)( up)?|not waking( up)?",
                       r"(does|did|do|will|would) not (do what|listen|obey)\w*",
                       # Said and not done: "he says he can, but he hasn't squeezed", "her hand didn't move".
                       r"(has|have|had) not (done|squeezed|moved|opened|followed|gripped)( it| that| anything| them)?",
                       r"(hand|hands|fingers?|eyes|arm) (did|does|do|has|have|would|will) not (move|open|squeeze|grip)\w*"),
           unsure_phrases=(_claim_unless(r"squeezed|opened|did it|followed|gripped|does it"),)),
    Prompt("avpu", AnswerKind.CHOICE, keypad=True, choices=("alert", "voice", "pain", "unresponsive")),
    Prompt("duration", AnswerKind.FREE),
    Prompt("severity", AnswerKind.NUMBER, keypad=True),
    Prompt("medications", AnswerKind.FREE),
    Prompt("allergies", AnswerKind.FREE),
    Prompt("photo", _YN, keypad=True, keywords=(r"send", r"text me"), consent=True),
)}


def question_text(prompt_id: str, who: str | None, language: str = SOURCE_LANGUAGE) -> str | None:
    """How the voice asks `prompt_id`, worded for the patient or a bystander (for transcripts); None if unknown."""
    prompt = PROMPTS.get(prompt_id)
    if prompt is None:
        return None
    cat = catalogue(language)
    said = prompt.template("voice", cat, who)
    try:
        return said.format(**cat.words(who))
    except (KeyError, IndexError):  # a placeholder only the dialogue fills (a number): the question as written
        return said
