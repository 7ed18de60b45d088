"""Models of the evaluations app; they arrive with the issue that builds it."""
