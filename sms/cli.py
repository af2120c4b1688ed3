"""`triage outbox`: read the messages the server recorded, which is where SMS go when Twilio is not configured."""

from __future__ import annotations

import argparse
import asyncio
import json
from typing import Awaitable, Callable

from routing.outbox import list_messages


def register(subparsers, open_store: Callable[[], Awaitable[object]]) -> None:
    """Add `outbox [--case ID] [--limit N] [--json]`; the handler is `args.func(args) -> exit code`."""
    parser = subparsers.add_parser("outbox", help="list recorded outbound messages (the outbox), newest first")
    parser.add_argument("--case", type=int, default=None, help="only messages of this case id")
    parser.add_argument("--limit", type=int, default=50, help="at most this many messages (default 50)")
    parser.add_argument("--json", action="store_true", help="one JSON object per message")
    parser.set_defaults(func=lambda args: asyncio.run(_outbox(args, open_store)))


async def _outbox(args: argparse.Namespace, open_store: Callable[[], Awaitable[object]]) -> int:
    """Print the messages; plain text is for a person reading the terminal."""
    store = await open_store()
    try:
        messages = await list_messages(store, limit=args.limit, case_id=args.case)
    finally:
        await store.close()
    for m in messages:
        if args.json:
            print(json.dumps({"id": m.id, "case_id": m.case_id, "to": m.to, "channel": m.channel, "kind": m.kind,
                              "status": m.status, "error": m.error, "created_at": m.created_at.isoformat(),
                              "body": m.body}))
        else:
            error = f" ({m.error})" if m.error else ""
            print(f"#{m.id} case {m.case_id} {m.kind} to {m.to} [{m.status}{error}] {m.created_at:%Y-%m-%d %H:%M}")
            print("    " + m.body.replace("\n", "\n    "))
    if not messages and not args.json:
        print("no messages")
    return 0
