"""S3 media storage whose browser-facing URLs use the endpoint the browser can reach.

Behind docker compose the backend talks to ``http://localstack:4566`` while the
browser knows ``http://localhost:4566``; a presigned URL signs its host, so it has
to be generated for the public endpoint (``AWS_S3_PUBLIC_ENDPOINT_URL``) rather
than rewritten afterwards. On real AWS both endpoints are the same.
"""

import threading
import time
from typing import Any

from storages.backends.s3 import S3Storage
from storages.utils import clean_name, setting


class MediaS3Storage(S3Storage):
    _public = threading.local()
    # (endpoint, bucket, name) -> (reuse until, url). Signing costs about a millisecond in botocore, and a list of
    # 20 articles needs 40 URLs; reusing a URL for half its lifetime also lets browsers cache images.
    _signed_urls: dict[tuple[str, str, str], tuple[float, str]] = {}
    _SIGNED_URLS_MAX = 10_000

    def _public_client(self) -> Any:
        endpoint = setting("AWS_S3_PUBLIC_ENDPOINT_URL") or self.endpoint_url
        if endpoint == self.endpoint_url:
            return self.connection.meta.client
        clients = getattr(self._public, "clients", None)
        if clients is None:
            clients = self._public.clients = {}
        if endpoint not in clients:
            clients[endpoint] = self._create_session().client(
                "s3", region_name=self.region_name, endpoint_url=endpoint, config=self.client_config
            )
        return clients[endpoint]

    def url(self, name: str, parameters: dict | None = None, expire: int | None = None, http_method: Any = None) -> str:
        if self.custom_domain or not self.querystring_auth:
            return super().url(name, parameters, expire, http_method)
        if parameters or expire is not None or http_method is not None:
            return self._presigned_get(name, parameters, expire, http_method)
        now = time.monotonic()
        key = (setting("AWS_S3_PUBLIC_ENDPOINT_URL") or self.endpoint_url or "", self.bucket_name, name)
        cached = self._signed_urls.get(key)
        if cached is not None and cached[0] > now:
            return cached[1]
        url = self._presigned_get(name, None, None, None)
        if len(self._signed_urls) >= self._SIGNED_URLS_MAX:
            self._signed_urls.clear()
        self._signed_urls[key] = (now + self.querystring_expire / 2, url)
        return url

    def _presigned_get(self, name: str, parameters: dict | None, expire: int | None, http_method: Any) -> str:
        params = {**(parameters or {}), "Bucket": self.bucket_name, "Key": self._normalize_name(clean_name(name))}
        return self._public_client().generate_presigned_url(
            "get_object",
            Params=params,
            ExpiresIn=self.querystring_expire if expire is None else expire,
            HttpMethod=http_method,
        )

    def presigned_post(self, *, name: str, content_type: str, max_bytes: int, expire: int) -> dict[str, Any]:
        """A browser form upload to exactly this key, of this type, of at most ``max_bytes``.

        https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
        """
        return self._public_client().generate_presigned_post(
            Bucket=self.bucket_name,
            Key=self._normalize_name(clean_name(name)),
            Fields={"Content-Type": content_type},
            Conditions=[{"Content-Type": content_type}, ["content-length-range", 1, max_bytes]],
            ExpiresIn=expire,
        )
