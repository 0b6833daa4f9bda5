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


@pytest.mark.parametrize(
    ("texts", "clusters", "indexed"),
    [
        pytest.param([f"{BASE} invoice {i}" for i in range(200)], 1, 1, id="template-fills"),
        pytest.param([OTHER, BASE, f"{OTHER} note", f"{BASE} note"], 2, 2, id="two-templates"),
        pytest.param(
            [" ".join(f"t{i}x{j}" for j in range(40)) for i in range(50)],
            50,
            50,
            id="distinct-all-indexed",
        ),
    ],
)
def test_copies_of_a_template_are_not_indexed(
    monkeypatch: pytest.MonkeyPatch, texts: list[str], clusters: int, indexed: int
) -> None:
    """Near-linear: a text almost identical to an indexed one is not indexed itself."""
    from leakclf.census import dedup

    inserted: list[int] = []
    real = dedup._lsh

    def counting(threshold: float, num_perm: int):  # type: ignore[no-untyped-def]
        lsh = real(threshold, num_perm)
        insert = lsh.insert
        lsh.insert = lambda key, mh: (inserted.append(key), insert(key, mh))  # type: ignore[method-assign]
        return lsh

    monkeypatch.setattr(dedup, "_lsh", counting)
    d = deduplicate([result(f"d{i}", text=t) for i, t in enumerate(texts)], 0.8)
    assert (d.clusters, len(inserted)) == (clusters, indexed)
