"""PLACE: large cities anywhere; towns, provinces, counties and other names of cities only with
evidence (their country named, a place context); never inside a person's name; small namesakes
only in a document about their country; and the on-disk cache of the place tables.

DEV_CASES were looked at while the rules were written; HELD_OUT cases were written before the
rules were run on them and are kept apart (a failure there is a rule to generalise, not a row
to edit)."""
import os
import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline import cache
from pipeline.components.places import place_tables_key
from pipeline.domain import load_domain


def places(result):
    return [(m.text, m.country) for m in result.mentions if m.label == "PLACE"]


DEV_CASES = [
    # a country named paragraphs before in another role does not decide a namesake; a tie goes to the larger place
    ("Hikvision was blacklisted in the United States.\n\nA survey of English councils:\n\n| Croydon | 230 |",
     [("Croydon", "GB")]),
    # a province, county or borough whose country the document names, in a place context
    ("In Tajikistan, the governor of Sughd opened the centre.", [("Sughd", "TJ")]),
    ("The Philippines: police in Cebu bought 300 cameras.", [("Cebu", "PH")]),
    ("Kent Police installed cameras across Kent, England.", [("Kent", "GB"), ("Kent", "GB")]),
    ("Medway Council in England approved the cameras.", [("Medway", "GB")]),
    ("Croydon Council in the UK bought cameras.", [("Croydon", "GB")]),
    ("Knox County in the US replaced its cameras.", [("Knox County", "US")]),
    # towns below the large-city floor: a list joined to a place, ", <country>"
    ("The firm opened offices in Ruiru and Kisii, Kenya.", [("Ruiru", "KE"), ("Kisii", "KE")]),
    ("Kenya: Ruiru, Kisii and Thika got cameras.", [("Ruiru", "KE"), ("Kisii", "KE"), ("Thika", "KE")]),
    ("Ghana put cameras at the border crossings of Aflao and Elubo.", [("Aflao", "GH"), ("Elubo", "GH")]),
    # datelines with a colon or a dash
    ("KARACHI: Pakistan's Sindh government signed a deal.", [("KARACHI", "PK"), ("Sindh", "PK")]),
    ("DALLAS—The city council approved cameras.", [("DALLAS", "US")]),  # a dash glued to the dateline
    ("Saudi Arabia bought cameras for Al Khobar and Iraq for Al-Najaf.", [("Al Khobar", "SA"), ("Al-Najaf", "IQ")]),  # an Arabic article
    ("ISTANBUL- The police installed cameras.", [("ISTANBUL", "TR")]),
    ("ISLAMABAD-The police installed cameras.", [("ISLAMABAD", "PK")]),
    ("PHUKET: Police said 617 of the 775 cameras work.", [("PHUKET", "TH")]),  # a dateline's place of one country only
    # a large city in a project's or a system's name, its country named or not
    ("Karachi Safe City will have 10,000 cameras. The Islamabad Safe City Project cost less.", [("Karachi", "PK"), ("Islamabad", "PK")]),
    ("(MENAFN- Trend News Agency) BAKU, May 3. The police installed cameras.", [("BAKU", "AZ")]),  # after an agency in brackets
    ("ROME — Italian public bodies bought cameras.", [("ROME", "IT")]),
    # another name of a large city, when its country is named
    ("Germany: the transport company of Cologne uses the cameras.", [("Cologne", "DE")]),
    # a small town without its country named, or without a place context, is no place
    ("Police in Cebu bought 300 cameras.", []),
    ("Medway Council approved the cameras.", []),
    ("Kisii got cameras in Kenya last year.", []),
    ("Security Council members in the US met.", []),
    ("Indonesia's toll road passes through Tanjung Sari.", []),
    ("The US Congress and Commerce officials met.", []),
    # a person's name is never a place
    ("A Colombian school named after Ana Medellín Ruiz got cameras.", []),
    ("Clark Kent said Britain would buy cameras.", []),
    ("Britain: Kent Brown says the cameras work.", []),
    ("Mr Croydon of the UK said so.", []),
    # a capital or large city beats a small US namesake unless the document is about the US
    ("The US computer maker said Wellington paid $NZ40 million.", [("Wellington", "NZ")]),
    ("The United States firm said Ottawa spent $C12m.", [("Ottawa", "CA")]),
    ("The United States and Canada: Ottawa bought the cameras.", [("Ottawa", "CA")]),
    ("US banks, a US fund and US lenders met; London Branch of a bank signed.", [("London", "GB")]),
    ("The US city of Birmingham, a US buyer, and US police bought cameras in Birmingham.",
     [("Birmingham", "US"), ("Birmingham", "US")]),
    ("The Birmingham City Council approved the $9.7 million camera contract, U.S. police said.",
     [("Birmingham", "US")]),  # the only country the document names is the US
    # a state written after a small namesake still decides it
    ("London, Kentucky, bought cameras.", [("London", "US"), ("Kentucky", "US")]),
    ("The Republic of the Congo airport lies southwest of Oyo.", [("Oyo", "CG")]),
    # words that are also small towns somewhere are no places
    ("The US firm signed the contract in August.", []),
    ("In the US, the Enterprise and Progress funds paid.", []),
    ("India's loan was paid in Bank accounts.", []),
    ("Sullivan & Cromwell advised the US lenders.", []),
    ("Kenya Police will receive 30 Toyota Land Cruisers and 12 Hino trucks.", []),  # brands
    # longer names: a direction word is part of the place, a company's name is not one
    ("The plant is in Muara Enim Regency, South Sumatra Province.", [("South Sumatra Province", "ID")]),
    ("Azerbaijan's loan came from Shanghai Electric.", []),
    ("The Tehran Metro got Chinese trains.", [("Tehran", "IR")]),
    # a country named inside an organisation's name is evidence for a small place
    ("The State Bank of Venezuela funded a plant in Anzoátegui.", [("Anzoátegui", "VE")]),
    # a place inside a project's name, when its country is named (in an organisation's name too)
    ("Kazakhstan finished phase 2 of the Shymkent Oil Refinery.", [("Shymkent", "KZ")]),
    ("The Development Bank of Kazakhstan lent for the Shymkent Oil Refinery.", [("Shymkent", "KZ")]),
    ("Trinidad and Tobago signed for the Phoenix Park Industrial Park Project.", []),
    ("Cambodia sold the power to the Phnom Penh Power Grid.", [("Phnom Penh", "KH")]),
    # another spelling of a town's name, and "St." for "Saint"
    ("Kyrgyzstan: a cement plant in Kyzyl-Kiya City.", [("Kyzyl-Kiya City", "KG")]),  # "City" belongs to the name (round 12)
    ("Russian officials met in the city of St. Petersburg.", [("St. Petersburg", "RU")]),
    # a place inside a bank's or company's name, or a company's bracketed short name, is no place
    ("The Bank of Tokyo-Mitsubishi UFJ lent to Kazakhstan.", []),
    ("Pakistan: Sindh Bank Limited and Hub Power Company joined.", []),
    ("Turkey borrowed from Shanghai Electric Power; a ceremony was held in Shanghai.", [("Shanghai", "CN")]),
    ("Aluminum Corporation of China Limited (Chalco) lent to Mongolia; Chalco was repaid in coal.", []),
    # the administrative word written capitalised after a place belongs to its name
    ("Kenya: cameras went up in Kisii County.", [("Kisii County", "KE")]),
    ("In the UK, Medway Council bought cameras.", [("Medway", "GB")]),
    # a name of one country's subdivision only, with its own administrative word: its country need not be named
    ("The mine is in Sughd Province.", [("Sughd Province", "TJ")]),
    ("He toured Central Region and Eastern Province.", []),
    # GeoNames' English names of subdivisions, and a subdivision's name that is also a large city's other name
    ("Italy: the cameras were bought in Sicily and in Sardinia.", [("Sicily", "IT"), ("Sardinia", "IT")]),
    ("The M5 runs from Minsk to Gomel.", [("Minsk", "BY"), ("Gomel", "BY")]),
    # a subdivision's name holding its country's name needs no place context; hyphens may be spaces
    ("The police bought cameras from a Noord-Holland company.", [("Noord-Holland", "NL")]),
    ("Senegal: the city of Saint Louis got cameras.", [("Saint Louis", "SN")]),
    # a list item joined through unknown names to a known place or a cue; a two-word name also hyphenated
    ("Cameroon: cameras went up in the cities of Yaounde, Garoua-Boulai, Kye-Ossi, Waza and Kousseri.",
     [("Yaounde", "CM"), ("Garoua-Boulai", "CM"), ("Kousseri", "CM")]),
    ("Kenya: Mr Smith, John Doe and Kisii spoke.", []),
    # a name taken once in a place context is that place wherever else the document writes it
    ("Seychelles police installed cameras in Anse Royale.\n\nAnse Royale residents welcomed them.",
     [("Anse Royale", "SC"), ("Anse Royale", "SC")]),
    # a list after "authorities," or "councils," names places
    ("UK councils drop the cameras. Two other authorities, Medway and Gravesham, may follow.", [("Medway", "GB")]),
    # "to" puts a name in a place context ("from Gomel to Zhlobin"), but a news agency is no place
    ("Belarus: the road runs from Minsk to Zhlobin, according to Xinhua.", [("Minsk", "BY"), ("Zhlobin", "BY")]),
    # a name before a colon and a count, or in a table row before its count, is in a place context
    ("Italy: public bodies bought Hikvision cameras.\nProcura della Repubblica, Oristano: 8 cameras", [("Oristano", "IT")]),
    # J&K is Jammu and Kashmir
    ("The J&K tender covers 300 cameras.", [("J&K", "IN")]),
    # a plural administrative word after a name is a place context too
    ("England: Kent councils bought cameras.", [("Kent", "GB")]),
    # a name after a person's initials or a job title is a person's
    ("Hyderabad police commissioner CV Anand said 77 cameras work.", [("Hyderabad", "IN")]),
    ("India: C.V. Anand said the cameras in Anand work.", [("Anand", "IN")]),
    # places written in capitals among capitals: a heading, a dateline; not beside an acronym
    ("PROJECT SUMMARY: SAFE CITY PROJECT IN ISLAMABAD, PAKISTAN", [("ISLAMABAD", "PK")]),
    ("ADDIS ABABA LIGHT RAIL GETS NEW CAMERAS", [("ADDIS ABABA", "ET")]),
    ("The TANGO FLNG was performing in the field.", []),
    # an excluded name that is also a city, after a strong cue with its country named, or before its country
    ("France: the city of Nice in France installed 4,000 cameras.", [("Nice", "FR")]),
    ("Nice, France has 4,000 cameras.", [("Nice", "FR")]),
    ("Eugene, Oregon, ended its camera contract.", [("Eugene", "US"), ("Oregon", "US")]),  # before a region of its country
    ("The weather in Nice was nice.", []),
    ("The mayor of Bar Harbor spoke.", []),
    # Irish counties written "Co." or "County" before the name
    ("Ireland: cameras went up in Co. Cavan and County Monaghan.", [("Cavan", "IE"), ("Monaghan", "IE")]),
    # a large city that is no capital, its country never named, yields to a namesake in the story's country
    ("Jamaica: cameras went up in Kingston, May Pen and Santa Cruz. Jamaica will add more.",
     [("Kingston", "JM"), ("May Pen", "JM"), ("Santa Cruz", "JM")]),
    ("Bolivia: cameras went up in Santa Cruz.", [("Santa Cruz", "BO")]),
    # a namesake with no country named takes the country of the document's places that can be only one
    ("Richmond council approved 40 cameras. Burnaby and Surrey, near Vancouver, will follow.",
     [("Richmond", "CA"), ("Burnaby", "CA"), ("Surrey", "CA"), ("Vancouver", "CA")]),
    ("Hamilton police will add 20 cameras, as Auckland and Christchurch did.",
     [("Hamilton", "NZ"), ("Auckland", "NZ"), ("Christchurch", "NZ")]),
    # a large place with namesakes in several countries is no evidence for a small one of its first
    # country (York, with no Canadian namesake in GeoNames, stays the English city)
    ("Canada: the system is used by York police. Halton will join them.", [("York", "GB")]),
    ("London police and Kent Police bought vans.", [("London", "GB"), ("Kent", "GB")]),
    # a public body or office named after a place is a place context ("Town Council", "Safe Cities Authority")
    ("Fiji: the Lami Town Council and Nasinu Town Council installed cameras.", [("Lami", "FJ"), ("Nasinu", "FJ")]),
    ("Pakistan: the Punjab Safe Cities Authority runs 8,000 cameras.", [("Punjab", "PK")]),
    ("Pakistan: Sindh Chief Minister Murad Ali Shah opened it.", [("Sindh", "PK")]),
    ("Vietnam: cameras went up around Tan Son Nhat airport.", []),
    # a list joined by semicolons; an Irish county after "Co"; a family name after "al-"; a body "of"
    ("Ireland: grants went to Drogheda; Dundalk; Ennis and Tralee.",
     [("Drogheda", "IE"), ("Dundalk", "IE"), ("Ennis", "IE"), ("Tralee", "IE")]),
    ("Ireland: cameras in Thurles, Co Tipperary were approved.", [("Thurles", "IE"), ("Tipperary", "IE")]),
    ("Bahrain: activists said al-Hassan was tracked by police.", []),
    ("Iraq: checkpoints went up on the road to Al-Hillah.", [("Al-Hillah", "IQ")]),
    ("Jordan: the loan went to Al Zarqa Power Plant.", [("Al Zarqa", "JO")]),
    ("The Moscow Department of Transport installed 2,000 cameras.", [("Moscow", "RU")]),
    # a local page naming its towns and never its country: the one country two of them share
    ("Cameras went up in Bromsgrove and Redditch last year.", [("Bromsgrove", "GB"), ("Redditch", "GB")]),
    # ... or the one country of a town it names as a municipality
    ("The mayor of Funchal said 81 cameras will be installed.", [("Funchal", "PT")]),
    ("The Merced Police Department will buy 20 cameras.", [("Merced", "US")]),
    ("The mayor of Dover said cameras will be installed.", []),  # namesakes in two countries (GB, US)
    # a name written with diacritics the gazetteer lists without them, but not a part of a longer such name
    ("Cameras went up in Whakatāne and Taupō, New Zealand.", [("Whakatāne", "NZ"), ("Taupō", "NZ")]),
    ("Vietnam: the plant is in Vĩnh Tân commune.", []),
    # a small town does not speak: a surname before a speech verb is a person
    ("Mexico: only 49 work, Gutiérrez said.", []),
    ("Cameras watch Uyghurs in East Turkistan.", [("East Turkistan", "CN")]),
    ("Police in Grand Cayman bought 215 cameras.", [("Grand Cayman", "KY")]),
    ("Kyrgyzstan: activists in Kara-Balta said the refinery pollutes.", [("Kara-Balta", "KG")]),
    ("ANKARA\n\nTurkey will buy lapel cameras.", [("ANKARA", "TR")]),  # a dateline alone on its line
    ("INA - BAGHDAD\n\nIraq installed thermal cameras.", [("BAGHDAD", "IQ")]),  # after an agency and a dash
    ("INTRODUCTION\n\nKenya bought cameras.", []),
    # a place before a waterway or a dam is taken though its country goes unnamed; a company's name is none
    ("Suez Canal revenue rose to 72.2 billion pounds.", [("Suez", "EG")]),
    ("Chicago Bridge & Iron Company received the contract.", []),
    # a region's postal code after a town and a comma is a place, and evidence for the town
    ("The Rockville, IL police bought 20 cameras.", [("Rockville", "US"), ("IL", "US")]),
    ("The form was filed in Vienna,VA last week.", [("Vienna", "US"), ("VA", "US")]),
    ("He said, IN the end, it worked.", []),
    # a large city in a facility's name, in a document naming no country; not in a road's name
    ("Denver International Airport bought 200 cameras.", [("Denver", "US")]),
    ("Cameras went up along Mombasa Road.", []),
    # a photographer's credit, a university's and a charity's name hold no place
    ("Police in Kenya bought cameras. Photo: Yasuyoshi Chiba/AFP.", []),
    ("Researchers at the University of Washington in the US tested it.", []),
    ("The grant came from the Jerusalem Foundation in Israel.", []),
    ("Egypt: the army installed sensors in Sinai; Poland: cameras in Silesia.", [("Sinai", "EG"), ("Silesia", "PL")]),
    # a county or district the tables lack, in the one country the document names among the word's
    ("The Steele County commissioners in North Dakota approved it.", [("Steele County", "US"), ("North Dakota", "US")]),
    ("Rwanda: cameras went up in Bugesera District, not the Central Business District.", [("Bugesera District", "RW")]),
    ("The County Council of Kenya met.", []),
    ("Daily Sabah reported the deal in Libya.", []),  # a newspaper's name
    ("Indonesia: police in Central Jakarta and West Jakarta got cameras.", [("Central Jakarta", "ID"), ("West Jakarta", "ID")]),
    # "City" belongs to a place's name, unless a body's word follows it
    ("Philippines: Valenzuela City installed cameras; the Suva City Council did too in Fiji.",
     [("Valenzuela City", "PH"), ("Suva", "FJ")]),
    ("South Africa: the Msunduzi Municipality and the Kibwezi Constituency of Kenya.",
     [("Msunduzi Municipality", "ZA"), ("Kibwezi Constituency", "KE")]),
    ("South Korea: police in Gangnam-gu and Nonhyeon-dong installed cameras.", [("Gangnam-gu", "KR"), ("Nonhyeon-dong", "KR")]),
    ("Police in the Northern Territory and NSW bought cameras.", [("Northern Territory", "AU"), ("NSW", "AU")]),
    ("CITY OF KILLEEN\nDATE: March 4, 2024\n\nThe city in Japan will buy cameras.", []),  # a memo's field is no dateline
    # a place before its office and the holder's name (round 13's pages)
    ("Uttar Pradesh Chief Minister Yogi Adityanath inaugurated 500 cameras.", [("Uttar Pradesh", "IN")]),
    ("Karachi Additional IG Imran Yaqub said 10,000 cameras will go up.", [("Karachi", "PK")]),
    ("Porto Torres and Shanghai Electric bought cameras.", []),
    ("DHAKA : The Election Commission will buy 500 cameras.", [("DHAKA", "BD")]),  # a dateline's colon after a space
    ("Phuket's camera network reviewed\n\nPHUKET: Of 775 cameras connected to Phuket's network, 617 work.",
     [("Phuket", "TH"), ("PHUKET", "TH"), ("Phuket", "TH")]),  # a dateline names its country for the other places
]

HELD_OUT = [
    ("Kenyan police in Nakuru and Eldoret, Kenya, use the system.", [("Nakuru", "KE"), ("Eldoret", "KE")]),
    ("In Pakistan, cameras went up across Gwadar and Quetta.", [("Gwadar", "PK"), ("Quetta", "PK")]),
    ("Ethiopia: the road runs from Adama to Addis Ababa.", [("Adama", "ET"), ("Addis Ababa", "ET")]),
    ("NAIROBI: Kenya signed the deal on Friday.", [("NAIROBI", "KE")]),
    ("Zambia's Copperbelt Province and the town of Kitwe, Zambia, got cameras.",
     [("Copperbelt Province", "ZM"), ("Kitwe", "ZM")]),
    ("The Sri Lankan port in Hambantota and the district of Matara got cameras.",
     [("Hambantota", "LK"), ("Matara", "LK")]),
    ("In the United Kingdom, Surrey County Council and Essex Police bought cameras.",
     [("Surrey County", "GB"), ("Essex", "GB")]),
    ("Cambodia built a road in Koh Kong province.", [("Koh Kong", "KH")]),
    ("A Peruvian road runs from Arequipa to Cusco.", [("Arequipa", "PE"), ("Cusco", "PE")]),
    ("Victoria Beckham said Spain would win.", []),
    ("Mrs Medina of Saudi Arabia spoke.", []),
    ("Juan Santander said Colombia would pay.", []),
    ("Paris Hilton said France was lovely.", []),
    ("Ecuador: Manta and Esmeraldas, Ecuador, bought cameras.", [("Manta", "EC"), ("Esmeraldas", "EC")]),
    ("The Bolivian minister visited Kirkuk.", [("Kirkuk", "IQ")]),
    ("In Nigeria, the state of Ogun installed cameras.", [("Ogun", "NG")]),
    ("The cameras in Apple Valley, California were Chinese-made.", [("Apple Valley", "US"), ("California", "US")]),
    ("In Ethiopia, the Adama Wind Farm Project was completed.", [("Adama", "ET")]),
    ("Uzbekistan opened the Tashkent Metallurgical Plant.", [("Tashkent", "UZ")]),
    ("Sri Lanka: Colombo Dockyard PLC built the ship.", []),
    ("The Bank of Moscow lent to a Russian firm.", []),
    ("The mayor of St. Petersburg, Florida, bought cameras.", [("St. Petersburg", "US"), ("Florida", "US")]),
    ("Angola: flats in Kilamba Kiaxi were sold.", [("Kilamba Kiaxi", "AO")]),
    ("Kazakhstan: the Pavlodar Aluminium Smelter was built.", [("Pavlodar", "KZ")]),
    ("The Bank of Shanghai opened a branch in Shanghai.", [("Shanghai", "CN")]),
    ("Kenya: Nairobi Water Company raised tariffs.", []),
    ("Nigeria opened the Lekki Deep Sea Port.", [("Lekki", "NG")]),
    ("Ethiopia built the Addis Ababa Light Railway.", [("Addis Ababa", "ET")]),
    ("Indonesia: the plant is in West Java Province, near Bandung.", [("West Java Province", "ID"), ("Bandung", "ID")]),
    ("The pipeline crosses Kyzylorda Oblast.", [("Kyzylorda Oblast", "KZ")]),
    ("In Germany, police in Bavaria bought drones.", [("Bavaria", "DE")]),
    ("Cameroon: the Far North Region got cameras.", [("Far North Region", "CM")]),
    ("HUAWEI WINS CONTRACT IN MOMBASA", [("MOMBASA", "KE")]),
    ("In Montenegro, the mayor of Bar said 40 cameras went up.", [("Bar", "ME")]),
    ("Croatia: the port of Split got new cameras.", [("Split", "HR")]),
    ("Police in Greater Manchester, West Yorkshire and Bedfordshire use the vans.",
     [("Greater Manchester", "GB"), ("West Yorkshire", "GB"), ("Bedfordshire", "GB")]),
    ("Myanmar: the Naypyitaw Safe City project began.", [("Naypyitaw", "MM")]),
    ("Rocklin police and Roseville police bought cameras. In Rocklin, 20 went up.",
     [("Rocklin", "US"), ("Roseville", "US"), ("Rocklin", "US")]),
    ("Liberia built roads in Grand Gedeh and Maryland. Liberia paid for them.", [("Grand Gedeh", "LR"), ("Maryland", "LR")]),
]


@pytest.mark.parametrize("text, expected", DEV_CASES)
def test_places_dev(annotate_text, text, expected):
    assert places(annotate_text(text)) == expected


@pytest.mark.parametrize("text, expected", HELD_OUT)
def test_places_held_out(annotate_text, text, expected):
    assert places(annotate_text(text)) == expected


def test_place_tables_key_follows_the_config_and_packages(tmp_path):
    folder = tmp_path / "configs"
    folder.mkdir()
    for path in load_domain().folder.glob("*.yaml"):
        (folder / path.name).write_bytes(path.read_bytes())
    same = place_tables_key(load_domain(folder))
    assert same == place_tables_key(load_domain())
    text = (folder / "places.yaml").read_text(encoding="utf-8")
    (folder / "places.yaml").write_text(text.replace("evidence_population: 5000", "evidence_population: 15000"),
                                        encoding="utf-8")
    assert place_tables_key(load_domain(folder)) != same
    assert cache.cache_key(a=1, b={"x": "1.0"}) != cache.cache_key(a=1, b={"x": "1.1"})


def test_cache_builds_once_and_reads_back(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    calls = []

    def build():
        calls.append(1)
        return {"Kisii": ("KE", 112417)}

    assert cache.cached("t", "k" * 64, build) == {"Kisii": ("KE", 112417)}
    assert cache.cached("t", "k" * 64, build) == {"Kisii": ("KE", 112417)}
    assert calls == [1]
    assert [p.suffix for p in (tmp_path / "cache").iterdir()] == [".pickle"]  # no temporary left


@pytest.mark.parametrize("setting", ["off", "unwritable", "corrupt"])
def test_cache_is_safe(tmp_path, monkeypatch, setting):
    folder = tmp_path / "cache"
    if setting == "unwritable":
        folder.write_text("a file where the folder should be", encoding="utf-8")
    elif setting == "corrupt":
        folder.mkdir()
        (folder / f"t-{'k' * 40}.pickle").write_bytes(b"not a pickle")
    monkeypatch.setenv(cache.ENV, "off" if setting == "off" else str(folder))
    assert cache.cached("t", "k" * 64, lambda: [1, 2]) == [1, 2]
    if setting == "corrupt":
        assert pickle.loads((folder / f"t-{'k' * 40}.pickle").read_bytes()) == [1, 2]


def test_cache_folder_defaults(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "claimtrace"
    monkeypatch.setenv(cache.ENV, "OFF")
    assert cache.cache_dir() is None


def test_place_tables_read_from_the_cache_equal_built_ones(nlp, tmp_path, monkeypatch):
    from pipeline.components.places import place_tables

    monkeypatch.setenv(cache.ENV, str(tmp_path))
    built = place_tables(nlp, load_domain())
    read = place_tables(nlp, load_domain())
    assert os.listdir(tmp_path) and read is not built
    assert read.entries == built.entries and read.index.names == built.index.names
    assert read.entry("Kisii").candidates[0].country == "KE" and read.entry("Kisii").needs_evidence
    assert not read.entry("Nairobi").needs_evidence


PACKED_ENTRIES = [
    ((), False),
    ((("KE", 0, False),), True),
    ((("TZ", 2_698_652, True), ("KE", 1000, False), ("XK", 12, True)), False),
]


def _unpacked(candidates, needs_evidence):
    from pipeline.components.places import Candidate, PlaceEntry, PlaceTables, packed_entry

    entry = PlaceEntry(tuple(Candidate(*candidate) for candidate in candidates), needs_evidence)
    tables = PlaceTables({"Name": packed_entry(entry)}, None, {}, frozenset(), {}, {})
    return entry, tables.entry("Name"), tables.entry("Other")


@pytest.mark.parametrize("candidates, needs_evidence", PACKED_ENTRIES)
def test_a_packed_place_entry_reads_back_as_it_was(candidates, needs_evidence):
    entry, read, absent = _unpacked(candidates, needs_evidence)
    assert read == entry and absent is None


@given(st.lists(st.tuples(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=2, max_size=3),
                          st.integers(0, 10**10), st.booleans()), max_size=5), st.booleans())
def test_any_packed_place_entry_reads_back_as_it_was(candidates, needs_evidence):
    entry, read, _ = _unpacked(candidates, needs_evidence)
    assert read == entry


@pytest.mark.parametrize("names, text, expected", [
    (["Trinidad and Tobago", "Trinidad"], "It paid TT$100 million for Trinidad", ["Trinidad"]),
    (["Trinidad and Tobago", "Trinidad"], "Trinidad and Tobago bought cameras", ["Trinidad and Tobago", "Trinidad"]),
    (["Grand-Bassam", "St. Louis"], "From Grand-Bassam to St. Louis.", ["Grand-Bassam", "St. Louis"]),
    (["Kisii"], "kisii and KISII are not Kisii's", ["Kisii"]),
    (["Kisii"], "", []),
])
def test_name_index_matches_as_the_phrase_gazetteer(nlp, names, text, expected):
    from pipeline.gazetteer import Gazetteer, NameIndex

    doc = nlp.make_doc(text)
    found = [(start, end, name) for start, end, name in NameIndex(nlp, names).find(doc)]
    assert sorted(name for *_, name in found) == sorted(expected)
    phrase = Gazetteer(nlp, dict.fromkeys(names), "T")
    assert sorted(found) == sorted((start, end, name) for start, end, name, _ in phrase.find(doc))
    assert all(text[start:end] == name for start, end, name in found)


def test_name_words_split_as_the_tokenizer_does(nlp):
    from pipeline.components.places import place_tables
    from pipeline.gazetteer import _words

    names = sorted(place_tables(nlp, load_domain()).entries)[::20] + ["Cannot", "Dont Go", "Ko'olau", "São Tomé"]
    special = nlp.tokenizer.rules
    assert [_words(nlp, special, name) for name in names] == [[t.text for t in nlp.tokenizer(name)] for name in names]


FUZZ_PIECES = ["Kisii", "Kenya", "Ruiru", " and ", ", ", "in ", "Ms ", "Medway", " Council", "KARACHI:", "\n",
               "Ana Medellín", " said", "Wellington", "US", "-", "Sughd", "province of ", "Tanjung Sari", "'s"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(FUZZ_PIECES) | st.text(max_size=6), max_size=14))
def test_places_never_raise_and_keep_offsets(annotate_text, pieces):
    text = "".join(pieces)
    for mention in annotate_text(text).mentions:
        assert text[mention.start:mention.end] == mention.text
        if mention.label == "PLACE":
            assert mention.country and len(mention.country) == 2


# bracketed_names: (text, the (word, name) pairs). Development cases, then held-out ones.
BRACKETED_DEV = [
    ("China National Electronics Import & Export Corporation (CEIEC) signed", [("Corporation", "CEIEC")]),
    ("Aluminum Corporation of China Limited (Chalco), a state firm", [("Limited", "Chalco")]),
    ("the company (ZTE or Huawei)", [("company", "ZTE")]),
    ("Limited\n(Chalco)", [("Limited", "Chalco")]),
    ("Limited(Chalco)", []),  # no white space before the bracket
    ("Limited (chalco)", []),  # not capitalised
    ("Limited (Chalco", []),  # nothing closes it
    ("  (Chalco)", []),  # no word before
]
BRACKETED_HELD_OUT = [
    ("Ltd (AB) (CD)", [("Ltd", "AB"), (")", "CD")]),  # the second pair's word starts after the first's name
    ("Group (Foo-Bar, Baz) and Holdings (QR)", [("Group", "Foo-Bar"), ("Holdings", "QR")]),
    ("x(YZ) Corp (Z9)", [("Corp", "Z9")]),
    ("Ltd (A)", []),  # a one-letter name
    ("", []),
]
_BRACKETED_PATTERN = r"(?=(\S+))\1\s+\(([A-Z][\w-]+)(?=\)|,| or )"  # what bracketed_names reads, as one pattern


@pytest.mark.parametrize("text, expected", BRACKETED_DEV + BRACKETED_HELD_OUT)
def test_bracketed_names(text, expected):
    from pipeline.components.places import bracketed_names

    assert list(bracketed_names(text)) == expected == re.findall(_BRACKETED_PATTERN, text)


@given(st.lists(st.sampled_from([*"Ab( )\n,-Co", " or ", "Ltd", "(Xy"]), max_size=30).map("".join))
def test_bracketed_names_are_the_pattern_s_pairs(text):
    from pipeline.components.places import bracketed_names

    assert list(bracketed_names(text)) == re.findall(_BRACKETED_PATTERN, text)
