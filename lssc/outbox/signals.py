"""A worker that starts sends whatever waited for the broker while it was down."""

import logging

from celery.signals import worker_ready

from lssc.core.words import counted

logger = logging.getLogger(__name__)


@worker_ready.connect
def _dispatch_on_start(**kwargs):
    from .services import dispatch_pending

    try:
        sent = dispatch_pending()
    except Exception:  # a worker must start even if the sweep cannot run
        logger.exception("Sending pending background tasks at start-up failed.")
        return
    if sent:
        logger.info("Sent %s that were waiting.", counted(sent, "background task"))
