"""Duplicate documents: the same bytes, the same normalised text, and near-duplicate clusters.

Near duplicates use the MinHash signatures stored at scan time: one LSH index over the
distinct texts (datasketch MinHashLSH), candidate pairs confirmed by their estimated
Jaccard similarity, then union-find. Cost is near-linear in the number of documents: a text
almost identical to one already indexed (``copy_similarity``) joins its cluster but is not
indexed itself, so 10,000 fills of one template cost 10,000 lookups, not 50 million pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHashLSH

from leakclf.errors import ConfigError
from leakclf.model import DocumentResult
from leakclf.signatures import minhash


@dataclass(frozen=True)
class Dedup:
    """Per-document group ids (index into ``results``) and the headline counts."""

    byte_group: tuple[int, ...]  # index of the first document with the same bytes
    text_group: tuple[int, ...]  # ... with the same normalised text (else byte group)
    cluster: tuple[int, ...]  # near-duplicate cluster id, 0..n_clusters-1, in document order
    files: int  # top-level files (rows without a parent), as ``leakclf.counts`` counts them
    documents: int  # every row: files, attachments and archive members
    unique_bytes: int
    unique_text: int
    clusters: int  # documents once near duplicates are merged
    near_dup_clusters: int  # clusters holding two or more distinct texts


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:  # path compression
            self.parent[i], i = root, self.parent[i]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)  # the earliest document names the group


def deduplicate(results: Sequence[DocumentResult], threshold: float) -> Dedup:
    if not 0.0 < threshold <= 1.0:
        raise ConfigError(
            f"census.near_dup_threshold must be above 0 and at most 1, found {threshold!r}"
        )
    n = len(results)
    byte_group = _first_of([r.sha256 or None for r in results])
    text_group = _first_of([r.text_sha256 for r in results], fallback=byte_group)
    uf = _UnionFind(n)
    for i, g in enumerate(text_group):
        uf.union(i, g)
    # One signature per distinct text; texts with different signature lengths are not compared.
    reps = [i for i in range(n) if text_group[i] == i and results[i].minhash]
    by_perm: dict[int, list[int]] = {}
    for i in reps:
        by_perm.setdefault(len(results[i].minhash or ()), []).append(i)
    copy = copy_similarity(threshold)
    for num_perm, members in by_perm.items():
        if len(members) < 2:
            continue
        lsh = _lsh(threshold, num_perm)
        sigs = {i: minhash(results[i].minhash or ()) for i in members}
        values = {i: np.asarray(results[i].minhash, dtype=np.uint64) for i in members}
        for i in members:
            is_copy = False
            for j in lsh.query(sigs[i]):
                # LSH gives candidates; keep pairs whose estimated Jaccard reaches the threshold
                same = int(np.count_nonzero(values[i] == values[j]))
                if same >= threshold * num_perm:
                    uf.union(i, j)
                    is_copy = is_copy or same >= copy * num_perm
            if not is_copy:
                lsh.insert(i, sigs[i])
    roots = [uf.find(i) for i in range(n)]
    ids: dict[int, int] = {}
    cluster = tuple(ids.setdefault(root, len(ids)) for root in roots)
    texts_per_cluster: dict[int, int] = {}
    for i in range(n):
        if text_group[i] == i:
            texts_per_cluster[cluster[i]] = texts_per_cluster.get(cluster[i], 0) + 1
    return Dedup(
        byte_group=byte_group,
        text_group=text_group,
        cluster=cluster,
        files=sum(1 for r in results if r.parent is None),
        documents=n,
        unique_bytes=sum(1 for i, g in enumerate(byte_group) if g == i),
        unique_text=sum(1 for i, g in enumerate(text_group) if g == i),
        clusters=len(ids),
        near_dup_clusters=sum(1 for c in texts_per_cluster.values() if c > 1),
    )


def copy_similarity(threshold: float) -> float:
    """Similarity above which a text adds no reach to the cluster it joins (not indexed).

    A quarter of the threshold's distance: by the triangle inequality of Jaccard distance, a
    later text within the threshold of the unindexed one is within 1.25x of it from the
    indexed one, so chains of revisions still link unless each step sits at the very edge.
    """
    return 1.0 - (1.0 - threshold) / 4


def _lsh(threshold: float, num_perm: int) -> MinHashLSH:
    """datasketch's optimal bands; for thresholds so high it finds fewer than 2, use 2 bands."""
    try:
        return MinHashLSH(threshold=threshold, num_perm=num_perm)
    except ValueError:
        return MinHashLSH(num_perm=num_perm, params=(2, num_perm // 2))


def _first_of(keys: Sequence[str | None], fallback: Sequence[int] | None = None) -> tuple[int, ...]:
    """For each item, the index of the first item with the same key (a missing key: itself)."""
    first: dict[str, int] = {}
    out = []
    for i, key in enumerate(keys):
        if key is None:
            out.append(fallback[i] if fallback is not None else i)
        else:
            out.append(first.setdefault(key, i))
    return tuple(out)
