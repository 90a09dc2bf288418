package content

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/papan-id/papan/internal/standard"
)

// The checks of a fee's kind live here rather than in standard.Service.Validate because
// they depend on which keys a file writes, not only on the values: `tarif = 0` and no
// tarif at all decode alike.

var (
	feeType = reflect.TypeFor[standard.Fee]()
)

// FreeHint is the advice for `tarif = 0`, which once meant free: the standard must say
// so explicitly.
const FreeHint = "Tulis gratis = true (dan hapus tarif = 0) bila standar menyatakan layanan ini tidak dipungut biaya. Bila standar tidak menyebut biayanya sama sekali, hapus [[biaya]] ini: halaman akan menulis \"Belum dicantumkan dalam standar pelayanan ini\"."

// feeKindsHint lists the four ways of stating a fee.
const feeKindsHint = "Tulis salah satu dari empat: gratis = true bila standar menyatakan tidak dipungut biaya; tarif = 150000 untuk jumlah tetap; tarif_min = 10000 dan tarif_maks = 50000 untuk rentang; ketentuan = \"Dihitung dengan rumus … sesuai Perda …\" bila biaya ditetapkan dengan rumus atau peraturan. Selain gratis, sebut juga dasar_hukum."

// fee checks that the [[biaya]] table m, decoded into f, states its fee in exactly one
// of the four ways (standard.FeeKind).
func (d *decoder) fee(path string, m map[string]any, f *standard.Fee) {
	n := feeNumber(path)
	var kinds []string // the keys that state a kind, in the order of standard.FeeKind
	if f.Free {
		kinds = append(kinds, "gratis")
	}
	if v, ok := m["tarif"].(int64); ok {
		switch {
		case v == 0:
			d.errorf(path+".tarif", FreeHint, "%s bernilai 0; layanan gratis ditulis gratis = true", fieldLabel(path+".tarif"))
		case v < 0:
			d.errorf(path+".tarif", "Tulis jumlah rupiah, misalnya tarif = 150000; untuk layanan gratis tulis gratis = true.", "tarif tidak boleh negatif")
		default:
			kinds = append(kinds, "tarif")
		}
	}
	_, hasMin := m["tarif_min"]
	_, hasMax := m["tarif_maks"]
	if hasMin || hasMax {
		kinds = append(kinds, "tarif_min dan tarif_maks")
		_, intMin := m["tarif_min"].(int64)
		_, intMax := m["tarif_maks"].(int64)
		if intMin == hasMin && intMax == hasMax { // a bound that is no number has its type error
			d.feeRange(path, f, hasMin, hasMax)
		}
	}
	if f.Rule != "" {
		kinds = append(kinds, "ketentuan")
	}
	if _, zero := m["tarif"].(int64); zero && f.Amount == 0 && len(kinds) == 0 {
		return // tarif = 0 alone: its own message says what to write
	}
	switch len(kinds) {
	case 0:
		if len(m) == 0 {
			return // an empty table: uraian's message is enough
		}
		for _, k := range []string{"tarif", "tarif_min", "tarif_maks"} {
			if _, ok := m[k]; ok {
				return // written, but not as a number: its type error says what to write
			}
		}
		d.errorf(path, feeKindsHint, "[[biaya]] ke-%d tidak menyebut gratis, tarif, rentang tarif, atau ketentuan", n)
		d.problems[len(d.problems)-1].Rule = "SP001"
	case 1:
	default:
		key, _, _ := strings.Cut(kinds[1], " ")
		d.errorf(path+"."+key, "Setiap [[biaya]] memakai tepat satu dari gratis, tarif, tarif_min dan tarif_maks, atau ketentuan. Biaya yang berbeda, misalnya gratis bagi peserta BPJS dan Rp20.000 bagi pasien umum, ditulis sebagai [[biaya]] masing-masing.",
			"[[biaya]] ke-%d menulis dua jenis biaya sekaligus: %s", n, strings.Join(kinds, " dan "))
	}
}

const rangeHint = "Rentang ditulis dengan keduanya, misalnya tarif_min = 10000 dan tarif_maks = 50000. Untuk jumlah tetap tulis tarif saja, misalnya tarif = 150000."

// feeRange checks a range: both bounds, 0 < tarif_min < tarif_maks.
func (d *decoder) feeRange(path string, f *standard.Fee, hasMin, hasMax bool) {
	switch {
	case !hasMax:
		d.errorf(path+".tarif_min", rangeHint, "%s tanpa tarif_maks", fieldLabel(path+".tarif_min"))
	case !hasMin:
		d.errorf(path+".tarif_maks", rangeHint, "%s tanpa tarif_min", fieldLabel(path+".tarif_maks"))
	case f.Min <= 0:
		d.errorf(path+".tarif_min", "Bila sebagian pemohon tidak dipungut biaya, tulis bagian itu sebagai [[biaya]] tersendiri dengan gratis = true.",
			"%s harus lebih dari 0", fieldLabel(path+".tarif_min"))
	case f.Max <= f.Min:
		d.errorf(path+".tarif_maks", fmt.Sprintf("tarif_maks adalah batas atas rentang. Untuk jumlah tetap tulis tarif = %d saja.", f.Min),
			"tarif_maks (%d) harus lebih besar daripada tarif_min (%d)", f.Max, f.Min)
	}
}

// feeNumber returns the one-based number of the fee at path "biaya[i]".
func feeNumber(path string) int {
	var i int
	fmt.Sscanf(path[strings.LastIndexByte(path, '[')+1:], "%d", &i)
	return i + 1
}
