"""Who asserts a fact: each claimant pattern of pipeline/claims/claimants.py pinned by a table of
sentences (the forms real reporting takes)."""
import pytest

from pipeline.claims.claimants import ClaimantFinder
from pipeline.domain import default_domain

CLAIMANTS = [
    ("Kenya will spend Sh4.5 billion on cameras, the interior ministry said.", "the interior ministry"),
    ("The system cost $100 million, according to the Auditor General.", "the Auditor General"),
    ("“It will cost $5 million,” says a Nairobi economist.", "a Nairobi economist"),
    ("A leaked audit revealed 30% of cameras malfunctioned.", "A leaked audit"),
    ("Critics point to the same pattern: up to 70 percent went to hardware.", "Critics"),
    ("The Punjab Safe Cities Authority, which runs 8,000 cameras, said it would spend more.",
     "The Punjab Safe Cities Authority"),
    # the name before an apposition
    ("ZTE signed a $28 million deal, Felix Martin Soto, deputy minister of finance, told reporters.",
     "Felix Martin Soto"),
    ("Kania, the state minister for internal affairs, said 1,756 cameras were up.", "Kania"),
    # after a quotation, the name before its apposition
    ("\"They bought capacity for 3,500 cameras,\" said Conor Healy, director of research at IPVM.", "Conor Healy"),
    # "In a survey by …,"
    ("In a survey by the newspaper Handelsblatt, three of four forces said they used the cameras.",
     "a survey by the newspaper Handelsblatt"),
    # "as revealed by …"
    ("Public bodies bought 1,000 Hikvision cameras, as revealed by the magazine Wired.", "the magazine Wired"),
    # none: pronouns, a passive opening, a recipient after "told"
    ("It said the cameras cost $5 million.", None),
    ("Key highlights include revenue of $504 million.", None),  # a lone adjective
    ("Other analysts said the cameras cost $5 million.", "Other analysts"),
    ("Its profit jumped 32.4 per cent, and the payment is only expected in June.", None),
    # a time after the verb of saying is no claimant: the name before its apposition is
    ("The state allocated LE100 million, Amin Rady, chairman of the committee, said on Monday.", "Amin Rady"),
    ("First announced in 2017, the project involves 1,000 cameras.", None),
    ("The cameras cost $5 million.", None),
    ("Huawei is the largest company with a reported $121 billion in revenue.", None),
    # verbs of stressing or pointing out; time and hedging words after the claimant are dropped
    ("The minister highlighted that 4,000 cameras were installed.", "The minister"),
    ("Police underscored that crime fell 20%.", "Police"),
    ("A council spokesperson today said 40 cameras work.", "A council spokesperson"),
    ("The ministry on Friday said it paid $5 million.", "The ministry"),
    ("Thales recently said the system cost $2 million.", "Thales"),
    # a conjunction opening a second clause is no claimant
    ("The state government spent $4 million on cameras, and said that another 150 would be added.", None),
]


@pytest.fixture(scope="module")
def finder():
    return ClaimantFinder(default_domain())


@pytest.mark.parametrize("sentence, claimant", CLAIMANTS)
def test_claimant(finder, sentence, claimant):
    assert finder(sentence) == claimant
