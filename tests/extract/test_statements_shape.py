"""The shape of the statements package: its modules import one another one way only
(no circle, not even through imports inside functions or for type checking) and no
function in it runs past 80 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import newsledger.extract.statements as statements_package

PACKAGE_DIR = Path(statements_package.__file__).parent
PACKAGE = "newsledger.extract.statements"
MAX_FUNCTION_LINES = 80


def _trees() -> dict[str, ast.Module]:
    return {
        path.stem: ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for path in sorted(PACKAGE_DIR.glob("*.py"))
    }


def _imported_siblings(tree: ast.Module, names: set[str]) -> set[str]:
    """Modules of the package that `tree` imports anywhere in it."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith(PACKAGE + "."):
                found.add(node.module.removeprefix(PACKAGE + "."))
            elif node.module == PACKAGE:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(
                alias.name.removeprefix(PACKAGE + ".")
                for alias in node.names
                if alias.name.startswith(PACKAGE + ".")
            )
    return found & names


def _cycle_from(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    """A chain of imports leading from `start` back to it, or None."""
    stack = [(start, [start])]
    seen = set()
    while stack:
        module, path = stack.pop()
        for imported in graph[module]:
            if imported == start:
                return [*path, start]
            if imported not in seen:
                seen.add(imported)
                stack.append((imported, [*path, imported]))
    return None


def test_no_import_circle_inside_statements() -> None:
    trees = _trees()
    graph = {name: _imported_siblings(tree, set(trees)) for name, tree in trees.items()}
    cycles = [cycle for name in graph if (cycle := _cycle_from(name, graph))]
    assert cycles == []


def test_layout_is_shared_not_imported_from_quote_sources() -> None:
    trees = _trees()
    assert "quote_sources" not in _imported_siblings(trees["quote_labels"], set(trees))
    assert "layout" in _imported_siblings(trees["quote_labels"], set(trees))
    assert "layout" in _imported_siblings(trees["quote_sources"], set(trees))


def test_no_function_runs_past_the_limit() -> None:
    long_functions = [
        f"{name}.{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for name, tree in _trees().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long_functions == []
