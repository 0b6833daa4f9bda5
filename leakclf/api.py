"""The public functions. Each imports its machinery on first call, so ``import leakclf`` stays cheap."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leakclf.config import Config
from leakclf.model import Document, DocumentResult

if TYPE_CHECKING:
    import pandas as pd

    from leakclf.census import Census
    from leakclf.pipeline import Pipeline
    from leakclf.scan import Scan


@lru_cache(maxsize=4)
def _pipeline(config: Config) -> Pipeline:
    """One pipeline per config, so repeated calls load models once."""
    from leakclf.pipeline import Pipeline  # load time: the machinery only when called

    return Pipeline(config)


def extract(
    source: str | Path | bytes, *, name: str | None = None, config: Config | None = None
) -> list[Document]:
    """Turn a file (path, or bytes with a ``name``) into its documents: itself, then every child."""
    from leakclf.extractors import extract as _extract  # load time: the machinery only when called

    return _extract(source, name=name, config=config or Config())


def analyze_text(
    text: str, *, reveal: bool = False, config: Config | None = None
) -> DocumentResult:
    """Run every detector, the classifier and the scorer on a string."""
    config = (config or Config()).replace(reveal=reveal)
    return _pipeline(config).analyze_text(text)


def classify(
    source: str | Path | bytes, *, name: str | None = None, config: Config | None = None
) -> list[DocumentResult]:
    """Extract, detect, classify and score one file; one result per document it holds."""
    return _pipeline(config or Config()).process(source, name=name)


def scan(
    root: str | Path,
    *,
    workers: int | None = None,
    resume: str | Path | None = None,
    out: str | Path | None = None,
    engine: str | None = None,
    config: Config | None = None,
    progress: bool = True,
    **options: Any,
) -> Scan:
    """Scan a folder, an archive or an fsspec URL; see ``leakclf.scan.Scan``.

    ``workers`` and ``engine`` override ``config.scan.workers`` / ``config.scan.engine``.
    """
    from leakclf.scan import scan as _scan  # load time: the machinery only when called

    return _scan(
        root,
        workers=workers,
        resume=resume,
        out=out,
        engine=engine,
        config=config,
        progress=progress,
        **options,
    )


def census(source: Any, *, config: Config | None = None, reveal: bool = False) -> Census:
    """The exposure census of a Scan, a results file or a list of DocumentResults."""
    from leakclf.census import census as _census  # load time: the machinery only when called

    return _census(source, config=config, reveal=reveal)


def rollup(results: Any, by: str = "folder", **options: Any) -> pd.DataFrame:
    """Sensitivity rolled up by ``folder``, ``organization`` or ``doc_type``."""
    from leakclf.rollups import rollup as _rollup  # load time: the machinery only when called

    return _rollup(results, by=by, **options)
