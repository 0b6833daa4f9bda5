"""The shipped doc-type model: multinomial logistic regression stored as numpy arrays, run with numpy.

A zip of ``.npy`` members that ``numpy.load`` reads with ``allow_pickle=False`` (loading a pickle
runs code), written with a fixed member order and fixed zip timestamps so that a rebuild is bit for
bit. Members, in this order::

    meta.npy      uint8: UTF-8 JSON {"format": "leakclf-doctype-linear/3", "labels": [...],
                  "scale": 100000, "temperature": 0.7, "threshold": 0.5, "training": {...},
                  "metrics": {...}}
    features.npy  uint8: the feature names in UTF-8, one per line (no name holds a line break)
    weights.npy   int32 (labels, features): each weight rounded to 5 decimals, times ``scale``
    bias.npy      int32 (labels,): the same for the intercepts

Integers, not float64: a weight rounded to 5 decimals is exactly ``k / scale`` (the same double a
JSON number ``0.12345`` reads as), in half the bytes. The members are stored, not deflated: the
file is 3.3 MB and loads in half the CPU time of a deflated one (a wheel compresses it anyway). ``temperature`` divides the
logits so that probabilities are calibrated (fitted on grouped cross-validation,
``training/doctypes/train.py``); ``threshold`` is the confidence below which a decision is
reported as uncertain.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from leakclf.errors import ModelError

FORMAT = "leakclf-doctype-linear/3"
SCALE = 100_000  # weights are stored rounded to 5 decimals, as integers
# Inside the package, so wheels ship it (package-data "data/**/*"); card: models/doctype/MODEL_CARD.md
DEFAULT_PATH = Path(__file__).resolve().parents[1] / "data" / "doctype" / "model.npz"
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest zip timestamp: members carry no build time


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
            arrays = read_arrays(p)
            meta = json.loads(arrays["meta"].tobytes())
            found = meta.get("format") if isinstance(meta, dict) else None
            if found != FORMAT:
                raise ModelError(
                    f"doc-type model {str(p)!r} has format {found!r}, expected {FORMAT!r}; "
                    "rebuild it with `python -m training.doctypes --seed 0`"
                )
            scale = float(meta["scale"])
            return cls(
                meta["labels"],
                arrays["features"].tobytes().decode("utf-8").split("\n"),
                arrays["weights"] / scale,
                arrays["bias"] / scale,
                {k: meta.get(k) for k in ("training", "metrics")},
                temperature=float(meta["temperature"]),
                threshold=float(meta["threshold"]),
            )
        except FileNotFoundError:
            raise ModelError(
                f"doc-type model {str(p)!r} not found; rebuild it with "
                "`python -m training.doctypes --seed 0` from the repository root"
            ) from None
        except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as exc:
            raise ModelError(
                f"doc-type model {str(p)!r} is unreadable ({type(exc).__name__}); rebuild it"
            ) from None

    def save(self, path: str | Path) -> None:
        """Write the model file (bit for bit: the same model gives the same bytes)."""
        Path(path).write_bytes(self.to_bytes())

    def to_bytes(self) -> bytes:
        """The model file's bytes: a zip of ``.npy`` members in a fixed order with fixed timestamps."""
        if any("\n" in f for f in self.features):
            raise ValueError("a feature name holds a line break; the model file lists one per line")
        meta = {
            "format": FORMAT,
            "labels": self.labels,
            "scale": SCALE,
            "temperature": self.temperature,
            "threshold": self.threshold,
            **self.info,
        }
        members = {
            "meta": _utf8(json.dumps(meta, separators=(",", ":"))),
            "features": _utf8("\n".join(self.features)),
            "weights": _scaled(self.weights),
            "bias": _scaled(self.bias),
        }
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for name, array in members.items():
                npy = io.BytesIO()
                np.lib.format.write_array(npy, array, allow_pickle=False)
                info = zipfile.ZipInfo(f"{name}.npy", date_time=_EPOCH)
                info.compress_type = zipfile.ZIP_STORED  # read faster than deflated (3.3 MB)
                info.create_system = 3  # the same bytes on every platform
                info.external_attr = 0o644 << 16
                z.writestr(info, npy.getvalue())
        return buf.getvalue()

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


def read_arrays(path: Path) -> dict[str, np.ndarray]:
    """A model file's members by name, read by numpy without pickle."""
    with path.open("rb") as fh:  # ours to close, also when numpy finds a broken zip
        npz = np.load(fh, allow_pickle=False)
        if isinstance(npz, np.lib.npyio.NpzFile):
            with npz:
                return {name: npz[name] for name in npz.files}
    raise ValueError("a single .npy array, not a zip of .npy members")


def read_meta(path: Path) -> dict[str, Any]:
    """A model file's metadata: format, labels, temperature, threshold, training recipe, metrics."""
    meta: dict[str, Any] = json.loads(read_arrays(path)["meta"].tobytes())
    return meta


def _utf8(text: str) -> np.ndarray:
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _scaled(values: np.ndarray) -> np.ndarray:
    # Python's round() (decimal, correctly rounded) as the JSON files of format /2 did, then exact
    rounded = np.array([round(float(v), 5) for v in np.ravel(values)], dtype=np.float64)
    if rounded.size and np.abs(rounded).max() * SCALE >= 2**31:
        raise ValueError("a weight is too large for the model file's int32 arrays")
    return np.rint(rounded * SCALE).astype(np.int32).reshape(np.shape(values))
