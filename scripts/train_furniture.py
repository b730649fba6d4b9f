"""Train the furniture weights shipped in factcheck/extraction/data/furniture.json.

    pip install -e '.[train]'          # scikit-learn, for training only
    python scripts/train_furniture.py
    python scripts/train_furniture.py --cv-pasted   # nothing written: the develop pages pasted
                                                    # whole, each read by a model trained without
                                                    # its site (how the model carries to new sites)

Training data: the **develop** part of the furniture sets (``benchmarks/pagesets.py`` splits
them by site; the report part is never read here), each page pasted whole as text, a paragraph
labelled by its block (``boilerplate`` = 1, ``content`` = 0; ambiguous and unlabelled blocks
give context only), plus the paragraphs of the GUM and EWT dev documents as clean article text
(content). Features: ``factcheck.extraction.furniture.FEATURES`` (shape, the skip rules' verdicts, kind
cues, place and topic on the page); two passes of logistic regression, the second adding what
the first said of the paragraphs around (``near_mean``, ``near_max``, ``own``).

Figures: grouped 5-fold cross-validation by site on the develop part (each fold's sites scored
by a model trained without them). The two thresholds are chosen on those figures:
``skip``, the lowest chance at which the paragraphs skipped lose at most MAX_CONTENT_LOST of
the develop content units; ``cap``, above which a statement's priority is held below 0.5,
the lowest at which at most MAX_CONTENT_CAPPED of the content is held down. Deterministic.
"""

from __future__ import annotations

import bisect
import itertools
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("FACTCHECK_DATA", ROOT.parent / "shared" / "data"))
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from factcheck.extraction import furniture  # noqa: E402
from factcheck.extraction.body import outside_rule  # noqa: E402
from factcheck.extraction.sentences import sentences  # noqa: E402
from factcheck.extraction.statements import first_reasons  # noqa: E402
from factcheck.reading.article import normalise  # noqa: E402

C = 1.0
_DOCS = itertools.count()  # which text a row is from
MAX_CONTENT_LOST = 0.003  # of the develop content units of 4+ words, lost to the skip (all places)
MAX_CONTENT_CAPPED = 0.04  # ... held below check-worthy by the cap
MIN_WORDS = 4
NEIGHBOURS = ("near_mean", "near_max")


def rows_of(text: str, labels_at: list[tuple[int, str]] | None, group: str) -> list[dict]:
    """One row per paragraph: its features, its label (1 furniture, 0 content, None
    unlabelled), its words, and the place of its paragraph in the text."""
    text = normalise(text)
    spans = sentences(text)
    reasons = first_reasons(text, spans, [False] * len(spans))
    body = furniture.body_of(text, spans, reasons)
    found = furniture.features(text, spans, reasons, body)
    # what the rules before the model decide: the sentence's own reason, or its place on the page
    kinds = furniture.paragraph_rules(text, spans, reasons, body)
    decided = [
        bool(reasons[k] or kinds[k] or outside_rule(s, text[s.start : s.end], body)) for k, s in enumerate(spans)
    ]
    starts = [a for a, _ in labels_at] if labels_at else []
    doc = next(_DOCS)
    out = []
    for i, (p, f) in enumerate(found):
        if labels_at is None:
            label = 0
        else:
            k = bisect.bisect_right(starts, p.start) - 1
            tag = labels_at[k][1] if k >= 0 else "unlabelled"
            label = {"boilerplate": 1, "content": 0}.get(tag)
        out.append(
            {
                "f": f,
                "y": label,
                "group": group,
                "index": i,
                "doc": doc,
                "words": len(text[p.start : p.end].split()),
                "skipped": all(decided[k] for k in p.sentences),
                "no_body": bool(f["no_body"]),
                "text": text[p.start : p.end],
            }
        )
    return out


def develop_rows() -> list[dict]:
    import pagesets

    rows: list[dict] = []
    for name in pagesets.SETS:
        for page in pagesets.pages(name):
            if page.part != "develop":
                continue
            blocks = [(normalise(t).strip(), label) for t, label in page.blocks]
            blocks = [(t, label) for t, label in blocks if t]
            at, pos = [], 0
            for t, label in blocks:
                at.append((pos, label))
                pos += len(t) + 2
            rows += rows_of("\n\n".join(t for t, _ in blocks), at, page.site)
    for name in ("sbd_gum_news/gum_news_interview_speech_sbd.jsonl", "sbd_ud_ewt/ewt_dev_test_sbd.jsonl"):
        for line in (DATA / name).open(encoding="utf-8"):
            doc = json.loads(line)
            if doc.get("split") == "test" or "-test" in str(doc.get("doc_id", "")):
                continue  # the held-out documents stay out
            rows += rows_of(doc["text"], None, "clean:" + doc["doc_id"])
    return [r for r in rows if not r["no_body"]]


def per_place_thresholds(grid, places, skippable, y, share, budget: float) -> dict[str, float]:
    """The skip threshold for each place around the article (``furniture.PLACES``) that together
    skip the most develop furniture while losing at most ``budget`` content units: content is
    rare before and after the article, so the chance may take there what it must leave inside."""
    curves = {}
    for place in furniture.PLACES:
        at = skippable & (places == place)
        curves[place] = [(t, share(at & (y == 1), t), share(at & (y == 0), t)) for t in grid]
    best = (-1.0, 0.0, {})
    for combo in itertools.product(*(_pareto(curves[p]) for p in furniture.PLACES)):
        taken = sum(c[1] for c in combo)
        lost = sum(c[2] for c in combo)
        if lost <= budget and (taken, -lost) > best[:2]:
            best = (taken, -lost, {p: c[0] for p, c in zip(furniture.PLACES, combo)})
    return best[2]


def _pareto(curve):
    """The thresholds of a curve that no other beats on both furniture taken and content lost."""
    out = []
    for t, taken, lost in sorted(curve, key=lambda c: (c[2], -c[1], -c[0])):
        if not out or taken > out[-1][1]:
            out.append((t, taken, lost))
    return out


def train(rows: list[dict], members=None, curve: bool = False) -> dict:
    """The model trained on ``rows`` (only those at the indices ``members``, when given): both
    passes fitted on them, the thresholds chosen on their own 5-fold cross-validation by site."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    if members is not None:
        rows = [rows[i] for i in members]
    names1 = list(furniture.FEATURES)
    names2 = names1 + list(NEIGHBOURS)
    x1 = np.array([[r["f"][n] for n in names1] for r in rows])
    # the model learns from what is left once the rules have spoken: that is where it decides
    labelled = np.array([r["y"] is not None and not r["skipped"] for r in rows])
    y = np.array([r["y"] if r["y"] is not None else 0 for r in rows])
    groups = np.array([r["group"] for r in rows])

    def fit(x, idx):
        idx = idx[labelled[idx]]
        return LogisticRegression(C=C, max_iter=5000).fit(x[idx], y[idx])

    def neighbours(p):
        out = np.zeros((len(rows), len(NEIGHBOURS)))
        for i, r in enumerate(rows):
            near = [p[j] for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(rows) and rows[j]["doc"] == r["doc"]]
            out[i] = (sum(near) / len(near) if near else 0.5, max(near) if near else 0.5)
        return out

    def two_passes(train, test):
        """Pass 1 fitted on ``train``; its chances on ``train`` cross-fitted (so that pass 2
        learns from chances like those it will see), on ``test`` from the fitted model."""
        p = np.zeros(len(rows))
        for a, b in GroupKFold(4).split(train, groups=groups[train]):
            p[train[b]] = fit(x1, train[a]).predict_proba(x1[train[b]])[:, 1]
        first = fit(x1, train)
        if len(test):
            p[test] = first.predict_proba(x1[test])[:, 1]
        x2 = np.hstack([x1, neighbours(p)])
        return first, fit(x2, train), x2

    everything = np.arange(len(rows))
    oof = np.zeros(len(rows))
    for train_idx, test_idx in GroupKFold(5).split(everything, groups=groups):
        _, second, x2 = two_passes(train_idx, test_idx)
        oof[test_idx] = second.predict_proba(x2[test_idx])[:, 1]

    if os.environ.get("FURNITURE_DUMP") and members is None:  # for reading what the model gets wrong
        import pickle

        pickle.dump(
            [(r["group"], r["y"], r["words"], r["skipped"], r["text"], float(p)) for r, p in zip(rows, oof)],
            open(os.environ["FURNITURE_DUMP"], "wb"),
        )
    scored = np.array([r["y"] is not None and r["words"] >= MIN_WORDS and not r["skipped"] for r in rows])
    # the chance never skips a list (``furniture.Verdict``)
    skippable = scored & np.array([not r["f"]["list_run"] for r in rows])
    content = scored & (y == 0)
    furniture_rows = scored & (y == 1)
    n_content = sum(1 for r in rows if r["y"] == 0 and r["words"] >= MIN_WORDS)
    n_furniture = sum(1 for r in rows if r["y"] == 1 and r["words"] >= MIN_WORDS)

    def share(mask, t):
        return float((oof[mask] >= t).sum())

    grid = [round(t, 3) for t in np.arange(0.5, 1.0001, 0.005)]
    places = np.array([furniture.place_of(r["f"]) for r in rows])
    if curve:
        for place in furniture.PLACES:
            at = skippable & (places == place)
            print(
                f"  {place}: {int((at & (y == 1)).sum())} furniture and {int((at & (y == 0)).sum())} content "
                "paragraphs left to the model"
            )
            for t in grid[::10]:
                print(
                    f"    {t:.3f}  furniture {share(at & (y == 1), t) / n_furniture:6.2%} "
                    f"content {share(at & (y == 0), t) / n_content:6.2%}"
                )
    skip = {
        p: float(t)
        for p, t in per_place_thresholds(grid, places, skippable, y, share, MAX_CONTENT_LOST * n_content).items()
    }
    cap = next((t for t in grid if share(content, t) / n_content <= MAX_CONTENT_CAPPED), 1.0)
    first, second, _ = two_passes(everything, np.array([], dtype=int))
    skipped = sum(share(skippable & (places == p) & (y == 1), t) for p, t in skip.items())
    lost = sum(share(skippable & (places == p) & (y == 0), t) for p, t in skip.items())
    cv = {
        "skip": skip,
        "cap": cap,
        "furniture_skipped": round(skipped / n_furniture, 4),
        "content_lost": round(lost / n_content, 4),
        "furniture_capped": round(share(furniture_rows, cap) / n_furniture, 4),
        "content_capped": round(share(content, cap) / n_content, 4),
        "furniture_units": n_furniture,
        "content_units": n_content,
    }
    return {
        "about": "factcheck furniture weights: two passes of logistic regression over the paragraph features of "
        "factcheck/extraction/furniture.py, trained by scripts/train_furniture.py on the develop part of the furniture "
        "sets (split by site) and the GUM and EWT dev documents",
        "features": names1,
        "pass1": {
            "bias": round(float(first.intercept_[0]), 6),
            "weights": {n: round(float(w), 6) for n, w in zip(names1, first.coef_[0])},
        },
        "pass2": {
            "bias": round(float(second.intercept_[0]), 6),
            "weights": {n: round(float(w), 6) for n, w in zip(names2, second.coef_[0])},
        },
        "thresholds": {"skip": skip, "cap": cap},
        "develop_cv": cv,
    }


def cross_validated_pasted(rows: list[dict], folds: int = 5) -> None:
    """The develop part's pasted-page figures with the model held out by site: each fold's
    pages read with a model (and thresholds) trained without their sites. The rules before the
    model were chosen on every develop page, so this measures how the model carries to sites it
    has not seen, not the rules."""
    import furniture as bench  # benchmarks/furniture.py
    import pagesets
    from sklearn.model_selection import GroupKFold

    pages = [p for name in pagesets.SETS for p in pagesets.pages(name) if p.part == "develop"]
    sites = sorted({p.site for p in pages})
    site_fold = {}
    for k, (_, test) in enumerate(GroupKFold(folds).split(sites, groups=sites)):
        for i in test:
            site_fold[sites[i]] = k
    rates: dict[str, bench.Rates] = {}
    shipped = furniture.model
    try:
        for k in range(folds):
            members = [i for i, r in enumerate(rows) if site_fold.get(r["group"]) != k]
            held = train(rows, members)
            furniture.model = lambda held=held: held
            for page in pages:
                if site_fold[page.site] != k:
                    continue
                for fate in bench.fates(page, "pasted"):
                    rates.setdefault(page.set, bench.Rates()).add(fate)
                    rates.setdefault("all", bench.Rates()).add(fate)
    finally:
        furniture.model = shipped
    for name, r in sorted(rates.items()):
        print(
            f"pasted, model held out by site  {name:<12} furniture {r.furniture:>5} stated {r.leak:6.1%} "
            f"check-worthy {r.worthy:6.1%} | content {r.content:>5} kept {r.kept:6.2%}"
        )


def main() -> None:
    if not DATA.is_dir():
        sys.exit(f"no evaluation data at {DATA}; set FACTCHECK_DATA")
    rows = develop_rows()
    if "--cv-pasted" in sys.argv:
        cross_validated_pasted(rows)
        return
    out = train(rows, curve="--curve" in sys.argv)
    cv = out["develop_cv"]
    skip, cap = cv["skip"], cv["cap"]
    furniture.MODEL_PATH.write_text(
        json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    furniture.model.cache_clear()
    print(f"wrote {furniture.MODEL_PATH.relative_to(ROOT)}")
    print(
        f"  develop, 5-fold by site: {len(rows)} paragraphs, {cv['furniture_units']} furniture and "
        f"{cv['content_units']} content units of {MIN_WORDS}+ words"
    )
    print(f"  skip at {skip}: furniture skipped {cv['furniture_skipped']:.1%}, content lost {cv['content_lost']:.2%}")
    print(f"  cap at {cap}: furniture held below 0.5 {cv['furniture_capped']:.1%}, content {cv['content_capped']:.1%}")
    for name, w in sorted(out["pass2"]["weights"].items(), key=lambda kv: -abs(kv[1]))[:12]:
        print(f"    {name:<18} {w:+.2f}")


if __name__ == "__main__":
    main()
