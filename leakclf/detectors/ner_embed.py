"""NER's first layer once per distinct token: the rows of its hash embeddings, kept.

The tok2vec of en_core_web_sm (and of ``leakclf_ner``, built from it) opens with a layer that
reads each token alone (``MultiHashEmbed``): hash embeddings of its NORM, PREFIX, SUFFIX and
SHAPE ids, concatenated, then a maxout and a layer norm. Only the CNN after it looks at the
neighbours. A token's row is therefore a function of its four ids, and most tokens repeat
("the", ",", a newline, the names of every header), so ``install`` makes that layer keep its
rows by those ids and compute only the rows it has not seen (a quarter of the model's CPU
before, on the bench dump's pieces).

A row computed in another batch may differ from the batch's own in the last bits, as any change
of batch size makes it (BLAS tiles the product by the batch's rows); the entities are the
same (``bench_ner_decode.py --embed-cache``). Only a layer of exactly that shape is cached;
other models (static vectors, a shared tok2vec) run as they are.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np

#: Distinct token rows kept (96 float32 each: 12 MB); a full table starts over.
CAPACITY = 32_768
#: The layers of ``MultiHashEmbed`` without static vectors, by name.
_SHAPE = ("extract_features", "list2ragged", "with_array(", "with_array(maxout", "ragged2list")


class EmbedCache:
    """The forward of the embedding layer, with its rows kept by token attribute ids."""

    def __init__(self, layer: Any, capacity: int = CAPACITY) -> None:
        self.layer = layer
        self.forward: Callable[..., Any] = layer._func  # the layer's own forward
        self.capacity = capacity
        self.rows: dict[bytes, int] = {}  # a token's attribute ids -> its row in ``table``
        self.table = np.empty((capacity, layer.get_dim("nO")), dtype="float32")

    def __call__(self, model: Any, docs: list[Any], is_train: bool) -> tuple[Any, Callable]:
        if is_train or not docs:
            return self.forward(model, docs, is_train)
        extract, _, embeds, maxout, _ = model.layers
        ids = extract.predict(docs)  # per doc: (tokens, attributes) uint64
        flat = np.ascontiguousarray(np.concatenate(ids))
        # one bytes key per token: its attribute ids
        width = np.dtype((np.void, flat.shape[1] * flat.itemsize))
        keys: list[bytes] = flat.view(width).ravel().tolist()  # type: ignore[assignment]
        new = [k for k in dict.fromkeys(keys) if k not in self.rows]
        if len(self.rows) + len(new) > self.capacity:
            self.rows.clear()
            new = list(dict.fromkeys(keys))
            if len(new) > self.capacity:
                return self.forward(model, docs, is_train)
        if new:
            start = len(self.rows)
            fresh = np.frombuffer(b"".join(new), dtype=flat.dtype).reshape(len(new), -1)
            self.table[start : start + len(new)] = maxout.layers[0].predict(
                embeds.layers[0].predict(fresh)
            )
            self.rows.update(zip(new, range(start, start + len(new))))
        rows = self.table[np.fromiter(map(self.rows.__getitem__, keys), np.intp, len(keys))]
        out, pos = [], 0
        for doc_ids in ids:
            out.append(rows[pos : pos + len(doc_ids)])
            pos += len(doc_ids)
        return out, _no_backprop


def _no_backprop(d_out: Any) -> Any:
    raise NotImplementedError("the cached embedding layer only predicts")


def embedding_layer(model: Any) -> Any | None:
    """The one per-token embedding layer (``MultiHashEmbed`` without static vectors) in
    ``model``, or None."""
    found = [
        node
        for node in model.walk()
        if len(node.layers) == len(_SHAPE)
        and all(layer.name.startswith(s) for layer, s in zip(node.layers, _SHAPE))
        and "hashembed" in node.layers[2].name
        and "expand_window" not in node.layers[3].name
    ]
    return found[0] if len(found) == 1 else None


def install(nlp: Any, capacity: int = CAPACITY) -> EmbedCache | None:
    """Make the NER's embedding layer keep its rows (see the module); None when ``nlp``'s NER
    has no layer of that shape."""
    if "ner" not in nlp.pipe_names:
        return None
    layer = embedding_layer(nlp.get_pipe("ner").model)
    if layer is None:
        return None
    cache = EmbedCache(layer, capacity)
    layer._func = cache
    return cache


@contextmanager
def bypassed(cache: EmbedCache | None) -> Iterator[None]:
    """The layer's own forward for a while (to compare with it)."""
    if cache is None:
        yield
        return
    cache.layer._func = cache.forward
    try:
        yield
    finally:
        cache.layer._func = cache
