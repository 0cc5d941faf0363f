/**
 * The two mathjs exports reasonforge uses, and nothing else. Importing
 * `mathjs/number` loads over a thousand modules and builds every function,
 * which was most of a second of every command's start-up; the build
 * (scripts/bundle-mathjs.ts) replaces this module's output in dist/ with one
 * tree-shaken file holding only what these two need. From src/ (tests) the
 * re-export below is used as it is.
 */
export { create, parseDependencies } from 'mathjs/number';
