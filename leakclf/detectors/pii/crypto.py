"""CRYPTO: Bitcoin addresses, validated by python-stdnum (base58check, bech32) and bech32m here."""

from __future__ import annotations

from stdnum import bitcoin

from leakclf.detectors.base import Detector, Pattern
from leakclf.detectors.masking import mask_secret

_B32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
#: BIP 350 checksum constant of segwit version 1+ (taproot); python-stdnum knows bech32 only.
_BECH32M = 0x2BC830A3
_HRP = [ord(c) >> 5 for c in "bc"] + [0] + [ord(c) & 31 for c in "bc"]


def address_ok(addr: str) -> bool:
    return bitcoin.is_valid(addr) or (addr[:3].lower() == "bc1" and _bech32m_ok(addr.lower()))


def _bech32m_ok(addr: str) -> bool:
    data = addr[3:]
    if not 11 <= len(addr) <= 90 or any(c not in _B32 for c in data):
        return False
    values = [_B32.index(c) for c in data]
    return 1 <= values[0] <= 16 and bitcoin.bech32_checksum(_HRP + values) == _BECH32M


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
        return ("checksum:ok",) if address_ok(value) else None

    def preview(self, value: str) -> str:
        return mask_secret(value)
