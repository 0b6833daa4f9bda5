from __future__ import annotations

import pytest

from leakclf.census.dedup import deduplicate

from .helpers import result

BASE = " ".join(f"clause{i} the supplier shall deliver" for i in range(150))
OTHER = " ".join(f"item{i} unrelated words about lunch" for i in range(150))


def test_exact_and_near_duplicates() -> None:
    docs = [
        result("a.pdf", text=BASE, sha256="s1"),
        result("mail1.eml!/a.pdf", text=BASE, sha256="s1"),  # same bytes
        result("a.docx", text=BASE.upper(), sha256="s2"),  # same text, other bytes
        result("a-v2.pdf", text=BASE + " signed by both parties", sha256="s3"),  # near
        result("b.pdf", text=OTHER, sha256="s4"),
        result("empty.bin", text="", sha256="s5"),
    ]
    d = deduplicate(docs, threshold=0.8)
    assert d.byte_group == (0, 0, 2, 3, 4, 5)
    assert d.text_group == (0, 0, 0, 3, 4, 5)
    assert d.cluster == (0, 0, 0, 0, 1, 2)
    assert (d.files, d.unique_bytes, d.unique_text, d.clusters, d.near_dup_clusters) == (
        6,
        5,
        4,
        3,
        1,
    )


@pytest.mark.parametrize(
    ("threshold", "clusters"),
    [
        pytest.param(0.5, 1, id="loose-merges"),
        pytest.param(0.99, 2, id="strict-splits"),
    ],
)
def test_threshold_is_respected(threshold: float, clusters: int) -> None:
    head = BASE[: len(BASE) * 3 // 4]
    docs = [result("x", text=BASE), result("y", text=head + " " + OTHER[: len(BASE) // 4])]
    assert deduplicate(docs, threshold).clusters == clusters


def test_chain_of_revisions_is_one_cluster() -> None:
    words = BASE.split()
    docs = [result(f"v{i}", text=" ".join(words[: 300 + 20 * i])) for i in range(6)]
    d = deduplicate(docs, 0.8)
    assert set(d.cluster) == {0} and d.near_dup_clusters == 1


def test_many_distinct_documents_stay_apart() -> None:
    docs = [result(f"d{i}", text=" ".join(f"t{i}x{j}" for j in range(40))) for i in range(300)]
    d = deduplicate(docs, 0.8)
    assert d.clusters == 300 and d.near_dup_clusters == 0
