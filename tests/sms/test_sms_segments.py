"""Segment counting as carriers bill it: GSM-7 160/153 with two-septet extension chars, else UCS-2 70/67."""

from sms.segments import is_gsm7, segment_count, to_gsm7


def test_gsm7_boundaries():
    assert segment_count("") == 0
    assert segment_count("a" * 160) == 1
    assert segment_count("a" * 161) == 2
    assert segment_count("a" * 306) == 2
    assert segment_count("a" * 307) == 3


def test_extension_characters_count_twice_and_are_not_split():
    assert segment_count("€" * 80) == 1
    assert segment_count("€" * 81) == 2
    # 152 septets then an escape pair: the pair moves whole to part two
    assert segment_count("a" * 152 + "[" + "a" * 10) == 2
    assert segment_count("a" * 152 + "[" + "a" * 152) == 3


def test_one_non_gsm_character_switches_to_ucs2():
    assert is_gsm7("Chest pain, 45 years. Ça va? £5 ¿")
    assert not is_gsm7("pain ✓")
    assert segment_count("a" * 69 + "✓") == 1
    assert segment_count("a" * 70 + "✓") == 2
    assert segment_count("अ" * 134) == 2
    assert segment_count("अ" * 135) == 3


def test_emoji_are_two_code_units():
    assert segment_count("😀" * 35) == 1
    assert segment_count("😀" * 36) == 2


def test_typographic_punctuation_is_mapped_back_to_gsm():
    text = "He said “it’s bad” – since yesterday…"
    assert not is_gsm7(text)
    assert to_gsm7(text) == "He said \"it's bad\" - since yesterday..."
    assert is_gsm7(to_gsm7(text))


def test_accents_outside_gsm_are_dropped_but_gsm_letters_and_other_scripts_kept():
    assert to_gsm7("Ọmọ mi ní ibà gidigidi, ara rẹ̀ gbóná") == "Omo mi ni ibà gidigidi, ara re gbona"
    assert to_gsm7("Ça va, café, Müller") == "Ça va, café, Müller"
    assert to_gsm7("बुखार है, “ज़्यादा”") == "बुखार है, \"ज़्यादा\""
    assert to_gsm7("Ọmọ ✓") == "Ọmọ ✓"
