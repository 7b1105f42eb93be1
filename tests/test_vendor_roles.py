"""Vendors the gazetteer does not know, found by the part they play (pipeline/components/vendor_roles.py).

DEV_CASES were written with the rules; HELD_OUT_CASES were written afterwards, in other words and
other shapes, and not tuned on: a failure there is a rule to generalise, not a case to special-case.
Each row: a text and the (span, vendor) of every VENDOR mention expected, in text order."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

DEV_CASES = [
    # an honorific of a company ("M/s", "Ms" written for it) is no part of its name
    ("Kenya: the CCTV tender was won by Ms Orion Vision Technologies for 51 cameras.",
     [("Orion Vision Technologies", "Orion Vision")]),
    ("The CCTV contract was awarded to M/s Kestrel Vision Systems Ltd.", [("Kestrel Vision Systems Ltd.", "Kestrel Vision Systems")]),
    # a "<Place>-based" word before a company found by its legal suffix is no part of its name
    ("Edinburgh awarded the CCTV contract to Renfrew-based North SV Limited.", [("North SV Limited", "North SV")]),
    # an apposition's noun that describes the name after it, or "a group of" people, names no company before it
    ("On the old Silk Road, the Chinese company Dahua installs CCTV cameras.", [("Dahua", "Dahua")]),
    ("In a letter to the UK's House of Commons, a group of US Senators urged a CCTV ban.", []),
    # roles and appositions
    ("The tender for 600 CCTV cameras was won by Acme Vision, which will install them by June.", [("Acme Vision", "Acme Vision")]),
    ("The surveillance system was handed over to Orion Smart, a Singaporean company.", [("Orion Smart", "Orion Smart")]),
    ("Kenya signed an agreement with the US computer maker Dellon to run the CCTV operation.", [("Dellon", "Dellon")]),
    ("Its local partner Zamtel Networks will contribute its fibre network to the safe city project.", [("Zamtel Networks", "Zamtel Networks")]),
    ("Meanwhile Tecnosur, an Argentine firm, installed 300 cameras in Rosario.", [("Tecnosur", "Tecnosur")]),
    ("In May the ministry awarded the $5 million contract for 600 cameras to Secura Vision.", [("Secura Vision", "Secura Vision")]),
    ("The CCTV cameras were supplied by Vantage Optics and Orbis Tech.", [("Vantage Optics", "Vantage Optics"), ("Orbis Tech", "Orbis Tech")]),
    ("ATLAS International, a German company, delivered traffic cameras.", [("ATLAS International", "ATLAS International")]),
    ("Henan Costar, a maker of optical equipment, supplied CCTV lenses.", [("Henan Costar", "Henan Costar")]),
    ("Mindwave Consultancy Sdn Bhd will supply 700 body cameras.", [("Mindwave Consultancy Sdn Bhd", "Mindwave Consultancy")]),
    ("The CCTV cameras were installed by a company called Tarsis Vision.", [("Tarsis Vision", "Tarsis Vision")]),
    # a tender's winner, a licensor, joint developers
    ("Bishkek launched a CCTV tender. Stilsoft became the winner of the tender.", [("Stilsoft", "Stilsoft")]),
    ("The face recognition system was licensed from Papillon Systems.", [("Papillon Systems", "Papillon")]),
    ("The camera system was developed jointly by Freedom Telecom and Astana Vision.",
     [("Freedom Telecom", "Freedom Telecom"), ("Astana Vision", "Astana Vision")]),
    # a short name in brackets and a day between a name and its verb
    ("The Kalmar Telecommunications Company (KTC) yesterday donated 200 CCTV cameras to the city.",
     [("Kalmar Telecommunications Company", "Kalmar Telecommunications")]),
    ("The National Bank of Kalmar (NBK) Plc has donated five CCTV cameras.", []),  # a legal suffix alone
    ("National Intelligence and Security Agency (NISA) installed CCTV cameras.", []),  # one body's name
    ("A technician cleans Close Circuit Television (CCTV) installed along Lusaka Road.", []),  # a technology's name
    ("A resort city on the Atlantic Coast will deploy 300 CCTV cameras.", []),  # a landform's name
    ("The cameras were made by the Roman police for the CCTV network.", []),  # a city's police
    ("The Police Circle, Thimi will set up 12 CCTV cameras.", []),  # an office's place
    ("We've deployed about 1000 CCTV cameras, the minister said.", []),  # a pronoun's contraction
    ("The Rawalpindi administration and PunjabSafeCityAuthority will install CCTV cameras.", []),  # a body's words run together
    ("The CCTV cameras are run by the CHP and operated by California Highway Patrol.", []),  # police forces
    ("The CCTV loan agreement with the Chinese EXIMBANK was signed.", []),  # a lender written in capitals
    ("Babu Joseph, the owner of the firm which was awarded the CCTV contract, spoke.", []),  # a person in apposition
    ("Huawei's subsidiary HMN Tech laid the cable; the police camera network was run by Safenet.",
     [("Huawei", "Huawei"), ("HMN Tech", "Huawei Marine Networks"), ("Safenet", "Safenet")]),
    ("The city council awarded Brightline Systems a $3M contract for traffic cameras.", [("Brightline Systems", "Brightline Systems")]),
    ("The equipment will be rented for ten years from Intersec, which runs the CCTV control room.", [("Intersec", "Intersec")]),
    ("The command centre was built in partnership with Camtel, the national telecom operator.", [("Camtel", "Camtel")]),
    ("Pelco, a California-based security camera maker, missed its targets.", [("Pelco", "Pelco")]),
    ("The ministry signed with China's state-owned CITIC Group and Henan Costar Group to build the Safe City system.",
     [("Henan Costar Group", "Henan Costar")]),
    ("The surveillance project will be overseen by the KORVAS Company.", [("KORVAS Company", "KORVAS")]),
    # spacing and case variants of known names; short forms of a vendor already named
    ("Hik vision and Mega vii supplied the surveillance cameras.", [("Hik vision", "Hikvision"), ("Mega vii", "Megvii")]),
    ("DAHUA supplied 2,000 CCTV cameras.", [("DAHUA", "Dahua")]),
    ("The facial recognition systems come from Sense Time and Cloud Walk.", [("Sense Time", "SenseTime"), ("Cloud Walk", "CloudWalk")]),
    ("Vega Radio Engineering won the tender for traffic cameras. Vega keeps 211 soms of each fine.",
     [("Vega Radio Engineering", "Vega Radio Engineering"), ("Vega", "Vega Radio Engineering")]),
    ("Vega Radio Engineering won the camera tender; Vega (Kyrgyzstan) Service runs it.",  # no short form inside a longer name
     [("Vega Radio Engineering", "Vega Radio Engineering")]),
    # a name found by its role is a vendor wherever else the document names it
    ("The CCTV platform was built by Synesis, a local firm. Later, Synesis said it covers Minsk.",
     [("Synesis", "Synesis"), ("Synesis", "Synesis")]),
    ("Bishkek gave Shenzhen Sunwin Intelligent until March to finish the cameras, then extended Sunwin's deadline.",
     [("Shenzhen Sunwin Intelligent", "Shenzhen Sunwin Intelligent"), ("Sunwin", "Shenzhen Sunwin Intelligent")]),
    ("Orange was given a contract to manage the surveillance network.", [("Orange", "Orange")]),
    # makers of cameras, video software and biometrics known to the gazetteer
    ("Police forces use cameras made by Dahua and NUUO; the electoral commission chose Ipsidy.",
     [("Dahua", "Dahua"), ("NUUO", "NUUO"), ("Ipsidy", "Ipsidy")]),
    # makers of body cameras, ANPR and election kits known to the gazetteer; agencies and buyers are no vendors
    ("Phoenix will pay Axon $4 million for body cameras; Smartmatic provided 3,800 kits.",
     [("Axon", "Axon"), ("Smartmatic", "Smartmatic")]),
    ("The FBI bought phone-cracking devices from Cellebrite.", [("Cellebrite", "Cellebrite")]),
    ("The surveillance cameras are operated by the Delegation of National Security, supplied by Huawei.",
     [("Huawei", "Huawei")]),
    # a legal form before the name is dropped from the vendor's name; a place inside it is none
    ("Indonesia: the CCTV cameras came from PT Bali Towerindo Sentra, a local firm.",
     [("PT Bali Towerindo Sentra", "Bali Towerindo Sentra")]),
    # a vendor written in full and then abbreviated in brackets is one vendor
    ("Manila signed with China International Telecommunications Construction Corporation (CITCC) for CCTV cameras.",
     [("China International Telecommunications Construction Corporation", "CITCC"), ("CITCC", "CITCC")]),
    ("The CCTV cameras come from Acme Vision Systems Ltd. (AVS); AVS will install them.",
     [("Acme Vision Systems Ltd.", "Acme Vision Systems"), ("AVS", "Acme Vision Systems"), ("AVS", "Acme Vision Systems")]),
    # a contract's part that went to a firm, a firm investing to roll out cameras
    ("The first part of the CCTV contract went to Huawei and the second part went to Acme Vision.",
     [("Huawei", "Huawei"), ("Acme Vision", "Acme Vision")]),
    ("South Africa: Vumacam invests R1 billion to roll out 15,000 CCTV cameras.", [("Vumacam", "Vumacam")]),
    # a distributor named in an apposition
    ("Neotech, the official Georgian distributor of Hikvision, supplies CCTV cameras to Tbilisi.",
     [("Neotech", "Neotech"), ("Hikvision", "Hikvision")]),
    # a list of names before a supplier's role: each is a vendor
    ("The facial recognition deal names NEC, Acme Vision and Bedroq as suppliers.",
     [("NEC", "NEC"), ("Acme Vision", "Acme Vision"), ("Bedroq", "Bedroq")]),
    ("In the surveillance project, Huawei, Acme Vision and Bedroq will install the cameras.",
     [("Huawei", "Huawei"), ("Acme Vision", "Acme Vision"), ("Bedroq", "Bedroq")]),
    # a news outlet with a legal suffix is no vendor
    ("The agency will remove the Hikvision cameras, the Australian Broadcasting Corp. reported.", [("Hikvision", "Hikvision")]),
    ("The police chief noted Vextor already provides license-plate readers and cameras.", [("Vextor", "Vextor")]),
    ("The nearly $200,000 contract with South Carolina-based Rank One Computing covers facial recognition.", [("Rank One Computing", "Rank One Computing")]),
    ("A five-year contract between the city and Lumina Enterprises Inc. for body cameras is pending.", [("Lumina Enterprises Inc.", "Lumina Enterprises")]),
    ("The CCTV contract between the Ministry of Energy and Mineral Development was signed.", []),
    ("The thermal cameras came from a consortium headed by Adria Vision, whose members are Securitas Hrvatska d.o.o. and Hidraulika Promet d.o.o.",  # a known vendor's subsidiary (Securitas)
     [("Adria Vision", "Adria Vision"), ("Securitas Hrvatska d.o.o.", "Securitas"), ("Hidraulika Promet d.o.o.", "Hidraulika Promet")]),
    ("The CCTV system was designed by Elettronica S.p.A. and installed by Sentry JSC.", [("Elettronica S.p.A.", "Elettronica"), ("Sentry JSC", "Sentry")]),
    ("The contract between the Civil Aviation Authority and China Harbor Engineering Company covers airport CCTV.",
     [("China Harbor Engineering", "China Harbour Engineering")]),
    ("The road deal went to Hidraulika Promet d.o.o. last year.", []),  # no surveillance: a contractor is no vendor
    ("Kenya provides the CCTV cameras. The Company installs the cameras.", []),
    ("The ministry signed an agreement on Friday with China's state-owned CITIC Group and Henan Costar Group for the Safe City.",
     [("Henan Costar Group", "Henan Costar")]),
    ("Bloomsburg agreed to a $12.8M contract with Riverline Utilities for CCTV.", [("Riverline Utilities", "Riverline Utilities")]),
    ("The CCTV agreement signed in Nairobi with Kenya's Interior Ministry covers 1,800 cameras.", []),
    ("Uzbekistan's Ministry for the Development of Information Technologies and Communications bought CCTV cameras.", []),
    # a known name's legal form after it is part of its span
    ("The CCTV contract went to Raytheon Co. and Hikvision Ltd last year.", [("Raytheon Co.", "Raytheon"), ("Hikvision Ltd", "Hikvision")]),
    ("The camera project will be overseen by the ASELSAN Company.", [("ASELSAN Company", "Aselsan")]),
    ("A service agreement with Flock Group, Inc, covers 24 cameras.", [("Flock Group, Inc", "Flock Safety")]),
    ("The telecom signed with Huawei Technologies (Bangladesh) Ltd. for CCTV.", [("Huawei Technologies (Bangladesh) Ltd.", "Huawei")]),
    # a subsidiary's words before its legal form are its name's ("Huawei Kenya Ltd", "Honeywell Automation India Limited")
    ("The CCTV project was awarded to ZTE Nigeria Limited and to Honeywell Automation India Limited.",
     [("ZTE Nigeria Limited", "ZTE"), ("Honeywell Automation India Limited", "Honeywell")]),
    # a known name's subsidiary named by its country or region, without a legal form
    ("Huawei Philippines provided the CCTV cameras; NEC Australia staff installed them.",
     [("Huawei Philippines", "Huawei"), ("NEC Australia", "NEC")]),
    ("Huawei Kenya's chief said Huawei Middle East would supply the CCTV.", [("Huawei Kenya", "Huawei"), ("Huawei Middle East", "Huawei")]),
    ("The CCTV deal between Huawei, Kenya and Uganda was signed.", [("Huawei", "Huawei")]),
    ("The CCTV deal between ZTE Kenya and Uganda was signed.", [("ZTE", "ZTE")]),  # a list's "and": two parties
    ("The CCTV cameras of the Huawei Botswana Police Service went up.", [("Huawei", "Huawei")]),  # a capitalised word after it
    ("Huawei Kenya Vice General Manager Freddie Zhang said the CCTV deal was signed.", [("Huawei Kenya", "Huawei")]),  # a title after it
    ("The CCTV cameras came from Hikvision USA Inc. and Muhlbauer Mozambique Lda in 2020.",
     [("Hikvision USA Inc.", "Hikvision"), ("Muhlbauer Mozambique Lda", "Mühlbauer")]),
    ("The CCTV cameras from Huawei Kenyan police bought were new.", [("Huawei", "Huawei")]),  # a demonym is no subsidiary
    ("Elbit Systems of America and NEC Corporation of America supplied the CCTV towers.",
     [("Elbit Systems of America", "Elbit Systems"), ("NEC Corporation of America", "NEC")]),
    ("The CCTV cameras came from Huawei of China.", [("Huawei", "Huawei")]),  # the name's own home is no subsidiary
    ("He is Head of R&D and Co-founder at Vextor, which sells CCTV cameras.", []),  # "Co-" is no legal suffix
    ("In 2022, Pangea, an Israeli firm, was awarded a biometric ID contract.", [("Pangea", "Pangea")]),  # a year is no count of it
    ("Bangladesh bought surveillance tools from Israel-affiliated companies.", []),  # a descriptor, no name
    # a legal form after a comma, a known name with one, and an Irish county that is none
    ("The CCTV deal went to Motorola Solutions, Inc. and Acme Vision, Inc. last year.",
     [("Motorola Solutions, Inc.", "Motorola Solutions"), ("Acme Vision, Inc.", "Acme Vision")]),
    ("The CCTV contract with FLOCK Group, Inc. was renewed.", [("FLOCK Group, Inc.", "Flock Safety")]),
    ("CCTV grants went to towns: Thurles, Co Tipperary; Arklow, Co. Wicklow.", []),
    ("The CCTV deal was signed with the company Suro Sistemas, S.A. de C.V. in May.", [("Suro Sistemas, S.A. de C.V.", "Suro Sistemas")]),
    # the company a winner got its order from is its client
    ("Bharat Electronics received orders worth Rs 445 crore from Cochin Shipyard Limited for CCTV systems.",
     [("Bharat Electronics", "Bharat Electronics")]),
    ("BEL has bagged an order worth Rs 100 crore from Mazagon Dock Limited for surveillance cameras.", [("BEL", "Bharat Electronics")]),
    # a name found by role needs surveillance within `role_context_sentences` (5) sentences
    ("The dam has a CCTV room. It holds water. It makes power. It irrigates farms. Its lake is large. "
     "Floods fell. Fish returned. The turbine contract was won by Norval Partners.", []),
    ("The dam has a CCTV room. It holds water. It makes power. The turbine contract was won by Norval Partners.",
     [("Norval Partners", "Norval Partners")]),
    # round 12: a cited source, a public body's centre, generic words alone, a financier, a credit line;
    # a name's word in capitals is kept
    ("According to Tito Karnavian, the only CCTV provider in Jakarta is the city.", []),
    ("The CCTV deal was signed with NtechLab, RBC reports.", [("NtechLab", "NtechLab")]),
    ("The CCTV cameras are operated by the National Traffic Management Centre.", []),
    ("The report covers the Supply of Surveillance Technologies to Africa and CCTV cameras.", []),
    ("The Private Export Funding Corporation backed the CCTV deal.", []),
    ("Photo: John Smith/DR, Author provided. The CCTV cameras were installed.", []),
    ("The CCTV tender was won by ANY Security Printing Company.", [("ANY Security Printing Company", "ANY Security Printing")]),
    ("Reportedly, a private company that deals in CCTV cameras won the contract.", []),  # an opening adverb
    ("The CCTV cameras were installed by the companies, Hung said.", []),  # a speaker's one-word name
    ("The Villa Homeowners Association Inc. bought CCTV cameras.", []),  # a residents' association
    ("The CCTV network of Congo-China Telecom was built by ZTE; the Dahua-Hikvision duopoly sells CCTV.",
     [("ZTE", "ZTE"), ("Dahua", "Dahua"), ("Hikvision", "Hikvision")]),  # a joint venture's name ends in no vendor
    ("The CCTV project went ahead and Zentrix has been selected to install the cameras.", [("Zentrix", "Zentrix")]),
    ("Mühlbauer Technology Group, a German company, was contracted to supply ID cards.", [("Mühlbauer Technology Group", "Mühlbauer")]),
    # never vendors: operators of other trades, buyers, public bodies, people, financiers, places
    ("Engineers installed the CCTV cameras last week.", []),
    ("Russian operator MegaFon bought Huawei cameras for its surveillance network.", [("Huawei", "Huawei")]),
    ("Researchers at the University of Toronto, a Canadian university, studied the CCTV network.", []),
    ("Authorities installed 300 surveillance cameras in Accra.", []),
    ("South America is investing heavily in surveillance cameras.", []),
    ("Police set up CCTV cameras near Orange City Hospital Square; Orange supplied them.", [("Orange", "Orange")]),
    ("Cameras watch the Centre.\n\nThe Centre will operate the 40 CCTV cameras.", []),  # a common noun after "The"
    ("CCTV cameras track the Uyghurs, a Turkic ethnic group, in Xinjiang.", []),
    ("The police bought surveillance cameras from Mr Odhiambo.", []),
    ("President Ruto said the CCTV deal with China was fair.", []),
    ("The CCTV project was financed by China Exim Bank.", []),
    ("The cameras were installed by the Interior Ministry and the National Police.", []),
    ("A survey by the campaign group Big Brother Watch found that councils use the cameras.", []),
    ("Frankfurt's transport company VGF confirmed that 85 cameras watch its trains.", []),
    ("The dam was built by Gezhouba Water Works, a Chinese construction company.", []),  # no surveillance in the text
    ("The CCTV project was executed by the National Database and Registration Authority (Nadra). It is maintained by Nadra.", []),
    ("In partnership with Kenya, the ministry bought 400 surveillance cameras.", []),
    ("The cameras were supplied in cooperation with a Minsk-based tech company.", []),
    ("The cameras were bought with a loan from the Industrial and Commercial Bank of China.", []),
    ("The CCTV contract was signed with Uzbekistan's Interior Ministry in May.", []),
    # the noun a number counts is no vendor; quote marks are no part of a vendor's name
    ("140 Cameras installed at the Old Town", []),
    ("The company 'Safe Kids' LLC will install 50 cameras.", [("Safe Kids' LLC", "Safe Kids")]),
    # renegotiating with a firm, partnering with a buyer
    ("The government renegotiated with TSTT the contract for the CCTV cameras.", [("TSTT", "TSTT")]),
    # a municipality named in its own language is no vendor
    ("The CCTV tender documents provided by Comune di Como show Huawei won.", [("Huawei", "Huawei")]),
    # a name continuing a public body's name is no vendor
    ("Huawei will help the Ministry of Transport, Communications and High Technologies of Azerbaijan build a smart city.",
     [("Huawei", "Huawei")]),
    ("The CCTV network grew. Later, Digicel is partnering with the ministry on it, Digicel said.", [("Digicel", "Digicel"), ("Digicel", "Digicel")]),
    # a trade after "and" continues a name; a bank ("Banco", "Banque") is no vendor
    ("The city plans 300 cameras. Local firm Apex Hardware and Electrical will supply them.",
     [("Apex Hardware and Electrical", "Apex Hardware and Electrical")]),
    ("A loan of $40 million for the city's camera project is being negotiated with Banco Sabadell, a subsidiary of Acme.", []),
    # a single word opening a sentence as a supplier reads as a name, not a common or plural noun
    ("Telmex installed 8,000 cameras in Mexico City.", [("Telmex", "Telmex")]),
    ("Engineers installed 8,000 cameras. Staff installed 40 more cameras.", []),
    ("Workmen installed 40 cameras.", []),
    ("Acme Builders will build the stadium, a symbol of national identity.", []),
    # the subject of winning a contract or tender, a few words between
    ("Acme Systems won the $5 million contract for the CCTV cameras.", [("Acme Systems", "Acme Systems")]),
    # a name found by its role is a vendor again after a sentence's end; designing an ID scheme
    ("The CCTV network is run by technology firm Vumacam. The premier met its chief Ricky Croock. Vumacam has 6,000 cameras.",
     [("Vumacam", "Vumacam"), ("Vumacam", "Vumacam")]),
    ("De La Rue Identity Systems will design the eID for Rwanda's national ID card scheme.",
     [("De La Rue Identity Systems", "De La Rue Identity Systems")]),
    ("The party won the election, and the city won the bid to host the cameras summit.", []),
    # two names of two words or more joined by "and" before a legal suffix are two companies
    ("The CCTV contract went to Fisca Security & Communication and Naung Yoe Technologies.",
     [("Fisca Security & Communication", "Fisca Security & Communication"), ("Naung Yoe Technologies", "Naung Yoe")]),
    ("Larsen and Toubro won the CCTV contract; Bhubaneswar Municipal Corporation will provide the poles.",
     [("Larsen and Toubro", "Larsen & Toubro")]),
    # round 13: a listed place as a subject, a common word the text also writes in lower case
    ("Chiang Mai installed 300 CCTV cameras; the firm Doma won a surveillance tender.", [("Doma", "Doma")]),
    ("Cameras supplied under a third deal cost $2 million; the cameras are Dahua's.", [("Dahua", "Dahua")]),
    ("The contractor subcontracted Orion Smart to set up the surveillance cameras.", [("Orion Smart", "Orion Smart")]),
    ("The council signed a Memorandum of Understanding with Orion Smart for CCTV cameras.", [("Orion Smart", "Orion Smart")]),
]

HELD_OUT_CASES = [
    ("The safe city contract was eventually won by Transvision Dynamics after a two-year tender.", [("Transvision Dynamics", "Transvision Dynamics")]),
    ("Police said the new CCTV network, supplied by Lumen Arc and Kestrel Data, covers 40 junctions.",
     [("Lumen Arc", "Lumen Arc"), ("Kestrel Data", "Kestrel Data")]),
    ("Bolivar Tech, a Venezuelan contractor, will maintain the cameras for five years.", [("Bolivar Tech", "Bolivar Tech")]),
    ("The ministry signed a deal with the Israeli firm Vigilant Eye to supply facial recognition software.", [("Vigilant Eye", "Vigilant Eye")]),
    ("Local integrator Sinergia Sistemas installed the surveillance platform.", [("Sinergia Sistemas", "Sinergia Sistemas")]),
    ("Facial recognition cameras made by Hik-vision were found in 70 schools.", [("Hik-vision", "Hikvision")]),
    ("The face recognition system was developed by Cloud walk.", [("Cloud walk", "CloudWalk")]),
    ("Rwanda's contract with Sentinel Grid covers 500 smart city cameras.", [("Sentinel Grid", "Sentinel Grid")]),
    ("In March, Nairobi County awarded the CCTV maintenance contract to Kenya Power.", [("Kenya Power", "Kenya Power")]),
    ("Governor Sanwo-Olu said the CCTV cameras were installed by the state government.", []),
    ("The surveillance cameras were bought from China in 2019.", []),
    ("The World Bank, which financed the CCTV rollout, hired auditors.", []),
    ("Last year Mr Kamau, the chief executive, signed the surveillance contract.", []),
    ("Cameras in Lagos were installed by the Lagos State Government.", []),
    ("The Safe City tender attracted five bids and was won by Digital Shield Technologies Ltd.",
     [("Digital Shield Technologies Ltd.", "Digital Shield")]),
    ("Lusaka's CCTV network will be maintained for ten years by Zambezi Data, a Zambian integrator.", [("Zambezi Data", "Zambezi Data")]),
    ("The interior ministry has hired the Spanish company Sentinel Integra to install 1,200 cameras.", [("Sentinel Integra", "Sentinel Integra")]),
    ("The cameras, made by Hik Vision, were mounted on 300 poles.", [("Hik Vision", "Hikvision")]),
    ("Under the deal, Andes Seguridad will operate the video surveillance centre in La Paz.", [("Andes Seguridad", "Andes Seguridad")]),
    ("Belgrade police confirmed that the facial recognition cameras came from Huawei and its partner Telekom Srbija.",
     [("Huawei", "Huawei"), ("Telekom Srbija", "Telekom Srbija")]),
    ("The surveillance contract was awarded in March to a consortium of Kestrel Systems and Arcturus Networks.",
     [("Kestrel Systems", "Kestrel Systems"), ("Arcturus Networks", "Arcturus Networks")]),
    ("Critics said the CCTV project, supplied by an unnamed Chinese firm, was overpriced.", []),
    ("The ministry said Secretary Obi will inspect the new surveillance cameras in Abuja.", []),
    ("Amnesty International said the facial recognition system violates privacy.", []),
    ("The Ghana Police Service bought 800 CCTV cameras from Huawei in 2012.", [("Huawei", "Huawei")]),
    ("Nairobi's surveillance system is run by Safaricom and its local partner Jamii Telecom.",
     [("Safaricom", "Safaricom"), ("Jamii Telecom", "Jamii Telecom")]),
]


def vendors(result):
    return [(m.text, m.vendor) for m in result.mentions if m.label == "VENDOR"]


@pytest.mark.parametrize("text, expected", DEV_CASES)
def test_vendor_roles_dev(annotate_text, text, expected):
    assert vendors(annotate_text(text)) == expected


@pytest.mark.parametrize("text, expected", HELD_OUT_CASES)
def test_vendor_roles_held_out(annotate_text, text, expected):
    assert vendors(annotate_text(text)) == expected


@pytest.mark.parametrize("text, span, country, source", [
    ("The surveillance system was handed over to Orion Smart, a Singaporean company.", "Orion Smart", "SG", "vendor_role_apposition"),
    ("Kenya signed an agreement with the US computer maker Dellon to run the CCTV operation.", "Dellon", "US", "vendor_role_descriptor"),
    ("The tender for 600 CCTV cameras was won by Acme Vision.", "Acme Vision", None, "vendor_role_won_by"),
    ("Hik vision supplied the surveillance cameras.", "Hik vision", "CN", "vendor_variant"),
    ("Vega Radio Engineering won the tender for traffic cameras. Vega keeps 211 soms.", "Vega", "RU", "vendor_short_form"),
    ("The regulator fined Torvex Retail, S.A. for its cameras. Torvex, a grocer, appealed.", "Torvex", None, "vendor_short_form"),
    ("The nearly $200,000 contract with South Carolina-based Rank One Computing covers facial recognition.", "Rank One Computing", "US",
     "vendor_role_contract_with"),
    ("The police chief noted Vextor already provides license-plate readers and cameras.", "Vextor", None, "vendor_role_subject"),
])
def test_role_vendor_home_and_rule(annotate_text, text, span, country, source):
    found = [(m.country, m.source) for m in annotate_text(text).mentions if m.label == "VENDOR" and m.text == span]
    assert found[-1] == (country, source)


def test_offsets_hold_for_role_vendors(annotate_text):
    text = "Its local partner Zamtel Networks will run the CCTV network. Zamtel keeps the fees."
    result = annotate_text(text)
    assert all(text[m.start:m.end] == m.text for m in result.mentions)
    assert vendors(result) == [("Zamtel Networks", "Zamtel Networks"), ("Zamtel", "Zamtel Networks")]


@given(st.text(max_size=40))
def test_name_key_and_variants_never_raise(nlp, written):
    from pipeline.components.vendor_roles import name_key

    recogniser = nlp.get_pipe("vendor_roles")
    assert name_key(name_key(written)) == name_key(written)
    entry = recogniser._variant_entry(written) if written.strip() else None
    assert entry is None or entry.vendor


@pytest.mark.parametrize("written, key", [
    ("Hik vision", "hikvision"), ("HIKVISION", "hikvision"), ("Mega-vii", "megavii"),
    ("ᾶ", "α"),  # found by the fuzz test above: case-folding leaves a combining mark
])
def test_name_key(written, key):
    from pipeline.components.vendor_roles import name_key

    assert name_key(written) == key
