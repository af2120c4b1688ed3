"""An emptied medicine pack beside a patient who is drowsy or not making sense is a possible overdose, however far the
pack's words stand from "empty" ("the packet of his pain tablets is empty") and even when the medicine was named in an
earlier turn ("the box is empty and he's drowsy"). Found by two helpers spending sets y and aa (their own calls'
harm answers); the paraphrases and look-alikes here are the lead's. A pack emptied and accounted for (a repeat, buying
more) is not, nor a lunch box or a water bottle beside a sleepy or confused patient.
"""

import pytest

from intake.red_flags import find_red_flags


@pytest.mark.parametrize("said", [
    "he didn't swallow any, but the box is empty and he's drowsy",
    "the packet of his pain tablets is empty and he's very sleepy, he won't answer me properly",
    "mum's bottle of sleeping tablets is completely empty and she's drowsy",
    "the strip of her tablets is empty and she's not making sense",
    "the blister pack is empty now, she's so drowsy",
])
def test_an_emptied_pack_beside_drowsiness_is_a_possible_overdose(said):
    assert "overdose_poisoning" in find_red_flags(said)


@pytest.mark.parametrize("said", [
    "the box of his tablets is empty, he needs a repeat prescription",
    "the lunch box is empty, he ate everything and now he's sleepy",
    "the bottle of his cough syrup is empty, I need to buy more",
    "the water bottle is empty and he's a bit confused about the directions",
    "the packet of her tablets is empty so I'll pick up more from the chemist, she's fine",
])
def test_an_emptied_pack_accounted_for_or_no_medicine_is_no_overdose(said):
    assert "overdose_poisoning" not in find_red_flags(said)
