"""A table of plain-text rows drawn without laying out each cell as a renderable.

rich's ``Table`` measures and renders every cell through padding, wrapping and justifying
(about 0.4 ms a row: most of what ``status`` on the example spends beyond its imports). Status
tables hold plain text in ``no_wrap`` columns, so ``RowTable`` works the widths out the way
rich does and writes the lines itself; rich draws the title. The output is the same, character
for character and style for style (tests/test_rows.py compares the two at random widths); what
the shortcut does not cover (a tab in a cell) is drawn by rich's ``Table`` itself.

On a terminal too narrow for every column, rich would shrink them all alike, and the ID a
checker needs for ``factcheck show`` would become "…". Instead the columns that may give way
do, in order: each is cut to its ``squeeze`` width (a status's note, the statement's text),
then the least needed are left out (``drop``), and only then is rich left to shrink the rest.
"""

from __future__ import annotations

from math import ceil
from typing import TYPE_CHECKING, NamedTuple

from rich.box import HEAVY_HEAD as BOX
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.text import Text

if TYPE_CHECKING:
    from rich.table import Table

PADDING = 2  # a space either side of each cell, rich's default


class Column(NamedTuple):
    header: str
    justify: str = "left"  # or "right"
    ratio: int | None = None  # share of the width left over, as rich's ``Column.ratio``
    min_width: int | None = None
    max_width: int | None = None
    squeeze: int | None = None  # on a narrow terminal, cut to this many characters (or this minimum, with a ratio)
    drop: int = 0  # on a terminal too narrow still, left out: 1 first, then 2, ...; 0 never


class RowTable:
    """``Table(title=..., title_justify="left", expand=True)`` with ``no_wrap`` columns whose
    overflow is an ellipsis; each cell plain text, its lines one under the other."""

    def __init__(self, title: Text, columns: list[Column]) -> None:
        self.title = title
        self.columns = columns
        self.rows: list[tuple[str, ...]] = []

    def add_row(self, *cells: str) -> None:
        self.rows.append(cells)

    def table(self) -> Table:
        """The rich Table this draws: what it draws itself when the shortcut does not apply,
        and what the tests compare it with."""
        from rich.table import Table  # only when rich draws it: status imports no rich.table

        table = Table(title=self.title, title_justify="left", expand=True, box=BOX)
        for c in self.columns:
            table.add_column(
                c.header,
                justify=c.justify,
                no_wrap=True,
                overflow="ellipsis",
                ratio=c.ratio,
                min_width=c.min_width,
                max_width=c.max_width,
            )
        for row in self.rows:
            table.add_row(*(Text(cell) for cell in row))
        return table

    def widths(self, max_width: int) -> list[int] | None:
        """Each column's width, padding included, as rich's ``Table`` works them out when no
        column has to shrink; None when one would (rich then decides)."""
        if any("\t" in cell for row in self.rows for cell in row):
            return None
        columns = self.columns
        widths = []
        for i, c in enumerate(columns):
            longest = max(
                cell_len(line) for cell in (c.header, *(row[i] for row in self.rows)) for line in cell.split("\n")
            )
            if c.min_width is not None:
                longest = max(longest, c.min_width)
            if c.max_width is not None:
                longest = min(longest, c.max_width)
            widths.append(0 if c.ratio else min(longest + PADDING, max_width))
        flexible = [c.ratio for c in columns if c.ratio]
        if flexible:
            shares = iter(_distribute(max_width - sum(widths), flexible, [1 + PADDING] * len(flexible)))
            widths = [next(shares) if c.ratio else w for c, w in zip(columns, widths)]
        if sum(widths) > max_width:
            return None
        if sum(widths) < max_width:  # expand: the room left over goes to every column by width
            widths = [w + pad for w, pad in zip(widths, _distribute(max_width - sum(widths), widths))]
        return widths

    def fitted(self, max_width: int) -> tuple[RowTable, list[int] | None]:
        """The table to draw in ``max_width`` cells (this one, or one with its ``squeeze``
        columns cut and its ``drop`` columns left out, as few as need be) and its columns'
        widths; None for widths when none fits, or a cell holds a tab (rich then draws it)."""
        table = self
        widths = self._widths_within(max_width)
        if widths is not None or any("\t" in cell for row in self.rows for cell in row):
            return table, widths
        columns = [_squeezed(c) for c in self.columns]
        keep = list(range(len(columns)))
        for level in [0, *sorted({c.drop for c in columns if c.drop})]:
            keep = [i for i in keep if not (level and columns[i].drop == level)]
            table = RowTable(self.title, [columns[i] for i in keep])
            table.rows = [tuple(row[i] for i in keep) for row in self.rows]
            widths = table._widths_within(max_width)
            if widths is not None:
                return table, widths
        return table, None

    def _widths_within(self, max_width: int) -> list[int] | None:
        """The widths in ``max_width`` cells when the table fits with each ratio column at its
        ``min_width`` or wider (a statement cut to a word says nothing), else None."""
        inner = max_width - (len(self.columns) + 1)  # the borders
        widths = self.widths(inner) if inner > 0 else None
        if widths is None or any(
            c.ratio and c.min_width and w < c.min_width + PADDING for c, w in zip(self.columns, widths)
        ):
            return None
        return widths

    def __rich_console__(self, console, options):
        table, widths = self.fitted(options.max_width)
        if widths is None:
            yield table.table()
            return
        yield from table._draw(console, options, widths)

    def _draw(self, console, options, widths: list[int]):
        box = BOX.substitute(options, safe=console.safe_box)
        if self.title:
            width = sum(widths) + len(self.columns) + 1
            yield from console.render(self.title, options.update(width=width, justify="left", height=None))
        yield Segment(box.get_top(widths))
        yield Segment.line()
        bold = console.get_style("table.header")
        yield Segment(box.head_left)
        for i, (c, width) in enumerate(zip(self.columns, widths)):
            if i:
                yield Segment(box.head_vertical)
            yield Segment(" ", bold)
            yield Segment(_fit(c.header, c.justify, width - PADDING), bold)
            yield Segment(" ", bold)
        yield Segment(box.head_right)
        yield Segment.line()
        yield Segment(box.get_row(widths, "head"))
        yield Segment.line()
        lines = []
        for n, row in enumerate(self.rows, 1):
            left, vertical, right = (
                (box.mid_left, box.mid_vertical, box.mid_right)
                if n < len(self.rows)
                else (box.foot_left, box.foot_vertical, box.foot_right)
            )
            cells = [cell.split("\n") for cell in row]
            for at in range(max(len(parts) for parts in cells)):
                line = (
                    f" {_fit(parts[at], c.justify, width - PADDING)} " if at < len(parts) else " " * width
                    for parts, c, width in zip(cells, self.columns, widths)
                )
                lines.append(f"{left}{vertical.join(line)}{right}\n")
        yield Segment("".join(lines))
        yield Segment(box.get_bottom(widths))
        yield Segment.line()


def _squeezed(c: Column) -> Column:
    """``c`` as a narrow terminal has it: a ratio column's minimum lowered to its ``squeeze``,
    another column cut to it."""
    if not c.squeeze:
        return c
    if c.ratio:
        return c._replace(min_width=c.squeeze)
    return c._replace(max_width=min(c.max_width or c.squeeze, c.squeeze))


def _fit(text: str, justify: str, room: int) -> str:
    """One line of a cell as rich's Text draws it with ``no_wrap`` and an ellipsis."""
    if justify == "right":
        text = text.rstrip()
    if cell_len(text) > room:
        text = set_cell_size(text, room - 1) + "…"
    gap = " " * (room - cell_len(text))
    return gap + text if justify == "right" else text + gap


def _distribute(total: int, ratios: list[int], minimums: list[int] | None = None) -> list[int]:
    """``total`` in parts by ``ratios``, each at least its minimum: rich's ``ratio_distribute``
    (rich._ratio, MIT licence), step for step, as the widths must come out the same; its module
    would import ``fractions`` for nothing else."""
    if minimums:
        ratios = [ratio if minimum else 0 for ratio, minimum in zip(ratios, minimums)]
    total_ratio = sum(ratios)
    remaining = total
    parts = []
    for ratio, minimum in zip(ratios, minimums or [0] * len(ratios)):
        part = max(minimum, ceil(ratio * remaining / total_ratio)) if total_ratio > 0 else remaining
        parts.append(part)
        total_ratio -= ratio
        remaining -= part
    return parts
