"""The one way the harness ranks latencies: nearest-rank p50, p95 and max."""

from __future__ import annotations


def percentiles_ms(values: list[int]) -> dict[str, int | None]:
    """p50, p95 and max (nearest rank), None when there is nothing to rank."""
    if not values:
        return {"p50": None, "p95": None, "max": None}
    ordered = sorted(values)

    def rank(p: float) -> int:
        return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]

    return {"p50": rank(0.5), "p95": rank(0.95), "max": ordered[-1]}
