"""The registry of extraction rules (``data/rules.tsv``): every rule that skips a sentence or
sets a rule feature has a stable id, the reason a checker reads, and a line on what it
catches. The code names a rule by its id and takes the reason from here, so the two never part;
``tests/test_rules.py`` runs the example cases of every rule (``tests/fixtures/rule_cases.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

RULES_PATH = Path(__file__).parent / "data" / "rules.tsv"


@dataclass(frozen=True)
class Rule:
    id: str
    reason: str  # what a checker reads beside a skipped sentence, or a priority's reason
    what: str  # what the rule catches, with an example


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    out: dict[str, Rule] = {}
    for number, line in enumerate(RULES_PATH.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] in out:
            raise ValueError(f"{RULES_PATH}:{number}: want a new id, a reason and what it catches, tab-separated")
        out[parts[0]] = Rule(*parts)
    return out


def reason(rule_id: str) -> str:
    """The reason a checker reads for the rule ``rule_id``."""
    return rules()[rule_id].reason
