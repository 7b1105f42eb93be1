"""TECHNOLOGY: surveillance and security technologies named in the text ("facial recognition
cameras", "CCTV", "Safe City", "command and control centre"), by category from
`configs/technologies.yaml`; the longest phrase wins, so the more specific category does."""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.domain import load_domain
from pipeline.mention import doc_mentions, make_mention
from pipeline.spans import spans_overlap


class TechnologyRecogniser:
    """Finds technology phrases case-insensitively on whole tokens."""

    def __init__(self, nlp: Language, config_dir: str | None):
        data = load_domain(config_dir)["technologies"]
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for category, phrases in data["categories"].items():
            self.matcher.add(category, _cased_patterns(nlp, phrases))
        self.not_before = {w.lower() for w in data["not_before"]}
        self.not_after = {w.lower() for w in data["not_after"]}

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for match_id, start, end in self.matcher(doc):
            if start > 0 and doc[start - 1].lower_ in self.not_before:
                continue
            if end < len(doc) and doc[end].lower_ in self.not_after:
                continue
            found.append((doc[start:end], doc.vocab.strings[match_id]))
        kept: list = []
        for span, category in sorted(found, key=lambda f: (f[0].start - f[0].end, f[0].start)):
            if not any(spans_overlap(span.start, span.end, k.start, k.end) for k, _ in kept):
                kept.append((span, category))
        mentions = doc_mentions(doc)
        for span, category in sorted(kept, key=lambda k: k[0].start):
            mentions.append(make_mention(doc, "TECHNOLOGY", span.start_char, span.end_char, "technology_gazetteer",
                                         technology=category))
        return doc


def _cased_patterns(nlp: Language, phrases: list[str]) -> list[Doc]:
    """The phrases tokenized as written, in capitals and in title case: the tokenizer splits some
    words only in one case ("id" as "i" + "d", not "ID"), so each casing's tokens are matched."""
    patterns, seen = [], set()
    for phrase in sorted(set(phrases)):
        for doc in nlp.tokenizer.pipe([phrase, phrase.upper(), phrase.title()]):
            key = tuple(token.lower_ for token in doc)
            if key not in seen:
                seen.add(key)
                patterns.append(doc)
    return patterns


@Language.factory("claimtrace_technologies", default_config={"config_dir": None},
                  assigns=["doc._.mentions"], requires=["doc.sents"])
def make_technologies(nlp: Language, name: str, config_dir: str | None):
    """The TECHNOLOGY recogniser; `config_dir` overrides the bundled `configs/`."""
    return TechnologyRecogniser(nlp, config_dir)
