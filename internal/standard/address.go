package standard

import (
	"slices"
	"strconv"
	"strings"
)

// Addresses of the built site. Every page and file Papan makes has its address made
// here, and nowhere else: templates, the search index, the sitemap, JSON-LD, the
// poster's QR code, the dashboard, the dev server and the build take it from these
// functions, and the names an OPD or page cannot take (ReservedNames) come from the
// same constants. A new kind of page gets its function here; a new top-level folder
// goes into generatedFolders, or the test that compares them with the rendered site
// fails.
//
// A folder page is written as <folder>/index.html and linked as /<folder>/. Paths are
// site paths: a link puts them under the base URL's path (render.Renderer.URL).

// Names in the addresses of the pages Papan makes itself.
const (
	// IndexFile is the file a folder's address is served from: /dukcapil/ is
	// dukcapil/index.html.
	IndexFile = "index.html"
	// CategoryFolder holds a page per category: /kategori/<kategori>/.
	CategoryFolder = "kategori"
	// DashboardFolder holds the compliance dashboard, /kepatuhan/, and on a big site a
	// page per OPD, /kepatuhan/<opd>/.
	DashboardFolder = "kepatuhan"
	// AssetsFolder holds the files published under hashed names: the stylesheet, the
	// search script and its index.
	AssetsFolder = "assets"
	// PosterFolder is the poster's folder inside its service's: /<opd>/<layanan>/cetak/.
	PosterFolder = "cetak"
	// SearchFolder is kept for a search results page, /cari/ (docs/search.md), so one
	// can come without moving an OPD that took the name.
	SearchFolder = "cari"
	// PagesFolder is the folder of standalone pages under content/ (content/halaman/);
	// no page or OPD is published as /halaman/, so the name means one thing.
	PagesFolder = "halaman"
	// DataFolder holds the open data: /data/layanan.json, its schema, layanan.csv
	// and the DCAT catalogue katalog.jsonld (package opendata).
	DataFolder = "data"
	// ServiceDataFile is each service's open data, next to its page:
	// /<opd>/<layanan>/layanan.json.
	ServiceDataFile = "layanan.json"
	// NotFoundName is the not-found page's name, published as 404.html; /404/ is kept
	// so that no page is mistaken for it.
	NotFoundName = "404"

	notFoundFile = NotFoundName + ".html"
	sitemapFile  = "sitemap.xml"
	robotsFile   = "robots.txt"
	feedFile     = "perubahan.xml"
)

// generatedFolders are the top-level folders of the pages and files Papan makes
// whatever the content, beside the folders of OPDs and standalone pages.
var generatedFolders = []string{AssetsFolder, DashboardFolder, CategoryFolder, DataFolder}

// keptNames are top-level names no page of Papan's has, kept for the reasons their
// constants give.
var keptNames = []string{SearchFolder, PagesFolder, NotFoundName}

// GeneratedFolders returns the top-level folders Papan writes pages or files into besides
// those of OPDs and standalone pages.
func GeneratedFolders() []string { return slices.Clone(generatedFolders) }

// ReservedNames returns the top-level names an OPD or a standalone page cannot take: the
// generated folders, then the names kept for Papan.
func ReservedNames() []string { return slices.Concat(generatedFolders, keptNames) }

// PageNumberName reports whether name, a slug, is a number: the name a page of a long
// list takes after the first (/kategori/kesehatan/2/, /dukcapil/2/, /kepatuhan/2/). No
// OPD or service can take such a name, or its page and a list's page would share an
// address.
func PageNumberName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range name {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// Address is where one file of the built site is.
type Address struct {
	// File is its path in the output folder, slash-separated: "dukcapil/ktp-el/index.html".
	File string
	// Path is its site path, what a link names: "/dukcapil/ktp-el/".
	Path string
}

// folder is the address of the page of the folder a/b/c, whose parts after the first
// may be "". File and Path share one string, "/a/b/c/index.html": the dev server lists
// the addresses of every page of a 10,000-service site on each save.
func folder(a, b, c string) Address {
	n := 1 + len(a) + 1 + len(IndexFile)
	if b != "" {
		n += len(b) + 1
	}
	if c != "" {
		n += len(c) + 1
	}
	var sb strings.Builder
	sb.Grow(n)
	sb.WriteByte('/')
	for _, part := range [...]string{a, b, c} {
		if part != "" {
			sb.WriteString(part)
			sb.WriteByte('/')
		}
	}
	sb.WriteString(IndexFile)
	all := sb.String()
	return Address{File: all[1:], Path: all[:len(all)-len(IndexFile)]}
}

// file is the address of a file at the root of the site.
func file(name string) Address { return Address{File: name, Path: "/" + name} }

// HomeAddress returns the address of the home page: index.html, /.
func HomeAddress() Address { return Address{File: IndexFile, Path: "/"} }

// OPDAddress returns the address of the page of the OPD with slug opd: /<opd>/.
func OPDAddress(opd string) Address { return folder(opd, "", "") }

// ServiceAddress returns the address of a service's page: /<opd>/<layanan>/.
func ServiceAddress(opd, service string) Address { return folder(opd, service, "") }

// PosterAddress returns the address of a service's poster: /<opd>/<layanan>/cetak/.
func PosterAddress(opd, service string) Address {
	return folder(opd, service, PosterFolder)
}

// FlowchartFile is the name of a service's flowchart, a picture beside its page.
const FlowchartFile = "alur.svg"

// FlowchartAddress returns the address of a service's flowchart:
// /<opd>/<layanan>/alur.svg. It is a file of the service's folder, so it needs no
// reserved name.
func FlowchartAddress(opd, service string) Address {
	a := ServiceAddress(opd, service)
	return Address{File: a.File[:len(a.File)-len(IndexFile)] + FlowchartFile, Path: a.Path + FlowchartFile}
}

// CategoryAddress returns the address of the page of the category with slug category:
// /kategori/<kategori>/.
func CategoryAddress(category string) Address { return folder(CategoryFolder, category, "") }

// PageAddress returns the address of the standalone page with slug page: /<halaman>/.
func PageAddress(page string) Address { return folder(page, "", "") }

// DashboardAddress returns the address of the compliance dashboard: /kepatuhan/.
func DashboardAddress() Address { return folder(DashboardFolder, "", "") }

// DashboardOPDAddress returns the address of an OPD's page of a split dashboard:
// /kepatuhan/<opd>/.
func DashboardOPDAddress(opd string) Address { return folder(DashboardFolder, opd, "") }

// CategoryPageAddress returns the address of page n of a category's list: n 1 is
// CategoryAddress, then /kategori/<kategori>/2/, /kategori/<kategori>/3/, ….
func CategoryPageAddress(category string, n int) Address {
	if n <= 1 {
		return CategoryAddress(category)
	}
	return folder(CategoryFolder, category, strconv.Itoa(n))
}

// OPDPageAddress returns the address of page n of an OPD's list of services: n 1 is
// OPDAddress, then /<opd>/2/, …. No service is named with a number (PageNumberName).
func OPDPageAddress(opd string, n int) Address {
	if n <= 1 {
		return OPDAddress(opd)
	}
	return folder(opd, strconv.Itoa(n), "")
}

// DashboardPageAddress returns the address of page n of a split dashboard's list of
// OPDs: n 1 is DashboardAddress, then /kepatuhan/2/, …. No OPD is named with a number.
func DashboardPageAddress(n int) Address {
	if n <= 1 {
		return DashboardAddress()
	}
	return folder(DashboardFolder, strconv.Itoa(n), "")
}

// DashboardOPDPageAddress returns the address of page n of an OPD's page of a split
// dashboard: n 1 is DashboardOPDAddress, then /kepatuhan/<opd>/2/, ….
func DashboardOPDPageAddress(opd string, n int) Address {
	if n <= 1 {
		return DashboardOPDAddress(opd)
	}
	return folder(DashboardFolder, opd, strconv.Itoa(n))
}

// NotFoundAddress returns the address of the page a host serves for an unknown path.
func NotFoundAddress() Address { return file(notFoundFile) }

// SitemapAddress returns the address of the sitemap.
func SitemapAddress() Address { return file(sitemapFile) }

// SitemapPartAddress returns the address of the nth part (from 1) of a sitemap too long
// for one file, which sitemap.xml then indexes: /sitemap-<n>.xml.
func SitemapPartAddress(n int) Address { return file("sitemap-" + strconv.Itoa(n) + ".xml") }

// RobotsAddress returns the address of robots.txt.
func RobotsAddress() Address { return file(robotsFile) }

// AssetAddress returns the address of a file published under assets/ with the given name
// ("papan.1a2b3c4d.css").
func AssetAddress(name string) Address {
	return Address{File: AssetsFolder + "/" + name, Path: "/" + AssetsFolder + "/" + name}
}

// Addr returns the address of the OPD's page. (Address is the office's street address.)
func (o *OPD) Addr() Address { return OPDAddress(o.Slug) }

// Addr returns the address of the service's page.
func (s *Service) Addr() Address { return ServiceAddress(s.OPD.Slug, s.Slug) }

// PosterAddr returns the address of the service's poster.
func (s *Service) PosterAddr() Address { return PosterAddress(s.OPD.Slug, s.Slug) }

// Addr returns the address of the standalone page.
func (p *Page) Addr() Address { return PageAddress(p.Slug) }

// ServiceDataAddress returns the address of a service's open data:
// /<opd>/<layanan>/layanan.json.
func ServiceDataAddress(opd, service string) Address {
	p := opd + "/" + service + "/" + ServiceDataFile
	return Address{File: p, Path: "/" + p}
}

// DataAddress returns the address of a site-wide open-data file with the given name:
// /data/<name>.
func DataAddress(name string) Address {
	return Address{File: DataFolder + "/" + name, Path: "/" + DataFolder + "/" + name}
}

// OPDDataAddress returns the address of one OPD's share of the open data, whose
// extension ext is "json" or "csv": /data/opd/<opd>.json. Under /data/, a folder no
// OPD can take, so an OPD's slug names one file of each kind.
func OPDDataAddress(opd, ext string) Address {
	return DataAddress("opd/" + opd + "." + ext)
}

// FeedAddress returns the address of the Atom feed of changed standards: /perubahan.xml.
func FeedAddress() Address { return file(feedFile) }

// DataAddr returns the address of the service's open data.
func (s *Service) DataAddr() Address { return ServiceDataAddress(s.OPD.Slug, s.Slug) }
