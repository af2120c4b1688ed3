"""Yes, no and "not sure" said in the caller's other language (intake/yes_no_words.py): read by the caller's country,
and a word with two meanings there, or nowhere decided, asked again rather than taken on the milder side."""

from __future__ import annotations

import pytest

from intake.dialogue import Dialogue
from intake.turn_taking import answer_is_complete
from intake.understanding import parse_breathing, parse_yes_no
from intake.yes_no_words import yes_no_in_english
from tests.support.dialogue import dialogue_after

WALK = (r"walk\w*",)


def read(said: str, region: str | None) -> str | None:
    return parse_yes_no(yes_no_in_english(said, region=region), keywords=WALK)


# --- each language's yes, no, "I don't know", "a little" and "he can / can't" --------------------------------------

YES = [
    ("ndiyo, anaweza", "KE"), ("eeh", "TZ"), ("yebo baba", "ZA"), ("ewe", "ZA"), ("ee ntate", "LS"), ("ee rra", "BW"),
    ("hongu", "ZW"), ("inde", "MW"), ("eya", "ZM"), ("ee mukwai", "ZM"), ("yee", "UG"), ("yego", "RW"), ("awo", "ET"),
    ("አዎ", "ET"), ("iwe", "ER"), ("haa haa", "SO"), ("eeyyee", "ET"), ("bẹ́ẹ̀ni", "NG"), ("na'am", "NG"), ("ee", "NG"),
    ("aane", "GH"), ("waaw", "SN"), ("na so", "NG"), ("na so", "CM"), ("na'am", "SA"), ("ee", "KW"), ("eh akid", "LB"),
    ("aywa", "EG"), ("iyeh", "MA"), ("نعم", "JO"), ("haan ji", "IN"), ("jee haan", "PK"), ("ہاں", "PK"), ("hyan", "BD"),
    ("হ্যাঁ", "BD"), ("aamaa", "LK"), ("ow ow", "LK"), ("ho hajur", "NP"), ("oo po", "PH"), ("betul", "MY"),
    ("can lah", "SG"), ("iya", "ID"), ("dạ có", "VN"), ("chai krap", "TH"), ("ใช่ค่ะ", "TH"), ("houk kae", "MM"),
    ("sí", "MX"), ("sim", "BR"), ("oui", "CD"), ("wi", "HT"), ("io", "FJ"), ("ioe", "WS"), ("io", "TO"), ("tak", "PL"),
]
NO = [
    ("hapana daktari", "KE"), ("cha", "ZA"), ("hayi", "ZA"), ("tjhe", "LS"), ("nnyaa", "BW"), ("aiwa", "ZW"),
    ("kwete", "ZW"), ("iyayi", "MW"), ("awe mukwai", "ZM"), ("nedda", "UG"), ("oya", "RW"), ("aydelem", "ET"),
    ("ኣይፋል", "ER"), ("maya", "SO"), ("lakki", "ET"), ("rárá", "NG"), ("mba o", "NG"), ("daabi", "GH"),
    ("déedéet", "SN"), ("la", "AE"), ("la2", "LB"), ("lla", "MA"), ("لا", "EG"), ("nahin", "IN"), ("jee nahi", "PK"),
    ("na", "BD"), ("illai", "LK"), ("naha", "LK"), ("hoina", "NP"), ("hindi po", "PH"), ("tak", "MY"), ("nggak", "ID"),
    ("không", "VN"), ("k", "VN"), ("mai chai", "TH"), ("ไม่", "TH"), ("ma hoke bu", "MM"), ("não", "BR"),
    ("non", "HT"), ("nuh", "JM"), ("nogat", "PG"), ("sega", "FJ"), ("leai", "WS"), ("ikai", "TO"),
]
NOT_SURE = [
    ("sijui", "KE"), ("sina uhakika", "TZ"), ("angazi", "ZA"), ("andazi", "ZA"), ("ha ke tsebe", "LS"),
    ("ga ke itse", "BW"), ("handizive", "ZW"), ("sindikudziwa", "MW"), ("nshishibe", "ZM"), ("simanyi", "UG"),
    ("simbizi", "RW"), ("alawqim", "ET"), ("አላውቅም", "ET"), ("ayfeltn", "ER"), ("ma aqaan", "SO"), ("hin beeku", "ET"),
    ("mi o mọ̀", "NG"), ("ban sani ba", "NG"), ("amaghi m", "NG"), ("mennim", "GH"), ("xamuma", "SN"),
    ("ma adri", "SA"), ("ma ba3ref", "JO"), ("ma3rafsh", "EG"), ("ma n3rafch", "DZ"), ("ما بعرف", "LB"),
    ("pata nahi", "IN"), ("maloom nahi", "PK"), ("jani na", "BD"), ("theriyala", "IN"), ("danne naha", "LK"),
    ("thaha chaina", "NP"), ("ewan ko po", "PH"), ("tak tahu", "MY"), ("dunno leh", "SG"), ("nggak tahu", "ID"),
    ("không biết", "VN"), ("mai ru", "TH"), ("ไม่รู้", "TH"), ("ma thi bu", "MM"), ("no sé", "MX"), ("não sei", "BR"),
    ("je sais pas", "CD"), ("m pa konnen", "HT"), ("au sega ni kila", "FJ"), ("ou te le iloa", "WS"),
    ("ikai ke u ilo", "TO"),
]
CAN_WALK = [
    ("anaweza kutembea", "KE"), ("uyakwazi ukuhamba", "ZA"), ("anogona kufamba", "ZW"), ("akhoza kuyenda", "MW"),
    ("asobola okutambula", "UG"), ("arashobora kugenda", "RW"), ("wuu socon karaa", "SO"), ("o le rin", "NG"),
    ("zai iya tafiya", "NG"), ("otumi nante", "GH"), ("boleh jalan", "MY"), ("bisa jalan", "ID"), ("đi được", "VN"),
    ("เดินได้", "TH"), ("consegue andar", "BR"), ("elle peut marcher", "FR"), ("li ka mache", "HT"),
    ("em inap wokabaut", "PG"), ("e mafai ona savali", "WS"),
]
CANNOT_WALK = [
    ("hawezi kutembea", "KE"), ("hatembei", "TZ"), ("akakwazi ukuhamba", "ZA"), ("ha a kgone ho tsamaya", "LS"),
    ("haagoni kufamba", "ZW"), ("sangathe kuyenda", "MW"), ("talekwanisha ukwenda", "ZM"), ("tasobola kutambula", "UG"),
    ("ntashobora kugenda", "RW"), ("mehed aychilim", "ET"), ("ma socon karo", "SO"), ("deemuu hin danda'u", "ET"),
    ("ko le rin", "NG"), ("ba zai iya tafiya ba", "NG"), ("ontumi nnante", "GH"), ("mënul dox", "SN"),
    ("ma yigdar yimshi", "SA"), ("mesh 2ader yemshy", "EG"), ("chal nahi sakta", "IN"), ("hatte pare na", "BD"),
    ("nadakka mudiyala", "LK"), ("awidinna ba", "LK"), ("hidna sakdaina", "NP"), ("hindi siya makalakad", "PH"),
    ("tak boleh jalan", "MY"), ("cannot walk one", "SG"), ("tidak bisa jalan", "ID"), ("không đi được", "VN"),
    ("เดินไม่ได้", "TH"), ("no puede caminar", "MX"), ("não consegue andar", "BR"), ("il ne peut pas marcher", "CD"),
    ("li pa ka mache", "HT"), ("him cyaan walk", "JM"), ("em no inap wokabaut", "PG"), ("hem i no save wokbaot", "VU"),
    ("sega ni rawa ni lako", "FJ"), ("e le mafai ona savali", "WS"), ("'ikai lava 'o lue", "TO"),
]


@pytest.mark.parametrize("said, region", YES)
def test_a_yes_in_the_callers_language_is_yes(said, region):
    assert parse_yes_no(yes_no_in_english(said, region=region)) == "yes"


@pytest.mark.parametrize("said, region", NO)
def test_a_no_in_the_callers_language_is_no(said, region):
    assert parse_yes_no(yes_no_in_english(said, region=region)) == "no"


@pytest.mark.parametrize("said, region", NOT_SURE)
def test_i_dont_know_in_the_callers_language_is_unsure(said, region):
    assert parse_yes_no(yes_no_in_english(said, region=region)) == "unsure"


@pytest.mark.parametrize("said, region", CAN_WALK)
def test_he_can_walk_in_the_callers_language(said, region):
    assert read(said, region) == "yes"


@pytest.mark.parametrize("said, region", CANNOT_WALK)
def test_he_cannot_walk_in_the_callers_language(said, region):
    assert read(said, region) == "no"


@pytest.mark.parametrize("said, region", [("kidogo tu", "KE"), ("zvishoma", "ZW"), ("thoda sa", "IN"), ("sikit", "MY"),
                                          ("un poquito", "MX"), ("một chút", "VN"), ("shwayya", "JO"), ("liklik", "PG")])
def test_a_little_alone_answers_nothing(said, region):
    """"A little" to "can they walk?" or "are they breathing?" is no yes: asked again (as "a little" in English)."""
    assert read(said, region) is None


# --- one word, two meanings: the country decides, or it is asked again -----------------------------------------------

@pytest.mark.parametrize("said, region, answer", [
    ("aiwa", "ZW", "no"), ("aiwa", "TZ", "yes"), ("aiwa", "SA", "yes"), ("aiwa", "GB", "unsure"), ("aiwa", None, "unsure"),
    ("tak", "PL", "yes"), ("tak", "MY", "no"), ("tak", "ID", "no"), ("tak", "US", "unsure"),
    ("ee", "KE", "yes"), ("ee", "BW", "yes"), ("ee", "GB", "unsure"), ("eee", "AU", "unsure"),
    ("eh", "LB", "yes"), ("eh", "TT", "unsure"), ("eh", "NG", "unsure"),
    ("la", "SA", "no"), ("la", "TZ", "no"), ("la", "GB", "unsure"), ("can la", "SG", "yes"), ("cannot lah", "MY", "no"),
    ("k", "VN", "no"), ("k", "GB", "unsure"), ("na", "BD", "no"), ("na", "IN", "no"), ("na", "GB", "unsure"),
    ("ow", "LK", "yes"), ("ow", "GB", "unsure"), ("awe", "ZM", "no"), ("awe", "GB", "unsure"),
    ("a'a", "NE", "no"), ("a'a", "NG", "unsure"), ("ah", "EG", "yes"), ("ah", "MY", None),
    ("ay", "ET", "no"), ("ay", "GB", "unsure"), ("wah", "MA", "yes"), ("wah", "SG", None), ("da", "RO", "yes"),
    ("da", "VN", "yes"),
])
def test_a_word_with_two_meanings_is_read_by_the_callers_country(said, region, answer):
    assert parse_yes_no(yes_no_in_english(said, region=region)) == answer


@pytest.mark.parametrize("said, region", [("can", "GB"), ("cannot", "US"), ("can la", "GB"), ("na", "NG")])
def test_singlish_and_pidgin_short_words_elsewhere_answer_nothing(said, region):
    assert parse_yes_no(yes_no_in_english(said, region=region)) is None


@pytest.mark.parametrize("said, region", [
    ("ndiyo, hapana", "KE"), ("sijui, labda ndiyo", "KE"), ("haa, ma aqaan", "SO"), ("oo, ewan ko", "PH"),
    ("aywa, ma3rafsh", "EG"), ("yes, mi o mọ", "NG"), ("có, không", "VN"),
])
def test_a_yes_beside_a_no_or_a_doubt_is_unsure(said, region):
    assert read(said, region) == "unsure"


# --- look-alikes: the same letters inside an English answer, or as a name, are no answer words -------------------------

@pytest.mark.parametrize("said, region", [
    ("Maya is walking around the room", "SO"), ("she only speaks hindi", "PH"), ("I, I think so", "GB"),
    ("a little bit of blood on the sim card", "GB"), ("he went to the la clinic", "SA"), ("ego is hurt more than him", "RW"),
    ("yes he is walking, no problem", "KE"), ("hapana shida, anatembea", "KE"), ("tak tak tak goes the tap", "GB"),
    ("si lola po, nakakalakad", "PH"), ("na my papa, e fit waka", "NG"), ("ee, he can walk", "GB"),
])
def test_look_alikes_do_not_turn_a_yes_into_a_no(said, region):
    assert read(said, region) != "no"


@pytest.mark.parametrize("said", ["hapana, hapumui", "aiwa, haasi kufema", "illa, moochu illa", "không, không thở"])
def test_a_no_to_are_they_breathing(said):
    region = {"h": "KE", "a": "ZW", "i": "IN", "k": "VN"}[said[0]]
    assert parse_breathing(yes_no_in_english(said, region=region), keywords=(r"breath\w*",)) in ("no", None)


# --- through the dialogue ----------------------------------------------------------------------------------------

def _at_walk(region: str) -> Dialogue:
    return dialogue_after("my uncle", "he has a bad cough and fever since morning", "no", "forty five", channel="text",
                          region=region, awaiting="walk")


@pytest.mark.parametrize("region, said, answer", [("ZW", "aiwa", "no"), ("TZ", "aiwa", "yes"), ("MY", "tak", "no"),
                                                  ("PL", "tak", "yes"), ("KE", "ee", "yes"), ("SG", "can lah", "yes")])
def test_the_callers_country_decides_at_the_walk_question(region, said, answer):
    d = _at_walk(region)
    d.answer(said)
    assert d.result.answers["walk"] == answer and "walk" not in d.result.assumed


@pytest.mark.parametrize("region, said", [("GB", "aiwa"), ("US", "tak"), ("GB", "ee"), ("IN", "pata nahi"),
                                          ("PK", "maloom nahi"), ("NG", "a'a")])
def test_an_undecided_word_is_asked_again_never_a_yes(region, said):
    d = _at_walk(region)
    d.answer(said)
    assert "walk" not in d.result.answers and not d.finished


def test_a_yoruba_no_at_the_commands_question_is_not_read_again_as_hindi():
    """"ko ji" (he doesn't wake) holds Hindi's "ji" (yes): the Yoruba reading stands, and it is a no."""
    d = dialogue_after("my uncle", "he has a bad cough and fever since morning", "no", "forty five", "ko le rin", "bẹ́ẹ̀ni", "five",
                       "bẹ́ẹ̀ni", "bẹ́ẹ̀ni", channel="text", region="NG", awaiting="commands")
    d.answer("ko ji")
    assert d.result.answers["commands"] == "no"


@pytest.mark.parametrize("said", ["he can't wake up", "she won't wake", "hawezi kuamka", "he is not waking up"])
def test_who_cannot_be_woken_cannot_follow_a_command(said):
    d = Dialogue(channel="text", region="KE")
    d._step = "commands"
    assert d._interpret("commands", said) == "no"


@pytest.mark.parametrize("said, complete", [("ndiyo", True), ("hapana", True), ("aiwa", False), ("sijui", False)])
def test_turn_taking_reads_the_same_words(said, complete):
    assert answer_is_complete("walk", said) is complete


@pytest.mark.parametrize("said,region", [("haa, he is walking", "GB"), ("haa", "US"), ("haa", "AE")])
def test_haa_said_abroad_is_the_yes_of_hindi_and_somali_not_an_english_filler(said, region):
    """A caller abroad answering in Hindi or Somali has answered: no English filler makes "haa" a doubt."""
    assert "yes" in yes_no_in_english(said, region=region).split()
