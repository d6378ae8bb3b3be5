"""``hrgraph-local``: the laptop's development commands (serve, seed, users)."""
