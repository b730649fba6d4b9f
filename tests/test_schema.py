"""The JSON Schemas TOML editors validate with: generated from what `check` uses, written into the
workspace, pointed at by every worksheet's first line, and agreeing with `check` on every key,
type and allowed value. The agreement is tested with tombi, a real TOML language server's linter
(installed from the test extra), run offline the way an editor runs it."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import tomli_w

from factcheck.errors import ERROR
from factcheck.workspace.fields import fits
from factcheck.workspace.schema import SETTINGS_SCHEMA_LINE, settings_schema, worksheet_schema
from factcheck.workspace.settings import SECTIONS, SETTINGS_TYPES, Settings, load_settings
from factcheck.workspace.validate import TextCache, load_sheet
from factcheck.workspace.worksheet import KEY_TYPES, SCHEMA_LINE, TOP_KEYS, allowed_values
from factcheck.workspace.worksheet import SECTIONS as SHEET_SECTIONS

from .conftest import EXAMPLE_SLUG

TOMBI = shutil.which("tombi", path=str(Path(sys.executable).parent)) or shutil.which("tombi")
needs_tombi = pytest.mark.skipif(TOMBI is None, reason="tombi is not installed: pip install -e '.[test]'")

SMALL = (
    "Council raises parking fines\n\n"
    "The city council raised parking fines by 40% in March, the mayor said.\n\n"
    "Councillor Ann Lee said the change would bring in £2m a year.\n"
)
CUSTOM = (
    '[statuses]\nnames = ["todo", "checking", "published"]\nfinished = ["published"]\n\n'
    '[[ratings]]\nname = "accurate"\nvalue = 5\n\n[[ratings]]\nname = "wrong"\nvalue = 1\n'
)
# one value of every TOML type, to put in every key
SAMPLES = {
    "a string": "x",
    "an integer": 3,
    "a float": 1.5,
    "a negative number": -1,
    "a boolean": True,
    "a date": dt.date(2026, 1, 31),
    "a date-time": dt.datetime(2026, 1, 31, 9, 30),
    "a list of strings": ["x"],
    "a list of numbers": [1],
    "a table": {"x": "y"},
}


def tombi(paths: list[Path], cwd: Path) -> dict[Path, list[dict]]:
    """tombi's diagnostics for each file, as an editor shows them (offline: the schema comes from
    the file's own #:schema line)."""
    report = cwd / "tombi.json"
    subprocess.run(
        [
            TOMBI,
            "lint",
            "--offline",
            "--diagnostics-format",
            "json",
            "--diagnostics-file",
            str(report),
            *map(str, paths),
        ],
        cwd=cwd,
        capture_output=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )
    out: dict[Path, list[dict]] = {p: [] for p in paths}
    for diagnostic in json.loads(report.read_text(encoding="utf-8") or "[]"):
        out[(cwd / diagnostic["path"]).resolve()].append(diagnostic)
    return {p: out.get(p.resolve(), []) for p in paths}


@pytest.fixture
def small(run, tmp_path):
    article = tmp_path / "small.txt"
    article.write_text(SMALL, encoding="utf-8")
    assert run("init", str(article)).exit_code == 0
    return tmp_path / "worksheets" / "council-raises-parking-fines"


# --------------------------------------------------------------------------------------------
# One source of truth


def test_every_key_has_a_type_and_the_schema_lists_every_key():
    """A key added to worksheet.py's tuples needs a type in KEY_TYPES; the schema then has it."""
    schema = worksheet_schema(Settings())
    assert list(schema["properties"]) == list(TOP_KEYS)
    for key in TOP_KEYS:
        assert key in KEY_TYPES, key
    for section, keys in SHEET_SECTIONS.items():
        table = schema["properties"][section]
        table = table.get("items", table)
        assert list(table["properties"]) == list(keys)
        assert table["additionalProperties"] is False
        for key in keys:
            assert f"{section}.{key}" in KEY_TYPES, f"{section}.{key}"
    settings = settings_schema()
    assert list(settings["properties"]) == list(SECTIONS)
    for section, keys in SECTIONS.items():
        table = settings["properties"][section]
        assert list(table.get("items", table)["properties"]) == list(keys)
        assert all(f"{section}.{key}" in SETTINGS_TYPES for key in keys)


@pytest.mark.parametrize("toml", ["", CUSTOM])
def test_the_schema_lists_the_workspaces_own_values(tmp_path, toml):
    (tmp_path / "factcheck.toml").write_text(toml, encoding="utf-8")
    settings = load_settings(tmp_path)
    properties = worksheet_schema(settings)["properties"]
    assert properties["status"]["enum"] == list(settings.statuses)
    assert properties["verdict"]["properties"]["rating"]["enum"] == [""] + list(settings.rating_names)
    for name, (names, may_be_empty) in allowed_values(settings).items():
        section, _, key = name.rpartition(".")
        node = properties[section] if section else properties
        node = node.get("items", node)["properties"][key] if section else node[key]
        enum = node["items"]["enum"] if node.get("type") == "array" else node["enum"]
        assert enum == ([""] if may_be_empty else []) + list(names), name


def test_init_writes_the_schemas_and_points_every_worksheet_at_them(run, tmp_path, small):
    root = small.parent
    assert json.loads((root / "worksheet.schema.json").read_text()) == worksheet_schema(Settings())
    assert json.loads((root / "factcheck.schema.json").read_text()) == settings_schema()
    for sheet in small.glob("0*.toml"):
        first = sheet.read_text(encoding="utf-8").splitlines()[0]
        assert first == SCHEMA_LINE == "#:schema ../worksheet.schema.json"
        assert (sheet.parent / first.split(" ", 1)[1]).resolve() == (root / "worksheet.schema.json").resolve()


# --------------------------------------------------------------------------------------------
# Schema and check agree, as tombi reads the schema


# keys whose right type is not enough for check: the text must be at the offsets in that version
CROSS_CHECKED = ("text", "location.version", "location.start", "location.end")


def variants(base: dict, settings: Settings) -> dict[str, dict]:
    """The base worksheet with one thing changed: each allowed value of each listed key, a value
    off each list, each kind of value in each key, an unknown key in each table, a required key
    left out."""
    out = {}

    def put(name: str, value, values=None) -> dict:
        values = json.loads(json.dumps(base)) if values is None else values
        section, _, key = name.rpartition(".")
        target = values if not section else values[section][0] if isinstance(values[section], list) else values[section]
        target[key] = value
        return values

    for name, (names, may_be_empty) in allowed_values(settings).items():
        for value in list(names) + ([""] if may_be_empty else []) + ["not-on-the-list"]:
            out[f"{name} = {value!r}"] = put(name, [value] if KEY_TYPES[name] == "strings" else value)
    if "status = 'not-checkable'" in out:  # a statement found not checkable has no rating: check's rule alone
        out["status = 'not-checkable'"]["verdict"]["rating"] = ""
    for name, kind in KEY_TYPES.items():
        for label, sample in SAMPLES.items():
            if name not in CROSS_CHECKED or not fits(sample, kind):
                out[f"{name} = {label}"] = put(name, sample)
    for section in ("", *SHEET_SECTIONS):
        out[f"unknown key in [{section}]"] = put(f"{section}.stauts" if section else "stauts", "x")
    for name in ("text", "status", "location.version", "location.start", "location.end"):
        values = json.loads(json.dumps(base))
        section, _, key = name.rpartition(".")
        del (values[section] if section else values)[key]
        out[f"without {name}"] = values
    return out


def base_sheet(path: Path) -> dict:
    """A worksheet init wrote, with a verdict and a source, so every value of every list is
    acceptable to check (a rating needs a source, a finished status a rating)."""
    values = tomllib.loads(path.read_text(encoding="utf-8"))
    values["status"] = "in-progress"
    values["verdict"]["rating"] = "false"
    values["sources"] = [
        {
            "url": "https://example.org",
            "title": "Minutes",
            "kind": "primary",
            "stance": "supports",
            "accessed": "2026-01-31",
            "note": "",
        }
    ]
    values["checks"] = values["checks"] or [{"kind": "number", "what": "40%", "done": False}]
    values["earlier"] = [
        {"text": "An earlier wording.", "version": "0123abcd", "rating": "", "confirmed": False, "note": ""}
    ]
    values["checked_before"] = [
        {
            "kind": "review",
            "url": "https://example.org/review",
            "text": "A claim.",
            "rating": "False",
            "publisher": "Example",
            "date": "2026-01-01",
            "score": 0.5,
        }
    ]
    return values


@needs_tombi
@pytest.mark.parametrize("toml", ["", CUSTOM], ids=["default settings", "the workspace's own statuses"])
def test_schema_and_check_agree_on_every_key_type_and_value(run, tmp_path, small, toml):
    root = small.parent
    (root / "factcheck.toml").write_text(toml, encoding="utf-8")
    assert run("schema").exit_code == 0
    settings = load_settings(root)
    base = base_sheet(next(small.glob("02-*.toml")))
    if toml:
        base["status"], base["verdict"]["rating"] = "checking", "wrong"
    cases = {"the base worksheet": base, **variants(base, settings)}
    paths = {}
    for n, (name, values) in enumerate(cases.items()):
        path = small / f"{900 + n}-case.toml"
        path.write_text(SCHEMA_LINE + "\n" + tomli_w.dumps(values), encoding="utf-8")
        paths[name] = path
    flagged = tombi(list(paths.values()), tmp_path)
    texts = TextCache()
    disagree = []
    for name, path in paths.items():
        errors = [p.message for p in load_sheet(path, small.name, settings, texts).problems if p.severity == ERROR]
        if bool(errors) != bool(flagged[path]):
            disagree.append(
                f"{name}: check says {errors or 'fine'}, tombi says {[d['message'] for d in flagged[path]] or 'fine'}"
            )
    assert not flagged[paths["the base worksheet"]]
    assert disagree == []
    assert len(cases) > 150  # every key, with every kind of value


@needs_tombi
def test_settings_schema_and_check_agree(tmp_path):
    good = {
        "statuses": {"names": ["todo", "done"], "finished": ["done"]},
        "ratings": [{"name": "true", "label": "True", "value": 5}],
        "rules": {"min_sources_for_done": 2},
        "publisher": {
            "name": "Example",
            "url": "https://example.org",
            "logo": "https://example.org/l.png",
            "language": "en",
            "review_url": "{url}/{article}",
        },
    }
    cases = {"good": good}
    for name, kind in SETTINGS_TYPES.items():
        for label, sample in SAMPLES.items():
            if not name.startswith("statuses.") or not fits(sample, kind):  # `finished` is drawn from `names`
                values = json.loads(json.dumps(good))
                section, _, key = name.rpartition(".")
                if not section:
                    values[key] = sample
                else:
                    target = values[section][0] if isinstance(values[section], list) else values[section]
                    target[key] = sample
                cases[f"{name} = {label}"] = values
    for section in SECTIONS:
        values = json.loads(json.dumps(good))
        target = values[section][0] if isinstance(values[section], list) else values[section]
        target["nmae"] = "x"
        cases[f"unknown key in [{section}]"] = values
    cases["unknown section"] = {**good, "statuss": {}}
    cases["no statuses"] = {**good, "statuses": {"names": []}}
    cases["no ratings"] = {**good, "ratings": []}
    cases["a rating without a name"] = {**good, "ratings": [{"value": 1}]}
    paths = {}
    for n, (name, values) in enumerate(cases.items()):
        folder = tmp_path / f"case{n}"
        folder.mkdir()
        (folder / "factcheck.schema.json").write_text(json.dumps(settings_schema()), encoding="utf-8")
        paths[name] = folder / "factcheck.toml"
        paths[name].write_text(SETTINGS_SCHEMA_LINE + "\n" + tomli_w.dumps(values), encoding="utf-8")
    flagged = tombi(list(paths.values()), tmp_path)
    disagree = [
        f"{name}: check {[p.message for p in load_settings(path.parent).problems]}, tombi "
        f"{[d['message'] for d in flagged[path]]}"
        for name, path in paths.items()
        if bool(load_settings(path.parent).problems) != bool(flagged[path])
    ]
    assert not flagged[paths["good"]]
    assert disagree == []


@needs_tombi
def test_an_editor_flags_what_check_flags_in_a_hand_edited_worksheet(run, tmp_path, workspace):
    """The mistakes of the issue, as a person makes them in a shipped-style worksheet: an unknown
    status, a misspelt key, a yes for true. tombi points at the same lines as check."""
    sheet = workspace / "10-kirby-said-the-us-would-impose.toml"
    text = sheet.read_text(encoding="utf-8")
    text = text.replace('status = "unstarted"', 'status = "finished"').replace('notes = ""', 'nots = ""')
    sheet.write_text(text.replace("done = false", 'done = "yes"', 1), encoding="utf-8")
    good = workspace / "01-us-accuses-north-korea-of-arming.toml"
    flagged = tombi([sheet, good], tmp_path)
    assert flagged[good] == []
    check = run("check", str(sheet))
    assert check.exit_code == 1
    check_lines = sorted(int(line.split(":")[1]) for line in check.stdout.splitlines()[:-1])
    assert sorted(d["range"]["start"]["line"] for d in flagged[sheet]) == check_lines
    assert len(check_lines) == 3
    assert any("finished" in d["message"] for d in flagged[sheet])
    assert any("nots" in d["message"] for d in flagged[sheet])


# --------------------------------------------------------------------------------------------
# Existing worksheets gain the line only when a person asks


def test_the_line_is_added_only_when_asked_and_nothing_else_changes(run, tmp_path, small):
    root = small.parent
    old = {}
    for n, sheet in enumerate(sorted(small.glob("0*.toml"))):  # as written before init wrote the line
        body = sheet.read_text(encoding="utf-8").split("\n", 1)[1]
        data = (
            body.replace("\n", "\r\n").encode() if n == 0 else ("\ufeff" + body).encode() if n == 1 else body.encode()
        )
        sheet.write_bytes(data)
        old[sheet] = data
    (root / "factcheck.toml").write_text("[rules]\nmin_sources_for_done = 1\n", encoding="utf-8")
    (root / "worksheet.schema.json").unlink()
    for args in (["init", str(tmp_path / "small.txt")], ["status"], ["check"], ["show", "02"]):
        assert run(*args).exit_code == 0, args
    assert {p: p.read_bytes() for p in old} == old  # never silently
    assert (root / "worksheet.schema.json").exists()  # the tool's own file: init writes it again
    (root / "worksheet.schema.json").unlink()
    result = run("schema")
    assert result.stdout == (
        "Wrote worksheets/worksheet.schema.json\n"
        "4 files without a #:schema line, which editors need to find the schema: `factcheck schema "
        "--add-line` adds it\n"
    )
    assert {p: p.read_bytes() for p in old} == old
    assert run("schema", "--add-line").stdout == (
        "worksheets/worksheet.schema.json and worksheets/factcheck.schema.json are up to date\n"
        "Added the #:schema line to 4 files\n"
    )
    sheets = sorted(old)
    assert sheets[0].read_bytes() == b"#:schema ../worksheet.schema.json\r\n" + old[sheets[0]]
    assert sheets[1].read_bytes() == b"\xef\xbb\xbf#:schema ../worksheet.schema.json\n" + old[sheets[1]][3:]
    assert sheets[2].read_bytes() == b"#:schema ../worksheet.schema.json\n" + old[sheets[2]]
    assert (root / "factcheck.toml").read_text().startswith("#:schema ./factcheck.schema.json\n[rules]")
    for sheet in sheets:
        assert tomllib.loads(sheet.read_bytes().decode("utf-8-sig")) == tomllib.loads(old[sheet].decode("utf-8-sig"))
    assert run("check").stdout == "3 worksheets checked: 0 errors, 0 warnings\n"
    assert run("schema", "--add-line").stdout == (
        "worksheets/worksheet.schema.json and worksheets/factcheck.schema.json are up to date\n"
    )


def test_check_says_when_the_schema_is_out_of_date(run, small):
    schema = small.parent / "worksheet.schema.json"
    schema.write_text(schema.read_text().replace('"needs-review",', ""), encoding="utf-8")
    result = run("check")
    assert result.exit_code == 0  # a warning: the worksheets themselves are fine
    assert result.stdout.splitlines()[0] == (
        "worksheets/worksheet.schema.json: warning: out of date with factcheck.toml or with this version of "
        "factcheck; `factcheck schema` rewrites it"
    )
    assert run("check", "--strict").exit_code == 1
    run("schema")
    assert run("check", "--strict").exit_code == 0


def test_the_shipped_workspace_holds_its_schemas():
    from .conftest import ROOT

    shipped = ROOT / "worksheets"
    assert json.loads((shipped / "worksheet.schema.json").read_text()) == worksheet_schema(Settings())
    assert all(
        p.read_text(encoding="utf-8").startswith(SCHEMA_LINE + "\n")
        for p in (shipped / EXAMPLE_SLUG).glob("[0-9]*.toml")
    )
