"""Generated test values: valid and checksum-failing identifiers, fake secrets. No real data."""

from __future__ import annotations

import base64
import importlib
import json
import random
import string
from collections.abc import Callable, Iterator

from stdnum.luhn import is_valid as luhn_ok

from leakclf.detectors.pii.bank import aba_ok


def numbers(prefix: str, width: int, start: int = 0) -> Iterator[str]:
    for i in range(start, start + 10 ** (width - len(prefix))):
        yield f"{prefix}{i:0{width - len(prefix)}d}"


def pick(ok: Callable[[str], bool], it: Iterator[str], n: int = 3, want: bool = True) -> list[str]:
    out = []
    for value in it:
        if ok(value) == want:
            out.append(value)
            if len(out) == n:
                break
    return out


def stdnum_ok(module: str) -> Callable[[str], bool]:
    mod = importlib.import_module(module)
    return lambda v: bool(mod.is_valid(v))


def cards(prefix: str, width: int = 16, want: bool = True, n: int = 3) -> list[str]:
    return pick(luhn_ok, numbers(prefix, width, 123457), n, want)


def aba(want: bool = True, n: int = 3) -> list[str]:
    return pick(aba_ok, numbers("0210", 9, 1234), n, want)


def spaced(value: str, groups: tuple[int, ...], sep: str = " ") -> str:
    out, pos = [], 0
    for g in groups:
        out.append(value[pos : pos + g])
        pos += g
    return sep.join(out)


def token(alphabet: str, n: int, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


ALNUM = string.ascii_letters + string.digits
B64 = ALNUM + "+/"


def aws_key_id(seed: int) -> str:
    return "AKIA" + token(string.ascii_uppercase + "234567", 16, seed)


def jwt(seed: int, header: dict[str, str] | None = None) -> str:
    def enc(obj: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")

    head = header if header is not None else {"alg": "HS256", "typ": "JWT"}
    return f"{enc(head)}.{enc({'sub': str(seed), 'name': 'test'})}.{token(ALNUM + '-_', 43, seed)}"
