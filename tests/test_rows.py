"""RowTable draws what rich's Table draws, character for character, at any width."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console

from factcheck.reporting import views
from factcheck.reporting.rows import RowTable
from factcheck.reporting.views import Text

# the column sets the status views use: articles, one row per statement (the stale ones too),
# the next statements to check
COLUMN_SETS = [views._ARTICLE_COLUMNS, views._STATEMENT_COLUMNS, views._NEXT_COLUMNS]
# words as articles have them, wide characters, combining marks and emoji
_CHARS = st.sampled_from(list("abc XYZ 0.9/“”’—-") + ["中文", "ｗ", "e\u0301", "😀", " ", "  "])
_PLAIN = st.lists(_CHARS, max_size=30).map("".join)


def _draw(renderable, width: int, colour: bool) -> str:
    console = Console(
        file=io.StringIO(),
        width=width,
        height=50,  # with a height too, rich keeps the width under TERM=dumb (conftest), not 80
        force_terminal=colour,
        color_system="truecolor" if colour else None,
        legacy_windows=False,
    )
    console.print(renderable)
    return console.file.getvalue()


@settings(max_examples=300, deadline=None)
@given(
    columns=st.sampled_from(COLUMN_SETS),
    rows=st.lists(st.data(), max_size=4),
    width=st.integers(min_value=8, max_value=180),
    colour=st.booleans(),
    title=_PLAIN,
    broken=st.sampled_from(["", "", "\n", "\n\n", "\t"]),  # lines in a cell; a tab is left to rich
    where=st.integers(min_value=0, max_value=6),
)
def test_same_as_rich_table(columns, rows, width, colour, title, broken, where):
    table = RowTable(Text(title), columns)
    for data in rows:
        table.add_row(*(data.draw(_PLAIN) for _ in columns))
    if broken and table.rows:
        cells = list(table.rows[-1])
        cells[where % len(cells)] += broken + "more"
        table.rows[-1] = tuple(cells)
    drawn, _ = table.fitted(width)  # itself, or with columns cut or left out on a narrow terminal
    assert _draw(table, width, colour) == _draw(drawn.table(), width, colour)


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(st.tuples(_PLAIN, _PLAIN, _PLAIN), min_size=1, max_size=4),
    width=st.integers(min_value=36, max_value=120),
    numbers=st.lists(st.integers(min_value=1, max_value=999), min_size=4, max_size=4),
)
def test_a_narrow_terminal_never_cuts_an_id(rows, width, numbers):
    """Status notes, ratings and statements give way, then the columns least needed; the ID a
    checker types into `factcheck show` is always whole, and no line is wider than the terminal."""
    table = RowTable(Text("t"), views._STATEMENT_COLUMNS)
    for (status, rating, statement), n in zip(rows, numbers):
        table.add_row(
            f"{n:02}", "unstarted (checked before, 5 errors) " + status, rating, "0.64", "0/3", "1", statement
        )
    out = _draw(table, width, False).splitlines()
    assert all(cell_len(line) <= width for line in out)
    ids = [line.split("│")[1].strip() for line in out if line.startswith("│")]
    assert ids == [f"{n:02}" for n in numbers[: len(rows)]]


def test_a_status_table_as_rich_draws_it():
    table = RowTable(Text("us-accuses  (factcheck show ID)"), views._STATEMENT_COLUMNS)
    table.add_row(
        "01", "unstarted", "-", "0.64", "0/3", "0", "US accuses North Korea of arming Kremlin-linked Wagner Group"
    )
    table.add_row("02", "done", "false", "0.91", "5/5", "2", "The White House has accused North Korea.")
    assert _draw(table, 80, False) == (
        "us-accuses  (factcheck show ID)                                                 \n"
        "┏━━━━┳━━━━━━━━━━━┳━━━━━━━━┳━━━━━━┳━━━━━━━━┳━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓\n"
        "┃ ID ┃ Status    ┃ Rating ┃  Pri ┃ Checks ┃ Src ┃ Statement                    ┃\n"
        "┡━━━━╇━━━━━━━━━━━╇━━━━━━━━╇━━━━━━╇━━━━━━━━╇━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩\n"
        "│ 01 │ unstarted │ -      │ 0.64 │    0/3 │   0 │ US accuses North Korea of a… │\n"
        "│ 02 │ done      │ false  │ 0.91 │    5/5 │   2 │ The White House has accused… │\n"
        "└────┴───────────┴────────┴──────┴────────┴─────┴──────────────────────────────┘\n"
    )


@given(
    total=st.integers(min_value=-50, max_value=400),
    parts=st.lists(
        st.tuples(st.integers(min_value=0, max_value=5), st.integers(min_value=0, max_value=30)), min_size=1, max_size=7
    ),
)
def test_widths_shared_out_as_rich_shares_them(total, parts):
    from rich._ratio import ratio_distribute

    from factcheck.reporting.rows import _distribute

    ratios, minimums = [r for r, _ in parts], [m for _, m in parts]
    if sum(r for r, m in parts if m) == 0:
        return  # rich asserts on this; the tables never ask it
    assert _distribute(total, ratios, minimums) == ratio_distribute(total, ratios, minimums)
    if sum(ratios):
        assert _distribute(total, ratios) == ratio_distribute(total, ratios)
