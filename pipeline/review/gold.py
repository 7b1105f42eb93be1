"""Gold errors shown in place: what `claimtrace eval --errors` lists (misses, spurious mentions,
wrong values, wrong claim attachments), taken from `pipeline.evaluate`'s report."""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from pipeline.evaluate import evaluate
from pipeline.gold import load_gold
from pipeline.review.markup import Span
from pipeline.review.views import GoldMarks, shown


def norm_text(norm: dict) -> str:
    """'country KE, value 30,000,000' for a gold or predicted norm."""
    return ", ".join(f"{key} {shown(value)}" for key, value in norm.items() if value is not None)


def gold_marks(gold_paths: list[str | Path], run_dir: str | Path, texts: dict[str, str]) -> dict[str, GoldMarks]:
    """doc_id -> the marks of its gold errors, for the gold documents whose text is the run's."""
    gold = [doc for path in gold_paths for doc in load_gold(path) if texts.get(doc.id) == doc.text]
    report = evaluate(gold, run_dir)
    marks: dict[str, GoldMarks] = defaultdict(GoldMarks)
    for doc, span in report.misses:
        marks[doc.id].spans.append(Span(span.start, span.end, f"gold gold-miss g-{span.label}", {
            "data-gold": "miss", "data-info": f"missed {span.label} {doc.text[span.start:span.end]} · {norm_text(span.norm)}"}))
        marks[doc.id].counts["miss"] += 1
    for doc, predicted in report.spurious:
        marks[doc.id].mention_classes[predicted.mention_id].append("gold-spurious")
        marks[doc.id].mention_notes[predicted.mention_id].append("gold: spurious (no gold span)")
        marks[doc.id].counts["spurious"] += 1
    for doc, span, predicted in report.wrong_values:
        marks[doc.id].mention_classes[predicted.mention_id].append("gold-wrong-value")
        marks[doc.id].mention_notes[predicted.mention_id].append(f"gold value: {norm_text(span.norm)}")
        marks[doc.id].counts["wrong value"] += 1
    for doc, claim, row in report.wrong_attachments:
        note = (f"gold: {claim.country or '-'} {', '.join(claim.vendors) or '-'}; got "
                f"{(row or {}).get('country') or '-'} {', '.join((row or {}).get('vendors') or []) or '-'}")
        marks[doc.id].spans.append(Span(claim.start, claim.end, "gold gold-attachment", {
            "data-gold": "attachment", "data-info": f"claim attached wrongly · {note}"}))
        marks[doc.id].wrong_claims.append((claim.start, claim.end, note))
        marks[doc.id].counts["wrong attachment"] += 1
    return marks
