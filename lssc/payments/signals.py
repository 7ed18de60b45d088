"""The boundary between payments and what they pay for.

Apps that sell something (an application, a portfolio review, a course approval)
connect to ``payment_confirmed`` and act when their purpose is paid. Receivers run
inside the confirming transaction, so the payment and its effect commit together.
"""

from django.dispatch import Signal

# Sent with ``payment`` and ``actor`` (a staff user, or None for a webhook).
payment_confirmed = Signal()
