"""leakclf: what is inside a leaked document dump, how sensitive each file is, whose data it exposes.

    >>> import leakclf
    >>> docs = leakclf.extract("dump/mail.eml")          # Document per file, attachment, member
    >>> result = leakclf.analyze_text("card 4111 1111 1111 1111")
    >>> scan = leakclf.scan("dump/", out="results.parquet")
    >>> leakclf.census(scan).summary()

Importing does no work: models load on first use.
"""

from leakclf._version import __version__
from leakclf.api import analyze_text, census, classify, extract, rollup, scan
from leakclf.config import Config, Limits
from leakclf.errors import (
    ConfigError,
    CorruptFile,
    EncryptedFile,
    ExtractionError,
    LeakclfError,
    LimitExceeded,
    ModelError,
    OcrUnavailable,
    OutputError,
    UnsupportedFormat,
)
from leakclf.model import (
    DOC_TYPES,
    LEVELS,
    STATUSES,
    Document,
    DocumentResult,
    Finding,
    Part,
)
from leakclf.pipeline import Pipeline

__all__ = [
    "DOC_TYPES",
    "LEVELS",
    "STATUSES",
    "Config",
    "ConfigError",
    "CorruptFile",
    "Document",
    "DocumentResult",
    "EncryptedFile",
    "ExtractionError",
    "Finding",
    "LeakclfError",
    "LimitExceeded",
    "Limits",
    "ModelError",
    "OcrUnavailable",
    "OutputError",
    "Part",
    "Pipeline",
    "UnsupportedFormat",
    "__version__",
    "analyze_text",
    "census",
    "classify",
    "extract",
    "rollup",
    "scan",
]
