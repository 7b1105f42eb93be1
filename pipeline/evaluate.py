"""Scoring of a run against gold annotations (SPEC "Scoring").

Mentions match one to one: `strict` when label, start and end agree; `partial` when the labels
agree and the spans overlap (pairs with the largest overlap first); `normalised` when a partial
match also agrees in the label's normalised fields (`configs/labels.yaml` `compare`). A partial
match whose value disagrees counts as both a false positive and a false negative in
`normalised`. Qualifier, period and unit accuracy are over partial matches where the field applies.

Claim attachment is over the gold claims; each is compared with the predicted claim on a partially
matching MONEY / PERCENT / QUANTITY mention (a gold claim without one is wrong in every field):
- country: the same country (both empty counts right);
- vendors: the same set of vendors, case-insensitively, over the gold claims that name vendors;
- claimant: both empty, or the two share a word other than `claimant_function_words`
  (`configs/labels.yaml`), case-insensitively: "the ministry" is right for "The Ministry of Interior";
- deal: the predicted claim's `deal_id` is the predicted deal the claim's gold deal was matched to
  (below); a gold claim of no deal is right when its predicted claim has no `deal_id`.

Deals are matched per document: the gold deals of a document and the predicted deals whose
`doc_ids` include it pair one to one when they have the same country and their vendors overlap
(case-insensitively) or both name no vendor; the largest vendor overlap pairs first, then the
fewest differing vendors, then the same programme. Precision, recall and F1 count these pairs over
all gold documents (a predicted deal is counted in each gold document it includes). Field accuracy
is over the matched pairs: country (always right, as matching needs it), vendors (set equality,
case-insensitive), programme (case-insensitive after trimming; both empty is right) and
technologies (set equality). Merge is over every pair of gold deals of different documents: "same
deal" is true in the gold when they share a `record` and predicted when both were matched to the
same predicted `deal_id`; precision, recall and F1 of the predicted pairs. Predicted deals no gold
deal was matched to do not enter the merge pairs.

A run of contract version 1 (no `technology`, `deal_id` columns, no deals table) is scored as a
run that predicts no technology and no deal. Predictions for documents the gold does not have are
not scored.
"""
from __future__ import annotations

import itertools
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.gold import GoldClaim, GoldDeal, GoldDoc, GoldSpan, label_rules

MODES = ("partial", "strict", "normalised")
ATTACHMENTS = ("country", "vendors", "claimant", "deal")
DEAL_FIELDS = ("country", "vendors", "programme", "technologies")
MENTION_FIELDS = ("country", "vendor", "value", "currency", "unit", "qualifier", "period", "date", "technology")


@dataclass
class Counts:
    """True positives, false positives and false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    def scores(self) -> dict:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": precision, "recall": recall, "f1": f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Predicted:
    """A predicted mention, as the mentions table has it."""

    start: int
    end: int
    label: str
    norm: dict
    mention_id: str = ""


@dataclass
class PredictedDeal:
    """A predicted deal, as the deals table has it (lists split on `|`)."""

    deal_id: str
    vendors: list[str]
    technologies: list[str]
    country: str | None = None
    programme: str | None = None


@dataclass
class Run:
    """A run's tables by document: mentions, claims by their (start, end), deals that include it."""

    mentions: dict[str, list[Predicted]]
    claims: dict[str, dict]
    deals: dict[str, list[PredictedDeal]]


def _tally() -> list[int]:
    """[right, total] of an accuracy."""
    return [0, 0]


@dataclass
class Report:
    """Everything `claimtrace eval` prints."""

    rules: dict = field(default_factory=label_rules)
    counts: dict = field(default_factory=lambda: defaultdict(lambda: {m: Counts() for m in MODES}))
    fields: dict = field(default_factory=lambda: {k: _tally() for k in ("qualifier", "period", "unit")})
    attachment: dict = field(default_factory=lambda: {k: _tally() for k in ATTACHMENTS})
    deal_counts: Counts = field(default_factory=Counts)
    deal_fields: dict = field(default_factory=lambda: {k: _tally() for k in DEAL_FIELDS})
    gold_deals: list = field(default_factory=list)
    misses: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    wrong_values: list = field(default_factory=list)
    wrong_attachments: list = field(default_factory=list)
    wrong_deals: list = field(default_factory=list)
    missed_deals: list = field(default_factory=list)
    spurious_deals: list = field(default_factory=list)

    def as_json(self) -> dict:
        """SPEC's `claimtrace eval --json` object."""
        labels = {label: {m: c.scores() for m, c in modes.items()} for label, modes in sorted(self.counts.items())}
        micro = {m: Counts() for m in MODES}
        for modes in self.counts.values():
            for mode, counts in modes.items():
                micro[mode].add(counts)
        labels["micro"] = {m: c.scores() for m, c in micro.items()}
        attachment = {k: _share(v) for k, v in self.attachment.items()}
        attachment.update(n=self.attachment["country"][1], n_vendors=self.attachment["vendors"][1])
        deal_fields = {k: _share(v) for k, v in self.deal_fields.items()}
        deal_fields["n"] = self.deal_counts.tp
        return {
            "labels": labels,
            "qualifier_accuracy": _share(self.fields["qualifier"]),
            "period_accuracy": _share(self.fields["period"]),
            "unit_accuracy": _share(self.fields["unit"]),
            "attachment": attachment,
            "deals": {**self.deal_counts.scores(), "fields": deal_fields,
                      "merge": merge_counts(self.gold_deals).scores()},
        }


def _share(tally: list[int]) -> float | None:
    return tally[0] / tally[1] if tally[1] else None


def values_agree(label: str, key: str, gold, predicted, rules: dict | None = None) -> bool:
    """Whether a predicted normalised field agrees with the gold one (SPEC's tolerances; `rules`:
    `label_rules()` by default)."""
    rules = rules or label_rules()
    if gold is None or predicted is None:
        return gold is None and predicted is None
    if key == "value":
        try:
            gold, predicted = float(gold), float(predicted)
        except (TypeError, ValueError):
            return False
        if math.isnan(predicted):
            return False
        if label == "PERCENT":
            return abs(gold - predicted) <= rules["percent_tolerance"] + 1e-9
        return abs(gold - predicted) <= rules["value_tolerance"] * max(abs(gold), 1e-9)
    if key == "vendor":
        return str(gold).casefold() == str(predicted).casefold()
    return str(gold) == str(predicted)


def norm_agrees(gold: GoldSpan, predicted: Predicted, rules: dict) -> bool:
    """All the compared fields the gold gives agree."""
    compare = rules["labels"][gold.label]["compare"]
    return all(values_agree(gold.label, k, gold.norm[k], predicted.norm.get(k), rules)
               for k in compare if k in gold.norm)


def match(gold: list[GoldSpan], predicted: list[Predicted], strict: bool) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of the same label: exact spans when
    `strict`, else overlapping spans, the largest overlaps paired first."""
    candidates = []
    for g, gs in enumerate(gold):
        for p, ps in enumerate(predicted):
            if gs.label != ps.label:
                continue
            if strict and (gs.start, gs.end) != (ps.start, ps.end):
                continue
            overlap = min(gs.end, ps.end) - max(gs.start, ps.start)
            if overlap > 0:
                candidates.append((-overlap, abs(gs.start - ps.start), g, p))
    return _one_to_one(candidates)


def _one_to_one(candidates: list[tuple]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing of (…sort keys, gold index, predicted index) candidates, best first."""
    pairs, used_gold, used_pred = [], set(), set()
    for *_, g, p in sorted(candidates):
        if g not in used_gold and p not in used_pred:
            pairs.append((g, p))
            used_gold.add(g)
            used_pred.add(p)
    return sorted(pairs)


def match_deals(gold: list[GoldDeal], predicted: list[PredictedDeal]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs of deals of the same country whose vendors
    overlap or both name none: the largest overlap first, then the fewest differing vendors, then
    the same programme."""
    candidates = []
    for g, gold_deal in enumerate(gold):
        for p, predicted_deal in enumerate(predicted):
            gold_vendors, predicted_vendors = _folded(gold_deal.vendors), _folded(predicted_deal.vendors)
            shared = gold_vendors & predicted_vendors
            if gold_deal.country != predicted_deal.country or not (shared or gold_vendors == predicted_vendors):
                continue
            other_programme = _programme(gold_deal.programme) != _programme(predicted_deal.programme)
            candidates.append((-len(shared), len(gold_vendors ^ predicted_vendors), other_programme, g, p))
    return _one_to_one(candidates)


def deal_fields_agree(gold: GoldDeal, predicted: PredictedDeal) -> dict[str, bool]:
    """Which of a matched deal's fields the prediction got right."""
    return {"country": gold.country == predicted.country,
            "vendors": _folded(gold.vendors) == _folded(predicted.vendors),
            "programme": _programme(gold.programme) == _programme(predicted.programme),
            "technologies": set(gold.technologies) == set(predicted.technologies)}


def merge_counts(gold_deals: list[tuple[str, str, str | None]]) -> Counts:
    """Pairwise "same deal" over the pairs of gold deals of different documents, each given as
    (doc_id, record, the predicted deal_id it was matched to or None)."""
    counts = Counts()
    for (doc_a, record_a, predicted_a), (doc_b, record_b, predicted_b) in itertools.combinations(gold_deals, 2):
        if doc_a == doc_b:
            continue
        gold_same = record_a == record_b
        predicted_same = predicted_a is not None and predicted_a == predicted_b
        counts.add(Counts(int(gold_same and predicted_same), int(predicted_same and not gold_same),
                          int(gold_same and not predicted_same)))
    return counts


def claimants_agree(gold: str | None, predicted: str | None, function_words) -> bool:
    """Both empty, or the two share a word that is not a function word (case-insensitive)."""
    gold_words, predicted_words = _content_words(gold, function_words), _content_words(predicted, function_words)
    if gold_words and predicted_words:
        return bool(gold_words & predicted_words)
    return not (gold or "").strip() and not (predicted or "").strip()


def _content_words(text: str | None, function_words) -> set[str]:
    return {w for w in re.findall(r"\w+", (text or "").casefold()) if w not in function_words}


def _folded(names: list[str]) -> set[str]:
    return {n.casefold() for n in names}


def _programme(name: str | None) -> str:
    return (name or "").strip().casefold()


def score_document(report: Report, doc: GoldDoc, run: Run) -> None:
    """Add one document's mention, deal and claim matches to the report."""
    predicted = run.mentions.get(doc.id, [])
    labels = {s.label for s in doc.spans} | {p.label for p in predicted}
    for label in labels:
        _score_label(report, doc, label, [s for s in doc.spans if s.label == label],
                     [p for p in predicted if p.label == label])
    deal_map = _score_deals(report, doc, run.deals.get(doc.id, []))
    _attachment(report, doc, predicted, run.claims.get(doc.id, {}), deal_map)


def _score_label(report: Report, doc: GoldDoc, label: str, gold: list[GoldSpan], pred: list[Predicted]) -> None:
    counts = report.counts[label]
    strict = match(gold, pred, strict=True)
    counts["strict"].add(Counts(len(strict), len(pred) - len(strict), len(gold) - len(strict)))
    pairs = match(gold, pred, strict=False)
    counts["partial"].add(Counts(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs)))
    agreeing = [(g, p) for g, p in pairs if norm_agrees(gold[g], pred[p], report.rules)]
    counts["normalised"].add(Counts(len(agreeing), len(pred) - len(agreeing), len(gold) - len(agreeing)))
    matched_gold, matched_pred = {g for g, _ in pairs}, {p for _, p in pairs}
    report.misses += [(doc, gold[g]) for g in range(len(gold)) if g not in matched_gold]
    report.spurious += [(doc, pred[p]) for p in range(len(pred)) if p not in matched_pred]
    report.wrong_values += [(doc, gold[g], pred[p]) for g, p in pairs if (g, p) not in agreeing]
    for g, p in pairs:
        _field_accuracy(report, gold[g], pred[p])


def _field_accuracy(report: Report, gold: GoldSpan, predicted: Predicted) -> None:
    norm_keys = report.rules["labels"][gold.label]["norm"]
    for key in ("qualifier", "period", "unit"):
        if key in norm_keys:
            report.fields[key][1] += 1
            report.fields[key][0] += (gold.norm.get(key) or None) == (predicted.norm.get(key) or None)


def _score_deals(report: Report, doc: GoldDoc, predicted: list[PredictedDeal]) -> dict[str, str]:
    """Match the document's deals; returns gold deal id -> the predicted deal_id it matched."""
    pairs = match_deals(doc.deals, predicted)
    report.deal_counts.add(Counts(len(pairs), len(predicted) - len(pairs), len(doc.deals) - len(pairs)))
    for g, p in pairs:
        for key, right in deal_fields_agree(doc.deals[g], predicted[p]).items():
            report.deal_fields[key][0] += right
            report.deal_fields[key][1] += 1
    deal_map = {doc.deals[g].id: predicted[p].deal_id for g, p in pairs}
    matched_pred = {p for _, p in pairs}
    report.gold_deals += [(doc.id, d.record, deal_map.get(d.id)) for d in doc.deals]
    report.missed_deals += [(doc, d) for d in doc.deals if d.id not in deal_map]
    report.spurious_deals += [(doc, d) for p, d in enumerate(predicted) if p not in matched_pred]
    return deal_map


def _attachment(report: Report, doc: GoldDoc, predicted: list[Predicted], claims: dict, deal_map: dict) -> None:
    claim_labels = set(report.rules["claim_labels"])
    spans = {(s.start, s.end): s for s in doc.spans}
    for claim in doc.claims:
        gold_span = spans[(claim.start, claim.end)]
        candidates = [p for p in predicted if p.label in claim_labels
                      and min(p.end, claim.end) > max(p.start, claim.start)]
        candidates.sort(key=lambda p: (p.label != gold_span.label, -(min(p.end, claim.end) - max(p.start, claim.start))))
        row = claims.get((candidates[0].start, candidates[0].end)) if candidates else None
        right = claim_attachment(claim, row, deal_map, report.rules["claimant_function_words"])
        for key, value in right.items():
            if value is not None:
                report.attachment[key][1] += 1
                report.attachment[key][0] += value
        if False in (right["country"], right["vendors"], right["claimant"]):
            report.wrong_attachments.append((doc, claim, row))
        if not right["deal"]:
            report.wrong_deals.append((doc, claim, row))


def claim_attachment(claim: GoldClaim, row: dict | None, deal_map: dict, function_words) -> dict[str, bool | None]:
    """Which attachments of a gold claim its predicted claim `row` (None: no predicted claim) got
    right; `vendors` is None when the gold names no vendor."""
    if row is None:
        return {"country": False, "vendors": False if claim.vendors else None, "claimant": False, "deal": False}
    if claim.deal is None:
        deal_right = row["deal_id"] is None
    else:
        deal_right = claim.deal in deal_map and row["deal_id"] == deal_map[claim.deal]
    return {"country": (row["country"] or None) == (claim.country or None),
            "vendors": _folded(row["vendors"]) == _folded(claim.vendors) if claim.vendors else None,
            "claimant": claimants_agree(claim.claimant, row["claimant"], function_words),
            "deal": deal_right}


def predictions(pred_dir: str | Path) -> Run:
    """A run's mentions, claims and deals by document, from its tables in any format."""
    from pipeline.tables import read_table

    mentions: dict[str, list[Predicted]] = defaultdict(list)
    for row in read_table(pred_dir, "mentions").to_dict("records"):
        norm = {k: _clean(row.get(k)) for k in MENTION_FIELDS}
        mentions[str(row["doc_id"])].append(Predicted(int(row["start"]), int(row["end"]), row["label"], norm,
                                                      str(row["mention_id"])))
    claims: dict[str, dict] = defaultdict(dict)
    for row in _optional_table(pred_dir, "claims"):
        claims[str(row["doc_id"])][(int(row["start"]), int(row["end"]))] = {
            "country": _clean(row.get("country")), "vendors": _split(row.get("vendors")),
            "claimant": _text(row.get("claimant")), "deal_id": _text(row.get("deal_id"))}
    deals: dict[str, list[PredictedDeal]] = defaultdict(list)
    for row in _optional_table(pred_dir, "deals"):
        deal = PredictedDeal(str(row["deal_id"]), _split(row.get("vendors")), _split(row.get("technologies")),
                             _clean(row.get("country")), _clean(row.get("programme")))
        for doc_id in _split(row.get("doc_ids")):
            deals[doc_id].append(deal)
    return Run(mentions, claims, deals)


def _optional_table(pred_dir: str | Path, name: str) -> list[dict]:
    """The rows of a table, [] when the run has none (a claims-less or version 1 run)."""
    from pipeline.tables import read_table

    try:
        return read_table(pred_dir, name).to_dict("records")
    except FileNotFoundError:
        return []


def _clean(value):
    """Table cells to plain values: missing (None, NaN, pd.NA, "") -> None."""
    if value is None or value == "":
        return None
    try:
        if value != value:  # NaN
            return None
    except TypeError:  # pd.NA cannot be compared
        return None
    return value


def _text(value) -> str | None:
    value = _clean(value)
    return None if value is None else str(value)


def _split(value) -> list[str]:
    """A `|`-joined cell as a list."""
    value = _text(value)
    return [part for part in value.split("|") if part] if value else []


def evaluate(gold: list[GoldDoc], pred_dir: str | Path, config_dir: str | Path | None = None) -> Report:
    """Score the run in `pred_dir` against the gold documents (settings from `labels.yaml` of
    `config_dir`, default the bundled configs/)."""
    run = predictions(pred_dir)
    report = Report(rules=label_rules(config_dir))
    for doc in gold:
        score_document(report, doc, run)
    return report


def headline_scores(result: dict) -> dict[str, float]:
    """The scores of an `as_json` result an eval gate holds floors for, by dotted path: the F1
    of every mode micro-averaged and the normalised F1 of each label ("labels.micro.strict.f1",
    "labels.DATE.normalised.f1"), the accuracies, attachments and deal scores ("attachment.claimant",
    "deals.merge.f1"); an accuracy with nothing to count is 0."""
    deals = result["deals"]
    scores = {f"labels.{label}.{mode}.f1": modes[mode]["f1"] for label, modes in result["labels"].items()
              for mode in (MODES if label == "micro" else ("normalised",))}
    scores.update({f"{key}_accuracy": result[f"{key}_accuracy"] for key in ("qualifier", "period", "unit")})
    scores.update({f"attachment.{key}": result["attachment"][key] for key in ATTACHMENTS})
    scores.update({f"deals.fields.{key}": deals["fields"][key] for key in DEAL_FIELDS})
    scores.update({"deals.f1": deals["f1"], "deals.merge.f1": deals["merge"]["f1"]})
    return {key: value or 0.0 for key, value in scores.items()}


def _show(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_table(result: dict) -> str:
    """The evaluation as a text table: P / R / F1 per label and mode, then the accuracies, the claim
    attachment and the deal scores."""
    lines = [f"{'label':10} " + " ".join(f"{m + ' P':>12} {'R':>6} {'F1':>6}" for m in MODES) + f" {'gold':>6}"]
    for label, modes in result["labels"].items():
        cells = " ".join(f"{modes[m]['precision']:12.3f} {modes[m]['recall']:6.3f} {modes[m]['f1']:6.3f}" for m in MODES)
        gold = modes["strict"]["tp"] + modes["strict"]["fn"]
        lines.append(f"{label:10} {cells} {gold:6d}")
    attachment, deals = result["attachment"], result["deals"]
    lines.append(f"qualifier accuracy {_show(result['qualifier_accuracy'])}  period accuracy "
                 f"{_show(result['period_accuracy'])}  unit accuracy {_show(result['unit_accuracy'])}")
    lines.append(f"claim attachment: country {_show(attachment['country'])} (n={attachment['n']})  "
                 f"vendors {_show(attachment['vendors'])} (n={attachment['n_vendors']})  "
                 f"claimant {_show(attachment['claimant'])}  deal {_show(attachment['deal'])}")
    lines.append(f"deals: P {deals['precision']:.3f} R {deals['recall']:.3f} F1 {deals['f1']:.3f} "
                 f"(gold {deals['tp'] + deals['fn']}, predicted {deals['tp'] + deals['fp']})  fields: "
                 + "  ".join(f"{k} {_show(deals['fields'][k])}" for k in DEAL_FIELDS) + f" (n={deals['fields']['n']})")
    merge = deals["merge"]
    lines.append(f"deal merge: P {merge['precision']:.3f} R {merge['recall']:.3f} F1 {merge['f1']:.3f} "
                 f"(gold same-deal pairs {merge['tp'] + merge['fn']}, predicted {merge['tp'] + merge['fp']})")
    return "\n".join(lines)


def _context(doc: GoldDoc, start: int, end: int) -> str:
    left = doc.text[max(0, start - 40):start].replace("\n", " ")
    right = doc.text[end:end + 40].replace("\n", " ")
    return f"…{left}[{doc.text[start:end]}]{right}…"


def format_errors(report: Report, limit: int) -> str:
    """Up to `limit` misses, spurious mentions, wrong values, wrong claim and deal attachments and
    unmatched deals, each with its context."""
    def section(title: str, items: list, show) -> list[str]:
        return [f"{title} ({len(items)}):"] + [f"  {show(*item)}" for item in items[:limit]]

    def got(row, *keys):
        return "no predicted claim" if row is None else " ".join(str(row[k]) for k in keys)

    return "\n".join(
        section("missed", report.misses, lambda d, s: f"{d.id} {s.label} {_context(d, s.start, s.end)} {s.norm or ''}")
        + section("spurious", report.spurious, lambda d, p: f"{d.id} {p.label} {_context(d, p.start, p.end)}")
        + section("wrong value", report.wrong_values, lambda d, g, p: (
            f"{d.id} {g.label} {_context(d, g.start, g.end)} gold {g.norm} got "
            f"{ {k: v for k, v in p.norm.items() if v is not None} }"))
        + section("wrong claim attachment", report.wrong_attachments, lambda d, c, row: (
            f"{d.id} {_context(d, c.start, c.end)} gold {c.country} {c.vendors} {c.claimant!r} "
            f"got {got(row, 'country', 'vendors', 'claimant')}"))
        + section("wrong deal attachment", report.wrong_deals, lambda d, c, row: (
            f"{d.id} {_context(d, c.start, c.end)} gold {_deal_name(d, c.deal)} got {got(row, 'deal_id')}"))
        + section("missed deals", report.missed_deals, lambda d, g: (
            f"{d.id} {g.id} {g.record} {g.country} {g.vendors} {g.programme or ''}"))
        + section("spurious deals", report.spurious_deals, lambda d, p: (
            f"{d.id} {p.deal_id} {p.country} {p.vendors} {p.programme or ''}")))


def _deal_name(doc: GoldDoc, deal_id: str | None) -> str:
    """A gold deal id with its record ("d1 (KE-nairobi-safe-city)"), or "no deal"."""
    records = {d.id: d.record for d in doc.deals}
    return f"{deal_id} ({records[deal_id]})" if deal_id else "no deal"
