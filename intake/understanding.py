"""What a caller meant: yes/no, numbers, ages, durations, from messy ASR text or an SMS body."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

YesNo = Literal["yes", "no", "unsure"]
Avpu = Literal["alert", "voice", "pain", "unresponsive"]

# The Scots spelling of an auxiliary before its "nae" ("wisnae", "dinnae", "hivnae"), as the English one.
_SCOTS_AUX = {"wid": "would", "dis": "does", "din": "do", "wis": "was", "wur": "were", "hae": "have", "hiv": "have",
              "huv": "have", "wull": "will", "win": "will"}
_CONTRACTIONS = [
    (r"\bcan't\b|\bcannot\b", "can not"),
    (r"\bwon't\b", "will not"),
    (r"\bain't\b", "is not"),
    (r"n't\b", " not"),
    # Scots, Ulster and Northern English negatives, one word as "can't" is: "he cannae get up", "she disnae wake",
    # "he wisnae breathing", "I dinna ken". Read as the two words, or "get up" after "cannae" is a yes.
    (r"\b(can|could|would|wid|should|did|does|dis|do|din|is|was|wis|were|wur|are|am|has|have|hae|hiv|huv|had|"
     r"will|wull|win|must)(?:nae|nay)\b", lambda m: f"{_SCOTS_AUX.get(m.group(1), m.group(1))} not"),
    (r"\b(can|could|would|wid|should|did|does|dis|din|is|was|wis|will|win|has|had)na\b",
     lambda m: f"{_SCOTS_AUX.get(m.group(1), m.group(1))} not"),
    (r"\b(do|does|did) not ken\b", r"\1 not know"),  # "I dinnae ken": I don't know
    (r"\b(he|she|it|that|there|what|who|this)'s\b", r"\1 is"),
    (r"'re\b", " are"),
    (r"\bi'm\b", "i am"),
    (r"'ll\b", " will"),
    (r"'ve\b", " have"),
    (r"'d\b", " would"),
]
# Letters callers type with marks ("khó thở", "li pa ka respire" as "Kreyòl", "māmā", "não", Twi "ɛyɛ me ya") read
# as the plain letters most people type on a phone, rather than cut out and the word split in two.
# Turkish dotless ı ("hayır") and Polish ł have no decomposition either.
_PLAIN_LETTERS = str.maketrans({"ɛ": "e", "ɔ": "o", "đ": "d", "ŋ": "ng", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss",
                                "ı": "i", "ł": "l"})


def _plain_letters(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_PLAIN_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# A unit typed onto its number, as people text and Whisper sometimes writes: "in 30secs", "1min", "18mths", "3yrs", "7yo".
_GLUED_UNIT = re.compile(r"(?<=\d)(?=(?:secs?|seconds?|mins?|minutes?|hrs?|hours?|days?|wks?|weeks?|mths?|mos?|months?|"
                         r"yrs?|years?|yo|y ?o)\b)")


def normalize(text: str) -> str:
    """Lower case, marks on letters folded, contractions spelled out, punctuation gone except clause breaks."""
    t = _plain_letters((text or "").lower()).replace("\u2019", "'").replace("\u2018", "'")
    for pattern, repl in _CONTRACTIONS:
        t = re.sub(pattern, repl, t)
    t = re.sub(r"(?<=\d)[-/](?=\d)", " ", t)  # "9-10", "7/10"
    t = re.sub(r"/ ?(min|minute)\b", " per minute", t)  # "24/min": a rate, not 24 minutes
    t = _GLUED_UNIT.sub(" ", t)  # "30secs", "1min", "18mths", "7yo": the number and its unit, typed as one word
    t = re.sub(r"\b[a-z](?:[-.][a-z]){3,}\b\.?", lambda m: re.sub(r"[-.]", "", m.group()), t)  # "c-o-d-e-i-n-e" spelled out
    t = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", t)  # "twenty-two", "uh-huh"
    t = re.sub(r"[^a-z0-9,.;?! ]+", " ", t)
    t = re.sub(r"(?<!\d)\.|\.(?!\d)", " . ", t)
    t = re.sub(r"([,;?!])", r" \1 ", t)
    return re.sub(r"\s+", " ", t).strip()


# A transcriber's mark for sound it could not write as words ("[inaudible]", "[BLANK_AUDIO]", "(unintelligible)",
# "<noise>", "*static*"): the caller's words are not in it, so it answers nothing. Only a bracketed mark whose words are
# all about the sound is one; "(he's 5)" in a text keeps its words. An optional timecode may follow ("[inaudible 00:12]").
_NOISE_WORDS = (r"inaudible|unintelligible|indistinct|incomprehensible|unclear|garbled|muffled|static|noises?|"
                r"(background|line) noise|silence|silent|blank[ _]audio|blank|no[ _]speech|nospeech|music|cross ?talk|"
                r"interference|distortion|distorted|crackl(e|es|ing)|hiss(ing)?|beep(s|ing)?|dial tone|"
                r"(line )?(breaks|breaking|cuts|cutting) (up|out)|foreign( language)?|unk|wind|traffic|feedback|echo|"
                r"buzz(ing)?|hum(ming)?|inaudible speech")
_NOISE_TAG = re.compile(rf"[\[(<*]\s*(?:(?:{_NOISE_WORDS})[\s_-]*)+[\d:.,\s]*[\])>*]", re.IGNORECASE)


def without_noise_tags(text: str) -> str:
    """The text with a transcriber's noise marks taken out; a text of marks alone is empty (no answer at all).

    A mark between words stands for words lost ("he is [inaudible] breathing" may have been "not"): it is read as
    doubt, so the answer is asked again and never taken on the milder side.
    """
    t = _NOISE_TAG.sub("\0", text or "")
    t = re.sub(r"^[\s\0]+|[\s\0]+$", "", t)
    return re.sub(r"\s+", " ", re.sub(r"\s*\0[\s\0]*", " , unsure , ", t)).strip()


def words(text: str) -> list[str]:
    """Normalized tokens without punctuation."""
    return [w for w in normalize(text).split() if w not in {",", ".", ";", "?", "!"}]


def asr_loop(text: str, times: int = 4) -> bool:
    """Whether the text is one word or two-word phrase said over and over: Whisper's repetition loop.

    Given a short "two" on a phone line, tiny.en wrote "Yeah, yeah, yeah, yeah, yeah, yeah.": such a
    text is no answer (a caller who really says "no, no, no, no" is simply asked again).
    """
    toks = words(text)
    for size in (1, 2):
        grams = [tuple(toks[i:i + size]) for i in range(0, len(toks) - size + 1, size)]
        if len(grams) >= times and len(toks) % size == 0 and len(set(grams)) == 1:
            return True
    return False


# --- yes / no ------------------------------------------------------------

_NEG_HEDGES = [
    r"i do not think so", r"do not think so", r"i doubt it", r"not really", r"not at all", r"no way",
    r"i do not believe so", r"not that i can (see|tell)", r"i do not think (he|she|they|it) (is|are|can|does|do)",
    r"probably not", r"i think not", r"not yet", r"uh uh", r"nuh uh",
]
_UNSURE = [
    r"not sure", r"unsure", r"do not know", r"dunno", r"no idea", r"can not tell", r"hard to (say|tell)",
    r"not certain", r"maybe", r"i am confused", r"what do you mean", r"pardon", r"repeat", r"say (that )?again",
    # Nigerian Pidgin's "I don't know": "I no know", "I no sabi", "I no too sure", "we no fit tell". Its "no" is the
    # negator of the verb after it, not an answer: read as a plain no, it took the milder branch of a screen.
    # The Creoles' negators too: Jamaican "mi nuh sure" (read as a yes: "sure"), Trinidad "I doh know", and Tok Pisin's and
    # Bislama's "mi no save" (I don't know; read as a plain no), said alone: "mi no save wokabaut" is "I can't walk".
    r"(?:i|we|me i|me|mi|wi) (?:no|nuh|na|nah|doh|duh|is not|neva) (?:too |dey |really |even )?"
    r"(?:know|sabi|sure|fit (?:tell|know|talk|say|see))|(?:i|me|mi|yu|you|mipela|yumi) no save(?= ?[,.;?!]|$)|(?:nuh|nah) (?:too |really )?(?:sure|know)",
    # What was seen asked back: "he moved his fingers, is that squeezing?", "does that count?" is no answer yet.
    r"(is|was|does|did|would|will|could) (that|this|it) (be )?(count( as \w+)?|counts|\w+ing|a \w+|what you mean)( \w+){0,2}(?= \?)",
    # Not tried yet: "he says he could walk but he hasn't tried" says nothing of what he can do now.
    r"(has|have|had|did|does|do) not (tried|try|tested|test)( it| yet| to)?|not (tried|tested)( it)? yet|(never|not even) tried",
]
_YES_WORDS = {
    "yes", "yeah", "yea", "yep", "yup", "ya", "yah", "aye", "sure", "correct", "affirmative", "absolutely",
    "definitely", "indeed",
}
# A yes or a no in the caller's other language ("ndiyo", "aiwa", "tak") is glossed before this reader sees it:
# intake/yes_no_words.py, which knows the words that answer differently by country.
_YES_PHRASES = [r"uh huh", r"mm hmm", r"mhm+", r"i think so", r"i believe so", r"that is right", r"of course"]
# A fall told after an attempt is what came of it (the attempt's own verbs are bare: "to stand"). A walk told so ("he
# tried and he walked to the car") stays the attempt, asked again (tests/intake/test_intake_start_answers_sa.py).
_PAST_OUTCOME = (r"(?:went (?:straight |right )?(?:back )?down|fell|sank|collapsed|slid|slumped|dropped|crumpled|buckled|"
                 r"gave way|keeled over)")
# What the caller asked the patient to do is not what the patient did: "I told him to squeeze my hand".
_REPORTED_REQUEST = [r"(i |we )?(tell|told|telling|ask|asked|asking|say|said|saying|tried|try|trying)( to)?( get)? "
                     r"(him|her|them|the (patient|baby|child|man|woman|boy|girl))( to)? \w+( up| down| out)?"
                     r"( (my|your|his|her|their|the) (hand|hands|finger|fingers|eyes|arm|arms|leg|legs|tongue))?"
                     r"( and (walk|stand|move|squeeze|open|lift|come|go)\w*)?",
                     # The instruction quoted with no one named: "I said squeeze my hand, he didn't".
                     r"(i |we )?(tell|told|telling|ask|asked|asking|say|said|saying|shout\w*|go|went)( to)? "
                     r"(squeeze|grip|hold|open|lift|raise|move|wiggle|stick|show|blink|look|touch|press|push)"
                     r"( (out|up|at|me))?( (my|your|his|her|their|the) (hand|hands|finger|fingers|eyes|arm|arms|leg|legs|"
                     r"tongue|toes))?",
                     # An attempt is not the deed: "he tried to stand up but ...", "we tried to help him up to walk".
                     # What came of it (a fall, legs giving way, or "and he walked") is said after a break, a "but",
                     # or an "and" that tells a fall ("she tried to stand and went straight back down"); "tried to get
                     # up and walk" is still the attempt.
                     r"(?<!not )(?<!never )(tried|tries|try|trying|attempted|attempts|attempting)\b"
                     r"(?:(?! but\b)(?! and (?:then |just |(?:he|she|they|it|we|i) )?" + _PAST_OUTCOME + r"\b)[^,.;?!])*"]
# Said to mean "that is easy", not to deny: "yes he can walk, no problem". Neither a yes nor a no by itself, so
# "no problem" alone is asked again; beside a yes it no longer turns the answer into a doubt.
_NOT_A_DENIAL = [r"no (problem|problems|probs|prob|worries|worry|bother|trouble|issue|issues|wahala|stress|biggie|sweat)",
                 r"not a (problem|bother|worry)", r"hakuna (shida|matata|tabu)", r"walang problema"]
_NO_WORDS = {"no", "nope", "nah", "naw", "negative", "never"}  # "naw": Scots, Irish, Southern US
# After a yes, a later "no" that denies some other thing ("yes, breathing normal, no attack today", "yes man, no
# wheezing", Pidgin "yes e dey waka, e no knock out") is no second answer: the caller rules out a sign the line might
# fear. A "no" before a person ("no he can't"), a break ("yes, no"), or a word of ability or change ("no strength",
# Pidgin "e no fit") still answers, and the answer stays a doubt.
_DENIES_SOMETHING_ELSE = re.compile(
    r"\bno (?!(?:he|she|they|it|i|we|you|him|her|them|not|no|never|sir|madam|maam|ma|o|oh|po|man|mate|way|chance|"
    r"strength|power|energy|movement|moving|move|response|reaction|feeling|longer|more|better|change|sign|signs|"
    r"improvement|fit|can|cannot|able|sabi|dey|go|get|fit)\b)[a-z]")
# Nigerian Pidgin's and learner English's "no" before a verb, after its subject ("she no dey hear me", "my papa no fit
# talk", "he no talk again"): it negates that clause, it does not answer the question. After a "yes" it is what the
# yes reports ("yes o, she no dey hear me"); alone it is the answer's no ("e no fit waka").
_CLAUSE_NEGATOR = re.compile(r"(?:\b(?:i|he|she|we|they|you|e|im|him|her|dem|una|it|pikin|baby|person)|"
                             r"\b(?:my|di|de|the|him|her|his|our|your|their|dis|this|that|una) \w+) no$")
_VERB_AFTER = re.compile(r" (?!(?:one|problem|problems|wahala|worries|more|longer|no|sir|ma|madam|o|oh|jare|biko|abeg)\b)[a-z]")
_CONSENT_YES = {"ok", "okay", "alright", "please", "fine"}
# "too weak to walk"; Nigerian English "talkless of" (let alone): "she no fit stand up talkless of waka"
_NEGATORS = {"not", "no", "never", "unable", "stopped", "without", "neither", "nor", "too", "talkless"}
_CLAUSE_BREAK = re.compile(r"[,.;?!]|\bbut\b")
_AUX = r"(he|she|they|it|i|we|you) (is|are|was|were|am|can|could|does|do|did|has|have|will)"
_SHORT_NO = re.compile(rf"^(no )?{_AUX} not$")  # "he isn't", "she can't": a whole answer
_SHORT_YES = re.compile(rf"^(yes )?{_AUX}$")  # "he is", "she can"
# "No, I get dizzy when I stand", "if he tries to walk he falls", "dizzy standing up": the question's word as the
# condition of what is told is not the answer.
_CONDITION = re.compile(r"\b(?:(?:when|whenever|while|if|every time|each time|as soon as|once)(?: \w+){0,3}|"
                        r"dizzy|giddy|faint|light ?headed|wobbly|breathless|hurts?|pain)$")


# "Not he walks through the café" (Whisper for "ja, he walked to the café"): a denial just before a subject of its own,
# then the question's word said plainly, is neither answer (a yes and a no heard in one breath); the dialogue asks again.
_DENIAL_THEN_SUBJECT = re.compile(r"(?:^|[,.;?!] ?)(?:not|no) (?:he|she|they|i|we) (?!(?:\w+ )?(?:not|never)\b)(?:\w+ ){0,2}$")


# A caller correcting themselves: the answer after it replaces the one before.
_SELF_CORRECTION = re.compile(r"\b(no wait|wait|sorry|i mean|actually|correction|scratch that|my mistake|"
                              r"let me correct( that| myself)?)\b")


def self_corrected(text: str) -> bool:
    """Whether the caller corrects themselves in the answer ("none... wait, there is her BP strip"): the first words
    are not the answer."""
    return _SELF_CORRECTION.search(normalize(text)) is not None


# A doubt the caller settles aloud with a doubled no: "maybe a little? no, no, nothing", "I think maybe... no. No,
# nothing." The no said twice after a break is the answer, as after "wait" or "sorry"; a single no is still read with
# the doubt beside it (asked again).
_DOUBLED_NO = re.compile(r"(?<=[?.,!;] )no (?:[,.!;] )?no\b")
# ... and so is a yes said twice after a no and a break, the way a panicking caller takes a no back: "No... yes, yes, she
# fainted", "no. yes yes, he is".
_DOUBLED_YES = re.compile(r"(?<=[?.,!;] )(?:yes|yeah|yep|haan|han ji) (?:[,.!;] )?(?:yes|yeah|yep|haan)\b")


# What is so now, said after what was so before or as a habit: "he walks a little normally but now he doesn't move",
# "she was breathing but now she isn't". START asks about now: the words after it answer, when they do by themselves.
_BUT_NOW = re.compile(r"\bbut (?:right )?now\b(?! that\b)")


def _settled_from(t: str) -> int | None:
    """Where the caller's own last correction of the answer begins (its words after "wait", its doubled no or yes, after
    "but now"); None when they made none."""
    points = _settle_points(t)
    return points[0] if points else None


def _settle_points(t: str) -> list[int]:
    """Every place a correction of the answer begins, the last first: a trailing "sorry" is an apology after the
    corrected answer ("No... yes, yes, she fainted, sorry"), so the one before it is read when it answers."""
    points = [m.end() for p in (_SELF_CORRECTION, _BUT_NOW) for m in p.finditer(t)] + \
        [m.start() for p in (_DOUBLED_NO, _DOUBLED_YES) for m in p.finditer(t)]
    return sorted(set(points), reverse=True)


# What the caller found with their own hands or eyes: nothing. Not "nothing wrong" (a finding of no harm).
_NOTHING_FOUND = (r"\b(?:i|we) (?:did not|do not|can not|could not|cannot) (?:feel|see|hear|find|notice) "
                  r"(?:anything|a thing|it|any squeeze|any pulse|any beat)\b(?! (?:wrong|bad|strange|unusual|else|odd|broken|"
                  r"out of place|serious))")

# The patient's own words, reported: "she said she can't" is her no.
_REPORTING = re.compile(r"^((he|she|they) )?(says|said|tells me|told me|keeps saying|is saying)( that)? ")


def negated(t: str, start: int, window: int = 4) -> bool:
    """Whether a negator stands in the same clause, at most `window` words before position `start`."""
    clause = _CLAUSE_BREAK.split(t[:start])[-1]
    return any(w in _NEGATORS for w in clause.split()[-window:])


def _spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"\b(?:{pattern})\b", text)]


# Nothing but a hedge, and the yes it hedges: "yes, I think so", "um, maybe", "I think so... hang on". Said before the
# question's own firm finding ("..., yes, I can feel it"), it is the caller feeling for it, and the finding settles it.
# A no, a "can't tell" or any other word before the finding is not this: the answer stays as said (a doubt, asked again).
_HEDGE_ONLY = re.compile(
    r"^(?:(?:yes|yeah|yep|yup|um+|uh+|er+|erm|hmm+|ok|okay|i think so|i think|i believe so|i guess(?: so)?|"
    r"i suppose(?: so)?|probably|maybe|perhaps|hang on|hold on|wait|let me (?:see|check|feel)|one (?:second|moment|sec)|"
    r"i (?:think|guess|believe) i (?:can |could )?(?:feel|felt|found) (?:it|one|something))"
    r"(?: ?[,.;?!])* ?)+$")
_A_HEDGE = re.compile(r"\b(?:i think|i believe so|i guess|i suppose|probably|maybe|perhaps)\b")
_YES_FIRST = re.compile(r"^(?:yes|yeah|yep|yup)\b")


def _hedge_then_confirmed(t: str, confirmations: tuple[str, ...], **question) -> bool:
    """Whether a hedge, and only a hedge, comes before a yes and the question's own firm finding, said after a break,
    which read from there by itself is a plain yes: "yes, I think so, yes, I can feel it", "maybe... yes, it's there".
    Without the yes ("maybe, it's there") the finding may still be the hedge's, and the answer stays a doubt."""
    found = "|".join(confirmations)
    # The yes may come first instead: "yes, I think I feel it, it's there" (said, doubted, then found).
    for pattern, yes_first in ((rf"(?<=[,.;?!] )(?:yes|yeah|yep|yup) (?:[,.!;] )?(?:{found})\b", False),
                               (rf"(?<=[,.;?!] )(?:{found})\b", True)):
        for m in re.finditer(pattern, t):
            before = t[:m.start()]
            if (_HEDGE_ONLY.match(before) and _A_HEDGE.search(before) and (not yes_first or _YES_FIRST.match(before))
                    and parse_yes_no(t[m.start():], **question) == "yes"):
                return True
    return False


def parse_yes_no(text: str, *, keywords: tuple[str, ...] = (), yes_phrases: tuple[str, ...] = (),
                 no_phrases: tuple[str, ...] = (), unsure_phrases: tuple[str, ...] = (),
                 consent: bool = False, confirmations: tuple[str, ...] = ()) -> YesNo | None:
    """yes / no / unsure from an answer; None when nothing in it answers the question.

    A keyword of the question said plainly is a yes, said with a negator just before it a no. An
    answer holding both a yes and a no, or a doubt beside either ("I can't tell if he's breathing"),
    is "unsure": guessing here could pick the milder branch. A bare "he can't" / "she is" answers too.
    `unsure_phrases` are the question's own doubts: "he usually walks" says nothing of now. `confirmations` are the
    question's firm findings of the caller's own ("I can feel it"): after nothing but a hedge they are the answer.
    """
    t = normalize(text)
    if not t:
        return None
    for settled in _settle_points(t):
        # "No he can't, wait, yes, he just squeezed my hand": what follows the caller's own correction is the answer,
        # when it is a clear one by itself; otherwise the whole answer is read as said.
        later = parse_yes_no(t[settled:], keywords=keywords, yes_phrases=yes_phrases,
                             no_phrases=no_phrases, unsure_phrases=unsure_phrases, consent=consent) if settled else None
        if later in ("yes", "no"):
            return later
    if confirmations and _hedge_then_confirmed(t, confirmations, keywords=keywords, yes_phrases=yes_phrases,
                                               no_phrases=no_phrases, unsure_phrases=unsure_phrases, consent=consent):
        return "yes"
    bare = " ".join(words(t))
    if _SHORT_NO.match(bare):
        return "no"
    if _SHORT_YES.match(bare):
        return "yes"
    cues: list[tuple[int, YesNo]] = []
    taken: list[tuple[int, int]] = []

    def add(spans: list[tuple[int, int]], value: YesNo) -> None:
        for s, e in spans:
            if not any(s < te and ts < e for ts, te in taken):
                taken.append((s, e))
                cues.append((s, value))

    for p in _NOT_A_DENIAL + _REPORTED_REQUEST:
        taken.extend(_spans(p, t))
    # "she did, and gave out to me for calling": the question's verb echoed as the first clause answers it; a short
    # no anywhere answers too, and so does the patient's own ("I asked her to walk, she said she can't").
    first = _CLAUSE_BREAK.split(t)[0].strip()
    if first != t.strip() and (_SHORT_YES.match(first) or _SHORT_NO.match(first)):
        add([(0, len(first))], "no" if _SHORT_NO.match(first) else "yes")
    for m in re.finditer(r"[^,.;?!]+", t):
        clause = _REPORTING.sub("", " ".join(words(m.group())))
        if clause != t.strip() and _SHORT_NO.match(clause):
            add([m.span()], "no")
    for p in no_phrases:
        add(_spans(p, t), "no")
    # The caller's own finding of nothing beside a yes relayed from someone else ("my cousin says she did squeeze, but I
    # didn't feel anything"): a no of their own, so the answer holds both and is asked again.
    add(_spans(_NOTHING_FOUND, t), "no")
    for p in yes_phrases:
        add(_spans(p, t), "yes")
    for p in _NEG_HEDGES:
        add(_spans(p, t), "no")
    for p in (*_UNSURE, *unsure_phrases):
        add(_spans(p, t), "unsure")
    for p in _YES_PHRASES:
        add(_spans(p, t), "yes")
    for kw in keywords:
        for s, e in _spans(kw, t):
            if not _CONDITION.search(_CLAUSE_BREAK.split(t[:s])[-1].rstrip()):
                add([(s, e)], "unsure" if _DENIAL_THEN_SUBJECT.search(t, 0, s) else "no" if negated(t, s) else "yes")
    yes_words = _YES_WORDS | (_CONSENT_YES if consent else set())
    clause_negators = []
    for m in re.finditer(r"[a-z]+", t):
        if m.group() in yes_words:
            add([m.span()], "yes")
        elif m.group() == "no" and _CLAUSE_NEGATOR.search(t, 0, m.end()) and _VERB_AFTER.match(t, m.end()):
            clause_negators.append(m.span())
        elif m.group() in _NO_WORDS:
            add([m.span()], "no")
    if not cues:
        # "e no fit waka", "she no dey shake": with nothing else said, the clause's own no is the answer
        add(clause_negators, "no")
    if not cues:
        return None
    if min(cues)[1] == "yes":
        asides = {m.start() for m in _DENIES_SOMETHING_ELSE.finditer(t)}
        cues = [(s, v) for s, v in cues if not (v == "no" and s in asides)]
    values = {value for _, value in cues}
    if {"yes", "no"} <= values or ("unsure" in values and len(values) > 1):
        # "No, she has to reach to walk" (ASR for "too weak to walk"): a yes and a no in one answer is
        # not ours to resolve; the dialogue re-asks and, if still unclear, takes the urgent branch.
        return "unsure"
    return max(cues)[1]


# --- breathing -----------------------------------------------------------

Breathing = Literal["yes", "no", "agonal", "unsure"]

# Breathing that is no breathing: agonal gasps and the noises of a blocked airway, in lay words. In someone
# who cannot be woken, these mean cardiac arrest: reposition, then CPR, never breathing-difficulty advice.
_AGONAL = (
    r"(occasional|odd|few|rare|irregular|random|the odd|the occasional|just the odd|one or two|a few) "
    r"(breaths?|gasps?|gulps?)|"
    r"gasp\w* (now and then|every now and then|once in a while|occasionally|sometimes|from time to time|"
    r"here and there|every so often|every (few|couple of|so many|\w+) (seconds|minutes))|"
    r"(only|just|only the odd|just the odd) (gasp\w*|gulp\w*)|"
    r"snor\w*|gurgl\w*|rattl\w*|like a fish|fish out of water|agonal|"
    r"(breath|breathes|breathing|gasps?) (every|once every) (few|\w+) (seconds|minutes)"
)
# Abnormal breathing: agonal when the patient is unresponsive, breathing difficulty when they are not.
_ABNORMAL = (
    r"gasp\w*|gulp\w* (for )?air|not breathing (normally|properly|right|well|good)|"
    r"breathing (strangely|weird\w*|funny|oddly|strange|abnormally)|strange (breathing|breaths)"
)
# "No" to "are they breathing?" said in other words than no: "I didn't see any breaths", "his chest isn't moving".
_APNOEA = (
    r"no (breath|breaths|breathing|air|movement|rise|rising|chest movement)|"
    r"not (a single|one|any|even one) breaths?|"
    r"(did|do|does|can|could) not (see|hear|feel|notice|find|detect|count) "
    r"(any |a |him |her |them |the |his |their |a single )?"
    r"(breath|breaths|breathing|chest (move|moving|rise|rising|go up|going up)|movement|air|anything)|"
    r"chest (is |was )?(not|no longer|never) (moving|rising|going up|move|rise)|chest (is )?(still|flat)|"
    r"chest (does|did) not (move|rise|go up)|(i|we) (see|hear|feel) nothing|"
    r"(there is|still|but|yet) (still )?nothing\b(?! (wrong|else|much))|nothing (is )?(happening|happened|changed|coming)|no change|"
    r"(stopped|stops|has stopped|no longer|not) breathing(?! (well|properly|right|good|normally|so well|very well))|"
    # "nothing" as a clause of its own, said to "are they breathing?": "nothing, he's just lying there"
    r"(?:^|(?<=, ))nothing( at all)?(?= ,| \.| !|$)"
)
# Cannot be woken, said outright: the sign itself, not only a test the patient failed ("he doesn't answer").
_NOT_WAKING = (
    r"unconscious|not (waking|awake)|(will|would|does|can|could|did) not (wake|come round|come to)|can not be woken|"
    r"passed out|knocked out|blacked out|out cold"
)
_UNRESPONSIVE = (
    rf"{_NOT_WAKING}|unresponsive|not (responding|moving)|(will|would|does|can|could|did) not respond|collapsed|"
    r"fainted|no response"
)
_ONLY_NOTHING = re.compile(r"^(nothing|nothing at all|not at all|none|nope nothing)$")


def agonal(text: str, *, unresponsive: bool) -> bool:
    """Whether the text describes breathing that is no breathing: agonal gasps, snoring, gurgling.

    When the patient is unresponsive (or the question is whether they breathe), any gasping or
    "not breathing normally" counts too: that is how callers describe agonal breathing.
    """
    t = normalize(text)
    if re.search(rf"\b({_AGONAL})\b", t):
        return True
    return unresponsive and bool(re.search(rf"\b({_ABNORMAL})", t))


def unresponsive_said(text: str) -> bool:
    """Whether the text says the patient does not respond ("collapsed", "won't wake up", "not responding")."""
    return _said(_UNRESPONSIVE, text)


def not_waking_said(text: str) -> bool:
    """Whether the text says outright that the patient cannot be woken ("won't wake up", "out cold"); a failed
    test alone ("he doesn't answer", "no response") is not that."""
    return _said(_NOT_WAKING, text)


# A patient told as still and silent, in the words bystanders use when nobody has yet said whether they breathe: "he's
# not moving", "just limp", "lifeless", "eyes open but nothing", and a body cut down from a hanging. Not a red flag of
# its own (a patient lying still may be breathing); it says that whether they breathe is the question that matters.
_STILL = (
    r"not moving(?! (his|her|their|my|the|its|a|an|one) \w+)(?! (well|much|properly|right|normally|easily))|"
    r"no (movement|response|reaction)|"
    r"(?<!not )(?<!no )limp(?! (on|off|away|along|around|about|home|to|into|a bit|slightly))|"
    r"lifeless|not a (stir|budge|twitch|flicker|peep|murmur)\b|"
    r"(lying|lies|lay|laying|lie) (there )?(very |completely |totally |so |dead |deathly |all )?still\b|"
    r"eyes (are |s )?(wide )?open (but|and) (nothing|no one|not|no response|nobody)|"
    r"(hung|hanged|hanging) (himself|herself|themselves|from|off|in the|by)|cut (him|her|them) down|"
    r"found (him|her|them) hanging"
)


# Things that stand still, not patients: "the traffic is not moving", "the lift isn't moving".
_STILL_THING = re.compile(r"\b(traffic|car|cars|bus|train|queue|line|lift|elevator|clock|fan|machine|engine|truck|"
                          r"lorry|van|boat|ship|water|river|door|wheel|wheels|jack) (is |s |are |was |were )?"
                          r"not moving\b")
# Cannot be woken or does not respond, said outright (not "not moving", which `_STILL` reads with its exclusions).
_NOT_RESPONDING = (rf"{_NOT_WAKING}|unresponsive|not responding|(will|would|does|can|could|did) not respond|"
                   r"collapsed|fainted")


def still_said(text: str) -> bool:
    """Whether the words tell a patient still and silent ("not moving", "limp", "eyes open but nothing", cut down from
    a hanging, cannot be woken), code-switched words read as English ("he no dey move", "hindi gumagalaw")."""
    from intake.codeswitch import to_english  # the red-flag words' table; imported here, it imports nothing of ours

    english = _STILL_THING.sub(" ", to_english(normalize(text)))
    return _said(_NOT_RESPONDING, english) or _said(_STILL, english)


def _said(pattern: str, text: str) -> bool:
    t = normalize(text)
    for m in re.finditer(rf"\b({pattern})\b", t):
        if " not " in f" {m.group()} " or not negated(t, m.start(), window=3):  # "not waking" is the sign itself
            return True
    return False


# The patient said to breathe, in the caller's own words: "she's breathing but won't wake", "he is still breathing".
_BREATHING_SAID = re.compile(r"(?<!maybe )(?<!if )(?<!whether )\b(?:he|she|they|it|baby|the baby|my \w+) (?:is|are|s) "
                             r"(?:still |definitely |clearly |certainly )?breathing\b(?! \?)(?! (?:fast|quick\w*|funny|weird|"
                             r"strange|oddly|badly|noisily|loudly|hard|heavily|with difficulty)\b)")


def breathing_said(text: str) -> bool:
    """Whether the words say the patient breathes (not a question, a doubt, nor breathing said to be odd)."""
    return bool(_BREATHING_SAID.search(normalize(text)))


# A yes with the signs of breathing hard is breathing (difficulty), not the gasps of a heart that has stopped.
_WORKING_HARD = re.compile(
    r"\b(fighting for|pulling for|struggl\w*|labou?r\w*|working (hard|so hard|really hard)|(every|each) breath|wheez\w*|panting|"
    r"(very|so|really|too) fast|short of breath|out of breath|can not (get|catch) (her|his|their|my) breath|"
    r"(one|a|two|a few|a couple of) words? at a time|can not (talk|speak) in (full )?sentences|"
    r"(can|could) only (say|speak|talk|manage|get out) (in )?(one|a|two|a few|a couple of|single|short) (\w+ )?words?|"
    r"(lips|face|fingers?|tongue) (\w+ )?(look|looks|are|is|going|gone|turning|turned)? ?(blue|grey|gray|purple))"
)


# Breaths that come hard, which a "no" to "breathing normally?" describes (a colour, a struggle to do what, or a gasp may
# be no breathing at all: not these).
_BREATHING_HARD = re.compile(
    r"\b(wheez\w*|panting|short of breath|out of breath|can not (get|catch) (her|his|their|my) breath|"
    r"(one|a|two|a few|a couple of) words? at a time|can not (talk|speak|finish) (in )?(full |a )?sentences?|"
    r"(can|could) only (say|speak|talk|manage|get out) (in )?(one|a|two|a few|a couple of|single|short) (\w+ )?words?|"
    r"struggl\w* (to breathe|for (breath|air)|with (his|her|their|the) breath\w*)|(fighting|pulling) for (each |every )?(breath|air)|"
    r"(every|each) breath|"
    # "he can't say two words", "she's breathing very fast", "the skin under her ribs sucks in", "making a grunt"
    r"can not (say|speak|get out|manage) (more than )?(one|two|a few|a couple of|\d) words?|"
    r"(is|s|are) breathing (very|so|really|too|super) (fast|quick\w*|hard)|"
    r"(under|below|between) (his|her|their|the) ribs (\w+ ){0,2}(suck|sucks|sucking|pull|pulls|pulling|caves?|caving|draws?|drawing) in|"
    r"grunt\w*)")


# "She is breathing but gasping, her lips are blue": a yes said in words, with the signs of breathing hard; "he is,
# but he's gasping" echoes the question's verb for the yes.
_SAYS_BREATHING = re.compile(r"^(he|she|they|it|baby|the baby|my \w+) (is|are|s) (still )?(breathing )?,? ?(but|and)\b")


# How fast or deep the breaths come, said plainly ("yes, breathing, quick and short"): what START's count measures next,
# not difficulty. Said with an intensifier ("very fast") or "short of breath", it stays the caller's alarm.
_PACE = re.compile(r"\b(?<!very )(?<!so )(?<!really )(?<!too )(?<!super )(?:quick|quickly|fast|rapid|rapidly|short|shallow)"
                   r"(?: (?:and|but) (?:quick|quickly|fast|rapid|rapidly|short|shallow))?\b(?! of breath)")


def without_pace(text: str) -> str:
    """The normalized text without plain words of the breaths' pace or depth."""
    return _PACE.sub(" ", normalize(text))


# The breaths the caller gave are not the patient's: "I gave five breaths like you said, she still isn't breathing",
# "I did the 5 rescue breaths".
_RESCUERS_BREATHS = re.compile(
    r"\b(?:(?:i|we) )?(?:gave|give|given|giving|did|done|doing|blew|blown|blowing|tried)(?: (?:him|her|them|the baby))?"
    r"(?: (?:the|all|all the|my|those|\w+)){0,2}(?: rescue| mouth to mouth)? breaths?\b")
# A chest that rises with a rescue breath shows the breath went in, not that the child breathes: "his chest went up,
# but he's not breathing by himself". Set aside when the caller says so, or ties the rise to their own breaths.
_OWN_BREATHING_DENIED = re.compile(
    r"\b(?:not|never|no|nothing) (?:\w+ )?(?:breathing|breathe|breath|breaths)"
    r" (?:by (?:him|her|them)sel(?:f|ves)|on (?:his|her|their) own|of (?:his|her|their) own|for (?:him|her|them)sel(?:f|ves))")
_CHEST_RISE = re.compile(
    r"\b(?:the |his |her |their |baby s |its )?(?:chest|belly|tummy) (?:(?:went|goes|go|came|comes|moved|moves|lifted|lifts|"
    r"rose|rises|did go|did rise)(?: up)?(?: and down)?)(?: (?:a bit|a little|each time|every time|when i \w+|with (?:my|the|our|each) \w+))?"
    r"(?:,? (?:but|though|yet))?")
_CHEST_RISE_WITH_RESCUER = re.compile(
    r"\b(?:the |his |her |their )?(?:chest|belly|tummy) (?:went|goes|came|rose|rises|moved|lifted)(?: up)?"
    r" (?:each time|every time|when (?:i|we) (?:blew|blow|breathed|gave)|with (?:my|our|the|each) (?:breaths?|blows?))")


def parse_breathing(text: str, *, keywords: tuple[str, ...] = ()) -> Breathing | None:
    """The answer to "are they breathing (now)?" when the patient cannot walk.

    "agonal" for gasps, snoring or "not breathing normally"; "no" for apnoea in any words ("no breath at
    all", "his chest isn't moving", "I didn't see any breaths"); a "yes" or a doubt beside an apnoea
    phrase is "unsure" (re-asked, never taken either way); otherwise the plain yes / no / unsure.
    """
    t = _CHEST_RISE_WITH_RESCUER.sub(" ", _RESCUERS_BREATHS.sub(" ", normalize(text)))
    if _OWN_BREATHING_DENIED.search(t):
        t = _CHEST_RISE.sub(" ", t)
    settled = _settled_from(t)
    if settled:  # "no she's not, wait, yes she is, I see her chest move": the corrected answer, when it is clear
        later = parse_breathing(t[settled:], keywords=keywords)
        if later in ("yes", "no", "agonal"):
            return later
    hard = _WORKING_HARD.search(t) and not re.search(rf"\b({_AGONAL})\b", t)
    said = parse_yes_no(t) if hard else None  # read once
    if hard and (said == "yes" or _SAYS_BREATHING.search(t)
                 or (said != "yes" and _BREATHING_HARD.search(t) and not re.search(rf"\b({_APNOEA})", t))):
        # "yes, but she is gasping, fighting for every breath": breathing, with difficulty; and so is "no, he's
        # wheezing badly, can't finish a sentence" told to "breathing normally?": not normally, not not at all; nor is
        # "not normal, she's gasping, she can only say one word" (words need breath), with or without its "no".
        return "yes"
    if agonal(t, unresponsive=True):
        return "agonal"
    apnoea = re.search(rf"\b({_APNOEA})", t) or _ONLY_NOTHING.match(" ".join(words(t)))
    said = parse_yes_no(t, keywords=keywords)
    if apnoea:
        return "unsure" if said == "unsure" or any(w in _YES_WORDS for w in t.split()) else "no"
    if said is None and _VOICED.search(t):
        return "yes"  # "he's crying", "she's talking to me": a voice needs breath
    return said


# A patient heard now: talking, crying, moaning. Said as now ("is", "keeps", "still"), not as before ("was crying").
_VOICED = re.compile(r"\b(?:is|s|are|keeps|keep|still) (?:still )?(?:talking|speaking|crying|screaming|shouting|yelling|"
                     r"moaning|groaning|coughing|swearing|answering|asking|calling)\b")


# --- numbers -------------------------------------------------------------

_UNITS = {
    "zero": 0, "oh": 0, "none": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a dozen": 12, "dozen": 12,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_NUMBER_SAID = re.compile(rf"\d|\b({'|'.join((*_UNITS, *_TENS))})\b")
_ALONE_HOMOPHONES = {"for": 4, "fore": 4, "to": 2, "too": 2, "ate": 8, "won": 1, "tree": 3, "free": 3}
# Number words as Whisper mishears them on a phone line, trusted only in the frame "<n> years old".
_AGE_HOMOPHONES = {**_ALONE_HOMOPHONES, "far": 4, "sick": 6, "sex": 6, "tin": 10}
_AGE_FRAME = re.compile(rf"\b({'|'.join(_AGE_HOMOPHONES)}) (years?|yrs?|here|ears|yes) (\w+ )?old\b")


# Numbers said in Spanish, Portuguese, French, Italian or Tok Pisin inside an English call ("my husband counted, seis",
# "cuarenta y dos", "vinte e cinco", "vingt-deux", "tripela yia"): read as the English words the parsers know. A
# compound is read whole or not at all: reading only its last word made "vinte e cinco" breaths five. Only words that
# are no English word: Spanish "once" (11), Portuguese "um" (a filler in English), French "seize" (a verb) and the
# articles "un", "une", "uma" are left.
_ROMANCE_UNITS = {
    "uno": "one", "una": "one", "dos": "two", "tres": "three", "cuatro": "four", "cinco": "five", "seis": "six",
    "siete": "seven", "ocho": "eight", "nueve": "nine", "diez": "ten", "doce": "twelve", "trece": "thirteen",
    "catorce": "fourteen", "quince": "fifteen", "dieciseis": "sixteen", "diecisiete": "seventeen",
    "dieciocho": "eighteen", "diecinueve": "nineteen", "veinte": "twenty", "cero": "zero",
    # Portuguese
    "dois": "two", "duas": "two", "quatro": "four", "sete": "seven", "oito": "eight", "nove": "nine", "dez": "ten",
    "onze": "eleven", "doze": "twelve", "treze": "thirteen", "quatorze": "fourteen", "dezesseis": "sixteen",
    "dezasseis": "sixteen", "dezessete": "seventeen", "dezassete": "seventeen", "dezoito": "eighteen",
    "dezenove": "nineteen", "dezanove": "nineteen", "vinte": "twenty",
    # French
    "deux": "two", "trois": "three", "quatre": "four", "cinq": "five", "sept": "seven", "huit": "eight",
    "neuf": "nine", "dix": "ten", "douze": "twelve", "treize": "thirteen", "quinze": "fifteen", "vingt": "twenty",
    # Italian ("due" is left: an English word, "due to")
    "tre": "three", "quattro": "four", "cinque": "five", "sei": "six", "sette": "seven", "otto": "eight",
    "dieci": "ten", "undici": "eleven", "dodici": "twelve", "tredici": "thirteen", "quattordici": "fourteen",
    "quindici": "fifteen", "sedici": "sixteen", "diciassette": "seventeen", "diciotto": "eighteen",
    "diciannove": "nineteen", "venti": "twenty",
}
_ROMANCE_TENS = {"veinti": "twenty", "treinta": "thirty", "cuarenta": "forty", "cincuenta": "fifty",
                 "sesenta": "sixty", "setenta": "seventy", "ochenta": "eighty", "noventa": "ninety",
                 "vinte": "twenty", "trinta": "thirty", "quarenta": "forty", "cinquenta": "fifty", "sessenta": "sixty",
                 "oitenta": "eighty", "vingt": "twenty", "trente": "thirty", "quarante": "forty",
                 "cinquante": "fifty", "soixante": "sixty",
                 "trenta": "thirty", "quaranta": "forty", "cinquanta": "fifty", "sessanta": "sixty", "settanta": "seventy",
                 "ottanta": "eighty", "novanta": "ninety"}
_ONES = [w for w, e in _ROMANCE_UNITS.items() if e in ("one", "two", "three", "four", "five", "six", "seven", "eight",
                                                        "nine")] + ["un", "une", "um", "uma"]
_ROMANCE_NUMBER = re.compile(
    rf"\b(?:(?P<tens>{'|'.join(t for t in _ROMANCE_TENS if t != 'veinti')}) (?:(?:y|e|et) )?(?P<unit>{'|'.join(_ONES)})"
    rf"|veinti(?P<veinti>{'|'.join(_ROMANCE_UNITS)})|(?P<word>{'|'.join((*_ROMANCE_UNITS, *_ROMANCE_TENS))}))\b")
_TOK_PISIN_NUMBER = re.compile(r"\b(wan|tu|tri|fo|foa|faiv|sikis|seven|et|nain|ten)pela\b")
_TOK_PISIN_UNITS = {"wan": "one", "tu": "two", "tri": "three", "fo": "four", "foa": "four", "faiv": "five",
                    "sikis": "six", "seven": "seven", "et": "eight", "nain": "nine", "ten": "ten"}
# Their units and hedges: "dos anos" (años, folded), "seis meses", "como sesenta" (about sixty), "casi ocho".
# Not "mes" (one month): French "mes" is "my", beside the numbers of a francophone answer ("mes enfants, il a 5 ans").
_SPANISH_WORDS = {"ano": "year", "anos": "years", "anitos": "years", "meses": "months",
                  "semana": "week", "semanas": "weeks", "dia": "day", "dias": "days", "segundos": "seconds",
                  "minuto": "minute", "minutos": "minutes", "hora": "hour", "horas": "hours", "yia": "years",
                  "como": "about", "casi": "almost", "unos": "about", "unas": "about",
                  # French units: "elle a dix mois" is ten months, not ten years
                  "ans": "years", "mois": "months", "semaines": "weeks", "jours": "days", "secondes": "seconds"}
_SPANISH_WORD = re.compile(rf"\b({'|'.join(_SPANISH_WORDS)})\b")
# Folded accents make French words of Spanish numbers: "très vite" (very quickly) is no "tres" (three), "mal au dos"
# (the back) no "dos" (two). A francophone caller's "ça revient très vite" read 3 s of refill, and RED.
_FRENCH_TRES = re.compile(r"\btres(?= (?:vite|mal|bien|fort|forte|rapide|rapidement|chaud|chaude|lent|lente|lentement|"
                          r"faible|grave|peu|beaucoup|pale|froid|froide|bizarre|fatigue|fatiguee|malade|difficile|dur|"
                          r"dure|bas|haut|loin|tot|tard|bon|bonne|court|courte|serieux|serieuse|petit|petite|vieux)\b)")
_FRENCH_DOS = re.compile(r"\b(au|le|du|mon|son|ton|sur le|dans le) dos\b")


def english_numbers(t: str) -> str:
    """Normalized text with Spanish, Portuguese, French and Tok Pisin numbers, and Spanish units and hedges, as English
    words."""
    def romance(m: re.Match) -> str:
        if m.group("tens"):
            return f"{_ROMANCE_TENS[m.group('tens')]} {_ROMANCE_UNITS.get(m.group('unit'), 'one')}"
        if m.group("veinti"):
            return f"twenty {_ROMANCE_UNITS[m.group('veinti')]}"
        word = m.group("word")
        return _ROMANCE_UNITS.get(word) or _ROMANCE_TENS[word]
    t = _FRENCH_DOS.sub(r"\1 back", _FRENCH_TRES.sub("very", t))
    t = _ROMANCE_NUMBER.sub(romance, t)
    t = _TOK_PISIN_NUMBER.sub(lambda m: _TOK_PISIN_UNITS[m.group(1)], t)
    if not _NUMBER_SAID.search(t):
        return t  # "como" and "dia" alone are no number's words
    return _SPANISH_WORD.sub(lambda m: _SPANISH_WORDS[m.group(1)], t)


def numbers_in(text: str) -> list[float]:
    """Every number in the text, in order: digits and English number words ("twenty two" -> 22)."""
    toks = english_numbers(" ".join(words(text))).split()
    out: list[float] = []
    i = 0
    while i < len(toks):
        w = toks[i]
        if re.fullmatch(r"\d+(\.\d+)?", w):
            out.append(float(w))
        elif w in _TENS:
            value = _TENS[w]
            if i + 1 < len(toks) and toks[i + 1] in _UNITS and 0 < _UNITS[toks[i + 1]] < 10:
                value += _UNITS[toks[i + 1]]
                i += 1
            out.append(float(value))
        elif w == "hundred" and out:
            out[-1] *= 100
        elif w in _UNITS and w not in {"oh", "none", "nil"}:
            out.append(float(_UNITS[w]))
        elif w in {"none", "nil"} and len(toks) <= 3:
            out.append(0.0)
        elif w == "half" and out and i >= 2 and toks[i - 1] == "a" and toks[i - 2] == "and":
            out[-1] += 0.5
        i += 1
    if not out and len(toks) == 1 and toks[0] in _ALONE_HOMOPHONES:
        out.append(float(_ALONE_HOMOPHONES[toks[0]]))
    return out


def parse_number(text: str) -> int | None:
    """The first whole number said ("I counted nine" -> 9, "nine maybe ten" -> 9, "about twelve" -> 12)."""
    found = numbers_in(text)
    return int(found[0]) if found else None


_KEY_WORDS = {"number", "press", "pressed", "pressing", "option", "button", "key"}
_FILLER_WORDS = {"um", "uh", "er", "erm", "ah", "hmm", "mm", "oh", "okay", "ok", "i", "will", "it", "is"}


def choice_digits(text: str) -> str | None:
    """The keypad choice said aloud ("One.", "number 2", "press one" -> "1"); None unless that is all it says.

    Whisper writes a lone number as a word or as digits at random, and callers offered "press 1 for
    yes" often say it instead of pressing it: both must mean the key. Homophones ("to", "for") alone
    are not taken here: "to" is no number at a yes/no question.
    """
    toks = [w for w in words(text) if w not in _KEY_WORDS and w not in _FILLER_WORDS]
    if len(toks) != 1:
        return None
    w = toks[0]
    if w.isdigit():
        return w
    value = _UNITS.get(w)
    return str(value) if value is not None and w not in {"oh", "none", "nil", "dozen"} else None


def parse_severity(text: str) -> int | None:
    """Severity on a 1-10 scale ("seven out of ten" -> 7); anything outside 1-10 is no answer."""
    n = parse_number(text)
    return n if n is not None and 1 <= n <= 10 else None


# --- ages ----------------------------------------------------------------

_CHILD_WORDS = r"baby|babies|infant|newborn|new born|toddler|little (boy|girl|one)|small (boy|girl|child)|child|kid"
_ADULT_WORDS = r"adult|grown|elderly|old (man|woman|lady)|teenager|teen|pensioner|grandmother|grandfather|grandma|grandpa"
_INFANT_WORDS = r"baby|babies|infant|newborn|new born|new baby|(weeks?|months?|days?) old"


def age_group(text: str) -> Literal["child", "adult"] | None:
    """'child' or 'adult' from words alone ("a baby", "an old man"), when no number was said."""
    t = normalize(text)
    if re.search(rf"\b({_CHILD_WORDS})\b", t):
        return "child"
    if re.search(rf"\b({_ADULT_WORDS})\b", t):
        return "adult"
    return None


# Relations that are grown-ups whoever calls: a caller's husband, mother or grandmother is no child.
_ADULT_RELATIONS = (
    r"husband|wife|mother|mum|mom|mama|mummy|father|dad|papa|daddy|grandmother|grandfather|grandma|grandpa|granny|"
    r"gran|grandad|granddad|nan|nana|aunt|auntie|aunty|uncle|(mother|father|brother|sister|son|daughter) in law|"
    r"boss|colleague|landlord|landlady|lola|lolo|nanay|tatay|"
    r"espos[oa]|marido|abuel[oa]|abuelit[oa]|suegr[oa]|senora|senor|companer[oa] de trabajo|jefe|patron|"
    r"aaja|aaji|koro|kuia|tumbuna|lapun|"
    # South Asian grandparents, uncles and aunts, and Southern and East African grandparents: "my nani", "my chacha",
    # "my gogo" is no child ("her hands are icy" is an old woman's cold, not IMCI's sign)
    r"nani|naniji|nanu|nanaji|dadi|dadiji|dadaji|chacha|chachaji|chachi|mausi|masi|phuphi|bua|tauji|"
    r"gogo|mkhulu|makhulu|ouma|oupa|bibi|mzee"
)
_PATIENT_NAMED = re.compile(rf"\b(?:(?P<adult>{_ADULT_RELATIONS}|{_ADULT_WORDS})(?! s\b)"
                            rf"|{_CHILD_WORDS}|son|daughter|boy|girl|grandson|granddaughter|pikin|bata|anak|"
                            rf"hij[oa]|nin[oa]|niet[oa]|bebe|pikinini|mokopuna)\b")


def names_an_adult(text: str) -> bool:
    """Whether the first person named is always a grown-up ("my grandmother", "my husband's son" is not)."""
    m = _PATIENT_NAMED.search(normalize(text))
    return bool(m and m.group("adult"))


_SPEAKER = re.compile(r"\b(?:i|me|myself)\b")
_STANDS_FOR_SOMEONE = re.compile(r"\b(?:he|she|they|him|her|his|their|them)\b")
_MY_SOMEONE = re.compile(r"\bmy \w+")  # "my two year old": someone whose age the words do not tell


def said_of_a_grown_up(text: str) -> bool:
    """Whether what follows the text is said of a grown-up: the speaker ("I am throwing up"), or the last person named
    when that is a grown-up ("my mum ... she has the vomiting"); "he" and "she" stand for whoever was named before."""
    t = normalize(text)
    said = sorted((m for p in (_SPEAKER, _STANDS_FOR_SOMEONE, _MY_SOMEONE, _PATIENT_NAMED) for m in p.finditer(t)),
                  key=lambda m: m.start())
    if said and said[-1].re is _SPEAKER:
        return True
    named = [m for m in said if m.re in (_PATIENT_NAMED, _MY_SOMEONE) and not _SOMEONES_OWN.search(t, 0, m.start())]
    return bool(named and named[-1].re is _PATIENT_NAMED and named[-1].group("adult"))


# "She got into her mum's pills": a grown-up named as the belonging of someone already spoken of is not the patient
# ("her mum is vomiting" alone still names her). Keeping a child's signs is the safe side of the doubt.
_SOMEONES_OWN = re.compile(r"\b(?:he|she|they|him|her|his|their|them)\b.*\b(?:his|her|their) (?:\w+ )?$")


def age_band(text: str) -> Literal["infant", "child", "adult"] | None:
    """The age group words name, to fit CPR: "a baby" -> infant, "my little boy" -> child, "an old man" -> adult."""
    t = normalize(text)
    if re.search(rf"\b({_INFANT_WORDS})\b", t):
        return "infant"
    return age_group(t)


# --- who, durations, AVPU ------------------------------------------------

_RELATIONS = (
    r"son|daughter|wife|husband|mother|mum|mom|mama|mummy|father|dad|papa|daddy|child|children|baby|kid|friend|"
    r"brother|sister|neighbou?r|uncle|aunt|auntie|grandmother|grandfather|grandma|grandpa|granny|cousin|colleague|"
    r"boss|boy|girl|partner|patient|relative|in law|nephew|niece|twin|grandson|granddaughter|infant|toddler|"
    r"newborn|pikin|pickney|pikney|picknie|bata|anak|lola|lolo|nanay|tatay|"
    # people met at work, at home or in the street, and the words people use for a partner or a friend
    r"workmate|co ?worker|coworker|mate|flatmate|roommate|room mate|housemate|classmate|schoolmate|teammate|playmate|"
    r"pal|buddy|bestie|best friend|bro|sis|fella|fellow|bloke|guy|lad|lass|chap|gentleman|missus|missis|hubby|wifey|"
    r"boyfriend|girlfriend|fiance|fiancee|spouse|employee|employer|manager|supervisor|foreman|apprentice|servant|maid|"
    r"helper|house ?help|nanny|tenant|lodger|guest|visitor|client|customer|pupil|teacher|pastor|imam|priest|elder|"
    r"chief|madam|oga|gran|grandad|granddad|grandchild|grandkid|nan|nana|step ?(son|daughter|mother|father|mum|dad)|"
    r"god ?(son|daughter|mother|father)|aunty|mam|mammy|da|"
    # people named by their work: "the gateman", "our chowkidar", "a labourer from the site"
    r"gateman|gatekeeper|watchman|night ?watchman|chowkidar|guard|security guard|cleaner|labou?rer|miner|digger|"
    r"builder|mason|carpenter|electrician|plumber|farmer|fisherman|fishermen|rider|cook|gardener|houseboy|housegirl|"
    r"conductor|"
    # Patois, Hinglish and Tagalog kin words said inside English: "mi bredda", "meri beti", "si kuya"
    r"bredda|breddah|bredren|bredrin|sista|sistah|madda|mudda|faada|fada|puppa|mumma|"
    r"beta|beti|bhai|bhaiya|didi|behen|bahen|dadi|nani|kuya|tito|tita|bunso|"
    # Spanish, Tok Pisin, Fiji Hindi and Polynesian kin words said inside English: "mi hija", "un compañero de
    # trabajo", "mi bebé", "my aaja", "my koro", "meri bilong mi"
    r"hij[oa]|hijit[oa]|espos[oa]|marido|herman[oa]|hermanit[oa]|abuel[oa]|abuelit[oa]|ti[oa]|sobrin[oa]|niet[oa]|"
    r"prim[oa]|suegr[oa]|cunad[oa]|companer[oa]|amig[oa]|vecin[oa]|nin[oa]|bebe|senora|senor|muchach[oa]|chamac[oa]|"
    r"papi|mami|papito|mamita|trabajador|jefe|patron|motoconchista|"
    r"pikinini|brata|susa|tumbuna|wantok|lapun|aaja|aaji|koro|kuia|mokopuna|tamaiti|pepe|teine|matua|"
    # Southern and East African grandparents said inside English: "my gogo", "my ouma", "my bibi"
    r"gogo|mkhulu|makhulu|ouma|oupa|bibi|babu"
)
# Someone else named: a relation, a person, a third-person pronoun. It wins over any first person ("I am
# calling about my son"), and a tie goes to "other": it asks more.
# "me dad" is "my dad" in many Englishes ("ma neighbour", "ma wee boy" in Scots), "mi pickney" in Patois; "my aai, mother" names the relation in the caller's language, then in English.
_NAMED_OTHER = (
    rf"(my|me|mi|ma|a|the|this|that|our|his|her|their|si|ang|yung|mera|meri|mere|un|una|el|la|su|mis|sus) (\w+ (, )?)?"
    rf"(man|woman|lady|boy|girl|child|baby|person|stranger|student|worker|passenger|driver|patient|{_RELATIONS})s?"
    # Tok Pisin puts the owner after: "meri bilong mi" (my wife), "papa bilong mi", "pikinini bilong em"
    rf"|(meri|man|papa|mama|pikinini|brata|susa|tumbuna|wantok|lapun|{_RELATIONS}) bilong (mi|em|yu|mipela|yumi)"
    # Tagalog too: "anak ko" (my child), "asawa ko", "kapatid namin"
    r"|(anak|asawa|kapatid|pamangkin|apo|nanay|tatay|lola|lolo|kuya|ate|tito|tita|pinsan|kaibigan) "
    r"(ko|namin|natin|niya)"
    # French and Portuguese: "c'est pour mon fils", "é a minha mãe" (marks folded: "mae", "irmao")
    r"|(mon|ma|mes|notre|meu|minha|meus|minhas|nosso|nossa) (fils|fille|mere|pere|mari|femme|frere|soeur|enfant|enfants|"
    r"bebe|grand mere|grand pere|oncle|tante|voisin|voisine|ami|amie|collegue|filho|filha|mae|pai|marido|esposa|"
    r"mulher|irmao|irma|avo|tio|tia|vizinho|vizinha|amigo|amiga|crianca|neto|neta|sogra|sogro)"
)
# One of a group the caller names: "one of my team", "one of our crew", "one of the lads" (never a part of the body).
_ONE_OF_A_GROUP = (r"one of (my|me|our|the|his|her|their) (\w+ )?(team|crew|gang|men|guys|workers|staff|lads|boys|"
                   r"girls|students|kids|children|players|colleagues|friends|neighbou?rs|miners|diggers|labou?rers|"
                   r"passengers|customers|guests|residents|patients|family|people|group|fellows|mates|workmates|"
                   r"team ?mates)")
_OTHER = rf"someone|somebody|another|other person|else|he|she|him|her|his|they|them|{_ONE_OF_A_GROUP}|{_NAMED_OTHER}"
_SELF = r"myself|me|i|mine|my own|for me|it is me"
_BODY_PART = (r"(head|chest|stomach|belly|tummy|back|leg|legs|arm|arms|foot|feet|hand|hands|eye|eyes|ear|ears|tooth|"
              r"teeth|throat|neck|knee|knees|side|body|skin|heart|knuckles?|wrists?|ankles?|hips?|shoulders?|fingers?|"
              r"thumbs?|toes?|ribs?|elbows?|face|lips?|nose|shins?|calf|calves|thighs?|forehead|chin|cheeks?|jaw|scalp|"
              r"collarbone|spine|waist|bum|bottom|palms?|heels?)")
# The caller says the patient is the one speaking: explicitly, or by saying their own symptoms.
_SELF_STRONG = (
    r"myself|my self|(it is|it was|that is|this is|its) (for |about )?me|(for|about) me|just me|only me|"
    r"me myself|i am calling (for|about) myself|"
    r"miself|mi self|(na|a|it a) (me|mi)|fi (me|mi|miself)|(for|about) (my|mi) (own )?body|"  # Patois, Pidgin, Krio
    r"soy yo|yo mism[oa]|(es )?para mi|mi yet|mi yet yet|"  # Spanish, Tok Pisin
    r"i (am|feel|felt|was|am feeling|have been|have been feeling) (very |so |really |a bit |quite )?"
    r"(sick|ill|unwell|not well|not feeling well|dizzy|weak|feverish|bleeding|hurt|injured|in pain|pregnant|"
    r"vomiting|short of breath|burning|confused|faint|poorly|cold|hot)|"
    r"i (have|had|got|have got|am having|keep having|keep getting) ((a|an|some|bad|terrible|severe|really|very|little|"
    r"bit of|lot of|high|sharp) )*"
    r"(fever|cough|pain|pains|headache|rash|cold|flu|diarrh\w*|toothache|wounds?|cuts?|burns?|bruises?|scratches|"
    r"injury|injuries|infection|temperature|"
    r"chest pain|stomach ache|sore \w+|swollen \w+|\w+ ache|\w+ pain)|"
    rf"my (own )?{_BODY_PART} (is |are |s |has been |have been |dey )?(hurting|hurts?|aches?|aching|paining|pains?|"
    r"swollen|bleeding|burning|sore|itching|itchy|stuck|trapped|pinned|caught|crushed|squashed|broken|numb|"
    # the caller's own hurt told as a state ("my arm is scratched", Pidgin "my knee scrape"): beside a crash in which
    # someone else was hurt or died, it keeps the caller the patient
    r"scratched|scraped|scrape|grazed|bruised|cut|twisted|sprained|injured|hurt|burnt|burned|fractured|dislocated|"
    r"bashed|banged up)|"
    # the caller's own body held fast: "my legs are stuck under the seat", "I'm trapped in the cab"
    r"i (am|m|was|got) (still )?(stuck|trapped|pinned|wedged|caught) (in|under|inside|beneath|by|between)|"
    r"i (can not|could not|am unable to) (breathe|walk|see|move|stand|sleep|eat|talk|get up)|"
    # Something that fell on the caller, or the caller left lying: "a shelf fell on my leg", "they pulled it off me",
    # "I'm on the floor", "I'm trapped"
    r"(fell|falls|fall|landed|dropped|came down|come down|collapsed|rolled|toppled) (right )?(on|onto) (top of )?"
    r"(me|my (head|chest|back|leg|legs|arm|arms|foot|feet|hand|hands|knee|hip|shoulder|ankle|body))|"
    r"(lifted|pulled|got|dragged|took|rolled) (it|them|\w+) off (of )?me|"
    r"i am (still )?(lying |stuck |trapped |pinned )?(on the (floor|ground)|under (it|the \w+))"
    r"(?! (with|beside|next to|by|holding|helping)\b)|"
    r"i (fell|cut|burned|burnt|hurt|broke|twisted|sprained|injured|collapsed|fainted|slipped|tripped|scalded|"
    r"landed on my|banged my|bumped my|hit my|punched (a |the )?(wall|door|window|glass|mirror)|stubbed|dislocated)|"
    # the same told after the caller's own first verb: "I got up to dance and twisted my ankle"
    rf"(and|then|so|but) (twisted|sprained|cut|hurt|broke|burned|burnt|bruised|injured|scraped|grazed|banged|bumped|"
    rf"dislocated|fractured|stubbed|scalded) my (own )?{_BODY_PART}"
)
# A bare first-person word is weak: "me", "mine", "my" may be an ASR slip or part of "can you hear me?".
# "ako" (Tagalog) is "me"; "I was in the car" puts the caller at the scene, maybe as the patient.
_SELF_WEAK = r"me|mine|my|my own|ako|ako po|i was (in|on) the (car|bus|van|taxi|vehicle|bike|motorbike|okada|jeepney|tricycle|keke)"
# What a caller says to check the line, not to answer: never an answer to any question.
_LINE_CHECK = re.compile(
    r"\b((can|could|do) you (hear|understand) (me|us)|are you (there|still there)|is (anyone|anybody|someone|somebody)"
    r" (there|here)|(anyone|anybody) (there|here)(?= \?|$)|hello|hallo|helo|hullo|i (can|cai|ca) not hear( you| anything| nothing| nothin| nobody| anybody| anyone| a thing)?"
    r"( on (this|the) (line|phone))?|i did not (hear|catch) (you|that)|"
    r"who is (this|that|speaking|there)|what did you say|sorry|pardon|say (that |it )?again|"
    r"(please )?repeat( that| it)?|come again|"
    # A bad line in the caller's words: "you're breaking up", "the network is bad", and in Hindi, Tagalog and Pidgin
    # ("awaaz nahi aa rahi", "kaun bol raha hai", "network nahi hai", "hindi kita marinig", "I no dey hear you").
    r"(you are|you re|it is|it s|the line is|line is) (breaking|cutting) (up|out)|(bad|poor|weak|no) (line|network|signal)|"
    r"(the )?(network|signal|line|connection) (is |s )?(bad|poor|weak|very bad|not good|gone|off|(nahi|nahin|nai)( hai| aa raha)?( shayad)?)( (bad|poor|weak))*|"
    r"(aapki |apki |tumhari )?aw?aaz (nahi|nahin) (aa|a) (rahi|raha)( hai)?|kaun bol (raha|rahi|rahe) (hai|ho)|"
    r"(hindi|di) (kita|ko kayo|po kita|ko po kayo) (marinig|naririnig)|(naririnig|marinig) (mo|nyo|ninyo) (ba )?(ako|kami)|"
    r"(sino|sino po) (ito|iyan|yan|to)|(i|we) no (dey )?hear (you|una|anything)( well| at all)?|"
    r"(una|you) (dey )?hear (me|us)|who (dey|be) (talk|this)|"
    # Caribbean, West African, South Asian and South-East Asian Englishes: "who dis?", "yuh deh deh?", "mi cyaan hear
    # nutten", "the line bad bad", "are you hearing me?", "voice is not coming", "can hear or not?", "unanisikia?".
    r"who (is |s )?(dis|dat|dere)|(are |r )?(you|yuh|yu|u|unu) (still )?(deh|dey|de|di) (deh|dere|der|there|de)|"
    r"(you|yuh|yu|u) (still )?there(?= \?|$)|(mi|me|i) (cyaan|cyan|caan|kyaan|cannot|cant|no|nuh|na|no fit|noh) (hear|ear|yeri)"
    r"( (you|yuh|yu|unu|una|nutten|nuttin|nutting|nothing|anything|a ting|at all|well))*|"
    r"(are|r) (you|u) (hearing|getting) (me|us)|(you|u) (are |re )?(hearing|getting) (me|us)|"
    r"(your |the )?voice (is )?(not|no) (coming|reaching|clear)(?! out)( (properly|clearly|through))?|(not|no) audible|"
    r"(can|could) (hear|hear me) (or not|ah|lah|anot)|"
    r"(the )?(line|network|signal|connection|call) (is |s )?(bad|poor|weak|cutting|breaking|dropping)( (bad|poor|weak|up|out))*|"
    r"(unanisikia|unanisikiza|sikusikii|hausikii|sisikii)|"
    # "Hello" and "I can't hear" in the other languages callers ring from ("allo? allo? nothing is coming", "aló? no se
    # oye nada", "halo? tidak kedengaran", "alo? nie słyszę", "a lô? không nghe"): a line check too, no answer.
    r"allo|alo|halo|hola|ola|nothing (is )?coming( through)?|(i )?(hear|heard|can hear) nothing|"
    r"no (sound|voice) (is )?coming( through)?|no se (oye|escucha)( nada)?|no (le|te|lo) (oigo|escucho)|"
    r"nao (estou |to )?(ouvindo|escutando)( nada)?|nao (te |lhe |o )?(ou[cs]o|escuto)( nada)?|(tidak|tak|gak|nggak) (ke)?dengar(an)?|"
    r"nie slysze|nu (se )?aud|khong nghe( ro| duoc| thay)?|"
    # French and Haitian Creole: "allô, je vous entends pas", "y a quelqu'un ?", "ça coupe", "m pa tande w".
    r"(je |j )(ne |n )?(vous |te |t )?entends (pas|rien)|(vous|tu|on) m entend(ez|s)?|(il )?y a (quelqu un|personne)|"
    r"(ca|la ligne|le reseau) (coupe|gresille)|(m|mwen) pa tande( (w|ou|anyen))?)\b"
    # "Haan?", "ano?" asked back: the Hindi and Tagalog "what?", no yes.
    r"|\b(haan|han|huh|ano|ano po|a lo)(?= \?)"
)
Who = Literal["self", "other", "maybe_self"]
# The caller saying who they are after "me": "it's me, the patient", "me, a teacher", "me, a woman of forty". The
# words after the comma describe the caller, so they name nobody else; "me, the driver hit my son" goes on with a
# verb and is left as said.
# Words that make the caller someone's: a relation or a carer ("I'm the mother", "I'm his carer").
_KIN = (r"mother|mum|mom|mama|mam|father|dad|papa|parent|son|daughter|wife|husband|brother|sister|grandmother|"
        r"grandfather|grandparent|granny|aunt|auntie|aunty|uncle|cousin|niece|nephew|partner|carer|caregiver|guardian|"
        r"babysitter|nanny|teacher|foreman|boss|manager|supervisor|neighbou?r|friend")
# "for me, I'm the driver" says it in a clause of its own; a kin word there ("me, I'm the mother") is left as said, since
# a mother, a son or a wife is someone's, and that someone may be the patient.
_SELF_APPOSITION = re.compile(r"\b(me|myself) , (?:(?:i am|i m) (?!(?:a|an|the) (?:\w+ )?(?:" + _KIN + r")\b))?(a|an|the) "
                              r"(\w+ ){0,2}?\w+( (?:of|in|on|at|from) (?:the |a |an |this |that |our |my )?\w+( \w+)?)?"
                              r"(?= ,| \.|$)")


# Someone named by their work, whatever the work: "the coconut plucker", "a rickshaw puller", "our tea picker", "the
# fisherwoman". Read only at the who question, after every word of the caller's own: a thing or an illness that ends
# the same way ("the fever", "the water") is not a person.
_NOT_A_WORKER = (r"other|another|water|fever|cancer|ulcer|liver|bladder|number|paper|matter|corner|letter|order|after|"
                 r"never|ever|over|under|together|either|neither|rather|later|better|power|computer|cent(er|re)|weather|"
                 r"winter|summer|dinner|supper|river|border|answer|danger|anger|temper|tumou?r|colou?r|floor|door|"
                 r"motor|tractor|generator|elevator|ventilator|inhaler|heater|cooker|charger|poster|sticker|trailer|"
                 r"container|counter|shower|flower|butter|sugar|pepper|ladder|hammer|helicopter|minor|major|error|"
                 r"doctor|labour|labor|honou?r|harbou?r|neighbou?r|behaviou?r|favou?r|humou?r|mirror|manner|member")
_BY_THEIR_WORK = re.compile(rf"\b(?:the|a|an|our|one|this|that|some) (?:\w+ )?(?!(?:{_NOT_A_WORKER}|{_BODY_PART})\b)"
                            rf"\w+(?:er|or|ist|man|men|woman|women)s?\b")


def without_line_checks(text: str) -> str:
    """The normalized text with "hello?", "can you hear me?" and the like taken out."""
    return re.sub(r"\s+", " ", _LINE_CHECK.sub(" ", normalize(text))).strip()


# "Nobody else", "no one else but me", "is me, none else": the caller denies there is another patient; it
# names no one.
_NOBODY_ELSE = re.compile(r"\b(?:nobody|no ?one|no body|none|no other (?:one|person|body)|not (?:anybody|anyone|somebody|someone)) else\b")


def parse_who(text: str) -> Who | None:
    """Who the patient is: "other" when anyone else is named, "self" on clear first-person evidence ("myself",
    "it's me", "I have a fever"), "maybe_self" on a bare "me" or "mine" (to be confirmed), else None.

    "Can you hear me?" is a line check, not an answer: it says nothing about who is ill.
    """
    t = re.sub(r"\bi am the (patient|one|sick one|person)\b", "myself", without_line_checks(text))
    t = _SELF_APPOSITION.sub(r"\1", t)
    t = _NOBODY_ELSE.sub(" ", t)  # "it's me, nobody else": no one else is named
    if re.search(rf"\b({_OTHER})\b", t):
        return "other"
    if re.search(rf"\b({_SELF_STRONG})\b", t):
        return "self"
    if _BY_THEIR_WORK.search(t):
        return "other"
    if re.search(rf"\b({_SELF_WEAK})\b", t):
        return "maybe_self"
    return None


# The unborn baby a pregnant caller speaks of is no other patient: "the baby is kicking fine", "my baby's moving less".
_UNBORN = re.compile(r"\b(?:the|my|our) (?:baby|babys?|bump)( s)? (?:is |s |has |keeps |still )?(?:kick\w*|mov\w*|turn\w*|"
                     r"hiccup\w*|heartbeat|heart beat|movements?|fine in there|not moving|quiet)\b")

_PREGNANCY_SAID = re.compile(r"\b(?:pregnant|expecting|incinta|embarazada|gravida|gr\w*vida|enceinte|schwanger|trimester|"
                             r"(?:\w+ )?weeks (?:pregnant|gone|along)|(?:i am|i m|im) (?:\w+ ){0,2}(?:weeks|months)\b)",
                             re.IGNORECASE)


# A birth just now or days ago: the mother's danger signs are pregnancy's (SAFETY.md: bleeding after a birth).
_JUST_GAVE_BIRTH = re.compile(r"\b(?:gave birth|given birth|giving birth|delivered|had (?:the|her|my|a) baby|post ?partum|"
                              r"after (?:the|my|her) (?:birth|delivery)|in labou?r)\b", re.IGNORECASE)


# Someone else's death, said in the third person: "my brother was driving and he's dead", "the other driver died".
_ANOTHER_DEATH = re.compile(r"\b(?:he|she|they|(?:my|our|his|her|the|a) \w+(?: \w+)?) (?:is|s|are|was|were|has|have)"
                            r"(?: been)? (?:dead|died|killed|passed away)\b", re.IGNORECASE)


def without_another_death(text: str) -> str:
    """The text without a third person's death: told by a caller who is the patient, it is a mechanism of the crash
    (SAFETY.md: someone died in the same vehicle), not a sign of the one speaking."""
    return _ANOTHER_DEATH.sub(" ", normalize(text))


def pregnancy_said(text: str) -> bool:
    """The words say someone is pregnant, in labour or has just given birth."""
    t = without_line_checks(text)
    return bool(_PREGNANCY_SAID.search(t) or _JUST_GAVE_BIRTH.search(t))


def names_someone_else(text: str) -> bool:
    """Whether the text names another person as the one it is about ("my son fell in the water"); a pregnant
    caller's baby inside her is not someone else."""
    t = _DIED_OF.sub(" ", without_line_checks(text))
    if _PREGNANCY_SAID.search(t):
        t = _UNBORN.sub(" ", t)
    return bool(re.search(rf"\b({_NAMED_OTHER})\b", t)) and not re.search(rf"\b({_SELF_STRONG})\b", t)


# Someone who died of something, or long ago, is the family's history, not the patient: "my father died of a heart
# attack so I'm worried". A death told without a cause or a date ("my dad just collapsed and died"), or with someone
# after it who "is" something now ("... of fright, he is not breathing"), may be the call itself.
_DIED_OF = re.compile(rf"\b(?:{_NAMED_OTHER}) (?:(?:also|too|had|has|once|who|who had|both) )*"
                      rf"(?:died|passed away|passed on|dropped dead)(?: \w+)? (?:of|from|in \d{{4}}|"
                      rf"(?:\w+ )?(?:years?|months?) ago|last (?:year|month))\b"
                      rf"(?!.*\b(?:he|she|they) (?:is|are|has|have|keeps|can|will|does)\b)")


_NOT_A_COMPLAINT = {
    "hi", "hello", "hey", "good", "morning", "afternoon", "evening", "day", "greetings", "please", "pls", "plz",
    "help", "helps", "need", "needs", "want", "wants", "would", "like", "to", "talk", "speak", "chat", "with",
    "a", "an", "the", "some", "doctor", "nurse", "health", "worker", "advice", "question", "ask", "start",
    "triage", "test", "testing", "line", "service", "is", "am", "are", "this", "there", "can", "could", "you",
    "anyone", "urgent", "urgently", "for", "about", "calling", "writing", "texting", "message", "thanks",
    "thank", "ok", "okay", "yes", "no", "sir", "madam", "ma", "um", "uh", "of", "and", "we", "it",
}


def says_complaint(text: str) -> bool:
    """Whether a message says what is wrong, beyond a greeting, a call for help or who it is for.

    "my son fell off his bike" does; "hello", "I need help for my mother" and "someone else" do not.
    """
    t = re.sub(rf"\b({_OTHER}|{_SELF})\b", " ", normalize(text))
    rest = [w for w in re.findall(r"[a-z]+", t) if w not in _NOT_A_COMPLAINT]
    return bool(rest)


_DURATION_UNITS = r"seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?"
_DURATION_WORDS = (
    r"since (yesterday|last night|this morning|today|last week|last month|morning|yesterday \w+|the \w+)|"
    r"(yesterday|today|last night|this morning|this afternoon|this evening|tonight|just now|a while)|"
    r"(a few|few|several|many|some|couple of|a couple of) (" + _DURATION_UNITS + ")|"
    r"(a long time|long time|all my life|for years|recently)"
)


def parse_duration(text: str) -> str | None:
    """How long, in the caller's own short words ("three days" -> "3 days", "since yesterday")."""
    t = normalize(text)
    m = re.search(rf"\b((?:[a-z0-9.]+ ){{1,3}}?)({_DURATION_UNITS})\b", t)
    if m:
        nums = numbers_in(m.group(1))
        if nums:
            n = nums[-1]
            unit = m.group(2)
            unit = {"min": "minute", "mins": "minutes", "hr": "hour", "hrs": "hours"}.get(unit, unit)
            unit = unit.rstrip("s") + ("s" if n != 1 else "")
            return f"{n:g} {unit}"
    m = re.search(rf"\b({_DURATION_WORDS})\b", t)
    return m.group(1) if m else None


# Each level also in the words a caller mixes in from Hindi, Nigerian Pidgin and Tagalog ("jaag raha hai", "e dey look
# me", "gising siya"; "bulane par", "call am"; "chutki", "kurot"; "walang reaksyon", "koi harkat nahi"): an alert
# child described in another language was otherwise asked again and then taken as the urgent side.
_NOT_AFTER = r"(?! (?:nahi|nahin|nai)\b)"  # Hindi puts its "not" after the verb: "jaag nahi raha" is not awake
_AVPU_PATTERNS: list[tuple[Avpu, str]] = [
    ("unresponsive", r"stiff\w*|arch\w*|posturing|rigid|jerk\w*|floppy|limp|unresponsive|unconscious|"
                     r"nothing|no (response|reaction)|does not (respond|react|move) at all|"
                     r"walang (reaksyon|reaction|galaw|malay|response)|hindi (gumagalaw|sumasagot|nagigising)|"
                     r"(koi|kuch|kuch bhi) (response|reaction|harkat|jawab) nahi\w*|no dey (respond|answer|move|react)|"
                     # Spanish, Portuguese, French and Swahili: "no responde", "não reage", "il ne réagit pas", "hajibu"
                     r"no (responde|reacciona)\w*|nao (responde|reage)\w*|ne (repond|reagit|bouge) (pas|plus|rien)|"
                     r"hajibu|haitikii"),
    ("pain", r"pinch\w*|pain|pull\w* (\w+ ){0,2}away|push\w* (\w+ ){0,2}away|withdraw\w*|moves? (\w+ ){0,2}away|flinch\w*|"
             r"when (i|we) (touch|shake|tickle|rub|tap|poke|prod|press|squeez|pinch|grip|nip)\w*|chutki|chikoti|kurot|kinurot|kinukurot"),
    ("voice", r"voice|when (i|we) (call|talk|speak|shout|say)|(his|her|their|the) name|responds?|answers?|"
              r"wakes? up|opens? (his|her|their) eyes|bula(ne|te|ya|yein|o)\w*|awaaz (dene|di|do|lagane)|"
              r"tinatawag|tinawag|(i|we) (dey )?call am"),
    # Awake in a small child's own ways: "she dey cry", "babbling and looking around", "smiling at me".
    ("alert", r"awake|alert|look(s|ing)? (at|around|about)|eyes (are )?open|talk\w*|chatt\w*|cry|cries|cried|crying|"
              r"babbl\w*|smil\w*|laugh\w*|play\w*|whin\w*|whing\w*|fuss\w*|grizzl\w*|normal|"
              # Jamaican: "him wake, him a bawl" (awake, crying)
              r"bawl\w*|(?<!not )(?<!no )(him|her|im) (a )?wake(?! up)|"
              rf"(jaag|jag|jaagi|jagi|jaga|jagaa)\w*{_NOT_AFTER}|(dekh|ro|khel|hans) ?(ta|ti|te|raha|rahi|rahe){_NOT_AFTER}|"
              r"(?<!hindi )(?<!di )(?<!hindi siya )(?<!di siya )gising|nakatingin|umiiyak|naglalaro|tumatawa|"
              r"(dey|don) (wake|look|cry|play|laugh)|"
              # crying and awake in Spanish, Portuguese, French and Swahili: "está llorando", "chorando", "il pleure"
              r"(?<!no )(?<!nao )(llor\w*|chor(a|ando|ou)|despiert[oa])|(?<!ne )pleur\w*|analia|anacheza|yuko macho"),
]


# A response told of an earlier time is not the child's state now: "she cried before, now she doesn't respond".
_BEFORE_NOW = re.compile(r"\b(before|earlier|at first|first|was|were|used to|this morning|last night)\b")
_NOW_BREAK = re.compile(r"[,.;?!]|\b(but|now|and then)\b")


def _said_of_before(t: str, start: int) -> bool:
    """Whether the clause around `start` tells of an earlier time."""
    clause_start = max((m.end() for m in _NOW_BREAK.finditer(t, 0, start)), default=0)
    following = _NOW_BREAK.search(t, start)
    return bool(_BEFORE_NOW.search(t[clause_start:following.start() if following else len(t)]))


def parse_avpu(text: str) -> Avpu | None:
    """AVPU level from a description; a response said with a negator just before it does not count, and one said
    with a doubt ("maybe she moved her eyes, I can't tell") is no answer yet: never the milder level on a guess."""
    t = normalize(text)
    doubted = any(re.search(rf"\b(?:{p})\b", t) for p in _UNSURE)
    for level, pattern in _AVPU_PATTERNS:
        for m in re.finditer(rf"\b(?:{pattern})\b", t):
            if level != "unresponsive" and (negated(t, m.start(), window=8) or _said_of_before(t, m.start())):
                continue
            return None if doubted and level != "unresponsive" else level
    if re.search(r"\bnot (respond|react|move|wake)\w*", t):
        return "unresponsive"
    return None


# A sign the caller takes back in the same breath by naming what it really was: "there's blood everywhere! no, sorry,
# it's the wine", "his lips are blue! oh, it's the ice lolly". Only a look-alike that stains or colours counts (food,
# drink, paint, dye, ink): "she's gone blue! oh, it's the cord" names a cause, not a mistake, and takes nothing back.
_BUTCHERED = (r"fish|chicken|chickens|hen|duck|goat|goats|cow|pig|pork|beef|meat|mutton|lamb|ram|animal|carabao|"
              r"bangus|tilapia|catfish|prawns?|shrimps?|crabs?|squid")
_LOOK_ALIKES = (r"wine|red wine|juice|beetroot|borscht|borsch|ketchup|tomato( sauce| juice| soup| paste)?|sauce|jam|"
                r"paint|dye|hair dye|henna|ink|pen(?! ?knife)|marker|felt tip|crayons?|chalk|lipstick|nail (polish|varnish)|"
                r"ice lolly|lolly|lollies|lollipop|popsicle|ice pop|slush\w*|sweets?|candy|sherbet|blueberr\w*|"
                r"blackberr\w*|berr\w*|cherr\w*|pomegranate|plums?|compote|kompot|syrup|cordial|ribena|kool aid|jelly|"
                r"food colou?ring|icing|cake|dessert|smoothie|slushie|mulberr\w*|"
                # An animal's blood on a vendor's, a butcher's or a cook's hands: "no, it's the fish blood, I'm cleaning
                # fish". Only the blood itself: a bare "it's the fish" may be a bone in the throat, a cause, not a stain.
                r"(?:the )?(?:" + _BUTCHERED + r")(?: s)? blood|blood (?:from|of) (?:the|a|that|this|my) (?:" + _BUTCHERED + r")")
_TAKEN_BACK = re.compile(
    r"(?:^|[,.;!?] ?)(?:(?:no|oh|ah|sorry|wait|hang on|actually|my mistake|false alarm|i mean|phew|thank god|"
    r"it is okay|it s okay|ok|okay)(?: ,| \.| !)* )+(?:(?:it is|it s|it was|that is|that s|that was|its|na|e be) (?:not blood ,? ?)?"
    r"(?:just |only |all |actually )?(?:the |some |a |an |his |her |their |my |our |from (?:the |a |an |his |her )?)?"
    rf"(?:\w+ ){{0,2}}?(?:{_LOOK_ALIKES})\b)")


# The look-alike's own colour ("the blue one", "a red lolly") describes it, not the patient.
_ITS_COLOUR = re.compile(rf"\b(?:dark |bright |light )?(?:blue|red|purple|grey|gray|black|violet)(?: coloured| colored)? "
                         rf"(?=(?:one|ones|kind|flavou?r|sort)\b|(?:\w+ )?(?:{_LOOK_ALIKES})\b)")


# The animal's blood named as the look-alike, and the work that shed it, are not the patient's blood or cut said again:
# "the fish blood" reads as "the fish", "I dey cut chicken" as "chicken".
_ITS_OWN_BLOOD = re.compile(rf"\b(?:({_BUTCHERED})(?: s)? blood|blood (?:from|of) ((?:the|a|that|this|my) (?:{_BUTCHERED}))|"
                            rf"(?:cut|cuts|cutting|clean\w*|gut|gutting|slaughter\w*|kill\w*|butcher\w*|dress\w*|scal\w*) "
                            rf"((?:the |some |a |my |our )?(?:{_BUTCHERED})))\b")


# A sign of the same kind said again after the correction keeps the flag, however the rules read it: "no, it's the
# paint, but he has cut his arm as well and that is really pouring".
_SIGN_AGAIN = {
    "heavy_bleeding": r"blood\w*|bleed\w*|pour\w*|gush\w*|spurt\w*|cut|cuts|gash\w*|wound\w*|soak\w*",
    "serious_injury": r"blood\w*|bleed\w*|pour\w*|gush\w*|spurt\w*|cut|cuts|gash\w*|wound\w*|soak\w*|bone",
    "breathing_difficulty": r"breath\w*|blue|grey|gray|purple|dusky|chok\w*|gasp\w*|wheez\w*|cough\w*",
    "choking": r"breath\w*|blue|grey|gray|purple|dusky|chok\w*|gasp\w*|cough\w*|stuck|throat|swallow\w*",
}


def sign_said_again(flag: str, corrected: str) -> bool:
    """Whether the words after a correction touch the flag's sign again (then nothing of it is taken back)."""
    pattern = _SIGN_AGAIN.get(flag)
    return pattern is None or re.search(rf"\b(?:{pattern})\b", corrected) is not None


def taken_back(text: str) -> str | None:
    """The words after a self-correction that names a look-alike for the sign said before it (what the caller now
    says is so, the look-alike's own colour left out), or None when nothing was taken back."""
    t = normalize(text)
    m = _TAKEN_BACK.search(t)
    if not m:
        return None
    return _ITS_OWN_BLOOD.sub(r"\1\2\3", _ITS_COLOUR.sub("", t[m.start():])).lstrip(",.;!? ")
