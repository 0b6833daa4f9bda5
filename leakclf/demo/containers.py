"""Mail, mbox and archive bytes for the demo dump, and the sensitive extras injected into documents."""

from __future__ import annotations

import gzip
import io
import random
import tarfile
import zipfile
from email.message import EmailMessage
from email.policy import SMTP

from leakclf.demo.compose import Spec
from leakclf.demo.fakes import ORG, Fakes, Mentions
from leakclf.demo.render import FIXED_TIME, lines

_MEDIA = {
    "pdf": ("application", "pdf"),
    "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "jpg": ("image", "jpeg"),
}
_EPOCH = 1704164645  # 2024-01-02T03:04:05Z


def add_sensitive(spec: Spec, fakes: Fakes, rng: random.Random) -> None:
    """Append the personal data and secrets a real file of this type tends to carry."""
    m, t = spec.mentions, spec.doc_type
    extra: list[str] = []
    if t == "invoice" and rng.random() < 0.8:
        extra += [
            "Bank details",
            f"IBAN: {m('IBAN_CODE', fakes.iban(rng.choice(('DE', 'FR', 'GB', 'IT', 'NL'))))}",
        ]
    if t == "resume":
        p = rng.choice(fakes.people)
        extra += [f"Contact: {m.email(p, rng.randrange(3))} | {m.phone(p, rng.randrange(2))}"]
        if rng.random() < 0.4:
            extra.append(f"SSN: {m('US_SSN', fakes.ssn())}")
        elif rng.random() < 0.5:
            label, value = fakes.national_id()
            extra.append(f"National ID: {m(label, value)}")
    if t in ("correspondence", "internal_note") and rng.random() < 0.25:
        extra.append(f"Card on file: {m('CREDIT_CARD', fakes.card())}")
    if t in ("other", "correspondence") and rng.random() < 0.2:
        extra.append(f"password: {m('SECRET_PASSWORD', fakes.password())}")
    if t == "other" and rng.random() < 0.3:
        label, value = fakes.secret()
        extra.append(f"token = {m(label, value)}")
    if extra:
        spec.blocks.append(("para", "\n".join(extra)))


def crm_export(fakes: Fakes, rng: random.Random) -> Spec:
    """An internal CRM export: one row per contact with email, phone, risk and sometimes a card."""
    spec = Spec("internal_note", "internal_note-crm")
    m = spec.mentions
    rows = []
    for p in rng.sample(fakes.people, k=min(len(fakes.people), rng.randint(4, 10))):
        card = m("CREDIT_CARD", fakes.card()) if rng.random() < 0.3 else ""
        rows.append(
            [
                m.person(p, inverted=rng.random() < 0.3),
                m(ORG, p.org.name),
                m.email(p, rng.randrange(3)),
                m.phone(p, rng.randrange(2)),
                rng.choice(("High", "Medium", "Low")),
                card,
            ]
        )
    spec.blocks.append(
        ("table", ("Contact", "Account", "Email", "Phone", "Risk Rating", "Card"), rows)
    )
    return spec


def secrets_note(fakes: Fakes, rng: random.Random) -> Spec:
    spec = Spec("other", "other-deploy-notes")
    m = spec.mentions
    text = ["Deployment notes (do not share)"]
    for _ in range(rng.randint(2, 3)):
        label, value = fakes.secret()
        text.append(f"{label.removeprefix('SECRET_').lower()} = {m(label, value)}")
    text.append(f"admin password: {m('SECRET_PASSWORD', fakes.password())}")
    if rng.random() < 0.5:
        text.append(m("SECRET_PRIVATE_KEY", fakes.pem()))
    spec.blocks.append(("para", "\n".join(text)))
    return spec


def eml(
    spec: Spec, attach: list[tuple[str, bytes, Spec]], headers: Mentions, rng: random.Random, n: int
) -> bytes:
    """A mail from the spec's sender to its recipients; header mentions go into ``headers``."""
    msg = EmailMessage(policy=SMTP)
    sender = spec.sender
    if sender is None:
        raise ValueError(f"template {spec.template} has no mail sender")
    msg["From"] = headers.mailbox(sender)
    msg["To"] = ", ".join(headers.mailbox(p) for p in spec.recipients)
    msg["Subject"] = spec.subject or "(no subject)"
    msg["Date"] = f"Tue, {rng.randint(1, 28):02d} Jan 2024 {rng.randint(8, 18):02d}:15:00 +0000"
    msg["Message-ID"] = f"<demo-{n}-{rng.getrandbits(40):x}@{sender.org.domain}>"
    msg.set_content("\n".join(lines(spec)))
    for name, data, _ in attach:
        maintype, subtype = _MEDIA[name.rsplit(".", 1)[-1]]
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    if attach:
        msg.set_boundary(f"==demo-boundary-{n}==")
    return msg.as_bytes()


def mbox(messages: list[bytes]) -> bytes:
    out = []
    for data in messages:
        body = data.replace(b"\r\n", b"\n").replace(b"\nFrom ", b"\n>From ")
        out.append(
            b"From demo@example.invalid Tue Jan  2 03:04:05 2024\n" + body.rstrip(b"\n") + b"\n\n"
        )
    return b"".join(out)


def archive(kind: str, members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members:
                zf.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, zipfile.ZIP_DEFLATED)
        return buf.getvalue()
    with (
        gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), _EPOCH, 0o644
            tar.addfile(info, io.BytesIO(data))
    return buf.getvalue()
