"""Write a deterministic fake leaked dump and its ground truth.

    generate("demo-dump", files=60, seed=7)   # -> Path("demo-dump"); truth in demo-dump.truth.json

Top-level files cycle through every format (PDF, DOCX, XLSX, PPTX, HTML, TXT, CSV, RTF,
EML with attachments, MBOX, ZIP, TAR.GZ) plus exact duplicates, a DOCX source beside its
PDF, and revised near-duplicates; then what a real share also holds: scanned (image-only)
PDFs with noise and skew, page photos and screenshots (JPEG, PNG), Word 97-2003 .doc
(committed fixtures, see demo/legacy.py), Excel 97-2003 .xls and OpenDocument .odt; some
mails carry a photo of a signed document. Outlook .msg and .pst are not written: no sound
library writes them.
"""

from __future__ import annotations

import copy
import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leakclf.demo import containers, legacy, render, scans
from leakclf.demo.compose import Spec, compose
from leakclf.demo.fakes import Fakes, Mentions
from leakclf.demo.truth import summarize
from leakclf.model import DOC_TYPES

KINDS = (
    "pdf",
    "docx",
    "eml",
    "xlsx",
    "txt",
    "html",
    "pptx",
    "csv",
    "rtf",
    "zip",
    "eml",
    "mbox",
    "targz",
    "dup",
    "near",
    "pair",
    "secrets",
    "scan",
    "doc",
    "image",
    "xls",
    "odt",
)
_MAIL_TEMPLATES = {"correspondence": (0, 1, 4, 5, 7, 8), "internal_note": (3, 5)}
_ATTACHED_TYPES = (
    "invoice",
    "quote",
    "sow",
    "contract",
    "purchase_order",
    "proof_of_execution",
    "resume",
    "project_plan",
)
_SHEET_TYPES = ("invoice", "purchase_order", "quote", "project_plan", "internal_note")


@dataclass
class _Written:
    path: str
    spec: Spec
    fmt: str
    data: bytes


@dataclass
class _Mail:
    data: bytes
    spec: Spec
    mentions: Mentions  # header mentions, then body mentions
    attach: list[tuple[str, bytes, Spec]]


@dataclass
class _Gen:
    root: Path
    fakes: Fakes
    rng: random.Random
    docs: list[dict[str, Any]] = field(default_factory=list)
    files: set[str] = field(default_factory=set)
    plain: list[_Written] = field(default_factory=list)  # top-level single documents (dup sources)
    shared: tuple[str, bytes, Spec] | None = None  # an attachment reused across mails
    seen: dict[str, str] = field(default_factory=dict, repr=False)  # sha256 -> first path

    def spec(self, doc_type: str | None = None, template: int | None = None) -> Spec:
        doc_type = doc_type or self.rng.choice(DOC_TYPES)
        template = self.rng.randrange(10) if template is None else template
        spec = compose(self.rng, self.fakes, doc_type, template)
        containers.add_sensitive(spec, self.fakes, self.rng)
        return spec

    def record(
        self,
        path: str,
        spec: Spec | None,
        *,
        data: bytes | None = None,
        near: str | None = None,
        dup: str | None = None,
        doc_type: str | None = None,
        template: str | None = None,
        mentions: Mentions | None = None,
    ) -> None:
        if data is not None and dup is None:
            dup = self.seen.setdefault(hashlib.sha256(data).hexdigest(), path)
            dup = None if dup == path else dup
        items = (mentions or (spec.mentions if spec else Mentions())).items
        entities: dict[str, list[str]] = {}
        for label, value in items:
            entities.setdefault(label, []).append(value)
        self.docs.append(
            {
                "path": path,
                "doc_type": doc_type or (spec.doc_type if spec else "other"),
                "template": template or (spec.template if spec else "container"),
                "signed": spec.signed if spec else None,
                "duplicate_of": dup,
                "near_duplicate_of": near,
                "entities": entities,
            }
        )

    def folder(self, spec: Spec) -> str:
        if spec.doc_type == "internal_note":
            return "internal"
        org = spec.client or self.fakes.owner
        return f"customers/{org.domain.split('.')[0]}"

    def single(self, i: int, fmt: str) -> None:
        if fmt in ("xlsx", "csv"):
            spec = self.spec(self.rng.choice(_SHEET_TYPES))
            if fmt == "csv" or self.rng.random() < 0.4:
                spec = containers.crm_export(self.fakes, self.rng)
            path = f"exports/{spec.doc_type}-{i:05d}.{fmt}"
        else:
            spec = self.spec()
            path = f"{self.folder(spec)}/{spec.doc_type.replace('_', '-')}-{i:05d}.{fmt}"
        data = render.RENDERERS[fmt](spec)
        self.put(path, data)
        self.record(path, spec, data=data)
        self.plain.append(_Written(path, spec, fmt, data))
        del self.plain[:-50]  # dup sources: recent files only, so memory stays flat

    def mail(self, i: int) -> _Mail:
        kind = "internal_note" if self.rng.random() < 0.3 else "correspondence"
        spec = self.spec(kind, self.rng.choice(_MAIL_TEMPLATES[kind]))
        attach: list[tuple[str, bytes, Spec]] = []
        if self.rng.random() < 0.7:
            inner = self.spec(self.rng.choice(_ATTACHED_TYPES))
            fmt = self.rng.choice(("pdf", "docx", "xlsx"))
            name = f"{inner.doc_type.replace('_', '-')}-{i:05d}.{fmt}"
            attach.append((name, render.RENDERERS[fmt](inner), inner))
        elif self.rng.random() < 0.3:  # a phone photo of a signed page
            inner = _one_page(self.spec(self.rng.choice(("contract", "proof_of_execution"))))
            attach.append((f"scan-{i:05d}.jpg", scans.to_jpg(inner), inner))
        if self.shared is None:
            inner = self.spec("invoice")
            self.shared = ("invoice-shared.pdf", render.to_pdf(inner), inner)
        if self.rng.random() < 0.35:
            attach.append(self.shared)  # the same attachment, byte for byte, in several mails
        headers = Mentions()
        data = containers.eml(spec, attach, headers, self.rng, i)
        return _Mail(data, spec, Mentions(headers.items + spec.mentions.items), attach)

    def record_mail(self, path: str, mail: _Mail) -> None:
        self.record(path, mail.spec, data=mail.data, mentions=mail.mentions)
        for name, blob, inner in mail.attach:
            self.record(f"{path}!/{name}", inner, data=blob)

    def put(self, path: str, data: bytes) -> None:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.files.add(path)


def generate(dir: str | Path, *, files: int = 60, seed: int = 7) -> Path:
    """Write ``files`` top-level files into ``dir``; the truth goes to ``<dir>.truth.json``."""
    root = Path(dir)
    root.mkdir(parents=True, exist_ok=True)
    g = _Gen(root, Fakes(seed, scale=files), random.Random(seed))
    for i in range(files):
        _slot(g, i, KINDS[i % len(KINDS)])
    truth = {"seed": seed, "files": len(g.files), "documents": g.docs, **summarize(g.docs)}
    out = root.parent / (root.name + ".truth.json")
    out.write_text(json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return root


def _slot(g: _Gen, i: int, kind: str) -> None:
    if kind in render.RENDERERS:
        g.single(i, kind)
    elif kind == "secrets":
        spec = containers.secrets_note(g.fakes, g.rng)
        path = f"it/deploy-notes-{i:05d}.txt"
        data = render.to_text(spec)
        g.put(path, data)
        g.record(path, spec, data=data)
    elif kind == "eml":
        path = f"mail/{'inbox' if i % 2 else 'sent'}/message-{i:05d}.eml"
        mail = g.mail(i)
        g.put(path, mail.data)
        g.record_mail(path, mail)
    elif kind == "mbox":
        path = f"mail/archive-{i:05d}.mbox"
        mails = [g.mail(i * 10 + k) for k in range(3)]
        data = containers.mbox([m.data for m in mails])
        g.put(path, data)
        g.record(path, None, data=data)
        for k, mail in enumerate(mails):  # children are named as the extractor names them
            g.record_mail(f"{path}!/message-{k + 1}.eml", mail)
    elif kind in ("zip", "targz"):
        members = []
        for k in range(3):
            spec = g.spec()
            fmt = g.rng.choice(("pdf", "docx", "txt", "html"))
            members.append(
                (f"{g.folder(spec)}/{spec.doc_type}-{k}.{fmt}", render.RENDERERS[fmt](spec), spec)
            )
        ext = "zip" if kind == "zip" else "tar.gz"
        path = f"archives/backup-{i:05d}.{ext}"
        data = containers.archive(kind, [(n, d) for n, d, _ in members])
        g.put(path, data)
        g.record(path, None, data=data)
        for name, data, spec in members:
            g.record(f"{path}!/{name}", spec, data=data)
    elif kind == "scan":
        spec = g.spec(g.rng.choice(("contract", "proof_of_execution", "invoice", "sow")))
        path = f"{g.folder(spec)}/scans/{spec.doc_type.replace('_', '-')}-{i:05d}-scan.pdf"
        data = scans.to_scan_pdf(spec)
        g.put(path, data)
        g.record(path, spec, data=data)
    elif kind == "image":
        spec = _one_page(g.spec(g.rng.choice(("invoice", "quote", "resume"))))
        fmt = "png" if (i // len(KINDS)) % 2 else "jpg"
        path = f"{g.folder(spec)}/photos/{spec.doc_type.replace('_', '-')}-{i:05d}.{fmt}"
        data = scans.to_jpg(spec) if fmt == "jpg" else scans.to_png(spec)
        g.put(path, data)
        g.record(path, spec, data=data)
    elif kind in ("xls", "odt"):
        spec = g.spec(g.rng.choice(_SHEET_TYPES) if kind == "xls" else None)
        path = f"old-share/{spec.doc_type.replace('_', '-')}-{i:05d}.{kind}"
        data = legacy.to_xls(spec) if kind == "xls" else legacy.to_odt(spec)
        g.put(path, data)
        g.record(path, spec, data=data)
    elif kind == "doc":
        fixtures = legacy.doc_fixtures()
        name, data, truth = fixtures[(i // len(KINDS)) % len(fixtures)]
        path = f"old-share/{i:05d}-{name}"
        g.put(path, data)
        g.record(
            path,
            None,
            data=data,
            doc_type=truth["doc_type"],
            template=truth["template"],
            mentions=Mentions([(k, v) for k, vs in truth["entities"].items() for v in vs]),
        )
    elif kind == "dup" and g.plain:
        src = g.plain[g.rng.randrange(len(g.plain))]
        path = f"backup/{i:05d}-{src.path.rsplit('/', 1)[-1]}"
        g.put(path, src.data)
        g.record(path, src.spec, data=src.data, dup=src.path)
    elif kind == "near" and g.plain:
        src = g.plain[g.rng.randrange(len(g.plain))]
        spec = copy.deepcopy(src.spec)
        spec.blocks.insert(1, ("para", f"Revision {g.rng.randint(2, 5)} - updated after review."))
        path = src.path.rsplit(".", 1)[0] + f"-v2.{src.fmt}"
        if path in g.files:
            return _slot(g, i, "pdf")
        data = render.RENDERERS[src.fmt](spec)
        g.put(path, data)
        g.record(path, spec, data=data, near=src.path)
    elif kind == "pair" and any(w.fmt == "pdf" for w in g.plain):
        src = next(w for w in reversed(g.plain) if w.fmt == "pdf")
        path = src.path[:-4] + "-source.docx"
        if path in g.files:
            return _slot(g, i, "docx")
        data = render.to_docx(src.spec)
        g.put(path, data)
        g.record(path, src.spec, data=data, dup=src.path)
    else:
        g.single(i, "pdf")


def _one_page(spec: Spec) -> Spec:
    """``spec`` cut to the blocks that fit one printed page (an image shows one page only)."""
    while len(spec.blocks) > 1 and len(scans.pages(spec)) > 1:
        spec.blocks.pop()
    shown = "\n".join(render.lines(spec))
    spec.mentions.items[:] = [(k, v) for k, v in spec.mentions.items if v in shown]
    return spec


__all__ = ["generate"]
