import { stringify } from 'yaml';
import { generateContent, SETTINGS } from '../test/helpers/generate-content.ts';
import { addToTree } from '../test/helpers/temp-dir.ts';
const TOPICS = [
  { id: 'buying', label: 'Buying a first home', tags: ['first-time-buyer'] },
  { id: 'landlords', label: 'Landlords', tags: ['landlord', 'investor'] },
  { id: 'downsizing', label: 'Downsizing', tags: ['downsizer'] },
  { id: 'families', label: 'Families', tags: ['family'] },
  { id: 'moving', label: 'Moving to the area', tags: ['relocating'] },
];
const content = '/tmp/site5k/content';
await addToTree(content, generateContent({ contacts: 1_000, testimonials: 5000, seed: 42 }));
await addToTree(content, { 'settings.yaml': stringify({ ...SETTINGS, site: { ...SETTINGS.site, locale: 'en-GB', topics: TOPICS } }) });
