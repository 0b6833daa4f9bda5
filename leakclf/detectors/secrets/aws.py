"""AWS access key ids (fixed prefixes) and secret access keys (40 chars beside an AWS word)."""

from __future__ import annotations

from leakclf.detectors.base import Pattern
from leakclf.detectors.secrets.common import SecretDetector, entropy


class AwsAccessKeyDetector(SecretDetector):
    id = "secret.aws_access_key"
    label = "SECRET_AWS_ACCESS_KEY"
    prefix = "AKIA|ASIA|ABIA|ACCA|AIDA|AROA"
    context = ("aws", "access key", "access_key_id", "aws_access_key_id", "iam")
    patterns = (
        Pattern(
            "aws-key-id",
            r"(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA)[A-Z2-7]{16}(?![A-Za-z0-9])",
            0.9,
            engine="regex",
        ),
    )


class AwsSecretKeyDetector(SecretDetector):
    id = "secret.aws_secret_key"
    label = "SECRET_AWS_SECRET_KEY"
    needs_context = True
    window = 64
    triggers = ("aws", "secret")
    context = (
        "aws_secret_access_key",
        "secret access key",
        "secret_access_key",
        "aws secret",
        "secretaccesskey",
        "aws_secret_key",
        "secret key",
        "aws",
    )
    patterns = (
        Pattern("aws-secret", r"(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])", 0.55),
    )

    def validate(self, value: str) -> tuple[str, ...] | None:
        has_kinds = (
            any(c.isdigit() for c in value)
            and any(c.isupper() for c in value)
            and any(c.islower() for c in value)
        )
        return ("entropy:ok",) if has_kinds and entropy(value) >= 4.0 else None
