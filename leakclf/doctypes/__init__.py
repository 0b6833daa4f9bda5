"""Business-document classifier: what each file is, signed or not, with evidence.

    Classifier(config).classify(doc, findings) -> Classification(doc_type, scores, evidence, signed)

A linear model over readable features (``features.py``, including the title cues of ``titles.py``) shipped as JSON in
``leakclf/data/doctype/model.json`` (card: ``models/doctype/MODEL_CARD.md``) and run with numpy; a rule for signatures (``signed.py``);
and a rule for mail: internal_note when every party shares the owner's domain.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import cached_property
from itertools import islice

import numpy as np

from leakclf.config import Config
from leakclf.doctypes.features import extract
from leakclf.doctypes.linear import LinearModel
from leakclf.doctypes.signed import signed
from leakclf.doctypes.titles import title_cue
from leakclf.model import DOC_TYPES, Classification, Document, Finding

log = logging.getLogger(__name__)
EVIDENCE = 4  # features quoted per decision
_ADDR = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
_PARTY = re.compile(r"^(from|to|cc)\s*:\s*(.+)$", re.IGNORECASE | re.MULTILINE)
_MAIL = ("correspondence", "internal_note")
_LETTER = {"letter:greeting", "letter:closing", "mail:headers"}


class Classifier:
    """Cheap to construct; the model loads on first use."""

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()

    @cached_property
    def model(self) -> LinearModel:
        model = LinearModel.load(self.config.classify.model)
        log.info(
            "loaded doc-type model: %d features, %d labels", len(model.features), len(model.labels)
        )
        return model

    def classify(self, doc: Document, findings: Sequence[Finding] = ()) -> Classification:
        text = doc.text
        if not text.strip():
            scores = {t: float(t == "other") for t in DOC_TYPES}
            return Classification("other", scores, ("text:empty",), signed("", doc.meta)[0])
        feats = extract(text, doc.name)
        probs, names, parts = self.model.predict(feats)
        scores = {lab: float(probs[self.model.labels.index(lab)]) for lab in DOC_TYPES}
        ranked = sorted(DOC_TYPES, key=lambda t: -scores[t])
        best, rule = ranked[0], None
        if best == "correspondence" and not (_LETTER & feats.keys()) and not self._parties(doc):
            best, rule = (
                ranked[1],
                "rule:no salutation, closing or mail headers, so not correspondence",
            )
        row = parts[self.model.labels.index(best)]
        ranked_feats = (names[j] for j in np.argsort(-row, kind="stable") if row[j] > 0)
        readable = (f for f in ranked_feats if not f.startswith("tc:"))  # 4-grams repeat title:
        quoted = dict.fromkeys(_quote(f, text) for f in readable)  # a cue may repeat a title word
        evidence = list(islice(quoted, EVIDENCE))
        if rule:
            evidence.append(rule)
        if best in _MAIL:
            parties = self._parties(doc)
            if parties:
                best, note = self._mail_kind(parties)
                evidence.insert(0, note)
                pair = scores["correspondence"] + scores["internal_note"]
                other = _MAIL[1 - _MAIL.index(best)]
                scores[best], scores[other] = 0.95 * pair, 0.05 * pair
        scores = _lead(scores, best)
        is_signed, why = signed(text, doc.meta)
        if why:
            evidence.append(why)
        return Classification(best, scores, tuple(evidence), is_signed)

    def _parties(self, doc: Document) -> list[tuple[str, str]]:
        """(role, domain) for From/To/Cc, from mail metadata or header lines."""
        out: list[tuple[str, str]] = []
        for role in ("from", "to", "cc"):
            value = doc.meta.get(role)
            values = value if isinstance(value, (list, tuple)) else [value] if value else []
            out += [(role, d.lower()) for v in values for d in _ADDR.findall(str(v))]
        if not out:
            head = "\n".join(doc.text.splitlines()[:15])
            out = [
                (m.group(1).lower(), d.lower())
                for m in _PARTY.finditer(head)
                for d in _ADDR.findall(m.group(2))
            ]
        return out

    def _mail_kind(self, parties: list[tuple[str, str]]) -> tuple[str, str]:
        own = {d.lower() for d in self.config.classify.own_domains}
        note = "mail:owner domain from config"
        if not own:
            senders = [d for role, d in parties if role == "from"] or [parties[0][1]]
            own = {max(set(senders), key=senders.count)}
            note = "mail:owner domain guessed from sender"
        internal = all(_within(d, own) for _, d in parties)
        return (
            ("internal_note", f"{note}; all parties internal")
            if internal
            else ("correspondence", f"{note}; external party")
        )


def _lead(scores: dict[str, float], best: str) -> dict[str, float]:
    """Normalised scores in which ``best`` (chosen by a rule) has the highest probability."""
    top = max(scores, key=scores.__getitem__)
    if top != best:  # swap, so the sum stays 1 and the decision matches the scores
        scores = {**scores, top: scores[best], best: scores[top]}
    total = sum(scores.values())
    return {t: round(v / total, 6) for t, v in scores.items()}


def _quote(feature: str, text: str) -> str:
    """Evidence text of a feature; a title cue quotes its phrase: ``title:'delivery challan'``."""
    if feature.startswith("cue:") and (cue := title_cue(text)):
        return f"title:'{cue[1]}'"
    return feature


def _within(domain: str, own: set[str]) -> bool:
    return any(domain == o or domain.endswith("." + o) for o in own)


__all__ = ["Classifier"]
