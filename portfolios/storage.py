from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="portfolios.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """Evidence files under MEDIA_ROOT, which no web server serves.

    They have no URL: only the download view, after checking who asks, streams
    them (as an attachment).
    """

    def url(self, name):
        raise ValueError("Evidence files have no public URL; use the download view.")


private_storage = PrivateStorage()
