import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Compiles a vega-lite spec to vega and renders it to an SVG string in Node,
 * with no browser, canvas or network: the report embeds the result, so the
 * page draws without scripts. Text widths are estimated (there is no canvas
 * to measure with), which is why the specs leave generous label room.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const vega = compile(spec).spec;
  // No loader can fetch anything: every chart's data is inline.
  const view = new View(parse(vega), { renderer: 'none', loader: { load: refuse, sanitize: refuse, http: refuse, file: refuse } as never });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function refuse(): Promise<never> {
  return Promise.reject(new Error('report charts must not load external resources'));
}
