"""The language-independent cues (``leakclf/doctypes/cues.py``): type words near the top, mail shape, layout."""

from __future__ import annotations

import hashlib

import pytest

from leakclf.config import Config
from leakclf.doctypes import Classifier
from leakclf.doctypes.cues import cues
from leakclf.doctypes.features import extract, unspaced
from leakclf.model import Document


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("De : Marie <m@atelier.fr>\nÀ : Jean <j@client.fr>\nObjet : Devis", id="fr"),
        pytest.param("Von: Anna <a@firma.de>\nAn: Ben <b@kunde.de>\nBetreff: Angebot", id="de"),
        pytest.param("De: Ana <a@empresa.es>\nPara: Luis <l@cliente.es>\nAsunto: Pedido", id="es"),
        pytest.param("Da: Gia <g@ditta.it>\nA: Leo <l@cliente.it>\nOggetto: Ordine", id="it"),
        pytest.param("Van: Eva <e@bedrijf.nl>\nAan: Jan <j@klant.nl>\nOnderwerp: Offerte", id="nl"),
        pytest.param("De: Rui <r@empresa.pt>\nPara: Ana <a@cliente.pt>\nAssunto: Fatura", id="pt"),
        pytest.param("From: ann@acme.com\nTo: bob@acme.com\nSubject: Q3 plan", id="en"),
    ],
)
def test_printed_mail_headers_in_seven_languages(text: str) -> None:
    assert cues(text + "\n\nBody text of the message.")["mail:any-headers"] == 1.0


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Note: prices exclude VAT.\nThe team met on Monday.", id="one-label-line"),
        pytest.param("Dear Mr Smith,\nThank you for your letter.", id="letter-without-headers"),
        pytest.param("", id="empty"),
    ],
)
def test_no_mail_headers_in_prose(text: str) -> None:
    assert "mail:any-headers" not in cues(text)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Dear team,", True, id="dear-team"),
        pytest.param("Hi all,", True, id="hi-all"),
        pytest.param("Liebe Kolleginnen und Kollegen,", True, id="de"),
        pytest.param("Chers collègues,", True, id="fr"),
        pytest.param("Dear Mr Smith,", False, id="outside-reader"),
        pytest.param("Dear teammate of the month award winners", True, id="prefix-is-enough"),
    ],
)
def test_team_greeting(line: str, expected: bool) -> None:
    assert ("letter:team-greeting" in cues(line + "\nWe moved the meeting.")) is expected


def test_type_word_under_a_letterhead_and_as_a_reference_field() -> None:
    text = (
        "ACTITUD POSITIVA S. DE R.L.\nORTIZ DE CAMPOS 1308\nCHIHUAHUA\n614-414-82-41\n"
        "Fecha: 25/03/2022\nCotizacion : 492\nEmpresa : Ejemplo SA\n"
    )
    found = cues(text)
    assert found["lex:quote"] == pytest.approx(1 / 3) and found["lexfield:quote"] == 1.0
    assert not any(k.startswith(("lex:invoice", "lexfield:invoice")) for k in found)


def test_type_word_in_prose_is_not_a_reference_field() -> None:
    found = cues("We will send the invoice with the goods.\nThe invoice follows the order.")
    assert found["lex:invoice"] == pytest.approx(2 / 3)
    assert "lexfield:invoice" not in found


def test_type_words_match_whole_words_only() -> None:
    found = cues("The autopilot billboard is a reminder.\nsubcontractors and minutesheets")
    assert not any(k.startswith("lex") for k in found)


def test_exchange_directory_address_and_thread() -> None:
    text = (
        "To:\nBeth </O=ACME/OU=NA/CN=RECIPIENTS/CN=BMIERTS>\n\n-----Original Message-----\nFrom: X"
    )
    found = cues(text)
    assert found["mail:exchange-address"] == found["mail:thread"] == 1.0


def test_layout_statistics_take_one_bin_each() -> None:
    feats = extract("Item 1 12.50\nItem 2 7.25\nTotal 19.75\nDate 01/02/2024")
    for family in ("digits", "money", "short", "len", "dates"):
        assert len([k for k in feats if k.startswith(f"stat:{family}")]) == 1, family
    assert feats["stat:short4"] == 1.0 and feats["stat:dates1"] == 1.0


SPANISH_QUOTE = """REFRIGERACION DEL NORTE
Av. Principal 12, Local 4
Telefono: 0412-555-0101
Cliente: Hotel Ejemplo
Presupuesto de servicios al dia 08/05/2024
Descripcion Cantidad Precio Unitario Total
Mantenimiento preventivo 2 $ 50.00 $ 100.00
Carga de gas 1 $ 80.00 $ 80.00
SUB-TOTAL $ 180.00
IVA (16%) $ 28.80
TOTAL $ 208.80
Validez de la oferta: 15 dias. El precio esta sujeto a cambios."""


def test_spanish_quote_titled_under_its_letterhead() -> None:
    data = SPANISH_QUOTE.encode()
    doc = Document(
        "x.pdf", None, "application/pdf", SPANISH_QUOTE, hashlib.sha256(data).hexdigest(), len(data)
    )
    assert Classifier(Config()).classify(doc).doc_type == "quote"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("O F F E R T E Nr. 001", "OFFERTE Nr. 001", id="spaced-title"),
        pytest.param("I N V O I C E\nNo. 7", "INVOICE\nNo. 7", id="spaced-title-line"),
        pytest.param("W x H x D", "W x H x D", id="mixed-case-dimensions"),
        pytest.param("A B C", "A B C", id="three-letters"),
        pytest.param("t m a t p l o t", "t m a t p l o t", id="lower-case-run"),
        pytest.param("Nr. 1 2 3 4", "Nr. 1 2 3 4", id="digits"),
    ],
)
def test_letter_spaced_capitals_read_as_one_word(text: str, expected: str) -> None:
    assert unspaced(text) == expected


def test_a_letter_spaced_title_names_the_type() -> None:
    feats = extract("K L I X B\nO F F E R T E Nr. 001\nPos. Menge Bezeichnung Einzelpreis")
    assert feats["cue:quote"] > 0 and "title:'offerte'" in feats


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Le devis de la société pour les travaux et la livraison", id="fr"),
        pytest.param("Das Angebot der Firma für die Lieferung und den Einbau", id="de"),
        pytest.param("El presupuesto de la empresa para los trabajos y la entrega", id="es"),
        pytest.param("Il preventivo della ditta per la fornitura e il montaggio", id="it"),
        pytest.param("De offerte van het bedrijf voor de levering en een montage", id="nl"),
        pytest.param("O orçamento da empresa para os trabalhos e a entrega", id="pt"),
    ],
)
def test_function_words_are_no_features_in_any_language(text: str) -> None:
    """A document's language must not decide its type: its function words give no word features."""
    function = {"de", "la", "les", "das", "der", "die", "el", "los", "il", "della", "het", "van"}
    function |= {"een", "os", "da", "para", "et", "und", "per", "e", "y"}
    words = [k[len("word:'") : -1].split() for k in extract(text) if k.startswith("word:")]
    assert words and not [w for w in words if function & set(w)]


def test_a_mail_party_name_is_no_type_word() -> None:
    """ "To: Rapp Bill" names a person: no ``lex:invoice`` / ``lexfield:invoice`` from it."""
    text = (
        "From: Mark <mark@acme.com>\nTo:\nRapp Bill <bill@acme.com>\nSubject: RE: terms\n\nFine.\n"
    )
    assert not [f for f in cues(text) if f.startswith("lex")]
    assert cues(text.replace("Fine.", "Invoice No: 7"))["lexfield:invoice"] == 1.0
