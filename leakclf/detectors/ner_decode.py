"""``nlp.pipe`` for NER's pieces, with the entity recognizer's transition loop run with the GIL
held.

spaCy's greedy decoder (``Parser.greedy_parse``) runs its transition loop without the GIL, and
the compiled spaCy 3.8 wheels take the GIL and give it back inside every validity check of every
action at every token (``StateC.B_``: a ``PyGILState_Ensure``/``Release`` pair per call; 34
actions per step for ``leakclf_ner``): on bench_detect's pieces about a quarter of the model's
CPU. Here the same loop is driven from Python, as spaCy's own ``Parser.transition_states``
(its update loop) drives it: the network scores the unfinished states
(``ParserStepModel.predict``), and ``transition_states`` applies the best valid action to each
(the greedy choice: the first best score among the valid actions) with the GIL held, where those
calls cost next to nothing. The scores are the same network's, summed by numpy's BLAS rather
than blis in the output layer.

Batches are cut as ``Parser.pipe`` cuts them: ``batch_size`` texts, sorted by length within the
batch, decoded ``batch_size // 4`` at a time. Other components (a shared ``tok2vec``) run their
own ``pipe``. A recognizer configured with a beam keeps its own ``pipe``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def pipe(nlp: Language, texts: Sequence[str], batch_size: int) -> Iterator[Doc]:
    """The annotated Docs of ``texts``, in order (what ``nlp.pipe(texts, batch_size=...)``
    yields for a pipeline of a ``tok2vec`` and a greedy ``ner``)."""
    from spacy.pipeline import EntityRecognizer  # load time: with the model

    for start in range(0, len(texts), batch_size):
        docs = [nlp.make_doc(text) for text in texts[start : start + batch_size]]
        for _, proc in nlp.pipeline:
            if isinstance(proc, EntityRecognizer) and proc.cfg["beam_width"] == 1:
                _decode(proc, docs, max(batch_size // 4, 2))
            else:
                docs = list(_run(proc, docs, batch_size))
        yield from docs


def _decode(ner: Any, docs: list[Doc], size: int) -> None:
    by_length = sorted(docs, key=len)
    for start in range(0, len(by_length), size):
        batch = by_length[start : start + size]
        if not any(len(doc) for doc in batch):
            continue  # nothing to read (``Parser.predict`` returns empty states)
        ner.set_annotations(batch, _greedy(ner, batch))


def _greedy(ner: Any, docs: list[Doc]) -> list[Any]:
    """The final states of ``docs`` (``Parser.greedy_parse``'s loop, the GIL held)."""
    ner._ensure_labels_are_added(docs)
    states = ner.moves.init_batch(docs)
    model = ner.model.predict(docs)
    scores = _scorer(model)
    todo = [state for state in states if not state.is_final()]
    while todo:
        todo = ner.transition_states(todo, scores(todo))
    model.clear_memory()
    return states


def _scorer(model: Any) -> Callable[[list[Any]], Any]:
    """The step model's scores of unfinished states: ``model.predict``, or, when its output
    layer is a plain thinc ``Linear`` and no class is marked unseen (spaCy's trained models),
    the same calls without the layers around them: the states' features summed by the
    precomputed hidden layer, then the output layer's ``ops.gemm`` and bias, as
    ``step_forward`` and ``Linear``'s forward make them. Skipped: thinc's dispatch on every
    step and the unseen classes' ``nanmin`` over every score (about a third of the loop's
    CPU outside the transitions)."""
    upper = model.vec2scores if model.attrs.get("has_upper") else None
    if upper is None or upper.name != "linear" or upper.layers or not model._class_mask.all():
        return model.predict  # type: ignore[no-any-return]
    hidden, ops = model.state2vec, upper.ops
    weights, bias = upper.get_param("W"), upper.get_param("b")

    def scores(states: list[Any]) -> Any:
        out = ops.gemm(hidden.predict(model.get_token_ids(states)), weights, trans2=True)
        out += bias
        return out

    return scores


def _run(proc: Any, docs: list[Doc], batch_size: int) -> Iterator[Doc]:
    if hasattr(proc, "pipe"):
        return iter(proc.pipe(docs, batch_size=batch_size))
    return (proc(doc) for doc in docs)
