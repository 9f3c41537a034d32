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
import json, re
from django.core.files.storage import default_storage
from apps.content.models import Article
from apps.uploads.models import ArticleImage
article = Article.objects.get(slug="${SLUG}")
ids = re.findall(r"/api/v1/images/([0-9a-f-]{36})/", article.body)
images = list(ArticleImage.objects.filter(pk__in=ids))
print(json.dumps({
    "status": article.status,
    "body": article.body,
    "bodyHtml": article.body_html,
    "storage": type(default_storage).__name__,
    "images": [
        {"id": str(image.pk), "alt": image.alt_text, "stored": default_storage.exists(image.file.name)}
        for image in images
    ],
}))
`),
  ) as {
    status: string;
    body: string;
    bodyHtml: string;
    storage: string;
    images: { id: string; alt: string; stored: boolean }[];
  };

  expect(saved.status).toBe("in_review");
  expect(saved.storage).toBe("MediaS3Storage");
  expect(saved.images).toHaveLength(1);
  const [image] = saved.images;
  expect(image).toMatchObject({ alt: PASTED_IMAGE_ALT, stored: true });
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
