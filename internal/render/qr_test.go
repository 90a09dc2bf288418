package render

import (
	"strconv"
	"testing"
)

func TestAppendSmall(t *testing.T) {
	for n := range 1000 {
		if got, want := string(appendSmall([]byte("x"), n)), "x"+strconv.Itoa(n); got != want {
			t.Errorf("appendSmall(%d) = %q, want %q", n, got, want)
		}
	}
}
