/**
 * @module
 * The output file, written through one reused buffer. Each write is awaited before the next
 * chunk is taken, which stops the writer loop while the disk is busy, which stops the reader (see
 * ordered.ts). The buffer is reused rather than letting a stream encode every line into a fresh
 * Buffer: those live outside the JS heap and V8 collects them late, so a JSON-lines output would
 * otherwise add some hundred megabytes of dead buffers to the process's memory.
 */
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { EmbargoError, ERROR_CODES } from '../../core/index.ts';
import { temporaryBeside } from '../outputPath.ts';

/** Size of the write buffer. */
const BUFFER_BYTES = 1024 * 1024;
/** Most UTF-8 bytes one UTF-16 code unit can take. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * An output file open for writing. The bytes go to a temporary file beside it, renamed over
 * `path` when the file is closed: a run that fails leaves no half-written output, and an existing
 * file is replaced only by a complete one.
 */
export class OutputFile {
  readonly path: string;
  private readonly temporary: string;
  private readonly file: FileHandle;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;

  private constructor(path: string, temporary: string, file: FileHandle) {
    this.path = path;
    this.temporary = temporary;
    this.file = file;
  }

  /** Opens a temporary file for `path`, failing now rather than at the first write. */
  static async open(path: string): Promise<OutputFile> {
    const temporary = temporaryBeside(path);
    try {
      return new OutputFile(path, temporary, await open(temporary, 'wx'));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new EmbargoError(
        code === 'ENOENT' ? ERROR_CODES.NOT_FOUND : ERROR_CODES.INPUT_REFUSED,
        `${path}: cannot write the output (${(err as Error).message})`,
        { file: path },
        err,
      );
    }
  }

  /**
   * Appends texts or bytes, writing to the file whenever the buffer fills. Bytes too big for the
   * buffer go to the file as they are, after what is buffered.
   */
  async write(...parts: (string | Uint8Array)[]): Promise<void> {
    for (const part of parts) {
      const most = typeof part === 'string' ? part.length * MAX_BYTES_PER_UNIT : part.length;
      if (this.used + most > BUFFER_BYTES) await this.flush();
      if (most > BUFFER_BYTES)
        await this.writeBytes(typeof part === 'string' ? Buffer.from(part, 'utf8') : part);
      else if (typeof part === 'string') this.used += this.buffer.write(part, this.used, 'utf8');
      else
        this.used += Buffer.from(part.buffer, part.byteOffset, part.length).copy(
          this.buffer,
          this.used,
        );
    }
  }

  /** Writes out what is buffered. */
  async flush(): Promise<void> {
    const used = this.used;
    this.used = 0;
    if (used) await this.writeBytes(this.buffer.subarray(0, used));
  }

  /** Flushes and closes the file, and renames it into place. */
  async close(): Promise<void> {
    try {
      await this.flush();
      await this.file.close();
    } catch (err) {
      await this.discard();
      throw err;
    }
    try {
      await rename(this.temporary, this.path);
    } catch (err) {
      await unlink(this.temporary).catch(() => {});
      throw new EmbargoError(
        ERROR_CODES.INPUT_REFUSED,
        `${this.path}: cannot write the output (${(err as Error).message})`,
        { file: this.path },
        err,
      );
    }
  }

  /** Closes the file without flushing and removes it (after a failure): no half output. */
  async discard(): Promise<void> {
    await this.file.close().catch(() => {});
    await unlink(this.temporary).catch(() => {});
  }

  private async writeBytes(bytes: Uint8Array): Promise<void> {
    try {
      for (let done = 0; done < bytes.length;) {
        const { bytesWritten } = await this.file.write(bytes, done, bytes.length - done);
        done += bytesWritten;
      }
    } catch (err) {
      throw new EmbargoError(
        ERROR_CODES.INTERNAL,
        `${this.path}: write failed: ${(err as Error).message}`,
        { file: this.path },
        err,
      );
    }
  }
}

/**
 * Writes what `items` gives to a new output file at `path`, each item through `write`, and closes
 * it into place. The file is opened once the first item has come, so a refusal that comes before
 * any item (no list loaded, a missing column) leaves no file; on any failure the source is stopped
 * and the half-written file removed.
 */
export async function writeOutput<T>(
  path: string,
  items: AsyncIterator<T>,
  write: (item: T, out: OutputFile) => Promise<void>,
): Promise<void> {
  let out: OutputFile | undefined;
  try {
    let next = await items.next();
    out = await OutputFile.open(path);
    for (; !next.done; next = await items.next()) await write(next.value, out);
    await out.close();
  } catch (err) {
    await items.return?.(undefined);
    await out?.discard();
    throw err;
  }
}
