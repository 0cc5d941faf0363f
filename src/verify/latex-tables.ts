/**
 * What latexToPlain knows about LaTeX: which commands it rewrites and into
 * what. Data, kept apart from the pass that uses it.
 */
export const FRACTIONS = new Set(['frac', 'dfrac', 'tfrac', 'cfrac']);
export const TEXT_WRAPPERS = new Set([
  'text', 'textrm', 'textbf', 'textit', 'textnormal', 'textsf', 'texttt', 'mathrm', 'mathbf', 'mathit', 'mathsf',
  'mathtt', 'mathbb', 'mathcal', 'mbox', 'hbox', 'operatorname', 'boldsymbol', 'bm', 'boxed', 'fbox', 'framebox',
  'emph', 'underline', 'overline', 'color', 'textcolor',
]);
export const DROPPED = new Set([
  'left', 'right', 'big', 'Big', 'bigg', 'Bigg', 'bigl', 'bigr', 'Bigl', 'Bigr', 'biggl', 'biggr', 'middle',
  'displaystyle', 'textstyle', 'limits', 'nolimits', 'mathord', 'mathop', 'hfill', 'noindent',
]);
export const SPACES = new Set(['quad', 'qquad', 'enspace', 'thinspace', 'medspace', 'thickspace', 'space', 'newline']);
export const FUNCTIONS = new Set(['sin', 'cos', 'tan', 'cot', 'sec', 'csc', 'arcsin', 'arccos', 'arctan', 'log', 'ln', 'exp', 'sinh', 'cosh', 'tanh']);
export const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['cdot', '*'], ['times', '*'], ['ast', '*'], ['div', '/'], ['pm', '±'], ['mp', '∓'],
  ['pi', ' pi '], ['infty', ' inf '], ['infin', ' inf '], ['circ', '°'], ['degree', '°'],
  ['approx', '≈'], ['simeq', '≈'], ['sim', '≈'], ['ne', '≠'], ['neq', '≠'], ['le', '≤'], ['leq', '≤'], ['ge', '≥'], ['geq', '≥'],
  ['lt', '<'], ['gt', '>'], ['ldots', '...'], ['cdots', '...'], ['dots', '...'], ['dotsc', '...'], ['lbrace', '{'], ['rbrace', '}'],
  ['lvert', '|'], ['rvert', '|'], ['vert', '|'], ['mid', '|'], ['cup', '∪'], ['cap', '∩'], ['to', '→'],
  ['rightarrow', '→'], ['implies', '⇒'], ['Rightarrow', '⇒'], ['therefore', '∴'], ['percent', '%'],
  ['leqslant', '≤'], ['geqslant', '≥'], ['leqq', '≤'], ['geqq', '≥'], ['in', '∈'], ['notin', '∉'], ['setminus', '∖'],
  ['emptyset', ' ∅ '], ['varnothing', ' ∅ '], ['langle', '('], ['rangle', ')'], ['lbrack', '['], ['rbrack', ']'],
  ['angle', ' '], ['measuredangle', ' '], ['land', ' and '], ['wedge', ' and '], ['lor', ' or '], ['vee', ' or '],
  ['cdotp', '*'], ['colon', ':'],
]);

/** Greek letters, written as their names: variables to the expression parser (`\theta` → `theta`). */
export const GREEK: ReadonlySet<string> = new Set([
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'varepsilon', 'zeta', 'eta', 'theta', 'vartheta', 'iota', 'kappa',
  'lambda', 'mu', 'nu', 'xi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'varphi', 'chi', 'psi', 'omega',
  'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi', 'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega',
]);

/** Environments written as a grid of cells: `\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}`. */
export const MATRIX_ENVIRONMENTS: ReadonlySet<string> = new Set([
  'matrix', 'pmatrix', 'bmatrix', 'Bmatrix', 'vmatrix', 'Vmatrix', 'smallmatrix', 'array',
]);

/** Characters rewritten wherever they appear, LaTeX or not. */
export const UNICODE: ReadonlyMap<string, string> = new Map([
  ['\u2212', '-'], ['\u2012', '-'], ['\u2013', '-'], ['\ufe63', '-'], ['\uff0d', '-'],
  ['\u00d7', '*'], ['\u22c5', '*'], ['\u00b7', '*'], ['\u2217', '*'], ['\u00f7', '/'], ['\u2215', '/'],
  ['\u00a0', ' '], ['\u2007', ' '], ['\u2009', ' '], ['\u200a', ' '], ['\u202f', ' '], ['\u2002', ' '], ['\u2003', ' '],
  ['\u221a', ' sqrt '], ['\u03c0', ' pi '], ['\u221e', ' inf '], ['\uff05', '%'], ['\u2019', "'"],
]);

