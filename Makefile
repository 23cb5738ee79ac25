# Two commands do everything: `make book` and `make test`. Each creates .venv on first use and installs
# requirements.txt into it (again whenever requirements.txt or pyproject.toml changes).

PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: book test sync bench linkcheck clean help

help:
	@echo "make book   build the HTML book strictly (warnings are errors) into _build/html"
	@echo "make test   run the whole test suite (data, notebooks via nbval, exercises, book build)"
	@echo "make sync   regenerate notebook front matter from careerdata's roadmap"
	@echo "make bench  run every notebook once; time and peak memory into _build/bench/ and the appendix"
	@echo "make linkcheck  check external links in the book (needs internet; not part of make test)"
	@echo "make clean  remove _build (keeps .venv)"

$(STAMP): requirements.txt pyproject.toml package.json
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3" >/dev/null
	@# axe-core for the accessibility tests; without npm those tests skip and say why.
	@if command -v npm >/dev/null 2>&1; then npm install --no-audit --no-fund --silent; \
	  else echo "npm not found: the accessibility tests will be skipped"; fi
	@touch $(STAMP)

book: $(STAMP)
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo "Book built: $(CURDIR)/_build/html/index.html"

test: $(STAMP)
	$(BIN)/python -m pytest tests notebooks --nbval-lax

sync: $(STAMP)
	$(BIN)/python scripts/sync_front_matter.py

bench: $(STAMP)
	$(BIN)/python scripts/bench.py --publish

linkcheck: $(STAMP)
	$(BIN)/jupyter-book build . --builder linkcheck

clean:
	rm -rf _build
