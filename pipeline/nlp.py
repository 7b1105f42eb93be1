"""Build the spaCy pipeline from `configs/pipeline.cfg` and run documents of any length."""
from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import spacy
from spacy.attrs import IDS, ORTH
from spacy.language import Language
from spacy.tokens import Doc

import pipeline.components  # noqa: F401  (registers the factories)
from pipeline.claims import Claim, attach_claims
from pipeline.claims.deals import Deal
from pipeline.domain import CONFIG_DIR, DomainData, load_domain
from pipeline.mention import Mention, doc_in_names, doc_mentions, doc_text, sentence_bounds
from pipeline.reading import ReadingView, reading_settings, reading_view

DEFAULT_CONFIG = CONFIG_DIR / "pipeline.cfg"


def build_nlp(config_path: str | Path | None = None, config_dir: str | Path | None = None) -> Language:
    """The claimtrace pipeline from a spaCy config file (the bundled one by default)."""
    path = Path(config_path or DEFAULT_CONFIG)
    written = spacy.util.load_config(path, interpolate=False).get("paths", {}).get("configs")
    domain = Path(config_dir or written or path.parent)  # the folder given, else the config's, else its own
    cfg = spacy.util.load_config(path, overrides={"paths.configs": str(domain.resolve())}, interpolate=False)
    with collector_paused():
        nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
    nlp.max_length = max(nlp.max_length, int(cfg["claimtrace"]["max_chunk_chars"]) + 1)
    nlp.meta["claimtrace_max_chunk_chars"] = int(cfg["claimtrace"]["max_chunk_chars"])
    nlp.meta["claimtrace_config_dir"] = str(domain.resolve())
    _abbreviated_signs_as_words(nlp, load_domain(nlp.meta["claimtrace_config_dir"]))
    # The components tokenized their phrase lists while being built, which fills the tokenizer's
    # cache with names: without this the documents' words would find it full.
    nlp.tokenizer._flush_cache()
    nlp.tokenizer.max_cache_size = int(cfg["claimtrace"].get("tokenizer_cache_words", nlp.tokenizer.max_cache_size))
    return nlp


@spacy.registry.callbacks("claimtrace_lexeme_attributes.v1")
def lexeme_attributes(attributes: list[str], infixes: list[str] = ()) -> Callable[[Language], Language]:
    """An `[nlp.after_creation]` callback: spaCy computes only these lexical attributes (names of
    `spacy.attrs`) of each new word, instead of all of them (a fourth of the tokenizer's time);
    the others, such as `like_url` or `shape_`, keep their empty defaults. `infixes`: patterns
    the tokenizer also splits words at ("Corporation(CEIEC)"), set before the components tokenize
    their names."""
    unknown = sorted(set(attributes) - IDS.keys())
    if unknown:
        raise ValueError(f"pipeline.cfg: unknown lexical attribute(s) {', '.join(unknown)} in [nlp.after_creation]")
    kept = {IDS[name] for name in attributes}

    def keep_only(nlp: Language) -> Language:
        nlp.vocab.lex_attr_getters = {attr: get for attr, get in nlp.vocab.lex_attr_getters.items() if attr in kept}
        if infixes:
            nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex([*nlp.Defaults.infixes, *infixes]).finditer
        return nlp

    return keep_only


@contextlib.contextmanager
def collector_paused():
    """No cycle collection while the components are built: they make millions of objects that
    all live as long as the pipeline (the place tables), and collecting finds none to free."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _abbreviated_signs_as_words(nlp: Language, domain: DomainData) -> None:
    """Currency signs written as abbreviations ("Rs.", "KSh.", "Ushs.") are one token each, so
    their full stop never ends a sentence ("estimated at Rs. 800 million")."""
    for sign in domain["currencies"]["signs"]:
        if len(sign) > 2 and sign.endswith(".") and sign[:-1].isalpha():
            nlp.tokenizer.add_special_case(sign, [{ORTH: sign}])


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


@dataclass
class Annotated:
    """One document's mentions (ids m1, m2 ... set), claims and sentence spans, offsets into its
    whole text."""

    mentions: list[Mention]
    claims: list[Claim]
    sentences: list[tuple[int, int]]
    deals: list[Deal]


def annotate(nlp: Language, items: Iterable[tuple[str, str | None]]) -> Iterator[Annotated]:
    """Annotate (text, published) pairs in order. Long texts are processed in parts whose
    mentions are shifted back; claims are attached once per whole document."""
    limit = nlp.meta["claimtrace_max_chunk_chars"]
    domain = load_domain(nlp.meta["claimtrace_config_dir"])
    settings = reading_settings(domain)
    skip = [name for name in nlp.pipe_names if nlp.get_pipe_meta(name).factory == "claimtrace_claims"]

    def docs():
        for original, published in items:
            view = reading_view(original, settings)
            for offset, part in split_text(view.text, limit):
                doc = nlp.make_doc(part)
                doc.user_data["claimtrace_text"] = part  # what doc.text joins back to, at no cost
                doc._.published = published
                yield doc, (offset, view, original)

    parts: list[tuple[Doc, int]] = []
    with nlp.select_pipes(disable=skip):
        for doc, (offset, view, original) in nlp.pipe(docs(), as_tuples=True):
            parts.append((doc, offset))
            published = doc._.published
            if offset + len(doc_text(doc)) < len(view.text):
                continue
            mentions, in_names, sentences = _merge(parts)
            for number, mention in enumerate(mentions, start=1):
                mention.id = f"m{number}"
            attached = attach_claims(view.text, sentences, mentions, domain, in_names, published)
            yield back_to_original(Annotated(mentions, attached.claims, sentences, attached.deals), view, original)
            parts = []


def back_to_original(annotated: Annotated, view: ReadingView, text: str) -> Annotated:
    """Offsets found in a reading view mapped to the original `text` (mentions, sentences,
    claims' and deals' sentences); each mention's text becomes the original slice."""
    if view.is_identity:
        return annotated
    for mention in annotated.mentions:
        mention.start, mention.end = view.span_to_original(mention.start, mention.end)
        mention.text = text[mention.start:mention.end]
    for claim in annotated.claims:
        claim.sentence = view.span_to_original(*claim.sentence)
    for deal in annotated.deals:
        deal.sentences = [view.span_to_original(*sentence) for sentence in deal.sentences]
    annotated.sentences = [view.span_to_original(start, end) for start, end in annotated.sentences]
    return annotated


def _merge(parts: list[tuple[Doc, int]]) -> tuple[list[Mention], list[Mention], list[tuple[int, int]]]:
    """The mentions, countries inside names and sentences of a document's parts, offsets into
    the whole text (each part's own mentions are left as they are)."""
    if len(parts) == 1:
        doc = parts[0][0]
        return doc_mentions(doc), doc_in_names(doc), sentence_bounds(doc)
    mentions, in_names, sentences = [], [], []
    for doc, offset in parts:
        mentions += [replace(m, start=m.start + offset, end=m.end + offset) for m in doc_mentions(doc)]
        in_names += [replace(m, start=m.start + offset, end=m.end + offset) for m in doc_in_names(doc)]
        sentences += [(start + offset, end + offset) for start, end in sentence_bounds(doc)]
    return mentions, in_names, sentences
