"""No leak: injected raw values never reach an output, case keys stay private, documents are inert.

A demo dump is scanned with default options through the CLI at ``-vv`` into Parquet, also
written as JSONL and CSV; then census and report run. Every output file, the captured stdout/stderr (log and
progress) and the error messages of failed files are searched for every injected raw value.
"""

from __future__ import annotations

import html
import io
import json
import os
import stat
import subprocess
import sys
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

import leakclf
from leakclf.config import Config, DetectConfig

ROOT = Path(__file__).resolve().parents[1]
# Organisations are shown by their email domain (the per-organisation exposure table); names
# written in documents travel as digests and masked previews like every other value.
SHOWN_BY_DESIGN: set[str] = set()


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "leakclf", *args],
        cwd=cwd,
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, f"leakclf {' '.join(args)} failed:\n{proc.stderr[-3000:]}"
    return proc


def needles(injected: dict[str, list[str]]) -> list[tuple[str, str]]:
    """(label, lower-case form) for every raw value, plus compact and digits-only forms."""
    out: set[tuple[str, str]] = set()
    for label, values in injected.items():
        if label in SHOWN_BY_DESIGN:
            continue
        for value in values:
            out.add((label, value.lower()))
            compact = "".join(value.split()).replace("-", "").lower()
            if len(compact) >= 7:
                out.add((label, compact))
            digits = "".join(c for c in value if c.isdigit())
            if label in ("PHONE_NUMBER", "CREDIT_CARD") and len(digits) >= 7:
                out.add((label, digits))
    return sorted(out)


def readable(path: Path) -> str:
    """Everything a person or a program could read in ``path``, decoded every way that matters."""
    raw = path.read_bytes()
    texts = [raw.decode("utf-8", "replace")]
    if path.suffix == ".parquet":
        import pyarrow.parquet as pq

        table = pq.read_table(path)
        texts.append(json.dumps(table.to_pylist(), ensure_ascii=False, default=str))
        meta = table.schema.metadata or {}
        texts += [
            k.decode("utf-8", "replace") + " " + v.decode("utf-8", "replace")
            for k, v in meta.items()
        ]
    elif path.suffix in (".json", ".jsonl"):
        for line in texts[0].splitlines():
            try:
                texts.append(json.dumps(json.loads(line), ensure_ascii=False))
            except json.JSONDecodeError:
                pass
        try:
            texts.append(json.dumps(json.loads(texts[0]), ensure_ascii=False))
        except json.JSONDecodeError:
            pass
    elif path.suffix in (".html", ".htm"):
        texts.append(html.unescape(texts[0]))
    return "\n".join(texts).lower()


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("noleak")
    dump, out, cwd = base / "dump", base / "out", base / "cwd"
    out.mkdir()
    cwd.mkdir()
    logs = [cli("demo", str(dump), "--files", "12", "--seed", "11", cwd=cwd)]
    truth = json.loads((base / "dump.truth.json").read_text(encoding="utf-8"))
    # a failed file built from a real one: its error message must not quote its content
    victim = max(
        (p for p in dump.rglob("*") if p.suffix in (".docx", ".pdf")),
        key=lambda p: p.stat().st_size,
    )
    (dump / f"truncated{victim.suffix}").write_bytes(
        victim.read_bytes()[: victim.stat().st_size // 2]
    )
    logs.append(
        cli("-vv", "scan", str(dump), "-o", str(out / "results.parquet"), "--workers", "2", cwd=cwd)
    )
    # JSONL and CSV through the same writers the scan uses (a second NER scan would cost ~30 s)
    from leakclf.scan.writers import read_rows, write_rows

    for fmt in ("jsonl", "csv"):
        write_rows(read_rows(out / "results.parquet"), out / f"results.{fmt}")
    logs.append(
        cli("-vv", "census", str(out / "results.parquet"), "-o", str(out / "census.json"), cwd=cwd)
    )
    logs.append(
        cli("-vv", "report", str(out / "results.parquet"), "-o", str(out / "report.html"), cwd=cwd)
    )
    return {"base": base, "out": out, "cwd": cwd, "truth": truth, "logs": logs}


def outputs(run: dict[str, Any]) -> dict[str, str]:
    found = {p.name: readable(p) for p in run["out"].iterdir() if p.is_file() and not _is_key(p)}
    for i, proc in enumerate(run["logs"]):
        found[f"stdout+stderr of command {i}"] = (proc.stdout + "\n" + proc.stderr).lower()
    return found


def _is_key(path: Path) -> bool:
    return path.suffix == ".key"


def test_all_outputs_were_written(run: dict[str, Any]) -> None:
    names = {p.name for p in run["out"].iterdir()}
    assert {
        "results.jsonl",
        "results.parquet",
        "results.csv",
        "census.json",
        "report.html",
    } <= names
    assert any("scan:" in p.stderr for p in run["logs"]), "no progress output was captured"


def test_some_file_failed(run: dict[str, Any]) -> None:
    import pyarrow.parquet as pq

    rows = pq.read_table(run["out"] / "results.parquet").to_pylist()
    failed = [r for r in rows if r["status"] == "error"]
    assert failed and all(r["error_message"] for r in failed), "the truncated file must fail"


def test_injected_values_never_escape(run: dict[str, Any]) -> None:
    injected = run["truth"]["injected"]
    assert sum(len(v) for k, v in injected.items() if k not in SHOWN_BY_DESIGN) >= 20
    hits = []
    for where, text in outputs(run).items():
        for label, needle in needles(injected):
            at = text.find(needle)
            if at >= 0:
                hits.append(
                    f"{label} ({len(needle)} chars, starts {needle[:2]!r}) in {where}: "
                    f"...{text[max(at - 40, 0) : at].strip()!r} <value>"
                )
    assert not hits, f"{len(hits)} raw values leaked:\n" + "\n".join(hits[:30])


def test_case_keys_are_private(run: dict[str, Any]) -> None:
    keys = [p for p in run["out"].iterdir() if _is_key(p)]
    assert keys, f"no case key beside the outputs: {sorted(p.name for p in run['out'].iterdir())}"
    texts = outputs(run)
    for key in keys:
        assert stat.S_IMODE(key.stat().st_mode) == 0o600, f"{key.name} is {oct(key.stat().st_mode)}"
        secret = key.read_bytes().strip().decode("ascii", "replace").lower()
        assert len(secret) >= 32
        assert not [w for w, t in texts.items() if secret in t], "a case key leaked into an output"


# -- documents are inert ----------------------------------------------------------------------


class _Counter(ThreadingHTTPServer):
    hits = 0

    def process_request(self, request: Any, client_address: Any) -> None:
        type(self).hits += 1
        super().process_request(request, client_address)


class _Quiet(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"fetched")

    def log_message(self, *args: Any) -> None:
        pass


def _html(url: str) -> bytes:
    return (
        f'<html><head><link rel="stylesheet" href="{url}/s.css"><script src="{url}/a.js"></script>'
        f'<meta http-equiv="refresh" content="0; url={url}/r"></head><body>'
        f'<img src="{url}/x.png"><iframe src="{url}/f"></iframe><p>inert body text</p>'
        f"<script>fetch('{url}/js')</script></body></html>"
    ).encode()


def _docx(url: str) -> bytes:
    import docx

    buf = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("inert docx text")
    document.save(buf)
    src, dst = zipfile.ZipFile(io.BytesIO(buf.getvalue())), io.BytesIO()
    with zipfile.ZipFile(dst, "w") as zf:
        for name in src.namelist():
            data = src.read(name)
            if name == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    (
                        '<Relationship Id="rIdExt1" TargetMode="External" Target="'
                        + url
                        + '/img.png" '
                        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
                        '<Relationship Id="rIdExt2" TargetMode="External" Target="'
                        + url
                        + '/t.dotm" '
                        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"/>'
                        "</Relationships>"
                    ).encode(),
                )
            if name == "word/document.xml":
                data = data.replace(
                    b"</w:body>",
                    (
                        '<w:p><w:fldSimple w:instr="INCLUDEPICTURE &quot;'
                        + url
                        + '/f.png&quot; \\d">'
                        "<w:r><w:t>field</w:t></w:r></w:fldSimple></w:p></w:body>"
                    ).encode(),
                    1,
                )
            zf.writestr(name, data)
    return dst.getvalue()


def _eml(url: str) -> bytes:
    return (
        b"From: a@example.com\r\nTo: b@example.com\r\nSubject: inert\r\nMIME-Version: 1.0\r\n"
        b"Content-Type: text/html; charset=utf-8\r\n\r\n"
    ) + _html(url)


@pytest.mark.enable_socket
@pytest.mark.parametrize(
    "name, build",
    [
        pytest.param("page.html", _html, id="html-remote-img-script"),
        pytest.param("doc.docx", _docx, id="docx-external-refs"),
        pytest.param("mail.eml", _eml, id="eml-html-remote-img"),
    ],
)
def test_documents_are_inert(tmp_path: Path, name: str, build: Any) -> None:
    server = _Counter(("127.0.0.1", 0), _Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Counter.hits = 0
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        path = tmp_path / name
        path.write_bytes(build(url))
        config = Config(detect=DetectConfig(ner=False))
        docs = leakclf.extract(path, config=config)
        results = leakclf.classify(path, config=config)
        assert docs[0].status == "ok" and results[0].status == "ok", (docs, results)
        assert "inert" in docs[0].text
        assert "fetched" not in " ".join(d.text for d in docs)
    finally:
        server.shutdown()
        server.server_close()
    assert _Counter.hits == 0, f"extracting {name} made {_Counter.hits} request(s) to 127.0.0.1"
