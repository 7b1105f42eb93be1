"""Sentence boundaries at line breaks: a heading or a paragraph never runs into the next."""
from spacy.language import Language
from spacy.tokens import Doc


@Language.component("claimtrace_line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence at the first token after any token holding a newline."""
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
