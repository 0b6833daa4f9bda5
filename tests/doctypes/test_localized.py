"""Generated documents written wholly in one language: held-out wording, coverage, determinism."""

from __future__ import annotations

import re
import unicodedata

import pytest

from leakclf.demo.lexicon import TERMS
from leakclf.demo.phrases import SENTENCES
from leakclf.demo.vocab import HEADINGS, LABELS, TITLES
from leakclf.doctypes.features import extract
from leakclf.model import DOC_TYPES
from training.doctypes.localized import LANGUAGES, localized_examples, words
from training.doctypes.train import WILD_TRAIN
from training.doctypes.vocab import POOLS
from training.doctypes.wild import pool_slice

CHECKED = ("titles", "heads", "labels", "lines")  # table columns are words every table shares


def _norm(text: str) -> str:
    """A wording without placeholders, numbers, punctuation, accents and case:
    "Currículum vítae" and "Curriculum vitae" are one; "Factura nº {n}" is "factura"."""
    text = re.sub(r"\{[^}]*\}", " ", text.lower()).replace("nº", " ").replace("n.º", " ")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.findall(r"[^\W\d_]+", text))


def _alternatives(entries: list[str] | tuple[str, ...]) -> set[str]:
    return {_norm(a) for e in entries for a in e.split("|")} - {""}


def _held(pool: tuple[str, ...], every: int = 6) -> set[str]:
    """The alternatives of the entries only held-out templates use (wild: index % 6 == 5, demo:
    index % 5 == 4); a pool too small to have one holds nothing out."""
    return _alternatives([w for i, w in enumerate(pool) if i % every == every - 1])


def _trained(pool: tuple[str, ...]) -> set[str]:
    return {a for k in WILD_TRAIN for a in _alternatives(pool_slice(pool, k))}


def _held_elsewhere() -> set[str]:
    """Held-out wording of the English-language wild pools and of the demo generator, any type."""
    wild = {a for pools in POOLS.values() for key in CHECKED for a in _held(pools[key])}
    demo = (TITLES, HEADINGS, LABELS, SENTENCES, TERMS)
    return wild | {a for table in demo for pool in table.values() for a in _held(pool, 5)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_held_out_wording_never_reaches_training(language: str) -> None:
    """No training alternative of a language is held out by the wild or demo templates (any type),
    or by the language's own held-out entries of the same type and pool."""
    elsewhere = _held_elsewhere()
    pools = words(language).pools
    leaks = [
        (doc_type, key, a)
        for doc_type in DOC_TYPES
        for key in CHECKED
        for a in sorted(_trained(pools[doc_type][key]))
        if a in elsewhere or a in _held(pools[doc_type][key])
    ]
    assert leaks == []
    assert all(_held(pools[doc_type]["titles"]) for doc_type in DOC_TYPES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_type_has_its_own_held_out_titles_and_lines(language: str) -> None:
    pools = words(language).pools
    assert set(pools) == set(DOC_TYPES)
    for doc_type in DOC_TYPES:
        for key in ("titles", "lines"):
            held = _alternatives([e for i, e in enumerate(pools[doc_type][key]) if i % 6 == 5])
            assert held, (doc_type, key)


def test_one_document_per_template_type_and_language() -> None:
    data = localized_examples(seed=3, per_template=1, templates=(0, 1))
    assert len(data) == 2 * len(DOC_TYPES) * len(LANGUAGES)
    assert {e.template for e in data} == {
        f"local-{lang}-{t}-{k}" for lang in LANGUAGES for t in DOC_TYPES for k in (0, 1)
    }
    assert all(len(e.text) > 200 for e in data)


@pytest.mark.parametrize(
    ("language", "word"),
    [
        pytest.param("es", "factura", id="es-factura"),
        pytest.param("pt", "fatura", id="pt-fatura"),
        pytest.param("fr", "facture", id="fr-facture"),
        pytest.param("de", "rechnung", id="de-rechnung"),
        pytest.param("it", "fattura", id="it-fattura"),
        pytest.param("nl", "factuur", id="nl-factuur"),
    ],
)
def test_invoices_are_written_in_their_language(language: str, word: str) -> None:
    data = localized_examples(seed=1, per_template=4, templates=(0,), languages=(language,))
    invoices = [e.text.lower() for e in data if e.label == "invoice"]
    assert sum(word in t for t in invoices) >= 2
    english = {"invoice", "the", "and", "payment"}
    for text in invoices:
        assert not set(re.findall(r"[a-z]+", text)) & english, text[:300]


def test_generation_is_deterministic_and_readable() -> None:
    a = localized_examples(seed=5, per_template=1, templates=(2,), languages=("es", "pt"))
    b = localized_examples(seed=5, per_template=1, templates=(2,), languages=("es", "pt"))
    assert [e.text for e in a] == [e.text for e in b]
    assert [e.text for e in a] != [
        e.text
        for e in localized_examples(seed=6, per_template=1, templates=(2,), languages=("es", "pt"))
    ]
    assert all(extract(e.text, e.name) for e in a)
