package cli

// outputPromises are the promises about output: see TestPromises.
var outputPromises = []promise{}
