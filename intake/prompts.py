"""Everything the dialogue says, in voice and text renderings, keyed by stable prompt ids.

Prompt ids are a contract: voice sends the mark `prompt:<id>` after each prompt, the simulator and
the scenario files answer by id, stored turns are keyed by id. Re-asks and keypad offers keep the
id of the question they repeat.

| id             | asks / says                                                        | answer  |
|----------------|--------------------------------------------------------------------|---------|
| disclaimer     | automated, not a doctor, not medical advice; the emergency number  | -       |
| who            | calling about yourself or someone else (1 me, 2 someone else)     | choice  |
| complaint      | what is happening, in a few words (red-flag screen)               | free    |
| age            | age in years (months for a baby); under 8 -> JumpSTART             | number  |
| walk           | can they get up and walk -> GREEN                                  | yes/no  |
| breathing      | breathing normally? (not asked when the caller is the patient)     | yes/no  |
| reposition     | tilt head back, lift chin: breathing now? yes RED, no BLACK / pulse| yes/no  |
| pulse          | JumpSTART: pulse? (apnoeic child, or the perfusion step)           | yes/no  |
| rescue_breaths | JumpSTART apnoeic child with a pulse: 5 rescue breaths, breathing? | yes/no  |
| resp_count     | "start counting now", 15 s pause, "stop": breaths counted (x4)     | number  |
| perfusion      | press a fingernail 2 s: colour back within 2 s? no -> RED          | yes/no  |
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

from intake.models import AnswerKind

BREATH_COUNT_SECONDS = 15


@dataclass(frozen=True)
class Prompt:
    """One question: how it is asked, re-asked and offered on the keypad, by voice and by text."""

    kind: AnswerKind
    voice: str
    reask: str
    text: str
    keypad: str = ""  # voice keypad offer; empty: no keypad step for this prompt
    text_keypad: str = ""
    text_reask: str = ""  # empty: the voice re-ask with the text's reply instructions
    keywords: tuple[str, ...] = ()  # words of the question whose plain statement answers yes/no
    yes_phrases: tuple[str, ...] = ()
    no_phrases: tuple[str, ...] = ()
    consent: bool = False  # "okay" counts as yes
    choices: tuple[str, ...] = field(default=())  # keypad digit n -> choices[n-1]


YES_NO_KEYPAD = "If it is easier, press 1 on your keypad for yes, or 2 for no."
YES_NO_TEXT_KEYPAD = "Please reply 1 for yes or 2 for no."

PROMPTS: dict[str, Prompt] = {
    "who": Prompt(
        AnswerKind.CHOICE,
        voice="Are you calling about yourself, or about someone else?",
        reask="Who needs help: is it you, or another person?",
        text="Is this for you or someone else? Reply 1 for me, 2 for someone else.",
        text_reask="Who needs help? Reply 1 if it is you, 2 if it is someone else.",
        keypad="Press 1 if it is you who needs help, or 2 if it is someone else.",
        text_keypad="Please reply 1 if it is you, or 2 if it is someone else.",
        choices=("self", "other"),
    ),
    "who_confirm": Prompt(
        AnswerKind.YES_NO,
        voice="Just to be sure: are you yourself the person who is ill or hurt?",
        reask="Is the person who needs help you, the one speaking to me? Please say yes or no.",
        text="Just to be sure: are you yourself the person who needs help? Reply 1 for yes, 2 for no.",
        keypad=YES_NO_KEYPAD,
        text_keypad=YES_NO_TEXT_KEYPAD,
        yes_phrases=(r"(it is|that is|this is) me", r"i am the (one|patient|person)"),
        no_phrases=(r"not me", r"someone else", r"somebody else", r"another person"),
    ),
    "complaint": Prompt(
        AnswerKind.FREE,
        voice="In a few words, what is happening?",
        reask="Please tell me what the problem is, for example a pain, an injury, or a fever.",
        text="What is happening? Please describe it in a few words.",
    ),
    "age": Prompt(
        AnswerKind.NUMBER,
        voice="How old are {they}?",
        reask=(
            "How many years old are {they}? For a baby, say how many months. If you do not know, say whether "
            "it is a baby, a child or an adult."
        ),
        text="How old are {they}? Reply with the age in years (months for a baby).",
        keypad="You can type how old {they} are, in years, on the keypad.",
        text_keypad="Please reply with the age as a number, for example 34.",
    ),
    "walk": Prompt(
        AnswerKind.YES_NO,
        voice="Can {they} get up and walk?",
        reask="Are {they} able to stand up and walk a few steps on {their} own?",
        text="Can {they} get up and walk? Reply 1 for yes, 2 for no.",
        keypad=YES_NO_KEYPAD,
        text_keypad=YES_NO_TEXT_KEYPAD,
        keywords=(r"walk\w*", r"stand\w*", r"get up", r"on (his|her|their|my) feet"),
        no_phrases=(r"too (young|small|little) to walk", r"(a )?baby"),
    ),
    "breathing": Prompt(
        AnswerKind.YES_NO,
        voice="Look at {their} chest. Are {they} breathing normally?",
        reask="Can you see {their} chest rise and fall, or feel breath on your cheek?",
        text="Are {they} breathing? Reply 1 for yes, 2 for no.",
        keypad=YES_NO_KEYPAD,
        text_keypad=YES_NO_TEXT_KEYPAD,
        keywords=(r"breath\w*", r"chest (is )?(moving|going up|rising)"),
    ),
    "reposition": Prompt(
        AnswerKind.YES_NO,
        voice="Open the airway: gently tilt {their} head back and lift the chin with two fingers. Are {they} breathing now?",
        reask="Keep the head tilted back. Look and listen for ten seconds. Is {their} chest moving now?",
        text="Tilt {their} head back and lift the chin. Are {they} breathing now? Reply 1 for yes, 2 for no.",
        keypad=YES_NO_KEYPAD,
        text_keypad=YES_NO_TEXT_KEYPAD,
        keywords=(r"breath\w*", r"chest (is )?(moving|going up|rising)"),
    ),
    "pulse": Prompt(
        AnswerKind.YES_NO,
        voice="Feel for a pulse with two fingers on the inside of {their} upper arm or at the wrist. Can you feel a pulse?",
        reask="Press gently with two fingers on the inside of the arm above the elbow, for ten seconds. Do you feel a beat?",
        text="Feel for a pulse on the inside of {their} upper arm or wrist. Can you feel one? Reply 1 for yes, 2 for no.",
        keypad=YES_NO_KEYPAD,
        text_keypad=YES_NO_TEXT_KEYPAD,
        keywords=(r"pulse", r"beat\w*", r"heartbeat", r"feel it"),
    ),
    "rescue_breaths": Prompt(
        AnswerKind.YES_NO,
        voice=(
            "Give 5 rescue breaths: keep the head tilted back, cover the mouth and nose with your mouth, "
            "and breathe out gently until the chest rises, 5 times. Is the child breathing now?"
        ),
        reask="After the 5 breaths, look at the chest. Is the child breathing on their own now?",
        text=(
            "Give 5 rescue breaths: head tilted back, your mouth over the mouth and nose, breathe gently "
            "until the chest rises. Is the child breathing now? Reply 1 for yes, 2 for no."
        ),
        keypad=YES_NO_KEYPAD,
        text_keypad=YES_NO_TEXT_KEYPAD,
        keywords=(r"breath\w*", r"chest (is )?(moving|going up|rising)"),
    ),
    "resp_count": Prompt(
        AnswerKind.NUMBER,
        voice="Stop. How many breaths did you count?",
        reask="Stop. How many breaths did you count this time?",
        text="Count {own} breaths for 15 seconds (one rise of the chest is one breath), then reply with the number.",
        text_reask="Please count {own} breaths again for 15 seconds and reply with the number, for example 8.",
        keypad="Type the number of breaths on your keypad.",
        text_keypad="Please reply with the number of breaths as digits, for example 8.",
    ),
    "perfusion": Prompt(
        AnswerKind.YES_NO,
        voice=(
            "Press firmly on one of {own} fingernails for 2 seconds, then let go. "
            "Now, does the pink colour come back within 2 seconds?"
        ),
        reask="When you let go of the fingernail, does it turn pink again quickly, in 2 seconds or less?",
        text=(
            "Press one of {own} fingernails for 2 seconds, then let go. Does the pink colour come back "
            "within 2 seconds? Reply 1 for yes, 2 for no."
        ),
        keypad=YES_NO_KEYPAD,
        text_keypad=YES_NO_TEXT_KEYPAD,
        keywords=(r"came back", r"comes back", r"come back", r"pink", r"quick\w*", r"fast"),
        yes_phrases=(r"turn\w* pink", r"straight away", r"right away", r"immediately"),
        no_phrases=(r"stay\w* (white|pale)", r"still (white|pale)", r"slow\w*", r"(took|takes|taking) (long|a while|time)",
                    r"more than (2|two) seconds"),
    ),
    "commands": Prompt(
        AnswerKind.YES_NO,
        voice="Ask {them} to squeeze your hand, or to open and close {their} eyes. Can {they} do it?",
        reask="When you speak to {them}, can {they} do a simple thing you ask, like squeezing your hand?",
        text="Ask {them} to squeeze your hand. Can {they} do it? Reply 1 for yes, 2 for no.",
        keypad=YES_NO_KEYPAD,
        text_keypad=YES_NO_TEXT_KEYPAD,
        keywords=(r"squeez\w*", r"follow\w*", r"respond\w*", r"open\w* (his|her|their) eyes", r"did it", r"does it",
                  r"can do it", r"understand\w*"),
    ),
    "avpu": Prompt(
        AnswerKind.CHOICE,
        voice=(
            "Which is closest: the child is awake and looking at you; or wakes only when you call; "
            "or only pulls away when you pinch; or does not respond at all, or goes stiff?"
        ),
        reask="Is the child awake? If not, do they respond to your voice, or to a pinch, or not at all?",
        text="Is the child: 1 awake, 2 responds to your voice, 3 pulls away from a pinch, 4 no response or goes stiff? Reply 1-4.",
        text_reask="Is the child awake (1), responding to your voice (2), only to a pinch (3), or not at all (4)? Reply 1-4.",
        keypad="Press 1 for awake, 2 for responds to your voice, 3 for pulls away from a pinch, or 4 for no response.",
        text_keypad="Please reply 1, 2, 3 or 4.",
        choices=("alert", "voice", "pain", "unresponsive"),
    ),
    "duration": Prompt(
        AnswerKind.FREE,
        voice="How long has this been going on?",
        reask="When did it start? For example, today, yesterday, or three days ago.",
        text="How long has this been going on?",
    ),
    "severity": Prompt(
        AnswerKind.NUMBER,
        voice="On a scale of 1 to 10, where 10 is the worst, how bad is it?",
        reask="Please give a number from 1, very mild, to 10, the worst possible.",
        text="How bad is it, from 1 (mild) to 10 (worst)? Reply with a number.",
        keypad="You can press a number from 1 to 9, or 1 0 for ten.",
        text_keypad="Please reply with a number from 1 to 10.",
    ),
    "medications": Prompt(
        AnswerKind.FREE,
        voice="Are {they} taking any medicines? Tell me their names, or say none.",
        reask="Do {they} take any tablets, syrups or injections? Say their names, or say none.",
        text="Any medicines {they} take? Reply with the names, or NONE.",
    ),
    "allergies": Prompt(
        AnswerKind.FREE,
        voice="Are {they} allergic to any medicines? Say which ones, or say none.",
        reask="Has any medicine ever given {them} a bad reaction? Say which, or say none.",
        text="Any allergies to medicines? Reply with the names, or NONE.",
    ),
    "photo": Prompt(
        AnswerKind.YES_NO,
        voice="May we send you a text message with a link to send a photo, for example of a wound or a rash?",
        reask="Can we text you a link, so you can send us a photo if that helps? Yes or no?",
        text="May we text you a link to send a photo (e.g. of a wound or rash)? Reply 1 for yes, 2 for no.",
        keypad=YES_NO_KEYPAD,
        text_keypad=YES_NO_TEXT_KEYPAD,
        keywords=(r"send", r"text me"),
        consent=True,
    ),
}

DISCLAIMER_VOICE = (
    "Hello, this is the triage line. I am an automated assistant, not a doctor, and this is not medical "
    "advice. If someone is in danger right now, hang up and call {number}."
)
DISCLAIMER_TEXT = "Triage line: automated, not a doctor, not medical advice. In danger now? Call {number}."

COUNT_START_VOICE = (
    "I will time 15 seconds. Watch {own} chest and count each breath: in and out is one. Start counting now."
)
COUNT_AGAIN_VOICE = "Let's count once more."
COUNT_START_SELF_VOICE = (
    "I will time 15 seconds. Count your own breaths, quietly: in and out is one. Start counting now."
)

ASSUMED_VOICE = "I could not tell, so to be safe I will take the more serious answer."
ASSUMED_TEXT = "No clear answer, so to be safe we assume the more serious one."

EMERGENCY_VOICE = "This needs emergency help now. Hang up and call {number} now.{note} {advice}"
EMERGENCY_TEXT = "EMERGENCY: call {number} now.{note} {advice}"
RED_ADVICE = (
    "Stay with {them} and keep {them} warm. If {they} stop breathing, start pushing hard and fast on the "
    "middle of the chest."
)
# CPR, fitted to the age group (Resuscitation Council UK / ERC basic life support for lay rescuers): an
# infant (under 1) gets breaths over mouth and nose and two-finger pushes 4 cm deep; a child (1 to 11) 5
# rescue breaths first, then 30 pushes a third of the chest deep and 2 breaths; an adult hands-only CPR.
CPR_CALL_VOICE = "Hang up and call {number} now, and put the phone on speaker.{note}"
CPR_ADULT_VOICE = (
    "Kneel beside {them}, put the heel of your hand on the middle of the chest, your other hand on top, and push "
    "down hard and fast, about twice a second. Keep going until help arrives or {they} start breathing normally."
)
CPR_CHILD_VOICE = (
    "Lay the child on their back, tilt the head back and lift the chin. Pinch the nose, cover the mouth with your "
    "mouth, and give 5 rescue breaths. Then push down on the middle of the chest with the heel of one hand, a third "
    "of its depth, 30 times, fast, about twice a second. Then 2 breaths and 30 pushes, again and again, until help "
    "arrives or the child breathes normally."
)
CPR_INFANT_VOICE = (
    "Lay the baby on their back on a firm surface, with the head level. Cover the baby's mouth and nose with your "
    "mouth and give 5 gentle rescue breaths. Then push down on the middle of the chest with two fingers, about 4 "
    "centimetres, 30 times, fast, about twice a second. Then 2 gentle breaths and 30 pushes, again and again, until "
    "help arrives or the baby breathes normally."
)
CPR_TEXT = (
    "EMERGENCY: call {number} now.{note} {lead}Push hard and fast on the middle of the chest, about twice a second, "
    "until help arrives or {they} breathe normally."
)
CPR_CHILD_TEXT = (
    "EMERGENCY: call {number} now.{note} {lead}Give 5 rescue breaths, then 30 pushes on the middle of the chest "
    "(heel of one hand, a third of its depth, twice a second), then 2 breaths and 30 pushes, again and again, until "
    "help arrives or the child breathes normally."
)
CPR_INFANT_TEXT = (
    "EMERGENCY: call {number} now.{note} {lead}Baby on its back, head level: 5 gentle breaths over mouth and nose, "
    "then 30 pushes with two fingers on the middle of the chest (4 cm, twice a second), then 2 breaths and 30 "
    "pushes, again and again, until help arrives or the baby breathes normally."
)
CPR_VOICE_BODY = {"adult": CPR_ADULT_VOICE, "child": CPR_CHILD_VOICE, "infant": CPR_INFANT_VOICE}
CPR_TEXT_BY_AGE = {"adult": CPR_TEXT, "child": CPR_CHILD_TEXT, "infant": CPR_INFANT_TEXT}
# Said before the CPR when the caller did not say plainly that the patient is not breathing.
CPR_LEAD_AGONAL = "Gasping or snoring like this is not normal breathing. "
CPR_LEAD_UNSURE = "If {they} do not respond and you are not sure {they} are breathing normally, start CPR. "
EMERGENCY_FOOTER = "A health worker will also see this case. This is not medical advice."

CLOSING_VOICE = (
    "Thank you. A health worker will review this and contact you on this number.{photo} If things get worse, "
    "for example trouble breathing, chest pain, heavy bleeding or fainting, call {number} straight away. "
    "Remember, I am not a doctor and this is not medical advice. Goodbye."
)
CLOSING_TEXT = (
    "Thank you. A health worker will review this and contact you.{photo} If it gets worse (trouble breathing, "
    "chest pain, heavy bleeding, fainting), call {number}. Not a doctor, not medical advice."
)
PHOTO_LINE = " We will text you a link to send a photo."
NO_ANSWER_VOICE = (
    "I could not get an answer from you, so I will end this call now. A health worker will call you back on this "
    "number soon. If anyone is in danger, call {number} now.{note} I am not a doctor and this is not medical advice."
)
NO_ANSWER_TEXT = (
    "We could not get an answer, so this conversation has ended. A health worker will call you back on this number "
    "soon. In danger now? Call {number}.{note} Not a doctor, not medical advice."
)
ENDED_TEXT = "This conversation has ended. If it is an emergency, call {number}."

TEXT_REPLY_HINT = {
    "yes_no": " Reply 1 for yes, 2 for no.",
    "number": " Reply with a number.",
    "free": "",
}

SELF_WORDS = {"they": "you", "them": "you", "their": "your", "own": "your own"}
OTHER_WORDS = {"they": "they", "them": "them", "their": "their", "own": "their"}


def question_text(prompt_id: str, who: str | None) -> str | None:
    """How the voice asks `prompt_id`, worded for the patient or a bystander (for transcripts); None if unknown."""
    prompt = PROMPTS.get(prompt_id)
    if prompt is None:
        return None
    try:
        return prompt.voice.format(**words_for(who))
    except (KeyError, IndexError):  # a placeholder only the dialogue fills (a number): the question as written
        return prompt.voice


def words_for(who: str | None) -> dict[str, str]:
    """Pronouns for the prompts: "you" when the caller is the patient, otherwise "they"."""
    return SELF_WORDS if who == "self" else OTHER_WORDS
