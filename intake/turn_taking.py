"""Whether the caller has finished answering: the dialogue knows what kind of answer each question waits for.

A channel that hears answers as they are spoken (the telephone) may close the caller's turn after a short
pause instead of a long one when the words so far already answer the open question completely: "yes" to
a yes/no question, "seventy two" to the age. Open questions (the complaint) never count as answered early,
and neither does an answer that says more is coming ("about...", "he is, um", "yes but").
"""

from __future__ import annotations

from enum import StrEnum

from intake import prompts as P
from intake.models import AnswerKind
from intake.quantities import parse_age_quantity, parse_breath_count
from intake.understanding import (
    age_group,
    asr_loop,
    parse_avpu,
    parse_breathing,
    parse_severity,
    parse_who,
    words,
)
from intake.yes_no_words import yes_no_in_english


class ShortAnswer(StrEnum):
    """The short answers a question may wait for (what `triage bench latency` reports latency by)."""

    YES_NO = "yes_no"
    NUMBER = "number"
    AGE = "age"
    WHO = "who"
    CHOICE = "choice"


_BREATHING_PROMPTS = ("breathing", "reposition", "rescue_breaths")
# An answer ending in one of these words has more to say: a joiner, a hedge, a filler, an unfinished clause.
_GOES_ON = {
    "and", "but", "or", "because", "cause", "so", "then", "if", "though", "although", "except", "plus",
    "um", "uh", "er", "erm", "ah", "hmm", "mm", "like", "well",
    "about", "around", "maybe", "perhaps", "probably", "roughly", "nearly", "almost", "over", "under", "between",
    "than", "more", "less", "at", "least", "of", "to", "with", "in", "on", "for", "from", "by", "the", "a", "an",
    "he", "she", "they", "it", "i", "we", "you", "is", "are", "was", "were", "am", "be", "has", "have", "had",
    "his", "her", "their", "my", "think", "actually", "wait", "no wait",
}
# A tens word may still take its units ("twenty... five"), "hundred" its rest.
_NUMBER_GOES_ON = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred"}
# Whisper writes a trailing comma, dash or ellipsis when the speech stopped mid-thought.
_TRAILING_OFF = (",", "-", "...", "\u2026", ";", ":")


def short_answer(prompt_id: str | None) -> ShortAnswer | None:
    """What short answer the question `prompt_id` waits for; None for questions answered in the caller's words."""
    prompt = P.PROMPTS.get(prompt_id or "")
    if prompt is None or prompt.kind is AnswerKind.FREE:
        return None
    if prompt_id == "who":
        return ShortAnswer.WHO
    if prompt_id == "age":
        return ShortAnswer.AGE
    if prompt.kind is AnswerKind.NUMBER:
        return ShortAnswer.NUMBER
    if prompt.kind is AnswerKind.YES_NO:
        return ShortAnswer.YES_NO
    return ShortAnswer.CHOICE


def answer_is_complete(prompt_id: str | None, text: str) -> bool:
    """Whether `text` (the words heard so far) is a whole answer to the question `prompt_id`.

    False when in doubt: the cost of a wrong False is a few hundred milliseconds of waiting, of a wrong
    True a caller cut off mid-answer.
    """
    kind = short_answer(prompt_id)
    stripped = (text or "").strip()
    toks = words(stripped)
    if kind is None or not toks or asr_loop(stripped) or stripped.endswith(_TRAILING_OFF):
        return False
    if toks[-1] in _GOES_ON or " ".join(toks[-2:]) in _GOES_ON:
        return False
    return _answers(prompt_id or "", kind, stripped, toks)


def _answers(prompt_id: str, kind: ShortAnswer, text: str, toks: list[str]) -> bool:
    """Whether the text gives this question a definite answer, by the parser the dialogue itself uses."""
    prompt = P.PROMPTS[prompt_id]
    if kind is ShortAnswer.WHO:
        return parse_who(text) in ("self", "other")
    if kind in (ShortAnswer.AGE, ShortAnswer.NUMBER) and toks[-1] in _NUMBER_GOES_ON:
        return False
    if kind is ShortAnswer.AGE:
        return parse_age_quantity(text) is not None or age_group(text) is not None
    if prompt_id == "resp_count":
        return parse_breath_count(text) is not None
    if prompt_id == "severity":
        return parse_severity(text) is not None
    if prompt_id == "avpu":
        return parse_avpu(text) is not None
    if prompt_id in _BREATHING_PROMPTS:
        return parse_breathing(text, keywords=prompt.keywords) in ("yes", "no", "agonal")
    if kind is ShortAnswer.YES_NO:
        return prompt.read_yes_no(yes_no_in_english(text)) in ("yes", "no")
    return False
