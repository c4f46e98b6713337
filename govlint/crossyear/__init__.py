"""Reports across years: a report and the same organ's report for the year before.

- :mod:`~govlint.crossyear.organs`: one organ however its titles write it;
- :mod:`~govlint.crossyear.titles`: a file's organ and year, read from its first lines;
- :mod:`~govlint.crossyear.pairing`: which file is last year's report (:class:`Pair`), and
  reading it;
- :mod:`~govlint.crossyear.similarity`: how much of this year's prose last year's holds (内容雷同).

The cross-year rules (GL6xx, :mod:`govlint.checks.crossyear`) read last year's report as
``Context.previous``; the engine runs them only when a report has one.
"""

from __future__ import annotations

from govlint.crossyear.organs import organ_key
from govlint.crossyear.pairing import Index, Pair, follows, pair, previous_for, read_previous, root_of
from govlint.crossyear.similarity import Overlap, Passage, overlap
from govlint.crossyear.titles import Title, read_title

__all__ = ["Index", "Overlap", "Pair", "Passage", "Title", "follows", "organ_key", "overlap", "pair", "previous_for",
           "read_previous", "read_title", "root_of"]
