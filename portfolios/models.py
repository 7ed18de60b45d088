"""Models of the portfolios app; they arrive with the issue that builds it."""
