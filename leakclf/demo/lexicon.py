"""Domain terms per document type, woven into generic sentence frames for lexical variety.

Written from general business knowledge (and the type descriptions in issue 4), never
from the real-world evaluation folder. Terms whose index % 5 == 4 are used only by the
held-out templates, like the sentence pools.
"""

from __future__ import annotations

import random

TERMS: dict[str, tuple[str, ...]] = {
    "sow": ("scope of work", "deliverables", "milestones", "acceptance criteria", "work packages",
            "professional services", "period of performance", "engagement", "contractor responsibilities",
            "customer responsibilities", "project governance", "fixed fee", "time and materials", "rate card",
            "change request", "assumptions", "exclusions", "service levels", "key personnel", "work schedule",
            "quality standards", "acceptance testing", "handover", "effort estimate", "resource plan"),
    "invoice": ("invoice number", "invoice date", "bill to", "amount due", "balance due", "subtotal",
                "sales tax", "VAT", "remit to", "payment terms", "due date", "line items", "unit price",
                "total payable", "bank transfer", "account number", "sort code", "SWIFT/BIC", "credit note",
                "late fee", "billing period", "customer ID", "tax ID", "amount paid", "outstanding balance"),
    "purchase_order": ("purchase order", "PO number", "vendor", "supplier", "ship to", "deliver by",
                       "order date", "buyer", "requested by", "approved by", "unit cost", "quantity ordered",
                       "extended price", "freight", "terms of purchase", "order confirmation", "procurement",
                       "cost centre", "delivery address", "packing slip", "incoterms", "lead time",
                       "order total", "vendor number", "goods and services ordered"),
    "quote": ("quotation", "quote number", "valid until", "validity", "offer", "estimate", "pricing",
              "list price", "discount", "net price", "proposal", "prepared for", "price per unit",
              "minimum order", "subject to availability", "optional items", "acceptance of quote",
              "price schedule", "tender", "bid", "quoted price", "expiry date", "budgetary price",
              "commercial offer", "terms of offer"),
    "contract": ("agreement", "parties", "effective date", "term", "termination", "governing law",
                 "jurisdiction", "confidentiality", "indemnify", "liability", "warranty", "force majeure",
                 "intellectual property", "assignment", "severability", "notices", "entire agreement",
                 "hereinafter", "whereas", "in witness whereof", "executed", "counterparts", "recitals",
                 "obligations", "breach"),
    "proof_of_execution": ("certificate of completion", "acceptance certificate", "sign-off", "accepted",
                           "completed", "delivered", "handover protocol", "final acceptance", "received by",
                           "acceptance date", "confirmation of delivery", "completion date", "punch list",
                           "defects", "inspection", "commissioning", "customer acceptance", "work completed",
                           "services rendered", "approved for payment", "acknowledge receipt",
                           "acceptance record", "go-live confirmation", "closure", "delivered as agreed"),
    "poc": ("proof of concept", "pilot", "prototype", "success criteria", "hypothesis", "evaluation",
            "feasibility", "trial", "demo", "test scenarios", "findings", "results", "recommendation",
            "limitations", "next steps", "benchmark", "validation", "experiment", "metrics", "sandbox",
            "use case", "minimum viable product", "outcome", "lessons learned", "proof of value"),
    "project_plan": ("project plan", "schedule", "timeline", "milestone", "status report", "RAG status",
                     "risk register", "issue log", "RACI", "work breakdown", "dependencies", "critical path",
                     "sprint", "phase", "deliverable due", "resource allocation", "budget tracking",
                     "steering committee", "stakeholders", "baseline", "progress", "percent complete",
                     "planned vs actual", "communication plan", "roadmap"),
    "correspondence": ("dear", "thank you for", "regarding", "further to", "please find", "we are pleased",
                       "we regret", "kind regards", "sincerely", "looking forward", "as requested",
                       "your letter", "our conversation", "please contact", "enclosed", "on behalf of",
                       "best wishes", "do not hesitate", "I am writing", "we would like to inform",
                       "yours faithfully", "at your convenience", "follow up", "reply", "attached"),
    "internal_note": ("internal", "memo", "note to file", "account review", "risk rating", "churn risk",
                      "do not forward", "for internal use only", "team", "action items", "decision",
                      "discussion", "owner", "follow-up", "escalation", "CRM", "account health",
                      "credit hold", "pipeline", "forecast", "remarks", "colleagues", "confidential remarks", "notes",
                      "assessment"),
    "resume": ("experience", "education", "skills", "employment history", "certifications", "languages",
               "references", "professional summary", "achievements", "university", "degree", "internship",
               "proficient", "responsibilities included", "career objective", "volunteer", "awards",
               "bachelor", "master", "projects", "interests", "years of experience", "linkedin", "portfolio",
               "graduated"),
    "other": ("policy", "guideline", "manual", "chapter", "overview", "introduction", "section",
              "procedure", "instructions", "newsletter", "announcement", "article", "report", "figure",
              "table of contents", "appendix", "version", "release", "specification", "configuration",
              "user", "system", "training", "event", "FAQ"),
}

_FRAMES = (
    "The {a} and the {b} are described in this section.",
    "Refer to the {a} for details on the {b}.",
    "{A}: see below. {B}: as agreed.",
    "This part covers the {a}, the {b} and the {c}.",
    "Please review the {a} before the {b} is finalised.",
    "Note on {a}: the {b} applies.",
    "{A} - {b} - {c}",
    "Any questions about the {a} or the {b} should go to the contact named above.",
)


def terms(doc_type: str, template: int, held_out: tuple[int, ...]) -> list[str]:
    pool = TERMS[doc_type]
    if template in held_out:
        return [t for i, t in enumerate(pool) if i % 5 == 4]
    return [t for i, t in enumerate(pool) if i % 5 != 4]


def sentence(rng: random.Random, pool: list[str]) -> str:
    a, b, c = (rng.choice(pool) for _ in range(3))
    frame = rng.choice(_FRAMES)
    return frame.format(a=a, b=b, c=c, A=a[:1].upper() + a[1:], B=b[:1].upper() + b[1:])
