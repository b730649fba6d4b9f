"""The word and phrase lists in data/lexicon/: plain files, one entry a line, grouped by purpose."""

from __future__ import annotations

import pytest

from factcheck.extraction import lexicon


def test_groups_comments_and_escapes(tmp_path, monkeypatch):
    (tmp_path / "sample.txt").write_text(
        "# a list\n\n[interjections]\n# never a name\nWell\n  Yes  \n[marks]\n\\[video]\n\\#1\n", encoding="utf-8"
    )
    monkeypatch.setattr(lexicon, "LEXICON", tmp_path)
    lexicon.groups.cache_clear()
    try:
        assert lexicon.groups("sample") == {"interjections": ("Well", "Yes"), "marks": ("[video]", "#1")}
        assert lexicon.entries("sample", "marks") == ("[video]", "#1")
        assert lexicon.words("sample") == {"Well", "Yes", "[video]", "#1"}
        with pytest.raises(KeyError, match="no group nouns"):
            lexicon.entries("sample", "nouns")
        (tmp_path / "broken.txt").write_text("Well\n[interjections]\n", encoding="utf-8")
        with pytest.raises(ValueError, match="broken.txt:1: an entry before the first"):
            lexicon.groups("broken")
    finally:
        lexicon.groups.cache_clear()


@pytest.mark.parametrize("path", sorted(lexicon.LEXICON.glob("*.txt")), ids=lambda p: p.name)
def test_every_list_reads_and_says_what_it_is_for(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#"), "a list opens with a comment saying what it is for"
    found = lexicon.groups(path.stem)
    assert found
    for group, entries in found.items():
        assert entries, f"[{group}] is empty"
        assert len(set(entries)) == len(entries), f"[{group}] repeats an entry"
