"""The command line: a thin typer layer over the core. Only this module imports typer.

Every command runs inside ``_errors()``, the one place a ``FactcheckError`` becomes a single
line on stderr and exit code 1.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from enum import Enum
from typing import Annotated, Optional

import typer
from rich.console import Console

from . import __version__
from .errors import FactcheckError

app = typer.Typer(
    name="factcheck",
    help="Turn a news article into hand-editable TOML worksheets, one per checkable statement, "
    "and track the checking.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

DirOption = Annotated[
    Optional[str],
    typer.Option("--dir", "-d", help="Workspace folder (default: $FACTCHECK_DIR or ./worksheets)."),
]

NoIndex = Annotated[
    bool,
    typer.Option("--no-index", help="Read every worksheet afresh; neither use nor update the "
                 "workspace's index (.factcheck/index.sqlite)."),
]

ArticleFilter = Annotated[
    Optional[str], typer.Option("--article", help="Only articles whose slug contains this.")
]


def _out() -> Console:
    return Console(highlight=False)


def _err() -> Console:
    return Console(stderr=True, highlight=False)


@contextlib.contextmanager
def _errors():
    try:
        yield
    except FactcheckError as exc:
        _err().print(f"Error: {exc}", markup=False, soft_wrap=True)
        raise typer.Exit(code=exc.exit_code) from None
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        _err().print(f"Error: {where}{exc.strerror or exc}", markup=False, soft_wrap=True)
        raise typer.Exit(code=1) from None


def _read(root, settings, no_index: bool):
    """Every article and worksheet, through the index unless ``--no-index`` (same answer)."""
    if no_index:
        from .validate import read_workspace

        return read_workspace(root, settings)
    from .index import read_indexed

    return read_indexed(root, settings)


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
    article: Annotated[str, typer.Argument(
        metavar="ARTICLE", help="The article: a text, HTML or Markdown file, an http(s) URL, or - for stdin.")],
    directory: DirOption = None,
    slug: Annotated[
        Optional[str],
        typer.Option("--article", help="Article folder to create or update (default: from the title)."),
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
    from .article import read_article, slugify
    from .settings import load_settings
    from .statements import extract
    from .views import init_summary, plan_dict
    from .workspace import apply_init, plan_init, resolve_dir

    with _errors():
        if slug is not None and slugify(slug) != slug:
            raise FactcheckError(f"--article {slug!r} is not a slug; use lowercase words and hyphens, "
                                 f"such as {slugify(slug) or 'my-article'!r}")
        stdin = sys.stdin.buffer.read() if article == "-" else None
        art = read_article(article, stdin)
        for notice in art.notices:
            _err().print(f"Notice: {notice}", markup=False, soft_wrap=True)
        root = resolve_dir(directory)
        plan = plan_init(root, art, extract(art), slug=slug, min_priority=min_priority)
        written = None if dry_run else apply_init(plan, load_settings(root))
        if as_json:
            print(json.dumps(plan_dict(plan), ensure_ascii=False, indent=1))
        else:
            summary = init_summary(plan, None if written is None else len(written), dry_run=dry_run)
            _out().print(summary, soft_wrap=True)


class Sort(str, Enum):
    id = "id"
    priority = "priority"
    status = "status"


@app.command()
def status(
    directory: DirOption = None,
    article: ArticleFilter = None,
    status_: Annotated[Optional[str], typer.Option("--status", help="Only statements with this status.")] = None,
    assignee: Annotated[Optional[str], typer.Option("--assignee", help="Only statements assigned to this person.")] = None,
    sort: Annotated[Sort, typer.Option("--sort", help="Order of the statements.")] = Sort.id,
    summary: Annotated[bool, typer.Option("--summary", help="Only the table of articles, not every statement.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="A row for every statement; beyond 200, the "
                        "table shows only the next ones to check.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the same as JSON.")] = False,
    watch: Annotated[bool, typer.Option("--watch", help="Keep the view up to date as worksheets change; "
                     "Ctrl-C stops.")] = False,
    interval: Annotated[float, typer.Option("--interval", min=0.1, help="Seconds between looks for "
                        "changes, with --watch.")] = 1.0,
    no_index: NoIndex = False,
) -> None:
    """Show verification progress per article and per statement; broken files are listed, not fatal.

    Example: factcheck status --sort priority --status unstarted
    """
    from .settings import load_settings
    from .views import Filters, select, status_dict, status_filter, status_view
    from .workspace import existing_workspace

    with _errors():
        root = existing_workspace(directory)
        settings = load_settings(root)
        filters = Filters(article, status_filter(status_, settings), assignee, sort.value, summary, show_all)
        if watch:
            from .index import workspace_key

            def view():
                fresh = load_settings(root)
                return status_view(select(_read(root, fresh, no_index), filters), fresh, filters)

            _watch(view, lambda: workspace_key(root), interval)
            return
        articles = select(_read(root, settings, no_index), filters)
        if as_json:
            print(json.dumps(status_dict(articles, settings, filters), ensure_ascii=False, indent=1))
        else:
            _out().print(status_view(articles, settings, filters))


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
    statement: Annotated[str, typer.Argument(
        metavar="ID", help="Statement id, or any unambiguous part: 07, 07-kirby, slug/07.")],
    directory: DirOption = None,
    no_index: NoIndex = False,
) -> None:
    """Render one worksheet: the statement in context, its fields, checks and sources.

    Example: factcheck show 07
    """
    from .settings import load_settings
    from .validate import TextCache, find_sheet
    from .views import show_view
    from .workspace import existing_workspace

    with _errors():
        root = existing_workspace(directory)
        settings = load_settings(root)
        sheet = find_sheet(_read(root, settings, no_index), statement)
        if not sheet.readable:  # nothing to show but what is wrong
            _err().print(f"{sheet.problems[0]}", markup=False, soft_wrap=True)
            raise typer.Exit(code=1)
        location = sheet.values.get("location") if isinstance(sheet.values.get("location"), dict) else {}
        text = TextCache().version(sheet.path.parent, str(location.get("version", "")))
        _out().print(show_view(sheet, text))


@app.command()
def check(
    directory: DirOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the problems as JSON.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too (unfinished work, stale statements, too few sources).")] = False,
    no_index: NoIndex = False,
) -> None:
    """Validate every worksheet; exit 1 when any has an error (or a warning, with --strict).

    Example: factcheck check --strict
    """
    from .settings import load_settings
    from .validate import blocks
    from .views import check_dict, plural
    from .workspace import existing_workspace

    with _errors():
        root = existing_workspace(directory)
        settings = load_settings(root)
        articles = _read(root, settings, no_index)
        problems = list(settings.problems) + [p for a in articles for p in a.problems + [p for s in a.sheets for p in s.problems]]
        report = check_dict(problems, sum(len(a.sheets) for a in articles))
        errors, warnings = report["errors"], report["warnings"]
        if as_json:
            print(json.dumps(report, ensure_ascii=False, indent=1))
        else:
            out = _out()
            for p in problems:
                out.print(str(p), markup=False, soft_wrap=True)
            out.print(f"{plural(report['worksheets'], 'worksheet')} checked: {plural(errors, 'error')}, "
                      f"{plural(warnings, 'warning')}", markup=False)
        if any(blocks(p, strict) for p in problems):  # the rule that stops an export, too
            raise typer.Exit(code=1)


class Format(str, Enum):
    markdown = "markdown"
    csv = "csv"
    json = "json"
    claimreview = "claimreview"


@app.command()
def export(
    directory: DirOption = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="markdown report, csv, json, or "
                                        "claimreview (schema.org JSON-LD of the verdicts).")] = Format.markdown,
    article: ArticleFilter = None,
    status_: Annotated[Optional[str], typer.Option("--status", help="Only statements with this status.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Export nothing when a worksheet would be left out "
                                         "or has a warning.")] = False,
    script_tags: Annotated[bool, typer.Option("--script-tags", help="claimreview: one <script "
                                              "type=\"application/ld+json\"> block per review, for a CMS.")] = False,
    output: Annotated[Optional[str], typer.Option("--output", "-o", help="Write to this file (default: stdout).")] = None,
    no_index: NoIndex = False,
) -> None:
    """Publish the checking: a Markdown report, CSV, JSON, or ClaimReview for the verdicts.

    A worksheet that `factcheck check` finds an error in is never published as a verdict: the
    export names it on stderr and says why (--strict stops instead).

    Example: factcheck export --format claimreview -o claimreview.json
    """
    from .export import gather, render
    from .settings import load_settings
    from .views import Filters, plural, select, status_filter
    from .workspace import existing_workspace, write_export

    with _errors():
        if script_tags and fmt is not Format.claimreview:
            raise FactcheckError("--script-tags is for --format claimreview; drop it or add -f claimreview")
        root = existing_workspace(directory)
        settings = load_settings(root)
        articles = select(_read(root, settings, no_index),
                          Filters(article=article, status=status_filter(status_, settings)))
        if not any(a.sheets for a in articles):
            where = (f" in articles matching {article!r}" if article else "") + (
                f" with status {status_!r}" if status_ else "")
            raise FactcheckError(f"nothing to export: no worksheets{where}; run `factcheck status` to see "
                                 "the workspace")
        export = gather(articles, settings, strict)
        text, notices = render(fmt.value, export, settings, script_tags)
        notices = export.notices + notices
        if strict and notices:
            raise FactcheckError(f"--strict: nothing exported, {plural(len(notices), 'problem')} to fix first: "
                                 f"{notices[0]}; fix them, or export without --strict")
        for notice in notices:
            _err().print(f"Warning: {notice}", markup=False, soft_wrap=True)
        if output is None or output == "-":
            sys.stdout.write(text)
        else:
            write_export(root, output, text)
            what = (f"{plural(len(export.verdicts), 'verdict')} as ClaimReview" if fmt is Format.claimreview
                    else f"{fmt.value} for {plural(len(export.rows), 'statement')}")
            _err().print(f"Wrote {what} to {output}", markup=False, soft_wrap=True)


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command ``args`` asks for: typer turns the signature of every
    registered command into click parameters on each run, which cost about a fifth of a
    reading command's start-up. Help, completion and anything that is not a command name get
    the whole app."""
    name = args[0] if args else ""
    commands = [c for c in app.registered_commands if (c.name or c.callback.__name__) == name]
    if len(commands) != 1 or any(k.endswith("_COMPLETE") for k in os.environ):
        return app
    only = typer.Typer(**{k: getattr(app.info, k) for k in ("name", "help", "no_args_is_help")},
                       add_completion=False, rich_markup_mode=None, pretty_exceptions_enable=False)
    only.registered_callback = app.registered_callback
    only.registered_commands = commands
    return only


def run() -> None:
    """The console script: the app, with usage mistakes (a missing argument, a bad option)
    reported as one line on stderr like every other error."""
    try:
        code = _app_for(sys.argv[1:])(prog_name="factcheck", standalone_mode=False)
    except Exception as exc:
        message = getattr(exc, "format_message", None)
        ctx = getattr(exc, "ctx", None)
        if message is None or not hasattr(exc, "exit_code"):
            raise
        if type(exc).__name__ == "NoArgsIsHelpError":  # bare `factcheck`: the help is the answer
            print(ctx.get_help() if ctx else message())
            sys.exit(0)
        where = f" (see `{ctx.command_path} --help`)" if ctx else ""
        _err().print(f"Error: {message().rstrip('.')}{where}", markup=False, soft_wrap=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        _err().print("Interrupted; files already written are complete, run the command again to finish",
                     markup=False, soft_wrap=True)
        sys.exit(130)
    sys.exit(code if isinstance(code, int) else 0)
