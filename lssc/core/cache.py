"""A shared cache that survives its server: Redis when it answers, local memory if not.

The cache holds rate limits and cached pages, never anything that cannot be rebuilt, so
when Redis is unreachable every process carries on with a cache of its own (rate
limits then count per process) instead of failing closed: sign-in must not answer 429
because the cache is down. After a failure Redis is left alone for ``RETRY_AFTER``
seconds, so a request waits on it at most once per interval, for at most the socket
timeout.
"""

import logging
import threading
import time

import redis
from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.retry import Retry

logger = logging.getLogger(__name__)

UNREACHABLE = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError, OSError)


class ResilientRedisCache(BaseCache):
    def __init__(self, server, params):
        super().__init__(params)
        options = dict(params.get("OPTIONS", {}))
        self.retry_after = float(options.pop("RETRY_AFTER", 30))
        options.setdefault("socket_connect_timeout", 1)
        options.setdefault("socket_timeout", 1)
        # One try: the fallback is the retry (redis-py would otherwise try again
        # three times, each waiting up to the connect timeout).
        options.setdefault("retry", Retry(NoBackoff(), 0))
        self.redis = RedisCache(server, {**params, "OPTIONS": options})
        self.local = LocMemCache(f"fallback-{id(self)}", {**params, "OPTIONS": {}})
        self._down_until = 0.0
        self._lock = threading.Lock()

    @property
    def redis_down(self) -> bool:
        return time.monotonic() < self._down_until

    def _call(self, method: str, *args, **kwargs):
        if not self.redis_down:
            try:
                return getattr(self.redis, method)(*args, **kwargs)
            except UNREACHABLE as error:
                with self._lock:
                    if not self.redis_down:
                        logger.warning(
                            "Cache server unreachable (%s); using local memory for "
                            "%d s.",
                            error,
                            self.retry_after,
                        )
                    self._down_until = time.monotonic() + self.retry_after
        return getattr(self.local, method)(*args, **kwargs)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", keys, version)

    def clear(self):
        self.local.clear()
        return self._call("clear")

    def close(self, **kwargs):
        self.redis.close(**kwargs)
