"""Models of the renewals app; they arrive with the issue that builds it."""
