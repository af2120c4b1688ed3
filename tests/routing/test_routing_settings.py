"""The routing policy comes from the settings: coordinator numbers and timings reach the store every process opens."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from routing.outbox import list_messages
from routing.policy import RoutingPolicy
from routing.tasks import handlers
from sms.sender import OutboxSender
from tests.support.store import FakeClock, drain, queued_case
from voice.services import open_store
from voice.settings import ConfigError, Settings

COORDINATORS = ("+2348070000001", "+2348070000002")
ROUTING_ENV = ("COORDINATOR_NUMBERS", "OFFER_TIMEOUT_S", "ESCALATE_AFTER_S", "RETENTION_DAYS", "JOB_LEASE_S")


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    """No routing setting inherited from the shell; keys and data dir of our own."""
    for name in ROUTING_ENV + ("DATABASE_URL",):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "var"))
    monkeypatch.setenv("PHI_KEY", Fernet.generate_key().decode())
    monkeypatch.setenv("PHI_HASH_KEY", "hash-key-for-this-test")
    return monkeypatch


async def test_an_escalation_alert_reaches_a_coordinator_named_only_in_the_environment(clean_env, database_url):
    clean_env.setenv("DATABASE_URL", database_url)
    clean_env.setenv("COORDINATOR_NUMBERS", " , ".join(COORDINATORS))
    clean_env.setenv("ESCALATE_AFTER_S", "1800")
    clean_env.setenv("OFFER_TIMEOUT_S", "300")
    clean_env.setenv("RETENTION_DAYS", "30")
    clean_env.setenv("JOB_LEASE_S", "45")
    store = await open_store(Settings(_env_file=None))
    try:
        assert store.policy == RoutingPolicy(offer_timeout_s=300, escalate_after_s=1800, retention_days=30,
                                             job_lease_s=45, coordinator_numbers=COORDINATORS)
        clock = FakeClock()
        store.clock = clock
        jobs = handlers(store, OutboxSender(store))
        case_id = await queued_case(store, "CA-env")
        assert await drain(store, jobs) == ["offer"]  # nobody on duty
        clock.advance(seconds=1799)
        assert await drain(store, jobs) == []
        clock.advance(seconds=2)
        assert await drain(store, jobs) == ["escalate", "offer", "notify", "notify"]

        reference = (await store.get_case(case_id)).reference
        alerts = [m for m in await list_messages(store, case_id=case_id) if m.kind == "escalation"]
        assert sorted(m.to for m in alerts) == list(COORDINATORS)
        assert all(reference in m.body and "0.5 h" in m.body and m.status == "outbox" for m in alerts)
    finally:
        await store.close()


def test_without_routing_settings_the_policy_is_the_default(clean_env):
    assert Settings(_env_file=None).routing_policy == RoutingPolicy()


def test_a_coordinator_number_that_is_not_valid_stops_startup(clean_env):
    clean_env.setenv("COORDINATOR_NUMBERS", "+2348070000001,0807000")
    with pytest.raises(ConfigError, match="COORDINATOR_NUMBERS: not valid phone numbers: \\*\\*\\*"):
        Settings(_env_file=None)
