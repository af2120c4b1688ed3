"""The words for a relation, a friend or someone met at work, in every language the line reads: one table.

Read by understanding.py where it asks who the call is about (a kin word names someone else: "mia sorella", "mama yangu",
"ibni") and whether the one named is always a grown-up ("my grandmother", "mio marito"). Words are as normalize() leaves
them: lower case, marks folded ("mãe" -> "mae", "bebé" -> "bebe"), apostrophes spaces.

Each row: (language, words, owners before, owners after, grown-ups among the words). Owners are the words for "my",
"our" or "the" said with the relation: before it in most languages ("my sister", "mia sorella", "meri behen"), after it in
Tagalog, Swahili, Tok Pisin, and in Italian, Spanish or Portuguese for emphasis ("anak ko", "mama yangu", "papa bilong
mi", "sorella mia"). Arabic says "my" inside the word ("ibni", "ummi"): those words stand alone (`ALONE`).
"""

from __future__ import annotations

# The owners said before a relation in the Englishes and the languages they mix with ("me dad", "mi pickney", "ma wee
# boy", "si kuya", "mera beta", "el hijo", "la mia"): read for every row with owners before.
OWNERS_BEFORE = (r"my|me|mi|ma|a|the|this|that|our|his|her|their|si|ang|yung|mera|meri|mere|un|una|el|la|su|mis|sus|"
                 r"mio|mia|miei|mie|nostro|nostra")

KIN = (
    ("en",
     r"son|daughter|wife|husband|mother|mum|mom|mama|mummy|father|dad|papa|daddy|child|children|baby|kid|friend|"
     r"brother|sister|neighbou?r|uncle|aunt|auntie|grandmother|grandfather|grandma|grandpa|granny|cousin|colleague|"
     r"boss|boy|girl|partner|patient|relative|in law|nephew|niece|twin|grandson|granddaughter|infant|toddler|newborn|"
     # people met at work, at home or in the street, and the words people use for a partner or a friend
     r"workmate|co ?worker|coworker|mate|flatmate|roommate|room mate|housemate|classmate|schoolmate|teammate|playmate|"
     r"pal|buddy|bestie|best friend|bro|sis|fella|fellow|bloke|guy|lad|lass|chap|gentleman|missus|missis|hubby|wifey|"
     r"boyfriend|girlfriend|fiance|fiancee|spouse|employee|employer|manager|supervisor|foreman|apprentice|servant|maid|"
     r"helper|house ?help|nanny|tenant|lodger|guest|visitor|client|customer|pupil|teacher|pastor|imam|priest|elder|"
     r"chief|madam|oga|gran|grandad|granddad|grandchild|grandkid|nan|nana|step ?(son|daughter|mother|father|mum|dad)|"
     r"god ?(son|daughter|mother|father)|aunty|mam|mammy|da|"
     # people named by their work: "the gateman", "our chowkidar", "a labourer from the site"
     r"gateman|gatekeeper|watchman|night ?watchman|chowkidar|guard|security guard|cleaner|labou?rer|miner|digger|"
     r"builder|mason|carpenter|electrician|plumber|farmer|fisherman|fishermen|rider|cook|gardener|houseboy|housegirl|"
     r"conductor",
     OWNERS_BEFORE, "",
     r"husband|wife|mother|mum|mom|mama|mummy|father|dad|papa|daddy|grandmother|grandfather|grandma|grandpa|granny|"
     r"gran|grandad|granddad|nan|nana|aunt|auntie|aunty|uncle|(mother|father|brother|sister|son|daughter) in law|"
     r"boss|colleague|landlord|landlady"),
    # Nigerian Pidgin, Patois and Krio: "my pikin", "mi bredda", "mi madda"
    ("pcm", r"pikin|pickney|pikney|picknie|bredda|breddah|bredren|bredrin|sista|sistah|madda|mudda|faada|fada|puppa|mumma",
     OWNERS_BEFORE, "", ""),
    # Hindi and Urdu: "meri maa", "mera beta", "mere pati", "meri biwi", "ammi", "abbu"
    ("hi", r"beta|beti|bhai|bhaiya|didi|behen|bahen|dadi|nani|maa|mummy ji|papa ji|pitaji|mataji|pati|patni|biwi|"
           r"ammi|ammi jaan|abbu|abba|amma|appa|bachcha|bacha|bachche|bhabhi|chacha|chachi|mama ji|mausi|bua|dada ji|nana ji|"
           r"bahu|damad|saas|sasur|pota|poti|nati|natin|naniji|nanu|nanaji|dadiji|dadaji|chachaji|masi|phuphi|tauji",
     OWNERS_BEFORE, "",
     # grandparents, uncles and aunts are grown-ups: "my nani", "my chacha" ("her hands are icy" is no child's sign)
     r"maa|pitaji|mataji|pati|patni|biwi|ammi|ammi jaan|abbu|abba|amma|bhabhi|chacha|chachi|mausi|dada ji|nana ji|saas|"
     r"sasur|nani|naniji|nanu|nanaji|dadi|dadiji|dadaji|chachaji|masi|phuphi|bua|tauji"),
    # Tagalog: "si kuya", "ang lola ko", "anak ko", "asawa ko"
    ("tl", r"bata|anak|lola|lolo|nanay|tatay|kuya|tito|tita|bunso", OWNERS_BEFORE, r"ko|namin|natin|niya",
     r"lola|lolo|nanay|tatay"),
    # said only before the owner ("ate ko", "asawa ko"): "my dog ate" is no relation
    ("tl", r"asawa|kapatid|pamangkin|apo|pinsan|kaibigan|ate|inay|itay", "", r"ko|namin|natin|niya",
     r"asawa|inay|itay"),
    # Spanish: "mi hija", "mi madre", "un compañero de trabajo", "mi bebé", "hermana mía"
    ("es", r"hij[oa]|hijit[oa]|espos[oa]|marido|mujer|herman[oa]|hermanit[oa]|abuel[oa]|abuelit[oa]|ti[oa]|sobrin[oa]|"
           r"niet[oa]|prim[oa]|suegr[oa]|cunad[oa]|companer[oa]|amig[oa]|vecin[oa]|nin[oa]|bebe|senora|senor|"
           r"muchach[oa]|chamac[oa]|papi|mami|papito|mamita|madre|padre|mama|papa|trabajador|jefe|patron|motoconchista",
     OWNERS_BEFORE, r"mio|mia|mios|mias|nuestr[oa]",
     r"espos[oa]|marido|mujer|abuel[oa]|abuelit[oa]|suegr[oa]|senora|senor|companer[oa] de trabajo|jefe|patron|madre|"
     r"padre"),
    # Portuguese and French: "é a minha mãe", "c'est pour mon fils", "ma sœur" (marks folded)
    ("pt", r"filho|filha|mae|pai|marido|esposa|mulher|irmao|irma|avo|tio|tia|vizinho|vizinha|amigo|amiga|crianca|neto|"
           r"neta|sogra|sogro|bebe",
     r"meu|minha|meus|minhas|nosso|nossa|o meu|a minha", r"meu|minha", r"mae|pai|marido|esposa|avo|sogra|sogro"),
    ("fr", r"fils|fille|mere|pere|mari|femme|frere|soeur|enfant|enfants|bebe|grand mere|grand pere|oncle|tante|voisin|"
           r"voisine|ami|amie|collegue",
     r"mon|ma|mes|notre|nos", "", r"pere|femme|grand mere|grand pere|oncle|tante"),
    # Italian: "mia sorella", "mio figlio", "mia madre", "il mio bambino", "sorella mia"
    ("it", r"sorella|sorellina|fratello|fratellino|madre|mamma|padre|papa|babbo|figlio|figlia|figli|bambino|bambina|"
           r"bimbo|bimba|marito|moglie|nonno|nonna|zio|zia|cugino|cugina|nipote|suocero|suocera|cognato|cognata|amico|"
           r"amica|vicino|vicina|collega|compagno|compagna|fidanzato|fidanzata",
     OWNERS_BEFORE + r"|il|lo|la|il mio|la mia|i miei|le mie|mio|mia", r"mio|mia|miei|mie|nostro|nostra",
     r"madre|padre|babbo|marito|moglie|nonno|nonna|zio|zia|suocero|suocera"),
    # Swahili: "mama yangu", "mtoto wangu", "kaka yangu", "dada yangu", "mume wangu", "mke wangu"
    ("sw", r"mama|baba|mtoto|watoto|kaka|dada|mume|mke|bibi|babu|shangazi|mjomba|binamu|rafiki|jirani|mjukuu|mwanangu|"
           r"mwanao|mdogo|shemeji|mkwe",
     "", r"yangu|wangu|wetu|yetu|zangu|wake|yake",
     r"mume|mke|shangazi|mjomba"),
    # an elder said inside English: "my mzee", "the mzee next door"
    ("sw", r"mzee", OWNERS_BEFORE, "", r"mzee"),
    # Tok Pisin, Fiji Hindi and Polynesian: "meri bilong mi", "my aaja", "my koro", "papa bilong mi"
    ("tpi", r"pikinini|brata|susa|tumbuna|wantok|lapun|aaja|aaji|koro|kuia|mokopuna|tamaiti|pepe|teine|matua",
     OWNERS_BEFORE, "", r"aaja|aaji|koro|kuia|tumbuna|lapun"),
    # Southern and East African grandparents said inside English: "my gogo", "my ouma", "my bibi"
    # "babu" is no grown-up here: in Bengali and Hindi it is also a little boy ("amar babu", "mera babu")
    ("za", r"gogo|mkhulu|makhulu|ouma|oupa|bibi|babu", OWNERS_BEFORE, "", r"gogo|mkhulu|makhulu|ouma|oupa|bibi"),
)

# Arabic (transliterated, Levantine, Gulf and Egyptian) says "my" inside the word: "ibni" my son, "binti" my daughter,
# "ummi" my mother, "ukhti" my sister, "zawji" my husband, "waldi" my boy. Each names someone else alone.
ALONE = (r"ibni|ebni|binti|bnayti|ummi|immi|yumma|abuya|abouya|akhi|akhoya|ukhti|okhti|zawji|zawjati|jaddi|jaddati|"
         r"sitti|teta|waldi|wildi|wlidi")


# Tok Pisin puts the owner after any relation, its own words or English ones: "meri bilong mi" (my wife), "papa bilong
# mi", "pikinini bilong em".
_BILONG = r"bilong (mi|em|yu|mipela|yumi)"
_BILONG_WORDS = r"meri|man|papa|mama"
# "Mamma mia!", "¡madre mía!": a cry, no relation.
_EXCLAIMED = r"(?!(?:mamma|mama|madre|mamita|mae) mia\b)"


def relations() -> str:
    """Every relation word said after the owners of the Englishes (`OWNERS_BEFORE`), as one alternation."""
    return "|".join(words for _, words, before, _, _ in KIN if before == OWNERS_BEFORE)


def named_relation() -> str:
    """A relation named in a language's own way: after its own owners ("ma soeur", "il mio bambino"), before its owner
    ("anak ko", "mama yangu", "sorella mia", "papa bilong mi"), or with "my" inside the word ("ibni")."""
    own = [f"(?:{before}) (?:\\w+ )?(?:{words})" for _, words, before, _, _ in KIN if before and before != OWNERS_BEFORE]
    after = [f"{_EXCLAIMED}(?:{words}) (?:{owners})" for _, words, _, owners, _ in KIN if owners]
    return "|".join(own + after + [f"(?:{_BILONG_WORDS}|{relations()}) {_BILONG}", ALONE])


def grown_ups() -> str:
    """The relations that are always grown-ups, whoever calls ("husband", "mio marito", "meri saas")."""
    return "|".join(grown for *_, grown in KIN if grown)
