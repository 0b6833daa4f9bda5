"""Key and credential files: a finding in themselves, even when nothing inside can be read.

``key_file(data, name)`` names what a file is (``"PKCS#12 keystore"``) from its content and,
for binary keystores whose content carries no signature (PKCS#12 is bare DER), its extension.
The extraction records it in ``meta["key_file"]``; the pipeline turns it into one
``SECRET_KEY_FILE`` finding (``leakclf.registry.KEY_FILE_LABEL``). Text files among them
(``.env``, ``.ovpn``, PEM and PuTTY keys) are also read as text, so the secrets in them are
found by the detectors as well. Binary keystores are never opened: leakclf does not guess
their passwords, and their row says so.
"""

from __future__ import annotations

from leakclf.extractors.base import Job

#: Signatures of binary keystores: (offset, bytes, what it is).
_MAGIC = (
    (0, b"\x03\xd9\xa2\x9a\x67\xfb\x4b\xb5", "KeePass 2 database"),
    (0, b"\x03\xd9\xa2\x9a\x65\xfb\x4b\xb5", "KeePass 1 database"),
    (0, b"\xfe\xed\xfe\xed", "Java keystore (JKS)"),
    (0, b"\xce\xce\xce\xce", "Java keystore (JCEKS)"),
)
#: Markers in text: (marker, what it is), checked in the first 64 KiB.
_TEXT = (
    (b"-----BEGIN OPENSSH PRIVATE KEY-----", "OpenSSH private key"),
    (b"-----BEGIN RSA PRIVATE KEY-----", "RSA private key (PEM)"),
    (b"-----BEGIN DSA PRIVATE KEY-----", "DSA private key (PEM)"),
    (b"-----BEGIN EC PRIVATE KEY-----", "EC private key (PEM)"),
    (b"-----BEGIN PRIVATE KEY-----", "private key (PKCS#8 PEM)"),
    (b"-----BEGIN ENCRYPTED PRIVATE KEY-----", "encrypted private key (PKCS#8 PEM)"),
    (b"-----BEGIN PGP PRIVATE KEY BLOCK-----", "PGP private key"),
    (b"PuTTY-User-Key-File-", "PuTTY private key"),
)
#: Extensions that make a file a key file whatever it holds: (extension, what it is).
_EXTENSIONS = {
    "p12": "PKCS#12 keystore",
    "pfx": "PKCS#12 keystore",
    "jks": "Java keystore",
    "keystore": "keystore",
    "kdbx": "KeePass database",
    "kdb": "KeePass database",
    "ppk": "PuTTY private key",
    "ovpn": "OpenVPN profile",
    "env": "environment file (.env)",
}
#: Media types of binary keystores sniffed by content or extension (no text to read).
KEYSTORE = "application/x-keystore"


def key_file(data: bytes, name: str) -> tuple[str, str] | None:
    """What kind of key or credential file ``data`` is and how that is known ("content" or
    "name"), or None."""
    for offset, magic, what in _MAGIC:
        if data[offset : offset + len(magic)] == magic:
            return what, "content"
    head = data[:65536]
    if b"-----BEGIN " in head or b"PuTTY-User-Key-File-" in head:  # two scans, not eight
        for marker, what in _TEXT:
            if marker in head:
                return what, "content"
    base = name.rsplit("/", 1)[-1].lower()
    if base == ".env" or base.startswith(".env."):
        return _EXTENSIONS["env"], "name"
    ext = base.rpartition(".")[2] if "." in base else ""
    return (_EXTENSIONS[ext], "name") if ext in _EXTENSIONS else None


def is_keystore(data: bytes, name: str, binary: bool) -> bool:
    """A binary keystore: a KeePass/JKS signature, or binary content named .p12/.pfx/.jks/..."""
    if any(data[o : o + len(m)] == m for o, m, _ in _MAGIC):
        return True
    ext = name.rsplit("/", 1)[-1].lower().rpartition(".")[2]
    return binary and ext in ("p12", "pfx", "jks", "keystore", "kdbx", "kdb")


def extract_keystore(data: bytes, job: Job) -> None:
    """A binary keystore: no text (its content is encrypted); the key-file finding says why."""
    job.meta["encrypted"] = True
