"""``govlint lsp``: the language server. :mod:`.server` runs it; :mod:`.convert` turns
offsets into LSP positions and back; :mod:`.actions` offers the code actions."""
