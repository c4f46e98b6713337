"""``python -m govlint``."""

from __future__ import annotations

from govlint.cli import main

raise SystemExit(main())
