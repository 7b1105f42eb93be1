"""Build the spaCy pipeline from `configs/pipeline.cfg` and run documents of any length."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language

import pipeline.components  # noqa: F401  (registers the factories)
from pipeline.components.claims import Claim, ClaimRules
from pipeline.domain import CONFIG_DIR
from pipeline.mention import Mention, doc_text, sentence_bounds

DEFAULT_CONFIG = CONFIG_DIR / "pipeline.cfg"


def build_nlp(config_path: str | Path | None = None, config_dir: str | Path | None = None) -> Language:
    """The claimtrace pipeline from a spaCy config file (the bundled one by default)."""
    path = Path(config_path or DEFAULT_CONFIG)
    domain = Path(config_dir) if config_dir else path.parent
    cfg = spacy.util.load_config(path, overrides={"paths.configs": str(domain.resolve())}, interpolate=False)
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
    nlp.max_length = max(nlp.max_length, int(cfg["claimtrace"]["max_chunk_chars"]) + 1)
    nlp.meta["claimtrace_max_chunk_chars"] = int(cfg["claimtrace"]["max_chunk_chars"])
    nlp.meta["claimtrace_config_dir"] = str(domain.resolve())
    return nlp


def split_text(text: str, limit: int) -> list[tuple[int, str]]:
    """(offset, part) pieces of at most `limit` characters, cut at paragraph breaks, else
    sentence ends, else white space, else anywhere; the pieces join back to `text`."""
    parts, offset = [], 0
    while len(text) - offset > limit:
        window = text[offset:offset + limit]
        cut = None
        for pattern in (r"\n\s*\n", r"\n", r"[.!?][\"”’)]?\s+", r"\s+"):
            matches = list(re.finditer(pattern, window))
            if matches and matches[-1].end() > limit // 4:
                cut = matches[-1].end()
                break
        cut = cut or limit
        parts.append((offset, text[offset:offset + cut]))
        offset += cut
    parts.append((offset, text[offset:]))
    return parts


class Annotated:
    """One document's mentions, claims and sentence spans, offsets into its whole text."""

    def __init__(self, mentions: list[Mention], claims: list[Claim], sentences: list[tuple[int, int]]):
        self.mentions = mentions
        self.claims = claims
        self.sentences = sentences


def annotate(nlp: Language, items: Iterable[tuple[str, str | None]]) -> Iterator[Annotated]:
    """Annotate (text, published) pairs in order; long texts are processed in parts whose
    mentions are shifted back, and their claims are built over the whole text."""
    limit = nlp.meta["claimtrace_max_chunk_chars"]
    rules = None

    def docs():
        for text, published in items:
            for offset, part in split_text(text, limit):
                doc = nlp.make_doc(part)
                doc.user_data["claimtrace_text"] = part  # what doc.text joins back to, at no cost
                doc._.published = published
                yield doc, (offset, len(text), text)

    pending: list = []
    for doc, (offset, total, text) in nlp.pipe(docs(), as_tuples=True):
        pending.append((doc, offset))
        if offset + len(doc_text(doc)) < total:
            continue
        if len(pending) == 1:
            yield Annotated(doc._.mentions or [], doc._.claims or [],
                            sentence_bounds(doc))
        else:
            mentions, in_names, sentences = [], [], []
            for part, part_offset in pending:
                for found, kept in ((part._.mentions or [], mentions), (part.user_data.get("claimtrace_in_names", []), in_names)):
                    for mention in found:
                        mention.start += part_offset
                        mention.end += part_offset
                        kept.append(mention)
                sentences += [(start + part_offset, end + part_offset) for start, end in sentence_bounds(part)]
            rules = rules or ClaimRules(nlp.meta["claimtrace_config_dir"])
            yield Annotated(mentions, rules.build(text, sentences, mentions, in_names), sentences)
        pending = []
