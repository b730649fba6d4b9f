"""From an article text to checkable statements: sentences, skip rules, claimants, checks, priority. Word lists and rules are data files in ``data/``."""
