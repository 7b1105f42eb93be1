"""TECHNOLOGY through the whole pipeline: the phrases of `configs/technologies.yaml`, the longest
(most specific) one winning, and the words around a phrase that make it no technology.
Development rows were written with the phrase lists; held-out rows were written apart."""
import pytest

from pipeline.nlp import annotate, build_nlp


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def technologies(nlp, text):
    (annotated,) = annotate(nlp, [(text, None)])
    return [(m.text, m.technology) for m in sorted(annotated.mentions, key=lambda m: m.start)
            if m.label == "TECHNOLOGY"]


DEV = [
    ("Kenya bought 1,800 CCTV cameras.", [("CCTV cameras", "cctv")]),
    ("The facial recognition cameras went up.", [("facial recognition cameras", "facial_recognition")]),
    ("Huawei's Safe City project", [("Safe City", "safe_city")]),
    ("a command and control centre in Accra", [("command and control centre", "command_centre")]),
    ("the disease control center reopened", []),
    ("a drone strike hit the town", []),
    # written as one word, in short, or in full
    ("The SafeCity project", [("SafeCity", "safe_city")]),
    ("Police installed 300 CC cameras.", [("CC cameras", "cctv")]),
    ("It added a command control centre.", [("command control centre", "command_centre")]),
    # databases of faces, tapping of phones, plate readers written short
    ("The police built a facial database of 8 million people.", [("facial database", "facial_recognition")]),
    ("Phone tapping rose.", [("Phone tapping", "interception")]),
    ("The city bought 40 LPR cameras.", [("LPR cameras", "plate_recognition")]),
    ("The real-time crime center (RTCC) uses 40 LPRs.",
     [("real-time crime center", "command_centre"), ("RTCC", "command_centre"), ("LPRs", "plate_recognition")]),
    ("Bangkok installed 300 CCTVs.", [("CCTVs", "cctv")]),
    # inside an organisation's name
    ("The Punjab Safe Cities Authority paid Rs 5 billion.", []),
    ("45 Enterprise Long Term Evolution sites", [("Enterprise Long Term Evolution", "telecom_network")]),
    # a phrase in any case, though the tokenizer splits some words in one case only ("id")
    ("The digital ID system and the national ID card.", [("digital ID", "biometric_id"), ("national ID card", "biometric_id")]),
    ("The police will buy 7,648 BWCs and more bodycams.", [("BWCs", "cctv"), ("bodycams", "cctv")]),
    ("Ghana issued biometric ID cards; Zambia, Biometric NRCs.", [("biometric ID cards", "biometric_id"), ("Biometric NRCs", "biometric_id")]),
    ("Equipment arrives before Eid.", []),
    # passports, dash and in-car cameras, plate detection (round 10's pages)
    ("The firm will supply 800 000 electronic passports.", [("electronic passports", "biometric_id")]),
    ("Police fitted 200 dash-cameras and in-car video.", [("dash-cameras", "cctv"), ("in-car video", "cctv")]),
    ("The C4 uses license plate detection.", [("license plate detection", "plate_recognition")]),
    # Spanish, Portuguese, French and Italian names (round 13's pages)
    ("Instalaron cámaras de videovigilancia y un centro de monitoreo con reconocimiento facial.",
     [("cámaras de videovigilancia", "cctv"), ("centro de monitoreo", "command_centre"), ("reconocimiento facial", "facial_recognition")]),
    ("Le projet de vidéosurveillance et la ciudad segura; 36 telecamere di sorveglianza.",
     [("vidéosurveillance", "cctv"), ("ciudad segura", "safe_city"), ("telecamere di sorveglianza", "cctv")]),
    # border biometrics, smart ID cards, control rooms (round 13's pages)
    ("The airport will buy 21 e-gates with facial verification; the CCTV control room opens.",
     [("e-gates", "biometric_id"), ("facial verification", "biometric_id"), ("CCTV control room", "command_centre")]),
    ("Bangladesh ordered smart national identity cards; the control room of the substation.",
     [("smart national identity cards", "biometric_id")]),
]

HELD_OUT = [
    ("The city bought licence plate readers and body-worn cameras.",
     [("licence plate readers", "plate_recognition"), ("body-worn cameras", "cctv")]),
    ("The eLTE network links the monitoring centres.", [("eLTE network", "telecom_network"), ("monitoring centres", "command_centre")]),
    ("A new cc-tv network and a Safe-City plan.", [("cc-tv", "cctv"), ("Safe-City", "safe_city")]),
]


@pytest.mark.parametrize("text, expected", DEV + HELD_OUT, ids=[row[0][:40] for row in DEV + HELD_OUT])
def test_technologies(nlp, text, expected):
    assert technologies(nlp, text) == expected
