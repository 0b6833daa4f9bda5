"""Ranking accuracy: does the score put people's data first? Pairs "A must outrank B" and level
expectations over real documents (../shared, both folders) plus documents written here for the
gaps (tax forms, payroll, card lists, a supplier invoice with its own bank details, ...).

    PYTHONPATH=. .venv/bin/python benchmarks/bench_ranking.py [--no-ner] [--show]

A document's rank value is ``max(score, contents_score)`` of its top row, its level the higher of
``level`` and ``contents_level`` (a container shows what it holds). Reports pairwise order accuracy
(ties count as wrong) and level agreement. The written documents use reserved or fake values only
(555 numbers, documentation IBANs, test card numbers).

The real-world doctypes folder is used as ranking input only; no keyword list was tuned on it.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from leakclf.config import Config, DetectConfig
from leakclf.model import LEVELS
from leakclf.pipeline import Pipeline

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
T = "corpus/doctypes-train/"
R = "fixtures/real-world/"

#: Documents written for the gaps: what a dump holds that the public corpora do not.
WRITTEN: dict[str, str] = {
    "w2": """Form W-2 Wage and Tax Statement 2023
a Employee's social security number: 536-22-1234
b Employer identification number (EIN): 12-3456789
c Employer's name, address, and ZIP code: Contoso Manufacturing Inc, 100 Main Street, Springfield, IL 62701
e Employee's first name and initial, Last name: Maria Gonzalez
f Employee's address: 42 Elm Street, Springfield, IL 62704
1 Wages, tips, other compensation 68,250.00   2 Federal income tax withheld 9,120.00
3 Social security wages 68,250.00   4 Social security tax withheld 4,231.50
""",
    "form1099": """Form 1099-NEC Nonemployee Compensation 2023
PAYER'S name: Fabrikam Consulting LLC, 500 Oak Avenue, Austin, TX 78701
PAYER'S TIN: 45-6789012
RECIPIENT'S TIN (SSN): 219-45-6781
RECIPIENT'S name: Daniel Okafor
Street address: 17 River Road, Austin, TX 78702
1 Nonemployee compensation $ 42,600.00
""",
    "payroll": """employee,name,ssn,salary,bank_routing,bank_account
1001,Anna Keller,536-22-1234,72000,021000021,4417123456
1002,Brian Osei,412-55-7890,65500,021000021,5582001937
1003,Chen Wei,318-44-1029,81200,011000015,7712009941
1004,Diana Ruiz,245-67-3310,59900,011000015,3301887712
""",
    "cards": """Customer payment cards - export
Name, Card number, Expiry
Olivia Brown, 4111 1111 1111 1111, 08/27
Liam Johnson, 5555 5555 5555 4444, 11/26
Emma Davis, 4012 8888 8888 1881, 02/28
""",
    "direct_deposit": """Direct Deposit Authorization
Employee name: Samuel Park
Bank name: First Federal Bank
Routing number: 021000021
Checking account number: 4417123456
Signature: Samuel Park   Date: 03/01/2024
""",
    "hr_record": """Personnel record - confidential
Employee: Grace Thompson
Date of birth: 14/02/1986
National Insurance number: JK 12 34 56 C
Home address: 12 Acacia Avenue, Leeds LS1 4AP
Personal mobile: +44 7700 900123
""",
    "contact_list": """Team emergency contacts
Anna Keller - mobile +44 7700 900111 - anna.keller@gmail.com
Brian Osei - mobile +44 7700 900222 - brian.osei@outlook.com
Chen Wei - mobile +44 7700 900333 - chen.wei@yahoo.co.uk
Diana Ruiz - mobile +44 7700 900444 - diana.ruiz@gmail.com
Ezra Cohen - mobile +44 7700 900555 - ezra.cohen@hotmail.com
""",
    "supplier_invoice": """Northwind Supplies GmbH
Hauptstrasse 5, 10115 Berlin, Germany
Tel. +49 30 1234567  info@northwind.example.de  USt-IdNr. DE136695976

INVOICE No. 2024-0117
Bill to: Contoso Ltd, 1 High Street, London
Reference 900-70-1234
Item                      Qty   Price
Industrial fasteners       400   1,240.00
Total due EUR 1,240.00

Bank details
IBAN: DE89 3704 0044 0532 0130 00
BIC/SWIFT: COBADEFFXXX
""",
    "aws_bill": """Amazon Web Services Invoice
Account ID: 123456789012
Billing period: March 2024
Amazon EC2 $ 412.10
Amazon S3 $ 38.52
Total $ 450.62
Questions? aws-billing@amazon.com
""",
    "press_release": """FOR IMMEDIATE RELEASE
Contoso opens a new plant in Springfield
Springfield, March 4 - Contoso Manufacturing announced today a new plant that will employ
200 people. "We are proud to grow here," the company said.
Media contact: press@contoso.example, +1 212 555 0100
""",
    "letterhead_letter": """Fabrikam Consulting LLC
500 Oak Avenue, Austin, TX 78701 | Tel (512) 555-0100 | info@fabrikam.example

Dear customer,
Our offices will be closed on Monday for the holiday. Orders placed over the weekend will be
shipped on Tuesday. Thank you for your business.

Fabrikam Consulting LLC - www.fabrikam.example
""",
    "meeting_notes": """Weekly sync - notes
Attendees: product and engineering
- Release 4.2 slips one week; QA needs the new build by Thursday.
- Budget review moves to next month.
Action: update the roadmap slide.
""",
    "private_key": """-----BEGIN RSA PRIVATE KEY-----
MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MaP8nn3xV0Zy5lQ7
r5Yl1a2m5b3X9q8c7d6e5f4g3h2i1j0k9l8m7n6o5p4q3r2s1t0u9v8w7x6y5z4a
Q2BhdGNoIHRoZSBrZXkgZmlsZSBpcyBhIGZha2UgZm9yIHRlc3RzIG9ubHkgYW5k
IG5ldmVyIHVzZWQgZm9yIGFueXRoaW5nIHJlYWwuIEl0IGlzIGp1c3QgYmFzZTY0
-----END RSA PRIVATE KEY-----
""",
    "itin_noise": """Shipping manifest
Carrier reference 912-70-1234 (taxpayer copy)
Pallets: 12   Weight: 840 kg
""",
    "patient_intake": """Patient intake form
Patient name: Robert Miles
DOB: 03/07/1975
NHS number: 943 476 5919
Emergency contact: Jane Miles, mobile 07700 900456
""",
    "in_invoice": """Sharma Traders Pvt Ltd
GSTIN: 27AAPFU0939F1ZV   PAN: AAPFU0939F
Plot 7, MIDC, Pune 411019, India   Phone: 020 2567 8901
TAX INVOICE No. ST/2024/118
Bill to: Mehta Retail
Item: Copper wire 200 m   Rs. 48,000.00
Bank: HDFC Bank, A/c No. 57500000549220, IFSC HDFC0004685
""",
    "in_employee": """Employee details form
Name: Priya Nair
PAN: ABCPK1234A
Mobile No. 98765 43210, Bengaluru
Salary account: HDFC Bank A/c No. 50100234567891
""",
}


@dataclass(frozen=True)
class Ranked:
    score: int
    level: str
    unread: str | None


#: (A, B, why A must outrank B)
PAIRS: list[tuple[str, str, str]] = [
    ("W:w2", "W:supplier_invoice", "a person's SSN and wages outrank a supplier's own IBAN/SWIFT"),
    ("W:form1099", "W:supplier_invoice", "a contractor's SSN outranks a supplier's bank details"),
    (
        "W:w2",
        R + "doctypes/invoice/billmate_uae_vat_tax_invoice.pdf",
        "SSN and wages outrank a real invoice's bank block",
    ),
    (
        "W:w2",
        R + "doctypes/invoice/erpnext_gst_tax_invoice_gujarat.pdf",
        "SSN and wages outrank a GST invoice with the issuer's account",
    ),
    ("W:form1099", T + "invoice/zcorpus_hetzner_rechnung_2016.pdf", "SSN outranks a hosting bill"),
    (
        "W:form1099",
        T + "invoice/parsee_atlassian_tax_invoice_receipt.pdf",
        "SSN outranks a SaaS receipt",
    ),
    ("W:payroll", T + "invoice/mustang_bc_invoice_103767.pdf", "payroll beats any invoice"),
    ("W:payroll", "W:supplier_invoice", "many SSNs and salaries beat one supplier IBAN"),
    ("W:payroll", "W:contact_list", "identifiers and pay beat contact details"),
    ("W:cards", "W:supplier_invoice", "customers' card numbers beat business bank details"),
    ("W:cards", T + "resume/jakegut_resume_software_engineer.pdf", "card list beats a CV"),
    (
        "W:direct_deposit",
        "W:supplier_invoice",
        "an employee's own bank account beats a supplier's published one",
    ),
    ("W:direct_deposit", "W:letterhead_letter", "a personal account beats a letterhead"),
    ("W:hr_record", "W:meeting_notes", "a national insurance number beats meeting notes"),
    ("W:hr_record", "W:contact_list", "NINO and date of birth beat phone numbers"),
    ("W:patient_intake", "W:supplier_invoice", "a patient's NHS number beats a supplier invoice"),
    (
        "W:patient_intake",
        T + "other/calvin_undergrounds_press_release.pdf",
        "health identifiers beat a press release",
    ),
    (
        "W:private_key",
        T + "resume/deedy_resume_two_column_software_engineer.pdf",
        "a private key beats a CV",
    ),
    ("W:private_key", "W:supplier_invoice", "a private key beats business bank details"),
    ("W:in_employee", "W:in_invoice", "a person's PAN and salary account beat a firm's GSTIN/PAN"),
    ("W:in_employee", T + "quote/quotify_callout_quote_gst.pdf", "a person's PAN beats a quote"),
    (
        "W:contact_list",
        "W:letterhead_letter",
        "people's personal mobiles and mail beat a company's switchboard and info@",
    ),
    ("W:contact_list", "W:press_release", "personal contacts beat a press contact"),
    ("W:contact_list", "W:aws_bill", "personal contacts beat a cloud bill"),
    ("W:supplier_invoice", "W:press_release", "an invoice is more internal than a press release"),
    ("W:supplier_invoice", "W:meeting_notes", "an invoice with bank details beats bland notes"),
    (
        T + "resume/jakegut_resume_software_engineer.pdf",
        "W:supplier_invoice",
        "a CV (a person's history and contacts) beats a supplier invoice",
    ),
    (
        R + "doctypes/resume/awesomecv_resume.pdf",
        R + "doctypes/invoice/syntex_adatum_invoice_6.pdf",
        "a CV beats an invoice with business contacts",
    ),
    (
        R + "doctypes/resume/aws_devops_resume_example.pdf",
        "W:letterhead_letter",
        "a CV beats a letterhead",
    ),
    (
        R + "doctypes/resume/devops_sre_resume_sample.pdf",
        T + "other/calvin_undergrounds_press_release.pdf",
        "a CV beats a press release",
    ),
    (
        T + "resume/deedy_resume_two_column_software_engineer.pdf",
        T + "other/vishay_veml6075_uv_sensor_datasheet.pdf",
        "a CV beats a datasheet",
    ),
    (
        T + "other/jemini_sample_payslip_nz.pdf",
        T + "other/dfrobot_10w_led_datasheet.pdf",
        "a payslip beats a datasheet",
    ),
    (
        T + "other/cfosync_sample_bank_statement.txt",
        T + "other/sdsn_ieep_eu_sdg_index_2019_press_release.pdf",
        "a bank statement beats a press release",
    ),
    (
        T + "other/cfosync_sample_bank_statement.txt",
        "W:meeting_notes",
        "a bank statement beats meeting notes",
    ),
    ("W:w2", T + "other/irs_form_w9_blank_2018.pdf", "a filled tax form beats a blank one"),
    (
        "W:form1099",
        T + "other/alberta_blank_employee_payslip_form.pdf",
        "a filled form beats a blank payslip template",
    ),
    # unread: (these two pairs named the image-only scans until OCR, issue 16, came to read them)
    (
        R + "email/empty.eml",
        T + "other/calvin_undergrounds_press_release.pdf",
        "a file we could not read ranks above a press release we read",
    ),
    (R + "email/empty.eml", "W:meeting_notes", "unread ranks above bland notes"),
    (
        "W:supplier_invoice",
        "W:itin_noise",
        "a 0.40 'ITIN' on a manifest scores nothing, below a real invoice",
    ),
    ("W:hr_record", "W:aws_bill", "a person's NINO beats an AWS account ID"),
    ("W:w2", "W:in_invoice", "an SSN beats a firm's tax numbers"),
    ("W:cards", "W:in_invoice", "card numbers beat a GST invoice"),
    (
        T + "contract/karaka_jingga_muster_arbeitsvertrag_de.docx",
        "W:press_release",
        "an employment contract beats a press release",
    ),
    (
        T + "invoice/zcorpus_hetzner_rechnung_2016.pdf",
        T + "other/dfrobot_10w_led_datasheet.pdf",
        "an invoice beats a datasheet",
    ),
    # added after the first run, before looking at these documents' scores
    (
        T + "correspondence/akleimeier_cover_letter_internship_en.docx",
        T + "other/anu_cinefly_user_manual.pdf",
        "a person's cover letter beats a user manual",
    ),
    (
        T + "correspondence/caq_financial_capacity_letter_to_immigration.docx",
        T + "internal_note/styleguide_memo_source_format_guidelines.pdf",
        "a letter about a person's finances beats a style memo",
    ),
    (
        T + "resume/europass_cv_template_mario_rossi_it.pdf",
        T + "other/bloomboard_privacy_policy_2015.pdf",
        "a CV beats a privacy policy",
    ),
    (
        T + "resume/chennch_lebenslauf_medizin_de.pdf",
        T + "quote/elios_devis_dv2026_0001.pdf",
        "a CV beats a quote",
    ),
    (
        T + "other/jemini_sample_payslip_nz.pdf",
        T + "other/calvin_undergrounds_media_fact_sheet.pdf",
        "a payslip beats a media fact sheet",
    ),
]

#: (document, allowed levels, why)
LEVELS_EXPECTED: list[tuple[str, tuple[str, ...], str]] = [
    ("W:w2", ("restricted",), "tax form with a named person's SSN"),
    ("W:form1099", ("restricted",), "tax form with a named person's SSN"),
    ("W:payroll", ("restricted",), "names, SSNs and salaries"),
    ("W:cards", ("restricted",), "named card holders and card numbers"),
    ("W:direct_deposit", ("restricted",), "a named person's bank account"),
    ("W:hr_record", ("restricted",), "a named person's NINO and date of birth"),
    ("W:patient_intake", ("restricted",), "a named patient's NHS number"),
    ("W:private_key", ("restricted",), "a private key"),
    ("W:in_employee", ("restricted",), "a named person's PAN and salary account"),
    ("W:supplier_invoice", ("internal", "confidential"), "a supplier's own bank details"),
    ("W:in_invoice", ("internal", "confidential"), "a firm's GSTIN, PAN and bank account"),
    ("W:aws_bill", ("public", "internal", "confidential"), "a cloud bill: no personal data"),
    ("W:press_release", ("public", "internal"), "published on purpose"),
    ("W:letterhead_letter", ("public", "internal"), "business contact data only"),
    ("W:meeting_notes", ("public", "internal"), "nothing about people"),
    ("W:itin_noise", ("public", "internal"), "an unconfident 9-digit number"),
    ("W:contact_list", ("internal", "confidential"), "personal contacts, no identifiers"),
    (T + "other/calvin_undergrounds_press_release.pdf", ("public", "internal"), "press release"),
    (
        T + "other/sdsn_ieep_eu_sdg_index_2019_press_release.pdf",
        ("public", "internal"),
        "press release",
    ),
    (T + "other/vishay_veml6075_uv_sensor_datasheet.pdf", ("public", "internal"), "datasheet"),
    (T + "other/dfrobot_10w_led_datasheet.pdf", ("public", "internal"), "datasheet"),
    (T + "resume/jakegut_resume_software_engineer.pdf", ("confidential", "restricted"), "a CV"),
    (R + "doctypes/resume/awesomecv_resume.pdf", ("confidential", "restricted"), "a CV"),
    (R + "doctypes/resume/devops_sre_resume_sample.pdf", ("confidential", "restricted"), "a CV"),
    (
        R + "doctypes/invoice/billmate_uae_vat_tax_invoice.pdf",
        ("internal", "confidential"),
        "an invoice with the issuer's bank block is not restricted",
    ),
    (
        R + "doctypes/invoice/erpnext_gst_tax_invoice_gujarat.pdf",
        ("internal", "confidential"),
        "a GST invoice with the issuer's account is not restricted",
    ),
    # (these two named the image-only scans, unread until OCR, issue 16, came to read them)
    (R + "email/empty.eml", ("internal",), "an unread file is never public"),
    (
        R + "email/mime-no-body.eml",
        ("internal", "confidential", "restricted"),
        "a mail whose attachment could not be read shows it in its contents",
    ),
    # added after the first run, before looking at these documents' scores
    (T + "other/bloomboard_privacy_policy_2015.pdf", ("public", "internal"), "a published policy"),
    (T + "other/anu_cinefly_user_manual.pdf", ("public", "internal"), "a user manual"),
    (T + "resume/europass_cv_template_mario_rossi_it.pdf", ("confidential", "restricted"), "a CV"),
    (
        T + "other/jemini_sample_payslip_nz.pdf",
        ("confidential", "restricted"),
        "a person's payslip",
    ),
]


def documents() -> set[str]:
    names = {a for a, _, _ in PAIRS} | {b for _, b, _ in PAIRS}
    return names | {d for d, _, _ in LEVELS_EXPECTED}


def rank(pipe: Pipeline, name: str) -> Ranked:
    if name.startswith("W:"):
        rows = pipe.process(WRITTEN[name[2:]].encode("utf-8"), name=name[2:] + ".txt")
    else:
        rows = pipe.process(SHARED / name)
    top = rows[0]
    level = max(top.level, top.contents_level or "public", key=LEVELS.index)
    return Ranked(max(top.score, top.contents_score or 0), level, top.unread_reason)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-ner", action="store_true", help="pattern detectors only")
    ap.add_argument("--show", action="store_true", help="print every document's score")
    args = ap.parse_args()
    if not SHARED.is_dir():
        print(f"../shared not found at {SHARED}; the ranking set needs it", file=sys.stderr)
        return 2
    pipe = Pipeline(Config(detect=DetectConfig(ner=not args.no_ner)))
    ranked = {name: rank(pipe, name) for name in sorted(documents())}
    if args.show:
        for name, r in sorted(ranked.items(), key=lambda kv: -kv[1].score):
            print(
                f"{r.score:4d} {r.level:12s} {name}"
                + (f"  [unread: {r.unread}]" if r.unread else "")
            )
        print()
    wrong_pairs = [(a, b, why) for a, b, why in PAIRS if ranked[a].score <= ranked[b].score]
    wrong_levels = [(d, ok, why) for d, ok, why in LEVELS_EXPECTED if ranked[d].level not in ok]
    for a, b, why in wrong_pairs:
        print(f"pair   {ranked[a].score:3d} <= {ranked[b].score:3d}  {a}  vs  {b}  ({why})")
    for d, ok, why in wrong_levels:
        print(f"level  {ranked[d].level} not in {ok}  {d}  ({why})")
    pairs = 1 - len(wrong_pairs) / len(PAIRS)
    levels = 1 - len(wrong_levels) / len(LEVELS_EXPECTED)
    written = sum(n.startswith("W:") for n in ranked)
    print(f"documents: {len(ranked)} ({len(ranked) - written} real, {written} written)")
    print(
        f"pairwise order accuracy: {pairs:.3f} ({len(PAIRS) - len(wrong_pairs)}/{len(PAIRS)}; "
        "goal >= 0.95)"
    )
    print(
        f"level agreement: {levels:.3f} "
        f"({len(LEVELS_EXPECTED) - len(wrong_levels)}/{len(LEVELS_EXPECTED)}; goal >= 0.90)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
