"""The coordinator console: sign-in by SMS code, the live queue and calls, cases and their actions, charts."""
