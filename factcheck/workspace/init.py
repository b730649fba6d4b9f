"""``init``: decide what to do with an article (plan), then do it (apply). A statement whose
text has a worksheet keeps it; one reworded follows its earlier wording's worksheet (``align``,
``sheetedit``); the rest get new worksheets. The article's folder is found by its source.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.errors import FactcheckError
from factcheck.reading.fetch import is_url, without_tracking
from factcheck.workspace.layout import ARTICLE_FILE, TEXT_FILE, VERSIONS_DIR, parse_toml, read_toml, text_version
from factcheck.workspace.writes import write_all_new, write_new, write_replace

if TYPE_CHECKING:
    from factcheck.extraction.statements import Extraction, Statement
    from factcheck.reading.article import Article
    from factcheck.workspace.settings import Settings
    from factcheck.workspace.worksheet import Context

SAME_ARTICLE_OVERLAP = 0.3  # share of body statements in common that makes a text an update
SAME_SOURCE_OVERLAP = 0.2  # share of words in common that makes a text from the same source an update
SAME_NAME_OVERLAP = 0.5  # ... from a file of the same name given by another path


@dataclass
class PlannedSheet:
    stem: str
    statement: Statement
    new: bool  # False: a worksheet for this statement exists already
    repeat: bool = False  # the article says this statement twice; the first one's worksheet serves
    earlier: Earlier | None = None  # reworded: the worksheet's wording before this update
    part_of: str = ""  # a new worksheet for the rest of a split statement: the stem it came from
    # unchanged, but the article version its [location] names is not kept (lost in a merge):
    # that version; init moves the [location] to this text
    relocated_from: str = ""


@dataclass(frozen=True)
class Earlier:
    """A worksheet's statement as it was worded before an update, and its verdict then."""

    text: str
    version: str
    rating: str  # "" when it had none: nothing to confirm


@dataclass
class Plan:
    """What ``init`` will do, computed without touching the disk."""

    article: Article
    folder: Path
    extraction: Extraction
    sheets: list[PlannedSheet]
    vanished: list[str] = field(default_factory=list)  # stems of statements gone from the text
    update: bool = False  # the folder holds an earlier version of this article
    unreadable: list[str] = field(default_factory=list)  # worksheets that could not be parsed
    new_article: bool = False  # the folder holds no article yet: init saves its text
    min_priority: float = 0.0
    below: int = 0  # statements under min_priority that have no worksheet
    merged: dict[str, str] = field(default_factory=dict)  # stale stem -> the stem its words went to
    title_was: str = ""  # the title article.toml held, when the update changes it
    not_carried: list[tuple[str, str]] = field(default_factory=list)  # (stem, why), after apply_init
    # worksheets of statements init did not find (`factcheck add`): stem -> text; kept as they are
    added: dict[str, str] = field(default_factory=dict)
    restored: list[str] = field(default_factory=list)  # article files missing from the folder, written again

    @property
    def new_sheets(self) -> list[PlannedSheet]:
        return [s for s in self.sheets if s.new]

    @property
    def reworded(self) -> list[PlannedSheet]:
        return [s for s in self.sheets if s.earlier is not None]

    @property
    def relocated(self) -> list[PlannedSheet]:
        return [s for s in self.sheets if s.relocated_from]


def plan_init(
    root: Path,
    article: Article,
    extraction: Extraction,
    slug: str | None = None,
    min_priority: float = 0.0,
) -> Plan:
    """Decide the folder and what happens to each statement: kept (its text has a worksheet),
    reworded (an earlier wording has one: the worksheet follows it), or new."""
    if root.exists() and not root.is_dir():
        raise FactcheckError(f"{root} is a file, not a workspace folder; pass --dir with a folder")
    folder = _choose_folder(root, article, list(extraction.statements), slug)
    on_disk = _existing_sheets(root, folder) if folder.exists() else []
    unreadable = [path.name for path, values in on_disk if _unknown_statement(values)]
    existing: dict[str, str] = {}  # statement text -> stem
    for path, values in on_disk:
        if values is not None and isinstance(values.get("text"), str):
            existing.setdefault(values["text"], path.stem)
    old_meta = _meta(folder / ARTICLE_FILE)
    update = bool(old_meta) and old_meta.get("sha256") != article.sha256
    reworded, splits, merged = (
        _follow_rewordings(folder, article, extraction, on_disk, existing) if update else ({}, {}, {})
    )
    sheets = _plan_sheets(extraction, existing, reworded, splits, min_priority, _next_number(on_disk))
    _relocate_lost_versions(folder, article, sheets, on_disk)
    kept = {s.stem for s in sheets if not s.new}
    # stale, as `check` sees it: the statement's text is gone from the article (a statement just
    # found is in it; searching the text for each of thousands took most of a second)
    found = {s.text for s in extraction.statements}
    # a worksheet added from elsewhere (`factcheck add --elsewhere`, no [location]) was never in the text
    elsewhere = {v["text"] for _, v in on_disk if v is not None and "location" not in v}
    vanished = sorted(
        stem
        for text, stem in existing.items()
        if stem not in kept and text not in found and text not in elsewhere and text not in article.text
    )
    gone = set(vanished)
    added = {
        stem: text for text, stem in existing.items() if stem not in kept and text not in found and stem not in gone
    }
    with_sheet = set(existing) | {s.statement.text for s in sheets}
    # an article folder that lost article.toml or article.txt (deleted by hand): init writes it again
    restored = [name for name in (ARTICLE_FILE, TEXT_FILE) if _has_entries(folder) and not (folder / name).exists()]
    title = str(old_meta.get("title", ""))
    return Plan(
        article,
        folder,
        extraction,
        sheets,
        vanished,
        update,
        unreadable,
        new_article=not old_meta,
        min_priority=min_priority,
        below=len(found - with_sheet),
        merged=merged,
        title_was=title if update and article.title and title != article.title else "",
        added=added,
        restored=restored,
    )


def _relocate_lost_versions(
    folder: Path, article: Article, sheets: list[PlannedSheet], on_disk: list[tuple[Path, dict | None]]
) -> None:
    """Mark the unchanged statements whose ``[location]`` names an article version the folder
    does not keep: two people updated the article at once, and the merge kept one side's
    ``article.txt``. The statement is in this text word for word, so its offsets can index it."""
    if not on_disk:
        return
    version_of = {path.stem: _version_of(values) for path, values in on_disk if values and "location" in values}
    kept = {article.version} | {p.stem for p in (folder / VERSIONS_DIR).glob("*.txt")}
    try:
        from factcheck.files import read_utf8

        kept.add(text_version(read_utf8(folder / TEXT_FILE)))
    except (OSError, ValueError):  # no article.txt, or not one init can read: nothing it indexes
        pass
    for sheet in sheets:
        version = version_of.get(sheet.stem, "")
        if not sheet.new and not sheet.repeat and sheet.earlier is None and version and version not in kept:
            sheet.relocated_from = version


def _has_entries(folder: Path) -> bool:
    try:
        return any(folder.iterdir())
    except OSError:  # not there yet
        return False


def _unknown_statement(values: dict | None) -> bool:
    """A worksheet whose statement init cannot know: it does not parse, or it parses but has no
    `text` (an editor saving it in place, caught half-written): a new worksheet might repeat it."""
    return values is None or not isinstance(values.get("text"), str)


def _number_width(existing: dict[str, str], count: int) -> int:
    """Digits in a new worksheet's number: the existing worksheets' (so "62-" comes after
    "61-", where a width grown to 3 put "062-" between "06-" and "07-"), else enough for all."""
    widths = sorted(len(head) for stem in existing.values() if (head := stem.split("-", 1)[0]).isdigit())
    return max(2, widths[0]) if widths else max(2, len(str(count)))


def _next_number(on_disk: list[tuple[Path, dict | None]]) -> int:
    numbers = [int(head) for path, _ in on_disk if (head := path.stem.split("-", 1)[0]).isdigit()]
    return max(numbers, default=0) + 1


def _plan_sheets(
    extraction: Extraction,
    existing: dict[str, str],
    reworded: dict[int, tuple[str, Earlier]],
    splits: dict[int, str],
    min_priority: float,
    next_number: int,
) -> list[PlannedSheet]:
    """One planned worksheet per statement, in the article's order: the existing one for a text
    that has one, the reworded one for a statement an earlier wording's worksheet follows, a new
    one (numbered after the last) for the rest at ``min_priority`` or above."""
    from factcheck.workspace.worksheet import stem

    wanted = [s for s in extraction.statements if s.priority >= min_priority]
    width = _number_width(existing, next_number + len(wanted))
    known = dict(existing)
    on_disk = set(existing)
    sheets = []
    for i, statement in enumerate(extraction.statements):
        if statement.text in known:
            repeat = statement.text not in on_disk  # said twice in this text ("Read more" blocks, pull quotes)
            sheets.append(PlannedSheet(known[statement.text], statement, new=False, repeat=repeat))
        elif i in reworded:
            old_stem, earlier = reworded[i]
            sheets.append(PlannedSheet(old_stem, statement, new=False, earlier=earlier))
            known[statement.text] = old_stem
        elif statement.priority >= min_priority:
            sheets.append(
                PlannedSheet(stem(next_number, statement.text, width), statement, new=True, part_of=splits.get(i, ""))
            )
            known[statement.text] = sheets[-1].stem
            next_number += 1
    return sheets


def _follow_rewordings(
    folder: Path,
    article: Article,
    extraction: Extraction,
    on_disk: list[tuple[Path, dict | None]],
    existing: dict[str, str],
):
    """Align the statements whose text is new with the worksheets whose text is gone
    (``align.align``): returns {statement index: (stem, Earlier)}, {statement index: the stem
    it was split from}, {stale stem: the stem it was merged into}."""
    from factcheck.files import read_utf8
    from factcheck.workspace.align import New, Old, align

    try:
        before = read_utf8(folder / TEXT_FILE)
    except OSError:
        before = ""
    found = {s.text for s in extraction.statements}
    old, earlier = [], {}
    for path, values in on_disk:
        text = values.get("text") if values else None
        if not isinstance(text, str) or text in found or text in article.text or existing.get(text) != path.stem:
            continue
        if "location" not in values:  # added from elsewhere: no earlier wording of anything in the text
            continue
        at = before.find(text)
        old.append(Old(path.stem, text, at / len(before) if at >= 0 else None))
        earlier[path.stem] = Earlier(text, _version_of(values), _rating_of(values))
    fresh = [(i, s) for i, s in enumerate(extraction.statements) if s.text not in existing]
    if not old or not fresh:
        return {}, {}, {}
    size = max(1, len(article.text))
    result = align(old, [New(s.text, s.start / size) for _, s in fresh])
    reworded = {fresh[m.new][0]: (m.old, earlier[m.old]) for m in result.matches}
    splits = {fresh[i][0]: stem for stem, parts in result.splits.items() for i in parts}
    return reworded, splits, result.merged


def _version_of(values: dict) -> str:
    location = values.get("location")
    version = location.get("version") if isinstance(location, dict) else None
    return version if isinstance(version, str) else ""


def _rating_of(values: dict) -> str:
    verdict = values.get("verdict")
    rating = verdict.get("rating") if isinstance(verdict, dict) else None
    return rating if isinstance(rating, str) else ""


def _existing_sheets(root: Path, folder: Path) -> list[tuple[Path, dict | None]]:
    """The folder's worksheets and their values (None when unreadable), through the index, so
    running init again reads only the worksheets that changed since the last command."""
    from factcheck.workspace.index import Index
    from factcheck.workspace.settings import load_settings

    with Index.open(root) as index:
        [article] = index.read(load_settings(root), [folder])
    return [(sheet.path, sheet.values if sheet.readable else None) for sheet in article.sheets]


def _choose_folder(root: Path, article: Article, statements: list[Statement], slug: str | None) -> Path:
    """The article's folder: ``--article``; else the folder of an earlier version from the same
    source (the same file path or URL, or the page's canonical URL: a rewritten headline is the
    same article); else its slug, unless that holds a different article (then slug-2...)."""
    if slug:
        return root / slug
    same_source = _folder_of_source(root, article)
    if same_source is not None:
        return same_source
    base = article.slug
    for n in range(1, 1000):
        folder = root / (base if n == 1 else f"{base}-{n}")
        meta = folder / ARTICLE_FILE
        if not meta.exists():
            return folder
        if _same_article(folder, _meta(meta), article, statements):
            return folder
    raise FactcheckError(f"too many articles named {base}; pass --article SLUG")


def _folder_of_source(root: Path, article: Article) -> Path | None:
    if not root.is_dir() or (article.source == "stdin" and not article.url):
        return None
    from factcheck.workspace.index import article_metas

    name = _file_name(article.source)
    for folder, meta in article_metas(root).items():
        source = _address(meta.get("source"))
        if (article.source != "stdin" and source == article.source) or (
            article.url and _address(meta.get("url")) == article.url
        ):
            needed = SAME_SOURCE_OVERLAP
        elif name and _file_name(source) == name:  # the same file, given by another path
            needed = SAME_NAME_OVERLAP
        else:
            continue
        if _shared_words(folder, article) >= needed:
            return folder
    return None


def _address(value) -> str:
    """A source or URL as article.toml records it; one recorded before tracking parameters were
    left out is compared without them."""
    text = str(value or "")
    return without_tracking(text) if is_url(text) else text


def _file_name(source: str) -> str:
    return "" if source == "stdin" or "://" in source else os.path.basename(source)


def _shared_words(folder: Path, article: Article) -> float:
    """The share of their words (as sets) two versions have in common: an updated version
    shares most of its words with the earlier one, a file reused for another story few."""
    from factcheck.files import read_utf8

    try:
        old = read_utf8(folder / TEXT_FILE)
    except OSError:  # not there, not UTF-8, not a regular file
        return 0.0
    a, b = set(old.lower().split()), set(article.text.lower().split())
    return len(a & b) / len(a | b) if a and b else 0.0


def _same_article(folder: Path, meta: dict, article: Article, statements: list[Statement]) -> bool:
    if meta.get("sha256") == article.sha256 or _address(meta.get("source")) == article.source != "stdin":
        return True
    from factcheck.files import read_utf8

    try:
        old = read_utf8(folder / TEXT_FILE)
    except OSError:  # not there, not UTF-8, not a file
        return False
    body = [s for s in statements if s.text != article.title]  # the same title is what brought us here
    if not body:
        return False
    shared = sum(1 for s in body if s.text in old)
    return shared / len(body) >= SAME_ARTICLE_OVERLAP


def _meta(path: Path) -> dict:
    try:
        return read_toml(path)
    except (ValueError, OSError):  # TOML or UTF-8 errors, or unreadable
        return {}


def apply_init(
    plan: Plan, settings: Settings, now: dt.datetime | None = None, checked_before: dict[str, list[dict]] | None = None
) -> list[Path]:
    """Write the article files and every new worksheet; returns the worksheets written.
    ``checked_before`` holds, by worksheet stem, the earlier checks each statement looks like.

    Refuses while a worksheet of the folder cannot be read: its statement is unknown, so a new
    worksheet might repeat it.
    """
    from factcheck.workspace.schema import write_schemas
    from factcheck.workspace.worksheet import new_worksheet, render

    folder = plan.folder
    if plan.unreadable and plan.new_sheets:
        raise FactcheckError(
            f"cannot read {', '.join(plan.unreadable)} in {folder}, so new worksheets might repeat "
            "its statement; fix it (`factcheck check` says where) and run init again"
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_article(plan, now or dt.datetime.now(dt.UTC))
        write_schemas(folder.parent, settings)
        contexts = _contexts(plan)
        written = write_all_new(
            [
                (
                    folder / f"{sheet.stem}.toml",
                    render(
                        new_worksheet(
                            sheet.statement, contexts[sheet.statement.start], (checked_before or {}).get(sheet.stem)
                        ),
                        settings,
                    ),
                )
                for sheet in plan.new_sheets
            ]
        )
        plan.not_carried = [
            (sheet.stem, why)
            for sheet in plan.reworded + plan.relocated
            if (why := _carry(plan, sheet, contexts[sheet.statement.start]))
        ]
        return written
    except PermissionError as exc:
        raise FactcheckError(
            f"cannot write to {exc.filename or folder}: permission denied; choose another --dir"
        ) from None
    except OSError as exc:
        raise FactcheckError(f"cannot write to {folder}: {exc.strerror}; choose another --dir") from None


def _carry(plan: Plan, sheet: PlannedSheet, context: Context) -> str:
    """Move a reworded statement's worksheet to its new wording: ``text`` and ``[location]``
    rewritten, the earlier wording appended under ``[[earlier]]``, every other line as the
    person left it (``sheetedit.carry``); a relocated one gets its ``[location]`` alone.
    Returns why it could not be done, or ""."""
    from factcheck.workspace.sheetedit import carry
    from factcheck.workspace.worksheet import location

    path = plan.folder / f"{sheet.stem}.toml"
    statement, earlier = sheet.statement, sheet.earlier
    try:
        from factcheck.files import read_regular

        data = read_regular(path)
        raw = data.decode("utf-8-sig")
        if parse_toml(raw).get("text") != (earlier.text if earlier else statement.text):
            return "it was edited since init read it; run init again"
        record = None  # the same wording (relocated): only where it is in this text changes
        if earlier is not None:
            record = {"text": earlier.text, "version": earlier.version}
            notes = [f"split: the rest is in {s.stem}" for s in plan.new_sheets if s.part_of == sheet.stem]
            notes += [f"merged with {stale}, now stale" for stale, into in plan.merged.items() if into == sheet.stem]
            if notes:
                record["note"] = "; ".join(notes)
            if earlier.rating:
                record["rating"] = earlier.rating
                record["confirmed"] = False
        updated = carry(raw, statement.text, location(statement, context), record)
    except FactcheckError as exc:
        return str(exc)
    except (OSError, ValueError) as exc:
        return f"it cannot be read ({exc})"
    bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""
    write_replace(path, bom + updated)
    return ""


def _write_article(plan: Plan, now: dt.datetime) -> None:
    import tomli_w

    folder, article = plan.folder, plan.article
    meta_path, text_path = folder / ARTICLE_FILE, folder / TEXT_FILE
    meta = _meta(meta_path)
    if meta.get("sha256") == article.sha256 and text_path.exists():
        return
    if text_path.exists():  # keep the earlier text: old worksheets' offsets index it
        _keep_earlier_text(folder, text_path, article.version)
    # no clock time: two people who run init on the same update write the same bytes
    new_meta = {
        "title": article.title or meta.get("title", ""),
        "source": article.source,
        "sha256": article.sha256,
        "version": article.version,  # what [location] version says for this text
        "added": meta.get("added", now.date().isoformat()),
    }
    for key in ("author", "published", "site", "url"):  # what a web page says about itself
        value = getattr(article, key) or meta.get(key, "")
        if value:
            new_meta[key] = value
    write_replace(text_path, article.text)
    write_replace(
        meta_path, "# written by factcheck init; the worksheets beside it are yours\n" + tomli_w.dumps(new_meta)
    )


def _keep_earlier_text(folder: Path, text_path: Path, new_version: str) -> None:
    """Keep the text ``article.txt`` holds under ``versions/`` before it is replaced: named by
    its version, or, when it is not UTF-8 (a hand edit in another encoding), kept byte for byte
    under the first 8 hex digits of the bytes' sha256 (nothing lost). Not a regular file (a
    device, a FIFO), or the very text that replaces it (article.toml was lost): nothing to keep."""
    import hashlib

    from factcheck.files import MAX_TEXT_BYTES, FileProblem, read_regular

    try:
        data = read_regular(text_path, MAX_TEXT_BYTES)
    except FileProblem:
        return
    try:
        content: str | bytes = data.decode("utf-8")
        version = text_version(content)
    except UnicodeDecodeError:
        content, version = data, hashlib.sha256(data).hexdigest()[:8]
    if version == new_version:
        return
    (folder / VERSIONS_DIR).mkdir(exist_ok=True)
    write_new(folder / VERSIONS_DIR / f"{version}.txt", content)


def _contexts(plan: Plan) -> dict[int, Context]:
    """The sentences before and after each statement (statements and skipped text alike)."""
    from factcheck.workspace.worksheet import Context

    pieces = sorted(
        [(s.start, s.text) for s in plan.extraction.statements] + [(s.start, s.text) for s in plan.extraction.skipped]
    )
    out = {}
    for i, (start, _) in enumerate(pieces):
        before = pieces[i - 1][1] if i > 0 else ""
        after = pieces[i + 1][1] if i + 1 < len(pieces) else ""
        out[start] = Context(plan.article.version, _clip(before, left=True), _clip(after))
    return out


def _clip(text: str, left: bool = False) -> str:
    from factcheck.workspace.worksheet import CONTEXT_CHARS

    if len(text) <= CONTEXT_CHARS:
        return text
    return "…" + text[-CONTEXT_CHARS:] if left else text[:CONTEXT_CHARS] + "…"
