#!/bin/sh
# Creates the media bucket and the CORS rules the browser needs for presigned uploads.
#
# Runs in two places (docker-compose.yml):
#   * as LocalStack's ready hook (/etc/localstack/init/ready.d), where `awslocal` exists;
#   * as the moto profile's one-shot `s3-init` container (AWS CLI image), where
#     AWS_ENDPOINT_URL points the plain `aws` CLI at the emulator.
# Safe to run again: an existing bucket is kept and its CORS rules are replaced.
set -eu

bucket="${AWS_STORAGE_BUCKET_NAME:?AWS_STORAGE_BUCKET_NAME is not set (docker-compose.yml passes it)}"
region="${AWS_DEFAULT_REGION:-us-east-1}"
# Comma list of browser origins allowed to upload and download (the nginx origin).
origins="${S3_CORS_ALLOWED_ORIGINS:-http://localhost}"

if command -v awslocal >/dev/null 2>&1; then
    s3api() { awslocal s3api "$@"; }
else
    s3api() { aws s3api "$@"; }
fi

if s3api head-bucket --bucket "$bucket" >/dev/null 2>&1; then
    echo "s3-init: bucket $bucket exists"
elif [ "$region" = "us-east-1" ]; then
    # us-east-1 rejects an explicit LocationConstraint.
    s3api create-bucket --bucket "$bucket" >/dev/null
    echo "s3-init: created bucket $bucket"
else
    s3api create-bucket --bucket "$bucket" \
        --create-bucket-configuration "LocationConstraint=$region" >/dev/null
    echo "s3-init: created bucket $bucket in $region"
fi

# ["http://a","http://b"] from "http://a,http://b"
origins_json="[\"$(printf '%s' "$origins" | sed 's/ *, */","/g')\"]"

# POST carries presigned uploads; GET/HEAD serve presigned downloads; ETag lets clients
# confirm what they uploaded.
s3api put-bucket-cors --bucket "$bucket" --cors-configuration "{
  \"CORSRules\": [{
    \"AllowedOrigins\": $origins_json,
    \"AllowedMethods\": [\"GET\", \"HEAD\", \"POST\"],
    \"AllowedHeaders\": [\"*\"],
    \"ExposeHeaders\": [\"ETag\"],
    \"MaxAgeSeconds\": 3000
  }]
}"
echo "s3-init: CORS on $bucket allows $origins_json"
