"""GitHub and GitLab tokens (fixed prefixes)."""

from __future__ import annotations

from leakclf.detectors.base import Pattern
from leakclf.detectors.secrets.common import SecretDetector


class GithubTokenDetector(SecretDetector):
    id = "secret.github"
    label = "SECRET_GITHUB_TOKEN"
    prefix = "ghp_|gho_|ghu_|ghs_|ghr_|github_pat_"
    patterns = (
        Pattern(
            "github-classic", r"(?<![\w])gh[pousr]_[A-Za-z0-9]{36}(?![\w])", 0.95, engine="regex"
        ),
        Pattern(
            "github-fine-grained",
            r"(?<![\w])github_pat_[A-Za-z0-9_]{82}(?![\w])",
            0.95,
            engine="regex",
        ),
    )


class GitlabTokenDetector(SecretDetector):
    id = "secret.gitlab"
    label = "SECRET_GITLAB_TOKEN"
    prefix = "glpat-|gldt-|glrt-|glptt-"
    patterns = (
        Pattern(
            "gitlab",
            r"(?<![\w-])gl(?:pat|dt|rt|ptt)-[A-Za-z0-9_-]{20}(?![\w-])",
            0.95,
            engine="regex",
        ),
    )
