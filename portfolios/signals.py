from django.dispatch import Signal

# Sent once per submission, after it is paid and frozen (``submission``).
portfolio_submitted = Signal()
