# Dalil — two commands on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
EVAL ?= ../shared/eval/dev.jsonl
# What the tests need from Debian: a browser with Arabic fonts, a speech synthesiser, ffmpeg, and
# PostgreSQL (the store suites run on SQLite and on a throwaway cluster, tests/servers.py).
APT_TEST_PACKAGES := chromium fonts-noto-core fonts-dejavu-core espeak-ng ffmpeg postgresql
# Two pytest-xdist workers, a test file whole on one of them (its module fixtures built once);
# `make test PYTEST_PARALLEL=` runs the suite in one process.
PYTEST_PARALLEL ?= -n 2 --dist loadfile
# sentence-transformers needs torch; this CPU build is the one this machine keeps on disk.
TORCH := torch==2.13.0

.PHONY: run serve install index check test install-test system-deps lint eval bench clean migrate

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

install: $(VENV)/.installed

index: install
	@$(BIN)/python -m ingest check || echo "some knowledge files are broken: they are skipped (see above)"
	$(BIN)/dalil ingest

run: index
	HOST=$(HOST) PORT=$(PORT) $(BIN)/dalil serve

serve: install
	HOST=$(HOST) PORT=$(PORT) $(BIN)/dalil serve

migrate: install
	$(BIN)/dalil migrate

check: install
	$(BIN)/python -m ingest check

system-deps:
	@missing=""; for p in $(APT_TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# One resolution and one editable build for everything the tests need (a superset of `install`: it
# marks that one done too), torch pinned in the same command so that pip never picks a CUDA build.
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e '.[test,st]' $(TORCH)
	touch $(VENV)/.installed $@

install-test: $(VENV)/.installed-test system-deps

lint: install-test
	$(BIN)/ruff check .

test: install-test
	$(BIN)/ruff check .
	$(BIN)/python -m ingest check
	@# pytest exits 5 when it collected no test: that is a failure here, never a silent success.
	$(BIN)/python -m pytest -q -p no:cacheprovider $(PYTEST_PARALLEL); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "no tests were collected"; exit 1; fi; exit $$rc

eval: index
	$(BIN)/dalil eval $(EVAL)

bench: index
	$(BIN)/python bench/retrieval.py $(EVAL)
	$(BIN)/python -m bench.kfold
	$(BIN)/python -m bench.scope
	$(BIN)/python -m bench.embed_latency
	DALIL_WEB_RATE_LIMIT=0 $(BIN)/python -m bench.suite
	$(BIN)/python -m bench.load
	$(BIN)/python -m bench.fuzz
	$(BIN)/python -m bench.gate
	@# Spoken questions (espeak-ng, OGG/Opus) through the voice path, on the held-out split; then the
	@# 10 s note's answer time and typed answers during a burst of voice notes.
	$(BIN)/python -m bench.voice_eval --split test --config default:
	$(BIN)/python -m bench.voice_rtf --latency 20

clean:
	rm -rf var/chroma var/dalil.sqlite3 test-artifacts
