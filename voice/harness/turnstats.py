"""Turn figures the benches share: latency by the kind of answer the question waited for, and cut-offs."""

from __future__ import annotations

from intake.turn_taking import short_answer
from voice.harness.percentiles import percentiles_ms
from voice.harness.simulator import SaidTurn

FREE_ANSWER = "free"  # the kind of the answers in the caller's own words (the complaint, the duration, ...)


def latency_by_answer_kind(by_prompt: dict[str, list[int]]) -> dict[str, dict]:
    """Turn latency grouped by what the answered question waited for (intake/turn_taking.py)."""
    grouped: dict[str, list[int]] = {}
    for prompt_id, values in by_prompt.items():
        grouped.setdefault(short_answer(prompt_id) or FREE_ANSWER, []).extend(values)
    return {kind: {"turns": len(values), **percentiles_ms(values)} for kind, values in sorted(grouped.items())}


def cut_offs(turns: list[SaidTurn]) -> dict:
    """Spoken answers the server replied to before the caller had said all of it, overall and with pauses in them."""

    def rate(answers: list) -> dict:
        cut = sum(1 for t in answers if t.cut_off)
        return {"answers": len(answers), "cut_off": cut, "rate": round(cut / len(answers), 4) if answers else None}

    answered = [t for t in turns if t.cut_off is not None]
    return {**rate(answered), "with_pauses": rate([t for t in answered if "[pause" in t.said]),
            "cut": sorted({f"{t.prompt_id}: {t.said}" for t in answered if t.cut_off})}
