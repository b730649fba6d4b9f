"""Markdown articles: the words a reader sees, without the markup around them."""

from __future__ import annotations

import re
from bisect import bisect_right

# Every pattern here is linear in the text: a run that could be scanned again from a later
# start stops at the character that starts the pattern ("[" in a link, "*" in emphasis), so an
# unclosed link or emphasis costs one scan, not one per opening mark ("**a " x 8000 took 18 s).
_FENCE_LINE = re.compile(r"(```|~~~)([ \t]*$)?")
_IMAGE = re.compile(r"!\[([^\[\]]*)\]\([^()]*\)")
_LINK = re.compile(r"\[([^\[\]]+)\]\((?:[^()]|\([^()]*\))*+\)")
_REF_LINK = re.compile(r"\[([^\[\]]+)\]\[[^\[\]]*\]")
_REF_DEF = re.compile(r"^[ \t]{0,3}\[[^\[\]\n]+\]:[ \t]+\S+.*$", re.M)
_AUTOLINK = re.compile(r"<(https?://[^<>]+)>")
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*)$", re.M)  # closing "#"s: _heading_text
_SETEXT = re.compile(r"^(.+)\n(?:=+|-+)[ \t]*$", re.M)
_EMPHASIS = re.compile(
    r"\*\*(?=[^\s*])([^*\n]+?)(?<=\S)\*\*|__(?=[^\s_])([^_\n]+?)(?<=\S)__|"
    r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=\S)\*(?![\w*])|(?<![\w*])_(?=[^\s_])([^_\n]+?)(?<=\S)_(?![\w*])"
)
_CODE = re.compile(r"`([^`]+)`")
_QUOTE_MARK = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_LIST_MARK = re.compile(r"^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+", re.M)
_RULE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")


def looks_like_markdown(name: str) -> bool:
    return name.lower().endswith((".md", ".markdown", ".mdown", ".mkd"))


def markdown_to_text(markdown: str) -> tuple[str, str]:
    """Plain text and the title (front matter's ``title``, else the first heading, else "")."""
    markdown, declared = _front_matter(markdown)
    text = _strip_fences(markdown)
    text = _REF_DEF.sub("", text)
    text = _RULE.sub("", text)
    title = ""
    first = _HEADING.search(text) or _SETEXT.search(text)
    if first:
        title = _inline(_heading_text(first) if first.re is _HEADING else first.group(1)).strip()
    text = _HEADING.sub(_heading_text, text)
    text = _SETEXT.sub(lambda m: m.group(1), text)
    text = _QUOTE_MARK.sub("", text)
    text = _LIST_MARK.sub("", text)
    if declared:  # the headline, first in the text as a web page's is
        return declared + "\n\n" + _inline(text), declared
    return _inline(text), title


_FRONT_TITLE = re.compile(r"""^title[ \t]*[:=][ \t]*(["']?)(.*?)\1[ \t]*$""", re.I)
_FRONT_LINE = re.compile(r"[\w.-]+[ \t]*[:=]|[ \t]|-[ \t]|#|\[|$")  # a key, a nested line, a list item, a comment
_FRONT_LINES = 200


def _front_matter(markdown: str) -> tuple[str, str]:
    """The text without its front matter (a static site's ``---`` YAML or ``+++`` TOML block
    on the first line), and the ``title`` it names: none of it is the article's prose, and
    its keys read as statements ("title: ..." was one, and the article's title)."""
    lines = markdown.split("\n")
    fence = lines[0].strip()
    if fence not in ("---", "+++"):
        return markdown, ""
    ends = ("---", "...") if fence == "---" else ("+++",)
    for i in range(1, min(len(lines), _FRONT_LINES)):
        if lines[i].strip() in ends:
            if not all(_FRONT_LINE.match(line) for line in lines[1:i]):  # prose between two rules
                return markdown, ""
            titles = (_FRONT_TITLE.match(line.strip()) for line in lines[1:i])
            title = next((m.group(2).strip() for m in titles if m), "")
            return "\n".join(lines[i + 1 :]), title
    return markdown, ""  # no closing line: a rule, not front matter


def _inline(text: str) -> str:
    text = _IMAGE.sub("", text)
    text = _LINK.sub(lambda m: m.group(1), text)
    text = _REF_LINK.sub(lambda m: m.group(1), text)
    text = _AUTOLINK.sub(lambda m: m.group(1), text)
    text = _CODE.sub(lambda m: m.group(1), text)
    for _ in range(2):  # nested emphasis: ***both***
        text = _EMPHASIS.sub(lambda m: m[m.lastindex], text)
    return _HTML_TAG.sub("", text)


def _heading_text(m: re.Match) -> str:
    """An ATX heading's words, without the closing "#"s and the spaces around them (done here:
    a lazy group before "[ \t]*#*[ \t]*$" retried that tail at every position of the line)."""
    return m.group(1).rstrip(" \t").rstrip("#").rstrip(" \t")


def _strip_fences(markdown: str) -> str:
    """Each fenced code block (a line opening with ``` or ~~~ up to the next line holding the
    same fence alone) becomes one empty line; an unclosed fence stays as text. Closing lines are
    found once, so unclosed fences cost nothing extra."""
    lines = markdown.split("\n")
    closers = {"```": [], "~~~": []}
    for i, line in enumerate(lines):
        m = _FENCE_LINE.match(line)
        if m and m.group(2) is not None:
            closers[m.group(1)].append(i)
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _FENCE_LINE.match(lines[i])
        if m:
            after = closers[m.group(1)]
            k = bisect_right(after, i)
            if k < len(after):
                out.append("")
                i = after[k] + 1
                continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)
