"""Every extraction rule has a stable id, a reason and example cases that say where they came
from (tests/fixtures/rule_cases.tsv, in the manner of pySBD's regression table); each case is run
here, and `init --dry-run --json` names the rule behind every skip."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from factcheck.extraction import furniture, rules
from factcheck.extraction.skips import skip_rule
from factcheck.extraction.statements import extract, first_reasons, training_features
from factcheck.reading.article import Article, normalise

from .conftest import EXAMPLE

CASES_PATH = Path(__file__).parent / "fixtures" / "rule_cases.tsv"
ARTICLE = "\n\n".join(
    [
        "The city council raised parking fines by 40% in March, the mayor said on Monday at a meeting in the town hall.",
        "Councillor Ann Lee said the money would go to road repairs, which the council has cut twice since 2019.",
        "Drivers' groups said the parking rise was the largest in ten years and would hit shift workers hardest of all.",
        "The council expects the new parking fines to bring in about £2m a year, according to its budget papers.",
    ]
)


def _cases() -> list[dict]:
    lines = [line for line in CASES_PATH.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


CASES = _cases()
SENTENCE = [c for c in CASES if not c["page"] and not c["rule"].startswith("feature.")]
PAGE = [c for c in CASES if c["page"] and c["page"] != "{model}"]
MODEL = [c for c in CASES if c["page"] == "{model}"]
FEATURE = [c for c in CASES if c["rule"].startswith("feature.")]


def _page(page: str) -> str:
    return normalise(page.replace("\\n", "\n").replace("{article}", ARTICLE))


def _case_id(case: dict) -> str:
    return f"{case['rule']}: {case['text'][:40]}"


def test_every_case_names_a_rule_and_a_source():
    for case in CASES:
        assert case["rule"] == "-" or case["rule"] in rules.rules(), case
        assert case["source"].strip(), case


def test_every_rule_has_a_case():
    assert set(rules.rules()) - {c["rule"] for c in CASES} == set()


def test_every_rule_has_a_reason_and_says_what_it_catches():
    for rule in rules.rules().values():
        assert re.fullmatch(r"[a-z_-]+(?:\.[a-z_-]+)*", rule.id), rule.id
        assert rule.reason and rule.what and rule.reason == rule.reason.strip()


@pytest.mark.parametrize("case", SENTENCE, ids=_case_id)
def test_sentence_rule(case):
    assert skip_rule(case["text"]) == ("" if case["rule"] == "-" else case["rule"])


@pytest.mark.parametrize("case", PAGE, ids=_case_id)
def test_rule_on_a_page(case):
    text = _page(case["page"])
    assert case["text"] in text
    extraction = extract(Article(text, "", "t"))
    found = {k.text: k.rule for k in extraction.skipped}
    if case["rule"] == "-":
        assert case["text"] in {s.text for s in extraction.statements}
    else:
        assert found.get(case["text"]) == case["rule"]


@pytest.mark.parametrize("case", MODEL, ids=_case_id)
def test_the_furniture_model_names_the_kind(case):
    """The kind a paragraph reads as, which names the rule when the model is sure enough
    (the chance itself is measured in the benchmark, not pinned here). The page ends with two
    lines of a page's frame: the model judges only texts that show a page around them."""
    from factcheck.extraction.body import find_body
    from factcheck.extraction.sentences import sentences

    text = normalise(f"{ARTICLE}\n\n{case['text']}\n\n{ARTICLE}\n\nSource link\n\nLeave a Reply")  # a page
    spans = sentences(text)
    reasons = first_reasons(text, spans, [False] * len(spans))
    verdicts = furniture.judge(text, spans, reasons, find_body(text, spans, reasons))
    at = text.index(case["text"])
    [verdict] = {v for s, v in zip(spans, verdicts) if s.start <= at < s.end}
    assert f"furniture-model.{verdict.kind}" == case["rule"]


@pytest.mark.parametrize("case", FEATURE, ids=_case_id)
def test_feature_rule(case):
    assert case["rule"].removeprefix("feature.") in training_features(case["text"])


def test_init_json_names_the_rule_behind_every_skip(run):
    result = run("init", str(EXAMPLE), "--dry-run", "--json")
    assert result.exit_code == 0, result.output
    skipped = json.loads(result.stdout)["skipped"]
    assert skipped
    for entry in skipped:
        assert entry["rule"] in rules.rules(), entry
        assert entry["reason"] == rules.reason(entry["rule"])
