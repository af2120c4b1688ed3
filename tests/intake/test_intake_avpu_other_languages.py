"""JumpSTART's AVPU answer in the words a caller mixes in from Hindi, Nigerian Pidgin and Tagalog.

An alert child described in another language ("jaag raha hai", "e dey look me", "gising siya") was asked again and then
taken as the urgent side (RED where JumpSTART says YELLOW). Each level is read in those words too; Hindi's "not" comes
after the verb ("jaag nahi raha") and Tagalog's before it ("hindi gising"): neither is awake.
"""

import pytest

from intake.understanding import parse_avpu


@pytest.mark.parametrize("said, level", [
    ("jaag raha hai, mujhe dekh raha hai", "alert"),
    ("haan ji, bachchi jaagi hui hai, ro rahi hai", "alert"),
    ("gising siya, nakatingin sa akin", "alert"),
    ("e dey wake, e dey look me well well", "alert"),
    ("jab naam se bulate hain tab aankh kholta hai", "voice"),
    ("kapag tinatawag ko lang siya dumidilat", "voice"),
    ("chutki kaatne par haath hatata hai bas", "pain"),
    ("kinurot ko, hinila niya yung kamay", "pain"),
    ("walang reaksyon, walang galaw", "unresponsive"),
    ("kuch bhi response nahi de raha", "unresponsive"),
    ("e no dey respond at all", "unresponsive"),
])
def test_levels_in_other_languages(said, level):
    assert parse_avpu(said) == level


@pytest.mark.parametrize("said", ["jaag nahi raha", "hindi siya gising", "e no dey look me"])
def test_a_negated_awake_is_not_alert(said):
    assert parse_avpu(said) != "alert"
