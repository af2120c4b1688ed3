"""Local Whisper's segment filter: the question it was prompted with is not the caller's answer."""

from __future__ import annotations

import pytest

from stt.faster_whisper import _echoes

QUESTION = "In a few words, what is happening?"


@pytest.mark.parametrize(
    "segment",
    # tiny.en wrote the first for a Hindi turn spoken by espeak en-us over 8 kHz mu-law
    ["In a few words, what is happening?", " what is happening?", "IN A FEW WORDS"],
)
def test_the_prompt_repeated_is_an_echo(segment):
    assert _echoes(segment, QUESTION)


@pytest.mark.parametrize(
    "segment",
    ["What is happening is he fell off the roof.", "In a few words, my dad is not breathing.", "a few", "Yes.", ""],
)
def test_an_answer_that_shares_words_with_the_question_is_kept(segment):
    assert not _echoes(segment, QUESTION)


def test_without_a_prompt_nothing_is_an_echo():
    assert not _echoes("In a few words, what is happening?", None)
