"""Emails are case-folded and plus-tags are configurable, end to end: detector digest -> census."""

from __future__ import annotations

import dataclasses

import pytest

import leakclf
from leakclf.census import census
from leakclf.config import Config

TEXT = "Mail jane.doe+news@contoso.com, Jane.Doe@Contoso.com and jane.doe+crm@contoso.com today."


@pytest.mark.parametrize(
    ("strip", "unique"),
    [pytest.param(True, 1, id="plus-tags-stripped"), pytest.param(False, 3, id="plus-tags-kept")],
)
def test_plus_tags_setting_reaches_the_census(strip: bool, unique: int) -> None:
    config = Config(key=b"k" * 32)
    config = config.replace(
        census=dataclasses.replace(config.census, strip_plus_tags=strip),
        detect=dataclasses.replace(config.detect, ner=False),  # emails only: no model to load
    )
    result = leakclf.analyze_text(TEXT, config=config)
    got = census([result], config=config).summary()["entities"]["emails"]
    assert (got["mentions"], got["unique"], got["documents"]) == (3, unique, 1)
