"""The mail header rule on printed headers in other languages: internal, external, mixed, quoted threads."""

from __future__ import annotations

import hashlib

import pytest

from leakclf.config import Config
from leakclf.doctypes import Classifier
from leakclf.doctypes.rules import mail_kind, parties
from leakclf.model import Document

BODY = {
    "fr": (
        "Bonjour Marc,\nmerci pour la réunion de ce matin. Comme convenu, je vous envoie les "
        "chiffres révisés du trimestre d'ici vendredi, avec le planning de livraison.\n"
        "Cordialement,\nAnne"
    ),
    "de": (
        "Hallo Marc,\ndanke für das Gespräch heute Morgen. Wie besprochen schicke ich dir die "
        "überarbeiteten Zahlen für das Quartal bis Freitag, mit dem Lieferplan.\n"
        "Mit freundlichen Grüßen\nAnne"
    ),
    "es": (
        "Hola Marc,\ngracias por la reunión de esta mañana. Como acordamos, te envío las cifras "
        "revisadas del trimestre antes del viernes, con el calendario de entrega.\n"
        "Saludos,\nAnne"
    ),
    "it": (
        "Ciao Marc,\ngrazie per la riunione di stamattina. Come concordato, ti mando le cifre "
        "riviste del trimestre entro venerdì, con il piano di consegna.\nCordiali saluti,\nAnne"
    ),
    "nl": (
        "Hallo Marc,\nbedankt voor het overleg van vanochtend. Zoals afgesproken stuur ik je de "
        "herziene cijfers van het kwartaal voor vrijdag, met de leveringsplanning.\n"
        "Met vriendelijke groet,\nAnne"
    ),
}
HEADERS = {  # from, to, cc, subject labels as mail programs print them
    "fr": ("De :", "À :", "Copie à :", "Objet :"),
    "de": ("Von:", "An:", "Kopie:", "Betreff:"),
    "es": ("De:", "Para:", "CC:", "Asunto:"),
    "it": ("Da:", "A:", "Cc:", "Oggetto:"),
    "nl": ("Van:", "Aan:", "Cc:", "Onderwerp:"),
}


def _printed(lang: str, sender: str, to: str, cc: str | None = None) -> Document:
    """A mail printed to PDF: headers in the text, no mail meta."""
    fr, t, c, subj = HEADERS[lang]
    head = [f"{fr} Anne Roy <{sender}>", f"{t} Marc Dubois <{to}>"]
    head += [f"{c} {cc}"] if cc else []
    text = "\n".join([*head, f"{subj} chiffres", "", BODY[lang]])
    data = text.encode()
    return Document(
        "mail.pdf", None, "application/pdf", text, hashlib.sha256(data).hexdigest(), len(data)
    )


@pytest.fixture(scope="module")
def clf() -> Classifier:
    return Classifier(Config())


@pytest.mark.parametrize("lang", sorted(HEADERS))
@pytest.mark.parametrize(
    ("sender", "to", "cc", "expected"),
    [
        pytest.param("anne@acme.eu", "marc@acme.eu", None, "internal_note", id="internal"),
        pytest.param("anne@acme.eu", "marc@sales.acme.eu", None, "internal_note", id="subdomain"),
        pytest.param("anne@acme.eu", "marc@client.fr", None, "correspondence", id="external"),
        pytest.param(
            "anne@acme.eu", "marc@acme.eu", "legal@client.fr", "correspondence", id="mixed-cc"
        ),
    ],
)
def test_printed_headers_in_other_languages_decide(
    clf: Classifier, lang: str, sender: str, to: str, cc: str | None, expected: str
) -> None:
    doc = _printed(lang, sender, to, cc)
    roles = {role for role, _ in parties(doc)}
    assert roles == ({"from", "to", "cc"} if cc else {"from", "to"})
    result = clf.classify(doc)
    assert (result.doc_type, result.evidence[0]) == (
        expected,
        f"mail:parties' domains; {'all parties internal' if expected == 'internal_note' else 'external party'}",
    )


def test_names_without_addresses_decide_nothing() -> None:
    doc = _printed("fr", "anne@acme.eu", "marc@acme.eu")
    text = doc.text.replace(" <anne@acme.eu>", "").replace(" <marc@acme.eu>", "")
    assert parties(Document("m.pdf", None, "application/pdf", text, "", len(text))) == []


def test_a_quoted_message_below_is_not_a_party() -> None:
    """The first message's parties decide; an outside sender quoted below does not make it external."""
    text = (
        "Von: anne@acme.eu\nAn: marc@acme.eu\nBetreff: AW: Angebot\n\nSiehe unten.\n"
        "-----Ursprüngliche Nachricht-----\nVon: vertrieb@lieferant.de\nAn: anne@acme.eu\n"
    )
    doc = Document("m.pdf", None, "application/pdf", text, "", len(text))
    assert parties(doc) == [("from", "anne@acme.eu"), ("to", "marc@acme.eu")]
    assert mail_kind(parties(doc), text, ())[0] == "internal_note"  # type: ignore[index]


def test_a_list_broadcast_keeps_its_text() -> None:
    text = "De : newsletter@acme.eu\nÀ : marc@acme.eu\nObjet : nouvelles\n\nPour vous désinscrire, cliquez ici."
    doc = Document("m.pdf", None, "application/pdf", text, "", len(text))
    assert mail_kind(parties(doc), text, ()) is None


ENRON_HTML = (  # an Enron mail archive page: Notes and Exchange directory addresses, no internet domain
    "From:\nDrew Fossum <Drew Fossum/ENRON@enronXgate@ENRON>\n\nTo:\n"
    "David Bargainer <David Bargainer/ENRON@enronXgate>\n\nBill Rapp <Bill Rapp/HOU/EES@EES>\n\n"
    "CC:\nBeth </O=ENRON/OU=NA/CN=RECIPIENTS/CN=Bmierts>\n\nDate:\n16/10/2001 05:42:00 PM\n\n"
    "Subject:\nFW: Organizational Change\n\n"
)


def test_directory_addresses_are_parties_of_one_mail_system() -> None:
    doc = Document("m.html", None, "text/html", ENRON_HTML, "", len(ENRON_HTML))
    who = parties(doc)
    assert who == [
        ("from", "directory@enron"),
        ("to", "directory@enron"),
        ("to", "directory@ees"),
        ("cc", "directory@enron"),
    ]
    assert mail_kind(who, ENRON_HTML, ())[0] == "internal_note"  # type: ignore[index]
    assert mail_kind(who, ENRON_HTML, ("enron.com",))[0] == "internal_note"  # type: ignore[index]


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        pytest.param("bill.rapp@enron.com", "internal_note", id="same-name-internet-domain"),
        pytest.param("rudy@intcx.com", "correspondence", id="outside-internet-domain"),
        pytest.param("rudy@intcx.com@ENRON", "correspondence", id="outside-relayed"),
    ],
)
def test_directory_addresses_beside_internet_ones(other: str, expected: str) -> None:
    text = f"From: Drew Fossum/ENRON@enronXgate\nTo: {other}\nSubject: hello\n\nThanks."
    doc = Document("m.pdf", None, "application/pdf", text, "", len(text))
    assert mail_kind(parties(doc), text, ())[0] == expected  # type: ignore[index]


def test_slashes_in_internet_addresses_and_links_are_no_directory() -> None:
    text = "From: Ann <ann@acme.com>\nTo: see http://acme.com/x/y and a/b@acme.com\n\nThanks."
    doc = Document("m.pdf", None, "application/pdf", text, "", len(text))
    assert parties(doc) == [("from", "ann@acme.com"), ("to", "b@acme.com")]


@pytest.mark.parametrize(
    ("sender", "to", "expected"),
    [
        pytest.param("mark@enron.net", "bill@enron.com", "internal_note", id="same-name-other-tld"),
        pytest.param(
            "mark@acme.co.uk", "bill@mail.acme.com", "internal_note", id="same-name-co-uk"
        ),
        pytest.param("mark@enron.net", "bill@aquila.com", "correspondence", id="other-name"),
        pytest.param("mark@enron.net", "bill@enronx.com", "correspondence", id="longer-name"),
    ],
)
def test_one_organisation_under_several_top_level_domains(
    sender: str, to: str, expected: str
) -> None:
    text = f"From: Mark <{sender}>\nTo: Bill <{to}>\nSubject: agreement\n\nThis looks fine."
    doc = Document("m.html", None, "text/html", text, "", len(text))
    assert mail_kind(parties(doc), text, ())[0] == expected  # type: ignore[index]


def test_a_bare_mailbox_name_is_the_local_mail_system() -> None:
    """An Enron archive page prints a sender as "Pereira <Pereira>": a name the local mail system
    resolved, so a party of the same system as the Exchange recipient."""
    text = (
        "From:\nPereira <Pereira>\n\nTo:\nMiertschin <Miertschin>\n\n"
        "Beth </O=ENRON/OU=NA/CN=RECIPIENTS/CN=Bmierts>\n\nSubject:\nRE: Chicago Update\n\nThanks."
    )
    doc = Document("m.html", None, "text/html", text, "", len(text))
    who = parties(doc)
    assert who == [
        ("from", "directory@pereira"),
        ("to", "directory@miertschin"),
        ("to", "directory@enron"),
    ]
    assert mail_kind(who, text, ())[0] == "internal_note"  # type: ignore[index]
    outside = text.replace("Miertschin <Miertschin>", "Rudy <rudy@intcx.com>")
    assert (
        mail_kind(parties(Document("m.html", None, "text/html", outside, "", 9)), outside, ())[0]
        == "correspondence"
    )  # type: ignore[index]
