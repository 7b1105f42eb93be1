"""The resolver: the one place where candidate mentions are removed or replaced. Recognisers
only propose; each resolver instance applies the named rules its config lists, in order.

Rules (`RULES`): `longest_span` keeps one mention per stretch of text, the longest, then the
label of higher `priority` ("$4.7 million" beats the count "4.7 million", "Kuwait City" the
country "Kuwait", "Shenzhen Infinova Technology Co." the place "Shenzhen"); `state_after_place`
lets a state proposed after a place ("Atlanta, Georgia") replace the country of the same span."""
from __future__ import annotations

import bisect
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.mention import Mention, doc_mentions

Rule = Callable[[list[Mention], dict[str, int]], list[Mention]]


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


RULES: dict[str, Rule] = {"longest_span": resolve_overlaps, "state_after_place": state_after_place}


@Language.factory("claimtrace_resolver", default_config={"rules": ["longest_span"], "priority": {}},
                  assigns=["doc._.mentions"], requires=["doc._.mentions"])
def make_resolver(nlp: Language, name: str, rules: list[str], priority: dict[str, int]):
    """Apply the named `rules` in order; `priority` ranks labels on equal length."""
    unknown = [rule for rule in rules if rule not in RULES]
    if unknown:
        raise ValueError(f"resolver {name}: unknown rules {unknown}; known: {sorted(RULES)}")
    chosen = [RULES[rule] for rule in rules]

    def resolve(doc: Doc) -> Doc:
        mentions = doc_mentions(doc)
        for rule in chosen:
            mentions = rule(mentions, priority)
        doc._.mentions = mentions
        return doc

    return resolve
