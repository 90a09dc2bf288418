# Papan: the usual go commands, plus the performance table of docs/performance.md.
.PHONY: all build test vet bench bench-go

all: vet test build

build:
	go build -o papan ./cmd/papan

test:
	go test ./...

vet:
	go vet ./...

# bench reproduces the table in docs/performance.md (BENCH_200K=1 adds 200,000 services).
bench:
	bench/run.sh

# bench-go runs the go test benchmarks of the hot stages; compare runs with benchstat.
bench-go:
	go test -run '^$$' -bench . -benchmem -count 6 ./internal/content ./internal/render ./internal/build ./internal/engine
