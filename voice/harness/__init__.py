"""The test and measurement harness: simulated callers, the call runner, the load generator and the benches.

Nothing the server runs imports it; `triage call`, `triage bench` and `triage eval-audio` do.
"""

import sys
from pathlib import Path

# Package data, so `triage bench` finds its callers after a plain install (pyproject's package-data).
EXAMPLES = Path(__file__).resolve().parent / "scenarios" / "examples.jsonl"


def progress(step: str) -> None:
    """One line on stderr per step of a long run, so a bench is not silent for minutes; stdout stays the result."""
    print(step, file=sys.stderr, flush=True)
