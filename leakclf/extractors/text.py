"""Plain text (CSV, JSON, XML, logs) with encoding detection, HTML visible text, RTF."""

from __future__ import annotations

import re

from leakclf.extractors.base import Job
from leakclf.extractors.sniff import utf16_order

_BLOCK = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dd",
    "dt",
    "hr",
    "title",
    "address",
    "form",
    "fieldset",
    "nav",
    "aside",
    "main",
    "figcaption",
    "caption",
}
_HIDDEN = ("script", "style", "noscript", "template", "head", "object", "embed", "iframe", "svg")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def decode(data: bytes) -> str:
    """Bytes to str: BOMs and BOM-less UTF-16 first, then UTF-8, then charset-normalizer."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    order = utf16_order(data[:512])
    if order:
        return data.decode(order, "replace").lstrip("\ufeff")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # load time: charset_normalizer only when used

    best = from_bytes(data[: 1 << 20]).best()  # detect on the first MiB, decode it all
    encoding = best.encoding if best is not None else "cp1252"
    return data.decode(encoding, "replace")


def extract_text(data: bytes, job: Job) -> None:
    job.text.add("body", decode(data).replace("\r\n", "\n"))


def visible_text(markup: str) -> tuple[str, str | None]:
    """The text a browser shows for ``markup`` (no script/style), and the <title>."""
    import lxml.html  # load time: lxml only when used
    from lxml import etree

    markup = _XML_DECL.sub("", markup, count=1)
    if not markup.strip():
        return "", None
    try:
        root = lxml.html.document_fromstring(markup, parser=lxml.html.HTMLParser(no_network=True))
    except etree.ParserError:  # nothing but a doctype or comments: no visible text
        return "", None
    title_el = root.find(".//title")
    title = (title_el.text_content().strip() or None) if title_el is not None else None
    for el in list(root.iter(*_HIDDEN, etree.Comment, etree.ProcessingInstruction)):
        if el.getparent() is not None:
            el.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK:
            el.tail = "\n" + (el.tail or "")
    text = root.text_content()
    out = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip(), title


def extract_html(data: bytes, job: Job) -> None:
    text, title = visible_text(decode(data))
    job.meta["title"] = title
    job.text.add("body", text)


def extract_rtf(data: bytes, job: Job) -> None:
    from striprtf.striprtf import rtf_to_text  # load time: striprtf only when used

    raw = data.decode("latin-1")  # RTF is 7-bit; \'xx escapes are decoded by striprtf
    job.text.add("body", rtf_to_text(raw, errors="ignore").replace("\r\n", "\n"))
