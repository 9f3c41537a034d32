"""Static files (WhiteNoise) and media: the local disk by default, S3 when a bucket is named."""

from config.settings.environment import BASE_DIR, IS_PRODUCTION, env

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=BASE_DIR / "media")
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
USE_S3 = bool(AWS_STORAGE_BUCKET_NAME)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if IS_PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# https://django-storages.readthedocs.io/en/latest/backends/amazon-S3.html
AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="us-east-1")
AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None
AWS_S3_PUBLIC_ENDPOINT_URL = env.str("AWS_S3_PUBLIC_ENDPOINT_URL", default="") or AWS_S3_ENDPOINT_URL
AWS_ACCESS_KEY_ID = env.str("AWS_ACCESS_KEY_ID", default="") or None
AWS_SECRET_ACCESS_KEY = env.str("AWS_SECRET_ACCESS_KEY", default="") or None
AWS_S3_SIGNATURE_VERSION = "s3v4"
AWS_S3_ADDRESSING_STYLE = env.str("AWS_S3_ADDRESSING_STYLE", default="path" if AWS_S3_ENDPOINT_URL else "auto")
# Objects are private; clients only ever get presigned URLs with a bounded lifetime.
AWS_DEFAULT_ACL = None
AWS_QUERYSTRING_AUTH = True
AWS_QUERYSTRING_EXPIRE = env.int("AWS_QUERYSTRING_EXPIRE", default=60 * 60)
AWS_S3_FILE_OVERWRITE = False
if USE_S3:
    # django-storages' S3Storage, plus URLs signed for AWS_S3_PUBLIC_ENDPOINT_URL and presigned POSTs.
    STORAGES["default"] = {"BACKEND": "apps.uploads.storage.MediaS3Storage"}

DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
# Uploaded images (avatars, article covers): docs/media.md.
UPLOADS_MAX_BYTES = 5 * 1024 * 1024
# Checked from the header before decoding: a small file can declare a huge bitmap (decompression bomb).
UPLOADS_MAX_PIXELS = 25_000_000
UPLOADS_EXPIRE_SECONDS = 60 * 60
UPLOADS_THUMBNAIL_SIZE = (256, 256)
