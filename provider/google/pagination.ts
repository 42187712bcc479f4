/**
 * Collects every item of a paged list (`pageToken` → `nextPageToken`). A token that comes back twice
 * would loop forever, so it ends the walk with an error instead.
 */
export async function collectPages<Item>(
  fetchPage: (pageToken: string | undefined) => Promise<{ items: Item[] | undefined; nextPageToken: string | undefined }>,
  what: string,
): Promise<Item[]> {
  const items: Item[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetchPage(token);
    items.push(...(page.items ?? []));
    token = page.nextPageToken || undefined;
    if (token !== undefined) {
      if (seen.has(token)) throw new Error(`listing ${what} did not advance: page token ${JSON.stringify(token)} repeated`);
      seen.add(token);
    }
  } while (token !== undefined);
  return items;
}
