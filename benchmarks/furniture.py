"""What becomes of a page's furniture and of its article text, on the site split of
``pagesets`` (develop / report), three ways:

- **pages**: the saved HTML through the real pipeline (trafilatura, then the statement rules),
  as ``factcheck init page.html`` reads it;
- **pasted**: the page's visible blocks pasted whole as one text, one block a paragraph;
- **lines alone**: each block fed alone, as the one line of an article (the figure earlier
  sessions used; a line alone cannot show where on the page it was).

The unit is a labelled block of four words or more (shorter blocks, "Home", "Share", are never
claims and would only flatter the figures); on the trafilatura set, whose gold is a few snippets
a page, the unit is the snippet. For each unit: does any of it become a statement, a check-worthy
one (priority >= 0.5), or is it lost: it becomes no statement and every sentence of it is skipped
by a rule that calls it the page's frame (``FRAME_FAMILIES``), not for being a heading or a question.

    python benchmarks/furniture.py            # print the tables, both parts (about a minute)
    python benchmarks/furniture.py --develop pasted pages  # the develop part only, while choosing rules
    python benchmarks/furniture.py --leaks develop pasted  # list what leaks and what is lost, to read
    python benchmarks/furniture.py --halves   # the develop part's two halves by site, pasted and pages:
                                              # make a rule reading half A, check it on half B

``bench.py --write`` saves the same tables for BENCHMARKS.md.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import pagesets  # noqa: E402

from factcheck.extraction.statements import CHECK_WORTHY, Extraction, extract  # noqa: E402
from factcheck.reading.article import (
    Article,
    normalise,  # noqa: E402
)

# The rules that call a line the page's, not the article's (what an article's line must never be
# given), by the first part of their id: every rule of these families, the furniture model's
# included. (Until 2026-12-07 this was a list of reasons that missed "another story's headline"
# and "citation or reference", so content lost to those rules did not count as lost.)
FRAME_FAMILIES = ("furniture", "credit", "caption", "body", "bio", "promo", "copyright", "headline", "furniture-model")
MIN_WORDS = 4
MODES = ("pages", "pasted", "lines")


@dataclass
class Fate:
    label: str  # content | boilerplate
    text: str
    located: bool  # found in the text the pipeline read (always, except from HTML)
    stated: bool  # some of it became a statement
    worthy: bool  # ... with priority >= CHECK_WORTHY
    lost: bool  # no statement, and every sentence of it skipped as the page's frame
    reasons: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    page: str = ""


def units(page: pagesets.Page) -> list[tuple[str, str]]:
    """(text, label) of the page's scored units: blocks of MIN_WORDS words or more labelled
    content or boilerplate; snippets on the trafilatura set."""
    if page.set == "trafilatura":
        return [(s, "content") for s in page.with_snippets if s] + [
            (s, "boilerplate") for s in page.without_snippets if s
        ]
    return [
        (normalise(t).strip(), label)
        for t, label in page.blocks
        if label in ("content", "boilerplate") and len(t.split()) >= MIN_WORDS
    ]


def _fate(label: str, unit: str, at: int, extraction: Extraction, page: str) -> Fate:
    if at < 0:
        return Fate(label, unit, False, False, False, False, page=page)
    end = at + len(unit)
    stated = [s for s in extraction.statements if s.start < end and s.end > at]
    skipped = [k for k in extraction.skipped if k.start < end and k.end > at]
    lost = not stated and bool(skipped) and all(k.rule.split(".")[0] in FRAME_FAMILIES for k in skipped)
    return Fate(
        label,
        unit,
        True,
        bool(stated),
        any(s.priority >= CHECK_WORTHY for s in stated),
        lost,
        tuple(k.reason for k in skipped),
        tuple(getattr(k, "rule", "") for k in skipped),
        page,
    )


def _locate(text: str, found: Iterable[tuple[str, str]]) -> list[tuple[str, str, int]]:
    """Where each unit is in ``text``: the next place after the last one found, else anywhere."""
    out, cursor = [], 0
    for unit, label in found:
        at = text.find(unit, cursor)
        if at < 0:
            at = text.find(unit)
        else:
            cursor = at + len(unit)
        out.append((unit, label, at))
    return out


def page_text(page: pagesets.Page) -> str:
    from factcheck.reading.webpage import extract_page

    try:
        return normalise(extract_page(page.html.encode("utf-8"), "bench").text)
    except Exception:  # no text found: nothing reaches the statements
        return ""


def fates(page: pagesets.Page, mode: str) -> list[Fate]:
    found = units(page)
    if mode == "lines":
        out = []
        for unit, label in found:
            text = normalise(unit)
            out.append(_fate(label, unit, text.find(unit), extract(Article(text, "", "bench")), page.id))
        return out
    if mode == "pasted":
        blocks = [normalise(t).strip() for t, _ in page.blocks]
        text = normalise("\n\n".join(b for b in blocks if b))
    else:
        text = page_text(page)
    if not text.strip():
        return [Fate(label, unit, False, False, False, False, page=page.id) for unit, label in found]
    extraction = extract(Article(text, "", "bench"))
    if page.set == "trafilatura":  # snippets are compared with spaces folded
        folded, index = _folded(text)
        out = []
        for unit, label in found:
            at = folded.find(unit)
            if at < 0:
                out.append(Fate(label, unit, False, False, False, False, page=page.id))
            else:
                start, end = index[at], index[at + len(unit) - 1] + 1
                out.append(_fate(label, text[start:end], start, extraction, page.id))
        return out
    return [_fate(label, unit, at, extraction, page.id) for unit, label, at in _locate(text, found)]


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` with each run of spaces one space, and where each folded character was."""
    chars, index, space = [], [], True
    for i, ch in enumerate(text):
        if ch.isspace():
            if not space:
                chars.append(" ")
                index.append(i)
            space = True
        else:
            chars.append(ch)
            index.append(i)
            space = False
    return "".join(chars), index


@dataclass
class Rates:
    furniture: int = 0
    furniture_stated: int = 0
    furniture_worthy: int = 0
    content: int = 0
    content_located: int = 0
    content_lost: int = 0
    content_stated: int = 0

    def add(self, fate: Fate) -> None:
        if fate.label == "boilerplate":
            self.furniture += 1
            self.furniture_stated += fate.stated
            self.furniture_worthy += fate.worthy
        else:
            self.content += 1
            self.content_located += fate.located
            self.content_lost += fate.lost
            self.content_stated += fate.stated

    @property
    def leak(self) -> float:
        return self.furniture_stated / self.furniture if self.furniture else 0.0

    @property
    def worthy(self) -> float:
        return self.furniture_worthy / self.furniture if self.furniture else 0.0

    @property
    def kept(self) -> float:
        return 1 - self.content_lost / self.content_located if self.content_located else 1.0

    @property
    def reached(self) -> float:
        return self.content_located / self.content if self.content else 0.0


def measure(
    sets: Iterable[str] = pagesets.SETS,
    modes: Iterable[str] = MODES,
    keep: bool = False,
    parts: Iterable[str] = pagesets.PARTS,
) -> tuple[dict, list[Fate]]:
    """{(set, part, mode): Rates}, and every Fate when ``keep``."""
    rates: dict[tuple[str, str, str], Rates] = {}
    kept: list[Fate] = []
    for name in sets:
        for page in pagesets.pages(name):
            if page.part not in parts:
                continue
            for mode in modes:
                for fate in fates(page, mode):
                    rates.setdefault((name, page.part, mode), Rates()).add(fate)
                    rates.setdefault(("all", page.part, mode), Rates()).add(fate)
                    if keep:
                        fate.page = f"{page.part}:{page.id}"
                        kept.append((mode, fate))
    return rates, kept


def tables(rates: dict) -> list[tuple[str, list[str], list[list]]]:
    """The tables BENCHMARKS.md shows: one per mode, develop and report side by side."""
    out = []
    titles = {
        "pages": "From the saved page (HTML through trafilatura and the statement rules)",
        "pasted": "From the page pasted whole as text",
        "lines": "Each block alone, as a one-line article (the figure earlier sessions used)",
    }
    for mode in MODES:
        rows = []
        for name in (*pagesets.SETS, "all"):
            dev, rep = rates.get((name, "develop", mode)), rates.get((name, "report", mode))
            if not dev or not rep:
                continue
            row = [
                name,
                f"{dev.furniture} / {rep.furniture}",
                f"{dev.leak:.1%} / **{rep.leak:.1%}**",
                f"{dev.worthy:.1%} / {rep.worthy:.1%}",
                f"{dev.content} / {rep.content}",
                f"{dev.kept:.1%} / **{rep.kept:.1%}**",
                f"{dev.content_stated / dev.content:.1%} / {rep.content_stated / rep.content:.1%}",
            ]
            if mode == "pages":
                row.append(f"{dev.reached:.1%} / {rep.reached:.1%}")
            rows.append(row)
        headers = [
            "set",
            "furniture units (develop / report)",
            "furniture becoming a statement",
            "... a check-worthy one",
            "content units",
            "content kept",
            "content giving a statement",
        ]
        if mode == "pages":
            headers.append("content reaching the text")
        out.append((titles[mode], headers, rows))
    return out


def main() -> None:
    args = sys.argv[1:]
    known = {"--leaks", "--develop", "--halves", "develop", "report", *MODES}
    if any(a in ("-h", "--help") for a in args) or not set(args) <= known:
        # anything unknown is a question, not a run: a bare run prints the report part too
        print(__doc__)
        raise SystemExit(0 if {"-h", "--help"} & set(args) else 2)
    if "--leaks" in args:
        part, mode = args[args.index("--leaks") + 1 : args.index("--leaks") + 3]
        _, kept = measure(modes=(mode,), keep=True, parts=(part,))
        for _m, fate in kept:
            if fate.page.startswith(part) and (
                fate.label == "boilerplate" and fate.stated or fate.label == "content" and fate.lost
            ):
                what = "LEAK" if fate.label == "boilerplate" else "LOST"
                print(f"{what}\t{fate.page}\t{'W' if fate.worthy else ''}\t{fate.text[:160]}\t{','.join(fate.reasons)}")
        return
    if "--halves" in args:  # the develop part only, each half by site alone, with unit counts
        _, kept = measure(modes=("pasted", "pages"), keep=True, parts=("develop",))
        sites = {p.id: p.site for name in pagesets.SETS for p in pagesets.pages(name)}
        halves: dict[tuple[str, str], Rates] = {}
        for mode, fate in kept:
            half = pagesets.half_of(sites[fate.page.split(":", 1)[1]])
            for key in ((mode, half), (mode, "A+B")):
                halves.setdefault(key, Rates()).add(fate)
        for (mode, half), r in sorted(halves.items()):
            print(
                f"{mode:<7} half {half:<3} furniture {r.furniture:>5} stated {r.leak:6.2%} ({r.furniture_stated})"
                f" check-worthy {r.worthy:6.2%} | content {r.content:>5} kept {r.kept:6.2%} (lost {r.content_lost})"
            )
        return
    from common import Section

    if "--develop" in args:  # while rules are chosen: the develop part alone, nothing of the report part
        modes = tuple(m for m in MODES if m in args) or MODES
        rates, _ = measure(modes=modes, parts=("develop",))
        for (name, _, mode), r in sorted(rates.items(), key=lambda kv: (MODES.index(kv[0][2]), kv[0][0])):
            print(
                f"{mode:<7} {name:<12} furniture {r.furniture:>5} stated {r.leak:6.1%} check-worthy {r.worthy:6.1%}"
                f" | content {r.content:>5} kept {r.kept:6.1%} stated {r.content_stated / r.content:6.1%}"
            )
        return
    rates, _ = measure()
    section = Section.__new__(Section)
    section.parts = []
    for title, headers, rows in tables(rates):
        section.heading(title)
        section.table(headers, rows)


if __name__ == "__main__":
    main()
