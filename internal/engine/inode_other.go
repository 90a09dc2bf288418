//go:build !unix

package engine

import "io/fs"

// Inode returns 0: this system gives no inode numbers through fs.FileInfo, so the build
// cache tells an unchanged file by its size and modification time alone, and always
// reads a service file to know it unchanged.
func Inode(fi fs.FileInfo) uint64 { return 0 }
