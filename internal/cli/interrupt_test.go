package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/papan-id/papan/internal/gendemo"
)

// fingerprint is the number of files under dir and a hash of every file's path, mode and
// contents, in a fixed order.
func fingerprint(t *testing.T, dir string) string {
	t.Helper()
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("fingerprint %s: %v", dir, err)
	}
	slices.Sort(paths)
	h := sha256.New()
	for _, p := range paths {
		rel, _ := filepath.Rel(dir, p)
		fi, err := os.Lstat(p)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s\x00%v\x00%d\x00", filepath.ToSlash(rel), fi.Mode(), fi.Size())
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	return fmt.Sprintf("%d files, sha256 %s", len(paths), hex.EncodeToString(h.Sum(nil)))
}

// leftovers lists what a build may leave beside out: its temporary folder or the old
// output it swapped out.
func leftovers(t *testing.T, out string) []string {
	t.Helper()
	ents, err := os.ReadDir(filepath.Dir(out))
	if err != nil {
		t.Fatal(err)
	}
	var left []string
	for _, e := range ents {
		if strings.Contains(e.Name(), ".papan-tmp-") || strings.HasSuffix(e.Name(), "-old") {
			left = append(left, e.Name())
		}
	}
	return left
}

// tempWithFiles returns the build's temporary folder beside out once it holds at least
// one regular file, or "" while there is none.
func tempWithFiles(out string) string {
	parent, prefix := filepath.Dir(out), "."+filepath.Base(out)+".papan-tmp-"
	ents, err := os.ReadDir(parent)
	if err != nil {
		return ""
	}
	for _, e := range ents {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) || strings.HasSuffix(e.Name(), "-old") {
			continue
		}
		tmp := filepath.Join(parent, e.Name())
		found := false
		filepath.WalkDir(tmp, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // the folder may vanish under us
			}
			if d.Type().IsRegular() {
				found = true
				return fs.SkipAll
			}
			return nil
		})
		if found {
			return tmp
		}
	}
	return ""
}

func genSite(t *testing.T, dir string, services int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if _, err := gendemo.Generate(ctx, dir, gendemo.Options{Services: services, Seed: 1}); err != nil {
		t.Fatalf("gendemo %d services: %v", services, err)
	}
}

// interruptSite is a generated site and a finished build of it, the previous output
// an interrupted build must keep.
type interruptSite struct {
	services int
	src, out string
	before   string // fingerprint of out
}

func newInterruptSite(t *testing.T, services int) *interruptSite {
	t.Helper()
	root := t.TempDir()
	s := &interruptSite{services: services, src: filepath.Join(root, "site"), out: filepath.Join(root, "www", "public")}
	genSite(t, s.src, services)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var stderr bytes.Buffer
	if code := Run(ctx, []string{"build", "--src", s.src, "--out", s.out}, io.Discard, &stderr); code != ExitOK {
		t.Fatalf("first build: exit %d\n%s", code, stderr.String())
	}
	s.before = fingerprint(t, s.out)
	return s
}

// TestInterrupt interrupts a real papan process (this test binary, re-executed through
// TestMain) while it is writing its temporary folder, and checks that the previous
// output is kept byte for byte and nothing is left beside it.
func TestInterrupt(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT/SIGTERM delivery to another process on Windows")
	}
	if testing.Short() {
		t.Skip("generates and builds a large site")
	}
	// One site for both signals: an interrupted build leaves its output as it was.
	site := newInterruptSite(t, 2000)
	parent := t
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			// A build that ends before the signal is a race of the test, not a failure of
			// papan: retry with a site twice as big, which widens the window between the
			// temporary folder's first file and the swap.
			for attempt := 1; attempt <= 3; attempt++ {
				if interruptOnce(t, sig, site) {
					return
				}
				t.Logf("attempt %d: the build of %d services finished before the signal; retrying with a bigger site", attempt, site.services)
				if attempt < 3 {
					// Made with the parent test's t: a site of this subtest's t would
					// be removed before the next signal's subtest uses it.
					site = newInterruptSite(parent, site.services*2)
				}
			}
			if os.Getenv("CI") != "" {
				t.Fatal("could not interrupt a build mid-write in 3 attempts")
			}
			t.Skip("could not interrupt a build mid-write in 3 attempts (machine too fast?)")
		})
	}
}

// interruptOnce returns false when the build finished before it could be interrupted.
func interruptOnce(t *testing.T, sig syscall.Signal, site *interruptSite) bool {
	t.Helper()
	src, out, before := site.src, site.out, site.before
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()

	// Without the build cache: with it, this build of an unchanged site would write
	// nothing at all. The full build's swap is what is interrupted here.
	cmd := exec.CommandContext(ctx, os.Args[0], "build", "--tanpa-cache", "--src", src, "--out", out)
	cmd.Env = append(os.Environ(), envTestMain+"=1")
	var childOut, childErr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &childOut, &childErr
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	// Wait until the child is mid-write: its temporary folder exists and holds files.
	deadline := time.After(90 * time.Second)
	var tmp string
poll:
	for {
		select {
		case err := <-done:
			if err == nil {
				return false // finished before we saw it writing
			}
			t.Fatalf("child failed before being signalled: %v\n%s", err, childErr.String())
		case <-deadline:
			cmd.Process.Kill()
			<-done
			t.Fatalf("no temporary folder with files appeared beside %s", out)
		default:
		}
		if tmp = tempWithFiles(out); tmp != "" {
			break poll
		}
		time.Sleep(time.Millisecond)
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatalf("signal: %v", err)
	}

	var err error
	select {
	case err = <-done:
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		<-done
		t.Fatalf("child did not exit within 60s of %v\n%s", sig, childErr.String())
	}
	if err == nil {
		// The signal landed after the last file was written: the swap happened.
		if strings.Contains(childErr.String(), "halaman") {
			return false
		}
		t.Fatalf("child exited 0 after %v without finishing:\n%s", sig, childErr.String())
	}
	ee, ok := err.(*exec.ExitError)
	if !ok {
		t.Fatalf("child: %v", err)
	}
	if ee.ExitCode() != ExitProblem {
		// A signal that killed the process (exit code -1) means the handler was not
		// installed: the temporary folder would be left behind.
		t.Errorf("exit code %d (%v), want %d; stderr:\n%s", ee.ExitCode(), ee, ExitProblem, childErr.String())
	}
	if !strings.Contains(childErr.String(), "keluaran sebelumnya tidak diubah") {
		t.Errorf("stderr does not say the previous output was kept:\n%s", childErr.String())
	}
	if after := fingerprint(t, out); after != before {
		t.Errorf("previous output changed: before %s, after %s", before, after)
	}
	if left := leftovers(t, out); len(left) > 0 {
		t.Errorf("left beside the output: %v (interrupted while writing %s)", left, filepath.Base(tmp))
	}
	t.Logf("%v: %d services, interrupted mid-write; %s kept; stderr %q", sig, site.services, before, strings.TrimSpace(childErr.String()))
	return true
}

// TestDiskFull builds into a small tmpfs: a small site fits, a big one does not. The
// failed build must report an error, leave the small site's output as it was and remove
// its temporary folder.
//
// Mounting a tmpfs needs root on Linux. That is a capability of the environment the
// tests run in, not a tool to install, so without it the test skips and says why.
func TestDiskFull(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("needs a Linux tmpfs mount")
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a tmpfs (an environment capability, not a tool)")
	}
	if testing.Short() {
		t.Skip("generates and builds a large site")
	}
	mnt := t.TempDir()
	if msg, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs (an environment capability, not a tool): %v: %s", err, bytes.TrimSpace(msg))
	}
	// Registered after t.TempDir, so it runs before the TempDir's removal.
	t.Cleanup(func() {
		if msg, err := exec.Command("umount", mnt).CombinedOutput(); err != nil {
			t.Errorf("umount %s: %v: %s", mnt, err, msg)
		}
	})
	out := filepath.Join(mnt, "public")

	small := filepath.Join(t.TempDir(), "small")
	if err := os.CopyFS(small, os.DirFS(filepath.Join("..", "build", "testdata", "site"))); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var stderr bytes.Buffer
	if code := Run(ctx, []string{"build", "--src", small, "--out", out}, io.Discard, &stderr); code != ExitOK {
		t.Fatalf("small build into the 8 MB tmpfs: exit %d\n%s", code, stderr.String())
	}
	before := fingerprint(t, out)

	big := filepath.Join(t.TempDir(), "big")
	genSite(t, big, 3000)
	stderr.Reset()
	var code int
	func() {
		defer func() {
			if p := recover(); p != nil {
				t.Fatalf("build of a site too big for the disk panicked: %v", p)
			}
		}()
		code = Run(ctx, []string{"build", "--src", big, "--out", out}, io.Discard, &stderr)
	}()
	if code != ExitProblem {
		t.Fatalf("build of a site too big for the disk: exit %d, want %d\n%s", code, ExitProblem, stderr.String())
	}
	if !strings.Contains(stderr.String(), ": disk penuh") || strings.Contains(stderr.String(), "papan-tmp") {
		t.Errorf("stderr does not name the full disk in Indonesian, or names the temporary folder:\n%s", stderr.String())
	}
	if after := fingerprint(t, out); after != before {
		t.Errorf("previous output changed: before %s, after %s", before, after)
	}
	if left := leftovers(t, out); len(left) > 0 {
		t.Errorf("left on the full disk: %v", left)
	}
	t.Logf("small output kept (%s); stderr %q", before, strings.TrimSpace(stderr.String()))
}
