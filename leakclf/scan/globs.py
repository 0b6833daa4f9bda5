"""``scan.include`` / ``scan.exclude``: gitignore-like globs over paths relative to the root.

    *.tmp           a name at any depth (no "/" in the pattern): files, or folders and all
                    they hold
    CVs/            a folder named CVs at any depth (trailing "/": folders only)
    CVs/*           anchored at the root (a "/" inside): what ROOT/CVs holds, at any depth
    /notes.txt      anchored at the root (leading "/")
    **/drafts/**    "**" spans any number of folders, none included

``*`` and ``?`` never match "/"; ``[abc]`` and ``[!abc]`` are character classes. A pattern that
matches a folder matches every file below it. Matching is case-sensitive.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Glob:
    pattern: str
    regex: re.Pattern[str]
    folders_only: bool

    @classmethod
    def parse(cls, pattern: str) -> Glob:
        body = pattern.strip()
        folders_only = body.endswith("/")
        body = body.rstrip("/")
        anchored = "/" in body
        body = body.lstrip("/")
        prefix = "" if anchored else "(?:.*/)?"
        return cls(pattern, re.compile(prefix + _translate(body)), folders_only)

    def matches(self, rel: str) -> bool:
        """True if ``rel`` (a file's path relative to the root) or a folder above it matches."""
        parts = rel.split("/")
        for i in range(1, len(parts) + 1):
            if i == len(parts) and self.folders_only:
                return False
            if self.regex.fullmatch("/".join(parts[:i])):
                return True
        return False


def _translate(body: str) -> str:
    out, i = [], 0
    while i < len(body):
        c = body[i]
        if body.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif body.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        elif c == "?":
            out.append("[^/]")
            i += 1
        elif c == "[" and _class_end(body, i) > 0:
            end = _class_end(body, i)
            inner = body[i + 1 : end].replace("\\", "\\\\")
            out.append("[^/" + inner[1:] + "]" if inner.startswith("!") else "[" + inner + "]")
            i = end + 1
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


def _class_end(body: str, start: int) -> int:
    """Index of the "]" closing the class that opens at ``start``, or -1."""
    j = start + 1
    if body[j : j + 1] == "!":
        j += 1
    if body[j : j + 1] == "]":  # a literal "]" first in the class
        j += 1
    return body.find("]", j)


@dataclass
class PathFilter:
    """Which paths a scan lists; remembers which patterns matched something."""

    include: tuple[Glob, ...]
    exclude: tuple[Glob, ...]
    hits: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, include: tuple[str, ...], exclude: tuple[str, ...]) -> PathFilter:
        return cls(tuple(map(Glob.parse, include)), tuple(map(Glob.parse, exclude)))

    def wanted(self, rel: str) -> bool:
        if self.include:
            found = [g.pattern for g in self.include if g.matches(rel)]
            self.hits.update(found)
            if not found:
                return False
        excluded = [g.pattern for g in self.exclude if g.matches(rel)]
        self.hits.update(excluded)
        return not excluded

    def unmatched(self) -> list[tuple[str, str]]:
        """(option, pattern) for every pattern that matched no path."""
        return [
            (kind, g.pattern)
            for kind, globs in (("include", self.include), ("exclude", self.exclude))
            for g in globs
            if g.pattern not in self.hits
        ]
