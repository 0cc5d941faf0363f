import { mkdirSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { ReasonforgeError } from '../errors.js';
import { tempPathFor } from './atomic-write.js';
import { describeFsFailure, unwritable, writingTo } from './fs-failure.js';
import { removeOnInterrupt } from './interrupt.js';
import { checkOutputFolder, type OutputCheck } from './paths.js';

export interface FolderFile {
  /** Relative to the folder, with `/` between parts. */
  readonly path: string;
  readonly content: string;
}

/**
 * Writes a whole folder so that it holds exactly `files`: they are written
 * into a temporary folder beside it, which then takes the folder's place. An
 * existing folder (allowed with `force`) is moved aside first and removed
 * after, so nothing of an earlier run survives to be loaded by mistake, and
 * an interrupted or failed write leaves the old folder as it was (a failed
 * one also removes the parent folders it made). A failed system call is one
 * line naming the folder, or the file in it, that could not be written:
 * never the temporary path, which the user never sees.
 */
export function writeFolderAtomic(dir: string, files: readonly FolderFile[], options: OutputCheck = {}): void {
  checkOutputFolder(dir, options);
  const root = resolve(dir);
  const firstMade = writingTo(dir, () => mkdirSync(dirname(root), { recursive: true }));
  const temp = tempPathFor(root);
  const releaseTemp = removeOnInterrupt(temp);
  try {
    writingTo(dir, () => mkdirSync(temp));
    for (const file of files) {
      const target = resolve(temp, file.path);
      if (!target.startsWith(temp + sep)) throw new ReasonforgeError('output-path', `a file path escapes the folder: ${file.path}`, { file: dir });
      // The temporary folder is removed below.
      writingTo(join(dir, file.path), () => {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, file.content);
      });
    }
    // Not registered with removeOnInterrupt: an interrupt must never remove the old folder. None is handled while it is
    // aside, as this function is synchronous, and in the CLI the temporary folder's registration keeps a signal from
    // killing the process meanwhile.
    const old = tempPathFor(root, 'old');
    let movedAside = false;
    try {
      try {
        renameSync(root, old);
        movedAside = true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw unwritable(dir, error);
      }
      try {
        renameSync(temp, root);
      } catch (error) {
        if (!movedAside) throw unwritable(dir, error);
        // Cleared first: the old folder is removed below only once the new one is in its place, and if it cannot go back it is all the user has.
        movedAside = false;
        try {
          renameSync(old, root);
        } catch {
          throw new ReasonforgeError('file-unwritable', `cannot be written: ${describeFsFailure(error)}; what it held is now in ${old}`, { file: dir });
        }
        throw unwritable(dir, error);
      }
    } finally {
      if (movedAside) removeOldFolder(dir, old);
    }
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (firstMade !== undefined) removeEmptyFolders(dirname(root), firstMade);
    throw error;
  } finally {
    releaseTemp();
  }
}

/**
 * Removes the earlier contents, moved aside, once the new folder is in place.
 * If that fails the write itself has succeeded, so the error says so and
 * where the leftover is, rather than surfacing as a crash.
 */
function removeOldFolder(dir: string, old: string): void {
  try {
    rmSync(old, { recursive: true, force: true });
  } catch (error) {
    throw new ReasonforgeError('file-unwritable', `written, but what it held before could not be removed from ${old}: ${describeFsFailure(error)}`, {
      file: dir,
    });
  }
}

/** Removes the folders this write made for its parent, `from` up to `upTo`, as long as they are empty: a failed write leaves no trace. */
function removeEmptyFolders(from: string, upTo: string): void {
  for (let folder = from; ; folder = dirname(folder)) {
    try {
      rmdirSync(folder);
    } catch {
      return;
    }
    if (folder === upTo) return;
  }
}
