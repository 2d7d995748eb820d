import type { Contact, Entry } from '../model/index.ts';

/** Each contact in a household of two or more, with every member's id (sorted, so in a fixed order). */
export type Households = ReadonlyMap<string, readonly string[]>;

/**
 * The households among `contacts`: contacts linked by `household[].contact`, whichever side names
 * the other, and through any chain of links. A link to an id that is not a contact is ignored.
 */
export function householdsOf(contacts: readonly Entry<Pick<Contact, 'household'>>[]): Households {
  const ids = new Set(contacts.map((c) => c.id));
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let top = id;
    while (parent.has(top)) top = parent.get(top) as string;
    // Point the path straight at its root, so later lookups are short.
    for (let at = id; at !== top; ) {
      const next = parent.get(at) as string;
      parent.set(at, top);
      at = next;
    }
    return top;
  };
  for (const contact of contacts) {
    for (const member of contact.data.household) {
      if (!member.contact || !ids.has(member.contact)) continue;
      // The smaller id is the root, so a household's root is its first member.
      const [low, high] = [root(contact.id), root(member.contact)].sort();
      if (low !== high) parent.set(high, low);
    }
  }
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const top = root(id);
    let group = groups.get(top);
    if (!group) groups.set(top, (group = [top]));
    group.push(id);
  }
  const households = new Map<string, readonly string[]>();
  for (const group of groups.values()) {
    const members = group.toSorted();
    for (const id of members) households.set(id, members);
  }
  return households;
}

/** "Hana", "Hana and Oliver", "Ana, Ben and Carla"; with `last` "or", "wine, flowers or chocolates". */
export function joinList(items: readonly string[], last: 'and' | 'or' = 'and'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1)}`;
}
