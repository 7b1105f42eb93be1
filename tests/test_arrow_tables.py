"""Arrow columns built without `pa.array` (which imports pandas): the same arrays, and a run
that never imports pandas."""
from __future__ import annotations

import math
import subprocess
import sys

import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.tables import FLOAT, INT, SCHEMAS, STR, arrow_array, arrow_table, rows_table
from tests.conftest import CORPUS, ROOT

COLUMNS = [
    (STR, ["Kenya", None, "", "Nairobi’s 1,800 cameras", "中兴", "a\x00b"]),
    (STR, [None, None]),
    (STR, []),
    (INT, [0, None, -3, 2**62, 17]),
    (INT, [None]),
    (INT, [1, 2, 3]),
    (FLOAT, [1.5, None, float("nan"), 3, -0.0, float("inf"), 1e300]),
    (FLOAT, []),
    (FLOAT, [None, 2.0]),
]


@pytest.mark.parametrize(("type_", "values"), COLUMNS)
def test_an_array_is_the_one_pa_array_gives(type_, values):
    built = arrow_array(values, type_)
    assert built.type == type_ and built.null_count == values.count(None)
    assert built.equals(pa.array(values, type_)) or _same_with_nan(built, values)


def _same_with_nan(built: pa.Array, values: list) -> bool:
    """NaN is never equal to itself, so arrays holding one are compared value by value."""
    return all(b is v or b == v or (isinstance(v, float) and math.isnan(v) and math.isnan(b))
               for b, v in zip(built.to_pylist(), values, strict=True))


@pytest.mark.parametrize(("type_", "values"), [(INT, ["3"]), (FLOAT, ["3"]), (FLOAT, [None, object()]),
                                              (STR, [3]), (STR, ["a", 2.5])])
def test_a_value_of_another_type_is_refused_as_pa_array_refuses_it(type_, values):
    with pytest.raises((TypeError, pa.ArrowInvalid)):
        pa.array(values, type_)
    with pytest.raises(TypeError):
        arrow_array(values, type_)


def test_a_fraction_in_an_integer_column_is_refused_not_truncated():
    assert pa.array([1.5], INT).to_pylist() == [1]
    with pytest.raises(TypeError):
        arrow_array([1.5], INT)


@given(st.lists(st.none() | st.text()), st.lists(st.none() | st.integers(-2**63, 2**63 - 1)),
       st.lists(st.none() | st.floats(allow_nan=False)))
def test_any_column_reads_back_as_written(texts, integers, floats):
    for type_, values in ((STR, texts), (INT, integers), (FLOAT, floats)):
        assert arrow_array(values, type_).to_pylist() == values


def test_tables_from_columns_and_from_rows_are_the_same():
    rows = [{"doc_id": "a", "mention_id": "m1", "label": "MONEY", "start": 3, "end": 9, "value": 2e6},
            {"doc_id": "b", "mention_id": "m1", "label": "COUNTRY", "start": 0, "end": 5, "country": "KE"}]
    schema = SCHEMAS["mentions"]
    table = rows_table(rows, schema)
    assert table.schema == schema
    assert table.equals(pa.Table.from_pylist(rows, schema=schema))
    assert table.equals(arrow_table({name: [row.get(name) for row in rows] for name in schema.names}, schema))


def test_a_run_never_imports_pandas(tmp_path):
    script = ("import sys; from pipeline.runner import run; "
              f"run([{str(CORPUS)!r}], {str(tmp_path / 'out')!r}, progress=False); "
              "print('pandas' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
    assert sorted(p.name for p in (tmp_path / "out").glob("*.parquet")) == [
        "claims.parquet", "deals.parquet", "documents.parquet", "mentions.parquet"]
