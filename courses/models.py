"""Models of the courses app; they arrive with the issue that builds it."""
