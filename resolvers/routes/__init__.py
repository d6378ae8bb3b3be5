"""One powertools Router per capability; the handler includes them all."""
