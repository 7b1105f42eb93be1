"""`claimtrace review`: the page's markup, and the page itself in a real headless Chromium
(Debian's `chromium` through Playwright), loaded from a file URL and checked through the DOM."""
from __future__ import annotations

import json
import os
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.evaluate import evaluate
from pipeline.gold import load_gold
from pipeline.review import build_review
from pipeline.review.browser import chromium_path
from pipeline.review.markup import Span, highlight
from pipeline.tables import read_table
from tests.conftest import ROOT

GOLD = ROOT / "corpus" / "gold" / "articles.jsonl"
HOSTILE = [
    {"id": "xss-script", "title": "<script>window.__pwned = 'title'</script>",
     "text": "Kenya paid $3 million to Huawei. <script>alert(1)</script> Then <b>bold</b> & more."},
    {"id": "xss-img\"><img src=x onerror=\"window.__pwned='id'\">",
     "text": "Uganda bought 1,800 cameras from ZTE <img src=x onerror=\"window.__pwned='img';alert(2)\"> in 2021."},
]


class Elements(HTMLParser):
    """The start tags of a page: (tag, attributes) in order; and its text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_highlight_escapes_and_nests_overlapping_spans():
    text = "<b>1,800 CCTV cameras</b> & more"
    spans = [Span(3, 8, "m m-QUANTITY", {"data-mention": "d:m1"}),
             Span(9, 21, "m m-TECHNOLOGY", {"data-mention": "d:m2"}),
             Span(9, 13, "m m-X", {"data-mention": "d:m3"}),     # nested in m2
             Span(6, 11, "m m-Y", {"data-mention": "d:m4"}),     # crosses m1's end and m2's start
             Span(30, 99, "m", {"data-mention": "d:bad"})]       # outside the text: dropped
    page = Elements(str(highlight(text, spans)))
    assert "".join(page.text) == text
    assert [t for t, _ in page.tags] == ["mark"] * len(page.tags)  # the <b> is text, not an element
    owners = Counter(a["data-mention"] for _, a in page.tags if "data-mention" in a)
    assert owners == Counter({"d:m1": 1, "d:m2": 1, "d:m3": 1, "d:m4": 1})
    assert any(a.get("data-mention-cont") == "d:m4" for _, a in page.tags)


def v2_tables(run_dir: Path, target: Path) -> Path:
    """The run's tables with SPEC v2's columns and a deals table, built from its claims: one deal
    per country and vendors, merged across documents, its technologies read from the text."""
    target.mkdir(parents=True, exist_ok=True)
    documents, mentions, claims = (read_table(run_dir, n) for n in ("documents", "mentions", "claims"))
    mentions["technology"] = None
    texts = mentions.set_index(["doc_id", "mention_id"])["text"]
    claims["text"] = [texts[(d, m)] for d, m in zip(claims.doc_id, claims.mention_id, strict=True)]
    keyed = claims[claims.country.notna() & claims.vendors.notna()]
    deal_keys = sorted(set(zip(keyed.country, keyed.vendors, strict=True)))
    ids = {key: f"D{n + 1}" for n, key in enumerate(deal_keys)}
    claims["deal_id"] = [ids.get((c, v)) for c, v in zip(claims.country, claims.vendors, strict=True)]
    words = {"cctv": "camera", "safe_city": "safe city", "command_centre": "command", "data_centre": "data cent"}
    body = dict(zip(documents.doc_id, documents.text.fillna("").str.lower(), strict=True))
    rows = []
    for (country, vendors), deal_id in ids.items():
        mine = claims[claims.deal_id == deal_id]
        doc_ids = list(dict.fromkeys(mine.doc_id))
        usd = mine[(mine.label == "MONEY") & (mine.currency == "USD")].value
        rows.append({"deal_id": deal_id, "country": country, "places": "", "vendors": vendors, "financiers": "",
                     "programme": None, "technologies": "|".join(t for t, w in words.items()
                                                                 if any(w in body[d] for d in doc_ids)),
                     "value": usd.max() if len(usd) else None, "currency": "USD" if len(usd) else None,
                     "value_usd": usd.max() if len(usd) else None, "first_date": mine.date.min(),
                     "last_date": mine.date.max(), "n_documents": len(doc_ids), "doc_ids": "|".join(doc_ids),
                     "claim_ids": "|".join(f"{d}:{c}" for d, c in zip(mine.doc_id, mine.claim_id, strict=True)),
                     "evidence": "|".join(f"{d}:{m}" for d, m in zip(mine.doc_id, mine.mention_id, strict=True))})
    for name, table in (("documents", documents), ("mentions", mentions), ("claims", claims),
                        ("deals", pd.DataFrame(rows))):
        table.to_parquet(target / f"{name}.parquet")
    return target


@pytest.fixture(scope="module")
def v2_run(corpus_run_dir, tmp_path_factory):
    return v2_tables(corpus_run_dir, tmp_path_factory.mktemp("v2_run"))


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """A CSV-format run of documents carrying script and onerror payloads in text, title and id."""
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.jsonl").write_text("".join(json.dumps(r) + "\n" for r in HOSTILE), encoding="utf-8")
    assert main(["run", str(folder / "hostile.jsonl"), "--out", str(folder / "out"), "--format", "csv",
                 "--no-progress"]) == 0
    return folder / "out"


@pytest.fixture(scope="module")
def browser():
    if chromium_path() is None:
        pytest.skip("no Chromium: install Debian's `chromium` (the CI setup does, as root) to run the browser tests")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    from pipeline.review.browser import launch

    with playwright_api.sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()


@pytest.fixture
def open_page(browser):
    """Open a page from its file URL; fails the test on any dialog or script error."""
    pages, problems = [], []

    def opener(path: Path, width: int = 1280, height: int = 900):
        page = browser.new_page(viewport={"width": width, "height": height})
        page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        page.goto(path.resolve().as_uri())
        pages.append(page)
        return page

    yield opener
    for page in pages:
        page.close()
    assert not problems


def test_v1_tables_without_deals_in_any_format(hostile_run, tmp_path, capsys):
    assert main(["review", str(tmp_path / "no-run"), "--out", str(tmp_path / "x.html")]) == 2
    assert "no documents table" in capsys.readouterr().err
    v1_run = tmp_path / "v1"
    shutil.copytree(hostile_run, v1_run)
    for deals in v1_run.glob("deals.*"):  # a run written before SPEC v2
        deals.unlink()
    assert main(["review", str(v1_run), "--out", str(tmp_path / "review.html")]) == 0
    page = (tmp_path / "review.html").read_text(encoding="utf-8")
    assert "no deals table" in page
    tags = Elements(page).tags
    assert [t for t, _ in tags].count("script") == 1 and "img" not in [t for t, _ in tags]
    marked = {a["data-mention"] for _, a in tags if "data-mention" in a}
    mentions = read_table(hostile_run, "mentions")
    assert marked == {f"{d}:{m}" for d, m in zip(mentions.doc_id, mentions.mention_id, strict=True)}


def test_mentions_claims_and_evidence_in_the_browser(v2_run, tmp_path, open_page):
    page = open_page(build_review(v2_run, tmp_path / "review.html")[0])
    mentions, claims = read_table(v2_run, "mentions"), read_table(v2_run, "claims")
    owners = page.eval_on_selector_all("[data-mention]", "els => els.map(e => e.dataset.mention)")
    assert len(owners) == len(set(owners)) == len(mentions)
    assert set(owners) == {f"{d}:{m}" for d, m in zip(mentions.doc_id, mentions.mention_id, strict=True)}
    for claim in claims.sample(5, random_state=1).itertuples():
        doc_index = list(read_table(v2_run, "documents").doc_id).index(claim.doc_id)
        position = list(claims[claims.doc_id == claim.doc_id].claim_id).index(claim.claim_id)
        page.click(f"#doc-{doc_index}-c{position}")
        evidence = [claim.mention_id, claim.country_mention_id, claim.date_mention_id,
                    *(claim.vendor_mention_ids.split("|") if isinstance(claim.vendor_mention_ids, str) else [])]
        shown = page.eval_on_selector_all("mark.evidence", "els => els.map(e => e.dataset.mention)")
        assert set(shown) == {f"{claim.doc_id}:{m}" for m in evidence if isinstance(m, str) and m}
        assert page.locator(f"#doc-{doc_index}-c{position}.selected").count() == 1
    page.mouse.move(0, 0)  # the pointer left over a highlight by the clicks would hide the tip again
    page.focus("[data-mention]")
    assert page.is_visible("#tip") and "rule:" in page.inner_text("#tip")


def visible_deals(page) -> int:
    return page.locator("#deals-table tbody tr:not([hidden])").count()


def test_deal_filters_and_sorting(v2_run, tmp_path, open_page):
    page = open_page(build_review(v2_run, tmp_path / "review.html")[0])
    deals = read_table(v2_run, "deals")
    assert visible_deals(page) == len(deals) > 3
    for select, column in (("#filter-country", "country"), ("#filter-vendor", "vendors"),
                           ("#filter-technology", "technologies")):
        values = Counter(v for cell in deals[column].fillna("") for v in cell.split("|") if v).most_common()
        assert values[-1][1] < len(deals)  # each filter has a choice that hides deals
        for value, count in (values[0], values[-1]):
            page.select_option(select, value)
            assert visible_deals(page) == count
            assert page.inner_text("#deals-count").startswith(f"{count} of {len(deals)}")
        page.select_option(select, "")
    country, vendor = deals.iloc[0][["country", "vendors"]]
    page.select_option("#filter-country", country)
    page.select_option("#filter-vendor", vendor.split("|")[0])
    assert visible_deals(page) == sum((deals.country == country) & deals.vendors.str.split("|").map(
        lambda vs: vendor.split("|")[0] in vs))
    page.click("#deals-table th:nth-child(10) button")
    counts = [int(t.split()[0]) for t in page.locator("#deals-table tbody td:nth-child(10)").all_inner_texts()]
    assert counts == sorted(counts)
    claim_links = page.eval_on_selector_all("#deals-table td:last-child a", "els => els.map(e => e.getAttribute('href'))")
    assert len(claim_links) == sum(len(ids.split("|")) for ids in deals.claim_ids)
    assert page.evaluate("links => links.every(l => document.getElementById(l.slice(1)) !== null)", claim_links)
    page.click("#deals-table tbody tr:not([hidden]) a >> nth=0")
    assert page.evaluate("location.hash").startswith("#doc-")


def test_large_run_in_pages_linked_from_the_index(v2_run, tmp_path, open_page):
    written = build_review(v2_run, tmp_path / "review.html", group_size=5)
    documents = read_table(v2_run, "documents")
    assert len(written) == 1 + -(-len(documents) // 5)
    index = open_page(written[0])
    assert index.locator("[data-mention]").count() == 0
    links = index.eval_on_selector_all("#documents-table a", "els => els.map(e => e.getAttribute('href'))")
    assert {link.split("#")[0] for link in links} == {path.name for path in written[1:]}
    owners = sum(open_page(path).locator("[data-mention]").count() for path in written[1:])
    assert owners == len(read_table(v2_run, "mentions"))


def test_hostile_article_runs_no_script(hostile_run, tmp_path, open_page):
    page = open_page(build_review(hostile_run, tmp_path / "review.html")[0])
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator("script").count() == 1 and page.locator("section img").count() == 0
    texts = page.locator("section.document .text").all_inner_texts()
    assert any("<script>alert(1)</script>" in t for t in texts) and any("onerror=" in t for t in texts)
    assert page.locator("section.document h2").first.inner_text() == HOSTILE[0]["title"]


def test_gold_errors_marked_in_place(corpus_run_dir, tmp_path):
    page = build_review(corpus_run_dir, tmp_path / "review.html", gold=[GOLD])[0].read_text(encoding="utf-8")
    report = evaluate(load_gold(GOLD), corpus_run_dir)
    tags = Elements(page).tags
    marks = Counter(a["data-gold"] for _, a in tags if "data-gold" in a)
    assert marks["miss"] == len(report.misses) > 0
    assert marks["attachment"] == len(report.wrong_attachments) > 0
    classes = " ".join(a.get("class", "") for _, a in tags)
    assert classes.count("gold-spurious") >= len(report.spurious)
    # a claim row is flagged where the pipeline made the claim (a missed value has no row)
    assert classes.count("gold-attachment-row") == sum(row is not None for _, _, row in report.wrong_attachments)


def test_screenshot_of_the_bundled_corpus(tmp_path, open_page, monkeypatch):
    """The README's picture of the page `make review` builds: the document with the most claims,
    one claim's evidence selected, its value's fields shown, gold errors marked. Saved to
    $REVIEW_SCREENSHOT when set (`make review`)."""
    monkeypatch.chdir(ROOT)  # sources relative to the project, as `make review` shows them
    assert main(["run", "corpus/articles", "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    page = open_page(build_review(tmp_path / "out", tmp_path / "review.html", gold=[GOLD])[0], width=1200, height=1250)
    sections = page.locator("section.document")
    counts = [sections.nth(i).locator("tr.evidence-row").count() for i in range(sections.count())]
    section = sections.nth(counts.index(max(counts)))
    rows = section.locator("tr.evidence-row")
    rows.nth(min(1, rows.count() - 1)).click()
    section.locator("h2").evaluate("h => window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY"
                                   " - document.querySelector('.legend').offsetHeight - 12)")
    section.locator("mark.evidence[data-label=MONEY], mark.evidence[data-label=QUANTITY]").first.hover()
    assert section.locator("mark.evidence").count() >= 2 and page.is_visible("#tip")
    shot = tmp_path / "review.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 20_000
    if os.environ.get("REVIEW_SCREENSHOT"):
        shutil.copyfile(shot, os.environ["REVIEW_SCREENSHOT"])
