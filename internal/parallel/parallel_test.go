package parallel

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
)

func TestForCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		counts := make([]atomic.Int32, n)
		if err := For(t.Context(), n, func(_ context.Context, i int) error {
			counts[i].Add(1)
			return nil
		}); err != nil {
			t.Fatalf("n=%d: %v", n, err)
		}
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Errorf("n=%d: index %d called %d times", n, i, c)
			}
		}
	}
}

func TestForStopsAtTheFirstError(t *testing.T) {
	bad := errors.New("rusak")
	var calls atomic.Int32
	err := For(t.Context(), 10000, func(ctx context.Context, i int) error {
		calls.Add(1)
		if i == 3 {
			return bad
		}
		return nil
	})
	if !errors.Is(err, bad) {
		t.Fatalf("err = %v, want %v", err, bad)
	}
	// Workers already past index 3 may finish one call each; far fewer than all run.
	if c := calls.Load(); c >= 10000 {
		t.Errorf("%d calls after the error, want the work stopped", c)
	}
}

func TestForHonoursCancellation(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	var calls atomic.Int32
	err := For(ctx, 100, func(context.Context, int) error { calls.Add(1); return nil })
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if c := calls.Load(); c != 0 {
		t.Errorf("%d calls on a cancelled context", c)
	}
}

func TestForPassesCancellationToTheWork(t *testing.T) {
	bad := errors.New("rusak")
	err := For(t.Context(), 2, func(ctx context.Context, i int) error {
		if i == 0 {
			return bad
		}
		<-ctx.Done() // the other call sees the first error as a cancellation
		return nil
	})
	if !errors.Is(err, bad) {
		t.Errorf("err = %v, want %v", err, bad)
	}
}
