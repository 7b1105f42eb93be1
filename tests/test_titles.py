"""Titles and datelines of plain-text documents: press-release and page furniture is never the
title, and a dateline further down the first lines is found."""
from __future__ import annotations

import pytest

from pipeline.readers import dateline_date, first_line_title

BODY = "\n\nThe ministry signed the contract for 1,200 cameras on Friday, officials said.\n"
PAGE = "\n".join(["The contract covers the capital and two other cities."] * 12)


@pytest.mark.parametrize("text, title", [
    ("Huawei wins safe city deal in Lusaka" + BODY, "Huawei wins safe city deal in Lusaka"),
    ("# Safe city cameras reach Nairobi" + BODY, "Safe city cameras reach Nairobi"),
    ("# Who pays for Nairobi's cameras?" + BODY, "Who pays for Nairobi's cameras?"),
    ("## A deal at last!" + BODY, "A deal at last!"),
    ("Is the loan worth it?" + BODY, "Is the loan worth it?"),
    ("Is the loan worth it? Officials in the ministry say it is.\nMore text follows here.", None),
    ("The ministry signed the contract on Friday, officials said.\nMore text.", None),
    ("FOR IMMEDIATE RELEASE\n\nZambia and Huawei sign safe city agreement" + BODY,
     "Zambia and Huawei sign safe city agreement"),
    ("NEWS RELEASE\nDahua opens office in Accra" + BODY, "Dahua opens office in Accra"),
    ("Media Advisory\n\nCEIEC to brief reporters on the Quito project" + BODY,
     "CEIEC to brief reporters on the Quito project"),
    ("PRESS RELEASE\n\nEMBARGOED UNTIL 5 May 2023, 00:01 GMT\n\nHikvision cameras for Harare" + BODY,
     "Hikvision cameras for Harare"),
    ("Embargoed for release until Monday\nZTE completes Addis Ababa network" + BODY, "ZTE completes Addis Ababa network"),
    ("Contact: press@example.org\n\nKenya extends its surveillance network" + BODY, "Kenya extends its surveillance network"),
    ("Media contacts:\nJane Doe\n+254 700 000 000\n\nUganda buys 5,000 cameras" + BODY, "Uganda buys 5,000 cameras"),
    ("FOR IMMEDIATE RELEASE\nFor more information: www.example.org\n\nA new command centre for Kampala" + BODY,
     "A new command centre for Kampala"),
    ("Page 1 of 12\n\nSafe cities in Africa: a review" + BODY, "Safe cities in Africa: a review"),
    ("3\n\nThe price of watching" + BODY, "The price of watching"),
    ("- 1 -\nThe price of watching" + BODY, "The price of watching"),
    ("Safe City Review 2023\n\nThe price of watching\n\n" + PAGE + "\n\nSafe City Review 2023\n\n" + PAGE
     + "\n\nSafe City Review 2023\n", "The price of watching"),
    ("Annual report | 1\nThe price of watching\n" + PAGE + "\nAnnual report | 2\n" + PAGE + "\nAnnual report | 3\n",
     "The price of watching"),
    ("\n\n   \nKenya's cameras\r\n\r\nText." , "Kenya's cameras"),
    ("FOR IMMEDIATE RELEASE\n\nACCRA, Ghana, 5 May 2023 /PRNewswire/ -- Huawei said it would build a network.", None),
    ("x" * 151, None),
    ("The government of Zimbabwe signed a contract with a Chinese\nvendor for cameras worth forty million dollars.", None),
    ("Safe City Review 2023\nthe contract with the vendor was signed in\n" + PAGE + "\nSafe City Review 2023\n" + PAGE
     + "\nSafe City Review 2023\n", None),
    ("Huawei wins safe city deal in Lusaka\nLUSAKA, Zambia, May 5, 2023 -- Text.", "Huawei wins safe city deal in Lusaka"),
    ("FOR IMMEDIATE RELEASE\n\n", None),
    ("https://www.example.org/news/item\n\nCameras for Accra" + BODY, "Cameras for Accra"),
])
def test_title(text, title):
    assert first_line_title(text) == title


@pytest.mark.parametrize("text, published", [
    ("KAMPALA, 14 March 2024 — Uganda signed the deal.", "2024-03-14"),
    ("NAIROBI, Kenya, March 14, 2024 (Reuters) - Kenya signed.", "2024-03-14"),
    ("ACCRA, Ghana, 5 May 2023 /PRNewswire/ -- Huawei announced a deal.", "2023-05-05"),
    ("LUSAKA, Zambia, May 5, 2023 /PRNewswire-Xinhua/ -- ZTE said.", "2023-05-05"),
    ("KARACHI, March 3, 2023: The provincial government said.", "2023-03-03"),
    ("KARACHI, 3 March 2023: The provincial government said.", "2023-03-03"),
    ("Published: 3 May 2023\n\nText.", "2023-05-03"),
    ("# Title\n\n*Published: 16 February 2023 · Opinion*\n\nText.", "2023-02-16"),
    ("*Posted by the team — 12 January 2024*\n\nText.", "2024-01-12"),
    ("Tuesday, 5 May 2023\n\nText.", "2023-05-05"),
    ("May 05, 2023 08:00 AM Eastern Daylight Time\n\nNAIROBI, Kenya--(BUSINESS WIRE)--Text.", "2023-05-05"),
    ("FOR IMMEDIATE RELEASE\n\nHeadline of the release\n\nSubheading of the release\n\nContact: a@b.org\n\n"
     "ACCRA, Ghana, 5 May 2023 /PRNewswire/ -- Text.", "2023-05-05"),
    ("\n".join(f"Line {n} of the preamble" for n in range(1, 9)) + "\nKAMPALA, 14 March 2024 — Text.", "2024-03-14"),
    ("\n".join(f"Line {n} of the preamble" for n in range(1, 13)) + "\nKAMPALA, 14 March 2024 — Text.", None),
    ("KARACHI: The provincial government said on Friday it would buy cameras.", None),
    ("KARACHI, March 3: The provincial government said.", None),
    ("The ministry signed the contract on Friday.", None),
    ("Kenya - Uganda - Tanzania\n\nText.", None),
    # a place's or an agency's line ending at its date; abbreviated weekdays; day-month-year with dashes
    ("Brussels, 30 November 2020\n\nWORKING PAPER\n\nText.", "2020-11-30"),
    ("Headline of the story\nXinhua, March 3, 2023\n\nText.", "2023-03-03"),
    ("Fri, Mar 15, 2024\n\nText.", "2024-03-15"),
    ("25-Apr-2012 Intellasia\n\nText.", "2012-04-25"),
    ("Kenya signed the deal on March 3, 2023\n\nText.", None),
])
def test_dateline(text, published):
    assert dateline_date(text) == published
