import type { TopLevelSpec } from 'vega-lite';

/**
 * Draws a Vega-Lite spec as SVG text, with no browser or canvas (Vega's headless view). Vega is
 * an ES module with a top-level await, so it is imported, not required, and only when drawn
 * (`.swcrc` keeps the `import()`).
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
