# Two entry points for people: `make run` opens the app, `make test` runs every test. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench drills sandbox doctor screenshots bundle clean translations

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The catalogues: `.ts` sources kept in git, `.qm` compiled by pyside6-lrelease for the window (core/i18n.py reads
# the `.ts` itself). `make translations` adds the strings marked in the code since (pyside6-lupdate) for translators.
LANGS := fr
TRANSLATIONS := $(LANGS:%=resources/i18n/campsync_%.ts)
COMPILED := $(TRANSLATIONS:.ts=.qm)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none -extensions py $$(find campsync_gui -name '*.py' | sort) \
		-ts $(TRANSLATIONS)

run: $(STAMP) $(COMPILED)
	$(BIN)/campsync-gui

# The team-mode tests start a throwaway PostgreSQL server: ensure_postgres.sh installs its binaries when missing.
test: $(STAMP) $(COMPILED)
	sh tests/ensure_postgres.sh
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# Benchmarks print figures (ratios against a baseline in the same run); they are not pass/fail tests.
# Each benchmark records its headline figures; the summary table (figure, target, met or not) comes last, and
# `make bench README=1` also rewrites the README's Performance summary from it. About 40 minutes.
BENCH_SUMMARY := $(CURDIR)/.bench-summary.jsonl
BENCHES := bench_p1_drop.py bench_cli_drop.py bench_throttled.py bench_p2_ui.py "bench_p2_ui.py --people 200000" \
	bench_people_table.py "bench_people_table.py --people 1000000" bench_p4_start.py bench_smartlists.py \
	bench_incremental_pull.py bench_charts.py
bench: $(STAMP) $(COMPILED)
	rm -f $(BENCH_SUMMARY)
	for bench in $(BENCHES); do echo "== tests/perf/$$bench"; \
		CAMPSYNC_BENCH_SUMMARY=$(BENCH_SUMMARY) QT_QPA_PLATFORM=offscreen $(BIN)/python tests/perf/$$bench || exit 1; done
	$(BIN)/python tests/perf/bench_summary.py --file $(BENCH_SUMMARY) $(if $(README),--readme README.md)

# Fault drills print their figures (lost / duplicated must be 0) and fail when any is not: injected 503s, dropped
# connections, lost answers to writes and a 429 storm; then kill -9 mid-sync; a slow org; writers racing on new
# campaigns; a team of workers and operators on one PostgreSQL store (kill -9, a server restart, throughput). A few
# minutes each at 10,000 people.
drills: $(STAMP)
	$(BIN)/python tests/drills/drill_faults.py --lose-first-writes
	$(BIN)/python tests/drills/drill_kill_10k.py
	$(BIN)/python tests/drills/drill_slow_org.py
	$(BIN)/python tests/drills/drill_concurrent_writers.py
	sh tests/ensure_postgres.sh
	$(BIN)/python tests/drills/drill_team.py

sandbox: $(STAMP)
	$(BIN)/campsync sandbox

doctor: $(STAMP)
	$(BIN)/campsync doctor

# Starts the real app on the sandbox (under Xvfb when there is no display) and saves PNGs for the README.
# The English set, the French set (resources/screenshots/fr) and a pseudo-localised one (every string 40 % longer and
# accented, resources/screenshots/pseudo: nothing may be cut off). Under Xvfb when there is no display.
SHOOT = if [ -n "$$DISPLAY" ]; then $(BIN)/python -m campsync_gui.ui.screenshots $(1); \
	else QT_QPA_PLATFORM=offscreen $(BIN)/python -m campsync_gui.ui.screenshots $(1); fi
screenshots: $(STAMP) $(COMPILED)
	$(call SHOOT,resources/screenshots)
	$(call SHOOT,resources/screenshots/fr --language fr)
	$(call SHOOT,resources/screenshots/pseudo --pseudo)

bundle: $(STAMP) $(COMPILED)
	$(BIN)/python -m pip install --quiet -e '.[build]'
	$(BIN)/pyinstaller --clean --noconfirm build.spec

clean:
	rm -rf $(VENV) build dist *.egg-info
