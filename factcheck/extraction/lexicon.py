"""The word and phrase lists the extraction rules use, read from plain text files in
``data/lexicon/``: one entry a line, ``#`` lines are comments, and ``[group]`` lines start a
group of entries with one purpose. A checker or a contributor edits the lists there, not in the
code; the code names the groups it reads.

    [interjections]
    # capitalised at the start of a sentence, never a name: "Well, Americans have ..."
    Well
    Yes

Entries are kept as written (case and inner spaces); surrounding spaces are dropped. A line
that must start with ``#`` or ``[`` as an entry is written with a backslash before it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

LEXICON = Path(__file__).parent / "data" / "lexicon"


@cache
def groups(name: str) -> dict[str, tuple[str, ...]]:
    """The groups of ``data/lexicon/<name>.txt``, in file order, each with its entries."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    path = LEXICON / f"{name}.txt"
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = found.setdefault(line[1:-1].strip(), [])
            continue
        if current is None:
            raise ValueError(f"{path}:{number}: an entry before the first [group] line")
        current.append(line[1:] if line.startswith(("\\#", "\\[")) else line)
    return {group: tuple(entries) for group, entries in found.items()}


def entries(name: str, *wanted: str) -> tuple[str, ...]:
    """The entries of the named groups of ``data/lexicon/<name>.txt`` (all groups when none is
    named), in file order."""
    found = groups(name)
    missing = [g for g in wanted if g not in found]
    if missing:
        raise KeyError(f"data/lexicon/{name}.txt has no group {', '.join(missing)}")
    return tuple(e for g in (wanted or tuple(found)) for e in found[g])


def words(name: str, *wanted: str) -> frozenset[str]:
    """``entries`` as a set, for lookups."""
    return frozenset(entries(name, *wanted))
