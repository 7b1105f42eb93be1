"""Scoring of a run against gold annotations (SPEC "Scoring").

Mentions match one to one: `strict` when label, start and end agree; `partial` when the labels
agree and the spans overlap (pairs with the largest overlap first); `normalised` when a partial
match also agrees in the label's normalised fields (`configs/labels.yaml` `compare`). A partial
match whose value disagrees counts as both a false positive and a false negative in
`normalised`. Qualifier, period and unit accuracy are over partial matches where the field applies.
Claim attachment is the share of gold claims whose predicted claim (the one on a partially
matching MONEY / PERCENT / QUANTITY mention) has the same country, and the same vendors where
the gold names vendors. Predictions for documents the gold does not have are not scored.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.gold import GoldDoc, GoldSpan, label_rules

MODES = ("partial", "strict", "normalised")


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
class Report:
    """Everything `claimtrace eval` prints."""

    counts: dict = field(default_factory=lambda: defaultdict(lambda: {m: Counts() for m in MODES}))
    fields: dict = field(default_factory=lambda: {k: [0, 0] for k in ("qualifier", "period", "unit")})
    attachment: dict = field(default_factory=lambda: {"country": [0, 0], "vendors": [0, 0]})
    misses: list = field(default_factory=list)
    spurious: list = field(default_factory=list)
    wrong_values: list = field(default_factory=list)
    wrong_attachments: list = field(default_factory=list)

    def as_json(self) -> dict:
        """SPEC's `claimtrace eval --json` object."""
        labels = {label: {m: c.scores() for m, c in modes.items()} for label, modes in sorted(self.counts.items())}
        micro = {m: Counts() for m in MODES}
        for modes in self.counts.values():
            for mode, counts in modes.items():
                micro[mode].add(counts)
        labels["micro"] = {m: c.scores() for m, c in micro.items()}

        def share(pair):
            return pair[0] / pair[1] if pair[1] else None

        return {
            "labels": labels,
            "qualifier_accuracy": share(self.fields["qualifier"]),
            "period_accuracy": share(self.fields["period"]),
            "unit_accuracy": share(self.fields["unit"]),
            "attachment": {"country": share(self.attachment["country"]),
                           "vendors": share(self.attachment["vendors"]),
                           "n": self.attachment["country"][1], "n_vendors": self.attachment["vendors"][1]},
        }


def values_agree(label: str, key: str, gold, predicted) -> bool:
    """Whether a predicted normalised field agrees with the gold one (SPEC's tolerances)."""
    rules = label_rules()
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


def norm_agrees(gold: GoldSpan, predicted: Predicted) -> bool:
    """All the compared fields the gold gives agree."""
    compare = label_rules()["labels"][gold.label]["compare"]
    return all(values_agree(gold.label, k, gold.norm[k], predicted.norm.get(k)) for k in compare if k in gold.norm)


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
    pairs, used_gold, used_pred = [], set(), set()
    for _, _, g, p in sorted(candidates):
        if g not in used_gold and p not in used_pred:
            pairs.append((g, p))
            used_gold.add(g)
            used_pred.add(p)
    return sorted(pairs)


def score_document(report: Report, doc: GoldDoc, predicted: list[Predicted], claims: dict) -> None:
    """Add one document's matches to the report. `claims`: (start, end) -> predicted claim row."""
    labels = {s.label for s in doc.spans} | {p.label for p in predicted}
    for label in labels:
        gold = [s for s in doc.spans if s.label == label]
        pred = [p for p in predicted if p.label == label]
        counts = report.counts[label]
        for mode in ("strict", "partial"):
            pairs = match(gold, pred, strict=mode == "strict")
            counts[mode].add(Counts(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs)))
        pairs = match(gold, pred, strict=False)
        agreeing = [(g, p) for g, p in pairs if norm_agrees(gold[g], pred[p])]
        counts["normalised"].add(Counts(len(agreeing), len(pred) - len(agreeing), len(gold) - len(agreeing)))
        matched_gold, matched_pred = {g for g, _ in pairs}, {p for _, p in pairs}
        report.misses += [(doc, gold[g]) for g in range(len(gold)) if g not in matched_gold]
        report.spurious += [(doc, pred[p]) for p in range(len(pred)) if p not in matched_pred]
        report.wrong_values += [(doc, gold[g], pred[p]) for g, p in pairs if (g, p) not in agreeing]
        for g, p in pairs:
            _field_accuracy(report, gold[g], pred[p])
    _attachment(report, doc, predicted, claims)


def _field_accuracy(report: Report, gold: GoldSpan, predicted: Predicted) -> None:
    norm_keys = label_rules()["labels"][gold.label]["norm"]
    for key in ("qualifier", "period", "unit"):
        if key in norm_keys:
            report.fields[key][1] += 1
            report.fields[key][0] += (gold.norm.get(key) or None) == (predicted.norm.get(key) or None)


def _attachment(report: Report, doc: GoldDoc, predicted: list[Predicted], claims: dict) -> None:
    claim_labels = set(label_rules()["claim_labels"])
    spans = {(s.start, s.end): s for s in doc.spans}
    for claim in doc.claims:
        gold_span = spans[(claim.start, claim.end)]
        candidates = [p for p in predicted if p.label in claim_labels
                      and min(p.end, claim.end) > max(p.start, claim.start)]
        candidates.sort(key=lambda p: (p.label != gold_span.label, -(min(p.end, claim.end) - max(p.start, claim.start))))
        row = claims.get((candidates[0].start, candidates[0].end)) if candidates else None
        country_right = row is not None and (row["country"] or None) == (claim.country or None)
        report.attachment["country"][1] += 1
        report.attachment["country"][0] += country_right
        vendors_right = True
        if claim.vendors:
            got = {v.casefold() for v in (row["vendors"] if row is not None else [])}
            vendors_right = got == {v.casefold() for v in claim.vendors}
            report.attachment["vendors"][1] += 1
            report.attachment["vendors"][0] += vendors_right
        if not (country_right and vendors_right):
            report.wrong_attachments.append((doc, claim, row))


def predictions(pred_dir: str | Path) -> tuple[dict[str, list[Predicted]], dict[str, dict]]:
    """(doc_id -> predicted mentions, doc_id -> {(start, end): claim}) from a run's tables."""
    from pipeline.tables import read_table

    mentions = read_table(pred_dir, "mentions")
    try:
        claims_table = read_table(pred_dir, "claims")
    except FileNotFoundError:
        claims_table = None
    keys = ("country", "vendor", "value", "currency", "unit", "qualifier", "period", "date")
    by_doc: dict[str, list[Predicted]] = defaultdict(list)
    for row in mentions.to_dict("records"):
        norm = {k: _clean(row.get(k)) for k in keys}
        by_doc[str(row["doc_id"])].append(Predicted(int(row["start"]), int(row["end"]), row["label"], norm,
                                                    str(row["mention_id"])))
    claims: dict[str, dict] = defaultdict(dict)
    if claims_table is not None:
        for row in claims_table.to_dict("records"):
            vendors = _clean(row.get("vendors"))
            claims[str(row["doc_id"])][(int(row["start"]), int(row["end"]))] = {
                "country": _clean(row.get("country")),
                "vendors": [v for v in str(vendors).split("|") if v] if vendors else [],
            }
    return by_doc, claims


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


def evaluate(gold: list[GoldDoc], pred_dir: str | Path) -> Report:
    """Score the run in `pred_dir` against the gold documents."""
    predicted, claims = predictions(pred_dir)
    report = Report()
    for doc in gold:
        score_document(report, doc, predicted.get(doc.id, []), claims.get(doc.id, {}))
    return report


def format_table(result: dict) -> str:
    """The evaluation as a text table: P / R / F1 per label and mode, then the accuracies."""
    lines = [f"{'label':10} " + " ".join(f"{m + ' P':>12} {'R':>6} {'F1':>6}" for m in MODES) + f" {'gold':>6}"]
    for label, modes in result["labels"].items():
        cells = " ".join(f"{modes[m]['precision']:12.3f} {modes[m]['recall']:6.3f} {modes[m]['f1']:6.3f}" for m in MODES)
        gold = modes["strict"]["tp"] + modes["strict"]["fn"]
        lines.append(f"{label:10} {cells} {gold:6d}")

    def show(value):
        return "-" if value is None else f"{value:.3f}"

    attachment = result["attachment"]
    lines.append(f"qualifier accuracy {show(result['qualifier_accuracy'])}  period accuracy "
                 f"{show(result['period_accuracy'])}  unit accuracy {show(result['unit_accuracy'])}")
    lines.append(f"claim attachment: country {show(attachment['country'])} (n={attachment['n']})  "
                 f"vendors {show(attachment['vendors'])} (n={attachment['n_vendors']})")
    return "\n".join(lines)


def format_errors(report: Report, limit: int) -> str:
    """Up to `limit` misses, spurious mentions and wrong values, each with its context."""
    def context(doc: GoldDoc, start: int, end: int) -> str:
        left = doc.text[max(0, start - 40):start].replace("\n", " ")
        right = doc.text[end:end + 40].replace("\n", " ")
        return f"…{left}[{doc.text[start:end]}]{right}…"

    lines = [f"missed ({len(report.misses)}):"]
    lines += [f"  {d.id} {s.label} {context(d, s.start, s.end)} {s.norm or ''}" for d, s in report.misses[:limit]]
    lines.append(f"spurious ({len(report.spurious)}):")
    lines += [f"  {d.id} {p.label} {context(d, p.start, p.end)}" for d, p in report.spurious[:limit]]
    lines.append(f"wrong value ({len(report.wrong_values)}):")
    lines += [f"  {d.id} {g.label} {context(d, g.start, g.end)} gold {g.norm} got "
              f"{ {k: v for k, v in p.norm.items() if v is not None} }" for d, g, p in report.wrong_values[:limit]]
    lines.append(f"wrong claim attachment ({len(report.wrong_attachments)}):")
    lines += [f"  {d.id} {context(d, c.start, c.end)} gold {c.country} {c.vendors} got "
              f"{(row or {}).get('country')} {(row or {}).get('vendors', [])}" for d, c, row in report.wrong_attachments[:limit]]
    return "\n".join(lines)

