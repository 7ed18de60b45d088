"""A mail's attachment owns its file: an earlier certificate kept for a mail still
sending is not an orphan (``check_data``)."""

from lssc.core.invariants import register_file_reference

from .models import OutgoingMail

register_file_reference(OutgoingMail, "attachment")
