"""Train leakclf's own small spaCy NER by distilling en_core_web_sm (build time only)."""
