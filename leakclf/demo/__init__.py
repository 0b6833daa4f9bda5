"""The fake demo dump generator (also the doc-type training corpus).

generate(dir, files=60, seed=7) -> Path   # dump in dir, truth in <dir>.truth.json
"""

from __future__ import annotations

from leakclf.demo.dump import generate

__all__ = ["generate"]
