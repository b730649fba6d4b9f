"""How far each extraction rule reaches on the furniture sets: on how many pages and sites it
skips a unit, and how many of those units the gold calls furniture and how many content. A rule
that fires on one page only fits that page, not a kind of furniture (issue 20: such phrases
were dropped); one that takes content needs a look.

    python scripts/rule_reach.py              # every rule, pages pasted whole (about a minute)
    python scripts/rule_reach.py --phrases    # each furniture phrase alone, on every block
    python scripts/rule_reach.py --develop    # every rule, the develop part's pages only

Reads ../shared/data (or $FACTCHECK_DATA); both parts of the site split, since reach is about
where a rule fires, not how well it scores (nothing is chosen on the report part here: a phrase
is kept or dropped by its count of pages).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from factcheck.extraction.sentences import sentences  # noqa: E402
from factcheck.extraction.skips import _FURNITURE_BY_KEY  # noqa: E402
from factcheck.extraction.statements import extract  # noqa: E402
from factcheck.reading.article import (
    Article,
    normalise,  # noqa: E402
)

MIN_PAGES = 2  # a phrase that fires on fewer pages than this is one page's, not a kind's


def phrase_reach() -> list[tuple[str, str, set[str], set[str], int]]:
    """For each furniture phrase: (rule, pattern, pages, sites, content blocks it fires on)."""
    import pagesets

    pages: dict[int, set[str]] = defaultdict(set)
    sites: dict[int, set[str]] = defaultdict(set)
    content: dict[int, int] = defaultdict(int)
    for name in pagesets.SETS:
        for page in pagesets.pages(name):
            for block, label in page.blocks:
                block = normalise(block).strip()
                for span in sentences(block):
                    low = block[span.start : span.end].strip().lower()
                    if len(low) >= 160:
                        continue
                    for i, (_, key, phrase) in enumerate(_FURNITURE_BY_KEY):
                        if key in low and phrase.search(low):
                            pages[i].add(f"{name}:{page.id}")
                            sites[i].add(page.site)
                            content[i] += label == "content"
    return [
        (rule, phrase.pattern, pages[i], sites[i], content[i]) for i, (rule, _, phrase) in enumerate(_FURNITURE_BY_KEY)
    ]


def rule_reach(parts: tuple[str, ...] = ("develop", "report")) -> dict[str, list]:
    """For each rule id: [pages, sites, furniture units, content units] it skips, pages pasted whole,
    on the pages of ``parts`` of the site split."""
    import pagesets

    out: dict[str, list] = defaultdict(lambda: [set(), set(), 0, 0])
    for name in pagesets.SETS:
        for page in pagesets.pages(name):
            if page.part not in parts:
                continue
            blocks = [(normalise(t).strip(), label) for t, label in page.blocks]
            blocks = [(t, label) for t, label in blocks if t]
            text = normalise("\n\n".join(t for t, _ in blocks))
            starts, pos = [], 0
            for t, _ in blocks:
                starts.append(pos)
                pos += len(t) + 2
            import bisect

            for k in extract(Article(text, "", "reach")).skipped:
                label = blocks[bisect.bisect_right(starts, k.start) - 1][1]
                entry = out[k.rule]
                entry[0].add(f"{name}:{page.id}")
                entry[1].add(page.site)
                entry[2] += label == "boilerplate"
                entry[3] += label == "content"
    return out


def main() -> None:
    if "--phrases" in sys.argv:
        for rule, pattern, pages, sites, content in sorted(phrase_reach(), key=lambda r: (len(r[2]), r[0])):
            flag = "  <- one page" if len(pages) < MIN_PAGES else ""
            print(f"{len(pages):>4} pages {len(sites):>4} sites {content:>3} content  {rule:<32} {pattern[:60]}{flag}")
        return
    parts = ("develop",) if "--develop" in sys.argv else ("develop", "report")
    print(f"{'rule':<34} {'pages':>5} {'sites':>5} {'furniture':>9} {'content':>7}")
    for rule, (pages, sites, furniture, content) in sorted(rule_reach(parts).items(), key=lambda kv: -len(kv[1][0])):
        print(f"{rule:<34} {len(pages):>5} {len(sites):>5} {furniture:>9} {content:>7}")


if __name__ == "__main__":
    main()
