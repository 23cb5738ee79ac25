# Two commands do everything: `make book` and `make test`. Each creates .venv on first use and installs
# requirements.txt into it (again whenever requirements.txt or pyproject.toml changes).

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
# Debian packages some tests and targets need: bubblewrap isolates graded student code, graphviz draws the
# roadmap, chromium runs the browser tests. `make system-deps` installs the missing ones (as root).
SYSTEM_PACKAGES ?= bubblewrap graphviz chromium $(TEX_PACKAGES)
# `make pdf` (and its test): XeLaTeX and the fonts the book's LaTeX uses; about 630 MiB, 90 s to install.
TEX_PACKAGES ?= texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended texlive-xetex latexmk \
	fonts-freefont-otf lmodern
JOBS ?= 2  # parallel jobs for make test-fast (pytest-xdist workers) and make mutants

.PHONY: book test test-fast sync bench mutants models lab pdf system-deps linkcheck clean help

help:
	@echo "make book       build the HTML book strictly (warnings are errors) into _build/html"
	@echo "make test       the whole test suite: data, notebooks (nbval), exercises, grader, book build, browser"
	@echo "make test-fast  everything except notebook execution, the book build and the browser (about 1.5 min)"
	@echo "make lab        open JupyterLab on notebooks/ from .venv"
	@echo "make mutants    run every notebook's planted breaks; each must be caught (report in _build/mutants)"
	@echo "make models     retrain the course's shipped models in coursemodels/ (minutes)"
	@echo "make pdf        build the book as a PDF through LaTeX (installs TeX with make system-deps)"
	@echo "make sync       regenerate notebook front matter from careerdata's roadmap"
	@echo "make bench      run every notebook once; time and peak memory into _build/bench/ and the appendix"
	@echo "make system-deps  install the Debian packages the tests use (bubblewrap, graphviz, chromium, TeX; root)"
	@echo "make linkcheck  check external links in the book (needs internet; not part of make test)"
	@echo "make clean      remove _build (keeps .venv)"

$(STAMP): requirements.txt pyproject.toml package.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3" >/dev/null
	@# Build tools and careerdata's dependencies as wheels, so the packaging tests build and install the
	@# wheel in a fresh, isolated environment without reaching the network during the tests.
	$(BIN)/python -m pip download --quiet --dest $(VENV)/wheelhouse "setuptools>=77" wheel numpy pandas pyyaml
	@# axe-core for the accessibility tests; without npm those tests skip and say why.
	@if command -v npm >/dev/null 2>&1; then npm install --no-audit --no-fund --silent; \
	  else echo "npm not found: the accessibility tests will be skipped"; fi
	@touch $(STAMP)

system-deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

book: $(STAMP)
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo "Book built: $(CURDIR)/_build/html/index.html"

test: $(STAMP)
	$(BIN)/python -m pytest notebooks tests --nbval-lax

# pytest-xdist: on 2 cores, 77 s instead of 127 s on a fresh clone (measured 2026-12-06). `make test` does
# not use it: see CONTRIBUTING.md, "Tests at two speeds".
test-fast: $(STAMP)
	$(BIN)/python -m pytest tests -m "not slow" -n $(JOBS)

lab: $(STAMP)
	$(BIN)/jupyter-lab --notebook-dir=notebooks --ip=127.0.0.1

mutants: $(STAMP)
	$(BIN)/python scripts/mutants.py -j $(JOBS)

models: $(STAMP)
	$(BIN)/python -m coursemodels.train all --seed 0 --threads 2

pdf: $(STAMP) system-deps
	$(BIN)/jupyter-book build . --builder pdflatex
	@echo "PDF built: $$(ls $(CURDIR)/_build/latex/*.pdf)"

sync: $(STAMP)
	$(BIN)/python scripts/sync_front_matter.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py --publish

linkcheck: $(STAMP)
	$(BIN)/jupyter-book build . --builder linkcheck

clean:
	rm -rf _build
