import { describe, expect, it } from 'vitest';
import { formatProblem } from '../problems/index.ts';
import { CONTENT_PARSERS } from '../parsers/index.ts';
import { validateContent } from './validate.ts';

/** Settings with the sample's stand-ins, sent from `senderEmail` for the site at `siteUrl`. */
const settings = (senderEmail: string, siteUrl: string) => `business:
  name: Wells & Mercer
  email: hello@wellsmercer.example
  address:
    street: 12 High Street
    locality: Lewes
    postalCode: BN7 2AD
    country: United Kingdom
  sameAs:
    - https://www.linkedin.com/company/SAMPLE-wells-mercer
    - https://www.facebook.com/wellsmercer
  memberships:
    - name: The Property Ombudsman
      kind: redress
      number: SAMPLE-D0000
    - name: Propertymark (NAEA)
      kind: trade-body
      number: P12345
sender:
  name: Hannah Wells
  email: ${senderEmail}
timeZone: Europe/London
site:
  url: ${siteUrl}
unsubscribe:
  mailto: unsubscribe@wellsmercer.example
`;

function warningsFor(senderEmail: string, siteUrl: string) {
  const files = [{ path: 'settings.yaml', text: settings(senderEmail, siteUrl) }];
  const { problems, warnings } = validateContent(files, { templates: [], parsers: CONTENT_PARSERS });
  expect(problems).toEqual([]);
  return warnings.map((w) => formatProblem(w).split('\n')[0]);
}

describe("the sample's placeholders", () => {
  it('are not pointed out while the sender and the site are still example addresses', () => {
    expect(warningsFor('hannah@wellsmercer.example', 'https://wellsmercer.example')).toEqual([]);
    expect(warningsFor('hannah@example.com', 'http://localhost:4321')).toEqual([]);
  });

  it('are each pointed out, by line and field, once the sender is a real address', () => {
    expect(warningsFor('hannah@wellsmercer.co.uk', 'https://wellsmercer.example')).toEqual([
      "settings.yaml:10:7 business.sameAs[0]: https://www.linkedin.com/company/SAMPLE-wells-mercer is the sample's placeholder, not yours",
      "settings.yaml:15:15 business.memberships[0].number: SAMPLE-D0000 is the sample's placeholder, not yours",
    ]);
  });

  it('are pointed out once the site is at a real address, with the sender still an example', () => {
    expect(warningsFor('hannah@wellsmercer.example', 'https://www.wellsmercer.co.uk')).toHaveLength(2);
  });
});
