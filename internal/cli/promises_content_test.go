package cli

// contentPromises are the promises about content: see TestPromises.
var contentPromises = []promise{}
