package sunting

import (
	"bytes"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/papan-id/papan/internal/content"
)

// doc is one editable file: its TOML tree and, for a page, the Markdown after its front
// matter.
type doc struct {
	file, kind string
	tree       map[string]any
	body       string
	hasBody    bool
	order      map[string][]string // the file's key order per table
	// pending are the new entries of tables whose keys the editor chooses that were
	// refused (key and value, by the table's path): shown again as chosen, not lost.
	pending map[string][2]string
}

// decodeDoc reads src, the bytes of file.
func decodeDoc(file string, src []byte) (*doc, error) {
	d := &doc{file: file, kind: fileKind(file), tree: map[string]any{}, order: map[string][]string{}}
	text := src
	if d.kind == kindPage {
		d.hasBody = true
		front, body, ok := content.SplitFrontMatter(src)
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
