"""A learned second reader for red flags, behind the rules: it may add a flag the rules missed, never remove one.

The rules (red_flags.py) reach as far as their concept lists; every new author of the corpus brought words outside
them. This reader is one logistic regression per flag over word 1-2 grams and character 2-5 grams of the rules'
prepared text, trained on every labelled turn in `corpus/` and on the short answers and denials a consultation is
made of (scripts/train_learned_flags.py, scikit-learn at training time only). Its weights ship in
`learned_flags.npz`; here they are read with numpy, the features built exactly as scikit-learn's TfidfVectorizer
builds them (a golden file of scikit-learn's own probabilities holds the two together).

It only proposes: a flag scoring at least the shipped threshold, with the words that carry the score (those whose
removal lowers it most). red_flags.py decides whether the rules' context would let a mention at each of them count,
as it does for its own mentions.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

DATA_FILE = Path(__file__).with_name("learned_flags.npz")
# The shortest turn the reader may flag: a consultation's answers ("no, not at all", "on the left side") are read
# by the dialogue's own answer parsers, which know the question; the reader saw complaints.
MIN_WORDS = 6
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token_pattern
_WORD = re.compile(r"[a-z0-9~]+")  # a word of the prepared text, as the rules count them


@dataclass(frozen=True)
class Model:
    """The shipped weights: a shared TF-IDF space (word grams, then character grams) and a sparse row per flag."""

    flags: tuple[str, ...]
    word_index: dict[str, int]
    char_index: dict[str, int]
    idf: np.ndarray  # per feature, word grams first
    coef: np.ndarray  # (flags, features), zero outside each flag's selected features
    intercept: np.ndarray
    threshold: float


@cache
def load_model(path: Path = DATA_FILE) -> Model:
    """The weights, read once per file."""
    with np.load(path, allow_pickle=False) as d:
        words, chars = [str(w) for w in d["words"]], [str(c) for c in d["chars"]]
        coef = np.zeros((len(d["flags"]), len(words) + len(chars)))
        coef[d["coef_row"], d["coef_col"]] = d["coef_value"]
        return Model(tuple(str(f) for f in d["flags"]), {w: i for i, w in enumerate(words)},
                     {c: i for i, c in enumerate(chars)}, d["idf"].astype(float), coef, d["intercept"].astype(float),
                     float(d["threshold"]))


def word_grams(text: str) -> list[str]:
    """Words of two or more letters and their pairs (TfidfVectorizer(ngram_range=(1, 2)))."""
    tokens = _TOKEN.findall(text.lower())
    return tokens + [" ".join(pair) for pair in zip(tokens, tokens[1:])]


def char_grams(text: str) -> list[str]:
    """Character 2-5 grams inside each space-padded word (TfidfVectorizer(analyzer="char_wb")): a word shorter
    than n is counted once, not once per n."""
    out = []
    for w in text.lower().split():
        w = f" {w} "
        for n in range(2, 6):
            out.extend(w[i:i + n] for i in range(max(1, len(w) - n + 1)))
            if len(w) <= n:
                break
    return out


def _tfidf(grams: list[str], index: dict[str, int], offset: int, idf: np.ndarray) -> dict[int, float]:
    """Sublinear term frequency times idf, unit length (one vectorizer's part of the row)."""
    row = {offset + index[g]: 1.0 + math.log(n) for g, n in Counter(grams).items() if g in index}
    row = {i: v * idf[i] for i, v in row.items()}
    norm = math.sqrt(sum(v * v for v in row.values()))
    return {i: v / norm for i, v in row.items()} if norm else row


def features(text: str, model: Model) -> tuple[np.ndarray, np.ndarray]:
    """(feature indices, values) of one prepared text."""
    row = _tfidf(word_grams(text), model.word_index, 0, model.idf)
    row |= _tfidf(char_grams(text), model.char_index, len(model.word_index), model.idf)
    return np.fromiter(row.keys(), int, len(row)), np.fromiter(row.values(), float, len(row))


def probabilities(text: str, model: Model | None = None) -> dict[str, float]:
    """Each flag's probability for one prepared text."""
    model = model or load_model()
    idx, val = features(text, model)
    z = model.coef[:, idx] @ val + model.intercept
    return dict(zip(model.flags, (1.0 / (1.0 + np.exp(-z))).tolist()))


def carriers(flag: str, text: str, model: Model | None = None) -> list[tuple[int, int]]:
    """The spans of the words that carry the flag's score: the word whose removal lowers it most, and every other
    word whose removal lowers it at least half as much ("no pain in my chest" is carried by "pain" and "chest")."""
    drops = carried(flag, text, model)
    if not drops:
        return []
    top = max(drops.values())
    return [span for span, drop in drops.items() if drop == top or (top > 0 and drop >= top / 2)]


def carried(flag: str, text: str, model: Model | None = None) -> dict[tuple[int, int], float]:
    """How much of the flag's score each word of the text carries: how far its removal lowers the score."""
    if model is None or model is load_model():  # shipped weights: red_flags.py asks again for carriers it weighs
        return dict(_carried_by_shipped(flag, text))
    return _occlude(flag, text, model)


@lru_cache(maxsize=256)
def _carried_by_shipped(flag: str, text: str) -> tuple[tuple[tuple[int, int], float], ...]:
    return tuple(_occlude(flag, text, load_model()).items())


def _occlude(flag: str, text: str, model: Model) -> dict[tuple[int, int], float]:
    """One scoring of the text for each of its words, that word left out: the cost of finding the carriers."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    if not spans:
        return {}
    row = model.flags.index(flag)
    idx, val = features(text, model)
    whole = float(model.coef[row, idx] @ val)
    drops = []
    for s, e in spans:
        idx, val = features(text[:s] + text[e:], model)
        drops.append(whole - float(model.coef[row, idx] @ val))
    return dict(zip(spans, drops))


def proposals(text: str, found: list[str], model: Model | None = None, *,
              min_words: int | None = None) -> list[tuple[str, list[tuple[int, int]]]]:
    """(flag, the spans of the words that carry its score) for each flag not in `found` the reader is confident of,
    in a prepared text long enough to be more than an answer."""
    model = model or load_model()
    if len(_WORD.findall(text)) < (MIN_WORDS if min_words is None else min_words):
        return []
    out = []
    for flag, p in probabilities(text, model).items():
        if p >= model.threshold and flag not in found and (spans := carriers(flag, text, model)):
            out.append((flag, spans))
    return out
