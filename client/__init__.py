"""The hrgraph Python client (gql) and the hrgraph CLI."""
