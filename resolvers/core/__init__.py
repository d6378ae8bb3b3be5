"""The core: business rules that know nothing of GraphQL, HTTP, boto3 or DuckDB."""
