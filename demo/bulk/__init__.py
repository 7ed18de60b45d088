"""The benchmark dataset's rows, written in bulk (``manage.py generate_dataset``).

Each module writes one part of the program as the services would have left it,
without calling them (they write one row at a time, and a benchmark needs
hundreds of thousands): the catalog of courses and agreements, the evaluators,
each candidate's way to the six sets (``journeys`` plans it, ``portfolios`` and
``achievements`` write it), the audit trail and the certificate PDFs. What the
rows must obey is what ``manage.py check_data`` checks.
"""
