/**
 * Why a GSM-Symbolic template cannot be translated: the construct that
 * stopped the translator (`sample_sequential(...)`, `a range that depends on
 * another variable`, `// in an annotation`) and where it stands in the
 * source, so a reader can find it in the release file.
 */
export class Untranslatable extends Error {
  readonly construct: string;
  readonly where: string;

  constructor(construct: string, where: string, message?: string) {
    super(`${where}: ${message ?? `cannot translate ${construct}`}`);
    this.name = 'Untranslatable';
    this.construct = construct;
    this.where = where;
  }
}
