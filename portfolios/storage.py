"""Where evidence is kept: the program's private storage (``lssc.core.storage``).

Kept as a module because earlier migrations name ``portfolios.storage``.
"""

from lssc.core.storage import PrivateStorage, private_storage

__all__ = ["PrivateStorage", "private_storage"]
