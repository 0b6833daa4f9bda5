"""The counts behind the report, the plots and the notebook display."""

from __future__ import annotations

from leakclf.report import stats


def test_summary(results) -> None:
    assert stats.summary(results) == {
        "documents": 6,
        "files": 5,
        "findings": 7,
        "unique_values": 4,
        "ok": 4,
        "duplicate": 1,
        "error": 1,
        "unsupported": 0,
        "skipped_limit": 0,
        "not_read": 0,
        "public": 2,  # every document has a level (leakclf.counts); this error row's is public
        "internal": 1,
        "confidential": 1,
        "restricted": 2,
    }


def test_levels_and_doctypes(results) -> None:
    assert stats.level_counts(results) == {
        "public": 2,
        "internal": 1,
        "confidential": 1,
        "restricted": 2,
    }
    zero = {"public": 0, "internal": 0, "confidential": 0, "restricted": 0}
    assert stats.doctype_levels(results) == {
        "invoice": {**zero, "restricted": 2},
        "contract": {**zero, "confidential": 1},
        "correspondence": {**zero, "internal": 1},
        "internal_note": {**zero, "public": 1},
    }


def test_label_previews_are_distinct_and_capped(results) -> None:
    assert stats.label_previews(results[0], per_label=1) == [
        ("EMAIL_ADDRESS", 2, ["j***@contoso.com"]),
        ("CREDIT_CARD", 1, ["**** **** **** 1111"]),
    ]


def test_top_files_leave_out_duplicates_and_errors(results) -> None:
    assert [r.source for r in stats.top_files(results, 3)] == [
        "dump/invoices/inv-001.pdf",
        "dump/<script>alert(1)</script>.pdf",
        "dump/mail.eml",
    ]
