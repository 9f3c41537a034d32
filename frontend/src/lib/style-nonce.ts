import { setNonce } from "get-nonce";

/**
 * Radix's modal dialogs lock page scrolling with a <style> element that react-remove-scroll
 * inserts when one opens. The CSP (src/lib/csp.ts) allows styles only with the page's nonce,
 * and without it the browser blocks the element and reports a violation. react-remove-scroll
 * takes its nonce from get-nonce; the page's is on the scripts Next.js rendered, where
 * `HTMLElement.nonce` still reads it after the browser has hidden the attribute's value.
 * Called before a dialog opens; every full page load has a new nonce.
 */
export function adoptPageNonce(): void {
  if (typeof document === "undefined") return;
  const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce;
  if (nonce) setNonce(nonce);
}
