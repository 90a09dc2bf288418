package main

import (
	"os"
	"path/filepath"
	"strings"
)

// memoryLimit is the soft memory limit of a build or check of a site of n services.
// What stays live to the end of a build grows with the site — each service's list
// entry, its findings and score for the dashboard, the paths of its files — to about
// 50 MB at 10,000 services and some 220 MB at 50,000 (docs/performance.md), and Go's
// collector lets the heap grow to twice what is live before it collects. A limit of
// about 1.5 times what is live makes it collect sooner near the end of the build, when
// the most is live, and not before: 91 MiB at 10,000 services, 325 MiB at 50,000, at
// most 768 MiB as before (which a site of 200,000 outgrows). A site whose services keep
// more than this expects spends more time collecting (at most half of the CPU, Go's
// own bound), not more memory.
func memoryLimit(n int) int64 {
	const base, perService, most = 32 << 20, 6 << 10, 768 << 20
	return min(base+perService*int64(n), most)
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
