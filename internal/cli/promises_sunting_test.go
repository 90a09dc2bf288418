package cli

// suntingPromises are what papan serve --sunting promises before it listens: the form
// editor writes the site's files, so it is never opened to the network.
var suntingPromises = []promise{
	{
		name: "serve --sunting refuses an address other computers can reach",
		args: []string{"serve", "--src", "{dir}", "--sunting", "--bind", "0.0.0.0"},
		code: ExitUsage,
		stderr: []string{
			"papan serve: --sunting hanya dapat dipakai di komputer ini sendiri (127.0.0.1, ::1 atau localhost), bukan di 0.0.0.0:",
			"\tformulir sunting dapat mengubah berkas situs, jadi tidak dibuka untuk perangkat lain di jaringan.",
			"\tsaran: hapus --bind 0.0.0.0, atau jalankan tanpa --sunting",
		},
	},
	{
		name: "serve --sunting refuses a LAN address",
		args: []string{"serve", "--src", "{dir}", "--sunting", "--bind", "192.168.1.10"},
		code: ExitUsage,
		stderr: []string{
			"papan serve: --sunting hanya dapat dipakai di komputer ini sendiri (127.0.0.1, ::1 atau localhost), bukan di 192.168.1.10:",
		},
	},
}
