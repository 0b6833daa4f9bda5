"""Fake people, organisations, identifiers and secrets for the demo dump (seeded, checksum-valid).

Every value is made up: Faker names, random digits that pass Luhn / mod-97 / Verhoeff,
well-formed but useless tokens. ``Mentions`` records each value as it is written.
"""

from __future__ import annotations

import base64
import random
import re
import string
import unicodedata
import zlib
from dataclasses import dataclass, field

import phonenumbers
from faker import Faker
from stdnum import iban as std_iban
from stdnum import luhn, verhoeff
from stdnum.nl import bsn

#: (Faker locale, ccTLD or "com", phone region, IBAN country or None)
LOCALES = (
    ("en_US", "com", "US", None),
    ("de_DE", "de", "DE", "DE"),
    ("fr_FR", "fr", "FR", "FR"),
    ("en_GB", "co.uk", "GB", "GB"),
    ("it_IT", "it", "IT", "IT"),
    ("nl_NL", "nl", "NL", "NL"),
    ("en_IN", "in", "IN", None),
)
_B62 = string.digits + string.ascii_letters


@dataclass(frozen=True)
class Org:
    name: str
    domain: str
    locale: str
    region: str


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    org: Org
    email: str
    phone: str  # E.164
    title: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class Mentions:
    """Every entity written into one document, in order: (label, raw value)."""

    items: list[tuple[str, str]] = field(default_factory=list)

    def __call__(self, label: str, value: str) -> str:
        self.items.append((label, value))
        return value

    def person(self, p: Person, *, inverted: bool = False) -> str:
        return self(PERSON, f"{p.last}, {p.first}" if inverted else p.name)

    def email(self, p: Person, style: int = 0) -> str:
        local, domain = p.email.split("@")
        raw = {1: f"{local.title()}@{domain}", 2: f"{local}+{_TAGS[len(local) % 3]}@{domain}"}
        return self(EMAIL, raw.get(style, p.email))

    def mailbox(self, p: Person) -> str:
        """``Jane Doe <jane.doe@acme.de>``: a person and an email mention."""
        return f"{self.person(p)} <{self(EMAIL, p.email)}>"

    def phone(self, p: Person, style: int = 0) -> str:
        num = phonenumbers.parse(p.phone)
        fmt = (phonenumbers.PhoneNumberFormat.INTERNATIONAL, phonenumbers.PhoneNumberFormat.E164)
        return self(PHONE, phonenumbers.format_number(num, fmt[style % 2]))


PERSON, EMAIL, PHONE, ORG, PROJECT = (
    "PERSON",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "ORGANIZATION",
    "PROJECT",
)
_TAGS = ("billing", "news", "crm")
_SUFFIX = {
    "en_US": "Inc.",
    "de_DE": "GmbH",
    "fr_FR": "SAS",
    "en_GB": "Ltd",
    "it_IT": "S.p.A.",
    "nl_NL": "B.V.",
    "en_IN": "Pvt Ltd",
}
_TITLES = (
    "Account Manager",
    "CFO",
    "Project Manager",
    "Procurement Lead",
    "Head of IT",
    "Sales Director",
    "Legal Counsel",
    "Delivery Lead",
    "Consultant",
    "Controller",
)
PROJECT_NAMES = (
    "Falcon Migration",
    "Blue Harbor",
    "Atlas Rollout",
    "Nimbus Upgrade",
    "Orion Data Lake",
    "Cedar ERP",
    "Polaris Pilot",
    "Granite Security Review",
    "Kestrel CRM",
    "Lumen Analytics",
)


class Fakes:
    """Seeded source of every fake value in one dump."""

    def __init__(self, seed: int, *, scale: int = 60) -> None:
        self.rng = random.Random(seed)
        self.faker = Faker([loc for loc, *_ in LOCALES])
        self.faker.seed_instance(seed)
        self.orgs = [self._org(LOCALES[i % len(LOCALES)]) for i in range(10 + scale // 500)]
        self.owner = self.orgs[0]
        n_people = max(40, min(2000, scale // 5))
        self.people = [self._person(self.orgs[i % len(self.orgs)]) for i in range(n_people)]
        self.projects = [(name, f"PRJ-{2000 + 37 * i}") for i, name in enumerate(PROJECT_NAMES)]
        self._secrets = self.rng.randrange(4)  # secret() rotates through the kinds from here

    def _org(self, loc: tuple[str, str, str, str | None]) -> Org:
        locale, tld, region, _ = loc
        name = self.faker[locale].company()
        if " " not in name:
            name = f"{name} {_SUFFIX[locale]}"
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower().split()[0].split(",")[0]).strip("-")
        slug = (slug or "org") + self.rng.choice(("", "-corp", "-group", "tech"))
        return Org(name, f"{slug}.{tld}", locale, region)

    def _person(self, org: Org) -> Person:
        fk = self.faker[org.locale]
        first, last = fk.first_name(), fk.last_name()
        while not (first + last).isascii() and not _latin1(first + last):
            first, last = fk.first_name(), fk.last_name()
        ascii_name = (
            unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore").decode()
        )
        local = re.sub(r"[^a-z.]", "", ascii_name.lower()) or "contact"
        return Person(
            first,
            last,
            org,
            f"{local}@{org.domain}",
            self.phone(org.region),
            self.rng.choice(_TITLES),
        )

    def members(self, org: Org) -> list[Person]:
        return [p for p in self.people if p.org == org]

    def phone(self, region: str) -> str:
        base = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        if base is None:
            raise ValueError(f"no example mobile number for region {region!r}")
        digits = str(base.national_number)
        while True:
            nat = digits[:-5] + "".join(self.rng.choice(string.digits) for _ in range(5))
            num = phonenumbers.parse(f"+{base.country_code}{nat}")
            if phonenumbers.is_valid_number(num):
                return phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)

    def iban(self, country: str = "DE") -> str:
        bban_len = {"DE": 18, "FR": 23, "GB": 18, "IT": 23, "NL": 14}[country]
        while True:
            if country in ("GB", "NL"):
                bank = "".join(self.rng.choice(string.ascii_uppercase) for _ in range(4))
                bban = bank + self._digits(bban_len - 4)
            elif country == "IT":
                bban = self.rng.choice(string.ascii_uppercase) + self._digits(bban_len - 1)
            else:
                bban = self._digits(bban_len)
            value = country + std_iban.calc_check_digits(country + "00" + bban) + bban
            if std_iban.is_valid(value):
                return " ".join(value[i : i + 4] for i in range(0, len(value), 4))

    def card(self) -> str:
        body = self.rng.choice(("4", "51", "55")) + self._digits(
            13 if self.rng.random() < 0.5 else 14
        )
        body = body[:15]
        num = body + luhn.calc_check_digit(body)
        return " ".join(num[i : i + 4] for i in range(0, 16, 4))

    def ssn(self) -> str:
        area = self.rng.choice([n for n in range(1, 900) if n != 666])
        return f"{area:03d}-{self.rng.randint(1, 99):02d}-{self.rng.randint(1, 9999):04d}"

    def national_id(self) -> tuple[str, str]:
        if self.rng.random() < 0.5:
            while not bsn.is_valid(v := self._digits(9)):
                pass
            return "NL_BSN", v
        body = str(self.rng.randint(2, 9)) + self._digits(10)
        v = body + verhoeff.calc_check_digit(body)
        return "IN_AADHAAR", f"{v[:4]} {v[4:8]} {v[8:]}"

    def secret(self) -> tuple[str, str]:
        """A fake provider secret; successive calls rotate through the four kinds, so a small
        dump still holds every kind."""
        kind, self._secrets = self._secrets % 4, self._secrets + 1
        if kind == 0:
            return "SECRET_AWS_ACCESS_KEY", "AKIA" + self._chars(
                string.ascii_uppercase + "234567", 16
            )
        if kind == 1:
            body = self._chars(_B62, 30)
            crc = zlib.crc32(body.encode())
            tail = ""
            while crc:
                crc, r = divmod(crc, 62)
                tail = _B62[r] + tail
            return "SECRET_GITHUB_TOKEN", "ghp_" + body + tail.rjust(6, "0")
        if kind == 2:
            key = base64.b64encode(self.rng.randbytes(64)).decode()
            return "SECRET_AZURE_STORAGE_KEY", key
        return "SECRET_AWS_SECRET_KEY", self._chars(string.ascii_letters + string.digits + "/+", 40)

    def pem(self) -> str:
        body = base64.b64encode(self.rng.randbytes(600)).decode()
        lines = [body[i : i + 64] for i in range(0, len(body), 64)]
        return "\n".join(
            ["-----BEGIN RSA PRIVATE KEY-----", *lines, "-----END RSA PRIVATE KEY-----"]
        )

    def password(self) -> str:
        return (
            self.rng.choice(("Summer", "Winter", "Falcon", "Admin", "Welcome"))
            + self._chars(string.digits, 4)
            + self.rng.choice("!#$%")
        )

    def _digits(self, n: int) -> str:
        return self._chars(string.digits, n)

    def _chars(self, alphabet: str, n: int) -> str:
        return "".join(self.rng.choice(alphabet) for _ in range(n))


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True
