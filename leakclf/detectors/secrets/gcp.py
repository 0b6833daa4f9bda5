"""Google Cloud API keys and service-account JSON key files."""

from __future__ import annotations

import re

from leakclf.detectors.base import Pattern
from leakclf.detectors.secrets.common import SecretDetector


class GcpApiKeyDetector(SecretDetector):
    id = "secret.gcp_api_key"
    label = "SECRET_GCP_API_KEY"
    prefix = "AIza"
    patterns = (
        Pattern("gcp-api-key", r"(?<![\w-])AIza[0-9A-Za-z_-]{35}(?![\w-])", 0.9, engine="regex"),
    )


class GcpServiceAccountDetector(SecretDetector):
    id = "secret.gcp_service_account"
    label = "SECRET_GCP_SERVICE_ACCOUNT"
    specificity = 97
    triggers = ("service_account",)
    patterns = (
        Pattern("gcp-sa-json", r"\{[^{}]*?\"type\"\s*:\s*\"service_account\"[^{}]*\}", 0.95),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        return ("private_key:present",) if '"private_key"' in value else None

    def normalise(self, value: str) -> str:
        m = re.search(r'"private_key_id"\s*:\s*"([^"]+)"', value)
        return m.group(1) if m else " ".join(value.split())

    def preview(self, value: str) -> str:
        return '{"type": "service_account", "private_key": "****"}'
