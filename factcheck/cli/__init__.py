"""The command line: a thin typer layer over the core. Only this module imports typer.

Every command runs inside ``_errors()``, the one place a ``FactcheckError`` becomes a single
line on stderr and exit code 1.
"""

from __future__ import annotations

import contextlib
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from factcheck import __version__
from factcheck.errors import ERROR, FactcheckError, dumps_finite, printable, printable_json

app = typer.Typer(
    name="factcheck",
    help="Turn a news article into hand-editable TOML worksheets, one per checkable statement, and track the checking.",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

DirOption = Annotated[
    Optional[str],
    typer.Option(
        "--dir",
        "-d",
        help="Workspace folder (default: $FACTCHECK_DIR, else the workspace "
        "the current folder is in, else ./worksheets).",
    ),
]


# Shell completion (`factcheck --install-completion`): each answer reads file names and
# factcheck.toml only, in the workspace --dir names when it was typed before.
def _complete(names, ctx: typer.Context, incomplete: str) -> list[str]:
    return [name for name in names(ctx.params.get("directory")) if name.startswith(incomplete)]


def _complete_status(ctx: typer.Context, incomplete: str) -> list[str]:
    from factcheck.cli.completion import statuses

    return _complete(statuses, ctx, incomplete)


def _complete_slug(ctx: typer.Context, incomplete: str) -> list[str]:
    from factcheck.cli.completion import slugs

    return _complete(slugs, ctx, incomplete)


def _complete_id(ctx: typer.Context, incomplete: str) -> list[str]:
    from factcheck.cli.completion import statement_ids

    return _complete(statement_ids, ctx, incomplete)


StatementId = Annotated[
    str,
    typer.Argument(
        metavar="ID", help="Statement id, or any unambiguous part: 07, 07-kirby, slug/07.", autocompletion=_complete_id
    ),
]

NoIndex = Annotated[
    bool,
    typer.Option(
        "--no-index",
        help="Read every worksheet afresh; neither use nor update the workspace's index (.factcheck/index.sqlite).",
    ),
]

ArticleFilter = Annotated[
    Optional[str],
    typer.Option("--article", help="Only articles whose slug contains this.", autocompletion=_complete_slug),
]


# No highlighting and no :emoji: codes: what a worksheet says is shown as it is (and rich's
# table of emoji names is 2 ms of every command's start-up)
def _out() -> Console:
    return Console(highlight=False, emoji=False)


def _err() -> Console:
    return Console(stderr=True, highlight=False, emoji=False)


def _say(console: Console, line: str) -> None:
    """One plain line, with whatever a file or an argument put in it made printable."""
    console.print(printable(line), markup=False, soft_wrap=True)


def _print_json(data) -> None:
    _write(printable_json(dumps_finite(data, ensure_ascii=False, indent=1, default=_as_json)) + "\n")


def _write(text: str) -> None:
    """Plain text to stdout, flushed, so that a reader that stopped (``| head``) is found
    here, inside the command, and not by the interpreter's flush at exit."""
    sys.stdout.write(text)
    sys.stdout.flush()


def _reader_gone() -> typer.Exit:
    """Stdout's reader stopped reading (``factcheck status --json | head``): not a mistake to
    report. As the Python docs advise for SIGPIPE (and rich does for the tables), what is still
    to be written goes to devnull, and the exit code is 1 (the output is not complete)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no file descriptor (a test's captured stdout)
        pass
    return typer.Exit(code=1)


def _as_json(value) -> str:
    """A value JSON has no type for, as text: a TOML date a hand edit put where a number goes."""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


@contextlib.contextmanager
def _errors():
    try:
        yield
    except FactcheckError as exc:
        _say(_err(), f"Error: {exc}")
        raise typer.Exit(code=exc.exit_code) from None
    except BrokenPipeError:  # the only pipe a command writes to is stdout
        raise _reader_gone() from None
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _say(_err(), f"Error: {where}{exc.strerror or exc}")
        raise typer.Exit(code=1) from None


def _read(root, settings, no_index: bool):
    """Every article and worksheet, through the index unless ``--no-index`` (same answer)."""
    from factcheck.workspace.validate import add_duplicate_problems

    if no_index:
        from factcheck.workspace.validate import read_workspace

        return add_duplicate_problems(read_workspace(root, settings))
    from factcheck.workspace.index import read_indexed

    return add_duplicate_problems(read_indexed(root, settings))


def _version(value: bool) -> None:
    if value:
        print(f"factcheck {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """Turn a news article into TOML worksheets, one per checkable statement, and track the checking.

    Example: factcheck init article.txt && factcheck status
    """


@app.command()
def init(
    article: Annotated[
        str,
        typer.Argument(
            metavar="ARTICLE", help="The article: a text, HTML or Markdown file, an http(s) URL, or - for stdin."
        ),
    ],
    directory: DirOption = None,
    slug: Annotated[
        Optional[str],
        typer.Option(
            "--article",
            help="Article folder to create or update (default: from the title).",
            autocompletion=_complete_slug,
        ),
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Write nothing; show what would be written.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the statements and skipped text as JSON.")] = False,
    min_priority: Annotated[
        float, typer.Option("--min-priority", min=0.0, max=1.0, help="Only statements with this priority or more.")
    ] = 0.0,
) -> None:
    """Split an article into checkable statements and write one worksheet per statement.

    Example: factcheck init article.txt --dry-run (or a .html/.md file, a URL, - for stdin)
    """
    from factcheck.extraction.headline import with_headline
    from factcheck.extraction.statements import extract
    from factcheck.library.search import record
    from factcheck.reading.article import read_article, read_stdin, slugify
    from factcheck.reporting.views import init_summary, plan_dict
    from factcheck.workspace.init import apply_init, plan_init
    from factcheck.workspace.layout import resolve_dir
    from factcheck.workspace.lock import remove_stale_temps, workspace_lock
    from factcheck.workspace.settings import load_settings

    with _errors():
        if slug is not None and slugify(slug) != slug:
            raise FactcheckError(
                f"--article {slug!r} is not a slug; use lowercase words and hyphens, "
                f"such as {slugify(slug) or 'my-article'!r}"
            )
        stdin = read_stdin(sys.stdin.buffer) if article == "-" else None
        art = with_headline(read_article(article, stdin))
        for notice in art.notices:
            _say(_err(), f"Notice: {notice}")
        root = resolve_dir(directory)
        extraction = extract(art)
        if dry_run:
            plan, written = plan_init(root, art, extraction, slug=slug, min_priority=min_priority), None
            checked = _checked_before(root, plan)
        else:  # one init at a time decides the folder and the numbers, and writes them
            with workspace_lock(root, on_wait=lambda message: _say(_err(), f"Waiting: {message}")):
                plan = plan_init(root, art, extraction, slug=slug, min_priority=min_priority)
                if remove_stale_temps(plan.folder):
                    _say(_err(), f"Notice: removed temporary files an interrupted init left in {plan.folder}")
                checked = _checked_before(root, plan)
                settings = load_settings(root)
                if settings.problems and plan.new_sheets:  # what they are written with is not the team's
                    wrong = settings.problems[0]
                    _say(
                        _err(),
                        f"Warning: {wrong.where()}: {wrong.message}; the new worksheets name the default "
                        "statuses and ratings until factcheck.toml is fixed (`factcheck check` lists its mistakes)",
                    )
                written = apply_init(
                    plan,
                    settings,
                    checked_before={stem: [record(m) for m in found] for stem, found in checked.items()},
                )
        if as_json:
            _print_json(plan_dict(plan, checked))
        else:
            summary = init_summary(plan, None if written is None else len(written), dry_run=dry_run, checked=checked)
            _out().print(summary, soft_wrap=True)


def _sheets(articles) -> list:
    return [sheet for article in articles for sheet in article.sheets]


def _checked(root, sheets, no_index: bool = False) -> dict:
    """The earlier checks each worksheet looks like (reviews in the library now, and what init
    recorded), worked out at read time and cached in the index (``--no-index``: what init
    recorded, no more)."""
    if not (root / "library").is_dir() and not any("checked_before" in s.values for s in sheets):
        return {}  # nothing to look up: reading commands stay as light as they were
    from factcheck.library.search import checked_for

    with _progress() as progress:
        return checked_for(root, sheets, progress, live=not no_index)


def _checked_before(root, plan) -> dict:
    """The earlier checks each new statement looks like (published reviews in the library, other
    articles' worksheets), by worksheet stem; empty when the workspace has neither."""
    from factcheck.library.search import look_up

    sheets = plan.new_sheets
    with _progress() as progress:
        found = look_up(root, [s.statement.text for s in sheets], plan.folder.name, progress)
    return {sheet.stem: matches for sheet, matches in zip(sheets, found) if matches}


class Sort(str, Enum):
    id = "id"
    priority = "priority"
    status = "status"


@app.command()
def status(
    directory: DirOption = None,
    article: ArticleFilter = None,
    status_: Annotated[
        Optional[str],
        typer.Option("--status", help="Only statements with this status.", autocompletion=_complete_status),
    ] = None,
    assignee: Annotated[
        Optional[str], typer.Option("--assignee", help="Only statements assigned to this person.")
    ] = None,
    sort: Annotated[Sort, typer.Option("--sort", help="Order of the statements.")] = Sort.id,
    summary: Annotated[
        bool, typer.Option("--summary", help="Only the table of articles, not every statement.")
    ] = False,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all", help="A row for every statement; beyond 200, the table shows only the next ones to check."
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the same as JSON.")] = False,
    watch: Annotated[
        bool, typer.Option("--watch", help="Keep the view up to date as worksheets change; Ctrl-C stops.")
    ] = False,
    interval: Annotated[
        float, typer.Option("--interval", min=0.1, help="Seconds between looks for changes, with --watch.")
    ] = 1.0,
    no_index: NoIndex = False,
) -> None:
    """Show verification progress per article and per statement; broken files are listed, not fatal.

    Example: factcheck status --sort priority --status unstarted
    """
    from factcheck.reporting.views import Filters, select, status_dict, status_filter, status_view
    from factcheck.workspace.layout import existing_workspace
    from factcheck.workspace.settings import load_settings

    with _errors():
        root = existing_workspace(directory)
        settings = load_settings(root)
        filters = Filters(article, status_filter(status_, settings), assignee, sort.value, summary, show_all)
        if watch:
            from factcheck.workspace.index import workspace_key

            render = status_dict if as_json else status_view  # for scripts: a line of JSON each time

            def state():
                fresh = load_settings(root)
                articles = select(_read(root, fresh, no_index), filters)
                return render(articles, fresh, filters, _checked(root, _sheets(articles), no_index))

            (_watch_json if as_json else _watch)(state, lambda: workspace_key(root), interval)
            return
        articles = select(_read(root, settings, no_index), filters)
        checked = _checked(root, _sheets(articles), no_index)
        if as_json:
            _print_json(status_dict(articles, settings, filters, checked))
        else:
            _out().print(status_view(articles, settings, filters, checked))


def _watch_json(data, key, interval: float) -> None:
    """``status --watch --json``: ``data()`` as one line of JSON at once, then again whenever
    ``key()`` changes, until Ctrl-C; a script reads a line at a time."""
    import time

    last = key()
    try:
        print(printable_json(dumps_finite(data(), ensure_ascii=False, default=_as_json)), flush=True)
        while True:
            time.sleep(interval)
            if key() != last:
                last = key()
                print(printable_json(dumps_finite(data(), ensure_ascii=False, default=_as_json)), flush=True)
    except KeyboardInterrupt:
        return


def _watch(view, key, interval: float) -> None:
    """Render ``view()`` again whenever ``key()`` changes, until Ctrl-C. On a terminal the view
    is redrawn in place (rich Live); piped, each new state is printed after the last."""
    import time

    console = _out()
    last = key()
    try:
        if console.is_terminal:
            from rich.live import Live

            with Live(view(), console=console, auto_refresh=False, screen=False) as live:
                while True:
                    time.sleep(interval)
                    if key() != last:
                        last = key()
                        live.update(view(), refresh=True)
        console.print(view())
        while True:
            time.sleep(interval)
            if key() != last:
                last = key()
                console.print()
                console.print(view())
    except KeyboardInterrupt:
        return


@app.command()
def show(
    statement: StatementId,
    directory: DirOption = None,
    no_index: NoIndex = False,
) -> None:
    """Render one worksheet: the statement in context, its fields, checks and sources.

    Example: factcheck show 07
    """
    from factcheck.reporting.views import show_view
    from factcheck.workspace.layout import existing_workspace, version_text
    from factcheck.workspace.settings import load_settings
    from factcheck.workspace.validate import find_sheet

    with _errors():
        root = existing_workspace(directory)
        settings = load_settings(root)
        articles = _read(root, settings, no_index)
        sheet = find_sheet(articles, statement, Path.cwd().resolve())
        if not sheet.readable:  # nothing to show but what is wrong
            _say(_err(), str(sheet.problems[0]))
            raise typer.Exit(code=1)
        checked = _checked(root, [sheet], no_index).get(sheet.id)
        location = sheet.values.get("location") if isinstance(sheet.values.get("location"), dict) else {}
        meta = next(a.meta for a in articles if a.folder == sheet.path.parent)
        try:
            text = version_text(sheet.path.parent, str(location.get("version", "")), str(meta.get("version", "")))
        except OSError:  # not UTF-8, not a regular file: the worksheet's problems say so below it
            text = None
        _out().print(show_view(sheet, text, checked), crop=False)


@app.command()
def check(
    paths: Annotated[
        Optional[list[str]],
        typer.Argument(
            metavar="[PATH]...",
            show_default=False,
            help="Worksheets, article folders or workspaces to check (default: the whole workspace). Other "
            "files are passed over, so a pre-commit hook can give it every changed file.",
        ),
    ] = None,
    directory: DirOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the problems as JSON.")] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Fail on warnings too (unfinished work, stale statements, too few sources)."),
    ] = False,
    no_index: NoIndex = False,
) -> None:
    """Validate worksheets; exit 1 when any has an error (or a warning, with --strict).

    Example: factcheck check --strict (or factcheck check worksheets/my-article/07-*.toml)
    """
    from factcheck.reporting.views import check_dict, plural
    from factcheck.workspace.layout import existing_workspace, named_worksheets
    from factcheck.workspace.schema import schema_problems
    from factcheck.workspace.settings import load_settings
    from factcheck.workspace.validate import blocks, load_sheets, workspace_problems

    with _errors():
        if paths and directory:
            raise FactcheckError("give PATHs or --dir, not both: each PATH finds its own workspace")
        groups, passed_over = named_worksheets(paths) if paths else ({existing_workspace(directory): None}, [])
        problems, count = [], 0
        for root, files in groups.items():
            settings = load_settings(root)
            problems += [*settings.problems, *schema_problems(root, settings)]
            if files is None:  # the whole workspace, through its index
                articles = _read(root, settings, no_index)
                problems += workspace_problems(articles)  # article.toml and .txt, then each worksheet's, once
                count += sum(len(a.sheets) for a in articles)
            else:
                sheets = load_sheets(files, settings)
                problems += list(dict.fromkeys(p for s in sheets for p in s.problems))
                count += len(sheets)
        if paths and not groups:
            _err().print(
                f"Note: none of the {plural(len(passed_over), 'path')} given is a worksheet, an article "
                "folder or a workspace",
                markup=False,
                soft_wrap=True,
            )
        report = check_dict(problems, count)
        errors, warnings = report["errors"], report["warnings"]
        if as_json:
            _print_json(report)
        else:
            out = _out()
            for p in problems:
                _say(out, str(p))
            out.print(
                f"{plural(report['worksheets'], 'worksheet')} checked: {plural(errors, 'error')}, "
                f"{plural(warnings, 'warning')}",
                markup=False,
            )
        if any(blocks(p, strict) for p in problems):  # the rule that stops an export, too
            raise typer.Exit(code=1)


@app.command()
def add(
    text: Annotated[
        str,
        typer.Argument(
            metavar="TEXT", help="The statement, as the article has it (quotes, dashes and spacing may differ)."
        ),
    ],
    directory: DirOption = None,
    article: Annotated[
        Optional[str],
        typer.Option(
            "--article",
            help="The article it belongs to: its slug or part of it (default: the article folder "
            "you are in, else the article whose text holds it).",
            autocompletion=_complete_slug,
        ),
    ] = None,
    elsewhere: Annotated[
        bool,
        typer.Option(
            "--elsewhere",
            help="It is not in the article's text (a caption, a video, an earlier version): "
            "write it without a location.",
        ),
    ] = False,
) -> None:
    """Write a worksheet for a statement init left out, with its exact place in the article.

    Example: factcheck add "Wagner was previously added to a US trade blacklist in 2017."
    """
    from factcheck.workspace.add import add_statement
    from factcheck.workspace.layout import existing_workspace
    from factcheck.workspace.lock import workspace_lock
    from factcheck.workspace.settings import load_settings

    with _errors():
        root = existing_workspace(directory)
        with workspace_lock(root, on_wait=lambda message: _say(_err(), f"Waiting: {message}")):  # numbers, as init
            added = add_statement(root, text, load_settings(root), slug=article, elsewhere=elsewhere)
        if added.start is None:
            where = "not in the article's text, so it has no [location]"
        else:
            where = f"paragraph {added.paragraph}, characters {added.start}-{added.end}"
        _out().print(f"Wrote {added.path} ({where}; priority {added.priority:.2f})", markup=False, soft_wrap=True)
        if added.also_at:
            _err().print(
                f"Notice: the text appears {_times(added.also_at)} more in the article; the first place is used",
                markup=False,
                soft_wrap=True,
            )


def _times(n: int) -> str:
    return "once" if n == 1 else f"{n} times"


@app.command()
def edit(statement: StatementId, directory: DirOption = None) -> None:
    """Open a worksheet in your editor ($VISUAL or $EDITOR), then check it when the editor closes.

    Example: factcheck edit 07
    """
    from factcheck.cli.editor import editor_command, open_in_editor
    from factcheck.reporting.views import plural
    from factcheck.workspace.layout import existing_workspace
    from factcheck.workspace.settings import load_settings
    from factcheck.workspace.validate import TextCache, find_sheet, load_sheet

    with _errors():
        root = existing_workspace(directory)
        settings = load_settings(root)
        sheet = find_sheet(_read(root, settings, False), statement, Path.cwd().resolve())
        command = editor_command(sheet.path)
        while True:
            open_in_editor(command, sheet.path)
            problems = load_sheet(sheet.path, sheet.article, settings, TextCache()).problems
            errors = sum(1 for p in problems if p.severity == ERROR)
            out = _out()
            for p in problems:
                out.print(str(p), markup=False, soft_wrap=True)
            if not errors:
                out.print(
                    f"{sheet.path}: " + (f"{plural(len(problems), 'warning')}" if problems else "no problems"),
                    markup=False,
                    soft_wrap=True,
                )
                return
            try:
                again = typer.confirm(f"{plural(errors, 'error')}; open it again to fix?", default=True)
            except typer.Abort:  # no answer to read (stdin closed)
                again = False
            if not again:
                _err().print(
                    f"Error: {sheet.path} has {plural(errors, 'error')}; `factcheck edit {statement}` opens it again",
                    markup=False,
                    soft_wrap=True,
                )
                raise typer.Exit(code=1)


@app.command()
def schema(
    directory: DirOption = None,
    add_line: Annotated[
        bool,
        typer.Option(
            "--add-line",
            help="Also put the #:schema line at the top of each worksheet (and factcheck.toml) "
            "that lacks it; nothing else in them changes.",
        ),
    ] = False,
) -> None:
    """Write the workspace's JSON Schemas, with which TOML editors check worksheets as you type.

    Example: factcheck schema --add-line (for worksheets written before init wrote the line)
    """
    from factcheck.reporting.views import plural
    from factcheck.workspace.layout import existing_workspace
    from factcheck.workspace.schema import add_line as put_line
    from factcheck.workspace.schema import files_without_line, schema_files, write_schemas
    from factcheck.workspace.settings import load_settings

    with _errors():
        root = existing_workspace(directory)
        settings = load_settings(root)
        if settings.problems:  # the defaults standing in for it would be written as the team's
            wrong = settings.problems[0]
            raise FactcheckError(
                f"{wrong.where()}: {wrong.message}; fix factcheck.toml first (the schemas are made from its "
                "statuses and ratings), then run `factcheck schema` again"
            )
        written = write_schemas(root, settings)
        out = _out()
        for path in written:
            out.print(f"Wrote {path}", markup=False, soft_wrap=True)
        if not written:
            out.print(
                " and ".join(str(p) for p in schema_files(root, settings)) + " are up to date",
                markup=False,
                soft_wrap=True,
            )
        lacking = files_without_line(root)
        if not lacking:
            return
        if not add_line:
            out.print(
                f"{plural(len(lacking), 'file')} without a #:schema line, which editors need to find the "
                "schema: `factcheck schema --add-line` adds it",
                markup=False,
                soft_wrap=True,
            )
            return
        from factcheck.workspace.lock import workspace_lock

        done = 0
        # rewriting worksheets, as init does: never at the same time as an init
        with workspace_lock(root, on_wait=lambda message: _say(_err(), f"Waiting: {message}")):
            for path in files_without_line(root):
                try:
                    put_line(path)
                    done += 1
                except UnicodeDecodeError:
                    _err().print(
                        f"Warning: {path} is not UTF-8; re-save it as UTF-8 and run this again",
                        markup=False,
                        soft_wrap=True,
                    )
        out.print(f"Added the #:schema line to {plural(done, 'file')}", markup=False, soft_wrap=True)


class Format(str, Enum):
    markdown = "markdown"
    csv = "csv"
    json = "json"
    claimreview = "claimreview"


@app.command()
def export(
    directory: DirOption = None,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format", "-f", help="markdown report, csv, json, or claimreview (schema.org JSON-LD of the verdicts)."
        ),
    ] = Format.markdown,
    article: ArticleFilter = None,
    status_: Annotated[Optional[str], typer.Option("--status", help="Only statements with this status.")] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Export nothing when a worksheet would be left out or has a warning.")
    ] = False,
    script_tags: Annotated[
        bool,
        typer.Option(
            "--script-tags", help='claimreview: one <script type="application/ld+json"> block per review, for a CMS.'
        ),
    ] = False,
    output: Annotated[
        Optional[str], typer.Option("--output", "-o", help="Write to this file (default: stdout).")
    ] = None,
    no_index: NoIndex = False,
) -> None:
    """Publish the checking: a Markdown report, CSV, JSON, or ClaimReview for the verdicts.

    A worksheet that `factcheck check` finds an error in is never published as a verdict: the
    export names it on stderr and says why (--strict stops instead).

    Example: factcheck export --format claimreview -o claimreview.json
    """
    from factcheck.reporting.export import gather, render
    from factcheck.reporting.views import Filters, plural, select, status_filter
    from factcheck.workspace.layout import existing_workspace
    from factcheck.workspace.settings import load_settings
    from factcheck.workspace.writes import export_path, write_export

    with _errors():
        if script_tags and fmt is not Format.claimreview:
            raise FactcheckError("--script-tags is for --format claimreview; drop it or add -f claimreview")
        root = existing_workspace(directory)
        suffix = {Format.markdown: "md", Format.csv: "csv"}.get(fmt, "json")
        name = f"{'claimreview' if fmt is Format.claimreview else 'export'}.{suffix}"
        if output is not None and output != "-":  # a path it cannot write: said before any warning
            export_path(root, output, name)
        settings = load_settings(root)
        articles = select(
            _read(root, settings, no_index), Filters(article=article, status=status_filter(status_, settings))
        )
        if not any(a.sheets for a in articles):
            where = (f" in articles matching {article!r}" if article else "") + (
                f" with status {status_!r}" if status_ else ""
            )
            raise FactcheckError(
                f"nothing to export: no worksheets{where}; run `factcheck status` to see the workspace"
            )
        export = gather(articles, settings, strict)
        text, notices = render(fmt.value, export, settings, script_tags)
        notices = export.notices + notices
        if strict and notices:
            raise FactcheckError(
                f"--strict: nothing exported, {plural(len(notices), 'problem')} to fix first: "
                f"{notices[0]}; fix them, or export without --strict"
            )
        for notice in notices:
            _say(_err(), f"Warning: {notice}")
        if output is None or output == "-":
            _write(text)
        else:
            write_export(root, output, text, name)
            what = (
                f"{plural(len(export.verdicts), 'verdict')} as ClaimReview"
                if fmt is Format.claimreview
                else f"{fmt.value} for {plural(len(export.rows), 'statement')}"
            )
            _say(_err(), f"Wrote {what} to {output}")


@app.command("import")
def import_(
    source: Annotated[
        str,
        typer.Argument(
            metavar="FILE|URL",
            help="ClaimReview JSON-LD (an object, an array, an @graph or a DataFeed), "
            "a saved fact-check page, its URL, or - for stdin.",
        ),
    ],
    directory: DirOption = None,
) -> None:
    """Add published fact-checks (ClaimReview) to the workspace's library, for search and init.

    Example: factcheck import https://example.org/fact-check/some-claim
    """
    from factcheck.library.claimreview import import_reviews, read_source
    from factcheck.reporting.views import import_summary
    from factcheck.workspace.layout import resolve_dir

    with _errors():
        stdin = sys.stdin.buffer.read() if source == "-" else None
        parsed = read_source(source, stdin)
        root = resolve_dir(directory)
        if root.exists() and not root.is_dir():
            raise FactcheckError(f"{root} is a file, not a workspace folder; pass --dir with a folder")
        imported = import_reviews(root, parsed, source)
        _out().print(import_summary(imported, root), soft_wrap=True)


@app.command()
def search(
    text: Annotated[Optional[str], typer.Argument(metavar="TEXT", help="The statement to look for.")] = None,
    directory: DirOption = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=100, help="How many matches to show.")] = 5,
    batch: Annotated[
        Optional[str],
        typer.Option("--batch", help="A file of statements, one a line (- for stdin); prints JSON Lines."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the matches as JSON.")] = False,
    lexical: Annotated[
        bool, typer.Option("--lexical", help="Words only, even when the semantic extra is installed.")
    ] = False,
) -> None:
    """Find earlier checks of a statement: imported fact-checks and the team's own worksheets.

    Example: factcheck search "Iran offered a bounty for the president's head"
    """
    import json

    from factcheck.library.search import rank
    from factcheck.reporting.views import search_view

    with _errors():
        if text is not None and not text.strip():  # `search ""`: no statement, as with none given
            text = None
        if (text is None) == (batch is None):
            raise FactcheckError("give the statement to look for, or --batch FILE (one statement a line)")
        queries = [text] if text is not None else _batch_lines(batch)
        index, encoder = _search_index(directory, lexical)
        try:
            if batch is not None:
                for query in queries:
                    matches = rank(index, query, encoder, limit)
                    _write(
                        json.dumps({"query": query, "matches": [m.as_dict() for m in matches]}, ensure_ascii=False)
                        + "\n"
                    )
                return
            matches = rank(index, text, encoder, limit)
            if as_json:
                _write(
                    json.dumps({"query": text, "matches": [m.as_dict() for m in matches]}, ensure_ascii=False, indent=1)
                    + "\n"
                )
            else:
                _out().print(search_view(text, matches, index.counts(), encoder is not None), soft_wrap=True)
        finally:
            index.close()


def _batch_lines(batch: str) -> list[str]:
    if batch == "-":
        data = sys.stdin.buffer.read()
    else:
        from pathlib import Path

        path = Path(batch)
        if not path.is_file():
            raise FactcheckError(f"--batch {batch}: no such file; give a text file with one statement a line")
        data = path.read_bytes()
    try:
        lines = data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise FactcheckError(f"--batch {batch} is not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    return [line.strip() for line in lines if line.strip()]


def _search_index(directory: Optional[str], lexical: bool):
    """The workspace's search index, brought up to date (with a progress bar when that takes a
    while), and the sentence encoder when the semantic extra is installed."""
    from factcheck.library.search import SearchIndex, semantic_encoder
    from factcheck.workspace.layout import existing_workspace

    root = existing_workspace(directory)
    encoder = semantic_encoder(False if lexical else None)
    with _progress() as progress:
        index = SearchIndex(root, progress)
        index.refresh(encoder)
    for warning in index.warnings:
        _err().print(f"Warning: {warning}", markup=False, soft_wrap=True)
    return index, encoder


@contextlib.contextmanager
def _progress():
    """A progress callback that shows a rich bar on stderr once a task has run for a moment."""
    import time

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=_err(),
        transient=True,
    )
    tasks: dict[str, int] = {}
    started = time.monotonic()

    def update(what: str, done: int, total: int) -> None:
        if time.monotonic() - started < 0.5 and not tasks:
            return
        if not tasks:
            bar.start()
        if what not in tasks:
            tasks[what] = bar.add_task(what, total=total)
        bar.update(tasks[what], completed=done, total=total)

    try:
        yield update
    finally:
        if tasks:
            bar.stop()


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command ``args`` asks for: typer turns the signature of every
    registered command into click parameters on each run, which cost about a fifth of a
    reading command's start-up. Help, completion and anything that is not a command name get
    the whole app."""
    name = args[0] if args else ""
    commands = [c for c in app.registered_commands if (c.name or c.callback.__name__) == name]
    if len(commands) != 1 or any(k.endswith("_COMPLETE") for k in os.environ):
        return app
    only = typer.Typer(
        **{k: getattr(app.info, k) for k in ("name", "help", "no_args_is_help")},
        add_completion=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
    )
    only.registered_callback = app.registered_callback
    only.registered_commands = commands
    return only


def run() -> None:
    """The console script: the app, with usage mistakes (a missing argument, a bad option)
    reported as one line on stderr like every other error, and a reader that stops reading
    stdout (``| head``) ending it quietly, whatever was still to be written."""
    try:
        code = _main()
        sys.stdout.flush()  # what print() left buffered, while a closed pipe can still be told apart
    except BrokenPipeError:
        code = _reader_gone().exit_code
    sys.exit(code)


def _main() -> int:
    try:
        code = _app_for(sys.argv[1:])(prog_name="factcheck", standalone_mode=False)
    except Exception as exc:
        message = getattr(exc, "format_message", None)
        ctx = getattr(exc, "ctx", None)
        if message is None or not hasattr(exc, "exit_code"):
            raise
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `factcheck`: the help is the answer
            print(ctx.get_help() if ctx else message())
            return 0
        where = f" (see `{ctx.command_path} --help`)" if ctx else ""
        _say(_err(), f"Error: {message().rstrip('.')}{where}")
        return exc.exit_code
    except KeyboardInterrupt:
        _err().print(
            "Interrupted; files already written are complete, run the command again to finish",
            markup=False,
            soft_wrap=True,
        )
        return 130
    return code if isinstance(code, int) else 0
