"""Red flags: signs that mean "call emergency services now", found in what the caller says.

People rarely use the textbook words ("a crushing weight in his chest going into his arm", "her mouth
is pulled down and her words come out wrong", "blood soaking through the cloths"), so a flag is found
two ways, both data in red_flags.json:
- `phrases`: regular expressions for fixed expressions ("heart attack", "stopped breathing");
- `rules`: concepts that occur together within a few words of one sentence, in any order (CHEST and
  CHEST_FEEL; PAIN, RADIATE and ARM_JAW). A concept is a set of lay words for one idea, so a rule
  covers the many ways of saying it rather than one sentence.
Text is prepared first: normalized (understanding.normalize), code-switched words read as English
(codeswitch.py: Nigerian Pidgin, Hinglish, Taglish, Swahili and some thirty more), Whisper's forms of sign words read
as the words (red_flags.json "heard": "my dads top breathing"), sign words typed one letter wrong read as the word
(spelling.py: "breething"), a verb said twice read as intensity ("bleeding and bleeding" is nonstop),
idioms and look-alikes blanked ("a stroke of luck", "blood pressure", "food poisoning"), and doubt kept apart
from denial.

Each mention is then checked with context.py (a small ConText): negated, resolved, historical,
someone else's past, a clinician's past verdict, what a known condition always does, said harmless, or hypothetical
mentions do not count. Doubt is not negation: "I'm not sure if
it's a fit" still counts.

After the rules, a learned reader (learned_flags.py) may add a flag they missed, under the same context checks at
the words that carry its score; it never removes one.

A high-risk mechanism of injury (a fall from a roof, a road crash) is not a red flag (SAFETY.md): it is
found by `find_mechanisms`, recorded on the case and raises its queue priority, and START decides.

Optional keys: `requires` (a context that must appear somewhere in the conversation, e.g. pregnancy), `began` (words
that say when that context began, "my test was positive last week": it holds now however long ago that was),
`wish_is_the_sign` (suicidal: a wish or plan to do it is the sign; for every other flag "I want to cut deep and not
wake up" is no wound or coma now), `child_only` (IMCI signs, skipped once the patient is known to be 12 or older, and
when said of the caller themselves or a grown-up they name), `soft` (softening
words that make a mention benign: "a bit short of breath"), `reply` ("cpr" for the not-breathing
flag, else "emergency"), `ends` (what ends a sign: "said", "well" when the patient being well again
ends it too, "never" for signs that stay an emergency after they pass: a stroke that passed may be a
TIA, an overdose that "feels fine" is not, adrenaline given for anaphylaxis still needs an ambulance),
`implied_by` (another flag that is also this one: a convulsing child is an IMCI danger sign, "with" the concept that says
"a child"; a fit or heavy bleeding in pregnancy is a pregnancy emergency, under the flag's own `requires`; an overdose
"with" words that say it was deliberate, "on purpose" or "after the row", is a suicide attempt), `learned_unless` ("said",
a concept that, in the sentence of the words the learned reader's score rests on, keeps the reader from adding the flag
unless the "not_with" concept (or any of a list) is there too: a lost milk tooth named beside "blood", with no "pouring"
or "a lot"; one such pair or a list), `learned_needs` (concepts, with `harm_cues`, of which the turn must say one for the reader to add
the flag: suicidal and overdose, whose score everyday words can carry). A rule may
have `unless_near`, a concept (or several) that vetoes it only within a few words ("a small patch" of burn; "a bit" of
blood), `binds_reader`, a veto the learned reader must respect too (a journey beside a farewell), and `now`, the one
concept whose words are the sign now (the others only say what it is: "an overdose last year, and now the whole box").

Some phrases are there for what a phone line and Whisper make of the words: 8 kHz audio cuts the hiss
that tells /f/ from /s/ ("having a sit", "the baby is sloppy") and swallows the t of "can't" ("my
daughter can stay awake" -- a complaint nobody makes in the positive). Each comes from a real
transcript, kept with its exact text in tests/intake/test_intake_asr_text.py. Rather than one phrase per word, the f/s/th
blur is also read as a kind (fricatives.py): the turn is read a second time with those sounds swapped, and a flag found
only there counts where another of the flag's own words, one the line left alone, frames the swapped word.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path
from typing import NamedTuple

from intake import context as ctx
from intake import fricatives
from intake import learned_flags
from intake.codeswitch import DATA_FILE as CODESWITCH_FILE
from intake.codeswitch import to_english
from intake.spelling import g_restored, spelled_right
from intake.understanding import age_group, normalize, parse_number, said_of_a_grown_up

DATA_FILE = Path(__file__).with_name("red_flags.json")
RENAMED = {"major_trauma": "serious_injury"}  # ids stored on older cases
_NEUTRAL = "~"  # what an idiom is blanked to: a token no concept or phrase matches


@dataclass(frozen=True)
class Rule:
    """Every concept within `window` words in one sentence, unless the `unless` concept is in it."""

    concepts: tuple[re.Pattern, ...]
    window: int
    unless: re.Pattern | None = None
    across_sentences: bool = False  # "breathing slowly, every ten seconds? and she is not waking up"
    # Like `unless`, but only within a few words of the mention: in a long turn, "a bit faint" is not "a bit of blood".
    unless_near: re.Pattern | None = None
    # (a, b, n): concept a's words lead to concept b's, in that order, at most n words between ("pain going down
    # his left arm"; "crashed into the truck ... my shoulder hurts" is no spreading pain).
    leads: tuple[int, int, int] | None = None
    # The veto binds the learned reader too: a journey explains a farewell whatever words carry it. Off by default:
    # a reader that adds a flag the rules vetoed had found real signs (anaphylaxis past NOT_ALLERGY) on unseen callers.
    binds_reader: bool = False
    # The veto reaches back into the sentence before: Whisper ends a sentence where the caller only paused ("she can't
    # breathe. she can't say her words": breathless, not a stroke's speech).
    unless_before: bool = False
    # The one concept that is the sign now; the others only say what it is: "an overdose last year, and now she has taken
    # the whole box" (the box is of pills, and only the taking is dated now). None: the mention is every concept's words.
    now: int | None = None
    # The cause may be told in an earlier turn of the call and the sign in this one ("he bumped his head on the floor",
    # then at the duration question "he's been sick three times since"): read across the turns, ending in this one.
    across_turns: bool = False


@dataclass(frozen=True)
class RedFlag:
    """One red flag from the data table, with its compiled phrases and rules."""

    id: str
    label: str
    source: str
    reply: str
    phrases: tuple[re.Pattern, ...]
    rules: tuple[Rule, ...] = ()
    requires: tuple[re.Pattern, ...] = ()
    # Words that say the required state began ("my test was positive last week"): it goes on, however long ago.
    began: tuple[re.Pattern, ...] = ()
    child_only: bool = False
    soft: re.Pattern | None = None
    ends: str = "said"  # what ends the sign: "said", "well" (patient well again) or "never" (see context.py)
    # Other flags that are also this one: a convulsing child is an IMCI danger sign however the fit is described, and
    # so are a fit and heavy bleeding in pregnancy (or after a birth) a pregnancy emergency. ((flag id, the concept
    # that says "a child" when the age is not known yet, or None when the flag's own `requires` is enough), ...)
    implied_by: tuple[tuple[str, re.Pattern | None], ...] = ()
    # Words that alone never let the learned reader add this flag: a mechanism ("hit", "fell", "through the windscreen")
    # with a body part is recorded, START decides (SAFETY.md), and is no serious injury without a sign of one.
    learned_not_only: re.Pattern | None = None
    # What, said later in the sentence, shows the sign is over: "he was knocked out, now he keeps asking what happened"
    # (someone who vomits and asks questions is awake again; the head injury is serious_injury's).
    ended_by: re.Pattern | None = None
    # A sign the one speaking cannot have now: "I was out cold after the party" is over, the caller is talking.
    not_the_caller: bool = False
    # A wish or plan to do it is the sign itself ("I want to cut deep and not wake up" is suicidal); for every other flag
    # a wished or planned sign is no sign of now (context.wished).
    wish_is_the_sign: bool = False
    # (at hand, taken): a means only held, threatened or known where it is ("the rat poison in her hand, she says she
    # will drink it") is no poisoning yet, unless the turn says something was taken or what it does ("she's vomiting").
    not_taken_yet: tuple[re.Pattern, re.Pattern] | None = None
    # (said, not with): a named everyday source of the blood in the sentence of the words the learned reader's score rests
    # on, with no word of a heavy bleed there: "blood from his mouth, it's his wobbly baby tooth, it came out" is no heavy
    # bleeding on "blood" alone; "he lost a tooth in the fight and it keeps pouring" still is.
    learned_unless: tuple[tuple[re.Pattern, re.Pattern], ...] = ()
    # The reader may add this flag only in a turn with a word worth the harm question (`harm_cues`: something swallowed,
    # despair, a means) or of the concepts `learned_needs` lists (a farewell, "himself"; [] for the cues alone): "I'm
    # gonna go to the door", "he wants to end his phone contract" carry the reader's score on going and ending alone.
    learned_needs: re.Pattern | None = None

    @property
    def needs_context(self) -> bool:
        """Whether the flag counts only with its required context said (a pregnancy)."""
        return bool(self.requires or self.began)


class Mechanism(NamedTuple):
    """A high-risk injury mechanism: recorded and raising priority, never a red flag."""

    id: str
    phrases: tuple[re.Pattern, ...]
    # words near a phrase that take it back ("fell from the low wall", "the taxi hit him slowly"), and how many words
    # either side count as near ("fell off the ladder putting up the lights, it was low")
    unless_near: re.Pattern | None
    near_words: int
    # words that take it back anywhere in its sentence ("fell off the step ladder picking the fruit, it's not high")
    unless_in_sentence: re.Pattern | None
    # what, said straight after the phrase, shows it struck no one and nothing that stops a vehicle: "the car hit a
    # pothole", "the bike hit the kerb" (a bump in the road; a rider thrown or a vehicle rolled is told by other phrases)
    unless_after: re.Pattern | None = None


@dataclass(frozen=True)
class Table:
    """The whole data file, compiled."""

    flags: tuple[RedFlag, ...]
    neutral: re.Pattern
    normal: re.Pattern
    mechanisms: tuple[Mechanism, ...]
    first_aid_order: tuple[str, ...] = ()
    sign_words: frozenset[str] = frozenset()  # corrected when typed one letter wrong (spelling.py)
    real_words: frozenset[str] = frozenset()  # never corrected
    heard: tuple[tuple[re.Pattern, str], ...] = ()  # Whisper's forms of sign words, read back as the words
    ing_words: frozenset[str] = frozenset()  # every "-ing" word the tables name: what a dropped final g is read back to
    not_g_dropped: frozenset[str] = frozenset()  # "-in" words that are words as they stand ("thin", Tagalog "hangin")
    harm_cues: re.Pattern = re.compile(r"(?!)")  # words worth the harm question (harm_cue_said)
    harm_cues_explained: tuple[re.Pattern, re.Pattern] = (re.compile(r"(?!)"), re.compile(r"(?!)"))  # tears, a fall
    # (mechanism id, cues its own words explain, the task its sentence must say or None): harm_cue_said
    harm_cues_told_by_mechanism: tuple[tuple[str, re.Pattern, re.Pattern | None], ...] = ()


@dataclass(frozen=True)
class _SaidWithout:
    """A veto read like a pattern: `said` is there and `not_with` is not."""
    said: re.Pattern
    not_with: re.Pattern

    def search(self, text: str, *span: int):
        return None if self.not_with.search(text, *span) else self.said.search(text, *span)


@dataclass(frozen=True)
class _AnyOf:
    """Vetoes read as one: the first that stands."""
    vetoes: tuple

    def search(self, text: str, *span: int):
        return next((m for m in (v.search(text, *span) for v in self.vetoes) if m), None)


def _words(pattern: str) -> re.Pattern:
    return re.compile(rf"\b(?:{pattern})\b")


@cache
def load_table(path: Path = DATA_FILE) -> Table:
    """The red-flag table, compiled once per file."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    concepts = {name: _words(p) for name, p in data["concepts"].items()}

    def either(patterns: list[str]) -> re.Pattern:
        return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in patterns) + r")\b")

    def unless(names: str | list | dict) -> re.Pattern | _SaidWithout | _AnyOf | None:
        """A rule's veto, near or anywhere in the sentence: one concept, or several read as one ("a climb on an errand" or
        "a drop of one step"; glass stuck in the flesh or wax in an ear), or {"said", "not_with"}: a veto only where no
        sign of the other says the harm after all (a hangover, unless sight fails)."""
        if isinstance(names, dict):
            return _SaidWithout(unless(names["said"]), unless(names["not_with"]))
        if isinstance(names, str):
            return concepts.get(names)
        if any(isinstance(n, dict) for n in names):  # ["NOT_BLOOD", {"said": "WET_SOURCE", "not_with": "WOUND_SAID"}]
            return _AnyOf(tuple(unless(n) for n in names))
        return _words("|".join(f"(?:{data['concepts'][n]})" for n in names))

    def rules(entry: dict) -> tuple[Rule, ...]:
        return tuple(
            Rule(tuple(concepts[c] for c in r["all"]), int(r.get("window", 8)), unless(r.get("unless", "")),
                 bool(r.get("across_sentences", False)), unless(r.get("unless_near", "")),
                 (r["all"].index(r["leads"][0]), r["all"].index(r["leads"][1]), int(r["leads"][2])) if r.get("leads") else None,
                 bool(r.get("binds_reader", False)), bool(r.get("unless_before", False)),
                 r["all"].index(r["now"]) if r.get("now") else None,
                 bool(r.get("across_turns", False)))
            for r in entry.get("rules", [])
        )

    flags = tuple(
        RedFlag(
            id=e["id"], label=e["label"], source=e["source"],
            reply=e.get("reply", "emergency"),
            phrases=tuple(re.compile(rf"\b(?:{p})") for p in e["phrases"]),
            rules=rules(e),
            requires=tuple(re.compile(rf"\b(?:{p})") for p in e.get("requires", [])),
            began=tuple(re.compile(rf"\b(?:{p})") for p in e.get("began", [])),
            child_only=bool(e.get("child_only", False)),
            soft=_words(e["soft"]) if e.get("soft") else None,
            ends=e.get("ends", "said"),
            implied_by=tuple((i["flag"], concepts.get(i.get("with", ""))) for i in _listed(e.get("implied_by"))),
            learned_not_only=concepts[e["learned_not_only"]] if e.get("learned_not_only") else None,
            ended_by=concepts[e["ended_by"]] if e.get("ended_by") else None,
            not_the_caller=bool(e.get("not_the_caller", False)),
            wish_is_the_sign=bool(e.get("wish_is_the_sign", False)),
            not_taken_yet=(concepts[e["not_taken_yet"]["at_hand"]], concepts[e["not_taken_yet"]["unless"]])
            if e.get("not_taken_yet") else None,
            learned_unless=tuple((unless(u["said"]), unless(u["not_with"])) for u in _listed(e.get("learned_unless"))),
            learned_needs=either(data["harm_cues"] + [data["concepts"][n] for n in e["learned_needs"]])
            if "learned_needs" in e else None,
        )
        for e in data["flags"]
    )
    mechanisms = tuple(Mechanism(m["id"], tuple(re.compile(rf"\b(?:{p})") for p in m["phrases"]),
                                 _words(m["unless_near"]) if m.get("unless_near") else None,
                                 int(m.get("near_words", _NEAR_WORDS)),
                                 _words(m["unless_in_sentence"]) if m.get("unless_in_sentence") else None,
                                 re.compile(rf"(?:{data['concepts'][m['unless_after']]})\b") if m.get("unless_after") else None)
                       for m in data["mechanisms"])
    spelling = data.get("spelling", {})
    return Table(flags, either(data["neutral"]), either(data["normal"]), mechanisms,
                 tuple(data.get("first_aid_order", ())), frozenset(spelling.get("words", ())),
                 frozenset(spelling.get("real_words", ())),
                 tuple((re.compile(p), r) for p, r in data.get("heard", ())),
                 _ing_words(Path(path).read_text(encoding="utf-8")), frozenset(spelling.get("not_g_dropped", ())),
                 either(data["harm_cues"] + data["harm_cues_signs"]),
                 (_words(data["harm_cues_explained"]["cues"]), _words(data["harm_cues_explained"]["by"])),
                 tuple((e["mechanism"], _words(e["cues"]), _words(e["task"]) if e.get("task") else None)
                       for e in data.get("harm_cues_told_by_mechanism", ())))


def _listed(entry: dict | list | None) -> list:
    """One entry or a list of them (an `implied_by` names one flag or several)."""
    return [] if entry is None else entry if isinstance(entry, list) else [entry]


def _ing_words(table_text: str) -> frozenset[str]:
    """The "-ing" words written out in the red-flag table and in the English of the code-switching table."""
    english = " ".join(line.split("\t")[1] for line in CODESWITCH_FILE.read_text(encoding="utf-8").splitlines()
                       if line.strip() and not line.startswith("#") and "\t" in line)
    return frozenset(re.findall(r"(?<![a-z\\])[a-z]{2,}ing\b", table_text + " " + english))


def load_red_flags(path: Path = DATA_FILE) -> tuple[RedFlag, ...]:
    """The red flags, in table order."""
    return load_table(path).flags


def flag_by_id(flag_id: str) -> RedFlag:
    """The table entry for a flag id, old ids included (KeyError for an unknown id)."""
    flag_id = RENAMED.get(flag_id, flag_id)
    for flag in load_red_flags():
        if flag.id == flag_id:
            return flag
    raise KeyError(flag_id)


def by_first_aid(flag_ids: list[str]) -> list[str]:
    """Flags ordered so the advice a bystander must act on in the next minute is spoken first (choking's back
    blows before a stroke's "note the time"); flags the order does not name keep their place after them."""
    order = load_table().first_aid_order
    ids = [RENAMED.get(f, f) for f in flag_ids]
    return sorted(ids, key=lambda f: order.index(f) if f in order else len(order))


# Whisper and hurried typists drop the apostrophe: "cant", "dont", "hes".
_EXPANDED = {"cant": "can not", "dont": "do not", "wont": "will not", "doesnt": "does not", "didnt": "did not",
             "isnt": "is not", "wasnt": "was not", "couldnt": "could not", "wouldnt": "would not", "hasnt": "has not",
             "havent": "have not", "arent": "are not", "hes": "he is", "shes": "she is", "theres": "there is",
             "thats": "that is", "its": "it is"}
_ASR_CONTRACTIONS = re.compile(r"\b(" + "|".join(_EXPANDED) + r")\b", re.IGNORECASE)
# "Just gasping" is "only gasping" (agonal breaths), not a filler.
_FILLERS = re.compile(
    r"\b(um+|uh+|erm+|er|ah+|hmm+|you know|i mean|sort of|kind of|kinda|sorta|just(?! gasp)|really|actually|literally|"
    r"basically|even|totally|honestly|seriously like|lah|o|oh|sha|abi|yaar|na po|po)\b"
)
# Whisper hears "his" as "is" before a body part: "he is clutching is chest".
_ASR_HIS = re.compile(r"\b(\w+ing|\w+ed|on|in|to|from|at) is (chest|head|arm|arms|leg|legs|face|mouth|throat|neck|hand|hands|back|"
                      r"belly|stomach|tummy|lips|tongue|eyes|wrist|side)\b")
# Whisper and voice typing split "injury" in two: "a head in jury".
_ASR_SPLIT = re.compile(r"\bin jur(y|ies|ed)\b")
_REPEATS = re.compile(r"\b(\w+(?: \w+)?)(?: , | )\1\b")  # "he is, he is", "his, his": what a panicked caller repeats
# A verb said again is intensity, not two events: "bleeding and bleeding", "flowing and flowing", "on and on".
_INTENSITY = re.compile(r"\b(\w{3,}ing)(?:(?: ,)? and \1)+\b|\b(?:and )?on and on\b")
# "His chest is killing him" is a pain said literally (the idiom table blanks "killing him" on its own).
_PART_KILLING = re.compile(r"\b((?:chest|heart|breastbone|sternum|ribs|head|back|belly|stomach|tummy|arm|jaw|neck|shoulder|blades|side|pain)"
                           r"(?: \w+){0,3}?) "
                           r"(?:killing|kills) (?:me|him|her|them)\b")
# "A thumping head", "my bonce is banging": the ache of a hangover or a headache, read as "pounding" (which no rule
# takes for a blow); "thumped on the head", "banged his head", "his head is banging on the floor" stay blows.
_HEADS = r"head|heads|headache|headaches|bonce|noggin|napper|skull"
# "Like being stabbed", "as if someone is stabbing her": a pain's likeness, no stab wound; read as "stabbing pain", which
# the pain rules read as severe and no injury rule reads at all ("like a knife in" would be read as a blade in the body).
_STAB_LIKENESS = re.compile(r"\b(?:like|as if|as though)(?: (?:i|she|he|they|you) (?:am|m|is|s|are|re|was|were))?"
                            r"(?: (?:someone|somebody|something) (?:is|s|was))? (?:being |getting |been )?"
                            r"(?:stabbed|knifed|stabbing (?:me|her|him|them|you|inside)|stabbed (?:with|by) (?:a |\w+ )?(?:knife|knives))\b")
_ACHING_HEAD = re.compile(rf"\b(?:thumping|banging|throbbing)(?= (?:{_HEADS})\b(?! (?:on|against|into|off|onto)\b))|"
                          rf"\b((?:{_HEADS})(?: (?:is|s|was|has|been|keeps|kept|still|started|starts|going|absolutely|"
                          rf"properly|proper|really|well))*) (?:thumping|banging|throbbing)\b"
                          rf"(?! (?:on|against|into|off|onto|the|at|his|her|their|my)\b)")


# The baby a pregnancy carries is no child patient: "eight months pregnant with her first baby" keeps the pregnancy and
# names no child (IMCI's signs are a born child's).
_UNBORN = re.compile(r"\b(pregnant|expecting|carrying) (?:with )?(?:her|my|our|their|a|the|his) (?:first |second |third |fourth |"
                     r"fifth |new |little |next |last |youngest )?(?:baby|child|bub|babby|little one|twins|boy|girl)\b")
# Whisper writes a caller's pause as a comma, even between a subject and its verb ("her chest, isn't moving"): no writer
# puts one before a denied "is", so it is read as the pause it was.
_PAUSE_COMMA = re.compile(r"(?<=[a-z]) , (?=(?:is|was|are|were) (?:not|no longer)\b)")
# "short of... breath, can't finish... my words": dots typed (or "…") between two words of one clause, the next word in
# lower case, are the breath a breathless caller draws, not a sentence's end ("he fell... Now he won't wake" keeps it).
_BREATH_DOTS = re.compile(r"(?<=[A-Za-z])\s*(?:\.{2,}|…)\s*(?=[a-z])")
# "wants 2 sleep forever", "going 2 end it": "to" texted as a digit between a verb and the verb it governs.
_TEXTED_TO = re.compile(r"\b(want|wants|wanted|wanna|going|gonna|trying|tried|try|able|"
                        r"used|plans?|planning|decided|threatening|threatened) 2 (?=[a-z])")
# "kejang2", "muntah2": Malay and Indonesian type a doubled word (kejang-kejang, convulsing) as the word and a 2.
_TYPED_DOUBLE = re.compile(r"\b([a-z]{3,})2\b")
# "im 30wks pregnant": a texted "I'm" opening a clause, before what Pidgin's "im" (his) never takes (a number, a state).
_TEXTED_IM = re.compile(r"(^|[,.;?!] )im (?=\d|(?:pregnant|bleeding|having|feeling|going|gonna|so|very|scared|alone|stuck|calling|"
                        r"texting|at|in|on)\b)")


# "my 2yo", "a 3 y/o", "4 y.o.": an age texted short is the age said in words, so a child's signs read as a child's
# ("my 2yo ate grandmas tablets"). Only after a number: a lone "yo" is a greeting.
_TEXTED_AGE = re.compile(r"\b(\d{1,2}) ?(?:yo|y/o|y\.o\.?|yrs? old)(?![\w/])", re.IGNORECASE)


@lru_cache(maxsize=512)  # one caller turn is read for flags, mechanisms and as the next turn's context
def prepare(text: str) -> str:
    """Normalized, code-switching read as English, fillers and repeats dropped, normal signs read as "fine",
    idioms blanked, doubt kept apart."""
    text = _TEXTED_AGE.sub(r"\1 year old", text or "")
    t = normalize(_ASR_CONTRACTIONS.sub(lambda m: _EXPANDED[m.group(1).lower()], _BREATH_DOTS.sub(" ", text)))
    t = _PAUSE_COMMA.sub(" ", t)
    for pattern, word in load_table().heard:  # before code-switching: Whisper writes Pidgin "dey" as "day"
        t = pattern.sub(word, t)
    t = _TEXTED_TO.sub(r"\1 to ", t)
    t = _TYPED_DOUBLE.sub(r"\1 \1", t)
    t = _TEXTED_IM.sub(r"\1i am ", t)
    t = _UNBORN.sub(lambda m: "pregnant" if m.group(1) == "pregnant" else f"{m.group(1)} a pregnancy", t)
    t = to_english(t)
    # After code-switching: Pidgin "pickin" is a child, not "picking".
    t = g_restored(t, load_table().ing_words, load_table().not_g_dropped)
    t = spelled_right(t, load_table().sign_words, load_table().real_words)
    t = re.sub(r"^(no|yes|yeah|yep|nope) (?=(he|she|they|i|it|we|my|the|his|her)\b)", r"\1 , ", t)  # "No he can not cough": an answer
    t = re.sub(r"\b(him|her|my|your|them|our) ?sel(f|ves)\b", lambda m: m.group(1) + "sel" + m.group(2), t)
    t = re.sub(r"\b(?!(?:it|he|she|that|there|what|who|this|let)\b)(\w+) s\b", r"\1", t)  # "grandma s", "the bone s"
    t = _ASR_HIS.sub(r"\1 his \2", t)
    t = _ASR_SPLIT.sub(r"injur\1", t)
    t = _FILLERS.sub(" ", t)
    for _ in range(3):
        t = _REPEATS.sub(r"\1", t)
    t = _INTENSITY.sub(lambda m: f"{m.group(1)} nonstop" if m.group(1) else "nonstop", t)
    t = _PART_KILLING.sub(r"\1 hurting badly", t)
    t = _STAB_LIKENESS.sub("stabbing pain", t)
    t = _ACHING_HEAD.sub(lambda m: f"{m.group(1)} pounding" if m.group(1) else "pounding", t)
    t = re.sub(r"\s+", " ", t)
    # A sign said to be normal reads as "fine" ("he is breathing fine, it is the leg": no breathing sign; "crying and
    # breathing ok now" still ends a choking), then idioms are blanked.
    t = load_table().normal.sub("fine", t)
    t = load_table().neutral.sub(_blanked, t)
    return ctx.prepare(t)


# An animal or a machine a look-alike was said of stays named: "the cow collapsed and it is not breathing" is the cow's.
_THING_FIRST = re.compile(rf"(?:{ctx.THINGS})\b")


def _blanked(idiom: re.Match) -> str:
    # A look-alike told by what came before it keeps those words ("he texted me he wants to end his life, now he is not
    # answering": only the not answering is the phone's); the one look-alike that needs them names them "kept".
    kept = idiom.groupdict().get("kept")
    if kept:
        return f"{kept}{_NEUTRAL}"
    thing = _THING_FIRST.match(idiom.group())
    return f"{thing.group()} {_NEUTRAL}" if thing else _NEUTRAL


_FRAGMENT_WORDS = 2  # "chest. pain. left arm. sweating": a run of stops between one- or two-word fragments is one telling


def _sentences(t: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in re.finditer(r"[.?!]", t):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(t)))
    merged = [bounds[0]]
    for lo, hi in bounds[1:]:
        if (_fragment(t, *merged[-1]) and _fragment(t, lo, hi)) or _qualifier(t, lo, hi):
            merged[-1] = (merged[-1][0], hi)
        else:
            merged.append((lo, hi))
    return merged


# "pain in the belly. so strong.": Whisper ends a sentence where the caller drew breath, and the degree said after the
# pause belongs to the sentence before.
_QUALIFIER = re.compile(r"\s*(?:so|very|really|too|that|proper|terribly|extremely) (?:strong|bad|much|heavy|severe|hard|"
                        r"painful|fast|deep|big|terrible)\s*$")


def _qualifier(t: str, lo: int, hi: int) -> bool:
    return bool(_QUALIFIER.match(t[lo:hi]))


def _fragment(t: str, lo: int, hi: int) -> bool:
    return 0 < len(re.findall(r"[a-z0-9~]+", t[lo:hi])) <= _FRAGMENT_WORDS


def _rule_mentions(rule: Rule, t: str) -> list[tuple[int, int, list[tuple[int, int]]]]:
    """(start, end, the concepts' spans) for each place where every concept of the rule stands close together."""
    out = []
    spans = [(0, len(t))] if rule.across_sentences else _sentences(t)
    for i, (lo, hi) in enumerate(spans):
        sentence = t[lo:hi]
        if rule.unless and (rule.unless.search(sentence)
                            or (rule.unless_before and i and rule.unless.search(t[spans[i - 1][0]:spans[i - 1][1]]))):
            continue
        hits = [[(lo + m.start(), lo + m.end()) for m in c.finditer(sentence)] for c in rule.concepts]
        if rule.leads:
            hits = _leading(hits, rule.leads, t)
        if not all(hits):
            continue
        # Anchor on each hit of the first concept; take the other concepts' nearest hits that are not the same
        # words, trying the next nearest when the nearest is taken ("took all his pills": "all his" and "his pills").
        for anchor in hits[0]:
            chosen = _closest_free([anchor], hits[1:], anchor[0])
            if chosen:
                start, end = min(s for s, _ in chosen), max(e for _, e in chosen)
                if len(re.findall(r"[a-z0-9~]+", t[start:end])) <= rule.window \
                        and not (rule.unless_near and rule.unless_near.search(_near(t, start, end, lo, hi))):
                    out.append((*chosen[rule.now], [chosen[rule.now]]) if rule.now is not None else (start, end, chosen))
    return out


def _leading(hits: list[list[tuple[int, int]]], leads: tuple[int, int, int], t: str) -> list[list[tuple[int, int]]]:
    """The hits with concept a kept only where it leads to a hit of concept b in the same clause (and b only where a
    leads to it)."""
    a, b, most = leads
    # One phrase, no clause break between: "fell into the snow, my shoulder hurts" is a fall, not pain going into it.
    pairs = [(x, y) for x in hits[a] for y in hits[b]
             if x[1] <= y[0] and len(re.findall(r"[a-z0-9~]+", t[x[1]:y[0]])) <= most and not re.search(r"[,;.?!]", t[x[1]:y[0]])]
    kept = [list(h) for h in hits]
    kept[a] = sorted({x for x, _ in pairs})
    kept[b] = sorted({y for _, y in pairs})
    return kept


_NEAR_WORDS = 4


def _near(t: str, start: int, end: int, lo: int, hi: int, words: int = _NEAR_WORDS) -> str:
    """The mention and a few words either side of it, inside its sentence and on its side of a "but"
    ("we thought it was small but the blood is flowing": the small is taken back)."""
    before = re.split(r"\bbut\b", t[lo:start])[-1].split()[-words:]
    after = re.split(r"\bbut\b", t[end:hi])[0].split()[:words]
    return " ".join(before + [t[start:end]] + after)


def _closest_free(chosen: list, rest: list, at: int) -> list | None:
    """`chosen` extended by one span per list in `rest`, none overlapping, nearest to `at` first (None if none fits)."""
    if not rest:
        return chosen
    for span in sorted(rest[0], key=lambda s: abs(s[0] - at))[:4]:
        if not any(span[0] < c[1] and c[0] < span[1] for c in chosen):
            found = _closest_free(chosen + [span], rest[1:], at)
            if found:
                return found
    return None


def _mentions(flag: RedFlag, t: str):
    for pattern in flag.phrases:
        for m in pattern.finditer(t):
            yield m.start(), m.end(), None
    for rule in flag.rules:
        yield from _rule_mentions(rule, t)


# A sign whose subject is a look-alike the table blanked: "my son's backstroke is weak on the left side" (the stroke is
# the swimmer's), "his breast stroke is weak": what is weak is the thing blanked, not the person before it.
_BLANK_SUBJECT = re.compile(rf"{_NEUTRAL} (?:is|was|are|were|s|seems?|looks?|feels?|felt|got|gets|has|had|keeps?|has been|"
                            r"is getting|was getting|went|goes)(?: (?:still|really|very|so|quite|a bit|getting|gone|been|always))*\s*$")


# The words of taking something, which a denial before them takes back ("I haven't taken it", "he did not drink any").
_TAKING = re.compile(r"took|taken|drink|drank|drunk|swallowed|swallowing|ate|eaten|downed|had some|has had|have had|chop")


def _current(flag: RedFlag, t: str, start: int, end: int, inner, standing: bool = False) -> bool:
    if _BLANK_SUBJECT.search(t, max(0, start - 40), start):
        return False
    if ctx.why_not_current(t, start, end, inner, ends=flag.ends, standing=standing) or ctx.someone_else_died(t, start, end):
        return False
    if not flag.wish_is_the_sign and ctx.wished(t, start, end):
        return False
    if flag.ended_by and flag.ended_by.search(t, end, _and_the_next_sentence(t, start, end)):
        return False
    if flag.not_the_caller and _A_STATE.match(t, start) and (_SAID_OF_THE_CALLER.search(t, 0, start) or _the_callers_own(t, start)):
        return False
    if flag.not_taken_yet and flag.not_taken_yet[0].search(t, *ctx.sentence_of(t, start, end)) \
            and not any(not (_TAKING.fullmatch(m.group()) and ctx.negated(t, *m.span()))
                        for m in flag.not_taken_yet[1].finditer(t)):
        # a poison at hand and nothing taken: "I have the rat poison in my hand, I haven't taken it" is no taking (a
        # sign beside it, "he has not stopped vomiting", still is)
        return False
    if flag.soft:
        clause = re.split(r"[,;.?!]", t[:start])[-1].split()
        if flag.soft.search(" ".join(clause[-4:])):
            return False
    return True


# "I was out cold", "I nearly passed out": the mention's subject is the caller, and it is a state ("I can not wake him"
# is what the caller tried).
_SAID_OF_THE_CALLER = re.compile(r"\bi (?:(?:was|were|got|had|have|been|just|nearly|almost|totally|completely|must have|went) )*$")
_A_STATE = re.compile(r"(?:out|unconscious|passed|blacked|knocked|fainted|collapsed|spark|conked|comatose)\b")
# "I was out in the cold store four hours, out cold they say, ha": a clause with no subject of its own, in a sentence the
# caller leads in the past with nobody else named, told as what others said of them or laughed off, is the caller's,
# and the caller is talking. A person named between ("I was in the yard with grandad, out cold on the grass he is")
# makes it theirs; with no hearsay or laugh it may be someone the caller found.
_CALLER_LEADS = re.compile(r"\s*(?:(?:so|well|ha|haha|lol|yes|yeah|oh) )?i (?:was|got|had been)\b")
_SUBJECTLESS_CLAUSE = re.compile(r"[,;] (?:(?:totally|completely|just|like|proper|properly|basically) )?$")


_HEARSAY = re.compile(r"\b(?:they|people|everyone|everybody|the \w+|he|she) (?:say|says|said|tell me|told me|called it)\b")
_LAUGHED_OFF = re.compile(r"\b(?:ha|haha|hahaha|lol|lmao|hehe|joking)\b")
_PERSON_WORD = re.compile(r"\b(?:he|she|they|him|her|them|his|their|my|our|we|you|someone|somebody|man|woman|boy|girl|"
                          r"grand\w*|mum|mom|dad|father|mother|brother|sister|son|daughter|wife|husband|friend|colleague|baby|child)\b")


def _the_callers_own(t: str, start: int) -> bool:
    """Nobody else named before the mention, in its clause (a hearsay "they say" aside) or leading the next clause."""
    lo, hi = ctx.sentence_of(t, start, start)
    if not (_CALLER_LEADS.match(t, lo) and _SUBJECTLESS_CLAUSE.search(t, lo, start)):
        return False
    if not _HEARSAY.search(t, start, hi) and not _LAUGHED_OFF.search(t, start, hi):
        return False  # "i was outside , out cold by the gate , not moving" may be someone the caller found
    after = _HEARSAY.sub(" ", t[start:hi])
    clauses = re.split(r"[,;]", after)
    said = t[lo + 2:start] + " " + clauses[0] + " " + " ".join(" ".join(clauses[1:2]).split()[:3])
    return not _PERSON_WORD.search(said)


_WAS = re.compile(r"\b(?:was|were|got|had been)(?: \w+)?\s*$")


def _and_the_next_sentence(t: str, start: int, end: int) -> int:
    """Where what may end a sign stops looking: its sentence's end, or the next sentence's when the sign is told in the
    past ("He was unconscious! He's awake now but confused": a shout or a pause puts the ending in the next sentence;
    "he is unconscious. now he is being sick" is still unconscious)."""
    lo, hi = ctx.sentence_of(t, start, end)
    if not _WAS.search(t[lo:start]):
        return hi
    return ctx.sentence_of(t, min(hi + 1, len(t)), min(hi + 1, len(t)))[1]


def find_red_flags(text: str, *, context: str = "", child: bool | None = None, learned: bool = True,
                   standing: bool = False) -> list[str]:
    """Ids of the red flags said in `text`: the rules' in table order, then any the learned reader adds.

    `context` is what the caller said earlier (for flags that need it, like pregnancy);
    `child` is False once the patient is known to be 12 or older, which silences IMCI child signs;
    `learned=False` is the rules alone (for measuring what the reader adds);
    `standing` says the question asked what is always so (medicines, allergies): a sign told there in the simple
    present, with nothing of now or of today's events, is the habit asked about ("nuts, my lips swell up").
    """
    t = prepare(text)
    if not t.strip(" ~"):
        return []
    if child is None and _says_grown(t):
        child = False
    whole = None
    eligible, said = [], []
    for flag in load_red_flags():
        if flag.child_only and child is False:
            continue
        if flag.needs_context:
            whole = whole if whole is not None else prepare(context) + " . " + t
            if not _required_now(flag, whole):
                continue
        eligible.append(flag)
        if any(_current(flag, t, s, e, inner, standing) and not _a_grown_ups(flag, t, s, e, child)
               and not _an_animals(t, s, e, context) for s, e, inner in _mentions(flag, t)) \
                or _said_across_turns(flag, t, context):
            said.append(flag.id)
    said += _said_with_fricatives_swapped([f for f in eligible if f.id not in said], t, context, child, standing)
    # What one flag implies is read once every flag's own words are: an overdose taken on purpose is an attempt, though
    # suicidal comes first in the table.
    found = [flag.id for flag in eligible if flag.id in said or _implied(flag, said, t, child, context)]
    if learned:
        found += _learned_flags(t, found, context, child, standing)
        # A sign the reader alone heard implies what the rules' own would: a pregnant woman "shaking, not talking" is
        # in a pregnancy emergency whichever of the two read her fit.
        found += [flag.id for flag in eligible if flag.id not in found and _implied(flag, found, t, child, context)]
    if "unconscious" in found and "child_danger_signs" in found and _only_drowsy(t, standing):
        found.remove("unconscious")
    return found


# "I can't keep him awake", "she keeps drifting off": a child who cannot stay awake is IMCI's lethargy sign, not one who
# cannot be woken (SAFETY.md: "cannot stay awake or floppy" is a child's sign; "unconscious or cannot be woken" another).
_DROWSY = re.compile(r"\b(?:can not|could not) keep (?:him|her|them|the baby) awake\b|\bkeeps? drifting off\b")


def _only_drowsy(t: str, standing: bool) -> bool:
    """Every current mention of unconscious lies in words of drowsiness, the child danger sign's own."""
    flag = flag_by_id("unconscious")
    spans = [m.span() for m in _DROWSY.finditer(t)]
    current = [(s, e) for s, e, inner in _mentions(flag, t) if _current(flag, t, s, e, inner, standing)]
    return bool(spans) and all(any(a <= s and e <= b for a, b in spans) for s, e in current)


def _said_with_fricatives_swapped(flags: list[RedFlag], t: str, context: str, child: bool | None,
                                  standing: bool) -> list[str]:
    """Flags said in the turn read with a high fricative swapped (fricatives.py: "my tongue is getting sick" for thick),
    each only where a mention rests on a swapped word and its sentence holds another of the flag's own words that the
    line left alone (the frame that makes the neighbour a sign: the tongue; "speech" beside "flurry" is not enough when
    heard "peach", but the face of "face drooping one side, speech flurry" is)."""
    if not flags:
        return []
    alt, swapped = fricatives.swapped_reading(t, _is_sign_word)
    if not swapped:
        return []
    return [flag.id for flag in flags
            if any(fricatives.rests_on(inner or [(s, e)], swapped)
                   and fricatives.framed(alt, s, e, swapped, _own_words(flag), ctx.sentence_of(alt, s, e))
                   and _current(flag, alt, s, e, inner, standing) and not _a_grown_ups(flag, alt, s, e, child)
                   and not _an_animals(alt, s, e, context) for s, e, inner in _mentions(flag, alt))]


def _own_words(flag: RedFlag) -> tuple[re.Pattern, ...]:
    """The flag's own words: its phrases and its rules' concepts."""
    return flag.phrases + tuple(c for rule in flag.rules for c in rule.concepts)


@cache
def _sign_vocabulary() -> frozenset[str]:
    """Every word written out in the table's phrases and concepts (a stem such as "droop" matches by its concept)."""
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    text = " ".join(data["concepts"].values()) + " " + " ".join(p for e in data["flags"] for p in e["phrases"])
    return frozenset(re.findall(r"(?<![a-z\\])[a-z]{4,}(?![a-z])", text))


@lru_cache(maxsize=8192)
def _is_sign_word(word: str) -> bool:
    """A word the red-flag table reads: written out in it, or one its concepts take as a whole."""
    return word in _sign_vocabulary() or any(c.fullmatch(word) for c in _concept_patterns())


@cache
def _concept_patterns() -> tuple[re.Pattern, ...]:
    data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    return tuple(re.compile(p) for p in data["concepts"].values())


def _said_across_turns(flag: RedFlag, t: str, context: str) -> bool:
    """A rule read across the turns (`across_turns`) stands with its first words in an earlier turn and its last in
    this one, under the same context checks: a cause told first and its sign at a later question."""
    rules = [rule for rule in flag.rules if rule.across_turns]
    if not rules or not context.strip():
        return False
    earlier = prepare(context) + " . "
    whole = earlier + t
    return any(s < len(earlier) < e and _current(flag, whole, s, e, inner) and not _an_animals(whole, s, e, "")
               for rule in rules for s, e, inner in _rule_mentions(rule, whole))


# "He's seventy", "she is 30": an age said in the turn itself, before the dialogue asks it. 12 is where the IMCI child
# signs stop (dialogue.CHILD_SIGNS_MAX_AGE_YEARS).
_SAID_AGE = re.compile(r"\b(?:he|she|i|they) (?:is|am|are) (?:(?:only|just|about|nearly|almost|over|around) )?"
                       r"(\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?: \w+)?|\w+teen|twelve)"
                       r"(?: years?(?: old)?)?(?= ?(?:[,.;!?]|$|and\b|now\b))")
_GROWN_YEARS = 12
# "Came home from his cab shift", "her boss sent her home", "his wife found him": a patient told by a working life or a
# spouse is a grown-up, whose drowsiness is no IMCI child sign ("from school", "his toy truck" tell nothing).
_GROWN_BY_LIFE = re.compile(
    r"\b(?:his|her|their) (?:\w+ )?(?:shift|shifts|overtime|boss|wife|husband|salary|wages|employer|workplace)\b|"
    r"\b(?:came|come|comes|coming|got|get|gets|back|home) (?:back )?(?:home )?from (?:work|the office|the factory|duty|"
    r"(?:his|her|their) (?:\w+ )?(?:shift|job|work|duty|office))\b|"
    r"\b(?:drives|driving|drove|drive) (?:a|his|her|their|the) (?:cab|taxi|rickshaw|lorry|truck|bus|tuk ?tuk)\b(?! (?:toy|game))|"
    # Hindi-Urdu "duty se aaya", Bangla "office theke phirlo", Nepali "kaam bata aayo": came back from work.
    r"\b(?:duty|office|shift|kaam|kam|naukri|factory|dukan|dokan) (?:se|theke|bata|baata) (?:\w+ )?"
    r"(?:aaya|aayi|aaye|aya|ayi|aye|lauta|lauti|wapas|phirlo|phirechhe|phireche|ashlo|esechhe|eseche|aayo|ayo)\b"
)


def _an_animals(t: str, start: int, end: int, context: str) -> bool:
    """"Our tortoise is lying still, I think he is dead": the "he" is the animal the turn is about, unless an earlier
    turn named a person ("my mum" answered to who the patient is, then "the dog was barking and she's not breathing")."""
    return (ctx.pronoun_of_an_animal(t, start, end) or ctx.lives_as_an_animal(t, start, end)
            or ctx.said_to_be_an_animal(t, start, end)) and not ctx.names_a_person(prepare(context))


def _a_grown_ups(flag: RedFlag, t: str, start: int, end: int, child: bool | None) -> bool:
    """A child's sign said of the caller themselves or of a grown-up they named ("I've been throwing up everything",
    "my mum has the vomiting and everything"): IMCI's danger signs are a child's, and whoever says "I" is old enough
    to call ("I can't wake her" is hers). A patient already known to be a child keeps them."""
    return flag.child_only and child is not True and said_of_a_grown_up(t[:end])


def _says_grown(t: str) -> bool:
    return any((parse_number(m.group(1)) or 0) >= _GROWN_YEARS for m in _SAID_AGE.finditer(t)) \
        or bool(_GROWN_BY_LIFE.search(t))


# "She's breathing but she's not there": CPR advice is never the learned reader's to give for a patient said to breathe
# (a doubt, "maybe he is breathing", is not saying so).
_BREATHES = re.compile(r"(?<!maybe )\b(?:he|she|they|baby|it) (?:is|are) (?:definitely |still |clearly |certainly |def )?breathing\b(?! \?)")


# Words that carry no sign of their own: a proposal resting only on them, at a question about what is always so, is the
# shape of the answer (a denial of medicines), not a sign.
_FUNCTION_WORD = re.compile(r"(?:is|are|was|were|am|s|be|been|not|no|none|nothing|never|he|she|they|it|i|we|you|his|her|their|"
                            r"my|on|in|any|the|a|an|of|to|and|or|but|do|does|did|has|have|had|taking|takes|take)")


def _learned_flags(t: str, found: list[str], context: str, child: bool | None, standing: bool = False) -> list[str]:
    """What the learned reader (learned_flags.py) adds after the rules. It never removes a flag."""
    return [flag_id for flag_id, spans in learned_flags.proposals(t, found)
            if _reader_may_add(flag_by_id(flag_id), t, spans, context, child, standing)]


def _reader_may_add(flag: RedFlag, t: str, spans: list[tuple[int, int]], context: str, child: bool | None,
                    standing: bool = False) -> bool:
    """May the reader's proposal of `flag`, resting on the words at `spans`, stand? Only what the rules could have said
    (child signs, required context, never on the required context alone: "she is pregnant and unwell" is no pregnancy
    emergency), only where the rules' own context would let a mention at the words it rests on count, and never
    where the flag's gates in red_flags.json (`learned_not_only`, `learned_unless`, `learned_needs`) say no."""
    if (flag.child_only and child is False) or (flag.needs_context and not _required_now(flag, prepare(context) + " . " + t)):
        return False
    if _on_required(flag, t, spans) or (flag.reply == "cpr" and _BREATHES.search(t)):
        return False
    if standing and all(_FUNCTION_WORD.fullmatch(t[s:e]) for s, e in spans):
        return False  # "nothing, he is not on any medication": the medicines question's no, read on "is" and "not"
    if flag.learned_not_only and all(flag.learned_not_only.fullmatch(t[s:e]) for s, e in spans):
        return False
    if any(all(_explained_by(unless, t, s, e) for s, e in spans) for unless in flag.learned_unless):
        return False
    if flag.learned_needs and not flag.learned_needs.search(t):
        return False
    if _softened(flag, t, spans):
        return False
    return _current_where_it_rests(flag, t, spans, standing) \
        and all(not _a_grown_ups(flag, t, s, e, child) and not _an_animals(t, s, e, context) for s, e in spans) \
        and not _ruled_out(flag, t, spans, standing)


def _current_where_it_rests(flag: RedFlag, t: str, spans: list[tuple[int, int]], standing: bool = False) -> bool:
    """The rules' context lets a mention count at every carrier that is one of the flag's own words (a word of its
    phrases or of its rules' concepts: the sign itself), at the top carrier, itself one of them, and at carriers holding
    more than half of what the carriers carry together. A word the reader only leans on, not the sign's, may be denied: "like a cork in his throat,
    nothing going in or out, it was a chunk of apple" is choking though "going" is denied. A denied sign word never
    is ("no pain in my chest", "she is not breathing quickly"), nor any carrier of a flag that needs a harm cue
    (`learned_needs`), whose carriers are everyday words."""
    current = {span: _current(flag, t, *span, None, standing) for span in spans}
    if all(current.values()):
        return True
    if flag.learned_needs:
        return False  # everyday words carry self-harm ("i can not do it anymore"): none may be denied
    words = [m.span() for p in flag.phrases + tuple(c for rule in flag.rules for c in rule.concepts) for m in p.finditer(t)]
    if any(not current[(s, e)] and any(a < e and s < b for a, b in words) for s, e in spans):
        return False
    drops = learned_flags.carried(flag.id, t)
    weight = {span: max(drops.get(span, 0.0), 0.0) for span in spans}
    top = max(spans, key=lambda span: weight[span])
    return current[top] and any(a < top[1] and top[0] < b for a, b in words) \
        and sum(w for span, w in weight.items() if current[span]) > sum(weight.values()) / 2


def _softened(flag: RedFlag, t: str, spans: list[tuple[int, int]]) -> bool:
    """The words the reader's score rests on, read as the rules read a mention: softened just after ("her breathing is a
    bit noisy"; the rules look before), or a rule's near veto beside them ("burnt his hand on the kettle, one small red
    patch")."""
    lo, hi = ctx.sentence_of(t, *spans[0])
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    if flag.soft and all(flag.soft.search(" ".join(re.split(r"[,;.?!]", t[e:])[0].split()[:3])) for _, e in spans):
        return True
    if not (lo <= start and end <= hi):
        return False
    near = _near(t, start, end, lo, hi)
    return any(rule.unless_near and rule.unless_near.search(near) for rule in flag.rules)


def _explained_by(unless: tuple[re.Pattern, re.Pattern], t: str, start: int, end: int) -> bool:
    """The sentence of t[start:end] names an everyday source (`unless[0]`) and no word of the sign's weight (`unless[1]`)."""
    lo, hi = ctx.sentence_of(t, start, end)
    return unless[0].search(t, lo, hi) is not None and unless[1].search(t, lo, hi) is None


def _beside_blank(t: str, start: int, end: int) -> bool:
    """Within two words of a blanked idiom or look-alike (_NEUTRAL)."""
    before, after = t[:start].split()[-2:], t[end:].split()[:2]
    return _NEUTRAL in before + after


def _on_required(flag: RedFlag, t: str, spans: list[tuple[int, int]]) -> bool:
    """A carrier inside the required context ("thirty four weeks" of a pregnancy): that alone is no emergency."""
    return any(s < m.end() and m.start() < e
               for p in flag.requires + flag.began for m in p.finditer(t) for s, e in spans)


def _ruled_out(flag: RedFlag, t: str, spans: list[tuple[int, int]], standing: bool = False) -> bool:
    """The rules already read the carrier words and set them aside: a mention of the flag there that is not current
    ("his chest is not hurting"), or words around an idiom they blanked. The reader adds what the rules' words miss,
    never overrules what they read."""
    def touches(s: int, e: int) -> bool:
        return any(s < ce and cs < e for cs, ce in spans)

    if any(touches(s, e) and not _current(flag, t, s, e, inner, standing) for s, e, inner in _mentions(flag, t)):
        return True
    if any(touches(s, e) for s, e in _vetoed(flag, t)):
        return True  # "giving her things away before her flight, she'll be gone": a rule's own veto read them
    if all(_beside_blank(t, s, e) for s, e in spans):
        return True  # "i am going to ~ tonight": the words around an idiom the rules blanked are its frame
    return False


def _vetoed(flag: RedFlag, t: str) -> list[tuple[int, int]]:
    """Where a rule of the flag would stand but its `unless`, one that binds the reader, vetoes the sentence (a journey
    beside a farewell)."""
    spans = []
    for rule in flag.rules:
        if rule.unless and rule.binds_reader:
            for s, e, _ in _rule_mentions(replace(rule, unless=None), t):
                lo, hi = ctx.sentence_of(t, s, e)
                if rule.unless.search(t, lo, hi):
                    spans.append((s, e))
    return spans


def _implied(flag: RedFlag, found: list[str], t: str, child: bool | None, context: str = "") -> bool:
    # The words that make it so must not be denied: "not on purpose" is an accident. A child known to be one needs no
    # word that says so, nor one named as a baby or a toddler earlier in the call, before the age ("my baby" at who, "her
    # eyes rolled back" at the complaint), as the danger-sign question's list is chosen.
    named_a_child = child is None and flag.child_only and bool(context) and age_group(context) == "child"
    return any(other in found and (said_too is None or (child is True and flag.child_only) or named_a_child
                                   or any(not ctx.negated(t, m.start(), m.end()) for m in said_too.finditer(t)))
               for other, said_too in flag.implied_by)


def _required_now(flag: RedFlag, whole: str) -> bool:
    """The required context is said of the present ("she is pregnant"), not denied or past ("when I was pregnant"), or
    its beginning is said, whenever that was ("the test came back positive last week")."""
    if any(not ctx.negated(whole, m.start(), m.end()) for p in flag.began for m in p.finditer(whole)):
        return True
    for pattern in flag.requires:
        for m in pattern.finditer(whole):
            if not ctx.negated(whole, m.start(), m.end()) and not ctx.historical(whole, m.start(), m.end()) \
                    and not re.search(r"\bwhen (i|she|you) (was|were)\b[^.?!]*$", whole[: m.start()]):
                return True
    return False


def harm_cue_said(text: str) -> bool:
    """The words touch on something swallowed or breathed in, on despair or on a means of self-harm: worth asking about
    poisoning and self-harm, the two flags the danger-sign question does not list.

    The cues (`harm_cues` in red_flags.json) are far wider than either flag's rules, one word being enough, since they
    only decide whether the question is asked; they are read on the prepared text, as the flags read words, so that
    "mamatay", "kujiua", "hang him self" and "peels" are cues too. Tears told after a fall, and not as lasting, ask
    nothing (`harm_cues_explained`), nor does a cue inside the words of a mechanism that explains it, the driver dead in
    the crash or the roof fallen from while fixing it (`harm_cues_told_by_mechanism`)."""
    table, t = load_table(), prepare(text)
    tears, hurt = table.harm_cues_explained
    cues = [m for m in table.harm_cues.finditer(t)
            if not (tears.fullmatch(m.group()) and hurt.search(t, 0, m.start()) and not _LASTING.match(t, m.end()))]
    if not cues:
        return False  # most turns: no mechanism is read for the cues it might explain
    told = _told_by_mechanism(t, table)
    return any(not any(s <= m.start() < e and explained.fullmatch(m.group()) for s, e, explained in told) for m in cues)


def _told_by_mechanism(t: str, table: Table) -> list[tuple[int, int, re.Pattern]]:
    """The spans of the mechanisms told in `t` whose own words explain some harm cues, with those cues."""
    by_id = {mech.id: mech for mech in table.mechanisms}
    told = []
    for mech_id, cues, task in table.harm_cues_told_by_mechanism:
        for m in _mechanism_matches(t, by_id[mech_id]):
            if task is None or task.search(t, *ctx.sentence_of(t, m.start(), m.end())):
                told.append((m.start(), m.end(), cues))
    return told


# Tears told as lasting ("crying all week", "for days", "since her exam") are older than any fall told with them.
_LASTING = re.compile(r"(?: \w+){0,2}? (?:all (?:day|night|week|month|the time)|for (?:days|weeks|months|hours|a week|a month)|"
                      r"every (?:day|night)|since|(?:day|night) and (?:day|night))\b")


def find_mechanisms(text: str) -> list[str]:
    """Ids of high-risk injury mechanisms said in `text` (fall from a height, road crash...): not red flags."""
    t = prepare(text)
    return [mech.id for mech in load_table().mechanisms if next(_mechanism_matches(t, mech), None)]


def _mechanism_matches(t: str, mech: Mechanism) -> Iterator[re.Match]:
    """The matches of a mechanism's phrases in the prepared text that tell it now: not past, not a near miss, not
    taken back by its own words near it or in its sentence."""
    for pattern in mech.phrases:
        for m in pattern.finditer(t):
            if not ctx.why_not_current(t, m.start(), m.end(), vehicles=False) \
                    and not ctx.near_miss(t, m.start(), m.end()) \
                    and not (mech.unless_near and mech.unless_near.search(
                        _near(t, m.start(), m.end(), *ctx.sentence_of(t, m.start(), m.end()), mech.near_words))) \
                    and not (mech.unless_in_sentence
                             and mech.unless_in_sentence.search(t, *ctx.sentence_of(t, m.start(), m.end()))) \
                    and not (mech.unless_after and mech.unless_after.match(t, m.end())):
                yield m


# Someone spoken of as alive and present after the death told ("... died, no, he's moving"): the call may be theirs.
_ALIVE_AFTER = re.compile(r"\b(?:he|she|they) (?:is|are|s|has|have|keeps|can|will|does|was|were)\b")


def without_crash_deaths(text: str) -> str:
    """The prepared text with every death in the crash's own vehicle blanked ("my colleague in the passenger seat
    died"): a mechanism of the caller's crash, not the person the call is about, unless someone is then spoken of as
    alive. With no such death, the text as it came (the prepared text reads some self words differently)."""
    t = prepare(text)
    mech = next(m for m in load_table().mechanisms if m.id == "death_in_same_vehicle")
    deaths = [m for m in _mechanism_matches(t, mech) if not _ALIVE_AFTER.search(t, m.end())]
    for m in deaths[::-1]:
        t = t[:m.start()] + " " * (m.end() - m.start()) + t[m.end():]
    return t if deaths else text
