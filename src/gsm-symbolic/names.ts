/** Words mathjs reads as operators or constants, which cannot name a variable in our expressions. */
const RESERVED = new Set(['and', 'or', 'not', 'xor', 'mod', 'to', 'in', 'end', 'true', 'false', 'null', 'undefined']);

/**
 * Maps the source's variable names to names our templates accept
 * (`[a-z][a-z0-9_]*`, not an operator word). Names that already fit are kept,
 * so bindings carry the release's own names; the rest are renamed, and the
 * renaming is reported.
 */
export class NameMap {
  private readonly ours = new Map<string, string>();
  private readonly taken = new Set<string>();
  readonly renamed: string[] = [];

  add(source: string): string {
    const existing = this.ours.get(source);
    if (existing !== undefined) return existing;
    let name = source;
    if (!/^[a-z][a-z0-9_]*$/.test(name) || RESERVED.has(name) || this.taken.has(name)) {
      let base = source.toLowerCase().replace(/[^a-z0-9_]/g, '_');
      if (!/^[a-z]/.test(base)) base = `v_${base.replace(/^_+/, '')}`;
      if (RESERVED.has(base)) base = `${base}_v`;
      name = base;
      for (let k = 2; this.taken.has(name); k++) name = `${base}_${k}`;
      this.renamed.push(`${source} -> ${name}`);
    }
    this.ours.set(source, name);
    this.taken.add(name);
    return name;
  }

  get(source: string): string | undefined {
    return this.ours.get(source);
  }

  /** A fresh name for a value the translator introduces (`rf_1`), never one the source uses. */
  fresh(prefix: string): string {
    for (let k = 1; ; k++) {
      const name = `${prefix}_${k}`;
      if (!this.taken.has(name)) {
        this.taken.add(name);
        return name;
      }
    }
  }

  reserve(sources: Iterable<string>): void {
    for (const s of sources) if (/^[a-z][a-z0-9_]*$/.test(s)) this.taken.add(s);
  }
}
