# The two front-door commands are `make demo` and `make test` (see README).
# Every target that needs tools runs scripts/setup.sh first, which installs
# what is missing and is quick when everything is there.

SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/node_modules/.bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8080

.PHONY: setup dist demo test test-native test-wasm test-e2e bench yew-floor screenshots clean

setup:
	@scripts/setup.sh

## dist: build the release bundle into dist/ (embed.js, the Wasm module, demo page),
## with the pinned nightly of scripts/wasm-env.sh (native builds and tests use stable).
dist: setup
	source scripts/wasm-env.sh && trunk build --release --offline

## package: the npm package of dist/ (article-embed-<version>.tgz in package/; docs/frameworks.md).
.PHONY: package
package: dist
	@mkdir -p package
	cd dist && npm pack --pack-destination ../package

## demo: build, then serve the demo partner page on http://127.0.0.1:$(PORT)/
demo: dist
	node scripts/serve.mjs --port $(PORT)

## test: every test: native, Wasm in headless Chromium, then Playwright on dist/.
test: setup test-native test-wasm dist test-e2e

test-native:
	cargo test --workspace --locked

test-wasm:
	cargo test --locked --target wasm32-unknown-unknown --test web

test-e2e:
	@mkdir -p tests/fixtures/generated
	cargo run --locked --quiet -p article-embed-cli -- convert --from text cli/tests/fixtures/seed.txt -o tests/fixtures/generated/seed.json
	cargo run --locked --quiet -p article-embed-cli -- convert --from rss cli/tests/fixtures/feeds/news.rss --out-dir tests/fixtures/generated/feed
	npx playwright test

## bench: size and speed of the release bundle in headless Chromium (docs/PERFORMANCE.md).
bench: dist twiggy
	node scripts/bench.mjs

## twiggy: the Wasm size profiler the benchmark's breakdown uses (scripts/wasm-breakdown.mjs).
twiggy:
	command -v twiggy >/dev/null || cargo install twiggy --version 0.8.0 --locked

## bench-cli: convert --out-dir on a generated 10,000-item RSS feed: items/s and peak memory (docs/PERFORMANCE.md).
.PHONY: bench-cli
bench-cli:
	cargo build --locked --release -p article-embed-cli --bin article-embed --example bench_batch
	target/release/examples/bench_batch target/release/article-embed

## yew-floor: sizes of the smallest Yew app built like the bundle (the floor under the size budget).
yew-floor: setup
	scripts/yew-floor.sh

## screenshots: refresh docs/img/*.png from a running demo (make demo in another shell).
screenshots:
	node scripts/screenshot.mjs http://127.0.0.1:$(PORT)/ docs/img

clean:
	rm -rf dist target/wasm32-unknown-unknown test-results
