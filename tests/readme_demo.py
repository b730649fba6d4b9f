"""The README's transcripts, made by running the tool: `init` on the example (and a dry run on
a pasted page), one worksheet edited the way a checker would, then `status`, `show` and
`export`.

`tests/test_docs.py` fails when the README shows anything else; after a change that moves the
output, rewrite the README's blocks with

    python -m tests.readme_demo
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
EXAMPLE = "examples/us-accuses-north-korea-of-arming-wagner.txt"
PASTED = "examples/pasted-page.txt"  # a made-up page, pasted whole
REVIEWS = "examples/claimreviews.json"  # made-up published fact-checks, as a ClaimReview DataFeed
PUBLISHER = '[publisher]\nname = "Example Fact Check"\nurl = "https://example.org"\nlanguage = "en"\n'
SOURCE = (
    '[[sources]]\nurl = "https://home.treasury.gov/news/press-releases"\ntitle = "Treasury sanctions Wagner Group"\n'
    'kind = "official-data"\nstance = "supports"\naccessed = "2026-11-24"\n\n# [[sources]]'
)


def _edit(path: Path, *pairs: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def transcripts(workdir: Path) -> dict[str, str]:
    """Each README transcript, keyed by the text that introduces its block."""
    runner = CliRunner()

    def run(*args: str, both: bool = False) -> str:
        """What the command prints (``both``: stderr's warnings too, as a terminal shows them)."""
        result = runner.invoke(
            app, list(args), catch_exceptions=False, env={"COLUMNS": "100", "TERM": "dumb", "FACTCHECK_SEMANTIC": "0"}
        )
        assert result.exit_code == 0, result.output
        text = result.stderr + result.stdout if both else result.stdout
        return "\n".join(line.rstrip() for line in text.splitlines())

    old = os.getcwd()
    os.chdir(workdir)
    try:
        (workdir / "examples").mkdir()
        shutil.copy(ROOT / EXAMPLE, workdir / EXAMPLE)
        shutil.copy(ROOT / PASTED, workdir / PASTED)
        shutil.copy(ROOT / REVIEWS, workdir / REVIEWS)
        out = {"$ factcheck init " + EXAMPLE + " --dir demo": run("init", EXAMPLE, "--dir", "demo")}
        out[f"$ factcheck init {PASTED} --dir demo --dry-run"] = run("init", PASTED, "--dir", "demo", "--dry-run")
        [sheet] = (workdir / "demo").glob("*/10-*.toml")
        _edit(
            sheet,
            ('status = "unstarted"', 'status = "needs-review"'),
            ('assignee = ""', 'assignee = "ana"'),
            ('rating = ""', 'rating = "true"'),
            ('conclusion = ""', 'conclusion = "The Treasury added Wagner to its sanctions list on 26 January."'),
            ("# [[sources]]", SOURCE),
        )
        status = run("status", "--dir", "demo", "--sort", "priority").splitlines()
        out["at 100 columns:"] = "\n".join(status[:20]) + "\n..."
        out["and some work done:"] = _large(workdir / "large", run)
        out["$ factcheck init wagner.txt"] = _update(workdir / "update", run)
        out["article's worksheet):"] = run("show", "10", "--dir", "demo")
        _edit(
            sheet,
            ('status = "needs-review"', 'status = "done"'),
            ('claim = ""', 'claim = "The US will impose more sanctions on Wagner within weeks"'),
            ('date = ""', 'date = "2026-11-24"'),
        )
        sheet.write_text(sheet.read_text(encoding="utf-8").replace("done = false", "done = true"), encoding="utf-8")
        (workdir / "demo" / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
        # the JSON export shows article.toml whole: the dates it was added and updated are
        # set to the shipped example's, so the README does not change with every run
        meta = sheet.parent / "article.toml"
        meta.write_text(
            re.sub(
                r'^(added|updated) = ".*"$',
                r'\1 = "2026-11-24"',
                meta.read_text(encoding="utf-8"),
                flags=re.M,
            ),
            encoding="utf-8",
        )
        report = run("export", "--dir", "demo").splitlines()
        out["and its checks ticked:"] = "\n".join(report[:16]) + "\n..."
        out["$ factcheck export -f csv --status done"] = run("export", "-f", "csv", "--status", "done", "--dir", "demo")
        out["$ factcheck export -f json --status done"] = run(
            "export", "-f", "json", "--status", "done", "--dir", "demo"
        )
        out["$ factcheck export -f claimreview"] = run("export", "--dir", "demo", "--format", "claimreview")
        out["$ factcheck export -f claimreview --script-tags"] = run(
            "export", "--dir", "demo", "-f", "claimreview", "--script-tags"
        )
        [other] = (workdir / "demo").glob("*/17-*.toml")
        _edit(other, ('status = "unstarted"', 'status = "done"'), ('rating = ""', 'rating = "False"'))
        out["$ factcheck export --status done"] = run("export", "--status", "done", "--dir", "demo", both=True)
        out.update(editing(workdir, runner))
        out[f"$ factcheck import {REVIEWS} --dir demo-team"] = run("import", REVIEWS, "--dir", "demo-team")
        out['$ factcheck search "Wagner has 50,000 fighters in Ukraine" --dir demo-team'] = run(
            "search", "Wagner has 50,000 fighters in Ukraine", "--dir", "demo-team"
        )
        init = run("init", EXAMPLE, "--dir", "demo-team").split("\nSkipped")[0]
        out[f"$ factcheck init {EXAMPLE} --dir demo-team"] = init + "\n..."
        shown = run("show", "19", "--dir", "demo-team")
        out["$ factcheck show 19 --dir demo-team"] = "...\n" + "Sources (0)" + shown.split("Sources (0)", 1)[1]
        status = run("status", "--dir", "demo-team").splitlines()
        head = next(i for i, line in enumerate(status) if line.startswith("┃ ID"))
        out["$ factcheck status --dir demo-team"] = "\n".join(
            ["..."] + status[head - 1 : head + 7] + ["..."] + status[-2:]
        )
    finally:
        os.chdir(old)
    return out


def _large(root: Path, run) -> str:
    """`status` on ten copies of the example's folder (as if the story had nine follow-ups),
    with statuses set the way a team's would be after a while: the view a workspace of more
    than 200 statements gets."""
    run("init", EXAMPLE, "--dir", str(root))
    [first] = [p for p in root.iterdir() if p.is_dir()]
    people = ["ana", "ben", "chen"]
    for n in range(2, 11):
        folder = root / f"wagner-follow-up-{n}"
        shutil.copytree(first, folder)
        for i, sheet in enumerate(sorted(folder.glob("[0-9]*.toml"))):
            if (i + n) % 4 == 0:
                _edit(
                    sheet,
                    ('status = "unstarted"', 'status = "in-progress"'),
                    ('assignee = ""', f'assignee = "{people[(i + n) % 3]}"'),
                )
            elif (i * n) % 7 == 1:
                _edit(sheet, ('status = "unstarted"', 'status = "not-checkable"'))
    return "\n".join(run("status", "--dir", str(root)).splitlines())


def _update(folder: Path, run) -> str:
    """`init` on the next version of the example (tests/test_updates.py's edits), after a
    verdict was given to statement 21: what a checker sees when a story changes."""
    from .test_updates import rewrite

    folder.mkdir()
    article = folder / "wagner.txt"
    shutil.copy(ROOT / EXAMPLE, article)
    run("init", str(article), "--dir", str(folder / "worksheets"))
    [rated] = (folder / "worksheets").glob("*/21-*.toml")
    _edit(
        rated,
        ('status = "unstarted"', 'status = "done"'),
        ('rating = ""', 'rating = "true"'),
        ("# [[sources]]", SOURCE),
    )
    article.write_text(rewrite(article.read_text(encoding="utf-8")), encoding="utf-8")
    os.chdir(folder)
    try:
        lines = run("init", "wagner.txt").splitlines()
    finally:
        os.chdir(folder.parent)
    return "\n".join(lines[: lines.index(next(line for line in lines if line.startswith("Gone from"))) + 1]) + "\n..."


# A person's editor, for `factcheck edit`: each run makes the next edit of a list.
EDITOR = """\
import json, sys
from pathlib import Path
queue = Path(sys.argv[1])
edits = json.loads(queue.read_text())
old, new = edits.pop(0)
queue.write_text(json.dumps(edits))
path = Path(sys.argv[2])
path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
"""


def editing(workdir: Path, runner: CliRunner) -> dict[str, str]:
    """The "Editing worksheets" transcripts: tombi (what an editor runs) and check on a worksheet
    with an unknown status and a misspelt key; `edit` with a slip fixed on the second opening;
    `add`."""
    env = {"COLUMNS": "100", "TERM": "dumb"}

    def run(*args: str, code: int = 0, **kwargs) -> str:
        result = runner.invoke(app, list(args), catch_exceptions=False, env={**env, **kwargs.pop("env", {})}, **kwargs)
        assert result.exit_code == code, result.output
        return "\n".join(line.rstrip() for line in result.stdout.splitlines())

    out = {}
    [sheet] = (workdir / "demo").glob("*/19-*.toml")
    name = sheet.relative_to(workdir).as_posix()
    before = sheet.read_text(encoding="utf-8")
    _edit(sheet, ('status = "unstarted"', 'status = "finished"'), ('notes = ""', 'nots = ""'))
    tombi = shutil.which("tombi", path=str(Path(sys.executable).parent)) or shutil.which("tombi")
    assert tombi, "tombi is in the test extra: pip install -e '.[test]'"
    lint = subprocess.run(
        [tombi, "lint", "--offline", name],
        cwd=workdir,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    out[f"$ tombi lint --offline {name}"] = (
        lint.stderr.rstrip("\n") + f"\n$ factcheck check {name}\n" + run("check", name, code=1)
    )
    sheet.write_text(before, encoding="utf-8")
    script, queue = workdir / "editor.py", workdir / "edits.json"
    script.write_text(EDITOR, encoding="utf-8")
    queue.write_text(
        json.dumps([['status = "unstarted"', "status = done"], ["status = done", 'status = "in-progress"']])
    )
    editor = {"EDITOR": shlex.join([sys.executable, str(script), str(queue)]), "VISUAL": ""}
    out["$ factcheck edit 19 --dir demo"] = run("edit", "19", "--dir", "demo", env=editor, input="y\n")
    out['$ factcheck add "Additional reporting by Christian Davies in London" --dir demo'] = run(
        "add", "Additional reporting by Christian Davies in London", "--dir", "demo"
    )
    return out


def splice(readme: str, blocks: dict[str, str]) -> str:
    """``readme`` with the code block after each key replaced by its transcript (indented as
    the block is)."""
    for marker, body in blocks.items():
        at = readme.index(marker)
        # the block after the marker, or the one it opens when it is the command itself
        start = readme.rindex("```", 0, at) if marker.startswith("$ ") else readme.index("```", at)
        indent = readme[readme.rindex("\n", 0, start) + 1 : start]
        open_end = readme.index("\n", start) + 1
        close = readme.index(indent + "```", open_end)
        lines = [indent + line if line else "" for line in body.split("\n")]
        if marker.startswith("$ "):
            lines.insert(0, indent + marker)
        readme = readme[:open_end] + "\n".join(lines) + "\n" + readme[close:]
    return readme


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        README.write_text(splice(README.read_text(encoding="utf-8"), transcripts(Path(tmp))), encoding="utf-8")
    print(f"rewrote the transcripts in {README}")
