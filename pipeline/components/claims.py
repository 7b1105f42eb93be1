"""Claims: each MONEY, PERCENT and QUANTITY mention tied to the country it is about, the
vendors and date of its sentence, and who asserts it, with the mention behind each field.
Rules only, on sentence and paragraph structure, so the blank pipeline does well."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.domain import load_domain
from pipeline.mention import VALUE_LABELS, Mention, doc_mentions, doc_text, sentence_bounds
from pipeline.patterns import alternation


@dataclass
class Claim:
    """One quantitative fact and what it is tied to."""

    mention: Mention
    sentence: tuple[int, int]
    country: str | None = None
    country_mention: Mention | None = None
    vendors: list[str] = field(default_factory=list)
    vendor_mentions: list[Mention] = field(default_factory=list)
    date: str | None = None
    date_mention: Mention | None = None
    claimant: str | None = None


class ClaimRules:
    """The attachment rules of `configs/claims.yaml`, applied to one document's mentions."""

    def __init__(self, config_dir: str | None = None):
        domain = load_domain(config_dir)
        data = domain["claims"]
        self.origin_after = re.compile(rf"^(?:-|\s+)(?:{alternation(data['origin_cues'], 'i')})\b", re.I)
        self.comparison = re.compile(rf"\b{alternation(data['comparison_cues'], 'i')}(?!\w)", re.I)
        self.document_share = float(data["document_country_share"])
        self.units_without_country = set(data["units_without_country"])
        self.clause_separator = re.compile(alternation(data["clause_separators"]))
        self.joint_cue = re.compile(rf"\b{alternation(data['joint_cues'], 'i')}\b", re.I)
        self.financiers = re.compile(alternation(domain["financiers"]["financiers"]))
        boundary = alternation(data["claimant_boundaries"], "i")
        words = rf"[\w’'.-]+(?:\s+[\w’'.()-]+){{0,{int(data['claimant_max_words']) - 1}}}"
        verbs_after = rf"(?<!\ban )(?<!\bthe ){alternation(data['verbs_after_claimant'], 'i')}\b"
        verbs_before = alternation(data["verbs_before_claimant"], "i")
        sentence_end = r"\s*[.!?]?[\"”’]?\s*$"
        self.claimant_patterns = [
            # "according to the Auditor General"
            re.compile(rf"\b{alternation(data['prepositions_before_claimant'], 'i')}\s+(?P<who>{words}?)\s*(?:[.,;:!?—–]|$)", re.I),
            # "…, the interior ministry said."
            re.compile(rf"[,;:—–”\"]\s*(?P<who>{words}?)\s+{verbs_after}{sentence_end}", re.I),
            # "…,” says a Nairobi economist."
            re.compile(rf"(?:[,”\"’]\s*|^){verbs_before}\s+(?P<who>{words}?){sentence_end}", re.I),
            # "The Punjab Safe Cities Authority, which runs …, said"
            re.compile(rf"(?:^|[,;:—–(“”\"])\s*(?P<who>{words}?),\s+(?:which|who)\b.*?,\s+{verbs_after}", re.I),
            # "A 2019 audit found that …", "Critics point to …"
            re.compile(rf"(?:^|[,;:—–(“”\"]|\b{boundary}\b)\s*(?P<who>{words}?)\s+{verbs_after}", re.I),
        ]
        self.leading = re.compile(rf"^(?:{boundary})\s+", re.I)
        # every claimant pattern holds one of these words: a sentence without them has none
        self.claimant_cue = re.compile(alternation([*data["prepositions_before_claimant"], *data["verbs_after_claimant"],
                                                    *data["verbs_before_claimant"]], "i"))
        self.not_claimants = {w.lower() for w in data["not_claimants"]}

    def build(self, text: str, sentences: list[tuple[int, int]], mentions: list[Mention],
              in_names: list[Mention] = ()) -> list[Claim]:
        """A claim for every value mention, in text order. `in_names`: countries named inside
        organisations' names, which are not mentions but may tell a borrower's country."""
        places = [m for m in mentions if m.label in ("COUNTRY", "PLACE") and m.country]
        vendors = [m for m in mentions if m.label == "VENDOR"]
        dates = [m for m in mentions if m.label == "DATE" and m.date and not m.date.startswith("P")]
        home = {m.country for m in vendors if m.country}
        places = [m for m in places if not self._is_origin(text, m, home)]
        paragraphs = _paragraph_starts(text)
        starts = [s for s, _ in sentences]
        carried = [m for m in places if not self._compared(text, m, sentences, starts)]
        dominant = self._dominant_country(carried)
        # a country inside a name tells the fact's country only for a borrower: not inside a
        # financier's or a vendor's name, nor a vendor's home ("China Civil Engineering Corporation")
        owners = [m.span() for m in self.financiers.finditer(text)] + [(m.start, m.end) for m in vendors]
        borrowers = [m for m in in_names if m.role != "financier" and m.country not in home
                     and not any(s <= m.start < e for s, e in owners)]
        claims = []
        claimants: dict[tuple[int, int], str | None] = {}  # one look per sentence
        for mention in (m for m in mentions if m.label in VALUE_LABELS):
            index = max(bisect.bisect_right(starts, mention.start) - 1, 0)
            sentence = sentences[index] if sentences else (0, len(text))
            claim = Claim(mention=mention, sentence=sentence)
            if sentence not in claimants:
                claimants[sentence] = self.claimant(text[sentence[0]:sentence[1]])
            claim.claimant = claimants[sentence]
            said_by = _span_of(text, sentence, claim.claimant)
            in_sentence = [m for m in places if sentence[0] <= m.start < sentence[1]
                           and not said_by[0] <= m.start < said_by[1]]  # not "a U.S. filing" as the subject
            source = self._sentence_country(text, mention, in_sentence, sentence)
            paragraph_start = paragraphs[max(bisect.bisect_right(paragraphs, mention.start) - 1, 0)]
            if source is None:  # "a $200 million loan to the State Bank of Pakistan"
                source = self._sentence_country(
                    text, mention, [m for m in borrowers if sentence[0] <= m.start < sentence[1]], sentence)
            if source is None:
                earlier = [m for m in carried if paragraph_start <= m.start < sentence[0]]
                source = earlier[-1] if earlier else dominant
            if source is None:
                earlier = [m for m in borrowers if paragraph_start <= m.start < sentence[0]]
                source = earlier[-1] if earlier else None
            if self._joint(text, mention, in_sentence, sentence):
                source = None  # "Kenya, Uganda and Zambia have together borrowed $500 million"
            if source is not None and mention.unit not in self.units_without_country:
                claim.country = source.country
                claim.country_mention = source if source.source != "country_in_name" else None
            clause = self._clause(text, sentence, mention)
            for vendor in (m for m in vendors if clause[0] <= m.start < clause[1]):
                claim.vendor_mentions.append(vendor)
                if vendor.vendor not in claim.vendors:
                    claim.vendors.append(vendor.vendor)
            in_clause_dates = [m for m in dates if clause[0] <= m.start < clause[1]]
            if in_clause_dates:
                nearest = min(in_clause_dates, key=lambda m: abs(m.start - mention.start))
                claim.date, claim.date_mention = nearest.date, nearest
            claims.append(claim)
        return claims

    def _joint(self, text: str, mention: Mention, candidates: list[Mention], sentence: tuple[int, int]) -> bool:
        """Whether the fact belongs to several countries together: two or more countries before
        it and a word such as "together" between them and the fact."""
        before = [m for m in candidates if m.start < mention.start]
        if len({m.country for m in before}) < 2:
            return False
        return bool(self.joint_cue.search(text, before[-1].end, mention.start))

    def _clause(self, text: str, sentence: tuple[int, int], mention: Mention) -> tuple[int, int]:
        """The part of the sentence between clause separators (";") that holds the fact."""
        start, end = sentence
        for match in self.clause_separator.finditer(text, start, end):
            if match.end() <= mention.start:
                start = match.end()
            elif match.start() >= mention.end:
                end = match.start()
                break
        return start, end

    def _is_origin(self, text: str, mention: Mention, home: set[str]) -> bool:
        """A demonym naming a vendor's origin ("Chinese-made", "Chinese firms like Huawei")."""
        if mention.label != "COUNTRY" or mention.role != "demonym":
            return False
        return bool(self.origin_after.match(text[mention.end:mention.end + 30])) or mention.country in home

    def _compared(self, text: str, mention: Mention, sentences, starts) -> bool:
        """Whether a country stands on the far side of a comparison in its sentence."""
        if not sentences:
            return False
        start, _ = sentences[max(bisect.bisect_right(starts, mention.start) - 1, 0)]
        return bool(self.comparison.search(text, start, mention.start))

    def _sentence_country(self, text: str, mention: Mention, candidates: list[Mention], sentence) -> Mention | None:
        """The sentence's country for a fact: a possessive owner, else the nearest before it,
        else the first after; countries on the far side of a comparison do not count."""
        if not candidates:
            return None
        compared = self.comparison.search(text, sentence[0], sentence[1])
        if compared:
            candidates = [m for m in candidates if m.start < compared.start()]
        if not candidates:
            return None
        owners = [m for m in candidates if text[m.end:m.end + 2] in ("'s", "’s") and m.start < mention.start]
        if owners:
            return owners[-1]
        before = [m for m in candidates if m.start < mention.start]
        return before[-1] if before else candidates[0]

    def _dominant_country(self, places: list[Mention]) -> Mention | None:
        """The first mention of the country most of the document is about, if there is one."""
        counts = Counter(m.country for m in places)
        if not counts:
            return None
        country, count = counts.most_common(1)[0]
        if count / sum(counts.values()) <= self.document_share and len(counts) > 1:
            return None
        return next(m for m in places if m.country == country)

    def claimant(self, sentence: str) -> str | None:
        """Who the sentence says asserts its facts, as written ("A 2023 EU report")."""
        text = sentence.strip()
        if not self.claimant_cue.search(text):
            return None
        for pattern in self.claimant_patterns:
            for match in pattern.finditer(text):
                who = self.leading.sub("", match.group("who").strip(" ,“”\"'").rstrip("."))
                first = who.split()[0].lower() if who else ""
                if who and not any(c.isdigit() for c in who[:1]) and first not in self.not_claimants:
                    return who
        return None


def _span_of(text: str, sentence: tuple[int, int], phrase: str | None) -> tuple[int, int]:
    """Where a phrase of the sentence lies in the text; (0, 0) when there is none."""
    if not phrase:
        return 0, 0
    start = text.find(phrase, sentence[0], sentence[1])
    return (start, start + len(phrase)) if start >= 0 else (0, 0)


def _paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs start: after blank lines, or after any newline when the text
    has no blank lines (one paragraph per line)."""
    separator = r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n"
    return [0] + [m.end() for m in re.finditer(separator, text)]


@Language.factory("claimtrace_claims", default_config={"config_dir": None})
def make_claims(nlp: Language, name: str, config_dir: str | None):
    """Sets `doc._.claims`: one Claim per MONEY, PERCENT and QUANTITY mention."""
    rules = ClaimRules(config_dir)

    def attach(doc: Doc) -> Doc:
        doc._.claims = rules.build(doc_text(doc), sentence_bounds(doc), doc_mentions(doc),
                                   doc.user_data.get("claimtrace_in_names", []))
        return doc

    return attach
