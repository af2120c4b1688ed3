"""The START / JumpSTART phone-proxy dialogue: one caller turn in, what to say next out.

A pure, synchronous state machine: no telephony, no clock, no storage. The voice layer feeds it ASR
text, keypad digits and silences; the text channel feeds it SMS bodies and keeps `to_state()` between
messages. Clinical rules follow intake/SAFETY.md:

START (8 and over): walks -> GREEN; not breathing -> reposition -> breathing RED, else BLACK;
rate (count x 4) > 30 -> RED; fingernail colour back in over 2 s -> RED; no pulse at the wrist (asked
once the colour came back) -> RED; cannot follow commands -> RED, else YELLOW.
JumpSTART (under 8): walks -> GREEN; not breathing -> reposition -> breathing RED, else pulse? no
-> BLACK, yes -> 5 rescue breaths -> breathing RED, else BLACK; rate < 15 or > 45 -> RED; no pulse
-> RED; AVPU unresponsive or posturing -> RED, else YELLOW.

An unclear or missing answer is re-asked once in other words, then offered on the keypad, then
taken the more urgent way and recorded in `result.assumed` (the confirmation of a bare "me" is the re-ask of
"who": an unclear reply to it gets the keypad offer). A red flag in any caller turn ends the
dialogue at once with the emergency number, and the case records RED whenever it was heard: a summary never
says GREEN or YELLOW on an emergency. `result.decided_by` says why; a milder category START had already found
stays on the record as `answers["start_before_red_flag"]`, for the health worker to see both. One exception to "ends":
a flag in someone who may not be breathing (cannot be woken, not breathing told in a later answer, or still and silent)
while nobody has said whether they breathe gives the number at once and then asks START's or JumpSTART's breathing
steps, which pick CPR or the recovery position and record BLACK or RED (`_begin_check`); the flags and the emergency
stay. "Not breathing" told in the caller's first description (opening, complaint) is CPR at once, as before.

After the complaint, unless a red flag was already heard, one yes/no question lists the emergency signs (NHS 111
online's first "call 999" screen, as one question): a caller's own words for a sign can slip past every rule, a yes
cannot. A yes is an emergency at once (`danger_sign_reported` when the answer names no sign the rules know); a no
goes on to START; a half-yes ("maybe", "a bit") is asked once more and a second one taken as the yes; "I don't
know" is asked once more, then START goes on (it asks about breathing and responses itself)
and the answer is recorded as not answered. When the words so far touch on something swallowed or on despair, a second
yes/no asks about poisoning and self-harm, the two flags the list leaves out, and is answered the same way; left
unanswered, nothing else asks about them, so a case START found GREEN is urgent, not routine.

A caller speaking for themselves is breathing and following commands: those steps are skipped and
recorded as inferred (`result.answers["inferred"]`), never as assumed. That needs clear evidence
("myself", "it's me", "I have a fever", keypad 1): a bare "me" or "mine" is confirmed with a yes/no
question, and an unclear confirmation is taken as "someone else" (it asks more). A complaint that
names someone else ("my son fell in the water") overrules an earlier "self".

Breathing: apnoea in any words ("no breath at all", "his chest isn't moving") is a no; gasps, snoring
or "not breathing normally" are agonal breathing, treated as not breathing (reposition, then CPR),
never as breathing difficulty. BLACK needs the caller to have said, after repositioning (and for a
child, at the pulse or rescue breaths), that the patient is not breathing: an assumed or agonal
answer there records RED instead, with CPR guidance. CPR is fitted to the age group: infant (under
1), child (1 to 11), adult; before the age is asked, words such as "baby" or "toddler" decide.

Numbers as said (intake/quantities.py) are intervals; the dialogue takes the urgent end: a breath
rate that may lie past a threshold ("seven or eight" in 15 s = 28-32, START > 30) is RED and
`resp_count` is recorded as assumed; a hedged rate exactly on a threshold ("about 30 a minute") counts
as straddling it (the rate +-1 per minute); an age range takes its younger end ("seven or eight" -> 7,
"eight or nine" -> 8), "almost 8" or "she'll be 8 next month" is 7, and a hedged age next to a
threshold ("about 8") takes the younger side and records `age` as assumed. An age that stays unknown
is assumed: JumpSTART when child words were said in the call, else START.

Silence is not death: a call in which the caller gave no usable answer to two questions in a row
from the start (who, then what is happening) ends as "no answer" (`result.outcome`), urgent, with no
START category and a health worker asked to call back. `line_closed()` marks the same when the line
goes before the dialogue ends. A transcriber's noise mark ("[inaudible]", "(unintelligible)", "<noise>") is no
words of the caller's: alone it is no answer; between words it is doubt, asked again.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from intake import prompts as P
from intake.answer_words import in_english, spoken_in
from intake.catalogue import LANGUAGE_DIGITS, SOURCE_LANGUAGE, catalogue, emergency_note, language_or_default
from intake.codeswitch import to_english
from intake.language import detect_language, language_of_digit, menu_languages, named_language
from intake.emergency import emergency_number
from intake.extract import find_symptoms, summarize
from intake.models import NO_ANSWER, AnswerKind, Category, Channel, Pause, Reply, Speech, TriageResult, Urgency
from intake.quantities import BreathCount, Quantity, parse_age_quantity, parse_breath_count, parse_refill_seconds
from intake.red_flags import by_first_aid, find_mechanisms, find_red_flags, flag_by_id, harm_cue_said, without_crash_deaths
from intake.turn_taking import ShortAnswer, short_answer
from intake.understanding import (
    age_band,
    age_group,
    agonal,
    asr_loop,
    breathing_said,
    choice_digits,
    names_an_adult,
    names_someone_else,
    normalize,
    not_waking_said,
    parse_avpu,
    parse_breathing,
    parse_duration,
    parse_severity,
    parse_who,
    parse_yes_no,
    pregnancy_said,
    says_complaint,
    self_corrected,
    sign_said_again,
    still_said,
    taken_back,
    unresponsive_said,
    without_another_death,
    without_line_checks,
    without_noise_tags,
    without_pace,
    words,
)
from intake.yes_no_words import yes_no_in_english

logger = logging.getLogger(__name__)

STATE_VERSION = 1
MAX_TURNS = 60  # far above the longest path (19 prompts x 3 tries); a guard, not a rule
JUMPSTART_MAX_AGE_YEARS = 8
CHILD_SIGNS_MAX_AGE_YEARS = 12
INFANT_CPR_BELOW_YEARS, CHILD_CPR_BELOW_YEARS = 1, 12  # infant under 1; child to puberty, taken as 12
AGE_THRESHOLDS_YEARS = (INFANT_CPR_BELOW_YEARS, JUMPSTART_MAX_AGE_YEARS, CHILD_SIGNS_MAX_AGE_YEARS)
START_RR_RED_ABOVE = 30
JUMPSTART_RR_RED_BELOW, JUMPSTART_RR_RED_ABOVE = 15, 45
HEDGED_RATE_MARGIN = 1  # "about 30 a minute" may be 31: a hedged rate spans +-1 per minute
REFILL_RED_ABOVE_SECONDS = 2  # colour back in over 2 s -> RED
HEDGED_REFILL_MARGIN_SECONDS = 0.5  # "about two seconds" may be more than two; "about one second" is not
# The flag a plain yes to the danger-sign question records: one of the signs asked about, the caller did not say which.
DANGER_SIGN_SAID = "danger_sign_reported"
NOT_ANSWERED = "not answered"  # a screen's answer after "I don't know" twice
NO_ANSWER_QUESTIONS = 2  # questions in a row with no usable answer, from the start, that end the call as no answer

# Step -> prompt id, where they differ: the JumpSTART pulse is asked at two places.
# START's perfusion step asks the radial pulse after the fingernail test (SAFETY.md: "radial pulse absent or capillary
# refill > 2 seconds -> RED"): a refill back in time does not show a pulse at the wrist.
_PROMPT_OF = {"apnoea_pulse": "pulse", "jump_pulse": "pulse", "radial_pulse": "pulse"}
# Answers taken when a step stays unclear: the more urgent branch (None: move on, nothing assumed). At an apnoeic
# child's pulse that is a pulse: JumpSTART gives rescue breaths for a pulse and none for its absence, and the category
# then follows from the breathing told after them (SAFETY.md: breathing -> RED, else BLACK, either pulse).
_URGENT_DEFAULT = {
    "who": "other", "who_confirm": "no", "age": "unknown", "walk": "no", "breathing": "no", "reposition": "no",
    "apnoea_pulse": "yes", "rescue_breaths": "no", "resp_count": "unknown", "perfusion": "no",
    "jump_pulse": "no", "radial_pulse": "no", "commands": "no", "avpu": "unresponsive",
}
# A structured answer to these steps is not a red flag ("no, he is not breathing" at `breathing`).
_SUPPRESSED = {
    "breathing": {"not_breathing"}, "reposition": {"not_breathing"}, "rescue_breaths": {"not_breathing"},
    "apnoea_pulse": {"not_breathing"}, "jump_pulse": {"not_breathing"}, "radial_pulse": {"not_breathing"},
    "resp_count": set(),
    "commands": {"unconscious"}, "avpu": {"unconscious"},
    # The nail's colour "no come back" (Pidgin) is the refill's no, not a patient who has not come round; said outright
    # ("she has passed out") the flag stands (not_waking_said, below).
    "perfusion": {"unconscious"},
}
_ASSUMED_AS = {"who_confirm": "who"}  # the answer an unclear step leaves assumed
# The confirmation of a bare "me" is itself "who" asked again in other words: an unclear reply goes on to the
# keypad offer, not to a re-ask of the re-ask (three confirmations had kept a caller from the complaint, the
# red-flag screen, for 47 s through audio).
_ALREADY_ASKED_AGAIN = {"who_confirm"}
_BREATHING_STEPS = ("breathing", "reposition", "rescue_breaths")
# START's and JumpSTART's questions: short answers a caller may give in their other language.
_START_STEPS = ("walk", *_BREATHING_STEPS, *_PROMPT_OF, "resp_count", "perfusion", "commands", "avpu")
# START's answers, and the age and who before them, are read once more in the caller's other languages when English
# finds no answer in them (`Dialogue._interpret`).
_READ_IN_OTHER_LANGUAGES = ("who", "who_confirm", "age", *_START_STEPS)
_RATE_STEPS = ("breathing", "resp_count")  # START's breathing question and its count: the rate is theirs to tell
# The yes/no screens after the complaint: the danger signs, then (on a cue) poisoning and self-harm.
_SCREENS = ("danger_signs", "harm")
# A half-yes to a screen; a plain "I don't know" is not one.
_LEANS_YES = re.compile(r"\b(maybe|probably|possibly|perhaps|i guess( so)?|i suppose( so)?|kind of|kinda|sort of|a (bit|little)|"
                        r"(might|could) be|a little bit|somewhat)\b")
# The signs the screens name, in their stems: a lean is a half-yes only where it qualifies one of them. "None of those,
# she's only crying a little" leans on the crying, not on a sign; "none of those... maybe a bit breathless" still leans.
_SCREEN_SIGN = re.compile(r"\b(chest|pain\w*|press\w*|tight\w*|breath\w*|gasp\w*|bleed\w*|blood\w*|fit|fits|fitting|"
                          r"seiz\w*|shak\w*|jerk\w*|droop\w*|crooked|face|speech|speak\w*|slur\w*|swell\w*|swollen|lips?|"
                          r"throat|tongue|wake|woken|waking|awake|floppy|limp|drows\w*|sleepy|drink\w*|feed\w*|suck\w*|"
                          r"vomit\w*|grunt\w*|belly|stomach|tummy|blue|grey|gray|pale|confus\w*|weak\w*|numb\w*|swallow\w*|"
                          r"tablets?|pills?|poison\w*|die|dying|kill\w*|harm\w*|hurt\w*)\b")
# Words that tell a sign as the patient's old state, read by both the lean and the baseline-only answer below.
_LONGSTANDING = (r"as (always|usual)|like always|always (been|like that|is|was)|since (birth|(she|he|they) (was|were) born)|"
                 r"for (\w+ )?years|born (like|with) (that|it|this)|nothing new")
# A sign told as the patient's old baseline, in the lean's own clause: "a little crooked since her stroke four years ago".
_BASELINE = re.compile(rf"\b(same as (always|ever|before|usual)|{_LONGSTANDING}|"
                       rf"since ((his|her|their) (old )?stroke|(\w+ ){{1,3}}ago|(19|20)\d\d))\b")
_CLAUSE = re.compile(r"[^,.;?!]+")
# An answer to a screen that only tells a sign as the patient's unchanged baseline, with no yes or no of its own ("her
# mouth is a little crooked but that's from her stroke three years ago, it's the same as always, she's talking normally")
# is a no: the rules have already read it for anything new. Never when something in it is new, worse or sudden. Narrower
# than _BASELINE on dates (a stroke "four years ago" says when, not that nothing changed), wider on "not worse".
_UNCHANGED = re.compile(rf"\b(same as (always|ever|before|usual|every day)|{_LONGSTANDING}|"
                        r"(no|not) (different|worse|changed?)|(has|have|had)( not|n t) changed)\b")
_NEWLY = re.compile(r"\b(now|today|tonight|this (morning|afternoon|evening)|worse|worsening|new|newly|sudden\w*|started|starting|"
                    r"began|begun|just|again|more than|but (he|she|they) (can|could|is|are|was|were)( not|n t))\b")
# An apnoea or agonal answer at a breathing step goes on to reposition and CPR: none of these flags ends it.
_SUPPRESSED_WHEN_NOT_BREATHING = {"not_breathing", "breathing_difficulty", "unconscious"}
# Stiffening or arching in answer to a pinch or a call, told at the response question; jerking, shaking or a fit is not it.
_POSTURING = re.compile(r"\b(?:(?:go|goes|went|gone|going|gets|got|turn|turns|turned|is|are|was|s|just) (?:all |real |very )?"
                        r"(?:stiff|rigid|tight|straight)|stiff\w*|rigid|arch\w* (?:his|her|their|him|the) back|posturing)\b")
_CONVULSING = re.compile(r"\b(?:jerk\w*|shak\w*|twitch\w*|fit|fits|fitting|seiz\w*|convuls\w*|trembl\w*|spasm\w*|"
                         r"eyes? (?:rolled|rolling|roll)|foam\w*)\b")
# A finger, a hand or an eyelid that twitched, told at the response question, is the movement the question asks about
# (did they obey, or only move?), not a fit: "her fingers moved, or maybe they just twitched". A twitch that goes on
# ("keeps twitching") or anything else convulsive said with it stays a fit.
_SMALL_PART_TWITCH = re.compile(r"\b(?:finger|fingers|thumb|thumbs|hand|hands|toe|toes|eyelid|eyelids|eyebrow|eyebrows)\b")
_TWITCH = re.compile(r"\btwitch\w*")
_GOES_ON = re.compile(r"\b(?:keeps?|kept|keep on|still|nonstop|non stop|again and again|all the time|not stop\w*|"
                      r"(?:will|would|can|does|did) not stop|won t stop|over and over|for (?:\w+ )?minutes)\b")
_INTAKE_STEPS = ("duration", "severity", "medications", "allergies", "photo")
# Words that say an infant or a small child by what only one does: "she won't latch", "his nappies are dry".
_INFANT_SAID = re.compile(r"\b(?:breast ?feed\w*|breast ?fed|latch\w*|nappy|nappies|diapers?|formula|bottle ?fe[de]\w*|"
                          r"teething|fontanel\w*|soft spot|cot|crib|pram|(?:days?|weeks?|months?) old|bebe|bambin[oa]|bimb[oa])\b")


def _says_a_child(text: str) -> bool:
    """The words call the patient a child: "my baby", "a toddler", "the little one", a breastfeed or nappies."""
    return age_group(text) == "child" or bool(_INFANT_SAID.search(normalize(text)))
# Signs a stain or a colour can fake (blood that was wine, blue lips that were an ice lolly): the only ones a caller's
# own correction at the complaint takes back (understanding.taken_back).
_LOOK_ALIKE_SIGNS = frozenset({"heavy_bleeding", "serious_injury", "breathing_difficulty", "choking"})
# The nail's colour not seen: too dark, a stained or painted nail ("I can't really see the colour", "can't tell any colour").
_COLOUR_UNSEEN = re.compile(r"\b(can not|could not|cannot|can t|unable to|not able to) (really |properly |clearly |even )?"
                            r"(see|tell|make out) (the |any |its |her |his |their )?(colou?r|pink|white|nail)|"
                            r"\btoo dark (to|here|for)\b")
_STANDING_STEPS = ("medications", "allergies")  # questions about what is always so, not what is happening
_FILLERS = {"um", "uh", "er", "erm", "ah", "hmm", "mm", "hello", "hi", "so", "well", "and", "the", "a", "oh", "what",
            "o", "po", "ji", "eh"}  # the Pidgin, Tagalog and Hindi particles ("network bad o", "hello po"): no answer alone
_NONE = re.compile(r"^(none|no|nothing|nope|nil|not any|no medicines?|no medication|no allergies|no drugs|n a)\b")


def _a_small_twitch_only(t: str) -> bool:
    """A twitch of a small part, told once and nothing else convulsive with it (`_SMALL_PART_TWITCH`)."""
    return bool(_SMALL_PART_TWITCH.search(t)) and not _GOES_ON.search(t) \
        and all(_TWITCH.fullmatch(m.group()) for m in _CONVULSING.finditer(t)) and bool(_TWITCH.search(t))


class Dialogue:
    """One triage conversation, the same over voice and text."""

    def __init__(self, *, channel: Channel = "voice", region: str | None = None, language: str | None = None,
                 choose_language: bool = False) -> None:
        """`language`: the one to speak (English when None); `choose_language`: let the caller choose (see `start`)."""
        self.channel: Channel = channel
        self.region = region
        self._result = TriageResult(language=language_or_default(language))
        self._choose_language = choose_language
        self._menu: tuple[str, ...] = ()  # the languages the open language menu offers
        self._resume: str | None = None  # the step a mid-call language menu returns to; None: the opening
        self._step: str | None = None
        self._attempts = 0
        self._turns = 0
        self._ending: str | None = None  # prompt id of the final words once finished
        self._transcript: list[tuple[str, str]] = []  # (prompt id, what the caller said)
        self._answered = 0  # caller turns the dialogue could use: none at all is a "no answer" call
        self._unanswered = 0  # questions closed without an answer while nothing usable was heard
        self._cpr_lead: str | None = None  # "agonal"/"unsure", set with a RED from the apnoea path: why CPR is said
        # The breathing check after an emergency number (see `_breathing_check_due`): None when not in one, else the
        # protocol whose breathing steps it asks ("START" or "JumpSTART"), kept apart from `result.protocol`, which
        # says START ran (a flag at the complaint leaves it None unless the check itself records a BLACK).
        self._check: str | None = None
        # Child danger signs heard before the age, of a patient named only as someone's ("my son", "she"): held until
        # the age says a child (then the flags) or not (dropped), and the step the age question was put before.
        self._held_child: list[str] = []
        self._held_resume: str | None = None
        self._before_answer: dict | None = None  # the state before the last `answer`, for `take_back`

    # --- public API ----------------------------------------------------

    def start(self) -> Reply:
        """Disclaimer (not a doctor, not medical advice) and the first question.

        A voice caller who may choose the language and whose country has one besides English hears a keypad
        menu first ("for Hindi press 2"); the disclaimer follows in the language chosen.
        """
        offered = menu_languages(self.region)
        if self._choose_language and self.channel == "voice" and len(offered) > 1:
            return self._language_menu(offered)
        return self._begin()

    def _begin(self) -> Reply:
        self._step, self._attempts = "who", 0
        # Every caller must hear that this is not a doctor: speech over it is not a barge-in, but it is heard
        # ("he's not breathing!" over the disclaimer gets the emergency reply as soon as the disclaimer ends).
        first = Speech("disclaimer", self._say(f"disclaimer.{self._form}", number=self._number.number),
                       interruptible=False, talk_over_answers=True)
        return self._reply((first, *self._ask("who")))

    def answer(self, text: str) -> Reply:
        """One caller turn as text (ASR output or an SMS body)."""
        text = without_noise_tags(text)  # "[inaudible]", "(unintelligible)": no words of the caller's, no answer
        if self._step is None and not self.finished:
            return self._opening(text or "")
        if self.finished:
            return self._ended()
        self._before_answer = self.to_state()
        named = named_language(text or "") if self._choose_language else None
        if self._step == "language":
            return self._language_chosen(named) if named else self._spoken_at_menu(text or "")
        if named and named != self.language:  # "Hindi please" at any question: the same question, in Hindi
            self._result.language = named
            return self._reply(self._ask(self._step))
        self._turns += 1
        self._transcript.append((self.awaiting or "", text or ""))
        self._note_mechanisms(text or "")
        self._note_facts(text or "")
        flags = self._new_red_flags(text or "")
        if flags and self._step == "complaint":
            flags = self._not_taken_back(text, flags)
        held, flags = flags, self._hold_for_the_age(flags)
        if flags and self._check:
            return self._flag_in_check(flags, text or "")
        if flags:
            if self._step == "complaint":
                self._result.complaint = self._result.answers["complaint"] = text.strip()
            elif self._step == "age" and (age := self._interpret("age", text)) is not None:
                self._record_age(age)  # "twenty-six, and my lips are swelling": the age is said all the same
            return self._red_flag(flags)
        if held and self._step == "complaint":  # a sign told is the complaint, whatever doubt follows it ("I don't know")
            self._answered += 1
            return self._advance("complaint", text.strip())
        return self._take(self._interpret(self._step, text or ""))

    def _opening(self, text: str) -> Reply:
        """A first message before `start()` (an SMS that opens the conversation): disclaimer first, then it counts.

        A message that already says what is wrong is the complaint: it is kept, and not asked for again.
        When the caller may choose the language, the message's own language is the conversation's.
        """
        if self._choose_language:
            self._result.language = named_language(text) or detect_language(text) or self.language
        opening = self._begin() if self._step == "language" else self.start()
        if not words(text):
            return opening
        self._turns += 1
        self._transcript.append(("who", text))
        self._note_mechanisms(text)
        flags = self._new_red_flags(text)
        english = in_english(text, self.language)
        if says_complaint(english):
            self._result.complaint = self._result.answers["complaint"] = text.strip()
            self._answered += 1
        self._note_facts(text)
        flags = self._hold_for_the_age(flags)
        who = parse_who(english)
        if who == "maybe_self":  # a bare "me" in a first message: asked, never taken
            who = None
        if not flags and who is None:
            if self._result.complaint:
                self._transcript[-1] = ("complaint", text)
            return opening
        reply = self._red_flag(flags) if flags else self._advance("who", who)
        return Reply((opening.segments[0], *reply.segments), reply.awaiting, reply.expects, reply.finished)

    def take_back(self) -> bool:
        """The caller had not finished the last answer: forget it, so its question is open again (False: none).

        Only the latest `answer` can be taken back, and only before anything else is said to the dialogue:
        the voice channel uses it when a caller goes on talking just after an answer it took as complete.
        """
        before, self._before_answer = self._before_answer, None
        if before is None:
            return False
        vars(self).update(vars(self.from_state(before)))  # one way to snapshot: the state a stored call keeps
        return True

    def expects(self) -> ShortAnswer | None:
        """What short answer the open question waits for; None when it wants the caller's own words, or none."""
        return short_answer(self.awaiting)

    def keypad(self, digits: str) -> Reply:
        """DTMF digits: 1 yes, 2 no, digits a number or a numbered choice."""
        self._before_answer = None
        if self.finished or self._step is None:
            return self._ended()
        if self._step == "language":
            chosen = language_of_digit(digits, self._menu)
            return self._language_chosen(chosen) if chosen else self._language_unclear()
        if self._choose_language and self.channel == "voice" and digits.strip() == "*":  # the menu, mid-call
            return self._language_menu(menu_languages(self.region, everything=True), resume=self._step)
        self._turns += 1
        self._transcript.append((self.awaiting or "", f"[keypad {digits}]"))
        return self._take(self._from_digits(self._step, digits))

    def no_answer(self) -> Reply:
        """The caller said nothing for a while: re-ask, then offer the keypad, then assume the urgent way."""
        self._before_answer = None
        if self.finished or self._step is None:
            return self._ended()
        if self._step == "language":
            return self._language_unclear()
        self._turns += 1
        return self._take(None)

    # --- the language ----------------------------------------------------

    def _language_menu(self, offered: tuple[str, ...], resume: str | None = None) -> Reply:
        """Each offered language's keypad digit, said in that language; the country's own first."""
        self._menu, self._resume = offered, resume
        if self._step != "language":
            self._attempts = 0
        self._step = "language"
        order = (*offered[1:], offered[0]) if resume is None else offered
        said = " ".join(catalogue(lang).say("language.offer", digit=LANGUAGE_DIGITS[lang]) for lang in order)
        return Reply((Speech("language", said),), awaiting="language", expects=AnswerKind.CHOICE, finished=False)

    def _language_chosen(self, language: str) -> Reply:
        """Speak `language` from now on: the opening in it, or the question the menu interrupted, again."""
        self._result.language, self._menu = language, ()
        step, self._resume = self._resume, None
        if step is None:
            return self._begin()
        self._step, self._attempts = step, 0
        return self._reply(self._ask(step))

    def _spoken_at_menu(self, text: str) -> Reply:
        """Words at the menu that name no language: a caller who just speaks is not held up by the menu.

        Words that say who is ill or what is wrong are the opening (the disclaimer, then they count, a red flag
        as anywhere: straight to the emergency number); at a menu opened mid-call they answer the question it
        interrupted. Anything else ("hello?") hears the menu again.
        """
        if self._resume is not None:
            self._step, self._attempts, self._menu, self._resume = self._resume, 0, (), None
            return self.answer(text)
        said = without_line_checks(in_english(text, detect_language(text) or self.language))
        if parse_who(said) is None and not says_complaint(said):
            return self._language_unclear()
        self._menu = ()
        return self._opening(text)

    def _language_unclear(self) -> Reply:
        """No language key: the menu once more, then the country's language (at the start) or the one spoken now."""
        self._attempts += 1
        if self._attempts < 2:
            return self._language_menu(self._menu, self._resume)
        default = self._menu[1] if self._resume is None and len(self._menu) > 1 else self.language
        return self._language_chosen(default)

    def line_closed(self) -> TriageResult:
        """The line (or the text conversation) ended before the final words: the result to keep.

        A caller who gave no usable answer at all is a "no answer" case: urgent, no START category, a
        health worker calls back. Otherwise the result stands as it is. Safe to call more than once.
        """
        r = self._result
        if not self.finished and not self._answered and not r.red_flags:
            self._mark_no_answer()
            r.summary = summarize(r)
        return r

    @property
    def result(self) -> TriageResult:
        """What has been decided so far; valid at every point of the conversation."""
        return self._result

    @property
    def finished(self) -> bool:
        """True once the final words (closing, emergency or CPR) have been given."""
        return self._ending is not None

    @property
    def awaiting(self) -> str | None:
        """Prompt id of the question now open, None before start and once finished."""
        if self.finished or self._step is None:
            return None
        return _PROMPT_OF.get(self._step, self._step)

    @property
    def transcript(self) -> list[tuple[str, str]]:
        """(prompt id, caller text) for every caller turn, for the intake extraction at the end."""
        return list(self._transcript)

    def to_state(self) -> dict:
        """JSON-ready state, all of it: the text channel keeps it between messages, a call between streams."""
        return {
            "version": STATE_VERSION, "channel": self.channel, "region": self.region, "step": self._step,
            "attempts": self._attempts, "turns": self._turns, "ending": self._ending,
            "result": self._result.to_dict(), "transcript": [list(t) for t in self._transcript],
            "answered": self._answered, "unanswered": self._unanswered,
            "choose_language": self._choose_language, "menu": list(self._menu), "resume": self._resume,
            "cpr_lead": self._cpr_lead, "check": self._check,
            "held_child": list(self._held_child), "held_resume": self._held_resume,
        }

    @classmethod
    def from_state(cls, state: dict) -> "Dialogue":
        """Inverse of to_state."""
        d = cls(channel=state.get("channel", "voice"), region=state.get("region"),
                choose_language=bool(state.get("choose_language", False)))
        d._menu, d._resume = tuple(state.get("menu") or ()), state.get("resume")
        d._step = state.get("step")
        d._attempts = int(state.get("attempts", 0))
        d._turns = int(state.get("turns", 0))
        d._ending = state.get("ending")
        d._result = TriageResult.from_dict(state.get("result") or {})
        d._transcript = [(str(p), str(t)) for p, t in state.get("transcript", [])]
        # A state stored before these counts existed: anything answered counts as heard.
        heard = bool(d._result.answers or d._result.complaint or d._result.red_flags)
        d._answered = int(state.get("answered", 1 if heard else 0))
        d._unanswered = int(state.get("unanswered", 0))
        d._cpr_lead = state.get("cpr_lead")
        d._check = state.get("check")
        d._held_child = list(state.get("held_child") or [])
        d._held_resume = state.get("held_resume")
        return d

    # --- understanding -------------------------------------------------

    @property
    def _number(self):
        return emergency_number(self.region)

    @property
    def _self(self) -> bool:
        return self._result.who == "self"

    @property
    def _jump(self) -> bool:
        return self._result.protocol == "JumpSTART"

    def _child(self) -> bool | None:
        age = self._result.age_years
        if age is not None:
            return age < CHILD_SIGNS_MAX_AGE_YEARS
        if self._jump:
            return True
        # Before the age: a patient named as a grandmother or a husband does not get the IMCI child signs.
        return False if any(step == "who" and names_an_adult(t) for step, t in self._transcript) else None

    def _hold_for_the_age(self, flags: list[str]) -> list[str]:
        """The flags to act on now. IMCI's danger signs are a child's (SAFETY.md), and "my son", "my daughter" or "he"
        says no age: a son of seventeen "very sleepy" after a party is no IMCI sign. Signs that are all a child's, heard
        before the age of a patient no word has called a child ("baby", "toddler", "my 3-year-old", a breastfeed), are
        held until the age is asked; the age then raises them (a child, or an age left unknown: the urgent side) or
        drops them. Any other flag beside them, or words of someone lying still ("he's limp"), is acted on at once, as
        before."""
        if not flags or self._check or self._child() is not None \
                or not all(f != DANGER_SIGN_SAID and flag_by_id(f).child_only for f in flags) \
                or any(_says_a_child(t) for _, t in self._transcript) or still_said(self._said_so_far()):
            return flags  # someone still and limp ("dragged him out of the river, he's limp"): the breathing check decides
        self._held_child += [f for f in flags if f not in self._held_child]
        logger.info("child signs %s held until the age", ",".join(flags))
        return []

    def _held_signs_after_the_age(self, value: object | None) -> Reply:
        """The age answered while child signs were held: a child's (or an age unknown) raises them; a grown-up's drops
        them, and the questions go on from where the age was put in."""
        r = self._result
        held, self._held_child = self._held_child, []
        resume, self._held_resume = self._held_resume, None
        if isinstance(value, str | int | float) and value != "unknown":
            r.answers["age"] = value
        self._record_age(value)
        grown = (r.age_years is not None and r.age_years >= CHILD_SIGNS_MAX_AGE_YEARS) or value == "adult"
        if not grown:
            return self._red_flag(held)
        logger.info("child signs %s dropped: the patient is %s", ",".join(held), r.age_years or "a grown-up")
        nxt = resume or "walk"
        self._step, self._attempts = nxt, 0
        return self._reply(self._ask(nxt))

    def _new_red_flags(self, text: str) -> list[str]:
        """The flags this answer adds; an arrest read from gasping in someone who cannot be woken leads the CPR words."""
        flags, agonal_arrest = self._red_flags_in(text)
        if agonal_arrest and "not_breathing" in flags:
            self._cpr_lead = "agonal"
        return flags

    def _red_flags_in(self, text: str) -> tuple[list[str], bool]:
        """The flags `text` adds at this step, and whether gasping in an unresponsive patient made one of them (no
        state is touched: a caller's correction is read through this too)."""
        context = " . ".join(t for _, t in self._transcript[:-1])
        if self._self:  # the patient is the caller: "my brother was driving, he's dead" is the crash's, not a sign
            text = without_another_death(text)
        if self._step in ("avpu", "commands") and not _CONVULSING.search(normalize(text)):
            # A limb gone stiff at the pinch is the posturing the question asks about (JumpSTART: pain-inappropriate),
            # START's RED, not a fit: "he pull away... or maybe him arm just go stiff".
            text = _POSTURING.sub(" posturing ", normalize(text))
        elif self._step in ("avpu", "commands") and _a_small_twitch_only(normalize(text)):
            text = _TWITCH.sub("moved", normalize(text))
        # The medicines and allergies questions ask what is always so: a sign told there in the simple present ("nuts, my
        # lips swell up") is the allergy asked about; one told as going on now still counts.
        found = find_red_flags(text, context=context, child=self._child(), standing=self._step in _STANDING_STEPS)
        if self._step in _RATE_STEPS and "breathing_difficulty" in found and parse_breathing(text) == "yes" \
                and "breathing_difficulty" not in find_red_flags(without_pace(text), context=context, child=self._child()):
            # "yes, he's breathing, quick and short": how fast is the count's to say, next (START's rate step)
            found = [f for f in found if f != "breathing_difficulty"]
        agonal_arrest = not self._self and self._agonal_in_unresponsive(text, context, found)
        if self._self:  # someone speaking to us is breathing: "I'm not breathing right" is difficulty
            found = ["breathing_difficulty" if f == "not_breathing" else f for f in found]
        elif agonal_arrest:
            # Gasping, snoring or "not breathing normally" in someone who cannot be woken is cardiac arrest:
            # CPR, not the breathing-difficulty advice (sit them up).
            found = [f for f in found if f != "breathing_difficulty"] + ["not_breathing"]
        suppressed = set(_SUPPRESSED.get(self._step or "", set()))
        if not_waking_said(text):
            # "No, he won't wake up, I'm shaking him": more than the commands test failed; the flag, and its first
            # aid, stand ("he doesn't answer" stays the test's plain no).
            suppressed.discard("unconscious")
        if self._step in _BREATHING_STEPS and parse_breathing(text) in ("no", "agonal"):
            suppressed |= _SUPPRESSED_WHEN_NOT_BREATHING  # the structured path goes on to reposition and CPR
        flags = [f for f in dict.fromkeys(found) if f not in suppressed and f not in self._result.red_flags]
        return flags, agonal_arrest

    def _not_taken_back(self, text: str, flags: list[str]) -> list[str]:
        """The complaint's flags less a sign the caller took back in the same breath by naming its look-alike ("blood
        everywhere! no, sorry, it's the wine"). Only a sign that a stain or a colour can fake is taken back, and only
        at the complaint: the danger-sign question comes next and asks about it in plain words, so a caller who was
        wrong to take it back still says yes there (SAFETY.md's urgent side). The case records what was taken back."""
        corrected = taken_back(text)
        if corrected is None:
            return flags
        kept = set(self._red_flags_in(corrected)[0])
        back = [f for f in flags if f in _LOOK_ALIKE_SIGNS and f not in kept and not sign_said_again(f, corrected)]
        if back:
            self._result.answers["taken_back"] = ", ".join(back)
        return [f for f in flags if f not in back]

    def _agonal_in_unresponsive(self, text: str, context: str, found: list[str]) -> bool:
        unresponsive = "unconscious" in found or unresponsive_said(text) or unresponsive_said(context)
        return unresponsive and agonal(text, unresponsive=True)

    def _note_mechanisms(self, text: str) -> None:
        """A high-risk mechanism is recorded for the queue; START still decides (SAFETY.md)."""
        for mechanism in find_mechanisms(text):
            if mechanism not in self._result.mechanism:
                self._result.mechanism.append(mechanism)

    def _note_facts(self, text: str) -> None:
        """Facts said before or outside their question are kept: an age stated before the age question ("she is
        70") is not asked again, and a symptom named at another step ("no, and she has a fever") reaches the case."""
        r = self._result
        if r.age_years is None and self._step in (None, "who", "who_confirm", "complaint"):
            age = stated_age(text)
            if age is not None:
                r.age_years = r.answers["age"] = self._age_from(age)
        if self._step == "complaint" or (text.strip() == (r.complaint or "") and r.complaint):
            return  # the complaint itself holds these
        known = set(find_symptoms(r.complaint or ""))
        for symptom in find_symptoms(text):
            if symptom not in known and symptom not in r.also_said:
                r.also_said.append(symptom)

    def _age_or_walk(self) -> str:
        """After the complaint: the age question, unless the caller already said the age (then on to `walk`)."""
        r = self._result
        if r.age_years is None:
            return "age"
        r.protocol = "JumpSTART" if r.age_years < JUMPSTART_MAX_AGE_YEARS else "START"
        return "walk"

    def _interpret(self, step: str, text: str) -> object | None:
        """The normalized answer for this step, or None when the text does not answer it.

        An English call's answer the parsers cannot read may be said in the caller's other language ("hindi
        humihinga", "e no dey breathe", "naglalakad siya"): it is read once more in that language's answer words, or
        as the red-flag words' table reads it."""
        value = self._interpret_as_said(step, text)
        # Only words beyond a line check and fillers are read again: glossed, "una dey hear me?" is no line check any
        # more, and its "me" would answer "who".
        if value is None and self.language == SOURCE_LANGUAGE and step in _READ_IN_OTHER_LANGUAGES \
                and [w for w in words(without_line_checks(text)) if w not in _FILLERS] \
                and not self._yes_no_words_said(step, text):
            for english in self._other_readings(text):
                if english != normalize(text) and (value := self._interpret_as_said(step, english)) is not None:
                    break
        return value

    def _other_readings(self, text: str) -> Iterator[str]:
        """An English call's answer as the answer words of the language its words show, then of each language of the
        caller's country ("chhe baar" from India, "sita" from Kenya, "khamsa" from Egypt: no function word tells the
        language of a lone number), then as the red-flag words' table reads it. Lazily: the first reading that answers
        ends the search."""
        detected = detect_language(text)
        languages = [lang for lang in (detected, *spoken_in(self.region)) if lang not in (None, SOURCE_LANGUAGE)]
        for lang in dict.fromkeys(languages):
            yield in_english(text, lang)
        yield to_english(normalize(text))

    def _yes_no_words_said(self, step: str, text: str) -> bool:
        """Whether a yes/no answer holds words of the caller's other language that intake/yes_no_words.tsv read: that
        reading stands ("ko ji", Yoruba for "he doesn't wake", is not re-read with Hindi's "ji", yes)."""
        if P.PROMPTS[_PROMPT_OF.get(step, step)].kind != AnswerKind.YES_NO:
            return False
        return yes_no_in_english(text, region=self.region, language=self.language) != normalize(text)

    def _interpret_as_said(self, step: str, text: str) -> object | None:
        prompt = P.PROMPTS[_PROMPT_OF.get(step, step)]
        said, text = text, in_english(text, self.language)  # "haan", "tatlumpung taon": the words the parsers read
        if prompt.kind == AnswerKind.YES_NO:  # "ndiyo", "aiwa" (yes or no, by the caller's country), "mi o mọ"
            text = yes_no_in_english(text, region=self.region, language=self.language)
        if asr_loop(text):
            return None
        said_key = choice_digits(text)
        if said_key and prompt.kind in (AnswerKind.YES_NO, AnswerKind.CHOICE):
            return self._from_digits(step, said_key)
        # "Hello? Can you hear me?" checks the line: no answer to anything.
        meaningful = [w for w in words(without_line_checks(text)) if w not in _FILLERS]
        if not meaningful or words(text) in (["huh"], ["eh"]):
            return None
        if step == "who":
            return parse_who(text)
        if step == "who_confirm":
            who = parse_who(text)
            if who in ("self", "other"):
                return "yes" if who == "self" else "no"
            yn = prompt.read_yes_no(text)
            return yn if yn in ("yes", "no") else None
        if step == "age":
            age = parse_age_quantity(text)
            return age if age is not None else age_group(text)
        if step == "resp_count":
            count = parse_breath_count(text)
            if count is not None and count.zero and self._self:
                return None  # a caller counting their own breaths breathes: a zero is a slip, ask again
            if count is not None and count.doubted and not self._rate_reaches_red(count)[1]:
                return None  # "six, I lost count": counted again, never taken on the milder side
            return count
        if step == "danger_signs" and _told_as_baseline(text, prompt):  # a harm answer is never read as a habit
            return "no"
        if step in _SCREENS and _leans_yes(text, prompt):
            # "maybe", "probably", "a bit": a caller who half thinks one of the signs is there. Asked once more; a
            # second lean is taken as the yes (SAFETY.md: an unclear answer takes the urgent branch), and recorded.
            if not self._attempts:
                return None
            self._result.assumed.append(step)
            return "yes"
        if step == "perfusion" and _COLOUR_UNSEEN.search(normalize(text)):
            # a time read where the colour cannot be seen ("two seconds? it's dark, I can't really see the colour") is
            # no reading: asked again, then the urgent branch (SAFETY.md)
            return None
        if step == "perfusion" and (refill := parse_refill_seconds(text)) is not None:
            return self._refill(refill)
        if step in _BREATHING_STEPS:
            said = parse_breathing(text, keywords=prompt.keywords)
            return said if said in ("yes", "no", "agonal") else None
        if step == "avpu":
            return parse_avpu(text)
        if step == "severity":
            return parse_severity(text)
        if prompt.kind == AnswerKind.YES_NO:
            yn = prompt.read_yes_no(text)
            return yn if yn in ("yes", "no") else None
        if parse_yes_no(text) == "unsure" and step == "complaint":
            return None
        if step == "duration":
            return parse_duration(text) or said.strip()
        if step in ("medications", "allergies"):
            # "None... wait, his grandmother's strip is empty": what follows the correction is the answer, kept as said
            return "none" if _NONE.match(normalize(text)) and not self_corrected(text) else said.strip()
        return said.strip()  # the caller's own words, as said

    def _from_digits(self, step: str, digits: str) -> object | None:
        prompt = P.PROMPTS[_PROMPT_OF.get(step, step)]
        digits = digits.strip().strip("#*")
        if not digits.isdigit():
            return None
        n = int(digits)
        if prompt.kind == AnswerKind.YES_NO:
            return {1: "yes", 2: "no"}.get(n)
        if prompt.kind == AnswerKind.CHOICE:
            return prompt.choices[n - 1] if 1 <= n <= len(prompt.choices) else None
        if step == "resp_count":
            return BreathCount(Quantity(n, n, "exact", None, n))
        if step == "age":
            return Quantity(n, n, "exact", "year", n) if n <= 120 else None
        if step == "severity":
            return n if 1 <= n <= 10 else None
        return None

    # --- moving on -----------------------------------------------------

    def _take(self, value: object | None) -> Reply:
        """Advance on an answer, or escalate an unclear one: re-ask, keypad, assume."""
        step = self._step
        assert step is not None
        if value is not None:
            self._answered += 1
            return self._advance(step, value)
        if self._check:
            return self._unclear_in_check(step)
        self._attempts += 1
        prompt = P.PROMPTS[_PROMPT_OF.get(step, step)]
        if self._turns >= MAX_TURNS:  # a guard: past it, every unclear step is assumed at once
            self._attempts = 3
        if self._attempts == 1 and step in _ALREADY_ASKED_AGAIN:
            self._attempts = 2
        if self._attempts == 1:
            return self._reply(self._ask(step, reask=True))
        if self._attempts == 2 and prompt.keypad:
            return self._reply(self._keypad_offer(step))
        if not self._answered:
            # Nothing usable heard since the call began: after NO_ANSWER_QUESTIONS such questions, stop asking.
            self._unanswered += 1
            if self._unanswered >= NO_ANSWER_QUESTIONS:
                return self._end_no_answer()
        default = _URGENT_DEFAULT.get(step)
        if default is None:  # free answers and the short intake: move on without one
            return self._advance(step, None)
        self._result.assumed.append(_ASSUMED_AS.get(step, _PROMPT_OF.get(step, step)))
        note = Speech(_PROMPT_OF.get(step, step), self._say(f"assumed.{self._form}"))
        reply = self._advance(step, default)
        return Reply((note, *reply.segments), reply.awaiting, reply.expects, reply.finished)

    def _advance(self, step: str, value: object | None) -> Reply:
        """Record an answer and go to the next step or to a decision."""
        r = self._result
        pid = _PROMPT_OF.get(step, step)
        if isinstance(value, str | int | float) and value != "unknown":
            r.answers[pid] = value
        if step in _SCREENS and value == "yes":  # a yes to a screen is an emergency, however the sign was worded
            return self._red_flag([DANGER_SIGN_SAID])
        if step == "age" and self._held_child and not self._check:
            return self._held_signs_after_the_age(value)
        nxt = self._next(step, value)
        if self._held_child and r.age_years is None and isinstance(nxt, str) and nxt not in ("age", "closing"):
            self._held_resume, nxt = nxt, "age"  # the age first: it decides whether the signs held are a child's
        if isinstance(nxt, Category):
            return self._decide(nxt)
        if nxt == "closing":
            return self._end_closing()
        self._step, self._attempts = nxt, 0
        return self._reply(self._ask(nxt))

    def _next(self, step: str, v: object | None) -> str | Category:  # noqa: C901 - the protocol, one branch per step
        """The START / JumpSTART tree: the step after `step` given answer `v`, or the category."""
        r = self._result
        if self._check and step in ("age", "breathing"):
            return self._next_in_check(step, v)  # the airway steps after it are START's and JumpSTART's own, below
        if step in ("who", "who_confirm"):
            if v == "maybe_self":  # a bare "me": asked, not guessed
                return "who_confirm"
            if step == "who_confirm":
                v = "self" if v == "yes" else "other"
            r.who = r.answers["who"] = v  # type: ignore[assignment]
            return "danger_signs" if r.complaint else "complaint"  # an opening text may have said it already
        if step == "complaint":
            r.complaint = v  # type: ignore[assignment]
            if isinstance(v, str):  # said earlier and now in the complaint: once is enough
                r.also_said = [x for x in r.also_said if x not in find_symptoms(v)]
            if r.who == "self" and isinstance(v, str) and names_someone_else(without_crash_deaths(v)):
                # "my son fell in the water" after a "me": the breathing check is not skipped on that; "my colleague
                # in the passenger seat died" is the caller's crash, not someone else to check
                r.who = r.answers["who"] = "other"
                r.answers["who_corrected"] = "the complaint named someone else"
            return "danger_signs"
        if step in _SCREENS:
            if v is None:  # "I don't know", twice: START goes on and asks about breathing and responses itself
                r.answers[step] = NOT_ANSWERED
            if step == "danger_signs" and self._harm_cue_said():
                return "harm"
            return self._age_or_walk()
        if step == "age":
            self._record_age(v)
            return "walk"
        if step == "walk":
            if v == "yes":
                return Category.GREEN
            if self._self:
                self._infer("breathing", "yes", "the caller is speaking")
                return "resp_count"
            return "breathing"
        if step == "breathing":
            return "resp_count" if v == "yes" else "reposition"
        if step == "reposition":
            if v == "yes":
                return Category.RED
            jump = self._check == "JumpSTART" if self._check else self._jump  # the check picks its own protocol
            return "apnoea_pulse" if jump else self._not_breathing(("reposition",))
        if step == "apnoea_pulse":
            return "rescue_breaths" if v == "yes" else self._not_breathing(("reposition", "pulse"))
        if step == "rescue_breaths":
            return Category.RED if v == "yes" else self._not_breathing(("reposition", "rescue_breaths"))
        if step == "resp_count":
            return self._after_count(v)
        if step == "perfusion":
            return Category.RED if v == "no" else "radial_pulse"
        if step == "radial_pulse":
            if v == "no":
                return Category.RED
            if self._self:
                self._infer("commands", "yes", "the caller is answering questions")
                return Category.YELLOW
            return "commands"
        if step == "jump_pulse":
            if v == "no":
                return Category.RED
            if self._self:
                self._infer("avpu", "alert", "the caller is answering questions")
                return Category.YELLOW
            return "avpu"
        if step == "commands":
            return Category.YELLOW if v == "yes" else Category.RED
        if step == "avpu":
            return Category.RED if v == "unresponsive" else Category.YELLOW
        if step == "duration":
            r.duration = v  # type: ignore[assignment]
        elif step == "severity":
            r.severity = v  # type: ignore[assignment]
        elif step == "medications":
            r.medications = v  # type: ignore[assignment]
        elif step == "allergies":
            r.allergies = v  # type: ignore[assignment]
        elif step == "photo":
            r.photo_consent = v == "yes"
        i = _INTAKE_STEPS.index(step)
        return _INTAKE_STEPS[i + 1] if i + 1 < len(_INTAKE_STEPS) else "closing"

    def _record_age(self, v: object | None) -> None:
        """The age answer and the protocol it sets."""
        r = self._result
        if isinstance(v, Quantity):
            r.age_years = r.answers["age"] = self._age_from(v)
            child = r.age_years < JUMPSTART_MAX_AGE_YEARS
        else:
            child = v == "child" or (v == "unknown" and self._child_words_said())
        r.protocol = "JumpSTART" if child else "START"

    def _not_breathing(self, said_at: tuple[str, ...]) -> Category:
        """Still not breathing after the airway was opened: BLACK only when the caller said so at each of
        `said_at`; an assumed or agonal answer there is RED (never BLACK on a guess), with CPR guidance."""
        r = self._result
        told = all(r.answers.get(pid) == "no" and pid not in r.assumed for pid in said_at)
        if told:
            return Category.BLACK
        agonal_seen = any(r.answers.get(pid) == "agonal" for pid in ("breathing", *said_at))
        self._cpr_lead = "agonal" if agonal_seen else "unsure"
        return Category.RED

    def _after_count(self, v: object | None) -> str | Category:
        """The breath count against the protocol's thresholds, taking the urgent end of what was said."""
        r = self._result
        if not isinstance(v, BreathCount):  # no usable count: the urgent branch
            return Category.RED
        count, rate = v.count, v.per_minute
        r.answers["resp_count"] = _as_said(count)
        if v.seconds != 15:
            r.answers["resp_count_seconds"] = v.seconds
        if v.zero and not self._self:  # counted no breaths at all: they are not breathing
            if count.high != 0:
                r.assumed.append("resp_count")  # "none or one": the breathless end
            r.answers["breathing"] = "no"
            return "reposition"
        certain, possible = self._rate_reaches_red(v)
        if not possible and self._either_protocol():
            # "seven or eight": the child may be under JumpSTART's 8 or not. A count past the other protocol's
            # threshold takes that protocol, and its RED (44 a minute is RED for START, not for JumpSTART).
            other = self._rate_reaches_red(v, jump=not self._jump)
            if other[1]:
                r.protocol = "START" if self._jump else "JumpSTART"
                certain, possible = other
        r.respiratory_rate = _urgent_rate(rate, jump=self._jump)
        if rate.low != rate.high:
            r.answers["respiratory_rate_range"] = [rate.low, rate.high]
        if certain:
            return Category.RED
        if possible:  # the count may lie past the threshold: the urgent side, recorded as assumed
            r.assumed.append("resp_count")
            return Category.RED
        return "jump_pulse" if self._jump else "perfusion"

    def _refill(self, seconds: Quantity) -> str:
        """A refill said as a time: "yes" (back within 2 s) only when every reading of it is; a time that may be
        over ("about two seconds", "two or three") is the no, recorded as assumed, as a count that may be past a
        threshold is."""
        low, high = seconds.low, seconds.high
        if seconds.kind == "about" and seconds.said is not None:
            low, high = seconds.said - HEDGED_REFILL_MARGIN_SECONDS, seconds.said + HEDGED_REFILL_MARGIN_SECONDS
        if high is not None and high <= REFILL_RED_ABOVE_SECONDS:
            return "yes"
        if low is None or low <= REFILL_RED_ABOVE_SECONDS:
            self._result.assumed.append("perfusion")
        return "no"

    def _either_protocol(self) -> bool:
        """The age said spans JumpSTART's upper age ("seven or eight", "about eight")."""
        span = self._result.answers.get("age_range")
        return isinstance(span, list) and span[0] < JUMPSTART_MAX_AGE_YEARS <= span[1]

    def _rate_reaches_red(self, v: BreathCount, jump: bool | None = None) -> tuple[bool, bool]:
        """(certainly, possibly) past the protocol's rate thresholds, a hedged rate spanning its margin; `jump`
        asks about the other protocol than the call's."""
        count, rate = v.count, v.per_minute
        low, high = rate.low, rate.high
        if count.kind == "about" and rate.said is not None:
            low, high = rate.said - HEDGED_RATE_MARGIN, rate.said + HEDGED_RATE_MARGIN
        jump = self._jump if jump is None else jump
        if jump:
            certain = (high is not None and high < JUMPSTART_RR_RED_BELOW) or (
                low is not None and low > JUMPSTART_RR_RED_ABOVE)
            possible = low is None or high is None or low < JUMPSTART_RR_RED_BELOW or high > JUMPSTART_RR_RED_ABOVE
        else:
            certain = low is not None and low > START_RR_RED_ABOVE
            possible = high is None or high > START_RR_RED_ABOVE
        return certain, possible

    def _age_from(self, age: Quantity) -> float:
        """The age to triage by: the younger end of a range ("seven or eight" -> 7); a hedged age at a
        threshold takes the side just under it ("about 8" -> 7, "about 12" -> 11). When that choice
        crosses a threshold (JumpSTART under 8, infant CPR under 1, child signs under 12), `age` is
        recorded as assumed. "almost 8" and "she'll be 8 next month" arrive here as 7 already."""
        if age.kind == "about" and age.said is not None:
            n = age.said
            younger = n - 1 if n >= 2 else n * 11 / 12
            if any(younger < t <= n for t in AGE_THRESHOLDS_YEARS):
                self._result.assumed.append("age")
                self._result.answers["age_range"] = [round(younger, 2), n]
                return round(younger, 2)
            return round(n, 2)
        low = age.low if age.low is not None else age.high
        high = age.high if age.high is not None else low
        assert low is not None and high is not None
        if any(low < t <= high for t in AGE_THRESHOLDS_YEARS):
            self._result.assumed.append("age")
            self._result.answers["age_range"] = [low, high]
        return round(low, 2)

    def _infer(self, prompt_id: str, value: str, how: str) -> None:
        self._result.answers[prompt_id] = value
        self._result.answers.setdefault("inferred", {})[prompt_id] = how  # type: ignore[index]

    def _harm_cue_said(self) -> bool:
        """Poisoning and self-harm are in no list of the danger-sign question, and the weakest flags on every unseen
        author: when the words so far touch on either, they are asked about in one question of their own."""
        return harm_cue_said(self._said_so_far())

    def _danger_signs_for(self) -> str | None:
        """"pregnancy" or "child" when the words so far say so: the danger signs asked are that group's (SAFETY.md's
        pregnancy signs; WHO IMCI's general danger signs); None: the everyday list."""
        if pregnancy_said(self._said_so_far()):
            return "pregnancy"
        return "child" if self._child_words_said() else None

    def _said_so_far(self) -> str:
        """Every caller turn so far as one text, a sentence each."""
        return " . ".join(t for _, t in self._transcript)

    def _child_words_said(self) -> bool:
        return any(age_group(t) == "child" for _, t in self._transcript)

    # --- the breathing check after the emergency number ---------------------

    def _breathing_check_due(self, flags: list[str]) -> bool:
        """Whether a red flag that has just ended triage leaves the question open that decides the first aid and the
        record: does the patient breathe, and after the airway is opened? The flag says they cannot be woken
        (`unconscious`) or do not breathe (`not_breathing`, told in answer to the questions after the complaint), or the
        words so far tell someone still and silent ("he's not moving", "limp", cut down from a hanging). Not for a
        caller speaking for themselves, not during a fit (a fitting body breathes oddly and is no one to push on), not
        once breathing was said, not for gasps (CPR at once: the check could only find RED), and not for "not
        breathing" told in the caller's first description (the opening or the complaint): that is the arrest they call
        about, the number and CPR at once as before, and the case stays RED (outside authors label it so, and answers
        to the later questions as START's; BLACK is never recorded without the airway step told)."""
        r = self._result
        told_first = "not_breathing" in flags and self._step in (None, "who", "who_confirm", "complaint")
        if self._check or self._self or "seizure" in r.red_flags or told_first or self._cpr_lead == "agonal":
            return False
        if any(pid in r.answers for pid in _BREATHING_STEPS) or self._breathing_said():
            return False
        return bool({"unconscious", "not_breathing"} & set(flags)) or still_said(self._said_so_far())

    def _begin_check(self, flags: list[str]) -> Reply:
        """The emergency number at once, then the breathing steps of START or JumpSTART, as a dispatcher asks them
        before CPR: look, open the airway, (a child) feel a pulse and give rescue breaths. What they find picks CPR or
        the recovery position and records BLACK or RED; the flags stay on the case whatever they find."""
        r = self._result
        self._check = self._check_protocol()
        if "not_breathing" in flags:  # "no, he isn't breathing" told already: the airway is the next step
            self._infer("breathing", "no", "the caller said it before the question")
        if r.age_years is None and age_band(self._said_so_far()) is None and not self._child_named_as_adult():
            first = "age"  # the CPR to fit and whether a child's pulse and rescue breaths come next
        else:
            first = self._first_breathing_step()
        logger.info("red flag %s at prompt %s: emergency number, then the breathing check", ",".join(flags),
                    self.awaiting)
        n = self._number
        call = Speech("emergency", self._say(f"check.call_{self._form}", number=n.number, note=self._emergency_note()),
                      interruptible=False)
        self._step, self._attempts = first, 0
        return self._reply((call, *self._ask(first)))

    def _check_protocol(self) -> str:
        """JumpSTART's breathing steps (pulse, rescue breaths) for a child under 8 by the age, or by the words said."""
        age = self._result.age_years
        if age is not None:
            return "JumpSTART" if age < JUMPSTART_MAX_AGE_YEARS else "START"
        if self._result.protocol:
            return self._result.protocol
        return "JumpSTART" if age_band(self._said_so_far()) in ("infant", "child") else "START"

    def _child_named_as_adult(self) -> bool:
        """The patient is named as a grown-up ("my husband", "my grandmother"): START, no age question needed."""
        return self._child() is False or names_an_adult(self._said_so_far())

    def _next_in_check(self, step: str, v: object | None) -> str | Category:
        """Where the check differs from START's own steps: the age asked first (for the CPR and JumpSTART's pulse and
        rescue breaths), and breathing, which ends the check (RED) rather than going on to count. The airway, pulse
        and rescue breaths after it are `_next`'s."""
        if step == "age":
            if isinstance(v, Quantity):
                self._result.age_years = self._result.answers["age"] = self._age_from(v)
            self._check = self._check_protocol()
            return self._first_breathing_step()
        if step == "breathing":
            if v == "agonal":
                self._cpr_lead = "agonal"
                return Category.RED
        return Category.RED if v == "yes" else "reposition"

    def _first_breathing_step(self) -> str:
        """The breathing question, or the airway when the caller has said already that the patient is not breathing."""
        return "reposition" if self._result.answers.get("breathing") == "no" else "breathing"

    def _unclear_in_check(self, step: str) -> Reply:
        """No re-asks after the emergency number: an unclear age is left unknown; an unclear breathing answer is not
        breathing normally, which is CPR at once (the dispatcher's rule), recorded as assumed and never as BLACK."""
        if step == "age":
            return self._advance(step, None)
        self._result.assumed.append(_PROMPT_OF.get(step, step))
        if step == "apnoea_pulse":  # the rescue breaths still come: they are the care an unsure pulse must not lose
            return self._advance(step, _URGENT_DEFAULT[step])
        self._cpr_lead = self._cpr_lead or "unsure"
        return self._end_check(Category.RED)

    def _flag_in_check(self, flags: list[str], text: str) -> Reply:
        """A new flag told during the check is kept (never lowered); a fit ends the check with the emergency first aid;
        "he's not breathing" told at the age question is the breathing answer (the airway comes next); anything else
        leaves the breathing question where it was."""
        r = self._result
        r.red_flags.extend(flags)
        logger.info("red flag %s during the breathing check at prompt %s", ",".join(flags), self.awaiting)
        if "seizure" in flags:
            self._check = None
            return self._end_emergency("emergency", r.red_flags)
        if "not_breathing" in flags and "breathing" not in r.answers:
            self._infer("breathing", "no", "the caller said it before the question")
        return self._take(self._interpret(self._step or "", text))

    def _end_check(self, category: Category) -> Reply:
        """The check's end: BLACK (still not breathing after the airway, as told) is recorded for the protocol whose
        steps found it, with CPR; RED stays the flag's, with CPR when breathing was assumed or agonal, else the
        flags' first aid and the recovery position for someone who breathes but may not respond (after the CPR
        words too when breathing was not told for sure, as before the check existed)."""
        r = self._result
        r.urgency = Urgency.EMERGENCY
        if category == Category.BLACK:
            r.start_category, r.protocol = Category.BLACK, self._check  # type: ignore[assignment]
            r.decided_by = self._check
        self._check = None
        # The recovery position fits someone who may not respond: said so, or breathing only once the airway was opened.
        unresponsive = "unconscious" in r.red_flags or still_said(self._said_so_far()) or \
            "yes" in (r.answers.get("reposition"), r.answers.get("rescue_breaths"))
        aid = list(dict.fromkeys([*r.red_flags, *(["unconscious"] if unresponsive else [])]))
        if category == Category.BLACK or self._cpr_lead == "agonal":
            return self._end_emergency("cpr", [])
        if self._cpr_lead == "unsure":  # breathing not told for sure: the dispatcher's check, then CPR and the side
            return self._end_emergency("cpr", aid, recovery=True)
        return self._end_emergency("emergency", aid)

    # --- endings ---------------------------------------------------------

    def _decide(self, category: Category) -> Reply:
        """A START category is reached: emergencies end here, the others go on to the short intake."""
        r = self._result
        if self._check:
            return self._end_check(category)
        r.start_category = category
        r.decided_by = r.protocol or "START"
        r.urgency = _urgency(category, r.red_flags)
        if r.urgency == Urgency.ROUTINE and r.answers.get("harm") == NOT_ANSWERED:
            # The cue that asked it is still unexplained: a health worker looks soon, not in the routine queue.
            r.urgency = Urgency.URGENT
        if category in (Category.RED, Category.BLACK):
            cpr = category == Category.BLACK or self._cpr_lead is not None
            return self._end_emergency("cpr" if cpr else "emergency", [])
        self._step, self._attempts = "duration", 0
        return self._reply(self._ask("duration"))

    def _red_flag(self, flags: list[str]) -> Reply:
        r = self._result
        if self._held_child:  # another flag first: the child signs held go with it unless the age has made them none
            held, self._held_child = self._held_child, []
            flags = flags + [f for f in held if f not in flags and self._child() is not False]
        r.red_flags.extend(flags)
        r.decide_by_red_flag()  # before START ends, or after it found GREEN (a chest pain told at `duration`)
        r.urgency = Urgency.EMERGENCY
        logger.info("red flag %s at prompt %s", ",".join(flags), self.awaiting)
        cpr = any(f != DANGER_SIGN_SAID and flag_by_id(f).reply == "cpr" for f in flags)
        # "He's just lying there, he won't wake": nobody has said whether he breathes, and someone who cannot be woken
        # and does not breathe is a cardiac arrest. The dispatcher's check comes first ("if they do not respond and you
        # are not sure they are breathing normally, start CPR"), then the flags' own first aid (the recovery position
        # for one who breathes). Not during a fit: a fitting body breathes oddly and is no one to push on.
        recovery = not cpr and "unconscious" in flags and "seizure" not in flags and not self._self \
            and not self._breathing_said()
        cpr = cpr or recovery
        if self._breathing_check_due(flags):
            return self._begin_check(flags)
        if cpr and self._cpr_lead is None:
            # CPR reached from the caller's words, not from the breathing questions: the dispatcher's own check comes
            # first, so a bystander with someone awake and fighting for breath does not start pushing on a chest.
            self._cpr_lead = "unsure"
        return self._end_emergency("cpr" if cpr else "emergency", flags, recovery=recovery)

    def _breathing_said(self) -> bool:
        """Whether the caller has said the patient breathes: a yes to START's breathing question, or in their words."""
        return self._result.answers.get("breathing") == "yes" or any(breathing_said(t) for _, t in self._transcript)

    def _end_emergency(self, ending: str, flags: list[str], *, recovery: bool = False) -> Reply:
        """The emergency ending ("cpr" or "emergency"): the caller's emergency number, then first aid."""
        n = self._number
        note = self._emergency_note()
        if ending == "cpr":
            group = self._cpr_group()
            lead = self._say(f"cpr.lead_{self._cpr_lead}") if self._cpr_lead else ""
            then = f" {self._advice(flags)}" if recovery else ""
            if self.channel == "text":
                return self._end(ending, self._say(f"cpr.{group}_text", number=n.number, note=note, lead=lead) + then)
            call = self._say("cpr.call_voice", number=n.number, note=note)
            first_aid = f"{lead}{self._say(f'cpr.{group}_voice')}{then}"
        else:
            advice = self._advice(flags)
            if self.channel == "text":
                return self._end(ending, self._say("emergency.text", number=n.number, note=note, advice=advice))
            call = self._say("emergency.voice", number=n.number, note=note, advice="").strip()
            first_aid = advice
        # Spoken as two parts, the number first: its own mark tells when the caller had heard the number,
        # even if they hang up during the first aid (as they are told to).
        return self._end(ending, call, f"{first_aid} {self._say('emergency.footer')}")

    def _advice(self, flags: list[str]) -> str:
        """First aid for at most two of the flags, in first-aid order; the general words when none has its own."""
        return " ".join(self._say(f"advice.{f}") for f in by_first_aid(flags)[:2]
                        if catalogue(SOURCE_LANGUAGE).has(f"advice.{f}")) or self._say("emergency.red_advice")

    def _cpr_group(self) -> str:
        """infant, child or adult: by the age when known, else by the words said ("my baby"), else the protocol."""
        age = self._result.age_years
        if age is not None:
            if age < INFANT_CPR_BELOW_YEARS:
                return "infant"
            return "child" if age < CHILD_CPR_BELOW_YEARS else "adult"
        return age_band(self._said_so_far()) or ("child" if self._jump else "adult")

    def _mark_no_answer(self) -> None:
        r = self._result
        r.outcome, r.urgency, r.start_category, r.decided_by = NO_ANSWER, Urgency.URGENT, None, None
        if "who" in r.assumed:  # nobody said who the patient is: the record says so, not the urgent guess
            r.who = None

    def _end_no_answer(self) -> Reply:
        """No usable answer at all: not a category, an urgent case a health worker must call back."""
        self._mark_no_answer()
        n = self._number
        note = self._emergency_note()
        logger.info("no usable answer at prompt %s: ending as no answer", self.awaiting)
        return self._end(NO_ANSWER, self._say(f"no_answer.{self._form}", number=n.number, note=note))

    def _end_closing(self) -> Reply:
        """The ordinary ending: the case is kept and a health worker will be in touch."""
        r = self._result
        photo = self._say("closing.photo_line") if r.photo_consent else ""
        return self._end("closing", self._say(f"closing.{self._form}", number=self._number.number, photo=photo))

    def _end(self, ending: str, said: str, *then: str) -> Reply:
        self._ending, self._step = ending, None
        if self._result.start_category is None and self._result.outcome != NO_ANSWER:  # a guard for the record
            self._result.start_category = Category.RED
            self._result.urgency = Urgency.EMERGENCY
        self._result.summary = summarize(self._result)
        return Reply(tuple(Speech(ending, part) for part in (said, *then)), awaiting=None, expects=None, finished=True)

    def _ended(self) -> Reply:
        said = self._say("ended.text", number=self._number.number)
        return Reply((Speech(self._ending or "closing", said),), awaiting=None, expects=None, finished=True)

    # --- rendering -------------------------------------------------------

    def _reply(self, segments: tuple) -> Reply:
        pid = self.awaiting
        kind = P.PROMPTS[pid].kind if pid in P.PROMPTS else None
        return Reply(tuple(segments), awaiting=pid, expects=kind, finished=False)

    def _ask(self, step: str, reask: bool = False) -> tuple:
        """The question for a step, in this channel's words, with the patient's pronouns."""
        pid = _PROMPT_OF.get(step, step)
        prompt = P.PROMPTS[pid]
        if step in ("jump_pulse", "radial_pulse") and not reask:
            # The JumpSTART perfusion step, and START's after the fingernail test: a pulse at the wrist.
            mine = "self_" if self._self else ""
            return (Speech(pid, self._say(f"jump_pulse.{mine}{self._form}")),)
        if step == "danger_signs" and (group := self._danger_signs_for()):
            form = ("text_" if self.channel == "text" else "") + ("reask" if reask else "ask")
            return (Speech(pid, self._say(f"danger_signs_{group}.{form}")),)
        if self.channel == "text":
            return (Speech(pid, self._prompt(prompt, "text_reask" if reask else "text")),)
        if step == "resp_count":
            start = self._say("count.start_self_voice" if self._self else "count.start_voice")
            if reask:
                start = f"{self._say('count.again_voice')} {start}"
            ask = self._prompt(prompt, "reask" if reask else "voice")
            return (Speech(pid, start, interruptible=False), Pause(P.BREATH_COUNT_SECONDS),
                    Speech(pid, ask, interruptible=False))
        return (Speech(pid, self._prompt(prompt, "reask" if reask else "voice")),)

    def _emergency_note(self) -> str:
        """The emergency number's note as a sentence, in the conversation's language while the catalogue has it."""
        return emergency_note(self.language, self.region, self._number.note)

    @property
    def language(self) -> str:
        """The language the dialogue speaks now (recorded in the result)."""
        return self._result.language

    @property
    def _form(self) -> str:
        """The catalogue form of this channel's words: "voice" or "text"."""
        return "voice" if self.channel == "voice" else "text"

    def _say(self, msg_id: str, **values: object) -> str:
        """A catalogue message in the conversation's language, worded for the patient."""
        return catalogue(self.language).say(msg_id, self._result.who, **values)

    def _prompt(self, prompt: P.Prompt, form: str) -> str:
        """A question's words in the conversation's language, worded for the patient."""
        cat = catalogue(self.language)
        return prompt.template(form, cat, self._result.who).format(**cat.words(self._result.who))

    def _keypad_offer(self, step: str) -> tuple:
        pid = _PROMPT_OF.get(step, step)
        form = "keypad" if self.channel == "voice" else "text_keypad"
        return (Speech(pid, self._prompt(P.PROMPTS[pid], form)),)


    # --- red flags found elsewhere ---------------------------------------

    def add_red_flags(self, flag_ids: list[str], answered: str | None = None) -> Reply | None:
        """Red flags found outside the rules (Claude, during a call): only ever added, never removed.

        New known ids end the dialogue with the emergency number, exactly as a flag the rules find; a flag
        the structured answer to the prompt `answered` decides itself stays with it, as in `answer`. None
        when nothing is new or the dialogue is already over.
        """
        if self.finished:
            return None
        suppressed = set().union(*(s for step, s in _SUPPRESSED.items() if _PROMPT_OF.get(step, step) == answered))
        new = []
        for flag in dict.fromkeys(flag_ids):
            try:
                flag_by_id(flag)
            except KeyError:
                continue  # an id the table does not have is nobody's red flag
            if flag not in suppressed and flag not in self._result.red_flags:
                new.append(flag)
        return self._red_flag(new) if new else None


def _told_as_baseline(text: str, prompt: P.Prompt) -> bool:
    """A screen answer with neither yes nor no that tells its signs only as the patient's unchanged baseline."""
    t = normalize(text)
    if prompt.read_yes_no(text) in ("yes", "no"):
        return False
    return bool(_UNCHANGED.search(t)) and not _NEWLY.search(_UNCHANGED.sub(" ", t))


def _leans_yes(text: str, prompt: P.Prompt) -> bool:
    """A half-yes to a screen ("maybe", "a bit"): the lean, unless the answer is a clear no by the question's own words
    ("none of those") and every lean in it qualifies something that is no sign asked about, or a sign told as the
    patient's baseline ("a little crooked since her stroke four years ago, same as always")."""
    t = normalize(text)
    if not _LEANS_YES.search(t) or parse_yes_no(text) in ("yes", "no"):
        return False
    if prompt.read_yes_no(text) != "no":
        return True
    return any(_LEANS_YES.search(c.group()) and _SCREEN_SIGN.search(c.group()) and not _BASELINE.search(c.group())
               for c in _CLAUSE.finditer(t))


def _as_said(count: Quantity) -> int | float | str:
    """A count for the record as the caller gave it: 8, or "7-8", "about 30", "over 7"."""
    def n(x: float | None) -> str:
        return "?" if x is None else f"{x:g}"
    if count.kind == "exact" and count.said is not None:
        return int(count.said) if count.said == int(count.said) else count.said
    if count.kind == "range":
        return f"{n(count.low)}-{n(count.high)}"
    words_for = {"about": "about", "just_under": "almost", "below": "under", "above": "over"}
    return f"{words_for.get(count.kind, '')} {n(count.said)}".strip()


def _urgent_rate(rate: Quantity, *, jump: bool) -> int | None:
    """The rate to record: the end of the interval nearest (or past) a threshold."""
    if rate.low is None or rate.high is None:
        known = rate.low if rate.low is not None else rate.high
        return None if known is None else round(known)
    if not jump:
        return round(rate.high)
    nearer_low = rate.low - JUMPSTART_RR_RED_BELOW <= JUMPSTART_RR_RED_ABOVE - rate.high
    return round(rate.low if nearer_low else rate.high)


def _urgency(category: Category | None, red_flags: list[str]) -> Urgency:
    """Red flags or RED/BLACK: emergency; YELLOW: urgent; GREEN: routine; undecided: urgent."""
    if red_flags or category in (Category.RED, Category.BLACK):
        return Urgency.EMERGENCY
    if category == Category.GREEN:
        return Urgency.ROUTINE
    return Urgency.URGENT


_NUMBER_WORDS = (r"(?:\d+(?:\.\d+)?|a|an|and|half|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                 r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
                 r"seventy|eighty|ninety|hundred)")
_AGE_UNITS = r"(?:years?|yrs?|months?|weeks?)"
# "she is 70", "I am about 34", "my son is 3 years old" (the clause ends with the age) / "aged 45" / "6 months old"
_AGE_STATED = re.compile(
    rf"(?:^|\s)(?!it |there |that |this )\w+(?: \w+)? (?:is|am|are|s)\s+(?:about |around |almost |nearly |only |just )?"
    rf"{_NUMBER_WORDS}(?:[ -]{_NUMBER_WORDS})*(?:\s+{_AGE_UNITS})?(?:\s+old)?\s*$"
    rf"|\baged? {_NUMBER_WORDS}\b|\b{_NUMBER_WORDS}[ -]{_AGE_UNITS}[ -]old\b")


def stated_age(text: str):
    """An age stated in passing ("she is 70", "my son, 3 years old", "aged 45"), clause by clause; else None.

    Only a clause that states an age counts: "he fell 3 metres", "breathing 40 times", "it is 2 am" are not ages.
    """
    for clause in re.split(r"[,.;!?]|\band\b|\bbut\b", normalize(text)):
        if _AGE_STATED.search(clause.strip()):
            age = parse_age_quantity(clause)
            if age is not None and age.low is not None and 0 <= age.low <= 120:
                return age
    return None
