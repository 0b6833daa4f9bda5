"""``leakclf_ner``: en_core_web_sm's own ``ner`` network with only the labels leakclf keeps.

The transition parser scores every action (four per label, plus two) at every token, so a
network with the 7 labels leakclf maps plus ``X`` (one label for the 11 it drops, so that a
nationality or an amount is not pushed onto a kept label) reads faster: 34 actions instead of 74.
Only the output layer differs from en_core_web_sm's: the kept labels' rows are its own, and
``X``'s rows were trained by ``training/ner/finetune.py`` on its own labels. Those rows and the
action table are all the package stores (``leakclf/data/ner/leakclf_ner.json``); the network is
built from the installed en_core_web_sm when NER loads (about 0.07 CPU s on top of loading it).

spaCy's ``Language()`` imports every package that declares a ``spacy_factories`` entry point,
whether the pipeline uses its components or not: with the ``presidio`` extra installed that is
``presidio_analyzer`` and its recognizers (about 0.4 CPU s). The teacher loads only spaCy's own
``ner`` here, so its load skips them (``_own_factories_only``); any other ``Language()`` in the
process imports them as before.
"""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from leakclf.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

NAME = "leakclf_ner"
SPEC = Path(__file__).resolve().parents[1] / "data" / "ner" / f"{NAME}.json"


def load(exclude: list[str]) -> Language:
    """en_core_web_sm with its ``ner`` cut down to leakclf's labels (``SPEC``)."""
    import numpy as np  # load time: with the model
    import spacy
    import srsly
    from thinc.api import Linear

    spec = json.loads(SPEC.read_text("utf-8"))
    try:
        with _own_factories_only():
            nlp = spacy.load(spec["teacher"], exclude=exclude)
    except OSError:
        raise ModelError(
            f"{NAME} is built from {spec['teacher']}, which is not installed; "
            f"pip install {spec['teacher'].replace('_', '-')}"
        ) from None
    if nlp.meta.get("version") != spec["teacher_version"]:
        raise ModelError(
            f"{NAME} was built for {spec['teacher']} {spec['teacher_version']}, "
            f"not {nlp.meta.get('version')}; install that version or set detect.spacy_model"
        )
    teacher: Any = nlp.get_pipe("ner")  # spaCy types pipes as plain callables
    old = [teacher.moves.get_class_name(i) for i in range(teacher.moves.n_moves)]
    moves = type(teacher.moves)(nlp.vocab.strings, {int(k): v for k, v in spec["actions"].items()})
    names = [moves.get_class_name(i) for i in range(moves.n_moves)]
    upper = teacher.model.get_ref("upper")
    W, b = upper.get_param("W"), upper.get_param("b")
    trained: dict[str, Any] = spec["rows"]

    def row(name: str) -> tuple[Any, Any]:
        if name in trained:
            return trained[name]["W"], trained[name]["b"]
        return W[old.index(name)], b[old.index(name)]

    rows = [row(n) for n in names]
    layer = Linear(nO=len(names), nI=W.shape[1])
    new_W: Any = np.asarray([w for w, _ in rows], W.dtype)
    new_b: Any = np.asarray([c for _, c in rows], b.dtype)
    layer.set_param("W", new_W)
    layer.set_param("b", new_b)
    teacher.model.replace_node(upper, layer)
    weights = srsly.msgpack_loads(teacher.to_bytes(exclude=["vocab"]))
    weights["moves"] = moves.to_bytes(exclude=["strings"])
    config = {k: v for k, v in nlp.config["components"]["ner"].items() if k != "factory"}
    nlp.remove_pipe("ner")
    ner: Any = nlp.add_pipe("ner", config=config)
    ner.from_bytes(srsly.msgpack_dumps(weights), exclude=["vocab"])
    nlp.meta.update(name=NAME, version=spec["version"])
    return nlp


def import_spacy() -> None:
    """Import spaCy without its command line, which a loaded model never uses.

    ``spacy/__init__`` imports ``spacy.cli.info.info`` for ``spacy.info()``, and with it the
    whole ``spacy.cli`` package (typer, weasel and their imports: about 0.16 of the 0.55 CPU s
    of importing spaCy, on every scan's head). During that import, stand-ins take the places of
    ``spacy.cli`` and ``spacy.cli.info``; they are gone from ``sys.modules`` right after it, so
    a later ``import spacy.cli`` imports the real package, ``spacy.cli.download`` (the attribute,
    with no import) does too on its first use, and ``spacy.info()`` imports it on its first call.
    Does nothing once spaCy is imported.
    """
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    info = types.ModuleType("spacy.cli.info")
    info.info = _spacy_info  # type: ignore[attr-defined]
    stand_ins = {"spacy.cli": types.ModuleType("spacy.cli"), "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    try:
        import spacy  # load time: with the model
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if "cli" not in vars(spacy) and "__getattr__" not in vars(spacy):
        spacy.__getattr__ = _spacy_cli_on_first_use  # type: ignore[method-assign]


def _spacy_cli_on_first_use(name: str) -> Any:
    """``spacy.cli`` for code that reaches it as an attribute (``spacy.cli.download(...)``)
    without importing it: the real package, imported on that first use (PEP 562)."""
    if name != "cli":
        raise AttributeError(f"module 'spacy' has no attribute {name!r}")
    import spacy.cli  # load time: spaCy's command line only when asked

    return spacy.cli


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, from the real ``spacy.cli`` imported on the first call."""
    from spacy.cli.info import info  # load time: spaCy's command line only when asked

    return info(*args, **kwargs)


@contextmanager
def _own_factories_only() -> Iterator[None]:
    """While inside, ``Language()`` does not import the packages of ``spacy_factories`` entry
    points (spaCy's own components and those already imported are all there is).

    spaCy's registry of those entry points is switched off and back on around the teacher's load
    only. If it is already off (another thread is inside), it is left to that thread to switch
    back on; a spaCy without that registry loads as usual.
    """
    import spacy.util  # load time: with the model

    entries = getattr(spacy.util.registry, "_entry_point_factories", None)
    if entries is None or getattr(entries, "entry_points", None) is not True:
        yield
        return
    entries.entry_points = False
    try:
        yield
    finally:
        entries.entry_points = True
