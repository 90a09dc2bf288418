package cli

// messagePromises are the promises about message: see TestPromises.
var messagePromises = []promise{}
