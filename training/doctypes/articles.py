"""Generated articles about a document type: prose that explains an invoice is not an invoice.

    article_examples(seed=0, per_type=6) -> list[Example]

The real corpus's hard negatives of ``other`` (an encyclopedia entry on pro forma invoices, a
chapter on contract offers, an article on market quotations) read as the type they talk about:
every generated document of a type is that type, so the model never saw a text about a type that
is not one. These are short explanatory articles (a heading, a definition, how it is used,
related terms, references) written from general knowledge, labelled ``other``. Training data only.
"""

from __future__ import annotations

import random

from training.doctypes.generated import Example

_TERMS = {  # type -> terms an article could be about
    "invoice": "invoice|pro forma invoice|commercial invoice|credit note|tax invoice",
    "purchase_order": "purchase order|blanket purchase order|sales order|order form",
    "quote": "quotation|price quote|cost estimate|request for quotation|offer",
    "proof_of_execution": "delivery note|goods received note|proof of delivery|acceptance certificate",
    "sow": "statement of work|scope of work|terms of reference|work breakdown",
    "contract": "contract|service agreement|non-disclosure agreement|master services agreement",
    "poc": "proof of concept|pilot project|prototype|feasibility study",
    "project_plan": "project plan|Gantt chart|risk register|project schedule|milestone",
    "correspondence": "business letter|cover letter|letter of intent",
    "internal_note": "memorandum|internal memo|meeting notes",
    "resume": "résumé|curriculum vitae|CV",
}
_OPEN = (
    "A {t} is a document used in commerce and project work to record what two parties agreed or exchanged.",
    "The term {t} refers to a standard business document; this article explains what it contains and when it is used.",
    "In accounting and procurement, a {t} is one of the documents that accompany a transaction.",
    "What is a {t}? In short, it is a written record that organisations use to formalise a step of a business process.",
)
_BODY = (
    "Typically, a {t} includes the names of the parties, a date, a reference number and a description of the goods or services.",
    "Unlike other documents, a {t} is not always legally binding; its status depends on the jurisdiction and on what the parties intended.",
    "Many companies use templates or software to create a {t}, and some governments require specific fields.",
    "The use of the {t} dates back to early trade, when merchants needed a record of what was shipped and what was owed.",
    "Readers should note that the requirements for a {t} vary between countries and industries.",
    "For example, a small business might issue a {t} by e-mail, while a large organisation may send it through an electronic data interchange.",
    "Common mistakes include missing dates, unclear descriptions and totals that do not match the attached documents.",
    "The {t} is often compared with related documents, and the difference matters for tax and audit purposes.",
    "Some authors argue that the {t} will disappear as processes become automated; others expect it to remain.",
    "This section summarises the main points; see the references for a detailed discussion.",
)
_HEADS = (
    "Overview",
    "Definition",
    "History",
    "How it works",
    "Key elements",
    "Example",
    "Advantages and disadvantages",
    "See also",
    "References",
    "Related terms",
    "Summary",
)
_REFS = (
    "Smith, J. (2019). Business Documents Explained. 3rd ed. London: Academic Press.",
    "Doe, A. and Lee, K. (2021). Trade Finance Basics. Journal of Commerce, 12(3), 45-60.",
    "International Chamber of Commerce (2020). Guide to trade documents.",
)


def article_examples(*, seed: int = 0, per_type: int = 6) -> list[Example]:
    rng = random.Random(seed + 57)
    out = []
    for doc_type, terms in _TERMS.items():
        for _ in range(per_type):
            term = rng.choice(terms.split("|"))
            md = rng.random() < 0.5
            lines = [
                ("# " if md else "") + term[:1].upper() + term[1:],
                "",
                rng.choice(_OPEN).format(t=term),
            ]
            for head in rng.sample(_HEADS, rng.randint(2, 5)):
                lines += ["", ("## " if md else "") + head]
                if head in ("See also", "Related terms"):
                    others = [
                        rng.choice(v.split("|")) for v in rng.sample(list(_TERMS.values()), 3)
                    ]
                    lines += [f"- {o}" for o in others]
                elif head == "References":
                    lines += rng.sample(_REFS, 2)
                else:
                    lines.append(
                        " ".join(s.format(t=term) for s in rng.sample(_BODY, rng.randint(2, 4)))
                    )
            name = f"{term.replace(' ', '_').lower()}.{'md' if md else 'html'}"
            out.append(Example("\n".join(lines), name, "other", f"article-{doc_type}", None))
    return out
