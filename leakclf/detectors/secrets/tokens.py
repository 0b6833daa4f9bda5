"""JSON Web Tokens (header decodes to JSON with ``alg``) and PEM private keys."""

from __future__ import annotations

import base64
import binascii
import json
import re

from leakclf.detectors.base import Pattern
from leakclf.detectors.secrets.common import SecretDetector


class JwtDetector(SecretDetector):
    id = "secret.jwt"
    label = "SECRET_JWT"
    prefix = "eyJ"
    triggers = ("eyj",)
    patterns = (
        Pattern(
            "jwt",
            r"(?<![\w-])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,}(?![\w-])",
            0.9,
            engine="regex",
        ),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        head = value.split(".", 1)[0]
        try:
            header = json.loads(base64.urlsafe_b64decode(head + "=" * (-len(head) % 4)))
        except (ValueError, binascii.Error, UnicodeDecodeError):
            return None
        return ("jwt-header:ok",) if isinstance(header, dict) and "alg" in header else None


class PrivateKeyDetector(SecretDetector):
    id = "secret.private_key"
    label = "SECRET_PRIVATE_KEY"
    specificity = 98
    triggers = ("private key",)
    patterns = (
        Pattern(
            "pem",
            r"-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----"
            r"[\s\S]{16,}?-----END \1-----",
            0.98,
        ),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        return ("pem:ok",)

    def normalise(self, value: str) -> str:
        body = re.sub(r"-----[A-Z ]+-----", "", value)
        return "".join(body.split())

    def preview(self, value: str) -> str:
        return (
            value.split("-----", 2)[1].join(("-----", "----- ****"))
            if value.count("-----") >= 2
            else "****"
        )
