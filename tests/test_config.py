import dataclasses
import typing
from typing import Any

import pytest

from leakclf import Config, ConfigError, Limits
from leakclf.config import MinLength, Range, ScanConfig, describe, setting_type


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


# -- every setting has its declared type (issue 17) --------------------------------------


def _settings() -> list[tuple[str | None, str, Any]]:
    """(section, key, declared type) for every setting, read from the dataclasses themselves."""
    out: list[tuple[str | None, str, Any]] = []
    for f in dataclasses.fields(Config):
        default = getattr(Config(), f.name)
        if dataclasses.is_dataclass(default):
            out += [
                (f.name, g.name, setting_type(type(default), g.name))
                for g in dataclasses.fields(default)
            ]
        else:
            out.append((None, f.name, setting_type(None, f.name)))
    return out


def _wrong_values(hint: Any) -> list[Any]:
    """Values a TOML file could hold that the declared type must refuse."""
    allowed = describe(hint)
    wrong: list[Any] = []
    if "boolean" in allowed:
        wrong += ["false", "true", 0, 1]
    else:
        wrong.append(True)
    if "integer" in allowed:
        wrong += ["3", 2.5]
    if "number" in allowed:
        wrong.append("3")
    if "a string" in allowed or "one of" in allowed:
        wrong.append(5)
    if "list" in allowed:
        wrong += ["a", [1]]
    if "one of" in allowed:
        wrong.append("no-such-choice")
    for rule in _rules(hint):
        if isinstance(rule, Range):
            if rule.ge is not None:
                wrong.append(type(rule.ge)(rule.ge) - (1 if "integer" in allowed else 0.5))
            if rule.gt is not None:
                wrong.append(rule.gt)
            if rule.le is not None:
                wrong.append(rule.le + 1)
        if isinstance(rule, MinLength):
            wrong.append("k" * (rule.n - 1))
    return wrong


def _rules(hint: Any) -> list[Any]:
    if typing.get_origin(hint) is typing.Annotated:
        return list(typing.get_args(hint)[1:])
    return [r for arm in typing.get_args(hint) for r in _rules(arm)]


CASES = [
    pytest.param(section, key, value, id=f"{section or 'top'}.{key}={value!r}")
    for section, key, hint in _settings()
    for value in _wrong_values(hint)
]


def test_every_setting_is_covered():
    assert len(_settings()) >= 32
    assert all(_wrong_values(hint) for _, _, hint in _settings())


@pytest.mark.parametrize("section, key, value", CASES)
def test_wrong_value_is_a_config_error_naming_key_value_and_allowed(section, key, value):
    data = {section: {key: value}} if section else {key: value}
    name = f"{section}.{key}" if section else key
    with pytest.raises(ConfigError) as info:
        Config.from_dict(data)
    message = str(info.value)
    assert f"setting {name} = " in message
    assert "expected " in message
    if key == "key" and isinstance(value, str):  # the digest key is a secret: its length only
        assert value not in message and "hidden" in message
    else:
        assert repr(value) in message


def test_reveal_false_string_is_refused_not_true(tmp_path):
    path = tmp_path / "c.toml"
    path.write_text('reveal = "false"\n')
    with pytest.raises(ConfigError, match=r"setting reveal = 'false' .*a boolean \(true or false"):
        Config.from_toml(path)
    path.write_text("reveal = false\n")
    assert Config.from_toml(path).reveal is False


@pytest.mark.parametrize(
    "data, expected",
    [
        pytest.param({"limits": {"time_budget_s": 5}}, 5.0, id="int-for-float-becomes-float"),
        pytest.param({"scan": {"exclude": ["a", "b"]}}, ("a", "b"), id="list-becomes-tuple"),
        pytest.param({"scan": {"workers": 1}}, 1, id="range-edge"),
        pytest.param({"detect": {"min_confidence": 1}}, 1.0, id="fraction-edge"),
        pytest.param({"key": "k" * 32}, b"k" * 32, id="key-32-bytes"),
        pytest.param({"extract": {"pdf_engine": "pdfminer"}}, "pdfminer", id="enum"),
    ],
)
def test_valid_values_are_kept(data, expected):
    cfg = Config.from_dict(data)
    ((section, body),) = data.items()
    got = getattr(cfg, section) if section == "key" else getattr(getattr(cfg, section), *body)
    assert got == expected and type(got) is type(expected)


def test_python_construction_is_checked_too():
    with pytest.raises(ConfigError, match="setting limits.max_depth = -1"):
        Limits(max_depth=-1)
    with pytest.raises(ConfigError, match="setting reveal = 'no'"):
        Config(reveal="no")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="hidden"):
        Config(key=b"short")
    assert ScanConfig(exclude=["x"]).exclude == ("x",)  # type: ignore[arg-type]
