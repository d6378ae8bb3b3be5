"""hrgraph's Lambda code: the handler, the core, its ports and their adapters."""
