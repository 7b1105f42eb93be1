"""Deals: each attachment rule pinned with one-sentence and one-paragraph cases (the failures
real reporting showed), the cross-document merge, and deals across runs in a database."""
import shutil

import pandas as pd
import pytest
import yaml

from pipeline.claims.index import paragraph_starts
from pipeline.deals import MergeRules, merge_deals
from pipeline.domain import CONFIG_DIR
from pipeline.nlp import annotate, build_nlp
from pipeline.tables import read_table
from tests.conftest import SEED, needs_shared


def claims_of(annotate_text, text, published=None):
    result = annotate_text(text, published)
    return {c.mention.text: c for c in result.claims}, result.deals


# (text, fact, country, vendors, has a deal)
ATTACHMENTS = [
    # the vendor named once, then the figures without it
    ("Ghana signed with Huawei in 2018. The contract is worth GH₵1.2 billion and covers 800 cameras.",
     "GH₵1.2 billion", "GH", ["Huawei"], True),
    ("Ghana signed with Huawei in 2018. The contract is worth GH₵1.2 billion and covers 800 cameras.",
     "800", "GH", ["Huawei"], True),
    ("The tender was won by Hikvision.\n\nKenya will pay $40 million over five years for 2,000 cameras in Nairobi.",
     "2,000", "KE", ["Hikvision"], True),
    # a lender's country is never the fact's
    ("Laos paid for the 1,000 cameras with a credit line from Beijing.", "1,000", "LA", [], True),
    ("Ethiopia took a 20-year loan from China's Exim Bank at 2 percent for the Hikvision system.",
     "2 percent", "ET", ["Hikvision"], True),
    ("Zambia signed a $210 million loan from China for the Huawei cameras.", "$210 million", "ZM", ["Huawei"], True),
    # suppliers listed beside the buyer
    ("Huawei built the network. The main suppliers of security equipment to Ghana were China, Israel and the "
     "United States, which sold 300 systems.", "300", "GH", ["Huawei"], True),
    # a country after "from" ending a borrowing or buying phrase
    ("Bolivia borrowed $105 million from China for its 1,800 cameras.", "1,800", "BO", [], True),
    ("Kenya bought 300 drones from Israel last year.", "300", "KE", [], True),
    # a donor's or lender's country
    ("China officially handed over 26 motorcycles to the Sri Lanka Police Department.", "26", "LK", [], True),
    ("Officials from China's Ministry of Public Security handed over 120 surveillance cameras to the police in Phnom Penh.",
     "120", "KH", [], True),  # a donor's own ministry between it and its role
    ("Kenyan police to receive 212 vehicles from China worth Sh500 million.", "Sh500 million", "KE", [], True),
    # where an official travels is not the buyer
    ("During the visit of the Uzbek president to China, the firm agreed to build a $200 million surveillance system.",
     "$200 million", "UZ", [], True),
    # a body "of" its country owns it, as a possessive does: the buyer, not a venue or a lender after it
    ("The National Police of Angola on Tuesday in Seoul, South Korea, signed a $120 million CCTV camera contract.",
     "$120 million", "AO", [], True),
    ("The Government of Guyana signed with the People's Republic of China a US$36 million loan for CCTV cameras.",
     "US$36 million", "GY", [], True),
    # a country inside a configured financier's name is its home, never the buyer
    ("Nigeria's digital ID project got more funding.\n\nIts $430 million funding includes contributions from the "
     "French Development Agency (AFD, $100 million).", "$100 million", "NG", [], False),
    ("The Chinese Government committed $20 million in grant funding to Djibouti for the CCTV cameras.",
     "$20 million", "DJ", [], True),
    # a town of a supplier's home after a buyer's body is a domestic buyer's
    ("Hikvision signed 1.9 billion yuan of CCTV contracts with the police in Xinjiang.", "1.9 billion yuan", "CN",
     ["Hikvision"], True),
    # a document naming no country tells it by its national body
    ("The Garda will spend EUR 10 million on 2,000 body cameras.", "2,000", "IE", [], True),
    ("ICE awarded Palantir a $30 million contract for its case system.", "$30 million", "US", ["Palantir"], True),
    # a leader's administration is no vendor
    ("The 12,000 cameras were installed by the Duterte administration in Manila.", "12,000", "PH", [], True),
    # a currency abbreviation ends no sentence, so the claimant at its end holds for the amount
    ("Meanwhile, another project, estimated at Rs. 800 million, would install CCTV cameras in Colombo, the Police said.",
     "Rs. 800 million", "LK", [], True),
    # a place after a researcher's institute, and suppliers' countries after "came from"
    ("Researchers at a British institute in Brighton found that Kenya paid $5 million for cameras.", "$5 million", "KE", [], True),
    ("Ghana bought 800 cameras.\n\nA review of 2,400 contracts found the suppliers came mainly from China, the "
     "United States and the United Kingdom.", "2,400", "GH", [], True),
    # a researcher's country
    ("Uganda installed 5,000 cameras. University of Texas researchers found that 40% of them were offline.",
     "40%", "UG", [], True),
    ("Kenya bought 900 cameras. Researchers at a US university found 12% of them broken.", "12%", "KE", [], True),
    # a country introducing its vendor is not carried to the next sentence
    ("Laos opened a police command centre in Vientiane, built by China's Huawei. It cost 323 billion kip.",
     "323 billion kip", "LA", ["Huawei"], True),
    # a vendor's origin
    ("Kenya rolled out 1,800 Chinese-made cameras in 2021.", "1,800", "KE", [], True),
    # a loan for a public-security network is a deal though no vendor or technology is named
    ("Ghana signed a $199 million buyer's credit for the second phase of its Security Communications Network.",
     "$199 million", "GH", [], True),
    # a donor's country, its donation's and its technicians' are not the fact's
    ("This is a donation from the Chinese Ministry of Public Security of $3 million for cameras in Phnom Penh.",
     "$3 million", "KH", [], True),
    ("Chinese technicians put up 200 cameras in Phnom Penh.", "200", "KH", [], True),
    # a vendor's revenue in a whole region is of no deal ("in all of the Americas")
    ("Bolivia bought 1,800 cameras.\n\nAxis did less than $400 million in all of the Americas in 2015.",
     "$400 million", None, ["Axis"], False),
    # a news agency's country is an outside claimant's
    ("The Portuguese news agency Lusa reported that CEIEC was supplying the Angolan police with 45 centres.",
     "45", "AO", ["CEIEC"], True),
    # countries whose example the buyer follows
    ("Peru's interior ministry will follow similar moves by the United States and remove 400 Hikvision cameras.",
     "400", "PE", ["Hikvision"], True),
    # a fact several countries share, and one no country owns
    ("Kenya, Uganda and Zambia have together borrowed $500 million for cameras.", "$500 million", None, [], False),
    ("Hikvision holds a world market share of around 26%.", "26%", None, ["Hikvision"], False),
    ("Huawei employs about 197,000 people worldwide.", "197,000", None, ["Huawei"], False),
    # a clause counting countries is a vendor's footprint; a survey's own counts and a funding round no deal's
    ("Kenya bought Huawei's Safe City.\n\nHuawei has deployed it in 100 cities in close to 30 countries.",
     "100", None, ["Huawei"], False),
    ("Hikvision sold cameras to UK councils.\n\nWe sent FOI requests to all 32 London borough councils.",
     "32", "GB", [], False),
    ("Zimbabwe hired CloudWalk for its cameras.\n\nCloudWalk raised $75 million in a funding round last year.",
     "$75 million", None, ["CloudWalk"], False),
    # no country in the sentence: the paragraph's deal
    ("Angola opened its security centre with CEIEC in 2019. It cost $100 million, and 700 cameras feed it.",
     "700", "AO", ["CEIEC"], True),
    # the deal in focus carries over one paragraph break (a list after its lead is one paragraph)
    ("Italian offices bought 2,430 cameras made by Hikvision.\n\nThe tax office alone accounts for 306 of the cameras.",
     "306", "IT", ["Hikvision"], True),
    ("Italian offices bought cameras made by Hikvision. The records list what was bought:\n\n"
     "Tax office: 176 cameras\nProsecutor: 9 cameras", "9", "IT", ["Hikvision"], True),
    # ... but not over two
    ("Italian offices bought 2,430 cameras made by Hikvision; German offices bought 85.\n\nCritics spoke.\n\n"
     "One office has 306 of the cameras.", "306", None, [], False),
    # a conversion's currency is the reader's, not the buyer's, unless the story is about its country
    ("Batam, Indonesia, will install 36 cameras.\n\nThe mayor spoke.\n\nThe project cost Rp 8 billion (roughly SGD 712,872).",
     "SGD 712,872", "ID", [], True),
    ("Kampala will install cameras from Huawei.\n\nIt will pay Sh460 billion (about £95 million).",
     "£95 million", "UG", ["Huawei"], True),
    # a figure after a list of three countries or more is of none, unless one owns it
    ("The governments of Kenya, Uganda, Zambia and Zimbabwe spend $1 billion a year on surveillance cameras.",
     "$1 billion", None, [], False),
    ("Djibouti's arrears, including arrears to China, Belgium and Spain, stood at $107 million.", "$107 million", "DJ", [], False),
    # an event's venue and the far side of a border are no buyers
    ("At an expo in Dubai, Huawei signed a deal with the Kenya Police Service for 500 cameras.", "500", "KE", ["Huawei"], True),
    ("Thailand will buy 500 Hikvision cameras for checkpoints on the borders with Myanmar and Laos.", "500", "TH", ["Hikvision"], True),
    # a sentence naming a project or contract is of a deal in a document naming a technology
    ("Colombo police will add CCTV cameras across the city.\n\nThe Rs. 9 million project is to be completed by December.",
     "Rs. 9 million", "LK", [], True),
    # ... but not a count there ("1 million Uighurs arrested" beside "the project")
    ("Jujuy bought ZTE cameras for its CCTV network.\n\nIn Xinjiang, under the same kind of project, 1 million Uighurs were arrested.",
     "1 million", "CN", [], False),
    # a known vendor's home the page is about is the buyer ("French start-up Wintics" in Paris)
    ("French start-up Wintics won a public contract in Paris. It connects 200 traffic cameras there.\n\n"
     "Its software was also tried at the 2022 Qatar World Cup.",
     "200", "FR", ["Wintics"], True),
    # a headline's capitalised count is a statistic all the same
    ("16 Suspects Arrested\n\nSri Lanka received CCTV cameras donated by Hikvision.", "16", "LK", [], False),
    # a whole body's budget is of no deal
    ("Saskatoon bought cameras from Axon.\n\nThe police budget is $120 million this year.", "$120 million", "CA", [], False),
    # a giver of money or equipment to another country is no buyer
    ("Japan gave $2 million to Samoa for 30 cameras.", "$2 million", "WS", [], True),
    # a vendor's origin past describing words is no buyer (round 12)
    ("Penang cameras use technology from an American multinational information technology company.\n\n"
     "The council bought 767 cameras for the city.", "767", None, [], False),
    # a donor building another's system; bidders that "also vied for" the contract (round 12)
    ("The UK helps build 75 border watchtowers for the Lebanese army.", "75", "LB", [], True),
    ("France's Thales and US group Raytheon had also vied for the Saudi border contract won by EADS for 8.5 billion riyals.",
     "8.5 billion riyals", "SA", ["EADS"], True),
    # a lender's offer to another country (round 12)
    ("South Korea will offer US$170 million in loans to India to build a CCTV network.", "US$170 million", "IN", [], True),
    ("Japan provided a grant of 500 million yen to Niger for police radios and CCTV.", "500 million yen", "NE", [], True),
    # a region of several countries
    ("Pakistan bought 2,000 Hikvision cameras. A 2023 EU report found that 68% of cameras in Europe were weak.",
     "68%", None, [], False),
    ("Kenya bought 900 cameras from Huawei. African governments spend more than $1 billion a year on them.",
     "$1 billion", None, [], False),
    # ... but a region's demonym before "country" or "nation" names the story's one country
    ("Tbilisi police use NEC and Hikvision equipment in a network of 4,300 cameras across the Central Asian country.",
     "4,300", "GE", ["NEC", "Hikvision"], True),
    ("Trinidad bought cameras from Huawei. The Caribbean nation paid TT$80 million for 2,500 of them.",
     "TT$80 million", "TT", ["Huawei"], True),
    # ... and a sentence describing the story's country without naming it is about it
    ("Papua New Guinea signed a cable deal with Huawei for Port Moresby and Lae. Australia and Japan were worried "
     "when Huawei won a $50 million tender in the South Pacific nation.", "$50 million", "PG", ["Huawei"], True),
    # a ban's word describing the vendor after a determiner is no ban in this sentence
    ("Georgia bought 300 cameras for Tbilisi from the sanctioned Russian company Papillon for $2 million.",
     "$2 million", "GE", ["Papillon"], True),
    # a region where a place ranks is not what the fact is about
    ("With over 7,000 cameras, Buenos Aires, Argentina is one of the most watched cities in South America.",
     "7,000", "AR", [], True),
    # the dead are no deal's figure
    ("Urumqi put up 17,000 cameras. The riot before had left almost 200 people dead.", "200", "CN", [], False),
    # a country money is taken from is the lender
    ("The CCTV project, for which Nigeria took $399.5m from China, has paid $76.83m of interest.", "$76.83m", "NG", [], True),
    # a former colonial power is no buyer
    ("Zambia, a former British colony, is spending $1 billion on CCTV cameras from Huawei.", "$1 billion", "ZM", ["Huawei"], True),
    # a vendor only in talks to supply is no party to the deal
    ("Qatar will watch fans with 15,000 cameras. The Russian firm NtechLab was in negotiations to supply face recognition.",
     "15,000", "QA", [], True),
    # a market's size is no deal's
    ("Hikvision sold 300 cameras to Kenya. The African video surveillance market was worth $2 billion in 2022.",
     "$2 billion", None, [], False),
    # a regional development bank's demonym is no buyer's country
    ("The Central American Bank for Economic Integration lent 109 million euros for the San Salvador police cameras.",
     "109 million euros", "SV", [], True),
    # a vendor's worldwide business: the company the paragraph describes, and no country carried
    ("About Huawei\n\nHuawei is a Chinese provider of telecoms gear. It employs some 197,000 people.",
     "197,000", None, ["Huawei"], False),
    # a market's figure of no deal takes its paragraph's country; a world market's none
    ("China's video surveillance market is huge. The market is expected to reach US$20.1 billion in 2023.",
     "US$20.1 billion", "CN", [], False),
    ("Kenya bought cameras. The global market is expected to reach US$20.1 billion in 2023.",
     "US$20.1 billion", None, [], False),
    ("Axis, a Swedish camera maker, booked less than $400 million of sales in the region in 2015.",
     "$400 million", None, ["Axis"], False),
    # the claimant's country counts when it is the buyer of a deal told before
    ("Kazakhstan bought cameras from Hikvision.\n\nUzbekistan signed a $30 million deal with Huawei.\n\n"
     "Kazakh officials said the cameras helped solve 1,100 crimes.", "1,100", "KZ", ["Hikvision"], True),
    ("Kenya bought 900 cameras from Huawei. A U.S. filing says 40% of them failed.", "40%", "KE", ["Huawei"], True),
    # ... and a buyer's own claimant speaks for its country
    ("Italy bought Dahua cameras.\n\nBerlin's transport company BVG confirmed that 85 Hikvision cameras watch "
     "its trains.", "85", "DE", ["Hikvision"], True),
    # a count of companies is about no country
    ("Italian offices bought 2,430 cameras made by Hikvision and Dahua, the two Chinese companies.",
     "two", None, ["Hikvision", "Dahua"], True),
    # a vendor named in a ban is no party to a deal
    ("Ohio's Knox County will replace 200 cameras, since the law bars equipment made by Hikvision and ZTE.",
     "200", "US", [], True),
    # an amount in a national currency is about the country issuing it
    ("The county council will pay KSh 6 billion for the new cameras.", "KSh 6 billion", "KE", [], True),
    # ... not when that is the lender's home
    ("Zambia took a loan of ¥2 billion from China's Exim Bank for cameras.", "¥2 billion", "ZM", [], True),
    # a headline told before the country is named belongs to that country's deal
    ("Parliament approves $104 million loan for CCTV\n\nThe loan follows Uganda's contract with Huawei.",
     "$104 million", "UG", ["Huawei"], True),
    # ... and so does a headline naming its country before the deal is told
    ("Government Will Spend KES 437 Million to Watch You\n\nKenya will install CCTV surveillance worth KES 437 "
     "million across Nairobi's CBD.", "KES 437 Million", "KE", [], True),
    ("Town to Add Traffic Cams in Amman; 33 New Installations Soon\n\nThe Greater Amman Municipality will "
     "install 30 new traffic cameras.", "33", "JO", [], True),
    # a town of the supplier's home after "in", in a sentence naming no vendor, is where its fact
    # happens, of no deal ("signed in Beijing" is a venue and stays out)
    ("Kenya bought Huawei cameras for Mombasa. In Shenzhen there are about two million cameras, Liu said.",
     "two million", "CN", [], False),
    ("Uzbekistan signed a $1 billion package with Huawei in Beijing for cameras.", "$1 billion", "UZ", ["Huawei"], True),
    # ", while" opens a clause of its own: each amount takes the vendor of its clause
    ("Edinburgh awarded the CCTV contract to North SV at £2.1 million, while Hikvision won the £400,000 camera contract.",
     "£400,000", "GB", ["Hikvision"], True),
    # a figure of the world or a continent, in a sentence naming no country, is of none and of no deal
    ("Kenya bought 1,800 Huawei cameras.\n\nHuawei reportedly built up to 70% of the continent’s 4G networks.",
     "70%", None, ["Huawei"], False),
    # a vendor denying its part is no party to the deal
    ("Thai police set up 23,000 cameras in Bangkok. Huawei, whose unit built 5G masts, is not named as a "
     "supplier of the system.", "23,000", "TH", [], True),
    # a currency's fall is no deal's
    ("Argentina signed a $28 million deal with ZTE. The peso lost almost half of its value against the dollar.",
     "half", None, [], False),
    # a supplier's home named as such stays foreign even where the text names a place in it
    ("Ecuador's president visited a centre of the Chinese tech giant Huawei in Beijing. The ECU 911 system "
     "cost about $240 million.", "$240 million", "EC", ["Huawei"], True),
    # a vendor's business across the globe, and a region's possession
    ("Huawei is the largest telecoms company. It has built its Safe City system in 700 cities across the globe.",
     "700", None, ["Huawei"], False),
    ("Huawei dominates telecoms. It is building 70 percent of Africa's 4G infrastructure.",
     "70 percent", None, ["Huawei"], False),
    # a retail price and a share of exports to a region are of no deal
    ("Ecuador bought Hikvision cameras. A single Hikvision dome camera retails for about $300.",
     "$300", None, ["Hikvision"], False),
    ("Huawei signed deals in Bolivia. About 78% of its exports go to Southeast Asia.", "78%", None, [], False),
    # an accuser is no buyer
    ("Since 2012 the U.S. has accused Huawei of spying. Kenya bought 1,800 Huawei cameras.", "1,800", "KE",
     ["Huawei"], True),
    # a vendor excluded from a tender is no party to it
    ("The Czech tax authority excluded Huawei from a 20 million-euro tender.", "20 million-euro", "CZ", [], False),
    # a rival in the tender is no party to the deal
    ("Côte d'Ivoire gave the contract to Huawei, ahead of ZTE, for €150 million.", "€150 million", "CI",
     ["Huawei"], True),
    ("Huawei won the Abidjan tender ahead of ZTE and a Beninese firm. The bid was put at €150 million.",
     "€150 million", "CI", ["Huawei"], True),
    ("Huawei bid against ZTE for the Abidjan cameras and won the €150 million contract.", "€150 million", "CI",
     ["Huawei"], True),
    # ... nor a rival named by its role after it, a protester, one won over or overcome
    ("Kenya awarded Motorola a $5 million body camera contract, rejecting Axon, the higher-priced competitor.",
     "$5 million", "KE", ["Motorola Solutions"], True),
    ("Kenya's agency upheld Raytheon's protest of the $145 million contract to Elbit for surveillance towers.",
     "$145 million", "KE", ["Elbit Systems"], True),
    ("Elbit won the $26 million surveillance tower contract over Anduril in Kenya.", "$26 million", "KE", ["Elbit Systems"], True),
    ("Elbit overcame top contractors, including Raytheon and Lockheed, for the $26 million Kenya surveillance contract.",
     "$26 million", "KE", ["Elbit Systems"], True),
    # a scope cue describing a vendor is no market figure
    ("Kolding has 60 cameras from Hikvision, one of the world's largest makers of CCTV, in Denmark.", "60", "DK",
     ["Hikvision"], True),
    # ... "against" only right before the rival
    ("Buenos Aires police photos are cross-referenced against the CONARC database by NtechLab cameras worth $5 million.",
     "$5 million", "AR", ["NtechLab"], True),
    # "than" before a number is a qualifier: the place after it is the fact's, not the far side of a comparison
    ("Kenya bought Huawei cameras.\n\nMore than 8,000 cameras were installed in Lahore by Hikvision.",
     "8,000", "PK", ["Hikvision"], True),
    ("Rwanda paid more than twice what Kenya paid for 100 cameras.", "100", "RW", [], True),
    # a one-country story's facts in paragraphs of their own about the system open its deal
    ("Tashkent is building a Safe City system.\n\nMore than 50,000 surveillance cameras will be installed.",
     "50,000", "UZ", [], True),
    # a crime or population figure the sentence does not attribute to a system is of no deal, but of its country
    ("Kenya signed a deal with Huawei for 1,800 cameras.\n\nMurders fell 10% nationwide last year.",
     "10%", "KE", [], False),
    ("Kenya signed a deal with Huawei for 1,800 cameras.\n\nNairobi has 4.4 million residents.",
     "4.4 million", "KE", [], False),
    ("Bangladesh will put Huawei cameras on the highway.\n\nAt least 25 gangs of robbers work the route.",
     "25", "BD", [], False),
    ("Egypt signed with Honeywell for 2,000 cameras in Cairo.\n\nIn 2014, three tourists were killed in an attack in Sinai.",
     "three", "EG", [], False),
    # a figure of a country's economy or people is of no deal, whatever its clause names, but of its country
    ("Malawi relied on paper records.\n\nUntil 2017, 99 per cent of the population had no ID.", "99 per cent", "MW", [], False),
    ("Uruguay bought 6,000 surveillance cameras from Hikvision.\n\nThey watch towns home to 80% of the population.",
     "80%", "UY", [], False),
    ("Jordan signed a deal with Raytheon for 40 cameras.\n\nThe kingdom hosts about 650,000 refugees.",
     "650,000", "JO", [], False),
    ("Saudi Arabia bought Hikvision cameras for Mecca.\n\nNearly 2 million pilgrims arrive each year.",
     "2 million", "SA", [], False),
    # ... but not a cue capitalised inside a name, nor the people trained for the system
    ("Ethiopia signed a deal with Huawei for an ID system.\n\nThe Window for Host Communities and Refugees gives $5 million.",
     "$5 million", "ET", ["Huawei"], True),
    ("Kenya signed a deal with Huawei for 1,800 cameras.\n\nThe firm trained 200 students to run the centre.",
     "200", "KE", ["Huawei"], True),
    # a rate per head compares places: of no deal, though it counts cameras
    ("Ghana wants more cameras.\n\nA report found London has 73.31 cameras per 1,000 citizens.",
     "73.31", "GB", [], False),
    ("Kenya signed a deal with Huawei for 1,800 cameras.\n\nPolice say crime fell 12% where the cameras work.",
     "12%", "KE", ["Huawei"], True),
    ("Kenya signed a deal with Huawei for 1,800 cameras.\n\nCrime fell 12% within a year of the rollout.",
     "12%", "KE", ["Huawei"], True),
    # a demonym of a local firm's home found by its role is no vendor's origin
    ("Police bought 700 Dahua cameras for Dutch roads. They came from the Noord-Holland company Connection Systems.",
     "700", "NL", ["Dahua"], True),
    # a lender after a loan and its amount is no buyer, nor its abbreviation in brackets
    ("Tanzania will install 6,500 cameras. The project is funded by a loan of $145.2m from the United Arab Emirates (UAE).",
     "$145.2m", "TZ", [], True),
    # a country in a side remark in brackets is not the fact's
    ("Sierra Leone bought voter kits. Smartmatic (which a year ago won a similar bid for Albania) provided 3,800 kits.",
     "3,800", "SL", ["Smartmatic"], True),
    # a country warning about, banning or sanctioning a vendor is no buyer
    ("Argentina signed a deal with ZTE for 1,000 cameras despite US warnings about the firm.",
     "1,000", "AR", ["ZTE"], True),
    # ... a statistic going on from one the sentence before credits to the system is the system's too
    ("Kenya installed 35 Huawei cameras in the district, and thefts fell by half. Burglaries also fell by a third.",
     "a third", "KE", ["Huawei"], True),
    # a vendor naming an event is no party to the deal told at it
    ("Malaysia: at the Huawei Digital Summit, the minister said police will install 2,000 CCTV cameras.",
     "2,000", "MY", [], True),
    # the records or interviews a study read are of no deal
    ("Zambia bought Huawei cameras. A review of more than 2,400 contract records found suppliers from China.",
     "2,400", None, [], False),
    # a country in a vendor's job title is no buyer; "head of sales" speaks of no sales figure
    ("Tanzania signed a Huawei CCTV deal worth $30 million, said Huawei's head of sales in Kenya and Ethiopia.",
     "$30 million", "TZ", ["Huawei"], True),
    # a figure after the line that ends the story (a source line, then other stories' teasers) is of no deal
    ("Veracruz signed a contract with Comtelsat for 6,316 CCTV cameras.\n\nOnly 34% of them work, the secretary said.\n\n"
     "More cameras were promised.\n\nSource: Milenio\n\nThe resort drew 1.4 million visitors last year.",
     "1.4 million", None, [], False),
    # a teaser line before the story's end is of no deal, and the story goes on after it
    ("Gujranwala released Rs360 million for the Safe City project, and 1,900 cameras will be installed.\n"
     "Read more: Safe City project in Lahore still a distant dream\n"
     "The Chief Minister fixed a budget of Rs360 million to complete the stalled Safe City project, whose building "
     "department will finish the work, while WAPDA completes the electrical work and the authority the technical work.",
     "Rs360 million", "PK", [], True),
    ("Kenya paid Safaricom for the CCTV system.\n\nALSO READ: Safaricom to book Sh9.2bn for police security system",
     "Sh9.2bn", None, [], False),
    ("Medan will install 20,000 cameras from Hikvision.\n\nRelated news: 60 thousand cctv cameras installed in Jakarta\n\n"
     "The mayor said the cameras cost Rp 5 billion.", "60 thousand", None, [], False),
    # a teaser carrying its own headline in the second half is no end of the story
    ("Toronto police began wearing body cameras last week.\n\nRead more: Police to get body cameras and licences\n\n"
     "The force signed a five-year deal with Axon for $34 million.\n\nCoxon says the cameras help.",
     "$34 million", "CA", ["Axon"], True),
    # a vendor's own profit and a place's visitors are of no deal
    ("Kenya paid Safaricom Sh7.5 billion for the police CCTV system. Its half-year profit to September "
     "jumped 32.4 per cent to Sh23.9 billion.", "Sh23.9 billion", None, ["Safaricom"], False),
    ("Police in Texas use Axon body cameras. Axon reported net income of $41 million.", "$41 million", None, ["Axon"], False),
    ("Hurghada installed 420 surveillance cameras. About 387,000 tourists visited the Red Sea governorate in June.",
     "387,000", "EG", [], False),
    # an election's turnout is a statistic, not a figure of the voter-kit deal
    ("Sierra Leone bought 3,800 biometric kits from Smartmatic. Turnout reached 84 percent in the election.",
     "84 percent", "SL", [], False),
    # a demonym before the equipment it made names an origin, not the buyer
    ("The Chinese helped Nepal Police with a radio system for Kathmandu. The high-tech Chinese radio sets "
     "can take videos. The six districts were not chosen randomly.", "six", "NP", [], True),
    # a demonym of a vendor's alleged links is no buyer
    ("Georgia's interior ministry uses face recognition. It bought the CCTV system from Papillon Systems, "
     "a company with alleged Russian intelligence links, for 85,000 lari.", "85,000 lari", "GE", ["Papillon"], True),
    # lives claimed by violence are of no deal
    ("Mexico City bought 8,000 cameras from Thales. The cartel war has claimed 6,000 lives.",
     "6,000", "MX", [], False),
    # a vendor's home introducing it in a story about another country is not the fact's country
    ("Tajikistan signed a deal for a safe city system in Dushanbe.\n\nThe cameras cover 60 streets.\n\n"
     "China's Huawei installed the $22 million system in 2019.", "$22 million", "TJ", ["Huawei"], True),
    # a donor that installed or paid for the system is no buyer
    ("Nepal Police said the CCTV network was installed by the US Government at a cost of Rs700 million.",
     "Rs700 million", "NP", [], True),
    # countries that each did the same share no single fact
    ("Researchers found that Nigeria, Ghana and Zambia had each put over $350 million into CCTV.",
     "$350 million", None, [], False),
    # a region's figure takes no country named later in its sentence
    ("African governments spend more than $1 billion a year on surveillance, and Nigeria leads them.",
     "$1 billion", None, [], False),
    # round 13: a telecom market's figure, a stake, an audit's recommendations, a council's vote threshold
    ("Fiji bought Huawei cameras for Suva.\n\nThe country has less than 60% internet penetration, the ministry says.",
     "60%", "FJ", [], False),
    ("Auckland bought Clearview's tool.\n\nA judge awarded a 23% equity stake in Clearview to the plaintiffs.",
     "23%", None, ["Clearview AI"], False),
    ("Councils bought 1,100 CCTV cameras in Victoria, Australia.\n\nWe made 11 recommendations to the councils.",
     "11", "AU", [], False),
    # a supplier's home owning its security body is the buyer at home; not when the body gives
    ("Kyrgyzstan bought Huawei's Smart City.\n\nChina's public security ministry launched a pilot to build safe "
     "cities in 22 provinces, with firms such as Huawei and ZTE as suppliers.", "22", "CN", ["Huawei", "ZTE"], True),
    ("Cambodia's camera network was a gift. China's Ministry of Public Security gave 20 million yuan for CCTV in "
     "Phnom Penh.", "20 million yuan", "KH", [], True),
    # a vendor's investors supply nothing
    ("AnyVision, whose cameras Israel's army bought for $5 million, has investors including Microsoft and Bosch.",
     "$5 million", "IL", ["AnyVision"], True),
    ("Israel's army paid $5 million for cameras by AnyVision, in which Microsoft's venture capital arm invested.",
     "$5 million", "IL", ["AnyVision"], True),
    # an origin before a machine is a supplier's home
    ("KATHMANDU: Nepal will print 11 million ID cards using an American printing machine costing Rs 2 billion.",
     "Rs 2 billion", "NP", [], True),
    ("Russian police bought 3,000 cameras from NtechLab for 1 billion rubles.", "1 billion rubles", "RU", ["NtechLab"], True),
    # a lender in French; a country after an investor is no rival ("Chinese investors to invest in Fiji")
    ("Financé par la Chine à hauteur de 87 milliards de Fcfa, Smart Sénégal installe 500 caméras au Sénégal.",
     "87 milliards de Fcfa", "SN", [], True),
    ("Fiji says China is ready to ship half a million US dollars of police equipment to Fiji. It seeks more Chinese "
     "investors to invest in Fiji.", "half a million US dollars", "FJ", [], True),
    # origins a supplier did not use, a region listed among them
    ("Nepal Telecom bought Huawei 4G gear worth Rs 19 billion. Huawei used Chinese-made antennas instead of "
     "equipment from the US, Canada, Europe, Finland, or Australia, costing $5 million.", "$5 million", "NP", ["Huawei"], True),
]


@pytest.mark.parametrize("text, fact, country, vendors, has_deal", ATTACHMENTS)
def test_a_fact_is_tied_to_its_deal(annotate_text, text, fact, country, vendors, has_deal):
    claims, _ = claims_of(annotate_text, text)
    claim = claims[fact]
    assert claim.country == country
    assert claim.vendors == vendors
    assert (claim.deal is not None) is has_deal


@pytest.mark.parametrize("second, deals", [
    # a new vendor in a sentence referring to the deal in focus joins it
    ("The system will link 12,000 cameras to software from SenseTime.", [["Hikvision", "SenseTime"]]),
    # ... one that does not refer to it opens a deal of its own
    ("SenseTime sold 300 licences to the police.", [["Hikvision"], ["SenseTime"]]),
    # a sentence opening with a description of the deal's vendor joins it, even naming the country
    ("The Chinese camera maker teamed up with Kazakhtelecom to link 300 sites in Kazakhstan.",
     [["Hikvision", "Kazakhtelecom"]]),
    # ... but not a description of the new vendor itself
    ("Police also fly 40 drones from the manufacturer of their drones, Chinese company DJI.",
     [["Hikvision"], ["DJI"]]),
])
def test_a_new_vendor_joins_the_deal_it_refers_to(annotate_text, second, deals):
    text = "Kazakhstan will spend 38.6 billion tenge on cameras supplied by Hikvision.\n\n" + second
    _, found = claims_of(annotate_text, text)
    assert [deal.vendors for deal in found] == deals
    assert {deal.country for deal in found} == {"KZ"}


def test_countries_listed_before_a_vendor_each_have_a_deal(annotate_text):
    text = "Ministers from Guinea and Mali described their own Huawei-built systems."
    _, deals = claims_of(annotate_text, text)
    assert sorted((deal.country, tuple(deal.vendors)) for deal in deals) == [("GN", ("Huawei",)), ("ML", ("Huawei",))]


def test_a_separate_deal_is_told_apart(annotate_text):
    text = ("Pakistan's Safe City Islamabad, built by Huawei, runs 1,950 cameras.\n\n"
            "The Punjab authority, which runs a separate network of 8,000 cameras in Lahore, will spend Rs 11.8 "
            "billion. An audit found 2,500 of the Lahore cameras broken.")
    claims, deals = claims_of(annotate_text, text)
    assert [deal.vendors for deal in deals] == [["Huawei"], []]
    assert claims["8,000"].deal is claims["2,500"].deal is deals[1]
    assert claims["1,950"].deal is deals[0]


def test_an_existing_system_is_a_deal_of_its_own(annotate_text):
    text = ("Thai police set up almost 23,000 CCTV cameras in Bangkok for the summit.\n\n"
            "The police already run AI cameras under another scheme, which cut crime by 80% in the zones.")
    claims, deals = claims_of(annotate_text, text)
    assert claims["23,000"].deal is not claims["80%"].deal
    assert {deal.country for deal in deals} == {"TH"}


def test_deals_of_one_programme_are_one_deal(annotate_text):
    text = "CEIEC built ECU 911 in Ecuador for $240 million.\n\nHuawei supplied 4,300 cameras for ECU 911 in 2016."
    claims, deals = claims_of(annotate_text, text)
    assert [deal.vendors for deal in deals] == [["CEIEC", "Huawei"]]
    assert claims["4,300"].deal is claims["$240 million"].deal is deals[0]


def test_a_bare_technology_name_joins_no_deals(annotate_text):
    text = "Huawei built a Safe City in Kenya.\n\nHikvision sold 300 cameras for a Safe City in Kenya."
    _, deals = claims_of(annotate_text, text)
    assert [deal.vendors for deal in deals] == [["Huawei"], ["Hikvision"]]


@pytest.mark.parametrize("text, deals", [
    ("Australia banned Huawei, along with ZTE, from its 5G network. Kenya bought Huawei cameras for $5 million.",
     [("KE", ["Huawei"])]),
    ("More than 70 per cent of councils in the UK use cameras made by Hikvision, months after the government "
     "banned new purchases. They cost £240 million.", [("GB", ["Hikvision"])]),
    ("The United States and the United Kingdom have restricted the sale and use of equipment from Hikvision. "
     "Dahua cameras in Canberra cost $4 million.", [("AU", ["Dahua"])]),
    # a cue right after the vendor; a ban sentence's country is never the deal's
    ("Canberra bought Dahua cameras for $4 million. Dahua has not been allowed to sell to U.S. federal agencies.",
     [("AU", ["Dahua"])]),
    # a ban only planned opens no deal either
    ("Venezuela paid ZTE $70 million for its ID cards. Trump is considering an order to ban ZTE from US networks.",
     [("VE", ["ZTE"])]),
])
def test_a_ban_on_vendors_opens_no_deal(annotate_text, text, deals):
    _, found = claims_of(annotate_text, text)
    assert [(deal.country, deal.vendors) for deal in found] == deals


def test_the_same_amount_told_twice_is_one_deal(annotate_text):
    # a project page: the summary's amount, a record's table, then the narrative telling it again
    text = ("Overview\n\nChinese Government gives CCTV cameras to Ghana's police worth $3 million\n\n"
            "Commitments (Constant USD, 2023)$5,120,400\n\nKey dates\n\nCommitment date\nJan 1, 2005\n\n"
            "Narrative\n\nOn March 2, 2005 the Ghanaian Interior Ministry received a donation from China, valued at "
            "three million US dollars, to boost the capacity of the police. The donation included 300 cameras.\n")
    claims, deals = claims_of(annotate_text, text)
    assert len(deals) == 1 and claims["$3 million"].deal is claims["300"].deal is deals[0]


def test_the_same_amount_of_two_vendors_is_two_deals(annotate_text):
    claims, deals = claims_of(annotate_text, (
        "Huawei won a $5 million contract for cameras in Accra, Ghana.\n\n"
        "Separately, ZTE won a $5 million contract for cameras in Kumasi, Ghana."))
    assert [deal.vendors for deal in deals] == [["Huawei"], ["ZTE"]]


def test_two_deals_in_one_story(annotate_text):
    claims, deals = claims_of(annotate_text, (
        "Kyrgyzstan signed a $60 million deal with Huawei for 70 intersections in Bishkek.\n\n"
        "Tajikistan, for its part, borrowed $20.9 million for a Safe City system in Dushanbe."))
    assert claims["$60 million"].deal is not claims["$20.9 million"].deal
    assert {d.country for d in deals} == {"KG", "TJ"}
    assert claims["$20.9 million"].country == "TJ" and claims["$20.9 million"].vendors == []


# (text, published, fact told first, fact told later, whether they are of separate deals)
EARLIER_INSTALLATIONS = [
    # a sentence dated years before the deal in focus, naming no deal word: an older installation
    ("Mongolia's police opened a command centre in Ulaanbaatar built by ZTE, at a cost of $12 million. "
     "The city first put up 60 CCTV cameras around its main square in 2008.", "2016-05-01", "$12 million", "60", True),
    ("In March 2021 Peru's interior ministry signed with Dahua for 900 cameras in Lima.\n\n"
     "Back in 2014 the capital had set up 150 cameras along its ring road.", None, "900", "150", True),
    # ... the deal's own earlier step, told with a deal word, stays the deal
    ("Ghana hired Huawei for phase two, adding 6,000 cameras in 2019. "
     "A first phase, begun in 2012, put up 800 cameras in Accra.", "2021-11-03", "6,000", "800", False),
    ("Harare's new cameras are run by CloudWalk, which has installed 300 cameras so far. "
     "The original 2015 contract was worth $240 million.", "2024-04-30", "300", "$240 million", False),
    # ... a year already told in the paragraph is no older installation
    ("In 2014 the Bank of China lent Peru $900 million for Lima's cameras, which Dahua installed. "
     "The city counted 1,200 of them by 2018, and as of 2014 it had drawn $400 million.", None,
     "$900 million", "$400 million", False),
    # ... nor a date only a few years back
    ("Kenya's Safe City, built by Huawei, was extended in 2022 to 2,000 cameras. "
     "By 2020 it had 1,800 cameras.", "2023-01-10", "2,000", "1,800", False),
    # ... nor a year starting a span that runs to the present
    ("Kuala Lumpur's police run 10,000 cameras installed by Huawei. "
     "The build-out has cost RM500 million since 2020.", "2026-03-01", "10,000", "RM500 million", False),
]


@pytest.mark.parametrize("text, published, first, later, separate", EARLIER_INSTALLATIONS)
def test_an_older_installation_is_a_deal_of_its_own(annotate_text, text, published, first, later, separate):
    claims, _ = claims_of(annotate_text, text, published)
    assert claims[first].deal is not None and claims[later].deal is not None
    assert (claims[first].deal is not claims[later].deal) is separate


def test_a_vendor_told_years_before_a_vendorless_deal_opens_its_own(annotate_text):
    text = ("Egypt's new capital opened a state command centre on 15 April that runs 14,000 cameras.\n\n"
            "In February 2019 the city's developer signed with Honeywell for a first camera grid of 6,000 cameras.")
    claims, deals = claims_of(annotate_text, text, "2026-04-20")
    assert claims["14,000"].deal is not claims["6,000"].deal
    assert sorted(tuple(deal.vendors) for deal in deals) == [(), ("Honeywell",)]


@pytest.mark.parametrize("text, deals", [
    # vendors after a separate-deal cue open a deal of their own, with the vendor the relative clause speaks of
    ("Kenya will spend Sh4.5 billion on 2,500 cameras in Kisumu. The contract will go to Safaricom, which "
     "already runs 1,800 cameras in Nairobi under a Huawei-built system.", [["Safaricom"], ["Safaricom", "Huawei"]]),
    ("Côte d'Ivoire borrowed $57 million for Huawei's Abidjan cameras. It is not the first network that "
     "Huawei has built in the country: the same lender paid €41.9 million for a fibre backbone.",
     [["Huawei"], ["Huawei"]]),
    # ... with no cue, the vendor joins its deal
    ("Kenya will spend Sh4.5 billion on 2,500 cameras in Kisumu. The contract will go to Safaricom, which "
     "will install them by June.", [["Safaricom"]]),
    # another city's or county's buying body with the same vendor has a deal of its own
    ("The Mesa City Council approved a $2.1 million contract with Axon for body cameras.\n\n"
     "In Scottsdale, the police department signed an $850,000 deal with Axon for 140 cameras.", [["Axon"], ["Axon"]]),
    ("The Mesa City Council approved a $2.1 million contract with Axon for body cameras. "
     "The Mesa police will get 300 Axon cameras.", [["Axon"]]),
])
def test_vendors_after_a_separate_deal_cue(annotate_text, text, deals):
    _, found = claims_of(annotate_text, text)
    assert [deal.vendors for deal in found] == deals


def test_a_late_figure_takes_the_leading_country_but_not_its_deal(annotate_text):
    text = ("Uganda signed a $126 million deal with Huawei for cameras in Kampala.\n\n"
            "Huawei's system is used in 200 cities worldwide, including in China, Pakistan and Russia, and activists "
            "in Kenya, Egypt and Zambia have raised concerns. Uganda's opposition says Uganda cannot afford it.\n\n"
            "Critics point to the crime figures.\n\nKidnappings rose to 202 cases in 2018, police said.")
    claims, _ = claims_of(annotate_text, text)
    assert claims["202"].country == "UG" and claims["202"].deal is None and claims["202"].vendors == []


@pytest.mark.parametrize("text, fact, of_the_deal", [
    # a count or share in a paragraph of another matter joins no deal in focus
    ("Mozambique signed a $100 million ID card deal with Semlex.\n\nThree new deputy ministers were sworn in on Monday.",
     "Three", False),
    ("Bolivia received 500 cameras from China.\n\nWith the donation, 300 more sites will be watched.", "300", True),
    ("Bolivia received 500 cameras from China.\n\nThe city is home to 2 million people.", "2 million", False),
    # ... but an amount still may ("The lease would cost $165,000 a year")
    ("Kenya will lease 60 Flock cameras.\n\nOfficials said the lease would be for three years at $150,000.",
     "$150,000", True),
])
def test_a_fact_in_a_paragraph_of_another_matter(annotate_text, text, fact, of_the_deal):
    claims, _ = claims_of(annotate_text, text)
    assert (claims[fact].deal is not None) == of_the_deal


def test_a_figure_told_before_its_deal_joins_it(annotate_text):
    text = ("In Egypt's new capital, a network of at least 6,000 cameras will watch every street.\n\n"
            "The city will hold 6.5 million residents.\n\nIts surveillance system is developed by Honeywell.")
    claims, deals = claims_of(annotate_text, text)
    assert claims["6,000"].deal is deals[0] and deals[0].vendors == ["Honeywell"]


@pytest.mark.parametrize("text, reported", [
    # a vendor and a country with no fact and no word of a deal report no deal
    ("The newspaper said Huawei technicians had helped the governments of Uganda and Zambia spy on opponents.", []),
    ("Since 2012 the U.S. has accused Huawei of being a tool for spying abroad.", []),
    # a bidder that lost the auction is no party
    ("Kyrgyzstan signed with Vega Radio Engineering for cameras. The participant that lost the auction, "
     "Smart Road LLC, complained about the camera tender.", [("KG", ("Vega Radio Engineering",))]),
    # ... a deal verb, a technology or a deal word does
    ("Ghana signed with Huawei in 2018.", [("GH", ("Huawei",))]),
    ("Huawei installed facial recognition in Kampala.", [("UG", ("Huawei",))]),
    ("Zambia's contract with Huawei is under review.", [("ZM", ("Huawei",))]),
])
def test_a_deal_needs_a_fact_or_a_word_of_a_deal(annotate_text, text, reported):
    _, deals = claims_of(annotate_text, text)
    assert [(deal.country, tuple(deal.vendors)) for deal in deals] == reported


@pytest.mark.parametrize("text, first, second", [
    ("Kenya signed a KSh 6 billion (about US$46 million) contract with Safaricom.", "KSh 6 billion", "US$46 million"),
    ("The bid was estimated at €150 million, or 98.4 billion CFA francs, in Côte d'Ivoire with Huawei.",
     "€150 million", "98.4 billion CFA francs"),
    ("Ghana's $176 million Huawei deal was signed in May.\n\nThe $176 million covers 800 cameras in Accra.",
     "$176 million", "$176 million"),
])
def test_a_repeated_amount_is_the_same_fact(annotate_text, text, first, second):
    result = annotate_text(text)
    money = [c for c in result.claims if c.mention.label == "MONEY"]
    assert [c.mention.text for c in money] == [first, second]
    assert money[1].same_as is money[0] and money[0].same_as is None


def test_the_headline_amount_and_its_usd_conversion(annotate_text):
    from pipeline.claims.deals import DealDescriber
    from pipeline.claims.index import ByPosition
    from pipeline.domain import default_domain

    text = ("Kenya signed a KSh 6 billion (about US$46 million) contract with Safaricom for the Safe City "
            "Nairobi project, financed by China Exim Bank. Maintenance costs $2 million a year.")
    result = annotate_text(text)
    (deal,) = result.deals
    fields = DealDescriber(default_domain()).describe(text, deal, ByPosition(result.mentions), single=True)
    assert (fields.headline.mention.text, fields.value_usd) == ("KSh 6 billion", 46e6)
    assert fields.financiers == ["China Exim Bank"] and fields.programme == "Safe City Nairobi"
    assert "safe_city" in fields.technologies


RULES = MergeRules(("vendors", "programme"), frozenset({"US", "PK"}), frozenset({"safe city"}))


def doc_deal(doc_id, key, country, vendors="", programme=None, places=None):
    return {"doc_id": doc_id, "deal_key": key, "country": country, "vendors": vendors or None,
            "programme": programme, "places": places, "claim_ids": f"{doc_id}:c1"}


@pytest.mark.parametrize("rows, groups", [
    ([doc_deal("a", "d1", "GH", "Huawei|CMEC"), doc_deal("b", "d1", "GH", "CMEC")], [{"a", "b"}]),
    ([doc_deal("a", "d1", "GH", "Huawei"), doc_deal("b", "d1", "CI", "Huawei")], [{"a"}, {"b"}]),
    ([doc_deal("a", "d1", "BO", programme="BOL-110"), doc_deal("b", "d1", "BO", "CEIEC", "BOL-110")], [{"a", "b"}]),
    ([doc_deal("a", "d1", "KG", "Huawei"), doc_deal("a", "d2", "KG", "Huawei|Vega")], [{"a"}, {"a"}]),
    ([doc_deal("a", "d1", "CL"), doc_deal("b", "d1", "CL")], [{"a"}, {"b"}]),
    # one shared vendor does not join deals whose programme names differ; different places do not tell them apart ...
    ([doc_deal("a", "d1", "KE", "Huawei", "Safe City"), doc_deal("b", "d1", "KE", "Huawei", "Konza Data Centre")],
     [{"a"}, {"b"}]),
    ([doc_deal("a", "d1", "KE", "Huawei", "Safe City"), doc_deal("b", "d1", "KE", "Huawei|Safaricom", "Konza Data Centre"),
      doc_deal("c", "d1", "KE", "Huawei")], [{"a", "c"}, {"b"}]),
    ([doc_deal("a", "d1", "GH", "Huawei", places="Accra"), doc_deal("b", "d1", "GH", "Huawei", places="Kumasi")],
     [{"a", "b"}]),
    # ... except where cities buy for themselves (`local_procurement_countries`), unless the vendors are the same
    ([doc_deal("a", "d1", "US", "Flock", places="Cibolo"), doc_deal("b", "d1", "US", "Flock", places="Flower Mound"),
      doc_deal("c", "d1", "US", "Flock")], [{"a", "c"}, {"b"}]),
    ([doc_deal("a", "d1", "US", "Axon|Motorola", places="Carlsbad"), doc_deal("b", "d1", "US", "Axon|Motorola", places="Carson")],
     [{"a", "b"}]),
    # a programme named only by its kind of system is a weak key ("Safe City" in Islamabad and in Karachi)
    ([doc_deal("a", "d1", "PK", "", "Safe City", places="Islamabad"), doc_deal("b", "d1", "PK", "", "Safe City", places="Karachi")],
     [{"a"}, {"b"}]),
    ([doc_deal("a", "d1", "UZ", "Huawei", "Safe City"), doc_deal("b", "d1", "UZ", "", "Safe City")], [{"a", "b"}]),
])
def test_merge_deals_across_documents(rows, groups):
    deals, ids = merge_deals(rows, RULES)
    assert sorted(sorted(d["doc_ids"].split("|")) for d in deals) == sorted(sorted(g) for g in groups)
    assert set(ids) == {(r["doc_id"], r["deal_key"]) for r in rows}
    again, _ = merge_deals(rows, RULES)
    assert [d["deal_id"] for d in again] == [d["deal_id"] for d in deals]  # stable for the same inputs


def test_the_same_vendors_meet_before_one_shared_vendor():
    rows = [doc_deal("a", "d1", "KE", "Safaricom"), doc_deal("a", "d2", "KE", "Safaricom|Huawei"),
            doc_deal("b", "d1", "KE", "Huawei|Safaricom")]
    _, ids = merge_deals(rows, RULES)
    assert ids[("b", "d1")] == ids[("a", "d2")] != ids[("a", "d1")]


GHANA = ("ACCRA, 5 May 2023 — Ghana signed a $176 million contract with Huawei for 800 cameras in Accra.\n")
GHANA_AGAIN = ("KUMASI, 9 June 2023 — Huawei has finished the first 400 cameras of Ghana's safe city project, "
               "officials said.\n")


def test_deals_across_runs_in_a_database(tmp_path):
    from pipeline.cli import main

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "first.txt").write_text(GHANA, encoding="utf-8")
    db = tmp_path / "claims.duckdb"
    assert main(["run", str(inputs), "--out", str(tmp_path / "o1"), "--db", str(db), "--no-progress"]) == 0
    (first,) = read_table(tmp_path / "o1", "deals").itertuples()
    (inputs / "second.txt").write_text(GHANA_AGAIN, encoding="utf-8")
    assert main(["run", str(inputs), "--out", str(tmp_path / "o2"), "--db", str(db), "--no-progress"]) == 0
    assert main(["run", str(inputs), "--out", str(tmp_path / "o3"), "--db", str(db), "--no-progress"]) == 0
    for out in ("o2", "o3"):  # the article about the known deal joins its row; a rerun adds none
        (deal,) = read_table(tmp_path / out, "deals").itertuples()
        assert (deal.deal_id, deal.n_documents, deal.doc_ids) == (first.deal_id, 2, "first|second")
        claims = read_table(tmp_path / out, "claims")
        assert set(claims["deal_id"].dropna()) == {first.deal_id}
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        assert con.sql("SELECT count(*) FROM deals").fetchall()[0][0] == 1
        assert con.sql("SELECT count(DISTINCT deal_id) FROM claims WHERE deal_id IS NOT NULL").fetchall()[0][0] == 1


@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_deals_in_every_format(tmp_path, fmt):
    from pipeline.cli import main

    (tmp_path / "a.txt").write_text(GHANA, encoding="utf-8")
    assert main(["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--format", fmt, "--no-progress"]) == 0
    deals = read_table(tmp_path / "out", "deals")
    assert list(deals["country"]) == ["GH"] and list(deals["vendors"]) == ["Huawei"]
    assert deals["value_usd"].iloc[0] == 176e6 and deals["n_documents"].iloc[0] == 1
    claims = read_table(tmp_path / "out", "claims")
    assert set(claims["deal_id"]) == set(deals["deal_id"])
    assert pd.api.types.is_string_dtype(claims["text"]) and set(claims["text"]) == {"$176 million", "800"}


@needs_shared
def test_seed_deals(annotate_text):
    result = annotate_text(SEED.read_text(encoding="utf-8"))
    by_country = {d.country: d for d in result.deals}
    assert {"PK", "KE", "UG", "ET"} <= set(by_country)
    claims = {c.mention.text: c for c in result.claims}
    assert claims["2%"].deal is by_country["ET"] and by_country["ET"].vendors == ["Hikvision"]
    assert claims["$100 million"].deal is by_country["PK"]
    assert claims["$30 million"].deal is by_country["UG"]


@pytest.mark.parametrize("text, fact, claimant", [
    ("Ghana bought cameras from Huawei. The audit found the following:\n- 40 cameras in Accra\n- 10 cameras in Kumasi",
     "10", "The audit"),
    ("Ghana bought cameras from Huawei. The audit found the following:\n\n40 cameras in Accra\n- 10 cameras in Kumasi",
     "10", "The audit"),
    ("Ghana bought 40 cameras from Huawei.\n\n10 cameras went to Kumasi.", "10", None),
    # a quotation of several sentences has the claimant of the sentence closing it, in its paragraph
    ("“We installed 3,050 cameras last year. The system cut crime by 12%,” said the mayor.", "3,050", "the mayor"),
    ("“We installed 3,050 cameras last year.\n\nThe system cut crime by 12%,” said the mayor.", "3,050", None),
    ("Chinese officers put up more than 200 cameras in Phnom Penh.", "200", None),
])
def test_a_list_line_has_its_lead_claimant(annotate_text, text, fact, claimant):
    claims, _ = claims_of(annotate_text, text)
    assert claims[fact].claimant == claimant


@pytest.mark.parametrize("text", ["Cameras by city:\nAccra\n10 cameras in Kumasi", "40 cameras in Accra\n10 cameras in Kumasi"])
def test_a_count_opening_a_line_after_a_name_is_a_count(annotate_text, text):
    """A name ending the line before is not a code's name ("Section 3"): "$" is not the end there."""
    result = annotate_text(text)
    assert ("QUANTITY", "10") in {(m.label, m.text) for m in result.mentions}


@pytest.mark.parametrize("text, programme", [
    ("Ghana signed with Huawei to extend the Alpha Project to 10,000 cameras.", "Alpha Project"),
    ("Ghana signed with Huawei to extend the Alpha project to 10,000 cameras.", "Alpha"),
    ("Bolivia borrowed $105 million from China for BOL-110 and its 1,800 cameras.", "BOL-110"),
    ("At the Huawei Safe City Summit in Nairobi, Kenya's police said 1,800 cameras were working.", None),
    ("Pakistan's Safe City Islamabad, built by Huawei, runs 1,950 cameras.", "Safe City Islamabad"),
    # the word project is no part of the name
    ("Mauritius signed with Huawei for the Safe City Project and its 4,000 cameras.", "Safe City"),
    # an amount is no name, nor a technology alone
    ("The Philippines approved the PHP20-billion Metro Watch project with Huawei for 12,000 cameras.", "Metro Watch"),
    ("Cameroon signed a CFAF 22 billion loan with Huawei for the CCTV project's 1,200 cameras.", None),
    # a protocol's status, a budget line, an amount's scale letter name no programme
    ("Kenya's police signed a $50 million CCTV contract with Huawei. The API returned HTTP 200 for budget line MTP 03.", None),
    ("USAID funded the $8M Drone Response Program with Huawei cameras in Panama.", "Drone Response Program"),
])
def test_a_deal_programme(annotate_text, text, programme):
    from pipeline.claims.deals import DealDescriber
    from pipeline.claims.index import ByPosition
    from pipeline.domain import default_domain

    result = annotate_text(text)
    (deal,) = result.deals
    fields = DealDescriber(default_domain()).describe(text, deal, ByPosition(result.mentions), single=True)
    assert fields.programme == programme


def test_earlier_deal_years_is_read_from_the_config(tmp_path):
    folder = tmp_path / "configs"
    shutil.copytree(CONFIG_DIR, folder)
    path = folder / "deals.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["earlier_deal_years"] = 20
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    text, published, first, later, _ = EARLIER_INSTALLATIONS[0]
    claims = {c.mention.text: c for c in next(annotate(build_nlp(config_dir=folder), [(text, published)])).claims}
    assert claims[first].deal is claims[later].deal


@pytest.mark.parametrize("text, vendors", [
    # a release's follow-up naming a second vendor joins its deal; a product merely linked to is no party
    ("The county bought 40 Axis cameras for $90,000 in Kenya.\n\nThe rollout also uses Genetec software.", [["Axis", "Genetec"]]),
    ("Savannah bought Fusus for $150,000 for its CCTV network in Georgia, USA.\n\nFusus will link with software such as ShotSpotter.",
     [["Fusus"]]),
])
def test_a_release_follow_up(annotate_text, text, vendors):
    _, found = claims_of(annotate_text, text)
    assert [deal.vendors for deal in found] == vendors


@pytest.mark.parametrize("text, starts", [
    ("Kenya bought cameras.\nUganda bought drones.", [0, 22]),  # no blank lines: one paragraph per line
    ("Kenya bought cameras from Huawei for the\ncapital, officials said.\nUganda bought drones.", [0, 66]),  # a hard-wrapped line
    ("Kenya bought cameras.\n\nUganda bought drones.", [0, 23]),
])
def test_paragraph_starts(text, starts):
    assert paragraph_starts(text) == starts


@pytest.mark.parametrize("text, financiers", [
    ("Tajikistan bought 850 cameras from Huawei with a loan from China's Export-Import Bank.", ["China Exim Bank"]),
    ("The Export and Import Bank of China lent Cambodia $50 million for Huawei's network.", ["China Exim Bank"]),
    ("Laos bought Huawei's network with a loan from China.", ["Chinese government"]),
    ("Zambia bought a $50 million Huawei network financed by Chinese loans.", []),  # a lender the text does not name
])
def test_a_deal_financier(annotate_text, text, financiers):
    from pipeline.claims.deals import DealDescriber
    from pipeline.claims.index import ByPosition
    from pipeline.domain import default_domain

    result = annotate_text(text)
    (deal,) = result.deals
    fields = DealDescriber(default_domain()).describe(text, deal, ByPosition(result.mentions), single=True)
    assert fields.financiers == financiers
