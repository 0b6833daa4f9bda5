"""What ``pip install leakclf`` brings: runtime dependencies (the whole closure) and their size.

    .venv/bin/python benchmarks/bench_install.py --peer /tmp/leakclf-c8bb718

Reads ``[project] dependencies`` from this checkout's pyproject.toml (and the peer's), walks
``Requires-Dist`` of the distributions installed in this environment (extras not asked for are
left out, markers evaluated here), and sums the sizes in each distribution's RECORD: what the
install puts on disk, without installing anything or asking a package index.
"""

from __future__ import annotations

import argparse
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]


def requirements(checkout: Path, extras: tuple[str, ...] = ()) -> list[Requirement]:
    project = tomllib.loads((checkout / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"])
    for extra in extras:
        reqs += project.get("optional-dependencies", {}).get(extra, [])
    return [Requirement(r) for r in reqs]


def closure(roots: list[Requirement]) -> dict[str, metadata.Distribution]:
    """Every distribution the requirements pull in, by canonical name."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [(r, frozenset(r.extras)) for r in roots]
    while todo:
        req, extras = todo.pop()
        env = default_environment()
        if req.marker is not None and not any(
            req.marker.evaluate({**env, "extra": e}) for e in (extras or {""})
        ):
            continue
        name = canonicalize_name(req.name)
        if name == "leakclf":
            continue
        dist = metadata.distribution(req.name)
        new = name not in seen
        seen[name] = dist
        if not new and not req.extras:
            continue
        for raw in dist.requires or ():
            sub = Requirement(raw)
            if sub.marker is None or any(
                sub.marker.evaluate({**env, "extra": e}) for e in (req.extras or {""})
            ):
                todo.append((sub, frozenset(sub.extras)))
    return seen


def size_mb(dists: dict[str, metadata.Distribution]) -> float:
    total = 0
    for dist in dists.values():
        for f in dist.files or ():
            total += f.size or 0
    return total / 1e6


def report(label: str, checkout: Path, extras: tuple[str, ...] = ()) -> None:
    dists = closure(requirements(checkout, extras))
    direct = len(requirements(checkout, extras))
    names = ", ".join(sorted(dists))
    print(
        f"{label}: {direct} declared, {len(dists)} distributions in all, "
        f"{size_mb(dists):.0f} MB installed\n  {names}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--peer", type=Path, help="another leakclf checkout to compare with")
    args = parser.parse_args()
    report("this checkout, pip install leakclf", ROOT)
    report("this checkout, pip install 'leakclf[demo,presidio]'", ROOT, ("demo", "presidio"))
    if args.peer is not None:
        report(f"peer {args.peer}, pip install leakclf", args.peer)


if __name__ == "__main__":
    main()
