"""Wording for the fake business documents: titles, headings, labels, tables and layouts per type.

Template ``k`` of a type uses ``TITLES[type][k]``, a layout, and a slice of the
heading / sentence / label pools chosen by ``k``. Templates 8 and 9 of every type are
held out of training (see ``leakclf.doctypes.train``). Placeholders in braces are filled
by ``leakclf.demo.compose`` and recorded as entity mentions.
"""

from __future__ import annotations

from leakclf.demo.phrases import GENERIC, SENTENCES

__all__ = ["BOILERPLATE", "GENERIC", "HEADINGS", "LABELS", "LAYOUTS", "SENTENCES", "TABLES", "TITLES"]

TITLES: dict[str, tuple[str, ...]] = {
    "sow": ("Statement of Work", "SOW No. {n}", "Scope of Work", "Statement of Work for Professional Services",
            "Work Order / Statement of Work", "Leistungsbeschreibung", "Project Statement of Work",
            "Exhibit B - Statement of Work", "Scope and Services Description", "SOW - Managed Services"),
    "invoice": ("INVOICE", "Invoice Summary", "Invoice No. {n}", "Rechnung", "Facture", "Bill", "Commercial Invoice",
                "Fattura", "Billing Statement", "Final Invoice"),
    "purchase_order": ("PURCHASE ORDER", "Purchase Order No. {n}", "PO", "Bestellung", "Bon de commande",
                       "Product Order", "Order Form (Purchase)", "Ordine di acquisto", "Blanket Purchase Order",
                       "Procurement Order"),
    "quote": ("QUOTATION", "Quote", "Price Quotation", "Angebot", "Devis", "Commercial Proposal",
              "Product Offer", "Offerta", "Pricing Proposal", "Estimate"),
    "contract": ("MASTER SERVICES AGREEMENT", "Non-Disclosure Agreement", "Mutual Confidentiality Agreement",
                 "Amendment No. {n} to the Agreement", "Framework Agreement", "Dienstleistungsvertrag",
                 "Software License Agreement", "Contrat de prestation", "Data Processing Agreement", "Reseller Agreement"),
    "proof_of_execution": ("Certificate of Completion", "Delivery Acceptance Certificate", "Project Sign-Off",
                           "Acceptance Protocol", "Abnahmeprotokoll", "Acceptance Certificate",
                           "Service Completion Confirmation", "Proces-verbal de reception",
                           "Final Acceptance Form", "Work Completion Sign-off"),
    "poc": ("Proof of Concept Plan", "PoC Report", "Pilot Plan", "Proof of Concept - Results",
            "Pilot Evaluation Report", "Technical Validation (PoC)", "PoC Success Criteria",
            "Pilot Programme Summary", "Proof of Value Report", "Prototype Evaluation"),
    "project_plan": ("Project Plan", "Project Status Report", "Weekly Status Update", "Project Schedule",
                     "RACI Matrix", "Risk Register", "Projektplan", "Project Overview", "Implementation Roadmap",
                     "Milestone Tracker"),
    "correspondence": ("", "Re: your enquiry", "Follow-up", "Letter", "", "Re: meeting next week", "",
                       "Re: renewal", "Thank you", "Customer update"),
    "internal_note": ("Internal memo", "Account notes", "CRM export - accounts", "Internal: customer review",
                      "Note to file", "Team notes", "Interne Notiz", "Account risk review", "Account plan (internal)",
                      "Pipeline review notes"),
    "resume": ("Curriculum Vitae", "Resume", "CV", "Lebenslauf", "Professional Profile", "Curriculum vitae",
               "Resume - {person}", "Candidate Profile", "Career Summary", "Profil professionnel"),
    "other": ("Newsletter", "Meeting Room Booking", "Cafeteria Menu", "IT Security Awareness", "Release Notes",
              "Travel Policy", "Holiday Calendar", "Office Move Announcement", "Parking Guidelines", "Product FAQ"),
}

HEADINGS: dict[str, tuple[str, ...]] = {
    "sow": ("Background", "Scope of Services", "Deliverables", "Milestones", "Acceptance Criteria", "Fees and Payment",
            "Assumptions", "Out of Scope", "Timeline", "Roles and Responsibilities", "Change Control", "Term"),
    "invoice": ("Bill To", "Ship To", "Payment Terms", "Remittance Information", "Bank Details", "Notes",
                "Summary of Charges", "Tax Details"),
    "purchase_order": ("Vendor", "Ship To", "Delivery Instructions", "Terms and Conditions", "Approval",
                       "Order Details", "Billing Address", "Special Instructions"),
    "quote": ("Offer Details", "Pricing", "Validity", "Terms", "Delivery Time", "Optional Items", "Notes",
              "Acceptance of Offer"),
    "contract": ("Definitions", "Term and Termination", "Confidentiality", "Limitation of Liability",
                 "Governing Law", "Intellectual Property", "Payment", "Indemnification", "Notices",
                 "Entire Agreement", "Warranties", "Assignment"),
    "proof_of_execution": ("Services Delivered", "Acceptance", "Deliverables Received", "Confirmation",
                           "Remarks", "Outstanding Items", "Sign-off", "Reference"),
    "poc": ("Objectives", "Success Criteria", "Scope of the Pilot", "Test Environment", "Results",
            "Findings", "Recommendation", "Next Steps", "Evaluation Method", "Limitations"),
    "project_plan": ("Milestones", "Schedule", "Risks and Issues", "Status Summary", "RACI", "Work Packages",
                     "Budget", "Dependencies", "Next Period", "Resources", "Decisions Needed"),
    "correspondence": (),
    "internal_note": ("Summary", "Account Status", "Risk Assessment", "Action Items", "Background",
                      "Discussion", "Decisions"),
    "resume": ("Experience", "Education", "Skills", "Languages", "Certifications", "Professional Summary",
               "Projects", "Interests", "Work History", "References"),
    "other": ("Highlights", "What's new", "Details", "Questions", "Schedule", "General", "Contacts"),
}

LABELS: dict[str, tuple[str, ...]] = {
    "sow": ("SOW Reference", "Client", "Supplier", "Project", "Start Date", "End Date", "Total Fees", "MSA Reference"),
    "invoice": ("Invoice Number", "Invoice Date", "Due Date", "Customer No.", "PO Number", "Amount Due",
                "VAT No.", "Rechnungsnummer"),
    "purchase_order": ("PO Number", "Order Date", "Vendor", "Requested By", "Delivery Date", "Cost Centre",
                       "Payment Terms", "Ship Via"),
    "quote": ("Quote Number", "Date", "Valid Until", "Prepared For", "Prepared By", "Offer No.", "Customer Ref."),
    "contract": ("Effective Date", "Agreement No.", "Customer", "Supplier", "Term", "Governing Law"),
    "proof_of_execution": ("Reference", "Date of Acceptance", "Project", "PO Number", "Delivered By",
                           "Accepted By", "Certificate No."),
    "poc": ("Pilot Period", "Sponsor", "Project", "Environment", "Participants", "Status"),
    "project_plan": ("Project", "Project Code", "Reporting Period", "Project Manager", "Overall Status",
                     "Phase", "Sponsor"),
    "correspondence": (),
    "internal_note": ("Account", "Owner", "Risk Rating", "Segment", "Last Contact", "Classification"),
    "resume": ("Name", "Email", "Phone", "Location", "Nationality", "Date of Birth"),
    "other": ("Date", "Location", "Contact", "Version"),
}

TABLES: dict[str, tuple[tuple[str, ...], ...]] = {
    "invoice": (("Description", "Qty", "Unit Price", "Amount"), ("Item", "Quantity", "Rate", "Total"),
                ("Pos.", "Beschreibung", "Menge", "Einzelpreis", "Betrag")),
    "purchase_order": (("Item No.", "Description", "Qty", "Unit Price", "Line Total"),
                       ("SKU", "Product", "Quantity", "Price", "Amount")),
    "quote": (("Item", "Description", "Qty", "Unit Price", "Total"), ("Product", "Qty", "List Price", "Net Price")),
    "project_plan": (("Task", "Owner", "Start", "Finish", "Status"), ("Milestone", "Due", "Status"),
                     ("Risk", "Probability", "Impact", "Mitigation", "Owner")),
    "internal_note": (("Account", "Owner", "Risk", "ARR", "Comment"),),
    "proof_of_execution": (("Deliverable", "Delivered", "Accepted"), ("Item", "Qty", "Accepted")),
    "poc": (("Criterion", "Target", "Result", "Met"),),
    "sow": (("Milestone", "Deliverable", "Due", "Fee"),),
    "resume": (), "contract": (), "correspondence": (), "other": (("Day", "Menu"), ("Version", "Change")),
}

#: Layout families a template may use (picked by template index).
LAYOUTS: dict[str, tuple[str, ...]] = {
    "sow": ("report", "form", "report", "slides", "report", "form", "report", "report", "form", "report"),
    "invoice": ("form", "form", "sheet", "form", "form", "letter", "form", "sheet", "form", "form"),
    "purchase_order": ("form", "sheet", "form", "form", "form", "form", "sheet", "form", "form", "form"),
    "quote": ("form", "letter", "form", "sheet", "form", "form", "slides", "form", "letter", "form"),
    "contract": ("report", "report", "report", "report", "report", "report", "report", "report", "report", "report"),
    "proof_of_execution": ("form", "report", "form", "form", "report", "form", "form", "report", "form", "form"),
    "poc": ("report", "slides", "report", "report", "form", "slides", "report", "report", "report", "slides"),
    "project_plan": ("report", "slides", "sheet", "sheet", "sheet", "report", "report", "report", "slides", "sheet"),
    "correspondence": ("mail", "mail", "letter", "letter", "mail", "mail", "letter", "mail", "mail", "letter"),
    "internal_note": ("memo", "memo", "sheet", "mail", "memo", "mail", "memo", "memo", "report", "memo"),
    "resume": ("report", "report", "slides", "report", "report", "form", "report", "report", "report", "report"),
    "other": ("report", "form", "sheet", "slides", "report", "report", "report", "report", "report", "report"),
}

BOILERPLATE = (
    "CONFIDENTIAL - for the addressee only.",
    "This document may contain confidential information. If you received it in error, please delete it.",
    "Printed from the document management system.",
    "Page {page} of {pages}",
    "Registered office: see company register. VAT registered.",
    "Draft - subject to change",
)
