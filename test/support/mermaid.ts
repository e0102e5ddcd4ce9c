import { JSDOM } from "jsdom";
import type { Mermaid } from "mermaid";

// Cache: Mermaid and its DOM are set up once per test worker; parsing is then a few ms.
let mermaidCache: Promise<Mermaid> | undefined;

/** Mermaid's parser needs `window`/`document` (DOMPurify); jsdom provides them in Node. */
function loadMermaid(): Promise<Mermaid> {
  mermaidCache ??= (async () => {
    const { window } = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
    const globals = globalThis as Record<string, unknown>;
    globals.window ??= window;
    globals.document ??= window.document;
    globals.DOMParser ??= window.DOMParser;
    globals.Element ??= window.Element;
    globals.HTMLElement ??= window.HTMLElement;
    const { default: mermaid } = await import("mermaid");
    // "strict" is what GitHub uses; it also makes Mermaid refuse unsafe labels rather than render them.
    mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
    return mermaid;
  })();
  return mermaidCache;
}

/**
 * Runs Mermaid's own parser on `source` and fails with Mermaid's message (and the source,
 * numbered) if it does not parse. Proves a generated diagram will render on GitHub.
 */
export async function assertMermaidParses(source: string): Promise<void> {
  const mermaid = await loadMermaid();
  try {
    await mermaid.parse(source);
  } catch (error) {
    const numbered = source
      .split("\n")
      .map((line, i) => `${String(i + 1).padStart(3)} | ${line}`)
      .join("\n");
    throw new Error(`Mermaid could not parse the diagram: ${error instanceof Error ? error.message : String(error)}\n${numbered}`, { cause: error });
  }
}
