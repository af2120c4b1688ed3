"""Pure parts of routing: keys and hashes, phone parsing, the permission matrix, the lifecycle table, priority."""

from __future__ import annotations

import stat

import pytest
from cryptography.fernet import Fernet

from routing.crypto import PhiCipher, keyed_hash, load_or_create_dev_keys
from routing.errors import IllegalTransition, PhiKeyError
from routing.lifecycle import ALLOWED, Status, check_transition
from routing.phones import parse_caller, permission_for
from routing.priority import EMERGENCY_FIRST, base_priority, needed_skill, wait_points


def test_cipher_round_trip_and_missing_keys():
    cipher = PhiCipher.from_keys(Fernet.generate_key().decode())
    token = cipher.encrypt("+2348031234567")
    assert token != "+2348031234567" and cipher.decrypt(token) == "+2348031234567"
    assert cipher.encrypt(None) is None and cipher.decrypt(None) is None
    with pytest.raises(PhiKeyError) as missing:
        PhiCipher.from_keys(" , ")
    assert missing.value.code == "phi-key-missing"
    with pytest.raises(PhiKeyError) as bad:
        PhiCipher.from_keys("not-a-fernet-key")
    assert bad.value.code == "phi-key-invalid"


def test_keyed_hash_depends_on_key_and_value():
    assert keyed_hash(b"k1", "+2348031234567") == keyed_hash(b"k1", "+2348031234567")
    assert keyed_hash(b"k1", "+2348031234567") != keyed_hash(b"k2", "+2348031234567")
    assert "8031234567" not in keyed_hash(b"k1", "+2348031234567")


def test_dev_keys_are_created_once_with_private_permissions(tmp_path):
    keys, hash_key = load_or_create_dev_keys(tmp_path / "var")
    again = load_or_create_dev_keys(tmp_path / "var")
    assert again == (keys, hash_key) and len(hash_key) == 32
    PhiCipher.from_keys(keys)  # a valid Fernet key
    files = list((tmp_path / "var").iterdir())
    assert len(files) == 1 and stat.S_IMODE(files[0].stat().st_mode) == 0o600


@pytest.mark.parametrize(("raw", "e164", "region", "valid"), [
    ("+2348031234567", "+2348031234567", "NG", True),
    ("whatsapp:+919876543210", "+919876543210", "IN", True),
    (" +63 917 123 4567 ", "+639171234567", "PH", True),
    ("+266696687", "+266696687", None, False),  # Twilio's "anonymous" caller id
    ("anonymous", None, None, False),
    ("", None, None, False),
])
def test_parse_caller(raw, e164, region, valid):
    number = parse_caller(raw)
    assert (number.e164, number.region, number.valid) == (e164, region, valid)


def test_permission_matrix():
    for region in ("NG", "IN", "PH", "ng"):
        p = permission_for(region)
        assert p.teleconsultation_allowed and p.requires_local_license and p.region == region.upper()
    for region in ("US", None, ""):
        p = permission_for(region)
        assert p.region is None and not p.teleconsultation_allowed


def test_lifecycle_table():
    assert set(ALLOWED) == set(Status)
    assert ALLOWED[Status.CLOSED] == frozenset()
    assert check_transition("created", "intake_complete") is Status.INTAKE_COMPLETE
    for current, target in [("created", "assigned"), ("closed", "pending"), ("resolved", "in_progress"),
                            ("pending", "resolved"), ("expired", "pending"), ("bogus", "closed")]:
        with pytest.raises(IllegalTransition):
            check_transition(current, target)
    # every status can still reach closed: no case waits forever in a dead end
    reach = {Status.CLOSED}
    while True:
        more = {s for s, targets in ALLOWED.items() if targets & reach} - reach
        if not more:
            break
        reach |= more
    assert reach == set(Status)


def test_priority():
    assert base_priority("RED", "urgent") == 100
    assert base_priority("YELLOW", "urgent", follow_up=True) == 60
    assert base_priority(None, "routine") == 10 and base_priority(None, None) == 50
    assert base_priority("BLACK", "emergency") > EMERGENCY_FIRST > base_priority("RED", "urgent") + 10_000
    assert wait_points(0, 14 * 60) == 0 and wait_points(0, 45 * 60) == 15 and wait_points(100, 0) == 0
    assert needed_skill({"red_flags": ["pregnancy_bleeding"]}) == "maternal"
    assert needed_skill({"age_years": 3}) == "pediatric"
    assert needed_skill({"age_years": 40, "complaint": "chest pain"}) is None


def test_a_mechanism_adds_priority_within_its_category():
    assert base_priority("GREEN", "routine", mechanism=True) > base_priority("GREEN", "routine")
    assert base_priority("GREEN", "routine", mechanism=True) < base_priority("YELLOW", "urgent")
    assert base_priority("RED", "urgent", mechanism=True) > base_priority("RED", "urgent")
