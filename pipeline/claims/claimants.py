"""Who asserts a fact: the claimant phrase of a sentence, as written ("the interior ministry",
"A 2019 audit"), from the attribution patterns of `configs/claims.yaml`."""
from __future__ import annotations

import re

from pipeline.domain import DomainData
from pipeline.patterns import Caseless, alternation


class ClaimantFinder:
    """The claimant patterns, tried in order: sentence-final attribution first, then a
    subject before a relative clause, then any subject before a verb of saying."""

    def __init__(self, domain: DomainData):
        data = domain["claims"]
        boundary = alternation(data["claimant_boundaries"], "i")
        words = rf"[\w’'.-]+(?:\s+[\w’'.()-]+){{0,{int(data['claimant_max_words']) - 1}}}"
        verbs_after = rf"(?<!\ban )(?<!\bthe ){alternation(data['verbs_after_claimant'], 'i')}\b"
        verbs_before = alternation(data["verbs_before_claimant"], "i")
        sentence_end = r"\s*[.!?]?[\"”’]?\s*$"
        sources = alternation(data["claimant_sources"], "i")
        self.patterns = [
            # "In a survey by the newspaper Handelsblatt, three of four forces …"
            re.compile(rf"(?:^|[,;:—–]\s*)in\s+(?P<who>(?:a|an|the|its|their|this)\s+(?:[\w’'-]+\s+){{0,3}}?"
                       rf"{sources}\b[^,;:.]*?)\s*,", re.I),
            # "according to the Auditor General"
            re.compile(rf"\b{alternation(data['prepositions_before_claimant'], 'i')}\s+(?P<who>{words}?)\s*(?:[.,;:!?—–]|$)", re.I),
            # "…, the interior ministry said."
            re.compile(rf"[,;:—–”\"]\s*(?P<who>{words}?)\s+{verbs_after}{sentence_end}", re.I),
            # "…,” says a Nairobi economist.", "…,” said Conor Healy, director of research at IPVM."
            re.compile(rf"(?:[,”\"’]\s*|^){verbs_before}\s+(?P<who>{words}?)(?:,\s|{sentence_end})", re.I),
            # "The Punjab Safe Cities Authority, which runs …, said"
            re.compile(rf"(?:^|[,;:—–(“”\"])\s*(?P<who>{words}?),\s+(?:which|who)\b.*?,\s+{verbs_after}", re.I),
            # "Felix Martin Soto, deputy minister of finance, told …": the name before an apposition
            re.compile(rf"(?:^|[,;:—–(“”\"]|\b{boundary}\b)\s*(?P<who>{words}?),\s+[^,;]{{1,80}}?,\s+{verbs_after}", re.I),
            # "A 2019 audit found that …", "Critics point to …"
            re.compile(rf"(?:^|[,;:—–(“”\"]|\b{boundary}\b)\s*(?P<who>{words}?)\s+{verbs_after}", re.I),
        ]
        self.leading = re.compile(rf"^(?:{boundary})\s+", re.I)
        # every claimant pattern holds one of these words: a sentence without them has none
        self.cue = Caseless(alternation([*data["prepositions_before_claimant"], *data["verbs_after_claimant"],
                                           *data["verbs_before_claimant"]], "i"))
        self.not_claimants = {w.lower() for w in data["not_claimants"]}
        self.not_lone = {w.lower() for w in data["not_lone_claimants"]}
        self.not_endings = {w.lower() for w in data["not_claimant_endings"]}
        self.time_words = {w.lower() for w in data["claimant_time_words"]}
        self.trailing = re.compile(rf"(?:\s+{alternation(data['claimant_trailing_words'], 'i')})+$", re.I)

    def _acceptable(self, who: str) -> bool:
        """Not a pronoun, not starting with a number, not a passive verb's subject, not a time,
        not a lone word of `not_lone_claimants` ("Key highlights include")."""
        words = _words(who)
        return bool(words) and not who[:1].isdigit() and words[0] not in self.not_claimants \
            and words[-1] not in self.not_endings and not set(words) <= self.time_words \
            and not (len(words) == 1 and words[0] in self.not_lone)

    def __call__(self, sentence: str) -> str | None:
        """Who the sentence says asserts its facts, as written ("A 2023 EU report")."""
        text = sentence.strip()
        if not self.cue.search(text):
            return None
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                who = self.leading.sub("", match.group("who").strip(" ,“”\"'").rstrip("."))
                who = self.trailing.sub("", who)
                if self._acceptable(who):
                    return who
        return None


def _words(who: str) -> list[str]:
    return who.lower().split()


def span_of(text: str, sentence: tuple[int, int], phrase: str | None) -> tuple[int, int]:
    """Where a phrase of the sentence lies in the text; (0, 0) when there is none."""
    if not phrase:
        return 0, 0
    start = text.find(phrase, sentence[0], sentence[1])
    return (start, start + len(phrase)) if start >= 0 else (0, 0)
