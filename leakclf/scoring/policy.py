"""The sensitivity policy: load, validate and look up label weights.

The bundled default is ``leakclf/data/policy.toml`` (documented in docs/policy.md);
``[score] policy = "file.toml"`` replaces it with a complete file in the same format.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from leakclf.errors import ConfigError
from leakclf.model import DOC_TYPES, LEVELS

SECRET_WILDCARD = "SECRET_*"
ANY_WILDCARD = "*"


def known_labels() -> tuple[str, ...]:
    """Every label a detector can emit: the built-ins' (registry) and installed plug-ins'."""
    from leakclf import registry  # load time: the registry lists every extractor and detector

    plugins = {getattr(cls, "label", None) for cls in registry.plugin_detector_classes()}
    return tuple(sorted(set(registry.labels()) | {p for p in plugins if isinstance(p, str)}))


@dataclass(frozen=True)
class Category:
    name: str
    cap: float
    volume: float  # points per doubling of unique values
    labels: dict[str, float]  # label (or wildcard) -> weight


@dataclass(frozen=True)
class Policy:
    version: str
    source: str  # "bundled" or the override path
    confidence_floor: float
    min_confidence: float  # below it a finding is shown but scores nothing
    business_party: float  # share of a label's weight for a business's own contact data
    person_labels: frozenset[str]  # named with a PERSON, these lift a document to person_level
    person_level: str
    person_list: int  # this many distinct identifiers lift a document without a name (0: off)
    unread_level: str  # the level (its lowest score) of a file with no text
    levels: tuple[tuple[str, int], ...]  # (level, lowest score), ascending, public first
    doc_types: dict[str, tuple[int, int]]  # doc_type -> (points, signed points)
    categories: tuple[Category, ...]  # in policy order: the order of ties in reasons

    def lookup(self, label: str) -> tuple[Category, float] | None:
        """The category and weight of ``label``: exact name, then SECRET_*, then *."""
        keys = [label]
        if label.startswith("SECRET_"):
            keys.append(SECRET_WILDCARD)
        keys.append(ANY_WILDCARD)
        for key in keys:
            for cat in self.categories:
                if key in cat.labels:
                    return cat, cat.labels[key]
        return None

    def lowest(self, level: str) -> int:
        """The lowest score of ``level``."""
        return dict(self.levels)[level]

    def level(self, score: int) -> str:
        found = LEVELS[0]
        for name, lowest in self.levels:
            if score >= lowest:
                found = name
        return found


def load_policy(path: str | Path | None = None) -> Policy:
    """Read and validate the bundled policy, or the TOML file at ``path``."""
    if path is None:
        from importlib import resources  # load time: importlib.resources pulls in tempfile, lzma

        text = resources.files("leakclf").joinpath("data/policy.toml").read_text("utf-8")
        where = "bundled"
    else:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(
                f"score policy {str(path)!r} cannot be read ({type(exc).__name__}); "
                "set [score] policy to an existing TOML file"
            ) from None
        where = str(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"score policy {where!r} is not valid TOML: {exc}") from None
    return _parse(data, where)


def _parse(data: dict[str, Any], where: str) -> Policy:
    top = {"version", "confidence_floor", "min_confidence", "levels", "doc_types", "categories"}
    _keys(data, top | {"subject", "rules", "unread"}, "", where)
    floor = _number(data.get("confidence_floor", 0.5), "confidence_floor", where, 0, 1)
    min_conf = _number(data.get("min_confidence", 0.0), "min_confidence", where, 0, 1)
    subject = data.get("subject", {})
    _keys(subject, {"business_party"}, "subject.", where)
    business = _number(subject.get("business_party", 1.0), "subject.business_party", where, 0, 1)
    rules = data.get("rules", {})
    _keys(rules, {"person_identifier"}, "rules.", where)
    person = rules.get("person_identifier", {})
    _keys(person, {"level", "labels", "list"}, "rules.person_identifier.", where)
    person_list = int(_number(person.get("list", 0), "rules.person_identifier.list", where, 0, 1e6))
    person_level = _level_name(person.get("level", LEVELS[-1]), "rules.person_identifier", where)
    person_labels = person.get("labels", [])
    if not isinstance(person_labels, list) or not all(isinstance(x, str) for x in person_labels):
        raise ConfigError(
            f"score policy {where!r}: rules.person_identifier.labels must be a list of labels"
        )
    unread = data.get("unread", {})
    _keys(unread, {"level"}, "unread.", where)
    unread_level = _level_name(unread.get("level", LEVELS[1]), "unread", where)
    if unread_level == LEVELS[0]:
        raise ConfigError(
            f"score policy {where!r}: unread.level cannot be {LEVELS[0]!r}: "
            "a file that was not read is never shown as safe"
        )
    levels = _levels(data.get("levels", {}), where)
    raw_types = data.get("doc_types", {})
    unknown = sorted(set(raw_types) - set(DOC_TYPES))
    if unknown:
        raise ConfigError(
            f"score policy {where!r}: unknown doc type(s) {unknown}; valid: {list(DOC_TYPES)}"
        )
    doc_types: dict[str, tuple[int, int]] = {}
    for name, spec in raw_types.items():
        if isinstance(spec, (int, float)):
            spec = {"points": spec}
        _keys(spec, {"points", "signed"}, f"doc_types.{name}.", where)
        doc_types[name] = (
            int(_number(spec.get("points", 0), f"doc_types.{name}.points", where, 0, 100)),
            int(_number(spec.get("signed", 0), f"doc_types.{name}.signed", where, 0, 100)),
        )
    valid = set(known_labels()) | {SECRET_WILDCARD, ANY_WILDCARD}
    for label in person_labels:
        if label not in valid - {SECRET_WILDCARD, ANY_WILDCARD}:
            raise ConfigError(
                f"score policy {where!r}: unknown label {label!r} in rules.person_identifier; "
                f"valid labels: {', '.join(sorted(valid))}"
            )
    seen: dict[str, str] = {}
    categories = []
    for name, spec in data.get("categories", {}).items():
        _keys(spec, {"cap", "volume", "labels"}, f"categories.{name}.", where)
        labels = {}
        for label, weight in spec.get("labels", {}).items():
            if label not in valid:
                raise ConfigError(
                    f"score policy {where!r}: unknown label {label!r} in [categories.{name}]; "
                    f"valid labels: {', '.join(sorted(valid))}"
                )
            if label in seen:
                raise ConfigError(
                    f"score policy {where!r}: label {label!r} is in both "
                    f"[categories.{seen[label]}] and [categories.{name}]; keep one"
                )
            seen[label] = name
            labels[label] = _number(weight, f"categories.{name}.labels.{label}", where, 0, 100)
        categories.append(
            Category(
                name=name,
                cap=_number(spec.get("cap", 100), f"categories.{name}.cap", where, 0, 100),
                volume=_number(spec.get("volume", 0), f"categories.{name}.volume", where, 0, 100),
                labels=labels,
            )
        )
    return Policy(
        version=str(data.get("version", "unversioned")),
        source=where,
        confidence_floor=floor,
        min_confidence=min_conf,
        business_party=business,
        person_labels=frozenset(person_labels),
        person_level=person_level,
        person_list=person_list,
        unread_level=unread_level,
        levels=levels,
        doc_types=doc_types,
        categories=tuple(categories),
    )


def _levels(raw: Any, where: str) -> tuple[tuple[str, int], ...]:
    if not isinstance(raw, dict):
        raise ConfigError(f"score policy {where!r}: [levels] must be a table")
    _keys(raw, set(LEVELS[1:]), "levels.", where)
    out = [(LEVELS[0], 0)]
    for name in LEVELS[1:]:
        if name not in raw:
            raise ConfigError(f"score policy {where!r}: [levels] needs {name!r} (lowest score)")
        lowest = int(_number(raw[name], f"levels.{name}", where, 1, 100))
        if lowest <= out[-1][1]:
            raise ConfigError(
                f"score policy {where!r}: levels.{name} = {lowest} must be above "
                f"the level below it ({out[-1][0]} = {out[-1][1]})"
            )
        out.append((name, lowest))
    return tuple(out)


def _level_name(value: Any, name: str, where: str) -> str:
    if value not in LEVELS:
        raise ConfigError(
            f"score policy {where!r}: {name}.level must be one of {list(LEVELS)}, found {value!r}"
        )
    return str(value)


def _keys(table: Any, allowed: set[str], prefix: str, where: str) -> None:
    if not isinstance(table, dict):
        raise ConfigError(f"score policy {where!r}: {prefix.rstrip('.') or 'top'} must be a table")
    extra = sorted(set(table) - allowed)
    if extra:
        raise ConfigError(
            f"score policy {where!r}: unknown key(s) {[prefix + k for k in extra]}; "
            f"expected {sorted(prefix + k for k in allowed)}"
        )


def _number(value: Any, name: str, where: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ConfigError(
            f"score policy {where!r}: {name} must be a number from {low} to {high}, found {value!r}"
        )
    return float(value)
