"""The resolver: the one place where candidate mentions are removed or replaced. Recognisers
only propose; each resolver instance applies the named rules its config lists, in order.

Rules (`RULES`): `longest_span` keeps one mention per stretch of text, the longest, then the
label of higher `priority` ("$4.7 million" beats the count "4.7 million", "Kuwait City" the
country "Kuwait", "Shenzhen Infinova Technology Co." the place "Shenzhen"); `state_after_place`
lets a state proposed after a place ("Atlanta, Georgia") replace the country of the same span;
`state_in_us_story` makes "Georgia" the US state in a story about the United States;
`operator_as_buyer` drops a telecom operator named as the buyer ("Ethio Telecom said it has
selected Huawei")."""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.domain import load_domain
from pipeline.mention import Mention, doc_mentions, doc_text
from pipeline.patterns import alternation


def resolve_overlaps(mentions: list[Mention], priority: dict[str, int]) -> list[Mention]:
    """Non-overlapping mentions in text order: longest first, then by label priority."""
    ranked = sorted(mentions, key=lambda m: (m.start - m.end, -priority.get(m.label, 0), m.start))
    starts: list[int] = []  # of the kept mentions, which never overlap, so ends are in order too
    kept: list[Mention] = []
    for mention in ranked:
        if mention.end <= mention.start:
            continue
        at = bisect.bisect_left(starts, mention.end)  # kept[at:] start at or after its end
        if at and kept[at - 1].end > mention.start:
            continue
        starts.insert(at, mention.start)
        kept.insert(at, mention)
    return kept


def state_after_place(mentions: list[Mention], priority: dict[str, int]) -> list[Mention]:
    """A country whose exact span a `place_region` candidate also covers is that state, not
    the country ("Atlanta, Georgia"); every other mention is kept."""
    states = {(m.start, m.end) for m in mentions if m.source == "place_region"}
    return [m for m in mentions if not (m.label == "COUNTRY" and (m.start, m.end) in states)]


def state_in_us_story(mentions: list[Mention], states: dict[str, str]) -> list[Mention]:
    """A country that shares its name with a US state (`countries.yaml: us_state_names`,
    "Georgia") is that state in a document naming the United States or a place in it and
    nothing else of that country ("a school board in Georgia paid $490,000")."""
    shared = [m for m in mentions if m.label == "COUNTRY" and states.get(m.text) == m.country]
    if not shared:
        return mentions
    about_us = any(m.country == "US" for m in mentions if m.label in ("COUNTRY", "PLACE"))
    other = {m.country for m in mentions if m.label in ("COUNTRY", "PLACE") and m not in shared}
    if not about_us:
        return mentions
    states = {id(m) for m in shared if m.country not in other}
    return [replace(m, label="PLACE", country="US", source="place_region", form=None) if id(m) in states else m
            for m in mentions]


class OperatorBuyers:
    """Telecom operators (`vendors.yaml: operators`) are vendors when they run or supply the
    system, not as the buyer: the subject of one of `operator_buyer_verbs` within
    `operator_buyer_window` words after the name, with no passive auxiliary before the verb,
    in a document that names it only so."""

    def __init__(self, vendors: dict):
        self.operators = set(vendors["operators"])
        self.buys = re.compile(
            rf"(?P<gap>(?:,?[ \u00a0]+[\w'’-]+){{0,{int(vendors['operator_buyer_window']) - 1}}}?)"
            rf"[ \u00a0]+{alternation(vendors['operator_buyer_verbs'])}(?![\w-])")
        self.passive_end = re.compile(rf"(?:^|[ \u00a0]){alternation(vendors['operator_passive_words'])}\Z")

    def __call__(self, mentions: list[Mention], text: str) -> list[Mention]:
        """The mentions without the operators named only as buyers; one the document also names
        otherwise (Safaricom running Nairobi's network) keeps every mention."""
        buying = {id(m) for m in mentions if m.label == "VENDOR" and m.vendor in self.operators and self._buying(text, m.end)}
        elsewhere = {m.vendor for m in mentions if m.label == "VENDOR" and m.vendor in self.operators and id(m) not in buying}
        return [m for m in mentions if id(m) not in buying or m.vendor in elsewhere]

    def _buying(self, text: str, end: int) -> bool:
        buys = self.buys.match(text, end)
        return buys is not None and not self.passive_end.search(buys.group("gap"))


RULES: dict[str, Callable] = {
    "longest_span": lambda mentions, settings, text: resolve_overlaps(mentions, settings["priority"]),
    "state_after_place": lambda mentions, settings, text: state_after_place(mentions, settings["priority"]),
    "state_in_us_story": lambda mentions, settings, text: state_in_us_story(mentions, settings["us_state_names"]),
    "operator_as_buyer": lambda mentions, settings, text: settings["operator_buyers"](mentions, text),
}


@Language.factory("claimtrace_resolver",
                  default_config={"rules": ["longest_span"], "priority": {}, "config_dir": None},
                  assigns=["doc._.mentions"], requires=["doc._.mentions"])
def make_resolver(nlp: Language, name: str, rules: list[str], priority: dict[str, int], config_dir: str | None):
    """Apply the named `rules` in order; `priority` ranks labels on equal length."""
    unknown = [rule for rule in rules if rule not in RULES]
    if unknown:
        raise ValueError(f"resolver {name}: unknown rules {unknown}; known: {sorted(RULES)}")
    chosen = [RULES[rule] for rule in rules]
    domain = load_domain(config_dir)
    settings = {"priority": priority, "us_state_names": dict(domain["countries"]["us_state_names"]),
                "operator_buyers": OperatorBuyers(domain["vendors"])}

    def resolve(doc: Doc) -> Doc:
        mentions = doc_mentions(doc)
        for rule in chosen:
            mentions = rule(mentions, settings, doc_text(doc))
        doc._.mentions = mentions
        return doc

    return resolve
