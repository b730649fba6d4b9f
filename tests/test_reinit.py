"""Re-running `init`: a merge that never touches existing work, keeps every article version,
and tells an update from a different article with the same title."""

from __future__ import annotations

import shutil
import tomllib

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extraction.statements import extract
from factcheck.reading.article import Article
from factcheck.workspace import writes
from factcheck.workspace.init import apply_init, plan_init
from factcheck.workspace.settings import Settings

from .conftest import EXAMPLE_SLUG, copy_example


def sheets(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.toml")) if p.name != "article.toml"}


def update_example(path):
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "Ties between Moscow and Pyongyang have warmed since Russia’s invasion of Ukraine in February.\n\n", ""
    )
    text = text.replace(
        "Additional reporting by",
        "A US official said on Friday that 3,000 more convicts had been recruited.\n\nAdditional reporting by",
    )
    path.write_text(text, encoding="utf-8")


def test_updated_article_merges(run, tmp_path):
    article = copy_example(tmp_path)
    run("init", article.name)
    folder = tmp_path / "worksheets" / EXAMPLE_SLUG
    edited = folder / "10-kirby-said-the-us-would-impose.toml"
    edited.write_text(edited.read_text("utf-8").replace('notes = ""', 'notes = "rang the NSC"'), "utf-8")
    before = sheets(folder)
    old_version = tomllib.loads((folder / "article.toml").read_text("utf-8"))["version"]
    update_example(article)

    result = run("init", article.name)
    assert result.exit_code == 0, result.output
    assert "Wrote 1 worksheet to" in result.stdout
    assert "Kept 21 existing worksheets untouched" in result.stdout
    assert "Gone from the new text (stale, work kept): 12-ties-between-moscow-and-pyongyang-have" in result.stdout
    after = sheets(folder)
    assert {k: v for k, v in after.items() if k in before} == before  # byte for byte, stale one too
    assert sorted(set(after) - set(before)) == ["23-a-us-official-said-on-friday.toml"]
    # the earlier text is kept, so old offsets stay exact
    assert (folder / "versions" / f"{old_version}.txt").exists()
    check = run("check")
    assert check.exit_code == 0, check.stdout
    assert "12-ties-between-moscow-and-pyongyang-have.toml: warning: stale" in check.stdout
    assert run("check", "--strict").exit_code == 1
    assert "unstarted (stale)" in run("status").stdout
    shown = run("show", "12").stdout
    assert "stale: gone from the current text" in shown
    assert "… In September, declassified US intelligence" in shown  # its context, from the old version


def test_init_says_it_restored_a_deleted_article_toml(run, tmp_path):
    """The issue: with article.toml deleted, init wrote it again and said "nothing on disk
    changed" (and kept a second copy of the unchanged text under versions/)."""
    name = copy_example(tmp_path).name
    assert run("init", name).exit_code == 0
    folder = tmp_path / "worksheets" / EXAMPLE_SLUG
    meta = (folder / "article.toml").read_text(encoding="utf-8")
    before = {**sheets(folder), "article.txt": (folder / "article.txt").read_bytes()}
    (folder / "article.toml").unlink()
    dry = run("init", name, "--dry-run").stdout.splitlines()
    assert dry[1] == "Would restore article.toml, which the folder had lost"
    assert not (folder / "article.toml").exists()
    result = run("init", name)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        f"Nothing to do: all 22 statements of worksheets/{EXAMPLE_SLUG}/ already have worksheets",
        "Restored article.toml, which the folder had lost",
    ]
    assert tomllib.loads((folder / "article.toml").read_text(encoding="utf-8")) == tomllib.loads(meta)
    assert {**sheets(folder), "article.txt": (folder / "article.txt").read_bytes()} == before
    assert not (folder / "versions").exists()  # the same text: no earlier version to keep
    (folder / "article.toml").unlink()
    (folder / "article.txt").unlink()
    assert run("init", name).stdout.splitlines()[1] == (
        "Restored article.toml and article.txt, which the folder had lost"
    )
    assert run("init", name).stdout.splitlines()[0].endswith("; nothing on disk changed")


def test_a_different_article_with_the_same_title_gets_its_own_folder(run, tmp_path):
    (tmp_path / "one.txt").write_text(
        "Mayor resigns\n\nThe mayor of Springfield resigned on Monday after 12 years.\n", "utf-8"
    )
    (tmp_path / "two.txt").write_text("Mayor resigns\n\nThe mayor of Shelbyville quit in 2019, aides said.\n", "utf-8")
    run("init", "one.txt")
    result = run("init", "two.txt")
    assert result.exit_code == 0
    assert (tmp_path / "worksheets" / "mayor-resigns").is_dir()
    assert (tmp_path / "worksheets" / "mayor-resigns-2").is_dir()
    assert "mayor-resigns-2/" in result.stdout


def test_article_option_chooses_the_folder(run, tmp_path):
    copy_example(tmp_path)
    result = run("init", "us-accuses-north-korea-of-arming-wagner.txt", "--article", "wagner")
    assert result.exit_code == 0
    assert len(sheets(tmp_path / "worksheets" / "wagner")) == 22
    bad = run("init", "us-accuses-north-korea-of-arming-wagner.txt", "--article", "../Wagner")
    assert bad.exit_code == 1
    assert (
        bad.stderr == "Error: --article '../Wagner' is not a slug; use lowercase words and hyphens, such as 'wagner'\n"
    )


def test_an_interrupted_init_is_finished_by_the_next(run, tmp_path, monkeypatch):
    copy_example(tmp_path)
    real = writes._link_new
    calls = {"n": 0}

    def crash_after_five(tmp, path):
        calls["n"] += 1
        if calls["n"] > 5:
            raise KeyboardInterrupt  # the user pressed Ctrl-C
        return real(tmp, path)

    monkeypatch.setattr(writes, "_link_new", crash_after_five)
    try:
        run("init", "us-accuses-north-korea-of-arming-wagner.txt")
    except KeyboardInterrupt:
        pass
    folder = tmp_path / "worksheets" / EXAMPLE_SLUG
    partial = sheets(folder)
    assert len(partial) == 5
    for content in partial.values():
        tomllib.loads(content.decode())  # every file there is complete
    assert not list(folder.glob(".*.tmp"))  # no temporary file left behind
    monkeypatch.setattr(writes, "_link_new", real)
    result = run("init", "us-accuses-north-korea-of-arming-wagner.txt")
    assert "Wrote 17 worksheets" in result.stdout
    assert {k: v for k, v in sheets(folder).items() if k in partial} == partial


def test_workspace_that_is_a_file_or_unwritable(run, tmp_path):
    copy_example(tmp_path)
    (tmp_path / "afile").write_text("x")
    result = run("init", "us-accuses-north-korea-of-arming-wagner.txt", "--dir", "afile")
    assert result.exit_code == 1
    assert result.stderr == "Error: afile is a file, not a workspace folder; pass --dir with a folder\n"
    result = run("init", "us-accuses-north-korea-of-arming-wagner.txt", "--dir", "afile/inside")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot write to afile/inside")
    assert result.stderr.count("\n") == 1


def test_permission_denied_is_one_line(run, tmp_path, monkeypatch):
    copy_example(tmp_path)

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied", str(tmp_path / "worksheets"))

    monkeypatch.setattr("tempfile.mkstemp", denied)
    result = run("init", "us-accuses-north-korea-of-arming-wagner.txt")
    assert result.exit_code == 1
    assert (
        result.stderr == f"Error: cannot write to {tmp_path / 'worksheets'}: permission denied; choose another --dir\n"
    )


paragraph = st.lists(
    st.sampled_from(
        [
            "Kirby said the US would act.",
            "Prices rose 3.5% in May.",
            "The mayor resigned on Monday.",
            "“We will win,” she said.",
            "About 1,000 people marched in Paris.",
            "Source link",
            "Is this right?",
            "The council spent $4mn on roads, officials said.",
        ]
    ),
    min_size=1,
    max_size=3,
).map(" ".join)
articles = st.lists(paragraph, min_size=1, max_size=6).map(lambda ps: "Headline of the day\n\n" + "\n\n".join(ps))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.tuples(articles, st.integers(0, 30), st.text(st.characters(blacklist_categories=("Cs",)), max_size=20)),
        min_size=2,
        max_size=4,
    )
)
def test_any_sequence_of_versions_and_hand_edits_keeps_every_existing_byte(tmp_path_factory, steps):
    root = tmp_path_factory.mktemp("ws")
    folder = root / "headline-of-the-day"
    seen: dict = {}
    for text, which, note in steps:
        article = Article(text=text + "\n", title="Headline of the day", source="same.txt")
        apply_init(plan_init(root, article, extract(article)), Settings())
        now = sheets(folder)
        assert {k: v for k, v in now.items() if k in seen} == seen  # nothing rewritten or lost
        for content in now.values():
            values = tomllib.loads(content.decode())
            version = values["location"]["version"]
            source = folder / "article.txt" if version == article.version else folder / "versions" / f"{version}.txt"
            text_at = source.read_text("utf-8")[values["location"]["start"] : values["location"]["end"]]
            assert text_at == values["text"]  # every worksheet's offsets index a kept version
        # a checker edits one worksheet by hand before the next run
        name = sorted(now)[which % len(now)]
        path = folder / name
        edited = path.read_text("utf-8").replace('notes = ""', tomli_w.dumps({"notes": note}).strip(), 1)
        path.write_text(edited, encoding="utf-8")
        seen = sheets(folder)


def test_an_unreadable_worksheet_stops_a_merge_that_would_add_worksheets(run, tmp_path):
    article = copy_example(tmp_path)
    run("init", article.name)
    folder = tmp_path / "worksheets" / EXAMPLE_SLUG
    broken = folder / "10-kirby-said-the-us-would-impose.toml"
    broken.write_text(broken.read_text("utf-8").replace('status = "unstarted"', "status = unstarted"), "utf-8")
    before = sheets(folder)
    update_example(article)
    result = run("init", article.name)
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: cannot read 10-kirby-said-the-us-would-impose.toml in worksheets/{EXAMPLE_SLUG}, so new "
        "worksheets might repeat its statement; fix it (`factcheck check` says where) and run init again\n"
    )
    assert sheets(folder) == before


def test_a_new_version_saved_under_another_name_says_how_to_carry_the_work(run, tmp_path):
    """A checker saves the updated article as a new file with a new headline: init cannot know
    it is the same article (two outlets' copies of a wire story are two articles), so it writes
    a new folder and says how to carry the earlier article's work instead."""
    article = copy_example(tmp_path)
    run("init", article.name)
    lines = article.read_text(encoding="utf-8").split("\n", 1)
    second = tmp_path / "wagner-v2.txt"
    second.write_text("US says North Korea armed Wagner group\n" + lines[1].replace("1,000", "1,200"), "utf-8")
    hint = (
        f"20 of 22 statements are word for word in {EXAMPLE_SLUG}. If this is a new version of it, "
        "{}run `factcheck init wagner-v2.txt --article " + EXAMPLE_SLUG + " --dir worksheets` to carry its work over"
    )
    dry = run("init", second.name, "--dry-run")
    assert hint.format("") in " ".join(dry.stdout.split())
    written = run("init", second.name)
    removal = "remove worksheets/us-says-north-korea-armed-wagner-group/ (nothing in it is yours yet) and "
    assert hint.format(removal) in " ".join(written.stdout.split())
    # followed as printed, it carries the work: the new folder removed, the update goes to the first
    shutil.rmtree(tmp_path / "worksheets" / "us-says-north-korea-armed-wagner-group")
    carried = run("init", second.name, "--article", EXAMPLE_SLUG, "--dir", "worksheets")
    assert carried.exit_code == 0 and "Updated article text" in carried.stdout
    # an article of its own says nothing of the kind
    other = tmp_path / "other.txt"
    other.write_text("Council raises parking fines\n\nThe council raised parking fines by 40% in March.\n", "utf-8")
    assert "word for word" not in run("init", other.name).stdout
