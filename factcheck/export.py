"""Publish a workspace: ClaimReview JSON-LD for the verdicts, CSV and JSON for spreadsheets and
scripts, a Markdown report for people.

Every format is built from the same records (one per readable worksheet), so a field means the
same thing in all of them. Nothing here writes to disk; the command line decides where the text
goes. ClaimReview is checked before anything is produced: a verdict that cannot be published as
valid schema.org markup stops the export with the reason, rather than producing a file a search
engine would reject.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from .checks import find_checks
from .errors import ERROR, FactcheckError
from .settings import SETTINGS_FILE, Settings
from .validate import ArticleSheets, Sheet

CSV_COLUMNS = (
    "id", "article", "status", "rating", "rating_label", "priority", "claimant", "text", "claim",
    "conclusion", "confidence", "types", "checks_done", "checks", "sources", "assignee", "reviewer",
    "article_title", "article_url",
)
# A ClaimReview's url is the page where the fact check is published; {url} is the publisher's
# url, {article} the article's slug, {number} the worksheet's number ("07"), {id} slug/stem.
DEFAULT_REVIEW_URL = "{url}/{article}#{number}"


def records(articles: list[ArticleSheets], settings: Settings) -> list[dict]:
    """One flat record per readable worksheet, in workspace order."""
    out = []
    for article in articles:
        meta = _article_meta(article)
        for sheet in article.sheets:
            if sheet.readable:
                out.append(_record(sheet, meta, settings))
    return out


def _article_meta(article: ArticleSheets) -> dict:
    meta = article.meta
    source = str(meta.get("source", ""))
    url = str(meta.get("url", "")) or (source if source.startswith(("http://", "https://")) else "")
    return {"slug": article.slug, "title": article.title, "url": url,
            "published": str(meta.get("published", "")), "author": str(meta.get("author", ""))}


def _text(values: dict, key: str) -> str:
    value = values.get(key, "")
    return value if isinstance(value, str) else ""


def _tables(values: dict, key: str) -> list[dict]:
    """The ``[[key]]`` tables of a worksheet, whatever else a hand edit left there."""
    found = values.get(key)
    return [t for t in found if isinstance(t, dict)] if isinstance(found, list) else []


def _record(sheet: Sheet, meta: dict, settings: Settings) -> dict:
    v = sheet.values
    verdict = v.get("verdict") if isinstance(v.get("verdict"), dict) else {}
    checks, sources = _tables(v, "checks"), _tables(v, "sources")
    rating = _text(verdict, "rating")
    types = v.get("types") if isinstance(v.get("types"), list) else []
    return {
        "id": sheet.id,
        "number": sheet.path.stem.split("-", 1)[0],
        "article": meta["slug"],
        "article_title": meta["title"],
        "article_url": meta["url"],
        "article_published": meta["published"],
        "status": _text(v, "status"),
        "rating": rating,
        "rating_label": settings.rating_labels.get(rating, rating),
        "rating_value": dict(settings.ratings).get(rating),
        "priority": v.get("priority") if isinstance(v.get("priority"), (int, float)) else None,
        "claimant": _text(v, "claimant"),
        "claimant_kind": _kind_of(_text(v, "claimant"), checks),
        "text": _text(v, "text"),
        "claim": _text(v, "claim"),
        "conclusion": _text(verdict, "conclusion"),
        "confidence": _text(verdict, "confidence"),
        "types": [t for t in types if isinstance(t, str)],
        "checks_done": sum(1 for c in checks if c.get("done") is True),
        "checks": len(checks),
        "sources": [{k: s[k] for k in ("url", "title", "kind", "stance") if isinstance(s.get(k), str)}
                    for s in sources],
        "assignee": _text(v, "assignee"),
        "reviewer": _text(v, "reviewer"),
        "notes": _text(v, "notes"),
        "errors": [str(p) for p in sheet.problems if p.severity == ERROR],
    }


# ---------------------------------------------------------------------------------------------


def to_json(rows: list[dict]) -> str:
    return json.dumps({"statements": rows}, ensure_ascii=False, indent=1) + "\n"


def to_csv(rows: list[dict]) -> str:
    """One row per statement; lists become "; "-joined text, so the file opens in any spreadsheet.
    A text cell that a spreadsheet would run as a formula ("=HYPERLINK(...)" in an article) is
    written with a leading apostrophe, the usual guard."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        flat = {key: _cell(row[key]) for key in CSV_COLUMNS if key not in ("types", "sources", "priority")}
        flat["types"] = _cell("; ".join(row["types"]))
        flat["sources"] = _cell("; ".join(s.get("url", "") for s in row["sources"]))
        flat["priority"] = "" if row["priority"] is None else row["priority"]
        writer.writerow(flat)
    return buffer.getvalue()


def _cell(value):
    return "'" + value if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def to_markdown(rows: list[dict], settings: Settings) -> str:
    """A report per article: the verdicts reached, with their evidence, then what is still open."""
    out: list[str] = []
    for slug in dict.fromkeys(r["article"] for r in rows):
        mine = [r for r in rows if r["article"] == slug]
        first = mine[0]
        out.append(f"# {_md(first['article_title'] or slug)}\n")
        if first["article_url"]:
            out.append(f"Source: <{first['article_url']}>\n")
        rated = [r for r in mine if r["status"] in settings.finished and r["rating"]]
        finished = sum(1 for r in mine if r["status"] in settings.finished)
        out.append(f"{finished} of {len(mine)} statements checked; {len(rated)} with a verdict.\n")
        if rated:
            out.append("## Verdicts\n")
        for r in rated:
            who = f" ({_md(r['claimant'])})" if r["claimant"] else ""
            out.append(f"### {r['number']}. {_md(r['rating_label'])}: {_md(r['claim'] or r['text'])}{who}\n")
            if r["claim"]:
                out.append(f"> {_md(r['text'])}\n")
            if r["conclusion"]:
                out.append(f"{_md(r['conclusion'])}\n")
            for s in r["sources"]:
                title = _md(s.get("title") or s.get("url", ""))
                link = f"[{title}]({s['url']})" if s.get("url") else title
                stance = f" ({s['stance']})" if s.get("stance") else ""
                out.append(f"- {link}{stance}")
            if r["sources"]:
                out.append("")
        still_open = [r for r in mine if r["status"] not in settings.finished]
        if still_open:
            out.append("## Still open\n")
            out += [f"- {r['number']} ({r['status'] or 'no status'}): {_md(r['text'])}" for r in still_open]
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _md(text: str) -> str:
    """Plain text made safe inside Markdown: the characters that would start markup escaped."""
    return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in " ".join(text.split()))


# ---------------------------------------------------------------------------------------------


def claim_reviews(rows: list[dict], settings: Settings, today: dt.date | None = None) -> list[dict]:
    """schema.org ClaimReview objects for every statement with a published verdict: a finished
    status and a rating. Raises FactcheckError, naming what to fix, when the markup would lack
    a required field (publisher name and url, a rating label) or a verdict has errors."""
    publisher = {key: value for key, value in settings.publisher.items() if isinstance(value, str) and value}
    missing = [key for key in ("name", "url") if key not in publisher]
    if missing:
        raise FactcheckError(
            f"ClaimReview needs the publisher's {' and '.join(missing)}; add a [publisher] table with "
            f"name and url to {SETTINGS_FILE} in the workspace (see the README)")
    verdicts = [r for r in rows if r["status"] in settings.finished and r["rating"]]
    if not verdicts:
        raise FactcheckError("no statement has a verdict to publish yet; set a finished status and a "
                             "rating in a worksheet (`factcheck status` shows progress)")
    broken = [r for r in verdicts if r["errors"] or r["rating_value"] is None]
    if broken:
        first = broken[0]
        why = (first["errors"] or [f"{first['id']}: rating {first['rating']!r} is not in the rating scale"])[0]
        raise FactcheckError(f"{len(broken)} verdict(s) cannot be published, first: {why}; "
                             f"run `factcheck check` and fix them first")
    template = publisher.get("review_url", DEFAULT_REVIEW_URL)
    date = (today or dt.date.today()).isoformat()
    author = {"@type": "Organization", "name": publisher["name"], "url": publisher["url"]}
    if "logo" in publisher:
        author["logo"] = {"@type": "ImageObject", "url": publisher["logo"]}
    reviews = []
    best = max(value for _, value in settings.ratings)
    for r in verdicts:
        rating = {"@type": "Rating", "alternateName": r["rating_label"]}
        if r["rating_value"]:  # 0: a verdict with no place on the scale ("unproven")
            rating.update(ratingValue=r["rating_value"], bestRating=best, worstRating=1)
        item = {"@type": "Claim"}
        if r["claimant"]:
            item["author"] = {"@type": "Person" if r["claimant_kind"] == "person" else "Organization",
                              "name": r["claimant"]}
        if r["article_url"] or r["article_title"]:
            appearance = {"@type": "CreativeWork"}
            if r["article_url"]:
                appearance["url"] = r["article_url"]
            if r["article_title"]:
                appearance["headline"] = r["article_title"]
            item["appearance"] = appearance
        if r["article_published"]:
            item["datePublished"] = r["article_published"][:10]
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": template.format(url=publisher["url"].rstrip("/"), article=r["article"],
                                   number=r["number"], id=r["id"]),
            "claimReviewed": r["claim"] or r["text"],
            "itemReviewed": item,
            "author": author,
            "reviewRating": rating,
            "datePublished": date,
        }
        if "language" in publisher:
            review["inLanguage"] = publisher["language"]
        reviews.append(review)
    return reviews


def _kind_of(claimant: str, checks: list[dict]) -> str:
    """"person" or "organisation": what the worksheet's checks call the claimant (the checker
    may have corrected it there), else a guess: two or three capitalised words are a person
    ("John Kirby"), and so is a titled name ("Tunisian Prime Minister Habib Essid"); anything else an
    organisation ("The US", "the mayor's office")."""
    for check in checks:
        if check.get("what") in (claimant, claimant.split()[-1] if claimant else None):
            if check.get("kind") in ("person", "organisation"):
                return check["kind"]
    for check in find_checks(claimant, {}, speaker=claimant):  # a title says so: "Prime Minister Habib Essid"
        if check.what == claimant and check.kind in ("person", "organisation"):
            return check.kind
    words = claimant.split()
    person = 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and words[0] != "The"
    return "person" if person else "organisation"


def to_claimreview(rows: list[dict], settings: Settings, today: dt.date | None = None) -> str:
    return json.dumps(claim_reviews(rows, settings, today), ensure_ascii=False, indent=1) + "\n"


def render(fmt: str, rows: list[dict], settings: Settings, today: dt.date | None = None) -> str:
    if fmt == "csv":
        return to_csv(rows)
    if fmt == "json":
        return to_json(rows)
    if fmt == "claimreview":
        return to_claimreview(rows, settings, today)
    return to_markdown(rows, settings)
