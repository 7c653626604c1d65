/**
 * @module
 * Streaming XML reading on saxes, for list files that are one big XML document (UN consolidated
 * list, OFAC sdn.xml, EU FSF export). The file is decoded strictly through {@link decodeChunks} and
 * fed to saxes chunk by chunk; only the record elements a parser asks for are built into small
 * trees, so memory stays flat however large the file is.
 *
 * Structural faults refuse the file with INPUT_REFUSED naming the file and line: a file that is not
 * XML at all, malformed XML, a wrong encoding, an XML declaration naming another encoding, a file
 * that ends inside an element (truncated download), and, through `onRoot`, a root element that
 * belongs to another list. A file past the bounds of `_limits.ts` (nesting depth, length of a text
 * node or attribute, elements in one record) is refused while streaming, naming the line and the
 * record being read, before it can exhaust the stack or the memory.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { refused, type ParseWarning } from '../core/index.ts';
import { MAX_XML_DEPTH, MAX_XML_RECORD_ELEMENTS, MAX_XML_TEXT } from './_limits.ts';
import { decodeChunks, type TextEncoding } from './_text.ts';

/** One XML element as a plain tree. Namespace prefixes are kept as written (`xsi:type`). */
export interface XmlElement {
  /** Tag name as written, e.g. `INDIVIDUAL`. */
  name: string;
  /** Attributes by name as written. */
  attrs: Record<string, string>;
  /** Child elements in document order. */
  children: XmlElement[];
  /**
   * The element's own character data (text and CDATA directly inside it), untrimmed and with
   * entities resolved. For elements that hold children it is usually just indentation.
   */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

/** The document's root element, without its content. */
export interface XmlRoot {
  name: string;
  attrs: Record<string, string>;
  line: number;
}

/** Options for {@link readXmlElements}. */
export interface XmlReadOptions {
  /**
   * Names of the elements to yield (e.g. `INDIVIDUAL`, `ENTITY`). Each one is yielded once it is
   * complete. A wanted element nested inside another wanted one stays a child of the outer one.
   */
  elements: readonly string[];
  /** How the bytes are decoded; default UTF-8 (strict). */
  encoding?: TextEncoding;
  /**
   * Called when the root element opens, before any record is yielded. Throw (e.g. `refused`) to
   * reject a file of another kind; the error is rethrown to the caller as is.
   */
  onRoot?: (root: XmlRoot) => void;
}

/**
 * Streams the wanted elements of an XML file as plain trees.
 * @throws INPUT_REFUSED naming file and line when the file is not well-formed, complete XML in the
 * expected encoding.
 */
export async function* readXmlElements(
  path: string,
  options: XmlReadOptions,
): AsyncGenerator<XmlElement> {
  const scan = new XmlScan(path, options);
  for await (const chunk of decode(path, scan)) {
    scan.write(chunk);
    // Hand out finished records after each chunk; splice so that the queue never grows.
    if (scan.done.length) yield* scan.done.splice(0);
  }
  scan.end();
  if (scan.done.length) yield* scan.done.splice(0);
}

/**
 * Reads only as far as the root element and returns its name and attributes (e.g. the UN list's
 * `dateGenerated`), so a loader can tell which list a file holds without parsing it all.
 * @throws INPUT_REFUSED when the start of the file is not XML or the file has no root element.
 */
export async function readXmlRoot(
  path: string,
  encoding: TextEncoding = 'utf-8',
): Promise<XmlRoot> {
  const scan = new XmlScan(path, { elements: [], encoding }, true);
  for await (const chunk of decode(path, scan)) {
    scan.write(chunk);
    if (scan.root) return scan.root;
  }
  scan.end();
  // end() refuses a file without a root element, so this is only for the type checker.
  throw refused(`${path}: no root element`, { file: path, line: 1 });
}

/**
 * {@link decodeChunks}, plus one case it leaves as a bare TypeError: a UTF-8 file cut inside a
 * multi-byte character fails only when the decoder is flushed at the end of the file. That is a
 * truncated file, and is refused as such at the last line read.
 */
async function* decode(path: string, scan: XmlScan): AsyncGenerator<string> {
  try {
    yield* decodeChunks(path, scan.encoding);
  } catch (err) {
    if ((err as { code?: unknown }).code !== 'ERR_ENCODING_INVALID_ENCODED_DATA') throw err;
    const line = scan.line;
    throw refused(
      `${path}: truncated: file ends at line ${line} inside a multi-byte UTF-8 character`,
      { file: path, line },
      err,
    );
  }
}

/**
 * Root element names of XML list files we know, with what they are, so that a parser can say
 * "this looks like OFAC sdn.xml" rather than only "wrong root element".
 */
const KNOWN_ROOTS: Record<string, string> = {
  CONSOLIDATED_LIST: 'the UN Security Council consolidated list XML',
  sdnList: 'OFAC SDN/consolidated XML (sdn.xml / consolidated.xml)',
  Sanctions: 'OFAC advanced XML (SDN_ADVANCED.XML)',
  export: 'the EU financial sanctions XML (FSF export)',
  WHOLE: 'the EU financial sanctions XML (old FSF layout)',
  ArrayOfFinancialSanctionsTarget: 'the UK OFSI consolidated list XML',
  Designations: 'the UK sanctions list XML',
  html: 'an HTML page',
};

/** What a root element name says the file is, e.g. `sdnList` → OFAC sdn.xml; undefined if unknown. */
export function describeXmlRoot(name: string): string | undefined {
  return KNOWN_ROOTS[name] ?? KNOWN_ROOTS[name.toLowerCase()];
}

/** First child element with this name. */
export function xmlChild(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** All child elements with this name, in document order. */
export function xmlChildren(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

/**
 * Trimmed text of the first child with this name, with runs of white space (line wraps inside
 * values) kept as written; undefined when the child is missing or blank (`<COUNTRY/>`).
 */
export function xmlText(el: XmlElement | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const text = xmlChild(el, name)?.text.trim();
  return text ? text : undefined;
}

/**
 * The element as a plain JSON object for `raw`: a childless element without attributes becomes its
 * trimmed text; otherwise an object whose keys are child names (an array when a name repeats),
 * `@name` for attributes and `#text` for non-blank own text. Same convention as xml2js.
 */
export function xmlToPlain(el: XmlElement): unknown {
  let hasAttrs = false;
  for (const _ in el.attrs) {
    hasAttrs = true;
    break;
  }
  if (!el.children.length && !hasAttrs) return el.text.trim();
  const out: Record<string, unknown> = {};
  if (hasAttrs) for (const k in el.attrs) out[`@${k}`] = el.attrs[k];
  for (const c of el.children) {
    const value = xmlToPlain(c);
    const prev = out[c.name];
    // Values are strings or objects, never arrays, so an array here is one this loop made.
    if (prev === undefined) out[c.name] = value;
    else if (Array.isArray(prev)) prev.push(value);
    else out[c.name] = [prev, value];
  }
  const text = el.text.trim();
  if (text) out['#text'] = text;
  return out;
}

// Encoding labels an XML declaration may carry, by the decoder family that reads them correctly.
const UTF8_LABELS = new Set(['utf-8', 'utf8']);
const LATIN_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'latin1',
  'latin-1',
  'l1',
  'windows-1252',
  'cp1252',
]);
const ASCII_LABELS = new Set(['us-ascii', 'ascii']);

/** saxes event handlers that build trees of the wanted elements; one instance per file. */
class XmlScan {
  readonly encoding: TextEncoding;
  /** Completed wanted elements not yet handed out. */
  readonly done: XmlElement[] = [];
  root: XmlRoot | undefined;

  // xmlns off: names and attributes stay as written (`xsi:noNamespaceSchemaLocation`); list
  // files use namespaces only for schema hints.
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({
    xmlns: false,
    position: true,
  });
  private readonly wanted: ReadonlySet<string>;
  /** Every element open now (names and start lines), for the truncation message. */
  private readonly open: { name: string; line: number }[] = [];
  private lastClosed: { name: string; line: number } | undefined;
  /** Elements being built: a wanted element and its open descendants. */
  private readonly building: XmlElement[] = [];
  private tagLine = 1;
  /** Elements in the record being built, its own included. */
  private recordElements = 0;
  private seenContent = false;
  private failure:
    | { message: string; line: number; column: number; inside?: { name: string; line: number } }
    | undefined;
  /** A refusal decided inside a saxes handler (wrong root, wrong declared encoding). */
  private pending: unknown;

  constructor(
    private readonly path: string,
    private readonly options: XmlReadOptions,
    /** Only the root is wanted: faults after its start tag do not matter. */
    private readonly rootOnly = false,
  ) {
    this.encoding = options.encoding ?? 'utf-8';
    this.wanted = new Set(options.elements);
    const p = this.parser;
    p.on('error', (err) => {
      // Keep the first fault only: saxes goes on after an error and later ones are its echoes.
      // saxes says "unexpected close tag." without naming the element left open; it has just
      // reported that element closed, so it is the last one popped.
      if (this.rootOnly && this.root) return;
      const message = err.message.replace(/^\d+:\d+: /, '');
      this.failure ??= {
        message,
        line: p.line,
        column: p.column + 1,
        inside: message.startsWith('unexpected close tag')
          ? this.lastClosed
          : this.open[this.open.length - 1],
      };
    });
    p.on('xmldecl', (decl) => this.checkDeclaredEncoding(decl.encoding));
    p.on('opentagstart', () => {
      this.tagLine = p.line;
    });
    p.on('opentag', (tag) => this.openTag(tag));
    p.on('closetag', () => this.closeTag());
    p.on('text', (t) => this.addText(t));
    p.on('cdata', (t) => this.addText(t));
  }

  /** Line the parser has read to. */
  get line(): number {
    return this.parser.line;
  }

  /** Feeds one decoded chunk; throws at the first fault. */
  write(chunk: string): void {
    if (!this.seenContent) this.checkLooksLikeXml(chunk);
    this.parser.write(chunk);
    this.throwIfFailed();
    this.checkBuffered();
  }

  /**
   * saxes gathers a text node, CDATA section, comment or attribute value whole in its `text`
   * field before it emits it, so a 200 MB text node would sit in memory (several times over,
   * as it is concatenated) before any handler saw it. Looking at that buffer after each chunk
   * bounds it to the limit plus one chunk. (saxes 6 keeps it there; if a later version does
   * not, the check in addText still bounds what reaches a record.)
   */
  private checkBuffered(): void {
    const buffered = (this.parser as unknown as { text?: unknown }).text;
    if (typeof buffered === 'string' && buffered.length > MAX_XML_TEXT)
      throw this.beyondLimit(
        `a text, comment or attribute value longer than ${MAX_XML_TEXT.toLocaleString('en')} characters`,
      );
  }

  /** INPUT_REFUSED for a file past a limit, naming the line and the record (or element) open. */
  private beyondLimit(what: string): unknown {
    const line = this.parser.line;
    const rec = this.building[0];
    const at = rec ?? this.open[this.open.length - 1];
    const where = at ? ` inside <${at.name}> opened at line ${at.line}` : '';
    return refused(
      `${this.path}: line ${line}: ${what}${where}: beyond the limits of a list file, refused`,
      { file: this.path, line, ...(at && { field: at.name }) },
    );
  }

  /** Ends the document: refuses a truncated file or one without a root element. */
  end(): void {
    const line = this.parser.line;
    if (!this.root && !this.failure) {
      throw refused(`${this.path}: no XML root element (the file ends at line ${line})`, {
        file: this.path,
        line,
      });
    }
    if (this.open.length) {
      // Name the record being read when there is one: "inside <INDIVIDUAL>" says more than
      // "inside <NOTE>"; fall back to the innermost open element.
      const rec = this.building[0];
      const at = rec ? { name: rec.name, line: rec.line } : this.open[this.open.length - 1]!;
      throw refused(
        `${this.path}: truncated: file ends at line ${line} inside <${at.name}> opened at line ${at.line}`,
        { file: this.path, line, field: at.name },
      );
    }
    this.parser.close();
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.pending !== undefined) throw this.pending;
    if (this.failure) {
      const { message, line, column, inside } = this.failure;
      const where = inside ? ` (inside <${inside.name}> opened at line ${inside.line})` : '';
      throw refused(
        `${this.path}: malformed XML at line ${line}, column ${column}: ${message}${where}`,
        { file: this.path, line },
      );
    }
  }

  /**
   * A CSV or text file fed to saxes fails with "text data outside of root node", which does not
   * tell the operator what happened; say plainly that the file is not XML.
   */
  private checkLooksLikeXml(chunk: string): void {
    const start = chunk.replace(/^\uFEFF/, '').trimStart();
    if (!start) return;
    this.seenContent = true;
    if (start[0] !== '<') {
      const line = chunk.slice(0, chunk.length - start.length).split('\n').length;
      const shown = start.slice(0, 40).split(/\r?\n/)[0];
      throw refused(`${this.path}: not an XML file: line ${line} starts with "${shown}"`, {
        file: this.path,
        line,
      });
    }
  }

  /** The bytes were decoded as `encoding`; a declaration naming another one means a wrong file. */
  private checkDeclaredEncoding(declared: string | undefined): void {
    if (!declared) return;
    const label = declared.trim().toLowerCase();
    const ok =
      ASCII_LABELS.has(label) ||
      (this.encoding === 'utf-8' ? UTF8_LABELS.has(label) : LATIN_LABELS.has(label));
    if (!ok) {
      this.pending ??= refused(
        `${this.path}: line ${this.parser.line} declares encoding "${declared}", but the file is read as ${this.encoding.toUpperCase()}`,
        { file: this.path, line: this.parser.line },
      );
    }
  }

  private openTag(tag: SaxesTagPlain): void {
    const line = this.tagLine;
    if (!this.root) {
      this.root = { name: tag.name, attrs: { ...tag.attributes }, line };
      try {
        this.options.onRoot?.(this.root);
      } catch (err) {
        this.pending ??= err;
      }
    }
    // Thrown out of saxes at once (the parser is not used again): saxes keeps a stack entry per
    // open element, so waiting for the end of the chunk would let a mebibyte of `<a>` grow it.
    if (this.open.length >= MAX_XML_DEPTH)
      throw (
        this.pending ?? this.beyondLimit(`elements nested more than ${MAX_XML_DEPTH} levels deep`)
      );
    for (const name in tag.attributes)
      if (tag.attributes[name]!.length > MAX_XML_TEXT)
        throw (
          this.pending ??
          this.beyondLimit(
            `attribute ${name} of <${tag.name}> longer than ${MAX_XML_TEXT.toLocaleString('en')} characters`,
          )
        );
    this.open.push({ name: tag.name, line });
    if (!this.building.length) this.recordElements = 0;
    if (this.building.length || this.wanted.has(tag.name)) {
      if (++this.recordElements > MAX_XML_RECORD_ELEMENTS)
        throw (
          this.pending ??
          this.beyondLimit(
            `a record of more than ${MAX_XML_RECORD_ELEMENTS.toLocaleString('en')} elements`,
          )
        );
      const el: XmlElement = {
        name: tag.name,
        // Copied: saxes hands out null-prototype objects, which surprise deepEqual and friends.
        attrs: { ...tag.attributes },
        children: [],
        text: '',
        line,
      };
      this.building[this.building.length - 1]?.children.push(el);
      this.building.push(el);
    }
  }

  private closeTag(): void {
    if (this.pending !== undefined) return;
    this.lastClosed = this.open.pop();
    if (!this.building.length) return;
    const el = this.building.pop()!;
    if (!this.building.length) this.done.push(el);
  }

  private addText(text: string): void {
    if (this.pending !== undefined) return;
    const el = this.building[this.building.length - 1];
    // Outside a record the text is dropped, but a file holding such a text is no list file.
    const length = el ? (el.text += text).length : text.length;
    if (length > MAX_XML_TEXT) {
      const name = el?.name ?? this.open[this.open.length - 1]?.name ?? 'the root';
      this.pending = this.beyondLimit(
        `text of <${name}> longer than ${MAX_XML_TEXT.toLocaleString('en')} characters`,
      );
    }
  }
}

/**
 * Where a record of an XML list comes from, so every warning about it names the file, line and
 * record (its reference number, or its element name and line while that is not known).
 */
export interface RecordContext {
  file: string;
  record: string;
  warn(warning: ParseWarning): void;
}

/** Reports a dropped or doubtful value of a field at an element's line. */
export function dropValue(
  ctx: RecordContext,
  el: XmlElement,
  field: string,
  message: string,
): void {
  ctx.warn({ message, file: ctx.file, line: el.line, field, record: ctx.record });
}
