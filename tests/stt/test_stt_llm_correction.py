"""The LLM correction stage through the real OpenAI and Anthropic SDKs against a loopback server, and its guard."""

from __future__ import annotations

import json
import logging

import pytest

from stt.correction import MedicalCorrector
from stt.lexicon import Lexicon
from stt.llm_correction import (
    AnthropicRewriter,
    CorrectionError,
    LlmCorrector,
    OpenAIRewriter,
    build_rewriter,
    judge,
)
from tests.support.fake_openai import fake_openai_server
from tests.support.wait import PATIENCE_S


@pytest.fixture(scope="module")
def offline():
    return MedicalCorrector()


@pytest.fixture
def server():
    with fake_openai_server() as state:
        yield state


def _rewriter(kind: str, server, timeout_s: float = PATIENCE_S):
    if kind == "openai":
        return OpenAIRewriter("sk-test", base_url=server.base_url, timeout_s=timeout_s)
    return AnthropicRewriter("sk-ant-test", base_url=server.root_url, timeout_s=timeout_s)


def _patience(mode: str) -> float:
    """Only the timeout case may run out of time: a slow machine must not turn a 500 into a timeout."""
    return 0.5 if mode == "timeout" else PATIENCE_S


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
def test_a_medical_fix_is_accepted_and_the_prompt_is_sent(server, offline, kind):
    server.text = "She has been taking amlodipine for her blood pressure."
    corrector = LlmCorrector(_rewriter(kind, server), offline)
    result = corrector.correct("She has been taking M. Loediteen for her blood pressure.")
    assert result.text == "She has been taking amlodipine for her blood pressure."
    assert ("m loediteen", "amlodipine") in result.replacements
    request = json.loads(server.requests[-1])
    assert "preserve meaning exactly" in json.dumps(request)
    assert "M. Loediteen" in json.dumps(request["messages"])
    assert server.paths[-1] == ("/v1/chat/completions" if kind == "openai" else "/v1/messages")


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
@pytest.mark.parametrize(
    ("mode", "code"),
    [("500", "correct-remote-status"), ("timeout", "correct-timeout"), ("malformed", "correct-remote-malformed"),
     ("no-text", "correct-remote-malformed")],
)
def test_failures_become_stable_codes(server, kind, mode, code):
    server.mode = mode
    server.delay_s = 2
    with pytest.raises(CorrectionError) as caught:
        _rewriter(kind, server, timeout_s=_patience(mode)).rewrite("I took pairs time all.")
    assert caught.value.code == code
    assert len(server.requests) == 1  # no SDK retries: the offline text is the fallback


@pytest.mark.parametrize("kind", ["openai", "anthropic"])
def test_unreachable_is_its_own_code(kind):
    rewriter = (OpenAIRewriter("sk-test", base_url="http://127.0.0.1:9/v1", timeout_s=0.5) if kind == "openai"
                else AnthropicRewriter("sk-ant-test", base_url="http://127.0.0.1:9", timeout_s=0.5))
    with pytest.raises(CorrectionError) as caught:
        rewriter.rewrite("hello")
    assert caught.value.code == "correct-remote-unreachable"


@pytest.mark.parametrize("mode", ["500", "timeout", "malformed", "no-text"])
def test_each_failure_keeps_the_offline_result_and_is_logged(server, offline, mode, caplog):
    server.mode = mode
    server.delay_s = 2
    corrector = LlmCorrector(_rewriter("openai", server, timeout_s=_patience(mode)), offline)
    with caplog.at_level(logging.WARNING, logger="stt.llm_correction"):
        result = corrector.correct("I took pairs time all this morning")
    assert result.text == "I took paracetamol this morning"  # the offline stage's work survives
    assert "keeping the offline text" in caplog.text


def test_an_over_eager_rewrite_is_rejected_by_the_guard(server, offline, caplog):
    server.text = "The patient denies chest pain and reports a migraine."
    corrector = LlmCorrector(_rewriter("anthropic", server), offline)
    with caplog.at_level(logging.WARNING, logger="stt.llm_correction"):
        result = corrector.correct("No chest pain, but I have a bad my brain.")
    assert result.text == "No chest pain, but I have a bad migraine."  # offline fix kept, the rewrite dropped
    assert "rejected by the guard" in caplog.text


def test_empty_text_is_not_sent(server, offline):
    assert LlmCorrector(_rewriter("openai", server), offline).correct("").text == ""
    assert server.requests == []


@pytest.mark.parametrize(
    ("original", "proposed"),
    [
        ("I am on the oxisillin.", "I am on the amoxicillin."),
        ("She takes low diping daily", "She takes amlodipine daily."),
        ("I gave him my view person", "I gave him ibuprofen"),
        ("He is thirty nine degrees with high void", "He is 39 degrees with typhoid."),  # digits are no change
        ("Yes he is breathing.", "Yes, he is breathing."),
    ],
)
def test_guard_accepts_medical_fixes(original, proposed):
    assert judge(original, proposed, Lexicon()).accepted


@pytest.mark.parametrize(
    ("original", "proposed"),
    [
        ("No, he is not breathing.", "Yes, he is breathing."),  # the answer flipped
        ("I feel bad today", "I feel nauseous today"),  # a term that sounds nothing like what was said
        ("She takes amlodipine daily", "She takes amoxicillin daily"),  # a real term swapped for another
        ("It hurts here", "It hurts here and I have a fever"),  # words added
        ("I took pairs time all", "The caller took paracetamol"),  # rephrased around the fix
        ("I have the thing with my stomach and my head and everything", "I have gastroenteritis"),  # long span
    ],
)
def test_guard_rejects_anything_else(original, proposed):
    assert not judge(original, proposed, Lexicon()).accepted


def test_build_rewriter_prefers_claude_then_openai_then_none(server):
    assert build_rewriter() is None
    assert build_rewriter(openai_api_key="sk-test", openai_base_url=server.base_url).name == "openai"
    both = build_rewriter(openai_api_key="sk-test", anthropic_api_key="sk-ant-test", anthropic_base_url=server.root_url)
    assert both.name == "anthropic"


def test_stt_eval_correct_llm_uses_the_configured_api(server, monkeypatch):
    from stt.cli import _corrector

    for name in ("ANTHROPIC_API_KEY", "OPENAI_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    assert _corrector("llm", Lexicon()) is False  # no key: the command refuses rather than measuring lexicon-only
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("OPENAI_BASE_URL", server.base_url)
    server.text = "I took paracetamol this morning"
    assert _corrector("llm", Lexicon())("I took pairs time all this morning") == "I took paracetamol this morning"
    assert server.paths == ["/v1/chat/completions"]
