"""Leave-one-author-out: does a learned layer behind the red-flag rules (adding flags, never removing one)
raise recall on an author it never saw, without adding false flags?

Per held-out author the layer is trained on the other authors only (one logistic regression per flag over word
1-2 grams and character 2-5 grams of the rules' prepared text), and its one threshold is chosen by a second
leave-one-author-out inside those training authors: the lowest probability at which the guarded layer adds at
most MAX_ADDED_FALSE of false flags there. A flag is added only above the threshold and only when the rules' own
context (negation, resolution, history, another person, hypothetical, mistaken belief; child-only and pregnancy
requirements) would let a mention at the word that carries the score count.

Run (scikit-learn outside the project's venv; an experiment, not a dependency):
    pip install --target /tmp/learned-libs scikit-learn
    PYTHONPATH=$PWD:/tmp/learned-libs .venv/bin/python scripts/learned_eval.py \
        --primock ../shared/data/primock57/utterances.jsonl            # add --strict for the stricter guard
(~15 minutes on two busy cores; the figures are in CLINICAL.md, "Things tried and not adopted".)
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from intake import context as ctx
from intake.red_flags import _required_now, find_red_flags, load_red_flags, prepare

CORPUS = Path(__file__).resolve().parents[1] / "intake" / "corpus"
AUTHOR_FILES = {"d": "blind_utterances.jsonl", "e": "blind_e_utterances.jsonl",
                "f": "blind_f_utterances.jsonl", "g": "blind_g_utterances.jsonl"}
# Blind sets never read nor tuned on: the lead's measure, scored in aggregate only. load_authors refuses them (also
# through --unseen), and so does scripts/train_learned_flags.py. Author ids are names of one or more letters (the
# 27th author is "aa"), so this is a tuple of names, never a string of letters ("aa" in "rtuvwz" would be False, "a"
# in "aa" True).
from held_out import HELD_OUT  # noqa: E402  (scripts/held_out.py: the one list)
_BLIND = re.compile(r"blind_([a-z]+)_.*")  # a blind set's file and its author's id


def held_out_author(name: str) -> str | None:
    """The held-out author whose blind set this file is, if any (None for every other file)."""
    blind = _BLIND.fullmatch(Path(name).name)
    return blind.group(1) if blind and blind.group(1) in HELD_OUT else None


THRESHOLDS = [round(x, 2) for x in np.arange(0.30, 0.96, 0.05)]
MAX_ADDED_FALSE = 0.005  # of the training authors' lines without a flag, in the inner cross-validation
FLAGS = {f.id: f for f in load_red_flags()}
# --strict: also no denial word anywhere in the carrier's sentence, and no turn shorter than five words (PriMock57's
# "No, not at all." read as not_breathing under the context guard alone).
STRICT = {"on": False}
_ANY_DENIAL = re.compile(r"\b(?:no|not|never|nothing|none|nobody|without)\b")
# The rules as they stood when each blind author was first scored (the commit before that set was spent): they had
# been tuned on the authors before it, never on it. Today's rules were tuned on every set here, so their figures on
# these sets are ~100 % and leave a learned layer nothing honest to add.
FIRST_SIGHT = {"d": "ad0277f^", "e": "07bd2c3^", "f": "2c4b859^", "g": "f0c8823^"}
_DETECT = """
import json, sys
import inspect
from intake.red_flags import find_red_flags
rules_alone = {"learned": False} if "learned" in inspect.signature(find_red_flags).parameters else {}  # trees that ship the reader: rules alone
for line in sys.stdin:
    it = json.loads(line)
    child = it.get("child")
    print(json.dumps(find_red_flags(it["text"], context=it.get("context") or "", child=False if child is False else child, **rules_alone)))
"""


def detect(item: dict) -> tuple[list[str]]:
    """The rules alone (the shipped learned reader, intake/learned_flags.py, is what this script measured)."""
    child = item.get("child")
    return (find_red_flags(item["text"], context=item.get("context") or "", child=False if child is False else child,
                           learned=False),)


def load_authors() -> dict[str, list[dict]]:
    """Seven authors: the development file holds three (its first 847 lines, then the b- and c- ids)."""
    lines = [json.loads(s) for s in (CORPUS / "utterances.jsonl").read_text(encoding="utf-8").splitlines() if s.strip()]
    authors = {"a": [it for it in lines if not it["id"].startswith(("b-", "c-"))],
               "b": [it for it in lines if it["id"].startswith("b-")],
               "c": [it for it in lines if it["id"].startswith("c-")]}
    for name, file in AUTHOR_FILES.items():
        assert Path(file).name == file, f"{file}: a corpus file's bare name, never a path (the held-out folders)"
        assert not held_out_author(file), f"{file} is held out (HELD_OUT = {HELD_OUT!r}): never read here"
        authors[name] = [json.loads(s) for s in (CORPUS / file).read_text(encoding="utf-8").splitlines() if s.strip()]
    return authors


def first_sight_rules(author: str, items: list[dict]) -> list[list[str]]:
    """The flags the rules of FIRST_SIGHT[author] find, run from a copy of that commit's tree."""
    with tempfile.TemporaryDirectory() as tree:
        archive = subprocess.run(["git", "archive", FIRST_SIGHT[author], "intake"], cwd=CORPUS.parents[1], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tree], input=archive, check=True)
        out = subprocess.run([sys.executable, "-c", _DETECT], input="\n".join(json.dumps(it) for it in items),
                             text=True, capture_output=True, check=True, cwd=tree, env={**os.environ, "PYTHONPATH": tree}).stdout
    return [json.loads(s) for s in out.splitlines()]


class Layer:
    """One logistic regression per flag; scores are probabilities."""

    def __init__(self, texts: list[str], label_sets: list[set[str]]):
        self.words = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
        self.chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)
        x = self._fit(texts)
        self.models = {}
        for flag in FLAGS:
            y = np.array([flag in s for s in label_sets])
            if y.sum() >= 3:
                self.models[flag] = LogisticRegression(C=10.0, solver="liblinear", class_weight="balanced").fit(x, y)

    def _fit(self, texts):
        return hstack([self.words.fit_transform(texts), self.chars.fit_transform(texts)]).tocsr()

    def _x(self, texts):
        return hstack([self.words.transform(texts), self.chars.transform(texts)]).tocsr()

    def scores(self, texts: list[str]) -> dict[str, np.ndarray]:
        x = self._x(texts)
        return {flag: m.predict_proba(x)[:, 1] for flag, m in self.models.items()}

    def carrier(self, flag: str, t: str) -> tuple[int, int] | None:
        """The span of the word whose removal lowers the flag's score the most: where the layer 'read' the sign."""
        spans = [(m.start(), m.end()) for m in re.finditer(r"[a-z0-9~]+", t)]
        if not spans:
            return None
        variants = [t[:s] + t[e:] for s, e in spans]
        drop = self.models[flag].predict_proba(self._x([t]))[0, 1] - self.models[flag].predict_proba(self._x(variants))[:, 1]
        return spans[int(np.argmax(drop))]


def context_allows(flag_id: str, t: str, span: tuple[int, int] | None, item: dict) -> bool:
    """Would the rules' context let a mention at `span` count? (The layer may only add what the rules could.)"""
    flag = FLAGS[flag_id]
    if span is None or (flag.child_only and item.get("child") is False):
        return False
    if flag.needs_context and not _required_now(flag, prepare(item.get("context") or "") + " . " + t):
        return False
    s, e = span
    if STRICT["on"]:
        lo, hi = ctx.sentence_of(t, s, e)
        if _ANY_DENIAL.search(t[lo:hi]) or len(re.findall(r"[a-z0-9~]+", t)) < 5:
            return False
    return not (ctx.why_not_current(t, s, e, ends=flag.ends) or ctx.someone_else_died(t, s, e))


def candidates(layer: Layer, items: list[dict], prepared: list[str], rules: list[list[str]]) -> list[list[tuple[str, float]]]:
    """Per item, the (flag, probability) the guarded layer would add at the lowest threshold: not already found."""
    scores = layer.scores(prepared)
    out = []
    for i, item in enumerate(items):
        adds = []
        for flag, p in scores.items():
            if p[i] >= THRESHOLDS[0] and flag not in rules[i] \
                    and context_allows(flag, prepared[i], layer.carrier(flag, prepared[i]), item):
                adds.append((flag, float(p[i])))
        out.append(adds)
    return out


def score(items: list[dict], found: list[set[str]]) -> dict:
    pos = [i for i, it in enumerate(items) if it["flags"]]
    neg = [i for i, it in enumerate(items) if not it["flags"]]
    return {"emergency": sum(bool(found[i]) for i in pos) / len(pos),
            "every": sum(set(items[i]["flags"]) <= found[i] for i in pos) / len(pos),
            "false": sum(bool(found[i]) for i in neg) / len(neg), "neg": len(neg),
            "false_n": sum(bool(found[i]) for i in neg)}


def with_layer(rules, adds, threshold):
    return [set(r) | {f for f, p in a if p >= threshold} for r, a in zip(rules, adds)]


_LAYERS: dict = {}
_ADDS: dict = {}


def layer_on(train: tuple[str, ...], authors: dict, prepared: dict) -> Layer:
    """The layer trained on these authors (cached: the inner and outer folds share most of theirs)."""
    if train not in _LAYERS:
        _LAYERS[train] = Layer([t for a in train for t in prepared[a]], [set(it["flags"]) for a in train for it in authors[a]])
    return _LAYERS[train]


def adds_on(train: tuple[str, ...], held: str, authors: dict, prepared: dict, rules: dict):
    if (train, held) not in _ADDS:
        _ADDS[train, held] = candidates(layer_on(train, authors, prepared), authors[held], prepared[held], rules[held])
    return _ADDS[train, held]


def choose_threshold(authors: dict, prepared: dict, rules: dict) -> float:
    """Inner leave-one-author-out over the training authors: lowest threshold adding <= MAX_ADDED_FALSE false flags."""
    items, adds, base = [], [], []
    for held in authors:
        train = tuple(a for a in authors if a != held)
        items += authors[held]
        base += rules[held]
        adds += adds_on(train, held, authors, prepared, rules)
    for th in THRESHOLDS:
        found = with_layer(base, adds, th)
        added_false = sum(bool(f) and not b and not it["flags"] for it, f, b in zip(items, found, base))
        if added_false <= MAX_ADDED_FALSE * sum(not it["flags"] for it in items):
            return th
    return 1.01


def table(title: str, authors: dict, prepared: dict, rules: dict, held_out: str, show: bool) -> None:
    """One row per held-out author: rules alone, then rules and the layer trained on the other authors."""
    print(f"\n{title}\n")
    print("| held-out author | turns | threshold | emergency recall, rules → +layer | every flag, rules → +layer "
          "| false flags, rules → +layer | flags the layer added: right / wrong (on no-flag lines) |")
    print("|---|---|---|---|---|---|---|")
    rows = []
    for held in held_out:
        train = {a: authors[a] for a in authors if a != held}
        th = choose_threshold(train, prepared, rules)
        adds = candidates(layer_on(tuple(train), authors, prepared), authors[held], prepared[held], rules[held])
        before = score(authors[held], [set(r) for r in rules[held]])
        after = score(authors[held], with_layer(rules[held], adds, th))
        added = [(it, {f for f, p in a if p >= th}) for it, a in zip(authors[held], adds)]
        right = sum(len(fs & set(it["flags"])) for it, fs in added)
        wrong = sum(len(fs - set(it["flags"])) for it, fs in added)
        on_negatives = sum(len(fs) for it, fs in added if not it["flags"])
        rows.append((before, after))
        print(f"| {held} | {len(authors[held])} | {th:.2f} | {before['emergency']:.1%} → {after['emergency']:.1%} "
              f"| {before['every']:.1%} → {after['every']:.1%} | {before['false']:.1%} → {after['false']:.1%} "
              f"({before['false_n']} → {after['false_n']} of {before['neg']}) | {right} / {wrong} ({on_negatives}) |", flush=True)
        if show:
            for it, a in zip(authors[held], adds):
                for f, p in a:
                    print(f"    {'TRUE ' if f in it['flags'] else 'FALSE'} {p:.2f}{'*' if p >= th else ' '} {f} "
                          f"{it['id']}: {it['text']!r}")
    mean = {k: (np.mean([b[k] for b, _ in rows]), np.mean([x[k] for _, x in rows])) for k in ("emergency", "every", "false")}
    print(f"| mean | | | {mean['emergency'][0]:.1%} → {mean['emergency'][1]:.1%} | {mean['every'][0]:.1%} → "
          f"{mean['every'][1]:.1%} | {mean['false'][0]:.1%} → {mean['false'][1]:.1%} | |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--primock", type=Path, help="PriMock57 patient turns (JSON Lines with 'text'): added flags there")
    ap.add_argument("--strict", action="store_true", help="the stricter guard (see STRICT)")
    ap.add_argument("--only-first-sight", action="store_true", help="skip the table on today's rules")
    ap.add_argument("--show", action="store_true", help="print every candidate the layer scores (* = added)")
    ap.add_argument("--unseen", metavar="FILE", help="only this never-tuned set (e.g. blind_h_utterances.jsonl), "
                    "scored by today's rules and the layer trained on all seven authors")
    args = ap.parse_args()
    STRICT["on"] = args.strict
    if args.unseen:
        AUTHOR_FILES["unseen"] = args.unseen
    authors = load_authors()
    prepared = {a: [prepare(it["text"]) for it in items] for a, items in authors.items()}
    rules = {a: [detect(it)[0] for it in items] for a, items in authors.items()}
    # The honest measure: each blind author against the rules of its first sight. The threshold's inner folds read
    # the other blind authors behind their first-sight rules too, and the development file's behind today's.
    first = {**rules, **{a: first_sight_rules(a, authors[a]) for a in FIRST_SIGHT}}
    if args.unseen:  # today's rules never saw it: they are its first sight
        table(f"{args.unseen} (layer trained on the other seven authors)", authors, prepared, first, ["unseen"], args.show)
        return
    table("Blind authors at first sight (rules of the commit before each set was spent; layer trained on the other six)",
          authors, prepared, first, "defg", args.show)
    _ADDS.clear()
    if not args.only_first_sight:
        table("Today's rules (tuned on every set here: optimistic for the rules, little left for the layer)",
              authors, prepared, rules, "abcdefg", False)
    if args.primock:
        th = choose_threshold(authors, prepared, rules)
        layer = layer_on(tuple(authors), authors, prepared)
        turns = [json.loads(s) for s in args.primock.read_text(encoding="utf-8").splitlines() if s.strip()]
        turns = [{"text": t.get("text") or "", "flags": []} for t in turns]
        texts = [prepare(t["text"]) for t in turns]
        base = [detect(t)[0] for t in turns]
        adds = candidates(layer, turns, texts, base)
        added = [(t, a) for t, b, a in zip(turns, base, adds) if not b and any(p >= th for _, p in a)]
        print(f"\nPriMock57 (layer trained on all seven authors, threshold {th:.2f}): rules flag "
              f"{sum(map(bool, base))} of {len(turns)} turns; the layer adds {len(added)} more")
        if args.show:
            for t, a in added:
                print(f"    {[f for f, p in a if p >= th]}: {t['text']!r}")


if __name__ == "__main__":
    main()
