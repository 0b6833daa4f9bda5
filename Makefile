# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install lint bench clean browser tools system doctype-model

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

# Re-installs only when pyproject.toml changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Headless Chromium for the HTML report test (Debian packages); fails loudly if it cannot.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { echo "installing chromium + chromium-driver (Debian packages) for the report test"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) || \
	    { echo "ERROR: could not install chromium/chromedriver; the HTML report test needs them" >&2; exit 1; }; }

# Readers leakclf runs as programs (Debian packages): Tesseract OCR with its language data,
# antiword and catdoc for Word 97-2003, readpst (pst-utils) for Outlook PST. Fails loudly.
OCR_LANGS := eng fra deu spa ita nld por
TESSDATA  := /usr/share/tesseract-ocr/5/tessdata
system:
	@missing=""; for t in tesseract antiword catdoc readpst; do command -v $$t >/dev/null || missing="$$missing $$t"; done; \
	for l in $(OCR_LANGS); do [ -f $(TESSDATA)/$$l.traineddata ] || missing="$$missing tesseract-ocr-$$l"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing tesseract-ocr (+$(OCR_LANGS)), antiword, catdoc, pst-utils (Debian); missing:$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr \
	     $(addprefix tesseract-ocr-,$(OCR_LANGS)) antiword catdoc pst-utils >/dev/null) || \
	  { echo "ERROR: could not install tesseract-ocr/antiword/catdoc/pst-utils; OCR, .doc and .pst need them" >&2; exit 1; }; \
	fi

# The dump is generated once (its truth file marks it done); the scan resumes, so a re-run is fast.
demo-dump.truth.json: | $(STAMP) system
	$(BIN)/leakclf demo demo-dump --files 60 --seed 7

demo: $(STAMP) system demo-dump.truth.json
	@if [ -f demo-results.parquet ] && [ -n "$$(find leakclf -type f -newer demo-results.parquet ! -path '*/__pycache__/*' | head -1)" ]; then \
	  echo "leakclf changed since demo-results.parquet: scanning afresh"; rm -f demo-results.parquet demo-results.parquet.meta.json; fi
	$(BIN)/leakclf scan demo-dump -o demo-results.parquet --resume
	$(BIN)/leakclf census demo-results.parquet
	$(BIN)/leakclf report demo-results.parquet -o demo-report.html
	@echo "results: demo-results.parquet   report: demo-report.html"

# Azurite (npm) for the az:// scan test, in a project-local folder; fails loudly if it cannot.
# Check that the installed Azurite actually runs (a stale or partial .tools/ does not); reinstall if not.
AZURITE := .tools/.azurite-ok
$(AZURITE):
	@for i in 1 2 3; do \
	  npm install --prefix .tools --no-audit --no-fund --loglevel=error azurite@3 && \
	  .tools/node_modules/.bin/azurite-blob --version >/dev/null 2>&1 && { touch $@; exit 0; }; \
	  echo "azurite install incomplete (attempt $$i); retrying" >&2; rm -rf .tools/node_modules; \
	done; echo "ERROR: could not install azurite from npm; the az:// scan test needs it" >&2; exit 1

tools: $(AZURITE)

test: $(STAMP) system browser tools lint
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check leakclf tests benchmarks training fuzz
	$(BIN)/ruff format --check leakclf tests benchmarks training fuzz
	$(BIN)/mypy leakclf
	$(BIN)/lint-imports

# Rebuild the shipped doc-type model bit for bit (reads ../shared/corpus/doctypes-train; card: models/doctype/MODEL_CARD.md).
doctype-model: $(STAMP)
	$(BIN)/python -m training.doctypes --seed 0

bench: $(STAMP)
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) demo-dump demo-dump.truth.json demo-results.* demo-report.html .pytest_cache
