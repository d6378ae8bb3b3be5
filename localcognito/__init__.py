"""The local stand-in for Cognito: users (argon2id, in the data dir) and the tokens it signs."""
