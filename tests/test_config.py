import dataclasses

import pytest

from leakclf import Config, ConfigError, Limits


def test_defaults_round_trip_through_toml(tmp_path):
    path = tmp_path / "leakclf.toml"
    path.write_text(
        "reveal = false\n"
        "[limits]\nmax_depth = 3\ntime_budget_s = 5.5\n"
        "[classify]\nown_domains = ['contoso.com']\n"
        "[detect]\ndetectors = ['email']\n"
    )
    cfg = Config.from_toml(path)
    assert cfg.limits.max_depth == 3
    assert cfg.limits.time_budget_s == 5.5
    assert cfg.limits.max_file_bytes == Limits().max_file_bytes
    assert cfg.classify.own_domains == ("contoso.com",)
    assert cfg.detect.detectors == ("email",)


@pytest.mark.parametrize(
    "text, needle",
    [
        pytest.param("[limitz]\nx = 1\n", "unknown config section 'limitz'", id="bad-section"),
        pytest.param("[limits]\nmax_dept = 1\n", "unknown setting limits.max_dept", id="bad-key"),
        pytest.param("limits = 3\n", "must be a table", id="not-a-table"),
        pytest.param("[limits\n", "not valid TOML", id="broken-toml"),
    ],
)
def test_bad_config_is_a_config_error(tmp_path, text, needle):
    path = tmp_path / "c.toml"
    path.write_text(text)
    with pytest.raises(ConfigError, match=needle):
        Config.from_toml(path)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        Config.from_toml(tmp_path / "nope.toml")


def test_key_never_in_to_dict_or_repr():
    cfg = Config(key=b"k" * 64)
    assert "key" not in cfg.to_dict()
    assert "kkkk" not in repr(cfg)


def test_configs_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Config().reveal = True  # type: ignore[misc]
