"""Masked previews: enough to recognise a value's shape, never enough to recover it."""

from __future__ import annotations

from leakclf.privacy import mask


def mask_middle(value: str) -> str:
    """First character, stars, nothing else: ``Jane`` -> ``J***``."""
    return mask(value, keep_start=1)


def mask_email(value: str) -> str:
    """``jane.doe@contoso.com`` -> ``j***@contoso.com``."""
    local, _, domain = value.rpartition("@")
    return f"{local[:1]}***@{domain.lower()}"


def mask_digits(value: str, keep_end: int = 4) -> str:
    """Stars for every digit but the last ``keep_end``, separators kept: ``**** **** **** 4242``."""
    total = sum(map(str.isdigit, value))
    seen = 0
    out = []
    for c in value:
        if c.isalnum():
            seen += 1
            out.append(c if seen > total - keep_end and c.isdigit() else "*")
        else:
            out.append(c)
    return "".join(out)


def mask_name(value: str) -> str:
    """``Jane Doe`` -> ``J*** D**``."""
    return " ".join(w[:1] + "*" * (len(w) - 1) for w in value.split())


def mask_secret(value: str, prefix: str = "") -> str:
    """A public type prefix, stars, and at most 4 real characters: ``AKIA************MPLE``."""
    body = value[len(prefix) :] if prefix and value.startswith(prefix) else value
    shown = prefix if value.startswith(prefix) else ""
    if len(body) >= 16:
        return shown + "*" * (len(body) - 4) + body[-4:]
    return shown + "*" * min(len(body), 8)
