"""Open Packaging Conventions, read directly: relationships, part names and the XML of a part.

python-docx opened a package by loading and parsing every part it knows (styles, numbering,
settings, ...) before the text could be read; a DOCX needs only a few. ``Package`` reads a part
when asked, with python-docx's own XML parser settings (blank text dropped, no entities), and
follows relationships the way it does: targets resolved against the source part's folder, the
package walked depth-first in relationship order, each part once, external targets skipped.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
)


@dataclass(frozen=True, slots=True)
class Rel:
    rid: str
    reltype: str
    target: str  # an absolute part name ("/word/header1.xml"), or the external URL


class Package:
    """A zip package (checked against the limits with ``office.check_zip`` before any part is read)."""

    def __init__(self, data: bytes) -> None:
        from lxml import etree  # load time: lxml only when used

        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self._parser = etree.XMLParser(remove_blank_text=True, resolve_entities=False)

    def xml(self, partname: str) -> Any:
        """The root element of a part (KeyError when the package lacks it)."""
        from lxml import etree  # load time: lxml only when used

        return etree.fromstring(self.blob(partname), self._parser)

    def blob(self, partname: str) -> bytes:
        return self.zip.read(partname.lstrip("/"))

    def rels(self, partname: str) -> list[Rel]:
        """The internal relationships of a part ("/" for the package), in file order."""
        folder, name = posixpath.split(partname)
        try:
            root = self.xml(posixpath.join(folder, "_rels", f"{name}.rels"))
        except KeyError:
            return []
        out = []
        for el in root.iter(_REL):
            if el.get("TargetMode") == "External":
                continue
            target = posixpath.abspath(posixpath.join(folder, el.get("Target")))
            out.append(Rel(el.get("Id"), el.get("Type"), target))
        return out

    def main(self) -> str:
        """The main document's part name (the package's officeDocument relationship)."""
        for rel in self.rels("/"):
            if rel.reltype == OFFICE_DOCUMENT:
                return rel.target
        raise KeyError("no officeDocument relationship in the package")

    def content_type(self, partname: str) -> str | None:
        """The part's content type from ``[Content_Types].xml`` (override, then extension)."""
        root = self.xml("/[Content_Types].xml")
        for el in root.iter(f"{_CT}Override"):
            if (el.get("PartName") or "").lower() == partname.lower():
                return el.get("ContentType")
        ext = partname.rpartition(".")[2].lower()
        for el in root.iter(f"{_CT}Default"):
            if (el.get("Extension") or "").lower() == ext:
                return el.get("ContentType")
        return None

    def walk(self) -> Iterator[str]:
        """Every part reachable from the package, depth-first in relationship order, once."""
        seen: set[str] = set()

        def visit(source: str) -> Iterator[str]:
            for rel in self.rels(source):
                if rel.target not in seen:
                    seen.add(rel.target)
                    yield rel.target
                    yield from visit(rel.target)

        return visit("/")

    def close(self) -> None:
        self.zip.close()
