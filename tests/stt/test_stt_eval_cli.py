"""The evaluation commands and their scoring, on text (audio runs are in `triage stt-eval`)."""

from __future__ import annotations

import json

from stt.cli import main
from stt.eval import Row, score, words


def test_scoring_normalizes_spelling_numbers_and_hyphens():
    assert words("Anti-histamines, diarrhoea; thirty nine") == ["antihistamines", "diarrhea", "39"]


def test_score_counts_recall_and_broken_words():
    rows = [
        Row("I took paracetamol today", "I took pairs time all today", "I took paracetamol today", ("paracetamol",)),
        Row("my brain hurts", "my brain hurts", "migraine hurts", ()),
    ]
    report = score(rows)
    assert report["term_recall_raw"] == 0.0 and report["term_recall_corrected"] == 1.0
    assert report["false_corrections"] == 2  # "my brain" was right and became one wrong word
    assert report["wer_corrected"] < report["wer_raw"] + 0.5


def test_correct_eval_command_prints_json(tmp_path, capsys):
    file = tmp_path / "asr.jsonl"
    rows = [
        {"hypothesis": "She takes low-diping daily.", "reference": "She takes amlodipine daily.", "terms": ["amlodipine"]},
        {"hypothesis": "The weather is nice.", "reference": "The weather is nice."},
    ]
    file.write_text("\n".join(json.dumps(r) for r in rows))
    assert main(["correct-eval", "--file", str(file), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == 2
    assert report["term_recall_raw"] == 0.0 and report["term_recall_corrected"] == 1.0
    assert report["false_corrections"] == 0
    assert report["utterances"] == [{"raw": "She takes low-diping daily.", "corrected": "She takes amlodipine daily."}]
