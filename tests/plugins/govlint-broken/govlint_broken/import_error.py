"""Fails while being imported, as a plugin with a missing dependency would."""

from __future__ import annotations

raise ImportError("govlint_broken needs a module that is not installed")
