"""One exception tree for leakclf. Every error carries a stable ``code``.

    LeakclfError                     base of everything leakclf raises on purpose
    ├── ConfigError                  bad config, policy or argument (CLI exit 2)
    ├── ExtractionError              a file could not be turned into text
    │   ├── CorruptFile              truncated, malformed or not what it claims
    │   ├── EncryptedFile            password-protected; leakclf never guesses passwords
    │   ├── UnsupportedFormat        a format leakclf does not read
    │   ├── LimitExceeded            a configured limit was hit (size, depth, ratio, time, ...)
    │   └── OcrUnavailable           needs OCR, and Tesseract or its language data is missing
    ├── ModelError                   a model or artifact is missing or unreadable
    └── OutputError                  results could not be written (disk full, permissions)

Messages name the file, say what was wrong, and what the user can do. They never
contain a raw value from inside a document.
"""

from __future__ import annotations


class LeakclfError(Exception):
    """Base class. ``code`` is stable across releases; ``kind`` is the class name."""

    code = "E000"

    @property
    def kind(self) -> str:
        return type(self).__name__


class ConfigError(LeakclfError):
    code = "E100"


class ExtractionError(LeakclfError):
    code = "E200"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source


class CorruptFile(ExtractionError):
    code = "E201"


class EncryptedFile(ExtractionError):
    code = "E202"


class UnsupportedFormat(ExtractionError):
    code = "E203"


class LimitExceeded(ExtractionError):
    code = "E204"

    def __init__(self, message: str, *, source: str | None = None, limit: str = "") -> None:
        super().__init__(message, source=source)
        self.limit = limit


class OcrUnavailable(ExtractionError):
    """A scanned page or image that only OCR can read, on a machine without Tesseract."""

    code = "E205"


class ModelError(LeakclfError):
    code = "E300"


class OutputError(LeakclfError):
    code = "E400"


__all__ = [
    "ConfigError",
    "CorruptFile",
    "EncryptedFile",
    "ExtractionError",
    "LeakclfError",
    "LimitExceeded",
    "ModelError",
    "OcrUnavailable",
    "OutputError",
    "UnsupportedFormat",
]
