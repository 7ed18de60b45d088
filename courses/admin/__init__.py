"""The courses' admin pages, one module per group of models; importing them here
registers them when Django discovers ``courses.admin``."""

from . import achievements, applications, catalog, providers

__all__ = ["achievements", "applications", "catalog", "providers"]
