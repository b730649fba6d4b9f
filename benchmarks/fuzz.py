"""Fuzzing, long: the properties of tests/test_fuzz.py (tests/fuzzing.py) run over many more
cases, with the number tried and the failures reported.

    python benchmarks/fuzz.py                 # about 12 minutes
    python benchmarks/fuzz.py --cases 200     # a quick look
    python benchmarks/fuzz.py --write         # ... and save benchmarks/results/fuzz.md

Each property runs under hypothesis with a fixed seed (the same cases on every run of the same
code), no example database and no shrinking (it can take minutes); the first failing case is
printed as it was generated.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import Section  # noqa: E402
from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.fuzzing import (  # noqa: E402
    TEXTS,
    _invoke,
    _one_line_error,
    check_commands_on_sheet,
    check_init_text,
    make_workspace,
    reset,
    sheet_bytes,
)


def run_property(name: str, cases: int, body, strategy) -> tuple[int, int, str, float]:
    """Run ``body`` on ``cases`` cases of ``strategy``: (tried, failures, smallest failing case, seconds)."""
    tried = 0
    failing: list[str] = []

    @settings(
        max_examples=cases,
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.generate],
    )
    @given(strategy)
    def prop(value):
        nonlocal tried
        tried += 1
        try:
            body(value)
        except Exception as exc:
            failing.append(f"{type(exc).__name__}: {str(exc)[:200]} on {value!r:.200}")
            raise

    start = time.perf_counter()
    try:
        prop()
    except Exception:  # noqa: BLE001 - the failure is what we report
        pass
    failure = failing[0] if failing else ""
    took = time.perf_counter() - start
    print(
        f"  {name}: {tried} cases, {0 if not failure else 1} failing, {took:.0f} s"
        + (f"\n    {failure}" if failure else "")
    )
    return tried, 0 if not failure else 1, failure, took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cases",
        type=int,
        default=4000,
        help="cases of generated text (default 4000; half as many byte strings, as many worksheets)",
    )
    parser.add_argument("--write", action="store_true", help="save benchmarks/results/fuzz.md")
    args = parser.parse_args()
    section = Section("fuzz", "Fuzzing: any text, any bytes, any worksheet", "python benchmarks/fuzz.py --write")
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        counter = iter(range(10**9))

        def init_text(text: str) -> None:
            check_init_text(text, _fresh(tmp_path, counter))

        def init_bytes(data: bytes) -> None:
            folder = _fresh(tmp_path, counter)
            (folder / "a.txt").write_bytes(data)
            result = _invoke(["init", str(folder / "a.txt"), "--dry-run", "--json", "--dir", str(folder / "ws")])
            if result.exit_code != 0:
                _one_line_error(result)

        template_root, template_sheet = make_workspace(_fresh(tmp_path, counter))
        template = template_sheet.read_bytes()

        def sheet(pair) -> None:
            content, no_index = pair
            root = _fresh(tmp_path, counter) / "worksheets"
            reset(template_root, root)
            check_commands_on_sheet(root, root / template_sheet.relative_to(template_root), content, no_index)

        for name, body, strategy, share in (
            ("`init --dry-run --json` on generated text (nothing lost, offsets exact)", init_text, TEXTS, 1.0),
            (
                "`init --dry-run --json` on random bytes (an answer or one line)",
                init_bytes,
                st.binary(max_size=2000),
                0.5,
            ),
            (
                "check, status, show, export x4 formats on a fuzzed worksheet",
                sheet,
                st.tuples(sheet_bytes(template), st.booleans()),
                1.0,
            ),
        ):
            tried, failures, failure, took = run_property(name, max(1, int(args.cases * share)), body, strategy)
            rows.append([name, tried, failures, f"{took:.0f}", failure or "-"])
    section.table(["property", "cases", "failing", "seconds", "first failure"], rows)
    section.note(
        "Each worksheet case runs 9 commands (check, check --json, status, status --json, show, export "
        "as Markdown, JSON, CSV and ClaimReview) on a fresh copy of a small workspace, half of them with "
        "--no-index. Cases are generated with a fixed seed; a failing property stops at its first "
        "failure, so `failing` is 0 or 1 per property."
    )
    if args.write:
        section.save()


def _fresh(tmp_path: Path, counter) -> Path:
    folder = tmp_path / f"case{next(counter)}"
    folder.mkdir()
    return folder


if __name__ == "__main__":
    main()
