"""What shell completion offers: the workspace's statuses, article slugs and statement ids.

Called on every press of Tab, so each reads only file names and ``factcheck.toml``, never a
worksheet, and answers nothing rather than raise.
"""

from __future__ import annotations

from collections import Counter

from factcheck.errors import FactcheckError


def statuses(directory: str | None) -> list[str]:
    from factcheck.workspace.layout import existing_workspace
    from factcheck.workspace.settings import load_settings

    try:
        return list(load_settings(existing_workspace(directory)).statuses)
    except (FactcheckError, OSError):
        return []


def slugs(directory: str | None) -> list[str]:
    from factcheck.workspace.layout import article_dirs, existing_workspace

    try:
        return [folder.name for folder in article_dirs(existing_workspace(directory))]
    except (FactcheckError, OSError):
        return []


def statement_ids(directory: str | None) -> list[str]:
    """Each worksheet's file stem, once; where articles share a stem, also ``slug/stem`` for
    each (typing the start of the slug picks one)."""
    from factcheck.workspace.layout import article_dirs, existing_workspace, worksheet_paths

    try:
        pairs = [
            (folder.name, path.stem)
            for folder in article_dirs(existing_workspace(directory))
            for path in worksheet_paths(folder)
        ]
    except (FactcheckError, OSError):
        return []
    counts = Counter(stem for _, stem in pairs)
    return list(dict.fromkeys(stem for _, stem in pairs)) + [
        f"{slug}/{stem}" for slug, stem in pairs if counts[stem] > 1
    ]
