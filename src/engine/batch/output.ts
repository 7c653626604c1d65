/**
 * @module
 * The output file, written through one reused buffer. Each write is awaited before the next
 * chunk is taken, which stops the writer loop while the disk is busy, which stops the reader (see
 * ordered.ts). The buffer is reused rather than letting a stream encode every line into a fresh
 * Buffer: those live outside the JS heap and V8 collects them late, so a JSON-lines output would
 * otherwise add some hundred megabytes of dead buffers to the process's memory.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { EmbargoError, ERROR_CODES } from '../../core/index.ts';

/** Size of the write buffer. */
const BUFFER_BYTES = 1024 * 1024;
/** Most UTF-8 bytes one UTF-16 code unit can take. */
const MAX_BYTES_PER_UNIT = 3;

/** An output file open for writing. */
export class OutputFile {
  readonly path: string;
  private readonly file: FileHandle;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;

  private constructor(path: string, file: FileHandle) {
    this.path = path;
    this.file = file;
  }

  /** Opens (creates or truncates) `path`, failing now rather than at the first write. */
  static async open(path: string): Promise<OutputFile> {
    try {
      return new OutputFile(path, await open(path, 'w'));
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

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.file.close();
    }
  }

  /** Closes the file without flushing (after a failure). */
  async discard(): Promise<void> {
    await this.file.close().catch(() => {});
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
