/**
 * The id a calendar item's card is named by on the prevention page (its heading is `${anchor}-title`,
 * its date field `${anchor}-date`): the page's own links reach it, and so does a « prévention à
 * prévoir » notice, which lands on its item's card rather than at the top of the page.
 */
export function itemAnchor(item: string): string {
  return `item-${item.toLowerCase()}`;
}

/** Where a notice about `item` leads: its card's heading on the prevention page of the space. */
export function itemCardPath(item: string): `/espace/prevention#${string}` {
  return `/espace/prevention#${itemAnchor(item)}-title`;
}
