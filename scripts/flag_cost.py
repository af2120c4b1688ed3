"""CPU per caller turn of the red-flag reading (rules, context, learned reader) and the mechanism check.

usage: PYTHONPATH=$PWD .venv/bin/python scripts/flag_cost.py [utterances.jsonl]
Process CPU time, best of three passes, the prepare cache cleared before each: a figure for BENCHMARKS.md, compared
between two commits on the same machine and load, never asserted in a test.
"""

import json
import sys
import time

from intake import red_flags


def main(path: str = "intake/corpus/utterances.jsonl") -> None:
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8") if line.strip()]
    red_flags.find_red_flags("load the tables first")
    passes = []
    for _ in range(3):
        red_flags.prepare.cache_clear()
        start = time.process_time()
        for text in texts:
            red_flags.find_red_flags(text)
            red_flags.find_mechanisms(text)
        passes.append((time.process_time() - start) / len(texts) * 1000)
    print(f"{len(texts)} turns, {min(passes):.2f} ms CPU per turn (best of 3)")


if __name__ == "__main__":
    main(*sys.argv[1:])
