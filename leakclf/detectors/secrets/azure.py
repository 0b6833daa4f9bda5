"""Azure storage account keys, storage connection strings and SAS tokens."""

from __future__ import annotations

from leakclf.detectors.base import Pattern
from leakclf.detectors.secrets.common import SecretDetector, entropy


class AzureConnectionStringDetector(SecretDetector):
    id = "secret.azure_connection_string"
    label = "SECRET_AZURE_CONNECTION_STRING"
    prefix = "DefaultEndpointsProtocol="
    specificity = 97
    triggers = ("accountkey=",)
    patterns = (
        Pattern(
            "azure-conn",
            r"DefaultEndpointsProtocol=https?;AccountName=[A-Za-z0-9]{3,24};AccountKey=[A-Za-z0-9+/]{86}=="
            r"(?:;EndpointSuffix=[A-Za-z0-9.]+)?",
            0.95,
        ),
    )


class AzureStorageKeyDetector(SecretDetector):
    id = "secret.azure_storage_key"
    label = "SECRET_AZURE_STORAGE_KEY"
    needs_context = True
    window = 64
    context = (
        "accountkey",
        "account key",
        "storage key",
        "azure",
        "storage account",
        "access key",
        "azure_storage_key",
        "primary key",
        "secondary key",
    )
    patterns = (
        Pattern(
            "azure-key",
            r"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])",
            0.6,
            engine="regex",
        ),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        return ("entropy:ok",) if entropy(value) >= 4.5 else None


class AzureSasTokenDetector(SecretDetector):
    id = "secret.azure_sas"
    label = "SECRET_AZURE_SAS_TOKEN"
    prefix = "sv="
    triggers = ("sig=",)
    patterns = (
        Pattern(
            "azure-sas",
            r"sv=\d{4}-\d{2}-\d{2}(?:&[a-z]{2,5}=[^&\s\"'<>]*)*?&sig=[A-Za-z0-9%+/]{30,}(?:%3D|=){0,2}"
            r"(?:&[a-z]{2,5}=[^&\s\"'<>]*)*",
            0.9,
        ),
    )
