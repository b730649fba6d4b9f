"""Whatever text a worksheet, an article or the settings hold, no export format can be made to
carry a formula, a script or a broken row (a property test over every free-text field)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import tempfile
import tomllib
from pathlib import Path

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from factcheck.reporting.export import CSV_COLUMNS, gather, render
from factcheck.workspace.settings import Settings
from factcheck.workspace.validate import read_workspace

# what each consumer reads as code or structure, and the characters that break rows and lines
PIECES = list("\x00\x01\x07\x08\t\n\x0b\x0c\r\x1b\x7f\x85\u2028\u2029\u202e\"'=+-@<>|`*_[](){}#!&~$^\\/:;, \uff1d") + [
    "</script>",
    "</SCRIPT >",
    "<!--",
    "-->",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "\r\n",
    "=cmd|' /C calc'!A0",
    "```",
    "---",
    "1. ",
    "# ",
    "> ",
    "<https://evil.example>",
    "[x](javascript:y)",
    "![i](https://evil.example/i.png)",
    "&lt;",
    "| a | b |\n|---|---|",
    "https://evil.example",
    "ftp://evil.example/x",
    "//evil.example/x",
    "www.evil.example",
    "mailto:evil@example.org",
    "    code",
]
free_text = st.lists(st.sampled_from(PIECES) | st.characters(blacklist_categories=("Cs",)), max_size=24).map("".join)
# an address `check` accepts (any printable path: quotes, brackets, "<script>") or any text at all
printable = free_text.map(lambda t: "".join(c for c in t if c.isprintable() and not c.isspace()))
web_address = printable.map(lambda t: "https://example.org/" + t)
url = st.one_of(web_address, web_address, printable.map(lambda t: "https://" + t), free_text)

# CommonMark with GitHub's tables and strikethrough, and a renderer that also links bare
# addresses (linkify, as GitHub and many CMSs do)
RENDERERS = [
    MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]),
    MarkdownIt("gfm-like", {"html": True}),
]
ALLOWED_TAGS = {"h1", "h2", "h3", "p", "ul", "li", "a", "blockquote", "em"}


def _worksheet(text: str, version: str, status: str, rating: str, f: dict, words: dict | None = None) -> dict:
    """A worksheet with ``f``'s text in every free field; ``words`` puts text in the fields that
    take a word from a list too (`check` rejects it, and the export must still be safe)."""
    w = words or {
        "type": "other",
        "confidence": "high",
        "kind": "other",
        "source_kind": "news",
        "stance": "supports",
        "accessed": "2026-11-24",
        "date": "2026-11-24",
    }
    return {
        "schema": 1,
        "text": text,
        "claim": f["claim"],
        "claimant": f["claimant"],
        "types": [w["type"]],
        "priority": 0.5,
        "reasons": [f["reason"]],
        "status": status,
        "assignee": f["assignee"],
        "reviewer": f["reviewer"],
        "notes": f["notes"],
        "verdict": {"rating": rating, "conclusion": f["conclusion"], "confidence": w["confidence"], "date": w["date"]},
        "location": {
            "version": version,
            "paragraph": 0,
            "start": 0,
            "end": len(text),
            "before": f["before"],
            "after": f["after"],
        },
        "checks": [{"kind": w["kind"], "what": f["what"], "done": True, "note": f["check_note"]}],
        "sources": [
            {
                "url": f["url"],
                "title": f["title"],
                "kind": w["source_kind"],
                "stance": w["stance"],
                "accessed": w["accessed"],
                "note": f["source_note"],
            }
        ],
    }


FIELDS = st.fixed_dictionaries(
    {
        key: free_text
        for key in (
            "claim",
            "claimant",
            "reason",
            "assignee",
            "reviewer",
            "notes",
            "conclusion",
            "before",
            "after",
            "what",
            "check_note",
            "title",
            "source_note",
            "article_title",
            "author",
            "site",
            "publisher",
            "language",
        )
    }
    | {
        "url": url,
        "words": st.fixed_dictionaries(
            {key: free_text for key in ("type", "confidence", "kind", "source_kind", "stance", "accessed", "date")}
        ),
    }
)


def _workspace(root: Path, text: str, status: str, rating: str, f: dict) -> Settings:
    folder = root / "an-article"
    folder.mkdir(parents=True)
    text = text.replace("\r\n", "\n").replace("\r", "\n")  # as an article text is kept
    (folder / "article.txt").write_text(text, encoding="utf-8", newline="")
    version = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    (folder / "article.toml").write_text(
        tomli_w.dumps(
            {
                "title": f["article_title"],
                "source": "x.txt",
                "author": f["author"],
                "site": f["site"],
                "url": "https://news.example/a",
            }
        ),
        encoding="utf-8",
    )
    (folder / "01-a.toml").write_text(tomli_w.dumps(_worksheet(text, version, "done", "true", f)), encoding="utf-8")
    (folder / "02-b.toml").write_text(
        tomli_w.dumps(_worksheet(text, version, status, rating, f, f["words"])), encoding="utf-8"
    )
    (folder / "03-c.toml").write_text(tomli_w.dumps(_worksheet(text, version, "unstarted", "", f)), encoding="utf-8")
    return Settings(
        publisher={"name": f["publisher"] or "P", "url": "https://checks.example.org", "language": f["language"]}
    )


@settings(max_examples=120, deadline=None)
@given(free_text, free_text, free_text, FIELDS)
def test_no_format_carries_a_formula_a_script_or_a_broken_row(text, status, rating, fields):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        workspace_settings = _workspace(root, text, status, rating, fields)
        export = gather(read_workspace(root, workspace_settings), workspace_settings)
        assert len(export.rows) == 3
        _csv_is_safe(render("csv", export, workspace_settings)[0], len(export.rows))
        _markdown_is_safe(render("markdown", export, workspace_settings)[0], export)
        _json_is_whole(render("json", export, workspace_settings)[0], root)
        if export.verdicts:
            _claimreview_is_safe(export, workspace_settings)


def _csv_is_safe(text: str, statements: int) -> None:
    lines = text.split("\r\n")  # one physical line per row: even a naive reader keeps the rows
    assert lines[-1] == "" and len(lines) == statements + 2
    assert "\r" not in text.replace("\r\n", "") and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == statements + 1 and all(len(row) == len(CSV_COLUMNS) for row in rows)
    for row in rows:
        for cell in row:
            assert not re.search(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]", cell), cell
            assert cell.lstrip()[:1] not in ("=", "+", "-", "@", "\uff1d"), cell


def _markdown_is_safe(text: str, export) -> None:
    for renderer in RENDERERS:
        _rendered_markdown_is_safe(renderer.render(text), text, export)


def _rendered_markdown_is_safe(html: str, text: str, export) -> None:
    tags = {tag.lower() for tag in re.findall(r"</?([a-zA-Z][a-zA-Z0-9]*)", html)}
    assert tags <= ALLOWED_TAGS, (tags, text)
    assert all(href.startswith(("http://", "https://")) for href in re.findall(r'href="([^"]*)"', html)), html
    verdicts = export.verdicts
    others = [r for r in export.rows if not r["is_verdict"]]
    assert html.count("<h1>") == 1  # the structure is the tool's: user text adds no heading or item
    assert html.count("<h3>") == len(verdicts)
    assert html.count("<li>") == sum(len(r["sources"]) for r in verdicts) + len(others), text
    assert html.count("<a ") == sum(1 for r in verdicts for s in r["sources"] if s["url"].startswith("https://")) + 1


def _json_is_whole(text: str, root: Path) -> None:
    data = json.loads(text)
    for statement in data["statements"]:
        values = tomllib.loads((root / "an-article" / statement["file"]).read_text(encoding="utf-8"))
        if statement["withheld"]:
            assert statement["withheld"]["verdict"] == values.pop("verdict")
        assert statement["worksheet"] == values


def _claimreview_is_safe(export, workspace_settings: Settings) -> None:
    text, _ = render("claimreview", export, workspace_settings)
    assert not set("<>&\u2028\u2029") & set(text)
    reviews = json.loads(text)
    assert [r["claimReviewed"] for r in reviews] == [r["claim"] or r["text"] for r in export.verdicts]
    blocks, _ = render("claimreview", export, workspace_settings, script_tags=True)
    bodies = re.findall(r'<script type="application/ld\+json">\n(.*?)\n</script>\n', blocks, re.S)
    assert len(bodies) == len(reviews) and [json.loads(b) for b in bodies] == reviews
    assert blocks.lower().count("</script") == len(reviews) and "<!--" not in blocks
