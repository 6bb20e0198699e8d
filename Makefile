# Guichet — every entry point a maintainer, an agent's admin or CI needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export GUICHET_HOME ?= $(CURDIR)/var
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export TOKENIZERS_PARALLELISM := false

.PHONY: install corpus update index run serve test test-all eval bench ranker model clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock scripts/install.sh
	PYTHON=$(PYTHON) scripts/install.sh $(VENV)
	touch $@

corpus: install
	$(BIN)/guichet corpus fetch

update: install
	$(BIN)/guichet corpus update

index: corpus
	$(BIN)/guichet index

run: index
	$(BIN)/guichet serve

serve: install
	$(BIN)/guichet serve

test: install
	$(BIN)/python -m pytest -m "not slow" -q

test-all: index
	$(BIN)/python -m pytest -q

eval: index
	$(BIN)/guichet eval all --baselines bm25,langchain

bench: index
	$(BIN)/guichet bench

ranker: index
	$(BIN)/guichet ranker train

model: install
	$(BIN)/guichet model fetch $(MODEL)

clean:
	rm -rf $(GUICHET_HOME) $(VENV) build *.egg-info .pytest_cache
