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
