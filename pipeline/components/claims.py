"""The claims component: a thin spaCy wrapper over `pipeline.claims.attach_claims` for library
users who run the pipeline on a Doc (`claimtrace run` attaches claims once per whole document
in `pipeline.nlp.annotate` instead)."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.claims import attach_claims
from pipeline.domain import load_domain
from pipeline.mention import doc_in_names, doc_mentions, doc_text, sentence_bounds


@Language.factory("claimtrace_claims", default_config={"config_dir": None},
                  assigns=["doc._.claims", "doc._.deals"], requires=["doc._.mentions", "doc._.in_names"])
def make_claims(nlp: Language, name: str, config_dir: str | None):
    """Sets `doc._.claims` (one Claim per MONEY, PERCENT and QUANTITY mention) and `doc._.deals`."""
    domain = load_domain(config_dir)

    def attach(doc: Doc) -> Doc:
        attached = attach_claims(doc_text(doc), sentence_bounds(doc), doc_mentions(doc), domain, doc_in_names(doc),
                                  doc._.published)
        doc._.claims, doc._.deals = attached.claims, attached.deals
        return doc

    return attach
