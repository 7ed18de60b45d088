from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible(path="lssc.core.storage.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """Uploaded and generated documents under MEDIA_ROOT, which no web server serves.

    They have no URL: only views that check who asks stream them, as attachments.
    """

    def url(self, name):
        raise ValueError("Private files have no public URL; use a download view.")


private_storage = PrivateStorage()
