"""The explicit registry: which extractor reads which media type, which detectors exist.

Everything is listed here, in one place, by direct reference (no import-path strings).
Handler modules import their heavy libraries on first use, so importing this is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from leakclf.detectors.base import Detector
    from leakclf.detectors.ner import NerDetector

# -- extractors --

from leakclf.extractors import (
    archive,
    images,
    keyfiles,
    legacy,
    mail,
    odf,
    office,
    outlook,
    pdf,
    ppt,
    pst,
    text,
    word,
)
from leakclf.extractors.base import Handler
from leakclf.extractors.sniff import (
    DOCX,
    MSG,
    ODF_KINDS,
    OOXML_ENCRYPTED,
    PPTX,
    PST,
    TEXT_TYPES,
    XLSX,
)

#: Sniffed media type -> handler. A type not listed here is ``UnsupportedFormat``.
EXTRACTORS: dict[str, Handler] = {
    "application/pdf": pdf.extract_pdf,
    DOCX: word.extract_docx,
    XLSX: office.extract_xlsx,
    PPTX: office.extract_pptx,
    OOXML_ENCRYPTED: office.encrypted_ooxml,  # raises EncryptedFile
    "application/msword": legacy.extract_doc,  # antiword, catdoc
    "application/vnd.ms-excel": legacy.extract_xls,  # xlrd
    "application/vnd.ms-powerpoint": ppt.extract_ppt,  # the current edit's records
    **{f"application/vnd.oasis.opendocument.{kind}": odf.extract_odf for kind in ODF_KINDS},
    "application/x-ole-storage": office.other_ole,  # UnsupportedFormat, or CorruptFile if damaged
    "message/rfc822": mail.extract_eml,
    "application/mbox": mail.extract_mbox,
    MSG: outlook.extract_msg_file,
    PST: pst.extract_pst,  # readpst; libpff counts
    keyfiles.KEYSTORE: keyfiles.extract_keystore,  # no text; a SECRET_KEY_FILE finding
    "text/html": text.extract_html,
    "application/rtf": text.extract_rtf,
    **{media: text.extract_text for media in TEXT_TYPES},
    **{media: images.extract_image for media in images.IMAGE_TYPES},  # OCR
    "application/zip": archive.extract_zip,
    "application/x-tar": archive.extract_tar,
    "application/gzip": archive.extract_gzip,
}

# -- detectors --
# Owned by the detectors engineer. Ids are versioned ("pii.email/1"); a golden test pins them.

#: The finding the pipeline adds for a key or credential file (``Document.meta["key_file"]``),
#: read or not: .p12/.pfx/.jks/.kdbx/.ppk/.ovpn/.env, SSH and PGP private keys.
KEY_FILE_LABEL = "SECRET_KEY_FILE"

#: Entry-point group through which other packages add detectors (Detector subclasses).
DETECTOR_ENTRY_POINTS = "leakclf.detectors"


def detector_classes() -> tuple[type[Detector], ...]:
    """Every built-in pattern detector, in a fixed order (modules imported on first call)."""
    from leakclf.detectors.pii import (  # load time: the detectors only when used
        address,
        bank,
        card,
        crypto,
        dates,
        email,
        iban,
        national_id,
        network,
        organization,
        phone,
        project,
        salary,
        tax_ids,
        us,
        vat,
    )
    from leakclf.detectors.secrets import aws, azure, gcp, generic, passwords, saas, tokens, vcs

    return (
        email.EmailDetector,
        phone.PhoneDetector,
        card.CreditCardDetector,
        iban.IbanDetector,
        iban.SwiftDetector,
        bank.RoutingNumberDetector,
        bank.BankAccountDetector,
        us.SsnDetector,
        us.ItinDetector,
        us.PassportDetector,
        us.DriverLicenseDetector,
        *national_id.SCHEMES,
        tax_ids.UsEin,
        tax_ids.AuAbn,
        tax_ids.AuAcn,
        tax_ids.InGstin,
        tax_ids.InPan,
        vat.VatDetector,
        network.IpDetector,
        network.UrlDetector,
        dates.DateDetector,
        dates.DateOfBirthDetector,
        salary.SalaryDetector,
        salary.AccountBalanceDetector,
        address.StreetAddressDetector,
        organization.OrganizationDetector,
        crypto.BitcoinDetector,
        project.ProjectDetector,
        aws.AwsAccessKeyDetector,
        aws.AwsSecretKeyDetector,
        azure.AzureConnectionStringDetector,
        azure.AzureStorageKeyDetector,
        azure.AzureSasTokenDetector,
        gcp.GcpApiKeyDetector,
        gcp.GcpServiceAccountDetector,
        vcs.GithubTokenDetector,
        vcs.GitlabTokenDetector,
        saas.SlackTokenDetector,
        saas.StripeKeyDetector,
        tokens.JwtDetector,
        tokens.PrivateKeyDetector,
        passwords.PasswordDetector,
        passwords.DatabaseUrlDetector,
        generic.GenericSecretDetector,
    )


def ner_class() -> type[NerDetector]:
    """spaCy NER (PERSON, ORGANIZATION, LOCATION, DATE_TIME)."""
    from leakclf.detectors.ner import NerDetector  # load time: the detectors only when used

    return NerDetector


def plugin_detector_classes() -> tuple[type[Detector], ...]:
    """Detectors that installed packages register under ``DETECTOR_ENTRY_POINTS``."""
    from importlib.metadata import entry_points  # load time: importlib only when used

    return tuple(ep.load() for ep in entry_points(group=DETECTOR_ENTRY_POINTS))


def labels() -> tuple[str, ...]:
    """Every label a built-in detector can emit, sorted."""
    found = {cls.label for cls in detector_classes()} | set(ner_class().labels) | {KEY_FILE_LABEL}
    return tuple(sorted(found))
