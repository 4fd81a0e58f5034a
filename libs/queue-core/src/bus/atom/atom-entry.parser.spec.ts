import { MalformedEntryError } from '../../errors/malformed-entry.error';
import { MessageTooLargeError } from '../../errors/message-too-large.error';
import { AtomEntryParser, MAX_MESSAGE_BYTES } from './atom-entry.parser';

const parser = new AtomEntryParser();
const entry = (inner: string) => `<entry xmlns="http://www.w3.org/2005/Atom">${inner}</entry>`;

describe('AtomEntryParser', () => {
  it.each([
    ['text by default', '<content>a &lt; b &#233;</content>', 'text', 'a < b é'],
    ['html as text', '<content type="html">&lt;p&gt;hi&lt;/p&gt;</content>', 'html', '<p>hi</p>'],
    [
      'xhtml as its div',
      '<content type="xhtml">\n <div xmlns="http://www.w3.org/1999/xhtml">a <b>b</b> &amp; c</div>\n</content>',
      'xhtml',
      '<div xmlns="http://www.w3.org/1999/xhtml">a <b>b</b> &amp; c</div>',
    ],
    [
      'JSON text',
      '<content type="application/json"> {"a": [1, 2]} </content>',
      'application/json',
      '{"a":[1,2]}',
    ],
    [
      'Base64 JSON',
      `<content type="application/json">${Buffer.from('{"b":true}').toString('base64')}</content>`,
      'application/json',
      '{"b":true}',
    ],
    [
      'inline XML',
      '<content type="application/xml"><order id="7"><item>x</item></order></content>',
      'application/xml',
      '<order id="7"><item>x</item></order>',
    ],
    ['other media types as given', '<content type="text/csv">a,b</content>', 'text/csv', 'a,b'],
    ['no content as empty text', '<summary>s</summary>', 'text', ''],
  ])('reads %s', (_what, inner, contentType, body) => {
    expect(parser.parse(entry(`<title> Hi </title>${inner}`))).toEqual({
      title: 'Hi',
      content_type: contentType,
      body,
    });
  });

  it('accepts a prefixed Atom namespace, an XML declaration and a missing title', () => {
    const xml = `<?xml version="1.0"?>\n<a:entry xmlns:a="http://www.w3.org/2005/Atom"><a:content>x</a:content></a:entry>`;
    expect(parser.parse(xml)).toEqual({ content_type: 'text', body: 'x' });
  });

  it('decodes an entry sent URL-encoded, as curl --data-urlencode sends it', () => {
    const raw = entry('<title>a+b %</title><content>x</content>');
    const eq = raw.indexOf('=');
    const sent = raw.slice(0, eq + 1) + encodeURIComponent(raw.slice(eq + 1));
    expect(parser.parse(sent)).toEqual({ title: 'a+b %', content_type: 'text', body: 'x' });
    expect(parser.parse(raw)).toEqual({ title: 'a+b %', content_type: 'text', body: 'x' });
  });

  it.each([
    ['', /the body is empty/],
    ['<entry>%3C</bad>', /malformed XML/],
    ['<entry><title>x</entry>', /malformed XML at line 1/],
    ['just text', /malformed XML/],
    [
      '<!DOCTYPE entry [<!ENTITY x "y">]><entry>&x;</entry>',
      /DOCTYPE declarations are not accepted/,
    ],
    ['<feed/>', /must be an Atom <entry>, got <feed>/],
    [entry('<content src="http://x/y"/>'), /out-of-line content/],
    [entry('<content type="xhtml"><p>no div</p></content>'), /exactly one XHTML <div>/],
    [entry('<content type="application/json">{nope</content>'), /must be JSON text/],
    [entry('<content type="bogus type">x</content>'), /not text, html, xhtml or a media type/],
    [entry(`<title>${'t'.repeat(1025)}</title>`), /longer than 1024 characters/],
    [`${'<a>'.repeat(200)}${'</a>'.repeat(200)}`, /unreadable XML|must be an Atom/],
  ])('refuses %j', (xml, message) => {
    expect(() => parser.parse(xml)).toThrow(MalformedEntryError);
    expect(() => parser.parse(xml)).toThrow(message);
  });

  it('refuses bodies beyond the message size limit', () => {
    const xml = entry(`<content>${'x'.repeat(MAX_MESSAGE_BYTES)}</content>`);
    expect(() => parser.parse(xml)).toThrow(MessageTooLargeError);
  });
});
