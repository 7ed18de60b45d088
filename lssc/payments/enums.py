from django.db import models


class PaymentMethod(models.TextChoices):
    CARD = "card", "Card (online)"
    CHECK = "check", "Check"
    PURCHASE_ORDER = "purchase_order", "Institutional purchase order"


OFFLINE_METHODS = (PaymentMethod.CHECK, PaymentMethod.PURCHASE_ORDER)


class PaymentStatus(models.TextChoices):
    PENDING = "pending", "Awaiting payment"
    PAID = "paid", "Paid"
    REFUNDED = "refunded", "Refunded"
    CANCELLED = "cancelled", "Cancelled"


class PurchaseOrderStatus(models.TextChoices):
    OPEN = "open", "Awaiting payment"
    RECEIVED = "received", "Payment received"
