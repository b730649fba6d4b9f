"""Every regular expression in the package, and strings built to make a backtracking one blow
up: shared by tests/test_patterns.py (each pattern under a cap) and benchmarks/hardening.py
(how time grows with the input).

A pattern is "found" when it is a module constant (or sits in a tuple, list or dict of them, or
in an object such as a ``WordList``), or is one of the patterns built at run time by the
functions in ``BUILDERS``, for which samples are made here. ``re_calls_outside_constants``
lists any other place that calls ``re`` with a pattern, so a new one cannot hide in a function.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import re._constants as sre
import re._parser as sre_parse
import signal
from contextlib import contextmanager
from pathlib import Path

import factcheck

PACKAGE = Path(factcheck.__file__).parent
# every module of the package and its subpackages, by its name under ``factcheck.``
MODULES = sorted(
    m.name.removeprefix("factcheck.")
    for m in pkgutil.walk_packages([str(PACKAGE)], "factcheck.")
    if not m.name.endswith("__main__")
)
# The functions allowed to compile a pattern at run time, and how to get samples of what they build.
BUILDERS = {
    ("extraction.sentences", "marker_pattern"): lambda: [
        importlib.import_module("factcheck.extraction.sentences").marker_pattern(marker, style)
        for marker in ("2", "10", "b", "Z")
        for style in (".", ")", ".)")
    ],
    ("extraction.words", "WordList.__init__"): lambda: [],  # every WordList is a module constant: found below
}


class Hang(Exception):
    """Raised by ``cap`` when its time is up."""


@contextmanager
def cap(seconds: float):
    """Raise Hang when the block runs longer than ``seconds``: a hang guard, generous by intent.
    (SIGALRM reaches the main thread, and the regex engine checks for signals as it runs.)"""

    def stop(signum, frame):
        raise Hang

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _patterns_in(value, name: str, depth: int = 0):
    if isinstance(value, re.Pattern):
        yield name, value
    elif depth < 2 and isinstance(value, (tuple, list, frozenset, set)):
        for i, item in enumerate(value):
            yield from _patterns_in(item, f"{name}[{i}]", depth + 1)
    elif depth < 2 and isinstance(value, dict):
        for key, item in value.items():
            yield from _patterns_in(item, f"{name}[{key!r}]", depth + 1)
    elif depth < 1 and type(value).__module__.startswith("factcheck.") and hasattr(value, "__dict__"):
        for attr, item in vars(value).items():
            yield from _patterns_in(item, f"{name}.{attr}", depth + 1)


def all_patterns() -> dict[str, re.Pattern]:
    """Every distinct pattern of the package, by the first name it was found under."""
    found: dict[tuple, tuple[str, re.Pattern]] = {}
    for module_name in MODULES:
        module = importlib.import_module(f"factcheck.{module_name}")
        for attr, value in vars(module).items():
            if inspect.isclass(value) or inspect.isroutine(value) or inspect.ismodule(value):
                continue
            for name, pattern in _patterns_in(value, f"{module_name}.{attr}"):
                found.setdefault((pattern.pattern, pattern.flags), (name, pattern))
    for (module_name, function), samples in BUILDERS.items():
        for i, pattern in enumerate(samples()):
            found.setdefault((pattern.pattern, pattern.flags), (f"{module_name}.{function}()#{i}", pattern))
    return {name: pattern for name, pattern in found.values()}


_RE_FUNCTIONS = {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


def re_calls_outside_constants() -> list[str]:
    """Calls of ``re.<function>(pattern, ...)`` that are neither a module-level constant nor in
    a function of ``BUILDERS``: patterns the collection above would not see."""
    out = []
    for module_name in MODULES:
        path = PACKAGE / f"{module_name.replace('.', '/')}.py"
        if not path.exists():  # a subpackage: its __init__
            path = PACKAGE / module_name.replace(".", "/") / "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node, where in _walk(tree, []):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "re"
                and node.func.attr in _RE_FUNCTIONS
                and where
                and (module_name, ".".join(where)) not in BUILDERS
            ):
                out.append(f"{module_name}.py:{node.lineno} in {'.'.join(where)}")
    return out


def _walk(node, where):
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            name = getattr(child, "name", "<lambda>")
            yield from _walk(child, where + [name])
        else:
            yield child, where
            yield from _walk(child, where)


# ---------------------------------------------------------------------------------------------
# Adversarial strings

# Characters every pattern is tried with, beside those it names itself.
POOL = "aA1 \t\n.,:!?-'’\"“*_[(<|#"


# What the issue names: long runs of digits, years, spaces, punctuation, "*", quotes, capitals.
def brief_strings(n: int) -> dict[str, str]:
    return {
        "digits": "7" * n,
        "years": " ".join(str(2013 + i % 10) for i in range(n // 5)),
        "spaces": "a" + " " * n + "a",
        "punctuation": ".,;:!?-" * (n // 7),
        "**a": "**a " * (n // 4),
        "quotes": "\"“”'’" * (n // 5),
        "capitals": "A" * n,
        "Capital words": "Aa " * (n // 3),
        "numbers": "1,000 " * (n // 6),
        "newlines": "a\n" * (n // 2),
    }


def _literals(tree, chars: set[str], words: set[str]) -> None:
    """The characters and the literal words (two characters or more) a parsed pattern names."""
    run: list[str] = []

    def flush():
        if len(run) >= 2:
            words.add("".join(run))
        run.clear()

    for op, av in tree:
        if op is sre.LITERAL:
            chars.add(chr(av))
            run.append(chr(av))
            continue
        flush()
        if op is sre.IN:
            for o, a in av:
                if o is sre.LITERAL:
                    chars.add(chr(a))
                elif o is sre.RANGE:
                    chars.update((chr(a[0]), chr(a[1])))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            _literals(av[2], chars, words)
        elif op is sre.SUBPATTERN:
            _literals(av[3], chars, words)
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            _literals(av[1], chars, words)
        elif op is sre.ATOMIC_GROUP:
            _literals(av, chars, words)
        elif op is sre.BRANCH:
            for branch in av[1]:
                _literals(branch, chars, words)
        elif op is sre.GROUPREF_EXISTS:
            _literals(av[1], chars, words)
            if av[2]:
                _literals(av[2], chars, words)
    flush()


def strings_for(pattern: re.Pattern, n: int) -> dict[str, str | bytes]:
    """Strings of about ``n`` characters built for ``pattern``: each character it names (and
    those of POOL) repeated, alone, with spaces, and with a letter of the other case; each
    literal word it names repeated, with and without spaces; and the brief's runs."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    chars: set[str] = set()
    words: set[str] = set()
    _literals(sre_parse.parse(source, pattern.flags), chars, words)
    chars = {c for c in chars if c.isprintable() or c in "\t\n"} | set(POOL)
    out: dict[str, str] = {}
    for c in sorted(chars):
        out[f"{c!r} run"] = c * n
        out[f"{c!r} spaced"] = (c + " ") * (n // 2)
        out[f"{c!r} and a letter"] = (c + ("A" if c.islower() else "a")) * (n // 2)
    for w in sorted(words, key=lambda w: (-len(w), w))[:12]:
        out[f"{w!r} spaced"] = (w + " ") * (n // (len(w) + 1))
        out[f"{w!r} run"] = w * (n // len(w))
    out.update(brief_strings(n))
    if isinstance(pattern.pattern, bytes):
        return {k: v.encode("utf-8") for k, v in out.items()}
    return out


# ---------------------------------------------------------------------------------------------
# Nested quantifiers over overlapping classes, read off the parsed pattern

_CATEGORY_PATTERNS = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT)


class _Reader:
    """First characters, nullability and tails of parsed pattern pieces, over a probe alphabet
    (every character the pattern names, and POOL): enough to see two quantifiers compete."""

    def __init__(self, pattern: re.Pattern) -> None:
        source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
        self.tree = sre_parse.parse(source, pattern.flags)
        chars: set[str] = set()
        _literals(self.tree, chars, set())
        self.alphabet = frozenset(chars | set(POOL) | set("é9Zz~="))
        self.ignore_case = bool(pattern.flags & re.I)

    def chars(self, op, av) -> frozenset[str]:
        """The probe characters one single-character item matches."""
        if op is sre.LITERAL:
            found = {chr(av)}
        elif op is sre.NOT_LITERAL:
            found = set(self.alphabet) - {chr(av)}
        elif op is sre.ANY:
            found = set(self.alphabet) - {"\n"}  # (DOTALL or not: "\n" matters little here)
        elif op is sre.IN:
            found, negate = set(), False
            for o, a in av:
                if o is sre.NEGATE:
                    negate = True
                elif o is sre.LITERAL:
                    found.add(chr(a))
                elif o is sre.RANGE:
                    found |= {c for c in self.alphabet if a[0] <= ord(c) <= a[1]}
                elif o is sre.CATEGORY:
                    found |= {c for c in self.alphabet if re.fullmatch(_CATEGORY_PATTERNS.get(a, r"(?!)"), c)}
            if negate:
                found = set(self.alphabet) - found
        else:
            return frozenset()
        if self.ignore_case:
            found |= {c.swapcase() for c in found}
        return frozenset(found & self.alphabet)

    def nullable(self, seq) -> bool:
        return all(self._item_nullable(op, av) for op, av in seq)

    def _item_nullable(self, op, av) -> bool:
        if op in _REPEATS or op is sre.POSSESSIVE_REPEAT:
            return av[0] == 0 or self.nullable(av[2])
        if op is sre.SUBPATTERN:
            return self.nullable(av[3])
        if op is sre.ATOMIC_GROUP:
            return self.nullable(av)
        if op is sre.BRANCH:
            return any(self.nullable(b) for b in av[1])
        if op is sre.GROUPREF_EXISTS:
            return self.nullable(av[1]) or (av[2] is None or self.nullable(av[2]))
        return op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT, sre.GROUPREF)

    def first(self, seq) -> frozenset[str]:
        """The characters a match of ``seq`` can start with."""
        out: set[str] = set()
        for op, av in seq:
            out |= self._item_first(op, av)
            if not self._item_nullable(op, av):
                break
        return frozenset(out)

    def _item_first(self, op, av) -> frozenset[str]:
        if op in _REPEATS or op is sre.POSSESSIVE_REPEAT:
            return self.first(av[2])
        if op is sre.SUBPATTERN:
            return self.first(av[3])
        if op is sre.ATOMIC_GROUP:
            return self.first(av)
        if op is sre.BRANCH:
            return frozenset().union(*(self.first(b) for b in av[1]))
        if op is sre.GROUPREF_EXISTS:
            return self.first(av[1]) | (self.first(av[2]) if av[2] else frozenset())
        return self.chars(op, av)

    def tail_repeats(self, seq) -> list:
        """The backtracking quantifiers that can end a match of ``seq`` (all after them may be
        empty), as (op, av) items."""
        out = []
        for i in range(len(seq) - 1, -1, -1):
            op, av = seq[i]
            if op in _REPEATS and av[1] != av[0]:
                out.append((op, av))
            if op in _REPEATS:
                out += self.tail_repeats(av[2])
            elif op is sre.SUBPATTERN:
                out += self.tail_repeats(av[3])
            elif op is sre.BRANCH:
                for branch in av[1]:
                    out += self.tail_repeats(branch)
            if not self._item_nullable(op, av):
                break
        return out

    def nested(self) -> list[str]:
        """Quantifiers whose iterations can be cut more than one way: the body can be empty, or
        a quantifier that can end an iteration takes a character that can start the next one
        ("(?:\\d[\\d,.]*k?\\ ?)+" on "2013 2014 ..."). (Alternatives that start alike,
        "(?:a|ab)*", are left to the strings in ``strings_for``.)"""
        problems: list[str] = []
        self._nested(self.tree, problems)
        return problems

    def _nested(self, seq, problems: list[str]) -> None:
        for op, av in seq:
            if op in _REPEATS:
                body = av[2]
                if av[1] > 1 or av[1] == sre.MAXREPEAT:
                    start = self.first(body)
                    if self.nullable(body):
                        problems.append(f"a repeated group that can match nothing: {_show(body)}")
                    for _inner_op, inner in self.tail_repeats(body):
                        overlap = self.first(inner[2]) & start
                        if overlap:
                            problems.append(
                                f"{_show(inner[2])} inside a repeat can take {''.join(sorted(overlap))!r},"
                                " which also starts the next iteration"
                            )
                self._nested(body, problems)
            elif op is sre.POSSESSIVE_REPEAT:
                self._nested(av[2], problems)
            elif op is sre.SUBPATTERN:
                self._nested(av[3], problems)
            elif op in (sre.ASSERT, sre.ASSERT_NOT):
                self._nested(av[1], problems)
            elif op is sre.ATOMIC_GROUP:
                self._nested(av, problems)
            elif op is sre.BRANCH:
                for branch in av[1]:
                    self._nested(branch, problems)


def _show(seq) -> str:
    return str(seq)[:60]


def nested_quantifiers(pattern: re.Pattern) -> list[str]:
    """What makes ``pattern`` backtrack over nested quantifiers; empty when it cannot."""
    return _Reader(pattern).nested()


def one_long_sentence(text: str, size: int) -> str:
    """About ``size`` characters of ``text``'s words with no sentence end among them: the run
    that made finding checks quadratic (tests/test_hangs.py, benchmarks/hardening.py)."""
    words = text.replace(".", " ").replace("?", " ").replace("!", " ").split()
    out, total, i = [], 0, 0
    while total < size:
        out.append(words[i % len(words)])
        total += len(out[-1]) + 1
        i += 7
    return "The " + " ".join(out) + " said Kirby."
