import { parse, View, Warn } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

type Logger = NonNullable<NonNullable<Parameters<typeof compile>[1]>['logger']>;

export interface RenderedChart {
  readonly svg: string;
  /** What vega-lite and vega warned about while compiling and drawing: tests require none. */
  readonly warnings: readonly string[];
}

/**
 * Compiles a vega-lite spec to vega and renders it to an SVG string in Node,
 * with no browser, canvas or network: the report embeds the result, so the
 * page draws without scripts. Text widths are estimated (there is no canvas
 * to measure with), which is why the specs leave generous label room.
 */
export async function renderChart(spec: TopLevelSpec): Promise<RenderedChart> {
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  const vega = compile(spec, { logger }).spec;
  // No loader can fetch anything: every chart's data is inline.
  const loader = { load: refuse, sanitize: refuse, http: refuse, file: refuse };
  const view = new View(parse(vega), { renderer: 'none', loader: loader as never, logger: logger as never, logLevel: Warn });
  try {
    return { svg: await view.toSVG(), warnings };
  } finally {
    view.finalize();
  }
}

export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  return (await renderChart(spec)).svg;
}

function refuse(): Promise<never> {
  return Promise.reject(new Error('report charts must not load external resources'));
}

/** A vega logger that keeps warnings and errors instead of printing them. */
function collectingLogger(into: string[]): Logger {
  let level = Warn;
  const keep = (...args: unknown[]) => {
    into.push(args.map(String).join(' '));
    return logger;
  };
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error: keep,
    warn: keep,
    info: () => logger,
    debug: () => logger,
  };
  return logger as unknown as Logger;
}
