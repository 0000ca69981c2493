# Two commands matter: `make serve` (build and serve the site) and `make test`
# (every test).  Each installs what it needs into .venv by itself.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The stamp names the requirements' checksum, so editing requirements.txt
# reinstalls on the next make.
STAMP := $(VENV)/.installed-$(shell cat requirements.txt | cksum | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# The commands live in the hooks/reports package (python -m reports <command>).
REPORTS := PYTHONPATH=hooks $(BIN)/python -m reports
# Values people type (make new-year YEAR=…, make import FILE=…) never become
# shell text: they reach the recipes as environment variables, quoted there
# ("$$YEAR"), and the commands themselves check them.
export YEAR FILE HOST PORT PYTHON

.PHONY: serve build check new-year import lock test browser bench clean

serve: $(STAMP)
	$(BIN)/mkdocs serve --strict --dev-addr "$$HOST:$$PORT"

build: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(REPORTS) check

new-year: $(STAMP)
	$(REPORTS) new-year $${YEAR:+"$$YEAR"}

import: $(STAMP)
	$(REPORTS) import "$$FILE" $${YEAR:+"$$YEAR"}

lock: $(STAMP)
	$(REPORTS) lock

# The data check runs first so that an editor's mistake is the first thing
# CI prints, as plain file:line messages, before any test output.
test: $(STAMP) browser
	$(REPORTS) check
	$(BIN)/python -m pytest

# Synthetic archives of 5, 20 and 50 fictional years: build time, page weight,
# search index and time to the first search result (tests/bench.py).
bench: $(STAMP) browser
	$(BIN)/python tests/bench.py

$(STAMP): requirements.txt
	@test -x $(BIN)/python || "$$PYTHON" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f $(VENV)/.installed-* && touch $@

# Browser tests drive Debian's Chromium (Playwright cannot download browsers
# here); CJK fonts make Chinese text render in screenshots and PDFs.
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -q "Noto Sans CJK"; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing chromium and fonts-noto-cjk ..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	  else \
	    echo "chromium 未安装，浏览器测试将被跳过（以 root 运行 make test 可自动安装）。"; \
	  fi; \
	fi

clean:
	rm -rf site .pytest_cache
