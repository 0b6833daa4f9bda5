"""Cross-label consistency within one text, applied after overlaps are resolved.

A one-word PERSON ("Dear Boyer") is the full name in the same text that holds that word
("Kim Boyer"), so both share a digest; one that matches no single full name is marked
partial (facet ``("name", "partial")``): the census counts people by full name.

spaCy sometimes calls a person an organisation ("To: Vamakshi Grewal <vamakshi.grewal@...>").
An ORGANIZATION whose name is a PERSON found in the same text (by NER, or guessed from an
e-mail's first.last local part) becomes PERSON, so no person's name reaches an "org" facet.
"""

from __future__ import annotations

from dataclasses import replace

from leakclf.detectors.base import Candidate
from leakclf.detectors.masking import mask_name
from leakclf.normalize import normalise_person
from leakclf.privacy import digest


def people_first(cands: list[Candidate], key: bytes) -> list[Candidate]:
    people = {digest(key, "PERSON", c.normalised) for c in cands if c.label == "PERSON"}
    people |= {v for c in cands if c.label == "EMAIL_ADDRESS" for k, v in c.facets if k == "person"}
    if not people:
        return cands
    out = []
    for c in cands:
        name = normalise_person(c.value)
        if c.label == "ORGANIZATION" and digest(key, "PERSON", name) in people:
            c = replace(
                c,
                label="PERSON",
                normalised=name,
                preview=mask_name(c.value),
                facets=(),
                evidence=(*c.evidence, "relabel:person-elsewhere"),
            )
        out.append(c)
    return out


def link_partial_names(cands: list[Candidate]) -> list[Candidate]:
    full: dict[str, set[str]] = {}
    for c in cands:
        words = c.normalised.split()
        if c.label == "PERSON" and len(words) > 1:
            for word in words:
                full.setdefault(word, set()).add(c.normalised)
    out = []
    for c in cands:
        if c.label == "PERSON" and len(c.normalised.split()) == 1:
            names = full.get(c.normalised, set())
            if len(names) == 1:
                c = replace(
                    c, normalised=next(iter(names)), evidence=(*c.evidence, "coref:full-name")
                )
            else:
                c = replace(
                    c,
                    facets=(*c.facets, ("name", "partial")),
                    evidence=(*c.evidence, "name:partial"),
                )
        out.append(c)
    return out
