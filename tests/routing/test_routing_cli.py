"""routing's `triage` subcommands, driven through argparse as the console script will drive them."""

from __future__ import annotations

import argparse
import json

from routing.cli import register, register_bench
from routing.store import Store


def make_parser(database_url, phi_cipher, hash_key) -> argparse.ArgumentParser:
    async def open_store() -> Store:
        return await Store.connect(database_url, phi_cipher, hash_key=hash_key)

    parser = argparse.ArgumentParser(prog="triage")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub, open_store)
    register_bench(sub.add_parser("bench").add_subparsers(dest="bench_command", required=True), open_store)
    return parser


def run(parser, *argv: str) -> int:
    args = parser.parse_args(list(argv))
    return args.func(args)


def test_db_upgrade_and_workers_commands(database_url, phi_cipher, hash_key, tmp_path, capsys):
    triage = make_parser(database_url, phi_cipher, hash_key)
    assert run(triage, "db", "upgrade") == 0  # already at head: a no-op
    assert run(triage, "db", "reencrypt") == 0
    assert "re-encrypted 0 values" in capsys.readouterr().out
    assert run(triage, "workers", "add", "+2348051112222", "Ada Obi", "--skills", "pediatric,maternal") == 0
    csv_file = tmp_path / "w.csv"
    csv_file.write_text("phone,name,country,languages,skills,on_duty\n+919812345678,Ravi,IN,en,,yes\n")
    assert run(triage, "workers", "import", str(csv_file)) == 0
    assert run(triage, "workers", "duty", "+2348051112222", "on") == 0
    assert run(triage, "workers", "duty", "+2348099999999", "on") == 1
    capsys.readouterr()

    assert run(triage, "workers", "list", "--on-duty", "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(w["name"], w["country"], w["skills"]) for w in listed] == [
        ("Ravi", "IN", []), ("Ada Obi", "NG", ["pediatric", "maternal"])]
    assert run(triage, "workers", "list") == 0
    table = capsys.readouterr().out
    assert "***2222" in table and "8051112222" not in table  # masked

    assert run(triage, "workers", "remove", "+2348051112222") == 0
    assert run(triage, "workers", "add", "12", "Nobody") == 1
    assert "worker-invalid" in capsys.readouterr().out


def test_bench_queue_has_no_double_claims(database_url, phi_cipher, hash_key, capsys):
    triage = make_parser(database_url, phi_cipher, hash_key)
    assert run(triage, "bench", "queue", "--cases", "120", "--workers", "4", "--json") == 0
    result = json.loads(capsys.readouterr().out)
    assert (result["cases"], result["workers"], result["claimed"]) == (120, 4, 120)
    assert (result["double_claims"], result["unclaimed"]) == (0, 0)
    assert set(result["claim_latency_ms"]) == {"p50", "p95"} and result["claims_per_s"] > 0
    assert run(triage, "bench", "queue", "--cases", "5", "--workers", "1") == 1  # refuses a non-empty database
    assert "bench-needs-empty-database" in capsys.readouterr().out


def test_coordinators_commands(database_url, phi_cipher, hash_key, capsys):
    triage = make_parser(database_url, phi_cipher, hash_key)
    assert run(triage, "coordinators", "add", "+2348039990001", "Bola") == 0
    assert run(triage, "coordinators", "add", "12") == 1
    assert run(triage, "coordinators", "remove", "+2348039990001") == 0
    assert run(triage, "coordinators", "remove", "+2348039990002") == 1
    assert run(triage, "coordinators", "list") == 0
    out = capsys.readouterr().out
    assert "1\t***0001\tremoved\tBola" in out and "8039990001" not in out
