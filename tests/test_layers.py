"""The arrows between the layers point one way (docs/architecture.md): every import in
every module of the package, deferred and type-only ones included, read from the source."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "desktop"

# What each layer may import from the package, besides itself.
MAY_USE = {
    "core": {"core"},
    "present": {"core", "present"},
    "export": {"core", "present", "export", "fonts", "paths"},
    "ui": {"core", "present", "export", "ui", "fonts", "paths"},
    "cli": {"core", "present", "export", "ui", "fonts", "paths"},
}
# Top-level modules: which layer they count as.
TOP = {"bundled_fonts": "fonts", "paths": "paths", "cli": "cli", "__main__": "main",
       "__init__": "package", "__version__": "package"}


def _layer(module: str) -> str:
    """'desktop.core.extract.figures' -> 'core'; 'desktop.bundled_fonts' -> 'fonts'."""
    parts = module.split(".")
    if len(parts) == 1:
        return "package"
    return TOP.get(parts[1], parts[1])


def _module_name(path: Path) -> str:
    relative = path.relative_to(ROOT).with_suffix("")
    return ".".join(relative.parts)


def _imports(path: Path) -> set[str]:
    """Every desktop module ``path`` imports, relative imports resolved."""
    here = _module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "desktop")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[:len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "desktop":
                continue
            if node.module:
                found.add(target)
            else:  # from . import a, b: each a module of that package
                found.update(f"{target}.{a.name}" for a in node.names)
    return found


def _uses() -> dict[str, set[str]]:
    return {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_every_import_points_the_way_the_layers_allow():
    wrong = []  # the package itself (its version) every layer may read
    for module, imported in _uses().items():
        layer = _layer(module)
        if layer not in MAY_USE:
            continue
        wrong.extend(f"{module} imports {target}" for target in sorted(imported)
                     if _layer(target) != "package" and _layer(target) not in MAY_USE[layer])
    assert wrong == []


def test_only_the_entry_point_uses_the_command_line():
    users = sorted(m for m, imported in _uses().items()
                   if any(_layer(t) == "cli" for t in imported))
    assert users == ["desktop.__main__"]


def test_the_walk_sees_deferred_and_relative_imports():
    uses = _uses()
    # ui/app.py imports the window lazily and the core relatively: both must be seen,
    # or the tests above would pass on a walk that reads nothing.
    assert any(t.startswith("desktop.ui.mainwindow") for t in uses["desktop.ui.app"])
    assert any(t.startswith("desktop.core") for t in uses["desktop.ui.app"])
    assert any(_layer(t) == "present" for t in uses["desktop.export.sections"])


@pytest.mark.parametrize("layer", ["core", "present"])
def test_the_qt_free_layers_run_without_qt(layer):
    """Imported for real, every module of the layer (and the command line's headless
    path) leaves Qt, the window and the export unloaded."""
    code = (f"import sys, pkgutil, importlib, desktop.{layer} as layer, desktop.cli; "
            f"[importlib.import_module(m.name) for m in pkgutil.walk_packages(layer.__path__, "
            f"'desktop.{layer}.')]; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken', "
            "'desktop.ui', 'desktop.export'))))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"
