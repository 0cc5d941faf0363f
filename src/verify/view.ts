import { findAnnotations, type AnnotationSpan } from './annotations.js';
import { latexToPlain, needsLatexRewrite } from './latex.js';

/**
 * The text the step checker scans: the model output with GSM8K annotations
 * taken out (they are checked on their own) and simple LaTeX turned into plain
 * arithmetic (`3 \times 4`, `\frac{12}{3}`, `$5`), with a map from every
 * position back to the output, so claims are reported where the user wrote them.
 */
export interface MathView {
  readonly text: string;
  readonly annotations: readonly AnnotationSpan[];
  /** The output offset of view offset `i` (0 ≤ i ≤ text.length). */
  toSource(i: number): number;
}

export function mathView(source: string): MathView {
  const annotations = source.includes('<<') ? findAnnotations(source) : [];
  let stripped = source;
  let strippedMap: Int32Array | null = null;
  if (annotations.length > 0) {
    // Each annotation becomes one space, so the numbers on either side never run together.
    const pieces: string[] = [];
    const map: number[] = [];
    let from = 0;
    for (const span of annotations) {
      pieces.push(source.slice(from, span.start), ' ');
      for (let i = from; i < span.start; i++) map.push(i);
      map.push(span.start);
      from = span.end;
    }
    pieces.push(source.slice(from));
    for (let i = from; i < source.length; i++) map.push(i);
    map.push(source.length);
    stripped = pieces.join('');
    strippedMap = Int32Array.from(map);
  }
  let text = stripped;
  let latexMap: Int32Array | null = null;
  if (needsLatexRewrite(stripped)) {
    const plain = latexToPlain(stripped, { offsets: true });
    text = plain.text;
    latexMap = plain.offsets;
  }
  const toSource = (i: number): number => {
    const inStripped = latexMap === null ? i : latexMap[Math.min(i, latexMap.length - 1)]!;
    return strippedMap === null ? inStripped : strippedMap[Math.min(inStripped, strippedMap.length - 1)]!;
  };
  return { text, annotations, toSource };
}
