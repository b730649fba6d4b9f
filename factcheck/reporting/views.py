"""What the commands show: functions that build rich renderables (or plain dicts for --json).

Nothing here prints; the CLI decides where output goes, and tests render at a fixed width.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, NamedTuple

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text as RichText

from factcheck.errors import ERROR, FactcheckError, Problem, printable
from factcheck.reporting.rows import Column, RowTable
from factcheck.workspace.layout import dir_option
from factcheck.workspace.settings import Settings
from factcheck.workspace.validate import (
    ArticleSheets,
    Sheet,
    at_edge,
    earlier_wordings,
    why_unpublishable,
    workspace_problems,
)

if TYPE_CHECKING:  # status and show never import init
    from factcheck.workspace.init import Plan

BAR_WIDTH = 10
SHOW_SKIPPED = 5  # skipped sentences listed per reason in the init summary
# Beyond this many statements `status` shows the articles and the next statements to check,
# not a row for each (rich lays out about 1 ms a row, and nobody reads 10,000 rows)
LARGE_WORKSPACE = 200
NEXT_ROWS = 20  # statements to check next
ARTICLE_ROWS = 10  # articles with open work


class Text(RichText):
    """Every piece of text this module renders, with control characters written out as escapes
    (``errors.printable``): worksheets, file names and article texts are anyone's, and an escape
    sequence in them must show, not act on the reader's terminal."""

    def __init__(self, text: str = "", *args, **kwargs) -> None:
        super().__init__(printable(text), *args, **kwargs)


# --------------------------------------------------------------------------------------------
# init


def plan_dict(plan: Plan, checked: dict | None = None) -> dict:
    """The machine-readable view of the pipeline (``init --dry-run --json``); each new statement
    that looks checked before lists its matches."""
    checked = checked or {}
    return {
        "article": {"title": plan.article.title, "slug": plan.folder.name, "version": plan.article.version},
        "statements": [
            {
                "id": sheet.stem,
                "new": sheet.new,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "paragraph": s.paragraph,
                "priority": s.priority,
                "reasons": list(s.reasons),
                "types": list(s.types),
                "claimant": s.claimant,
                "checks": [{"kind": c.kind, "what": c.what} for c in s.checks],
                **({"checked_before": [m.as_dict() for m in checked[sheet.stem]]} if sheet.stem in checked else {}),
            }
            for sheet in plan.sheets
            for s in [sheet.statement]
        ],
        "skipped": [
            {"text": k.text, "start": k.start, "end": k.end, "reason": k.reason, "rule": k.rule}
            for k in plan.extraction.skipped
        ],
        "vanished": plan.vanished,
        "notices": list(plan.article.notices),  # what init says on stderr about the text (its language, ...)
    }


def _reworded_lines(plan: Plan, dry_run: bool) -> list[Text]:
    """Each statement whose wording changed, old -> new with the changed words marked, where
    its work went, and the verdicts that now wait for a person to confirm them."""
    from factcheck.workspace.align import word_diff

    reworded = plan.reworded
    if not reworded:
        return []
    verb = "would follow" if dry_run else "followed"
    lines = [
        Text(f"Reworded in this version ({len(reworded)}; each worksheet {verb} its statement, [-old-]{{+new+}}):")
    ]
    failed = dict(plan.not_carried)
    for sheet in reworded:
        number = sheet.stem.split("-", 1)[0]
        lines.append(Text(f"  {number}  {word_diff(sheet.earlier.text, sheet.statement.text)}"))
        parts = [s.stem for s in plan.new_sheets if s.part_of == sheet.stem]
        if parts:
            lines.append(Text(f"      split: the rest is in {', '.join(parts)}"))
        if sheet.stem in failed:
            lines.append(Text(f"      not updated: {failed[sheet.stem]}", style="yellow"))
    rated = [f"{s.stem.split('-', 1)[0]} ({s.earlier.rating})" for s in reworded if s.earlier.rating]
    if rated:
        lines.append(
            Text(
                f"Verdicts given to an earlier wording, not published until confirmed: {', '.join(rated)}; "
                "set confirmed = true under [[earlier]] once each holds",
                style="yellow",
            )
        )
    return lines


def _relocated_lines(plan: Plan, dry_run: bool) -> list[Text]:
    """The unchanged statements whose [location] named an article version the folder had lost
    (a merge kept the other side's article.txt), moved to this text."""
    if not plan.relocated:
        return []
    failed = dict(plan.not_carried)
    moved = [s for s in plan.relocated if s.stem not in failed]
    lines = []
    if moved:
        versions = ", ".join(dict.fromkeys(s.relocated_from for s in moved))
        numbers = ", ".join(s.stem.split("-", 1)[0] for s in moved)
        lines.append(
            Text(
                f"{'Would point' if dry_run else 'Pointed'} the [location] of {plural(len(moved), 'worksheet')} "
                f"at this text (version {plan.article.version}): the version {'it' if len(moved) == 1 else 'they'} "
                f"named ({versions}) is not kept, as after a merge of two updates: {numbers}"
            )
        )
    for sheet in plan.relocated:
        if sheet.stem in failed:
            number = sheet.stem.split("-", 1)[0]
            lines.append(Text(f"  {number}  [location] not updated: {failed[sheet.stem]}", style="yellow"))
    return lines


def init_summary(plan: Plan, written: int | None, dry_run: bool = False, checked: dict | None = None) -> RenderableType:
    """The few lines ``init`` prints: what was written, what was skipped and why, where."""
    folder = f"{plan.folder}/"
    lines: list[Text] = []
    new = len(plan.new_sheets)
    repeats = sum(sheet.repeat for sheet in plan.sheets)
    kept = len(plan.sheets) - new - repeats - len(plan.reworded) - len(plan.relocated)
    if dry_run:
        lines.append(Text(f"Would write {plural(new, 'worksheet')} to {folder} (dry run: nothing written)"))
        for sheet in plan.new_sheets:
            lines.append(Text(f"  {sheet.stem}.toml  ({sheet.statement.priority:.2f})"))
    elif written:
        lines.append(Text(f"Wrote {plural(written, 'worksheet')} to {folder}", style="bold"))
    elif not plan.sheets:
        what = "statement" if not plan.below else f"statement at --min-priority {plan.min_priority:g} or above"
        saved = (
            f"; the article's text is saved in {folder}"
            if plan.new_article
            else ""
            if plan.update or plan.restored
            else "; nothing on disk changed"
        )
        lines.append(Text(f"No worksheets written: no checkable {what}{saved}"))
    else:
        unchanged = "" if plan.update or plan.restored or plan.relocated else "; nothing on disk changed"
        lines.append(
            Text(f"Nothing to do: all {len(plan.sheets)} statements of {folder} already have worksheets{unchanged}")
        )
    if plan.restored:
        restored = " and ".join(plan.restored)
        lines.append(Text(f"{'Would restore' if dry_run else 'Restored'} {restored}, which the folder had lost"))
    if plan.below:
        verb = "would get" if dry_run else "got"
        lines.append(
            Text(
                f"{plural(plan.below, 'statement')} below --min-priority {plan.min_priority:g} "
                f"{verb} no worksheet; a lower --min-priority adds them"
            )
        )
    if kept and (written or dry_run):
        lines.append(Text(f"Kept {plural(kept, 'existing worksheet')} untouched"))
    elif plan.reworded and not (written or dry_run):
        lines[0] = Text(f"No new worksheets: every statement of {folder} has one")
    if plan.added:
        numbers = ", ".join(stem.split("-", 1)[0] for stem in sorted(plan.added))
        lines.append(Text(f"Kept {plural(len(plan.added), 'worksheet')} added by hand (factcheck add): {numbers}"))
    if repeats:
        said = "is said again" if repeats == 1 else "are said again"
        lines.append(Text(f"{plural(repeats, 'statement')} {said} further on; the first one's worksheet serves"))
    if plan.update:
        lines.append(Text(f"Updated article text: version {plan.article.version}; earlier versions kept in versions/"))
    if plan.title_was:
        lines.append(Text(f"New headline: {plan.article.title!r} (was {plan.title_was!r})"))
    lines += _reworded_lines(plan, dry_run)
    lines += _relocated_lines(plan, dry_run)
    if plan.vanished:
        merged = [
            f"{stem} (merged into {plan.merged[stem].split('-', 1)[0]})" if stem in plan.merged else stem
            for stem in plan.vanished
        ]
        lines.append(Text(f"Gone from the new text (stale, work kept): {', '.join(merged)}", style="yellow"))
    if plan.unreadable:
        lines.append(Text(f"Could not read {', '.join(plan.unreadable)}; run `factcheck check`", style="yellow"))
    lines += _checked_before_lines(checked or {})
    lines += _another_version_lines(plan, checked or {}, dry_run)
    lines += _skipped_lines(plan)
    if not dry_run and written:
        lines.append(Text(f"Next: edit a worksheet, then run `factcheck status{dir_option(plan.folder.parent)}`"))
    return Group(*lines)


def _checked_before_lines(checked: dict) -> list[Text]:
    """The new statements that look checked before, each with its best match."""
    if not checked:
        return []
    lines = [
        Text(
            f"Checked before? {plural(len(checked), 'statement')} "
            f"{'looks' if len(checked) == 1 else 'look'} like earlier checks "
            "(`factcheck show ID` lists them):",
            style="bold",
        )
    ]
    return lines + [Text(f"  {stem.split('-', 1)[0]}  {_match_brief(matches[0])}") for stem, matches in checked.items()]


SAME_TEXT_SHARE = 0.5  # of a new article's statements, word for word in one other article: a copy of it


def _another_version_lines(plan: Plan, checked: dict, dry_run: bool) -> list[Text]:
    """When most statements of a new article are word for word another article's of the
    workspace, the text is likely a new version of it saved under another name (a different
    file, a changed headline): say how to carry that article's work instead. Not done on its own:
    two outlets' copies of one wire story are two articles to a checker."""
    if not plan.new_article or not plan.new_sheets:
        return []
    texts = {sheet.stem: sheet.statement.text for sheet in plan.new_sheets}
    same: Counter[str] = Counter()
    for stem, matches in checked.items():
        slugs = {m.id.split("/", 1)[0] for m in matches if m.kind == "worksheet" and m.text == texts.get(stem)}
        same.update(slugs)
    if not same:
        return []
    slug, n = same.most_common(1)[0]
    if n < SAME_TEXT_SHARE * len(texts):
        return []
    source = plan.article.source if plan.article.source != "stdin" else "-"
    first = "" if dry_run else f"remove {plan.folder}/ (nothing in it is yours yet) and "
    where = f" --dir {plan.folder.parent}"  # typed as it stands, wherever the workspace is
    return [
        Text(
            f"{n} of {len(texts)} statements are word for word in {slug}. If this is a new version of "
            f"it, {first}run `factcheck init {source} --article {slug}{where}` to carry its work over",
            style="yellow",
        )
    ]


def _skipped_lines(plan: Plan) -> list[Text]:
    """The sentences init passed over, by reason, a few of each; a sentence someone added by
    hand since (`factcheck add`) is no longer one of them."""
    by_hand = set(plan.added.values())
    skipped = [k for k in plan.extraction.skipped if k.text not in by_hand]
    by_reason = Counter(k.reason for k in skipped)
    if not by_reason:
        return []
    lines = [
        Text(f"Skipped {plural(len(skipped), 'sentence')} that {'is' if len(skipped) == 1 else 'are'} not checkable:")
    ]
    for reason, count in by_reason.most_common():
        examples = [k.text for k in skipped if k.reason == reason]
        lines.append(Text(f"  {reason} ({count})"))
        lines += [Text(f"    {_shorten(t, 70)}") for t in examples[:SHOW_SKIPPED]]
        if count > SHOW_SKIPPED:
            lines.append(Text(f"    ... and {count - SHOW_SKIPPED} more (--dry-run --json lists all)"))
    return lines


# --------------------------------------------------------------------------------------------
# status


class Filters(NamedTuple):
    article: str | None = None
    status: str | None = None
    assignee: str | None = None
    sort: str = "id"
    summary: bool = False  # the articles only, not a row per statement
    all: bool = False  # a row per statement however many there are


def select(articles: list[ArticleSheets], filters: Filters) -> list[ArticleSheets]:
    """The articles and worksheets the filters name; they match whatever the case ("--assignee
    Ana" finds "ana"). A worksheet that cannot be read stays in: nobody knows its status, and
    it must be reported, not silently dropped. A whole slug names that article alone, not
    the ``<slug>-2`` beside it (another article with the same headline)."""
    out = []
    wanted = filters.article.casefold() if filters.article else ""
    exact = bool(wanted) and any(a.slug.casefold() == wanted for a in articles)
    for article in articles:
        slug = article.slug.casefold()
        if wanted and (slug != wanted if exact else wanted not in slug):
            continue
        sheets = [
            s
            for s in article.sheets
            if not s.readable
            or (
                _matches(filters.status, s.values.get("status"))
                and _matches(filters.assignee, s.values.get("assignee"))
            )
        ]
        out.append(ArticleSheets(article.slug, article.folder, article.title, sheets, article.meta, article.problems))
    if filters.article and not out:  # a slug mistyped: not an empty workspace
        if not articles:
            raise FactcheckError(
                f"no article matches --article {filters.article!r}: the workspace has no articles yet; "
                "run `factcheck init ARTICLE`"
            )
        names = ", ".join(a.slug for a in articles[:5]) + (", ..." if len(articles) > 5 else "")
        raise FactcheckError(f"no article matches --article {filters.article!r}; articles: {names}")
    return out


def _matches(wanted: str | None, value) -> bool:
    return not wanted or isinstance(value, str) and value.strip().casefold() == wanted.strip().casefold()


def status_filter(wanted: str | None, settings: Settings) -> str | None:
    """``--status`` as one of the workspace's statuses (in any case), or an error listing them."""
    if wanted is None:
        return None
    for name in settings.statuses:
        if name.casefold() == wanted.strip().casefold():
            return name
    raise FactcheckError(f"--status {wanted!r} is not a status; use one of: " + ", ".join(settings.statuses))


def _sorted(sheets: list[Sheet], sort: str) -> list[Sheet]:
    if sort == "priority":
        return sorted(sheets, key=lambda s: (-_num(s.values.get("priority")), s.path.name))
    if sort == "status":
        return sorted(sheets, key=lambda s: (str(s.values.get("status", "")), s.path.name))
    return sorted(sheets, key=lambda s: s.path.name)


def _num(value) -> float:
    return float(value) if isinstance(value, (int, float)) else 0.0


def _priority(value) -> str:
    """A priority as the table shows it: a number to two places; anything else a hand edit put
    there ("high", a date) as written, since `check` reports it and 0.00 would hide it."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{value:.2f}"
    return _str(value) or "-"


def status_dict(
    articles: list[ArticleSheets], settings: Settings, filters: Filters, checked: dict | None = None
) -> dict:
    """``status --json``: per-article counts, per-statement rows (with the earlier checks each
    looks like, from ``search.checked_for``), and every problem: factcheck.toml's first, since
    the defaults stand in for what is wrong in it and every worksheet is read by them."""
    checked = checked or {}
    out = {"articles": [], "statements": [], "problems": [_problem_dict(p) for p in settings.problems]}
    for article in articles:
        # a stale statement (gone from the current text) is listed apart, not counted
        readable = [s for s in article.sheets if s.readable and not s.stale]
        stale = [s for s in article.sheets if s.readable and s.stale]
        counts = Counter(str(s.values.get("status", "")) for s in readable)
        # progress is what could be published: a worksheet with an error (a rating off the
        # scale, "done" with no rating) is not finished, whatever its status says
        sound = [s for s in readable if why_unpublishable(s) is None]
        finished = sum(1 for s in sound if s.values.get("status") in settings.finished)
        out["articles"].append(
            {
                "slug": article.slug,
                "title": article.title,
                "statements": len(article.sheets) - len(stale),
                "stale": len(stale),
                "by_status": {name: counts[name] for name in settings.statuses},
                # so that the counts add up to "statements": a status not in the list, a file unread
                "other_status": sum(n for name, n in counts.items() if name not in settings.statuses),
                "unreadable": sum(1 for s in article.sheets if not s.readable),
                "finished": finished,
                "with_errors": sum(1 for s in article.sheets if s.errors),
                "progress": round(finished / (len(article.sheets) - len(stale)), 3)
                if len(article.sheets) > len(stale)
                else 0.0,
                "ratings": dict(Counter(_rating(s) for s in sound if _rating(s))),
            }
        )
        current = [s for s in article.sheets if not (s.readable and s.stale)]
        for sheet in [] if filters.summary else _sorted(current, filters.sort) + _sorted(stale, filters.sort):
            out["statements"].append(_row_dict(sheet, checked.get(sheet.id, [])))
        out["problems"] += [_problem_dict(p) for p in workspace_problems([article])]
    return out


def _row_dict(sheet: Sheet, checked: list = ()) -> dict:
    v = sheet.values
    checks, sources = _items(v.get("checks")), _items(v.get("sources"))
    return {
        "id": sheet.id,
        "status": _str(v.get("status")),
        "rating": _rating(sheet),
        "priority": v.get("priority", 0) if sheet.readable else None,
        "checks_done": sum(1 for c in checks if isinstance(c, dict) and c.get("done") is True),
        "checks": len(checks),
        "sources": len(sources),
        "assignee": _str(v.get("assignee")),
        "stale": sheet.stale,
        "readable": sheet.readable,
        "errors": len(sheet.errors),
        "reworded": sheet.reworded,
        "unconfirmed": sheet.unconfirmed,
        "text": _str(v.get("text")),
        "checked_before": [m.as_dict() for m in checked],
    }


def _items(value) -> list:
    return value if isinstance(value, list) else []


def _joined(value, sep: str) -> str:
    return sep.join(map(str, value)) if isinstance(value, list) else _str(value)


def _str(value) -> str:
    """A field as text, whatever a hand edit put there (`check` reports the wrong type)."""
    return "" if value is None else value if isinstance(value, str) else str(value)


def check_dict(problems: list[Problem], worksheets: int) -> dict:
    """``check --json``: the counts and every problem."""
    errors = sum(1 for p in problems if p.severity == ERROR)
    return {
        "worksheets": worksheets,
        "errors": errors,
        "warnings": len(problems) - errors,
        "problems": [_problem_dict(p) for p in problems],
    }


def _problem_dict(problem: Problem) -> dict:
    return {
        "path": str(problem.path),
        "line": problem.line,
        "column": problem.column,
        "severity": problem.severity,
        "message": problem.message,
    }


def _rating(sheet: Sheet) -> str:
    verdict = sheet.values.get("verdict")
    rating = verdict.get("rating", "") if isinstance(verdict, dict) else ""
    return rating if isinstance(rating, str) else ""


def status_view(
    articles: list[ArticleSheets], settings: Settings, filters: Filters, checked: dict | None = None
) -> RenderableType:
    """Progress per article, then one row per statement, then the problems found.

    A large workspace (more than LARGE_WORKSPACE statements, unless ``--all``) shows the
    articles with open work and the statements to check next instead, each list bounded and
    followed by a line saying what was left out and how to see it."""
    data = status_dict(articles, settings, filters, checked)
    problems = [*settings.problems, *workspace_problems(articles)]
    if not data["articles"]:
        empty = Text("No articles in this workspace yet: run `factcheck init ARTICLE`")
        return Group(empty, problems_view(problems, root=problems[0].path.parent)) if problems else empty
    large = len(data["statements"]) > LARGE_WORKSPACE and not filters.all
    root = articles[0].folder.parent
    if not large:
        parts: list[RenderableType] = [_articles_table(data["articles"])]
        rows_of: dict[str, list[dict]] = {}  # grouped once: a team's workspace has thousands of rows
        for r in data["statements"]:
            if not r["stale"]:
                rows_of.setdefault(r["id"].split("/", 1)[0], []).append(r)
        for a in data["articles"]:
            if a["slug"] in rows_of:
                parts.append(_statement_table(Text(f"{a['slug']}  (factcheck show ID)"), rows_of[a["slug"]]))
        stale_of: dict[str, list[dict]] = {}
        for r in data["statements"]:
            if r["stale"]:
                stale_of.setdefault(r["id"].split("/", 1)[0], []).append(r)
        for slug, stale in stale_of.items():
            title = f"{slug}  stale: gone from the text, work kept"  # and not counted in Articles
            parts.append(_statement_table(Text(title), stale))
        parts += _checked_note(data["statements"])
        if problems:
            parts.append(problems_view(problems, root=root))
        return Group(*parts)
    busy = sorted(
        (a for a in data["articles"] if a["finished"] < a["statements"]),
        key=lambda a: (a["finished"] - a["statements"], a["slug"]),
    )
    parts = [
        _articles_table(
            busy[:ARTICLE_ROWS],
            f"Articles with open work: {min(len(busy), ARTICLE_ROWS)} of "
            f"{len(busy):,}, most open first ({len(data['articles']):,} articles in all; "
            "--summary lists every one)",
        )
    ]
    parts += _next_to_check(data["statements"], settings)
    parts += _checked_note(data["statements"])
    if problems:
        parts.append(problems_view(problems[:NEXT_ROWS], root=root, total=problems))
    return Group(*parts)


def _articles_table(rows: list[dict], title: str = "Articles") -> RowTable:
    table = RowTable(Text(title), _ARTICLE_COLUMNS)
    for a in rows:
        lines = [f"{n} {name}" for name, n in a["by_status"].items() if n]
        lines += [f"{n} {what}" for what, n in (("other", a["other_status"]), ("unreadable", a["unreadable"])) if n]
        by_status = "\n".join(lines) or "-"
        ratings = "\n".join(f"{n} {r}" for r, n in sorted(a["ratings"].items())) or "-"
        table.add_row(*_plain(a["slug"], str(a["statements"]), _bar(a["progress"]), by_status, ratings))
    return table


# On a narrow terminal a status's note and the statement give way first, then the columns
# least needed to pick the next statement (Column.squeeze, Column.drop); an ID never does.
_ARTICLE_COLUMNS = [
    Column("Article", ratio=1, min_width=12),
    Column("Stmts", justify="right", drop=3),
    Column("Progress"),
    Column("By status", squeeze=14, drop=2),
    Column("Ratings", squeeze=14, drop=1),
]


def problems_view(problems: list[Problem], root=None, total: list[Problem] | None = None) -> RenderableType:
    """Problems as two lines each: where (relative to the workspace), then what; the counts
    are of ``total`` when only some of them are listed."""
    every = problems if total is None else total
    errors = sum(1 for p in every if p.severity == ERROR)
    shown = "" if len(problems) == len(every) else f", the first {len(problems)} listed"
    lines: list[RenderableType] = [
        Text(
            f"Problems: {plural(errors, 'error')}, {plural(len(every) - errors, 'warning')}"
            f"{shown} (`factcheck check` lists them for scripts)",
            style="bold",
        )
    ]
    for p in problems:
        path = p.path.relative_to(root) if root and p.path.is_relative_to(root) else p.path
        where = f"{path}" + (f":{p.line}" if p.line else "") + (f":{p.column}" if p.line and p.column else "")
        lines.append(Text(f"  {where}"))
        message = Text(f"{p.severity}: {p.message}", style="red" if p.severity == ERROR else "yellow")
        lines.append(Padding(message, (0, 0, 0, 4)))
    return Group(*lines)


def _cells(*values: str) -> list[Text]:
    """Table cells as plain text. A bare string in a rich table is read as console markup, so a
    statement or a note with square brackets ("[sic]", "[1]") would lose them, or stop the
    command with a markup error ("[/x]")."""
    return [Text(v) for v in values]


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def _statement_table(title: Text, rows: list[dict]) -> RowTable:
    table = RowTable(title, _STATEMENT_COLUMNS)
    for r in rows:
        number = r["id"].split("/", 1)[1].split("-", 1)[0]
        if not r["readable"]:  # nothing in it can be read: say so, not "0.00"
            table.add_row(*_plain(number, "unreadable" + _flags(r), "-", "-", "-", "-", "(see the problems below)"))
            continue
        table.add_row(
            *_plain(
                number,
                (r["status"] or "-") + _flags(r),
                r["rating"] + (" (confirm)" if r["unconfirmed"] else "") if r["rating"] else "-",
                _priority(r["priority"]),
                f"{r['checks_done']}/{r['checks']}",
                str(r["sources"]),
                r["text"].replace("\n", " "),
            )
        )
    return table


_STATEMENT_COLUMNS = [
    Column("ID"),
    Column("Status", squeeze=12),
    Column("Rating", squeeze=10, drop=3),
    Column("Pri", justify="right", drop=4),
    Column("Checks", justify="right", drop=2),
    Column("Src", justify="right", drop=1),
    Column("Statement", ratio=1, min_width=20, squeeze=12),
]
_NEXT_COLUMNS = [
    Column("Article", ratio=1, min_width=12),
    Column("ID"),
    Column("Status", squeeze=12),
    Column("Pri", justify="right", drop=2),
    Column("Checks", justify="right", drop=1),
    Column("Statement", ratio=2, min_width=20, squeeze=12),
]


def _plain(*values: str) -> list[str]:
    """Table cells with control characters written out (see ``Text``)."""
    return [printable(v) for v in values]


def _checked_note(rows: list[dict]) -> list[RenderableType]:
    flagged = sum(1 for r in rows if r.get("checked_before"))
    if not flagged:
        return []
    return [
        Text(
            f"{plural(flagged, 'statement')} {'looks' if flagged == 1 else 'look'} checked before "
            "(factcheck show ID lists the earlier checks and their verdicts)"
        )
    ]


def _next_to_check(rows: list[dict], settings: Settings) -> list[RenderableType]:
    """The unfinished statements, highest priority first, a screenful of them, and a line
    saying how many more there are and how to see them."""
    open_rows = [r for r in rows if r["status"] not in settings.finished]
    open_rows.sort(key=lambda r: (-_num(r["priority"]), r["id"]))
    shown = open_rows[:NEXT_ROWS]
    short = short_article_ids({r["id"].split("/", 1)[0] for r in shown}, {r["id"].split("/", 1)[0] for r in rows})
    title = Text(
        f"Next to check: {len(shown)} of {len(open_rows):,} unfinished statements, "
        "highest priority first (factcheck show ID)"
    )
    table = RowTable(title, _NEXT_COLUMNS)
    for r in shown:
        slug, stem = r["id"].split("/", 1)
        table.add_row(
            *_plain(
                slug,
                f"{short[slug]}/{stem.split('-', 1)[0]}",
                (r["status"] if r["readable"] else "unreadable") + _flags(r),
                _priority(r["priority"]),
                f"{r['checks_done']}/{r['checks']}",
                r["text"].replace("\n", " "),
            )
        )
    note = Text(
        f"{len(rows) - len(shown):,} more of {len(rows):,} statements not listed: --all lists every one; "
        "--article, --status and --assignee narrow the list"
    )
    return [table, note]


def short_article_ids(wanted: set[str], slugs: set[str]) -> dict[str, str]:
    """For each slug in ``wanted``, the shortest start or end of it (whole words, at least one
    letter) that is part of no other article's slug, so ``factcheck show PART/07`` finds the
    statement: "group-10" for the tenth copy of "...-wagner-group", "council" for
    "council-passes-budget". Failing that, the shortest that starts or ends no other slug:
    "group" for "...-wagner-group" beside "...-wagner-group-2" (``show`` prefers the slug that
    the part starts or ends). The whole slug when nothing shorter will do."""
    out = {}
    for slug in wanted:
        others = [other for other in slugs if other != slug]
        cuts = [i for i, ch in enumerate(slug) if ch == "-"]
        parts = [
            part
            for part in sorted({slug[:i] for i in cuts} | {slug[i + 1 :] for i in cuts}, key=lambda p: (len(p), p))
            if not part.replace("-", "").isdigit()
        ]
        out[slug] = next(
            (part for part in parts if not any(part in other for other in others)),
            next((part for part in parts if not any(at_edge(part, other) for other in others)), slug),
        )
    return out


def _flags(row: dict) -> str:
    """What a status cell adds: the statement was reworded or is stale, it looks checked before,
    the worksheet has errors (listed below the tables)."""
    flags = [
        name
        for name, on in (
            ("reworded", row["reworded"]),
            ("stale", row["stale"]),
            ("checked before", row.get("checked_before")),
        )
        if on
    ]
    flags += [plural(row["errors"], "error")] if row["errors"] else []
    return f" ({', '.join(flags)})" if flags else ""


def _bar(progress: float) -> str:
    filled = round(progress * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled) + f" {progress * 100:3.0f}%"


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= width else f'"{text[: width - 1]}…"'


# --------------------------------------------------------------------------------------------
# show


def show_view(sheet: Sheet, context_text: str | None, checked: list | None = None) -> RenderableType:
    """One worksheet: the statement in its context, the workflow fields, checks and sources."""
    v = sheet.values
    # the id whole on its line, however narrow the terminal (printed with crop=False): it is what
    # a checker copies into the next command
    parts: list[RenderableType] = [Text(sheet.id, style="bold", no_wrap=True, overflow="ignore")]
    location = v.get("location") if isinstance(v.get("location"), dict) else {}
    if location.get("before"):  # any type a hand edit gave it: shown as written
        parts.append(Text("… " + _str(location["before"]), style="dim"))
    parts.append(Text(str(v.get("text", "")), style="bold"))
    if location.get("after"):
        parts.append(Text(_str(location["after"]) + " …", style="dim"))
    parts += _earlier_view(sheet)
    from rich.table import Table  # status draws its tables without it (reporting/rows.py)

    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="cyan", no_wrap=True)
    fields.add_column()
    verdict = v.get("verdict") if isinstance(v.get("verdict"), dict) else {}
    for label, value in (
        ("status", _str(v.get("status")) + (" (stale: gone from the current text)" if sheet.stale else "")),
        ("rating", verdict.get("rating", "")),
        ("conclusion", verdict.get("conclusion", "")),
        ("confidence", verdict.get("confidence", "")),
        ("date", verdict.get("date", "")),
        ("claim", v.get("claim", "")),
        ("claimant", v.get("claimant", "")),
        ("types", _joined(v.get("types"), ", ")),
        ("priority", _priority(v.get("priority"))),
        ("reasons", _joined(v.get("reasons"), "\n")),
        ("assignee", v.get("assignee", "")),
        ("reviewer", v.get("reviewer", "")),
        ("location", _location_text(location, context_text)),
        ("notes", v.get("notes", "")),
    ):
        fields.add_row(*_cells(label, str(value) if value not in ("", None) else "-"))
    parts.append(fields)
    checks = [c for c in _items(v.get("checks")) if isinstance(c, dict)]
    if checks:
        parts.append(
            Text(f"Checks ({sum(1 for c in checks if c.get('done') is True)}/{len(checks)} done)", style="bold")
        )
        for c in checks:
            box = "[x]" if c.get("done") is True else "[ ]"
            parts.append(Text(f"  {box} {c.get('kind', '')}: {c.get('what', '')}"))
    sources = [s for s in _items(v.get("sources")) if isinstance(s, dict)]
    parts.append(Text(f"Sources ({len(sources)})", style="bold"))
    for s in sources:
        bits = [str(s.get(k)) for k in ("stance", "kind") if s.get(k)]
        label = s.get("title") or s.get("url") or ""
        parts.append(Text(f"  - {label}" + (f" ({', '.join(bits)})" if bits else "")))
        if s.get("title") and s.get("url"):
            parts.append(Text(f"    {s['url']}"))
    if checked:
        parts.append(Text(f"Checked before ({len(checked)})", style="bold"))
        parts += match_lines(checked, indent="  ")
    for p in sheet.problems:
        parts.append(Text(str(p), style="red" if p.severity == ERROR else "yellow"))
    return Group(*parts)


def _earlier_view(sheet: Sheet) -> list[RenderableType]:
    """The statement's earlier wordings, newest first, each as the change from it to the
    wording after it ([-old-]{+new+}), with the verdict it had and whether it was confirmed."""
    earlier = earlier_wordings(sheet.values)
    if not earlier:
        return []
    from factcheck.workspace.align import word_diff  # only for a statement that was reworded

    lines: list[RenderableType] = [Text(f"Earlier wordings ({len(earlier)}), newest first:", style="bold")]
    later = _str(sheet.values.get("text"))
    for entry in reversed(earlier):
        text = _str(entry.get("text"))
        lines.append(Text(f"  version {_str(entry.get('version')) or '?'}: {word_diff(text, later)}"))
        rating = _str(entry.get("rating"))
        if rating:
            state = (
                "confirmed for the new wording"
                if entry.get("confirmed") is True
                else "not published until confirmed: set confirmed = true under its [[earlier]]"
            )
            lines.append(Text(f"    rated {rating} then; {state}", style="yellow" if "not" in state else ""))
        if _str(entry.get("note")):
            lines.append(Text(f"    {entry['note']}"))
        later = text
    return lines


def _location_text(location: dict, context_text: str | None) -> str:
    if not location:
        return ""
    where = (
        f"paragraph {location.get('paragraph')}, characters {location.get('start')}"
        f"-{location.get('end')} of version {location.get('version')}"
    )
    return where if context_text is not None else where + " (that version is not kept)"


# --------------------------------------------------------------------------------------------
# import and search


def import_summary(imported, root) -> RenderableType:
    """What `import` did: the file written, what was already there, what was left out."""
    lines = []
    if imported.path is not None:
        lines.append(Text(f"Imported {plural(imported.new, 'review')} into {imported.path}", style="bold"))
        if imported.known:
            lines.append(Text(f"{plural(imported.known, 'review')} already in the library, left as they were"))
    else:
        lines.append(
            Text(
                f"Nothing new: {'the review is' if imported.known == 1 else f'all {imported.known} reviews are'} "
                f"already in {root / 'library'}/; nothing on disk changed"
            )
        )
    if imported.without_claim:
        lines.append(
            Text(
                f"Left out {plural(imported.without_claim, 'ClaimReview')} that name no claim (claimReviewed)",
                style="yellow",
            )
        )
    if imported.path is not None:
        lines.append(
            Text("Next: `factcheck search TEXT`, or `factcheck init ARTICLE` to flag statements checked before")
        )
    return Group(*lines)


def match_lines(matches, indent: str = "", width: int = 96) -> list[Text]:
    """Each match in three lines: what it says (shortened to ``width``); whether it looks checked
    before, its verdict, who gave it and the score; then its link or worksheet id."""
    lines: list[Text] = []
    for n, m in enumerate(matches, 1):
        text = " ".join(m.text.split())
        text = text if len(text) <= width - 4 else text[: width - 5] + "…"
        lines.append(Text(f"{indent}{n}. {text}", style="bold" if m.checked else ""))
        if m.kind == "review":
            bits = [m.rating or "no rating", m.publisher, m.date[:10]]
        else:
            bits = [m.rating or "no rating yet", m.status, "a worksheet"]
        bits = (["checked before"] if m.checked else []) + [b for b in bits if b] + [f"score {m.score:.2f}"]
        lines.append(Text(f"{indent}   " + " · ".join(bits), style="green" if m.checked else ""))
        where = m.url if m.kind == "review" else m.id
        if where:  # whole (search prints with soft_wrap, which crops a line given overflow="fold")
            lines.append(Text(f"{indent}   {where}", style="dim"))
    return lines


def _match_brief(m) -> str:
    """One match in a line: its verdict, who gave it, and what it says."""
    who = m.publisher if m.kind == "review" else f"worksheet {m.id.split('/', 1)[0]}"
    verdict = m.rating or ("no rating" if m.kind == "review" else m.status or "no rating yet")
    if m.kind != "review" and m.rating and m.status:  # "false (needs-review)": a proposal is not a verdict
        verdict = f"{m.rating} ({m.status})"
    return f"{verdict}, {who}: {_shorten(m.text, 60)}" if who else f"{verdict}: {_shorten(m.text, 60)}"


def search_view(query: str, matches, counts: dict, semantic: bool) -> RenderableType:
    reviews, sheets = counts.get("review", 0), counts.get("worksheet", 0)
    how = "words and sentence vectors" if semantic else "words"
    head = (
        f"{len(matches)} {'match' if len(matches) == 1 else 'matches'} among {plural(reviews, 'review')} and "
        f"{plural(sheets, 'worksheet statement')} (ranked by {how})"
    )
    if not matches:
        hint = "; `factcheck import FILE|URL` adds published fact-checks" if not reviews else "; try other words"
        return Text(f"No match among {plural(reviews, 'review')} and {plural(sheets, 'worksheet statement')}{hint}")
    return Group(Text(head), *match_lines(matches))
