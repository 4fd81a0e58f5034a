import { Injectable } from '@nestjs/common';
import { RedisKeys } from '../../names/redis-keys';
import { ATOM_NS, isXmlContentType } from './atom-entry.parser';
import { contentText } from '../bus-entry';
import { BusMessage, JSON_CONTENT_TYPE } from '../bus-message';
import { el, textEl, XmlNode, xmlBuilder, xmlParser } from './xml-nodes';

/** The AtomPub namespace (RFC 5023). */
export const APP_NS = 'http://www.w3.org/2007/app';

/** Links of a feed page: `self` always, `next` where the reader goes on. */
export interface FeedLinks {
  self: string;
  next?: string;
}

/** A topic as an AtomPub collection. */
export interface FeedCollection {
  title: string;
  href: string;
}

const XML_DECLARATION: XmlNode = {
  '?xml': [{ '#text': '' }],
  ':@': { '@_version': '1.0', '@_encoding': 'utf-8' },
};
const AUTHOR = el('author', {}, [textEl('name', 'jobq')]);

/**
 * Writes Atom 1.0 feeds and entries (RFC 4287) and AtomPub service documents (RFC 5023) with
 * fast-xml-parser's builder: every value is escaped by the builder, never pasted into markup.
 * Entries carry the required `id`, `title` (the message title, else its id) and `updated`;
 * JSON content is `type="application/json"` text, XML and XHTML content stay inline XML.
 */
@Injectable()
export class AtomFeedBuilder {
  constructor(private readonly keys: RedisKeys) {}

  /** A stable feed id for a topic: a tag URI (RFC 4151) naming the key prefix and the topic. */
  feedId(topic: string): string {
    return `tag:jobq,2025:bus/${encodeURIComponent(this.keys.prefix)}/${topic}`;
  }

  /** A feed document of `messages` (oldest first). */
  feed(topic: string, messages: BusMessage[], links: FeedLinks): string {
    const updated = messages.at(-1)?.published_at ?? new Date().toISOString();
    const children = [
      textEl('id', this.feedId(topic)),
      textEl('title', topic),
      textEl('updated', updated),
      el('link', { rel: 'self', href: links.self }, []),
      ...(links.next ? [el('link', { rel: 'next', href: links.next }, [])] : []),
      AUTHOR,
      textEl('generator', 'jobq'),
      ...messages.map((m) => this.entryNode(m)),
    ];
    return this.document(el('feed', { xmlns: ATOM_NS }, children));
  }

  /** A standalone entry document (the answer to an Atom publish). */
  entry(message: BusMessage, self: string): string {
    const extra = [el('link', { rel: 'self', href: self }, []), AUTHOR];
    return this.document(this.entryNode(message, { xmlns: ATOM_NS }, extra));
  }

  /** An AtomPub service document with one workspace listing `collections`. */
  serviceDocument(collections: FeedCollection[]): string {
    const collection = ({ title, href }: FeedCollection) =>
      el('collection', { href }, [
        textEl('atom:title', title),
        textEl('accept', 'application/atom+xml;type=entry'),
        textEl('accept', JSON_CONTENT_TYPE),
      ]);
    const workspace = el('workspace', {}, [
      textEl('atom:title', 'jobq bus'),
      ...collections.map(collection),
    ]);
    return this.document(el('service', { xmlns: APP_NS, 'xmlns:atom': ATOM_NS }, [workspace]));
  }

  private entryNode(message: BusMessage, attributes = {}, extra: XmlNode[] = []): XmlNode {
    return el('entry', attributes, [
      textEl('id', message.id),
      textEl('title', message.title ?? message.id),
      textEl('updated', message.published_at),
      textEl('published', message.published_at),
      ...extra,
      this.contentNode(message),
    ]);
  }

  private contentNode(message: BusMessage): XmlNode {
    const type = message.content_type;
    if (isXmlContentType(type)) {
      const inner = message.content ? (xmlParser.parse(String(message.content)) as XmlNode[]) : [];
      return el('content', { type }, inner);
    }
    return textEl('content', contentText(message), { type });
  }

  private document(root: XmlNode): string {
    return xmlBuilder.build([XML_DECLARATION, root]) as string;
  }
}
