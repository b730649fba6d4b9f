"""The package's layout: imports flow one way, from the command line down to reading input.

    cli          the command line (the only place typer is imported)
    reporting    views and exports (with cli, the only places rich is imported)
    library      published fact-checks and search
    workspace    worksheets, settings, the index, init's plan
    extraction   article text -> statements
    reading      input -> article text
    errors.py, files.py   used by all

A module may import from its own layer and the layers below it, never above (reading an
article does not depend on the skip rules), and the views and exports read worksheets, never
the pipeline that wrote them (an export does not run extraction). Imports inside functions and
under TYPE_CHECKING count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import factcheck

PACKAGE = Path(factcheck.__file__).parent
LAYERS = ["core", "reading", "extraction", "workspace", "library", "reporting", "cli"]
# what each layer may import, beside itself and core
ALLOWED = {
    "core": set(),
    "reading": set(),
    "extraction": {"reading"},
    "workspace": {"reading", "extraction"},
    "library": {"reading", "extraction", "workspace"},
    "reporting": {"workspace", "library"},
    "cli": set(LAYERS),
}


def layer_of(module: str) -> str:
    """``factcheck.extraction.skips`` -> "extraction"; ``factcheck.errors`` -> "core"."""
    parts = module.split(".")[1:]
    if parts[:1] == ["__main__"]:  # python -m factcheck: the command line
        return "cli"
    return parts[0] if parts and parts[0] in LAYERS else "core"


def modules() -> list[tuple[str, Path]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out.append((".".join(parts), path))
    return out


def imports(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports (absolute), with the line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level:
            found.append((node.lineno, f"<relative import of {node.module or '.'}>"))
    return found


@pytest.mark.parametrize(("module", "path"), modules(), ids=[m for m, _ in modules()])
def test_imports_flow_one_way(module, path):
    wrong = []
    for line, name in imports(path):
        if name.startswith("<relative"):
            wrong.append(f"{path.name}:{line}: {name} (imports are absolute: `from factcheck.<layer>...`)")
        elif name.startswith("factcheck.") and layer_of(name) not in ALLOWED[layer_of(module)] | {
            "core",
            layer_of(module),
        }:
            wrong.append(f"{path.name}:{line}: {layer_of(module)} imports {name}")
        elif name.split(".")[0] == "typer" and layer_of(module) != "cli":
            wrong.append(f"{path.name}:{line}: typer outside the command line")
        elif name.split(".")[0] == "rich" and layer_of(module) not in ("cli", "reporting"):
            wrong.append(f"{path.name}:{line}: rich outside the views and the command line")
    assert wrong == []


def test_every_module_is_in_a_layer():
    assert {layer_of(m) for m, _ in modules()} <= set(LAYERS)
