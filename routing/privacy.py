"""Phone numbers are PHI: this is the one place that turns them into log-safe text."""

from __future__ import annotations


def mask_phone(number: str | None) -> str:
    """Show only the last 4 digits ("***4567"); anything shorter is fully masked."""
    if not number:
        return "***"
    digits = [c for c in str(number) if c.isdigit()]
    if len(digits) < 7:
        return "***"
    return "***" + "".join(digits[-4:])
