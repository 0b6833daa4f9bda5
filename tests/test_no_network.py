"""No network: import leakclf, build a pipeline, analyse text with mails and URLs (tldextract),
run NER (spaCy, presidio) and scan a demo dump with worker processes — with every IP
connection and name lookup in every process patched to record and refuse.

The guard is a ``sitecustomize`` on PYTHONPATH, so the scan's spawned zygote loads it too, and
the workers forked from the zygote inherit it (they log that they did).
(pytest-socket blocks the suite itself; this test covers the worker processes as well.)
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

GUARD = """
import os, socket
_LOG = os.environ["LEAKCLF_NET_LOG"]

def _record(what):
    with open(_LOG, "a") as fh:
        fh.write(f"{os.getpid()} {what}\\n")

def _refuse(name, inet_only):
    original = getattr(socket.socket, name)
    def guarded(self, *args):
        if not inet_only or self.family in (socket.AF_INET, socket.AF_INET6):
            _record(f"{name} {args[:1]!r}")
            raise OSError(f"network disabled by test_no_network ({name})")
        return original(self, *args)
    setattr(socket.socket, name, guarded)

for _name in ("connect", "connect_ex", "sendto"):
    _refuse(_name, inet_only=True)

def _lookup(name):
    def refused(*args, **kwargs):
        _record(f"{name} {args[:1]!r}")
        raise socket.gaierror(f"name lookup disabled by test_no_network ({name})")
    return refused

for _name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "create_connection"):
    setattr(socket, _name, _lookup(_name))
_record("guard-loaded")
os.register_at_fork(after_in_child=lambda: _record("guard-inherited"))
"""

SCRIPT = """
import sys
from pathlib import Path
import leakclf, leakclf.config, leakclf.demo
from leakclf.domains import registrable_domain

work = Path(sys.argv[1])
pipe = leakclf.Pipeline()  # default config: NER on
text = ("Jane Doe (jane.doe@contoso.co.uk) met Hans Meier of Beispiel GmbH in Berlin; see "
        "https://portal.example.com.au/x?id=1, www.example.org and ftp://files.example.net/a.")
result = pipe.analyze_text(text)
labels = {f.label for f in result.findings}
assert {"EMAIL_ADDRESS", "URL", "PERSON"} <= labels, labels  # PERSON: spaCy NER ran
assert registrable_domain("mail.contoso.co.uk") == "contoso.co.uk"
leakclf.demo.generate(work / "dump", files=8, seed=5)
# the workers run without NER (spaCy was loaded above, offline): they check the scan path itself
config = leakclf.Config(detect=leakclf.config.DetectConfig(ner=False))
scan = leakclf.scan(work / "dump", out=work / "results.jsonl", workers=2, progress=False,
                    config=config)
rows = list(scan)
assert len(rows) >= 8, len(rows)
# OCR on (the default "auto"): a scanned page goes through Tesseract, offline too
import io
from PIL import Image, ImageDraw, ImageFont
page = Image.new("L", (1000, 160), 255)
ImageDraw.Draw(page).text((20, 40), "Scanned invoice INV-2024-0042", font=ImageFont.load_default(size=44))
buf = io.BytesIO()
page.save(buf, format="PNG")
ocr_row = leakclf.Pipeline(config).process(buf.getvalue(), name="scan.png")[0]
assert ocr_row.text_source == "ocr" and ocr_row.text_chars > 10, (ocr_row.status, ocr_row.error_kind)
print("ROWS", len(rows), "OK", sum(r.status == "ok" for r in rows))
"""


def test_nothing_tries_to_connect(tmp_path: Path) -> None:
    guard_dir = tmp_path / "guard"
    guard_dir.mkdir()
    (guard_dir / "sitecustomize.py").write_text(GUARD)
    log = tmp_path / "net.log"
    env = {
        **os.environ,
        "PYTHONPATH": f"{guard_dir}{os.pathsep}{ROOT}",
        "LEAKCLF_NET_LOG": str(log),
    }
    env.pop("HTTP_PROXY", None)
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path)],
        env=env,
        check=False,
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = log.read_text().splitlines() if log.exists() else []
    guarded = ("guard-loaded", "guard-inherited")
    loaded = {line.split()[0] for line in lines if line.endswith(guarded)}
    attempts = [line for line in lines if not line.endswith(guarded)]
    assert not attempts, f"network attempts: {attempts[:10]}"
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "ROWS" in proc.stdout
    # the guard ran in the main process and in the scan's zygote (a spawned interpreter), and
    # the two workers forked from the zygote inherited it
    assert len(loaded) >= 4, f"guard active in {len(loaded)} processes only"
