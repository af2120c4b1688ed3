"""Code-switched red flags in the languages of the places this service is for (issue 14).

Each language's words for a sign are rows of intake/codeswitch.tsv. Every sentence here was written for
these tests, not taken from a corpus: a caller who says the sign in their own language is flagged, and the
same caller saying something ordinary in that language is not (a row that caught an everyday word would
show here as a false flag).
"""

from pathlib import Path

import pytest

from intake.codeswitch import to_english
from intake.red_flags import find_red_flags
from intake.understanding import normalize

# (language, a sign said in it, the flag it is, an everyday sentence in the same language)
SIGN_AND_EVERYDAY = [
    ('Swahili', 'please come, baba yangu ameacha kupumua', 'not_breathing', 'baba yangu ana homa kidogo tangu jana'),
    ('Sheng', 'msee amefaint kwa kanisa na hajibu', 'unconscious', 'mathe yangu ako poa, ana kikohozi tu'),
    ('Swahili', 'mtoto amemeza vidonge vingi vya bibi', 'overdose_poisoning', 'mtoto wangu anakula vizuri leo'),
    ('Krio', 'mi papa i no de blo, help we', 'not_breathing', 'mi papa get kof since yestade'),
    ('Cameroon Pidgin', 'ma papa no di breathe, e don fall down for house', 'not_breathing', 'ma pikin get small cough since two day'),
    ('Ghanaian Pidgin', 'ma chest dey pain me, e be like heavy stone sit for top', 'chest_pain', 'ma head dey pain me small since morning'),
    ('Twi', 'me papa onhome bio, please bra ntem', 'not_breathing', 'me papa wo fever since yesterday'),
    ('Tok Pisin', 'papa bilong mi em i no pulim win', 'not_breathing', 'papa bilong mi i gat kus liklik'),
    ('Bislama', 'pikinini blong mi hem i dring posen', 'overdose_poisoning', 'pikinini blong mi i gat kof smol'),
    ('Fijian', 'tamaqu sa sega ni cegu, please help', 'not_breathing', 'tamaqu e tauvimate, he has a cold'),
    ('Malay', 'ayah saya sakit dada teruk, macam kena tindih', 'chest_pain', 'ayah saya demam sikit sejak semalam'),
    ('Indonesian', 'istri saya hamil dan pendarahan banyak', 'pregnancy_emergency', 'istri saya hamil tujuh bulan, check up saja'),
    ('Singlish', 'my father pengsan already, tak bangun lah', 'unconscious', 'my father a bit pening lah, rest already'),
    ('Nepali', 'mero buwa lai chhati dukhyo, pasina aayo', 'chest_pain', 'mero buwa lai alikati rugha lagyo'),
    ('Sinhala', 'mage thaththa husma ganna baha', 'breathing_difficulty', 'mage thaththa ta podi kessak thiyenawa'),
    ('Amharic', 'abatey aytenefsim, please come', 'not_breathing', 'abatey tinish gunfan alew'),
    ('Somali', 'aabahay ma neefsanayo, fadlan', 'not_breathing', 'aabahay wuxuu qabaa hargab yar'),
    ('Luganda', 'omwana wange azirise era tazuukuka', 'unconscious', 'omwana wange alina senyiga katono'),
    ('Kinyarwanda', 'umwana wanjye yanyoye uburozi', 'overdose_poisoning', 'umwana wanjye afite inkorora nke'),
    ('Chichewa', 'mwana wanga ali ndi khunyu tsopano', 'seizure', "mwana wanga ali ndi chimfine pang'ono"),
    ('Shona', 'baba vangu haasi kufema', 'not_breathing', 'baba vangu vane chikosoro chidiki'),
    ('Zulu', 'ubaba wami akaphefumuli, sizani', 'not_breathing', 'ubaba wami unomkhuhlane omncane'),
    ('Xhosa', 'umntwana wam uhlanza konke, akamunyi', 'child_danger_signs', 'umntwana wam unomkhuhlane omncinci'),
    ('Haitian Kreyol', 'papa m pa ka respire, li ap toufe', 'breathing_difficulty', 'papa m gen yon ti grip depi yè'),
    ('Spanish', 'mi padre no respira, por favor', 'not_breathing', 'mi padre tiene un poco de tos'),
    ('Spanish', 'my son se cortó and he is sangrando mucho, no para de sangrar', 'heavy_bleeding', 'my son tiene un resfriado, nada más'),
    ('Portuguese', 'minha mãe desmaiou e não acorda', 'unconscious', 'minha mãe está com um pouco de tosse'),
    ('Egyptian Arabic', 'abuya mish bitnaffas, please come fast', 'not_breathing', 'abuya 3ando bard bas, cold'),
    ('Gulf Arabic', 'wildi shirib kaz, he drank it from the bottle', 'overdose_poisoning', 'wildi 3indah zukam shway'),
    ('Dari', 'padaram nafas kashida nametana', 'breathing_difficulty', 'padaram kami sarma khorda'),
    ('Pashto', 'plar me sa na shi akhistalay', 'breathing_difficulty', 'plar me lag zukam lari'),
    ('Burmese', 'kyanaw a phay athet ma shu bu', 'not_breathing', 'kyanaw a phay chaung se ne de'),
    ('Vietnamese', 'bố tôi khó thở lắm, không thở được', 'breathing_difficulty', 'bố tôi bị cảm nhẹ thôi'),
    ('Vietnamese', 'con toi co giat toan than', 'seizure', 'con toi bi so mui nhe'),
    ('Khmer', 'ovpuk khnhom chheu troung klang nas', 'chest_pain', 'ovpuk khnhom kdav kluon bantech'),
    ('Samoan', 'lou tama e le manava, fesoasoani mai', 'not_breathing', 'lou tama e tale teisi'),
    ('Tongan', 'eku tamai ikai ke manava', 'not_breathing', "eku tamai oku tale si'i"),
    ('Maori', 'taku papa kaore ia e ha ana', 'not_breathing', 'taku papa he maremare iti'),
    ('Maori', 'kei te hiahia au ki te mate, i have the pills here', 'suicidal', 'kei te pai au, just tired'),
    ('French', 'mon mari ne respire plus, il est par terre', 'not_breathing', 'mon mari a un petit rhume depuis hier'),
    ('French', "ma fille s'est renversé la casserole, ça a brûlé tout le ventre, la peau part", 'severe_burns',
     'ma fille a mal au ventre depuis ce matin'),
    ('French', 'mon grand-père ne se réveille pas, je le secoue', 'unconscious', 'mon grand-père dort un peu, il est fatigué'),
    ('French', "ma femme est enceinte de sept mois et elle saigne beaucoup", 'pregnancy_emergency',
     "ma femme est enceinte de sept mois, c'est pour un conseil"),
]


@pytest.mark.parametrize(("language", "sign", "flag", "everyday"), SIGN_AND_EVERYDAY,
                         ids=[f"{c[0]}-{c[2]}" for c in SIGN_AND_EVERYDAY])
def test_a_sign_in_the_callers_language_is_flagged_and_an_everyday_sentence_is_not(language, sign, flag, everyday):
    assert flag in find_red_flags(sign), language
    assert find_red_flags(everyday) == [], language


# More of the 15 signs, so that each language is read for more than one of them.
MORE_SIGNS = [
    ('sw', 'mke wangu ana mimba na anavuja damu', 'pregnancy_emergency'),
    ('sw', 'ameungua vibaya na mafuta ya moto', 'severe_burns'),
    ('sw', 'uso umepinda upande mmoja na hawezi kuongea', 'stroke'),
    ('sw', 'nataka kufa, sitaki kuishi tena', 'suicidal'),
    ('kri', 'blod no de tap, i cut in han', 'heavy_bleeding'),
    ('kri', 'mi pikin i de trowe ol tin', 'child_danger_signs'),
    ('wes', 'ma pikin i di shake, skin di shake all', 'seizure'),
    ('tw', 'mogya pii, mogya nnyae', 'heavy_bleeding'),
    ('tpi', 'samting i pas long nek, em i no inap toktok', 'choking'),
    ('tpi', 'maus i solap bihain long bi i kaikaim em', 'anaphylaxis'),
    ('bi', 'blad i no stop long leg blong hem', 'heavy_bleeding'),
    ('fj', 'sega ni mudu na dra, dra levu', 'heavy_bleeding'),
    ('ms', 'anak saya tercekik tulang ikan, tersangkut di tekak', 'choking'),
    ('ms', 'bibir bengkak lepas makan kacang tanah', 'anaphylaxis'),
    ('ms', 'anak saya sawan, kejang kejang', 'seizure'),
    ('ms', 'dia minum racun rumput', 'overdose_poisoning'),
    ('ne', 'mero chhora le bish piyo', 'overdose_poisoning'),
    ('ne', 'ragat rokidaina, dherai ragat', 'heavy_bleeding'),
    ('si', 'mage putha ambaruwa, ange gahenawa', 'seizure'),
    ('am', 'bizu dem, dem alakomem', 'heavy_bleeding'),
    ('so', 'dhiig badan, dhiig ma joogsanayo', 'heavy_bleeding'),
    ('so', 'ilmahayga naaska ma nuugayo, wax walba wuu matagayaa', 'child_danger_signs'),
    ('lg', 'omusaayi mungi, omusaayi tegukoma', 'heavy_bleeding'),
    ('rw', 'iminwa yabyimbye nyuma yo kuribwa n inzuki', 'anaphylaxis'),
    ('ny', 'ndikufuna kufa, ndikufuna kudzipha', 'suicidal'),
    ('sn', 'mwana wangu ari kurutsa zvese, haasi kuyamwa', 'child_danger_signs'),
    ('zu', 'ngifuna ukuzibulala', 'suicidal'),
    ('ht', 'li pa reponn, li pedi konesans', 'unconscious'),
    ('ht', 'madanm mwen ansent e li ap senyen anpil', 'pregnancy_emergency'),
    ('es', 'está embarazada y sangrando mucho', 'pregnancy_emergency'),
    ('es', 'labios hinchados después de una picadura de abeja', 'anaphylaxis'),
    ('pt', 'ele está engasgado, preso na garganta', 'choking'),
    ('pt', 'queimadura grave com óleo quente', 'severe_burns'),
    ('ar', 'alam fi sadri, like a stone', 'chest_pain'),
    ('ar', '3ayez amoot, a2tel nafsi', 'suicidal'),
    ('prs', 'dard e sina dara, like pressure', 'chest_pain'),
    ('vi', 'chảy máu nhiều, chảy máu không ngừng', 'heavy_bleeding'),
    ('vi', 'tôi muốn chết', 'suicidal'),
    ('km', 'hoor chheam min chhob', 'heavy_bleeding'),
    ('sm', 'ua laoa, ua mau i le faai', 'choking'),
    ('mi', 'kua raoa taku tamaiti', 'choking'),
    ('kri', 'mi pikin, sontin stak na in trot, i de chok', 'choking'),
    ('kri', 'in fes don ben and i no de tok', 'stroke'),
    ('tw', 'me ba, biribi ahye ne mene mu', 'choking'),
    ('tw', 'ne ano ahono after the bee sting', 'anaphylaxis'),
]


@pytest.mark.parametrize(("language", "sign", "flag"), MORE_SIGNS, ids=[f"{c[0]}-{c[2]}" for c in MORE_SIGNS])
def test_more_signs_said_in_each_language_are_flagged(language, sign, flag):
    assert flag in find_red_flags(sign), language


def test_marks_on_letters_are_read_as_the_plain_letters_people_type():
    # Typed with or without diacritics, the same row reads it; the word is not cut in two.
    assert normalize("khó thở") == normalize("kho tho") == "kho tho"
    assert normalize("Kreyòl, li pa respire") == "kreyol , li pa respire"
    assert normalize("ɛyɛ me ya") == "eye me ya"
    assert to_english(normalize("không thở")) == "is not breathing"


def test_a_longer_phrase_keeps_the_amount_a_shorter_one_would_cut_off():
    # "anatoka damu" (is bleeding) must not swallow the "damu nyingi" (a lot of blood) after it.
    assert find_red_flags("anatoka damu nyingi sana kichwani") == ["heavy_bleeding"]
    assert "heavy_bleeding" in find_red_flags("li ap senyen anpil, san an pa vle rete")


@pytest.mark.parametrize("text", [
    "mere papa ko chest mein dard hai , left haath tak ja raha hai",  # Hindi "tak" (up to) is not Malay "not"
    "natapunan siya ng mainit na tubig sa binti",  # Tagalog "binti" (calf) is not Arabic "my daughter"
    "oya come quick , e no dey breathe",  # Yoruba/Pidgin "oya" (come on) is not Kinyarwanda "no"
])
def test_another_languages_common_word_is_not_read_as_a_negator_or_a_person(text):
    english = to_english(normalize(text))
    assert "my daughter" not in english and " not ja " not in english and not english.startswith("no ")


def test_a_singlish_particle_is_dropped_and_does_not_part_the_sign_from_its_words():
    assert to_english(normalize("he cannot breathe lah")) == "he can not breathe"
    assert find_red_flags("my father pengsan already lah , tak bangun") == ["unconscious"]


@pytest.mark.parametrize("text", [
    "my mother has darah tinggi , tekanan darah tinggi",  # Malay: high blood pressure, not blood
    "mama yangu ana presha ya damu",  # Swahili
    "hooyaday dhiig kar ayay qabtaa",  # Somali
    "mi madre tiene presion alta , le hicieron un analisis de sangre",  # Spanish
    "meu pai tem um pouco de falta de ar quando sobe escada",  # Portuguese: "a bit" softens it, as in English
])
def test_blood_pressure_blood_tests_and_a_bit_are_read_as_in_english(text):
    assert find_red_flags(text) == []


# Words of set i's code-switched emergencies that had no row (CLINICAL.md): each sentence here is written anew.
NEW_ROWS = [
    ("sw", "mama yangu, mdomo wake imeenda upande mmoja ghafla", "stroke"),  # has gone to one side, suddenly
    ("sw", "babu hawezi kuinua mkono wa kushoto, na uso umelala upande mmoja", "stroke"),  # cannot lift; droops
    ("sw", "damu inamwagika kutoka mguuni, haiachi kabisa", "heavy_bleeding"),  # pouring out, will not stop
    ("sw", "mguu wake imevunjika na mfupa umetoka nje", "serious_injury"),  # broken, the bone out
    ("tpi", "brata bilong mi i hatwok long pulim win, em i no inap toktok", "breathing_difficulty"),
    ("tpi", "em i pundaun long trak, het bilong em i bagarap na em i toktok longlong", "serious_injury"),
    ("tpi", "pikinini bilong mi i sek sek long bet na i no stop", "seizure"),
    ("tpi", "lapun i kaikai planti marasin bilong sik suga", "overdose_poisoning"),
    ("tpi", "bebi i no inap dring susu na bodi i malumalum", "child_danger_signs"),
]


@pytest.mark.parametrize(("language", "sign", "flag"), NEW_ROWS, ids=[f"{c[0]}-{c[2]}" for c in NEW_ROWS])
def test_set_is_missing_sign_words_are_read(language, sign, flag):
    assert flag in find_red_flags(sign, learned=False), to_english(normalize(sign))


@pytest.mark.parametrize("text", [
    "mvua haiachi leo, tutachelewa",  # the rain will not stop
    "simu yangu imevunjika, nitakupigia kesho",  # my phone is broken
    "mi laik kaikai liklik, mi hangre",  # I want to eat a little
    "ren i no stop long apinun",  # the rain does not stop
])
def test_the_same_words_in_everyday_sentences_raise_nothing(text):
    assert find_red_flags(text) == []


def test_the_new_words_are_not_common_english_words():
    # A row whose phrase is an everyday English word would rewrite English callers' words.
    english = set((Path(__file__).parents[2] / "stt" / "data" / "english_words.txt").read_text().split()[:20000])
    rows = [line.split("\t")[0] for line in (Path(__file__).parents[2] / "intake" / "codeswitch.tsv")
            .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    new = {"imeenda", "umeenda", "kuinua", "ghafla", "inamwagika", "haiachi", "imevunjika", "dring susu", "sek sek",
           "toktok longlong", "bodi i malumalum", "i no stop", "em i sek"}
    assert new <= set(rows)
    assert not {w for w in new if " " not in w} & english


def test_bislama_cannot_pull_breath_is_a_struggle_to_breathe_not_apnoea():
    # "no save pulum win": cannot (save) pull breath, said of someone struggling; "i no stap pulum win" is not breathing.
    assert find_red_flags("papa blong mi i no save pulum win, hem i sidaon", learned=False) == ["breathing_difficulty"]
    assert "not_breathing" in find_red_flags("papa blong mi i no stap pulum win", learned=False)
