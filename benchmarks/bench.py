"""Measure factcheck's statement pipeline against the public gold data in ../shared/data.

    python benchmarks/bench.py            # print every figure
    python benchmarks/bench.py --write    # ... and save them for BENCHMARKS.md (benchmarks/report.py)
    python benchmarks/bench.py --only speed sentences

Dev sets and held-out sets are reported side by side. Held-out sets (CheckThat! 2024 test,
GUM test documents, EWT test documents) are for reporting only: nothing in factcheck is tuned
on them. Without ../shared/data the data-driven sections say so and are skipped.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import csv
import gc
import gzip
import json
import re
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(
    __import__("os").environ.get("FACTCHECK_DATA", ROOT.parent / "shared" / "data")
)
sys.path.insert(0, str(ROOT))

from factcheck.article import Article, guess_title, normalise  # noqa: E402
from factcheck import priority  # noqa: E402
from factcheck.sentences import sentences  # noqa: E402
from factcheck.statements import CHECK_WORTHY, extract  # noqa: E402

# Skip reasons that judge a line not to be article prose (as against a question or an opinion).
FURNITURE_REASONS = {"site furniture", "byline or credit", "caption", "date, time or number only",
                     "fragment of a sentence", "heading", "outside the article body"}


def have_data() -> bool:
    if DATA.is_dir():
        return True
    print(f"  skipped: no evaluation data at {DATA} (set FACTCHECK_DATA to its folder)")
    return False


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def split_strings(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


# ---------------------------------------------------------------------------------------------


def bench_sentences() -> dict:
    print("Sentence splitting")
    if not have_data():
        return {}
    out = {}
    rules = jsonl(DATA / "sbd_golden_rules" / "pysbd_golden_rules_en.jsonl")
    ok = [r["id"] for r in rules if split_strings(r["text"]) == r["expected"]]
    out["golden_rules"] = (len(ok), len(rules))
    print(f"  pySBD English Golden Rules, exact: {len(ok)}/{len(rules)}"
          f"  (missed: {', '.join(r['id'] for r in rules if r['id'] not in ok) or 'none'})")
    spec = [r for r in jsonl(DATA / "sbd_golden_rules" / "pragmatic_segmenter_en_spec.jsonl")
            if r.get("doc_type") != "pdf" and not r.get("skipped_upstream")]
    ok_spec = sum(1 for r in spec if split_strings(r["text"]) == r["expected"])
    out["pragmatic"] = (ok_spec, len(spec))
    print(f"  pragmatic_segmenter English spec (non-PDF), exact: {ok_spec}/{len(spec)}")
    for name, path in (("GUM", "sbd_gum_news/gum_news_interview_speech_sbd.jsonl"),
                       ("EWT", "sbd_ud_ewt/ewt_dev_test_sbd.jsonl")):
        docs = jsonl(DATA / path)
        groups: dict[str, list[dict]] = {}
        for d in docs:
            held_out = d.get("split") == "test" or "-test" in str(d.get("doc_id", ""))
            key = ("held-out" if held_out else "dev") + (f" {d['genre']}" if name == "GUM" else "")
            groups.setdefault(key, []).append(d)
        for key in sorted(groups, key=lambda k: (k.split()[1:] if " " in k else [], k)):
            tp = fp = fn = 0
            for d in groups[key]:
                gold = {e for _, e in d["sentence_spans"]}
                got = {s.end for s in sentences(d["text"])}
                tp += len(gold & got)
                fp += len(got - gold)
                fn += len(gold - got)
            p, r, f = prf(tp, fp, fn)
            out[f"{name} {key}"] = (p, r, f, len(groups[key]))
            print(f"  {name} {key:<22} boundaries P={p:.3f} R={r:.3f} F1={f:.3f}  ({len(groups[key])} docs)")
    return out


# ---------------------------------------------------------------------------------------------


# The reasons that say a line belongs to the page's frame, not to any article: what a content
# line must not be given, if nothing of the article is to be thrown away as furniture. (A
# heading, a fragment or a date line is not a statement either, but it is not called furniture.)
PAGE_FRAME_REASONS = {"site furniture", "byline or credit", "caption", "outside the article body",
                 "shares no word with the article", "in the comments", "among other stories"}


def line_fate(line: str) -> tuple[bool, bool, bool]:
    """(becomes a statement, taken for something other than prose, taken for the page's frame)
    for one line of text."""
    article = Article(text=normalise(line), title="", source="bench")
    extraction = extract(article)
    none = bool(extraction.skipped) and not extraction.statements
    furniture = none and all(k.reason in FURNITURE_REASONS for k in extraction.skipped)
    frame = none and all(k.reason in PAGE_FRAME_REASONS for k in extraction.skipped)
    return bool(extraction.statements), furniture, frame


def bench_furniture() -> dict:
    print("Site furniture (text lines through the statement filter)")
    if not have_data():
        return {}
    out = {}
    sets = {}
    with (DATA / "boilerplate_trafilatura_en" / "snippets_labeled.tsv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    sets["trafilatura snippets"] = [(r["snippet"], "content" if r["label"] == "main_content" else "boilerplate")
                                    for r in rows]
    for name, path in (("readability blocks", "boilerplate_readability_en/blocks_aligned.jsonl"),
                       ("scrapinghub blocks", "boilerplate_scrapinghub/blocks_aligned.jsonl")):
        pairs = []
        for page in jsonl(DATA / path):
            if page.get("lang_guess", "en") != "en":
                continue
            pairs += [(b["text"], b["label"]) for b in page["blocks"] if b["label"] in ("content", "boilerplate")]
        sets[name] = pairs
    for name, pairs in sets.items():
        boiler = [t for t, label in pairs if label == "boilerplate"]
        content = [t for t, label in pairs if label == "content"]
        no_statement = sum(1 for t in boiler if not line_fate(t)[0])
        fates = [line_fate(t) for t in content]
        kept = sum(1 for _, furniture, _ in fates if not furniture)
        not_frame = sum(1 for _, _, frame in fates if not frame)
        stated = sum(1 for statement, _, _ in fates if statement)
        out[name] = (no_statement / len(boiler), kept / len(content), stated / len(content), not_frame / len(content))
        print(f"  {name:<22} furniture giving no statement {no_statement / len(boiler):6.1%} of {len(boiler):>6}"
              f" | content not taken for furniture {kept / len(content):6.1%}, not for the page's frame "
              f"{not_frame / len(content):6.1%}, giving a statement {stated / len(content):6.1%} of {len(content):>5}")
    print("  The same blocks, each page's blocks fed whole as one text (a page pasted into a file):")
    for name, path in (("readability pages", "boilerplate_readability_en/blocks_aligned.jsonl"),
                       ("scrapinghub pages", "boilerplate_scrapinghub/blocks_aligned.jsonl")):
        # label: [blocks, blocks giving a statement, blocks taken for the page's frame]
        counts = {"boilerplate": [0, 0, 0], "content": [0, 0, 0]}
        for page in jsonl(DATA / path):
            if page.get("lang_guess", "en") == "en":
                for label, stated, framed in page_fates(page["blocks"]):
                    counts[label][0] += 1
                    counts[label][1] += stated
                    counts[label][2] += framed
        (nb, sb, _), (nc, sc, fc) = counts["boilerplate"], counts["content"]
        out[name] = ((nb - sb) / nb, sc / nc, (nc - fc) / nc)
        print(f"  {name:<22} furniture giving no statement {(nb - sb) / nb:6.1%} of {nb:>6}"
              f" | content not taken for the page's frame {(nc - fc) / nc:6.1%}, giving a statement "
              f"{sc / nc:6.1%} of {nc:>5}")
    found, wrong, total = headlines_found()
    out["headline from a pasted page"] = found, wrong, total
    print(f"  headline of a page pasted whole (the page's <title>, or Readability's or trafilatura's, and the"
          f" guess, either containing the other): readability {found[0]} of {total[0]} ({wrong[0]} wrong,"
          f" {total[0] - found[0] - wrong[0]} none), scrapinghub {found[1]} of {total[1]} ({wrong[1]} wrong,"
          f" {total[1] - found[1] - wrong[1]} none)")
    return out


def headlines_found() -> tuple[tuple[int, int], tuple[int, int], tuple[int, int]]:
    """How often ``guess_title`` finds the headline of a page pasted whole, on the readability
    pages (gold: the page's title as Readability gives it) and the English scrapinghub pages
    (gold: the title trafilatura reads from the page's HTML): (found, wrong, total) for each.
    A wrong guess costs more than none: it names the folder and keeps a line of the page's
    frame as a statement, where no guess names the folder after the file."""
    from trafilatura import extract_metadata

    def folded(text: str) -> str:  # typographic quotes and dashes as plain ones
        return " ".join(text.lower().translate(_PLAIN_PUNCTUATION).split())

    def same(guess: str, gold: str) -> bool:
        guess, gold = folded(guess), folded(gold)
        return bool(guess) and (guess in gold or gold in guess)

    found, wrong, total = [0, 0], [0, 0], [0, 0]
    titles = {d["name"]: d.get("title") or "" for d in jsonl(DATA / "boilerplate_readability_en" / "index.jsonl")}
    for k, name in enumerate(("boilerplate_readability_en", "boilerplate_scrapinghub")):
        for page in jsonl(DATA / name / "blocks_aligned.jsonl"):
            if page.get("lang_guess", "en") != "en":
                continue
            if k == 0:
                gold = titles.get(page["id"], "")
            else:
                html = gzip.open(DATA / name / "html" / f"{page['id']}.html.gz").read().decode("utf-8", "replace")
                gold = getattr(extract_metadata(html), "title", "") or ""
            if gold:
                total[k] += 1
                guess = guess_title(normalise("\n\n".join(b["text"] for b in page["blocks"])))
                found[k] += same(guess, gold)
                wrong[k] += bool(guess) and not same(guess, gold)
    return (found[0], found[1]), (wrong[0], wrong[1]), (total[0], total[1])


_PLAIN_PUNCTUATION = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


def page_fates(blocks: list[dict]) -> list[tuple[str, bool, bool]]:
    """(label, gives a statement, taken for the page's frame) for each labelled block of a page
    fed whole to the pipeline; "taken for the frame": no statement, and every sentence of it
    skipped for a reason that calls it the page's (PAGE_FRAME_REASONS)."""
    texts = [(normalise(b["text"]).strip(), b["label"]) for b in blocks]
    texts = [(t, label) for t, label in texts if t]
    text = "\n\n".join(t for t, _ in texts)
    spans, pos = [], 0
    for t, _ in texts:
        spans.append((pos, pos + len(t)))
        pos += len(t) + 2
    extraction = extract(Article(text=text, title="", source="bench"))
    stated = [(s.start, s.end) for s in extraction.statements]
    skipped = [(k.start, k.end, k.reason) for k in extraction.skipped]
    fates = []
    for (_, label), (a, b) in zip(texts, spans):
        if label in ("content", "boilerplate"):
            gives = any(s < b and e > a for s, e in stated)
            reasons = [r for s, e, r in skipped if s < b and e > a]
            fates.append((label, gives, not gives and bool(reasons) and all(r in PAGE_FRAME_REASONS for r in reasons)))
    return fates


# ---------------------------------------------------------------------------------------------


def predicted_check_worthy(sentence: str) -> bool:
    article = Article(text=normalise(sentence), title="", source="bench")
    return any(s.priority >= CHECK_WORTHY for s in extract(article).statements)


def bench_check_worthiness() -> dict:
    print(f"Check-worthiness (a statement kept with priority >= {CHECK_WORTHY})")
    if not have_data():
        return {}
    out = {}
    sets = []
    with (DATA / "claimbuster" / "groundtruth.csv").open(encoding="utf-8", newline="") as f:
        sets.append(("ClaimBuster groundtruth (dev)", [(r["Text"], r["Verdict"] == "1") for r in csv.DictReader(f)]))
    for split, label in (("dev-test", "CheckThat! 2024 dev-test (in training)"),
                         ("test_gold", "CheckThat! 2024 test (HELD-OUT)")):
        with (DATA / "ct24_checkworthy_en" / f"CT24_checkworthy_english_{split}.tsv").open(encoding="utf-8", newline="") as f:
            sets.append((label, [(r["Text"], r["class_label"] == "Yes") for r in csv.DictReader(f, delimiter="\t")]))
    for name, rows in sets:
        tp = fp = fn = 0
        for text, gold in rows:
            pred = predicted_check_worthy(text)
            tp += pred and gold
            fp += pred and not gold
            fn += gold and not pred
        p, r, f = prf(tp, fp, fn)
        out[name] = (p, r, f, len(rows))
        print(f"  {name:<38} P={p:.3f} R={r:.3f} F1={f:.3f}  ({len(rows)} sentences)")
    cv = priority.model()["dev_test_cv"]  # measured by scripts/train_checkworthiness.py
    out["CheckThat! 2024 dev-test, 5-fold CV (dev)"] = (cv["precision"], cv["recall"], cv["f1"], 318)
    print(f"  {'CheckThat! 2024 dev-test, 5-fold CV (dev)':<38} P={cv['precision']:.3f} R={cv['recall']:.3f} "
          f"F1={cv['f1']:.3f}  (each fold scored by a model trained without it; from the training script)")
    return out


# ---------------------------------------------------------------------------------------------


def one_mb_article() -> tuple[str, str]:
    """1 MB of distinct text (GUM and EWT documents, then ClaimBuster sentences four to a
    paragraph), so that nothing is measured on repeats; without the data, the example article
    repeated. Returns the text and what it is made of."""
    if not have_data():
        body = (ROOT / "examples" / "us-accuses-north-korea-of-arming-wagner.txt").read_text(encoding="utf-8")
        body = body.split("Additional reporting")[0]
        copies = 1_000_000 // len(body.encode()) + 1
        return normalise("\n\n".join([body] * copies)), "the example article repeated (no evaluation data)"
    parts = [d["text"] for d in jsonl(DATA / "sbd_gum_news" / "gum_news_interview_speech_sbd.jsonl")]
    parts += [d["text"] for d in jsonl(DATA / "sbd_ud_ewt" / "ewt_dev_test_sbd.jsonl")]
    with (DATA / "claimbuster" / "crowdsourced.csv").open(encoding="utf-8", newline="") as f:
        said = [r["Text"].strip() for r in csv.DictReader(f)]
    size = sum(len(p.encode()) + 2 for p in parts)
    for i in range(0, len(said), 4):
        if size >= 1_000_000:
            break
        parts.append(" ".join(said[i : i + 4]))
        size += len(parts[-1].encode()) + 2
    return normalise("\n\n".join(parts)), "GUM + EWT documents and ClaimBuster sentences, no repeats"


def timed(fn, *args, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - start)
    return best


def floor(text: str) -> None:
    """The least a splitter can do: one regex pass for sentence ends."""
    re.split(r"(?<=[.!?])\s+", text)


def pipeline(text: str) -> None:
    extract(Article(text=text, title="", source="bench"))


def bench_speed() -> dict:
    print("Speed (best of 3; floor = one regex split over the same text)")
    out = {}
    article, made_of = one_mb_article()
    print(f"  text: {made_of}")
    paragraph = normalise(" ".join(article.split()))
    for name, text in (("1 MB article", article), ("1 MB single paragraph", paragraph)):
        mb = len(text.encode()) / 1e6
        t = timed(pipeline, text)
        t_floor = timed(floor, text)
        t_split = timed(sentences, text)
        out[name] = (mb / t, t / t_floor)
        print(f"  {name:<22} pipeline {mb / t:6.2f} MB/s ({t:.2f} s) | sentences only {mb / t_split:6.2f} MB/s"
              f" | pipeline/floor {t / t_floor:5.0f}x")
    out["init"] = bench_init(article)
    tracemalloc.start()
    pipeline(article)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    out["peak_mib"] = peak / 2**20
    print(f"  peak Python memory for the 1 MB article: {peak / 2**20:.0f} MiB")
    import subprocess

    def run(code: list[str]) -> float:
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(code, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    bare = run([sys.executable, "-c", "pass"])
    cli = run([sys.executable, "-m", "factcheck", "--help"])
    out["startup"] = (cli, bare)
    print(f"  `python -m factcheck --help`: {cli * 1000:.0f} ms (bare python {bare * 1000:.0f} ms, "
          f"{cli / bare:.1f}x)")
    return out


def bench_init(text: str) -> tuple[int, float, float]:
    """`factcheck init` of the 1 MB text into an empty workspace: the pipeline, then a worksheet
    for each statement, each written to a temporary file, synced and linked into place."""
    import tempfile

    from factcheck.settings import load_settings
    from factcheck.workspace import apply_init, plan_init

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "worksheets"
        start = time.perf_counter()
        article = Article(text=text, title="One megabyte", source="bench")
        plan = plan_init(root, article, extract(article))
        written = apply_init(plan, load_settings(root))
        took = time.perf_counter() - start
        start = time.perf_counter()
        again = plan_init(root, article, extract(article))
        apply_init(again, load_settings(root))
        rerun = time.perf_counter() - start
    print(f"  `init` of the 1 MB article: {len(written)} worksheets in {took:.1f} s"
          f" ({took / len(written) * 1000:.2f} ms a worksheet); run again (nothing to write) {rerun:.1f} s")
    return len(written), took, rerun


def token_prf(got: str, gold: str) -> tuple[int, int, int]:
    from collections import Counter

    a = Counter(re.findall(r"\w+", got.lower()))
    b = Counter(re.findall(r"\w+", gold.lower()))
    common = sum((a & b).values())
    return common, sum(a.values()) - common, sum(b.values()) - common


def stdlib_text(html: str) -> str:
    """The floor an extractor must beat: every visible text node (html.parser, no model)."""
    from html.parser import HTMLParser

    class Visible(HTMLParser):
        def __init__(self):
            super().__init__()
            self.parts, self.skip = [], 0

        def handle_starttag(self, tag, attrs):
            self.skip += tag in ("script", "style", "noscript", "svg", "head")

        def handle_endtag(self, tag):
            self.skip -= tag in ("script", "style", "noscript", "svg", "head") and self.skip > 0

        def handle_data(self, data):
            if not self.skip and data.strip():
                self.parts.append(data.strip())

    parser = Visible()
    parser.feed(html)
    return "\n".join(parser.parts)


def bench_html() -> dict:
    print("HTML pages (main text against the gold; furniture reaching a statement)")
    if not have_data():
        return {}

    from factcheck.webpage import extract_page

    out = {}

    def page_text(html: str) -> str:
        try:
            return extract_page(html.encode("utf-8"), "bench").text
        except Exception:  # a page with no text found: counts as empty output
            return ""

    shub = json.loads((DATA / "boilerplate_scrapinghub" / "ground-truth.json").read_text("utf-8"))
    english = {r["id"] for r in jsonl(DATA / "boilerplate_scrapinghub" / "blocks_aligned.jsonl")
               if r.get("lang_guess") == "en"}
    blocks = {r["id"]: r["blocks"] for r in jsonl(DATA / "boilerplate_scrapinghub" / "blocks_aligned.jsonl")}
    totals = {"factcheck (trafilatura)": [0, 0, 0], "all visible text (floor)": [0, 0, 0]}
    furniture_seen = furniture_in_statements = content_seen = content_in_statements = 0
    start = time.perf_counter()
    for page_id in sorted(english):
        html = gzip.open(DATA / "boilerplate_scrapinghub" / "html" / f"{page_id}.html.gz").read().decode("utf-8", "replace")
        gold = shub[page_id]["articleBody"]
        text = page_text(html)
        for name, got in (("factcheck (trafilatura)", text), ("all visible text (floor)", stdlib_text(html))):
            tp, fp, fn = token_prf(got, gold)
            totals[name][0] += tp
            totals[name][1] += fp
            totals[name][2] += fn
        statements = " ".join(s.text for s in extract(Article(normalise(text), "", "bench")).statements) if text else ""
        for b in blocks.get(page_id, []):
            if b["label"] == "boilerplate" and len(b["text"].split()) >= 4:
                furniture_seen += 1
                furniture_in_statements += b["text"] in statements
            elif b["label"] == "content" and len(b["text"].split()) >= 4:
                content_seen += 1
                content_in_statements += b["text"] in statements
    elapsed = time.perf_counter() - start
    for name, (tp, fp, fn) in totals.items():
        p, r, f = prf(tp, fp, fn)
        out[f"scrapinghub {name}"] = (p, r, f)
        print(f"  scrapinghub ({len(english)} English pages) {name:<26} token P={p:.3f} R={r:.3f} F1={f:.3f}")
    share = furniture_in_statements / furniture_seen
    out["scrapinghub furniture in statements"] = share
    print(f"  scrapinghub boilerplate blocks (4+ words) inside a statement: {share:.1%} of {furniture_seen}"
          f"  ({elapsed / len(english) * 1000:.0f} ms a page)")
    out["scrapinghub content in statements"] = content_in_statements / content_seen
    print(f"  scrapinghub content blocks (4+ words) inside a statement: "
          f"{content_in_statements / content_seen:.1%} of {content_seen}")

    passed = with_ok = without_ok = 0
    rows = jsonl(DATA / "boilerplate_trafilatura_en" / "annotations.jsonl")
    leaked = total_without = 0
    for r in rows:
        html = gzip.open(DATA / "boilerplate_trafilatura_en" / r["html_file"]).read().decode("utf-8", "replace")
        page = page_text(html)
        text = " ".join(page.split())
        has_with = all(" ".join(w.split()) in text for w in r.get("with", []))
        has_without = any(" ".join(w.split()) in text for w in r.get("without", []))
        with_ok += has_with
        without_ok += not has_without
        passed += has_with and not has_without
        # the statements of the page as init sees it (its lines kept), compared with spaces folded
        found = extract(Article(normalise(page), "", "bench")).statements if page else ()
        statements = " ".join(" ".join(s.text.split()) for s in found)
        for w in r.get("without", []):
            total_without += 1
            leaked += " ".join(w.split()) in statements
    out["trafilatura pages"] = (passed / len(rows), with_ok / len(rows), without_ok / len(rows))
    print(f"  trafilatura set ({len(rows)} pages): all main snippets kept {with_ok / len(rows):.1%}, "
          f"no boilerplate snippet {without_ok / len(rows):.1%}, both {passed / len(rows):.1%}")
    out["trafilatura furniture in statements"] = leaked / total_without
    print(f"  trafilatura set boilerplate snippets inside a statement: {leaked / total_without:.1%} of {total_without}")

    tp = fp = fn = 0
    for r in jsonl(DATA / "boilerplate_readability_en" / "index.jsonl"):
        html = gzip.open(DATA / "boilerplate_readability_en" / r["source_html"]).read().decode("utf-8", "replace")
        gold = (DATA / "boilerplate_readability_en" / r["expected_text"]).read_text("utf-8")
        a, b, c = token_prf(page_text(html), gold)
        tp, fp, fn = tp + a, fp + b, fn + c
    p, r_, f = prf(tp, fp, fn)
    out["readability"] = (p, r_, f)
    print(f"  readability fixtures (56 pages; gold is Readability.js output) token P={p:.3f} R={r_:.3f} F1={f:.3f}")
    return out


def bench_language() -> dict:
    """How often init's "does not read as English" notice is right: on the English texts
    (GUM, UD EWT, the readability pages, the scrapinghub pages labelled en) it should stay
    quiet; on the scrapinghub pages in other languages it should speak."""
    from factcheck.article import language_notices

    print("Language notice (init warns when an article does not read as English)")
    if not have_data():
        return {}
    english = [d["text"] for name in ("sbd_gum_news/gum_news_interview_speech_sbd.jsonl",
                                      "sbd_ud_ewt/ewt_dev_test_sbd.jsonl") for d in jsonl(DATA / name)]
    english += ["\n\n".join(b["text"] for b in p["blocks"])
                for p in jsonl(DATA / "boilerplate_readability_en" / "blocks_aligned.jsonl")]
    other = []
    for page in jsonl(DATA / "boilerplate_scrapinghub" / "blocks_aligned.jsonl"):
        text = "\n\n".join(b["text"] for b in page["blocks"])
        (english if page.get("lang_guess") == "en" else other).append(text)
    quiet = sum(1 for t in english if not language_notices(t))
    spoke = sum(1 for t in other if language_notices(t))
    print(f"  English texts with no notice: {quiet} of {len(english)} | pages in other languages with"
          f" the notice: {spoke} of {len(other)} (language as the scrapinghub set labels it)")
    return {"english quiet": (quiet, len(english)), "other noticed": (spoke, len(other))}


SECTIONS = {
    "sentences": bench_sentences,
    "furniture": bench_furniture,
    "checkworthiness": bench_check_worthiness,
    "html": bench_html,
    "language": bench_language,
    "speed": bench_speed,
}


class _Tee(io.TextIOBase):
    """Print as usual and keep a copy, so the run's own output becomes its BENCHMARKS section."""

    def __init__(self, stream) -> None:
        self.stream, self.copy = stream, io.StringIO()

    def write(self, text: str) -> int:
        self.copy.write(text)
        return self.stream.write(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=list(SECTIONS), help="run only these sections")
    parser.add_argument("--write", action="store_true", help="save the output for BENCHMARKS.md "
                        "(benchmarks/results/extraction.md; a full run only)")
    args = parser.parse_args()
    start = time.perf_counter()
    tee = _Tee(sys.stdout)
    with contextlib.redirect_stdout(tee):
        for name, fn in SECTIONS.items():
            if args.only and name not in args.only:
                continue
            fn()
    print(f"(done in {time.perf_counter() - start:.0f} s; data from {DATA})")
    if args.write and not args.only:
        from common import Section

        section = Section.__new__(Section)  # the output is already printed: only save it
        section.name, section.title = "extraction", "Extraction: sentences, furniture, check-worthiness, speed"
        section.command, section.parts = "python benchmarks/bench.py --write", ["```\n" + tee.copy.getvalue().strip() + "\n```"]
        section.save()


if __name__ == "__main__":
    main()
