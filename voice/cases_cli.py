"""`triage cases list|show|export`: a person reads cases without SQL (PHI is encrypted), every read audited.

`list` shows no PHI (reference, status, category, urgency, country); `show` and `export` decrypt, and
write one audit line per case read, as actor `cli:<login>`, like a case page opened by link.
"""

from __future__ import annotations

import argparse
import csv
import getpass
import io
import json
import re
import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from routing.outbox import list_messages
from routing.lifecycle import Status
from routing.models import Case
from routing.queue import case_id_for_reference
from routing.cli import OpenStore, store_command
from routing.store import Store
from routing.views import CaseView

RELATIVE = re.compile(r"^(?P<n>\d+)\s*(?P<unit>[mhd])$")
UNITS = {"m": "minutes", "h": "hours", "d": "days"}
CSV_FIELDS = ("reference", "created_at", "status", "channel", "country", "category", "urgency", "why",
              "respiratory_rate", "age_years", "complaint", "red_flags", "call_back")


def register(subparsers, open_store: OpenStore) -> None:
    """Add `cases` with `list`, `show` and `export` to the `triage` command."""
    cases = subparsers.add_parser("cases", help="read cases (decrypted; every read is audited)")
    sub = cases.add_subparsers(dest="cases_command", required=True)
    lst = sub.add_parser("list", help="cases, newest first (no PHI)")
    _filters(lst)
    lst.add_argument("--json", action="store_true", help="one JSON object per case")
    lst.set_defaults(func=store_command(open_store, _list))
    show = sub.add_parser("show", help="one case, decrypted: triage, transcript, messages, timeline (audited)")
    show.add_argument("reference", help="the case reference, e.g. TL-7K3QX9")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=store_command(open_store, _show))
    export = sub.add_parser("export", help="cases as CSV or a FHIR R4 Bundle, decrypted (audited)")
    export.add_argument("--format", choices=("csv", "fhir"), required=True)
    _filters(export)
    export.add_argument("--output", "-o", help="file to write (default: standard output)")
    export.set_defaults(func=store_command(open_store, _export))


def _filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--status", choices=[s.value for s in Status], help="only cases in this state")
    parser.add_argument("--since", type=since_time, help="created since: ISO date or time, or 30m / 12h / 7d ago")


def since_time(value: str, *, now: datetime | None = None) -> datetime:
    """`--since`: "2026-12-01", "2026-12-01T08:00:00+01:00" (naive is UTC), or "7d" / "12h" / "30m" ago."""
    now = now or datetime.now(UTC)
    if match := RELATIVE.match(value.strip().lower()):
        return now - timedelta(**{UNITS[match["unit"]]: int(match["n"])})
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date, a time or a duration like 7d: {value!r}") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _actor() -> str:
    return f"cli:{getpass.getuser()}"


async def case_ids(store: Store, *, status: str | None = None, since: datetime | None = None) -> list[int]:
    """Ids of the cases matching the filters, newest first."""
    async def op(s) -> list[int]:
        return list((await s.execute(_filtered(select(Case.id), status, since))).scalars().all())

    return await store.read("case_ids", op)


def _filtered(query, status: str | None, since: datetime | None):
    query = query.order_by(Case.id.desc())
    if status:
        query = query.where(Case.status == status)
    if since:
        query = query.where(Case.created_at >= since)
    return query


async def _rows(store: Store, args) -> list[Case]:
    async def op(s) -> list[Case]:
        return list((await s.execute(_filtered(select(Case), args.status, args.since))).scalars().all())

    return await store.read("list_cases", op)


async def _list(store: Store, args) -> int:
    rows = await _rows(store, args)
    for c in rows:
        if args.json:
            print(json.dumps({"id": c.id, "reference": c.reference, "created_at": c.created_at.isoformat(),
                              "status": c.status, "channel": c.channel, "country": c.region, "category": c.category,
                              "urgency": c.urgency}))
        else:
            print(f"{c.reference:<10} {c.created_at:%Y-%m-%d %H:%M}  {c.status:<19} {c.channel:<8} "
                  f"{c.region or '--':<3} {c.category or '-':<6} {c.urgency or '-'}")
    if not rows and not args.json:
        print("no cases")
    return 0


async def _show(store: Store, args) -> int:
    case_id = await case_id_for_reference(store, args.reference)
    if case_id is None:
        print(f"no case {args.reference}", file=sys.stderr)
        return 1
    case = await store.get_case(case_id, actor=_actor())  # the read is in the audit log
    messages = await list_messages(store, case_id=case_id, limit=100)
    trail = await store.audit_trail(case_id)
    notes = await store.list_notes(case_id)
    if args.json:
        print(json.dumps({**_case_dict(case), "triage": case.triage,
                          "turns": [{"seq": t.seq, "prompt_id": t.prompt_id, "text": t.corrected_text,
                                     "heard": t.raw_text, "source": t.source} for t in case.turns],
                          "messages": [{"to": m.to, "kind": m.kind, "status": m.status, "body": m.body,
                                        "at": m.created_at.isoformat()} for m in reversed(messages)],
                          "notes": [{"author": n.author, "text": n.text} for n in notes],
                          "timeline": [{"at": a.at.isoformat(), "actor": a.actor, "action": a.action,
                                        "detail": a.detail} for a in trail]}, default=str))
        return 0
    row = _case_dict(case)
    print(f"{case.reference}  {case.status}  {case.category or 'no category'} {case.urgency or ''}"
          f"  ({case.channel}, {case.region or 'country unknown'}, {case.created_at:%Y-%m-%d %H:%M} UTC)")
    for key in ("why", "complaint", "age_years", "respiratory_rate", "red_flags", "call_back"):
        if row[key] not in (None, "", []):
            print(f"  {key.replace('_', ' ')}: {row[key]}")
    if case.turns:
        print("transcript:")
        for t in case.turns:
            print(f"  [{t.prompt_id}] {t.corrected_text if t.corrected_text is not None else '(purged)'}")
    if messages:
        print("messages:")
        for m in reversed(messages):
            print(f"  {m.created_at:%H:%M} {m.kind} to {m.to} [{m.status}]")
            print("    " + m.body.replace("\n", "\n    "))
    for n in notes:
        print(f"note by {n.author}: {n.text}")
    print("timeline:")
    for a in trail:
        print(f"  {a.at:%Y-%m-%d %H:%M:%S} {a.actor} {a.action} {a.detail}".rstrip())
    return 0


def _case_dict(case: CaseView) -> dict:
    """The CSV / summary fields of a case, decrypted."""
    from intake.findings import why
    from intake.models import TriageResult

    t = TriageResult.from_dict(case.triage or {})
    return {"reference": case.reference, "created_at": case.created_at.isoformat(), "status": case.status,
            "channel": case.channel, "country": case.region, "category": case.category_text if case.no_answer
            else case.category, "urgency": case.urgency, "why": why(t), "respiratory_rate": t.respiratory_rate,
            "age_years": t.age_years, "complaint": t.complaint, "red_flags": ";".join(t.red_flags),
            "call_back": (case.caller or "").removeprefix("whatsapp:")}


async def _export(store: Store, args) -> int:
    ids = await case_ids(store, status=args.status, since=args.since)
    actor = _actor()
    cases = []
    for case_id in reversed(ids):  # oldest first, as records systems import them
        cases.append(await store.get_case(case_id, actor=actor))  # each case read is audited
    if args.format == "fhir":
        from voice.fhir import cases_bundle

        text = cases_bundle(cases).model_dump_json(indent=2)
    else:
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
        writer.writeheader()
        for case in cases:
            writer.writerow(_case_dict(case))
        text = out.getvalue()
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        print(f"{len(cases)} cases written to {args.output} ({args.format})", file=sys.stderr)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
