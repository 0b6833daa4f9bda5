"""The ``leakclf`` command: arguments -> Config -> library call -> output.

The only place in leakclf where logging is configured. Exit codes: 0 finished,
1 ``--fail-on`` level reached, 2 usage or config error.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from leakclf._version import __version__
from leakclf.config import Config
from leakclf.errors import ConfigError, LeakclfError

log = logging.getLogger("leakclf")


def _config(args: argparse.Namespace) -> Config:
    path = getattr(args, "config", None)
    return Config.from_toml(path) if path else Config()


def _cmd_scan(args: argparse.Namespace) -> int:
    import dataclasses

    from leakclf.scan import scan
    from leakclf.scan.console import Tally

    config = _config(args)
    config = config.replace(
        reveal=config.reveal or args.reveal,
        scan=dataclasses.replace(
            config.scan,
            include=config.scan.include + tuple(args.include),
            exclude=config.scan.exclude + tuple(args.exclude),
        ),
    )
    if args.resume and not args.out:
        raise ConfigError("--resume needs -o/--out: the results file of the run to resume")
    if args.scheduler and args.engine != "dask":
        raise ConfigError("--scheduler only applies with --engine dask")
    if args.workers is not None and args.workers < 1:
        raise ConfigError(f"--workers must be at least 1, found {args.workers}")
    result = scan(
        args.root,
        workers=args.workers,
        out=args.out,
        resume=args.out if args.resume else None,
        engine=args.engine,
        config=config,
        progress=not args.no_progress,
        **({"scheduler": args.scheduler} if args.scheduler else {}),
    )
    tally = Tally(limit=50 if args.limit is None else max(args.limit, 0))
    for row in result:
        tally.add(row)
    if tally.files == 0 and result.out is not None and result.out.exists():
        for row in result:  # a resumed run with nothing left to do: report what the file holds
            tally.add(row)
    tally.print(sys.stdout)
    if args.out:
        print(f"\nresults: {args.out}", file=sys.stdout)
    if tally.reached(args.fail_on):
        if tally.unread:
            log.warning("--fail-on %s: %d documents were not read (see 'not read'); "
                        "unread documents always fail --fail-on", args.fail_on,
                        sum(tally.unread.values()))
        else:
            log.warning("--fail-on %s: documents at or above that level were found",
                        args.fail_on)
        return 1
    return 0


def _cmd_classify(args: argparse.Namespace) -> int:
    from pathlib import Path

    from leakclf.pipeline import Pipeline
    from leakclf.scan.console import print_classify

    config = _config(args)
    config = config.replace(reveal=config.reveal or args.reveal)
    path = Path(args.file)
    if not path.is_file():
        raise ConfigError(f"{args.file!r} is not a file; pass one file to classify")
    results = Pipeline(config).process(path, name=path.name)
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

    if args.files < 1:
        raise ConfigError(f"--files must be at least 1, found {args.files}")
    out = generate(args.dir, files=args.files, seed=args.seed)
    print(
        f"wrote {args.files} files to {out}/ and the ground truth to {out.parent / (out.name + '.truth.json')}"
    )
    return 0


def _cmd_census(args: argparse.Namespace) -> int:
    from leakclf.census import census

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
    from leakclf.report import write_html

    path = write_html(args.results, args.out, config=_config(args))
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
    p.add_argument("--workers", type=int, help="worker processes (default: CPU count)")
    p.add_argument("--resume", action="store_true", help="skip files already in --out")
    p.add_argument("--config", help="leakclf.toml")
    p.add_argument("--include", action="append", default=[], metavar="GLOB")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB")
    p.add_argument("--fail-on", choices=["internal", "confidential", "restricted"],
                   help="exit 1 when a document reaches LEVEL or was not read")
    p.add_argument("--engine", choices=["local", "dask"], default="local")
    p.add_argument("--scheduler", help="dask scheduler address (with --engine dask)")
    p.add_argument(
        "--reveal", action="store_true", help="write raw values into the results (dangerous)"
    )
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
    p.add_argument("-o", "--out", default="report.html")
    p.add_argument("--config", help="leakclf.toml")
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
