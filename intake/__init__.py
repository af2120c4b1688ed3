"""The triage dialogue: START/JumpSTART by phone, red flags, answer understanding, intake. Pure: no I/O."""
