package cli

// linkPromises are the promises about link: see TestPromises.
var linkPromises = []promise{}
