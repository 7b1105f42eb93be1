# claimtrace: `make run` and `make test` set up .venv from the pinned lock file on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CORPUS := corpus/articles
OUT := out
AIDDATA := ../shared/external/aiddata-gcdf3/gcdf3_df_filtered_title_description.csv

.PHONY: run test eval bench lint clean review

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/claimtrace run $(CORPUS) --out $(OUT) --format parquet

test: $(STAMP)
	$(BIN)/python -m pytest

# The bundled corpus against its gold; the AidData gold too when ../shared is there.
eval: $(STAMP)
	$(BIN)/claimtrace run $(CORPUS) --out build/eval/articles --no-progress
	@echo "== bundled corpus (corpus/gold/articles.jsonl)"
	@$(BIN)/claimtrace eval --gold corpus/gold/articles.jsonl --pred build/eval/articles
	@if [ -f $(AIDDATA) ]; then \
		$(BIN)/claimtrace run $(AIDDATA) --text-column Description --id-column "AidData Record ID" \
			--out build/eval/aiddata --no-progress && \
		echo "== AidData descriptions (corpus/gold/aiddata.jsonl)" && \
		$(BIN)/claimtrace eval --gold corpus/gold/aiddata.jsonl --pred build/eval/aiddata; \
	else echo "== AidData gold skipped: ../shared is absent"; fi

# Words per second and peak memory against spaCy's bare tokenizer (needs ../shared).
bench: $(STAMP)
	$(BIN)/python scripts/bench.py --report docs/benchmarks.md
	$(BIN)/python scripts/bench_review.py --report docs/benchmarks.md
	$(BIN)/python scripts/bench_inputs.py
	$(BIN)/python scripts/soak.py

# The review page of the bundled corpus with its gold errors (out/review.html), and the README's
# screenshot of it (docs/review.png, taken by the browser test; skipped without a Chromium).
review: $(STAMP)
	$(BIN)/claimtrace run $(CORPUS) --out $(OUT) --format parquet --no-progress
	$(BIN)/claimtrace review $(OUT) --out $(OUT)/review.html --gold corpus/gold/articles.jsonl
	REVIEW_SCREENSHOT=docs/review.png $(BIN)/python -m pytest tests/test_review.py -k screenshot -rs

lint: $(STAMP)
	$(BIN)/ruff check pipeline tests scripts

clean:
	rm -rf $(OUT) build .pytest_cache .hypothesis
