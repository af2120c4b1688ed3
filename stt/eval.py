"""Measuring transcription and correction: WER, medical-term recall, false corrections, speed."""

from __future__ import annotations

import json
import logging
import os
import re
import time
import wave
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

import jiwer
import numpy as np

from .audio import wav_bytes
from .base import Hints, Transcriber, Transcript
from .incremental import IncrementalTranscriber
from .lexicon import Lexicon, bias_hints
from .numbers import normalize_numbers
from .synth import PHONE_RATE, synthesize, telephone_round_trip

logger = logging.getLogger(__name__)

Correct = Callable[[str], str]


@dataclass(frozen=True)
class Row:
    """One evaluated utterance: reference, the recogniser's words and the corrected words."""

    reference: str
    raw: str
    corrected: str
    terms: tuple[str, ...]


# British and American spellings score as one word; so do "anti-histamines" and "antihistamines".
_SPELLINGS = {"diarrhoea": "diarrhea", "anaemia": "anemia", "haemorrhage": "hemorrhage", "oedema": "edema",
              "hypoglycaemia": "hypoglycemia", "hyperglycaemia": "hyperglycemia", "hayfever": "hay fever"}


def words(text: str) -> list[str]:
    """Scoring form: lower case, numbers as digits, punctuation and hyphens dropped, one spelling per word."""
    text = re.sub(r"\banti[- ]", "anti", text.lower()).replace("-", " ")
    text = normalize_numbers(text).replace("'", "")
    return " ".join(_SPELLINGS.get(w, w) for w in re.findall(r"[a-z0-9]+(?:\.\d+)?", text)).split()


def score(rows: list[Row]) -> dict:
    """WER and term recall before and after correction, and the correct words correction broke."""
    refs = [" ".join(words(r.reference)) or "<empty>" for r in rows]
    raw = [" ".join(words(r.raw)) for r in rows]
    corrected = [" ".join(words(r.corrected)) for r in rows]
    total_terms = sum(len(r.terms) for r in rows)
    ref_words = sum(len(ref.split()) for ref in refs)
    broken = 0
    for ref, before, after in zip(refs, raw, corrected):
        if before != after:
            lost = jiwer.process_words(ref, before or "<empty>").hits - jiwer.process_words(ref, after or "<empty>").hits
            broken += max(0, lost)
    return {
        "n": len(rows),
        "wer_raw": round(jiwer.wer(refs, [h or "<empty>" for h in raw]), 4),
        "wer_corrected": round(jiwer.wer(refs, [h or "<empty>" for h in corrected]), 4),
        "terms": total_terms,
        "term_recall_raw": _recall(rows, raw, total_terms),
        "term_recall_corrected": _recall(rows, corrected, total_terms),
        "false_corrections": broken,
        "false_correction_rate": round(broken / max(1, ref_words), 4),
    }


def _recall(rows: list[Row], outputs: list[str], total: int) -> float:
    """Share of reference terms present in the output as whole words (each occurrence counted once)."""
    found = 0
    for row, text in zip(rows, outputs):
        counts = _counts(text.split())
        for term, need in _counts(words(" ".join(row.terms))).items():
            found += min(need, counts.get(term, 0))
    return round(found / total, 4) if total else 1.0


def _counts(items: list[str]) -> dict[str, int]:
    """Occurrences of each item."""
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return counts


def synthesize_manifest(sentences: list[str], voices: list[str], out_dir: Path, lexicon: Lexicon) -> Path:
    """Speak each sentence with the next voice in turn, through the phone line; write manifest.jsonl."""
    out_dir.mkdir(parents=True, exist_ok=True)
    manifest = out_dir / "manifest.jsonl"
    with manifest.open("w", encoding="utf-8") as out:
        for i, sentence in enumerate(_progress(sentences, "synthesizing")):
            voice = voices[i % len(voices)]
            audio = out_dir / f"{i:04d}-{voice.replace(':', '-')}.wav"
            audio.write_bytes(wav_bytes(synthesize(sentence, voice), PHONE_RATE))
            terms = lexicon.key_terms(words(sentence))
            out.write(json.dumps({"audio": audio.name, "text": sentence, "terms": terms, "voice": voice}) + "\n")
    return manifest


def read_jsonl(path: Path) -> list[dict]:
    """Rows of a JSON Lines file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def phone_audio(path: Path) -> bytes:
    """PCM16 at 8 kHz: the file itself if it already is phone audio, else its mu-law round trip."""
    with wave.open(str(path), "rb") as wav:
        if (wav.getframerate(), wav.getnchannels(), wav.getsampwidth()) == (PHONE_RATE, 1, 2):
            return wav.readframes(wav.getnframes())
    return telephone_round_trip(path)


def held_out(index: int) -> bool:
    """Three utterances in ten of a synthesized set are never looked at while tuning the corrector or the bias."""
    return index % 10 < 3


def evaluate_audio(
    manifest: Path,
    transcriber: Transcriber,
    correct: Correct | None,
    bias: bool,
    lexicon: Lexicon,
    seconds: tuple[float, float] | None = None,
    incremental: bool = False,
    split: str = "all",
    concurrency: int = 1,
) -> dict:
    """Transcribe the manifest's entries (of `split`, `seconds` long if given); report accuracy, speed and their words.

    With `incremental`, each turn is fed at real-time pace as a call would, and latency counts from the
    moment the endpointer would close the turn; decoding then overlaps the audio, so instead of rtf the
    report gives the decodes each turn cost and the share of turns answered by the one made at the pause.
    With `concurrency` N, N turns are transcribed at once, as N calls would be (local Whisper then batches
    their decodes, stt/batching.py); rtf is then wall time over audio time.
    """
    hints: Hints | None = bias_hints() if bias else None
    turns = []
    for index, entry in enumerate(read_jsonl(manifest)):
        if split != "all" and held_out(index) != (split == "heldout"):
            continue
        path = Path(entry["audio"]) if Path(entry["audio"]).is_absolute() else manifest.parent / entry["audio"]
        pcm = phone_audio(path)
        if seconds is None or seconds[0] <= len(pcm) / 2 / PHONE_RATE <= seconds[1]:
            turns.append((entry, pcm))
    rows, latencies, audio_s, decodes, reused = [], [], 0.0, 0, 0
    utterances = []
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="stt-eval") if incremental else None
    together = None if incremental or concurrency <= 1 else ThreadPoolExecutor(concurrency, thread_name_prefix="stt-eval")
    wall_started = time.perf_counter()
    if together is not None:
        done = together.map(lambda turn: _timed(transcriber, turn[1], hints), turns)  # in order, `concurrency` at once
    for entry, pcm in _progress(turns, "transcribing"):
        if pool is not None:
            transcript, latency, live = _live_turn(pcm, transcriber, hints, pool)
            decodes, reused = decodes + live.decodes, reused + live.reused
        elif together is not None:
            transcript, latency = next(done)
        else:
            transcript, latency = _timed(transcriber, pcm, hints)
        raw = transcript.text
        latencies.append(latency)
        audio_s += len(pcm) / 2 / PHONE_RATE
        corrected = correct(raw) if correct else raw
        terms = entry.get("terms") or lexicon.key_terms(words(entry["text"]))
        rows.append(Row(entry["text"], raw, corrected, tuple(terms)))
        utterances.append({"audio": entry["audio"], "raw": raw, "corrected": corrected})
    report = score(rows)
    report["audio_seconds"] = round(audio_s, 1)
    busy_s = sum(latencies) if together is None else time.perf_counter() - wall_started
    report["rtf"] = round(busy_s / max(audio_s, 1e-9), 4)
    if together is not None:
        together.shutdown()
        report["concurrency"] = concurrency
    report["latency_ms"] = _percentiles(latencies)
    if pool is not None:
        pool.shutdown()
        report.pop("rtf")
        report["speculative_decodes_per_turn"] = round(decodes / max(1, len(rows)), 2)
        report["reused_share"] = round(reused / max(1, len(rows)), 3)
    report["load_average"] = round(os.getloadavg()[0], 2)
    report["utterances"] = utterances
    return report


def _timed(transcriber: Transcriber, pcm: bytes, hints: Hints | None) -> tuple[Transcript, float]:
    """One turn's transcript and the seconds it took."""
    started = time.perf_counter()
    transcript = transcriber.transcribe(pcm, PHONE_RATE, hints)
    return transcript, time.perf_counter() - started


# What the voice endpointer does around a turn: it waits this much silence before closing the
# turn, and keeps this much of it in the turn's audio.
ENDPOINT_SILENCE_S = 0.7
ENDPOINT_TAIL_S = 0.2
FRAME_S = 0.02


def _live_turn(
    pcm: bytes, transcriber: Transcriber, hints: Hints | None, pool: ThreadPoolExecutor
) -> tuple[Transcript, float, IncrementalTranscriber]:
    """Feed a turn and the endpointer's silence at real-time pace, then finish; latency from the turn's close."""
    live = IncrementalTranscriber(transcriber, pool, hints, PHONE_RATE)
    stream = pcm + _silence(ENDPOINT_SILENCE_S)
    frame = 2 * int(PHONE_RATE * FRAME_S)
    started = time.perf_counter()
    for offset in range(0, len(stream), frame):
        arrives = started + (offset + frame) / 2 / PHONE_RATE
        time.sleep(max(0.0, arrives - time.perf_counter()))
        live.feed(stream[offset : offset + frame])
    closed = time.perf_counter()
    transcript = live.finish(pcm + _silence(ENDPOINT_TAIL_S))
    return transcript, time.perf_counter() - closed, live


def _silence(seconds: float) -> bytes:
    """Digital silence as PCM16 at the phone rate."""
    return bytes(2 * int(PHONE_RATE * seconds))


def evaluate_text(entries: list[dict], correct: Correct | None, lexicon: Lexicon) -> dict:
    """The correction step alone, on real recogniser output: rows of hypothesis, reference, terms."""
    rows = []
    for entry in entries:
        hypothesis = entry["hypothesis"]
        terms = entry.get("terms") or lexicon.key_terms(words(entry["reference"]))
        rows.append(Row(entry["reference"], hypothesis, correct(hypothesis) if correct else hypothesis, tuple(terms)))
    report = score(rows)
    report["utterances"] = [{"raw": r.raw, "corrected": r.corrected} for r in rows if r.raw != r.corrected]
    return report


def _percentiles(seconds: list[float]) -> dict:
    """p50 and p95 in milliseconds."""
    if not seconds:
        return {"p50": None, "p95": None}
    values = np.array(seconds) * 1000
    return {"p50": round(float(np.percentile(values, 50)), 1), "p95": round(float(np.percentile(values, 95)), 1)}


def _progress(items: list, label: str) -> Iterator:
    """A progress bar on long runs (tqdm writes to stderr, so --json output stays clean)."""
    try:
        from tqdm import tqdm
    except ImportError:  # tqdm is optional; the run is the same without the bar
        return iter(items)
    return iter(tqdm(items, desc=label, disable=len(items) < 20, leave=False))


def primock_entries(primock_dir: Path, split: str, systems: Iterable[str] | None = None) -> list[dict]:
    """Correction rows from PriMock57's real ASR output; day 5 consultations are held out from tuning."""
    chosen = set(systems) if systems else None
    entries = []
    for row in read_jsonl(primock_dir / "hypotheses.jsonl"):
        held_out = row["consultation"].startswith("day5")
        if (split == "heldout") != held_out or (chosen and row["system"] not in chosen):
            continue
        entries.append({"hypothesis": row["hypothesis"], "reference": row["reference"]})
    return entries
