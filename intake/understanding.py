"""What a caller meant: yes/no, numbers, ages, durations, from messy ASR text or an SMS body."""

from __future__ import annotations

import re
from typing import Literal

YesNo = Literal["yes", "no", "unsure"]
Avpu = Literal["alert", "voice", "pain", "unresponsive"]

_CONTRACTIONS = [
    (r"\bcan't\b|\bcannot\b", "can not"),
    (r"\bwon't\b", "will not"),
    (r"\bain't\b", "is not"),
    (r"n't\b", " not"),
    (r"\b(he|she|it|that|there|what|who|this)'s\b", r"\1 is"),
    (r"'re\b", " are"),
    (r"\bi'm\b", "i am"),
    (r"'ll\b", " will"),
    (r"'ve\b", " have"),
    (r"'d\b", " would"),
]


def normalize(text: str) -> str:
    """Lower case, contractions spelled out, punctuation gone except clause breaks (, . ; ? !)."""
    t = (text or "").lower().replace("\u2019", "'").replace("\u2018", "'")
    for pattern, repl in _CONTRACTIONS:
        t = re.sub(pattern, repl, t)
    t = re.sub(r"(?<=\d)[-/](?=\d)", " ", t)  # "9-10", "7/10"
    t = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", t)  # "twenty-two", "uh-huh"
    t = re.sub(r"[^a-z0-9,.;?! ]+", " ", t)
    t = re.sub(r"(?<!\d)\.|\.(?!\d)", " . ", t)
    t = re.sub(r"([,;?!])", r" \1 ", t)
    return re.sub(r"\s+", " ", t).strip()


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
]
_YES_WORDS = {
    "yes", "yeah", "yea", "yep", "yup", "ya", "yah", "aye", "sure", "correct", "affirmative", "absolutely",
    "definitely", "indeed",
}
_YES_PHRASES = [r"uh huh", r"mm hmm", r"mhm+", r"i think so", r"i believe so", r"that is right", r"of course"]
_NO_WORDS = {"no", "nope", "nah", "negative", "never"}
_CONSENT_YES = {"ok", "okay", "alright", "please", "fine"}
_NEGATORS = {"not", "no", "never", "unable", "stopped", "without", "neither", "nor", "too"}  # "too weak to walk"
_CLAUSE_BREAK = re.compile(r"[,.;?!]|\bbut\b")


def negated(t: str, start: int, window: int = 4) -> bool:
    """Whether a negator stands in the same clause, at most `window` words before position `start`."""
    clause = _CLAUSE_BREAK.split(t[:start])[-1]
    return any(w in _NEGATORS for w in clause.split()[-window:])


def _spans(pattern: str, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"\b(?:{pattern})\b", text)]


def parse_yes_no(text: str, *, keywords: tuple[str, ...] = (), yes_phrases: tuple[str, ...] = (),
                 no_phrases: tuple[str, ...] = (), consent: bool = False) -> YesNo | None:
    """yes / no / unsure from an answer; None when nothing in it answers the question.

    A keyword of the question said plainly is a yes, said with a negator just before it a no. An
    answer holding both a yes and a no is "unsure": guessing here could pick the milder branch.
    """
    t = normalize(text)
    if not t:
        return None
    cues: list[tuple[int, YesNo]] = []
    taken: list[tuple[int, int]] = []

    def add(spans: list[tuple[int, int]], value: YesNo) -> None:
        for s, e in spans:
            if not any(s < te and ts < e for ts, te in taken):
                taken.append((s, e))
                cues.append((s, value))

    for p in no_phrases:
        add(_spans(p, t), "no")
    for p in yes_phrases:
        add(_spans(p, t), "yes")
    for p in _NEG_HEDGES:
        add(_spans(p, t), "no")
    for p in _UNSURE:
        add(_spans(p, t), "unsure")
    for p in _YES_PHRASES:
        add(_spans(p, t), "yes")
    for kw in keywords:
        for s, e in _spans(kw, t):
            add([(s, e)], "no" if negated(t, s) else "yes")
    yes_words = _YES_WORDS | (_CONSENT_YES if consent else set())
    for m in re.finditer(r"[a-z]+", t):
        if m.group() in yes_words:
            add([m.span()], "yes")
        elif m.group() in _NO_WORDS:
            add([m.span()], "no")
    if not cues:
        return None
    values = {value for _, value in cues}
    if {"yes", "no"} <= values:
        # "No, she has to reach to walk" (ASR for "too weak to walk"): a yes and a no in one answer is
        # not ours to resolve; the dialogue re-asks and, if still unclear, takes the urgent branch.
        return "unsure"
    return max(cues)[1]


# --- numbers -------------------------------------------------------------

_UNITS = {
    "zero": 0, "oh": 0, "none": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a dozen": 12, "dozen": 12,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_ALONE_HOMOPHONES = {"for": 4, "fore": 4, "to": 2, "too": 2, "ate": 8, "won": 1, "tree": 3, "free": 3}
# Number words as Whisper mishears them on a phone line, trusted only in the frame "<n> years old".
_AGE_HOMOPHONES = {**_ALONE_HOMOPHONES, "far": 4, "sick": 6, "sex": 6, "tin": 10}
_AGE_FRAME = re.compile(rf"\b({'|'.join(_AGE_HOMOPHONES)}) (years?|yrs?|here|ears|yes) (\w+ )?old\b")


def numbers_in(text: str) -> list[float]:
    """Every number in the text, in order: digits and English number words ("twenty two" -> 22)."""
    toks = words(text)
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


def parse_breath_count(text: str) -> tuple[int, bool] | None:
    """(number, per_minute) from a breath count; "15 seconds" in the answer is not the count."""
    t = normalize(text)
    t = re.sub(r"\b(in|for|over|during|after)? ?(the )?(15|fifteen) seconds?\b", " ", t)
    n = parse_number(t)
    if n is None:
        return None
    return n, bool(re.search(r"\b(a|per|each|every|in a|in one) minute\b", t))


def parse_severity(text: str) -> int | None:
    """Severity on a 1-10 scale ("seven out of ten" -> 7); anything outside 1-10 is no answer."""
    n = parse_number(text)
    return n if n is not None and 1 <= n <= 10 else None


# --- ages ----------------------------------------------------------------

_AGE_UNITS = {"year": 1.0, "yr": 1.0, "month": 1 / 12, "week": 7 / 365, "day": 1 / 365}
_CHILD_WORDS = r"baby|babies|infant|newborn|new born|toddler|little (boy|girl|one)|small (boy|girl|child)|child|kid"
_ADULT_WORDS = r"adult|grown|elderly|old (man|woman|lady)|teenager|teen|pensioner|grandmother|grandfather|grandma|grandpa"


def parse_age(text: str) -> float | None:
    """Age in years ("six months" -> 0.5, "he's 45", "a year and a half" -> 1.5); None when not said."""
    t = normalize(text)
    t = re.sub(r"\ba (year|month|week|day)\b", r"one \1", t)
    t = re.sub(r"\bone (year|month) and a half\b", r"one and a half \1", t)
    total = 0.0
    found = False
    for m in re.finditer(r"((?:[a-z0-9.]+ ){1,4}?)(years?|yrs?|months?|weeks?|days?)\b", t):
        nums = numbers_in(m.group(1))
        if nums:
            unit = _AGE_UNITS[m.group(2).rstrip("s")]
            total += nums[-1] * unit
            found = True
    if found:
        return round(total, 2) if total <= 120 else None
    nums = [n for n in numbers_in(t) if 0 <= n <= 120]
    if nums:
        return nums[0]
    # "He is far here, though old." was "he is four years old": a number's homophone in the years-old frame.
    m = _AGE_FRAME.search(" ".join(re.findall(r"[a-z0-9]+", t)))
    return float(_AGE_HOMOPHONES[m.group(1)]) if m else None


def age_group(text: str) -> Literal["child", "adult"] | None:
    """'child' or 'adult' from words alone ("a baby", "an old man"), when no number was said."""
    t = normalize(text)
    if re.search(rf"\b({_CHILD_WORDS})\b", t):
        return "child"
    if re.search(rf"\b({_ADULT_WORDS})\b", t):
        return "adult"
    return None


# --- who, durations, AVPU ------------------------------------------------

_OTHER = (
    r"someone|somebody|another|other person|else|he|she|him|her|his|they|them|"
    r"my (son|daughter|wife|husband|mother|mum|mom|mama|father|dad|papa|child|baby|kid|friend|brother|sister|"
    r"neighbou?r|uncle|aunt|auntie|grandmother|grandfather|grandma|grandpa|cousin|colleague|boss|boy|girl|"
    r"partner|patient|relative|in law|nephew|niece|twin)|"
    r"a (man|woman|lady|boy|girl|child|baby|person|stranger|student|worker|passenger)|"
    r"the (man|woman|lady|boy|girl|child|baby|person|driver|patient)"
)
_SELF = r"myself|me|i|mine|my own|for me|it is me"


def parse_who(text: str) -> Literal["self", "other"] | None:
    """Whether the caller speaks for themselves or for someone else; 'other' wins a tie (it asks more)."""
    t = normalize(text)
    if re.search(rf"\b({_OTHER})\b", t):
        return "other"
    if re.search(rf"\b({_SELF})\b", t):
        return "self"
    return None


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


_AVPU_PATTERNS: list[tuple[Avpu, str]] = [
    ("unresponsive", r"stiff\w*|arch\w*|posturing|rigid|jerk\w*|floppy|limp|unresponsive|unconscious|"
                     r"nothing|no (response|reaction)|does not (respond|react|move) at all"),
    ("pain", r"pinch\w*|pain|pull\w* away|push\w* (my hand )?away|withdraw\w*|moves? away|flinch\w*"),
    ("voice", r"voice|when (i|we) (call|talk|speak|shout|say)|(his|her|their|the) name|responds?|answers?|"
              r"wakes? up|opens? (his|her|their) eyes"),
    ("alert", r"awake|alert|looking at|eyes (are )?open|talking|crying|playing|normal"),
]


def parse_avpu(text: str) -> Avpu | None:
    """AVPU level from a description; a response said with a negator just before it does not count."""
    t = normalize(text)
    for level, pattern in _AVPU_PATTERNS:
        for m in re.finditer(rf"\b(?:{pattern})\b", t):
            if level != "unresponsive" and negated(t, m.start(), window=8):
                continue
            return level
    if re.search(r"\bnot (respond|react|move|wake)\w*", t):
        return "unresponsive"
    return None
