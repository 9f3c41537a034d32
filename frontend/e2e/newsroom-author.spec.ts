import { expect, test } from "@playwright/test";

import { djangoShell } from "./backend-shell";
import { authorWritesAndSubmits, PASTED_IMAGE_ALT } from "./newsroom/author";

const STAMP = Date.now();
const SLUG = `pasted-picture-${STAMP}`;

/**
 * The author's step of the newsroom journey on its own: an article written in the admin with a
 * pasted image is submitted for review, the image is in the S3 bucket (moto) and in the saved
 * body with its alt text, and readers' browsers reach it through its stable address.
 */
test("an author pastes an image into an article and submits it for review", async ({ page }) => {
  await authorWritesAndSubmits(page, { title: `A picture worth a review ${STAMP}`, slug: SLUG });

  const saved = JSON.parse(
    djangoShell(`
import json, os, re
import boto3
from django.core.files.storage import storages
from apps.content.models import Article
from apps.uploads.models import ArticleImage
article = Article.objects.get(slug="${SLUG}")
ids = re.findall(r"/api/v1/images/([0-9a-f-]{36})/", article.body)
images = list(ArticleImage.objects.filter(pk__in=ids))
# Straight from the bucket, not through the backend's storage class.
s3 = boto3.client("s3", endpoint_url=os.environ["AWS_S3_ENDPOINT_URL"], region_name="us-east-1")
bucket = os.environ["AWS_STORAGE_BUCKET_NAME"]
print(json.dumps({
    "status": article.status,
    "body": article.body,
    "bodyHtml": article.body_html,
    "storage": type(storages["default"]).__name__,
    "images": [
        {"id": str(image.pk), "alt": image.alt_text, "stored": s3.head_object(Bucket=bucket, Key=image.file.name)["ContentType"]}
        for image in images
    ],
}))
`),
  ) as {
    status: string;
    body: string;
    bodyHtml: string;
    storage: string;
    images: { id: string; alt: string; stored: string }[];
  };

  expect(saved.status).toBe("in_review");
  expect(saved.storage).toBe("MediaS3Storage");
  expect(saved.images).toHaveLength(1);
  const [image] = saved.images;
  expect(image).toMatchObject({ alt: PASTED_IMAGE_ALT, stored: "image/webp" });
  expect(saved.body).toContain(`![${PASTED_IMAGE_ALT}](/api/v1/images/${image!.id}/)`);
  expect(saved.bodyHtml).toContain(
    `<img alt="${PASTED_IMAGE_ALT}" src="/api/v1/images/${image!.id}/">`,
  );

  // Through the site's origin, as the article page's <img> asks: a redirect to the bucket.
  const fetched = await page.request.get(`/api/v1/images/${image!.id}/`);
  expect(fetched.status()).toBe(200);
  expect(fetched.headers()["content-type"]).toBe("image/webp");
  expect(fetched.url()).toContain("/e2e-media/article-images/");
});
