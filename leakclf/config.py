"""Configuration. Every default is stated once, in a dataclass field below.

The CLI, ``Config.from_toml`` and the docs all read defaults from here.
A TOML file mirrors the sections::

    [limits]
    max_file_bytes = 268435456
    [detect]
    ner_max_chars = 100000
    [classify]
    own_domains = ["contoso.com"]
    [score]
    policy = "my-policy.toml"
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from collections.abc import Hashable
from dataclasses import dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from leakclf.errors import ConfigError

MiB = 1024 * 1024


@dataclass(frozen=True)
class Range:
    """Declared bounds of a numeric setting: ``Annotated[int, Range(ge=1)]``."""

    ge: float | None = None  # at least
    gt: float | None = None  # more than
    le: float | None = None  # at most

    def allows(self, value: float) -> bool:
        if math.isnan(value):
            return False
        return (
            (self.ge is None or value >= self.ge)
            and (self.gt is None or value > self.gt)
            and (self.le is None or value <= self.le)
        )

    def describe(self) -> str:
        parts = [
            f">= {self.ge:g}" if self.ge is not None else "",
            f"> {self.gt:g}" if self.gt is not None else "",
            f"<= {self.le:g}" if self.le is not None else "",
        ]
        return " and ".join(p for p in parts if p)


@dataclass(frozen=True)
class MinLength:
    """Declared minimum length of a str, bytes or tuple setting."""

    n: int
    unit: str = "items"


class Checked:
    """Base of every config section: each field is checked against its declared type on construction.

    The check is generic (``check_fields``): a new field is validated from its annotation alone -
    ``bool``, ``int``, ``float``, ``str``, ``bytes``, ``X | None``, ``tuple[str, ...]``,
    ``Literal[...]`` and ``Annotated[..., Range(...), MinLength(...)]``.
    """

    def __post_init__(self) -> None:
        check_fields(self)


def check_fields(obj: Any) -> None:
    """Check (and normalise: list -> tuple, int -> float) every field of dataclass ``obj``."""
    cls = obj.__class__
    hints = _hints(cls)
    for f in fields(obj):
        value = getattr(obj, f.name)
        fixed = _match(hints[f.name], value)
        if fixed is _NO:
            shown = f"<{len(value)} bytes, hidden>" if isinstance(value, bytes) else repr(value)
            raise ConfigError(
                f"setting {_setting(cls, f.name)} = {shown} is not allowed: expected "
                f"{describe(hints[f.name])}; fix the config file or the argument"
            )
        if fixed is not value:
            object.__setattr__(obj, f.name, fixed)


@cache
def _hints(cls: Hashable) -> dict[str, Any]:
    """Resolved annotations of a config class (cached: resolving costs more than checking)."""
    return typing.get_type_hints(cls, include_extras=True)


def _setting(cls: type, name: str) -> str:
    """``limits.max_depth`` for a section field, ``reveal`` for a top-level one."""
    for f in fields(Config):
        if f.default_factory is cls:
            return f"{f.name}.{name}"
    return name


_NO: Any = object()  # sentinel: the value does not match the hint


def _match(hint: Any, value: Any) -> Any:
    """``value`` (possibly normalised) when it fits ``hint``, else ``_NO``."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Annotated:
        inner = _match(args[0], value)
        if inner is _NO or inner is None:
            return inner
        for rule in args[1:]:
            if isinstance(rule, Range) and not rule.allows(inner):
                return _NO
            if isinstance(rule, MinLength) and len(inner) < rule.n:
                return _NO
        return inner
    if origin in (types.UnionType, typing.Union):
        for arm in args:
            got = _match(arm, value)
            if got is not _NO:
                return got
        return _NO
    if origin is Literal:
        return value if any(type(value) is type(a) and value == a for a in args) else _NO
    if origin is tuple:
        if not isinstance(value, list | tuple):
            return _NO
        items = [_match(args[0], v) for v in value]
        return _NO if any(i is _NO for i in items) else tuple(items)
    if hint is type(None):
        return value if value is None else _NO
    if hint is bool:
        return value if isinstance(value, bool) else _NO
    if hint is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else _NO
    if hint is float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        return float(value) if ok else _NO
    if isinstance(hint, type):
        return value if isinstance(value, hint) else _NO
    raise TypeError(f"config annotation {hint!r} is not supported by the checker")


def describe(hint: Any) -> str:
    """What a setting accepts, in words: ``an integer >= 1``, ``one of 'pdfium', 'pdfminer'``."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Annotated:
        words = describe(args[0])
        for rule in args[1:]:
            if isinstance(rule, Range):
                words += f" {rule.describe()}"
            elif isinstance(rule, MinLength):
                words += f" of at least {rule.n} {rule.unit}"
        return words
    if origin in (types.UnionType, typing.Union):
        return " or ".join(describe(a) for a in args)
    if origin is Literal:
        return "one of " + ", ".join(repr(a) for a in args)
    if origin is tuple:
        return f"a list of {_PLURAL.get(args[0], describe(args[0]))}"
    if hint is type(None):
        return "none (leave it out)"
    return _WORDS.get(hint, f"a {getattr(hint, '__name__', hint)}")


_WORDS = {
    bool: "a boolean (true or false, unquoted)",
    int: "an integer",
    float: "a number",
    str: "a string",
    bytes: "a string",
}
_PLURAL = {str: "strings", int: "integers"}


def setting_type(section: type | None, name: str) -> Any:
    """The declared type of a setting, for the CLI: ``setting_type(ScanConfig, "workers")``."""
    return _hints(section or Config)[name]


def choices(hint: Any) -> tuple[Any, ...] | None:
    """The values of a ``Literal`` setting (inside ``Annotated`` / ``| None``), else None."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is Literal:
        return args
    if origin is Annotated or origin in (types.UnionType, typing.Union):
        for arm in args[: 1 if origin is Annotated else None]:
            found = choices(arm)
            if found:
                return found
    return None


Positive = Range(gt=0)
AtLeast1 = Range(ge=1)
NonNegative = Range(ge=0)
Fraction = Range(ge=0, le=1)

PdfEngine = Literal["pdfium", "pdfminer"]


@dataclass(frozen=True)
class Limits(Checked):
    """Per-file safety limits. Hitting one keeps what was safely extracted."""

    # larger files are skipped_limit, never read
    max_file_bytes: Annotated[int, AtLeast1] = 256 * MiB
    max_depth: Annotated[int, NonNegative] = (
        10  # nesting of archives / attachments / attached mails
    )
    max_members: Annotated[int, NonNegative] = 10_000  # members per archive
    # bytes unpacked from one top-level file
    max_total_uncompressed: Annotated[int, AtLeast1] = 1024 * MiB
    # compressed -> uncompressed ratio per member (zip bombs)
    max_ratio: Annotated[float, Range(ge=1)] = 200.0
    max_attachments: Annotated[int, NonNegative] = 1_000  # attachments per mail
    max_chars: Annotated[int, AtLeast1] = 10_000_000  # characters of text kept per document
    max_pages: Annotated[int, AtLeast1] = 5_000  # PDF pages read per document
    # pixels of one image or rendered page (decompression bombs)
    max_image_pixels: Annotated[int, AtLeast1] = 60_000_000
    # wall time per top-level file in a scan worker (0 reads nothing: every file is skipped_limit)
    time_budget_s: Annotated[float, NonNegative] = 60.0
    # RSS per scan worker before it is replaced
    memory_budget_mb: Annotated[int, Range(ge=64)] = 2048


@dataclass(frozen=True)
class ExtractConfig(Checked):
    pdf_engine: PdfEngine = "pdfium"  # "pdfium" (pypdfium2, fast) or "pdfminer" (pdfminer.six)
    # external readers (antiword, catdoc, tesseract): each run is bounded
    # wall time of one run; also capped by limits.time_budget_s
    tool_timeout_s: Annotated[float, Range(gt=0, le=3600)] = 60.0
    tool_memory_mb: Annotated[int, Range(ge=16, le=65536)] = 1024  # address space (ulimit -v)


#: OCR modes: "auto" reads pages and images that have no text layer, "force" every page and
#: image, "off" none (image-only files are then reported unread).
OcrMode = Literal["auto", "off", "force"]


@dataclass(frozen=True)
class OcrConfig(Checked):
    """Tesseract OCR of scanned pages and images (docs/formats.md, "OCR")."""

    mode: OcrMode = "auto"
    # Tesseract language codes, tried together (each one slows OCR down)
    languages: Annotated[tuple[str, ...], MinLength(1)] = ("eng",)
    dpi: Annotated[int, Range(ge=72, le=600)] = 300  # rendering resolution of PDF pages
    page_timeout_s: Annotated[float, Range(gt=0, le=600)] = 30.0  # wall time, one page or image
    max_pages: Annotated[int, Range(ge=0, le=10_000)] = 50  # pages/images OCR'd per top-level file
    # a PDF page with fewer text-layer characters than this counts as scanned
    min_text_chars: Annotated[int, NonNegative] = 16


@dataclass(frozen=True)
class DetectConfig(Checked):
    detectors: tuple[str, ...] | None = None  # ids to run; None = every registered detector
    exclude: tuple[str, ...] = ()  # ids to leave out
    ner: bool = True  # run spaCy NER for PERSON / ORGANIZATION / LOCATION
    ner_max_chars: Annotated[int, NonNegative] = 200_000  # characters of each document NER reads
    ner_gate: bool = True  # skip lines whose only capitalised words are ordinary words
    # "leakclf_ner" = the NER model the package ships (en_core_web_sm's network, leakclf's labels);
    # or an installed spaCy package name or path; None = best installed en_core_web_* model
    spacy_model: str | None = "leakclf_ner"
    min_confidence: Annotated[float, Fraction] = 0.4  # findings below this are dropped
    # Presidio recognizer YAML files run as detectors (needs the presidio extra)
    presidio_recognizers: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClassifyConfig(Checked):
    own_domains: tuple[str, ...] = ()  # the data owner's mail domains (internal vs external)
    model: str | None = None  # path to a doc-type model; None = the bundled one


@dataclass(frozen=True)
class ScoreConfig(Checked):
    policy: str | None = None  # path to a TOML policy overriding the bundled default


@dataclass(frozen=True)
class CensusConfig(Checked):
    near_dup_threshold: Annotated[float, Fraction] = 0.8  # Jaccard similarity, near-duplicates
    num_perm: Annotated[int, AtLeast1] = 64  # MinHash permutations
    shingle_words: Annotated[int, AtLeast1] = 5  # words per shingle
    strip_plus_tags: bool = True  # a+tag@x.com counts as a@x.com
    k_threshold: Annotated[int, AtLeast1] = 1  # minimum group size in aggregate exports
    # the dump owner's domains, left out of the organisation count (with classify.own_domains)
    own_domains: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScanConfig(Checked):
    # "local": a pool of worker processes on this machine; "dask": a dask.distributed cluster
    engine: Literal["local", "dask"] = "local"
    workers: Annotated[int, AtLeast1] | None = None  # worker processes; None = CPU count
    # glob patterns matched against paths relative to the scanned root; empty = everything
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()  # glob patterns; a file matching one is not listed
    queue_size: Annotated[int, AtLeast1] = 64  # files in flight at most
    batch_files: Annotated[int, AtLeast1] = 24  # small files per worker task (1 = one by one)
    batch_bytes: Annotated[int, AtLeast1] = 1536 * 1024  # bytes per batch at most
    follow_symlinks: bool = False  # never out of the scanned root in any case


KEY_BYTES = 32  # shortest digest key accepted (HMAC-SHA256 key size)


@dataclass(frozen=True)
class Config(Checked):
    limits: Limits = field(default_factory=Limits)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    ocr: OcrConfig = field(default_factory=OcrConfig)
    detect: DetectConfig = field(default_factory=DetectConfig)
    classify: ClassifyConfig = field(default_factory=ClassifyConfig)
    score: ScoreConfig = field(default_factory=ScoreConfig)
    census: CensusConfig = field(default_factory=CensusConfig)
    scan: ScanConfig = field(default_factory=ScanConfig)
    # digest key; None = per-process random
    key: Annotated[bytes, MinLength(KEY_BYTES, "bytes")] | None = field(default=None, repr=False)
    reveal: bool = False  # put raw values into findings (never the default)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Config:
        sections = {f.name: f for f in fields(cls)}
        defaults = cls()
        kwargs: dict[str, Any] = {}
        for name, value in data.items():
            if name not in sections:
                raise ConfigError(
                    f"unknown config section {name!r}; expected one of {sorted(sections)}"
                )
            if name == "key" and isinstance(value, str):
                kwargs[name] = value.encode()
            elif dataclasses.is_dataclass(getattr(defaults, name)):
                kwargs[name] = _section(getattr(defaults, name), name, value)
            else:
                kwargs[name] = value  # checked by __post_init__ against the declared type
        return cls(**kwargs)

    @classmethod
    def from_toml(cls, path: str | Path) -> Config:
        import tomllib  # load time: the TOML parser only when a file is read

        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError(f"config file {str(path)!r} not found; pass an existing TOML file")
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"config file {str(path)!r} is not valid TOML: {exc}")
        return cls.from_dict(data)

    def replace(self, **changes: Any) -> Config:
        return dataclasses.replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for run headers; the key is never included."""
        out = dataclasses.asdict(self)
        out.pop("key", None)
        return out


def _section(default: Any, name: str, value: Any) -> Any:
    if not isinstance(value, dict):
        raise ConfigError(f"config section [{name}] must be a table, found {type(value).__name__}")
    known = {f.name for f in fields(default)}
    for key in value:
        if key not in known:
            raise ConfigError(f"unknown setting {name}.{key}; expected one of {sorted(known)}")
    return dataclasses.replace(default, **value)  # every value is checked on construction


__all__ = [
    "KEY_BYTES",
    "CensusConfig",
    "Checked",
    "ClassifyConfig",
    "Config",
    "DetectConfig",
    "ExtractConfig",
    "Limits",
    "MinLength",
    "OcrConfig",
    "OcrMode",
    "Range",
    "ScanConfig",
    "ScoreConfig",
]
