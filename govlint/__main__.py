"""``python -m govlint``."""

from __future__ import annotations

from govlint.commands import main

raise SystemExit(main())
