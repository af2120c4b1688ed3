"""Second-stage correction by an LLM, kept only when it changed nothing but medical terms.

The offline corrector runs first and always; the LLM sees its output. Whatever the LLM
answers passes a guard: every changed span must become a medical term that passes the
offline corrector's phonetic gate (stt/phonetic.py), and no other word may change. Any
failure keeps the offline result.
"""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass
from typing import Callable, Protocol


from .base import remote_failure
from .correction import Correction, MedicalCorrector
from .lexicon import VOCABULARY, Lexicon
from .phonetic import PhoneticGate
from .numbers import normalize_numbers

logger = logging.getLogger(__name__)

DEFAULT_TIMEOUT_S = 2.0
OPENAI_MODEL = "gpt-4o-mini"
ANTHROPIC_MODEL = "claude-haiku-4-5"
MAX_OUTPUT_TOKENS = 300

# The guard. A caller's "no", "not" and numbers carry the triage answer, so outside medical
# terms not one word may change (case, punctuation and digits-vs-words aside).
OTHER_WORD_EDITS_MAX = 0
MAX_REPLACED_WORDS = 4  # "my view person" -> ibuprofen; a longer span is a rewrite, not a mishearing

SYSTEM_PROMPT = (
    "You correct speech-recognition errors in what a caller said to a telephone triage line. "
    "Fix only medical terminology the recogniser misheard (drug names, conditions, symptoms, body parts), "
    "and preserve meaning exactly: do not add, remove, reorder or rephrase any other word, keep every "
    "negation and number, and do not guess a diagnosis. If nothing needs fixing, return the text unchanged. "
    "Reply with the corrected text only, no quotes or notes. Names callers often say: " + VOCABULARY
)


class CorrectionError(Exception):
    """The LLM stage failed; `code` is stable (e.g. "correct-timeout"). The offline text stands."""

    code = "correct-failed"

    def __init__(self, message: str = "", *, code: str | None = None) -> None:
        super().__init__(message or code or self.code)
        if code:
            self.code = code


class Rewriter(Protocol):
    """One LLM request: text in, proposed text out; raises CorrectionError."""

    name: str

    def rewrite(self, text: str) -> str:
        """Return the LLM's corrected text."""
        ...


class OpenAIRewriter:
    """OpenAI chat completions (gpt-4o-mini class); no SDK retries, a miss just keeps the offline text."""

    name = "openai"

    def __init__(self, api_key: str, base_url: str | None = None, model: str = OPENAI_MODEL,
                 timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        import openai

        self.model = model
        self._client = openai.OpenAI(api_key=api_key, base_url=base_url or None, timeout=timeout_s, max_retries=0)

    def rewrite(self, text: str) -> str:
        """Ask for the corrected text at temperature 0."""
        import openai

        try:
            reply = self._client.chat.completions.create(
                model=self.model,
                temperature=0,
                max_tokens=MAX_OUTPUT_TOKENS,
                messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": text}],
            )
        except (openai.OpenAIError, ValueError) as err:  # ValueError: a body that is not JSON
            kind = remote_failure(err, openai)
            raise CorrectionError(f"OpenAI correction failed ({kind}): {err}", code=f"correct-{kind}") from err
        return _text_or_raise(lambda: reply.choices[0].message.content)


class AnthropicRewriter:
    """Claude (Haiku class) through the Messages API; no SDK retries."""

    name = "anthropic"

    def __init__(self, api_key: str, base_url: str | None = None, model: str = ANTHROPIC_MODEL,
                 timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        import anthropic

        self.model = model
        self._client = anthropic.Anthropic(api_key=api_key, base_url=base_url or None, timeout=timeout_s, max_retries=0)

    def rewrite(self, text: str) -> str:
        """Ask for the corrected text (this SDK's Messages API takes no temperature)."""
        import anthropic

        try:
            reply = self._client.messages.create(
                model=self.model,
                max_tokens=MAX_OUTPUT_TOKENS,
                system=SYSTEM_PROMPT,
                messages=[{"role": "user", "content": text}],
            )
        except (anthropic.AnthropicError, ValueError) as err:  # ValueError: a body that is not JSON
            kind = remote_failure(err, anthropic)
            raise CorrectionError(f"Claude correction failed ({kind}): {err}", code=f"correct-{kind}") from err
        return _text_or_raise(lambda: "".join(b.text for b in reply.content if getattr(b, "type", None) == "text"))


def _text_or_raise(read: Callable[[], object]) -> str:
    """The reply's text, or a malformed-reply error when its shape has none (SDKs build replies unvalidated)."""
    try:
        content = read()
    except (AttributeError, IndexError, TypeError) as err:
        raise CorrectionError(f"the correction reply has another shape: {err}",
                              code="correct-remote-malformed") from err
    if not isinstance(content, str) or not content.strip():
        raise CorrectionError("the correction reply has no text", code="correct-remote-malformed")
    return content.strip()


@dataclass(frozen=True)
class Verdict:
    """Whether the guard accepts an LLM rewrite, and why not when it does not."""

    accepted: bool
    reason: str = ""
    replacements: tuple[tuple[str, str], ...] = ()


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _words(text: str) -> list[str]:
    """Comparison form: lower case, digits for numbers, no punctuation."""
    return _WORD.findall(normalize_numbers(text.lower().replace("-", " ")))


def judge(original: str, proposed: str, lexicon: Lexicon) -> Verdict:
    """Accept `proposed` only if each change turns a sound-alike span into a medical term and nothing else moved."""
    before, after = _words(original), _words(proposed)
    other_edits = 0
    replacements = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        old, new = before[i1:i2], after[j1:j2]
        if _is_term_fix(old, new, before[:i1], lexicon):
            replacements.append((" ".join(old), " ".join(new)))
        else:
            other_edits += max(len(old), len(new))
    if other_edits > OTHER_WORD_EDITS_MAX:
        return Verdict(False, f"{other_edits} non-medical words changed")
    return Verdict(True, replacements=tuple(replacements))


def _is_term_fix(old: list[str], new: list[str], said_before: list[str], lexicon: Lexicon) -> bool:
    """A short misheard span replaced by a medical term, with the phonetic support the offline corrector needs."""
    if not old or not new or len(old) > MAX_REPLACED_WORDS or len(new) > 2:
        return False
    if " ".join(new) not in lexicon.terms:
        return False
    measured = any(m.heard == tuple(old) and m.term == " ".join(new) for m in lexicon.mishearings)
    return PhoneticGate(lexicon).allows(old, new, said_before, measured=measured)


class LlmCorrector:
    """Offline correction, then the LLM's, behind the guard; never raises, never slower than the SDK timeout."""

    def __init__(self, rewriter: Rewriter, offline: MedicalCorrector | None = None) -> None:
        self.rewriter = rewriter
        self.offline = offline or MedicalCorrector()

    def correct(self, text: str) -> Correction:
        """Blocking (one HTTP request): run it in a worker thread, not on the event loop."""
        first = self.offline.correct(text)
        if not first.text.strip():
            return first
        try:
            proposed = self.rewriter.rewrite(first.text)
        except CorrectionError as err:
            logger.warning("%s correction failed (%s); keeping the offline text", self.rewriter.name, err.code)
            return first
        verdict = judge(first.text, proposed, self.offline.lexicon)
        if not verdict.accepted:
            logger.warning("%s correction rejected by the guard (%s); keeping the offline text",
                           self.rewriter.name, verdict.reason)
            return first
        return Correction(proposed, first.replacements + list(verdict.replacements))


def build_rewriter(
    openai_api_key: str | None = None,
    openai_base_url: str | None = None,
    anthropic_api_key: str | None = None,
    anthropic_base_url: str | None = None,
    timeout_s: float = DEFAULT_TIMEOUT_S,
) -> Rewriter | None:
    """Claude when an Anthropic key is set, else OpenAI when its key is, else None (offline correction only)."""
    if anthropic_api_key:
        return AnthropicRewriter(anthropic_api_key, base_url=anthropic_base_url, timeout_s=timeout_s)
    if openai_api_key:
        return OpenAIRewriter(openai_api_key, base_url=openai_base_url, timeout_s=timeout_s)
    return None
