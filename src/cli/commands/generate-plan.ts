/**
 * The first half of `reasonforge generate`: from the parsed options to the
 * run's plan, made either from templates compiled in this thread or, for a
 * run big enough for worker threads, from the outlines of the templates the
 * workers compiled (then this thread compiles none).
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TemplateSource } from '../../dataset/generate-protocol.js';
import { minWorkPerJob, outlinesFrom, startWorkers, type GenerateWorkers } from '../../dataset/parallel-generate.js';
import { GenerationPlan, type GenerateConfig, type Shard, type TemplateOutline } from '../../engine/generate.js';
import { selectTemplates, selectTopics } from '../../engine/select.js';
import { ReasonforgeError } from '../../errors.js';
import type { CompiledTemplate } from '../../template/compiled.js';
import { DEFAULT_GENERATORS_DIR, type TemplateLibrary } from '../../template/load.js';
import type { CommandIO } from '../command.js';
import { checkGeneratorsFolder, libraryFor } from '../shared.js';

/** What `generate` was asked for, options parsed. */
export interface GenerateRequest {
  readonly config: Omit<GenerateConfig, 'templates'>;
  /** Whether --variants was given: then variants some templates cannot make are noted. */
  readonly variantsNamed: boolean;
  readonly templates: string | undefined;
  readonly topics: string | undefined;
  /** --generators as given (relative or not). */
  readonly generators: string | undefined;
  /** --from-gsm-symbolic as given. */
  readonly fromGsmSymbolic: string | undefined;
  /** Threads asked for, or the default for the output. */
  readonly jobs: number;
}

/** A run ready to make: its plan, and where its records will come from. */
export interface PlannedRun {
  readonly plan: GenerationPlan<CompiledTemplate | TemplateOutline>;
  /** Where worker threads load the templates from. */
  readonly source: TemplateSource;
  /** The plan's templates, compiled in this thread; undefined when planned from the workers' outlines. */
  readonly compiled?: readonly CompiledTemplate[];
  /** Workers started already (each compiled a share of the templates), and which compiled which template. */
  readonly workers?: { readonly pool: GenerateWorkers; readonly compiledBy: ReadonlyMap<string, number> };
}

/**
 * Whether a run could give two workers work enough (see jobsFor), judged
 * before any template is loaded: at most every template file of the folder
 * makes every variant asked for, each piece being its records and a search.
 */
function couldUseWorkers(generators: string, variants: number, sets: number, shard: Shard | undefined): boolean {
  const files = readdirSync(generators).filter((name) => name.endsWith('.json')).length;
  return (files * (variants + 1) * sets) / (shard?.count ?? 1) >= 2 * minWorkPerJob(variants);
}

/** GSM-Symbolic's templates that translate and sample, with what was left out said on stderr. */
async function importedTemplates(request: GenerateRequest, dir: string, library: TemplateLibrary, io: CommandIO): Promise<readonly CompiledTemplate[]> {
  // The translator is two dozen modules that a run from our own templates never needs: loaded only here.
  const [{ importForCommand }, { preflight }] = await Promise.all([import('../gsm-symbolic.js'), import('../../gsm-symbolic/preflight.js')]);
  const imported = importForCommand('generate', dir, library, io.stderr);
  const selected = selectTopics(
    selectTemplates(
      imported.templates.map((t) => t.template),
      request.templates,
    ),
    request.topics,
  );
  const checked = preflight(selected, request.config);
  for (const failure of checked.failures)
    io.stderr.write(`reasonforge generate: ${failure.template.file}: ${failure.template.id} left out: ${failure.message}\n`);
  // Out of what was asked for: the whole release, or the templates --templates/--topics picked among those that translate.
  const pickedSome = request.templates !== undefined || request.topics !== undefined;
  const outOf = pickedSome ? `the ${selected.length} selected` : String(imported.templates.length + imported.failures.length);
  io.stderr.write(`reasonforge generate: ${checked.ok.length} of ${outOf} GSM-Symbolic templates generate\n`);
  if (checked.ok.length === 0) throw new ReasonforgeError('template-invalid', 'no GSM-Symbolic template could be translated and sampled', { file: dir });
  return checked.ok;
}

/** The plan, refused if it makes nothing; variants asked for by name that some templates cannot make are noted. */
function planOf<T extends CompiledTemplate | TemplateOutline>(request: GenerateRequest, templates: readonly T[], io: CommandIO): GenerationPlan<T> {
  const plan = new GenerationPlan({ ...request.config, templates });
  if (plan.total === 0) {
    // Nothing to write is a mistake in the request (say --variants noop with templates that have no distractors), not a success.
    const kinds =
      request.fromGsmSymbolic === undefined ? 'the selected templates' : "GSM-Symbolic's templates (imported templates make base, names and numbers)";
    throw new ReasonforgeError(
      'nothing-to-generate',
      `none of ${kinds} can make the variants asked for (${plan.config.variants.join(', ')}); nothing was written`,
    );
  }
  // Asked for by name, a variant some templates cannot make deserves a word; the default set is simply what each can make.
  if (request.variantsNamed) {
    const byVariant = new Map<string, string[]>();
    for (const [template, skipped] of Object.entries(plan.skipped())) for (const v of skipped) byVariant.set(v, [...(byVariant.get(v) ?? []), template]);
    for (const [variant, names] of byVariant) {
      io.stderr.write(`reasonforge generate: note: ${names.length} template(s) cannot make ${variant}, skipped: ${names.join(', ')}\n`);
    }
  }
  return plan;
}

/**
 * Plans the run. A run big enough for threads is planned from the outlines
 * of the templates the workers compile: this thread compiles none, which
 * saves a third copy of the library and its time before the workers start.
 * Workers it started are the caller's to close, or closed here if planning
 * fails.
 */
export async function planRun(request: GenerateRequest, io: CommandIO): Promise<PlannedRun> {
  const { config } = request;
  const source: TemplateSource = {
    generators: request.generators === undefined ? null : resolve(request.generators),
    gsmSymbolic: request.fromGsmSymbolic === undefined ? null : resolve(request.fromGsmSymbolic),
  };
  let pool: GenerateWorkers | undefined;
  if (request.fromGsmSymbolic === undefined && request.jobs > 1) {
    if (request.generators !== undefined) checkGeneratorsFolder(request.generators);
    if (couldUseWorkers(request.generators ?? DEFAULT_GENERATORS_DIR, config.variants.length, config.sets, config.shard))
      pool = startWorkers(source, request.jobs, { shared: true });
  }
  if (pool !== undefined) {
    try {
      const outlines = await outlinesFrom(pool);
      const templates = selectTopics(selectTemplates(outlines.templates, request.templates), request.topics);
      return { plan: planOf(request, templates, io), source, workers: { pool, compiledBy: outlines.compiledBy } };
    } catch (error) {
      await pool.close();
      throw error;
    }
  }
  const library = libraryFor(request.generators);
  // For an import, --templates and --topics pick among the imported templates (ids like gsm-symbolic/p1/0013), not ours.
  const compiled =
    request.fromGsmSymbolic === undefined
      ? selectTopics(selectTemplates(library.templates, request.templates), request.topics)
      : await importedTemplates(request, request.fromGsmSymbolic, library, io);
  return { plan: planOf(request, compiled, io), source, compiled };
}
