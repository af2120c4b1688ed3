"""Signed links open exactly one case, for one purpose, until they expire."""

import pytest

from sms.links import LinkError, make_token, photo_url, read_token

SECRET = b"s" * 32
NOW = 1_800_000_000


def test_round_trip_and_expiry():
    token = make_token(SECRET, purpose="photo", case_id=42, now=NOW, ttl_s=60)
    assert read_token(SECRET, token, purpose="photo", now=NOW + 60) == 42
    with pytest.raises(LinkError) as err:
        read_token(SECRET, token, purpose="photo", now=NOW + 61)
    assert err.value.code == "link-expired"


@pytest.mark.parametrize("mangle", [
    lambda t: t.replace("42.", "43.", 1),  # another case
    lambda t: "42." + str(NOW + 10**6) + "." + t.split(".")[2],  # longer life
    lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),  # forged mac
])
def test_tampered_tokens_are_forged(mangle):
    token = make_token(SECRET, purpose="photo", case_id=42, now=NOW, ttl_s=60)
    with pytest.raises(LinkError) as err:
        read_token(SECRET, mangle(token), purpose="photo", now=NOW)
    assert err.value.code == "link-forged"


def test_purpose_and_secret_are_bound():
    token = make_token(SECRET, purpose="photo", case_id=7, now=NOW, ttl_s=60)
    for secret, purpose in [(SECRET, "case"), (b"other-secret", "photo")]:
        with pytest.raises(LinkError) as err:
            read_token(secret, token, purpose=purpose, now=NOW)
        assert err.value.code == "link-forged"


@pytest.mark.parametrize("token", ["", "abc", "1.2", "a.b.c", "1.2.3.4", "../../etc/passwd"])
def test_malformed(token):
    with pytest.raises(LinkError) as err:
        read_token(SECRET, token, purpose="photo", now=NOW)
    assert err.value.code == "link-malformed"


def test_photo_url_is_short_enough_for_sms():
    url = photo_url("https://triage.example.org/", SECRET, 123456, now=NOW)
    assert url.startswith("https://triage.example.org/upload/123456.")
    assert len(url) < 80
