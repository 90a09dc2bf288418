package main

import (
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
)

// memoryLimit is the soft memory limit of a build or check (cmd) of a site of n
// services. What stays live to the end of a run grows with the site — each service's
// list entry, its findings and score for the dashboard, the paths of its files — and
// Go's collector lets the heap grow to twice what is live before it collects. A limit
// of about 1.8 times what is live at the end makes it collect sooner near the end of the
// run, when the most is live, and not before. A build keeps about 3.3 KB per service
// and some 10 MB besides (docs/performance.md): 16 MiB + 5.5 KiB per service, 70 MiB
// at 10,000 services, 285 MiB at 50,000. A check keeps no record of files written and
// no search index, about 2.5 KB per service, but its limit is set a little wider, 30
// MiB + 4 KiB per service, 69 MiB at 10,000: a check that takes most findings from the
// build cache is over in a third of a second, and at 58 MiB the collector ran a third
// of it (0.41-0.49 s against 0.27-0.40 s), while a check without the cache peaks at
// 73 MB instead of 70 MB. Both at most 880 MiB, which with the runtime and the program's own pages
// stays within 1 GB (a build reaches it at about 160,000 services) unless the live heap
// needs more room than that leaves (raisedLimit).
func memoryLimit(cmd string, n int) int64 {
	base, perService := int64(16<<20), int64(5632)
	if cmd == "check" {
		base, perService = 30<<20, 4096
	}
	return min(base+perService*int64(n), most)
}

// most is the largest limit memoryLimit sets, and the largest guardLimit raises it to
// while that leaves an eighth of what is live as room: with the runtime and the
// program's own pages, within 1 GB.
const most = 880 << 20

// raisedLimit is the limit to set after a collection that left live bytes live under
// limit, with goal the heap goal that the collector then set: half again what is live,
// so that the collector runs after allocating half of what is live, as Go's own pacing
// (GOGC=100) runs it after all of it; near most, only what stays below most. And never
// a goal less than an eighth above what is live: the limit counts all of the runtime's
// memory, not only the heap, so on a big site (200,000 services: some 250 MB besides
// the heap) a limit well above the live heap can still leave the heap no room, and the
// collector would run continuously. A limit is never lowered.
func raisedLimit(limit int64, live, goal uint64) int64 {
	want := int64(live + live/2)
	if want > most {
		want = max(most, int64(live+live/8))
	}
	if floor := live + live/8; goal < floor {
		want = max(want, limit+int64(floor-goal))
	}
	return max(limit, want)
}

// guardLimit sets limit as the soft memory limit and raises it after every collection
// that left too little room above the live heap (raisedLimit), for the rest of the
// process.
func guardLimit(limit int64) {
	debug.SetMemoryLimit(limit)
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}
	var arm func()
	arm = func() {
		// A finalizer runs after the collection that found its object unreachable:
		// once per cycle, as the object is made anew each time.
		runtime.SetFinalizer(new([16]byte), func(*[16]byte) {
			metrics.Read(sample)
			if l := raisedLimit(limit, sample[0].Value.Uint64(), sample[1].Value.Uint64()); l != limit {
				limit = l
				debug.SetMemoryLimit(limit)
			}
			arm()
		})
	}
	arm()
}

// serviceFiles counts the service files of the site that args (papan build's or check's
// flags) name with --src, as the loader finds them: content/<opd>/<layanan>.toml, not
// _opd.toml. It only sizes the memory limit, so a folder it cannot read counts 0.
func serviceFiles(args []string) int {
	src := "."
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "src" {
			continue
		}
		if hasValue {
			src = value
		} else if i+1 < len(args) {
			src = args[i+1]
		}
	}
	n := 0
	opds, _ := os.ReadDir(filepath.Join(src, "content"))
	for _, o := range opds {
		if !o.IsDir() {
			continue
		}
		files, _ := os.ReadDir(filepath.Join(src, "content", o.Name()))
		for _, f := range files {
			if !f.IsDir() && strings.HasSuffix(f.Name(), ".toml") && !strings.HasPrefix(f.Name(), "_") {
				n++
			}
		}
	}
	return n
}
