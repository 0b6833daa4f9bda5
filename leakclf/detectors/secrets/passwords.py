"""Passwords in key/value or prose context, and database URLs carrying credentials."""

from __future__ import annotations

import re

from leakclf.detectors.base import Pattern
from leakclf.detectors.secrets.common import SecretDetector, is_placeholder

#: Words that follow "password is/was" in prose without being a password.
_PROSE_WORDS = """a above also an attached being below blank case changed correct default different empty
encrypted expired hashed her hidden his incorrect invalid its masked missing my needed not now
only optional our protected required reset same saved sensitive sent set still stored strong
temporary the their too valid weak wrong your"""
_PROSE = frozenset(_PROSE_WORDS.split())


class PasswordDetector(SecretDetector):
    id = "secret.password"
    label = "SECRET_PASSWORD"
    triggers = ("pass", "pwd", "kennwort", "mot de passe", "contraseña")
    patterns = (
        Pattern(
            "password-kv",
            r"(?i)(?<![\w])(?:password|passwd|passwort|passphrase|passcode|pwd|pass|kennwort|"
            r"mot de passe|contraseña|db_pass(?:word)?|[a-z_]*_password)[\"']?\s*(?:[:=]|=>|:=)\s*[\"']?"
            r"([^\s\"',;<>]{4,64})",
            0.8,
            group=1,
        ),
        Pattern(
            "password-prose",
            r"(?i)(?<![\w])(?:password|passcode|passphrase|pwd)\s+(?:is|was|will be|has been set to|set to)\s*[:\"']?\s*"
            r"([^\s\"',;<>]{4,64})",
            0.75,
            group=1,
            engine="regex",
        ),
    )

    def trim(self, value: str) -> str:
        return value.rstrip(".)")

    def validate(self, value: str) -> tuple[str, ...] | None:
        if is_placeholder(value) or value.lower() in _PROSE:
            return None
        return ("value:plausible",)

    def preview(self, value: str) -> str:
        return "********"


class DatabaseUrlDetector(SecretDetector):
    id = "secret.database_url"
    label = "SECRET_DATABASE_URL"
    specificity = 97
    triggers = ("://",)
    patterns = (
        Pattern(
            "db-url",
            r"(?<![\w+])(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|"
            r"sqlserver|oracle|jdbc:[a-z]+|[a-z]+\+[a-z0-9]+)://[^\s:/@\"']+:([^\s@\"']+)@[^\s\"'<>]+",
            0.9,
        ),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        password = re.match(r"[^:]+://[^:]+:([^@]+)@", value)
        if not password or is_placeholder(password.group(1)):
            return None
        return ("credentials:present",)

    def trim(self, value: str) -> str:
        return value.rstrip(".,;:!?)")

    def preview(self, value: str) -> str:
        scheme, _, rest = value.partition("://")
        user, _, host = rest.partition("@")
        return f"{scheme}://{user[:1]}***:****@{host.split('/', 1)[0]}"
