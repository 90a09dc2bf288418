package cli

// plausibilityPromises are the promises about plausibility: see TestPromises.
var plausibilityPromises = []promise{}
