"""Every input format, and bad inputs: each document gives exactly one documents row."""
from __future__ import annotations

import json

import pytest

from pipeline.cli import main
from pipeline.readers import Columns, InputError, decode, discover, read_all
from pipeline.tables import read_table


def run_tables(inputs, out, *extra):
    assert main(["run", *map(str, inputs), "--out", str(out), "--format", "csv", "--no-progress", *extra]) == 0
    return {name: read_table(out, name) for name in ("documents", "mentions", "claims")}


def test_text_keeps_original_bytes_and_offsets(tmp_path):
    raw = "Kenya paid $3 million.\r\n\r\n  Uganda's 40 cameras.  \n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(raw.encode("utf-8-sig"))
    tables = run_tables([tmp_path / "in"], tmp_path / "out")
    doc = tables["documents"].iloc[0]
    assert doc["text"] == raw and doc["doc_id"] == "a" and doc["status"] == "ok"
    for m in tables["mentions"].itertuples():
        assert raw[m.start:m.end] == m.text
    assert {"Kenya", "$3 million", "Uganda", "40"} <= set(tables["mentions"]["text"])


def test_doc_ids_follow_spec(tmp_path):
    folder = tmp_path / "in" / "sub"
    folder.mkdir(parents=True)
    (folder / "story.md").write_text("# Title\n\nKenya bought 40 cameras.", encoding="utf-8")
    (tmp_path / "in" / "batch.jsonl").write_text(
        json.dumps({"id": "x1", "text": "Kenya"}) + "\n" + json.dumps({"text": "Uganda"}) + "\n", encoding="utf-8")
    (tmp_path / "in" / "rows.csv").write_text("text,title\nZambia paid $5m,Z\n", encoding="utf-8")
    tables = run_tables([tmp_path / "in"], tmp_path / "out")
    assert list(tables["documents"]["doc_id"]) == ["x1", "batch:2", "rows:1", "sub/story"]
    single = run_tables([folder / "story.md"], tmp_path / "out2")
    assert list(single["documents"]["doc_id"]) == ["story"]
    assert single["documents"].iloc[0]["title"] == "Title"


def test_html_main_text_without_furniture(tmp_path):
    page = """<html><head><title>Cameras in Lusaka</title>
    <meta property="article:published_time" content="2023-06-03T10:00:00Z"></head><body>
    <nav><a href="/">Home</a> <a href="/news">News about Brazil</a></nav>
    <div id="cookie">We use cookies. Accept all cookies</div>
    <article><h1>Cameras in Lusaka</h1>
    <p>Zambia signed a $210 million deal with Huawei for 1,200 cameras in Lusaka, the ministry said on Friday.</p>
    <p>The first phase cost $89 million and was financed by a 20-year loan, officials in the capital said.</p>
    </article>
    <section><h3>Leave a Comment</h3><p>Your email address will not be published.</p></section>
    <footer>Scroll to Top. Copyright Peru Media</footer><script>var x = "Mexico";</script></body></html>"""
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    tables = run_tables([tmp_path / "page.html"], tmp_path / "out")
    doc = tables["documents"].iloc[0]
    assert doc["status"] == "ok" and doc["published"] == "2023-06-03" and doc["title"] == "Cameras in Lusaka"
    for furniture in ("Leave a Comment", "Scroll to Top", "cookies", "Mexico", "Brazil", "Peru"):
        assert furniture not in doc["text"]
    mentions = tables["mentions"]
    assert "$210 million" in set(mentions["text"])
    for m in mentions.itertuples():
        assert doc["text"][m.start:m.end] == m.text


def test_csv_with_other_column_names(tmp_path):
    (tmp_path / "aid.csv").write_text(
        '"Record ID","Description"\n71,"China Eximbank lends $66.8 million to Sri Lanka."\n', encoding="utf-8")
    tables = run_tables([tmp_path / "aid.csv"], tmp_path / "out", "--text-column", "Description", "--id-column", "Record ID")
    assert list(tables["documents"]["doc_id"]) == ["71"]
    assert "Sri Lanka" in set(tables["mentions"]["text"])


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n ", "empty"),
    ("binary.txt", bytes(range(256)) * 10, "binary"),
    ("script.html", b"<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>", "no article text"),
])
def test_bad_file_gives_one_error_row(tmp_path, name, content, reason):
    (tmp_path / name).write_bytes(content)
    tables = run_tables([tmp_path / name], tmp_path / "out")
    docs = tables["documents"]
    assert len(docs) == 1 and docs.iloc[0]["status"] == "error" and reason in docs.iloc[0]["error"]
    assert tables["mentions"].empty


def test_latin1_file_is_read(tmp_path):
    (tmp_path / "latin.txt").write_bytes("Côte d'Ivoire paid €5 million to Huawei.".encode("latin-1", "replace"))
    tables = run_tables([tmp_path / "latin.txt"], tmp_path / "out")
    doc = tables["documents"].iloc[0]
    assert doc["status"] == "ok" and doc["text"].startswith("Côte d'Ivoire")
    assert {"Côte d'Ivoire", "Huawei"} <= set(tables["mentions"]["text"])


def test_jsonl_bad_lines_are_error_rows_and_nothing_is_lost(tmp_path):
    lines = [json.dumps({"id": "a", "text": "Kenya bought 40 cameras."}), "{not json", json.dumps({"id": "c", "title": "no text"}),
             json.dumps([1, 2]), "", json.dumps({"id": "e", "text": "Uganda paid $3m."})]
    (tmp_path / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = run_tables([tmp_path / "b.jsonl"], tmp_path / "out")["documents"]
    assert list(docs["doc_id"]) == ["a", "b:2", "c", "b:4", "e"]
    assert list(docs["status"]) == ["ok", "error", "error", "error", "ok"]
    assert "not valid JSON" in docs.iloc[1]["error"] and "text" in docs.iloc[2]["error"]


def test_long_document_is_processed_whole(tmp_path):
    filler = ("The committee met again to discuss the budget and other matters of the day. " * 12 + "\n\n")
    text = filler * (3_000_000 // len(filler) + 1) + "In the end Kenya paid $4.7 million for 1,800 cameras."
    assert len(text) > 3_000_000
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    tables = run_tables([tmp_path / "long.txt"], tmp_path / "out")
    assert tables["documents"].iloc[0]["n_chars"] == len(text)
    last = tables["mentions"][tables["mentions"]["text"] == "$4.7 million"]
    assert len(last) == 1 and text[last.iloc[0]["start"]:last.iloc[0]["end"]] == "$4.7 million"
    claim = tables["claims"][tables["claims"]["start"] == last.iloc[0]["start"]].iloc[0]
    assert claim["country"] == "KE"


def test_duplicate_ids_keep_their_own_rows(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "x", "text": "Kenya"}) + "\n" + json.dumps({"id": "x", "text": "Peru"}) + "\n")
    docs = run_tables([tmp_path / "a.jsonl"], tmp_path / "out")["documents"]
    assert list(docs["doc_id"]) == ["x", "x~2"]


@pytest.mark.parametrize("raw, text", [
    (b"\xef\xbb\xbfKenya", "Kenya"), ("Kenya".encode("utf-16"), "Kenya"), (b"caf\xe9", "café"),
    (b"\x93quoted\x94", "\u201cquoted\u201d"),
])
def test_decode(raw, text):
    assert decode(raw) == (text, None)


def test_no_inputs_is_an_input_error(tmp_path):
    with pytest.raises(InputError):
        discover([str(tmp_path)])
    with pytest.raises(InputError):
        discover([str(tmp_path / "missing.txt")])


def test_read_all_reports_unreadable_csv_header(tmp_path):
    (tmp_path / "x.csv").write_text("body\nhello\n")
    records = list(read_all(discover([str(tmp_path / "x.csv")]), Columns()))
    assert len(records) == 1 and "no 'text' column" in records[0].error
