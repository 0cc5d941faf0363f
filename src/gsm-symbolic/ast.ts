/** The syntax tree of a Python-like GSM-Symbolic expression. Parsed, never executed. */
export type PyNode =
  | { readonly kind: 'num'; readonly text: string }
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'unary'; readonly op: '-' | '+' | 'not'; readonly operand: PyNode }
  | { readonly kind: 'binary'; readonly op: '+' | '-' | '*' | '/' | '//' | '%' | '**'; readonly left: PyNode; readonly right: PyNode }
  | { readonly kind: 'logic'; readonly op: 'and' | 'or'; readonly left: PyNode; readonly right: PyNode }
  | { readonly kind: 'compare'; readonly ops: readonly string[]; readonly operands: readonly PyNode[] }
  | { readonly kind: 'call'; readonly callee: PyNode; readonly args: readonly PyNode[] }
  | { readonly kind: 'attr'; readonly object: PyNode; readonly name: string }
  | { readonly kind: 'index'; readonly object: PyNode; readonly index: PyNode }
  /** `xs[a:b]`, either bound optional. */
  | { readonly kind: 'slice'; readonly object: PyNode; readonly start: PyNode | null; readonly stop: PyNode | null }
  | { readonly kind: 'list'; readonly items: readonly PyNode[] }
  | { readonly kind: 'tuple'; readonly items: readonly PyNode[] }
  | { readonly kind: 'ifexp'; readonly test: PyNode; readonly body: PyNode; readonly orelse: PyNode };

/** The dotted name of a callee (`round`, `math.floor`), or null for anything else. */
export function calleeName(node: PyNode): string | null {
  if (node.kind === 'name') return node.name;
  if (node.kind === 'attr') {
    const inner = calleeName(node.object);
    return inner === null ? null : `${inner}.${node.name}`;
  }
  return null;
}

/** Every name read in a tree (callee names excluded). */
export function namesIn(node: PyNode, into = new Set<string>()): Set<string> {
  switch (node.kind) {
    case 'name':
      into.add(node.name);
      break;
    case 'unary':
      namesIn(node.operand, into);
      break;
    case 'binary':
    case 'logic':
      namesIn(node.left, into);
      namesIn(node.right, into);
      break;
    case 'compare':
      node.operands.forEach((o) => namesIn(o, into));
      break;
    case 'call':
      if (node.callee.kind !== 'name' && node.callee.kind !== 'attr') namesIn(node.callee, into);
      node.args.forEach((a) => namesIn(a, into));
      break;
    case 'attr':
      namesIn(node.object, into);
      break;
    case 'index':
      namesIn(node.object, into);
      namesIn(node.index, into);
      break;
    case 'slice':
      namesIn(node.object, into);
      if (node.start !== null) namesIn(node.start, into);
      if (node.stop !== null) namesIn(node.stop, into);
      break;
    case 'list':
    case 'tuple':
      node.items.forEach((i) => namesIn(i, into));
      break;
    case 'ifexp':
      namesIn(node.test, into);
      namesIn(node.body, into);
      namesIn(node.orelse, into);
      break;
    default:
      break;
  }
  return into;
}
