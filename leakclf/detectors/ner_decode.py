"""``nlp.pipe`` for NER's pieces, with the entity recognizer decoded by a beam of width 1.

spaCy's greedy decoder (``Parser.greedy_parse``) runs its transition loop without the GIL, and
the compiled spaCy 3.8 wheels take the GIL and give it back inside every validity check of every
action at every token (``StateC.B_``: a ``PyGILState_Ensure``/``Release`` pair per call; 34
actions per step for ``leakclf_ner``): on bench_detect's pieces about a quarter of the model's
CPU. ``Parser.beam_parse`` with one state per beam makes the same choice at every step (the
best-scoring valid action: a beam of one keeps only its best candidate) from the same network,
and checks validity with the GIL held, where those calls cost next to nothing. The scores are
the same network's, summed by numpy's BLAS rather than blis in the output layer.

Batches are cut as ``Parser.pipe`` cuts them: ``batch_size`` texts, sorted by length within the
batch, decoded ``batch_size // 4`` at a time. Other components (a shared ``tok2vec``) run their
own ``pipe``. A recognizer configured with a wider beam keeps its own ``pipe``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
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
        ner.set_annotations(batch, ner.beam_parse(batch, beam_width=1, beam_density=0.0))


def _run(proc: Any, docs: list[Doc], batch_size: int) -> Iterator[Doc]:
    if hasattr(proc, "pipe"):
        return iter(proc.pipe(docs, batch_size=batch_size))
    return (proc(doc) for doc in docs)
