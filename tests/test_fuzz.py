"""Fuzzing, bounded: hypothesis properties for `init --dry-run --json` on any text and for
`check`, `status`, `show` and `export` on any worksheet bytes and shapes (tests/fuzzing.py says
what is thrown and what is required). Each example has a deadline and a hang guard; the whole
file takes about half a minute. `benchmarks/fuzz.py` runs the same properties far longer."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .fuzzing import TEXTS, check_commands_on_sheet, check_init_text, make_workspace, reset, sheet_bytes

DEADLINE = dt.timedelta(seconds=10)  # per example; a hang is also stopped by tests/fuzzing.CASE_CAP
FUZZ = settings(
    deadline=DEADLINE,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return make_workspace(tmp_path_factory.mktemp("fuzz-template"))


@settings(FUZZ, max_examples=150)
@given(TEXTS)
def test_init_accounts_for_every_character_of_any_text(tmp_path_factory, text):
    check_init_text(text, tmp_path_factory.mktemp("init"))


@settings(FUZZ, max_examples=40)
@given(st.binary(max_size=400))
def test_init_on_any_bytes_answers_or_refuses_in_one_line(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("bytes")
    (folder / "a.txt").write_bytes(data)
    from .fuzzing import _invoke, _one_line_error

    result = _invoke(["init", str(folder / "a.txt"), "--dry-run", "--json", "--dir", str(folder / "ws")])
    if result.exit_code != 0:
        _one_line_error(result)


@settings(FUZZ, max_examples=60)
@given(data=st.data())
def test_reading_commands_on_any_worksheet(template, tmp_path_factory, data):
    template_root, template_sheet = template
    root = tmp_path_factory.mktemp("ws") / "worksheets"
    reset(template_root, root)
    sheet = root / template_sheet.relative_to(template_root)
    content = data.draw(sheet_bytes(template_sheet.read_bytes()))
    check_commands_on_sheet(root, sheet, content, no_index=data.draw(st.booleans()))
