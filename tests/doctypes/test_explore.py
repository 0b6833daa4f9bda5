"""The experiments of ``training.doctypes.explore`` keep their promise: each variant is one linear model."""

from __future__ import annotations

import numpy as np

from leakclf.doctypes.linear import LinearModel
from leakclf.model import DOC_TYPES, Document
from training.doctypes.articles import article_examples
from training.doctypes.explore import (
    GROUPS,
    _collapse,
    _group,
    by_language,
    concepts_scaled,
    fold_domain_bias,
    intercept_shift,
    language_weighted,
)
from training.doctypes.real import RealExample
from training.doctypes.sheets import KINDS, sheet_examples
from training.doctypes.train import Item

FEATS = {"title:'invoice'": 1.0, "word:'total'": 0.5, "stat:money2": 1.0, "kv:'due date'": 1.0}


def _model(features: list[str], seed: int) -> LinearModel:
    rng = np.random.default_rng(seed)
    n = len(DOC_TYPES)
    return LinearModel(
        list(DOC_TYPES), features, rng.normal(size=(n, len(features))), rng.normal(size=n)
    )


def test_stacked_model_is_the_second_level_on_the_group_logits() -> None:
    models = {
        g: _model(sorted(f for f in FEATS if _group(f) == g) + [f"word:'{g}-only'"], i)
        for i, g in enumerate(GROUPS)
    }
    rng = np.random.default_rng(9)
    coef, intercept = rng.normal(size=(12, 36)), rng.normal(size=12)
    z = np.concatenate(
        [models[g].logits({f: v for f, v in FEATS.items() if _group(f) == g}) for g in GROUPS]
    )
    expected = coef @ z + intercept
    assert np.allclose(_collapse(models, coef, intercept).logits(FEATS), expected)


def test_feature_groups() -> None:
    assert [_group(f) for f in FEATS] == ["head", "body", "cues", "head"]


def test_intercept_shift_finds_the_prior_the_logits_miss() -> None:
    rng = np.random.default_rng(0)
    y = rng.choice(3, size=3000, p=[0.6, 0.3, 0.1])
    b = intercept_shift(np.zeros((3000, 3)), y, l2=0.0, steps=3000)
    assert np.allclose(b - b[0], np.log([0.6, 0.3, 0.1]) - np.log(0.6), atol=0.05)


def test_domain_intercept_folds_into_the_bias() -> None:
    m = _model(["domain:real", "word:'a'"], 3)
    folded = fold_domain_bias(m)
    assert folded.features == ["word:'a'"]
    assert np.allclose(
        folded.logits({"word:'a'": 1.0}), m.logits({"word:'a'": 1.0, "domain:real": 1.0})
    )


def test_concepts_scaled_to_zero_are_the_features_without_concepts() -> None:
    item = Item({"concept:'delivery'": 1.0, "word:'entrega'": 0.5}, "invoice", 1.0)
    assert concepts_scaled([item], 0.0)[0].feats == {"word:'entrega'": 0.5}
    assert concepts_scaled([item], 2.0)[0].feats == {
        "concept:'delivery'": 2.0,
        "word:'entrega'": 0.5,
    }


def test_generated_sheets_and_articles_are_deterministic_and_labelled() -> None:
    sheets = sheet_examples(seed=0, per_kind=7)
    assert [e.text for e in sheets] == [e.text for e in sheet_examples(seed=0, per_kind=7)]
    assert {e.template[6:]: e.label for e in sheets} == {k: t for k, (t, _) in KINDS.items()}
    assert all("\t" in e.text.splitlines()[0] for e in sheets)  # a header row, as XLSX reads
    articles = article_examples(seed=0, per_type=2)
    assert {e.label for e in articles} == {"other"} and len(articles) == 2 * 11


def _real(lang: str, label: str) -> RealExample:
    doc = Document("document.txt", None, "text/plain", "text", "", 4)
    return RealExample(f"{label}/{lang}.txt", label, f"owner/{lang}", lang, "txt", doc)


def test_language_weight_leaves_english_documents_alone() -> None:
    real = [_real("en", "invoice"), _real("es", "invoice"), _real("ja", "other")]
    items = [Item(FEATS, e.label, w, e.doc) for e, w in zip(real, (3.0, 3.0, 1.5))]
    assert [it.weight for it in language_weighted(items, real, 2.0)] == [3.0, 6.0, 3.0]
    assert [it.weight for it in language_weighted(items, real, 1.0)] == [3.0, 3.0, 1.5]


def test_right_per_language_counts_the_seven_and_the_rest() -> None:
    real = [_real("en", "invoice"), _real("en", "quote"), _real("es", "sow"), _real("ja", "other")]
    line = by_language(real, ["invoice", "invoice", "sow", "other"])
    assert line == "en 1/2 de 0/0 es 1/1 fr 0/0 pt 0/0 it 0/0 nl 0/0 other 1/1"
