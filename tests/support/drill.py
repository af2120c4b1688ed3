"""The caller the multi-process drills play, and a transcription stand-in that knows what that caller says."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path

from intake.scenarios import load_scenarios
from tests.support.settings import settings_for
from voice.harness import EXAMPLES
from voice.harness.loadgen import answer_texts, stub_transcription_server
from voice.services import open_store
from voice.tts import FliteTts

SCENARIO = next(s for s in load_scenarios(EXAMPLES) if s["id"] == "red-rate-fever")
VOICE = FliteTts("slt")
ANSWERS = {"who": "my brother", "complaint": "he has a high fever and he is very weak", "danger_signs": "no",
           "age": "thirty"}
LAST_WORDS = frozenset({"closing", "emergency", "cpr", "no_answer"})  # intake/prompts.py: they ask nothing


def answered_prompts(trace) -> list[str]:
    """The prompts a simulated caller answered while the server was still asking.

    The server hangs up after its last words; the simulator answers whatever it heard last after 400 ms of
    audio (50 ms at 8x), so on a busy machine it may begin to "answer" the last words before the line
    closes. No server records that, nor should it.
    """
    return [t.prompt_id for t in trace.turns if t.prompt_id not in LAST_WORDS]


@contextmanager
def stub_stt_server():
    """OpenAI-style transcription on loopback, answering with what the scenario's caller said (no delay)."""
    server = stub_transcription_server(answer_texts([SCENARIO]), "slt", delay_s=0.0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    finally:
        server.shutdown()


async def deployment_store(env: dict[str, str], data_dir: Path):
    """Our own connection to a deployment's database, with its PHI keys."""
    return await open_store(settings_for(data_dir, database_url=env["DATABASE_URL"], phi_key=env["PHI_KEY"],
                                         phi_hash_key=env["PHI_HASH_KEY"]))
