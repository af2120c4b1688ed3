"""Train the learned red-flag reader (intake/learned_flags.py), export its weights, and measure it.

Dev-only: scikit-learn is not a dependency of the project. Run from the repository root:
    pip install --target /tmp/learned-libs scikit-learn==1.9.1    # the version the shipped weights were fitted with
    PYTHONPATH=$PWD:/tmp/learned-libs .venv/bin/python scripts/train_learned_flags.py export
    PYTHONPATH=$PWD:/tmp/learned-libs .venv/bin/python scripts/train_learned_flags.py measure \
        --primock ../shared/data/primock57/utterances.jsonl [--held lm --today-only --folds DIR --save FILE]
    PYTHONPATH=$PWD:/tmp/learned-libs .venv/bin/python scripts/train_learned_flags.py report --save FILE... \
        --thresholds 0.85 0.90 0.95 [--show]
(--authors and --held take a run of one-letter ids, "abcq", or names with commas, "a,b,q": ids may have more than
one letter, "aa" is written among commas, "a,aa"; a held-out author is refused however written.)

The recipe: one logistic regression per flag (liblinear, C=10, balanced classes) over word 1-2 grams and character
2-5 grams (TF-IDF, sublinear, min_df 2) of the rules' prepared text. To ship small, each flag keeps the TOP_FEATURES
features of largest weight; the vectorizers are refitted on the union of those and each flag's regression on its
own. Training data: every labelled turn in intake/corpus/ (authors a-q and s as shipped; any spent authors, a-q, s, x,
y, aa, ad, af, ah, aj, ak, al, am, ao, ap, ar, at, au, aw, ay and az, with `--authors`: SPENT_AUTHORS; never a held-out one: HELD_OUT), the answers of the corpus's whole
calls to questions that cannot carry a sign (who, age, duration, severity, medicines, allergies, photo; every
answer of a call with no red flag), and ANSWER_NEGATIVES below: the short answers and denials of a consultation.
Any of these whose prepared text is also a string written in tests/ is left out, so that no test passes because
the reader was shown its sentence. PriMock57 is never trained on: it stays the check.

`export` writes intake/learned_flags.npz (threshold chosen by `measure`'s rule, given here as THRESHOLD) and
tests/intake/data/learned_flags_golden.json (scikit-learn's own probabilities for GOLDEN_COUNT prepared texts).
`measure` is leave-one-author-out over the authors (all, or --held): each scored by the reader trained on the
others (their calls' answers left out too), through the shipped inference and guard (red_flags._learned_flags).
Folds run apart (--held j, --held k, ...) are reported together by `report --save` with every file.
"""

from __future__ import annotations

import argparse
import ast
import functools
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import learned_eval  # noqa: E402  (authors, first-sight rules, scores)
from intake import learned_flags  # noqa: E402
from intake import red_flags  # noqa: E402
from intake.red_flags import find_red_flags, load_red_flags, prepare  # noqa: E402

CORPUS = ROOT / "intake" / "corpus"
OUT = ROOT / "intake" / "learned_flags.npz"
GOLDEN = ROOT / "tests" / "intake" / "data" / "learned_flags_golden.json"
FLAGS = [f.id for f in load_red_flags()]
TOP_FEATURES = 2500
THRESHOLD = 0.90  # from `measure`: the lowest that keeps PriMock57 within +3 turns (CLINICAL.md); in the weight file
# Author ids are names of one or more letters (the 27th author is "aa"): every set of them here is a tuple of names.
# The authors the shipped weights were trained on: a-q and s, shipped 2026-12-05 (branch `reader-ship`; measured on
# branch `reader2`). A reader on every spent author, a-q, s, x and y (`export --authors abcdefghijklmnopqsxy`), was
# measured 2026-12-06 and not shipped (branch `reader-xy`), nor one on a-m (2026-12-04; `--authors abcdefghijklm`):
# CLINICAL.md, "The learned reader behind the rules". a-i (shipped 2026-12-03): `--authors abcdefghi`.
SHIPPED_AUTHORS = tuple("abcdefghijklmnopqs")
# Every spent author: the development file's a-c, then every blind set that has been read and tuned on.
SPENT_AUTHORS = (*"abcdefghijklmnopqsxy", "aa", "ad", "af", "ah", "aj", "ak", "al", "am", "ao", "ap", "ar", "at", "au", "aw", "ay", "az", "bb", "bd", "be", "bg", "bh", "bj")
# The lead's measure: blind sets never read, never tuned on, scored in aggregate only. No command here may train on,
# score or open them: every corpus file this script reads passes _corpus (below), which refuses theirs.
HELD_OUT = learned_eval.HELD_OUT  # scripts/held_out.py
GOLDEN_COUNT = 50
CALL_FILES = {"a": "calls.jsonl", "d": "blind_calls.jsonl",
              **{a: f"blind_{a}_calls.jsonl" for a in (*"efghijklmnopqsxy", "aa", "ad", "af", "ah", "aj", "ak", "al", "am", "ao", "ap", "ar", "at", "au", "aw", "ay", "az", "bb")}}
# Authors h-q, s, x, y, aa, ad, af, ah, aj, ak, al, am, ao and ap (written after a-g; spent since): each set's utterances file.
LATER_AUTHORS = (*"hijklmnopqsxy", "aa", "ad", "af", "ah", "aj", "ak", "al", "am", "ao", "ap", "ar", "at", "au", "aw", "ay", "az", "bb", "bd", "be", "bg")
assert not set(HELD_OUT) & set(SPENT_AUTHORS + SHIPPED_AUTHORS + LATER_AUTHORS + tuple(CALL_FILES)), \
    "a held-out author among the spent"
assert set(SHIPPED_AUTHORS + LATER_AUTHORS + tuple(CALL_FILES)) <= set(SPENT_AUTHORS), "an author not spent"
SAFE_STEPS = {"who", "who_confirm", "age", "duration", "severity", "medications", "allergies", "photo"}
# Set h was scored at first sight by the rules of this branch's base (main before any round on h).
learned_eval.FIRST_SIGHT["h"] = "184b600"
# Set i (written after the reader shipped) was scored at first sight by main as the clin-i round began.
learned_eval.FIRST_SIGHT["i"] = "8d0cc00"
ANSWER_NEGATIVES = """\
No, not at all.
No, not really.
No, nothing like that.
Not that I've noticed.
No pain in my chest.
No, there's no chest pain.
I haven't had any chest pain.
No pain going down my arm.
On the left side.
Mainly on the left side.
It's on the right side, just here.
On both sides.
I've taken some paracetamol.
I took two ibuprofen this morning.
I take metformin for my diabetes.
I'm on blood pressure tablets.
He takes his inhaler twice a day.
No allergies that I know of.
She's allergic to penicillin, it gives her a rash.
No, I'm breathing fine.
He's breathing normally.
She's breathing okay, it's just the cough.
No shortness of breath.
I'm not short of breath at all.
No, he hasn't had a fit.
She's never had a seizure.
No, he didn't pass out.
I didn't faint or anything.
No bleeding.
There's no blood in it.
No, no blood.
No weakness or numbness anywhere.
My face feels normal, no drooping.
My speech is fine.
No, I'm not pregnant.
No, I've not taken anything.
No, she hasn't swallowed anything.
No thoughts of harming myself.
I'm not suicidal, no.
It's me, I'm the patient.
It's my son, he's six.
For my mum.
About three days.
Since yesterday morning.
Maybe two weeks now.
About a six out of ten.
Seven, maybe eight.
It's a dull ache, comes and goes.
It hurts when I press on it.
It's worse when I cough.
Yeah, a little bit.
Yes, sometimes.
Yes, that's right.
Not really, no.
Just a bit tired.
I've been feeling a bit sick.
I've had a temperature on and off.
A bit of a headache, nothing major.
It's sore when I swallow.
I've had diarrhoea for three days.
No vomiting.
I've been to the toilet a lot.
My ankle's swollen but I can walk on it.
No, I can move it fine.
It's itchy, a red rash on my arm.
I've had this cough for about a week.
It's mainly at night.
I work in an office.
I live with my husband and two kids.
I smoke about ten a day.
I drink at weekends, not much.
No, nobody else is ill at home.
My dad had a heart attack years ago.
My mum had a stroke when she was seventy.
Thank you, doctor.
Okay, that sounds good.
""".splitlines()


def _corpus(name: str) -> Path:
    """A corpus file this script may read: never a held-out author's (HELD_OUT), nor a blind set not yet spent (a
    new author's set is held out until the lead says otherwise)."""
    assert Path(name).name == name, f"{name}: a corpus file's bare name, never a path"
    blind = re.fullmatch(r"blind_([a-z]+)_.*", name)
    assert not (blind and blind.group(1) in HELD_OUT), f"{name} is held out (HELD_OUT = {HELD_OUT!r}): never read here"
    assert not learned_eval.held_out_author(name), f"{name} is held out: never read here"
    assert not (blind and blind.group(1) not in SPENT_AUTHORS), f"{name} is not a spent set ({SPENT_AUTHORS}): not read"
    return CORPUS / name


def _spent_only(text: str | None, option: str) -> tuple[str, ...] | None:
    """The authors a command line names ("abcq" one-letter ids, or "a,b,q"), refusing any that is not spent (a
    held-out one above all, however written; "aa" alone is author aa, never a twice)."""
    if not text:
        return None
    names = tuple(n.strip() for n in text.split(",")) if "," in text or text in SPENT_AUTHORS else tuple(text)
    if text in HELD_OUT or set(names) & set(HELD_OUT) or not set(names) <= set(SPENT_AUTHORS):
        raise SystemExit(f"{option} {text}: only spent authors ({','.join(SPENT_AUTHORS)}); "
                         f"{','.join(HELD_OUT)} are held out")
    if len(set(names)) != len(names):
        raise SystemExit(f"{option} {text}: an author named twice (write ids of two letters with commas: a,b,q)")
    return names


def authors_with_calls() -> tuple[dict[str, list[dict]], dict[str, list[str]]]:
    """Every spent author's labelled turns, and per author the answers of their whole calls that carry no sign."""
    for file in learned_eval.AUTHOR_FILES.values():
        _corpus(file)
    authors = learned_eval.load_authors()
    for a in LATER_AUTHORS:
        authors[a] = _jsonl(_corpus(f"blind_{a}_utterances.jsonl"))
    assert set(authors) == set(SPENT_AUTHORS), sorted(authors)
    answers: dict[str, list[str]] = {a: [] for a in authors}
    for author, file in CALL_FILES.items():
        for call in _jsonl(_corpus(file)):
            quiet = not call.get("expect", {}).get("red_flags")
            for step, said in call["answers"].items():  # a step's answer may be a list: one per time it is asked
                if step != "complaint" and (quiet or step in SAFE_STEPS):
                    answers[author] += [t for t in ([said] if isinstance(said, str) else said) if t]
    return authors, answers


def _jsonl(path: Path) -> list[dict]:
    # lines end at "\n" only: str.splitlines() also breaks at U+2028 and U+0085, which callers' text carries (sets p, q)
    return [json.loads(s) for s in path.read_text(encoding="utf-8").split("\n") if s.strip()]


class Fitted:
    """The recipe, fitted: shared vectorizers over the union of every flag's kept features, one regression each."""

    def __init__(self, texts: list[str], labels: list[set[str]]):
        full = _vectorizers()
        x = _stack(full, texts, fit=True)
        # ("w", gram) and ("c", gram): "ab" may be both a word and a character gram
        names = [("w", g) for g in full[0].get_feature_names_out()] + [("c", g) for g in full[1].get_feature_names_out()]
        ys = {f: np.array([f in s for s in labels]) for f in FLAGS}
        ys = {f: y for f, y in ys.items() if y.sum() >= 3}
        keep = {}
        for f, y in ys.items():
            coef = _regression().fit(x, y).coef_[0]
            keep[f] = {names[i] for i in np.argsort(-np.abs(coef))[:TOP_FEATURES]}
        kept = set().union(*keep.values())
        self.vectorizers = _vectorizers(sorted(g for kind, g in kept if kind == "w"),
                                        sorted(g for kind, g in kept if kind == "c"))
        x = _stack(self.vectorizers, texts, fit=True)
        self.names = [("w", g) for g in self.vectorizers[0].get_feature_names_out()] + \
                     [("c", g) for g in self.vectorizers[1].get_feature_names_out()]
        position = {n: i for i, n in enumerate(self.names)}
        self.columns = {f: np.array(sorted(position[k] for k in keep[f])) for f in ys}
        self.models = {f: _regression().fit(x[:, self.columns[f]], ys[f]) for f in ys}

    def probabilities(self, prepared: list[str]) -> dict[str, np.ndarray]:
        x = _stack(self.vectorizers, prepared, fit=False)
        return {f: m.predict_proba(x[:, self.columns[f]])[:, 1] for f, m in self.models.items()}

    def export(self, path: Path, threshold: float) -> None:
        words, chars = self.vectorizers
        flags = list(self.models)
        rows, cols, values = [], [], []
        for r, f in enumerate(flags):
            rows += [r] * len(self.columns[f])
            cols += self.columns[f].tolist()
            values += self.models[f].coef_[0].tolist()
        np.savez_compressed(path, flags=np.array(flags), words=np.array(words.get_feature_names_out(), dtype=str),
                            chars=np.array(chars.get_feature_names_out(), dtype=str),
                            idf=np.concatenate([words.idf_, chars.idf_]), coef_row=np.array(rows, dtype=np.int16),
                            coef_col=np.array(cols, dtype=np.int32), coef_value=np.array(values),
                            intercept=np.array([self.models[f].intercept_[0] for f in flags]),
                            threshold=np.array(threshold))


def _vectorizers(words=None, chars=None):
    return (TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, vocabulary=words),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True, vocabulary=chars))


def _stack(vectorizers, texts, *, fit: bool):
    from scipy.sparse import hstack
    parts = [v.fit_transform(texts) if fit else v.transform(texts) for v in vectorizers]
    return hstack(parts).tocsr()


def _regression() -> LogisticRegression:
    return LogisticRegression(C=10.0, solver="liblinear", class_weight="balanced", random_state=0)


def training_set(authors: dict, answers: dict, leave_out: str | None = None,
                 only: str | None = None) -> tuple[list[str], list[set[str]]]:
    texts, labels = [], []
    for a, items in authors.items():
        if a == leave_out or (only and a not in only):
            continue
        texts += [prepare(it["text"]) for it in items]
        labels += [set(it["flags"]) for it in items]
        texts += [prepare(t) for t in answers[a]]
        labels += [set() for _ in answers[a]]
    texts += [prepare(t) for t in ANSWER_NEGATIVES]
    labels += [set() for _ in ANSWER_NEGATIVES]
    tested = suite_sentences()
    kept = [i for i, t in enumerate(texts) if t.strip() not in tested]
    return [texts[i] for i in kept], [labels[i] for i in kept]


def candidates(model_path: Path, items: list[dict]) -> list[list[tuple[str, float, int]]]:
    """Per item, (flag, probability, words in the turn) for every flag the shipped reader and guard
    (red_flags._learned_flags) would add at the lowest threshold measured and with no length floor."""
    model = learned_flags.load_model(model_path)
    model = learned_flags.Model(**{**model.__dict__, "threshold": min(THRESHOLDS)})
    shipped = learned_flags.load_model, learned_flags.MIN_WORDS
    learned_flags.load_model, learned_flags.MIN_WORDS = (lambda path=None: model), 0
    try:
        out = []
        for it in items:
            t = prepare(it["text"])
            probs = learned_flags.probabilities(t, model)
            words = len(learned_flags._WORD.findall(t))
            child = it.get("child")
            added = red_flags._learned_flags(t, [], it.get("context") or "", False if child is False else child)
            out.append([(flag, probs[flag], words) for flag in added])
        return out
    finally:
        learned_flags.load_model, learned_flags.MIN_WORDS = shipped


@functools.cache
def suite_sentences() -> frozenset[str]:
    """The prepared text of every string literal in tests/ (the golden file, made from training texts, aside):
    training leaves these out, so the suite's sentences stay a check of the rules and reader, not a lesson."""
    out = set()
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.strip():
                out.add(prepare(node.value).strip())
    return frozenset(out - {""})


THRESHOLDS = [0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 0.96]
MIN_WORDS = [0, 3, 4, 5, 6]


def rules_alone(item: dict) -> list[str]:
    child = item.get("child")
    return find_red_flags(item["text"], context=item.get("context") or "", child=False if child is False else child,
                          learned=False)


def measure(args) -> None:
    authors, answers = authors_with_calls()
    held_out = args.held or tuple(authors)
    today = {a: [rules_alone(it) for it in authors[a]] for a in held_out}
    # d-i also against the rules of their first sight; j-q and s against today's rules only (tuned on them: optimistic).
    first = {**today, **{a: learned_eval.first_sight_rules(a, authors[a]) for a in held_out
                         if a in learned_eval.FIRST_SIGHT and not args.today_only}}
    adds = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = args.folds or tmp
        Path(tmp).mkdir(parents=True, exist_ok=True)
        for held in held_out:
            t0 = time.time()
            if not (Path(tmp) / f"{held}.npz").exists():
                Fitted(*training_set(authors, answers, leave_out=held, only=args.authors)).export(
                    Path(tmp) / f"{held}.npz", 0.5)
            adds[held] = candidates(Path(tmp) / f"{held}.npz", authors[held])
            print(f"fold {held}: {time.time() - t0:.0f} s", file=sys.stderr, flush=True)
        primock = None
        if args.primock:
            if not (Path(tmp) / "all.npz").exists():
                Fitted(*training_set(authors, answers, only=args.authors)).export(Path(tmp) / "all.npz", 0.5)
            turns = [{"text": t.get("text") or "", "flags": []} for t in _jsonl(args.primock)]
            primock = (turns, [rules_alone(t) for t in turns], candidates(Path(tmp) / "all.npz", turns))
    json.dump({"authors": {a: authors[a] for a in held_out}, "first": first, "today": today, "adds": adds,
               "primock": primock}, open(args.save, "w"))
    report([args.save], [THRESHOLD])


def _with(rules, adds, th, mw):
    return [set(r) | {f for f, p, w in a if p >= th and w >= mw}
            for r, a in zip(rules, adds)]


def _load(saved: list[Path]) -> dict:
    """One or more saved measures (folds run apart, e.g. in parallel) read as one."""
    d = {"authors": {}, "first": {}, "today": {}, "adds": {}, "primock": None}
    for path in saved:
        part = json.load(open(path))
        for k in ("authors", "first", "today", "adds"):
            d[k].update(part[k])
        d["primock"] = part["primock"] or d["primock"]
    return d


def report(saved: list[Path], thresholds: list[float], show: bool = False) -> None:
    d = _load(saved)
    authors, first, adds = d["authors"], d["first"], d["adds"]
    held = tuple(sorted(adds, key=lambda a: (len(a), a)))
    print(f"Inner choice over the leave-one-author-out folds {_names(held)} (rules of first sight for d-i, today's for the "
          "others): added false flags on no-flag lines / right flags added, per threshold and length floor")
    neg = sum(not it["flags"] for a in adds for it in authors[a])
    for mw in MIN_WORDS:
        cells = []
        for th in THRESHOLDS:
            false = right = 0
            for a in adds:
                after = _with(first[a], adds[a], th, mw)
                for it, r, x in zip(authors[a], first[a], after):
                    false += not it["flags"] and bool(x) and not r
                    right += len((x - set(r)) & set(it["flags"]))
            cells.append(f"{th:.2f}: {false}/{right}")
        print(f"  min words {mw}: " + "  ".join(cells) + f"   (of {neg} no-flag lines)")
    if d["primock"]:
        turns, base, padds = d["primock"]
        print(f"PriMock57: rules flag {sum(map(bool, base))} of {len(turns)}; turns the reader (all authors) adds:")
        for mw in MIN_WORDS:
            print(f"  min words {mw}: " + "  ".join(
                f"{th:.2f}: {sum(bool(x) and not b for x, b in zip(_with(base, padds, th, mw), base))}"
                for th in THRESHOLDS))
        if show:
            for th in thresholds:
                for t, b, x in zip(turns, base, _with(base, padds, th, learned_flags.MIN_WORDS)):
                    if x and not b:
                        print(f"    PriMock57 at {th:.2f}: {sorted(x)} {t['text']!r}")
    mw = learned_flags.MIN_WORDS
    for th in thresholds:
        for title, rules in (("first sight", first), ("today's rules", d["today"])):
            rows_for = [a for a in held if title == "today's rules" or a in learned_eval.FIRST_SIGHT]
            if not rows_for:
                continue
            print(f"\nLeave-one-author-out, rules of {title}, threshold {th}, min words {mw}\n")
            print("| held-out author | turns | emergency recall | every expected flag | false flags (no-flag lines) "
                  "| added right / wrong |")
            print("|---|---|---|---|---|---|")
            rows = []
            for a in rows_for:
                before = learned_eval.score(authors[a], [set(r) for r in rules[a]])
                after_sets = _with(rules[a], adds[a], th, mw)
                after = learned_eval.score(authors[a], after_sets)
                added = [(x - set(r), set(it["flags"])) for it, r, x in zip(authors[a], rules[a], after_sets)]
                right = sum(len(x & want) for x, want in added)
                wrong = sum(len(x - want) for x, want in added)
                rows.append((before, after, right, wrong))
                print(f"| {a} | {len(authors[a])} | {before['emergency']:.1%} → {after['emergency']:.1%} "
                      f"| {before['every']:.1%} → {after['every']:.1%} | {before['false']:.1%} → {after['false']:.1%} "
                      f"({before['false_n']} → {after['false_n']} of {before['neg']}) | {right} / {wrong} |")
                if show:
                    for it, (x, want) in zip(authors[a], added):
                        for f in x:
                            print(f"    {'RIGHT' if f in want else 'WRONG'} {f}: {it['text']!r}")
            m = {k: (np.mean([r[0][k] for r in rows]), np.mean([r[1][k] for r in rows]))
                 for k in ("emergency", "every", "false")}
            print(f"| mean ({_names(rows_for)}) | | {m['emergency'][0]:.1%} → {m['emergency'][1]:.1%} | "
                  f"{m['every'][0]:.1%} → {m['every'][1]:.1%} | {m['false'][0]:.1%} → {m['false'][1]:.1%} "
                  f"({sum(r[0]['false_n'] for r in rows)} → {sum(r[1]['false_n'] for r in rows)} of "
                  f"{sum(r[0]['neg'] for r in rows)}) | {sum(r[2] for r in rows)} / {sum(r[3] for r in rows)} |")


def _names(authors) -> str:
    """Authors as the command line writes them: "abq", or "a,b,aa" once an id has two letters."""
    return ("" if all(len(a) == 1 for a in authors) else ",").join(authors)


def export(only: tuple[str, ...], threshold: float = THRESHOLD) -> None:
    authors, answers = authors_with_calls()
    texts, labels = training_set(authors, answers, only=only)
    fitted = Fitted(texts, labels)
    fitted.export(OUT, threshold)
    rng = np.random.default_rng(14)
    flagged = sorted({t for t, s in zip(texts, labels) if s and t.strip()})
    quiet = sorted({t for t, s in zip(texts, labels) if not s and t.strip()} - set(flagged))
    golden_texts = [flagged[i] for i in rng.choice(len(flagged), GOLDEN_COUNT * 3 // 5, replace=False)] + \
                   [quiet[i] for i in rng.choice(len(quiet), GOLDEN_COUNT - GOLDEN_COUNT * 3 // 5, replace=False)]
    probs = fitted.probabilities(golden_texts)
    rows = [{"text": t, "flag": f, "probability": float(p[i])} for i, t in enumerate(golden_texts)
            for f, p in probs.items()]
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    GOLDEN.write_text(json.dumps(rows, indent=0) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {OUT.stat().st_size} bytes, {len(fitted.names)} features, "
          f"{sum(len(c) for c in fitted.columns.values())} weights; {len(texts)} training texts (authors {_names(only)}); "
          f"threshold {threshold}; golden {len(rows)} rows")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    e = sub.add_parser("export")
    e.add_argument("--authors", default=_names(SHIPPED_AUTHORS), help="train on these authors (default: the shipped reader's)")
    e.add_argument("--threshold", type=float, default=THRESHOLD, help=f"the shipped threshold (default {THRESHOLD})")
    m = sub.add_parser("measure")
    m.add_argument("--primock", type=Path)
    m.add_argument("--save", type=Path, default=Path("/tmp/learned_measure.json"))
    m.add_argument("--folds", type=Path, help="keep each fold's weights here and reuse them (same recipe, same data)")
    m.add_argument("--held", help="only these held-out authors' folds (e.g. lm); default every author")
    m.add_argument("--authors", help="train the folds and PriMock57's reader on these authors only "
                   f"(default every spent one, {_names(SPENT_AUTHORS)})")
    m.add_argument("--today-only", action="store_true", help="skip the rules of first sight for d-i")
    r = sub.add_parser("report", help="re-read saved measures (other thresholds, --show)")
    r.add_argument("--save", type=Path, nargs="+", default=[Path("/tmp/learned_measure.json")])
    r.add_argument("--thresholds", type=float, nargs="+", default=[THRESHOLD])
    r.add_argument("--show", action="store_true")
    args = ap.parse_args()
    if hasattr(args, "authors"):
        args.authors = _spent_only(args.authors, "--authors")
    if hasattr(args, "held"):
        args.held = _spent_only(args.held, "--held")
    if args.command == "export":
        export(args.authors, args.threshold)
    elif args.command == "measure":
        measure(args)
    else:
        report(args.save, args.thresholds, args.show)


if __name__ == "__main__":
    main()
