"""An email saved as a file (a newsletter kept as ``.eml``): its body, not its headers and MIME
parts, is the article; its subject is the headline, its sender and date the byline and date."""

from __future__ import annotations

import re
from dataclasses import dataclass

_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]", re.M)
_NAMED = (b"from", b"subject", b"date", b"mime-version", b"message-id", b"received", b"to")


@dataclass(frozen=True)
class Mail:
    body: str
    html: bool
    subject: str
    sender: str
    date: str  # YYYY-MM-DD, or ""


def looks_like_email(data: bytes, name: str = "") -> bool:
    """An ``.eml`` name, or content that opens with a mail header block naming a sender, a
    subject and one more of the headers every mail has."""
    if name.lower().endswith(".eml"):
        return True
    head = data[:16384].lstrip(b"\xef\xbb\xbf").replace(b"\r\n", b"\n")
    block = head.split(b"\n\n", 1)[0]
    if not _HEADER.match(block):
        return False
    keys = {line.split(b":", 1)[0].strip().lower() for line in block.split(b"\n") if _HEADER.match(line)}
    return {b"from", b"subject"} <= keys and len(keys & set(_NAMED)) >= 3


def read_mail(data: bytes) -> Mail | None:
    """The mail's plain-text body (else its HTML body), subject, sender and date; None when it
    has no text body. The standard library's parser raises IndexError or AttributeError on some
    malformed headers (found by mutating a newsletter): such a header is read as empty, and a
    body that cannot be found is no body."""
    import email.policy
    import email.utils
    from email.parser import BytesParser

    message = BytesParser(policy=email.policy.default).parsebytes(data)
    try:
        part = message.get_body(preferencelist=("plain", "html"))
    except _PARSER_BUGS:
        return None
    if part is None:
        return None
    try:
        body = part.get_content()
    except (*_PARSER_BUGS, UnicodeError):  # a charset Python does not know, a broken header
        payload = part.get_payload(decode=True)
        body = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else None
    if not isinstance(body, str):
        return None
    name, address = email.utils.parseaddr(_header(message, "From"))
    try:
        date = email.utils.parsedate_to_datetime(_header(message, "Date")).date().isoformat()
    except (TypeError, ValueError, IndexError):
        date = ""
    try:
        html = part.get_content_subtype() == "html"
    except _PARSER_BUGS:
        html = False
    return Mail(
        body=body,
        html=html,
        subject=" ".join(_header(message, "Subject").split()),
        sender=name or address,
        date=date,
    )


_PARSER_BUGS = (IndexError, AttributeError, KeyError, TypeError, ValueError, LookupError)


def _header(message, name: str) -> str:
    """A header's text, or "" when the parser fails on it."""
    try:
        return str(message.get(name, ""))
    except _PARSER_BUGS:
        return ""
