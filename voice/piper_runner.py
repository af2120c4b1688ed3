"""Run a Piper voice model without the piper package: IPA from the espeak-ng program, audio from onnxruntime.

piper-tts links espeak-ng's C library (GPL) into the process. Here espeak-ng runs as a separate program
(`espeak-ng -q --ipa`, one line per clause) and this module rebuilds what Piper's phonemizer hands its model:
each clause's IPA plus its punctuation, grouped into sentences, one codepoint per phoneme, mapped to ids with
BOS '^', PAD '_' after every phoneme and EOS '$' (piper1-gpl, phonemize_espeak.py and phoneme_ids.py).
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)

BOS, EOS, PAD = "^", "$", "_"
ESPEAK_IPA_ARGS = ("-q", "--ipa", "--stdin")  # one clause per output line; stdin so "-text" is never an option
_SENTENCE_ENDS = frozenset(".?!")
_CLAUSE_BREAKS = frozenset(",:;")  # Piper adds a space after these: the clause goes on
# Where espeak-ng ends a clause: punctuation (an ellipsis counts as one mark) before a space or the end, past
# any closing quotes or brackets. A full stop followed by a lowercase word ("e.g. this") ends nothing.
_CLAUSE_END = re.compile(r"(\.\.\.|…|[.,?!:;])[.,?!:;]*[\"'”’)\]]*(?=\s|$)")
_LANGUAGE_SWITCH = re.compile(r"\([^)]+\)")  # espeak's "(fr)" flags around words from another language


@dataclass(frozen=True)
class PiperVoiceConfig:
    """The parts of a Piper voice's .onnx.json this runner uses."""

    sample_rate: int
    espeak_voice: str
    phoneme_id_map: Mapping[str, Sequence[int]]
    noise_scale: float
    length_scale: float
    noise_w: float

    @classmethod
    def from_json(cls, path: str | Path) -> PiperVoiceConfig:
        """Read a voice config; only espeak-phonemized, single-speaker voices are supported."""
        config = json.loads(Path(path).read_text(encoding="utf-8"))
        if config.get("phoneme_type", "espeak") != "espeak" or config.get("num_speakers", 1) > 1:
            raise ValueError("only single-speaker espeak voices are supported")
        inference = config.get("inference", {})
        return cls(
            sample_rate=int(config["audio"]["sample_rate"]),
            espeak_voice=config["espeak"]["voice"],
            phoneme_id_map=config["phoneme_id_map"],
            noise_scale=float(inference.get("noise_scale", 0.667)),
            length_scale=float(inference.get("length_scale", 1.0)),
            noise_w=float(inference.get("noise_w", 0.8)),
        )


def clause_terminators(text: str) -> list[tuple[str, bool]]:
    """(punctuation, ends a sentence) for each clause espeak-ng will find in `text`, as Piper's bridge reports them."""
    found: list[tuple[str, bool]] = []
    start = 0
    for match in _CLAUSE_END.finditer(text):
        mark = match.group(1)
        if mark == "." and re.match(r"\s+[a-z]", text[match.end():]):
            continue  # an abbreviation inside a sentence
        if not re.search(r"\w", text[start:match.start()]):
            continue  # punctuation with no words before it makes no clause
        found.append(("", False) if mark in ("...", "…") else (mark, mark in _SENTENCE_ENDS))
        start = match.end()
    if re.search(r"\w", text[start:]):
        found.append(("", True))  # text without a final mark
    return found


def sentence_phonemes(text: str, espeak_lines: Sequence[str]) -> list[list[str]]:
    """Phonemes per sentence, as Piper's phonemize_espeak builds them, from espeak-ng's `--ipa` lines for `text`."""
    lines = [line.strip() for line in espeak_lines if line.strip()]
    terminators = clause_terminators(text)
    if len(terminators) != len(lines):
        # espeak split where we did not guess (a very long clause): keep its phonemes, lose only the punctuation.
        logger.warning("espeak-ng found %d clauses where %d were expected; punctuation dropped",
                       len(lines), len(terminators))
        terminators = [(",", False)] * (len(lines) - 1) + [(".", True)]
    sentences: list[list[str]] = []
    sentence: list[str] = []
    for phonemes, (mark, ends_sentence) in zip(lines, terminators):
        phonemes = _LANGUAGE_SWITCH.sub("", phonemes) + mark
        if mark in _CLAUSE_BREAKS:
            phonemes += " "
        sentence.extend(unicodedata.normalize("NFD", phonemes))  # accents become phonemes of their own
        if ends_sentence:
            sentences.append(sentence)
            sentence = []
    if sentence:
        sentences.append(sentence)
    return [s for s in sentences if s]


def phoneme_ids(phonemes: Sequence[str], id_map: Mapping[str, Sequence[int]]) -> list[int]:
    """BOS, then each known phoneme followed by PAD, then EOS; phonemes the voice does not know are skipped."""
    ids = [*id_map[BOS], *id_map[PAD]]
    for phoneme in phonemes:
        if phoneme in id_map:
            ids += [*id_map[phoneme], *id_map[PAD]]
        else:
            logger.debug("voice has no id for phoneme %r", phoneme)
    return ids + [*id_map[EOS]]


def render(session, ids: Sequence[int], config: PiperVoiceConfig, *, length_scale: float) -> np.ndarray:
    """One sentence's float audio (-1..1) from an onnxruntime session of the voice model."""
    inputs = {
        "input": np.asarray([ids], dtype=np.int64),
        "input_lengths": np.asarray([len(ids)], dtype=np.int64),
        "scales": np.asarray([config.noise_scale, length_scale, config.noise_w], dtype=np.float32),
    }
    return np.asarray(session.run(None, inputs)[0], dtype=np.float32).reshape(-1)
