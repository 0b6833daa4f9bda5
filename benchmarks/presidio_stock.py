"""Stock Presidio for side-by-side benchmarks: AnalyzerEngine, default recognizers, same spaCy model.

tldextract is made offline *before* Presidio is built: its email recognizer calls
``tldextract.extract``, whose default extractor would try to download the suffix list.
"""

from __future__ import annotations

from typing import Any

#: Presidio entity types that leakclf reports as NATIONAL_ID.
NATIONAL = {
    "UK_NHS",
    "UK_NINO",
    "ES_NIF",
    "ES_NIE",
    "IT_FISCAL_CODE",
    "IN_AADHAAR",
    "SG_NRIC_FIN",
    "AU_TFN",
    "FI_PERSONAL_IDENTITY_CODE",
    "PL_PESEL",
    "KR_RRN",
    "TH_TNIN",
}


def offline_tldextract() -> None:
    import tldextract
    import tldextract.tldextract as tx

    tx.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def stock_engine(model: str) -> Any:
    offline_tldextract()
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
        }
    )
    return AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])


def presidio_label(entity_type: str) -> str:
    return "NATIONAL_ID" if entity_type in NATIONAL else entity_type
