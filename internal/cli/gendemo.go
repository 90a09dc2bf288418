package cli

import (
	"errors"
	"fmt"
	"time"

	"github.com/papan-id/papan/internal/gendemo"
)

// runGenDemo writes a synthetic site for benchmarks and demos.
func runGenDemo(e *env, args []string) int {
	fs := e.flags("gen-demo")
	services := fs.Int("services", 0, "jumlah layanan (wajib)")
	opds := fs.Int("opd", 0, "jumlah OPD (bawaan: layanan/50, antara 1 dan 600)")
	seed := fs.Uint64("seed", 1, "benih acak; benih yang sama menghasilkan situs yang sama")
	if code := parse(fs, args); code >= 0 {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(e.stderr, "papan gen-demo: tulis satu folder tujuan, misalnya: papan gen-demo --services 1000 demo")
		return ExitUsage
	}
	if *services < 1 {
		fmt.Fprintln(e.stderr, "papan gen-demo: --services harus diisi dengan angka 1 atau lebih")
		return ExitUsage
	}
	if *opds < 0 {
		fmt.Fprintln(e.stderr, "papan gen-demo: --opd tidak boleh negatif")
		return ExitUsage
	}
	dir := fs.Arg(0)
	start := time.Now()
	res, err := gendemo.Generate(e.ctx, dir, gendemo.Options{Services: *services, OPDs: *opds, Seed: *seed})
	if errors.Is(err, gendemo.ErrNotEmpty) {
		fmt.Fprintf(e.stderr, "papan gen-demo: folder %s tidak kosong\nPilih folder baru atau kosongkan folder itu lebih dulu.\n", dir)
		return ExitUsage
	}
	if err != nil {
		return reportError(e, err)
	}
	fmt.Fprintf(e.stderr, "papan: %d layanan di %d OPD (%d berkas, %d KB) ditulis ke %s dalam %d ms\n",
		res.Services, res.OPDs, res.Files, (res.Bytes+1023)/1024, dir, time.Since(start).Milliseconds())
	return ExitOK
}
