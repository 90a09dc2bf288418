package serve

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// watchedTrees are the folders of a site that are watched recursively. The site folder
// itself is watched without recursion, for site.toml and for these folders appearing.
var watchedTrees = []string{"content", "layouts", "static"}

// watchedFiles are the files directly in the site folder that matter to a build.
var watchedFiles = []string{"site.toml"}

// Watcher reports changes to the source files of a site in coalesced batches.
//
// fsnotify is not recursive: every folder of the watched trees is added, and a folder
// created later (mkdir -p fires once, for its top) is walked and added when it appears.
// Folders are watched rather than files, so a save by rename — write a temporary file,
// rename it over the original, as vim, VS Code and many others do — is seen as a Create
// of the file's name. Output folders such as public/ are outside the watched trees, so a
// `papan build` beside a running server does not trigger rebuilds.
type Watcher struct {
	fw      *fsnotify.Watcher
	root    string
	delay   time.Duration
	onError func(error)
	changes chan []string
	done    chan struct{}
	wg      sync.WaitGroup
}

// NewWatcher watches the site folder root. A burst of events is reported as one batch
// once delay has passed without a new event. onError receives watcher errors (such as
// an overflowing kernel queue); it may be nil.
func NewWatcher(root string, delay time.Duration, onError func(error)) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	if onError == nil {
		onError = func(error) {}
	}
	w := &Watcher{fw: fw, root: root, delay: delay, onError: onError,
		changes: make(chan []string), done: make(chan struct{})}
	if err := fw.Add(root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, t := range watchedTrees {
		if _, err := w.addTree(filepath.Join(root, t)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fw.Close()
			return nil, err
		}
	}
	w.wg.Go(w.loop)
	return w, nil
}

// Changes delivers batches of changed paths, slash-separated and relative to the site
// folder, sorted. It is closed when the watcher is closed.
func (w *Watcher) Changes() <-chan []string { return w.changes }

// Close stops watching and waits for the watcher's goroutine to end.
func (w *Watcher) Close() error {
	select {
	case <-w.done:
		return nil
	default:
	}
	close(w.done)
	err := w.fw.Close()
	w.wg.Wait()
	return err
}

// addTree adds dir and every folder under it, and returns the files it found: they may
// have been written before the folder was watched.
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir {
				return err
			}
			return nil // vanished meanwhile
		}
		if p != dir && ignoredName(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files = append(files, p)
			return nil
		}
		return w.fw.Add(p)
	})
	return files, err
}

// ignoredName reports names that are editor or system clutter rather than content.
// The loader skips dot-files too; leaving them out here saves a rebuild per swap file.
func ignoredName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx")
}

// rel returns the site-relative slash path of an event, or "" when the path is not part
// of the site's source.
func (w *Watcher) rel(name string) string {
	r, err := filepath.Rel(w.root, name)
	if err != nil || r == "." || strings.HasPrefix(r, "..") {
		return ""
	}
	r = filepath.ToSlash(r)
	top, _, nested := strings.Cut(r, "/")
	if !slices.Contains(watchedTrees, top) && (nested || !slices.Contains(watchedFiles, top)) {
		return ""
	}
	if ignoredName(filepath.Base(name)) {
		return ""
	}
	return r
}

func (w *Watcher) loop() {
	defer close(w.changes)
	pending := map[string]bool{}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	var batch []string // non-nil when the quiet period has passed and a batch awaits a reader
	for {
		var out chan []string
		if batch != nil {
			out = w.changes
		}
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			if w.handle(ev, pending) {
				batch = nil // more is coming: wait for quiet again
				timer.Reset(w.delay)
			}
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			w.onError(err)
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were lost: rebuild anyway, as if the whole content had changed.
				pending["content"] = true
				batch = nil
				timer.Reset(w.delay)
			}
		case <-timer.C:
			if len(pending) > 0 {
				batch = make([]string, 0, len(pending))
				for p := range pending {
					batch = append(batch, p)
				}
				slices.Sort(batch)
			}
		case out <- batch:
			batch = nil
			clear(pending)
		}
	}
}

// handle records ev in pending and reports whether it counts as a change.
func (w *Watcher) handle(ev fsnotify.Event, pending map[string]bool) bool {
	if ev.Op == fsnotify.Chmod { // touch, antivirus scans, indexers: content is unchanged
		return false
	}
	r := w.rel(ev.Name)
	if r == "" {
		return false
	}
	pending[r] = true
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.IsDir() {
			files, err := w.addTree(ev.Name)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				w.onError(err)
			}
			for _, f := range files {
				if fr := w.rel(f); fr != "" {
					pending[fr] = true
				}
			}
		}
	}
	return true
}
