"""Make a blind author's folder: the brief and the only context the author may read.

The brief was lost twice with a session's scratch folder; it lives here now so that every new outside author gets the
same rules. The context is built from the repository at the moment of writing (SAFETY.md, the labelling conventions,
every question's words in the order the line asks them, two spent sets' notes, six format lines of each file), so the
author never needs to open the repository.

    python scripts/blind_brief.py --id ae --region "East Africa ..." --first-serial 941 [--out /work]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from intake.catalogue import catalogue
from intake.prompts import question_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "intake" / "corpus"
NOTES = CORPUS / "README.md"

# The order the line asks in: START's and JumpSTART's steps after the opening questions, then the history.
QUESTION_ORDER = ("who", "who_confirm", "complaint", "danger_signs", "harm", "age", "walk", "breathing",
                  "reposition", "pulse", "rescue_breaths", "resp_count", "perfusion", "commands", "avpu",
                  "duration", "severity", "medications", "allergies", "photo")
EXAMPLE_SET = "x"  # a spent set: its first lines show the format


def _section(heading: str) -> str:
    """One `# heading` section of the corpus notes, up to the next top-level heading."""
    text = NOTES.read_text(encoding="utf-8")
    start = text.index(f"\n# {heading}\n")
    end = text.find("\n# ", start + 1)
    return text[start + 1:end if end > 0 else None]


def _conventions() -> str:
    text = NOTES.read_text(encoding="utf-8")
    start = text.index("Labelling conventions beyond the brief:")
    end = text.index("\n\n", start)
    return text[start:end] + "\n"


def _questions() -> str:
    cat = catalogue("en")
    lines = ["# Every question the line asks, in its words and in the order it asks them",
             "",
             "Keys are the `answers` keys of a call. {they}/{their} are worded for the patient or a bystander; the",
             "line skips what a path does not need (a walker is not asked about breathing; the history questions come",
             "last; an emergency ends the questions). Asked for someone else:", ""]
    for key in QUESTION_ORDER:
        lines.append(f"- `{key}`: {question_text(key, 'other')}")
        if key == "danger_signs":
            for variant, whom in (("danger_signs_child", "a child"), ("danger_signs_pregnancy", "a pregnant woman")):
                lines.append(f"  - for {whom} (`danger_signs` still): {cat.say(f'{variant}.ask', 'other')}")
        if key == "pulse":
            lines.append(f"  - for a child (JumpSTART, `pulse` still): {cat.say('jump_pulse.voice', 'other')}")
        if key == "resp_count":
            lines.append(f"  - said before it, with 15 seconds timed: {cat.say('count.start_voice', 'other')}")
    lines += ["", "Asked of a caller who is the patient, the same questions say \"you\"; the breath count is their own."]
    return "\n".join(lines) + "\n"


def _format_lines(kind: str) -> str:
    path = CORPUS / f"blind_{EXAMPLE_SET}_{kind}.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    step = max(1, len(lines) // 6)
    return "\n".join(lines[::step][:6]) + "\n"


def make(author: str, region: str, first_serial: int, out: Path) -> Path:
    folder = out / f"blind_{author}"
    context = folder / "context"
    context.mkdir(parents=True, exist_ok=False)
    brief = (CORPUS / "brief" / "BRIEF.md").read_text(encoding="utf-8")
    for name, value in {"ID": author, "REGION": region, "SERIAL_FIRST": f"{first_serial:03d}",
                        "SERIAL_LAST": f"{first_serial + 59:03d}"}.items():
        brief = brief.replace("{" + name + "}", value)
    assert not re.search(r"\{[A-Z_]+\}", brief), "a placeholder left in the brief"
    (folder / "BRIEF.md").write_text(brief, encoding="utf-8")
    safety = (ROOT / "intake" / "SAFETY.md").read_text(encoding="utf-8")
    # Without the comment that says where each rule lives in the code: the author reads the rules, not the line.
    (context / "SAFETY.md").write_text(re.sub(r"\A<!--.*?-->\s*", "", safety, flags=re.S), encoding="utf-8")
    (context / "conventions.md").write_text(_conventions(), encoding="utf-8")
    (context / "questions.md").write_text(_questions(), encoding="utf-8")
    (context / "set_s.md").write_text(_section("blind_s_*.jsonl"), encoding="utf-8")
    (context / "set_x.md").write_text(_section("blind_x_*.jsonl and blind_y_*.jsonl (held out, 2026-12-06)")
                                      .split("\n## blind_y_")[0], encoding="utf-8")
    (context / "format_utterances.jsonl").write_text(_format_lines("utterances"), encoding="utf-8")
    (context / "format_calls.jsonl").write_text(_format_lines("calls"), encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--id", required=True, help="the author's set id, e.g. ae")
    parser.add_argument("--region", required=True, help="the voice the author writes in")
    parser.add_argument("--first-serial", type=int, required=True, help="first of the 60 callers' serials")
    parser.add_argument("--out", type=Path, default=ROOT.parent)
    args = parser.parse_args()
    print(make(args.id, args.region, args.first_serial, args.out))


if __name__ == "__main__":
    main()
