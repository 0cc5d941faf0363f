import { findAnnotations, type AnnotationSpan } from './annotations.js';
import { latexToPlain, needsLatexRewrite } from './latex.js';
import { OffsetMap } from './offsets.js';

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
  let strippedMap: OffsetMap | null = null;
  if (annotations.length > 0) {
    // Each annotation becomes one space, so the numbers on either side never run together.
    const pieces: string[] = [];
    const map = new OffsetMap();
    let length = 0;
    let from = 0;
    for (const span of annotations) {
      map.add(length, span.start - from, from, true);
      pieces.push(source.slice(from, span.start), ' ');
      length += span.start - from;
      map.add(length, 1, span.start, false);
      length += 1;
      from = span.end;
    }
    map.add(length, source.length - from, from, true);
    pieces.push(source.slice(from));
    length += source.length - from;
    map.close(length, source.length);
    stripped = pieces.join('');
    strippedMap = map;
  }
  let text = stripped;
  let latexMap: OffsetMap | null = null;
  if (needsLatexRewrite(stripped)) {
    const plain = latexToPlain(stripped, { offsets: true });
    text = plain.text;
    latexMap = plain.offsets;
  }
  return new View(text, annotations, latexMap, strippedMap);
}

class View implements MathView {
  constructor(
    readonly text: string,
    readonly annotations: readonly AnnotationSpan[],
    private readonly latexMap: OffsetMap | null,
    private readonly strippedMap: OffsetMap | null,
  ) {}

  toSource(i: number): number {
    const inStripped = this.latexMap === null ? i : this.latexMap.map(i);
    return this.strippedMap === null ? inStripped : this.strippedMap.map(inStripped);
  }
}
