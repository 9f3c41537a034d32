import { getNonce } from "get-nonce";

import { adoptPageNonce } from "@/lib/style-nonce";

test("the scroll lock of Radix dialogs takes the nonce of the page's scripts", () => {
  const script = document.createElement("script");
  // Browsers hide the attribute's value once the page has loaded; the property keeps it.
  script.setAttribute("nonce", "");
  Object.defineProperty(script, "nonce", { value: "page-nonce" });
  document.head.append(script);

  adoptPageNonce();

  expect(getNonce()).toBe("page-nonce");
  script.remove();
});
