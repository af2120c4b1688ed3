"""`triage jobs list|run-due`: the follow-ups a resolved case has scheduled, and running them as if it were later."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime, timedelta

import pytest

from routing.outbox import list_messages
from routing.jobs_cli import at_time, register
from routing.queue import accept, claim_next, resolve
from routing.store import Store
from routing.workers import add_worker
from sms.sender import OutboxSender
from tests.conftest import run_async
from voice.settings import ConfigError, Settings

PATIENT = "+2348031234567"


def make_parser(database_url, phi_cipher, hash_key) -> argparse.ArgumentParser:
    async def open_store() -> Store:
        return await Store.connect(database_url, phi_cipher, hash_key=hash_key)

    parser = argparse.ArgumentParser(prog="triage")
    register(parser.add_subparsers(dest="command", required=True), open_store, make_notifier=OutboxSender)
    return parser


def run(parser, *argv: str) -> int:
    args = parser.parse_args(list(argv))
    return args.func(args)


def with_store(database_url, phi_cipher, hash_key, use):
    async def main():
        store = await Store.connect(database_url, phi_cipher, hash_key=hash_key)
        try:
            return await use(store)
        finally:
            await store.close()

    return run_async(main)


async def resolved_case(store) -> tuple[str, datetime]:
    ada, _ = await add_worker(store, phone="+2348051112222", name="Ada")
    ref = await store.open_call(call_sid="CA-fu", caller=PATIENT)
    await store.save_triage(ref.case_id, {"start_category": "GREEN", "urgency": "routine"}, complete=True)
    await claim_next(store, ada.id)
    await accept(store, ref.case_id, ada.id)
    await resolve(store, ref.case_id, ada.id)
    return ref.reference, store.now()


def test_follow_ups_are_listed_and_run_when_asked(database_url, phi_cipher, hash_key, capsys):
    reference, resolved_at = with_store(database_url, phi_cipher, hash_key, resolved_case)
    triage = make_parser(database_url, phi_cipher, hash_key)

    assert run(triage, "jobs", "list", "--json") == 0
    jobs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    follow_ups = [j for j in jobs if j["kind"] == "follow_up"]
    assert [j["case"] for j in follow_ups] == [reference, reference]
    delays = [datetime.fromisoformat(j["run_at"]) - resolved_at for j in follow_ups]
    assert [round(d.total_seconds() / 3600) for d in delays] == [24, 48]
    assert run(triage, "jobs", "list") == 0
    assert "follow_up" in capsys.readouterr().out

    at = (resolved_at + timedelta(hours=25)).isoformat()
    assert run(triage, "jobs", "run-due", "--at", at) == 0
    out = capsys.readouterr().out
    assert out.count(" follow_up ") == 1 and "jobs due by" in out
    messages = with_store(database_url, phi_cipher, hash_key, lambda store: list_messages(store))
    (follow_up,) = [m for m in messages if m.kind == "follow_up"]
    assert follow_up.to == PATIENT and reference in follow_up.body and "Reply 1 better" in follow_up.body

    assert run(triage, "jobs", "list", "--json") == 0
    left = [json.loads(line)["kind"] for line in capsys.readouterr().out.splitlines()]
    assert left.count("follow_up") == 1  # the 48 h one waits


def test_follow_up_delays_are_settings():
    policy = Settings(_env_file=None, follow_up_after_s="7200, 3600").routing_policy
    assert policy.follow_up_after_s == (3600, 7200)
    assert Settings(_env_file=None, follow_up_after_s="").routing_policy.follow_up_after_s == ()
    with pytest.raises(ConfigError, match="FOLLOW_UP_AFTER_S"):
        Settings(_env_file=None, follow_up_after_s="a day").routing_policy


def test_at_takes_iso_times_and_offsets():
    now = datetime(2026, 12, 2, 9, tzinfo=UTC)
    assert at_time("+25h", now=now) == now + timedelta(hours=25)
    assert at_time("2026-12-03T10:00:00", now=now) == datetime(2026, 12, 3, 10, tzinfo=UTC)
