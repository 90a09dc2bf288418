package cli

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a buffer the server goroutine writes while the test reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestServe(t *testing.T) {
	t.Run("serves until interrupted", func(t *testing.T) {
		dir := cleanSite(t)
		ctx, cancel := context.WithCancel(t.Context())
		var stdout, stderr syncBuffer
		done := make(chan int, 1)
		go func() { done <- Run(ctx, []string{"serve", "--src", dir, "--port", "0"}, &stdout, &stderr) }()
		var url string
		for deadline := time.Now().Add(5 * time.Second); url == "" && time.Now().Before(deadline); {
			url = strings.TrimSpace(stdout.String())
			time.Sleep(10 * time.Millisecond)
		}
		if !strings.HasPrefix(url, "http://127.0.0.1:") {
			t.Fatalf("stdout %q, want the URL on 127.0.0.1; stderr %s", url, stderr.String())
		}
		var body string
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			resp, err := http.Get(url + "dinas/surat/")
			if err != nil {
				continue
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			body = string(b)
			break
		}
		if !strings.Contains(body, "<h1>Surat</h1>") {
			t.Errorf("service page not served: %q", body)
		}
		cancel()
		select {
		case code := <-done:
			if code != ExitOK {
				t.Errorf("exit %d, want %d; stderr %s", code, ExitOK, stderr.String())
			}
		case <-time.After(10 * time.Second):
			t.Fatal("serve did not stop within 10 s of the interrupt")
		}
	})

	t.Run("a port in use is named with a way out", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		port := ln.Addr().(*net.TCPAddr).Port
		code, _, stderr := run("serve", "--src", cleanSite(t), "--port", strconv.Itoa(port))
		if code != ExitProblem {
			t.Errorf("exit %d, want %d", code, ExitProblem)
		}
		for _, want := range []string{"port " + strconv.Itoa(port) + " di 127.0.0.1 sudah dipakai", "papan serve --port " + strconv.Itoa(port+1)} {
			if !strings.Contains(stderr, want) {
				t.Errorf("stderr %q does not contain %q", stderr, want)
			}
		}
	})

	t.Run("a port out of range is a usage error", func(t *testing.T) {
		if code, _, _ := run("serve", "--port", "70000"); code != ExitUsage {
			t.Errorf("exit %d, want %d", code, ExitUsage)
		}
	})
}
