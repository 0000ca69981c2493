# Two commands matter: `make serve` (build and serve the site) and `make test`
# (every test).  Each installs what it needs into .venv by itself:
# requirements.txt is what the site needs, requirements-test.txt adds the
# test tools.  pip honours PIP_INDEX_URL and PIP_TRUSTED_HOST from the
# environment or the command line (make serve PIP_INDEX_URL=…), so an
# intranet mirror needs no change here.
VENV := .venv
HOST ?= 127.0.0.1
PORT ?= 8000
# Values people type (make new-year YEAR=…, make import FILE=…) never become
# shell text.  make itself would expand one when it is used or exported, so
# YEAR='$(shell …)' would run before any recipe: each is kept as the literal
# text typed ($(value …) into a simple variable, which is never expanded
# again).  They reach the recipes as environment variables, quoted there
# ("$$YEAR"), and the commands themselves check them.
USER_VALUES := YEAR YEARS FILE DIR NAME FULL_NAME HOST PORT PYTHON VENV WORKER
# make new-archive's values count only when typed after make: an environment
# may have a NAME of its own (WSL sets it to the computer's name).
$(foreach name,DIR NAME FULL_NAME,$(if $(filter environment,$(origin $(name))),$(eval override $(name) :=)))
$(foreach name,$(USER_VALUES),$(eval override $(name) := $$(value $(name))))
export $(USER_VALUES)
# One stamp per requirements file, named by its checksum: editing a file
# reinstalls on the next make, and switching between make build and make
# test does not.
RUNTIME_STAMP := $(VENV)/.installed-runtime-$(shell cat requirements.txt | cksum | cut -d' ' -f1)
TEST_STAMP := $(VENV)/.installed-test-$(shell cat requirements.txt requirements-test.txt | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
# The commands live in the hooks/reports package (python -m reports <command>).
# In recipes the environment's VENV, quoted: the folder may be typed too.
REPORTS := PYTHONPATH=hooks "$$VENV/bin/python" -m reports

.PHONY: serve build check new-year import inbox lock new-archive install install-test test browser bench search-eval clean python
# The Python check must run before make looks at the stamps (it may empty .venv).
.NOTPARALLEL:

# --dirty: after a save only the pages the change can show are rebuilt
# (hooks/reports/build/changes.py decides which; anything it cannot place
# rebuilds everything).  make build stays a full, clean build.
serve: python $(RUNTIME_STAMP)
	"$$VENV/bin/mkdocs" serve --strict --dirty --dev-addr "$$HOST:$$PORT"

build: python $(RUNTIME_STAMP)
	"$$VENV/bin/mkdocs" build --strict

check: python $(RUNTIME_STAMP)
	$(REPORTS) check

new-year: python $(RUNTIME_STAMP)
	$(REPORTS) new-year $${YEAR:+"$$YEAR"}

import: python $(RUNTIME_STAMP)
	$(REPORTS) import "$$FILE" $${YEAR:+"$$YEAR"}

# Every report uploaded into inbox/, imported as make import would (the CI
# inbox job runs this: .ci/inbox).
inbox: python $(RUNTIME_STAMP)
	$(REPORTS) inbox

lock: python $(RUNTIME_STAMP)
	$(REPORTS) lock

# A new, empty archive for another office in DIR (README: 为另一个单位建立报告库).
new-archive: python $(RUNTIME_STAMP)
	$(REPORTS) new-archive "$$DIR" "$$NAME" "$$FULL_NAME"

# Only the installs (CI jobs that run a command of their own afterwards).
install: python $(RUNTIME_STAMP)
install-test: python $(TEST_STAMP)

# The data check runs first so that an editor's mistake is the first thing
# CI prints, as plain file:line messages, before any test output.
ifneq ($(wildcard tests),)
test: python $(TEST_STAMP) browser
	$(REPORTS) check
	"$$VENV/bin/python" -m pytest

# Synthetic archives of 5, 50 and 200 fictional years (make bench YEARS=5,20
# for others, up to 200): build time, page weight, the search shards and the
# first search result against the theme's lunr worker, the measures finder
# (also on a 4× slowed CPU) (tests/bench.py).
bench: python $(TEST_STAMP) browser
	"$$VENV/bin/python" tests/bench.py $${YEARS:+--years "$$YEARS"}
else
# An archive made by make new-archive has no tests/ (they check the code
# against this archive's own report, and the code is developed here): there
# make test, what CI runs, is the data check and the strict build.
test: python $(RUNTIME_STAMP)
	$(REPORTS) check
	"$$VENV/bin/mkdocs" build --strict

bench:
	@echo "make bench 需要 tests/bench.py，它只在报告库代码的原仓库中。"; exit 1
endif

# Recall, precision at 1 and 5 and MRR of the site's search over the queries
# of tests/search_eval/queries.yml, on the real site and the search fixture
# archive (tests/support/search_eval.py; make test asserts the same set in
# tests/browser/test_search_eval.py).  WORKER=file measures another search
# worker, such as an older one, on the same set.
search-eval: python $(TEST_STAMP) browser
	PYTHONPATH=hooks:tests "$$VENV/bin/python" -m support.search_eval $${WORKER:+--worker "$$WORKER"}

$(RUNTIME_STAMP): requirements.txt
	"$$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@rm -f "$$VENV"/.installed-runtime-* && touch "$@"

$(TEST_STAMP): requirements-test.txt requirements.txt $(RUNTIME_STAMP)
	"$$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@rm -f "$$VENV"/.installed-test-* && touch "$@"

# Python 3.11.5 or newer (the pinned pymdown-extensions needs it), checked
# before pip runs.  .venv is made by PYTHON when it is given, else by the
# first of python3.13, python3.12, python3.11, python3 on PATH that is new
# enough; a .venv whose Python is too old, gone or of another version than
# the one it was made with (a CI cache restored into a newer image) is
# emptied and made again.
define CHECK_PYTHON
new_enough() {
  printf '%s\n' "$$1" | awk '
    $$1 == "Python" && split($$2, n, ".") >= 2 {
      found = 1
      ok = n[1] > 3 || (n[1] == 3 && (n[2] > 11 || (n[2] == 11 && n[3] + 0 >= 5)))
    }
    END { exit !(found && ok) }'
}
if [ -f "$$VENV/pyvenv.cfg" ]; then
  have=$$("$$VENV/bin/python" --version 2>&1) || have=""
  made=$$(sed -n 's/^version\(_info\)\{0,1\} *= *\([0-9]*\.[0-9]*\).*/\2/p' "$$VENV/pyvenv.cfg" | head -n 1)
  case "$$have" in
    "Python $$made".*) new_enough "$$have" && exit 0 ;;
  esac
  echo "$$VENV 中的 Python（$${have:-无法运行}）不能使用，将重新创建 $$VENV。"
  clear=--clear
else
  clear=
fi
# The CI image sets VENV_SYSTEM_SITE_PACKAGES=1: its Python already has the
# pinned packages, so pip finds them there and downloads nothing.
case "$${VENV_SYSTEM_SITE_PACKAGES:-}" in
  1|true|yes) shared=--system-site-packages ;;
  *) shared= ;;
esac
if [ -n "$${PYTHON:-}" ]; then
  set -- "$$PYTHON"
else
  set -- python3.13 python3.12 python3.11 python3
fi
tried=""
for candidate in "$$@"; do
  version=$$("$$candidate" --version 2>&1) || version=""
  case "$$version" in
    Python\ *) ;;
    *) continue ;;
  esac
  if new_enough "$$version"; then
    echo "用 $$candidate（$$version）创建 $$VENV"
    exec "$$candidate" -m venv $$clear $$shared "$$VENV"
  fi
  tried="$$tried  $$candidate：$$version（太旧）
"
done
{
  echo "找不到 Python 3.11.5 或更新的版本。本项目锁定的软件包需要 Python 3.11.5 以上。"
  if [ -n "$$tried" ]; then
    printf '找到的：\n%s' "$$tried"
  else
    echo "试过：$$*（都没有找到或无法运行）"
  fi
  echo "办法（任选其一）："
  echo "  1. 安装更新的 Python（Debian 12 自带的 python3 是 3.11.2，不够新：可从本单位的软件源"
  echo "     安装 python3.12 或更新的版本，或用 pyenv、uv 等工具安装），然后运行"
  echo "     make serve PYTHON=新 Python 的路径（例如 PYTHON=/usr/local/bin/python3.12）；"
  echo "  2. 在 CI 镜像中运行（见 ci/README.md），镜像中已装好所需的 Python 和软件包。"
} >&2
exit 1
endef
export CHECK_PYTHON

python:
	@sh -c "$$CHECK_PYTHON"

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
