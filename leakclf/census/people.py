"""Person resolution: one real person is one cluster of PERSON mentions and addresses.

Nodes are keyed digests, never names:

* a full name's ``pfull`` digest (first + last word; results without the facet: the finding's
  own digest); case, diacritics, titles, "Last, First" and middle names are already folded;
* an address's EMAIL_ADDRESS digest, joined to the full name its ``first.last`` local part
  spells (the address's ``("person", d)`` facet) and to the name written before it
  (``Jane Roe <jane.roe@...>``, the name's ``("email", d)`` facet);
* an initial form (``J. Roe``, or ``j.roe@``): it joins the one full-name cluster that shares its
  ``pinit`` digest; with none or several it stays on its own (two people may share it).

People who share only a first or a last name share no node and stay apart; one-word names
(``("name", "partial")``) name nobody the census can count once and are left out.

A cluster is **corroborated** when one of its full-name mentions stands where people are named
(a ``ctx`` facet, see ``leakclf.detectors.people``) or when it holds an address. A mention in
text read by OCR alone corroborates nothing by its context: OCR misreads names ("Xtienne"). The census reports persons as "at least N (corroborated), up to M (all clusters)".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from leakclf.model import DocumentResult, Finding


@dataclass
class Cluster:
    key: str  # the smallest full-name digest (else initial-form digest) of the cluster
    preview: str
    mentions: int = 0
    documents: set[int] = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # full-name digests
    emails: set[str] = field(default_factory=set)  # EMAIL_ADDRESS digests
    domains: set[str] = field(default_factory=set)  # registrable domains of those addresses
    contexts: set[str] = field(default_factory=set)
    value: str | None = None

    @property
    def corroborated(self) -> bool:
        return bool(self.contexts or self.emails)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def is_person_mention(f: Finding) -> bool:
    """A PERSON finding the census counts: not a lone first or last name."""
    return f.label == "PERSON" and f.facet("name") != "partial"


def _node(f: Finding) -> str:
    full = f.facet("pfull")
    if full:
        return "n:" + full
    if f.facet("pinit"):
        return "i:" + (f.facet("pinit") or "")
    return "n:" + f.digest  # results written before the facets existed


def resolve(results: Sequence[DocumentResult]) -> list[Cluster]:
    """The person clusters of ``results``, most mentioned first."""
    uf = _UnionFind()
    full_nodes: set[str] = set()
    init_of: dict[str, set[str]] = {}  # initial-form digest -> full-name nodes sharing it
    joined_of: dict[str, set[str]] = {}  # joined-form digest -> full-name nodes
    mentions: list[tuple[int, Finding, str]] = []
    address_links: list[tuple[str, str]] = []  # (email node, person digest of its local part)
    domain_of: dict[str, str] = {}  # email node -> registrable domain
    for i, r in enumerate(results):
        for f in r.findings:
            if is_person_mention(f):
                node = _node(f)
                uf.find(node)
                mentions.append((i, f, node))
                if node.startswith("n:"):
                    full_nodes.add(node)
                    if f.facet("pinit"):
                        init_of.setdefault(f.facet("pinit") or "", set()).add(node)
                    if f.facet("pjoin"):
                        joined_of.setdefault(f.facet("pjoin") or "", set()).add(node)
                shown = f.facet("email")
                if shown:
                    uf.union(node, "e:" + shown)
            elif f.label == "EMAIL_ADDRESS":
                domain_of["e:" + f.digest] = f.facet("domain") or ""
                person = f.facet("person")
                if person:
                    address_links.append(("e:" + f.digest, person))
    for email_node, person in address_links:
        if "n:" + person in full_nodes:
            uf.union(email_node, "n:" + person)
        elif len({uf.find(n) for n in joined_of.get(person, ())}) == 1:  # tristan.vandepavert@
            uf.union(email_node, next(iter(joined_of[person])))
        elif len({uf.find(n) for n in init_of.get(person, ())}) == 1:  # j.roe@ -> Jane Roe
            uf.union(email_node, next(iter(init_of[person])))
    for _, f, node in mentions:
        if node.startswith("i:"):  # "J. Roe" joins the one full name it can stand for
            roots = {uf.find(n) for n in init_of.get(node[2:], ())}
            if len(roots) == 1:
                uf.union(node, next(iter(roots)))
    clusters: dict[str, Cluster] = {}
    for i, f, node in mentions:
        root = uf.find(node)
        c = clusters.get(root)
        if c is None:
            c = clusters[root] = Cluster(key=root[2:], preview=f.preview)
        c.mentions += 1
        c.documents.add(i)
        if node.startswith("n:"):
            c.names.add(node[2:])
            if f.facet("ctx") and results[i].text_source != "ocr":  # OCR may misread a name
                c.contexts.add(f.facet("ctx") or "")
        if f.value is not None and c.value is None:
            c.value = f.value
    for node in list(uf.parent):
        if node.startswith("e:"):
            c = clusters.get(uf.find(node))
            if c is not None:
                c.emails.add(node[2:])
                if domain_of.get(node):
                    c.domains.add(domain_of[node])
    for root, c in clusters.items():  # key: the smallest full-name digest, stable across runs
        c.key = min(c.names) if c.names else root[2:]
    return sorted(clusters.values(), key=lambda c: (-c.mentions, c.key))
