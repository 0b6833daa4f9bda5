"""The ``leakclf`` command: arguments -> Config -> library call -> output.

The only place in leakclf where logging is configured. Exit codes: 0 finished,
1 ``--fail-on`` level reached, 2 usage or config error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from leakclf.config import Config
from leakclf.errors import ConfigError, LeakclfError

log = logging.getLogger("leakclf")


def _config(args: argparse.Namespace) -> Config:
    path = getattr(args, "config", None)
    return Config.from_toml(path) if path else Config()


def _cmd_scan(args: argparse.Namespace) -> int:
    raise NotImplementedError("scan")  # owned by the scan engine


def _cmd_classify(args: argparse.Namespace) -> int:
    raise NotImplementedError("classify")  # owned by the scan engine


def _cmd_demo(args: argparse.Namespace) -> int:
    raise NotImplementedError("demo")  # owned by the demo generator


def _cmd_census(args: argparse.Namespace) -> int:
    raise NotImplementedError("census")  # owned by the census


def _cmd_report(args: argparse.Namespace) -> int:
    raise NotImplementedError("report")  # owned by the report


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leakclf",
        description="What is inside a leaked document dump, how sensitive it is, whose data it exposes.",
    )
    parser.add_argument("-v", "--verbose", action="count", default=0, help="-v info, -vv debug (stderr)")
    parser.add_argument("--version", action="version", version=f"leakclf {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("scan", help="scan a folder, archive or bucket URL")
    p.add_argument("root", help="folder, archive, or fsspec URL (zip://, s3://, az://, memory://)")
    p.add_argument("-o", "--out", help="results file: .parquet, .jsonl or .csv")
    p.add_argument("--workers", type=int, help="worker processes (default: CPU count)")
    p.add_argument("--resume", action="store_true", help="skip files already in --out")
    p.add_argument("--config", help="leakclf.toml")
    p.add_argument("--include", action="append", default=[], metavar="GLOB")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB")
    p.add_argument("--fail-on", choices=["internal", "confidential", "restricted"])
    p.add_argument("--engine", choices=["local", "dask"], default="local")
    p.add_argument("--scheduler", help="dask scheduler address (with --engine dask)")
    p.add_argument("--reveal", action="store_true", help="write raw values into the results (dangerous)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--limit", type=int, help="print at most this many rows in the table")
    p.set_defaults(func=_cmd_scan)

    p = sub.add_parser("classify", help="classify one file")
    p.add_argument("file")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--config", help="leakclf.toml")
    p.add_argument("--reveal", action="store_true", help="show raw values (dangerous)")
    p.set_defaults(func=_cmd_classify)

    p = sub.add_parser("demo", help="generate a fake demo dump with ground truth")
    p.add_argument("dir")
    p.add_argument("--files", type=int, default=60)
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(func=_cmd_demo)

    p = sub.add_parser("census", help="deduplicated exposure census of scan results")
    p.add_argument("results")
    p.add_argument("-o", "--out", help="write census JSON here")
    p.add_argument("--config", help="leakclf.toml")
    p.add_argument("--reveal", action="store_true", help="show raw values (dangerous)")
    p.set_defaults(func=_cmd_census)

    p = sub.add_parser("report", help="self-contained HTML report of scan results")
    p.add_argument("results")
    p.add_argument("-o", "--out", default="report.html")
    p.add_argument("--config", help="leakclf.toml")
    p.set_defaults(func=_cmd_report)
    return parser


def _version() -> str:
    from leakclf import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = {0: logging.WARNING, 1: logging.INFO}.get(args.verbose, logging.DEBUG)
    logging.basicConfig(level=level, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args) or 0)
    except ConfigError as exc:
        print(f"leakclf: {exc}", file=sys.stderr)
        return 2
    except LeakclfError as exc:
        print(f"leakclf: error {exc.code} {exc.kind}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("leakclf: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
