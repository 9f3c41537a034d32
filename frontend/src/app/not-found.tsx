"use client";

import NextError from "next/error";

// Requests the locale proxy did not match (e.g. /foo.txt) have no locale layout around them.
export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body>
        <NextError statusCode={404} />
      </body>
    </html>
  );
}
