"""Layers point down (docs/design.md): the import-linter contract holds, an import that points up
breaks it, and every function-level import says why it is there."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")
needs_linter = pytest.mark.skipif(not LINT.exists(), reason="import-linter is not installed")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@needs_linter
def test_the_layers_contract_holds() -> None:
    out = _lint(ROOT)
    assert out.returncode == 0, out.stdout + out.stderr


@needs_linter
@pytest.mark.parametrize(
    ("module", "imported"),
    [
        pytest.param("normalize", "leakclf.report", id="helper-reaches-up-into-the-report"),
        pytest.param("census/result", "leakclf.scan", id="census-reads-through-the-scan-engine"),
    ],
)
def test_an_import_that_points_up_breaks_it(tmp_path: Path, module: str, imported: str) -> None:
    """What `make lint` does with an import that points up (or sideways), even a lazy one."""
    shutil.copytree(
        ROOT / "leakclf", tmp_path / "leakclf", ignore=shutil.ignore_patterns("__pycache__", "data")
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    with open(tmp_path / "leakclf" / f"{module}.py", "a", encoding="utf-8") as fh:
        fh.write(f"\n\ndef _up() -> None:\n    import {imported}  # noqa: F401\n")
    out = _lint(tmp_path)
    assert out.returncode == 1
    assert f"is not allowed to import {imported}" in out.stdout


def _function_level_imports(path: Path) -> list[tuple[int, bool]]:
    """(line, explained) of every import inside a function, outside ``if TYPE_CHECKING``.
    An import is explained by a comment on its line or the line above, or by the comment of
    the import right before it (a group)."""
    src = path.read_text(encoding="utf-8")
    lines = src.splitlines()
    tree = ast.parse(src)
    typing_only = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for n in ast.walk(node)
    }
    found = sorted(
        {
            n.lineno: n
            for f in ast.walk(tree)
            if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
            for n in ast.walk(f)
            if isinstance(n, ast.Import | ast.ImportFrom) and id(n) not in typing_only
        }.items()
    )
    out: list[tuple[int, bool]] = []
    last_end, last_ok = -2, False
    for line, node in found:
        own = "#" in lines[line - 1] or lines[line - 2].strip().startswith("#")
        ok = own or (last_ok and last_end == line - 1)
        out.append((line, ok))
        last_end, last_ok = node.end_lineno or line, ok
    return out


def test_function_level_imports_say_why() -> None:
    unexplained = [
        f"{path.relative_to(ROOT)}:{line}"
        for path in sorted((ROOT / "leakclf").rglob("*.py"))
        for line, ok in _function_level_imports(path)
        if not ok
    ]
    assert unexplained == [], "add a comment (e.g. '# load time: spaCy only when used')"
