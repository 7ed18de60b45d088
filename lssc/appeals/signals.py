"""The boundary between appeals and what they are about.

An app whose decisions can be appealed connects to ``appeal_upheld`` and reopens its
decision; receivers run inside the deciding transaction.
"""

from django.dispatch import Signal

# Sent with ``appeal`` (its ``subject`` is the record decided) and ``actor``.
appeal_upheld = Signal()
