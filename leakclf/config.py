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
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from leakclf.errors import ConfigError

MiB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """Per-file safety limits. Hitting one keeps what was safely extracted."""

    max_file_bytes: int = 256 * MiB  # larger files are skipped_limit, never read
    max_depth: int = 10  # nesting of archives / attachments / attached mails
    max_members: int = 10_000  # members per archive
    max_total_uncompressed: int = 1024 * MiB  # bytes unpacked from one top-level file
    max_ratio: float = 200.0  # compressed -> uncompressed ratio per member (zip bombs)
    max_attachments: int = 1_000  # attachments per mail
    max_chars: int = 10_000_000  # characters of text kept per document
    max_pages: int = 5_000  # PDF pages read per document
    time_budget_s: float = 60.0  # wall time per top-level file in a scan worker
    memory_budget_mb: int = 2048  # RSS per scan worker before it is replaced


@dataclass(frozen=True)
class ExtractConfig:
    pdf_engine: str = "pdfium"  # "pdfium" (pypdfium2, fast) or "pdfminer" (pdfminer.six)


@dataclass(frozen=True)
class DetectConfig:
    detectors: tuple[str, ...] | None = None  # ids to run; None = every registered detector
    exclude: tuple[str, ...] = ()  # ids to leave out
    ner: bool = True  # run spaCy NER for PERSON / ORGANIZATION / LOCATION
    ner_max_chars: int = 200_000  # characters of each document NER reads
    spacy_model: str | None = None  # None = best installed en_core_web_* model
    min_confidence: float = 0.4  # findings below this are dropped


@dataclass(frozen=True)
class ClassifyConfig:
    own_domains: tuple[str, ...] = ()  # the data owner's mail domains (internal vs external)
    model: str | None = None  # path to a doc-type model; None = the bundled one


@dataclass(frozen=True)
class ScoreConfig:
    policy: str | None = None  # path to a TOML policy overriding the bundled default


@dataclass(frozen=True)
class CensusConfig:
    near_dup_threshold: float = 0.8  # Jaccard similarity for near-duplicate clusters
    num_perm: int = 64  # MinHash permutations
    shingle_words: int = 5  # words per shingle
    strip_plus_tags: bool = True  # a+tag@x.com counts as a@x.com
    k_threshold: int = 1  # minimum group size in aggregate exports


@dataclass(frozen=True)
class ScanConfig:
    workers: int | None = None  # None = CPU count
    include: tuple[str, ...] = ()  # glob patterns; empty = everything
    exclude: tuple[str, ...] = ()
    queue_size: int = 64  # files in flight at most
    follow_symlinks: bool = False  # never out of the scanned root in any case


@dataclass(frozen=True)
class Config:
    limits: Limits = field(default_factory=Limits)
    extract: ExtractConfig = field(default_factory=ExtractConfig)
    detect: DetectConfig = field(default_factory=DetectConfig)
    classify: ClassifyConfig = field(default_factory=ClassifyConfig)
    score: ScoreConfig = field(default_factory=ScoreConfig)
    census: CensusConfig = field(default_factory=CensusConfig)
    scan: ScanConfig = field(default_factory=ScanConfig)
    key: bytes | None = field(default=None, repr=False)  # digest key; None = per-process random
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
            if name == "reveal":
                kwargs[name] = bool(value)
            elif name == "key":
                kwargs[name] = value.encode() if isinstance(value, str) else value
            else:
                kwargs[name] = _section(getattr(defaults, name), name, value)
        return cls(**kwargs)

    @classmethod
    def from_toml(cls, path: str | Path) -> Config:
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
    known = {f.name: f for f in fields(default)}
    changes: dict[str, Any] = {}
    for key, item in value.items():
        if key not in known:
            raise ConfigError(f"unknown setting {name}.{key}; expected one of {sorted(known)}")
        current = getattr(default, key)
        _check_type(f"{name}.{key}", str(known[key].type), item)
        if isinstance(current, tuple) or (current is None and isinstance(item, list)):
            item = tuple(item)
        changes[key] = item
    return dataclasses.replace(default, **changes)


_SCALARS: dict[str, tuple[type, ...]] = {"int": (int,), "float": (int, float), "str": (str,),
                                         "bool": (bool,)}


def _check_type(setting: str, annotation: str, item: Any) -> None:
    """Reject a value of the wrong type now, not as a TypeError deep inside a scan."""
    base = annotation.split(" | ")[0]
    if item is None:
        ok = "None" in annotation
    elif base.startswith("tuple"):
        ok = isinstance(item, list | tuple) and all(isinstance(x, str) for x in item)
    elif base in _SCALARS:
        ok = isinstance(item, _SCALARS[base]) and (base == "bool" or not isinstance(item, bool))
    else:
        ok = True
    if not ok:
        raise ConfigError(f"setting {setting} must be {annotation}, found {type(item).__name__}; "
                          "fix the config file")


__all__ = [
    "CensusConfig",
    "ClassifyConfig",
    "Config",
    "DetectConfig",
    "ExtractConfig",
    "Limits",
    "ScanConfig",
    "ScoreConfig",
]
