import subprocess
import sys

import leakclf

EXPECTED = [
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


def test_all_is_pinned():
    assert sorted(leakclf.__all__) == sorted(EXPECTED)
    for name in leakclf.__all__:
        assert hasattr(leakclf, name), name


def test_import_is_cheap():
    """Importing leakclf must not pull in spaCy, presidio or pandas."""
    code = (
        "import sys, leakclf; heavy = [m for m in ('spacy', 'presidio_analyzer', 'pandas', 'pypdfium2')"
        " if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_building_a_pipeline_loads_no_model():
    """A scan's driver builds a Pipeline to check its config: that must not import spaCy."""
    code = (
        "import sys; from leakclf.config import Config; from leakclf.pipeline import Pipeline;"
        " Pipeline(Config()); print('spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
