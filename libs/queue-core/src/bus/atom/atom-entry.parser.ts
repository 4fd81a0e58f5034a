import { Injectable } from '@nestjs/common';
import { XMLValidator } from 'fast-xml-parser';
import { MalformedEntryError } from '../../errors/malformed-entry.error';
import { MessageTooLargeError } from '../../errors/message-too-large.error';
import { JSON_CONTENT_TYPE, MessageDraft } from '../bus-message';
import {
  attributeOf,
  childrenOf,
  isBlank,
  localName,
  nameOf,
  textOf,
  XmlNode,
  xmlBuilder,
  xmlParser,
} from './xml-nodes';

/** The Atom 1.0 namespace (RFC 4287). */
export const ATOM_NS = 'http://www.w3.org/2005/Atom';

/** Largest bus message, in bytes of its body (JSON text or Atom entry). @defaultValue 1 MiB */
export const MAX_MESSAGE_BYTES = 1024 * 1024;

/** Longest message title, in characters. */
export const MAX_TITLE_LENGTH = 1024;

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/;

/** Whether Atom content of this type is inline XML (RFC 4287 §4.1.3.3). */
export function isXmlContentType(type: string): boolean {
  return type === 'xhtml' || /[/+]xml$/.test(type);
}

/**
 * Reads an Atom 1.0 `<entry>` (RFC 4287) into a message: its `<title>` and `<content>` (`text`,
 * `html`, `xhtml`, JSON, inline XML or another media type). The client's own `<id>` and dates
 * are ignored: the bus assigns them. Bodies are bounded, DOCTYPE is refused, and the XML must be
 * well-formed — every problem is a {@link MalformedEntryError} saying what is wrong.
 */
@Injectable()
export class AtomEntryParser {
  /** Reads an entry; one sent URL-encoded (`curl --data-urlencode`) is decoded first. */
  parse(xml: string): MessageDraft {
    try {
      return this.read(xml);
    } catch (err) {
      const decoded = err instanceof MalformedEntryError ? urlDecoded(xml) : undefined;
      if (decoded === undefined) throw err;
      try {
        return this.read(decoded);
      } catch {
        throw err;
      }
    }
  }

  private read(xml: string): MessageDraft {
    const bytes = Buffer.byteLength(xml);
    if (bytes > MAX_MESSAGE_BYTES) throw new MessageTooLargeError(bytes, MAX_MESSAGE_BYTES);
    const source = xml.trim();
    if (source === '') throw new MalformedEntryError('the body is empty');
    if (/<!DOCTYPE/i.test(source)) {
      throw new MalformedEntryError('DOCTYPE declarations are not accepted');
    }
    const valid = XMLValidator.validate(source);
    if (valid !== true) {
      const { line, col, msg } = valid.err;
      throw new MalformedEntryError(`malformed XML at line ${line}, column ${col}: ${msg}`, {
        line,
        column: col,
      });
    }
    const root = this.root(source);
    const children = childrenOf(root).filter((n) => nameOf(n) !== undefined);
    const titleNode = children.find((n) => localName(n) === 'title');
    const title = titleNode ? textOf(titleNode).trim() : '';
    if (title.length > MAX_TITLE_LENGTH) {
      throw new MalformedEntryError(`the <title> is longer than ${MAX_TITLE_LENGTH} characters`);
    }
    const content = this.content(children.find((n) => localName(n) === 'content'));
    return title ? { title, ...content } : content;
  }

  private root(source: string): XmlNode {
    let nodes: XmlNode[];
    try {
      nodes = xmlParser.parse(source) as XmlNode[];
    } catch (err) {
      throw new MalformedEntryError(`unreadable XML: ${(err as Error).message}`);
    }
    const root = nodes.find((n) => nameOf(n) !== undefined);
    if (!root || localName(root) !== 'entry') {
      const got = root ? `<${nameOf(root)}>` : 'no element';
      throw new MalformedEntryError(`the document must be an Atom <entry>, got ${got}`);
    }
    return root;
  }

  private content(node: XmlNode | undefined): Omit<MessageDraft, 'title'> {
    if (!node) return { content_type: 'text', body: '' };
    if (attributeOf(node, 'src') !== undefined) {
      throw new MalformedEntryError(
        'out-of-line content (<content src="…">) is not supported: put the message inside <content>',
      );
    }
    const type = (attributeOf(node, 'type') ?? 'text').split(';')[0].trim().toLowerCase();
    if (type === 'text' || type === 'html') return { content_type: type, body: textOf(node) };
    const elements = childrenOf(node).filter((n) => !isBlank(n));
    if (type === 'xhtml') {
      if (elements.length !== 1 || localName(elements[0]) !== 'div') {
        throw new MalformedEntryError('xhtml content must be exactly one XHTML <div> element');
      }
      return { content_type: type, body: xmlBuilder.build(elements) as string };
    }
    if (!MEDIA_TYPE.test(type)) {
      throw new MalformedEntryError(
        `content type ${JSON.stringify(type)} is not text, html, xhtml or a media type`,
      );
    }
    if (type === JSON_CONTENT_TYPE || type.endsWith('+json')) {
      return { content_type: JSON_CONTENT_TYPE, body: jsonText(textOf(node)) };
    }
    if (isXmlContentType(type)) return { content_type: type, body: xmlBuilder.build(elements) };
    return { content_type: type, body: textOf(node) };
  }
}

/** The text URL-decoded, if it looks URL-encoded and decodes. */
function urlDecoded(text: string): string | undefined {
  if (!/%[0-9a-f]{2}/i.test(text)) return undefined;
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** Normalized JSON text from JSON content, given as text or (RFC 4287 style) as Base64. */
function jsonText(raw: string): string {
  for (const candidate of [raw, Buffer.from(raw.trim(), 'base64').toString('utf8')]) {
    try {
      return JSON.stringify(JSON.parse(candidate));
    } catch {
      // next candidate
    }
  }
  throw new MalformedEntryError('content of type application/json must be JSON text');
}
