"""An ending said of something beside the sign is no ending of the sign: "she is choking, the hiccups have stopped" is
still choking; "the bleeding has stopped" still ends a bleed. Run with the learned reader on, as the service runs."""

import pytest

from intake.red_flags import find_red_flags


@pytest.mark.parametrize(("flag", "text"), [
    ("choking", "she is choking on a boiled sweet, the hiccups have stopped"),
    ("heavy_bleeding", "he is bleeding heavily from his leg, the rain has stopped at least"),
    ("chest_pain", "his chest pain is crushing him, the sweating has eased a bit"),
    ("seizure", "he is fitting on the floor, the music has stopped"),
    ("breathing_difficulty", "she is gasping for air and can not speak, her cough has gone though"),
    ("anaphylaxis", "his lips and tongue are swelling up, the itching has gone away"),
])
def test_something_else_that_stopped_leaves_the_sign(flag, text):
    assert flag in find_red_flags(text)


@pytest.mark.parametrize(("flag", "text"), [
    ("heavy_bleeding", "she was bleeding a lot from the cut but the bleeding has stopped now"),
    ("seizure", "she was fitting, the shaking has stopped now and she is awake"),
    ("seizure", "he had a fit, the fit is over and he is talking"),
    ("chest_pain", "he had crushing chest pain but the pain has eased now and he feels fine"),
    ("breathing_difficulty", "she was wheezing and struggling for breath but the nebuliser sorted it, she's fine now"),
])
def test_the_sign_itself_ending_still_ends_it(flag, text):
    assert flag not in find_red_flags(text)
