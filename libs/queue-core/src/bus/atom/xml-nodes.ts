import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/**
 * An XML node in fast-xml-parser's `preserveOrder` shape: an element `{name: children, ':@'?:
 * attributes}` or a text node `{'#text': value}`. Attribute names carry the `@_` prefix.
 */
export type XmlNode = { [name: string]: XmlNode[] | XmlAttributes | string | undefined } & {
  ':@'?: XmlAttributes;
  '#text'?: string;
};
export type XmlAttributes = Record<string, string>;

const ATTRIBUTES = ':@';
const TEXT = '#text';
const PREFIX = '@_';

/**
 * The one parser configuration for untrusted XML: order and attributes kept, values left as
 * text, the predefined and numeric character entities decoded. Callers refuse DOCTYPE first, so
 * no entity is ever declared (no XXE, no entity expansion); nesting is capped by the parser.
 */
export const xmlParser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: PREFIX,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** Serializes {@link XmlNode}s, escaping every text and attribute value. */
export const xmlBuilder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: PREFIX,
  processEntities: true,
  suppressEmptyNode: true,
});

// Characters XML 1.0 does not allow, even escaped.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** An element with attributes (names without prefix) and children. */
export function el(name: string, attributes: XmlAttributes, children: XmlNode[]): XmlNode {
  const node: XmlNode = { [name]: children };
  const entries = Object.entries(attributes);
  if (entries.length > 0) {
    node[ATTRIBUTES] = Object.fromEntries(entries.map(([k, v]) => [PREFIX + k, xmlSafe(v)]));
  }
  return node;
}

/** A text node; characters XML cannot carry become U+FFFD. */
export function text(value: string): XmlNode {
  return { [TEXT]: xmlSafe(value) };
}

/** `<name attributes>value</name>`. */
export function textEl(name: string, value: string, attributes: XmlAttributes = {}): XmlNode {
  return el(name, attributes, [text(value)]);
}

/** The element name of a node (with any namespace prefix), or undefined for text. */
export function nameOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ATTRIBUTES && k !== TEXT);
}

/** The name without its namespace prefix. */
export function localName(node: XmlNode): string | undefined {
  const name = nameOf(node);
  return name?.slice(name.indexOf(':') + 1);
}

export function childrenOf(node: XmlNode): XmlNode[] {
  const name = nameOf(node);
  const children = name === undefined ? undefined : node[name];
  return Array.isArray(children) ? children : [];
}

export function attributeOf(node: XmlNode, name: string): string | undefined {
  return node[ATTRIBUTES]?.[PREFIX + name];
}

/** All text below a node, in document order. */
export function textOf(node: XmlNode): string {
  if (typeof node[TEXT] === 'string') return node[TEXT];
  return childrenOf(node).map(textOf).join('');
}

/** Whether a node is text made only of white space. */
export function isBlank(node: XmlNode): boolean {
  return nameOf(node) === undefined && textOf(node).trim() === '';
}

function xmlSafe(value: string): string {
  return value.replace(NOT_XML_CHAR, '\uFFFD');
}
