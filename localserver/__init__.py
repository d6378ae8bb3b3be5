"""The local stand-in for AppSync: token check, group rules, AppSync-shaped events."""
