"""IP_ADDRESS (v4/v6, parsed by ``ipaddress``) and URL (scheme, www., or a common TLD)."""

from __future__ import annotations

import ipaddress

from leakclf.detectors.base import Detector, Pattern

_TLDS = (
    "com|org|net|edu|gov|mil|int|io|co|biz|info|ai|app|dev|cloud|uk|co\\.uk|org\\.uk|de|fr|es|"
    "it|nl|be|ch|at|se|no|dk|fi|ie|pl|pt|eu|us|ca|au|com\\.au|in|sg|jp|cn|br|mx|ru|za|nz"
)


class IpDetector(Detector):
    id = "pii.ip"
    label = "IP_ADDRESS"
    specificity = 58
    context = (
        "ip",
        "ip address",
        "address",
        "host",
        "server",
        "client",
        "gateway",
        "dns",
        "subnet",
        "login",
        "connection",
        "source",
        "remote",
    )
    negative = ("version", "ver", "v", "release", "build", "section", "clause", "oid")
    patterns = (
        Pattern("ipv4", r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)", 0.6, engine="regex"),
        Pattern(
            "ipv6",
            r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){2,7}(?::|[0-9A-Fa-f]{1,4})(?:[0-9A-Fa-f:]*)(?![\w:])",
            0.6,
            engine="regex",
        ),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        try:
            ip = ipaddress.ip_address(value)
        except ValueError:
            return None
        if ip.version == 6 and value.count(":") < 3:
            return None
        return (f"ipv{ip.version}:ok",)

    def normalise(self, value: str) -> str:
        return str(ipaddress.ip_address(value))


class UrlDetector(Detector):
    id = "pii.url"
    label = "URL"
    specificity = 40
    triggers = ("http", "ftp", "www.", *(f".{t}" for t in _TLDS.replace("\\", "").split("|")))
    context = ("url", "link", "website", "site", "web", "visit", "http", "portal", "login")
    patterns = (
        Pattern(
            "scheme", r"(?<![\w])(?:https?|ftp|sftp)://[^\s<>\"'`\])}]+", 0.7, 0, engine="regex"
        ),
        Pattern(
            "www",
            r"(?<![\w.@/])www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/[^\s<>\"'`\])}]*)?",
            0.65,
            engine="regex",
        ),
        Pattern(
            "domain",
            r"(?<![\w.@/-])[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})*\.(?:"
            + _TLDS
            + r")(?:/[^\s<>\"'`\])}]*)?(?![\w@-])",
            0.5,
        ),
    )

    def trim(self, value: str) -> str:
        return value.rstrip(".,;:!?")

    def validate(self, value: str) -> tuple[str, ...] | None:
        host = _host(value)
        if "." not in host or host.replace(".", "").isdigit() and "://" not in value:
            return None
        return ()

    def normalise(self, value: str) -> str:
        return value.rstrip(".,;:!?/")

    def preview(self, value: str) -> str:
        host = _host(value)
        return f"{host}/***" if len(value) > len(host) + 10 else host

    def facets(self, value: str, normalised: str) -> tuple[tuple[str, str], ...]:
        from leakclf.domains import registrable_domain  # load time: only when used

        return (("domain", registrable_domain(_host(value))),)


def _host(url: str) -> str:
    rest = url.split("://", 1)[-1]
    host = rest.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    return host.rsplit("@", 1)[-1].split(":", 1)[0].lower()
