"""A small n-gram classifier that adds red flags the rules miss; it never removes one.

The rules (red_flags.py) say exactly why they fire but only know the words someone wrote into them;
callers keep finding new ones. This layer learns from the team's labelled corpus instead: one logistic
regression per flag, plus one for "any emergency", over hashed word uni- and bigrams and character
4- and 5-grams of the prepared text (the same preparation the rules read: code-switching, fillers,
idioms). It trains when first used, from the development split only, in well under a second, so the
held-out split that CLINICAL.md reports was never seen. It runs in numpy: no model file to ship, no
extra dependency, deterministic (full-batch gradient descent from zero).

It adds a flag only when confident (thresholds chosen by cross-validation on the development split,
see CLINICAL.md); a context check still applies, so "no chest pain" stays no flag however it scores.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from intake.evaluation import split_of

CORPUS = Path(__file__).with_name("corpus") / "utterances.jsonl"
BUCKETS = 1 << 16
EPOCHS, LEARNING_RATE, L2 = 400, 20.0, 1e-6
ANY = "any"


def features(prepared: str) -> dict[int, float]:
    """Hashed, L2-normalised counts of word 1-2 grams and character 4-5 grams."""
    words = re.findall(r"[a-z0-9~]+", prepared)
    grams = words + [f"{a}_{b}" for a, b in zip(words, words[1:])]
    padded = f" {' '.join(words)} "
    grams += [f"#{padded[i:i + n]}" for n in (4, 5) for i in range(len(padded) - n + 1)]
    counts: dict[int, float] = {}
    for g in grams:
        h = zlib.crc32(g.encode()) % BUCKETS
        counts[h] = counts.get(h, 0.0) + 1.0
    norm = np.sqrt(sum(c * c for c in counts.values())) or 1.0
    return {h: c / norm for h, c in counts.items()}


@dataclass(frozen=True)
class Model:
    """Weights per label (a flag id, or ANY) over the hashed features."""

    labels: tuple[str, ...]
    weights: np.ndarray  # labels x BUCKETS
    bias: np.ndarray  # labels

    def scores(self, prepared: str) -> dict[str, float]:
        """Probability per label."""
        f = features(prepared)
        idx = np.fromiter(f.keys(), dtype=np.int64, count=len(f))
        val = np.fromiter(f.values(), dtype=np.float32, count=len(f))
        z = self.weights[:, idx] @ val + self.bias
        return dict(zip(self.labels, (1.0 / (1.0 + np.exp(-z))).tolist()))


def train(texts: list[str], label_sets: list[set[str]], labels: tuple[str, ...]) -> Model:
    """One-vs-rest logistic regression, full batch, from zero: the same data gives the same weights."""
    rows, cols, vals = [], [], []
    for r, text in enumerate(texts):
        for c, v in features(text).items():
            rows.append(r)
            cols.append(c)
            vals.append(v)
    rows_a, cols_a, vals_a = np.array(rows), np.array(cols), np.array(vals, dtype=np.float64)
    y = np.array([[lab in s or (lab == ANY and bool(s)) for lab in labels] for s in label_sets], dtype=np.float64)
    n = len(texts)
    w = np.zeros((len(labels), BUCKETS))
    b = np.zeros(len(labels))
    for _ in range(EPOCHS):
        z = np.stack([np.bincount(rows_a, weights=vals_a * w[k, cols_a], minlength=n) for k in range(len(labels))], 1)
        g = (1.0 / (1.0 + np.exp(-(z + b))) - y) / n  # n x labels
        for k in range(len(labels)):
            w[k] -= LEARNING_RATE * (np.bincount(cols_a, weights=vals_a * g[rows_a, k], minlength=BUCKETS) + L2 * w[k])
        b -= LEARNING_RATE * g.sum(0)
    return Model(labels, w.astype(np.float32), b.astype(np.float32))


def load_corpus(path: Path = CORPUS) -> list[dict]:
    """The labelled utterances (JSON Lines)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@cache
def default_model() -> Model:
    """Trained once per process on the development split of the shipped corpus."""
    from intake.red_flags import load_red_flags, prepare

    items = [it for it in load_corpus() if split_of(it["id"]) == "dev"]
    labels = (*[f.id for f in load_red_flags()], ANY)
    return train([prepare(it["text"]) for it in items], [set(it["flags"]) for it in items], labels)
