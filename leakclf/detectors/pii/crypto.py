"""CRYPTO: Bitcoin addresses, validated (base58check for legacy, bech32 checksum for bc1)."""

from __future__ import annotations

import hashlib

from leakclf.detectors.base import Detector, Pattern
from leakclf.detectors.masking import mask_secret

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def base58check_ok(addr: str) -> bool:
    num = 0
    for ch in addr:
        num = num * 58 + _B58.index(ch)
    raw = num.to_bytes(25, "big") if num.bit_length() <= 200 else b""
    return (
        len(raw) == 25
        and hashlib.sha256(hashlib.sha256(raw[:21]).digest()).digest()[:4] == raw[21:]
    )


def bech32_ok(addr: str) -> bool:
    hrp, _, data = addr.lower().rpartition("1")
    if not hrp or len(data) < 6 or any(c not in _B32 for c in data):
        return False
    values = (
        [ord(c) >> 5 for c in hrp]
        + [0]
        + [ord(c) & 31 for c in hrp]
        + [_B32.index(c) for c in data]
    )
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i, g in enumerate((0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)):
            chk ^= g if (top >> i) & 1 else 0
    return chk in (1, 0x2BC830A3)  # bech32, bech32m


class BitcoinDetector(Detector):
    id = "pii.crypto"
    label = "CRYPTO"
    specificity = 85
    context = ("bitcoin", "btc", "wallet", "crypto", "address")
    patterns = (
        Pattern(
            "btc-base58", r"(?<![\w])[13][a-km-zA-HJ-NP-Z1-9]{25,34}(?![\w])", 0.8, engine="regex"
        ),
        Pattern("btc-bech32", r"(?<![\w])bc1[ac-hj-np-z02-9]{11,71}(?![\w])", 0.8, engine="regex"),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        ok = bech32_ok(value) if value.startswith("bc1") else base58check_ok(value)
        return ("checksum:ok",) if ok else None

    def preview(self, value: str) -> str:
        return mask_secret(value)
