"""Publish a workspace: ClaimReview JSON-LD for the verdicts, CSV and JSON for spreadsheets and
scripts, a Markdown report for people.

Every format is built from the same records (one per worksheet, readable or not), and every
record has passed the same gate as `factcheck check` (``validate.why_unpublishable``): a
worksheet that fails it is never published as a verdict, and each format says which were left
out and why. Each format is also made safe for what reads it: CSV cells never start a formula
and never break a row, Markdown escapes what a renderer would read as markup and links only
http(s) addresses, and ClaimReview JSON can be pasted inside an HTML <script> element. Nothing
here writes to disk; the command line decides where the text goes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, field
from urllib.parse import quote

from factcheck.errors import FactcheckError, dumps_finite
from factcheck.workspace.settings import SETTINGS_FILE, Settings
from factcheck.workspace.validate import ArticleSheets, Sheet, blocks, url_problem, why_unpublishable

# The JSON export's schema, documented in the README; the version goes up when a key changes
# meaning or goes away (new keys may appear within a version).
EXPORT_FORMAT = "factcheck-export"
EXPORT_VERSION = 1
CSV_COLUMNS = (
    "id",
    "article",
    "status",
    "rating",
    "rating_label",
    "rating_value",
    "verdict_date",
    "conclusion",
    "confidence",
    "withheld",
    "stale",
    "priority",
    "claimant",
    "claim",
    "text",
    "types",
    "checks_done",
    "checks",
    "sources",
    "assignee",
    "reviewer",
    "notes",
    "article_title",
    "article_url",
)
# what a row says about its verdict: empty unless the verdict is published
_VERDICT_COLUMNS = ("rating", "rating_label", "rating_value", "verdict_date", "conclusion", "confidence")
# A ClaimReview's url is the page where the fact check is published; {url} is the publisher's
# url, {article} the article's slug, {number} the worksheet's number ("07"), {id} slug/stem.
# One review per page: that is what ClaimReview consumers expect.
DEFAULT_REVIEW_URL = "{url}/{article}/{number}"
CLAIM_REVIEWED_MAX = 75  # characters; a longer claimReviewed is cut off where it is shown


@dataclass
class Export:
    """What an export publishes: each article's ``article.toml``, one record per worksheet,
    and the notices (one line each) about what was left out and why."""

    articles: list[tuple[str, dict]]
    rows: list[dict]
    notices: list[str] = field(default_factory=list)

    @property
    def verdicts(self) -> list[dict]:
        return [r for r in self.rows if r["is_verdict"]]


def gather(articles: list[ArticleSheets], settings: Settings, strict: bool = False) -> Export:
    """Every worksheet of ``articles`` as a record, through the publishing gate. A mistake in
    the workspace's settings stops the export: the rating scale and statuses it defines decide
    what a verdict is."""
    if settings.problems:
        raise FactcheckError(
            f"{settings.problems[0]}; fix {SETTINGS_FILE} before exporting (`factcheck check` lists its problems)"
        )
    export = Export([(a.slug, a.meta) for a in articles if a.sheets], [])
    for article in articles:
        meta = _article_meta(article)
        broken = _article_unpublishable(article, strict)
        if broken and article.sheets:
            export.notices.append(f"{article.slug}: nothing in it published: {broken}")
        for sheet in article.sheets:
            withheld = broken or why_unpublishable(sheet, strict)
            row = _record(sheet, meta, settings, withheld)
            export.rows.append(row)
            if row["withheld"] and not broken:
                export.notices.append(f"{row['id']}: not published: {row['withheld']}")
    return export


def _article_unpublishable(article: ArticleSheets, strict: bool) -> str | None:
    """Why none of an article's verdicts may be published: its ``article.toml`` or
    ``article.txt`` has a problem `check` fails on (a merge conflict, a syntax error, the file
    lost). A review would name the wrong article, or none, so every format holds them all back."""
    blocking = [p for p in article.problems if blocks(p, strict)]
    if not blocking:
        return None
    first = blocking[0]
    where = f"{first.path.name}" + (f" line {first.line}" if first.line else "")
    return f"{where}: {first.severity}: {first.message}"


def _article_meta(article: ArticleSheets) -> dict:
    meta = article.meta
    source = _text(meta, "source")
    url = _text(meta, "url") or source
    return {
        "slug": article.slug,
        "title": article.title,
        "url": url if url and url_problem(url) is None else "",
        "published": _date_text(meta.get("published")),
        "author": _text(meta, "author"),
        "site": _text(meta, "site"),
    }


def _text(values: dict, key: str) -> str:
    value = values.get(key, "")
    return value if isinstance(value, str) else ""


def _date_text(value) -> str:
    """Text as written, and a date as ISO text whether TOML gave a string or a date."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value if isinstance(value, str) else ""


def _tables(values: dict, key: str) -> list[dict]:
    """The ``[[key]]`` tables of a worksheet, whatever else a hand edit left there."""
    found = values.get(key)
    return [t for t in found if isinstance(t, dict)] if isinstance(found, list) else []


def _record(sheet: Sheet, meta: dict, settings: Settings, withheld: str | None) -> dict:
    v = sheet.values
    verdict = v.get("verdict") if isinstance(v.get("verdict"), dict) and not withheld else {}
    checks, sources = _tables(v, "checks"), _tables(v, "sources")
    rating = _text(verdict, "rating")
    status = _text(v, "status")
    types = v.get("types") if isinstance(v.get("types"), list) else []
    priority = v.get("priority")
    # a verdict on a statement gone from the article is kept, flagged stale, but not current
    is_verdict = bool(not withheld and rating and status in settings.finished and not sheet.stale)
    held = ""  # a rating that is not a verdict: CSV and JSON must not look as if it were published
    if rating and not withheld and not is_verdict:
        held = (
            "stale: the statement is no longer in the article text; its rating is not published"
            if sheet.stale
            else f"status {status!r} is not finished; its rating is a proposal, not published"
        )
    return {
        "id": sheet.id,
        "number": sheet.path.stem.split("-", 1)[0],
        "file": sheet.path.name,
        "article": meta["slug"],
        "article_title": meta["title"],
        "article_url": meta["url"],
        "article_published": meta["published"],
        "article_author": meta["author"],
        "article_site": meta["site"],
        "withheld": withheld or "",
        "held": held,
        "stale": sheet.stale,
        "is_verdict": is_verdict,
        "status": status,
        "rating": rating,
        "rating_label": settings.label(rating) if rating else "",
        "rating_value": dict(settings.ratings).get(rating),
        "verdict_date": _date_text(verdict.get("date")),
        "conclusion": _text(verdict, "conclusion"),
        "confidence": _text(verdict, "confidence"),
        "priority": priority
        if isinstance(priority, (int, float)) and not isinstance(priority, bool) and 0 <= priority <= 1
        else None,
        "claimant": _text(v, "claimant").strip(),
        "claimant_kind": _kind_of(_text(v, "claimant").strip(), checks),
        "text": _text(v, "text"),
        "claim": _text(v, "claim").strip(),
        "types": [t for t in types if isinstance(t, str)],
        "checks_done": sum(1 for c in checks if c.get("done") is True),
        "checks": len(checks),
        "sources": [
            {k: _date_text(s.get(k)) for k in ("url", "title", "kind", "stance", "accessed", "note")} for s in sources
        ],
        "assignee": _text(v, "assignee"),
        "reviewer": _text(v, "reviewer"),
        "notes": _text(v, "notes"),
        "values": v,
        "problems": sheet.problems,
    }


# ---------------------------------------------------------------------------------------------
# JSON: the full record


def to_json(export: Export) -> str:
    """Every article's ``article.toml`` and every worksheet whole, with what the gate decided.
    A worksheet that is not published keeps its record, but its verdict is moved out of it
    into ``withheld``, so nothing that reads ``worksheet.verdict`` takes it for a published one."""
    statements = []
    for r in export.rows:
        worksheet = dict(r["values"]) if r["values"] else None
        withheld = None
        if r["withheld"] or r["held"]:
            table = worksheet.pop("verdict", None) if worksheet else None
            withheld = {"reason": r["withheld"] or r["held"], "verdict": table}
        statements.append(
            {
                "id": r["id"],
                "article": r["article"],
                "file": r["file"],
                "verdict_published": r["is_verdict"],
                "withheld": withheld,
                "stale": r["stale"],
                "rating_label": None if r["held"] else r["rating_label"] or None,
                "rating_value": None if r["held"] else r["rating_value"],
                "problems": [
                    {"line": p.line, "column": p.column, "severity": p.severity, "message": p.message}
                    for p in r["problems"]
                ],
                "worksheet": worksheet,
            }
        )
    doc = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "articles": [{"slug": slug, "article": meta} for slug, meta in export.articles],
        "statements": statements,
    }
    return dumps_finite(doc, ensure_ascii=False, indent=1, default=_json_value) + "\n"


def _json_value(value):
    if isinstance(value, (dt.date, dt.datetime, dt.time)):  # TOML dates and times
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


# ---------------------------------------------------------------------------------------------
# CSV: RFC 4180, one row per statement, no cell a spreadsheet would run


def to_csv(export: Export) -> str:
    """One row per statement (RFC 4180: every cell quoted, CRLF between rows). Lists are joined
    with "; ". Every cell is one line of plain text, and a cell a spreadsheet would read as a
    formula gets a leading apostrophe (OWASP's CSV-injection guard)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in export.rows:
        flat = dict(r)
        if r["held"]:  # a proposed or stale rating: not a verdict, so no verdict cells
            flat.update(dict.fromkeys(_VERDICT_COLUMNS, ""), withheld=r["held"])
        flat["types"] = "; ".join(r["types"])
        flat["sources"] = "; ".join(_source_text(s) for s in r["sources"])
        flat["stale"] = "yes" if r["stale"] else ""
        flat["priority"] = "" if r["priority"] is None else f"{r['priority']:g}"
        flat["rating_value"] = "" if flat["rating_value"] is None or not flat["rating"] else flat["rating_value"]
        writer.writerow([csv_cell(flat[key]) for key in CSV_COLUMNS])
    return buffer.getvalue()


def _source_text(source: dict) -> str:
    url, title = source["url"], source["title"]
    text = f"{title} <{url}>" if url and title else url or title
    return text + (f" ({source['stance']})" if source["stance"] else "")


_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# What makes a spreadsheet read a cell as a formula (OWASP): = + - @ first, also in their
# full-width forms, which some spreadsheets accept; tab and CR never survive _CONTROLS.
_FORMULA_START = "=+-@\uff1d\uff0b\uff0d\uff20"


def csv_cell(value) -> str:
    """A value as one CSV cell: control characters and line breaks become spaces, runs of
    spaces one, and a cell that would start a formula starts with an apostrophe instead."""
    if value is None:
        return ""
    text = " ".join(_CONTROLS.sub(" ", str(value)).split())
    return "'" + text if text[:1] in _FORMULA_START and text else text


# ---------------------------------------------------------------------------------------------
# Markdown: a report for people


def to_markdown(export: Export, settings: Settings) -> str:
    """A report per article: the verdicts reached, with their evidence, the statements found not
    checkable, what is still open, and what was left out because of errors."""
    out: list[str] = []
    for slug in dict.fromkeys(r["article"] for r in export.rows):
        mine = [r for r in export.rows if r["article"] == slug]
        out += _article_report(mine, settings)
    return "\n".join(out).rstrip("\n") + "\n"


def _article_report(rows: list[dict], settings: Settings) -> list[str]:
    first = rows[0]
    out = [f"# {md_text(first['article_title'] or first['article'])}\n"]
    if first["article_url"]:
        out.append(f"Source: {md_link(first['article_url'], first['article_url'])}\n")
    current = [r for r in rows if not r["stale"]]  # statements gone from the text are listed apart
    shown = [r for r in current if not r["withheld"]]
    finished = [r for r in shown if r["status"] in settings.finished]
    verdicts = [r for r in finished if r["is_verdict"]]
    not_checkable = [r for r in finished if not r["is_verdict"]]
    still_open = [r for r in shown if r["status"] not in settings.finished]
    left_out = [r for r in current if r["withheld"]]
    stale = [r for r in rows if r["stale"]]
    summary = f"{len(finished)} of {len(current)} statements checked; {len(verdicts)} with a verdict"
    out.append(summary + (f"; {len(left_out)} left out until fixed or confirmed.\n" if left_out else ".\n"))
    if verdicts:
        out.append("## Verdicts\n")
    for r in verdicts:
        who = f" ({md_text(r['claimant'])})" if r["claimant"] else ""
        out.append(
            f"### {md_text(r['number'])}. {md_text(r['rating_label'])}: {md_text(r['claim'] or r['text'])}{who}\n"
        )
        if r["claim"]:
            out.append(f"> {md_text(r['text'], line_start=True)}\n")
        if r["conclusion"]:
            out.append(f"{md_text(r['conclusion'], line_start=True)}\n")
        for s in r["sources"]:
            link = md_link(s["title"] or s["url"], s["url"], line_start=True)
            stance = f" ({md_text(s['stance'])})" if s["stance"] else ""
            out.append(f"- {link}{stance}")
        if r["sources"]:
            out.append("")
    for title, group, line in (
        ("Not checkable", not_checkable, lambda r: f"- {md_text(r['number'], True)}: {md_text(r['text'])}"),
        (
            "Still open",
            still_open,
            lambda r: f"- {md_text(r['number'], True)} ({md_text(r['status'] or 'no status')}): {md_text(r['text'])}",
        ),
        (
            "Left out until fixed or confirmed",
            left_out,
            lambda r: (
                f"- {md_text(r['number'], True)}{': ' + md_text(r['text']) if r['text'] else ''} "
                f"({md_text(r['file'])}: {md_text(r['withheld'])})"
            ),
        ),
        (
            "No longer in the article (work kept)",
            stale,
            lambda r: (
                f"- {md_text(r['number'], True)} ({md_text(r['status'] or 'no status')}"
                f"{', rated ' + md_text(r['rating_label']) if r['rating'] else ''}): {md_text(r['text'])}"
            ),
        ),
    ):
        if group:
            out += [f"## {title}\n"] + [line(r) for r in group] + [""]
    return out


_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# ASCII punctuation that starts markup somewhere (CommonMark, GitHub's tables, strikethrough,
# maths, @mentions and e-mail autolinks, and the {attribute} and ==mark== syntaxes of other
# renderers); every one may be backslash-escaped in CommonMark, and a renderer shows it as the
# character itself.
_MARKUP = set("\\`*_[]<>#|~$&^{}=!@")
_LIST_START = re.compile(r"^(\d{1,9})([.)])")
# The slashes of "scheme://" and "//host": renderers that link bare addresses (GitHub, linkify)
# would link an ftp:// or a protocol-relative one; escaped, the text shows the same and links
# nothing. (A bare www. address still becomes an http link: allowed.)
_ADDRESS_SLASH = re.compile(r"(?<=[:/])/")


def md_text(text: str, line_start: bool = False) -> str:
    """Plain text made inert inside Markdown: on one line, without control or direction
    characters, every character that could start markup backslash-escaped; at the start of a
    line also what would open a list or a heading ("- ", "+ ", "1. ")."""
    text = " ".join(_INVISIBLE.sub(" ", text).split())
    text = "".join("\\" + ch if ch in _MARKUP else ch for ch in text)
    text = _ADDRESS_SLASH.sub(r"\\/", text)  # a bare "ftp://..." or "//host" is no autolink
    if line_start:
        if text[:1] in "-+":
            text = "\\" + text
        text = _LIST_START.sub(r"\1\\\2", text)
    return text


def md_link(label: str, url: str, line_start: bool = False) -> str:
    """``[label](url)`` when ``url`` is an http(s) address, else the label alone as text: a
    report never links to ``javascript:`` or a file. The address is percent-encoded where
    Markdown would read it as markup."""
    if not url or url_problem(url) is not None:
        return md_text(label, line_start)
    return f"[{md_text(label)}]({quote(url, safe=_URL_SAFE)})"


_URL_SAFE = "/:?#@!$&*+,;=%-._~"


# ---------------------------------------------------------------------------------------------
# ClaimReview: schema.org JSON-LD for the verdicts


def claim_reviews(export: Export, settings: Settings) -> tuple[list[dict], list[str]]:
    """schema.org ClaimReview objects for every published verdict (a finished status and a
    rating, through the gate), and one notice for each review a consumer would find lacking
    (no date, no claimant, no short claim). Raises FactcheckError, naming what to fix, when
    the markup would lack its publisher or there is no verdict to publish."""
    publisher = {key: value for key, value in settings.publisher.items() if isinstance(value, str) and value}
    missing = [key for key in ("name", "url") if key not in publisher]
    if missing:
        raise FactcheckError(
            f"ClaimReview needs the publisher's {' and '.join(missing)}; add a [publisher] table with "
            f"name and url to {SETTINGS_FILE} in the workspace (see the README)"
        )
    if not export.verdicts:
        left_out = [r for r in export.rows if r["withheld"]]
        if left_out:
            raise FactcheckError(
                f"no verdict can be published: {len(left_out)} worksheet(s) left out, first "
                f"{left_out[0]['id']}: {left_out[0]['withheld']}; fix them first"
            )
        raise FactcheckError(
            "no statement has a verdict to publish yet; set a finished status and a "
            "rating in a worksheet (`factcheck status` shows progress)"
        )
    template = publisher.get("review_url", DEFAULT_REVIEW_URL)
    author = {"@type": "Organization", "name": publisher["name"], "url": publisher["url"]}
    if "logo" in publisher:
        author["logo"] = {"@type": "ImageObject", "url": publisher["logo"]}
    # the scale is the ratings' values other than 0 (0: no place on it, "unproven"): whatever it
    # runs over (1 to 5, -2 to 2), the lowest is worstRating and the highest bestRating
    scale = [value for _, value in settings.ratings if value] or [1]
    best, worst = max(scale), min(scale)
    reviews, notices = [], []
    for r in export.verdicts:
        rating = {"@type": "Rating", "name": r["rating_label"], "alternateName": r["rating_label"]}
        if r["rating_value"]:  # 0: a verdict with no place on the scale ("unproven")
            rating.update(ratingValue=r["rating_value"], bestRating=best, worstRating=worst)
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": template.format(
                url=publisher["url"].rstrip("/"), article=r["article"], number=r["number"], id=r["id"]
            ),
            "claimReviewed": _claim_reviewed(r, notices),
            "itemReviewed": _claim(r, notices),
            "author": author,
            "reviewRating": rating,
        }
        if r["verdict_date"]:
            review["datePublished"] = r["verdict_date"]
        else:
            notices.append(
                f"{r['id']}: no [verdict] date; its ClaimReview has no datePublished "
                "(write the day the verdict was reached, YYYY-MM-DD)"
            )
        if "language" in publisher:
            review["inLanguage"] = publisher["language"]
        reviews.append(review)
    return reviews, notices


def _claim_reviewed(r: dict, notices: list[str]) -> str:
    """The short claim a reader sees: the checker's ``claim``, else the whole statement."""
    if not r["claim"]:
        notices.append(
            f"{r['id']}: no `claim`; claimReviewed is the whole statement ({len(r['text'])} "
            f"characters); write the claim in under {CLAIM_REVIEWED_MAX} characters"
        )
        return r["text"]
    if len(r["claim"]) > CLAIM_REVIEWED_MAX:
        notices.append(
            f"{r['id']}: `claim` is {len(r['claim'])} characters; under {CLAIM_REVIEWED_MAX} "
            "reads whole where ClaimReview is shown"
        )
    return r["claim"]


def _claim(r: dict, notices: list[str]) -> dict:
    """The Claim reviewed: who made it, and the article it appeared in. A statement with no
    claimant is the article's own claim, made by its author, else by its site."""
    item: dict = {"@type": "Claim"}
    if r["claimant"]:
        item["author"] = {
            "@type": "Person" if r["claimant_kind"] == "person" else "Organization",
            "name": r["claimant"],
        }
    elif r["article_author"]:
        item["author"] = {"@type": "Person", "name": r["article_author"]}
    elif r["article_site"]:
        item["author"] = {"@type": "Organization", "name": r["article_site"]}
    else:
        notices.append(
            f"{r['id']}: nobody is known to have made the claim; set `claimant` "
            "(its ClaimReview has no itemReviewed.author)"
        )
    if r["article_url"] or r["article_title"]:
        appearance: dict = {"@type": "CreativeWork"}
        if r["article_url"]:
            appearance["url"] = r["article_url"]
        if r["article_title"]:
            appearance["headline"] = r["article_title"]
        if r["article_published"]:
            appearance["datePublished"] = r["article_published"][:10]
        item["appearance"] = appearance
        item["firstAppearance"] = dict(appearance)
    if r["article_published"]:
        item["datePublished"] = r["article_published"][:10]
    return item


def _kind_of(claimant: str, checks: list[dict]) -> str:
    """ "person" or "organisation": what the worksheet's checks call the claimant (init lists the
    claimant there, and the checker may have corrected it), else a guess: two or three
    capitalised words are a person ("John Kirby"), anything else an organisation ("The US",
    "the mayor's office")."""
    for check in checks:
        if check.get("what") in (claimant, claimant.split()[-1] if claimant.split() else None):
            if check.get("kind") in ("person", "organisation"):
                return check["kind"]
    words = claimant.split()
    person = 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and words[0] != "The"
    return "person" if person else "organisation"


def script_safe(json_text: str) -> str:
    """JSON that an HTML parser cannot end early: ``<``, ``>`` and ``&`` written as JSON
    escapes, so no ``</script>``, ``<!--`` or ``-->`` can appear, and the two line separators
    JavaScript once rejected escaped too. It parses back to the same values."""
    return (
        json_text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def to_claimreview(export: Export, settings: Settings, script_tags: bool = False) -> tuple[str, list[str]]:
    """The reviews as one JSON-LD array, or, for a CMS, one ``<script type="application/ld+json">``
    block per review (each to paste into its review's page)."""
    reviews, notices = claim_reviews(export, settings)
    if not script_tags:
        return script_safe(json.dumps(reviews, ensure_ascii=False, indent=1)) + "\n", notices
    blocks = [
        f'<script type="application/ld+json">\n{script_safe(json.dumps(r, ensure_ascii=False, indent=1))}\n</script>\n'
        for r in reviews
    ]
    return "\n".join(blocks), notices


def render(fmt: str, export: Export, settings: Settings, script_tags: bool = False) -> tuple[str, list[str]]:
    """The export in ``fmt``, and the notices the format adds to the gate's."""
    if fmt == "csv":
        return to_csv(export), []
    if fmt == "json":
        return to_json(export), []
    if fmt == "claimreview":
        return to_claimreview(export, settings, script_tags)
    return to_markdown(export, settings), []
