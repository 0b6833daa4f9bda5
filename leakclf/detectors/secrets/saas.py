"""Slack and Stripe tokens."""

from __future__ import annotations

from leakclf.detectors.base import Pattern
from leakclf.detectors.secrets.common import SecretDetector


class SlackTokenDetector(SecretDetector):
    id = "secret.slack"
    label = "SECRET_SLACK_TOKEN"
    prefix = "xoxb-|xoxp-|xoxa-|xoxr-|xoxs-|https://hooks.slack.com/services/"
    patterns = (
        Pattern(
            "slack-token",
            r"(?<![\w-])xox[baprs]-(?:\d{8,13}-){1,2}[0-9A-Za-z-]{16,64}(?![\w-])",
            0.95,
            engine="regex",
        ),
        Pattern(
            "slack-webhook",
            r"https://hooks\.slack\.com/services/T[A-Z0-9]{6,12}/B[A-Z0-9]{6,12}/[A-Za-z0-9]{20,32}",
            0.95,
        ),
    )


class StripeKeyDetector(SecretDetector):
    id = "secret.stripe"
    label = "SECRET_STRIPE_KEY"
    prefix = "sk_live_|rk_live_|sk_test_|rk_test_"
    patterns = (
        Pattern(
            "stripe-live", r"(?<![\w])[sr]k_live_[0-9A-Za-z]{24,99}(?![\w])", 0.95, engine="regex"
        ),
        Pattern(
            "stripe-test", r"(?<![\w])[sr]k_test_[0-9A-Za-z]{24,99}(?![\w])", 0.6, engine="regex"
        ),
    )
