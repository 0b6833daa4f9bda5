"""The title layer: lexicon phrases in the title region, longest first, quoted in the evidence."""

from __future__ import annotations

import hashlib
import re

import pytest

from leakclf.config import Config
from leakclf.doctypes import Classifier
from leakclf.doctypes.features import extract
from leakclf.doctypes.linear import LinearModel
from leakclf.doctypes.titles import LEXICON, PHRASES, TYPE_OF, norm, title_cue, title_region
from leakclf.model import DOC_TYPES, Document


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "DELIVERY CHALLAN\nNo. 5", ("proof_of_execution", "delivery challan"), id="challan"
        ),
        pytest.param(
            "Goods  Received\tNote", ("proof_of_execution", "goods received note"), id="spaces"
        ),
        pytest.param("Project Sign-off", ("proof_of_execution", "project sign off"), id="hyphen"),
        pytest.param(
            "Purchase Requisition\nSee purchase order",
            ("other", "purchase requisition"),
            id="longer-wins",
        ),
        pytest.param("Bill of Materials", ("other", "bill of materials"), id="bom-not-bill"),
        pytest.param("Bill", ("invoice", "bill"), id="bill"),
        pytest.param("Preventivo n. 12", ("quote", "preventivo"), id="italian-quote"),
        pytest.param("Bon de commande", ("purchase_order", "bon de commande"), id="french-po"),
        pytest.param(
            "Non-Disclosure Agreement", ("contract", "non disclosure agreement"), id="nda"
        ),
        pytest.param(
            "Statement of Work\nAgreement ref",
            ("sow", "statement of work"),
            id="sow-over-agreement",
        ),
        pytest.param(
            "ACME Ltd\n1 Road\nCity\nTel 1\nFax 2\nVAT 3\nTAX INVOICE",
            ("invoice", "tax invoice"),
            id="under-letterhead",
        ),
        pytest.param("Subject: Cost Estimate", ("quote", "cost estimate"), id="subject-value"),
        pytest.param(
            "PO Number: 4711\nDelivery Note",
            ("proof_of_execution", "delivery note"),
            id="kv-label-skipped",
        ),
        # meeting minutes are project_plan, as the real corpus labels them; meeting notes are not
        pytest.param(
            "Meeting Minutes\nSprint 4", ("project_plan", "meeting minutes"), id="minutes"
        ),
        pytest.param(
            "Verbale riunione interna", ("project_plan", "verbale riunione"), id="minutes-it"
        ),
        pytest.param(
            "Escola X\nProjeto 50\nAtas de reunião", ("project_plan", "atas de reunião"), id="atas"
        ),
        pytest.param("Besprechungsprotokoll", ("project_plan", "besprechungsprotokoll"), id="de"),
        pytest.param(
            "Committee Meeting Notes", ("internal_note", "meeting notes"), id="notes-not-minutes"
        ),
        pytest.param("Dear Ms Rossi,\nThank you.", None, id="greeting-is-not-a-title"),
        pytest.param("Quotable remarks", None, id="whole-words-only"),
        pytest.param(
            "Notes\n" * 6 + "the invoice is attached below in this long sentence",
            None,
            id="body-not-title",
        ),
        pytest.param("", None, id="empty"),
        pytest.param("Pilot results: invoice capture", ("poc", "pilot"), id="first-on-ties"),
        pytest.param(
            "Invoice No.: 7\nDelivery Note",
            ("proof_of_execution", "delivery note"),
            id="invoice-no-field",
        ),
        pytest.param("A\nB\nC\nD\nE\nReceipt date 01/02\nAmount", None, id="lone-word-below-top"),
        pytest.param(
            "A\nB\nC\nD\nE\nReceipt\nAmount", ("invoice", "receipt"), id="lone-word-on-its-own-line"
        ),
        pytest.param("A\nB\nC\nD\nE\nE Way Bill No", None, id="reference-below-top"),
        # a type word labelling the document's number under a letterhead names the document
        pytest.param(
            "ACME SA\nCalle 1\nMadrid\n28001\nTel 91 000\nCotizacion : 492\nEmpresa : Foo",
            ("quote", "cotizacion"),
            id="labelled-number-below-top",
        ),
        pytest.param(
            "ACME SA\nCalle 1\nMadrid\n28001\nTel 91 000\nAlbarán n.º 17",
            ("proof_of_execution", "albarán"),
            id="labelled-number-n-o",
        ),
        pytest.param("A\nB\nC\nD\nE\nPO: 4711", None, id="short-label-below-top"),
        pytest.param("A\nB\nC\nD\nE\nTotal: 4711", None, id="not-a-type-label"),
        # a mail party's name is not a title ("Rapp Bill" is a person, not an invoice)
        pytest.param(
            "From:\nMark <mark@acme.com>\nTo:\nRapp Bill <bill.rapp@acme.com>\nSubject:\nRE: terms",
            None,
            id="party-on-next-line",
        ),
        pytest.param(
            "To: Rapp Bill\nFrom: Ann\nSubject: Delivery note 17",
            ("proof_of_execution", "delivery note"),
            id="party-on-its-line",
        ),
        pytest.param("Para: Carlos Recibo\nDe: Ana\nAsunto: hola", None, id="party-es"),
        pytest.param(
            "Geheimhaltungsvereinbarung Zwischenpräsentation",
            ("contract", "geheimhaltungsvereinbarung"),
            id="de-compound",
        ),
        pytest.param("Huurovereenkomst", ("contract", "huurovereenkomst"), id="nl-compound"),
        pytest.param(
            "Beratungsangebot Nr. 7", ("quote", "beratungsangebot"), id="de-compound-quote"
        ),
        pytest.param(
            "Lieferschein zur Rahmenvereinbarung",
            ("proof_of_execution", "lieferschein"),
            id="a-phrase-before-a-compound",
        ),
        pytest.param("Rechnungsadresse", None, id="compound-must-end-in-the-noun"),
        pytest.param("Statische Kostenberechnung", None, id="compound-calculation-is-no-invoice"),
        pytest.param("Stellenangebot Buchhaltung", None, id="compound-job-offer-is-no-quote"),
        pytest.param("Sonderangebot", None, id="compound-special-offer-is-no-quote"),
        pytest.param("Abnahmsprotokoll", None, id="compound-head-not-listed"),
        pytest.param("Eintrag\nB\nC\nD\nE\nWarenrechnung", None, id="compound-only-in-the-top"),
        pytest.param(
            "Receipt Note\nProledger Technologies",
            ("proof_of_execution", "receipt note"),
            id="tally-receipt-note",
        ),
        pytest.param(
            "FIRST NATIONAL BANK\nMONTHLY ACCOUNT STATEMENT",
            ("other", "account statement"),
            id="bank-account-statement",
        ),
        pytest.param("Estratto conto", ("other", "estratto conto"), id="it-bank-statement"),
        pytest.param(
            "To:\nAll staff\nInvoice approval process changes from Monday onwards",
            ("invoice", "invoice"),
            id="party-list-ends-at-text",
        ),
    ],
)
def test_title_cue(text: str, expected: tuple[str, str] | None) -> None:
    assert title_cue(text) == expected


_LETTERHEAD = "\n".join(  # an ERP print: company, address, customer, payment terms (20 lines)
    f"{label} {i}"
    for i, label in enumerate(["Distribuciones Ejemplo SL", "C/ Mayor", "Cliente"] * 7)
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Albarán-Factura", ("proof_of_execution", "albarán factura"), id="albaran"),
        pytest.param(
            "Pedido de Compra No.4300004732",
            ("purchase_order", "pedido de compra"),
            id="po-with-its-number",
        ),
        pytest.param("Rechnung Nr. 42", ("invoice", "rechnung"), id="label-and-number"),
        pytest.param("Albarán n.º 17", ("proof_of_execution", "albarán"), id="numero-sign"),
        pytest.param("PURCHASE ORDER", ("purchase_order", "purchase order"), id="caps"),
        pytest.param("Statement of work:", ("sow", "statement of work"), id="heading-colon"),
        pytest.param("Pedido:", None, id="one-word-field-label"),
        pytest.param("PO Number: 4711", None, id="a-reference-field-names-no-type"),
        pytest.param("- Cahier des charges", None, id="list-item"),
        pytest.param("PO 4711", None, id="short-name"),
        pytest.param("Invoice approval process changes", None, id="more-than-the-name"),
    ],
)
def test_a_line_that_is_only_a_type_name_below_the_letterhead(
    line: str, expected: tuple[str, str] | None
) -> None:
    text = f"{_LETTERHEAD}\n{line}\nProducto Cantidad Precio\nBarril 2 42,79"
    assert title_cue(text) == expected


def test_the_own_line_cue_reads_only_when_the_title_region_names_nothing() -> None:
    deep = f"{_LETTERHEAD}\nCommunication Plan"
    assert title_cue(deep) == ("project_plan", "communication plan")
    assert title_cue(f"Statement of Work\n{deep}") == ("sow", "statement of work")
    assert title_cue("\n".join(["Zeile"] * 60) + "\nPURCHASE ORDER") is None  # below line 60


def test_lexicon_covers_every_type_and_maps_each_phrase_once() -> None:
    assert set(LEXICON) == set(DOC_TYPES)
    phrases = [p for ps in LEXICON.values() for p in ps]
    assert len(phrases) == len(set(phrases))


def test_region_is_bounded() -> None:
    top, headings = title_region("Word\n" * 1000 + "LONG HEADING " * 100)
    assert len(top) <= 300 and len(headings) <= 300
    assert title_region("a\n\nb\nc\nd\ne\nFINAL REPORT\nlower case line") == (
        "a | b | c | d | e",
        "final report",
    )


def test_cue_is_a_feature_and_quoted_as_evidence() -> None:
    text = (
        "DELIVERY CHALLAN\nChallan No: 77   Date: 04/03/2024\nConsignee: Example Traders, Pune\n"
        "Item\tQty\nCable 4 core\t4\nJunction box\t2\nReceived the above goods in good condition."
    )
    assert extract(text)["cue:proof_of_execution"] > 0
    data = text.encode()
    doc = Document(
        "x.pdf", None, "application/pdf", text, hashlib.sha256(data).hexdigest(), len(data)
    )
    result = Classifier(Config()).classify(doc)
    assert result.doc_type == "proof_of_execution"
    assert "title:'delivery challan'" in result.evidence
    assert not any(e.startswith("cue:") for e in result.evidence)


@pytest.mark.parametrize("doc_type", DOC_TYPES)
def test_shipped_model_learned_each_cue_for_its_own_type(doc_type: str) -> None:
    model = LinearModel.load()
    assert f"cue:{doc_type}" in model.index
    column = model.weights[:, model.index[f"cue:{doc_type}"]]
    assert model.labels[int(column.argmax())] == doc_type


def test_phrase_regex_finds_what_the_longest_first_list_finds() -> None:
    """PHRASES is a prefix tree for speed: the same matches as every phrase tried longest first."""
    plain = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(p) for p in sorted(TYPE_OF, key=lambda p: (-len(p), p)))
        + r")(?!\w)"
    )
    phrases = sorted(TYPE_OF)
    texts = [" | ".join(phrases), " ".join(phrases), "".join(phrases)]
    texts += [p + end for p in phrases for end in ("s", ":", "-x", " of work", " note", "é")]
    for text in texts:
        found = [(m.start(), m.group()) for m in PHRASES.finditer(text)]
        assert found == [(m.start(), m.group()) for m in plain.finditer(text)], text
    assert [m.group() for m in PHRASES.finditer("bill of materials | bill | bills")] == [
        "bill of materials",
        "bill",
    ]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("  Goods\u00a0Received\u2013Note ", id="nbsp-en-dash"),
        pytest.param("a_b/c--d\u2015e\u2010f", id="dashes"),
        pytest.param("\tX\n\u2028Y \x1c Z  ", id="separators"),
        pytest.param("", id="empty"),
        pytest.param("STRASSE \u017f \u0130 \u00df", id="casefold"),
    ],
)
def test_norm_collapses_whitespace_and_dashes_like_the_regex(text: str) -> None:
    assert norm(text) == re.sub(r"[\s\-\u2010-\u2015_/]+", " ", text.casefold()).strip()


def test_a_party_name_is_no_title_word() -> None:
    text = (
        "From: McConnell Mark <mark@acme.com>\nTo: Rapp Bill <bill@acme.com>\nSubject: RE: terms\n"
    )
    feats = extract(text + "Do you prefer that I take out the added language?")
    title = [f for f in feats if f.startswith(("title:", "tc:", "cue:"))]
    assert not [f for f in title if "bill" in f or "mark" in f]
    assert "title:'terms'" in feats
