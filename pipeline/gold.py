"""Gold annotations (SPEC "Gold annotations"): loading, validation naming the line, and import
of doccano and Label Studio exports.

A gold line is `{"id", "text", "published"?, "spans": [...], "claims": [...], "deals": [...]?}`
(no "deals": the document reports no deal, as in a version 1 gold file). A line may leave
the text where it is published instead of copying it: `"text_source": {"path": CSV relative to
the gold file, "id_column": ..., "text_column": ...}` with an optional `"sha256"` of the text;
the text is joined at load time.
"""
from __future__ import annotations

import csv
import hashlib
import json
import numbers
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.domain import load_domain
from pipeline.readers import json_objects


class GoldError(Exception):
    """Invalid gold: the message names the file and line."""


@dataclass
class GoldSpan:
    """One annotated mention."""

    start: int
    end: int
    label: str
    norm: dict = field(default_factory=dict)


@dataclass
class GoldClaim:
    """The attachment of one MONEY / PERCENT / QUANTITY span: its vendors, country, claimant and
    the id of its deal (None: the fact belongs to no deal)."""

    start: int
    end: int
    vendors: list[str] = field(default_factory=list)
    country: str | None = None
    claimant: str | None = None
    deal: str | None = None


@dataclass
class GoldDeal:
    """One deal a document reports; `record` is its identity across documents."""

    id: str
    record: str
    vendors: list[str]
    financiers: list[str]
    technologies: list[str]
    country: str
    programme: str | None = None


@dataclass
class GoldDoc:
    """One annotated document."""

    id: str
    text: str
    published: str | None = None
    spans: list[GoldSpan] = field(default_factory=list)
    claims: list[GoldClaim] = field(default_factory=list)
    deals: list[GoldDeal] = field(default_factory=list)


DEAL_LISTS = ("vendors", "financiers", "technologies")


def label_rules(config_dir: str | Path | None = None) -> dict:
    """The labels, their norm keys, the technology categories and the evaluation settings from
    `labels.yaml` of `config_dir` (default: the bundled configs/)."""
    return load_domain(config_dir)["labels"]


def load_gold(path: str | Path, config_dir: str | Path | None = None) -> list[GoldDoc]:
    """Every document of a gold file; raises GoldError on the first invalid line."""
    docs, errors = _read(Path(path), label_rules(config_dir))
    if errors:
        raise GoldError(errors[0] + (f" (and {len(errors) - 1} more errors)" if len(errors) > 1 else ""))
    return docs


def validate_gold(path: str | Path, config_dir: str | Path | None = None) -> list[str]:
    """Every problem of a gold file, one message per problem naming its line; [] when valid."""
    return _read(Path(path), label_rules(config_dir))[1]


def _read(path: Path, rules: dict) -> tuple[list[GoldDoc], list[str]]:
    if not path.is_file():
        return [], [f"{path}: no such gold file"]
    docs, errors, seen = [], [], set()
    sources: dict = {}
    for number, _, record, problem in json_objects(path.read_text(encoding="utf-8-sig").splitlines()):
        where = f"{path}:{number}"
        if problem:
            errors.append(f"{where}: {problem}")
            continue
        problems: list[str] = []
        doc = _document(record, path.parent, sources, problems)
        if doc is not None and doc.id in seen:
            problems.append(f"document {doc.id!r} appears twice")
        if doc is not None:
            seen.add(doc.id)
            problems += _check_spans(record, doc, rules) + _check_deals(record, doc, rules)
            problems += _check_claims(record, doc, rules)
        errors += [f"{where}: {p}" for p in problems]
        if doc is not None and not problems:
            docs.append(doc)
    return docs, errors


def _document(record, folder: Path, sources: dict, problems: list[str]) -> GoldDoc | None:
    if record.get("id") in (None, ""):
        problems.append('missing "id"')
        return None
    doc_id = str(record["id"])
    text = record.get("text")
    if text is None and "text_source" in record:
        text = _source_text(record["text_source"], doc_id, folder, sources, problems)
        if text is not None and record.get("sha256") and hashlib.sha256(text.encode()).hexdigest() != record["sha256"]:
            problems.append(f"the text of {doc_id!r} in its source has changed (sha256 differs)")
    if not isinstance(text, str):
        if not problems:
            problems.append('missing "text" (or "text_source")')
        return None
    published = record.get("published")
    return GoldDoc(doc_id, text, str(published) if published else None)


def _source_text(source, doc_id: str, folder: Path, sources: dict, problems: list[str]) -> str | None:
    if not isinstance(source, dict) or not {"path", "id_column", "text_column"} <= set(source):
        problems.append('"text_source" needs "path", "id_column" and "text_column"')
        return None
    key = (str((folder / source["path"]).resolve()), source["id_column"], source["text_column"])
    if key not in sources:
        csv_path = Path(key[0])
        if not csv_path.is_file():
            problems.append(f"text source {source['path']} not found")
            return None
        with csv_path.open(encoding="utf-8-sig", newline="") as handle:
            sources[key] = {row[key[1]]: row[key[2]] for row in csv.DictReader(handle)}
    text = sources[key].get(doc_id)
    if text is None:
        problems.append(f"document {doc_id!r} is not in {source['path']}")
    return text


def _check_spans(record: dict, doc: GoldDoc, rules: dict) -> list[str]:
    problems = []
    for index, span in enumerate(record.get("spans") or []):
        name = f"span {index + 1}"
        if not isinstance(span, dict):
            problems.append(f"{name}: not an object")
            continue
        start, end, label = span.get("start"), span.get("end"), span.get("label")
        if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end <= len(doc.text):
            problems.append(f"{name}: offsets {start}..{end} are outside the text ({len(doc.text)} characters)")
            continue
        if label not in rules["labels"]:
            problems.append(f"{name}: unknown label {label!r}")
            continue
        if "text" in span and span["text"] != doc.text[start:end]:
            problems.append(f"{name}: text {span['text']!r} does not match {doc.text[start:end]!r} at {start}..{end}")
            continue
        norm = span.get("norm") or {}
        problems += [f"{name}: {p}" for p in _check_norm(label, norm, rules)]
        doc.spans.append(GoldSpan(start, end, label, dict(norm)))
    return problems


def _check_deals(record: dict, doc: GoldDoc, rules: dict) -> list[str]:
    deals = record.get("deals") or []
    if not isinstance(deals, list):
        return ['"deals" must be a list']
    problems = []
    for index, deal in enumerate(deals):
        found = _deal_problems(deal, rules)
        if not found and deal["id"] in {d.id for d in doc.deals}:
            found = [f"id {deal['id']!r} appears twice in the document"]
        problems += [f"deal {index + 1}: {p}" for p in found]
        if not found:
            doc.deals.append(GoldDeal(id=deal["id"], record=deal["record"], country=deal["country"],
                                      programme=deal.get("programme"),
                                      **{key: list(deal.get(key) or []) for key in DEAL_LISTS}))
    return problems


def _deal_problems(deal, rules: dict) -> list[str]:
    if not isinstance(deal, dict):
        return ["not an object"]
    problems = [f"{key} must be a non-empty string" for key in ("id", "record")
                if not (isinstance(deal.get(key), str) and deal[key].strip())]
    if not _is_country(deal.get("country")):
        problems.append(f"country {deal.get('country')!r} is not an ISO 3166 alpha-2 code")
    for key in DEAL_LISTS:
        if not _is_names(deal.get(key) or []):
            problems.append(f"{key} must be a list of strings")
        elif key == "technologies":
            problems += [_technology_problem(t, rules) for t in deal.get(key) or [] if t not in rules["technologies"]]
    if not isinstance(deal.get("programme"), (str, type(None))):
        problems.append(f"programme {deal['programme']!r} is not a string or null")
    return problems


def _check_claims(record: dict, doc: GoldDoc, rules: dict) -> list[str]:
    by_span = {(s.start, s.end): s.label for s in doc.spans}
    deal_ids = {d.id for d in doc.deals}
    problems = []
    for index, claim in enumerate(record.get("claims") or []):
        found = _claim_problems(claim, by_span, deal_ids, rules)
        problems += [f"claim {index + 1}: {p}" for p in found]
        if not found:
            doc.claims.append(GoldClaim(claim["start"], claim["end"], list(claim.get("vendors") or []),
                                        claim.get("country"), claim.get("claimant"), claim.get("deal")))
    return problems


def _claim_problems(claim, by_span: dict, deal_ids: set, rules: dict) -> list[str]:
    if not isinstance(claim, dict):
        return ["not an object"]
    key = (claim.get("start"), claim.get("end"))
    if by_span.get(key) not in rules["claim_labels"]:
        return [f"{key[0]}..{key[1]} is not the span of a MONEY, PERCENT or QUANTITY mention"]
    problems = []
    if not _is_names(claim.get("vendors") or []):
        problems.append("vendors must be a list of names")
    if claim.get("country") is not None and not _is_country(claim["country"]):
        problems.append(f"country {claim['country']!r} is not an ISO 3166 alpha-2 code")
    if not isinstance(claim.get("claimant"), (str, type(None))):
        problems.append(f"claimant {claim['claimant']!r} is not a string or null")
    if claim.get("deal") is not None and claim["deal"] not in deal_ids:
        problems.append(f"deal {claim['deal']!r} is not a deal of this document")
    return problems


def _is_country(value) -> bool:
    return isinstance(value, str) and len(value) == 2 and value.isupper()


def _is_names(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _technology_problem(value, rules: dict) -> str:
    return f"technology {value!r} is not one of {', '.join(rules['technologies'])}"


def _check_norm(label: str, norm, rules: dict) -> list[str]:
    if not isinstance(norm, dict):
        return ["norm must be an object"]
    allowed = rules["labels"][label]["norm"]
    problems = [f"unknown norm key {key!r} for {label}" if key not in allowed else _norm_problem(key, value, rules)
                for key, value in norm.items() if key not in allowed or value is not None]
    return [problem for problem in problems if problem]


def _norm_problem(key: str, value, rules: dict) -> str | None:
    """What is wrong with a norm field's value by `_NORM_RULES`, or None (also for a key without one)."""
    valid, problem = _NORM_RULES.get(key, (None, None))
    if valid is None or valid(value, rules):
        return None
    return problem(key, value, rules)


def _not_one_of(rule: str):
    return lambda key, value, rules: f"norm {key} {value!r} is not one of {', '.join(rules[rule])}"


# norm key: (whether a value is valid, the problem written when it is not)
_NORM_RULES = {
    "value": (lambda value, rules: isinstance(value, numbers.Real) and not isinstance(value, bool),
              lambda key, value, rules: f"norm value {value!r} is not a number"),
    "country": (lambda value, rules: _is_country(value),
                lambda key, value, rules: f"norm country {value!r} is not an ISO 3166 alpha-2 code"),
    "currency": (lambda value, rules: isinstance(value, str) and len(value) == 3 and value.isupper(),
                 lambda key, value, rules: f"norm currency {value!r} is not an ISO 4217 code"),
    "qualifier": (lambda value, rules: value in rules["qualifiers"], _not_one_of("qualifiers")),
    "period": (lambda value, rules: value in rules["periods"], _not_one_of("periods")),
    "technology": (lambda value, rules: value in rules["technologies"],
                   lambda key, value, rules: f"norm {_technology_problem(value, rules)}"),
    **{key: (lambda value, rules: isinstance(value, str),
             lambda key, value, rules: f"norm {key} {value!r} is not a string") for key in ("vendor", "unit", "date")},
}


def gold_line(doc_id: str, text: str, spans: list[dict], published: str | None = None) -> dict:
    """A gold record in SPEC's format, each span carrying its text for checking."""
    record = {"id": doc_id, "text": text}
    if published:
        record["published"] = published
    record["spans"] = [{"start": s["start"], "end": s["end"], "label": s["label"],
                        "text": text[s["start"]:s["end"]], "norm": s.get("norm", {})}
                       for s in sorted(spans, key=lambda s: (s["start"], s["end"]))]
    record["claims"] = []
    record["deals"] = []
    return record


def from_doccano(line: dict, number: int) -> dict:
    """A doccano sequence-labelling export line (`label` or `labels`: [[start, end, LABEL], ...])."""
    spans = line.get("label", line.get("labels")) or []
    if not isinstance(line.get("text"), str) or not isinstance(spans, list):
        raise GoldError(f"doccano line {number}: needs \"text\" and a list of labels")
    doc_id = str(line.get("id", number))
    return gold_line(doc_id, line["text"], [{"start": s[0], "end": s[1], "label": s[2]} for s in spans],
                     line.get("published"))


def from_label_studio(task: dict, number: int) -> dict:
    """A Label Studio task of a JSON export: its text and the labels of its first annotation."""
    data = task.get("data") or {}
    text = data.get("text")
    if not isinstance(text, str):
        raise GoldError(f"Label Studio task {number}: needs data.text")
    annotations = task.get("annotations") or task.get("completions") or []
    results = annotations[0].get("result", []) if annotations else []
    spans = []
    for result in results:
        value = result.get("value") or {}
        labels = value.get("labels") or []
        if result.get("type") == "labels" and labels and "start" in value:
            spans.append({"start": value["start"], "end": value["end"], "label": labels[0]})
    return gold_line(str(data.get("id", task.get("id", number))), text, spans, data.get("published"))


def import_export(path: str | Path, tool: str) -> list[dict]:
    """Gold records from a doccano (JSONL) or Label Studio (JSON) export file."""
    raw = Path(path).read_text(encoding="utf-8-sig")
    if tool == "doccano":
        lines = [json.loads(line) for line in raw.splitlines() if line.strip()]
        return [from_doccano(line, n) for n, line in enumerate(lines, start=1)]
    if tool == "labelstudio":
        tasks = json.loads(raw)
        return [from_label_studio(task, n) for n, task in enumerate(tasks, start=1)]
    raise GoldError(f"unknown annotation tool {tool!r}; choose doccano or labelstudio")
