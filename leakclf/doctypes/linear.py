"""The shipped doc-type model: multinomial logistic regression stored as JSON, run with numpy.

JSON, not pickle: loading a pickle runs code. Layout::

    {"format": "leakclf-doctype-linear/2", "labels": [...], "features": [...],
     "weights": [[w per feature] per label], "bias": [...], "temperature": 2.1, "threshold": 0.55,
     "training": {...}, "metrics": {...}}

``temperature`` divides the logits so that probabilities are calibrated (fitted on grouped
cross-validation, ``training/doctypes/train.py``); ``threshold`` is the confidence below which a
decision is reported as uncertain.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import numpy as np

from leakclf.errors import ModelError

FORMAT = "leakclf-doctype-linear/2"
# Inside the package, so wheels ship it (package-data "data/**/*"); card: models/doctype/MODEL_CARD.md
DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "doctype" / "model.json.gz"


class LinearModel:
    def __init__(
        self,
        labels: list[str],
        features: list[str],
        weights: np.ndarray,
        bias: np.ndarray,
        info: dict[str, Any] | None = None,
        *,
        temperature: float = 1.0,
        threshold: float = 0.5,
    ) -> None:
        self.labels = labels
        self.features = features
        self.index = {f: i for i, f in enumerate(features)}
        self.weights = weights  # (labels, features)
        # (features, labels): one row read per feature
        self.by_feature = np.ascontiguousarray(weights.T)
        self.bias = bias
        self.info = info or {}
        self.temperature = temperature
        self.threshold = threshold

    @classmethod
    def load(cls, path: str | Path | None = None) -> LinearModel:
        p = Path(path) if path else DEFAULT_PATH
        try:
            data = read_json(p)
        except FileNotFoundError:
            raise ModelError(
                f"doc-type model {str(p)!r} not found; rebuild it with "
                "`python -m training.doctypes --seed 0` from the repository root"
            ) from None
        except (OSError, ValueError) as exc:
            raise ModelError(
                f"doc-type model {str(p)!r} is unreadable ({type(exc).__name__}); rebuild it"
            ) from None
        if data.get("format") != FORMAT:
            raise ModelError(
                f"doc-type model {str(p)!r} has format {data.get('format')!r}, expected {FORMAT!r}"
            )
        weights = np.asarray(data["weights"], dtype=np.float64)
        return cls(
            data["labels"],
            data["features"],
            weights,
            np.asarray(data["bias"], dtype=np.float64),
            {k: data.get(k) for k in ("training", "metrics")},
            temperature=float(data["temperature"]),
            threshold=float(data["threshold"]),
        )

    def save(self, path: str | Path) -> None:
        """Write the model; a ``.gz`` path is gzip-compressed with no timestamp (bit for bit)."""
        data = (self.to_json() + "\n").encode("utf-8")
        p = Path(path)
        p.write_bytes(gzip.compress(data, mtime=0) if p.suffix == ".gz" else data)

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": FORMAT,
                "labels": self.labels,
                "features": self.features,
                "weights": [[round(float(w), 5) for w in row] for row in self.weights],
                "bias": [round(float(b), 5) for b in self.bias],
                "temperature": self.temperature,
                "threshold": self.threshold,
                **self.info,
            },
            separators=(",", ":"),
        )

    def predict(self, feats: dict[str, float]) -> tuple[np.ndarray, list[str], np.ndarray]:
        """Calibrated probabilities per label; the known features; their contributions (labels x features)."""
        names, parts = self._parts(feats)
        logits = (self.bias + parts.sum(axis=1)) / self.temperature
        z = np.exp(logits - logits.max())
        return z / z.sum(), names, parts

    def logits(self, feats: dict[str, float]) -> np.ndarray:
        """Raw scores per label, before the temperature (what calibration is fitted on)."""
        return self.bias + self._parts(feats)[1].sum(axis=1)

    def _parts(self, feats: dict[str, float]) -> tuple[list[str], np.ndarray]:
        names = list(filter(self.index.__contains__, feats))
        cols = np.fromiter(map(self.index.__getitem__, names), dtype=np.int64, count=len(names))
        vals = np.fromiter((feats[f] for f in names), dtype=np.float64, count=len(names))
        return names, (self.by_feature[cols] * vals[:, None]).T


def read_json(path: Path) -> dict[str, Any]:
    """A model file's JSON; a ``.gz`` file (the shipped model) is gzip-compressed."""
    raw = path.read_bytes()
    data: dict[str, Any] = json.loads(gzip.decompress(raw) if path.suffix == ".gz" else raw)
    return data
