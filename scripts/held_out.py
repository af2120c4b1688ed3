"""The held-out outside authors: blind sets never read, never tuned on, scored by the lead in aggregate only.

One list for every script that reads the corpus (scripts/learned_eval.py, train_learned_flags.py, nbest_eval.py,
heard_stops_eval.py); none of them may open these authors' files, nor their own notes
(intake/corpus/held_out_notes.md). Kept apart so that reading it needs no library.
"""

HELD_OUT = ("r", "t", "u", "v", "w", "z", "ab", "ac", "ae", "ag", "ai", "an", "aq", "as", "av", "ax", "ba", "bc", "bf", "bi")
