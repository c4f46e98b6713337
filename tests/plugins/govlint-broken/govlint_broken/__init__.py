"""A govlint plugin that is broken on purpose, in three different places."""
