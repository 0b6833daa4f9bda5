"""Body words that name one business concept in the seven languages (``leakclf/doctypes/concepts.py``)."""

from __future__ import annotations

import pytest

from leakclf.doctypes.concepts import CONCEPT_OF
from leakclf.doctypes.features import _STOP, _WORD, extract


@pytest.mark.parametrize(
    ("text", "concept"),
    [
        pytest.param("Confirm the delivery of the goods", "delivery", id="en"),
        pytest.param("Confirmer la livraison des marchandises", "delivery", id="fr"),
        pytest.param("Bestätigung der Lieferung der Ware", "delivery", id="de"),
        pytest.param("Confirmar la entrega de la mercancía", "delivery", id="es"),
        pytest.param("Conferma della consegna della merce", "delivery", id="it"),
        pytest.param("Bevestiging van de levering van goederen", "delivery", id="nl"),
        pytest.param("Experiencia profesional y formación", "experience", id="es-cv"),
        pytest.param("Berufserfahrung und Ausbildung", "experience", id="de-cv"),
        pytest.param("Validez de la oferta: 15 días", "validity", id="es-quote"),
        pytest.param("Hitos y cronograma del proyecto", "milestone", id="es-plan"),
    ],
)
def test_one_concept_in_every_language(text: str, concept: str) -> None:
    assert extract(text)[f"concept:'{concept}'"] == 1.0


def test_every_concept_word_is_a_word_the_features_read() -> None:
    """A listed word that the tokenizer splits, or a function word it drops, would never fire."""
    unread = [w for w in CONCEPT_OF if not _WORD.fullmatch(w) or w in _STOP or w != w.lower()]
    assert not unread


def test_no_concept_without_its_words() -> None:
    feats = extract("The weather in spring is mild and the gardens are green.")
    assert not [f for f in feats if f.startswith("concept:")]
