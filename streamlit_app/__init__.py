"""The hrgraph web app."""
