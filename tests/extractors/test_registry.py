"""The extractor registry is pinned: adding or dropping a format is a visible change."""

from __future__ import annotations

from leakclf.extractors.images import IMAGE_TYPES
from leakclf.extractors.sniff import ODF_KINDS
from leakclf.registry import EXTRACTORS

GOLDEN = {
    "application/gzip": "archive.extract_gzip",
    "application/json": "text.extract_text",
    "application/mbox": "mail.extract_mbox",
    "application/msword": "legacy.extract_doc",
    "application/pdf": "pdf.extract_pdf",
    "application/rtf": "text.extract_rtf",
    "application/vnd.ms-excel": "legacy.extract_xls",
    "application/vnd.ms-outlook": "outlook.extract_msg_file",
    "application/vnd.ms-powerpoint": "ppt.extract_ppt",
    "application/vnd.ms-outlook-pst": "pst.extract_pst",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": "office.extract_pptx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "office.extract_xlsx",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "word.extract_docx",
    **{f"application/vnd.oasis.opendocument.{k}": "odf.extract_odf" for k in ODF_KINDS},
    **{media: "images.extract_image" for media in IMAGE_TYPES},
    "application/x-keystore": "keyfiles.extract_keystore",
    "application/x-ole-storage": "office.other_ole",
    "application/x-ooxml-encrypted": "office.encrypted_ooxml",
    "application/x-tar": "archive.extract_tar",
    "application/xml": "text.extract_text",
    "application/zip": "archive.extract_zip",
    "message/rfc822": "mail.extract_eml",
    "text/csv": "text.extract_text",
    "text/html": "text.extract_html",
    "text/markdown": "text.extract_text",
    "text/plain": "text.extract_text",
    "text/tab-separated-values": "text.extract_text",
    "text/x-log": "text.extract_text",
}


def test_registry_matches_golden() -> None:
    got = {
        media: f"{fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}"
        for media, fn in sorted(EXTRACTORS.items())
    }
    assert got == GOLDEN
