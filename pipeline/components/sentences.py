"""Sentence boundaries from token arrays: spaCy's sentencizer rule (a sentence starts at the
first token after sentence-final punctuation that is not punctuation itself), and a sentence
also starts after any token holding a line break, so a heading or a paragraph never runs into
the next. Whole-array work instead of a Python pass over every token."""
from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDX, IS_PUNCT, LENGTH, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from pipeline.mention import doc_text, set_sentence_bounds

LINE_BREAK = re.compile("\n")


class SentenceSplitter:
    """Sets `Token.is_sent_start` on every token and records the sentences' character spans."""

    def __init__(self, nlp: Language, punct_chars: list[str] | None):
        chars = punct_chars or Sentencizer.default_punct_chars
        # as int64, the type the token arrays are read in (hash bits kept); sorted, for `_is_final`
        self.punct_ids = np.unique(np.array([nlp.vocab.strings.add(c) for c in chars], dtype="uint64").astype("int64"))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tokens = doc.to_array([ORTH, IS_PUNCT, IDX, LENGTH]).astype("int64")
        final = self._is_final(tokens[:, 0])
        plain = np.flatnonzero(~final & (tokens[:, 1] == 0))
        after_final = np.searchsorted(plain, np.flatnonzero(final), side="right")
        starts = {0, *plain[after_final[after_final < len(plain)]].tolist()}
        idx, lengths = tokens[:, 2], tokens[:, 3]
        text = doc_text(doc)
        breaks = np.array([m.start() for m in LINE_BREAK.finditer(text)], dtype="int64")
        holding = np.searchsorted(idx, breaks, side="right") - 1
        starts.update(int(i) + 1 for i in holding if i + 1 < len(doc))
        marks = np.full((len(doc), 1), -1, dtype="int32")
        first = np.array(sorted(starts), dtype="int64")
        marks[first, 0] = 1
        doc.from_array([SENT_START], marks.astype("uint64"))
        last = np.append(first[1:], len(doc)) - 1
        ends = idx[last] + lengths[last]
        set_sentence_bounds(doc, list(zip(idx[first].tolist(), ends.tolist(), strict=True)))
        return doc


    def _is_final(self, orths: np.ndarray) -> np.ndarray:
        """Which tokens are sentence-final punctuation (`np.isin`, by bisection: several times faster)."""
        at = np.minimum(np.searchsorted(self.punct_ids, orths), len(self.punct_ids) - 1)
        return self.punct_ids[at] == orths


@Language.factory("claimtrace_sentences", default_config={"punct_chars": None})
def make_sentences(nlp: Language, name: str, punct_chars: list[str] | None):
    """Sentence boundaries; `punct_chars` defaults to those of spaCy's sentencizer."""
    return SentenceSplitter(nlp, punct_chars)
