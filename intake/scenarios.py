"""Scenario files: scripted callers, run through the dialogue in text mode and scored against `expect`.

Format (shared with `triage call`): {"id", "caller", "answers": {prompt_id: text or [texts...]},
"default", "expect": {"start_category", "urgency", "red_flags", ...}}. A list answer is consumed in
order, its last item repeating; prompt ids without an answer get `default`. Two conventions for
text-mode runs only: "" (or null) is silence (`no_answer`), and "keypad:<digits>" presses keys.
Languages: "language" (hi, pcm, tl; default en) fixes the dialogue's; "choose_language": true lets the caller
choose it, with "channel": "voice" for the keypad menu at the start (answered at the prompt id "language").

An answer may pause mid-way: "about [pause 600] twenty" is said with 600 ms of silence after "about" by
the simulated caller (voice/harness/simulator.py); the text channel reads it as "about twenty".
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from intake.dialogue import Dialogue
from intake.emergency import region_of
from intake.models import Speech

MAX_SCENARIO_TURNS = 100
KEYPAD_PREFIX = "keypad:"
DEFAULT_ANSWER = "I don't know"


_PAUSE = re.compile(r"\[pause (\d+)\]")


def spoken_parts(text: str) -> list[str | int]:
    """An answer as said: its words (str) and the pauses inside it (int, ms), in order; empty parts left out."""
    parts: list[str | int] = []
    for i, piece in enumerate(_PAUSE.split(text or "")):
        if i % 2:
            parts.append(int(piece))
        elif piece.strip():
            parts.append(piece.strip())
    return parts


def plain(text: str) -> str:
    """An answer's words without its pauses: what a text message would say."""
    return " ".join(p for p in spoken_parts(text) if isinstance(p, str))


def load_scenarios(path: str | Path) -> list[dict]:
    """One JSON object, a JSON array, or JSON Lines (blank lines ignored).

    Lines end at "\n" only: a caller's silence may be written with Unicode's own line and paragraph separators
    (U+2028, U+0085), which JSON keeps unescaped inside a string and `str.splitlines` would cut it at."""
    text = Path(path).read_text(encoding="utf-8").strip()
    if not text:
        return []
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.split("\n") if line.strip()]
    return data if isinstance(data, list) else [data]


def answers_for(scenario: dict) -> Callable[[str], str | None]:
    """prompt id -> the caller's next answer: list items in order (the last repeats), else `default`."""
    answers = scenario.get("answers", {})
    default = scenario.get("default", DEFAULT_ANSWER)
    used: dict[str, int] = {}

    def next_answer(prompt_id: str) -> str | None:
        value = answers.get(prompt_id, default)
        if isinstance(value, list):
            if not value:
                return default
            i = used.get(prompt_id, 0)
            used[prompt_id] = i + 1
            return value[min(i, len(value) - 1)]
        return value

    return next_answer


def run_dialogue(scenario: dict) -> tuple[dict, Dialogue]:
    """The scenario through a text-channel dialogue: the `triage call --json` record and the dialogue."""
    region = scenario.get("region") or region_of(scenario.get("caller"))
    dialogue = Dialogue(channel=scenario.get("channel", "text"), region=region, language=scenario.get("language"),
                        choose_language=bool(scenario.get("choose_language")))
    next_answer = answers_for(scenario)
    prompts: list[str] = []
    turns: list[dict] = []
    reply = dialogue.start()
    while True:
        prompts.extend(s.prompt_id for s in reply.segments if isinstance(s, Speech))
        if reply.finished or reply.awaiting is None or len(turns) >= MAX_SCENARIO_TURNS:
            break
        said = plain(next_answer(reply.awaiting) or "")
        turns.append({"prompt_id": reply.awaiting, "heard": said or "", "latency_ms": 0})
        if not said:
            reply = dialogue.no_answer()
        elif said.startswith(KEYPAD_PREFIX):
            reply = dialogue.keypad(said.removeprefix(KEYPAD_PREFIX))
        else:
            reply = dialogue.answer(said)
    result = dialogue.result
    record = {
        "id": scenario.get("id"),
        "case_id": None,
        "start_category": result.start_category.value if result.start_category else None,
        "urgency": result.urgency.value,
        "red_flags": list(result.red_flags),
        "prompts": prompts,
        "turns": turns,
        "sms": [],
    }
    return record, dialogue


def run_text(scenario: dict) -> dict:
    """The dialogue in text mode, no audio: the same per-scenario JSON as `triage call --json`."""
    return run_dialogue(scenario)[0]


def mismatches(scenario: dict, record: dict, dialogue: Dialogue | None = None) -> list[str]:
    """How a run differs from the scenario's `expect` (empty: as expected).

    Expected red flags must all be found; a scenario expecting none must find none. Other keys of
    `expect` (protocol, assumed, respiratory_rate, ...) are compared with the dialogue's result.
    """
    expect = scenario.get("expect", {})
    out = []
    for key in ("start_category", "urgency"):
        if key in expect and expect[key] != record[key]:
            out.append(f"{key}: expected {expect[key]}, got {record[key]}")
    if "red_flags" in expect:
        want, got = set(expect["red_flags"]), set(record["red_flags"])
        if not want <= got or (not want and got):
            out.append(f"red_flags: expected {sorted(want)}, got {sorted(got)}")
    if dialogue is not None:
        result = dialogue.result.to_dict()
        for key, want in expect.items():
            got = result.get(key)
            if isinstance(want, bool) and isinstance(got, list):  # "mechanism": true means "some mechanism"
                got = bool(got)
            if key in result and key not in ("start_category", "urgency", "red_flags") and got != want:
                out.append(f"{key}: expected {want}, got {result[key]}")  # noqa: E501
    return out
