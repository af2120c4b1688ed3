"""Counts, ages and ranges as people say them: "eight or nine", "between 7 and 9", "about 30 a minute",
"she'll be eight next month", "over seventy", "in his thirties".

Every number said becomes an interval, `Quantity(low, high)`, with how it was said (`kind`): exact,
a range, hedged ("about"), just under ("almost eight", "will be eight next month": the completed
number below), strictly below or above ("under 8", "more than 30"), or open ("30 or more"). The
interval is all this module decides; which end is the safe one depends on the clinical threshold,
so that choice belongs to the dialogue (intake/dialogue.py), which takes the urgent side.

Ranges are two numbers joined by "to", "or", "and", "-", "maybe", "no" ("nine, no, ten"): both
ends are kept. Three or more numbers going up by one ("one, two, three, four") are a count said
aloud: its last number is the count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from intake.understanding import (_AGE_FRAME, _AGE_HOMOPHONES, _ALONE_HOMOPHONES, _TENS, _UNITS, english_numbers,
                                  normalize)

Kind = Literal["exact", "range", "about", "just_under", "below", "above"]
Unit = Literal["year", "month", "week", "day", "second", "minute", "hour", "breath"]


@dataclass(frozen=True)
class Quantity:
    """A number as said: the interval it allows (None: open on that side), how it was said, its unit."""

    low: float | None
    high: float | None
    kind: Kind = "exact"
    unit: Unit | None = None
    said: float | None = None  # the number itself, for every kind but a range

    def scaled(self, factor: float, unit: Unit | None = None) -> "Quantity":
        """The same quantity in another unit ("6 months" -> 0.5 years)."""
        def f(x: float | None) -> float | None:
            return None if x is None else x * factor
        return Quantity(f(self.low), f(self.high), self.kind, unit, f(self.said))


_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
            "eighties": 80, "nineties": 90, "teens": 13}
_NOT_NUMBERS = {"oh", "none", "nil", "a dozen"}
_UNIT_WORDS: dict[str, Unit] = {
    **dict.fromkeys(("year", "years", "yr", "yrs"), "year"),
    **dict.fromkeys(("month", "months", "mo", "mos", "mth", "mths"), "month"),
    **dict.fromkeys(("week", "weeks", "wk", "wks"), "week"),
    **dict.fromkeys(("day", "days"), "day"),
    **dict.fromkeys(("second", "seconds", "sec", "secs"), "second"),
    **dict.fromkeys(("minute", "minutes", "min", "mins"), "minute"),
    **dict.fromkeys(("hour", "hours", "hr", "hrs"), "hour"),
    **dict.fromkeys(("breath", "breaths", "times", "breathes"), "breath"),
}
# Words that may stand between the two numbers of a range ("nine, maybe ten", "seven, no, eight").
_RANGE_JOINERS = {"to", "or", "and", "maybe", "perhaps", "possibly", "probably", "no", "sorry", "actually", "i",
                  "mean", "like", "um", "uh", "er", "erm", "could", "be", "might", "between", "from"}
_MAX_JOINERS = 3
# A second number after a self-correction or a doubt ("seven, or was it eight", "nine, no wait, it was ten") is the
# other end of the range, never a replacement: the caller is unsure which.
_CORRECTION = re.compile(r"(or |no )?(wait )?((it )?(was|is) it|it (was|is)|make (it|that)|hmm|or rather|i think)( \w+)?")

# Words before a number, longest first within each kind; the first kind whose words end just before it wins.
_BEFORE: list[tuple[Kind | str, str]] = [
    # "a little over twenty", "a bit more than five": just past the number, not open-ended as "over twenty" is
    ("just_over", r"(a )?(little|bit|tad|touch|wee bit) (over|more than|above)|just (over|more than|above)|"
                  r"slightly (over|more than|above)"),
    ("just_under", r"almost|nearly|not quite|just under|going on|about to (be|turn)|will (be|turn)|"
                   r"going to (be|turn)|gonna (be|turn)|turning|turns|soon to be"),
    ("below", r"under|below|less than|fewer than|lower than|not even"),
    ("at_most", r"at most|up to|no more than|not more than|maximum|max"),
    ("above", r"over|above|more than|greater than|higher than|older than|past"),
    ("at_least", r"at least|no less than|not less than|minimum|upwards of"),
    ("about", r"about|around|round about|roughly|approximately|approx|maybe|perhaps|probably|possibly|like|say|"
              r"some|close to|near|more or less|something like|give or take"),
]
_AFTER: list[tuple[Kind | str, str]] = [
    ("about", r"ish|or so|or thereabouts|give or take|odd|more or less|roughly|approximately"),
    ("at_least", r"or more|plus|and (over|above|up|more)|or over|or above|at least"),
    ("at_most", r"or less|or fewer|or under|and under|and below|at most"),
    ("decade", r"something"),
    ("just_under", r"(next|coming) (week|month|year)|soon|in (a|one|two|three|few|a few) (days?|weeks?|months?)"),
]


@dataclass
class _Num:
    low: float
    high: float
    start: int
    end: int  # token index after the number's last word
    hedged: bool = False  # "sevenish", "30ish"


def prepare(text: str) -> str:
    """Normalized text with digit ranges spelled out ("7-9" -> "7 to 9") before the hyphen is lost."""
    return english_numbers(normalize(re.sub(r"(?<=\d)\s*[-\u2013\u2014]\s*(?=\d)", " to ", text or "")))


def _tokens(text: str) -> list[str]:
    return [w for w in prepare(text).split() if w not in {",", ".", ";", "?", "!"}]


def _word_value(w: str) -> tuple[float, float, bool] | None:
    """(low, high, hedged) of one number word or digit string, None when it is no number."""
    hedged = False
    if w.endswith("ish") and len(w) > 3:
        w, hedged = w[:-3], True
    if re.fullmatch(r"\d+(\.\d+)?", w):
        return float(w), float(w), hedged
    if re.fullmatch(r"\d+0s", w):  # "30s"
        return float(w[:-1]), float(w[:-1]) + 9, hedged
    if w in _DECADES:
        start = _DECADES[w]
        return float(start), float(19 if w == "teens" else start + 9), hedged
    if w in _TENS:
        return float(_TENS[w]), float(_TENS[w]), hedged
    if w in _UNITS and w not in _NOT_NUMBERS:
        return float(_UNITS[w]), float(_UNITS[w]), hedged
    return None


def _scan(toks: list[str]) -> list[_Num]:
    """Every number in the tokens with its span: digits, words, "twenty two", "a dozen", "one and a half"."""
    out: list[_Num] = []
    i = 0
    while i < len(toks):
        w = toks[i]
        if w in ("a", "an") and i + 1 < len(toks) and toks[i + 1] in ("dozen", "hundred", "couple"):
            value = {"dozen": 12.0, "hundred": 100.0, "couple": 2.0}[toks[i + 1]]
            end = i + 3 if toks[i + 1] == "couple" and i + 2 < len(toks) and toks[i + 2] == "of" else i + 2
            out.append(_Num(value, value, i, end))
            i = end
            continue
        found = _word_value(w)
        if found is None:
            i += 1
            continue
        low, high, hedged = found
        end = i + 1
        if w in _TENS and end < len(toks) and toks[end] in _UNITS and 0 < _UNITS[toks[end]] < 10:
            low = high = low + _UNITS[toks[end]]  # "twenty two"
            end += 1
        if end < len(toks) and toks[end] in ("hundred", "dozen"):
            factor = 100 if toks[end] == "hundred" else 12
            low, high = low * factor, high * factor
            end += 1
        if toks[end:end + 3] == ["and", "a", "half"]:
            low, high, end = low + 0.5, high + 0.5, end + 3
        elif toks[end:end + 2] == ["and", "half"]:
            low, high, end = low + 0.5, high + 0.5, end + 2
        out.append(_Num(low, high, i, end, hedged))
        i = end
    return out


def _joined(toks: list[str], a: _Num, b: _Num) -> bool:
    between = toks[a.end:b.start]
    if len(between) <= _MAX_JOINERS and all(w in _RANGE_JOINERS for w in between):
        return True
    return len(between) <= 5 and _CORRECTION.fullmatch(" ".join(between)) is not None


def _modifier(text: str, table: list[tuple[str, str]], *, at_end: bool) -> str | None:
    for kind, pattern in table:
        if re.search(rf"(?:^| )(?:{pattern})$" if at_end else rf"^(?:{pattern})(?: |$)", text):
            return kind
    return None


def _unit_after(toks: list[str], end: int) -> Unit | None:
    for w in toks[end:end + 4]:
        if w in _UNIT_WORDS:
            return _UNIT_WORDS[w]
        if w not in {"or", "so", "more", "less", "plus", "odd", "whole", "full"}:
            return None  # "40 a minute" is a rate, "40 minutes" a time
    return None


def quantities(text: str) -> list[Quantity]:
    """Every quantity said, in order: numbers, ranges between them and the words around them."""
    toks = _tokens(text)
    nums = _scan(toks)
    out: list[Quantity] = []
    i = 0
    while i < len(nums):
        j = i
        while j + 1 < len(nums) and _joined(toks, nums[j], nums[j + 1]):
            j += 1
        group = nums[i:j + 1]
        # "twelve, twelve", "one, two, ... twelve, twelve": a number said again is one number, not a range to itself
        group = [n for k, n in enumerate(group) if k == 0 or (n.low, n.high) != (group[k - 1].low, group[k - 1].high)]
        steps = [b.low - a.low for a, b in zip(group, group[1:])]
        if len(group) >= 3 and all(s == 1 for s in steps):
            group = group[-1:]  # "one, two, three, four": a count said aloud
        first, last = group[0], group[-1]
        start, end = first.start, last.end
        before = " ".join(toks[max(0, start - 4):start])
        after = " ".join(toks[end:end + 4])
        low, high = min(n.low for n in group), max(n.high for n in group)
        ranged = len(group) > 1 or low != high
        said = None if ranged else low
        kind: Kind = "range" if ranged else "exact"
        mod = _modifier(before, _BEFORE, at_end=True) or _modifier(after, _AFTER, at_end=False)
        if any(n.hedged for n in group) and mod is None:
            mod = "about"
        if not ranged and mod is not None:
            kind, low, high = _apply(mod, low)
        elif ranged and mod == "about":
            kind = "range"  # "about 7 or 8": the range already says how unsure
        if kind == "range":
            said = None
        out.append(Quantity(low, high, kind, _unit_after(toks, end), said))
        i = j + 1
    return out


def _apply(mod: str, n: float) -> tuple[Kind, float | None, float | None]:
    """The interval a modifier makes of one number n."""
    if mod == "about":
        return "about", n, n
    if mod == "just_under":
        below = n - 1 if n >= 2 else n * 11 / 12  # "almost one (year)": eleven months, not zero
        return "just_under", below, below
    if mod == "below":
        return "below", None, n - 1 if n >= 1 else n
    if mod == "at_most":
        return "below", None, n
    if mod == "above":
        return "above", n + 1, None
    if mod == "just_over":  # one more, or up to a fifth more for a larger number ("a little over 20" -> 21 to 24)
        return "above", n + 1 if n >= 2 else n, n + max(1, round(n / 5))
    if mod == "at_least":
        return "above", n, None
    if mod == "decade":
        return "range", n, n + 9
    return "exact", n, n


# --- ages ----------------------------------------------------------------

_AGE_FACTORS: dict[str, float] = {"year": 1.0, "month": 1 / 12, "week": 7 / 365, "day": 1 / 365}
MAX_AGE_YEARS = 120


# An age said as a year of birth ("she was born in 2023"): the birthday is not said, so it is a range of a year.
_BORN_IN = re.compile(r"\b(born|birth|birthday)( \w+){0,3}? (in |of )?((?:19|20)\d\d)\b")


def parse_age_quantity(text: str, *, this_year: int | None = None) -> Quantity | None:
    """Age in years as an interval ("seven or eight", "almost 8", "6 months", "two years and six months",
    "born in 2023")."""
    t = prepare(text)
    born = _BORN_IN.search(t)
    if born:
        years = (this_year or date.today().year) - int(born.group(4))
        if 0 <= years <= MAX_AGE_YEARS:
            return Quantity(max(years - 1, 0), years if years >= 1 else 0.99, "range", "year")
    t = _unit_first(_SCHOOL_YEAR.sub(" ", t))
    t = _ORDINAL_BIRTHDAY.sub(_birthday, t)
    t = _TIME_FROM_NOW.sub("soon", t)  # "he'll be eight in two weeks": the two weeks are no age
    t = re.sub(r"\ba (year|month|week|day)\b", r"one \1", t)
    t = re.sub(r"\bone (year|month) and a half\b", r"one and a half \1", t)
    found = quantities(t)
    timed = [q for q in found if q.unit in _AGE_FACTORS]
    if timed:
        # "two years and six months" adds up; "18 months to 2 years" is a range whose younger end comes first
        parts = [timed[0]]
        for q in timed[1:]:
            if _AGE_FACTORS[q.unit] >= _AGE_FACTORS[parts[-1].unit]:  # type: ignore[index]
                break
            parts.append(q)
        years = [q.scaled(_AGE_FACTORS[q.unit], "year") for q in parts]  # type: ignore[index]
        age = years[0] if len(years) == 1 else _sum(years)
    else:
        plain = [q for q in found if q.unit is None and _within(q)]
        if plain:
            age = Quantity(plain[0].low, plain[0].high, plain[0].kind, "year", plain[0].said)
        else:
            # "He is far here, though old." was "he is four years old": a homophone in the years-old frame.
            m = _AGE_FRAME.search(" ".join(re.findall(r"[a-z0-9]+", t)))
            if not m:
                return None
            n = float(_AGE_HOMOPHONES[m.group(1)])
            age = Quantity(n, n, "exact", "year", n)
    if age.kind == "above" and age.said is not None and re.search(rf"(?:{dict(_BEFORE)['just_over']}) \S+", t):
        age = Quantity(age.said, age.said, "exact", "year", age.said)  # "a little over seven": seven, in completed years
    return age if _within(age) else None


# A school year is no age: "she's in class 6", "grade 5", "year 3", "form two", "fifth grade", "P4" (a pupil in class 6 is
# about eleven, not six). Left out, the age is asked again when nothing else tells it. "Year" only with digits ("year 3"):
# "year one" is also Swahili's "mwaka mmoja" and Arabic's "sana wahda" glossed, an age of one.
_NUMBER_WORDS = r"\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_SCHOOL_YEAR = re.compile(rf"\b(?:(?:(?:class|grade|standard|std|form|primary|p|jss|sss|ss|kg)(?: number)? (?:{_NUMBER_WORDS})|year \d+)"
                          rf"(?! (?:years?|yrs?|months?|old)\b)|(?:\d+ ?(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|"
                          rf"seventh|eighth|ninth|tenth|eleventh|twelfth) (?:grade|class|standard|form|year of (?:school|primary))"
                          rf"|(?:p|jss|sss|ss|kg)(?:\d+))\b")
_AGE_UNIT_WORDS = {w for w, u in _UNIT_WORDS.items() if u in ("year", "month", "week", "day")}


def _unit_first(t: str) -> str:
    """An age said unit first, as Swahili, Yoruba, Arabic and Zulu say it once glossed ("miaka mitano" is "years five",
    "miezi kumi" "months ten"), put in English order: read as a bare number, ten months would be ten years. Only a unit
    with no number before it and a number after it, which no unit of its own follows, is moved."""
    toks = t.split()
    out: list[str] = []
    i = 0
    while i < len(toks):
        w = toks[i]
        ahead = _scan(toks[i + 1:i + 4])
        if (w in _AGE_UNIT_WORDS and not (out and _word_value(out[-1])) and ahead and ahead[0].start == 0
                and not (i + 1 + ahead[0].end < len(toks) and toks[i + 1 + ahead[0].end] in _UNIT_WORDS)):
            number = toks[i + 1:i + 1 + ahead[0].end]
            out.extend([*number, w])
            i += 1 + ahead[0].end
            continue
        out.append(w)
        i += 1
    return " ".join(out)


# A time from now is never an age: "in two weeks", "in 3 months" say when a birthday comes.
_TIME_FROM_NOW = re.compile(r"\bin (?:a|an|one|two|three|four|five|six|\d+|a few|few|a couple of|a couple) "
                            r"(?:days?|weeks?|months?)\b")
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
             "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
             "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18}
# An age said as the birthday: "his 8th birthday was last month" is eight; "her eighth birthday is next week" is seven.
_ORDINAL_BIRTHDAY = re.compile(rf"\b(?:(\d+) ?(?:st|nd|rd|th)|({'|'.join(_ORDINALS)})) birthday\b")
_AHEAD = re.compile(r"^ (?:is |will be |comes |coming )?(?:up |due )?(?:next|coming|soon|in (?:a|one|two|three|four|few|a few|\d+) "
                    r"(?:days?|weeks?|months?))\b")


def _birthday(m: re.Match) -> str:
    n = m.group(1) or str(_ORDINALS[m.group(2)])
    return f"turning {n}" if _AHEAD.match(m.string[m.end():]) else n


def _within(q: Quantity) -> bool:
    ends = [x for x in (q.low, q.high) if x is not None]
    return bool(ends) and all(0 <= x <= MAX_AGE_YEARS for x in ends)


def _sum(parts: list[Quantity]) -> Quantity:
    """"two years and six months": the parts added end by end."""
    def total(xs: list[float | None]) -> float | None:
        return None if any(x is None for x in xs) else round(sum(xs), 2)  # type: ignore[arg-type]
    kinds = [q.kind for q in parts if q.kind != "exact"]
    said = total([q.said for q in parts])
    return Quantity(total([q.low for q in parts]), total([q.high for q in parts]), kinds[0] if kinds else "exact",
                    "year", said)


def parse_age(text: str) -> float | None:
    """Age in years, the younger end of what was said ("six months" -> 0.5, "seven or eight" -> 7)."""
    age = parse_age_quantity(text)
    if age is None:
        return None
    value = age.low if age.low is not None else age.high
    return round(value, 2) if value is not None else None


# --- breath counts --------------------------------------------------------

COUNT_SECONDS = 15  # what the dialogue asks for: the count is then multiplied by 4
_TIME_FACTORS: dict[str, float] = {"second": 1.0, "minute": 60.0, "hour": 3600.0}
_A_MINUTE = re.compile(
    r"\b(a|an|one|per|each|every|the|whole|full|entire|single)( (whole|full|entire))? (minute|min)\b|\b(bpm|rpm)\b")
_HALF_MINUTE = re.compile(r"\bhalf (a |an )?minute\b")
_NOT_ONE = re.compile(r"\bnot (a single |even |even a single )?(one|breath)( breath)?\b")
_WINDOW_DOUBT = re.compile(r"\b(or (was it|maybe|it was|was that|for)|not sure|unsure|do not know|can not remember|maybe)\b")
_ZERO = re.compile(r"\b(none|nil|nothing|no breaths?|not any)\b")
# The counter says the count itself is not to be trusted: it is counted again, never taken as said.
_LOST_COUNT = re.compile(r"\b(lost (the |my )?count|los(t|ing) track|(could|can) not (keep )?(count|track)|"
                         r"miss(ed)? (some|a few|a couple|one or two|a lot)|not sure (of|about) (the|my) count(ing)?)\b")


@dataclass(frozen=True)
class BreathCount:
    """Breaths counted, as a rate per minute (an interval, like the count), and how long they were counted."""

    count: Quantity
    seconds: float = COUNT_SECONDS
    doubted: bool = False  # "I lost count": the caller does not trust it

    @property
    def per_minute(self) -> Quantity:
        """The count scaled to one minute: a 15-second count x 4, a count over a minute as it is."""
        return self.count.scaled(60 / self.seconds)

    @property
    def zero(self) -> bool:
        """The caller counted no breaths at all (said zero as the count, or as the low end of it)."""
        return self.count.low == 0


def parse_breath_count(text: str) -> BreathCount | None:
    """The breaths counted and over how long ("8", "seven or eight", "about forty a minute", "12 in 30 seconds").

    A count "a minute", "per minute" or "in one minute" is already a rate; a count over 30 seconds is
    doubled; without a time, the count is over the 15 seconds we asked for. None when no count was said;
    `doubted` when the caller says they lost count.
    """
    t = prepare(text)
    doubted = _LOST_COUNT.search(t) is not None
    t = _NOT_ONE.sub("zero", t)  # "not one", "not a single breath": no "one" counted
    found = quantities(t)
    if not found and _ZERO.search(t):
        found = quantities("zero")
    times = [q for q in found if q.unit in _TIME_FACTORS]
    seconds: float = COUNT_SECONDS
    if times and times[0].low:
        seconds = times[0].low * _TIME_FACTORS[times[0].unit]  # type: ignore[index]
    elif _HALF_MINUTE.search(t):
        seconds = 30
    elif _A_MINUTE.search(t):
        seconds = 60
    counts = [q for q in found if q.unit not in _TIME_FACTORS]
    if counts and seconds == 60 and _WINDOW_DOUBT.search(t):
        # "twelve... or was it the whole minute, I'm not sure": over 15 seconds or a minute, so the rate is
        # anywhere from the count to four times it, and the dialogue takes the urgent end of that.
        c = counts[0]
        high = None if c.high is None else c.high * 60 / COUNT_SECONDS
        return BreathCount(Quantity(c.low, high, "range", c.unit), 60, doubted)
    if counts:
        return BreathCount(counts[0], seconds, doubted)
    toks = t.split()
    if len(toks) == 1 and toks[0] in _ALONE_HOMOPHONES:  # "for", "to": a lone number heard as its homophone
        n = float(_ALONE_HOMOPHONES[toks[0]])
        return BreathCount(Quantity(n, n, "exact", None, n), seconds)
    return None


# --- capillary refill ------------------------------------------------------

# "A couple of seconds" is two or three; "a few" or "several" are more than two: the lay words for a slow return.
_COUPLE_SECONDS = re.compile(r"\b(a )?couple( of)? (seconds?|secs?)\b")
_FEW_SECONDS = re.compile(r"\b(a few|few|several|a good few|many|some) (seconds?|secs?)\b")
# How long the nail was pressed is not how long the colour took to return: "I pressed it for five seconds, it went
# pink at once". The press's words run to the first word of the result ("took", "came", "pink", "after", ...).
_PRESS_TIME = re.compile(r"\b(press\w*|push\w*|squeez\w*|pinch\w*|held|hold\w*)\b"
                         r"(?:(?! (?:back|pink|red|colou?r|return\w*|came|comes|come|took|takes|taking|after|until|till|"
                         r"then|went|goes|stayed|stays|still|and it)\b)[^,.;])*?\b(seconds?|secs?)\b")
_COUNTED = re.compile(r"\bcount\w*\b")
_SMALL_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
_TIME_THEN_OTHER = re.compile(rf"\b(?P<a>{_SMALL_NUMBER}) (?P<unit>seconds?|secs?)(?: ,)? or (?:maybe |perhaps |possibly |even )?"
                              rf"(?P<b>{_SMALL_NUMBER})\b(?: (?:seconds?|secs?)\b)?(?! minutes?\b)")


def parse_refill_seconds(text: str) -> Quantity | None:
    """How many seconds the nail's colour took to come back, when the answer says it as a time ("about three
    seconds", "in a second", "a couple of seconds", "I counted to four"); None when no time was said.

    The time the nail was pressed is left out; a count said aloud while waiting ("one, two, three, still white")
    is counted as seconds, as the lay method counts them."""
    t = _PRESS_TIME.sub(" ", prepare(text))
    # a second reading after the unit is the range's top: "two seconds, or three?", "3 secs or maybe 4"
    t = _TIME_THEN_OTHER.sub(r"\g<a> or \g<b> \g<unit>", t)
    t = re.sub(r"\b(a|an) (split )?(second|sec)\b", "one second", t)
    if _FEW_SECONDS.search(t):
        return Quantity(3, None, "above", "second")
    if _COUPLE_SECONDS.search(t):
        return Quantity(2, 3, "range", "second")
    found = quantities(t)
    for q in found:
        if q.unit == "second":
            return q
        if q.unit == "minute":
            return q.scaled(60, "second")
    counted = [q for q in found if q.unit is None]
    if counted and _COUNTED.search(t):
        last = counted[-1]
        return Quantity(last.low, last.high, last.kind, "second", last.said)
    return None
