import os
import stat

import pytest

from leakclf.errors import ConfigError
from leakclf.privacy import digest, load_or_create_key, mask


def test_digest_is_keyed_and_label_scoped():
    a = digest(b"k1" * 16, "EMAIL_ADDRESS", "jane@contoso.com")
    assert a == digest(b"k1" * 16, "EMAIL_ADDRESS", "jane@contoso.com")
    assert a != digest(b"k2" * 16, "EMAIL_ADDRESS", "jane@contoso.com")
    assert a != digest(b"k1" * 16, "PERSON", "jane@contoso.com")
    assert len(a) == 32 and "jane" not in a


@pytest.mark.parametrize(
    "value, kwargs, expected",
    [
        pytest.param("jane", {}, "j***", id="default"),
        pytest.param(
            "4111111111111111", {"keep_start": 0, "keep_end": 4}, "************1111", id="tail"
        ),
        pytest.param("ab", {}, "**", id="too-short-fully-masked"),
    ],
)
def test_mask(value, kwargs, expected):
    assert mask(value, **kwargs) == expected


def test_case_key_is_owner_only_and_stable(tmp_path):
    path = tmp_path / "case" / "scan.key"
    key = load_or_create_key(path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert load_or_create_key(path) == key


def test_short_key_is_rejected(tmp_path):
    path = tmp_path / "bad.key"
    path.write_bytes(b"short")
    with pytest.raises(ConfigError, match="too short"):
        load_or_create_key(path)
