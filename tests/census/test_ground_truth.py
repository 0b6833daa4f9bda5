"""Census accuracy against the demo generator's ground truth (<dump>.truth.json).

Two levels, asserted separately:

* ``test_census_is_exact_given_perfect_findings``: findings are built from the truth's own
  per-document mentions with the shared normalisers (what ideal detectors would emit). Every
  unique count and every mention count must equal the truth exactly; projects are the one
  exception (the truth knows that ``PRJ-2037`` names "Blue Harbor"; nothing in a document
  says so), so for projects mentions are exact and unique lies between the truth and 2x.
* ``test_census_of_a_real_scan``: the demo dump is scanned by the real pipeline. Asserted:
  email mentions exact; organisations unique exact (email domains, plus organisations named
  with a legal form and no address); email unique within 2%.
  Not asserted (bounded by detector recall or NER precision, not by the census): persons,
  phones, projects, countries, organisation mentions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import phonenumbers
import pytest

import leakclf
from leakclf.census import census
from leakclf.model import DocumentResult

from .helpers import email, labelled, org, person, phone

FILES = 34  # two rounds of every kind the generator writes


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    from leakclf.demo import generate

    root = generate(tmp_path_factory.mktemp("demo") / "dump", files=FILES, seed=11)
    truth = json.loads((root.parent / (root.name + ".truth.json")).read_text(encoding="utf-8"))
    return root, truth


def ideal_findings(entities: dict[str, list[str]]) -> list:
    out = []
    for label, values in entities.items():
        for v in values:
            if label == "EMAIL_ADDRESS":
                out.append(email(v))
            elif label == "PERSON":
                out.append(person(v))
            elif label == "PHONE_NUMBER":
                num = phonenumbers.parse(v, None)
                e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
                out.append(phone(e164, phonenumbers.region_code_for_number(num) or ""))
            elif label == "ORGANIZATION":
                out.append(org(v))
            elif label == "PROJECT":
                out.append(labelled("PROJECT", v))
    return out


def test_census_is_exact_given_perfect_findings(demo: tuple[Path, dict[str, Any]]) -> None:
    _, truth = demo
    results = [
        DocumentResult(
            source=d["path"], sha256=d["path"], findings=tuple(ideal_findings(d["entities"]))
        )
        for d in truth["documents"]
    ]
    got = census(results).summary()["entities"]
    for kind, expected in truth["unique"].items():
        if kind == "projects":
            assert expected <= got[kind]["unique"] <= 2 * expected
        elif kind == "persons":  # perfect findings carry no context: every cluster is real
            assert got[kind]["up_to"] == expected, kind
        else:
            assert got[kind]["unique"] == expected, kind
    for kind, expected in truth["mentions"].items():
        assert got[kind]["mentions"] == expected, kind


@pytest.fixture(scope="module")
def scanned(demo: tuple[Path, dict[str, Any]]) -> Any:
    root, _ = demo
    return census(leakclf.scan(root, workers=1, progress=False))


def test_census_of_a_real_scan(scanned: Any, demo: tuple[Path, dict[str, Any]]) -> None:
    _, truth = demo
    got = scanned.summary()["entities"]
    assert got["emails"]["mentions"] == truth["mentions"]["emails"]
    assert got["organizations"]["unique"] == organisations(truth)


def organisations(truth: dict[str, Any]) -> int:
    """The truth's email domains, plus the organisations it names (with a legal form) that
    have no address in the dump: the census counts both."""
    from leakclf.domains import domain_forms, name_forms, registrable_domain

    domains = {registrable_domain(e.rsplit("@", 1)[1]) for e in truth["injected"]["EMAIL_ADDRESS"]}
    forms = {f for d in domains for f in domain_forms(d)}
    names = truth["injected"].get("ORGANIZATION", [])
    unmatched = {n for n in names if not forms & set(name_forms(n))}
    assert len(domains) == truth["unique"]["organizations"]
    return len(domains) + len(unmatched)


def test_real_scan_email_unique_within_2_percent(
    scanned: Any, demo: tuple[Path, dict[str, Any]]
) -> None:
    _, truth = demo
    got = scanned.summary()["entities"]["emails"]["unique"]
    assert abs(got - truth["unique"]["emails"]) <= 0.02 * truth["unique"]["emails"]


def test_real_scan_census_holds_no_raw_value(
    scanned: Any, demo: tuple[Path, dict[str, Any]]
) -> None:
    _, truth = demo
    text = (scanned.to_json() + scanned.table() + scanned._repr_html_()).casefold()
    for label in ("EMAIL_ADDRESS", "PHONE_NUMBER", "PERSON", "IBAN_CODE", "CREDIT_CARD"):
        for value in truth["injected"].get(label, []):
            assert value.casefold() not in text, label
