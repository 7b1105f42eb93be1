"""COUNTRY: central banks are government bodies (the country in their names is a mention), a
name two states share ("Congolese") is the one the document names otherwise, and long names
misspelt by one letter are still the country.

DEV_CASES were looked at while the rules were written; HELD_OUT cases were written before the
rules were run on them and are kept apart (a failure there is a rule to generalise, not a row
to edit)."""
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.claims.country import CountryRules
from pipeline.components.countries import Misspellings, country_entries
from pipeline.components.places import _spelling_variant
from pipeline.domain import default_domain
from pipeline.mention import Mention


def countries(result):
    return [(m.text, m.country) for m in result.mentions if m.label == "COUNTRY"]


DEV_CASES = [
    # a given name one letter off a country is no misspelling
    ("Police chief Cameron Lewis said the cameras work.", []),
    # PNG is Papua New Guinea as its press writes it
    ("Police in PNG bought 500 cameras.", [("PNG", "PG")]),
    # names as Spanish and Portuguese write them; inside a company's name no mention
    ("Peru's government and México signed.", [("Peru", "PE"), ("México", "MX")]),
    ("Bank of China lent $93 million to XCMG Brasil Investimentos Ltda.", []),
    # a central bank's name holds a COUNTRY mention; a commercial or development bank's does not
    ("China Development Bank lent $1 billion to the State Bank of Pakistan.", [("Pakistan", "PK")]),
    ("The rate followed the benchmark of the People’s Bank of China.", [("China", "CN")]),
    ("The Central Bank of the Russian Federation approved it.", [("Russian Federation", "RU")]),
    ("The National Bank of Pakistan and Bank of China signed.", []),
    ("The Central Bank of India lent the money.", []),
    ("The Development Bank of Kazakhstan on-lent the proceeds.", []),
    # a news outlet's name holds no COUNTRY mention
    ("About 300 cameras watch the capital, the Myanmar Times reported.", []),
    ("Kenya Now Has 2,000 Huawei Cameras", [("Kenya", "KE")]),  # a headline in title case
    ("The Kenya News Agency said 40 cameras work in Kenya.", [("Kenya", "KE")]),
    # "American" in a region's name is no country
    ("South American and Latin American governments bought cameras, as did American cities.",
     [("American", "US")]),
    ("The Pan American Health Organization counted 300 cases.", []),
    # small states as their papers write them; a part of one is no other country
    ("St. Kitts and Nevis took cameras from the Republic of China (Taiwan); Saint Lucians and the TRNC too.",
     [("St. Kitts and Nevis", "KN"), ("Republic of China", "TW"), ("Taiwan", "TW"), ("Saint Lucians", "LC"), ("TRNC", "CY")]),
    ("The Turks and Caicos police in Grand Turk bought cameras.", [("Turks and Caicos", "TC")]),
    ("Gear given by the Peoples Republic of China.", [("Peoples Republic of China", "CN")]),
    ("Cayman's police and the BVI bought cameras.", [("Cayman", "KY"), ("BVI", "VG")]),
    # a demonym before a language word names a language
    ("The Spanish-speaking officers and the English-language press met Spanish police.", [("Spanish", "ES")]),
    ("The centre (PCT, for its Spanish acronym) is known in Spanish as the Plan; the text in Spanish was long.", []),
    ("Chinese investment in Spanish ports grew, the report (in Portuguese) said.", [("Chinese", "CN"), ("Spanish", "ES")]),
    # short names of two island states
    ("Radios went to police in Timor and rifles to the Solomons police.", [("Timor", "TL"), ("Solomons", "SB")]),
    # a newspaper's name holds no COUNTRY mention
    ("The objection was reported by the Times of India.", []),
    # a sea's or a region's name is no country
    ("Zanzibar, an Indian Ocean archipelago, leads the Central African sub-region; China claims the South China Sea.",
     [("China", "CN")]),
    # a byline's name is no country ("By Thai Binh"), a sentence opening with "By" may hold one
    ("By Thai Binh\n\nBy Chinese standards the cameras are cheap.", [("Chinese", "CN")]),
    ("The Fatherland Card (Spanish: carnet de la Patria) was launched.", []),
    # a name two states share: the one the document names otherwise, else the DRC
    ("The mine employs 600 Congolese workers.", [("Congolese", "CD")]),
    ("The Sino-Congolese programme in the DRC paid Congolese firms.",
     [("Congolese", "CD"), ("DRC", "CD"), ("Congolese", "CD")]),
    ("The Republic of Congo hired Congolese engineers.", [("Republic of Congo", "CG"), ("Congolese", "CG")]),
    # one letter too many or too few inside a long name
    ("A state-owned Braziilian oil company borrowed.", [("Braziilian", "BR")]),
    ("Kazakstan and Luxemburg signed.", [("Kazakstan", "KZ"), ("Luxemburg", "LU")]),
    ("Trade across the Americas grew.", []),
    ("The Emirate of Dubai and Antigua signed.", []),
    ("Canadien and Columbian firms bid.", []),
    # names in capitals: among capitals (a dateline, a shouted title), not in a lower-case sentence
    ("NAIROBI, KENYA – Huawei said it had installed 1,800 cameras.", [("KENYA", "KE")]),
    ("KENYA BUYS 500 CAMERAS FROM CHINESE FIRM", [("KENYA", "KE"), ("CHINESE", "CN")]),
    ("The LIBOR rate in CHINA was low.", []),
    ("MICHAEL JORDAN visited the plant.", []),
    # the end of a place's hyphenated name is no country; T&T and its islands are Trinidad and Tobago
    ("Police in Port-of-Spain got 200 body cameras.", []),
    ("T&T police bought cameras for Trinidad and Tobago.", [("T&T", "TT"), ("Trinidad and Tobago", "TT")]),
    ("Police in Trinidad and on Tobago got cameras.", [("Trinidad", "TT"), ("Tobago", "TT")]),
    ("The anti-China protests grew.", [("China", "CN")]),
    ("NZ police bought the system.", [("NZ", "NZ")]),
    ("The U.S government paid.", [("U.S", "US")]),
    ("The Hellenic Police bought 1,000 body cameras.", [("Hellenic", "GR")]),
    ("South Australian councils and South Wales police bought cameras.", []),
    # round 12: a person's first name, a language before "at", a news outlet's edition, eSwatini
    ("Governor Libya Dennise García signed the contract.", []),
    ("The document is available in Spanish at the office.", []),
    ("CNN Brasil reported the deal.", []),
    ("The project in eSwatini is new.", [("eSwatini", "SZ")]),
    ("Booths went up in Congo Town, Monrovia.", []),
    ("The installer Tanauan Cable Inc. (TCI), BAE Systems (UK) and the United States (US) paid.",
     [("UK", "GB"), ("United States", "US"), ("US", "US")]),
    ("Le Sénégal et América Latina; the Minister Panamanian Security spoke.", [("Sénégal", "SN"), ("Panamanian", "PA")]),
    # round 13: Spanish, Portuguese and French names; "de" makes a company's name only after one
    ("El presidente de Bolivia firmó con Petróleos de Venezuela y Estados Unidos.", [("Bolivia", "BO"), ("Estados Unidos", "US")]),
    ("La Policía Nacional del Perú y el Banco Nacional de México.", [("Perú", "PE")]),
    ("Le Cameroun a signé avec la Chine et la República Dominicana.", [("Cameroun", "CM"), ("Chine", "CN"), ("República Dominicana", "DO")]),
    ("Un prêt de la Banque d'export-import de Chine (Exim Bank Chine), publié dans Chine Magazine.", []),  # a bank's, a magazine's
]

HELD_OUT = [
    ("The Bank of Thailand raised its rate.", [("Thailand", "TH")]),
    ("The Reserve Bank of Zimbabwe issued bonds.", [("Zimbabwe", "ZW")]),
    ("The Central Bank of Nigeria and the Bank of Industry met.", [("Nigeria", "NG")]),
    ("Bank of Georgia shares rose.", []),
    ("Congolese police in Brazzaville bought cameras.", [("Congolese", "CG")]),
    ("Congolese miners near Lubumbashi were paid.", [("Congolese", "CD")]),
    ("Ukranian police bought cameras.", [("Ukranian", "UA")]),
    ("Uzbekstan signed the loan.", [("Uzbekstan", "UZ")]),
    ("The Bank of Mozambique cut its policy rate.", [("Mozambique", "MZ")]),
    ("The Central Bank of Sri Lanka and the Bank of Ceylon met.", [("Sri Lanka", "LK")]),
    ("Swiss National Bank data showed inflows.", [("Swiss", "CH")]),
    ("Qatar National Bank lent to the project.", []),
    ("Qatar Central Bank set rates.", [("Qatar", "QA")]),
    ("The Bank of England and Barclays agreed.", [("England", "GB")]),
    ("Kenyan lenders and the Central Bank of Kenya met.", [("Kenyan", "KE"), ("Kenya", "KE")]),
    ("A Congolese firm signed in Kinshasa.", [("Congolese", "CD")]),
    ("In Pointe-Noire, Congolese dockers went on strike.", [("Congolese", "CG")]),
    ("Azerbaidjan and Tadjikistan signed.", [("Azerbaidjan", "AZ"), ("Tadjikistan", "TJ")]),
    ("SAFE CITY PROJECT IN ISLAMABAD, PAKISTAN", [("PAKISTAN", "PK")]),
    ("LUSAKA, ZAMBIA (Reuters) - The government signed a deal.", [("ZAMBIA", "ZM")]),
]


@pytest.mark.parametrize("text, expected", DEV_CASES)
def test_countries_dev(annotate_text, text, expected):
    assert countries(annotate_text(text)) == expected


@pytest.mark.parametrize("text, expected", HELD_OUT)
def test_countries_held_out(annotate_text, text, expected):
    assert countries(annotate_text(text)) == expected


@pytest.mark.parametrize("name, other, expected", [
    ("Kyzyl-Kyya", "Kyzyl-Kiya", True),
    ("Kyzyl-Kyya", "Kyzyl-Kija", False),  # two letters of ten: another system
    ("Dogonbadan", "Gachsaran", False),
    ("Köln", "Cologne", False),
])
def test_spelling_variants_of_city_names(name, other, expected):
    assert _spelling_variant(name, other, float(default_domain()["places"]["variant_similarity"])) is expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_misspelling_finder_never_raises_and_finds_single_words(nlp, text):
    data = default_domain()["countries"]
    finder = Misspellings(country_entries(data), int(data["misspelling_min_letters"]), set(data["not_misspellings"]))
    doc = nlp.make_doc(text)
    for start, end, meant, entry in finder.find(doc):
        assert text[start:end].isalpha() and abs(len(text[start:end]) - len(meant)) == 1
        assert entry.country


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30), st.text(max_size=30))
def test_spelling_variant_never_raises(name, other):
    assert _spelling_variant(name, other, 0.85) in (True, False)


# A country on the far side of a comparison cue in its sentence (`comparison_cues`) is not the
# sentence's country: the cue matched without case, as a whole word, before the country.
def test_a_donor_names_no_buyer_anywhere_in_its_document(annotate_text):
    text = ("China hands over police equipment to Solomon Islands Police Force\n\n"
            "HONIARA, 3 May 2023 — The Chinese Ministry of Public Security sent a team to hand over the "
            "equipment. The equipment includes 20 vehicles and 300 radios worth RMB 10 million.")
    result = annotate_text(text)
    assert {c.mention.text: c.country for c in result.claims} == {"20": "SB", "300": "SB", "RMB 10 million": "SB"}


@pytest.mark.parametrize("text, country", [
    ("Police in New Zealand use a system run by US firm Dataworks Plus. The contract is worth $9 million.", "NZ"),
    ("Peel Regional Police in Canada bought the system from Idemia, a company from France, for $2 million.", "CA"),
])
def test_a_vendor_origin_written_as_a_name_is_no_buyer(annotate_text, text, country):
    assert {c.country for c in annotate_text(text).claims} == {country}


@pytest.mark.parametrize("text, country", [
    # a dateline (with its agency) is where the story was filed: the story is about Saudi Arabia
    ("Islamabad (Pakistan Wire, 1 July) - Huawei signed a deal worth SR2 billion.\n\n"
     "The systems will cover Riyadh and Dammam, where 3,000 cameras will go up in Saudi Arabia.", "SA"),
    ("ISLAMABAD (Wire) - Huawei signed a deal worth SR2 billion.\n\n"
     "The systems will cover Riyadh and Dammam, where 3,000 cameras will go up.", "SA"),
    # ... but a dateline in the country the story is about stays
    ("NAIROBI, Kenya (Wire) - Huawei will install 1,800 cameras. Mombasa will follow.", "KE"),
    # a local partner's origin ("a Saudi firm") is the buyer's country when the document is about it
    ("Huawei signed a deal with a Saudi investment firm. The project in Riyadh and Dammam is worth "
     "SR1.3 billion. Saudi Arabia plans 17 smart cities. A Pakistani engineer leads it.", "SA"),
    # no country leads: the only one whose towns the text names, beside countries named as such
    ("Some cameras, banned by the United States and Britain, are in government buildings. Officials "
     "said 65 offices have them, the minister told Sydney radio.", "AU"),
    # a round-up's section heading names the country of the paragraph under it
    ("Digital ID news from Africa\n\nTanzania: telco loses ID subscribers\n\n"
     "The operator's subscriber base fell by five percent after the biometric SIM checks.", "TZ"),
])
def test_a_fact_is_about_the_story_country_not_where_it_was_filed(annotate_text, text, country):
    assert {c.country for c in annotate_text(text).claims} == {country}


COMPARED_DEVELOPMENT = [
    ("Kenya spent more on cameras than Uganda did.", "Uganda", True),
    ("Kenya spent more on cameras than Uganda did.", "Kenya", False),  # the cue comes after it
    ("Ghana, unlike Togo, bought 300 cameras.", "Togo", True),
    ("Ghana bought cameras COMPARED WITH Togo.", "Togo", True),
    ("Jonathan Moyo said Zimbabwe paid $5 million.", "Zimbabwe", False),  # "than" inside a name
]
COMPARED_HELD_OUT = [
    ("Zambia followed in the Footsteps of China and bought cameras.", "China", True),
    ("Zambia followed in the Footsteps of China and bought cameras.", "Zambia", False),
    ("Malawi vs. Zambia: who spent more?", "Zambia", True),
    ("Thanks to Kenya, the network grew.", "Kenya", False),  # "than" starts a longer word
]


@pytest.mark.parametrize("text, country, compared", COMPARED_DEVELOPMENT + COMPARED_HELD_OUT)
def test_country_after_a_comparison_cue(text, country, compared):
    rules = CountryRules(default_domain())
    mention = Mention(label="COUNTRY", start=text.index(country), end=text.index(country) + len(country),
                      text=country, source="test")
    assert rules.compared(text, mention, (0, len(text))) is compared


@given(st.lists(st.sampled_from([*"aZ -_1é", "Kenya", "Bra", "ziil", "Ö", "xUganda"]), max_size=20).map("".join),
       st.integers(3, 8))
def test_misspelling_candidates_are_the_capitalised_words_of_a_word_boundary_pattern(text, min_letters):
    finder = Misspellings({}, min_letters, set())
    reference = re.compile(rf"\b[A-Z][a-z]{{{min_letters - 2},}}\b")
    assert [m.span() for m in finder.candidates.finditer(text)] == [m.span() for m in reference.finditer(text)]


def test_a_caption_is_no_section_heading(annotate_text):
    # found in review: "Photo: …" opened the paragraph under it, which took the caption's Kenya
    text = ("Uganda signs CCTV deal with Huawei\n\nThe ministry said Uganda will install 5,000 cameras.\n\n"
            "Photo: traffic cameras in Nairobi, Kenya\n\nThe contract is worth $126 million.")
    assert "KE" not in {c.country for c in annotate_text(text).claims}
