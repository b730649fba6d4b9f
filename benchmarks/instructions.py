"""Count the instructions the statement pipeline executes on 100 KB of text, under valgrind.

    python benchmarks/instructions.py            # this checkout
    python benchmarks/instructions.py ../other   # another checkout, to compare A/B

Wall-clock times on a shared machine swing by 2x between identical runs; instruction counts
(callgrind) repeat to within a fraction of a percent, so this is the figure to compare when
deciding whether a change made the pipeline faster. It runs the same program twice, with and
without the pipeline, and prints the difference, so start-up and loading are not counted.
Needs valgrind (Debian package `valgrind`); the text is the benchmark's 1 MB text, cut to
100 KB (about 20 s under valgrind).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = 100_000

PROGRAM = """
import sys
sys.path.insert(0, {bench!r})
import bench
text, _ = bench.one_mb_article()
text = text[:{size}]
for name in [m for m in sys.modules if m.startswith("factcheck")]:
    del sys.modules[name]
sys.path.insert(0, {root!r})
from factcheck.reading.article import Article
from factcheck.extraction.statements import extract
extract(Article(text="Warm up with one sentence.", title="", source="x"))
if sys.argv[1] == "run":
    extract(Article(text=text, title="", source="x"))
"""


def instructions(root: Path, mode: str) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "program.py"
        script.write_text(PROGRAM.format(bench=str(ROOT / "benchmarks"), root=str(root), size=SIZE), encoding="utf-8")
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out", sys.executable, str(script), mode],
            capture_output=True,
            text=True,
            check=True,
        ).stderr
    return int(re.search(r"Collected : (\d+)", out).group(1))


def main() -> None:
    if not shutil.which("valgrind"):
        sys.exit("valgrind is not installed; `apt-get install valgrind` (Debian) to count instructions")
    root = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else ROOT
    count = instructions(root, "run") - instructions(root, "base")
    print(f"{root}: {count / 1e6:,.0f} million instructions for {SIZE // 1000} KB ({count / SIZE:,.0f} per byte)")


if __name__ == "__main__":
    main()
