"use client";

import type { CustomerSelection } from "./use-customer-selection";

const BOX = "h-4 w-4 cursor-pointer accent-brand-600";

/** The header cell's checkbox: every customer on this page, or none. */
export function SelectPageCheckbox({ selection }: { selection: CustomerSelection }) {
  return (
    <input
      type="checkbox"
      className={BOX}
      aria-label={selection.words("selectPage")}
      checked={selection.wholePage}
      ref={(box) => {
        if (box) box.indeterminate = selection.chosen.length > 0 && !selection.wholePage;
      }}
      onChange={(event) => selection.togglePage(event.target.checked)}
    />
  );
}

/** A row's checkbox, worded by the selection: one translator per list, not one per row. */
export function SelectRowCheckbox({ selection, id, name }: { selection: CustomerSelection; id: number; name: string }) {
  return (
    <input
      type="checkbox"
      className={BOX}
      aria-label={selection.words("selectRow", { name })}
      checked={selection.isSelected(id)}
      onChange={(event) => selection.toggle(id, event.target.checked)}
    />
  );
}
