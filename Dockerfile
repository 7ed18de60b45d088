# The LSSC web application, its Celery worker and beat share this image.
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# Pango and HarfBuzz for WeasyPrint (certificate PDFs), fonts for the certificate.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 \
        fonts-dejavu-core curl \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 lssc
WORKDIR /app

COPY pyproject.toml README.md ./
COPY lssc lssc
COPY candidates candidates
COPY portfolios portfolios
COPY courses courses
COPY evaluations evaluations
COPY renewals renewals
COPY demo demo
RUN pip install .

COPY . .
# collectstatic needs settings but no secrets or database.
RUN DEBUG=0 SECRET_KEY=build-only python manage.py collectstatic --noinput \
    && mkdir -p /srv/lssc/media && chown -R lssc:lssc /srv/lssc

USER lssc
ENV MEDIA_ROOT=/srv/lssc/media
EXPOSE 8000
CMD ["gunicorn", "lssc.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
