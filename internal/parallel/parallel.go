// Package parallel runs work over a list on every CPU. It is the one place where Papan
// starts workers: loading files, checking services, writing pages and removing an old
// site all go through For, so each honours cancellation and reports errors the same way.
package parallel

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// For calls f(ctx, i) for every i in [0, n) on up to GOMAXPROCS goroutines, each taking
// the next index as it finishes one, so a slow item does not hold up a fixed share of
// the list. The first error f returns cancels the ctx given to the other calls and no
// further index is started; For returns that error. When ctx is cancelled, For starts
// no more calls and returns ctx's error. f must be safe to call from several
// goroutines; calls for different i run in no particular order.
func For(ctx context.Context, n int, f func(ctx context.Context, i int) error) error {
	return ForWorkers(ctx, runtime.GOMAXPROCS(0), n, f)
}

// ForWorkers is For on up to workers goroutines. Work that mostly waits for the kernel —
// creating, listing or removing files — gets through more with a few goroutines per CPU,
// the kernel working on several folders at a time.
func ForWorkers(ctx context.Context, workers, n int, f func(ctx context.Context, i int) error) error {
	if n <= 0 {
		return ctx.Err()
	}
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, n)) {
		wg.Go(func() {
			for ctx.Err() == nil {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				if err := f(ctx, i); err != nil {
					cancel(err)
				}
			}
		})
	}
	wg.Wait()
	return context.Cause(ctx)
}
