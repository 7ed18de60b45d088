"""What the private storage holds, to show that a refused upload left nothing."""

from pathlib import Path

from django.conf import settings


def stored_files() -> list[str]:
    """Every file under MEDIA_ROOT, as paths relative to it."""
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
