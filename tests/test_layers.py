"""Imports go one way: ui -> desktop -> storage; only ui imports Qt."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# The composition root may start the window, lazily, from inside a function.
LAZY_UI_ALLOWED = {ROOT / "desktop" / "gui.py"}


def _imports(path: Path) -> list[tuple[str, bool]]:
    """Return (module, at_top_level) for every import in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[tuple[str, bool]] = []
    top_level = set(map(id, tree.body))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, id(node) in top_level))
    return found


def _files(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", _files("storage"), ids=str)
def test_storage_imports_neither_qt_nor_the_core(path: Path) -> None:
    for module, _ in _imports(path):
        root = module.split(".")[0]
        assert root not in {"PySide6", "shiboken6", "desktop", "ui"}, f"{path}: {module}"


@pytest.mark.parametrize("path", _files("desktop"), ids=str)
def test_desktop_imports_no_qt_and_ui_only_lazily(path: Path) -> None:
    for module, top_level in _imports(path):
        root = module.split(".")[0]
        assert root not in {"PySide6", "shiboken6"}, f"{path}: {module}"
        if root == "ui":
            assert path in LAZY_UI_ALLOWED and not top_level, f"{path}: {module}"


@pytest.mark.parametrize("path", _files("ui"), ids=str)
def test_ui_never_reaches_into_storage(path: Path) -> None:
    for module, _ in _imports(path):
        assert module.split(".")[0] != "storage", f"{path}: {module}"
