"""Hypothesis properties of the default policy: monotone, deterministic, bounded, consistent."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from leakclf.model import DOC_TYPES, LEVELS, DocumentResult, Finding
from leakclf.registry import labels
from leakclf.scoring import BUSINESS_PARTY, PERSON, Scorer
from leakclf.scoring.contents import with_contents

SCORER = Scorer()
LOW_VALUE = (
    "PERSON",
    "ORGANIZATION",
    "LOCATION",
    "EMAIL_ADDRESS",
    "PHONE_NUMBER",
    "URL",
    "DATE_TIME",
    "IP_ADDRESS",
    "STREET_ADDRESS",
    "PROJECT",
    "VAT_ID",
    "PLUGIN_THING",
)

findings_of = st.builds(
    Finding,
    label=st.sampled_from([*labels(), "PLUGIN_THING"]),
    start=st.just(0),
    end=st.just(1),
    confidence=st.floats(0.0, 1.0),
    detector=st.just("t"),
    digest=st.sampled_from([f"d{i}" for i in range(12)]),
    preview=st.just("*"),
)
doc = st.tuples(st.sampled_from(DOC_TYPES), st.sampled_from([None, False, True]))


@settings(max_examples=300, deadline=None)
@given(doc=doc, findings=st.lists(findings_of, max_size=30), extra=findings_of)
def test_adding_a_finding_never_lowers(doc: tuple, findings: list[Finding], extra: Finding) -> None:
    before = SCORER.score(*doc, findings).score
    assert SCORER.score(*doc, [*findings, extra]).score >= before


@settings(max_examples=200, deadline=None)
@given(doc=doc, findings=st.lists(findings_of, max_size=30), data=st.data())
def test_deterministic_and_order_free(
    doc: tuple, findings: list[Finding], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(findings))
    assert (
        SCORER.score(*doc, findings) == SCORER.score(*doc, findings) == SCORER.score(*doc, shuffled)
    )


@settings(max_examples=200, deadline=None)
@given(doc=doc, findings=st.lists(findings_of, max_size=40))
def test_reasons_sum_to_score_and_level_matches(doc: tuple, findings: list[Finding]) -> None:
    got = SCORER.score(*doc, findings)
    assert 0 <= got.score <= 100
    assert sum(p for _, p in got.reasons) == got.score
    assert all(p >= 0 for _, p in got.reasons)
    assert all(p > 0 for _, p in got.reasons) or got.score == 100  # 0 only when capped
    assert got.level in LEVELS and got.level == SCORER.policy.level(got.score)


@settings(max_examples=40, deadline=None)
@given(
    doc=doc,
    labels=st.lists(st.sampled_from(LOW_VALUE), min_size=1, max_size=len(LOW_VALUE), unique=True),
    key_confidence=st.floats(0.9, 1.0),
)
def test_thousand_low_value_findings_never_outrank_one_private_key(
    doc: tuple, labels: list[str], key_confidence: float
) -> None:
    low = [Finding(labels[i % len(labels)], 0, 1, 1.0, "t", f"v{i}", "*") for i in range(1000)]
    key = Finding("SECRET_PRIVATE_KEY", 0, 1, key_confidence, "t", "k", "*")
    assert SCORER.score(*doc, low).score < SCORER.score("other", None, [key]).score


def test_worst_case_low_value_stays_below_a_private_key() -> None:
    low = [Finding(lab, 0, 1, 1.0, "t", f"v{i}", "*") for lab in LOW_VALUE for i in range(1000)]
    key = Finding("SECRET_PRIVATE_KEY", 0, 1, 0.9, "t", "k", "*")
    worst = max(SCORER.score(t, True, low).score for t in DOC_TYPES)
    assert worst < SCORER.score("other", None, [key]).score


@settings(max_examples=300, deadline=None)
@given(
    doc=doc,
    findings=st.lists(findings_of, max_size=30),
    extra=findings_of,
    business=st.booleans(),
)
def test_adding_a_person_finding_never_lowers(
    doc: tuple, findings: list[Finding], extra: Finding, business: bool
) -> None:
    """Findings of either subject in the document; one more about a person never lowers it."""
    tagged = [
        f.__class__(
            f.label,
            0,
            1,
            f.confidence,
            "t",
            f.digest,
            "*",
            evidence=(BUSINESS_PARTY if business and i % 2 else PERSON,),
        )
        for i, f in enumerate(findings)
    ]
    more = extra.__class__(
        extra.label, 0, 1, extra.confidence, "t", extra.digest, "*", evidence=(PERSON,)
    )
    assert SCORER.score(*doc, [*tagged, more]).score >= SCORER.score(*doc, tagged).score


levels_of = st.sampled_from(LEVELS)


@settings(max_examples=200, deadline=None)
@given(data=st.data(), n=st.integers(1, 12))
def test_contents_level_is_at_least_each_childs(data: st.DataObject, n: int) -> None:
    """A random tree under one container: its contents are at least every descendant's."""
    rows = [DocumentResult("top.zip")]
    for i in range(n):
        parent = data.draw(st.sampled_from([r.source for r in rows]))
        level = data.draw(levels_of)
        rows.append(
            DocumentResult(
                f"{parent}!/m{i}", parent=parent, level=level, score=data.draw(st.integers(0, 100))
            )
        )
    out = {r.source: r for r in with_contents(rows)}
    for r in rows[1:]:
        top = out["top.zip"]
        assert top.contents_level is not None and top.contents_score is not None
        assert LEVELS.index(top.contents_level) >= LEVELS.index(r.level)
        assert top.contents_score >= r.score
        if r.parent is not None:
            above = out[r.parent]
            assert LEVELS.index(above.contents_level or "public") >= LEVELS.index(r.level)
