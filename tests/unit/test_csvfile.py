"""CSV files for staff: what a spreadsheet would run is neutralised, numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pytest

from bot.csvfile import csv_bytes, safe_cell


@pytest.mark.parametrize(
    "value",
    ["=1+1", "+33 1 23", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "＝1", '=HYPERLINK("x")'],
)
def test_formulas_are_neutralised(value: str) -> None:
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize(
    ("value", "shown"), [(-3, "-3"), (2.5, "2.5"), (None, ""), ("a=b", "a=b")]
)
def test_other_cells_are_kept(value: object, shown: str) -> None:
    assert safe_cell(value) == shown


def test_a_domain_from_a_user_id_cannot_become_a_formula() -> None:
    data = csv_bytes(["ministry", "messages"], [["=cmd|' /C calc'!A0", 3]])
    [row] = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert row == {"ministry": "'=cmd|' /C calc'!A0", "messages": "3"}
