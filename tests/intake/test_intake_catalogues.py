"""Every language says everything English says: the same entries, from the current English, with the emergency
number and the disclaimer (not a doctor, not medical advice) wherever English has them."""

from __future__ import annotations

import re
import tomllib
from string import Formatter

import pytest

from intake.catalogue import CATALOGUE_DIR, LANGUAGES, SOURCE_LANGUAGE, catalogue
from intake.dialogue import Dialogue
from intake.prompts import FORMS, PROMPTS

TRANSLATIONS = [lang for lang in LANGUAGES if lang != SOURCE_LANGUAGE]
# Every way the dialogue ends or opens tells the caller it is not a doctor and not medical advice.
DISCLAIMED = ("disclaimer.voice", "disclaimer.text", "closing.voice", "closing.text", "no_answer.voice",
              "no_answer.text", "sms.help")
DISCLAIMED_WITHOUT_A_NUMBER = ("summary.disclaimer",)  # the summary's last line; its number is two lines above
PRONOUNS = {"they", "them", "their", "own"}


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(text) if name}


def _meta(language: str) -> dict:
    return tomllib.loads((CATALOGUE_DIR / f"{language}.toml").read_text(encoding="utf-8"))["meta"]


def test_every_language_has_a_file_and_nothing_else_is_there():
    assert sorted(p.stem for p in CATALOGUE_DIR.glob("*.toml")) == sorted(LANGUAGES)


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_a_translation_has_every_english_entry_and_no_other(language):
    english, other = catalogue(SOURCE_LANGUAGE).entries, catalogue(language).entries
    assert sorted(set(english) - set(other)) == [], "in English but not translated"
    assert sorted(set(other) - set(english)) == [], "translated but gone from English"


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_each_translation_carries_the_current_english_source(language):
    english = catalogue(SOURCE_LANGUAGE).entries
    stale = [i for i, e in catalogue(language).entries.items() if i in english and e.source != english[i].text]
    assert stale == [], "English changed since these were translated: translate them again"


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_a_translation_keeps_the_numbers_and_sentences_the_dialogue_fills_in(language):
    """{number}, {note}, {advice}, ... stay in every translation; its other placeholders are its own pronouns."""
    cat = catalogue(language)
    pronouns = set(cat.words("self")) | set(cat.words("other"))
    for msg_id, entry in catalogue(SOURCE_LANGUAGE).entries.items():
        filled = _fields(entry.text) - PRONOUNS
        for said in filter(None, (cat.entries[msg_id].text, cat.entries[msg_id].self_text)):
            assert filled <= _fields(said), (msg_id, said)
            assert _fields(said) - filled <= pronouns, (msg_id, said)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_disclaimer_and_the_emergency_number_are_in_every_language(language):
    cat = catalogue(language)
    words = _meta(language)["disclaimer"]
    assert len(words) == 2
    for msg_id in DISCLAIMED:
        said = cat.template(msg_id).lower()
        assert "{number}" in said, msg_id
        for w in words:
            assert w.lower() in said, (msg_id, w)
    for msg_id in DISCLAIMED_WITHOUT_A_NUMBER:
        assert all(w.lower() in cat.template(msg_id).lower() for w in words), msg_id
    for msg_id in cat.entries:
        if msg_id.startswith(("emergency.voice", "emergency.text", "cpr.call", "cpr.", "sms.", "ended.", "summary.emergency",
                              "summary.no_answer", "summary.urgent", "summary.routine")) and \
                not msg_id.startswith(("cpr.adult_voice", "cpr.child_voice", "cpr.infant_voice", "cpr.lead")):
            assert "{number}" in cat.template(msg_id), msg_id


@pytest.mark.parametrize("language", TRANSLATIONS)
def test_a_translation_says_it_awaits_a_native_speaker(language):
    assert "native speaker" in _meta(language)["review"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("who", ["self", "other", None])
def test_every_question_renders_in_every_language(language, who):
    cat = catalogue(language)
    for prompt in PROMPTS.values():
        for form in FORMS:
            said = prompt.template(form, cat, who).format(**cat.words(who))
            assert "{" not in said and (said or form.endswith("keypad")), (prompt.id, form)
    values = dict(number="112", note="", advice="", lead="", photo="", digit="2", reference="TL-1", url="https://x")
    for msg_id in cat.entries:
        assert not re.search(r"\{\w+\}", cat.say(msg_id, who, **values)), msg_id


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_whole_text_triage_speaks_the_language_it_was_given(language):
    d = Dialogue(channel="text", region="NG", language=language)
    said = [d.start().text, d.keypad("2").text, d.answer("headache").text]
    english = catalogue(SOURCE_LANGUAGE)
    assert said[0].startswith(catalogue(language).say("disclaimer.text", number="112")[:20])
    if language != SOURCE_LANGUAGE:
        assert english.say("complaint.text") not in said[1]
    assert d.result.language == language


def test_the_catalogues_emergency_notes_are_the_number_tables_own_words():
    """A note translated from words the number table no longer says would tell callers something else."""
    from intake.emergency import emergency_number

    english = catalogue(SOURCE_LANGUAGE)
    notes = [i for i in english.entries if i.startswith("emergency_note.")]
    assert notes
    for msg_id in notes:
        region = msg_id.removeprefix("emergency_note.")
        assert english.template(msg_id) == emergency_number(None if region == "DEFAULT" else region).note, msg_id


@pytest.mark.parametrize(("region", "language", "words"), [("NG", "pcm", "you fit also call 199"),
                                                            ("IN", "hi", "108 पर भी")])
def test_the_emergency_note_is_said_in_the_conversations_language(region, language, words):
    d = Dialogue(channel="voice", region=region, language=language)
    d.start()
    assert words in d.answer("he is not breathing").text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("msg_id", ["emergency.voice", "cpr.call_voice"])
def test_the_emergency_reply_names_the_number_in_its_first_sentence(language, msg_id):
    """In a cardiac arrest every second counts: the number to dial comes before anything else is said."""
    first = re.split(r"[.!?\u0964]", catalogue(language).template(msg_id))[0]
    assert "{number}" in first, (language, msg_id)
