import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from './front-matter.ts';

describe('splitFrontMatter', () => {
  it('cuts the YAML between the first two fences from the body', () => {
    expect(splitFrontMatter('---\nsubject: Hi\n---\nDear reader,\n\n---\n\nA rule above.\n')).toEqual({
      found: true,
      closed: true,
      matter: 'subject: Hi\n',
      body: 'Dear reader,\n\n---\n\nA rule above.\n',
    });
  });

  it('reads CRLF line ends and fences with trailing spaces', () => {
    expect(splitFrontMatter('--- \r\nsubject: Hi\r\n---\t\r\nBody\r\n')).toEqual({
      found: true,
      closed: true,
      matter: 'subject: Hi\r\n',
      body: 'Body\r\n',
    });
  });

  it('takes empty front matter, and a closing fence at the very end', () => {
    expect(splitFrontMatter('---\n---\nBody')).toEqual({ found: true, closed: true, matter: '', body: 'Body' });
    expect(splitFrontMatter('---\nsubject: Hi\n---')).toEqual({ found: true, closed: true, matter: 'subject: Hi\n', body: '' });
  });

  it('leaves a dash line inside a value, and longer runs of dashes, to the YAML', () => {
    const text = '---\nnote: |\n  ---\n----\n---\nBody';
    expect(splitFrontMatter(text)).toEqual({ found: true, closed: true, matter: 'note: |\n  ---\n----\n', body: 'Body' });
  });

  it('says when there is no opening fence or no closing one', () => {
    expect(splitFrontMatter('subject: Hi\n---\nBody')).toEqual({ found: false, closed: false, matter: '', body: 'subject: Hi\n---\nBody' });
    expect(splitFrontMatter('----\nsubject: Hi\n---\n')).toMatchObject({ found: false });
    expect(splitFrontMatter('---yaml\nsubject: Hi\n---\n')).toMatchObject({ found: false });
    expect(splitFrontMatter('---\nsubject: Hi\n')).toEqual({ found: true, closed: false, matter: '', body: '---\nsubject: Hi\n' });
  });
});
