/**
 * The HTML report, as its own entry point (`reasonforge/report`): it loads
 * vega and vega-lite, which the rest of the library has no need for.
 */
export { renderHtml } from './html.js';
export { charts, type Chart } from './charts.js';
export { renderChart, renderSvg, type RenderedChart } from './svg.js';
export { renderMarkdown } from './markdown.js';
export { loadMetrics, checkMetrics } from './load-metrics.js';
export { dropSentence, headlines } from './headlines.js';
export { renderComparisonHtml } from '../compare/html.js';
