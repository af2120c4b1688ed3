"""The two tests every round of red-flag kinds runs: each kind is heard in new words, and its look-alikes are not."""

from __future__ import annotations

import pytest

from intake.red_flags import find_red_flags, prepare


def kind_tests(found: list[tuple[str, str]], not_flagged: list[str]):
    """One round's two parametrized tests; a test module binds them to its own `test_` names."""

    @pytest.mark.parametrize("flag, text", found)
    def heard(flag, text):
        assert flag in find_red_flags(text), prepare(text)

    @pytest.mark.parametrize("text", not_flagged)
    def unflagged(text):
        assert find_red_flags(text) == [], prepare(text)

    return heard, unflagged


def turn_kind_tests(flagged: list[tuple[str, str, bool | None]], quiet: list[str],
                    not_also: list[tuple[str, str, str, bool | None]], twins: list[tuple[str, str, bool | None]]):
    """A spent set's round of turn kinds, the patient's childhood as the line would know it: each sign heard, each
    look-alike quiet, a sign heard without its look-alike's flag beside it, and each look-alike's twin still heard."""

    @pytest.mark.parametrize("text, flag, child", flagged)
    def heard(text, flag, child):
        assert flag in find_red_flags(text, child=child), prepare(text)

    @pytest.mark.parametrize("text", quiet)
    def unflagged(text):
        assert find_red_flags(text) == [], prepare(text)

    @pytest.mark.parametrize("text, flag, not_also, child", not_also)
    def without_the_look_alike(text, flag, not_also, child):
        flags = find_red_flags(text, child=child)
        assert flag in flags and not_also not in flags, prepare(text)

    @pytest.mark.parametrize("text, flag, child", twins)
    def twin_heard(text, flag, child):
        assert flag in find_red_flags(text, child=child), prepare(text)

    return heard, unflagged, without_the_look_alike, twin_heard
