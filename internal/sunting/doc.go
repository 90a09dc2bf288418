package sunting

import (
	"bytes"
	"strings"

	"github.com/BurntSushi/toml"
)

// doc is one editable file: its TOML tree and, for a page, the Markdown after its front
// matter.
type doc struct {
	file, kind string
	tree       map[string]any
	body       string
	hasBody    bool
	order      map[string][]string // the file's key order per table
}

// decodeDoc reads src, the bytes of file.
func decodeDoc(file string, src []byte) (*doc, error) {
	d := &doc{file: file, kind: fileKind(file), tree: map[string]any{}, order: map[string][]string{}}
	text := src
	if d.kind == kindPage {
		d.hasBody = true
		front, body, ok := splitFront(src)
		if !ok {
			d.body = string(bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n")))
			return d, nil
		}
		text, d.body = front, string(body)
	}
	md, err := toml.Decode(string(text), &d.tree)
	if err != nil {
		return nil, err
	}
	d.order = keyOrder(md)
	return d, nil
}

// splitFront splits a page into its +++ front matter and its body, as the loader does.
func splitFront(src []byte) (front, body []byte, ok bool) {
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	rest, ok := bytes.CutPrefix(src, []byte("+++\n"))
	if !ok {
		return nil, nil, false
	}
	if bytes.HasPrefix(rest, []byte("+++\n")) || bytes.Equal(rest, []byte("+++")) {
		return nil, bytes.TrimPrefix(rest[3:], []byte("\n")), true
	}
	i := bytes.Index(rest, []byte("\n+++\n"))
	if i < 0 {
		if bytes.HasSuffix(rest, []byte("\n+++")) {
			return rest[:len(rest)-4], nil, true
		}
		return nil, nil, false
	}
	return rest[:i+1], rest[i+5:], true
}

// encode writes the document: keys in the schema's order, then the file's.
func (d *doc) encode(root *spec) []byte {
	out := writeTOML(d.tree, d.orderFunc(root))
	if !d.hasBody {
		return out
	}
	var b bytes.Buffer
	b.WriteString("+++\n")
	b.Write(out)
	b.WriteString("+++\n")
	if d.body != "" {
		b.WriteString(d.body)
		if !strings.HasSuffix(d.body, "\n") {
			b.WriteString("\n")
		}
	}
	return b.Bytes()
}

func (d *doc) orderFunc(root *spec) orderFunc {
	return func(p string) []string {
		var keys []string
		if s := lookupSpec(root, p); s != nil {
			for _, f := range s.Fields {
				keys = append(keys, f.Key)
			}
		}
		return append(keys, d.order[p]...)
	}
}

// lookupSpec finds the spec of the table at a path without indexes ("" is the root).
func lookupSpec(root *spec, p string) *spec {
	s := root
	if p == "" {
		return s
	}
	for key := range strings.SplitSeq(p, ".") {
		if s = s.field(key); s == nil {
			return nil
		}
	}
	return s
}
