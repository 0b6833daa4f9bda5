"""The user docs stay true to the code: CLI options, the public API, links, the custom detector."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

import leakclf
from leakclf.cli import build_parser

DOCS = Path(__file__).resolve().parents[2] / "docs"
MINE = ("index.md", "quickstart.md", "concepts.md", "cli.md", "api.md", "custom-detectors.md")


def _options() -> list[tuple[str, str]]:
    """(command, option) for every option and positional of every command."""
    parser = build_parser()
    out = [("", opt) for a in parser._actions for opt in a.option_strings]
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for name, cmd in sub.choices.items():
        out.append((name, name))
        for action in cmd._actions:
            if action.option_strings:
                out.extend((name, opt) for opt in action.option_strings)
            else:
                out.append((name, action.dest.upper()))
    return out


def _section(text: str, command: str) -> str:
    if not command:
        return text.split("\n## ", 1)[0]
    match = re.search(rf"^## `leakclf {command}\b.*?(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"docs/cli.md has no section for `leakclf {command}`"
    return match.group(0)


@pytest.mark.parametrize(
    ("command", "option"), [pytest.param(c, o, id=f"{c or 'leakclf'} {o}") for c, o in _options()]
)
def test_cli_md_mentions_every_option(command: str, option: str) -> None:
    section = _section((DOCS / "cli.md").read_text(encoding="utf-8"), command)
    if option in ("-h", "--help") and command:
        return  # documented once, globally
    if option == command:
        return  # the section itself (checked by _section)
    assert f"`{option}" in section, f"docs/cli.md, section {command or 'global'}: {option} missing"


def test_cli_md_names_no_option_that_does_not_exist() -> None:
    known = {o for _, o in _options() if o.startswith("-")}
    text = (DOCS / "cli.md").read_text(encoding="utf-8").replace("`-vv`", "`-v`")  # -v counts
    named = set(re.findall(r"`(--?[a-z][a-z-]*)", text))
    assert named - known == set()


@pytest.mark.parametrize("name", [pytest.param(n, id=n) for n in leakclf.__all__])
def test_api_md_mentions_every_public_name(name: str) -> None:
    assert f"`{name}" in (DOCS / "api.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("page", [pytest.param(p, id=p) for p in MINE])
def test_links_resolve(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if "://" in target:
            continue
        assert (DOCS / target).resolve().exists(), f"{page} links to missing {target}"


def _example(page: str) -> str:
    blocks = re.findall(
        r"```python\n(.*?)```", (DOCS / page).read_text(encoding="utf-8"), re.DOTALL
    )
    return blocks[0]


def test_custom_detector_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    from leakclf import registry
    from leakclf.config import Config, DetectConfig
    from leakclf.detectors import DetectorSet

    code = _example("custom-detectors.md")
    assert len(code.splitlines()) <= 30  # "a ~20-line example"
    namespace: dict[str, object] = {}
    exec(compile(code, "custom-detectors.md", "exec"), namespace)  # noqa: S102 - the doc example is the test
    cls = namespace["EmployeeIdDetector"]
    # what installing the package with its entry point does
    monkeypatch.setattr(registry, "plugin_detector_classes", lambda: (cls,))
    config = Config(detect=DetectConfig(ner=False, detectors=("custom.employee_id",)))
    text = "Staff id E-123455 and order E-123456; employee E-100001."
    found = [(f.label, f.preview, f.detector) for f in DetectorSet(config).detect(text).findings]
    assert found == [
        ("EMPLOYEE_ID", "E-*****5", "custom.employee_id/1"),
        ("EMPLOYEE_ID", "E-*****1", "custom.employee_id/1"),
    ]
    # the session shown under "Registering it", with every detector (NER off: faster, same here)
    doc = (DOCS / "custom-detectors.md").read_text(encoding="utf-8")
    call = re.search(r'>>> r = leakclf.analyze_text\("(.*?)"\)', doc)
    shown = re.search(r"\n(\[\('EMPLOYEE_ID'.*\])\n", doc)
    assert call and shown
    # a fresh Pipeline: leakclf.analyze_text caches pipelines built before the plug-in existed
    result = leakclf.Pipeline(Config(detect=DetectConfig(ner=False))).analyze_text(call.group(1))
    employee = [
        (f.label, f.preview, f.detector) for f in result.findings if f.label == "EMPLOYEE_ID"
    ]
    assert repr(employee) == shown.group(1)


def test_custom_detector_scoring_claim() -> None:
    """custom-detectors.md: an unnamed label earns the catch-all's token point."""
    from leakclf.model import Finding
    from leakclf.scoring import Scorer

    text = (DOCS / "custom-detectors.md").read_text(encoding="utf-8")
    assert "`EMPLOYEE_ID x1: +1`" in text
    finding = Finding("EMPLOYEE_ID", 0, 8, 0.85, "custom.employee_id/1", "d", "E-*****5")
    assert Scorer().score("other", None, [finding]).reasons == (("EMPLOYEE_ID x1", 1),)


@pytest.mark.parametrize("page", [pytest.param(p, id=p) for p in MINE])
def test_python_blocks_compile(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    for i, block in enumerate(re.findall(r"```python\n(.*?)```", text, re.DOTALL)):
        compile(block, f"{page}[{i}]", "exec")
