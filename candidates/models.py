"""Models of the candidates app; they arrive with the issue that builds it."""
