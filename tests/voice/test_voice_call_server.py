"""`triage call --server URL` reads its results from the server (development only), not from a database."""

from __future__ import annotations

import asyncio
import urllib.error
import urllib.request

import pytest
from cryptography.fernet import Fernet

from intake.scenarios import load_scenarios
from routing.outbox import list_messages
from voice.app import create_app
from voice.harness import EXAMPLES
from voice.harness.callrun import run_calls, serve_in_process
from voice.settings import Settings

SCENARIO = next(s for s in load_scenarios(EXAMPLES) if s["id"] == "green-cut-hand")
TOKEN = "dev-auth-token"
UNREACHABLE_DB = "postgresql+asyncpg://nobody@127.0.0.1:1/nothing"  # the simulator must never need one


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


async def test_the_simulator_gets_the_result_and_the_texts_from_a_signed_development_server(tmp_path, caller_voice):
    settings = Settings(_env_file=None, data_dir=tmp_path, database_url="", twilio_auth_token=TOKEN)
    async with serve_in_process(settings) as (base, services):
        simulator = Settings(_env_file=None, data_dir=tmp_path / "simulator", database_url=UNREACHABLE_DB)
        results = [r async for r in run_calls([SCENARIO], server=base, speed=8.0, voice=caller_voice,
                                              settings=simulator, auth_token=TOKEN)]
        (result,) = results
        assert (result["start_category"], result["urgency"]) == ("GREEN", "routine")
        case = await services.store.get_case(result["case_id"])
        assert case.call_sid is not None
        messages = await list_messages(services.store, case_id=case.id)
        assert [m["body"] for m in result["sms"]] == [m.body for m in reversed(messages)] != []
        assert any(t["heard"] for t in result["turns"])
        assert await asyncio.to_thread(_status, f"{base}/dev/calls/{case.call_sid}") == 403  # unsigned: refused


def test_production_has_no_results_endpoint(tmp_path):
    settings = Settings(_env_file=None, data_dir=tmp_path, environment="production", twilio_auth_token=TOKEN,
                        twilio_account_sid="AC" + "1" * 32, twilio_from_number="+15005550006",
                        public_base_url="https://triage.example.org", server_secret="s" * 40,
                        phi_key=Fernet.generate_key().decode(), phi_hash_key="h" * 40)
    app = create_app(settings)
    assert not [rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/dev/")]
    development = create_app(Settings(_env_file=None, data_dir=tmp_path))
    assert [rule.rule for rule in development.url_map.iter_rules() if rule.rule.startswith("/dev/")] == [
        "/dev/calls/<call_sid>"]


@pytest.fixture
async def caller_voice():
    from voice.harness.simulator import default_voice

    return default_voice("slt")


def test_the_transcript_shows_the_servers_questions_next_to_the_callers_answers(capsys):
    from voice.cli import _print_transcript

    result = {"id": "demo", "case_id": 3, "who": "other", "start_category": "GREEN", "urgency": "routine",
              "red_flags": [], "sms": [], "turns": [
                  {"prompt_id": "walk", "said": "yes he is walking", "heard": "Yes, he is walking.", "latency_ms": 700}]}
    _print_transcript(result, {"expect": {"start_category": "GREEN", "urgency": "routine"}})
    lines = capsys.readouterr().out.splitlines()
    assert lines[1:4] == ["  [walk] server asked: Can they get up and walk?",
                          "         caller said: 'yes he is walking'",
                          "         server heard: 'Yes, he is walking.'  (700 ms)"]
    assert lines[-1] == "  expected {'start_category': 'GREEN', 'urgency': 'routine'}: OK"
