"""The ``leakclf`` command: arguments -> Config -> library call -> output.

The only place in leakclf where logging is configured. Exit codes: 0 finished,
1 ``--fail-on`` level reached, 2 usage, config or output error, 130 interrupted (Ctrl-C).
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import os
import shlex
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from leakclf._version import __version__
from leakclf.config import Config, choices, describe, setting_type
from leakclf.errors import ConfigError, LeakclfError
from leakclf.model import LEVELS

if TYPE_CHECKING:
    from leakclf.scan.console import Tally

log = logging.getLogger("leakclf")

#: Options that set a config value: (flag, section, setting, help, what None means). Their
#: type, choices and the default in ``--help`` come from the setting's declaration in
#: ``leakclf.config``; given on the command line they override ``--config``.
SCAN_SETTINGS = (
    ("--workers", "scan", "workers", "worker processes", "one per CPU"),
    ("--engine", "scan", "engine", "where files are analysed (dask needs the dask extra)", ""),
)
TABLE_ROWS = 50  # rows of the scan table unless --limit says otherwise


def _config(args: argparse.Namespace) -> Config:
    path = getattr(args, "config", None)
    config = Config.from_toml(path) if path else Config()
    if getattr(args, "reveal", False):
        config = config.replace(reveal=True)
    return config


def _add_setting(
    p: argparse.ArgumentParser, flag: str, section: str, name: str, text: str, none_means: str
) -> None:
    cls = type(getattr(Config(), section))
    hint, default = setting_type(cls, name), getattr(cls(), name)
    kinds = choices(hint)
    shown = none_means if default is None else default
    what = "" if kinds else ": " + describe(hint).replace(" or none (leave it out)", "")
    p.add_argument(
        flag,
        dest=_dest(section, name),
        default=None,
        choices=kinds,
        type=_scalar(hint),
        metavar=None if kinds else ("N" if _scalar(hint) in (int, float) else name.upper()),
        help=f"{text}{what} (default: [{section}] {name} in --config, else {shown})",
    )


def _dest(section: str, name: str) -> str:
    return f"setting_{section}_{name}"


def _scalar(hint: Any) -> type:
    kinds = choices(hint)
    if kinds:
        return type(kinds[0])
    words = describe(hint)
    return int if "integer" in words else float if "number" in words else str


def _apply_settings(
    config: Config, args: argparse.Namespace, table: Sequence[tuple[str, str, str, str, str]]
) -> Config:
    """Options given on the command line, checked like any config value."""
    for flag, section, name, _, _ in table:
        value = getattr(args, _dest(section, name), None)
        if value is None:
            continue
        try:
            changed = dataclasses.replace(getattr(config, section), **{name: value})
        except ConfigError as exc:
            raise ConfigError(f"{flag} {value}: {exc}") from None
        config = config.replace(**{section: changed})
    return config


def _warn_reveal(where: str) -> None:
    print(
        f"leakclf: warning: --reveal: raw values go to {where}; treat it like the dump itself",
        file=sys.stderr,
    )


def _cmd_scan(args: argparse.Namespace) -> int:
    from leakclf.rows import format_of  # load time: only what this command needs
    from leakclf.scan import scan  # load time: only what this command needs

    config = _apply_settings(_config(args), args, SCAN_SETTINGS)
    config = config.replace(
        scan=dataclasses.replace(
            config.scan,
            include=config.scan.include + tuple(args.include),
            exclude=config.scan.exclude + tuple(args.exclude),
        )
    )
    if args.resume and not args.out:
        raise ConfigError("--resume needs -o/--out: the results file of the run to resume")
    if args.scheduler and config.scan.engine != "dask":
        raise ConfigError("--scheduler only applies with --engine dask")
    if config.reveal:
        _warn_reveal(f"{args.out} (created 0600)" if args.out else "the printed table")
    result = scan(
        args.root,
        out=args.out,
        resume=args.out if args.resume else None,
        config=config,
        progress=not args.no_progress,
        **({"scheduler": args.scheduler} if args.scheduler else {}),
    )
    from leakclf.scan.console import Tally  # load time: only what this command needs

    tally = Tally(limit=max(args.limit, 0))
    # a Parquet file is written from Arrow tables spooled during the scan, and tallied from
    # its columns; other outputs are tallied as their rows are written instead of read back
    spooled = bool(args.out) and format_of(args.out) == "parquet" and result.engine != "dask"
    try:
        # the finished rows (duplicates marked), as every other view reads them
        result.wait(on_row=None if spooled else tally.add_row)
    except KeyboardInterrupt:
        print(_interrupted(args), file=sys.stderr)
        return 130
    if spooled:
        tally.add_output(args.out)
    return _report_scan(result, tally, args)


def _report_scan(result: Any, tally: Tally, args: argparse.Namespace) -> int:
    if result.already_done is not None:
        print(
            f"nothing to do: {result.already_done:,} files already scanned; results in {args.out}"
        )
    else:
        tally.print(sys.stdout)
        if args.out:
            print(f"\nresults: {args.out}", file=sys.stdout)
    if tally.reached(args.fail_on):
        if tally.unread:
            log.warning(
                "--fail-on %s: %d documents were not read (see 'not read'); "
                "unread documents always fail --fail-on",
                args.fail_on,
                sum(tally.unread.values()),
            )
        else:
            log.warning("--fail-on %s: documents at or above that level were found", args.fail_on)
        return 1
    return 0


def _interrupted(args: argparse.Namespace) -> str:
    if not args.out:
        return "leakclf: interrupted; nothing was kept (no -o/--out): rerun with -o FILE"
    again = ["leakclf", "scan", args.root, "-o", args.out, "--resume"]
    if args.config:
        again += ["--config", args.config]
    return f"leakclf: interrupted; finished files are kept, resume with: {shlex.join(again)}"


def _cmd_classify(args: argparse.Namespace) -> int:
    from pathlib import Path  # load time: only what this command needs

    from leakclf.pipeline import Pipeline  # load time: only what this command needs
    from leakclf.scan.console import print_classify

    config = _config(args)
    paths = [Path(p) for p in args.file]
    for path in paths:
        if not path.is_file():
            raise ConfigError(
                f"{str(path)!r} is not a file; pass files to classify "
                "(`leakclf scan` reads folders)"
            )
    if config.reveal:
        _warn_reveal("standard output")
    names = [p.name for p in paths]
    unique = len(set(names)) == len(names)  # else show the paths as typed
    pipeline = Pipeline(config)  # one pipeline: models load once, on the first file
    results = [
        r for path in paths for r in pipeline.process(path, name=path.name if unique else str(path))
    ]
    print_classify(results, as_json=args.json, out=sys.stdout)
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    try:  # the demo extra, checked before anything is written
        import faker  # noqa: F401
        import fpdf  # noqa: F401
    except ModuleNotFoundError as exc:
        raise ConfigError(
            f"`leakclf demo` needs {exc.name}, which the demo extra installs: "
            "pip install 'leakclf[demo]'"
        ) from None
    from leakclf.demo import generate  # load time: the generator only for this command

    given = {k: getattr(args, k) for k in ("files", "seed") if getattr(args, k) is not None}
    if given.get("files", 1) < 1:
        raise ConfigError(f"--files must be at least 1, found {given['files']}")
    out = generate(args.dir, **given)
    files = sum(1 for p in out.rglob("*") if p.is_file())
    print(
        f"wrote {files} files to {out}/ and the ground truth to "
        f"{out.parent / (out.name + '.truth.json')}"
    )
    return 0


def _cmd_census(args: argparse.Namespace) -> int:
    from leakclf.census import census  # load time: only what this command needs

    result = census(args.results, config=_config(args), reveal=args.reveal)
    print(result.table())
    if args.out:
        result.to_json(args.out)
        log.info("census written to %s", args.out)
    if args.people:
        result.write_people(args.people)
        log.info("notification list written to %s (mode 0600)", args.people)
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from leakclf.report import write_html  # load time: only what this command needs

    if args.reveal:
        _warn_reveal(f"{args.out} (created 0600)")
    path = write_html(args.results, args.out, config=_config(args), reveal=args.reveal)
    print(f"report: {path}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="leakclf",
        description="What is inside a leaked document dump, how sensitive it is, whose data it exposes.",
    )
    parser.add_argument(
        "-v", "--verbose", action="count", default=0, help="-v info, -vv debug (stderr)"
    )
    parser.add_argument("--version", action="version", version=f"leakclf {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("scan", help="scan a folder, archive or bucket URL")
    p.add_argument("root", help="folder, archive, or fsspec URL (zip://, s3://, az://, memory://)")
    p.add_argument("-o", "--out", help="results file: .parquet, .jsonl or .csv")
    for flag, section, name, text, none_means in SCAN_SETTINGS:
        _add_setting(p, flag, section, name, text, none_means)
    p.add_argument("--resume", action="store_true", help="skip files already in --out")
    p.add_argument("--config", help="leakclf.toml")
    p.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="only scan paths (relative to ROOT) matching GLOB; repeatable",
    )
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip paths (relative to ROOT) matching GLOB: 'CVs/', '*.tmp', "
        "'**/drafts/**'; repeatable",
    )
    p.add_argument(
        "--fail-on",
        choices=LEVELS[1:],
        help="exit 1 when a document reaches this level or was not read",
    )
    p.add_argument("--scheduler", help="dask scheduler address (with --engine dask)")
    p.add_argument(
        "--reveal", action="store_true", help="write raw values into the results (dangerous)"
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument(
        "--limit",
        type=int,
        default=TABLE_ROWS,
        help="print at most this many rows in the table (default: %(default)s)",
    )
    p.set_defaults(func=_cmd_scan)

    p = sub.add_parser("classify", help="classify files (one pipeline for all of them)")
    p.add_argument("file", nargs="+", metavar="FILE", help="files to classify")
    p.add_argument("--json", action="store_true", help="JSON output")
    p.add_argument("--config", help="leakclf.toml")
    p.add_argument("--reveal", action="store_true", help="show raw values (dangerous)")
    p.set_defaults(func=_cmd_classify)

    p = sub.add_parser("demo", help="generate a fake demo dump with ground truth")
    p.add_argument("dir")
    p.add_argument("--files", type=int, help="top-level files (default: leakclf.demo.generate's)")
    p.add_argument("--seed", type=int, help="random seed (default: leakclf.demo.generate's)")
    p.set_defaults(func=_cmd_demo)

    p = sub.add_parser("census", help="deduplicated exposure census of scan results")
    p.add_argument("results")
    p.add_argument("-o", "--out", help="write census JSON here")
    p.add_argument(
        "--people",
        metavar="CSV",
        help="write the notification list here: one row per (organisation, person), mode 0600",
    )
    p.add_argument("--config", help="leakclf.toml")
    p.add_argument("--reveal", action="store_true", help="show raw values (dangerous)")
    p.set_defaults(func=_cmd_census)

    p = sub.add_parser("report", help="self-contained HTML report of scan results")
    p.add_argument("results")
    p.add_argument("-o", "--out", default="report.html", help="default: %(default)s")
    p.add_argument("--config", help="leakclf.toml")
    p.add_argument(
        "--reveal",
        action="store_true",
        help="show raw values the results hold (dangerous; the file is made 0600)",
    )
    p.set_defaults(func=_cmd_report)
    return parser


def _version() -> str:
    return __version__


def _configure_logging(verbose: int) -> None:
    """leakclf's own records go to stderr; third-party records are dropped.

    Some libraries log document content (pdfminer logs raw PDF bytes at WARNING), and no
    log line may carry a raw value, so the handler lets only ``leakclf.*`` records through.
    """
    level = {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    root = logging.getLogger()
    for old in [h for h in root.handlers if h.get_name() == "leakclf-cli"]:
        root.removeHandler(old)
    handler = logging.StreamHandler(sys.stderr)
    handler.set_name("leakclf-cli")
    handler.addFilter(logging.Filter("leakclf"))
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    log.setLevel(level)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    try:
        if args.command == "census" and args.reveal:  # every --reveal warns once
            _warn_reveal(f"{args.out} and standard output" if args.out else "standard output")
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # surface a closed pipe here, not at interpreter exit
        return code
    except ConfigError as exc:
        print(f"leakclf: {exc}", file=sys.stderr)
        return 2
    except LeakclfError as exc:
        print(f"leakclf: error {exc.code} {exc.kind}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("leakclf: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `leakclf census ... | head`: the reader left; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
