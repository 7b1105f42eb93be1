"""Overlap resolution: of overlapping candidate mentions the longest wins, then the label of
higher priority (so "$4.7 million" beats the count "4.7 million", "2000 cameras" a year)."""
from __future__ import annotations

import bisect

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.mention import Mention, doc_mentions


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


@Language.factory("claimtrace_resolver", default_config={"priority": {}})
def make_resolver(nlp: Language, name: str, priority: dict[str, int]):
    """Keep one mention per stretch of text; `priority` ranks labels on equal length."""

    def resolve(doc: Doc) -> Doc:
        doc._.mentions = resolve_overlaps(doc_mentions(doc), priority)
        return doc

    return resolve
