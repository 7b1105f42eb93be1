"""Case-sensitive name gazetteers over spaCy tokens: names in, character spans out."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import numpy as np
from spacy.attrs import IDX, ORTH, SPACY
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string
from spacy.tokens import Doc

from pipeline.mention import doc_text
from pipeline.resources import fold_accents


class Gazetteer:
    """Finds every listed name in a doc (as tokens, so "Kenya's" gives "Kenya")."""

    def __init__(self, nlp: Language, entries: dict[str, object], key: str, fold: bool = False,
                 fold_skip: frozenset[str] | set[str] = frozenset()):
        self.entries, self.fold, self.fold_skip = entries, fold, fold_skip
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        names = sorted(entries)
        self.matcher.add(key, list(nlp.tokenizer.pipe(names)))
        self._by_tokens = {tuple(t.text for t in nlp.tokenizer(name)): name for name in names}

    def find(self, doc: Doc) -> Iterator[tuple[int, int, str, object]]:
        """(start_char, end_char, name, entry) for every match, overlapping ones included; with
        `fold`, in a text with diacritics also the names its words write without them ("Thalès"
        is Thales), but not a part of a longer such name ("América" of "América Móvil"), nor a
        word of `fold_skip` as written ("América", the Americas in Spanish)."""
        found = set(self.matcher(doc))
        if self.fold and _ACCENTED_LETTER.search(doc_text(doc)):
            folded = _folded_doc(doc)
            found |= {(key, start, end, folded) for key, start, end in self.matcher(folded)
                      if doc[start:end].text not in self.fold_skip
                      and not _inside_accented_name(doc, (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), ""))}
        for _, start, end, *written in sorted(found, key=lambda match: match[1:3]):
            words = (written[0] if written else doc)[start:end]
            name = self._by_tokens.get(tuple(t.text for t in words))
            if name is not None:
                span = doc[start:end]
                yield span.start_char, span.end_char, name, self.entries[name]


def longest_first(matches: Iterable[tuple[int, int, str, object]]) -> list[tuple[int, int, str, object]]:
    """Keep the longest of overlapping matches (earliest on ties), in text order."""
    kept: list[tuple[int, int, str, object]] = []
    taken: list[tuple[int, int]] = []
    for match in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if all(match[1] <= s or match[0] >= e for s, e in taken):
            kept.append(match)
            taken.append((match[0], match[1]))
    return sorted(kept, key=lambda m: m[0])


_PLAIN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+)*")


def _words(nlp: Language, special: dict, name: str) -> list[str]:
    """The tokens of a name as the tokenizer gives them; words of letters alone between single
    spaces are split without it (the same tokens, unless a word is a special case such as
    "Cannot", and several times faster over 100,000 names)."""
    if _PLAIN.fullmatch(name):
        words = name.split(" ")
        if not any(word in special for word in words):
            return words
    return [token.text for token in nlp.tokenizer(name)]


class NameIndex:
    """Case-sensitive names as token sequences: the same matches as a `Gazetteer`, but made of
    a dict and arrays of spaCy's string hashes (stable across processes), so it can be built
    once and read back from a cache: each name is keyed by the bytes of its token hashes, which
    load several times faster than tuples of integers. The tokens that may start a name are found
    by one sorted search over the doc's token array; only those are looked at in Python."""

    def __init__(self, nlp: Language, names: Iterable[str]):
        self.names: dict[bytes, str] = {}
        lengths: dict[int, set[int]] = {}  # first token -> the lengths of the names it starts
        hashes, special = nlp.vocab.strings, nlp.tokenizer.rules or {}
        for name in names:
            words = [hashes.add(word) for word in _words(nlp, special, name)]
            if words:
                self.names[np.array(words, dtype="uint64").tobytes()] = name
                lengths.setdefault(words[0], set()).add(len(words))
        self.firsts = np.array(sorted(lengths), dtype="uint64")
        # the lengths each first token starts, longest first, as an index into the few such sets
        sets: dict[tuple[int, ...], int] = {}
        self.lengths_at = np.array([sets.setdefault(tuple(sorted(lengths[first], reverse=True)), len(sets))
                                    for first in self.firsts.tolist()], dtype="uint32")
        self.length_sets = list(sets)

    def find(self, doc: Doc) -> Iterator[tuple[int, int, str]]:
        """(start_char, end_char, name) for every listed name in `doc`, overlapping ones included;
        in a text with diacritics, also the names its words write without them ("Whakatāne",
        listed as "Whakatane"), but not a part of a longer such name ("Vĩnh" of "Vĩnh Tân")."""
        orths = doc.to_array(ORTH)
        if not len(orths) or not len(self.firsts):
            return
        found = list(self._find(doc, orths))
        yield from found
        folded = None if doc_text(doc).isascii() else _folded_orths(doc, orths)
        if folded is not None:  # only when a word has diacritics (curly quotes alone change nothing)
            written = set(found)
            yield from (match for match in self._find(doc, folded)
                        if match not in written and not _inside_accented_name(doc, match))

    def _find(self, doc: Doc, orths: np.ndarray) -> Iterator[tuple[int, int, str]]:
        at_first = np.searchsorted(self.firsts, orths) % len(self.firsts)
        starts = np.flatnonzero(self.firsts[at_first] == orths)  # tokens that start a name
        for at, lengths in zip(starts.tolist(), self.lengths_at[at_first[starts]].tolist(), strict=True):
            for length in self.length_sets[lengths]:
                if at + length > len(orths):
                    continue  # a shorter slice at the end would match a shorter name
                name = self.names.get(orths[at:at + length].tobytes())
                if name is not None:
                    last = doc[at + length - 1]
                    yield doc[at].idx, last.idx + len(last.text), name


_ACCENTED_LETTER = re.compile(r"[^\x00-\x7f\W\d_]")  # a letter outside ASCII


def _accented_tokens(doc: Doc) -> list[int]:
    """The indices of the tokens with a letter outside ASCII (found from the text: most words,
    and curly quotes, need no look)."""
    letters = [match.start() for match in _ACCENTED_LETTER.finditer(doc_text(doc))]
    if not letters:
        return []
    return np.unique(np.searchsorted(doc.to_array(IDX), letters, side="right") - 1).tolist()


def _folded_orths(doc: Doc, orths: np.ndarray) -> np.ndarray | None:
    """The token hashes of `doc` with every word that has diacritics written without them; None
    when no word has any."""
    accented = _accented_tokens(doc)
    if not accented:
        return None
    folded = orths.copy()
    for at in accented:
        folded[at] = hash_string(fold_accents(doc[at].text))
    return folded


def _folded_doc(doc: Doc) -> Doc:
    """`doc` with every word that has diacritics written without them (its words read from the
    token hashes, not from a token object each)."""
    words = [doc.vocab.strings[orth] for orth in doc.to_array(ORTH).tolist()]
    for at in _accented_tokens(doc):
        words[at] = fold_accents(words[at])
    return Doc(doc.vocab, words=words, spaces=doc.to_array(SPACY).astype(bool).tolist())


def _inside_accented_name(doc: Doc, match: tuple[int, int, str]) -> bool:
    """Whether a capitalised word with diacritics stands right before or after a match: the
    match is part of a longer name ("Hoành Bồ", "Vĩnh Tân")."""
    span = doc.char_span(match[0], match[1])
    neighbours = [doc[span.start - 1]] if span is not None and span.start else []
    neighbours += [doc[span.end]] if span is not None and span.end < len(doc) else []
    return any(token.text[:1].isupper() and not token.text.isascii() for token in neighbours)
