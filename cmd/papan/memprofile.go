package main

import (
	"bytes"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// peakHeapProfile keeps a heap profile taken when the live heap was at its largest (as
// the last collection measured it) and writes it to file when the returned function is
// called: PAPAN_MEMPROFILE, for docs/performance.md. A profile of the end of the run
// would show what is live then, not at the peak that sets the run's memory.
func peakHeapProfile(file string) (stop func() error) {
	done := make(chan struct{})
	finished := make(chan struct{})
	var best bytes.Buffer
	go func() {
		defer close(finished)
		sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		var peak uint64
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				return
			case <-tick.C:
			}
			metrics.Read(sample)
			if live := sample[0].Value.Uint64(); live > peak+peak/50 {
				peak = live
				best.Reset()
				pprof.Lookup("heap").WriteTo(&best, 0)
			}
		}
	}()
	return func() error {
		close(done)
		<-finished
		return os.WriteFile(file, best.Bytes(), 0o644)
	}
}
