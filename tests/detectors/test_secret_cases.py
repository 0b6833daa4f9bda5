"""Every secret detector: >=3 true positives, >=3 near-misses, >=1 validation failure. Values are generated."""

from __future__ import annotations

import json

import pytest
from detcases import case, check
from detgen import ALNUM, B64, aws_key_id, jwt, token

from leakclf.detectors import DetectorSet

AWS_IDS = [aws_key_id(i) for i in range(3)]
AWS_SECRETS = [token(B64, 38, i) + "Ab" for i in range(3)]
AZ_KEYS = [token(B64, 86, i) + "==" for i in range(3)]
GH = [f"ghp_{token(ALNUM, 36, i)}" for i in range(3)]
GL = f"glpat-{token(ALNUM, 20, 7)}"
SLACK = f"xoxb-123456789012-1234567890123-{token(ALNUM, 24, 3)}"
STRIPE = f"sk_live_{token(ALNUM, 24, 4)}"
GCP = f"AIza{token(ALNUM + '_-', 35, 5)}"
JWTS = [jwt(i) for i in range(3)]
PEM_BODY = "\n".join(token(B64, 64, i) for i in range(4))
SA = json.dumps(
    {
        "type": "service_account",
        "project_id": "demo",
        "private_key_id": token("0123456789abcdef", 40, 1),
        "private_key": "-----BEGIN PRIVATE KEY-----\\nMII...\\n-----END PRIVATE KEY-----\\n",
        "client_email": "svc@demo.iam.gserviceaccount.com",
    }
)
CONN = f"DefaultEndpointsProtocol=https;AccountName=acme01;AccountKey={AZ_KEYS[0]};EndpointSuffix=core.windows.net"
SAS = f"sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-01-01T00:00:00Z&sig={token(ALNUM, 43, 9)}%3D"
HEXKEY = token("0123456789abcdef", 40, 11)

CASES = [
    # -- AWS
    *[
        case(
            f"key-id-{i}",
            "secret.aws_access_key",
            f"aws_access_key_id = {k}",
            ("SECRET_AWS_ACCESS_KEY", k),
        )
        for i, k in enumerate(AWS_IDS)
    ],
    case("too-short", "secret.aws_access_key", "AKIA1234567890ABCDE"),
    case("lowercase", "secret.aws_access_key", AWS_IDS[0].lower()),
    case("embedded", "secret.aws_access_key", f"X{AWS_IDS[0]}Y"),
    case("bad-alphabet", "secret.aws_access_key", "AKIA0000000000000000"),
    *[
        case(
            f"secret-{i}",
            "secret.aws_secret_key",
            f"aws_secret_access_key={s}",
            ("SECRET_AWS_SECRET_KEY", s),
        )
        for i, s in enumerate(AWS_SECRETS)
    ],
    case("no-context", "secret.aws_secret_key", f"checksum {AWS_SECRETS[0]}"),
    case(
        "41-chars",
        "secret.aws_secret_key",
        f"aws secret {AWS_SECRETS[0]}x",
        ("SECRET_GENERIC", f"{AWS_SECRETS[0]}x"),
        hit=False,
    ),
    case("path", "secret.aws_secret_key", "aws s3 ls some/path/to/a/file/in/the/bucket/x1"),
    case("low-entropy", "secret.aws_secret_key", "aws_secret_access_key=" + "Aa1" * 13 + "A"),
    # -- Azure
    case(
        "conn",
        "secret.azure_connection_string",
        f"conn={CONN}",
        ("SECRET_AZURE_CONNECTION_STRING", CONN),
    ),
    case(
        "conn-no-suffix",
        "secret.azure_connection_string",
        CONN.rsplit(";", 1)[0],
        ("SECRET_AZURE_CONNECTION_STRING", CONN.rsplit(";", 1)[0]),
    ),
    case(
        "conn-http",
        "secret.azure_connection_string",
        CONN.replace("https", "http"),
        ("SECRET_AZURE_CONNECTION_STRING", CONN.replace("https", "http")),
    ),
    case(
        "conn-no-key",
        "secret.azure_connection_string",
        "DefaultEndpointsProtocol=https;AccountName=acme01;",
    ),
    case(
        "conn-short-key",
        "secret.azure_connection_string",
        "DefaultEndpointsProtocol=https;AccountName=a1b;AccountKey=abc==",
    ),
    case(
        "conn-sas-only",
        "secret.azure_connection_string",
        "BlobEndpoint=https://a.blob.core.windows.net/;",
        ("URL", "https://a.blob.core.windows.net/"),
        hit=False,
    ),
    case(
        "conn-placeholder",
        "secret.azure_connection_string",
        "DefaultEndpointsProtocol=https;AccountName=acme01;AccountKey=" + "*" * 86 + "==",
    ),
    *[
        case(
            f"key-{i}",
            "secret.azure_storage_key",
            f"AccountKey: {k}",
            ("SECRET_AZURE_STORAGE_KEY", k),
        )
        for i, k in enumerate(AZ_KEYS)
    ],
    case("no-context", "secret.azure_storage_key", f"blob {AZ_KEYS[0]}"),
    case("short", "secret.azure_storage_key", f"storage key {AZ_KEYS[0][10:]}"),
    case("no-padding", "secret.azure_storage_key", f"storage key {AZ_KEYS[0][:86]}"),
    case("low-entropy", "secret.azure_storage_key", "storage key " + "Ab" * 43 + "=="),
    case(
        "sas-in-url",
        "secret.azure_sas",
        f"https://acme.blob.core.windows.net/c?{SAS}",
        ("SECRET_AZURE_SAS_TOKEN", SAS),
    ),
    case("sas-bare", "secret.azure_sas", f"token: {SAS}", ("SECRET_AZURE_SAS_TOKEN", SAS)),
    case("sas-quoted", "secret.azure_sas", f'"{SAS}"', ("SECRET_AZURE_SAS_TOKEN", SAS)),
    case(
        "sas-short-sig",
        "secret.azure_sas",
        f'"{SAS[: SAS.index("sig=") + 10]}"',
        ("DATE_TIME", "2022-11-02"),
        ("DATE_TIME", "2026-01-01T00:00"),
        hit=False,
    ),
    case(
        "no-sig",
        "secret.azure_sas",
        "sv=2022-11-02&ss=b&srt=co",
        ("DATE_TIME", "2022-11-02"),
        hit=False,
    ),
    case("sig-only", "secret.azure_sas", f"sig={token(ALNUM, 43, 1)}"),
    case(
        "placeholder-sig",
        "secret.azure_sas",
        "sv=2022-11-02&sig=" + "x" * 40,
        ("DATE_TIME", "2022-11-02"),
        hit=False,
    ),
    # -- GCP
    case("api-key", "secret.gcp_api_key", f"key={GCP}", ("SECRET_GCP_API_KEY", GCP)),
    case("api-key-url", "secret.gcp_api_key", f"?key={GCP}&q=1", ("SECRET_GCP_API_KEY", GCP)),
    case("api-key-quoted", "secret.gcp_api_key", f'"{GCP}"', ("SECRET_GCP_API_KEY", GCP)),
    case("short", "secret.gcp_api_key", f"{GCP[:30]}"),
    case("prefix-only", "secret.gcp_api_key", "AIza is a prefix"),
    case("long", "secret.gcp_api_key", f"{GCP}abc"),
    case("placeholder", "secret.gcp_api_key", "AIza" + "x" * 35),
    case(
        "sa-json",
        "secret.gcp_service_account",
        f"key.json: {SA}",
        ("SECRET_GCP_SERVICE_ACCOUNT", SA),
    ),
    case(
        "sa-pretty",
        "secret.gcp_service_account",
        json.dumps(json.loads(SA), indent=2),
        ("SECRET_GCP_SERVICE_ACCOUNT", json.dumps(json.loads(SA), indent=2)),
    ),
    case(
        "sa-reordered",
        "secret.gcp_service_account",
        json.dumps(dict(reversed(list(json.loads(SA).items())))),
        ("SECRET_GCP_SERVICE_ACCOUNT", json.dumps(dict(reversed(list(json.loads(SA).items()))))),
    ),
    case(
        "user-account",
        "secret.gcp_service_account",
        '{"type": "authorized_user", "client_id": "x"}',
    ),
    case("prose", "secret.gcp_service_account", "create a service_account for the job"),
    case("no-brace", "secret.gcp_service_account", '"type": "service_account", "private_key": "x"'),
    case(
        "no-private-key",
        "secret.gcp_service_account",
        '{"type": "service_account", "project_id": "demo"}',
    ),
    # -- GitHub / GitLab / Slack / Stripe
    *[
        case(f"ghp-{i}", "secret.github", f"token {g}", ("SECRET_GITHUB_TOKEN", g))
        for i, g in enumerate(GH[:2])
    ],
    case(
        "gho",
        "secret.github",
        GH[2].replace("ghp_", "gho_"),
        ("SECRET_GITHUB_TOKEN", GH[2].replace("ghp_", "gho_")),
    ),
    case("short", "secret.github", GH[0][:-2]),
    case("wrong-prefix", "secret.github", GH[0].replace("ghp_", "ghx_")),
    case("embedded", "secret.github", f"x{GH[0]}"),
    case("placeholder", "secret.github", "ghp_" + "x" * 36),
    case("glpat", "secret.gitlab", f"GITLAB_TOKEN={GL}", ("SECRET_GITLAB_TOKEN", GL)),
    case(
        "gldt",
        "secret.gitlab",
        GL.replace("glpat", "gldt"),
        ("SECRET_GITLAB_TOKEN", GL.replace("glpat", "gldt")),
    ),
    case(
        "glrt",
        "secret.gitlab",
        f"runner {GL.replace('glpat', 'glrt')}",
        ("SECRET_GITLAB_TOKEN", GL.replace("glpat", "glrt")),
    ),
    case("short", "secret.gitlab", GL[:-3]),
    case("other-prefix", "secret.gitlab", GL.replace("glpat", "glxx")),
    case("long", "secret.gitlab", GL + "abc"),
    case("placeholder", "secret.gitlab", "glpat-" + "x" * 20),
    case("bot", "secret.slack", f"SLACK={SLACK}", ("SECRET_SLACK_TOKEN", SLACK)),
    case(
        "user",
        "secret.slack",
        SLACK.replace("xoxb", "xoxp"),
        ("SECRET_SLACK_TOKEN", SLACK.replace("xoxb", "xoxp")),
    ),
    case(
        "webhook",
        "secret.slack",
        f"https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/{token(ALNUM, 24, 2)}",
        (
            "SECRET_SLACK_TOKEN",
            f"https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/{token(ALNUM, 24, 2)}",
        ),
    ),
    case("xoxz", "secret.slack", SLACK.replace("xoxb", "xoxz")),
    case("no-digits", "secret.slack", "xoxb-abc-def"),
    case("prose", "secret.slack", "the xoxb- prefix marks bot tokens"),
    case("placeholder", "secret.slack", "xoxb-123456789012-" + "x" * 24),
    case("live", "secret.stripe", f"STRIPE_KEY={STRIPE}", ("SECRET_STRIPE_KEY", STRIPE)),
    case(
        "restricted",
        "secret.stripe",
        STRIPE.replace("sk_", "rk_"),
        ("SECRET_STRIPE_KEY", STRIPE.replace("sk_", "rk_")),
    ),
    case(
        "test-key",
        "secret.stripe",
        STRIPE.replace("live", "test"),
        ("SECRET_STRIPE_KEY", STRIPE.replace("live", "test")),
    ),
    case("publishable", "secret.stripe", STRIPE.replace("sk_", "pk_")),
    case("short", "secret.stripe", STRIPE[:20]),
    case("prose", "secret.stripe", "use sk_live_ keys only on servers"),
    case("placeholder", "secret.stripe", "sk_live_" + "x" * 24),
    # -- JWT / PEM
    *[
        case(f"jwt-{i}", "secret.jwt", f"Authorization: Bearer {t}", ("SECRET_JWT", t))
        for i, t in enumerate(JWTS)
    ],
    case("two-parts", "secret.jwt", ".".join(JWTS[0].split(".")[:2])),
    case("not-base64-json", "secret.jwt", "eyJxxxxxxxxxxxx.eyJyyyyyyyyyy.zzzzzzzzzzzzzzzzzzzz"),
    case("short-sig", "secret.jwt", JWTS[0].rsplit(".", 1)[0] + ".abc"),
    case("header-without-alg", "secret.jwt", jwt(5, {"typ": "JWT", "kid": "k"})),
    case(
        "rsa",
        "secret.private_key",
        f"-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}\n-----END RSA PRIVATE KEY-----",
        (
            "SECRET_PRIVATE_KEY",
            f"-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}\n-----END RSA PRIVATE KEY-----",
        ),
    ),
    case(
        "pkcs8",
        "secret.private_key",
        f"x -----BEGIN PRIVATE KEY-----\n{PEM_BODY}\n-----END PRIVATE KEY----- y",
        (
            "SECRET_PRIVATE_KEY",
            f"-----BEGIN PRIVATE KEY-----\n{PEM_BODY}\n-----END PRIVATE KEY-----",
        ),
    ),
    case(
        "openssh",
        "secret.private_key",
        f"-----BEGIN OPENSSH PRIVATE KEY-----\n{PEM_BODY}\n-----END OPENSSH PRIVATE KEY-----",
        (
            "SECRET_PRIVATE_KEY",
            f"-----BEGIN OPENSSH PRIVATE KEY-----\n{PEM_BODY}\n-----END OPENSSH PRIVATE KEY-----",
        ),
    ),
    case(
        "public-key",
        "secret.private_key",
        f"-----BEGIN PUBLIC KEY-----\n{PEM_BODY}\n-----END PUBLIC KEY-----",
    ),
    case(
        "certificate",
        "secret.private_key",
        f"-----BEGIN CERTIFICATE-----\n{PEM_BODY}\n-----END CERTIFICATE-----",
    ),
    case("header-only", "secret.private_key", "-----BEGIN PRIVATE KEY----- (omitted)"),
    case(
        "mismatched-end",
        "secret.private_key",
        f"-----BEGIN RSA PRIVATE KEY-----\n{PEM_BODY}\n-----END EC PRIVATE KEY-----",
    ),
    # -- passwords and database URLs
    case("kv", "secret.password", "password: Tr0ub4dor&3", ("SECRET_PASSWORD", "Tr0ub4dor&3")),
    case(
        "pwd", "secret.password", "user=admin;pwd=Winter2024!", ("SECRET_PASSWORD", "Winter2024!")
    ),
    case("prose", "secret.password", "The password is hunter22.", ("SECRET_PASSWORD", "hunter22")),
    case("required", "secret.password", "A password is required."),
    case("reset", "secret.password", "Password reset link sent"),
    case("passport", "secret.password", "passport: X1234567"),
    case("placeholder", "secret.password", "password: ********"),
    case(
        "postgres",
        "secret.database_url",
        "DATABASE_URL=postgres://app:s3cr3t@db.internal:5432/prod",
        ("SECRET_DATABASE_URL", "postgres://app:s3cr3t@db.internal:5432/prod"),
    ),
    case(
        "mongo",
        "secret.database_url",
        "mongodb+srv://svc:Pa55w0rd@cluster0.example.net/db",
        ("SECRET_DATABASE_URL", "mongodb+srv://svc:Pa55w0rd@cluster0.example.net/db"),
    ),
    case(
        "sqlalchemy",
        "secret.database_url",
        "mysql+pymysql://root:toor123@10.0.0.5/shop.",
        ("SECRET_DATABASE_URL", "mysql+pymysql://root:toor123@10.0.0.5/shop"),
    ),
    case("no-password", "secret.database_url", "postgres://db.internal:5432/prod"),
    case("user-only", "secret.database_url", "postgres://app@db.internal/prod"),
    case(
        "https",
        "secret.database_url",
        "see https://example.com/a:b",
        ("URL", "https://example.com/a:b"),
        hit=False,
    ),
    case("placeholder", "secret.database_url", "postgres://app:<password>@db.internal/prod"),
    # -- generic
    case(
        "api-key",
        "secret.generic",
        f'api_key = "{token(ALNUM, 32, 1)}"',
        ("SECRET_GENERIC", token(ALNUM, 32, 1)),
    ),
    case(
        "client-secret",
        "secret.generic",
        f"client_secret: {token(ALNUM, 40, 2)}",
        ("SECRET_GENERIC", token(ALNUM, 40, 2)),
    ),
    case("hex-token", "secret.generic", f"token={HEXKEY}", ("SECRET_GENERIC", HEXKEY)),
    case("no-keyword", "secret.generic", f"checksum {token(ALNUM, 32, 1)}"),
    case("words", "secret.generic", "token: the_quick_brown_fox_jumps"),
    case("short", "secret.generic", f"api_key={token(ALNUM, 12, 1)}"),
    case("low-entropy", "secret.generic", "api_key=" + "ab12" * 8),
]


@pytest.mark.parametrize(("detector", "text", "expected", "hit"), CASES)
def test_secret(
    patterns: DetectorSet, detector: str, text: str, expected: list[tuple[str, str]], hit: bool
) -> None:
    check(patterns, detector, text, expected, hit)
