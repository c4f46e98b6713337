"""govlint's built-in rule families; each sub-package is one plugin (entry point)."""
