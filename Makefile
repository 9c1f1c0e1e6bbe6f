# The two commands of the README, plus helpers. Each target installs what it
# needs first (scripts/install-deps is quick when everything is present).
JOBS ?= $(shell nproc)
DB ?= newsfacts.db

.PHONY: demo test deps release dev bench format clean

deps:
	bash scripts/install-deps

release: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(JOBS)

dev: deps
	cmake --preset dev >/dev/null
	cmake --build --preset dev -j $(JOBS)

# Builds the release binary, crawls the bundled example site (a feed and a
# sitemap under examples/, read through file:// URLs, so no network) and
# prints what was found. file:// URLs must be absolute: the seeds are made
# from the checkout's path here.
demo: release
	build/release/newsfacts crawl --once --db $(DB) \
	  --seed file://$(CURDIR)/examples/feed.xml \
	  --seed file://$(CURDIR)/examples/sitemap.xml
	build/release/newsfacts summary --db $(DB)

# Builds with AddressSanitizer + UBSan and runs every test through ctest.
test: dev
	ctest --preset dev -j $(JOBS)

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf build
