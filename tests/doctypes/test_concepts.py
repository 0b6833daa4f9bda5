"""Body words that name one business concept in the seven languages (``leakclf/doctypes/concepts.py``)."""

from __future__ import annotations

import pytest

from leakclf.config import Config
from leakclf.doctypes import Classifier
from leakclf.doctypes.concepts import CONCEPT_OF
from leakclf.doctypes.features import _STOP, _WORD, extract
from leakclf.model import Document


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


SPANISH_CV = """Lucía Fernández Gómez
Ingeniera de datos · Madrid · lucia.fernandez@example.es
Experiencia profesional
2019 - 2024 Analista de datos, Banco del Sur. Modelos de riesgo crediticio y cuadros de mando.
2016 - 2019 Desarrolladora, Soluciones Norte. Integración de sistemas y automatización de informes.
Formación
Máster en Ciencia de Datos, Universidad de Granada, 2016
Grado en Matemáticas, Universidad de Sevilla, 2014
Idiomas
Español nativo, inglés C1, francés B1
Habilidades
Python, SQL, Spark, estadística, visualización"""


def test_a_spanish_cv_without_a_title_reads_by_its_concepts() -> None:
    """No "currículum" title: the sections name it, in Spanish, and the weights learned mostly from
    English résumés read them (the model before concept features: 0.76, on layout statistics)."""
    doc = Document("x.pdf", None, "application/pdf", SPANISH_CV, "0" * 64, len(SPANISH_CV))
    result = Classifier(Config()).classify(doc)
    assert result.doc_type == "resume" and result.confidence >= 0.9
    assert {"concept:'experience'", "concept:'education'"} <= set(result.evidence)
