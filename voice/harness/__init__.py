"""The test and measurement harness: simulated callers, the call runner, the load generator and the benches.

Nothing the server runs imports it; `triage call`, `triage bench` and `triage eval-audio` do.
"""
