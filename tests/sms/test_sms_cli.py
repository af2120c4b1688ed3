"""`triage outbox` lists what the outbox holds."""

import argparse
import asyncio
import json

from routing.store import Store
from sms.cli import register
from sms.sender import OutboxSender


def test_outbox_lists_messages_as_json_and_text(database_url, phi_cipher, hash_key, capsys):
    def open_store():
        return Store.connect(database_url, phi_cipher, hash_key=hash_key)

    async def fill():
        store = await open_store()
        try:
            ref = await store.open_call(call_sid="CA1", caller="+2348031234567", region="NG")
            sender = OutboxSender(store)
            await sender.send("+2348031234567", "Case recorded.\nNot medical advice.", kind="caller_summary",
                              case_id=ref.case_id)
            await sender.send("+2348030000001", "TL-1: RED", kind="worker_summary")
            return ref.case_id
        finally:
            await store.close()

    case_id = asyncio.run(fill())
    parser = argparse.ArgumentParser(prog="triage")
    register(parser.add_subparsers(), open_store)

    args = parser.parse_args(["outbox", "--json"])
    assert args.func(args) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["kind"] for r in rows] == ["worker_summary", "caller_summary"]  # newest first
    assert rows[1] | {"created_at": None, "id": None} == {
        "id": None, "case_id": case_id, "to": "+2348031234567", "channel": "sms", "kind": "caller_summary",
        "status": "outbox", "error": None, "created_at": None, "body": "Case recorded.\nNot medical advice."}

    args = parser.parse_args(["outbox", "--case", str(case_id)])
    assert args.func(args) == 0
    out = capsys.readouterr().out
    assert "caller_summary to +2348031234567 [outbox]" in out and "    Not medical advice." in out
    assert "worker_summary" not in out
