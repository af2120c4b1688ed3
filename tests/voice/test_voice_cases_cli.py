"""`triage cases list|show|export`: cases read without SQL, decrypted, every read audited; FHIR that parses back."""

from __future__ import annotations

import argparse
import csv
import getpass
import io
import json
from datetime import UTC, datetime

import pytest
from fhir.resources.R4B.bundle import Bundle

from voice.cases_cli import register, since_time
from routing.store import Store
from tests.conftest import run_async

CALLER = "+2348031234567"


def make_parser(database_url, phi_cipher, hash_key) -> argparse.ArgumentParser:
    async def open_store() -> Store:
        return await Store.connect(database_url, phi_cipher, hash_key=hash_key)

    parser = argparse.ArgumentParser(prog="triage")
    register(parser.add_subparsers(dest="command", required=True), open_store)
    return parser


def run(parser, *argv: str) -> int:
    args = parser.parse_args(list(argv))
    return args.func(args)


async def cases(store) -> tuple[str, str]:
    red = await store.open_call(call_sid="CA-red", caller=CALLER, region="NG")
    await store.record_turn(red.case_id, seq=1, prompt_id="complaint", raw_text="my mother fell",
                            corrected_text="my mother fell and cannot get up", source="speech")
    await store.save_triage(red.case_id, {
        "protocol": "START", "start_category": "RED", "urgency": "emergency", "respiratory_rate": 34,
        "answers": {"walk": "no", "breathing": "yes"}, "complaint": "my mother fell and cannot get up",
        "age_years": 70, "red_flags": ["head_injury"]}, complete=True)
    green = await store.open_call(call_sid="SM-green", caller="whatsapp:+639171234567", channel="whatsapp", region="PH")
    await store.save_triage(green.case_id, {"protocol": "START", "start_category": "GREEN", "urgency": "routine",
                                            "answers": {"walk": "yes"}, "complaint": "cut hand"}, complete=False)
    return red.reference, green.reference


def test_list_show_and_export(database_url, phi_cipher, hash_key, capsys):
    red, green = with_store(database_url, phi_cipher, hash_key, cases)
    triage = make_parser(database_url, phi_cipher, hash_key)

    assert run(triage, "cases", "list", "--json") == 0
    listed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(c["reference"], c["category"], c["status"]) for c in listed] == [
        (green, "GREEN", "created"), (red, "RED", "pending")]
    assert CALLER not in json.dumps(listed)  # the list carries no PHI
    assert run(triage, "cases", "list", "--status", "pending") == 0
    table = capsys.readouterr().out
    assert red in table and green not in table
    assert run(triage, "cases", "list", "--since", "2999-01-01") == 0
    assert capsys.readouterr().out.strip() == "no cases"

    assert run(triage, "cases", "show", red.lower()) == 0
    shown = capsys.readouterr().out
    assert "why: head injury" in shown and f"call back: {CALLER}" in shown
    assert "[complaint] my mother fell and cannot get up" in shown
    assert run(triage, "cases", "show", "TL-NOPE00") == 1

    assert run(triage, "cases", "export", "--format", "csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["reference"], r["why"], r["call_back"]) for r in rows] == [
        (red, "head injury", CALLER), (green, "walks", "+639171234567")]

    assert run(triage, "cases", "export", "--format", "fhir", "--status", "pending") == 0
    bundle = Bundle.model_validate_json(capsys.readouterr().out)  # what a FHIR server would parse
    resources = [e.resource for e in bundle.entry]
    by_type = {}
    for r in resources:
        by_type.setdefault(r.__resource_type__, []).append(r)
    (patient,) = by_type["Patient"]
    assert patient.telecom[0].system == "phone" and patient.telecom[0].value == CALLER
    (encounter,) = by_type["Encounter"]
    assert encounter.identifier[0].value == red and encounter.priority.coding[0].code == "EM"
    rate = next(o for o in by_type["Observation"] if o.code.coding and o.code.coding[0].code == "9279-1")
    assert rate.valueQuantity.value == 34 and rate.valueQuantity.code == "/min"
    assert {o.valueString for o in by_type["Observation"] if o.valueString} == {"cannot walk", "breathing"}
    (condition,) = by_type["Condition"]
    assert condition.code.text == "my mother fell and cannot get up"
    (flag,) = by_type["Flag"]
    assert flag.code.text == "red flag: head injury"
    patient_url = next(e.fullUrl for e in bundle.entry if e.resource.__resource_type__ == "Patient")
    assert all(r.subject.reference == patient_url for r in resources if r.__resource_type__ != "Patient")

    trail = with_store(database_url, phi_cipher, hash_key, lambda store: store.audit_trail(listed[1]["id"]))
    reads = [a for a in trail if a.action == "read"]
    assert [a.actor for a in reads] == [f"cli:{getpass.getuser()}"] * 3  # show, csv export, fhir export


def with_store(database_url, phi_cipher, hash_key, use):
    """`use(store)` on a store of its own, on a private loop (the CLI runs its own loops too)."""
    async def main():
        store = await Store.connect(database_url, phi_cipher, hash_key=hash_key)
        try:
            return await use(store)
        finally:
            await store.close()

    return run_async(main)


@pytest.mark.parametrize("value,expected", [
    ("2026-12-01", datetime(2026, 12, 1, tzinfo=UTC)),
    ("7d", datetime(2026, 11, 25, 12, tzinfo=UTC)),
    ("12h", datetime(2026, 12, 2, tzinfo=UTC)),
])
def test_since_takes_dates_and_durations(value, expected):
    assert since_time(value, now=datetime(2026, 12, 2, 12, tzinfo=UTC)) == expected
