"""Business-document classifier: what each file is, how sure, signed or not, with evidence.

    Classifier(config).classify(doc, findings)
        -> Classification(doc_type, scores, evidence, signed, confidence, uncertain)

A linear model over readable features (``features.py``, including the title cues of ``titles.py``) shipped as numpy
arrays in ``leakclf/data/doctype/model.npz`` (read without pickle; card: ``models/doctype/MODEL_CARD.md``) and run with
numpy, trained on real and generated documents (``training/doctypes``). Its probabilities are calibrated (a temperature fitted on grouped
cross-validation); ``confidence`` is the probability of the chosen type and ``uncertain`` is true below the model's
threshold, set on the same cross-validation. Rules around the model (``rules.py``): too little text to judge is
``other`` and uncertain; mail with headers is ``internal_note`` when every party is in one organisation and
``correspondence`` when any party is outside (automated mail keeps what its text says); a signature rule
(``signed.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import cached_property

import numpy as np

from leakclf.config import Config
from leakclf.doctypes.features import read, sheet_title
from leakclf.doctypes.linear import LinearModel
from leakclf.doctypes.rules import (
    MIN_CONTENT,
    automated,
    content_chars,
    mail_kind,
    parties,
    salutation,
)
from leakclf.doctypes.signed import signed
from leakclf.model import DOC_TYPES, Classification, Document, Finding

log = logging.getLogger(__name__)
EVIDENCE = 4  # features quoted per decision
_MAIL = ("correspondence", "internal_note")
# correspondence needs one of these: a salutation, a closing, mail headers, or a letter title
# ("cover letter", "lettre de motivation": such letters often open with "Objet :" and no "Dear")
_LETTER = {"letter:greeting", "letter:closing", "mail:headers", "cue:correspondence"}


class Classifier:
    """Cheap to construct; the model loads on first use (or is given, as training does)."""

    def __init__(self, config: Config | None = None, *, model: LinearModel | None = None) -> None:
        self.config = config or Config()
        if model is not None:
            self.__dict__["model"] = model

    @cached_property
    def model(self) -> LinearModel:
        model = LinearModel.load(self.config.classify.model)
        log.info(
            "loaded doc-type model: %d features, %d labels", len(model.features), len(model.labels)
        )
        return model

    def classify(self, doc: Document, findings: Sequence[Finding] = ()) -> Classification:
        text = doc.text
        is_signed, why = signed(text, doc.meta) if text.strip() else (None, None)
        chars = content_chars(doc)
        if chars == 0:
            scores = {t: float(t == "other") for t in DOC_TYPES}
            return Classification("other", scores, ("text:empty",), is_signed, 0.0, True)
        feats, cue = read(text, doc.name, sheet_title(doc))  # a named sheet is a title
        probs, names, parts = self.model.predict(feats)
        scores = {lab: float(probs[self.model.labels.index(lab)]) for lab in DOC_TYPES}
        ranked = sorted(DOC_TYPES, key=lambda t: -scores[t])
        best, rule = ranked[0], None
        who = parties(doc)
        if (
            best == "correspondence"
            and not (_LETTER & feats.keys())
            and not who
            and not salutation(text)
        ):
            best, rule = (
                ranked[1],
                "rule:no salutation, closing, mail headers or letter title, so not correspondence",
            )
        if (
            best == "resume"
            and not (cue and cue[0] == "resume")
            and "concept:'regards'" in feats
            and salutation(text)
        ):  # a CV greets no one: "Spett.le Azienda ... Cordiali saluti" is a (cover) letter
            best, rule = "correspondence", "rule:a salutation and a closing, no CV title: a letter"
        if best == "project_plan" and "mail:headers" in feats and not who:
            # To/From/Subject lines over a schedule or minutes: a memo or a printed mail about the
            # plan (with parties, the header rule below decides which)
            best, rule = max(_MAIL, key=scores.__getitem__), "rule:a memo or mail, not a plan"
        if best == "correspondence" and "letter:team-greeting" in feats and not who:
            # "Dear team", "Liebe Kolleginnen", "Chers collègues": written to one's own staff
            best, rule = "internal_note", "rule:addressed to the team, so internal"
        row = parts[self.model.labels.index(best)]
        ranked_feats = (names[j] for j in np.argsort(-row, kind="stable") if row[j] > 0)
        readable = (f for f in ranked_feats if not f.startswith("tc:"))  # 4-grams repeat title:
        evidence: list[str] = []
        for feature in readable:  # the strongest first; a cue may repeat a title word
            if (quoted := _quote(feature, cue)) not in evidence:
                evidence.append(quoted)
                if len(evidence) == EVIDENCE:
                    break
        if rule:
            evidence.append(rule)
        if who:  # a message with its parties is a message, whatever it talks about
            kind = mail_kind(who, text, self.config.classify.own_domains)
            if (
                best not in _MAIL
                and best != "other"
                and (kind is not None or not automated(who, text))
            ):  # a mail about a plan, an order, ...; with too few parties to tell internal
                # from external, the text model picks which of the two
                evidence.append(f"rule:a message, not a {best} (its text reads as one)")
                best = max(_MAIL, key=scores.__getitem__)
            if kind is not None:
                best, note = kind
                evidence.insert(0, note)
                pair = max(scores["correspondence"] + scores["internal_note"], 0.5)
                other = _MAIL[1 - _MAIL.index(best)]
                rest = sum(v for t, v in scores.items() if t not in _MAIL)
                scale = (1 - pair) / rest if rest else 0.0
                scores = {t: v * scale for t, v in scores.items()}
                scores[best], scores[other] = 0.9 * pair, 0.1 * pair
        if chars < MIN_CONTENT:  # a file name or a few words: nothing to judge a business type by
            weight = 0.5 * chars / MIN_CONTENT
            scores = {t: weight * v + (1 - weight) / len(DOC_TYPES) for t, v in scores.items()}
            best = "other"
            evidence.insert(0, f"text:short ({chars} characters of content)")
        scores = _lead(scores, best)
        confidence = scores[best]
        uncertain = chars < MIN_CONTENT or confidence < self.model.threshold
        if why:
            evidence.append(why)
        return Classification(best, scores, tuple(evidence), is_signed, confidence, uncertain)


def _lead(scores: dict[str, float], best: str) -> dict[str, float]:
    """Normalised scores in which ``best`` (chosen by a rule) has the highest probability."""
    top = max(scores, key=scores.__getitem__)
    if top != best:  # swap, so the sum stays 1 and the decision matches the scores
        scores = {**scores, top: scores[best], best: scores[top]}
    total = sum(scores.values())
    return {t: round(v / total, 6) for t, v in scores.items()}


def _quote(feature: str, cue: tuple[str, str] | None) -> str:
    """Evidence text of a feature; a title cue quotes its phrase: ``title:'delivery challan'``."""
    if feature.startswith("cue:") and cue:
        return f"title:'{cue[1]}'"
    return feature


__all__ = ["Classifier"]
