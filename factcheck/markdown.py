"""Markdown articles: the words a reader sees, without the markup around them."""

from __future__ import annotations

import re

_FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\]]+\]:[ \t]+\S+.*$", re.M)
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M)
_SETEXT = re.compile(r"^(.+)\n(?:=+|-+)[ \t]*$", re.M)
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])")
_CODE = re.compile(r"`([^`]+)`")
_QUOTE_MARK = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_LIST_MARK = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+", re.M)
_RULE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def looks_like_markdown(name: str) -> bool:
    return name.lower().endswith((".md", ".markdown", ".mdown", ".mkd"))


def markdown_to_text(markdown: str) -> tuple[str, str]:
    """Plain text and the title (the first heading, else "")."""
    text = _FENCE.sub("", markdown)
    text = _REF_DEF.sub("", text)
    text = _RULE.sub("", text)
    title = ""
    first = _HEADING.search(text) or _SETEXT.search(text)
    if first:
        title = _inline(first.group(1)).strip()
    text = _HEADING.sub(lambda m: m.group(1), text)
    text = _SETEXT.sub(lambda m: m.group(1), text)
    text = _QUOTE_MARK.sub("", text)
    text = _LIST_MARK.sub("", text)
    return _inline(text), title


def _inline(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REF_LINK.sub(lambda m: m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _CODE.sub(lambda m: m.group(1), text)
    for _ in range(2):  # nested emphasis: ***both***
        text = _EMPHASIS.sub(lambda m: m.group(2) or m.group(4), text)
    return _HTML_TAG.sub("", text)
