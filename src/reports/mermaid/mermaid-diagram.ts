/**
 * A Mermaid diagram built by one of the app's builders, whose labels were sanitised when
 * it was built. Wrapping it marks it as trusted: the view-data sanitiser passes it through
 * untouched (neutralising `#123` would break `fill:#333`), and the `mermaid` helper puts it
 * in a fenced block verbatim. Plain strings given to that helper are treated as user text.
 */
export class MermaidDiagram {
  constructor(readonly source: string) {}
}
