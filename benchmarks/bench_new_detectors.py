"""Precision of the detectors added or changed for issue 14 on generated near-misses.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_new_detectors.py [--n 150] [--seed 14]

For each detector: ``n`` true positives (valid values in the way documents write them, with the
label a document gives them) and ``n`` near-misses of each kind (the same shapes without a label,
failing checksums, order numbers, dates, quantities, cloud account IDs, ...). A prediction of the
detector's label on a near-miss text is a false positive; on a positive text it is a true
positive when it covers the value. Reports precision and recall per detector; the goal is
precision >= 0.95. Values are generated (no real data); phone numbers come from phonenumbers'
example ranges with the last digits varied.
"""

from __future__ import annotations

import argparse
import random
import string
import sys
from collections.abc import Callable

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet

Case = tuple[str, str]  # (text, value expected; "" for a near-miss)


def digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(string.digits) for _ in range(n))


def valid(check: Callable[[str], bool], make: Callable[[], str], want: bool = True) -> str:
    while True:
        v = make()
        if check(v) == want:
            return v


def ein(rng: random.Random, n: int) -> tuple[list[Case], list[Case]]:
    from stdnum.us import ein as mod

    def make() -> str:
        return f"{digits(rng, 2)}-{digits(rng, 7)}"

    pos = [
        (f"{rng.choice(['EIN', 'Employer identification number', 'FEIN'])}: {v}", v)
        for v in (valid(mod.is_valid, make) for _ in range(n))
    ]
    neg = [
        (f"{rng.choice(['Lot', 'Batch', 'Part'])} {valid(mod.is_valid, make)}", "")
        for _ in range(n)
    ]
    neg += [(f"EIN: {valid(mod.is_valid, make, False)}", "") for _ in range(n)]
    return pos, neg


def spaced(v: str, groups: tuple[int, ...]) -> str:
    out, at = [], 0
    for g in groups:
        out.append(v[at : at + g])
        at += g
    return " ".join(out)


def abn(rng: random.Random, n: int) -> tuple[list[Case], list[Case]]:
    from stdnum.au import abn as mod

    def make() -> str:
        return digits(rng, 11)

    pos = [
        (f"ABN {spaced(v, (2, 3, 3, 3))}", spaced(v, (2, 3, 3, 3)))
        for v in (valid(mod.is_valid, make) for _ in range(n))
    ]
    neg = [(f"Ref {spaced(valid(mod.is_valid, make), (2, 3, 3, 3))}", "") for _ in range(n)]
    neg += [(f"ABN {spaced(valid(mod.is_valid, make, False), (2, 3, 3, 3))}", "") for _ in range(n)]
    return pos, neg


def acn(rng: random.Random, n: int) -> tuple[list[Case], list[Case]]:
    from stdnum.au import acn as mod

    def make() -> str:
        return digits(rng, 9)

    pos = [
        (f"ACN {spaced(v, (3, 3, 3))}", spaced(v, (3, 3, 3)))
        for v in (valid(mod.is_valid, make) for _ in range(n))
    ]
    neg = [(f"Order {spaced(valid(mod.is_valid, make), (3, 3, 3))}", "") for _ in range(n)]
    neg += [(f"ACN {spaced(valid(mod.is_valid, make, False), (3, 3, 3))}", "") for _ in range(n)]
    return pos, neg


def gstin(rng: random.Random, n: int) -> tuple[list[Case], list[Case]]:
    from stdnum.in_ import gstin as mod

    def make() -> str:
        letters = "".join(rng.choice(string.ascii_uppercase) for _ in range(5))
        body = f"{rng.randint(1, 37):02d}{letters}{digits(rng, 4)}{rng.choice('ABCDEFGHJ')}1Z"
        return body + rng.choice(string.digits + string.ascii_uppercase)

    pos = [(f"GSTIN: {v}", v) for v in (valid(mod.is_valid, make) for _ in range(n))]
    neg = [(f"GSTIN: {valid(mod.is_valid, make, False)}", "") for _ in range(n)]
    neg += [(f"code {valid(mod.is_valid, make).lower()}", "") for _ in range(n)]
    return pos, neg


def pan(rng: random.Random, n: int) -> tuple[list[Case], list[Case]]:
    def make(fourth: str) -> str:
        head = "".join(rng.choice(string.ascii_uppercase) for _ in range(3))
        return f"{head}{fourth}{rng.choice(string.ascii_uppercase)}{digits(rng, 4)}" + rng.choice(
            string.ascii_uppercase
        )

    pos = [(f"PAN: {v}", v) for v in (make(rng.choice("PCFH")) for _ in range(n))]
    neg = [(f"Part {make('P')}", "") for _ in range(n)]
    neg += [(f"PAN: {make(rng.choice('DEKMNQRSUVWXYZ'))}", "") for _ in range(n)]
    return pos, neg


PHONE_PLACES = {
    "GB": ("Tel", "London"),
    "FR": ("Tél.", "Paris"),
    "DE": ("Telefon", "Berlin"),
    "NL": ("Telefoon", "Amsterdam"),
    "ES": ("Teléfono", "Madrid"),
    "IT": ("Tel.", "Roma"),
    "IN": ("Mobile No.", "Mumbai"),
    "US": ("Phone", "Springfield, IL 62701"),
}


def phone(rng: random.Random, n: int) -> tuple[list[Case], list[Case]]:
    import phonenumbers as pn

    pos: list[Case] = []
    neg: list[Case] = []
    for i in range(n):
        region = list(PHONE_PLACES)[i % len(PHONE_PLACES)]
        label, place = PHONE_PLACES[region]
        kind = pn.PhoneNumberType.MOBILE if region == "IN" else pn.PhoneNumberType.FIXED_LINE
        base = pn.format_number(
            pn.example_number_for_type(region, kind), pn.PhoneNumberFormat.NATIONAL
        )
        national = base[:-2] + digits(rng, 2)
        pos.append((f"{label}: {national}, {place}", national))
        neg.append((f"Ref {national}, {place}", ""))
        neg.append((f"Invoice {national.replace(' ', '')} {place}", ""))
        neg.append(
            (f"{label} {rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.20{digits(rng, 2)}", "")
        )
        neg.append((f"Qty {rng.randint(10, 999)} {digits(rng, 4)} units, {place}", ""))
    return pos, neg


def email(rng: random.Random, n: int) -> tuple[list[Case], list[Case]]:
    def name() -> str:
        return "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 8)))

    pos = [(f"From: {v}", v) for v in (f"{name()}..{name()}@{name()}.com" for _ in range(n))]
    neg = [(f"To: {name()}..{name()}@localhost", "") for _ in range(n)]
    neg += [(f"see {name()}.@{name()}.com", "") for _ in range(n)]
    return pos, neg


def bank(rng: random.Random, n: int) -> tuple[list[Case], list[Case]]:
    pos = []
    for _ in range(n):
        v = digits(rng, rng.randint(8, 14))
        pos.append((f"Bank: First Federal\nChecking account number: {v}", v))
    neg = [(f"AWS account ID {digits(rng, 12)}", "") for _ in range(n)]
    neg += [(f"Bank portal account ID: {digits(rng, 12)}", "") for _ in range(n)]
    neg += [(f"Account number: {digits(rng, 10)}", "") for _ in range(n)]
    neg += [(f"Bank: AWS billing, account number {digits(rng, 12)}", "") for _ in range(n)]
    return pos, neg


DETECTORS = {
    "US_EIN": ein,
    "AU_ABN": abn,
    "AU_ACN": acn,
    "IN_GSTIN": gstin,
    "IN_PAN": pan,
    "PHONE_NUMBER": phone,
    "EMAIL_ADDRESS": email,
    "US_BANK_NUMBER": bank,
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=150, help="positives per detector")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    det = DetectorSet(Config(key=b"k" * 32, reveal=True, detect=DetectConfig(ner=False)))
    worst = 1.0
    print(
        f"{'label':<16}{'positives':>10}{'near-misses':>13}{'TP':>6}{'FP':>6}"
        f"{'precision':>11}{'recall':>8}"
    )
    for label, make in DETECTORS.items():
        pos, neg = make(random.Random(f"{args.seed}-{label}"), args.n)
        tp = fp = 0
        for text, value in pos:
            found = [f for f in det.detect(text).findings if f.label == label]
            tp += any(f.value == value for f in found)
            fp += sum(f.value != value for f in found)
        for text, _ in neg:
            fp += sum(f.label == label for f in det.detect(text).findings)
        precision = tp / (tp + fp) if tp + fp else 1.0
        worst = min(worst, precision)
        print(
            f"{label:<16}{len(pos):>10}{len(neg):>13}{tp:>6}{fp:>6}{precision:>11.3f}"
            f"{tp / len(pos):>8.3f}"
        )
    print(f"lowest precision: {worst:.3f} (goal >= 0.95)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
