"""S3 media storage whose browser-facing URLs use the endpoint the browser can reach.

Behind docker compose the backend talks to ``http://localstack:4566`` while the
browser knows ``http://localhost:4566``; a presigned URL signs its host, so it has
to be generated for the public endpoint (``AWS_S3_PUBLIC_ENDPOINT_URL``) rather
than rewritten afterwards. On real AWS both endpoints are the same.
"""

import threading
from typing import Any

from storages.backends.s3 import S3Storage
from storages.utils import clean_name, setting


class MediaS3Storage(S3Storage):
    _public = threading.local()

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
