"""Updated articles carry the work (issue 16): a reworded statement keeps its worksheet, the
change is shown, and a verdict given to an earlier wording is never published unconfirmed."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.extraction.statements import extract
from factcheck.reading.article import Article
from factcheck.workspace.align import New, Old, align, similarity, word_diff
from factcheck.workspace.init import apply_init, plan_init
from factcheck.workspace.settings import Settings
from factcheck.workspace.sheetedit import carry, entries

from .conftest import EXAMPLE, EXAMPLE_SLUG

PUBLISHER = '[publisher]\nname = "Example Checks"\nurl = "https://checks.example.org"\n'


def human_lines(text: str) -> list[str]:
    """Every non-blank line but the tool's own: top-level ``text``, ``[location]`` and
    ``[[earlier]]`` (their headers and keys)."""
    lines = text.splitlines(keepends=True)
    found, headers = entries(lines)
    tool = {h for name, h in headers.items() if name == "location" or name.startswith("earlier[")}
    for e in found:
        if (e.table, e.key) == ("", "text") or e.table == "location" or e.table.startswith("earlier["):
            tool.update(range(e.start, e.end))
    return [line for i, line in enumerate(lines) if i not in tool and line.strip()]


def edit(path, *pairs) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def sheet(folder, number: str):
    [path] = folder.glob(f"{number}-*.toml")
    return path


# ---------------------------------------------------------------------------------------------
# The scenario


def rewrite(text: str) -> str:
    """The next version of the example: numbers edited, a clause reworded, a sentence deleted,
    a paragraph added, a new headline."""
    for old, new in (
        (
            "US accuses North Korea of arming Kremlin-linked Wagner Group",
            "US accuses North Korea of supplying arms to the Wagner Group",
        ),
        ("About 1,000 Wagner fighters", "About 1,200 Wagner fighters"),
        ("about 50,000 personnel", "about 55,000 personnel"),
        ("in the coming weeks.", "within weeks, officials said."),
        ("The deliveries were first reported by Reuters.", ""),
        (
            "Wagner was previously added to a US trade blacklist in 2017.",
            "Wagner was previously added to a US trade blacklist in 2017.\n\n"
            "The European Union froze the assets of 12 Wagner commanders on Friday.",
        ),
    ):
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


@pytest.fixture
def updated(run, tmp_path):
    """The example, checked by hand in places, then updated: (result of the second init, the
    folder, the hand-edited files as they were before the update)."""
    article = tmp_path / "wagner.txt"
    shutil.copy(EXAMPLE, article)
    assert run("init", article.name).exit_code == 0
    folder = tmp_path / "worksheets" / EXAMPLE_SLUG
    (tmp_path / "worksheets" / "factcheck.toml").write_text(PUBLISHER, encoding="utf-8")
    rated = sheet(folder, "21")
    edit(
        rated,
        ('status = "unstarted"', 'status = "done"'),
        ('rating = ""', 'rating = "true"'),
        ('conclusion = ""', 'conclusion = "Pentagon briefing, 22 Dec."'),
        ('reviewer = ""', 'reviewer = "ben"'),
        ('claim = ""', 'claim = "About 1,000 Wagner fighters died in recent weeks"'),
        ('date = ""', 'date = "2026-11-30"'),
        (
            "# [[sources]]",
            '[[sources]]\nurl = "https://www.defense.gov/briefing"\ntitle = "Briefing"\n'
            'stance = "supports"\n\n[[sources]]\nurl = "https://example.org/b"\ntitle = "Second"\n\n# [[sources]]',
        ),
    )
    text = rated.read_text(encoding="utf-8")
    for _ in range(text.count("done = false")):
        text = text.replace("done = false", "done = true", 1)
    rated.write_text(text + "# my own closing comment\n", encoding="utf-8")
    edit(
        sheet(folder, "10"),
        ('notes = ""', 'notes = "Asked the NSC press office."'),
        ('status = "unstarted"', 'status = "in-progress"'),
    )
    edit(sheet(folder, "16"), ('notes = ""', 'notes = """Reuters, 22 Dec.\nSecond line."""'))
    before = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("[0-9]*.toml")}
    article.write_text(rewrite(article.read_text(encoding="utf-8")), encoding="utf-8")
    result = run("init", article.name)
    assert result.exit_code == 0, result.output
    return result, folder, before


def test_one_folder_and_one_new_worksheet_for_the_new_paragraph(updated, tmp_path):
    result, folder, before = updated
    assert [p.name for p in (tmp_path / "worksheets").iterdir() if p.is_dir() and p.name != ".factcheck"] == [
        EXAMPLE_SLUG
    ]
    after = sorted(p.name for p in folder.glob("[0-9]*.toml"))
    assert sorted(set(after) - set(before)) == ["23-the-european-union-froze-the-assets.toml"]
    meta = tomllib.loads((folder / "article.toml").read_text(encoding="utf-8"))
    assert meta["title"] == "US accuses North Korea of supplying arms to the Wagner Group"
    assert result.stdout.startswith(f"Wrote 1 worksheet to worksheets/{EXAMPLE_SLUG}/")
    assert (
        "New headline: 'US accuses North Korea of supplying arms to the Wagner Group' (was 'US accuses" in result.stdout
    )


def test_init_lists_each_change_with_the_changed_words_marked(updated):
    out = updated[0].stdout
    assert "Reworded in this version (4; each worksheet followed its statement, [-old-]{+new+}):" in out
    assert "  01  US accuses North Korea of [-arming Kremlin-linked-]{+supplying arms to the+} Wagner Group" in out
    assert "  21  About [-1,000-]{+1,200+} Wagner fighters have been killed" in out
    assert "[-in the coming weeks.-]{+within weeks, officials said.+}" in out
    assert (
        "Verdicts given to an earlier wording, not published until confirmed: 21 (true); set confirmed = true "
        "under [[earlier]] once each holds"
    ) in out
    assert "Gone from the new text (stale, work kept): 16-the-deliveries-were-first-reported-by" in out


def test_every_hand_written_line_is_kept_byte_for_byte(updated):
    _, folder, before = updated
    for name, old in before.items():
        new = (folder / name).read_text(encoding="utf-8")
        assert human_lines(new) == human_lines(old), name
    rated = (folder / "21-about-1-000-wagner-fighters-have.toml").read_text(encoding="utf-8")
    values = tomllib.loads(rated)
    assert values["text"].startswith("About 1,200 Wagner fighters")
    assert values["earlier"] == [
        {
            "text": "About 1,000 Wagner fighters have been killed in the fighting in recent weeks, 90 per cent of "
            "whom are convicts.",
            "version": "34035770",
            "rating": "true",
            "confirmed": False,
        }
    ]
    text = (folder / "article.txt").read_text(encoding="utf-8")
    location = values["location"]
    assert text[location["start"] : location["end"]] == values["text"]
    assert (folder / "versions" / "34035770.txt").is_file()
    assert before["16-the-deliveries-were-first-reported-by.toml"] == (
        folder / "16-the-deliveries-were-first-reported-by.toml"
    ).read_text(encoding="utf-8")


def test_show_status_and_check_tell_of_the_change(run, updated):
    shown = run("show", "21").stdout
    assert "Earlier wordings (1), newest first:" in shown
    assert "version 34035770: About [-1,000-]{+1,200+} Wagner fighters" in shown
    assert "rated true then; not published until confirmed" in shown
    status = run("status").stdout
    assert "│ 21 │ done (reworded)" in status and "true (confirm)" in status
    assert "stale: gone from the text, work kept" in " ".join(status.split())
    stale_row = next(line for line in status.splitlines() if "(stale)" in line)
    assert stale_row.startswith("│ 16 │")  # the number, as in the article's table: show 16 finds it
    data = json.loads(run("status", "--json").stdout)
    assert data["articles"][0]["statements"] == 22 and data["articles"][0]["stale"] == 1
    checked = run("check")
    assert checked.exit_code == 0
    assert ("21-about-1-000-wagner-fighters-have.toml:") in checked.stdout
    assert "warning: the wording changed after this was rated true" in checked.stdout
    # a check of the old wording's number: a tick against it would confirm nothing
    assert (
        "21-about-1-000-wagner-fighters-have.toml:40:1: warning: check 1 ('1,000') is from an earlier wording: "
        "the statement no longer says it; change `what` to the new words (and check them again) or remove the check"
    ) in " ".join(checked.stdout.split())
    assert run("check", "--strict").exit_code == 1


def test_no_changed_verdict_is_published_until_confirmed(run, updated):
    _, folder, _ = updated
    report = run("export").stdout
    assert "### 21." not in report and "About 1,200" in report
    claimreview = run("export", "-f", "claimreview")
    assert claimreview.exit_code == 1 and claimreview.stdout == ""  # its only verdict is held back
    rows = list(csv.DictReader(io.StringIO(run("export", "-f", "csv").stdout)))
    row21 = next(r for r in rows if "/21-" in r["id"])
    assert row21["rating"] == "" and row21["withheld"].startswith(
        "rated true when the statement was worded differently"
    )
    assert next(r for r in rows if "/16-" in r["id"])["stale"] == "yes"
    data = json.loads(run("export", "-f", "json").stdout)
    record = next(s for s in data["statements"] if "/21-" in s["id"])
    assert "verdict" not in record["worksheet"] and record["withheld"]["verdict"]["rating"] == "true"
    # a person confirms it with one hand edit: then it is published
    edit(sheet(folder, "21"), ("confirmed = false", "confirmed = true"))
    assert "### 21. True:" in run("export").stdout
    [review] = json.loads(run("export", "-f", "claimreview").stdout)
    assert review["url"].endswith("/21")


def test_two_people_running_the_same_update_write_the_same_bytes(run, tmp_path):
    article = tmp_path / "wagner.txt"
    shutil.copy(EXAMPLE, article)
    assert run("init", article.name).exit_code == 0
    shutil.copytree(tmp_path / "worksheets", tmp_path / "colleague", ignore=shutil.ignore_patterns(".factcheck"))
    article.write_text(rewrite(article.read_text(encoding="utf-8")), encoding="utf-8")
    assert run("init", article.name).exit_code == 0
    assert run("init", article.name, "--dir", "colleague").exit_code == 0

    def files(root):
        return {
            p.relative_to(root): p.read_bytes()
            for p in sorted(root.rglob("*"))
            if p.is_file() and ".factcheck" not in p.parts
        }

    assert files(tmp_path / "worksheets") == files(tmp_path / "colleague")


# ---------------------------------------------------------------------------------------------
# Alignment


def test_splits_and_merges_keep_the_work_on_the_best_match_and_say_so(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Council budget approved\n\n"
        "The council approved a budget of $4m on Monday, and the mayor said taxes would rise by 3% next year.\n\n"
        "Officials said the new library will open in March. It will cost $2m to build.\n",
        encoding="utf-8",
    )
    assert run("init", article.name).exit_code == 0
    article.write_text(
        "Council budget approved\n\n"
        "The council approved a budget of $4m on Monday. The mayor said taxes would rise by 3% next year.\n\n"
        "Officials said the new library, which will cost $2m to build, will open in March.\n",
        encoding="utf-8",
    )
    out = run("init", article.name).stdout
    assert (
        "02  The council approved a budget of $4m on [-Monday, and the mayor said taxes would rise by 3% "
        "next year.-]{+Monday.+}"
    ) in out
    assert "split: the rest is in 05-the-mayor-said-taxes-would-rise" in out
    assert "(merged into 03)" in out
    folder = tmp_path / "worksheets" / "council-budget-approved"
    notes = [e.get("note") for e in tomllib.loads(sheet(folder, "03").read_text(encoding="utf-8"))["earlier"]]
    assert notes == ["merged with 04-it-will-cost-2m-to-build, now stale"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("About 1,000 Wagner fighters have been killed.", "About 1,200 Wagner fighters have been killed."),
        ("Kirby said the US would impose sanctions.", "Kirby said the US would impose new sanctions, officials said."),
        ("Prices rose 3.5% in May, the ONS said.", "Prices rose 3.5% in May, the Office for National Statistics said."),
        ("The mayor resigned on Monday.", "The mayor resigned on Monday evening."),
    ],
)
def test_edits_a_checker_would_call_the_same_statement_match(old, new):
    assert similarity(old, new) >= 0.5


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("About 1,000 Wagner fighters have been killed.", "The mayor resigned on Monday."),
        ("Kirby said the US would impose sanctions.", "Prices rose 3.5% in May, the ONS said."),
    ],
)
def test_different_statements_do_not(old, new):
    assert similarity(old, new) < 0.5


def test_between_equal_candidates_position_decides():
    old = [Old("07", "The council met on Monday.", 0.2), Old("12", "The council met on Monday.", 0.8)]
    new = [New("The council met on Tuesday.", 0.21), New("The council met on Tuesday.", 0.79)]
    matches = {m.old: m.new for m in align(old, new).matches}
    assert matches == {"07": 0, "12": 1}


def test_word_diff():
    assert word_diff("About 30 fighters died.", "About 35 fighters died.") == "About [-30-]{+35+} fighters died."
    assert word_diff("a b", "a b c") == "a b {+c+}"


# ---------------------------------------------------------------------------------------------
# The line editor


def test_carry_keeps_crlf_bom_comments_and_odd_formatting():
    raw = (
        '# header\r\nschema = 1\r\ntext = "Old words."   # a person\'s comment\r\n'
        'notes = """two\r\nlines with [brackets]"""\r\n\r\n[location]\r\nversion = "aaaa1111"  # kept\r\n'
        'start = 0\r\nend = 10\r\n\r\n[verdict]\r\nrating = "true"\r\n'
    )
    out = carry(
        raw,
        "New words.",
        {"version": "bbbb2222", "start": 5, "end": 15, "paragraph": 2},
        {"text": "Old words.", "version": "aaaa1111"},
    )
    assert out.count("\r\n") == out.count("\n")  # the file's own line ends
    assert 'version = "bbbb2222"  # kept\r\n' in out
    assert "paragraph = 2\r\n" in out and 'text = "New words."   # a person\'s comment\r\n' in out
    assert 'notes = """two\r\nlines with [brackets]"""\r\n' in out
    assert tomllib.loads(out)["verdict"] == {"rating": "true"}


def test_a_comment_on_a_line_init_rewrites_is_kept_byte_for_byte(run, tmp_path):
    """`text = "..."  # JO: quote verified`: the statement is reworded, the line is init's to
    rewrite, the comment is the person's: it stays, as written, after the new wording (and after
    a new offset in [location])."""
    article = tmp_path / "wagner.txt"
    shutil.copy(EXAMPLE, article)
    assert run("init", article.name).exit_code == 0
    path = sheet(tmp_path / "worksheets" / EXAMPLE_SLUG, "21")
    old_text = (
        'text = "About 1,000 Wagner fighters have been killed in the fighting in recent weeks, 90 per cent of whom '
        'are convicts."'
    )
    old_end = f"end = {tomllib.loads(path.read_text(encoding='utf-8'))['location']['end']}\n"
    edit(path, (old_text + "\n", old_text + "  # JO: quote verified\n"), (old_end, old_end[:-1] + "\t# JO\n"))
    before = path.read_bytes()
    article.write_text(rewrite(article.read_text(encoding="utf-8")), encoding="utf-8")
    assert run("init", article.name).exit_code == 0

    after = path.read_bytes()
    new_text = old_text.replace("1,000", "1,200")
    head = before.split(b"\n[location]\n")[0]
    assert after.split(b"\n[location]\n")[0] == head.replace(old_text.encode(), new_text.encode())
    assert new_text.encode() + b"  # JO: quote verified\n" in after
    new_end = tomllib.loads(after.decode())["location"]["end"]
    assert f"\nend = {new_end}\t# JO\n".encode() in after and f"end = {new_end}\n" != old_end

    # ... and `check` asks about it: "verified" was said of the earlier words, not of these
    assert tomllib.loads(after.decode())["earlier"][-1]["comment"] == "# JO: quote verified"
    line = after.decode().splitlines().index(new_text + "  # JO: quote verified") + 1
    checked = run("check")
    assert checked.exit_code == 0  # a warning
    assert (
        f"{path.name}:{line}:1: warning: the comment on `text` (# JO: quote verified) was written about an "
        "earlier wording (see [[earlier]]): check it still holds for the new one, then change or delete it"
        in (checked.stdout.replace(f"worksheets/{EXAMPLE_SLUG}/", ""))
    )
    edit(path, (new_text + "  # JO: quote verified\n", new_text + "  # JO: quote verified again, 1,200\n"))
    assert "the comment on `text`" not in run("check").stdout  # once the person has said so


def test_carry_refuses_what_it_cannot_update_in_place():
    with pytest.raises(FactcheckError):
        carry('text = "x"\nlocation = 5\n', "y", {"version": "b", "start": 0, "end": 1}, {"text": "x"})


def test_init_leaves_a_worksheet_it_cannot_update_alone_and_says_so(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Headline here today\n\nAbout 1,000 people marched in Paris on Monday, police said.\n", encoding="utf-8"
    )
    assert run("init", article.name).exit_code == 0
    folder = tmp_path / "worksheets" / "headline-here-today"
    path = sheet(folder, "02")
    # a person used the key `earlier` for notes of their own: a [[earlier]] table cannot follow
    text = path.read_text(encoding="utf-8").replace('notes = ""', 'notes = ""\nearlier = "a draft said 900"')
    path.write_text(text, encoding="utf-8")
    article.write_text(article.read_text(encoding="utf-8").replace("1,000", "1,500"), encoding="utf-8")
    result = run("init", article.name)
    assert "      not updated: its `[location]` or `[[earlier]]` is not in the shape factcheck writes" in result.stdout
    assert path.read_text(encoding="utf-8") == text


# ---------------------------------------------------------------------------------------------
# Property: any sequence of versions and hand edits keeps every hand-written byte

VARIANTS = [
    ["Kirby said the US would act.", "Kirby said the US would act soon.", "Kirby said America would act."],
    ["Prices rose 3.5% in May.", "Prices rose 3.7% in May.", "Prices rose 3.7% in May, the ONS said."],
    ["The mayor resigned on Monday.", "The mayor resigned on Tuesday."],
    ["About 1,000 people marched in Paris.", "About 1,500 people marched in Paris.", "About 1,500 people marched."],
    ["The council spent $4mn on roads, officials said.", "The council spent $5mn on roads, officials said."],
    ["Source link"],
    ["Is this right?"],
]
HAND_EDITS = [
    ('notes = ""', 'notes = "checked {}"'),
    ('status = "unstarted"', 'status = "in-progress"  # {}'),
    ('rating = ""', 'rating = "true"'),
    ("# [[sources]]", '[[sources]]\nurl = "https://example.org/{}"\ntitle = "{}"\n# [[sources]]'),
]


@st.composite
def version(draw):
    picks = draw(st.lists(st.tuples(st.integers(0, len(VARIANTS) - 1), st.integers(0, 2)), min_size=1, max_size=6))
    paragraphs = [VARIANTS[i][j % len(VARIANTS[i])] for i, j in picks]
    return "Headline of the day\n\n" + "\n\n".join(paragraphs) + "\n"


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(version(), st.integers(0, 30), st.integers(0, len(HAND_EDITS) - 1), st.text("abc xyz", max_size=8)),
        min_size=2,
        max_size=4,
    )
)
def test_any_sequence_of_versions_and_hand_edits_keeps_every_hand_written_byte(tmp_path_factory, steps):
    root = tmp_path_factory.mktemp("ws")
    folder = root / "headline-of-the-day"
    seen: dict[str, list[str]] = {}
    for text, which, kind, word in steps:
        article = Article(text=text, title="Headline of the day", source="same.txt")
        plan = plan_init(root, article, extract(article))
        apply_init(plan, Settings())
        now = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("[0-9]*.toml")}
        for name, lines in seen.items():
            assert name in now  # nothing deleted
            assert human_lines(now[name]) == lines, name
        for content in now.values():
            values = tomllib.loads(content)
            version_name = values["location"]["version"]
            source = (
                folder / "article.txt"
                if version_name == article.version
                else folder / "versions" / f"{version_name}.txt"
            )
            assert source.read_text("utf-8")[values["location"]["start"] : values["location"]["end"]] == values["text"]
        name = sorted(now)[which % len(now)]  # a checker edits one worksheet by hand
        old, new = HAND_EDITS[kind]
        if old in now[name]:
            (folder / name).write_text(now[name].replace(old, new.format(word, word), 1), encoding="utf-8")
        seen = {n: human_lines((folder / n).read_text(encoding="utf-8")) for n in now}


def test_the_same_file_given_by_another_path_is_the_same_article(run, tmp_path):
    (tmp_path / "drafts").mkdir()
    article = tmp_path / "drafts" / "wagner.txt"
    shutil.copy(EXAMPLE, article)
    assert run("init", str(article)).exit_code == 0  # an absolute path first
    article.write_text(rewrite(article.read_text(encoding="utf-8")), encoding="utf-8")
    assert run("init", "drafts/wagner.txt").exit_code == 0  # then relative, with a new headline
    assert [p.name for p in (tmp_path / "worksheets").iterdir() if p.is_dir() and not p.name.startswith(".")] == [
        EXAMPLE_SLUG
    ]


def test_a_file_reused_for_another_story_starts_a_new_folder(run, tmp_path):
    article = tmp_path / "article.txt"
    shutil.copy(EXAMPLE, article)
    assert run("init", article.name).exit_code == 0
    article.write_text(
        "Council raises parking fines\n\nThe city council raised parking fines by 40% in March, the mayor said.\n",
        encoding="utf-8",
    )
    assert run("init", article.name).exit_code == 0
    folders = sorted(p.name for p in (tmp_path / "worksheets").iterdir() if p.is_dir() and not p.name.startswith("."))
    assert folders == ["council-raises-parking-fines", EXAMPLE_SLUG]


@pytest.mark.parametrize("where", ["article.toml", "article.txt", "factcheck.toml"])
def test_check_finds_a_merge_conflict_in_every_workspace_file(run, workspace, where):
    """Two people updated the same article, or the settings, and git left its markers."""
    path = workspace.parent / where if where == "factcheck.toml" else workspace / where
    old = path.read_text(encoding="utf-8") if path.exists() else PUBLISHER + 'language = "en"\n'
    lines = old.splitlines(keepends=True)
    path.write_text(
        "".join(lines[:2])
        + "<<<<<<< HEAD\n"
        + lines[2]
        + "=======\n"
        + lines[2]
        + ">>>>>>> theirs\n"
        + "".join(lines[3:]),
        encoding="utf-8",
    )
    result = run("check")
    assert result.exit_code == 1
    [line] = [line for line in result.stdout.splitlines() if "unresolved git merge conflict" in line]
    assert line.startswith(f"{path.relative_to(workspace.parent.parent)}:3:1: error: unresolved git merge conflict")


def test_two_updates_merged_in_git_point_the_lost_version_s_worksheet_at_the_new_text(run, tmp_path):
    """Two checkers add a sentence each to the same article at once. Git merges the worksheets
    and the article's text conflicts; the checker keeps one side's article.txt, as `check`
    advises, and runs init on the merged article. The worksheet written against the other
    side's text named a version nothing keeps: init points its [location] at the new text,
    every other byte as it was, and says so; `check` no longer finds its version missing."""
    base = "Council raises parking fines\n\nThe city council raised parking fines by 40% in March, the mayor said.\n"
    ours = base + "\nCouncillor Ann Lee said the change would bring in £2m a year.\n"
    theirs = base + "\nThe council said 4,200 fines were issued in 2025, up from 3,100 a year earlier.\n"
    article = tmp_path / "fines.txt"
    article.write_text(base, encoding="utf-8")
    assert run("init", article.name).exit_code == 0
    shutil.copytree(tmp_path / "worksheets", tmp_path / "colleague", ignore=shutil.ignore_patterns(".factcheck"))
    article.write_text(ours, encoding="utf-8")
    assert run("init", article.name).exit_code == 0
    article.write_text(theirs, encoding="utf-8")
    assert run("init", article.name, "--dir", "colleague").exit_code == 0
    folder = tmp_path / "worksheets" / "council-raises-parking-fines"
    [lost] = (tmp_path / "colleague" / folder.name).glob("03-the-council-said-*.toml")
    lost_version = tomllib.loads(lost.read_text(encoding="utf-8"))["location"]["version"]
    edit(lost, ('assignee = ""', 'assignee = "bo"'), ('notes = ""', 'notes = """\nCalled the press office.\n"""'))
    raw = lost.read_bytes()
    shutil.copy(lost, folder / lost.name)  # the merge: their worksheet, our article.txt and article.toml
    assert f"article version {lost_version} is not in" in run("check").stdout
    article.write_text(ours + theirs[len(base) :], encoding="utf-8")  # the merged article

    result = run("init", article.name)

    assert result.exit_code == 0, result.output
    new_version = tomllib.loads((folder / "article.toml").read_text(encoding="utf-8"))["version"]
    assert (
        f"Pointed the [location] of 1 worksheet at this text (version {new_version}): the version it named "
        f"({lost_version}) is not kept, as after a merge of two updates: 03"
    ) in result.stdout
    after = (folder / lost.name).read_bytes()
    changed = [(a, b) for a, b in zip(raw.splitlines(), after.splitlines(), strict=True) if a != b]
    # the tool's own [location] lines, the comments on them kept; nothing else
    assert [line.split(b" = ")[0] for pair in changed for line in pair] == [
        b"version",
        b"version",
        b"paragraph",
        b"paragraph",
        b"start",
        b"start",
        b"end",
        b"end",
        b"before",
        b"before",
    ]
    assert changed[0][1] == f'version = "{new_version}"  # the article text these offsets index '.encode() + (
        b"(versions/<version>.txt once updated)"
    )
    values = tomllib.loads(after.decode("utf-8"))
    text = (folder / "article.txt").read_text(encoding="utf-8")
    assert text[values["location"]["start"] : values["location"]["end"]] == values["text"]
    assert "earlier" not in values and values["assignee"] == "bo"
    check = run("check")
    assert "is not in" not in check.stdout
    assert "number 03 is" in check.stdout  # two worksheets numbered 03: check names it, init renames nothing


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_source_added_while_a_colleague_updates_the_article_conflicts_and_check_says_keep_both(
    run, tmp_path, monkeypatch
):
    """Ana appends a [[sources]] table to 02 and rates it; Bo, on his clone, runs init on the
    corrected article, which appends [[earlier]] to 02 at the same place. Git cannot merge two
    tables added at one spot; `check` says to keep both, since dropping init's [[earlier]] (it
    holds the rating given to the old wording, unconfirmed) would publish that rating."""
    import subprocess

    for key, value in (("NAME", "T"), ("EMAIL", "t@example.org")):
        monkeypatch.setenv(f"GIT_AUTHOR_{key}", value)
        monkeypatch.setenv(f"GIT_COMMITTER_{key}", value)

    def git(*args, cwd=tmp_path):
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)

    base = "Council raises parking fines\n\nThe city council raised parking fines by 40% in March, the mayor said.\n"
    (tmp_path / "fines.txt").write_text(base, encoding="utf-8")
    assert run("init", "fines.txt").exit_code == 0
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-qm", "init")
    git("checkout", "-qb", "bo")
    (tmp_path / "fines.txt").write_text(base.replace("40%", "45%"), encoding="utf-8")
    assert run("init", "fines.txt").exit_code == 0
    git("add", "-A")
    git("commit", "-qm", "bo: the corrected article")
    git("checkout", "-q", "main")
    (tmp_path / "fines.txt").write_text(base, encoding="utf-8")
    path = sheet(tmp_path / "worksheets" / "council-raises-parking-fines", "02")
    edit(path, ('rating = ""', 'rating = "false"'))
    with path.open("a", encoding="utf-8") as handle:
        handle.write('\n[[sources]]\nurl = "https://example.org/minutes"\ntitle = "Council minutes"\n')
    git("commit", "-qam", "ana: a source")
    assert "CONFLICT" in git("merge", "-q", "bo").stdout

    result = run("check")

    line = path.read_text(encoding="utf-8").split("\n").index("<<<<<<< HEAD") + 1
    assert (
        f"worksheets/council-raises-parking-fines/{path.name}:{line}:1: error: unresolved git merge conflict: "
        "both sides add tables ([[sources]] here, [[earlier]] from the other side); keep both, delete the "
        "marker lines, then commit"
    ) in result.stdout


@pytest.mark.parametrize(
    "ours, theirs, says",
    [
        ('[[sources]]\nurl = "x"\n', '\n[[earlier]]  # kept by init\ntext = "y"\n', "[[sources]] here, [[earlier]]"),
        ('# a note\n[verdict]\nrating = "true"\n', '[[checks]]\nkind = "date"\n', "[verdict] here, [[checks]]"),
        ('status = "done"\n', 'status = "in-progress"\n', None),  # one key, two values: a person chooses
        ('[[sources]]\nurl = "x"\n', 'status = "done"\n', None),
    ],
)
def test_a_conflict_of_two_added_tables_says_keep_both(ours, theirs, says):
    from pathlib import Path

    from factcheck.workspace.syntax import toml_syntax_problem

    for style in ("", "||||||| base\n"):  # git's default, and merge.conflictStyle diff3
        text = f"schema = 1\n<<<<<<< HEAD\n{ours}{style}=======\n{theirs}>>>>>>> bo\n"
        problem = toml_syntax_problem(Path("w.toml"), ValueError("Invalid statement"), text)
        assert problem.line == 2
        if says:
            assert problem.message == (
                f"unresolved git merge conflict: both sides add tables ({says} from the other side); "
                "keep both, delete the marker lines, then commit"
            )
        else:
            assert problem.message.startswith("unresolved git merge conflict: keep the right lines between")
